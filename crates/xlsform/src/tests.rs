//! Workbooks written here (never other projects' forms), read back and imported.

use crate::{Problem, import, read};
use rust_xlsxwriter::{Formula, Workbook as Writer};

type Rows<'a> = &'a [&'a [&'a str]];

/// Writes a workbook of named sheets, each a header row and data rows.
fn workbook(dir: &std::path::Path, sheets: &[(&str, Rows)]) -> std::path::PathBuf {
    let mut book = Writer::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("name");
        for (r, row) in rows.iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                if let Some(f) = value.strip_prefix('=') {
                    sheet
                        .write_formula(r as u32, c as u16, Formula::new(format!("={f}")))
                        .expect("formula");
                } else if !value.is_empty() {
                    sheet.write_string(r as u32, c as u16, *value).expect("cell");
                }
            }
        }
    }
    let path = dir.join("form.xlsx");
    book.save(&path).expect("saved");
    path
}

const SURVEY_HEAD: &[&str] = &[
    "type",
    "name",
    "label::English (en)",
    "label::Français (fr)",
    "hint::English (en)",
    "relevant",
    "constraint",
    "constraint_message::English (en)",
    "required",
];

fn good_survey() -> Vec<&'static [&'static str]> {
    vec![
        SURVEY_HEAD,
        &["begin group", "work", "Your work", "Votre travail", "", "", "", "", ""],
        &[
            "select_one yes_no",
            "paid",
            "Are you paid?",
            "Êtes-vous payé ?",
            "Ask gently",
            "",
            "",
            "",
            "yes",
        ],
        &[
            "integer",
            "hours",
            "Hours a day?",
            "Heures par jour ?",
            "",
            "${paid} = 'yes'",
            ". <= 24",
            "At most 24",
            "",
        ],
        &[
            "select_multiple problems",
            "problems",
            "Any of these?",
            "L'un de ceux-ci ?",
            "",
            "${hours} > 10 or ${paid} = 'no'",
            "",
            "",
            "",
        ],
        &[
            "text",
            "details",
            "Tell me more",
            "Dites-m'en plus",
            "",
            "selected(${problems}, 'threats')",
            "",
            "",
            "",
        ],
        &["end group", "", "", "", "", "", "", "", ""],
        &["start", "start", "", "", "", "", "", "", ""],
        &[
            "note",
            "thanks",
            "Thank you {for} your time",
            "Merci",
            "",
            "",
            "",
            "",
            "",
        ],
    ]
}

const CHOICES: &[&[&str]] = &[
    &["list_name", "name", "label::English (en)", "label::Français (fr)"],
    &["yes_no", "yes", "Yes", "Oui"],
    &["yes_no", "no", "No", "Non"],
    &["problems", "debt", "A debt", "Une dette"],
    &["problems", "threats", "Threats", "Des menaces"],
];

const SETTINGS: &[&[&str]] = &[
    &["form_title", "form_id", "version", "default_language"],
    &["Work check", "work_check", "2024061101", "English (en)"],
];

/// The check's errors, each as it prints.
fn errors_of(diagnostics: &[fieldscreen_protocol::Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.severity == fieldscreen_protocol::Severity::Error)
        .map(|d| d.to_string())
        .collect()
}

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 12, 2)
}

fn problems_of(sheets: &[(&str, Rows)]) -> Vec<Problem> {
    let dir = tempfile::tempdir().expect("dir");
    let book = read(&workbook(dir.path(), sheets)).expect("readable");
    import(&book, today()).expect_err("refused")
}

#[test]
fn a_form_becomes_a_protocol_that_passes_the_check() {
    let dir = tempfile::tempdir().expect("dir");
    let survey = good_survey();
    let book = read(&workbook(
        dir.path(),
        &[("survey", &survey), ("choices", CHOICES), ("settings", SETTINGS)],
    ))
    .expect("readable");
    let imported = import(&book, today()).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(imported.id, "work-check");
    let toml = &imported.protocol_toml;
    assert!(toml.contains("type = \"yes-no\""), "{toml}");
    assert!(toml.contains(r#"relevant = { q = "paid", is = "yes" }"#), "{toml}");
    // A number's range is its constraint's bounds; with one bound missing, the other is the
    // default and the import says so.
    assert!(toml.contains("min = 0\nmax = 24\n"), "{toml}");
    assert!(!toml.contains(r#"constraint = { q = "hours""#), "{toml}");
    assert!(imported.warnings.iter().any(|w| w.contains("`hours` has no range")));
    assert!(
        toml.contains(r#"relevant = { any = [{ q = "hours", gt = 10 }, { q = "paid", is = "no" }] }"#),
        "{toml}"
    );
    assert!(
        toml.contains(r#"relevant = { q = "problems", includes = "threats" }"#),
        "{toml}"
    );
    assert!(!toml.contains("\"start\""), "metadata is not collected");
    assert!(imported.warnings.iter().any(|w| w.contains("no outcome")));
    assert!(imported.warnings.iter().any(|w| w.contains("`start` is not collected")));
    assert_eq!(imported.locales.keys().collect::<Vec<_>>(), ["en", "fr"]);
    assert!(imported.locales["fr"].contains("q-paid = Êtes-vous payé ?"));
    // Braces in a label are text, not Fluent placeables.
    assert!(imported.locales["en"].contains(r#"q-thanks = Thank you {"{"}for{"}"} your time"#));

    // Written out, the full check passes.
    let out = dir.path().join(&imported.id);
    std::fs::create_dir_all(out.join("locales")).expect("dir");
    std::fs::write(out.join("protocol.toml"), toml).expect("write");
    for (lang, ftl) in &imported.locales {
        std::fs::write(out.join("locales").join(format!("{lang}.ftl")), ftl).expect("write");
    }
    let source = fieldscreen_catalog::read_protocol_dir(&out).expect("read");
    let app = fieldscreen_catalog::Catalog::bundled();
    let checked = fieldscreen_catalog::check(&source, app.app(), Some(today()));
    let errors = errors_of(&checked.diagnostics);
    assert!(errors.is_empty(), "{errors:#?}\n{toml}");
}

fn at(problems: &[Problem], needle: &str) -> String {
    problems
        .iter()
        .find(|p| p.message.contains(needle))
        .map(|p| p.place.to_string())
        .unwrap_or_else(|| panic!("no problem mentions `{needle}`: {problems:#?}"))
}

#[test]
fn every_mistake_is_named_at_its_sheet_row_and_column() {
    let mut survey = good_survey();
    // Row 4 (hours): a broken expression; row 6 (details): an unknown reference.
    survey[3] = &[
        "integer",
        "hours",
        "Hours?",
        "Heures ?",
        "",
        "${paid} = 'yes",
        "",
        "",
        "",
    ];
    survey[5] = &["text", "details", "More", "Plus", "", "${nobody} = 'x'", "", "", ""];
    survey.push(&["select_one missing", "where", "Where?", "Où ?", "", "", "", "", ""]);
    survey.push(&["text", "paid", "Again", "Encore", "", "", "", "", ""]);
    survey.push(&["decimal", "amount", "Amount", "Montant", "", "", "", "", ""]);
    survey.push(&["integer", "days", "Days", "Jours", "", "${hours} + 2 > 10", "", "", ""]);
    let p = problems_of(&[("survey", &survey), ("choices", CHOICES), ("settings", SETTINGS)]);
    assert_eq!(at(&p, "not closed by its quote"), "survey!F4 (row 4, column 6)");
    assert!(p.iter().any(|x| x.message.contains("at character 11")), "{p:#?}");
    assert_eq!(at(&p, "no question `nobody`"), "survey!F6 (row 6, column 6)");
    assert_eq!(at(&p, "no list `missing`"), "survey!A10 (row 10, column 1)");
    assert_eq!(at(&p, "already the name of row 3"), "survey!B11 (row 11, column 2)");
    assert_eq!(at(&p, "whole numbers only"), "survey!A12 (row 12, column 1)");
    assert_eq!(at(&p, "arithmetic"), "survey!F13 (row 13, column 6)");
}

#[test]
fn bad_columns_lists_and_formulas_are_named() {
    let head: &[&str] = &["type", "name", "label::English"];
    let survey: &[&[&str]] = &[head, &["text", "a", "A"]];
    let p = problems_of(&[("survey", survey)]);
    assert_eq!(at(&p, "language code in parentheses"), "survey!C1 (row 1, column 3)");

    let choices: &[&[&str]] = &[
        &["list_name", "name", "label"],
        &["", "x", "X"],
        &["l", "y", "Y"],
        &["l", "y", "Y again"],
    ];
    let survey: &[&[&str]] = &[&["type", "name", "label"], &["select_one l", "a", "A"]];
    let p = problems_of(&[("survey", survey), ("choices", choices)]);
    assert_eq!(at(&p, "without a list_name"), "choices!A2 (row 2, column 1)");
    assert_eq!(at(&p, "listed twice"), "choices!B4 (row 4, column 2)");

    let dir = tempfile::tempdir().expect("dir");
    let survey: &[&[&str]] = &[&["type", "name", "label"], &["text", "a", "=CONCAT(\"A\",\"B\")"]];
    let err = read(&workbook(dir.path(), &[("survey", survey)])).expect_err("a formula");
    assert_eq!(
        err.to_string(),
        "survey!C2 (row 2, column 3): a formula; XLSForm cells hold plain values (paste the values instead)"
    );

    let no_survey = problems_of(&[("choices", CHOICES)]);
    assert!(no_survey[0].message.contains("no `survey` sheet"));
}

#[test]
fn a_file_that_is_no_workbook_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("form.xlsx");
    std::fs::write(&path, b"not a spreadsheet").expect("write");
    let err = read(&path).expect_err("refused").to_string();
    assert!(err.contains("cannot be read as a spreadsheet"), "{err}");
}

/// Every message of a Fluent file as (plain text, full Fluent when it has more than text).
fn messages_of(source: &str) -> std::collections::BTreeMap<String, String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => {
                // Translators' comments are not carried (see the README).
                let mut m = m.clone();
                m.comment = None;
                let id = m.id.name.to_string();
                let alone = fluent_syntax::ast::Resource {
                    body: vec![fluent_syntax::ast::Entry::Message(m)],
                };
                // Serialised alone, the message's text no longer depends on how it was split
                // over lines or which placeable escapes a brace.
                Some((id, fluent_syntax::serializer::serialize(&alone)))
            }
            _ => None,
        })
        .collect()
}

/// The parts of a compiled protocol that decide what is asked and concluded, as text.
fn parts(p: &fieldscreen_protocol::Protocol) -> Vec<(&'static str, String)> {
    vec![
        ("header", format!("{:#?}", p.header)),
        ("sections", format!("{:#?}", p.sections)),
        ("questions", format!("{:#?}", p.questions)),
        ("dimensions", format!("{:#?}", p.dimensions)),
        ("dimension rules", format!("{:#?}", p.dimension_rules)),
        ("indicators", format!("{:#?}", p.indicators)),
        ("outcome rules", format!("{:#?}", p.outcome_rules)),
        ("stop rules", format!("{:#?}", p.stop_rules)),
        ("referrals", format!("{:#?}", p.referrals)),
        ("safety notes", format!("{:#?}", p.safety_notes)),
        ("report", format!("{:#?}", p.report)),
    ]
}

#[test]
fn every_bundled_protocol_comes_back_the_same_through_an_xlsform_file() {
    let catalog = fieldscreen_catalog::Catalog::bundled();
    let dir = tempfile::tempdir().expect("dir");
    assert_eq!(catalog.sources().len(), 3);
    for source in catalog.sources() {
        let id = &source.dir_name;
        let loaded = catalog.load(id, Some(today())).expect("bundled protocol loads");
        let book = crate::export(&loaded.protocol, source, catalog.app()).expect("exported");
        let path = dir.path().join(format!("{id}.xlsx"));
        crate::write_xlsx(&book, &path).expect("written");
        let imported = import(&read(&path).expect("read back"), today()).unwrap_or_else(|p| {
            panic!(
                "{id}: {}",
                p.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n")
            )
        });
        assert_eq!(&imported.id, id);
        let back = imported.source(&format!("imported/{id}"));
        let checked = fieldscreen_catalog::check(&back, catalog.app(), Some(today()));
        let again = checked.protocol.unwrap_or_else(|| {
            panic!(
                "{id} does not compile after the round trip:\n{}\n{}",
                checked
                    .diagnostics
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
                imported.protocol_toml
            )
        });
        for ((part, before), (_, after)) in parts(&loaded.protocol).into_iter().zip(parts(&again)) {
            if before != after {
                let line = before.lines().zip(after.lines()).position(|(a, b)| a != b).unwrap_or(0);
                let show = |s: &str| {
                    s.lines()
                        .skip(line.saturating_sub(8))
                        .take(16)
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                panic!(
                    "{id}: the {part} differ:\nbefore:\n{}\nafter:\n{}",
                    show(&before),
                    show(&after)
                );
            }
        }
        assert_eq!(source.locales.len(), imported.locales.len(), "{id}: languages");
        for (tag, file) in &source.locales {
            let before = messages_of(&file.text);
            let after = messages_of(&imported.locales[tag]);
            assert_eq!(
                before.keys().collect::<Vec<_>>(),
                after.keys().collect::<Vec<_>>(),
                "{id} {tag}: message keys"
            );
            for (key, text) in &before {
                assert_eq!(text, &after[key], "{id} {tag}: {key}");
            }
        }
        // The pictograms come back with the protocol, and the check finds nothing missing but
        // the clips (which an XLSForm does not carry).
        assert_eq!(
            back.media.len(),
            source.media.iter().filter(|m| m.rel.starts_with("pictures/")).count()
        );
        let errors = errors_of(&checked.diagnostics);
        assert!(errors.is_empty(), "{id}: {errors:#?}");
        // Nothing FieldScreen-only is lost in a warning.
        assert!(imported.warnings.is_empty(), "{id}: {:?}", imported.warnings);
    }
}

#[test]
fn merged_cells_are_named_not_read_as_a_missing_translation() {
    let dir = tempfile::tempdir().expect("dir");
    let mut book = Writer::new();
    let sheet = book.add_worksheet();
    sheet.set_name("survey").expect("name");
    for (c, h) in ["type", "name", "label::English (en)", "label::Français (fr)"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).expect("cell");
    }
    sheet.write_string(1, 0, "text").expect("cell");
    sheet.write_string(1, 1, "job").expect("cell");
    sheet
        .merge_range(1, 2, 1, 3, "Your job?", &rust_xlsxwriter::Format::new())
        .expect("merged");
    let path = dir.path().join("merged.xlsx");
    book.save(&path).expect("saved");
    let err = read(&path).expect_err("merged cells").to_string();
    assert!(
        err.starts_with("survey!C2 (row 2, column 3): merged with the cells up to D2"),
        "{err}"
    );
}

/// A sheet of more than 5 MB of text reads and imports; the one broken row among 20,000 is
/// named at its row.
#[test]
fn a_five_megabyte_sheet_is_read_and_its_one_mistake_located() {
    let dir = tempfile::tempdir().expect("dir");
    let mut book = Writer::new();
    let sheet = book.add_worksheet();
    sheet.set_name("survey").expect("name");
    for (c, h) in ["type", "name", "label::English (en)", "relevant"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("cell");
    }
    let rows = 20_000u32;
    let mut bytes = 0usize;
    // Labels that do not repeat, so the sheet's text is as large as it says.
    let mut seed = 0x2545_f491_u64;
    for r in 1..=rows {
        let label: String = (0..260)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                char::from(b'a' + (seed % 26) as u8)
            })
            .collect();
        bytes += label.len();
        sheet.write_string(r, 0, "integer").expect("cell");
        sheet.write_string(r, 1, format!("q{r}")).expect("cell");
        sheet.write_string(r, 2, &label).expect("cell");
        let relevant = if r == 12_345 {
            "${q1} >".to_string()
        } else if r > 1 {
            format!("${{q{}}} > 3", r - 1)
        } else {
            String::new()
        };
        sheet.write_string(r, 3, &relevant).expect("cell");
    }
    assert!(bytes > 5_000_000, "{bytes} bytes of labels");
    let path = dir.path().join("big.xlsx");
    book.save(&path).expect("saved");
    let read_back = read(&path).expect("readable");
    assert_eq!(read_back.sheet("survey").map(|s| s.rows.len()), Some(rows as usize));
    let problems = import(&read_back, today()).expect_err("one broken expression");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].place.to_string(), "survey!D12346 (row 12346, column 4)");
}

#[test]
fn an_arabic_label_column_makes_a_right_to_left_language() {
    let dir = tempfile::tempdir().expect("dir");
    let survey: &[&[&str]] = &[
        &["type", "name", "label::English (en)", "label::العربية (ar)"],
        &["text", "job", "Your job?", "ما هو عملك؟"],
    ];
    let imported = import(
        &read(&workbook(dir.path(), &[("survey", survey)])).expect("read"),
        today(),
    )
    .unwrap_or_else(|p| panic!("{p:?}"));
    let toml = &imported.protocol_toml;
    assert!(toml.contains("tag = \"ar\"\ndirection = \"rtl\""), "{toml}");
    assert!(toml.contains("tag = \"en\"\ndirection = \"ltr\""), "{toml}");
}
