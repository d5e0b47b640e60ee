//! A deterministic simulation: several devices (real vaults, in memory) and a relay (the real
//! relay store, on a file so it can be restarted) exchanging batches through a network that
//! drops, duplicates, replays and truncates messages, while devices edit the same cases, delete
//! some, and go offline for long stretches. After the faults stop, every device must hold the
//! same cases, the same answers and the same conflicts, every change any device ever committed to
//! a case that nobody deleted, and none of the deleted cases.
//! `SIM_SEEDS` sets how many seeds run (CI: 1,000; `scripts/sync-soak.sh`: 10,000).

use crate::client::{Transport, TransportError, sync};
use crate::team::Team;
use fieldscreen_protocol::Answer;
use fieldscreen_relay::{Append, SqliteStore, Store};
use fieldscreen_vault::{CaseDoc, CaseFilter, CaseIndex, CaseMeta, Vault};
use fieldscreen_wire::{Frame, decode_frames, encode_frames};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

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

/// One device's view of the network: every call may be dropped on the way there or back,
/// duplicated, cut short, or followed by a replay of an old upload.
struct SimNet {
    relay: Rc<RefCell<SimRelay>>,
    rng: Rc<RefCell<Rng>>,
    device: String,
    faults: Rc<RefCell<Faults>>,
    sent_before: Vec<(u64, Vec<u8>)>,
}

impl SimNet {
    fn fault(&self) -> bool {
        let p = self.faults.borrow().percent;
        self.rng.borrow_mut().chance(p)
    }
    fn down() -> TransportError {
        TransportError::Unreachable("simulated network fault".into())
    }
}

impl Transport for SimNet {
    fn upload(&mut self, seq: u64, sealed: &[u8]) -> Result<(), TransportError> {
        if self.fault() {
            return Err(Self::down()); // lost on the way
        }
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
                message: "conflict".into(),
            }),
        }
    }

    fn download(&mut self, after: u64, limit: usize) -> Result<Vec<Frame>, TransportError> {
        if self.fault() {
            return Err(Self::down());
        }
        let team = self.relay.borrow().team.clone();
        let frames = {
            let mut relay = self.relay.borrow_mut();
            let store = relay.store();
            store.acknowledge(&team, &self.device, after).expect("ack");
            let mut frames = store.read(&team, after, limit).expect("read");
            for f in frames.iter_mut().filter(|f| f.device == self.device) {
                f.sealed = Vec::new();
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
}

struct Device {
    vault: Vault,
    team: Team,
    net: SimNet,
    online: bool,
    /// Every change this device committed: (case, heads right after).
    committed: Vec<(String, Vec<u8>)>,
}

fn index(doc: &CaseDoc) -> Option<CaseIndex> {
    Some(CaseIndex {
        state: "in-progress".into(),
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
}

fn run(seed: u64, dir: &std::path::Path) -> Tally {
    let rng = Rc::new(RefCell::new(Rng(seed)));
    let relay_path = dir.join(format!("relay-{seed}.db"));
    let _ = std::fs::remove_file(&relay_path);
    let admin = Team::new("sim://relay").expect("team");
    let relay = Rc::new(RefCell::new(SimRelay {
        path: relay_path.clone(),
        store: None,
        team: admin.team_id.clone(),
        restarts: 0,
    }));
    let faults = Rc::new(RefCell::new(Faults { percent: 12 }));
    let n = 2 + rng.borrow_mut().below(3) as usize;
    let mut devices: Vec<Device> = (0..n)
        .map(|i| {
            let team = if i == 0 {
                admin.clone()
            } else {
                Team::from_enrolment(admin.invite().expect("invite"))
            };
            let hash: [u8; 32] = Sha256::digest(team.token.as_bytes()).into();
            {
                let mut r = relay.borrow_mut();
                let store = r.store();
                if i == 0 {
                    store.create_team(&team.team_id, &team.device_id, &hash).expect("team");
                } else {
                    store.add_device(&team.team_id, &team.device_id, &hash).expect("device");
                }
            }
            let mut vault = Vault::in_memory().expect("vault");
            team.save(&mut vault).expect("team saved");
            Device {
                net: SimNet {
                    relay: relay.clone(),
                    rng: rng.clone(),
                    device: team.device_id.clone(),
                    faults: faults.clone(),
                    sent_before: Vec::new(),
                },
                vault,
                team,
                online: true,
                committed: Vec::new(),
            }
        })
        .collect();

    let mut erased: Vec<String> = Vec::new();
    let steps = 40 + rng.borrow_mut().below(40);
    for _ in 0..steps {
        let d = rng.borrow_mut().below(n as u64) as usize;
        let action = rng.borrow_mut().below(100);
        let dev = &mut devices[d];
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
                    let _ = sync(&mut dev.vault, &dev.team, &mut dev.net, &mut index, &mut |_| {});
                }
            }
            90..=96 => dev.online = !dev.online,
            _ => relay.borrow_mut().restart(),
        }
    }

    // The network heals and everyone comes back: two quiet rounds reach every device.
    faults.borrow_mut().percent = 0;
    for _ in 0..2 {
        for dev in &mut devices {
            dev.online = true;
            let report = sync(&mut dev.vault, &dev.team, &mut dev.net, &mut index, &mut |_| {});
            if let Err(e) = report {
                panic!("seed {seed}: a sync without faults failed: {e}");
            }
        }
    }
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
        for (id, heads) in dev.committed.iter().filter(|(id, _)| !erased.contains(id)) {
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
    }
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
    }
    eprintln!(
        "{seeds} seeds: {} cases converged, {} with kept conflicts, {} deleted everywhere, {} relay restarts",
        all.cases, all.conflicts, all.erased, all.restarts
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
