//! What the running app holds: the bundled protocols and strings, the unlocked vault (if any) and
//! the interview in progress (if any).

use fieldscreen_catalog::Catalog;
use fieldscreen_protocol::Session;
use fieldscreen_vault::{Recorder, Vault};
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
    /// Set while the respondent answers alone (`handover`).
    pub handed_over: Option<crate::handover::HandOver>,
}

pub struct Inner {
    pub vault: Option<Vault>,
    /// The bundled protocols and strings: the one place a protocol is found by id.
    pub catalog: Catalog,
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

impl AppState {
    pub fn new() -> AppState {
        let cancel = Arc::new(AtomicBool::new(false));
        fieldscreen_sync::cancel_when(cancel.clone());
        AppState {
            inner: Mutex::new(Inner {
                vault: None,
                catalog: Catalog::bundled(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn locking_takes_the_state_from_a_command_that_panicked() {
        let state = Arc::new(AppState::new());
        let s = state.clone();
        let _ = std::thread::spawn(move || {
            let _held = s.guard().unwrap_or_else(PoisonError::into_inner);
            panic!("a command fails while holding the state");
        })
        .join();
        assert!(state.guard().is_err(), "the state is poisoned");
        assert!(state.lock_now(), "locking works all the same");
    }

    /// A worker holding the state as long work does: until the cancel flag is raised (`heeds`)
    /// or, ignoring it, for twice the lock's deadline. Returns once it holds the state.
    fn hold(state: &Arc<AppState>, heeds: bool) -> std::thread::JoinHandle<()> {
        let s = state.clone();
        let (holding, held) = mpsc::channel();
        let worker = std::thread::spawn(move || {
            let _held = s.guard().expect("state");
            holding.send(()).expect("send");
            let until = Instant::now() + LOCK_DEADLINE * 2;
            while Instant::now() < until && !(heeds && s.cancelled()) {
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        held.recv().expect("the worker holds the state");
        worker
    }

    #[test]
    fn locking_stops_long_work_and_takes_the_state_when_it_lets_go() {
        let state = Arc::new(AppState::new());
        let worker = hold(&state, true);
        let start = Instant::now();
        assert!(state.lock_now());
        assert!(start.elapsed() < LOCK_DEADLINE);
        worker.join().expect("worker");
        assert!(!state.cancelled(), "the flag is lowered once locked");
    }

    #[test]
    fn locking_says_so_when_work_never_lets_go() {
        let state = Arc::new(AppState::new());
        let worker = hold(&state, false);
        assert!(!state.lock_now(), "not locked, and not claimed to be");
        worker.join().expect("worker");
        assert!(state.lock_now());
    }
}
