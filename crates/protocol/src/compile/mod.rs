//! Turns a protocol file into a [`Protocol`], reporting every problem it can find at once, each
//! located by line and column. Never panics on any input.
//!
//! It works in three steps: `decode` reads the TOML into positioned raw items (one bad item does
//! not hide the others); `declare` registers every name (questions, dimensions, rules,
//! indicators) so that references can be checked in any order; `resolve` compiles conditions
//! and everything that refers to something else. `conditions` holds the condition checker.

mod conditions;
mod declare;
mod decode;
mod fields;
mod report;
mod resolve;

use crate::diagnostic::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::*;
use crate::{reachability, shadowing};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use toml::Spanned;

/// The result of compiling one protocol file: the protocol if there were no errors, and every
/// diagnostic (errors and warnings) either way.
pub struct Compiled {
    /// The protocol, when the file has no error.
    pub protocol: Option<Protocol>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
}

/// The means-of-control categories an indicator may be tagged with: HTCDS 2.0's methods of
/// control (`physical-threats` is `PhysicalThreats`), and two the CTDC counts that HTCDS 2.0 has no
/// value for (`restricts-movement`, `uses-children`; exported as `Other`).
pub const MEANS_OF_CONTROL: [&str; 18] = [
    "physical-threats",
    "threats-law-enforcement",
    "threatens-children-family",
    "debt-bondage",
    "false-promises",
    "physical-abuse",
    "sexual-abuse",
    "takes-earnings",
    "restricts-financial-access",
    "restricts-medical-care",
    "withholds-necessities",
    "psychological-abuse",
    "psychoactive-substance",
    "excessive-working-hours",
    "withholds-documents",
    "restricts-movement",
    "uses-children",
    "other",
];

/// Compiles `source` (the text of `file`). With `today`, also warns about a review date or a
/// referral validity date that has passed.
pub fn compile(file: &str, source: &str, today: Option<Date>) -> Compiled {
    let mut d = Diagnostics::new(file, source);
    let protocol = compile_inner(source, today, &mut d);
    let protocol = if d.has_errors() { None } else { protocol };
    Compiled {
        protocol,
        diagnostics: d.items,
    }
}

/// Ids that name one item of a list: with two alike, the first would win without a word.
fn unique_ids<'a>(d: &mut Diagnostics, what: &str, items: impl Iterator<Item = (&'a str, &'a toml::Spanned<String>)>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (path, id) in items {
        if let Some(first) = seen.insert(id.get_ref(), path) {
            d.error_hint(
                "duplicate-id",
                id.span(),
                format!("{path}.id"),
                format!("{what} id `{}` is used twice", id.get_ref()),
                format!("the first is {first}; give each its own id"),
            );
        }
    }
}

fn compile_inner(source: &str, today: Option<Date>, d: &mut Diagnostics) -> Option<Protocol> {
    let doc = decode::decode_document(source, d)?;
    let header = doc.header.and_then(|h| fields::compile_header(h, d));
    let mut c = Compiler {
        d,
        broken: doc.broken_questions.clone(),
        by_id: HashMap::new(),
        kinds: Vec::new(),
        dims: HashMap::new(),
        inds: HashMap::new(),
    };
    let mut shape = c.declare_questions(&doc.sections, &doc.enforced);
    unique_ids(
        c.d,
        "dimension rule",
        doc.dimension_rules.iter().map(|(p, r)| (p.as_str(), &r.id)),
    );
    unique_ids(c.d, "referral", doc.referrals.iter().map(|(p, r)| (p.as_str(), &r.id)));
    let dimension_rules = c.declare_dimension_rules(&doc.dimension_rules);
    let dimensions = c.declare_dimensions(&doc.dimensions, &dimension_rules);
    c.declare_indicator_ids(&doc.indicators);

    c.resolve_question_conditions(&doc.sections, &mut shape);
    let indicators = c.indicators(&doc.indicators);
    let outcome_rules = c.outcome_rules(&doc.outcome_rules);
    let stop_rules = c.stop_rules(&doc.stop_rules);
    let referrals: Vec<Referral> = doc
        .referrals
        .iter()
        .filter_map(|(path, r)| c.referral(path, r, today))
        .collect();
    let safety_notes = c.safety_notes(&doc.safety_notes);
    let report = c.report(&doc.report);

    let header = header?;
    if let Some(today) = today
        && header.review_by < today
    {
        c.d.warning(
            "review-overdue",
            0..0,
            "protocol.review_by",
            format!("the protocol was due for review on {}", header.review_by),
        );
    }
    check_wholeness(
        &mut c,
        doc.root_span.clone(),
        &dimensions,
        &indicators,
        &outcome_rules,
        &referrals,
    );

    let protocol = Protocol {
        header,
        sections: shape.sections,
        questions: shape.questions,
        dimensions,
        dimension_rules,
        indicators,
        outcome_rules,
        stop_rules,
        referrals,
        safety_notes,
        report,
        by_id: c.by_id,
    };
    check_views_stay_in_the_case(c.d, &shape.raw_paths, &protocol);
    for index in reachability::unreachable_questions(&protocol) {
        let q = &protocol.questions[index];
        let (path, span) = shape
            .relevance_at
            .get(&q.id)
            .or_else(|| shape.raw_paths.get(&q.id))
            .map_or((String::new(), 0..0), |(p, s)| (p.clone(), s.clone()));
        c.d.error_hint(
            "unreachable",
            span,
            path,
            format!(
                "question `{}` can never be shown: no combination of earlier answers makes its relevance (and its section's) true",
                q.id
            ),
            "check the relevance conditions for contradictions and for questions that are themselves never shown; the engine also hides identifying questions under anonymous consent, and a survivors'-views question until its section's consent is yes",
        );
    }
    // On a protocol that already has errors (an indicator or rule that did not compile), the
    // counts would be wrong and the verdicts false alarms.
    if !c.d.has_errors() {
        check_outcomes_reachable(c.d, &doc.dimensions, &doc.outcome_rules, &protocol);
    }
    Some(protocol)
}

/// A dimension no answers can meet, or an outcome rule no answers can fire, silently changes what
/// a screening concludes: both are errors.
fn check_outcomes_reachable(
    d: &mut Diagnostics,
    raw_dimensions: &[(String, crate::raw::RawDimension)],
    raw_rules: &[(String, crate::raw::RawOutcomeRule)],
    protocol: &Protocol,
) {
    for (di, [strong, medium, weak]) in reachability::unmeetable_dimensions(protocol) {
        let id = &protocol.dimensions[di].id;
        let (path, span) = raw_dimensions
            .iter()
            .find(|(_, r)| r.id.get_ref() == id)
            .map_or((String::new(), 0..0), |(path, r)| (format!("{path}.id"), r.id.span()));
        d.error_hint(
            "dimension-unmeetable",
            span,
            path,
            format!(
                "dimension `{id}` can never be met: with every one of its indicators firing, the best profile counts {strong} strong, {medium} medium and {weak} weak, which reach none of its rule's patterns"
            ),
            "grade its indicators as the source list does, or add the indicators the source lists for it",
        );
    }
    let rule_at = |id: &str| {
        raw_rules
            .iter()
            .find(|(_, r)| r.id.get_ref() == id)
            .map_or((String::new(), 0..0), |(path, r)| {
                (format!("{path}.when"), r.when.span())
            })
    };
    for shadow in shadowing::shadowed_outcome_rules(protocol) {
        let rules = &protocol.outcome_rules;
        let (earlier, later) = (&rules[shadow.by], &rules[shadow.rule]);
        let (path, span) = rule_at(&earlier.id);
        let others: Vec<String> = shadow
            .pre_empted_by
            .iter()
            .filter(|i| **i != shadow.by)
            .map(|i| format!("`{}`", rules[*i].id))
            .collect();
        let pre_empts = if others.is_empty() {
            "matches whenever it would".to_string()
        } else {
            format!(
                "whenever `{}` matches, this rule or {} matches first",
                later.id,
                others.join(", ")
            )
        };
        d.error_hint(
            "outcome-shadowed",
            span,
            path,
            format!(
                "outcome rule `{}` (level {}) comes before `{}` (level {}) and {pre_empts}: the first rule that matches decides, so `{}` can never give its level",
                earlier.id,
                earlier.level.name(),
                later.id,
                later.level.name(),
                later.id
            ),
            "list the rules from the highest level down, or narrow this rule",
        );
    }
    for (ri, ii) in reachability::rules_reading_ungraded_indicators(protocol) {
        let rule = &protocol.outcome_rules[ri];
        let (path, span) = rule_at(&rule.id);
        let group = match rule.age_group {
            Some(AgeGroup::Child) => "children",
            _ => "adults",
        };
        d.error_hint(
            "indicator-not-graded",
            span,
            path,
            format!(
                "outcome rule `{}` is for {group} but reads indicator `{}`, which is graded for no {} profile: for them it never counts",
                rule.id,
                protocol.indicators[ii].id,
                if group == "children" { "child" } else { "adult" }
            ),
            "grade the indicator for this age group (as the source list does), or read another indicator",
        );
    }
    for ri in reachability::dead_outcome_rules(protocol) {
        let rule = &protocol.outcome_rules[ri];
        let (path, span) = raw_rules
            .iter()
            .find(|(_, r)| r.id.get_ref() == &rule.id)
            .map_or((String::new(), 0..0), |(path, r)| {
                (format!("{path}.when"), r.when.span())
            });
        d.error_hint(
            "outcome-unreachable",
            span,
            path,
            format!(
                "outcome rule `{}` (level {}) can never fire: a dimension it needs can never be met, or an indicator it needs never fires or does not count for its age group",
                rule.id,
                rule.level.name()
            ),
            "check the dimensions and indicators the rule reads, and the indicators' strengths for that age group",
        );
    }
}

/// Sections and questions as declared in pass 1, with what pass 2 needs to finish them.
struct Shape {
    sections: Vec<Section>,
    questions: Vec<Question>,
    /// Index of the first question of each section.
    section_first: Vec<QIdx>,
    /// Question id → its key path and the span of its id, for later messages.
    raw_paths: HashMap<String, (String, Range<usize>)>,
    /// Question id → the key path and span of the relevance that decides whether it is shown
    /// (its own, else its section's).
    relevance_at: HashMap<String, (String, Range<usize>)>,
}

fn check_wholeness(
    c: &mut Compiler,
    root: Range<usize>,
    dims: &[Dimension],
    inds: &[Indicator],
    rules: &[OutcomeRule],
    referrals: &[Referral],
) {
    let start = root.start..root.start;
    if rules.is_empty() && !inds.is_empty() {
        c.d.error(
            "no-outcome-rules",
            start.clone(),
            "outcome_rules",
            "the protocol has indicators but no [[outcome_rules]] to turn them into a level",
        );
    }
    for (i, dim) in dims.iter().enumerate() {
        if !inds.iter().any(|ind| ind.dimension == i) {
            c.d.warning(
                "empty-dimension",
                start.clone(),
                "dimensions",
                format!("dimension `{}` has no indicators, so it can never be met", dim.id),
            );
        }
    }
    let child_rules = rules.iter().any(|r| r.age_group != Some(AgeGroup::Adult));
    if child_rules
        && !referrals
            .iter()
            .any(|r| r.category == ReferralCategory::ChildProtection)
    {
        c.d.warning(
            "no-child-protection",
            start,
            "referrals",
            "outcome rules can apply to children but no child-protection referral is listed",
        );
    }
}

struct Compiler<'d, 's> {
    d: &'d mut Diagnostics<'s>,
    /// Ids of questions that failed to decode (already reported).
    broken: HashSet<String>,
    by_id: HashMap<String, QIdx>,
    kinds: Vec<Kind>,
    dims: HashMap<String, DimIdx>,
    inds: HashMap<String, IndIdx>,
}

impl Compiler<'_, '_> {
    /// The index of the question `q` names; an unknown id is reported once, with a
    /// did-you-mean (a question that failed to decode was reported already).
    fn question_ref(&mut self, q: &Spanned<String>, path: &str) -> Option<QIdx> {
        if self.broken.contains(q.get_ref()) {
            return None;
        }
        if let Some(&index) = self.by_id.get(q.get_ref()) {
            return Some(index);
        }
        let hint = did_you_mean(q.get_ref(), self.by_id.keys().map(String::as_str))
            .unwrap_or_else(|| "check the question ids in [[sections.questions]]".into());
        self.d.error_hint(
            "unknown-question",
            q.span(),
            path,
            format!("no question `{}`", q.get_ref()),
            hint,
        );
        None
    }

    fn key(&mut self, k: &Spanned<String>, path: &str) -> String {
        fields::check_key(k, path, self.d);
        k.get_ref().clone()
    }

    fn level(&mut self, v: &Spanned<String>, path: &str) -> Option<Level> {
        let l = Level::from_name(v.get_ref());
        if l.is_none() {
            let hint = did_you_mean(v.get_ref(), Level::ALL.iter().map(Level::name)).unwrap_or_else(|| {
                let names: Vec<&str> = Level::ALL.iter().rev().map(Level::name).collect();
                format!("levels: {}", names.join(", "))
            });
            self.d.error_hint(
                "bad-value",
                v.span(),
                path,
                format!("unknown outcome level `{}`", v.get_ref()),
                hint,
            );
        }
        l
    }

    fn age_group(&mut self, v: &Spanned<String>, path: &str) -> Option<AgeGroup> {
        match v.get_ref().as_str() {
            "adult" => Some(AgeGroup::Adult),
            "child" => Some(AgeGroup::Child),
            other => {
                self.d.error_hint(
                    "bad-value",
                    v.span(),
                    path,
                    format!("unknown age group `{other}`"),
                    "use adult or child",
                );
                None
            }
        }
    }
}

/// Nothing outside a survivors' views section may read its answers: not the outcome (indicators,
/// rules, stop rules), not referrals or safety notes, not `[report]`, not another section's
/// relevance. What a person says there is theirs and stays in their case. The one exception is
/// the module's own coded checklists, which only the survivors' views report variables may
/// read (and which may read nothing else): the person is told, before answering them, that
/// they are counted without their name.
fn check_views_stay_in_the_case(
    d: &mut Diagnostics,
    declared: &HashMap<String, (String, std::ops::Range<usize>)>,
    p: &Protocol,
) {
    let in_views = |q: &QIdx| p.sections[p.questions[*q].section].is_survivor_views();
    let reads = |c: &crate::condition::Cond| {
        let mut qs = Vec::new();
        c.questions(&mut qs);
        qs
    };
    let mut readers: Vec<(String, Vec<QIdx>)> = Vec::new();
    readers.extend(
        p.indicators
            .iter()
            .map(|i| (format!("indicator `{}`", i.id), reads(&i.when))),
    );
    readers.extend(
        p.outcome_rules
            .iter()
            .map(|r| (format!("outcome rule `{}`", r.id), reads(&r.when))),
    );
    readers.extend(
        p.stop_rules
            .iter()
            .map(|r| (format!("stop rule `{}`", r.id), reads(&r.when))),
    );
    readers.extend(
        p.referrals
            .iter()
            .map(|r| (format!("referral `{}`", r.id), reads(&r.suggest_when))),
    );
    readers.extend(
        p.safety_notes
            .iter()
            .map(|n| (format!("safety note `{}`", n.id), reads(&n.when))),
    );
    readers.extend(
        p.report
            .iter()
            .filter(|f| !f.variable.is_survivor_views())
            .map(|f| (format!("report variable `{}`", f.variable.name()), vec![f.question])),
    );
    for f in p
        .report
        .iter()
        .filter(|f| f.variable.is_survivor_views() && !in_views(&f.question))
    {
        let (path, span) = declared.get(&p.questions[f.question].id).cloned().unwrap_or_default();
        d.error_hint(
            "survivor-views-variable",
            span,
            path,
            format!(
                "report variable `{}` reads `{}`, which is not in a survivors' views section",
                f.variable.name(),
                p.questions[f.question].id
            ),
            "map it from the module's own coded checklist, asked after its consent",
        );
    }
    for (i, s) in p.sections.iter().enumerate().filter(|(_, s)| !s.is_survivor_views()) {
        if let Some(r) = &s.relevant {
            readers.push((format!("the relevance of section `{}`", s.id), reads(r)));
        }
        for q in p.questions.iter().filter(|q| q.section == i) {
            if let Some(r) = &q.relevant {
                readers.push((format!("the relevance of question `{}`", q.id), reads(r)));
            }
        }
    }
    for (who, questions) in readers {
        if let Some(q) = questions.iter().find(|q| in_views(q)) {
            // Located at the question read: the reader is named in the message.
            let (path, span) = declared.get(&p.questions[*q].id).cloned().unwrap_or_default();
            d.error_hint(
                "survivor-views-leak",
                span,
                path,
                format!(
                    "{who} reads `{}`, an answer in a survivors' views section",
                    p.questions[*q].id
                ),
                "a person's own account stays in their case: no rule, referral, note or report may use it",
            );
        }
    }
}
