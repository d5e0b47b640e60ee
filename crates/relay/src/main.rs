//! `fieldscreen-relay`: runs with no setup on SQLite, or on a shared PostgreSQL.

use anyhow::{Context, Result};
use clap::Parser;
use fieldscreen_relay::{Config, Registration, open_store, router};

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
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("FIELDSCREEN_LOG"))
        .with_writer(std::io::stderr)
        .init();
    let args = Args::parse();
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
        },
    );
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("listening on {}", args.listen))?;
    // The address actually bound (port 0 picks a free one): tests read it from here.
    println!("listening on {}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
