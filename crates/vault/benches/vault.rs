//! In one run: answer-to-durable in the vault against a plain (unencrypted) SQLite single-row
//! insert with the same synchronous setting, and saving an answer and listing cases with 100
//! against 100,000 cases. Criterion reports each; the ratios are printed at the end.
//!
//! "Plain SQLite" is the same bundled library opened without a key, so the comparison isolates
//! what the vault adds (encryption, the Automerge change, the listing update).

use criterion::{BatchSize, Criterion};
use fieldscreen_protocol::Answer;
use fieldscreen_vault::{CaseFilter, CaseIndex, CaseMeta, Durability, KdfParams, Vault};
use rusqlite::Connection;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const PASS: &str = "benchmark passphrase";
const KDF: KdfParams = KdfParams {
    m_kib: 8 * 1024,
    t: 1,
    p: 1,
};

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

fn index() -> CaseIndex {
    CaseIndex {
        state: fieldscreen_vault::CaseState::InProgress,
        answer_count: 1,
        ..CaseIndex::default()
    }
}

/// A vault with `n` cases of 40 answers' worth of document each, built with NORMAL sync (fast),
/// reopened with `durability` for the measurement.
fn vault_with(dir: &Path, n: usize, durability: Durability) -> (Vault, String) {
    let mut v = Vault::init(dir, PASS, KDF).expect("init");
    drop(v);
    v = Vault::open_with(dir, PASS, Durability::ProcessCrash).expect("open");
    let mut last = String::new();
    for i in 0..n {
        last = v.create_case(&meta(), &index()).expect("case");
        if i < 100 {
            for q in 0..40 {
                v.update_case(&last, "answer", &index(), |d| {
                    d.set_answer(&format!("q{q}"), Some(&Answer::Number(q)))
                })
                .expect("answer");
            }
        }
    }
    drop(v);
    (Vault::open_with(dir, PASS, durability).expect("reopen"), last)
}

fn plain(dir: &Path, sync: &str) -> Connection {
    let c = Connection::open(dir.join("plain.db")).expect("plain");
    let _: String = c.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).expect("wal");
    c.execute_batch(&format!(
        "PRAGMA synchronous = {sync}; CREATE TABLE t (id INTEGER PRIMARY KEY, case_id TEXT, bytes BLOB);"
    ))
    .expect("setup");
    c
}

/// Median of `samples` timings of `f`.
fn median(samples: usize, mut f: impl FnMut()) -> Duration {
    let mut t: Vec<Duration> = (0..samples)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    t[t.len() / 2]
}

fn main() {
    let mut c = Criterion::default().configure_from_args().sample_size(30);
    let mut ratios = Vec::new();
    let blob = vec![7u8; 100];
    for (name, durability, sync) in [
        ("full", Durability::PowerLoss, "FULL"),
        ("normal", Durability::ProcessCrash, "NORMAL"),
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let (mut v, id) = vault_with(dir.path(), 1, durability);
        let conn = plain(dir.path(), sync);
        let mut n = 0i64;
        let mut answer = |v: &mut Vault| {
            n += 1;
            v.update_case(&id, "answer q", &index(), |d| {
                d.set_answer("q", Some(&Answer::Number(n)))
            })
            .expect("answer");
        };
        let insert = || {
            conn.execute("INSERT INTO t (case_id, bytes) VALUES ('c', ?1)", [&blob])
                .expect("insert");
        };
        c.bench_function(&format!("durable/vault-answer-sync-{name}"), |b| {
            b.iter(|| answer(&mut v))
        });
        c.bench_function(&format!("durable/plain-sqlite-insert-sync-{name}"), |b| b.iter(insert));
        let vault_t = median(200, || answer(&mut v));
        let plain_t = median(200, insert);
        ratios.push(format!(
            "answer->durable, synchronous={sync}: vault {vault_t:?} vs plain SQLite insert {plain_t:?}: ratio {:.2}",
            vault_t.as_secs_f64() / plain_t.as_secs_f64()
        ));
    }

    let mut per_size = Vec::new();
    for n in [100usize, 100_000] {
        let dir = tempfile::tempdir().expect("dir");
        let started = Instant::now();
        let (mut v, id) = vault_with(dir.path(), n, Durability::PowerLoss);
        eprintln!("built a vault of {n} cases in {:?}", started.elapsed());
        let mut k = 0i64;
        c.bench_function(&format!("cases-{n}/save-answer"), |b| {
            b.iter(|| {
                k += 1;
                v.update_case(&id, "answer q", &index(), |d| {
                    d.set_answer("q", Some(&Answer::Number(k)))
                })
                .expect("answer")
            })
        });
        let page = CaseFilter {
            limit: Some(50),
            ..CaseFilter::default()
        };
        c.bench_function(&format!("cases-{n}/list-first-50"), |b| {
            b.iter(|| black_box(v.list_cases(&page).expect("list")))
        });
        c.bench_function(&format!("cases-{n}/list-all"), |b| {
            b.iter_batched(
                || (),
                |_| black_box(v.list_cases(&CaseFilter::default()).expect("list").len()),
                BatchSize::PerIteration,
            )
        });
        let save = median(100, || {
            k += 1;
            v.update_case(&id, "answer q", &index(), |d| {
                d.set_answer("q", Some(&Answer::Number(k)))
            })
            .expect("answer")
        });
        let list = median(50, || {
            black_box(v.list_cases(&page).expect("list"));
        });
        per_size.push((n, save, list));
    }
    let (small, large) = (per_size[0], per_size[1]);
    ratios.push(format!(
        "save an answer: {:?} with {} cases, {:?} with {} cases: ratio {:.2}",
        small.1,
        small.0,
        large.1,
        large.0,
        large.1.as_secs_f64() / small.1.as_secs_f64()
    ));
    ratios.push(format!(
        "list the newest 50 cases: {:?} with {} cases, {:?} with {} cases: ratio {:.2}",
        small.2,
        small.0,
        large.2,
        large.0,
        large.2.as_secs_f64() / small.2.as_secs_f64()
    ));
    c.final_summary();
    println!();
    for r in ratios {
        println!("{r}");
    }
}
