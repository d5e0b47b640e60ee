//! One case is one Automerge document: the single source of truth for its answers, metadata,
//! state, outcome and override. Its change history is the answer history, and documents from
//! different devices merge without a migration (the sync issue builds on this).
//!
//! Layout (created once, when the case is created, so that concurrent edits on other devices
//! land in the same containers): `meta` map; `answers` map from question id to the answer as a
//! JSON string (one scalar per answer, so concurrent answers to the same question are kept side
//! by side as an Automerge conflict); `state`, `cursor`, `outcome`, `override` scalars.

use crate::VaultError;
use automerge::transaction::{CommitOptions, Transactable};
use automerge::{ActorId, AutoCommit, ObjId, ObjType, ROOT, ReadDoc, ScalarValue, Value};
use fieldscreen_protocol::Answer;
use serde::{Deserialize, Serialize};

/// Who and what a case is about, fixed at creation. Never a name: identifying details only ever
/// enter as answers to questions marked identifying, and only with full consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseMeta {
    /// The protocol.
    pub protocol_id: String,
    /// The protocol's version.
    pub protocol_version: String,
    /// The interviewer's language.
    pub interviewer_lang: String,
    /// The respondent's language, when it differs.
    pub respondent_lang: Option<String>,
    /// RFC 3339.
    pub created_at: String,
    /// The kind of organisation that screened (cases made before it was recorded have none).
    pub organisation: Option<crate::OrganisationType>,
}

impl CaseMeta {
    /// A new case of `protocol`, created now.
    pub fn for_protocol(
        protocol: &fieldscreen_protocol::Protocol,
        interviewer_lang: &str,
        respondent_lang: Option<&str>,
    ) -> CaseMeta {
        CaseMeta {
            protocol_id: protocol.header.id.clone(),
            protocol_version: protocol.header.version.to_string(),
            interviewer_lang: interviewer_lang.to_string(),
            respondent_lang: respondent_lang.map(str::to_string),
            created_at: jiff::Timestamp::now().to_string(),
            organisation: None,
        }
    }
}

/// A past value of an answer, for the answer history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    /// Unix milliseconds of the change.
    pub time: i64,
    /// The question's id.
    pub question: String,
    /// `None`: the answer was cleared (skipped after being answered).
    pub answer: Option<Answer>,
}

/// One case: an Automerge document holding its metadata, answers, engine state, outcome and
/// referrals. Several devices may change it; merging never loses an edit.
pub struct CaseDoc {
    doc: AutoCommit,
}

const REFERRAL_PREFIX: &str = "referral/";
/// The root key of the earlier case this one is the same person as.
const SAME_PERSON: &str = "same_person_as";

fn err(e: impl std::fmt::Display) -> VaultError {
    VaultError::Document(e.to_string())
}

/// Runs an Automerge decode that may panic on malformed bytes (automerge 0.12 does for some,
/// found by fuzzing: see fuzz/regressions) and turns the panic into an error: a damaged update
/// from another device must not bring the app down.
fn guarded<T>(decode: impl FnOnce() -> Result<T, VaultError>) -> Result<T, VaultError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(decode))
        .unwrap_or_else(|_| Err(VaultError::Document("the case data is malformed".into())))
}

impl CaseDoc {
    /// A new case written by `actor` (this device) at `time_ms`.
    pub fn create(actor: &[u8], meta: &CaseMeta, time_ms: i64) -> Result<CaseDoc, VaultError> {
        let mut doc = AutoCommit::new().with_actor(ActorId::from(actor));
        let m = doc.put_object(ROOT, "meta", ObjType::Map).map_err(err)?;
        doc.put(&m, "protocol_id", meta.protocol_id.as_str()).map_err(err)?;
        doc.put(&m, "protocol_version", meta.protocol_version.as_str())
            .map_err(err)?;
        doc.put(&m, "interviewer_lang", meta.interviewer_lang.as_str())
            .map_err(err)?;
        if let Some(r) = &meta.respondent_lang {
            doc.put(&m, "respondent_lang", r.as_str()).map_err(err)?;
        }
        doc.put(&m, "created_at", meta.created_at.as_str()).map_err(err)?;
        if let Some(o) = meta.organisation {
            doc.put(&m, "organisation", o.name()).map_err(err)?;
        }
        doc.put_object(ROOT, "answers", ObjType::Map).map_err(err)?;
        doc.put(ROOT, "state", r#"{"state":"in-progress"}"#).map_err(err)?;
        doc.commit_with(CommitOptions::default().with_message("create").with_time(time_ms));
        Ok(CaseDoc { doc })
    }

    /// Rebuilds a document from its last snapshot and the changes saved since.
    pub fn load<'a>(
        snapshot: Option<&[u8]>,
        changes: impl IntoIterator<Item = &'a [u8]>,
        actor: &[u8],
    ) -> Result<CaseDoc, VaultError> {
        let all: Vec<u8> = changes.into_iter().flatten().copied().collect();
        let mut doc = guarded(|| {
            let mut doc = match snapshot {
                Some(s) => AutoCommit::load(s).map_err(err)?,
                None => AutoCommit::new(),
            };
            // One call with every change: applying them one call at a time costs several times more.
            if !all.is_empty() {
                doc.load_incremental(&all).map_err(err)?;
            }
            Ok(doc)
        })?;
        doc.set_actor(ActorId::from(actor));
        Ok(CaseDoc { doc })
    }

    fn map(&self, key: &str) -> Result<ObjId, VaultError> {
        match self.doc.get(ROOT, key).map_err(err)? {
            Some((Value::Object(ObjType::Map), id)) => Ok(id),
            _ => Err(VaultError::Document(format!("the case has no `{key}` map"))),
        }
    }

    fn string(&self, obj: &ObjId, key: &str) -> Result<Option<String>, VaultError> {
        Ok(match self.doc.get(obj, key).map_err(err)? {
            Some((Value::Scalar(s), _)) => match s.as_ref() {
                ScalarValue::Str(t) => Some(t.to_string()),
                _ => None,
            },
            _ => None,
        })
    }

    /// Who and what the case is about.
    pub fn meta(&self) -> Result<CaseMeta, VaultError> {
        let m = self.map("meta")?;
        let need = |k: &str| -> Result<String, VaultError> {
            self.string(&m, k)?
                .ok_or_else(|| VaultError::Document(format!("the case has no `{k}`")))
        };
        Ok(CaseMeta {
            protocol_id: need("protocol_id")?,
            protocol_version: need("protocol_version")?,
            interviewer_lang: need("interviewer_lang")?,
            respondent_lang: self.string(&m, "respondent_lang")?,
            created_at: need("created_at")?,
            organisation: self
                .string(&m, "organisation")?
                .as_deref()
                .and_then(crate::OrganisationType::parse),
        })
    }

    /// Sets (or, with `None`, clears) one answer. Not committed until [`CaseDoc::commit`].
    pub fn set_answer(&mut self, question: &str, answer: Option<&Answer>) -> Result<(), VaultError> {
        let answers = self.map("answers")?;
        match answer {
            Some(a) => {
                let json = serde_json::to_string(a).map_err(err)?;
                self.doc.put(&answers, question, json).map_err(err)?;
            }
            None => {
                if self.doc.get(&answers, question).map_err(err)?.is_some() {
                    self.doc.delete(&answers, question).map_err(err)?;
                }
            }
        }
        Ok(())
    }

    fn decode(v: &Value<'_>) -> Option<Answer> {
        match v {
            Value::Scalar(s) => match s.as_ref() {
                ScalarValue::Str(t) => serde_json::from_str(t).ok(),
                _ => None,
            },
            Value::Object(_) => None,
        }
    }

    /// The current answers; where devices disagreed, the value Automerge picks as the winner.
    pub fn answers(&self) -> Result<Vec<(String, Answer)>, VaultError> {
        let answers = self.map("answers")?;
        let mut out = Vec::new();
        for key in self.doc.keys(&answers) {
            if let Some((v, _)) = self.doc.get(&answers, key.as_str()).map_err(err)?
                && let Some(a) = Self::decode(&v)
            {
                out.push((key, a));
            }
        }
        Ok(out)
    }

    /// Questions answered differently on different devices, with every value kept.
    pub fn conflicts(&self) -> Result<Vec<(String, Vec<Answer>)>, VaultError> {
        let answers = self.map("answers")?;
        let mut out = Vec::new();
        for key in self.doc.keys(&answers) {
            let all = self.doc.get_all(&answers, key.as_str()).map_err(err)?;
            if all.len() > 1 {
                out.push((key, all.iter().filter_map(|(v, _)| Self::decode(v)).collect()));
            }
        }
        Ok(out)
    }

    fn set_json(&mut self, key: &str, json: Option<String>) -> Result<(), VaultError> {
        match json {
            Some(j) => self.doc.put(ROOT, key, j).map_err(err),
            None => {
                if self.doc.get(ROOT, key).map_err(err)?.is_some() {
                    self.doc.delete(ROOT, key).map_err(err)?;
                }
                Ok(())
            }
        }
    }

    fn get_json(&self, key: &str) -> Result<Option<String>, VaultError> {
        self.string(&ROOT, key)
    }

    /// A referral's track (JSON) under `referral/<id>` at the document's root, which every
    /// device shares from the start (a nested map created later on two devices would be two).
    pub fn set_referral(&mut self, id: &str, track_json: &str) -> Result<(), VaultError> {
        self.set_json(&format!("{REFERRAL_PREFIX}{id}"), Some(track_json.to_string()))
    }

    /// Every tracked referral: (referral id, track as JSON).
    pub fn referrals(&self) -> Result<Vec<(String, String)>, VaultError> {
        let mut out = Vec::new();
        for key in self.doc.keys(ROOT) {
            if let Some(id) = key.strip_prefix(REFERRAL_PREFIX)
                && let Some(json) = self.get_json(&key)?
            {
                out.push((id.to_string(), json));
            }
        }
        Ok(out)
    }

    /// Marks the case as the same person as case `earlier` or, with `None`, takes the mark back.
    /// One register at the root: two devices that link it differently keep one link, the last
    /// one written, and nothing else of the case is touched.
    pub fn set_same_person_as(&mut self, earlier: Option<&str>) -> Result<(), VaultError> {
        self.set_json(SAME_PERSON, earlier.map(str::to_string))
    }

    /// The earlier case this one is the same person as.
    pub fn same_person_as(&self) -> Result<Option<String>, VaultError> {
        self.get_json(SAME_PERSON)
    }

    /// Engine state, cursor, outcome summary and override, each as JSON.
    pub fn set_state(&mut self, state_json: &str) -> Result<(), VaultError> {
        self.set_json("state", Some(state_json.to_string()))
    }
    /// The engine state (JSON).
    pub fn state(&self) -> Result<Option<String>, VaultError> {
        self.get_json("state")
    }
    /// Sets the question the interview is at.
    pub fn set_cursor(&mut self, question: Option<&str>) -> Result<(), VaultError> {
        self.set_json("cursor", question.map(str::to_string))
    }
    /// The question the interview is at.
    pub fn cursor(&self) -> Result<Option<String>, VaultError> {
        self.get_json("cursor")
    }
    /// Sets the outcome summary (JSON), or clears it.
    pub fn set_outcome(&mut self, outcome_json: Option<String>) -> Result<(), VaultError> {
        self.set_json("outcome", outcome_json)
    }
    /// The outcome summary (JSON).
    pub fn outcome(&self) -> Result<Option<String>, VaultError> {
        self.get_json("outcome")
    }
    /// Sets the interviewer's override (JSON), or clears it.
    pub fn set_override(&mut self, override_json: Option<String>) -> Result<(), VaultError> {
        self.set_json("override", override_json)
    }
    /// The interviewer's override (JSON).
    pub fn override_json(&self) -> Result<Option<String>, VaultError> {
        self.get_json("override")
    }

    /// Ends the pending edits as one change. The message names what changed, never a value.
    pub fn commit(&mut self, message: &str, time_ms: i64) {
        self.doc
            .commit_with(CommitOptions::default().with_message(message).with_time(time_ms));
    }

    /// The changes since the last save, ~100 bytes for one answer.
    pub fn save_incremental(&mut self) -> Vec<u8> {
        self.doc.save_incremental()
    }

    /// The document's current heads, 32 bytes each, concatenated.
    pub fn heads(&mut self) -> Vec<u8> {
        self.doc.get_heads().iter().flat_map(|h| h.0).collect()
    }

    /// What a peer that has `heads` (as from [`CaseDoc::heads`]) lacks.
    pub fn save_after(&mut self, heads: &[u8]) -> Result<Vec<u8>, VaultError> {
        let hashes = heads
            .chunks(32)
            .map(|c| automerge::ChangeHash::try_from(c).map_err(err))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(self.doc.save_after(&hashes))
    }

    /// The changes made by this document's own actor (this device) since `heads`, as change
    /// chunks: what this device must send; other devices' changes reach peers from their
    /// authors.
    pub fn own_changes_after(&mut self, heads: &[u8]) -> Result<Vec<u8>, VaultError> {
        let hashes = heads
            .chunks(32)
            .map(|c| automerge::ChangeHash::try_from(c).map_err(err))
            .collect::<Result<Vec<_>, _>>()?;
        let me = self.doc.get_actor().clone();
        Ok(self
            .doc
            .get_changes(&hashes)
            .into_iter()
            .filter(|c| *c.actor_id() == me)
            .flat_map(|c| c.raw_bytes().to_vec())
            .collect())
    }

    /// Merges changes or a whole document from another device. Returns whether anything new
    /// arrived. Changes whose dependencies have not arrived yet wait inside the document.
    pub fn merge(&mut self, bytes: &[u8]) -> Result<bool, VaultError> {
        // Read on its own first: bytes that make Automerge fail (or panic) never touch the case.
        guarded(|| {
            let mut probe = AutoCommit::new();
            probe.load_incremental(bytes).map_err(err)
        })?;
        let before = self.heads();
        self.doc.load_incremental(bytes).map_err(err)?;
        Ok(self.heads() != before)
    }

    /// Whether the change with this hash (32 bytes) is part of the document.
    pub fn has_change(&mut self, hash: &[u8]) -> bool {
        automerge::ChangeHash::try_from(hash).is_ok_and(|h| self.doc.get_change_by_hash(&h).is_some())
    }

    /// Whether the case's creation has arrived (a device can hear of a case's later changes
    /// before the change that created it).
    /// Whether changes merged into the document wait for others they depend on (they are not
    /// applied, and saving the document leaves them out).
    pub fn waits_for_changes(&mut self) -> bool {
        !self.doc.get_missing_deps(&[]).is_empty()
    }

    /// Whether the case's creation is in the document (a change may arrive before it).
    pub fn is_complete(&self) -> bool {
        self.meta().is_ok()
    }

    /// The whole document, compacted.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// Every value each answer has had, oldest first, from the document's own history.
    pub fn history(&mut self) -> Result<Vec<HistoryEntry>, VaultError> {
        let answers = self.map("answers")?;
        let changes = self.doc.get_changes(&[]);
        let mut out = Vec::new();
        for change in changes {
            let Some(question) = change
                .message()
                .and_then(|m| m.strip_prefix("answer "))
                .map(str::to_string)
            else {
                continue;
            };
            let value = self
                .doc
                .get_at(&answers, question.as_str(), &[change.hash()])
                .map_err(err)?;
            out.push(HistoryEntry {
                time: change.timestamp(),
                answer: value.and_then(|(v, _)| Self::decode(&v)),
                question,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> CaseMeta {
        CaseMeta {
            protocol_id: "adult-trafficking".into(),
            protocol_version: "1.0.0".into(),
            interviewer_lang: "en".into(),
            respondent_lang: Some("ar".into()),
            created_at: "2026-11-27T10:00:00Z".into(),
            organisation: None,
        }
    }

    #[test]
    fn answers_round_trip_through_incremental_saves() {
        let mut d = CaseDoc::create(b"device-a", &meta(), 1).expect("create");
        let mut saved = vec![d.save_incremental()];
        d.set_answer("age", Some(&Answer::Number(30))).expect("set");
        d.commit("answer age", 2);
        saved.push(d.save_incremental());
        d.set_answer("promised", Some(&Answer::Yes)).expect("set");
        d.commit("answer promised", 3);
        saved.push(d.save_incremental());
        assert!(
            saved[1].len() < 200,
            "an answer change is small: {} bytes",
            saved[1].len()
        );
        let mut loaded = CaseDoc::load(None, saved.iter().map(Vec::as_slice), b"device-a").expect("load");
        assert_eq!(loaded.meta().expect("meta"), meta());
        let mut answers = loaded.answers().expect("answers");
        answers.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            answers,
            vec![("age".into(), Answer::Number(30)), ("promised".into(), Answer::Yes)]
        );
        // A snapshot plus later changes gives the same document.
        let snapshot = loaded.save();
        let again = CaseDoc::load(Some(&snapshot), std::iter::empty(), b"device-a").expect("load");
        assert_eq!(again.answers().expect("answers").len(), 2);
    }

    #[test]
    fn history_shows_every_value_and_concurrent_edits_are_kept() {
        let mut d = CaseDoc::create(b"device-a", &meta(), 1).expect("create");
        d.set_answer("debt", Some(&Answer::Yes)).expect("set");
        d.commit("answer debt", 2);
        d.set_answer("debt", Some(&Answer::No)).expect("set");
        d.commit("answer debt", 3);
        let h = d.history().expect("history");
        assert_eq!(
            h.iter().map(|e| e.answer.clone()).collect::<Vec<_>>(),
            vec![Some(Answer::Yes), Some(Answer::No)]
        );
        // Two devices answer the same question offline: both values survive the merge.
        let snapshot = d.save();
        let mut a = CaseDoc::load(Some(&snapshot), std::iter::empty(), b"device-a").expect("a");
        let mut b = CaseDoc::load(Some(&snapshot), std::iter::empty(), b"device-b").expect("b");
        a.set_answer("threats", Some(&Answer::Yes)).expect("a");
        a.commit("answer threats", 4);
        b.set_answer("threats", Some(&Answer::DontKnow)).expect("b");
        b.commit("answer threats", 5);
        let from_b = b.save_incremental();
        let _ = a.save_incremental();
        a.doc.load_incremental(&from_b).expect("merge");
        let conflicts = a.conflicts().expect("conflicts");
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].0, "threats");
        assert_eq!(conflicts[0].1.len(), 2);
    }
}
