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

/// An epoch key sealed to one device.
pub type Sealed = [u8; SEALED_KEY_LEN];
/// The previous epoch's key, sealed under the new one (so a newcomer given the current key can
/// open every earlier one, and nobody can go forward).
pub type Chained = [u8; CHAINED_KEY_LEN];

/// A device as a record lets it in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Its public keys.
    pub keys: PublicKeys,
    /// The name it goes by in the team (visible to the relay's operator).
    pub name: String,
    /// It may write records.
    pub admin: bool,
}

/// What a record says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// The team's first record: its id and name, its founder (an admin) and epoch 1's key.
    Created {
        /// The team's id.
        team: String,
        /// The team's name.
        team_name: String,
        /// The first device.
        founder: Member,
        /// Epoch 1's key, sealed to the founder.
        key: Sealed,
    },
    /// A device joined through `invitation`, with the current epoch's key sealed to it.
    Added {
        /// The device let in.
        member: Member,
        /// The invitation its request came on.
        invitation: String,
        /// The current epoch's key, sealed to it.
        key: Sealed,
    },
    /// A device is cut off; the next epoch's key is sealed to every remaining device.
    Revoked {
        /// The device cut off.
        device: String,
        /// The next epoch's key, sealed to each remaining device (by id).
        keys: Vec<(String, Sealed)>,
        /// The current epoch's key sealed under the next one.
        previous: Chained,
    },
    /// An admin made another device an admin, or took the role away.
    AdminSet {
        /// The device.
        device: String,
        /// Whether it is an admin from now on.
        admin: bool,
    },
    /// A fresh key for the next epoch, sealed to every device.
    Rotated {
        /// The next epoch's key, sealed to each device (by id).
        keys: Vec<(String, Sealed)>,
        /// The current epoch's key sealed under the next one.
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

/// One entry of a team's membership log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// Its number in the log (1 for the first).
    pub seq: u64,
    /// The hash of the record before it (zeros for the first).
    pub prev: [u8; 32],
    /// The device that wrote and signed it.
    pub author: String,
    /// What it says.
    pub body: Body,
    /// The author's Ed25519 signature over everything above.
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

    /// The record as stored and sent, signature last.
    pub fn encode(&self) -> Result<Vec<u8>, LogError> {
        let mut bytes = self.signed_part()?;
        bytes.extend_from_slice(&self.signature);
        Ok(bytes)
    }

    /// A record from its bytes; the signature is checked by the log, which knows the author's key.
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
