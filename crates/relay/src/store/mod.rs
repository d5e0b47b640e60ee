//! Storage behind the relay. Positions in a team's log are handed out under a lock on the team's
//! row, so they become visible in the order they were given: a reader that has seen position 10
//! can never later find a 9 it skipped (which a plain sequence would allow when two relay
//! processes commit out of order). One module per backend (`sqlite.rs`, `pg.rs`), each
//! with its own versioned schema.

mod pg;
mod sqlite;

pub use pg::PgStore;
pub use sqlite::SqliteStore;

use fieldscreen_wire::{DeviceStatus, Frame, MAX_PAGE, encoded_frame_len, fits_in_page};

/// A device of a team as the relay's door knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceRecord {
    /// SHA-256 of its relay token (the token itself is never stored).
    pub token_hash: [u8; 32],
    /// It may append membership records and see join requests.
    pub admin: bool,
    /// It is shut out.
    pub revoked: bool,
    /// The device has made a request with its token since it was let in.
    pub used: bool,
    /// When it was let in (seconds since the epoch).
    pub added_at: i64,
}

/// How long a place given to a new device is kept for it if it never comes: after that it no
/// longer holds back compaction, and the device must be invited again.
pub const UNUSED_PLACE_SECONDS: i64 = 7 * 24 * 60 * 60;

impl DeviceRecord {
    /// A place given and never taken, for longer than `UNUSED_PLACE_SECONDS`.
    pub fn expired(&self, now: i64) -> bool {
        !self.used && self.added_at < now.saturating_sub(UNUSED_PLACE_SECONDS)
    }
}

/// What an upload did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Append {
    /// Stored at this position of the team's log.
    Stored(u64),
    /// The same batch (same number, same digest) was stored before: nothing changed.
    Duplicate(u64),
    /// Batches must arrive in order; this is the one the relay expects next.
    Gap {
        /// The batch number expected.
        expected: u64,
    },
    /// A different batch already has this number.
    Conflict,
}

/// What a membership record does to the relay's access rules (the signed log decides; the
/// relay mirrors it so it can refuse a revoked device at the door).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changes at the door (a key rotation, say).
    None,
    /// A join request approved: the device gets the token it asked with.
    Add {
        /// The device let in.
        device: String,
        /// As an admin.
        admin: bool,
        /// The invitation its request came on (used up).
        invitation: String,
        /// When (seconds since the epoch): the place expires unused after a while.
        at: i64,
    },
    /// A device shut out.
    Revoke {
        /// The device.
        device: String,
    },
    /// A device's admin rights given or taken.
    SetAdmin {
        /// The device.
        device: String,
        /// Whether it is an admin from now on.
        admin: bool,
    },
}

/// What appending a membership record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendRecord {
    /// Stored, with its effect.
    Appended,
    /// Another record took this place first (two admins at once): fetch and try again.
    Moved,
    /// The join request the record answers is gone (refused, expired or used).
    NoRequest,
}

/// An invitation an admin registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationRecord {
    /// The admin device that made it.
    pub inviter: String,
    /// SHA-256 of its secret (the secret travels only in the code the admin shows).
    pub secret_hash: [u8; 32],
    /// When it stops being accepted (seconds since the epoch).
    pub expires_at: i64,
}

/// A request to join, waiting for an admin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    /// The device asking.
    pub device: String,
    /// The invitation it asks on.
    pub invitation: String,
    /// The signed request (its keys), as the asking device sent it.
    pub request: Vec<u8>,
    /// SHA-256 of the relay token it will use once let in.
    pub token_hash: [u8; 32],
    /// When it arrived (seconds since 1970).
    pub at: i64,
}

/// What asking to join did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddRequest {
    /// Stored as the `n`-th request on its invitation (more than one: someone else has the code).
    Stored(u64),
    /// The invitation is unknown or expired.
    NoInvitation,
    /// The invitation has taken all the requests it may.
    Full,
    /// This device asked already, or is in the team.
    Exists,
}

/// The database failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite said so.
    #[error("relay database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL said so.
    #[error("relay database: {0}")]
    Postgres(#[from] postgres::Error),
    /// Anything else (a pool without a connection, a migration that did not apply).
    #[error("relay database: {0}")]
    Other(String),
}

/// What the relay keeps, on SQLite or PostgreSQL: teams' membership logs, the door's list of
/// devices, invitations and join requests, and the logs of sealed batches.
pub trait Store: Send + Sync {
    /// Whether the store answers: what `/healthz` reports.
    fn ping(&self) -> Result<(), StoreError>;
    /// A team from its first membership record, its founder an admin. False when it exists.
    fn create_team(&self, team: &str, first: &[u8], device: &str, token_hash: &[u8; 32]) -> Result<bool, StoreError>;
    /// The team's membership records from position `after` on (0: all).
    fn records(&self, team: &str, after: u64) -> Result<Vec<Vec<u8>>, StoreError>;
    /// Appends record `seq` (verified by the caller) if that place is still free, with its effect,
    /// in one transaction.
    fn append_record(&self, team: &str, seq: u64, record: &[u8], effect: &Effect) -> Result<AppendRecord, StoreError>;
    /// False when an invitation with this id exists.
    fn add_invitation(&self, team: &str, id: &str, invitation: &InvitationRecord) -> Result<bool, StoreError>;
    /// A live invitation; expired ones (and their requests) are forgotten first.
    fn invitation(&self, team: &str, id: &str, now: i64) -> Result<Option<InvitationRecord>, StoreError>;
    /// Keeps a join request on a live invitation, within its limit of requests.
    fn add_request(&self, team: &str, request: &RequestRecord, now: i64) -> Result<AddRequest, StoreError>;
    /// Pending requests on live invitations, oldest first.
    fn requests(&self, team: &str, now: i64) -> Result<Vec<RequestRecord>, StoreError>;
    /// False when there was no such request.
    fn refuse_request(&self, team: &str, device: &str) -> Result<bool, StoreError>;
    /// A device of the team, as the door knows it.
    fn device(&self, team: &str, device: &str) -> Result<Option<DeviceRecord>, StoreError>;
    /// Notes that the device has come (its first request with its token).
    fn mark_used(&self, team: &str, device: &str) -> Result<(), StoreError>;
    /// Every device of the team, in the order they were let in.
    fn devices(&self, team: &str) -> Result<Vec<DeviceStatus>, StoreError>;
    /// Stores a device's sealed batch `seq` (in order) at the end of the team's log.
    fn append(
        &self,
        team: &str,
        device: &str,
        seq: u64,
        digest: &[u8; 32],
        sealed: &[u8],
    ) -> Result<Append, StoreError>;
    /// The log after `after`, as much as one page holds (`fieldscreen_wire::fits_in_page`):
    /// read row by row and stopped there, so a page never costs more memory than it holds.
    fn read(&self, team: &str, after: u64) -> Result<Vec<Frame>, StoreError>;
    /// One device's batch by its number, while the log still holds it: how a device asks again
    /// for a batch a download skipped.
    fn batch(&self, team: &str, device: &str, seq: u64) -> Result<Option<Frame>, StoreError>;
    /// The device has everything up to `cursor`; entries every active device has are dropped
    /// (compaction; a place given but not taken within `UNUSED_PLACE_SECONDS` does not count).
    /// Returns how many were dropped.
    fn acknowledge(&self, team: &str, device: &str, cursor: u64) -> Result<u64, StoreError>;
    /// Stored entries of a team (for tests and the load test's bound on growth).
    fn entries(&self, team: &str) -> Result<u64, StoreError>;
}

/// A download page being filled, by the rule both sides share.
#[derive(Default)]
pub(crate) struct Page {
    pub frames: Vec<Frame>,
    pub bytes: usize,
}

impl Page {
    pub fn admits(&self, device: &str, sealed_len: usize) -> bool {
        fits_in_page(self.frames.len(), self.bytes, encoded_frame_len(device, sealed_len))
    }

    pub fn push(&mut self, f: Frame) {
        self.bytes += encoded_frame_len(&f.device, f.sealed.len());
        self.frames.push(f);
    }
}

pub(crate) fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

pub(crate) fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

pub(crate) fn hash_of(bytes: Vec<u8>) -> [u8; 32] {
    bytes.try_into().unwrap_or([0; 32])
}

/// Seconds since the epoch, now.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| to_i64(d.as_secs()))
}

/// Expired invitations and the requests made on them (SQL shared by both backends).
pub(crate) const PURGE_INVITATIONS: &str = "DELETE FROM invitations WHERE expires_at < $1";
pub(crate) const PURGE_REQUESTS: &str = "DELETE FROM join_requests WHERE NOT EXISTS (SELECT 1 FROM invitations i WHERE i.team = join_requests.team AND i.id = join_requests.invitation)";

/// `sqlite:PATH` (or a bare path) or `postgres://…`.
pub fn open_store(database: &str) -> Result<std::sync::Arc<dyn Store>, StoreError> {
    if database.starts_with("postgres://") || database.starts_with("postgresql://") {
        Ok(std::sync::Arc::new(PgStore::open(database, 8)?))
    } else {
        let path = database.strip_prefix("sqlite:").unwrap_or(database);
        Ok(std::sync::Arc::new(SqliteStore::open(path)?))
    }
}
