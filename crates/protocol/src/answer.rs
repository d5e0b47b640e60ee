//! What a respondent (or the interviewer, for observations) can answer, and whether an answer
//! fits a question.

use crate::model::{Kind, Question};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The unit of a duration answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum DurationUnit {
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Years.
    Years,
}

impl DurationUnit {
    /// Conditions compare durations in days; a month counts 30 and a year 365.
    pub fn days(self) -> i64 {
        match self {
            DurationUnit::Days => 1,
            DurationUnit::Weeks => 7,
            DurationUnit::Months => 30,
            DurationUnit::Years => 365,
        }
    }
}

/// An answer, as given and as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "type", content = "value", rename_all = "kebab-case")]
pub enum Answer {
    /// Yes.
    Yes,
    /// No.
    No,
    /// One choice, by its code.
    Choice(String),
    /// Several choices, by their codes.
    Choices(BTreeSet<String>),
    /// A whole number.
    Number(i64),
    /// A date.
    Date(#[cfg_attr(feature = "ts", ts(type = "string"))] Date),
    /// An amount of time.
    Duration {
        /// How many units.
        amount: u32,
        /// Of what.
        unit: DurationUnit,
    },
    /// ISO 3166-1 alpha-2, upper case.
    Country(String),
    /// A BCP 47 tag.
    Language(String),
    /// Free text.
    Text(String),
    /// An information note was read.
    Acknowledged,
    /// The person does not know.
    DontKnow,
    /// The person chose not to say.
    PreferNotToSay,
}

impl Answer {
    /// "Don't know" or "prefer not to say": a reply that says nothing about the question.
    pub fn is_non_answer(&self) -> bool {
        matches!(self, Answer::DontKnow | Answer::PreferNotToSay)
    }

    /// The value compared by `lt`/`gt` conditions, if it has one.
    pub fn as_quantity(&self) -> Option<i64> {
        match self {
            Answer::Number(n) => Some(*n),
            Answer::Duration { amount, unit } => Some(i64::from(*amount) * unit.days()),
            _ => None,
        }
    }
}

/// Why the engine refused an answer. `question` is always the question's id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[allow(missing_docs)] // Each field is named for what it holds: the question, the value given, the bounds.
pub enum AnswerError {
    /// The answer is of another kind than the question takes.
    #[error("question `{question}` takes a {expected} answer")]
    WrongType { question: String, expected: &'static str },
    /// The code is not one of the question's choices.
    #[error("`{code}` is not a choice of question `{question}`")]
    UnknownChoice { question: String, code: String },
    /// The number is outside the question's range.
    #[error("{value} is outside {min}..={max} for question `{question}`")]
    OutOfRange {
        question: String,
        value: i64,
        min: i64,
        max: i64,
    },
    /// Not an ISO 3166-1 alpha-2 code.
    #[error("`{value}` is not an ISO 3166-1 alpha-2 country code")]
    BadCountry { value: String },
    /// Not a BCP 47 tag.
    #[error("`{value}` is not a BCP 47 language tag")]
    BadLanguage { value: String },
    /// A required question was skipped.
    #[error("question `{question}` must be answered")]
    Required { question: String },
    /// The answer breaks the question's constraint; `message_key` says why, in words.
    #[error("the answer breaks a constraint of question `{question}`")]
    Constraint { question: String, message_key: String },
    /// The interview is over.
    #[error("the interview has ended")]
    Ended,
    /// Going back to a question that does not apply now.
    #[error("no question `{0}` is open to change")]
    NotReachable(String),
}

/// Checks the answer's shape against the question; constraints are checked by the session, which
/// knows the other answers.
pub fn check_fits(question: &Question, answer: &Answer) -> Result<(), AnswerError> {
    let wrong = || AnswerError::WrongType {
        question: question.id.clone(),
        expected: question.kind.name(),
    };
    if answer.is_non_answer() {
        return if question.required || question.kind == Kind::Note {
            Err(AnswerError::Required {
                question: question.id.clone(),
            })
        } else {
            Ok(())
        };
    }
    match (&question.kind, answer) {
        (Kind::YesNo | Kind::Observation, Answer::Yes | Answer::No) => Ok(()),
        (Kind::Single(choices), Answer::Choice(code)) => {
            if choices.iter().any(|c| &c.code == code) {
                Ok(())
            } else {
                Err(AnswerError::UnknownChoice {
                    question: question.id.clone(),
                    code: code.clone(),
                })
            }
        }
        (Kind::Multiple(choices), Answer::Choices(codes)) => {
            match codes.iter().find(|code| !choices.iter().any(|c| &c.code == *code)) {
                Some(code) => Err(AnswerError::UnknownChoice {
                    question: question.id.clone(),
                    code: code.clone(),
                }),
                None => Ok(()),
            }
        }
        (Kind::Number { min, max }, Answer::Number(n)) => {
            if (*min..=*max).contains(n) {
                Ok(())
            } else {
                Err(AnswerError::OutOfRange {
                    question: question.id.clone(),
                    value: *n,
                    min: *min,
                    max: *max,
                })
            }
        }
        (Kind::Date, Answer::Date(_)) | (Kind::Duration, Answer::Duration { .. }) => Ok(()),
        (Kind::Country, Answer::Country(code)) => {
            if crate::iso3166::is_alpha2(code) {
                Ok(())
            } else {
                Err(AnswerError::BadCountry { value: code.clone() })
            }
        }
        (Kind::Language, Answer::Language(tag)) => {
            if is_language_tag(tag) {
                Ok(())
            } else {
                Err(AnswerError::BadLanguage { value: tag.clone() })
            }
        }
        (Kind::Text, Answer::Text(_)) | (Kind::Note, Answer::Acknowledged) => Ok(()),
        _ => Err(wrong()),
    }
}

/// A well-formed BCP 47 tag: a 2–3 letter primary language subtag, then alphanumeric subtags of
/// up to 8 characters. Registry membership is not checked: respondents' languages include ones
/// a fixed list would miss.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Today's date, for callers at the edge; the engine itself takes dates as arguments.
pub fn parse_date(s: &str) -> Option<Date> {
    s.parse::<Date>().ok()
}
