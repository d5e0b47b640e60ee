//! Taking in the team's log. Each entry from another device is checked before anything of it is
//! merged: its device's batch numbers must follow on (a skipped number is a gap, recorded and
//! asked for again), and it must open, verify and decode. An entry that does not is set aside
//! (quarantined) with its reason and the cursor moves past it, so one bad entry — written by a
//! team member, a stolen token or a damaged relay disk — never stalls every device's sync.
//! Entries are merged a page at a time; if a page does not merge, each of its entries is merged
//! alone and only the one that fails is set aside. Nothing is ever half-applied.

use crate::batch::decode_batch;
use crate::sealing::open_batch;
use crate::team::Team;
use fieldscreen_vault::{Batch, CaseDoc, CaseIndex, Gap, Ledger, Quarantined, Received, Vault, VaultError};
use fieldscreen_wire::Frame;
use std::collections::{BTreeSet, HashMap};

/// Batch numbers recorded for one skip: a relay claiming a number far ahead must not make this
/// device write millions of rows.
const MAX_GAPS_PER_SKIP: u64 = 64;

/// What becomes of one log entry.
#[derive(Debug, Clone)]
enum Verdict {
    Merge(Batch),
    /// This device's own batch, or one it already has (a replay): nothing to do.
    Skip,
    SetAside(String),
}

#[derive(Debug, Clone)]
pub(crate) struct Checked {
    pos: u64,
    device: String,
    seq: u64,
    verdict: Verdict,
    /// Batch numbers of this device the relay skipped before this entry.
    gaps: Vec<Gap>,
    /// The entry closes an open gap.
    fills: bool,
}

/// What one intake did, for the sync's report.
#[derive(Debug, Clone, Default)]
pub(crate) struct Taken {
    pub received: Received,
    pub batches: usize,
    pub set_aside: Vec<Quarantined>,
    pub gaps: Vec<Gap>,
    pub filled: Vec<Gap>,
}

pub(crate) struct Intake {
    team_id: String,
    own: String,
    seen: HashMap<String, u64>,
    open_gaps: BTreeSet<Gap>,
    /// This device has read the log from its first entry: every device's batches must then
    /// start at 1. (A device that joins after the relay compacted the start cannot know where
    /// each device's batches began, so the first it sees sets that.)
    from_start: bool,
    /// Sync-state values to record with the next merge.
    state: Vec<(String, Vec<u8>)>,
}

fn from_start_key(team: &str) -> String {
    format!("log-from-start/{team}")
}

impl Intake {
    pub fn new(vault: &Vault, team: &Team) -> Result<Intake, VaultError> {
        Ok(Intake {
            team_id: team.team_id.clone(),
            own: team.device_id.clone(),
            seen: vault.seen_batches(&team.team_id)?,
            open_gaps: vault.gaps(&team.team_id)?.into_iter().collect(),
            from_start: vault.sync_value(&from_start_key(&team.team_id))?.is_some(),
            state: Vec::new(),
        })
    }

    /// Notes a page read from cursor `after`: a first page that begins at the log's first
    /// position shows that this device reads the whole log.
    pub fn page_read(&mut self, after: u64, frames: &[Frame]) {
        if after == 0 && !self.from_start && frames.first().is_some_and(|f| f.pos == 1) {
            self.from_start = true;
            self.state.push((from_start_key(&self.team_id), vec![1]));
        }
    }

    pub fn open_gaps(&self) -> Vec<Gap> {
        self.open_gaps.iter().cloned().collect()
    }

    /// Checks one entry against what this device has had from its device, then opens it.
    pub fn check(&mut self, team: &Team, f: &Frame) -> Checked {
        let mut checked = Checked {
            pos: f.pos,
            device: f.device.clone(),
            seq: f.seq,
            verdict: Verdict::Skip,
            gaps: Vec::new(),
            fills: false,
        };
        if f.device == self.own {
            return checked;
        }
        let key = Gap {
            device: f.device.clone(),
            seq: f.seq,
        };
        let last = self
            .seen
            .get(&f.device)
            .copied()
            .or(if self.from_start { Some(0) } else { None });
        if self.open_gaps.remove(&key) {
            checked.fills = true;
        } else if last.is_some_and(|l| f.seq <= l) {
            return checked;
        } else if let Some(l) = last {
            // Unless the whole log was read, the first entry seen from a device sets where it
            // starts (the relay may have dropped earlier ones that every device had); after
            // that, none may be skipped.
            let end = f.seq.min(l.saturating_add(1).saturating_add(MAX_GAPS_PER_SKIP));
            for seq in l.saturating_add(1)..end {
                let gap = Gap {
                    device: f.device.clone(),
                    seq,
                };
                self.open_gaps.insert(gap.clone());
                checked.gaps.push(gap);
            }
        }
        if last.is_none_or(|l| f.seq > l) {
            self.seen.insert(f.device.clone(), f.seq);
        }
        checked.verdict = match open_batch(team, &f.device, f.seq, &f.sealed) {
            Err(e) => Verdict::SetAside(e.to_string()),
            Ok(plain) => match decode_batch(&plain) {
                Ok(batch) => Verdict::Merge(batch),
                Err(source) => Verdict::SetAside(
                    crate::SyncError::Batch {
                        device: f.device.clone(),
                        source,
                    }
                    .to_string(),
                ),
            },
        };
        checked
    }

    /// Merges checked entries with what they say about the log, in one transaction;
    /// `cursor` moves the download cursor with them. If the merge fails on a case document,
    /// each entry is merged alone and the one that fails is set aside.
    pub fn commit(
        &mut self,
        vault: &mut Vault,
        entries: Vec<Checked>,
        cursor: Option<(&str, u64)>,
        index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
    ) -> Result<Taken, VaultError> {
        match self.commit_together(vault, &entries, cursor, index) {
            Err(VaultError::Document(_)) if entries.len() > 1 => {
                let mut taken = Taken::default();
                let key = cursor.map(|(k, _)| k);
                for e in entries {
                    let at = key.map(|k| (k, e.pos));
                    let one = match self.commit_together(vault, std::slice::from_ref(&e), at, index) {
                        Err(VaultError::Document(reason)) => self.set_aside(vault, e, reason, at, index)?,
                        other => other?,
                    };
                    taken.absorb(one);
                }
                Ok(taken)
            }
            Err(VaultError::Document(reason)) => match entries.into_iter().next() {
                Some(e) => self.set_aside(vault, e, reason, cursor, index),
                None => Err(VaultError::Document(reason)),
            },
            other => other,
        }
    }

    fn set_aside(
        &mut self,
        vault: &mut Vault,
        mut e: Checked,
        reason: String,
        cursor: Option<(&str, u64)>,
        index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
    ) -> Result<Taken, VaultError> {
        e.verdict = Verdict::SetAside(format!(
            "batch {} from device {} does not merge: {reason}. Nothing from it was merged",
            e.seq, e.device
        ));
        self.commit_together(vault, std::slice::from_ref(&e), cursor, index)
    }

    fn commit_together(
        &mut self,
        vault: &mut Vault,
        entries: &[Checked],
        cursor: Option<(&str, u64)>,
        index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
    ) -> Result<Taken, VaultError> {
        let mut batch = Batch::default();
        let mut ledger = Ledger {
            team: self.team_id.clone(),
            ..Ledger::default()
        };
        if let Some((key, pos)) = cursor {
            ledger.state.push((key.to_string(), pos.to_be_bytes().to_vec()));
        }
        ledger.state.extend(self.state.iter().cloned());
        let mut batches = 0;
        for e in entries {
            ledger.gaps.extend(e.gaps.iter().cloned());
            if e.fills {
                ledger.filled.push(Gap {
                    device: e.device.clone(),
                    seq: e.seq,
                });
            }
            match &e.verdict {
                Verdict::Skip => continue,
                Verdict::Merge(b) => {
                    batch.updates.extend(b.updates.iter().cloned());
                    batch.erased.extend(b.erased.iter().cloned());
                    batches += 1;
                }
                Verdict::SetAside(reason) => ledger.quarantined.push(Quarantined {
                    pos: e.pos,
                    device: e.device.clone(),
                    seq: e.seq,
                    reason: reason.clone(),
                }),
            }
            ledger.seen.push((e.device.clone(), e.seq));
        }
        let received = vault.receive(&batch, &ledger, index)?;
        self.state.clear();
        Ok(Taken {
            received,
            batches,
            set_aside: ledger.quarantined,
            gaps: ledger.gaps,
            filled: ledger.filled,
        })
    }
}

impl Taken {
    pub fn absorb(&mut self, other: Taken) {
        self.received.new_cases += other.received.new_cases;
        self.received.changed_cases += other.received.changed_cases;
        self.received.held += other.received.held;
        self.received.erased += other.received.erased;
        self.batches += other.batches;
        self.set_aside.extend(other.set_aside);
        self.gaps.extend(other.gaps);
        self.filled.extend(other.filled);
    }
}
