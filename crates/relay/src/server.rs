//! The relay's HTTP API. Every answer to a bad request is a plain-text reason with the status
//! that fits it; nothing a refused request carried is stored.
//!
//! Who belongs to a team is decided by its signed membership log, which the relay verifies with
//! the same code as every device and mirrors in its device table, so a revoked device is refused
//! at the door; the relay cannot write a record itself.
//!
//! - `POST /v1/teams` (body: the team's first membership record; the founder's token in
//!   `x-fieldscreen-token`; the operator's creation secret as a bearer token when the relay has
//!   one): a new team.
//! - `GET /v1/teams/{team}/membership?after=N` (a device of the team, or `Invite <id>.<secret>`
//!   with a live invitation): the log's records from N.
//! - `POST /v1/teams/{team}/membership[?approve=DEVICE]` (the record's author): append a record;
//!   an added device must name the join request it answers. 409 when another record took the
//!   place first.
//! - `POST /v1/teams/{team}/invitations` `{id, secret_hash, ttl_seconds}` (admin): a one-time
//!   invitation, forgotten when used or expired.
//! - `POST /v1/teams/{team}/invitations/{id}/requests` `{secret, request}`: a join request.
//! - `GET /v1/teams/{team}/requests` (admin): pending requests; `GET …/requests/{device}` (the
//!   requesting device, with the token it asked with): pending or approved;
//!   `DELETE …/requests/{device}` (admin): refuse.
//! - `PUT /v1/teams/{team}/devices/{device}/batches/{seq}` (that device): append sealed batch
//!   `seq`; the body's SHA-256 in `x-fieldscreen-sha256`. 201 stored, 200 already stored.
//! - `GET /v1/teams/{team}/log?after=N&limit=M` (any device of the team): frames after N; also
//!   tells the relay the device has everything up to N, which lets it compact.

use crate::limits::RateLimiter;
use crate::store::{AddRequest, Append, InvitationRecord, RequestRecord, Store, StoreError, now_secs};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use fieldscreen_team::{JoinRequest, TeamState, secret_hash};
use fieldscreen_wire::{
    BATCH_NUMBER_TAKEN, DEFAULT_INVITATION_SECONDS, DIGEST_HEADER, INVITE_SCHEME, MAX_BATCH_BYTES,
    MAX_INVITATION_SECONDS, MAX_PAGE, MAX_RECORD_BYTES, MAX_RECORDS_PAGE, TOKEN_HEADER, encode_frames, encode_records,
    valid_id,
};
use sha2::{Digest, Sha256};
use std::sync::Arc;

const RECORD_TOO_LARGE: &str = "the record is larger than the relay accepts";
/// The most an invitation or a join request may take.
const SMALL_BODY: usize = 64 * 1024;

/// Who may create a team on the relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Registration {
    /// Nobody: the operator set no creation secret and did not open registration.
    Closed,
    /// Whoever presents the operator's secret as a bearer token.
    Secret(String),
    /// Anyone who can reach the relay (only when the operator asks for it).
    Open,
}

/// How the relay admits and limits its callers.
pub struct Config {
    /// Who may create a team.
    pub registration: Registration,
    /// Requests per second each device may sustain.
    pub rate_per_second: f64,
    /// The burst a device may make above that.
    pub rate_burst: f64,
    /// The same for requests not yet tied to a device (creating a team, asking to join,
    /// `/healthz`), counted per client address.
    pub address_rate_per_second: f64,
    /// The burst one address may make above that.
    pub address_burst: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            registration: Registration::Closed,
            rate_per_second: 50.0,
            rate_burst: 200.0,
            address_rate_per_second: 5.0,
            address_burst: 30.0,
        }
    }
}

struct Relay {
    store: Arc<dyn Store>,
    config: Config,
    limiter: RateLimiter,
    by_address: RateLimiter,
}

type Shared = Arc<Relay>;

fn text(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message.into(),
    )
        .into_response()
}

fn store_failed(e: StoreError) -> Response {
    tracing::error!(error = %e, "relay storage failed");
    text(
        StatusCode::SERVICE_UNAVAILABLE,
        "the relay could not reach its storage; try again",
    )
}

/// Runs a storage call off the async threads.
async fn blocking<T: Send + 'static>(
    relay: &Shared,
    f: impl FnOnce(&dyn Store) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, Response> {
    let store = relay.store.clone();
    match tokio::task::spawn_blocking(move || f(store.as_ref())).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(store_failed(e)),
        Err(_) => Err(text(StatusCode::INTERNAL_SERVER_ERROR, "the request failed")),
    }
}

fn token_hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Who is asking: `Authorization: Bearer <device>.<token>`, checked against the team's record.
async fn authenticate(relay: &Shared, headers: &HeaderMap, team: &str, admin: bool) -> Result<String, Response> {
    let unauthorized = || text(StatusCode::UNAUTHORIZED, "unknown device or wrong token for this team");
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(unauthorized)?;
    let (device, token) = value.split_once('.').ok_or_else(unauthorized)?;
    if !valid_id(team) || !valid_id(device) {
        return Err(unauthorized());
    }
    let (t, d) = (team.to_string(), device.to_string());
    let record = blocking(relay, move |s| s.device(&t, &d))
        .await?
        .ok_or_else(unauthorized)?;
    // Compared as hashes: equal-length digests, and the token itself is never stored.
    if record.token_hash != token_hash(token) {
        return Err(unauthorized());
    }
    if record.revoked {
        return Err(text(StatusCode::FORBIDDEN, "this device was revoked from the team"));
    }
    if record.expired(now_secs()) {
        return Err(text(
            StatusCode::FORBIDDEN,
            "this device's place in the team expired unused; ask an admin for a new invitation",
        ));
    }
    if !record.used {
        let (t, d) = (team.to_string(), device.to_string());
        blocking(relay, move |s| s.mark_used(&t, &d)).await?;
    }
    if admin && !record.admin {
        return Err(text(StatusCode::FORBIDDEN, "only an admin of the team can do that"));
    }
    if !relay.limiter.allow(&format!("{team}/{device}")) {
        return Err(too_many());
    }
    Ok(device.to_string())
}

/// Reads a request's body once the request has passed its checks: nobody gets the relay to take
/// in a body before showing a token (or an invitation's id). `limit` bytes at most: more is 413
/// with `too_large`.
async fn read_body(body: Body, limit: usize, too_large: &str) -> Result<Bytes, Response> {
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let is_length = std::error::Error::source(&e).is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
        if is_length {
            text(StatusCode::PAYLOAD_TOO_LARGE, too_large.to_string())
        } else {
            text(StatusCode::BAD_REQUEST, "the request's body was cut short")
        }
    })
}

fn good_token(t: &str) -> bool {
    (32..=128).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_hexdigit())
}

fn too_many() -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, "1")],
        "too many requests; slow down",
    )
        .into_response()
}

fn json(status: StatusCode, value: serde_json::Value) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], value.to_string()).into_response()
}

async fn create_team(State(relay): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    match &relay.config.registration {
        Registration::Open => {}
        Registration::Closed => {
            return text(
                StatusCode::FORBIDDEN,
                "this relay takes no new teams: its operator set no creation secret (start it with --create-secret, or --open-registration to let anyone create a team)",
            );
        }
        Registration::Secret(secret) => {
            let given = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "));
            if given.map(token_hash) != Some(token_hash(secret)) {
                return text(
                    StatusCode::UNAUTHORIZED,
                    "creating a team on this relay needs its creation secret",
                );
            }
        }
    }
    let Some(token) = headers
        .get(TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .filter(|t| good_token(t))
    else {
        return text(
            StatusCode::BAD_REQUEST,
            "the founder's token (32–128 hex digits) is missing",
        );
    };
    let body = match read_body(body, MAX_RECORD_BYTES, RECORD_TOO_LARGE).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let state = match TeamState::verify(&[&body[..]], None) {
        Ok(s) => s,
        Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let Some(founder) = state.active().next().map(|d| d.id.clone()) else {
        return text(StatusCode::BAD_REQUEST, "the first record names no founder");
    };
    let hash = token_hash(token);
    let team = state.team_id.clone();
    match blocking(&relay, move |s| s.create_team(&team, &body, &founder, &hash)).await {
        Ok(true) => text(StatusCode::CREATED, "team created"),
        Ok(false) => text(StatusCode::CONFLICT, "a team with this id exists"),
        Err(r) => r,
    }
}

/// `Authorization: Invite <id>.<secret>`: someone holding a live invitation of this team.
async fn invited(relay: &Shared, headers: &HeaderMap, team: &str) -> Result<(), Response> {
    let refused = || {
        text(
            StatusCode::UNAUTHORIZED,
            "unknown device, or an invitation that expired or was used",
        )
    };
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix(INVITE_SCHEME))
        .ok_or_else(refused)?;
    let (id, secret) = value.split_once('.').ok_or_else(refused)?;
    if !valid_id(team) || !valid_id(id) {
        return Err(refused());
    }
    if !relay.limiter.allow(&format!("invite/{team}/{id}")) {
        return Err(too_many());
    }
    let secret = hex::decode(secret).map_err(|_| refused())?;
    let (t, i) = (team.to_string(), id.to_string());
    let inv = blocking(relay, move |s| s.invitation(&t, &i, now_secs()))
        .await?
        .ok_or_else(refused)?;
    if inv.secret_hash != secret_hash(&secret) {
        return Err(refused());
    }
    Ok(())
}

#[derive(serde::Deserialize)]
struct After {
    after: Option<u64>,
}

async fn read_membership(
    State(relay): State<Shared>,
    Path(team): Path<String>,
    Query(q): Query<After>,
    headers: HeaderMap,
) -> Response {
    let by_invitation = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(INVITE_SCHEME));
    let allowed = if by_invitation {
        invited(&relay, &headers, &team).await
    } else {
        authenticate(&relay, &headers, &team, false).await.map(|_| ())
    };
    if let Err(r) = allowed {
        return r;
    }
    let after = q.after.unwrap_or(0);
    match blocking(&relay, move |s| s.records(&team, after)).await {
        Ok(mut records) => {
            records.truncate(MAX_RECORDS_PAGE);
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/octet-stream")],
                encode_records(&records),
            )
                .into_response()
        }
        Err(r) => r,
    }
}

#[derive(serde::Deserialize)]
struct Approve {
    approve: Option<String>,
}

async fn append_membership(
    State(relay): State<Shared>,
    Path(team): Path<String>,
    Query(q): Query<Approve>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let me = match authenticate(&relay, &headers, &team, false).await {
        Ok(me) => me,
        Err(r) => return r,
    };
    let body = match read_body(body, MAX_RECORD_BYTES, RECORD_TOO_LARGE).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let approve = q.approve;
    let result = blocking(&relay, move |s| {
        Ok(crate::membership::append(
            s,
            &team,
            &me,
            &body,
            approve.as_deref(),
            now_secs(),
        ))
    })
    .await;
    match result {
        Ok(Ok(())) => text(StatusCode::CREATED, "recorded"),
        Ok(Err(refusal)) => text(
            StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::BAD_REQUEST),
            refusal.message,
        ),
        Err(r) => r,
    }
}

#[derive(serde::Deserialize)]
struct NewInvitation {
    id: String,
    secret_hash: String,
    ttl_seconds: Option<u64>,
}

async fn create_invitation(
    State(relay): State<Shared>,
    Path(team): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let me = match authenticate(&relay, &headers, &team, true).await {
        Ok(me) => me,
        Err(r) => return r,
    };
    let body = match read_body(body, SMALL_BODY, "an invitation is a few hundred bytes").await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Ok(req) = serde_json::from_slice::<NewInvitation>(&body) else {
        return text(
            StatusCode::BAD_REQUEST,
            "expected {\"id\", \"secret_hash\", \"ttl_seconds\"}",
        );
    };
    let hash = hex::decode(&req.secret_hash)
        .ok()
        .and_then(|h| <[u8; 32]>::try_from(h).ok());
    let (Some(hash), true) = (hash, valid_id(&req.id)) else {
        return text(
            StatusCode::BAD_REQUEST,
            "the invitation id is 1–64 of a-z, 0-9, -; the secret's hash 64 hex digits",
        );
    };
    let ttl = req
        .ttl_seconds
        .unwrap_or(DEFAULT_INVITATION_SECONDS)
        .clamp(60, MAX_INVITATION_SECONDS);
    let expires_at = now_secs().saturating_add(i64::try_from(ttl).unwrap_or(i64::MAX));
    let inv = InvitationRecord {
        inviter: me,
        secret_hash: hash,
        expires_at,
    };
    match blocking(&relay, move |s| s.add_invitation(&team, &req.id, &inv)).await {
        Ok(true) => json(
            StatusCode::CREATED,
            serde_json::json!({ "expires_at": expires_at, "ttl_seconds": ttl }),
        ),
        Ok(false) => text(StatusCode::CONFLICT, "an invitation with this id exists"),
        Err(r) => r,
    }
}

#[derive(serde::Deserialize)]
struct NewRequest {
    secret: String,
    request: String,
}

async fn join_request(
    State(relay): State<Shared>,
    Path((team, invitation)): Path<(String, String)>,
    body: Body,
) -> Response {
    if !valid_id(&team) || !valid_id(&invitation) {
        return text(StatusCode::NOT_FOUND, "no such invitation");
    }
    if !relay.limiter.allow(&format!("join/{team}")) {
        return too_many();
    }
    let body = match read_body(body, SMALL_BODY, "a join request is a few kilobytes").await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Ok(req) = serde_json::from_slice::<NewRequest>(&body) else {
        return text(StatusCode::BAD_REQUEST, "expected {\"secret\", \"request\"}");
    };
    let (t, i) = (team.clone(), invitation.clone());
    let inv = match blocking(&relay, move |s| s.invitation(&t, &i, now_secs())).await {
        Ok(Some(inv)) => inv,
        Ok(None) => {
            return text(
                StatusCode::GONE,
                "this invitation has expired or was used; ask for a new one",
            );
        }
        Err(r) => return r,
    };
    if hex::decode(&req.secret).map(|s| secret_hash(&s)).ok() != Some(inv.secret_hash) {
        return text(StatusCode::UNAUTHORIZED, "the invitation's secret does not match");
    }
    let bytes = hex::decode(&req.request).unwrap_or_default();
    let join = match JoinRequest::decode(&bytes) {
        Ok(j) if j.team == team && j.invitation == invitation => j,
        Ok(_) => return text(StatusCode::BAD_REQUEST, "the request names another team or invitation"),
        Err(e) => return text(StatusCode::BAD_REQUEST, e.to_string()),
    };
    let record = RequestRecord {
        device: join.device_id(),
        invitation,
        request: bytes,
        token_hash: join.token_hash,
        at: now_secs(),
    };
    match blocking(&relay, move |s| s.add_request(&team, &record, now_secs())).await {
        Ok(AddRequest::Stored(nth)) => json(StatusCode::CREATED, serde_json::json!({ "nth": nth })),
        Ok(AddRequest::NoInvitation) => text(
            StatusCode::GONE,
            "this invitation has expired or was used; ask for a new one",
        ),
        Ok(AddRequest::Full) => text(
            StatusCode::TOO_MANY_REQUESTS,
            "this invitation has had too many requests; ask for a new one",
        ),
        Ok(AddRequest::Exists) => text(StatusCode::CONFLICT, "this device has asked already, or is in the team"),
        Err(r) => r,
    }
}

async fn list_requests(State(relay): State<Shared>, Path(team): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = authenticate(&relay, &headers, &team, true).await {
        return r;
    }
    let listed = blocking(&relay, move |s| {
        let now = now_secs();
        let mut out = Vec::new();
        for r in s.requests(&team, now)? {
            let inviter = s.invitation(&team, &r.invitation, now)?.map(|i| i.inviter);
            out.push(serde_json::json!({
                "device": r.device, "invitation": r.invitation, "inviter": inviter,
                "request": hex::encode(&r.request), "at": r.at,
            }));
        }
        Ok(out)
    })
    .await;
    match listed {
        Ok(all) => json(StatusCode::OK, serde_json::Value::Array(all)),
        Err(r) => r,
    }
}

/// The requesting device asks whether it was let in, with the token it made.
async fn request_status(
    State(relay): State<Shared>,
    Path((team, device)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let gone = || {
        text(
            StatusCode::NOT_FOUND,
            "no such request: it was refused, its invitation expired, or another device was approved on it",
        )
    };
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .and_then(|v| v.split_once('.'))
        .filter(|(d, _)| *d == device)
        .map(|(_, t)| token_hash(t))
    else {
        return gone();
    };
    if !valid_id(&team) || !valid_id(&device) || !relay.limiter.allow(&format!("status/{team}/{device}")) {
        return gone();
    }
    let (t, d) = (team.clone(), device.clone());
    let found = blocking(&relay, move |s| {
        if let Some(rec) = s.device(&t, &d)? {
            return Ok(Some((
                rec.token_hash == token,
                if rec.revoked { "revoked" } else { "approved" },
            )));
        }
        Ok(s.requests(&t, now_secs())?
            .into_iter()
            .find(|r| r.device == d)
            .map(|r| (r.token_hash == token, "pending")))
    })
    .await;
    match found {
        Ok(Some((true, status))) => text(StatusCode::OK, status),
        Ok(_) => gone(),
        Err(r) => r,
    }
}

async fn refuse_request(
    State(relay): State<Shared>,
    Path((team, device)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = authenticate(&relay, &headers, &team, true).await {
        return r;
    }
    match blocking(&relay, move |s| s.refuse_request(&team, &device)).await {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => text(StatusCode::NOT_FOUND, "no such request"),
        Err(r) => r,
    }
}

async fn upload(
    State(relay): State<Shared>,
    Path((team, device, seq)): Path<(String, String, u64)>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let me = match authenticate(&relay, &headers, &team, false).await {
        Ok(me) => me,
        Err(r) => return r,
    };
    if me != device {
        return text(StatusCode::FORBIDDEN, "a device can only write its own log");
    }
    if seq == 0 {
        return text(StatusCode::BAD_REQUEST, "batch numbers start at 1");
    }
    let too_large = format!("a batch may be at most {MAX_BATCH_BYTES} bytes");
    let body = match read_body(body, MAX_BATCH_BYTES, &too_large).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let digest: [u8; 32] = Sha256::digest(&body).into();
    let claimed = headers
        .get(DIGEST_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| hex::decode(v).ok());
    if claimed.as_deref() != Some(digest.as_slice()) {
        return text(
            StatusCode::BAD_REQUEST,
            "the body does not match its digest (cut short or altered); send it again",
        );
    }
    match blocking(&relay, move |s| s.append(&team, &device, seq, &digest, &body)).await {
        Ok(Append::Stored(_)) => text(StatusCode::CREATED, "stored"),
        Ok(Append::Duplicate(_)) => text(StatusCode::OK, "already stored"),
        Ok(Append::Gap { expected }) => text(StatusCode::CONFLICT, format!("expected batch {expected} first")),
        Ok(Append::Conflict) => text(StatusCode::CONFLICT, BATCH_NUMBER_TAKEN),
        Err(r) => r,
    }
}

/// One batch of a device by its number (one frame, as a download carries it), 404 once the log
/// no longer holds it. A device's own batches are not sent back to it.
async fn fetch_batch(
    State(relay): State<Shared>,
    Path((team, device, seq)): Path<(String, String, u64)>,
    headers: HeaderMap,
) -> Response {
    let me = match authenticate(&relay, &headers, &team, false).await {
        Ok(me) => me,
        Err(r) => return r,
    };
    if me == device {
        return text(StatusCode::BAD_REQUEST, "a device has its own batches");
    }
    match blocking(&relay, move |s| s.batch(&team, &device, seq)).await {
        Ok(Some(frame)) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/octet-stream")],
            encode_frames(&[frame]),
        )
            .into_response(),
        Ok(None) => text(StatusCode::NOT_FOUND, "the log holds no such batch"),
        Err(r) => r,
    }
}

#[derive(serde::Deserialize)]
struct LogQuery {
    after: Option<u64>,
    limit: Option<usize>,
}

async fn read_log(
    State(relay): State<Shared>,
    Path(team): Path<String>,
    Query(q): Query<LogQuery>,
    headers: HeaderMap,
) -> Response {
    let me = match authenticate(&relay, &headers, &team, false).await {
        Ok(me) => me,
        Err(r) => return r,
    };
    let after = q.after.unwrap_or(0);
    let limit = q.limit.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
    let result = blocking(&relay, move |s| {
        s.acknowledge(&team, &me, after)?;
        let mut frames = s.read(&team, after)?;
        frames.truncate(limit);
        // A device has its own batches: it gets their places in the log, not their bytes again.
        for f in frames.iter_mut().filter(|f| f.device == me) {
            f.sealed = Vec::new();
        }
        Ok(frames)
    })
    .await;
    match result {
        Ok(frames) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/octet-stream")],
            encode_frames(&frames),
        )
            .into_response(),
        Err(r) => r,
    }
}

/// Requests not yet tied to a device are limited per client address (when the server knows it:
/// `serve` puts it on every request).
async fn limit_by_address(
    State(relay): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let address = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string());
    if let Some(a) = address
        && !relay.by_address.allow(&a)
    {
        return too_many();
    }
    next.run(request).await
}

/// The team's devices as the relay knows them (for its admins): who has come, who is revoked,
/// how far each has read the log and its last batch number.
async fn list_devices(State(relay): State<Shared>, Path(team): Path<String>, headers: HeaderMap) -> Response {
    if let Err(r) = authenticate(&relay, &headers, &team, true).await {
        return r;
    }
    match blocking(&relay, move |s| s.devices(&team)).await {
        Ok(rows) => json(StatusCode::OK, serde_json::to_value(rows).unwrap_or_default()),
        Err(r) => r,
    }
}

/// 200 only when the store answers: a relay whose database is gone must not look healthy.
async fn healthz(State(relay): State<Shared>) -> Response {
    match blocking(&relay, |s| s.ping()).await {
        Ok(()) => text(StatusCode::OK, "ok"),
        Err(_) => text(StatusCode::SERVICE_UNAVAILABLE, "the relay's database does not answer"),
    }
}

/// The relay's HTTP API over `store`.
pub fn router(store: Arc<dyn Store>, config: Config) -> Router {
    let limiter = RateLimiter::new(config.rate_per_second, config.rate_burst);
    let by_address = RateLimiter::new(config.address_rate_per_second, config.address_burst);
    let relay = Arc::new(Relay {
        store,
        config,
        limiter,
        by_address,
    });
    let per_address = || axum::middleware::from_fn_with_state(relay.clone(), limit_by_address);
    Router::new()
        .route("/healthz", get(healthz).route_layer(per_address()))
        .route("/v1/teams", post(create_team).route_layer(per_address()))
        .route(
            "/v1/teams/{team}/membership",
            get(read_membership).post(append_membership),
        )
        .route("/v1/teams/{team}/invitations", post(create_invitation))
        .route(
            "/v1/teams/{team}/invitations/{invitation}/requests",
            post(join_request).route_layer(per_address()),
        )
        .route("/v1/teams/{team}/requests", get(list_requests))
        .route(
            "/v1/teams/{team}/requests/{device}",
            get(request_status).route_layer(per_address()).delete(refuse_request),
        )
        .route(
            "/v1/teams/{team}/devices/{device}/batches/{seq}",
            put(upload).get(fetch_batch),
        )
        .route("/v1/teams/{team}/log", get(read_log))
        .route("/v1/teams/{team}/devices", get(list_devices))
        // Each handler reads its body itself, after its checks, up to its own limit.
        .layer(DefaultBodyLimit::disable())
        .with_state(relay)
}
