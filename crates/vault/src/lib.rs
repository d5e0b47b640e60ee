//! The encrypted vault: every answer durable and encrypted from the first keystroke.
//!
//! A vault is a directory with `vault.key` (the database key, wrapped by the passphrase) and
//! `vault.db` (SQLCipher). Each case is one Automerge document, stored as a snapshot plus the
//! changes saved since; each answer is one change, committed before the interview moves on.
#![warn(missing_docs)]

pub mod attempts;
mod audit;
mod case_doc;
mod case_state;
mod db;
mod error;
mod keyfile;
mod location;
mod organisation;
mod recorder;
mod schema;
mod seal;
mod sync_ledger;
mod sync_store;

pub use audit::{AuditAction, AuditEntry};
pub use case_doc::{CaseDoc, CaseMeta, HistoryEntry};
pub use case_state::CaseState;
pub use db::{DB_FILE, Durability};
pub use error::VaultError;
pub use keyfile::{DuressAction, ERASE_AFTER_CHOICES, KdfParams, KeyFile, Policy, SecretKey};
pub use location::{DIR_ENV, default_dir, exists};
pub use organisation::OrganisationType;
pub use recorder::{Recorder, case_index, index_of_doc, indexer, resume_session, session_of};
pub use seal::{is_sealed, seal, sealed_content, unseal};
pub use sync_ledger::{Gap, Ledger, Quarantined};
pub use sync_store::{Batch, CaseUpdate, Received};

use keyfile::{DURESS_SLOT, Opened, REAL_SLOT, SlotContent};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// Every program that links the vault (the CLI, the app, their tests) wipes each heap block as
/// it is freed: once a locked vault's documents and strings are dropped, no copy of an answer
/// lingers in freed memory for someone who reads the process's memory.
#[global_allocator]
static WIPE_ON_FREE: zeroizing_alloc::ZeroAlloc<std::alloc::System> = zeroizing_alloc::ZeroAlloc(std::alloc::System);

/// Fewer characters than this are refused outright.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The least zxcvbn score (0–4) a new vault passphrase must reach: 3 is "safely unguessable"
/// (about 10^10 guesses), which Argon2id at ~0.3 s a guess turns into decades on one machine.
pub const MIN_PASSPHRASE_SCORE: u8 = 3;
/// The practice vault's database, opened by a duress passphrase that was set to show it.
pub const DECOY_DB_FILE: &str = "practice.db";
/// Where the real vault remembers which duress answer is set (the duress slot cannot say
/// without its passphrase).
const DURESS_META: &str = "duress-action";
/// A case's changes are folded into a snapshot once it has this many.
pub const COMPACT_AFTER: i64 = 64;
/// Where, in the encrypted database's sync state, the 64 random bytes this device's own team
/// keys (signing and key agreement) are made from are kept. They never leave the vault.
pub const DEVICE_SECRET: &str = "device-keys";

/// What the listing shows of a case, derived from its document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CaseSummary {
    /// The case's id.
    pub id: String,
    /// Its protocol.
    pub protocol_id: String,
    /// The protocol's version it was recorded with.
    pub protocol_version: String,
    /// When its interview began (RFC 3339), the same on every device.
    pub created_at: String,
    /// When it last changed on this device (RFC 3339).
    pub updated_at: String,
    /// Where it stands.
    pub state: CaseState,
    /// The outcome level (or `incomplete`), once the interview has ended.
    pub level: Option<String>,
    /// `adult` or `child`, once the age gate has placed the person.
    pub age_group: Option<String>,
    /// The consent choice given.
    pub consent: Option<String>,
    /// Questions answered.
    pub answer_count: i64,
}

/// The listing columns a write updates, computed from the document by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseIndex {
    /// Where it stands.
    pub state: CaseState,
    /// The outcome level (or `incomplete`), once the interview has ended.
    pub level: Option<String>,
    /// `adult` or `child`, once the age gate has placed the person.
    pub age_group: Option<String>,
    /// The consent choice given.
    pub consent: Option<String>,
    /// Questions answered.
    pub answer_count: i64,
}

/// Which cases a listing shows.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only cases in this state.
    pub state: Option<CaseState>,
    /// Only cases with this level (or `incomplete`).
    pub level: Option<String>,
    /// Inclusive bounds on the last update, compared as RFC 3339 text (a date prefix works).
    pub updated_from: Option<String>,
    /// The upper bound, inclusive: a date takes the whole day.
    pub updated_to: Option<String>,
    /// Case id prefix.
    pub id_prefix: Option<String>,
    /// At most this many, newest first (a page of the list).
    pub limit: Option<usize>,
}

/// What `vault info` shows: nothing about any person.
#[derive(Debug, Clone, serde::Serialize)]
pub struct VaultInfo {
    /// The vault's directory.
    pub dir: PathBuf,
    /// The vault's id (the practice vault has the same).
    pub vault_id: String,
    /// When it was created (RFC 3339).
    pub created: String,
    /// SQLCipher's version (`None` would mean no encryption, and the vault refuses to open).
    pub cipher_version: Option<String>,
    /// Migrations applied.
    pub schema_version: usize,
    /// Cases stored.
    pub cases: i64,
    /// The passphrase's key derivation.
    pub kdf: KdfParams,
    /// The database file's size.
    pub db_bytes: u64,
    /// The write-ahead log's size.
    pub wal_bytes: u64,
}

/// An unlocked vault. Dropping it locks: the database closes (SQLCipher wipes its pages and
/// key) and the key is zeroized.
pub struct Vault {
    dir: PathBuf,
    /// `DB_FILE`, or `DECOY_DB_FILE` when the duress passphrase opened the practice vault.
    db_file: &'static str,
    /// The key file slot this vault was opened with, and what the duress slot says.
    slot: usize,
    duress: Option<DuressAction>,
    conn: Connection,
    key_file: KeyFile,
    db_key: SecretKey,
    device: String,
    docs: HashMap<String, CaseDoc>,
}

fn now_iso() -> String {
    jiff::Timestamp::now().to_string()
}

fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}

/// How hard a passphrase is to guess, as zxcvbn estimates it.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Strength {
    /// 0 (guessed at once) to 4 (very hard).
    pub score: u8,
    /// Whether a new vault may use it.
    pub enough: bool,
    /// zxcvbn's own warning (English), when it has one.
    pub warning: Option<String>,
}

/// How hard `passphrase` is to guess, and whether a new vault may use it.
pub fn passphrase_strength(passphrase: &str) -> Strength {
    let long_enough = passphrase.chars().count() >= MIN_PASSPHRASE_CHARS;
    let estimate = zxcvbn::zxcvbn(passphrase, &["fieldscreen", "vault", "passphrase"]);
    let score = u8::from(estimate.score());
    Strength {
        score,
        enough: long_enough && score >= MIN_PASSPHRASE_SCORE,
        warning: estimate.feedback().and_then(|f| f.warning()).map(|w| w.to_string()),
    }
}

fn check_strength(passphrase: &str) -> Result<(), VaultError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(VaultError::WeakPassphrase(MIN_PASSPHRASE_CHARS));
    }
    let s = passphrase_strength(passphrase);
    if !s.enough {
        return Err(VaultError::GuessablePassphrase(s.warning.unwrap_or_else(|| {
            format!(
                "score {} of 4, at least {MIN_PASSPHRASE_SCORE} is needed; add words",
                s.score
            )
        })));
    }
    Ok(())
}

fn create_private_dir(dir: &Path) -> Result<(), VaultError> {
    std::fs::create_dir_all(dir).map_err(error::io_error(dir))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

/// Lists a new case, in the caller's transaction: the same row whether the case was begun here
/// or arrived from the team. Its creation time is the interview's start as the case's own
/// document records it, so every device lists it at the same time.
fn insert_case(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    meta: &CaseMeta,
    index: &CaseIndex,
    updated_at: &str,
) -> Result<(), VaultError> {
    tx.execute(
        "INSERT INTO cases (id, protocol_id, protocol_version, created_at, updated_at, state, level, age_group, consent, answer_count)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![id, meta.protocol_id, meta.protocol_version, meta.created_at, updated_at, index.state, index.level, index.age_group, index.consent, index.answer_count],
    )?;
    Ok(())
}

/// Stores one more change of a case and moves its listing (only its time, without `index`), in
/// the caller's transaction. Returns the change's number.
fn append_change(
    tx: &rusqlite::Transaction<'_>,
    id: &str,
    bytes: &[u8],
    index: Option<&CaseIndex>,
    now: &str,
) -> Result<i64, VaultError> {
    let seq: i64 = tx.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM case_changes WHERE case_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO case_changes (case_id, seq, bytes) VALUES (?1, ?2, ?3)",
        params![id, seq, bytes],
    )?;
    match index {
        Some(index) => tx.execute(
            "UPDATE cases SET updated_at = ?2, state = ?3, level = ?4, age_group = ?5, consent = ?6, answer_count = ?7 WHERE id = ?1",
            params![id, now, index.state, index.level, index.age_group, index.consent, index.answer_count],
        )?,
        None => tx.execute("UPDATE cases SET updated_at = ?2 WHERE id = ?1", params![id, now])?,
    };
    Ok(seq)
}

impl Vault {
    fn assemble(dir: &Path, conn: Connection, key_file: KeyFile, db_key: SecretKey, device: String) -> Vault {
        Vault {
            dir: dir.to_path_buf(),
            db_file: DB_FILE,
            slot: REAL_SLOT,
            duress: None,
            conn,
            key_file,
            db_key,
            device,
            docs: HashMap::new(),
        }
    }

    /// Creates a vault in `dir` (made if missing), refusing if one is there already, with the
    /// secret this device's own keys come from (`DEVICE_SECRET`).
    pub fn init(dir: &Path, passphrase: &str, params: KdfParams) -> Result<Vault, VaultError> {
        check_strength(passphrase)?;
        if KeyFile::path(dir).exists() || dir.join(DB_FILE).exists() {
            return Err(VaultError::AlreadyExists(dir.to_path_buf()));
        }
        create_private_dir(dir)?;
        let (key_file, db_key) = KeyFile::create(passphrase, params)?;
        // The key file first: a crash before the database exists leaves a vault that opens empty.
        attempts::write(dir, 0)?;
        key_file.write(dir)?;
        let conn = Self::create_database(&dir.join(DB_FILE), &db_key, &key_file)?;
        let device: String = conn.query_row("SELECT value FROM vault_meta WHERE key = 'device'", [], |r| r.get(0))?;
        let mut v = Vault::assemble(dir, conn, key_file, db_key, device);
        v.audit(AuditAction::VaultCreated, None)?;
        tracing::info!(dir = %dir.display(), "vault created");
        Ok(v)
    }

    /// A new encrypted database at `path` under `key`, with its own device id and device secret.
    fn create_database(path: &Path, key: &[u8; 32], key_file: &KeyFile) -> Result<Connection, VaultError> {
        let mut conn = db::open_encrypted(path, key, Durability::PowerLoss)?;
        schema::migrate(&mut conn)?;
        let device = hex::encode(uuid::Uuid::new_v4().as_bytes());
        conn.execute_batch("BEGIN")?;
        conn.execute(
            "INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?1)",
            [&key_file.vault_id],
        )?;
        conn.execute("INSERT INTO vault_meta (key, value) VALUES ('device', ?1)", [&device])?;
        conn.execute(
            "INSERT INTO vault_meta (key, value) VALUES ('created', ?1)",
            [&key_file.created],
        )?;
        // The secret this device's team keys are made from: born with the vault, inside it.
        let device_secret = zeroize::Zeroizing::new(keyfile::random::<64>()?);
        conn.execute(
            "INSERT INTO sync_state (key, value) VALUES (?1, ?2)",
            rusqlite::params![DEVICE_SECRET, device_secret.as_slice()],
        )?;
        conn.execute_batch("COMMIT")?;
        Ok(conn)
    }

    /// A vault that lives only in memory under a random key, for simulations of what is built
    /// on the vault (many devices in one process). Nothing reaches the disk; it cannot be
    /// reopened.
    pub fn in_memory() -> Result<Vault, VaultError> {
        let (key_file, db_key) = KeyFile::create(
            &hex::encode(keyfile::random::<16>()?),
            KdfParams { m_kib: 8, t: 1, p: 1 },
        )?;
        let mut conn = db::open_memory(&db_key)?;
        schema::migrate(&mut conn)?;
        let device = hex::encode(uuid::Uuid::new_v4().as_bytes());
        conn.execute("INSERT INTO vault_meta (key, value) VALUES ('device', ?1)", [&device])?;
        Ok(Vault::assemble(Path::new(""), conn, key_file, db_key, device))
    }

    /// Unlocks the vault in `dir`. A wrong passphrase is counted before it is tried and may
    /// have to wait; a duress passphrase does what the worker chose.
    pub fn open(dir: &Path, passphrase: &str) -> Result<Vault, VaultError> {
        Self::open_with(dir, passphrase, Durability::PowerLoss)
    }

    /// Unlocks with `passphrase`: the real vault, the practice vault (a duress passphrase set
    /// to show it), or a wrong-passphrase error, each after the same key-derivation work.
    ///
    /// The attempt is counted before it is made; while the count asks for a wait that this run
    /// has not yet served, nothing is tried (`attempts`). After the number of wrong passphrases
    /// the worker chose, the real key is destroyed.
    pub fn open_with(dir: &Path, passphrase: &str, durability: Durability) -> Result<Vault, VaultError> {
        attempts::start_run();
        let (mut key_file, legacy_failed) = KeyFile::read_file(&KeyFile::path(dir), dir)?;
        let failed = attempts::read(dir, legacy_failed);
        let wait = attempts::remaining(dir, failed);
        if !wait.is_zero() {
            return Err(VaultError::LockedOut {
                failed,
                wait_secs: i64::try_from(wait.as_secs()).unwrap_or(i64::MAX) + 1,
            });
        }
        attempts::write(dir, failed.saturating_add(1))?;
        let opened = match Self::recover_next(dir, &key_file, passphrase)? {
            Some((file, opened)) => {
                key_file = file;
                opened
            }
            None => key_file.attempt(passphrase)?,
        };
        let (slot, content) = match opened {
            Opened::Slot(slot, content) => (slot, content),
            Opened::Nothing => return Err(Self::wrong(dir, &mut key_file, failed)),
        };
        let (db_file, key, duress) = match content {
            SlotContent::Real(key) => (DB_FILE, key, None),
            SlotContent::Duress(action, key) => {
                if action.destroys() {
                    Self::destroy_real_key(dir, &mut key_file)?;
                }
                if !action.opens_decoy() {
                    return Err(Self::wrong(dir, &mut key_file, failed));
                }
                (DECOY_DB_FILE, key, Some(action))
            }
        };
        attempts::write(dir, 0)?;
        attempts::clear_failures(dir);
        if key_file.is_legacy(slot) {
            key_file.set_slot(slot, &SlotContent::Real(key.clone()), passphrase, key_file.params())?;
            key_file.write(dir)?;
        }
        let mut conn = db::open_encrypted(&dir.join(db_file), &key, durability)?;
        schema::migrate(&mut conn)?;
        let device: String = conn
            .query_row("SELECT value FROM vault_meta WHERE key = 'device'", [], |r| r.get(0))
            .optional()?
            .ok_or_else(|| VaultError::Damaged("the vault has no device id".into()))?;
        let mut v = Vault::assemble(dir, conn, key_file, key, device);
        v.db_file = db_file;
        v.slot = slot;
        v.duress = duress;
        v.audit(
            AuditAction::Unlocked {
                after_failures: failed > 0,
            },
            None,
        )?;
        Ok(v)
    }

    /// A wrong passphrase (or a duress passphrase set to look like one): counted already;
    /// the wait starts now, and the key goes if the worker's limit is reached.
    fn wrong(dir: &Path, key_file: &mut KeyFile, failed_before: u32) -> VaultError {
        attempts::record_failure(dir);
        let failed = failed_before.saturating_add(1);
        let policy = key_file.policy;
        if policy.erase_after.is_some_and(|n| failed >= n)
            && let Err(e) = Self::destroy_real_key(dir, key_file)
        {
            return e;
        }
        VaultError::WrongPassphrase {
            failed,
            wait_secs: i64::try_from(attempts::wait_for(failed).as_secs()).unwrap_or(i64::MAX),
            remaining: match policy {
                Policy {
                    erase_after: Some(n),
                    show_remaining: true,
                } => Some(n.saturating_sub(failed)),
                _ => None,
            },
        }
    }

    /// Overwrites the real slot, where it lies on disk, and any copy of the key file: the
    /// database can never be opened again.
    fn destroy_real_key(dir: &Path, key_file: &mut KeyFile) -> Result<(), VaultError> {
        key_file.clear_slot(REAL_SLOT)?;
        keyfile::scrub(&KeyFile::next_path(dir))?;
        key_file.write(dir)?;
        tracing::warn!("the vault key was destroyed");
        Ok(())
    }

    /// A key-file change interrupted by a crash leaves `vault.key.next`: keep whichever file
    /// opens the database with this passphrase, scrub the other. None when there is nothing to
    /// recover or this passphrase opens neither (the normal attempt then decides).
    fn recover_next(dir: &Path, current: &KeyFile, passphrase: &str) -> Result<Option<(KeyFile, Opened)>, VaultError> {
        let next_path = KeyFile::next_path(dir);
        if !next_path.exists() {
            return Ok(None);
        }
        let Ok((next, _)) = KeyFile::read_file(&next_path, dir) else {
            // Cut short before it was complete: the current file is the truth.
            keyfile::scrub(&next_path)?;
            return Ok(None);
        };
        for (file, is_next) in [(next, true), (current.clone(), false)] {
            let opened = file.attempt(passphrase)?;
            let key = match &opened {
                Opened::Slot(REAL_SLOT, SlotContent::Real(k)) => k.clone(),
                Opened::Slot(_, SlotContent::Duress(a, k)) if a.opens_decoy() => k.clone(),
                _ => continue,
            };
            let db_file = match opened {
                Opened::Slot(REAL_SLOT, _) => DB_FILE,
                _ => DECOY_DB_FILE,
            };
            if db::open_encrypted(&dir.join(db_file), &key, Durability::PowerLoss).is_ok() {
                if is_next {
                    file.install(dir)?;
                } else {
                    keyfile::scrub(&next_path)?;
                }
                return Ok(Some((file, opened)));
            }
        }
        Ok(None)
    }

    /// Wraps the key under a new passphrase. With `rekey`, the database is first re-encrypted
    /// under a new random key, so a copy of the old key file, with the old passphrase, opens
    /// nothing. A crash at any step leaves a vault that opens with the old passphrase or the new.
    pub fn change_passphrase(
        &mut self,
        new_passphrase: &str,
        params: KdfParams,
        rekey: bool,
    ) -> Result<(), VaultError> {
        check_strength(new_passphrase)?;
        let mut next = self.key_file.clone();
        let key = if rekey {
            Zeroizing::new(keyfile::random::<32>()?)
        } else {
            self.db_key.clone()
        };
        let content = match self.duress {
            Some(action) => SlotContent::Duress(action, key.clone()),
            None => SlotContent::Real(key.clone()),
        };
        next.set_slot(self.slot, &content, new_passphrase, params)?;
        next.write_next(&self.dir)?;
        if rekey {
            db::rekey(&self.conn, &key)?;
            self.db_key = key;
        }
        next.install(&self.dir)?;
        self.key_file = next;
        self.audit(AuditAction::PassphraseChanged { rekeyed: rekey }, None)
    }

    /// Sets the duress passphrase and what it does. For the answers that show the practice
    /// vault, a new one is made (replacing any earlier one) and returned, for the caller to
    /// fill with practice interviews. Only the real vault can set it.
    pub fn set_duress(
        &mut self,
        passphrase: &str,
        action: DuressAction,
        params: KdfParams,
    ) -> Result<Option<Vault>, VaultError> {
        if self.slot != REAL_SLOT {
            return Err(VaultError::NotAvailable);
        }
        check_strength(passphrase)?;
        if matches!(self.key_file.attempt(passphrase)?, Opened::Slot(REAL_SLOT, _)) {
            return Err(VaultError::DuressSameAsReal);
        }
        let decoy_path = self.dir.join(DECOY_DB_FILE);
        keyfile::scrub(&decoy_path)?;
        for suffix in ["-wal", "-shm"] {
            keyfile::scrub(&self.dir.join(format!("{DECOY_DB_FILE}{suffix}")))?;
        }
        let decoy_key = Zeroizing::new(if action.opens_decoy() {
            keyfile::random::<32>()?
        } else {
            [0u8; 32]
        });
        let decoy = if action.opens_decoy() {
            let conn = Self::create_database(&decoy_path, &decoy_key, &self.key_file)?;
            let device: String =
                conn.query_row("SELECT value FROM vault_meta WHERE key = 'device'", [], |r| r.get(0))?;
            let mut v = Vault::assemble(&self.dir, conn, self.key_file.clone(), decoy_key.clone(), device);
            v.db_file = DECOY_DB_FILE;
            v.slot = DURESS_SLOT;
            v.duress = Some(action);
            v.audit(AuditAction::VaultCreated, None)?;
            Some(v)
        } else {
            None
        };
        let mut next = self.key_file.clone();
        next.set_slot(DURESS_SLOT, &SlotContent::Duress(action, decoy_key), passphrase, params)?;
        next.write(&self.dir)?;
        self.key_file = next;
        self.conn.execute(
            "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?1, ?2)",
            [DURESS_META, action.name()],
        )?;
        self.audit(AuditAction::DuressSet, None)?;
        Ok(decoy)
    }

    /// Removes the duress passphrase and the practice vault.
    pub fn clear_duress(&mut self) -> Result<(), VaultError> {
        if self.slot != REAL_SLOT {
            return Err(VaultError::NotAvailable);
        }
        let mut next = self.key_file.clone();
        next.clear_slot(DURESS_SLOT)?;
        next.write(&self.dir)?;
        self.key_file = next;
        for suffix in ["", "-wal", "-shm"] {
            keyfile::scrub(&self.dir.join(format!("{DECOY_DB_FILE}{suffix}")))?;
        }
        self.conn
            .execute("DELETE FROM vault_meta WHERE key = ?1", [DURESS_META])?;
        self.audit(AuditAction::DuressCleared, None)
    }

    /// The duress answer set for this vault; none in the practice vault, as in a vault
    /// without one.
    pub fn duress_action(&self) -> Result<Option<DuressAction>, VaultError> {
        let name: Option<String> = self
            .conn
            .query_row("SELECT value FROM vault_meta WHERE key = ?1", [DURESS_META], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(name.as_deref().and_then(DuressAction::from_name))
    }

    /// What wrong passphrases lead to.
    pub fn policy(&self) -> Policy {
        self.key_file.policy
    }

    /// Chooses what wrong passphrases lead to.
    pub fn set_policy(&mut self, policy: Policy) -> Result<(), VaultError> {
        if let Some(n) = policy.erase_after.filter(|n| !ERASE_AFTER_CHOICES.contains(n)) {
            return Err(VaultError::EraseAfterChoice(n));
        }
        let mut next = self.key_file.clone();
        next.policy = policy;
        next.write(&self.dir)?;
        self.key_file = next;
        self.audit(AuditAction::UnlockPolicySet, None)
    }

    /// The vault's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The raw database key, for tools that must open the file themselves (the interoperability
    /// test). Wiped from memory when dropped.
    pub fn database_key(&self) -> SecretKey {
        self.db_key.clone()
    }

    /// What `vault info` shows.
    pub fn info(&self) -> Result<VaultInfo, VaultError> {
        let size = |p: PathBuf| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        Ok(VaultInfo {
            dir: self.dir.clone(),
            vault_id: self.key_file.vault_id.clone(),
            created: self.key_file.created.clone(),
            cipher_version: db::cipher_version(&self.conn),
            schema_version: schema::version(&self.conn)?,
            cases: self.conn.query_row("SELECT count(*) FROM cases", [], |r| r.get(0))?,
            kdf: self.key_file.params(),
            db_bytes: size(self.dir.join(self.db_file)),
            wal_bytes: size(self.dir.join(format!("{}-wal", self.db_file))),
        })
    }

    /// Problems found by SQLCipher's page authentication and SQLite's integrity check.
    pub fn check(&self) -> Result<Vec<String>, VaultError> {
        db::integrity_problems(&self.conn)
    }

    fn audit(&mut self, action: AuditAction, case_id: Option<&str>) -> Result<(), VaultError> {
        Ok(audit::record(&self.conn, &now_iso(), &self.device, &action, case_id)?)
    }

    /// Records an action that happens outside the vault but concerns it (an export, say).
    pub fn record_action(&mut self, action: AuditAction, case_id: Option<&str>) -> Result<(), VaultError> {
        self.audit(action, case_id)
    }

    /// The latest `limit` entries of the audit log, newest first.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditEntry>, VaultError> {
        Ok(audit::latest(&self.conn, limit)?)
    }

    /// The kind of organisation that screens on this device, if one was chosen.
    pub fn organisation_type(&self) -> Result<Option<OrganisationType>, VaultError> {
        Ok(organisation::read(&self.conn)?)
    }

    /// Chooses (or forgets) the kind of organisation that screens on this device. Cases created
    /// from now on record it; cases already made keep what they recorded.
    pub fn set_organisation_type(&mut self, organisation: Option<OrganisationType>) -> Result<(), VaultError> {
        organisation::write(&self.conn, organisation)?;
        self.audit(AuditAction::OrganisationTypeSet, None)
    }

    /// Creates a case and stores its first change. Returns the case id. A case records the
    /// device's organisation type unless `meta` names one.
    pub fn create_case(&mut self, meta: &CaseMeta, index: &CaseIndex) -> Result<String, VaultError> {
        let id = uuid::Uuid::new_v4().to_string();
        let actor = hex::decode(&self.device).unwrap_or_default();
        let mut meta = meta.clone();
        if meta.organisation.is_none() {
            meta.organisation = self.organisation_type()?;
        }
        let meta = &meta;
        let mut doc = CaseDoc::create(&actor, meta, now_ms())?;
        let bytes = doc.save_incremental();
        let now = now_iso();
        let tx = self.conn.transaction()?;
        insert_case(&tx, &id, meta, index, &now)?;
        tx.execute(
            "INSERT INTO case_changes (case_id, seq, bytes) VALUES (?1, 1, ?2)",
            params![id, bytes],
        )?;
        tx.execute("INSERT OR IGNORE INTO sync_unsent (case_id) VALUES (?1)", [&id])?;
        audit::record(&tx, &now, &self.device, &AuditAction::CaseCreated, Some(&id))?;
        tx.commit()?;
        self.docs.insert(id.clone(), doc);
        Ok(id)
    }

    fn doc_mut(&mut self, id: &str) -> Result<&mut CaseDoc, VaultError> {
        if !self.docs.contains_key(id) {
            let doc = self.load_doc(id)?;
            self.docs.insert(id.to_string(), doc);
        }
        self.docs
            .get_mut(id)
            .ok_or_else(|| VaultError::UnknownCase(id.to_string()))
    }

    fn load_doc(&self, id: &str) -> Result<CaseDoc, VaultError> {
        let exists: Option<String> = self
            .conn
            .query_row("SELECT id FROM cases WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Err(VaultError::UnknownCase(id.to_string()));
        }
        let snapshot: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT bytes FROM case_snapshots WHERE case_id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let mut stmt = self
            .conn
            .prepare("SELECT bytes FROM case_changes WHERE case_id = ?1 ORDER BY seq")?;
        let changes: Vec<Vec<u8>> = stmt.query_map([id], |r| r.get(0))?.collect::<Result<_, _>>()?;
        let actor = hex::decode(&self.device).unwrap_or_default();
        CaseDoc::load(snapshot.as_deref(), changes.iter().map(Vec::as_slice), &actor)
    }

    /// Applies `edit` to the case document and commits the change durably, with the listing
    /// updated in the same transaction. When this returns Ok, the change is on disk.
    pub fn update_case(
        &mut self,
        id: &str,
        message: &str,
        index: &CaseIndex,
        edit: impl FnOnce(&mut CaseDoc) -> Result<(), VaultError>,
    ) -> Result<(), VaultError> {
        self.commit_change(id, message, Some(index), edit)
    }

    /// `index` None: a change the listing does not show (a referral's step); only the time of
    /// the last update moves.
    fn commit_change(
        &mut self,
        id: &str,
        message: &str,
        index: Option<&CaseIndex>,
        edit: impl FnOnce(&mut CaseDoc) -> Result<(), VaultError>,
    ) -> Result<(), VaultError> {
        let time = now_ms();
        let doc = self.doc_mut(id)?;
        edit(doc)?;
        doc.commit(message, time);
        let bytes = doc.save_incremental();
        if bytes.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        let seq = append_change(&tx, id, &bytes, index, &now_iso())?;
        tx.execute("INSERT OR IGNORE INTO sync_unsent (case_id) VALUES (?1)", [id])?;
        tx.commit()?;
        if seq >= COMPACT_AFTER {
            self.compact(id)?;
        }
        Ok(())
    }

    /// Marks case `id` as the same person as case `earlier` (a rapid screen then the full
    /// protocol, or two workers who met the same person), or with `None` takes the mark back.
    /// The mark travels with the case to the team and is audited either way.
    pub fn set_same_person(&mut self, id: &str, earlier: Option<&str>) -> Result<(), VaultError> {
        if let Some(e) = earlier {
            if e == id {
                return Err(VaultError::SamePersonItself);
            }
            self.load_doc(e)?;
        }
        let message = if earlier.is_some() {
            "same person"
        } else {
            "not the same person"
        };
        self.commit_change(id, message, None, |doc| doc.set_same_person_as(earlier))?;
        let action = match earlier {
            Some(e) => AuditAction::SamePersonLinked { earlier: e.to_string() },
            None => AuditAction::SamePersonUnlinked,
        };
        self.audit(action, Some(id))
    }

    /// Records a referral's new track on a case; the case's listing stays as it is.
    pub fn set_referral(&mut self, id: &str, referral_id: &str, track_json: &str) -> Result<(), VaultError> {
        self.commit_change(id, &format!("referral {referral_id}"), None, |doc| {
            doc.set_referral(referral_id, track_json)
        })
    }

    /// Folds a case's changes into one snapshot.
    pub fn compact(&mut self, id: &str) -> Result<(), VaultError> {
        let snapshot = self.doc_mut(id)?.save();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO case_snapshots (case_id, bytes) VALUES (?1, ?2)",
            params![id, snapshot],
        )?;
        tx.execute("DELETE FROM case_changes WHERE case_id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// The case document as stored (read fresh from the database).
    pub fn load_case(&self, id: &str) -> Result<CaseDoc, VaultError> {
        self.load_doc(id)
    }

    /// The cases `filter` lets through, most recently changed first.
    pub fn list_cases(&self, filter: &CaseFilter) -> Result<Vec<CaseSummary>, VaultError> {
        // Only the filters in use go into the query, so that SQLite can walk the index on
        // `updated_at` and stop after `limit` rows.
        let mut clauses: Vec<&str> = Vec::new();
        let mut values: Vec<String> = Vec::new();
        let mut add = |clause: &'static str, value: Option<String>| {
            if let Some(v) = value {
                clauses.push(clause);
                values.push(v);
            }
        };
        add("state = ?", filter.state.map(|s| s.as_str().to_string()));
        add("level = ?", filter.level.clone());
        add("updated_at >= ?", filter.updated_from.clone());
        add(
            "updated_at <= ?",
            filter.updated_to.as_ref().map(|t| format!("{t}\u{10FFFF}")),
        );
        add(
            "id LIKE ? ESCAPE '\\'",
            filter
                .id_prefix
                .as_ref()
                .map(|p| format!("{}%", p.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))),
        );
        let mut sql = String::from(
            "SELECT id, protocol_id, protocol_version, created_at, updated_at, state, level, age_group, consent, answer_count FROM cases",
        );
        if !clauses.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&clauses.join(" AND "));
        }
        sql.push_str(" ORDER BY updated_at DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            Ok(CaseSummary {
                id: r.get(0)?,
                protocol_id: r.get(1)?,
                protocol_version: r.get(2)?,
                created_at: r.get(3)?,
                updated_at: r.get(4)?,
                state: r.get(5)?,
                level: r.get(6)?,
                age_group: r.get(7)?,
                consent: r.get(8)?,
                answer_count: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Deletes a case for good, here and (through its erasure, sent at the next sync) on every
    /// device of the team: its document and history go, freed pages are overwritten
    /// (`secure_delete`) and the write-ahead log is emptied so no old page image remains. Sealed
    /// batches still waiting to leave that carry the case are taken out of the outbox, and what
    /// else they held is packed again without it at the next sync.
    pub fn delete_case(&mut self, id: &str) -> Result<(), VaultError> {
        let tx = self.conn.transaction()?;
        if !erase_case(&tx, id)? {
            return Err(VaultError::UnknownCase(id.to_string()));
        }
        sync_store::purge_from_outbox(&tx, id)?;
        tx.execute(
            "INSERT OR REPLACE INTO erasures (case_id, erased_at, sent) VALUES (?1, ?2, 0)",
            params![id, now_iso()],
        )?;
        audit::record(&tx, &now_iso(), &self.device, &AuditAction::CaseDeleted, Some(id))?;
        tx.commit()?;
        self.docs.remove(id);
        self.empty_write_ahead_log()
    }

    /// Old page images of deleted rows can linger in the write-ahead log until a checkpoint.
    pub(crate) fn empty_write_ahead_log(&self) -> Result<(), VaultError> {
        self.conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// Removes every row of a case (not its erasure, nor the audit). Returns whether it existed.
fn erase_case(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<bool, VaultError> {
    // The document's snapshot and changes go with it (ON DELETE CASCADE).
    let n = tx.execute("DELETE FROM cases WHERE id = ?1", [id])?;
    for table in ["sync_unsent", "sync_sent", "sync_held"] {
        tx.execute(&format!("DELETE FROM {table} WHERE case_id = ?1"), [id])?;
    }
    Ok(n > 0)
}

#[cfg(test)]
mod tests;
