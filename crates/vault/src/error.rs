use std::path::PathBuf;

/// Every way opening or using a vault can fail, each worded for the person in front of it.
#[derive(Debug, thiserror::Error)]
pub enum VaultError {
    #[error("there is no vault in {0}; create one with `fieldscreen vault init`")]
    NoVault(PathBuf),
    #[error("this system has no data directory to keep the vault in; name one with FIELDSCREEN_VAULT")]
    NoDataDirectory,
    #[error("a vault already exists in {0}")]
    AlreadyExists(PathBuf),
    #[error("wrong passphrase ({failed} failed attempt(s) in a row){}{}", if *wait_secs > 0 { format!("; wait {wait_secs} s before the next try") } else { String::new() }, match remaining { Some(n) => format!("; {n} attempt(s) left before the vault is erased"), None => String::new() })]
    WrongPassphrase {
        failed: u32,
        wait_secs: i64,
        /// Attempts left before the key is destroyed, when the worker chose to see them.
        remaining: Option<u32>,
    },
    #[error("too many wrong passphrases ({failed} in a row): wait {wait_secs} s before trying again")]
    LockedOut { failed: u32, wait_secs: i64 },
    #[error("the passphrase must have at least {0} characters")]
    WeakPassphrase(usize),
    #[error("this passphrase is too easy to guess: {0}")]
    GuessablePassphrase(String),
    #[error("the attempt could not be counted ({0}), so it was not made")]
    CounterUnwritable(String),
    #[error("the duress passphrase must differ from the vault's passphrase")]
    DuressSameAsReal,
    #[error("unknown duress action `{0}`: one of decoy, wrong, destroy-decoy, destroy-wrong")]
    UnknownDuressAction(String),
    #[error("the key can be destroyed after 5, 10 or 20 wrong passphrases in a row, not {0}")]
    EraseAfterChoice(u32),
    #[error("stopped: the vault was locked")]
    Cancelled,
    #[error("this setting cannot be changed here")]
    NotAvailable,
    #[error("key file: {0}")]
    KeyFile(String),
    #[error("this build's SQLite cannot encrypt (SQLCipher is missing); refusing to store anything")]
    NotEncrypted,
    #[error(
        "the vault database is damaged or was modified ({0}). Nothing was changed: keep a copy of the vault directory and run `fieldscreen vault check`"
    )]
    Damaged(String),
    #[error("no case `{0}` in this vault")]
    UnknownCase(String),
    #[error("case document: {0}")]
    Document(String),
    #[error("database: {0}")]
    Sql(rusqlite::Error),
    /// The cause is part of the message (and so not also a `source`, which would print it twice
    /// in an error chain).
    #[error("cannot read or write {path}: {reason}")]
    Io { path: PathBuf, reason: std::io::Error },
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
