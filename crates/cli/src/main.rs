//! `fieldscreen`: the command-line front end. Parses arguments and hands over to the core crates;
//! everything it knows about protocols it learns through `fieldscreen-catalog`.

mod input;
mod interview;
mod protocol_cmd;
mod render;
mod sources;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "fieldscreen",
    version,
    about = "Offline screening for possible victims of human trafficking"
)]
struct Cli {
    /// Directory of screening protocols (default: the protocols built into this binary).
    #[arg(long, global = true, env = "FIELDSCREEN_PROTOCOLS")]
    protocols: Option<PathBuf>,
    /// Directory of the app's own strings, `<lang>/*.ftl` (default: built in).
    #[arg(long, global = true, env = "FIELDSCREEN_LOCALES")]
    locales: Option<PathBuf>,
    /// The date to treat as today, YYYY-MM-DD (for review and validity dates; default: today).
    #[arg(long, global = true, value_parser = parse_date)]
    today: Option<jiff::civil::Date>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List, show or check screening protocols.
    Protocol {
        #[command(subcommand)]
        action: ProtocolAction,
    },
    /// Run a screening interview in the terminal (or from a script).
    Interview(interview::Args),
}

#[derive(Subcommand)]
enum ProtocolAction {
    /// The available protocols with their languages.
    List {
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// A protocol's header, questions, indicators and rules.
    Show {
        id: String,
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Check protocol directories and their translations; exits non-zero on any error.
    Check {
        /// Protocol directories (default: every protocol available).
        dirs: Vec<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("FIELDSCREEN_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let today = cli.today.unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let src = sources::Sources::new(cli.protocols, cli.locales)?;
    match cli.command {
        Command::Protocol {
            action: ProtocolAction::List { lang },
        } => protocol_cmd::list(&src, &lang, today),
        Command::Protocol {
            action: ProtocolAction::Show { id, lang },
        } => protocol_cmd::show(&src, &id, &lang, today),
        Command::Protocol {
            action: ProtocolAction::Check { dirs, strict },
        } => protocol_cmd::check(&src, &dirs, strict, today),
        Command::Interview(args) => interview::run(&src, &args, today),
    }
}
