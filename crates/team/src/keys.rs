//! A device's own keys: Ed25519 to sign what it writes (membership records, batches, join
//! requests) and an X25519 key (HPKE, RFC 9180) that epoch keys are sealed to. Both are made
//! from 64 random bytes kept in the vault's encrypted database; the only function that hands
//! those bytes out is `stored`, for that database, so they never leave the device.

use crate::LogError;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use hpke::kem::X25519HkdfSha256;
use hpke::{Deserializable, Kem, Serializable};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub(crate) type KemAlg = X25519HkdfSha256;
pub(crate) type KemSecret = <KemAlg as Kem>::PrivateKey;
pub(crate) type KemPublic = <KemAlg as Kem>::PublicKey;

/// A device id: 16 hex digits of the hash of its signing key, so an id names exactly one key.
pub fn device_id_of(sign: &[u8; 32]) -> String {
    let digest = Sha256::new_with_prefix(b"fieldscreen-device/1")
        .chain_update(sign)
        .finalize();
    hex::encode(&digest[..8])
}

/// What the team knows of a device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicKeys {
    /// Ed25519: verifies what the device signs.
    pub sign: [u8; 32],
    /// X25519: what epoch keys are sealed to.
    pub kem: [u8; 32],
}

impl PublicKeys {
    /// The device's id, derived from its signing key.
    pub fn device_id(&self) -> String {
        device_id_of(&self.sign)
    }

    pub(crate) fn verifying(&self) -> Result<VerifyingKey, LogError> {
        VerifyingKey::from_bytes(&self.sign)
            .map_err(|_| LogError::Malformed("a signing key is not a valid Ed25519 key"))
    }

    pub(crate) fn kem_public(&self) -> Result<KemPublic, LogError> {
        KemPublic::from_bytes(&self.kem)
            .map_err(|_| LogError::Malformed("a key-agreement key is not a valid X25519 key"))
    }

    /// Checks `signature` over `message` made by this device (strict: no malleable encodings).
    pub fn verify(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        self.verifying()
            .is_ok_and(|k| k.verify_strict(message, &Signature::from_bytes(signature)).is_ok())
    }
}

/// A device's own keys, secret halves included: made once, kept in the vault.
pub struct DeviceKeys {
    seed: Zeroizing<[u8; 64]>,
    signing: SigningKey,
    kem_secret: KemSecret,
    public: PublicKeys,
}

impl std::fmt::Debug for DeviceKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DeviceKeys({})", self.public.device_id())
    }
}

impl DeviceKeys {
    /// Fresh keys.
    pub fn generate() -> Result<DeviceKeys, getrandom::Error> {
        let mut seed = Zeroizing::new([0u8; 64]);
        getrandom::fill(seed.as_mut())?;
        Ok(DeviceKeys::from_seed(seed))
    }

    /// The keys from the 64 bytes `seed_bytes` returned, as stored in the vault.
    pub fn from_stored(bytes: &[u8]) -> Option<DeviceKeys> {
        let seed: [u8; 64] = bytes.try_into().ok()?;
        Some(DeviceKeys::from_seed(Zeroizing::new(seed)))
    }

    fn from_seed(seed: Zeroizing<[u8; 64]>) -> DeviceKeys {
        let mut sign_seed = Zeroizing::new([0u8; 32]);
        sign_seed.copy_from_slice(&seed[..32]);
        let signing = SigningKey::from_bytes(&sign_seed);
        let (kem_secret, kem_public) = KemAlg::derive_keypair(&seed[32..]);
        let mut kem = [0u8; 32];
        kem.copy_from_slice(&kem_public.to_bytes());
        let public = PublicKeys {
            sign: signing.verifying_key().to_bytes(),
            kem,
        };
        DeviceKeys {
            seed,
            signing,
            kem_secret,
            public,
        }
    }

    /// The secret bytes, for the vault's encrypted database only.
    pub fn stored(&self) -> Zeroizing<Vec<u8>> {
        Zeroizing::new(self.seed.to_vec())
    }

    /// What the team knows of this device.
    pub fn public(&self) -> PublicKeys {
        self.public
    }

    /// This device's id.
    pub fn device_id(&self) -> String {
        self.public.device_id()
    }

    /// An Ed25519 signature of `message`.
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.signing.sign(message).to_bytes()
    }

    pub(crate) fn kem_secret(&self) -> &KemSecret {
        &self.kem_secret
    }
}
