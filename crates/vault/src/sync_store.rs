//! What sync needs from the vault, kept in the same encrypted database and the same
//! transactions as the cases: which cases changed here since they last left, the sealed batches
//! waiting for the relay, the download cursor, and merging what other devices sent. The sync
//! logic itself (batches, sealing, the relay) lives in `fieldscreen-sync`.

use crate::sync_ledger::Ledger;
use crate::{CaseDoc, CaseIndex, Vault, VaultError, append_change, erase_case, now_iso};
use rusqlite::{OptionalExtension, params};

/// One case's part of an outgoing batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseUpdate {
    /// The case.
    pub case_id: String,
    /// The whole document the first time a case leaves, afterwards only what is new.
    pub bytes: Vec<u8>,
}

/// What a batch carries: changes of cases, and the cases its device erased.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// Changes of cases.
    pub updates: Vec<CaseUpdate>,
    /// Cases the device erased.
    pub erased: Vec<String>,
}

/// What merging a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Received {
    /// Cases this device did not have.
    pub new_cases: usize,
    /// Cases it had that changed.
    pub changed_cases: usize,
    /// Changes held until the case's creation arrives.
    pub held: usize,
    /// Cases deleted here because another device erased them.
    pub erased: usize,
}

impl Vault {
    /// This device's id: also its Automerge actor, so a case's history says which device wrote
    /// each change.
    pub fn device_id(&self) -> &str {
        &self.device
    }

    /// A value the sync client keeps (team, keys, cursor), encrypted with everything else.
    pub fn sync_value(&self, key: &str) -> Result<Option<Vec<u8>>, VaultError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM sync_state WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// Sets a sync value.
    pub fn set_sync_value(&mut self, key: &str, value: &[u8]) -> Result<(), VaultError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
        Ok(())
    }

    /// Removes a sync value.
    pub fn remove_sync_value(&mut self, key: &str) -> Result<(), VaultError> {
        self.conn.execute("DELETE FROM sync_state WHERE key = ?1", [key])?;
        Ok(())
    }

    /// How many cases have changes (or an erasure) that have not gone into a batch yet.
    pub fn unsent_count(&self) -> Result<usize, VaultError> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM sync_unsent WHERE case_id NOT IN (SELECT case_id FROM sync_local))
                  + (SELECT count(*) FROM erasures WHERE sent = 0 AND case_id NOT IN (SELECT case_id FROM sync_local))",
            [],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Cases erased here whose erasure has not gone into a batch yet.
    pub fn unsent_erasures(&self) -> Result<Vec<String>, VaultError> {
        let mut stmt = self
            .conn
            .prepare("SELECT case_id FROM erasures WHERE sent = 0 AND case_id NOT IN (SELECT case_id FROM sync_local) ORDER BY case_id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every case erased here or by another device of the team.
    pub fn erasures(&self) -> Result<Vec<String>, VaultError> {
        let mut stmt = self.conn.prepare(
            "SELECT case_id FROM erasures WHERE case_id NOT IN (SELECT case_id FROM sync_local) ORDER BY case_id",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Up to `limit` cases changed here since they last went into a batch, each with what a
    /// peer lacks, and the heads to remember once the batch is queued.
    pub fn unsent_updates(&mut self, limit: usize) -> Result<Vec<(CaseUpdate, Vec<u8>)>, VaultError> {
        let ids: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT case_id FROM sync_unsent WHERE case_id NOT IN (SELECT case_id FROM sync_local) ORDER BY case_id LIMIT ?1")?;
            stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| r.get(0))?
                .collect::<Result<_, _>>()?
        };
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let sent: Option<Vec<u8>> = self
                .conn
                .query_row("SELECT heads FROM sync_sent WHERE case_id = ?1", [&id], |r| r.get(0))
                .optional()?;
            let doc = self.doc_mut(&id)?;
            let heads = doc.heads();
            let bytes = match &sent {
                Some(h) if *h == heads => {
                    self.conn.execute("DELETE FROM sync_unsent WHERE case_id = ?1", [&id])?;
                    continue;
                }
                Some(h) => doc.own_changes_after(h)?,
                None => doc.save(),
            };
            if bytes.is_empty() {
                // Only other devices' changes since: nothing of ours to send.
                self.conn.execute("DELETE FROM sync_unsent WHERE case_id = ?1", [&id])?;
                continue;
            }
            out.push((CaseUpdate { case_id: id, bytes }, heads));
        }
        Ok(out)
    }

    /// Stores a sealed batch under the next batch number and marks its cases and erasures as
    /// sent, in one transaction: from here on the batch is retried until the relay acknowledges
    /// it. `included`: each case with the heads it was sent at.
    pub fn queue_batch(
        &mut self,
        sealed: &[u8],
        included: &[(String, Vec<u8>)],
        erased: &[String],
    ) -> Result<u64, VaultError> {
        let tx = self.conn.transaction()?;
        let seq = next_seq(&tx)?;
        let seq_i = i64::try_from(seq).unwrap_or(i64::MAX);
        tx.execute(
            "INSERT INTO sync_outbox (seq, sealed) VALUES (?1, ?2)",
            params![seq_i, sealed],
        )?;
        set_next_seq(&tx, seq + 1)?;
        for (id, heads) in included {
            let before: Option<Vec<u8>> = tx
                .query_row("SELECT heads FROM sync_sent WHERE case_id = ?1", [id], |r| r.get(0))
                .optional()?;
            tx.execute(
                "INSERT OR REPLACE INTO sync_outbox_contents (seq, case_id, erased, heads_before) VALUES (?1, ?2, 0, ?3)",
                params![seq_i, id, before],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO sync_sent (case_id, heads) VALUES (?1, ?2)",
                params![id, heads],
            )?;
            tx.execute("DELETE FROM sync_unsent WHERE case_id = ?1", [id])?;
        }
        for id in erased {
            tx.execute(
                "INSERT OR REPLACE INTO sync_outbox_contents (seq, case_id, erased, heads_before) VALUES (?1, ?2, 1, NULL)",
                params![seq_i, id],
            )?;
            tx.execute("UPDATE erasures SET sent = 1 WHERE case_id = ?1", [id])?;
        }
        tx.commit()?;
        Ok(seq)
    }

    /// Takes batches `from` on out of the outbox and makes what they held unsent again, so the
    /// next sync packs it anew under the same numbers: how a deleted case leaves the outbox, and
    /// how a device moves past a number the relay already holds (`skip`: the next batch gets
    /// `from + 1`). Returns how many batches were taken out.
    pub fn unpack_outbox(&mut self, from: u64, skip: bool) -> Result<usize, VaultError> {
        let tx = self.conn.transaction()?;
        let n = unpack_outbox(&tx, from, skip)?;
        tx.commit()?;
        Ok(n)
    }

    /// The next batch number `queue_batch` will use.
    pub fn next_batch_seq(&self) -> Result<u64, VaultError> {
        next_seq(&self.conn)
    }

    /// Batches waiting for the relay, oldest first.
    pub fn outbox(&self) -> Result<Vec<(u64, Vec<u8>)>, VaultError> {
        let mut stmt = self.conn.prepare("SELECT seq, sealed FROM sync_outbox ORDER BY seq")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))?;
        rows.map(|r| r.map(|(s, b)| (u64::try_from(s).unwrap_or(0), b)).map_err(Into::into))
            .collect()
    }

    /// The relay holds batch `seq`: it leaves the outbox.
    pub fn outbox_acknowledged(&mut self, seq: u64) -> Result<(), VaultError> {
        let tx = self.conn.transaction()?;
        let seq = i64::try_from(seq).unwrap_or(i64::MAX);
        tx.execute("DELETE FROM sync_outbox WHERE seq = ?1", [seq])?;
        tx.execute("DELETE FROM sync_outbox_contents WHERE seq = ?1", [seq])?;
        tx.commit()?;
        Ok(())
    }

    /// Keeps every case now in the vault on this device: none of them is ever packed, bundled
    /// or erased team-wide (the answer "stay" when joining a team). Later cases are the team's.
    pub fn keep_local(&mut self) -> Result<usize, VaultError> {
        let tx = self.conn.transaction()?;
        let n = tx.execute("INSERT OR IGNORE INTO sync_local (case_id) SELECT id FROM cases", [])?;
        tx.execute(
            "INSERT OR IGNORE INTO sync_local (case_id) SELECT case_id FROM erasures",
            [],
        )?;
        tx.commit()?;
        Ok(n)
    }

    /// Whether a case is kept on this device only.
    pub fn is_local(&self, id: &str) -> Result<bool, VaultError> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM sync_local WHERE case_id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Forgets the outbox and the batch numbering, and marks everything to be sent whole: for a
    /// device leaving its team, whose queued batches are sealed for that team only and whose
    /// numbers must start at 1 in the next.
    pub fn reset_sending(&mut self) -> Result<(), VaultError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM sync_outbox", [])?;
        tx.execute("DELETE FROM sync_outbox_contents", [])?;
        tx.execute("DELETE FROM sync_state WHERE key = ?1", [NEXT_SEQ])?;
        tx.commit()?;
        self.resend_everything()
    }

    /// Marks every case as changed, so the next sync sends each one whole, and every erasure
    /// as unsent: how a device seeds a newly enrolled one after the relay has compacted what
    /// it once held.
    pub fn resend_everything(&mut self) -> Result<(), VaultError> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM sync_sent", [])?;
        tx.execute("UPDATE erasures SET sent = 0", [])?;
        tx.execute("INSERT OR IGNORE INTO sync_unsent (case_id) SELECT id FROM cases", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Merges other devices' updates and erasures and records the `ledger` (the download cursor
    /// moved, batch numbers seen, gaps, entries set aside), all in one transaction: a crash
    /// leaves either everything merged and recorded, or neither. `index` computes a case's listing from its merged document.
    ///
    /// An erasure wins over every change of its case, whichever arrives first: the person asked
    /// for the case to go (or it was made by mistake), and every device must end the same.
    pub fn receive(
        &mut self,
        batch: &Batch,
        ledger: &Ledger,
        index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
    ) -> Result<Received, VaultError> {
        let mut received = Received::default();
        let mut erased: Vec<&str> = batch.erased.iter().map(String::as_str).collect();
        {
            let mut known = self.conn.prepare("SELECT 1 FROM erasures WHERE case_id = ?1")?;
            for u in &batch.updates {
                if !erased.contains(&u.case_id.as_str()) && known.exists([&u.case_id])? {
                    erased.push(&u.case_id);
                }
            }
        }
        // Each case: its document, whether it existed here, and every update not yet applied
        // for good (held from before, then this batch's).
        let mut merged: Vec<(String, CaseDoc, bool, Vec<Vec<u8>>)> = Vec::new();
        for u in batch.updates.iter().filter(|u| !erased.contains(&u.case_id.as_str())) {
            if let Some(i) = merged.iter().position(|(id, ..)| *id == u.case_id) {
                let (_, doc, _, raw) = &mut merged[i];
                doc.merge(&u.bytes)?;
                raw.push(u.bytes.clone());
                continue;
            }
            let exists: bool = self
                .conn
                .query_row("SELECT 1 FROM cases WHERE id = ?1", [&u.case_id], |_| Ok(()))
                .optional()?
                .is_some();
            // Changes held from earlier batches come first; then this one.
            let mut raw: Vec<Vec<u8>> = {
                let mut stmt = self
                    .conn
                    .prepare("SELECT bytes FROM sync_held WHERE case_id = ?1 ORDER BY id")?;
                stmt.query_map([&u.case_id], |r| r.get(0))?.collect::<Result<_, _>>()?
            };
            let mut doc = if exists {
                let mut doc = self.load_doc(&u.case_id)?;
                for held in &raw {
                    doc.merge(held)?;
                }
                doc
            } else {
                let actor = hex::decode(&self.device).unwrap_or_default();
                CaseDoc::load(None, raw.iter().map(Vec::as_slice), &actor)?
            };
            doc.merge(&u.bytes)?;
            raw.push(u.bytes.clone());
            merged.push((u.case_id.clone(), doc, exists, raw));
        }
        let now = now_iso();
        let tx = self.conn.transaction()?;
        for id in &batch.erased {
            // Already on the relay from the device that erased it: nothing to send.
            tx.execute(
                "INSERT OR IGNORE INTO erasures (case_id, erased_at, sent) VALUES (?1, ?2, 1)",
                params![id, now],
            )?;
            purge_from_outbox(&tx, id)?;
            if erase_case(&tx, id)? {
                crate::audit::record(&tx, &now, &self.device, &crate::AuditAction::CaseErasedByTeam, Some(id))?;
                received.erased += 1;
            }
        }
        for (id, doc, existed, raw) in &mut merged {
            let id = id.as_str();
            // A change whose dependencies have not arrived (its case's creation, or an earlier
            // batch the relay skipped) waits inside the document, where saving would lose it:
            // keep every update as it came until nothing waits.
            let incomplete = !*existed && !doc.is_complete();
            tx.execute("DELETE FROM sync_held WHERE case_id = ?1", [id])?;
            if incomplete || doc.waits_for_changes() {
                for bytes in raw.iter() {
                    tx.execute(
                        "INSERT INTO sync_held (case_id, bytes) VALUES (?1, ?2)",
                        params![id, bytes],
                    )?;
                }
                received.held += 1;
            }
            if incomplete {
                continue;
            }
            let listing = index(doc).unwrap_or_default();
            // Unless this device has changes of its own waiting, it has nothing of this case
            // to send: what arrived is on the relay already, from its authors.
            let unsent = tx
                .query_row("SELECT 1 FROM sync_unsent WHERE case_id = ?1", [id], |_| Ok(()))
                .optional()?
                .is_some();
            if !unsent {
                tx.execute(
                    "INSERT OR REPLACE INTO sync_sent (case_id, heads) VALUES (?1, ?2)",
                    params![id, doc.heads()],
                )?;
            }
            let bytes = doc.save_incremental();
            if *existed {
                if bytes.is_empty() {
                    continue;
                }
                append_change(&tx, id, &bytes, Some(&listing), &now)?;
                received.changed_cases += 1;
            } else {
                let meta = doc.meta()?;
                let snapshot = doc.save();
                crate::insert_case(&tx, id, &meta, &listing, &now)?;
                tx.execute(
                    "INSERT INTO case_snapshots (case_id, bytes) VALUES (?1, ?2)",
                    params![id, snapshot],
                )?;
                received.new_cases += 1;
            }
        }
        ledger.write(&tx)?;
        tx.commit()?;
        // The cached documents are now stale for the merged cases.
        for (id, ..) in &merged {
            self.docs.remove(id);
        }
        for id in &batch.erased {
            self.docs.remove(id);
        }
        if received.erased > 0 {
            self.empty_write_ahead_log()?;
        }
        Ok(received)
    }
}

/// See `Vault::unpack_outbox`. For each case, the heads it had been sent at before the earliest
/// batch taken out come back, so its next batch carries every change those batches carried.
pub(crate) fn unpack_outbox(tx: &rusqlite::Transaction<'_>, from: u64, skip: bool) -> Result<usize, VaultError> {
    let from_i = i64::try_from(from).unwrap_or(i64::MAX);
    let contents: Vec<(String, bool, Option<Vec<u8>>)> = {
        let mut stmt = tx.prepare(
            "SELECT case_id, erased, heads_before FROM sync_outbox_contents WHERE seq >= ?1 ORDER BY seq DESC",
        )?;
        let rows = stmt.query_map([from_i], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0, r.get(2)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    // Latest batch first: the earliest batch's "before" is written last and stays.
    for (id, erased, before) in contents {
        if erased {
            tx.execute("UPDATE erasures SET sent = 0 WHERE case_id = ?1", [&id])?;
            continue;
        }
        // A case deleted since has nothing left to pack: it stays out.
        match before {
            Some(h) => tx.execute(
                "INSERT OR REPLACE INTO sync_sent (case_id, heads) SELECT id, ?2 FROM cases WHERE id = ?1",
                params![id, h],
            )?,
            None => tx.execute("DELETE FROM sync_sent WHERE case_id = ?1", [&id])?,
        };
        tx.execute(
            "INSERT OR IGNORE INTO sync_unsent (case_id) SELECT id FROM cases WHERE id = ?1",
            [&id],
        )?;
    }
    tx.execute("DELETE FROM sync_outbox_contents WHERE seq >= ?1", [from_i])?;
    let n = tx.execute("DELETE FROM sync_outbox WHERE seq >= ?1", [from_i])?;
    let next = match (skip, n) {
        (true, _) => Some(from.saturating_add(1)),
        (false, 0) => None,
        (false, _) => Some(from),
    };
    if let Some(next) = next {
        set_next_seq(tx, next)?;
    }
    Ok(n)
}

/// Takes every queued batch that carries changes of case `id` (and the batches after it) out of
/// the outbox; called when the case is erased, here or by another device.
pub(crate) fn purge_from_outbox(tx: &rusqlite::Transaction<'_>, id: &str) -> Result<(), VaultError> {
    let first: Option<i64> = tx.query_row(
        "SELECT min(seq) FROM sync_outbox_contents WHERE case_id = ?1 AND erased = 0",
        [id],
        |r| r.get(0),
    )?;
    if let Some(from) = first {
        unpack_outbox(tx, u64::try_from(from).unwrap_or(0), false)?;
    }
    Ok(())
}

/// Where the next batch number is kept (big-endian u64; 1 when absent).
const NEXT_SEQ: &str = "next_seq";

fn next_seq(c: &rusqlite::Connection) -> Result<u64, VaultError> {
    let value: Option<Vec<u8>> = c
        .query_row("SELECT value FROM sync_state WHERE key = ?1", [NEXT_SEQ], |r| r.get(0))
        .optional()?;
    Ok(value
        .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
        .map_or(1, u64::from_be_bytes))
}

fn set_next_seq(c: &rusqlite::Connection, seq: u64) -> Result<(), VaultError> {
    c.execute(
        "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?1, ?2)",
        params![NEXT_SEQ, seq.to_be_bytes().to_vec()],
    )?;
    Ok(())
}
