//! From an XLSForm expression to FieldScreen's condition tree (`{ q = "x", is = "yes" }`,
//! `{ all = [...] }`), or a refusal at the exact part that has no equivalent: FieldScreen's
//! conditions compare one answer with a constant, so arithmetic, `count-selected()`,
//! `string-length()`, `today()` and comparing two answers are refused, never approximated.

use crate::xpath::{BinOp, Expr, ExprKind, ParseError};

/// What the translation needs to know of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// `select_one yes_no` with exactly the codes `yes` and `no`: FieldScreen's yes/no.
    YesNo,
    /// One choice, by code.
    Single(Vec<String>),
    /// Several choices, by code.
    Multiple(Vec<String>),
    /// A whole number.
    Integer,
    /// A code of an open list (a country, a language): `=` compares with any code.
    Code,
    /// Anything else (text, date, …): only "answered or not" can be asked of it.
    Other,
}

/// FieldScreen's own answers to a question that is not required, which a condition may test
/// whatever the question's choices.
pub const SPECIAL_ANSWERS: [&str; 2] = ["dont-know", "prefer-not-to-say"];

/// A FieldScreen condition, written as a TOML inline table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Every one.
    All(Vec<Cond>),
    /// At least one.
    Any(Vec<Cond>),
    /// Not.
    Not(Box<Cond>),
    /// The answer is this code.
    Is(String, String),
    /// The answer is one of these codes.
    In(String, Vec<String>),
    /// The multiple-choice answer includes this code.
    Includes(String, String),
    /// The number compares so with the constant (`lt`, `le`, `gt`, `ge`).
    Compare(String, &'static str, i64),
    /// The question was answered (or not).
    Answered(String, bool),
}

fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl std::fmt::Display for Cond {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |f: &mut std::fmt::Formatter<'_>, key: &str, items: &[Cond]| {
            let parts: Vec<String> = items.iter().map(|c| c.to_string()).collect();
            write!(f, "{{ {key} = [{}] }}", parts.join(", "))
        };
        match self {
            Cond::All(items) => list(f, "all", items),
            Cond::Any(items) => list(f, "any", items),
            Cond::Not(c) => write!(f, "{{ not = {c} }}"),
            Cond::Is(q, v) => write!(f, "{{ q = {}, is = {} }}", quoted(q), quoted(v)),
            Cond::In(q, vs) => {
                let codes: Vec<String> = vs.iter().map(|v| quoted(v)).collect();
                write!(f, "{{ q = {}, in = [{}] }}", quoted(q), codes.join(", "))
            }
            Cond::Includes(q, v) => write!(f, "{{ q = {}, includes = {} }}", quoted(q), quoted(v)),
            Cond::Compare(q, op, n) => write!(f, "{{ q = {}, {op} = {n} }}", quoted(q)),
            Cond::Answered(q, yes) => write!(f, "{{ q = {}, answered = {yes} }}", quoted(q)),
        }
    }
}

/// `a = 'x' or a = 'y'` is FieldScreen's `in`: answers of one question, nothing else.
fn one_of(items: Vec<Cond>) -> Cond {
    let first = match items.first() {
        Some(Cond::Is(q, _) | Cond::In(q, _)) => q.clone(),
        _ => return Cond::Any(items),
    };
    let mut codes = Vec::new();
    for c in &items {
        match c {
            Cond::Is(q, v) if *q == first => codes.push(v.clone()),
            Cond::In(q, vs) if *q == first => codes.extend(vs.iter().cloned()),
            _ => return Cond::Any(items),
        }
    }
    Cond::In(first, codes)
}

fn refuse(e: &Expr, message: impl Into<String>) -> ParseError {
    ParseError {
        message: message.into(),
        at: e.span.clone(),
    }
}

/// Translates `e`; `kind_of` names each question's kind (`None`: no such question), and
/// `current` is the question `.` stands for (in a constraint).
pub fn condition(
    e: &Expr,
    kind_of: &dyn Fn(&str) -> Option<QuestionKind>,
    current: Option<&str>,
) -> Result<Cond, ParseError> {
    let question = |r: &Expr| -> Result<(String, QuestionKind), ParseError> {
        match &r.kind {
            ExprKind::Ref(name) => kind_of(name)
                .map(|k| (name.clone(), k))
                .ok_or_else(|| refuse(r, format!("no question `{name}` in the survey"))),
            ExprKind::Current => current
                .and_then(|name| kind_of(name).map(|k| (name.to_string(), k)))
                .ok_or_else(|| refuse(r, "`.` means the question itself, which only a constraint has")),
            _ => Err(refuse(r, "a question `${name}` was expected here")),
        }
    };
    let code = |q: &str, kind: &QuestionKind, v: &str, at: &Expr| -> Result<(), ParseError> {
        let codes: &[String] = match kind {
            QuestionKind::Single(c) | QuestionKind::Multiple(c) => c,
            QuestionKind::YesNo => {
                return if v == "yes" || v == "no" {
                    Ok(())
                } else {
                    Err(refuse(at, format!("`{q}` is yes/no; `{v}` is neither")))
                };
            }
            _ => return Ok(()),
        };
        if codes.iter().any(|c| c == v) {
            Ok(())
        } else {
            Err(refuse(
                at,
                format!("`{q}` has no choice `{v}`; its choices: {}", codes.join(", ")),
            ))
        }
    };
    match &e.kind {
        ExprKind::Binary(op @ (BinOp::And | BinOp::Or), l, r) => {
            let mut items = Vec::new();
            for side in [l, r] {
                match (condition(side, kind_of, current)?, op) {
                    (Cond::All(inner), BinOp::And) | (Cond::Any(inner), BinOp::Or) => items.extend(inner),
                    (c, _) => items.push(c),
                }
            }
            Ok(if *op == BinOp::And {
                Cond::All(items)
            } else {
                one_of(items)
            })
        }
        ExprKind::Call(name, args) if name == "not" => match args.as_slice() {
            [inner] => Ok(Cond::Not(Box::new(condition(inner, kind_of, current)?))),
            _ => Err(refuse(e, "`not()` takes one argument")),
        },
        ExprKind::Call(name, args) if name == "selected" => match args.as_slice() {
            [r, v] => {
                let (q, kind) = question(r)?;
                let ExprKind::Str(value) = &v.kind else {
                    return Err(refuse(v, "`selected()` compares with a choice code in quotes"));
                };
                code(&q, &kind, value, v)?;
                Ok(match kind {
                    QuestionKind::Multiple(_) => Cond::Includes(q, value.clone()),
                    QuestionKind::Single(_) | QuestionKind::YesNo => Cond::Is(q, value.clone()),
                    _ => {
                        return Err(refuse(
                            r,
                            format!("`selected()` needs a choice question; `{q}` is not one"),
                        ));
                    }
                })
            }
            _ => Err(refuse(e, "`selected()` takes a question and a choice code")),
        },
        ExprKind::Binary(op @ (BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge), l, r) => {
            // The question on the left; a constant on the right flips the comparison.
            for side in [l, r] {
                if matches!(
                    side.kind,
                    ExprKind::Binary(BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod, _, _)
                ) {
                    return Err(refuse(side, "arithmetic has no FieldScreen equivalent in a condition"));
                }
            }
            let is_question = |x: &Expr| matches!(x.kind, ExprKind::Ref(_) | ExprKind::Current);
            let (q_side, value, op) = match (is_question(l), is_question(r)) {
                (true, _) => (l, r, *op),
                (_, true) => (
                    r,
                    l,
                    match op {
                        BinOp::Lt => BinOp::Gt,
                        BinOp::Le => BinOp::Ge,
                        BinOp::Gt => BinOp::Lt,
                        BinOp::Ge => BinOp::Le,
                        other => *other,
                    },
                ),
                _ => return Err(refuse(e, "a comparison needs a question `${name}` on one side")),
            };
            let (q, kind) = question(q_side)?;
            let negate = |c: Cond, ne: bool| if ne { Cond::Not(Box::new(c)) } else { c };
            match (&value.kind, op) {
                (ExprKind::Ref(_) | ExprKind::Current, _) => {
                    Err(refuse(e, "comparing two answers has no FieldScreen equivalent"))
                }
                (ExprKind::Str(s), BinOp::Eq | BinOp::Ne) if s.is_empty() => Ok(Cond::Answered(q, op == BinOp::Ne)),
                (ExprKind::Str(s), BinOp::Eq | BinOp::Ne) if SPECIAL_ANSWERS.contains(&s.as_str()) => {
                    Ok(negate(Cond::Is(q, s.clone()), op == BinOp::Ne))
                }
                (ExprKind::Str(s), BinOp::Eq | BinOp::Ne) => match kind {
                    QuestionKind::YesNo | QuestionKind::Single(_) | QuestionKind::Code => {
                        code(&q, &kind, s, value)?;
                        Ok(negate(Cond::Is(q, s.clone()), op == BinOp::Ne))
                    }
                    QuestionKind::Multiple(_) => Err(refuse(
                        e,
                        format!("`{q}` takes several choices: use selected(${{{q}}}, '{s}')"),
                    )),
                    QuestionKind::Integer => match s.parse::<i64>() {
                        Ok(n) => Ok(negate(
                            Cond::All(vec![Cond::Compare(q.clone(), "ge", n), Cond::Compare(q, "le", n)]),
                            op == BinOp::Ne,
                        )),
                        Err(_) => Err(refuse(value, format!("`{q}` is a number; `{s}` is not"))),
                    },
                    QuestionKind::Other => Err(refuse(
                        e,
                        format!("comparing `{q}`'s text or date with a value has no FieldScreen equivalent"),
                    )),
                },
                (ExprKind::Num(_) | ExprKind::Neg(_), _) if kind == QuestionKind::Integer => {
                    let n = match &value.kind {
                        ExprKind::Num(n) => *n,
                        ExprKind::Neg(inner) => match inner.kind {
                            ExprKind::Num(n) => -n,
                            _ => return Err(refuse(value, "a constant number was expected")),
                        },
                        _ => return Err(refuse(value, "a constant number was expected")),
                    };
                    if n.fract() != 0.0 || n.abs() > 1e15 {
                        return Err(refuse(value, "FieldScreen compares whole numbers only"));
                    }
                    let n = n as i64;
                    Ok(match op {
                        BinOp::Lt => Cond::Compare(q, "lt", n),
                        BinOp::Le => Cond::Compare(q, "le", n),
                        BinOp::Gt => Cond::Compare(q, "gt", n),
                        BinOp::Ge => Cond::Compare(q, "ge", n),
                        _ => negate(
                            Cond::All(vec![Cond::Compare(q.clone(), "ge", n), Cond::Compare(q, "le", n)]),
                            op == BinOp::Ne,
                        ),
                    })
                }
                (ExprKind::Num(_), _) => Err(refuse(e, format!("`{q}` is not a number question"))),
                _ => Err(refuse(
                    value,
                    "no FieldScreen equivalent: a condition compares an answer with a constant",
                )),
            }
        }
        ExprKind::Call(name, _) => Err(refuse(e, format!("`{name}()` has no FieldScreen equivalent"))),
        ExprKind::Binary(..) | ExprKind::Neg(_) => {
            Err(refuse(e, "arithmetic has no FieldScreen equivalent in a condition"))
        }
        ExprKind::Ref(_) | ExprKind::Current | ExprKind::Str(_) | ExprKind::Num(_) => Err(refuse(
            e,
            "a condition is expected here (a comparison, selected(), not(), and, or)",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xpath::parse;

    fn kinds(name: &str) -> Option<QuestionKind> {
        Some(match name {
            "paid" => QuestionKind::YesNo,
            "sector" => QuestionKind::Single(vec!["farm".into(), "factory".into()]),
            "pay" => QuestionKind::Multiple(vec!["less".into(), "nothing".into()]),
            "hours" => QuestionKind::Integer,
            "name" => QuestionKind::Other,
            _ => return None,
        })
    }

    fn tr(s: &str) -> Result<String, (String, usize)> {
        let e = parse(s).map_err(|e| (e.message.clone(), e.at.start))?;
        condition(&e, &kinds, Some("hours"))
            .map(|c| c.to_string())
            .map_err(|e| (e.message, e.at.start))
    }

    #[test]
    fn translates_what_has_an_equivalent() {
        assert_eq!(
            tr("${paid} = 'yes'").expect("translated"),
            r#"{ q = "paid", is = "yes" }"#
        );
        assert_eq!(
            tr("${sector} != 'farm'").expect("translated"),
            r#"{ not = { q = "sector", is = "farm" } }"#
        );
        assert_eq!(
            tr("selected(${pay}, 'less')").expect("translated"),
            r#"{ q = "pay", includes = "less" }"#
        );
        assert_eq!(tr("12 < ${hours}").expect("translated"), r#"{ q = "hours", gt = 12 }"#);
        assert_eq!(
            tr("${name} != ''").expect("translated"),
            r#"{ q = "name", answered = true }"#
        );
        assert_eq!(tr(". <= 24").expect("translated"), r#"{ q = "hours", le = 24 }"#);
        // Answers of one question joined by `or` are one `in`; mixed with another, they are not.
        assert_eq!(
            tr("${sector} = 'farm' or ${sector} = 'factory'").expect("translated"),
            r#"{ q = "sector", in = ["farm", "factory"] }"#
        );
        assert_eq!(
            tr("${sector} = 'farm' or ${paid} = 'no'").expect("translated"),
            r#"{ any = [{ q = "sector", is = "farm" }, { q = "paid", is = "no" }] }"#
        );
        assert_eq!(
            tr("${paid} = 'dont-know'").expect("translated"),
            r#"{ q = "paid", is = "dont-know" }"#
        );
        assert_eq!(
            tr("${paid} = 'no' and ${hours} >= 10 and not(selected(${pay}, 'nothing'))").expect("translated"),
            r#"{ all = [{ q = "paid", is = "no" }, { q = "hours", ge = 10 }, { not = { q = "pay", includes = "nothing" } }] }"#
        );
        assert_eq!(
            tr("${hours} = 8 or ${sector} = 'factory'").expect("translated"),
            r#"{ any = [{ all = [{ q = "hours", ge = 8 }, { q = "hours", le = 8 }] }, { q = "sector", is = "factory" }] }"#
        );
    }

    #[test]
    fn refuses_at_the_construct_without_an_equivalent() {
        assert_eq!(tr("${hours} + 2 > 10").expect_err("refused").1, 0);
        assert_eq!(
            tr("${paid} = 'yes' and count-selected(${pay}) > 1")
                .expect_err("refused")
                .1,
            20
        );
        assert_eq!(tr("${hours} > ${paid}").expect_err("refused").1, 0);
        let (message, at) = tr("${sector} = 'office'").expect_err("refused");
        assert_eq!(at, 12);
        assert!(message.contains("farm, factory"), "{message}");
        assert_eq!(tr("${nobody} = 'x'").expect_err("refused").1, 0);
        assert_eq!(tr("${paid} = 'yes' or today() > 3").expect_err("refused").1, 19);
        assert!(tr("${pay} = 'less'").expect_err("refused").0.contains("selected("));
    }
}
