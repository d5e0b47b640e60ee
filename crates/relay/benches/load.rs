//! Load test: `LOAD_CLIENTS` devices (default 200) in teams of 10 upload and download against a
//! `fieldscreen-relay` process on loopback for `LOAD_SECONDS` (default 60). Passes when no request
//! failed and every device received every batch its team-mates stored (none lost, despite the
//! relay compacting as it goes); prints throughput and the relay's memory over time. Then the
//! memory of big pages: one device stores `LOAD_BIG_BATCHES` (default 500) batches of 1 MiB and
//! another reads the whole log eight times at once; the relay's RSS must stay under 256 MiB.
//! `cargo bench -p fieldscreen-relay --bench load` (`LOAD_DATABASE=postgres://…` for PostgreSQL).

use fieldscreen_team::{DeviceKeys, Invitation, JoinRequest, Member, TeamState, secret_hash};
use fieldscreen_wire::{DIGEST_HEADER, TOKEN_HEADER, decode_frames, paths};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const TEAM_SIZE: usize = 10;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

struct Device {
    team: String,
    id: String,
    auth: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        .build()
        .into()
}

fn main() {
    let clients: usize = env_or("LOAD_CLIENTS", 200);
    let seconds: u64 = env_or("LOAD_SECONDS", 60);
    let dir = tempfile::tempdir().expect("dir");
    let database =
        std::env::var("LOAD_DATABASE").unwrap_or_else(|_| format!("sqlite:{}", dir.path().join("relay.db").display()));
    let mut relay = Command::new(env!("CARGO_BIN_EXE_fieldscreen-relay"))
        // Generous per-device limits: this measures the relay, not its rate limiter.
        .args([
            "--listen",
            "127.0.0.1:0",
            "--database",
            &database,
            "--rate",
            "1000",
            "--burst",
            "2000",
            "--open-registration",
            // Every device of the test is set up from this one address.
            "--address-rate",
            "1000",
            "--address-burst",
            "2000",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("relay starts");
    let mut line = String::new();
    std::io::BufReader::new(relay.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("relay address");
    let base = format!("http://{}", line.trim().trim_start_matches("listening on "));
    let pid = relay.id();

    // Teams of ten: the first device of each makes the team, then lets the others in through an
    // invitation and a join request each, as devices do.
    let a = agent();
    let run_id: u64 = std::process::id().into();
    let mut devices = Vec::new();
    let post = |url: String, auth: Option<&str>, body: Vec<u8>, extra: Option<(&str, &str)>| -> u16 {
        let mut req = a.post(url);
        if let Some(auth) = auth {
            req = req.header("authorization", auth);
        }
        if let Some((k, v)) = extra {
            req = req.header(k, v);
        }
        req.send(&body[..]).expect("setup").status().as_u16()
    };
    for t in 0..clients.div_ceil(TEAM_SIZE) {
        let team = format!("load-{run_id}-{t}");
        let admin = DeviceKeys::generate().expect("keys");
        let admin_token = hex::encode(Sha256::digest(format!("{team}/admin").as_bytes()));
        let (first, _) = TeamState::create(&team, "Load", &admin, "d0").expect("first record");
        let status = post(
            format!("{base}{}", paths::teams()),
            None,
            first.clone(),
            Some((TOKEN_HEADER, &admin_token)),
        );
        assert_eq!(status, 201, "creating {team}");
        let mut state = TeamState::verify(&[&first], None).expect("verifies");
        let admin_auth = format!("Bearer {}.{admin_token}", admin.device_id());
        let held = state.epoch_keys(&admin).expect("keys");
        devices.push(Device {
            team: team.clone(),
            auth: admin_auth.clone(),
            id: admin.device_id(),
        });
        for d in 1..TEAM_SIZE.min(clients - t * TEAM_SIZE) {
            let keys = DeviceKeys::generate().expect("keys");
            let token = hex::encode(Sha256::digest(format!("{team}/d{d}").as_bytes()));
            let inv = Invitation::new(&base, &team, state.first_hash, &admin.device_id()).expect("invitation");
            let body =
                serde_json::json!({ "id": inv.id, "secret_hash": hex::encode(secret_hash(inv.secret.as_slice())) });
            let status = post(
                format!("{base}{}", paths::invitations(&team)),
                Some(&admin_auth),
                body.to_string().into_bytes(),
                None,
            );
            assert_eq!(status, 201, "inviting into {team}");
            let request = JoinRequest::new(&inv, &keys, &format!("d{d}"), &token);
            let body =
                serde_json::json!({ "secret": inv.secret_hex().as_str(), "request": hex::encode(request.encode()) });
            let status = post(
                format!("{base}{}", paths::join_requests_of(&team, &inv.id)),
                None,
                body.to_string().into_bytes(),
                None,
            );
            assert_eq!(status, 201, "asking to join {team}");
            let member = Member {
                keys: keys.public(),
                name: format!("d{d}"),
                admin: false,
            };
            let record = state.add(&admin, member, &inv.id, &held).expect("add");
            let status = post(
                format!("{base}{}", paths::append_record(&team, Some(&keys.device_id()))),
                Some(&admin_auth),
                record.clone(),
                None,
            );
            assert_eq!(status, 201, "approving into {team}");
            state.apply(&record).expect("applies");
            devices.push(Device {
                team: team.clone(),
                auth: format!("Bearer {}.{token}", keys.device_id()),
                id: keys.device_id(),
            });
        }
    }

    let errors = Arc::new(AtomicU64::new(0));
    let uploads = Arc::new(AtomicU64::new(0));
    let downloads = Arc::new(AtomicU64::new(0));
    let bytes_up = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let start_line = Arc::new(Barrier::new(devices.len() + 1));
    let finish_line = Arc::new(Barrier::new(devices.len()));
    let devices = Arc::new(devices);
    let mut handles = Vec::new();
    for i in 0..devices.len() {
        let finish_line = finish_line.clone();
        let (devices, base, errors, uploads, downloads, bytes_up, stop, start_line) = (
            devices.clone(),
            base.clone(),
            errors.clone(),
            uploads.clone(),
            downloads.clone(),
            bytes_up.clone(),
            stop.clone(),
            start_line.clone(),
        );
        handles.push(std::thread::spawn(move || {
            let me = &devices[i];
            let a = agent();
            let mut seq = 0u64;
            let mut cursor = 0u64;
            let mut received: HashSet<(String, u64)> = HashSet::new();
            let fail = |what: String| {
                errors.fetch_add(1, Ordering::Relaxed);
                eprintln!("{}/{}: {what}", me.team, me.id);
            };
            let download = |cursor: &mut u64, received: &mut HashSet<(String, u64)>| -> bool {
                let url = format!("{base}{}", paths::log(&me.team, *cursor, 500));
                match a.get(url).header("authorization", &me.auth).call() {
                    Ok(mut r) if r.status() == 200 => {
                        let body = r
                            .body_mut()
                            .with_config()
                            .limit(1 << 30)
                            .read_to_vec()
                            .unwrap_or_default();
                        match decode_frames(&body) {
                            Ok(frames) => {
                                downloads.fetch_add(1, Ordering::Relaxed);
                                // Pages are bounded by bytes too: only an empty one ends the log.
                                let more = !frames.is_empty();
                                for f in frames {
                                    *cursor = f.pos;
                                    received.insert((f.device, f.seq));
                                }
                                more
                            }
                            Err(e) => {
                                fail(format!("download undecodable: {e}"));
                                false
                            }
                        }
                    }
                    Ok(r) => {
                        fail(format!("download status {}", r.status()));
                        false
                    }
                    Err(e) => {
                        fail(format!("download: {e}"));
                        false
                    }
                }
            };
            start_line.wait();
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                // A batch of 1–8 KiB, as a few edited cases would make.
                let size = 1024 * (1 + (i as u64 * 31 + n * 7) % 8) as usize;
                let body: Vec<u8> = (0..size).map(|k| (k as u64 ^ n ^ i as u64) as u8).collect();
                let digest = hex::encode(Sha256::digest(&body));
                let url = format!("{base}{}", paths::batch(&me.team, &me.id, seq + 1));
                match a
                    .put(url)
                    .header("authorization", &me.auth)
                    .header(DIGEST_HEADER, &digest)
                    .send(&body[..])
                {
                    Ok(r) if r.status() == 201 => {
                        seq += 1;
                        uploads.fetch_add(1, Ordering::Relaxed);
                        bytes_up.fetch_add(size as u64, Ordering::Relaxed);
                    }
                    Ok(r) => fail(format!("upload status {}", r.status())),
                    Err(e) => fail(format!("upload: {e}")),
                }
                download(&mut cursor, &mut received);
                n += 1;
                // About two round trips a second per device, as an active team would sync.
                std::thread::sleep(Duration::from_millis(400));
            }
            // Nobody uploads any more once everyone is here; then each device reads to the end.
            finish_line.wait();
            while download(&mut cursor, &mut received) {}
            (seq, received)
        }));
    }

    start_line.wait();
    let began = Instant::now();
    let mut rss = Vec::new();
    while began.elapsed() < Duration::from_secs(seconds) {
        std::thread::sleep(Duration::from_secs(1));
        rss.push(rss_kib(pid));
    }
    stop.store(true, Ordering::Relaxed);
    let results: Vec<(u64, HashSet<(String, u64)>)> = handles.into_iter().map(|h| h.join().expect("client")).collect();
    let elapsed = began.elapsed().as_secs_f64();

    // Every device must have received every batch its team-mates stored.
    let mut lost = 0u64;
    for (i, (_, received)) in results.iter().enumerate() {
        for (j, (sent, _)) in results.iter().enumerate() {
            if i != j && devices[i].team == devices[j].team {
                for s in 1..=*sent {
                    if !received.contains(&(devices[j].id.clone(), s)) {
                        lost += 1;
                    }
                }
            }
        }
    }
    let big = big_pages(&base, pid, &devices[0], &devices[1], env_or("LOAD_BIG_BATCHES", 500));
    let _ = relay.kill();
    let _ = relay.wait();
    let n = |c: &AtomicU64| c.load(Ordering::Relaxed);
    let max_rss = rss.iter().copied().max().unwrap_or(0);
    let tenth = rss.get(rss.len() / 10).copied().unwrap_or(0);
    println!(
        "{} clients for {elapsed:.0} s against {}",
        devices.len(),
        database.split(':').next().unwrap_or("")
    );
    println!(
        "uploads {} ({:.0}/s, {:.1} MiB), downloads {} ({:.0}/s), errors {}, batches lost {lost}",
        n(&uploads),
        n(&uploads) as f64 / elapsed,
        n(&bytes_up) as f64 / (1 << 20) as f64,
        n(&downloads),
        n(&downloads) as f64 / elapsed,
        n(&errors)
    );
    println!(
        "relay memory (RSS): {tenth} KiB at 10% of the run, {} KiB at the end, {max_rss} KiB at most",
        rss.last().copied().unwrap_or(0)
    );
    println!(
        "big pages: {} batches of 1 MiB read {} times at once in {:.1} s; relay RSS {} KiB before, {} KiB at most",
        big.batches, READERS, big.seconds, big.rss_before, big.rss_peak
    );
    assert_eq!(n(&errors), 0, "requests failed");
    assert_eq!(lost, 0, "batches lost");
    assert!(big.rss_peak < 256 * 1024, "the relay took {} KiB", big.rss_peak);
}

const READERS: usize = 8;

struct BigPages {
    batches: u64,
    seconds: f64,
    rss_before: u64,
    rss_peak: u64,
}

/// `writer` (an admin) stores `count` batches of 1 MiB after its last; then `READERS` threads read the
/// whole log as `reader` at once, page after page, while the relay's RSS is sampled.
fn big_pages(base: &str, pid: u32, writer: &Device, reader: &Device, count: u64) -> BigPages {
    let a = agent();
    let body: Vec<u8> = (0..fieldscreen_wire::MAX_BATCH_BYTES)
        .map(|k| (k * 7 + k / 251) as u8)
        .collect();
    let digest = hex::encode(Sha256::digest(&body));
    // The writer's last batch number, as the relay lists it to an admin (the writer is one).
    let mut r = a
        .get(format!("{base}{}", paths::devices(&writer.team)))
        .header("authorization", &writer.auth)
        .call()
        .expect("devices");
    let listed: Vec<fieldscreen_wire::DeviceStatus> =
        serde_json::from_slice(&r.body_mut().read_to_vec().expect("body")).expect("json");
    let mut seq = listed.iter().find(|d| d.device == writer.id).map_or(0, |d| d.last_seq);
    for _ in 0..count {
        seq += 1;
        let url = format!("{base}{}", paths::batch(&writer.team, &writer.id, seq));
        let r = a
            .put(url)
            .header("authorization", &writer.auth)
            .header(DIGEST_HEADER, &digest)
            .send(&body[..])
            .expect("upload");
        assert_eq!(r.status(), 201, "big batch {seq}");
    }
    let rss_before = rss_kib(pid);
    let done = Arc::new(AtomicBool::new(false));
    let began = Instant::now();
    let readers: Vec<_> = (0..READERS)
        .map(|_| {
            let (base, team, auth) = (base.to_string(), reader.team.clone(), reader.auth.clone());
            std::thread::spawn(move || {
                let a = agent();
                let (mut after, mut got) = (0u64, 0u64);
                loop {
                    let url = format!("{base}{}", paths::log(&team, after, 500));
                    let mut r = a.get(url).header("authorization", &auth).call().expect("page");
                    let frames = decode_frames(&r.body_mut().with_config().limit(1 << 30).read_to_vec().expect("body"))
                        .expect("frames");
                    let Some(last) = frames.last() else { return got };
                    after = last.pos;
                    got += frames.len() as u64;
                }
            })
        })
        .collect();
    let sampler = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !done.load(Ordering::Relaxed) {
                peak = peak.max(rss_kib(pid));
                std::thread::sleep(Duration::from_millis(20));
            }
            peak
        })
    };
    for r in readers {
        assert!(r.join().expect("reader") >= count, "a reader missed batches");
    }
    done.store(true, Ordering::Relaxed);
    BigPages {
        batches: count,
        seconds: began.elapsed().as_secs_f64(),
        rss_before,
        rss_peak: sampler.join().expect("sampler"),
    }
}
