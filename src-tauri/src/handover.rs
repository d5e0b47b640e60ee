//! Hand-over: the respondent answers a self-answer section alone, in their language, hearing
//! each question. While the device is handed over, only these commands answer: the page gets
//! the current question in the respondent's language and nothing else (no interviewer text, no
//! earlier answer, no outcome); every other interview or case command is refused. Handing back
//! takes the PIN the interviewer chose when handing over; five wrong tries lock the vault.

use crate::commands::{lock_state_of, step};
use crate::error::{CommandError, ErrorCode};
use crate::state::{AppState, Interview};
use fieldscreen_protocol::{Answer, State, StoppedBy};
use fieldscreen_views::StepView;
use fieldscreen_views::{self as views, ClipView, Langs};
use serde::Serialize;
use tauri::State as Tauri;
use zeroize::Zeroizing;

type Result<T> = std::result::Result<T, CommandError>;

/// Wrong hand-back PINs before the vault locks (the interviewer then unlocks it with the
/// passphrase and resumes the case: every answer is already saved).
pub const MAX_WRONG_PINS: u32 = 5;

/// The hand-over in progress.
pub struct HandOver {
    pin: Zeroizing<String>,
    wrong: u32,
}

/// What the respondent's screen shows: the question to answer alone, or nothing left (give the
/// device back).
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HandOverView {
    pub question: Option<HandOverQuestion>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HandOverQuestion {
    pub id: String,
    /// `yes-no` or `single`.
    pub kind: &'static str,
    pub lang: String,
    pub dir: fieldscreen_i18n::TextDirection,
    pub text: String,
    pub clip: Option<ClipView>,
    pub picture: Option<String>,
    pub choices: Vec<HandOverChoice>,
    /// Whether "don't know" and "rather not say" are offered (the question is not required).
    pub can_skip: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HandOverChoice {
    pub code: String,
    pub label: String,
    pub clip: Option<ClipView>,
}

/// The respondent's view of the interview's current step.
fn view(interview: &Interview) -> Result<HandOverView> {
    let running = interview.protocols.running(&interview.session);
    let langs = Langs::new(running, &interview.lang, interview.respondent.as_deref())?;
    let question = views::question(&langs, &interview.session).and_then(|q| {
        let alone = q.self_answer?;
        Some(HandOverQuestion {
            id: q.id,
            kind: q.kind,
            lang: alone.lang,
            dir: alone.dir,
            text: alone.text,
            clip: alone.clip,
            picture: alone.picture,
            // The last label is the respondent's (the only one when both share a language).
            choices: q
                .choices
                .into_iter()
                .map(|c| HandOverChoice {
                    code: c.code,
                    label: c.labels.into_iter().last().map(|l| l.text).unwrap_or_default(),
                    clip: c.clip,
                })
                .collect(),
            can_skip: !q.required,
        })
    });
    Ok(HandOverView { question })
}

/// Refuses a command the respondent must not reach while the device is handed over.
pub fn refuse_while_handed_over(inner: &crate::state::Inner) -> Result<()> {
    match inner.interview.as_ref().and_then(|i| i.handed_over.as_ref()) {
        Some(_) => Err(CommandError::new(
            ErrorCode::HandedOver,
            "the device is handed over to the respondent",
        )),
        None => Ok(()),
    }
}

fn handed_over(inner: &mut crate::state::Inner) -> Result<&mut Interview> {
    match inner.interview.as_mut() {
        Some(i) if i.handed_over.is_some() => Ok(i),
        _ => Err(CommandError::new(
            ErrorCode::NoInterview,
            "the device is not handed over",
        )),
    }
}

/// Hands the device over at a self-answer question; `pin` (4 to 8 digits) takes it back.
#[tauri::command]
pub fn hand_over(state: Tauri<'_, AppState>, pin: String) -> Result<HandOverView> {
    let pin = Zeroizing::new(pin);
    if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CommandError::new(
            ErrorCode::HandOverPin,
            "a hand-back PIN is 4 to 8 digits",
        ));
    }
    let mut inner = lock_state_of(&state)?;
    let Some(interview) = inner.interview.as_mut() else {
        return Err(CommandError::new(ErrorCode::NoInterview, "no interview is open"));
    };
    let shown = view(interview)?;
    if shown.question.is_none() {
        return Err(CommandError::new(
            ErrorCode::NotSelfAnswer,
            "the current question is not one a respondent answers alone",
        ));
    }
    interview.handed_over = Some(HandOver { pin, wrong: 0 });
    let case = interview.recorder.case_id().map(str::to_string);
    if let Some(vault) = inner.vault.as_mut() {
        vault.record_action(fieldscreen_vault::AuditAction::HandedOver, case.as_deref())?;
    }
    tracing::info!("interview handed over to the respondent");
    Ok(shown)
}

#[tauri::command]
pub fn hand_over_current(state: Tauri<'_, AppState>) -> Result<HandOverView> {
    let mut inner = lock_state_of(&state)?;
    view(handed_over(&mut inner)?)
}

/// The respondent's answer, saved as it is given. Only what the screen offers is taken.
#[tauri::command]
pub fn hand_over_answer(state: Tauri<'_, AppState>, value: Answer) -> Result<HandOverView> {
    if !matches!(
        value,
        Answer::Yes | Answer::No | Answer::Choice(_) | Answer::DontKnow | Answer::PreferNotToSay
    ) {
        return Err(CommandError::new(
            ErrorCode::AnswerInvalid,
            "not an answer the respondent's screen offers",
        ));
    }
    let mut guard = lock_state_of(&state)?;
    let inner = &mut *guard;
    let (Some(interview), Some(vault)) = (inner.interview.as_mut(), inner.vault.as_mut()) else {
        return Err(CommandError::locked());
    };
    if interview.handed_over.is_none() || view(interview)?.question.is_none() {
        return Err(CommandError::new(
            ErrorCode::NotSelfAnswer,
            "nothing to answer alone here",
        ));
    }
    let at = interview.session.current_index();
    interview
        .session
        .answer(value)
        .map_err(|e| crate::error::answer_error(e, |_| String::new()))?;
    interview.recorder.after(vault, &interview.session, at)?;
    view(interview)
}

/// The respondent stops the screening: as the interviewer's stop button does, by the respondent.
#[tauri::command]
pub fn hand_over_stop(state: Tauri<'_, AppState>) -> Result<HandOverView> {
    let mut guard = lock_state_of(&state)?;
    let inner = &mut *guard;
    let (Some(interview), Some(vault)) = (inner.interview.as_mut(), inner.vault.as_mut()) else {
        return Err(CommandError::locked());
    };
    if interview.handed_over.is_none() {
        return Err(CommandError::new(
            ErrorCode::NoInterview,
            "the device is not handed over",
        ));
    }
    if matches!(interview.session.state(), State::InProgress | State::Completed) {
        interview.session.stop(StoppedBy::Respondent);
    }
    interview.recorder.after(vault, &interview.session, None)?;
    Ok(HandOverView { question: None })
}

/// Takes the device back with the PIN; the interviewer's screen returns as it was, with the
/// outcome when the screening is over.
#[tauri::command]
pub fn hand_back(state: Tauri<'_, AppState>, pin: String) -> Result<StepView> {
    let pin = Zeroizing::new(pin);
    let locked_out = {
        let mut inner = lock_state_of(&state)?;
        let interview = handed_over(&mut inner)?;
        let Some(h) = interview.handed_over.as_mut() else {
            return Err(CommandError::new(
                ErrorCode::NoInterview,
                "the device is not handed over",
            ));
        };
        let right =
            h.pin.len() == pin.len() && bool::from(subtle::ConstantTimeEq::ct_eq(h.pin.as_bytes(), pin.as_bytes()));
        if right {
            interview.handed_over = None;
            let case = interview.recorder.case_id().map(str::to_string);
            let view = step(interview)?;
            if let Some(vault) = inner.vault.as_mut() {
                vault.record_action(fieldscreen_vault::AuditAction::HandedBack, case.as_deref())?;
            }
            tracing::info!("interview handed back");
            return Ok(view);
        }
        h.wrong += 1;
        h.wrong >= MAX_WRONG_PINS
    };
    if locked_out {
        // The vault closes; the case is saved and resumes after the passphrase.
        state.lock_now();
        return Err(CommandError::new(
            ErrorCode::HandBackLocked,
            "too many wrong PINs: the vault is locked",
        ));
    }
    Err(CommandError::new(ErrorCode::HandBackRefused, "wrong hand-back PIN"))
}
