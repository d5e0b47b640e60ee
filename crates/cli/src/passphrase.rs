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
        let first = prompt(label)?;
        let second = prompt(again)?;
        if *first != *second {
            bail!("the two passphrases differ; nothing was changed");
        }
        Ok(first)
    }
}
