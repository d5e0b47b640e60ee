//! The steps the engine runs before every protocol's own questions: a safety check, an age gate
//! and informed consent (with a child's own assent). A protocol may reword them
//! (`[enforced.wording]`) but cannot remove, reorder or weaken them: they are added here, not read
//! from the protocol file.
//!
//! Age comes before consent: whether the person is a child decides who must agree, in what
//! words, and which questions follow (a protocol with a child branch switches to it before
//! anything is stored).

use crate::condition::{Cmp, Cond, Expected, Test};
use crate::model::{AgeGroup, Choice, Kind, Question, Section, SectionMode};

/// Keys that belong to the app's own strings (`locales/<lang>/engine.ftl`). Protocol keys may not
/// start with it.
pub const APP_KEY_PREFIX: &str = "fs-";

/// Safety check: can the person speak alone here?
pub const SAFETY_ALONE: &str = "safety_alone";
/// Safety check: is someone with them who may control them?
pub const SAFETY_COMPANION: &str = "safety_companion";
/// Safety check: is the interpreter independent?
pub const SAFETY_INTERPRETER: &str = "safety_interpreter";
/// Safety check: is the place safe to talk?
pub const SAFETY_PLACE: &str = "safety_place";
/// Safety check, when something is unsafe: go on or postpone.
pub const SAFETY_DECISION: &str = "safety_decision";
/// Why the interviewer goes on although something is unsafe.
pub const SAFETY_REASON: &str = "safety_reason";
/// The age the person gives.
pub const AGE: &str = "age";
/// Whether identity documents are seen, and whether they agree with the stated age.
pub const AGE_DOCUMENTS: &str = "age_documents";
/// Signs that a person who says they are an adult may be under 18 (observed).
pub const AGE_MINOR_REASONS: &str = "age_minor_reasons";
/// What the person agrees to (`Consent`).
pub const CONSENT: &str = "consent";
/// A child's own agreement, beside the consent given for them.
pub const ASSENT: &str = "assent";

/// The built-in questions in the order they are asked; their indices are their positions.
pub const IDS: [&str; 11] = [
    SAFETY_ALONE,
    SAFETY_COMPANION,
    SAFETY_INTERPRETER,
    SAFETY_PLACE,
    SAFETY_DECISION,
    SAFETY_REASON,
    AGE,
    AGE_DOCUMENTS,
    AGE_MINOR_REASONS,
    CONSENT,
    ASSENT,
];

/// The position of a built-in step among the questions of every compiled protocol.
pub const fn index(id: &str) -> usize {
    let mut i = 0;
    while i < IDS.len() {
        if const_eq(IDS[i], id) {
            return i;
        }
        i += 1;
    }
    panic!("not a built-in step")
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// What the person agreed to: the consent question's choices, by their codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Consent {
    /// The screening, with what identifies the person.
    Full,
    /// The screening, without the questions that identify the person.
    Anonymous,
    /// No screening.
    Refused,
}

impl Consent {
    /// Every choice.
    pub const ALL: [Consent; 3] = [Consent::Full, Consent::Anonymous, Consent::Refused];

    /// The choice code, as stored with the answer and in listings.
    pub const fn code(self) -> &'static str {
        match self {
            Consent::Full => "full",
            Consent::Anonymous => "anonymous",
            Consent::Refused => "refused",
        }
    }

    /// The consent of that code.
    pub fn from_code(code: &str) -> Option<Consent> {
        Consent::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// `safety_decision`: postpone the screening.
pub const DECISION_POSTPONE: &str = "postpone";
/// `safety_decision`: go on despite what is unsafe (a reason is required).
pub const DECISION_PROCEED: &str = "proceed";
/// `safety_interpreter`: the interpreter may be connected to the employer or the recruiter.
pub const INTERPRETER_NOT_INDEPENDENT: &str = "not-independent";
/// `age_documents`: documents seen, consistent with the stated age.
pub const DOCUMENTS_CONSISTENT: &str = "consistent";
/// `age_documents`: no documents.
pub const DOCUMENTS_ABSENT: &str = "absent";
/// `age_documents`: documents seen, but doubtful.
pub const DOCUMENTS_DOUBTFUL: &str = "doubtful";

/// The variable every question text is given, so that a translation can address the respondent
/// in the right grammatical gender once it is known (a Fluent selector): `woman`, `man`, or
/// `unknown` (neutral wording, or both forms). Translations may select on it whether or not the
/// default language does.
pub const GENDER_VARIABLE: &str = "gender";
/// `gender` before the person's gender is known.
pub const GENDER_UNKNOWN: &str = "unknown";

/// Adulthood starts at 18 (Palermo Protocol art. 3(d); CoE Convention art. 4(d)).
pub const ADULT_AGE: i64 = 18;

/// Below this stated age the interviewer is always asked whether there are reasons to believe
/// the person is under 18: stated ages of young people who were coached, or never knew their
/// birth date, cluster just above 18, and the presumption of minority (CoE Convention art.
/// 10(3)) must have a chance to apply.
pub const AGE_DOUBT_BELOW: i64 = 22;

/// The built-in safety section's place.
pub const SECTION_SAFETY: usize = 0;
/// The built-in age section's place.
pub const SECTION_AGE: usize = 1;
/// The built-in consent section's place.
pub const SECTION_CONSENT: usize = 2;

/// The built-in sections, in this order.
pub fn sections() -> Vec<Section> {
    let section = |id: &str, mode: SectionMode| Section {
        id: format!("fs-{id}"),
        title_key: format!("fs-section-{id}"),
        mode,
        note_key: Some(format!("fs-section-{id}-note")),
        relevant: None,
        views_consent: None,
    };
    vec![
        section("safety", SectionMode::Observed),
        section("age", SectionMode::Asked),
        section("consent", SectionMode::Asked),
    ]
}

fn choice(code: &str) -> Choice {
    Choice {
        code: code.into(),
        label_key: format!("fs-choice-{code}"),
    }
}

fn is(id: &str, e: Expected) -> Cond {
    Cond::Answer {
        q: index(id),
        test: Test::Is(vec![e]),
    }
}

/// The built-in questions, indices 0..IDS.len(), in this order.
pub fn questions() -> Vec<Question> {
    let q = |id: &str, kind: Kind, section: usize, required: bool, relevant: Option<Cond>| Question {
        picture: None,
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
        is(SAFETY_ALONE, Expected::No),
        is(SAFETY_COMPANION, Expected::Yes),
        is(SAFETY_INTERPRETER, Expected::Code(INTERPRETER_NOT_INDEPENDENT.into())),
        is(SAFETY_PLACE, Expected::No),
    ]);
    let mut reason = q(
        SAFETY_REASON,
        Kind::Text,
        SECTION_SAFETY,
        true,
        Some(is(SAFETY_DECISION, Expected::Code(DECISION_PROCEED.into()))),
    );
    reason.sensitive = true;
    // Asked unless the stated age already makes a child, or leaves no room for doubt and the
    // documents seen agree with it.
    let stated_child = Cond::Answer {
        q: index(AGE),
        test: Test::Compare(Cmp::Lt, ADULT_AGE),
    };
    let doubt = Cond::Any(vec![
        Cond::Not(Box::new(Cond::Answer {
            q: index(AGE),
            test: Test::Compare(Cmp::Ge, AGE_DOUBT_BELOW),
        })),
        is(AGE_DOCUMENTS, Expected::Code(DOCUMENTS_ABSENT.into())),
        is(AGE_DOCUMENTS, Expected::Code(DOCUMENTS_DOUBTFUL.into())),
    ]);
    let documents = q(
        AGE_DOCUMENTS,
        Kind::Single(vec![
            choice(DOCUMENTS_CONSISTENT),
            choice(DOCUMENTS_ABSENT),
            choice(DOCUMENTS_DOUBTFUL),
        ]),
        SECTION_AGE,
        false,
        None,
    );
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
        // "Don't know" is the age gate's "uncertain".
        q(AGE, Kind::Number { min: 0, max: 120 }, SECTION_AGE, false, None),
        documents,
        q(
            AGE_MINOR_REASONS,
            Kind::Observation,
            SECTION_AGE,
            true,
            Some(Cond::All(vec![Cond::Not(Box::new(stated_child)), doubt])),
        ),
        q(
            CONSENT,
            Kind::Single(vec![
                choice(Consent::Full.code()),
                choice(Consent::Anonymous.code()),
                choice(Consent::Refused.code()),
            ]),
            SECTION_CONSENT,
            true,
            None,
        ),
        // A child's own agreement, in words a child understands, beside the consent given for
        // them: without it the interview does not go on.
        q(
            ASSENT,
            Kind::YesNo,
            SECTION_CONSENT,
            true,
            Some(Cond::All(vec![
                Cond::AgeGroup(AgeGroup::Child),
                Cond::Not(Box::new(is(CONSENT, Expected::Code(Consent::Refused.code().into())))),
            ])),
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
    keys.push(format!("fs-level-{}", crate::outcome::INCOMPLETE));
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
