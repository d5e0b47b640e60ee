//! `fieldscreen`: the command-line front end. Parses arguments and hands over to the core crates;
//! everything it knows about protocols it learns through `fieldscreen-catalog`.

mod bidi;
mod cases_cmd;
mod htcds_cmd;
mod input;
mod interview;
mod passphrase;
mod private_file;
mod protocol_cmd;
mod referral_cmd;
mod render;
mod report_cmd;
mod script;
mod sync_cmd;
mod texts;
mod vault_cmd;

use anyhow::Result;
use clap::{Parser, Subcommand};
use fieldscreen_catalog::Catalog;
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
    /// The vault directory (default: the platform's data directory).
    #[arg(long, global = true, env = fieldscreen_vault::DIR_ENV)]
    vault: Option<PathBuf>,
    /// Read the vault passphrase from this file descriptor instead of the terminal.
    #[arg(long, global = true)]
    passphrase_fd: Option<u32>,
    /// Language of the tool's own messages.
    #[arg(long, global = true, default_value = "en")]
    ui_lang: String,
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
    /// Run a screening interview in the terminal (or from a script); every answer is saved
    /// in the vault as it is given.
    Interview(interview::Args),
    /// Create, unlock, re-key, describe or check the encrypted vault.
    Vault {
        #[command(subcommand)]
        action: VaultAction,
    },
    /// List, show, delete or export the cases in the vault.
    Cases {
        #[command(subcommand)]
        action: CasesAction,
    },
    /// De-identified figures by one or two variables, every cell below k suppressed.
    Report {
        /// First month (YYYY-MM; default: January of this year).
        #[arg(long)]
        from: Option<String>,
        /// Last month (YYYY-MM; default: this month).
        #[arg(long)]
        to: Option<String>,
        /// One or two variables, comma-separated (a wrong name is answered with the list):
        /// gender, age_band, adult_child, presumed_minor, citizenship, country_of_exploitation,
        /// exploitation, means_of_control, recruiter_relation, industry, outcome, screening,
        /// referral_category, referral_status, identification, organisation, month, ….
        #[arg(long, required_unless_present = "pipeline")]
        by: Option<String>,
        /// The identification pipeline instead of a table: persons screened, screened positive,
        /// referred, formally identified and assisted, by gender and adult/child and per kind
        /// of organisation (csv or json).
        #[arg(long, conflicts_with = "by")]
        pipeline: bool,
        /// Smallest count published (at least 11).
        #[arg(long, default_value_t = fieldscreen_report::MIN_K)]
        k: u64,
        #[arg(long, value_enum, default_value = "csv")]
        format: report_cmd::Format,
        /// File to write (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Make or join a team of devices that sync their cases, invite or revoke devices.
    Team {
        #[command(subcommand)]
        action: TeamAction,
    },
    /// Send this device's changes to the team's relay and merge everyone else's (encrypted end
    /// to end: the relay cannot read them). `export`/`import` do the same through a file.
    Sync {
        #[command(subcommand)]
        action: Option<SyncAction>,
    },
    /// Open a sealed file (an HTCDS export) with its passphrase.
    Unseal {
        file: PathBuf,
        /// File to write (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TeamAction {
    /// A new team with this device as its first admin, registered with the relay.
    Create {
        /// The relay's address: https://… (http:// only for a relay on this computer).
        #[arg(long)]
        relay: String,
        /// The team's name, shown to devices before they join.
        #[arg(long, default_value = "FieldScreen team")]
        name: String,
        /// This device's name in the team (the relay's operator can read it: name the device,
        /// not its owner).
        #[arg(long)]
        device_name: Option<String>,
        /// The relay operator's team-creation secret, if the relay has one.
        #[arg(long, env = "FIELDSCREEN_RELAY_CREATE_SECRET", hide_env_values = true)]
        create_secret: Option<String>,
    },
    /// A one-time invitation that expires: prints its code (it carries no key).
    Invite {
        /// Also write the code as a QR code (SVG) to scan from this screen.
        #[arg(long)]
        qr: Option<PathBuf>,
        /// How long the invitation lives.
        #[arg(long, default_value_t = 15)]
        minutes: u64,
    },
    /// Ask to join a team with a code made by `team invite` (typed, or read from --code-file or
    /// stdin), then wait for an admin to approve.
    Join {
        #[arg(long)]
        code_file: Option<PathBuf>,
        #[arg(long)]
        device_name: Option<String>,
        /// The cases already on this device go to the team.
        #[arg(long, conflicts_with = "keep_cases")]
        send_cases: bool,
        /// The cases already on this device stay here only (the default).
        #[arg(long)]
        keep_cases: bool,
        /// Send the request and return; `team wait` finishes joining.
        #[arg(long)]
        no_wait: bool,
    },
    /// Finish a pending join: wait until an admin approves or refuses it.
    Wait {
        /// Ask the relay once and return.
        #[arg(long)]
        once: bool,
    },
    /// Join requests waiting for an admin, with their comparison codes.
    Requests {
        #[arg(long)]
        json: bool,
    },
    /// The team's devices as the relay knows them: how far each has read the log, and whether a
    /// device let in has ever come (admins).
    Devices {
        #[arg(long)]
        json: bool,
    },
    /// Let in the device whose screen shows this comparison code.
    Approve {
        #[arg(long)]
        code: String,
        /// The requesting device, when several requests are waiting.
        #[arg(long)]
        device: Option<String>,
    },
    /// Refuse a join request.
    Refuse { device: String },
    /// Revoke a device (a lost or seized phone, or an admin's): the relay refuses it, and the
    /// team's key changes so it can open nothing written afterwards.
    Revoke { device: String },
    /// A new key for the team (a new epoch).
    Rotate,
    /// Make a device an admin (or, with --remove, take the role away).
    Admin {
        device: String,
        #[arg(long)]
        remove: bool,
    },
    /// Forget the team on this device (its cases stay).
    Leave {
        #[arg(long)]
        yes: bool,
    },
    /// The team, its devices and roles, the epoch, the last sync and the changes waiting.
    Show {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum SyncAction {
    /// Every case, sealed under the team key, to a file (USB stick, SD card).
    Export {
        #[arg(long)]
        output: PathBuf,
    },
    /// Merge a file made by `sync export` on any device of the team.
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum VaultAction {
    /// Create a new vault, protected by a passphrase.
    Init,
    /// Check the passphrase and show the vault.
    Unlock,
    /// Change the passphrase; the database is re-encrypted under a new key unless --keep-key,
    /// so an old copy of the key file with the old passphrase opens nothing.
    Passwd {
        /// Only re-wrap the existing key (fast; old key-file copies keep working).
        #[arg(long)]
        keep_key: bool,
    },
    /// Show or set the duress passphrase: a second passphrase that, typed at unlock, opens a
    /// practice vault, acts like a wrong passphrase, or destroys the real key first.
    Duress {
        /// decoy, wrong, destroy-decoy or destroy-wrong. Without it, shows what is set.
        #[arg(long, conflicts_with = "off")]
        action: Option<String>,
        /// Remove the duress passphrase and its practice vault.
        #[arg(long)]
        off: bool,
    },
    /// Destroy the key after this many wrong passphrases in a row (5, 10 or 20), or `off`.
    EraseAfter {
        attempts: String,
        /// Tell the person unlocking how many attempts remain.
        #[arg(long)]
        show_remaining: bool,
    },
    /// Where the vault is, its encryption and its size.
    Info {
        #[arg(long)]
        json: bool,
    },
    /// Authenticate every page and check the database structure.
    Check,
    /// Show or set the kind of organisation that screens on this device (ngo, shelter,
    /// helpline, labour-inspectorate, police, immigration, health, other-government, other).
    /// Cases created from then on record it, and reports count by it.
    Organisation {
        kind: Option<String>,
        /// Forget it.
        #[arg(long, conflicts_with = "kind")]
        off: bool,
    },
}

#[derive(Subcommand)]
enum CasesAction {
    /// The cases, newest first.
    List {
        /// Only cases in this state (a wrong name is answered with the list).
        #[arg(long, value_parser = parse_state)]
        state: Option<fieldscreen_vault::CaseState>,
        /// Only cases with this result (a wrong name is answered with the list).
        #[arg(long, value_parser = parse_result)]
        level: Option<String>,
        /// Last updated on or after this date (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last updated on or before this date (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Show at most this many (the newest).
        #[arg(long)]
        limit: Option<usize>,
        #[arg(long)]
        json: bool,
    },
    /// A case's questions and answers, its outcome, and with --history every earlier value.
    Show {
        id: String,
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long)]
        history: bool,
    },
    /// Delete a case for good.
    Delete {
        id: String,
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Move a referral of a case a step on: offered, accepted, declined (--reason), contacted,
    /// service-received, service-not-received (--reason).
    Referral {
        id: String,
        /// The referral's id in the protocol (see `protocol show`).
        referral: String,
        status: String,
        #[arg(long)]
        reason: Option<String>,
        /// When it happened (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<jiff::civil::Date>,
    },
    /// Record the authority's identification decision on a referral to the national referral
    /// mechanism: identified, not-identified or pending, and who decided (police, ngo,
    /// court-or-prosecution, non-police-government, other).
    Decision {
        id: String,
        /// The referral's id in the protocol (the national referral mechanism's).
        referral: String,
        decision: String,
        #[arg(long)]
        by: String,
        /// When it was decided (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<jiff::civil::Date>,
    },
    /// Mark a case as the same person as an earlier case (a rapid screen then the full
    /// protocol, or two workers who met the same person): reports then count the person once.
    SamePerson {
        id: String,
        /// The earlier case.
        earlier: Option<String>,
        /// Take the mark back.
        #[arg(long, conflicts_with = "earlier")]
        undo: bool,
    },
    /// Answers given differently on two devices, every value kept, numbered for `resolve`.
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Keep one value of a conflicting answer (an explicit, audited edit).
    Resolve {
        id: String,
        question: String,
        /// The value to keep, numbered as `cases conflicts` lists them.
        #[arg(long)]
        keep: usize,
    },
    /// Write every case, with its answers, as JSON or CSV (personal data: asks first).
    Export {
        #[arg(long, value_enum)]
        format: cases_cmd::Format,
        /// File to write (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        yes: bool,
        /// Also export what people said in a survivors' views module (left out unless asked:
        /// they were told it stays in their file).
        #[arg(long)]
        include_views: bool,
        /// Write the file unencrypted (readable by its owner only). Without it the file is
        /// sealed under a passphrase of its own (FIELDSCREEN_EXPORT_PASSPHRASE, or typed
        /// twice); open it with `fieldscreen unseal`.
        #[arg(long)]
        plaintext: bool,
    },
    /// Every case whose person consented to their data being kept, in the shape of IOM's Human
    /// Trafficking Case Data Standard, for an organisation's case system. Personal data: asks
    /// first, and seals the file under a passphrase of its own (FIELDSCREEN_EXPORT_PASSPHRASE,
    /// or typed twice) unless --plaintext is given.
    Htcds {
        #[arg(long, value_enum, default_value = "csv")]
        format: htcds_cmd::Format,
        #[arg(long)]
        output: PathBuf,
        /// Write the file unencrypted.
        #[arg(long)]
        plaintext: bool,
        #[arg(long)]
        yes: bool,
    },
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
    /// Read an XLSForm (.xlsx, .xls or .ods: survey, choices and settings sheets) into a new
    /// protocol directory, which must pass the check; every problem is named at its sheet, row
    /// and column.
    Import {
        form: PathBuf,
        /// The new protocol directory, named as the form's id (screening_protocols/<id>).
        #[arg(long)]
        output: PathBuf,
    },
    /// Write a protocol as an XLSForm (.xlsx) for ODK or KoboToolbox: every language, the
    /// built-in steps as ordinary questions, and FieldScreen's indicators and rules on extra
    /// sheets, so that `protocol import` reads it back into the same protocol.
    ExportXlsform {
        id: String,
        /// The workbook to write (.xlsx).
        #[arg(long)]
        output: PathBuf,
    },
    /// The clips a protocol directory's self-answer questions lack a recording for, one per
    /// line: `lang<TAB>message-key<TAB>text` (what scripts/synthesize-audio.sh speaks).
    AudioPlan { dir: PathBuf },
}

fn parse_state(s: &str) -> Result<fieldscreen_vault::CaseState, String> {
    use fieldscreen_vault::CaseState;
    CaseState::parse(s).ok_or_else(|| format!("one of: {}", CaseState::names().join(", ")))
}

/// A screening's result as listed: a level, or `incomplete`.
fn parse_result(s: &str) -> Result<String, String> {
    use fieldscreen_protocol::{Level, outcome::INCOMPLETE};
    if Level::from_name(s).is_some() || s == INCOMPLETE {
        return Ok(s.to_string());
    }
    let mut names: Vec<&str> = Level::ALL.iter().rev().map(Level::name).collect();
    names.push(INCOMPLETE);
    Err(format!("one of: {}", names.join(", ")))
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse().map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    fieldscreen_vault::attempts::start_run();
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
    let catalog = Catalog::open(cli.protocols.as_deref(), cli.locales.as_deref())?;
    let pass = passphrase::Source { fd: cli.passphrase_fd };
    let t = texts::Texts::new(catalog.app(), &cli.ui_lang)?;
    let _ = vault_cmd::WAIT_LABEL.set(t.t("cli-vault-wait", &[]));
    let vault_dir = || vault_cmd::dir(cli.vault.as_deref());
    match cli.command {
        Command::Protocol {
            action: ProtocolAction::List { lang },
        } => protocol_cmd::list(&catalog, &lang, today),
        Command::Protocol {
            action: ProtocolAction::Show { id, lang },
        } => protocol_cmd::show(&catalog, &id, &lang, today),
        Command::Protocol {
            action: ProtocolAction::Check { dirs, strict },
        } => protocol_cmd::check(&catalog, &dirs, strict, today),
        Command::Protocol {
            action: ProtocolAction::Import { form, output },
        } => protocol_cmd::import(&catalog, &form, &output, today),
        Command::Protocol {
            action: ProtocolAction::ExportXlsform { id, output },
        } => protocol_cmd::export_xlsform(&catalog, &id, &output, today),
        Command::Protocol {
            action: ProtocolAction::AudioPlan { dir },
        } => protocol_cmd::audio_plan(&catalog, &dir, today),
        Command::Interview(args) => interview::run(&catalog, &args, today, &vault_dir()?, pass),
        Command::Vault { action } => {
            let dir = vault_dir()?;
            match action {
                VaultAction::Init => vault_cmd::init(&dir, pass, &t),
                VaultAction::Unlock => vault_cmd::unlock(&dir, pass, &t),
                VaultAction::Passwd { keep_key } => vault_cmd::passwd(&dir, pass, !keep_key, &t),
                VaultAction::Duress { action, off } => vault_cmd::duress(&dir, pass, action.as_deref(), off, &t),
                VaultAction::EraseAfter {
                    attempts,
                    show_remaining,
                } => vault_cmd::erase_after(&dir, pass, &attempts, show_remaining, &t),
                VaultAction::Info { json } => vault_cmd::info(&dir, pass, json),
                VaultAction::Check => vault_cmd::check(&dir, pass, &t),
                VaultAction::Organisation { kind, off } => vault_cmd::organisation(&dir, pass, kind.as_deref(), off),
            }
        }
        Command::Cases { action } => {
            let mut vault = vault_cmd::open(&vault_dir()?, pass)?;
            match action {
                CasesAction::List {
                    state,
                    level,
                    from,
                    to,
                    limit,
                    json,
                } => {
                    let filter = fieldscreen_vault::CaseFilter {
                        state,
                        level,
                        updated_from: from,
                        updated_to: to,
                        id_prefix: None,
                        limit,
                    };
                    cases_cmd::list(&vault, &filter, json)
                }
                CasesAction::Show { id, lang, history } => {
                    cases_cmd::show(&vault, &catalog, &id, &lang, history, today)
                }
                CasesAction::Delete { id, yes } => cases_cmd::delete(&mut vault, &id, yes, &t),
                CasesAction::Referral {
                    id,
                    referral,
                    status,
                    reason,
                    date,
                } => {
                    let step = referral_cmd::Step {
                        case: id,
                        referral,
                        status,
                        reason,
                        date,
                    };
                    referral_cmd::record(&mut vault, &catalog, step, today)
                }
                CasesAction::Decision {
                    id,
                    referral,
                    decision,
                    by,
                    date,
                } => {
                    let decided = referral_cmd::Decided {
                        case: id,
                        referral,
                        decision,
                        by,
                        date,
                    };
                    referral_cmd::decide(&mut vault, decided, today)
                }
                CasesAction::SamePerson { id, earlier, undo } => {
                    cases_cmd::same_person(&mut vault, &id, earlier.as_deref(), undo)
                }
                CasesAction::Conflicts { json } => sync_cmd::conflicts(&vault, json),
                CasesAction::Resolve { id, question, keep } => {
                    sync_cmd::resolve_conflict(&mut vault, &catalog, &id, &question, keep, today, &t)
                }
                CasesAction::Export {
                    format,
                    output,
                    yes,
                    include_views,
                    plaintext,
                } => {
                    let request = cases_cmd::ExportRequest {
                        format,
                        output,
                        yes,
                        include_views,
                        plaintext,
                    };
                    cases_cmd::export(&mut vault, &catalog, &request, today, &t)
                }
                CasesAction::Htcds {
                    format,
                    output,
                    plaintext,
                    yes,
                } => {
                    let request = htcds_cmd::Request {
                        format,
                        output,
                        plaintext,
                        yes,
                    };
                    htcds_cmd::export(&mut vault, &catalog, &request, today, &t)
                }
            }
        }
        Command::Report {
            from,
            to,
            by,
            pipeline,
            k,
            format,
            output,
        } => {
            let mut vault = vault_cmd::open(&vault_dir()?, pass)?;
            let request = report_cmd::Request {
                from,
                to,
                by,
                k,
                format,
                output,
            };
            if pipeline {
                report_cmd::pipeline(&mut vault, &catalog, &request, today)
            } else {
                report_cmd::run(&mut vault, &catalog, &request, today)
            }
        }
        Command::Unseal { file, output } => htcds_cmd::unseal_file(&file, output.as_ref(), &t),
        Command::Team { action } => {
            let mut vault = vault_cmd::open(&vault_dir()?, pass)?;
            match action {
                TeamAction::Create {
                    relay,
                    name,
                    device_name,
                    create_secret,
                } => {
                    let args = sync_cmd::CreateArgs {
                        relay: &relay,
                        name: &name,
                        device_name: device_name.as_deref(),
                        create_secret: create_secret.as_deref(),
                    };
                    sync_cmd::create(&mut vault, &args, &t)
                }
                TeamAction::Invite { qr, minutes } => sync_cmd::invite(&mut vault, qr.as_deref(), minutes, &t),
                TeamAction::Join {
                    code_file,
                    device_name,
                    send_cases,
                    keep_cases,
                    no_wait,
                } => {
                    let args = sync_cmd::JoinArgs {
                        code_file: code_file.as_deref(),
                        device_name: device_name.as_deref(),
                        send_cases: (send_cases || keep_cases).then_some(send_cases),
                        wait: !no_wait,
                    };
                    sync_cmd::join(&mut vault, &args, &t)
                }
                TeamAction::Wait { once } => sync_cmd::wait(&mut vault, once, &t),
                TeamAction::Requests { json } => sync_cmd::requests(&mut vault, json, &t),
                TeamAction::Devices { json } => sync_cmd::relay_devices(&mut vault, json, &t),
                TeamAction::Approve { code, device } => sync_cmd::approve(&mut vault, &code, device.as_deref(), &t),
                TeamAction::Refuse { device } => sync_cmd::refuse(&mut vault, &device, &t),
                TeamAction::Revoke { device } => sync_cmd::revoke(&mut vault, &device, &t),
                TeamAction::Rotate => sync_cmd::rotate(&mut vault, &t),
                TeamAction::Admin { device, remove } => sync_cmd::set_admin(&mut vault, &device, !remove, &t),
                TeamAction::Leave { yes } => sync_cmd::leave(&mut vault, yes, &t),
                TeamAction::Show { json } => sync_cmd::show(&mut vault, json, &t),
            }
        }
        Command::Sync { action } => {
            let mut vault = vault_cmd::open(&vault_dir()?, pass)?;
            match action {
                None => sync_cmd::run(&mut vault, &catalog, today, &t),
                Some(SyncAction::Export { output }) => sync_cmd::export_bundle(&mut vault, &output, &t),
                Some(SyncAction::Import { file }) => sync_cmd::import_bundle(&mut vault, &catalog, &file, today, &t),
            }
        }
    }
}
