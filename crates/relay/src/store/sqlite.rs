//! The relay on a SQLite file: no setup, one process.

use super::*;
use std::sync::Mutex;

/// The store in one SQLite file.
pub struct SqliteStore {
    conn: Mutex<rusqlite::Connection>,
}

/// The schema, one step per version (`PRAGMA user_version` counts the steps taken). Never edit
/// a step that has shipped: add one.
const MIGRATIONS: &[&str] = &[SQLITE_SCHEMA, SQLITE_V2];

/// 2: when a device was let in, and whether it has come since (older devices count as come).
const SQLITE_V2: &str = "
    ALTER TABLE devices ADD COLUMN used INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE devices ADD COLUMN added_at INTEGER NOT NULL DEFAULT 0;
";

fn migrate(conn: &mut rusqlite::Connection) -> Result<(), StoreError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let done: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (v, step) in MIGRATIONS.iter().enumerate().skip(usize::try_from(done).unwrap_or(0)) {
        tx.execute_batch(step)?;
        tx.pragma_update(None, "user_version", to_i64(v as u64 + 1))?;
    }
    tx.commit()?;
    Ok(())
}

/// 1: the first schema (a relay made before versions counted has it already).
const SQLITE_SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS teams (team TEXT PRIMARY KEY, next_pos INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS devices (
        team TEXT NOT NULL, device TEXT NOT NULL, token_hash BLOB NOT NULL,
        admin INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0, acked INTEGER NOT NULL DEFAULT 0,
        last_seq INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (team, device));
    CREATE TABLE IF NOT EXISTS log (
        team TEXT NOT NULL, pos INTEGER NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL,
        digest BLOB NOT NULL, sealed BLOB NOT NULL, at INTEGER NOT NULL,
        PRIMARY KEY (team, pos));
    CREATE UNIQUE INDEX IF NOT EXISTS log_by_device ON log (team, device, seq);
    CREATE TABLE IF NOT EXISTS batches_seen (
        team TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL, digest BLOB NOT NULL, pos INTEGER NOT NULL,
        PRIMARY KEY (team, device, seq));
    CREATE TABLE IF NOT EXISTS membership (
        team TEXT NOT NULL, seq INTEGER NOT NULL, record BLOB NOT NULL, PRIMARY KEY (team, seq));
    CREATE TABLE IF NOT EXISTS invitations (
        team TEXT NOT NULL, id TEXT NOT NULL, inviter TEXT NOT NULL, secret_hash BLOB NOT NULL,
        expires_at INTEGER NOT NULL, PRIMARY KEY (team, id));
    CREATE TABLE IF NOT EXISTS join_requests (
        team TEXT NOT NULL, device TEXT NOT NULL, invitation TEXT NOT NULL, request BLOB NOT NULL,
        token_hash BLOB NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (team, device));
";

impl SqliteStore {
    /// Opens (or creates) the file and brings its schema up to date.
    pub fn open(path: &str) -> Result<SqliteStore, StoreError> {
        let conn = rusqlite::Connection::open(path)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        // An acknowledged upload must survive a power cut: the device deletes its copy.
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")?;
        let mut conn = conn;
        migrate(&mut conn)?;
        Ok(SqliteStore { conn: Mutex::new(conn) })
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, rusqlite::Connection>, StoreError> {
        self.conn
            .lock()
            .map_err(|_| StoreError::Other("a request failed while holding the database".into()))
    }
}

impl Store for SqliteStore {
    fn ping(&self) -> Result<(), StoreError> {
        self.lock()?.query_row("SELECT 1", [], |_| Ok(()))?;
        Ok(())
    }

    fn create_team(&self, team: &str, first: &[u8], device: &str, token_hash: &[u8; 32]) -> Result<bool, StoreError> {
        let mut c = self.lock()?;
        let tx = c.transaction()?;
        if tx.execute("INSERT OR IGNORE INTO teams (team) VALUES (?1)", [team])? == 0 {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO devices (team, device, token_hash, admin, used, added_at) VALUES (?1, ?2, ?3, 1, 1, ?4)",
            rusqlite::params![team, device, token_hash.as_slice(), now_secs()],
        )?;
        tx.execute(
            "INSERT INTO membership (team, seq, record) VALUES (?1, 0, ?2)",
            rusqlite::params![team, first],
        )?;
        tx.commit()?;
        Ok(true)
    }

    fn records(&self, team: &str, after: u64) -> Result<Vec<Vec<u8>>, StoreError> {
        let c = self.lock()?;
        let mut stmt = c.prepare_cached("SELECT record FROM membership WHERE team = ?1 AND seq >= ?2 ORDER BY seq")?;
        let rows = stmt.query_map(rusqlite::params![team, to_i64(after)], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn append_record(&self, team: &str, seq: u64, record: &[u8], effect: &Effect) -> Result<AppendRecord, StoreError> {
        use rusqlite::OptionalExtension;
        let mut c = self.lock()?;
        let tx = c.transaction()?;
        let len: i64 = tx.query_row("SELECT count(*) FROM membership WHERE team = ?1", [team], |r| r.get(0))?;
        if len != to_i64(seq) {
            return Ok(AppendRecord::Moved);
        }
        tx.execute(
            "INSERT INTO membership (team, seq, record) VALUES (?1, ?2, ?3)",
            rusqlite::params![team, to_i64(seq), record],
        )?;
        match effect {
            Effect::None => {}
            Effect::Add {
                device,
                admin,
                invitation,
                at,
            } => {
                let token: Option<Vec<u8>> = tx
                    .query_row(
                        "SELECT token_hash FROM join_requests WHERE team = ?1 AND device = ?2 AND invitation = ?3",
                        [team, device, invitation],
                        |r| r.get(0),
                    )
                    .optional()?;
                let Some(token) = token else {
                    return Ok(AppendRecord::NoRequest);
                };
                tx.execute(
                    "INSERT INTO devices (team, device, token_hash, admin, used, added_at) VALUES (?1, ?2, ?3, ?4, 0, ?5)",
                    rusqlite::params![team, device, token, i64::from(*admin), at],
                )?;
                // The invitation is used: it and every other request on it are forgotten.
                tx.execute(
                    "DELETE FROM join_requests WHERE team = ?1 AND invitation = ?2",
                    [team, invitation],
                )?;
                tx.execute(
                    "DELETE FROM invitations WHERE team = ?1 AND id = ?2",
                    [team, invitation],
                )?;
            }
            Effect::Revoke { device } => {
                tx.execute(
                    "UPDATE devices SET revoked = 1 WHERE team = ?1 AND device = ?2",
                    [team, device],
                )?;
            }
            Effect::SetAdmin { device, admin } => {
                tx.execute(
                    "UPDATE devices SET admin = ?3 WHERE team = ?1 AND device = ?2",
                    rusqlite::params![team, device, i64::from(*admin)],
                )?;
            }
        }
        tx.commit()?;
        Ok(AppendRecord::Appended)
    }

    fn add_invitation(&self, team: &str, id: &str, inv: &InvitationRecord) -> Result<bool, StoreError> {
        let c = self.lock()?;
        Ok(c.execute(
            "INSERT OR IGNORE INTO invitations (team, id, inviter, secret_hash, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![team, id, inv.inviter, inv.secret_hash.as_slice(), inv.expires_at],
        )? == 1)
    }

    fn invitation(&self, team: &str, id: &str, now: i64) -> Result<Option<InvitationRecord>, StoreError> {
        use rusqlite::OptionalExtension;
        let c = self.lock()?;
        c.execute(&PURGE_INVITATIONS.replace("$1", "?1"), [now])?;
        c.execute(PURGE_REQUESTS, [])?;
        Ok(c.query_row(
            "SELECT inviter, secret_hash, expires_at FROM invitations WHERE team = ?1 AND id = ?2",
            [team, id],
            |r| {
                Ok(InvitationRecord {
                    inviter: r.get(0)?,
                    secret_hash: hash_of(r.get(1)?),
                    expires_at: r.get(2)?,
                })
            },
        )
        .optional()?)
    }

    fn add_request(&self, team: &str, req: &RequestRecord, now: i64) -> Result<AddRequest, StoreError> {
        let mut c = self.lock()?;
        let tx = c.transaction()?;
        let live: i64 = tx.query_row(
            "SELECT count(*) FROM invitations WHERE team = ?1 AND id = ?2 AND expires_at >= ?3",
            rusqlite::params![team, req.invitation, now],
            |r| r.get(0),
        )?;
        if live == 0 {
            return Ok(AddRequest::NoInvitation);
        }
        let known: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM devices WHERE team = ?1 AND device = ?2) + (SELECT count(*) FROM join_requests WHERE team = ?1 AND device = ?2)",
            [team, &req.device],
            |r| r.get(0),
        )?;
        if known > 0 {
            return Ok(AddRequest::Exists);
        }
        let on_invitation: i64 = tx.query_row(
            "SELECT count(*) FROM join_requests WHERE team = ?1 AND invitation = ?2",
            [team, &req.invitation],
            |r| r.get(0),
        )?;
        if to_u64(on_invitation) >= fieldscreen_wire::MAX_REQUESTS_PER_INVITATION {
            return Ok(AddRequest::Full);
        }
        tx.execute(
            "INSERT INTO join_requests (team, device, invitation, request, token_hash, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            rusqlite::params![team, req.device, req.invitation, req.request, req.token_hash.as_slice(), req.at],
        )?;
        tx.commit()?;
        Ok(AddRequest::Stored(to_u64(on_invitation) + 1))
    }

    fn requests(&self, team: &str, now: i64) -> Result<Vec<RequestRecord>, StoreError> {
        let c = self.lock()?;
        c.execute(&PURGE_INVITATIONS.replace("$1", "?1"), [now])?;
        c.execute(PURGE_REQUESTS, [])?;
        let mut stmt = c.prepare_cached(
            "SELECT device, invitation, request, token_hash, at FROM join_requests WHERE team = ?1 ORDER BY at, device",
        )?;
        let rows = stmt.query_map([team], |r| {
            Ok(RequestRecord {
                device: r.get(0)?,
                invitation: r.get(1)?,
                request: r.get(2)?,
                token_hash: hash_of(r.get(3)?),
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn refuse_request(&self, team: &str, device: &str) -> Result<bool, StoreError> {
        let c = self.lock()?;
        Ok(c.execute(
            "DELETE FROM join_requests WHERE team = ?1 AND device = ?2",
            [team, device],
        )? == 1)
    }

    fn device(&self, team: &str, device: &str) -> Result<Option<DeviceRecord>, StoreError> {
        use rusqlite::OptionalExtension;
        let c = self.lock()?;
        Ok(c.query_row(
            "SELECT token_hash, admin, revoked, used, added_at FROM devices WHERE team = ?1 AND device = ?2",
            [team, device],
            |r| {
                Ok(DeviceRecord {
                    token_hash: hash_of(r.get(0)?),
                    admin: r.get::<_, i64>(1)? != 0,
                    revoked: r.get::<_, i64>(2)? != 0,
                    used: r.get::<_, i64>(3)? != 0,
                    added_at: r.get(4)?,
                })
            },
        )
        .optional()?)
    }

    fn mark_used(&self, team: &str, device: &str) -> Result<(), StoreError> {
        self.lock()?.execute(
            "UPDATE devices SET used = 1 WHERE team = ?1 AND device = ?2",
            [team, device],
        )?;
        Ok(())
    }

    fn devices(&self, team: &str) -> Result<Vec<DeviceStatus>, StoreError> {
        let c = self.lock()?;
        let mut stmt = c.prepare(
            "SELECT device, admin, revoked, used, added_at, acked, last_seq FROM devices WHERE team = ?1 ORDER BY added_at, device",
        )?;
        let rows = stmt.query_map([team], |r| {
            Ok(DeviceStatus {
                device: r.get(0)?,
                admin: r.get::<_, i64>(1)? != 0,
                revoked: r.get::<_, i64>(2)? != 0,
                used: r.get::<_, i64>(3)? != 0,
                added_at: r.get(4)?,
                acked: to_u64(r.get(5)?),
                last_seq: to_u64(r.get(6)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn append(
        &self,
        team: &str,
        device: &str,
        seq: u64,
        digest: &[u8; 32],
        sealed: &[u8],
    ) -> Result<Append, StoreError> {
        use rusqlite::OptionalExtension;
        let mut c = self.lock()?;
        let tx = c.transaction()?;
        let seen: Option<(Vec<u8>, i64)> = tx
            .query_row(
                "SELECT digest, pos FROM batches_seen WHERE team = ?1 AND device = ?2 AND seq = ?3",
                rusqlite::params![team, device, to_i64(seq)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if let Some((d, pos)) = seen {
            return Ok(if d == digest {
                Append::Duplicate(to_u64(pos))
            } else {
                Append::Conflict
            });
        }
        let last: i64 = tx.query_row(
            "SELECT last_seq FROM devices WHERE team = ?1 AND device = ?2",
            [team, device],
            |r| r.get(0),
        )?;
        if to_i64(seq) != last + 1 {
            return Ok(Append::Gap {
                expected: to_u64(last + 1),
            });
        }
        let pos: i64 = tx.query_row(
            "UPDATE teams SET next_pos = next_pos + 1 WHERE team = ?1 RETURNING next_pos",
            [team],
            |r| r.get(0),
        )?;
        tx.execute(
            "INSERT INTO log (team, pos, device, seq, digest, sealed, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            rusqlite::params![team, pos, device, to_i64(seq), digest.as_slice(), sealed, now_secs()],
        )?;
        tx.execute(
            "INSERT INTO batches_seen (team, device, seq, digest, pos) VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![team, device, to_i64(seq), digest.as_slice(), pos],
        )?;
        tx.execute(
            "UPDATE devices SET last_seq = ?3 WHERE team = ?1 AND device = ?2",
            rusqlite::params![team, device, to_i64(seq)],
        )?;
        tx.commit()?;
        Ok(Append::Stored(to_u64(pos)))
    }

    fn read(&self, team: &str, after: u64) -> Result<Vec<Frame>, StoreError> {
        let c = self.lock()?;
        let mut stmt = c.prepare_cached(
            "SELECT pos, device, seq, length(sealed), sealed FROM log WHERE team = ?1 AND pos > ?2 ORDER BY pos LIMIT ?3",
        )?;
        let mut rows = stmt.query(rusqlite::params![team, to_i64(after), to_i64(MAX_PAGE as u64)])?;
        let mut page = Page::default();
        while let Some(r) = rows.next()? {
            let device: String = r.get(1)?;
            let len = usize::try_from(r.get::<_, i64>(3)?).unwrap_or(usize::MAX);
            if !page.admits(&device, len) {
                break;
            }
            page.push(Frame {
                pos: to_u64(r.get(0)?),
                device,
                seq: to_u64(r.get(2)?),
                sealed: r.get(4)?,
            });
        }
        Ok(page.frames)
    }

    fn batch(&self, team: &str, device: &str, seq: u64) -> Result<Option<Frame>, StoreError> {
        use rusqlite::OptionalExtension;
        let c = self.lock()?;
        let mut stmt = c.prepare_cached("SELECT pos, sealed FROM log WHERE team = ?1 AND device = ?2 AND seq = ?3")?;
        Ok(stmt
            .query_row(rusqlite::params![team, device, to_i64(seq)], |r| {
                Ok(Frame {
                    pos: to_u64(r.get(0)?),
                    device: device.to_string(),
                    seq,
                    sealed: r.get(1)?,
                })
            })
            .optional()?)
    }

    fn acknowledge(&self, team: &str, device: &str, cursor: u64) -> Result<u64, StoreError> {
        let mut c = self.lock()?;
        let tx = c.transaction()?;
        tx.execute(
            "UPDATE devices SET acked = max(acked, ?3) WHERE team = ?1 AND device = ?2",
            rusqlite::params![team, device, to_i64(cursor)],
        )?;
        let dropped = tx.execute(
            "DELETE FROM log WHERE team = ?1 AND pos <= (SELECT min(acked) FROM devices WHERE team = ?1 AND revoked = 0 AND (used = 1 OR added_at >= ?2))",
            rusqlite::params![team, now_secs() - UNUSED_PLACE_SECONDS],
        )?;
        tx.commit()?;
        Ok(dropped as u64)
    }

    fn entries(&self, team: &str) -> Result<u64, StoreError> {
        let c = self.lock()?;
        Ok(to_u64(c.query_row(
            "SELECT count(*) FROM log WHERE team = ?1",
            [team],
            |r| r.get(0),
        )?))
    }
}
