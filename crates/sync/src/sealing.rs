//! Sealing a batch: XChaCha20-Poly1305 under the team's current epoch key, signed with the
//! sending device's own key. Bound in as associated data: the team, the device, its batch
//! number, the epoch and how much of the membership log the device had verified, so nobody (the
//! relay included) can pass one device's batch off as another's, move it to another team or
//! number, or claim another epoch. Opening checks, before any decryption, that the signer was a
//! member of the team when it wrote (not yet revoked) and sealed under the epoch of that moment.
//!
//! `2 | epoch u64 | log length u64 | nonce (24) | ciphertext+tag | Ed25519 signature (64)`

use crate::team::{Team, TeamError};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use fieldscreen_team::LogError;

const VERSION: u8 = 2;
/// The first model's batches, sealed under one shared key with no signature.
const OLD_VERSION: u8 = 1;
const HEADER: usize = 1 + 8 + 8 + 24;
const SIGNATURE: usize = 64;

fn associated(team: &str, device: &str, seq: u64, epoch: u64, log_len: u64) -> Vec<u8> {
    format!("fieldscreen-batch/{VERSION}/{team}/{device}/{seq}/{epoch}/{log_len}").into_bytes()
}

/// Why a sealed batch did not open. Each names the batch by the device and number the relay
/// gave for it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[allow(missing_docs)] // The fields are the same in every variant: the sending device and its batch number.
pub enum OpenError {
    /// The authentication tag does not verify under the epoch's key.
    #[error(
        "batch {seq} from device {device} does not open with this team's key: it was altered. Nothing from it was merged"
    )]
    Key { device: String, seq: u64 },
    /// The device's signature does not verify.
    #[error(
        "batch {seq} from device {device} is not signed by that device: it was forged or altered. Nothing from it was merged"
    )]
    Signature { device: String, seq: u64 },
    /// The team's log says the device could not write it then (not a member, revoked, another epoch).
    #[error("batch {seq} from device {device} is refused: {source}. Nothing from it was merged")]
    Writer { device: String, seq: u64, source: LogError },
    /// Sealed under the first model's shared key.
    #[error(
        "batch {seq} from device {device} was sealed with the team's old shared key, which is no longer trusted; it was not merged"
    )]
    OldModel { device: String, seq: u64 },
    /// Not a sealed batch at all.
    #[error("batch {seq} from device {device} is not a sealed FieldScreen batch")]
    Format { device: String, seq: u64 },
    /// This device never had that epoch's key.
    #[error("this device holds no key for epoch {epoch} (batch {seq} from device {device})")]
    NoKey { device: String, seq: u64, epoch: u64 },
}

/// How much of the membership log the writer of `sealed` had verified, if it is a batch at all.
pub fn log_len_of(sealed: &[u8]) -> Option<u64> {
    (sealed.len() >= HEADER && sealed[0] == VERSION)
        .then(|| u64::from_be_bytes(sealed[9..17].try_into().unwrap_or([0; 8])))
}

/// Seals batch `seq` of this device under the team's current epoch key, signed by the device.
pub fn seal_batch(team: &Team, seq: u64, plain: &[u8]) -> Result<Vec<u8>, TeamError> {
    let (epoch, key) = team.current_key()?;
    seal_as(team, seq, epoch, team.state.len, key, plain)
}

fn seal_as(
    team: &Team,
    seq: u64,
    epoch: u64,
    log_len: u64,
    key: &fieldscreen_team::EpochKey,
    plain: &[u8],
) -> Result<Vec<u8>, TeamError> {
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut nonce).map_err(|e| TeamError::Random(e.to_string()))?;
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let aad = associated(&team.team_id, &team.device_id, seq, epoch, log_len);
    // Encryption with a valid key and nonce cannot fail short of running out of memory.
    let sealed = cipher
        .encrypt(&XNonce::from(nonce), Payload { msg: plain, aad: &aad })
        .unwrap_or_default();
    let mut out = Vec::with_capacity(HEADER + sealed.len() + SIGNATURE);
    out.push(VERSION);
    out.extend_from_slice(&epoch.to_be_bytes());
    out.extend_from_slice(&log_len.to_be_bytes());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    let mut message = aad;
    message.extend_from_slice(&out);
    out.extend_from_slice(&team.keys.sign(&message));
    Ok(out)
}

/// The device that signed and the batch, checked against the team's log and opened.
pub fn open_batch(team: &Team, device: &str, seq: u64, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
    let format = || OpenError::Format {
        device: device.to_string(),
        seq,
    };
    if sealed.first() == Some(&OLD_VERSION) {
        return Err(OpenError::OldModel {
            device: device.to_string(),
            seq,
        });
    }
    if sealed.len() < HEADER + 16 + SIGNATURE || sealed[0] != VERSION {
        return Err(format());
    }
    let epoch = u64::from_be_bytes(sealed[1..9].try_into().map_err(|_| format())?);
    let log_len = u64::from_be_bytes(sealed[9..17].try_into().map_err(|_| format())?);
    let writer = team
        .state
        .may_write(device, epoch, log_len)
        .map_err(|source| OpenError::Writer {
            device: device.to_string(),
            seq,
            source,
        })?;
    let (body, signature) = sealed.split_at(sealed.len() - SIGNATURE);
    let aad = associated(&team.team_id, device, seq, epoch, log_len);
    let mut message = aad.clone();
    message.extend_from_slice(body);
    let signature: [u8; 64] = signature.try_into().map_err(|_| format())?;
    if !writer.keys.verify(&message, &signature) {
        return Err(OpenError::Signature {
            device: device.to_string(),
            seq,
        });
    }
    let key = team.key(epoch).ok_or(OpenError::NoKey {
        device: device.to_string(),
        seq,
        epoch,
    })?;
    let nonce: [u8; 24] = body[17..HEADER].try_into().map_err(|_| format())?;
    XChaCha20Poly1305::new(key.bytes().into())
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &body[HEADER..],
                aad: &aad,
            },
        )
        .map_err(|_| OpenError::Key {
            device: device.to_string(),
            seq,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fieldscreen_team::{DeviceKeys, Member, TeamState, hash_of};
    use zeroize::Zeroizing;

    /// Each device's view of one team: the founder (admin) and `members` more.
    fn team_of(members: usize) -> Vec<Team> {
        let keys: Vec<DeviceKeys> = (0..=members).map(|_| DeviceKeys::generate().expect("keys")).collect();
        let (first, _) = TeamState::create("t1", "T", &keys[0], "admin").expect("create");
        let mut state = TeamState::verify(&[&first], None).expect("verify");
        let mut log = vec![first.clone()];
        let held = state.epoch_keys(&keys[0]).expect("keys");
        for k in &keys[1..] {
            let member = Member {
                keys: k.public(),
                name: "m".into(),
                admin: false,
            };
            let rec = state.add(&keys[0], member, "i", &held).expect("add");
            state.apply(&rec).expect("apply");
            log.push(rec);
        }
        keys.into_iter()
            .map(|k| {
                Team::from_log(
                    "http://127.0.0.1:1",
                    Zeroizing::new("t".into()),
                    k,
                    log.clone(),
                    &hash_of(&first),
                )
                .expect("team")
            })
            .collect()
    }

    #[test]
    fn a_batch_opens_only_as_itself_from_a_member_under_its_epoch() {
        let mut teams = team_of(2);
        let sealed = seal_batch(&teams[1], 7, b"MARKER-SEAL").expect("seal");
        assert!(!String::from_utf8_lossy(&sealed).contains("MARKER-SEAL"));
        let writer = teams[1].device_id.clone();
        assert_eq!(
            open_batch(&teams[0], &writer, 7, &sealed).expect("opens"),
            b"MARKER-SEAL"
        );
        // Another number, or passed off as another device's: refused.
        assert!(matches!(
            open_batch(&teams[0], &writer, 8, &sealed),
            Err(OpenError::Signature { .. })
        ));
        let other = teams[2].device_id.clone();
        assert!(matches!(
            open_batch(&teams[0], &other, 7, &sealed),
            Err(OpenError::Signature { .. })
        ));
        // A flipped bit anywhere.
        for i in [0, 3, 12, 30, sealed.len() / 2, sealed.len() - 1] {
            let mut flipped = sealed.clone();
            flipped[i] ^= 1;
            assert!(open_batch(&teams[0], &writer, 7, &flipped).is_err(), "bit {i}");
        }
        assert!(matches!(
            open_batch(&teams[0], &writer, 7, &sealed[..30]),
            Err(OpenError::Format { .. })
        ));
        assert!(matches!(
            open_batch(&teams[0], &writer, 7, &[1; 80]),
            Err(OpenError::OldModel { .. })
        ));
        // An unknown device's batch is refused before any decryption.
        let stranger = team_of(0).remove(0);
        let foreign = seal_batch(&stranger, 1, b"x").expect("seal");
        let err = open_batch(&teams[0], &stranger.device_id, 1, &foreign).expect_err("unknown writer");
        assert!(err.to_string().contains("was not a member"), "{err}");

        // Device 2 is revoked; the admin's next batch is under epoch 2, which it cannot open.
        let revoke = teams[0].state.revoke(&teams[0].keys, &other).expect("revoke");
        for t in &mut teams {
            t.extend(vec![revoke.clone()]).expect("extends");
        }
        let after = seal_batch(&teams[0], 1, b"MARKER-LATER").expect("seal");
        let admin = teams[0].device_id.clone();
        assert_eq!(
            open_batch(&teams[1], &admin, 1, &after).expect("member opens"),
            b"MARKER-LATER"
        );
        assert!(matches!(
            open_batch(&teams[2], &admin, 1, &after),
            Err(OpenError::NoKey { epoch: 2, .. })
        ));
        // The revoked device can seal nothing new; forced to (a hostile build), a batch that
        // admits knowing the revocation is refused, and one backdated before it (a log length
        // of 3) is what an offline phone legitimately wrote, so it still arrives.
        assert!(matches!(seal_batch(&teams[2], 9, b"late"), Err(TeamError::Revoked)));
        let old_key = teams[2].key(1).expect("epoch 1").clone();
        let late = seal_as(&teams[2], 9, 1, 4, &old_key, b"late").expect("sealed");
        assert!(matches!(
            open_batch(&teams[0], &other, 9, &late),
            Err(OpenError::Writer {
                source: LogError::RevokedWriter { .. },
                ..
            })
        ));
        let offline = seal_as(&teams[2], 9, 1, 3, &old_key, b"offline").expect("sealed");
        assert_eq!(open_batch(&teams[0], &other, 9, &offline).expect("opens"), b"offline");
        // The admin sealing under epoch 1 after it started epoch 2: an ended epoch, refused.
        let ended = seal_as(&teams[0], 2, 1, 4, &old_key, b"x").expect("sealed");
        assert!(matches!(
            open_batch(&teams[1], &admin, 2, &ended),
            Err(OpenError::Writer {
                source: LogError::WrongEpoch { .. },
                ..
            })
        ));
    }
}
