//! The numbers for team membership, measured: rotating the key of a 200-device team
//! (CPU time, and the bytes it adds to the log) and verifying a 1,000-record log as a joining
//! device does. `cargo bench -p fieldscreen-team --bench membership`.

use fieldscreen_team::{DeviceKeys, Member, TeamState};
use std::time::Instant;

fn keys() -> DeviceKeys {
    DeviceKeys::generate().expect("keys")
}

fn main() {
    let admin = keys();
    let (first, _) = TeamState::create("bench-team", "Bench", &admin, "admin").expect("create");
    let mut state = TeamState::verify(&[&first], None).expect("verify");
    let mut log = vec![first];
    let held = state.epoch_keys(&admin).expect("keys");
    for n in 0..199 {
        let k = keys();
        let rec = state
            .add(
                &admin,
                Member {
                    keys: k.public(),
                    name: format!("device {n}"),
                    admin: false,
                },
                "inv",
                &held,
            )
            .expect("add");
        state.apply(&rec).expect("apply");
        log.push(rec);
    }
    let runs = 10;
    let start = Instant::now();
    let mut size = 0;
    for _ in 0..runs {
        let rec = state.rotate(&admin).expect("rotate");
        size = rec.len();
        state.apply(&rec).expect("apply");
        log.push(rec);
    }
    let per = start.elapsed() / runs;
    println!(
        "rotate, 200 devices: {:.1} ms per rotation, {size} bytes added to the log (targets: <= 1 s, <= 20 KB)",
        per.as_secs_f64() * 1e3
    );

    while log.len() < 1000 {
        let rec = state.set_admin(
            &admin,
            &state
                .active()
                .find(|d| !d.admin)
                .map(|d| d.id.clone())
                .unwrap_or_default(),
            true,
        );
        let rec = match rec {
            Ok(r) => r,
            Err(_) => state.rotate(&admin).expect("rotate"),
        };
        state.apply(&rec).expect("apply");
        log.push(rec);
    }
    let bytes: usize = log.iter().map(Vec::len).sum();
    let runs = 5;
    let start = Instant::now();
    for _ in 0..runs {
        let s = TeamState::verify(&log, Some(&state.first_hash)).expect("verify");
        assert_eq!(s.head, state.head);
    }
    let per = start.elapsed() / runs;
    println!(
        "verify a {}-record log ({bytes} bytes): {:.1} ms (target: <= 100 ms)",
        log.len(),
        per.as_secs_f64() * 1e3
    );
}
