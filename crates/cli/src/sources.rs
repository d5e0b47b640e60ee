//! Where the protocols and app strings come from: directories given by the user, or the copies
//! built into the binary so that it works on a machine with nothing else installed.

use anyhow::{Context, Result};
use fieldscreen_catalog::{
    AppStrings, ProtocolSource, TextFile, list_protocol_dirs, read_app_strings, read_protocol_dir,
};
use include_dir::{Dir, include_dir};
use std::path::{Path, PathBuf};

static BUNDLED_PROTOCOLS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../screening_protocols");
static BUNDLED_LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../locales");

pub struct Sources {
    protocols_dir: Option<PathBuf>,
    pub app: AppStrings,
}

impl Sources {
    pub fn new(protocols_dir: Option<PathBuf>, locales_dir: Option<PathBuf>) -> Result<Self> {
        let app = match locales_dir {
            Some(dir) => {
                read_app_strings(&dir).with_context(|| format!("reading app strings from {}", dir.display()))?
            }
            None => bundled_app_strings(),
        };
        Ok(Sources { protocols_dir, app })
    }

    pub fn all(&self) -> Result<Vec<ProtocolSource>> {
        match &self.protocols_dir {
            Some(root) => list_protocol_dirs(root)?
                .iter()
                .map(|d| Ok(read_protocol_dir(d)?))
                .collect(),
            None => Ok(BUNDLED_PROTOCOLS.dirs().map(bundled_protocol).collect()),
        }
    }

    pub fn read_dir(&self, dir: &Path) -> Result<ProtocolSource> {
        Ok(read_protocol_dir(dir)?)
    }

    pub fn find(&self, id: &str) -> Result<ProtocolSource> {
        self.all()?.into_iter().find(|s| s.dir_name == id).ok_or_else(|| {
            let known: Vec<String> = self.all().unwrap_or_default().into_iter().map(|s| s.dir_name).collect();
            anyhow::anyhow!("no protocol `{id}`; available: {}", known.join(", "))
        })
    }
}

fn text(file: &include_dir::File<'_>) -> Option<String> {
    file.contents_utf8().map(str::to_string)
}

fn bundled_protocol(dir: &Dir<'_>) -> ProtocolSource {
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
    ProtocolSource {
        dir: shown(dir.path()),
        dir_name,
        protocol,
        locales,
        unreadable: Vec::new(),
    }
}

fn bundled_app_strings() -> AppStrings {
    let mut langs = Vec::new();
    for d in BUNDLED_LOCALES.dirs() {
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
