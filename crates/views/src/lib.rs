//! Interviews, outcomes and cases as a person reads them: every text already localised, with
//! its language and direction. The app serialises these views to its web front end; the CLI lays
//! the same texts out for a terminal.
#![warn(missing_docs)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use fieldscreen_catalog::{CatalogError, Loaded};
use fieldscreen_i18n::fluent::{FluentArgs, FluentValue};
use fieldscreen_i18n::{Chain, Localized, TextDirection, format_date, format_number};
use fieldscreen_protocol::model::{Kind, Question, ReportVariable, SectionMode};
use fieldscreen_protocol::{Answer, DurationUnit, Outcome, Session, State, builtin};
use serde::Serialize;

/// A text ready to show, with what the page needs to show it right.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TextView {
    /// The text itself.
    pub text: String,
    /// The language it is in (the `lang` attribute).
    pub lang: String,
    /// Which way it runs (the `dir` attribute).
    pub dir: TextDirection,
    /// Shown in a language other than the one asked for.
    pub fell_back: bool,
}

impl From<Localized> for TextView {
    fn from(l: Localized) -> Self {
        TextView {
            text: l.text,
            lang: l.lang.to_string(),
            dir: l.direction,
            fell_back: l.fell_back,
        }
    }
}

/// The respondent's gender as the protocol's reporting map reads their answer, for grammar only:
/// `woman`, `man`, or `unknown` until they say (or if they prefer not to, or say another gender).
pub fn respondent_gender(session: &Session) -> &'static str {
    let p = session.protocol();
    p.report
        .iter()
        .filter(|f| f.variable == ReportVariable::Gender)
        .filter_map(|f| {
            session
                .is_visible(f.question)
                .then(|| session.answer_of(f.question))
                .flatten()
                .map(|a| f.categories(a))
        })
        .flatten()
        .find_map(|c| match c.as_str() {
            "woman" => Some("woman"),
            "man" => Some("man"),
            _ => None,
        })
        .unwrap_or(builtin::GENDER_UNKNOWN)
}

/// The variables every question text is given.
pub fn question_args(session: &Session) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set(builtin::GENDER_VARIABLE, FluentValue::from(respondent_gender(session)));
    args
}

/// The interviewer's language and, when different, the respondent's.
pub struct Langs<'a> {
    /// The protocol being shown, with its texts.
    pub loaded: &'a Loaded,
    /// The interviewer's language, then its fallbacks.
    pub interviewer: Chain,
    /// The respondent's language and its fallbacks, shown beside the interviewer's.
    pub respondent: Option<Chain>,
}

impl<'a> Langs<'a> {
    /// The respondent's chain is dropped when it starts with the interviewer's language, so
    /// nothing is shown twice.
    pub fn new(loaded: &'a Loaded, interviewer: &str, respondent: Option<&str>) -> Result<Self, CatalogError> {
        let interviewer = loaded.chain(interviewer)?;
        let respondent = match respondent {
            Some(r) => {
                let chain = loaded.chain(r)?;
                (chain.primary() != interviewer.primary()).then_some(chain)
            }
            None => None,
        };
        Ok(Langs {
            loaded,
            interviewer,
            respondent,
        })
    }

    /// A message in the interviewer's language.
    pub fn localized(&self, key: &str) -> Localized {
        self.loaded.localizer.text(&self.interviewer, key, None)
    }

    /// `key` in the interviewer's language, as a view.
    pub fn one(&self, key: &str) -> TextView {
        self.localized(key).into()
    }

    /// The interviewer's text, then the respondent's.
    pub fn both(&self, key: &str) -> Vec<TextView> {
        self.both_with(key, None)
    }

    /// A question as both read it, addressed to the respondent as `session` knows them.
    pub fn question_text(&self, key: &str, session: &Session) -> Vec<TextView> {
        self.both_with(key, Some(&question_args(session)))
    }

    fn both_with(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Vec<TextView> {
        let mut v = vec![self.loaded.localizer.text(&self.interviewer, key, args).into()];
        if let Some(r) = &self.respondent {
            v.push(self.loaded.localizer.text(r, key, args).into());
        }
        v
    }

    /// Text that is not a message (a number, a date, the person's own words) shown as if it
    /// were one in the interviewer's language.
    fn literal(&self, text: String) -> Localized {
        let lang = self.interviewer.primary().cloned().unwrap_or_default();
        Localized {
            direction: fieldscreen_i18n::direction_of(&lang),
            text,
            lang,
            fell_back: false,
        }
    }

    /// A date as the interviewer's language writes it.
    pub fn date(&self, d: jiff::civil::Date) -> String {
        self.interviewer
            .primary()
            .map_or_else(|| d.to_string(), |l| format_date(l, d))
    }

    /// A number as the interviewer's language writes it.
    pub fn number(&self, n: i64) -> String {
        self.interviewer
            .primary()
            .map_or_else(|| n.to_string(), |l| format_number(l, n))
    }

    /// The code itself when the question (from another protocol version) does not know it.
    fn choice_label(&self, q: Option<&Question>, code: &str) -> Localized {
        q.and_then(|q| q.kind.choices().iter().find(|c| c.code == code))
            .map_or_else(|| self.literal(code.to_string()), |c| self.localized(&c.label_key))
    }

    /// An answer as the interviewer reads it: choice labels, localised numbers and dates.
    /// Free text is returned as typed: it is the person's own words.
    pub fn answer_text(&self, q: &Question, a: &Answer) -> Localized {
        self.answer_text_in(Some(q), a)
    }

    fn answer_text_in(&self, q: Option<&Question>, a: &Answer) -> Localized {
        match a {
            Answer::Yes => self.localized("fs-answer-yes"),
            Answer::No => self.localized("fs-answer-no"),
            Answer::DontKnow => self.localized("fs-answer-dont-know"),
            Answer::PreferNotToSay => self.localized("fs-answer-prefer-not-to-say"),
            Answer::Acknowledged => self.literal("✓".into()),
            Answer::Choice(code) => self.choice_label(q, code),
            Answer::Choices(codes) => {
                let labels: Vec<String> = codes.iter().map(|c| self.choice_label(q, c).text).collect();
                self.literal(labels.join(", "))
            }
            Answer::Number(n) => self.literal(self.number(*n)),
            Answer::Date(d) => self.literal(self.date(*d)),
            Answer::Text(t) => self.literal(t.clone()),
            Answer::Country(c) | Answer::Language(c) => self.literal(c.clone()),
            Answer::Duration { amount, unit } => {
                let unit = match unit {
                    DurationUnit::Days => "d",
                    DurationUnit::Weeks => "w",
                    DurationUnit::Months => "m",
                    DurationUnit::Years => "y",
                };
                self.literal(format!("{} {unit}", self.number(i64::from(*amount))))
            }
        }
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// One choice of a question.
pub struct ChoiceView {
    /// What is stored when it is chosen.
    pub code: String,
    /// Its label in the interviewer's language, then the respondent's.
    pub labels: Vec<TextView>,
    /// Its label spoken in the respondent's language (self-answer questions).
    pub clip: Option<ClipView>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// A message spoken for a respondent answering alone.
pub struct ClipView {
    /// A `data:` URL the page plays.
    pub src: String,
    /// The language it speaks.
    pub lang: String,
    /// Made by a speech synthesiser, not recorded by a person: the screen says so.
    pub synthetic: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// What a respondent answering alone (hand-over) needs of a question, in their language only.
pub struct SelfAnswerView {
    /// The language the respondent reads and hears.
    pub lang: String,
    /// Its writing direction.
    pub dir: fieldscreen_i18n::TextDirection,
    /// The question.
    pub text: String,
    /// The question spoken.
    pub clip: Option<ClipView>,
    /// A pictogram (an SVG as a `data:` URL, shown as an image so nothing in it runs).
    pub picture: Option<String>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// The question on screen.
pub struct QuestionView {
    /// Its id in the protocol.
    pub id: String,
    /// What kind of answer it takes (`yes-no`, `single`, `number`, …).
    pub kind: &'static str,
    /// The title of its section.
    pub section: TextView,
    /// What the interviewer is asked to keep in mind in this section.
    pub section_note: Option<TextView>,
    /// Interviewer only: observed, never read aloud.
    pub observed: bool,
    /// The question in the interviewer's language, then the respondent's.
    pub text: Vec<TextView>,
    /// A note for the interviewer.
    pub note: Option<TextView>,
    /// Its choices, for a single or multiple choice.
    pub choices: Vec<ChoiceView>,
    /// The smallest number it takes.
    pub min: Option<i64>,
    /// The largest number it takes.
    pub max: Option<i64>,
    /// It cannot be skipped.
    pub required: bool,
    /// Visible questions passed so far.
    pub done: usize,
    /// Visible questions in all: it changes as answers change what applies.
    pub total: usize,
    /// The answer already given, when the interviewer came back to it.
    pub answer: Option<Answer>,
    /// Set for a question of a self-answer section: what the respondent hears and sees alone.
    pub self_answer: Option<SelfAnswerView>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// A service the person may be referred to.
pub struct ReferralView {
    /// The service's name.
    pub name: String,
    /// How to reach it.
    pub phone: String,
    /// When it answers.
    pub hours: String,
    /// What it does.
    pub description: Option<TextView>,
    /// A placeholder the protocol ships with, to be replaced by a real local service.
    pub example: bool,
    /// A report to this service is mandatory (the person should know before they agree).
    pub mandatory_report: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// One dimension of the outcome (recruitment, exploitation, coercion, …).
pub struct DimensionView {
    /// Its name.
    pub label: TextView,
    /// Its indicators are enough to meet it.
    pub met: bool,
    /// The indicators that fired in it.
    pub indicators: Vec<TextView>,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// The outcome of a screening as the interviewer reads it.
pub struct OutcomeView {
    /// The level's name, or `incomplete`.
    pub level: String,
    /// The level in words.
    pub level_text: TextView,
    /// What the rules gave, when the interviewer overrode it.
    pub computed: Option<TextView>,
    /// Why the interviewer overrode the level.
    pub override_reason: Option<String>,
    /// Every level, for the override control.
    pub levels: Vec<LevelView>,
    /// Why the rules concluded what they did.
    pub reasons: Vec<TextView>,
    /// Each dimension, met or not, with its indicators.
    pub dimensions: Vec<DimensionView>,
    /// What to do now, when a stop rule fired.
    pub emergency: Option<TextView>,
    /// Services to offer.
    pub referrals: Vec<ReferralView>,
    /// What the interviewer must keep in mind for the person's safety.
    pub safety_notes: Vec<TextView>,
    /// What the outcome is and is not (a screening, not an identification).
    pub statement: TextView,
    /// Every question was passed.
    pub complete: bool,
}

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
/// A level the interviewer may choose when overriding.
pub struct LevelView {
    /// The level.
    pub code: fieldscreen_protocol::Level,
    /// The level in words.
    pub text: TextView,
}

/// What the interview shows next.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum StepView {
    /// A question to ask.
    Question(QuestionView),
    /// The interview is over.
    Finished {
        /// How it ended.
        state: State,
        /// Its outcome, unless consent was refused or the screening postponed.
        outcome: Option<OutcomeView>,
        /// The case it is stored as (none in practice, or when nothing was stored).
        case_id: Option<String>,
    },
}

/// The session's current question, if it is at one.
pub fn question(langs: &Langs<'_>, session: &Session) -> Option<QuestionView> {
    let q = session.current()?;
    let p = session.protocol();
    let section = &p.sections[q.section];
    let (done, total) = session.progress();
    let (min, max) = match q.kind {
        Kind::Number { min, max } => (Some(min), Some(max)),
        _ => (None, None),
    };
    let observed = section.mode == SectionMode::Observed || q.kind == Kind::Observation;
    let alone =
        (section.mode == SectionMode::SelfAnswer).then(|| langs.respondent.as_ref().unwrap_or(&langs.interviewer));
    let respondent_tag = alone
        .and_then(|c| c.primary())
        .map(ToString::to_string)
        .unwrap_or_default();
    let spoken = |key: &str| alone.and_then(|_| clip_view(langs, &respondent_tag, key));
    let self_answer = alone.map(|chain| {
        let text = langs
            .loaded
            .localizer
            .text(chain, &q.text_key, Some(&question_args(session)));
        SelfAnswerView {
            lang: respondent_tag.clone(),
            dir: text.direction,
            text: text.text,
            clip: spoken(&q.text_key),
            picture: q
                .picture
                .as_deref()
                .and_then(|rel| fieldscreen_catalog::media::picture(&langs.loaded.media, rel))
                .map(|svg| format!("data:image/svg+xml;base64,{}", BASE64.encode(svg))),
        }
    });
    Some(QuestionView {
        id: q.id.clone(),
        kind: q.kind.name(),
        section: langs.one(&section.title_key),
        section_note: section.note_key.as_deref().map(|k| langs.one(k)),
        observed,
        text: if observed {
            vec![langs.one(&q.text_key)]
        } else {
            langs.question_text(&q.text_key, session)
        },
        note: q.note_key.as_deref().map(|k| langs.one(k)),
        choices: match &q.kind {
            Kind::YesNo | Kind::Observation => ["yes", "no"]
                .into_iter()
                .map(|c| ChoiceView {
                    code: c.into(),
                    labels: langs.both(&format!("fs-answer-{c}")),
                    clip: None,
                })
                .collect(),
            k => k
                .choices()
                .iter()
                .map(|c| ChoiceView {
                    code: c.code.clone(),
                    labels: langs.both(&c.label_key),
                    clip: spoken(&c.label_key),
                })
                .collect(),
        },
        min,
        max,
        required: q.required,
        done,
        total,
        answer: session.current_index().and_then(|i| session.answer_of(i)).cloned(),
        self_answer,
    })
}

/// The clip of message `key` in language `lang`, as the page plays it.
fn clip_view(langs: &Langs<'_>, lang: &str, key: &str) -> Option<ClipView> {
    let clip = fieldscreen_catalog::media::clip(&langs.loaded.media, lang, key)?;
    Some(ClipView {
        src: format!("data:{};base64,{}", clip.format.mime(), BASE64.encode(&clip.bytes)),
        lang: lang.to_string(),
        synthetic: clip.synthetic,
    })
}

/// An outcome in words.
pub fn outcome(langs: &Langs<'_>, session: &Session, o: &Outcome) -> OutcomeView {
    let p = session.protocol();
    let label = |id: &str| {
        p.indicators
            .iter()
            .find(|i| i.id == id)
            .map(|i| langs.one(&i.label_key))
    };
    let decisive = o.profiles.iter().find(|pr| pr.level == o.computed_level);
    OutcomeView {
        level: o.result_name().to_string(),
        level_text: langs.one(&format!("fs-level-{}", o.result_name())),
        // An unfinished interview shows no level, not even the one its answers point to.
        computed: (o.result.is_some() && o.level != o.computed_level)
            .then(|| langs.one(&format!("fs-level-{}", o.computed_level.name()))),
        override_reason: o.interviewer_override.as_ref().map(|ov| ov.reason.clone()),
        levels: fieldscreen_protocol::Level::ALL
            .iter()
            .map(|l| LevelView {
                code: *l,
                text: langs.one(&format!("fs-level-{}", l.name())),
            })
            .collect(),
        // Several profiles (labour, sexual) can fire the same rule; it is one reason.
        reasons: {
            let mut keys: Vec<&str> = Vec::new();
            for r in o.profiles.iter().filter_map(|pr| o.concluding_rule(pr)) {
                if !keys.contains(&r.explanation_key.as_str()) {
                    keys.push(&r.explanation_key);
                }
            }
            keys.into_iter().map(|k| langs.one(k)).collect()
        },
        dimensions: decisive
            .map(|pr| {
                pr.dimensions
                    .iter()
                    .filter(|d| !d.indicators.is_empty())
                    .map(|d| DimensionView {
                        label: langs.one(&d.label_key),
                        met: d.met,
                        indicators: d.indicators.iter().filter_map(|h| label(&h.id)).collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        emergency: o.emergency.as_ref().map(|e| langs.one(&e.message_key)),
        referrals: o
            .referrals
            .iter()
            .map(|r| ReferralView {
                name: r.name.clone(),
                phone: r.phone.clone(),
                hours: r.hours.clone(),
                description: r.description_key.as_deref().map(|k| langs.one(k)),
                example: r.example,
                mandatory_report: r.mandatory_report,
            })
            .collect(),
        safety_notes: o.safety_note_keys.iter().map(|k| langs.one(k)).collect(),
        statement: langs.one(o.statement_key),
        complete: o.complete,
    }
}

/// One stored answer with its question, as the case detail shows it.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TranscriptEntry {
    /// The question's id.
    pub question_id: String,
    /// The title of its section.
    pub section: TextView,
    /// The question.
    pub question: TextView,
    /// The answer, in words.
    pub answer: TextView,
    /// False when a later answer made the question no longer apply; the answer is kept.
    pub applies: bool,
}

/// Every stored answer in interview order.
pub fn transcript(langs: &Langs<'_>, session: &Session) -> Vec<TranscriptEntry> {
    let p = session.protocol();
    p.questions
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let a = session.answer_of(i)?;
            Some(TranscriptEntry {
                question_id: q.id.clone(),
                section: langs.one(&p.sections[q.section].title_key),
                question: langs.one(&q.text_key),
                answer: langs.answer_text(q, a).into(),
                applies: session.is_visible(i),
            })
        })
        .collect()
}

/// One value an answer had at some time.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HistoryView {
    /// RFC 3339, UTC.
    pub time: String,
    /// The question's id.
    pub question_id: String,
    /// The question, when this protocol version still has it.
    pub question: Option<TextView>,
    /// None: the answer was cleared.
    pub answer: Option<TextView>,
}

/// One entry of a case's answer history in words.
pub fn history_entry(
    langs: &Langs<'_>,
    session: &Session,
    question_id: &str,
    time_ms: i64,
    answer: Option<&Answer>,
) -> HistoryView {
    let q = session.protocol().question(question_id);
    HistoryView {
        time: jiff::Timestamp::from_millisecond(time_ms)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        question_id: question_id.to_string(),
        question: q.map(|q| langs.one(&q.text_key)),
        answer: answer.map(|a| langs.answer_text_in(q, a).into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn adult() -> std::sync::Arc<Loaded> {
        fieldscreen_catalog::Catalog::bundled()
            .load("adult-trafficking", None)
            .expect("bundled adult protocol loads")
    }

    #[test]
    fn the_respondent_language_is_dropped_when_it_is_the_interviewers() {
        let loaded = adult();
        assert!(
            Langs::new(&loaded, "en", Some("en"))
                .expect("langs")
                .respondent
                .is_none()
        );
        let both = Langs::new(&loaded, "en", Some("ar")).expect("langs");
        let texts = both.both("fs-answer-yes");
        assert_eq!(texts.len(), 2);
        assert_eq!((texts[1].lang.as_str(), texts[1].dir), ("ar", TextDirection::Rtl));
        assert_eq!((texts[0].lang.as_str(), texts[0].dir), ("en", TextDirection::Ltr));
    }

    /// The respondent is addressed in their grammatical gender once they have said it, and in a
    /// neutral form before; the interviewer's English does not change.
    #[test]
    fn questions_address_the_respondent_in_their_grammatical_gender() {
        let loaded = adult();
        let langs = Langs::new(&loaded, "en", Some("fr")).expect("langs");
        let text_for = |gender: Option<&str>| {
            let mut s = Session::new(loaded.protocol.clone());
            s.start();
            while let Some(q) = s.current().cloned() {
                let a = match q.id.as_str() {
                    "safety_alone" | "safety_place" => Answer::Yes,
                    "safety_interpreter" => Answer::Choice("no-interpreter".into()),
                    "age" => Answer::Number(30),
                    "age_documents" => Answer::Choice("consistent".into()),
                    "consent" => Answer::Choice("full".into()),
                    "gender" => gender.map_or(Answer::PreferNotToSay, |g| Answer::Choice(g.into())),
                    "sexual_exploitation" => break,
                    _ => match q.kind {
                        Kind::Single(ref c) => Answer::Choice(c[0].code.clone()),
                        Kind::Number { min, .. } => Answer::Number(min),
                        Kind::YesNo | Kind::Observation => Answer::No,
                        _ => Answer::DontKnow,
                    },
                };
                s.answer(a).expect("answer fits");
            }
            langs.question_text("q-sexual-exploitation", &s)
        };
        let woman = text_for(Some("woman"));
        assert!(woman[1].text.contains("obligée"), "{}", woman[1].text);
        let man = &text_for(Some("man"))[1].text;
        assert!(
            man.contains("obligé") && !man.contains("obligée") && !man.contains("·e"),
            "{man}"
        );
        assert!(text_for(None)[1].text.contains("obligé·e"));
        assert_eq!(woman[0].text, text_for(Some("man"))[0].text);
        assert_eq!(respondent_gender(&Session::new(loaded.protocol.clone())), "unknown");
    }

    #[test]
    fn answers_read_as_labels_numbers_and_the_persons_own_words() {
        let loaded = adult();
        let langs = Langs::new(&loaded, "en", None).expect("langs");
        let q = |id: &str| loaded.protocol.question(id).expect("question");
        assert_eq!(
            langs
                .answer_text(q("sector"), &Answer::Choice("construction".into()))
                .text,
            "Construction"
        );
        assert_eq!(langs.answer_text(q("promised"), &Answer::Yes).text, "Yes");
        assert_eq!(langs.answer_text(q("hours_per_day"), &Answer::Number(14)).text, "14");
        assert_eq!(
            langs
                .answer_text(q("anything_else"), &Answer::Text("as said".into()))
                .text,
            "as said"
        );
        // A code the question does not know (another protocol version) is shown as it is.
        assert_eq!(
            langs.answer_text(q("sector"), &Answer::Choice("mining".into())).text,
            "mining"
        );
        let arabic = Langs::new(&loaded, "ar", None).expect("langs");
        let n = arabic.answer_text(q("hours_per_day"), &Answer::Number(14));
        assert_eq!(n.direction, TextDirection::Rtl);
        assert!(!n.text.is_empty());
    }
}
