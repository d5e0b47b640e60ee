//! What the front end receives: every text already localised, with its language and direction,
//! so the web side only lays it out.

use fieldscreen_catalog::Loaded;
use fieldscreen_i18n::{Chain, Localized, TextDirection};
use fieldscreen_protocol::model::{Kind, SectionMode};
use fieldscreen_protocol::{Answer, Outcome, Session, State};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct TextView {
    pub text: String,
    pub lang: String,
    pub dir: &'static str,
    /// Shown in a language other than the one asked for.
    pub fell_back: bool,
}

impl From<Localized> for TextView {
    fn from(l: Localized) -> Self {
        TextView {
            text: l.text,
            lang: l.lang.to_string(),
            dir: match l.direction {
                TextDirection::Rtl => "rtl",
                TextDirection::Ltr => "ltr",
            },
            fell_back: l.fell_back,
        }
    }
}

/// The interviewer's language and, when different, the respondent's.
pub struct Langs<'a> {
    pub loaded: &'a Loaded,
    pub interviewer: Chain,
    pub respondent: Option<Chain>,
}

impl Langs<'_> {
    pub fn one(&self, key: &str) -> TextView {
        self.loaded.localizer.text(&self.interviewer, key, None).into()
    }

    /// The interviewer's text, then the respondent's.
    pub fn both(&self, key: &str) -> Vec<TextView> {
        let mut v = vec![self.one(key)];
        if let Some(r) = &self.respondent {
            v.push(self.loaded.localizer.text(r, key, None).into());
        }
        v
    }
}

#[derive(Debug, Serialize)]
pub struct ChoiceView {
    pub code: String,
    pub labels: Vec<TextView>,
}

#[derive(Debug, Serialize)]
pub struct QuestionView {
    pub id: String,
    pub kind: &'static str,
    pub section: TextView,
    pub section_note: Option<TextView>,
    /// Interviewer only: observed, never read aloud.
    pub observed: bool,
    pub text: Vec<TextView>,
    pub note: Option<TextView>,
    pub choices: Vec<ChoiceView>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub required: bool,
    pub done: usize,
    pub total: usize,
    pub answer: Option<Answer>,
}

#[derive(Debug, Serialize)]
pub struct ReferralView {
    pub name: String,
    pub phone: String,
    pub hours: String,
    pub description: Option<TextView>,
    pub example: bool,
    pub mandatory_report: bool,
}

#[derive(Debug, Serialize)]
pub struct DimensionView {
    pub label: TextView,
    pub met: bool,
    pub indicators: Vec<TextView>,
}

#[derive(Debug, Serialize)]
pub struct OutcomeView {
    pub level: String,
    pub level_text: TextView,
    pub reasons: Vec<TextView>,
    pub dimensions: Vec<DimensionView>,
    pub emergency: Option<TextView>,
    pub referrals: Vec<ReferralView>,
    pub safety_notes: Vec<TextView>,
    pub statement: TextView,
    pub complete: bool,
}

#[derive(Debug, Serialize)]
#[serde(tag = "step", rename_all = "kebab-case")]
pub enum StepView {
    Question(QuestionView),
    Finished {
        state: State,
        outcome: Option<OutcomeView>,
        case_id: Option<String>,
    },
}

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
    Some(QuestionView {
        id: q.id.clone(),
        kind: q.kind.name(),
        section: langs.one(&section.title_key),
        section_note: section.note_key.as_deref().map(|k| langs.one(k)),
        observed,
        text: if observed {
            vec![langs.one(&q.text_key)]
        } else {
            langs.both(&q.text_key)
        },
        note: q.note_key.as_deref().map(|k| langs.one(k)),
        choices: match &q.kind {
            Kind::YesNo | Kind::Observation => ["yes", "no"]
                .into_iter()
                .map(|c| ChoiceView {
                    code: c.into(),
                    labels: langs.both(&format!("fs-answer-{c}")),
                })
                .collect(),
            k => k
                .choices()
                .iter()
                .map(|c| ChoiceView {
                    code: c.code.clone(),
                    labels: langs.both(&c.label_key),
                })
                .collect(),
        },
        min,
        max,
        required: q.required,
        done,
        total,
        answer: session.current_index().and_then(|i| session.answer_of(i)).cloned(),
    })
}

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
        level: o.level.name().to_string(),
        level_text: langs.one(&format!("fs-level-{}", o.level.name())),
        reasons: o
            .profiles
            .iter()
            .filter_map(|pr| pr.rule.as_ref())
            .map(|r| langs.one(&r.explanation_key))
            .collect(),
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
