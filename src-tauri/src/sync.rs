//! Sync commands: status, "sync now" with progress events, enrolment, conflict review. Each one
//! adapts a call into `fieldscreen-sync`; nothing about sync is decided here.

use crate::commands::{lock_state_of, today, unlocked, unlocked_mut};
use crate::error::{CommandError, ErrorCode};
use crate::state::{AppState, Inner};
use fieldscreen_catalog::Catalog;
use fieldscreen_sync::membership::{
    self, InvitationView, JoinPending, JoinPreview, JoinState, MembershipError, RequestView, TeamInfo,
};
use fieldscreen_sync::{HttpRelay, Progress, Stage, Team, conflicts};
use fieldscreen_vault::{CaseDoc, CaseIndex, Vault};
use fieldscreen_views::{Langs, TextView};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State as Tauri};

type Result<T> = std::result::Result<T, CommandError>;

/// A merged case's listing, through its protocol when this app has it.
fn indexer(catalog: &Catalog) -> impl FnMut(&CaseDoc) -> Option<CaseIndex> + '_ {
    fieldscreen_vault::indexer(move |id: &str| catalog.protocol(id, Some(today())), today())
}

/// The unlocked vault and a listing indexer over the bundled protocols, borrowed side by side.
fn vault_with_indexer(inner: &mut Inner) -> Result<(&mut Vault, impl FnMut(&CaseDoc) -> Option<CaseIndex> + '_)> {
    let Inner { vault, catalog, .. } = inner;
    let vault = vault.as_mut().ok_or_else(CommandError::locked)?;
    Ok((vault, indexer(catalog)))
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SyncStatus {
    pub team: Option<TeamInfo>,
    pub joining: Option<JoinState>,
    /// A team of the first model is stored: the device must join again.
    pub legacy: bool,
    pub last_synced: Option<String>,
    pub pending: usize,
    pub conflicts: usize,
    pub set_aside: usize,
    pub missing: usize,
}

#[tauri::command]
pub fn sync_status(state: Tauri<'_, AppState>) -> Result<SyncStatus> {
    let mut inner = lock_state_of(&state)?;
    let vault = unlocked_mut(&mut inner)?;
    let s = membership::status(vault)?;
    Ok(SyncStatus {
        team: s.team,
        joining: s.joining,
        legacy: s.legacy,
        last_synced: s.last_synced,
        pending: s.pending,
        conflicts: conflicts::list(vault)?.len(),
        set_aside: s.set_aside,
        missing: s.missing,
    })
}

#[derive(Serialize, Clone)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProgressView {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
        let mut team = Team::require(vault).map_err(MembershipError::from)?;
        let mut relay = HttpRelay::new(&team);
        let mut progress = |p: Progress| {
            let _ = worker.emit(
                "sync-progress",
                ProgressView {
                    stage: p.stage,
                    done: p.done,
                    total: p.total,
                },
            );
        };
        let report = fieldscreen_sync::sync(vault, &mut team, &mut relay, &mut index, &mut progress)?;
        Ok(SyncDone {
            sent: report.batches_sent,
            received: report.batches_received,
            new_cases: report.cases_new,
            changed_cases: report.cases_changed,
            conflicts: conflicts::list(vault)?.len(),
        })
    })
    .await
    .map_err(|_| CommandError::new(ErrorCode::Sync, "the sync stopped unexpectedly"))?
}

#[tauri::command]
pub async fn team_create(
    app: AppHandle,
    relay: String,
    name: String,
    create_secret: Option<String>,
) -> Result<TeamInfo> {
    blocking(app, move |inner| {
        let secret = create_secret.filter(|s| !s.trim().is_empty());
        let team = membership::create_team(unlocked_mut(inner)?, relay.trim(), name.trim(), None, secret.as_deref())?;
        Ok(TeamInfo::of(&team))
    })
    .await
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InviteView {
    pub id: String,
    pub code: String,
    /// The code as a QR code (SVG markup; the screen shows it as an image).
    pub qr: Option<String>,
    /// How long it lives from now; the screen counts down and hides it at zero.
    pub ttl_seconds: u64,
}

impl From<InvitationView> for InviteView {
    fn from(v: InvitationView) -> Self {
        InviteView {
            id: v.id,
            code: v.code.to_string(),
            qr: v.qr,
            ttl_seconds: v.ttl_seconds,
        }
    }
}

#[tauri::command]
pub async fn team_invite(app: AppHandle, minutes: u64) -> Result<InviteView> {
    blocking(app, move |inner| {
        Ok(membership::invite(unlocked_mut(inner)?, minutes.saturating_mul(60))?.into())
    })
    .await
}

/// Where the relay is and which team the code leads to, before anything is sent.
#[tauri::command]
pub async fn team_join_preview(app: AppHandle, code: String) -> Result<JoinPreview> {
    blocking(app, move |_| Ok(membership::preview_join(&code)?)).await
}

#[tauri::command]
pub async fn team_join(app: AppHandle, code: String, send_cases: bool) -> Result<JoinPending> {
    blocking(app, move |inner| {
        Ok(membership::request_join(unlocked_mut(inner)?, &code, None, send_cases)?)
    })
    .await
}

/// Asks the relay whether the admin decided; joins when approved.
#[tauri::command]
pub async fn team_join_status(app: AppHandle) -> Result<JoinState> {
    blocking(app, |inner| Ok(membership::finish_join(unlocked_mut(inner)?)?)).await
}

#[tauri::command]
pub async fn team_requests(app: AppHandle) -> Result<Vec<RequestView>> {
    blocking(app, |inner| Ok(membership::requests(unlocked_mut(inner)?)?)).await
}

#[tauri::command]
pub async fn team_approve(app: AppHandle, device: String, comparison: String) -> Result<()> {
    blocking(app, move |inner| {
        membership::approve(unlocked_mut(inner)?, Some(&device), &comparison)?;
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn team_refuse(app: AppHandle, device: String) -> Result<()> {
    blocking(app, move |inner| Ok(membership::refuse(unlocked_mut(inner)?, &device)?)).await
}

#[tauri::command]
pub async fn team_revoke(app: AppHandle, device: String) -> Result<()> {
    blocking(app, move |inner| {
        Ok(membership::revoke(unlocked_mut(inner)?, device.trim())?)
    })
    .await
}

#[tauri::command]
pub async fn team_rotate(app: AppHandle) -> Result<u64> {
    blocking(app, |inner| Ok(membership::rotate(unlocked_mut(inner)?)?)).await
}

#[tauri::command]
pub async fn team_set_admin(app: AppHandle, device: String, admin: bool) -> Result<()> {
    blocking(app, move |inner| {
        Ok(membership::set_admin(unlocked_mut(inner)?, &device, admin)?)
    })
    .await
}

#[tauri::command]
pub fn team_leave(state: Tauri<'_, AppState>) -> Result<()> {
    let mut inner = lock_state_of(&state)?;
    Ok(membership::leave(unlocked_mut(&mut inner)?)?)
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
    .map_err(|_| CommandError::new(ErrorCode::Sync, "the request stopped unexpectedly"))?
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
    let mut out = Vec::new();
    for c in conflicts::list(vault)? {
        let loaded = inner.catalog.load(&c.protocol_id, Some(today())).ok();
        let raw = |a: &fieldscreen_protocol::Answer| TextView {
            text: serde_json::to_string(a).unwrap_or_default(),
            lang: "und".into(),
            dir: fieldscreen_i18n::TextDirection::Ltr,
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
        dir: fieldscreen_i18n::TextDirection::Ltr,
        fell_back: true,
    }
}

#[tauri::command]
pub fn resolve_conflict(state: Tauri<'_, AppState>, case_id: String, question: String, keep: usize) -> Result<()> {
    let mut guard = lock_state_of(&state)?;
    let (vault, mut index) = vault_with_indexer(&mut guard)?;
    conflicts::resolve(vault, &case_id, &question, keep, &mut index)
        .map_err(|e| CommandError::new(ErrorCode::Conflict, e.to_string()))?;
    Ok(())
}
