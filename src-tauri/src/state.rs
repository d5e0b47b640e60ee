//! What the running app holds: the bundled protocols and strings, the unlocked vault (if any) and
//! the interview in progress (if any).

use fieldscreen_catalog::{AppStrings, ProtocolSource, bundled};
use fieldscreen_protocol::Session;
use fieldscreen_vault::{Recorder, Vault};
use std::path::PathBuf;
use std::sync::Mutex;

pub struct Interview {
    /// The protocol and its child branch; the session runs one of them.
    pub protocols: fieldscreen_catalog::Interview,
    pub session: Session,
    pub recorder: Recorder,
    pub lang: String,
    pub respondent: Option<String>,
}

pub struct Inner {
    pub vault_dir: PathBuf,
    pub vault: Option<Vault>,
    pub protocols: Vec<ProtocolSource>,
    pub app: AppStrings,
    pub interview: Option<Interview>,
}

pub struct AppState(pub Mutex<Inner>);

/// `FIELDSCREEN_VAULT`, else the platform's data directory.
fn vault_dir() -> PathBuf {
    if let Ok(d) = std::env::var("FIELDSCREEN_VAULT") {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("org", "FieldScreen", "FieldScreen")
        .map_or_else(|| PathBuf::from("fieldscreen-vault"), |d| d.data_dir().join("vault"))
}

impl AppState {
    pub fn new() -> AppState {
        AppState(Mutex::new(Inner {
            vault_dir: vault_dir(),
            vault: None,
            protocols: bundled::protocols(),
            app: bundled::app_strings(),
            interview: None,
        }))
    }
}
