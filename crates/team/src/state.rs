//! The team as its membership log says it is, verified record by record from the first. Every
//! device (and the relay) builds this from the records it holds and refuses a record that does
//! not follow: wrong place in the chain, not signed by a device that was an admin at that point,
//! or a change the rules forbid (the last admin removed, a device added twice, a new epoch's key
//! missing for a remaining device).

use crate::LogError;
use crate::epoch::{self, EpochKey};
use crate::keys::{DeviceKeys, PublicKeys};
use crate::record::{Body, Member, Record, Sealed, hash_of};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    pub id: String,
    pub keys: PublicKeys,
    pub name: String,
    pub admin: bool,
    /// The record that added it.
    pub added_at: u64,
    /// The record that revoked it.
    pub revoked_at: Option<u64>,
}

impl Device {
    pub fn active(&self) -> bool {
        self.revoked_at.is_none()
    }
}

/// What a record changed, for the relay to mirror in its access rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Created {
        device: String,
    },
    Added {
        device: String,
        admin: bool,
        invitation: String,
    },
    Revoked {
        device: String,
    },
    AdminSet {
        device: String,
        admin: bool,
    },
    Rotated,
}

#[derive(Clone, Debug)]
pub struct TeamState {
    pub team_id: String,
    pub team_name: String,
    pub first_hash: [u8; 32],
    pub head: [u8; 32],
    /// Records in the log.
    pub len: u64,
    /// The current epoch (1 at creation).
    pub epoch: u64,
    devices: BTreeMap<String, Device>,
    /// `epoch_starts[e - 1]`: the record that started epoch `e`.
    epoch_starts: Vec<u64>,
    /// Every epoch key sealed to each device: (epoch, device) → sealed.
    sealed: BTreeMap<(u64, String), Sealed>,
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
        if !founder.keys.verify(&record.signed_part()?, &record.signature) {
            return Err(LogError::Signature { seq: 0 });
        }
        founder.keys.kem_public()?;
        let hash = hash_of(bytes);
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
            sealed: BTreeMap::from([((1, id), *key)]),
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
        if !author.keys.verify(&record.signed_part()?, &record.signature) {
            return Err(LogError::Signature { seq });
        }
        let rule = |why: &'static str| LogError::Rule { seq, why };
        let change = match record.body {
            Body::Created { .. } => return Err(rule("a team is created only once")),
            Body::Added {
                member,
                invitation,
                keys,
            } => {
                member.keys.verifying()?;
                member.keys.kem_public()?;
                let id = member.keys.device_id();
                if self.devices.contains_key(&id) {
                    return Err(rule("this device is, or was, in the team already"));
                }
                let expected: Vec<u64> = (1..=self.epoch).collect();
                if keys.iter().map(|(e, _)| *e).collect::<Vec<_>>() != expected {
                    return Err(rule("a new device must get the key of every epoch so far"));
                }
                for (e, sealed) in keys {
                    self.sealed.insert((e, id.clone()), sealed);
                }
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
            Body::Revoked { device, keys } => {
                let target = self
                    .devices
                    .get(&device)
                    .filter(|d| d.active())
                    .ok_or(rule("no such device in the team"))?;
                if target.admin && self.active_admins() < 2 {
                    return Err(rule("the last admin cannot be removed"));
                }
                let remaining: Vec<String> = self.active().filter(|d| d.id != device).map(|d| d.id.clone()).collect();
                self.check_new_epoch(&keys, &remaining, seq)?;
                if let Some(d) = self.devices.get_mut(&device) {
                    d.revoked_at = Some(seq);
                }
                self.start_epoch(keys, seq);
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
            Body::Rotated { keys } => {
                let remaining: Vec<String> = self.active().map(|d| d.id.clone()).collect();
                self.check_new_epoch(&keys, &remaining, seq)?;
                self.start_epoch(keys, seq);
                Change::Rotated
            }
        };
        self.head = hash_of(bytes);
        self.len += 1;
        Ok(change)
    }

    fn check_new_epoch(&self, keys: &[(String, Sealed)], remaining: &[String], seq: u64) -> Result<(), LogError> {
        let given: Vec<&String> = keys.iter().map(|(d, _)| d).collect();
        if given != remaining.iter().collect::<Vec<_>>() {
            return Err(LogError::Rule {
                seq,
                why: "a new epoch's key must be sealed to every remaining device, once, in order",
            });
        }
        Ok(())
    }

    fn start_epoch(&mut self, keys: Vec<(String, Sealed)>, seq: u64) {
        self.epoch += 1;
        self.epoch_starts.push(seq);
        for (d, sealed) in keys {
            self.sealed.insert((self.epoch, d), sealed);
        }
    }

    fn active_admins(&self) -> usize {
        self.active().filter(|d| d.admin).count()
    }

    pub fn active(&self) -> impl Iterator<Item = &Device> {
        self.devices.values().filter(|d| d.active())
    }

    /// Every device the log names, revoked ones included, in id order.
    pub fn devices(&self) -> impl Iterator<Item = &Device> {
        self.devices.values()
    }

    pub fn device(&self, id: &str) -> Option<&Device> {
        self.devices.get(id)
    }

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

    /// Every epoch key sealed to `me`, opened.
    pub fn epoch_keys(&self, me: &DeviceKeys) -> Result<BTreeMap<u64, EpochKey>, LogError> {
        let id = me.device_id();
        let mut out = BTreeMap::new();
        for ((e, d), sealed) in &self.sealed {
            if *d == id {
                out.insert(*e, epoch::open(sealed, me, &self.team_id, *e)?);
            }
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
        record.signature = author.sign(&record.signed_part()?);
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
        record.signature = founder.sign(&record.signed_part()?);
        let bytes = record.encode()?;
        TeamState::from_first(&bytes)?;
        Ok((bytes, key))
    }

    /// Adds a device, sealing every epoch key so far (`keys`, as the author holds them) to it.
    pub fn add(
        &self,
        author: &DeviceKeys,
        member: Member,
        invitation: &str,
        keys: &BTreeMap<u64, EpochKey>,
    ) -> Result<Vec<u8>, LogError> {
        let mut sealed = Vec::new();
        for e in 1..=self.epoch {
            let key = keys.get(&e).ok_or(LogError::EpochKey { epoch: e })?;
            sealed.push((e, epoch::seal_to(key, &member.keys, &self.team_id, e)?));
        }
        self.sign(
            author,
            Body::Added {
                member,
                invitation: invitation.to_string(),
                keys: sealed,
            },
        )
    }

    fn next_epoch_keys(&self, without: Option<&str>) -> Result<Vec<(String, Sealed)>, LogError> {
        let key = EpochKey::generate()?;
        let next = self.epoch + 1;
        self.active()
            .filter(|d| Some(d.id.as_str()) != without)
            .map(|d| Ok((d.id.clone(), epoch::seal_to(&key, &d.keys, &self.team_id, next)?)))
            .collect()
    }

    pub fn revoke(&self, author: &DeviceKeys, device: &str) -> Result<Vec<u8>, LogError> {
        let keys = self.next_epoch_keys(Some(device))?;
        self.sign(
            author,
            Body::Revoked {
                device: device.to_string(),
                keys,
            },
        )
    }

    pub fn rotate(&self, author: &DeviceKeys) -> Result<Vec<u8>, LogError> {
        let keys = self.next_epoch_keys(None)?;
        self.sign(author, Body::Rotated { keys })
    }

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
