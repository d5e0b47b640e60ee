//! `fieldscreen team …`, `fieldscreen sync [export|import]`, `fieldscreen cases conflicts|resolve`.

use crate::cases_cmd::resolve;
use crate::texts::Texts;
use anyhow::{Context, Result};
use fieldscreen_catalog::Catalog;
use fieldscreen_sync::membership::{self, JoinState};
use fieldscreen_sync::{HttpRelay, Progress, Team, bundle, conflicts, sync};
use fieldscreen_vault::{CaseDoc, CaseIndex, Vault};
use jiff::civil::Date;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use zeroize::Zeroizing;

/// A merged case's listing, through its protocol when it is installed here.
fn indexer(catalog: &Catalog, today: Date) -> impl FnMut(&CaseDoc) -> Option<CaseIndex> + '_ {
    fieldscreen_vault::indexer(move |id: &str| catalog.protocol(id, Some(today)), today)
}

pub struct CreateArgs<'a> {
    pub relay: &'a str,
    pub name: &'a str,
    pub device_name: Option<&'a str>,
    pub create_secret: Option<&'a str>,
}

pub fn create(vault: &mut Vault, args: &CreateArgs<'_>, t: &Texts) -> Result<ExitCode> {
    let team = membership::create_team(vault, args.relay, args.name, args.device_name, args.create_secret)
        .context("creating the team")?;
    println!(
        "{}",
        t.t(
            "cli-team-created",
            &[
                ("name", team.state.team_name.clone()),
                ("team", team.team_id.clone()),
                ("relay", team.relay.clone())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn invite(vault: &mut Vault, qr: Option<&Path>, minutes: u64, t: &Texts) -> Result<ExitCode> {
    let inv = membership::invite(vault, minutes.saturating_mul(60)).context("inviting a device")?;
    if let Some(path) = qr {
        let svg = inv.qr.as_ref().context("the code does not fit a QR code")?;
        std::fs::write(path, svg).with_context(|| format!("writing {}", path.display()))?;
    }
    let until = jiff::Timestamp::from_second(inv.expires_at).map_or_else(|_| "-".into(), |ts| ts.to_string());
    eprintln!(
        "{}",
        t.t(
            "cli-team-invite",
            &[
                ("id", inv.id.clone()),
                ("minutes", (inv.ttl_seconds / 60).to_string()),
                ("until", until)
            ]
        )
    );
    println!("{}", inv.code.as_str());
    Ok(ExitCode::SUCCESS)
}

pub struct JoinArgs<'a> {
    pub code_file: Option<&'a Path>,
    pub device_name: Option<&'a str>,
    /// `Some(true)`: --send-cases; `Some(false)`: --keep-cases; `None`: ask (keep if nobody can answer).
    pub send_cases: Option<bool>,
    pub wait: bool,
}

/// The code is a secret: read from a file or typed (without echo), never a command argument.
/// Before anything is sent the person sees the relay's host and the team's name, and says
/// whether the cases already here go to the team (by default they stay).
pub fn join(vault: &mut Vault, args: &JoinArgs<'_>, t: &Texts) -> Result<ExitCode> {
    let code = match args.code_file {
        Some(p) => Zeroizing::new(std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?),
        None if std::io::stdin().is_terminal() => {
            Zeroizing::new(rpassword::prompt_password(t.t("cli-team-code-prompt", &[]))?)
        }
        None => {
            let mut s = Zeroizing::new(String::new());
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let preview = membership::preview_join(&code)?;
    eprintln!(
        "{}",
        t.t(
            "cli-team-join-preview",
            &[
                ("host", preview.relay_host.clone()),
                ("name", preview.team_name.clone()),
                ("inviter", preview.inviter_name.clone())
            ]
        )
    );
    let count = vault.list_cases(&Default::default())?.len();
    let send = match args.send_cases {
        Some(send) => send,
        None if count == 0 => false,
        // A code piped in on stdin leaves nobody to ask: the cases stay.
        None if std::io::stdin().is_terminal() => {
            eprint!("{} ", t.t("cli-team-join-send-prompt", &[("count", count.to_string())]));
            std::io::stderr().flush()?;
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line)?;
            line.trim() == "yes"
        }
        None => false,
    };
    if !send && count > 0 {
        eprintln!("{}", t.t("cli-team-join-kept", &[("count", count.to_string())]));
    }
    let pending = membership::request_join(vault, &code, args.device_name, send)?;
    println!(
        "{}",
        t.t("cli-team-join-requested", &[("code", pending.comparison.clone())])
    );
    if pending.nth > 1 {
        eprintln!("{}", t.t("cli-team-join-others", &[("count", pending.nth.to_string())]));
    }
    if !args.wait {
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!("{}", t.t("cli-team-waiting", &[]));
    wait(vault, false, t)
}

/// Finishes a pending join: asks the relay every few seconds until the admin decides (or once).
pub fn wait(vault: &mut Vault, once: bool, t: &Texts) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    loop {
        match membership::finish_join(vault)? {
            JoinState::Joined { team_id, team_name } => {
                let device = fieldscreen_sync::device_keys(vault)?.device_id();
                println!(
                    "{}",
                    t.t(
                        "cli-team-joined",
                        &[("name", team_name), ("team", team_id), ("device", device)]
                    )
                );
                return Ok(ExitCode::SUCCESS);
            }
            JoinState::Refused => {
                println!("{}", t.t("cli-team-join-refused", &[]));
                return Ok(ExitCode::FAILURE);
            }
            JoinState::NotJoining => {
                println!("{}", t.t("cli-team-no-join", &[]));
                return Ok(ExitCode::FAILURE);
            }
            JoinState::Pending { comparison, .. } => {
                // An invitation lives 15 minutes by default and at most a day.
                if once || started.elapsed() > std::time::Duration::from_secs(fieldscreen_wire::MAX_INVITATION_SECONDS)
                {
                    println!("{}", t.t("cli-team-join-pending", &[("code", comparison)]));
                    return Ok(ExitCode::SUCCESS);
                }
                std::thread::sleep(std::time::Duration::from_secs(2));
            }
        }
    }
}

pub fn requests(vault: &mut Vault, json: bool, t: &Texts) -> Result<ExitCode> {
    let all = membership::requests(vault)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&all)?);
        return Ok(ExitCode::SUCCESS);
    }
    if all.is_empty() {
        println!("{}", t.t("cli-team-no-requests", &[]));
    }
    for r in &all {
        println!(
            "{}",
            t.t(
                "cli-team-request",
                &[
                    ("device", r.device.clone()),
                    ("name", r.name.clone()),
                    ("code", r.comparison.clone()),
                    ("invitation", r.invitation.clone())
                ]
            )
        );
        if r.on_invitation > 1 {
            println!(
                "    {}",
                t.t("cli-team-request-others", &[("count", r.on_invitation.to_string())])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn relay_devices(vault: &mut Vault, json: bool, t: &Texts) -> Result<ExitCode> {
    let all = membership::relay_devices(vault)?;
    if json {
        let rows: Vec<serde_json::Value> = all
            .iter()
            .map(|(d, name)| serde_json::json!({ "relay": d, "name": name }))
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
        return Ok(ExitCode::SUCCESS);
    }
    for (d, name) in &all {
        let state = match (d.revoked, d.used) {
            (true, _) => "revoked",
            (false, true) => "active",
            (false, false) => "not-come",
        };
        println!(
            "{}",
            t.t(
                "cli-team-relay-device",
                &[
                    ("device", d.device.clone()),
                    ("name", name.clone().unwrap_or_else(|| "-".into())),
                    ("state", state.into()),
                    ("acked", d.acked.to_string()),
                    ("seq", d.last_seq.to_string()),
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Approves the request whose comparison code is the one read from the new device's screen.
pub fn approve(vault: &mut Vault, code: &str, device: Option<&str>, t: &Texts) -> Result<ExitCode> {
    let device = membership::approve(vault, device, code)?;
    println!("{}", t.t("cli-team-approved", &[("device", device)]));
    Ok(ExitCode::SUCCESS)
}

pub fn refuse(vault: &mut Vault, device: &str, t: &Texts) -> Result<ExitCode> {
    membership::refuse(vault, device)?;
    println!("{}", t.t("cli-team-refused", &[("device", device.to_string())]));
    Ok(ExitCode::SUCCESS)
}

pub fn revoke(vault: &mut Vault, device: &str, t: &Texts) -> Result<ExitCode> {
    membership::revoke(vault, device)?;
    let epoch = Team::require(vault)?.state.epoch;
    println!(
        "{}",
        t.t(
            "cli-team-revoked",
            &[("device", device.to_string()), ("epoch", epoch.to_string())]
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn rotate(vault: &mut Vault, t: &Texts) -> Result<ExitCode> {
    let epoch = membership::rotate(vault)?;
    println!("{}", t.t("cli-team-rotated", &[("epoch", epoch.to_string())]));
    Ok(ExitCode::SUCCESS)
}

pub fn set_admin(vault: &mut Vault, device: &str, admin: bool, t: &Texts) -> Result<ExitCode> {
    membership::set_admin(vault, device, admin)?;
    let key = if admin {
        "cli-team-admin-added"
    } else {
        "cli-team-admin-removed"
    };
    println!("{}", t.t(key, &[("device", device.to_string())]));
    Ok(ExitCode::SUCCESS)
}

pub fn leave(vault: &mut Vault, yes: bool, t: &Texts) -> Result<ExitCode> {
    let team = membership::status(vault)?
        .team
        .map_or_else(|| "-".to_string(), |i| i.team_name);
    if !crate::cases_cmd::confirm(t, "cli-team-leave-confirm", &[("name", team)], yes)? {
        println!("{}", t.t("cli-nothing-done", &[]));
        return Ok(ExitCode::FAILURE);
    }
    membership::leave(vault)?;
    println!("{}", t.t("cli-team-left", &[]));
    Ok(ExitCode::SUCCESS)
}

pub fn show(vault: &mut Vault, json: bool, t: &Texts) -> Result<ExitCode> {
    let status = membership::status(vault)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&status)?);
        return Ok(ExitCode::SUCCESS);
    }
    if status.legacy {
        return Err(fieldscreen_sync::TeamError::Legacy.into());
    }
    let Some(team) = status.team else {
        if let Some(JoinState::Pending { comparison, .. }) = status.joining {
            println!("{}", t.t("cli-team-join-pending", &[("code", comparison)]));
            return Ok(ExitCode::SUCCESS);
        }
        return Err(fieldscreen_sync::TeamError::NoTeam.into());
    };
    println!(
        "{}",
        t.t(
            "cli-team-show",
            &[
                ("name", team.team_name.clone()),
                ("team", team.team_id.clone()),
                ("epoch", team.epoch.to_string()),
                ("relay", team.relay.clone()),
                ("last", status.last_synced.unwrap_or_else(|| "-".into())),
                ("pending", status.pending.to_string()),
            ]
        )
    );
    if status.set_aside > 0 || status.missing > 0 {
        println!(
            "{}",
            t.t(
                "cli-team-log-trouble",
                &[
                    ("aside", status.set_aside.to_string()),
                    ("missing", status.missing.to_string()),
                ]
            )
        );
    }
    for m in &team.members {
        println!(
            "{}",
            t.t(
                "cli-team-member",
                &[
                    ("device", m.device.clone()),
                    ("role", m.role.as_str().into()),
                    ("name", m.name.clone()),
                    ("this", if m.this_device { "yes" } else { "no" }.into()),
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(vault: &mut Vault, catalog: &Catalog, today: Date, t: &Texts) -> Result<ExitCode> {
    if Team::load(vault)?.is_none() && fieldscreen_sync::Joining::load(vault)?.is_some() {
        let finished = wait(vault, true, t)?;
        if Team::load(vault)?.is_none() {
            return Ok(finished);
        }
    }
    let mut team = Team::require(vault)?;
    let mut relay = HttpRelay::new(&team);
    let mut index = indexer(catalog, today);
    let mut progress = |p: Progress| {
        if p.total > 0 {
            eprint!("\r{:?} {}/{}   ", p.stage, p.done, p.total);
        } else {
            eprint!("\r{:?} {}   ", p.stage, p.done);
        }
    };
    let report = sync(vault, &mut team, &mut relay, &mut index, &mut progress);
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
    for q in &report.set_aside {
        eprintln!(
            "{}",
            t.t(
                "cli-sync-set-aside",
                &[
                    ("pos", q.pos.to_string()),
                    ("seq", q.seq.to_string()),
                    ("device", q.device.clone()),
                    ("reason", q.reason.clone()),
                ]
            )
        );
    }
    for g in &report.gaps_open {
        eprintln!(
            "{}",
            t.t(
                "cli-sync-gap",
                &[("seq", g.seq.to_string()), ("device", g.device.clone())]
            )
        );
    }
    if report.troubled() {
        eprintln!("{}", t.t("cli-sync-troubled", &[]));
        return Ok(ExitCode::FAILURE);
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

pub fn import_bundle(vault: &mut Vault, catalog: &Catalog, file: &Path, today: Date, t: &Texts) -> Result<ExitCode> {
    let team = Team::require(vault)?;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let got = bundle::import(vault, &team, &bytes, &mut indexer(catalog, today))?;
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
    catalog: &Catalog,
    id: &str,
    question: &str,
    keep: usize,
    today: Date,
    t: &Texts,
) -> Result<ExitCode> {
    let id = resolve(vault, id)?;
    conflicts::resolve(vault, &id, question, keep, &mut indexer(catalog, today))?;
    println!(
        "{}",
        t.t(
            "cli-conflict-resolved",
            &[("question", question.to_string()), ("id", id)]
        )
    );
    Ok(ExitCode::SUCCESS)
}
