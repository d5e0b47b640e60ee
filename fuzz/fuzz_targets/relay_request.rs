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
        store.create_team("t", "d", &hash).expect("team");
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
    let (method, uri) = match data[0] % 6 {
        0 => ("POST", "/v1/teams".to_string()),
        1 => ("POST", format!("/v1/teams/{a}/devices")),
        2 => ("DELETE", format!("/v1/teams/{a}/devices/{b}")),
        3 => ("PUT", format!("/v1/teams/{a}/devices/{b}/batches/{}", digest.len())),
        4 => ("GET", format!("/v1/teams/{a}/log?after={b}")),
        _ => ("GET", format!("/{a}")),
    };
    let Ok(req) = Request::builder()
        .method(method)
        .uri(uri)
        .header("authorization", auth.clone())
        .header("x-fieldscreen-sha256", digest)
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
    }
});
