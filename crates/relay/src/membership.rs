//! Appending a membership record, as the relay decides it: the record must be signed by the
//! device that posts it and follow the team's log under the same rules every device applies
//! (`fieldscreen-team`); an added device must answer a live join request with the same keys.
//! Then the record and its effect on the relay's door (a device's token let in, a revoked one
//! shut out, an admin's rights) are stored in one transaction. Shared by the HTTP server and
//! the sync simulation, so the two cannot drift.

use crate::store::{AppendRecord, Effect, Store, StoreError};
use fieldscreen_team::{Change, JoinRequest, LogError, Record, TeamState};
use fieldscreen_wire::MAX_RECORD_BYTES;

/// Why a record was refused: the HTTP status and a reason a person can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The HTTP status to answer with.
    pub status: u16,
    /// Why, in words.
    pub message: String,
}

fn refused(status: u16, message: impl Into<String>) -> Refusal {
    Refusal {
        status,
        message: message.into(),
    }
}

const MOVED: &str = "the team's log changed meanwhile; fetch it and try again";
const GONE: &str = "that join request is gone (refused, expired or already answered), or the record names other keys";

fn storage(e: StoreError) -> Refusal {
    tracing::error!(error = %e, "relay storage failed");
    refused(503, "the relay could not reach its storage; try again")
}

/// Checks and stores `record`, posted by device `author` of `team`.
pub fn append(
    store: &dyn Store,
    team: &str,
    author: &str,
    record: &[u8],
    approve: Option<&str>,
    now: i64,
) -> Result<(), Refusal> {
    if record.len() > MAX_RECORD_BYTES {
        return Err(refused(413, "the record is larger than the relay accepts"));
    }
    let decoded = Record::decode(record).map_err(|e| refused(400, e.to_string()))?;
    if decoded.author != author {
        return Err(refused(403, "a device may only post records it signed"));
    }
    let stored = store.records(team, 0).map_err(storage)?;
    let mut state = TeamState::verify(&stored, None).map_err(|e| {
        tracing::error!(error = %e, "a team's stored membership log does not verify");
        refused(503, "the relay's copy of the team's log is damaged")
    })?;
    let change = state.apply(record).map_err(|e| match e {
        LogError::Chain { .. } => refused(409, MOVED),
        e => refused(400, e.to_string()),
    })?;
    let effect = match change {
        Change::Added {
            device,
            admin,
            invitation,
        } => {
            if approve != Some(device.as_str()) {
                return Err(refused(400, "an added device must name the join request it answers"));
            }
            let request = store
                .requests(team, now)
                .map_err(storage)?
                .into_iter()
                .find(|r| r.device == device);
            let same_keys = request
                .and_then(|r| {
                    JoinRequest::decode(&r.request)
                        .ok()
                        .filter(|j| j.invitation == invitation)
                })
                .is_some_and(|j| state.device(&device).is_some_and(|d| d.keys == j.keys));
            if !same_keys {
                return Err(refused(410, GONE));
            }
            Effect::Add {
                device,
                admin,
                invitation,
                at: now,
            }
        }
        Change::Revoked { device } => Effect::Revoke { device },
        Change::AdminSet { device, admin } => Effect::SetAdmin { device, admin },
        Change::Created { .. } | Change::Rotated => Effect::None,
    };
    match store
        .append_record(team, decoded.seq, record, &effect)
        .map_err(storage)?
    {
        AppendRecord::Appended => Ok(()),
        AppendRecord::Moved => Err(refused(409, MOVED)),
        AppendRecord::NoRequest => Err(refused(410, GONE)),
    }
}
