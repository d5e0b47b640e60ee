//! What a device decodes from a relay's answer: the log frames, a sealed batch (opened with the
//! team key), and the batch inside. Nothing may panic; a batch that decodes must encode back to
//! the same bytes. (The case updates inside go to Automerge, whose decoding can panic on
//! malformed bytes: the vault catches that, which a test checks with the input this target
//! found; libFuzzer aborts on any panic, caught or not, so Automerge is left out here.)
#![no_main]

use fieldscreen_sync::{TeamKey, decode_batch, encode_batch, open_batch};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fuzz_target!(|data: &[u8]| {
    static KEY: OnceLock<TeamKey> = OnceLock::new();
    let key = KEY.get_or_init(|| TeamKey::generate().expect("key"));
    if let Ok(frames) = fieldscreen_wire::decode_frames(data) {
        for f in &frames {
            assert!(
                open_batch(key, "t", &f.device, f.seq, &f.sealed).is_err(),
                "a forged batch opened"
            );
        }
    }
    if let Ok(batch) = decode_batch(data) {
        assert_eq!(encode_batch(&batch), data, "a decoded batch re-encodes differently");
    }
});
