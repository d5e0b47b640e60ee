//! The relay's HTTP API in process: every refused request says why, with the right status, and
//! changes nothing.

use crate::store::{InvitationRecord, SqliteStore, Store};
use crate::{Config, Registration, router};
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use fieldscreen_team::{DeviceKeys, Invitation, JoinRequest, Member, TeamState, secret_hash};
use fieldscreen_wire::{DIGEST_HEADER, MAX_BATCH_BYTES, TOKEN_HEADER, decode_frames};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use tower::ServiceExt;

/// A relay whose operator opened registration, as most tests need one.
fn open() -> Config {
    Config {
        registration: Registration::Open,
        ..Config::default()
    }
}

const ADMIN_TOKEN: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const MEMBER_TOKEN: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

struct Harness {
    app: axum::Router,
    store: Arc<SqliteStore>,
    _dir: tempfile::TempDir,
}

/// Team `t1` as its devices hold it: the admin's and the member's keys, and the log.
struct Team {
    admin: DeviceKeys,
    member: DeviceKeys,
    state: TeamState,
}

impl Team {
    fn admin_id(&self) -> String {
        self.admin.device_id()
    }
    fn member_id(&self) -> String {
        self.member.device_id()
    }
    fn admin_auth(&self) -> String {
        format!("Bearer {}.{ADMIN_TOKEN}", self.admin_id())
    }
    fn member_auth(&self) -> String {
        format!("Bearer {}.{MEMBER_TOKEN}", self.member_id())
    }
}

impl Harness {
    fn new(config: Config) -> Harness {
        let dir = tempfile::tempdir().expect("dir");
        let store = Arc::new(SqliteStore::open(&dir.path().join("r.db").display().to_string()).expect("store"));
        Harness {
            app: router(store.clone(), config),
            store,
            _dir: dir,
        }
    }

    async fn send(&self, req: Request<Body>) -> (StatusCode, Vec<u8>) {
        let resp = self.app.clone().oneshot(req).await.expect("answered");
        let status = resp.status();
        let body = to_bytes(resp.into_body(), usize::MAX).await.expect("body");
        (status, body.to_vec())
    }

    async fn json(&self, method: &str, uri: &str, auth: Option<&str>, body: &str) -> (StatusCode, String) {
        self.raw(method, uri, auth, body.as_bytes().to_vec()).await
    }

    async fn raw(&self, method: &str, uri: &str, auth: Option<&str>, body: Vec<u8>) -> (StatusCode, String) {
        let mut r = Request::builder().method(method).uri(uri);
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let (s, b) = self.send(r.body(Body::from(body)).expect("request")).await;
        (s, String::from_utf8_lossy(&b).into_owned())
    }

    async fn upload(
        &self,
        team: &str,
        device: &str,
        auth: &str,
        seq: u64,
        body: &[u8],
        digest_of: &[u8],
    ) -> (StatusCode, String) {
        let req = Request::builder()
            .method("PUT")
            .uri(format!("/v1/teams/{team}/devices/{device}/batches/{seq}"))
            .header("authorization", auth)
            .header(DIGEST_HEADER, hex::encode(Sha256::digest(digest_of)))
            .body(Body::from(body.to_vec()))
            .expect("request");
        let (s, b) = self.send(req).await;
        (s, String::from_utf8_lossy(&b).into_owned())
    }

    /// A new team `id` whose founder holds `keys` and `token`.
    async fn create(&self, id: &str, keys: &DeviceKeys, token: &str, auth: Option<&str>) -> (StatusCode, TeamState) {
        let (first, _) = TeamState::create(id, "Office", keys, "office laptop").expect("first record");
        let mut r = Request::builder()
            .method("POST")
            .uri("/v1/teams")
            .header(TOKEN_HEADER, token);
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let (s, _) = self.send(r.body(Body::from(first.clone())).expect("request")).await;
        (s, TeamState::verify(&[&first], None).expect("verifies"))
    }

    /// An invitation by the admin; returns it.
    async fn invite(&self, team: &Team, auth: &str) -> (StatusCode, Invitation) {
        let inv = Invitation::new("http://relay", "t1", team.state.first_hash, &team.admin_id()).expect("inv");
        let body = serde_json::json!({ "id": inv.id, "secret_hash": hex::encode(secret_hash(inv.secret.as_slice())) });
        let (s, _) = self
            .json("POST", "/v1/teams/t1/invitations", Some(auth), &body.to_string())
            .await;
        (s, inv)
    }

    async fn request(&self, inv: &Invitation, keys: &DeviceKeys, token: &str, secret: &str) -> (StatusCode, String) {
        let req = JoinRequest::new(inv, keys, "phone", token);
        let body = serde_json::json!({ "secret": secret, "request": hex::encode(req.encode()) });
        self.json(
            "POST",
            &format!("/v1/teams/t1/invitations/{}/requests", inv.id),
            None,
            &body.to_string(),
        )
        .await
    }

    async fn append(&self, record: Vec<u8>, auth: &str, approve: Option<&str>) -> (StatusCode, String) {
        let uri = approve.map_or_else(
            || "/v1/teams/t1/membership".to_string(),
            |d| format!("/v1/teams/t1/membership?approve={d}"),
        );
        self.raw("POST", &uri, Some(auth), record).await
    }

    /// Team `t1`: an admin, and a member let in through an invitation and a join request.
    async fn team(&self) -> Team {
        let admin = DeviceKeys::generate().expect("keys");
        let member = DeviceKeys::generate().expect("keys");
        let (s, mut state) = self.create("t1", &admin, ADMIN_TOKEN, None).await;
        assert_eq!(s, StatusCode::CREATED);
        let mut team = Team {
            admin,
            member,
            state: state.clone(),
        };
        let (s, inv) = self.invite(&team, &team.admin_auth()).await;
        assert_eq!(s, StatusCode::CREATED);
        let (s, m) = self.request(&inv, &team.member, MEMBER_TOKEN, &inv.secret_hex()).await;
        assert_eq!(s, StatusCode::CREATED, "{m}");
        let held = state.epoch_keys(&team.admin).expect("keys");
        let m = Member {
            keys: team.member.public(),
            name: "phone".into(),
            admin: false,
        };
        let record = state.add(&team.admin, m, &inv.id, &held).expect("add");
        let (s, m) = self
            .append(record.clone(), &team.admin_auth(), Some(&team.member_id()))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{m}");
        state.apply(&record).expect("applies");
        team.state = state;
        team
    }
}

#[tokio::test]
async fn uploads_are_ordered_idempotent_and_checked() {
    let h = Harness::new(open());
    let t = h.team().await;
    let m = t.member_auth();
    let mid = t.member_id();
    let member = mid.as_str();
    assert_eq!(
        h.upload("t1", member, &m, 1, b"one", b"one").await.0,
        StatusCode::CREATED
    );
    // The same batch again (a retry) changes nothing; a different one under the number is refused.
    assert_eq!(h.upload("t1", member, &m, 1, b"one", b"one").await.0, StatusCode::OK);
    let (s, msg) = h.upload("t1", member, &m, 1, b"uno", b"uno").await;
    assert_eq!(
        (s, msg.as_str()),
        (StatusCode::CONFLICT, "a different batch already has this number")
    );
    let (s, msg) = h.upload("t1", member, &m, 3, b"three", b"three").await;
    assert_eq!((s, msg.as_str()), (StatusCode::CONFLICT, "expected batch 2 first"));
    // Cut short on the way: the digest names the whole body.
    let (s, msg) = h.upload("t1", member, &m, 2, b"tw", b"two").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{msg}");
    assert_eq!(h.store.entries("t1").expect("entries"), 1);
    let big = vec![0u8; MAX_BATCH_BYTES + 1];
    assert_eq!(
        h.upload("t1", member, &m, 2, &big, &big).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        h.upload("t1", member, &m, 2, b"two", b"two").await.0,
        StatusCode::CREATED
    );

    let req = Request::builder()
        .uri("/v1/teams/t1/log?after=0")
        .header("authorization", t.admin_auth())
        .body(Body::empty())
        .expect("request");
    let (s, body) = h.send(req).await;
    assert_eq!(s, StatusCode::OK);
    let frames = decode_frames(&body).expect("frames");
    let seen: Vec<(&str, u64, &[u8])> = frames
        .iter()
        .map(|f| (f.device.as_str(), f.seq, f.sealed.as_slice()))
        .collect();
    assert_eq!(seen, [(member, 1, &b"one"[..]), (member, 2, &b"two"[..])]);
    // Its own batches come back to a device as places in the log, without their bytes.
    let req = Request::builder()
        .uri("/v1/teams/t1/log?after=0")
        .header("authorization", t.member_auth())
        .body(Body::empty())
        .expect("request");
    let own = decode_frames(&h.send(req).await.1).expect("frames");
    let own: Vec<(u64, usize)> = own.iter().map(|f| (f.seq, f.sealed.len())).collect();
    assert_eq!(own, [(1, 0), (2, 0)]);
}

#[tokio::test]
async fn teams_and_devices_are_kept_apart() {
    let h = Harness::new(open());
    let t = h.team().await;
    let x_keys = DeviceKeys::generate().expect("keys");
    let x_token = "c".repeat(64);
    assert_eq!(h.create("t2", &x_keys, &x_token, None).await.0, StatusCode::CREATED);
    let x = format!("Bearer {}.{x_token}", x_keys.device_id());
    // A device of t2 can neither read nor write t1, nor write another device's log.
    let (s, _) = h.json("GET", "/v1/teams/t1/log", Some(&x), "").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert_eq!(
        h.json("GET", "/v1/teams/t1/membership", Some(&x), "").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        h.upload("t1", &x_keys.device_id(), &x, 1, b"z", b"z").await.0,
        StatusCode::UNAUTHORIZED
    );
    let (s, msg) = h.upload("t1", &t.admin_id(), &t.member_auth(), 1, b"z", b"z").await;
    assert_eq!(
        (s, msg.as_str()),
        (StatusCode::FORBIDDEN, "a device can only write its own log")
    );
    // Forged: the right device with a wrong token, or no token at all.
    let forged = format!("Bearer {}.{}", t.member_id(), "d".repeat(64));
    assert_eq!(
        h.upload("t1", &t.member_id(), &forged, 1, b"z", b"z").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        h.json("GET", "/v1/teams/t1/log", None, "").await.0,
        StatusCode::UNAUTHORIZED
    );
    // A team's first record must verify; the same team twice is refused.
    assert_eq!(h.create("t2", &x_keys, &x_token, None).await.0, StatusCode::CONFLICT);
    let (s, _) = h.raw("POST", "/v1/teams", None, b"FSM1 not a record".to_vec()).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(
        h.store.entries("t1").expect("entries"),
        0,
        "a refused request stored something"
    );
}

#[tokio::test]
async fn an_invitation_works_once_until_it_expires_and_counts_its_requests() {
    let h = Harness::new(open());
    let t = h.team().await;
    // Only an admin invites.
    assert_eq!(h.invite(&t, &t.member_auth()).await.0, StatusCode::FORBIDDEN);
    let (s, inv) = h.invite(&t, &t.admin_auth()).await;
    assert_eq!(s, StatusCode::CREATED);
    // The holder of the code may read the log (to check the team) and nothing else.
    let by_code = format!("Invite {}.{}", inv.id, inv.secret_hex().as_str());
    let (s, _) = h.json("GET", "/v1/teams/t1/membership", Some(&by_code), "").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        h.json("GET", "/v1/teams/t1/log", Some(&by_code), "").await.0,
        StatusCode::UNAUTHORIZED
    );
    let wrong = format!("Invite {}.{}", inv.id, "00".repeat(16));
    assert_eq!(
        h.json("GET", "/v1/teams/t1/membership", Some(&wrong), "").await.0,
        StatusCode::UNAUTHORIZED
    );
    let (photographer, newcomer) = (
        DeviceKeys::generate().expect("keys"),
        DeviceKeys::generate().expect("keys"),
    );
    assert_eq!(
        h.request(&inv, &newcomer, &"e".repeat(64), &"00".repeat(16)).await.0,
        StatusCode::UNAUTHORIZED,
        "a wrong secret"
    );
    // The photographer asks first; the newcomer's request still goes in, as the second.
    let (s, m) = h.request(&inv, &photographer, &"f".repeat(64), &inv.secret_hex()).await;
    assert_eq!((s, m.as_str()), (StatusCode::CREATED, r#"{"nth":1}"#));
    let (s, m) = h.request(&inv, &newcomer, &"e".repeat(64), &inv.secret_hex()).await;
    assert_eq!((s, m.as_str()), (StatusCode::CREATED, r#"{"nth":2}"#));
    let (s, listed) = h.json("GET", "/v1/teams/t1/requests", Some(&t.admin_auth()), "").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(listed.matches(&inv.id).count(), 2, "{listed}");
    assert_eq!(
        h.json("GET", "/v1/teams/t1/requests", Some(&t.member_auth()), "")
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let status = |keys: &DeviceKeys, token: &str| format!("Bearer {}.{token}", keys.device_id());
    let uri = format!("/v1/teams/t1/requests/{}", newcomer.device_id());
    assert_eq!(
        h.json("GET", &uri, Some(&status(&newcomer, &"e".repeat(64))), "").await,
        (StatusCode::OK, "pending".to_string())
    );
    // An added device must answer its own request, with the keys it asked with.
    let held = t.state.epoch_keys(&t.admin).expect("keys");
    let m = Member {
        keys: newcomer.public(),
        name: "phone".into(),
        admin: false,
    };
    let record = t.state.add(&t.admin, m, &inv.id, &held).expect("add");
    assert_eq!(
        h.append(record.clone(), &t.admin_auth(), None).await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        h.append(record.clone(), &t.admin_auth(), Some(&photographer.device_id()))
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
    let (s, m) = h.append(record, &t.admin_auth(), Some(&newcomer.device_id())).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    assert_eq!(
        h.json("GET", &uri, Some(&status(&newcomer, &"e".repeat(64))), "").await,
        (StatusCode::OK, "approved".to_string())
    );
    // Used: forgotten, with the photographer's request; a new request on it is refused.
    let photo_uri = format!("/v1/teams/t1/requests/{}", photographer.device_id());
    assert_eq!(
        h.json("GET", &photo_uri, Some(&status(&photographer, &"f".repeat(64))), "")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let late = DeviceKeys::generate().expect("keys");
    let (s, m) = h.request(&inv, &late, &"a".repeat(64), &inv.secret_hex()).await;
    assert_eq!(s, StatusCode::GONE, "{m}");
    // Expired: refused, and forgotten.
    let (_, old) = h.invite(&t, &t.admin_auth()).await;
    let expired = InvitationRecord {
        inviter: t.admin_id(),
        secret_hash: secret_hash(old.secret.as_slice()),
        expires_at: 1,
    };
    let (s, _) = h.invite(&t, &t.admin_auth()).await;
    assert_eq!(s, StatusCode::CREATED);
    assert!(h.store.add_invitation("t1", "expired-one", &expired).expect("stored"));
    let mut stale = old.clone();
    stale.id = "expired-one".into();
    assert_eq!(
        h.request(&stale, &late, &"a".repeat(64), &old.secret_hex()).await.0,
        StatusCode::GONE
    );
    assert!(h.store.invitation("t1", "expired-one", 2).expect("read").is_none());
    // An invitation takes a handful of requests, then no more.
    let (_, busy) = h.invite(&t, &t.admin_auth()).await;
    for n in 0..fieldscreen_wire::MAX_REQUESTS_PER_INVITATION {
        let k = DeviceKeys::generate().expect("keys");
        assert_eq!(
            h.request(&busy, &k, &"a".repeat(64), &busy.secret_hex()).await.0,
            StatusCode::CREATED,
            "{n}"
        );
    }
    let k = DeviceKeys::generate().expect("keys");
    assert_eq!(
        h.request(&busy, &k, &"a".repeat(64), &busy.secret_hex()).await.0,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn the_relay_keeps_only_records_that_follow_the_log_and_its_door_follows_them() {
    let h = Harness::new(open());
    let mut t = h.team().await;
    // A forged record (one bit), one posted by a device that did not sign it, and one by a
    // member who is not an admin: refused, the log unchanged.
    let rotate = t.state.rotate(&t.admin).expect("rotate");
    let mut forged = rotate.clone();
    let last = forged.len() - 1;
    forged[last] ^= 1;
    assert_eq!(h.append(forged, &t.admin_auth(), None).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(
        h.append(rotate.clone(), &t.member_auth(), None).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(h.store.records("t1", 0).expect("records").len(), 2);
    // Two admins at once: the second record for the same place is told the log moved.
    let (s, m) = h.append(rotate.clone(), &t.admin_auth(), None).await;
    assert_eq!(s, StatusCode::CREATED, "{m}");
    let other = t.state.rotate(&t.admin).expect("rotate");
    assert_eq!(h.append(other, &t.admin_auth(), None).await.0, StatusCode::CONFLICT);
    t.state.apply(&rotate).expect("applies");
    // Revoked: out at once, whatever it tries.
    let revoke = t.state.revoke(&t.admin, &t.member_id()).expect("revoke");
    assert_eq!(h.append(revoke, &t.admin_auth(), None).await.0, StatusCode::CREATED);
    let (s, msg) = h.upload("t1", &t.member_id(), &t.member_auth(), 1, b"z", b"z").await;
    assert_eq!(
        (s, msg.as_str()),
        (StatusCode::FORBIDDEN, "this device was revoked from the team")
    );
    assert_eq!(
        h.json("GET", "/v1/teams/t1/membership", Some(&t.member_auth()), "")
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    let req = Request::builder()
        .uri("/v1/teams/t1/membership?after=0")
        .header("authorization", t.admin_auth())
        .body(Body::empty())
        .expect("request");
    let (s, body) = h.send(req).await;
    assert_eq!(s, StatusCode::OK);
    let records = fieldscreen_wire::decode_records(&body).expect("records");
    assert_eq!(records.len(), 4);
    assert!(TeamState::verify(&records, Some(&t.state.first_hash)).is_ok());
}

#[tokio::test]
async fn a_relay_started_with_its_defaults_takes_no_new_team() {
    let h = Harness::new(Config::default());
    let keys = DeviceKeys::generate().expect("keys");
    assert_eq!(h.create("t1", &keys, ADMIN_TOKEN, None).await.0, StatusCode::FORBIDDEN);
    let (status, _) = h.create("t1", &keys, ADMIN_TOKEN, Some("Bearer anything")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let opened = Harness::new(open());
    assert_eq!(
        opened.create("t1", &keys, ADMIN_TOKEN, None).await.0,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn a_creation_secret_and_the_rate_limit_hold() {
    let h = Harness::new(Config {
        registration: Registration::Secret("operator secret".into()),
        rate_per_second: 0.001,
        rate_burst: 3.0,
        ..Config::default()
    });
    let keys = DeviceKeys::generate().expect("keys");
    assert_eq!(
        h.create("t1", &keys, ADMIN_TOKEN, None).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (s, _) = h.create("t1", &keys, ADMIN_TOKEN, Some("Bearer operator secret")).await;
    assert_eq!(s, StatusCode::CREATED);
    let admin = format!("Bearer {}.{ADMIN_TOKEN}", keys.device_id());
    let statuses = {
        let mut v = Vec::new();
        for _ in 0..4 {
            v.push(h.json("GET", "/v1/teams/t1/log", Some(&admin), "").await.0);
        }
        v
    };
    assert_eq!(statuses[..3], [StatusCode::OK; 3]);
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_log_is_compacted_once_every_active_device_has_read_it() {
    let h = Harness::new(open());
    let t = h.team().await;
    let (admin, member) = (t.admin_auth(), t.member_auth());
    for seq in 1..=3 {
        let body = format!("batch {seq}");
        h.upload("t1", &t.member_id(), &member, seq, body.as_bytes(), body.as_bytes())
            .await;
    }
    assert_eq!(h.store.entries("t1").expect("entries"), 3);
    // The admin has read up to 3; the member (who wrote them) has acknowledged nothing yet.
    h.json("GET", "/v1/teams/t1/log?after=3", Some(&admin), "").await;
    assert_eq!(h.store.entries("t1").expect("entries"), 3);
    h.json("GET", "/v1/teams/t1/log?after=2", Some(&member), "").await;
    assert_eq!(h.store.entries("t1").expect("entries"), 1);
    // A revoked device no longer holds compaction back.
    let revoke = t.state.revoke(&t.admin, &t.member_id()).expect("revoke");
    assert_eq!(h.append(revoke, &admin, None).await.0, StatusCode::CREATED);
    h.json("GET", "/v1/teams/t1/log?after=3", Some(&admin), "").await;
    assert_eq!(h.store.entries("t1").expect("entries"), 0);
}

/// Slow clients (slowloris): 2,000 connections that each trickle one header byte per second
/// never finish a request. The header timeout closes every one of them, and a device's
/// requests are answered all the while.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_closed_and_devices_are_served_meanwhile() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    use tokio::time::{Duration, Instant, sleep, timeout};
    rlimit::increase_nofile_limit(u64::MAX).expect("open-file limit");
    let dir = tempfile::tempdir().expect("dir");
    let store = Arc::new(SqliteStore::open(&dir.path().join("relay.db").display().to_string()).expect("store"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let limits = crate::Limits {
        max_connections: 4096,
        per_address: 4096,
        header_timeout: Duration::from_secs(3),
        ..crate::Limits::default()
    };
    let config = Config {
        address_rate_per_second: 1000.0,
        address_burst: 1000.0,
        ..open()
    };
    tokio::spawn(crate::serve(
        listener,
        router(store, config),
        limits,
        std::future::pending(),
    ));

    let mut slow = Vec::new();
    for _ in 0..2000 {
        let mut s = TcpStream::connect(addr).await.expect("connect");
        s.write_all(b"G").await.expect("first byte");
        slow.push(s);
    }
    let trickle = tokio::spawn(async move {
        let started = Instant::now();
        let mut closed = vec![false; slow.len()];
        while started.elapsed() < Duration::from_secs(10) && closed.iter().any(|c| !c) {
            for (s, c) in slow.iter_mut().zip(closed.iter_mut()).filter(|(_, c)| !**c) {
                // A closed connection shows as end of file (or a reset) when read.
                let mut buf = [0u8; 64];
                match timeout(Duration::from_millis(1), s.read(&mut buf)).await {
                    Ok(Ok(0) | Err(_)) => *c = true,
                    Ok(Ok(_)) | Err(_) => {
                        if s.write_all(b"E").await.is_err() {
                            *c = true;
                        }
                    }
                }
            }
            sleep(Duration::from_millis(500)).await;
        }
        (closed.iter().filter(|c| **c).count(), started.elapsed())
    });

    // A device meanwhile: every request is answered, each well within the header timeout.
    let mut answered = 0;
    let mut slowest = Duration::ZERO;
    let device_started = Instant::now();
    while device_started.elapsed() < Duration::from_secs(5) {
        let t = Instant::now();
        let mut s = TcpStream::connect(addr).await.expect("device connects");
        s.write_all(b"GET /healthz HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n")
            .await
            .expect("request");
        let mut answer = String::new();
        timeout(Duration::from_secs(2), s.read_to_string(&mut answer))
            .await
            .expect("answered in time")
            .expect("read");
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        slowest = slowest.max(t.elapsed());
        answered += 1;
        sleep(Duration::from_millis(200)).await;
    }
    let (closed, took) = trickle.await.expect("trickle");
    eprintln!(
        "{closed} of 2000 slow connections closed after {took:?}; {answered} device requests, slowest {slowest:?}"
    );
    assert_eq!(closed, 2000, "slow connections left open");
    assert!(answered >= 10, "{answered}");
}

/// A request without a valid token is answered before its body is read: someone with no token
/// cannot make the relay take in a megabyte (here the body never even comes).
#[tokio::test]
async fn a_request_without_a_token_is_refused_before_its_body_is_read() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::time::{Duration, timeout};
    let dir = tempfile::tempdir().expect("dir");
    let store = Arc::new(SqliteStore::open(&dir.path().join("relay.db").display().to_string()).expect("store"));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(crate::serve(
        listener,
        router(store, open()),
        crate::Limits::default(),
        std::future::pending(),
    ));
    for (method, path) in [
        ("PUT", "/v1/teams/t1/devices/d1/batches/1"),
        ("POST", "/v1/teams/t1/membership"),
        ("POST", "/v1/teams/t1/invitations"),
    ] {
        let mut s = tokio::net::TcpStream::connect(addr).await.expect("connect");
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: relay\r\nAuthorization: Bearer d1.{}\r\nContent-Length: 1048576\r\n\r\n",
            "0".repeat(64)
        );
        s.write_all(head.as_bytes()).await.expect("headers");
        let mut answer = vec![0u8; 512];
        let n = timeout(Duration::from_secs(2), s.read(&mut answer))
            .await
            .expect("answered without waiting for the body")
            .expect("read");
        let answer = String::from_utf8_lossy(&answer[..n]);
        assert!(answer.starts_with("HTTP/1.1 401"), "{method} {path}: {answer}");
    }
}

/// A place given to a device that never comes expires: it stops holding back compaction after
/// `UNUSED_PLACE_SECONDS`, and the device is then refused; a place given recently still holds
/// the log for its device. Admins see both in the device list.
#[test]
fn a_place_never_taken_expires() {
    use crate::store::{AppendRecord, Effect, RequestRecord, UNUSED_PLACE_SECONDS, now_secs};
    let dir = tempfile::tempdir().expect("dir");
    let store = SqliteStore::open(&dir.path().join("relay.db").display().to_string()).expect("store");
    assert!(store.create_team("t1", b"first", "founder", &[1; 32]).expect("team"));
    let now = now_secs();
    let add = |device: &str, at: i64, seq: u64| {
        let inv = format!("inv-{device}");
        let record = InvitationRecord {
            inviter: "founder".into(),
            secret_hash: [2; 32],
            expires_at: now + 600,
        };
        assert!(store.add_invitation("t1", &inv, &record).expect("invitation"));
        let request = RequestRecord {
            device: device.into(),
            invitation: inv.clone(),
            request: Vec::new(),
            token_hash: [3; 32],
            at: now,
        };
        store.add_request("t1", &request, now).expect("request");
        let effect = Effect::Add {
            device: device.into(),
            admin: false,
            invitation: inv,
            at,
        };
        assert_eq!(
            store.append_record("t1", seq, b"record", &effect).expect("added"),
            AppendRecord::Appended
        );
    };
    add("long-gone", now - UNUSED_PLACE_SECONDS - 60, 1);
    let digest: [u8; 32] = Sha256::digest(b"batch").into();
    store.append("t1", "founder", 1, &digest, b"batch").expect("batch");
    // Only the founder has read it; the expired place does not hold it back.
    assert_eq!(store.acknowledge("t1", "founder", 1).expect("ack"), 1);
    let gone = store.device("t1", "long-gone").expect("device").expect("listed");
    assert!(gone.expired(now_secs()), "{gone:?}");

    add("on-its-way", now, 2);
    let digest: [u8; 32] = Sha256::digest(b"batch 2").into();
    store.append("t1", "founder", 2, &digest, b"batch 2").expect("batch");
    assert_eq!(
        store.acknowledge("t1", "founder", 2).expect("ack"),
        0,
        "a device let in today must still find the log"
    );
    let coming = store.device("t1", "on-its-way").expect("device").expect("listed");
    assert!(!coming.expired(now_secs()));
    store.mark_used("t1", "on-its-way").expect("came");
    let rows = store.devices("t1").expect("devices");
    let states: Vec<(&str, bool)> = rows.iter().map(|r| (r.device.as_str(), r.used)).collect();
    assert_eq!(states, [("long-gone", false), ("founder", true), ("on-its-way", true)]);
}
