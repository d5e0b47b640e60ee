//! Sync through a relay that stores only ciphertext.
//!
//! A device packs the cases it changed into batches (`batch.rs`), seals each under the team's
//! current epoch key and signs it with its own key (`sealing.rs`), and keeps them in the vault's
//! outbox until the relay acknowledges them; uploads are idempotent, so retrying after a cut is
//! always safe. It downloads the team's log after its cursor, checks, opens and merges each
//! entry into the vault together with the new cursor, setting aside what does not open and
//! noting batch numbers the relay skipped (`intake.rs`, driven by `client.rs`). Concurrent edits become Automerge
//! conflicts, kept and shown, never dropped. `team.rs` keeps this device's keys and the team's
//! verified membership log (`fieldscreen-team`) in the vault; `membership.rs` is every team
//! operation; `http.rs` talks to `fieldscreen-relay`; `bundle.rs` carries the same batches on a
//! USB stick instead.
#![warn(missing_docs)]

mod batch;
pub mod bundle;
mod client;
pub mod conflicts;
mod http;
mod intake;
pub mod membership;
mod sealing;
mod team;

#[cfg(test)]
mod simulation;

pub use batch::{BatchError, decode_batch, encode_batch};
pub use client::{
    LAST_SYNCED, Progress, Stage, SyncError, SyncReport, Transport, TransportError, cursor, pack, refresh, sync,
};
pub use http::{HttpRelay, RequestRow, cancel_when};
pub use sealing::{OpenError, open_batch, seal_batch};
pub use team::{Joining, Team, TeamError, check_relay, device_keys, relay_host};
