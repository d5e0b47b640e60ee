//! One record of the membership log and its encoding:
//! `FSM1 | seq u64 | prev hash (32) | author id (8) | kind u8 | body | Ed25519 signature (64)`,
//! the signature covering everything before it. A record's hash (SHA-256 of all its bytes) is
//! what the next record names as `prev`, so the log is a chain from the team's first record.

use crate::LogError;
use crate::codec::{Reader, Writer, short};
use crate::epoch::{CHAINED_KEY_LEN, SEALED_KEY_LEN};
use crate::keys::PublicKeys;
use sha2::{Digest, Sha256};

const MAGIC: &[u8; 4] = b"FSM1";
pub(crate) const SIGNATURE_LEN: usize = 64;
/// Longest team or device name kept in the log.
pub const MAX_NAME: usize = 64;
/// More keys than any team this is built for (5–200 devices) needs in one record.
const MAX_KEYS: usize = 4096;

pub type Sealed = [u8; SEALED_KEY_LEN];
/// The previous epoch's key, sealed under the new one (so a newcomer given the current key can
/// open every earlier one, and nobody can go forward).
pub type Chained = [u8; CHAINED_KEY_LEN];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub keys: PublicKeys,
    pub name: String,
    pub admin: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// The team's first record: its id and name, its founder (an admin) and epoch 1's key.
    Created {
        team: String,
        team_name: String,
        founder: Member,
        key: Sealed,
    },
    /// A device joined through `invitation`, with the current epoch's key sealed to it.
    Added {
        member: Member,
        invitation: String,
        key: Sealed,
    },
    /// A device is cut off; the next epoch's key is sealed to every remaining device.
    Revoked {
        device: String,
        keys: Vec<(String, Sealed)>,
        previous: Chained,
    },
    /// An admin made another device an admin, or took the role away.
    AdminSet { device: String, admin: bool },
    /// A fresh key for the next epoch, sealed to every device.
    Rotated {
        keys: Vec<(String, Sealed)>,
        previous: Chained,
    },
}

impl Body {
    fn kind(&self) -> u8 {
        match self {
            Body::Created { .. } => 1,
            Body::Added { .. } => 2,
            Body::Revoked { .. } => 3,
            Body::AdminSet { .. } => 4,
            Body::Rotated { .. } => 5,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub seq: u64,
    pub prev: [u8; 32],
    pub author: String,
    pub body: Body,
    pub signature: [u8; 64],
}

fn id_bytes(id: &str) -> Result<[u8; 8], LogError> {
    let v = hex::decode(id).map_err(|_| LogError::Malformed("a device id is not 16 hex digits"))?;
    v.try_into()
        .map_err(|_| LogError::Malformed("a device id is not 16 hex digits"))
}

fn write_member(w: &mut Writer, m: &Member) {
    w.raw(&m.keys.sign)
        .raw(&m.keys.kem)
        .str(&short(&m.name, MAX_NAME))
        .u8(u8::from(m.admin));
}

fn read_member(r: &mut Reader<'_>) -> Result<Member, LogError> {
    let keys = PublicKeys {
        sign: r.array()?,
        kem: r.array()?,
    };
    let name = r.str()?;
    let admin = match r.u8()? {
        0 => false,
        1 => true,
        _ => return Err(LogError::Malformed("a role is neither member nor admin")),
    };
    Ok(Member { keys, name, admin })
}

fn count(r: &mut Reader<'_>) -> Result<usize, LogError> {
    let n = usize::from(r.u16()?);
    if n > MAX_KEYS || n * SEALED_KEY_LEN > r.remaining() {
        return Err(LogError::Malformed("more keys than the record holds"));
    }
    Ok(n)
}

fn write_keys_by_device(w: &mut Writer, keys: &[(String, Sealed)]) -> Result<(), LogError> {
    w.u16(u16::try_from(keys.len()).map_err(|_| LogError::Malformed("too many devices"))?);
    for (device, sealed) in keys {
        w.raw(&id_bytes(device)?).raw(sealed);
    }
    Ok(())
}

fn read_keys_by_device(r: &mut Reader<'_>) -> Result<Vec<(String, Sealed)>, LogError> {
    let n = count(r)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let id: [u8; 8] = r.array()?;
        out.push((hex::encode(id), r.array()?));
    }
    Ok(out)
}

impl Record {
    /// The bytes the signature covers.
    pub(crate) fn signed_part(&self) -> Result<Vec<u8>, LogError> {
        let mut w = Writer::default();
        w.raw(MAGIC)
            .u64(self.seq)
            .raw(&self.prev)
            .raw(&id_bytes(&self.author)?)
            .u8(self.body.kind());
        match &self.body {
            Body::Created {
                team,
                team_name,
                founder,
                key,
            } => {
                w.str(team).str(&short(team_name, MAX_NAME));
                write_member(&mut w, founder);
                w.raw(key);
            }
            Body::Added {
                member,
                invitation,
                key,
            } => {
                write_member(&mut w, member);
                w.str(invitation).raw(key);
            }
            Body::Revoked { device, keys, previous } => {
                w.raw(&id_bytes(device)?);
                write_keys_by_device(&mut w, keys)?;
                w.raw(previous);
            }
            Body::AdminSet { device, admin } => {
                w.raw(&id_bytes(device)?).u8(u8::from(*admin));
            }
            Body::Rotated { keys, previous } => {
                write_keys_by_device(&mut w, keys)?;
                w.raw(previous);
            }
        }
        Ok(w.0)
    }

    pub fn encode(&self) -> Result<Vec<u8>, LogError> {
        let mut bytes = self.signed_part()?;
        bytes.extend_from_slice(&self.signature);
        Ok(bytes)
    }

    pub fn decode(bytes: &[u8]) -> Result<Record, LogError> {
        if bytes.len() < SIGNATURE_LEN {
            return Err(LogError::Malformed("cut short"));
        }
        let (signed, signature) = bytes.split_at(bytes.len() - SIGNATURE_LEN);
        let mut r = Reader::new(signed);
        if r.take(4)? != MAGIC {
            return Err(LogError::Malformed("not a FieldScreen membership record"));
        }
        let seq = r.u64()?;
        let prev = r.array()?;
        let author = hex::encode(r.array::<8>()?);
        let body = match r.u8()? {
            1 => {
                let team = r.str()?;
                let team_name = r.str()?;
                let founder = read_member(&mut r)?;
                Body::Created {
                    team,
                    team_name,
                    founder,
                    key: r.array()?,
                }
            }
            2 => {
                let member = read_member(&mut r)?;
                let invitation = r.str()?;
                Body::Added {
                    member,
                    invitation,
                    key: r.array()?,
                }
            }
            3 => {
                let device = hex::encode(r.array::<8>()?);
                let keys = read_keys_by_device(&mut r)?;
                Body::Revoked {
                    device,
                    keys,
                    previous: r.array()?,
                }
            }
            4 => {
                let device = hex::encode(r.array::<8>()?);
                let admin = match r.u8()? {
                    0 => false,
                    1 => true,
                    _ => return Err(LogError::Malformed("a role is neither member nor admin")),
                };
                Body::AdminSet { device, admin }
            }
            5 => {
                let keys = read_keys_by_device(&mut r)?;
                Body::Rotated {
                    keys,
                    previous: r.array()?,
                }
            }
            _ => return Err(LogError::Malformed("an unknown kind of record")),
        };
        r.end()?;
        // One encoding per record: everything is fixed-width or length-prefixed, roles are 0 or
        // 1, so only a name longer than the writer allows could be written another way.
        let names_fit = match &body {
            Body::Created { team_name, founder, .. } => team_name.len() <= MAX_NAME && founder.name.len() <= MAX_NAME,
            Body::Added { member, .. } => member.name.len() <= MAX_NAME,
            _ => true,
        };
        if !names_fit {
            return Err(LogError::Malformed("not in its one encoding"));
        }
        Ok(Record {
            seq,
            prev,
            author,
            body,
            signature: signature.try_into().map_err(|_| LogError::Malformed("cut short"))?,
        })
    }

    /// The bytes a record's signature covers, within its encoding.
    pub(crate) fn signed_slice(bytes: &[u8]) -> &[u8] {
        &bytes[..bytes.len().saturating_sub(SIGNATURE_LEN)]
    }
}

/// What a record's signature signs: SHA-256 of the bytes before the signature. Signing this
/// digest rather than the bytes means one pass of SHA-256 (hardware-accelerated on most CPUs)
/// over a record serves both the signature and the chain.
pub(crate) fn signed_digest(bytes: &[u8]) -> [u8; 32] {
    Sha256::new_with_prefix(b"fieldscreen-membership/1")
        .chain_update(Record::signed_slice(bytes))
        .finalize()
        .into()
}

/// A record's link in the chain from its signed digest and its signature.
pub(crate) fn link(digest: &[u8; 32], signature: &[u8; 64]) -> [u8; 32] {
    Sha256::new_with_prefix(b"fieldscreen-membership-link/1")
        .chain_update(digest)
        .chain_update(signature)
        .finalize()
        .into()
}

/// The hash the next record names as `prev` (and, of the first record, the one an invitation
/// carries).
pub fn hash_of(bytes: &[u8]) -> [u8; 32] {
    let mut signature = [0u8; 64];
    if bytes.len() >= SIGNATURE_LEN {
        signature.copy_from_slice(&bytes[bytes.len() - SIGNATURE_LEN..]);
    }
    link(&signed_digest(bytes), &signature)
}
