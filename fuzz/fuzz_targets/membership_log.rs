//! The membership log and everything an enrolment hands over, from hostile bytes: records,
//! whole logs, join requests, invitation codes. Nothing may panic, and a log that verifies must
//! verify again to the same head (one encoding, one meaning).
#![no_main]

use fieldscreen_team::{Invitation, JoinRequest, Record, TeamState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = Record::decode(data);
    let _ = JoinRequest::decode(data);
    let _ = Invitation::parse(&String::from_utf8_lossy(data));
    // Split into records at 0xff 0xfe, as a relay might hand back a log.
    let records: Vec<&[u8]> = data.split(|b| *b == 0xfe).collect();
    if let Ok(state) = TeamState::verify(&records, None) {
        let again = TeamState::verify(&records, Some(&state.first_hash)).expect("verifies twice");
        assert_eq!(again.head, state.head);
    }
});
