//! What became of a referral: suggested → offered → accepted or declined (with a reason) →
//! contacted → service received or not (with a reason), each step dated. This is what makes the
//! gap between people identified and people served measurable.

use serde::{Deserialize, Serialize};

/// How far a referral got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReferralStatus"))]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// The screening suggested it.
    Suggested,
    /// The worker offered it to the person.
    Offered,
    /// The person accepted it.
    Accepted,
    /// The person declined it (with the reason).
    Declined,
    /// The service was contacted.
    Contacted,
    /// The person received the service.
    ServiceReceived,
    /// The person did not receive it (with the reason).
    ServiceNotReceived,
}

impl Status {
    /// In the order a referral moves through them.
    pub const ALL: [Status; 7] = [
        Status::Suggested,
        Status::Offered,
        Status::Accepted,
        Status::Declined,
        Status::Contacted,
        Status::ServiceReceived,
        Status::ServiceNotReceived,
    ];

    /// Its name (kebab-case), as stored and shown.
    pub fn name(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Offered => "offered",
            Status::Accepted => "accepted",
            Status::Declined => "declined",
            Status::Contacted => "contacted",
            Status::ServiceReceived => "service-received",
            Status::ServiceNotReceived => "service-not-received",
        }
    }

    /// The status of that name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.name() == s)
    }

    /// The steps that may follow this one.
    pub fn next(self) -> &'static [Status] {
        match self {
            Status::Suggested => &[Status::Offered],
            Status::Offered => &[Status::Accepted, Status::Declined],
            Status::Accepted => &[Status::Contacted],
            Status::Contacted => &[Status::ServiceReceived, Status::ServiceNotReceived],
            Status::Declined | Status::ServiceReceived | Status::ServiceNotReceived => &[],
        }
    }

    /// A refusal or a failure needs its reason, or the figure cannot be acted on.
    pub fn needs_reason(self) -> bool {
        matches!(self, Status::Declined | Status::ServiceNotReceived)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ReferralStep"))]
/// One step of a referral.
pub struct Step {
    /// What happened.
    pub status: Status,
    /// When.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: jiff::civil::Date,
    /// Why, for a refusal or a failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// What the competent authority decided about a person referred to the national referral
/// mechanism: the step from "screened positive" to "formally identified" that the state takes,
/// not the screening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    /// Formally identified as a victim of trafficking.
    Identified,
    /// Found not to be a victim of trafficking.
    NotIdentified,
    /// Referred, and no decision yet.
    Pending,
}

impl Decision {
    /// Every decision.
    pub const ALL: [Decision; 3] = [Decision::Identified, Decision::NotIdentified, Decision::Pending];

    /// Its name, as stored and typed.
    pub fn name(self) -> &'static str {
        match self {
            Decision::Identified => "identified",
            Decision::NotIdentified => "not-identified",
            Decision::Pending => "pending",
        }
    }

    /// The decision of that name.
    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.name() == s)
    }
}

/// Who took an identification decision, in HTCDS 2.0's terms
/// (`vic_TraffickingStatusDecisionMakingOrg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum DecidedBy {
    /// The police.
    Police,
    /// A non-governmental organisation (where the law lets one identify).
    Ngo,
    /// A court or the prosecution.
    CourtOrProsecution,
    /// A public body other than the police (a ministry, social services, a labour inspectorate).
    NonPoliceGovernment,
    /// Another body.
    Other,
}

impl DecidedBy {
    /// Every decision maker.
    pub const ALL: [DecidedBy; 5] = [
        DecidedBy::Police,
        DecidedBy::Ngo,
        DecidedBy::CourtOrProsecution,
        DecidedBy::NonPoliceGovernment,
        DecidedBy::Other,
    ];

    /// Its name, as stored and typed.
    pub fn name(self) -> &'static str {
        match self {
            DecidedBy::Police => "police",
            DecidedBy::Ngo => "ngo",
            DecidedBy::CourtOrProsecution => "court-or-prosecution",
            DecidedBy::NonPoliceGovernment => "non-police-government",
            DecidedBy::Other => "other",
        }
    }

    /// The decision maker of that name.
    pub fn parse(s: &str) -> Option<DecidedBy> {
        DecidedBy::ALL.into_iter().find(|d| d.name() == s)
    }
}

/// One decision, dated; a later one (an appeal, a pending case decided) supersedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuthorityDecision {
    /// What was decided.
    pub decision: Decision,
    /// When.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: jiff::civil::Date,
    /// By whom.
    pub decided_by: DecidedBy,
}

/// One referral of one case, from its suggestion on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralTrack {
    /// The kind of service.
    pub category: String,
    /// Every step so far, oldest first.
    pub steps: Vec<Step>,
    /// For a referral to the national referral mechanism: the authority's decisions, oldest
    /// first (tracks written before decisions were recorded have none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<AuthorityDecision>,
}

/// Why a step was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TrackError {
    /// The step does not follow the referral's status.
    #[error("a referral cannot go from `{from}` to `{to}`; next can be: {allowed}")]
    Order {
        /// The status now.
        from: &'static str,
        /// The step asked for.
        to: &'static str,
        /// The steps that may follow, listed.
        allowed: String,
    },
    /// A refusal or a failure without its reason.
    #[error("`{0}` needs a reason")]
    Reason(&'static str),
    /// Only the national referral mechanism decides whether a person is a victim.
    #[error("only a referral to the national referral mechanism records an identification decision; this one is `{0}`")]
    NotNationalReferral(String),
    /// A decision needs the referral to have been made.
    #[error("the referral has not been made (it is `{0}`): record `accepted` first")]
    NotReferred(&'static str),
    /// The step is dated before the one it follows.
    #[error("the date {date} is before the previous step ({previous})")]
    Date {
        /// The step's date.
        date: jiff::civil::Date,
        /// The previous step's date.
        previous: jiff::civil::Date,
    },
}

impl ReferralTrack {
    /// A referral the screening suggested on `date`.
    pub fn suggested(category: &str, date: jiff::civil::Date) -> ReferralTrack {
        ReferralTrack {
            category: category.to_string(),
            steps: vec![Step {
                status: Status::Suggested,
                date,
                reason: None,
            }],
            decisions: Vec::new(),
        }
    }

    /// The latest identification decision, if any.
    pub fn decision(&self) -> Option<&AuthorityDecision> {
        self.decisions.last()
    }

    /// Whether an identification decision can be recorded on it: a referral to the national
    /// referral mechanism that was made (accepted, and not declined).
    pub fn accepts_decision(&self) -> Result<(), TrackError> {
        let nrm = fieldscreen_protocol::model::ReferralCategory::NationalReferralMechanism.name();
        if self.category != nrm {
            return Err(TrackError::NotNationalReferral(self.category.clone()));
        }
        let status = self.status();
        if matches!(status, Status::Suggested | Status::Offered | Status::Declined) {
            return Err(TrackError::NotReferred(status.name()));
        }
        Ok(())
    }

    /// Records the authority's decision on a referral to the national referral mechanism. The
    /// referral must have been made (accepted, and not declined), and the decision must not be
    /// dated before the referral's last step or the previous decision.
    pub fn decide(&mut self, decision: AuthorityDecision) -> Result<(), TrackError> {
        self.accepts_decision()?;
        let previous = self
            .steps
            .iter()
            .map(|s| s.date)
            .chain(self.decisions.iter().map(|d| d.date))
            .max();
        if let Some(previous) = previous
            && decision.date < previous
        {
            return Err(TrackError::Date {
                date: decision.date,
                previous,
            });
        }
        self.decisions.push(decision);
        Ok(())
    }

    /// Where it stands: its last step's status.
    pub fn status(&self) -> Status {
        self.steps.last().map_or(Status::Suggested, |s| s.status)
    }

    /// Adds a step: it must follow the status, carry a reason where one is needed, and not be
    /// dated before the last step.
    pub fn record(
        &mut self,
        status: Status,
        date: jiff::civil::Date,
        reason: Option<String>,
    ) -> Result<(), TrackError> {
        let from = self.status();
        if !from.next().contains(&status) {
            let allowed: Vec<&str> = from.next().iter().map(|s| s.name()).collect();
            return Err(TrackError::Order {
                from: from.name(),
                to: status.name(),
                allowed: if allowed.is_empty() {
                    "nothing, it is closed".into()
                } else {
                    allowed.join(", ")
                },
            });
        }
        let reason = reason.map(|r| r.trim().to_string()).filter(|r| !r.is_empty());
        if status.needs_reason() && reason.is_none() {
            return Err(TrackError::Reason(status.name()));
        }
        if let Some(previous) = self.steps.last().map(|s| s.date)
            && date < previous
        {
            return Err(TrackError::Date { date, previous });
        }
        self.steps.push(Step { status, date, reason });
        Ok(())
    }
}
