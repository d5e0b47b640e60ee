//! The vault key file (`vault.key`): a random 256-bit database key, wrapped (XChaCha20-Poly1305)
//! by a key derived from the worker's passphrase with Argon2id. The KDF parameters are stored
//! beside the wrapped key so they can be raised later, and are bound to it as associated data,
//! so altering them makes unwrapping fail. Failed attempts are counted here and slow down the
//! next attempt, across restarts.

use crate::VaultError;
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub const FILE_NAME: &str = "vault.key";
const FORMAT: u32 = 1;
/// Failed attempts allowed before each further attempt must wait.
const FREE_ATTEMPTS: u32 = 3;
/// The first wait; it doubles with each further failure, up to `MAX_WAIT_SECS`.
const FIRST_WAIT_SECS: i64 = 5;
const MAX_WAIT_SECS: i64 = 15 * 60;

/// A 256-bit key that is wiped from memory when dropped.
pub type SecretKey = Zeroizing<[u8; 32]>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
}

impl KdfParams {
    /// Argon2id with 64 MiB, 3 passes, 1 lane: about 0.15 s on a 2-core laptop.
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Kdf {
    algorithm: String,
    version: u32,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Wrap {
    algorithm: String,
    nonce: String,
    ciphertext: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Attempts {
    pub failed: u32,
    /// Unix seconds before which no attempt is accepted.
    pub locked_until: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    format: u32,
    pub vault_id: String,
    pub created: String,
    kdf: Kdf,
    wrap: Wrap,
    pub attempts: Attempts,
}

pub(crate) fn random<const N: usize>() -> Result<[u8; N], VaultError> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| VaultError::Random(e.to_string()))?;
    Ok(b)
}

pub(crate) fn derive(passphrase: &str, salt: &[u8], p: KdfParams) -> Result<SecretKey, VaultError> {
    let params =
        Params::new(p.m_kib, p.t, p.p, Some(32)).map_err(|e| VaultError::KeyFile(format!("KDF parameters: {e}")))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| VaultError::KeyFile(format!("key derivation: {e}")))?;
    Ok(out)
}

/// What the wrapped key is bound to: altering any of it makes unwrapping fail.
fn associated_data(vault_id: &str, kdf: &Kdf) -> Vec<u8> {
    format!(
        "fieldscreen-vault-key/{FORMAT}/{vault_id}/{}/{}/{}/{}/{}",
        kdf.algorithm, kdf.params.m_kib, kdf.params.t, kdf.params.p, kdf.salt
    )
    .into_bytes()
}

fn wrap(db_key: &[u8; 32], passphrase: &str, vault_id: &str, params: KdfParams) -> Result<(Kdf, Wrap), VaultError> {
    let salt: [u8; 16] = random()?;
    let kdf = Kdf {
        algorithm: "argon2id".into(),
        version: 0x13,
        params,
        salt: hex::encode(salt),
    };
    let kek = derive(passphrase, &salt, params)?;
    let nonce: [u8; 24] = random()?;
    let cipher = XChaCha20Poly1305::new(&(*kek).into());
    let aad = associated_data(vault_id, &kdf);
    let ciphertext = cipher
        .encrypt(&XNonce::from(nonce), Payload { msg: db_key, aad: &aad })
        .map_err(|_| VaultError::KeyFile("wrapping the key failed".into()))?;
    Ok((
        kdf,
        Wrap {
            algorithm: "xchacha20poly1305".into(),
            nonce: hex::encode(nonce),
            ciphertext: hex::encode(ciphertext),
        },
    ))
}

fn now_iso() -> String {
    jiff::Timestamp::now().to_string()
}

impl KeyFile {
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// A new random database key, wrapped with `passphrase`.
    pub fn create(passphrase: &str, params: KdfParams) -> Result<(KeyFile, SecretKey), VaultError> {
        let db_key = Zeroizing::new(random::<32>()?);
        let vault_id = uuid::Uuid::from_bytes(random::<16>()?).to_string();
        let (kdf, wrap) = wrap(&db_key, passphrase, &vault_id, params)?;
        let file = KeyFile {
            format: FORMAT,
            vault_id,
            created: now_iso(),
            kdf,
            wrap,
            attempts: Attempts::default(),
        };
        Ok((file, db_key))
    }

    pub fn read(dir: &Path) -> Result<KeyFile, VaultError> {
        let path = Self::path(dir);
        let text = fs::read_to_string(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => VaultError::NoVault(dir.to_path_buf()),
            _ => VaultError::Io {
                path: path.clone(),
                source: e,
            },
        })?;
        let file: KeyFile = serde_json::from_str(&text)
            .map_err(|e| VaultError::KeyFile(format!("{} is damaged: {e}", path.display())))?;
        if file.format != FORMAT || file.kdf.algorithm != "argon2id" || file.wrap.algorithm != "xchacha20poly1305" {
            return Err(VaultError::KeyFile(format!("{} has an unknown format", path.display())));
        }
        Ok(file)
    }

    /// Writes the file atomically: a crash leaves either the old or the new file, never half.
    pub fn write(&self, dir: &Path) -> Result<(), VaultError> {
        let path = Self::path(dir);
        let tmp = dir.join(format!("{FILE_NAME}.tmp"));
        let io = |e| VaultError::Io {
            path: tmp.clone(),
            source: e,
        };
        let text = serde_json::to_string_pretty(self).map_err(|e| VaultError::KeyFile(e.to_string()))?;
        let mut f = fs::File::create(&tmp).map_err(io)?;
        f.write_all(text.as_bytes()).map_err(io)?;
        f.sync_all().map_err(io)?;
        fs::rename(&tmp, &path).map_err(|e| VaultError::Io {
            path: path.clone(),
            source: e,
        })?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }

    pub fn params(&self) -> KdfParams {
        self.kdf.params
    }

    /// Seconds to wait before the next attempt is accepted, at `now` (unix seconds).
    pub fn wait_secs(&self, now: i64) -> i64 {
        self.attempts.locked_until.map_or(0, |t| (t - now).max(0))
    }

    /// Unwraps the database key. A wrong passphrase is counted (and persisted by the caller);
    /// while locked out, not even the right passphrase is tried.
    pub fn unwrap(&mut self, passphrase: &str, now: i64) -> Result<SecretKey, VaultError> {
        let wait = self.wait_secs(now);
        if wait > 0 {
            return Err(VaultError::LockedOut {
                wait_secs: wait,
                failed: self.attempts.failed,
            });
        }
        let damaged = |what: &str| VaultError::KeyFile(format!("the key file is damaged ({what})"));
        let salt = hex::decode(&self.kdf.salt).map_err(|_| damaged("salt"))?;
        let nonce: [u8; 24] = hex::decode(&self.wrap.nonce)
            .ok()
            .and_then(|n| n.try_into().ok())
            .ok_or_else(|| damaged("nonce"))?;
        let ciphertext = hex::decode(&self.wrap.ciphertext).map_err(|_| damaged("wrapped key"))?;
        let kek = derive(passphrase, &salt, self.kdf.params)?;
        let cipher = XChaCha20Poly1305::new(&(*kek).into());
        let aad = associated_data(&self.vault_id, &self.kdf);
        match cipher.decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &ciphertext,
                aad: &aad,
            },
        ) {
            Ok(plain) => {
                let plain = Zeroizing::new(plain);
                let key: [u8; 32] = plain.as_slice().try_into().map_err(|_| damaged("key length"))?;
                self.attempts = Attempts::default();
                Ok(Zeroizing::new(key))
            }
            Err(_) => {
                self.attempts.failed += 1;
                let over = self.attempts.failed.saturating_sub(FREE_ATTEMPTS);
                if over > 0 {
                    let wait = FIRST_WAIT_SECS
                        .saturating_mul(1i64 << (over - 1).min(20))
                        .min(MAX_WAIT_SECS);
                    self.attempts.locked_until = Some(now + wait);
                }
                Err(VaultError::WrongPassphrase {
                    failed: self.attempts.failed,
                    wait_secs: self.wait_secs(now),
                })
            }
        }
    }

    /// Wraps the same database key under a new passphrase (new salt, new nonce, possibly
    /// stronger parameters). The database itself is not touched.
    pub fn rewrap(&mut self, db_key: &[u8; 32], new_passphrase: &str, params: KdfParams) -> Result<(), VaultError> {
        let (kdf, wrap) = wrap(db_key, new_passphrase, &self.vault_id, params)?;
        self.kdf = kdf;
        self.wrap = wrap;
        self.attempts = Attempts::default();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small parameters: these tests exercise the logic, not the cost.
    const FAST: KdfParams = KdfParams { m_kib: 256, t: 1, p: 1 };

    #[test]
    fn unwraps_with_the_right_passphrase_only() {
        let (mut f, key) = KeyFile::create("correct horse", FAST).expect("create");
        assert_eq!(*f.unwrap("correct horse", 0).expect("unwrap"), *key);
        assert!(matches!(
            f.unwrap("wrong", 0),
            Err(VaultError::WrongPassphrase {
                failed: 1,
                wait_secs: 0
            })
        ));
    }

    #[test]
    fn repeated_failures_lock_out_for_growing_times_and_persist() {
        let dir = tempfile::tempdir().expect("dir");
        let (mut f, _) = KeyFile::create("right", FAST).expect("create");
        for n in 1..=3 {
            assert!(
                matches!(f.unwrap("wrong", 1000), Err(VaultError::WrongPassphrase { failed, wait_secs: 0 }) if failed == n)
            );
        }
        assert!(matches!(
            f.unwrap("wrong", 1000),
            Err(VaultError::WrongPassphrase {
                failed: 4,
                wait_secs: 5
            })
        ));
        f.write(dir.path()).expect("write");
        // After a restart the lockout still holds, even for the right passphrase.
        let mut again = KeyFile::read(dir.path()).expect("read");
        assert!(matches!(
            again.unwrap("right", 1002),
            Err(VaultError::LockedOut {
                wait_secs: 3,
                failed: 4
            })
        ));
        assert!(matches!(
            again.unwrap("wrong", 1005),
            Err(VaultError::WrongPassphrase {
                failed: 5,
                wait_secs: 10
            })
        ));
        again.unwrap("right", 1015).expect("after the wait");
        assert_eq!(again.attempts.failed, 0);
    }

    #[test]
    fn altered_parameters_or_key_do_not_unwrap() {
        let (f, _) = KeyFile::create("pw", FAST).expect("create");
        let mut weaker = f.clone();
        weaker.kdf.params.t = 2;
        assert!(matches!(
            weaker.unwrap("pw", 0),
            Err(VaultError::WrongPassphrase { .. })
        ));
        let mut flipped = f.clone();
        let mut ct = hex::decode(&flipped.wrap.ciphertext).expect("hex");
        ct[3] ^= 1;
        flipped.wrap.ciphertext = hex::encode(ct);
        assert!(matches!(
            flipped.unwrap("pw", 0),
            Err(VaultError::WrongPassphrase { .. })
        ));
        let mut garbled = f;
        garbled.wrap.nonce = "zz".into();
        assert!(matches!(garbled.unwrap("pw", 0), Err(VaultError::KeyFile(_))));
    }

    #[test]
    fn rewrap_keeps_the_database_key() {
        let (mut f, key) = KeyFile::create("old", FAST).expect("create");
        let unwrapped = f.unwrap("old", 0).expect("unwrap");
        f.rewrap(&unwrapped, "new", FAST).expect("rewrap");
        assert!(f.unwrap("old", 0).is_err());
        assert_eq!(*f.unwrap("new", 0).expect("new passphrase"), *key);
    }
}
