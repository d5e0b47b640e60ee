//! Checks of single fields: ids, text keys, dates, the header and the wording of enforced steps.

use crate::builtin::{self, APP_KEY_PREFIX};
use crate::diagnostic::{Diagnostics, did_you_mean};
use crate::model::*;
use crate::raw::*;
use fieldscreen_i18n::TextDirection;
use jiff::civil::Date;
use std::collections::HashSet;
use std::ops::Range;
use toml::Spanned;

pub(super) fn check_id(id: &str, span: Range<usize>, path: &str, d: &mut Diagnostics) {
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

pub(super) fn check_key(k: &Spanned<String>, path: &str, d: &mut Diagnostics) {
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

pub(super) fn parse_date_field(v: &Spanned<String>, path: &str, d: &mut Diagnostics) -> Option<Date> {
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

pub(super) fn apply_wording(enforced: &RawEnforced, questions: &mut [Question], d: &mut Diagnostics) {
    for (step, key) in &enforced.wording {
        match questions.iter_mut().find(|q| &q.id == step) {
            // The protocol's own wording: never an app string (`fs-…`), which would put another
            // step's question in this step's place.
            Some(q) => {
                check_key(key, &format!("enforced.wording.{step}"), d);
                q.text_key = key.get_ref().clone();
            }
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

pub(super) fn compile_header(h: RawHeader, d: &mut Diagnostics) -> Option<Header> {
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
        let direction = match TextDirection::parse(l.direction.get_ref()) {
            Some(direction) => direction,
            None => {
                let names: Vec<&str> = TextDirection::ALL.iter().map(|d| d.as_str()).collect();
                d.error_hint(
                    "bad-value",
                    l.direction.span(),
                    format!("{path}.direction"),
                    format!("unknown direction `{}`", l.direction.get_ref()),
                    format!("use {}", names.join(" or ")),
                );
                TextDirection::Ltr
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
        child_branch: h.child_branch.map(Spanned::into_inner),
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
