//! Reading and importing a generated two-language form of 500 and of 10,000 questions (every
//! third one with a relevance condition, every fifth a choice list), as `protocol import` does
//! before its check.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn write_form(path: &std::path::Path, questions: usize) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let survey = book.add_worksheet();
    survey.set_name("survey").expect("name");
    let head = [
        "type",
        "name",
        "label::English (en)",
        "label::Français (fr)",
        "relevant",
    ];
    for (c, h) in head.iter().enumerate() {
        survey.write_string(0, c as u16, *h).expect("cell");
    }
    for i in 0..questions {
        let r = (i + 1) as u32;
        let kind = if i % 5 == 0 {
            "select_one options"
        } else if i % 2 == 0 {
            "select_one yes_no"
        } else {
            "integer"
        };
        let relevant = match i % 3 {
            0 if i >= 2 && (i - 2) % 5 != 0 && (i - 2) % 2 == 0 => format!("${{q{}}} = 'yes'", i - 2),
            0 if i >= 1 && (i - 1) % 5 != 0 && (i - 1) % 2 == 1 => format!("${{q{}}} > 3", i - 1),
            _ => String::new(),
        };
        let row = [
            kind.to_string(),
            format!("q{i}"),
            format!("Question {i}?"),
            format!("Question {i} ?"),
            relevant,
        ];
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                survey.write_string(r, c as u16, v).expect("cell");
            }
        }
    }
    let choices = book.add_worksheet();
    choices.set_name("choices").expect("name");
    let rows = [
        ["list_name", "name", "label::English (en)", "label::Français (fr)"],
        ["yes_no", "yes", "Yes", "Oui"],
        ["yes_no", "no", "No", "Non"],
        ["options", "a", "First", "Premier"],
        ["options", "b", "Second", "Deuxième"],
        ["options", "c", "Third", "Troisième"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            choices.write_string(r as u32, c as u16, *v).expect("cell");
        }
    }
    book.save(path).expect("saved");
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let today = jiff::civil::date(2026, 12, 2);
    let mut g = c.benchmark_group("xlsform-import");
    g.sample_size(10);
    for n in [500usize, 10_000] {
        let path = dir.path().join(format!("form-{n}.xlsx"));
        write_form(&path, n);
        g.bench_function(format!("{n} questions, 2 languages: read + import"), |b| {
            b.iter(|| {
                let book = fieldscreen_xlsform::read(black_box(&path)).expect("read");
                fieldscreen_xlsform::import(&book, today).expect("imports")
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
