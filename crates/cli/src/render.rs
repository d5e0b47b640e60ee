//! Terminal rendering: questions in the interviewer's and the respondent's languages side by side,
//! and the outcome with its reasons. Every word comes from Fluent.

use anyhow::Result;
use fieldscreen_catalog::Loaded;
use fieldscreen_i18n::Chain;
use fieldscreen_i18n::fluent::FluentArgs;
use fieldscreen_protocol::model::{Kind, Question, SectionMode};
use fieldscreen_protocol::{Answer, Outcome, Session};
use fieldscreen_views::Langs;
use fluent_args::args_from;
use jiff::civil::Date;

mod fluent_args {
    use fieldscreen_i18n::fluent::{FluentArgs, FluentValue};
    pub fn args_from(pairs: &[(&str, String)]) -> FluentArgs<'static> {
        let mut a = FluentArgs::new();
        for (k, v) in pairs {
            a.set(k.to_string(), FluentValue::from(v.clone()));
        }
        a
    }
}

pub struct Screen<'a> {
    loaded: &'a Loaded,
    langs: Langs<'a>,
}

use crate::bidi::for_terminal as isolate;

impl<'a> Screen<'a> {
    pub fn new(loaded: &'a Loaded, interviewer: &str, respondent: Option<&str>) -> Result<Self> {
        Ok(Screen {
            loaded,
            langs: Langs::new(loaded, interviewer, respondent)?,
        })
    }

    /// The protocol (with its texts) this screen shows.
    pub fn loaded(&self) -> &'a Loaded {
        self.loaded
    }

    /// The protocol's title in the interviewer's language, plain for use inside a message.
    pub fn protocol_title(&self) -> String {
        self.plain(&self.loaded.protocol.header.title_key)
    }

    pub fn interviewer(&self, key: &str) -> String {
        isolate(&self.loaded.localizer.text(&self.langs.interviewer, key, None))
    }

    /// The text without direction marks, for use inside another message (Fluent isolates it).
    fn plain(&self, key: &str) -> String {
        self.loaded.localizer.text(&self.langs.interviewer, key, None).text
    }

    pub fn cli(&self, key: &str, args: &[(&str, String)]) -> String {
        let a = args_from(args);
        isolate(&self.loaded.localizer.text(&self.langs.interviewer, key, Some(&a)))
    }

    /// A question as both read it, addressed to the respondent as the session knows them.
    fn question_lines(&self, key: &str, session: &Session) -> Vec<String> {
        self.both_with(key, Some(&fieldscreen_views::question_args(session)))
    }

    fn both_with(&self, key: &str, args: Option<&FluentArgs<'_>>) -> Vec<String> {
        let mut lines = vec![self.line(&self.langs.interviewer, key, args)];
        if let Some(r) = &self.langs.respondent {
            lines.push(self.line(r, key, args));
        }
        lines
    }

    fn line(&self, chain: &Chain, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let l = self.loaded.localizer.text(chain, key, args);
        let tag = chain
            .primary()
            .map(ToString::to_string)
            .unwrap_or_default()
            .to_uppercase();
        let marker = if l.fell_back {
            format!(" ({})", l.lang)
        } else {
            String::new()
        };
        format!("{tag:>5}{marker}  {}", isolate(&l))
    }

    fn both_inline(&self, key: &str) -> String {
        let mut s = self.interviewer(key);
        if let Some(r) = &self.langs.respondent {
            s.push_str(" / ");
            s.push_str(&isolate(&self.loaded.localizer.text(r, key, None)));
        }
        s
    }

    pub fn date(&self, d: Date) -> String {
        self.langs.date(d)
    }

    pub fn number(&self, n: i64) -> String {
        self.langs.number(n)
    }

    pub fn question(&self, session: &Session, q: &Question, first_in_section: bool) -> String {
        let p = session.protocol();
        let section = &p.sections[q.section];
        let mut out = String::new();
        if first_in_section {
            out.push_str(&format!("\n== {} ==\n", self.interviewer(&section.title_key)));
            if let Some(n) = &section.note_key {
                out.push_str(&format!(
                    "   {}\n",
                    self.cli("cli-interviewer-note", &[("note", self.plain(n))])
                ));
            }
        }
        let (done, total) = session.progress();
        out.push_str(&format!(
            "\n[{}/{}]\n",
            self.number(i64::try_from(done + 1).unwrap_or(0)),
            self.number(i64::try_from(total).unwrap_or(0))
        ));
        let observed = section.mode == SectionMode::Observed || matches!(q.kind, Kind::Observation);
        if observed {
            out.push_str(&format!("   {}\n", self.cli("cli-observed-only", &[])));
            out.push_str(&format!("{}\n", self.line(&self.langs.interviewer, &q.text_key, None)));
        } else {
            for l in self.question_lines(&q.text_key, session) {
                out.push_str(&l);
                out.push('\n');
            }
        }
        if let Some(n) = &q.note_key {
            out.push_str(&format!(
                "   {}\n",
                self.cli("cli-interviewer-note", &[("note", self.plain(n))])
            ));
        }
        match &q.kind {
            Kind::YesNo | Kind::Observation => {
                out.push_str(&format!(
                    "   1) {}   2) {}\n",
                    self.both_inline("fs-answer-yes"),
                    self.both_inline("fs-answer-no")
                ));
            }
            Kind::Single(choices) | Kind::Multiple(choices) => {
                for (i, c) in choices.iter().enumerate() {
                    out.push_str(&format!("   {}) {}\n", i + 1, self.both_inline(&c.label_key)));
                }
                if matches!(q.kind, Kind::Multiple(_)) {
                    out.push_str(&format!("   {}\n", self.cli("cli-hint-multiple", &[])));
                }
            }
            Kind::Number { min, max } => out.push_str(&format!(
                "   {}\n",
                self.cli("cli-hint-number", &[("min", min.to_string()), ("max", max.to_string())])
            )),
            Kind::Date => out.push_str(&format!("   {}\n", self.cli("cli-hint-date", &[]))),
            Kind::Duration => out.push_str(&format!("   {}\n", self.cli("cli-hint-duration", &[]))),
            Kind::Country => out.push_str(&format!("   {}\n", self.cli("cli-hint-country", &[]))),
            Kind::Language => out.push_str(&format!("   {}\n", self.cli("cli-hint-language", &[]))),
            Kind::Text => out.push_str(&format!("   {}\n", self.cli("cli-hint-text", &[]))),
            Kind::Note => out.push_str(&format!("   {}\n", self.cli("cli-hint-note", &[]))),
        }
        if let Some(a) = session.answer_of(session.current_index().unwrap_or(usize::MAX)) {
            out.push_str(&format!(
                "   {}\n",
                self.cli("cli-current-answer", &[("answer", crate::input::describe(a))])
            ));
        }
        let key = if q.required {
            "cli-commands-required"
        } else {
            "cli-commands"
        };
        out.push_str(&format!("   {}\n> ", self.cli(key, &[])));
        out
    }

    pub fn outcome(&self, session: &Session, o: &Outcome) -> String {
        let p = session.protocol();
        let mut out = String::new();
        let rule = "─".repeat(60);
        out.push_str(&format!(
            "\n{rule}\n{}\n",
            self.cli(
                "cli-outcome-title",
                &[("level", self.plain(&format!("fs-level-{}", o.result_name())))]
            )
        ));
        if let Some(ov) = &o.interviewer_override {
            out.push_str(&format!(
                "{}\n",
                self.cli(
                    "cli-outcome-override",
                    &[
                        (
                            "computed",
                            self.interviewer(&format!("fs-level-{}", o.computed_level.name()))
                        ),
                        ("reason", ov.reason.clone())
                    ]
                )
            ));
        }
        if !o.complete {
            out.push_str(&format!("{}\n", self.cli("cli-outcome-incomplete", &[])));
        }
        if o.age_group_assumed {
            out.push_str(&format!("{}\n", self.cli("cli-outcome-age-assumed", &[])));
        }
        if let Some(e) = &o.emergency {
            out.push_str(&format!("\n!! {}\n", self.interviewer(&e.message_key)));
        }
        for pr in &o.profiles {
            out.push_str(&format!(
                "\n{}\n",
                self.cli(
                    "cli-outcome-profile",
                    &[
                        ("profile", pr.profile.to_string()),
                        ("level", self.plain(&format!("fs-level-{}", o.profile_result_name(pr))))
                    ]
                )
            ));
            if let Some(r) = o.concluding_rule(pr) {
                out.push_str(&format!(
                    "  {}\n",
                    self.cli("cli-outcome-because", &[("reason", self.plain(&r.explanation_key))])
                ));
            }
            for d in pr.dimensions.iter().filter(|d| !d.indicators.is_empty()) {
                let state = if d.met {
                    "cli-dimension-met"
                } else {
                    "cli-dimension-not-met"
                };
                out.push_str(&format!(
                    "  {} {}\n",
                    if d.met { "■" } else { "□" },
                    self.cli(
                        state,
                        &[
                            ("dimension", self.plain(&d.label_key)),
                            ("strong", d.strong.to_string()),
                            ("medium", d.medium.to_string()),
                            ("weak", d.weak.to_string())
                        ]
                    )
                ));
                for h in &d.indicators {
                    let label = p
                        .indicators
                        .iter()
                        .find(|i| i.id == h.id)
                        .map_or_else(|| h.id.clone(), |i| self.interviewer(&i.label_key));
                    out.push_str(&format!(
                        "      - {label} ({})\n",
                        self.interviewer(&format!("cli-strength-{}", format!("{:?}", h.strength).to_lowercase()))
                    ));
                }
            }
        }
        if !o.referrals.is_empty() {
            out.push_str(&format!("\n{}\n", self.cli("cli-outcome-referrals", &[])));
            for r in &o.referrals {
                let mut line = format!("  • {} — {} ({})", r.name, r.phone, r.hours);
                if let Some(k) = &r.description_key {
                    line.push_str(&format!("\n      {}", self.interviewer(k)));
                }
                if r.example {
                    line.push_str(&format!("\n      {}", self.cli("cli-referral-example", &[])));
                }
                if r.mandatory_report {
                    line.push_str(&format!("\n      {}", self.cli("cli-referral-mandatory", &[])));
                }
                out.push_str(&line);
                out.push('\n');
            }
        }
        if !o.expired_referrals.is_empty() {
            out.push_str(&format!(
                "{}\n",
                self.cli("cli-referrals-expired", &[("ids", o.expired_referrals.join(", "))])
            ));
        }
        if !o.safety_note_keys.is_empty() {
            out.push_str(&format!("\n{}\n", self.cli("cli-outcome-safety", &[])));
            for k in &o.safety_note_keys {
                out.push_str(&format!("  ! {}\n", self.interviewer(k)));
            }
        }
        if !o.excluded_answers.is_empty() {
            out.push_str(&format!(
                "\n{}\n",
                self.cli("cli-outcome-excluded", &[("ids", o.excluded_answers.join(", "))])
            ));
        }
        out.push_str(&format!("\n{}\n{rule}\n", self.interviewer(o.statement_key)));
        out
    }

    /// An answer as the interviewer reads it: choice labels, localised numbers and dates.
    pub fn answer_text(&self, q: &Question, a: &Answer) -> String {
        isolate(&self.langs.answer_text(q, a))
    }

    /// Every stored answer with its question, in interview order; answers whose question no
    /// longer applies are marked.
    pub fn transcript(&self, session: &Session) -> String {
        let p = session.protocol();
        let mut out = String::new();
        let mut section = usize::MAX;
        for (i, q) in p.questions.iter().enumerate() {
            let Some(a) = session.answer_of(i) else { continue };
            if q.section != section {
                section = q.section;
                out.push_str(&format!(
                    "\n== {} ==\n",
                    self.interviewer(&p.sections[section].title_key)
                ));
            }
            let hidden = if session.is_visible(i) {
                String::new()
            } else {
                format!("  {}", self.cli("cli-answer-hidden", &[]))
            };
            out.push_str(&format!(
                "  {}\n    → {}{hidden}\n",
                self.interviewer(&q.text_key),
                self.answer_text(q, a)
            ));
        }
        out
    }

    /// Strings that fell back to another language during this run, for the interviewer to know.
    pub fn fallback_report(&self) -> Option<String> {
        let f = self.loaded.localizer.fallbacks();
        if f.is_empty() {
            return None;
        }
        let keys: Vec<String> = f.iter().map(|(lang, key)| format!("{lang}:{key}")).collect();
        Some(self.cli(
            "cli-fallbacks",
            &[("count", keys.len().to_string()), ("keys", keys.join(", "))],
        ))
    }
}
