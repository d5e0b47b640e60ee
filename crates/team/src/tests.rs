use crate::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

fn keys() -> DeviceKeys {
    DeviceKeys::generate().expect("keys")
}

fn member(k: &DeviceKeys, name: &str, admin: bool) -> Member {
    Member {
        keys: k.public(),
        name: name.into(),
        admin,
    }
}

/// A team with a founder; the log's records so far.
fn team(founder: &DeviceKeys) -> (TeamState, Vec<Vec<u8>>) {
    let (first, _) = TeamState::create("t-1", "Office", founder, "office laptop").expect("created");
    let state = TeamState::verify(&[&first], None).expect("verifies");
    (state, vec![first])
}

fn append(state: &mut TeamState, log: &mut Vec<Vec<u8>>, record: Vec<u8>) {
    state.apply(&record).expect("applies");
    log.push(record);
}

#[test]
fn a_revoked_device_gets_no_later_key_and_a_newcomer_gets_every_earlier_one() {
    let (admin, phone, laptop) = (keys(), keys(), keys());
    let (mut state, mut log) = team(&admin);
    let admin_keys = state.epoch_keys(&admin).expect("keys");
    let rec = state
        .add(&admin, member(&phone, "phone", false), "inv-1", &admin_keys)
        .expect("add");
    append(&mut state, &mut log, rec);
    let rec = state.revoke(&admin, &phone.device_id()).expect("revoke");
    append(&mut state, &mut log, rec);
    assert_eq!(state.epoch, 2);
    let admin_keys = state.epoch_keys(&admin).expect("keys");
    assert_eq!(admin_keys.len(), 2);
    // The phone holds epoch 1's key only: what is sealed under epoch 2 stays closed to it.
    let phone_keys = state.epoch_keys(&phone).expect("keys");
    assert_eq!(phone_keys.keys().copied().collect::<Vec<_>>(), [1]);
    assert_eq!(phone_keys[&1].bytes(), admin_keys[&1].bytes());
    let rec = state
        .add(&admin, member(&laptop, "laptop", false), "inv-2", &admin_keys)
        .expect("add");
    append(&mut state, &mut log, rec);
    let laptop_keys = state.epoch_keys(&laptop).expect("keys");
    assert_eq!(laptop_keys[&2].bytes(), admin_keys[&2].bytes());
    assert_eq!(laptop_keys[&1].bytes(), admin_keys[&1].bytes());
    // The whole log verifies again from the first hash, to the same head.
    let again = TeamState::verify(&log, Some(&state.first_hash)).expect("verifies");
    assert_eq!(again.head, state.head);
    assert!(matches!(
        TeamState::verify(&log, Some(&[7; 32])),
        Err(LogError::NotThisTeam)
    ));
}

#[test]
fn forged_reordered_and_unauthorised_records_are_refused_and_change_nothing() {
    let (admin, phone, other) = (keys(), keys(), keys());
    let (mut state, mut log) = team(&admin);
    let k = state.epoch_keys(&admin).expect("keys");
    let add_phone = state.add(&admin, member(&phone, "phone", false), "i", &k).expect("add");
    append(&mut state, &mut log, add_phone.clone());
    let add_other = state.add(&admin, member(&other, "other", false), "j", &k).expect("add");

    let before = state.head;
    // A flipped bit anywhere is refused.
    for i in [0, 5, 20, 45, add_other.len() / 2, add_other.len() - 1] {
        let mut forged = add_other.clone();
        forged[i] ^= 0x10;
        assert!(state.apply(&forged).is_err(), "bit flipped at {i}");
    }
    // Replayed (out of its place) and cut short.
    assert_eq!(state.apply(&add_phone), Err(LogError::Chain { seq: 1 }));
    assert!(state.apply(&add_other[..add_other.len() - 1]).is_err());
    // Written by a member that is not an admin: refused, even though its signature is good.
    assert!(matches!(
        state.add(&phone, member(&other, "other", false), "k", &k),
        Err(LogError::NotAdmin { .. })
    ));
    // A valid record for a log that has moved on is refused as out of order.
    let rotate = state.rotate(&admin).expect("rotate");
    append(&mut state, &mut log, add_other);
    assert_eq!(state.apply(&rotate), Err(LogError::Chain { seq: 2 }));
    assert_ne!(state.head, before);
    // Reordered logs do not verify.
    let mut swapped = log.clone();
    swapped.swap(1, 2);
    assert!(TeamState::verify(&swapped, None).is_err());
}

#[test]
fn two_admins_one_can_cut_the_other_off_and_the_last_stays() {
    let (first, second, member_k) = (keys(), keys(), keys());
    let (mut state, mut log) = team(&first);
    let k = state.epoch_keys(&first).expect("keys");
    let rec = state
        .add(&first, member(&second, "second", false), "i", &k)
        .expect("add");
    append(&mut state, &mut log, rec);
    let rec = state.add(&first, member(&member_k, "m", false), "j", &k).expect("add");
    append(&mut state, &mut log, rec);
    // Only one admin: it cannot step down or be removed.
    assert!(matches!(
        state.set_admin(&first, &first.device_id(), false),
        Err(LogError::Rule { .. })
    ));
    assert!(matches!(
        state.revoke(&first, &first.device_id()),
        Err(LogError::Rule { .. })
    ));
    let rec = state.set_admin(&first, &second.device_id(), true).expect("promote");
    append(&mut state, &mut log, rec);
    // The second admin revokes the first (its phone was seized).
    let rec = state.revoke(&second, &first.device_id()).expect("revoke admin");
    append(&mut state, &mut log, rec);
    assert!(!state.is_active_admin(&first.device_id()));
    // The revoked admin can no longer write anything that verifies.
    assert!(state.rotate(&first).is_err());
    assert!(state.revoke(&first, &member_k.device_id()).is_err());
    // And it has no key to the new epoch.
    assert!(!state.epoch_keys(&first).expect("keys").contains_key(&state.epoch));
    assert!(matches!(
        state.revoke(&second, &second.device_id()),
        Err(LogError::Rule { .. })
    ));
}

#[test]
fn who_may_write_under_which_epoch() {
    let (admin, phone) = (keys(), keys());
    let (mut state, mut log) = team(&admin);
    let k = state.epoch_keys(&admin).expect("keys");
    let rec = state.add(&admin, member(&phone, "phone", false), "i", &k).expect("add");
    append(&mut state, &mut log, rec);
    let p = phone.device_id();
    assert!(state.may_write(&p, 1, 2).is_ok());
    // Before it was added, it could not have written.
    assert!(matches!(state.may_write(&p, 1, 1), Err(LogError::UnknownWriter { .. })));
    assert!(matches!(
        state.may_write("0011223344556677", 1, 2),
        Err(LogError::UnknownWriter { .. })
    ));
    let rec = state.revoke(&admin, &p).expect("revoke");
    append(&mut state, &mut log, rec);
    // Written before the revocation (it knew 2 records): still accepted.
    assert!(state.may_write(&p, 1, 2).is_ok());
    // Claiming to know the revocation and still writing: refused.
    assert!(matches!(state.may_write(&p, 1, 3), Err(LogError::RevokedWriter { .. })));
    // The admin after the revocation must use epoch 2; epoch 1 had ended.
    assert!(state.may_write(&admin.device_id(), 2, 3).is_ok());
    assert!(matches!(
        state.may_write(&admin.device_id(), 1, 3),
        Err(LogError::WrongEpoch { .. })
    ));
    assert!(
        state.may_write(&admin.device_id(), 2, 4).is_err(),
        "a place beyond the log"
    );
}

#[test]
fn invitation_codes_carry_no_key_and_comparison_codes_tell_devices_apart() {
    let admin = keys();
    let (state, _) = team(&admin);
    let inv = Invitation::new("https://relay.example", "t-1", state.first_hash, &admin.device_id()).expect("inv");
    let code = inv.code();
    let back = Invitation::parse(&code).expect("parses");
    assert_eq!((back.id.as_str(), back.first_hash), (inv.id.as_str(), state.first_hash));
    assert_eq!(back.secret.as_slice(), inv.secret.as_slice());
    // The epoch key is nowhere in the code.
    let epoch_key = state.epoch_keys(&admin).expect("keys")[&1].clone();
    let decoded = base64::Engine::decode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        code.trim_start_matches("FSJOIN2."),
    )
    .expect("b64");
    assert!(!decoded.windows(32).any(|w| w == epoch_key.bytes()));
    assert_eq!(
        Invitation::parse("FSJOIN1.eyJrIjoiMDAifQ").map(|_| ()),
        Err(CodeError::Old)
    );
    assert_eq!(
        Invitation::parse(&code[..code.len() - 3]).map(|_| ()),
        Err(CodeError::Bad)
    );

    let (newcomer, photographer) = (keys(), keys());
    let req = JoinRequest::new(&inv, &newcomer, "field phone", "aa".repeat(32).as_str());
    let decoded = JoinRequest::decode(&req.encode()).expect("decodes");
    assert_eq!(decoded, req);
    let mut bad = req.encode();
    bad[12] ^= 1;
    assert!(JoinRequest::decode(&bad).is_err());
    let code_a = comparison_code(&state.first_hash, &inv.id, &admin.public(), &newcomer.public());
    let code_b = comparison_code(&state.first_hash, &inv.id, &admin.public(), &photographer.public());
    assert_eq!(code_a.len(), 7);
    assert_ne!(code_a, code_b);
}

#[derive(Debug, Clone)]
enum Op {
    Add { author: usize, admin: bool },
    Revoke { author: usize, target: usize },
    Rotate { author: usize },
    SetAdmin { author: usize, target: usize, admin: bool },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..8usize, any::<bool>()).prop_map(|(author, admin)| Op::Add { author, admin }),
        2 => (0..8usize, 0..8usize).prop_map(|(author, target)| Op::Revoke { author, target }),
        1 => (0..8usize).prop_map(|author| Op::Rotate { author }),
        2 => (0..8usize, 0..8usize, any::<bool>()).prop_map(|(author, target, admin)| Op::SetAdmin { author, target, admin }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random membership changes by random devices: what the rules allow is applied, the rest
    /// refused; after each step there is an admin, every active device opens the same current
    /// key, no revoked device holds a key to an epoch after its revocation, and the log verifies
    /// from its first record to the same state.
    #[test]
    fn random_membership_changes_keep_the_rules(ops in proptest::collection::vec(op(), 1..14)) {
        let mut devices = vec![keys()];
        let (mut state, mut log) = team(&devices[0]);
        let mut revoked_epoch: BTreeMap<String, u64> = BTreeMap::new();
        for op in ops {
            let pick = |i: usize, all: &Vec<DeviceKeys>| i % all.len();
            let record = match op {
                Op::Add { author, admin } => {
                    let a = pick(author, &devices);
                    let newcomer = keys();
                    let held = state.epoch_keys(&devices[a]).unwrap_or_default();
                    let r = state.add(&devices[a], member(&newcomer, "d", admin), "i", &held);
                    devices.push(newcomer);
                    r
                }
                Op::Revoke { author, target } => {
                    let (a, t) = (pick(author, &devices), pick(target, &devices));
                    state.revoke(&devices[a], &devices[t].device_id())
                }
                Op::Rotate { author } => state.rotate(&devices[pick(author, &devices)]),
                Op::SetAdmin { author, target, admin } => {
                    let (a, t) = (pick(author, &devices), pick(target, &devices));
                    state.set_admin(&devices[a], &devices[t].device_id(), admin)
                }
            };
            let Ok(record) = record else { continue };
            let change = state.apply(&record).expect("what a builder signed applies");
            if let Change::Revoked { device } = change {
                revoked_epoch.insert(device, state.epoch);
            }
            log.push(record);
            prop_assert!(state.active().any(|d| d.admin), "an admin remains");
            let mut current = None;
            for d in &devices {
                let Some(entry) = state.device(&d.device_id()) else { continue };
                let held = state.epoch_keys(d).expect("opens its own keys");
                if entry.active() {
                    let k = held.get(&state.epoch).expect("an active device holds the current key");
                    let bytes = *k.bytes();
                    prop_assert!(current.get_or_insert(bytes) == &bytes, "one key per epoch");
                } else {
                    let from = revoked_epoch[&d.device_id()];
                    prop_assert!(held.keys().all(|e| *e < from), "a revoked device holds no later key");
                }
            }
        }
        let again = TeamState::verify(&log, Some(&state.first_hash)).expect("verifies");
        prop_assert_eq!(again.head, state.head);
        prop_assert_eq!(again.epoch, state.epoch);
    }

    /// Bytes from the network are hostile: decoding never panics, whatever it is given.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = Record::decode(&bytes);
        let _ = JoinRequest::decode(&bytes);
        let _ = TeamState::verify(&[&bytes], None);
    }
}

#[test]
fn epoch_key_debug_hides_the_key() {
    let k = EpochKey::from_bytes([9; 32]);
    assert_eq!(format!("{k:?}"), "EpochKey(…)");
}
