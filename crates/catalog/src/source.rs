//! Where protocol and app strings come from: a directory on disk, or files embedded in a binary.

use crate::CatalogError;
use std::path::{Path, PathBuf};

/// A text file's path and contents.
#[derive(Debug, Clone)]
pub struct TextFile {
    /// For messages: the path as the user would recognise it.
    pub path: String,
    /// Its contents.
    pub text: String,
}

/// One protocol directory: `protocol.toml`, `locales/<lang>.ftl`, and its clips and pictures.
#[derive(Debug, Clone, Default)]
pub struct ProtocolSource {
    /// The directory, as the user would recognise it.
    pub dir: String,
    /// The directory's own name, which must equal the protocol id.
    pub dir_name: String,
    /// `protocol.toml`, when there is one.
    pub protocol: Option<TextFile>,
    /// (language tag, file), sorted by tag.
    pub locales: Vec<(String, TextFile)>,
    /// Files that could not be read as UTF-8 text.
    pub unreadable: Vec<String>,
    /// The files under `audio/` and `pictures/`, sorted by their relative path.
    pub media: Vec<crate::media::MediaFile>,
}

impl ProtocolSource {
    /// The translation into `tag`, if the directory has one.
    pub fn locale(&self, tag: &str) -> Option<&TextFile> {
        self.locales.iter().find(|(t, _)| t == tag).map(|(_, f)| f)
    }
}

/// The app's own strings: `locales/<lang>/*.ftl`.
#[derive(Debug, Clone, Default)]
pub struct AppStrings {
    /// (language tag, its files), sorted by tag.
    pub langs: Vec<(String, Vec<TextFile>)>,
}

impl AppStrings {
    /// The files of language `tag` (none when the app has no such language).
    pub fn files_for(&self, tag: &str) -> Vec<&TextFile> {
        self.langs
            .iter()
            .filter(|(t, _)| t == tag)
            .flat_map(|(_, fs)| fs.iter())
            .collect()
    }
}

fn io(path: &Path, reason: std::io::Error) -> CatalogError {
    CatalogError::Io {
        path: path.display().to_string(),
        reason,
    }
}

/// Reads a protocol directory: `protocol.toml` and `locales/*.ftl`. A file that is not UTF-8 is
/// listed in `unreadable` for the check to report; a directory that cannot be read is an error.
pub fn read_protocol_dir(dir: &Path) -> Result<ProtocolSource, CatalogError> {
    let meta = std::fs::metadata(dir).map_err(|e| io(dir, e))?;
    if !meta.is_dir() {
        return Err(io(
            dir,
            std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                "a protocol is a directory holding protocol.toml",
            ),
        ));
    }
    let dir_name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut unreadable = Vec::new();
    let protocol_path = dir.join("protocol.toml");
    let protocol = match std::fs::read(&protocol_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(TextFile {
                path: protocol_path.display().to_string(),
                text,
            }),
            Err(_) => {
                unreadable.push(protocol_path.display().to_string());
                None
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&protocol_path, e)),
    };
    let mut locales = Vec::new();
    let locale_dir = dir.join("locales");
    if locale_dir.is_dir() {
        for entry in std::fs::read_dir(&locale_dir).map_err(|e| io(&locale_dir, e))? {
            let path = entry.map_err(|e| io(&locale_dir, e))?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
                continue;
            }
            let tag = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match String::from_utf8(std::fs::read(&path).map_err(|e| io(&path, e))?) {
                Ok(text) => locales.push((
                    tag,
                    TextFile {
                        path: path.display().to_string(),
                        text,
                    },
                )),
                Err(_) => unreadable.push(path.display().to_string()),
            }
        }
    }
    locales.sort_by(|a, b| a.0.cmp(&b.0));
    let mut media = Vec::new();
    for folder in ["audio", "pictures"] {
        read_media(dir, &dir.join(folder), 0, &mut media)?;
    }
    media.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(ProtocolSource {
        dir: dir.display().to_string(),
        dir_name,
        protocol,
        locales,
        unreadable,
        media,
    })
}

/// The files under `folder` (three levels at most: `audio/<lang>/synthetic/<file>`).
fn read_media(
    root: &Path,
    folder: &Path,
    depth: usize,
    out: &mut Vec<crate::media::MediaFile>,
) -> Result<(), CatalogError> {
    if depth > 2 || !folder.is_dir() {
        return Ok(());
    }
    for entry in std::fs::read_dir(folder).map_err(|e| io(folder, e))? {
        let path = entry.map_err(|e| io(folder, e))?.path();
        if path.is_dir() {
            read_media(root, &path, depth + 1, out)?;
            continue;
        }
        let size = std::fs::metadata(&path).map_err(|e| io(&path, e))?.len();
        let bytes: std::sync::Arc<[u8]> = if size <= crate::media::MAX_MEDIA_BYTES {
            std::fs::read(&path).map_err(|e| io(&path, e))?.into()
        } else {
            std::sync::Arc::from(Vec::new())
        };
        let rel = crate::media::relative(root, &path);
        out.push(crate::media::MediaFile {
            path: path.display().to_string(),
            rel,
            size,
            bytes,
        });
    }
    Ok(())
}

/// Reads the app's strings: `<dir>/<lang>/*.ftl`.
pub fn read_app_strings(dir: &Path) -> Result<AppStrings, CatalogError> {
    let mut langs = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let lang_dir = entry.map_err(|e| io(dir, e))?.path();
        if !lang_dir.is_dir() {
            continue;
        }
        let tag = lang_dir
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files = Vec::new();
        for f in std::fs::read_dir(&lang_dir).map_err(|e| io(&lang_dir, e))? {
            let path = f.map_err(|e| io(&lang_dir, e))?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("ftl") {
                let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
                files.push(TextFile {
                    path: path.display().to_string(),
                    text,
                });
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        langs.push((tag, files));
    }
    langs.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(AppStrings { langs })
}

/// The protocol directories under `root` (those holding a `protocol.toml`), sorted.
pub fn list_protocol_dirs(root: &Path) -> Result<Vec<PathBuf>, CatalogError> {
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(root).map_err(|e| io(root, e))? {
        let path = entry.map_err(|e| io(root, e))?.path();
        if path.join("protocol.toml").is_file() {
            dirs.push(path);
        }
    }
    dirs.sort();
    Ok(dirs)
}
