//! Reading a Fluent file for the checker: its messages with their positions and the variables
//! each uses, and every syntax error with its position. Never fails: a broken file yields problems.

use fluent_syntax::ast;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub line: usize,
    pub column: usize,
    pub variables: BTreeSet<String>,
    pub has_value: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct FtlFile {
    pub messages: BTreeMap<String, Message>,
    pub problems: Vec<FtlProblem>,
}

fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, source[start..offset].chars().count() + 1)
}

pub fn parse_ftl(source: &str) -> FtlFile {
    let (resource, errors) = match parser::parse(source) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    let mut file = FtlFile::default();
    for e in errors {
        // The entry that broke starts at `slice`; the parser noticed at `pos`, often a line later.
        let start = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
        let (line, column) = line_col(source, start);
        let (noticed, _) = line_col(source, e.pos.start);
        let mut message = e.kind.to_string();
        if noticed != line {
            message.push_str(&format!(" (noticed at line {noticed})"));
        }
        file.problems.push(FtlProblem { line, column, message });
    }
    // Message positions: the AST carries none, so find each id at the start of a line.
    let mut positions: BTreeMap<&str, usize> = BTreeMap::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if let Some((id, _)) = line.split_once('=') {
            let id = id.trim_end();
            if !id.is_empty() && !line.starts_with([' ', '\t', '#', '-']) {
                positions.entry(id).or_insert(offset);
            }
        }
        offset += line.len();
    }
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut variables = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_variables(p, &mut variables);
            }
            for a in &m.attributes {
                pattern_variables(&a.value, &mut variables);
            }
            let (line, column) = line_col(source, positions.get(m.id.name).copied().unwrap_or(0));
            if file.messages.contains_key(m.id.name) {
                file.problems.push(FtlProblem {
                    line,
                    column,
                    message: format!("message `{}` is defined twice", m.id.name),
                });
            }
            file.messages.insert(
                m.id.name.to_string(),
                Message {
                    line,
                    column,
                    variables,
                    has_value: m.value.is_some(),
                },
            );
        }
    }
    file
}

fn pattern_variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                pattern_variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for n in &arguments.named {
                inline_variables(&n.value, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_messages_variables_and_positions() {
        let f =
            parse_ftl("# c\na = A { $x }\nb =\n    { $n ->\n        [one] one { $y }\n       *[other] many\n    }\n");
        assert!(f.problems.is_empty(), "{:?}", f.problems);
        assert_eq!(f.messages["a"].line, 2);
        assert_eq!(f.messages["a"].variables, BTreeSet::from(["x".to_string()]));
        assert_eq!(
            f.messages["b"].variables,
            BTreeSet::from(["n".to_string(), "y".to_string()])
        );
    }

    #[test]
    fn locates_syntax_errors() {
        let f = parse_ftl("a = fine\nb = { $unclosed\nc = ok\n");
        assert_eq!(f.problems.len(), 1);
        assert_eq!(f.problems[0].line, 2);
        assert!(f.messages.contains_key("c"));
    }
}
