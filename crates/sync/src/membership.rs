//! Every team operation, the same for the CLI and the app: create a team, invite, ask to join,
//! finish joining, list and approve or refuse join requests, revoke, rotate keys, make or
//! unmake admins, leave. Each change is a membership record signed here, verified by the relay
//! and by every device; each is recorded in the vault's audit log once the relay took it.

use crate::client::{SyncError, Transport, TransportError, refresh};
use crate::http::HttpRelay;
use crate::team::{Joining, Team, TeamError, check_relay, device_keys, random_hex, relay_host};
use fieldscreen_team::{Change, Invitation, JoinRequest, Member, TeamState, comparison_code, hash_of, secret_hash};
use fieldscreen_vault::{AuditAction, Vault, VaultError};
use zeroize::Zeroizing;

/// Why a team operation failed.
#[derive(Debug, thiserror::Error)]
pub enum MembershipError {
    /// The team, its log or this device's standing is in the way.
    #[error(transparent)]
    Team(#[from] TeamError),
    /// The relay could not be reached or refused.
    #[error(transparent)]
    Relay(#[from] TransportError),
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The sync that follows a change failed.
    #[error(transparent)]
    Sync(#[from] SyncError),
    /// The invitation's maker is not an admin of the team it names.
    #[error("the invitation was made by {0}, which is not an admin of the team: do not join")]
    NotInvitedByAdmin(String),
    /// No such join request is pending.
    #[error("no pending join request from device {0} (refused, expired, or another device was approved)")]
    NoSuchRequest(String),
    /// The code the admin typed is not the joining device's.
    #[error(
        "the comparison code {typed} is not the one of device {device}'s request; nothing was approved. Compare the six digits on both screens again"
    )]
    ComparisonMismatch {
        /// The joining device.
        device: String,
        /// What the admin typed.
        typed: String,
    },
    /// Other admins kept appending records.
    #[error("the team's log kept changing while this was being recorded; try again")]
    Busy,
}

impl From<fieldscreen_team::LogError> for MembershipError {
    fn from(e: fieldscreen_team::LogError) -> Self {
        MembershipError::Team(e.into())
    }
}

/// The audit entry for a membership change: device ids, never names.
pub fn audit_action(change: &Change) -> AuditAction {
    match change {
        Change::Created { device } => AuditAction::TeamCreated { device: device.clone() },
        Change::Added { device, admin, .. } => AuditAction::DeviceAdded {
            device: device.clone(),
            admin: *admin,
        },
        Change::Revoked { device } => AuditAction::DeviceRevoked { device: device.clone() },
        Change::AdminSet { device, admin } => AuditAction::AdminSet {
            device: device.clone(),
            admin: *admin,
        },
        Change::Rotated => AuditAction::KeysRotated,
    }
}

/// Default name of this device in the team's log (the log is visible to the relay's operator,
/// so a name should say which device, not whose).
pub fn default_device_name(device_id: &str) -> String {
    format!("device {}", &device_id[..device_id.len().min(4)])
}

/// A new team on `relay` with this device as its first admin. A device still in a team of the
/// first model (one shared key) moves its cases to the new team.
pub fn create_team(
    vault: &mut Vault,
    relay: &str,
    team_name: &str,
    device_name: Option<&str>,
    create_secret: Option<&str>,
) -> Result<Team, MembershipError> {
    let relay = check_relay(relay)?;
    let stored = Team::stored(vault)?;
    let legacy = stored.as_ref().is_some_and(|(_, legacy)| *legacy);
    if let Some((existing, false)) = stored {
        return Err(TeamError::AlreadyInTeam(existing).into());
    }
    let keys = device_keys(vault)?;
    let team_id = random_hex(8)?;
    let name = device_name.map_or_else(|| default_device_name(&keys.device_id()), str::to_string);
    let (first, _) = TeamState::create(&team_id, team_name.trim(), &keys, &name)?;
    let token = Zeroizing::new(random_hex(32)?);
    HttpRelay::with_credentials(&relay, &team_id, &keys.device_id(), &token).create_team(
        &first,
        &token,
        create_secret,
    )?;
    let first_hash = hash_of(&first);
    let team = Team::from_log(&relay, token, keys, vec![first], &first_hash)?;
    Team::forget(vault)?;
    team.save(vault)?;
    if legacy {
        vault.resend_everything()?;
    }
    vault.record_action(
        AuditAction::TeamCreated {
            device: team.device_id.clone(),
        },
        None,
    )?;
    Ok(team)
}

/// What the inviting screen shows.
pub struct InvitationView {
    /// The invitation's id.
    pub id: String,
    /// The code to show, secret included.
    pub code: Zeroizing<String>,
    /// The code as a QR code (SVG).
    pub qr: Option<String>,
    /// When the relay forgets it (seconds since 1970, the relay's clock) and how long it lives.
    pub expires_at: i64,
    /// How long it lives from now.
    pub ttl_seconds: u64,
}

/// A one-time invitation that expires after `ttl_seconds` (admin only).
pub fn invite(vault: &mut Vault, ttl_seconds: u64) -> Result<InvitationView, MembershipError> {
    let (team, relay) = require_admin(vault)?;
    let inv = Invitation::new(&team.relay, &team.team_id, team.state.first_hash, &team.device_id)?;
    let (expires_at, ttl_seconds) =
        relay.create_invitation(&inv.id, &secret_hash(inv.secret.as_slice()), ttl_seconds)?;
    vault.record_action(
        AuditAction::InvitationMade {
            invitation: inv.id.clone(),
        },
        None,
    )?;
    let code = inv.code();
    Ok(InvitationView {
        id: inv.id.clone(),
        qr: qr_svg(&code),
        code,
        expires_at,
        ttl_seconds,
    })
}

fn qr_svg(code: &str) -> Option<String> {
    let qr = qrcode::QrCode::with_error_correction_level(code.as_bytes(), qrcode::EcLevel::M).ok()?;
    Some(
        qr.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(240, 240)
            .build(),
    )
}

/// What a person checks before joining: where the relay is and which team it is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JoinPreview {
    /// The relay's host.
    pub relay_host: String,
    /// The team's id.
    pub team_id: String,
    /// The team's name.
    pub team_name: String,
    /// The name of the admin device that made the invitation.
    pub inviter_name: String,
}

/// The invitation and the team's verified log, fetched with the invitation's secret.
fn invited_team(code: &str) -> Result<(Invitation, TeamState), MembershipError> {
    let inv = Invitation::parse(code).map_err(TeamError::from)?;
    check_relay(&inv.relay)?;
    let records = HttpRelay::for_invitation(&inv).membership(0)?;
    let state = TeamState::verify(&records, Some(&inv.first_hash))?;
    if !state.is_active_admin(&inv.inviter) {
        return Err(MembershipError::NotInvitedByAdmin(inv.inviter.clone()));
    }
    Ok((inv, state))
}

/// What joining with `code` would join, checked against the team's verified log.
pub fn preview_join(code: &str) -> Result<JoinPreview, MembershipError> {
    let (inv, state) = invited_team(code)?;
    Ok(JoinPreview {
        relay_host: relay_host(&inv.relay),
        team_id: state.team_id.clone(),
        team_name: state.team_name.clone(),
        inviter_name: state.device(&inv.inviter).map(|d| d.name.clone()).unwrap_or_default(),
    })
}

/// A join request sent: what this screen shows while the admin decides.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct JoinPending {
    /// The team's name.
    pub team_name: String,
    /// The relay's host.
    pub relay_host: String,
    /// Six digits the admin's screen must show too.
    pub comparison: String,
    /// Requests the invitation has had, this one included (more than one: someone else has it).
    pub nth: u64,
}

/// Asks to join with an invitation code. `send_cases`: whether the cases already on this
/// device go to the team once it is let in (otherwise they stay here only).
pub fn request_join(
    vault: &mut Vault,
    code: &str,
    device_name: Option<&str>,
    send_cases: bool,
) -> Result<JoinPending, MembershipError> {
    // A team of the first model may be replaced: its device must join again.
    if let Some((existing, false)) = Team::stored(vault)? {
        return Err(TeamError::AlreadyInTeam(existing).into());
    }
    let (inv, state) = invited_team(code)?;
    let keys = device_keys(vault)?;
    let token = Zeroizing::new(random_hex(32)?);
    let name = device_name.map_or_else(|| default_device_name(&keys.device_id()), str::to_string);
    let request = JoinRequest::new(&inv, &keys, &name, &token);
    let inviter = state
        .device(&inv.inviter)
        .ok_or_else(|| MembershipError::NotInvitedByAdmin(inv.inviter.clone()))?;
    let comparison = comparison_code(&state.first_hash, &inv.id, &inviter.keys, &keys.public());
    let nth = HttpRelay::for_invitation(&inv).join_request(&inv, &request.encode())?;
    Joining {
        relay: inv.relay.clone(),
        team: inv.team.clone(),
        team_name: state.team_name.clone(),
        invitation: inv.id.clone(),
        first_hash: hex::encode(state.first_hash),
        token: token.to_string(),
        comparison: comparison.clone(),
        send_cases,
    }
    .save(vault)?;
    vault.record_action(AuditAction::JoinRequested, None)?;
    Ok(JoinPending {
        team_name: state.team_name,
        relay_host: relay_host(&inv.relay),
        comparison,
        nth,
    })
}

/// Where this device's request to join stands.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum JoinState {
    /// It asked to join no team.
    NotJoining,
    /// An admin has not decided yet.
    Pending {
        /// The team's name.
        team_name: String,
        /// Six digits the admin's screen must show too.
        comparison: String,
    },
    /// It was let in.
    Joined {
        /// The team's id.
        team_id: String,
        /// The team's name.
        team_name: String,
    },
    /// Refused, expired, or another device was approved on the invitation.
    Refused,
}

/// Asks the relay whether a pending join was approved; if so, takes the team's log (verified
/// from the first hash the invitation carried) and becomes a member.
pub fn finish_join(vault: &mut Vault) -> Result<JoinState, MembershipError> {
    let Some(joining) = Joining::load(vault)? else {
        return Ok(JoinState::NotJoining);
    };
    let keys = device_keys(vault)?;
    let mut relay = HttpRelay::with_credentials(&joining.relay, &joining.team, &keys.device_id(), &joining.token);
    match relay.request_status()?.as_deref() {
        Some("pending") => {
            return Ok(JoinState::Pending {
                team_name: joining.team_name,
                comparison: joining.comparison,
            });
        }
        Some("approved") => {}
        _ => {
            Joining::forget(vault)?;
            vault.record_action(AuditAction::JoinRefused, None)?;
            return Ok(JoinState::Refused);
        }
    }
    let first_hash: [u8; 32] = hex::decode(&joining.first_hash)
        .ok()
        .and_then(|h| h.try_into().ok())
        .ok_or_else(|| VaultError::Document("the stored join request is damaged".into()))?;
    let records = relay.membership(0)?;
    let team = Team::from_log(
        &joining.relay,
        Zeroizing::new(joining.token.clone()),
        keys,
        records,
        &first_hash,
    )?;
    if team.revoked() {
        return Err(TeamError::Revoked.into());
    }
    Team::forget(vault)?;
    team.save(vault)?;
    if joining.send_cases {
        vault.resend_everything()?;
    } else {
        vault.keep_local()?;
    }
    vault.record_action(
        AuditAction::TeamJoined {
            team: team.team_id.clone(),
        },
        None,
    )?;
    Ok(JoinState::Joined {
        team_id: team.team_id,
        team_name: team.state.team_name,
    })
}

/// A pending join request as an admin sees it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RequestView {
    /// The device asking.
    pub device: String,
    /// The name it gives itself.
    pub name: String,
    /// The invitation it asks on.
    pub invitation: String,
    /// What the joining device's screen shows; approve only if it matches.
    pub comparison: String,
    /// Requests on the same invitation: more than one means someone else has the code.
    pub on_invitation: usize,
    /// When it arrived (seconds since 1970, the relay's clock).
    pub at: i64,
}

fn require_admin(vault: &mut Vault) -> Result<(Team, HttpRelay), MembershipError> {
    let mut team = Team::require(vault)?;
    let mut relay = HttpRelay::new(&team);
    refresh(vault, &mut team, &mut relay)?;
    if !team.admin() {
        return Err(TeamError::NotAdmin.into());
    }
    Ok((team, relay))
}

fn request_views(team: &Team, relay: &HttpRelay) -> Result<Vec<(RequestView, JoinRequest)>, MembershipError> {
    let rows = relay.requests()?;
    let mut out = Vec::new();
    for row in &rows {
        // A request the relay cannot vouch for (undecodable, or by an unknown inviter) is not shown.
        let Ok(req) = JoinRequest::decode(&row.request) else {
            continue;
        };
        let Some(inviter) = team.state.device(&row.inviter) else {
            continue;
        };
        if req.device_id() != row.device || req.invitation != row.invitation || req.team != team.team_id {
            continue;
        }
        out.push((
            RequestView {
                device: row.device.clone(),
                name: req.name.clone(),
                invitation: row.invitation.clone(),
                comparison: comparison_code(&team.state.first_hash, &row.invitation, &inviter.keys, &req.keys),
                on_invitation: rows.iter().filter(|r| r.invitation == row.invitation).count(),
                at: row.at,
            },
            req,
        ));
    }
    Ok(out)
}

/// The team's pending join requests (admin only).
pub fn requests(vault: &mut Vault) -> Result<Vec<RequestView>, MembershipError> {
    let (team, relay) = require_admin(vault)?;
    Ok(request_views(&team, &relay)?.into_iter().map(|(v, _)| v).collect())
}

/// The team's devices as the relay knows them, with their names from the membership log: how
/// far each has read, whether a device let in has ever come (admins only).
pub fn relay_devices(
    vault: &mut Vault,
) -> Result<Vec<(fieldscreen_wire::DeviceStatus, Option<String>)>, MembershipError> {
    let (team, relay) = require_admin(vault)?;
    Ok(relay
        .devices()?
        .into_iter()
        .map(|d| {
            let name = team.state.device(&d.device).map(|m| m.name.clone());
            (d, name)
        })
        .collect())
}

/// Appends a record made by `make` from the latest log, retrying when another admin's record
/// took the place first. Returns what it changed.
pub fn append_with_retry(
    vault: &mut Vault,
    team: &mut Team,
    relay: &mut dyn Transport,
    approve: Option<&str>,
    make: &dyn Fn(&Team) -> Result<Vec<u8>, MembershipError>,
) -> Result<Change, MembershipError> {
    for _ in 0..5 {
        refresh(vault, team, relay)?;
        let record = make(team)?;
        match relay.append_record(&record, approve) {
            Ok(()) => {
                let change = team.extend(vec![record])?.remove(0);
                team.save(vault)?;
                vault.record_action(audit_action(&change), None)?;
                return Ok(change);
            }
            Err(TransportError::Refused { status: 409, .. }) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(MembershipError::Busy)
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Lets in the device whose request shows `comparison` (the six digits read from its screen),
/// sealing the current epoch key to it; `device` narrows the choice to one request (the app's
/// button), otherwise the digits pick it (the CLI). Every case is sent whole at the next sync,
/// so the newcomer gets them even where the relay has compacted its log. Returns the device.
pub fn approve(vault: &mut Vault, device: Option<&str>, comparison: &str) -> Result<String, MembershipError> {
    let (mut team, mut relay) = require_admin(vault)?;
    let mismatch = || MembershipError::ComparisonMismatch {
        device: device.unwrap_or("-").to_string(),
        typed: comparison.to_string(),
    };
    let views = request_views(&team, &relay)?;
    let (view, req) = match device {
        Some(d) => views
            .into_iter()
            .find(|(v, _)| v.device == d)
            .ok_or_else(|| MembershipError::NoSuchRequest(d.to_string()))?,
        None => views
            .into_iter()
            .find(|(v, _)| digits(&v.comparison) == digits(comparison))
            .ok_or_else(mismatch)?,
    };
    if digits(comparison) != digits(&view.comparison) {
        return Err(mismatch());
    }
    let member = Member {
        keys: req.keys,
        name: req.name.clone(),
        admin: false,
    };
    append_with_retry(vault, &mut team, &mut relay, Some(&view.device), &|t: &Team| {
        Ok(t.state.add(&t.keys, member.clone(), &view.invitation, t.epoch_keys())?)
    })?;
    vault.resend_everything()?;
    Ok(view.device)
}

/// Refuses `device`'s join request (admin only).
pub fn refuse(vault: &mut Vault, device: &str) -> Result<(), MembershipError> {
    let (_, relay) = require_admin(vault)?;
    relay.refuse_request(device)?;
    vault.record_action(
        AuditAction::JoinRequestRefused {
            device: device.to_string(),
        },
        None,
    )?;
    Ok(())
}

/// Cuts a device off: a new epoch whose key only the remaining devices get; the relay stops
/// taking its token.
pub fn revoke(vault: &mut Vault, device: &str) -> Result<(), MembershipError> {
    let (mut team, mut relay) = require_admin(vault)?;
    append_with_retry(vault, &mut team, &mut relay, None, &|t: &Team| {
        Ok(t.state.revoke(&t.keys, device)?)
    })?;
    Ok(())
}

/// A fresh epoch key for every device of the team.
pub fn rotate(vault: &mut Vault) -> Result<u64, MembershipError> {
    let (mut team, mut relay) = require_admin(vault)?;
    append_with_retry(vault, &mut team, &mut relay, None, &|t: &Team| {
        Ok(t.state.rotate(&t.keys)?)
    })?;
    Ok(team.state.epoch)
}

/// Gives `device` admin rights or takes them (admin only).
pub fn set_admin(vault: &mut Vault, device: &str, admin: bool) -> Result<(), MembershipError> {
    let (mut team, mut relay) = require_admin(vault)?;
    append_with_retry(vault, &mut team, &mut relay, None, &|t: &Team| {
        Ok(t.state.set_admin(&t.keys, device, admin)?)
    })?;
    Ok(())
}

/// Forgets the team (or a pending join) on this device; its cases stay. The team's admins
/// should still revoke it, which is what closes the relay's door and changes the key.
pub fn leave(vault: &mut Vault) -> Result<(), MembershipError> {
    Team::forget(vault)?;
    vault.record_action(AuditAction::TeamLeft, None)?;
    Ok(())
}

/// What a status line and the Team screen show.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    /// The team this device is in.
    pub team: Option<TeamInfo>,
    /// Its request to join, while one is open.
    pub joining: Option<JoinState>,
    /// A team of the first model (one shared key) is stored: the device must join again.
    pub legacy: bool,
    /// RFC 3339, when the last sync finished.
    pub last_synced: Option<String>,
    /// Cases changed since they were last packed, plus packed batches not yet acknowledged.
    pub pending: usize,
    /// Entries of the team's log set aside (they did not open, verify or decode).
    pub set_aside: usize,
    /// Batches the relay skipped and has not given since.
    pub missing: usize,
}

/// The team as this device's verified log shows it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TeamInfo {
    /// The team's id.
    pub team_id: String,
    /// The team's name.
    pub team_name: String,
    /// This device's id.
    pub device_id: String,
    /// The relay's address.
    pub relay: String,
    /// This device is an admin.
    pub admin: bool,
    /// This device was revoked.
    pub revoked: bool,
    /// The current key epoch.
    pub epoch: u64,
    /// Every device the log names.
    pub members: Vec<MemberInfo>,
}

/// A device of the team.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct MemberInfo {
    /// Its id.
    pub device: String,
    /// The name it goes by.
    pub name: String,
    /// Its standing.
    pub role: Role,
    /// It is this device.
    pub this_device: bool,
}

/// A device's standing in the team, as every front end names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// May let devices in and revoke them.
    Admin,
    /// Sends and receives cases.
    Member,
    /// Shut out.
    Revoked,
}

impl Role {
    /// Every standing.
    pub const ALL: [Role; 3] = [Role::Admin, Role::Member, Role::Revoked];

    /// The standing of a device the log names.
    pub fn of(device: &fieldscreen_team::Device) -> Role {
        if !device.active() {
            Role::Revoked
        } else if device.admin {
            Role::Admin
        } else {
            Role::Member
        }
    }

    /// The selector value the localised texts use.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Revoked => "revoked",
        }
    }
}

impl TeamInfo {
    /// The team as `team`'s log shows it.
    pub fn of(team: &Team) -> TeamInfo {
        TeamInfo {
            team_id: team.team_id.clone(),
            team_name: team.state.team_name.clone(),
            device_id: team.device_id.clone(),
            relay: team.relay.clone(),
            admin: team.admin(),
            revoked: team.revoked(),
            epoch: team.state.epoch,
            members: team
                .state
                .devices()
                .map(|d| MemberInfo {
                    device: d.id.clone(),
                    name: d.name.clone(),
                    role: Role::of(d),
                    this_device: d.id == team.device_id,
                })
                .collect(),
        }
    }
}

/// Read from the vault only; nothing is asked of the relay.
pub fn status(vault: &mut Vault) -> Result<Status, MembershipError> {
    let legacy = Team::stored(vault)?.is_some_and(|(_, legacy)| legacy);
    let team = if legacy { None } else { Team::load(vault)? };
    let joining = Joining::load(vault)?.map(|j| JoinState::Pending {
        team_name: j.team_name,
        comparison: j.comparison,
    });
    Ok(Status {
        team: team.as_ref().map(TeamInfo::of),
        joining,
        legacy,
        last_synced: vault
            .sync_value(crate::client::LAST_SYNCED)?
            .map(|b| String::from_utf8_lossy(&b).into_owned()),
        pending: vault.unsent_count()? + vault.outbox()?.len(),
        set_aside: match &team {
            Some(t) => vault.quarantined(&t.team_id)?.len(),
            None => 0,
        },
        missing: match &team {
            Some(t) => vault.gaps(&t.team_id)?.len(),
            None => 0,
        },
    })
}
