//! `protocol check`: the protocol file, then its translations against the keys it uses, then the
//! app strings the engine needs. Every problem is reported, located, none stops the others.

use crate::source::{AppStrings, ProtocolSource};
use fieldscreen_i18n::{FtlFile, LanguageIdentifier, Message, direction_of, parse_ftl};
use fieldscreen_protocol::diagnostic::did_you_mean;
use fieldscreen_protocol::model::TranslationStatus;
use fieldscreen_protocol::{Diagnostic, Location, Protocol, Severity, builtin, compile};
use std::collections::BTreeMap;

/// What `protocol check` found in one protocol directory.
pub struct Checked {
    /// The compiled protocol, when its file compiled (it may still have other errors).
    pub protocol: Option<Protocol>,
    /// Every problem found, errors and warnings, located.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a problem is: file, 1-based line and column, and the key path inside the protocol.
struct At<'a>(&'a str, usize, usize, &'a str);

fn diag(severity: Severity, code: &'static str, at: At<'_>, message: String, hint: Option<String>) -> Diagnostic {
    let At(file, line, column, path) = at;
    Diagnostic {
        severity,
        code,
        file: file.to_string(),
        location: Location { line, column },
        path: path.to_string(),
        message,
        hint,
    }
}

/// Checks a protocol with its translations and the app strings the engine needs, on `today`
/// (for review and validity dates). Every problem is reported; none stops the others.
pub fn check(src: &ProtocolSource, app: &AppStrings, today: Option<jiff::civil::Date>) -> Checked {
    let mut out = Vec::new();
    for f in &src.unreadable {
        out.push(diag(
            Severity::Error,
            "not-utf8",
            At(f, 1, 1, ""),
            "the file is not UTF-8 text".into(),
            Some("save it as UTF-8".into()),
        ));
    }
    let Some(file) = &src.protocol else {
        out.push(diag(
            Severity::Error,
            "missing-file",
            At(&src.dir, 1, 1, ""),
            "no protocol.toml in this directory".into(),
            None,
        ));
        return Checked {
            protocol: None,
            diagnostics: out,
        };
    };
    let compiled = compile(&file.path, &file.text, today);
    out.extend(compiled.diagnostics);
    let Some(protocol) = compiled.protocol else {
        // Translations are checked against the keys the protocol uses; without it, only syntax.
        for (_, f) in &src.locales {
            out.extend(syntax_problems(&f.path, &parse_ftl(&f.text)));
        }
        return Checked {
            protocol: None,
            diagnostics: out,
        };
    };
    if protocol.header.id != src.dir_name {
        out.push(diag(
            Severity::Error,
            "id-mismatch",
            At(&file.path, 1, 1, "protocol.id"),
            format!(
                "the protocol id `{}` differs from its directory name `{}`",
                protocol.header.id, src.dir_name
            ),
            Some("rename one so both match".into()),
        ));
    }
    check_translations(&protocol, src, &file.path, &mut out);
    out.extend(crate::media::check_media(&protocol, src, &file.path));
    check_app_strings(&protocol, app, &mut out);
    Checked {
        protocol: Some(protocol),
        diagnostics: out,
    }
}

fn syntax_problems(path: &str, f: &FtlFile) -> Vec<Diagnostic> {
    f.problems
        .iter()
        .map(|p| {
            diag(
                if p.is_warning() {
                    Severity::Warning
                } else {
                    Severity::Error
                },
                p.code,
                At(path, p.line, p.column, ""),
                p.message.clone(),
                None,
            )
        })
        .collect()
}

fn check_translations(protocol: &Protocol, src: &ProtocolSource, protocol_path: &str, out: &mut Vec<Diagnostic>) {
    // A set: every message of every file is looked up in it.
    let keys: std::collections::BTreeSet<String> = protocol.text_keys().into_iter().collect();
    let parsed: BTreeMap<&str, (&str, FtlFile)> = src
        .locales
        .iter()
        .map(|(tag, f)| (tag.as_str(), (f.path.as_str(), parse_ftl(&f.text))))
        .collect();
    let default = protocol.header.default_language.as_str();
    for (tag, (path, _)) in &parsed {
        if !protocol.header.languages.iter().any(|l| l.tag == *tag) {
            out.push(diag(
                Severity::Warning,
                "undeclared-language",
                At(path, 1, 1, ""),
                format!("`{tag}.ftl` is not declared in [[protocol.languages]] and will not be offered"),
                None,
            ));
        }
    }
    for (i, lang) in protocol.header.languages.iter().enumerate() {
        let lpath = format!("protocol.languages[{i}]");
        let complete = lang.status == TranslationStatus::Complete;
        if let Ok(id) = lang.tag.parse::<LanguageIdentifier>() {
            let cldr = direction_of(&id);
            let declared = lang.direction;
            if cldr != declared {
                out.push(diag(
                    Severity::Warning,
                    "direction-mismatch",
                    At(protocol_path, 1, 1, &lpath),
                    format!(
                        "`{}` is declared {} but its script is written {}",
                        lang.tag,
                        declared.as_str(),
                        cldr.as_str()
                    ),
                    None,
                ));
            }
        }
        let Some((path, ftl)) = parsed.get(lang.tag.as_str()) else {
            let severity = if complete { Severity::Error } else { Severity::Warning };
            out.push(diag(
                severity,
                "missing-translation",
                At(protocol_path, 1, 1, &lpath),
                format!("no locales/{}.ftl for declared language `{}`", lang.tag, lang.tag),
                None,
            ));
            continue;
        };
        out.extend(syntax_problems(path, ftl));
        let missing: Vec<&String> = keys
            .iter()
            .filter(|k| !ftl.messages.get(k.as_str()).is_some_and(|m| m.has_value))
            .collect();
        if complete {
            for k in &missing {
                let hint = did_you_mean(k, ftl.messages.keys().map(String::as_str));
                out.push(diag(
                    Severity::Error,
                    "missing-key",
                    At(path, 1, 1, ""),
                    format!("`{}` is marked complete but has no message `{k}`", lang.tag),
                    hint,
                ));
            }
        } else if !missing.is_empty() {
            let list: Vec<&str> = missing.iter().map(|k| k.as_str()).collect();
            out.push(diag(
                Severity::Warning,
                "draft-missing-keys",
                At(path, 1, 1, ""),
                format!(
                    "draft translation `{}` lacks {} of {} messages (they fall back to `{default}`): {}",
                    lang.tag,
                    list.len(),
                    keys.len(),
                    list.join(", ")
                ),
                None,
            ));
        }
        for (k, m) in &ftl.messages {
            if !keys.contains(k) {
                let hint = did_you_mean(k, keys.iter().map(String::as_str));
                out.push(diag(
                    Severity::Warning,
                    "unused-key",
                    At(path, m.line, m.column, ""),
                    format!("message `{k}` is not used by the protocol"),
                    hint,
                ));
            }
        }
        if lang.tag != default
            && let Some((_, reference)) = parsed.get(default)
        {
            let severity = if complete { Severity::Error } else { Severity::Warning };
            compare_variables(&reference.messages, &ftl.messages, path, default, severity, out);
        }
    }
}

/// Every translation of a message must use the same variables as the default language's.
fn compare_variables(
    reference: &BTreeMap<String, Message>,
    messages: &BTreeMap<String, Message>,
    path: &str,
    default: &str,
    severity: Severity,
    out: &mut Vec<Diagnostic>,
) {
    let show =
        |v: &std::collections::BTreeSet<String>| v.iter().map(|x| format!("${x}")).collect::<Vec<_>>().join(", ");
    // A translation may select on the respondent's grammatical gender where its grammar needs
    // it; the engine gives every question that variable.
    let own = |v: &std::collections::BTreeSet<String>| -> std::collections::BTreeSet<String> {
        v.iter()
            .filter(|x| x.as_str() != fieldscreen_protocol::builtin::GENDER_VARIABLE)
            .cloned()
            .collect()
    };
    for (k, m) in messages {
        let Some(r) = reference.get(k) else { continue };
        if own(&r.variables) != own(&m.variables) {
            out.push(diag(
                severity,
                "variables-differ",
                At(path, m.line, m.column, ""),
                format!(
                    "message `{k}` uses [{}] but `{default}` uses [{}]",
                    show(&m.variables),
                    show(&r.variables)
                ),
                Some("every translation must use the same variables".into()),
            ));
        }
    }
}

/// The engine's own wording (safety check, consent, age gate, levels) lives in the app strings;
/// the protocol's languages need it too.
fn check_app_strings(protocol: &Protocol, app: &AppStrings, out: &mut Vec<Diagnostic>) {
    let needed = builtin::app_keys();
    let default = protocol.header.default_language.as_str();
    let reference: BTreeMap<String, Message> = app
        .files_for(default)
        .iter()
        .flat_map(|f| parse_ftl(&f.text).messages)
        .collect();
    for lang in &protocol.header.languages {
        let files = app.files_for(&lang.tag);
        let mut defined = std::collections::BTreeSet::new();
        for f in &files {
            let ftl = parse_ftl(&f.text);
            out.extend(syntax_problems(&f.path, &ftl));
            if lang.tag != default {
                compare_variables(&reference, &ftl.messages, &f.path, default, Severity::Error, out);
            }
            defined.extend(ftl.messages.into_keys());
        }
        // The engine's messages everywhere; in other languages also every app message the
        // default language has (those fall back, so a warning).
        let strict = lang.tag == protocol.header.default_language;
        let mut missing: Vec<&str> = needed
            .iter()
            .filter(|k| !defined.contains(*k))
            .map(String::as_str)
            .collect();
        if !strict {
            missing.extend(
                reference
                    .keys()
                    .filter(|k| !defined.contains(*k) && !needed.contains(*k))
                    .map(String::as_str),
            );
        }
        if missing.is_empty() {
            continue;
        }
        let severity = if strict { Severity::Error } else { Severity::Warning };
        let file = files
            .first()
            .map_or_else(|| format!("locales/{}/", lang.tag), |f| f.path.clone());
        out.push(diag(
            severity,
            "app-strings-missing",
            At(&file, 1, 1, ""),
            format!(
                "the app strings for `{}` lack {} messages: {}",
                lang.tag,
                missing.len(),
                missing.join(", ")
            ),
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::TextFile;

    const PROTOCOL: &str = include_str!("../../../screening_protocols/rapid-screen/protocol.toml");

    fn file(path: &str, text: &str) -> TextFile {
        TextFile {
            path: path.into(),
            text: text.into(),
        }
    }

    fn source() -> ProtocolSource {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../screening_protocols/rapid-screen");
        crate::read_protocol_dir(std::path::Path::new(dir)).expect("bundled protocol")
    }

    fn app_strings() -> AppStrings {
        crate::read_app_strings(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../locales"
        )))
        .expect("app strings")
    }

    fn codes(c: &Checked) -> Vec<&'static str> {
        c.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn the_bundled_app_strings_serve_every_protocol_language() {
        let c = check(&source(), &app_strings(), None);
        assert!(c.diagnostics.is_empty(), "{:?}", codes(&c));
        assert!(c.protocol.is_some());
    }

    #[test]
    fn app_string_variables_must_match_the_default_language() {
        let mut app = app_strings();
        let fr = app.langs.iter_mut().find(|(t, _)| t == "fr").expect("fr");
        fr.1.push(file(
            "locales/fr/extra.ftl",
            "cli-outcome-title = Résultat : { $niveau }\n",
        ));
        let c = check(&source(), &app, None);
        let d = c
            .diagnostics
            .iter()
            .find(|d| d.code == "variables-differ")
            .expect("reported");
        assert_eq!(d.file, "locales/fr/extra.ftl");
        assert_eq!(d.location.line, 1);
        assert!(d.message.contains("$niveau") && d.message.contains("$level"));
    }

    /// The app strings with the consent step's wording removed from one language.
    fn without_consent_wording(lang: &str) -> AppStrings {
        let mut app = app_strings();
        let files = &mut app.langs.iter_mut().find(|(t, _)| t == lang).expect("language").1;
        for f in files {
            f.text = f
                .text
                .lines()
                .filter(|l| !l.starts_with("fs-step-consent ="))
                .collect::<Vec<_>>()
                .join("\n");
        }
        app
    }

    fn missing_app_strings(app: &AppStrings) -> Diagnostic {
        let c = check(&source(), app, None);
        c.diagnostics
            .into_iter()
            .find(|d| d.code == "app-strings-missing")
            .expect("reported")
    }

    #[test]
    fn the_default_language_needs_every_engine_string() {
        let d = missing_app_strings(&without_consent_wording("en"));
        assert_eq!(d.severity, Severity::Error);
        assert!(d.message.contains("fs-step-consent"));
        // In a draft language the same gap is only a warning.
        assert_eq!(
            missing_app_strings(&without_consent_wording("vi")).severity,
            Severity::Warning
        );
    }

    #[test]
    fn loading_refuses_a_protocol_with_errors() {
        let mut src = source();
        src.protocol = Some(file(
            "protocol.toml",
            &PROTOCOL.replace("rule = \"any-one\"", "rule = \"no-such-rule\""),
        ));
        let err = crate::load(&src, &app_strings(), None).err().expect("refused");
        assert!(err.to_string().contains("no dimension rule `no-such-rule`"), "{err}");
    }
}
