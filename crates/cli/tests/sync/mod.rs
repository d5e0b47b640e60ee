//! Sync between real processes: two (then three) CLI vaults and a running `fieldscreen-relay`,
//! on SQLite and on PostgreSQL. The relay must never hold a readable answer.

use super::{PASSPHRASE, TestVault, repo, text};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// `fieldscreen-relay` on a free port, killed when dropped.
struct Relay {
    child: Child,
    url: String,
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn relay_binary() -> PathBuf {
    // Built beside `fieldscreen` (scripts/test.sh builds it before the tests).
    let dir = Path::new(env!("CARGO_BIN_EXE_fieldscreen"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let bin = dir.join("fieldscreen-relay");
    if !bin.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "fieldscreen-relay"])
            .current_dir(repo())
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building fieldscreen-relay failed");
    }
    bin
}

fn start_relay(database: &str) -> Relay {
    let mut child = Command::new(relay_binary())
        .args(["--listen", "127.0.0.1:0", "--database", database])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the relay starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("the relay says where it listens");
    let addr = line
        .trim()
        .strip_prefix("listening on ")
        .expect("listening line")
        .to_string();
    Relay {
        child,
        url: format!("http://{addr}"),
    }
}

fn ok(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn interview(v: &TestVault, protocol: &str, script: &str) {
    let path = repo().join("tests/interviews").join(script).display().to_string();
    ok(&v.run(&["interview", "--protocol", protocol, "--answers", &path]));
}

fn join(v: &TestVault, code: &str) {
    let mut child = v
        .cmd()
        .args(["team", "join"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(code.as_bytes())
        .expect("code written");
    ok(&child.wait_with_output().expect("joins"));
}

fn invite(v: &TestVault, qr: &Path) -> String {
    let code = ok(&v.run(&["team", "invite", "--qr", &qr.display().to_string()]));
    code.trim().to_string()
}

/// The answers of every case, by case id, as the CLI exports them.
fn answers(v: &TestVault) -> Value {
    let out = ok(&v.run(&["cases", "export", "--format", "json", "--yes", "--plaintext"]));
    let all: Vec<Value> = serde_json::from_str(&out).expect("json");
    let mut by_id = serde_json::Map::new();
    for c in all {
        by_id.insert(c["case"]["id"].as_str().expect("id").to_string(), c["answers"].clone());
    }
    Value::Object(by_id)
}

/// The id of the listed case screened with `protocol`.
fn case_of(listed: &[Value], protocol: &str) -> String {
    listed
        .iter()
        .find(|c| c["protocol_id"] == protocol)
        .and_then(|c| c["id"].as_str())
        .unwrap_or_else(|| panic!("no {protocol} case in {listed:?}"))
        .to_string()
}

fn occurrences(paths: &[PathBuf], needle: &str) -> usize {
    let mut n = 0;
    let mut stack: Vec<PathBuf> = paths.to_vec();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&p) {
                stack.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
            }
        } else if let Ok(bytes) = std::fs::read(&p) {
            n += bytes.windows(needle.len()).filter(|w| *w == needle.as_bytes()).count();
        }
    }
    n
}

fn edit_answer(v: &TestVault, case: &str, question: &str, value: i64) {
    let mut vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("opens");
    let listing = vault
        .list_cases(&fieldscreen_vault::CaseFilter::default())
        .expect("list")
        .into_iter()
        .find(|c| c.id == case)
        .map(|c| fieldscreen_vault::CaseIndex {
            state: c.state,
            level: c.level,
            age_group: c.age_group,
            consent: c.consent,
            answer_count: c.answer_count,
        })
        .expect("case");
    let answer = fieldscreen_protocol::Answer::Number(value);
    vault
        .update_case(case, "answer", &listing, |d| d.set_answer(question, Some(&answer)))
        .expect("edited");
}

/// The whole story on one relay backend. `files`: where the relay keeps its data.
fn sync_story(database: &str, files: &[PathBuf]) {
    // PostgreSQL keeps recent rows in memory and its log: a checkpoint puts them in the files.
    let flush = || {
        if database.starts_with("postgres") {
            let out = Command::new("psql")
                .args([database, "-qc", "CHECKPOINT"])
                .output()
                .expect("psql runs");
            assert!(out.status.success(), "CHECKPOINT: {}", text(&out.stderr));
        }
    };
    let relay = start_relay(database);
    let a = TestVault::new();
    let b = TestVault::new();
    ok(&a.run(&["team", "create", "--relay", &relay.url]));
    let qr = a.path().join("invite.svg");
    let code = invite(&a, &qr);
    assert!(code.starts_with("FSJOIN1."), "{code}");
    assert!(std::fs::read_to_string(&qr).expect("qr").contains("<svg"));
    join(&b, &code);

    // A screens someone (with free text and a survivor's own words); B screens someone else.
    interview(&a, "adult-trafficking", "adult-refer-now.answers");
    interview(&b, "rapid-screen", "rapid-refer-now.answers");
    let synced = ok(&a.run(&["sync"]));
    assert!(synced.contains("1 batch(es) sent"), "{synced}");
    ok(&b.run(&["sync"]));
    ok(&a.run(&["sync"]));
    let (on_a, on_b) = (answers(&a), answers(&b));
    assert_eq!(on_a.as_object().map(|m| m.len()), Some(2), "{on_a}");
    assert_eq!(on_a, on_b, "both devices hold the same cases and answers");
    // The listing on B was computed through the protocol: the outcome level arrived.
    let listed: Vec<Value> = serde_json::from_str(&ok(&b.run(&["cases", "list", "--json"]))).expect("json");
    assert!(listed.iter().all(|c| c["level"] == "refer-now"), "{listed:?}");

    // The same answer changed on both devices while apart: both values are kept.
    let adult = case_of(&listed, "adult-trafficking");
    edit_answer(&a, &adult, "age", 41);
    edit_answer(&b, &adult, "age", 42);
    for v in [&a, &b, &a] {
        ok(&v.run(&["sync"]));
    }
    for v in [&a, &b] {
        let conflicts: Vec<Value> = serde_json::from_str(&ok(&v.run(&["cases", "conflicts", "--json"]))).expect("json");
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let values = conflicts[0]["values"].as_array().expect("values");
        let mut shown: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        shown.sort_unstable();
        assert_eq!(
            shown,
            [r#"{"type":"number","value":41}"#, r#"{"type":"number","value":42}"#]
        );
    }
    ok(&a.run(&["cases", "resolve", &adult, "age", "--keep", "2"]));
    for v in [&a, &b] {
        ok(&v.run(&["sync"]));
    }
    let after: Vec<Value> = serde_json::from_str(&ok(&b.run(&["cases", "conflicts", "--json"]))).expect("json");
    assert!(after.is_empty(), "{after:?}");
    assert_eq!(answers(&a), answers(&b));

    // Nothing readable reached the relay, though it holds every batch.
    flush();
    for marker in ["MARKER-7731", "MARKER-VIEWS-5521"] {
        assert_eq!(occurrences(files, marker), 0, "{marker} readable in the relay's files");
    }
    let team: String = ok(&a.run(&["team", "show"]));
    let team_id = team
        .split_whitespace()
        .nth(1)
        .expect("team id")
        .trim_end_matches(',')
        .to_string();
    assert!(
        occurrences(files, &team_id) > 0,
        "the search would not find anything: wrong files"
    );

    // A USB bundle brings a third device up to date without the relay.
    let c = TestVault::new();
    join(&c, &invite(&a, &a.path().join("c.svg")));
    let bundle = a.path().join("cases.bundle");
    ok(&a.run(&["sync", "export", "--output", &bundle.display().to_string()]));
    assert_eq!(occurrences(std::slice::from_ref(&bundle), "MARKER-7731"), 0);
    let merged = ok(&c.run(&["sync", "import", &bundle.display().to_string()]));
    assert!(merged.contains("2 new case(s)"), "{merged}");
    assert_eq!(answers(&c), answers(&a));

    // A case deleted on B goes from every device at their next sync, and stays gone.
    let rapid = case_of(&listed, "rapid-screen");
    ok(&b.run(&["cases", "delete", &rapid, "--yes"]));
    ok(&b.run(&["sync"]));
    for v in [&a, &c] {
        let synced = ok(&v.run(&["sync"]));
        assert!(synced.contains("1 case(s) deleted on another device"), "{synced}");
        let left = answers(v);
        assert_eq!(left.as_object().map(|m| m.len()), Some(1), "{left}");
        assert!(left.get(&rapid).is_none(), "{left}");
    }
    // C's bundle import had brought the case too; nothing of it is sent back.
    ok(&b.run(&["sync"]));
    assert_eq!(answers(&b), answers(&a));

    // Revoked, B can no longer reach the team's log.
    let shown = ok(&b.run(&["team", "show"]));
    let b_device = shown.split_whitespace().nth(4).expect("device").to_string();
    ok(&a.run(&["team", "revoke", &b_device]));
    let refused = b.run(&["sync"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("revoked"), "{}", text(&refused.stderr));
}

#[test]
fn cases_sync_both_ways_through_a_relay_on_sqlite_that_never_reads_them() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("relay.db");
    sync_story(&format!("sqlite:{}", db.display()), &[dir.path().to_path_buf()]);
}

#[test]
fn cases_sync_both_ways_through_a_relay_on_postgresql_that_never_reads_them() {
    let url = std::env::var("FIELDSCREEN_TEST_POSTGRES")
        .expect("FIELDSCREEN_TEST_POSTGRES: run the tests through ./scripts/test.sh, which starts PostgreSQL");
    assert!(
        url.starts_with("postgres://"),
        "FIELDSCREEN_TEST_POSTGRES is not a PostgreSQL URL: {url}"
    );
    let data = std::env::var("FIELDSCREEN_TEST_POSTGRES_DATA").expect("FIELDSCREEN_TEST_POSTGRES_DATA");
    sync_story(&url, &[PathBuf::from(data)]);
}

/// A case document taken from the vault loads in JavaScript Automerge (`@automerge/automerge`
/// from npm) with the same answers, the same conflicts and the same heads.
#[test]
fn a_case_document_loads_in_javascript_automerge_with_the_same_answers() {
    let v = TestVault::new();
    interview(&v, "adult-trafficking", "adult-refer-now.answers");
    let vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("opens");
    let id = vault
        .list_cases(&fieldscreen_vault::CaseFilter::default())
        .expect("list")
        .remove(0)
        .id;
    let mut doc = vault.load_case(&id).expect("case");
    drop(vault);
    // A concurrent edit from a second device, so the document also carries a conflict.
    let mut other = fieldscreen_vault::Vault::in_memory().expect("other");
    let received = other
        .receive(
            &fieldscreen_vault::Batch {
                updates: vec![fieldscreen_vault::CaseUpdate {
                    case_id: id.clone(),
                    bytes: doc.save(),
                }],
                erased: Vec::new(),
            },
            "c",
            b"1",
            &mut |_| Some(fieldscreen_vault::CaseIndex::default()),
        )
        .expect("received");
    assert_eq!(received.new_cases, 1);
    edit_answer(&v, &id, "age", 51);
    other
        .update_case(&id, "answer", &fieldscreen_vault::CaseIndex::default(), |d| {
            d.set_answer("age", Some(&fieldscreen_protocol::Answer::Number(52)))
        })
        .expect("edit");
    let mut merged = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE)
        .expect("opens")
        .load_case(&id)
        .expect("case");
    merged
        .merge(&other.load_case(&id).expect("case").save())
        .expect("merge");

    let file = v.path().join("case.automerge");
    std::fs::write(&file, merged.save()).expect("written");
    let out = Command::new("node")
        .arg(repo().join("tools/automerge-js/load-case.mjs"))
        .arg(&file)
        .output()
        .expect("node runs (npm ci in tools/automerge-js: scripts/test.sh does it)");
    let js: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {} {}", text(&out.stdout), text(&out.stderr)));

    let rust_answers: serde_json::Map<String, Value> = merged
        .answers()
        .expect("answers")
        .into_iter()
        .map(|(q, a)| (q, serde_json::to_value(a).expect("json")))
        .collect();
    assert!(rust_answers.len() >= 30, "{}", rust_answers.len());
    let js_answers = js["answers"].as_object().expect("answers");
    assert_eq!(
        js_answers.keys().collect::<Vec<_>>(),
        rust_answers.keys().collect::<Vec<_>>()
    );
    for (q, a) in &rust_answers {
        if q != "age" {
            assert_eq!(js_answers.get(q), Some(a), "answer to {q}");
        }
    }
    assert!(
        js_answers.values().any(|a| a.to_string().contains("MARKER-7731")),
        "free text"
    );
    let meta = merged.meta().expect("meta");
    assert_eq!(js["meta"]["protocol_id"], meta.protocol_id);
    assert_eq!(js["meta"]["created_at"], meta.created_at);
    assert_eq!(js["state"]["state"], "completed");
    let rust_conflict: Vec<Value> = merged.conflicts().expect("conflicts")[0]
        .1
        .iter()
        .map(|a| serde_json::to_value(a).expect("json"))
        .collect();
    let mut rust_conflict = rust_conflict;
    rust_conflict.sort_by_key(|a| a.to_string());
    assert_eq!(js["conflicts"]["age"], Value::Array(rust_conflict));
    // The winner of the conflict is the same value on both sides.
    assert_eq!(js_answers.get("age"), rust_answers.get("age"));
    let mut heads: Vec<String> = merged.heads().chunks(32).map(hex_of).collect();
    heads.sort();
    assert_eq!(js["heads"], serde_json::json!(heads));
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
