//! `fieldscreen protocol list|show|check`.

use crate::render::Screen;
use anyhow::Result;
use fieldscreen_catalog::{Catalog, check as check_source, read_protocol_dir};
use fieldscreen_protocol::Severity;
use fieldscreen_protocol::model::TranslationStatus;
use jiff::civil::Date;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn list(catalog: &Catalog, lang: &str, today: Date) -> Result<ExitCode> {
    for s in catalog.sources() {
        match catalog.load(&s.dir_name, Some(today)) {
            Ok(loaded) => {
                let screen = Screen::new(&loaded, lang, None)?;
                let h = &loaded.protocol.header;
                let langs: Vec<String> = h
                    .languages
                    .iter()
                    .map(|l| {
                        if l.status == TranslationStatus::Complete {
                            l.tag.clone()
                        } else {
                            format!("{}*", l.tag)
                        }
                    })
                    .collect();
                println!(
                    "{:<20} {:<8} {:<10} {}",
                    h.id,
                    h.version,
                    format!("{:?}", h.status).to_lowercase(),
                    screen.interviewer(&h.title_key)
                );
                println!(
                    "{:<20} {}",
                    "",
                    screen.cli("cli-list-languages", &[("languages", langs.join(" "))])
                );
            }
            Err(e) => println!("{:<20} {}", s.dir_name, first_line(&e.to_string())),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

pub fn show(catalog: &Catalog, id: &str, lang: &str, today: Date) -> Result<ExitCode> {
    let loaded = catalog.load(id, Some(today))?;
    let screen = Screen::new(&loaded, lang, None)?;
    let p = &loaded.protocol;
    let h = &p.header;
    println!("{} — {} {}", screen.interviewer(&h.title_key), h.id, h.version);
    if let Some(k) = &h.summary_key {
        println!("{}", screen.interviewer(k));
    }
    println!(
        "{}",
        screen.cli("cli-show-review-by", &[("date", screen.date(h.review_by))])
    );
    for s in &h.sources {
        println!("  • {} ({}) — {}", s.name, s.version, s.link);
    }
    let mut section = usize::MAX;
    for (i, q) in p.questions.iter().enumerate() {
        if q.section != section {
            section = q.section;
            println!("\n## {}", screen.interviewer(&p.sections[section].title_key));
        }
        let tags: Vec<&str> = p
            .indicators
            .iter()
            .filter(|ind| {
                let mut qs = Vec::new();
                ind.when.questions(&mut qs);
                qs.contains(&i)
            })
            .map(|ind| ind.id.as_str())
            .collect();
        let mut line = format!(
            "  {:<22} {:<12} {}",
            q.id,
            q.kind.name(),
            screen.interviewer(&q.text_key)
        );
        if !tags.is_empty() {
            line.push_str(&format!("  [{}]", tags.join(", ")));
        }
        println!("{line}");
    }
    println!();
    for r in &p.outcome_rules {
        println!(
            "  {} → {}: {}",
            r.id,
            r.level.name(),
            screen.interviewer(&r.explanation_key)
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(catalog: &Catalog, dirs: &[PathBuf], strict: bool, today: Date) -> Result<ExitCode> {
    let sources = if dirs.is_empty() {
        catalog.sources().to_vec()
    } else {
        dirs.iter()
            .map(|d| read_protocol_dir(d))
            .collect::<Result<Vec<_>, _>>()?
    };
    let (mut errors, mut warnings) = (0, 0);
    for s in &sources {
        let checked = check_source(s, catalog.app(), Some(today));
        for d in &checked.diagnostics {
            println!("{d}");
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
        }
        let mark = if checked.diagnostics.iter().any(|d| d.severity == Severity::Error) {
            "FAIL"
        } else {
            "ok"
        };
        println!("{mark}: {}", s.dir);
    }
    println!(
        "{} protocol(s) checked: {errors} error(s), {warnings} warning(s)",
        sources.len()
    );
    Ok(if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `fieldscreen protocol import FORM.xlsx --output DIR`: an XLSForm read into a protocol
/// directory, which must then pass the full check; every problem is named at its sheet, row and
/// column. Nothing is written unless the form imports.
pub fn import(catalog: &Catalog, form: &std::path::Path, output: &std::path::Path, today: Date) -> Result<ExitCode> {
    let book = fieldscreen_xlsform::read(form)?;
    let imported = match fieldscreen_xlsform::import(&book, today) {
        Ok(i) => i,
        Err(problems) => {
            for p in &problems {
                eprintln!("error: {p}");
            }
            anyhow::bail!(
                "{} problem(s) in {}: nothing was written",
                problems.len(),
                form.display()
            );
        }
    };
    if output.exists() && std::fs::read_dir(output)?.next().is_some() {
        anyhow::bail!("{} exists and is not empty: choose a new directory", output.display());
    }
    let name = output.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if name != imported.id {
        anyhow::bail!(
            "the form's id is `{}`: write it to a directory of that name (e.g. screening_protocols/{})",
            imported.id,
            imported.id
        );
    }
    std::fs::create_dir_all(output.join("locales"))?;
    std::fs::write(output.join("protocol.toml"), &imported.protocol_toml)?;
    for (lang, ftl) in &imported.locales {
        std::fs::write(output.join("locales").join(format!("{lang}.ftl")), ftl)?;
    }
    for (rel, text) in &imported.files {
        let path = output.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    for w in &imported.warnings {
        eprintln!("warning: {w}");
    }
    let checked = check_source(&read_protocol_dir(output)?, catalog.app(), Some(today));
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("{e}");
        }
        anyhow::bail!(
            "{} was written but does not pass `protocol check` ({} error(s) above)",
            output.display(),
            errors.len()
        );
    }
    println!("imported {} into {}", form.display(), output.display());
    Ok(ExitCode::SUCCESS)
}

/// `fieldscreen protocol export-xlsform ID --output FORM.xlsx`. An existing file is not
/// overwritten: a form someone edited by hand must not vanish under a typo.
pub fn export_xlsform(catalog: &Catalog, id: &str, output: &std::path::Path, today: Date) -> Result<ExitCode> {
    if output.extension().and_then(|e| e.to_str()) != Some("xlsx") {
        anyhow::bail!("{}: the output is an .xlsx workbook", output.display());
    }
    if output.exists() {
        anyhow::bail!("{} exists: choose a new file", output.display());
    }
    let loaded = catalog.load(id, Some(today))?;
    let book = fieldscreen_xlsform::export(&loaded.protocol, catalog.source(id)?, catalog.app())?;
    fieldscreen_xlsform::write_xlsx(&book, output)?;
    let rows = |name: &str| book.sheet(name).map_or(0, |s| s.rows.len());
    println!(
        "wrote {}: {} survey rows, {} choices, {} indicators, {} outcome rules",
        output.display(),
        rows("survey"),
        rows("choices"),
        rows(fieldscreen_xlsform::export::SHEET_INDICATORS),
        rows(fieldscreen_xlsform::export::SHEET_RULES)
    );
    Ok(ExitCode::SUCCESS)
}

/// `fieldscreen protocol audio-plan DIR`: for each declared language, each self-answer
/// question without a recorded clip, and its text in that language (the default variant of a
/// gendered one). A text that falls back to another language is left out: a clip must speak
/// the language it is filed under.
pub fn audio_plan(catalog: &Catalog, dir: &std::path::Path, today: Date) -> Result<ExitCode> {
    use std::io::Write;
    let source = read_protocol_dir(dir)?;
    let id = source.dir_name.clone();
    let one = Catalog::new(vec![source], catalog.app().clone());
    let loaded = one.load(&id, Some(today))?;
    let p = &loaded.protocol;
    let mut out = std::io::stdout().lock();
    for lang in &p.header.languages {
        let chain = loaded.chain(&lang.tag)?;
        for key in fieldscreen_catalog::media::voiced_keys(p) {
            let recorded =
                fieldscreen_catalog::media::clip(&loaded.media, &lang.tag, &key).is_some_and(|c| !c.synthetic);
            let text = loaded.localizer.text(&chain, &key, None);
            if recorded || text.fell_back {
                continue;
            }
            let line = format!("{}\t{key}\t{}", lang.tag, text.text.replace(['\t', '\n'], " "));
            // A closed pipe (`| head`) ends the listing, not the program.
            if writeln!(out, "{line}").is_err() {
                break;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
