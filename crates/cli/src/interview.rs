//! `fieldscreen interview`: one screening in the terminal, typed or scripted. Nothing is stored:
//! the encrypted vault is a separate component.

use crate::input::{self, Input};
use crate::render::Screen;
use crate::script::{Feed, Missing, Unlisted};
use crate::sources::Sources;
use crate::{cases_cmd, passphrase, vault_cmd};
use anyhow::{Context, Result};
use fieldscreen_catalog::{Interview, load, load_interview};
use fieldscreen_protocol::engine::Step;
use fieldscreen_protocol::{AnswerError, EndReason, Session, State, StoppedBy};
use fieldscreen_vault::{CaseMeta, Recorder, resume_session};
use jiff::civil::Date;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(clap::Args)]
pub struct Args {
    /// Protocol id, e.g. adult-trafficking.
    #[arg(long, required_unless_present = "resume")]
    protocol: Option<String>,
    /// Continue an interrupted interview (case id or a unique prefix).
    #[arg(long, conflicts_with_all = ["protocol", "practice"])]
    resume: Option<String>,
    /// Practice: run the interview without storing anything.
    #[arg(long)]
    practice: bool,
    /// After each answer is on disk, print `ack QUESTION` on stderr (for crash tests).
    #[arg(long, hide = true)]
    print_acks: bool,
    /// The interviewer's language (BCP 47).
    #[arg(long, default_value = "en")]
    lang: String,
    /// The respondent's language, shown beside the interviewer's.
    #[arg(long)]
    respondent_lang: Option<String>,
    /// Read answers from this file instead of the keyboard: one per line in the order asked, or
    /// keyed by question id (`age: 30`, `sector: construction`) in any order.
    #[arg(long)]
    answers: Option<PathBuf>,
    /// With a keyed answers file: skip every question the file does not name (without it, a
    /// question the file does not name ends the run with exit code 3).
    #[arg(long, value_enum, requires = "answers")]
    unlisted: Option<Unlisted>,
    /// Print the outcome as JSON on stdout (prompts then go to stderr).
    #[arg(long)]
    json: bool,
}

/// Exit codes a script can rely on.
const EXIT_BAD_INPUT: u8 = 2;
const EXIT_INPUT_ENDED: u8 = 3;

pub fn run(src: &Sources, args: &Args, today: Date, vault_dir: &Path, pass: passphrase::Source) -> Result<ExitCode> {
    let mut vault = if args.practice {
        None
    } else {
        Some(vault_cmd::open(vault_dir, pass)?)
    };
    let (interview, mut session, resumed) = match (&args.resume, &vault) {
        (Some(wanted), Some(v)) => {
            let id = cases_cmd::resolve(v, wanted)?;
            let meta = v.load_case(&id)?.meta()?;
            let main = load(&src.find(&meta.protocol_id)?, &src.app, Some(today))?;
            let (session, dropped) = resume_session(v, &id, main.protocol.clone())?;
            (Interview::of_stored_case(main), session, Some((id, meta, dropped)))
        }
        _ => {
            let id = args.protocol.as_deref().context("--protocol is required")?;
            let interview = load_interview(&src.find(id)?, |c| src.find(c).ok(), &src.app, Some(today))?;
            let session = interview.start();
            (interview, session, None)
        }
    };
    let loaded = &interview.main;
    let lang = match &resumed {
        Some((_, meta, _)) if args.lang == "en" => meta.interviewer_lang.clone(),
        _ => args.lang.clone(),
    };
    let respondent = args
        .respondent_lang
        .clone()
        .or_else(|| resumed.as_ref().and_then(|(_, m, _)| m.respondent_lang.clone()));
    let mut screen = Screen::new(interview.running(&session), &lang, respondent.as_deref())?;
    let mut prompt: Box<dyn Write> = if args.json {
        Box::new(std::io::stderr())
    } else {
        Box::new(std::io::stdout())
    };
    let mut recorder = match (vault.is_some(), resumed) {
        (false, _) => {
            writeln!(prompt, "{}", screen.cli("cli-practice", &[]))?;
            None
        }
        (true, Some((id, meta, dropped))) => {
            writeln!(prompt, "{}", screen.cli("cli-case-resumed", &[("id", id.clone())]))?;
            if !dropped.is_empty() {
                writeln!(
                    prompt,
                    "{}",
                    screen.cli("cli-resume-dropped", &[("ids", dropped.join(", "))])
                )?;
            }
            Some(Recorder::resume(meta, id, today))
        }
        (true, None) => {
            let meta = CaseMeta::for_protocol(&loaded.protocol, &lang, respondent.as_deref());
            Some(Recorder::new(meta, today))
        }
    };
    let mut feed = match &args.answers {
        Some(path) => {
            let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
            let known = |id: &str| known_question(&interview, id);
            match Feed::from_script(Box::new(std::io::BufReader::new(file)), args.unlisted, &known) {
                Ok(feed) => feed,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    return Ok(ExitCode::from(EXIT_BAD_INPUT));
                }
            }
        }
        None => Feed::keyboard(Box::new(std::io::stdin().lock())),
    };
    let scripted = args.answers.is_some() || !std::io::stdin().is_terminal();
    tracing::info!(protocol = %loaded.protocol.header.id, scripted, "interview started");
    // Saves what the last command changed, before the next question is shown.
    let mut save =
        |session: &Session, changed: Option<usize>, screen: &Screen<'_>, prompt: &mut Box<dyn Write>| -> Result<()> {
            let (Some(r), Some(v)) = (recorder.as_mut(), vault.as_mut()) else {
                return Ok(());
            };
            let had_case = r.case_id().is_some();
            r.after(v, session, changed)
                .context("the answer could not be saved; it was NOT recorded")?;
            if let (false, Some(id)) = (had_case, r.case_id()) {
                writeln!(prompt, "{}", screen.cli("cli-case-started", &[("id", id.to_string())]))?;
            }
            if args.print_acks && r.case_id().is_some() {
                let p = session.protocol();
                let acked: Vec<usize> = if had_case {
                    changed.into_iter().collect()
                } else {
                    (0..p.questions.len())
                        .filter(|i| session.answer_of(*i).is_some())
                        .collect()
                };
                for q in acked {
                    // One write per line: a pipe write this short is atomic, so a reader never sees
                    // half an acknowledgement.
                    let line = format!("ack {} {}\n", r.case_id().unwrap_or("-"), p.questions[q].id);
                    std::io::stderr().write_all(line.as_bytes())?;
                }
            }
            Ok(())
        };

    let mut last_section = None;
    let mut input_ended = false;
    loop {
        let q = match session.state() {
            State::Ended(_) => break,
            State::Completed => {
                write!(prompt, "\n{}\n> ", screen.cli("cli-completed-prompt", &[]))?;
                prompt.flush()?;
                let Some(line) = feed.at_completion()? else {
                    break;
                };
                if line.text.trim().is_empty() {
                    break;
                }
                match input::parse(&line.text, &fieldscreen_protocol::Kind::Note) {
                    Ok(Input::Back) => {
                        session.back();
                    }
                    Ok(Input::Override { level, reason }) => {
                        if session.set_override(level, &reason).is_err() {
                            writeln!(prompt, "{}", screen.cli("cli-override-needs-reason", &[]))?;
                        }
                    }
                    _ => break,
                }
                save(&session, None, &screen, &mut prompt)?;
                continue;
            }
            State::InProgress => match session.current() {
                Some(q) => q.clone(),
                None => break,
            },
        };
        let first = last_section != Some(q.section);
        last_section = Some(q.section);
        write!(prompt, "{}", screen.question(&session, &q, first))?;
        prompt.flush()?;
        let line = match feed.line_for(&q.id)? {
            Ok(line) => line,
            Err(missing) => {
                if let Missing::Unnamed(id) = missing {
                    eprintln!("{}", screen.cli("cli-script-missing", &[("question", id)]));
                }
                // An interruption, not a decision to stop: the case stays open for --resume.
                input_ended = true;
                break;
            }
        };
        let line_no = line.number;
        let at = session.current_index();
        if scripted {
            writeln!(prompt)?;
        }
        let (problem, changed): (Option<String>, Option<usize>) = match input::parse(&line.text, &q.kind) {
            Err(inv) => (Some(screen.cli(inv.key, &[])), None),
            Ok(Input::Back) => ((!session.back()).then(|| screen.cli("cli-at-start", &[])), None),
            Ok(Input::Skip) => match session.skip() {
                Ok(_) => (None, at),
                Err(e) => (Some(error_text(&screen, &e)), None),
            },
            Ok(Input::Stop) => {
                session.stop(StoppedBy::Respondent);
                (None, None)
            }
            Ok(Input::Override { level, reason }) => (
                session
                    .set_override(level, &reason)
                    .err()
                    .map(|_| screen.cli("cli-override-needs-reason", &[])),
                None,
            ),
            Ok(Input::Answer(a)) => match session.answer(a) {
                Ok(Step::Question(_) | Step::Finished(_)) => (None, at),
                Err(e) => (Some(error_text(&screen, &e)), None),
            },
        };
        if problem.is_none() {
            // The age gate moved a child to the protocol's child branch (or back): from here on
            // the questions are that protocol's, in its own words.
            if !Arc::ptr_eq(&screen.loaded().protocol, session.protocol_arc()) {
                screen = Screen::new(interview.running(&session), &lang, respondent.as_deref())?;
                writeln!(
                    prompt,
                    "{}",
                    screen.cli("cli-switched-protocol", &[("protocol", screen.protocol_title())])
                )?;
                last_section = None;
            }
            save(&session, changed, &screen, &mut prompt)?;
        }
        if let Some(message) = problem {
            writeln!(prompt, "   !! {message}")?;
            if scripted {
                eprintln!(
                    "{}",
                    screen.cli(
                        "cli-script-stopped",
                        &[("line", line_no.to_string()), ("question", q.id.clone())]
                    )
                );
                return Ok(ExitCode::from(EXIT_BAD_INPUT));
            }
            // Show the same question again with its section header.
            last_section = None;
        }
    }
    tracing::info!(state = ?session.state(), "interview ended");

    match session.outcome(today) {
        None => {
            writeln!(prompt, "\n{}", screen.cli("cli-consent-refused", &[]))?;
            if args.json {
                println!("{}", serde_json::json!({ "state": session.state() }));
            }
        }
        Some(outcome) => {
            if args.json {
                println!("{}", serde_json::to_string_pretty(&outcome)?);
            } else {
                if let State::Ended(EndReason::PostponedForSafety) = session.state() {
                    println!("\n{}", screen.cli("cli-postponed", &[]));
                }
                print!("{}", screen.outcome(&session, &outcome));
            }
        }
    }
    if let Some(report) = screen.fallback_report() {
        writeln!(prompt, "\n{report}")?;
    }
    if input_ended {
        let case = recorder
            .as_ref()
            .and_then(|r| r.case_id().map(str::to_string))
            .unwrap_or_default();
        eprintln!("{}", screen.cli("cli-input-ended", &[("case", case)]));
        return Ok(ExitCode::from(EXIT_INPUT_ENDED));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a keyed script may name `id`: a question of the protocol or of its child branch.
fn known_question(interview: &Interview, id: &str) -> Result<(), String> {
    let protocols: Vec<&fieldscreen_protocol::Protocol> = std::iter::once(&interview.main)
        .chain(interview.child.as_ref())
        .map(|l| l.protocol.as_ref())
        .collect();
    if protocols.iter().any(|p| p.question_index(id).is_some()) {
        return Ok(());
    }
    let ids = protocols.iter().flat_map(|p| p.questions.iter().map(|q| q.id.as_str()));
    Err(fieldscreen_protocol::diagnostic::did_you_mean(id, ids)
        .map(|h| format!(" ({h})"))
        .unwrap_or_default())
}

fn error_text(screen: &Screen<'_>, e: &AnswerError) -> String {
    match e {
        AnswerError::Required { .. } => screen.cli("cli-error-required", &[]),
        AnswerError::OutOfRange { min, max, .. } => {
            screen.cli("cli-hint-number", &[("min", min.to_string()), ("max", max.to_string())])
        }
        AnswerError::Constraint { message_key, .. } => screen.interviewer(message_key),
        AnswerError::UnknownChoice { .. } => screen.cli("cli-invalid-choice", &[]),
        AnswerError::BadCountry { .. } => screen.cli("cli-hint-country", &[]),
        AnswerError::BadLanguage { .. } => screen.cli("cli-hint-language", &[]),
        AnswerError::WrongType { .. } => screen.cli("cli-invalid-answer", &[]),
        AnswerError::Ended | AnswerError::NotReachable(_) => screen.cli("cli-error-ended", &[]),
    }
}
