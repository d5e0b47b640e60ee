//! Pass 2: conditions, and every item that refers to another (indicators, rules, referrals,
//! safety notes).

use super::conditions::Scope;
use super::decode::RawSectionEntry;
use super::fields::{check_id, parse_date_field};
use super::{Compiler, MEANS_OF_CONTROL, Shape};
use crate::diagnostic::did_you_mean;
use crate::model::*;
use crate::raw::*;
use jiff::civil::Date;

impl Compiler<'_, '_> {
    /// Section relevance, question relevance and constraints.
    pub(super) fn resolve_question_conditions(&mut self, raw_sections: &[RawSectionEntry], shape: &mut Shape) {
        for (spath, s, qs) in raw_sections {
            if let Some(index) = shape.sections.iter().position(|x| &x.id == s.id.get_ref())
                && let Some(rel) = &s.relevant
            {
                let first = shape.section_first.get(index).copied().unwrap_or(0);
                shape.sections[index].relevant = self.cond(
                    rel,
                    &format!("{spath}.relevant"),
                    Scope::Relevance { at: first, own: None },
                );
            }
            for (qpath, rq) in qs {
                // Only questions declared in pass 1 (not duplicates) have an index of their own.
                let Some(&index) = self.by_id.get(rq.id.get_ref()) else {
                    continue;
                };
                if shape.raw_paths.get(rq.id.get_ref()).is_none_or(|(p, _)| p != qpath) {
                    continue;
                }
                if let Some(rel) = &rq.relevant {
                    shape.questions[index].relevant = self.cond(
                        rel,
                        &format!("{qpath}.relevant"),
                        Scope::Relevance { at: index, own: None },
                    );
                }
                match (&rq.constraint, &rq.constraint_message) {
                    (Some(con), Some(msg)) => {
                        let compiled = self.cond(
                            con,
                            &format!("{qpath}.constraint"),
                            Scope::Relevance {
                                at: index,
                                own: Some(index),
                            },
                        );
                        let key = self.key(msg, &format!("{qpath}.constraint_message"));
                        shape.questions[index].constraint = compiled.map(|k| (k, key));
                    }
                    (Some(con), None) => self.d.error_hint(
                        "missing-message",
                        con.span(),
                        format!("{qpath}.constraint"),
                        "a constraint needs a `constraint_message`",
                        "add constraint_message = \"<text key>\" telling the interviewer what is wrong",
                    ),
                    (None, Some(msg)) => self.d.warning(
                        "unused-message",
                        msg.span(),
                        format!("{qpath}.constraint_message"),
                        "`constraint_message` without a `constraint` is never shown",
                    ),
                    (None, None) => {}
                }
            }
        }
    }

    pub(super) fn indicators(&mut self, raw: &[(String, RawIndicator)]) -> Vec<Indicator> {
        raw.iter().filter_map(|(path, r)| self.indicator(path, r)).collect()
    }

    fn indicator(&mut self, path: &str, r: &RawIndicator) -> Option<Indicator> {
        let Some(&dimension) = self.dims.get(r.dimension.get_ref()) else {
            let hint = did_you_mean(r.dimension.get_ref(), self.dims.keys().map(String::as_str))
                .unwrap_or_else(|| "define it in [[dimensions]]".into());
            self.d.error_hint(
                "unknown-dimension",
                r.dimension.span(),
                format!("{path}.dimension"),
                format!("no dimension `{}`", r.dimension.get_ref()),
                hint,
            );
            return None;
        };
        for n in &r.ilo_forced_labour {
            if !(1..=11).contains(n.get_ref()) {
                self.d.error_hint(
                    "bad-reference",
                    n.span(),
                    format!("{path}.ilo_forced_labour"),
                    format!("ILO forced-labour indicator {} does not exist", n.get_ref()),
                    "the ILO's 2012 list has 11 indicators, numbered 1 to 11",
                );
            }
        }
        self.known_codes(
            &r.means_of_control,
            &MEANS_OF_CONTROL,
            &format!("{path}.means_of_control"),
            "means-of-control category",
        );
        let exploitation_types = ReportVariable::Exploitation.categories().unwrap_or(&[]);
        self.known_codes(
            &r.exploitation,
            exploitation_types,
            &format!("{path}.exploitation"),
            "type of exploitation",
        );
        let mut strengths = Vec::new();
        for (profile, strength) in r.strength.get_ref() {
            let spath = format!("{path}.strength.{profile}");
            let Some(p) = Profile::from_name(profile) else {
                let hint = did_you_mean(profile, Profile::ALL.iter().map(Profile::name))
                    .unwrap_or_else(|| "profiles: adult-labour, adult-sexual, child-labour, child-sexual".into());
                self.d.error_hint(
                    "unknown-profile",
                    strength.span(),
                    spath,
                    format!("unknown profile `{profile}`"),
                    hint,
                );
                continue;
            };
            match strength.get_ref().as_str() {
                "strong" => strengths.push((p, Strength::Strong)),
                "medium" => strengths.push((p, Strength::Medium)),
                "weak" => strengths.push((p, Strength::Weak)),
                other => self.d.error_hint(
                    "bad-value",
                    strength.span(),
                    spath,
                    format!("unknown strength `{other}`"),
                    "use strong, medium or weak",
                ),
            }
        }
        if strengths.is_empty() {
            self.d.error(
                "no-profile",
                r.strength.span(),
                format!("{path}.strength"),
                "an indicator needs a strength for at least one profile",
            );
        }
        let label = self.key(&r.label, &format!("{path}.label"));
        let when = self.cond(&r.when, &format!("{path}.when"), Scope::Indicator)?;
        Some(Indicator::new(
            r.id.get_ref().clone(),
            label,
            dimension,
            IndicatorCodes {
                ilo_forced_labour: r.ilo_forced_labour.iter().map(|n| *n.get_ref()).collect(),
                means_of_control: r.means_of_control.iter().map(|m| m.get_ref().clone()).collect(),
                exploitation: r.exploitation.iter().map(|e| e.get_ref().clone()).collect(),
            },
            &strengths,
            when,
        ))
    }

    /// Each of `codes` must be one of `known`; an unknown one is an error at its place, with the
    /// nearest known code as the hint.
    fn known_codes(&mut self, codes: &[S<String>], known: &[&str], path: &str, what: &str) {
        for c in codes.iter().filter(|c| !known.contains(&c.get_ref().as_str())) {
            let hint = did_you_mean(c.get_ref(), known.iter().copied())
                .unwrap_or_else(|| format!("known: {}", known.join(", ")));
            self.d.error_hint(
                "bad-reference",
                c.span(),
                path.to_string(),
                format!("unknown {what} `{}`", c.get_ref()),
                hint,
            );
        }
    }

    pub(super) fn outcome_rules(&mut self, raw: &[(String, RawOutcomeRule)]) -> Vec<OutcomeRule> {
        let mut rules = Vec::new();
        for (path, r) in raw {
            check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
            let level = self.level(&r.level, &format!("{path}.level"));
            let age_group = r
                .age_group
                .as_ref()
                .and_then(|g| self.age_group(g, &format!("{path}.age_group")));
            let explanation = self.key(&r.explanation, &format!("{path}.explanation"));
            let when = self.cond(&r.when, &format!("{path}.when"), Scope::Outcome);
            if let (Some(level), Some(when)) = (level, when) {
                rules.push(OutcomeRule {
                    id: r.id.get_ref().clone(),
                    level,
                    age_group,
                    when,
                    explanation_key: explanation,
                });
            }
        }
        rules
    }

    pub(super) fn stop_rules(&mut self, raw: &[(String, RawStopRule)]) -> Vec<StopRule> {
        let mut rules = Vec::new();
        for (path, r) in raw {
            check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
            let message = self.key(&r.message, &format!("{path}.message"));
            if let Some(when) = self.cond(&r.when, &format!("{path}.when"), Scope::Stop) {
                rules.push(StopRule {
                    id: r.id.get_ref().clone(),
                    when,
                    message_key: message,
                });
            }
        }
        rules
    }

    pub(super) fn safety_notes(&mut self, raw: &[(String, RawSafetyNote)]) -> Vec<SafetyNote> {
        let mut notes = Vec::new();
        for (path, r) in raw {
            check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
            let text = self.key(&r.text, &format!("{path}.text"));
            if let Some(when) = self.cond(&r.when, &format!("{path}.when"), Scope::Referral) {
                notes.push(SafetyNote {
                    id: r.id.get_ref().clone(),
                    text_key: text,
                    when,
                });
            }
        }
        notes
    }

    pub(super) fn referral(&mut self, path: &str, r: &RawReferral, today: Option<Date>) -> Option<Referral> {
        check_id(r.id.get_ref(), r.id.span(), &format!("{path}.id"), self.d);
        let category = ReferralCategory::ALL
            .into_iter()
            .find(|c| c.name() == r.category.get_ref());
        if category.is_none() {
            let hint = did_you_mean(
                r.category.get_ref(),
                ReferralCategory::ALL.iter().map(ReferralCategory::name),
            )
            .unwrap_or_else(|| "see ARCHITECTURE.md for the categories".into());
            self.d.error_hint(
                "bad-value",
                r.category.span(),
                format!("{path}.category"),
                format!("unknown referral category `{}`", r.category.get_ref()),
                hint,
            );
        }
        let phone = r.phone.get_ref();
        let digits = phone.strip_prefix('+').unwrap_or("");
        if !(digits.len() >= 3
            && digits.len() <= 15
            && digits.chars().all(|c| c.is_ascii_digit())
            && !digits.starts_with('0'))
        {
            self.d.error_hint(
                "bad-phone",
                r.phone.span(),
                format!("{path}.phone"),
                format!("`{phone}` is not an E.164 number"),
                "write + then the country code and number, digits only, e.g. \"+442079460000\"",
            );
        }
        for l in &r.languages {
            if !crate::answer::is_language_tag(l.get_ref()) {
                self.d.error(
                    "bad-language",
                    l.span(),
                    format!("{path}.languages"),
                    format!("`{}` is not a BCP 47 language tag", l.get_ref()),
                );
            }
        }
        let valid_until = parse_date_field(&r.valid_until, &format!("{path}.valid_until"), self.d);
        if let (Some(v), Some(t)) = (valid_until, today)
            && v < t
        {
            self.d.warning(
                "referral-expired",
                r.valid_until.span(),
                format!("{path}.valid_until"),
                format!(
                    "referral `{}` expired on {v}; it will not be suggested until its details are checked",
                    r.id.get_ref()
                ),
            );
        }
        let description = r
            .description
            .as_ref()
            .map(|k| self.key(k, &format!("{path}.description")));
        let suggest_when = self.cond(&r.suggest_when, &format!("{path}.suggest_when"), Scope::Referral)?;
        Some(Referral {
            id: r.id.get_ref().clone(),
            category: category?,
            name: r.name.get_ref().clone(),
            description_key: description,
            phone: phone.clone(),
            hours: r.hours.get_ref().clone(),
            languages: r.languages.iter().map(|l| l.get_ref().clone()).collect(),
            consent_needed: r.consent_needed,
            mandatory_report: r.mandatory_report,
            valid_until: valid_until?,
            example: r.example,
            suggest_when,
        })
    }
}
