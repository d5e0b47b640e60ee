//! The interview as a state machine, independent of any UI: the current question, answer, skip,
//! back, change an earlier answer, stop. Answers to questions that later become hidden are kept
//! but left out of the outcome.

use crate::answer::{Answer, AnswerError, check_fits};
use crate::builtin;
use crate::condition::Facts;
use crate::model::{AgeGroup, Level, Protocol, QIdx, Question};
use crate::outcome::{self, Outcome};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Who stopped an interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum StoppedBy {
    /// The person being screened.
    Respondent,
    /// The interviewer.
    Interviewer,
}

/// How an interview ended before it was completed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum EndReason {
    /// Someone stopped it.
    Stopped {
        /// Who.
        by: StoppedBy,
    },
    /// A stop rule fired: the emergency path.
    Emergency {
        /// The rule's id.
        rule: String,
    },
    /// Nothing but the fact of the refusal is kept.
    ConsentRefused,
    /// The safety check found it unsafe to go on; nothing but that fact is kept.
    PostponedForSafety,
}

/// Where an interview stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum State {
    /// Questions remain.
    InProgress,
    /// Every visible question has been passed; going back reopens the interview.
    Completed,
    /// It ended early.
    Ended(EndReason),
}

/// The interviewer's own judgement of the level, with its reason (kept beside the computed one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Override {
    /// The level the interviewer chose.
    pub level: Level,
    /// Why.
    pub reason: String,
}

/// One interview running on a protocol: its answers, where it is, and how it stands.
#[derive(Debug, Clone)]
pub struct Session {
    protocol: Arc<Protocol>,
    /// For a protocol with a child branch: the two protocols the age gate chooses between.
    branch: Option<Branch>,
    answers: Vec<Option<Answer>>,
    cursor: QIdx,
    furthest: QIdx,
    state: State,
    override_: Option<Override>,
}

#[derive(Debug, Clone)]
struct Branch {
    adult: Arc<Protocol>,
    child: Arc<Protocol>,
}

/// Answers as the engine sees them at one moment: only those of visible questions.
pub(crate) struct Visible<'a> {
    pub answers: Vec<Option<&'a Answer>>,
    pub visible: Vec<bool>,
}

impl Facts for Visible<'_> {
    fn answer(&self, q: QIdx) -> Option<&Answer> {
        self.answers.get(q).copied().flatten()
    }
    fn age_group(&self) -> Option<AgeGroup> {
        age_group_of(self)
    }
}

/// A stated age under 18 makes a child; so do reasons to believe the person is under 18, whatever
/// age they state (the presumption of minority, CoE Convention art. 10(3)): a coached
/// 16-year-old who says 19 is still treated as a child.
pub(crate) fn age_group_of(f: &dyn Facts) -> Option<AgeGroup> {
    let stated = match f.answer(builtin::index(builtin::AGE)) {
        Some(Answer::Number(n)) => Some(*n),
        _ => None,
    };
    let reasons = f.answer(builtin::index(builtin::AGE_MINOR_REASONS));
    match (stated, reasons) {
        (Some(n), _) if n < builtin::ADULT_AGE => Some(AgeGroup::Child),
        (_, Some(Answer::Yes)) => Some(AgeGroup::Child),
        (Some(_), _) | (None, Some(_)) => Some(AgeGroup::Adult),
        (None, None) => None,
    }
}

/// Where the session is after a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// At this question.
    Question(QIdx),
    /// Over, in this state.
    Finished(State),
}

impl Session {
    /// A session at the start of `protocol`, before its first question (`start` moves there).
    pub fn new(protocol: Arc<Protocol>) -> Self {
        let n = protocol.questions.len();
        Session {
            protocol,
            branch: None,
            answers: vec![None; n],
            cursor: 0,
            furthest: 0,
            state: State::InProgress,
            override_: None,
        }
    }

    /// A session holding exactly these answers (by question index), for tests that compare
    /// outcomes of answer sets.
    #[cfg(test)]
    pub(crate) fn with_answers(protocol: Arc<Protocol>, answers: Vec<Option<Answer>>) -> Self {
        let mut s = Session::new(protocol);
        s.answers = answers;
        s
    }

    /// Rebuilds a session from stored answers (by question id), for resuming an interrupted
    /// interview. Answers that no longer fit the protocol (an id it lacks, a changed type) are
    /// left out and returned, so the caller can say so.
    pub fn restore(
        protocol: Arc<Protocol>,
        answers: impl IntoIterator<Item = (String, Answer)>,
        cursor: Option<&str>,
        state: State,
        override_: Option<Override>,
    ) -> (Session, Vec<String>) {
        let mut s = Session::new(protocol);
        let mut dropped = Vec::new();
        for (id, a) in answers {
            match s.protocol.question_index(&id) {
                Some(i) if check_fits(&s.protocol.questions[i], &a).is_ok() => s.answers[i] = Some(a),
                _ => dropped.push(id),
            }
        }
        s.override_ = override_;
        s.furthest = s.answers.iter().rposition(Option::is_some).unwrap_or(0);
        s.state = state;
        if s.state == State::InProgress {
            let at = cursor
                .and_then(|c| s.protocol.question_index(c))
                .filter(|i| s.is_visible(*i));
            match at {
                Some(i) => {
                    s.cursor = i;
                    s.furthest = s.furthest.max(i);
                }
                None => {
                    // The first visible question still without an answer.
                    let v = s.visible();
                    let next = (0..s.answers.len()).find(|i| v.visible[*i] && s.answers[*i].is_none());
                    match next {
                        Some(i) => s.cursor = i,
                        None => {
                            s.cursor = s.protocol.questions.len();
                            s.state = State::Completed;
                        }
                    }
                }
            }
        }
        (s, dropped)
    }

    /// Gives the protocol its child branch: until consent is given, a child or presumed child
    /// (by the age gate) is moved to `child`'s questions, and back if the age is corrected.
    /// After consent the protocol no longer changes (the case has been stored under it).
    #[must_use]
    pub fn with_child_branch(mut self, child: Arc<Protocol>) -> Self {
        self.branch = Some(Branch {
            adult: self.protocol.clone(),
            child,
        });
        self
    }

    /// The protocol it runs (the child branch after the age gate moved a child there).
    pub fn protocol(&self) -> &Protocol {
        &self.protocol
    }

    /// The running protocol, to load its texts after the age gate switched it.
    pub fn protocol_arc(&self) -> &Arc<Protocol> {
        &self.protocol
    }

    fn follow_age_gate(&mut self) {
        let Some(b) = &self.branch else {
            return;
        };
        if self.answers[builtin::index(builtin::CONSENT)].is_some() {
            return;
        }
        let want = if self.age_group() == Some(AgeGroup::Child) {
            &b.child
        } else {
            &b.adult
        };
        if Arc::ptr_eq(want, &self.protocol) {
            return;
        }
        let want = want.clone();
        // The built-in steps are the same questions at the same places in every protocol.
        let shared = builtin::IDS.len();
        let mut answers = vec![None; want.questions.len()];
        answers[..shared].clone_from_slice(&self.answers[..shared]);
        self.protocol = want;
        self.answers = answers;
        self.furthest = self.furthest.min(self.cursor);
    }

    /// Where the interview stands.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The question it is at.
    pub fn current(&self) -> Option<&Question> {
        match self.state {
            State::InProgress => self.protocol.questions.get(self.cursor),
            _ => None,
        }
    }

    /// Where the question it is at is.
    pub fn current_index(&self) -> Option<QIdx> {
        self.current().map(|_| self.cursor)
    }

    /// The stored answer, visible or not.
    pub fn answer_of(&self, q: QIdx) -> Option<&Answer> {
        self.answers.get(q).and_then(Option::as_ref)
    }

    pub(crate) fn visible(&self) -> Visible<'_> {
        let n = self.protocol.questions.len();
        let mut v = Visible {
            answers: vec![None; n],
            visible: vec![false; n],
        };
        for (i, q) in self.protocol.questions.iter().enumerate() {
            let section_ok = self.protocol.sections[q.section]
                .relevant
                .as_ref()
                .is_none_or(|c| c.eval(&v));
            let own_ok = q.relevant.as_ref().is_none_or(|c| c.eval(&v));
            let consent_ok = !(q.identifying && self.consent() == Some(builtin::Consent::Anonymous));
            // A survivors' views section past its own consent question waits for a yes to it.
            let views_ok = self.protocol.sections[q.section]
                .views_consent
                .is_none_or(|c| c == i || matches!(v.answers[c], Some(Answer::Yes)));
            if section_ok && own_ok && consent_ok && views_ok {
                v.visible[i] = true;
                v.answers[i] = self.answers[i].as_ref();
            }
        }
        v
    }

    /// Whether question `q` applies, given the answers so far.
    pub fn is_visible(&self, q: QIdx) -> bool {
        self.visible().visible.get(q).copied().unwrap_or(false)
    }

    /// What the person agreed to, once asked.
    pub fn consent(&self) -> Option<builtin::Consent> {
        match self.answers.get(builtin::index(builtin::CONSENT)) {
            Some(Some(Answer::Choice(c))) => builtin::Consent::from_code(c),
            _ => None,
        }
    }

    /// The person's age group, once the age gate placed them.
    pub fn age_group(&self) -> Option<AgeGroup> {
        age_group_of(&self.visible())
    }

    /// (visible questions passed, visible questions in all) — the total changes as answers
    /// change relevance.
    pub fn progress(&self) -> (usize, usize) {
        let v = self.visible();
        let total = v.visible.iter().filter(|x| **x).count();
        let done = v.visible.iter().take(self.cursor).filter(|x| **x).count();
        match self.state {
            State::InProgress => (done, total),
            _ => (total, total),
        }
    }

    fn next_visible_after(&self, from: Option<QIdx>) -> Option<QIdx> {
        let v = self.visible();
        let start = from.map_or(0, |f| f + 1);
        (start..self.protocol.questions.len()).find(|i| v.visible[*i])
    }

    /// Moves to the first visible question (call once after `new`).
    pub fn start(&mut self) -> Step {
        self.advance(None)
    }

    fn advance(&mut self, from: Option<QIdx>) -> Step {
        // Past the last question, a required step that became visible behind the cursor (say
        // the reason for going on after the safety check was changed to unsafe) still has to be
        // answered before the interview can be complete.
        let next = self.next_visible_after(from).or_else(|| self.first_open_required());
        match next {
            Some(i) => {
                self.cursor = i;
                self.furthest = self.furthest.max(i);
                self.state = State::InProgress;
                Step::Question(i)
            }
            None => {
                self.cursor = self.protocol.questions.len();
                self.state = State::Completed;
                Step::Finished(self.state.clone())
            }
        }
    }

    fn first_open_required(&self) -> Option<QIdx> {
        let v = self.visible();
        (0..self.protocol.questions.len())
            .find(|i| v.visible[*i] && self.protocol.questions[*i].required && self.answers[*i].is_none())
    }

    fn ensure_open(&self) -> Result<QIdx, AnswerError> {
        match self.state {
            State::InProgress => Ok(self.cursor),
            _ => Err(AnswerError::Ended),
        }
    }

    /// Answers the current question and moves to the next that applies (or ends).
    pub fn answer(&mut self, answer: Answer) -> Result<Step, AnswerError> {
        let at = self.ensure_open()?;
        let question = &self.protocol.questions[at];
        check_fits(question, &answer)?;
        if let Some((constraint, message)) = &question.constraint {
            let previous = self.answers[at].replace(answer.clone());
            let ok = constraint.eval(&self.visible());
            if !ok {
                self.answers[at] = previous;
                return Err(AnswerError::Constraint {
                    question: question.id.clone(),
                    message_key: message.clone(),
                });
            }
        }
        self.answers[at] = Some(answer);
        self.follow_age_gate();
        if let Some(end) = self.end_after(at) {
            if end == EndReason::ConsentRefused {
                self.keep_only_the_refusal();
            }
            self.state = State::Ended(end);
            return Ok(Step::Finished(self.state.clone()));
        }
        Ok(self.advance(Some(at)))
    }

    /// A refusal keeps the refusal itself and, for a child or presumed child, the age gate: it
    /// carries the duty to refer the child to child protection, whatever the child decided.
    fn keep_only_the_refusal(&mut self) {
        let child = self.age_group() == Some(AgeGroup::Child);
        let mut kept = vec![builtin::CONSENT, builtin::ASSENT];
        if child {
            kept.extend([builtin::AGE, builtin::AGE_DOCUMENTS, builtin::AGE_MINOR_REASONS]);
        }
        for (i, a) in self.answers.iter_mut().enumerate() {
            if !kept.iter().any(|k| builtin::index(k) == i) {
                *a = None;
            }
        }
    }

    fn end_after(&self, at: QIdx) -> Option<EndReason> {
        let id = self.protocol.questions[at].id.as_str();
        let chosen = |code: &str| matches!(&self.answers[at], Some(Answer::Choice(c)) if c == code);
        if id == builtin::CONSENT && chosen(builtin::Consent::Refused.code()) {
            return Some(EndReason::ConsentRefused);
        }
        if id == builtin::ASSENT && matches!(self.answers[at], Some(Answer::No)) {
            return Some(EndReason::ConsentRefused);
        }
        if id == builtin::SAFETY_DECISION && chosen(builtin::DECISION_POSTPONE) {
            return Some(EndReason::PostponedForSafety);
        }
        let v = self.visible();
        self.protocol
            .stop_rules
            .iter()
            .find(|r| r.when.eval(&v))
            .map(|r| EndReason::Emergency { rule: r.id.clone() })
    }

    /// Leaves the current question unanswered and moves on.
    pub fn skip(&mut self) -> Result<Step, AnswerError> {
        let at = self.ensure_open()?;
        let q = &self.protocol.questions[at];
        if q.required {
            return Err(AnswerError::Required { question: q.id.clone() });
        }
        self.answers[at] = None;
        self.follow_age_gate();
        Ok(self.advance(Some(at)))
    }

    /// Goes to the previous visible question; from a completed interview, to the last one.
    /// Returns false at the first question or after the interview ended.
    pub fn back(&mut self) -> bool {
        if matches!(self.state, State::Ended(_)) {
            return false;
        }
        let v = self.visible();
        match (0..self.cursor).rev().find(|i| v.visible[*i]) {
            Some(i) => {
                self.cursor = i;
                self.state = State::InProgress;
                true
            }
            None => false,
        }
    }

    /// Reopens an earlier visible question to change its answer.
    pub fn go_to(&mut self, id: &str) -> Result<Step, AnswerError> {
        if matches!(self.state, State::Ended(_)) {
            return Err(AnswerError::Ended);
        }
        let Some(i) = self.protocol.question_index(id) else {
            return Err(AnswerError::NotReachable(id.to_string()));
        };
        if i > self.furthest || !self.is_visible(i) {
            return Err(AnswerError::NotReachable(id.to_string()));
        }
        self.cursor = i;
        self.state = State::InProgress;
        Ok(Step::Question(i))
    }

    /// The respondent (or the interviewer) stops; the answers so far are kept.
    pub fn stop(&mut self, by: StoppedBy) {
        if !matches!(self.state, State::Ended(_)) {
            self.state = State::Ended(EndReason::Stopped { by });
        }
    }

    /// Records the interviewer's own judgement beside the computed level. The reason is required.
    pub fn set_override(&mut self, level: Level, reason: &str) -> Result<(), AnswerError> {
        if reason.trim().is_empty() {
            return Err(AnswerError::Required {
                question: "override-reason".into(),
            });
        }
        self.override_ = Some(Override {
            level,
            reason: reason.trim().to_string(),
        });
        Ok(())
    }

    /// The interviewer's override, if one was recorded.
    pub fn override_level(&self) -> Option<&Override> {
        self.override_.as_ref()
    }

    /// The outcome of the visible answers so far. `today` decides which referrals are still valid.
    /// `None` when an adult refused consent: nothing is evaluated for a person who said no. A
    /// child who refused still gets the child-protection referral (an incomplete outcome).
    pub fn outcome(&self, today: Date) -> Option<Outcome> {
        if self.state == State::Ended(EndReason::ConsentRefused) && self.age_group() != Some(AgeGroup::Child) {
            return None;
        }
        Some(outcome::evaluate(self, &self.visible(), today))
    }

    /// Answers that are stored but belong to questions now hidden.
    pub fn hidden_answers(&self) -> Vec<QIdx> {
        let v = self.visible();
        (0..self.answers.len())
            .filter(|i| self.answers[*i].is_some() && !v.visible[*i])
            .collect()
    }
}
