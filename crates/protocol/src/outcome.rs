//! From visible answers to an outcome a supervisor can audit: which indicators fired and because
//! of which answers, which dimensions are met and by which counting pattern, which rule set the
//! level, which referrals and safety notes follow.

use crate::answer::Answer;
use crate::condition::Facts;
use crate::engine::{EndReason, Override, Session, State, Visible, age_group_of};
use crate::model::*;
use jiff::civil::Date;
use serde::Serialize;

/// Shown with every outcome: the result is an indication for referral, never an identification.
pub const STATEMENT_KEY: &str = "fs-outcome-statement";

/// What an unfinished screening shows, lists and counts instead of a level: stopped, postponed,
/// refused or interrupted interviews are not a screening result, least of all a clearance.
pub const INCOMPLETE: &str = "incomplete";

/// An indicator the answers showed.
#[derive(Debug, Clone, Serialize)]
pub struct TriggeredIndicator {
    /// Its id.
    pub id: String,
    /// Its name (a Fluent key).
    pub label_key: String,
    /// The dimension it counts towards.
    pub dimension: String,
    /// The ILO forced-labour indicators it corresponds to.
    pub ilo_forced_labour: Vec<u8>,
    /// The means of control it stands for.
    pub means_of_control: Vec<String>,
    /// The types of exploitation it shows by itself.
    pub exploitation: Vec<String>,
    /// The questions whose answers made it fire.
    pub because: Vec<String>,
}

/// An indicator that fired, with its strength in one profile's list.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorHit {
    /// Its id.
    pub id: String,
    /// Its strength in this list.
    pub strength: Strength,
}

/// A dimension as one profile's list counts it.
#[derive(Debug, Clone, Serialize)]
pub struct DimensionResult {
    /// Its id.
    pub id: String,
    /// Its name (a Fluent key).
    pub label_key: String,
    /// Its rule is met.
    pub met: bool,
    /// Strong indicators that fired.
    pub strong: u32,
    /// Medium indicators that fired.
    pub medium: u32,
    /// Weak indicators that fired.
    pub weak: u32,
    /// The indicators that fired.
    pub indicators: Vec<IndicatorHit>,
    /// The first pattern of the rule that the counts reach.
    pub met_by: Option<CountPattern>,
    /// Its rule's id.
    pub rule: String,
}

/// The outcome rule that concluded.
#[derive(Debug, Clone, Serialize)]
pub struct FiredRule {
    /// Its id.
    pub id: String,
    /// Why, in words (a Fluent key).
    pub explanation_key: String,
}

/// The outcome as one profile's indicator list sees it.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileResult {
    /// The profile's name.
    pub profile: &'static str,
    /// Each dimension, counted with this list.
    pub dimensions: Vec<DimensionResult>,
    /// The level its rules conclude.
    pub level: Level,
    /// The rule that concluded.
    pub rule: Option<FiredRule>,
}

/// A stop rule that fired.
#[derive(Debug, Clone, Serialize)]
pub struct Emergency {
    /// Its id.
    pub rule: String,
    /// What to do now (a Fluent key).
    pub message_key: String,
}

/// What a screening concludes, with everything that led there.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// The protocol.
    pub protocol_id: String,
    /// Its version.
    pub protocol_version: String,
    /// How the interview stands or ended.
    pub state: State,
    /// False when the interview ended before every visible question was passed.
    pub complete: bool,
    /// The age group whose lists and rules were used.
    pub age_group: AgeGroup,
    /// The age gate was not reached; the adult lists were used.
    pub age_group_assumed: bool,
    /// What the person agreed to.
    pub consent: Option<crate::builtin::Consent>,
    /// What the answers given so far point to (kept for the audit trail; never shown as a result
    /// of an unfinished interview).
    pub computed_level: Level,
    /// The interviewer's override when there is one, else the computed level.
    pub level: Level,
    /// The screening result: `None` when the interview did not finish (stopped, postponed,
    /// refused, interrupted) and no interviewer judgement was recorded. Everything that shows,
    /// lists or counts an outcome reads this, never `level`.
    pub result: Option<Level>,
    /// The interviewer's own judgement, with its reason.
    pub interviewer_override: Option<Override>,
    /// The stop rule that fired, if one did.
    pub emergency: Option<Emergency>,
    /// The indicators the answers showed.
    pub indicators: Vec<TriggeredIndicator>,
    /// The outcome under each profile's list that applies.
    pub profiles: Vec<ProfileResult>,
    /// The services to suggest.
    pub referrals: Vec<Referral>,
    /// Referrals whose rule matched but whose details are past their valid-until date.
    pub expired_referrals: Vec<String>,
    /// The safety notes that apply (Fluent keys).
    pub safety_note_keys: Vec<String>,
    /// Answered questions that are now hidden and so left out.
    pub excluded_answers: Vec<String>,
    /// What the outcome is and is not (a Fluent key).
    pub statement_key: &'static str,
}

struct OutcomeFacts<'a> {
    visible: &'a Visible<'a>,
    age: AgeGroup,
    met: Vec<bool>,
    triggered: Vec<bool>,
    level: Option<Level>,
}

impl Facts for OutcomeFacts<'_> {
    fn answer(&self, q: QIdx) -> Option<&Answer> {
        self.visible.answer(q)
    }
    fn age_group(&self) -> Option<AgeGroup> {
        Some(self.age)
    }
    fn met(&self, d: DimIdx) -> bool {
        self.met.get(d).copied().unwrap_or(false)
    }
    fn indicator(&self, i: IndIdx) -> bool {
        self.triggered.get(i).copied().unwrap_or(false)
    }
    fn level(&self) -> Option<Level> {
        self.level
    }
}

pub(crate) fn evaluate(session: &Session, visible: &Visible<'_>, today: Date) -> Outcome {
    let p = session.protocol();
    let assumed = age_group_of(visible).is_none();
    let age = age_group_of(visible).unwrap_or(AgeGroup::Adult);
    let fired: Vec<bool> = p.indicators.iter().map(|ind| ind.when.eval(visible)).collect();
    let indicators = p
        .indicators
        .iter()
        .zip(&fired)
        .filter(|(_, f)| **f)
        .map(|(ind, _)| {
            let mut qs = Vec::new();
            ind.when.questions(&mut qs);
            qs.sort_unstable();
            qs.dedup();
            TriggeredIndicator {
                id: ind.id.clone(),
                label_key: ind.label_key.clone(),
                dimension: p.dimensions[ind.dimension].id.clone(),
                ilo_forced_labour: ind.ilo_forced_labour.clone(),
                means_of_control: ind.means_of_control.clone(),
                exploitation: ind.exploitation.clone(),
                because: qs
                    .into_iter()
                    .filter(|q| visible.answer(*q).is_some())
                    .map(|q| p.questions[q].id.clone())
                    .collect(),
            }
        })
        .collect();

    let mut profiles = Vec::new();
    let mut met_any = vec![false; p.dimensions.len()];
    for profile in Profile::ALL.into_iter().filter(|pr| pr.age_group == age) {
        let (dimensions, met) = dimension_results(p, profile, &fired);
        for (any, m) in met_any.iter_mut().zip(&met) {
            *any |= *m;
        }
        // An indicator counts for a profile only if that profile's list has it.
        let applicable: Vec<bool> = p
            .indicators
            .iter()
            .zip(&fired)
            .map(|(ind, f)| *f && ind.strength(profile).is_some())
            .collect();
        let facts = OutcomeFacts {
            visible,
            age,
            met,
            triggered: applicable,
            level: None,
        };
        let rule = p
            .outcome_rules
            .iter()
            .find(|r| r.age_group.is_none_or(|g| g == age) && r.when.eval(&facts));
        profiles.push(ProfileResult {
            profile: profile.name(),
            dimensions,
            level: rule.map_or(Level::NoIndication, |r| r.level),
            rule: rule.map(|r| FiredRule {
                id: r.id.clone(),
                explanation_key: r.explanation_key.clone(),
            }),
        });
    }

    let emergency = match session.state() {
        State::Ended(EndReason::Emergency { rule }) => p.stop_rules.iter().find(|r| &r.id == rule).map(|r| Emergency {
            rule: r.id.clone(),
            message_key: r.message_key.clone(),
        }),
        _ => None,
    };
    let mut computed = profiles.iter().map(|r| r.level).max().unwrap_or(Level::NoIndication);
    if emergency.is_some() {
        computed = Level::ReferNow;
    }
    let interviewer_override = session.override_level().cloned();
    let level = interviewer_override.as_ref().map_or(computed, |o| o.level);
    let finished = matches!(
        session.state(),
        State::Completed | State::Ended(EndReason::Emergency { .. })
    );
    let result = (finished || interviewer_override.is_some()).then_some(level);

    // Referrals and notes that follow from a level wait for a result; those that follow from
    // an indicator or from the person's age do not.
    let facts = OutcomeFacts {
        visible,
        age,
        met: met_any,
        triggered: fired,
        level: result,
    };
    let mut referrals = Vec::new();
    let mut expired_referrals = Vec::new();
    for r in &p.referrals {
        if r.suggest_when.eval(&facts) {
            if r.valid_until < today {
                expired_referrals.push(r.id.clone());
            } else {
                referrals.push(r.clone());
            }
        }
    }
    // Emergency services first, then the order the protocol lists them in.
    referrals.sort_by_key(|r| r.category != ReferralCategory::Emergency);
    let safety_note_keys = p
        .safety_notes
        .iter()
        .filter(|n| n.when.eval(&facts))
        .map(|n| n.text_key.clone())
        .collect();

    Outcome {
        protocol_id: p.header.id.clone(),
        protocol_version: p.header.version.to_string(),
        state: session.state().clone(),
        complete: *session.state() == State::Completed,
        age_group: age,
        age_group_assumed: assumed,
        consent: session.consent(),
        computed_level: computed,
        level,
        result,
        interviewer_override,
        emergency,
        indicators,
        profiles,
        referrals,
        expired_referrals,
        safety_note_keys,
        excluded_answers: session
            .hidden_answers()
            .into_iter()
            .map(|q| p.questions[q].id.clone())
            .collect(),
        statement_key: STATEMENT_KEY,
    }
}

impl Outcome {
    /// The result's name as lists, reports and exports show it: a level, or `incomplete`.
    pub fn result_name(&self) -> &'static str {
        self.result.map_or(INCOMPLETE, |l| l.name())
    }

    /// A profile's level as shown: `incomplete` when the screening has no result.
    pub fn profile_result_name(&self, profile: &ProfileResult) -> &'static str {
        self.result.map_or(INCOMPLETE, |_| profile.level.name())
    }

    /// The rule that concluded a profile, as shown: a rule's explanation is a conclusion, so an
    /// unfinished screening shows none (the rule stays in `profiles` for the audit trail).
    pub fn concluding_rule<'a>(&self, profile: &'a ProfileResult) -> Option<&'a FiredRule> {
        self.result.and(profile.rule.as_ref())
    }
}

fn dimension_results(p: &Protocol, profile: Profile, fired: &[bool]) -> (Vec<DimensionResult>, Vec<bool>) {
    let mut results = Vec::new();
    let mut met = Vec::new();
    for (di, dim) in p.dimensions.iter().enumerate() {
        let hits: Vec<IndicatorHit> = p
            .indicators
            .iter()
            .zip(fired)
            .filter(|(ind, f)| **f && ind.dimension == di)
            .filter_map(|(ind, _)| {
                ind.strength(profile).map(|s| IndicatorHit {
                    id: ind.id.clone(),
                    strength: s,
                })
            })
            .collect();
        let count = |s: Strength| u32::try_from(hits.iter().filter(|h| h.strength == s).count()).unwrap_or(u32::MAX);
        let (strong, medium, weak) = (count(Strength::Strong), count(Strength::Medium), count(Strength::Weak));
        let rule = &p.dimension_rules[dim.rule];
        let met_by = rule
            .met_when
            .iter()
            .find(|pat| pat.reached_by(strong, medium, weak))
            .copied();
        met.push(met_by.is_some());
        results.push(DimensionResult {
            id: dim.id.clone(),
            label_key: dim.label_key.clone(),
            met: met_by.is_some(),
            strong,
            medium,
            weak,
            indicators: hits,
            met_by,
            rule: rule.id.clone(),
        });
    }
    (results, met)
}
