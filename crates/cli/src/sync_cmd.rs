//! `fieldscreen team …`, `fieldscreen sync [export|import]`, `fieldscreen cases conflicts|resolve`.

use crate::cases_cmd::resolve;
use crate::sources::Sources;
use crate::texts::Texts;
use anyhow::{Context, Result};
use fieldscreen_catalog::load;
use fieldscreen_sync::{HttpRelay, Progress, Team, bundle, conflicts, membership, sync};
use fieldscreen_vault::{CaseDoc, CaseIndex, Vault};
use jiff::civil::Date;
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

/// A merged case's listing, through its protocol when it is installed here.
fn indexer(src: &Sources, today: Date) -> impl FnMut(&CaseDoc) -> Option<CaseIndex> + '_ {
    fieldscreen_vault::indexer(
        move |id: &str| {
            let source = src.find(id).ok()?;
            load(&source, &src.app, Some(today)).ok().map(|l| l.protocol)
        },
        today,
    )
}

pub fn create(vault: &mut Vault, relay: &str, create_secret: Option<&str>, t: &Texts) -> Result<ExitCode> {
    let team = membership::create_team(vault, relay, create_secret).context("creating the team")?;
    println!(
        "{}",
        t.t("cli-team-created", &[("team", team.team_id), ("relay", team.relay)])
    );
    Ok(ExitCode::SUCCESS)
}

pub fn invite(vault: &mut Vault, qr: Option<&Path>, t: &Texts) -> Result<ExitCode> {
    let enrolment = membership::invite(vault).context("inviting a device")?;
    if let Some(path) = qr {
        let svg = enrolment.qr_svg().context("the code does not fit a QR code")?;
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
    }
    eprintln!("{}", t.t("cli-team-invite", &[("device", enrolment.device_id.clone())]));
    println!("{}", enrolment.code().as_str());
    Ok(ExitCode::SUCCESS)
}

/// The code is a secret: read from a file or typed (without echo), never a command argument.
pub fn join(vault: &mut Vault, code_file: Option<&Path>, t: &Texts) -> Result<ExitCode> {
    let code = match code_file {
        Some(p) => std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
        None if std::io::stdin().is_terminal() => rpassword::prompt_password(t.t("cli-team-code-prompt", &[]))?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let team = membership::join(vault, &code)?;
    println!(
        "{}",
        t.t("cli-team-joined", &[("team", team.team_id), ("device", team.device_id)])
    );
    Ok(ExitCode::SUCCESS)
}

pub fn revoke(vault: &mut Vault, device: &str, t: &Texts) -> Result<ExitCode> {
    membership::revoke(vault, device)?;
    println!("{}", t.t("cli-team-revoked", &[("device", device.to_string())]));
    Ok(ExitCode::SUCCESS)
}

pub fn show(vault: &Vault, t: &Texts) -> Result<ExitCode> {
    let status = membership::status(vault)?;
    let team = status.team.ok_or(fieldscreen_sync::TeamError::NoTeam)?;
    println!(
        "{}",
        t.t(
            "cli-team-show",
            &[
                ("team", team.team_id),
                ("device", team.device_id),
                ("relay", team.relay),
                ("role", if team.admin { "admin" } else { "member" }.into()),
                ("last", status.last_synced.unwrap_or_else(|| "-".into())),
                ("pending", status.pending.to_string()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run(vault: &mut Vault, src: &Sources, today: Date, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    let mut relay = HttpRelay::new(&team);
    let mut index = indexer(src, today);
    let mut progress = |p: Progress| {
        if p.total > 0 {
            eprint!("\r{:?} {}/{}   ", p.stage, p.done, p.total);
        } else {
            eprint!("\r{:?} {}   ", p.stage, p.done);
        }
    };
    let report = sync(vault, &team, &mut relay, &mut index, &mut progress);
    eprintln!();
    let report = report?;
    println!(
        "{}",
        t.t(
            "cli-synced",
            &[
                ("sent", report.batches_sent.to_string()),
                ("received", report.batches_received.to_string()),
                ("new", report.cases_new.to_string()),
                ("changed", report.cases_changed.to_string()),
            ]
        )
    );
    if report.cases_erased > 0 {
        println!(
            "{}",
            t.t("cli-sync-erased", &[("count", report.cases_erased.to_string())])
        );
    }
    let conflicted = conflicts::list(vault)?.len();
    if conflicted > 0 {
        println!("{}", t.t("cli-conflicts-waiting", &[("count", conflicted.to_string())]));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export_bundle(vault: &mut Vault, output: &Path, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    let (bytes, count) = bundle::export(vault, &team)?;
    let tmp = output.with_extension("partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, output)?;
    println!(
        "{}",
        t.t(
            "cli-bundle-written",
            &[("count", count.to_string()), ("target", output.display().to_string())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn import_bundle(vault: &mut Vault, src: &Sources, file: &Path, today: Date, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let got = bundle::import(vault, &team, &bytes, &mut indexer(src, today))?;
    println!(
        "{}",
        t.t(
            "cli-bundle-read",
            &[
                ("new", got.new_cases.to_string()),
                ("changed", got.changed_cases.to_string())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Answers given differently on two devices, each value numbered for `cases resolve`.
pub fn conflicts(vault: &Vault, json: bool) -> Result<ExitCode> {
    let all = conflicts::list(vault)?;
    let shown = |values: &[fieldscreen_protocol::Answer]| -> Vec<String> {
        values
            .iter()
            .map(|v| serde_json::to_string(v).unwrap_or_default())
            .collect()
    };
    if json {
        let v: Vec<serde_json::Value> = all
            .iter()
            .map(|c| serde_json::json!({ "case": c.case_id, "question": c.question, "values": shown(&c.values) }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    for c in &all {
        println!("{}  {}", c.case_id, c.question);
        for (n, v) in shown(&c.values).iter().enumerate() {
            println!("    {}) {v}", n + 1);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Keeps value `keep` (1-based, as `cases conflicts` numbers them) of a conflicting answer: an
/// explicit edit that replaces every value, recorded in the audit log.
pub fn resolve_conflict(
    vault: &mut Vault,
    src: &Sources,
    id: &str,
    question: &str,
    keep: usize,
    today: Date,
    t: &Texts,
) -> Result<ExitCode> {
    let id = resolve(vault, id)?;
    conflicts::resolve(vault, &id, question, keep, &mut indexer(src, today))?;
    println!(
        "{}",
        t.t(
            "cli-conflict-resolved",
            &[("question", question.to_string()), ("id", id)]
        )
    );
    Ok(ExitCode::SUCCESS)
}
