//! Compiling and statically checking conditions: shape, names, types, choice codes, where each
//! kind of fact may be used, and that relevance reads only earlier answers.

use super::Compiler;
use crate::condition::{Cmp, Cond, Expected, Test};
use crate::diagnostic::did_you_mean;
use crate::model::*;
use crate::raw::*;
use std::ops::Range;
use toml::Spanned;

#[derive(Clone, Copy)]
pub(super) enum Scope {
    /// Relevance or constraint of the question at `at` (or the section starting there). Only
    /// earlier answers may be read, and `own` (a constraint's own question).
    Relevance {
        at: QIdx,
        own: Option<QIdx>,
    },
    Indicator,
    Stop,
    Outcome,
    /// Referral suggestions and safety notes: everything, including the level.
    Referral,
}

/// Facts known only once the outcome is computed, named in `met` and `indicator`.
#[derive(Clone, Copy)]
enum OutcomeFact {
    Dimension,
    Indicator,
}

impl Compiler<'_, '_> {
    /// Resolves a dimension or indicator name, where such facts are known.
    fn outcome_fact(&mut self, name: &Spanned<String>, path: &str, scope: Scope, fact: OutcomeFact) -> Option<usize> {
        let (field, code, table, known) = match fact {
            OutcomeFact::Dimension => ("met", "unknown-dimension", "dimensions", &self.dims),
            OutcomeFact::Indicator => ("indicator", "unknown-indicator", "indicators", &self.inds),
        };
        let fpath = format!("{path}.{field}");
        if !matches!(scope, Scope::Outcome | Scope::Referral) {
            let what = match fact {
                OutcomeFact::Dimension => "whether a dimension is met",
                OutcomeFact::Indicator => "which indicators fired",
            };
            self.d.error(
                "wrong-place",
                name.span(),
                fpath,
                format!("{what} is only known when the outcome is computed: use `{field}` in outcome rules, referrals and safety notes"),
            );
            return None;
        }
        if let Some(i) = known.get(name.get_ref()) {
            return Some(*i);
        }
        let hint = did_you_mean(name.get_ref(), known.keys().map(String::as_str))
            .unwrap_or_else(|| format!("define it in [[{table}]]"));
        let singular = &table[..table.len() - 1];
        self.d.error_hint(
            code,
            name.span(),
            fpath,
            format!("no {singular} `{}`", name.get_ref()),
            hint,
        );
        None
    }

    pub(super) fn cond(&mut self, c: &Spanned<RawCondition>, path: &str, scope: Scope) -> Option<Cond> {
        let raw = c.get_ref();
        let span = c.span();
        let mut heads: Vec<&str> = Vec::new();
        for (present, name) in [
            (raw.all.is_some(), "all"),
            (raw.any.is_some(), "any"),
            (raw.not.is_some(), "not"),
            (raw.q.is_some(), "q"),
            (raw.met.is_some(), "met"),
            (raw.indicator.is_some(), "indicator"),
            (raw.age_group.is_some(), "age_group"),
            (raw.level_at_least.is_some(), "level_at_least"),
        ] {
            if present {
                heads.push(name);
            }
        }
        if heads.len() != 1 {
            let message = if heads.is_empty() {
                "an empty condition".to_string()
            } else {
                format!("a condition with several heads ({})", heads.join(", "))
            };
            self.d.error_hint("condition-shape", span, path, message, "a condition is exactly one of: all = [..], any = [..], not = {..}, a test on an answer { q = .., is/in/includes/lt/le/gt/ge/answered = .. }, met = \"dimension\", indicator = \"id\", age_group = \"adult\"|\"child\", level_at_least = \"level\"");
            return None;
        }
        if raw.q.is_none() {
            let stray = [
                raw.is.is_some(),
                raw.in_.is_some(),
                raw.includes.is_some(),
                raw.lt.is_some(),
                raw.le.is_some(),
                raw.gt.is_some(),
                raw.ge.is_some(),
                raw.answered.is_some(),
            ];
            if stray.iter().any(|b| *b) {
                self.d.error_hint(
                    "condition-shape",
                    span.clone(),
                    path,
                    "an answer test without `q`",
                    "name the question the test reads with q = \"question_id\"",
                );
                return None;
            }
        }
        let list = |this: &mut Self, items: &Vec<Spanned<RawCondition>>, name: &str| -> Option<Vec<Cond>> {
            if items.is_empty() {
                this.d.error(
                    "condition-shape",
                    span.clone(),
                    format!("{path}.{name}"),
                    format!("`{name}` needs at least one condition"),
                );
                return None;
            }
            let compiled: Vec<Option<Cond>> = items
                .iter()
                .enumerate()
                .map(|(i, item)| this.cond(item, &format!("{path}.{name}[{i}]"), scope))
                .collect();
            compiled.into_iter().collect()
        };
        if let Some(items) = &raw.all {
            return list(self, items, "all").map(Cond::All);
        }
        if let Some(items) = &raw.any {
            return list(self, items, "any").map(Cond::Any);
        }
        if let Some(inner) = &raw.not {
            return self
                .cond(inner, &format!("{path}.not"), scope)
                .map(|c| Cond::Not(Box::new(c)));
        }
        if let Some(dim) = &raw.met {
            let i = self.outcome_fact(dim, path, scope, OutcomeFact::Dimension)?;
            return Some(Cond::Met(i));
        }
        if let Some(ind) = &raw.indicator {
            let i = self.outcome_fact(ind, path, scope, OutcomeFact::Indicator)?;
            return Some(Cond::Indicator(i));
        }
        if let Some(g) = &raw.age_group {
            return self.age_group(g, &format!("{path}.age_group")).map(Cond::AgeGroup);
        }
        if let Some(l) = &raw.level_at_least {
            if !matches!(scope, Scope::Referral) {
                self.d.error("wrong-place", l.span(), format!("{path}.level_at_least"), "the level is only known after the outcome rules: use `level_at_least` in referrals and safety notes");
                return None;
            }
            return self.level(l, &format!("{path}.level_at_least")).map(Cond::LevelAtLeast);
        }
        let q = raw.q.as_ref()?;
        self.answer_test(raw, q, span, path, scope)
    }

    fn answer_test(
        &mut self,
        raw: &RawCondition,
        q: &Spanned<String>,
        span: Range<usize>,
        path: &str,
        scope: Scope,
    ) -> Option<Cond> {
        let qpath = format!("{path}.q");
        let index = self.question_ref(q, &qpath)?;
        if let Scope::Relevance { at, own } = scope
            && Some(index) != own
            && index >= at
        {
            let (code, what) = if index == at {
                ("self-reference", "refers to the question it belongs to")
            } else {
                ("forward-reference", "refers to a later question")
            };
            self.d.error_hint(code, q.span(), qpath, format!("this condition {what} (`{}`)", q.get_ref()), "relevance and constraints may read only earlier answers; this keeps the interview order well defined and rules out cycles");
            return None;
        }
        let kind = self.kinds[index].clone();
        if kind == Kind::Note {
            self.d.error(
                "wrong-type",
                q.span(),
                qpath,
                format!("`{}` is an information note and has no answer to test", q.get_ref()),
            );
            return None;
        }
        let mut tests: Vec<(&str, Range<usize>)> = Vec::new();
        let mut push = |present: Option<Range<usize>>, name: &'static str| {
            if let Some(s) = present {
                tests.push((name, s));
            }
        };
        push(raw.is.as_ref().map(Spanned::span), "is");
        push(raw.in_.as_ref().map(|_| span.clone()), "in");
        push(raw.includes.as_ref().map(Spanned::span), "includes");
        push(raw.lt.as_ref().map(Spanned::span), "lt");
        push(raw.le.as_ref().map(Spanned::span), "le");
        push(raw.gt.as_ref().map(Spanned::span), "gt");
        push(raw.ge.as_ref().map(Spanned::span), "ge");
        push(raw.answered.as_ref().map(Spanned::span), "answered");
        if tests.len() != 1 {
            self.d.error_hint(
                "condition-shape",
                span,
                path,
                format!("an answer condition needs exactly one test, found {}", tests.len()),
                "use one of is, in, includes, lt, le, gt, ge, answered",
            );
            return None;
        }
        let (test_name, test_span) = tests.remove(0);
        let tpath = format!("{path}.{test_name}");
        let test = match test_name {
            "is" | "in" => {
                let values: Vec<&Spanned<String>> = match (&raw.is, &raw.in_) {
                    (Some(v), _) => vec![v],
                    (_, Some(vs)) => vs.iter().collect(),
                    _ => Vec::new(),
                };
                if values.is_empty() {
                    self.d
                        .error("condition-shape", test_span, tpath, "`in` needs at least one value");
                    return None;
                }
                let mut expected = Vec::new();
                for v in values {
                    expected.push(self.expected_value(&kind, v, q.get_ref(), &tpath)?);
                }
                Test::Is(expected)
            }
            "includes" => {
                let v = raw.includes.as_ref()?;
                let Kind::Multiple(choices) = &kind else {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        tpath,
                        format!(
                            "`includes` tests a multiple-choice answer, but `{}` is {}",
                            q.get_ref(),
                            kind.name()
                        ),
                        "use `is` or `in`",
                    );
                    return None;
                };
                if !choices.iter().any(|c| &c.code == v.get_ref()) {
                    self.unknown_code(v, choices, q.get_ref(), &tpath);
                    return None;
                }
                Test::Includes(v.get_ref().clone())
            }
            "answered" => Test::Answered(*raw.answered.as_ref()?.get_ref()),
            cmp => {
                let (op, v) = match cmp {
                    "lt" => (Cmp::Lt, raw.lt.as_ref()?),
                    "le" => (Cmp::Le, raw.le.as_ref()?),
                    "gt" => (Cmp::Gt, raw.gt.as_ref()?),
                    _ => (Cmp::Ge, raw.ge.as_ref()?),
                };
                if !matches!(kind, Kind::Number { .. } | Kind::Duration) {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        tpath,
                        format!("`{cmp}` compares numbers, but `{}` is {}", q.get_ref(), kind.name()),
                        "comparisons work on number and duration (in days) questions",
                    );
                    return None;
                }
                let value = *v.get_ref();
                if let Kind::Number { min, max } = kind {
                    // A comparison every answer passes, or none can: the rule means something
                    // other than what was written (a limit of 200 hours on a 168-hour week).
                    let (always, never) = match op {
                        Cmp::Lt => (value > max, value <= min),
                        Cmp::Le => (value >= max, value < min),
                        Cmp::Gt => (value < min, value >= max),
                        Cmp::Ge => (value <= min, value > max),
                    };
                    if always || never {
                        self.d.error_hint(
                            "threshold-out-of-range",
                            v.span(),
                            tpath,
                            format!(
                                "`{cmp} = {value}` on `{}` is {} true: its answers run from {min} to {max}",
                                q.get_ref(),
                                if always { "always" } else { "never" }
                            ),
                            "put the threshold inside the question's range, or widen the range",
                        );
                    }
                }
                Test::Compare(op, value)
            }
        };
        Some(Cond::Answer { q: index, test })
    }

    fn expected_value(&mut self, kind: &Kind, v: &Spanned<String>, q: &str, path: &str) -> Option<Expected> {
        let value = v.get_ref().as_str();
        match value {
            "dont-know" => return Some(Expected::DontKnow),
            "prefer-not-to-say" => return Some(Expected::PreferNotToSay),
            _ => {}
        }
        match kind {
            Kind::YesNo | Kind::Observation => match value {
                "yes" => Some(Expected::Yes),
                "no" => Some(Expected::No),
                _ => {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        path,
                        format!("`{q}` is answered yes or no, not `{value}`"),
                        "use \"yes\", \"no\", \"dont-know\" or \"prefer-not-to-say\"",
                    );
                    None
                }
            },
            Kind::Single(choices) => {
                if choices.iter().any(|c| c.code == value) {
                    Some(Expected::Code(value.to_string()))
                } else {
                    self.unknown_code(v, choices, q, path);
                    None
                }
            }
            Kind::Country => {
                if crate::iso3166::is_alpha2(value) {
                    Some(Expected::Code(value.to_string()))
                } else {
                    self.d.error_hint(
                        "wrong-type",
                        v.span(),
                        path,
                        format!("`{value}` is not an ISO 3166-1 alpha-2 code"),
                        "use two upper-case letters, e.g. \"MD\"",
                    );
                    None
                }
            }
            Kind::Language => {
                if crate::answer::is_language_tag(value) {
                    Some(Expected::Code(value.to_string()))
                } else {
                    self.d.error(
                        "wrong-type",
                        v.span(),
                        path,
                        format!("`{value}` is not a BCP 47 language tag"),
                    );
                    None
                }
            }
            Kind::Multiple(_) => {
                self.d.error_hint(
                    "wrong-type",
                    v.span(),
                    path,
                    format!("`{q}` takes several choices; test one with `includes`"),
                    "write { q = \"...\", includes = \"code\" }",
                );
                None
            }
            _ => {
                self.d.error_hint(
                    "wrong-type",
                    v.span(),
                    path,
                    format!("`{q}` is a {} question; `is` cannot compare it", kind.name()),
                    "use lt/le/gt/ge for numbers and durations, `answered` for the rest",
                );
                None
            }
        }
    }

    fn unknown_code(&mut self, v: &Spanned<String>, choices: &[Choice], q: &str, path: &str) {
        let hint = did_you_mean(v.get_ref(), choices.iter().map(|c| c.code.as_str())).unwrap_or_else(|| {
            format!(
                "choices of `{q}`: {}",
                choices.iter().map(|c| c.code.as_str()).collect::<Vec<_>>().join(", ")
            )
        });
        self.d.error_hint(
            "unknown-choice",
            v.span(),
            path,
            format!("`{}` is not a choice of `{q}`", v.get_ref()),
            hint,
        );
    }
}
