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
    assert!(toml.contains(r#"constraint = { q = "hours", le = 24 }"#), "{toml}");
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
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == fieldscreen_protocol::Severity::Error)
        .map(|d| d.to_string())
        .collect();
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
