//! Localisation for FieldScreen: Fluent bundles with a fallback chain, language negotiation, text
//! direction, locale-aware numbers and dates (ICU4X), and the checks a translation must pass.
//! Knows nothing of protocols: it is handed Fluent files and keys.

mod check;
mod format;
mod localizer;

pub use check::{FtlFile, FtlProblem, Message, parse_ftl};
pub use format::{format_date, format_number};
pub use localizer::{Chain, Localized, Localizer, TextDirection, direction_of, negotiate};
pub use unic_langid::LanguageIdentifier;

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("`{0}` is not a valid language tag")]
    BadTag(String),
    #[error("{file}: Fluent syntax errors; run `fieldscreen protocol check` for details")]
    Syntax { file: String },
}

/// Fluent's argument types, for callers that pass variables.
pub mod fluent {
    pub use fluent_bundle::{FluentArgs, FluentValue};
}
