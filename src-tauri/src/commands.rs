//! The Tauri commands: each one locks the app state, calls the core, and returns a view or an
//! error the front end can show as it is.

use crate::state::{AppState, Interview};
use crate::views::{self, Langs, StepView, TextView};
use fieldscreen_catalog::{APP_DEFAULT_LANGUAGE, app_localizer, load};
use fieldscreen_i18n::{LanguageIdentifier, negotiate, parse_ftl};
use fieldscreen_protocol::engine::Step;
use fieldscreen_protocol::{Answer, Session, State, StoppedBy};
use fieldscreen_vault::{CaseFilter, CaseMeta, CaseSummary, KdfParams, Recorder, Vault, VaultError, resume_session};
use serde::Serialize;
use std::collections::BTreeMap;
use tauri::State as Tauri;
use zeroize::Zeroizing;

/// An error as the front end shows it: a stable code and a sentence.
#[derive(Debug, Serialize)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
    pub wait_secs: Option<i64>,
}

impl CommandError {
    fn new(code: &'static str, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
            wait_secs: None,
        }
    }
}

impl From<VaultError> for CommandError {
    fn from(e: VaultError) -> Self {
        let message = e.to_string();
        match e {
            VaultError::WrongPassphrase { wait_secs, .. } => CommandError {
                code: "wrong-passphrase",
                message,
                wait_secs: Some(wait_secs),
            },
            VaultError::LockedOut { wait_secs, .. } => CommandError {
                code: "locked-out",
                message,
                wait_secs: Some(wait_secs),
            },
            VaultError::WeakPassphrase(_) => CommandError::new("weak-passphrase", message),
            VaultError::Damaged(_) => CommandError::new("damaged", message),
            _ => CommandError::new("vault", message),
        }
    }
}

impl From<fieldscreen_catalog::CatalogError> for CommandError {
    fn from(e: fieldscreen_catalog::CatalogError) -> Self {
        CommandError::new("protocol", e.to_string())
    }
}

type Result<T> = std::result::Result<T, CommandError>;

fn lock_state<'a>(state: &'a Tauri<'_, AppState>) -> Result<std::sync::MutexGuard<'a, crate::state::Inner>> {
    state
        .0
        .lock()
        .map_err(|_| CommandError::new("state", "the app state is unavailable"))
}

fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

#[derive(Serialize)]
pub struct LanguageView {
    pub tag: String,
    pub dir: &'static str,
    pub draft: bool,
}

#[derive(Serialize)]
pub struct ProtocolView {
    pub id: String,
    pub version: String,
    pub title: TextView,
    pub languages: Vec<LanguageView>,
}

#[derive(Serialize)]
pub struct AppInfo {
    pub vault_exists: bool,
    pub unlocked: bool,
    pub ui_languages: Vec<String>,
    pub protocols: Vec<ProtocolView>,
}

#[tauri::command]
pub fn app_info(state: Tauri<'_, AppState>, lang: String) -> Result<AppInfo> {
    let inner = lock_state(&state)?;
    let mut protocols = Vec::new();
    for src in &inner.protocols {
        let loaded = load(src, &inner.app, Some(today()))?;
        let chain = loaded.chain(&lang)?;
        let h = &loaded.protocol.header;
        protocols.push(ProtocolView {
            id: h.id.clone(),
            version: h.version.to_string(),
            title: loaded.localizer.text(&chain, &h.title_key, None).into(),
            languages: h
                .languages
                .iter()
                .map(|l| LanguageView {
                    tag: l.tag.clone(),
                    dir: if l.direction == fieldscreen_protocol::model::Direction::Rtl {
                        "rtl"
                    } else {
                        "ltr"
                    },
                    draft: l.status != fieldscreen_protocol::model::TranslationStatus::Complete,
                })
                .collect(),
        });
    }
    Ok(AppInfo {
        vault_exists: inner.vault_dir.join("vault.key").exists(),
        unlocked: inner.vault.is_some(),
        ui_languages: inner.app.langs.iter().map(|(t, _)| t.clone()).collect(),
        protocols,
    })
}

#[derive(Serialize)]
pub struct UiText {
    pub lang: String,
    pub dir: &'static str,
    pub strings: BTreeMap<String, String>,
}

/// Every app string (keys of the default language's files) in `lang`, with fallbacks.
#[tauri::command]
pub fn ui_text(state: Tauri<'_, AppState>, lang: String) -> Result<UiText> {
    let inner = lock_state(&state)?;
    let localizer = app_localizer(&inner.app)?;
    let default: LanguageIdentifier = APP_DEFAULT_LANGUAGE
        .parse()
        .map_err(|_| CommandError::new("lang", "bad default language"))?;
    let chain =
        negotiate(&lang, &localizer.languages(), &default).map_err(|e| CommandError::new("lang", e.to_string()))?;
    let keys: Vec<String> = inner
        .app
        .files_for(APP_DEFAULT_LANGUAGE)
        .iter()
        .flat_map(|f| parse_ftl(&f.text).messages.into_keys())
        .collect();
    let primary = chain.primary().cloned().unwrap_or(default);
    Ok(UiText {
        lang: primary.to_string(),
        dir: if fieldscreen_i18n::direction_of(&primary) == fieldscreen_i18n::TextDirection::Rtl {
            "rtl"
        } else {
            "ltr"
        },
        strings: keys
            .into_iter()
            .map(|k| (k.clone(), localizer.text(&chain, &k, None).text))
            .collect(),
    })
}

#[tauri::command]
pub fn create_vault(state: Tauri<'_, AppState>, passphrase: String) -> Result<()> {
    let passphrase = Zeroizing::new(passphrase);
    let mut inner = lock_state(&state)?;
    let vault = Vault::init(&inner.vault_dir.clone(), &passphrase, KdfParams::DEFAULT)?;
    inner.vault = Some(vault);
    Ok(())
}

#[tauri::command]
pub fn unlock(state: Tauri<'_, AppState>, passphrase: String) -> Result<()> {
    let passphrase = Zeroizing::new(passphrase);
    let mut inner = lock_state(&state)?;
    let vault = Vault::open(&inner.vault_dir.clone(), &passphrase)?;
    inner.vault = Some(vault);
    Ok(())
}

/// Locks the vault and forgets the interview on screen (it is already saved).
#[tauri::command]
pub fn lock(state: Tauri<'_, AppState>) -> Result<()> {
    let mut inner = lock_state(&state)?;
    inner.interview = None;
    inner.vault = None;
    Ok(())
}

#[tauri::command]
pub fn list_cases(state: Tauri<'_, AppState>, level: Option<String>, limit: Option<usize>) -> Result<Vec<CaseSummary>> {
    let inner = lock_state(&state)?;
    let vault = inner
        .vault
        .as_ref()
        .ok_or_else(|| CommandError::new("locked", "the vault is locked"))?;
    Ok(vault.list_cases(&CaseFilter {
        level,
        limit,
        ..CaseFilter::default()
    })?)
}

fn step(interview: &Interview) -> Result<StepView> {
    let interviewer = interview.loaded.chain(&interview.lang)?;
    let respondent = match &interview.respondent {
        Some(r) => {
            let chain = interview.loaded.chain(r)?;
            (chain.primary() != interviewer.primary()).then_some(chain)
        }
        None => None,
    };
    let langs = Langs {
        loaded: &interview.loaded,
        interviewer,
        respondent,
    };
    Ok(match views::question(&langs, &interview.session) {
        Some(q) => StepView::Question(q),
        None => StepView::Finished {
            state: interview.session.state().clone(),
            outcome: interview
                .session
                .outcome(today())
                .map(|o| views::outcome(&langs, &interview.session, &o)),
            case_id: interview.recorder.case_id().map(str::to_string),
        },
    })
}

#[tauri::command]
pub fn start_interview(
    state: Tauri<'_, AppState>,
    protocol: String,
    lang: String,
    respondent: Option<String>,
) -> Result<StepView> {
    let mut inner = lock_state(&state)?;
    if inner.vault.is_none() {
        return Err(CommandError::new("locked", "the vault is locked"));
    }
    let src = inner
        .protocols
        .iter()
        .find(|p| p.dir_name == protocol)
        .ok_or_else(|| CommandError::new("protocol", format!("no protocol `{protocol}`")))?;
    let loaded = load(src, &inner.app, Some(today()))?;
    let mut session = Session::new(loaded.protocol.clone());
    session.start();
    let meta = CaseMeta::for_protocol(&loaded.protocol, &lang, respondent.as_deref());
    let interview = Interview {
        loaded,
        session,
        recorder: Recorder::new(meta, today()),
        lang,
        respondent,
    };
    let view = step(&interview)?;
    inner.interview = Some(interview);
    Ok(view)
}

#[tauri::command]
pub fn resume_interview(state: Tauri<'_, AppState>, case_id: String) -> Result<StepView> {
    let mut inner = lock_state(&state)?;
    let vault = inner
        .vault
        .as_ref()
        .ok_or_else(|| CommandError::new("locked", "the vault is locked"))?;
    let meta = vault.load_case(&case_id)?.meta()?;
    let src = inner
        .protocols
        .iter()
        .find(|p| p.dir_name == meta.protocol_id)
        .ok_or_else(|| CommandError::new("protocol", format!("no protocol `{}`", meta.protocol_id)))?;
    let loaded = load(src, &inner.app, Some(today()))?;
    let (session, _dropped) = resume_session(vault, &case_id, loaded.protocol.clone())?;
    let interview = Interview {
        lang: meta.interviewer_lang.clone(),
        respondent: meta.respondent_lang.clone(),
        recorder: Recorder::resume(meta, case_id, today()),
        loaded,
        session,
    };
    let view = step(&interview)?;
    inner.interview = Some(interview);
    Ok(view)
}

#[tauri::command]
pub fn current(state: Tauri<'_, AppState>) -> Result<Option<StepView>> {
    let inner = lock_state(&state)?;
    inner.interview.as_ref().map(step).transpose()
}

/// Applies one engine command to the running interview and saves what changed before
/// returning the next step.
fn with_interview(
    state: &Tauri<'_, AppState>,
    act: impl FnOnce(&mut Session) -> std::result::Result<Option<usize>, CommandError>,
) -> Result<StepView> {
    let mut guard = lock_state(state)?;
    let inner = &mut *guard;
    let (Some(interview), Some(vault)) = (inner.interview.as_mut(), inner.vault.as_mut()) else {
        return Err(CommandError::new("no-interview", "no interview is open"));
    };
    let changed = act(&mut interview.session)?;
    interview.recorder.after(vault, &interview.session, changed)?;
    step(interview)
}

fn engine_error(e: fieldscreen_protocol::AnswerError) -> CommandError {
    CommandError::new("answer", e.to_string())
}

#[tauri::command]
pub fn answer(state: Tauri<'_, AppState>, value: Answer) -> Result<StepView> {
    with_interview(&state, |s| {
        let at = s.current_index();
        match s.answer(value).map_err(engine_error)? {
            Step::Question(_) | Step::Finished(_) => Ok(at),
        }
    })
}

#[tauri::command]
pub fn skip(state: Tauri<'_, AppState>) -> Result<StepView> {
    with_interview(&state, |s| {
        let at = s.current_index();
        s.skip().map_err(engine_error)?;
        Ok(at)
    })
}

#[tauri::command]
pub fn back(state: Tauri<'_, AppState>) -> Result<StepView> {
    with_interview(&state, |s| {
        s.back();
        Ok(None)
    })
}

#[tauri::command]
pub fn stop(state: Tauri<'_, AppState>) -> Result<StepView> {
    with_interview(&state, |s| {
        if s.state() == &State::InProgress || s.state() == &State::Completed {
            s.stop(StoppedBy::Respondent);
        }
        Ok(None)
    })
}
