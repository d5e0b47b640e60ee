//! Direction marks for terminals, which rarely apply the bidi algorithm to a whole line.

use fieldscreen_i18n::{Localized, TextDirection};

fn has_rtl(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// Right-to-left text is wrapped in a right-to-left isolate. Fluent's isolation marks around
/// placeables are kept wherever right-to-left text is involved; in purely left-to-right text
/// they do nothing, and many terminals print them as boxes.
pub fn for_terminal(l: &Localized) -> String {
    match l.direction {
        TextDirection::Rtl => format!("\u{2067}{}\u{2069}", l.text),
        TextDirection::Ltr if has_rtl(&l.text) => l.text.clone(),
        TextDirection::Ltr => l.text.replace(['\u{2068}', '\u{2069}'], ""),
    }
}
