//! Serving the relay on the open internet: the connection limits and timeouts a public server
//! needs, set on hyper and tower rather than written by hand. A client must send a request's
//! headers within `header_timeout` (which also closes a connection left idle between
//! requests), and have its request handled, body included, within `request_timeout`; at most
//! `max_connections` connections are open at once, and at most `per_address` from one address,
//! so a few hosts holding sockets open cannot lock every device out.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower::ServiceExt;

/// What one connection, one address and all of them together may take.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
    /// Connections open at once from one address; more are closed at once.
    pub per_address: usize,
    /// How long a client may take to send a request's headers.
    pub header_timeout: Duration,
    /// How long a whole request may take, body included.
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 2048,
            per_address: 64,
            header_timeout: Duration::from_secs(10),
            // A full batch over a slow link (1 MiB at 256 kbit/s takes about 33 s) fits.
            request_timeout: Duration::from_secs(120),
        }
    }
}

/// Open connections, in all and per address.
#[derive(Default)]
struct Open {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// Gives a connection's place back when it closes.
struct Slot {
    open: Arc<Mutex<Open>>,
    ip: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.open.lock() {
            open.total = open.total.saturating_sub(1);
            if let Some(n) = open.by_address.get_mut(&self.ip) {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    open.by_address.remove(&self.ip);
                }
            }
        }
    }
}

fn take_slot(open: &Arc<Mutex<Open>>, ip: IpAddr, limits: &Limits) -> Option<Slot> {
    let mut o = open.lock().ok()?;
    let from_here = o.by_address.get(&ip).copied().unwrap_or(0);
    if o.total >= limits.max_connections || from_here >= limits.per_address {
        return None;
    }
    o.total += 1;
    o.by_address.insert(ip, from_here + 1);
    Some(Slot { open: open.clone(), ip })
}

/// Serves `app` until `shutdown` completes. Each request carries its client's address
/// (`ConnectInfo<SocketAddr>`) for the per-address rate limit.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let app = app.layer(tower_http::timeout::TimeoutLayer::with_status_code(
        axum::http::StatusCode::REQUEST_TIMEOUT,
        limits.request_timeout,
    ));
    let open = Arc::new(Mutex::new(Open::default()));
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, addr) = tokio::select! {
            () = &mut shutdown => return Ok(()),
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file descriptors and the like: wait a little rather than spin.
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(slot) = take_slot(&open, addr.ip(), &limits) else {
            tracing::debug!("connection refused: too many open");
            drop(stream);
            continue;
        };
        let app = app.clone();
        let header_timeout = limits.header_timeout;
        tokio::spawn(async move {
            let _slot = slot;
            let service = hyper::service::service_fn(move |req: hyper::Request<Incoming>| {
                let mut req = req.map(axum::body::Body::new);
                req.extensions_mut().insert(ConnectInfo(addr));
                app.clone().oneshot(req)
            });
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(error = %e, "connection ended");
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_capped_in_all_and_per_address() {
        let open = Arc::new(Mutex::new(Open::default()));
        let limits = Limits {
            max_connections: 3,
            per_address: 2,
            ..Limits::default()
        };
        let (a, b): (IpAddr, IpAddr) = ([10, 0, 0, 1].into(), [10, 0, 0, 2].into());
        let first = take_slot(&open, a, &limits).expect("first");
        let _second = take_slot(&open, a, &limits).expect("second");
        assert!(take_slot(&open, a, &limits).is_none(), "a third from one address");
        let _other = take_slot(&open, b, &limits).expect("another address");
        assert!(take_slot(&open, b, &limits).is_none(), "over the total");
        drop(first);
        assert!(
            take_slot(&open, a, &limits).is_some(),
            "a closed connection frees its place"
        );
    }
}
