//! The relay's HTTP API in process: every refused request says why, with the right status, and
//! changes nothing.

use crate::store::{SqliteStore, Store};
use crate::{Config, router};
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use fieldscreen_wire::{DIGEST_HEADER, MAX_BATCH_BYTES, decode_frames};
use sha2::{Digest, Sha256};
use std::sync::Arc;
use tower::ServiceExt;

const ADMIN_TOKEN: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const MEMBER_TOKEN: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

struct Harness {
    app: axum::Router,
    store: Arc<SqliteStore>,
    _dir: tempfile::TempDir,
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
        let mut r = Request::builder().method(method).uri(uri);
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        let (s, b) = self.send(r.body(Body::from(body.to_string())).expect("request")).await;
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

    /// Team `t1` with admin `admin` and member `member`.
    async fn team(&self) {
        let body = format!(r#"{{"team":"t1","device":"admin","token":"{ADMIN_TOKEN}"}}"#);
        assert_eq!(self.json("POST", "/v1/teams", None, &body).await.0, StatusCode::CREATED);
        let body = format!(r#"{{"device":"member","token":"{MEMBER_TOKEN}"}}"#);
        let (s, m) = self.json("POST", "/v1/teams/t1/devices", Some(&admin()), &body).await;
        assert_eq!(s, StatusCode::CREATED, "{m}");
    }
}

fn admin() -> String {
    format!("Bearer admin.{ADMIN_TOKEN}")
}

fn member() -> String {
    format!("Bearer member.{MEMBER_TOKEN}")
}

#[tokio::test]
async fn uploads_are_ordered_idempotent_and_checked() {
    let h = Harness::new(Config::default());
    h.team().await;
    let m = member();
    assert_eq!(
        h.upload("t1", "member", &m, 1, b"one", b"one").await.0,
        StatusCode::CREATED
    );
    // The same batch again (a retry) changes nothing; a different one under the number is refused.
    assert_eq!(h.upload("t1", "member", &m, 1, b"one", b"one").await.0, StatusCode::OK);
    let (s, msg) = h.upload("t1", "member", &m, 1, b"uno", b"uno").await;
    assert_eq!(
        (s, msg.as_str()),
        (StatusCode::CONFLICT, "a different batch already has this number")
    );
    let (s, msg) = h.upload("t1", "member", &m, 3, b"three", b"three").await;
    assert_eq!((s, msg.as_str()), (StatusCode::CONFLICT, "expected batch 2 first"));
    // Cut short on the way: the digest names the whole body.
    let (s, msg) = h.upload("t1", "member", &m, 2, b"tw", b"two").await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{msg}");
    assert_eq!(h.store.entries("t1").expect("entries"), 1);
    let big = vec![0u8; MAX_BATCH_BYTES + 1];
    assert_eq!(
        h.upload("t1", "member", &m, 2, &big, &big).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
    assert_eq!(
        h.upload("t1", "member", &m, 2, b"two", b"two").await.0,
        StatusCode::CREATED
    );

    let req = Request::builder()
        .uri("/v1/teams/t1/log?after=0")
        .header("authorization", admin())
        .body(Body::empty())
        .expect("request");
    let (s, body) = h.send(req).await;
    assert_eq!(s, StatusCode::OK);
    let frames = decode_frames(&body).expect("frames");
    let seen: Vec<(&str, u64, &[u8])> = frames
        .iter()
        .map(|f| (f.device.as_str(), f.seq, f.sealed.as_slice()))
        .collect();
    assert_eq!(seen, [("member", 1, &b"one"[..]), ("member", 2, &b"two"[..])]);
    // Its own batches come back to a device as places in the log, without their bytes.
    let req = Request::builder()
        .uri("/v1/teams/t1/log?after=0")
        .header("authorization", member())
        .body(Body::empty())
        .expect("request");
    let own = decode_frames(&h.send(req).await.1).expect("frames");
    let own: Vec<(u64, usize)> = own.iter().map(|f| (f.seq, f.sealed.len())).collect();
    assert_eq!(own, [(1, 0), (2, 0)]);
}

#[tokio::test]
async fn teams_and_devices_are_kept_apart() {
    let h = Harness::new(Config::default());
    h.team().await;
    let other = format!(r#"{{"team":"t2","device":"x","token":"{}"}}"#, "c".repeat(64));
    assert_eq!(h.json("POST", "/v1/teams", None, &other).await.0, StatusCode::CREATED);
    let x = format!("Bearer x.{}", "c".repeat(64));
    // A device of t2 can neither read nor write t1, nor write another device's log.
    let (s, _) = h.json("GET", "/v1/teams/t1/log", Some(&x), "").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    assert_eq!(h.upload("t1", "x", &x, 1, b"z", b"z").await.0, StatusCode::UNAUTHORIZED);
    let (s, msg) = h.upload("t1", "admin", &member(), 1, b"z", b"z").await;
    assert_eq!(
        (s, msg.as_str()),
        (StatusCode::FORBIDDEN, "a device can only write its own log")
    );
    // Forged: the right device with a wrong token, or no token at all.
    let forged = format!("Bearer member.{}", "d".repeat(64));
    assert_eq!(
        h.upload("t1", "member", &forged, 1, b"z", b"z").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        h.json("GET", "/v1/teams/t1/log", None, "").await.0,
        StatusCode::UNAUTHORIZED
    );
    // Only the admin invites and revokes; malformed requests are named.
    let body = format!(r#"{{"device":"y","token":"{}"}}"#, "e".repeat(64));
    assert_eq!(
        h.json("POST", "/v1/teams/t1/devices", Some(&member()), &body).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        h.json("POST", "/v1/teams/t1/devices", Some(&admin()), "{not json")
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
    let bad_id = r#"{"team":"../etc","device":"a","token":"00000000000000000000000000000000"}"#;
    assert_eq!(
        h.json("POST", "/v1/teams", None, bad_id).await.0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(h.json("POST", "/v1/teams", None, &other).await.0, StatusCode::CONFLICT);
    assert_eq!(
        h.store.entries("t1").expect("entries"),
        0,
        "a refused request stored something"
    );
    // Revoked: out at once.
    assert_eq!(
        h.json("DELETE", "/v1/teams/t1/devices/member", Some(&admin()), "")
            .await
            .0,
        StatusCode::NO_CONTENT
    );
    let (s, msg) = h.upload("t1", "member", &member(), 1, b"z", b"z").await;
    assert_eq!(
        (s, msg.as_str()),
        (StatusCode::FORBIDDEN, "this device was revoked from the team")
    );
}

#[tokio::test]
async fn a_creation_secret_and_the_rate_limit_hold() {
    let h = Harness::new(Config {
        create_secret: Some("operator secret".into()),
        rate_per_second: 0.001,
        rate_burst: 3.0,
    });
    let body = format!(r#"{{"team":"t1","device":"admin","token":"{ADMIN_TOKEN}"}}"#);
    assert_eq!(
        h.json("POST", "/v1/teams", None, &body).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (s, _) = h.json("POST", "/v1/teams", Some("Bearer operator secret"), &body).await;
    assert_eq!(s, StatusCode::CREATED);
    let statuses = {
        let mut v = Vec::new();
        for _ in 0..4 {
            v.push(h.json("GET", "/v1/teams/t1/log", Some(&admin()), "").await.0);
        }
        v
    };
    assert_eq!(statuses[..3], [StatusCode::OK; 3]);
    assert_eq!(statuses[3], StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn the_log_is_compacted_once_every_active_device_has_read_it() {
    let h = Harness::new(Config::default());
    h.team().await;
    for seq in 1..=3 {
        let body = format!("batch {seq}");
        h.upload("t1", "member", &member(), seq, body.as_bytes(), body.as_bytes())
            .await;
    }
    assert_eq!(h.store.entries("t1").expect("entries"), 3);
    // The admin has read up to 3; the member (who wrote them) has acknowledged nothing yet.
    h.json("GET", "/v1/teams/t1/log?after=3", Some(&admin()), "").await;
    assert_eq!(h.store.entries("t1").expect("entries"), 3);
    h.json("GET", "/v1/teams/t1/log?after=2", Some(&member()), "").await;
    assert_eq!(h.store.entries("t1").expect("entries"), 1);
    // A revoked device no longer holds compaction back.
    h.json("DELETE", "/v1/teams/t1/devices/member", Some(&admin()), "")
        .await;
    h.json("GET", "/v1/teams/t1/log?after=3", Some(&admin()), "").await;
    assert_eq!(h.store.entries("t1").expect("entries"), 0);
}
