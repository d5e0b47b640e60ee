//! Answers given differently on two devices while apart. Automerge keeps every value; this lists
//! them for review and resolves one only by an explicit choice, which becomes an ordinary,
//! dated edit in the case's history and an entry in the audit log.

use fieldscreen_protocol::Answer;
use fieldscreen_vault::{CaseDoc, CaseFilter, CaseIndex, Vault, VaultError};

/// An answer two devices changed at once: every value is kept until a person chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The case.
    pub case_id: String,
    /// Its protocol.
    pub protocol_id: String,
    /// The question's id.
    pub question: String,
    /// Every value, in a stable order; `resolve` takes a 1-based position in this list.
    pub values: Vec<Answer>,
}

fn sorted(mut values: Vec<Answer>) -> Vec<Answer> {
    values.sort_by_key(|a| serde_json::to_string(a).unwrap_or_default());
    values
}

/// Every conflict in the vault.
pub fn list(vault: &Vault) -> Result<Vec<Conflict>, VaultError> {
    let mut out = Vec::new();
    for c in vault.list_cases(&CaseFilter::default())? {
        for (question, values) in vault.load_case(&c.id)?.conflicts()? {
            out.push(Conflict {
                case_id: c.id.clone(),
                protocol_id: c.protocol_id.clone(),
                question,
                values: sorted(values),
            });
        }
    }
    Ok(out)
}

/// Why a conflict could not be resolved.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// There is no conflict there (any more).
    #[error("case {case} has no conflicting answer to `{question}`")]
    NoConflict {
        /// The case.
        case: String,
        /// The question.
        question: String,
    },
    /// The choice is not one of the values' positions.
    #[error("choose one of 1..={0}")]
    Choice(usize),
    /// The vault failed.
    #[error(transparent)]
    Vault(#[from] VaultError),
}

/// Keeps value `keep` (1-based) of a conflicting answer. `index` gives the case's listing after
/// the edit.
pub fn resolve(
    vault: &mut Vault,
    case_id: &str,
    question: &str,
    keep: usize,
    index: &mut dyn FnMut(&CaseDoc) -> Option<CaseIndex>,
) -> Result<Answer, ResolveError> {
    let doc = vault.load_case(case_id)?;
    let Some((_, values)) = doc.conflicts()?.into_iter().find(|(q, _)| q == question) else {
        return Err(ResolveError::NoConflict {
            case: case_id.to_string(),
            question: question.to_string(),
        });
    };
    let values = sorted(values);
    let chosen = keep
        .checked_sub(1)
        .and_then(|i| values.get(i))
        .cloned()
        .ok_or(ResolveError::Choice(values.len()))?;
    let mut after = doc;
    after.set_answer(question, Some(&chosen))?;
    let listing = index(&after).unwrap_or_default();
    vault.update_case(case_id, &format!("resolve {question}"), &listing, |d| {
        d.set_answer(question, Some(&chosen))
    })?;
    vault.record_action(
        fieldscreen_vault::AuditAction::ConflictResolved {
            question: question.to_string(),
        },
        Some(case_id),
    )?;
    Ok(chosen)
}
