//! The protocols and app strings compiled into the binary, so that the CLI and the app run on a
//! machine with nothing else installed.

use crate::media::MediaFile;
use crate::source::{AppStrings, ProtocolSource, TextFile};
use include_dir::{Dir, include_dir};
use std::path::Path;

static PROTOCOLS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../screening_protocols");
static LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../locales");

fn text(file: &include_dir::File<'_>) -> Option<String> {
    file.contents_utf8().map(str::to_string)
}

fn protocol(dir: &Dir<'_>) -> ProtocolSource {
    let dir_name = dir
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let shown = |p: &Path| format!("(built in) screening_protocols/{}", p.display());
    let protocol = dir.get_file(dir.path().join("protocol.toml")).and_then(|f| {
        text(f).map(|t| TextFile {
            path: shown(f.path()),
            text: t,
        })
    });
    let mut locales = Vec::new();
    if let Some(ld) = dir.get_dir(dir.path().join("locales")) {
        for f in ld.files() {
            if f.path().extension().and_then(|e| e.to_str()) == Some("ftl") {
                let tag = f
                    .path()
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if let Some(t) = text(f) {
                    locales.push((
                        tag,
                        TextFile {
                            path: shown(f.path()),
                            text: t,
                        },
                    ));
                }
            }
        }
    }
    locales.sort_by(|a, b| a.0.cmp(&b.0));
    let mut media = Vec::new();
    for folder in ["audio", "pictures"] {
        if let Some(d) = dir.get_dir(dir.path().join(folder)) {
            media_files(dir.path(), d, &mut media);
        }
    }
    media.sort_by(|a, b| a.rel.cmp(&b.rel));
    ProtocolSource {
        dir: shown(dir.path()),
        dir_name,
        protocol,
        locales,
        unreadable: Vec::new(),
        media,
    }
}

fn media_files(root: &Path, dir: &Dir<'_>, out: &mut Vec<MediaFile>) {
    for f in dir.files() {
        let rel = crate::media::relative(root, f.path());
        out.push(MediaFile {
            path: format!("(built in) screening_protocols/{}", f.path().display()),
            rel,
            size: f.contents().len() as u64,
            bytes: f.contents().into(),
        });
    }
    for d in dir.dirs() {
        media_files(root, d, out);
    }
}

/// Every bundled protocol, sorted by id.
pub fn protocols() -> Vec<ProtocolSource> {
    let mut all: Vec<ProtocolSource> = PROTOCOLS.dirs().map(protocol).collect();
    all.sort_by(|a, b| a.dir_name.cmp(&b.dir_name));
    all
}

/// The app's own strings as built in.
pub fn app_strings() -> AppStrings {
    let mut langs = Vec::new();
    for d in LOCALES.dirs() {
        let tag = d
            .path()
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut files: Vec<TextFile> = d
            .files()
            .filter_map(|f| {
                text(f).map(|t| TextFile {
                    path: format!("(built in) locales/{}", f.path().display()),
                    text: t,
                })
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        langs.push((tag, files));
    }
    langs.sort_by(|a, b| a.0.cmp(&b.0));
    AppStrings { langs }
}
