//! Who belongs to a team, decided by signatures rather than by a shared secret.
//!
//! Each device has its own keys (`keys.rs`). The team is an append-only, hash-chained log of
//! records signed by an admin (`record.rs`), which every device and the relay verify from the
//! first record (`state.rs`). Content is sealed under epoch keys; each is sealed to every device
//! that may read it (`epoch.rs`) and replaced when a device leaves, so a revoked device opens
//! nothing written afterwards. Enrolment is a one-time, expiring invitation plus a join request
//! that an admin approves after comparing a code both screens show (`invite.rs`).
//!
//! No I/O here: bytes in, verdicts out. The sync client and the relay share it.
#![warn(missing_docs)]

mod codec;
mod epoch;
mod invite;
mod keys;
mod record;
mod state;

#[cfg(test)]
mod tests;

pub use epoch::{CHAINED_KEY_LEN, EpochKey, SEALED_KEY_LEN};
pub use invite::{CodeError, Invitation, JoinRequest, comparison_code, secret_hash};
pub use keys::{DeviceKeys, PublicKeys, device_id_of};
pub use record::{Body, Chained, MAX_NAME, Member, Record, hash_of};
pub use state::{Change, Device, TeamState};

/// Why a membership log, a record or something sealed under the team's keys is refused.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum LogError {
    /// The bytes do not decode, or break a limit.
    #[error("the team's membership log is damaged or forged: {0}")]
    Malformed(&'static str),
    /// The record's number or its hash of the one before is wrong.
    #[error("membership record {seq} does not follow the one before it (reordered, missing or forged)")]
    Chain {
        /// The record's number.
        seq: u64,
    },
    /// The signature does not verify with the author's key.
    #[error("membership record {seq} is not signed by its author")]
    Signature {
        /// The record's number.
        seq: u64,
    },
    /// Only an active admin may write a record.
    #[error("membership record {seq} was written by {device}, which was not an admin of the team then")]
    NotAdmin {
        /// The record's number.
        seq: u64,
        /// Its author.
        device: String,
    },
    /// The record breaks a rule of the log (the last admin revoked, a device added twice, …).
    #[error("membership record {seq} is refused: {why}")]
    Rule {
        /// The record's number.
        seq: u64,
        /// The rule.
        why: &'static str,
    },
    /// The log's first record is not the one the invitation named.
    #[error("this log belongs to another team than the one in the invitation")]
    NotThisTeam,
    /// No key of that epoch is sealed to this device.
    #[error("the key of epoch {epoch} cannot be opened on this device")]
    EpochKey {
        /// The epoch.
        epoch: u64,
    },
    /// Sealed content from a device the log never let in.
    #[error("device {device} was not a member of the team when it wrote this")]
    UnknownWriter {
        /// The writer.
        device: String,
    },
    /// Sealed content from a device after its revocation.
    #[error("device {device} had been revoked when it wrote this")]
    RevokedWriter {
        /// The writer.
        device: String,
    },
    /// Sealed content under an epoch other than the writer's at the time.
    #[error("device {device} sealed this under epoch {epoch}, which was not the team's epoch when it wrote it")]
    WrongEpoch {
        /// The writer.
        device: String,
        /// The epoch it used.
        epoch: u64,
    },
    /// The system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
}
