//! Outcome rules that can never decide. The first outcome rule that matches gives the level, so a
//! rule is dead when every situation it matches is also matched by a rule listed before it. That
//! is a satisfiability question: can `later ∧ ¬earlier₁ ∧ … ∧ ¬earlierₙ` be true?
//!
//! Each elementary test (an indicator fired, a dimension met, an answer test) is treated as a
//! free true/false fact. Real facts are tied together (a dimension is met because indicators
//! fired; "yes" excludes "no"), so treating them as free admits situations that cannot happen:
//! the search may miss a dead rule, but a rule it calls dead is dead. The age group is not free:
//! it is fixed to each group the later rule applies to in turn.

use crate::condition::Cond;
use crate::model::{AgeGroup, OutcomeRule, Protocol};

/// Condition nodes the search may build and evaluate for one protocol, all rules together, before
/// it gives no verdict for the rules left: bounds the check of a huge or adversarial protocol
/// (tens of milliseconds in release) while real protocols use a tiny part of it.
const SEARCH_BUDGET: usize = 1 << 22;
/// More distinct facts than this in one question and the search gives no verdict.
const MAX_FACTS: usize = 256;

/// A rule that never decides because earlier rules pre-empt it, and a lower level wins instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadowed {
    /// The rule that never decides.
    pub rule: usize,
    /// The earliest rule of a lower level that can match where it does: the one to move or narrow.
    pub by: usize,
    /// Every earlier rule that can match where it does, by index.
    pub pre_empted_by: Vec<usize>,
}

/// Outcome rules that can never decide and whose place a lower-level rule takes.
pub fn shadowed_outcome_rules(p: &Protocol) -> Vec<Shadowed> {
    let rules = &p.outcome_rules;
    let mut budget = SEARCH_BUDGET;
    let mut out = Vec::new();
    for (j, later) in rules.iter().enumerate() {
        if budget == 0 {
            break;
        }
        let mut groups = [AgeGroup::Adult, AgeGroup::Child]
            .into_iter()
            .filter(|g| applies(later, *g));
        let dead = groups.all(|g| {
            let mut parts = vec![fix_age(&later.when, g)];
            parts.extend(
                rules[..j]
                    .iter()
                    .filter(|r| applies(r, g))
                    .map(|r| Cond::Not(Box::new(fix_age(&r.when, g)))),
            );
            satisfiable(&Cond::All(parts), &mut budget) == Some(false)
        });
        if !dead {
            continue;
        }
        let pre_empted_by: Vec<usize> = rules[..j]
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                [AgeGroup::Adult, AgeGroup::Child].into_iter().any(|g| {
                    applies(r, g)
                        && applies(later, g)
                        && satisfiable(
                            &Cond::All(vec![fix_age(&r.when, g), fix_age(&later.when, g)]),
                            &mut budget,
                        ) != Some(false)
                })
            })
            .map(|(i, _)| i)
            .collect();
        if let Some(&by) = pre_empted_by.iter().find(|i| rules[**i].level < later.level) {
            out.push(Shadowed {
                rule: j,
                by,
                pre_empted_by,
            });
        }
    }
    out
}

fn applies(rule: &OutcomeRule, g: AgeGroup) -> bool {
    rule.age_group.is_none_or(|x| x == g)
}

/// The condition with every age-group test decided for `g`.
fn fix_age(c: &Cond, g: AgeGroup) -> Cond {
    match c {
        Cond::All(cs) => Cond::All(cs.iter().map(|c| fix_age(c, g)).collect()),
        Cond::Any(cs) => Cond::Any(cs.iter().map(|c| fix_age(c, g)).collect()),
        Cond::Not(c) => Cond::Not(Box::new(fix_age(c, g))),
        Cond::AgeGroup(x) if *x == g => Cond::All(Vec::new()),
        Cond::AgeGroup(_) => Cond::Any(Vec::new()),
        other => other.clone(),
    }
}

/// A condition with each elementary test replaced by its number.
enum Prop {
    All(Vec<Prop>),
    Any(Vec<Prop>),
    Not(Box<Prop>),
    Fact(usize),
}

impl Prop {
    /// `None` when the condition reads more than `MAX_FACTS` facts.
    fn of<'a>(c: &'a Cond, facts: &mut Vec<&'a Cond>) -> Option<Prop> {
        Some(match c {
            Cond::All(cs) => Prop::All(cs.iter().map(|c| Prop::of(c, facts)).collect::<Option<_>>()?),
            Cond::Any(cs) => Prop::Any(cs.iter().map(|c| Prop::of(c, facts)).collect::<Option<_>>()?),
            Cond::Not(c) => Prop::Not(Box::new(Prop::of(c, facts)?)),
            fact => match facts.iter().position(|f| *f == fact) {
                Some(i) => Prop::Fact(i),
                None if facts.len() < MAX_FACTS => {
                    facts.push(fact);
                    Prop::Fact(facts.len() - 1)
                }
                None => return None,
            },
        })
    }

    fn size(&self) -> usize {
        match self {
            Prop::All(ps) | Prop::Any(ps) => 1 + ps.iter().map(Prop::size).sum::<usize>(),
            Prop::Not(p) => 1 + p.size(),
            Prop::Fact(_) => 1,
        }
    }

    /// Three-valued evaluation under a partial assignment: `None` while undecided.
    fn eval(&self, values: &[Option<bool>]) -> Option<bool> {
        match self {
            Prop::All(ps) => {
                let mut known = true;
                for p in ps {
                    match p.eval(values) {
                        Some(false) => return Some(false),
                        None => known = false,
                        Some(true) => {}
                    }
                }
                known.then_some(true)
            }
            Prop::Any(ps) => {
                let mut known = true;
                for p in ps {
                    match p.eval(values) {
                        Some(true) => return Some(true),
                        None => known = false,
                        Some(false) => {}
                    }
                }
                known.then_some(false)
            }
            Prop::Not(p) => p.eval(values).map(|v| !v),
            Prop::Fact(i) => values[*i],
        }
    }

    /// A fact the undecided part still reads: facts under a decided branch cannot change the
    /// verdict, so the search never branches on them.
    fn undecided_fact(&self, values: &[Option<bool>]) -> Option<usize> {
        match self {
            Prop::All(ps) | Prop::Any(ps) => ps
                .iter()
                .filter(|p| p.eval(values).is_none())
                .find_map(|p| p.undecided_fact(values)),
            Prop::Not(p) => p.undecided_fact(values),
            Prop::Fact(i) => values[*i].is_none().then_some(*i),
        }
    }
}

/// Whether some assignment of the elementary tests makes `c` true; `None` when the search ran
/// out of budget.
fn satisfiable(c: &Cond, budget: &mut usize) -> Option<bool> {
    let mut facts = Vec::new();
    let prop = Prop::of(c, &mut facts)?;
    let size = prop.size();
    // Building it looked each fact up among at most MAX_FACTS others.
    spend(budget, size)?;
    let mut values = vec![None; facts.len()];
    search(&prop, size, &mut values, budget)
}

/// Takes `cost` from the budget; once it cannot, the budget is spent for good.
fn spend(budget: &mut usize, cost: usize) -> Option<()> {
    match budget.checked_sub(cost) {
        Some(left) => {
            *budget = left;
            Some(())
        }
        None => {
            *budget = 0;
            None
        }
    }
}

fn search(p: &Prop, size: usize, values: &mut [Option<bool>], budget: &mut usize) -> Option<bool> {
    // Each step evaluates the whole condition at most a few times.
    spend(budget, size)?;
    if let Some(v) = p.eval(values) {
        return Some(v);
    }
    let next = p.undecided_fact(values)?;
    let mut verdict = Some(false);
    for v in [true, false] {
        values[next] = Some(v);
        match search(p, size, values, budget) {
            Some(true) => {
                values[next] = None;
                return Some(true);
            }
            None => verdict = None,
            Some(false) => {}
        }
    }
    values[next] = None;
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh(c: &Cond) -> Option<bool> {
        let mut budget = SEARCH_BUDGET;
        satisfiable(c, &mut budget)
    }

    fn not(c: Cond) -> Cond {
        Cond::Not(Box::new(c))
    }

    #[test]
    fn satisfiability_of_free_facts() {
        let x = Cond::Met(0);
        let y = Cond::Met(1);
        assert_eq!(fresh(&Cond::All(vec![x.clone(), not(x.clone())])), Some(false));
        assert_eq!(fresh(&Cond::All(vec![x.clone(), not(y.clone())])), Some(true));
        // x ∧ y ∧ ¬(x ∨ y): what two earlier rules cover together, neither covers alone.
        let covered = Cond::All(vec![
            Cond::Any(vec![x.clone(), y.clone()]),
            not(x.clone()),
            not(y.clone()),
        ]);
        assert_eq!(fresh(&covered), Some(false));
        assert_eq!(fresh(&Cond::All(Vec::new())), Some(true));
        assert_eq!(fresh(&Cond::Any(Vec::new())), Some(false));
    }

    #[test]
    fn an_exhausted_budget_gives_no_verdict() {
        // Ten pigeons in nine holes: impossible, and famously long to refute by case analysis.
        let (pigeons, holes) = (10, 9);
        let at = |p: usize, h: usize| Cond::Met(p * holes + h);
        let mut parts: Vec<Cond> = (0..pigeons)
            .map(|p| Cond::Any((0..holes).map(|h| at(p, h)).collect()))
            .collect();
        for h in 0..holes {
            for p in 0..pigeons {
                for q in p + 1..pigeons {
                    parts.push(not(Cond::All(vec![at(p, h), at(q, h)])));
                }
            }
        }
        assert_eq!(fresh(&Cond::All(parts)), None);
    }
}
