//! Where the protocols and app strings come from: directories given by the user, or the copies
//! built into the binary so that it works on a machine with nothing else installed.

use anyhow::{Context, Result};
use fieldscreen_catalog::{
    AppStrings, ProtocolSource, bundled, list_protocol_dirs, read_app_strings, read_protocol_dir,
};
use std::path::{Path, PathBuf};

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
            None => bundled::app_strings(),
        };
        Ok(Sources { protocols_dir, app })
    }

    pub fn all(&self) -> Result<Vec<ProtocolSource>> {
        match &self.protocols_dir {
            Some(root) => list_protocol_dirs(root)?
                .iter()
                .map(|d| Ok(read_protocol_dir(d)?))
                .collect(),
            None => Ok(bundled::protocols()),
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
