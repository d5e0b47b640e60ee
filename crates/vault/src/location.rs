//! Where a vault lives when nobody names a directory: the same place for the CLI and the app.

use crate::VaultError;
use std::path::{Path, PathBuf};

/// The environment variable naming the vault directory, read by every front end.
pub const DIR_ENV: &str = "FIELDSCREEN_VAULT";

/// `FIELDSCREEN_VAULT` when set, else `vault` in the platform's data directory. A system with
/// no data directory is an error, never a directory relative to wherever the program started.
pub fn default_dir() -> Result<PathBuf, VaultError> {
    if let Some(dir) = std::env::var_os(DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "FieldScreen", "FieldScreen")
        .map(|d| d.data_dir().join("vault"))
        .ok_or(VaultError::NoDataDirectory)
}

/// Whether `dir` holds a vault (its key file).
pub fn exists(dir: &Path) -> bool {
    dir.join(crate::keyfile::FILE_NAME).exists()
}
