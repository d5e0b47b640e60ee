//! The compiled protocol: every reference resolved to an index, every enum checked. The engine
//! only ever sees this form, so it never meets an unknown id or a malformed condition.

use crate::condition::Cond;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A question's place in `Protocol::questions`.
pub type QIdx = usize;
/// A dimension's place in `Protocol::dimensions`.
pub type DimIdx = usize;
/// An indicator's place in `Protocol::indicators`.
pub type IndIdx = usize;

/// Where a protocol stands in its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Being written; not for real screenings.
    Draft,
    /// Reviewed against its sources and case stories.
    Validated,
    /// No longer to be used.
    Retired,
}

/// How far a translation can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TranslationStatus {
    /// Reviewed by a native speaker.
    Complete,
    /// Usable, but a native speaker has yet to review it.
    DraftNeedsNativeReview,
}

/// A published instrument the protocol is based on.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// Its title.
    pub name: String,
    /// Its edition or version.
    pub version: String,
    /// Where it is published.
    pub link: String,
    /// Its licence.
    pub licence: String,
    /// When someone last checked the protocol against it.
    pub verified: Option<String>,
}

/// A language the protocol is written in.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// BCP 47.
    pub tag: String,
    /// Which way it runs.
    pub direction: fieldscreen_i18n::TextDirection,
    /// How far it can be trusted.
    pub status: TranslationStatus,
}

/// What a protocol is, who made it from what, and for whom.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// Its id: the name of its directory.
    pub id: String,
    /// Its version.
    pub version: semver::Version,
    /// Where it stands in its review.
    pub status: Status,
    /// Its title (a Fluent key).
    pub title_key: String,
    /// A summary (a Fluent key).
    pub summary_key: Option<String>,
    /// Who it is for (outreach workers, labour inspectors, …).
    pub intended_users: Vec<String>,
    /// When it must be reviewed again (`protocol check` warns after that).
    pub review_by: Date,
    /// The language every text falls back to.
    pub default_language: String,
    /// The protocol a child or presumed child is moved to before consent (`Session::with_child_branch`).
    pub child_branch: Option<String>,
    /// The instruments it is based on.
    pub sources: Vec<Source>,
    /// The languages it is written in.
    pub languages: Vec<Language>,
}

/// How a section's questions are put.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionMode {
    /// Read aloud to the respondent.
    Asked,
    /// Filled in by the interviewer from what they see; never read aloud.
    Observed,
    /// Answered by the respondent alone on the device (hand-over): each question heard in their
    /// language and answered yes / no or by one choice. Yes/no and one-choice questions only.
    SelfAnswer,
}

impl SectionMode {
    /// Its name in protocol files.
    pub fn name(self) -> &'static str {
        match self {
            SectionMode::Asked => "asked",
            SectionMode::Observed => "observed",
            SectionMode::SelfAnswer => "self-answer",
        }
    }
}

/// A group of questions under one title.
#[derive(Debug, Clone)]
pub struct Section {
    /// Its id.
    pub id: String,
    /// Its title (a Fluent key).
    pub title_key: String,
    /// Asked or observed.
    pub mode: SectionMode,
    /// A note for the interviewer (a Fluent key).
    pub note_key: Option<String>,
    /// When it applies at all.
    pub relevant: Option<Cond>,
    /// Set for a survivors' views section (`module = "survivor-views"`): its first question,
    /// a yes/no asking for this section's own consent. The rest of the section is shown only
    /// after a yes; no indicator, rule, referral, note or report variable may read any of it,
    /// so what a person says about their needs and treatment stays in their case.
    pub views_consent: Option<QIdx>,
}

impl Section {
    /// Whether it is a survivors' views module.
    pub fn is_survivor_views(&self) -> bool {
        self.views_consent.is_some()
    }
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What is stored when it is chosen.
    pub code: String,
    /// Its label (a Fluent key).
    pub label_key: String,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Yes or no.
    YesNo,
    /// One of its choices.
    Single(Vec<Choice>),
    /// Any of its choices.
    Multiple(Vec<Choice>),
    /// A whole number in a range.
    Number {
        /// The smallest accepted.
        min: i64,
        /// The largest accepted.
        max: i64,
    },
    /// A calendar date.
    Date,
    /// An amount of days, weeks, months or years.
    Duration,
    /// An ISO 3166-1 alpha-2 country.
    Country,
    /// A BCP 47 language.
    Language,
    /// Free text (only where the protocol allows it; never read by a rule).
    Text,
    /// Yes or no, filled in by the interviewer from what they see.
    Observation,
    /// Information read out; acknowledged, not answered.
    Note,
}

impl Kind {
    /// Its name in protocol files and views.
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

    /// Its choices (none unless it is a choice question).
    pub fn choices(&self) -> &[Choice] {
        match self {
            Kind::Single(c) | Kind::Multiple(c) => c,
            _ => &[],
        }
    }
}

/// Whether `path` names a pictogram of a protocol: `pictures/<name>.svg`, the name in lower-case
/// letters, digits, `-` and `_` (so it can never leave the protocol's directory).
pub fn is_picture_path(path: &str) -> bool {
    path.strip_prefix("pictures/")
        .and_then(|n| n.strip_suffix(".svg"))
        .is_some_and(|n| {
            !n.is_empty()
                && n.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        })
}

/// One question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Its id, unique in the protocol.
    pub id: String,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// Its wording (a Fluent key).
    pub text_key: String,
    /// A note for the interviewer (a Fluent key).
    pub note_key: Option<String>,
    /// Its section's place in `Protocol::sections`.
    pub section: usize,
    /// When it is asked.
    pub relevant: Option<Cond>,
    /// A condition the answer must meet, with the message (a Fluent key) shown when it does not.
    pub constraint: Option<(Cond, String)>,
    /// "Skip", "don't know" and "prefer not to say" are refused for it.
    pub required: bool,
    /// Not asked when consent is "screen without storing anything identifying".
    pub identifying: bool,
    /// Free text, which can hold anything a person says (every text question is marked so).
    pub sensitive: bool,
    /// One of the steps the engine enforces for every protocol.
    pub builtin: bool,
    /// A pictogram shown with it (`pictures/<name>.svg` in the protocol's directory).
    pub picture: Option<String>,
}

/// How strongly an indicator points to trafficking, in the ILO/EC lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// Weak.
    Weak,
    /// Medium.
    Medium,
    /// Strong.
    Strong,
}

/// Adult or child: which indicator lists and rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AgeGroup {
    /// 18 or over, without doubt.
    Adult,
    /// Under 18, or presumed so.
    Child,
}

/// The kind of exploitation an ILO/EC indicator list is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exploitation {
    /// Labour exploitation.
    Labour,
    /// Sexual exploitation.
    Sexual,
}

/// The four ILO/EC indicator lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Profile {
    /// Adults or children.
    pub age_group: AgeGroup,
    /// Labour or sexual exploitation.
    pub exploitation: Exploitation,
}

impl Profile {
    /// The four lists.
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

    /// Its name in protocol files (`adult-labour`, …).
    pub fn name(&self) -> &'static str {
        match (self.age_group, self.exploitation) {
            (AgeGroup::Adult, Exploitation::Labour) => "adult-labour",
            (AgeGroup::Adult, Exploitation::Sexual) => "adult-sexual",
            (AgeGroup::Child, Exploitation::Labour) => "child-labour",
            (AgeGroup::Child, Exploitation::Sexual) => "child-sexual",
        }
    }

    /// The profile of that name.
    pub fn from_name(name: &str) -> Option<Profile> {
        Profile::ALL.into_iter().find(|p| p.name() == name)
    }

    fn index(&self) -> usize {
        Profile::ALL.iter().position(|p| p == self).unwrap_or(0)
    }
}

/// When in the story a dimension happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// How the person was recruited.
    Recruitment,
    /// What happened where they ended up.
    Destination,
}

/// One dimension of trafficking (deceptive recruitment, coercion, exploitation, …).
#[derive(Debug, Clone)]
pub struct Dimension {
    /// Its id.
    pub id: String,
    /// Its name (a Fluent key).
    pub label_key: String,
    /// Recruitment or destination.
    pub phase: Phase,
    /// Its rule's place in `Protocol::dimension_rules`.
    pub rule: usize,
}

/// Minimum counts of triggered indicators by strength; all must be reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountPattern {
    /// Strong indicators at least.
    pub strong: u32,
    /// Medium indicators at least.
    pub medium: u32,
    /// Weak indicators at least.
    pub weak: u32,
    /// Indicators of any strength at least.
    pub total: u32,
}

impl CountPattern {
    /// Whether these counts reach it.
    pub fn reached_by(&self, strong: u32, medium: u32, weak: u32) -> bool {
        strong >= self.strong && medium >= self.medium && weak >= self.weak && strong + medium + weak >= self.total
    }
}

/// When a dimension is met: any one of its patterns.
#[derive(Debug, Clone)]
pub struct DimensionRule {
    /// Its id.
    pub id: String,
    /// The patterns, any of which meets the dimension.
    pub met_when: Vec<CountPattern>,
}

/// A recognised trafficking indicator and when the answers show it.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Its id.
    pub id: String,
    /// Its name (a Fluent key).
    pub label_key: String,
    /// The dimension it counts towards.
    pub dimension: DimIdx,
    /// The ILO forced-labour indicators (1–11) it corresponds to.
    pub ilo_forced_labour: Vec<u8>,
    /// The means of control it stands for (`MEANS_OF_CONTROL`).
    pub means_of_control: Vec<String>,
    /// The types of exploitation it shows by itself (forced sex is sexual exploitation whatever
    /// the person's work), from the `exploitation` report variable's categories.
    pub exploitation: Vec<String>,
    strengths: [Option<Strength>; 4],
    /// When it fires.
    pub when: Cond,
}

/// What an indicator stands for in the standards reports and exports use.
#[derive(Debug, Clone, Default)]
pub struct IndicatorCodes {
    /// The ILO forced-labour indicators (1–11).
    pub ilo_forced_labour: Vec<u8>,
    /// The means of control (`MEANS_OF_CONTROL`).
    pub means_of_control: Vec<String>,
    /// The types of exploitation it shows by itself.
    pub exploitation: Vec<String>,
}

impl Indicator {
    /// An indicator with its strength in each profile's list it belongs to.
    pub fn new(
        id: String,
        label_key: String,
        dimension: DimIdx,
        codes: IndicatorCodes,
        strengths: &[(Profile, Strength)],
        when: Cond,
    ) -> Self {
        let IndicatorCodes {
            ilo_forced_labour,
            means_of_control,
            exploitation,
        } = codes;
        let mut s = [None; 4];
        for (p, st) in strengths {
            s[p.index()] = Some(*st);
        }
        Indicator {
            id,
            label_key,
            dimension,
            ilo_forced_labour,
            means_of_control,
            exploitation,
            strengths: s,
            when,
        }
    }

    /// `None` when the indicator is not part of that profile's list.
    pub fn strength(&self, profile: Profile) -> Option<Strength> {
        self.strengths[profile.index()]
    }
}

/// A screening's conclusion, least urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Nothing in the answers points to trafficking.
    NoIndication,
    /// A labour-rights problem, not trafficking as far as the answers show.
    LabourRightsConcern,
    /// Some indicators: a fuller assessment is needed.
    AssessFurther,
    /// Refer the person now.
    ReferNow,
}

impl Level {
    /// Every level, least urgent first.
    pub const ALL: [Level; 4] = [
        Level::NoIndication,
        Level::LabourRightsConcern,
        Level::AssessFurther,
        Level::ReferNow,
    ];

    /// Its name (kebab-case).
    pub fn name(&self) -> &'static str {
        match self {
            Level::NoIndication => "no-indication",
            Level::LabourRightsConcern => "labour-rights-concern",
            Level::AssessFurther => "assess-further",
            Level::ReferNow => "refer-now",
        }
    }

    /// The level of that name.
    pub fn from_name(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.name() == s)
    }
}

/// A rule that concludes a level; the first that matches decides.
#[derive(Debug, Clone)]
pub struct OutcomeRule {
    /// Its id.
    pub id: String,
    /// The level it concludes.
    pub level: Level,
    /// Only for this age group.
    pub age_group: Option<AgeGroup>,
    /// When it matches.
    pub when: Cond,
    /// Why, in words (a Fluent key).
    pub explanation_key: String,
}

/// A rule that ends the interview at once: the emergency path.
#[derive(Debug, Clone)]
pub struct StopRule {
    /// Its id.
    pub id: String,
    /// When it fires.
    pub when: Cond,
    /// What to do now (a Fluent key).
    pub message_key: String,
}

/// The kind of service a referral is to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferralCategory {
    /// Police, ambulance.
    Emergency,
    /// The national referral mechanism for victims of trafficking.
    NationalReferralMechanism,
    /// A shelter.
    Shelter,
    /// Medical care.
    Medical,
    /// Legal aid.
    Legal,
    /// The labour inspectorate.
    LabourInspection,
    /// Child protection services.
    ChildProtection,
    /// The person's consulate.
    Consular,
    /// A helpline.
    Hotline,
}

impl ReferralCategory {
    /// Every category.
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

    /// Its name (kebab-case).
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

/// A service the protocol may suggest.
#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub category: ReferralCategory,
    /// Its name.
    pub name: String,
    /// What it does (a Fluent key).
    pub description_key: Option<String>,
    /// E.164, e.g. `+442079460123`.
    pub phone: String,
    /// When it answers.
    pub hours: String,
    /// The languages it works in.
    pub languages: Vec<String>,
    /// The person must agree before they are referred.
    pub consent_needed: bool,
    /// A report to it is mandatory.
    pub mandatory_report: bool,
    /// The details are checked up to this date; after it the referral is not suggested.
    pub valid_until: Date,
    /// A placeholder entry, to be replaced by a real local service.
    pub example: bool,
    /// When the screening suggests it.
    #[serde(skip)]
    pub suggest_when: Cond,
}

/// Advice for the interviewer's and the person's safety, shown when it applies.
#[derive(Debug, Clone)]
pub struct SafetyNote {
    /// Its id.
    pub id: String,
    /// Its text (a Fluent key).
    pub text_key: String,
    /// When it is shown.
    pub when: Cond,
}

/// A protocol ready to run.
#[derive(Debug, Clone)]
pub struct Protocol {
    /// What it is.
    pub header: Header,
    /// Its sections, built-in ones first.
    pub sections: Vec<Section>,
    /// Built-in steps first, then the protocol's own questions in document order.
    pub questions: Vec<Question>,
    /// Its dimensions.
    pub dimensions: Vec<Dimension>,
    /// When each dimension is met.
    pub dimension_rules: Vec<DimensionRule>,
    /// Its indicators.
    pub indicators: Vec<Indicator>,
    /// Its outcome rules, in order: the first that matches decides.
    pub outcome_rules: Vec<OutcomeRule>,
    /// Its stop rules.
    pub stop_rules: Vec<StopRule>,
    /// The services it may suggest.
    pub referrals: Vec<Referral>,
    /// Its safety notes.
    pub safety_notes: Vec<SafetyNote>,
    /// Where each de-identified reporting variable comes from.
    pub report: Vec<ReportField>,
    pub(crate) by_id: HashMap<String, QIdx>,
}

impl Protocol {
    /// Where question `id` is.
    pub fn question_index(&self, id: &str) -> Option<QIdx> {
        self.by_id.get(id).copied()
    }

    /// Question `id`.
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
    /// The person's gender.
    Gender,
    /// Their citizenship.
    Citizenship,
    /// Where they were exploited.
    CountryOfExploitation,
    /// The kinds of exploitation.
    Exploitation,
    /// Who recruited them.
    RecruiterRelation,
    /// The industry they worked in, as an ISIC Rev. 4 section letter.
    Industry,
    /// What the person says they need, from the coded checklist of a survivors' views module.
    SurvivorNeeds,
    /// How the person says they were treated, from the same module's coded checklist.
    SurvivorTreatment,
}

/// The needs a survivors' views module's checklist may code.
pub const SURVIVOR_NEEDS: [&str; 12] = [
    "safety",
    "shelter",
    "medical-care",
    "counselling",
    "legal-advice",
    "money",
    "work",
    "documents",
    "return-home",
    "family-contact",
    "interpreter",
    "other",
];

/// How a person may say they were treated, in a survivors' views module's checklist.
pub const SURVIVOR_TREATMENT: [&str; 9] = [
    "respected",
    "believed",
    "informed-in-own-language",
    "given-time-to-decide",
    "pressured-to-testify",
    "detained-or-fined",
    "threatened-with-removal",
    "blamed",
    "other",
];

/// The ISIC Rev. 4 sections (`A` agriculture, forestry and fishing … `U` extraterritorial
/// organisations): the industry categories, which HTCDS 2.0 uses for forced labour.
pub const ISIC_SECTIONS: [&str; 21] = [
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U",
];

impl ReportVariable {
    /// Every variable.
    pub const ALL: [ReportVariable; 8] = [
        ReportVariable::Gender,
        ReportVariable::Citizenship,
        ReportVariable::CountryOfExploitation,
        ReportVariable::Exploitation,
        ReportVariable::RecruiterRelation,
        ReportVariable::Industry,
        ReportVariable::SurvivorNeeds,
        ReportVariable::SurvivorTreatment,
    ];

    /// Whether it is read from a survivors' views module: such a variable reads only the
    /// module's own coded checklists, and every other variable never reads the module.
    pub fn is_survivor_views(self) -> bool {
        matches!(self, ReportVariable::SurvivorNeeds | ReportVariable::SurvivorTreatment)
    }

    /// Its name in a protocol's `[report]` table.
    pub fn name(self) -> &'static str {
        match self {
            ReportVariable::Gender => "gender",
            ReportVariable::Citizenship => "citizenship",
            ReportVariable::CountryOfExploitation => "country_of_exploitation",
            ReportVariable::Exploitation => "exploitation",
            ReportVariable::RecruiterRelation => "recruiter_relation",
            ReportVariable::Industry => "industry",
            ReportVariable::SurvivorNeeds => "survivor_needs",
            ReportVariable::SurvivorTreatment => "survivor_treatment",
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
                "servitude",
                "child-labour",
                "other",
            ]),
            ReportVariable::RecruiterRelation => Some(&["intimate-partner", "friend", "family", "other"]),
            ReportVariable::Industry => Some(&ISIC_SECTIONS),
            ReportVariable::SurvivorNeeds => Some(&SURVIVOR_NEEDS),
            ReportVariable::SurvivorTreatment => Some(&SURVIVOR_TREATMENT),
        }
    }
}

/// What a `[report]` mapping writes for an answer that deliberately counts under no category
/// ("not at work yet" has no type of exploitation), as opposed to one forgotten, which the
/// check warns about.
pub const NO_CATEGORY: &str = "none";

/// Which question feeds a reporting variable, and how its answers map to categories.
#[derive(Debug, Clone)]
pub struct ReportField {
    /// The variable.
    pub variable: ReportVariable,
    /// The question it is read from.
    pub question: QIdx,
    /// Answer code → category.
    pub values: BTreeMap<String, String>,
    /// The category of an answer `values` does not name.
    pub otherwise: Option<String>,
}

impl ReportField {
    /// The categories an answer stands for (several for a multiple choice).
    pub fn categories(&self, answer: &crate::Answer) -> Vec<String> {
        use crate::Answer;
        let map = |code: &str| {
            self.values
                .get(code)
                .or(self.otherwise.as_ref())
                .filter(|c| *c != NO_CATEGORY)
                .cloned()
        };
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
