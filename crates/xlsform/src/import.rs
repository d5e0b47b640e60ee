//! From an XLSForm workbook to a FieldScreen protocol directory: `survey`, `choices` and
//! `settings` sheets; `label::Language (code)`, `hint::…` and `constraint_message::…` columns
//! become one `.ftl` per language; groups become sections; `relevant` and `constraint` are
//! translated into FieldScreen conditions or refused at the exact character. Every problem is
//! collected with its sheet, row and column, so one run lists them all.

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
fn ftl_value(s: &str) -> String {
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

struct Question {
    row: u32,
    name: String,
    kind: String,
    list: Option<String>,
    lines: Vec<String>,
    relevant: Option<(usize, String)>,
    constraint: Option<(usize, String)>,
    section: usize,
}

/// Imports a workbook. `today` sets the review-by date (a year on).
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
    let mut texts = Texts {
        by_lang: BTreeMap::new(),
    };
    texts.add(
        &default_lang,
        "title",
        &setting("form_title").unwrap_or_else(|| id.clone()),
    );

    // Choices: list → [(code, row, labels)].
    let mut lists: HashMap<String, Vec<String>> = HashMap::new();
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
            let codes = lists.entry(list.to_string()).or_default();
            if codes.iter().any(|c| c == code) {
                problems.push(Problem {
                    place: choices.place(*row, nc),
                    message: format!("choice `{code}` is listed twice in `{list}`"),
                });
                continue;
            }
            codes.push(code.to_string());
            for (c, lang) in &labels {
                texts.add(lang, &format!("c-{list}-{code}"), cell(*c));
            }
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
    let mut warnings = Vec::new();
    let mut sections: Vec<(String, u32)> = vec![("main".into(), survey.header_row)];
    texts.add(
        &default_lang,
        "section-main",
        &setting("form_title").unwrap_or_else(|| id.clone()),
    );
    let mut current = 0usize;
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
                let sid = if valid_name(&name) {
                    name.replace('_', "-")
                } else {
                    format!("group-{row}")
                };
                let key = format!("section-{sid}");
                for (c, lang) in &labels {
                    texts.add(lang, &key, cell(*c));
                }
                if !labels.iter().any(|(c, _)| !cell(*c).is_empty()) {
                    texts.add(&default_lang, &key, &name);
                }
                sections.push((sid, *row));
                current = sections.len() - 1;
                continue;
            }
            "end group" | "end_group" => {
                current = 0;
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
        let kind = match (base.as_str(), &list) {
            ("select_one" | "select_multiple", Some(l)) => {
                let Some(codes) = lists.get(l) else {
                    problems.push(Problem {
                        place: at(tc),
                        message: format!("no list `{l}` on the choices sheet"),
                    });
                    continue;
                };
                let yes_no = base == "select_one"
                    && codes.len() == 2
                    && codes.iter().any(|c| c == "yes")
                    && codes.iter().any(|c| c == "no");
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
                    "begin repeat" | "begin_repeat" => "repeats have no FieldScreen equivalent",
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
        if !valid_name(&name) {
            problems.push(Problem {
                place: at(nc),
                message: format!("name `{name}` must start with a letter and hold letters, digits, `_` or `-`"),
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
        let mut lines = vec![
            format!("id = \"{name}\""),
            format!("type = \"{kind}\""),
            format!("text = \"q-{name}\""),
        ];
        for (c, lang) in &labels {
            texts.add(lang, &format!("q-{name}"), cell(*c));
        }
        if !labels.iter().any(|(c, _)| !cell(*c).is_empty()) {
            texts.add(&default_lang, &format!("q-{name}"), &name);
        }
        if hints.iter().any(|(c, _)| !cell(*c).is_empty()) {
            lines.push(format!("note = \"n-{name}\""));
            for (c, lang) in &hints {
                texts.add(lang, &format!("n-{name}"), cell(*c));
            }
        }
        if let (Some(l), "single" | "multiple") = (&list, kind) {
            let choices: Vec<String> = lists[l]
                .iter()
                .map(|code| format!("  {{ code = \"{code}\", label = \"c-{l}-{code}\" }},"))
                .collect();
            lines.push(format!("choices = [\n{}\n]", choices.join("\n")));
        }
        if kind == "number" {
            warnings.push(format!(
                "{}: `{name}` takes whole numbers from 0 to 1000000; narrow the range in protocol.toml",
                at(tc)
            ));
            lines.push("min = 0".into());
            lines.push("max = 1000000".into());
        }
        if kind == "text" {
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
        if constraint.is_some() {
            lines.push(format!("constraint_message = \"m-{name}\""));
            for (c, lang) in &messages {
                texts.add(lang, &format!("m-{name}"), cell(*c));
            }
            if !messages.iter().any(|(c, _)| !cell(*c).is_empty()) {
                texts.add(&default_lang, &format!("m-{name}"), "This answer is not allowed.");
            }
        }
        questions.push(Question {
            row: *row,
            name,
            kind: kind.to_string(),
            list,
            lines,
            relevant,
            constraint,
            section: current,
        });
    }

    // Conditions, now that every question's kind is known.
    let kinds: HashMap<&str, QuestionKind> = questions
        .iter()
        .map(|q| {
            let codes = || q.list.as_ref().and_then(|l| lists.get(l)).cloned().unwrap_or_default();
            let k = match q.kind.as_str() {
                "yes-no" => QuestionKind::YesNo,
                "single" => QuestionKind::Single(codes()),
                "multiple" => QuestionKind::Multiple(codes()),
                "number" => QuestionKind::Integer,
                _ => QuestionKind::Other,
            };
            (q.name.as_str(), k)
        })
        .collect();
    let kind_of = |n: &str| kinds.get(n).cloned();
    let mut conditions: Vec<(Option<Cond>, Option<Cond>)> = Vec::new();
    for q in &questions {
        let mut translate = |expr: &Option<(usize, String)>, current: Option<&str>| -> Option<Cond> {
            let (c, text) = expr.as_ref()?;
            let parsed = crate::xpath::parse(text).and_then(|e| condition(&e, &kind_of, current));
            match parsed {
                Ok(cond) => Some(cond),
                Err(e) => {
                    problems.push(Problem {
                        place: survey.place(q.row, *c),
                        message: format!("`{text}`, at character {}: {}", e.at.start + 1, e.message),
                    });
                    None
                }
            }
        };
        let r = translate(&q.relevant, None);
        let c = translate(&q.constraint, Some(&q.name));
        conditions.push((r, c));
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut toml = String::new();
    let langs: Vec<String> = texts.by_lang.keys().cloned().collect();
    toml.push_str(&format!(
        "# Imported from an XLSForm by `fieldscreen protocol import`. It collects answers and produces\n\
         # no outcome: add indicators, dimensions and outcome rules to screen with it.\n\
         [protocol]\nid = \"{id}\"\nversion = \"1.0.0\"\nstatus = \"draft\"\ntitle = \"title\"\n\
         intended_users = [\"outreach-worker\"]\nreview_by = \"{}\"\ndefault_language = \"{default_lang}\"\n\n\
         [[protocol.sources]]\nname = \"XLSForm\"\nversion = \"{}\"\nlink = \"https://xlsform.org\"\nlicence = \"as the form's owner licensed it\"\n",
        today.saturating_add(jiff::Span::new().years(1)),
        setting("version").unwrap_or_else(|| "1".into()).replace('"', "'"),
    ));
    for lang in &langs {
        let status = if *lang == default_lang {
            "complete"
        } else {
            "draft-needs-native-review"
        };
        let dir = if ["ar", "fa", "he", "ur", "ps", "ckb", "dv", "yi"]
            .contains(&lang.split('-').next().unwrap_or_default())
        {
            "rtl"
        } else {
            "ltr"
        };
        toml.push_str(&format!(
            "\n[[protocol.languages]]\ntag = \"{lang}\"\ndirection = \"{dir}\"\nstatus = \"{status}\"\n"
        ));
    }
    for (s, (sid, _)) in sections.iter().enumerate() {
        let mine: Vec<usize> = (0..questions.len()).filter(|&i| questions[i].section == s).collect();
        if mine.is_empty() {
            continue;
        }
        toml.push_str(&format!("\n[[sections]]\nid = \"{sid}\"\ntitle = \"section-{sid}\"\n"));
        for i in mine {
            let q = &questions[i];
            toml.push_str(&format!("\n[[sections.questions]]\n{}\n", q.lines.join("\n")));
            if let Some(r) = &conditions[i].0 {
                toml.push_str(&format!("relevant = {r}\n"));
            }
            if let Some(c) = &conditions[i].1 {
                toml.push_str(&format!("constraint = {c}\n"));
            }
        }
    }
    warnings.insert(
        0,
        "the imported protocol collects answers and produces no outcome: it has no indicators or outcome rules".into(),
    );
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
    })
}
