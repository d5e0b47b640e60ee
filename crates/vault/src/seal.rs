//! Sealed files: anything that leaves the vault with personal data in it (a case-level export,
//! later a sync bundle) is written encrypted under a passphrase the person chooses for it.
//!
//! Layout: the line `FIELDSCREEN-SEALED 1`, one line of JSON (what it holds, the Argon2id
//! parameters and salt, the nonce), then the XChaCha20-Poly1305 ciphertext. Both lines are the
//! associated data, so a header altered to weaken the KDF or to relabel the content makes
//! opening fail rather than succeed on different terms.

use crate::VaultError;
use crate::keyfile::{KdfParams, derive, random};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

const MAGIC: &[u8] = b"FIELDSCREEN-SEALED 1\n";
/// The weakest key derivation an opened file may ask for; a header asking for less is refused
/// as tampered with, since every file this code writes asks for more.
const MIN_M_KIB: u32 = 8 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Header {
    /// What the file holds, e.g. `htcds-cases.csv`: shown before opening, and bound to it.
    content: String,
    kdf: String,
    #[serde(flatten)]
    params: KdfParams,
    salt: String,
    cipher: String,
    nonce: String,
}

/// True when `bytes` start like a sealed file.
pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Encrypts `plain` under `passphrase`. `content` names what is inside (it is not secret).
pub fn seal(plain: &[u8], passphrase: &str, content: &str, params: KdfParams) -> Result<Vec<u8>, VaultError> {
    if params.m_kib < MIN_M_KIB {
        return Err(VaultError::KeyFile(format!(
            "a sealed file needs at least {MIN_M_KIB} KiB of key derivation memory"
        )));
    }
    let salt: [u8; 16] = random()?;
    let nonce: [u8; 24] = random()?;
    let header = Header {
        content: content.to_string(),
        kdf: "argon2id".into(),
        params,
        salt: hex::encode(salt),
        cipher: "xchacha20poly1305".into(),
        nonce: hex::encode(nonce),
    };
    let mut out = MAGIC.to_vec();
    serde_json::to_writer(&mut out, &header).map_err(|e| VaultError::Document(e.to_string()))?;
    out.push(b'\n');
    let key = derive(passphrase, &salt, params)?;
    let ciphertext = XChaCha20Poly1305::new(&(*key).into())
        .encrypt(&XNonce::from(nonce), Payload { msg: plain, aad: &out })
        .map_err(|_| VaultError::Document("encryption failed".into()))?;
    out.extend_from_slice(&ciphertext);
    Ok(out)
}

/// What a sealed file says it holds, readable without the passphrase.
pub fn sealed_content(sealed: &[u8]) -> Result<String, VaultError> {
    Ok(split(sealed)?.0.content)
}

fn split(sealed: &[u8]) -> Result<(Header, usize), VaultError> {
    let bad = |what: &str| VaultError::Document(format!("not a readable sealed file ({what})"));
    let rest = sealed
        .strip_prefix(MAGIC)
        .ok_or_else(|| bad("no FIELDSCREEN-SEALED header"))?;
    let end = rest
        .iter()
        .position(|b| *b == b'\n')
        .ok_or_else(|| bad("header cut short"))?;
    let header: Header = serde_json::from_slice(&rest[..end]).map_err(|_| bad("header"))?;
    if header.kdf != "argon2id" || header.cipher != "xchacha20poly1305" {
        return Err(bad("unknown algorithm"));
    }
    if header.params.m_kib < MIN_M_KIB {
        return Err(bad("key derivation weaker than any FieldScreen writes"));
    }
    Ok((header, MAGIC.len() + end + 1))
}

/// Decrypts a sealed file. A wrong passphrase and a damaged file look the same to the cipher;
/// the message says both.
pub fn unseal(sealed: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>, VaultError> {
    let (header, body) = split(sealed)?;
    let bad = |what: &str| VaultError::Document(format!("not a readable sealed file ({what})"));
    let salt = hex::decode(&header.salt).map_err(|_| bad("salt"))?;
    let nonce: [u8; 24] = hex::decode(&header.nonce)
        .ok()
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| bad("nonce"))?;
    let key = derive(passphrase, &salt, header.params)?;
    XChaCha20Poly1305::new(&(*key).into())
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &sealed[body..],
                aad: &sealed[..body],
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| VaultError::Document("wrong passphrase for this file, or the file was altered".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAST: KdfParams = KdfParams {
        m_kib: MIN_M_KIB,
        t: 1,
        p: 1,
    };

    #[test]
    fn opens_with_its_passphrase_only_and_never_holds_the_plain_text() {
        let plain = b"case 7f3a; answer: MARKER-Qx81";
        let sealed = seal(plain, "export words here", "test.csv", FAST).expect("seal");
        assert!(is_sealed(&sealed));
        assert!(!String::from_utf8_lossy(&sealed).contains("MARKER-Qx81"));
        assert_eq!(sealed_content(&sealed).expect("content"), "test.csv");
        assert_eq!(unseal(&sealed, "export words here").expect("open").as_slice(), plain);
        assert!(unseal(&sealed, "export words herE").is_err());
    }

    #[test]
    fn any_altered_byte_or_weakened_header_is_refused() {
        let sealed = seal(b"some rows", "pass phrase", "x.json", FAST).expect("seal");
        for i in [MAGIC.len() + 3, sealed.len() / 2, sealed.len() - 1] {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(unseal(&bad, "pass phrase").is_err(), "byte {i} altered");
        }
        let text = String::from_utf8_lossy(&sealed).into_owned();
        let weakened = text.replacen(&format!("\"m_kib\":{MIN_M_KIB}"), "\"m_kib\":8", 1);
        assert_ne!(weakened, text);
        let err = unseal(weakened.as_bytes(), "pass phrase").expect_err("weakened");
        assert!(err.to_string().contains("weaker"), "{err}");
        assert!(unseal(b"plain,csv\n1,2\n", "pass phrase").is_err());
        assert!(seal(b"x", "p", "x", KdfParams { m_kib: 64, t: 1, p: 1 }).is_err());
    }
}
