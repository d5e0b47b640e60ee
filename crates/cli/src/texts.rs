//! The app's own strings for commands that show no protocol.

use anyhow::Result;
use fieldscreen_catalog::{APP_DEFAULT_LANGUAGE, AppStrings, app_localizer};
use fieldscreen_i18n::fluent::{FluentArgs, FluentValue};
use fieldscreen_i18n::{Chain, LanguageIdentifier, Localizer, negotiate};

pub struct Texts {
    localizer: Localizer,
    chain: Chain,
}

impl Texts {
    pub fn new(app: &AppStrings, lang: &str) -> Result<Texts> {
        let localizer = app_localizer(app)?;
        let default: LanguageIdentifier = APP_DEFAULT_LANGUAGE.parse()?;
        let chain = negotiate(lang, &localizer.languages(), &default)?;
        Ok(Texts { localizer, chain })
    }

    pub fn t(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut a = FluentArgs::new();
        for (k, v) in args {
            a.set(k.to_string(), FluentValue::from(v.clone()));
        }
        crate::bidi::for_terminal(&self.localizer.text(&self.chain, key, Some(&a)))
    }
}
