//! `fieldscreen cases referral`: moves one referral of a case a step on (offered, accepted,
//! declined, contacted, service received or not), dated, with a reason where one is needed.

use crate::cases_cmd::resolve;
use crate::sources::Sources;
use anyhow::{Result, bail};
use fieldscreen_catalog::load;
use fieldscreen_report::{ReferralTrack, Status};
use fieldscreen_vault::{Vault, resume_session};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// The case's tracked referrals, by referral id.
pub fn tracked(vault: &Vault, case_id: &str) -> Result<BTreeMap<String, ReferralTrack>> {
    Ok(fieldscreen_report::tracked_referrals(vault, case_id)?)
}

pub struct Step {
    pub case: String,
    pub referral: String,
    pub status: String,
    pub reason: Option<String>,
    pub date: Option<Date>,
}

pub fn record(vault: &mut Vault, src: &Sources, step: Step, today: Date) -> Result<ExitCode> {
    let id = resolve(vault, &step.case)?;
    let Some(status) = Status::parse(&step.status) else {
        let known: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
        bail!("unknown status `{}`; one of: {}", step.status, known.join(", "));
    };
    let meta = vault.load_case(&id)?.meta()?;
    let loaded = load(&src.find(&meta.protocol_id)?, &src.app, Some(today))?;
    let mut track = match tracked(vault, &id)?.remove(&step.referral) {
        Some(t) => t,
        None => {
            // A referral the protocol knows, suggested or not: the interviewer may refer
            // further than the rules suggested.
            let Some(r) = loaded.protocol.referrals.iter().find(|r| r.id == step.referral) else {
                let known: Vec<&str> = loaded.protocol.referrals.iter().map(|r| r.id.as_str()).collect();
                bail!(
                    "`{}` has no referral `{}`; known: {}",
                    meta.protocol_id,
                    step.referral,
                    known.join(", ")
                );
            };
            let (session, _) = resume_session(vault, &id, loaded.protocol.clone())?;
            let suggested_on = meta.created_at.get(..10).and_then(|d| d.parse().ok()).unwrap_or(today);
            if session.outcome(today).is_none() {
                bail!("case {id} has no outcome yet: finish or stop the interview first");
            }
            ReferralTrack::suggested(r.category.name(), suggested_on)
        }
    };
    track.record(status, step.date.unwrap_or(today), step.reason)?;
    vault.set_referral(&id, &step.referral, &serde_json::to_string(&track)?)?;
    vault.record_action("referral", Some(&id))?;
    println!("{} {}: {}", &id[..8.min(id.len())], step.referral, status.name());
    Ok(ExitCode::SUCCESS)
}
