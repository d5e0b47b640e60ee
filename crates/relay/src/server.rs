//! The relay's HTTP API. Every answer to a bad request is a plain-text reason with the status
//! that fits it; nothing a refused request carried is stored.
//!
//! - `POST /v1/teams` `{team, device, token}`: a new team, its first device its admin (with the
//!   operator's creation secret as a bearer token when the relay has one).
//! - `POST /v1/teams/{team}/devices` `{device, token}` (admin): a device slot for an enrolment.
//! - `DELETE /v1/teams/{team}/devices/{device}` (admin): revoke.
//! - `PUT /v1/teams/{team}/devices/{device}/batches/{seq}` (that device): append sealed batch
//!   `seq`; the body's SHA-256 in `x-fieldscreen-sha256`. 201 stored, 200 already stored.
//! - `GET /v1/teams/{team}/log?after=N&limit=M` (any device of the team): frames after N; also
//!   tells the relay the device has everything up to N, which lets it compact.

use crate::limits::RateLimiter;
use crate::store::{Append, Store, StoreError};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use fieldscreen_wire::{DIGEST_HEADER, MAX_BATCH_BYTES, MAX_PAGE, encode_frames, valid_id};
use sha2::{Digest, Sha256};
use std::sync::Arc;

pub struct Config {
    /// When set, creating a team needs it (as a bearer token).
    pub create_secret: Option<String>,
    /// Requests per second each device may sustain, and the burst above that.
    pub rate_per_second: f64,
    pub rate_burst: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            create_secret: None,
            rate_per_second: 50.0,
            rate_burst: 200.0,
        }
    }
}

struct Relay {
    store: Arc<dyn Store>,
    config: Config,
    limiter: RateLimiter,
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
    if admin && !record.admin {
        return Err(text(StatusCode::FORBIDDEN, "only the team's admin device can do that"));
    }
    if !relay.limiter.allow(&format!("{team}/{device}")) {
        return Err((
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, "1")],
            "too many requests from this device; slow down",
        )
            .into_response());
    }
    Ok(device.to_string())
}

#[derive(serde::Deserialize)]
struct NewTeam {
    team: String,
    device: String,
    token: String,
}

fn good_token(t: &str) -> bool {
    (32..=128).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_hexdigit())
}

async fn create_team(State(relay): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(secret) = &relay.config.create_secret {
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
    let Ok(req) = serde_json::from_slice::<NewTeam>(&body) else {
        return text(StatusCode::BAD_REQUEST, "expected {\"team\", \"device\", \"token\"}");
    };
    if !valid_id(&req.team) || !valid_id(&req.device) || !good_token(&req.token) {
        return text(
            StatusCode::BAD_REQUEST,
            "ids are 1–64 of a-z, 0-9, -; the token 32–128 hex digits",
        );
    }
    let hash = token_hash(&req.token);
    match blocking(&relay, move |s| s.create_team(&req.team, &req.device, &hash)).await {
        Ok(true) => text(StatusCode::CREATED, "team created"),
        Ok(false) => text(StatusCode::CONFLICT, "a team with this id exists"),
        Err(r) => r,
    }
}

#[derive(serde::Deserialize)]
struct NewDevice {
    device: String,
    token: String,
}

async fn add_device(
    State(relay): State<Shared>,
    Path(team): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = authenticate(&relay, &headers, &team, true).await {
        return r;
    }
    let Ok(req) = serde_json::from_slice::<NewDevice>(&body) else {
        return text(StatusCode::BAD_REQUEST, "expected {\"device\", \"token\"}");
    };
    if !valid_id(&req.device) || !good_token(&req.token) {
        return text(
            StatusCode::BAD_REQUEST,
            "ids are 1–64 of a-z, 0-9, -; the token 32–128 hex digits",
        );
    }
    let hash = token_hash(&req.token);
    match blocking(&relay, move |s| s.add_device(&team, &req.device, &hash)).await {
        Ok(true) => text(StatusCode::CREATED, "device added"),
        Ok(false) => text(StatusCode::CONFLICT, "a device with this id exists in the team"),
        Err(r) => r,
    }
}

async fn revoke_device(
    State(relay): State<Shared>,
    Path((team, device)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let me = match authenticate(&relay, &headers, &team, true).await {
        Ok(me) => me,
        Err(r) => return r,
    };
    if me == device {
        return text(StatusCode::BAD_REQUEST, "the admin device cannot revoke itself");
    }
    match blocking(&relay, move |s| s.revoke(&team, &device)).await {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => text(StatusCode::NOT_FOUND, "no such device in the team"),
        Err(r) => r,
    }
}

async fn upload(
    State(relay): State<Shared>,
    Path((team, device, seq)): Path<(String, String, u64)>,
    headers: HeaderMap,
    body: Bytes,
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
    if body.len() > MAX_BATCH_BYTES {
        return text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("a batch may be at most {MAX_BATCH_BYTES} bytes"),
        );
    }
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
        Ok(Append::Conflict) => text(StatusCode::CONFLICT, "a different batch already has this number"),
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
        let mut frames = s.read(&team, after, limit)?;
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

pub fn router(store: Arc<dyn Store>, config: Config) -> Router {
    let limiter = RateLimiter::new(config.rate_per_second, config.rate_burst);
    let relay = Arc::new(Relay { store, config, limiter });
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/v1/teams", post(create_team))
        .route("/v1/teams/{team}/devices", post(add_device))
        .route("/v1/teams/{team}/devices/{device}", delete(revoke_device))
        .route("/v1/teams/{team}/devices/{device}/batches/{seq}", put(upload))
        .route("/v1/teams/{team}/log", get(read_log))
        // A little over the batch limit, so an oversize body gets the clear 413 above.
        .layer(DefaultBodyLimit::max(MAX_BATCH_BYTES + 1))
        .with_state(relay)
}
