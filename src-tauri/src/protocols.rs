//! Installing a protocol on this device: a protocol directory or an XLSForm chosen by the user,
//! checked in full by the catalog (as `protocol check` does) before anything is written. A thin
//! adapter over `fieldscreen_catalog::install` and `fieldscreen_xlsform`.

use crate::commands::{lock_state_of, today, unlocked};
use crate::error::{CommandError, ErrorCode};
use crate::state::AppState;
use fieldscreen_catalog::Catalog;
use fieldscreen_catalog::install::{install, installed_root};
use serde::Serialize;
use std::path::Path;
use tauri::State as Tauri;

type Result<T> = std::result::Result<T, CommandError>;

/// What installing did: the protocol's id and title when installed, or the problems that
/// stopped it, each at its file and line (or sheet and cell).
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InstallView {
    pub id: Option<String>,
    pub title: Option<String>,
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

/// The catalog of this vault's device: the bundled protocols and those installed beside the
/// vault.
pub fn catalog_for(vault_dir: &Path) -> Catalog {
    Catalog::bundled_and_installed(&installed_root(vault_dir))
}

/// Installs the protocol at `path` (a directory holding `protocol.toml`, or an XLSForm) for
/// this vault. Needs the vault unlocked: only the worker installs what the device asks.
#[tauri::command]
pub async fn install_protocol(state: Tauri<'_, AppState>, path: String, lang: String) -> Result<InstallView> {
    let mut inner = lock_state_of(&state)?;
    unlocked(&inner)?;
    let path = Path::new(path.trim());
    let unreadable = |why: String| CommandError::new(ErrorCode::ProtocolFile, format!("{}: {why}", path.display()));
    let source = if path.is_dir() {
        fieldscreen_catalog::read_protocol_dir(path).map_err(|e| unreadable(e.to_string()))?
    } else if path.is_file() && fieldscreen_xlsform::is_form(path) {
        let book = fieldscreen_xlsform::read(path).map_err(|e| unreadable(e.to_string()))?;
        match fieldscreen_xlsform::import(&book, today()) {
            Ok(imported) => imported.source(&path.display().to_string()),
            Err(problems) => {
                return Ok(InstallView {
                    id: None,
                    title: None,
                    errors: problems.iter().map(ToString::to_string).collect(),
                    warnings: Vec::new(),
                });
            }
        }
    } else {
        return Err(unreadable("neither a protocol directory nor an XLSForm".into()));
    };
    let vault_dir = fieldscreen_vault::default_dir()?;
    let outcome = install(&source, &installed_root(&vault_dir), &inner.catalog, today())?;
    let mut title = None;
    if let Some(id) = &outcome.id {
        inner.catalog = catalog_for(&vault_dir);
        let loaded = inner.catalog.load(id, Some(today()))?;
        let chain = loaded.chain(&lang)?;
        title = Some(
            loaded
                .localizer
                .text(&chain, &loaded.protocol.header.title_key, None)
                .text,
        );
    }
    Ok(InstallView {
        id: outcome.id,
        title,
        errors: outcome.errors,
        warnings: outcome.warnings,
    })
}
