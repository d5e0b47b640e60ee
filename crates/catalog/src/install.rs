//! Protocols a device installs beside the bundled ones: checked in full first, written under
//! the vault's directory (`<vault>/protocols/<id>/`), and read back with the bundled ones. A
//! protocol that fails its check is not written; a bundled protocol cannot be replaced.

use crate::{Catalog, CatalogError, ProtocolSource, TextFile, check, list_protocol_dirs, read_protocol_dir};
use fieldscreen_protocol::Severity;
use std::path::{Path, PathBuf};

/// Where a vault's installed protocols live.
pub fn installed_root(vault_dir: &Path) -> PathBuf {
    vault_dir.join("protocols")
}

/// What installing found: the protocol's id when it was installed, or why not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InstallOutcome {
    /// Set when the protocol was installed.
    pub id: Option<String>,
    /// The check's errors, each at its file, line and column (nothing was installed).
    pub errors: Vec<String>,
    /// The check's warnings (installed all the same).
    pub warnings: Vec<String>,
}

fn io(path: &Path, reason: std::io::Error) -> CatalogError {
    CatalogError::Io {
        path: path.display().to_string(),
        reason,
    }
}

/// Installs `source` into `root` after the full check; `catalog` holds what is there already
/// (a bundled id is refused, an installed one is replaced: that is how a protocol is updated).
pub fn install(
    source: &ProtocolSource,
    root: &Path,
    catalog: &Catalog,
    today: jiff::civil::Date,
) -> Result<InstallOutcome, CatalogError> {
    let checked = check(source, catalog.app(), Some(today));
    let (errors, warnings): (Vec<_>, Vec<_>) = checked.diagnostics.iter().partition(|d| d.severity == Severity::Error);
    let mut outcome = InstallOutcome {
        id: None,
        errors: errors.iter().map(|d| d.to_string()).collect(),
        warnings: warnings.iter().map(|d| d.to_string()).collect(),
    };
    let Some(protocol) = checked.protocol.filter(|_| outcome.errors.is_empty()) else {
        return Ok(outcome);
    };
    let id = protocol.header.id.clone();
    if crate::bundled::protocols().iter().any(|b| b.dir_name == id) {
        outcome.errors.push(format!(
            "`{id}` is a protocol built into FieldScreen; give the new one its own id"
        ));
        return Ok(outcome);
    }
    // Written beside its final place and renamed into it, so a crash leaves the old version or
    // the new one, never half of one.
    std::fs::create_dir_all(root).map_err(|e| io(root, e))?;
    let staging = root.join(format!(".{id}.installing"));
    let _ = std::fs::remove_dir_all(&staging);
    let locales = staging.join("locales");
    std::fs::create_dir_all(&locales).map_err(|e| io(&locales, e))?;
    let write = |path: PathBuf, file: &TextFile| std::fs::write(&path, &file.text).map_err(|e| io(&path, e));
    if let Some(file) = &source.protocol {
        write(staging.join("protocol.toml"), file)?;
    }
    for (tag, file) in &source.locales {
        write(locales.join(format!("{tag}.ftl")), file)?;
    }
    for m in &source.media {
        let path = staging.join(&m.rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io(parent, e))?;
        }
        std::fs::write(&path, &m.bytes).map_err(|e| io(&path, e))?;
    }
    let target = root.join(&id);
    let old = root.join(format!(".{id}.replaced"));
    let _ = std::fs::remove_dir_all(&old);
    if target.exists() {
        std::fs::rename(&target, &old).map_err(|e| io(&target, e))?;
    }
    std::fs::rename(&staging, &target).map_err(|e| io(&target, e))?;
    let _ = std::fs::remove_dir_all(&old);
    tracing::info!(protocol = %id, "protocol installed");
    outcome.id = Some(id);
    Ok(outcome)
}

impl Catalog {
    /// The bundled protocols and those installed under `root` (a missing `root` has none; a
    /// directory that cannot be read, or that claims a bundled id, is left out).
    pub fn bundled_and_installed(root: &Path) -> Catalog {
        let mut sources = crate::bundled::protocols();
        let dirs = if root.is_dir() {
            list_protocol_dirs(root).unwrap_or_default()
        } else {
            Vec::new()
        };
        for dir in dirs {
            match read_protocol_dir(&dir) {
                Ok(s) if !sources.iter().any(|b| b.dir_name == s.dir_name) => sources.push(s),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "an installed protocol could not be read"),
            }
        }
        Catalog::new(sources, crate::bundled::app_strings())
    }
}

/// An in-memory protocol directory (an XLSForm just imported, say) as the catalog reads one.
pub fn source_in_memory(dir: &str, id: &str, protocol_toml: &str, locales: &[(String, String)]) -> ProtocolSource {
    ProtocolSource {
        dir: dir.to_string(),
        dir_name: id.to_string(),
        protocol: Some(TextFile {
            path: format!("{dir}/protocol.toml"),
            text: protocol_toml.to_string(),
        }),
        locales: locales
            .iter()
            .map(|(tag, text)| {
                (
                    tag.clone(),
                    TextFile {
                        path: format!("{dir}/locales/{tag}.ftl"),
                        text: text.clone(),
                    },
                )
            })
            .collect(),
        unreadable: Vec::new(),
        media: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2026, 12, 1)
    }

    /// The bundled rapid screen under another id (and version).
    fn local_copy(id: &str, version: &str) -> ProtocolSource {
        let rapid = crate::bundled::protocols()
            .into_iter()
            .find(|s| s.dir_name == "rapid-screen")
            .expect("bundled");
        let text = rapid
            .protocol
            .as_ref()
            .expect("protocol.toml")
            .text
            .replacen("id = \"rapid-screen\"", &format!("id = \"{id}\""), 1)
            .replacen("version = \"1.0.0\"", &format!("version = \"{version}\""), 1);
        let locales: Vec<(String, String)> = rapid.locales.iter().map(|(t, f)| (t.clone(), f.text.clone())).collect();
        let mut src = source_in_memory(&format!("upload/{id}"), id, &text, &locales);
        src.media = rapid.media.clone();
        src
    }

    #[test]
    fn a_checked_protocol_is_installed_and_found_beside_the_bundled_ones() {
        let dir = tempfile::tempdir().expect("dir");
        let root = installed_root(dir.path());
        let catalog = Catalog::bundled_and_installed(&root);
        assert_eq!(catalog.sources().len(), 3, "nothing installed yet");
        let outcome = install(&local_copy("rapid-local", "1.0.0"), &root, &catalog, today()).expect("installed");
        assert_eq!(outcome.id.as_deref(), Some("rapid-local"), "{outcome:?}");
        let catalog = Catalog::bundled_and_installed(&root);
        let ids: Vec<&str> = catalog.sources().iter().map(|s| s.dir_name.as_str()).collect();
        assert_eq!(
            ids,
            ["adult-trafficking", "child-trafficking", "rapid-local", "rapid-screen"]
        );
        let loaded = catalog.load("rapid-local", Some(today())).expect("loads");
        assert_eq!(loaded.protocol.header.version.to_string(), "1.0.0");

        // Installing it again with a new version replaces it; nothing half-written is left.
        let outcome = install(&local_copy("rapid-local", "1.1.0"), &root, &catalog, today()).expect("installed");
        assert!(outcome.errors.is_empty(), "{outcome:?}");
        let catalog = Catalog::bundled_and_installed(&root);
        let loaded = catalog.load("rapid-local", Some(today())).expect("loads");
        assert_eq!(loaded.protocol.header.version.to_string(), "1.1.0");
        let left: Vec<String> = std::fs::read_dir(&root)
            .expect("root")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(left, ["rapid-local"]);
    }

    #[test]
    fn a_protocol_with_errors_or_a_bundled_id_is_not_installed() {
        let dir = tempfile::tempdir().expect("dir");
        let root = installed_root(dir.path());
        let catalog = Catalog::bundled_and_installed(&root);
        let mut broken = local_copy("rapid-broken", "1.0.0");
        if let Some(f) = broken.protocol.as_mut() {
            f.text = f.text.replacen("type = \"yes-no\"", "type = \"yes-maybe\"", 1);
        }
        let outcome = install(&broken, &root, &catalog, today()).expect("checked");
        assert_eq!(outcome.id, None);
        assert!(
            outcome
                .errors
                .iter()
                .any(|e| e.contains("upload/rapid-broken/protocol.toml:") && e.contains("yes-maybe")),
            "{:?}",
            outcome.errors
        );
        assert!(!root.join("rapid-broken").exists());

        let outcome = install(&local_copy("rapid-screen", "9.0.0"), &root, &catalog, today()).expect("checked");
        assert_eq!(outcome.id, None);
        assert!(
            outcome.errors.iter().any(|e| e.contains("built into FieldScreen")),
            "{outcome:?}"
        );
        let catalog = Catalog::bundled_and_installed(&root);
        let loaded = catalog.load("rapid-screen", Some(today())).expect("loads");
        assert_eq!(
            loaded.protocol.header.version.to_string(),
            "1.0.0",
            "the bundled one stays"
        );
    }
}
