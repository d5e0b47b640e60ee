//! The compiled protocol: every reference resolved to an index, every enum checked. The engine
//! only ever sees this form, so it never meets an unknown id or a malformed condition.

use crate::condition::Cond;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub type QIdx = usize;
pub type DimIdx = usize;
pub type IndIdx = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Draft,
    Validated,
    Retired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationStatus {
    Complete,
    DraftNeedsNativeReview,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub name: String,
    pub version: String,
    pub link: String,
    pub licence: String,
    pub verified: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Language {
    pub tag: String,
    pub direction: fieldscreen_i18n::TextDirection,
    pub status: TranslationStatus,
}

#[derive(Debug, Clone, Serialize)]
pub struct Header {
    pub id: String,
    pub version: semver::Version,
    pub status: Status,
    pub title_key: String,
    pub summary_key: Option<String>,
    pub intended_users: Vec<String>,
    pub review_by: Date,
    pub default_language: String,
    /// The protocol a child or presumed child is moved to before consent (`Session::with_child_branch`).
    pub child_branch: Option<String>,
    pub sources: Vec<Source>,
    pub languages: Vec<Language>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionMode {
    /// Read aloud to the respondent.
    Asked,
    /// Filled in by the interviewer from what they see; never read aloud.
    Observed,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    pub title_key: String,
    pub mode: SectionMode,
    pub note_key: Option<String>,
    pub relevant: Option<Cond>,
    /// Set for a survivors' views section (`module = "survivor-views"`): its first question,
    /// a yes/no asking for this section's own consent. The rest of the section is shown only
    /// after a yes; no indicator, rule, referral, note or report variable may read any of it,
    /// so what a person says about their needs and treatment stays in their case.
    pub views_consent: Option<QIdx>,
}

impl Section {
    pub fn is_survivor_views(&self) -> bool {
        self.views_consent.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub code: String,
    pub label_key: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    YesNo,
    Single(Vec<Choice>),
    Multiple(Vec<Choice>),
    Number { min: i64, max: i64 },
    Date,
    Duration,
    Country,
    Language,
    Text,
    Observation,
    Note,
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::YesNo => "yes-no",
            Kind::Single(_) => "single",
            Kind::Multiple(_) => "multiple",
            Kind::Number { .. } => "number",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Country => "country",
            Kind::Language => "language",
            Kind::Text => "text",
            Kind::Observation => "observation",
            Kind::Note => "note",
        }
    }

    pub fn choices(&self) -> &[Choice] {
        match self {
            Kind::Single(c) | Kind::Multiple(c) => c,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub text_key: String,
    pub note_key: Option<String>,
    pub section: usize,
    pub relevant: Option<Cond>,
    pub constraint: Option<(Cond, String)>,
    /// "Skip", "don't know" and "prefer not to say" are refused for it.
    pub required: bool,
    /// Not asked when consent is "screen without storing anything identifying".
    pub identifying: bool,
    pub sensitive: bool,
    /// One of the steps the engine enforces for every protocol.
    pub builtin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    Weak,
    Medium,
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgeGroup {
    Adult,
    Child,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exploitation {
    Labour,
    Sexual,
}

/// The four ILO/EC indicator lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Profile {
    pub age_group: AgeGroup,
    pub exploitation: Exploitation,
}

impl Profile {
    pub const ALL: [Profile; 4] = [
        Profile {
            age_group: AgeGroup::Adult,
            exploitation: Exploitation::Labour,
        },
        Profile {
            age_group: AgeGroup::Adult,
            exploitation: Exploitation::Sexual,
        },
        Profile {
            age_group: AgeGroup::Child,
            exploitation: Exploitation::Labour,
        },
        Profile {
            age_group: AgeGroup::Child,
            exploitation: Exploitation::Sexual,
        },
    ];

    pub fn name(&self) -> &'static str {
        match (self.age_group, self.exploitation) {
            (AgeGroup::Adult, Exploitation::Labour) => "adult-labour",
            (AgeGroup::Adult, Exploitation::Sexual) => "adult-sexual",
            (AgeGroup::Child, Exploitation::Labour) => "child-labour",
            (AgeGroup::Child, Exploitation::Sexual) => "child-sexual",
        }
    }

    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    fn index(&self) -> usize {
        Profile::ALL.iter().position(|p| p == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Recruitment,
    Destination,
}

#[derive(Debug, Clone)]
pub struct Dimension {
    pub id: String,
    pub label_key: String,
    pub phase: Phase,
    pub rule: usize,
}

/// Minimum counts of triggered indicators by strength; all must be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountPattern {
    pub strong: u32,
    pub medium: u32,
    pub weak: u32,
    pub total: u32,
}

impl CountPattern {
    pub fn reached_by(&self, strong: u32, medium: u32, weak: u32) -> bool {
        strong >= self.strong && medium >= self.medium && weak >= self.weak && strong + medium + weak >= self.total
    }
}

#[derive(Debug, Clone)]
pub struct DimensionRule {
    pub id: String,
    pub met_when: Vec<CountPattern>,
}

#[derive(Debug, Clone)]
pub struct Indicator {
    pub id: String,
    pub label_key: String,
    pub dimension: DimIdx,
    pub ilo_forced_labour: Vec<u8>,
    pub ctdc_means: Vec<String>,
    strengths: [Option<Strength>; 4],
    pub when: Cond,
}

impl Indicator {
    pub fn new(
        id: String,
        label_key: String,
        dimension: DimIdx,
        ilo_forced_labour: Vec<u8>,
        ctdc_means: Vec<String>,
        strengths: &[(Profile, Strength)],
        when: Cond,
    ) -> Self {
        let mut s = [None; 4];
        for (p, st) in strengths {
            s[p.index()] = Some(*st);
        }
        Indicator {
            id,
            label_key,
            dimension,
            ilo_forced_labour,
            ctdc_means,
            strengths: s,
            when,
        }
    }

    /// `None` when the indicator is not part of that profile's list.
    pub fn strength(&self, profile: Profile) -> Option<Strength> {
        self.strengths[profile.index()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    NoIndication,
    LabourRightsConcern,
    AssessFurther,
    ReferNow,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::NoIndication,
        Level::LabourRightsConcern,
        Level::AssessFurther,
        Level::ReferNow,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            Level::NoIndication => "no-indication",
            Level::LabourRightsConcern => "labour-rights-concern",
            Level::AssessFurther => "assess-further",
            Level::ReferNow => "refer-now",
        }
    }

    pub fn from_name(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == s)
    }
}

#[derive(Debug, Clone)]
pub struct OutcomeRule {
    pub id: String,
    pub level: Level,
    pub age_group: Option<AgeGroup>,
    pub when: Cond,
    pub explanation_key: String,
}

#[derive(Debug, Clone)]
pub struct StopRule {
    pub id: String,
    pub when: Cond,
    pub message_key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferralCategory {
    Emergency,
    NationalReferralMechanism,
    Shelter,
    Medical,
    Legal,
    LabourInspection,
    ChildProtection,
    Consular,
    Hotline,
}

impl ReferralCategory {
    pub const ALL: [ReferralCategory; 9] = [
        ReferralCategory::Emergency,
        ReferralCategory::NationalReferralMechanism,
        ReferralCategory::Shelter,
        ReferralCategory::Medical,
        ReferralCategory::Legal,
        ReferralCategory::LabourInspection,
        ReferralCategory::ChildProtection,
        ReferralCategory::Consular,
        ReferralCategory::Hotline,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            ReferralCategory::Emergency => "emergency",
            ReferralCategory::NationalReferralMechanism => "national-referral-mechanism",
            ReferralCategory::Shelter => "shelter",
            ReferralCategory::Medical => "medical",
            ReferralCategory::Legal => "legal",
            ReferralCategory::LabourInspection => "labour-inspection",
            ReferralCategory::ChildProtection => "child-protection",
            ReferralCategory::Consular => "consular",
            ReferralCategory::Hotline => "hotline",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub id: String,
    pub category: ReferralCategory,
    pub name: String,
    pub description_key: Option<String>,
    /// E.164, e.g. `+442079460123`.
    pub phone: String,
    pub hours: String,
    pub languages: Vec<String>,
    pub consent_needed: bool,
    pub mandatory_report: bool,
    pub valid_until: Date,
    pub example: bool,
    #[serde(skip)]
    pub suggest_when: Cond,
}

#[derive(Debug, Clone)]
pub struct SafetyNote {
    pub id: String,
    pub text_key: String,
    pub when: Cond,
}

/// A protocol ready to run.
#[derive(Debug, Clone)]
pub struct Protocol {
    pub header: Header,
    pub sections: Vec<Section>,
    /// Built-in steps first, then the protocol's own questions in document order.
    pub questions: Vec<Question>,
    pub dimensions: Vec<Dimension>,
    pub dimension_rules: Vec<DimensionRule>,
    pub indicators: Vec<Indicator>,
    pub outcome_rules: Vec<OutcomeRule>,
    pub stop_rules: Vec<StopRule>,
    pub referrals: Vec<Referral>,
    pub safety_notes: Vec<SafetyNote>,
    /// Where each de-identified reporting variable comes from.
    pub report: Vec<ReportField>,
    pub(crate) by_id: HashMap<String, QIdx>,
}

impl Protocol {
    pub fn question_index(&self, id: &str) -> Option<QIdx> {
        self.by_id.get(id).copied()
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.questions[i])
    }

    /// The questions of its survivors' views modules: the person's own account, which stays in
    /// their case.
    pub fn survivor_views_questions(&self) -> impl Iterator<Item = &str> {
        self.questions
            .iter()
            .filter(|q| self.sections[q.section].is_survivor_views())
            .map(|q| q.id.as_str())
    }

    /// Every Fluent key the protocol's own file uses (built-in keys the protocol did not reword
    /// belong to the app's strings and are not listed).
    pub fn text_keys(&self) -> Vec<String> {
        let mut keys = vec![self.header.title_key.clone()];
        keys.extend(self.header.summary_key.clone());
        for s in &self.sections {
            keys.push(s.title_key.clone());
            keys.extend(s.note_key.clone());
        }
        for q in &self.questions {
            if q.builtin && q.text_key.starts_with(crate::builtin::APP_KEY_PREFIX) {
                continue;
            }
            keys.push(q.text_key.clone());
            keys.extend(q.note_key.clone());
            if let Some((_, m)) = &q.constraint {
                keys.push(m.clone());
            }
            if !q.builtin {
                keys.extend(q.kind.choices().iter().map(|c| c.label_key.clone()));
            }
        }
        keys.extend(self.dimensions.iter().map(|d| d.label_key.clone()));
        keys.extend(self.indicators.iter().map(|i| i.label_key.clone()));
        keys.extend(self.outcome_rules.iter().map(|r| r.explanation_key.clone()));
        keys.extend(self.stop_rules.iter().map(|r| r.message_key.clone()));
        keys.extend(self.referrals.iter().filter_map(|r| r.description_key.clone()));
        keys.extend(self.safety_notes.iter().map(|n| n.text_key.clone()));
        keys.retain(|k| !k.starts_with(crate::builtin::APP_KEY_PREFIX));
        keys.sort();
        keys.dedup();
        keys
    }
}

/// The reporting variables a protocol can feed from its own questions (age, means of control,
/// outcome and referrals come from the engine itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportVariable {
    Gender,
    Citizenship,
    CountryOfExploitation,
    Exploitation,
    RecruiterRelation,
}

impl ReportVariable {
    pub const ALL: [ReportVariable; 5] = [
        ReportVariable::Gender,
        ReportVariable::Citizenship,
        ReportVariable::CountryOfExploitation,
        ReportVariable::Exploitation,
        ReportVariable::RecruiterRelation,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ReportVariable::Gender => "gender",
            ReportVariable::Citizenship => "citizenship",
            ReportVariable::CountryOfExploitation => "country_of_exploitation",
            ReportVariable::Exploitation => "exploitation",
            ReportVariable::RecruiterRelation => "recruiter_relation",
        }
    }

    /// The categories a mapped answer may turn into; `None`: the answer is a country code and is
    /// taken as it is.
    pub fn categories(self) -> Option<&'static [&'static str]> {
        match self {
            ReportVariable::Gender => Some(&["woman", "man", "other", "prefer-not-to-say"]),
            ReportVariable::Citizenship | ReportVariable::CountryOfExploitation => None,
            ReportVariable::Exploitation => Some(&[
                "forced-labour",
                "sexual-exploitation",
                "forced-marriage",
                "forced-criminality",
                "forced-begging",
                "forced-military",
                "organ-removal",
                "slavery",
                "other",
            ]),
            ReportVariable::RecruiterRelation => Some(&["intimate-partner", "friend", "family", "other"]),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ReportField {
    pub variable: ReportVariable,
    pub question: QIdx,
    /// Answer code → category.
    pub values: BTreeMap<String, String>,
    pub otherwise: Option<String>,
}

impl ReportField {
    /// The categories an answer stands for (several for a multiple choice).
    pub fn categories(&self, answer: &crate::Answer) -> Vec<String> {
        use crate::Answer;
        let map = |code: &str| self.values.get(code).cloned().or_else(|| self.otherwise.clone());
        match answer {
            Answer::Country(c) => vec![c.clone()],
            Answer::Choice(c) => map(c).into_iter().collect(),
            Answer::Choices(cs) => cs.iter().filter_map(|c| map(c)).collect(),
            Answer::Yes => map("yes").into_iter().collect(),
            Answer::No => map("no").into_iter().collect(),
            // Declining to answer is itself a category where the variable has one (gender).
            Answer::PreferNotToSay => self
                .variable
                .categories()
                .into_iter()
                .flatten()
                .find(|c| **c == "prefer-not-to-say")
                .map(|c| vec![c.to_string()])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}
