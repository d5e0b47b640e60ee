//! Reading a Fluent file for the checker: its messages with their positions and the variables
//! each uses, and every syntax error with its position. Never fails: a broken file yields problems.

use fluent_syntax::ast;
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};

/// One message of a Fluent file, as the checker needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Where its identifier starts (1-based).
    pub line: usize,
    /// Where its identifier starts (1-based, in characters).
    pub column: usize,
    /// The variables (`$name`) it uses, in its value and attributes.
    pub variables: BTreeSet<String>,
    /// Whether it has a value (a message may have only attributes).
    pub has_value: bool,
}

/// A problem in a Fluent file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlProblem {
    /// `fluent-syntax`, `fluent-duplicate`, `fluent-too-deep`, `fluent-unknown-term` (errors)
    /// or `fluent-bom` (a warning: the mark is ignored).
    pub code: &'static str,
    /// Where it is (1-based).
    pub line: usize,
    /// Where it is (1-based, in characters).
    pub column: usize,
    /// What is wrong, in words.
    pub message: String,
}

impl FtlProblem {
    /// Whether the file can still be used despite it.
    pub fn is_warning(&self) -> bool {
        self.code == BOM_CODE
    }
}

const BOM_CODE: &str = "fluent-bom";
const BOM: char = '\u{FEFF}';

/// Placeables nested deeper than this are refused before any parser sees them: the Fluent
/// parser recurses once per level, and some thousands of levels overflow the stack. Real
/// messages nest two or three deep.
pub const MAX_PLACEABLE_DEPTH: usize = 32;

/// The byte offset where placeables first nest deeper than `MAX_PLACEABLE_DEPTH`, if they do.
/// Braces inside string literals do not count (a literal ends at its quote or at the line's end,
/// so one odd quote cannot hide the rest of the file).
pub fn too_deep(source: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, c) in source.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_PLACEABLE_DEPTH {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => in_string = true,
            _ => {}
        }
    }
    None
}

/// The text the Fluent parser may be given: without a leading byte-order mark (it is not
/// content), or None when it nests too deep to parse safely.
pub fn parsable(source: &str) -> Option<&str> {
    let text = source.strip_prefix(BOM).unwrap_or(source);
    too_deep(text).is_none().then_some(text)
}

/// Where each line starts, built once: a position is found by binary search, so locating every
/// message of a large file stays linear in its size.
struct Lines<'s> {
    source: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        Lines { source, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (line, self.source[start..offset].chars().count() + 1)
    }

    /// The line holding `offset`, without its end.
    fn text_at(&self, offset: usize) -> &'s str {
        let (line, _) = self.locate(offset);
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(self.source.len(), |e| e - 1);
        &self.source[start..end.max(start)]
    }
}

/// Characters that look like others or like nothing, named so a person can find them.
fn character_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte-order mark",
        '\u{00A0}' => "no-break space",
        '\u{00AD}' => "soft hyphen",
        '\u{0430}' => "Cyrillic small a",
        '\u{0435}' => "Cyrillic small ie (looks like e)",
        '\u{043E}' => "Cyrillic small o",
        '\u{0440}' => "Cyrillic small er (looks like p)",
        '\u{0441}' => "Cyrillic small es (looks like c)",
        '\u{0443}' => "Cyrillic small u (looks like y)",
        '\u{0445}' => "Cyrillic small ha (looks like x)",
        '\u{0456}' => "Cyrillic small i",
        '\u{03BF}' => "Greek small omicron (looks like o)",
        _ => return None,
    })
}

/// What in an identifier (the part of a line before `=`) is not ASCII, named by code point.
fn unexpected_characters(line: &str) -> Option<String> {
    let id = line.split('=').next().unwrap_or(line);
    let odd: Vec<String> = id
        .chars()
        .filter(|c| !c.is_ascii())
        .map(|c| match character_name(c) {
            Some(name) => format!("U+{:04X} ({name})", u32::from(c)),
            None => format!("U+{:04X}", u32::from(c)),
        })
        .collect();
    (!odd.is_empty()).then(|| format!("the identifier holds {}, which only looks like a letter or like nothing; identifiers are ASCII letters, digits, `-` and `_`", odd.join(", ")))
}

/// A Fluent file as the checker reads it.
#[derive(Debug, Clone, Default)]
pub struct FtlFile {
    /// Its messages by identifier.
    pub messages: BTreeMap<String, Message>,
    /// What is wrong in it.
    pub problems: Vec<FtlProblem>,
}

/// Reads a Fluent file's messages and problems; never fails.
pub fn parse_ftl(source: &str) -> FtlFile {
    let mut file = FtlFile::default();
    let source = match source.strip_prefix(BOM) {
        Some(rest) => {
            file.problems.push(FtlProblem {
                code: BOM_CODE,
                line: 1,
                column: 1,
                message: "the file starts with a byte-order mark (U+FEFF, invisible); it is ignored, but save the file as UTF-8 without it".into(),
            });
            rest
        }
        None => source,
    };
    let lines = Lines::new(source);
    if let Some(at) = too_deep(source) {
        let (line, column) = lines.locate(at);
        file.problems.push(FtlProblem {
            code: "fluent-too-deep",
            line,
            column,
            message: format!(
                "placeables nest more than {MAX_PLACEABLE_DEPTH} deep here; the file is not read further (real messages nest two or three deep)"
            ),
        });
        return file;
    }
    let (resource, errors) = match parser::parse(source) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    for e in errors {
        // The entry that broke starts at `slice`; the parser noticed at `pos`, often a line later.
        let start = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
        let (line, column) = lines.locate(start);
        let (noticed, _) = lines.locate(e.pos.start);
        let mut message = e.kind.to_string();
        if noticed != line {
            message.push_str(&format!(" (noticed at line {noticed})"));
        }
        if let Some(odd) = unexpected_characters(lines.text_at(start)) {
            message.push_str(&format!("; {odd}"));
        }
        file.problems.push(FtlProblem {
            code: "fluent-syntax",
            line,
            column,
            message,
        });
    }
    // Message positions: the AST carries none, so find each id at the start of a line, every
    // definition in order (a duplicate is reported where it is, not at the first).
    let mut positions: BTreeMap<&str, std::collections::VecDeque<usize>> = BTreeMap::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if let Some((id, _)) = line.split_once('=') {
            let id = id.trim_end();
            if !id.is_empty() && !line.starts_with([' ', '\t', '#', '-']) {
                positions.entry(id).or_default().push_back(offset);
            }
        }
        offset += line.len();
    }
    let defined_terms: BTreeSet<&str> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Term(t) => Some(t.id.name),
            _ => None,
        })
        .collect();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut refs = Refs::default();
            if let Some(p) = &m.value {
                pattern_refs(p, &mut refs);
            }
            for a in &m.attributes {
                pattern_refs(&a.value, &mut refs);
            }
            let Refs { variables, terms } = refs;
            let at = positions
                .get_mut(m.id.name)
                .and_then(std::collections::VecDeque::pop_front)
                .unwrap_or(0);
            let (line, column) = lines.locate(at);
            if let Some(first) = file.messages.get(m.id.name) {
                file.problems.push(FtlProblem {
                    code: "fluent-duplicate",
                    line,
                    column,
                    message: format!(
                        "message `{}` is defined twice (first at line {})",
                        m.id.name, first.line
                    ),
                });
            }
            // A term defined nowhere shows as `{-name}` in the middle of a question.
            for t in terms.iter().filter(|t| !defined_terms.contains(t.as_str())) {
                file.problems.push(FtlProblem {
                    code: "fluent-unknown-term",
                    line,
                    column,
                    message: format!(
                        "message `{}` uses the term `-{t}`, which this file does not define",
                        m.id.name
                    ),
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

/// What a message's patterns refer to.
#[derive(Default)]
struct Refs {
    variables: BTreeSet<String>,
    terms: BTreeSet<String>,
}

fn pattern_refs(p: &Pattern<&str>, out: &mut Refs) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_refs(expression, out);
        }
    }
}

fn expression_refs(e: &Expression<&str>, out: &mut Refs) {
    match e {
        Expression::Inline(i) => inline_refs(i, out),
        Expression::Select { selector, variants } => {
            inline_refs(selector, out);
            for v in variants {
                pattern_refs(&v.value, out);
            }
        }
    }
}

fn inline_refs(i: &InlineExpression<&str>, out: &mut Refs) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.variables.insert(id.name.to_string());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            out.terms.insert(id.name.to_string());
            if let Some(arguments) = arguments {
                arguments.named.iter().for_each(|n| inline_refs(&n.value, out));
            }
        }
        InlineExpression::Placeable { expression } => expression_refs(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_refs(a, out);
            }
            for n in &arguments.named {
                inline_refs(&n.value, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeables_nested_thousands_deep_are_refused_not_parsed() {
        let deep = format!("a = {}$x{}\nb = fine\n", "{ ".repeat(10_000), " }".repeat(10_000));
        let f = parse_ftl(&deep);
        assert_eq!(f.problems.len(), 1, "{:?}", f.problems);
        assert_eq!(f.problems[0].code, "fluent-too-deep");
        assert_eq!(
            (f.problems[0].line, f.problems[0].column),
            (1, 5 + 2 * MAX_PLACEABLE_DEPTH)
        );
        assert!(parsable(&deep).is_none());
        // Braces in string literals and in plain text do not count.
        let fine = format!("a = {}\n", r#"{ "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{" }"#);
        assert!(too_deep(&fine).is_none());
        assert!(too_deep(&"a = }}}}} text {{ $x }\n".repeat(50)).is_none());
    }

    #[test]
    fn a_term_defined_nowhere_is_an_error_where_it_is_used() {
        let f = parse_ftl("-org = the office\na = Call { -org }\nb = Call { -orgs }\n");
        let unknown: Vec<_> = f.problems.iter().filter(|p| p.code == "fluent-unknown-term").collect();
        assert_eq!(unknown.len(), 1, "{:?}", f.problems);
        assert_eq!(unknown[0].line, 3);
        assert!(unknown[0].message.contains("`-orgs`"));
    }

    #[test]
    fn a_byte_order_mark_is_named_and_ignored() {
        let f = parse_ftl("\u{FEFF}a = A\nb = B\n");
        assert_eq!(f.problems.len(), 1);
        assert!(f.problems[0].is_warning());
        assert!(f.problems[0].message.contains("U+FEFF"), "{}", f.problems[0].message);
        assert_eq!(f.messages["a"].line, 1);
        assert_eq!(parsable("\u{FEFF}a = A\n"), Some("a = A\n"));
    }

    #[test]
    fn a_duplicate_is_reported_where_it_is() {
        let f = parse_ftl("a = A\nb = B\na = again\n");
        let dup: Vec<_> = f.problems.iter().filter(|p| p.code == "fluent-duplicate").collect();
        assert_eq!(dup.len(), 1);
        assert_eq!(dup[0].line, 3);
        assert!(dup[0].message.contains("first at line 1"), "{}", dup[0].message);
    }

    #[test]
    fn invisible_and_look_alike_characters_are_named() {
        let f = parse_ftl("q-ho\u{200B}urs = Hours\n");
        assert!(
            f.problems[0].message.contains("U+200B (zero-width space)"),
            "{}",
            f.problems[0].message
        );
        let f = parse_ftl("q-h\u{043E}urs = Hours\n");
        assert!(
            f.problems[0].message.contains("U+043E (Cyrillic small o)"),
            "{}",
            f.problems[0].message
        );
    }

    #[test]
    fn positions_are_right_on_a_large_file() {
        let mut text = String::new();
        for i in 0..20_000 {
            text.push_str(&format!("m{i} = Message {i}\n    continued\n"));
        }
        let f = parse_ftl(&text);
        assert!(f.problems.is_empty());
        assert_eq!(f.messages["m19999"].line, 39_999);
        assert_eq!(f.messages["m0"].line, 1);
    }

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
