//! What the running app holds: the bundled protocols and strings, the unlocked vault (if any) and
//! the interview in progress (if any).

use fieldscreen_catalog::{AppStrings, ProtocolSource, bundled};
use fieldscreen_protocol::Session;
use fieldscreen_vault::{Recorder, Vault};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::{Duration, Instant};

pub struct Interview {
    /// The protocol and its child branch; the session runs one of them.
    pub protocols: fieldscreen_catalog::Interview,
    pub session: Session,
    pub recorder: Recorder,
    pub lang: String,
    pub respondent: Option<String>,
}

pub struct Inner {
    pub vault_dir: PathBuf,
    pub vault: Option<Vault>,
    pub protocols: Vec<ProtocolSource>,
    pub app: AppStrings,
    pub interview: Option<Interview>,
}

pub struct AppState {
    inner: Mutex<Inner>,
    /// Raised while a lock is under way: relay calls return at once, a report stops reading,
    /// and whatever held the state lets go of it.
    cancel: Arc<AtomicBool>,
}

/// How long locking waits for running work to let go before it reports failure (the work checks
/// the cancel flag every few milliseconds, so this is a bound, not a typical time).
const LOCK_DEADLINE: Duration = Duration::from_millis(900);

/// `FIELDSCREEN_VAULT`, else the platform's data directory.
fn vault_dir() -> PathBuf {
    if let Ok(d) = std::env::var("FIELDSCREEN_VAULT") {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("org", "FieldScreen", "FieldScreen")
        .map_or_else(|| PathBuf::from("fieldscreen-vault"), |d| d.data_dir().join("vault"))
}

impl AppState {
    pub fn new() -> AppState {
        let cancel = Arc::new(AtomicBool::new(false));
        fieldscreen_sync::cancel_when(cancel.clone());
        AppState {
            inner: Mutex::new(Inner {
                vault_dir: vault_dir(),
                vault: None,
                protocols: bundled::protocols(),
                app: bundled::app_strings(),
                interview: None,
            }),
            cancel,
        }
    }

    pub fn guard(&self) -> Result<MutexGuard<'_, Inner>, PoisonError<MutexGuard<'_, Inner>>> {
        self.inner.lock()
    }

    /// Whether long work should stop now (a lock is under way).
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }

    /// Closes the vault and forgets the interview on screen, whatever else is running: long
    /// work is told to stop and the state is taken as soon as it lets go, even from a command
    /// that panicked. Dropping the vault closes the database (SQLCipher wipes its pages and
    /// key) and zeroizes the key; the allocator wipes every freed document and string.
    /// Returns false if the state could not be had within `LOCK_DEADLINE`.
    pub fn lock_now(&self) -> bool {
        self.cancel.store(true, Ordering::SeqCst);
        let started = Instant::now();
        let locked = loop {
            match self.inner.try_lock() {
                Ok(mut inner) => break Self::close(&mut inner),
                Err(TryLockError::Poisoned(p)) => break Self::close(&mut p.into_inner()),
                Err(TryLockError::WouldBlock) if started.elapsed() < LOCK_DEADLINE => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => break false,
            }
        };
        self.cancel.store(false, Ordering::SeqCst);
        locked
    }

    fn close(inner: &mut Inner) -> bool {
        inner.interview = None;
        inner.vault = None;
        true
    }
}
