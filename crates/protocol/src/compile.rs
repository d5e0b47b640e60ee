//! Turns a protocol file into a [`Protocol`], reporting every problem it can find at once, each
//! located by line and column. Never panics on any input.

use crate::builtin::{self, APP_KEY_PREFIX};
use crate::condition::{Cmp, Cond, Expected, Test};
use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::*;
use crate::raw::*;
use crate::reachability;
use jiff::civil::Date;
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// The result of compiling one protocol file: the protocol if there were no errors, and every
/// diagnostic (errors and warnings) either way.
pub struct Compiled {
    pub protocol: Option<Protocol>,
    pub diagnostics: Vec<Diagnostic>,
}

const TOP_LEVEL: [&str; 10] = [
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
];

/// The ILO/EC 2009 dimensions a protocol's dimensions are tagged with, by phase.
pub const CTDC_MEANS: [&str; 16] = [
    "debt-bondage",
    "takes-earnings",
    "threats",
    "psychological-abuse",
    "physical-abuse",
    "sexual-abuse",
    "false-promises",
    "psychoactive-substances",
    "restricts-movement",
    "restricts-medical-care",
    "excessive-working-hours",
    "uses-children",
    "threat-of-law-enforcement",
    "withholds-necessities",
    "withholds-documents",
    "other",
];

/// Compiles `source` (the text of `file`). With `today`, also warns about a review date or a
/// referral validity date that has passed.
pub fn compile(file: &str, source: &str, today: Option<Date>) -> Compiled {
    let mut d = Diagnostics::new(file, source);
    let protocol = compile_inner(source, today, &mut d);
    let protocol = if d.has_errors() { None } else { protocol };
    Compiled {
        protocol,
        diagnostics: d.items,
    }
}

fn compile_inner(source: &str, today: Option<Date>, d: &mut Diagnostics) -> Option<Protocol> {
    let (root, errors) = DeTable::parse_recoverable(source);
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().unwrap_or(0..0);
            d.error_hint(
                "toml-syntax",
                span,
                "",
                e.message().trim().to_string(),
                "fix the TOML syntax first; other checks run once the file parses",
            );
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
        d.error_hint("missing-header", root_span.start..root_span.start, "protocol", "the `[protocol]` header is missing", "add a [protocol] table with id, version, status, title, intended_users, review_by, default_language, sources and languages");
        return None;
    };
    let header: Option<RawHeader> = decode(header_value, "protocol", d);
    let enforced: RawEnforced = match root.get("enforced") {
        Some(v) => decode(v, "enforced", d).unwrap_or_default(),
        None => RawEnforced::default(),
    };
    let mut raw_sections = Vec::new();
    let mut broken: HashSet<String> = HashSet::new();
    for (path, v) in array_items(&root, "sections", d) {
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
                            // Already reported; remembering its id spares the author a cascade
                            // of "no question" errors wherever it is used.
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
            raw_sections.push((path, section, questions));
        }
    }
    let raw_dimensions: Vec<(String, RawDimension)> = decode_all(&root, "dimensions", d);
    let raw_rules: Vec<(String, RawDimensionRule)> = decode_all(&root, "dimension_rules", d);
    let raw_indicators: Vec<(String, RawIndicator)> = decode_all(&root, "indicators", d);
    let raw_outcomes: Vec<(String, RawOutcomeRule)> = decode_all(&root, "outcome_rules", d);
    let raw_stops: Vec<(String, RawStopRule)> = decode_all(&root, "stop_rules", d);
    let raw_referrals: Vec<(String, RawReferral)> = decode_all(&root, "referrals", d);
    let raw_notes: Vec<(String, RawSafetyNote)> = decode_all(&root, "safety_notes", d);

    let header = compile_header(header?, d);
    let mut c = Compiler {
        d,
        broken,
        by_id: HashMap::new(),
        kinds: Vec::new(),
        dims: HashMap::new(),
        inds: HashMap::new(),
    };

    // Pass 1: every name, so that references can be checked in any order.
    let mut sections = builtin::sections();
    let mut questions = builtin::questions();
    for (i, q) in questions.iter().enumerate() {
        c.by_id.insert(q.id.clone(), i);
        c.kinds.push(q.kind.clone());
    }
    apply_wording(&enforced, &mut questions, c.d);
    let mut section_first: Vec<QIdx> = vec![0, 0];
    let mut pending: Vec<(String, PendingConditions, usize)> = Vec::new();
    let mut section_ids = HashSet::new();
    for (spath, s, qs) in &raw_sections {
        check_id(s.id.get_ref(), s.id.span(), &format!("{spath}.id"), c.d);
        if !section_ids.insert(s.id.get_ref().clone()) {
            c.d.error(
                "duplicate-id",
                s.id.span(),
                format!("{spath}.id"),
                format!("section id `{}` is used twice", s.id.get_ref()),
            );
        }
        let mode = match s.mode.as_ref().map(|m| m.get_ref().as_str()) {
            None | Some("asked") => SectionMode::Asked,
            Some("observed") => SectionMode::Observed,
            Some(other) => {
                c.d.error_hint(
                    "bad-value",
                    s.mode.as_ref().map_or(0..0, Spanned::span),
                    format!("{spath}.mode"),
                    format!("unknown section mode `{other}`"),
                    "use `asked` (read aloud) or `observed` (interviewer only)",
                );
                SectionMode::Asked
            }
        };
        let title = c.key(&s.title, &format!("{spath}.title"));
        let note = s.note.as_ref().map(|n| c.key(n, &format!("{spath}.note")));
        section_first.push(questions.len());
        sections.push(Section {
            id: s.id.get_ref().clone(),
            title_key: title,
            mode,
            note_key: note,
            relevant: None,
        });
        let section_index = sections.len() - 1;
        if qs.is_empty() {
            c.d.warning(
                "empty-section",
                s.id.span(),
                spath.clone(),
                format!("section `{}` has no questions", s.id.get_ref()),
            );
        }
        for (qpath, rq) in qs {
            let Some(question) = c.question_shell(qpath, rq, section_index) else {
                continue;
            };
            if let Some(prev) = c.by_id.get(&question.id) {
                let what = if *prev < builtin::IDS.len() {
                    "is reserved for a built-in step"
                } else {
                    "is used twice"
                };
                c.d.error(
                    "duplicate-id",
                    rq.id.span(),
                    format!("{qpath}.id"),
                    format!("question id `{}` {what}", question.id),
                );
                continue;
            }
            c.by_id.insert(question.id.clone(), questions.len());
            c.kinds.push(question.kind.clone());
            questions.push(question);
            pending.push((qpath.clone(), raw_clone_conditions(rq), questions.len() - 1));
        }
    }
    let mut dimension_rules = Vec::new();
    let mut rule_ids = HashMap::new();
    for (path, r) in &raw_rules {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), c.d);
        let mut patterns = Vec::new();
        for (i, p) in r.met_when.iter().enumerate() {
            let pr = p.get_ref();
            let pattern = CountPattern {
                strong: pr.strong,
                medium: pr.medium,
                weak: pr.weak,
                total: pr.total,
            };
            if pattern.reached_by(0, 0, 0) {
                c.d.error(
                    "always-met",
                    p.span(),
                    format!("{path}.met_when[{i}]"),
                    "this pattern asks for no indicators, so every dimension using the rule would always be met",
                );
            }
            patterns.push(pattern);
        }
        if patterns.is_empty() {
            c.d.error(
                "empty-rule",
                r.id.span(),
                format!("{path}.met_when"),
                "a dimension rule needs at least one pattern in `met_when`",
            );
        }
        rule_ids.insert(r.id.get_ref().clone(), dimension_rules.len());
        dimension_rules.push(DimensionRule {
            id: r.id.get_ref().clone(),
            met_when: patterns,
        });
    }
    let mut dimensions = Vec::new();
    for (path, r) in &raw_dimensions {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), c.d);
        let phase = match r.phase.get_ref().as_str() {
            "recruitment" => Phase::Recruitment,
            "destination" => Phase::Destination,
            other => {
                c.d.error_hint(
                    "bad-value",
                    r.phase.span(),
                    format!("{path}.phase"),
                    format!("unknown phase `{other}`"),
                    "use `recruitment` or `destination`",
                );
                Phase::Recruitment
            }
        };
        let rule = match rule_ids.get(r.rule.get_ref()) {
            Some(i) => *i,
            None => {
                let hint = did_you_mean(r.rule.get_ref(), rule_ids.keys().map(String::as_str))
                    .unwrap_or_else(|| "define it in [[dimension_rules]]".into());
                c.d.error_hint(
                    "unknown-rule",
                    r.rule.span(),
                    format!("{path}.rule"),
                    format!("no dimension rule `{}`", r.rule.get_ref()),
                    hint,
                );
                0
            }
        };
        if c.dims.insert(r.id.get_ref().clone(), dimensions.len()).is_some() {
            c.d.error(
                "duplicate-id",
                r.id.span(),
                format!("{path}.id"),
                format!("dimension id `{}` is used twice", r.id.get_ref()),
            );
        }
        let label = c.key(&r.label, &format!("{path}.label"));
        dimensions.push(Dimension {
            id: r.id.get_ref().clone(),
            label_key: label,
            phase,
            rule,
        });
    }
    for (i, (path, r)) in raw_indicators.iter().enumerate() {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), c.d);
        if c.inds.insert(r.id.get_ref().clone(), i).is_some() {
            c.d.error(
                "duplicate-id",
                r.id.span(),
                format!("{path}.id"),
                format!("indicator id `{}` is used twice", r.id.get_ref()),
            );
        }
    }

    // Pass 2: conditions and everything that refers to something else.
    for (spath, s, _) in &raw_sections {
        let Some(index) = sections.iter().position(|x| &x.id == s.id.get_ref()) else {
            continue;
        };
        if let Some(rel) = &s.relevant {
            let first = section_first.get(index).copied().unwrap_or(0);
            sections[index].relevant = c.cond(
                rel,
                &format!("{spath}.relevant"),
                Scope::Relevance { at: first, own: None },
            );
        }
    }
    for (qpath, conds, index) in pending {
        if let Some(rel) = &conds.relevant {
            questions[index].relevant = c.cond(
                rel,
                &format!("{qpath}.relevant"),
                Scope::Relevance { at: index, own: None },
            );
        }
        match (&conds.constraint, &conds.constraint_message) {
            (Some(con), Some(msg)) => {
                let compiled = c.cond(
                    con,
                    &format!("{qpath}.constraint"),
                    Scope::Relevance {
                        at: index,
                        own: Some(index),
                    },
                );
                let key = c.key(msg, &format!("{qpath}.constraint_message"));
                questions[index].constraint = compiled.map(|k| (k, key));
            }
            (Some(con), None) => c.d.error_hint(
                "missing-message",
                con.span(),
                format!("{qpath}.constraint"),
                "a constraint needs a `constraint_message`",
                "add constraint_message = \"<text key>\" telling the interviewer what is wrong",
            ),
            (None, Some(msg)) => c.d.warning(
                "unused-message",
                msg.span(),
                format!("{qpath}.constraint_message"),
                "`constraint_message` without a `constraint` is never shown",
            ),
            (None, None) => {}
        }
    }
    let mut indicators = Vec::new();
    for (path, r) in &raw_indicators {
        let Some(&dimension) = c.dims.get(r.dimension.get_ref()) else {
            let hint = did_you_mean(r.dimension.get_ref(), c.dims.keys().map(String::as_str))
                .unwrap_or_else(|| "define it in [[dimensions]]".into());
            c.d.error_hint(
                "unknown-dimension",
                r.dimension.span(),
                format!("{path}.dimension"),
                format!("no dimension `{}`", r.dimension.get_ref()),
                hint,
            );
            continue;
        };
        for n in &r.ilo_forced_labour {
            if !(1..=11).contains(n.get_ref()) {
                c.d.error_hint(
                    "bad-reference",
                    n.span(),
                    format!("{path}.ilo_forced_labour"),
                    format!("ILO forced-labour indicator {} does not exist", n.get_ref()),
                    "the ILO's 2012 list has 11 indicators, numbered 1 to 11",
                );
            }
        }
        for m in &r.ctdc_means {
            if !CTDC_MEANS.contains(&m.get_ref().as_str()) {
                let hint = did_you_mean(m.get_ref(), CTDC_MEANS)
                    .unwrap_or_else(|| format!("known: {}", CTDC_MEANS.join(", ")));
                c.d.error_hint(
                    "bad-reference",
                    m.span(),
                    format!("{path}.ctdc_means"),
                    format!("unknown CTDC means-of-control category `{}`", m.get_ref()),
                    hint,
                );
            }
        }
        let mut strengths = Vec::new();
        for (profile, strength) in r.strength.get_ref() {
            let spath = format!("{path}.strength.{profile}");
            let Some(p) = Profile::from_name(profile) else {
                let hint = did_you_mean(profile, Profile::ALL.iter().map(Profile::name))
                    .unwrap_or_else(|| "profiles: adult-labour, adult-sexual, child-labour, child-sexual".into());
                c.d.error_hint(
                    "unknown-profile",
                    strength.span(),
                    spath,
                    format!("unknown profile `{profile}`"),
                    hint,
                );
                continue;
            };
            match strength.get_ref().as_str() {
                "strong" => strengths.push((p, Strength::Strong)),
                "medium" => strengths.push((p, Strength::Medium)),
                "weak" => strengths.push((p, Strength::Weak)),
                other => c.d.error_hint(
                    "bad-value",
                    strength.span(),
                    spath,
                    format!("unknown strength `{other}`"),
                    "use strong, medium or weak",
                ),
            }
        }
        if strengths.is_empty() {
            c.d.error(
                "no-profile",
                r.strength.span(),
                format!("{path}.strength"),
                "an indicator needs a strength for at least one profile",
            );
        }
        let label = c.key(&r.label, &format!("{path}.label"));
        let Some(when) = c.cond(&r.when, &format!("{path}.when"), Scope::Indicator) else {
            continue;
        };
        indicators.push(Indicator::new(
            r.id.get_ref().clone(),
            label,
            dimension,
            r.ilo_forced_labour.iter().map(|n| *n.get_ref()).collect(),
            r.ctdc_means.iter().map(|m| m.get_ref().clone()).collect(),
            &strengths,
            when,
        ));
    }
    let mut outcome_rules = Vec::new();
    for (path, r) in &raw_outcomes {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), c.d);
        let level = c.level(&r.level, &format!("{path}.level"));
        let age_group = r
            .age_group
            .as_ref()
            .and_then(|g| c.age_group(g, &format!("{path}.age_group")));
        let explanation = c.key(&r.explanation, &format!("{path}.explanation"));
        let when = c.cond(&r.when, &format!("{path}.when"), Scope::Outcome);
        if let (Some(level), Some(when)) = (level, when) {
            outcome_rules.push(OutcomeRule {
                id: r.id.get_ref().clone(),
                level,
                age_group,
                when,
                explanation_key: explanation,
            });
        }
    }
    let mut stop_rules = Vec::new();
    for (path, r) in &raw_stops {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), c.d);
        let message = c.key(&r.message, &format!("{path}.message"));
        if let Some(when) = c.cond(&r.when, &format!("{path}.when"), Scope::Stop) {
            stop_rules.push(StopRule {
                id: r.id.get_ref().clone(),
                when,
                message_key: message,
            });
        }
    }
    let mut referrals = Vec::new();
    for (path, r) in &raw_referrals {
        if let Some(referral) = c.referral(path, r, today) {
            referrals.push(referral);
        }
    }
    let mut safety_notes = Vec::new();
    for (path, r) in &raw_notes {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), c.d);
        let text = c.key(&r.text, &format!("{path}.text"));
        if let Some(when) = c.cond(&r.when, &format!("{path}.when"), Scope::Referral) {
            safety_notes.push(SafetyNote {
                id: r.id.get_ref().clone(),
                text_key: text,
                when,
            });
        }
    }

    let header = header?;
    if let Some(today) = today
        && header.review_by < today
    {
        c.d.warning(
            "review-overdue",
            0..0,
            "protocol.review_by",
            format!("the protocol was due for review on {}", header.review_by),
        );
    }
    check_wholeness(&mut c, root_span, &dimensions, &indicators, &outcome_rules, &referrals);

    let by_id = c.by_id;
    let protocol = Protocol {
        header,
        sections,
        questions,
        dimensions,
        dimension_rules,
        indicators,
        outcome_rules,
        stop_rules,
        referrals,
        safety_notes,
        by_id,
    };
    for index in reachability::unreachable_questions(&protocol) {
        let q = &protocol.questions[index];
        let span = raw_sections
            .iter()
            .flat_map(|(_, _, qs)| qs.iter())
            .find(|(_, rq)| rq.id.get_ref() == &q.id)
            .map_or(0..0, |(_, rq)| rq.id.span());
        let path = raw_sections
            .iter()
            .flat_map(|(_, _, qs)| qs.iter())
            .find(|(_, rq)| rq.id.get_ref() == &q.id)
            .map_or(String::new(), |(p, _)| format!("{p}.relevant"));
        c.d.error_hint("unreachable", span, path, format!("question `{}` can never be shown: no combination of earlier answers makes its relevance (and its section's) true", q.id), "check the relevance conditions for contradictions or for questions that are themselves never shown");
    }
    Some(protocol)
}

/// The conditions of a question, kept for pass 2.
struct PendingConditions {
    relevant: Option<Spanned<RawCondition>>,
    constraint: Option<Spanned<RawCondition>>,
    constraint_message: Option<Spanned<String>>,
}

fn raw_clone_conditions(q: &RawQuestion) -> PendingConditions {
    PendingConditions {
        relevant: q.relevant.as_ref().map(clone_spanned_cond),
        constraint: q.constraint.as_ref().map(clone_spanned_cond),
        constraint_message: q.constraint_message.clone(),
    }
}

fn clone_spanned_cond(c: &Spanned<RawCondition>) -> Spanned<RawCondition> {
    Spanned::new(c.span(), clone_cond(c.get_ref()))
}

fn clone_cond(c: &RawCondition) -> RawCondition {
    let list = |v: &Option<Vec<Spanned<RawCondition>>>| v.as_ref().map(|v| v.iter().map(clone_spanned_cond).collect());
    RawCondition {
        all: list(&c.all),
        any: list(&c.any),
        not: c.not.as_ref().map(|n| Box::new(clone_spanned_cond(n))),
        q: c.q.clone(),
        is: c.is.clone(),
        in_: c.in_.clone(),
        includes: c.includes.clone(),
        lt: c.lt.clone(),
        le: c.le.clone(),
        gt: c.gt.clone(),
        ge: c.ge.clone(),
        answered: c.answered.clone(),
        met: c.met.clone(),
        indicator: c.indicator.clone(),
        age_group: c.age_group.clone(),
        level_at_least: c.level_at_least.clone(),
    }
}

fn decode<T: DeserializeOwned>(v: &Spanned<DeValue<'_>>, path: &str, d: &mut Diagnostics) -> Option<T> {
    let mut owned = v.clone();
    owned.get_mut().make_owned();
    match T::deserialize(ValueDeserializer::from(owned)) {
        Ok(t) => Some(t),
        Err(e) => {
            let span = e.span().unwrap_or_else(|| v.span());
            let message = e.message().trim().to_string();
            let hint = unknown_field_hint(&message);
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

fn check_id(id: &str, span: Range<usize>, path: &str, d: &mut Diagnostics) {
    let ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    if !ok {
        d.error_hint(
            "bad-id",
            span,
            path,
            format!("`{id}` is not a valid id"),
            "ids start with a lower-case letter and use only a-z, 0-9, `_` and `-`",
        );
    }
}

fn apply_wording(enforced: &RawEnforced, questions: &mut [Question], d: &mut Diagnostics) {
    for (step, key) in &enforced.wording {
        match questions.iter_mut().find(|q| &q.id == step) {
            Some(q) => q.text_key = key.get_ref().clone(),
            None => {
                let hint = did_you_mean(step, builtin::IDS)
                    .unwrap_or_else(|| format!("built-in steps: {}", builtin::IDS.join(", ")));
                d.error_hint(
                    "unknown-step",
                    key.span(),
                    format!("enforced.wording.{step}"),
                    format!("no built-in step `{step}` to reword"),
                    hint,
                );
            }
        }
    }
}

fn compile_header(h: RawHeader, d: &mut Diagnostics) -> Option<Header> {
    check_id(h.id.get_ref(), h.id.span(), "protocol.id", d);
    let version = match semver::Version::parse(h.version.get_ref()) {
        Ok(v) => Some(v),
        Err(e) => {
            d.error_hint(
                "bad-version",
                h.version.span(),
                "protocol.version",
                format!("`{}` is not a semantic version: {e}", h.version.get_ref()),
                "write MAJOR.MINOR.PATCH, e.g. \"1.0.0\"",
            );
            None
        }
    };
    let status = match h.status.get_ref().as_str() {
        "draft" => Some(Status::Draft),
        "validated" => Some(Status::Validated),
        "retired" => Some(Status::Retired),
        other => {
            let hint = did_you_mean(other, ["draft", "validated", "retired"])
                .unwrap_or_else(|| "use draft, validated or retired".into());
            d.error_hint(
                "bad-value",
                h.status.span(),
                "protocol.status",
                format!("unknown status `{other}`"),
                hint,
            );
            None
        }
    };
    let review_by = parse_date_field(&h.review_by, "protocol.review_by", d);
    if h.intended_users.is_empty() {
        d.error(
            "missing-value",
            h.id.span(),
            "protocol.intended_users",
            "name at least one intended user group",
        );
    }
    if h.sources.is_empty() {
        d.warning(
            "no-sources",
            h.id.span(),
            "protocol.sources",
            "the protocol cites no source instrument",
        );
    }
    let mut languages = Vec::new();
    let mut tags = HashSet::new();
    for (i, l) in h.languages.iter().enumerate() {
        let path = format!("protocol.languages[{i}]");
        if !crate::answer::is_language_tag(l.tag.get_ref()) {
            d.error(
                "bad-language",
                l.tag.span(),
                format!("{path}.tag"),
                format!("`{}` is not a BCP 47 language tag", l.tag.get_ref()),
            );
        }
        if !tags.insert(l.tag.get_ref().clone()) {
            d.error(
                "duplicate-id",
                l.tag.span(),
                format!("{path}.tag"),
                format!("language `{}` is listed twice", l.tag.get_ref()),
            );
        }
        let direction = match l.direction.get_ref().as_str() {
            "ltr" => Direction::Ltr,
            "rtl" => Direction::Rtl,
            other => {
                d.error_hint(
                    "bad-value",
                    l.direction.span(),
                    format!("{path}.direction"),
                    format!("unknown direction `{other}`"),
                    "use ltr or rtl",
                );
                Direction::Ltr
            }
        };
        let status = match l.status.get_ref().as_str() {
            "complete" => TranslationStatus::Complete,
            "draft-needs-native-review" => TranslationStatus::DraftNeedsNativeReview,
            other => {
                let hint = did_you_mean(other, ["complete", "draft-needs-native-review"])
                    .unwrap_or_else(|| "use complete or draft-needs-native-review".into());
                d.error_hint(
                    "bad-value",
                    l.status.span(),
                    format!("{path}.status"),
                    format!("unknown translation status `{other}`"),
                    hint,
                );
                TranslationStatus::DraftNeedsNativeReview
            }
        };
        languages.push(Language {
            tag: l.tag.get_ref().clone(),
            direction,
            status,
        });
    }
    if languages.is_empty() {
        d.error(
            "missing-value",
            h.id.span(),
            "protocol.languages",
            "declare at least one language",
        );
    }
    if !tags.contains(h.default_language.get_ref()) {
        d.error_hint(
            "unknown-language",
            h.default_language.span(),
            "protocol.default_language",
            format!(
                "default language `{}` is not among the declared languages",
                h.default_language.get_ref()
            ),
            "add it to [[protocol.languages]]",
        );
    } else if languages
        .iter()
        .any(|l| &l.tag == h.default_language.get_ref() && l.status != TranslationStatus::Complete)
    {
        d.error(
            "draft-default",
            h.default_language.span(),
            "protocol.default_language",
            "the default language is the fallback for every other one, so it must be complete",
        );
    }
    let mut key_check = |k: &Spanned<String>, path: &str| check_key(k, path, d);
    key_check(&h.title, "protocol.title");
    if let Some(s) = &h.summary {
        key_check(s, "protocol.summary");
    }
    Some(Header {
        id: h.id.get_ref().clone(),
        version: version?,
        status: status?,
        title_key: h.title.get_ref().clone(),
        summary_key: h.summary.map(|s| s.into_inner()),
        intended_users: h.intended_users.into_iter().map(Spanned::into_inner).collect(),
        review_by: review_by?,
        default_language: h.default_language.into_inner(),
        sources: h
            .sources
            .into_iter()
            .map(|s| Source {
                name: s.name,
                version: s.version,
                link: s.link,
                licence: s.licence,
                verified: s.verified,
            })
            .collect(),
        languages,
    })
}

fn parse_date_field(v: &Spanned<String>, path: &str, d: &mut Diagnostics) -> Option<Date> {
    match v.get_ref().parse::<Date>() {
        Ok(date) => Some(date),
        Err(_) => {
            d.error_hint(
                "bad-date",
                v.span(),
                path,
                format!("`{}` is not a date", v.get_ref()),
                "write dates as \"YYYY-MM-DD\"",
            );
            None
        }
    }
}

fn check_key(k: &Spanned<String>, path: &str, d: &mut Diagnostics) {
    let key = k.get_ref();
    let well_formed = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !well_formed {
        d.error_hint(
            "bad-key",
            k.span(),
            path,
            format!("`{key}` is not a Fluent message id"),
            "text keys start with a letter and use a-z, A-Z, 0-9, `-` and `_`",
        );
    } else if key.starts_with(APP_KEY_PREFIX) {
        d.error_hint(
            "reserved-key",
            k.span(),
            path,
            format!("`{key}` uses the prefix `{APP_KEY_PREFIX}`, which is reserved for the app's own strings"),
            "choose another key",
        );
    }
}

fn check_wholeness(
    c: &mut Compiler,
    root: Range<usize>,
    dims: &[Dimension],
    inds: &[Indicator],
    rules: &[OutcomeRule],
    referrals: &[Referral],
) {
    let start = root.start..root.start;
    if rules.is_empty() && !inds.is_empty() {
        c.d.error(
            "no-outcome-rules",
            start.clone(),
            "outcome_rules",
            "the protocol has indicators but no [[outcome_rules]] to turn them into a level",
        );
    }
    for (i, dim) in dims.iter().enumerate() {
        if !inds.iter().any(|ind| ind.dimension == i) {
            c.d.warning(
                "empty-dimension",
                start.clone(),
                "dimensions",
                format!("dimension `{}` has no indicators, so it can never be met", dim.id),
            );
        }
    }
    let child_rules = rules.iter().any(|r| r.age_group != Some(AgeGroup::Adult));
    if child_rules
        && !referrals
            .iter()
            .any(|r| r.category == ReferralCategory::ChildProtection)
    {
        c.d.warning(
            "no-child-protection",
            start,
            "referrals",
            "outcome rules can apply to children but no child-protection referral is listed",
        );
    }
}

#[derive(Clone, Copy)]
enum Scope {
    /// Relevance or constraint of the question at `at` (or the section starting there). Only
    /// earlier answers may be read, and `own` (a constraint's own question).
    Relevance {
        at: QIdx,
        own: Option<QIdx>,
    },
    Indicator,
    Stop,
    Outcome,
    /// Referral suggestions and safety notes: everything, including the level.
    Referral,
}

struct Compiler<'d, 's> {
    d: &'d mut Diagnostics<'s>,
    /// Ids of questions that failed to decode (already reported).
    broken: HashSet<String>,
    by_id: HashMap<String, QIdx>,
    kinds: Vec<Kind>,
    dims: HashMap<String, DimIdx>,
    inds: HashMap<String, IndIdx>,
}

impl Compiler<'_, '_> {
    fn key(&mut self, k: &Spanned<String>, path: &str) -> String {
        check_key(k, path, self.d);
        k.get_ref().clone()
    }

    fn level(&mut self, v: &Spanned<String>, path: &str) -> Option<Level> {
        let l = Level::from_name(v.get_ref());
        if l.is_none() {
            let hint = did_you_mean(v.get_ref(), Level::ALL.iter().map(Level::name))
                .unwrap_or_else(|| "levels: refer-now, assess-further, labour-rights-concern, no-indication".into());
            self.d.error_hint(
                "bad-value",
                v.span(),
                path,
                format!("unknown outcome level `{}`", v.get_ref()),
                hint,
            );
        }
        l
    }

    fn age_group(&mut self, v: &Spanned<String>, path: &str) -> Option<AgeGroup> {
        match v.get_ref().as_str() {
            "adult" => Some(AgeGroup::Adult),
            "child" => Some(AgeGroup::Child),
            other => {
                self.d.error_hint(
                    "bad-value",
                    v.span(),
                    path,
                    format!("unknown age group `{other}`"),
                    "use adult or child",
                );
                None
            }
        }
    }

    fn question_shell(&mut self, path: &str, q: &RawQuestion, section: usize) -> Option<Question> {
        check_id(q.id.get_ref(), q.id.span(), &format!("{path}.id"), self.d);
        let text = self.key(&q.text, &format!("{path}.text"));
        let note = q.note.as_ref().map(|n| self.key(n, &format!("{path}.note")));
        let kind_name = q.kind.get_ref().as_str();
        let mut choices = || -> Vec<Choice> {
            let Some(raw) = &q.choices else {
                self.d.error_hint(
                    "missing-choices",
                    q.kind.span(),
                    format!("{path}.choices"),
                    format!("a `{kind_name}` question needs choices"),
                    "add choices = [{ code = \"...\", label = \"<text key>\" }, ...]",
                );
                return Vec::new();
            };
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for (i, c) in raw.iter().enumerate() {
                let cpath = format!("{path}.choices[{i}]");
                check_id(c.code.get_ref(), c.code.span(), &format!("{cpath}.code"), self.d);
                if ["dont-know", "prefer-not-to-say", "yes", "no"].contains(&c.code.get_ref().as_str()) {
                    self.d.error_hint("reserved-code", c.code.span(), format!("{cpath}.code"), format!("`{}` is reserved", c.code.get_ref()), "\"don't know\" and \"prefer not to say\" are always offered by the engine; use a yes-no question for yes/no");
                }
                if !seen.insert(c.code.get_ref().clone()) {
                    self.d.error(
                        "duplicate-id",
                        c.code.span(),
                        format!("{cpath}.code"),
                        format!("choice `{}` is listed twice", c.code.get_ref()),
                    );
                }
                check_key(&c.label, &format!("{cpath}.label"), self.d);
                out.push(Choice {
                    code: c.code.get_ref().clone(),
                    label_key: c.label.get_ref().clone(),
                });
            }
            if out.len() < 2 {
                self.d.error(
                    "few-choices",
                    q.kind.span(),
                    format!("{path}.choices"),
                    "a choice question needs at least two choices",
                );
            }
            out
        };
        let kind = match kind_name {
            "yes-no" => Kind::YesNo,
            "single" => Kind::Single(choices()),
            "multiple" => Kind::Multiple(choices()),
            "number" => match (&q.min, &q.max) {
                (Some(min), Some(max)) => {
                    if min.get_ref() > max.get_ref() {
                        self.d.error(
                            "bad-range",
                            min.span(),
                            format!("{path}.min"),
                            format!("min {} is above max {}", min.get_ref(), max.get_ref()),
                        );
                    }
                    Kind::Number {
                        min: *min.get_ref(),
                        max: *max.get_ref(),
                    }
                }
                _ => {
                    self.d.error_hint(
                        "missing-range",
                        q.kind.span(),
                        path,
                        "a number question needs `min` and `max`",
                        "set the range a plausible answer can take, e.g. min = 0, max = 24",
                    );
                    Kind::Number { min: 0, max: 0 }
                }
            },
            "date" => Kind::Date,
            "duration" => Kind::Duration,
            "country" => Kind::Country,
            "language" => Kind::Language,
            "text" => Kind::Text,
            "observation" => Kind::Observation,
            "note" => Kind::Note,
            other => {
                const KINDS: [&str; 11] = [
                    "yes-no",
                    "single",
                    "multiple",
                    "number",
                    "date",
                    "duration",
                    "country",
                    "language",
                    "text",
                    "observation",
                    "note",
                ];
                let hint = did_you_mean(other, KINDS).unwrap_or_else(|| format!("types: {}", KINDS.join(", ")));
                self.d.error_hint(
                    "unknown-type",
                    q.kind.span(),
                    format!("{path}.type"),
                    format!("unknown question type `{other}`"),
                    hint,
                );
                return None;
            }
        };
        if q.choices.is_some() && kind.choices().is_empty() {
            self.d.warning(
                "unused-field",
                q.kind.span(),
                format!("{path}.choices"),
                format!("a `{kind_name}` question ignores `choices`"),
            );
        }
        if (q.min.is_some() || q.max.is_some()) && !matches!(kind, Kind::Number { .. }) {
            self.d.warning(
                "unused-field",
                q.kind.span(),
                format!("{path}.min"),
                format!("a `{kind_name}` question ignores `min` and `max`"),
            );
        }
        if q.sensitive && kind != Kind::Text {
            self.d.warning(
                "unused-field",
                q.kind.span(),
                format!("{path}.sensitive"),
                "only free-text questions are marked sensitive",
            );
        }
        if kind == Kind::Text && !q.sensitive {
            self.d.error_hint(
                "text-not-sensitive",
                q.kind.span(),
                format!("{path}.sensitive"),
                "free text can hold anything a person says, so it must be marked sensitive",
                "add sensitive = true",
            );
        }
        Some(Question {
            id: q.id.get_ref().clone(),
            kind,
            text_key: text,
            note_key: note,
            section,
            relevant: None,
            constraint: None,
            required: q.required,
            identifying: q.identifying,
            sensitive: q.sensitive,
            builtin: false,
        })
    }

    fn referral(&mut self, path: &str, r: &RawReferral, today: Option<Date>) -> Option<Referral> {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
        let category = ReferralCategory::ALL
            .into_iter()
            .find(|c| c.name() == r.category.get_ref());
        if category.is_none() {
            let hint = did_you_mean(
                r.category.get_ref(),
                ReferralCategory::ALL.iter().map(ReferralCategory::name),
            )
            .unwrap_or_else(|| "see ARCHITECTURE.md for the categories".into());
            self.d.error_hint(
                "bad-value",
                r.category.span(),
                format!("{path}.category"),
                format!("unknown referral category `{}`", r.category.get_ref()),
                hint,
            );
        }
        let phone = r.phone.get_ref();
        let digits = phone.strip_prefix('+').unwrap_or("");
        if !(digits.len() >= 3
            && digits.len() <= 15
            && digits.chars().all(|c| c.is_ascii_digit())
            && !digits.starts_with('0'))
        {
            self.d.error_hint(
                "bad-phone",
                r.phone.span(),
                format!("{path}.phone"),
                format!("`{phone}` is not an E.164 number"),
                "write + then the country code and number, digits only, e.g. \"+442079460000\"",
            );
        }
        for l in &r.languages {
            if !crate::answer::is_language_tag(l.get_ref()) {
                self.d.error(
                    "bad-language",
                    l.span(),
                    format!("{path}.languages"),
                    format!("`{}` is not a BCP 47 language tag", l.get_ref()),
                );
            }
        }
        let valid_until = parse_date_field(&r.valid_until, &format!("{path}.valid_until"), self.d);
        if let (Some(v), Some(t)) = (valid_until, today)
            && v < t
        {
            self.d.warning(
                "referral-expired",
                r.valid_until.span(),
                format!("{path}.valid_until"),
                format!(
                    "referral `{}` expired on {v}; it will not be suggested until its details are checked",
                    r.id.get_ref()
                ),
            );
        }
        let description = r
            .description
            .as_ref()
            .map(|k| self.key(k, &format!("{path}.description")));
        let suggest_when = self.cond(&r.suggest_when, &format!("{path}.suggest_when"), Scope::Referral)?;
        Some(Referral {
            id: r.id.get_ref().clone(),
            category: category?,
            name: r.name.get_ref().clone(),
            description_key: description,
            phone: phone.clone(),
            hours: r.hours.get_ref().clone(),
            languages: r.languages.iter().map(|l| l.get_ref().clone()).collect(),
            consent_needed: r.consent_needed,
            mandatory_report: r.mandatory_report,
            valid_until: valid_until?,
            example: r.example,
            suggest_when,
        })
    }

    fn cond(&mut self, c: &Spanned<RawCondition>, path: &str, scope: Scope) -> Option<Cond> {
        let raw = c.get_ref();
        let span = c.span();
        let mut heads: Vec<&str> = Vec::new();
        for (present, name) in [
            (raw.all.is_some(), "all"),
            (raw.any.is_some(), "any"),
            (raw.not.is_some(), "not"),
            (raw.q.is_some(), "q"),
            (raw.met.is_some(), "met"),
            (raw.indicator.is_some(), "indicator"),
            (raw.age_group.is_some(), "age_group"),
            (raw.level_at_least.is_some(), "level_at_least"),
        ] {
            if present {
                heads.push(name);
            }
        }
        if heads.len() != 1 {
            let message = if heads.is_empty() {
                "an empty condition".to_string()
            } else {
                format!("a condition with several heads ({})", heads.join(", "))
            };
            self.d.error_hint("condition-shape", span, path, message, "a condition is exactly one of: all = [..], any = [..], not = {..}, a test on an answer { q = .., is/in/includes/lt/le/gt/ge/answered = .. }, met = \"dimension\", indicator = \"id\", age_group = \"adult\"|\"child\", level_at_least = \"level\"");
            return None;
        }
        if raw.q.is_none() {
            let stray = [
                raw.is.is_some(),
                raw.in_.is_some(),
                raw.includes.is_some(),
                raw.lt.is_some(),
                raw.le.is_some(),
                raw.gt.is_some(),
                raw.ge.is_some(),
                raw.answered.is_some(),
            ];
            if stray.iter().any(|b| *b) {
                self.d.error_hint(
                    "condition-shape",
                    span.clone(),
                    path,
                    "an answer test without `q`",
                    "name the question the test reads with q = \"question_id\"",
                );
                return None;
            }
        }
        let list = |this: &mut Self, items: &Vec<Spanned<RawCondition>>, name: &str| -> Option<Vec<Cond>> {
            if items.is_empty() {
                this.d.error(
                    "condition-shape",
                    span.clone(),
                    format!("{path}.{name}"),
                    format!("`{name}` needs at least one condition"),
                );
                return None;
            }
            let compiled: Vec<Option<Cond>> = items
                .iter()
                .enumerate()
                .map(|(i, item)| this.cond(item, &format!("{path}.{name}[{i}]"), scope))
                .collect();
            compiled.into_iter().collect()
        };
        if let Some(items) = &raw.all {
            return list(self, items, "all").map(Cond::All);
        }
        if let Some(items) = &raw.any {
            return list(self, items, "any").map(Cond::Any);
        }
        if let Some(inner) = &raw.not {
            return self
                .cond(inner, &format!("{path}.not"), scope)
                .map(|c| Cond::Not(Box::new(c)));
        }
        if let Some(dim) = &raw.met {
            if !matches!(scope, Scope::Outcome | Scope::Referral) {
                self.d.error("wrong-place", dim.span(), format!("{path}.met"), "whether a dimension is met is only known when the outcome is computed: use `met` in outcome rules, referrals and safety notes");
                return None;
            }
            return match self.dims.get(dim.get_ref()) {
                Some(i) => Some(Cond::Met(*i)),
                None => {
                    let hint = did_you_mean(dim.get_ref(), self.dims.keys().map(String::as_str))
                        .unwrap_or_else(|| "define it in [[dimensions]]".into());
                    self.d.error_hint(
                        "unknown-dimension",
                        dim.span(),
                        format!("{path}.met"),
                        format!("no dimension `{}`", dim.get_ref()),
                        hint,
                    );
                    None
                }
            };
        }
        if let Some(ind) = &raw.indicator {
            if !matches!(scope, Scope::Outcome | Scope::Referral) {
                self.d.error("wrong-place", ind.span(), format!("{path}.indicator"), "indicators are only known when the outcome is computed: use `indicator` in outcome rules, referrals and safety notes");
                return None;
            }
            return match self.inds.get(ind.get_ref()) {
                Some(i) => Some(Cond::Indicator(*i)),
                None => {
                    let hint = did_you_mean(ind.get_ref(), self.inds.keys().map(String::as_str))
                        .unwrap_or_else(|| "define it in [[indicators]]".into());
                    self.d.error_hint(
                        "unknown-indicator",
                        ind.span(),
                        format!("{path}.indicator"),
                        format!("no indicator `{}`", ind.get_ref()),
                        hint,
                    );
                    None
                }
            };
        }
        if let Some(g) = &raw.age_group {
            return self.age_group(g, &format!("{path}.age_group")).map(Cond::AgeGroup);
        }
        if let Some(l) = &raw.level_at_least {
            if !matches!(scope, Scope::Referral) {
                self.d.error("wrong-place", l.span(), format!("{path}.level_at_least"), "the level is only known after the outcome rules: use `level_at_least` in referrals and safety notes");
                return None;
            }
            return self.level(l, &format!("{path}.level_at_least")).map(Cond::LevelAtLeast);
        }
        let q = raw.q.as_ref()?;
        self.answer_test(raw, q, span, path, scope)
    }

    fn answer_test(
        &mut self,
        raw: &RawCondition,
        q: &Spanned<String>,
        span: Range<usize>,
        path: &str,
        scope: Scope,
    ) -> Option<Cond> {
        let qpath = format!("{path}.q");
        if self.broken.contains(q.get_ref()) {
            return None;
        }
        let Some(&index) = self.by_id.get(q.get_ref()) else {
            let hint = did_you_mean(q.get_ref(), self.by_id.keys().map(String::as_str))
                .unwrap_or_else(|| "check the question ids in [[sections.questions]]".into());
            self.d.error_hint(
                "unknown-question",
                q.span(),
                qpath,
                format!("no question `{}`", q.get_ref()),
                hint,
            );
            return None;
        };
        if let Scope::Relevance { at, own } = scope
            && Some(index) != own
            && index >= at
        {
            let (code, what) = if index == at {
                ("self-reference", "refers to the question it belongs to")
            } else {
                ("forward-reference", "refers to a later question")
            };
            self.d.error_hint(code, q.span(), qpath, format!("this condition {what} (`{}`)", q.get_ref()), "relevance and constraints may read only earlier answers; this keeps the interview order well defined and rules out cycles");
            return None;
        }
        let kind = self.kinds[index].clone();
        if kind == Kind::Note {
            self.d.error(
                "wrong-type",
                q.span(),
                qpath,
                format!("`{}` is an information note and has no answer to test", q.get_ref()),
            );
            return None;
        }
        let mut tests: Vec<(&str, Range<usize>)> = Vec::new();
        let mut push = |present: Option<Range<usize>>, name: &'static str| {
            if let Some(s) = present {
                tests.push((name, s));
            }
        };
        push(raw.is.as_ref().map(Spanned::span), "is");
        push(raw.in_.as_ref().map(|_| span.clone()), "in");
        push(raw.includes.as_ref().map(Spanned::span), "includes");
        push(raw.lt.as_ref().map(Spanned::span), "lt");
        push(raw.le.as_ref().map(Spanned::span), "le");
        push(raw.gt.as_ref().map(Spanned::span), "gt");
        push(raw.ge.as_ref().map(Spanned::span), "ge");
        push(raw.answered.as_ref().map(Spanned::span), "answered");
        if tests.len() != 1 {
            self.d.error_hint(
                "condition-shape",
                span,
                path,
                format!("an answer condition needs exactly one test, found {}", tests.len()),
                "use one of is, in, includes, lt, le, gt, ge, answered",
            );
            return None;
        }
        let (test_name, test_span) = tests.remove(0);
        let tpath = format!("{path}.{test_name}");
        let test = match test_name {
            "is" | "in" => {
                let values: Vec<&Spanned<String>> = match (&raw.is, &raw.in_) {
                    (Some(v), _) => vec![v],
                    (_, Some(vs)) => vs.iter().collect(),
                    _ => Vec::new(),
                };
                if values.is_empty() {
                    self.d
                        .error("condition-shape", test_span, tpath, "`in` needs at least one value");
                    return None;
                }
                let mut expected = Vec::new();
                for v in values {
                    expected.push(self.expected_value(&kind, v, q.get_ref(), &tpath)?);
                }
                Test::Is(expected)
            }
            "includes" => {
                let v = raw.includes.as_ref()?;
                let Kind::Multiple(choices) = &kind else {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        tpath,
                        format!(
                            "`includes` tests a multiple-choice answer, but `{}` is {}",
                            q.get_ref(),
                            kind.name()
                        ),
                        "use `is` or `in`",
                    );
                    return None;
                };
                if !choices.iter().any(|c| &c.code == v.get_ref()) {
                    self.unknown_code(v, choices, q.get_ref(), &tpath);
                    return None;
                }
                Test::Includes(v.get_ref().clone())
            }
            "answered" => Test::Answered(*raw.answered.as_ref()?.get_ref()),
            cmp => {
                let (op, v) = match cmp {
                    "lt" => (Cmp::Lt, raw.lt.as_ref()?),
                    "le" => (Cmp::Le, raw.le.as_ref()?),
                    "gt" => (Cmp::Gt, raw.gt.as_ref()?),
                    _ => (Cmp::Ge, raw.ge.as_ref()?),
                };
                if !matches!(kind, Kind::Number { .. } | Kind::Duration) {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        tpath,
                        format!("`{cmp}` compares numbers, but `{}` is {}", q.get_ref(), kind.name()),
                        "comparisons work on number and duration (in days) questions",
                    );
                    return None;
                }
                Test::Compare(op, *v.get_ref())
            }
        };
        Some(Cond::Answer { q: index, test })
    }

    fn expected_value(&mut self, kind: &Kind, v: &Spanned<String>, q: &str, path: &str) -> Option<Expected> {
        let value = v.get_ref().as_str();
        match value {
            "dont-know" => return Some(Expected::DontKnow),
            "prefer-not-to-say" => return Some(Expected::PreferNotToSay),
            _ => {}
        }
        match kind {
            Kind::YesNo | Kind::Observation => match value {
                "yes" => Some(Expected::Yes),
                "no" => Some(Expected::No),
                _ => {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        path,
                        format!("`{q}` is answered yes or no, not `{value}`"),
                        "use \"yes\", \"no\", \"dont-know\" or \"prefer-not-to-say\"",
                    );
                    None
                }
            },
            Kind::Single(choices) => {
                if choices.iter().any(|c| c.code == value) {
                    Some(Expected::Code(value.to_string()))
                } else {
                    self.unknown_code(v, choices, q, path);
                    None
                }
            }
            Kind::Country => {
                if crate::iso3166::is_alpha2(value) {
                    Some(Expected::Code(value.to_string()))
                } else {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        path,
                        format!("`{value}` is not an ISO 3166-1 alpha-2 code"),
                        "use two upper-case letters, e.g. \"MD\"",
                    );
                    None
                }
            }
            Kind::Language => {
                if crate::answer::is_language_tag(value) {
                    Some(Expected::Code(value.to_string()))
                } else {
                    self.d.error(
                        "wrong-type",
                        v.span(),
                        path,
                        format!("`{value}` is not a BCP 47 language tag"),
                    );
                    None
                }
            }
            Kind::Multiple(_) => {
                self.d.error_hint(
                    "wrong-type",
                    v.span(),
                    path,
                    format!("`{q}` takes several choices; test one with `includes`"),
                    "write { q = \"...\", includes = \"code\" }",
                );
                None
            }
            _ => {
                self.d.error_hint(
                    "wrong-type",
                    v.span(),
                    path,
                    format!("`{q}` is a {} question; `is` cannot compare it", kind.name()),
                    "use lt/le/gt/ge for numbers and durations, `answered` for the rest",
                );
                None
            }
        }
    }

    fn unknown_code(&mut self, v: &Spanned<String>, choices: &[Choice], q: &str, path: &str) {
        let hint = did_you_mean(v.get_ref(), choices.iter().map(|c| c.code.as_str())).unwrap_or_else(|| {
            format!(
                "choices of `{q}`: {}",
                choices.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", ")
            )
        });
        self.d.error_hint(
            "unknown-choice",
            v.span(),
            path,
            format!("`{}` is not a choice of `{q}`", v.get_ref()),
            hint,
        );
    }
}
