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
    start_relay_with(database, &["--open-registration"])
}

fn start_relay_with(database: &str, extra: &[&str]) -> Relay {
    let mut child = Command::new(relay_binary())
        .args(["--listen", "127.0.0.1:0", "--database", database])
        .args(extra)
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

/// `team join --no-wait` with `code` on stdin, as a scanned or pasted code arrives.
fn join_with(v: &TestVault, code: &str, extra: &[&str]) -> std::process::Output {
    let mut child = v
        .cmd()
        .args(["team", "join", "--no-wait"])
        .args(extra)
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
    child.wait_with_output().expect("asks")
}

/// Asks to join and returns the comparison code the joining screen shows. `extra`: e.g.
/// --send-cases.
fn request_join(v: &TestVault, code: &str, extra: &[&str]) -> String {
    comparison_in(&ok(&join_with(v, code, extra)))
}

/// The six digits in a line such as "… Comparison code: 123 456. …".
fn comparison_in(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    assert!(digits.len() >= 6, "no comparison code in {text:?}");
    digits[..6].to_string()
}

fn team_json(v: &TestVault) -> Value {
    serde_json::from_str(&ok(&v.run(&["team", "show", "--json"]))).expect("json")
}

fn device_of(v: &TestVault) -> String {
    team_json(v)["team"]["device_id"].as_str().expect("device").to_string()
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
    ok(&a.run(&["team", "create", "--relay", &relay.url, "--name", "Shelter office"]));
    let qr = a.path().join("invite.svg");
    let code = invite(&a, &qr);
    assert!(code.starts_with("FSJOIN2."), "{code}");
    assert!(std::fs::read_to_string(&qr).expect("qr").contains("<svg"));
    // The joining screen names the relay and the team before anything is sent.
    let comparison = request_join(&b, &code, &[]);
    ok(&a.run(&["team", "approve", "--code", &comparison]));
    assert!(ok(&b.run(&["team", "wait", "--once"])).contains("Shelter office"));
    // A used invitation is refused by the relay.
    let refused = join_with(&TestVault::new(), &code, &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("expired or was used"),
        "{}",
        text(&refused.stderr)
    );

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
    let team_id = team_json(&a)["team"]["team_id"].as_str().expect("team id").to_string();
    assert!(
        occurrences(files, &team_id) > 0,
        "the search would not find anything: wrong files"
    );

    // The photographed code: someone who saw the invitation asks first; the admin sees two
    // requests on it, lets in only the device whose digits match, and the other gets nothing.
    let c = TestVault::new();
    let photographer = TestVault::new();
    let code = invite(&a, &a.path().join("c.svg"));
    let theirs = request_join(&photographer, &code, &[]);
    let ours = request_join(&c, &code, &[]);
    assert_ne!(theirs, ours);
    let waiting = ok(&a.run(&["team", "requests"]));
    assert!(waiting.contains("2 requests on this invitation"), "{waiting}");
    let wrong = a.run(&[
        "team",
        "approve",
        "--code",
        "000000",
        "--device",
        &device_id_from_requests(&a, &ours),
    ]);
    assert_eq!(wrong.status.code(), Some(2), "a wrong comparison code approves nothing");
    ok(&a.run(&["team", "approve", "--code", &ours]));
    assert!(ok(&c.run(&["team", "wait", "--once"])).contains("Joined"));
    let left_out = photographer.run(&["team", "wait", "--once"]);
    assert_eq!(left_out.status.code(), Some(1), "{}", text(&left_out.stdout));
    assert_eq!(photographer.run(&["sync"]).status.code(), Some(2));
    assert_eq!(answers(&photographer).as_object().map(serde_json::Map::len), Some(0));
    assert_eq!(occurrences(&[photographer.path().to_path_buf()], "MARKER-7731"), 0);

    // A USB bundle brings the third device up to date without the relay.
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

    // Revocation holds. B is revoked (its phone is lost); A then screens someone new. B's
    // vault, with the whole membership log and everything the relay stores, opens none of it.
    let b_device = device_of(&b);
    let b_bundle = b.path().join("late.bundle");
    ok(&b.run(&["sync", "export", "--output", &b_bundle.display().to_string()]));
    // Written before the revocation and not yet read by C, so the relay still holds it: the
    // revoked device must be able to open that one (the check below would prove nothing
    // otherwise).
    edit_answer(&a, &adult, "age", 43);
    ok(&a.run(&["sync"]));
    ok(&a.run(&["team", "revoke", &b_device]));
    interview(&a, "adult-trafficking", "adult-refer-now.answers");
    ok(&a.run(&["sync"]));
    let refused = b.run(&["sync"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("revoked"), "{}", text(&refused.stderr));
    flush();
    let (tried, opened_before) = revoked_device_tries(&b, database, files, &team_id);
    assert!(tried > 0, "no batch written after the revocation was found to try");
    assert!(
        opened_before > 0,
        "the revoked device could not even open what it was sent before: the test proves nothing"
    );
    // Its bundle, carried over on a stick, changes nothing any more on a device that has heard
    // of the revocation (an offline device that has not cannot know).
    ok(&c.run(&["sync"]));
    let imported = c.run(&["sync", "import", &b_bundle.display().to_string()]);
    assert_eq!(imported.status.code(), Some(2));
    assert!(text(&imported.stderr).contains("revoked"), "{}", text(&imported.stderr));

    // A second admin cuts off the first (its phone was seized): A can no longer invite,
    // revoke or read, and C carries on.
    let c_device = device_of(&c);
    ok(&a.run(&["team", "admin", &c_device]));
    ok(&c.run(&["sync"]));
    let a_device = device_of(&a);
    ok(&c.run(&["team", "revoke", &a_device]));
    for args in [&["team", "invite"][..], &["team", "revoke", &c_device], &["sync"]] {
        let out = a.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("revoked"), "{args:?}: {}", text(&out.stderr));
    }
    let shown = team_json(&c);
    assert_eq!(shown["team"]["epoch"], 3, "{shown}");
    let last = c.run(&["team", "revoke", &c_device]);
    assert_eq!(last.status.code(), Some(2), "the last admin cannot be removed");
}

fn device_id_from_requests(admin: &TestVault, comparison: &str) -> String {
    let requests: Vec<Value> = serde_json::from_str(&ok(&admin.run(&["team", "requests", "--json"]))).expect("json");
    requests
        .iter()
        .find(|r| r["comparison"].as_str().unwrap_or("").replace(' ', "") == comparison)
        .and_then(|r| r["device"].as_str())
        .expect("the request")
        .to_string()
}

/// What a seized, revoked phone and a full copy of the relay's data give an attacker: the
/// revoked vault's team, extended with every membership record the relay holds, tries every
/// stored batch. Returns (batches written after the revocation it tried and failed to open,
/// batches from before it that it did open).
fn revoked_device_tries(v: &TestVault, database: &str, files: &[PathBuf], team_id: &str) -> (usize, usize) {
    use fieldscreen_relay::Store;
    let copy = tempfile::tempdir().expect("dir");
    let store: Box<dyn Store> = if database.starts_with("postgres") {
        Box::new(fieldscreen_relay::PgStore::open(database, 1).expect("relay database"))
    } else {
        for f in std::fs::read_dir(&files[0]).expect("relay dir").filter_map(Result::ok) {
            std::fs::copy(f.path(), copy.path().join(f.file_name())).expect("copied");
        }
        Box::new(
            fieldscreen_relay::SqliteStore::open(&copy.path().join("relay.db").display().to_string()).expect("copy"),
        )
    };
    let mut vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("opens");
    let mut team = fieldscreen_sync::Team::require(&mut vault).expect("its team");
    let records = store.records(team_id, team.state.len).expect("records");
    team.extend(records).expect("the log verifies");
    let revoked_at = team
        .state
        .device(&team.device_id)
        .and_then(|d| d.revoked_at)
        .expect("revoked in the log");
    let (mut tried, mut opened) = (0, 0);
    let mut frames: Vec<fieldscreen_wire::Frame> = Vec::new();
    loop {
        let page = store.read(team_id, frames.last().map_or(0, |f| f.pos)).expect("frames");
        if page.is_empty() {
            break;
        }
        frames.extend(page);
    }
    for f in frames {
        let log_len = u64::from_be_bytes(f.sealed[9..17].try_into().expect("header"));
        let result = fieldscreen_sync::open_batch(&team, &f.device, f.seq, &f.sealed);
        if log_len > revoked_at {
            assert!(
                result.is_err(),
                "the revoked device opened batch {} of {}",
                f.seq,
                f.device
            );
            tried += 1;
        } else if result.is_ok() && f.device != team.device_id {
            opened += 1;
        }
    }
    (tried, opened)
}

/// A team member (or someone holding its token) puts junk in the log with a correct digest:
/// the others set that one entry aside, say so, and merge everything else; the sender can be
/// revoked and the relay then compacts the log past the junk.
#[test]
fn a_junk_batch_from_a_member_is_set_aside_and_everything_else_syncs() {
    use fieldscreen_relay::Store;
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("relay.db");
    let (a, b) = (TestVault::new(), TestVault::new());
    {
        // A relay started with its defaults takes no new team.
        let closed = start_relay_with(&format!("sqlite:{}", dir.path().join("closed.db").display()), &[]);
        let refused = a.run(&["team", "create", "--relay", &closed.url, "--name", "Anyone"]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            text(&refused.stderr).contains("--open-registration"),
            "{}",
            text(&refused.stderr)
        );
    }
    let relay = start_relay(&format!("sqlite:{}", db.display()));
    ok(&a.run(&["team", "create", "--relay", &relay.url, "--name", "Inspectorate"]));
    let comparison = request_join(&b, &invite(&a, &a.path().join("qr.svg")), &[]);
    ok(&a.run(&["team", "approve", "--code", &comparison]));
    ok(&b.run(&["team", "wait", "--once"]));
    {
        // B's next batch number holds bytes that are no sealed batch.
        let mut vault = fieldscreen_vault::Vault::open(b.path(), PASSPHRASE).expect("opens");
        vault.queue_batch(&[0x5a; 300], &[], &[]).expect("queued");
    }
    interview(&b, "rapid-screen", "rapid-refer-now.answers");
    ok(&b.run(&["sync"]));
    interview(&a, "adult-trafficking", "adult-refer-now.answers");
    let synced = a.run(&["sync"]);
    assert_eq!(synced.status.code(), Some(1), "{}", text(&synced.stdout));
    let said = text(&synced.stderr);
    let b_device = device_of(&b);
    assert!(said.contains("Set aside") && said.contains(&b_device), "{said}");
    assert_eq!(said.matches("Set aside").count(), 1, "{said}");
    assert_eq!(
        answers(&a).as_object().map(serde_json::Map::len),
        Some(2),
        "B's case arrived"
    );
    let shown = ok(&a.run(&["team", "show"]));
    assert!(shown.contains("Log entries set aside: 1"), "{shown}");
    assert_eq!(team_json(&a)["set_aside"], 1);
    // Nothing new is wrong at the next sync.
    ok(&a.run(&["sync"]));
    ok(&b.run(&["sync"]));
    assert_eq!(answers(&a), answers(&b));

    // The admin sees how far each device has read the log.
    let listed: Vec<Value> = serde_json::from_str(&ok(&a.run(&["team", "devices", "--json"]))).expect("json");
    let row = |v: &[Value], d: &str| v.iter().find(|r| r["relay"]["device"] == d).cloned().expect("listed");
    let b_row = row(&listed, &b_device);
    assert_eq!(
        (b_row["relay"]["used"].as_bool(), b_row["relay"]["revoked"].as_bool()),
        (Some(true), Some(false))
    );
    assert!(b_row["relay"]["acked"].as_u64() > Some(0), "{b_row}");
    assert!(ok(&a.run(&["team", "devices"])).contains("active"));

    let team_id = team_json(&a)["team"]["team_id"].as_str().expect("team").to_string();
    let store = fieldscreen_relay::SqliteStore::open(&db.display().to_string()).expect("relay store");
    // Something B has not read yet: the relay keeps it for B.
    interview(&a, "rapid-screen", "rapid-refer-now.answers");
    ok(&a.run(&["sync"]));
    assert!(store.entries(&team_id).expect("entries") > 0);
    ok(&a.run(&["team", "revoke", &b_device]));
    let listed: Vec<Value> = serde_json::from_str(&ok(&a.run(&["team", "devices", "--json"]))).expect("json");
    assert_eq!(row(&listed, &b_device)["relay"]["revoked"], true);
    for _ in 0..2 {
        ok(&a.run(&["sync"]));
    }
    assert_eq!(
        store.entries(&team_id).expect("entries"),
        0,
        "the relay kept entries only the revoked device had not read"
    );
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

/// Joining shows where the relay is and which team, and keeps the cases already on the device
/// unless the person says otherwise: a fake code (an attacker's relay and team, handed over as
/// the office's) gets none of them. A relay reached over plain http:// is refused.
#[test]
fn joining_asks_first_and_a_fake_code_gets_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let relay = start_relay(&format!("sqlite:{}", dir.path().join("relay.db").display()));
    let victim = TestVault::new();
    interview(&victim, "adult-trafficking", "adult-refer-now.answers");

    let insecure = fieldscreen_team::Invitation::new("http://relay.example.org", "t-1", [1; 32], "0011223344556677")
        .expect("invitation");
    let file = victim.path().join("insecure.code");
    std::fs::write(&file, insecure.code().as_bytes()).expect("written");
    let out = victim.run(&["team", "join", "--no-wait", "--code-file", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("https://"), "{}", text(&out.stderr));

    let attacker = TestVault::new();
    ok(&attacker.run(&["team", "create", "--relay", &relay.url, "--name", "Shelter office"]));
    let code = invite(&attacker, &attacker.path().join("qr.svg"));
    let file = victim.path().join("fake.code");
    std::fs::write(&file, &code).expect("written");
    let out = victim
        .cmd()
        .args(["team", "join", "--no-wait", "--code-file", &file.display().to_string()])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    let said = text(&out.stderr);
    let host = relay.url.trim_start_matches("http://");
    assert!(said.contains(host) && said.contains("Shelter office"), "{said}");
    assert!(said.contains("stay on it only"), "{said}");
    ok(&attacker.run(&["team", "approve", "--code", &comparison_in(&text(&out.stdout))]));
    ok(&victim.run(&["team", "wait", "--once"]));
    let synced = ok(&victim.run(&["sync"]));
    assert!(synced.contains("0 batch(es) sent"), "{synced}");
    ok(&attacker.run(&["sync"]));
    assert_eq!(answers(&attacker).as_object().map(serde_json::Map::len), Some(0));
    // The case is still on the victim's device, and it stays out of bundles too.
    assert_eq!(answers(&victim).as_object().map(serde_json::Map::len), Some(1));
    let bundle = victim.path().join("b.bundle");
    let made = ok(&victim.run(&["sync", "export", "--output", &bundle.display().to_string()]));
    assert!(made.contains("0 case(s)"), "{made}");
}

/// A device of the first team model (one shared key in every code) refuses to sync with it and
/// says what to do; joining a new team with --send-cases brings every case along.
#[test]
fn a_device_of_the_first_team_model_moves_its_cases_to_a_new_team() {
    let dir = tempfile::tempdir().expect("dir");
    let relay = start_relay(&format!("sqlite:{}", dir.path().join("relay.db").display()));
    let old_member = TestVault::new();
    let old_admin = TestVault::new();
    interview(&old_member, "rapid-screen", "rapid-refer-now.answers");
    interview(&old_admin, "adult-trafficking", "adult-refer-now.answers");
    for v in [&old_member, &old_admin] {
        let mut vault = fieldscreen_vault::Vault::open(v.path(), PASSPHRASE).expect("opens");
        let old = format!(
            r#"{{"relay":"{}","team":"0a1b2c3d4e5f6071","device":"d1","token":"{}","key":"{}","admin":true}}"#,
            relay.url,
            "ab".repeat(32),
            "cd".repeat(32)
        );
        vault.set_sync_value("team", old.as_bytes()).expect("stored");
    }
    for args in [&["sync"][..], &["team", "show"]] {
        let out = old_member.run(args);
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out.stderr).contains("old shared key"), "{}", text(&out.stderr));
    }
    // The office moves first: a new team, its cases go to it.
    ok(&old_admin.run(&["team", "create", "--relay", &relay.url]));
    let code = invite(&old_admin, &old_admin.path().join("qr.svg"));
    let comparison = request_join(&old_member, &code, &["--send-cases"]);
    ok(&old_admin.run(&["team", "approve", "--code", &comparison]));
    ok(&old_member.run(&["team", "wait", "--once"]));
    for v in [&old_member, &old_admin, &old_member] {
        ok(&v.run(&["sync"]));
    }
    let (m, a) = (answers(&old_member), answers(&old_admin));
    assert_eq!(m.as_object().map(serde_json::Map::len), Some(2), "{m}");
    assert_eq!(m, a, "no case was lost in the move");
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
            &fieldscreen_vault::Ledger::state("c", b"1"),
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

/// The status code of `GET /healthz`.
fn health(url: &str) -> u16 {
    use std::io::Read;
    let addr = url.trim_start_matches("http://");
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return 0;
    };
    let _ = s.set_read_timeout(Some(std::time::Duration::from_secs(30)));
    let _ = write!(s, "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0)
}

/// The database under the relay restarts (on a private PostgreSQL, so the shared one used by the
/// other tests is left alone): while it is down, syncs fail with a clear message and `/healthz`
/// says so; once it is back, the relay's broken connections are replaced and syncs succeed.
#[test]
fn the_relay_outlives_a_database_restart() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("dir");
    // The server runs as `postgres` when the tests run as root: it must reach its directory.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let pg = dir.path().join("pg");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let scratch = |args: &[&str]| {
        let out = Command::new(repo().join("scripts/pg-scratch.sh"))
            .args(args)
            .output()
            .expect("pg-scratch.sh runs");
        assert!(out.status.success(), "pg-scratch {args:?}: {}", text(&out.stderr));
    };
    let pg_dir = pg.display().to_string();
    scratch(&["init", &pg_dir, &port.to_string()]);
    /// Stops the private cluster however the test ends (already stopped is fine).
    struct Stop(String);
    impl Drop for Stop {
        fn drop(&mut self) {
            let _ = Command::new(repo().join("scripts/pg-scratch.sh"))
                .args(["stop", &self.0])
                .output();
        }
    }
    let _stop = Stop(pg_dir.clone());
    let relay = start_relay(&format!("postgres://postgres@127.0.0.1:{port}/postgres"));
    assert_eq!(health(&relay.url), 200);
    let a = TestVault::new();
    ok(&a.run(&["team", "create", "--relay", &relay.url, "--name", "Border post"]));
    interview(&a, "rapid-screen", "rapid-refer-now.answers");
    ok(&a.run(&["sync"]));

    scratch(&["stop", &pg_dir]);
    assert_eq!(health(&relay.url), 503, "the relay looks healthy without its database");
    interview(&a, "rapid-screen", "rapid-refer-now.answers");
    let failed = a.run(&["sync"]);
    assert_eq!(failed.status.code(), Some(2));
    assert!(text(&failed.stderr).contains("relay"), "{}", text(&failed.stderr));

    scratch(&["start", &pg_dir]);
    let mut healthy = false;
    for _ in 0..20 {
        if health(&relay.url) == 200 {
            healthy = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    assert!(healthy, "the relay did not reconnect to its database");
    let synced = ok(&a.run(&["sync"]));
    assert!(synced.contains("1 batch(es) sent"), "{synced}");
}

/// The relay keeps only ciphertext: it is built on plain SQLite, without SQLCipher or OpenSSL.
#[test]
fn the_relay_links_no_sqlcipher() {
    let binary = std::fs::read(relay_binary()).expect("the relay binary");
    for needle in [&b"sqlcipher"[..], b"SQLCipher", b"cipher_compatibility"] {
        assert!(
            !binary.windows(needle.len()).any(|w| w == needle),
            "the relay binary holds {:?}",
            String::from_utf8_lossy(needle)
        );
    }
    let cli = std::fs::read(env!("CARGO_BIN_EXE_fieldscreen")).expect("the CLI binary");
    assert!(
        cli.windows(9).any(|w| w == b"sqlcipher"),
        "the search would not find SQLCipher even where it is linked"
    );
}
