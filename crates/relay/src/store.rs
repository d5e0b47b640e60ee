//! Storage behind the relay. Positions in a team's log are handed out under a lock on the team's
//! row, so they become visible in the order they were given: a reader that has seen position 10
//! can never later find a 9 it skipped (which a plain sequence would allow when two relay
//! processes commit out of order).

use fieldscreen_wire::Frame;
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRecord {
    pub token_hash: [u8; 32],
    pub admin: bool,
    pub revoked: bool,
}

/// What an upload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Append {
    Stored(u64),
    /// The same batch (same number, same digest) was stored before: nothing changed.
    Duplicate(u64),
    /// Batches must arrive in order; this is the one the relay expects next.
    Gap {
        expected: u64,
    },
    /// A different batch already has this number.
    Conflict,
}

/// What a membership record does to the relay's access rules (the signed log decides; the
/// relay mirrors it so it can refuse a revoked device at the door).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    /// A join request approved: the device gets the token it asked with.
    Add {
        device: String,
        admin: bool,
        invitation: String,
    },
    Revoke {
        device: String,
    },
    SetAdmin {
        device: String,
        admin: bool,
    },
}

/// What appending a membership record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendRecord {
    Appended,
    /// Another record took this place first (two admins at once): fetch and try again.
    Moved,
    /// The join request the record answers is gone (refused, expired or used).
    NoRequest,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRecord {
    pub inviter: String,
    pub secret_hash: [u8; 32],
    pub expires_at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub device: String,
    pub invitation: String,
    pub request: Vec<u8>,
    pub token_hash: [u8; 32],
    /// When it arrived (seconds since 1970).
    pub at: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddRequest {
    /// Stored as the `n`-th request on its invitation (more than one: someone else has the code).
    Stored(u64),
    NoInvitation,
    Full,
    /// This device asked already, or is in the team.
    Exists,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("relay database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("relay database: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("relay database: {0}")]
    Other(String),
}

pub trait Store: Send + Sync {
    /// Whether the store answers: what `/healthz` reports.
    fn ping(&self) -> Result<(), StoreError>;
    /// A team from its first membership record, its founder an admin. False when it exists.
    fn create_team(&self, team: &str, first: &[u8], device: &str, token_hash: &[u8; 32]) -> Result<bool, StoreError>;
    /// The team's membership records from position `after` on (0: all).
    fn records(&self, team: &str, after: u64) -> Result<Vec<Vec<u8>>, StoreError>;
    /// Appends record `seq` (verified by the caller) if that place is still free, with its effect,
    /// in one transaction.
    fn append_record(&self, team: &str, seq: u64, record: &[u8], effect: &Effect) -> Result<AppendRecord, StoreError>;
    /// False when an invitation with this id exists.
    fn add_invitation(&self, team: &str, id: &str, invitation: &InvitationRecord) -> Result<bool, StoreError>;
    /// A live invitation; expired ones (and their requests) are forgotten first.
    fn invitation(&self, team: &str, id: &str, now: i64) -> Result<Option<InvitationRecord>, StoreError>;
    fn add_request(&self, team: &str, request: &RequestRecord, now: i64) -> Result<AddRequest, StoreError>;
    /// Pending requests on live invitations, oldest first.
    fn requests(&self, team: &str, now: i64) -> Result<Vec<RequestRecord>, StoreError>;
    /// False when there was no such request.
    fn refuse_request(&self, team: &str, device: &str) -> Result<bool, StoreError>;
    fn device(&self, team: &str, device: &str) -> Result<Option<DeviceRecord>, StoreError>;
    fn append(
        &self,
        team: &str,
        device: &str,
        seq: u64,
        digest: &[u8; 32],
        sealed: &[u8],
    ) -> Result<Append, StoreError>;
    fn read(&self, team: &str, after: u64, limit: usize) -> Result<Vec<Frame>, StoreError>;
    /// One device's batch by its number, while the log still holds it: how a device asks again
    /// for a batch a download skipped.
    fn batch(&self, team: &str, device: &str, seq: u64) -> Result<Option<Frame>, StoreError>;
    /// The device has everything up to `cursor`; entries every active device has are dropped
    /// (compaction). Returns how many were dropped.
    fn acknowledge(&self, team: &str, device: &str, cursor: u64) -> Result<u64, StoreError>;
    /// Stored entries of a team (for tests and the load test's bound on growth).
    fn entries(&self, team: &str) -> Result<u64, StoreError>;
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn hash_of(bytes: Vec<u8>) -> [u8; 32] {
    bytes.try_into().unwrap_or([0; 32])
}

// --- SQLite -----------------------------------------------------------------------------------

pub struct SqliteStore {
    conn: Mutex<rusqlite::Connection>,
}

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

pub(crate) fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| to_i64(d.as_secs()))
}

impl SqliteStore {
    pub fn open(path: &str) -> Result<SqliteStore, StoreError> {
        let conn = rusqlite::Connection::open(path)?;
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        // An acknowledged upload must survive a power cut: the device deletes its copy.
        conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")?;
        conn.execute_batch(SQLITE_SCHEMA)?;
        Ok(SqliteStore { conn: Mutex::new(conn) })
    }

    fn lock(&self) -> Result<std::sync::MutexGuard<'_, rusqlite::Connection>, StoreError> {
        self.conn
            .lock()
            .map_err(|_| StoreError::Other("a request failed while holding the database".into()))
    }
}

/// Expired invitations and the requests made on them (SQL shared by both backends).
const PURGE_INVITATIONS: &str = "DELETE FROM invitations WHERE expires_at < $1";
const PURGE_REQUESTS: &str = "DELETE FROM join_requests WHERE NOT EXISTS (SELECT 1 FROM invitations i WHERE i.team = join_requests.team AND i.id = join_requests.invitation)";

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
            "INSERT INTO devices (team, device, token_hash, admin) VALUES (?1, ?2, ?3, 1)",
            rusqlite::params![team, device, token_hash.as_slice()],
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
                    "INSERT INTO devices (team, device, token_hash, admin) VALUES (?1, ?2, ?3, ?4)",
                    rusqlite::params![team, device, token, i64::from(*admin)],
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
            "SELECT token_hash, admin, revoked FROM devices WHERE team = ?1 AND device = ?2",
            [team, device],
            |r| {
                Ok(DeviceRecord {
                    token_hash: hash_of(r.get(0)?),
                    admin: r.get::<_, i64>(1)? != 0,
                    revoked: r.get::<_, i64>(2)? != 0,
                })
            },
        )
        .optional()?)
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

    fn read(&self, team: &str, after: u64, limit: usize) -> Result<Vec<Frame>, StoreError> {
        let c = self.lock()?;
        let mut stmt = c.prepare_cached(
            "SELECT pos, device, seq, sealed FROM log WHERE team = ?1 AND pos > ?2 ORDER BY pos LIMIT ?3",
        )?;
        let rows = stmt.query_map(rusqlite::params![team, to_i64(after), to_i64(limit as u64)], |r| {
            Ok(Frame {
                pos: to_u64(r.get(0)?),
                device: r.get(1)?,
                seq: to_u64(r.get(2)?),
                sealed: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
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
            "DELETE FROM log WHERE team = ?1 AND pos <= (SELECT min(acked) FROM devices WHERE team = ?1 AND revoked = 0)",
            [team],
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

// --- PostgreSQL -------------------------------------------------------------------------------

type PgManager = r2d2_postgres::PostgresConnectionManager<postgres::NoTls>;

/// A pool of connections shared by the request threads. A connection broken by a database
/// restart is found when it is taken (each is tested first) and replaced by a new one; while the
/// database is down, a request waits at most `PG_WAIT` and then fails cleanly.
pub struct PgStore {
    pool: r2d2::Pool<PgManager>,
}

/// How long a request waits for a connection, and a new connection for the database.
const PG_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

const PG_SCHEMA: &str = "
    CREATE TABLE IF NOT EXISTS teams (team TEXT PRIMARY KEY, next_pos BIGINT NOT NULL DEFAULT 0);
    CREATE TABLE IF NOT EXISTS devices (
        team TEXT NOT NULL, device TEXT NOT NULL, token_hash BYTEA NOT NULL,
        admin BOOLEAN NOT NULL, revoked BOOLEAN NOT NULL DEFAULT FALSE, acked BIGINT NOT NULL DEFAULT 0,
        last_seq BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (team, device));
    CREATE TABLE IF NOT EXISTS log (
        team TEXT NOT NULL, pos BIGINT NOT NULL, device TEXT NOT NULL, seq BIGINT NOT NULL,
        digest BYTEA NOT NULL, sealed BYTEA NOT NULL, at BIGINT NOT NULL,
        PRIMARY KEY (team, pos));
    CREATE TABLE IF NOT EXISTS batches_seen (
        team TEXT NOT NULL, device TEXT NOT NULL, seq BIGINT NOT NULL, digest BYTEA NOT NULL, pos BIGINT NOT NULL,
        PRIMARY KEY (team, device, seq));
    CREATE TABLE IF NOT EXISTS membership (
        team TEXT NOT NULL, seq BIGINT NOT NULL, record BYTEA NOT NULL, PRIMARY KEY (team, seq));
    CREATE TABLE IF NOT EXISTS invitations (
        team TEXT NOT NULL, id TEXT NOT NULL, inviter TEXT NOT NULL, secret_hash BYTEA NOT NULL,
        expires_at BIGINT NOT NULL, PRIMARY KEY (team, id));
    CREATE TABLE IF NOT EXISTS join_requests (
        team TEXT NOT NULL, device TEXT NOT NULL, invitation TEXT NOT NULL, request BYTEA NOT NULL,
        token_hash BYTEA NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (team, device));
";

impl PgStore {
    pub fn open(url: &str, connections: usize) -> Result<PgStore, StoreError> {
        let mut config: postgres::Config = url.parse()?;
        config.connect_timeout(PG_WAIT);
        let pool = r2d2::Pool::builder()
            .max_size(u32::try_from(connections.max(1)).unwrap_or(8))
            .min_idle(Some(1))
            .connection_timeout(PG_WAIT)
            .test_on_check_out(true)
            .build(PgManager::new(config, postgres::NoTls))
            .map_err(|e| StoreError::Other(format!("cannot connect: {e}")))?;
        let store = PgStore { pool };
        // Several relay processes may start at once: one creates the tables, the others wait.
        let mut c = store.lease()?;
        let mut tx = c.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock(4242)", &[])?;
        tx.batch_execute(PG_SCHEMA)?;
        tx.commit()?;
        drop(c);
        Ok(store)
    }

    fn lease(&self) -> Result<r2d2::PooledConnection<PgManager>, StoreError> {
        self.pool
            .get()
            .map_err(|e| StoreError::Other(format!("no connection to the database: {e}")))
    }
}

impl Store for PgStore {
    fn ping(&self) -> Result<(), StoreError> {
        self.lease()?.simple_query("SELECT 1")?;
        Ok(())
    }

    fn create_team(&self, team: &str, first: &[u8], device: &str, token_hash: &[u8; 32]) -> Result<bool, StoreError> {
        let mut c = self.lease()?;
        let mut tx = c.transaction()?;
        if tx.execute("INSERT INTO teams (team) VALUES ($1) ON CONFLICT DO NOTHING", &[&team])? == 0 {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO devices (team, device, token_hash, admin) VALUES ($1, $2, $3, TRUE)",
            &[&team, &device, &token_hash.as_slice()],
        )?;
        tx.execute(
            "INSERT INTO membership (team, seq, record) VALUES ($1, 0, $2)",
            &[&team, &first],
        )?;
        tx.commit()?;
        Ok(true)
    }

    fn records(&self, team: &str, after: u64) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut c = self.lease()?;
        let rows = c.query(
            "SELECT record FROM membership WHERE team = $1 AND seq >= $2 ORDER BY seq",
            &[&team, &to_i64(after)],
        )?;
        Ok(rows.into_iter().map(|r| r.get(0)).collect())
    }

    fn append_record(&self, team: &str, seq: u64, record: &[u8], effect: &Effect) -> Result<AppendRecord, StoreError> {
        let mut c = self.lease()?;
        let mut tx = c.transaction()?;
        // The team's row lock puts two admins' records one after the other.
        tx.execute("SELECT 1 FROM teams WHERE team = $1 FOR UPDATE", &[&team])?;
        let len: i64 = tx
            .query_one("SELECT count(*) FROM membership WHERE team = $1", &[&team])?
            .get(0);
        if len != to_i64(seq) {
            return Ok(AppendRecord::Moved);
        }
        tx.execute(
            "INSERT INTO membership (team, seq, record) VALUES ($1, $2, $3)",
            &[&team, &to_i64(seq), &record],
        )?;
        match effect {
            Effect::None => {}
            Effect::Add {
                device,
                admin,
                invitation,
            } => {
                let Some(row) = tx.query_opt(
                    "SELECT token_hash FROM join_requests WHERE team = $1 AND device = $2 AND invitation = $3",
                    &[&team, device, invitation],
                )?
                else {
                    return Ok(AppendRecord::NoRequest);
                };
                let token: Vec<u8> = row.get(0);
                tx.execute(
                    "INSERT INTO devices (team, device, token_hash, admin) VALUES ($1, $2, $3, $4)",
                    &[&team, device, &token, admin],
                )?;
                tx.execute(
                    "DELETE FROM join_requests WHERE team = $1 AND invitation = $2",
                    &[&team, invitation],
                )?;
                tx.execute(
                    "DELETE FROM invitations WHERE team = $1 AND id = $2",
                    &[&team, invitation],
                )?;
            }
            Effect::Revoke { device } => {
                tx.execute(
                    "UPDATE devices SET revoked = TRUE WHERE team = $1 AND device = $2",
                    &[&team, device],
                )?;
            }
            Effect::SetAdmin { device, admin } => {
                tx.execute(
                    "UPDATE devices SET admin = $3 WHERE team = $1 AND device = $2",
                    &[&team, device, admin],
                )?;
            }
        }
        tx.commit()?;
        Ok(AppendRecord::Appended)
    }

    fn add_invitation(&self, team: &str, id: &str, inv: &InvitationRecord) -> Result<bool, StoreError> {
        let mut c = self.lease()?;
        Ok(c.execute(
            "INSERT INTO invitations (team, id, inviter, secret_hash, expires_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            &[&team, &id, &inv.inviter, &inv.secret_hash.as_slice(), &inv.expires_at],
        )? == 1)
    }

    fn invitation(&self, team: &str, id: &str, now: i64) -> Result<Option<InvitationRecord>, StoreError> {
        let mut c = self.lease()?;
        c.execute(PURGE_INVITATIONS, &[&now])?;
        c.execute(PURGE_REQUESTS, &[])?;
        let row = c.query_opt(
            "SELECT inviter, secret_hash, expires_at FROM invitations WHERE team = $1 AND id = $2",
            &[&team, &id],
        )?;
        Ok(row.map(|r| InvitationRecord {
            inviter: r.get(0),
            secret_hash: hash_of(r.get(1)),
            expires_at: r.get(2),
        }))
    }

    fn add_request(&self, team: &str, req: &RequestRecord, now: i64) -> Result<AddRequest, StoreError> {
        let mut c = self.lease()?;
        let mut tx = c.transaction()?;
        // Locking the invitation counts its requests one request at a time.
        if tx
            .query_opt(
                "SELECT 1 FROM invitations WHERE team = $1 AND id = $2 AND expires_at >= $3 FOR UPDATE",
                &[&team, &req.invitation, &now],
            )?
            .is_none()
        {
            return Ok(AddRequest::NoInvitation);
        }
        let known: i64 = tx
            .query_one(
                "SELECT (SELECT count(*) FROM devices WHERE team = $1 AND device = $2) + (SELECT count(*) FROM join_requests WHERE team = $1 AND device = $2)",
                &[&team, &req.device],
            )?
            .get(0);
        if known > 0 {
            return Ok(AddRequest::Exists);
        }
        let on_invitation: i64 = tx
            .query_one(
                "SELECT count(*) FROM join_requests WHERE team = $1 AND invitation = $2",
                &[&team, &req.invitation],
            )?
            .get(0);
        if to_u64(on_invitation) >= fieldscreen_wire::MAX_REQUESTS_PER_INVITATION {
            return Ok(AddRequest::Full);
        }
        tx.execute(
            "INSERT INTO join_requests (team, device, invitation, request, token_hash, at) VALUES ($1, $2, $3, $4, $5, $6)",
            &[&team, &req.device, &req.invitation, &req.request, &req.token_hash.as_slice(), &req.at],
        )?;
        tx.commit()?;
        Ok(AddRequest::Stored(to_u64(on_invitation) + 1))
    }

    fn requests(&self, team: &str, now: i64) -> Result<Vec<RequestRecord>, StoreError> {
        let mut c = self.lease()?;
        c.execute(PURGE_INVITATIONS, &[&now])?;
        c.execute(PURGE_REQUESTS, &[])?;
        let rows = c.query(
            "SELECT device, invitation, request, token_hash, at FROM join_requests WHERE team = $1 ORDER BY at, device",
            &[&team],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| RequestRecord {
                device: r.get(0),
                invitation: r.get(1),
                request: r.get(2),
                token_hash: hash_of(r.get(3)),
                at: r.get(4),
            })
            .collect())
    }

    fn refuse_request(&self, team: &str, device: &str) -> Result<bool, StoreError> {
        let mut c = self.lease()?;
        Ok(c.execute(
            "DELETE FROM join_requests WHERE team = $1 AND device = $2",
            &[&team, &device],
        )? == 1)
    }

    fn device(&self, team: &str, device: &str) -> Result<Option<DeviceRecord>, StoreError> {
        let mut c = self.lease()?;
        let row = c.query_opt(
            "SELECT token_hash, admin, revoked FROM devices WHERE team = $1 AND device = $2",
            &[&team, &device],
        )?;
        Ok(row.map(|r| DeviceRecord {
            token_hash: hash_of(r.get(0)),
            admin: r.get(1),
            revoked: r.get(2),
        }))
    }

    fn append(
        &self,
        team: &str,
        device: &str,
        seq: u64,
        digest: &[u8; 32],
        sealed: &[u8],
    ) -> Result<Append, StoreError> {
        let mut c = self.lease()?;
        let mut tx = c.transaction()?;
        // The device's row lock orders its own uploads; the team's row lock orders positions.
        let last: i64 = tx
            .query_one(
                "SELECT last_seq FROM devices WHERE team = $1 AND device = $2 FOR UPDATE",
                &[&team, &device],
            )?
            .get(0);
        if let Some(r) = tx.query_opt(
            "SELECT digest, pos FROM batches_seen WHERE team = $1 AND device = $2 AND seq = $3",
            &[&team, &device, &to_i64(seq)],
        )? {
            let d: Vec<u8> = r.get(0);
            return Ok(if d == digest {
                Append::Duplicate(to_u64(r.get(1)))
            } else {
                Append::Conflict
            });
        }
        if to_i64(seq) != last + 1 {
            return Ok(Append::Gap {
                expected: to_u64(last + 1),
            });
        }
        let pos: i64 = tx
            .query_one(
                "UPDATE teams SET next_pos = next_pos + 1 WHERE team = $1 RETURNING next_pos",
                &[&team],
            )?
            .get(0);
        tx.execute(
            "INSERT INTO log (team, pos, device, seq, digest, sealed, at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &team,
                &pos,
                &device,
                &to_i64(seq),
                &digest.as_slice(),
                &sealed,
                &now_secs(),
            ],
        )?;
        tx.execute(
            "INSERT INTO batches_seen (team, device, seq, digest, pos) VALUES ($1, $2, $3, $4, $5)",
            &[&team, &device, &to_i64(seq), &digest.as_slice(), &pos],
        )?;
        tx.execute(
            "UPDATE devices SET last_seq = $3 WHERE team = $1 AND device = $2",
            &[&team, &device, &to_i64(seq)],
        )?;
        tx.commit()?;
        Ok(Append::Stored(to_u64(pos)))
    }

    fn read(&self, team: &str, after: u64, limit: usize) -> Result<Vec<Frame>, StoreError> {
        let mut c = self.lease()?;
        let rows = c.query(
            "SELECT pos, device, seq, sealed FROM log WHERE team = $1 AND pos > $2 ORDER BY pos LIMIT $3",
            &[&team, &to_i64(after), &to_i64(limit as u64)],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| Frame {
                pos: to_u64(r.get(0)),
                device: r.get(1),
                seq: to_u64(r.get(2)),
                sealed: r.get(3),
            })
            .collect())
    }

    fn batch(&self, team: &str, device: &str, seq: u64) -> Result<Option<Frame>, StoreError> {
        let mut c = self.lease()?;
        let row = c.query_opt(
            "SELECT pos, sealed FROM log WHERE team = $1 AND device = $2 AND seq = $3",
            &[&team, &device, &to_i64(seq)],
        )?;
        Ok(row.map(|r| Frame {
            pos: to_u64(r.get(0)),
            device: device.to_string(),
            seq,
            sealed: r.get(1),
        }))
    }

    fn acknowledge(&self, team: &str, device: &str, cursor: u64) -> Result<u64, StoreError> {
        let mut c = self.lease()?;
        let mut tx = c.transaction()?;
        tx.execute(
            "UPDATE devices SET acked = GREATEST(acked, $3) WHERE team = $1 AND device = $2",
            &[&team, &device, &to_i64(cursor)],
        )?;
        let dropped = tx.execute(
            "DELETE FROM log WHERE team = $1 AND pos <= (SELECT min(acked) FROM devices WHERE team = $1 AND NOT revoked)",
            &[&team],
        )?;
        tx.commit()?;
        Ok(dropped)
    }

    fn entries(&self, team: &str) -> Result<u64, StoreError> {
        let mut c = self.lease()?;
        let n: i64 = c
            .query_one("SELECT count(*) FROM log WHERE team = $1", &[&team])?
            .get(0);
        Ok(to_u64(n))
    }
}

/// `sqlite:PATH` (or a bare path) or `postgres://…`.
pub fn open_store(database: &str) -> Result<std::sync::Arc<dyn Store>, StoreError> {
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        Ok(std::sync::Arc::new(PgStore::open(database, 8)?))
    } else {
        let path = database.strip_prefix("sqlite:").unwrap_or(database);
        Ok(std::sync::Arc::new(SqliteStore::open(path)?))
    }
}
