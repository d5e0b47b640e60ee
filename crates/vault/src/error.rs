use std::path::PathBuf;

/// Every way opening or using a vault can fail, each worded for the person in front of it.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    /// No vault in this directory yet.
    #[error("there is no vault in {0}; create one with `fieldscreen vault init`")]
    NoVault(PathBuf),
    /// The system has no data directory and none was named.
    #[error("this system has no data directory to keep the vault in; name one with FIELDSCREEN_VAULT")]
    NoDataDirectory,
    /// A vault is there already; it is never overwritten.
    #[error("a vault already exists in {0}")]
    AlreadyExists(PathBuf),
    /// The passphrase opened nothing (or a duress passphrase acts as a wrong one).
    #[error("wrong passphrase ({failed} failed attempt(s) in a row){}{}", if *wait_secs > 0 { format!("; wait {wait_secs} s before the next try") } else { String::new() }, match remaining { Some(n) => format!("; {n} attempt(s) left before the vault is erased"), None => String::new() })]
    WrongPassphrase {
        /// Wrong passphrases in a row, this one included.
        failed: u32,
        /// Seconds the next attempt must wait.
        wait_secs: i64,
        /// Attempts left before the key is destroyed, when the worker chose to see them.
        remaining: Option<u32>,
    },
    /// An attempt came before the wait earlier wrong passphrases owe was over.
    #[error("too many wrong passphrases ({failed} in a row): wait {wait_secs} s before trying again")]
    LockedOut {
        /// Wrong passphrases in a row.
        failed: u32,
        /// Seconds left to wait.
        wait_secs: i64,
    },
    /// A new passphrase shorter than the minimum.
    #[error("the passphrase must have at least {0} characters")]
    WeakPassphrase(usize),
    /// A new passphrase too easy to guess.
    #[error("this passphrase is too easy to guess: {0}")]
    GuessablePassphrase(String),
    /// The attempt could not be counted first, so it was not made.
    #[error("the attempt could not be counted ({0}), so it was not made")]
    CounterUnwritable(String),
    /// The duress passphrase is the real one.
    #[error("the duress passphrase must differ from the vault's passphrase")]
    DuressSameAsReal,
    /// No duress action has that name.
    #[error("unknown duress action `{0}`: one of {names}", names = crate::DuressAction::ALL.map(|a| a.name()).join(", "))]
    UnknownDuressAction(String),
    /// Erasure after a number of wrong passphrases the worker may not choose.
    #[error("the key can be destroyed after {choices} wrong passphrases in a row, not {0}", choices = crate::ERASE_AFTER_CHOICES.map(|n| n.to_string()).join(", "))]
    EraseAfterChoice(u32),
    /// Long work stopped because the vault was locked.
    #[error("stopped: the vault was locked")]
    Cancelled,
    /// The practice vault cannot change what protects the real one.
    #[error("this setting cannot be changed here")]
    NotAvailable,
    /// The key file is damaged or cannot be written.
    #[error("key file: {0}")]
    KeyFile(String),
    /// SQLite without SQLCipher: nothing would be encrypted.
    #[error("this build's SQLite cannot encrypt (SQLCipher is missing); refusing to store anything")]
    NotEncrypted,
    /// A page failed authentication, or the key does not open the database.
    #[error(
        "the vault database is damaged or was modified ({0}). Nothing was changed: keep a copy of the vault directory and run `fieldscreen vault check`"
    )]
    Damaged(String),
    /// A case cannot be marked as the same person as itself.
    #[error("a case cannot be the same person as itself; name the earlier case")]
    SamePersonItself,
    /// No case has this id.
    #[error("no case `{0}` in this vault")]
    UnknownCase(String),
    /// A case document could not be read or changed.
    #[error("case document: {0}")]
    Document(String),
    /// The database failed.
    #[error("database: {0}")]
    Sql(rusqlite::Error),
    /// A file could not be read or written. The cause is part of the message (and so not also
    /// a `source`, which would print it twice in an error chain).
    #[error("cannot read or write {path}: {reason}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the system said.
        reason: std::io::Error,
    },
    /// The system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
}

impl From<rusqlite::Error> for VaultError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        match e.sqlite_error_code() {
            // SQLCipher reports a page whose authentication code does not match as one of these.
            Some(DatabaseCorrupt | NotADatabase) => VaultError::Damaged(e.to_string()),
            _ => VaultError::Sql(e),
        }
    }
}

/// Maps an I/O failure on `path` to the vault's error.
pub(crate) fn io_error(path: &std::path::Path) -> impl Fn(std::io::Error) -> VaultError + '_ {
    move |reason| VaultError::Io {
        path: path.to_path_buf(),
        reason,
    }
}
