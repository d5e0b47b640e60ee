//! The relay on PostgreSQL: several relay processes may share one database.

use super::*;

type PgManager = r2d2_postgres::PostgresConnectionManager<postgres::NoTls>;

/// A pool of connections shared by the request threads. A connection broken by a database
/// restart is found when it is taken (each is tested first) and replaced by a new one; while the
/// database is down, a request waits at most `PG_WAIT` and then fails cleanly.
pub struct PgStore {
    pool: r2d2::Pool<PgManager>,
}

/// How long a request waits for a connection, and a new connection for the database.
const PG_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The schema, one step per version (`relay_schema` counts the steps taken). Never edit a step
/// that has shipped: add one.
const MIGRATIONS: &[&str] = &[PG_SCHEMA, PG_V2];

/// 2: when a device was let in, and whether it has come since (older devices count as come).
const PG_V2: &str = "
    ALTER TABLE devices ADD COLUMN IF NOT EXISTS used BOOLEAN NOT NULL DEFAULT TRUE;
    ALTER TABLE devices ADD COLUMN IF NOT EXISTS added_at BIGINT NOT NULL DEFAULT 0;
";

/// 1: the first schema (a relay made before versions counted has it already).
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
    /// Connects a pool of `connections` and brings the schema up to date.
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
        tx.batch_execute("CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL)")?;
        let done: i32 = tx
            .query_opt("SELECT version FROM relay_schema", &[])?
            .map_or(0, |r| r.get(0));
        for (v, step) in MIGRATIONS.iter().enumerate().skip(usize::try_from(done).unwrap_or(0)) {
            tx.batch_execute(step)?;
            let v = i32::try_from(v + 1).unwrap_or(i32::MAX);
            tx.execute("DELETE FROM relay_schema", &[])?;
            tx.execute("INSERT INTO relay_schema (version) VALUES ($1)", &[&v])?;
        }
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
            "INSERT INTO devices (team, device, token_hash, admin, used, added_at) VALUES ($1, $2, $3, TRUE, TRUE, $4)",
            &[&team, &device, &token_hash.as_slice(), &now_secs()],
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
                at,
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
                    "INSERT INTO devices (team, device, token_hash, admin, used, added_at) VALUES ($1, $2, $3, $4, FALSE, $5)",
                    &[&team, device, &token, admin, at],
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
            "SELECT token_hash, admin, revoked, used, added_at FROM devices WHERE team = $1 AND device = $2",
            &[&team, &device],
        )?;
        Ok(row.map(|r| DeviceRecord {
            token_hash: hash_of(r.get(0)),
            admin: r.get(1),
            revoked: r.get(2),
            used: r.get(3),
            added_at: r.get(4),
        }))
    }

    fn mark_used(&self, team: &str, device: &str) -> Result<(), StoreError> {
        self.lease()?.execute(
            "UPDATE devices SET used = TRUE WHERE team = $1 AND device = $2",
            &[&team, &device],
        )?;
        Ok(())
    }

    fn devices(&self, team: &str) -> Result<Vec<DeviceStatus>, StoreError> {
        let rows = self.lease()?.query(
            "SELECT device, admin, revoked, used, added_at, acked, last_seq FROM devices WHERE team = $1 ORDER BY added_at, device",
            &[&team],
        )?;
        Ok(rows
            .into_iter()
            .map(|r| DeviceStatus {
                device: r.get(0),
                admin: r.get(1),
                revoked: r.get(2),
                used: r.get(3),
                added_at: r.get(4),
                acked: to_u64(r.get(5)),
                last_seq: to_u64(r.get(6)),
            })
            .collect())
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

    fn read(&self, team: &str, after: u64) -> Result<Vec<Frame>, StoreError> {
        let mut c = self.lease()?;
        // Sizes first, then only the batches that fit: the rest never leaves the database.
        let sizes = c.query(
            "SELECT pos, device, seq, octet_length(sealed) FROM log WHERE team = $1 AND pos > $2 ORDER BY pos LIMIT $3",
            &[&team, &to_i64(after), &to_i64(MAX_PAGE as u64)],
        )?;
        let mut bytes = 0;
        let mut wanted = Vec::new();
        for r in &sizes {
            let device: String = r.get(1);
            let len = encoded_frame_len(&device, usize::try_from(r.get::<_, i32>(3)).unwrap_or(usize::MAX));
            if !fits_in_page(wanted.len(), bytes, len) {
                break;
            }
            bytes += len;
            wanted.push((r.get::<_, i64>(0), device, to_u64(r.get(2))));
        }
        let Some(last) = wanted.last().map(|w| w.0) else {
            return Ok(Vec::new());
        };
        let bodies = c.query(
            "SELECT pos, sealed FROM log WHERE team = $1 AND pos > $2 AND pos <= $3 ORDER BY pos",
            &[&team, &to_i64(after), &last],
        )?;
        let mut sealed: std::collections::HashMap<i64, Vec<u8>> =
            bodies.into_iter().map(|r| (r.get(0), r.get(1))).collect();
        Ok(wanted
            .into_iter()
            .filter_map(|(pos, device, seq)| {
                Some(Frame {
                    pos: to_u64(pos),
                    device,
                    seq,
                    sealed: sealed.remove(&pos)?,
                })
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
            "DELETE FROM log WHERE team = $1 AND pos <= (SELECT min(acked) FROM devices WHERE team = $1 AND NOT revoked AND (used OR added_at >= $2))",
            &[&team, &(now_secs() - UNUSED_PLACE_SECONDS)],
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
