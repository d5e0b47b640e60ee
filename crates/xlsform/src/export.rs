//! From a FieldScreen protocol to an XLSForm that ODK, KoboToolbox and pyxform read, and that
//! `import` reads back into the same protocol.
//!
//! What XLSForm can say is said in its own columns: every language's labels, hints and
//! constraint messages, groups, `relevant`, `constraint` (a number's range included) and
//! `required`. The built-in safety, age and consent steps are written as an ordinary group, so an
//! ODK team asks them too; FieldScreen always adds its own and skips that group on import.
//! What XLSForm has no place for travels in extra sheets and one extra column, which other tools
//! ignore (see `SHEET_*` and `FIELDSCREEN_COLUMN`).

use crate::form::{Sheet, Workbook};
use fieldscreen_catalog::{AppStrings, ProtocolSource};
use fieldscreen_protocol::builtin;
use fieldscreen_protocol::condition::{Cmp, Cond, Expected, Test};
use fieldscreen_protocol::model::{AgeGroup, Kind, Protocol, QIdx, SectionMode};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// The survey column holding what XLSForm has no column for, as a TOML inline table: message
/// keys, FieldScreen's own question kinds, `identifying`, `sensitive`, a section's mode, note
/// and module, and `builtin = true` on the built-in steps' group.
pub const FIELDSCREEN_COLUMN: &str = "fieldscreen";
/// Protocol parts with no XLSForm equivalent (header, dimensions, referrals, safety notes,
/// report mappings, …): one row per part, its TOML in the `toml` column.
pub const SHEET_PROTOCOL: &str = "fieldscreen_protocol";
/// Indicators, one per row.
pub const SHEET_INDICATORS: &str = "fieldscreen_indicators";
/// Outcome rules, one per row, in order (the first that matches decides).
pub const SHEET_RULES: &str = "fieldscreen_rules";
/// Messages not shown in a label column, and messages with grammatical variants in full
/// Fluent (the label column holds their default variant): `key`, then `text::Language (tag)`.
pub const SHEET_TEXTS: &str = "fieldscreen_texts";
/// The questions' pictograms (SVG is text): `path` (`pictures/<name>.svg`), `svg`.
pub const SHEET_PICTURES: &str = "fieldscreen_pictures";
/// The columns of the indicators sheet.
pub const INDICATOR_COLUMNS: [&str; 8] = [
    "id",
    "label",
    "dimension",
    "strength",
    "ilo_forced_labour",
    "means_of_control",
    "exploitation",
    "when",
];
/// The columns of the rules sheet.
pub const RULE_COLUMNS: [&str; 5] = ["id", "level", "age_group", "explanation", "when"];
/// The list every yes/no and observation question uses.
pub const YES_NO_LIST: &str = "yes_no";
/// The parts of `protocol.toml` the survey and the two structured sheets carry.
const STRUCTURED_PARTS: [&str; 3] = ["sections", "indicators", "outcome_rules"];

/// Why a protocol could not be written as an XLSForm.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The protocol directory has no `protocol.toml`.
    #[error("{0} has no protocol.toml")]
    NoProtocolFile(String),
    /// `protocol.toml` is not TOML (the full check says where).
    #[error("protocol.toml cannot be read: {0}")]
    Toml(String),
    /// A condition XLSForm cannot express where XLSForm needs it.
    #[error("{place}: {why}")]
    Unexpressible {
        /// Which question or section.
        place: String,
        /// What cannot be said.
        why: String,
    },
    /// The workbook could not be written.
    #[error("the workbook cannot be written: {0}")]
    Write(String),
}

/// A message as a label column shows it, and in full when it has more than plain text.
#[derive(Debug, Clone)]
struct Message {
    plain: String,
    fluent: Option<String>,
}

/// Every message in every language: the protocol's own, then the app's (the built-in steps).
struct Messages {
    protocol: BTreeMap<String, BTreeMap<String, Message>>,
    app: BTreeMap<String, BTreeMap<String, Message>>,
}

impl Messages {
    fn get(&self, lang: &str, key: &str) -> Option<&Message> {
        self.protocol
            .get(lang)
            .and_then(|m| m.get(key))
            .or_else(|| self.app.get(lang).and_then(|m| m.get(key)))
    }
}

fn unescape(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some('U') => {
                let hex: String = chars.by_ref().take(6).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The text of a pattern, and whether it is nothing but text.
fn plain_text(pattern: &ast::Pattern<&str>) -> (String, bool) {
    let mut out = String::new();
    let mut plain = true;
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    out.push_str(&unescape(value))
                }
                ast::Expression::Select { variants, .. } => {
                    plain = false;
                    if let Some(v) = variants.iter().find(|v| v.default) {
                        out.push_str(&plain_text(&v.value).0);
                    }
                }
                ast::Expression::Inline(_) => {
                    plain = false;
                }
            },
        }
    }
    (out, plain)
}

fn read_messages(source: &str) -> BTreeMap<String, Message> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        let ast::Entry::Message(m) = entry else { continue };
        let Some(value) = &m.value else { continue };
        let (plain, is_plain) = plain_text(value);
        let fluent = (!is_plain).then(|| {
            let alone = ast::Resource {
                body: vec![ast::Entry::Message(m.clone())],
            };
            let text = fluent_syntax::serializer::serialize(&alone);
            text.split_once('=')
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        });
        out.insert(m.id.name.to_string(), Message { plain, fluent });
    }
    out
}

/// A sheet being written: its header and rows of cells by column name.
struct Builder {
    name: String,
    header: Vec<String>,
    rows: Vec<BTreeMap<String, String>>,
}

impl Builder {
    fn new(name: &str, header: &[&str]) -> Builder {
        Builder {
            name: name.into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    fn column(&mut self, name: &str) {
        if !self.header.iter().any(|h| h == name) {
            self.header.push(name.into());
        }
    }

    fn row(&mut self, cells: BTreeMap<String, String>) {
        for k in cells.keys() {
            self.column(k);
        }
        self.rows.push(cells);
    }

    fn build(self) -> Sheet {
        let rows = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, cells)| {
                let line = self
                    .header
                    .iter()
                    .map(|h| cells.get(h).cloned().unwrap_or_default())
                    .collect();
                (i as u32 + 2, line)
            })
            .collect();
        Sheet {
            name: self.name,
            header: self.header,
            header_row: 1,
            first_col: 1,
            rows,
        }
    }
}

/// A TOML string literal.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// `Lang name (tag)`, as XLSForm language columns are written.
fn language_label(app: &AppStrings, tag: &str) -> String {
    let name = app
        .files_for(tag)
        .iter()
        .find_map(|f| read_messages(&f.text).remove("app-language-name"))
        .map(|m| m.plain)
        .unwrap_or_else(|| tag.to_string());
    format!("{name} ({tag})")
}

struct Writer<'a> {
    protocol: &'a Protocol,
    messages: Messages,
    /// (tag, column suffix `Lang (tag)`).
    langs: Vec<(String, String)>,
    /// Protocol messages a label column carries exactly: (lang, key).
    placed: BTreeSet<(String, String)>,
    survey: Builder,
    choices: Builder,
    lists_written: BTreeSet<String>,
}

impl Writer<'_> {
    /// Fills `base::Lang (tag)` columns with a message's text in every language.
    fn texts(&mut self, cells: &mut BTreeMap<String, String>, base: &str, key: &str, track: bool) {
        for (tag, label) in &self.langs {
            if let Some(m) = self.messages.get(tag, key) {
                cells.insert(format!("{base}::{label}"), m.plain.clone());
                if track && m.fluent.is_none() {
                    self.placed.insert((tag.clone(), key.to_string()));
                }
            }
        }
    }

    fn list(&mut self, name: &str, choices: &[(String, String)], track: bool) {
        if !self.lists_written.insert(name.to_string()) {
            return;
        }
        for (code, key) in choices {
            let mut cells = BTreeMap::from([
                ("list_name".to_string(), name.to_string()),
                ("name".to_string(), code.clone()),
            ]);
            self.texts(&mut cells, "label", key, track);
            self.choices.row(cells);
        }
    }

    fn reference(&self, q: QIdx, current: Option<QIdx>) -> String {
        if Some(q) == current {
            ".".into()
        } else {
            format!("${{{}}}", self.protocol.questions[q].id)
        }
    }

    /// A condition as XPath; `current` is the question `.` stands for.
    fn xpath(&self, c: &Cond, current: Option<QIdx>) -> Result<String, String> {
        let grouped = |c: &Cond| -> Result<String, String> {
            let s = self.xpath(c, current)?;
            Ok(if matches!(c, Cond::All(_) | Cond::Any(_)) {
                format!("({s})")
            } else {
                s
            })
        };
        Ok(match c {
            Cond::All(items) => items.iter().map(grouped).collect::<Result<Vec<_>, _>>()?.join(" and "),
            Cond::Any(items) => items.iter().map(grouped).collect::<Result<Vec<_>, _>>()?.join(" or "),
            Cond::Not(inner) => format!("not({})", self.xpath(inner, current)?),
            Cond::Answer { q, test } => {
                let r = self.reference(*q, current);
                match test {
                    Test::Is(values) => {
                        let each: Vec<String> = values
                            .iter()
                            .map(|v| {
                                let code = match v {
                                    Expected::Yes => "yes",
                                    Expected::No => "no",
                                    Expected::Code(c) => c,
                                    Expected::DontKnow => "dont-know",
                                    Expected::PreferNotToSay => "prefer-not-to-say",
                                };
                                format!("{r} = '{code}'")
                            })
                            .collect();
                        if each.len() == 1 {
                            each.join("")
                        } else {
                            format!("({})", each.join(" or "))
                        }
                    }
                    Test::Includes(code) => format!("selected({r}, '{code}')"),
                    Test::Compare(cmp, n) => {
                        let op = match cmp {
                            Cmp::Lt => "<",
                            Cmp::Le => "<=",
                            Cmp::Gt => ">",
                            Cmp::Ge => ">=",
                        };
                        format!("{r} {op} {n}")
                    }
                    Test::Answered(true) => format!("{r} != ''"),
                    Test::Answered(false) => format!("{r} = ''"),
                }
            }
            Cond::Met(_) => return Err("a dimension test (`met`) has no XLSForm equivalent".into()),
            Cond::Indicator(_) => return Err("an indicator test has no XLSForm equivalent".into()),
            // The engine's own rule (`age_group_of`): under 18 by the stated age, or signs that
            // the person is a minor whatever age they state.
            Cond::AgeGroup(group) => {
                let child = format!(
                    "${{{age}}} < {adult} or ${{{signs}}} = 'yes'",
                    age = builtin::AGE,
                    adult = builtin::ADULT_AGE,
                    signs = builtin::AGE_MINOR_REASONS
                );
                match group {
                    AgeGroup::Child => format!("({child})"),
                    AgeGroup::Adult => format!(
                        "(${{{age}}} != '' or ${{{signs}}} != '') and not({child})",
                        age = builtin::AGE,
                        signs = builtin::AGE_MINOR_REASONS
                    ),
                }
            }
            Cond::LevelAtLeast(_) => return Err("a level test has no XLSForm equivalent".into()),
        })
    }

    fn question(&mut self, qi: QIdx, raw: Option<&toml::Table>, builtin: bool) -> Result<(), ExportError> {
        let q = &self.protocol.questions[qi];
        let unexpressible = |why: String| ExportError::Unexpressible {
            place: format!("question `{}`", q.id),
            why,
        };
        let mut cells = BTreeMap::from([("name".to_string(), q.id.clone())]);
        let mut extra: Vec<String> = Vec::new();
        let own_kind = |extra: &mut Vec<String>, k: &str| extra.push(format!("kind = {}", quoted(k)));
        let ty = match &q.kind {
            Kind::YesNo => format!("select_one {YES_NO_LIST}"),
            Kind::Observation => {
                own_kind(&mut extra, "observation");
                format!("select_one {YES_NO_LIST}")
            }
            Kind::Single(_) => format!("select_one {}", q.id),
            Kind::Multiple(_) => format!("select_multiple {}", q.id),
            Kind::Number { .. } => "integer".into(),
            Kind::Date => "date".into(),
            Kind::Note => "note".into(),
            Kind::Text => "text".into(),
            Kind::Duration => {
                own_kind(&mut extra, "duration");
                "text".into()
            }
            Kind::Country => {
                own_kind(&mut extra, "country");
                "text".into()
            }
            Kind::Language => {
                own_kind(&mut extra, "language");
                "text".into()
            }
        };
        cells.insert("type".into(), ty);
        let track = !builtin;
        let (text_key, note_key) = (q.text_key.clone(), q.note_key.clone());
        self.texts(&mut cells, "label", &text_key, track);
        extra.push(format!("text = {}", quoted(&text_key)));
        if let Some(n) = &note_key {
            self.texts(&mut cells, "hint", n, track);
            extra.push(format!("note = {}", quoted(n)));
        }
        let choices: Vec<(String, String)> = q
            .kind
            .choices()
            .iter()
            .map(|c| (c.code.clone(), c.label_key.clone()))
            .collect();
        if !choices.is_empty() {
            let keys: Vec<String> = choices.iter().map(|(_, k)| quoted(k)).collect();
            extra.push(format!("choices = [{}]", keys.join(", ")));
        }
        if let Some(r) = &q.relevant {
            cells.insert("relevant".into(), self.xpath(r, None).map_err(unexpressible)?);
        }
        let mut constraint: Vec<String> = Vec::new();
        if let Kind::Number { min, max } = q.kind {
            constraint.push(format!(". >= {min} and . <= {max}"));
        }
        if let Some((c, message)) = &q.constraint {
            let x = self.xpath(c, Some(qi)).map_err(unexpressible)?;
            constraint.push(if matches!(c, Cond::Any(_)) { format!("({x})") } else { x });
            self.texts(&mut cells, "constraint_message", message, track);
            extra.push(format!("constraint_message = {}", quoted(message)));
        }
        if !constraint.is_empty() {
            cells.insert("constraint".into(), constraint.join(" and "));
        }
        if q.required {
            cells.insert("required".into(), "yes".into());
        }
        if let Some(p) = &q.picture {
            extra.push(format!("picture = {}", quoted(p)));
        }
        for flag in ["identifying", "sensitive"] {
            if raw.and_then(|r| r.get(flag)).and_then(toml::Value::as_bool) == Some(true) {
                extra.push(format!("{flag} = true"));
            }
        }
        cells.insert(FIELDSCREEN_COLUMN.into(), format!("{{ {} }}", extra.join(", ")));
        let list = match &q.kind {
            Kind::YesNo | Kind::Observation => Some((
                YES_NO_LIST.to_string(),
                vec![
                    ("yes".to_string(), "fs-answer-yes".to_string()),
                    ("no".to_string(), "fs-answer-no".to_string()),
                ],
            )),
            Kind::Single(_) | Kind::Multiple(_) => Some((q.id.clone(), choices)),
            _ => None,
        };
        self.survey.row(cells);
        if let Some((name, choices)) = list {
            let track = track && name != YES_NO_LIST;
            self.list(&name, &choices, track);
        }
        Ok(())
    }
}

fn raw_tables<'t>(doc: &'t toml::Table, key: &str) -> Vec<&'t toml::Table> {
    doc.get(key)
        .and_then(toml::Value::as_array)
        .map(|a| a.iter().filter_map(toml::Value::as_table).collect())
        .unwrap_or_default()
}

fn inline(value: Option<&toml::Value>) -> String {
    match value {
        None => String::new(),
        Some(toml::Value::String(s)) => s.clone(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// Writes `protocol` (compiled from `source`) as an XLSForm workbook. `app` gives the built-in
/// steps' wording and the language names.
pub fn export(protocol: &Protocol, source: &ProtocolSource, app: &AppStrings) -> Result<Workbook, ExportError> {
    let file = source
        .protocol
        .as_ref()
        .ok_or_else(|| ExportError::NoProtocolFile(source.dir.clone()))?;
    let doc: toml::Table = file
        .text
        .parse()
        .map_err(|e: toml::de::Error| ExportError::Toml(e.to_string()))?;
    let langs: Vec<(String, String)> = protocol
        .header
        .languages
        .iter()
        .map(|l| (l.tag.clone(), language_label(app, &l.tag)))
        .collect();
    let messages = Messages {
        protocol: source
            .locales
            .iter()
            .map(|(tag, f)| (tag.clone(), read_messages(&f.text)))
            .collect(),
        app: app
            .langs
            .iter()
            .map(|(tag, files)| {
                let mut all = BTreeMap::new();
                for f in files {
                    all.extend(read_messages(&f.text));
                }
                (tag.clone(), all)
            })
            .collect(),
    };
    let mut w = Writer {
        protocol,
        messages,
        langs,
        placed: BTreeSet::new(),
        survey: Builder::new("survey", &["type", "name"]),
        choices: Builder::new("choices", &["list_name", "name"]),
        lists_written: BTreeSet::new(),
    };
    let raw_sections = raw_tables(&doc, "sections");
    let raw_question = |id: &str| {
        raw_sections
            .iter()
            .flat_map(|s| raw_tables(s, "questions"))
            .find(|q| q.get("id").and_then(toml::Value::as_str) == Some(id))
    };
    for (si, section) in protocol.sections.iter().enumerate() {
        let members: Vec<QIdx> = (0..protocol.questions.len())
            .filter(|&i| protocol.questions[i].section == si)
            .collect();
        let builtin = members.iter().any(|&i| protocol.questions[i].builtin);
        let raw = raw_sections
            .iter()
            .find(|s| s.get("id").and_then(toml::Value::as_str) == Some(section.id.as_str()));
        let mut cells = BTreeMap::from([
            ("type".to_string(), "begin_group".to_string()),
            ("name".to_string(), section.id.clone()),
        ]);
        let title = section.title_key.clone();
        w.texts(&mut cells, "label", &title, !builtin);
        let mut extra = vec![format!("title = {}", quoted(&title))];
        if builtin {
            extra.push("builtin = true".into());
        }
        if let Some(n) = &section.note_key {
            extra.push(format!("note = {}", quoted(n)));
        }
        if section.mode != SectionMode::Asked && !builtin {
            extra.push(format!("mode = {}", quoted(section.mode.name())));
        }
        if let Some(m) = raw.and_then(|r| r.get("module")).and_then(toml::Value::as_str) {
            extra.push(format!("module = {}", quoted(m)));
        }
        if let Some(r) = &section.relevant {
            let x = w.xpath(r, None).map_err(|why| ExportError::Unexpressible {
                place: format!("section `{}`", section.id),
                why,
            })?;
            cells.insert("relevant".into(), x);
        }
        cells.insert(FIELDSCREEN_COLUMN.into(), format!("{{ {} }}", extra.join(", ")));
        w.survey.row(cells);
        for qi in members {
            let raw = raw_question(&protocol.questions[qi].id);
            w.question(qi, raw, builtin)?;
        }
        w.survey
            .row(BTreeMap::from([("type".to_string(), "end_group".to_string())]));
    }

    let mut settings = Builder::new("settings", &["form_id", "form_title", "version", "default_language"]);
    let default = &protocol.header.default_language;
    let default_label = w
        .langs
        .iter()
        .find(|(t, _)| t == default)
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| default.clone());
    settings.row(BTreeMap::from([
        ("form_id".to_string(), protocol.header.id.replace('-', "_")),
        (
            "form_title".to_string(),
            w.messages
                .get(default, &protocol.header.title_key)
                .map(|m| m.plain.clone())
                .unwrap_or_else(|| protocol.header.id.clone()),
        ),
        ("version".to_string(), protocol.header.version.to_string()),
        ("default_language".to_string(), default_label),
    ]));

    let mut parts = Builder::new(SHEET_PROTOCOL, &["part", "toml"]);
    for (key, value) in &doc {
        if STRUCTURED_PARTS.contains(&key.as_str()) {
            continue;
        }
        let mut one = toml::Table::new();
        one.insert(key.clone(), value.clone());
        let text = toml::to_string(&one).map_err(|e| ExportError::Toml(e.to_string()))?;
        parts.row(BTreeMap::from([
            ("part".to_string(), key.clone()),
            ("toml".to_string(), text.trim().to_string()),
        ]));
    }
    // One row per entry of an array of tables, one column per field.
    let structured = |sheet: &str, columns: &[&str], part: &str| {
        let mut b = Builder::new(sheet, columns);
        for t in raw_tables(&doc, part) {
            b.row(
                columns
                    .iter()
                    .map(|c| (c.to_string(), inline(t.get(*c))))
                    .filter(|(_, v)| !v.is_empty())
                    .collect(),
            );
        }
        b
    };
    let indicators = structured(SHEET_INDICATORS, &INDICATOR_COLUMNS, "indicators");
    let rules = structured(SHEET_RULES, &RULE_COLUMNS, "outcome_rules");
    let text_columns: Vec<String> = w.langs.iter().map(|(_, l)| format!("text::{l}")).collect();
    let mut header = vec!["key"];
    header.extend(text_columns.iter().map(String::as_str));
    let mut texts = Builder::new(SHEET_TEXTS, &header);
    let keys: BTreeSet<&String> = w.messages.protocol.values().flat_map(|m| m.keys()).collect();
    for key in keys {
        let mut cells = BTreeMap::new();
        for ((tag, _), column) in w.langs.iter().zip(&text_columns) {
            if w.placed.contains(&(tag.clone(), key.clone())) {
                continue;
            }
            if let Some(m) = w.messages.protocol.get(tag).and_then(|m| m.get(key)) {
                let text = m.fluent.clone().unwrap_or_else(|| crate::import::ftl_value(&m.plain));
                cells.insert(column.clone(), text);
            }
        }
        if !cells.is_empty() {
            cells.insert("key".into(), key.clone());
            texts.row(cells);
        }
    }
    let mut pictures = Builder::new(SHEET_PICTURES, &["path", "svg"]);
    let mut seen = BTreeSet::new();
    for rel in protocol.questions.iter().filter_map(|q| q.picture.as_ref()) {
        if let Some(svg) = fieldscreen_catalog::media::picture(&source.media, rel)
            && seen.insert(rel.clone())
        {
            pictures.row(BTreeMap::from([
                ("path".to_string(), rel.clone()),
                ("svg".to_string(), svg.to_string()),
            ]));
        }
    }
    Ok(Workbook {
        sheets: vec![
            w.survey.build(),
            w.choices.build(),
            settings.build(),
            parts.build(),
            indicators.build(),
            rules.build(),
            texts.build(),
            pictures.build(),
        ],
    })
}

/// Writes a workbook as `.xlsx`, every cell as text (so no spreadsheet turns a code into a
/// number or a date).
pub fn write_xlsx(book: &Workbook, path: &std::path::Path) -> Result<(), ExportError> {
    let err = |e: rust_xlsxwriter::XlsxError| ExportError::Write(e.to_string());
    let mut out = rust_xlsxwriter::Workbook::new();
    for sheet in &book.sheets {
        let ws = out.add_worksheet();
        ws.set_name(&sheet.name).map_err(err)?;
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string(0, c as u16, h).map_err(err)?;
        }
        for (i, (_, cells)) in sheet.rows.iter().enumerate() {
            for (c, v) in cells.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(i as u32 + 1, c as u16, v).map_err(err)?;
                }
            }
        }
    }
    out.save(path).map_err(err)
}
