//! The vault key file (`vault.key`): two slots, each a 33-byte secret wrapped
//! (XChaCha20-Poly1305) by a key derived from a passphrase with Argon2id.
//!
//! Slot 0 holds the database key. Slot 1 holds either a duress answer (what to do when the
//! duress passphrase is typed, and the practice database's key) or random filler of the same
//! size, so the file looks the same whether or not a duress passphrase exists. Every attempt
//! derives a key for both slots, so an attempt costs the same whichever slot, if any, opens.
//!
//! The KDF parameters and salt of each slot are stored beside it and bound to it as associated
//! data, so altering them makes unwrapping fail. The file is written in place after a complete
//! copy (`vault.key.next`) is on disk: a crash leaves one whole file, and an old wrapped key is
//! overwritten where it lay rather than left behind in a freed block by a rename.

use crate::VaultError;
use crate::error::io_error;
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub const FILE_NAME: &str = "vault.key";
/// The complete new key file, written before the old one is overwritten.
pub const NEXT_FILE_NAME: &str = "vault.key.next";
const FORMAT: u32 = 2;
/// The real slot and the duress slot (or its filler).
const SLOTS: usize = 2;
pub(crate) const REAL_SLOT: usize = 0;
pub(crate) const DURESS_SLOT: usize = 1;
/// A slot's plaintext: what it is (one byte) and a 256-bit key.
const CONTENT_BYTES: usize = 33;

/// A 256-bit key that is wiped from memory when dropped.
pub type SecretKey = Zeroizing<[u8; 32]>;

/// Argon2id's cost: what deriving a key from a passphrase takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// Argon2id with 64 MiB, 3 passes, 1 lane: about 0.15 s per slot on a 2-core laptop.
    pub const DEFAULT: KdfParams = KdfParams {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
}

/// What typing the duress passphrase does, chosen beforehand by the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DuressAction {
    /// Opens the practice vault instead of the real one.
    Decoy,
    /// Behaves exactly like a wrong passphrase.
    Wrong,
    /// Destroys the real key, then opens the practice vault.
    DestroyThenDecoy,
    /// Destroys the real key, then behaves like a wrong passphrase.
    DestroyThenWrong,
}

impl DuressAction {
    /// Every choice.
    pub const ALL: [DuressAction; 4] = [
        DuressAction::Decoy,
        DuressAction::Wrong,
        DuressAction::DestroyThenDecoy,
        DuressAction::DestroyThenWrong,
    ];

    /// The name used on the command line, in settings and in stored state.
    pub fn name(self) -> &'static str {
        match self {
            DuressAction::Decoy => "decoy",
            DuressAction::Wrong => "wrong",
            DuressAction::DestroyThenDecoy => "destroy-decoy",
            DuressAction::DestroyThenWrong => "destroy-wrong",
        }
    }

    /// The action of that name.
    pub fn from_name(name: &str) -> Option<DuressAction> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// `from_name` for input from a person: an unknown name is an error that lists the choices.
    pub fn parse(name: &str) -> Result<DuressAction, VaultError> {
        Self::from_name(name).ok_or_else(|| VaultError::UnknownDuressAction(name.to_string()))
    }

    /// It destroys the real key first.
    pub fn destroys(self) -> bool {
        matches!(self, DuressAction::DestroyThenDecoy | DuressAction::DestroyThenWrong)
    }

    /// It opens the practice vault.
    pub fn opens_decoy(self) -> bool {
        matches!(self, DuressAction::Decoy | DuressAction::DestroyThenDecoy)
    }

    fn tag(self) -> u8 {
        match self {
            DuressAction::Decoy => 1,
            DuressAction::Wrong => 2,
            DuressAction::DestroyThenDecoy => 3,
            DuressAction::DestroyThenWrong => 4,
        }
    }

    fn from_tag(tag: u8) -> Option<DuressAction> {
        Self::ALL.into_iter().find(|a| a.tag() == tag)
    }
}

/// What a slot holds once unwrapped.
pub enum SlotContent {
    /// The database key.
    Real(SecretKey),
    /// The duress answer, with the practice database's key (zero when there is none).
    Duress(DuressAction, SecretKey),
}

impl SlotContent {
    fn encode(&self) -> Zeroizing<[u8; CONTENT_BYTES]> {
        let mut out = Zeroizing::new([0u8; CONTENT_BYTES]);
        let (tag, key) = match self {
            SlotContent::Real(k) => (0, k),
            SlotContent::Duress(a, k) => (a.tag(), k),
        };
        out[0] = tag;
        out[1..].copy_from_slice(key.as_slice());
        out
    }

    fn decode(plain: &[u8], legacy: bool) -> Option<SlotContent> {
        if legacy {
            let key: [u8; 32] = plain.try_into().ok()?;
            return Some(SlotContent::Real(Zeroizing::new(key)));
        }
        if plain.len() != CONTENT_BYTES {
            return None;
        }
        let key: [u8; 32] = plain[1..].try_into().ok()?;
        let key = Zeroizing::new(key);
        match plain[0] {
            0 => Some(SlotContent::Real(key)),
            tag => DuressAction::from_tag(tag).map(|a| SlotContent::Duress(a, key)),
        }
    }
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

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Slot {
    kdf: Kdf,
    wrap: Wrap,
    /// A slot from the first format: 32 bytes of key, bound differently. Upgraded at the first
    /// unlock; never written.
    #[serde(skip)]
    legacy: bool,
}

/// What happens after wrong passphrases, chosen by the worker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Policy {
    /// Destroy the real key after this many wrong passphrases in a row.
    pub erase_after: Option<u32>,
    /// Whether the unlock screen says how many attempts remain before erasure.
    pub show_remaining: bool,
}

/// The attempts the worker may choose for erasure.
pub const ERASE_AFTER_CHOICES: [u32; 3] = [5, 10, 20];

/// `vault.key`: the database key wrapped by the passphrase (and the duress slot), with the
/// vault's id and the worker's policy for wrong passphrases.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    format: u32,
    /// The vault's id.
    pub vault_id: String,
    /// When the vault was created (RFC 3339).
    pub created: String,
    slots: Vec<Slot>,
    /// What wrong passphrases lead to.
    #[serde(default)]
    pub policy: Policy,
}

/// The first format: one wrapped key and the attempt counter in the same file.
#[derive(Deserialize)]
struct KeyFileV1 {
    vault_id: String,
    created: String,
    kdf: Kdf,
    wrap: Wrap,
    attempts: Option<AttemptsV1>,
}

#[derive(Deserialize)]
struct AttemptsV1 {
    failed: u32,
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

/// What a slot's ciphertext is bound to: altering any of it makes unwrapping fail.
fn associated_data(vault_id: &str, index: usize, kdf: &Kdf, legacy: bool) -> Vec<u8> {
    let (m, t, p) = (kdf.params.m_kib, kdf.params.t, kdf.params.p);
    if legacy {
        return format!(
            "fieldscreen-vault-key/1/{vault_id}/{}/{m}/{t}/{p}/{}",
            kdf.algorithm, kdf.salt
        )
        .into_bytes();
    }
    format!(
        "fieldscreen-vault-key/{FORMAT}/{vault_id}/{index}/{}/{m}/{t}/{p}/{}",
        kdf.algorithm, kdf.salt
    )
    .into_bytes()
}

fn new_kdf(params: KdfParams) -> Result<(Kdf, [u8; 16]), VaultError> {
    let salt: [u8; 16] = random()?;
    Ok((
        Kdf {
            algorithm: "argon2id".into(),
            version: 0x13,
            params,
            salt: hex::encode(salt),
        },
        salt,
    ))
}

fn wrap_slot(
    content: &SlotContent,
    passphrase: &str,
    vault_id: &str,
    index: usize,
    params: KdfParams,
) -> Result<Slot, VaultError> {
    let (kdf, salt) = new_kdf(params)?;
    let kek = derive(passphrase, &salt, params)?;
    let nonce: [u8; 24] = random()?;
    let cipher = XChaCha20Poly1305::new(&(*kek).into());
    let aad = associated_data(vault_id, index, &kdf, false);
    let plain = content.encode();
    let ciphertext = cipher
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: plain.as_slice(),
                aad: &aad,
            },
        )
        .map_err(|_| VaultError::KeyFile("wrapping the key failed".into()))?;
    Ok(Slot::of(kdf, &nonce, &ciphertext))
}

/// Random bytes shaped like a wrapped slot: nothing opens it, nothing tells it from a real one.
fn filler_slot(params: KdfParams) -> Result<Slot, VaultError> {
    let (kdf, _) = new_kdf(params)?;
    let nonce: [u8; 24] = random()?;
    let ciphertext: [u8; CONTENT_BYTES + 16] = random()?;
    Ok(Slot::of(kdf, &nonce, &ciphertext))
}

impl Slot {
    fn of(kdf: Kdf, nonce: &[u8; 24], ciphertext: &[u8]) -> Slot {
        Slot {
            kdf,
            wrap: Wrap {
                algorithm: "xchacha20poly1305".into(),
                nonce: hex::encode(nonce),
                ciphertext: hex::encode(ciphertext),
            },
            legacy: false,
        }
    }
}

fn now_iso() -> String {
    jiff::Timestamp::now().to_string()
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes `bytes` over the file's own blocks (same inode), then cuts it to length and syncs.
fn overwrite_in_place(path: &Path, bytes: &[u8]) -> Result<(), VaultError> {
    let io = io_error(path);
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(&io)?;
    f.seek(std::io::SeekFrom::Start(0)).map_err(&io)?;
    f.write_all(bytes).map_err(&io)?;
    f.set_len(bytes.len() as u64).map_err(&io)?;
    f.sync_all().map_err(&io)
}

/// Overwrites a file with zeros where it lies, then removes it. Missing is fine.
pub(crate) fn scrub(path: &Path) -> Result<(), VaultError> {
    let len = match fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(path)(e)),
    };
    let zeros = vec![0u8; usize::try_from(len).unwrap_or(0)];
    overwrite_in_place(path, &zeros)?;
    fs::remove_file(path).map_err(io_error(path))
}

/// What one passphrase opened.
pub enum Opened {
    Slot(usize, SlotContent),
    Nothing,
}

impl KeyFile {
    /// The key file of the vault in `dir`.
    pub fn path(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Where a new key file is written before it replaces the old one.
    pub fn next_path(dir: &Path) -> PathBuf {
        dir.join(NEXT_FILE_NAME)
    }

    /// A new random database key, wrapped with `passphrase`, and filler in the duress slot.
    pub fn create(passphrase: &str, params: KdfParams) -> Result<(KeyFile, SecretKey), VaultError> {
        let db_key = Zeroizing::new(random::<32>()?);
        let vault_id = uuid::Uuid::from_bytes(random::<16>()?).to_string();
        let real = wrap_slot(
            &SlotContent::Real(db_key.clone()),
            passphrase,
            &vault_id,
            REAL_SLOT,
            params,
        )?;
        let file = KeyFile {
            format: FORMAT,
            vault_id,
            created: now_iso(),
            slots: vec![real, filler_slot(params)?],
            policy: Policy::default(),
        };
        Ok((file, db_key))
    }

    /// Reads a key file; the first format is read as a real slot and filler. Returns the
    /// first format's attempt count, if it had one, for the counter file to start from.
    pub fn read_file(path: &Path, dir: &Path) -> Result<(KeyFile, Option<u32>), VaultError> {
        let text = fs::read_to_string(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => VaultError::NoVault(dir.to_path_buf()),
            _ => io_error(path)(e),
        })?;
        let damaged = |e: String| VaultError::KeyFile(format!("{} is damaged: {e}", path.display()));
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| damaged(e.to_string()))?;
        let unknown = || VaultError::KeyFile(format!("{} has an unknown format", path.display()));
        let (file, legacy_failed) = match value.get("format").and_then(serde_json::Value::as_u64) {
            Some(1) => {
                let v1: KeyFileV1 = serde_json::from_value(value).map_err(|e| damaged(e.to_string()))?;
                let params = v1.kdf.params;
                let real = Slot {
                    kdf: v1.kdf,
                    wrap: v1.wrap,
                    legacy: true,
                };
                let file = KeyFile {
                    format: FORMAT,
                    vault_id: v1.vault_id,
                    created: v1.created,
                    slots: vec![real, filler_slot(params)?],
                    policy: Policy::default(),
                };
                (file, Some(v1.attempts.map_or(0, |a| a.failed)))
            }
            Some(2) => (
                serde_json::from_value::<KeyFile>(value).map_err(|e| damaged(e.to_string()))?,
                None,
            ),
            _ => return Err(unknown()),
        };
        let sound = file.slots.len() == SLOTS
            && file
                .slots
                .iter()
                .all(|s| s.kdf.algorithm == "argon2id" && s.wrap.algorithm == "xchacha20poly1305");
        if !sound {
            return Err(unknown());
        }
        Ok((file, legacy_failed))
    }

    /// The key file of the vault in `dir`.
    pub fn read(dir: &Path) -> Result<KeyFile, VaultError> {
        Self::read_file(&Self::path(dir), dir).map(|(f, _)| f)
    }

    fn to_bytes(&self) -> Result<Vec<u8>, VaultError> {
        serde_json::to_vec_pretty(self).map_err(|e| VaultError::KeyFile(e.to_string()))
    }

    /// Writes the complete new file as `vault.key.next` and syncs it. Until `install` runs,
    /// opening finds both and keeps the one whose key opens the database.
    pub fn write_next(&self, dir: &Path) -> Result<(), VaultError> {
        let next = Self::next_path(dir);
        overwrite_in_place(&next, &self.to_bytes()?)?;
        sync_dir(dir);
        Ok(())
    }

    /// Makes `vault.key.next` the key file: its bytes go over the old file's, then the copy is
    /// scrubbed. A crash at any point leaves a whole file to open with.
    pub fn install(&self, dir: &Path) -> Result<(), VaultError> {
        overwrite_in_place(&Self::path(dir), &self.to_bytes()?)?;
        sync_dir(dir);
        scrub(&Self::next_path(dir))?;
        sync_dir(dir);
        Ok(())
    }

    /// Writes the file durably: the copy first, then over the old one.
    pub fn write(&self, dir: &Path) -> Result<(), VaultError> {
        self.write_next(dir)?;
        self.install(dir)
    }

    /// The real slot's key derivation.
    pub fn params(&self) -> KdfParams {
        self.slots[REAL_SLOT].kdf.params
    }

    /// Tries `passphrase` against every slot. Each slot's key is derived whatever the outcome,
    /// so the time taken does not say which slot, if any, opened.
    pub fn attempt(&self, passphrase: &str) -> Result<Opened, VaultError> {
        let damaged = |what: &str| VaultError::KeyFile(format!("the key file is damaged ({what})"));
        let mut found = None;
        for (index, slot) in self.slots.iter().enumerate() {
            let salt = hex::decode(&slot.kdf.salt).map_err(|_| damaged("salt"))?;
            let nonce: [u8; 24] = hex::decode(&slot.wrap.nonce)
                .ok()
                .and_then(|n| n.try_into().ok())
                .ok_or_else(|| damaged("nonce"))?;
            let ciphertext = hex::decode(&slot.wrap.ciphertext).map_err(|_| damaged("wrapped key"))?;
            let kek = derive(passphrase, &salt, slot.kdf.params)?;
            let cipher = XChaCha20Poly1305::new(&(*kek).into());
            let aad = associated_data(&self.vault_id, index, &slot.kdf, slot.legacy);
            let opened = cipher.decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: &ciphertext,
                    aad: &aad,
                },
            );
            if let (Ok(plain), true) = (opened, found.is_none()) {
                let plain = Zeroizing::new(plain);
                let content = SlotContent::decode(&plain, slot.legacy).ok_or_else(|| damaged("slot content"))?;
                found = Some(Opened::Slot(index, content));
            }
        }
        Ok(found.unwrap_or(Opened::Nothing))
    }

    /// Whether slot `index` is still in the first format (to be re-wrapped after unlocking).
    pub fn is_legacy(&self, index: usize) -> bool {
        self.slots.get(index).is_some_and(|s| s.legacy)
    }

    /// Wraps `content` into slot `index` under `passphrase` (new salt, new nonce, possibly
    /// stronger parameters). Nothing is written.
    pub fn set_slot(
        &mut self,
        index: usize,
        content: &SlotContent,
        passphrase: &str,
        params: KdfParams,
    ) -> Result<(), VaultError> {
        let slot = wrap_slot(content, passphrase, &self.vault_id, index, params)?;
        self.slots[index] = slot;
        Ok(())
    }

    /// Replaces slot `index` with filler: what it held can no longer be opened by anyone.
    pub fn clear_slot(&mut self, index: usize) -> Result<(), VaultError> {
        let params = self.slots[index].kdf.params;
        self.slots[index] = filler_slot(params)?;
        Ok(())
    }
}

/// A key file of the first format wrapping `key`, with `failed` attempts counted in it.
#[cfg(test)]
pub(crate) fn first_format(vault_id: &str, key: &[u8; 32], passphrase: &str, params: KdfParams, failed: u32) -> String {
    let salt = [1u8; 16];
    let kdf = Kdf {
        algorithm: "argon2id".into(),
        version: 0x13,
        params,
        salt: hex::encode(salt),
    };
    let kek = derive(passphrase, &salt, params).expect("derive");
    let nonce = [2u8; 24];
    let aad = associated_data(vault_id, 0, &kdf, true);
    let ct = XChaCha20Poly1305::new(&(*kek).into())
        .encrypt(&XNonce::from(nonce), Payload { msg: key, aad: &aad })
        .expect("encrypt");
    serde_json::json!({
        "format": 1, "vault_id": vault_id, "created": "2026-01-01T00:00:00Z",
        "kdf": kdf, "wrap": {"algorithm": "xchacha20poly1305", "nonce": hex::encode(nonce), "ciphertext": hex::encode(ct)},
        "attempts": {"failed": failed, "locked_until": null}
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Small parameters: these tests exercise the logic, not the cost.
    const FAST: KdfParams = KdfParams { m_kib: 256, t: 1, p: 1 };

    fn real_key(o: Opened) -> Option<[u8; 32]> {
        match o {
            Opened::Slot(REAL_SLOT, SlotContent::Real(k)) => Some(*k),
            _ => None,
        }
    }

    #[test]
    fn unwraps_with_the_right_passphrase_only() {
        let (f, key) = KeyFile::create("correct horse", FAST).expect("create");
        assert_eq!(real_key(f.attempt("correct horse").expect("attempt")), Some(*key));
        assert!(matches!(f.attempt("wrong").expect("attempt"), Opened::Nothing));
    }

    #[test]
    fn a_duress_slot_opens_only_with_its_passphrase_and_looks_like_filler() {
        let dir = tempfile::tempdir().expect("dir");
        let (mut f, key) = KeyFile::create("real one", FAST).expect("create");
        f.write(dir.path()).expect("write");
        let before = fs::read(KeyFile::path(dir.path())).expect("read");
        let decoy = Zeroizing::new([7u8; 32]);
        f.set_slot(
            DURESS_SLOT,
            &SlotContent::Duress(DuressAction::Decoy, decoy),
            "duress one",
            FAST,
        )
        .expect("slot");
        f.write(dir.path()).expect("write");
        let after = fs::read(KeyFile::path(dir.path())).expect("read");
        assert_eq!(before.len(), after.len(), "a configured duress slot has filler's size");
        assert!(!KeyFile::next_path(dir.path()).exists(), "the copy is scrubbed");
        let f = KeyFile::read(dir.path()).expect("read");
        assert_eq!(real_key(f.attempt("real one").expect("a")), Some(*key));
        match f.attempt("duress one").expect("a") {
            Opened::Slot(DURESS_SLOT, SlotContent::Duress(DuressAction::Decoy, k)) => assert_eq!(*k, [7u8; 32]),
            _ => panic!("the duress slot did not open"),
        }
    }

    #[test]
    fn altered_parameters_or_key_do_not_unwrap() {
        let (f, _) = KeyFile::create("pw", FAST).expect("create");
        let mut weaker = f.clone();
        weaker.slots[0].kdf.params.t = 2;
        assert!(matches!(weaker.attempt("pw").expect("a"), Opened::Nothing));
        let mut flipped = f.clone();
        let mut ct = hex::decode(&flipped.slots[0].wrap.ciphertext).expect("hex");
        ct[3] ^= 1;
        flipped.slots[0].wrap.ciphertext = hex::encode(ct);
        assert!(matches!(flipped.attempt("pw").expect("a"), Opened::Nothing));
        let mut swapped = f.clone();
        swapped.slots.swap(0, 1);
        assert!(
            matches!(swapped.attempt("pw").expect("a"), Opened::Nothing),
            "slots are bound to their place"
        );
        let mut garbled = f;
        garbled.slots[0].wrap.nonce = "zz".into();
        assert!(matches!(garbled.attempt("pw"), Err(VaultError::KeyFile(_))));
    }

    #[test]
    fn clearing_the_real_slot_destroys_the_key() {
        let (mut f, _) = KeyFile::create("pw", FAST).expect("create");
        f.clear_slot(REAL_SLOT).expect("clear");
        assert!(matches!(f.attempt("pw").expect("a"), Opened::Nothing));
    }

    #[test]
    fn a_first_format_file_reads_as_a_real_slot_with_its_count() {
        let dir = tempfile::tempdir().expect("dir");
        let key = [9u8; 32];
        fs::write(
            KeyFile::path(dir.path()),
            first_format("vid", &key, "old format", FAST, 2),
        )
        .expect("write");
        let (f, failed) = KeyFile::read_file(&KeyFile::path(dir.path()), dir.path()).expect("read");
        assert_eq!(failed, Some(2));
        assert!(f.is_legacy(REAL_SLOT));
        assert_eq!(real_key(f.attempt("old format").expect("a")), Some(key));
    }
}
