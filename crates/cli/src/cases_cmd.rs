//! `fieldscreen cases list|show|delete|export`.

use crate::render::Screen;
use crate::texts::Texts;
use anyhow::{Result, bail};
use fieldscreen_catalog::Catalog;
use fieldscreen_vault::{CaseFilter, Vault, resume_session};
use jiff::civil::Date;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn list(vault: &Vault, filter: &CaseFilter, json: bool) -> Result<ExitCode> {
    let cases = vault.list_cases(filter)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&cases)?);
        return Ok(ExitCode::SUCCESS);
    }
    for c in &cases {
        println!(
            "{}  {:<18} {:<16} {:<22} {:<6} {:>3} {}",
            c.id,
            c.protocol_id,
            c.state,
            c.level.as_deref().unwrap_or("-"),
            c.age_group.as_deref().unwrap_or("-"),
            c.answer_count,
            &c.updated_at[..c.updated_at.len().min(19)]
        );
    }
    eprintln!("{} case(s)", cases.len());
    Ok(ExitCode::SUCCESS)
}

/// Finds a case by its id or an unambiguous prefix of it.
pub fn resolve(vault: &Vault, id: &str) -> Result<String> {
    let found = vault.list_cases(&CaseFilter {
        id_prefix: Some(id.to_string()),
        ..CaseFilter::default()
    })?;
    match found.len() {
        1 => Ok(found[0].id.clone()),
        0 => bail!("no case `{id}` in this vault"),
        n => bail!("`{id}` matches {n} cases; give more of the id"),
    }
}

pub fn show(vault: &Vault, catalog: &Catalog, id: &str, lang: &str, history: bool, today: Date) -> Result<ExitCode> {
    let id = resolve(vault, id)?;
    let mut doc = vault.load_case(&id)?;
    let meta = doc.meta()?;
    let loaded = catalog.load(&meta.protocol_id, Some(today))?;
    if loaded.protocol.header.version.to_string() != meta.protocol_version {
        eprintln!(
            "note: the case was recorded with {} {}, shown with version {}",
            meta.protocol_id, meta.protocol_version, loaded.protocol.header.version
        );
    }
    let screen = Screen::new(&loaded, lang, None)?;
    let (session, dropped) = resume_session(vault, &id, loaded.protocol.clone())?;
    println!(
        "{id}  {} {}  {}",
        meta.protocol_id, meta.protocol_version, meta.created_at
    );
    print!("{}", screen.transcript(&session));
    if !dropped.is_empty() {
        println!(
            "(stored answers this protocol version does not know: {})",
            dropped.join(", ")
        );
    }
    if history {
        println!();
        for h in doc.history()? {
            let when = jiff::Timestamp::from_millisecond(h.time)
                .map(|t| t.to_string())
                .unwrap_or_default();
            let q = loaded.protocol.question(&h.question);
            let value = match (q, &h.answer) {
                (Some(q), Some(a)) => screen.answer_text(q, a),
                (_, None) => "(cleared)".into(),
                (None, Some(_)) => "?".into(),
            };
            println!("{when}  {:<22} {value}", h.question);
        }
    }
    if let Some(o) = session.outcome(today) {
        print!("{}", screen.outcome(&session, &o));
    }
    for (rid, track) in crate::referral_cmd::tracked(vault, &id)? {
        for s in &track.steps {
            let reason = s.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default();
            println!(
                "referral {rid} [{}]: {} {}{reason}",
                track.category,
                s.status.name(),
                s.date
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks for confirmation on a terminal; scripts must pass --yes.
pub fn confirm(t: &Texts, key: &str, args: &[(&str, String)], yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!("{}", t.t("cli-needs-yes", &[]));
    }
    eprint!("{} ", t.t(key, args));
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim() == "yes")
}

pub fn delete(vault: &mut Vault, id: &str, yes: bool, t: &Texts) -> Result<ExitCode> {
    let id = resolve(vault, id)?;
    if !confirm(t, "cli-confirm-delete", &[("id", id.clone())], yes)? {
        println!("{}", t.t("cli-nothing-done", &[]));
        return Ok(ExitCode::FAILURE);
    }
    vault.delete_case(&id)?;
    println!("{}", t.t("cli-case-deleted", &[("id", id)]));
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

pub struct ExportRequest {
    pub format: Format,
    pub output: Option<PathBuf>,
    pub yes: bool,
    pub include_views: bool,
    /// Unencrypted, on explicit request only; otherwise sealed under a passphrase of its own.
    pub plaintext: bool,
}

pub fn export(
    vault: &mut Vault,
    catalog: &Catalog,
    request: &ExportRequest,
    today: Date,
    t: &Texts,
) -> Result<ExitCode> {
    let (format, output, yes) = (request.format, request.output.as_ref(), request.yes);
    if !request.plaintext && output.is_none() {
        eprintln!("{}", t.t("cli-sealed-needs-output", &[]));
        return Ok(ExitCode::from(2));
    }
    let target = output.map_or_else(|| "stdout".to_string(), |p| p.display().to_string());
    let question = if request.plaintext {
        "cli-confirm-export"
    } else {
        "cli-confirm-export-sealed"
    };
    if !confirm(t, question, &[("target", target.clone())], yes)? {
        println!("{}", t.t("cli-nothing-done", &[]));
        return Ok(ExitCode::FAILURE);
    }
    // Asked before the long part, so nobody waits for a prompt at the end.
    let export_passphrase = if request.plaintext {
        None
    } else {
        Some(crate::passphrase::new_export_passphrase(t)?)
    };
    let shape = match format {
        Format::Json => fieldscreen_report::CaseFormat::Json,
        Format::Csv => fieldscreen_report::CaseFormat::Csv,
    };
    let export = fieldscreen_report::export_cases(
        vault,
        |id| catalog.protocol(id, Some(today)),
        shape,
        request.include_views,
    )?;
    let (out, count) = (export.text, export.cases.to_string());
    match (output, &export_passphrase) {
        (Some(p), Some(secret)) => {
            let content = match format {
                Format::Csv => "cases.csv",
                Format::Json => "cases.json",
            };
            let sealed =
                fieldscreen_vault::seal(out.as_bytes(), secret, content, fieldscreen_vault::KdfParams::DEFAULT)?;
            crate::private_file::write_private(p, &sealed)?;
        }
        (Some(p), None) => crate::private_file::write_private(p, out.as_bytes())?,
        (None, _) => print!("{out}"),
    }
    let done = if request.plaintext {
        "cli-written-plain"
    } else {
        "cli-written-sealed"
    };
    eprintln!("{}", t.t(done, &[("count", count), ("target", target)]));
    Ok(ExitCode::SUCCESS)
}

/// Marks case `id` as the same person as case `earlier`, or with `undo` takes the mark back.
pub fn same_person(vault: &mut Vault, id: &str, earlier: Option<&str>, undo: bool) -> Result<ExitCode> {
    let id = resolve(vault, id)?;
    let earlier = match (earlier, undo) {
        (Some(e), false) => Some(resolve(vault, e)?),
        (None, true) => None,
        _ => bail!("name the earlier case of the same person, or give --undo"),
    };
    vault.set_same_person(&id, earlier.as_deref())?;
    let short = |s: &str| s[..8.min(s.len())].to_string();
    match earlier {
        Some(e) => println!("{} is the same person as {}", short(&id), short(&e)),
        None => println!("{} is no longer marked as the same person as another case", short(&id)),
    }
    Ok(ExitCode::SUCCESS)
}
