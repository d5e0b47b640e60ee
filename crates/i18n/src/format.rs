//! Numbers and dates in the reader's conventions, from CLDR data through ICU4X: digit grouping,
//! native digits where the locale uses them, the locale's date pattern.

use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_locale_core::Locale;
use unic_langid::LanguageIdentifier;

fn locale(lang: &LanguageIdentifier) -> Locale {
    Locale::try_from_str(&lang.to_string()).unwrap_or(icu_locale_core::locale!("und"))
}

/// A whole number as `lang` writes it (digits and grouping); plain digits if ICU4X has no data.
pub fn format_number(lang: &LanguageIdentifier, n: i64) -> String {
    match DecimalFormatter::try_new(locale(lang).into(), Default::default()) {
        Ok(f) => f.format(&Decimal::from(n)).to_string(),
        Err(_) => n.to_string(),
    }
}

/// A date as `lang` writes it (medium length); ISO 8601 if ICU4X has no data.
pub fn format_date(lang: &LanguageIdentifier, date: jiff::civil::Date) -> String {
    let iso = icu_calendar::Date::try_new_iso(
        i32::from(date.year()),
        date.month().unsigned_abs(),
        date.day().unsigned_abs(),
    );
    match (DateTimeFormatter::try_new(locale(lang).into(), YMD::medium()), iso) {
        (Ok(f), Ok(d)) => f.format(&d).to_string(),
        _ => date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lid(s: &str) -> LanguageIdentifier {
        s.parse().expect("test tag")
    }

    #[test]
    fn groups_digits_the_local_way() {
        assert_eq!(format_number(&lid("en"), 1234567), "1,234,567");
        assert_eq!(format_number(&lid("fr"), 1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(format_number(&lid("es"), 1234567), "1.234.567");
    }

    #[test]
    fn uses_native_digits_where_customary() {
        // Arabic as used in Egypt writes Arabic-Indic digits.
        assert_eq!(format_number(&lid("ar-EG"), 2024), "٢٬٠٢٤");
    }

    #[test]
    fn formats_dates_per_locale() {
        let d = jiff::civil::date(2026, 3, 9);
        assert_eq!(format_date(&lid("en"), d), "Mar 9, 2026");
        assert!(format_date(&lid("ru"), d).contains("2026"));
    }
}
