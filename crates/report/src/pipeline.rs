//! The identification pipeline: for a period, how many persons were screened, screened
//! positive, referred, formally identified by the authority, and assisted, by gender and
//! adult/child, and per kind of organisation. It is what makes visible the gap a national
//! rapporteur needs to see: the state identifies 8 while NGOs assist 56.
//!
//! The stages are not one funnel but two nested chains, and a count published beside the one
//! it is part of also publishes their difference (15 screened and 12 positive say that 3 were
//! not). So besides every count below k, a count is hidden when the difference to the nearest
//! published count it is part of is between 1 and k − 1; and a line that adds up to a total
//! (the cells of a stage, the organisations of a stage) never has exactly one count hidden.
//! These rules are applied until none hides anything more. Bounds that nesting still gives on
//! a hidden count (it lies between the counts above and below it) are not hidden further.

use crate::facts::{CaseFacts, Gender};
use crate::suppress::suppress_one_way;
use crate::table::{ReportError, checked_range};
use crate::tracking::{Decision, Status};
use serde::Serialize;

/// A stage a person reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PipelineStage"))]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// A screening began (whatever became of it).
    Screened,
    /// The screening found an indication: assess further or refer now.
    ScreenedPositive,
    /// … and concluded "refer now".
    ReferNow,
    /// A referral was made: the person accepted it (whatever the service did next).
    Referred,
    /// The authority formally identified the person as a victim of trafficking.
    Identified,
    /// The person received a service they were referred to.
    Assisted,
}

impl Stage {
    /// In reading order.
    pub const ALL: [Stage; 6] = [
        Stage::Screened,
        Stage::ScreenedPositive,
        Stage::ReferNow,
        Stage::Referred,
        Stage::Identified,
        Stage::Assisted,
    ];

    /// Its name in exports.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Screened => "screened",
            Stage::ScreenedPositive => "screened-positive",
            Stage::ReferNow => "refer-now",
            Stage::Referred => "referred",
            Stage::Identified => "identified",
            Stage::Assisted => "assisted",
        }
    }

    /// The stage whose persons include every person of this one.
    pub fn part_of(self) -> Option<Stage> {
        match self {
            Stage::Screened => None,
            Stage::ScreenedPositive | Stage::Referred => Some(Stage::Screened),
            Stage::ReferNow => Some(Stage::ScreenedPositive),
            // Identification follows a referral to the mechanism; a service follows a referral.
            Stage::Identified | Stage::Assisted => Some(Stage::Referred),
        }
    }

    /// Whether the person reached it.
    pub fn reached(self, f: &CaseFacts) -> bool {
        let referral_reached = |statuses: &[Status]| {
            f.referrals
                .iter()
                .any(|r| Status::parse(&r.status).is_some_and(|s| statuses.contains(&s)))
        };
        match self {
            Stage::Screened => true,
            Stage::ScreenedPositive => f.found_indication(),
            Stage::ReferNow => f.level.as_deref() == Some(fieldscreen_protocol::Level::ReferNow.name()),
            Stage::Referred => referral_reached(&[
                Status::Accepted,
                Status::Contacted,
                Status::ServiceReceived,
                Status::ServiceNotReceived,
            ]),
            Stage::Identified => f.identification == Some(Decision::Identified),
            Stage::Assisted => referral_reached(&[Status::ServiceReceived]),
        }
    }
}

/// A column: one gender and one age group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PipelineColumn {
    /// `woman`, `man`, `other` or `unknown` (not said, or not asked).
    pub gender: String,
    /// `adult`, `minor` (presumed minors included) or `unknown`.
    pub age_group: String,
}

/// One stage's counts; `None` is hidden.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PipelineRow {
    /// The stage.
    pub stage: Stage,
    /// One per column (empty in a block per organisation, which gives totals only).
    pub cells: Vec<Option<u64>>,
    /// Every person of the block at this stage.
    pub total: Option<u64>,
}

/// The pipeline of every organisation (`all`) or of one kind of organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PipelineBlock {
    /// `all`, an organisation type's name, or `unknown`.
    pub organisation: String,
    /// One per stage, in `Stage::ALL` order.
    pub rows: Vec<PipelineRow>,
}

/// The pipeline ready to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Pipeline {
    /// The first month counted.
    pub from: String,
    /// The last month counted.
    pub to: String,
    /// Counts under k are hidden.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub k: u64,
    /// The columns of the `all` block.
    pub columns: Vec<PipelineColumn>,
    /// `all` first, then each kind of organisation, then `unknown`.
    pub blocks: Vec<PipelineBlock>,
}

impl Pipeline {
    /// A header (`organisation`, `stage`, one `gender/age group` per column, `total`), then
    /// one row per block and stage; an empty count is hidden. Blocks per organisation fill the
    /// total only.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut header = vec!["organisation".to_string(), "stage".to_string()];
        header.extend(self.columns.iter().map(|c| format!("{}/{}", c.gender, c.age_group)));
        header.push("total".into());
        let mut out = vec![header];
        let shown = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        for block in &self.blocks {
            for row in &block.rows {
                let mut line = vec![block.organisation.clone(), row.stage.name().to_string()];
                if row.cells.is_empty() {
                    line.extend(self.columns.iter().map(|_| String::new()));
                } else {
                    line.extend(row.cells.iter().map(|c| shown(*c)));
                }
                line.push(shown(row.total));
                out.push(line);
            }
        }
        out
    }

    /// `rows` as CSV.
    pub fn to_csv(&self) -> String {
        self.rows().iter().map(|r| crate::csv::line(r)).collect()
    }
}

const ALL_ORGANISATIONS: &str = "all";

/// The blocks' names, in order: `all`, each kind of organisation, `unknown`.
pub fn block_names() -> Vec<&'static str> {
    let mut names = vec![ALL_ORGANISATIONS];
    names.extend(fieldscreen_vault::OrganisationType::ALL.map(|o| o.name()));
    names.push(UNKNOWN);
    names
}
const UNKNOWN: &str = "unknown";
/// The pipeline's gender columns: "prefer not to say" and "not asked" are both `unknown`.
pub const GENDERS: [&str; 4] = ["woman", "man", "other", UNKNOWN];
/// The pipeline's age groups: a presumed minor is a `minor`.
pub const AGE_GROUPS: [&str; 3] = ["adult", "minor", UNKNOWN];

fn column_of(f: &CaseFacts) -> usize {
    let g = match f.gender {
        Some(Gender::Woman) => 0,
        Some(Gender::Man) => 1,
        Some(Gender::Other) => 2,
        Some(Gender::PreferNotToSay) | None => 3,
    };
    let a = match f.minor {
        Some(false) => 0,
        Some(true) => 1,
        None => 2,
    };
    g * AGE_GROUPS.len() + a
}

/// Counts the persons whose (latest) screening falls within `from..=to` into the pipeline, and
/// hides what must not be published.
pub fn pipeline(persons: &[CaseFacts], from: &str, to: &str, k: u64) -> Result<Pipeline, ReportError> {
    let (from, to) = checked_range(from, to, k)?;
    let in_range: Vec<&CaseFacts> = persons.iter().filter(|f| f.month >= from && f.month <= to).collect();
    let columns: Vec<PipelineColumn> = GENDERS
        .iter()
        .flat_map(|g| {
            AGE_GROUPS.iter().map(|a| PipelineColumn {
                gender: g.to_string(),
                age_group: a.to_string(),
            })
        })
        .collect();
    let organisations = block_names();
    let n_cols = columns.len();
    // counts[block][stage][column], the last column the total; blocks other than `all` only
    // fill the total.
    let mut counts = vec![vec![vec![0u64; n_cols + 1]; Stage::ALL.len()]; organisations.len()];
    for f in &in_range {
        let org = f.organisation.map_or(UNKNOWN, |o| o.name());
        let b = organisations
            .iter()
            .position(|o| *o == org)
            .unwrap_or(organisations.len() - 1);
        for (s, stage) in Stage::ALL.iter().enumerate() {
            if stage.reached(f) {
                counts[0][s][column_of(f)] += 1;
                counts[0][s][n_cols] += 1;
                counts[b][s][n_cols] += 1;
            }
        }
    }
    let hidden = suppress(&counts, n_cols, k);
    let blocks = organisations
        .iter()
        .enumerate()
        .map(|(b, organisation)| PipelineBlock {
            organisation: organisation.to_string(),
            rows: Stage::ALL
                .iter()
                .enumerate()
                .map(|(s, &stage)| {
                    let shown = |c: usize| (!hidden[b][s][c]).then_some(counts[b][s][c]);
                    PipelineRow {
                        stage,
                        cells: if b == 0 {
                            (0..n_cols).map(shown).collect()
                        } else {
                            Vec::new()
                        },
                        total: shown(n_cols),
                    }
                })
                .collect(),
        })
        .collect();
    Ok(Pipeline {
        from,
        to,
        k,
        columns,
        blocks,
    })
}

/// Which counts to hide (see the module's documentation).
fn suppress(counts: &[Vec<Vec<u64>>], n_cols: usize, k: u64) -> Vec<Vec<Vec<bool>>> {
    let total = n_cols;
    // The entries each block publishes: every column for `all`, the total for the others.
    let published = |b: usize| -> Vec<usize> { if b == 0 { (0..=n_cols).collect() } else { vec![total] } };
    let mut hidden: Vec<Vec<Vec<bool>>> = counts
        .iter()
        .map(|block| block.iter().map(|line| line.iter().map(|&v| v < k).collect()).collect())
        .collect();
    loop {
        let mut changed = false;
        // A published count and the nearest published count it is part of differ by 0 or ≥ k.
        for (b, block) in counts.iter().enumerate() {
            for c in published(b) {
                for (s, stage) in Stage::ALL.iter().enumerate() {
                    if hidden[b][s][c] {
                        continue;
                    }
                    let mut above = stage.part_of();
                    while let Some(a) = above {
                        let ai = a as usize;
                        if !hidden[b][ai][c] {
                            let gap = block[ai][c] - block[s][c].min(block[ai][c]);
                            if (1..k).contains(&gap) {
                                hidden[b][s][c] = true;
                                changed = true;
                            }
                            break;
                        }
                        above = a.part_of();
                    }
                }
            }
        }
        // The cells of a stage add up to its total; so do the organisations' totals.
        let mut lines: Vec<Vec<(usize, usize, usize)>> = (0..Stage::ALL.len())
            .map(|s| (0..=n_cols).map(|c| (0, s, c)).collect())
            .collect();
        lines.extend((0..Stage::ALL.len()).map(|s| {
            (1..counts.len())
                .map(|b| (b, s, total))
                .chain([(0, s, total)])
                .collect::<Vec<_>>()
        }));
        for line in lines {
            let values: Vec<u64> = line.iter().map(|&(b, s, c)| counts[b][s][c]).collect();
            let already: Vec<bool> = line.iter().map(|&(b, s, c)| hidden[b][s][c]).collect();
            if already.iter().filter(|h| **h).count() != 1 {
                continue;
            }
            // suppress_one_way picks the partner for a line with one count hidden.
            let masked: Vec<u64> = values
                .iter()
                .zip(&already)
                .map(|(&v, &h)| if h { 0 } else { v.max(k) })
                .collect();
            let state = suppress_one_way(&masked, k);
            for ((b, s, c), st) in line.into_iter().zip(state) {
                if st.hidden() && !hidden[b][s][c] {
                    hidden[b][s][c] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return hidden;
        }
    }
}
