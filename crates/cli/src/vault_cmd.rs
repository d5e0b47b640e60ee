//! `fieldscreen vault init|unlock|passwd|info|check`.

use crate::passphrase;
use crate::texts::Texts;
use anyhow::{Context, Result};
use fieldscreen_vault::{DuressAction, KdfParams, Policy, Vault, VaultError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The vault directory: `--vault` (or `FIELDSCREEN_VAULT`), else the one every front end uses.
pub fn dir(explicit: Option<&Path>) -> Result<PathBuf> {
    match explicit {
        Some(d) => Ok(d.to_path_buf()),
        None => Ok(fieldscreen_vault::default_dir()?),
    }
}

/// What the countdown before an owed wait says, in the interface language (set at start).
pub static WAIT_LABEL: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Unlocks the vault. A wait owed for earlier wrong passphrases is served here, in this run,
/// with a countdown: ending the program and starting again starts the wait again.
pub fn open(dir: &Path, source: passphrase::Source) -> Result<Vault> {
    let pass = source.current("Vault passphrase: ")?;
    loop {
        match Vault::open(dir, &pass) {
            Err(VaultError::LockedOut { wait_secs, failed }) => {
                let label = WAIT_LABEL.get().map_or("", String::as_str);
                for left in (1..=wait_secs).rev() {
                    eprint!("\r{label} ({failed}) {left} s   ");
                    std::thread::sleep(std::time::Duration::from_secs(1));
                }
                eprintln!();
            }
            other => return Ok(other?),
        }
    }
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

pub fn passwd(dir: &Path, source: passphrase::Source, rekey: bool, t: &Texts) -> Result<ExitCode> {
    let mut v = open(dir, source)?;
    let new = source.new_passphrase("New passphrase: ", "Type it again: ", false)?;
    if rekey {
        eprintln!("{}", t.t("cli-vault-rekeying", &[]));
    }
    v.change_passphrase(&new, KdfParams::DEFAULT, rekey)?;
    let done = if rekey {
        "cli-vault-passwd-rekeyed"
    } else {
        "cli-vault-passwd-done"
    };
    println!("{}", t.t(done, &[]));
    Ok(ExitCode::SUCCESS)
}

pub fn duress(dir: &Path, source: passphrase::Source, action: Option<&str>, off: bool, t: &Texts) -> Result<ExitCode> {
    let mut v = open(dir, source)?;
    if off {
        v.clear_duress()?;
        println!("{}", t.t("cli-vault-duress-off", &[]));
        return Ok(ExitCode::SUCCESS);
    }
    let Some(name) = action else {
        match v.duress_action()? {
            Some(a) => println!(
                "{}",
                t.t("cli-vault-duress-current", &[("action", a.name().to_string())])
            ),
            None => println!("{}", t.t("cli-vault-duress-none", &[])),
        }
        println!("{}", t.t("cli-vault-duress-explain", &[]));
        return Ok(ExitCode::SUCCESS);
    };
    let action = DuressAction::parse(name)?;
    eprintln!("{}", t.t("cli-vault-duress-explain", &[]));
    let pass = passphrase::duress_passphrase(t)?;
    fieldscreen_report::synthetic::set_duress(
        &mut v,
        &pass,
        action,
        KdfParams::DEFAULT,
        jiff::ZonedDateTime::now().date(),
    )?;
    println!(
        "{}",
        t.t("cli-vault-duress-set", &[("action", action.name().to_string())])
    );
    Ok(ExitCode::SUCCESS)
}

pub fn erase_after(
    dir: &Path,
    source: passphrase::Source,
    attempts: &str,
    show_remaining: bool,
    t: &Texts,
) -> Result<ExitCode> {
    // Which numbers are allowed is the vault's to say (`set_policy`).
    let erase_after = match attempts {
        "off" => None,
        n => Some(
            n.parse::<u32>()
                .with_context(|| format!("`{n}` is not a number of attempts, nor `off`"))?,
        ),
    };
    let mut v = open(dir, source)?;
    v.set_policy(Policy {
        erase_after,
        show_remaining,
    })?;
    match erase_after {
        Some(n) => println!("{}", t.t("cli-vault-erase-set", &[("attempts", n.to_string())])),
        None => println!("{}", t.t("cli-vault-erase-off", &[])),
    }
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

/// Shows, sets (`kind`) or forgets (`off`) the kind of organisation that screens on this
/// device. Cases created from then on record it.
pub fn organisation(dir: &Path, source: passphrase::Source, kind: Option<&str>, off: bool) -> Result<ExitCode> {
    use fieldscreen_vault::OrganisationType;
    let mut v = open(dir, source)?;
    let chosen = match (kind, off) {
        (Some(name), _) => Some(OrganisationType::parse(name).with_context(|| {
            format!(
                "unknown organisation type `{name}`; one of: {}",
                OrganisationType::names()
            )
        })?),
        (None, true) => None,
        (None, false) => {
            match v.organisation_type()? {
                Some(o) => println!("{o}"),
                None => println!("not set (one of: {})", OrganisationType::names()),
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    v.set_organisation_type(chosen)?;
    println!("{}", chosen.map_or("not set", |o| o.name()));
    Ok(ExitCode::SUCCESS)
}
