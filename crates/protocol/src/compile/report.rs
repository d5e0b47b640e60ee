//! `[report]`: which question feeds each de-identified reporting variable, and how its answer
//! codes translate into the variable's categories.

use super::Compiler;
use crate::diagnostic::did_you_mean;
use crate::model::{Kind, ReportField, ReportVariable};
use crate::raw::RawReportField;
use toml::Spanned;

impl Compiler<'_, '_> {
    pub(super) fn report(&mut self, raw: &[(String, Spanned<RawReportField>)]) -> Vec<ReportField> {
        raw.iter().filter_map(|(name, f)| self.report_field(name, f)).collect()
    }

    fn report_field(&mut self, name: &str, field: &Spanned<RawReportField>) -> Option<ReportField> {
        let path = format!("report.{name}");
        let f = field.get_ref();
        let Some(variable) = ReportVariable::ALL.into_iter().find(|v| v.name() == name) else {
            let hint = did_you_mean(name, ReportVariable::ALL.iter().map(|v| v.name()))
                .unwrap_or_else(|| "see ReportVariable in crates/protocol/src/model.rs".into());
            self.d.error_hint(
                "unknown-report-variable",
                field.span(),
                path,
                format!("`{name}` is not a reporting variable"),
                hint,
            );
            return None;
        };
        let question = self.question_ref(&f.question, &format!("{path}.question"))?;
        let kind = self.kinds[question].clone();
        let Some(categories) = variable.categories() else {
            if kind != Kind::Country {
                self.d.error(
                    "report-kind",
                    f.question.span(),
                    format!("{path}.question"),
                    format!(
                        "`{name}` needs a country question; `{}` is not one",
                        f.question.get_ref()
                    ),
                );
            }
            return Some(ReportField {
                variable,
                question,
                values: Default::default(),
                otherwise: None,
            });
        };
        let codes: Vec<String> = match &kind {
            Kind::YesNo => vec!["yes".into(), "no".into()],
            Kind::Single(c) | Kind::Multiple(c) => c.iter().map(|c| c.code.clone()).collect(),
            _ => {
                self.d.error(
                    "report-kind",
                    f.question.span(),
                    format!("{path}.question"),
                    format!("`{name}` needs a choice or yes/no question to map from"),
                );
                return None;
            }
        };
        let mut ok = true;
        for (code, category) in &f.values {
            if !codes.contains(code) {
                let hint = did_you_mean(code, codes.iter().map(String::as_str))
                    .unwrap_or_else(|| format!("the question's codes: {}", codes.join(", ")));
                self.d.error_hint(
                    "unknown-choice",
                    category.span(),
                    format!("{path}.values.{code}"),
                    format!("question `{}` has no choice `{code}`", f.question.get_ref()),
                    hint,
                );
                ok = false;
            }
            ok &= self.report_category(categories, category, &format!("{path}.values.{code}"));
        }
        if let Some(o) = &f.otherwise {
            ok &= self.report_category(categories, o, &format!("{path}.otherwise"));
        } else if let Some(missing) = codes.iter().find(|c| !f.values.contains_key(*c)) {
            self.d.warning(
                "report-unmapped",
                field.span(),
                path.clone(),
                format!(
                    "choice `{missing}` of `{}` maps to no category: it will count as unknown",
                    f.question.get_ref()
                ),
            );
        }
        ok.then(|| ReportField {
            variable,
            question,
            values: f.values.iter().map(|(k, v)| (k.clone(), v.get_ref().clone())).collect(),
            otherwise: f.otherwise.as_ref().map(|o| o.get_ref().clone()),
        })
    }

    fn report_category(&mut self, allowed: &[&str], category: &Spanned<String>, path: &str) -> bool {
        if allowed.contains(&category.get_ref().as_str()) || category.get_ref() == crate::model::NO_CATEGORY {
            return true;
        }
        let hint = did_you_mean(category.get_ref(), allowed.iter().copied()).unwrap_or_else(|| {
            format!(
                "the categories: {}, or `{}` for an answer that counts under none",
                allowed.join(", "),
                crate::model::NO_CATEGORY
            )
        });
        self.d.error_hint(
            "bad-value",
            category.span(),
            path,
            format!("`{}` is not a category of this variable", category.get_ref()),
            hint,
        );
        false
    }
}
