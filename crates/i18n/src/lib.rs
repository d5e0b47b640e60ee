//! Localisation for FieldScreen: Fluent bundles with a fallback chain, language negotiation, text
//! direction, locale-aware numbers and dates (ICU4X), and the checks a translation must pass.
//! Knows nothing of protocols: it is handed Fluent files and keys.
#![warn(missing_docs)]

mod check;
mod format;
mod localizer;

pub use check::{FtlFile, FtlProblem, Message, parse_ftl};
pub use format::{format_date, format_number};
pub use localizer::{Chain, Localized, Localizer, TextDirection, direction_of, negotiate};
pub use unic_langid::LanguageIdentifier;

/// Why a set of Fluent files could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    /// A language was named by something that is no BCP 47 tag.
    #[error("`{0}` is not a valid language tag")]
    BadTag(String),
    /// A file does not parse; the checker locates every error.
    #[error("{file}: Fluent syntax errors; run `fieldscreen protocol check` for details")]
    Syntax {
        /// The file, as the user would recognise it.
        file: String,
    },
}

/// Fluent's argument types, for callers that pass variables.
pub mod fluent {
    pub use fluent_bundle::{FluentArgs, FluentValue};
}
