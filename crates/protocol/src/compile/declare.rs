//! Pass 1: every name the protocol declares (questions, sections, dimension rules, dimensions,
//! indicators), so that pass 2 can check references in any order.

use super::decode::RawSectionEntry;
use super::fields::check_id;
use super::{Compiler, Shape, fields};
use crate::builtin;
use crate::diagnostic::did_you_mean;
use crate::model::*;
use crate::raw::*;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

impl Compiler<'_, '_> {
    /// The built-in steps, then each section and its questions, without their conditions.
    pub(super) fn declare_questions(&mut self, raw_sections: &[RawSectionEntry], enforced: &RawEnforced) -> Shape {
        let mut sections = builtin::sections();
        let mut questions = builtin::questions();
        for (i, q) in questions.iter().enumerate() {
            self.by_id.insert(q.id.clone(), i);
            self.kinds.push(q.kind.clone());
        }
        fields::apply_wording(enforced, &mut questions, self.d);
        let mut section_first: Vec<QIdx> = vec![0; sections.len()];
        let mut raw_paths = HashMap::new();
        let mut relevance_at = HashMap::new();
        let mut section_ids = HashSet::new();
        for (spath, s, qs) in raw_sections {
            check_id(s.id.get_ref(), s.id.span(), &format!("{spath}.id"), self.d);
            if !section_ids.insert(s.id.get_ref().clone()) {
                self.d.error(
                    "duplicate-id",
                    s.id.span(),
                    format!("{spath}.id"),
                    format!("section id `{}` is used twice", s.id.get_ref()),
                );
            }
            let mode = match s.mode.as_ref().map(|m| m.get_ref().as_str()) {
                None | Some("asked") => SectionMode::Asked,
                Some("observed") => SectionMode::Observed,
                Some("self-answer") => SectionMode::SelfAnswer,
                Some(other) => {
                    self.d.error_hint(
                        "bad-value",
                        s.mode.as_ref().map_or(0..0, Spanned::span),
                        format!("{spath}.mode"),
                        format!("unknown section mode `{other}`"),
                        "use `asked` (read aloud), `observed` (interviewer only) or `self-answer` (the respondent alone, by voice prompts)",
                    );
                    SectionMode::Asked
                }
            };
            let views = match s.module.as_ref().map(|m| m.get_ref().as_str()) {
                None => false,
                Some("survivor-views") => true,
                Some(other) => {
                    self.d.error_hint(
                        "bad-value",
                        s.module.as_ref().map_or(0..0, Spanned::span),
                        format!("{spath}.module"),
                        format!("unknown section module `{other}`"),
                        "the one module is `survivor-views`",
                    );
                    false
                }
            };
            let title = self.key(&s.title, &format!("{spath}.title"));
            let note = s.note.as_ref().map(|n| self.key(n, &format!("{spath}.note")));
            section_first.push(questions.len());
            sections.push(Section {
                id: s.id.get_ref().clone(),
                title_key: title,
                mode,
                note_key: note,
                relevant: None,
                views_consent: None,
            });
            let section_index = sections.len() - 1;
            if qs.is_empty() {
                self.d.warning(
                    "empty-section",
                    s.id.span(),
                    spath.clone(),
                    format!("section `{}` has no questions", s.id.get_ref()),
                );
            }
            for (qpath, rq) in qs {
                let Some(question) = self.question_shell(qpath, rq, section_index) else {
                    continue;
                };
                if let Some(prev) = self.by_id.get(&question.id) {
                    let what = if *prev < builtin::IDS.len() {
                        "is reserved for a built-in step"
                    } else {
                        "is used twice"
                    };
                    self.d.error(
                        "duplicate-id",
                        rq.id.span(),
                        format!("{qpath}.id"),
                        format!("question id `{}` {what}", question.id),
                    );
                    continue;
                }
                if mode == SectionMode::SelfAnswer && !matches!(question.kind, Kind::YesNo | Kind::Single(_)) {
                    self.d.error_hint(
                        "self-answer-kind",
                        rq.kind.span(),
                        format!("{qpath}.type"),
                        format!(
                            "`{}` is a {} question in a self-answer section",
                            question.id,
                            question.kind.name()
                        ),
                        "a respondent answering alone gets yes/no and one-choice questions only; move it to an asked section",
                    );
                }
                raw_paths.insert(question.id.clone(), (qpath.clone(), rq.id.span()));
                // Where the question's showing is decided: its own relevance, else its section's.
                let relevance = match (&rq.relevant, &s.relevant) {
                    (Some(r), _) => Some((format!("{qpath}.relevant"), r.span())),
                    (None, Some(r)) => Some((format!("{spath}.relevant"), r.span())),
                    (None, None) => None,
                };
                if let Some(at) = relevance {
                    relevance_at.insert(question.id.clone(), at);
                }
                self.by_id.insert(question.id.clone(), questions.len());
                self.kinds.push(question.kind.clone());
                questions.push(question);
            }
            if views {
                let first = section_first[section_index];
                let consent_first = questions
                    .get(first)
                    .is_some_and(|q| q.section == section_index && q.kind == Kind::YesNo);
                if consent_first {
                    sections[section_index].views_consent = Some(first);
                } else {
                    self.d.error_hint(
                        "survivor-views-consent",
                        s.id.span(),
                        spath.clone(),
                        format!(
                            "survivors' views section `{}` must begin with its own consent question",
                            s.id.get_ref()
                        ),
                        "make the section's first question a `yes-no` asking whether the person wants to give their views",
                    );
                }
            }
        }
        Shape {
            sections,
            questions,
            section_first,
            raw_paths,
            relevance_at,
        }
    }

    pub(super) fn declare_dimension_rules(&mut self, raw: &[(String, RawDimensionRule)]) -> Vec<DimensionRule> {
        let mut rules = Vec::new();
        for (path, r) in raw {
            check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
            let mut patterns = Vec::new();
            for (i, p) in r.met_when.iter().enumerate() {
                let pr = p.get_ref();
                let pattern = CountPattern {
                    strong: pr.strong,
                    medium: pr.medium,
                    weak: pr.weak,
                    total: pr.total,
                };
                if pattern.reached_by(0, 0, 0) {
                    self.d.error(
                        "always-met",
                        p.span(),
                        format!("{path}.met_when[{i}]"),
                        "this pattern asks for no indicators, so every dimension using the rule would always be met",
                    );
                }
                patterns.push(pattern);
            }
            if patterns.is_empty() {
                self.d.error(
                    "empty-rule",
                    r.id.span(),
                    format!("{path}.met_when"),
                    "a dimension rule needs at least one pattern in `met_when`",
                );
            }
            rules.push(DimensionRule {
                id: r.id.get_ref().clone(),
                met_when: patterns,
            });
        }
        rules
    }

    pub(super) fn declare_dimensions(
        &mut self,
        raw: &[(String, RawDimension)],
        rules: &[DimensionRule],
    ) -> Vec<Dimension> {
        let mut dimensions = Vec::new();
        for (path, r) in raw {
            check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
            let phase = match r.phase.get_ref().as_str() {
                "recruitment" => Phase::Recruitment,
                "destination" => Phase::Destination,
                other => {
                    self.d.error_hint(
                        "bad-value",
                        r.phase.span(),
                        format!("{path}.phase"),
                        format!("unknown phase `{other}`"),
                        "use `recruitment` or `destination`",
                    );
                    Phase::Recruitment
                }
            };
            let rule = match rules.iter().position(|x| &x.id == r.rule.get_ref()) {
                Some(i) => i,
                None => {
                    let hint = did_you_mean(r.rule.get_ref(), rules.iter().map(|x| x.id.as_str()))
                        .unwrap_or_else(|| "define it in [[dimension_rules]]".into());
                    self.d.error_hint(
                        "unknown-rule",
                        r.rule.span(),
                        format!("{path}.rule"),
                        format!("no dimension rule `{}`", r.rule.get_ref()),
                        hint,
                    );
                    0
                }
            };
            if self.dims.insert(r.id.get_ref().clone(), dimensions.len()).is_some() {
                self.d.error(
                    "duplicate-id",
                    r.id.span(),
                    format!("{path}.id"),
                    format!("dimension id `{}` is used twice", r.id.get_ref()),
                );
            }
            let label = self.key(&r.label, &format!("{path}.label"));
            dimensions.push(Dimension {
                id: r.id.get_ref().clone(),
                label_key: label,
                phase,
                rule,
            });
        }
        dimensions
    }

    pub(super) fn declare_indicator_ids(&mut self, raw: &[(String, RawIndicator)]) {
        for (i, (path, r)) in raw.iter().enumerate() {
            check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
            if self.inds.insert(r.id.get_ref().clone(), i).is_some() {
                self.d.error(
                    "duplicate-id",
                    r.id.span(),
                    format!("{path}.id"),
                    format!("indicator id `{}` is used twice", r.id.get_ref()),
                );
            }
        }
    }

    pub(super) fn question_shell(&mut self, path: &str, q: &RawQuestion, section: usize) -> Option<Question> {
        check_id(q.id.get_ref(), q.id.span(), &format!("{path}.id"), self.d);
        let text = self.key(&q.text, &format!("{path}.text"));
        let note = q.note.as_ref().map(|n| self.key(n, &format!("{path}.note")));
        let kind_name = q.kind.get_ref().as_str();
        let mut choices = || -> Vec<Choice> {
            let Some(raw) = &q.choices else {
                self.d.error_hint(
                    "missing-choices",
                    q.kind.span(),
                    format!("{path}.choices"),
                    format!("a `{kind_name}` question needs choices"),
                    "add choices = [{ code = \"...\", label = \"<text key>\" }, ...]",
                );
                return Vec::new();
            };
            let mut seen = HashSet::new();
            let mut out = Vec::new();
            for (i, c) in raw.iter().enumerate() {
                let cpath = format!("{path}.choices[{i}]");
                check_id(c.code.get_ref(), c.code.span(), &format!("{cpath}.code"), self.d);
                if ["dont-know", "prefer-not-to-say", "yes", "no"].contains(&c.code.get_ref().as_str()) {
                    self.d.error_hint("reserved-code", c.code.span(), format!("{cpath}.code"), format!("`{}` is reserved", c.code.get_ref()), "\"don't know\" and \"prefer not to say\" are always offered by the engine; use a yes-no question for yes/no");
                }
                if !seen.insert(c.code.get_ref().clone()) {
                    self.d.error(
                        "duplicate-id",
                        c.code.span(),
                        format!("{cpath}.code"),
                        format!("choice `{}` is listed twice", c.code.get_ref()),
                    );
                }
                fields::check_key(&c.label, &format!("{cpath}.label"), self.d);
                out.push(Choice {
                    code: c.code.get_ref().clone(),
                    label_key: c.label.get_ref().clone(),
                });
            }
            if out.len() < 2 {
                self.d.error(
                    "few-choices",
                    q.kind.span(),
                    format!("{path}.choices"),
                    "a choice question needs at least two choices",
                );
            }
            out
        };
        let kind = match kind_name {
            "yes-no" => Kind::YesNo,
            "single" => Kind::Single(choices()),
            "multiple" => Kind::Multiple(choices()),
            "number" => match (&q.min, &q.max) {
                (Some(min), Some(max)) => {
                    if min.get_ref() > max.get_ref() {
                        self.d.error(
                            "bad-range",
                            min.span(),
                            format!("{path}.min"),
                            format!("min {} is above max {}", min.get_ref(), max.get_ref()),
                        );
                    }
                    Kind::Number {
                        min: *min.get_ref(),
                        max: *max.get_ref(),
                    }
                }
                _ => {
                    self.d.error_hint(
                        "missing-range",
                        q.kind.span(),
                        path,
                        "a number question needs `min` and `max`",
                        "set the range a plausible answer can take, e.g. min = 0, max = 24",
                    );
                    Kind::Number { min: 0, max: 0 }
                }
            },
            "date" => Kind::Date,
            "duration" => Kind::Duration,
            "country" => Kind::Country,
            "language" => Kind::Language,
            "text" => Kind::Text,
            "observation" => Kind::Observation,
            "note" => Kind::Note,
            other => {
                const KINDS: [&str; 11] = [
                    "yes-no",
                    "single",
                    "multiple",
                    "number",
                    "date",
                    "duration",
                    "country",
                    "language",
                    "text",
                    "observation",
                    "note",
                ];
                let hint = did_you_mean(other, KINDS).unwrap_or_else(|| format!("types: {}", KINDS.join(", ")));
                self.d.error_hint(
                    "unknown-type",
                    q.kind.span(),
                    format!("{path}.type"),
                    format!("unknown question type `{other}`"),
                    hint,
                );
                return None;
            }
        };
        if q.choices.is_some() && kind.choices().is_empty() {
            self.d.warning(
                "unused-field",
                q.kind.span(),
                format!("{path}.choices"),
                format!("a `{kind_name}` question ignores `choices`"),
            );
        }
        if (q.min.is_some() || q.max.is_some()) && !matches!(kind, Kind::Number { .. }) {
            self.d.warning(
                "unused-field",
                q.kind.span(),
                format!("{path}.min"),
                format!("a `{kind_name}` question ignores `min` and `max`"),
            );
        }
        if q.sensitive && kind != Kind::Text {
            self.d.warning(
                "unused-field",
                q.kind.span(),
                format!("{path}.sensitive"),
                "only free-text questions are marked sensitive",
            );
        }
        if kind == Kind::Text && !q.sensitive {
            self.d.error_hint(
                "text-not-sensitive",
                q.kind.span(),
                format!("{path}.sensitive"),
                "free text can hold anything a person says, so it must be marked sensitive",
                "add sensitive = true",
            );
        }
        let picture = q.picture.as_ref().and_then(|p| {
            let name = p.get_ref();
            let ok = is_picture_path(name);
            if !ok {
                self.d.error_hint(
                    "bad-value",
                    p.span(),
                    format!("{path}.picture"),
                    format!("`{name}` is not a picture of this protocol"),
                    "write `pictures/<name>.svg`: lower-case letters, digits, `-` and `_`, in the protocol's `pictures` folder",
                );
            }
            ok.then(|| name.clone())
        });
        Some(Question {
            id: q.id.get_ref().clone(),
            kind,
            text_key: text,
            note_key: note,
            section,
            relevant: None,
            constraint: None,
            required: q.required,
            identifying: q.identifying,
            sensitive: q.sensitive,
            builtin: false,
            picture,
        })
    }
}
