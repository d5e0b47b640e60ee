//! What a screen shows when a command fails: a stable code, and that code's Fluent message
//! (`app-error-<code>`) in the language the screens are in. The core's own sentences are written
//! for the command line ("create one with `fieldscreen vault init`") and in English: they stay
//! inside the app and never reach a screen, nor the log (some carry an answer's value).

use fieldscreen_i18n::fluent::FluentArgs;
use fieldscreen_i18n::{Chain, LanguageIdentifier, Localizer};
use fieldscreen_protocol::AnswerError;
use fieldscreen_report::{PublishError, ReferralError, ReportError, TrackError};
use fieldscreen_sync::membership::MembershipError;
use fieldscreen_sync::{SyncError, TeamError, TransportError};
use fieldscreen_vault::VaultError;
use serde::ser::SerializeStruct;
use std::sync::{Mutex, OnceLock, PoisonError};

macro_rules! codes {
    ($($variant:ident = $name:literal,)*) => {
        /// Why a command failed, as far as the person at the screen needs to know.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorCode { $($variant,)* }

        impl ErrorCode {
            #[cfg(test)]
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $name,)* }
            }
        }
    };
}

codes! {
    WrongPassphrase = "wrong-passphrase",
    LockedOut = "locked-out",
    WeakPassphrase = "weak-passphrase",
    DuressSame = "duress-same",
    CounterUnwritable = "counter-unwritable",
    Damaged = "damaged",
    NoVault = "no-vault",
    VaultExists = "vault-exists",
    NoDataDirectory = "no-data-directory",
    NotEncrypted = "not-encrypted",
    SettingRefused = "setting-refused",
    Storage = "storage",
    Cancelled = "cancelled",
    Locked = "locked",
    Busy = "busy",
    AppState = "app-state",
    UnknownCase = "unknown-case",
    Protocol = "protocol",
    ProtocolFile = "protocol-file",
    HandOverPin = "hand-over-pin",
    NotSelfAnswer = "not-self-answer",
    HandedOver = "handed-over",
    HandBackRefused = "hand-back-refused",
    HandBackLocked = "hand-back-locked",
    Language = "language",
    Date = "date",
    NoInterview = "no-interview",
    InterviewEnded = "interview-ended",
    AnswerRequired = "answer-required",
    AnswerOutOfRange = "answer-out-of-range",
    AnswerConstraint = "answer-constraint",
    AnswerInvalid = "answer-invalid",
    ReferralStatus = "referral-status",
    ReferralOrder = "referral-order",
    ReferralReason = "referral-reason",
    ReferralDate = "referral-date",
    ReferralUnknown = "referral-unknown",
    ReferralNoOutcome = "referral-no-outcome",
    DecisionNotNrm = "decision-not-nrm",
    DecisionNotReferred = "decision-not-referred",
    SamePersonItself = "same-person-itself",
    ReportVariable = "report-variable",
    ReportRequest = "report-request",
    Offline = "offline",
    RelayRefused = "relay-refused",
    NoTeam = "no-team",
    AlreadyInTeam = "already-in-team",
    LegacyTeam = "legacy-team",
    NotAdmin = "not-admin",
    Revoked = "revoked",
    InvitationCode = "invitation-code",
    InsecureRelay = "insecure-relay",
    NotInvitedByAdmin = "not-invited-by-admin",
    NoSuchRequest = "no-such-request",
    ComparisonMismatch = "comparison-mismatch",
    TeamBusy = "team-busy",
    Sync = "sync",
    Conflict = "conflict",
}

impl ErrorCode {
    /// The Fluent message a screen shows for this code.
    pub fn message_key(self) -> String {
        format!("app-error-{}", self.as_str())
    }
}

/// A failed command as the front end receives it: `code`, `text` (the message in the screens'
/// language), and for a wrong passphrase the wait and the attempts left.
#[derive(Debug)]
pub struct CommandError {
    pub code: ErrorCode,
    /// Values the message names (Fluent variables).
    args: Vec<(&'static str, String)>,
    /// The core's own sentence: for a developer reading `Debug`, never shown or logged.
    #[allow(dead_code)]
    detail: String,
    pub wait_secs: Option<i64>,
    /// Attempts left before the key is destroyed, when the worker chose to show them.
    pub remaining: Option<u32>,
}

impl CommandError {
    pub(crate) fn new(code: ErrorCode, detail: impl Into<String>) -> Self {
        CommandError {
            code,
            args: Vec::new(),
            detail: detail.into(),
            wait_secs: None,
            remaining: None,
        }
    }

    /// A command that needs the vault, asked while it is locked.
    pub(crate) fn locked() -> Self {
        CommandError::new(ErrorCode::Locked, "the vault is locked")
    }

    /// The error with a value its message shows.
    pub(crate) fn with(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The message in the screens' language (English until the front end has asked for its
    /// texts).
    pub fn text(&self) -> String {
        let Some(localizer) = app_texts() else {
            return self.code.message_key();
        };
        let chain = screen_language().unwrap_or_else(|| Chain(vec![default_language()]));
        localizer
            .text(&chain, &self.code.message_key(), Some(&fluent_args(&self.args)))
            .text
    }
}

impl serde::Serialize for CommandError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("CommandError", 4)?;
        s.serialize_field("code", self.code.as_str())?;
        s.serialize_field("text", &self.text())?;
        s.serialize_field("wait_secs", &self.wait_secs)?;
        s.serialize_field("remaining", &self.remaining)?;
        s.end()
    }
}

fn fluent_args(args: &[(&'static str, String)]) -> FluentArgs<'static> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        out.set(*name, value.clone());
    }
    out
}

fn default_language() -> LanguageIdentifier {
    fieldscreen_catalog::APP_DEFAULT_LANGUAGE.parse().unwrap_or_default()
}

/// The app's strings, loaded once (they are built into the binary).
fn app_texts() -> Option<&'static Localizer> {
    static TEXTS: OnceLock<Option<Localizer>> = OnceLock::new();
    TEXTS
        .get_or_init(|| fieldscreen_catalog::Catalog::bundled().app_localizer().ok())
        .as_ref()
}

static SCREEN_LANGUAGE: Mutex<Option<Chain>> = Mutex::new(None);

/// The languages the screens show, set whenever the front end asks for its texts.
pub(crate) fn set_screen_language(chain: Chain) {
    *SCREEN_LANGUAGE.lock().unwrap_or_else(PoisonError::into_inner) = Some(chain);
}

fn screen_language() -> Option<Chain> {
    SCREEN_LANGUAGE.lock().unwrap_or_else(PoisonError::into_inner).clone()
}

impl From<VaultError> for CommandError {
    fn from(e: VaultError) -> Self {
        use ErrorCode as C;
        let code = match &e {
            VaultError::WrongPassphrase { .. } => C::WrongPassphrase,
            VaultError::LockedOut { .. } => C::LockedOut,
            VaultError::WeakPassphrase(_) | VaultError::GuessablePassphrase(_) => C::WeakPassphrase,
            VaultError::DuressSameAsReal => C::DuressSame,
            VaultError::CounterUnwritable(_) => C::CounterUnwritable,
            VaultError::Damaged(_) => C::Damaged,
            VaultError::NoVault(_) => C::NoVault,
            VaultError::AlreadyExists(_) => C::VaultExists,
            VaultError::NoDataDirectory => C::NoDataDirectory,
            VaultError::NotEncrypted => C::NotEncrypted,
            VaultError::UnknownDuressAction(_) | VaultError::EraseAfterChoice(_) | VaultError::NotAvailable => {
                C::SettingRefused
            }
            VaultError::Cancelled => C::Cancelled,
            VaultError::UnknownCase(_) => C::UnknownCase,
            VaultError::SamePersonItself => C::SamePersonItself,
            VaultError::KeyFile(_)
            | VaultError::Document(_)
            | VaultError::Sql(_)
            | VaultError::Io { .. }
            | VaultError::Random(_) => C::Storage,
        };
        let mut out = CommandError::new(code, e.to_string());
        match e {
            VaultError::WrongPassphrase {
                wait_secs, remaining, ..
            } => {
                out.wait_secs = Some(wait_secs);
                out.remaining = remaining;
            }
            VaultError::LockedOut { wait_secs, .. } => out.wait_secs = Some(wait_secs),
            VaultError::WeakPassphrase(n) => out = out.with("min", n),
            _ => {}
        }
        out
    }
}

impl From<fieldscreen_catalog::CatalogError> for CommandError {
    fn from(e: fieldscreen_catalog::CatalogError) -> Self {
        CommandError::new(ErrorCode::Protocol, e.to_string())
    }
}

impl From<fieldscreen_report::synthetic::PracticeError> for CommandError {
    fn from(e: fieldscreen_report::synthetic::PracticeError) -> Self {
        use fieldscreen_report::synthetic::PracticeError;
        match e {
            PracticeError::Vault(e) => e.into(),
            PracticeError::Protocol(e) => e.into(),
        }
    }
}

/// An answer the engine refused. A constraint's own message (from the protocol, in the
/// interviewer's language) is passed in by the caller, which has the protocol's texts.
pub(crate) fn answer_error(e: AnswerError, constraint_text: impl FnOnce(&str) -> String) -> CommandError {
    let detail = e.to_string();
    match e {
        AnswerError::Required { .. } => CommandError::new(ErrorCode::AnswerRequired, detail),
        AnswerError::OutOfRange { min, max, .. } => CommandError::new(ErrorCode::AnswerOutOfRange, detail)
            .with("min", min)
            .with("max", max),
        AnswerError::Constraint { message_key, .. } => {
            CommandError::new(ErrorCode::AnswerConstraint, detail).with("message", constraint_text(&message_key))
        }
        AnswerError::Ended => CommandError::new(ErrorCode::InterviewEnded, detail),
        AnswerError::WrongType { .. }
        | AnswerError::UnknownChoice { .. }
        | AnswerError::BadCountry { .. }
        | AnswerError::BadLanguage { .. }
        | AnswerError::NotReachable(_) => CommandError::new(ErrorCode::AnswerInvalid, detail),
    }
}

impl From<ReferralError> for CommandError {
    fn from(e: ReferralError) -> Self {
        let detail = e.to_string();
        match e {
            ReferralError::Vault(e) => e.into(),
            ReferralError::Track(TrackError::Order { .. }) => CommandError::new(ErrorCode::ReferralOrder, detail),
            ReferralError::Track(TrackError::Reason(_)) => CommandError::new(ErrorCode::ReferralReason, detail),
            ReferralError::Track(TrackError::Date { .. }) => CommandError::new(ErrorCode::ReferralDate, detail),
            ReferralError::Track(TrackError::NotNationalReferral(_)) => {
                CommandError::new(ErrorCode::DecisionNotNrm, detail)
            }
            ReferralError::Track(TrackError::NotReferred(_)) => {
                CommandError::new(ErrorCode::DecisionNotReferred, detail)
            }
            ReferralError::Unknown { .. } => CommandError::new(ErrorCode::ReferralUnknown, detail),
            ReferralError::NoOutcome => CommandError::new(ErrorCode::ReferralNoOutcome, detail),
        }
    }
}

impl From<PublishError> for CommandError {
    fn from(e: PublishError) -> Self {
        match e {
            PublishError::Vault(e) => e.into(),
            PublishError::Report(e) => e.into(),
        }
    }
}

impl From<ReportError> for CommandError {
    fn from(e: ReportError) -> Self {
        CommandError::new(ErrorCode::ReportRequest, e.to_string())
    }
}

impl From<TransportError> for CommandError {
    fn from(e: TransportError) -> Self {
        let detail = e.to_string();
        match e {
            TransportError::Unreachable(_) => CommandError::new(ErrorCode::Offline, detail),
            TransportError::Refused { status, .. } => {
                CommandError::new(ErrorCode::RelayRefused, detail).with("status", status)
            }
            TransportError::Cancelled => CommandError::new(ErrorCode::Cancelled, detail),
            TransportError::Wire(_) => CommandError::new(ErrorCode::Sync, detail),
        }
    }
}

impl From<TeamError> for CommandError {
    fn from(e: TeamError) -> Self {
        let detail = e.to_string();
        let code = match e {
            TeamError::Vault(e) => return e.into(),
            TeamError::NoTeam => ErrorCode::NoTeam,
            TeamError::AlreadyInTeam(_) => ErrorCode::AlreadyInTeam,
            TeamError::Legacy => ErrorCode::LegacyTeam,
            TeamError::NotAdmin => ErrorCode::NotAdmin,
            TeamError::Revoked => ErrorCode::Revoked,
            TeamError::Code(_) => ErrorCode::InvitationCode,
            TeamError::InsecureRelay(_) => ErrorCode::InsecureRelay,
            TeamError::Log(_) | TeamError::Random(_) => ErrorCode::Sync,
        };
        CommandError::new(code, detail)
    }
}

impl From<SyncError> for CommandError {
    fn from(e: SyncError) -> Self {
        let detail = e.to_string();
        match e {
            SyncError::Vault(e) => e.into(),
            SyncError::Transport(e) => e.into(),
            SyncError::Team(e) => e.into(),
            SyncError::Open(_) | SyncError::Batch { .. } | SyncError::TooLarge(_) | SyncError::Random(_) => {
                CommandError::new(ErrorCode::Sync, detail)
            }
        }
    }
}

impl From<MembershipError> for CommandError {
    fn from(e: MembershipError) -> Self {
        let detail = e.to_string();
        match e {
            MembershipError::Team(e) => e.into(),
            MembershipError::Relay(e) => e.into(),
            MembershipError::Vault(e) => e.into(),
            MembershipError::Sync(e) => e.into(),
            MembershipError::NotInvitedByAdmin(_) => CommandError::new(ErrorCode::NotInvitedByAdmin, detail),
            MembershipError::NoSuchRequest(_) => CommandError::new(ErrorCode::NoSuchRequest, detail),
            MembershipError::ComparisonMismatch { .. } => CommandError::new(ErrorCode::ComparisonMismatch, detail),
            MembershipError::Busy => CommandError::new(ErrorCode::TeamBusy, detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code has its message in every language the app ships, with no fallback to another
    /// language: a worker never reads an error in a language they did not choose.
    #[test]
    fn every_error_code_has_a_message_in_every_app_language() {
        let localizer = app_texts().expect("the app's strings load");
        let languages = localizer.languages();
        assert_eq!(languages.len(), 8, "{languages:?}");
        let mut missing = Vec::new();
        for lang in &languages {
            let chain = Chain(vec![lang.clone()]);
            for code in ErrorCode::ALL {
                let args = [
                    ("min", "1".to_string()),
                    ("max", "9".into()),
                    ("message", "m".into()),
                    ("status", "403".into()),
                ];
                let shown = localizer.text(&chain, &code.message_key(), Some(&fluent_args(&args)));
                if shown.fell_back || shown.text.is_empty() || shown.text.contains("app-error-") {
                    missing.push(format!("{lang}: {}", code.message_key()));
                }
            }
        }
        assert!(missing.is_empty(), "{} missing:\n{}", missing.len(), missing.join("\n"));
    }

    #[test]
    fn an_error_shows_in_the_screens_language_and_never_as_the_cores_english() {
        let e: CommandError = VaultError::NoVault("/somewhere".into()).into();
        set_screen_language(Chain(vec!["fr".parse().expect("tag")]));
        let json = serde_json::to_value(&e).expect("serialises");
        assert_eq!(json["code"], "no-vault");
        let text = json["text"].as_str().unwrap_or_default().to_string();
        assert!(!text.contains("fieldscreen vault init"), "{text}");
        assert!(json.get("message").is_none(), "the core's sentence went out: {json}");
        set_screen_language(Chain(vec!["en".parse().expect("tag")]));
        let english = e.text();
        assert_ne!(text, english, "the French screen got the English message");
    }

    #[test]
    fn codes_are_distinct() {
        let mut names: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ErrorCode::ALL.len());
    }
}
