//! A deterministic simulation: several devices (real vaults, in memory) and a relay (the real
//! relay store, on a file so it can be restarted) exchanging batches through a network that
//! drops, duplicates, replays and truncates messages, while devices edit the same cases, delete
//! some, and go offline for long stretches. After the faults stop, every device must hold the
//! same cases, the same answers and the same conflicts, every change any device ever committed to
//! a case that nobody deleted, and none of the deleted cases.
//!
//! Membership changes run among the edits: admins add devices (through a real invitation and
//! join request in the relay's store), revoke them, rotate keys and make other admins, sometimes
//! from a stale view of the log (two admins at once). At the end every remaining device holds
//! the relay's log and epoch, and no revoked device holds the key of any batch written after
//! its revocation (it is given the whole log and the relay's data to try with).
//! `SIM_SEEDS` sets how many seeds run (CI: 1,000; `scripts/sync-soak.sh`: 10,000).

use crate::client::{Transport, TransportError, sync};
use crate::membership::append_with_retry;
use crate::sealing::{log_len_of, open_batch};
use crate::team::Team;
use fieldscreen_protocol::Answer;
use fieldscreen_relay::{Append, InvitationRecord, RequestRecord, SqliteStore, Store};
use fieldscreen_team::{DeviceKeys, Invitation, JoinRequest, Member, TeamState, hash_of, secret_hash};
use fieldscreen_vault::{CaseDoc, CaseFilter, CaseIndex, CaseMeta, Gap, Vault};
use fieldscreen_wire::{Frame, decode_frames, encode_frames};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;
use zeroize::Zeroizing;

/// splitmix64: small, fast, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// The relay as the simulation sees it: the real store, restartable, with the server's checks
/// (digest, order) applied the way `server.rs` applies them.
struct SimRelay {
    path: PathBuf,
    store: Option<SqliteStore>,
    team: String,
    restarts: usize,
}

impl SimRelay {
    fn store(&mut self) -> &SqliteStore {
        if self.store.is_none() {
            self.store = Some(SqliteStore::open(&self.path.display().to_string()).expect("relay store"));
        }
        self.store.as_ref().unwrap_or_else(|| unreachable!("opened above"))
    }

    fn restart(&mut self) {
        self.store = None;
        self.restarts += 1;
    }
}

struct Faults {
    percent: u64,
}

/// A relay that withholds: once armed, the next batch another device stores is left out of the
/// victim's downloads (and of its requests for it) while the faults last, whenever the same
/// page carries a later batch of its writer, so that the gap can be seen. The victim's
/// acknowledgements stop short of it, so compaction keeps it for when the relay behaves again.
#[derive(Default)]
struct Mischief {
    /// The relay misbehaves (in the random runs: while the faults last).
    active: bool,
    victim: Option<String>,
    armed: bool,
    /// (writer, batch number, position in the log)
    withheld: Option<(String, u64, u64)>,
    delivered: bool,
    /// Times a page went out without it.
    times: usize,
}

/// One device's view of the network: every call may be dropped on the way there or back,
/// duplicated, cut short, or followed by a replay of an old upload.
struct SimNet {
    relay: Rc<RefCell<SimRelay>>,
    rng: Rc<RefCell<Rng>>,
    device: String,
    faults: Rc<RefCell<Faults>>,
    mischief: Rc<RefCell<Mischief>>,
    sent_before: Vec<(u64, Vec<u8>)>,
}

impl SimNet {
    fn withholding(&self) -> bool {
        self.mischief.borrow().active
    }
    fn fault(&self) -> bool {
        let p = self.faults.borrow().percent;
        self.rng.borrow_mut().chance(p)
    }
    fn down() -> TransportError {
        TransportError::Unreachable("simulated network fault".into())
    }
    /// The relay's door, as `server.rs` keeps it: a revoked device is refused.
    fn door(&self) -> Result<(), TransportError> {
        let team = self.relay.borrow().team.clone();
        let record = self
            .relay
            .borrow_mut()
            .store()
            .device(&team, &self.device)
            .expect("device");
        match record {
            Some(r) if !r.revoked => Ok(()),
            _ => Err(TransportError::Refused {
                status: 403,
                message: "this device was revoked from the team".into(),
            }),
        }
    }
}

impl Transport for SimNet {
    fn upload(&mut self, seq: u64, sealed: &[u8]) -> Result<(), TransportError> {
        if self.fault() {
            return Err(Self::down()); // lost on the way
        }
        self.door()?;
        if self.fault() {
            self.relay.borrow_mut().restart(); // the relay restarts mid-upload
            return Err(Self::down());
        }
        let digest: [u8; 32] = Sha256::digest(sealed).into();
        let cut = self.fault();
        let body: &[u8] = if cut { &sealed[..sealed.len() / 2] } else { sealed };
        if Sha256::digest(body).as_slice() != digest {
            return Err(TransportError::Refused {
                status: 400,
                message: "digest mismatch".into(),
            });
        }
        let team = self.relay.borrow().team.clone();
        let times = if self.fault() { 2 } else { 1 };
        let mut outcome = Append::Conflict;
        for _ in 0..times {
            outcome = self
                .relay
                .borrow_mut()
                .store()
                .append(&team, &self.device, seq, &digest, body)
                .expect("append");
        }
        // A replay of an earlier upload arriving late must change nothing.
        if self.fault()
            && let Some((old_seq, old)) = self.sent_before.first().cloned()
        {
            let d: [u8; 32] = Sha256::digest(&old).into();
            let again = self
                .relay
                .borrow_mut()
                .store()
                .append(&team, &self.device, old_seq, &d, &old)
                .expect("replay");
            assert!(matches!(again, Append::Duplicate(_)), "a replayed batch was {again:?}");
        }
        if let Append::Stored(pos) = outcome {
            let mut m = self.mischief.borrow_mut();
            // Not the log's first entry: a device reading the log for the first time cannot
            // tell where it began (see `intake.rs`).
            if m.armed && pos > 1 && m.victim.as_deref() != Some(self.device.as_str()) {
                m.armed = false;
                m.withheld = Some((self.device.clone(), seq, pos));
            }
        }
        self.sent_before.push((seq, sealed.to_vec()));
        if self.fault() {
            return Err(Self::down()); // stored, but the answer is lost
        }
        match outcome {
            Append::Stored(_) | Append::Duplicate(_) => Ok(()),
            Append::Gap { expected } => Err(TransportError::Refused {
                status: 409,
                message: format!("expected {expected}"),
            }),
            Append::Conflict => Err(TransportError::Refused {
                status: 409,
                message: fieldscreen_wire::BATCH_NUMBER_TAKEN.into(),
            }),
        }
    }

    fn download(&mut self, after: u64, limit: usize) -> Result<Vec<Frame>, TransportError> {
        if self.fault() {
            return Err(Self::down());
        }
        self.door()?;
        let team = self.relay.borrow().team.clone();
        let withheld = {
            let m = self.mischief.borrow();
            match (&m.withheld, m.victim.as_deref()) {
                (Some(w), Some(v)) if v == self.device && !m.delivered => Some(w.clone()),
                _ => None,
            }
        };
        let frames = {
            let mut relay = self.relay.borrow_mut();
            let store = relay.store();
            let acked = match &withheld {
                Some((_, _, pos)) => after.min(pos - 1),
                None => after,
            };
            store.acknowledge(&team, &self.device, acked).expect("ack");
            let mut frames = store.read(&team, after).expect("read");
            frames.truncate(limit);
            for f in frames.iter_mut().filter(|f| f.device == self.device) {
                f.sealed = Vec::new();
            }
            if let Some((writer, seq, _)) = withheld.filter(|_| self.withholding())
                && frames.iter().any(|f| f.device == writer && f.seq == seq)
                && frames.iter().any(|f| f.device == writer && f.seq > seq)
            {
                frames.retain(|f| !(f.device == writer && f.seq == seq));
                self.mischief.borrow_mut().times += 1;
            }
            frames
        };
        let mut body = encode_frames(&frames);
        if self.fault() && body.len() > 1 {
            let cut = 1 + self.rng.borrow_mut().below(body.len() as u64 - 1) as usize;
            body.truncate(cut);
        }
        Ok(decode_frames(&body)?)
    }

    fn fetch(&mut self, device: &str, seq: u64) -> Result<Option<Frame>, TransportError> {
        if self.fault() {
            return Err(Self::down());
        }
        self.door()?;
        let team = self.relay.borrow().team.clone();
        {
            let mut m = self.mischief.borrow_mut();
            let asked_for_withheld = m.victim.as_deref() == Some(self.device.as_str())
                && m.withheld.as_ref().is_some_and(|(w, s, _)| w == device && *s == seq);
            if asked_for_withheld {
                if m.active {
                    return Ok(None);
                }
                m.delivered = true;
            }
        }
        Ok(self
            .relay
            .borrow_mut()
            .store()
            .batch(&team, device, seq)
            .expect("batch"))
    }

    fn membership(&mut self, from: u64) -> Result<Vec<Vec<u8>>, TransportError> {
        if self.fault() {
            return Err(Self::down());
        }
        self.door()?;
        let team = self.relay.borrow().team.clone();
        Ok(self.relay.borrow_mut().store().records(&team, from).expect("records"))
    }

    fn append_record(&mut self, record: &[u8], approve: Option<&str>) -> Result<(), TransportError> {
        if self.fault() {
            return Err(Self::down());
        }
        self.door()?;
        let team = self.relay.borrow().team.clone();
        let result = fieldscreen_relay::membership::append(
            self.relay.borrow_mut().store(),
            &team,
            &self.device,
            record,
            approve,
            fieldscreen_relay::now_secs(),
        );
        if self.fault() {
            return Err(Self::down()); // recorded (or not), but the answer is lost
        }
        result.map_err(|r| TransportError::Refused {
            status: r.status,
            message: r.message,
        })
    }
}

struct Device {
    vault: Vault,
    team: Team,
    net: SimNet,
    online: bool,
    /// Revoked (as the relay's log says): it acts no more and is left out of convergence.
    revoked_at: Option<u64>,
    /// Every change this device committed: (case, heads right after).
    committed: Vec<(String, Vec<u8>)>,
    /// It once recorded a batch number the relay skipped.
    gap_seen: bool,
}

impl Device {
    fn sync(&mut self) -> Result<crate::SyncReport, crate::SyncError> {
        let result = sync(&mut self.vault, &mut self.team, &mut self.net, &mut index, &mut |_| {});
        self.gap_seen |= !self.vault.gaps(&self.team.team_id).expect("gaps").is_empty();
        result
    }
}

/// Puts a junk batch in the device's outbox, as a team member (or its stolen token) could:
/// bytes that are not a sealed batch, a sealed batch whose content is not a batch, or a sealed
/// batch whose update of a case is not Automerge. Returns its batch number.
fn write_junk(dev: &mut Device, kind: u64, case: Option<String>) -> u64 {
    let seq = dev.vault.next_batch_seq().expect("seq");
    let sealed = match (kind, case) {
        (0, _) => vec![0x5a; 200],
        (1, _) | (_, None) => crate::seal_batch(&dev.team, seq, b"not a batch at all").expect("sealed"),
        (_, Some(case_id)) => {
            let plain = crate::encode_batch(&fieldscreen_vault::Batch {
                updates: vec![fieldscreen_vault::CaseUpdate {
                    case_id,
                    bytes: b"these bytes are no Automerge change".to_vec(),
                }],
                erased: Vec::new(),
            });
            crate::seal_batch(&dev.team, seq, &plain).expect("sealed")
        }
    };
    assert_eq!(dev.vault.queue_batch(&sealed, &[], &[]).expect("queued"), seq);
    seq
}

struct Shared {
    relay: Rc<RefCell<SimRelay>>,
    rng: Rc<RefCell<Rng>>,
    faults: Rc<RefCell<Faults>>,
    mischief: Rc<RefCell<Mischief>>,
}

impl Shared {
    fn device(&self, team: Team, vault: Vault) -> Device {
        Device {
            net: SimNet {
                relay: self.relay.clone(),
                rng: self.rng.clone(),
                device: team.device_id.clone(),
                faults: self.faults.clone(),
                mischief: self.mischief.clone(),
                sent_before: Vec::new(),
            },
            vault,
            team,
            online: true,
            revoked_at: None,
            committed: Vec::new(),
            gap_seen: false,
        }
    }

    fn token() -> Zeroizing<String> {
        let mut b = [0u8; 32];
        getrandom::fill(&mut b).expect("random");
        Zeroizing::new(hex::encode(b))
    }

    /// The team's founder, registered with the relay's store.
    fn found(&self, team_id: &str) -> Device {
        let keys = DeviceKeys::generate().expect("keys");
        let (first, _) = TeamState::create(team_id, "Simulated", &keys, "founder").expect("first record");
        let token = Self::token();
        let hash: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        assert!(
            self.relay
                .borrow_mut()
                .store()
                .create_team(team_id, &first, &keys.device_id(), &hash)
                .expect("team")
        );
        let team = Team::from_log("sim://relay", token, keys, vec![first.clone()], &hash_of(&first)).expect("team");
        let mut vault = Vault::in_memory().expect("vault");
        team.save(&mut vault).expect("saved");
        self.device(team, vault)
    }

    /// A new device let in by `admin` through an invitation and a join request, as the relay
    /// keeps them; `None` when the network or the log's rules got in the way.
    fn enrol(&self, admin: &mut Device) -> Option<Device> {
        let team_id = admin.team.team_id.clone();
        let keys = DeviceKeys::generate().expect("keys");
        let token = Self::token();
        let inv = Invitation::new(
            "sim://relay",
            &team_id,
            admin.team.state.first_hash,
            &admin.team.device_id,
        )
        .expect("invitation");
        let request = JoinRequest::new(&inv, &keys, "sim device", &token);
        {
            let mut relay = self.relay.borrow_mut();
            let store = relay.store();
            let record = InvitationRecord {
                inviter: admin.team.device_id.clone(),
                secret_hash: secret_hash(inv.secret.as_slice()),
                expires_at: i64::MAX / 2,
            };
            store.add_invitation(&team_id, &inv.id, &record).expect("invitation");
            let row = RequestRecord {
                device: keys.device_id(),
                invitation: inv.id.clone(),
                request: request.encode(),
                token_hash: request.token_hash,
                at: 0,
            };
            store.add_request(&team_id, &row, 0).expect("request");
        }
        let member = Member {
            keys: keys.public(),
            name: "sim device".into(),
            admin: false,
        };
        let device = keys.device_id();
        let Device { vault, team, net, .. } = admin;
        append_with_retry(vault, team, net, Some(&device), &|t: &Team| {
            Ok(t.state.add(&t.keys, member.clone(), &inv.id, t.epoch_keys())?)
        })
        .ok()?;
        vault.resend_everything().expect("resend");
        let records = self.relay.borrow_mut().store().records(&team_id, 0).expect("records");
        let first_hash = admin.team.state.first_hash;
        let newcomer = Team::from_log("sim://relay", token, keys, records, &first_hash).expect("joined");
        let mut vault = Vault::in_memory().expect("vault");
        newcomer.save(&mut vault).expect("saved");
        Some(self.device(newcomer, vault))
    }

    /// The relay's log as it stands.
    fn log(&self, team: &str) -> TeamState {
        let records = self.relay.borrow_mut().store().records(team, 0).expect("records");
        TeamState::verify(&records, None).expect("the relay's log verifies")
    }
}

/// One membership change by a random admin. Errors (faults, refused by the rules) are part of
/// the simulation; what matters is what the relay's log ends up saying.
fn change_membership(sh: &Shared, devices: &mut Vec<Device>, seed: u64) {
    let admins: Vec<usize> = (0..devices.len())
        .filter(|&i| devices[i].revoked_at.is_none() && devices[i].team.admin())
        .collect();
    if admins.is_empty() {
        return;
    }
    let a = admins[sh.rng.borrow_mut().below(admins.len() as u64) as usize];
    let kind = sh.rng.borrow_mut().below(5);
    let active: Vec<usize> = (0..devices.len())
        .filter(|&i| devices[i].revoked_at.is_none())
        .collect();
    let target = active[sh.rng.borrow_mut().below(active.len() as u64) as usize];
    match kind {
        0 if devices.len() < 6 => {
            if let Some(d) = sh.enrol(&mut devices[a]) {
                devices.push(d);
            }
        }
        1 if target != a => {
            // The phone is lost after its last sync: everything it wrote had left it.
            let saved = sh.faults.borrow().percent;
            sh.faults.borrow_mut().percent = 0;
            let t = &mut devices[target];
            if let Err(e) = sync(&mut t.vault, &mut t.team, &mut t.net, &mut index, &mut |_| {}) {
                panic!("seed {seed}: a sync without faults failed: {e}");
            }
            sh.faults.borrow_mut().percent = saved;
            let id = devices[target].team.device_id.clone();
            let Device { vault, team, net, .. } = &mut devices[a];
            let _ = append_with_retry(vault, team, net, None, &|t: &Team| Ok(t.state.revoke(&t.keys, &id)?));
        }
        2 => {
            let Device { vault, team, net, .. } = &mut devices[a];
            let _ = append_with_retry(vault, team, net, None, &|t: &Team| Ok(t.state.rotate(&t.keys)?));
        }
        3 => {
            let id = devices[target].team.device_id.clone();
            let Device { vault, team, net, .. } = &mut devices[a];
            let _ = append_with_retry(vault, team, net, None, &|t: &Team| {
                Ok(t.state.set_admin(&t.keys, &id, true)?)
            });
        }
        _ => {
            // Two admins at once: each writes from its own (possibly stale) view; the relay
            // takes one, the other is told the log moved and tries again on top of it.
            for &b in admins.iter().take(2) {
                let dev = &mut devices[b];
                let Ok(record) = dev.team.state.rotate(&dev.team.keys) else {
                    continue;
                };
                match dev.net.append_record(&record, None) {
                    Ok(()) => {
                        let _ = dev.team.extend(vec![record]);
                        let _ = dev.team.save(&mut dev.vault);
                    }
                    Err(TransportError::Refused { status: 409, .. }) => {
                        let Device { vault, team, net, .. } = dev;
                        let _ = append_with_retry(vault, team, net, None, &|t: &Team| Ok(t.state.rotate(&t.keys)?));
                    }
                    Err(_) => {}
                }
            }
        }
    }
    let log = sh.log(&devices[0].team.team_id);
    for d in devices.iter_mut() {
        if let Some(entry) = log.device(&d.team.device_id)
            && let Some(at) = entry.revoked_at
        {
            d.revoked_at.get_or_insert(at);
        }
    }
}

fn index(doc: &CaseDoc) -> Option<CaseIndex> {
    Some(CaseIndex {
        state: fieldscreen_vault::CaseState::InProgress,
        answer_count: i64::try_from(doc.answers().ok()?.len()).ok()?,
        ..CaseIndex::default()
    })
}

fn meta() -> CaseMeta {
    CaseMeta {
        protocol_id: "rapid-screen".into(),
        protocol_version: "1.0.0".into(),
        interviewer_lang: "en".into(),
        respondent_lang: None,
        created_at: "2026-11-28T09:00:00Z".into(),
        organisation: None,
    }
}

const QUESTIONS: [&str; 4] = ["age", "debt", "documents", "hours"];

/// What a device's cases look like, for comparing devices.
fn state_of(v: &Vault) -> BTreeMap<String, (Vec<u8>, String, String)> {
    let mut out = BTreeMap::new();
    for c in v.list_cases(&CaseFilter::default()).expect("list") {
        let mut doc = v.load_case(&c.id).expect("case");
        let mut heads = doc.heads().chunks(32).map(<[u8]>::to_vec).collect::<Vec<_>>();
        heads.sort();
        let answers = format!("{:?}", doc.answers().expect("answers"));
        let mut conflicts = doc.conflicts().expect("conflicts");
        for (_, values) in &mut conflicts {
            values.sort_by_key(|a| format!("{a:?}"));
        }
        out.insert(c.id, (heads.concat(), answers, format!("{conflicts:?}")));
    }
    out
}

/// What one seed did, for the summary.
#[derive(Default)]
struct Tally {
    cases: usize,
    conflicts: usize,
    erased: usize,
    restarts: usize,
    revoked: usize,
    unreadable: usize,
    epochs: u64,
    set_aside: usize,
    withheld: usize,
    gaps_seen: usize,
}

fn run(seed: u64, dir: &std::path::Path) -> Tally {
    let rng = Rc::new(RefCell::new(Rng(seed)));
    let relay_path = dir.join(format!("relay-{seed}.db"));
    let _ = std::fs::remove_file(&relay_path);
    let team_id = format!("sim-{seed}");
    let relay = Rc::new(RefCell::new(SimRelay {
        path: relay_path.clone(),
        store: None,
        team: team_id.clone(),
        restarts: 0,
    }));
    let faults = Rc::new(RefCell::new(Faults { percent: 0 }));
    let mischief = Rc::new(RefCell::new(Mischief::default()));
    let sh = Shared {
        relay: relay.clone(),
        rng: rng.clone(),
        faults: faults.clone(),
        mischief: mischief.clone(),
    };
    let n = 2 + rng.borrow_mut().below(3) as usize;
    let mut devices = vec![sh.found(&team_id)];
    while devices.len() < n {
        let d = sh.enrol(&mut devices[0]).expect("enrolment without faults");
        devices.push(d);
    }
    faults.borrow_mut().percent = 12;
    // Half the seeds run against a relay that withholds a batch from one device.
    if rng.borrow_mut().chance(50) {
        let victim = rng.borrow_mut().below(devices.len() as u64) as usize;
        let mut m = mischief.borrow_mut();
        m.victim = Some(devices[victim].team.device_id.clone());
        m.armed = true;
        m.active = true;
    }

    let mut erased: Vec<String> = Vec::new();
    // Batches a member wrote that are junk: (device, batch number).
    let mut junk: Vec<(String, u64)> = Vec::new();
    let steps = 40 + rng.borrow_mut().below(40);
    for _ in 0..steps {
        let d = rng.borrow_mut().below(devices.len() as u64) as usize;
        let action = rng.borrow_mut().below(100);
        if (86..=88).contains(&action) {
            change_membership(&sh, &mut devices, seed);
            continue;
        }
        let dev = &mut devices[d];
        if dev.revoked_at.is_some() {
            continue;
        }
        match action {
            0..=14 => {
                let id = dev.vault.create_case(&meta(), &CaseIndex::default()).expect("case");
                let heads = dev.vault.load_case(&id).expect("case").heads();
                dev.committed.push((id, heads));
            }
            15..=57 => {
                let cases = dev.vault.list_cases(&CaseFilter::default()).expect("list");
                if cases.is_empty() {
                    continue;
                }
                let c = &cases[rng.borrow_mut().below(cases.len() as u64) as usize];
                let q = QUESTIONS[rng.borrow_mut().below(QUESTIONS.len() as u64) as usize];
                let value = Answer::Number(i64::try_from(rng.borrow_mut().below(100)).unwrap_or(0));
                dev.vault
                    .update_case(&c.id, "answer", &CaseIndex::default(), |doc| {
                        doc.set_answer(q, Some(&value))
                    })
                    .expect("edit");
                let heads = dev.vault.load_case(&c.id).expect("case").heads();
                dev.committed.push((c.id.clone(), heads));
            }
            58..=59 => {
                let cases = dev.vault.list_cases(&CaseFilter::default()).expect("list");
                if let Some(c) = cases.get(rng.borrow_mut().below(cases.len().max(1) as u64) as usize) {
                    dev.vault.delete_case(&c.id).expect("delete");
                    erased.push(c.id.clone());
                }
            }
            60..=89 => {
                if dev.online {
                    // Faults make syncs fail part-way; that is the point.
                    let _ = dev.sync();
                }
            }
            90..=96 => dev.online = !dev.online,
            97 => {
                let kind = rng.borrow_mut().below(3);
                let case = dev
                    .vault
                    .list_cases(&CaseFilter::default())
                    .expect("list")
                    .first()
                    .map(|c| c.id.clone());
                junk.push((dev.team.device_id.clone(), write_junk(dev, kind, case)));
            }
            _ => relay.borrow_mut().restart(),
        }
    }

    // The network heals, the relay behaves and everyone comes back: two quiet rounds reach
    // every device.
    faults.borrow_mut().percent = 0;
    mischief.borrow_mut().active = false;
    for _ in 0..2 {
        for dev in devices.iter_mut().filter(|d| d.revoked_at.is_none()) {
            dev.online = true;
            let report = dev.sync();
            if let Err(e) = report {
                panic!("seed {seed}: a sync without faults failed: {e}");
            }
        }
    }
    let mut set_aside = 0;
    for dev in devices.iter().filter(|d| d.revoked_at.is_none()) {
        assert_eq!(
            dev.vault.gaps(&team_id).expect("gaps"),
            Vec::new(),
            "seed {seed}: a withheld batch was never given again"
        );
        for q in dev.vault.quarantined(&team_id).expect("quarantine") {
            assert!(
                junk.contains(&(q.device.clone(), q.seq)),
                "seed {seed}: a batch that was not junk was set aside: {q:?}"
            );
            set_aside += 1;
        }
    }
    // A withheld batch must be seen as a gap when a later one of its device arrives (and the
    // convergence below shows it was asked for again); a page that went out without it may
    // also have been lost on the way, so it is counted over all seeds.
    let withheld = mischief.borrow().times;
    let gaps_seen = devices.iter().filter(|d| d.gap_seen).count();
    let log = sh.log(&team_id);
    let mut unreadable = 0;
    for dev in &mut devices {
        match dev.revoked_at {
            None => {
                assert_eq!(dev.team.state.head, log.head, "seed {seed}: a device holds another log");
                assert_eq!(
                    dev.team.state.epoch, log.epoch,
                    "seed {seed}: a device is in another epoch"
                );
            }
            Some(revoked_at) => unreadable += revoked_cannot_read(&sh, dev, revoked_at, seed),
        }
    }
    let revoked = devices.iter().filter(|d| d.revoked_at.is_some()).count();
    // What a revoked device wrote before its revocation had reached the relay: it must stay.
    let from_revoked: Vec<(String, Vec<u8>)> = devices
        .iter()
        .filter(|d| d.revoked_at.is_some())
        .flat_map(|d| d.committed.clone())
        .collect();
    devices.retain(|d| d.revoked_at.is_none());
    let reference = state_of(&devices[0].vault);
    for (i, dev) in devices.iter().enumerate().skip(1) {
        let other = state_of(&dev.vault);
        assert_eq!(
            reference.keys().collect::<Vec<_>>(),
            other.keys().collect::<Vec<_>>(),
            "seed {seed}: device {i} has other cases"
        );
        for (id, s) in &reference {
            assert_eq!(Some(s), other.get(id), "seed {seed}: device {i} differs on case {id}");
        }
    }
    for dev in &devices {
        for id in &erased {
            assert!(
                dev.vault.load_case(id).is_err(),
                "seed {seed}: a deleted case came back"
            );
        }
        for (id, heads) in dev
            .committed
            .iter()
            .chain(&from_revoked)
            .filter(|(id, _)| !erased.contains(id))
        {
            for other in &devices {
                let mut doc = other.vault.load_case(id).expect("every case everywhere");
                for h in heads.chunks(32) {
                    assert!(
                        doc.has_change(h),
                        "seed {seed}: a committed change of case {id} is missing"
                    );
                }
            }
        }
        assert!(
            dev.vault.outbox().expect("outbox").is_empty(),
            "seed {seed}: batches left unsent"
        );
    }
    let conflicts = reference.values().filter(|(_, _, c)| c != "[]").count();
    let restarts = relay.borrow().restarts;
    drop(devices);
    let _ = std::fs::remove_file(&relay_path);
    let _ = std::fs::remove_file(relay_path.with_extension("db-wal"));
    let _ = std::fs::remove_file(relay_path.with_extension("db-shm"));
    Tally {
        cases: reference.len(),
        conflicts,
        erased: erased.len(),
        restarts,
        revoked,
        unreadable,
        epochs: log.epoch,
        set_aside,
        withheld,
        gaps_seen,
    }
}

/// Every entry the relay's log still holds, page after page.
fn everything_stored(store: &dyn Store, team: &str) -> Vec<Frame> {
    let mut all: Vec<Frame> = Vec::new();
    loop {
        let page = store.read(team, all.last().map_or(0, |f| f.pos)).expect("frames");
        if page.is_empty() {
            return all;
        }
        all.extend(page);
    }
}

/// A revoked device, given the whole membership log and everything the relay still stores,
/// holds the key of no batch written after its revocation, and opens none. Returns how many
/// such batches it tried.
fn revoked_cannot_read(sh: &Shared, dev: &mut Device, revoked_at: u64, seed: u64) -> usize {
    let team = dev.team.team_id.clone();
    let later = sh
        .relay
        .borrow_mut()
        .store()
        .records(&team, dev.team.state.len)
        .expect("records");
    dev.team.extend(later).expect("the log extends");
    let frames = everything_stored(sh.relay.borrow_mut().store(), &team);
    let mut tried = 0;
    for f in frames
        .iter()
        .filter(|f| log_len_of(&f.sealed).is_some_and(|n| n > revoked_at))
    {
        let epoch = u64::from_be_bytes(f.sealed[1..9].try_into().expect("epoch"));
        assert!(
            dev.team.key(epoch).is_none(),
            "seed {seed}: a revoked device holds epoch {epoch}'s key"
        );
        assert!(
            open_batch(&dev.team, &f.device, f.seq, &f.sealed).is_err(),
            "seed {seed}: a revoked device opened a later batch"
        );
        tried += 1;
    }
    tried
}

#[test]
fn devices_converge_and_lose_nothing_whatever_the_network_does() {
    let seeds: u64 = std::env::var("SIM_SEEDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let first: u64 = std::env::var("SIM_FIRST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    // tmpfs when there is one: the relay's store syncs every commit.
    let base = if std::path::Path::new("/dev/shm").is_dir() {
        tempfile::tempdir_in("/dev/shm")
    } else {
        tempfile::tempdir()
    }
    .expect("dir");
    let mut all = Tally::default();
    for seed in first..first + seeds {
        let t = run(seed, base.path());
        all.cases += t.cases;
        all.conflicts += t.conflicts;
        all.erased += t.erased;
        all.restarts += t.restarts;
        all.revoked += t.revoked;
        all.unreadable += t.unreadable;
        all.epochs += t.epochs - 1;
        all.set_aside += t.set_aside;
        all.withheld += t.withheld;
        all.gaps_seen += t.gaps_seen;
    }
    eprintln!(
        "{seeds} seeds: {} cases converged, {} with kept conflicts, {} deleted everywhere, {} relay restarts; {} devices revoked, {} new epochs, {} later batches a revoked device could not open; {} junk entries set aside, {} pages sent without a withheld batch, {} devices that saw a gap",
        all.cases,
        all.conflicts,
        all.erased,
        all.restarts,
        all.revoked,
        all.epochs,
        all.unreadable,
        all.set_aside,
        all.withheld,
        all.gaps_seen
    );
    assert!(
        all.set_aside > 0,
        "no junk entry was set aside: the simulation does not test quarantine"
    );
    assert!(
        all.withheld > 0 && all.gaps_seen > 0,
        "no withheld batch was seen as a gap: the simulation does not test gaps"
    );
    assert!(
        all.revoked > 0 && all.unreadable > 0,
        "no seed revoked a device that then faced later batches: the simulation does not test revocation"
    );
    assert!(
        all.conflicts > 0,
        "no seed produced a concurrent edit: the simulation does not test merging"
    );
    assert!(
        all.erased > 0,
        "no seed deleted a case: the simulation does not test erasure"
    );
}

/// A relay on `dir` and two devices of one team on a network without faults.
fn quiet_team(dir: &std::path::Path) -> (Shared, Device, Device) {
    let relay = Rc::new(RefCell::new(SimRelay {
        path: dir.join("relay.db"),
        store: None,
        team: "quiet".into(),
        restarts: 0,
    }));
    let sh = Shared {
        relay,
        rng: Rc::new(RefCell::new(Rng(7))),
        faults: Rc::new(RefCell::new(Faults { percent: 0 })),
        mischief: Rc::new(RefCell::new(Mischief::default())),
    };
    let mut a = sh.found("quiet");
    let b = sh.enrol(&mut a).expect("enrolled");
    (sh, a, b)
}

fn new_case(dev: &mut Device, answers: &[(&str, Answer)]) -> String {
    let id = dev.vault.create_case(&meta(), &CaseIndex::default()).expect("case");
    for (q, a) in answers {
        dev.vault
            .update_case(&id, "answer", &CaseIndex::default(), |doc| doc.set_answer(q, Some(a)))
            .expect("answer");
    }
    id
}

/// Every case update in the device's outbox, opened as the relay's readers would open it:
/// (case id, its answers as text).
fn outbox_contents(dev: &Device) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (seq, sealed) in dev.vault.outbox().expect("outbox") {
        let plain = open_batch(&dev.team, &dev.team.device_id, seq, &sealed).expect("opens");
        for u in crate::decode_batch(&plain).expect("decodes").updates {
            let doc = CaseDoc::load(None, [u.bytes.as_slice()], &[9; 16]).expect("loads");
            out.push((u.case_id, format!("{:?}", doc.answers().expect("answers"))));
        }
    }
    out
}

#[test]
fn a_case_deleted_before_its_batch_left_is_taken_out_of_the_outbox() {
    let dir = tempfile::tempdir().expect("dir");
    let (_sh, mut a, mut b) = quiet_team(dir.path());
    let marker = "MARKER-OUTBOX-4417";
    let gone = new_case(&mut a, &[("name", Answer::Text(marker.into()))]);
    let kept = new_case(&mut a, &[("hours", Answer::Number(14))]);
    crate::pack(&mut a.vault, &a.team).expect("packed");
    let before = outbox_contents(&a);
    assert!(
        before
            .iter()
            .any(|(id, answers)| *id == gone && answers.contains(marker)),
        "the marker is not readable in the outbox even before the delete: the check proves nothing"
    );

    a.vault.delete_case(&gone).expect("deleted");
    let after = outbox_contents(&a);
    assert!(
        after
            .iter()
            .all(|(id, answers)| *id != gone && !answers.contains(marker)),
        "{after:?}"
    );
    a.sync().expect("a syncs");
    b.sync().expect("b syncs");
    assert!(b.vault.load_case(&kept).is_ok(), "the other case went too");
    assert!(b.vault.load_case(&gone).is_err(), "the deleted case arrived");
    assert!(
        b.vault.erasures().expect("erasures").contains(&gone),
        "the erasure did not arrive"
    );
    assert_eq!(state_of(&a.vault), state_of(&b.vault));
}

#[test]
fn a_case_is_listed_as_begun_at_the_same_time_on_every_device() {
    let dir = tempfile::tempdir().expect("dir");
    let (_sh, mut a, mut b) = quiet_team(dir.path());
    let id = new_case(&mut a, &[("hours", Answer::Number(70))]);
    a.sync().expect("a syncs");
    b.sync().expect("b syncs");
    let listed = |dev: &Device| {
        dev.vault
            .list_cases(&fieldscreen_vault::CaseFilter::default())
            .expect("list")
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.created_at)
            .expect("listed")
    };
    let started = a.vault.load_case(&id).expect("case").meta().expect("meta").created_at;
    assert_eq!(listed(&a), started, "the device that began it lists another time");
    assert_eq!(listed(&b), started, "the device it reached lists another time");
}

/// A "same person" mark made on one device reaches the others with the case, and so does its
/// taking back; the organisation that screened travels in the case's metadata.
#[test]
fn the_same_person_mark_and_the_screening_organisation_travel_with_the_case() {
    let dir = tempfile::tempdir().expect("dir");
    let (_sh, mut a, mut b) = quiet_team(dir.path());
    a.vault
        .set_organisation_type(Some(fieldscreen_vault::OrganisationType::Police))
        .expect("set");
    let earlier = new_case(&mut a, &[("hours", Answer::Number(70))]);
    let later = new_case(&mut a, &[("hours", Answer::Number(14))]);
    a.vault.set_same_person(&later, Some(&earlier)).expect("linked");
    a.sync().expect("a syncs");
    b.sync().expect("b syncs");
    let mark = |dev: &Device| {
        dev.vault
            .load_case(&later)
            .expect("case")
            .same_person_as()
            .expect("read")
    };
    assert_eq!(mark(&b), Some(earlier.clone()));
    let org = b
        .vault
        .load_case(&earlier)
        .expect("case")
        .meta()
        .expect("meta")
        .organisation;
    assert_eq!(org, Some(fieldscreen_vault::OrganisationType::Police));
    // B takes the mark back; A sees that too.
    b.vault.set_same_person(&later, None).expect("unlinked");
    b.sync().expect("b syncs");
    a.sync().expect("a syncs");
    assert_eq!(mark(&a), None);
    assert_eq!(state_of(&a.vault), state_of(&b.vault));
}

#[test]
fn a_batch_number_the_relay_already_holds_is_left_to_it() {
    let dir = tempfile::tempdir().expect("dir");
    let (_sh, mut a, mut b) = quiet_team(dir.path());
    let gone = new_case(&mut a, &[("hours", Answer::Number(70))]);
    let kept = new_case(&mut a, &[("hours", Answer::Number(14))]);
    crate::pack(&mut a.vault, &a.team).expect("packed");
    // The batch reaches the relay but its acknowledgement is lost; then the case is deleted,
    // so the outbox is packed again under the same number, with other content.
    let (seq, sealed) = a.vault.outbox().expect("outbox").remove(0);
    a.net.upload(seq, &sealed).expect("stored");
    a.vault.delete_case(&gone).expect("deleted");
    let report = a.sync().expect("a syncs past the taken number");
    assert!(report.batches_sent >= 1, "{report:?}");
    assert!(a.vault.outbox().expect("outbox").is_empty());
    assert!(a.vault.next_batch_seq().expect("seq") > seq + 1);
    b.sync().expect("b syncs");
    // B had the old batch (the case whole) and then its erasure.
    assert!(b.vault.load_case(&gone).is_err());
    assert!(b.vault.load_case(&kept).is_ok());
    assert_eq!(state_of(&a.vault), state_of(&b.vault));
}

#[test]
fn a_batch_the_relay_withholds_is_reported_and_asked_for_again() {
    let dir = tempfile::tempdir().expect("dir");
    let (sh, mut a, mut b) = quiet_team(dir.path());
    let case = new_case(&mut a, &[("hours", Answer::Number(1))]);
    for hours in [2, 3] {
        a.sync().expect("a syncs");
        a.vault
            .update_case(&case, "answer", &CaseIndex::default(), |doc| {
                doc.set_answer("hours", Some(&Answer::Number(hours)))
            })
            .expect("edit");
    }
    a.sync().expect("a syncs");
    let a_id = a.team.device_id.clone();
    let pos = sh
        .relay
        .borrow_mut()
        .store()
        .batch("quiet", &a_id, 2)
        .expect("batch")
        .expect("stored")
        .pos;
    {
        let mut m = sh.mischief.borrow_mut();
        m.active = true;
        m.victim = Some(b.team.device_id.clone());
        m.withheld = Some((a_id.clone(), 2, pos));
    }
    let report = b.sync().expect("b syncs");
    let gap = Gap {
        device: a_id.clone(),
        seq: 2,
    };
    assert_eq!(report.gaps_found, vec![gap.clone()]);
    assert_eq!(report.gaps_open, vec![gap.clone()]);
    assert!(report.troubled());
    assert_eq!(b.vault.gaps("quiet").expect("gaps"), vec![gap.clone()]);
    // Without batch 2, B cannot apply batch 3 either: it waits, and nothing is lost.
    assert_ne!(state_of(&a.vault), state_of(&b.vault));

    sh.mischief.borrow_mut().active = false;
    let report = b.sync().expect("b syncs again");
    assert_eq!(report.gaps_filled, vec![gap]);
    assert!(report.gaps_open.is_empty() && !report.troubled(), "{report:?}");
    assert_eq!(state_of(&a.vault), state_of(&b.vault));
}

/// The relay over HTTP in this process (on the store file `path`), as devices reach it.
fn http_relay(path: &std::path::Path) -> String {
    let store = std::sync::Arc::new(SqliteStore::open(&path.display().to_string()).expect("store"));
    let config = fieldscreen_relay::Config {
        registration: fieldscreen_relay::Registration::Open,
        ..fieldscreen_relay::Config::default()
    };
    let app = fieldscreen_relay::router(store, config);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            let limits = fieldscreen_relay::Limits::default();
            fieldscreen_relay::serve(listener, app, limits, std::future::pending())
                .await
                .expect("serve");
        });
    });
    format!("http://{addr}")
}

/// A link of `bits_per_second` each way in front of `target`: bytes pass in small pieces, each
/// after the time the link would take to carry it.
fn throttled(target: &str, bits_per_second: u64) -> String {
    use std::io::{Read, Write};
    let target = target.trim_start_matches("http://").to_string();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let Ok(server) = std::net::TcpStream::connect(&target) else {
                continue;
            };
            let pipe = move |mut from: std::net::TcpStream, mut to: std::net::TcpStream| {
                std::thread::spawn(move || {
                    let mut buf = [0u8; 1024];
                    let started = std::time::Instant::now();
                    let mut sent: u64 = 0;
                    while let Ok(n) = from.read(&mut buf) {
                        if n == 0 || to.write_all(&buf[..n]).is_err() {
                            break;
                        }
                        sent += n as u64;
                        let due = std::time::Duration::from_secs_f64(sent as f64 * 8.0 / bits_per_second as f64);
                        if let Some(wait) = due.checked_sub(started.elapsed()) {
                            std::thread::sleep(wait);
                        }
                    }
                    let _ = to.shutdown(std::net::Shutdown::Write);
                });
            };
            if let (Ok(c), Ok(s)) = (client.try_clone(), server.try_clone()) {
                pipe(c, s);
                pipe(server, client);
            }
        }
    });
    format!("http://{addr}")
}

/// A phone on a 1 Mbit/s link takes in a log of many 1 MiB batches: more than any one request
/// could carry in the time a whole-exchange timeout would allow (the client once gave each
/// request 60 s, and a page held up to 500 batches). Pages bounded by bytes and timeouts per
/// read let it finish, page after page. `SLOW_LINK_BATCHES` sets how many (CI: 10, over 8 MB,
/// about 70 s beside the simulation; `scripts/sync-soak.sh`: 20).
#[test]
fn a_device_on_a_slow_link_takes_in_a_large_log_page_by_page() {
    use rand_like::random_text;
    let batches: usize = std::env::var("SLOW_LINK_BATCHES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let dir = tempfile::tempdir().expect("dir");
    let (_sh, mut a, mut b) = quiet_team(dir.path());
    let direct = http_relay(&dir.path().join("relay.db"));
    a.team.relay = direct.clone();
    b.team.relay = throttled(&direct, 1_000_000);
    for i in 0..batches {
        // Close to a full batch each, and incompressible.
        new_case(&mut a, &[("notes", Answer::Text(random_text(1_000_000, i as u64)))]);
    }
    let mut http_a = crate::HttpRelay::new(&a.team);
    let sent = sync(&mut a.vault, &mut a.team, &mut http_a, &mut index, &mut |_| {}).expect("a sends");
    assert_eq!(sent.batches_sent, batches, "{sent:?}");
    let started = std::time::Instant::now();
    let mut http_b = crate::HttpRelay::new(&b.team);
    let got = sync(&mut b.vault, &mut b.team, &mut http_b, &mut index, &mut |_| {}).expect("b takes it all in");
    let took = started.elapsed();
    eprintln!(
        "{} batches, {} bytes over 1 Mbit/s in {took:?}",
        got.batches_received, got.bytes_received
    );
    assert_eq!(got.batches_received, batches);
    assert!(
        took > std::time::Duration::from_secs(60) || batches < 10,
        "the link was not slow enough to need more than one 60 s exchange: the test proves nothing"
    );
    assert_eq!(state_of(&a.vault), state_of(&b.vault));
}

/// Deterministic text that Automerge's compression cannot shrink much.
mod rand_like {
    pub fn random_text(len: usize, seed: u64) -> String {
        let mut rng = super::Rng(seed.wrapping_mul(7919).wrapping_add(1));
        (0..len).map(|_| char::from(b'!' + (rng.below(94) as u8))).collect()
    }
}
