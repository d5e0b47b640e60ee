//! A team: the devices that share one symmetric key and one log on the relay. The credentials
//! live in the vault's encrypted database (so the key is wrapped by the vault key, itself wrapped
//! by the passphrase). A device joins with an enrolment code made on a device already in the
//! team: it carries the relay address, the team, a device slot with its token, and the key —
//! it is a secret, shown once, and should travel by hand (the QR code) rather than by message.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use fieldscreen_vault::{Vault, VaultError};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

const TEAM_KEY: &str = "team";
const CODE_PREFIX: &str = "FSJOIN1.";

/// The 256-bit key every batch of the team is sealed with; wiped from memory when dropped.
#[derive(Clone)]
pub struct TeamKey(Zeroizing<[u8; 32]>);

impl TeamKey {
    pub fn generate() -> Result<TeamKey, getrandom::Error> {
        let mut k = Zeroizing::new([0u8; 32]);
        getrandom::fill(k.as_mut())?;
        Ok(TeamKey(k))
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn from_hex(s: &str) -> Option<TeamKey> {
        let bytes = Zeroizing::new(hex::decode(s).ok()?);
        let arr: [u8; 32] = bytes.as_slice().try_into().ok()?;
        Some(TeamKey(Zeroizing::new(arr)))
    }
}

impl std::fmt::Debug for TeamKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TeamKey(…)")
    }
}

/// This device's membership of a team.
#[derive(Clone, Debug)]
pub struct Team {
    pub relay: String,
    pub team_id: String,
    /// The device's name on the relay (not its Automerge actor).
    pub device_id: String,
    pub token: Zeroizing<String>,
    pub key: TeamKey,
    /// Made the team: may invite and revoke devices.
    pub admin: bool,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    relay: String,
    team: String,
    device: String,
    token: String,
    key: String,
    admin: bool,
}

/// What an enrolment code carries.
#[derive(Clone, Debug)]
pub struct Enrolment {
    pub relay: String,
    pub team_id: String,
    pub device_id: String,
    pub token: Zeroizing<String>,
    pub key: TeamKey,
}

#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("this device is not in a team yet: `fieldscreen team create` or `fieldscreen team join`")]
    NoTeam,
    #[error("this device is already in team {0}; leave it first")]
    AlreadyInTeam(String),
    #[error("this is not a FieldScreen enrolment code (it starts with {CODE_PREFIX})")]
    BadCode,
    #[error("only the device that made the team can do that")]
    NotAdmin,
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error("random number generator: {0}")]
    Random(String),
}

fn random_hex(n: usize) -> Result<String, TeamError> {
    let mut b = vec![0u8; n];
    getrandom::fill(&mut b).map_err(|e| TeamError::Random(e.to_string()))?;
    Ok(hex::encode(b))
}

impl Team {
    /// A new team with this device as its first member; not yet registered with the relay.
    pub fn new(relay: &str) -> Result<Team, TeamError> {
        Ok(Team {
            relay: relay.trim_end_matches('/').to_string(),
            team_id: random_hex(8)?,
            device_id: random_hex(8)?,
            token: Zeroizing::new(random_hex(32)?),
            key: TeamKey::generate().map_err(|e| TeamError::Random(e.to_string()))?,
            admin: true,
        })
    }

    pub fn load(vault: &Vault) -> Result<Option<Team>, TeamError> {
        let Some(bytes) = vault.sync_value(TEAM_KEY)? else {
            return Ok(None);
        };
        let bytes = Zeroizing::new(bytes);
        let s: Stored = serde_json::from_slice(&bytes)
            .map_err(|e| VaultError::Document(format!("the stored team is unreadable: {e}")))?;
        let key =
            TeamKey::from_hex(&s.key).ok_or_else(|| VaultError::Document("the stored team key is damaged".into()))?;
        Ok(Some(Team {
            relay: s.relay,
            team_id: s.team,
            device_id: s.device,
            token: Zeroizing::new(s.token),
            key,
            admin: s.admin,
        }))
    }

    pub fn require(vault: &Vault) -> Result<Team, TeamError> {
        Team::load(vault)?.ok_or(TeamError::NoTeam)
    }

    pub fn save(&self, vault: &mut Vault) -> Result<(), TeamError> {
        if let Some(existing) = Team::load(vault)?
            && existing.team_id != self.team_id
        {
            return Err(TeamError::AlreadyInTeam(existing.team_id));
        }
        let json = Zeroizing::new(
            serde_json::to_vec(&Stored {
                relay: self.relay.clone(),
                team: self.team_id.clone(),
                device: self.device_id.clone(),
                token: self.token.to_string(),
                key: hex::encode(self.key.bytes()),
                admin: self.admin,
            })
            .map_err(|e| VaultError::Document(e.to_string()))?,
        );
        vault.set_sync_value(TEAM_KEY, &json)?;
        Ok(())
    }

    /// Forgets the team on this device (its cases stay).
    pub fn leave(vault: &mut Vault) -> Result<(), TeamError> {
        vault.remove_sync_value(TEAM_KEY)?;
        Ok(())
    }

    /// A device slot and token for a new member, and the code that carries them. The caller
    /// registers the slot with the relay before showing the code.
    pub fn invite(&self) -> Result<Enrolment, TeamError> {
        if !self.admin {
            return Err(TeamError::NotAdmin);
        }
        Ok(Enrolment {
            relay: self.relay.clone(),
            team_id: self.team_id.clone(),
            device_id: random_hex(8)?,
            token: Zeroizing::new(random_hex(32)?),
            key: self.key.clone(),
        })
    }

    pub fn from_enrolment(e: Enrolment) -> Team {
        Team {
            relay: e.relay,
            team_id: e.team_id,
            device_id: e.device_id,
            token: e.token,
            key: e.key,
            admin: false,
        }
    }
}

impl Enrolment {
    pub fn code(&self) -> Zeroizing<String> {
        let json = Zeroizing::new(
            serde_json::json!({
                "r": self.relay, "t": self.team_id, "d": self.device_id,
                "s": self.token.as_str(), "k": hex::encode(self.key.bytes()),
            })
            .to_string(),
        );
        Zeroizing::new(format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(json.as_bytes())))
    }

    pub fn parse(code: &str) -> Result<Enrolment, TeamError> {
        let body = code.trim().strip_prefix(CODE_PREFIX).ok_or(TeamError::BadCode)?;
        let json = Zeroizing::new(URL_SAFE_NO_PAD.decode(body).map_err(|_| TeamError::BadCode)?);
        let v: serde_json::Value = serde_json::from_slice(&json).map_err(|_| TeamError::BadCode)?;
        let field = |k: &str| v[k].as_str().map(str::to_string).ok_or(TeamError::BadCode);
        let (team_id, device_id) = (field("t")?, field("d")?);
        if !fieldscreen_wire::valid_id(&team_id) || !fieldscreen_wire::valid_id(&device_id) {
            return Err(TeamError::BadCode);
        }
        Ok(Enrolment {
            relay: field("r")?,
            team_id,
            device_id,
            token: Zeroizing::new(field("s")?),
            key: TeamKey::from_hex(&field("k")?).ok_or(TeamError::BadCode)?,
        })
    }

    /// The code as a QR code (SVG), to be scanned from the inviting screen.
    pub fn qr_svg(&self) -> Option<String> {
        let code = self.code();
        let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M).ok()?;
        Some(
            qr.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(240, 240)
                .build(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enrolment_code_round_trips_and_damage_is_refused() {
        let team = Team::new("http://127.0.0.1:8787/").expect("team");
        assert_eq!(team.relay, "http://127.0.0.1:8787");
        let invite = team.invite().expect("invite");
        let code = invite.code();
        assert!(code.starts_with("FSJOIN1."));
        let back = Enrolment::parse(&code).expect("parses");
        assert_eq!(
            (back.team_id.as_str(), back.device_id.as_str()),
            (team.team_id.as_str(), invite.device_id.as_str())
        );
        assert_eq!(back.key.bytes(), team.key.bytes());
        assert!(Enrolment::parse("FSJOIN1.bm9wZQ").is_err());
        assert!(Enrolment::parse(&code[..code.len() - 4]).is_err());
        assert!(invite.qr_svg().is_some_and(|s| s.contains("<svg")));
        let member = Team::from_enrolment(back);
        assert!(matches!(member.invite(), Err(TeamError::NotAdmin)));
    }

    #[test]
    fn the_team_is_kept_in_the_vault_and_one_at_a_time() {
        let mut vault = Vault::in_memory().expect("vault");
        assert!(matches!(Team::require(&vault), Err(TeamError::NoTeam)));
        let team = Team::new("http://relay").expect("team");
        team.save(&mut vault).expect("saved");
        let loaded = Team::require(&vault).expect("loaded");
        assert_eq!((loaded.team_id, loaded.admin), (team.team_id.clone(), true));
        let other = Team::new("http://relay").expect("team");
        assert!(matches!(other.save(&mut vault), Err(TeamError::AlreadyInTeam(_))));
        Team::leave(&mut vault).expect("left");
        other.save(&mut vault).expect("saved");
    }
}
