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

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum LogError {
    #[error("the team's membership log is damaged or forged: {0}")]
    Malformed(&'static str),
    #[error("membership record {seq} does not follow the one before it (reordered, missing or forged)")]
    Chain { seq: u64 },
    #[error("membership record {seq} is not signed by its author")]
    Signature { seq: u64 },
    #[error("membership record {seq} was written by {device}, which was not an admin of the team then")]
    NotAdmin { seq: u64, device: String },
    #[error("membership record {seq} is refused: {why}")]
    Rule { seq: u64, why: &'static str },
    #[error("this log belongs to another team than the one in the invitation")]
    NotThisTeam,
    #[error("the key of epoch {epoch} cannot be opened on this device")]
    EpochKey { epoch: u64 },
    #[error("device {device} was not a member of the team when it wrote this")]
    UnknownWriter { device: String },
    #[error("device {device} had been revoked when it wrote this")]
    RevokedWriter { device: String },
    #[error("device {device} sealed this under epoch {epoch}, which was not the team's epoch when it wrote it")]
    WrongEpoch { device: String, epoch: u64 },
    #[error("random number generator: {0}")]
    Random(String),
}
