//! The Tauri commands: each one locks the app state, calls the core, and returns a view or an
//! error the front end can show as it is.

use crate::error::{CommandError, ErrorCode};
use crate::state::{AppState, Interview};
use fieldscreen_catalog::APP_DEFAULT_LANGUAGE;
use fieldscreen_i18n::{LanguageIdentifier, TextDirection, negotiate, parse_ftl};
use fieldscreen_protocol::engine::Step;
use fieldscreen_protocol::{Answer, AnswerError, Level, Session, State, StoppedBy};
use fieldscreen_vault::{CaseFilter, CaseMeta, CaseSummary, KdfParams, Recorder, Vault, resume_session};
use fieldscreen_views::{self as views, HistoryView, Langs, OutcomeView, StepView, TextView, TranscriptEntry};
use serde::Serialize;
use std::collections::BTreeMap;
use tauri::State as Tauri;
use zeroize::Zeroizing;

pub(crate) type Result<T> = std::result::Result<T, CommandError>;

pub(crate) fn lock_state_of<'a>(
    state: &'a Tauri<'_, AppState>,
) -> Result<std::sync::MutexGuard<'a, crate::state::Inner>> {
    state
        .guard()
        .map_err(|_| CommandError::new(ErrorCode::AppState, "the app state is unavailable"))
}

pub(crate) fn today() -> jiff::civil::Date {
    jiff::ZonedDateTime::now().date()
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LanguageView {
    pub tag: String,
    pub dir: TextDirection,
    pub draft: bool,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProtocolView {
    pub id: String,
    pub version: String,
    pub title: TextView,
    pub languages: Vec<LanguageView>,
}

/// A language of the app, named in itself (`app-language-name` of its own files).
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiLanguage {
    pub tag: String,
    pub name: String,
    pub dir: TextDirection,
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AppInfo {
    pub vault_exists: bool,
    pub unlocked: bool,
    pub ui_languages: Vec<UiLanguage>,
    pub protocols: Vec<ProtocolView>,
}

/// The language the web view asks for comes from the system (`navigator.language`), which can
/// be anything, "C" included: what is not a language tag gets the app's default.
fn requested_language(lang: &str) -> &str {
    if lang.parse::<LanguageIdentifier>().is_ok() {
        lang
    } else {
        APP_DEFAULT_LANGUAGE
    }
}

#[tauri::command]
pub fn app_info(state: Tauri<'_, AppState>, lang: String) -> Result<AppInfo> {
    let lang = requested_language(&lang);
    let inner = lock_state_of(&state)?;
    let mut protocols = Vec::new();
    for src in inner.catalog.sources() {
        // An installed protocol that no longer loads (its check depends on the date) is left
        // off the list rather than taking the whole app down.
        let loaded = match inner.catalog.load(&src.dir_name, Some(today())) {
            Ok(l) => l,
            Err(e)
                if fieldscreen_catalog::bundled::protocols()
                    .iter()
                    .all(|b| b.dir_name != src.dir_name) =>
            {
                tracing::warn!(protocol = %src.dir_name, error = %e, "an installed protocol does not load");
                continue;
            }
            Err(e) => return Err(e.into()),
        };
        let chain = loaded.chain(lang)?;
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
                    dir: l.direction,
                    draft: l.status != fieldscreen_protocol::model::TranslationStatus::Complete,
                })
                .collect(),
        });
    }
    Ok(AppInfo {
        vault_exists: fieldscreen_vault::default_dir().is_ok_and(|d| fieldscreen_vault::exists(&d)),
        unlocked: inner.vault.is_some(),
        ui_languages: ui_languages(&inner)?,
        protocols,
    })
}

fn ui_languages(inner: &crate::state::Inner) -> Result<Vec<UiLanguage>> {
    let localizer = inner.catalog.app_localizer()?;
    Ok(localizer
        .languages()
        .into_iter()
        .map(|lang| {
            let own = fieldscreen_i18n::Chain(vec![lang.clone()]);
            let name = localizer.text(&own, "app-language-name", None);
            UiLanguage {
                tag: lang.to_string(),
                name: if name.fell_back { lang.to_string() } else { name.text },
                dir: fieldscreen_i18n::direction_of(&lang),
            }
        })
        .collect())
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UiText {
    pub lang: String,
    pub dir: TextDirection,
    pub strings: BTreeMap<String, String>,
}

/// Every app string (keys of the default language's files) in `lang`, with fallbacks.
#[tauri::command]
pub fn ui_text(state: Tauri<'_, AppState>, lang: String) -> Result<UiText> {
    let inner = lock_state_of(&state)?;
    let localizer = inner.catalog.app_localizer()?;
    let default: LanguageIdentifier = APP_DEFAULT_LANGUAGE
        .parse()
        .map_err(|_| CommandError::new(ErrorCode::Language, "bad default language"))?;
    let chain = negotiate(requested_language(&lang), &localizer.languages(), &default)
        .map_err(|e| CommandError::new(ErrorCode::Language, e.to_string()))?;
    crate::error::set_screen_language(chain.clone());
    let keys: Vec<String> = inner
        .catalog
        .app()
        .files_for(APP_DEFAULT_LANGUAGE)
        .iter()
        .flat_map(|f| parse_ftl(&f.text).messages.into_keys())
        .collect();
    let primary = chain.primary().cloned().unwrap_or(default);
    Ok(UiText {
        lang: primary.to_string(),
        dir: fieldscreen_i18n::direction_of(&primary),
        strings: keys
            .into_iter()
            .map(|k| (k.clone(), localizer.text(&chain, &k, None).text))
            .collect(),
    })
}

/// Async so that the key derivation (Argon2id, ~0.15 s) runs off the window's thread.
#[tauri::command]
pub async fn create_vault(state: Tauri<'_, AppState>, passphrase: String) -> Result<()> {
    let passphrase = Zeroizing::new(passphrase);
    let mut inner = lock_state_of(&state)?;
    let dir = fieldscreen_vault::default_dir()?;
    let vault = Vault::init(&dir, &passphrase, KdfParams::DEFAULT)?;
    inner.vault = Some(vault);
    inner.catalog = crate::protocols::catalog_for(&dir);
    Ok(())
}

/// Async so that the key derivation (Argon2id, ~0.15 s) runs off the window's thread.
#[tauri::command]
pub async fn unlock(state: Tauri<'_, AppState>, passphrase: String) -> Result<()> {
    let passphrase = Zeroizing::new(passphrase);
    let mut inner = lock_state_of(&state)?;
    let dir = fieldscreen_vault::default_dir()?;
    let vault = Vault::open(&dir, &passphrase)?;
    inner.vault = Some(vault);
    // The protocols installed for this vault join the bundled ones.
    inner.catalog = crate::protocols::catalog_for(&dir);
    Ok(())
}

/// Locks the vault and forgets the interview on screen (it is already saved). Async, so it
/// never waits on the window's thread; running work is cancelled (`AppState::lock_now`).
#[tauri::command]
pub async fn lock(state: Tauri<'_, AppState>) -> Result<()> {
    if state.lock_now() {
        Ok(())
    } else {
        Err(CommandError::new(
            ErrorCode::Busy,
            "the vault could not be closed yet; it will be at the next try",
        ))
    }
}

/// What the case list asks for: an outcome level, a date range on the last update (inclusive,
/// `YYYY-MM-DD`), a case-id prefix.
#[derive(Debug, Default, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CaseQuery {
    pub level: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub id_prefix: Option<String>,
    pub limit: Option<usize>,
}

fn checked_date(d: Option<String>) -> Result<Option<String>> {
    match d.filter(|d| !d.is_empty()) {
        Some(d) => d.parse::<jiff::civil::Date>().map(|_| Some(d.clone())).map_err(|_| {
            CommandError::new(ErrorCode::Date, format!("`{d}` is not a date (YYYY-MM-DD)")).with("value", d)
        }),
        None => Ok(None),
    }
}

#[tauri::command]
pub fn list_cases(state: Tauri<'_, AppState>, query: CaseQuery) -> Result<Vec<CaseSummary>> {
    let inner = lock_state_of(&state)?;
    crate::handover::refuse_while_handed_over(&inner)?;
    let vault = unlocked(&inner)?;
    // The upper bound is a date: every update during that day is in range.
    let to = checked_date(query.to)?.map(|d| format!("{d}T23:59:59.999Z"));
    Ok(vault.list_cases(&CaseFilter {
        level: query.level.filter(|l| !l.is_empty()),
        updated_from: checked_date(query.from)?,
        updated_to: to,
        id_prefix: query.id_prefix.filter(|p| !p.is_empty()),
        limit: query.limit,
        ..CaseFilter::default()
    })?)
}

pub(crate) fn unlocked(inner: &crate::state::Inner) -> Result<&Vault> {
    inner.vault.as_ref().ok_or_else(CommandError::locked)
}

pub(crate) fn unlocked_mut(inner: &mut crate::state::Inner) -> Result<&mut Vault> {
    inner.vault.as_mut().ok_or_else(CommandError::locked)
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CaseDetail {
    pub id: String,
    pub protocol_id: String,
    pub protocol_version: String,
    pub created_at: String,
    pub interviewer_lang: String,
    pub respondent_lang: Option<String>,
    /// As in the case list.
    pub state: fieldscreen_vault::CaseState,
    pub transcript: Vec<TranscriptEntry>,
    pub history: Vec<HistoryView>,
    /// Stored answers this protocol version does not know.
    pub unknown_answers: Vec<String>,
    pub outcome: Option<OutcomeView>,
    pub referrals: Vec<ReferralTrackView>,
    /// The kind of organisation that screened.
    pub organisation: Option<fieldscreen_vault::OrganisationType>,
    /// The earlier case of the same person, when one was marked.
    pub same_person_as: Option<String>,
    /// The other cases the worker may mark as the same person, newest first.
    pub other_cases: Vec<OtherCase>,
}

/// Another case, as the "same person as" choice lists it.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OtherCase {
    pub id: String,
    pub protocol_id: String,
    pub created_at: String,
}

/// How many other cases the "same person as" choice offers: the person screened again is
/// nearly always among the latest, and a longer list is no easier to pick from.
const OTHER_CASES_OFFERED: usize = 50;

/// A referral of the case, suggested or tracked, with the steps it may take next.
#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReferralTrackView {
    pub id: String,
    pub name: String,
    pub category: &'static str,
    pub status: fieldscreen_report::Status,
    pub steps: Vec<fieldscreen_report::Step>,
    pub next: Vec<fieldscreen_report::Status>,
    /// Of `next`, those that need a reason.
    pub needs_reason: Vec<fieldscreen_report::Status>,
    /// The authority's identification decisions, oldest first.
    pub decisions: Vec<fieldscreen_report::AuthorityDecision>,
    /// Whether a decision can be recorded: a referral to the national referral mechanism that
    /// was made.
    pub can_decide: bool,
}

fn referral_views(
    vault: &Vault,
    case_id: &str,
    protocol: &fieldscreen_protocol::Protocol,
    suggested: &[String],
) -> Result<Vec<ReferralTrackView>> {
    use fieldscreen_report::Status;
    let tracked = fieldscreen_report::tracked_referrals(vault, case_id)?;
    Ok(protocol
        .referrals
        .iter()
        .filter(|r| suggested.contains(&r.id) || tracked.contains_key(&r.id))
        .map(|r| {
            let track = tracked.get(&r.id);
            let status = track.map_or(Status::Suggested, |t| t.status());
            ReferralTrackView {
                id: r.id.clone(),
                name: r.name.clone(),
                category: r.category.name(),
                status,
                steps: track.map(|t| t.steps.clone()).unwrap_or_default(),
                next: status.next().to_vec(),
                needs_reason: status.next().iter().copied().filter(|s| s.needs_reason()).collect(),
                decisions: track.map(|t| t.decisions.clone()).unwrap_or_default(),
                can_decide: track.is_some_and(|t| t.accepts_decision().is_ok()),
            }
        })
        .collect())
}

/// One case as the case-detail screen shows it, in the app's language.
#[tauri::command]
pub fn case_detail(state: Tauri<'_, AppState>, case_id: String, lang: String) -> Result<CaseDetail> {
    let inner = lock_state_of(&state)?;
    crate::handover::refuse_while_handed_over(&inner)?;
    let vault = unlocked(&inner)?;
    let mut doc = vault.load_case(&case_id)?;
    let meta = doc.meta()?;
    let loaded = inner.catalog.load(&meta.protocol_id, Some(today()))?;
    let langs = Langs::new(&loaded, &lang, None)?;
    let (session, unknown_answers) = resume_session(vault, &case_id, loaded.protocol.clone())?;
    let history = doc
        .history()?
        .iter()
        .map(|h| views::history_entry(&langs, &session, &h.question, h.time, h.answer.as_ref()))
        .collect();
    let outcome = session.outcome(today());
    let finished = session.state() != &State::InProgress;
    let suggested: Vec<String> = outcome
        .iter()
        .filter(|_| finished)
        .flat_map(|o| o.referrals.iter().map(|r| r.id.clone()))
        .collect();
    let other_cases = vault
        .list_cases(&CaseFilter {
            limit: Some(OTHER_CASES_OFFERED + 1),
            ..CaseFilter::default()
        })?
        .into_iter()
        .filter(|c| c.id != case_id)
        .take(OTHER_CASES_OFFERED)
        .map(|c| OtherCase {
            id: c.id,
            protocol_id: c.protocol_id,
            created_at: c.created_at,
        })
        .collect();
    Ok(CaseDetail {
        referrals: referral_views(vault, &case_id, &loaded.protocol, &suggested)?,
        organisation: meta.organisation,
        same_person_as: doc.same_person_as()?,
        other_cases,
        transcript: views::transcript(&langs, &session),
        history,
        outcome: outcome.map(|o| views::outcome(&langs, &session, &o)),
        state: fieldscreen_vault::CaseState::of(session.state()),
        unknown_answers,
        id: case_id,
        protocol_id: meta.protocol_id,
        protocol_version: meta.protocol_version,
        created_at: meta.created_at,
        interviewer_lang: meta.interviewer_lang,
        respondent_lang: meta.respondent_lang,
    })
}

/// The current passphrase is asked again so that someone at an unlocked device cannot lock its
/// owner out. With `rekey` (the screen's default) the database is re-encrypted under a new key,
/// so an old copy of the key file opens nothing. Async: the work runs off the window's thread.
#[tauri::command]
pub async fn change_passphrase(state: Tauri<'_, AppState>, current: String, new: String, rekey: bool) -> Result<()> {
    let (current, new) = (Zeroizing::new(current), Zeroizing::new(new));
    let mut inner = lock_state_of(&state)?;
    let vault = reauthenticated(&mut inner, &current)?;
    vault.change_passphrase(&new, KdfParams::DEFAULT, rekey)?;
    Ok(())
}

/// The open vault, once `current` has been checked against the key file again (a setting that
/// decides what unlocking does is not changed by whoever finds the device unlocked).
fn reauthenticated<'a>(inner: &'a mut crate::state::Inner, current: &str) -> Result<&'a mut Vault> {
    drop(Vault::open(&fieldscreen_vault::default_dir()?, current)?);
    unlocked_mut(inner)
}

/// How hard a new passphrase is to guess, for the first-run and change screens.
#[tauri::command]
pub fn passphrase_strength(passphrase: String) -> fieldscreen_vault::Strength {
    fieldscreen_vault::passphrase_strength(&Zeroizing::new(passphrase))
}

#[derive(Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct UnlockSettings {
    /// The duress answer's name (`DuressAction::name`), if one is set.
    pub duress: Option<&'static str>,
    pub erase_after: Option<u32>,
    pub show_remaining: bool,
    /// What the screen may offer.
    pub duress_choices: Vec<&'static str>,
    pub erase_choices: Vec<u32>,
}

#[tauri::command]
pub fn unlock_settings(state: Tauri<'_, AppState>) -> Result<UnlockSettings> {
    let inner = lock_state_of(&state)?;
    let vault = unlocked(&inner)?;
    let policy = vault.policy();
    Ok(UnlockSettings {
        duress: vault.duress_action()?.map(fieldscreen_vault::DuressAction::name),
        erase_after: policy.erase_after,
        show_remaining: policy.show_remaining,
        duress_choices: fieldscreen_vault::DuressAction::ALL.iter().map(|a| a.name()).collect(),
        erase_choices: fieldscreen_vault::ERASE_AFTER_CHOICES.to_vec(),
    })
}

/// Sets (with `action`) or removes (without) the duress passphrase. Async: key derivations
/// and the practice interviews run off the window's thread.
#[tauri::command]
pub async fn set_duress(
    state: Tauri<'_, AppState>,
    current: String,
    duress: String,
    action: Option<String>,
) -> Result<()> {
    let (current, duress) = (Zeroizing::new(current), Zeroizing::new(duress));
    let mut inner = lock_state_of(&state)?;
    let vault = reauthenticated(&mut inner, &current)?;
    let Some(name) = action else {
        vault.clear_duress()?;
        return Ok(());
    };
    let action = fieldscreen_vault::DuressAction::parse(&name)?;
    fieldscreen_report::synthetic::set_duress(vault, &duress, action, KdfParams::DEFAULT, today())?;
    Ok(())
}

#[tauri::command]
pub fn set_erase_after(state: Tauri<'_, AppState>, erase_after: Option<u32>, show_remaining: bool) -> Result<()> {
    let mut inner = lock_state_of(&state)?;
    unlocked_mut(&mut inner)?.set_policy(fieldscreen_vault::Policy {
        erase_after,
        show_remaining,
    })?;
    Ok(())
}

/// The front end calls this once its first screen is drawn. With `FIELDSCREEN_EXIT_WHEN_READY`
/// set, the app then quits: the cold-start benchmark measures launch to first screen this way.
#[tauri::command]
pub fn ready(app: tauri::AppHandle) {
    if std::env::var_os("FIELDSCREEN_EXIT_WHEN_READY").is_some() {
        app.exit(0);
    }
}

pub(crate) fn step(interview: &Interview) -> Result<StepView> {
    let running = interview.protocols.running(&interview.session);
    let langs = Langs::new(running, &interview.lang, interview.respondent.as_deref())?;
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
    let mut inner = lock_state_of(&state)?;
    crate::handover::refuse_while_handed_over(&inner)?;
    if inner.vault.is_none() {
        return Err(CommandError::locked());
    }
    let protocols = inner.catalog.interview(&protocol, Some(today()))?;
    let session = protocols.start();
    let meta = CaseMeta::for_protocol(&protocols.main.protocol, &lang, respondent.as_deref());
    let interview = Interview {
        protocols,
        session,
        recorder: Recorder::new(meta, today()),
        lang,
        respondent,
        handed_over: None,
    };
    let view = step(&interview)?;
    inner.interview = Some(interview);
    Ok(view)
}

#[tauri::command]
pub fn resume_interview(state: Tauri<'_, AppState>, case_id: String) -> Result<StepView> {
    let mut inner = lock_state_of(&state)?;
    crate::handover::refuse_while_handed_over(&inner)?;
    let vault = unlocked(&inner)?;
    let meta = vault.load_case(&case_id)?.meta()?;
    let loaded = inner.catalog.load(&meta.protocol_id, Some(today()))?;
    let (session, _dropped) = resume_session(vault, &case_id, loaded.protocol.clone())?;
    let interview = Interview {
        lang: meta.interviewer_lang.clone(),
        respondent: meta.respondent_lang.clone(),
        recorder: Recorder::resume(meta, case_id, today()),
        protocols: fieldscreen_catalog::Interview::of_stored_case(loaded),
        session,
        handed_over: None,
    };
    let view = step(&interview)?;
    inner.interview = Some(interview);
    Ok(view)
}

#[tauri::command]
pub fn current(state: Tauri<'_, AppState>) -> Result<Option<StepView>> {
    let inner = lock_state_of(&state)?;
    crate::handover::refuse_while_handed_over(&inner)?;
    inner.interview.as_ref().map(step).transpose()
}

/// Applies one engine command to the running interview and saves what changed before
/// returning the next step.
fn with_interview(
    state: &Tauri<'_, AppState>,
    act: impl FnOnce(&mut Session) -> std::result::Result<Option<usize>, AnswerError>,
) -> Result<StepView> {
    let mut guard = lock_state_of(state)?;
    let inner = &mut *guard;
    crate::handover::refuse_while_handed_over(inner)?;
    let (Some(interview), Some(vault)) = (inner.interview.as_mut(), inner.vault.as_mut()) else {
        return Err(CommandError::new(ErrorCode::NoInterview, "no interview is open"));
    };
    let changed = match act(&mut interview.session) {
        Ok(changed) => changed,
        Err(e) => return Err(crate::error::answer_error(e, |key| constraint_text(interview, key))),
    };
    interview.recorder.after(vault, &interview.session, changed)?;
    step(interview)
}

/// A constraint's message, from the protocol, in the interviewer's language.
fn constraint_text(interview: &Interview, key: &str) -> String {
    let loaded = interview.protocols.running(&interview.session);
    match loaded.chain(&interview.lang) {
        Ok(chain) => loaded.localizer.text(&chain, key, None).text,
        Err(_) => String::new(),
    }
}

#[tauri::command]
pub fn answer(state: Tauri<'_, AppState>, value: Answer) -> Result<StepView> {
    with_interview(&state, |s| {
        let at = s.current_index();
        match s.answer(value)? {
            Step::Question(_) | Step::Finished(_) => Ok(at),
        }
    })
}

#[tauri::command]
pub fn skip(state: Tauri<'_, AppState>) -> Result<StepView> {
    with_interview(&state, |s| {
        let at = s.current_index();
        s.skip()?;
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

/// Records the next step of a referral (dated today) and returns the case as it now is.
#[tauri::command]
pub fn move_referral(
    state: Tauri<'_, AppState>,
    case_id: String,
    referral_id: String,
    status: String,
    reason: Option<String>,
    lang: String,
) -> Result<CaseDetail> {
    let status = fieldscreen_report::Status::parse(&status)
        .ok_or_else(|| CommandError::new(ErrorCode::ReferralStatus, format!("unknown status `{status}`")))?;
    {
        let mut inner = lock_state_of(&state)?;
        let inner = &mut *inner;
        let meta = unlocked(inner)?.load_case(&case_id)?.meta()?;
        let loaded = inner.catalog.load(&meta.protocol_id, Some(today()))?;
        let vault = inner.vault.as_mut().ok_or_else(CommandError::locked)?;
        fieldscreen_report::move_referral(vault, &case_id, &loaded.protocol, &referral_id, status, today(), reason)?;
    }
    case_detail(state, case_id, lang)
}

/// One table of de-identified figures: one or two variables (the CLI's names), months as
/// `YYYY-MM`, k = 11.
#[derive(Debug, serde::Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportQuery {
    pub by: Vec<String>,
    pub from: String,
    pub to: String,
}

/// Async: reading every case takes a while on a large vault.
#[tauri::command]
pub async fn report(state: Tauri<'_, AppState>, query: ReportQuery) -> Result<fieldscreen_report::PublishedTable> {
    use fieldscreen_report::{MIN_K, TableRequest, Variable, publish_table};
    let by = query
        .by
        .iter()
        .map(|name| {
            Variable::from_name(name).ok_or_else(|| {
                CommandError::new(ErrorCode::ReportVariable, format!("unknown variable `{name}`")).with("name", name)
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let request = TableRequest {
        by,
        from: query.from,
        to: query.to,
        k: MIN_K,
    };
    let mut inner = lock_state_of(&state)?;
    let inner = &mut *inner;
    let vault = inner.vault.as_mut().ok_or_else(CommandError::locked)?;
    let catalog = &inner.catalog;
    let published = publish_table(
        vault,
        |id| catalog.protocol(id, Some(today())),
        today(),
        &request,
        |_, _| {
            if state.cancelled() {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        },
    )?;
    Ok(published.table)
}

/// The interviewer's own judgement beside the computed level; the reason is required and kept.
#[tauri::command]
pub fn set_override(state: Tauri<'_, AppState>, level: Level, reason: String) -> Result<StepView> {
    with_interview(&state, |s| {
        s.set_override(level, &reason)?;
        Ok(None)
    })
}

#[cfg(test)]
mod tests {
    use super::requested_language;

    #[test]
    fn a_system_locale_that_is_no_language_tag_gets_the_default() {
        assert_eq!(requested_language("C"), "en");
        assert_eq!(requested_language("C.UTF-8"), "en");
        assert_eq!(requested_language(""), "en");
        assert_eq!(requested_language("ar"), "ar");
        assert_eq!(requested_language("fr-CA"), "fr-CA");
    }
}
