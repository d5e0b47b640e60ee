//! Every case of a vault as [`CaseFacts`], for the CLI and the app alike.

use crate::facts::CaseFacts;
use crate::from_case::case_facts;
use crate::persons::{Screening, persons};
use crate::tracking::{ReferralTrack, Status, TrackError};
use fieldscreen_protocol::Protocol;
use fieldscreen_vault::{CaseDoc, CaseFilter, Vault, VaultError, resume_session, session_of};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// A case's tracked referrals, by referral id.
pub fn tracked_referrals(vault: &Vault, case_id: &str) -> Result<BTreeMap<String, ReferralTrack>, VaultError> {
    tracks_of(&vault.load_case(case_id)?, case_id)
}

pub(crate) fn tracks_of(doc: &CaseDoc, case_id: &str) -> Result<BTreeMap<String, ReferralTrack>, VaultError> {
    let mut out = BTreeMap::new();
    for (id, json) in doc.referrals()? {
        let track: ReferralTrack = serde_json::from_str(&json)
            .map_err(|e| VaultError::Document(format!("referral `{id}` of case {case_id} is unreadable: {e}")))?;
        out.insert(id, track);
    }
    Ok(out)
}

/// Every person of a vault as aggregates see them.
pub struct VaultFacts {
    /// One per person whose screenings' protocols are available here: cases marked as the
    /// same person count once, by their latest screening.
    pub facts: Vec<CaseFacts>,
    /// The interviews read.
    pub interviews: usize,
    /// Interviews of persons screened more than once (so counted together).
    pub linked_interviews: usize,
    /// Cases left out because their protocol is not available here.
    pub without_protocol: usize,
}

/// `protocol` finds a protocol by id (None when it is not installed); `progress` hears
/// (done, total) every hundred cases and may stop the reading (`VaultError::Cancelled`): the
/// app stops it when the vault is locked.
pub fn vault_facts(
    vault: &Vault,
    mut protocol: impl FnMut(&str) -> Option<Arc<Protocol>>,
    today: jiff::civil::Date,
    mut progress: impl FnMut(usize, usize) -> std::ops::ControlFlow<()>,
) -> Result<VaultFacts, VaultError> {
    let cases = vault.list_cases(&CaseFilter::default())?;
    let mut cache: HashMap<String, Option<Arc<Protocol>>> = HashMap::new();
    let mut screenings = Vec::with_capacity(cases.len());
    let mut without_protocol = 0;
    for (n, c) in cases.iter().enumerate() {
        if n > 0 && n % 100 == 0 && progress(n, cases.len()).is_break() {
            return Err(VaultError::Cancelled);
        }
        let p = cache
            .entry(c.protocol_id.clone())
            .or_insert_with(|| protocol(&c.protocol_id));
        let Some(p) = p else {
            without_protocol += 1;
            continue;
        };
        // One load per case: the document gives both the session and the referral tracks.
        let doc = vault.load_case(&c.id)?;
        let (session, _) = session_of(&doc, p.clone())?;
        let tracks = tracks_of(&doc, &c.id)?;
        let organisation = doc.meta()?.organisation;
        screenings.push(Screening {
            id: c.id.clone(),
            created_at: c.created_at.clone(),
            same_person_as: doc.same_person_as()?,
            facts: case_facts(&session, &c.created_at, organisation, today, &tracks),
            decided_on: tracks.values().filter_map(|t| t.decision()).map(|d| d.date).max(),
        });
    }
    let interviews = screenings.len();
    let persons = persons(screenings);
    Ok(VaultFacts {
        facts: persons.facts,
        interviews,
        linked_interviews: persons.linked_interviews,
        without_protocol,
    })
}

/// Why a referral could not be moved on.
#[derive(Debug, thiserror::Error)]
pub enum ReferralError {
    /// The vault could not read or save the case.
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The step does not follow, needs a reason, or is dated before the last.
    #[error(transparent)]
    Track(#[from] TrackError),
    /// The case's protocol has no such referral.
    #[error("the protocol has no referral `{id}`; known: {known}")]
    Unknown {
        /// The referral asked for.
        id: String,
        /// The protocol's referrals, listed.
        known: String,
    },
    /// A referral follows an outcome.
    #[error("the case has no outcome yet: finish or stop the interview first")]
    NoOutcome,
}

/// Moves one referral of a case a step on and saves it. A referral not tracked yet starts as
/// suggested on the day the case began; it may be any referral the protocol knows, since the
/// interviewer can refer further than the rules suggested.
pub fn move_referral(
    vault: &mut Vault,
    case_id: &str,
    protocol: &Arc<Protocol>,
    referral_id: &str,
    status: Status,
    date: jiff::civil::Date,
    reason: Option<String>,
) -> Result<ReferralTrack, ReferralError> {
    let mut track = match tracked_referrals(vault, case_id)?.remove(referral_id) {
        Some(t) => t,
        None => {
            let Some(r) = protocol.referrals.iter().find(|r| r.id == referral_id) else {
                let known: Vec<&str> = protocol.referrals.iter().map(|r| r.id.as_str()).collect();
                return Err(ReferralError::Unknown {
                    id: referral_id.to_string(),
                    known: known.join(", "),
                });
            };
            let (session, _) = resume_session(vault, case_id, protocol.clone())?;
            if session.state() == &fieldscreen_protocol::State::InProgress {
                return Err(ReferralError::NoOutcome);
            }
            let meta = vault.load_case(case_id)?.meta()?;
            let began = meta.created_at.get(..10).and_then(|d| d.parse().ok()).unwrap_or(date);
            ReferralTrack::suggested(r.category.name(), began.min(date))
        }
    };
    track.record(status, date, reason)?;
    let json = serde_json::to_string(&track).map_err(|e| VaultError::Document(e.to_string()))?;
    vault.set_referral(case_id, referral_id, &json)?;
    vault.record_action(fieldscreen_vault::AuditAction::ReferralMoved, Some(case_id))?;
    Ok(track)
}

/// Records the authority's identification decision on a case's referral to the national
/// referral mechanism, and audits it.
pub fn decide_referral(
    vault: &mut Vault,
    case_id: &str,
    referral_id: &str,
    decision: crate::AuthorityDecision,
) -> Result<ReferralTrack, ReferralError> {
    let Some(mut track) = tracked_referrals(vault, case_id)?.remove(referral_id) else {
        return Err(ReferralError::Track(TrackError::NotReferred(Status::Suggested.name())));
    };
    track.decide(decision)?;
    let json = serde_json::to_string(&track).map_err(|e| VaultError::Document(e.to_string()))?;
    vault.set_referral(case_id, referral_id, &json)?;
    vault.record_action(fieldscreen_vault::AuditAction::IdentificationDecided, Some(case_id))?;
    Ok(track)
}

/// What a published table counts: one or two variables over months `from` to `to`
/// (`YYYY-MM`), cells under `k` suppressed.
pub struct TableRequest {
    /// One or two variables.
    pub by: Vec<crate::Variable>,
    /// The first month counted (`YYYY-MM`).
    pub from: String,
    /// The last month counted (`YYYY-MM`).
    pub to: String,
    /// Cells under this are suppressed; at least `MIN_K`.
    pub k: u64,
}

/// A table ready to leave the vault.
pub struct Published {
    /// The table, suppressed.
    pub table: crate::PublishedTable,
    /// Cases left out because their protocol is not available here.
    pub without_protocol: usize,
}

/// Why a table could not be published.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The vault could not be read (or the reading was stopped by a lock).
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// The request is not one a table can answer.
    #[error(transparent)]
    Report(#[from] crate::ReportError),
}

/// Counts every case of the vault into one de-identified table and records in the audit log
/// that a table left it. Every front end publishes through here, so every publication is
/// audited alike. `protocol` and `progress` are as for [`vault_facts`].
pub fn publish_table(
    vault: &mut Vault,
    protocol: impl FnMut(&str) -> Option<Arc<Protocol>>,
    today: jiff::civil::Date,
    request: &TableRequest,
    progress: impl FnMut(usize, usize) -> std::ops::ControlFlow<()>,
) -> Result<Published, PublishError> {
    let all = vault_facts(vault, protocol, today, progress)?;
    let table = crate::tabulate(&all.facts, &request.by, &request.from, &request.to, request.k)?;
    vault.record_action(fieldscreen_vault::AuditAction::ReportPublished, None)?;
    Ok(Published {
        table,
        without_protocol: all.without_protocol,
    })
}

/// The identification pipeline ready to leave the vault.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PublishedPipeline {
    /// The counts, suppressed.
    pub pipeline: crate::Pipeline,
    /// Interviews read (all months).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub interviews: usize,
    /// The persons they are of (all months).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub persons: usize,
    /// Interviews of persons screened more than once, counted as one person each.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub linked_interviews: usize,
    /// Cases left out because their protocol is not available here.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub without_protocol: usize,
}

/// Counts every person of the vault into the identification pipeline for months `from` to
/// `to` and records in the audit log that figures left it. `protocol` and `progress` are as
/// for [`vault_facts`].
pub fn publish_pipeline(
    vault: &mut Vault,
    protocol: impl FnMut(&str) -> Option<Arc<Protocol>>,
    today: jiff::civil::Date,
    (from, to, k): (&str, &str, u64),
    progress: impl FnMut(usize, usize) -> std::ops::ControlFlow<()>,
) -> Result<PublishedPipeline, PublishError> {
    let all = vault_facts(vault, protocol, today, progress)?;
    let pipeline = crate::pipeline(&all.facts, from, to, k)?;
    vault.record_action(fieldscreen_vault::AuditAction::ReportPublished, None)?;
    Ok(PublishedPipeline {
        pipeline,
        interviews: all.interviews,
        persons: all.facts.len(),
        linked_interviews: all.linked_interviews,
        without_protocol: all.without_protocol,
    })
}
