//! `fieldscreen interview`: one screening in the terminal, typed or scripted. Each answer is saved
//! in the vault (encrypted, through the same `Recorder` as the app) before the next question is
//! shown; with `--practice` nothing is stored.

use crate::input::{self, Input};
use crate::render::Screen;
use crate::script::{Feed, Missing, Unlisted};
use crate::{cases_cmd, passphrase, vault_cmd};
use anyhow::{Context, Result};
use fieldscreen_catalog::{Catalog, Interview};
use fieldscreen_protocol::engine::Step;
use fieldscreen_protocol::{AnswerError, EndReason, Question, Session, State, StoppedBy};
use fieldscreen_vault::{CaseMeta, Recorder, Vault, resume_session};
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

pub fn run(
    catalog: &Catalog,
    args: &Args,
    today: Date,
    vault_dir: &Path,
    pass: passphrase::Source,
) -> Result<ExitCode> {
    let vault = if args.practice {
        None
    } else {
        Some(vault_cmd::open(vault_dir, pass)?)
    };
    let (interview, session, resumed) = match (&args.resume, &vault) {
        (Some(wanted), Some(v)) => {
            let id = cases_cmd::resolve(v, wanted)?;
            let meta = v.load_case(&id)?.meta()?;
            let main = catalog.load(&meta.protocol_id, Some(today))?;
            let (session, dropped) = resume_session(v, &id, main.protocol.clone())?;
            (Interview::of_stored_case(main), session, Some((id, meta, dropped)))
        }
        _ => {
            let id = args.protocol.as_deref().context("--protocol is required")?;
            let interview = catalog.interview(id, Some(today))?;
            let session = interview.start();
            (interview, session, None)
        }
    };
    let feed = match &args.answers {
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
    let mut run = Run::begin(args, &interview, session, resumed, vault, feed, today)?;
    tracing::info!(protocol = %interview.main.protocol.header.id, scripted = run.scripted, "interview started");
    let end = run.ask_until_the_end()?;
    tracing::info!(state = ?run.session.state(), "interview ended");
    run.finish(end)
}

/// How the question loop ended.
enum End {
    /// The interview finished, stopped or ended; or the worker left the completion prompt.
    Finished,
    /// The answers ran out before the interview ended: the case stays open for `--resume`.
    InputEnded,
    /// A scripted answer was refused: the script is wrong, the run stops.
    BadInput,
}

/// One interview in the terminal: the session, what it is shown on, where answers come from
/// and where each is saved.
struct Run<'a> {
    args: &'a Args,
    interview: &'a Interview,
    session: Session,
    screen: Screen<'a>,
    lang: String,
    respondent: Option<String>,
    prompt: Box<dyn Write>,
    /// `None` in practice: nothing is stored.
    store: Option<(Recorder, Vault)>,
    feed: Feed,
    scripted: bool,
    /// The section whose header was shown last (a header is shown once per section).
    last_section: Option<usize>,
    today: Date,
}

impl<'a> Run<'a> {
    fn begin(
        args: &'a Args,
        interview: &'a Interview,
        session: Session,
        resumed: Option<(String, CaseMeta, Vec<String>)>,
        vault: Option<Vault>,
        feed: Feed,
        today: Date,
    ) -> Result<Run<'a>> {
        let lang = match &resumed {
            Some((_, meta, _)) if args.lang == "en" => meta.interviewer_lang.clone(),
            _ => args.lang.clone(),
        };
        let respondent = args
            .respondent_lang
            .clone()
            .or_else(|| resumed.as_ref().and_then(|(_, m, _)| m.respondent_lang.clone()));
        let screen = Screen::new(interview.running(&session), &lang, respondent.as_deref())?;
        let mut prompt: Box<dyn Write> = if args.json {
            Box::new(std::io::stderr())
        } else {
            Box::new(std::io::stdout())
        };
        let recorder = match (vault.is_some(), resumed) {
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
                let meta = CaseMeta::for_protocol(&interview.main.protocol, &lang, respondent.as_deref());
                Some(Recorder::new(meta, today))
            }
        };
        Ok(Run {
            args,
            interview,
            session,
            screen,
            lang,
            respondent,
            prompt,
            store: recorder.zip(vault),
            feed,
            scripted: args.answers.is_some() || !std::io::stdin().is_terminal(),
            last_section: None,
            today,
        })
    }

    /// Asks question after question until the interview ends or the answers run out.
    fn ask_until_the_end(&mut self) -> Result<End> {
        loop {
            let q = match self.session.state() {
                State::Ended(_) => return Ok(End::Finished),
                State::Completed => {
                    if !self.at_completion()? {
                        return Ok(End::Finished);
                    }
                    continue;
                }
                State::InProgress => match self.session.current() {
                    Some(q) => q.clone(),
                    None => return Ok(End::Finished),
                },
            };
            if let Some(end) = self.ask(&q)? {
                return Ok(end);
            }
        }
    }

    /// Every visible question is passed: the worker may go back, override the level, or end.
    /// Returns whether the interview goes on.
    fn at_completion(&mut self) -> Result<bool> {
        write!(self.prompt, "\n{}\n> ", self.screen.cli("cli-completed-prompt", &[]))?;
        self.prompt.flush()?;
        let Some(line) = self.feed.at_completion()? else {
            return Ok(false);
        };
        if line.text.trim().is_empty() {
            return Ok(false);
        }
        match input::parse(&line.text, &fieldscreen_protocol::Kind::Note) {
            Ok(Input::Back) => {
                self.session.back();
            }
            Ok(Input::Override { level, reason }) => {
                if self.session.set_override(level, &reason).is_err() {
                    writeln!(self.prompt, "{}", self.screen.cli("cli-override-needs-reason", &[]))?;
                }
            }
            _ => return Ok(false),
        }
        self.save(None)?;
        Ok(true)
    }

    /// Shows one question and applies the answer given; `Some` when the run ends here.
    fn ask(&mut self, q: &Question) -> Result<Option<End>> {
        let first = self.last_section != Some(q.section);
        self.last_section = Some(q.section);
        write!(self.prompt, "{}", self.screen.question(&self.session, q, first))?;
        self.prompt.flush()?;
        let line = match self.feed.line_for(&q.id)? {
            Ok(line) => line,
            Err(missing) => {
                if let Missing::Unnamed(id) = missing {
                    eprintln!("{}", self.screen.cli("cli-script-missing", &[("question", id)]));
                }
                // An interruption, not a decision to stop: the case stays open for --resume.
                return Ok(Some(End::InputEnded));
            }
        };
        if self.scripted {
            writeln!(self.prompt)?;
        }
        match self.apply(&line.text, q) {
            Ok(changed) => {
                self.follow_the_branch()?;
                self.save(changed)?;
                Ok(None)
            }
            Err(problem) => {
                writeln!(self.prompt, "   !! {problem}")?;
                if self.scripted {
                    let at = [("line", line.number.to_string()), ("question", q.id.clone())];
                    eprintln!("{}", self.screen.cli("cli-script-stopped", &at));
                    return Ok(Some(End::BadInput));
                }
                // Show the same question again with its section header.
                self.last_section = None;
                Ok(None)
            }
        }
    }

    /// Applies one typed line to the session: the question it changed, or why it was refused
    /// (in the interviewer's language).
    fn apply(&mut self, text: &str, q: &Question) -> Result<Option<usize>, String> {
        let at = self.session.current_index();
        let screen = &self.screen;
        match input::parse(text, &q.kind) {
            Err(inv) => Err(screen.cli(inv.key, &[])),
            Ok(Input::Back) => {
                if self.session.back() {
                    Ok(None)
                } else {
                    Err(screen.cli("cli-at-start", &[]))
                }
            }
            Ok(Input::Skip) => match self.session.skip() {
                Ok(_) => Ok(at),
                Err(e) => Err(error_text(screen, &e)),
            },
            Ok(Input::Stop) => {
                self.session.stop(StoppedBy::Respondent);
                Ok(None)
            }
            Ok(Input::Override { level, reason }) => match self.session.set_override(level, &reason) {
                Ok(()) => Ok(None),
                Err(_) => Err(screen.cli("cli-override-needs-reason", &[])),
            },
            Ok(Input::Answer(a)) => match self.session.answer(a) {
                Ok(Step::Question(_) | Step::Finished(_)) => Ok(at),
                Err(e) => Err(error_text(screen, &e)),
            },
        }
    }

    /// The age gate moved a child to the protocol's child branch (or back): from here on the
    /// questions are that protocol's, in its own words.
    fn follow_the_branch(&mut self) -> Result<()> {
        if Arc::ptr_eq(&self.screen.loaded().protocol, self.session.protocol_arc()) {
            return Ok(());
        }
        self.screen = Screen::new(
            self.interview.running(&self.session),
            &self.lang,
            self.respondent.as_deref(),
        )?;
        let title = [("protocol", self.screen.protocol_title())];
        writeln!(self.prompt, "{}", self.screen.cli("cli-switched-protocol", &title))?;
        self.last_section = None;
        Ok(())
    }

    /// Saves what the last command changed, before the next question is shown.
    fn save(&mut self, changed: Option<usize>) -> Result<()> {
        let Some((recorder, vault)) = self.store.as_mut() else {
            return Ok(());
        };
        let had_case = recorder.case_id().is_some();
        recorder
            .after(vault, &self.session, changed)
            .context("the answer could not be saved; it was NOT recorded")?;
        let Some(id) = recorder.case_id() else {
            return Ok(());
        };
        if !had_case {
            writeln!(
                self.prompt,
                "{}",
                self.screen.cli("cli-case-started", &[("id", id.to_string())])
            )?;
        }
        if self.args.print_acks {
            let p = self.session.protocol();
            let acked: Vec<usize> = if had_case {
                changed.into_iter().collect()
            } else {
                (0..p.questions.len())
                    .filter(|i| self.session.answer_of(*i).is_some())
                    .collect()
            };
            for q in acked {
                // One write per line: a pipe write this short is atomic, so a reader never sees
                // half an acknowledgement.
                let line = format!("ack {id} {}\n", p.questions[q].id);
                std::io::stderr().write_all(line.as_bytes())?;
            }
        }
        Ok(())
    }

    /// Shows the outcome (or why there is none) and gives the exit code.
    fn finish(mut self, end: End) -> Result<ExitCode> {
        if let End::BadInput = end {
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
        match self.session.outcome(self.today) {
            None => {
                writeln!(self.prompt, "\n{}", self.screen.cli("cli-consent-refused", &[]))?;
                if self.args.json {
                    println!("{}", serde_json::json!({ "state": self.session.state() }));
                }
            }
            Some(outcome) => {
                if self.args.json {
                    println!("{}", serde_json::to_string_pretty(&outcome)?);
                } else {
                    if let State::Ended(EndReason::PostponedForSafety) = self.session.state() {
                        println!("\n{}", self.screen.cli("cli-postponed", &[]));
                    }
                    print!("{}", self.screen.outcome(&self.session, &outcome));
                }
            }
        }
        if let Some(report) = self.screen.fallback_report() {
            writeln!(self.prompt, "\n{report}")?;
        }
        if let End::InputEnded = end {
            let case = self
                .store
                .as_ref()
                .and_then(|(r, _)| r.case_id().map(str::to_string))
                .unwrap_or_default();
            eprintln!("{}", self.screen.cli("cli-input-ended", &[("case", case)]));
            return Ok(ExitCode::from(EXIT_INPUT_ENDED));
        }
        Ok(ExitCode::SUCCESS)
    }
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
