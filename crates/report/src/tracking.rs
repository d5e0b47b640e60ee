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

/// One referral of one case, from its suggestion on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReferralTrack {
    /// The kind of service.
    pub category: String,
    /// Every step so far, oldest first.
    pub steps: Vec<Step>,
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
        }
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
