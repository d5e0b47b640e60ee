//! The protocol catalog: reads protocol directories (from disk or embedded in a binary), checks a
//! protocol together with its translations, and loads it with the app's own strings into a
//! ready-to-run protocol and localiser. The CLI and the app both go through here: a [`Catalog`]
//! is the only way either finds a protocol by its id.
#![warn(missing_docs)]

pub mod bundled;
mod catalog;
mod check;
pub mod install;
pub mod media;
mod source;

pub use catalog::Catalog;
pub use check::{Checked, check};
pub use source::{AppStrings, ProtocolSource, TextFile, list_protocol_dirs, read_app_strings, read_protocol_dir};

use fieldscreen_i18n::{Chain, LanguageIdentifier, Localizer};
use fieldscreen_protocol::{Diagnostic, Protocol, Severity};
use std::sync::Arc;

/// Why a protocol or the app's strings could not be had.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// A file or directory could not be read. The cause is part of the message (and so not also
    /// a `source`, which would print it twice in an error chain).
    #[error("cannot read {path}: {reason}")]
    Io {
        /// As the user would recognise it.
        path: String,
        /// What the system said.
        reason: std::io::Error,
    },
    /// The protocol fails its check; it is not run.
    #[error("protocol `{id}` has errors:\n{}", .diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The protocol (its directory's name).
        id: String,
        /// Its errors, located.
        diagnostics: Vec<Diagnostic>,
    },
    /// A language was asked for by something that is no BCP 47 tag.
    #[error("`{0}` is not a language tag")]
    BadLanguage(String),
    /// No protocol has this id.
    #[error("no protocol `{id}`; available: {}", .available.join(", "))]
    UnknownProtocol {
        /// The id asked for.
        id: String,
        /// The ids there are.
        available: Vec<String>,
    },
}

/// A protocol ready for interviews, with the strings to show it in every language it has.
pub struct Loaded {
    /// The compiled protocol.
    pub protocol: Arc<Protocol>,
    /// Its texts and the app's, in every language it declares.
    pub localizer: Localizer,
    /// What its check found that does not stop it.
    pub warnings: Vec<Diagnostic>,
    /// Its clips and pictures.
    pub media: Vec<media::MediaFile>,
    default_language: LanguageIdentifier,
}

impl Loaded {
    /// The fallback chain for a requested language, ending with the protocol's default language.
    pub fn chain(&self, requested: &str) -> Result<Chain, CatalogError> {
        fieldscreen_i18n::negotiate(requested, &self.localizer.languages(), &self.default_language)
            .map_err(|_| CatalogError::BadLanguage(requested.to_string()))
    }
}

/// The app's own strings alone, for commands that show no protocol (vault and case commands).
pub fn app_localizer(app: &AppStrings) -> Result<Localizer, CatalogError> {
    let sources: Vec<(&str, Vec<(String, String)>)> = app
        .langs
        .iter()
        .map(|(tag, files)| {
            (
                tag.as_str(),
                files.iter().map(|f| (f.path.clone(), f.text.clone())).collect(),
            )
        })
        .collect();
    Localizer::new(sources).map_err(|e| CatalogError::Invalid {
        id: format!("app strings: {e}"),
        diagnostics: Vec::new(),
    })
}

/// The app strings' fallback language.
pub const APP_DEFAULT_LANGUAGE: &str = "en";

/// Checks and loads a protocol; any error refuses it.
fn load(src: &ProtocolSource, app: &AppStrings, today: Option<jiff::civil::Date>) -> Result<Loaded, CatalogError> {
    let checked = check(src, app, today);
    let id = src.dir_name.clone();
    let (errors, warnings): (Vec<_>, Vec<_>) = checked
        .diagnostics
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    let Some(protocol) = checked.protocol.filter(|_| errors.is_empty()) else {
        return Err(CatalogError::Invalid {
            id,
            diagnostics: errors,
        });
    };
    let default_language: LanguageIdentifier = protocol
        .header
        .default_language
        .parse()
        .map_err(|_| CatalogError::BadLanguage(protocol.header.default_language.clone()))?;
    let mut sources: Vec<(&str, Vec<(String, String)>)> = Vec::new();
    for lang in &protocol.header.languages {
        let mut files: Vec<(String, String)> = app
            .files_for(&lang.tag)
            .into_iter()
            .map(|f| (f.path.clone(), f.text.clone()))
            .collect();
        if let Some(f) = src.locale(&lang.tag) {
            files.push((f.path.clone(), f.text.clone()));
        }
        sources.push((lang.tag.as_str(), files));
    }
    let localizer = Localizer::new(sources).map_err(|_| CatalogError::Invalid {
        id: id.clone(),
        diagnostics: Vec::new(),
    })?;
    Ok(Loaded {
        protocol: Arc::new(protocol),
        localizer,
        warnings,
        media: src.media.clone(),
        default_language,
    })
}

/// What an interview runs on: its protocol and, when the protocol names one, the child branch
/// the age gate moves a child or presumed child to before anything is stored.
pub struct Interview {
    /// The protocol the interview was started with.
    pub main: Arc<Loaded>,
    /// The protocol the age gate moves a child to, when `main` names one.
    pub child: Option<Arc<Loaded>>,
}

impl Interview {
    /// For a stored case: it was stored after consent, so its protocol never changes again and
    /// no child branch applies.
    pub fn of_stored_case(main: Arc<Loaded>) -> Interview {
        Interview { main, child: None }
    }

    /// A new session at its first question, with the child branch attached.
    pub fn start(&self) -> fieldscreen_protocol::Session {
        let mut session = fieldscreen_protocol::Session::new(self.main.protocol.clone());
        if let Some(child) = &self.child {
            session = session.with_child_branch(child.protocol.clone());
        }
        session.start();
        session
    }

    /// The loaded protocol (texts included) the session is running now.
    pub fn running(&self, session: &fieldscreen_protocol::Session) -> &Loaded {
        match &self.child {
            Some(child) if Arc::ptr_eq(&child.protocol, session.protocol_arc()) => child,
            _ => &self.main,
        }
    }
}
