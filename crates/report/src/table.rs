//! Counting de-identified facts into a one- or two-way table over a range of months, and
//! publishing it with every small cell suppressed.

use crate::facts::{AGE_BANDS, CaseFacts, age_band};
use crate::suppress::{MIN_K, Suppression, suppress_one_way, suppress_two_way};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReportError {
    #[error("k must be at least {MIN_K} (asked for {0}): it can be raised, never lowered")]
    KTooSmall(u64),
    #[error("a table has one or two variables, not {0}: ask for several tables instead")]
    Dimensions(usize),
    #[error("`{0}` is not a month (YYYY-MM)")]
    BadMonth(String),
    #[error("the range starts ({0}) after it ends ({1})")]
    EmptyRange(String, String),
}

/// The variables a table can count by, named as the CTDC names its variables where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Variable {
    Gender,
    AgeBand,
    MajorityStatus,
    Citizenship,
    CountryOfExploitation,
    TypeOfExploitation,
    MeansOfControl,
    RecruiterRelation,
    OutcomeLevel,
    ReferralCategory,
    ReferralStatus,
    Month,
}

impl Serialize for Variable {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.export_name())
    }
}

const UNKNOWN: &str = "unknown";
const TOTAL: &str = "total";

impl Variable {
    pub const ALL: [Variable; 12] = [
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
        match self {
            Variable::Gender => one(case.gender.map(|g| g.code())),
            Variable::AgeBand => one(case.age.map(age_band)),
            Variable::MajorityStatus => one(case.age.map(|a| if a < 18 { "minor" } else { "adult" })),
            Variable::Citizenship => one(case.citizenship.as_deref()),
            Variable::CountryOfExploitation => one(case.country_of_exploitation.as_deref()),
            Variable::TypeOfExploitation => many(&case.exploitation),
            Variable::MeansOfControl => many(&case.means_of_control),
            Variable::RecruiterRelation => one(case.recruiter_relation.as_deref()),
            Variable::OutcomeLevel => one(case.level.as_deref()),
            // Read per referral by `keys`, so that a category is never crossed with another
            // referral's status.
            Variable::ReferralCategory => many(&case.referrals.iter().map(|r| r.category.clone()).collect::<Vec<_>>()),
            Variable::ReferralStatus => many(&case.referrals.iter().map(|r| r.status.clone()).collect::<Vec<_>>()),
            Variable::Month => vec![case.month.clone()],
        }
    }

    /// Categories in reading order: age bands youngest first, everything else sorted.
    fn order(self, seen: BTreeSet<String>) -> Vec<String> {
        if self == Variable::AgeBand {
            let mut v: Vec<String> = AGE_BANDS
                .iter()
                .filter(|b| seen.contains(**b))
                .map(|b| b.to_string())
                .collect();
            if seen.contains(UNKNOWN) {
                v.push(UNKNOWN.into());
            }
            v
        } else {
            seen.into_iter().collect()
        }
    }
}

/// Every combination of values one case counts in. The two referral variables are read from
/// the same referral, so that "shelter, accepted" is never crossed with another referral's
/// status; a case without referrals counts once as "none".
fn keys(case: &CaseFacts, by: &[Variable]) -> Vec<Vec<String>> {
    let referrals: Vec<(String, String)> = if by.iter().any(|v| v.is_referral()) {
        if case.referrals.is_empty() {
            vec![("none".into(), "none".into())]
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
pub struct Cell {
    pub key: Vec<String>,
    pub count: Option<u64>,
    #[serde(skip)]
    pub suppression: Suppression,
}

#[derive(Debug, Clone, Serialize)]
pub struct PublishedTable {
    pub variables: Vec<Variable>,
    pub from: String,
    pub to: String,
    pub k: u64,
    /// Categories per variable, in order.
    pub categories: Vec<Vec<String>>,
    /// Cells first (row by row), then totals.
    pub cells: Vec<Cell>,
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
    if k < MIN_K {
        return Err(ReportError::KTooSmall(k));
    }
    if by.is_empty() || by.len() > 2 {
        return Err(ReportError::Dimensions(by.len()));
    }
    let (from, to) = (month(from)?, month(to)?);
    if from > to {
        return Err(ReportError::EmptyRange(from, to));
    }
    let mut counts: BTreeMap<Vec<String>, u64> = BTreeMap::new();
    for case in cases.iter().filter(|c| c.month >= from && c.month <= to) {
        for key in keys(case, by) {
            *counts.entry(key).or_default() += 1;
        }
    }
    let categories: Vec<Vec<String>> = by
        .iter()
        .enumerate()
        .map(|(d, v)| v.order(counts.keys().map(|key| key[d].clone()).collect()))
        .collect();
    let count = |key: &[String]| counts.get(key).copied().unwrap_or(0);
    let mut cells = Vec::new();
    if counts.is_empty() {
        // Nothing in range: no categories, and a lone total would say "nobody" in a cell below k.
    } else if let [only] = categories.as_slice() {
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
