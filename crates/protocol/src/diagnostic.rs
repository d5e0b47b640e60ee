//! Problems found in a protocol or its translations, located for the author who must fix them.

use std::fmt;
use std::ops::Range;

/// Whether a problem stops the protocol from running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth fixing; the protocol still runs.
    Warning,
    /// The protocol is refused until it is fixed.
    Error,
}

/// A position a human can jump to: 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Location {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
}

impl Location {
    /// Turns a byte offset into a line and column of `source`. Offsets past the end clamp to it.
    pub fn from_offset(source: &str, offset: usize) -> Self {
        Self::with_index(source, &line_starts(source), offset)
    }

    /// With the line starts already known (`line_starts`): a binary search, not a scan.
    fn with_index(source: &str, starts: &[usize], offset: usize) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let line_start = starts[line - 1];
        let column = source[line_start..offset].chars().count() + 1;
        Location { line, column }
    }
}

/// Where each line of `source` starts.
fn line_starts(source: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// One problem. `code` is stable (tests and tooling match on it); `message` and `hint` are prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What kind of problem (`unknown-question`, `outcome-shadowed`, …).
    pub code: &'static str,
    /// The file, as the author would recognise it.
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// Where in the document, as a key path such as `sections[1].questions[0].relevant`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when something useful can be said.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}[{}]",
            self.file, self.location.line, self.location.column, self.code
        )?;
        if !self.path.is_empty() {
            write!(f, " at `{}`", self.path)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n    hint: {hint}")?;
        }
        Ok(())
    }
}

/// Collects diagnostics for one file, resolving byte spans against its text.
pub struct Diagnostics<'s> {
    file: String,
    source: &'s str,
    /// Built at the first diagnostic, so that a large file with many problems stays linear.
    lines: std::sync::OnceLock<Vec<usize>>,
    /// What was found so far.
    pub items: Vec<Diagnostic>,
}

impl<'s> Diagnostics<'s> {
    /// For `file`, whose text is `source`.
    pub fn new(file: impl Into<String>, source: &'s str) -> Self {
        Diagnostics {
            file: file.into(),
            source,
            lines: std::sync::OnceLock::new(),
            items: Vec::new(),
        }
    }

    /// Adds a problem at byte span `span` of the source.
    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        span: Range<usize>,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        self.items.push(Diagnostic {
            severity,
            code,
            file: self.file.clone(),
            location: Location::with_index(
                self.source,
                self.lines.get_or_init(|| line_starts(self.source)),
                span.start,
            ),
            path: path.into(),
            message: message.into(),
            hint,
        });
    }

    /// Adds an error.
    pub fn error(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Error, code, span, path, message, None);
    }

    /// Adds an error with a hint.
    pub fn error_hint(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.push(Severity::Error, code, span, path, message, Some(hint.into()));
    }

    /// Adds a warning.
    pub fn warning(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) {
        self.push(Severity::Warning, code, span, path, message, None);
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
}

/// "did you mean" for a misspelt identifier: the closest candidate, if it is close enough.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let guess = candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("did you mean `{c}`?"));
    // An id that looks right but is not: name the character a reader cannot see.
    let odd: Vec<String> = wrong
        .chars()
        .filter(|c| !c.is_ascii())
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    if odd.is_empty() {
        return guess;
    }
    Some(format!(
        "`{wrong}` holds {}, which only looks like a letter or like nothing (ids are ASCII){}",
        odd.join(", "),
        guess.map(|g| format!("; {g}")).unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_alike_character_is_named_not_suggested_as_itself() {
        let hint = did_you_mean("h\u{043E}urs", ["hours", "paid"]).expect("hint");
        assert!(hint.contains("U+043E"), "{hint}");
        assert!(hint.contains("did you mean `hours`"), "{hint}");
        assert_eq!(
            did_you_mean("hurs", ["hours"]).as_deref(),
            Some("did you mean `hours`?")
        );
    }

    #[test]
    fn offsets_become_lines_and_character_columns() {
        let src = "a = 1\nb = \"é\"x\n";
        assert_eq!(Location::from_offset(src, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::from_offset(src, 6), Location { line: 2, column: 1 });
        // The closing quote follows a two-byte character: byte 13, character column 7.
        assert_eq!(Location::from_offset(src, 13), Location { line: 2, column: 7 });
        assert_eq!(Location::from_offset(src, 14), Location { line: 2, column: 8 });
        // An offset inside a character counts as that character.
        assert_eq!(Location::from_offset(src, 12), Location { line: 2, column: 6 });
        assert_eq!(Location::from_offset(src, 999).line, 3);
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(
            did_you_mean("job_promsed", ["job_promised", "age"]).as_deref(),
            Some("did you mean `job_promised`?")
        );
        assert_eq!(did_you_mean("zzz", ["job_promised"]), None);
    }
}
