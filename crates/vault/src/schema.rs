//! The vault's SQL schema, as numbered migrations applied in order inside one transaction each.
//! `PRAGMA user_version` records how many have run. Never edit a released migration: add one.
//!
//! The SQL tables hold the case documents (snapshot + changes since) and indexes derived from
//! them for listing and search. They never hold a second copy of the truth: `cases` can be
//! rebuilt from the documents at any time.

use rusqlite::Connection;

pub const MIGRATIONS: &[&str] = &[
    // 1: case documents and the listing index.
    "CREATE TABLE vault_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     CREATE TABLE cases (
         id TEXT PRIMARY KEY,
         protocol_id TEXT NOT NULL,
         protocol_version TEXT NOT NULL,
         created_at TEXT NOT NULL,
         updated_at TEXT NOT NULL,
         state TEXT NOT NULL,
         level TEXT,
         age_group TEXT,
         consent TEXT,
         answer_count INTEGER NOT NULL DEFAULT 0
     );
     CREATE TABLE case_snapshots (
         case_id TEXT PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
         bytes BLOB NOT NULL
     );
     CREATE TABLE case_changes (
         case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
         seq INTEGER NOT NULL,
         bytes BLOB NOT NULL,
         PRIMARY KEY (case_id, seq)
     );",
    // 2: the audit log (who did what and when; never answer content) and listing indexes for
    // filtering by date and outcome.
    "CREATE TABLE audit (
         id INTEGER PRIMARY KEY,
         at TEXT NOT NULL,
         actor TEXT NOT NULL,
         action TEXT NOT NULL,
         case_id TEXT
     );
     CREATE INDEX cases_by_updated ON cases(updated_at);
     CREATE INDEX cases_by_level ON cases(level, updated_at);",
    // 3: sync. `sync_unsent`: cases changed here since they last went into a batch;
    // `sync_sent`: the heads each case had when it did; `sync_outbox`: sealed batches waiting
    // for the relay's acknowledgement; `sync_held`: changes of cases whose creation has not
    // arrived yet; `sync_state`: the team credentials, the next batch number, the cursor.
    "CREATE TABLE sync_unsent (case_id TEXT PRIMARY KEY);
     CREATE TABLE sync_sent (case_id TEXT PRIMARY KEY, heads BLOB NOT NULL);
     CREATE TABLE sync_outbox (seq INTEGER PRIMARY KEY, sealed BLOB NOT NULL);
     CREATE TABLE sync_held (id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, bytes BLOB NOT NULL);
     CREATE TABLE sync_state (key TEXT PRIMARY KEY, value BLOB NOT NULL);
     INSERT INTO sync_unsent (case_id) SELECT id FROM cases;",
    // 4: erasures. A case deleted on one device is deleted on every device of the team: the
    // id stays here (nothing else of the case) so that its erasure can be sent, and so that
    // changes of it still arriving from other devices are dropped instead of bringing it back.
    "CREATE TABLE erasures (case_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0);",
    // 5: cases kept on this device. Joining a team asks whether the cases already here go to
    // it; those the user keeps are listed here and never packed, bundled or erased team-wide.
    "CREATE TABLE sync_local (case_id TEXT PRIMARY KEY);",
    // 6: what this device knows of the team's log beyond its cursor, and what each queued batch
    // holds. `sync_seen`: the highest batch number merged (or set aside) from each device;
    // `sync_gaps`: batch numbers of a device that the relay skipped, asked for again at every
    // sync; `sync_quarantine`: log entries set aside because they did not open, verify or
    // decode; `sync_outbox_contents`: the cases (with the heads they had been sent at before)
    // and erasures in each queued batch, so a deleted case can be taken out of the outbox.
    "CREATE TABLE sync_seen (team TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (team, device));
     CREATE TABLE sync_gaps (team TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL, noticed_at TEXT NOT NULL, PRIMARY KEY (team, device, seq));
     CREATE TABLE sync_quarantine (team TEXT NOT NULL, pos INTEGER NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (team, pos));
     CREATE TABLE sync_outbox_contents (seq INTEGER NOT NULL, case_id TEXT NOT NULL, erased INTEGER NOT NULL, heads_before BLOB, PRIMARY KEY (seq, case_id, erased));",
];

pub fn version(conn: &Connection) -> rusqlite::Result<usize> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(|v| usize::try_from(v).unwrap_or(0))
}

/// Applies every migration after the current version. Returns the version reached.
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<usize> {
    migrate_to(conn, MIGRATIONS.len())
}

pub fn migrate_to(conn: &mut Connection, target: usize) -> rusqlite::Result<usize> {
    let mut v = version(conn)?;
    while v < target.min(MIGRATIONS.len()) {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[v])?;
        tx.pragma_update(None, "user_version", i64::try_from(v + 1).unwrap_or(i64::MAX))?;
        tx.commit()?;
        v += 1;
        tracing::info!(version = v, "vault schema migrated");
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Data that every schema version can hold, inserted at that version.
    fn seed(conn: &Connection, version: usize) {
        if version >= 1 {
            conn.execute_batch(
                "INSERT INTO cases (id, protocol_id, protocol_version, created_at, updated_at, state)
                 VALUES ('c1', 'rapid-screen', '1.0.0', '2026-01-01', '2026-01-02', 'completed');
                 INSERT INTO case_changes (case_id, seq, bytes) VALUES ('c1', 1, x'00');",
            )
            .expect("seed v1");
        }
        if version >= 2 {
            conn.execute_batch("INSERT INTO audit (at, actor, action) VALUES ('2026-01-01', 'd', 'vault-init');")
                .expect("seed v2");
        }
    }

    #[test]
    fn migrates_from_every_earlier_version() {
        for start in 0..=MIGRATIONS.len() {
            let mut conn = Connection::open_in_memory().expect("db");
            assert_eq!(migrate_to(&mut conn, start).expect("to start"), start);
            seed(&conn, start);
            assert_eq!(migrate(&mut conn).expect("to latest"), MIGRATIONS.len());
            let cases: i64 = conn
                .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
                .expect("count");
            assert_eq!(cases, i64::from(start >= 1), "data from version {start} survives");
            // The latest schema is usable whatever the start.
            conn.execute("INSERT INTO audit (at, actor, action) VALUES ('t', 'd', 'x')", [])
                .expect("audit");
            assert_eq!(
                migrate(&mut conn).expect("again"),
                MIGRATIONS.len(),
                "migrating twice is a no-op"
            );
        }
    }
}
