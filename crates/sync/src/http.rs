//! The relay over HTTP(S): each device authenticates with its own token (someone joining, with
//! the invitation's secret); every upload carries the SHA-256 of its body so the relay can
//! refuse a cut one.

use crate::client::{Transport, TransportError};
use crate::team::Team;
use fieldscreen_team::Invitation;
use fieldscreen_wire::{
    DIGEST_HEADER, Frame, INVITE_SCHEME, MAX_BATCH_BYTES, MAX_PAGE, MAX_RECORD_BYTES, MAX_RECORDS_PAGE, TOKEN_HEADER,
    decode_frames, decode_records, paths,
};
use sha2::{Digest, Sha256};
use std::time::Duration;
use ureq::Agent;

/// A pending join request as the relay lists it to an admin.
#[derive(Debug, Clone)]
pub struct RequestRow {
    pub device: String,
    pub invitation: String,
    /// The admin device that made the invitation.
    pub inviter: String,
    pub request: Vec<u8>,
    pub at: i64,
}

pub struct HttpRelay {
    agent: Agent,
    base: String,
    team: String,
    device: String,
    auth: String,
}

fn refused(status: u16, body: &[u8]) -> TransportError {
    let message = String::from_utf8_lossy(body).trim().chars().take(300).collect();
    TransportError::Refused { status, message }
}

impl HttpRelay {
    pub fn new(team: &Team) -> HttpRelay {
        Self::with_credentials(&team.relay, &team.team_id, &team.device_id, &team.token)
    }

    pub fn with_credentials(base: &str, team: &str, device: &str, token: &str) -> HttpRelay {
        let agent: Agent = Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
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

    fn answer(
        &self,
        r: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
        limit: u64,
    ) -> Result<Vec<u8>, TransportError> {
        let mut resp = r.map_err(|e| TransportError::Unreachable(e.to_string()))?;
        let status = resp.status().as_u16();
        let body = resp
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|e| TransportError::Unreachable(e.to_string()))?;
        if (200..300).contains(&status) {
            Ok(body)
        } else {
            Err(refused(status, &body))
        }
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
        let mut req = self
            .agent
            .post(format!("{}{}", self.base, paths::teams()))
            .header(TOKEN_HEADER, token)
            .header("content-type", "application/octet-stream");
        if let Some(s) = create_secret {
            req = req.header("authorization", format!("Bearer {s}"));
        }
        self.answer(req.send(first), 64 * 1024).map(|_| ())
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
        let r = self
            .agent
            .post(format!("{}{}", self.base, paths::invitations(&self.team)))
            .header("authorization", &self.auth)
            .header("content-type", "application/json")
            .send(body.to_string().as_bytes());
        let v: serde_json::Value = Self::json(&self.answer(r, 64 * 1024)?)?;
        Ok((
            v["expires_at"].as_i64().unwrap_or(0),
            v["ttl_seconds"].as_u64().unwrap_or(ttl_seconds),
        ))
    }

    /// Sends a join request on an invitation; returns how many requests it has had (counting this).
    pub fn join_request(&self, inv: &Invitation, request: &[u8]) -> Result<u64, TransportError> {
        let body = serde_json::json!({ "secret": inv.secret_hex().as_str(), "request": hex::encode(request) });
        let r = self
            .agent
            .post(format!("{}{}", self.base, paths::join_requests_of(&self.team, &inv.id)))
            .header("content-type", "application/json")
            .send(body.to_string().as_bytes());
        let v: serde_json::Value = Self::json(&self.answer(r, 64 * 1024)?)?;
        Ok(v["nth"].as_u64().unwrap_or(1))
    }

    /// Pending join requests (admin only).
    pub fn requests(&self) -> Result<Vec<RequestRow>, TransportError> {
        let r = self
            .agent
            .get(format!("{}{}", self.base, paths::requests(&self.team)))
            .header("authorization", &self.auth)
            .call();
        let rows: Vec<serde_json::Value> = Self::json(&self.answer(r, 16 * 1024 * 1024)?)?;
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

    /// Whether this device's join request is `pending` or `approved`; `None` once it is gone
    /// (refused, expired, or another device was approved on the invitation).
    pub fn request_status(&self) -> Result<Option<String>, TransportError> {
        let r = self
            .agent
            .get(format!("{}{}", self.base, paths::request(&self.team, &self.device)))
            .header("authorization", &self.auth)
            .call();
        match self.answer(r, 1024) {
            Ok(body) => Ok(Some(String::from_utf8_lossy(&body).trim().to_string())),
            Err(TransportError::Refused { status: 404, .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Refuses a pending join request (admin only).
    pub fn refuse_request(&self, device: &str) -> Result<(), TransportError> {
        let r = self
            .agent
            .delete(format!("{}{}", self.base, paths::request(&self.team, device)))
            .header("authorization", &self.auth)
            .call();
        self.answer(r, 64 * 1024).map(|_| ())
    }
}

impl Transport for HttpRelay {
    fn upload(&mut self, seq: u64, sealed: &[u8]) -> Result<(), TransportError> {
        let digest = hex::encode(Sha256::digest(sealed));
        let r = self
            .agent
            .put(format!("{}{}", self.base, paths::batch(&self.team, &self.device, seq)))
            .header("authorization", &self.auth)
            .header(DIGEST_HEADER, &digest)
            .header("content-type", "application/octet-stream")
            .send(sealed);
        self.answer(r, 64 * 1024).map(|_| ())
    }

    fn download(&mut self, after: u64, limit: usize) -> Result<Vec<Frame>, TransportError> {
        let r = self
            .agent
            .get(format!(
                "{}{}",
                self.base,
                paths::log(&self.team, after, limit.min(MAX_PAGE))
            ))
            .header("authorization", &self.auth)
            .call();
        let body = self.answer(r, (MAX_PAGE * (MAX_BATCH_BYTES + 128)) as u64)?;
        Ok(decode_frames(&body)?)
    }

    fn membership(&mut self, from: u64) -> Result<Vec<Vec<u8>>, TransportError> {
        let mut out = Vec::new();
        loop {
            let r = self
                .agent
                .get(format!(
                    "{}{}",
                    self.base,
                    paths::membership(&self.team, from + out.len() as u64)
                ))
                .header("authorization", &self.auth)
                .call();
            let page = decode_records(&self.answer(r, (MAX_RECORDS_PAGE * (MAX_RECORD_BYTES + 4)) as u64)?)?;
            let full = page.len() == MAX_RECORDS_PAGE;
            out.extend(page);
            if !full {
                return Ok(out);
            }
        }
    }

    fn append_record(&mut self, record: &[u8], approve: Option<&str>) -> Result<(), TransportError> {
        let r = self
            .agent
            .post(format!("{}{}", self.base, paths::append_record(&self.team, approve)))
            .header("authorization", &self.auth)
            .header("content-type", "application/octet-stream")
            .send(record);
        self.answer(r, 64 * 1024).map(|_| ())
    }
}
