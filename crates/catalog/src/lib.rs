//! The protocol catalog: reads protocol directories (from disk or embedded in a binary), checks a
//! protocol together with its translations, and loads it with the app's own strings into a
//! ready-to-run protocol and localiser. The CLI and the app both go through here.

pub mod bundled;
mod check;
mod source;

pub use check::{Checked, check};
pub use source::{AppStrings, ProtocolSource, TextFile, list_protocol_dirs, read_app_strings, read_protocol_dir};

use fieldscreen_i18n::{Chain, LanguageIdentifier, Localizer};
use fieldscreen_protocol::{Diagnostic, Protocol, Severity};
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("protocol `{id}` has errors:\n{}", .diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid { id: String, diagnostics: Vec<Diagnostic> },
    #[error("`{0}` is not a language tag")]
    BadLanguage(String),
    #[error("no protocol `{0}`")]
    UnknownProtocol(String),
}

/// A protocol ready for interviews, with the strings to show it in every language it has.
pub struct Loaded {
    pub protocol: Arc<Protocol>,
    pub localizer: Localizer,
    pub warnings: Vec<Diagnostic>,
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
pub fn load(src: &ProtocolSource, app: &AppStrings, today: Option<jiff::civil::Date>) -> Result<Loaded, CatalogError> {
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
        default_language,
    })
}
