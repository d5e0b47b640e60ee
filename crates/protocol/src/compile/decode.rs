//! Step 1: TOML text to positioned raw items. Each array entry is decoded on its own, so one
//! malformed question does not hide problems in the others.

use crate::diagnostic::{Diagnostics, did_you_mean};
use crate::raw::*;
use serde::de::DeserializeOwned;
use std::collections::HashSet;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

const TOP_LEVEL: [&str; 11] = [
    "protocol",
    "enforced",
    "sections",
    "dimensions",
    "dimension_rules",
    "indicators",
    "outcome_rules",
    "stop_rules",
    "referrals",
    "safety_notes",
    "report",
];

/// A section with its questions, each with its key path.
pub(super) type RawSectionEntry = (String, RawSection, Vec<(String, RawQuestion)>);

pub(super) struct RawDocument {
    pub root_span: Range<usize>,
    pub header: Option<RawHeader>,
    pub enforced: RawEnforced,
    pub sections: Vec<RawSectionEntry>,
    /// Ids of questions that did not decode: references to them are not reported again.
    pub broken_questions: HashSet<String>,
    pub dimensions: Vec<(String, RawDimension)>,
    pub dimension_rules: Vec<(String, RawDimensionRule)>,
    pub indicators: Vec<(String, RawIndicator)>,
    pub outcome_rules: Vec<(String, RawOutcomeRule)>,
    pub stop_rules: Vec<(String, RawStopRule)>,
    pub referrals: Vec<(String, RawReferral)>,
    pub safety_notes: Vec<(String, RawSafetyNote)>,
    /// `[report]`: variable name → its source.
    pub report: Vec<(String, Spanned<RawReportField>)>,
}

/// `None` when the file is not valid TOML or has no `[protocol]` header: nothing else can be
/// checked meaningfully then.
pub(super) fn decode_document(source: &str, d: &mut Diagnostics) -> Option<RawDocument> {
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim();
            // The TOML reader's own depth limit is what bounds conditions too; say so in the
            // protocol's terms rather than the parser's.
            let hint = if message.contains("recursion") {
                "tables and arrays (conditions included) nest too deeply here: flatten nested `all`/`any` into one list, or split the condition"
            } else {
                "fix the TOML syntax first; other checks run once the file parses"
            };
            d.error_hint("toml-syntax", span, "", message.to_string(), hint);
        }
        return None;
    }
    let root_span = root.span();
    let root = root.into_inner();
    for (key, _) in root.iter() {
        if !TOP_LEVEL.contains(&key.get_ref().as_ref()) {
            let hint = did_you_mean(key.get_ref(), TOP_LEVEL)
                .unwrap_or_else(|| format!("known tables: {}", TOP_LEVEL.join(", ")));
            d.error_hint(
                "unknown-table",
                key.span(),
                key.get_ref().to_string(),
                format!("unknown top-level key `{}`", key.get_ref()),
                hint,
            );
        }
    }
    let Some(header_value) = root.get("protocol") else {
        d.error_hint(
            "missing-header",
            root_span.start..root_span.start,
            "protocol",
            "the `[protocol]` header is missing",
            "add a [protocol] table with id, version, status, title, intended_users, review_by, default_language, sources and languages",
        );
        return None;
    };
    let header = decode(header_value, "protocol", d);
    let enforced = match root.get("enforced") {
        Some(v) => decode(v, "enforced", d).unwrap_or_default(),
        None => RawEnforced::default(),
    };
    let mut broken_questions = HashSet::new();
    let sections = decode_sections(&root, &mut broken_questions, d);
    Some(RawDocument {
        root_span,
        header,
        enforced,
        sections,
        broken_questions,
        dimensions: decode_all(&root, "dimensions", d),
        dimension_rules: decode_all(&root, "dimension_rules", d),
        indicators: decode_all(&root, "indicators", d),
        outcome_rules: decode_all(&root, "outcome_rules", d),
        stop_rules: decode_all(&root, "stop_rules", d),
        referrals: decode_all(&root, "referrals", d),
        safety_notes: decode_all(&root, "safety_notes", d),
        report: decode_report(&root, d),
    })
}

fn decode_sections(root: &DeTable<'_>, broken: &mut HashSet<String>, d: &mut Diagnostics) -> Vec<RawSectionEntry> {
    let mut sections = Vec::new();
    for (path, v) in array_items(root, "sections", d) {
        let mut table = v.clone();
        let mut questions = Vec::new();
        if let DeValue::Table(t) = table.get_mut()
            && let Some(qs) = t.remove("questions")
        {
            match qs.get_ref() {
                DeValue::Array(items) => {
                    for (i, q) in items.iter().enumerate() {
                        let qpath = format!("{path}.questions[{i}]");
                        match decode::<RawQuestion>(q, &qpath, d) {
                            Some(raw) => questions.push((qpath, raw)),
                            None => broken.extend(
                                q.get_ref()
                                    .get("id")
                                    .and_then(|id| id.get_ref().as_str())
                                    .map(str::to_string),
                            ),
                        }
                    }
                }
                _ => d.error(
                    "not-an-array",
                    qs.span(),
                    format!("{path}.questions"),
                    "`questions` must be an array of tables ([[sections.questions]])",
                ),
            }
        }
        if let Some(section) = decode::<RawSection>(&table, &path, d) {
            sections.push((path, section, questions));
        }
    }
    sections
}

fn decode_report(root: &DeTable<'_>, d: &mut Diagnostics) -> Vec<(String, Spanned<RawReportField>)> {
    let Some(v) = root.get("report") else {
        return Vec::new();
    };
    let DeValue::Table(t) = v.get_ref() else {
        d.error("not-a-table", v.span(), "report", "`report` must be a table ([report])");
        return Vec::new();
    };
    t.iter()
        .filter_map(|(k, v)| {
            let path = format!("report.{}", k.get_ref());
            decode::<RawReportField>(v, &path, d).map(|f| (k.get_ref().to_string(), Spanned::new(v.span(), f)))
        })
        .collect()
}

fn decode<T: DeserializeOwned>(v: &Spanned<DeValue<'_>>, path: &str, d: &mut Diagnostics) -> Option<T> {
    let mut owned = v.clone();
    owned.get_mut().make_owned();
    match T::deserialize(ValueDeserializer::from(owned)) {
        Ok(t) => Some(t),
        Err(e) => {
            let span = e.span().unwrap_or_else(|| v.span());
            let mut message = e.message().trim().to_string();
            let mut hint = unknown_field_hint(&message);
            // TOML reads an unquoted 2030-01-01 as a date value, which serde shows as a map.
            if message == "invalid type: map, expected a string" {
                message =
                    "this value is a TOML date or time (written without quotes), but text is expected here".into();
                hint = Some("write dates in quotes, e.g. \"2030-01-01\"".into());
            }
            d.push(
                crate::diagnostic::Severity::Error,
                "invalid-field",
                span,
                path,
                message,
                hint,
            );
            None
        }
    }
}

/// Turns serde's "unknown field `x`, expected one of `a`, `b`" into a did-you-mean.
fn unknown_field_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (wrong, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    did_you_mean(wrong, candidates.iter().copied())
}

fn array_items<'a, 'i>(
    root: &'a DeTable<'i>,
    key: &str,
    d: &mut Diagnostics,
) -> Vec<(String, &'a Spanned<DeValue<'i>>)> {
    match root.get(key) {
        None => Vec::new(),
        Some(v) => match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| (format!("{key}[{i}]"), item))
                .collect(),
            _ => {
                d.error_hint(
                    "not-an-array",
                    v.span(),
                    key,
                    format!("`{key}` must be an array of tables"),
                    format!("write each entry as [[{key}]]"),
                );
                Vec::new()
            }
        },
    }
}

fn decode_all<T: DeserializeOwned>(root: &DeTable<'_>, key: &str, d: &mut Diagnostics) -> Vec<(String, T)> {
    let items = array_items(root, key, d);
    items
        .into_iter()
        .filter_map(|(path, v)| decode(v, &path, d).map(|t| (path, t)))
        .collect()
}
