//! One sync: pack what changed into sealed batches (kept in the outbox), upload the outbox in
//! order, then download the team's log after the cursor and merge it. Every step is durable
//! before the next: a cut at any point leaves nothing half done, and the next sync carries on.

use crate::batch::{BatchError, encode_batch, encoded_erasure_len, encoded_update_len};
use crate::intake::{Intake, Taken};
use crate::sealing::{OpenError, log_len_of, seal_batch};
use crate::team::{Team, TeamError};
use fieldscreen_team::Change;
use fieldscreen_vault::{AuditAction, Batch, CaseDoc, CaseIndex, Gap, Quarantined, Vault, VaultError};
use fieldscreen_wire::{BATCH_NUMBER_TAKEN, Frame, MAX_BATCH_BYTES, MAX_PAGE, WireError};

/// What a sync speaks to: the relay over HTTP, or a simulated one in tests.
pub trait Transport {
    /// Stores sealed batch `seq` of this device. Storing the same batch again is not an error.
    fn upload(&mut self, seq: u64, sealed: &[u8]) -> Result<(), TransportError>;
    /// The team's log after position `after`, at most `limit` frames, in order.
    fn download(&mut self, after: u64, limit: usize) -> Result<Vec<Frame>, TransportError>;
    /// Batch `seq` of another device, if the relay's log still holds it: asking again for a
    /// batch that a download skipped.
    fn fetch(&mut self, device: &str, seq: u64) -> Result<Option<Frame>, TransportError>;
    /// The team's membership records from position `from` on.
    fn membership(&mut self, from: u64) -> Result<Vec<Vec<u8>>, TransportError>;
    /// Appends a membership record this device signed; `approve` names the join request an
    /// added device answers. Refused with 409 when another record took its place first.
    fn append_record(&mut self, record: &[u8], approve: Option<&str>) -> Result<(), TransportError>;
}

/// Why an exchange with the relay failed.
#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    /// No connection, or it broke or timed out.
    #[error("cannot reach the relay ({0}); nothing is lost, sync again when there is a connection")]
    Unreachable(String),
    /// The relay answered with an error.
    #[error("the relay refused ({status}): {message}")]
    Refused {
        /// The HTTP status.
        status: u16,
        /// The relay's reason.
        message: String,
    },
    /// The relay's answer could not be read.
    #[error(transparent)]
    Wire(#[from] WireError),
    /// The vault was locked meanwhile.
    #[error("stopped: the vault was locked")]
    Cancelled,
}

/// Why a sync stopped.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The relay could not be reached or refused.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// A batch did not open.
    #[error(transparent)]
    Open(#[from] OpenError),
    /// The team's membership or keys are in the way.
    #[error(transparent)]
    Team(#[from] TeamError),
    /// A batch opened but could not be read.
    #[error("a batch from device {device} opened but is damaged: {source}")]
    Batch {
        /// The device that sent it.
        device: String,
        /// What was wrong.
        source: BatchError,
    },
    /// One case is larger than a batch may be.
    #[error("case {0} has grown past what one batch may carry")]
    TooLarge(String),
    /// The system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
}

/// How far a sync got, for a progress indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What it is doing.
    pub stage: Stage,
    /// Done so far in this stage.
    pub done: usize,
    /// To do in this stage.
    pub total: usize,
}

/// The stages of a sync.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Sealing this device's changes into batches.
    Packing,
    /// Sending them.
    Uploading,
    /// Taking in the team's log.
    Downloading,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 3] = [Stage::Packing, Stage::Uploading, Stage::Downloading];

    /// Its name, as serialised.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Packing => "packing",
            Stage::Uploading => "uploading",
            Stage::Downloading => "downloading",
        }
    }
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncReport {
    /// Batches sent.
    pub batches_sent: usize,
    /// Their sealed bytes.
    pub bytes_sent: u64,
    /// Batches taken in.
    pub batches_received: usize,
    /// Their sealed bytes.
    pub bytes_received: u64,
    /// Cases this device did not have.
    pub cases_new: usize,
    /// Cases it had that changed.
    pub cases_changed: usize,
    /// Changes waiting for their case's creation to arrive.
    pub held: usize,
    /// Cases deleted here because another device erased them.
    pub cases_erased: usize,
    /// Log entries set aside in this sync because they did not open, verify or decode.
    pub set_aside: Vec<Quarantined>,
    /// Batch numbers the relay skipped, found in this sync.
    pub gaps_found: Vec<Gap>,
    /// Skipped batches that arrived when asked for again.
    pub gaps_filled: Vec<Gap>,
    /// Skipped batches still missing after this sync (found now or before).
    pub gaps_open: Vec<Gap>,
}

impl SyncReport {
    /// Whether the sync met something the user must hear about: an entry set aside or a batch
    /// the relay skipped, found in this sync.
    pub fn troubled(&self) -> bool {
        !self.set_aside.is_empty() || !self.gaps_found.is_empty()
    }

    fn add(&mut self, taken: Taken) {
        self.cases_new += taken.received.new_cases;
        self.cases_changed += taken.received.changed_cases;
        self.held += taken.received.held;
        self.cases_erased += taken.received.erased;
        self.batches_received += taken.batches;
        self.set_aside.extend(taken.set_aside);
        self.gaps_found.extend(taken.gaps);
        self.gaps_filled.extend(taken.filled);
    }
}

/// Skipped batches asked for again in one sync.
const MAX_REFETCH: usize = 100;

/// Where the time of the last complete sync is kept (RFC 3339).
pub const LAST_SYNCED: &str = "last_synced";

/// Room for the batch header and the sealing overhead.
const BATCH_ROOM: usize = MAX_BATCH_BYTES - 1024;

fn cursor_key(team: &Team) -> String {
    format!("cursor/{}", team.team_id)
}

/// How far this device has read the team's log.
pub fn cursor(vault: &Vault, team: &Team) -> Result<u64, VaultError> {
    Ok(vault
        .sync_value(&cursor_key(team))?
        .and_then(|b| <[u8; 8]>::try_from(b.as_slice()).ok())
        .map_or(0, u64::from_be_bytes))
}

/// Seals every unsent change and erasure into batches in the outbox. Returns how many were made.
pub fn pack(vault: &mut Vault, team: &Team) -> Result<usize, SyncError> {
    let mut made = 0;
    loop {
        let updates = vault.unsent_updates(256)?;
        let erasures = vault.unsent_erasures()?;
        if updates.is_empty() && erasures.is_empty() {
            return Ok(made);
        }
        let mut batch = Batch::default();
        let mut included: Vec<(String, Vec<u8>)> = Vec::new();
        // Magic and the two counts.
        let mut size = 12;
        for id in erasures {
            let s = encoded_erasure_len(&id);
            if size + s > BATCH_ROOM {
                break;
            }
            size += s;
            batch.erased.push(id);
        }
        for (u, heads) in updates {
            let s = encoded_update_len(&u);
            if s + 12 > BATCH_ROOM {
                return Err(SyncError::TooLarge(u.case_id));
            }
            if size + s > BATCH_ROOM {
                break;
            }
            size += s;
            included.push((u.case_id.clone(), heads));
            batch.updates.push(u);
        }
        let seq = vault.next_batch_seq()?;
        let sealed = seal_batch(team, seq, &encode_batch(&batch))?;
        vault.queue_batch(&sealed, &included, &batch.erased)?;
        made += 1;
    }
}

/// Brings this device's copy of the membership log up to date (verified, all new records or
/// none) and stores it. A device that finds itself revoked stops here.
pub fn refresh(vault: &mut Vault, team: &mut Team, transport: &mut dyn Transport) -> Result<Vec<Change>, SyncError> {
    let records = transport.membership(team.state.len)?;
    let changes = team.extend(records)?;
    if !changes.is_empty() {
        team.save(vault)?;
        for c in &changes {
            vault.record_action(crate::membership::audit_action(c), None)?;
        }
    }
    if team.revoked() {
        return Err(TeamError::Revoked.into());
    }
    Ok(changes)
}

/// Sends the outbox in order. A batch number the relay holds with other content (sent before,
/// acknowledgement lost, then packed again after a case was deleted) is left to that content:
/// the outbox is packed again from the next number on.
fn upload(
    vault: &mut Vault,
    team: &Team,
    transport: &mut dyn Transport,
    progress: &mut dyn FnMut(Progress),
    report: &mut SyncReport,
) -> Result<(), SyncError> {
    // Each number is skipped at most once per sync, so this ends.
    let mut skipped = Vec::new();
    'again: loop {
        let outbox = vault.outbox()?;
        for (n, (seq, sealed)) in outbox.iter().enumerate() {
            progress(Progress {
                stage: Stage::Uploading,
                done: n,
                total: outbox.len(),
            });
            match transport.upload(*seq, sealed) {
                Ok(()) => {}
                Err(TransportError::Refused { status: 409, message })
                    if message == BATCH_NUMBER_TAKEN && !skipped.contains(seq) =>
                {
                    tracing::warn!(seq, "batch number already used on the relay; packing again after it");
                    skipped.push(*seq);
                    vault.unpack_outbox(*seq, true)?;
                    pack(vault, team)?;
                    continue 'again;
                }
                Err(e) => return Err(e.into()),
            }
            vault.outbox_acknowledged(*seq)?;
            report.batches_sent += 1;
            report.bytes_sent += sealed.len() as u64;
        }
        return Ok(());
    }
}

/// Everything one sync does: the membership log first (so nothing is sealed under an epoch
/// that has ended), then packing, upload and download. `index` gives a merged case's listing
/// (the caller knows the protocols); `progress` hears each step.
pub fn sync(
    vault: &mut Vault,
    team: &mut Team,
    transport: &mut dyn Transport,
    index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
    progress: &mut dyn FnMut(Progress),
) -> Result<SyncReport, SyncError> {
    let mut report = SyncReport::default();
    refresh(vault, team, transport)?;
    progress(Progress {
        stage: Stage::Packing,
        done: 0,
        total: vault.unsent_count()?,
    });
    pack(vault, team)?;

    upload(vault, team, transport, progress, &mut report)?;

    let key = cursor_key(team);
    let mut after = cursor(vault, team)?;
    let mut intake = Intake::new(vault, team)?;
    loop {
        progress(Progress {
            stage: Stage::Downloading,
            done: report.batches_received,
            total: 0,
        });
        // Pages are bounded by bytes as well as frames: only an empty one ends the log.
        let frames = transport.download(after, MAX_PAGE)?;
        let Some(last) = frames.last().map(|f| f.pos) else {
            break;
        };
        if frames.first().is_some_and(|f| f.pos <= after) || frames.windows(2).any(|w| w[1].pos <= w[0].pos) {
            return Err(TransportError::Wire(WireError::Malformed("positions out of order")).into());
        }
        // A writer may know membership records that arrived after this device's refresh.
        if frames
            .iter()
            .any(|f| log_len_of(&f.sealed).is_some_and(|n| n > team.state.len))
        {
            refresh(vault, team, transport)?;
        }
        report.bytes_received += frames.iter().map(|f| f.sealed.len() as u64).sum::<u64>();
        intake.page_read(after, &frames);
        let checked: Vec<_> = frames.iter().map(|f| intake.check(team, f)).collect();
        let taken = intake.commit(vault, checked, Some((&key, last)), index)?;
        report.add(taken);
        after = last;
    }
    // Ask again for what the relay skipped; what it still does not give stays recorded.
    for gap in intake.open_gaps().into_iter().take(MAX_REFETCH) {
        let frame = match transport.fetch(&gap.device, gap.seq) {
            Ok(Some(f)) if f.device == gap.device && f.seq == gap.seq => f,
            Ok(_) | Err(TransportError::Refused { .. }) => continue,
            Err(e) => return Err(e.into()),
        };
        report.bytes_received += frame.sealed.len() as u64;
        let checked = intake.check(team, &frame);
        let taken = intake.commit(vault, vec![checked], None, index)?;
        report.add(taken);
    }
    report.gaps_open = intake.open_gaps();
    vault.set_sync_value(LAST_SYNCED, jiff::Timestamp::now().to_string().as_bytes())?;
    vault.record_action(
        AuditAction::Synced {
            sent: report.batches_sent,
            received: report.batches_received,
        },
        None,
    )?;
    tracing::info!(
        sent = report.batches_sent,
        received = report.batches_received,
        "sync finished"
    );
    Ok(report)
}
