//! Where an interview's answers come from: typed or positional lines (one per prompt, in the
//! order asked), or a keyed script whose lines name the question they answer
//! (`age: 30`, `sector: construction`, `danger_now: no`) in any order, so that adding a question
//! to a protocol does not break the scripts written for it.
//!
//! A keyed script may also hold two directives: `:stop-at QUESTION` (the respondent stops when
//! that question comes) and `:override LEVEL REASON` (recorded once every question is passed).

use std::collections::BTreeMap;
use std::io::BufRead;

/// What to do with a question a keyed script does not name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Unlisted {
    /// Skip it (a question that cannot be skipped is an error naming it).
    Skip,
}

#[derive(Debug, thiserror::Error)]
pub enum ScriptError {
    #[error("line {line}: `{key}` is given twice (first on line {first})")]
    Duplicate { key: String, line: usize, first: usize },
    #[error("line {line}: the script mixes keyed lines (`question: answer`) with plain ones")]
    Mixed { line: usize },
    #[error("line {line}: no question `{key}` in this protocol{hint}")]
    UnknownQuestion { key: String, line: usize, hint: String },
    #[error("line {line}: unknown directive `{directive}` (known: :stop-at QUESTION, :override LEVEL REASON)")]
    UnknownDirective { directive: String, line: usize },
    #[error("line {line}: `<` (back) has no meaning in a keyed script; change the answer instead")]
    Back { line: usize },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// One line handed to the interview, with where it came from for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub number: usize,
}

/// Why a keyed script gives no line for a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// The script does not name this question (and unlisted questions are not skipped).
    Unnamed(String),
    /// The input ran out (positional scripts and the keyboard).
    Ended,
}

pub enum Feed {
    Lines { reader: Box<dyn BufRead>, line_no: usize },
    Keyed(Keyed),
}

pub struct Keyed {
    answers: BTreeMap<String, Line>,
    stop_at: Option<String>,
    override_: Option<Line>,
    override_given: bool,
    unlisted: Option<Unlisted>,
}

fn is_key(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `question_id: answer` when the line is keyed.
fn keyed(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    is_key(key.trim()).then(|| (key.trim(), value.trim()))
}

fn meaningful(line: &str) -> bool {
    !line.starts_with('#') && !line.trim().is_empty()
}

impl Feed {
    /// Reads a script: keyed when its first answer line names a question (the first question of
    /// every interview is a yes/no safety step, which no plain answer can look like).
    /// `known` tells whether a question id exists in the protocols the interview may run.
    pub fn from_script(
        mut reader: Box<dyn BufRead>,
        unlisted: Option<Unlisted>,
        known: &dyn Fn(&str) -> Result<(), String>,
    ) -> Result<Feed, ScriptError> {
        let mut text = String::new();
        reader.read_to_string(&mut text)?;
        let first = text.lines().find(|l| meaningful(l));
        if !first.is_some_and(|l| keyed(l).is_some() || l.starts_with(":stop-at")) {
            return Ok(Feed::Lines {
                reader: Box::new(std::io::Cursor::new(text.into_bytes())),
                line_no: 0,
            });
        }
        let mut k = Keyed {
            answers: BTreeMap::new(),
            stop_at: None,
            override_: None,
            override_given: false,
            unlisted,
        };
        for (i, raw) in text.lines().enumerate() {
            let number = i + 1;
            if !meaningful(raw) {
                continue;
            }
            let line = raw.trim();
            if let Some(rest) = line.strip_prefix(':') {
                let (directive, value) = rest.split_once(' ').unwrap_or((rest, ""));
                match directive {
                    "stop-at" => {
                        let key = value.trim().to_string();
                        known(&key).map_err(|hint| ScriptError::UnknownQuestion {
                            key: key.clone(),
                            line: number,
                            hint,
                        })?;
                        k.stop_at = Some(key);
                    }
                    // Parsed later, as at the keyboard, so its errors read the same.
                    "override" => {
                        k.override_ = Some(Line {
                            text: line.to_string(),
                            number,
                        })
                    }
                    other => {
                        return Err(ScriptError::UnknownDirective {
                            directive: other.to_string(),
                            line: number,
                        });
                    }
                }
                continue;
            }
            let Some((key, value)) = keyed(line) else {
                return Err(ScriptError::Mixed { line: number });
            };
            known(key).map_err(|hint| ScriptError::UnknownQuestion {
                key: key.to_string(),
                line: number,
                hint,
            })?;
            if value == "<" {
                return Err(ScriptError::Back { line: number });
            }
            if let Some(prev) = k.answers.get(key) {
                return Err(ScriptError::Duplicate {
                    key: key.to_string(),
                    line: number,
                    first: prev.number,
                });
            }
            k.answers.insert(
                key.to_string(),
                Line {
                    text: value.to_string(),
                    number,
                },
            );
        }
        Ok(Feed::Keyed(k))
    }

    pub fn keyboard(reader: Box<dyn BufRead>) -> Feed {
        Feed::Lines { reader, line_no: 0 }
    }

    /// The line that answers question `id` now.
    pub fn line_for(&mut self, id: &str) -> Result<Result<Line, Missing>, ScriptError> {
        match self {
            Feed::Lines { reader, line_no } => Ok(next_line(reader.as_mut(), line_no)?.ok_or(Missing::Ended)),
            Feed::Keyed(k) => {
                if k.stop_at.as_deref() == Some(id) {
                    return Ok(Ok(Line {
                        text: "!".into(),
                        number: 0,
                    }));
                }
                Ok(match (k.answers.get(id), k.unlisted) {
                    // A question can come back (after a change of relevance): same answer.
                    (Some(line), _) => Ok(line.clone()),
                    (None, Some(Unlisted::Skip)) => Ok(Line {
                        text: ">".into(),
                        number: 0,
                    }),
                    (None, None) => Err(Missing::Unnamed(id.to_string())),
                })
            }
        }
    }

    /// The line read once every question is passed: an override, or the end.
    pub fn at_completion(&mut self) -> Result<Option<Line>, ScriptError> {
        match self {
            Feed::Lines { reader, line_no } => next_line(reader.as_mut(), line_no),
            Feed::Keyed(k) => {
                if k.override_given {
                    return Ok(None);
                }
                k.override_given = true;
                Ok(k.override_.clone())
            }
        }
    }
}

fn next_line(reader: &mut dyn BufRead, line_no: &mut usize) -> Result<Option<Line>, ScriptError> {
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        *line_no += 1;
        // Comment lines let answer scripts explain themselves.
        if line.starts_with('#') {
            continue;
        }
        return Ok(Some(Line {
            text: line.trim_end_matches(['\n', '\r']).to_string(),
            number: *line_no,
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(text: &str, unlisted: Option<Unlisted>) -> Result<Feed, ScriptError> {
        let known = |k: &str| {
            if ["safety_alone", "age", "sector", "danger_now"].contains(&k) {
                Ok(())
            } else {
                Err(String::new())
            }
        };
        Feed::from_script(Box::new(std::io::Cursor::new(text.to_string())), unlisted, &known)
    }

    #[test]
    fn keyed_lines_answer_by_question_in_any_order() {
        let mut f = feed("# a story\nsector: construction\nage: 30\nsafety_alone: yes\n", None).expect("keyed");
        assert!(matches!(f, Feed::Keyed(_)));
        let age = f.line_for("age").expect("io").expect("named");
        assert_eq!((age.text.as_str(), age.number), ("30", 3));
        assert_eq!(
            f.line_for("danger_now").expect("io"),
            Err(Missing::Unnamed("danger_now".into()))
        );
        let mut skipping = feed("age: 30\n", Some(Unlisted::Skip)).expect("keyed");
        assert_eq!(
            skipping.line_for("danger_now").expect("io").map(|l| l.text),
            Ok(">".into())
        );
    }

    #[test]
    fn plain_scripts_stay_positional() {
        let mut f = feed("# safety_alone\n1\n2\n", None).expect("plain");
        assert!(matches!(f, Feed::Lines { .. }));
        assert_eq!(f.line_for("anything").expect("io").map(|l| l.text), Ok("1".into()));
        assert_eq!(f.line_for("anything").expect("io").map(|l| l.number), Ok(3));
    }

    #[test]
    fn mistakes_in_a_keyed_script_are_named_with_their_line() {
        let e = |t: &str| feed(t, None).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            e("age: 30\nage: 31\n"),
            "line 2: `age` is given twice (first on line 1)"
        );
        assert_eq!(e("age: 30\nsectr: 1\n"), "line 2: no question `sectr` in this protocol");
        assert_eq!(
            e("age: 30\n30\n"),
            "line 2: the script mixes keyed lines (`question: answer`) with plain ones"
        );
        assert!(e("age: 30\n:stop now\n").starts_with("line 2: unknown directive `stop`"));
    }

    #[test]
    fn directives_stop_and_override() {
        let mut f = feed("age: 30\n:stop-at danger_now\n:override refer-now saw a guard\n", None).expect("keyed");
        assert_eq!(f.line_for("danger_now").expect("io").map(|l| l.text), Ok("!".into()));
        let o = f.at_completion().expect("io").expect("override");
        assert_eq!(o.text, ":override refer-now saw a guard");
        assert_eq!(f.at_completion().expect("io"), None);
    }
}
