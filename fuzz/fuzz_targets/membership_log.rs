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
    // As a relay hands a log back: length-prefixed records.
    let Ok(records) = fieldscreen_wire::decode_records(data) else {
        return;
    };
    if let Ok(state) = TeamState::verify(&records, None) {
        let again = TeamState::verify(&records, Some(&state.first_hash)).expect("verifies twice");
        assert_eq!(again.head, state.head);
    }
});
