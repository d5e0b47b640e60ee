//! The relay: for each team, one log of sealed batches, appended to by each device in its own
//! numbered sequence and read by every device of the team after its cursor. It stores and hands
//! out ciphertext; it knows team ids, device ids, batch numbers, sizes and times, nothing more.
//!
//! `store.rs` is the storage trait with its SQLite (default, no setup) and PostgreSQL (several
//! relay processes behind a load balancer) backends; `server.rs` is the HTTP API over it,
//! with authentication, size and rate limits; `limits.rs` the rate limiter.
#![warn(missing_docs)]

pub mod limits;
pub mod membership;
pub mod serve;
pub mod server;
pub mod store;

pub use serve::{Limits, serve};
pub use server::{Config, Registration, router};
pub use store::{
    AddRequest, Append, AppendRecord, DeviceRecord, Effect, InvitationRecord, PgStore, RequestRecord, SqliteStore,
    Store, StoreError, UNUSED_PLACE_SECONDS, now_secs, open_store,
};

#[cfg(test)]
mod tests;
