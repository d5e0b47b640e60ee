//! Vault tests on real SQLCipher files in temporary directories.

use super::*;
use fieldscreen_protocol::Answer;

/// Cheap key derivation: these tests are about the vault, not the KDF's cost.
const FAST: KdfParams = KdfParams {
    m_kib: 1024,
    t: 1,
    p: 1,
};
const PASS: &str = "correct horse battery";

fn meta() -> CaseMeta {
    CaseMeta {
        protocol_id: "adult-trafficking".into(),
        protocol_version: "1.0.0".into(),
        interviewer_lang: "en".into(),
        respondent_lang: None,
        created_at: "2026-11-27T10:00:00Z".into(),
        organisation: None,
    }
}

fn index(n: i64) -> CaseIndex {
    CaseIndex {
        state: CaseState::InProgress,
        answer_count: n,
        ..CaseIndex::default()
    }
}

fn answer(v: &mut Vault, id: &str, q: &str, a: Answer) {
    v.update_case(id, &format!("answer {q}"), &index(1), |d| d.set_answer(q, Some(&a)))
        .expect("update");
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Occurrences of `needle` in every file of the directory.
fn occurrences(dir: &Path, needle: &str) -> usize {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| std::fs::read(e.expect("entry").path()).unwrap_or_default())
        .map(|bytes| count(&bytes, needle.as_bytes()))
        .sum()
}

#[test]
fn answers_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().expect("dir");
    let id = {
        let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
        let id = v.create_case(&meta(), &index(0)).expect("case");
        answer(&mut v, &id, "age", Answer::Number(34));
        answer(&mut v, &id, "debt", Answer::Yes);
        id
    };
    let v = Vault::open(dir.path(), PASS).expect("open");
    let mut answers = v.load_case(&id).expect("load").answers().expect("answers");
    answers.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        answers,
        vec![("age".into(), Answer::Number(34)), ("debt".into(), Answer::Yes)]
    );
    let listed = v.list_cases(&CaseFilter::default()).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, id);
    assert!(v.info().expect("info").cipher_version.is_some());
}

#[test]
fn compaction_keeps_every_answer_and_its_history() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    let id = v.create_case(&meta(), &index(0)).expect("case");
    for i in 0..150 {
        answer(&mut v, &id, &format!("q{}", i % 40), Answer::Number(i));
    }
    let rows: i64 = v
        .conn
        .query_row("SELECT count(*) FROM case_changes WHERE case_id = ?1", [&id], |r| {
            r.get(0)
        })
        .expect("rows");
    assert!(
        rows < COMPACT_AFTER,
        "changes were folded into a snapshot ({rows} left)"
    );
    drop(v);
    let v = Vault::open(dir.path(), PASS).expect("open");
    let mut doc = v.load_case(&id).expect("load");
    let answers: std::collections::HashMap<String, Answer> = doc.answers().expect("answers").into_iter().collect();
    assert_eq!(answers.len(), 40);
    assert_eq!(answers["q29"], Answer::Number(149));
    assert_eq!(doc.history().expect("history").len(), 150);
}

#[test]
fn no_plaintext_on_disk_while_open_or_after_closing() {
    let dir = tempfile::tempdir().expect("dir");
    let marker = "MARKER-5f3a9c-plaintext";
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    let id = v.create_case(&meta(), &index(0)).expect("case");
    for i in 0..20 {
        answer(&mut v, &id, &format!("note{i}"), Answer::Text(format!("{marker} {i}")));
    }
    assert_eq!(occurrences(dir.path(), marker), 0, "while open");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("e").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| n.starts_with("vault.")),
        "no stray temporary files: {names:?}"
    );
    drop(v);
    assert_eq!(occurrences(dir.path(), marker), 0, "after closing");
    // The marker is really there, behind the key.
    let v = Vault::open(dir.path(), PASS).expect("open");
    let answers = v.load_case(&id).expect("load").answers().expect("answers");
    assert!(
        answers
            .iter()
            .any(|(_, a)| matches!(a, Answer::Text(t) if t.contains(marker)))
    );
}

#[test]
fn wrong_passphrase_is_said_plainly_and_slows_down() {
    let dir = tempfile::tempdir().expect("dir");
    Vault::init(dir.path(), PASS, FAST).expect("init");
    for n in 1..=3 {
        let e = Vault::open(dir.path(), "wrong passphrase").err().expect("refused");
        assert!(
            matches!(e, VaultError::WrongPassphrase { failed, wait_secs: 0, remaining: None } if failed == n),
            "{e}"
        );
        assert!(e.to_string().starts_with("wrong passphrase"), "{e}");
        assert!(!e.to_string().contains("not a database"));
    }
    let e = Vault::open(dir.path(), "wrong passphrase").err().expect("refused");
    assert!(
        matches!(
            e,
            VaultError::WrongPassphrase {
                failed: 4,
                wait_secs: 5,
                ..
            }
        ),
        "{e}"
    );
    // Not even the right passphrase is tried during the wait, and the refusal is not counted.
    let e = Vault::open(dir.path(), PASS).err().expect("locked");
    assert!(
        matches!(
            e,
            VaultError::LockedOut {
                failed: 4,
                wait_secs: 5
            }
        ),
        "{e}"
    );
    assert_eq!(attempts::read(dir.path(), None), 4);
    // The wait measured from the last failure (moved back here rather than slept).
    let ago = std::time::Instant::now()
        .checked_sub(std::time::Duration::from_secs(6))
        .expect("instant");
    attempts::record_failure_at(dir.path(), ago);
    let mut v = Vault::open(dir.path(), PASS).expect("after waiting");
    assert_eq!(attempts::read(dir.path(), None), 0, "success resets the count");
    let log = v.audit_log(5).expect("audit");
    assert_eq!(log[0].action, "unlock-after-failures");
    v.record_action(crate::AuditAction::ReportPublished, None)
        .expect("audit");
}

#[test]
fn a_deleted_or_unwritable_count_does_not_shorten_the_wait() {
    let dir = tempfile::tempdir().expect("dir");
    Vault::init(dir.path(), PASS, FAST).expect("init");
    std::fs::remove_file(dir.path().join(attempts::FILE_NAME)).expect("delete the count");
    // Counted as the worst: the full wait, measured from the start of this run.
    let e = Vault::open(dir.path(), PASS).err().expect("locked");
    assert!(
        matches!(e, VaultError::LockedOut { wait_secs, .. } if wait_secs > 800),
        "{e}"
    );
    // A count that cannot be written refuses the attempt (a read-only directory, when not root).
    attempts::write(dir.path(), 0).expect("restore");
    let blocker = dir.path().join(format!("{}.tmp", attempts::FILE_NAME));
    std::fs::create_dir(&blocker).expect("a directory where the temporary file goes");
    let e = Vault::open(dir.path(), PASS).err().expect("refused");
    assert!(matches!(e, VaultError::CounterUnwritable(_)), "{e}");
    std::fs::remove_dir(&blocker).expect("unblock");
    Vault::open(dir.path(), PASS).expect("opens once the count can be written");
}

#[test]
fn passphrase_change_rewraps_or_rekeys() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    let id = v.create_case(&meta(), &index(0)).expect("case");
    answer(&mut v, &id, "age", Answer::Number(40));
    assert!(v.change_passphrase("short", FAST, false).is_err());
    assert!(matches!(
        v.change_passphrase("password123", FAST, false),
        Err(VaultError::GuessablePassphrase(_))
    ));
    v.change_passphrase("a new passphrase for the vault", FAST, false)
        .expect("change");
    // A copy of the key file now, with this passphrase, as someone might have taken it.
    let old_key_file = std::fs::read(KeyFile::path(dir.path())).expect("key file");
    v.change_passphrase("third passphrase, fresh key", FAST, true)
        .expect("rekey");
    answer(&mut v, &id, "debt", Answer::Yes);
    drop(v);
    assert!(!KeyFile::next_path(dir.path()).exists());
    assert!(matches!(
        Vault::open(dir.path(), PASS),
        Err(VaultError::WrongPassphrase { .. })
    ));
    let v = Vault::open(dir.path(), "third passphrase, fresh key").expect("new passphrase");
    assert_eq!(v.load_case(&id).expect("load").answers().expect("answers").len(), 2);
    drop(v);
    std::fs::write(KeyFile::path(dir.path()), &old_key_file).expect("put the old key file back");
    let e = Vault::open(dir.path(), "a new passphrase for the vault")
        .err()
        .expect("the old key no longer opens the database");
    assert!(matches!(e, VaultError::Damaged(_)), "{e}");
}

/// The database's pages, 4096 bytes each (SQLCipher's page size), from a closed vault.
fn db_pages(dir: &Path) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(dir.join(DB_FILE)).expect("database file");
    bytes.chunks(4096).map(<[u8]>::to_vec).collect()
}

#[test]
fn a_passphrase_change_without_rekey_leaves_the_data_pages_as_they_were() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    for n in 0..40 {
        let id = v.create_case(&meta(), &index(n)).expect("case");
        answer(&mut v, &id, "notes", Answer::Text("x".repeat(500)));
    }
    drop(v);
    let before = db_pages(dir.path());
    assert!(before.len() > 20, "too few pages to tell: {}", before.len());

    let mut v = Vault::open(dir.path(), PASS).expect("open");
    v.change_passphrase("a new passphrase for the vault", FAST, false)
        .expect("change");
    drop(v);
    let kept = db_pages(dir.path());
    // Opening and the change each add an audit entry: those pages, and the header that counts
    // changes, are written again; every page holding a case is not.
    let differ = |a: &[Vec<u8>], b: &[Vec<u8>]| a.iter().zip(b).filter(|(x, y)| x != y).count();
    let rewritten = differ(&before, &kept);
    assert!(
        rewritten <= 4,
        "{rewritten} of {} pages changed without a re-key",
        before.len()
    );

    let mut v = Vault::open(dir.path(), "a new passphrase for the vault").expect("open");
    v.change_passphrase("third passphrase, fresh key", FAST, true)
        .expect("rekey");
    drop(v);
    let rekeyed = db_pages(dir.path());
    // The control: a re-key encrypts every page again under the new key.
    assert_eq!(
        differ(&kept, &rekeyed),
        kept.len().min(rekeyed.len()),
        "a re-key left pages as they were"
    );
}

#[test]
fn a_change_cut_short_leaves_a_vault_that_opens() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    let id = v.create_case(&meta(), &index(0)).expect("case");
    // Cut after the new key file was written but before the database was re-keyed.
    let mut next = v.key_file.clone();
    let new_key = Zeroizing::new([5u8; 32]);
    next.set_slot(
        REAL_SLOT,
        &SlotContent::Real(new_key.clone()),
        "the new one, never used",
        FAST,
    )
    .expect("slot");
    next.write_next(dir.path()).expect("next");
    drop(v);
    let v = Vault::open(dir.path(), PASS).expect("the old passphrase still opens");
    assert!(!KeyFile::next_path(dir.path()).exists(), "the unused copy is scrubbed");
    drop(v);
    // Cut after the re-key but before the new file was installed.
    let mut v = Vault::open(dir.path(), PASS).expect("open");
    next.write_next(dir.path()).expect("next");
    db::rekey(&v.conn, &new_key).expect("rekey");
    v.docs.clear();
    drop(v);
    let v = Vault::open(dir.path(), "the new one, never used").expect("the new passphrase opens");
    assert!(!KeyFile::next_path(dir.path()).exists());
    v.load_case(&id).expect("the case is there");
    drop(v);
    assert!(Vault::open(dir.path(), PASS).is_err());
}

#[test]
fn refuses_to_create_over_an_existing_vault_or_open_a_missing_one() {
    let dir = tempfile::tempdir().expect("dir");
    Vault::init(dir.path(), PASS, FAST).expect("init");
    assert!(matches!(
        Vault::init(dir.path(), PASS, FAST),
        Err(VaultError::AlreadyExists(_))
    ));
    let empty = tempfile::tempdir().expect("dir");
    assert!(matches!(Vault::open(empty.path(), PASS), Err(VaultError::NoVault(_))));
    assert!(matches!(
        Vault::init(&empty.path().join("v"), "short", FAST),
        Err(VaultError::WeakPassphrase(8))
    ));
}

fn flip_byte(path: &Path, offset: u64) {
    let mut bytes = std::fs::read(path).expect("read");
    let i = usize::try_from(offset).expect("offset");
    bytes[i] ^= 0x40;
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn a_flipped_byte_is_detected_reported_and_loses_nothing_else() {
    let dir = tempfile::tempdir().expect("dir");
    let mut ids = Vec::new();
    {
        let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
        for i in 0..60 {
            let id = v.create_case(&meta(), &index(0)).expect("case");
            answer(
                &mut v,
                &id,
                "story",
                Answer::Text(format!("case {i} {}", "x".repeat(400))),
            );
            ids.push(id);
        }
        v.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .expect("checkpoint");
    }
    let db = dir.path().join(DB_FILE);
    let pages = std::fs::metadata(&db).expect("meta").len() / 4096;
    assert!(pages > 8);
    // Which cases a damaged page takes with it depends on the page (a leaf holds a few rows, an
    // interior page leads to many, and where each lands moves with the schema): so bytes in the
    // middle of one data page after another, until one is a leaf. Every one is reported, none
    // takes an undamaged case with it, and undoing the flip restores everything.
    let mut leaf_found = false;
    for page in pages / 2..pages {
        let offset = page * 4096 + 1000;
        flip_byte(&db, offset);
        let v = Vault::open(dir.path(), PASS).expect("the vault still opens");
        let problems = v.check().expect("check");
        assert!(!problems.is_empty(), "the integrity check reports altered page {page}");
        let mut damaged = 0;
        let mut fine = 0;
        for id in &ids {
            match v.load_case(id).and_then(|d| d.answers()) {
                Ok(a) => {
                    assert_eq!(a.len(), 1);
                    fine += 1;
                }
                Err(VaultError::Damaged(_)) => damaged += 1,
                Err(e) => panic!("unexpected error for {id} (page {page}): {e}"),
            }
        }
        drop(v);
        flip_byte(&db, offset);
        if damaged >= 1 && fine >= 1 {
            leaf_found = true;
            break;
        }
    }
    assert!(leaf_found, "no damaged page left the cases on intact pages loadable");
    let v = Vault::open(dir.path(), PASS).expect("open");
    assert!(v.check().expect("check").is_empty());
    for id in &ids {
        v.load_case(id).expect("load");
    }
    // A damaged first page cannot be opened at all, and says so.
    drop(v);
    flip_byte(&db, 100);
    let e = Vault::open(dir.path(), PASS).err().expect("refused");
    assert!(matches!(e, VaultError::Damaged(_)), "{e}");
    assert!(e.to_string().contains("damaged or was modified"));
}

/// The same vault code on an unencrypted connection, so that the file can be searched for the
/// content of a deleted case.
fn plain_vault(dir: &Path) -> Vault {
    let mut conn = Connection::open(dir.join(DB_FILE)).expect("db");
    db::configure(&conn, Durability::PowerLoss).expect("configure");
    schema::migrate(&mut conn).expect("migrate");
    let (key_file, db_key) = KeyFile::create(PASS, FAST).expect("key");
    Vault {
        dir: dir.to_path_buf(),
        db_file: DB_FILE,
        slot: REAL_SLOT,
        duress: None,
        conn,
        key_file,
        db_key,
        device: "00".into(),
        docs: HashMap::new(),
    }
}

#[test]
fn a_deleted_case_leaves_no_readable_trace() {
    let dir = tempfile::tempdir().expect("dir");
    let marker = "DELETED-CASE-MARKER-77";
    let mut v = plain_vault(dir.path());
    let keep = v.create_case(&meta(), &index(0)).expect("keep");
    answer(&mut v, &keep, "story", Answer::Text("this one stays".into()));
    let gone = v.create_case(&meta(), &index(0)).expect("gone");
    for i in 0..30 {
        answer(&mut v, &gone, &format!("q{i}"), Answer::Text(format!("{marker} {i}")));
    }
    assert!(
        occurrences(dir.path(), marker) > 0,
        "unencrypted, the marker is visible before deletion"
    );
    v.delete_case(&gone).expect("delete");
    assert_eq!(
        occurrences(dir.path(), marker),
        0,
        "no trace in the database, WAL or shared memory"
    );
    assert!(matches!(v.load_case(&gone), Err(VaultError::UnknownCase(_))));
    assert_eq!(v.load_case(&keep).expect("kept").answers().expect("answers").len(), 1);
    drop(v);
    assert_eq!(occurrences(dir.path(), marker), 0, "after closing");
    assert!(occurrences(dir.path(), "this one stays") > 0);
}

#[test]
fn listing_filters_by_state_level_and_date() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    let a = v.create_case(&meta(), &index(0)).expect("a");
    let b = v.create_case(&meta(), &index(0)).expect("b");
    let done = CaseIndex {
        state: CaseState::Completed,
        level: Some("refer-now".into()),
        ..CaseIndex::default()
    };
    v.update_case(&b, "state", &done, |d| d.set_state(r#"{"state":"completed"}"#))
        .expect("update");
    let by_level = v
        .list_cases(&CaseFilter {
            level: Some("refer-now".into()),
            ..CaseFilter::default()
        })
        .expect("list");
    assert_eq!(
        by_level.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        vec![b.clone()]
    );
    let in_progress = v
        .list_cases(&CaseFilter {
            state: Some(CaseState::InProgress),
            ..CaseFilter::default()
        })
        .expect("list");
    assert_eq!(
        in_progress.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        vec![a.clone()]
    );
    let today = jiff::Timestamp::now().to_string()[..10].to_string();
    let dated = v
        .list_cases(&CaseFilter {
            updated_from: Some(today.clone()),
            updated_to: Some(today),
            ..CaseFilter::default()
        })
        .expect("list");
    assert_eq!(dated.len(), 2);
    let none = v
        .list_cases(&CaseFilter {
            updated_to: Some("2000-01-01".into()),
            ..CaseFilter::default()
        })
        .expect("list");
    assert!(none.is_empty());
    let prefix = v
        .list_cases(&CaseFilter {
            id_prefix: Some(a[..8].to_string()),
            ..CaseFilter::default()
        })
        .expect("list");
    assert_eq!(prefix.len(), 1);
}

#[test]
fn listing_pages_and_prefixes_are_exact() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    for _ in 0..5 {
        v.create_case(&meta(), &index(0)).expect("case");
    }
    let page = v
        .list_cases(&CaseFilter {
            limit: Some(2),
            ..CaseFilter::default()
        })
        .expect("list");
    assert_eq!(page.len(), 2);
    let all = v.list_cases(&CaseFilter::default()).expect("list");
    assert_eq!(all.len(), 5);
    assert_eq!(page[0], all[0], "the page is the newest first");
    // LIKE wildcards in a prefix match themselves only.
    assert!(
        v.list_cases(&CaseFilter {
            id_prefix: Some("%".into()),
            ..CaseFilter::default()
        })
        .expect("list")
        .is_empty()
    );
    assert!(
        v.list_cases(&CaseFilter {
            id_prefix: Some("_".into()),
            ..CaseFilter::default()
        })
        .expect("list")
        .is_empty()
    );
}

/// Hands every unsent update of `from` to `to`, as a relay would (without the sealing).
fn hand_over(from: &mut Vault, to: &mut Vault) -> Received {
    let updates = from.unsent_updates(1000).expect("updates");
    let included: Vec<(String, Vec<u8>)> = updates.iter().map(|(u, h)| (u.case_id.clone(), h.clone())).collect();
    let plain = Batch {
        updates: updates.into_iter().map(|(u, _)| u).collect(),
        erased: from.unsent_erasures().expect("erasures"),
    };
    from.queue_batch(b"sealed elsewhere", &included, &plain.erased)
        .expect("queued");
    let cursor = format!("{}", from.next_batch_seq().expect("seq"));
    to.receive(&plain, &crate::Ledger::state("cursor", cursor.as_bytes()), &mut |d| {
        Some(index(i64::try_from(d.answers().ok()?.len()).ok()?))
    })
    .expect("received")
}

#[test]
fn two_devices_exchange_cases_and_keep_both_values_of_a_concurrent_edit() {
    let mut a = Vault::in_memory().expect("a");
    let mut b = Vault::in_memory().expect("b");
    assert_ne!(a.device_id(), b.device_id());
    let id = a.create_case(&meta(), &index(0)).expect("case");
    answer(&mut a, &id, "age", Answer::Number(34));
    answer(&mut a, &id, "debt", Answer::Yes);
    assert_eq!(a.unsent_count().expect("unsent"), 1);

    let got = hand_over(&mut a, &mut b);
    assert_eq!((got.new_cases, got.changed_cases, got.held), (1, 0, 0));
    assert_eq!(
        a.unsent_count().expect("unsent"),
        0,
        "queued cases are no longer unsent"
    );
    assert_eq!(a.outbox().expect("outbox").len(), 1);
    assert_eq!(b.sync_value("cursor").expect("cursor"), Some(b"2".to_vec()));
    let listed = b.list_cases(&CaseFilter::default()).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id.as_str(), listed[0].answer_count), (id.as_str(), 2));
    assert_eq!(
        b.load_case(&id).expect("case").answers().expect("answers"),
        a.load_case(&id).expect("case").answers().expect("answers")
    );
    // What B received is not B's to send back.
    assert_eq!(b.unsent_count().expect("unsent"), 0);

    // Both change the same answer while apart; then each hears of the other's change.
    answer(&mut a, &id, "age", Answer::Number(35));
    answer(&mut b, &id, "age", Answer::Number(36));
    assert_eq!(hand_over(&mut a, &mut b).changed_cases, 1);
    assert_eq!(hand_over(&mut b, &mut a).changed_cases, 1);
    for v in [&a, &b] {
        let conflicts = v.load_case(&id).expect("case").conflicts().expect("conflicts");
        assert_eq!(conflicts.len(), 1, "both values kept");
        let (q, mut values) = conflicts[0].clone();
        values.sort_by_key(|a| format!("{a:?}"));
        assert_eq!(
            (q.as_str(), values),
            ("age", vec![Answer::Number(35), Answer::Number(36)])
        );
    }
    // Second time round only what is new travels: one edit, not the whole case.
    answer(&mut a, &id, "debt", Answer::No);
    let updates = a.unsent_updates(10).expect("updates");
    let whole = a.load_case(&id).expect("case").save().len();
    assert!(
        updates[0].0.bytes.len() < whole / 2,
        "{} vs {whole}",
        updates[0].0.bytes.len()
    );
}

#[test]
fn changes_that_arrive_before_their_case_wait_for_it() {
    let mut a = Vault::in_memory().expect("a");
    let mut b = Vault::in_memory().expect("b");
    let mut c = Vault::in_memory().expect("c");
    let id = a.create_case(&meta(), &index(0)).expect("case");
    answer(&mut a, &id, "age", Answer::Number(34));
    hand_over(&mut a, &mut b);
    answer(&mut b, &id, "debt", Answer::Yes);
    // C hears B's edit first, then A's creation.
    let held = hand_over(&mut b, &mut c);
    assert_eq!((held.new_cases, held.held), (0, 1));
    assert!(c.list_cases(&CaseFilter::default()).expect("list").is_empty());
    a.resend_everything().expect("resend");
    let created = hand_over(&mut a, &mut c);
    assert_eq!(created.new_cases, 1);
    let answers = c.load_case(&id).expect("case").answers().expect("answers");
    assert_eq!(answers.len(), 2, "{answers:?}");
}

#[test]
fn a_case_deleted_on_one_device_goes_from_every_device_and_stays_gone() {
    let mut a = Vault::in_memory().expect("a");
    let mut b = Vault::in_memory().expect("b");
    let mut c = Vault::in_memory().expect("c");
    let id = a.create_case(&meta(), &index(0)).expect("case");
    let kept = a.create_case(&meta(), &index(0)).expect("kept");
    answer(&mut a, &id, "age", Answer::Number(34));
    hand_over(&mut a, &mut b);
    // B edits while A, not knowing, deletes: the deletion wins on both sides.
    answer(&mut b, &id, "debt", Answer::Yes);
    let whole = a.load_case(&id).expect("case").save();
    // The batch A queued has left; had it not, the delete would take it out (next test).
    for (seq, _) in a.outbox().expect("outbox") {
        a.outbox_acknowledged(seq).expect("acknowledged");
    }
    a.delete_case(&id).expect("delete");
    assert_eq!(a.unsent_count().expect("unsent"), 1, "the erasure waits to be sent");
    let got = hand_over(&mut a, &mut b);
    assert_eq!((got.erased, got.changed_cases), (1, 0));
    assert!(matches!(b.load_case(&id), Err(VaultError::UnknownCase(_))));
    assert_eq!(b.unsent_count().expect("unsent"), 0, "B's own edit of it is dropped");
    assert_eq!(b.erasures().expect("erasures"), vec![id.clone()]);
    assert!(b.unsent_erasures().expect("unsent").is_empty(), "not B's to send again");
    assert!(b.load_case(&kept).is_ok(), "the other case stays");

    // A device that hears of the case only after its erasure never shows it.
    a.resend_everything().expect("resend");
    assert_eq!(a.unsent_erasures().expect("unsent"), vec![id.clone()]);
    let late = Batch {
        updates: vec![CaseUpdate {
            case_id: id.clone(),
            bytes: whole,
        }],
        erased: Vec::new(),
    };
    hand_over(&mut a, &mut c);
    let got = c
        .receive(&late, &crate::Ledger::state("cursor", b"9"), &mut |_| Some(index(0)))
        .expect("received");
    assert_eq!(
        (got.new_cases, got.held),
        (0, 0),
        "a change of an erased case is dropped"
    );
    let listed: Vec<String> = c
        .list_cases(&CaseFilter::default())
        .expect("list")
        .into_iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(listed, vec![kept]);
}

/// The real vault with marker cases, a duress passphrase set to `action`, and (for the answers
/// that show one) a practice case in the practice vault.
fn vault_with_duress(dir: &Path, action: DuressAction) -> String {
    let mut v = Vault::init(dir, PASS, FAST).expect("init");
    let id = v.create_case(&meta(), &index(0)).expect("case");
    answer(&mut v, &id, "name", Answer::Text("MARKER-real-7c1e".into()));
    assert!(matches!(
        v.set_duress(PASS, action, FAST),
        Err(VaultError::DuressSameAsReal)
    ));
    let decoy = v.set_duress(DURESS, action, FAST).expect("duress");
    assert_eq!(decoy.is_some(), action.opens_decoy());
    if let Some(mut d) = decoy {
        let p = d.create_case(&meta(), &index(0)).expect("practice case");
        answer(&mut d, &p, "name", Answer::Text("practice interview".into()));
    }
    assert_eq!(v.duress_action().expect("read"), Some(action));
    id
}

const DURESS: &str = "a calm walk by the river";

fn skip_wait(dir: &Path) {
    let ago = std::time::Instant::now()
        .checked_sub(std::time::Duration::from_secs(3600))
        .expect("instant");
    attempts::record_failure_at(dir, ago);
}

#[test]
fn the_duress_passphrase_opens_only_the_practice_vault() {
    let dir = tempfile::tempdir().expect("dir");
    let real_id = vault_with_duress(dir.path(), DuressAction::Decoy);
    let d = Vault::open(dir.path(), DURESS).expect("the practice vault");
    let cases = d.list_cases(&CaseFilter::default()).expect("list");
    assert_eq!(cases.len(), 1);
    assert_ne!(cases[0].id, real_id);
    assert!(matches!(d.load_case(&real_id), Err(VaultError::UnknownCase(_))));
    assert_eq!(
        d.duress_action().expect("read"),
        None,
        "the practice vault knows of no duress"
    );
    assert_eq!(
        d.info().expect("info").vault_id,
        Vault::open(dir.path(), PASS)
            .expect("real")
            .info()
            .expect("info")
            .vault_id,
        "the same vault id as the real one"
    );
    drop(d);
    let v = Vault::open(dir.path(), PASS).expect("the real vault still opens");
    v.load_case(&real_id).expect("the real case");
}

#[test]
fn the_duress_passphrase_can_look_exactly_like_a_wrong_one() {
    let dir = tempfile::tempdir().expect("dir");
    vault_with_duress(dir.path(), DuressAction::Wrong);
    let e = Vault::open(dir.path(), DURESS).err().expect("refused");
    assert!(matches!(e, VaultError::WrongPassphrase { failed: 1, .. }), "{e}");
    assert!(!dir.path().join(DECOY_DB_FILE).exists());
    Vault::open(dir.path(), PASS).expect("the real vault still opens");
}

#[test]
fn the_duress_passphrase_can_destroy_the_key_for_good() {
    for action in [DuressAction::DestroyThenDecoy, DuressAction::DestroyThenWrong] {
        let dir = tempfile::tempdir().expect("dir");
        vault_with_duress(dir.path(), action);
        let before = KeyFile::read(dir.path()).expect("key file");
        let copy = tempfile::tempdir().expect("copy");
        for e in std::fs::read_dir(dir.path()).expect("dir") {
            let e = e.expect("entry");
            std::fs::copy(e.path(), copy.path().join(e.file_name())).expect("copy");
        }
        let real_wrap = serde_json::to_value(&before).expect("json")["slots"][0]["wrap"]["ciphertext"]
            .as_str()
            .expect("hex")
            .to_string();
        match Vault::open(dir.path(), DURESS) {
            Ok(d) => {
                assert!(action.opens_decoy());
                assert_eq!(d.list_cases(&CaseFilter::default()).expect("list").len(), 1);
            }
            Err(e) => {
                assert!(!action.opens_decoy());
                assert!(matches!(e, VaultError::WrongPassphrase { .. }), "{e}");
            }
        }
        skip_wait(dir.path());
        assert!(matches!(
            Vault::open(dir.path(), PASS),
            Err(VaultError::WrongPassphrase { .. })
        ));
        assert_eq!(occurrences(dir.path(), &real_wrap), 0, "the wrapped key is overwritten");
        assert_eq!(occurrences(dir.path(), "MARKER-real-7c1e"), 0);
        assert_eq!(
            occurrences(copy.path(), "MARKER-real-7c1e"),
            0,
            "the copy is ciphertext too"
        );
        assert!(!KeyFile::next_path(dir.path()).exists());
    }
}

#[test]
fn wrong_passphrases_erase_the_key_when_the_worker_chose_so() {
    let dir = tempfile::tempdir().expect("dir");
    let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
    assert!(
        v.set_policy(Policy {
            erase_after: Some(7),
            show_remaining: true
        })
        .is_err()
    );
    v.set_policy(Policy {
        erase_after: Some(5),
        show_remaining: true,
    })
    .expect("policy");
    drop(v);
    for n in 1..=5u32 {
        skip_wait(dir.path());
        let e = Vault::open(dir.path(), "not the passphrase").err().expect("wrong");
        assert!(
            matches!(e, VaultError::WrongPassphrase { failed, remaining: Some(r), .. } if failed == n && r == 5 - n),
            "{e}"
        );
    }
    skip_wait(dir.path());
    assert!(
        matches!(Vault::open(dir.path(), PASS), Err(VaultError::WrongPassphrase { .. })),
        "the right passphrase opens nothing after the fifth wrong one"
    );
}

/// How often `needle` occurs in the readable memory of process `pid`.
#[cfg(target_os = "linux")]
fn occurrences_in_memory(pid: u32, needle: &[u8]) -> std::io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    let maps = std::fs::read_to_string(format!("/proc/{pid}/maps"))?;
    let mut mem = std::fs::File::open(format!("/proc/{pid}/mem"))?;
    let mut found = 0;
    for line in maps.lines() {
        let mut parts = line.split_whitespace();
        let (Some(range), Some(perms)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !perms.starts_with('r') || line.ends_with("[vvar]") || line.ends_with("[vsyscall]") {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        let (Ok(start), Ok(end)) = (u64::from_str_radix(start, 16), u64::from_str_radix(end, 16)) else {
            continue;
        };
        let mut region = vec![0u8; usize::try_from(end - start).unwrap_or(0)];
        if mem.seek(SeekFrom::Start(start)).is_err() || mem.read_exact(&mut region).is_err() {
            continue;
        }
        found += count(&region, needle);
    }
    Ok(found)
}

/// A seized, unlocked device: after the lock, no answer is left in the process's memory (freed
/// blocks are wiped by the allocator, SQLCipher wipes its pages), nor in any file.
#[cfg(target_os = "linux")]
#[test]
fn after_locking_no_answer_is_left_in_memory() {
    use std::io::{BufRead, Write};
    let dir = tempfile::tempdir().expect("dir");
    // Built by `cargo test` beside this test binary (target/<profile>/examples).
    let helper = std::env::current_exe()
        .expect("exe")
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join("examples").join("lock_and_hold"))
        .expect("examples directory");
    assert!(helper.exists(), "{} missing: cargo test builds it", helper.display());
    // Markers made at run time, so no copy sits in the helper's binary.
    let markers: Vec<String> = (0..3)
        .map(|i| format!("SEIZED-{}-{i}", hex::encode(keyfile::random::<6>().expect("random"))))
        .collect();
    {
        let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
        for m in &markers {
            let id = v.create_case(&meta(), &index(0)).expect("case");
            answer(
                &mut v,
                &id,
                "story",
                Answer::Text(format!("{m} told us about the debt")),
            );
        }
    }
    // Kept alive in the helper's environment: proves the memory is really read.
    let control = format!("CONTROL-{}", hex::encode(keyfile::random::<6>().expect("random")));
    let mut child = std::process::Command::new(&helper)
        .env("FIELDSCREEN_CONTROL", &control)
        .env(crate::DIR_ENV, dir.path())
        .env("FIELDSCREEN_PASSPHRASE", PASS)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("helper");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    assert!(line.starts_with("locked "), "the helper said {line:?}");
    let read: usize = line.trim()["locked ".len()..].parse().expect("count");
    assert!(read > 0, "the helper read the answers before locking");
    let found: Vec<usize> = markers
        .iter()
        .map(|m| occurrences_in_memory(child.id(), m.as_bytes()).expect("read the helper's memory"))
        .collect();
    let seen = occurrences_in_memory(child.id(), control.as_bytes()).expect("read the helper's memory");
    child.stdin.take().expect("stdin").write_all(b"").expect("write");
    let _ = child.wait();
    assert!(seen > 0, "the memory scan finds what is there");
    assert_eq!(found, vec![0; markers.len()], "answers left in memory after the lock");
}

#[test]
fn a_vault_of_the_first_key_format_opens_and_is_upgraded() {
    let dir = tempfile::tempdir().expect("dir");
    let id = {
        let mut v = Vault::init(dir.path(), PASS, FAST).expect("init");
        let id = v.create_case(&meta(), &index(0)).expect("case");
        let v1 = keyfile::first_format(&v.key_file.vault_id, &v.db_key, PASS, FAST, 1);
        std::fs::write(KeyFile::path(dir.path()), v1).expect("the old key file");
        id
    };
    std::fs::remove_file(dir.path().join(attempts::FILE_NAME)).expect("no count file yet");
    let v = Vault::open(dir.path(), PASS).expect("opens");
    v.load_case(&id).expect("the case");
    drop(v);
    let text = std::fs::read_to_string(KeyFile::path(dir.path())).expect("key file");
    assert!(text.contains("\"format\": 2"), "rewritten in the new format");
    assert_eq!(attempts::read(dir.path(), None), 0);
    Vault::open(dir.path(), PASS).expect("and opens again");
}

#[test]
fn deleting_a_case_takes_its_queued_batches_out_and_packs_the_rest_again() {
    let mut a = Vault::in_memory().expect("a");
    let mut b = Vault::in_memory().expect("b");
    let gone = a.create_case(&meta(), &index(0)).expect("case");
    let kept = a.create_case(&meta(), &index(0)).expect("kept");
    answer(&mut a, &kept, "age", Answer::Number(30));
    hand_over(&mut a, &mut b);
    for (seq, _) in a.outbox().expect("outbox") {
        a.outbox_acknowledged(seq).expect("acknowledged");
    }
    // Both change again; the batch carrying them waits in the outbox (numbered 2).
    answer(&mut a, &gone, "age", Answer::Number(41));
    answer(&mut a, &kept, "debt", Answer::Yes);
    let updates = a.unsent_updates(10).expect("updates");
    let included: Vec<(String, Vec<u8>)> = updates.iter().map(|(u, h)| (u.case_id.clone(), h.clone())).collect();
    assert_eq!(a.queue_batch(b"sealed", &included, &[]).expect("queued"), 2);

    a.delete_case(&gone).expect("delete");
    assert!(
        a.outbox().expect("outbox").is_empty(),
        "the batch carrying the case is still queued"
    );
    assert_eq!(a.next_batch_seq().expect("seq"), 2, "its number is used again");
    let again = a.unsent_updates(10).expect("updates");
    assert_eq!(
        again.iter().map(|(u, _)| u.case_id.as_str()).collect::<Vec<_>>(),
        vec![kept.as_str()]
    );
    assert_eq!(a.unsent_erasures().expect("erasures"), vec![gone.clone()]);
    // What the kept case carries again is everything since it last left: B gets it all.
    let got = hand_over(&mut a, &mut b);
    assert_eq!((got.erased, got.changed_cases), (1, 1));
    assert_eq!(
        b.load_case(&kept).expect("kept").answers().expect("answers"),
        a.load_case(&kept).expect("kept").answers().expect("answers")
    );
}
