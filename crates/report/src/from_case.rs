//! One screening read as [`CaseFacts`]: the protocol's `[report]` mapping for answers, the
//! engine for age, means of control, outcome and referrals.

use crate::facts::{CaseFacts, Gender, Referral};
use crate::tracking::ReferralTrack;
use fieldscreen_protocol::model::ReportVariable;
use fieldscreen_protocol::{Answer, Session, builtin};
use std::collections::{BTreeMap, BTreeSet};

/// `month` is the screening's `YYYY-MM`. Only answers to questions that still apply count.
/// `tracked` holds the case's referrals that have moved past the suggestion, by referral id.
pub fn case_facts(
    session: &Session,
    month: &str,
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
    // An interview still in progress has no outcome yet.
    let finished = session.state() != &fieldscreen_protocol::State::InProgress;
    let outcome = finished.then(|| session.outcome(today)).flatten();
    let means: BTreeSet<String> = outcome
        .iter()
        .flat_map(|o| o.indicators.iter().flat_map(|i| i.ctdc_means.iter().cloned()))
        .collect();
    let exploitation: BTreeSet<String> = mapped(ReportVariable::Exploitation).into_iter().collect();
    let views_consent = p
        .sections
        .iter()
        .filter_map(|s| s.views_consent)
        .find_map(|q| match visible_answer(q) {
            Some(Answer::Yes) => Some(true),
            Some(Answer::No) => Some(false),
            _ => None,
        });
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
        citizenship: first(ReportVariable::Citizenship),
        country_of_exploitation: first(ReportVariable::CountryOfExploitation),
        exploitation: exploitation.into_iter().collect(),
        means_of_control: means.into_iter().collect(),
        recruiter_relation: first(ReportVariable::RecruiterRelation),
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
        views_consent,
    }
}
