//! End-to-end tests of the `fieldscreen` binary: the malformed-protocol corpus, the bundled
//! protocols, and scripted interviews with known outcomes. One test binary for all of them.

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn command() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_fieldscreen"));
    for var in [
        "FIELDSCREEN_PROTOCOLS",
        "FIELDSCREEN_LOCALES",
        "FIELDSCREEN_VAULT",
        "FIELDSCREEN_PASSPHRASE",
        "FIELDSCREEN_NEW_PASSPHRASE",
        "FIELDSCREEN_LOG",
    ] {
        c.env_remove(var);
    }
    c
}

fn fieldscreen(args: &[&str]) -> Output {
    command().args(args).output().expect("the fieldscreen binary runs")
}

const PASSPHRASE: &str = "a long test passphrase";

/// A fresh vault in a temporary directory, created through the CLI.
struct TestVault {
    dir: tempfile::TempDir,
}

impl TestVault {
    fn new() -> TestVault {
        let dir = tempfile::tempdir().expect("temp dir");
        let v = TestVault { dir };
        let out = v.run(&["vault", "init"]);
        assert!(out.status.success(), "vault init: {}", text(&out.stderr));
        v
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn cmd(&self) -> Command {
        let mut c = command();
        c.env("FIELDSCREEN_VAULT", self.path())
            .env("FIELDSCREEN_PASSPHRASE", PASSPHRASE);
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("the fieldscreen binary runs")
    }

    fn cases(&self) -> Vec<Value> {
        let out = self.run(&["cases", "list", "--json"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("case list")
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every case in tests/malformed/cases is refused with its expected, located diagnostic.
#[test]
fn malformed_corpus_yields_located_errors_without_panics() {
    let root = repo().join("tests/malformed/cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 50, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let expected = std::fs::read_to_string(case.join("expected")).expect("expected file");
        let mut args: Vec<String> = vec!["protocol".into(), "check".into()];
        if let Some(extra) = expected.lines().find_map(|l| l.strip_prefix("args: ")) {
            args.extend(extra.split_whitespace().map(str::to_string));
        }
        args.push(case.display().to_string());
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = fieldscreen(&refs);
        let stdout = text(&out.stdout);
        let name = case
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if out.status.code() != Some(1) {
            failures.push(format!(
                "{name}: exit {:?} (stderr: {})",
                out.status.code(),
                text(&out.stderr)
            ));
            continue;
        }
        for line in expected.lines().filter(|l| !l.starts_with("args: ") && !l.is_empty()) {
            let mut parts = line.split_whitespace();
            let (severity, code, place) = (
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
                parts.next().unwrap_or(""),
            );
            let (file, position) = place.split_once(':').unwrap_or((place, ""));
            let (line_no, column) = position.split_once(':').unwrap_or((position, "*"));
            let found = stdout.lines().any(|l| {
                let Some((located, rest)) = l.split_once(&format!(": {severity}[{code}]")) else {
                    return false;
                };
                let _ = rest;
                let prefix = if column == "*" {
                    format!("{file}:{line_no}:")
                } else {
                    format!("{file}:{line_no}:{column}")
                };
                let tail = located.rsplit_once(&format!("/{name}/")).map_or(located, |(_, t)| t);
                if column == "*" {
                    tail.starts_with(&prefix)
                } else {
                    tail == prefix
                }
            });
            if !found {
                failures.push(format!("{name}: expected `{line}`, got:\n{stdout}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn bundled_protocols_pass_the_check() {
    let out = fieldscreen(&["protocol", "check", "--today", "2026-12-01"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("3 protocol(s) checked: 0 error(s)"), "{stdout}");
    // The same files read from disk, as an author would check them.
    let dirs =
        ["adult-trafficking", "child-trafficking", "rapid-screen"].map(|d| repo().join("screening_protocols").join(d));
    let mut args = vec!["protocol".to_string(), "check".to_string()];
    args.extend(dirs.iter().map(|d| d.display().to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = fieldscreen(&refs);
    assert!(out.status.success(), "{}", text(&out.stdout));
}

#[test]
fn lists_and_shows_protocols() {
    let out = fieldscreen(&["protocol", "list"]);
    let stdout = text(&out.stdout);
    for id in ["adult-trafficking", "child-trafficking", "rapid-screen"] {
        assert!(stdout.contains(id), "{stdout}");
    }
    let out = fieldscreen(&["protocol", "show", "adult-trafficking"]);
    let stdout = text(&out.stdout);
    assert!(out.status.success());
    // Each question is shown with the indicators its answer can trigger.
    assert!(
        stdout
            .lines()
            .any(|l| l.contains("documents_held") && l.contains("[documents-withheld]")),
        "{stdout}"
    );
    let out = fieldscreen(&["protocol", "show", "no-such-protocol"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no protocol `no-such-protocol`"));
}

/// The `#! key: value` lines at the top of an answers file.
fn header(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .expect("answers file")
        .lines()
        .filter_map(|l| l.strip_prefix("#! "))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn words(s: &str) -> BTreeSet<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn flat_state(v: &Value) -> String {
    let mut parts = vec![v["state"].as_str().unwrap_or("").to_string()];
    for key in ["reason", "by", "rule"] {
        if let Some(s) = v.get(key).and_then(Value::as_str) {
            parts.push(s.to_string());
        }
    }
    parts.join(" ")
}

fn ids(v: &Value, key: &str) -> BTreeSet<String> {
    v[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["id"].as_str().map(str::to_string))
        .collect()
}

/// Each tests/interviews/*.answers is a scripted interview whose header states the outcome.
#[test]
fn scripted_interviews_reproduce_known_outcomes() {
    let dir = repo().join("tests/interviews");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("interviews")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "answers"))
        .collect();
    files.sort();
    assert!(files.len() >= 15);
    let vault = TestVault::new();
    let mut stored = 0;
    let mut not_stored = Vec::new();
    let mut failures = Vec::new();
    for f in &files {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let h = header(f);
        let get = |k: &str| h.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone());
        let protocol = get("protocol").expect("protocol line");
        let file = f.display().to_string();
        let mut args = vec![
            "interview",
            "--protocol",
            &protocol,
            "--answers",
            &file,
            "--json",
            "--today",
            "2026-12-01",
        ];
        let lang = get("lang");
        let respondent = get("respondent-lang");
        if let Some(l) = &lang {
            args.extend(["--lang", l]);
        }
        if let Some(r) = &respondent {
            args.extend(["--respondent-lang", r]);
        }
        let before = vault.cases().len();
        let out = vault.run(&args);
        let want_exit: i32 = get("expect exit").map_or(0, |e| e.parse().expect("exit code"));
        let after = vault.cases();
        if after.len() == before {
            not_stored.push(name.clone());
        }
        if after.len() > before {
            stored += 1;
            // The stored case says what the interview said.
            let newest = &after[0];
            if let Some(level) = get("expect level").filter(|_| want_exit == 0 && !name.contains("emergency")) {
                let finished = newest["state"] != "in-progress";
                if finished && newest["level"] != level.as_str() {
                    failures.push(format!("{name}: stored level {} but expected {level}", newest["level"]));
                }
            }
        }
        if out.status.code() != Some(want_exit) {
            failures.push(format!(
                "{name}: exit {:?}, wanted {want_exit}; stderr: {}",
                out.status.code(),
                text(&out.stderr)
            ));
            continue;
        }
        if want_exit == 2 {
            continue;
        }
        let v: Value = match serde_json::from_slice(&out.stdout) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: no JSON outcome ({e}): {}", text(&out.stdout)));
                continue;
            }
        };
        for (key, want) in &h {
            let Some(field) = key.strip_prefix("expect ") else {
                continue;
            };
            let ok = match field {
                "exit" => true,
                "state" => &flat_state(&v["state"]) == want,
                "indicators" | "referrals" => ids(&v, field) == words(want),
                "safety_notes" => {
                    let have: BTreeSet<String> = v["safety_note_keys"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|k| k.as_str().map(str::to_string))
                        .collect();
                    words(want).is_subset(&have)
                }
                "rule" => v["profiles"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|p| p["rule"]["id"] == want.as_str() && p["level"] == v["level"]),
                other => match &v[other] {
                    Value::String(s) => s == want,
                    Value::Bool(b) => &b.to_string() == want,
                    x => &x.to_string() == want,
                },
            };
            if !ok {
                failures.push(format!(
                    "{name}: `{field}` should be `{want}`; outcome: {}",
                    serde_json::to_string(&v).unwrap_or_default()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    // Every script reaches consent (given, refused) or a postponement, so each left a case.
    assert_eq!(stored, files.len(), "cases stored; none for {not_stored:?}");
}

#[test]
fn bilingual_display_isolates_right_to_left_text_and_never_echoes_free_text() {
    let script = repo().join("tests/interviews/adult-refer-now.answers");
    let out = fieldscreen(&[
        "interview",
        "--practice",
        "--protocol",
        "adult-trafficking",
        "--lang",
        "en",
        "--respondent-lang",
        "ar",
        "--answers",
        &script.display().to_string(),
        "--today",
        "2026-12-01",
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    // The respondent's Arabic line is wrapped in a right-to-left isolate; the English is not.
    assert!(stdout.contains("\u{2067}"), "no RTL isolate in:\n{stdout}");
    assert!(stdout.contains("Before you started, did someone promise you a job"));
    assert!(stdout.contains("Outcome: Refer now"));
    assert!(stdout.contains("not a legal identification"));
    // Free text is sensitive: it is never printed back, in the transcript or the outcome.
    assert!(!stdout.contains("MARKER-7731"));
}

#[test]
fn an_unavailable_language_falls_back_and_says_so() {
    let script = repo().join("tests/interviews/rapid-assess-further.answers");
    let out = fieldscreen(&[
        "interview",
        "--practice",
        "--protocol",
        "rapid-screen",
        "--lang",
        "de",
        "--answers",
        &script.display().to_string(),
        "--today",
        "2026-12-01",
    ]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Outcome: Assess further"));
    let bad = fieldscreen(&[
        "interview",
        "--practice",
        "--protocol",
        "rapid-screen",
        "--lang",
        "not a tag",
        "--answers",
        &script.display().to_string(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("not a language tag"));
}
