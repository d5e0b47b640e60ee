//! One screening read as [`CaseFacts`]: the protocol's `[report]` mapping for answers, the
//! engine for age, means of control, outcome and referrals.

use crate::facts::{CaseFacts, Gender, Referral};
use crate::tracking::ReferralTrack;
use fieldscreen_protocol::model::{AgeGroup, ReportVariable};
use fieldscreen_protocol::{Answer, Level, Session, builtin};
use fieldscreen_vault::{CaseState, OrganisationType};
use std::collections::{BTreeMap, BTreeSet};

/// The least result that counts as a screening that found an indication of trafficking:
/// exploitation types and means of control are counted only from there. A labour-rights
/// concern is, by its own definition, not trafficking as far as the answers show.
pub const INDICATION_FROM: Level = Level::AssessFurther;

/// `month` is the screening's `YYYY-MM`. Only answers to questions that still apply count.
/// `tracked` holds the case's referrals that have moved past the suggestion, by referral id.
pub fn case_facts(
    session: &Session,
    month: &str,
    organisation: Option<OrganisationType>,
    today: jiff::civil::Date,
    tracked: &BTreeMap<String, ReferralTrack>,
) -> CaseFacts {
    let p = session.protocol();
    let visible_answer = |q: usize| session.is_visible(q).then(|| session.answer_of(q)).flatten();
    let mapped = |v: ReportVariable| -> Vec<String> {
        p.report
            .iter()
            .filter(|f| f.variable == v)
            .filter_map(|f| visible_answer(f.question).map(|a| f.categories(a)))
            .flatten()
            .collect()
    };
    let first = |v: ReportVariable| mapped(v).into_iter().next();
    let age = p
        .question_index(builtin::AGE)
        .and_then(visible_answer)
        .and_then(|a| match a {
            Answer::Number(n) => u32::try_from(*n).ok(),
            _ => None,
        });
    let minor = session.age_group().map(|g| g == AgeGroup::Child);
    // An interview still in progress has no outcome yet.
    let finished = session.state() != &fieldscreen_protocol::State::InProgress;
    let outcome = finished.then(|| session.outcome(today)).flatten();
    // What the screening shows about exploitation and control counts only where it found an
    // indication: a "no indication" screening of a construction worker is not forced labour.
    let indication = outcome
        .as_ref()
        .and_then(|o| o.result)
        .is_some_and(|l| l >= INDICATION_FROM);
    let fired = outcome.iter().filter(|_| indication).flat_map(|o| o.indicators.iter());
    let means: BTreeSet<String> = fired.clone().flat_map(|i| i.means_of_control.iter().cloned()).collect();
    let mut exploitation: BTreeSet<String> = fired.flat_map(|i| i.exploitation.iter().cloned()).collect();
    if indication {
        exploitation.extend(mapped(ReportVariable::Exploitation));
    }
    let views_consent = p
        .sections
        .iter()
        .filter_map(|s| s.views_consent)
        .find_map(|q| match visible_answer(q) {
            Some(Answer::Yes) => Some(true),
            Some(Answer::No) => Some(false),
            _ => None,
        });
    // The module's coded checklists count only for a person who agreed to speak.
    let spoke = views_consent == Some(true);
    let checklist = |v: ReportVariable| -> Vec<String> {
        let set: BTreeSet<String> = if spoke {
            mapped(v).into_iter().collect()
        } else {
            BTreeSet::new()
        };
        set.into_iter().collect()
    };
    let identification = tracked
        .values()
        .filter_map(|t| t.decision())
        .max_by_key(|d| d.date)
        .map(|d| d.decision);
    CaseFacts {
        month: month.chars().take(7).collect(),
        gender: first(ReportVariable::Gender).and_then(|g| match g.as_str() {
            "woman" => Some(Gender::Woman),
            "man" => Some(Gender::Man),
            "other" => Some(Gender::Other),
            "prefer-not-to-say" => Some(Gender::PreferNotToSay),
            _ => None,
        }),
        age,
        minor,
        presumed_minor: minor == Some(true) && age.is_none_or(|a| i64::from(a) >= builtin::ADULT_AGE),
        state: CaseState::of(session.state()),
        organisation,
        citizenship: first(ReportVariable::Citizenship),
        country_of_exploitation: first(ReportVariable::CountryOfExploitation),
        exploitation: exploitation.into_iter().collect(),
        means_of_control: means.into_iter().collect(),
        recruiter_relation: first(ReportVariable::RecruiterRelation),
        industry: first(ReportVariable::Industry),
        level: outcome.as_ref().map(|o| o.result_name().to_string()),
        referrals: {
            // Every referral the outcome suggested, at the step it has reached; and any the
            // interviewer tracked beyond the suggestions.
            let mut r: BTreeMap<String, Referral> = outcome
                .iter()
                .flat_map(|o| o.referrals.iter())
                .map(|s| {
                    let category = s.category.name().to_string();
                    (
                        s.id.clone(),
                        Referral {
                            category,
                            status: "suggested".into(),
                        },
                    )
                })
                .collect();
            for (id, t) in tracked {
                r.insert(
                    id.clone(),
                    Referral {
                        category: t.category.clone(),
                        status: t.status().name().into(),
                    },
                );
            }
            r.into_values().collect()
        },
        identification,
        views_consent,
        survivor_needs: checklist(ReportVariable::SurvivorNeeds),
        survivor_treatment: checklist(ReportVariable::SurvivorTreatment),
    }
}
