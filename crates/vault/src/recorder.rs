//! Keeps a running interview and its case document in step: after every engine command the
//! change is written, durably, before the interview shows the next question.
//!
//! Nothing about a person is stored before they consent: the safety-check answers are held in
//! memory until consent is given. A refusal (or a postponement for safety) is stored as that
//! fact alone, with no answers.

use crate::{CaseDoc, CaseIndex, CaseMeta, CaseState, Vault, VaultError};
use fieldscreen_protocol::engine::{EndReason, Override};
use fieldscreen_protocol::model::QIdx;
use fieldscreen_protocol::{Answer, Protocol, Session, State, builtin};
use jiff::civil::Date;
use std::sync::Arc;

/// Saves a running interview into its case, change by change (see the module's comment).
pub struct Recorder {
    meta: CaseMeta,
    case_id: Option<String>,
    today: Date,
}

fn json<T: serde::Serialize>(v: &T) -> Result<String, VaultError> {
    serde_json::to_string(v).map_err(|e| VaultError::Document(e.to_string()))
}

impl Recorder {
    /// For a new interview; the case is created when consent is known.
    pub fn new(meta: CaseMeta, today: Date) -> Self {
        Recorder {
            meta,
            case_id: None,
            today,
        }
    }

    /// For a resumed interview, whose case exists.
    pub fn resume(meta: CaseMeta, case_id: String, today: Date) -> Self {
        Recorder {
            meta,
            case_id: Some(case_id),
            today,
        }
    }

    /// The case, once consent created it.
    pub fn case_id(&self) -> Option<&str> {
        self.case_id.as_deref()
    }

    fn index(&self, session: &Session) -> CaseIndex {
        case_index(session, self.today)
    }

    /// Call after every engine command. `changed` is the question whose answer was set or
    /// cleared, if any. Returns when the change is on disk.
    pub fn after(&mut self, vault: &mut Vault, session: &Session, changed: Option<QIdx>) -> Result<(), VaultError> {
        let index = self.index(session);
        let Some(id) = self.case_id.clone() else {
            return self.first_write(vault, session, index);
        };
        let p = session.protocol();
        let state = json(session.state())?;
        let cursor = session.current().map(|q| q.id.clone());
        let outcome = match session.state() {
            State::InProgress => None,
            _ => session.outcome(self.today).map(|o| json(&o)).transpose()?,
        };
        let override_ = session.override_level().map(json).transpose()?;
        let (message, question) = match changed {
            Some(q) => (
                format!("answer {}", p.questions[q].id),
                Some((p.questions[q].id.clone(), session.answer_of(q).cloned())),
            ),
            None => ("state".to_string(), None),
        };
        let finished = !matches!(session.state(), State::InProgress);
        vault.update_case(&id, &message, &index, |doc| {
            if let Some((qid, answer)) = &question {
                doc.set_answer(qid, answer.as_ref())?;
            }
            doc.set_state(&state)?;
            doc.set_cursor(cursor.as_deref())?;
            doc.set_outcome(outcome)?;
            doc.set_override(override_)
        })?;
        // A finished case is read far more often than written (lists, reports): one snapshot
        // loads several times faster than its changes one by one.
        if finished {
            vault.compact(&id)?;
        }
        Ok(())
    }

    /// Before consent nothing is written. With consent, the case is created and the answers so
    /// far are written; with a refusal or a postponement, only that fact is.
    fn first_write(&mut self, vault: &mut Vault, session: &Session, index: CaseIndex) -> Result<(), VaultError> {
        let ended_without_consent = matches!(
            session.state(),
            State::Ended(EndReason::ConsentRefused | EndReason::PostponedForSafety)
        );
        let consented = matches!(session.consent(), Some(c) if c != builtin::Consent::Refused);
        if !consented && !ended_without_consent {
            return Ok(());
        }
        let mut fact_only = index.clone();
        if ended_without_consent {
            fact_only.answer_count = 0;
            fact_only.consent = session.consent().map(|c| c.code().to_string());
        }
        // The age gate may have moved a child to the protocol's child branch: the case belongs
        // to the protocol that runs from consent on.
        let p = session.protocol();
        self.meta.protocol_id = p.header.id.clone();
        self.meta.protocol_version = p.header.version.to_string();
        let id = vault.create_case(&self.meta, &fact_only)?;
        self.case_id = Some(id.clone());
        if ended_without_consent {
            let state = json(session.state())?;
            // What the engine kept of a refusal: the refusal and, for a child, the age gate that
            // carries the duty to refer to child protection.
            let kept: Vec<(String, Answer)> = (0..p.questions.len())
                .filter_map(|q| session.answer_of(q).map(|a| (p.questions[q].id.clone(), a.clone())))
                .collect();
            return vault.update_case(&id, "state", &fact_only, |doc| {
                for (qid, answer) in &kept {
                    doc.set_answer(qid, Some(answer))?;
                }
                doc.set_state(&state)
            });
        }
        for q in 0..p.questions.len() {
            if session.answer_of(q).is_some() {
                self.after(vault, session, Some(q))?;
            }
        }
        Ok(())
    }
}

/// Rebuilds the engine session of a stored case. Returns the session and the ids of stored
/// answers the protocol no longer accepts.
pub fn resume_session(
    vault: &Vault,
    case_id: &str,
    protocol: Arc<Protocol>,
) -> Result<(Session, Vec<String>), VaultError> {
    session_of(&vault.load_case(case_id)?, protocol)
}

/// The engine session of a case document already loaded.
pub fn session_of(doc: &CaseDoc, protocol: Arc<Protocol>) -> Result<(Session, Vec<String>), VaultError> {
    let answers: Vec<(String, Answer)> = doc.answers()?;
    let state: State = match doc.state()? {
        Some(s) => serde_json::from_str(&s).map_err(|e| VaultError::Document(e.to_string()))?,
        None => State::InProgress,
    };
    let override_: Option<Override> = match doc.override_json()? {
        Some(o) => Some(serde_json::from_str(&o).map_err(|e| VaultError::Document(e.to_string()))?),
        None => None,
    };
    let cursor = doc.cursor()?;
    Ok(Session::restore(protocol, answers, cursor.as_deref(), state, override_))
}

/// What the listing shows of a case, from its session.
pub fn case_index(session: &Session, today: Date) -> CaseIndex {
    let finished = !matches!(session.state(), State::InProgress);
    let outcome = if finished { session.outcome(today) } else { None };
    CaseIndex {
        state: CaseState::of(session.state()),
        level: outcome.as_ref().map(|o| o.result_name().to_string()),
        age_group: session.age_group().map(|g| format!("{g:?}").to_lowercase()),
        consent: session.consent().map(|c| c.code().to_string()),
        answer_count: i64::try_from(
            (0..session.protocol().questions.len())
                .filter(|i| session.answer_of(*i).is_some())
                .count(),
        )
        .unwrap_or(i64::MAX),
    }
}

/// The listing of a document that arrived from another device: through its protocol when this
/// device has it; otherwise from what the document itself records (its state and the outcome
/// level the other device computed).
pub fn index_of_doc(doc: &CaseDoc, protocol: Option<Arc<Protocol>>, today: Date) -> Option<CaseIndex> {
    if let Some(p) = protocol
        && let Ok((session, _)) = session_of(doc, p)
    {
        return Some(case_index(&session, today));
    }
    let state: State = doc
        .state()
        .ok()
        .flatten()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(State::InProgress);
    let level = doc
        .outcome()
        .ok()
        .flatten()
        .and_then(|o| serde_json::from_str::<serde_json::Value>(&o).ok())
        .and_then(|o| match o.get("result") {
            // Written by a version that knows unfinished interviews have no result.
            Some(r) => Some(
                r.as_str()
                    .unwrap_or(fieldscreen_protocol::outcome::INCOMPLETE)
                    .to_string(),
            ),
            None => o["level"].as_str().map(str::to_string),
        });
    Some(CaseIndex {
        state: CaseState::of(&state),
        level,
        age_group: None,
        consent: None,
        answer_count: i64::try_from(doc.answers().ok()?.len()).unwrap_or(i64::MAX),
    })
}

/// A listing for each merged case, through its protocol when `find` has it (looked up once per
/// protocol id): what the CLI and the app hand to sync.
pub fn indexer<'a>(
    mut find: impl FnMut(&str) -> Option<Arc<Protocol>> + 'a,
    today: Date,
) -> impl FnMut(&CaseDoc) -> Option<CaseIndex> + 'a {
    let mut cache: std::collections::HashMap<String, Option<Arc<Protocol>>> = std::collections::HashMap::new();
    move |doc: &CaseDoc| {
        let id = doc.meta().ok()?.protocol_id;
        let protocol = cache.entry(id.clone()).or_insert_with(|| find(&id)).clone();
        index_of_doc(doc, protocol, today)
    }
}
