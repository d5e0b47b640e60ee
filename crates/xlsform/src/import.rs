//! From an XLSForm workbook to a FieldScreen protocol directory: `survey`, `choices` and
//! `settings` sheets; `label::Language (code)`, `hint::…` and `constraint_message::…` columns
//! become one `.ftl` per language; groups become sections; `relevant` and `constraint` are
//! translated into FieldScreen conditions or refused at the exact character. Every problem is
//! collected with its sheet, row and column, so one run lists them all.

use crate::export::{
    FIELDSCREEN_COLUMN, INDICATOR_COLUMNS, RULE_COLUMNS, SHEET_INDICATORS, SHEET_PICTURES, SHEET_PROTOCOL, SHEET_RULES,
    SHEET_TEXTS,
};
use crate::form::{Place, Sheet, Workbook};
use crate::translate::{Cond, QuestionKind, condition};
use std::collections::{BTreeMap, HashMap};

/// One problem, at its place in the workbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where.
    pub place: Place,
    /// What is wrong and what to do.
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// A protocol directory's files, ready to write.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The protocol's id (its directory's name).
    pub id: String,
    /// `protocol.toml`.
    pub protocol_toml: String,
    /// `locales/<tag>.ftl`, by language tag.
    pub locales: BTreeMap<String, String>,
    /// What was imported with a caveat (no outcome, metadata not collected, …).
    pub warnings: Vec<String>,
    /// Other files of the protocol directory, by relative path (`pictures/<name>.svg`).
    pub files: BTreeMap<String, String>,
}

impl Imported {
    /// The protocol directory it makes, in memory, as the catalog checks and installs one;
    /// `dir` names it in messages.
    pub fn source(&self, dir: &str) -> fieldscreen_catalog::ProtocolSource {
        let locales: Vec<(String, String)> = self.locales.clone().into_iter().collect();
        let mut source = fieldscreen_catalog::install::source_in_memory(dir, &self.id, &self.protocol_toml, &locales);
        source.media = self
            .files
            .iter()
            .map(|(rel, text)| fieldscreen_catalog::media::MediaFile {
                path: format!("{dir}/{rel}"),
                rel: rel.clone(),
                size: text.len() as u64,
                bytes: text.as_bytes().into(),
            })
            .collect();
        source
    }
}

/// XLSForm question types FieldScreen collects by itself or refuses to collect: device and
/// phone identifiers would identify the worker's phone in every case.
const METADATA: [&str; 9] = [
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "audit",
];

/// `label::English (en)` → `en`; `label::en` → `en`; `label` → the default language.
fn language_of(header: &str, base: &str, default: &str) -> Option<Result<String, String>> {
    let lower = header.to_ascii_lowercase();
    if lower == base {
        return Some(Ok(default.to_string()));
    }
    let rest = header.get(base.len()..)?.strip_prefix("::")?;
    let rest = rest.trim();
    if let (Some(open), true) = (rest.rfind('('), rest.ends_with(')')) {
        let code = rest[open + 1..rest.len() - 1].trim();
        return Some(
            valid_tag(code)
                .then(|| code.to_string())
                .ok_or_else(|| format!("`{code}` is not a language code")),
        );
    }
    Some(if valid_tag(rest) {
        Ok(rest.to_string())
    } else {
        Err(format!(
            "name the language code in parentheses, e.g. `{base}::{rest} (xx)`"
        ))
    })
}

fn valid_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A name usable as a FieldScreen id and in a Fluent key.
fn valid_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A Fluent message value: braces escaped, continuation lines indented, and a line that would
/// read as Fluent syntax guarded.
pub(crate) fn ftl_value(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '{' => escaped.push_str("{\"{\"}"),
            '}' => escaped.push_str("{\"}\"}"),
            c => escaped.push(c),
        }
    }
    escaped
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let line = line.trim_end();
            let guarded = if line.starts_with(['[', '*', '.']) {
                format!("{{\"\"}}{line}")
            } else {
                line.to_string()
            };
            if i == 0 { guarded } else { format!("\n    {guarded}") }
        })
        .collect()
}

struct Texts {
    /// (key, lang) → text.
    by_lang: BTreeMap<String, BTreeMap<String, String>>,
}

impl Texts {
    fn add(&mut self, lang: &str, key: &str, text: &str) {
        if !text.is_empty() {
            self.by_lang
                .entry(lang.to_string())
                .or_default()
                .insert(key.to_string(), ftl_value(text));
        }
    }
}

/// The language columns of a sheet for one base name (`label`, `hint`, …).
fn language_columns(sheet: &Sheet, base: &str, default: &str, problems: &mut Vec<Problem>) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, h) in sheet.header.iter().enumerate() {
        match language_of(h, base, default) {
            Some(Ok(lang)) => out.push((i, lang)),
            Some(Err(message)) => problems.push(Problem {
                place: sheet.place(sheet.header_row, i),
                message: format!("`{h}`: {message}"),
            }),
            None => {}
        }
    }
    out
}

/// A TOML value written in one cell (`{ a = 1 }`, `["x", "y"]`, `"text"`).
fn cell_value(cell: &str) -> Result<toml::Value, String> {
    let mut table: toml::Table = format!("v = {cell}")
        .parse()
        .map_err(|e: toml::de::Error| format!("not a TOML value: {}", e.message()))?;
    table.remove("v").ok_or_else(|| "empty".to_string())
}

/// The `fieldscreen` column of a row: what XLSForm has no column for.
#[derive(Default)]
struct Extra(toml::Table);

impl Extra {
    fn str(&self, key: &str) -> Option<String> {
        self.0.get(key).and_then(toml::Value::as_str).map(str::to_string)
    }

    fn flag(&self, key: &str) -> bool {
        self.0.get(key).and_then(toml::Value::as_bool) == Some(true)
    }
}

/// The keys the `fieldscreen` column may hold, on a group row and on a question row.
const GROUP_KEYS: [&str; 5] = ["title", "note", "mode", "module", "builtin"];
const QUESTION_KEYS: [&str; 8] = [
    "text",
    "picture",
    "note",
    "constraint_message",
    "choices",
    "kind",
    "identifying",
    "sensitive",
];

fn read_extra(
    sheet: &Sheet,
    row: u32,
    col: Option<usize>,
    cells: &[String],
    allowed: &[&str],
    problems: &mut Vec<Problem>,
) -> Extra {
    let Some(c) = col else { return Extra::default() };
    let text = cells.get(c).map(String::as_str).unwrap_or_default();
    if text.is_empty() {
        return Extra::default();
    }
    let at = sheet.place(row, c);
    match cell_value(text) {
        Ok(toml::Value::Table(t)) => {
            for k in t.keys() {
                if !allowed.contains(&k.as_str()) {
                    problems.push(Problem {
                        place: at.clone(),
                        message: format!("`{k}` has no meaning here; this row may set {}", allowed.join(", ")),
                    });
                }
            }
            Extra(t)
        }
        Ok(_) => {
            problems.push(Problem {
                place: at,
                message: "a TOML inline table `{ key = value, … }` was expected".into(),
            });
            Extra::default()
        }
        Err(e) => {
            problems.push(Problem { place: at, message: e });
            Extra::default()
        }
    }
}

struct Group {
    id: String,
    lines: Vec<String>,
    relevant: Option<(u32, usize, String)>,
    builtin: bool,
}

struct Question {
    row: u32,
    name: String,
    kind: String,
    list: Option<String>,
    lines: Vec<String>,
    relevant: Option<(usize, String)>,
    constraint: Option<(usize, String)>,
    constraint_message: String,
    section: usize,
}

/// A number's range out of its constraint: `. >= 0 and . <= 120` is `min = 0`, `max = 120`;
/// what is left stays a constraint.
fn split_range(c: Cond, name: &str) -> (Option<i64>, Option<i64>, Option<Cond>) {
    let items = match c {
        Cond::All(items) => items,
        other => vec![other],
    };
    let (mut min, mut max, mut rest) = (None, None, Vec::new());
    for item in items {
        match &item {
            Cond::Compare(q, "ge", n) if q == name && min.is_none() => min = Some(*n),
            Cond::Compare(q, "gt", n) if q == name && min.is_none() => min = n.checked_add(1),
            Cond::Compare(q, "le", n) if q == name && max.is_none() => max = Some(*n),
            Cond::Compare(q, "lt", n) if q == name && max.is_none() => max = n.checked_sub(1),
            _ => rest.push(item),
        }
    }
    let rest = match rest.len() {
        0 => None,
        1 => rest.pop(),
        _ => Some(Cond::All(rest)),
    };
    (min, max, rest)
}

/// Drops from an `all` a bound every answer meets (`${hours} = 0` is `ge 0` and `le 0`; for
/// hours from 0, `ge 0` says nothing, and the check rightly refuses a test that is always true).
fn simplify(c: Cond, ranges: &HashMap<&str, (i64, i64)>) -> Cond {
    let always = |c: &Cond| match c {
        Cond::Compare(q, "ge", n) => ranges.get(q.as_str()).is_some_and(|(min, _)| n <= min),
        Cond::Compare(q, "le", n) => ranges.get(q.as_str()).is_some_and(|(_, max)| n >= max),
        _ => false,
    };
    match c {
        Cond::All(items) => {
            let mut kept: Vec<Cond> = items
                .iter()
                .filter(|i| !always(i))
                .map(|i| simplify(i.clone(), ranges))
                .collect();
            match kept.len() {
                0 => Cond::All(items),
                1 => kept.pop().unwrap_or(Cond::All(items)),
                _ => Cond::All(kept),
            }
        }
        Cond::Any(items) => Cond::Any(items.into_iter().map(|i| simplify(i, ranges)).collect()),
        Cond::Not(inner) => Cond::Not(Box::new(simplify(*inner, ranges))),
        other => other,
    }
}

/// One list's choices: (code, labels by language).
type List = Vec<(String, Vec<(String, String)>)>;

/// Imports a workbook. `today` sets the review-by date (a year on) of a form that brings no
/// `fieldscreen_protocol` sheet.
pub fn import(book: &Workbook, today: jiff::civil::Date) -> Result<Imported, Vec<Problem>> {
    let mut problems = Vec::new();
    let whole = |sheet: &str, row: u32| Place {
        sheet: sheet.to_string(),
        row,
        col: 0,
    };
    let Some(survey) = book.sheet("survey") else {
        return Err(vec![Problem {
            place: whole("survey", 1),
            message: "the workbook has no `survey` sheet".into(),
        }]);
    };
    let settings = book.sheet("settings");
    let setting = |name: &str| -> Option<String> {
        let s = settings?;
        let c = s.column(name)?;
        s.rows
            .first()
            .and_then(|(_, cells)| cells.get(c))
            .filter(|v| !v.is_empty())
            .cloned()
    };
    let default_lang = setting("default_language")
        .map(|d| {
            language_of(&format!("label::{d}"), "label", "en")
                .and_then(Result::ok)
                .unwrap_or(d)
        })
        .unwrap_or_else(|| "en".into());
    let id = setting("form_id")
        .unwrap_or_else(|| "imported-form".into())
        .replace('_', "-")
        .to_lowercase();
    if !valid_name(&id) {
        problems.push(Problem {
            place: whole("settings", 2),
            message: format!(
                "form_id `{id}` cannot be a protocol id: letters, digits and `-` only, starting with a letter"
            ),
        });
    }
    let form_title = setting("form_title").unwrap_or_else(|| id.clone());
    let parts = book.sheet(SHEET_PROTOCOL);
    let mut texts = Texts {
        by_lang: BTreeMap::new(),
    };
    if parts.is_none() {
        texts.add(&default_lang, "title", &form_title);
    }

    // Choices: list → [(code, labels)].
    let mut lists: HashMap<String, List> = HashMap::new();
    if let Some(choices) = book.sheet("choices") {
        let labels = language_columns(choices, "label", &default_lang, &mut problems);
        let (Some(lc), Some(nc)) = (choices.column("list_name"), choices.column("name")) else {
            problems.push(Problem {
                place: whole(&choices.name, choices.header_row),
                message: "the choices sheet needs `list_name` and `name` columns".into(),
            });
            return Err(problems);
        };
        for (row, cells) in &choices.rows {
            let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or_default();
            let (list, code) = (cell(lc), cell(nc));
            if list.is_empty() {
                problems.push(Problem {
                    place: choices.place(*row, lc),
                    message: "a choice without a list_name".into(),
                });
                continue;
            }
            if !valid_name(code) {
                problems.push(Problem {
                    place: choices.place(*row, nc),
                    message: format!(
                        "choice name `{code}` must start with a letter and hold letters, digits, `_` or `-`"
                    ),
                });
                continue;
            }
            let items = lists.entry(list.to_string()).or_default();
            if items.iter().any(|(c, _)| c == code) {
                problems.push(Problem {
                    place: choices.place(*row, nc),
                    message: format!("choice `{code}` is listed twice in `{list}`"),
                });
                continue;
            }
            let mine = labels
                .iter()
                .map(|(c, lang)| (lang.clone(), cell(*c).to_string()))
                .filter(|(_, t)| !t.is_empty())
                .collect();
            items.push((code.to_string(), mine));
        }
    }

    let labels = language_columns(survey, "label", &default_lang, &mut problems);
    let hints = language_columns(survey, "hint", &default_lang, &mut problems);
    let messages = language_columns(survey, "constraint_message", &default_lang, &mut problems);
    let (Some(tc), Some(nc)) = (survey.column("type"), survey.column("name")) else {
        problems.push(Problem {
            place: whole(&survey.name, survey.header_row),
            message: "the survey sheet needs `type` and `name` columns".into(),
        });
        return Err(problems);
    };
    let rc = survey.column("relevant");
    let cc = survey.column("constraint");
    let reqc = survey.column("required");
    let xc = survey.column(FIELDSCREEN_COLUMN);
    let mut warnings = Vec::new();
    let mut groups: Vec<Group> = vec![Group {
        id: "main".into(),
        lines: vec!["title = \"section-main\"".into()],
        relevant: None,
        builtin: false,
    }];
    let mut current = 0usize;
    // Open groups: (group index, row of its begin_group).
    let mut open: Vec<(usize, u32)> = Vec::new();
    let mut questions: Vec<Question> = Vec::new();
    let mut names: HashMap<String, u32> = HashMap::new();
    for (row, cells) in &survey.rows {
        let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or_default();
        let raw_type = cell(tc).split_whitespace().collect::<Vec<_>>().join(" ");
        let name = cell(nc).to_string();
        let (base, list) = match raw_type.split_once(' ') {
            Some((b, l)) if b == "select_one" || b == "select_multiple" => (b.to_string(), Some(l.to_string())),
            _ => (raw_type.clone(), None),
        };
        let at = |c: usize| survey.place(*row, c);
        match base.as_str() {
            "begin group" | "begin_group" => {
                let extra = read_extra(survey, *row, xc, cells, &GROUP_KEYS, &mut problems);
                let sid = if valid_name(&name) {
                    name.clone()
                } else {
                    format!("group-{row}")
                };
                let key = extra.str("title").unwrap_or_else(|| format!("section-{sid}"));
                let builtin = extra.flag("builtin");
                if !builtin {
                    for (c, lang) in &labels {
                        texts.add(lang, &key, cell(*c));
                    }
                    if !labels.iter().any(|(c, _)| !cell(*c).is_empty()) {
                        texts.add(&default_lang, &key, &name);
                    }
                }
                let mut lines = vec![format!("title = {}", toml::Value::String(key))];
                for k in ["note", "mode", "module"] {
                    if let Some(v) = extra.str(k) {
                        lines.push(format!("{k} = {}", toml::Value::String(v)));
                    }
                }
                let relevant = rc
                    .map(|c| (*row, c, cell(c).to_string()))
                    .filter(|(_, _, s)| !s.is_empty());
                groups.push(Group {
                    id: sid,
                    lines,
                    relevant,
                    builtin,
                });
                current = groups.len() - 1;
                open.push((current, *row));
                continue;
            }
            "end group" | "end_group" => {
                if open.pop().is_none() {
                    problems.push(Problem {
                        place: at(tc),
                        message: "an end_group with no begin_group open".into(),
                    });
                }
                current = open.last().map_or(0, |(g, _)| *g);
                continue;
            }
            "" => {
                problems.push(Problem {
                    place: at(tc),
                    message: "a row without a type".into(),
                });
                continue;
            }
            t if METADATA.contains(&t) => {
                warnings.push(format!(
                    "{}: `{t}` is not collected (FieldScreen records no device or worker metadata in a case)",
                    at(tc)
                ));
                continue;
            }
            _ => {}
        }
        let extra = read_extra(survey, *row, xc, cells, &QUESTION_KEYS, &mut problems);
        let kind = match (base.as_str(), &list) {
            ("select_one" | "select_multiple", Some(l)) => {
                let Some(items) = lists.get(l) else {
                    problems.push(Problem {
                        place: at(tc),
                        message: format!("no list `{l}` on the choices sheet"),
                    });
                    continue;
                };
                let yes_no = base == "select_one"
                    && items.len() == 2
                    && items.iter().any(|(c, _)| c == "yes")
                    && items.iter().any(|(c, _)| c == "no");
                if yes_no {
                    "yes-no"
                } else if base == "select_one" {
                    "single"
                } else {
                    "multiple"
                }
            }
            ("integer", _) => "number",
            ("text", _) => "text",
            ("date", _) => "date",
            ("note", _) => "note",
            ("acknowledge", _) => "yes-no",
            (other, _) => {
                let why = match other {
                    "decimal" => "FieldScreen takes whole numbers only",
                    "begin repeat" | "begin_repeat" | "end repeat" | "end_repeat" => {
                        "repeats have no FieldScreen equivalent"
                    }
                    "calculate" | "hidden" => "calculations have no FieldScreen equivalent",
                    "geopoint" | "geotrace" | "geoshape" => {
                        "FieldScreen records no location: it could put the person in danger"
                    }
                    "image" | "audio" | "video" | "file" | "background-audio" => {
                        "FieldScreen stores no media in a case"
                    }
                    _ => "FieldScreen has no such question type",
                };
                problems.push(Problem {
                    place: at(tc),
                    message: format!("type `{raw_type}`: {why}"),
                });
                continue;
            }
        };
        // FieldScreen's own kinds travel as XLSForm's nearest type.
        let kind = match (extra.str("kind").as_deref(), kind) {
            (None, k) => k.to_string(),
            (Some("observation"), "yes-no") => "observation".into(),
            (Some(k @ ("duration" | "country" | "language")), "text") => k.to_string(),
            (Some(k), _) => {
                problems.push(Problem {
                    place: xc.map_or_else(|| at(tc), at),
                    message: format!("kind `{k}` does not go with type `{raw_type}`"),
                });
                continue;
            }
        };
        if !valid_name(&name) {
            problems.push(Problem {
                place: at(nc),
                message: format!("name `{name}` must start with a letter and hold letters, digits, `_` or `-`"),
            });
            continue;
        }
        let builtin = groups[current].builtin;
        if !builtin && fieldscreen_protocol::builtin::IDS.contains(&name.as_str()) {
            problems.push(Problem {
                place: at(nc),
                message: format!(
                    "`{name}` is the name of a step FieldScreen asks itself before every protocol (safety, age, consent); rename the question"
                ),
            });
            continue;
        }
        if let Some(first) = names.insert(name.clone(), *row) {
            problems.push(Problem {
                place: at(nc),
                message: format!("`{name}` is already the name of row {first}"),
            });
            continue;
        }
        let text_key = extra.str("text").unwrap_or_else(|| format!("q-{name}"));
        let mut lines = vec![
            format!("id = \"{name}\""),
            format!("type = \"{kind}\""),
            format!("text = {}", toml::Value::String(text_key.clone())),
        ];
        let add_texts = |texts: &mut Texts, columns: &[(usize, String)], key: &str| {
            if !builtin {
                for (c, lang) in columns {
                    texts.add(lang, key, cell(*c));
                }
            }
        };
        add_texts(&mut texts, &labels, &text_key);
        if !builtin && !labels.iter().any(|(c, _)| !cell(*c).is_empty()) {
            texts.add(&default_lang, &text_key, &name);
        }
        if hints.iter().any(|(c, _)| !cell(*c).is_empty()) || extra.str("note").is_some() {
            let key = extra.str("note").unwrap_or_else(|| format!("n-{name}"));
            lines.push(format!("note = {}", toml::Value::String(key.clone())));
            add_texts(&mut texts, &hints, &key);
        }
        if let (Some(l), "single" | "multiple") = (&list, kind.as_str()) {
            let keys: Vec<String> = match extra.0.get("choices") {
                Some(toml::Value::Array(keys)) => keys.iter().filter_map(|k| k.as_str().map(str::to_string)).collect(),
                _ => lists[l].iter().map(|(code, _)| format!("c-{l}-{code}")).collect(),
            };
            if keys.len() != lists[l].len() {
                problems.push(Problem {
                    place: xc.map_or_else(|| at(tc), at),
                    message: format!(
                        "`choices` names {} label keys; list `{l}` has {} choices",
                        keys.len(),
                        lists[l].len()
                    ),
                });
                continue;
            }
            let mut choices = Vec::new();
            for ((code, labels), key) in lists[l].iter().zip(&keys) {
                if !builtin {
                    for (lang, text) in labels {
                        texts.add(lang, key, text);
                    }
                }
                choices.push(format!(
                    "  {{ code = \"{code}\", label = {} }},",
                    toml::Value::String(key.clone())
                ));
            }
            lines.push(format!("choices = [\n{}\n]", choices.join("\n")));
        }
        let sensitive = if extra.0.is_empty() {
            kind == "text"
        } else {
            extra.flag("sensitive")
        };
        if let Some(p) = extra.str("picture") {
            lines.push(format!("picture = {}", toml::Value::String(p)));
        }
        if extra.flag("identifying") {
            lines.push("identifying = true".into());
        }
        if sensitive {
            lines.push("sensitive = true".into());
        }
        if reqc
            .map(cell)
            .is_some_and(|r| matches!(r.to_ascii_lowercase().as_str(), "yes" | "true" | "true()"))
        {
            lines.push("required = true".into());
        }
        let relevant = rc.map(|c| (c, cell(c).to_string())).filter(|(_, s)| !s.is_empty());
        let constraint = cc.map(|c| (c, cell(c).to_string())).filter(|(_, s)| !s.is_empty());
        let constraint_message = extra.str("constraint_message").unwrap_or_else(|| format!("m-{name}"));
        if constraint.is_some() && !builtin {
            for (c, lang) in &messages {
                texts.add(lang, &constraint_message, cell(*c));
            }
        }
        questions.push(Question {
            row: *row,
            name,
            kind,
            list,
            lines,
            relevant,
            constraint,
            constraint_message,
            section: current,
        });
    }

    for (_, row) in open {
        problems.push(Problem {
            place: survey.place(row, tc),
            message: "this group is never closed: add an end_group row".into(),
        });
    }

    // Conditions, now that every question's kind is known.
    let kinds: HashMap<&str, QuestionKind> = questions
        .iter()
        .map(|q| {
            let codes = || {
                q.list
                    .as_ref()
                    .and_then(|l| lists.get(l))
                    .map(|items| items.iter().map(|(c, _)| c.clone()).collect())
                    .unwrap_or_default()
            };
            let k = match q.kind.as_str() {
                "yes-no" | "observation" => QuestionKind::YesNo,
                "single" => QuestionKind::Single(codes()),
                "multiple" => QuestionKind::Multiple(codes()),
                "number" => QuestionKind::Integer,
                "country" | "language" => QuestionKind::Code,
                _ => QuestionKind::Other,
            };
            (q.name.as_str(), k)
        })
        .collect();
    let kind_of = |n: &str| kinds.get(n).cloned();
    let mut translate = |row: u32, expr: &Option<(usize, String)>, current: Option<&str>| -> Option<Cond> {
        let (c, text) = expr.as_ref()?;
        let parsed = crate::xpath::parse(text).and_then(|e| condition(&e, &kind_of, current));
        match parsed {
            Ok(cond) => Some(cond),
            Err(e) => {
                problems.push(Problem {
                    place: survey.place(row, *c),
                    message: format!("`{text}`, at character {}: {}", e.at.start + 1, e.message),
                });
                None
            }
        }
    };
    let group_relevant: Vec<Option<Cond>> = groups
        .iter()
        .map(|g| {
            let (row, c, text) = g.relevant.as_ref()?;
            if g.builtin {
                return None;
            }
            translate(*row, &Some((*c, text.clone())), None)
        })
        .collect();
    let mut conditions: Vec<(Option<Cond>, Option<Cond>)> = Vec::new();
    for q in &questions {
        if groups[q.section].builtin {
            conditions.push((None, None));
            continue;
        }
        let r = translate(q.row, &q.relevant, None);
        let c = translate(q.row, &q.constraint, Some(&q.name));
        conditions.push((r, c));
    }

    // A number's range comes out of its constraint; a bound a condition repeats is dropped.
    let mut ranges: HashMap<&str, (i64, i64)> = HashMap::new();
    for (q, (_, constraint)) in questions.iter().zip(conditions.iter_mut()) {
        if q.kind != "number" || groups[q.section].builtin {
            continue;
        }
        let (min, max, rest) = match constraint.take() {
            Some(c) => split_range(c, &q.name),
            None => (None, None, None),
        };
        if min.is_none() || max.is_none() {
            warnings.push(format!(
                "{}: `{}` has no range in its constraint (`. >= 0 and . <= 120`); it takes whole numbers from {} to {}: narrow it in protocol.toml",
                survey.place(q.row, 0),
                q.name,
                min.unwrap_or(0),
                max.unwrap_or(1_000_000),
            ));
        }
        ranges.insert(&q.name, (min.unwrap_or(0), max.unwrap_or(1_000_000)));
        *constraint = rest;
    }

    // What XLSForm has no place for, from FieldScreen's own sheets.
    let mut tail = String::new();
    let header = match parts {
        Some(sheet) => {
            let mut header = String::new();
            if let (Some(pc), Some(tc)) = (sheet.column("part"), sheet.column("toml")) {
                for (row, cells) in &sheet.rows {
                    let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or_default();
                    let text = cell(tc);
                    match text.parse::<toml::Table>() {
                        Ok(t) if t.len() == 1 && t.contains_key(cell(pc)) => {
                            let out = if cell(pc) == "protocol" { &mut header } else { &mut tail };
                            out.push_str(text);
                            out.push_str("\n\n");
                        }
                        Ok(_) => problems.push(Problem {
                            place: sheet.place(*row, tc),
                            message: format!("this TOML must hold the part `{}` and nothing else", cell(pc)),
                        }),
                        Err(e) => problems.push(Problem {
                            place: sheet.place(*row, tc),
                            message: format!("not TOML: {}", e.message()),
                        }),
                    }
                }
            } else {
                problems.push(Problem {
                    place: whole(&sheet.name, sheet.header_row),
                    message: "this sheet needs `part` and `toml` columns".into(),
                });
            }
            Some(header)
        }
        None => None,
    };
    let mut structured = |sheet_name: &str, columns: &[&str], part: &str, lists: &[&str]| -> usize {
        let Some(sheet) = book.sheet(sheet_name) else { return 0 };
        for (i, h) in sheet.header.iter().enumerate() {
            if !columns.iter().any(|c| c.eq_ignore_ascii_case(h)) {
                problems.push(Problem {
                    place: sheet.place(sheet.header_row, i),
                    message: format!("`{h}` is not a column of {sheet_name}: {}", columns.join(", ")),
                });
            }
        }
        let mut array = Vec::new();
        for (row, cells) in &sheet.rows {
            let mut table = toml::Table::new();
            for (i, h) in sheet.header.iter().enumerate() {
                let text = cells.get(i).map(String::as_str).unwrap_or_default();
                if text.is_empty() {
                    continue;
                }
                let value = if h == "when" || h == "strength" {
                    match cell_value(text) {
                        Ok(v) => v,
                        Err(e) => {
                            problems.push(Problem {
                                place: sheet.place(*row, i),
                                message: e,
                            });
                            continue;
                        }
                    }
                } else if lists.contains(&h.as_str()) {
                    let items: Vec<toml::Value> = text
                        .split(',')
                        .map(str::trim)
                        .filter(|t| !t.is_empty())
                        .map(|t| match t.parse::<i64>() {
                            Ok(n) if h == "ilo_forced_labour" => toml::Value::Integer(n),
                            _ => toml::Value::String(t.to_string()),
                        })
                        .collect();
                    toml::Value::Array(items)
                } else {
                    toml::Value::String(text.to_string())
                };
                table.insert(h.clone(), value);
            }
            array.push(toml::Value::Table(table));
        }
        let count = array.len();
        let mut doc = toml::Table::new();
        doc.insert(part.to_string(), toml::Value::Array(array));
        match toml::to_string(&doc) {
            Ok(text) if count > 0 => {
                tail.push_str(&text);
                tail.push('\n');
            }
            _ => {}
        }
        count
    };
    structured(
        SHEET_INDICATORS,
        &INDICATOR_COLUMNS,
        "indicators",
        &["ilo_forced_labour", "means_of_control", "exploitation"],
    );
    let rules = structured(SHEET_RULES, &RULE_COLUMNS, "outcome_rules", &[]);
    if let Some(sheet) = book.sheet(SHEET_TEXTS) {
        let columns = language_columns(sheet, "text", &default_lang, &mut problems);
        match sheet.column("key") {
            Some(kc) => {
                for (_, cells) in &sheet.rows {
                    let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or_default();
                    for (c, lang) in &columns {
                        if !cell(*c).is_empty() {
                            texts
                                .by_lang
                                .entry(lang.clone())
                                .or_default()
                                .insert(cell(kc).to_string(), cell(*c).to_string());
                        }
                    }
                }
            }
            None => problems.push(Problem {
                place: whole(&sheet.name, sheet.header_row),
                message: "this sheet needs a `key` column".into(),
            }),
        }
    }
    let mut files = BTreeMap::new();
    if let Some(sheet) = book.sheet(SHEET_PICTURES) {
        match (sheet.column("path"), sheet.column("svg")) {
            (Some(pc), Some(sc)) => {
                for (row, cells) in &sheet.rows {
                    let cell = |c: usize| cells.get(c).map(String::as_str).unwrap_or_default();
                    let path = cell(pc);
                    let valid = fieldscreen_protocol::model::is_picture_path(path);
                    if !valid {
                        problems.push(Problem {
                            place: sheet.place(*row, pc),
                            message: format!(
                                "`{path}` is not `pictures/<name>.svg` (lower-case letters, digits, `-`, `_`)"
                            ),
                        });
                        continue;
                    }
                    files.insert(path.to_string(), cell(sc).to_string());
                }
            }
            _ => problems.push(Problem {
                place: whole(&sheet.name, sheet.header_row),
                message: "this sheet needs `path` and `svg` columns".into(),
            }),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut toml = String::new();
    match header {
        Some(header) => toml.push_str(&header),
        None => {
            toml.push_str(&format!(
                "# Imported from an XLSForm by `fieldscreen protocol import`.\n\
                 [protocol]\nid = \"{id}\"\nversion = \"1.0.0\"\nstatus = \"draft\"\ntitle = \"title\"\n\
                 intended_users = [\"outreach-worker\"]\nreview_by = \"{}\"\ndefault_language = \"{default_lang}\"\n\n\
                 [[protocol.sources]]\nname = \"XLSForm\"\nversion = \"{}\"\nlink = \"https://xlsform.org\"\nlicence = \"as the form's owner licensed it\"\n",
                today.saturating_add(jiff::Span::new().years(1)),
                setting("version").unwrap_or_else(|| "1".into()).replace('"', "'"),
            ));
            for lang in texts.by_lang.keys() {
                let status = if *lang == default_lang {
                    "complete"
                } else {
                    "draft-needs-native-review"
                };
                // The direction CLDR gives the language, as everywhere else in FieldScreen.
                let dir = lang
                    .parse::<fieldscreen_i18n::LanguageIdentifier>()
                    .map_or("ltr", |l| fieldscreen_i18n::direction_of(&l).as_str());
                toml.push_str(&format!(
                    "\n[[protocol.languages]]\ntag = \"{lang}\"\ndirection = \"{dir}\"\nstatus = \"{status}\"\n"
                ));
            }
            toml.push('\n');
        }
    }
    toml.push_str(&tail);
    for (s, group) in groups.iter().enumerate() {
        let mine: Vec<usize> = (0..questions.len()).filter(|&i| questions[i].section == s).collect();
        if mine.is_empty() || group.builtin {
            continue;
        }
        if s == 0 {
            texts.add(&default_lang, "section-main", &form_title);
        }
        toml.push_str(&format!(
            "\n[[sections]]\nid = \"{}\"\n{}\n",
            group.id,
            group.lines.join("\n")
        ));
        if let Some(r) = group_relevant[s].clone().map(|c| simplify(c, &ranges)) {
            toml.push_str(&format!("relevant = {r}\n"));
        }
        for i in mine {
            let q = &questions[i];
            toml.push_str(&format!("\n[[sections.questions]]\n{}\n", q.lines.join("\n")));
            let (relevant, constraint) = conditions[i].clone();
            let relevant = relevant.map(|c| simplify(c, &ranges));
            let constraint = constraint.map(|c| simplify(c, &ranges));
            if let Some(r) = relevant {
                toml.push_str(&format!("relevant = {r}\n"));
            }
            if let Some((min, max)) = ranges.get(q.name.as_str()) {
                toml.push_str(&format!("min = {min}\nmax = {max}\n"));
            }
            if let Some(c) = constraint {
                toml.push_str(&format!(
                    "constraint = {c}\nconstraint_message = {}\n",
                    toml::Value::String(q.constraint_message.clone())
                ));
                if !texts
                    .by_lang
                    .get(&default_lang)
                    .is_some_and(|m| m.contains_key(&q.constraint_message))
                {
                    texts.add(&default_lang, &q.constraint_message, "This answer is not allowed.");
                }
            }
        }
    }
    if rules == 0 {
        warnings.insert(
            0,
            "the imported protocol collects answers and produces no outcome: it has no outcome rules (add a fieldscreen_rules sheet)".into(),
        );
    }
    let locales = texts
        .by_lang
        .into_iter()
        .map(|(lang, msgs)| {
            let body: String = msgs.into_iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
            (lang, body)
        })
        .collect();
    Ok(Imported {
        id,
        protocol_toml: toml,
        locales,
        warnings,
        files,
    })
}
