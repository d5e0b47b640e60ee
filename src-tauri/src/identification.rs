//! From screened to identified: the device's kind of organisation, a case marked as the same
//! person as an earlier one, the authority's decision after a referral to the national referral
//! mechanism, and the pipeline that counts them. Thin adapters over the core, like the rest.

use crate::commands::{CaseDetail, case_detail, lock_state_of, today, unlocked, unlocked_mut};
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
use fieldscreen_report::{AuthorityDecision, DecidedBy, Decision, PublishedPipeline};
use fieldscreen_vault::OrganisationType;
use tauri::State as Tauri;

type Result<T> = std::result::Result<T, CommandError>;

/// The kind of organisation that screens on this device.
#[tauri::command]
pub fn organisation_type(state: Tauri<'_, AppState>) -> Result<Option<OrganisationType>> {
    let inner = lock_state_of(&state)?;
    Ok(unlocked(&inner)?.organisation_type()?)
}

/// Chooses (or with `null` forgets) it; cases created from now on record it.
#[tauri::command]
pub fn set_organisation_type(state: Tauri<'_, AppState>, organisation: Option<OrganisationType>) -> Result<()> {
    let mut inner = lock_state_of(&state)?;
    Ok(unlocked_mut(&mut inner)?.set_organisation_type(organisation)?)
}

/// Marks the case as the same person as `earlier` (or with `null` takes the mark back) and
/// returns the case as it now is.
#[tauri::command]
pub fn set_same_person(
    state: Tauri<'_, AppState>,
    case_id: String,
    earlier: Option<String>,
    lang: String,
) -> Result<CaseDetail> {
    {
        let mut inner = lock_state_of(&state)?;
        unlocked_mut(&mut inner)?.set_same_person(&case_id, earlier.as_deref())?;
    }
    case_detail(state, case_id, lang)
}

/// Records the authority's decision on the case's referral to the national referral mechanism
/// (dated `date`, `YYYY-MM-DD`, or today) and returns the case as it now is.
#[tauri::command]
pub fn decide_referral(
    state: Tauri<'_, AppState>,
    case_id: String,
    referral_id: String,
    decision: Decision,
    decided_by: DecidedBy,
    date: Option<String>,
    lang: String,
) -> Result<CaseDetail> {
    let date = match date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => d
            .parse()
            .map_err(|_| CommandError::new(ErrorCode::Date, format!("`{d}` is not a date")))?,
        None => today(),
    };
    {
        let mut inner = lock_state_of(&state)?;
        let vault = unlocked_mut(&mut inner)?;
        let decision = AuthorityDecision {
            decision,
            date,
            decided_by,
        };
        fieldscreen_report::decide_referral(vault, &case_id, &referral_id, decision)?;
    }
    case_detail(state, case_id, lang)
}

/// The identification pipeline for months `from` to `to` (`YYYY-MM`), k = 11. Async: reading
/// every case takes a while on a large vault.
#[tauri::command]
pub async fn report_pipeline(state: Tauri<'_, AppState>, from: String, to: String) -> Result<PublishedPipeline> {
    let mut inner = lock_state_of(&state)?;
    let inner = &mut *inner;
    let vault = inner.vault.as_mut().ok_or_else(CommandError::locked)?;
    let catalog = &inner.catalog;
    Ok(fieldscreen_report::publish_pipeline(
        vault,
        |id| catalog.protocol(id, Some(today())),
        today(),
        (&from, &to, fieldscreen_report::MIN_K),
        |_, _| {
            if state.cancelled() {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        },
    )?)
}
