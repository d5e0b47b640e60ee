//! `fieldscreen team …`, `fieldscreen sync [export|import]`, `fieldscreen cases conflicts|resolve`.

use crate::cases_cmd::resolve;
use crate::sources::Sources;
use crate::texts::Texts;
use anyhow::{Context, Result, bail};
use fieldscreen_catalog::load;
use fieldscreen_protocol::Protocol;
use fieldscreen_sync::{Enrolment, HttpRelay, Progress, Team, bundle, sync};
use fieldscreen_vault::{CaseDoc, CaseIndex, Vault, case_index, index_of_doc, resume_session};
use jiff::civil::Date;
use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// A merged case's listing, through its protocol when it is installed here.
fn indexer<'a>(src: &'a Sources, today: Date) -> impl FnMut(&CaseDoc) -> Option<CaseIndex> + 'a {
    let mut cache: HashMap<String, Option<Arc<Protocol>>> = HashMap::new();
    move |doc: &CaseDoc| {
        let id = doc.meta().ok()?.protocol_id;
        let protocol = cache
            .entry(id.clone())
            .or_insert_with(|| {
                let source = src.find(&id).ok()?;
                load(&source, &src.app, Some(today)).ok().map(|l| l.protocol)
            })
            .clone();
        index_of_doc(doc, protocol, today)
    }
}

pub fn create(vault: &mut Vault, relay: &str, create_secret: Option<&str>, t: &Texts) -> Result<ExitCode> {
    if let Some(existing) = Team::load(vault)? {
        bail!("this device is already in team {}", existing.team_id);
    }
    let team = Team::new(relay)?;
    HttpRelay::new(&team)
        .create_team(&team.token, create_secret)
        .context("registering the team with the relay")?;
    team.save(vault)?;
    vault.record_action("team-created", None)?;
    println!(
        "{}",
        t.t(
            "cli-team-created",
            &[("team", team.team_id.clone()), ("relay", team.relay.clone())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn invite(vault: &mut Vault, qr: Option<&Path>, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    let enrolment = team.invite()?;
    HttpRelay::new(&team)
        .add_device(&enrolment.device_id, &enrolment.token)
        .context("registering the new device with the relay")?;
    // The newcomer must be able to get every case even if the relay has compacted its log.
    vault.resend_everything()?;
    vault.record_action(&format!("device-invited {}", enrolment.device_id), None)?;
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
    let team = Team::from_enrolment(Enrolment::parse(&code)?);
    team.save(vault)?;
    vault.record_action("team-joined", None)?;
    println!(
        "{}",
        t.t(
            "cli-team-joined",
            &[("team", team.team_id.clone()), ("device", team.device_id.clone())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn revoke(vault: &mut Vault, device: &str, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    HttpRelay::new(&team).revoke_device(device)?;
    vault.record_action(&format!("device-revoked {device}"), None)?;
    println!("{}", t.t("cli-team-revoked", &[("device", device.to_string())]));
    Ok(ExitCode::SUCCESS)
}

pub fn show(vault: &Vault, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    let last = vault
        .sync_value(fieldscreen_sync::LAST_SYNCED)?
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_else(|| "-".into());
    let pending = vault.unsent_count()? + vault.outbox()?.len();
    println!(
        "{}",
        t.t(
            "cli-team-show",
            &[
                ("team", team.team_id),
                ("device", team.device_id),
                ("relay", team.relay),
                ("role", if team.admin { "admin" } else { "member" }.into()),
                ("last", last),
                ("pending", pending.to_string()),
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
    vault.record_action(
        &format!(
            "sync (sent {}, received {})",
            report.batches_sent, report.batches_received
        ),
        None,
    )?;
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
    let conflicted = conflicts_of(vault)?.len();
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

fn conflicts_of(vault: &Vault) -> Result<Vec<(String, String, Vec<String>)>> {
    let mut out = Vec::new();
    for c in vault.list_cases(&fieldscreen_vault::CaseFilter::default())? {
        for (q, values) in vault.load_case(&c.id)?.conflicts()? {
            let shown = values
                .iter()
                .map(|v| serde_json::to_string(v).unwrap_or_default())
                .collect();
            out.push((c.id.clone(), q, shown));
        }
    }
    Ok(out)
}

/// Answers given differently on two devices, each value numbered for `cases resolve`.
pub fn conflicts(vault: &Vault, json: bool) -> Result<ExitCode> {
    let all = conflicts_of(vault)?;
    if json {
        let v: Vec<serde_json::Value> = all
            .iter()
            .map(|(id, q, values)| serde_json::json!({ "case": id, "question": q, "values": values }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(ExitCode::SUCCESS);
    }
    for (id, q, values) in &all {
        println!("{id}  {q}");
        for (n, v) in values.iter().enumerate() {
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
    let doc = vault.load_case(&id)?;
    let Some((_, values)) = doc.conflicts()?.into_iter().find(|(q, _)| q == question) else {
        bail!("case {id} has no conflicting answer to `{question}`");
    };
    let Some(chosen) = keep.checked_sub(1).and_then(|i| values.get(i)).cloned() else {
        bail!("choose one of 1..={} with --keep", values.len());
    };
    let meta = doc.meta()?;
    let listing = src
        .find(&meta.protocol_id)
        .ok()
        .and_then(|s| load(&s, &src.app, Some(today)).ok())
        .and_then(|l| resume_session(vault, &id, l.protocol).ok())
        .map(|(s, _)| case_index(&s, today));
    let listing = match listing {
        Some(l) => l,
        None => index_of_doc(&doc, None, today).unwrap_or_default(),
    };
    vault.update_case(&id, &format!("resolve {question}"), &listing, |d| {
        d.set_answer(question, Some(&chosen))
    })?;
    vault.record_action(&format!("conflict-resolved {question}"), Some(&id))?;
    println!(
        "{}",
        t.t(
            "cli-conflict-resolved",
            &[("question", question.to_string()), ("id", id)]
        )
    );
    Ok(ExitCode::SUCCESS)
}
