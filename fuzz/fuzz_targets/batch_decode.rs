//! What a device decodes from a relay's answer: the log frames, a sealed batch (checked against
//! the team's membership log and opened with its epoch key), and the batch inside. Nothing may panic; a batch that decodes must encode back to
//! the same bytes. (The case updates inside go to Automerge, whose decoding can panic on
//! malformed bytes: the vault catches that, which a test checks with the input this target
//! found; libFuzzer aborts on any panic, caught or not, so Automerge is left out here.)
#![no_main]

use fieldscreen_sync::{Team, decode_batch, encode_batch, open_batch};
use fieldscreen_team::{DeviceKeys, TeamState, hash_of};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// A one-device team: nothing the fuzzer makes up is signed by its device.
fn team() -> &'static Team {
    static TEAM: OnceLock<Team> = OnceLock::new();
    TEAM.get_or_init(|| {
        let keys = DeviceKeys::generate().expect("keys");
        let (first, _) = TeamState::create("t", "Fuzz", &keys, "d").expect("first record");
        let hash = hash_of(&first);
        Team::from_log(
            "https://relay",
            zeroize::Zeroizing::new("t".into()),
            keys,
            vec![first],
            &hash,
        )
        .expect("team")
    })
}

fuzz_target!(|data: &[u8]| {
    let team = team();
    if let Ok(frames) = fieldscreen_wire::decode_frames(data) {
        for f in &frames {
            assert!(
                open_batch(team, &f.device, f.seq, &f.sealed).is_err(),
                "a forged batch opened"
            );
        }
    }
    if let Ok(batch) = decode_batch(data) {
        assert_eq!(encode_batch(&batch), data, "a decoded batch re-encodes differently");
    }
});
