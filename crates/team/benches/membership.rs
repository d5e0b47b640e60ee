//! The numbers for team membership, measured: rotating the key of a 200-device team
//! (CPU time, and the bytes it adds to the log) and verifying a 1,000-record log as a joining
//! device does. The log is a 200-device team's life: 199 devices added, then phones replaced
//! (one revoked, one added) and keys rotated until it holds 1,000 records.
//! `cargo bench -p fieldscreen-team --bench membership`.

use fieldscreen_team::{DeviceKeys, Member, TeamState};
use std::time::Instant;

fn keys() -> DeviceKeys {
    DeviceKeys::generate().expect("keys")
}

fn member(k: &DeviceKeys, n: usize) -> Member {
    Member {
        keys: k.public(),
        name: format!("device {n}"),
        admin: false,
    }
}

fn main() {
    let admin = keys();
    let (first, _) = TeamState::create("bench-team", "Bench", &admin, "admin").expect("create");
    let mut state = TeamState::verify(&[&first], None).expect("verify");
    let mut log = vec![first];
    let push = |state: &mut TeamState, log: &mut Vec<Vec<u8>>, rec: Vec<u8>| {
        state.apply(&rec).expect("apply");
        log.push(rec);
    };
    let mut members = Vec::new();
    for n in 0..199 {
        let k = keys();
        let held = state.epoch_keys(&admin).expect("keys");
        let rec = state.add(&admin, member(&k, n), "inv", &held).expect("add");
        push(&mut state, &mut log, rec);
        members.push(k);
    }

    let runs = 10u32;
    let (mut cpu, mut size) = (std::time::Duration::ZERO, 0);
    for _ in 0..runs {
        let start = Instant::now();
        let rec = state.rotate(&admin).expect("rotate");
        cpu += start.elapsed();
        size = rec.len();
        push(&mut state, &mut log, rec);
    }
    println!(
        "rotate, 200 devices: {:.1} ms per rotation, {size} bytes added to the log (targets: <= 1 s, <= 20 KB)",
        (cpu / runs).as_secs_f64() * 1e3
    );

    let mut n = 199;
    while log.len() < 1000 {
        let gone = members.remove(0);
        let rec = state.revoke(&admin, &gone.device_id()).expect("revoke");
        push(&mut state, &mut log, rec);
        let k = keys();
        let held = state.epoch_keys(&admin).expect("keys");
        let rec = state.add(&admin, member(&k, n), "inv", &held).expect("add");
        push(&mut state, &mut log, rec);
        members.push(k);
        n += 1;
    }
    let newcomer = members.last().expect("a member");
    let bytes: usize = log.iter().map(Vec::len).sum();
    let runs = 5u32;
    let start = Instant::now();
    for _ in 0..runs {
        let s = TeamState::verify(&log, Some(&state.first_hash)).expect("verify");
        assert_eq!(s.head, state.head);
    }
    let verify = start.elapsed() / runs;
    let start = Instant::now();
    let held = state.epoch_keys(newcomer).expect("keys");
    let open = start.elapsed();
    assert_eq!(held.len() as u64, state.epoch, "the newcomer reads every epoch");
    println!(
        "verify a {}-record log ({bytes} bytes, {} epochs) as a joining device: {:.1} ms (target: <= 100 ms); opening its {} epoch keys: {:.1} ms",
        log.len(),
        state.epoch,
        verify.as_secs_f64() * 1e3,
        held.len(),
        open.as_secs_f64() * 1e3
    );
}
