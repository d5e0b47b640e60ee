//! `fieldscreen-relay`: runs with no setup on SQLite, or on a shared PostgreSQL.

use anyhow::{Context, Result};
use clap::Parser;
use fieldscreen_relay::{Config, Limits, Registration, open_store, router, serve};

#[derive(Parser)]
#[command(version, about = "The FieldScreen sync relay: stores sealed batches it cannot read")]
struct Args {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8787", env = "FIELDSCREEN_RELAY_LISTEN")]
    listen: String,
    /// `sqlite:PATH` (the default, made if missing) or `postgres://user:pass@host/db`.
    #[arg(
        long,
        default_value = "sqlite:fieldscreen-relay.db",
        env = "FIELDSCREEN_RELAY_DATABASE"
    )]
    database: String,
    /// Creating a team needs this secret. Without it (or --open-registration) the relay takes
    /// no new teams.
    #[arg(long, env = "FIELDSCREEN_RELAY_CREATE_SECRET", conflicts_with = "open_registration")]
    create_secret: Option<String>,
    /// Let anyone who reaches the relay create a team (a relay on a closed network, or tests).
    #[arg(long)]
    open_registration: bool,
    /// Requests per second each device may sustain.
    #[arg(long, default_value_t = 50.0)]
    rate: f64,
    /// Requests a device may burst above that.
    #[arg(long, default_value_t = 200.0)]
    burst: f64,
    /// Requests per second one address may sustain on the routes not tied to a device (creating
    /// a team, asking to join, `/healthz`), and the burst above that.
    #[arg(long, default_value_t = Config::default().address_rate_per_second)]
    address_rate: f64,
    #[arg(long, default_value_t = Config::default().address_burst)]
    address_burst: f64,
    /// Connections open at once, in all and from one address.
    #[arg(long, default_value_t = Limits::default().max_connections)]
    max_connections: usize,
    #[arg(long, default_value_t = Limits::default().per_address)]
    connections_per_address: usize,
    /// Seconds a client has to send a request's headers (also how long an idle connection stays).
    #[arg(long, default_value_t = Limits::default().header_timeout.as_secs())]
    header_timeout: u64,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("FIELDSCREEN_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
    // Every open connection is a file descriptor: allow as many as the system lets us, so the
    // connection cap, not the process's default of 1,024, is what limits them.
    if let Err(e) = rlimit::increase_nofile_limit(u64::MAX) {
        tracing::warn!(error = %e, "cannot raise the open-file limit");
    }
    let database = args.database.clone();
    let store = tokio::task::spawn_blocking(move || open_store(&database))
        .await?
        .with_context(|| format!("opening {}", args.database))?;
    let app = router(
        store,
        Config {
            registration: match (args.create_secret, args.open_registration) {
                (Some(secret), _) => Registration::Secret(secret),
                (None, true) => Registration::Open,
                (None, false) => Registration::Closed,
            },
            rate_per_second: args.rate,
            rate_burst: args.burst,
            address_rate_per_second: args.address_rate,
            address_burst: args.address_burst,
        },
    );
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    // The address actually bound (port 0 picks a free one): tests read it from here.
    println!("listening on {}", listener.local_addr()?);
    let limits = Limits {
        max_connections: args.max_connections,
        per_address: args.connections_per_address,
        header_timeout: std::time::Duration::from_secs(args.header_timeout.max(1)),
        ..Limits::default()
    };
    serve(listener, app, limits, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await?;
    Ok(())
}
