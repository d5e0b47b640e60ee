//! Which kind of organisation screens on this device: what lets a report set the people an NGO
//! screened beside those the police or a labour inspectorate did, and the gap between people
//! screened and people formally identified be seen per kind of organisation.
//!
//! The device's choice lives in the encrypted database (a seized device's plain files do not
//! say that it belongs to the police), and each case records it when it is created, so a case
//! synced to an office still says who screened it.

use rusqlite::{Connection, OptionalExtension};
use std::fmt;

/// The kind of organisation a screening was done by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationType {
    /// A non-governmental organisation (outreach, counselling).
    Ngo,
    /// A shelter or other residential service.
    Shelter,
    /// A helpline or hotline.
    Helpline,
    /// A labour inspectorate.
    LabourInspectorate,
    /// The police or another law-enforcement body.
    Police,
    /// Border or immigration services.
    Immigration,
    /// A health service.
    Health,
    /// Another public body (social services, a ministry, a local authority).
    OtherGovernment,
    /// None of these.
    Other,
}

impl OrganisationType {
    /// Every kind, in the order lists show them.
    pub const ALL: [OrganisationType; 9] = [
        OrganisationType::Ngo,
        OrganisationType::Shelter,
        OrganisationType::Helpline,
        OrganisationType::LabourInspectorate,
        OrganisationType::Police,
        OrganisationType::Immigration,
        OrganisationType::Health,
        OrganisationType::OtherGovernment,
        OrganisationType::Other,
    ];

    /// Its name, as stored, typed on the command line and used in message keys.
    pub fn name(self) -> &'static str {
        match self {
            OrganisationType::Ngo => "ngo",
            OrganisationType::Shelter => "shelter",
            OrganisationType::Helpline => "helpline",
            OrganisationType::LabourInspectorate => "labour-inspectorate",
            OrganisationType::Police => "police",
            OrganisationType::Immigration => "immigration",
            OrganisationType::Health => "health",
            OrganisationType::OtherGovernment => "other-government",
            OrganisationType::Other => "other",
        }
    }

    /// The kind of that name.
    pub fn parse(name: &str) -> Option<OrganisationType> {
        OrganisationType::ALL.into_iter().find(|o| o.name() == name)
    }

    /// Every name, for error messages.
    pub fn names() -> String {
        OrganisationType::ALL.map(|o| o.name()).join(", ")
    }
}

impl fmt::Display for OrganisationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Its key in `vault_meta`.
const META_KEY: &str = "organisation-type";

/// The device's organisation type, if one was chosen.
pub(crate) fn read(conn: &Connection) -> rusqlite::Result<Option<OrganisationType>> {
    let name: Option<String> = conn
        .query_row("SELECT value FROM vault_meta WHERE key = ?1", [META_KEY], |r| r.get(0))
        .optional()?;
    Ok(name.as_deref().and_then(OrganisationType::parse))
}

/// Chooses (or, with `None`, forgets) the device's organisation type.
pub(crate) fn write(conn: &Connection, organisation: Option<OrganisationType>) -> rusqlite::Result<()> {
    match organisation {
        Some(o) => conn.execute(
            "INSERT OR REPLACE INTO vault_meta (key, value) VALUES (?1, ?2)",
            [META_KEY, o.name()],
        )?,
        None => conn.execute("DELETE FROM vault_meta WHERE key = ?1", [META_KEY])?,
    };
    Ok(())
}
