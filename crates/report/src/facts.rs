//! One case as aggregate reporting sees it.

use serde::Serialize;

/// The person's gender as they gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Gender {
    /// A woman or a girl.
    Woman,
    /// A man or a boy.
    Man,
    /// Neither, or another gender the person named.
    Other,
    /// The person chose not to say.
    PreferNotToSay,
}

impl Gender {
    /// Its name in tables and exports.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Woman => "woman",
            Gender::Man => "man",
            Gender::Other => "other",
            Gender::PreferNotToSay => "prefer-not-to-say",
        }
    }
}

/// A referral and how far it got (suggested, offered, accepted, declined, contacted,
/// service-received, service-not-received).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Referral {
    /// The kind of service (`shelter`, `legal`, …).
    pub category: String,
    /// How far it got.
    pub status: String,
}

/// What one case contributes to aggregates. Unknown values are `None` and counted as "unknown".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CaseFacts {
    /// `YYYY-MM` of the screening: never a finer date.
    pub month: String,
    /// As the person gave it.
    pub gender: Option<Gender>,
    /// In years, as given (or estimated by the interviewer).
    pub age: Option<u32>,
    /// A child: under 18 by the age given, or presumed so (the presumption of minority).
    /// `None` when the age gate was not reached.
    pub minor: Option<bool>,
    /// A child by presumption only: the stated age, if any, is 18 or more, or none was given,
    /// and there were reasons to believe the person is younger. Counted as a child, and
    /// flagged so a reader can tell.
    pub presumed_minor: bool,
    /// How the screening stands or ended: a postponed, refused or stopped screening is
    /// counted as such, never as a level.
    pub state: fieldscreen_vault::CaseState,
    /// The kind of organisation that screened.
    pub organisation: Option<fieldscreen_vault::OrganisationType>,
    /// ISO 3166-1 alpha-2.
    pub citizenship: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_of_exploitation: Option<String>,
    /// Several types can apply to one person.
    pub exploitation: Vec<String>,
    /// How the person was controlled, as the indicators that fired say.
    pub means_of_control: Vec<String>,
    /// Who recruited the person (family, partner, agency, …).
    pub recruiter_relation: Option<String>,
    /// The industry, as an ISIC Rev. 4 section letter.
    pub industry: Option<String>,
    /// The screening's outcome level (or `incomplete`).
    pub level: Option<String>,
    /// Every referral of the case and how far it got.
    pub referrals: Vec<Referral>,
    /// The authority's latest decision on a referral to the national referral mechanism.
    pub identification: Option<crate::Decision>,
    /// Whether the person agreed to give their own views (survivors' views module); `None`
    /// where it was not asked.
    pub views_consent: Option<bool>,
    /// What the person ticked on the module's coded checklist of needs, when they agreed to
    /// speak. Their own words never reach a fact.
    pub survivor_needs: Vec<String>,
    /// What they ticked on the module's checklist of how they were treated.
    pub survivor_treatment: Vec<String>,
}

impl CaseFacts {
    /// Whether the screening found an indication of trafficking ([`crate::INDICATION_FROM`] or
    /// above).
    pub fn found_indication(&self) -> bool {
        let from = crate::INDICATION_FROM;
        fieldscreen_protocol::Level::ALL
            .iter()
            .filter(|l| **l >= from)
            .any(|l| self.level.as_deref() == Some(l.name()))
    }
}

/// The CTDC age bands.
pub const AGE_BANDS: [&str; 9] = [
    "0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+",
];

/// The CTDC age band an age falls in.
pub fn age_band(age: u32) -> &'static str {
    match age {
        0..=8 => AGE_BANDS[0],
        9..=17 => AGE_BANDS[1],
        18..=20 => AGE_BANDS[2],
        21..=23 => AGE_BANDS[3],
        24..=26 => AGE_BANDS[4],
        27..=29 => AGE_BANDS[5],
        30..=38 => AGE_BANDS[6],
        39..=47 => AGE_BANDS[7],
        _ => AGE_BANDS[8],
    }
}
