//! The protocol file as written: serde structures that keep every position, so that the compiler
//! can point an author at the exact line of a problem. Nothing here is interpreted yet.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: S<String>,
    pub version: S<String>,
    pub status: S<String>,
    pub title: S<String>,
    pub summary: Option<S<String>>,
    pub intended_users: Vec<S<String>>,
    pub review_by: S<String>,
    pub default_language: S<String>,
    /// The protocol a child or presumed child is moved to by the age gate.
    pub child_branch: Option<S<String>>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub languages: Vec<RawLanguage>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub name: String,
    pub version: String,
    pub link: String,
    pub licence: String,
    /// What was checked against the original publication, and when.
    pub verified: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLanguage {
    pub tag: S<String>,
    pub direction: S<String>,
    pub status: S<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnforced {
    /// Built-in step id → the protocol's own text key for it.
    #[serde(default)]
    pub wording: BTreeMap<String, S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: S<String>,
    pub title: S<String>,
    #[serde(default)]
    pub mode: Option<S<String>>,
    pub note: Option<S<String>>,
    pub relevant: Option<S<RawCondition>>,
    /// `survivor-views`: the person's own account, behind its own consent (see `Section`).
    pub module: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: S<String>,
    #[serde(rename = "type")]
    pub kind: S<String>,
    pub text: S<String>,
    pub note: Option<S<String>>,
    pub relevant: Option<S<RawCondition>>,
    pub constraint: Option<S<RawCondition>>,
    pub constraint_message: Option<S<String>>,
    pub choices: Option<Vec<RawChoice>>,
    pub min: Option<S<i64>>,
    pub max: Option<S<i64>>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub identifying: bool,
    #[serde(default)]
    pub sensitive: bool,
    /// `pictures/<name>.svg` in the protocol's directory.
    pub picture: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub code: S<String>,
    pub label: S<String>,
}

/// A condition is a small tree written as TOML tables: exactly one of the combinators
/// (`all`, `any`, `not`) or one test. See ARCHITECTURE.md for why it is data and not a grammar.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub all: Option<Vec<S<RawCondition>>>,
    pub any: Option<Vec<S<RawCondition>>>,
    pub not: Option<Box<S<RawCondition>>>,
    pub q: Option<S<String>>,
    pub is: Option<S<String>>,
    #[serde(rename = "in")]
    pub in_: Option<Vec<S<String>>>,
    pub includes: Option<S<String>>,
    pub lt: Option<S<i64>>,
    pub le: Option<S<i64>>,
    pub gt: Option<S<i64>>,
    pub ge: Option<S<i64>>,
    pub answered: Option<S<bool>>,
    pub met: Option<S<String>>,
    pub indicator: Option<S<String>>,
    pub age_group: Option<S<String>>,
    pub level_at_least: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: S<String>,
    pub label: S<String>,
    pub phase: S<String>,
    pub rule: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimensionRule {
    pub id: S<String>,
    /// The dimension is met when any one of these minimum counts is reached.
    pub met_when: Vec<S<RawCountPattern>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountPattern {
    #[serde(default)]
    pub strong: u32,
    #[serde(default)]
    pub medium: u32,
    #[serde(default)]
    pub weak: u32,
    /// Any strength counts towards this one.
    #[serde(default)]
    pub total: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicator {
    pub id: S<String>,
    pub label: S<String>,
    pub dimension: S<String>,
    #[serde(default)]
    pub ilo_forced_labour: Vec<S<u8>>,
    #[serde(default)]
    pub means_of_control: Vec<S<String>>,
    #[serde(default)]
    pub exploitation: Vec<S<String>>,
    pub strength: S<BTreeMap<String, S<String>>>,
    pub when: S<RawCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutcomeRule {
    pub id: S<String>,
    pub level: S<String>,
    pub age_group: Option<S<String>>,
    pub when: S<RawCondition>,
    pub explanation: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStopRule {
    pub id: S<String>,
    pub when: S<RawCondition>,
    pub message: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReferral {
    pub id: S<String>,
    pub category: S<String>,
    pub name: S<String>,
    pub description: Option<S<String>>,
    pub phone: S<String>,
    pub hours: S<String>,
    #[serde(default)]
    pub languages: Vec<S<String>>,
    #[serde(default)]
    pub consent_needed: bool,
    #[serde(default)]
    pub mandatory_report: bool,
    pub valid_until: S<String>,
    /// A placeholder a deployment must replace with its local service.
    #[serde(default)]
    pub example: bool,
    pub suggest_when: S<RawCondition>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSafetyNote {
    pub id: S<String>,
    pub text: S<String>,
    pub when: S<RawCondition>,
}

/// One entry of `[report]`: which question gives a reporting variable, and how its answer
/// codes translate into the variable's categories.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReportField {
    pub question: S<String>,
    #[serde(default)]
    pub values: BTreeMap<String, S<String>>,
    /// The category of every code `values` does not list.
    pub otherwise: Option<S<String>>,
}
