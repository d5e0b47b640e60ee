//! Conditions: relevance, constraints, stop rules, indicator triggers, outcome, referral and
//! safety-note rules. A condition is a finite tree of pure tests, so evaluating one has no side
//! effects and always terminates.

use crate::answer::Answer;
use crate::model::{AgeGroup, DimIdx, IndIdx, Level, QIdx};

/// A condition, every name resolved to an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// Every one holds.
    All(Vec<Cond>),
    /// At least one holds.
    Any(Vec<Cond>),
    /// It does not hold.
    Not(Box<Cond>),
    /// A question's answer passes a test.
    Answer {
        /// The question.
        q: QIdx,
        /// The test.
        test: Test,
    },
    /// A dimension is met.
    Met(DimIdx),
    /// An indicator fired.
    Indicator(IndIdx),
    /// The person is in this age group.
    AgeGroup(AgeGroup),
    /// The outcome is at least this level.
    LevelAtLeast(Level),
}

/// A value an `is`/`in` test can match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// Yes (or an observation's yes).
    Yes,
    /// No.
    No,
    /// A choice, country or language code.
    Code(String),
    /// "Don't know".
    DontKnow,
    /// "Prefer not to say".
    PreferNotToSay,
}

/// A comparison with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    /// Less than.
    Lt,
    /// Less than or equal.
    Le,
    /// Greater than.
    Gt,
    /// Greater than or equal.
    Ge,
}

/// What is asked of an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Test {
    /// It is one of these.
    Is(Vec<Expected>),
    /// A multiple choice includes this code.
    Includes(String),
    /// Its number (a duration in days) compares so with this.
    Compare(Cmp, i64),
    /// It was answered (true) or not (false).
    Answered(bool),
}

/// What a condition can look at. Each place that evaluates conditions supplies the facts it has;
/// the compiler has already refused conditions that ask for facts a place cannot have.
pub trait Facts {
    /// Question `q`'s answer, if it applies and was given.
    fn answer(&self, q: QIdx) -> Option<&Answer>;
    /// The person's age group, once known.
    fn age_group(&self) -> Option<AgeGroup>;
    /// Whether dimension `d` is met.
    fn met(&self, _d: DimIdx) -> bool {
        false
    }
    /// Whether indicator `i` fired.
    fn indicator(&self, _i: IndIdx) -> bool {
        false
    }
    /// The outcome level, once known.
    fn level(&self) -> Option<Level> {
        None
    }
}

impl Expected {
    fn matches(&self, a: &Answer) -> bool {
        match (self, a) {
            (Expected::Yes, Answer::Yes)
            | (Expected::No, Answer::No)
            | (Expected::DontKnow, Answer::DontKnow)
            | (Expected::PreferNotToSay, Answer::PreferNotToSay) => true,
            (Expected::Code(c), Answer::Choice(x) | Answer::Country(x) | Answer::Language(x)) => c == x,
            _ => false,
        }
    }
}

impl Cond {
    /// Whether it holds on these facts.
    pub fn eval(&self, f: &dyn Facts) -> bool {
        match self {
            Cond::All(cs) => cs.iter().all(|c| c.eval(f)),
            Cond::Any(cs) => cs.iter().any(|c| c.eval(f)),
            Cond::Not(c) => !c.eval(f),
            Cond::Answer { q, test } => {
                let a = f.answer(*q);
                match test {
                    Test::Answered(want) => a.is_some() == *want,
                    Test::Is(expected) => a.is_some_and(|a| expected.iter().any(|e| e.matches(a))),
                    Test::Includes(code) => matches!(a, Some(Answer::Choices(set)) if set.contains(code)),
                    Test::Compare(op, k) => a.and_then(Answer::as_quantity).is_some_and(|v| match op {
                        Cmp::Lt => v < *k,
                        Cmp::Le => v <= *k,
                        Cmp::Gt => v > *k,
                        Cmp::Ge => v >= *k,
                    }),
                }
            }
            Cond::Met(d) => f.met(*d),
            Cond::Indicator(i) => f.indicator(*i),
            Cond::AgeGroup(g) => f.age_group() == Some(*g),
            Cond::LevelAtLeast(l) => f.level().is_some_and(|have| have >= *l),
        }
    }

    /// Every question the condition reads.
    pub fn questions(&self, out: &mut Vec<QIdx>) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.questions(out)),
            Cond::Not(c) => c.questions(out),
            Cond::Answer { q, .. } => out.push(*q),
            _ => {}
        }
    }

    /// Whether it asks for the age group anywhere.
    pub fn reads_age_group(&self) -> bool {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().any(Cond::reads_age_group),
            Cond::Not(c) => c.reads_age_group(),
            Cond::AgeGroup(_) => true,
            _ => false,
        }
    }

    /// Integer constants compared against question `q` (used to pick test points).
    pub fn constants_for(&self, q: QIdx, out: &mut Vec<i64>) {
        match self {
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.constants_for(q, out)),
            Cond::Not(c) => c.constants_for(q, out),
            Cond::Answer {
                q: x,
                test: Test::Compare(_, k),
            } if *x == q => out.push(*k),
            _ => {}
        }
    }
}
