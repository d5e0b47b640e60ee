//! End-to-end tests of the `fieldscreen` binary: the malformed-protocol corpus, the bundled
//! protocols, and scripted interviews with known outcomes. One test binary for all of them.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod sync;

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

/// How a script's expected lists are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lists {
    /// Exactly these ids (the interviews pin the whole outcome).
    Exact,
    /// At least these ids, or none at all when the list is empty (the vignettes name what the
    /// story is about, so that a new indicator elsewhere in the protocol does not break them).
    AtLeast,
}

/// Runs every `*.answers` script of `dir` through the CLI into one vault and checks its `#!
/// expect` headers. Returns the failures, each naming its script.
fn run_scripts(dir: &str, min_scripts: usize, lists: Lists, extra: &[&str]) -> Vec<String> {
    let dir = repo().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("scripts")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "answers"))
        .collect();
    files.sort();
    assert!(
        files.len() >= min_scripts,
        "{} scripts in {}",
        files.len(),
        dir.display()
    );
    let vault = TestVault::new();
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
        args.extend(extra);
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
        if after.len() > before && want_exit == 0 {
            // The stored case lists what the interview concluded: a level, or "incomplete".
            let newest = &after[0];
            if let Some(result) = get("expect result")
                && newest["state"] != "in-progress"
                && newest["level"] != result.as_str()
            {
                failures.push(format!("{name}: listed as {} but expected {result}", newest["level"]));
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
        let list_ok = |have: BTreeSet<String>, want: &str| match lists {
            Lists::Exact => have == words(want),
            Lists::AtLeast if want.trim().is_empty() => have.is_empty(),
            Lists::AtLeast => words(want).is_subset(&have),
        };
        for (key, want) in &h {
            let Some(field) = key.strip_prefix("expect ") else {
                continue;
            };
            let ok = match field {
                "exit" => true,
                "state" => &flat_state(&v["state"]) == want,
                // An unfinished interview has no result: `null` in the JSON.
                "result" => v.get("result").is_some() && v["result"].as_str().unwrap_or("incomplete") == want,
                "indicators" | "referrals" => list_ok(ids(&v, field), want),
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
    // Every script reaches consent (given, refused) or a postponement, so each left a case.
    if !not_stored.is_empty() {
        failures.push(format!("no case stored for {not_stored:?}"));
    }
    failures
}

/// Each tests/interviews/*.answers is a scripted interview whose header states the outcome.
#[test]
fn scripted_interviews_reproduce_known_outcomes() {
    let failures = run_scripts("tests/interviews", 15, Lists::Exact, &[]);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The case stories of tests/vignettes: each states what a specialist would conclude and why;
/// questions a story does not mention are skipped, as a worker would leave them.
#[test]
fn vignettes_reach_the_specialists_conclusion() {
    let failures = run_scripts("tests/vignettes", 40, Lists::AtLeast, &["--unlisted", "skip"]);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
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

// --- the vault, through the CLI --------------------------------------------------------------

#[test]
fn vault_lifecycle_and_a_wrong_passphrase() {
    let v = TestVault::new();
    let again = v.run(&["vault", "init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("already exists"));
    let out = v.run(&["vault", "unlock"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("unlocked: 0 case(s)"));
    let wrong = v
        .cmd()
        .env("FIELDSCREEN_PASSPHRASE", "not the passphrase")
        .args(["vault", "unlock"])
        .output()
        .expect("runs");
    assert_eq!(wrong.status.code(), Some(2));
    let message = text(&wrong.stderr);
    assert!(
        message.contains("wrong passphrase (1 failed attempt(s) in a row)"),
        "{message}"
    );
    assert!(!message.contains("not a database"), "{message}");
    let out = v
        .cmd()
        .env("FIELDSCREEN_NEW_PASSPHRASE", "another long passphrase")
        .args(["vault", "passwd"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !v.run(&["vault", "unlock"]).status.success(),
        "the old passphrase no longer opens it"
    );
    let out = v
        .cmd()
        .env("FIELDSCREEN_PASSPHRASE", "another long passphrase")
        .args(["vault", "check"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out.stdout));
    let out = v
        .cmd()
        .env("FIELDSCREEN_PASSPHRASE", "another long passphrase")
        .args(["vault", "info", "--json"])
        .output()
        .expect("runs");
    let info: Value = serde_json::from_slice(&out.stdout).expect("info json");
    assert_eq!(info["kdf"]["m_kib"], 65536);
    assert!(
        info["cipher_version"].as_str().is_some_and(|v| v.starts_with('4')),
        "{info}"
    );
}

#[test]
fn the_passphrase_can_come_from_a_file_descriptor() {
    let v = TestVault::new();
    let mut child = v
        .cmd()
        .env_remove("FIELDSCREEN_PASSPHRASE")
        .args(["--passphrase-fd", "0", "vault", "unlock"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{PASSPHRASE}\n").as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Lines of an answers file without its comments: what a person would type.
/// A keyed script as the plain answers a person types, one per prompt: its lines are in the
/// order the questions come and name every question asked.
fn answer_lines(name: &str) -> Vec<String> {
    std::fs::read_to_string(repo().join("tests/interviews").join(name))
        .expect("script")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| match l.split_once(':') {
            Some((key, value)) if !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '_') => {
                value.trim().to_string()
            }
            _ => l.to_string(),
        })
        .collect()
}

#[test]
fn an_interrupted_interview_resumes_where_it_stopped() {
    let v = TestVault::new();
    let lines = answer_lines("adult-refer-now.answers");
    let dir = tempfile::tempdir().expect("dir");
    let first = dir.path().join("first.answers");
    let rest = dir.path().join("rest.answers");
    std::fs::write(&first, lines[..20].join("\n") + "\n").expect("write");
    std::fs::write(&rest, lines[20..].join("\n") + "\n").expect("write");
    let out = v.run(&[
        "interview",
        "--protocol",
        "adult-trafficking",
        "--answers",
        &first.display().to_string(),
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let cases = v.cases();
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0]["state"], "in-progress");
    let id = cases[0]["id"].as_str().expect("id").to_string();
    assert!(text(&out.stderr).contains(&format!("--resume {id}")));
    let out = v.run(&[
        "interview",
        "--resume",
        &id[..8],
        "--answers",
        &rest.display().to_string(),
        "--json",
        "--today",
        "2026-12-01",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let resumed: Value = serde_json::from_slice(&out.stdout).expect("outcome");
    let whole = fieldscreen(&[
        "interview",
        "--practice",
        "--protocol",
        "adult-trafficking",
        "--answers",
        &repo()
            .join("tests/interviews/adult-refer-now.answers")
            .display()
            .to_string(),
        "--json",
        "--today",
        "2026-12-01",
    ]);
    let whole: Value = serde_json::from_slice(&whole.stdout).expect("outcome");
    assert_eq!(resumed["level"], "refer-now");
    assert_eq!(ids(&resumed, "indicators"), ids(&whole, "indicators"));
    assert_eq!(v.cases()[0]["state"], "completed");
    // The transcript shows the answers from both sittings.
    let show = v.run(&["cases", "show", &id, "--history"]);
    let shown = text(&show.stdout);
    assert!(
        shown.contains("how many hours do you work") && shown.contains("Outcome: Refer now"),
        "{shown}"
    );
}

fn count_in_dir(dir: &Path, needle: &str) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).expect("dir") {
        let bytes = std::fs::read(e.expect("entry").path()).unwrap_or_default();
        n += bytes.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count();
    }
    n
}

#[test]
fn answers_never_reach_the_disk_or_the_logs_in_plaintext() {
    use std::io::{BufRead as _, Write as _};
    let v = TestVault::new();
    let marker = "MARKER-c0ffee-cleartext";
    let mut lines = answer_lines("adult-refer-now.answers");
    let free_text = lines
        .iter()
        .position(|l| l.contains("MARKER-7731"))
        .expect("free text line");
    lines[free_text] = format!("{marker} said by the respondent");
    let mut child = v
        .cmd()
        .env("FIELDSCREEN_LOG", "trace")
        .args([
            "interview",
            "--protocol",
            "adult-trafficking",
            "--print-acks",
            "--today",
            "2026-12-01",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stderr = std::io::BufReader::new(child.stderr.take().expect("stderr"));
    for l in &lines[..=free_text] {
        writeln!(stdin, "{l}").expect("write");
    }
    stdin.flush().expect("flush");
    // Wait until the free-text answer is on disk, then look while the vault is still open.
    let mut log = String::new();
    loop {
        let mut l = String::new();
        assert!(
            stderr.read_line(&mut l).expect("read") > 0,
            "the interview ended early:\n{log}"
        );
        log.push_str(&l);
        if l.contains("ack ") && l.trim_end().ends_with(" anything_else") {
            break;
        }
    }
    assert_eq!(count_in_dir(v.path(), marker), 0, "while the vault is open");
    for l in &lines[free_text + 1..] {
        writeln!(stdin, "{l}").expect("write");
    }
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    log.push_str(&text(&out.stderr));
    assert!(out.status.success(), "{log}");
    assert_eq!(count_in_dir(v.path(), marker), 0, "after closing");
    assert!(!log.contains(marker), "the logs never carry an answer");
    assert!(!text(&out.stdout).contains(marker), "free text is never printed back");
    // It is stored, behind the key.
    let export = v.run(&["cases", "export", "--format", "json", "--yes", "--plaintext"]);
    assert!(text(&export.stdout).contains(marker));
}

#[test]
fn delete_and_export_ask_first_and_are_audited() {
    let v = TestVault::new();
    let script = repo()
        .join("tests/interviews/rapid-refer-now.answers")
        .display()
        .to_string();
    for _ in 0..2 {
        assert!(
            v.run(&["interview", "--protocol", "rapid-screen", "--answers", &script])
                .status
                .success()
        );
    }
    let cases = v.cases();
    assert_eq!(cases.len(), 2);
    let refused = v.run(&["cases", "delete", cases[0]["id"].as_str().expect("id")]);
    assert_eq!(refused.status.code(), Some(2), "a script must confirm with --yes");
    assert_eq!(v.cases().len(), 2);
    let csv = v.run(&["cases", "export", "--format", "csv", "--yes", "--plaintext"]);
    let csv = text(&csv.stdout);
    assert!(csv.starts_with("case_id,protocol_id,protocol_version,state,level,question_id,answer_type,answer_value\n"));
    // The rapid screen's scripted run stores 15 answers: the safety check, age and consent,
    // its eight questions, and the gender last.
    assert_eq!(csv.lines().count(), 1 + 2 * 15, "one row per stored answer");
    let deleted = v.run(&["cases", "delete", cases[0]["id"].as_str().expect("id"), "--yes"]);
    assert!(deleted.status.success(), "{}", text(&deleted.stderr));
    assert_eq!(v.cases().len(), 1);
    assert!(
        !v.run(&["cases", "show", cases[0]["id"].as_str().expect("id")])
            .status
            .success()
    );
}

#[test]
fn reports_publish_no_count_below_k_and_nothing_personal() {
    let v = TestVault::new();
    let script = |name: &str| repo().join("tests/interviews").join(name).display().to_string();
    let run = |name: &str, times: usize| {
        for _ in 0..times {
            let out = v.run(&[
                "interview",
                "--protocol",
                "adult-trafficking",
                "--answers",
                &script(name),
            ]);
            assert!(out.status.success(), "{}", text(&out.stderr));
        }
    };
    run("adult-refer-now.answers", 12);
    run("adult-no-indication.answers", 3);
    let report = |args: &[&str]| {
        let mut all = vec!["report", "--from", "2000-01", "--to", "2099-12"];
        all.extend_from_slice(args);
        v.run(&all)
    };
    let by_age = report(&["--by", "age_band"]);
    assert!(by_age.status.success(), "{}", text(&by_age.stderr));
    // Every band is listed, whether anyone is in it or not (a list of only the bands that occur
    // would itself say who is there).
    assert_eq!(
        text(&by_age.stdout),
        "ageBroad,count\n0-8,\n9-17,\n18-20,\n21-23,\n24-26,\n27-29,\n30-38,15\n39-47,\n48+,\nunknown,\ntotal,15\n"
    );
    // 3 no-indication is below k and hidden among the empty levels; 12 refer-now can be shown.
    let by_outcome = text(&report(&["--by", "outcome"]).stdout);
    assert_eq!(
        by_outcome,
        "outcomeLevel,count\nno-indication,\nlabour-rights-concern,\nassess-further,\nrefer-now,12\nincomplete,\nunknown,\ntotal,15\n"
    );
    let means = text(&report(&["--by", "means_of_control,outcome", "--format", "json"]).stdout);
    let table: Value = serde_json::from_str(&means).expect("json");
    let published: Vec<u64> = table["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .filter_map(|c| c["count"].as_u64())
        .collect();
    assert!(
        !published.is_empty() && published.iter().all(|&n| n >= 11),
        "{published:?}"
    );
    // The survivors' views module gives aggregates its consent count and nothing else: the
    // 12 who spoke are counted, the 3 who said no are too few to show.
    let views = text(&report(&["--by", "views_consent"]).stdout);
    assert_eq!(views, "survivorViewsConsent,count\nyes,12\nno,\nunknown,\ntotal,15\n");
    for out in [&by_outcome, &means, &views] {
        assert!(!out.contains("MARKER-7731"), "free text in a report");
        assert!(!out.contains("MARKER-VIEWS"), "a survivor's own account in a report");
    }
    // The personal-data export leaves the survivors' own accounts out unless asked for.
    let export = |extra: &[&str]| {
        let mut args = vec!["cases", "export", "--format", "csv", "--yes", "--plaintext"];
        args.extend_from_slice(extra);
        text(&v.run(&args).stdout)
    };
    let plain = export(&[]);
    assert!(
        plain.contains("MARKER-7731") && !plain.contains("MARKER-VIEWS"),
        "{plain}"
    );
    assert!(export(&["--include-views"]).contains("MARKER-VIEWS-5521"));
    // Nothing personal leaves plain by accident: without --plaintext the export is sealed (and
    // must be a file), with it the file is readable by its owner only.
    let dir = tempfile::tempdir().expect("dir");
    let sealed_path = dir.path().join("cases.sealed");
    let sealed_file = sealed_path.display().to_string();
    let no_file = v.run(&["cases", "export", "--format", "csv", "--yes"]);
    assert_eq!(no_file.status.code(), Some(2), "{}", text(&no_file.stderr));
    let export_pass = "an export passphrase of its own";
    let sealed = v
        .cmd()
        .env("FIELDSCREEN_EXPORT_PASSPHRASE", export_pass)
        .args(["cases", "export", "--format", "csv", "--yes", "--output", &sealed_file])
        .output()
        .expect("runs");
    assert!(sealed.status.success(), "{}", text(&sealed.stderr));
    let bytes = std::fs::read(&sealed_path).expect("sealed file");
    assert!(
        !String::from_utf8_lossy(&bytes).contains("MARKER-7731"),
        "a sealed export shows its content"
    );
    let opened = command()
        .env("FIELDSCREEN_EXPORT_PASSPHRASE", export_pass)
        .args(["unseal", &sealed_file])
        .output()
        .expect("runs");
    assert!(text(&opened.stdout).contains("MARKER-7731"), "{}", text(&opened.stderr));
    let plain_path = dir.path().join("cases.csv");
    let plain_file = plain_path.display().to_string();
    assert!(
        v.run(&[
            "cases",
            "export",
            "--format",
            "csv",
            "--yes",
            "--plaintext",
            "--output",
            &plain_file
        ])
        .status
        .success()
    );
    #[cfg(unix)]
    for path in [&sealed_path, &plain_path] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).expect("file").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is readable by others", path.display());
    }
    // Referrals tracked past the suggestion show in the funnel.
    let refer_now: Vec<String> = v
        .cases()
        .iter()
        .filter(|c| c["level"] == "refer-now")
        .map(|c| c["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(refer_now.len(), 12);
    let early = v.run(&["cases", "referral", &refer_now[0], "nrm", "accepted"]);
    assert_eq!(early.status.code(), Some(2));
    assert!(
        text(&early.stderr).contains("next can be: offered"),
        "{}",
        text(&early.stderr)
    );
    let no_reason = v.run(&["cases", "referral", &refer_now[0], "shelter", "offered"]);
    assert!(no_reason.status.success());
    let declined = v.run(&["cases", "referral", &refer_now[0], "shelter", "declined"]);
    assert!(text(&declined.stderr).contains("needs a reason"));
    for id in &refer_now {
        for status in ["offered", "accepted"] {
            let out = v.run(&["cases", "referral", id, "nrm", status]);
            assert!(out.status.success(), "{}", text(&out.stderr));
        }
    }
    let funnel = text(&report(&["--by", "referral_category,referral_status"]).stdout);
    assert!(funnel.contains("national-referral-mechanism,accepted,12\n"), "{funnel}");
    let shown = text(&v.run(&["cases", "show", &refer_now[0]]).stdout);
    assert!(
        shown.contains("referral nrm [national-referral-mechanism]: accepted"),
        "{shown}"
    );
    let sheet = v.path().join("age.xlsx");
    let xlsx = report(&[
        "--by",
        "age_band",
        "--format",
        "xlsx",
        "--output",
        &sheet.display().to_string(),
    ]);
    assert!(xlsx.status.success(), "{}", text(&xlsx.stderr));
    // Read back with Python's zipfile: the header and the published count are in the sheet.
    let read = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); \
             print(z.read('xl/sharedStrings.xml').decode()); print(z.read('xl/worksheets/sheet1.xml').decode())",
            &sheet.display().to_string(),
        ])
        .output()
        .expect("python3");
    let inside = text(&read.stdout);
    assert!(
        inside.contains("ageBroad") && inside.contains("30-38") && inside.contains("<v>15</v>"),
        "{inside}"
    );
    let low_k = report(&["--by", "gender", "--k", "5"]);
    assert_eq!(low_k.status.code(), Some(2));
    assert!(text(&low_k.stderr).contains("never lowered"));
    let unknown = report(&["--by", "sex"]);
    assert!(text(&unknown.stderr).contains("unknown variable `sex`"));
}

/// The case-level export: asks first, is sealed unless --plaintext, leaves out people who did not
/// agree to their data being kept by name, is audited, and opens with its own passphrase only.
/// The vault's HTCDS export, written unsealed as JSON and read back.
fn htcds_json(v: &TestVault) -> Value {
    let plain = v.path().join("cases.json");
    let out = v.run(&[
        "cases",
        "htcds",
        "--format",
        "json",
        "--plaintext",
        "--yes",
        "--output",
        &plain.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&std::fs::read(&plain).expect("written")).expect("json")
}

#[test]
fn htcds_export_is_sealed_audited_and_leaves_out_who_did_not_consent() {
    let v = TestVault::new();
    let script = |name: &str| repo().join("tests/interviews").join(name).display().to_string();
    for name in [
        "adult-refer-now.answers",
        "adult-refer-now.answers",
        "adult-anonymous.answers",
    ] {
        let out = v.run(&[
            "interview",
            "--protocol",
            "adult-trafficking",
            "--answers",
            &script(name),
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let sealed = v.path().join("cases.htcds");
    let target = sealed.display().to_string();
    let export = |extra: &[&str], export_pass: &str| {
        let mut args = vec!["cases", "htcds", "--output", &target];
        args.extend_from_slice(extra);
        v.cmd()
            .env("FIELDSCREEN_EXPORT_PASSPHRASE", export_pass)
            .args(&args)
            .output()
            .expect("runs")
    };
    let unconfirmed = export(&[], "export words 1");
    assert_eq!(unconfirmed.status.code(), Some(2), "a script must confirm with --yes");
    assert!(!sealed.exists());
    let short = export(&["--yes"], "short");
    assert!(text(&short.stderr).contains("at least 8"), "{}", text(&short.stderr));
    assert!(!sealed.exists());

    let out = export(&["--yes"], "export words 1");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stderr);
    assert!(
        said.contains("2 case(s) written") && said.contains("1 case(s) left out"),
        "{said}"
    );
    let bytes = std::fs::read(&sealed).expect("written");
    assert!(bytes.starts_with(b"FIELDSCREEN-SEALED 1\n"));
    let raw = text(&bytes);
    for clear in ["prs_Gender", "refer-now", "DebtBondage"] {
        assert!(!raw.contains(clear), "`{clear}` readable in the sealed file");
    }

    let open = |pass: &str| {
        v.cmd()
            .env("FIELDSCREEN_EXPORT_PASSPHRASE", pass)
            .args(["unseal", &target])
            .output()
            .expect("runs")
    };
    // The vault's passphrase is not the file's.
    let wrong_vault_pass = open(PASSPHRASE);
    assert_eq!(wrong_vault_pass.status.code(), Some(2));
    assert!(text(&wrong_vault_pass.stderr).contains("wrong passphrase for this file"));
    let opened = open("export words 1");
    assert!(opened.status.success(), "{}", text(&opened.stderr));
    let csv = text(&opened.stdout);
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    assert_eq!(header[..3], ["fs_CaseId", "fs_SamePersonAs", "fs_ScreeningDate"]);
    assert!(header.contains(&"prs_Gender") && header.contains(&"vic_MethodsOfControl"));
    let rows: Vec<&str> = lines.collect();
    assert_eq!(rows.len(), 2, "{csv}");
    let column = |name: &str| header.iter().position(|h| *h == name).expect("column");
    for row in &rows {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[column("fs_OutcomeLevel")], "refer-now");
        assert_eq!(cells[column("prs_Citizenship")], "MD");
        assert_eq!(cells[column("vic_TraffickingStatus")], "PossibleVictimOfTrafficking");
        assert!(cells[column("vic_MethodsOfControl")].contains("DebtBondage"), "{row}");
    }
    // Free text never goes into this export either (it has no field for it), nor does a
    // survivor's own account, which stays in the case.
    assert!(!csv.contains("MARKER-7731") && !csv.contains("MARKER-VIEWS"));

    let json = htcds_json(&v);
    assert_eq!(json["standard"], "HTCDS");
    assert_eq!(json["cases"].as_array().expect("cases").len(), 2);

    let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("opens");
    let log = vault.audit_log(10).expect("audit");
    let exports = log.iter().filter(|e| e.action.starts_with("htcds-export")).count();
    assert_eq!(exports, 2, "{:?}", log.iter().map(|e| &e.action).collect::<Vec<_>>());
    assert!(log.iter().any(|e| e.action == "htcds-export (2 cases)"));
}

/// The identification pipeline end to end: the device's organisation type, a rapid screen and
/// the full protocol of one person linked, a referral to the national referral mechanism
/// followed to the authority's decision; the person counted once, the decision in the HTCDS
/// export, every step audited, the link taken back.
#[test]
fn a_person_screened_twice_is_counted_once_and_the_authority_decision_reaches_the_export() {
    let v = TestVault::new();
    let bad = v.run(&["vault", "organisation", "charity"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("labour-inspectorate"),
        "{}",
        text(&bad.stderr)
    );
    let set = v.run(&["vault", "organisation", "labour-inspectorate"]);
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert_eq!(
        text(&v.run(&["vault", "organisation"]).stdout).trim(),
        "labour-inspectorate"
    );

    let script = |name: &str| repo().join("tests/interviews").join(name).display().to_string();
    for (protocol, name) in [
        ("rapid-screen", "rapid-refer-now.answers"),
        ("adult-trafficking", "adult-refer-now.answers"),
    ] {
        let out = v.run(&["interview", "--protocol", protocol, "--answers", &script(name)]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let cases = v.cases();
    let id_of = |protocol: &str| -> String {
        cases
            .iter()
            .find(|c| c["protocol_id"] == protocol)
            .and_then(|c| c["id"].as_str())
            .expect("case")
            .to_string()
    };
    let (rapid, full) = (id_of("rapid-screen"), id_of("adult-trafficking"));

    let itself = v.run(&["cases", "same-person", &full, &full]);
    assert_eq!(itself.status.code(), Some(2));
    assert!(
        text(&itself.stderr).contains("same person as itself"),
        "{}",
        text(&itself.stderr)
    );
    let linked = v.run(&["cases", "same-person", &full, &rapid]);
    assert!(linked.status.success(), "{}", text(&linked.stderr));

    // A decision needs the referral made first.
    let early = v.run(&["cases", "decision", &full, "nrm", "identified", "--by", "police"]);
    assert_eq!(early.status.code(), Some(2));
    assert!(
        text(&early.stderr).contains("has not been made"),
        "{}",
        text(&early.stderr)
    );
    for status in ["offered", "accepted", "contacted"] {
        let out = v.run(&["cases", "referral", &full, "nrm", status, "--date", "2026-11-20"]);
        assert!(out.status.success(), "{status}: {}", text(&out.stderr));
    }
    let not_nrm = v.run(&["cases", "referral", &full, "shelter", "offered", "--date", "2026-11-20"]);
    assert!(not_nrm.status.success());
    let out = v.run(&[
        "cases",
        "referral",
        &full,
        "shelter",
        "accepted",
        "--date",
        "2026-11-20",
    ]);
    assert!(out.status.success());
    let wrong = v.run(&["cases", "decision", &full, "shelter", "identified", "--by", "police"]);
    assert!(text(&wrong.stderr).contains("only a referral to the national referral mechanism"));
    let unknown_by = v.run(&["cases", "decision", &full, "nrm", "identified", "--by", "mayor"]);
    assert!(
        text(&unknown_by.stderr).contains("court-or-prosecution"),
        "{}",
        text(&unknown_by.stderr)
    );
    let decided = v.run(&[
        "cases",
        "decision",
        &full,
        "nrm",
        "identified",
        "--by",
        "police",
        "--date",
        "2026-11-25",
    ]);
    assert!(decided.status.success(), "{}", text(&decided.stderr));

    let pipeline = v.run(&[
        "report",
        "--pipeline",
        "--format",
        "json",
        "--from",
        "2026-01",
        "--to",
        "2030-12",
    ]);
    assert!(pipeline.status.success(), "{}", text(&pipeline.stderr));
    let p: Value = serde_json::from_slice(&pipeline.stdout).expect("json");
    assert_eq!((p["interviews"].as_u64(), p["persons"].as_u64()), (Some(2), Some(1)));
    assert_eq!(p["linked_interviews"], 2);
    // One person is below k: every count is hidden, and nothing else leaves.
    let blocks = p["pipeline"]["blocks"].as_array().expect("blocks");
    assert!(
        blocks
            .iter()
            .all(|b| b["rows"].as_array().expect("rows").iter().all(|r| r["total"].is_null()))
    );
    assert!(
        text(&pipeline.stderr).contains("2 interview(s) of 1 person(s)"),
        "{}",
        text(&pipeline.stderr)
    );

    let json = htcds_json(&v);
    assert_eq!(json["version"], "2.0");
    let exported = json["cases"].as_array().expect("cases");
    let full_case = exported
        .iter()
        .find(|c| c["fs_CaseId"] == full.as_str())
        .expect("full case");
    assert_eq!(full_case["fs_SamePersonAs"], rapid.as_str());
    assert_eq!(full_case["fs_OrganisationType"], "labour-inspectorate");
    assert_eq!(full_case["vic_TraffickingStatus"], "ActualVictimOfTrafficking");
    assert_eq!(full_case["vic_TraffickingStatusDecisionMakingOrg"], "Police");
    assert!(full_case.get("vic_AgreementToManagePersonalData").is_none());
    assert_eq!(full_case["con_Consent"], true);
    let rapid_case = exported
        .iter()
        .find(|c| c["fs_CaseId"] == rapid.as_str())
        .expect("rapid case");
    assert_eq!(rapid_case["vic_TraffickingStatus"], "PossibleVictimOfTrafficking");
    assert_eq!(
        rapid_case["vic_TraffickingStatusDecisionMakingOrg"],
        "NonPoliceGovernmentalOrganization"
    );

    let undo = v.run(&["cases", "same-person", &full, "--undo"]);
    assert!(undo.status.success(), "{}", text(&undo.stderr));
    let again = v.run(&[
        "report",
        "--pipeline",
        "--format",
        "json",
        "--from",
        "2026-01",
        "--to",
        "2030-12",
    ]);
    let p: Value = serde_json::from_slice(&again.stdout).expect("json");
    assert_eq!(
        (p["persons"].as_u64(), p["linked_interviews"].as_u64()),
        (Some(2), Some(0))
    );

    let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("opens");
    let actions: Vec<String> = vault
        .audit_log(40)
        .expect("audit")
        .into_iter()
        .map(|e| e.action)
        .collect();
    for expected in [
        "organisation-type-set".to_string(),
        format!("same-person-as {rapid}"),
        "same-person-unlinked".to_string(),
        "identification-decision".to_string(),
    ] {
        assert!(actions.contains(&expected), "{expected} not in {actions:?}");
    }
}

#[test]
fn a_tampered_vault_is_reported_clearly() {
    let v = TestVault::new();
    let db = v.path().join("vault.db");
    let mut bytes = std::fs::read(&db).expect("db");
    bytes[200] ^= 0x01;
    std::fs::write(&db, bytes).expect("write");
    let out = v.run(&["vault", "unlock"]);
    assert_eq!(out.status.code(), Some(2));
    let message = text(&out.stderr);
    assert!(
        message.contains("damaged or was modified") && message.contains("vault check"),
        "{message}"
    );
}

/// An independent SQLCipher 4 client (Python's `sqlcipher3`) opens the vault with its raw key.
#[test]
fn an_independent_sqlcipher_client_opens_the_vault() {
    let v = TestVault::new();
    let script = repo()
        .join("tests/interviews/rapid-refer-now.answers")
        .display()
        .to_string();
    assert!(
        v.run(&["interview", "--protocol", "rapid-screen", "--answers", &script])
            .status
            .success()
    );
    let key = {
        let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("open");
        hex_lower(&vault.database_key()[..])
    };
    let program = r#"
import sys, sqlcipher3
db = sqlcipher3.connect(sys.argv[1])
db.execute("PRAGMA key = \"x'%s'\"" % sys.argv[2])
print(db.execute("PRAGMA cipher_version").fetchone()[0])
print(db.execute("SELECT count(*) FROM cases").fetchone()[0])
print(db.execute("SELECT state, level FROM cases").fetchone())
"#;
    let out = Command::new("python3")
        .args(["-c", program, &v.path().join("vault.db").display().to_string(), &key])
        .output()
        .expect("python3 runs (install sqlcipher3: scripts/setup-system.sh)");
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "python sqlcipher3 failed: {}", text(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with('4'), "SQLCipher 4: {stdout}");
    assert_eq!(lines[1], "1");
    assert_eq!(lines[2], "('completed', 'refer-now')");
}

fn hex_lower(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// --- crash safety ----------------------------------------------------------------------------------

/// A small deterministic generator (xorshift), so that a failing run can be repeated.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Starts scripted interviews and kills them with SIGKILL at random moments. After every kill
/// the vault must open, and every answer the process acknowledged as saved must be there with
/// the value the script gave. `FIELDSCREEN_CRASH_KILLS` sets the number of kills (default 200;
/// scripts/crash-soak.sh runs 1,000 and more).
#[test]
fn every_acknowledged_answer_survives_sigkill() {
    // The adult-refer-now script acknowledges about this many answers when it runs through.
    const ANSWERS_IN_SCRIPT: u64 = 42;
    use std::io::BufRead as _;
    let kills: u64 = std::env::var("FIELDSCREEN_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(200);
    let seed: u64 = std::env::var("FIELDSCREEN_CRASH_SEED")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(0x5eed_f1e1d);
    let v = TestVault::new();
    let script = repo()
        .join("tests/interviews/adult-refer-now.answers")
        .display()
        .to_string();
    // What a completed run stores, to compare each killed run against.
    assert!(
        v.run(&["interview", "--protocol", "adult-trafficking", "--answers", &script])
            .status
            .success()
    );
    let reference: std::collections::HashMap<String, fieldscreen_protocol::Answer> = {
        let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("open");
        let id = vault
            .list_cases(&fieldscreen_vault::CaseFilter::default())
            .expect("list")[0]
            .id
            .clone();
        vault
            .load_case(&id)
            .expect("case")
            .answers()
            .expect("answers")
            .into_iter()
            .collect()
    };
    let mut rng = Rng(seed);
    let (mut acked_total, mut killed_mid_run) = (0usize, 0u64);
    for round in 0..kills {
        let mut child = v
            .cmd()
            .args([
                "interview",
                "--protocol",
                "adult-trafficking",
                "--answers",
                &script,
                "--print-acks",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let mut r = std::io::BufReader::new(stderr);
            let mut acks = Vec::new();
            let mut line = String::new();
            // Only whole lines count: a kill can cut the last one short.
            while r.read_line(&mut line).unwrap_or(0) > 0 {
                if let Some(ack) = line.strip_prefix("ack ").and_then(|l| l.strip_suffix('\n')) {
                    acks.push(ack.to_string());
                    let _ = tx.send(());
                }
                line.clear();
            }
            acks
        });
        // Kill after a random number of acknowledged answers (0 to a whole interview's worth),
        // then a random few milliseconds more, so kills land in every phase of the run — before
        // the unlock, between answers, in the middle of a write — whatever the machine's speed.
        let wait_for = rng.next() % (ANSWERS_IN_SCRIPT + 2);
        for _ in 0..wait_for {
            if rx.recv_timeout(std::time::Duration::from_secs(10)).is_err() {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_micros(rng.next() % 4000));
        // On Unix, Child::kill sends SIGKILL: no chance to flush or clean up.
        let _ = child.kill();
        let status = child.wait().expect("wait");
        if !status.success() {
            killed_mid_run += 1;
        }
        let acks = reader.join().expect("reader");
        let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE)
            .unwrap_or_else(|e| panic!("round {round}: the vault does not open after a kill: {e}"));
        for ack in &acks {
            let (case, question) = ack.split_once(' ').expect("ack CASE QUESTION");
            let stored: std::collections::HashMap<String, fieldscreen_protocol::Answer> = vault
                .load_case(case)
                .expect("acknowledged case")
                .answers()
                .expect("answers")
                .into_iter()
                .collect();
            assert_eq!(
                stored.get(question),
                reference.get(question),
                "round {round}: acknowledged answer {question} of {case}"
            );
        }
        acked_total += acks.len();
    }
    let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("open");
    assert!(
        vault.check().expect("check").is_empty(),
        "the database is sound after {kills} kills"
    );
    assert!(
        killed_mid_run * 3 >= kills,
        "too few runs were killed mid-interview ({killed_mid_run} of {kills})"
    );
    eprintln!("{kills} kills, {killed_mid_run} mid-interview, {acked_total} acknowledged answers checked");
}

/// The wait after wrong passphrases holds against the person holding the device: with the
/// clock moved a day forward (libfaketime) the CLI still serves the whole wait before it tries.
#[test]
fn moving_the_clock_forward_does_not_shorten_the_wait() {
    let faketime = Path::new("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    assert!(
        faketime.exists(),
        "libfaketime is missing: run ./scripts/setup-system.sh"
    );
    let v = TestVault::new();
    // Four wrong passphrases in a row: the next attempt waits 5 s.
    std::fs::write(v.path().join("vault.attempts"), "4").expect("count");
    let start = std::time::Instant::now();
    let out = v
        .cmd()
        .env("LD_PRELOAD", faketime)
        .env("FAKETIME", "+1d")
        .args(["vault", "unlock"])
        .output()
        .expect("runs");
    let waited = start.elapsed();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        waited >= std::time::Duration::from_secs(5),
        "the wait was cut short by the clock: {waited:?}"
    );
    assert!(
        text(&out.stderr).contains("waiting before the next attempt"),
        "{}",
        text(&out.stderr)
    );
    // A deleted count is the worst one, not none: nothing is tried at once.
    std::fs::remove_file(v.path().join("vault.attempts")).expect("delete");
    let mut child = v
        .cmd()
        .args(["vault", "unlock"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_secs(3));
    assert!(
        child.try_wait().expect("status").is_none(),
        "unlocked without serving the wait"
    );
    let _ = child.kill();
    let _ = child.wait();
}

/// `protocol import`: an XLSForm written here becomes a protocol directory that passes the
/// check; a broken one writes nothing and names the cell.
#[test]
fn an_xlsform_is_imported_into_a_checked_protocol_or_refused_at_its_cell() {
    let dir = tempfile::tempdir().expect("dir");
    let write = |name: &str, survey: &[&[&str]]| -> PathBuf {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheets: [(&str, &[&[&str]]); 3] = [
            ("survey", survey),
            (
                "choices",
                &[
                    &["list_name", "name", "label::English (en)", "label::Tiếng Việt (vi)"],
                    &["yes_no", "yes", "Yes", "Có"],
                    &["yes_no", "no", "No", "Không"],
                ],
            ),
            (
                "settings",
                &[&["form_title", "form_id"], &["Border check", "border_check"]],
            ),
        ];
        for (sheet_name, rows) in sheets {
            let sheet = book.add_worksheet();
            sheet.set_name(sheet_name).expect("name");
            for (r, row) in rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    sheet.write_string(r as u32, c as u16, *v).expect("cell");
                }
            }
        }
        let path = dir.path().join(name);
        book.save(&path).expect("saved");
        path
    };
    let head: &[&str] = &[
        "type",
        "name",
        "label::English (en)",
        "label::Tiếng Việt (vi)",
        "relevant",
    ];
    let good = write(
        "good.xlsx",
        &[
            head,
            &[
                "select_one yes_no",
                "documents_held",
                "Does someone keep your passport?",
                "Có ai giữ hộ chiếu của bạn không?",
                "",
            ],
            &[
                "text",
                "who",
                "Who keeps it?",
                "Ai giữ nó?",
                "${documents_held} = 'yes'",
            ],
        ],
    );
    let import = |form: &Path, out: &Path| {
        fieldscreen(&[
            "protocol",
            "import",
            &form.display().to_string(),
            "--output",
            &out.display().to_string(),
        ])
    };
    let out = dir.path().join("protocols").join("border-check");
    let imported = import(&good, &out);
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    assert!(text(&imported.stderr).contains("produces no outcome"));
    let checked = fieldscreen(&["protocol", "check", &out.display().to_string()]);
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    let toml = std::fs::read_to_string(out.join("protocol.toml")).expect("written");
    assert!(
        toml.contains(r#"relevant = { q = "documents_held", is = "yes" }"#),
        "{toml}"
    );
    assert!(out.join("locales/vi.ftl").exists());

    let broken = write(
        "broken.xlsx",
        &[
            head,
            &[
                "text",
                "who",
                "Who keeps it?",
                "Ai giữ nó?",
                "${documents_held} = 'yes' and",
            ],
        ],
    );
    let refused_dir = dir.path().join("protocols2").join("border-check");
    let refused = import(&broken, &refused_dir);
    assert_eq!(refused.status.code(), Some(2));
    let said = text(&refused.stderr);
    assert!(said.contains("survey!E2 (row 2, column 5)"), "{said}");
    assert!(
        said.contains("at character 30: the expression ends where a value was expected"),
        "{said}"
    );
    assert!(!refused_dir.exists(), "nothing is written for a refused form");
}

/// pyxform's verdict on each form: `Ok(())` converted, `Err(message)` refused. pyxform is the
/// reference converter, installed by scripts/setup-system.sh.
fn pyxform_verdicts(forms: &[PathBuf]) -> HashMap<PathBuf, Result<(), String>> {
    let mut cmd = Command::new("python3");
    cmd.arg(repo().join("tests/xlsform/pyxform_verdicts.py")).args(forms);
    let out = cmd.output().expect("python3 runs");
    assert!(
        out.status.success(),
        "pyxform is needed (scripts/setup-system.sh installs it): {}",
        text(&out.stderr)
    );
    text(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let form = PathBuf::from(v["form"].as_str()?);
            let verdict = if v["ok"] == true {
                Ok(())
            } else {
                Err(v["error"].as_str().unwrap_or_default().to_string())
            };
            Some((form, verdict))
        })
        .collect()
}

/// Every `error:` line of a refused import names a place: `survey!C3 (row 3, column 3)`, or a
/// whole sheet row `survey!1` (all but the closing count of problems).
fn unlocated_errors(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with("error:") && !l.contains("nothing was written"))
        .filter(|l| {
            !l.split_whitespace().any(|w| {
                w.split_once('!')
                    .is_some_and(|(sheet, cell)| !sheet.is_empty() && cell.chars().any(|c| c.is_ascii_digit()))
            })
        })
        .map(str::to_string)
        .collect()
}

/// Export, pyxform, import, and the 20 scripted interviews against what came back: the same
/// outcomes as against the bundled protocols.
#[test]
fn the_bundled_protocols_go_out_as_xlsforms_pyxform_converts_and_come_back_screening_alike() {
    let dir = tempfile::tempdir().expect("dir");
    let protocols = dir.path().join("protocols");
    let mut forms = Vec::new();
    for id in ["rapid-screen", "adult-trafficking", "child-trafficking"] {
        let form = dir.path().join(format!("{id}.xlsx"));
        let out = fieldscreen(&[
            "protocol",
            "export-xlsform",
            id,
            "--output",
            &form.display().to_string(),
        ]);
        assert!(out.status.success(), "{id}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains("indicators"), "{}", text(&out.stdout));
        // A second export does not overwrite the first (it may have been edited by hand).
        let again = fieldscreen(&[
            "protocol",
            "export-xlsform",
            id,
            "--output",
            &form.display().to_string(),
        ]);
        assert!(!again.status.success());
        assert!(text(&again.stderr).contains("exists"), "{}", text(&again.stderr));
        let imported = fieldscreen(&[
            "protocol",
            "import",
            &form.display().to_string(),
            "--output",
            &protocols.join(id).display().to_string(),
        ]);
        assert!(imported.status.success(), "{id}: {}", text(&imported.stderr));
        assert!(
            !text(&imported.stderr).contains("warning"),
            "{id} came back with a caveat: {}",
            text(&imported.stderr)
        );
        forms.push(form);
    }
    let verdicts = pyxform_verdicts(&forms);
    for form in &forms {
        assert_eq!(verdicts.get(form), Some(&Ok(())), "pyxform on {}", form.display());
    }
    let dirs: Vec<String> = ["rapid-screen", "adult-trafficking", "child-trafficking"]
        .iter()
        .map(|id| protocols.join(id).display().to_string())
        .collect();
    let mut check = vec!["protocol", "check"];
    check.extend(dirs.iter().map(String::as_str));
    let checked = fieldscreen(&check);
    assert!(checked.status.success(), "{}", text(&checked.stdout));
    let protocols_arg = protocols.display().to_string();
    let failures = run_scripts("tests/interviews", 15, Lists::Exact, &["--protocols", &protocols_arg]);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The corpus in tests/xlsform/corpus (see its README): pyxform's verdict against ours, form
/// by form, with a summary line.
#[test]
fn xlsform_import_agrees_with_pyxform_on_every_form_of_the_corpus() {
    let corpus = repo().join("tests/xlsform/corpus");
    let mut forms: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .expect("corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    forms.sort();
    assert!(forms.len() >= 40, "{} forms", forms.len());
    let theirs = pyxform_verdicts(&forms);
    let dir = tempfile::tempdir().expect("dir");
    let (mut accepted, mut refused, mut unsupported, mut stricter) = (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for (n, form) in forms.iter().enumerate() {
        let name = form
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read_to_string(form).expect("form");
        let expect = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("<!-- expect: "))
            .and_then(|l| l.strip_suffix(" -->"))
            .unwrap_or_else(|| panic!("{name}: no `<!-- expect: … -->` first line"))
            .to_string();
        let id = fieldscreen_xlsform::read(form)
            .ok()
            .and_then(|book| {
                let settings = book.sheet("settings")?;
                let c = settings.column("form_id")?;
                settings.rows.first()?.1.get(c).cloned()
            })
            .map_or_else(|| "imported-form".to_string(), |id| id.replace('_', "-"));
        let out = dir.path().join(n.to_string()).join(&id);
        let ours = fieldscreen(&[
            "protocol",
            "import",
            &form.display().to_string(),
            "--output",
            &out.display().to_string(),
        ]);
        let stderr = text(&ours.stderr);
        let unlocated = unlocated_errors(&stderr);
        let pyxform_ok = match theirs.get(form) {
            Some(v) => v.is_ok(),
            None => panic!("pyxform gave no verdict on {name}"),
        };
        let ours_ok = ours.status.success();
        let holds = if expect == "same" {
            if ours_ok && pyxform_ok {
                accepted += 1;
                true
            } else if !ours_ok && !pyxform_ok && unlocated.is_empty() {
                refused += 1;
                true
            } else {
                false
            }
        } else {
            let ok = pyxform_ok && !ours_ok && unlocated.is_empty() && stderr.contains("error:");
            if ok && expect.starts_with("unsupported:") {
                unsupported += 1;
            } else if ok && expect.starts_with("stricter:") {
                stricter += 1;
            }
            ok
        };
        if !holds {
            disagreements.push(format!(
                "{name} ({expect}): pyxform {}, FieldScreen {}{}\n{stderr}",
                if pyxform_ok { "accepts" } else { "refuses" },
                if ours_ok { "accepts" } else { "refuses" },
                if unlocated.is_empty() { "" } else { " without a place" },
            ));
        }
    }
    let summary = format!(
        "xlsform conformance: {} forms: {accepted} accepted by both, {refused} refused by both (every refusal located), \
         {unsupported} unsupported here and refused at their cell, {stricter} refused here and left to run time by pyxform, \
         {} disagreements",
        forms.len(),
        disagreements.len()
    );
    println!("{summary}");
    let _ = std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("xlsform-conformance.txt"),
        format!("{summary}\n"),
    );
    assert!(disagreements.is_empty(), "{summary}\n{}", disagreements.join("\n"));
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("dir");
    for entry in std::fs::read_dir(from).expect("read") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// The clips of a self-answer protocol: what `audio-plan` would synthesise (never a message a
/// person recorded), and what `protocol check` says of a missing or broken clip.
#[test]
fn the_audio_plan_and_check_name_each_clip_by_language() {
    let dir = tempfile::tempdir().expect("dir");
    let rapid = dir.path().join("rapid-screen");
    copy_tree(&repo().join("screening_protocols/rapid-screen"), &rapid);
    let plan = |rapid: &Path| {
        let out = fieldscreen(&["protocol", "audio-plan", &rapid.display().to_string()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let before = plan(&rapid);
    assert_eq!(before.lines().count(), 88, "8 languages × 11 messages");
    assert!(before.lines().all(|l| l.split('\t').count() == 3), "{before}");
    assert!(before.contains("ar\tq-danger-now\t"));
    // A person's recording of one question: it is no longer planned, and it is what plays.
    std::fs::copy(
        rapid.join("audio/ar/synthetic/q-danger-now.opus"),
        rapid.join("audio/ar/q-danger-now.opus"),
    )
    .expect("copy");
    let after = plan(&rapid);
    assert_eq!(after.lines().count(), 87);
    assert!(!after.contains("ar\tq-danger-now\t"));

    std::fs::remove_file(rapid.join("audio/vi/synthetic/q-gender.opus")).expect("remove");
    let checked = fieldscreen(&["protocol", "check", &rapid.display().to_string()]);
    let said = text(&checked.stdout) + &text(&checked.stderr);
    assert!(checked.status.success(), "{said}");
    assert!(
        said.contains("warning[audio-missing]") && said.contains("`vi`: no clip for 1") && said.contains("q-gender"),
        "{said}"
    );
    std::fs::write(rapid.join("audio/ro/q-threatened.opus"), b"OggS but nothing else").expect("write");
    let checked = fieldscreen(&["protocol", "check", &rapid.display().to_string()]);
    let said = text(&checked.stdout) + &text(&checked.stderr);
    assert!(!checked.status.success(), "{said}");
    assert!(
        said.contains("audio/ro/q-threatened.opus:1:1: error[audio-format]"),
        "{said}"
    );
}
