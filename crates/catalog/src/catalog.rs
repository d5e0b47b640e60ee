//! The one entrance to protocols: the CLI, the app, reports and sync find a protocol by its id
//! here, and nowhere else.
//!
//! A catalog is built once from its sources (the copies built into the binary, or directories
//! on disk). The first time a protocol is asked for on a given day it is checked in full
//! (reachability and outcome search included) and kept; later requests share the loaded copy.

use crate::source::{AppStrings, ProtocolSource, list_protocol_dirs, read_app_strings, read_protocol_dir};
use crate::{CatalogError, Interview, Loaded, bundled, load};
use fieldscreen_i18n::Localizer;
use fieldscreen_protocol::Protocol;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

/// Loaded protocols by id, with the day each was checked on.
type Loads = BTreeMap<String, (Option<Date>, Arc<Loaded>)>;

/// The protocols a front end can run, with the app's own strings.
pub struct Catalog {
    sources: Vec<ProtocolSource>,
    app: AppStrings,
    /// Loaded protocols by id, with the day they were checked on: a check's warnings depend on
    /// the date (review and validity dates), so another day checks again.
    loaded: Mutex<Loads>,
}

impl Catalog {
    /// The protocols and strings built into the binary.
    pub fn bundled() -> Catalog {
        Catalog::new(bundled::protocols(), bundled::app_strings())
    }

    /// Protocols from every directory under `protocols` holding a `protocol.toml`, app strings
    /// from `locales` (`<lang>/*.ftl`); either left out takes the built-in copies.
    pub fn open(protocols: Option<&Path>, locales: Option<&Path>) -> Result<Catalog, CatalogError> {
        let app = match locales {
            Some(dir) => read_app_strings(dir)?,
            None => bundled::app_strings(),
        };
        let sources = match protocols {
            Some(root) => list_protocol_dirs(root)?
                .iter()
                .map(|dir| read_protocol_dir(dir))
                .collect::<Result<_, _>>()?,
            None => bundled::protocols(),
        };
        Ok(Catalog::new(sources, app))
    }

    /// A catalog of the given sources, sorted by id.
    pub fn new(mut sources: Vec<ProtocolSource>, app: AppStrings) -> Catalog {
        sources.sort_by(|a, b| a.dir_name.cmp(&b.dir_name));
        Catalog {
            sources,
            app,
            loaded: Mutex::new(BTreeMap::new()),
        }
    }

    /// The app's own strings (every front end's texts).
    pub fn app(&self) -> &AppStrings {
        &self.app
    }

    /// The app's strings alone, for screens that show no protocol.
    pub fn app_localizer(&self) -> Result<Localizer, CatalogError> {
        crate::app_localizer(&self.app)
    }

    /// Every protocol's source, sorted by id, whether or not it passes its check.
    pub fn sources(&self) -> &[ProtocolSource] {
        &self.sources
    }

    /// The source of protocol `id`, or an error naming the ones there are.
    pub fn source(&self, id: &str) -> Result<&ProtocolSource, CatalogError> {
        self.sources
            .iter()
            .find(|s| s.dir_name == id)
            .ok_or_else(|| CatalogError::UnknownProtocol {
                id: id.to_string(),
                available: self.sources.iter().map(|s| s.dir_name.clone()).collect(),
            })
    }

    /// Protocol `id`, checked (on `today`, for its date warnings) and loaded with its strings;
    /// any error in the check refuses it.
    pub fn load(&self, id: &str, today: Option<Date>) -> Result<Arc<Loaded>, CatalogError> {
        if let Some((day, loaded)) = self.cache().get(id)
            && *day == today
        {
            return Ok(loaded.clone());
        }
        // Checked without holding the cache: a large protocol's check takes a while, and other
        // protocols need not wait for it.
        let loaded = Arc::new(load(self.source(id)?, &self.app, today)?);
        self.cache().insert(id.to_string(), (today, loaded.clone()));
        Ok(loaded)
    }

    /// The protocol alone, or `None` when it is missing or does not pass its check: what a
    /// listing, a report or a merge needs for a case of that protocol.
    pub fn protocol(&self, id: &str, today: Option<Date>) -> Option<Arc<Protocol>> {
        self.load(id, today).ok().map(|l| l.protocol.clone())
    }

    /// Protocol `id` for a new interview, with the child branch it names.
    pub fn interview(&self, id: &str, today: Option<Date>) -> Result<Interview, CatalogError> {
        let main = self.load(id, today)?;
        let child = match &main.protocol.header.child_branch {
            Some(child) => Some(self.load(child, today)?),
            None => None,
        };
        Ok(Interview { main, child })
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, Loads> {
        // The map holds only finished entries, so one left by a panicking thread is still whole.
        self.loaded.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_protocol_is_checked_once_per_day_and_shared() {
        let catalog = Catalog::bundled();
        let day = Some(jiff::civil::date(2026, 12, 1));
        let first = catalog.load("rapid-screen", day).expect("loads");
        let again = catalog.load("rapid-screen", day).expect("loads");
        assert!(
            Arc::ptr_eq(&first, &again),
            "the second request re-checked the protocol"
        );
        let next_day = catalog
            .load("rapid-screen", Some(jiff::civil::date(2026, 12, 2)))
            .expect("loads");
        assert!(
            !Arc::ptr_eq(&first, &next_day),
            "another day's warnings come from another check"
        );
    }

    #[test]
    fn an_unknown_id_names_the_protocols_there_are() {
        let catalog = Catalog::bundled();
        let Err(CatalogError::UnknownProtocol { id, available }) = catalog.load("no-such-protocol", None) else {
            panic!("an unknown protocol loaded");
        };
        assert_eq!(id, "no-such-protocol");
        assert!(available.iter().any(|a| a == "rapid-screen"), "{available:?}");
        let text = catalog
            .load("nope", None)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(text.contains("adult-trafficking"), "{text}");
    }

    #[test]
    fn an_interview_carries_the_child_branch_its_protocol_names() {
        let catalog = Catalog::bundled();
        let interview = catalog.interview("adult-trafficking", None).expect("loads");
        let child = interview.child.as_ref().map(|c| c.protocol.header.id.clone());
        assert_eq!(child.as_deref(), interview.main.protocol.header.child_branch.as_deref());
        assert!(child.is_some(), "the adult protocol names a child branch");
    }

    #[test]
    fn a_protocol_that_fails_its_check_is_refused_by_id() {
        let mut broken = bundled::protocols()
            .into_iter()
            .find(|p| p.dir_name == "rapid-screen")
            .expect("bundled");
        broken.protocol = None;
        let catalog = Catalog::new(vec![broken], bundled::app_strings());
        assert!(matches!(
            catalog.load("rapid-screen", None),
            Err(CatalogError::Invalid { .. })
        ));
        assert!(catalog.protocol("rapid-screen", None).is_none());
    }
}
