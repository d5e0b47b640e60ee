//! The steps the engine runs before every protocol's own questions: a safety check, informed
//! consent and an age gate. A protocol may reword them (`[enforced.wording]`) but cannot remove,
//! reorder or weaken them: they are added here, not read from the protocol file.

use crate::condition::{Cmp, Cond, Expected, Test};
use crate::model::{Choice, Kind, Question, Section, SectionMode};

/// Keys that belong to the app's own strings (`locales/<lang>/engine.ftl`). Protocol keys may not
/// start with it.
pub const APP_KEY_PREFIX: &str = "fs-";

pub const SAFETY_ALONE: &str = "safety_alone";
pub const SAFETY_COMPANION: &str = "safety_companion";
pub const SAFETY_INTERPRETER: &str = "safety_interpreter";
pub const SAFETY_PLACE: &str = "safety_place";
pub const SAFETY_DECISION: &str = "safety_decision";
pub const SAFETY_REASON: &str = "safety_reason";
pub const CONSENT: &str = "consent";
pub const AGE: &str = "age";
pub const AGE_MINOR_REASONS: &str = "age_minor_reasons";

pub const IDS: [&str; 9] = [
    SAFETY_ALONE,
    SAFETY_COMPANION,
    SAFETY_INTERPRETER,
    SAFETY_PLACE,
    SAFETY_DECISION,
    SAFETY_REASON,
    CONSENT,
    AGE,
    AGE_MINOR_REASONS,
];

pub const CONSENT_FULL: &str = "full";
pub const CONSENT_ANONYMOUS: &str = "anonymous";
pub const CONSENT_REFUSED: &str = "refused";
pub const DECISION_POSTPONE: &str = "postpone";
pub const DECISION_PROCEED: &str = "proceed";
pub const INTERPRETER_NOT_INDEPENDENT: &str = "not-independent";

/// Adulthood starts at 18 (Palermo Protocol art. 3(d); CoE Convention art. 4(d)).
pub const ADULT_AGE: i64 = 18;

pub const SECTION_SAFETY: usize = 0;
pub const SECTION_CONSENT: usize = 1;

pub fn sections() -> Vec<Section> {
    vec![
        Section {
            id: "fs-safety".into(),
            title_key: "fs-section-safety".into(),
            mode: SectionMode::Observed,
            note_key: Some("fs-section-safety-note".into()),
            relevant: None,
            views_consent: None,
        },
        Section {
            id: "fs-consent".into(),
            title_key: "fs-section-consent".into(),
            mode: SectionMode::Asked,
            note_key: Some("fs-section-consent-note".into()),
            relevant: None,
            views_consent: None,
        },
    ]
}

fn choice(code: &str) -> Choice {
    Choice {
        code: code.into(),
        label_key: format!("fs-choice-{code}"),
    }
}

fn is(q: usize, e: Expected) -> Cond {
    Cond::Answer {
        q,
        test: Test::Is(vec![e]),
    }
}

/// The built-in questions, indices 0..IDS.len(), in this order.
pub fn questions() -> Vec<Question> {
    let q = |id: &str, kind: Kind, section: usize, required: bool, relevant: Option<Cond>| Question {
        id: id.into(),
        kind,
        text_key: format!("fs-step-{}", id.replace('_', "-")),
        note_key: Some(format!("fs-step-{}-note", id.replace('_', "-"))),
        section,
        relevant,
        constraint: None,
        required,
        identifying: false,
        sensitive: false,
        builtin: true,
    };
    let unsafe_conditions = Cond::Any(vec![
        is(0, Expected::No),
        is(1, Expected::Yes),
        is(2, Expected::Code(INTERPRETER_NOT_INDEPENDENT.into())),
        is(3, Expected::No),
    ]);
    let mut reason = q(
        SAFETY_REASON,
        Kind::Text,
        SECTION_SAFETY,
        true,
        Some(is(4, Expected::Code(DECISION_PROCEED.into()))),
    );
    reason.sensitive = true;
    vec![
        q(SAFETY_ALONE, Kind::YesNo, SECTION_SAFETY, true, None),
        q(SAFETY_COMPANION, Kind::YesNo, SECTION_SAFETY, true, None),
        q(
            SAFETY_INTERPRETER,
            Kind::Single(vec![
                choice("independent"),
                choice(INTERPRETER_NOT_INDEPENDENT),
                choice("no-interpreter"),
            ]),
            SECTION_SAFETY,
            true,
            None,
        ),
        q(SAFETY_PLACE, Kind::YesNo, SECTION_SAFETY, true, None),
        q(
            SAFETY_DECISION,
            Kind::Single(vec![choice(DECISION_POSTPONE), choice(DECISION_PROCEED)]),
            SECTION_SAFETY,
            true,
            Some(unsafe_conditions),
        ),
        reason,
        q(
            CONSENT,
            Kind::Single(vec![
                choice(CONSENT_FULL),
                choice(CONSENT_ANONYMOUS),
                choice(CONSENT_REFUSED),
            ]),
            SECTION_CONSENT,
            true,
            None,
        ),
        // "Don't know" is the age gate's "uncertain".
        q(AGE, Kind::Number { min: 0, max: 120 }, SECTION_CONSENT, false, None),
        q(
            AGE_MINOR_REASONS,
            Kind::Observation,
            SECTION_CONSENT,
            true,
            Some(Cond::Not(Box::new(Cond::Answer {
                q: 7,
                test: Test::Compare(Cmp::Ge, 0),
            }))),
        ),
    ]
}

/// Every app-string key the engine itself needs (the app's `engine.ftl` must define them all).
pub fn app_keys() -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for s in sections() {
        keys.push(s.title_key);
        keys.extend(s.note_key);
    }
    for q in questions() {
        keys.push(q.text_key);
        keys.extend(q.note_key);
        keys.extend(q.kind.choices().iter().map(|c| c.label_key.clone()));
    }
    for level in crate::model::Level::ALL {
        keys.push(format!("fs-level-{}", level.name()));
    }
    keys.push(crate::outcome::STATEMENT_KEY.to_string());
    for k in [
        "fs-answer-yes",
        "fs-answer-no",
        "fs-answer-dont-know",
        "fs-answer-prefer-not-to-say",
    ] {
        keys.push(k.to_string());
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    #[test]
    fn order_matches_ids() {
        let qs = super::questions();
        assert_eq!(qs.len(), super::IDS.len());
        for (q, id) in qs.iter().zip(super::IDS) {
            assert_eq!(q.id, id);
            assert!(q.text_key.starts_with(super::APP_KEY_PREFIX));
        }
    }
}
