//! Sync commands: status, "sync now" with progress events, enrolment, conflict review. Each one
//! adapts a call into `fieldscreen-sync`; nothing about sync is decided here.

use crate::commands::{CommandError, lock_state_of, today, unlocked, unlocked_mut};
use crate::state::{AppState, Inner};
use fieldscreen_catalog::load;
use fieldscreen_catalog::{AppStrings, ProtocolSource};
use fieldscreen_sync::membership::{self, MembershipError, TeamInfo};
use fieldscreen_sync::{HttpRelay, Progress, Stage, SyncError, Team, conflicts};
use fieldscreen_vault::{CaseDoc, CaseIndex, Vault};
use fieldscreen_views::{Langs, TextView};
use serde::Serialize;
use std::collections::HashMap;
use tauri::{AppHandle, Emitter, Manager, State as Tauri};

type Result<T> = std::result::Result<T, CommandError>;

impl From<MembershipError> for CommandError {
    fn from(e: MembershipError) -> Self {
        CommandError::new("sync", e.to_string())
    }
}

impl From<SyncError> for CommandError {
    fn from(e: SyncError) -> Self {
        let code = match &e {
            SyncError::Transport(fieldscreen_sync::TransportError::Unreachable(_)) => "offline",
            _ => "sync",
        };
        CommandError::new(code, e.to_string())
    }
}

/// A merged case's listing, through the bundled protocol when there is one.
fn indexer<'a>(protocols: &'a [ProtocolSource], app: &'a AppStrings) -> impl FnMut(&CaseDoc) -> Option<CaseIndex> + 'a {
    fieldscreen_vault::indexer(
        move |id: &str| {
            let src = protocols.iter().find(|p| p.dir_name == id)?;
            load(src, app, Some(today())).ok().map(|l| l.protocol)
        },
        today(),
    )
}

/// The unlocked vault and a listing indexer over the bundled protocols, borrowed side by side.
fn vault_with_indexer(inner: &mut Inner) -> Result<(&mut Vault, impl FnMut(&CaseDoc) -> Option<CaseIndex> + '_)> {
    let Inner {
        vault, protocols, app, ..
    } = inner;
    let vault = vault
        .as_mut()
        .ok_or_else(|| CommandError::new("locked", "the vault is locked"))?;
    Ok((vault, indexer(protocols, app)))
}

#[derive(Serialize)]
pub struct SyncStatus {
    pub team: Option<TeamInfo>,
    pub last_synced: Option<String>,
    pub pending: usize,
    pub conflicts: usize,
}

#[tauri::command]
pub fn sync_status(state: Tauri<'_, AppState>) -> Result<SyncStatus> {
    let inner = lock_state_of(&state)?;
    let vault = unlocked(&inner)?;
    let s = membership::status(vault)?;
    Ok(SyncStatus {
        team: s.team,
        last_synced: s.last_synced,
        pending: s.pending,
        conflicts: conflicts::list(vault)?.len(),
    })
}

#[derive(Serialize, Clone)]
pub struct ProgressView {
    pub stage: &'static str,
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize)]
pub struct SyncDone {
    pub sent: usize,
    pub received: usize,
    pub new_cases: usize,
    pub changed_cases: usize,
    pub conflicts: usize,
}

/// Runs off the window's thread and reports each step as a `sync-progress` event.
#[tauri::command]
pub async fn sync_now(app: AppHandle) -> Result<SyncDone> {
    let worker = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = worker.state::<AppState>();
        let mut guard = lock_state_of(&state)?;
        let (vault, mut index) = vault_with_indexer(&mut guard)?;
        let team = Team::require(vault).map_err(MembershipError::from)?;
        let mut relay = HttpRelay::new(&team);
        let mut progress = |p: Progress| {
            let stage = match p.stage {
                Stage::Packing => "packing",
                Stage::Uploading => "uploading",
                Stage::Downloading => "downloading",
            };
            let _ = worker.emit(
                "sync-progress",
                ProgressView {
                    stage,
                    done: p.done,
                    total: p.total,
                },
            );
        };
        let report = fieldscreen_sync::sync(vault, &team, &mut relay, &mut index, &mut progress)?;
        Ok(SyncDone {
            sent: report.batches_sent,
            received: report.batches_received,
            new_cases: report.cases_new,
            changed_cases: report.cases_changed,
            conflicts: conflicts::list(vault)?.len(),
        })
    })
    .await
    .map_err(|_| CommandError::new("sync", "the sync stopped unexpectedly"))?
}

#[tauri::command]
pub async fn team_create(app: AppHandle, relay: String, create_secret: Option<String>) -> Result<TeamInfo> {
    blocking(app, move |inner| {
        let secret = create_secret.filter(|s| !s.trim().is_empty());
        let team = membership::create_team(unlocked_mut(inner)?, relay.trim(), secret.as_deref())?;
        Ok(info(&team))
    })
    .await
}

#[derive(Serialize)]
pub struct InviteView {
    pub device: String,
    pub code: String,
    /// The code as a QR code (SVG markup; the screen shows it as an image).
    pub qr: Option<String>,
}

#[tauri::command]
pub async fn team_invite(app: AppHandle) -> Result<InviteView> {
    blocking(app, |inner| {
        let e = membership::invite(unlocked_mut(inner)?)?;
        Ok(InviteView {
            device: e.device_id.clone(),
            code: e.code().to_string(),
            qr: e.qr_svg(),
        })
    })
    .await
}

#[tauri::command]
pub fn team_join(state: Tauri<'_, AppState>, code: String) -> Result<TeamInfo> {
    let mut inner = lock_state_of(&state)?;
    let team = membership::join(unlocked_mut(&mut inner)?, &code)?;
    Ok(info(&team))
}

#[tauri::command]
pub async fn team_revoke(app: AppHandle, device: String) -> Result<()> {
    blocking(app, move |inner| {
        Ok(membership::revoke(unlocked_mut(inner)?, device.trim())?)
    })
    .await
}

fn info(team: &Team) -> TeamInfo {
    TeamInfo {
        team_id: team.team_id.clone(),
        device_id: team.device_id.clone(),
        relay: team.relay.clone(),
        admin: team.admin,
    }
}

/// A command that talks to the relay, run off the window's thread.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    f: impl FnOnce(&mut Inner) -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        let mut guard = lock_state_of(&state)?;
        f(&mut guard)
    })
    .await
    .map_err(|_| CommandError::new("sync", "the request stopped unexpectedly"))?
}

#[derive(Serialize)]
pub struct ConflictView {
    pub case_id: String,
    pub question_id: String,
    pub question: TextView,
    /// Every value, as words in the app's language, in the order `resolve_conflict` numbers.
    pub values: Vec<TextView>,
}

#[tauri::command]
pub fn conflict_list(state: Tauri<'_, AppState>, lang: String) -> Result<Vec<ConflictView>> {
    let inner = lock_state_of(&state)?;
    let vault = unlocked(&inner)?;
    let mut loaded_by_protocol = HashMap::new();
    let mut out = Vec::new();
    for c in conflicts::list(vault)? {
        let loaded = match loaded_by_protocol.entry(c.protocol_id.clone()) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let src = inner.protocols.iter().find(|p| p.dir_name == c.protocol_id);
                e.insert(src.and_then(|s| load(s, &inner.app, Some(today())).ok()))
            }
        };
        let raw = |a: &fieldscreen_protocol::Answer| TextView {
            text: serde_json::to_string(a).unwrap_or_default(),
            lang: "und".into(),
            dir: "ltr",
            fell_back: true,
        };
        let (question, values) = match loaded.as_ref() {
            Some(l) => {
                let langs = Langs::new(l, &lang, None)?;
                match l.protocol.question_index(&c.question).map(|q| &l.protocol.questions[q]) {
                    Some(q) => (
                        langs.one(&q.text_key),
                        c.values.iter().map(|a| langs.answer_text(q, a).into()).collect(),
                    ),
                    None => (raw_question(&c.question), c.values.iter().map(raw).collect()),
                }
            }
            None => (raw_question(&c.question), c.values.iter().map(raw).collect()),
        };
        out.push(ConflictView {
            case_id: c.case_id,
            question_id: c.question,
            question,
            values,
        });
    }
    Ok(out)
}

fn raw_question(id: &str) -> TextView {
    TextView {
        text: id.to_string(),
        lang: "und".into(),
        dir: "ltr",
        fell_back: true,
    }
}

#[tauri::command]
pub fn resolve_conflict(state: Tauri<'_, AppState>, case_id: String, question: String, keep: usize) -> Result<()> {
    let mut guard = lock_state_of(&state)?;
    let (vault, mut index) = vault_with_indexer(&mut guard)?;
    conflicts::resolve(vault, &case_id, &question, keep, &mut index)
        .map_err(|e| CommandError::new("conflict", e.to_string()))?;
    Ok(())
}
