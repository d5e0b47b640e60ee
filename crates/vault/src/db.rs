//! Opening the SQLCipher database: the raw key, the check that encryption is really active, and
//! the settings every connection uses.

use crate::VaultError;
use rusqlite::{Connection, OptionalExtension};
use std::path::Path;
use zeroize::Zeroizing;

/// The database file in a vault's directory.
pub const DB_FILE: &str = "vault.db";

/// How durable a commit is. See ARCHITECTURE.md for the measurements behind the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// WAL + `synchronous=FULL`: the WAL is synced at every commit, so an acknowledged answer
    /// survives a power cut as well as a crash.
    PowerLoss,
    /// WAL + `synchronous=NORMAL`: survives a crash of the app, may lose the last commits on
    /// power loss. Only for measurements.
    ProcessCrash,
}

/// Gives `conn` its raw 256-bit key (no second key derivation) and checks that SQLCipher, not
/// plain SQLite, took it.
fn key(conn: &Connection, key: &[u8; 32]) -> Result<(), VaultError> {
    // SQLCipher writes its own diagnostics to stderr unless told not to.
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
    // SQLCipher then wipes every block it frees and locks its key material in memory; once on,
    // it stays on for the whole process.
    conn.execute_batch("PRAGMA cipher_memory_security = ON;")?;
    let hex_key = Zeroizing::new(hex::encode(key));
    let statement = Zeroizing::new(format!("PRAGMA key = \"x'{}'\";", hex_key.as_str()));
    conn.execute_batch(&statement)?;
    // Plain SQLite ignores PRAGMA key silently; SQLCipher answers this one.
    let version: Option<String> = conn.query_row("PRAGMA cipher_version", [], |r| r.get(0)).optional()?;
    if version.is_none() {
        return Err(VaultError::NotEncrypted);
    }
    Ok(())
}

/// Re-encrypts the whole database under `new_key`. The rollback journal (not the write-ahead
/// log) is used meanwhile, so a crash part-way rolls back to the old key at the next open.
pub fn rekey(conn: &Connection, new_key: &[u8; 32]) -> Result<(), VaultError> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(VaultError::Document(format!(
            "could not leave the write-ahead log to re-key (got {mode})"
        )));
    }
    let hex_key = Zeroizing::new(hex::encode(new_key));
    let statement = Zeroizing::new(format!("PRAGMA rekey = \"x'{}'\";", hex_key.as_str()));
    conn.execute_batch(&statement)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(VaultError::Document(format!(
            "could not return to the write-ahead log (got {mode})"
        )));
    }
    Ok(())
}

/// Opens (or creates) the database file with its key.
pub fn open_encrypted(path: &Path, raw_key: &[u8; 32], durability: Durability) -> Result<Connection, VaultError> {
    let conn = Connection::open(path)?;
    key(&conn, raw_key)?;
    // PRAGMA key succeeds with any key; the first read tells whether it opens the file.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        .map_err(|_| {
            VaultError::Damaged(
                "the key in vault.key does not open vault.db, so one of the two was altered or damaged".into(),
            )
        })?;
    configure(&conn, durability)?;
    Ok(conn)
}

/// An encrypted database that lives only in memory (no WAL there): for simulations.
pub fn open_memory(raw_key: &[u8; 32]) -> Result<Connection, VaultError> {
    let conn = Connection::open_in_memory()?;
    key(&conn, raw_key)?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;")?;
    Ok(conn)
}

/// The settings every vault connection uses, encrypted or not.
pub fn configure(conn: &Connection, durability: Durability) -> Result<(), VaultError> {
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(VaultError::Document(format!(
            "could not switch the journal to WAL (got {mode})"
        )));
    }
    let sync = match durability {
        Durability::PowerLoss => "FULL",
        Durability::ProcessCrash => "NORMAL",
    };
    conn.execute_batch(&format!(
        "PRAGMA synchronous = {sync};
         PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = -16000;
         PRAGMA busy_timeout = 5000;"
    ))?;
    Ok(())
}

pub fn cipher_version(conn: &Connection) -> Option<String> {
    conn.query_row("PRAGMA cipher_version", [], |r| r.get(0))
        .optional()
        .ok()
        .flatten()
}

/// SQLCipher's page-by-page authentication check, then SQLite's structural one. Empty when sound.
pub fn integrity_problems(conn: &Connection) -> Result<Vec<String>, VaultError> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA cipher_integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    for r in rows {
        problems.push(r?);
    }
    if problems.is_empty() {
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for r in rows {
            let r = r?;
            if r != "ok" {
                problems.push(r);
            }
        }
    }
    Ok(problems)
}
