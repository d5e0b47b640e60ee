//! Where a case stands, as its listing stores it and every front end shows and filters it.

use fieldscreen_protocol::State;
use fieldscreen_protocol::engine::EndReason;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use std::fmt;

/// A case's state in the listing: the engine's state without the details of how it ended.
/// Serialised (JSON and the `cases.state` column alike) as its kebab-case name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum CaseState {
    /// The interview is under way (or was interrupted).
    #[default]
    InProgress,
    /// Every question that applies was passed.
    Completed,
    /// The respondent or the interviewer stopped it.
    Stopped,
    /// A stop rule fired: the emergency path.
    Emergency,
    /// Consent was refused; nothing but that fact is kept.
    ConsentRefused,
    /// Postponed for the person's safety; nothing but that fact is kept.
    Postponed,
}

impl CaseState {
    /// Every state.
    pub const ALL: [CaseState; 6] = [
        CaseState::InProgress,
        CaseState::Completed,
        CaseState::Stopped,
        CaseState::Emergency,
        CaseState::ConsentRefused,
        CaseState::Postponed,
    ];

    /// The engine state a session is in, as listed.
    pub fn of(state: &State) -> CaseState {
        match state {
            State::InProgress => CaseState::InProgress,
            State::Completed => CaseState::Completed,
            State::Ended(EndReason::Stopped { .. }) => CaseState::Stopped,
            State::Ended(EndReason::Emergency { .. }) => CaseState::Emergency,
            State::Ended(EndReason::ConsentRefused) => CaseState::ConsentRefused,
            State::Ended(EndReason::PostponedForSafety) => CaseState::Postponed,
        }
    }

    /// Its name.
    pub fn as_str(self) -> &'static str {
        match self {
            CaseState::InProgress => "in-progress",
            CaseState::Completed => "completed",
            CaseState::Stopped => "stopped",
            CaseState::Emergency => "emergency",
            CaseState::ConsentRefused => "consent-refused",
            CaseState::Postponed => "postponed",
        }
    }

    /// The state of that name.
    pub fn parse(name: &str) -> Option<CaseState> {
        CaseState::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Every name, for a message that lists what is accepted.
    pub fn names() -> Vec<&'static str> {
        CaseState::ALL.iter().map(|s| s.as_str()).collect()
    }
}

impl fmt::Display for CaseState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ToSql for CaseState {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for CaseState {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let name = value.as_str()?;
        CaseState::parse(name).ok_or_else(|| FromSqlError::Other(format!("unknown case state `{name}`").into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_state_reads_back_from_its_name_and_serialises_as_it() {
        for s in CaseState::ALL {
            assert_eq!(CaseState::parse(s.as_str()), Some(s));
            assert_eq!(serde_json::to_string(&s).ok(), Some(format!("\"{s}\"")));
        }
        assert_eq!(CaseState::parse("finished"), None);
    }
}
