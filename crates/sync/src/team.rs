//! This device's place in a team, as kept in the vault's encrypted database: its own keys
//! (made once, never exported), its relay token, and the team's membership log, verified from
//! the first record whenever it is loaded. The epoch keys are not stored: they are opened from
//! the log with the device's key each time.

use fieldscreen_team::{Change, DeviceKeys, EpochKey, LogError, TeamState};
use fieldscreen_vault::{DEVICE_SECRET, Vault, VaultError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use zeroize::Zeroizing;

const TEAM: &str = "team";
const TEAM_LOG: &str = "team/log";
const JOINING: &str = "team/joining";

/// Why this device's team cannot be used for that.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    /// No team is stored.
    #[error("this device is not in a team yet: `fieldscreen team create` or `fieldscreen team join`")]
    NoTeam,
    /// A team is stored already.
    #[error("this device is already in team {0}; leave it first (`fieldscreen team leave`)")]
    AlreadyInTeam(String),
    /// The stored team is of the first model (one shared key).
    #[error(
        "this device's team uses the old shared key, which FieldScreen no longer trusts: ask an admin of the team for a new invitation and join again (`fieldscreen team join`), answering that the cases here go to the team; nothing on this device is lost"
    )]
    Legacy,
    /// Only an admin may do this.
    #[error("only an admin of the team can do that")]
    NotAdmin,
    /// This device was revoked.
    #[error("this device was revoked from the team: it can no longer send or receive; its cases stay here")]
    Revoked,
    /// The invitation code was refused.
    #[error(transparent)]
    Code(#[from] fieldscreen_team::CodeError),
    /// The team's log was refused.
    #[error(transparent)]
    Log(#[from] LogError),
    /// The relay's address is not HTTPS (plain HTTP only on this computer).
    #[error(
        "a relay address must start with https:// (plain http:// is allowed only for this computer, for tests): {0}"
    )]
    InsecureRelay(String),
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The system's random number generator failed.
    #[error("random number generator: {0}")]
    Random(String),
}

pub(crate) fn random_hex(n: usize) -> Result<String, TeamError> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).map_err(|e| TeamError::Random(e.to_string()))?;
    Ok(hex::encode(b))
}

/// This device's keys, from the secret made with the vault (a vault made before team keys
/// existed gets one the first time it is needed), kept in the encrypted database.
pub fn device_keys(vault: &mut Vault) -> Result<DeviceKeys, TeamError> {
    if let Some(bytes) = vault.sync_value(DEVICE_SECRET)? {
        let bytes = Zeroizing::new(bytes);
        return DeviceKeys::from_stored(&bytes)
            .ok_or_else(|| VaultError::Document("this device's stored keys are damaged".into()).into());
    }
    let keys = DeviceKeys::generate().map_err(|e| TeamError::Random(e.to_string()))?;
    vault.set_sync_value(DEVICE_SECRET, &keys.stored())?;
    Ok(keys)
}

/// A relay address: `https://`, or `http://` only for this computer.
pub fn check_relay(url: &str) -> Result<String, TeamError> {
    let url = url.trim().trim_end_matches('/');
    if url.starts_with("https://") && url.len() > "https://".len() {
        return Ok(url.to_string());
    }
    let host = url
        .strip_prefix("http://")
        .map(|rest| rest.split('/').next().unwrap_or(""))
        .map(|authority| match authority.rsplit_once(':') {
            Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
            _ => authority,
        });
    match host {
        Some("localhost" | "[::1]") => Ok(url.to_string()),
        Some(h) if h.starts_with("127.") && h.split('.').count() == 4 => Ok(url.to_string()),
        _ => Err(TeamError::InsecureRelay(url.to_string())),
    }
}

/// The host a relay address names, for a person to check.
pub fn relay_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest).to_string()
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u32,
    relay: String,
    team: String,
    token: String,
    first_hash: String,
}

/// This device's membership of a team.
pub struct Team {
    /// The relay's address.
    pub relay: String,
    /// The team's id.
    pub team_id: String,
    /// This device's id (from its signing key).
    pub device_id: String,
    /// This device's relay token.
    pub token: Zeroizing<String>,
    /// This device's keys.
    pub keys: DeviceKeys,
    /// The team as its verified log says.
    pub state: TeamState,
    records: Vec<Vec<u8>>,
    epoch_keys: BTreeMap<u64, EpochKey>,
}

impl std::fmt::Debug for Team {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Team({} as {})", self.team_id, self.device_id)
    }
}

fn encode_log(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        out.extend_from_slice(&u32::try_from(r.len()).unwrap_or(u32::MAX).to_be_bytes());
        out.extend_from_slice(r);
    }
    out
}

fn decode_log(mut bytes: &[u8]) -> Option<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    while !bytes.is_empty() {
        let (len, rest) = bytes.split_first_chunk::<4>()?;
        let len = u32::from_be_bytes(*len) as usize;
        if rest.len() < len {
            return None;
        }
        let (r, rest) = rest.split_at(len);
        out.push(r.to_vec());
        bytes = rest;
    }
    Some(out)
}

impl Team {
    /// A team from a verified log; fails when this device's keys open no key in it.
    pub fn from_log(
        relay: &str,
        token: Zeroizing<String>,
        keys: DeviceKeys,
        records: Vec<Vec<u8>>,
        first_hash: &[u8; 32],
    ) -> Result<Team, TeamError> {
        let state = TeamState::verify(&records, Some(first_hash))?;
        let epoch_keys = state.epoch_keys(&keys)?;
        Ok(Team {
            relay: relay.to_string(),
            team_id: state.team_id.clone(),
            device_id: keys.device_id(),
            token,
            keys,
            state,
            records,
            epoch_keys,
        })
    }

    /// The stored team, its log verified again; `None` when there is none.
    pub fn load(vault: &mut Vault) -> Result<Option<Team>, TeamError> {
        let Some(bytes) = vault.sync_value(TEAM)? else {
            return Ok(None);
        };
        let bytes = Zeroizing::new(bytes);
        let value: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| VaultError::Document(format!("the stored team is unreadable: {e}")))?;
        if value.get("version").is_none() {
            return Err(TeamError::Legacy);
        }
        let s: Stored = serde_json::from_value(value)
            .map_err(|e| VaultError::Document(format!("the stored team is unreadable: {e}")))?;
        let damaged = || VaultError::Document("the stored team log is damaged".into());
        let first_hash: [u8; 32] = hex::decode(&s.first_hash)
            .ok()
            .and_then(|h| h.try_into().ok())
            .ok_or_else(damaged)?;
        let records = vault
            .sync_value(TEAM_LOG)?
            .and_then(|b| decode_log(&b))
            .ok_or_else(damaged)?;
        let keys = device_keys(vault)?;
        Team::from_log(&s.relay, Zeroizing::new(s.token), keys, records, &first_hash).map(Some)
    }

    /// The stored team, or `TeamError::NoTeam`.
    pub fn require(vault: &mut Vault) -> Result<Team, TeamError> {
        Team::load(vault)?.ok_or(TeamError::NoTeam)
    }

    /// The stored team's id and whether it is of the first model (one shared key), without
    /// verifying it; `None` when no team is stored.
    pub(crate) fn stored(vault: &Vault) -> Result<Option<(String, bool)>, TeamError> {
        let Some(bytes) = vault.sync_value(TEAM)? else {
            return Ok(None);
        };
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
        let id = v["team"].as_str().unwrap_or("?").to_string();
        Ok(Some((id, v.get("version").is_none())))
    }

    /// Stores the team (log, keys, token) in the vault.
    pub fn save(&self, vault: &mut Vault) -> Result<(), TeamError> {
        let json = Zeroizing::new(
            serde_json::to_vec(&Stored {
                version: 2,
                relay: self.relay.clone(),
                team: self.team_id.clone(),
                token: self.token.to_string(),
                first_hash: hex::encode(self.state.first_hash),
            })
            .map_err(|e| VaultError::Document(e.to_string()))?,
        );
        vault.set_sync_value(TEAM, &json)?;
        vault.set_sync_value(TEAM_LOG, &encode_log(&self.records))?;
        Ok(())
    }

    /// Forgets the team on this device (its cases stay; its keys stay for a later team).
    pub fn forget(vault: &mut Vault) -> Result<(), TeamError> {
        for key in [TEAM, TEAM_LOG, JOINING] {
            vault.remove_sync_value(key)?;
        }
        vault.reset_sending()?;
        Ok(())
    }

    /// This device is an active admin.
    pub fn admin(&self) -> bool {
        self.state.is_active_admin(&self.device_id)
    }

    /// This device was revoked (or is not in the log).
    pub fn revoked(&self) -> bool {
        self.state.device(&self.device_id).is_none_or(|d| !d.active())
    }

    /// The current epoch and its key.
    pub fn current_key(&self) -> Result<(u64, &EpochKey), TeamError> {
        let epoch = self.state.epoch;
        let key = self.epoch_keys.get(&epoch).ok_or(TeamError::Revoked)?;
        Ok((epoch, key))
    }

    /// The key of `epoch`, if this device has it.
    pub fn key(&self, epoch: u64) -> Option<&EpochKey> {
        self.epoch_keys.get(&epoch)
    }

    /// Every epoch key this device has.
    pub fn epoch_keys(&self) -> &BTreeMap<u64, EpochKey> {
        &self.epoch_keys
    }

    /// Takes in records that follow the log, all or none.
    pub fn extend(&mut self, records: Vec<Vec<u8>>) -> Result<Vec<Change>, TeamError> {
        let mut state = self.state.clone();
        let mut changes = Vec::with_capacity(records.len());
        for r in &records {
            changes.push(state.apply(r)?);
        }
        if !records.is_empty() {
            self.epoch_keys = state.epoch_keys(&self.keys)?;
            self.state = state;
            self.records.extend(records);
        }
        Ok(changes)
    }
}

/// A join request sent and not yet answered, kept so the device can finish joining later.
#[derive(Serialize, Deserialize, Clone)]
pub struct Joining {
    /// The relay's address.
    pub relay: String,
    /// The team's id.
    pub team: String,
    /// The team's name.
    pub team_name: String,
    /// The invitation asked on.
    pub invitation: String,
    /// The hash of the team's first record (hex), from the invitation.
    pub first_hash: String,
    /// The relay token this device will use once let in.
    pub token: String,
    /// The comparison code both screens show.
    pub comparison: String,
    /// Whether the cases already on this device go to the team once it is let in.
    pub send_cases: bool,
}

impl Joining {
    /// The stored request, if one is open.
    pub fn load(vault: &Vault) -> Result<Option<Joining>, TeamError> {
        let Some(bytes) = vault.sync_value(JOINING)? else {
            return Ok(None);
        };
        let bytes = Zeroizing::new(bytes);
        Ok(Some(serde_json::from_slice(&bytes).map_err(|e| {
            VaultError::Document(format!("the stored join request is unreadable: {e}"))
        })?))
    }

    /// Stores the request.
    pub fn save(&self, vault: &mut Vault) -> Result<(), TeamError> {
        let json = Zeroizing::new(serde_json::to_vec(self).map_err(|e| VaultError::Document(e.to_string()))?);
        vault.set_sync_value(JOINING, &json)?;
        Ok(())
    }

    /// Forgets the request.
    pub fn forget(vault: &mut Vault) -> Result<(), TeamError> {
        vault.remove_sync_value(JOINING)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relay_must_be_https_except_on_this_computer() {
        assert_eq!(
            check_relay("https://relay.example.org/").expect("https"),
            "https://relay.example.org"
        );
        for ok in ["http://127.0.0.1:8787", "http://localhost:1/", "http://[::1]:9"] {
            assert!(check_relay(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://relay.example.org",
            "http://10.0.0.1:80",
            "ftp://x",
            "relay.example.org",
            "https://",
            "http://127.0.0.1.evil.example",
        ] {
            assert!(matches!(check_relay(bad), Err(TeamError::InsecureRelay(_))), "{bad}");
        }
        assert_eq!(relay_host("https://relay.example.org:8443/x"), "relay.example.org:8443");
    }

    #[test]
    fn device_keys_are_made_once_and_kept() {
        let mut vault = Vault::in_memory().expect("vault");
        let a = device_keys(&mut vault).expect("keys");
        let b = device_keys(&mut vault).expect("keys");
        assert_eq!(a.public(), b.public());
        assert!(matches!(Team::require(&mut vault), Err(TeamError::NoTeam)));
        // A vault on disk is born with its device secret, inside the encrypted database.
        let dir = tempfile::tempdir().expect("dir");
        let mut on_disk = Vault::init(
            dir.path(),
            "a long test passphrase",
            fieldscreen_vault::KdfParams::DEFAULT,
        )
        .expect("vault");
        let secret = on_disk
            .sync_value(DEVICE_SECRET)
            .expect("read")
            .expect("made with the vault");
        assert_eq!(secret.len(), 64);
        let keys = device_keys(&mut on_disk).expect("keys");
        assert_eq!(
            Some(keys.public()),
            DeviceKeys::from_stored(&secret).map(|k| k.public())
        );
    }

    #[test]
    fn an_old_shared_key_team_is_recognised_and_not_used() {
        let mut vault = Vault::in_memory().expect("vault");
        let old = br#"{"relay":"http://127.0.0.1:1","team":"t","device":"d","token":"aa","key":"00","admin":true}"#;
        vault.set_sync_value(TEAM, old).expect("stored");
        assert!(matches!(Team::load(&mut vault), Err(TeamError::Legacy)));
        assert!(Team::stored(&vault).expect("read").is_some_and(|(_, legacy)| legacy));
    }
}
