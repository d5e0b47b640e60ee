//! The team as its membership log says it is, verified record by record from the first. Every
//! device (and the relay) builds this from the records it holds and refuses a record that does
//! not follow: wrong place in the chain, not signed by a device that was an admin at that point,
//! or a change the rules forbid (the last admin removed, a device added twice, a new epoch's key
//! missing for a remaining device).

use crate::LogError;
use crate::epoch::{self, EpochKey};
use crate::keys::{DeviceKeys, PublicKeys};
use crate::record::{Body, Chained, Member, Record, Sealed, link, signed_digest};
use std::collections::BTreeMap;

/// The digest a record's author signs, from the record before it has its signature.
fn digest_of(record: &Record) -> Result<[u8; 32], LogError> {
    let mut bytes = record.signed_part()?;
    bytes.extend_from_slice(&[0; 64]);
    Ok(signed_digest(&bytes))
}

/// A device the log names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    /// Its id.
    pub id: String,
    /// Its public keys.
    pub keys: PublicKeys,
    /// The name it goes by in the team.
    pub name: String,
    /// It may write records.
    pub admin: bool,
    /// The record that added it.
    pub added_at: u64,
    /// The record that revoked it.
    pub revoked_at: Option<u64>,
}

impl Device {
    /// It has not been revoked.
    pub fn active(&self) -> bool {
        self.revoked_at.is_none()
    }
}

/// What a record changed, for the relay to mirror in its access rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The team was created by `device`, its first admin.
    Created {
        /// The founder.
        device: String,
    },
    /// A device was let in.
    Added {
        /// The device.
        device: String,
        /// As an admin.
        admin: bool,
        /// The invitation it came on.
        invitation: String,
    },
    /// A device was cut off (a new epoch began).
    Revoked {
        /// The device.
        device: String,
    },
    /// A device's admin rights were given or taken.
    AdminSet {
        /// The device.
        device: String,
        /// Whether it is an admin from now on.
        admin: bool,
    },
    /// A new epoch began without a revocation.
    Rotated,
}

/// A team as its verified membership log says it is.
#[derive(Clone, Debug)]
pub struct TeamState {
    /// The team's id.
    pub team_id: String,
    /// The team's name.
    pub team_name: String,
    /// The hash of the first record: what an invitation names the team's log by.
    pub first_hash: [u8; 32],
    /// The hash of the last record: what the next one must follow.
    pub head: [u8; 32],
    /// Records in the log.
    pub len: u64,
    /// The current epoch (1 at creation).
    pub epoch: u64,
    devices: BTreeMap<String, Device>,
    /// `epoch_starts[e - 1]`: the record that started epoch `e`.
    epoch_starts: Vec<u64>,
    /// Epoch keys sealed to devices: epoch → (device, sealed), as the records gave them.
    sealed: BTreeMap<u64, Vec<(String, Sealed)>>,
    /// Epoch `n` → epoch `n - 1`'s key sealed under epoch `n`'s.
    chain: BTreeMap<u64, Chained>,
}

impl TeamState {
    /// Verifies a whole log. `first_hash`, when given, is the hash learned at enrolment: a log
    /// that starts anywhere else is refused.
    pub fn verify<B: AsRef<[u8]>>(records: &[B], first_hash: Option<&[u8; 32]>) -> Result<TeamState, LogError> {
        let first = records.first().ok_or(LogError::Malformed("an empty log"))?;
        let mut state = TeamState::from_first(first.as_ref())?;
        if let Some(expected) = first_hash
            && *expected != state.first_hash
        {
            return Err(LogError::NotThisTeam);
        }
        for r in &records[1..] {
            state.apply(r.as_ref())?;
        }
        Ok(state)
    }

    fn from_first(bytes: &[u8]) -> Result<TeamState, LogError> {
        let record = Record::decode(bytes)?;
        let Body::Created {
            team,
            team_name,
            founder,
            key,
        } = &record.body
        else {
            return Err(LogError::Rule {
                seq: 0,
                why: "the first record must create the team",
            });
        };
        if record.seq != 0 || record.prev != [0; 32] {
            return Err(LogError::Chain { seq: record.seq });
        }
        if !fieldscreen_wire::valid_id(team) {
            return Err(LogError::Malformed("a team id"));
        }
        let id = founder.keys.device_id();
        if record.author != id || !founder.admin {
            return Err(LogError::Rule {
                seq: 0,
                why: "the team's founder must sign its first record as an admin",
            });
        }
        let digest = signed_digest(bytes);
        if !founder.keys.verify(&digest, &record.signature) {
            return Err(LogError::Signature { seq: 0 });
        }
        founder.keys.kem_public()?;
        let hash = link(&digest, &record.signature);
        let mut devices = BTreeMap::new();
        devices.insert(
            id.clone(),
            Device {
                id: id.clone(),
                keys: founder.keys,
                name: founder.name.clone(),
                admin: true,
                added_at: 0,
                revoked_at: None,
            },
        );
        Ok(TeamState {
            team_id: team.clone(),
            team_name: team_name.clone(),
            first_hash: hash,
            head: hash,
            len: 1,
            epoch: 1,
            devices,
            epoch_starts: vec![0],
            sealed: BTreeMap::from([(1, vec![(id, *key)])]),
            chain: BTreeMap::new(),
        })
    }

    /// Checks one more record against the log so far and takes it in; on any error nothing
    /// changes.
    pub fn apply(&mut self, bytes: &[u8]) -> Result<Change, LogError> {
        let record = Record::decode(bytes)?;
        let seq = record.seq;
        if seq != self.len || record.prev != self.head {
            return Err(LogError::Chain { seq });
        }
        let author = self.devices.get(&record.author).ok_or(LogError::NotAdmin {
            seq,
            device: record.author.clone(),
        })?;
        if !author.active() || !author.admin {
            return Err(LogError::NotAdmin {
                seq,
                device: record.author.clone(),
            });
        }
        let digest = signed_digest(bytes);
        if !author.keys.verify(&digest, &record.signature) {
            return Err(LogError::Signature { seq });
        }
        let rule = |why: &'static str| LogError::Rule { seq, why };
        let change = match record.body {
            Body::Created { .. } => return Err(rule("a team is created only once")),
            Body::Added {
                member,
                invitation,
                key,
            } => {
                member.keys.verifying()?;
                member.keys.kem_public()?;
                let id = member.keys.device_id();
                if self.devices.contains_key(&id) {
                    return Err(rule("this device is, or was, in the team already"));
                }
                self.sealed.entry(self.epoch).or_default().push((id.clone(), key));
                self.devices.insert(
                    id.clone(),
                    Device {
                        id: id.clone(),
                        keys: member.keys,
                        name: member.name,
                        admin: member.admin,
                        added_at: seq,
                        revoked_at: None,
                    },
                );
                Change::Added {
                    device: id,
                    admin: member.admin,
                    invitation,
                }
            }
            Body::Revoked { device, keys, previous } => {
                let target = self
                    .devices
                    .get(&device)
                    .filter(|d| d.active())
                    .ok_or(rule("no such device in the team"))?;
                if target.admin && self.active_admins() < 2 {
                    return Err(rule("the last admin cannot be removed"));
                }
                self.check_new_epoch(&keys, Some(&device), seq)?;
                if let Some(d) = self.devices.get_mut(&device) {
                    d.revoked_at = Some(seq);
                }
                self.start_epoch(keys, previous, seq);
                Change::Revoked { device }
            }
            Body::AdminSet { device, admin } => {
                let target = self
                    .devices
                    .get(&device)
                    .filter(|d| d.active())
                    .ok_or(rule("no such device in the team"))?;
                if target.admin == admin {
                    return Err(rule("the device has that role already"));
                }
                if !admin && self.active_admins() < 2 {
                    return Err(rule("the last admin cannot be removed"));
                }
                if let Some(d) = self.devices.get_mut(&device) {
                    d.admin = admin;
                }
                Change::AdminSet { device, admin }
            }
            Body::Rotated { keys, previous } => {
                self.check_new_epoch(&keys, None, seq)?;
                self.start_epoch(keys, previous, seq);
                Change::Rotated
            }
        };
        self.head = link(&digest, &record.signature);
        self.len += 1;
        Ok(change)
    }

    /// The new epoch's keys go to exactly the devices that remain (all active ones but
    /// `without`), once each, in id order.
    fn check_new_epoch(&self, keys: &[(String, Sealed)], without: Option<&str>, seq: u64) -> Result<(), LogError> {
        let remaining = self.active().map(|d| d.id.as_str()).filter(|id| Some(*id) != without);
        if !remaining.eq(keys.iter().map(|(d, _)| d.as_str())) {
            return Err(LogError::Rule {
                seq,
                why: "a new epoch's key must be sealed to every remaining device, once, in order",
            });
        }
        Ok(())
    }

    fn start_epoch(&mut self, keys: Vec<(String, Sealed)>, previous: Chained, seq: u64) {
        self.epoch += 1;
        self.epoch_starts.push(seq);
        self.sealed.insert(self.epoch, keys);
        self.chain.insert(self.epoch, previous);
    }

    fn active_admins(&self) -> usize {
        self.active().filter(|d| d.admin).count()
    }

    /// The devices not revoked, in id order.
    pub fn active(&self) -> impl Iterator<Item = &Device> {
        self.devices.values().filter(|d| d.active())
    }

    /// Every device the log names, revoked ones included, in id order.
    pub fn devices(&self) -> impl Iterator<Item = &Device> {
        self.devices.values()
    }

    /// A device the log names.
    pub fn device(&self, id: &str) -> Option<&Device> {
        self.devices.get(id)
    }

    /// Whether `id` may write records now.
    pub fn is_active_admin(&self, id: &str) -> bool {
        self.devices.get(id).is_some_and(|d| d.active() && d.admin)
    }

    /// The epoch current once the first `log_len` records were in.
    pub fn epoch_at(&self, log_len: u64) -> u64 {
        self.epoch_starts.iter().filter(|&&s| s < log_len).count() as u64
    }

    /// Whether `device`, having verified the first `log_len` records, could rightly write under
    /// `epoch`: it was in the team by then and not yet revoked, `log_len` is a place in this
    /// log, and `epoch` was the epoch at that place (not one that had ended).
    pub fn may_write(&self, device: &str, epoch: u64, log_len: u64) -> Result<&Device, LogError> {
        let d = self.devices.get(device).ok_or_else(|| LogError::UnknownWriter {
            device: device.to_string(),
        })?;
        if log_len == 0 || log_len > self.len || d.added_at >= log_len {
            return Err(LogError::UnknownWriter {
                device: device.to_string(),
            });
        }
        if d.revoked_at.is_some_and(|r| r < log_len) {
            return Err(LogError::RevokedWriter {
                device: device.to_string(),
            });
        }
        if epoch != self.epoch_at(log_len) {
            return Err(LogError::WrongEpoch {
                device: device.to_string(),
                epoch,
            });
        }
        Ok(d)
    }

    /// Every epoch key `me` can read: those sealed to it, and every earlier one reached down
    /// the chain from them.
    pub fn epoch_keys(&self, me: &DeviceKeys) -> Result<BTreeMap<u64, EpochKey>, LogError> {
        let id = me.device_id();
        let mut out = BTreeMap::new();
        for (e, entries) in &self.sealed {
            if let Some((_, sealed)) = entries.iter().find(|(d, _)| *d == id) {
                out.insert(*e, epoch::open(sealed, me, &self.team_id, *e)?);
            }
        }
        let Some(mut e) = out.keys().next_back().copied() else {
            return Ok(out);
        };
        while e > 1 {
            if !out.contains_key(&(e - 1)) {
                let (Some(key), Some(chained)) = (out.get(&e), self.chain.get(&e)) else {
                    break;
                };
                let earlier = epoch::unchain(chained, key, &self.team_id, e)?;
                out.insert(e - 1, earlier);
            }
            e -= 1;
        }
        Ok(out)
    }

    // --- writing records ---------------------------------------------------------------------

    fn sign(&self, author: &DeviceKeys, body: Body) -> Result<Vec<u8>, LogError> {
        let mut record = Record {
            seq: self.len,
            prev: self.head,
            author: author.device_id(),
            body,
            signature: [0; 64],
        };
        record.signature = author.sign(&digest_of(&record)?);
        let bytes = record.encode()?;
        // What this device writes must pass the checks every other device will make.
        self.clone().apply(&bytes)?;
        Ok(bytes)
    }

    /// A new team's first record, with `founder` as its admin, and epoch 1's key.
    pub fn create(
        team: &str,
        team_name: &str,
        founder: &DeviceKeys,
        device_name: &str,
    ) -> Result<(Vec<u8>, EpochKey), LogError> {
        let key = EpochKey::generate()?;
        let sealed = epoch::seal_to(&key, &founder.public(), team, 1)?;
        let mut record = Record {
            seq: 0,
            prev: [0; 32],
            author: founder.device_id(),
            body: Body::Created {
                team: team.to_string(),
                team_name: team_name.to_string(),
                founder: Member {
                    keys: founder.public(),
                    name: device_name.to_string(),
                    admin: true,
                },
                key: sealed,
            },
            signature: [0; 64],
        };
        record.signature = founder.sign(&digest_of(&record)?);
        let bytes = record.encode()?;
        TeamState::from_first(&bytes)?;
        Ok((bytes, key))
    }

    /// Adds a device, sealing the current epoch's key (as the author holds it in `keys`) to
    /// it; the chain gives it every earlier one.
    pub fn add(
        &self,
        author: &DeviceKeys,
        member: Member,
        invitation: &str,
        keys: &BTreeMap<u64, EpochKey>,
    ) -> Result<Vec<u8>, LogError> {
        let current = keys.get(&self.epoch).ok_or(LogError::EpochKey { epoch: self.epoch })?;
        let key = epoch::seal_to(current, &member.keys, &self.team_id, self.epoch)?;
        self.sign(
            author,
            Body::Added {
                member,
                invitation: invitation.to_string(),
                key,
            },
        )
    }

    /// A fresh key for the next epoch sealed to every remaining device, and the current key
    /// chained under it.
    fn next_epoch(
        &self,
        author: &DeviceKeys,
        without: Option<&str>,
    ) -> Result<(Vec<(String, Sealed)>, Chained), LogError> {
        let current = self
            .epoch_keys(author)?
            .remove(&self.epoch)
            .ok_or(LogError::EpochKey { epoch: self.epoch })?;
        let key = EpochKey::generate()?;
        let next = self.epoch + 1;
        let sealed = self
            .active()
            .filter(|d| Some(d.id.as_str()) != without)
            .map(|d| Ok((d.id.clone(), epoch::seal_to(&key, &d.keys, &self.team_id, next)?)))
            .collect::<Result<_, LogError>>()?;
        Ok((sealed, epoch::chain(&current, &key, &self.team_id, next)?))
    }

    /// The next record, by admin `author`: `device` revoked, the next epoch's key sealed to every
    /// other active device.
    pub fn revoke(&self, author: &DeviceKeys, device: &str) -> Result<Vec<u8>, LogError> {
        let (keys, previous) = self.next_epoch(author, Some(device))?;
        self.sign(
            author,
            Body::Revoked {
                device: device.to_string(),
                keys,
                previous,
            },
        )
    }

    /// The next record, by admin `author`: a fresh epoch key sealed to every active device.
    pub fn rotate(&self, author: &DeviceKeys) -> Result<Vec<u8>, LogError> {
        let (keys, previous) = self.next_epoch(author, None)?;
        self.sign(author, Body::Rotated { keys, previous })
    }

    /// The next record, by admin `author`: `device`'s admin rights given or taken.
    pub fn set_admin(&self, author: &DeviceKeys, device: &str, admin: bool) -> Result<Vec<u8>, LogError> {
        self.sign(
            author,
            Body::AdminSet {
                device: device.to_string(),
                admin,
            },
        )
    }
}
