//! A personal-data export of a vault's cases, JSON or CSV: every case with its answers, a
//! survivors' views module only when asked for. Every front end exports through here, so every
//! export is audited alike; sealing and writing the result are the caller's.

use fieldscreen_protocol::{Answer, Protocol};
use fieldscreen_vault::{AuditAction, CaseFilter, Vault, VaultError};
use std::sync::Arc;

/// The shape of a case export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseFormat {
    /// One array of `{ "case": …, "answers": { question: answer } }`.
    Json,
    /// One row per answer: case, protocol, state, level, question, answer type and value.
    Csv,
}

/// A case export, ready to seal or write.
pub struct CaseExport {
    /// The export itself.
    pub text: String,
    /// How many cases it holds.
    pub cases: usize,
}

/// Every case of the vault in `format`, and an audit entry saying an export was made. `protocol`
/// finds a case's protocol; without it a case's answers are left out unless `include_views`,
/// since nothing then tells which of them are the person's own account.
pub fn export_cases(
    vault: &mut Vault,
    mut protocol: impl FnMut(&str) -> Option<Arc<Protocol>>,
    format: CaseFormat,
    include_views: bool,
) -> Result<CaseExport, VaultError> {
    let cases = vault.list_cases(&CaseFilter::default())?;
    let mut out = String::new();
    match format {
        CaseFormat::Json => {
            let mut all = Vec::new();
            for c in &cases {
                let answers: serde_json::Map<String, serde_json::Value> = exportable(
                    vault.load_case(&c.id)?.answers()?,
                    protocol(&c.protocol_id).as_deref(),
                    include_views,
                )
                .into_iter()
                .map(|(q, a)| (q, serde_json::to_value(a).unwrap_or_default()))
                .collect();
                all.push(serde_json::json!({ "case": c, "answers": answers }));
            }
            out.push_str(&serde_json::to_string_pretty(&all).map_err(|e| VaultError::Document(e.to_string()))?);
            out.push('\n');
        }
        CaseFormat::Csv => {
            out.push_str("case_id,protocol_id,protocol_version,state,level,question_id,answer_type,answer_value\n");
            for c in &cases {
                let mut answers = exportable(
                    vault.load_case(&c.id)?.answers()?,
                    protocol(&c.protocol_id).as_deref(),
                    include_views,
                );
                answers.sort_by(|a, b| a.0.cmp(&b.0));
                for (q, a) in answers {
                    let (kind, value) = answer_value(&a);
                    let row = [
                        c.id.as_str(),
                        &c.protocol_id,
                        &c.protocol_version,
                        c.state.as_str(),
                        c.level.as_deref().unwrap_or(""),
                        &q,
                        &kind,
                        &value,
                    ];
                    out.push_str(&crate::csv::line(&row));
                }
            }
        }
    }
    vault.record_action(AuditAction::CasesExported, None)?;
    Ok(CaseExport {
        text: out,
        cases: cases.len(),
    })
}

/// The answers of a case that may leave in a personal-data export: a survivors' views module
/// only when asked for, and, when the case's protocol is not at hand to tell which answers
/// those are, none (a person was told their account stays in their file).
fn exportable(
    answers: Vec<(String, Answer)>,
    protocol: Option<&Protocol>,
    include_views: bool,
) -> Vec<(String, Answer)> {
    match (include_views, protocol) {
        (true, _) => answers,
        (false, Some(p)) => {
            let views: Vec<&str> = p.survivor_views_questions().collect();
            answers
                .into_iter()
                .filter(|(q, _)| !views.contains(&q.as_str()))
                .collect()
        }
        (false, None) => Vec::new(),
    }
}

/// An answer as a CSV row holds it: its type and its value as text.
fn answer_value(a: &Answer) -> (String, String) {
    let j = serde_json::to_value(a).unwrap_or_default();
    let kind = j["type"].as_str().unwrap_or("").to_string();
    let value = match &j["value"] {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    };
    (kind, value)
}
