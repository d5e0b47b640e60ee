//! The XPath subset XLSForm's `relevant`, `constraint` and `required` columns use, parsed into a
//! tree with the byte position of every part, so that a construct FieldScreen has no equivalent
//! for can be refused at its exact column: `${name}`, `.`, string and number literals,
//! comparisons, `and` / `or`, `not()`, `selected()`, `count-selected()`, `string-length()`,
//! `today()`, other function calls, and arithmetic (`+ - * div mod`).

use std::ops::Range;

/// A parsed expression; `span` is its bytes in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it is in the expression's text.
    pub span: Range<usize>,
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `${name}`: another question's answer.
    Ref(String),
    /// `.`: this question's own answer (in a constraint).
    Current,
    /// `'text'` or `"text"`.
    Str(String),
    /// A number as written.
    Num(f64),
    /// `a op b`.
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `-a`.
    Neg(Box<Expr>),
    /// `name(args…)`.
    Call(String, Vec<Expr>),
}

/// Binary operators, loosest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `or`
    Or,
    /// `and`
    And,
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `div`
    Div,
    /// `mod`
    Mod,
}

impl BinOp {
    fn binding(self) -> u8 {
        match self {
            BinOp::Or => 1,
            BinOp::And => 2,
            BinOp::Eq | BinOp::Ne => 3,
            BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => 4,
            BinOp::Add | BinOp::Sub => 5,
            BinOp::Mul | BinOp::Div | BinOp::Mod => 6,
        }
    }
}

/// Why an expression could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at character {})", .at.start + 1)]
pub struct ParseError {
    /// What is wrong.
    pub message: String,
    /// The bytes it concerns.
    pub at: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ref(String),
    Dot,
    Str(String),
    Num(f64),
    Name(String),
    Op(BinOp),
    LParen,
    RParen,
    Comma,
}

/// The longest expression read: a form's logic is a line, not a program.
pub const MAX_LEN: usize = 4096;
/// How deep parentheses and `not()` may nest.
const MAX_DEPTH: usize = 64;

fn lex(src: &str) -> Result<Vec<(Tok, Range<usize>)>, ParseError> {
    let err = |message: String, at: Range<usize>| ParseError { message, at };
    if src.len() > MAX_LEN {
        return Err(err(
            format!("the expression is longer than {MAX_LEN} characters"),
            0..src.len(),
        ));
    }
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'$' => {
                if bytes.get(i + 1) != Some(&b'{') {
                    return Err(err("`$` must start a reference `${name}`".into(), i..i + 1));
                }
                let Some(end) = src[i + 2..].find('}') else {
                    return Err(err("`${` is not closed by `}`".into(), i..src.len()));
                };
                let name = &src[i + 2..i + 2 + end];
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
                {
                    return Err(err(format!("`${{{name}}}` is not a question name"), i..i + 3 + end));
                }
                i += 3 + end;
                out.push((Tok::Ref(name.to_string()), start..i));
            }
            b'\'' | b'"' => {
                let Some(end) = src[i + 1..].find(c as char) else {
                    return Err(err("the text is not closed by its quote".into(), i..src.len()));
                };
                out.push((Tok::Str(src[i + 1..i + 1 + end].to_string()), start..i + 2 + end));
                i += 2 + end;
            }
            b'0'..=b'9' => {
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                let text = &src[start..i];
                let n = text
                    .parse::<f64>()
                    .map_err(|_| err(format!("`{text}` is not a number"), start..i))?;
                out.push((Tok::Num(n), start..i));
            }
            b'.' => {
                i += 1;
                out.push((Tok::Dot, start..i));
            }
            b'(' | b')' | b',' => {
                i += 1;
                out.push((
                    match c {
                        b'(' => Tok::LParen,
                        b')' => Tok::RParen,
                        _ => Tok::Comma,
                    },
                    start..i,
                ));
            }
            b'=' => {
                i += 1;
                out.push((Tok::Op(BinOp::Eq), start..i));
            }
            b'!' | b'<' | b'>' => {
                let eq = bytes.get(i + 1) == Some(&b'=');
                let op = match (c, eq) {
                    (b'!', true) => BinOp::Ne,
                    (b'<', false) => BinOp::Lt,
                    (b'<', true) => BinOp::Le,
                    (b'>', false) => BinOp::Gt,
                    (b'>', true) => BinOp::Ge,
                    _ => return Err(err("`!` must be followed by `=`".into(), i..i + 1)),
                };
                i += if eq { 2 } else { 1 };
                out.push((Tok::Op(op), start..i));
            }
            b'+' | b'-' | b'*' => {
                i += 1;
                let op = match c {
                    b'+' => BinOp::Add,
                    b'-' => BinOp::Sub,
                    _ => BinOp::Mul,
                };
                out.push((Tok::Op(op), start..i));
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b'_' || bytes[i] == b':')
                {
                    i += 1;
                }
                let word = &src[start..i];
                let tok = match word {
                    "and" => Tok::Op(BinOp::And),
                    "or" => Tok::Op(BinOp::Or),
                    "div" => Tok::Op(BinOp::Div),
                    "mod" => Tok::Op(BinOp::Mod),
                    _ => Tok::Name(word.to_string()),
                };
                out.push((tok, start..i));
            }
            _ => {
                let ch = src[i..].chars().next().unwrap_or('?');
                return Err(err(format!("`{ch}` has no meaning here"), i..i + ch.len_utf8()));
            }
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: &'a [(Tok, Range<usize>)],
    pos: usize,
    end: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&(Tok, Range<usize>)> {
        self.toks.get(self.pos)
    }

    fn here(&self) -> Range<usize> {
        self.peek().map_or(self.end..self.end, |(_, s)| s.clone())
    }

    fn expr(&mut self, min: u8) -> Result<Expr, ParseError> {
        let mut left = self.unary()?;
        while let Some((Tok::Op(op), _)) = self.peek() {
            let op = *op;
            if op.binding() < min {
                break;
            }
            self.pos += 1;
            let right = self.expr(op.binding() + 1)?;
            let span = left.span.start..right.span.end;
            left = Expr {
                kind: ExprKind::Binary(op, Box::new(left), Box::new(right)),
                span,
            };
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, ParseError> {
        if let Some((Tok::Op(BinOp::Sub), s)) = self.peek() {
            let start = s.start;
            self.pos += 1;
            let inner = self.unary()?;
            let span = start..inner.span.end;
            return Ok(Expr {
                kind: ExprKind::Neg(Box::new(inner)),
                span,
            });
        }
        self.primary()
    }

    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, ParseError>) -> Result<T, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ParseError {
                message: format!("the expression nests deeper than {MAX_DEPTH} levels"),
                at: self.here(),
            });
        }
        let out = f(self);
        self.depth -= 1;
        out
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let Some((tok, span)) = self.peek().cloned() else {
            return Err(ParseError {
                message: "the expression ends where a value was expected".into(),
                at: self.end..self.end,
            });
        };
        self.pos += 1;
        let kind = match tok {
            Tok::Ref(name) => ExprKind::Ref(name),
            Tok::Dot => ExprKind::Current,
            Tok::Str(s) => ExprKind::Str(s),
            Tok::Num(n) => ExprKind::Num(n),
            Tok::LParen => {
                let inner = self.nested(|p| p.expr(0))?;
                self.close(&span)?;
                return Ok(inner);
            }
            Tok::Name(name) => {
                if !matches!(self.peek(), Some((Tok::LParen, _))) {
                    return Err(ParseError {
                        message: format!(
                            "`{name}` is neither a function call nor a value; a question is written `${{{name}}}`"
                        ),
                        at: span,
                    });
                }
                self.pos += 1;
                let mut args = Vec::new();
                if !matches!(self.peek(), Some((Tok::RParen, _))) {
                    loop {
                        args.push(self.nested(|p| p.expr(0))?);
                        if matches!(self.peek(), Some((Tok::Comma, _))) {
                            self.pos += 1;
                        } else {
                            break;
                        }
                    }
                }
                let end = self.close(&span)?;
                return Ok(Expr {
                    kind: ExprKind::Call(name, args),
                    span: span.start..end,
                });
            }
            Tok::Op(_) | Tok::RParen | Tok::Comma => {
                return Err(ParseError {
                    message: "a value was expected here".into(),
                    at: span,
                });
            }
        };
        Ok(Expr { kind, span })
    }

    /// Consumes `)` and returns where it ends.
    fn close(&mut self, open: &Range<usize>) -> Result<usize, ParseError> {
        match self.peek() {
            Some((Tok::RParen, s)) => {
                let end = s.end;
                self.pos += 1;
                Ok(end)
            }
            _ => Err(ParseError {
                message: "this `(` is not closed".into(),
                at: open.clone(),
            }),
        }
    }
}

/// Parses one expression; anything left over is an error at its position.
pub fn parse(src: &str) -> Result<Expr, ParseError> {
    let toks = lex(src)?;
    let mut p = Parser {
        toks: &toks,
        pos: 0,
        end: src.len(),
        depth: 0,
    };
    let e = p.expr(0)?;
    if p.pos < toks.len() {
        return Err(ParseError {
            message: "the expression goes on after its end; a missing `and`/`or`?".into(),
            at: p.here(),
        });
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_and_spans() {
        let e = parse("${a} = 'yes' and ${b} > 3 or not(selected(${c}, 'x'))").expect("parses");
        let ExprKind::Binary(BinOp::Or, left, right) = &e.kind else {
            panic!("{e:?}")
        };
        assert!(matches!(left.kind, ExprKind::Binary(BinOp::And, _, _)));
        assert!(matches!(&right.kind, ExprKind::Call(n, _) if n == "not"));
        assert_eq!(right.span, 29..53);
        let sum = parse("${a} + 2 * 3 >= 10").expect("parses");
        let ExprKind::Binary(BinOp::Ge, l, _) = &sum.kind else {
            panic!()
        };
        assert!(matches!(l.kind, ExprKind::Binary(BinOp::Add, _, _)));
    }

    #[test]
    fn errors_point_at_the_mistake() {
        let at = |s: &str| parse(s).expect_err("refused").at.start;
        assert_eq!(at("${a} = 'yes"), 7);
        assert_eq!(at("${a = 'x'"), 0);
        assert_eq!(at("${a} == 'x'"), 6);
        assert_eq!(at("selected(${a}, 'x'"), 0);
        assert_eq!(at("${a} = 'x' ${b}"), 11);
        assert_eq!(at("foo"), 0);
        assert_eq!(at("${a} = "), 7);
        assert_eq!(at(&"(".repeat(100)), 65);
    }
}

#[cfg(test)]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// Whatever a form's author (or a hostile file) writes, the parser and the translation
        /// answer with a tree or a located error, never a panic, and every span lies inside the
        /// text.
        #[test]
        fn any_text_is_parsed_or_refused_within_its_bounds(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("${a}"), Just("${b}"), Just("."), Just("'x'"), Just("\"y\""), Just("3"), Just("-"),
                    Just("2.5"), Just("("), Just(")"), Just(","), Just("="), Just("!="), Just("<="), Just(">"),
                    Just(" and "), Just(" or "), Just(" div "), Just("not("), Just("selected("),
                    Just("count-selected("), Just("today()"), Just("+"), Just("*"), Just("${"), Just("'"),
                    Just("é"), Just("$"), Just("!"), Just("}"),
                ],
                0..24,
            )
        ) {
            let src: String = parts.concat();
            match parse(&src) {
                Ok(e) => {
                    prop_assert!(e.span.end <= src.len());
                    let kinds = |n: &str| match n {
                        "a" => Some(crate::translate::QuestionKind::Integer),
                        "b" => Some(crate::translate::QuestionKind::Multiple(vec!["x".into()])),
                        _ => None,
                    };
                    if let Err(err) = crate::translate::condition(&e, &kinds, Some("a")) {
                        prop_assert!(err.at.end <= src.len() && err.at.start <= err.at.end);
                    }
                }
                Err(err) => prop_assert!(err.at.start <= src.len() && err.at.end <= src.len()),
            }
        }
    }
}
