//! Wrong passphrases, counted and waited for.
//!
//! The count lives in its own file (`vault.attempts`) so that a failed attempt never rewrites the
//! wrapped key. It is raised *before* the passphrase is tried: a crash or a pulled battery
//! during the attempt still counts it, and an attempt whose count cannot be written is refused.
//! A missing or unreadable count is taken as the worst one.
//!
//! The wait the count asks for is served within one run of the program, on the monotonic
//! clock, from the start of the run or the last failure in it: moving the device's clock does
//! not shorten it, and neither does restarting, which starts the wait again. None of this holds
//! against someone who copies the files; there, only the passphrase and Argon2id protect.

use crate::VaultError;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// The count of wrong passphrases, in a vault's directory.
pub const FILE_NAME: &str = "vault.attempts";
/// Wrong passphrases allowed before each further attempt must wait.
const FREE_ATTEMPTS: u32 = 3;
/// The first wait; it doubles with each further failure, up to `MAX_WAIT`.
const FIRST_WAIT: Duration = Duration::from_secs(5);
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
/// The count a missing or unreadable counter stands for: enough for the longest wait.
const WORST: u32 = FREE_ATTEMPTS + 10;

/// How long the next attempt must wait after `failed` wrong passphrases in a row.
pub fn wait_for(failed: u32) -> Duration {
    let over = failed.saturating_sub(FREE_ATTEMPTS);
    if over == 0 {
        return Duration::ZERO;
    }
    FIRST_WAIT.saturating_mul(1u32 << (over - 1).min(20)).min(MAX_WAIT)
}

fn run_start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// Starts this run's clock. Programs call it as they start, so that the time spent on the
/// unlock screen counts towards a wait.
pub fn start_run() {
    run_start();
}

fn last_failures() -> &'static Mutex<HashMap<PathBuf, Instant>> {
    static LAST: OnceLock<Mutex<HashMap<PathBuf, Instant>>> = OnceLock::new();
    LAST.get_or_init(|| Mutex::new(HashMap::new()))
}

/// What is left of the wait for the vault in `dir` after `failed` wrong passphrases.
pub fn remaining(dir: &Path, failed: u32) -> Duration {
    let since = last_failures()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(dir)
        .copied()
        .unwrap_or_else(run_start);
    wait_for(failed).saturating_sub(since.elapsed())
}

pub(crate) fn record_failure(dir: &Path) {
    record_failure_at(dir, Instant::now());
}

pub(crate) fn record_failure_at(dir: &Path, at: Instant) {
    run_start();
    last_failures()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(dir.to_path_buf(), at);
}

pub(crate) fn clear_failures(dir: &Path) {
    last_failures()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(dir);
}

/// The number of wrong passphrases in a row; the worst count if the file is missing or
/// unreadable (unless a first-format key file still carries the count: `legacy`).
pub fn read(dir: &Path, legacy: Option<u32>) -> u32 {
    match std::fs::read_to_string(dir.join(FILE_NAME)) {
        Ok(text) => text.trim().parse().unwrap_or(WORST),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => legacy.unwrap_or(WORST),
        Err(_) => WORST,
    }
}

/// Writes the count durably. An error here refuses the attempt it was meant to count.
pub fn write(dir: &Path, failed: u32) -> Result<(), VaultError> {
    let path = dir.join(FILE_NAME);
    let refused = |e: std::io::Error| VaultError::CounterUnwritable(e.to_string());
    let tmp = dir.join(format!("{FILE_NAME}.tmp"));
    {
        use std::io::Write;
        let mut f = std::fs::File::create(&tmp).map_err(refused)?;
        f.write_all(failed.to_string().as_bytes()).map_err(refused)?;
        f.sync_all().map_err(refused)?;
    }
    std::fs::rename(&tmp, &path).map_err(refused)?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_from_the_fourth_failure_and_are_capped() {
        assert_eq!(wait_for(3), Duration::ZERO);
        assert_eq!(wait_for(4), Duration::from_secs(5));
        assert_eq!(wait_for(5), Duration::from_secs(10));
        assert_eq!(wait_for(40), MAX_WAIT);
        assert_eq!(wait_for(WORST), MAX_WAIT);
    }

    #[test]
    fn a_missing_or_garbled_count_is_the_worst() {
        let dir = tempfile::tempdir().expect("dir");
        assert_eq!(read(dir.path(), None), WORST);
        assert_eq!(read(dir.path(), Some(2)), 2);
        write(dir.path(), 4).expect("write");
        assert_eq!(read(dir.path(), None), 4);
        std::fs::write(dir.path().join(FILE_NAME), "x").expect("garble");
        assert_eq!(read(dir.path(), None), WORST);
    }

    #[test]
    fn the_wait_runs_from_the_last_failure_in_this_run() {
        let dir = tempfile::tempdir().expect("dir");
        record_failure(dir.path());
        let left = remaining(dir.path(), 4);
        assert!(
            left > Duration::from_secs(4) && left <= Duration::from_secs(5),
            "{left:?}"
        );
        clear_failures(dir.path());
    }

    #[test]
    fn an_unwritable_count_refuses() {
        let dir = tempfile::tempdir().expect("dir");
        let missing = dir.path().join("gone");
        assert!(matches!(write(&missing, 1), Err(VaultError::CounterUnwritable(_))));
    }
}
