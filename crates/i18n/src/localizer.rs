//! Looking up and formatting strings in the best available language.

use crate::I18nError;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use std::collections::BTreeSet;
use std::sync::Mutex;
use unic_langid::{CharacterDirection, LanguageIdentifier};

/// Which way a language's script runs: the one type for it, from a protocol's declaration to
/// the `dir` attribute a front end sets (serialised as `ltr` / `rtl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu, …).
    Rtl,
}

impl TextDirection {
    /// Both directions.
    pub const ALL: [TextDirection; 2] = [TextDirection::Ltr, TextDirection::Rtl];

    /// `ltr` or `rtl`: the value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }

    /// `ltr` or `rtl`, as written in a protocol file.
    pub fn parse(name: &str) -> Option<TextDirection> {
        TextDirection::ALL.into_iter().find(|d| d.as_str() == name)
    }
}

/// The script direction CLDR gives the language (Arabic, Hebrew, Persian, Urdu… are RTL).
pub fn direction_of(lang: &LanguageIdentifier) -> TextDirection {
    match lang.character_direction() {
        CharacterDirection::RTL => TextDirection::Rtl,
        _ => TextDirection::Ltr,
    }
}

/// Languages to try, best first; the last is the default language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain(pub Vec<LanguageIdentifier>);

impl Chain {
    /// The language asked for (or its best match).
    pub fn primary(&self) -> Option<&LanguageIdentifier> {
        self.0.first()
    }
}

/// Negotiates `requested` against what is `available`, ending with `default`. A request for
/// `fr-CA` with `fr` available gives `[fr, en]`; an unavailable language gives `[en]`.
pub fn negotiate(
    requested: &str,
    available: &[LanguageIdentifier],
    default: &LanguageIdentifier,
) -> Result<Chain, I18nError> {
    let req: LanguageIdentifier = requested
        .parse()
        .map_err(|_| I18nError::BadTag(requested.to_string()))?;
    let chosen = negotiate_languages(&[req], available, Some(default), NegotiationStrategy::Filtering);
    let mut chain: Vec<LanguageIdentifier> = chosen.into_iter().cloned().collect();
    if !chain.contains(default) {
        chain.push(default.clone());
    }
    Ok(Chain(chain))
}

/// A message in the best language the chain had for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Localized {
    /// The text, placeables filled in (and isolated for bidi).
    pub text: String,
    /// The language the text came from.
    pub lang: LanguageIdentifier,
    /// Which way that language runs.
    pub direction: TextDirection,
    /// True when the text is not in the chain's first language (or the key is missing
    /// everywhere, in which case `text` is the key itself between brackets).
    pub fell_back: bool,
}

struct LangBundle {
    lang: LanguageIdentifier,
    bundle: FluentBundle<FluentResource>,
}

/// Bundles for several languages. Later resources override earlier ones with the same key, so a
/// protocol can reword the app's built-in steps.
pub struct Localizer {
    bundles: Vec<LangBundle>,
    fallbacks: Mutex<BTreeSet<(String, String)>>,
}

impl Localizer {
    /// `sources`: per language tag, its Fluent files in override order (app first, protocol last).
    /// Files with syntax errors are refused; `fieldscreen protocol check` explains them.
    pub fn new<'a>(sources: impl IntoIterator<Item = (&'a str, Vec<(String, String)>)>) -> Result<Self, I18nError> {
        let mut bundles = Vec::new();
        for (tag, files) in sources {
            let lang: LanguageIdentifier = tag.parse().map_err(|_| I18nError::BadTag(tag.to_string()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang.clone()]);
            for (file, text) in files {
                // A leading byte-order mark is dropped; placeables nested too deep for the parser
                // are refused before it runs (`check::parsable`).
                let text = match crate::check::parsable(&text) {
                    Some(t) if t.len() == text.len() => text,
                    Some(t) => t.to_string(),
                    None => return Err(I18nError::Syntax { file }),
                };
                let res = FluentResource::try_new(text).map_err(|_| I18nError::Syntax { file })?;
                bundle.add_resource_overriding(res);
            }
            bundles.push(LangBundle { lang, bundle });
        }
        Ok(Localizer {
            bundles,
            fallbacks: Mutex::new(BTreeSet::new()),
        })
    }

    /// The languages it has.
    pub fn languages(&self) -> Vec<LanguageIdentifier> {
        self.bundles.iter().map(|b| b.lang.clone()).collect()
    }

    /// Whether `lang` itself (no fallback) has a message `key`.
    pub fn has(&self, lang: &LanguageIdentifier, key: &str) -> bool {
        self.bundles
            .iter()
            .any(|b| &b.lang == lang && b.bundle.has_message(key))
    }

    /// The text for `key` in the first language of `chain` that has it.
    pub fn text(&self, chain: &Chain, key: &str, args: Option<&FluentArgs>) -> Localized {
        for (i, lang) in chain.0.iter().enumerate() {
            let Some(b) = self.bundles.iter().find(|b| &b.lang == lang) else {
                continue;
            };
            let Some(pattern) = b.bundle.get_message(key).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = b.bundle.format_pattern(pattern, args, &mut errors).into_owned();
            if i > 0 {
                self.note_fallback(chain, key);
            }
            return Localized {
                text,
                lang: lang.clone(),
                direction: direction_of(lang),
                fell_back: i > 0,
            };
        }
        self.note_fallback(chain, key);
        let lang = chain.primary().cloned().unwrap_or_default();
        Localized {
            text: format!("[{key}]"),
            direction: direction_of(&lang),
            lang,
            fell_back: true,
        }
    }

    fn note_fallback(&self, chain: &Chain, key: &str) {
        let wanted = chain.primary().map(ToString::to_string).unwrap_or_default();
        if let Ok(mut set) = self.fallbacks.lock() {
            set.insert((wanted, key.to_string()));
        }
    }

    /// Every (requested language, key) that was served from a fallback language so far.
    pub fn fallbacks(&self) -> Vec<(String, String)> {
        self.fallbacks
            .lock()
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lid(s: &str) -> LanguageIdentifier {
        s.parse().expect("test tag")
    }

    fn sample() -> Localizer {
        Localizer::new([
            (
                "en",
                vec![(
                    "app.ftl".into(),
                    "hello = Hello, { $name }!\nonly-en = English only\n".into(),
                )],
            ),
            ("ar", vec![("app.ftl".into(), "hello = مرحبا، { $name }!\n".into())]),
            (
                "fr",
                vec![
                    ("app.ftl".into(), "hello = Bonjour\n".into()),
                    ("p.ftl".into(), "hello = Salut\n".into()),
                ],
            ),
        ])
        .expect("valid sample")
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_deep_nesting_refused_before_parsing() {
        let with_bom = Localizer::new([("en", vec![("a.ftl".into(), "\u{FEFF}hello = Hi\n".into())])])
            .expect("a byte-order mark is not an error");
        assert!(with_bom.has(&lid("en"), "hello"));
        let deep = format!("x = {}$y{}\n", "{ ".repeat(10_000), " }".repeat(10_000));
        assert!(matches!(
            Localizer::new([("en", vec![("a.ftl".into(), deep)])]),
            Err(I18nError::Syntax { .. })
        ));
    }

    #[test]
    fn negotiates_regional_variants_and_falls_back_to_default() {
        let available = [lid("en"), lid("fr"), lid("ar")];
        assert_eq!(
            negotiate("fr-CA", &available, &lid("en")).expect("tag").0,
            vec![lid("fr"), lid("en")]
        );
        assert_eq!(negotiate("de", &available, &lid("en")).expect("tag").0, vec![lid("en")]);
        assert!(negotiate("not a tag!", &available, &lid("en")).is_err());
    }

    #[test]
    fn keeps_bidi_isolation_around_placeables() {
        let l = sample();
        let chain = negotiate("ar", &l.languages(), &lid("en")).expect("tag");
        let mut args = FluentArgs::new();
        args.set("name", "Anna");
        let t = l.text(&chain, "hello", Some(&args));
        assert_eq!(t.direction, TextDirection::Rtl);
        assert!(t.text.contains("\u{2068}Anna\u{2069}"), "{:?}", t.text);
        assert!(!t.fell_back);
    }

    #[test]
    fn reports_fallbacks_and_missing_keys() {
        let l = sample();
        let chain = negotiate("ar", &l.languages(), &lid("en")).expect("tag");
        let t = l.text(&chain, "only-en", None);
        assert!(t.fell_back);
        assert_eq!(t.lang, lid("en"));
        assert_eq!(t.direction, TextDirection::Ltr);
        let missing = l.text(&chain, "nowhere", None);
        assert_eq!(missing.text, "[nowhere]");
        assert_eq!(
            l.fallbacks(),
            vec![("ar".into(), "nowhere".into()), ("ar".into(), "only-en".into())]
        );
    }

    #[test]
    fn later_files_override_earlier_ones() {
        let l = sample();
        let chain = negotiate("fr", &l.languages(), &lid("en")).expect("tag");
        assert_eq!(l.text(&chain, "hello", None).text, "Salut");
    }
}
