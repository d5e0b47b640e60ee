//! Engine and compiler tests on the real bundled protocols, including property tests.

use crate::answer::Answer;
use crate::engine::{EndReason, Session, State, StoppedBy};
use crate::model::{CountPattern, Kind, Level, Protocol};
use crate::{Severity, compile};
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::Arc;

const ADULT: &str = include_str!("../../../screening_protocols/adult-trafficking/protocol.toml");
const CHILD: &str = include_str!("../../../screening_protocols/child-trafficking/protocol.toml");
const RAPID: &str = include_str!("../../../screening_protocols/rapid-screen/protocol.toml");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 12, 1)
}

fn load(src: &str) -> Arc<Protocol> {
    let c = compile("protocol.toml", src, Some(today()));
    let problems: Vec<String> = c.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    Arc::new(c.protocol.expect("compiles"))
}

fn adult() -> Arc<Protocol> {
    load(ADULT)
}

/// Answers the built-in steps: a safe setting; the age (a document that agrees with it, no
/// reason to doubt it), or "don't know"; the given consent; a child's assent. Stops at the first
/// question of the protocol's own, or when the interview ends.
fn through_gate(s: &mut Session, age: Option<i64>, consent: &str) {
    use crate::builtin::*;
    s.start();
    while let Some(q) = s.current().cloned() {
        let a = match q.id.as_str() {
            SAFETY_ALONE | SAFETY_PLACE | ASSENT => Answer::Yes,
            SAFETY_COMPANION | AGE_MINOR_REASONS => Answer::No,
            SAFETY_INTERPRETER => Answer::Choice("no-interpreter".into()),
            AGE => age.map_or(Answer::DontKnow, Answer::Number),
            AGE_DOCUMENTS => Answer::Choice(DOCUMENTS_CONSISTENT.into()),
            CONSENT => Answer::Choice(consent.into()),
            _ => return,
        };
        s.answer(a).expect("gate answer");
    }
}

/// The safety check answered as safe: alone, no companion, no interpreter needed, a safe place.
fn safe_setting() -> Vec<Answer> {
    vec![
        Answer::Yes,
        Answer::No,
        Answer::Choice("no-interpreter".into()),
        Answer::Yes,
    ]
}

/// A safe setting, the age, full consent.
fn past_gate(s: &mut Session, age: i64) {
    through_gate(s, Some(age), "full");
}

fn answer_until(s: &mut Session, id: &str, with: impl Fn(&Kind) -> Answer) {
    while let Some(q) = s.current().cloned() {
        if q.id == id {
            return;
        }
        s.answer(with(&q.kind)).expect("answer fits");
    }
    panic!("never reached {id}");
}

fn benign(kind: &Kind) -> Answer {
    match kind {
        Kind::YesNo | Kind::Observation => Answer::No,
        Kind::Single(c) => Answer::Choice(c[0].code.clone()),
        Kind::Number { min, .. } => Answer::Number(*min),
        Kind::Note => Answer::Acknowledged,
        _ => Answer::DontKnow,
    }
}

#[test]
fn bundled_protocols_compile_cleanly() {
    for src in [ADULT, CHILD, RAPID] {
        let p = load(src);
        assert!(!p.text_keys().is_empty());
        // The enforced steps come first, whatever the protocol says.
        assert_eq!(p.questions[0].id, crate::builtin::SAFETY_ALONE);
        assert!(p.questions.iter().take(crate::builtin::IDS.len()).all(|q| q.builtin));
    }
}

#[test]
fn ilo_ec_dimension_rule_counts_as_published() {
    let p = adult();
    let rule = &p.dimension_rules[0].met_when;
    let met = |s, m, w| rule.iter().any(|pat: &CountPattern| pat.reached_by(s, m, w));
    for (s, m, w) in [(2, 0, 0), (1, 1, 0), (1, 0, 1), (0, 3, 0), (0, 2, 1), (3, 3, 3)] {
        assert!(met(s, m, w), "{s} strong {m} medium {w} weak should meet the dimension");
    }
    for (s, m, w) in [(1, 0, 0), (0, 2, 0), (0, 1, 2), (0, 0, 3), (0, 0, 0)] {
        assert!(
            !met(s, m, w),
            "{s} strong {m} medium {w} weak should not meet the dimension"
        );
    }
}

#[test]
fn hidden_answers_are_kept_but_left_out() {
    let mut s = Session::new(adult());
    past_gate(&mut s, 30);
    answer_until(&mut s, "promised", benign);
    s.answer(Answer::Yes).expect("promised");
    s.answer(Answer::Yes).expect("job_different");
    let before = s.outcome(today()).expect("outcome");
    assert!(before.indicators.iter().any(|i| i.id == "deceived-nature-of-job"));
    // Change the earlier answer: the follow-up question is hidden and its indicator goes.
    s.go_to("promised").expect("reachable");
    s.answer(Answer::No).expect("change");
    let after = s.outcome(today()).expect("outcome");
    assert!(!after.indicators.iter().any(|i| i.id == "deceived-nature-of-job"));
    assert_eq!(after.excluded_answers, vec!["job_different".to_string()]);
    // And back again: the kept answer counts once more.
    s.go_to("promised").expect("reachable");
    s.answer(Answer::Yes).expect("change back");
    let again = s.outcome(today()).expect("outcome");
    assert!(again.indicators.iter().any(|i| i.id == "deceived-nature-of-job"));
    assert!(again.excluded_answers.is_empty());
}

#[test]
fn enforced_steps_cannot_be_skipped_or_dodged() {
    let mut s = Session::new(adult());
    s.start();
    assert!(s.skip().is_err(), "the safety check is required");
    assert!(s.answer(Answer::DontKnow).is_err());
    for a in safe_setting() {
        s.answer(a).expect("safety");
    }
    // Age before consent: it decides who must agree and which questions follow.
    assert_eq!(s.current().map(|q| q.id.as_str()), Some(crate::builtin::AGE));
    s.answer(Answer::Number(40)).expect("age");
    s.answer(Answer::Choice("consistent".into())).expect("documents");
    assert_eq!(s.current().map(|q| q.id.as_str()), Some(crate::builtin::CONSENT));
    assert!(s.answer(Answer::PreferNotToSay).is_err(), "consent needs a real answer");
    assert!(s.answer(Answer::Choice("maybe".into())).is_err());
}

#[test]
fn refused_consent_keeps_only_the_refusal() {
    let mut s = Session::new(adult());
    through_gate(&mut s, Some(30), "refused");
    assert_eq!(s.state(), &State::Ended(EndReason::ConsentRefused));
    assert!(s.outcome(today()).is_none());
    let kept: Vec<usize> = (0..s.protocol().questions.len())
        .filter(|i| s.answer_of(*i).is_some())
        .collect();
    assert_eq!(
        kept,
        vec![s.protocol().question_index(crate::builtin::CONSENT).expect("consent")]
    );
}

#[test]
fn unsafe_setting_offers_postponement() {
    let mut s = Session::new(adult());
    s.start();
    s.answer(Answer::No).expect("not alone");
    s.answer(Answer::Yes).expect("companion");
    s.answer(Answer::Choice("independent".into())).expect("interpreter");
    s.answer(Answer::No).expect("unsafe place");
    assert_eq!(
        s.current().map(|q| q.id.as_str()),
        Some(crate::builtin::SAFETY_DECISION)
    );
    s.answer(Answer::Choice("proceed".into())).expect("proceed");
    assert_eq!(s.current().map(|q| q.id.as_str()), Some(crate::builtin::SAFETY_REASON));
    assert!(s.skip().is_err(), "going on needs a written reason");
}

#[test]
fn anonymous_consent_hides_identifying_questions() {
    let p = adult();
    let identifying = p.question_index("anything_else").expect("question");
    assert!(p.questions[identifying].identifying);
    let mut s = Session::new(p);
    through_gate(&mut s, Some(30), "anonymous");
    assert!(!s.is_visible(identifying));
}

/// The survivors' views module asks its own consent; its questions wait for a yes, and going back
/// to say no hides what was said again. Whatever is said, the outcome does not move.
#[test]
fn survivor_views_wait_for_their_own_consent_and_change_no_outcome() {
    let p = adult();
    let consent = p.question_index("views_consent").expect("question");
    let needs = p.question_index("views_needs").expect("question");
    assert!(p.sections[p.questions[needs].section].is_survivor_views());
    let outcome_with = |views: Answer, words: &str| {
        let mut s = Session::new(p.clone());
        past_gate(&mut s, 30);
        answer_until(&mut s, "views_consent", benign);
        assert!(!s.is_visible(needs), "shown before the person agreed");
        s.answer(views).expect("views consent");
        let shown = s.is_visible(needs);
        while let Some(q) = s.current().cloned() {
            let a = if q.kind == Kind::Text {
                Answer::Text(words.into())
            } else {
                benign(&q.kind)
            };
            s.answer(a).expect("answer fits");
        }
        (
            shown,
            s.outcome(today())
                .map(|o| (o.level, o.indicators.len(), o.referrals.len())),
        )
    };
    let (shown_yes, with_views) = outcome_with(Answer::Yes, "they took my passport and beat me");
    let (shown_no, without) = outcome_with(Answer::No, "");
    assert!(shown_yes && !shown_no);
    assert_eq!(
        with_views, without,
        "an account given in the views module moved the outcome"
    );
    assert!(with_views.is_some());
    // A "no" after a "yes" hides the account again: it no longer counts as given.
    let mut s = Session::new(p.clone());
    past_gate(&mut s, 30);
    answer_until(&mut s, "views_consent", benign);
    s.answer(Answer::Yes).expect("yes");
    s.answer(Answer::Text("my words".into())).expect("text");
    assert!(s.back());
    assert!(s.back());
    assert_eq!(s.current().map(|q| q.id.as_str()), Some("views_consent"));
    s.answer(Answer::No).expect("no");
    assert!(!s.is_visible(needs) && s.is_visible(consent));
}

#[test]
fn stop_rule_takes_the_emergency_path() {
    let mut s = Session::new(adult());
    past_gate(&mut s, 25);
    s.answer(Answer::Yes).expect("danger now");
    assert_eq!(
        s.state(),
        &State::Ended(EndReason::Emergency {
            rule: "imminent-danger".into()
        })
    );
    let o = s.outcome(today()).expect("outcome");
    assert_eq!(o.level, Level::ReferNow);
    assert_eq!(o.referrals.first().map(|r| r.id.as_str()), Some("emergency"));
    assert!(!o.complete);
}

#[test]
fn respondent_can_stop_at_any_moment() {
    let mut s = Session::new(adult());
    past_gate(&mut s, 25);
    s.stop(StoppedBy::Respondent);
    assert_eq!(
        s.state(),
        &State::Ended(EndReason::Stopped {
            by: StoppedBy::Respondent
        })
    );
    assert!(s.current().is_none());
    assert!(s.answer(Answer::No).is_err());
    assert!(!s.back(), "a stopped interview stays stopped");
}

#[test]
fn a_required_step_that_appears_behind_the_cursor_blocks_completion() {
    let p = load(RAPID);
    let mut s = Session::new(p.clone());
    past_gate(&mut s, 30);
    while s.current().is_some() {
        if s.answer(Answer::No).is_err() {
            s.skip().expect("skip");
        }
    }
    assert_eq!(s.state(), &State::Completed);
    // Back to the safety check: the place was not safe after all, and the interviewer goes on.
    s.go_to(crate::builtin::SAFETY_PLACE).expect("reachable");
    s.answer(Answer::No).expect("unsafe place");
    s.answer(Answer::Choice("proceed".into())).expect("proceed");
    // Jump forward past the newly required reason to the last question and pass it.
    let last = p.questions.last().expect("questions").id.clone();
    s.go_to(&last).expect("reachable");
    s.skip().expect("last");
    assert_eq!(s.current().map(|q| q.id.as_str()), Some(crate::builtin::SAFETY_REASON));
    s.answer(Answer::Text("the employer is away today".into()))
        .expect("reason");
    // With nothing required left open, the last question completes it.
    s.go_to(&last).expect("reachable");
    s.skip().expect("last");
    assert_eq!(s.state(), &State::Completed);
}

#[test]
fn override_needs_a_reason_and_keeps_the_computed_level() {
    let mut s = Session::new(adult());
    past_gate(&mut s, 25);
    assert!(s.set_override(Level::ReferNow, "  ").is_err());
    s.set_override(Level::ReferNow, "Saw a guard at the door")
        .expect("override");
    let o = s.outcome(today()).expect("outcome");
    assert_eq!(o.level, Level::ReferNow);
    assert_eq!(o.computed_level, Level::NoIndication);
}

#[test]
fn age_gate_presumes_minority_when_uncertain() {
    let mut s = Session::new(adult());
    s.start();
    for a in safe_setting()
        .into_iter()
        .chain([Answer::DontKnow, Answer::Choice("absent".into())])
    {
        s.answer(a).expect("answer");
    }
    assert_eq!(
        s.current().map(|q| q.id.as_str()),
        Some(crate::builtin::AGE_MINOR_REASONS)
    );
    s.answer(Answer::Yes).expect("reasons");
    assert_eq!(s.age_group(), Some(crate::model::AgeGroup::Child));
    let o = s.outcome(today()).expect("outcome");
    assert!(o.referrals.iter().any(|r| r.id == "child-protection"));
    assert!(o.safety_note_keys.iter().any(|k| k == "safety-presumed-minor"));
}

#[test]
fn expired_referrals_are_withheld_and_named() {
    let mut s = Session::new(adult());
    past_gate(&mut s, 25);
    while let Some(q) = s.current().cloned() {
        s.answer(benign(&q.kind)).expect("answer fits");
    }
    let o = s.outcome(jiff::civil::date(2030, 1, 1)).expect("outcome");
    assert!(o.referrals.is_empty());
    assert!(o.expired_referrals.contains(&"hotline".to_string()));
}

#[test]
fn constraints_refuse_answers_with_the_protocol_message() {
    let src = ADULT.replace(
        "min = 0\nmax = 24\n",
        "min = 0\nmax = 24\nconstraint = { any = [{ q = \"hours_per_day\", le = 20 }, { q = \"sector\", is = \"fishing\" }] }\nconstraint_message = \"q-danger-now\"\n",
    );
    let mut s = Session::new(load(&src));
    past_gate(&mut s, 30);
    answer_until(&mut s, "hours_per_day", benign);
    let err = s.answer(Answer::Number(22)).expect_err("over 20 hours outside fishing");
    assert!(matches!(err, crate::AnswerError::Constraint { ref message_key, .. } if message_key == "q-danger-now"));
    s.answer(Answer::Number(11)).expect("within the constraint");
}

#[test]
fn report_mapping_turns_answers_into_categories() {
    let p = adult();
    let field = |v: crate::model::ReportVariable| p.report.iter().find(|f| f.variable == v).expect("mapped");
    let exploitation = field(crate::model::ReportVariable::Exploitation);
    assert_eq!(
        exploitation.categories(&Answer::Choice("sex-industry".into())),
        ["sexual-exploitation"]
    );
    assert_eq!(
        exploitation.categories(&Answer::Choice("fishing".into())),
        ["forced-labour"]
    );
    assert!(exploitation.categories(&Answer::DontKnow).is_empty());
    let citizenship = field(crate::model::ReportVariable::Citizenship);
    assert_eq!(citizenship.categories(&Answer::Country("MD".into())), ["MD"]);
    let gender = field(crate::model::ReportVariable::Gender);
    assert_eq!(gender.categories(&Answer::PreferNotToSay), ["prefer-not-to-say"]);
    assert!(
        citizenship.categories(&Answer::PreferNotToSay).is_empty(),
        "no such category for countries"
    );
}

#[test]
fn report_mapping_mistakes_are_located_and_named() {
    let cases = [
        (
            "citizenship = { question = \"origin_country\" }",
            "citizenshp = { question = \"origin_country\" }",
            "unknown-report-variable",
        ),
        (
            "citizenship = { question = \"origin_country\" }",
            "citizenship = { question = \"origin_countri\" }",
            "unknown-question",
        ),
        (
            "citizenship = { question = \"origin_country\" }",
            "citizenship = { question = \"sector\" }",
            "report-kind",
        ),
        (
            "street = \"forced-begging\"",
            "stret = \"forced-begging\"",
            "unknown-choice",
        ),
        ("street = \"forced-begging\"", "street = \"begging\"", "bad-value"),
    ];
    for (from, to, code) in cases {
        assert!(ADULT.contains(from), "{from}");
        let c = compile("protocol.toml", &ADULT.replace(from, to), Some(today()));
        let found: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert!(found.contains(&code), "{to}: expected {code}, got {found:?}");
        let d = c.diagnostics.iter().find(|d| d.code == code).expect("diagnostic");
        assert!(d.location.line > 700, "{code} located at line {}", d.location.line);
    }
}

// --- property tests ----------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Op {
    Answer(u32),
    Skip,
    Back,
    GoTo(u16),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => any::<u32>().prop_map(Op::Answer),
        1 => Just(Op::Skip),
        2 => Just(Op::Back),
        1 => any::<u16>().prop_map(Op::GoTo),
    ]
}

/// An answer for `kind` chosen by `seed`; about one in eight does not fit, on purpose.
fn pick(kind: &Kind, seed: u32) -> Answer {
    let r = seed % 8;
    if r == 7 {
        return [
            Answer::Number(-5),
            Answer::Text("x".into()),
            Answer::Choice("nope".into()),
        ][(seed as usize / 8) % 3]
            .clone();
    }
    if r == 6 {
        return if seed % 16 < 8 {
            Answer::DontKnow
        } else {
            Answer::PreferNotToSay
        };
    }
    match kind {
        Kind::YesNo | Kind::Observation => {
            if seed.is_multiple_of(2) {
                Answer::Yes
            } else {
                Answer::No
            }
        }
        Kind::Single(c) => Answer::Choice(c[(seed as usize / 2) % c.len()].code.clone()),
        Kind::Multiple(c) => Answer::Choices(
            c.iter()
                .take((seed as usize / 2) % (c.len() + 1))
                .map(|c| c.code.clone())
                .collect(),
        ),
        Kind::Number { min, max } => Answer::Number(min + i64::from(seed / 2) % (max - min + 1)),
        Kind::Date => Answer::Date(jiff::civil::date(2020, 1, 1)),
        Kind::Duration => Answer::Duration {
            amount: seed % 40,
            unit: crate::DurationUnit::Months,
        },
        Kind::Country => Answer::Country("MD".into()),
        Kind::Language => Answer::Language("ro".into()),
        Kind::Text => Answer::Text("words".into()),
        Kind::Note => Answer::Acknowledged,
    }
}

fn run(p: &Arc<Protocol>, ops: &[Op]) -> Session {
    let mut s = Session::new(p.clone());
    s.start();
    for op in ops {
        match op {
            Op::Answer(seed) => {
                if let Some(q) = s.current().cloned() {
                    let _ = s.answer(pick(&q.kind, *seed));
                }
            }
            Op::Skip => {
                let _ = s.skip();
            }
            Op::Back => {
                s.back();
            }
            Op::GoTo(i) => {
                let id = p.questions[usize::from(*i) % p.questions.len()].id.clone();
                let _ = s.go_to(&id);
            }
        }
        if s.state() == &State::InProgress {
            let q = s.current_index().expect("a current question while in progress");
            assert!(s.is_visible(q), "the current question must be visible");
        }
        let (done, total) = s.progress();
        assert!(done <= total);
    }
    s
}

/// Replays only the visible answers of `a`, in question order, on a fresh session.
fn replay_visible(p: &Arc<Protocol>, a: &Session) -> Session {
    let v = a.visible();
    let mut b = Session::new(p.clone());
    b.start();
    while let Some(i) = b.current_index() {
        match v.answers[i] {
            Some(ans) => {
                b.answer(ans.clone()).expect("a visible answer replays");
            }
            None => {
                if b.skip().is_err() {
                    b.stop(StoppedBy::Interviewer);
                }
            }
        }
    }
    b
}

/// Per profile: name, level, the rule that set it, which dimensions are met.
type ProfileSummary = (&'static str, Level, Option<String>, Vec<bool>);

fn summary(o: &crate::Outcome) -> (Vec<String>, Vec<ProfileSummary>) {
    let ids = o.indicators.iter().map(|i| i.id.clone()).collect();
    let profiles = o
        .profiles
        .iter()
        .map(|p| {
            (
                p.profile,
                p.level,
                p.rule.as_ref().map(|r| r.id.clone()),
                p.dimensions.iter().map(|d| d.met).collect(),
            )
        })
        .collect();
    (ids, profiles)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_sequence_of_commands_is_safe(ops in prop::collection::vec(op(), 0..150), which in 0usize..3) {
        let p = load([ADULT, CHILD, RAPID][which]);
        let s = run(&p, &ops);
        let _ = s.outcome(today());
    }

    #[test]
    fn outcome_depends_only_on_visible_answers(ops in prop::collection::vec(op(), 0..150), which in 0usize..3) {
        let p = load([ADULT, CHILD, RAPID][which]);
        let a = run(&p, &ops);
        prop_assume!(a.state() != &State::Ended(EndReason::ConsentRefused));
        let oa = a.outcome(today()).expect("outcome");
        // The same visible answers without the hidden ones stored beside them.
        let visible: Vec<Option<Answer>> = a.visible().answers.into_iter().map(|x| x.cloned()).collect();
        let stripped = Session::with_answers(p.clone(), visible);
        prop_assert_eq!(summary(&oa), summary(&stripped.outcome(today()).expect("outcome")));
        // A finished interview reached again by answering only its visible questions, in order.
        if a.state() == &State::Completed {
            let b = replay_visible(&p, &a);
            prop_assert_eq!(b.state(), &State::Completed);
            prop_assert_eq!(summary(&oa), summary(&b.outcome(today()).expect("outcome")));
        }
        let hidden: BTreeSet<String> = oa.excluded_answers.iter().cloned().collect();
        let fired: BTreeSet<String> = oa.indicators.iter().flat_map(|i| i.because.iter().cloned()).collect();
        prop_assert!(hidden.is_disjoint(&fired), "a hidden answer fired an indicator");
    }

    #[test]
    fn the_compiler_never_panics_on_damaged_files(cut in 0usize..20_000, len in 0usize..400, insert in "[\\[\\]{}=\"a-z0-9 \n.,#-]{0,12}", which in 0usize..3) {
        let src = [ADULT, CHILD, RAPID][which];
        let mut bytes: Vec<char> = src.chars().collect();
        let at = cut % bytes.len();
        let end = (at + len).min(bytes.len());
        bytes.splice(at..end, insert.chars());
        let damaged: String = bytes.into_iter().collect();
        let c = compile("protocol.toml", &damaged, None);
        // Either it still compiles, or every error says where.
        prop_assert!(c.protocol.is_some() || c.diagnostics.iter().any(|d| d.severity == Severity::Error));
        for d in &c.diagnostics {
            prop_assert!(d.location.line >= 1 && d.location.column >= 1);
        }
    }
}

fn child() -> Arc<Protocol> {
    load(CHILD)
}

fn branched() -> Session {
    Session::new(adult()).with_child_branch(child())
}

fn current_id(s: &Session) -> Option<String> {
    s.current().map(|q| q.id.clone())
}

/// A coached 16-year-old says 19: the interviewer is still asked about reasons to doubt it, and a
/// yes makes the person a child whatever age they stated.
#[test]
fn a_stated_adult_age_under_22_still_asks_for_reasons_to_believe_a_child() {
    let mut s = branched();
    through_gate(&mut s, Some(19), "full");
    // through_gate answers "no reason": the adult protocol goes on.
    assert_eq!(s.protocol().header.id, "adult-trafficking");
    let mut s = branched();
    s.start();
    for a in safe_setting()
        .into_iter()
        .chain([Answer::Number(19), Answer::Choice("consistent".into())])
    {
        s.answer(a).expect("answer");
    }
    assert_eq!(current_id(&s).as_deref(), Some(crate::builtin::AGE_MINOR_REASONS));
    s.answer(Answer::Yes).expect("reasons");
    assert_eq!(s.age_group(), Some(crate::model::AgeGroup::Child));
    // Before anything is stored, the interview moves to the child protocol.
    assert_eq!(s.protocol().header.id, "child-trafficking");
    assert_eq!(current_id(&s).as_deref(), Some(crate::builtin::CONSENT));
    s.answer(Answer::Choice("full".into())).expect("consent");
    assert_eq!(current_id(&s).as_deref(), Some(crate::builtin::ASSENT));
    s.answer(Answer::Yes).expect("assent");
    // The first question of the child protocol's own, never an adult one.
    let first_own = s.protocol().questions[crate::builtin::IDS.len()].id.clone();
    assert_eq!(current_id(&s), Some(first_own));
}

#[test]
fn an_older_stated_age_with_a_matching_document_asks_no_more() {
    let mut s = branched();
    s.start();
    for a in safe_setting()
        .into_iter()
        .chain([Answer::Number(30), Answer::Choice("consistent".into())])
    {
        s.answer(a).expect("answer");
    }
    assert_eq!(current_id(&s).as_deref(), Some(crate::builtin::CONSENT));
    // Without a document, or with a doubtful one, the question comes back.
    s.back();
    s.answer(Answer::Choice("doubtful".into())).expect("documents");
    assert_eq!(current_id(&s).as_deref(), Some(crate::builtin::AGE_MINOR_REASONS));
}

#[test]
fn the_branch_follows_a_corrected_age_until_consent_and_never_after() {
    let mut s = branched();
    through_gate(&mut s, Some(15), "full");
    assert_eq!(s.protocol().header.id, "child-trafficking");
    let mut s = branched();
    s.start();
    for a in safe_setting().into_iter().chain([Answer::Number(15)]) {
        s.answer(a).expect("answer");
    }
    assert_eq!(s.protocol().header.id, "child-trafficking");
    // The interpreter misheard: 50, with a matching document. Back to the adult questions.
    s.go_to(crate::builtin::AGE).expect("reachable");
    s.answer(Answer::Number(50)).expect("age");
    s.answer(Answer::Choice("consistent".into())).expect("documents");
    assert_eq!(s.protocol().header.id, "adult-trafficking");
    s.answer(Answer::Choice("full".into())).expect("consent");
    // After consent the case is stored under its protocol: a later correction changes the
    // age group (and so the rules and referrals), not the protocol.
    s.go_to(crate::builtin::AGE).expect("reachable");
    s.answer(Answer::Number(16)).expect("age");
    assert_eq!(s.protocol().header.id, "adult-trafficking");
    assert_eq!(s.age_group(), Some(crate::model::AgeGroup::Child));
}

#[test]
fn a_child_who_refuses_is_still_referred_to_child_protection() {
    for refusal in ["consent", "assent"] {
        let mut s = branched();
        s.start();
        for a in safe_setting()
            .into_iter()
            .chain([Answer::Number(14), Answer::Choice("absent".into())])
        {
            s.answer(a).expect("answer");
        }
        if refusal == "consent" {
            s.answer(Answer::Choice("refused".into())).expect("consent");
        } else {
            s.answer(Answer::Choice("full".into())).expect("consent");
            s.answer(Answer::No).expect("assent");
        }
        assert_eq!(s.state(), &State::Ended(EndReason::ConsentRefused), "{refusal}");
        let o = s.outcome(today()).expect("a child's refusal still has referrals");
        assert!(o.referrals.iter().any(|r| r.id == "child-protection"), "{refusal}");
        assert_eq!(o.result, None, "a refusal is no screening result");
        assert_eq!(o.result_name(), "incomplete");
        // Nothing but the refusal and the age gate is kept.
        let kept: Vec<String> = (0..s.protocol().questions.len())
            .filter(|i| s.answer_of(*i).is_some())
            .map(|i| s.protocol().questions[i].id.clone())
            .collect();
        assert!(
            kept.iter()
                .all(|k| ["age", "age_documents", "age_minor_reasons", "consent", "assent"].contains(&k.as_str())),
            "{kept:?}"
        );
    }
}

/// A postponed, stopped or interrupted interview is not a result, least of all a clearance.
#[test]
fn unfinished_interviews_have_no_result() {
    // Postponed for safety.
    let mut s = Session::new(adult());
    s.start();
    for a in [
        Answer::No,
        Answer::Yes,
        Answer::Choice("independent".into()),
        Answer::No,
        Answer::Choice("postpone".into()),
    ] {
        s.answer(a).expect("answer");
    }
    assert_eq!(s.state(), &State::Ended(EndReason::PostponedForSafety));
    let o = s.outcome(today()).expect("outcome");
    assert_eq!((o.result, o.result_name()), (None, "incomplete"));
    assert!(
        !o.referrals.iter().any(|r| r.id == "hotline"),
        "a level-based suggestion"
    );
    // Stopped by the respondent after disclosing violence: no level, but what was said counts.
    let mut s = Session::new(adult());
    past_gate(&mut s, 30);
    answer_until(&mut s, "violence", benign);
    s.answer(Answer::Yes).expect("violence");
    s.stop(StoppedBy::Respondent);
    let o = s.outcome(today()).expect("outcome");
    assert_eq!(o.result, None);
    assert!(o.indicators.iter().any(|i| i.id == "violence"));
    assert!(
        o.referrals.iter().any(|r| r.id == "medical"),
        "indicator-based referrals stay"
    );
    // The answers point to a rule, kept for the audit trail, but no rule concludes anything and
    // no profile names a level.
    assert!(o.profiles.iter().any(|pr| pr.rule.is_some()));
    assert!(o.profiles.iter().all(|pr| o.concluding_rule(pr).is_none()));
    assert!(o.profiles.iter().all(|pr| o.profile_result_name(pr) == "incomplete"));
    // The interviewer's own judgement, with a reason, is a result.
    s.set_override(Level::AssessFurther, "Disclosed violence, then left frightened")
        .expect("override");
    assert_eq!(s.outcome(today()).and_then(|o| o.result), Some(Level::AssessFurther));
    let judged = s.outcome(today()).expect("outcome");
    assert!(judged.profiles.iter().any(|pr| judged.concluding_rule(pr).is_some()));
}

/// The malformed corpus's valid base protocol, with `questions` added to its first section.
fn base_with(questions: &str) -> String {
    let base = include_str!("../../../tests/malformed/base.toml").replace("CASE_ID", "t");
    let at = base.find("[[dimension_rules]]").expect("dimension rules");
    format!("{}{questions}\n{}", &base[..at], &base[at..])
}

fn unreachable_ids(src: &str) -> Vec<String> {
    compile("protocol.toml", src, Some(today()))
        .diagnostics
        .iter()
        .filter(|d| d.code == "unreachable")
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn reachability_tries_prefer_not_to_say_and_every_set_of_mentioned_choices() {
    let choices: Vec<String> = (1..=8)
        .map(|i| format!("{{ code = \"c{i}\", label = \"c-farm\" }}"))
        .collect();
    let many = format!(
        "[[sections.questions]]\nid = \"means\"\ntype = \"multiple\"\ntext = \"q-paid\"\nchoices = [{}]\n\n",
        choices.join(", ")
    );
    // Relevant only to "prefer not to say", and to two particular choices of eight.
    let valid = base_with(&format!(
        "{many}[[sections.questions]]\nid = \"why_not\"\ntype = \"yes-no\"\ntext = \"q-paid\"\nrelevant = {{ q = \"paid\", is = \"prefer-not-to-say\" }}\n\n\
         [[sections.questions]]\nid = \"both\"\ntype = \"yes-no\"\ntext = \"q-paid\"\nrelevant = {{ all = [{{ q = \"means\", includes = \"c3\" }}, {{ q = \"means\", includes = \"c7\" }}] }}\n\n"
    ));
    assert_eq!(unreachable_ids(&valid), Vec::<String>::new());
    // A real contradiction is still found, and reported at the relevance.
    let contradiction = base_with(&format!(
        "{many}[[sections.questions]]\nid = \"never\"\ntype = \"yes-no\"\ntext = \"q-paid\"\nrelevant = {{ all = [{{ q = \"means\", includes = \"c3\" }}, {{ not = {{ q = \"means\", includes = \"c3\" }} }}] }}\n\n"
    ));
    let found = compile("protocol.toml", &contradiction, Some(today()));
    let d = found
        .diagnostics
        .iter()
        .find(|d| d.code == "unreachable")
        .expect("unreachable");
    assert!(d.message.contains("`never`"));
    assert!(d.path.ends_with(".relevant"), "{}", d.path);
}
