//! Sealing a batch under the team key: XChaCha20-Poly1305 with a random nonce, and the team,
//! the sending device and its batch number as associated data, so the relay (or anyone) cannot
//! pass one device's batch off as another's, move it to another team, or replay it under another
//! number.

use crate::team::TeamKey;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

const VERSION: u8 = 1;

fn associated(team: &str, device: &str, seq: u64) -> Vec<u8> {
    format!("fieldscreen-batch/{VERSION}/{team}/{device}/{seq}").into_bytes()
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    #[error(
        "batch {seq} from device {device} does not open with this team's key: it was altered, or that device is in another team or has an older key. Nothing from it was merged; if it repeats, ask the team's office to enrol this device again"
    )]
    Key { device: String, seq: u64 },
    #[error("batch {seq} from device {device} is not a sealed FieldScreen batch")]
    Format { device: String, seq: u64 },
}

/// `version | nonce (24) | ciphertext+tag`.
pub fn seal_batch(
    key: &TeamKey,
    team: &str,
    device: &str,
    seq: u64,
    plain: &[u8],
) -> Result<Vec<u8>, getrandom::Error> {
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut nonce)?;
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let aad = associated(team, device, seq);
    // Encryption with a valid key and nonce cannot fail short of running out of memory.
    let sealed = cipher
        .encrypt(&XNonce::from(nonce), Payload { msg: plain, aad: &aad })
        .unwrap_or_default();
    let mut out = Vec::with_capacity(25 + sealed.len());
    out.push(VERSION);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

pub fn open_batch(key: &TeamKey, team: &str, device: &str, seq: u64, sealed: &[u8]) -> Result<Vec<u8>, OpenError> {
    let format = || OpenError::Format {
        device: device.to_string(),
        seq,
    };
    if sealed.len() < 25 + 16 || sealed[0] != VERSION {
        return Err(format());
    }
    let nonce: [u8; 24] = sealed[1..25].try_into().map_err(|_| format())?;
    let cipher = XChaCha20Poly1305::new(key.bytes().into());
    let aad = associated(team, device, seq);
    cipher
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &sealed[25..],
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

    #[test]
    fn a_batch_opens_only_as_itself() {
        let key = TeamKey::generate().expect("key");
        let sealed = seal_batch(&key, "t1", "d1", 7, b"MARKER-SEAL").expect("seal");
        assert!(!String::from_utf8_lossy(&sealed).contains("MARKER-SEAL"));
        assert_eq!(open_batch(&key, "t1", "d1", 7, &sealed).expect("opens"), b"MARKER-SEAL");
        for (team, device, seq) in [("t2", "d1", 7), ("t1", "d2", 7), ("t1", "d1", 8)] {
            assert!(matches!(
                open_batch(&key, team, device, seq, &sealed),
                Err(OpenError::Key { .. })
            ));
        }
        let other = TeamKey::generate().expect("key");
        let err = open_batch(&other, "t1", "d1", 7, &sealed).expect_err("other key");
        assert!(err.to_string().contains("enrol this device again"), "{err}");
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open_batch(&key, "t1", "d1", 7, &flipped).is_err());
        assert!(matches!(
            open_batch(&key, "t1", "d1", 7, &sealed[..30]),
            Err(OpenError::Format { .. })
        ));
    }
}
