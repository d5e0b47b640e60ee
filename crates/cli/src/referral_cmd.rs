//! `fieldscreen cases referral`: moves one referral of a case a step on (offered, accepted,
//! declined, contacted, service received or not), dated, with a reason where one is needed.

use crate::cases_cmd::resolve;
use anyhow::{Result, bail};
use fieldscreen_catalog::Catalog;
use fieldscreen_report::{ReferralTrack, Status};
use fieldscreen_vault::Vault;
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

pub fn record(vault: &mut Vault, catalog: &Catalog, step: Step, today: Date) -> Result<ExitCode> {
    let id = resolve(vault, &step.case)?;
    let Some(status) = Status::parse(&step.status) else {
        let known: Vec<&str> = Status::ALL.iter().map(|s| s.name()).collect();
        bail!("unknown status `{}`; one of: {}", step.status, known.join(", "));
    };
    let meta = vault.load_case(&id)?.meta()?;
    let loaded = catalog.load(&meta.protocol_id, Some(today))?;
    fieldscreen_report::move_referral(
        vault,
        &id,
        &loaded.protocol,
        &step.referral,
        status,
        step.date.unwrap_or(today),
        step.reason,
    )?;
    println!("{} {}: {}", &id[..8.min(id.len())], step.referral, status.name());
    Ok(ExitCode::SUCCESS)
}

pub struct Decided {
    pub case: String,
    pub referral: String,
    pub decision: String,
    pub by: String,
    pub date: Option<Date>,
}

/// Records the authority's identification decision on a referral to the national referral
/// mechanism.
pub fn decide(vault: &mut Vault, d: Decided, today: Date) -> Result<ExitCode> {
    use fieldscreen_report::{AuthorityDecision, DecidedBy, Decision};
    let id = resolve(vault, &d.case)?;
    let Some(decision) = Decision::parse(&d.decision) else {
        let known: Vec<&str> = Decision::ALL.iter().map(|s| s.name()).collect();
        bail!("unknown decision `{}`; one of: {}", d.decision, known.join(", "));
    };
    let Some(decided_by) = DecidedBy::parse(&d.by) else {
        let known: Vec<&str> = DecidedBy::ALL.iter().map(|s| s.name()).collect();
        bail!("unknown decision maker `{}`; one of: {}", d.by, known.join(", "));
    };
    let decision = AuthorityDecision {
        decision,
        date: d.date.unwrap_or(today),
        decided_by,
    };
    fieldscreen_report::decide_referral(vault, &id, &d.referral, decision)?;
    println!(
        "{} {}: {} by {}",
        &id[..8.min(id.len())],
        d.referral,
        decision.decision.name(),
        decision.decided_by.name()
    );
    Ok(ExitCode::SUCCESS)
}
