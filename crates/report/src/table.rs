//! Counting de-identified facts into a one- or two-way table over a range of months, and
//! publishing it with every small cell suppressed.

use crate::facts::{AGE_BANDS, CaseFacts, age_band};
use crate::suppress::{MIN_K, Suppression, suppress_one_way, suppress_two_way};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Why a table cannot be made as asked.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReportError {
    /// k below the floor.
    #[error("k must be at least {MIN_K} (asked for {0}): it can be raised, never lowered")]
    KTooSmall(u64),
    /// Not one or two variables.
    #[error("a table has one or two variables, not {0}: ask for several tables instead")]
    Dimensions(usize),
    /// A bound that is no `YYYY-MM`.
    #[error("`{0}` is not a month (YYYY-MM)")]
    BadMonth(String),
    /// The first month comes after the last.
    #[error("the range starts ({0}) after it ends ({1})")]
    EmptyRange(String, String),
}

/// The variables a table can count by, named as the CTDC names its variables where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Variable {
    /// The person's gender.
    Gender,
    /// The CTDC age band.
    AgeBand,
    /// Adult or child.
    MajorityStatus,
    /// ISO 3166-1 alpha-2.
    Citizenship,
    /// ISO 3166-1 alpha-2.
    CountryOfExploitation,
    /// Each exploitation type a case shows (a case may count under several).
    TypeOfExploitation,
    /// Each means of control a case shows.
    MeansOfControl,
    /// Who recruited the person.
    RecruiterRelation,
    /// The screening's outcome level.
    OutcomeLevel,
    /// Each referral's kind of service.
    ReferralCategory,
    /// How far each referral got.
    ReferralStatus,
    /// The screening's month.
    Month,
    /// Whether the person chose to give their own views: all that aggregates ever take from
    /// the survivors' views module.
    ViewsConsent,
    /// Whether a child was counted as one by the presumption of minority only.
    PresumedMinor,
    /// How the screening stands or ended (completed, stopped, postponed, refused, …).
    ScreeningState,
    /// The industry, as an ISIC Rev. 4 section.
    Industry,
    /// The kind of organisation that screened.
    Organisation,
    /// The authority's identification decision after a referral to the national referral
    /// mechanism.
    Identification,
    /// Each need a person ticked in the survivors' views module (`none`: they spoke and ticked
    /// nothing; `unknown`: they were not asked or did not agree).
    SurvivorNeeds,
    /// Each way they said they were treated, likewise.
    SurvivorTreatment,
}

impl Serialize for Variable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.export_name())
    }
}

const UNKNOWN: &str = "unknown";
const NONE: &str = "none";
const OTHER: &str = "other";
const TOTAL: &str = "total";

impl Variable {
    /// Every variable.
    pub const ALL: [Variable; 20] = [
        Variable::Gender,
        Variable::AgeBand,
        Variable::MajorityStatus,
        Variable::Citizenship,
        Variable::CountryOfExploitation,
        Variable::TypeOfExploitation,
        Variable::MeansOfControl,
        Variable::RecruiterRelation,
        Variable::OutcomeLevel,
        Variable::ReferralCategory,
        Variable::ReferralStatus,
        Variable::Month,
        Variable::ViewsConsent,
        Variable::PresumedMinor,
        Variable::ScreeningState,
        Variable::Industry,
        Variable::Organisation,
        Variable::Identification,
        Variable::SurvivorNeeds,
        Variable::SurvivorTreatment,
    ];

    /// The column name in exports (CTDC's where it has one).
    pub fn export_name(self) -> &'static str {
        match self {
            Variable::Gender => "gender",
            Variable::AgeBand => "ageBroad",
            Variable::MajorityStatus => "majorityStatus",
            Variable::Citizenship => "citizenship",
            Variable::CountryOfExploitation => "CountryOfExploitation",
            Variable::TypeOfExploitation => "typeOfExploitation",
            Variable::MeansOfControl => "meansOfControl",
            Variable::RecruiterRelation => "recruiterRelationship",
            Variable::OutcomeLevel => "outcomeLevel",
            Variable::ReferralCategory => "referralCategory",
            Variable::ReferralStatus => "referralStatus",
            Variable::Month => "yearMonth",
            Variable::ViewsConsent => "survivorViewsConsent",
            Variable::PresumedMinor => "presumedMinor",
            Variable::ScreeningState => "screeningState",
            Variable::Industry => "industryIsicSection",
            Variable::Organisation => "organisationType",
            Variable::Identification => "identificationDecision",
            Variable::SurvivorNeeds => "survivorNeeds",
            Variable::SurvivorTreatment => "survivorTreatment",
        }
    }

    /// The name used on the command line.
    pub fn cli_name(self) -> &'static str {
        match self {
            Variable::Gender => "gender",
            Variable::AgeBand => "age_band",
            Variable::MajorityStatus => "adult_child",
            Variable::Citizenship => "citizenship",
            Variable::CountryOfExploitation => "country_of_exploitation",
            Variable::TypeOfExploitation => "exploitation",
            Variable::MeansOfControl => "means_of_control",
            Variable::RecruiterRelation => "recruiter_relation",
            Variable::OutcomeLevel => "outcome",
            Variable::ReferralCategory => "referral_category",
            Variable::ReferralStatus => "referral_status",
            Variable::Month => "month",
            Variable::ViewsConsent => "views_consent",
            Variable::PresumedMinor => "presumed_minor",
            Variable::ScreeningState => "screening",
            Variable::Industry => "industry",
            Variable::Organisation => "organisation",
            Variable::Identification => "identification",
            Variable::SurvivorNeeds => "views_needs",
            Variable::SurvivorTreatment => "views_treatment",
        }
    }

    /// By its command-line name.
    pub fn from_name(name: &str) -> Option<Variable> {
        Variable::ALL.into_iter().find(|v| v.cli_name() == name)
    }

    fn is_referral(self) -> bool {
        matches!(self, Variable::ReferralCategory | Variable::ReferralStatus)
    }

    /// The values one case has; a person can have several (types of exploitation, means).
    fn values(self, case: &CaseFacts) -> Vec<String> {
        let one = |v: Option<&str>| vec![v.unwrap_or(UNKNOWN).to_string()];
        let many = |v: &[String]| {
            if v.is_empty() {
                vec![UNKNOWN.to_string()]
            } else {
                v.iter().collect::<BTreeSet<_>>().into_iter().cloned().collect()
            }
        };
        // A screening that found no indication has no exploitation type or means of control:
        // "none", not "unknown".
        let found = |v: &[String]| {
            if v.is_empty() && !case.found_indication() {
                vec![NONE.to_string()]
            } else {
                many(v)
            }
        };
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        // A person who agreed to speak and ticked nothing is "none"; one not asked, "unknown".
        let ticked = |v: &[String]| {
            if v.is_empty() && case.views_consent == Some(true) {
                vec![NONE.to_string()]
            } else {
                many(v)
            }
        };
        match self {
            Variable::Gender => one(case.gender.map(|g| g.code())),
            Variable::AgeBand => one(case.age.map(age_band)),
            // A presumed minor whose age is uncertain is a child here, not "unknown".
            Variable::MajorityStatus => one(case.minor.map(|m| if m { "minor" } else { "adult" })),
            Variable::Citizenship => one(case.citizenship.as_deref()),
            Variable::CountryOfExploitation => one(case.country_of_exploitation.as_deref()),
            Variable::TypeOfExploitation => found(&case.exploitation),
            Variable::MeansOfControl => found(&case.means_of_control),
            Variable::RecruiterRelation => one(case.recruiter_relation.as_deref()),
            Variable::OutcomeLevel => one(case.level.as_deref()),
            // Read per referral by `keys`, so that a category is never crossed with another
            // referral's status.
            Variable::ReferralCategory => many(&case.referrals.iter().map(|r| r.category.clone()).collect::<Vec<_>>()),
            Variable::ReferralStatus => many(&case.referrals.iter().map(|r| r.status.clone()).collect::<Vec<_>>()),
            Variable::Month => vec![case.month.clone()],
            Variable::ViewsConsent => one(case.views_consent.map(yes_no)),
            Variable::PresumedMinor => one(case.minor.map(|_| yes_no(case.presumed_minor))),
            Variable::ScreeningState => vec![case.state.as_str().to_string()],
            Variable::Industry => one(case.industry.as_deref()),
            Variable::Organisation => one(case.organisation.map(|o| o.name())),
            Variable::Identification => vec![case.identification.map_or(NONE, |d| d.name()).to_string()],
            Variable::SurvivorNeeds => ticked(&case.survivor_needs),
            Variable::SurvivorTreatment => ticked(&case.survivor_treatment),
        }
    }

    /// Every category the variable can take, in reading order, whether anyone has it or not:
    /// a list of only the values that occur would say "at least one person" for each, however
    /// small its hidden count. `None` for open lists (countries), which `tabulate` protects by
    /// merging every value held by fewer than k people into "other".
    fn domain(self, from: &str, to: &str) -> Option<Vec<String>> {
        use fieldscreen_protocol::model::{ReferralCategory, ReportVariable};
        let with = |list: &[&str], rest: &str| {
            list.iter()
                .map(|s| s.to_string())
                .chain([rest.to_string()])
                .collect::<Vec<_>>()
        };
        Some(match self {
            Variable::Gender => with(&["woman", "man", "other", "prefer-not-to-say"], UNKNOWN),
            Variable::AgeBand => with(&AGE_BANDS, UNKNOWN),
            Variable::MajorityStatus => with(&["adult", "minor"], UNKNOWN),
            Variable::TypeOfExploitation => {
                let mut d = with(ReportVariable::Exploitation.categories().unwrap_or(&[]), UNKNOWN);
                d.push(NONE.into());
                d
            }
            Variable::MeansOfControl => {
                let mut d = with(&fieldscreen_protocol::MEANS_OF_CONTROL, UNKNOWN);
                d.push(NONE.into());
                d
            }
            Variable::RecruiterRelation => with(ReportVariable::RecruiterRelation.categories().unwrap_or(&[]), UNKNOWN),
            // Unfinished screenings are counted apart, never as a level.
            Variable::OutcomeLevel => {
                let mut levels = fieldscreen_protocol::Level::ALL.map(|l| l.name()).to_vec();
                levels.push(fieldscreen_protocol::outcome::INCOMPLETE);
                with(&levels, UNKNOWN)
            }
            Variable::ReferralCategory => with(&ReferralCategory::ALL.map(|c| c.name()), NONE),
            Variable::ReferralStatus => with(&crate::tracking::Status::ALL.map(|s| s.name()), NONE),
            Variable::Month => months(from, to),
            Variable::ViewsConsent | Variable::PresumedMinor => with(&["yes", "no"], UNKNOWN),
            Variable::ScreeningState => fieldscreen_vault::CaseState::ALL
                .map(|s| s.as_str().to_string())
                .to_vec(),
            Variable::Industry => with(ReportVariable::Industry.categories().unwrap_or(&[]), UNKNOWN),
            Variable::Organisation => with(&fieldscreen_vault::OrganisationType::ALL.map(|o| o.name()), UNKNOWN),
            Variable::Identification => with(&crate::Decision::ALL.map(|d| d.name()), NONE),
            Variable::SurvivorNeeds | Variable::SurvivorTreatment => {
                let list = if self == Variable::SurvivorNeeds {
                    ReportVariable::SurvivorNeeds
                } else {
                    ReportVariable::SurvivorTreatment
                };
                let mut d = with(list.categories().unwrap_or(&[]), UNKNOWN);
                d.push(NONE.into());
                d
            }
            Variable::Citizenship | Variable::CountryOfExploitation => return None,
        })
    }
}

/// Every combination of values one case counts in. The two referral variables are read from
/// the same referral, so that "shelter, accepted" is never crossed with another referral's
/// status; a case without referrals counts once as "none".
fn keys(case: &CaseFacts, by: &[Variable]) -> Vec<Vec<String>> {
    let referrals: Vec<(String, String)> = if by.iter().any(|v| v.is_referral()) {
        if case.referrals.is_empty() {
            vec![(NONE.into(), NONE.into())]
        } else {
            case.referrals
                .iter()
                .map(|r| (r.category.clone(), r.status.clone()))
                .collect()
        }
    } else {
        vec![(String::new(), String::new())]
    };
    let mut out = BTreeSet::new();
    for (category, status) in &referrals {
        let mut combos: Vec<Vec<String>> = vec![Vec::new()];
        for v in by {
            let values = match v {
                Variable::ReferralCategory => vec![category.clone()],
                Variable::ReferralStatus => vec![status.clone()],
                other => other.values(case),
            };
            combos = combos
                .into_iter()
                .flat_map(|c| {
                    values.iter().map(move |x| {
                        let mut c = c.clone();
                        c.push(x.clone());
                        c
                    })
                })
                .collect();
        }
        out.extend(combos);
    }
    out.into_iter().collect()
}

/// One published entry: the category of each variable (or "total"), and the count unless it is
/// suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cell {
    /// The category of each variable (`total` for a total).
    pub key: Vec<String>,
    /// The count; `None` when suppressed.
    pub count: Option<u64>,
    /// Whether and why it is suppressed (not published: it would say which were below k).
    #[serde(skip)]
    pub suppression: Suppression,
}

/// A table ready to publish: every cell under k, and enough others, suppressed.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PublishedTable {
    /// The variables counted by, serialised by their export names.
    #[cfg_attr(feature = "ts", ts(type = "string[]"))]
    pub variables: Vec<Variable>,
    /// The first month counted (`YYYY-MM`).
    pub from: String,
    /// The last month counted (`YYYY-MM`).
    pub to: String,
    /// Cells under k are suppressed.
    pub k: u64,
    /// Categories per variable, in order.
    pub categories: Vec<Vec<String>>,
    /// Cells first (row by row), then totals.
    pub cells: Vec<Cell>,
}

impl PublishedTable {
    /// A header of export (CTDC) variable names and `count`, then one row per cell; an empty
    /// count is a suppressed one (fewer than k, or hidden to protect one that is).
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut header: Vec<String> = self.variables.iter().map(|v| v.export_name().to_string()).collect();
        header.push("count".into());
        let mut out = vec![header];
        for c in &self.cells {
            let mut row = c.key.clone();
            row.push(c.count.map(|n| n.to_string()).unwrap_or_default());
            out.push(row);
        }
        out
    }

    /// `rows` as CSV.
    pub fn to_csv(&self) -> String {
        self.rows().iter().map(|r| crate::csv::line(r)).collect()
    }
}

/// The range `from..=to` (months) and `k`, checked as every publication checks them.
pub(crate) fn checked_range(from: &str, to: &str, k: u64) -> Result<(String, String), ReportError> {
    if k < MIN_K {
        return Err(ReportError::KTooSmall(k));
    }
    let (from, to) = (month(from)?, month(to)?);
    if from > to {
        return Err(ReportError::EmptyRange(from, to));
    }
    Ok((from, to))
}

fn month(s: &str) -> Result<String, ReportError> {
    let ok = s.len() == 7
        && s.as_bytes()[4] == b'-'
        && s[..4].bytes().all(|b| b.is_ascii_digit())
        && matches!(s[5..].parse::<u8>(), Ok(1..=12));
    if ok {
        Ok(s.to_string())
    } else {
        Err(ReportError::BadMonth(s.to_string()))
    }
}

/// Counts `cases` whose month is within `from..=to` by one or two variables and suppresses
/// what must not be published. For variables where one person can have several values, a
/// person counts once per value, and totals count values.
pub fn tabulate(
    cases: &[CaseFacts],
    by: &[Variable],
    from: &str,
    to: &str,
    k: u64,
) -> Result<PublishedTable, ReportError> {
    if by.is_empty() || by.len() > 2 {
        return Err(ReportError::Dimensions(by.len()));
    }
    let (from, to) = checked_range(from, to, k)?;
    let mut counts: BTreeMap<Vec<String>, u64> = BTreeMap::new();
    for case in cases.iter().filter(|c| c.month >= from && c.month <= to) {
        for key in keys(case, by) {
            *counts.entry(key).or_default() += 1;
        }
    }
    // The categories of each variable; values outside them (a fixed list's stray value, or a
    // country fewer than k people share) are counted under "unknown" or "other".
    let mut categories: Vec<Vec<String>> = Vec::with_capacity(by.len());
    for (d, v) in by.iter().enumerate() {
        categories.push(match v.domain(&from, &to) {
            Some(list) => list,
            None => {
                let mut margin: BTreeMap<&str, u64> = BTreeMap::new();
                for (key, n) in &counts {
                    *margin.entry(key[d].as_str()).or_default() += n;
                }
                let mut kept: Vec<String> = margin
                    .into_iter()
                    .filter(|&(value, n)| n >= k && value != UNKNOWN && value != OTHER)
                    .map(|(value, _)| value.to_string())
                    .collect();
                kept.extend([OTHER.to_string(), UNKNOWN.to_string()]);
                kept
            }
        });
    }
    let mut merged: BTreeMap<Vec<String>, u64> = BTreeMap::new();
    for (key, n) in counts {
        let key: Vec<String> = key
            .into_iter()
            .enumerate()
            .map(|(d, value)| {
                if categories[d].contains(&value) {
                    value
                } else if by[d].domain(&from, &to).is_none() {
                    OTHER.to_string()
                } else {
                    UNKNOWN.to_string()
                }
            })
            .collect();
        *merged.entry(key).or_default() += n;
    }
    let counts = merged;
    let count = |key: &[String]| counts.get(key).copied().unwrap_or(0);
    let mut cells = Vec::new();
    if let [only] = categories.as_slice() {
        let mut line: Vec<u64> = only.iter().map(|c| count(std::slice::from_ref(c))).collect();
        line.push(line.iter().sum());
        let state = suppress_one_way(&line, k);
        let keys = only.iter().cloned().chain([TOTAL.to_string()]);
        for ((key, v), s) in keys.zip(line).zip(state) {
            cells.push(Cell {
                key: vec![key],
                count: (!s.hidden()).then_some(v),
                suppression: s,
            });
        }
    } else if let [rows, cols] = categories.as_slice() {
        let mut grid: Vec<Vec<u64>> = rows
            .iter()
            .map(|r| {
                let mut line: Vec<u64> = cols.iter().map(|c| count(&[r.clone(), c.clone()])).collect();
                line.push(line.iter().sum());
                line
            })
            .collect();
        let margin: Vec<u64> = (0..=cols.len()).map(|j| grid.iter().map(|l| l[j]).sum()).collect();
        grid.push(margin);
        let state = suppress_two_way(&grid, k);
        let row_keys: Vec<String> = rows.iter().cloned().chain([TOTAL.to_string()]).collect();
        let col_keys: Vec<String> = cols.iter().cloned().chain([TOTAL.to_string()]).collect();
        for (i, r) in row_keys.iter().enumerate() {
            for (j, c) in col_keys.iter().enumerate() {
                cells.push(Cell {
                    key: vec![r.clone(), c.clone()],
                    count: (!state[i][j].hidden()).then_some(grid[i][j]),
                    suppression: state[i][j],
                });
            }
        }
    }
    Ok(PublishedTable {
        variables: by.to_vec(),
        from,
        to,
        k,
        categories,
        cells,
    })
}

/// Every month from `from` to `to` (both `YYYY-MM`, already checked), in order.
fn months(from: &str, to: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, i32)> { Some((m.get(..4)?.parse().ok()?, m.get(5..7)?.parse().ok()?)) };
    let (Some((mut y, mut m)), Some(end)) = (parse(from), parse(to)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while (y, m) <= end {
        out.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}
