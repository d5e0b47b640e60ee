//! Finds questions that can never be shown. For each question the relevance of its section and
//! its own are tried against every combination of representative answers to the questions they
//! read: the choice codes, yes/no, the numbers around each constant compared, "don't know",
//! "prefer not to say", unanswered; for a multiple-choice question every set of the codes the
//! conditions mention, with and without one they do not (nothing else can tell sets apart). If none makes it true, the question is unreachable. Too many combinations and the
//! check gives no verdict rather than a wrong one.

use crate::answer::{Answer, DurationUnit};
use crate::condition::{Cond, Expected, Facts, Test};
use crate::model::{AgeGroup, DimIdx, Kind, Profile, Protocol, QIdx, Strength};
use std::collections::BTreeSet;

const MAX_COMBINATIONS: usize = 20_000;
/// More mentioned codes of one multiple-choice question than this and its sets are sampled.
const MAX_MENTIONED_CODES: usize = 12;

pub fn unreachable_questions(p: &Protocol) -> Vec<QIdx> {
    let mut reachable = vec![true; p.questions.len()];
    let mut out = Vec::new();
    for (i, q) in p.questions.iter().enumerate() {
        let mut parts = Vec::new();
        if let Some(c) = &p.sections[q.section].relevant {
            parts.push(c.clone());
        }
        if let Some(c) = &q.relevant {
            parts.push(c.clone());
        }
        // What the engine adds to the written conditions (`Session::visible`): an identifying
        // question is not asked under anonymous consent, and a survivors'-views question waits
        // for a yes to its section's own consent question.
        if parts.is_empty() {
            continue;
        }
        if q.identifying {
            parts.push(Cond::Not(Box::new(Cond::Answer {
                q: crate::builtin::index(crate::builtin::CONSENT),
                test: Test::Is(vec![Expected::Code(crate::builtin::Consent::Anonymous.code().into())]),
            })));
        }
        if let Some(consent) = p.sections[q.section].views_consent.filter(|c| *c != i) {
            parts.push(Cond::Answer {
                q: consent,
                test: Test::Is(vec![Expected::Yes]),
            });
        }
        let cond = Cond::All(parts);
        if satisfiable(p, &cond, &reachable) == Some(false) {
            reachable[i] = false;
            out.push(i);
        }
    }
    out
}

fn domain(p: &Protocol, q: QIdx, cond: &Cond) -> Vec<Option<Answer>> {
    let mut values = vec![None, Some(Answer::DontKnow), Some(Answer::PreferNotToSay)];
    match &p.questions[q].kind {
        Kind::YesNo | Kind::Observation => values.extend([Some(Answer::Yes), Some(Answer::No)]),
        Kind::Single(choices) => values.extend(choices.iter().map(|c| Some(Answer::Choice(c.code.clone())))),
        Kind::Multiple(choices) => {
            let mut mentioned = Vec::new();
            collect_codes(cond, q, &mut mentioned);
            mentioned.sort();
            mentioned.dedup();
            let other = choices.iter().map(|c| &c.code).find(|c| !mentioned.contains(c));
            if mentioned.len() <= MAX_MENTIONED_CODES {
                for mask in 0u32..(1 << mentioned.len()) {
                    let set: BTreeSet<String> = mentioned
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| mask & (1 << i) != 0)
                        .map(|(_, c)| c.clone())
                        .collect();
                    if let Some(o) = other {
                        let mut with_other = set.clone();
                        with_other.insert(o.clone());
                        values.push(Some(Answer::Choices(with_other)));
                    }
                    values.push(Some(Answer::Choices(set)));
                }
            } else {
                let codes: Vec<&String> = choices.iter().map(|c| &c.code).collect();
                values.push(Some(Answer::Choices(BTreeSet::new())));
                values.push(Some(Answer::Choices(codes.iter().map(|c| (*c).clone()).collect())));
                values.extend(
                    codes
                        .iter()
                        .map(|c| Some(Answer::Choices(BTreeSet::from([(*c).clone()])))),
                );
            }
        }
        Kind::Number { min, max } => {
            let mut points = BTreeSet::from([*min, *max]);
            let mut constants = Vec::new();
            cond.constants_for(q, &mut constants);
            for k in constants {
                for v in [k.saturating_sub(1), k, k.saturating_add(1)] {
                    if (*min..=*max).contains(&v) {
                        points.insert(v);
                    }
                }
            }
            values.extend(points.into_iter().map(|n| Some(Answer::Number(n))));
        }
        Kind::Duration => {
            let mut constants = vec![0];
            cond.constants_for(q, &mut constants);
            let points: BTreeSet<i64> = constants
                .iter()
                .flat_map(|k| [k.saturating_sub(1), *k, k.saturating_add(1)])
                .filter(|v| *v >= 0)
                .collect();
            values.extend(points.into_iter().map(|n| {
                Some(Answer::Duration {
                    amount: u32::try_from(n).unwrap_or(u32::MAX),
                    unit: DurationUnit::Days,
                })
            }));
        }
        // Tests on these only ask "answered" or a code that the compiler has checked is valid.
        Kind::Country | Kind::Language | Kind::Date | Kind::Text => {
            let mut codes = Vec::new();
            collect_codes(cond, q, &mut codes);
            values.push(Some(Answer::Text(String::new())));
            for c in codes {
                values.push(Some(match p.questions[q].kind {
                    Kind::Country => Answer::Country(c),
                    _ => Answer::Language(c),
                }));
            }
        }
        Kind::Note => {}
    }
    values
}

fn collect_codes(c: &Cond, q: QIdx, out: &mut Vec<String>) {
    match c {
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| collect_codes(c, q, out)),
        Cond::Not(c) => collect_codes(c, q, out),
        Cond::Answer {
            q: x,
            test: crate::condition::Test::Is(es),
        } if *x == q => {
            for e in es {
                if let crate::condition::Expected::Code(code) = e {
                    out.push(code.clone());
                }
            }
        }
        Cond::Answer {
            q: x,
            test: crate::condition::Test::Includes(code),
        } if *x == q => out.push(code.clone()),
        _ => {}
    }
}

struct Assignment<'a> {
    vars: &'a [QIdx],
    values: Vec<Option<Answer>>,
    age: Option<AgeGroup>,
}

impl Facts for Assignment<'_> {
    fn answer(&self, q: QIdx) -> Option<&Answer> {
        self.vars
            .iter()
            .position(|v| *v == q)
            .and_then(|i| self.values[i].as_ref())
    }
    fn age_group(&self) -> Option<AgeGroup> {
        self.age
    }
}

/// `Some(true)` if some assignment satisfies `cond`, `Some(false)` if none does, `None` if there
/// were too many to try.
pub fn satisfiable(p: &Protocol, cond: &Cond, reachable: &[bool]) -> Option<bool> {
    let mut vars = Vec::new();
    cond.questions(&mut vars);
    vars.sort_unstable();
    vars.dedup();
    let domains: Vec<Vec<Option<Answer>>> = vars
        .iter()
        .map(|&q| if reachable[q] { domain(p, q, cond) } else { vec![None] })
        .collect();
    let ages: Vec<Option<AgeGroup>> = if cond.reads_age_group() {
        vec![Some(AgeGroup::Adult), Some(AgeGroup::Child)]
    } else {
        vec![None]
    };
    let total = domains
        .iter()
        .try_fold(ages.len(), |acc, d| acc.checked_mul(d.len().max(1)))?;
    if total > MAX_COMBINATIONS {
        return None;
    }
    let mut counters = vec![0usize; domains.len()];
    loop {
        for age in &ages {
            let a = Assignment {
                vars: &vars,
                values: counters
                    .iter()
                    .zip(&domains)
                    .map(|(i, d)| d.get(*i).cloned().flatten())
                    .collect(),
                age: *age,
            };
            if cond.eval(&a) {
                return Some(true);
            }
        }
        // Next combination, odometer style.
        let mut k = 0;
        loop {
            if k == counters.len() {
                return Some(false);
            }
            counters[k] += 1;
            if counters[k] < domains[k].len() {
                break;
            }
            counters[k] = 0;
            k += 1;
        }
    }
}

/// Which indicators can fire at all: their trigger is satisfiable by answers to questions that
/// can be shown (`None` from the search counts as "can", so that a large condition is never
/// called dead by mistake).
fn firing_indicators(p: &Protocol) -> Vec<bool> {
    let unreachable = unreachable_questions(p);
    let reachable: Vec<bool> = (0..p.questions.len()).map(|q| !unreachable.contains(&q)).collect();
    p.indicators
        .iter()
        .map(|ind| satisfiable(p, &ind.when, &reachable) != Some(false))
        .collect()
}

/// Whether each dimension can be met in `profile`: counts only grow as indicators fire, so the
/// best case is every indicator of the dimension that can fire at all (indicators that exclude
/// each other are counted together, so a dimension is never called unmeetable by mistake).
fn meetable(p: &Protocol, fires: &[bool], profile: Profile) -> Vec<bool> {
    p.dimensions
        .iter()
        .enumerate()
        .map(|(di, dim)| {
            let count = |s: Strength| {
                let n = p
                    .indicators
                    .iter()
                    .zip(fires)
                    .filter(|(ind, f)| **f && ind.dimension == di && ind.strength(profile) == Some(s))
                    .count();
                u32::try_from(n).unwrap_or(u32::MAX)
            };
            let (strong, medium, weak) = (count(Strength::Strong), count(Strength::Medium), count(Strength::Weak));
            // A rule that did not compile was reported already: no second verdict on it.
            p.dimension_rules
                .get(dim.rule)
                .is_none_or(|rule| rule.met_when.iter().any(|pat| pat.reached_by(strong, medium, weak)))
        })
        .collect()
}

/// Dimensions that no combination of answers can meet, in any profile, with the best counts
/// reached (strong, medium, weak) for the message.
pub fn unmeetable_dimensions(p: &Protocol) -> Vec<(DimIdx, [u32; 3])> {
    let fires = firing_indicators(p);
    let by_profile: Vec<Vec<bool>> = Profile::ALL.iter().map(|pr| meetable(p, &fires, *pr)).collect();
    (0..p.dimensions.len())
        .filter(|d| !by_profile.iter().any(|m| m[*d]))
        .map(|d| {
            let best = |s: Strength| {
                Profile::ALL
                    .iter()
                    .map(|pr| {
                        p.indicators
                            .iter()
                            .zip(&fires)
                            .filter(|(ind, f)| **f && ind.dimension == d && ind.strength(*pr) == Some(s))
                            .count()
                    })
                    .max()
                    .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX))
            };
            (
                d,
                [best(Strength::Strong), best(Strength::Medium), best(Strength::Weak)],
            )
        })
        .collect()
}

/// Whether `c` could be true given which dimensions can be met and which indicators can fire
/// for one profile. Answer tests, negations and levels are taken as possible: this finds rules
/// that are dead because of what they count on, never by guessing about answers.
fn possible(c: &Cond, met: &[bool], fires: &[bool], age: AgeGroup) -> bool {
    match c {
        Cond::All(cs) => cs.iter().all(|c| possible(c, met, fires, age)),
        Cond::Any(cs) => cs.iter().any(|c| possible(c, met, fires, age)),
        Cond::Met(d) => met.get(*d).copied().unwrap_or(false),
        Cond::Indicator(i) => fires.get(*i).copied().unwrap_or(false),
        Cond::AgeGroup(g) => *g == age,
        Cond::Not(_) | Cond::Answer { .. } | Cond::LevelAtLeast(_) => true,
    }
}

/// Outcome rules that can never fire: in every profile of their age group, some dimension they
/// need can never be met or some indicator they need can never fire (or count for the profile).
pub fn dead_outcome_rules(p: &Protocol) -> Vec<usize> {
    let fires = firing_indicators(p);
    let profiles: Vec<(Profile, Vec<bool>, Vec<bool>)> = Profile::ALL
        .iter()
        .map(|pr| {
            let counts: Vec<bool> = p
                .indicators
                .iter()
                .zip(&fires)
                .map(|(ind, f)| *f && ind.strength(*pr).is_some())
                .collect();
            (*pr, meetable(p, &fires, *pr), counts)
        })
        .collect();
    p.outcome_rules
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            !profiles
                .iter()
                .filter(|(pr, _, _)| r.age_group.is_none_or(|g| g == pr.age_group))
                .any(|(pr, met, counts)| possible(&r.when, met, counts, pr.age_group))
        })
        .map(|(i, _)| i)
        .collect()
}

fn indicators_read(c: &Cond, out: &mut Vec<usize>) {
    match c {
        Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| indicators_read(c, out)),
        Cond::Not(c) => indicators_read(c, out),
        Cond::Indicator(i) => out.push(*i),
        _ => {}
    }
}

/// An outcome rule for one age group that reads an indicator graded for no profile of that
/// group: for that person the indicator never counts, so that part of the rule is dead even when
/// the rest can fire. `(rule, indicator)` by index.
pub fn rules_reading_ungraded_indicators(p: &Protocol) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (ri, rule) in p.outcome_rules.iter().enumerate() {
        let Some(age) = rule.age_group else { continue };
        let mut read = Vec::new();
        indicators_read(&rule.when, &mut read);
        read.sort_unstable();
        read.dedup();
        for i in read {
            let graded = Profile::ALL
                .iter()
                .filter(|pr| pr.age_group == age)
                .any(|pr| p.indicators.get(i).is_some_and(|ind| ind.strength(*pr).is_some()));
            if !graded {
                out.push((ri, i));
            }
        }
    }
    out
}
