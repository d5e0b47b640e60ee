//! The relay's request handling, from the bytes of a request: route, ids, credentials, headers
//! and body all come from the fuzzer. The relay must answer every request (never fail inside),
//! and no request without the right token may store anything.
#![no_main]

use axum::body::Body;
use axum::http::Request;
use fieldscreen_relay::{Config, SqliteStore, Store, router};
use libfuzzer_sys::fuzz_target;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

const TOKEN: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

struct World {
    rt: tokio::runtime::Runtime,
    store: Arc<SqliteStore>,
    app: axum::Router,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let store = Arc::new(SqliteStore::open(":memory:").expect("store"));
        let hash: [u8; 32] = <sha2::Sha256 as sha2::Digest>::digest(TOKEN.as_bytes()).into();
        let keys = fieldscreen_team::DeviceKeys::generate().expect("keys");
        let (first, _) = fieldscreen_team::TeamState::create("t", "Fuzz", &keys, "d").expect("first record");
        store.create_team("t", &first, &keys.device_id(), &hash).expect("team");
        let config = Config {
            rate_per_second: 1e9,
            rate_burst: 1e9,
            ..Config::default()
        };
        World {
            rt: tokio::runtime::Builder::new_current_thread().build().expect("runtime"),
            app: router(store.clone(), config),
            store,
        }
    })
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let w = world();
    let before = w.store.entries("t").expect("entries");
    // Layout: route selector, then `|`-separated path ids, auth, digest, then the body.
    let mut parts = data[1..].splitn(5, |b| *b == b'|');
    let (a, b, auth, digest, body) = (
        text(parts.next().unwrap_or_default()),
        text(parts.next().unwrap_or_default()),
        text(parts.next().unwrap_or_default()),
        text(parts.next().unwrap_or_default()),
        parts.next().unwrap_or_default().to_vec(),
    );
    let (method, uri) = match data[0] % 11 {
        0 => ("POST", "/v1/teams".to_string()),
        1 => ("POST", format!("/v1/teams/{a}/membership?approve={b}")),
        2 => ("GET", format!("/v1/teams/{a}/membership?after={b}")),
        3 => ("PUT", format!("/v1/teams/{a}/devices/{b}/batches/{}", digest.len())),
        4 => ("GET", format!("/v1/teams/{a}/log?after={b}")),
        5 => ("POST", format!("/v1/teams/{a}/invitations")),
        6 => ("POST", format!("/v1/teams/{a}/invitations/{b}/requests")),
        7 => ("GET", format!("/v1/teams/{a}/requests")),
        8 => ("GET", format!("/v1/teams/{a}/requests/{b}")),
        9 => ("DELETE", format!("/v1/teams/{a}/requests/{b}")),
        _ => ("GET", format!("/{a}")),
    };
    let Ok(req) = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", auth.clone())
        .header("x-fieldscreen-sha256", digest.clone())
        .header("x-fieldscreen-token", digest)
        .body(Body::from(body))
    else {
        return; // not even an HTTP request
    };
    let status =
        w.rt.block_on(async { w.app.clone().oneshot(req).await.expect("answered").status() });
    assert!(!status.is_server_error(), "{status} for a request");
    if !auth.contains(TOKEN) {
        assert_eq!(
            w.store.entries("t").expect("entries"),
            before,
            "stored without the token"
        );
        assert_eq!(
            w.store.records("t", 0).expect("records").len(),
            1,
            "a membership record stored without an admin's token"
        );
    }
});
