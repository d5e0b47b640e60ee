//! The sync benchmark, in one run, on `SYNC_CASES` cases (default 1,000) of about 40 answers:
//!
//! 1. Bytes on the wire (counted by a TCP proxy: HTTP headers included) and time from device A
//!    through the relay to device B, against (a) the cases' Automerge `save()` bytes and (b)
//!    Automerge's own sync protocol on the same documents (every message both ways).
//! 2. Relay throughput with `SYNC_PAIRS` (default 20) uploader/downloader pairs at once, against
//!    the reference Automerge sync server assembled from automerge-repo with its websocket and
//!    node-fs adapters (tools/automerge-js), on the same documents.
//!
//! `cargo bench -p fieldscreen-sync --bench sync` (needs `npm ci` in tools/automerge-js).

use automerge::sync::SyncDoc;
use fieldscreen_report::synthetic;
use fieldscreen_sync::{HttpRelay, Team, membership, sync};
use fieldscreen_vault::{
    Batch, CaseDoc, CaseFilter, CaseIndex, CaseMeta, CaseUpdate, Durability, KdfParams, Recorder, Vault,
};
use std::io::{BufRead, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

const PASS: &str = "bench passphrase";
const KDF: KdfParams = KdfParams {
    m_kib: 8 * 1024,
    t: 1,
    p: 1,
};

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn vault(dir: &Path) -> Vault {
    drop(Vault::init(dir, PASS, KDF).expect("init"));
    Vault::open_with(dir, PASS, Durability::PowerLoss).expect("open")
}

fn index(doc: &CaseDoc) -> Option<CaseIndex> {
    Some(CaseIndex {
        state: fieldscreen_vault::CaseState::Completed,
        answer_count: i64::try_from(doc.answers().ok()?.len()).ok()?,
        ..CaseIndex::default()
    })
}

/// The relay in this process, on SQLite in `dir`. Returns its address.
fn start_relay(dir: &Path) -> String {
    let store =
        Arc::new(fieldscreen_relay::SqliteStore::open(&dir.join("relay.db").display().to_string()).expect("store"));
    let config = fieldscreen_relay::Config {
        registration: fieldscreen_relay::Registration::Open,
        rate_per_second: 100_000.0,
        rate_burst: 100_000.0,
        ..fieldscreen_relay::Config::default()
    };
    let app = fieldscreen_relay::router(store, config);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            axum::serve(listener, app).await.expect("serve");
        });
    });
    format!("http://{addr}")
}

/// A TCP proxy in front of `target` that counts every byte each way.
fn counting_proxy(target: &str, up: Arc<AtomicU64>, down: Arc<AtomicU64>) -> String {
    let target = target.trim_start_matches("http://").to_string();
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = TcpStream::connect(&target) else {
                continue;
            };
            let pipe = |mut from: TcpStream, mut to: TcpStream, count: Arc<AtomicU64>| {
                std::thread::spawn(move || {
                    let mut buf = vec![0u8; 64 * 1024];
                    while let Ok(n) = from.read(&mut buf) {
                        if n == 0 || to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                        count.fetch_add(n as u64, Ordering::Relaxed);
                    }
                    let _ = to.shutdown(std::net::Shutdown::Write);
                });
            };
            pipe(
                client.try_clone().expect("clone"),
                server.try_clone().expect("clone"),
                up.clone(),
            );
            pipe(server, client, down.clone());
        }
    });
    format!("http://{addr}")
}

/// Automerge's own sync protocol between a peer with `doc` and an empty peer: every message
/// both ways until neither has anything to say.
fn automerge_sync_bytes(saved: &[u8]) -> u64 {
    let a = automerge::Automerge::load(saved).expect("load");
    let mut b = automerge::Automerge::new();
    let (mut sa, mut sb) = (automerge::sync::State::new(), automerge::sync::State::new());
    let mut bytes = 0u64;
    loop {
        let mut quiet = true;
        if let Some(m) = a.generate_sync_message(&mut sa) {
            let enc = m.encode();
            bytes += enc.len() as u64;
            b.receive_sync_message(&mut sb, automerge::sync::Message::decode(&enc).expect("decode"))
                .expect("receive");
            quiet = false;
        }
        if let Some(m) = b.generate_sync_message(&mut sb) {
            let enc = m.encode();
            bytes += enc.len() as u64;
            let mut a2 = a.clone();
            a2.receive_sync_message(&mut sa, automerge::sync::Message::decode(&enc).expect("decode"))
                .expect("receive");
            quiet = false;
        }
        if quiet {
            return bytes;
        }
    }
}

/// A team of two on `relay`: `a` (admin, with the cases) and a fresh `b`.
fn pair(relay: &str, a: &mut Vault, b: &mut Vault) -> (Team, Team) {
    let team = membership::create_team(a, relay, "Bench", None, None).expect("team");
    let invitation = membership::invite(a, 900).expect("invite");
    let pending = membership::request_join(b, &invitation.code, None, false).expect("join request");
    let request = membership::requests(a).expect("requests").remove(0);
    membership::approve(a, Some(&request.device), &pending.comparison).expect("approved");
    membership::finish_join(b).expect("joined");
    assert_eq!(Team::require(b).expect("member").team_id, team.team_id);
    (Team::require(a).expect("team"), Team::require(b).expect("member"))
}

fn main() {
    let n: u64 = env_or("SYNC_CASES", 1000);
    let pairs: usize = env_or("SYNC_PAIRS", 20);
    let work = tempfile::tempdir().expect("dir");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");

    // --- The cases: interviews saved answer by answer, as the app does ----------------------
    let loaded = fieldscreen_catalog::Catalog::bundled()
        .load("adult-trafficking", None)
        .expect("bundled protocol loads");
    let today = jiff::civil::date(2026, 11, 28);
    let mut a = vault(&work.path().join("a"));
    let mut answers = 0usize;
    let mut answered_cases = 0usize;
    for i in 0..n {
        let mut recorder = Recorder::new(CaseMeta::for_protocol(&loaded.protocol, "en", None), today);
        synthetic::interview(loaded.protocol.clone(), i, |s, at| {
            recorder.after(&mut a, s, at).expect("saved")
        });
    }
    let ids: Vec<String> = a
        .list_cases(&CaseFilter::default())
        .expect("list")
        .into_iter()
        .map(|c| c.id)
        .collect();
    let docs_dir = work.path().join("docs");
    std::fs::create_dir_all(&docs_dir).expect("docs dir");
    let mut saved: Vec<(String, Vec<u8>)> = Vec::new();
    for id in &ids {
        let mut doc = a.load_case(id).expect("case");
        let count = doc.answers().expect("answers").len();
        answers += count;
        answered_cases += usize::from(count > 0);
        let bytes = doc.save();
        std::fs::write(docs_dir.join(format!("{id}.automerge")), &bytes).expect("write");
        saved.push((id.clone(), bytes));
    }
    let cases = ids.len();
    let save_bytes: u64 = saved.iter().map(|(_, b)| b.len() as u64).sum();
    let am_sync: u64 = saved.iter().map(|(_, b)| automerge_sync_bytes(b)).sum();
    // One person in ten refuses consent: their case holds that fact alone.
    println!(
        "{cases} cases, {:.1} answers each on average ({:.1} in those with consent)",
        answers as f64 / cases as f64,
        answers as f64 / answered_cases.max(1) as f64
    );
    println!("(a) Automerge save(): {save_bytes} bytes");
    println!(
        "(b) Automerge sync protocol, one peer to an empty one: {am_sync} bytes ({:.2}x save)",
        am_sync as f64 / save_bytes as f64
    );

    // --- 1. A through the relay to B, every byte counted -------------------------------------
    let relay = start_relay(&work.path().join("relay1").tap_create());
    let (up, down) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
    let proxied = counting_proxy(&relay, up.clone(), down.clone());
    let mut b = vault(&work.path().join("b"));
    let (mut team_a, mut team_b) = pair(&proxied, &mut a, &mut b);
    let (setup_up, setup_down) = (up.swap(0, Ordering::Relaxed), down.swap(0, Ordering::Relaxed));
    let start = Instant::now();
    let mut relay_team_a = HttpRelay::new(&team_a);
    let sent = sync(&mut a, &mut team_a, &mut relay_team_a, &mut index, &mut |_| {}).expect("A syncs");
    let a_secs = start.elapsed().as_secs_f64();
    let a_wire = up.swap(0, Ordering::Relaxed) + down.swap(0, Ordering::Relaxed);
    let mut relay_team_b = HttpRelay::new(&team_b);
    let got = sync(&mut b, &mut team_b, &mut relay_team_b, &mut index, &mut |_| {}).expect("B syncs");
    let total_secs = start.elapsed().as_secs_f64();
    let b_wire = up.swap(0, Ordering::Relaxed) + down.swap(0, Ordering::Relaxed);
    assert_eq!(got.cases_new, cases, "B received every case");
    let _ = (setup_up, setup_down);
    println!(
        "A -> relay: {a_wire} bytes on the wire ({:.3}x save; sealed batches {} bytes in {} batches), {a_secs:.2} s",
        a_wire as f64 / save_bytes as f64,
        sent.bytes_sent,
        sent.batches_sent
    );
    println!(
        "relay -> B: {b_wire} bytes on the wire ({:.3}x save), A to B in all {total_secs:.2} s ({:.0} cases/s)",
        b_wire as f64 / save_bytes as f64,
        cases as f64 / total_secs
    );
    let same = ids.iter().all(|id| {
        let x = a.load_case(id).and_then(|d| d.answers()).expect("a");
        let y = b.load_case(id).and_then(|d| d.answers()).expect("b");
        x == y
    });
    assert!(same, "B's answers differ from A's");

    // --- 2. Throughput under concurrent pairs: ours ------------------------------------------
    let relay2 = start_relay(&work.path().join("relay2").tap_create());
    let share = |k: usize| -> Batch {
        Batch {
            updates: saved
                .iter()
                .enumerate()
                .filter(|(n, _)| n % pairs == k)
                .map(|(_, (id, bytes))| CaseUpdate {
                    case_id: id.clone(),
                    bytes: bytes.clone(),
                })
                .collect(),
            erased: Vec::new(),
        }
    };
    let mut teams = Vec::new();
    for k in 0..pairs {
        let mut up_vault = vault(&work.path().join(format!("up{k}")));
        let mut down_vault = vault(&work.path().join(format!("down{k}")));
        up_vault
            .receive(&share(k), &fieldscreen_vault::Ledger::state("seed", b"1"), &mut index)
            .expect("seeded");
        up_vault.resend_everything().expect("resend");
        let (ta, tb) = pair(&relay2, &mut up_vault, &mut down_vault);
        teams.push((up_vault, ta, down_vault, tb, share(k).updates.len()));
    }
    let start = Instant::now();
    let handles: Vec<_> = teams
        .into_iter()
        .map(|(mut up_vault, mut ta, mut down_vault, mut tb, expected)| {
            let uploader = std::thread::spawn(move || {
                let mut relay_ta = HttpRelay::new(&ta);
                sync(&mut up_vault, &mut ta, &mut relay_ta, &mut index, &mut |_| {}).expect("upload");
            });
            std::thread::spawn(move || {
                let mut have = 0;
                while have < expected {
                    let mut relay_tb = HttpRelay::new(&tb);
                    let r = sync(&mut down_vault, &mut tb, &mut relay_tb, &mut index, &mut |_| {}).expect("download");
                    have += r.cases_new;
                    if have < expected {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
                uploader.join().expect("uploader");
            })
        })
        .collect();
    for h in handles {
        h.join().expect("pair");
    }
    let ours_secs = start.elapsed().as_secs_f64();
    let ours = cases as f64 / ours_secs;
    println!("ours, {pairs} pairs at once: {cases} cases through the relay in {ours_secs:.2} s ({ours:.0} cases/s)");

    // --- 2. The same through the reference automerge-repo server ----------------------------
    let js = root.join("tools/automerge-js");
    let storage = work.path().join("reference-storage");
    let mut server = Command::new("node")
        .arg(js.join("reference-server.mjs"))
        .arg(&storage)
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs the reference server");
    let mut line = String::new();
    std::io::BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("port");
    let mut words = line.trim().trim_start_matches("listening on ").split_whitespace();
    let (port, storage_id) = (
        words.next().unwrap_or_default().to_string(),
        words.next().unwrap_or_default().to_string(),
    );
    let out = Command::new("node")
        .arg(js.join("reference-load.mjs"))
        .args([&port, &storage_id, &docs_dir.display().to_string(), &pairs.to_string()])
        .output()
        .expect("node runs the load");
    let _ = server.kill();
    let _ = server.wait();
    let result: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("reference load: {e}: {}", String::from_utf8_lossy(&out.stderr)));
    let ref_secs = result["seconds"].as_f64().expect("seconds");
    let reference = cases as f64 / ref_secs;
    println!(
        "reference automerge-repo server, {pairs} pairs at once: {cases} documents in {ref_secs:.2} s ({reference:.0} docs/s)"
    );
    println!("relay throughput: {:.1}x the reference", ours / reference);
}

trait TapCreate {
    fn tap_create(self) -> Self;
}

impl TapCreate for PathBuf {
    fn tap_create(self) -> Self {
        std::fs::create_dir_all(&self).expect("dir");
        self
    }
}
