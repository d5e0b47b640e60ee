//! Epoch keys: the symmetric key content is sealed under, replaced whenever a device leaves.
//! Each is sealed to every device that may read it with HPKE (RFC 9180, base mode,
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305); the team, the epoch and the
//! recipient are bound in as associated data, so a sealed key cannot be moved to another slot.

use crate::LogError;
use crate::keys::{DeviceKeys, KemAlg, PublicKeys};
use hpke::aead::ChaCha20Poly1305;
use hpke::kdf::HkdfSha256;
use hpke::{Deserializable, OpModeR, OpModeS, Serializable};
use zeroize::Zeroizing;

/// Encapsulated key (32) and the sealed 32-byte key with its tag (48).
pub const SEALED_KEY_LEN: usize = 80;
/// Nonce (24) and the previous epoch's 32-byte key with its tag (48).
pub const CHAINED_KEY_LEN: usize = 72;
const INFO: &[u8] = b"fieldscreen epoch key/1";

/// The symmetric key of one epoch: what a team's content is sealed under until the next
/// revocation or rotation.
#[derive(Clone)]
pub struct EpochKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for EpochKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EpochKey(…)")
    }
}

impl EpochKey {
    /// A fresh random key.
    pub fn generate() -> Result<EpochKey, LogError> {
        let mut k = Zeroizing::new([0u8; 32]);
        getrandom::fill(k.as_mut()).map_err(|e| LogError::Random(e.to_string()))?;
        Ok(EpochKey(k))
    }

    /// The key's bytes (for sealing; never written anywhere unsealed).
    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    #[cfg(test)]
    pub(crate) fn from_bytes(b: [u8; 32]) -> EpochKey {
        EpochKey(Zeroizing::new(b))
    }
}

fn aad(team: &str, epoch: u64, device: &str) -> Vec<u8> {
    format!("fieldscreen-epoch/1/{team}/{epoch}/{device}").into_bytes()
}

pub(crate) fn seal_to(
    key: &EpochKey,
    to: &PublicKeys,
    team: &str,
    epoch: u64,
) -> Result<[u8; SEALED_KEY_LEN], LogError> {
    let pk = to.kem_public()?;
    let (enc, ct) = hpke::single_shot_seal::<ChaCha20Poly1305, HkdfSha256, KemAlg>(
        &OpModeS::Base,
        &pk,
        INFO,
        key.bytes(),
        &aad(team, epoch, &to.device_id()),
    )
    .map_err(|e| LogError::Random(e.to_string()))?;
    let mut out = [0u8; SEALED_KEY_LEN];
    out[..32].copy_from_slice(&enc.to_bytes());
    if ct.len() != SEALED_KEY_LEN - 32 {
        return Err(LogError::Malformed("an epoch key sealed to an unexpected length"));
    }
    out[32..].copy_from_slice(&ct);
    Ok(out)
}

pub(crate) fn open(
    sealed: &[u8; SEALED_KEY_LEN],
    me: &DeviceKeys,
    team: &str,
    epoch: u64,
) -> Result<EpochKey, LogError> {
    let enc =
        <KemAlg as hpke::Kem>::EncappedKey::from_bytes(&sealed[..32]).map_err(|_| LogError::EpochKey { epoch })?;
    let plain = Zeroizing::new(
        hpke::single_shot_open::<ChaCha20Poly1305, HkdfSha256, KemAlg>(
            &OpModeR::Base,
            me.kem_secret(),
            &enc,
            INFO,
            &sealed[32..],
            &aad(team, epoch, &me.device_id()),
        )
        .map_err(|_| LogError::EpochKey { epoch })?,
    );
    let arr: [u8; 32] = plain.as_slice().try_into().map_err(|_| LogError::EpochKey { epoch })?;
    Ok(EpochKey(Zeroizing::new(arr)))
}

fn chain_aad(team: &str, epoch: u64) -> Vec<u8> {
    format!("fieldscreen-epoch-chain/1/{team}/{epoch}").into_bytes()
}

/// Epoch `epoch - 1`'s key sealed under epoch `epoch`'s: whoever holds a key can walk back to
/// every earlier one (a newcomer reads the history), and nobody can walk forward (a revoked
/// device reads nothing new).
pub(crate) fn chain(
    previous: &EpochKey,
    next: &EpochKey,
    team: &str,
    epoch: u64,
) -> Result<[u8; CHAINED_KEY_LEN], LogError> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut nonce).map_err(|e| LogError::Random(e.to_string()))?;
    let sealed = chacha20poly1305::XChaCha20Poly1305::new(next.bytes().into())
        .encrypt(
            &chacha20poly1305::XNonce::from(nonce),
            Payload {
                msg: previous.bytes(),
                aad: &chain_aad(team, epoch),
            },
        )
        .map_err(|_| LogError::Malformed("an epoch key could not be chained"))?;
    let mut out = [0u8; CHAINED_KEY_LEN];
    out[..24].copy_from_slice(&nonce);
    if sealed.len() != CHAINED_KEY_LEN - 24 {
        return Err(LogError::Malformed("an epoch key chained to an unexpected length"));
    }
    out[24..].copy_from_slice(&sealed);
    Ok(out)
}

/// The key of epoch `epoch - 1`, from epoch `epoch`'s key and the chain entry.
pub(crate) fn unchain(
    chained: &[u8; CHAINED_KEY_LEN],
    next: &EpochKey,
    team: &str,
    epoch: u64,
) -> Result<EpochKey, LogError> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    let nonce: [u8; 24] = chained[..24]
        .try_into()
        .map_err(|_| LogError::EpochKey { epoch: epoch - 1 })?;
    let plain = Zeroizing::new(
        chacha20poly1305::XChaCha20Poly1305::new(next.bytes().into())
            .decrypt(
                &chacha20poly1305::XNonce::from(nonce),
                Payload {
                    msg: &chained[24..],
                    aad: &chain_aad(team, epoch),
                },
            )
            .map_err(|_| LogError::EpochKey { epoch: epoch - 1 })?,
    );
    let arr: [u8; 32] = plain
        .as_slice()
        .try_into()
        .map_err(|_| LogError::EpochKey { epoch: epoch - 1 })?;
    Ok(EpochKey(Zeroizing::new(arr)))
}
