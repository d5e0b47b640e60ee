//! `fieldscreen interview`: one screening in the terminal, typed or scripted. Nothing is stored:
//! the encrypted vault is a separate component.

use crate::input::{self, Input};
use crate::render::Screen;
use crate::sources::Sources;
use anyhow::{Context, Result};
use fieldscreen_catalog::load;
use fieldscreen_protocol::engine::Step;
use fieldscreen_protocol::{AnswerError, EndReason, Session, State, StoppedBy};
use jiff::civil::Date;
use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Protocol id, e.g. adult-trafficking.
    #[arg(long)]
    protocol: String,
    /// The interviewer's language (BCP 47).
    #[arg(long, default_value = "en")]
    lang: String,
    /// The respondent's language, shown beside the interviewer's.
    #[arg(long)]
    respondent_lang: Option<String>,
    /// Read answers from this file, one per line, instead of the keyboard.
    #[arg(long)]
    answers: Option<PathBuf>,
    /// Print the outcome as JSON on stdout (prompts then go to stderr).
    #[arg(long)]
    json: bool,
}

/// Exit codes a script can rely on.
const EXIT_BAD_INPUT: u8 = 2;
const EXIT_INPUT_ENDED: u8 = 3;

pub fn run(src: &Sources, args: &Args, today: Date) -> Result<ExitCode> {
    let loaded = load(&src.find(&args.protocol)?, &src.app, Some(today))?;
    let screen = Screen::new(&loaded, &args.lang, args.respondent_lang.as_deref())?;
    let mut reader: Box<dyn BufRead> = match &args.answers {
        Some(path) => Box::new(std::io::BufReader::new(
            std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?,
        )),
        None => Box::new(std::io::stdin().lock()),
    };
    let scripted = args.answers.is_some() || !std::io::stdin().is_terminal();
    let mut prompt: Box<dyn Write> = if args.json {
        Box::new(std::io::stderr())
    } else {
        Box::new(std::io::stdout())
    };
    let mut session = Session::new(loaded.protocol.clone());
    session.start();
    tracing::info!(protocol = %loaded.protocol.header.id, scripted, "interview started");

    let mut last_section = None;
    let mut line_no = 0usize;
    let mut input_ended = false;
    loop {
        let q = match session.state() {
            State::Ended(_) => break,
            State::Completed => {
                write!(prompt, "\n{}\n> ", screen.cli("cli-completed-prompt", &[]))?;
                prompt.flush()?;
                let Some(line) = read_line(&mut reader, &mut line_no)? else {
                    break;
                };
                if line.trim().is_empty() {
                    break;
                }
                match input::parse(&line, &fieldscreen_protocol::Kind::Note) {
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
        let Some(line) = read_line(&mut reader, &mut line_no)? else {
            input_ended = true;
            session.stop(StoppedBy::Interviewer);
            break;
        };
        if scripted {
            writeln!(prompt)?;
        }
        let problem: Option<String> = match input::parse(&line, &q.kind) {
            Err(inv) => Some(screen.cli(inv.key, &[])),
            Ok(Input::Back) => (!session.back()).then(|| screen.cli("cli-at-start", &[])),
            Ok(Input::Skip) => session.skip().err().map(|e| error_text(&screen, &e)),
            Ok(Input::Stop) => {
                session.stop(StoppedBy::Respondent);
                None
            }
            Ok(Input::Override { level, reason }) => session
                .set_override(level, &reason)
                .err()
                .map(|_| screen.cli("cli-override-needs-reason", &[])),
            Ok(Input::Answer(a)) => match session.answer(a) {
                Ok(Step::Question(_) | Step::Finished(_)) => None,
                Err(e) => Some(error_text(&screen, &e)),
            },
        };
        if let Some(message) = problem {
            writeln!(prompt, "   !! {message}")?;
            if scripted {
                eprintln!("{}", screen.cli("cli-script-stopped", &[("line", line_no.to_string())]));
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
        eprintln!("{}", screen.cli("cli-input-ended", &[]));
        return Ok(ExitCode::from(EXIT_INPUT_ENDED));
    }
    Ok(ExitCode::SUCCESS)
}

fn read_line(reader: &mut dyn BufRead, line_no: &mut usize) -> Result<Option<String>> {
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        *line_no += 1;
        // Comment lines let answer scripts explain themselves.
        if line.starts_with('#') {
            continue;
        }
        return Ok(Some(line.trim_end_matches(['\n', '\r']).to_string()));
    }
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
