//! The relay over HTTP(S): each device authenticates with its own token (someone joining, with
//! the invitation's secret); every upload carries the SHA-256 of its body so the relay can
//! refuse a cut one.

use crate::client::{Transport, TransportError};
use crate::team::Team;
use fieldscreen_team::Invitation;
use fieldscreen_wire::{
    DIGEST_HEADER, DeviceStatus, Frame, INVITE_SCHEME, MAX_BATCH_BYTES, MAX_PAGE, MAX_PAGE_BYTES, MAX_RECORD_BYTES,
    MAX_RECORDS_PAGE, TOKEN_HEADER, decode_frames, decode_records, paths,
};
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock, mpsc};
use std::time::Duration;
use ureq::Agent;

/// Raised by a program that must be able to stop every relay call at once (the app, when it
/// locks): a call in flight then returns `Cancelled` within `CANCEL_POLL`, whatever the relay
/// does, and the vault it was working for can be closed.
static CANCEL: OnceLock<Arc<AtomicBool>> = OnceLock::new();
const CANCEL_POLL: Duration = Duration::from_millis(20);

/// Makes every relay call of this process stop when `flag` is raised. Once per process.
pub fn cancel_when(flag: Arc<AtomicBool>) {
    let _ = CANCEL.set(flag);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Post,
    Put,
    Delete,
}

/// One request, owned, so it can run on a helper thread that may be abandoned.
struct Call {
    method: Method,
    url: String,
    headers: Vec<(&'static str, String)>,
    body: Option<Vec<u8>>,
    /// The most the answer may hold.
    limit: u64,
}

fn refused(status: u16, body: &[u8]) -> TransportError {
    let message = String::from_utf8_lossy(body).trim().chars().take(300).collect();
    TransportError::Refused { status, message }
}

/// Makes the call and reads the answer, blocking.
fn perform(agent: &Agent, call: &Call) -> Result<Vec<u8>, TransportError> {
    let unreachable = |e: ureq::Error| TransportError::Unreachable(e.to_string());
    let response = match (&call.body, call.method) {
        (Some(body), m) => {
            let mut r = if m == Method::Put {
                agent.put(&call.url)
            } else {
                agent.post(&call.url)
            };
            for (k, v) in &call.headers {
                r = r.header(*k, v);
            }
            r.send(body.as_slice())
        }
        (None, m) => {
            let mut r = if m == Method::Delete {
                agent.delete(&call.url)
            } else {
                agent.get(&call.url)
            };
            for (k, v) in &call.headers {
                r = r.header(*k, v);
            }
            r.call()
        }
    };
    let mut resp = response.map_err(unreachable)?;
    let status = resp.status().as_u16();
    let body = resp
        .body_mut()
        .with_config()
        .limit(call.limit)
        .read_to_vec()
        .map_err(unreachable)?;
    if (200..300).contains(&status) {
        Ok(body)
    } else {
        Err(refused(status, &body))
    }
}

/// A pending join request as the relay lists it to an admin.
#[derive(Debug, Clone)]
pub struct RequestRow {
    /// The device asking.
    pub device: String,
    /// The invitation it asks on.
    pub invitation: String,
    /// The admin device that made the invitation.
    pub inviter: String,
    /// The signed request.
    pub request: Vec<u8>,
    /// When it arrived (seconds since 1970, the relay's clock).
    pub at: i64,
}

/// The relay over HTTP(S).
pub struct HttpRelay {
    agent: Agent,
    base: String,
    team: String,
    device: String,
    auth: String,
}

impl HttpRelay {
    /// The relay of `team`, as this device.
    pub fn new(team: &Team) -> HttpRelay {
        Self::with_credentials(&team.relay, &team.team_id, &team.device_id, &team.token)
    }

    /// The relay at `base`, for `team`, as `device` with its `token`.
    pub fn with_credentials(base: &str, team: &str, device: &str, token: &str) -> HttpRelay {
        let agent: Agent = Agent::config_builder()
            // No limit on a whole exchange: a slow link takes a page as long as it keeps
            // moving. What stops a dead one is the wait for each read and each write.
            .timeout_connect(Some(Duration::from_secs(20)))
            .timeout_recv_response(Some(Duration::from_secs(60)))
            .timeout_per_read(Some(Duration::from_secs(30)))
            .timeout_per_write(Some(Duration::from_secs(30)))
            .http_status_as_error(false)
            .build()
            .into();
        HttpRelay {
            agent,
            base: base.trim_end_matches('/').to_string(),
            team: team.to_string(),
            device: device.to_string(),
            auth: format!("Bearer {device}.{token}"),
        }
    }

    /// Runs `call`; where calls are cancellable, on a helper thread watched for the flag (an
    /// abandoned call holds only what was on the wire: ciphertext and credentials).
    fn exchange(&self, call: Call) -> Result<Vec<u8>, TransportError> {
        let Some(cancel) = CANCEL.get().cloned() else {
            return perform(&self.agent, &call);
        };
        if cancel.load(Ordering::SeqCst) {
            return Err(TransportError::Cancelled);
        }
        let agent = self.agent.clone();
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("relay-call".into())
            .spawn(move || {
                let _ = tx.send(perform(&agent, &call));
            })
            .map_err(|e| TransportError::Unreachable(e.to_string()))?;
        loop {
            match rx.recv_timeout(CANCEL_POLL) {
                Ok(answer) => return answer,
                Err(mpsc::RecvTimeoutError::Timeout) if cancel.load(Ordering::SeqCst) => {
                    return Err(TransportError::Cancelled);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(TransportError::Unreachable("the call ended without an answer".into()));
                }
            }
        }
    }

    fn call(
        &self,
        method: Method,
        path: String,
        headers: Vec<(&'static str, String)>,
        body: Option<Vec<u8>>,
        limit: u64,
    ) -> Result<Vec<u8>, TransportError> {
        self.exchange(Call {
            method,
            url: format!("{}{}", self.base, path),
            headers,
            body,
            limit,
        })
    }

    /// Someone holding an invitation, before it has a device in the team.
    pub fn for_invitation(inv: &Invitation) -> HttpRelay {
        let mut relay = Self::with_credentials(&inv.relay, &inv.team, "-", "-");
        relay.auth = format!("{INVITE_SCHEME}{}.{}", inv.id, inv.secret_hex().as_str());
        relay
    }

    fn json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, TransportError> {
        serde_json::from_slice(body).map_err(|_| TransportError::Wire(fieldscreen_wire::WireError::Malformed("json")))
    }

    /// Registers a new team from its first membership record. `create_secret` is the relay
    /// operator's team-creation secret, when the relay has one.
    pub fn create_team(&self, first: &[u8], token: &str, create_secret: Option<&str>) -> Result<(), TransportError> {
        let mut headers = vec![
            (TOKEN_HEADER, token.to_string()),
            ("content-type", "application/octet-stream".to_string()),
        ];
        if let Some(s) = create_secret {
            headers.push(("authorization", format!("Bearer {s}")));
        }
        self.call(Method::Post, paths::teams(), headers, Some(first.to_vec()), 64 * 1024)
            .map(|_| ())
    }

    fn authorised(&self) -> Vec<(&'static str, String)> {
        vec![("authorization", self.auth.clone())]
    }

    fn authorised_with(&self, content_type: &str) -> Vec<(&'static str, String)> {
        vec![
            ("authorization", self.auth.clone()),
            ("content-type", content_type.to_string()),
        ]
    }

    /// Registers a one-time invitation (admin only). Returns when it expires (seconds since
    /// 1970, the relay's clock) and how long it lives.
    pub fn create_invitation(
        &self,
        id: &str,
        secret_hash: &[u8; 32],
        ttl_seconds: u64,
    ) -> Result<(i64, u64), TransportError> {
        let body = serde_json::json!({ "id": id, "secret_hash": hex::encode(secret_hash), "ttl_seconds": ttl_seconds });
        let answer = self.call(
            Method::Post,
            paths::invitations(&self.team),
            self.authorised_with("application/json"),
            Some(body.to_string().into_bytes()),
            64 * 1024,
        )?;
        let v: serde_json::Value = Self::json(&answer)?;
        Ok((
            v["expires_at"].as_i64().unwrap_or(0),
            v["ttl_seconds"].as_u64().unwrap_or(ttl_seconds),
        ))
    }

    /// Sends a join request on an invitation; returns how many requests it has had (counting this).
    pub fn join_request(&self, inv: &Invitation, request: &[u8]) -> Result<u64, TransportError> {
        let body = serde_json::json!({ "secret": inv.secret_hex().as_str(), "request": hex::encode(request) });
        let answer = self.call(
            Method::Post,
            paths::join_requests_of(&self.team, &inv.id),
            vec![("content-type", "application/json".to_string())],
            Some(body.to_string().into_bytes()),
            64 * 1024,
        )?;
        let v: serde_json::Value = Self::json(&answer)?;
        Ok(v["nth"].as_u64().unwrap_or(1))
    }

    /// Pending join requests (admin only).
    pub fn requests(&self) -> Result<Vec<RequestRow>, TransportError> {
        let answer = self.call(
            Method::Get,
            paths::requests(&self.team),
            self.authorised(),
            None,
            16 * 1024 * 1024,
        )?;
        let rows: Vec<serde_json::Value> = Self::json(&answer)?;
        Ok(rows
            .into_iter()
            .filter_map(|v| {
                Some(RequestRow {
                    device: v["device"].as_str()?.to_string(),
                    invitation: v["invitation"].as_str()?.to_string(),
                    inviter: v["inviter"].as_str()?.to_string(),
                    request: hex::decode(v["request"].as_str()?).ok()?,
                    at: v["at"].as_i64()?,
                })
            })
            .collect())
    }

    /// The team's devices as the relay knows them (admins only).
    pub fn devices(&self) -> Result<Vec<DeviceStatus>, TransportError> {
        let answer = self.call(
            Method::Get,
            paths::devices(&self.team),
            self.authorised(),
            None,
            16 * 1024 * 1024,
        )?;
        Self::json(&answer)
    }

    /// Whether this device's join request is `pending` or `approved`; `None` once it is gone
    /// (refused, expired, or another device was approved on the invitation).
    pub fn request_status(&self) -> Result<Option<String>, TransportError> {
        match self.call(
            Method::Get,
            paths::request(&self.team, &self.device),
            self.authorised(),
            None,
            1024,
        ) {
            Ok(body) => Ok(Some(String::from_utf8_lossy(&body).trim().to_string())),
            Err(TransportError::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Refuses a pending join request (admin only).
    pub fn refuse_request(&self, device: &str) -> Result<(), TransportError> {
        self.call(
            Method::Delete,
            paths::request(&self.team, device),
            self.authorised(),
            None,
            64 * 1024,
        )
        .map(|_| ())
    }
}

impl Transport for HttpRelay {
    fn upload(&mut self, seq: u64, sealed: &[u8]) -> Result<(), TransportError> {
        let mut headers = self.authorised_with("application/octet-stream");
        headers.push((DIGEST_HEADER, hex::encode(Sha256::digest(sealed))));
        self.call(
            Method::Put,
            paths::batch(&self.team, &self.device, seq),
            headers,
            Some(sealed.to_vec()),
            64 * 1024,
        )
        .map(|_| ())
    }

    fn download(&mut self, after: u64, limit: usize) -> Result<Vec<Frame>, TransportError> {
        let body = self.call(
            Method::Get,
            paths::log(&self.team, after, limit.min(MAX_PAGE)),
            self.authorised(),
            None,
            MAX_PAGE_BYTES as u64,
        )?;
        Ok(decode_frames(&body)?)
    }

    fn fetch(&mut self, device: &str, seq: u64) -> Result<Option<Frame>, TransportError> {
        let body = match self.call(
            Method::Get,
            paths::batch(&self.team, device, seq),
            self.authorised(),
            None,
            (MAX_BATCH_BYTES + 128) as u64,
        ) {
            Ok(body) => body,
            Err(TransportError::Refused { status: 404, .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        Ok(decode_frames(&body)?.into_iter().next())
    }

    fn membership(&mut self, from: u64) -> Result<Vec<Vec<u8>>, TransportError> {
        let mut out = Vec::new();
        loop {
            let body = self.call(
                Method::Get,
                paths::membership(&self.team, from + out.len() as u64),
                self.authorised(),
                None,
                (MAX_RECORDS_PAGE * (MAX_RECORD_BYTES + 4)) as u64,
            )?;
            let page = decode_records(&body)?;
            let full = page.len() == MAX_RECORDS_PAGE;
            out.extend(page);
            if !full {
                return Ok(out);
            }
        }
    }

    fn append_record(&mut self, record: &[u8], approve: Option<&str>) -> Result<(), TransportError> {
        self.call(
            Method::Post,
            paths::append_record(&self.team, approve),
            self.authorised_with("application/octet-stream"),
            Some(record.to_vec()),
            64 * 1024,
        )
        .map(|_| ())
    }
}
