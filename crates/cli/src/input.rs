//! One line typed (or scripted) at a question: an answer or a command.

use fieldscreen_protocol::model::{Kind, Level};
use fieldscreen_protocol::{Answer, DurationUnit};
use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Answer(Answer),
    Back,
    Skip,
    /// The respondent wants to stop.
    Stop,
    Override {
        level: Level,
        reason: String,
    },
}

/// Why a line was not understood; `key` is a CLI message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub key: &'static str,
}

fn invalid(key: &'static str) -> Invalid {
    Invalid { key }
}

pub fn parse(line: &str, kind: &Kind) -> Result<Input, Invalid> {
    let t = line.trim();
    match t {
        "<" => return Ok(Input::Back),
        ">" => return Ok(Input::Skip),
        "!" => return Ok(Input::Stop),
        "?" => return Ok(Input::Answer(Answer::DontKnow)),
        "-" => return Ok(Input::Answer(Answer::PreferNotToSay)),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix(":override ") {
        let (level, reason) = rest.trim().split_once(' ').unwrap_or((rest.trim(), ""));
        let level = Level::from_name(level).ok_or(invalid("cli-invalid-level"))?;
        return Ok(Input::Override {
            level,
            reason: reason.trim().to_string(),
        });
    }
    let index = |s: &str, n: usize| s.parse::<usize>().ok().filter(|i| (1..=n).contains(i)).map(|i| i - 1);
    let answer = match kind {
        Kind::YesNo | Kind::Observation => match t.to_lowercase().as_str() {
            "1" | "y" | "yes" => Answer::Yes,
            "2" | "n" | "no" => Answer::No,
            _ => return Err(invalid("cli-invalid-yes-no")),
        },
        Kind::Single(choices) => {
            let i = index(t, choices.len())
                .or_else(|| choices.iter().position(|c| c.code == t))
                .ok_or(invalid("cli-invalid-choice"))?;
            Answer::Choice(choices[i].code.clone())
        }
        Kind::Multiple(choices) => {
            let mut set = BTreeSet::new();
            for part in t.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let i = index(part, choices.len())
                    .or_else(|| choices.iter().position(|c| c.code == part))
                    .ok_or(invalid("cli-invalid-choice"))?;
                set.insert(choices[i].code.clone());
            }
            Answer::Choices(set)
        }
        Kind::Number { .. } => Answer::Number(t.parse().map_err(|_| invalid("cli-invalid-number"))?),
        Kind::Date => Answer::Date(t.parse().map_err(|_| invalid("cli-invalid-date"))?),
        Kind::Duration => {
            let (digits, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
            let amount: u32 = digits.parse().map_err(|_| invalid("cli-invalid-duration"))?;
            let unit = match unit.trim() {
                "d" => DurationUnit::Days,
                "w" => DurationUnit::Weeks,
                "m" => DurationUnit::Months,
                "y" => DurationUnit::Years,
                _ => return Err(invalid("cli-invalid-duration")),
            };
            Answer::Duration { amount, unit }
        }
        Kind::Country => Answer::Country(t.to_uppercase()),
        Kind::Language => Answer::Language(t.to_string()),
        Kind::Text => Answer::Text(line.trim_end_matches(['\r', '\n']).to_string()),
        Kind::Note => Answer::Acknowledged,
    };
    Ok(Input::Answer(answer))
}

/// A short neutral description of a stored answer, for "current answer" lines.
pub fn describe(a: &Answer) -> String {
    match a {
        Answer::Yes => "1".into(),
        Answer::No => "2".into(),
        Answer::Choice(c) | Answer::Country(c) | Answer::Language(c) => c.clone(),
        Answer::Choices(cs) => cs.iter().cloned().collect::<Vec<_>>().join(","),
        Answer::Number(n) => n.to_string(),
        Answer::Date(d) => d.to_string(),
        Answer::Duration { amount, unit } => format!(
            "{amount}{}",
            match unit {
                DurationUnit::Days => "d",
                DurationUnit::Weeks => "w",
                DurationUnit::Months => "m",
                DurationUnit::Years => "y",
            }
        ),
        // Free text may be sensitive: never echoed back.
        Answer::Text(_) => "…".into(),
        Answer::Acknowledged => "✓".into(),
        Answer::DontKnow => "?".into(),
        Answer::PreferNotToSay => "-".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fieldscreen_protocol::model::Choice;

    #[test]
    fn reads_answers_of_each_kind() {
        let choices = vec![
            Choice {
                code: "a".into(),
                label_key: "x".into(),
            },
            Choice {
                code: "b".into(),
                label_key: "y".into(),
            },
        ];
        assert_eq!(parse("1", &Kind::YesNo), Ok(Input::Answer(Answer::Yes)));
        assert_eq!(parse(" no ", &Kind::YesNo), Ok(Input::Answer(Answer::No)));
        assert_eq!(
            parse("2", &Kind::Single(choices.clone())),
            Ok(Input::Answer(Answer::Choice("b".into())))
        );
        assert_eq!(
            parse("3", &Kind::Single(choices.clone())),
            Err(Invalid {
                key: "cli-invalid-choice"
            })
        );
        assert_eq!(
            parse("1, b", &Kind::Multiple(choices)),
            Ok(Input::Answer(Answer::Choices(
                ["a".to_string(), "b".to_string()].into()
            )))
        );
        assert_eq!(
            parse("3m", &Kind::Duration),
            Ok(Input::Answer(Answer::Duration {
                amount: 3,
                unit: DurationUnit::Months
            }))
        );
        assert_eq!(
            parse("md", &Kind::Country),
            Ok(Input::Answer(Answer::Country("MD".into())))
        );
        assert_eq!(
            parse("?", &Kind::Number { min: 0, max: 9 }),
            Ok(Input::Answer(Answer::DontKnow))
        );
        assert_eq!(parse("<", &Kind::Text), Ok(Input::Back));
        assert_eq!(
            parse(":override refer-now saw chains", &Kind::Note),
            Ok(Input::Override {
                level: Level::ReferNow,
                reason: "saw chains".into()
            })
        );
        assert!(parse("x", &Kind::Number { min: 0, max: 9 }).is_err());
    }
}
