//! Persons, not interviews: a person screened twice (a rapid screen then the full protocol, or
//! by two workers) is counted once. A worker marks a case as the same person as an earlier
//! one; the marks join cases into persons, whatever order they were made in, and each person
//! is counted by their latest screening.

use crate::facts::CaseFacts;
use std::collections::HashMap;

/// One screening as the grouping needs it.
pub(crate) struct Screening {
    /// The case id.
    pub id: String,
    /// When it began (RFC 3339, UTC): the latest screening of a person decides.
    pub created_at: String,
    /// The case it was marked as the same person as.
    pub same_person_as: Option<String>,
    /// What it contributes.
    pub facts: CaseFacts,
    /// The date of its latest identification decision, to find a person's latest one.
    pub decided_on: Option<jiff::civil::Date>,
}

/// Every person, and how many interviews were folded into a person with another.
pub(crate) struct Persons {
    /// One per person.
    pub facts: Vec<CaseFacts>,
    /// Interviews that belong to a person screened more than once.
    pub linked_interviews: usize,
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Joins linked screenings into persons. A person's facts are their latest screening's
/// (its month, answers and outcome), with every referral of every screening, since a
/// referral made after the first screening still happened to the person, and the latest
/// identification decision of any of them. A mark naming a case that is not here (deleted,
/// or not synced yet) joins nothing.
pub(crate) fn persons(screenings: Vec<Screening>) -> Persons {
    let index: HashMap<&str, usize> = screenings.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut parent: Vec<usize> = (0..screenings.len()).collect();
    for (i, s) in screenings.iter().enumerate() {
        if let Some(&j) = s.same_person_as.as_deref().and_then(|e| index.get(e)) {
            let (a, b) = (root(&mut parent, i), root(&mut parent, j));
            parent[a] = b;
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..screenings.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_by_key(|g| g.iter().copied().min());
    let mut linked_interviews = 0;
    let facts = groups
        .into_iter()
        .map(|mut g| {
            g.sort_by(|&a, &b| screenings[a].created_at.cmp(&screenings[b].created_at).then(a.cmp(&b)));
            if g.len() > 1 {
                linked_interviews += g.len();
            }
            let latest = *g.last().unwrap_or(&0);
            let mut person = screenings[latest].facts.clone();
            person.referrals = g.iter().flat_map(|&i| screenings[i].facts.referrals.clone()).collect();
            person.identification = g
                .iter()
                .filter_map(|&i| Some((screenings[i].decided_on?, screenings[i].facts.identification?)))
                .max_by_key(|(date, _)| *date)
                .map(|(_, d)| d);
            person
        })
        .collect();
    Persons {
        facts,
        linked_interviews,
    }
}
