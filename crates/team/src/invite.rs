//! Enrolment that a photographed code cannot complete. The code (or its QR) says where the team
//! is and proves the holder was invited — relay, team, invitation id, the log's first hash, the
//! inviting device and a one-time secret — and carries no key and no token. The new device
//! sends a join request signed with its own new key; the admin approves it only after both
//! people have compared the comparison code, which depends on both devices' keys.

use crate::LogError;
use crate::codec::{Reader, Writer, short};
use crate::keys::{DeviceKeys, PublicKeys};
use crate::record::MAX_NAME;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

const CODE_PREFIX: &str = "FSJOIN2.";
/// What the codes of the first team model began with: they carried the team key itself.
const OLD_CODE_PREFIX: &str = "FSJOIN1.";
const REQUEST_MAGIC: &[u8; 5] = b"FSJR1";

/// Why an invitation code was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CodeError {
    /// It is not an invitation code, or it was cut or altered.
    #[error("this is not a FieldScreen invitation code (it starts with {CODE_PREFIX})")]
    Bad,
    /// A code of the first model, which carried the team's key.
    #[error(
        "this invitation code was made by an older FieldScreen that put the team's key in it; ask an admin for a new invitation"
    )]
    Old,
}

/// The hash of a token or a secret, as the relay keeps it.
pub fn secret_hash(secret: &[u8]) -> [u8; 32] {
    Sha256::digest(secret).into()
}

/// A one-time invitation to a team, as its code carries it.
#[derive(Clone)]
pub struct Invitation {
    /// The relay's address.
    pub relay: String,
    /// The team's id.
    pub team: String,
    /// The invitation's id on the relay.
    pub id: String,
    /// The hash of the team's first membership record: the log the joining device fetches
    /// must start with it.
    pub first_hash: [u8; 32],
    /// The inviting admin's device id.
    pub inviter: String,
    /// What lets the holder ask to join (the relay keeps only its hash).
    pub secret: Zeroizing<[u8; 16]>,
}

impl std::fmt::Debug for Invitation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Invitation({}/{} by {})", self.team, self.id, self.inviter)
    }
}

impl Invitation {
    /// A new invitation with a fresh id and secret.
    pub fn new(relay: &str, team: &str, first_hash: [u8; 32], inviter: &str) -> Result<Invitation, LogError> {
        let mut bytes = [0u8; 24];
        getrandom::fill(&mut bytes).map_err(|e| LogError::Random(e.to_string()))?;
        let mut secret = Zeroizing::new([0u8; 16]);
        secret.copy_from_slice(&bytes[8..]);
        Ok(Invitation {
            relay: relay.to_string(),
            team: team.to_string(),
            id: hex::encode(&bytes[..8]),
            first_hash,
            inviter: inviter.to_string(),
            secret,
        })
    }

    /// The secret as the relay checks it (hex), sent with a join request.
    pub fn secret_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.secret.as_slice()))
    }

    /// The code an admin shows (as text or a QR code): everything above, secret included.
    pub fn code(&self) -> Zeroizing<String> {
        let mut w = Writer::default();
        let inviter = hex::decode(&self.inviter).unwrap_or_default();
        w.str(&self.relay)
            .str(&self.team)
            .str(&self.id)
            .raw(&self.first_hash)
            .raw(&inviter)
            .raw(self.secret.as_slice());
        let body = Zeroizing::new(w.0);
        Zeroizing::new(format!("{CODE_PREFIX}{}", URL_SAFE_NO_PAD.encode(body.as_slice())))
    }

    /// The invitation a code carries.
    pub fn parse(code: &str) -> Result<Invitation, CodeError> {
        let code = code.trim();
        if code.starts_with(OLD_CODE_PREFIX) {
            return Err(CodeError::Old);
        }
        let body = code.strip_prefix(CODE_PREFIX).ok_or(CodeError::Bad)?;
        let bytes = Zeroizing::new(URL_SAFE_NO_PAD.decode(body).map_err(|_| CodeError::Bad)?);
        let mut r = Reader::new(&bytes);
        let parsed = (|| -> Result<Invitation, LogError> {
            let relay = r.str()?;
            let team = r.str()?;
            let id = r.str()?;
            let first_hash = r.array()?;
            let inviter = hex::encode(r.array::<8>()?);
            let secret = Zeroizing::new(r.array::<16>()?);
            r.end()?;
            Ok(Invitation {
                relay,
                team,
                id,
                first_hash,
                inviter,
                secret,
            })
        })()
        .map_err(|_| CodeError::Bad)?;
        if !fieldscreen_wire::valid_id(&parsed.team) || !fieldscreen_wire::valid_id(&parsed.id) {
            return Err(CodeError::Bad);
        }
        Ok(parsed)
    }
}

/// A device asking to join: its public keys and name, the hash of the relay token it made,
/// signed with its own signing key (so it holds the key it asks to be added with).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinRequest {
    /// The team asked to join.
    pub team: String,
    /// The invitation it answers.
    pub invitation: String,
    /// The asking device's public keys.
    pub keys: PublicKeys,
    /// The name it gives itself in the team.
    pub name: String,
    /// SHA-256 of the relay token it will use once let in.
    pub token_hash: [u8; 32],
    signature: [u8; 64],
}

impl JoinRequest {
    /// This device's request on `invitation`, signed.
    pub fn new(invitation: &Invitation, me: &DeviceKeys, name: &str, token: &str) -> JoinRequest {
        let mut req = JoinRequest {
            team: invitation.team.clone(),
            invitation: invitation.id.clone(),
            keys: me.public(),
            name: short(name, MAX_NAME),
            token_hash: secret_hash(token.as_bytes()),
            signature: [0; 64],
        };
        req.signature = me.sign(&req.signed_part());
        req
    }

    fn signed_part(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.raw(REQUEST_MAGIC)
            .str(&self.team)
            .str(&self.invitation)
            .raw(&self.keys.sign)
            .raw(&self.keys.kem)
            .str(&self.name)
            .raw(&self.token_hash);
        w.0
    }

    /// The request as sent to the relay, signature last.
    pub fn encode(&self) -> Vec<u8> {
        let mut b = self.signed_part();
        b.extend_from_slice(&self.signature);
        b
    }

    /// Decodes and checks the signature and the keys.
    pub fn decode(bytes: &[u8]) -> Result<JoinRequest, LogError> {
        let mut r = Reader::new(bytes);
        if r.take(5)? != REQUEST_MAGIC {
            return Err(LogError::Malformed("not a join request"));
        }
        let req = JoinRequest {
            team: r.str()?,
            invitation: r.str()?,
            keys: PublicKeys {
                sign: r.array()?,
                kem: r.array()?,
            },
            name: r.str()?,
            token_hash: r.array()?,
            signature: r.array()?,
        };
        r.end()?;
        req.keys.kem_public()?;
        if !req.keys.verify(&req.signed_part(), &req.signature) {
            return Err(LogError::Malformed("a join request whose signature does not verify"));
        }
        Ok(req)
    }

    /// The asking device's id.
    pub fn device_id(&self) -> String {
        self.keys.device_id()
    }
}

/// Six digits both screens show: a hash of the invitation, the inviting admin's key and the
/// joining device's keys. A second device using a photographed code has other keys, so other
/// digits.
pub fn comparison_code(first_hash: &[u8; 32], invitation: &str, inviter: &PublicKeys, joiner: &PublicKeys) -> String {
    let digest = Sha256::new_with_prefix(b"fieldscreen-compare/1")
        .chain_update(first_hash)
        .chain_update(invitation.as_bytes())
        .chain_update(inviter.sign)
        .chain_update(joiner.sign)
        .chain_update(joiner.kem)
        .finalize();
    let n = u32::from_be_bytes([digest[0], digest[1], digest[2], digest[3]]) % 1_000_000;
    format!("{:03} {:03}", n / 1000, n % 1000)
}
