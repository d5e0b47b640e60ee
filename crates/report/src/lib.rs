//! Figures that can be shared without exposing anyone: cross-tables of de-identified case facts
//! over a date range, with every cell and total below k suppressed and enough further cells
//! suppressed that none of them can be worked back out of what is published.
//!
//! What a case contributes is [`CaseFacts`]: no free text, no identifiers, no date finer than a
//! month. Which question gives which variable is written in the protocol file (`[report]`);
//! `case_facts` reads a case through that mapping and the engine's outcome.
#![warn(missing_docs)]

mod cases_export;
/// CSV as RFC 4180 writes it.
pub mod csv;
mod facts;
mod from_case;
mod from_vault;
/// The HTCDS export: one row per consenting case, in the standard's field names.
pub mod htcds;
mod persons;
mod pipeline;
mod suppress;
/// Plausible made-up interviews: the practice vault's, the benchmarks' and the tests'.
pub mod synthetic;
mod table;
mod tracking;

pub use cases_export::{CaseExport, CaseFormat, export_cases};
pub use facts::{AGE_BANDS, CaseFacts, Gender, Referral, age_band};
pub use from_case::{INDICATION_FROM, case_facts};
pub use from_vault::{
    PublishError, Published, PublishedPipeline, ReferralError, TableRequest, VaultFacts, decide_referral,
    move_referral, publish_pipeline, publish_table, tracked_referrals, vault_facts,
};
pub use pipeline::{
    AGE_GROUPS as PIPELINE_AGE_GROUPS, GENDERS as PIPELINE_GENDERS, Pipeline, PipelineBlock, PipelineColumn,
    PipelineRow, Stage, block_names as pipeline_blocks, pipeline,
};
pub use suppress::{MIN_K, Suppression, suppress_one_way, suppress_two_way};
pub use table::{Cell, PublishedTable, ReportError, Variable, tabulate};
pub use tracking::{AuthorityDecision, DecidedBy, Decision, ReferralTrack, Status, Step, TrackError};

#[cfg(test)]
mod golden;
#[cfg(test)]
mod tests;
