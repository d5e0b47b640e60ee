//! `fieldscreen vault init|unlock|passwd|info|check`.

use crate::passphrase;
use crate::texts::Texts;
use anyhow::{Context, Result};
use fieldscreen_vault::{KdfParams, Vault};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The vault directory: `--vault`, else the platform's data directory.
pub fn dir(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(d) = explicit {
        return Ok(d.to_path_buf());
    }
    let dirs = directories::ProjectDirs::from("org", "FieldScreen", "FieldScreen")
        .context("no home directory to keep the vault in; pass --vault DIR")?;
    Ok(dirs.data_dir().join("vault"))
}

pub fn open(dir: &Path, source: passphrase::Source) -> Result<Vault> {
    let pass = source.current("Vault passphrase: ")?;
    Ok(Vault::open(dir, &pass)?)
}

pub fn init(dir: &Path, source: passphrase::Source, t: &Texts) -> Result<ExitCode> {
    eprintln!("{}", t.t("cli-vault-init-warning", &[]));
    let pass = source.new_passphrase("New vault passphrase: ", "Type it again: ", true)?;
    let v = Vault::init(dir, &pass, KdfParams::DEFAULT)?;
    let info = v.info()?;
    println!(
        "{}",
        t.t(
            "cli-vault-created",
            &[("dir", dir.display().to_string()), ("id", info.vault_id)]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn unlock(dir: &Path, source: passphrase::Source, t: &Texts) -> Result<ExitCode> {
    let v = open(dir, source)?;
    let info = v.info()?;
    println!(
        "{}",
        t.t(
            "cli-vault-unlocked",
            &[("id", info.vault_id), ("cases", info.cases.to_string())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn passwd(dir: &Path, source: passphrase::Source, t: &Texts) -> Result<ExitCode> {
    let mut v = open(dir, source)?;
    let new = source.new_passphrase("New passphrase: ", "Type it again: ", false)?;
    v.change_passphrase(&new, KdfParams::DEFAULT)?;
    println!("{}", t.t("cli-vault-passwd-done", &[]));
    Ok(ExitCode::SUCCESS)
}

pub fn info(dir: &Path, source: passphrase::Source, json: bool) -> Result<ExitCode> {
    let v = open(dir, source)?;
    let info = v.info()?;
    if json {
        println!("{}", serde_json::to_string_pretty(&info)?);
    } else {
        println!("vault      {}", info.dir.display());
        println!("id         {}", info.vault_id);
        println!("created    {}", info.created);
        println!("sqlcipher  {}", info.cipher_version.as_deref().unwrap_or("-"));
        println!("schema     {}", info.schema_version);
        println!("cases      {}", info.cases);
        println!(
            "kdf        argon2id m={} KiB t={} p={}",
            info.kdf.m_kib, info.kdf.t, info.kdf.p
        );
        println!(
            "size       {} bytes (+ {} in the write-ahead log)",
            info.db_bytes, info.wal_bytes
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn check(dir: &Path, source: passphrase::Source, t: &Texts) -> Result<ExitCode> {
    let v = open(dir, source)?;
    let problems = v.check()?;
    if problems.is_empty() {
        println!("{}", t.t("cli-vault-check-ok", &[]));
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        println!("{p}");
    }
    println!(
        "{}",
        t.t("cli-vault-check-problems", &[("count", problems.len().to_string())])
    );
    Ok(ExitCode::FAILURE)
}
