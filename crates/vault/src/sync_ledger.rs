//! What this device knows of the team's log besides the cases it merged: the highest batch
//! number it has had from each device, the numbers the relay skipped (gaps), and the log entries
//! it set aside because they did not open, verify or decode (quarantine). Kept so that one bad
//! entry never stalls a sync, and a withheld batch is seen instead of silently lost. Written only
//! with the merge it belongs to (`Vault::receive`), so the record and the cases never disagree.

use crate::{Vault, VaultError, now_iso};
use rusqlite::params;
use std::collections::HashMap;

/// A log entry set aside: nothing of it was merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    /// Its position in the team's log.
    pub pos: u64,
    /// The device and batch number the relay gave for it (not proven: it did not open).
    pub device: String,
    /// The batch number the relay gave for it.
    pub seq: u64,
    /// Why it was set aside.
    pub reason: String,
}

/// A batch number the relay skipped: batches of a device must arrive without gaps.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gap {
    /// The device whose batch is missing.
    pub device: String,
    /// Its batch number.
    pub seq: u64,
}

/// What merging part of the team's log records beside it, in the same transaction.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    /// Sync-state values to set with the merge (the download cursor, the last bundle imported).
    pub state: Vec<(String, Vec<u8>)>,
    /// The team whose log this is; the rest concerns it.
    pub team: String,
    /// The highest batch number now had from each device.
    pub seen: Vec<(String, u64)>,
    /// Gaps found, and gaps closed by a batch that arrived late.
    pub gaps: Vec<Gap>,
    /// Gaps a late batch closed.
    pub filled: Vec<Gap>,
    /// Entries set aside.
    pub quarantined: Vec<Quarantined>,
}

impl Ledger {
    /// A ledger that only sets one sync-state value.
    pub fn state(key: &str, value: &[u8]) -> Ledger {
        Ledger {
            state: vec![(key.to_string(), value.to_vec())],
            ..Ledger::default()
        }
    }

    pub(crate) fn write(&self, tx: &rusqlite::Transaction<'_>) -> Result<(), VaultError> {
        for (key, value) in &self.state {
            tx.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)",
                params![key, value],
            )?;
        }
        for (device, seq) in &self.seen {
            tx.execute(
                "INSERT INTO sync_seen (team, device, seq) VALUES (?1, ?2, ?3)
                 ON CONFLICT (team, device) DO UPDATE SET seq = max(seq, excluded.seq)",
                params![self.team, device, to_i64(*seq)],
            )?;
        }
        let now = now_iso();
        for g in &self.gaps {
            tx.execute(
                "INSERT OR IGNORE INTO sync_gaps (team, device, seq, noticed_at) VALUES (?1, ?2, ?3, ?4)",
                params![self.team, g.device, to_i64(g.seq), now],
            )?;
        }
        for g in &self.filled {
            tx.execute(
                "DELETE FROM sync_gaps WHERE team = ?1 AND device = ?2 AND seq = ?3",
                params![self.team, g.device, to_i64(g.seq)],
            )?;
        }
        for q in &self.quarantined {
            tx.execute(
                "INSERT OR REPLACE INTO sync_quarantine (team, pos, device, seq, reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![self.team, to_i64(q.pos), q.device, to_i64(q.seq), q.reason, now],
            )?;
        }
        Ok(())
    }
}

fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

impl Vault {
    /// The highest batch number had from each device of `team`.
    pub fn seen_batches(&self, team: &str) -> Result<HashMap<String, u64>, VaultError> {
        let mut stmt = self.conn.prepare("SELECT device, seq FROM sync_seen WHERE team = ?1")?;
        let rows = stmt.query_map([team], |r| Ok((r.get::<_, String>(0)?, to_u64(r.get(1)?))))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Batch numbers the relay skipped and has not given since, oldest device and number first.
    pub fn gaps(&self, team: &str) -> Result<Vec<Gap>, VaultError> {
        let mut stmt = self
            .conn
            .prepare("SELECT device, seq FROM sync_gaps WHERE team = ?1 ORDER BY device, seq")?;
        let rows = stmt.query_map([team], |r| {
            Ok(Gap {
                device: r.get(0)?,
                seq: to_u64(r.get(1)?),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Log entries set aside, in log order.
    pub fn quarantined(&self, team: &str) -> Result<Vec<Quarantined>, VaultError> {
        let mut stmt = self
            .conn
            .prepare("SELECT pos, device, seq, reason FROM sync_quarantine WHERE team = ?1 ORDER BY pos")?;
        let rows = stmt.query_map([team], |r| {
            Ok(Quarantined {
                pos: to_u64(r.get(0)?),
                device: r.get(1)?,
                seq: to_u64(r.get(2)?),
                reason: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
