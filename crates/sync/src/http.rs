//! The relay over HTTP(S): each device authenticates with its own token; every upload carries
//! the SHA-256 of its body so the relay can refuse a cut one.

use crate::client::{Transport, TransportError};
use crate::team::Team;
use fieldscreen_wire::{DIGEST_HEADER, Frame, MAX_BATCH_BYTES, MAX_PAGE, decode_frames, paths};
use sha2::{Digest, Sha256};
use std::time::Duration;
use ureq::Agent;

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

    /// Registers a new team with this device as its first (admin) member. `create_secret` is
    /// the relay operator's team-creation secret, when the relay has one.
    pub fn create_team(&self, token: &str, create_secret: Option<&str>) -> Result<(), TransportError> {
        let body = serde_json::json!({ "team": self.team, "device": self.device, "token": token }).to_string();
        let mut req = self
            .agent
            .post(format!("{}{}", self.base, paths::teams()))
            .header("content-type", "application/json");
        if let Some(s) = create_secret {
            req = req.header("authorization", format!("Bearer {s}"));
        }
        self.answer(req.send(body.as_bytes()), 64 * 1024).map(|_| ())
    }

    /// Registers a device slot (admin only).
    pub fn add_device(&self, device: &str, token: &str) -> Result<(), TransportError> {
        let body = serde_json::json!({ "device": device, "token": token }).to_string();
        let r = self
            .agent
            .post(format!("{}{}", self.base, paths::devices(&self.team)))
            .header("authorization", &self.auth)
            .header("content-type", "application/json")
            .send(body.as_bytes());
        self.answer(r, 64 * 1024).map(|_| ())
    }

    /// Revokes a device (admin only): its token stops working at once.
    pub fn revoke_device(&self, device: &str) -> Result<(), TransportError> {
        let r = self
            .agent
            .delete(format!("{}{}", self.base, paths::device(&self.team, device)))
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
}
