//! Getting the passphrase without it ever appearing in a process list or a log: typed without
//! echo on the terminal, or for scripts from `FIELDSCREEN_PASSPHRASE` or a file descriptor.

use anyhow::{Context, Result, bail};
use std::io::IsTerminal;
use zeroize::Zeroizing;

pub const ENV: &str = "FIELDSCREEN_PASSPHRASE";
pub const ENV_NEW: &str = "FIELDSCREEN_NEW_PASSPHRASE";

/// Where the current passphrase comes from.
#[derive(Clone, Copy, Default)]
pub struct Source {
    pub fd: Option<u32>,
}

fn from_fd(fd: u32) -> Result<Zeroizing<String>> {
    let path = format!("/dev/fd/{fd}");
    let text = Zeroizing::new(
        std::fs::read_to_string(&path).with_context(|| format!("reading the passphrase from file descriptor {fd}"))?,
    );
    Ok(Zeroizing::new(text.lines().next().unwrap_or("").to_string()))
}

fn prompt(label: &str) -> Result<Zeroizing<String>> {
    if !std::io::stdin().is_terminal() && !std::path::Path::new("/dev/tty").exists() {
        bail!("no passphrase: type it on a terminal, or set {ENV}, or use --passphrase-fd");
    }
    Ok(Zeroizing::new(
        rpassword::prompt_password(label).context("reading the passphrase")?,
    ))
}

impl Source {
    pub fn current(&self, label: &str) -> Result<Zeroizing<String>> {
        if let Some(fd) = self.fd {
            return from_fd(fd);
        }
        if let Ok(p) = std::env::var(ENV) {
            return Ok(Zeroizing::new(p));
        }
        prompt(label)
    }

    /// A new passphrase: from `FIELDSCREEN_NEW_PASSPHRASE` (or, for `vault init`, the same
    /// sources as the current one), else typed twice.
    pub fn new_passphrase(&self, label: &str, again: &str, allow_current_sources: bool) -> Result<Zeroizing<String>> {
        if let Ok(p) = std::env::var(ENV_NEW) {
            return Ok(Zeroizing::new(p));
        }
        if allow_current_sources {
            if let Some(fd) = self.fd {
                return from_fd(fd);
            }
            if let Ok(p) = std::env::var(ENV) {
                return Ok(Zeroizing::new(p));
            }
        }
        typed_twice(label, again)
    }
}

/// A new passphrase typed twice; refused when the two differ.
fn typed_twice(label: &str, again: &str) -> Result<Zeroizing<String>> {
    let first = prompt(label)?;
    let second = prompt(again)?;
    if *first != *second {
        bail!("the two passphrases differ; nothing was changed");
    }
    Ok(first)
}

/// The passphrase that seals an export file: never the vault's own, so that handing the file
/// and its passphrase to a case system gives no way into the device.
pub const ENV_EXPORT: &str = "FIELDSCREEN_EXPORT_PASSPHRASE";

/// A new export passphrase: from `FIELDSCREEN_EXPORT_PASSPHRASE`, else typed twice.
pub fn export_passphrase(t: &crate::texts::Texts) -> Result<Zeroizing<String>> {
    from_env_or_typed_twice(ENV_EXPORT, "cli-export-passphrase", t)
}

/// A new secret from `env`, else typed twice at the prompt `label` (a message key).
fn from_env_or_typed_twice(env: &str, label: &str, t: &crate::texts::Texts) -> Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var(env) {
        return Ok(Zeroizing::new(p));
    }
    typed_twice(&t.t(label, &[]), &t.t("cli-export-passphrase-again", &[]))
}

/// The passphrase a new sealed export is sealed under: typed twice (or from the environment),
/// and long enough.
pub fn new_export_passphrase(t: &crate::texts::Texts) -> Result<Zeroizing<String>> {
    let p = export_passphrase(t)?;
    let min = fieldscreen_vault::MIN_PASSPHRASE_CHARS;
    if p.chars().count() < min {
        bail!("{}", t.t("cli-export-passphrase-short", &[("min", min.to_string())]));
    }
    Ok(p)
}

/// The passphrase of an existing sealed file.
pub fn export_passphrase_once(t: &crate::texts::Texts) -> Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var(ENV_EXPORT) {
        return Ok(Zeroizing::new(p));
    }
    prompt(&t.t("cli-export-passphrase", &[]))
}

/// The duress passphrase: never the vault's own (the vault checks).
pub const ENV_DURESS: &str = "FIELDSCREEN_DURESS_PASSPHRASE";

/// A new duress passphrase: from `FIELDSCREEN_DURESS_PASSPHRASE`, else typed twice.
pub fn duress_passphrase(t: &crate::texts::Texts) -> Result<Zeroizing<String>> {
    from_env_or_typed_twice(ENV_DURESS, "cli-duress-passphrase", t)
}
