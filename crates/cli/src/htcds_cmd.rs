//! `fieldscreen cases htcds` and `fieldscreen unseal`: the case-level export in HTCDS shape,
//! sealed under a passphrase of its own unless the user explicitly asks for a plain file.

use crate::cases_cmd::confirm;
use crate::passphrase;
use crate::private_file::write_private;
use crate::texts::Texts;
use anyhow::{Context, Result, bail};
use fieldscreen_catalog::Catalog;
use fieldscreen_report::htcds::{export_vault, to_csv, to_json};
use fieldscreen_vault::{KdfParams, Vault, is_sealed, seal, sealed_content, unseal};
use jiff::civil::Date;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
}

pub struct Request {
    pub format: Format,
    pub output: PathBuf,
    pub plaintext: bool,
    pub yes: bool,
}

pub fn export(vault: &mut Vault, catalog: &Catalog, req: &Request, today: Date, t: &Texts) -> Result<ExitCode> {
    let target = req.output.display().to_string();
    let key = if req.plaintext {
        "cli-confirm-htcds-plain"
    } else {
        "cli-confirm-htcds-sealed"
    };
    if !confirm(t, key, &[("target", target.clone())], req.yes)? {
        println!("{}", t.t("cli-nothing-done", &[]));
        return Ok(ExitCode::FAILURE);
    }
    // Asked before the long part, so nobody waits for a prompt at the end.
    let export_passphrase = if req.plaintext {
        None
    } else {
        Some(passphrase::new_export_passphrase(t)?)
    };
    let protocol = |id: &str| catalog.protocol(id, Some(today));
    let export = export_vault(vault, protocol, today, |n, total| {
        eprintln!("… {n} of {total} cases read")
    })?;
    let (text, content) = match req.format {
        Format::Csv => (to_csv(&export.cases), "htcds-cases.csv"),
        Format::Json => (to_json(&export.cases), "htcds-cases.json"),
    };
    let bytes = match &export_passphrase {
        Some(p) => seal(text.as_bytes(), p, content, KdfParams::DEFAULT)?,
        None => text.into_bytes(),
    };
    write_private(&req.output, &bytes)?;
    let count = export.cases.len().to_string();
    let done = if req.plaintext {
        "cli-written-plain"
    } else {
        "cli-written-sealed"
    };
    eprintln!("{}", t.t(done, &[("count", count), ("target", target)]));
    if export.without_consent > 0 {
        eprintln!(
            "{}",
            t.t(
                "cli-htcds-without-consent",
                &[("count", export.without_consent.to_string())]
            )
        );
    }
    if export.without_protocol > 0 {
        eprintln!(
            "{} case(s) left out: their protocol is not installed",
            export.without_protocol
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a sealed file to `output` (or standard output). Needs no vault: the file's own
/// passphrase is the key.
pub fn unseal_file(file: &Path, output: Option<&PathBuf>, t: &Texts) -> Result<ExitCode> {
    let sealed = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    if !is_sealed(&sealed) {
        bail!("{}", t.t("cli-not-sealed", &[("file", file.display().to_string())]));
    }
    eprintln!(
        "{}",
        t.t("cli-sealed-content", &[("content", sealed_content(&sealed)?)])
    );
    let p = passphrase::export_passphrase_once(t)?;
    let plain = unseal(&sealed, &p)?;
    match output {
        Some(o) => write_private(o, &plain)?,
        None => std::io::stdout().write_all(&plain)?,
    }
    Ok(ExitCode::SUCCESS)
}
