//! Joining and leaving a team, the same for the CLI and the app: each step talks to the relay
//! first and records itself in the vault's audit log only once the relay agreed.

use crate::client::TransportError;
use crate::http::HttpRelay;
use crate::team::{Enrolment, Team, TeamError};
use fieldscreen_vault::{Vault, VaultError};

#[derive(Debug, thiserror::Error)]
pub enum MembershipError {
    #[error(transparent)]
    Team(#[from] TeamError),
    #[error(transparent)]
    Relay(#[from] TransportError),
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// A new team on `relay` with this device as its admin.
pub fn create_team(vault: &mut Vault, relay: &str, create_secret: Option<&str>) -> Result<Team, MembershipError> {
    if let Some(existing) = Team::load(vault)? {
        return Err(TeamError::AlreadyInTeam(existing.team_id).into());
    }
    let team = Team::new(relay)?;
    HttpRelay::new(&team).create_team(&team.token, create_secret)?;
    team.save(vault)?;
    vault.record_action("team-created", None)?;
    Ok(team)
}

/// A device slot for a newcomer, registered with the relay. Every case will be sent whole at the
/// next sync, so the newcomer gets them even where the relay has compacted its log.
pub fn invite(vault: &mut Vault) -> Result<Enrolment, MembershipError> {
    let team = Team::require(vault)?;
    let enrolment = team.invite()?;
    HttpRelay::new(&team).add_device(&enrolment.device_id, &enrolment.token)?;
    vault.resend_everything()?;
    vault.record_action(&format!("device-invited {}", enrolment.device_id), None)?;
    Ok(enrolment)
}

pub fn join(vault: &mut Vault, code: &str) -> Result<Team, MembershipError> {
    let team = Team::from_enrolment(Enrolment::parse(code)?);
    team.save(vault)?;
    vault.record_action("team-joined", None)?;
    Ok(team)
}

pub fn revoke(vault: &mut Vault, device: &str) -> Result<(), MembershipError> {
    let team = Team::require(vault)?;
    if !team.admin {
        return Err(TeamError::NotAdmin.into());
    }
    HttpRelay::new(&team).revoke_device(device)?;
    vault.record_action(&format!("device-revoked {device}"), None)?;
    Ok(())
}

/// What a status line shows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    pub team: Option<TeamInfo>,
    /// RFC 3339, when the last sync finished.
    pub last_synced: Option<String>,
    /// Cases changed since they were last packed, plus packed batches not yet acknowledged.
    pub pending: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TeamInfo {
    pub team_id: String,
    pub device_id: String,
    pub relay: String,
    pub admin: bool,
}

pub fn status(vault: &Vault) -> Result<Status, MembershipError> {
    Ok(Status {
        team: Team::load(vault)?.map(|t| TeamInfo {
            team_id: t.team_id,
            device_id: t.device_id,
            relay: t.relay,
            admin: t.admin,
        }),
        last_synced: vault
            .sync_value(crate::client::LAST_SYNCED)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        pending: vault.unsent_count()? + vault.outbox()?.len(),
    })
}
