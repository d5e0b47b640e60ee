//! The front end's TypeScript types (`ui/src/generated/types.ts`), generated from the Rust types
//! the commands take and return, so the two cannot drift apart: the test below fails when the
//! file is not what the Rust types give. After changing a type, write the file again with
//! `FIELDSCREEN_WRITE_TYPES=1 cargo test -p fieldscreen-app --lib ts_types`.

use crate::commands::{
    AppInfo, CaseDetail, CaseQuery, LanguageView, OtherCase, ProtocolView, ReferralTrackView, ReportQuery, UiLanguage,
    UiText, UnlockSettings,
};
use crate::error::ErrorCode;
use crate::handover::{HandOverChoice, HandOverQuestion, HandOverView};
use crate::protocols::InstallView;
use crate::sync::{ConflictView, InviteView, ProgressView, SyncDone, SyncStatus};
use std::path::PathBuf;
use ts_rs::{Config, TS};

const HEADER: &str = "// Generated from the Rust types by src-tauri/src/ts_types.rs: do not edit by hand.\n\n";

fn declarations() -> String {
    // serde_json writes 64-bit integers as JSON numbers.
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(HEADER);
    macro_rules! declare {
        ($($t:ty),* $(,)?) => { $( out.push_str(&format!("export {}\n\n", <$t as TS>::decl(&cfg))); )* };
    }
    declare!(
        fieldscreen_i18n::TextDirection,
        fieldscreen_protocol::Level,
        fieldscreen_protocol::DurationUnit,
        fieldscreen_protocol::Answer,
        fieldscreen_protocol::engine::StoppedBy,
        fieldscreen_protocol::engine::EndReason,
        fieldscreen_protocol::State,
        fieldscreen_vault::CaseState,
        fieldscreen_vault::CaseSummary,
        fieldscreen_vault::Strength,
        fieldscreen_views::TextView,
        fieldscreen_views::ChoiceView,
        fieldscreen_views::QuestionView,
        fieldscreen_views::ReferralView,
        fieldscreen_views::DimensionView,
        fieldscreen_views::LevelView,
        fieldscreen_views::OutcomeView,
        fieldscreen_views::StepView,
        fieldscreen_views::TranscriptEntry,
        fieldscreen_views::HistoryView,
        fieldscreen_report::Status,
        fieldscreen_report::Step,
        fieldscreen_report::Decision,
        fieldscreen_report::DecidedBy,
        fieldscreen_report::AuthorityDecision,
        fieldscreen_report::Stage,
        fieldscreen_report::PipelineColumn,
        fieldscreen_report::PipelineRow,
        fieldscreen_report::PipelineBlock,
        fieldscreen_report::Pipeline,
        fieldscreen_report::PublishedPipeline,
        fieldscreen_vault::OrganisationType,
        fieldscreen_report::Cell,
        fieldscreen_report::PublishedTable,
        fieldscreen_sync::Stage,
        fieldscreen_sync::membership::Role,
        fieldscreen_sync::membership::MemberInfo,
        fieldscreen_sync::membership::TeamInfo,
        fieldscreen_sync::membership::JoinState,
        fieldscreen_sync::membership::JoinPreview,
        fieldscreen_sync::membership::JoinPending,
        fieldscreen_sync::membership::RequestView,
        LanguageView,
        ProtocolView,
        UiLanguage,
        AppInfo,
        UiText,
        CaseQuery,
        ReferralTrackView,
        OtherCase,
        CaseDetail,
        UnlockSettings,
        ReportQuery,
        SyncStatus,
        ProgressView,
        SyncDone,
        InviteView,
        ConflictView,
        InstallView,
        fieldscreen_views::ClipView,
        fieldscreen_views::SelfAnswerView,
        HandOverChoice,
        HandOverQuestion,
        HandOverView,
    );
    // Lists the screens offer, in the order the core gives them.
    let names = |v: Vec<&str>| v.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    let levels: Vec<&str> = fieldscreen_protocol::Level::ALL
        .iter()
        .rev()
        .map(|l| l.name())
        .collect();
    out.push_str(&format!(
        "/** Most urgent first. */\nexport const LEVELS: readonly Level[] = [{}];\n\n",
        names(levels)
    ));
    out.push_str(&format!(
        "/** A screening's result when it has none (listed beside the levels). */\nexport const INCOMPLETE = \"{}\";\n\n",
        fieldscreen_protocol::outcome::INCOMPLETE
    ));
    let statuses: Vec<&str> = fieldscreen_report::Status::ALL.iter().map(|s| s.name()).collect();
    out.push_str(&format!(
        "export const REFERRAL_STATUSES: readonly ReferralStatus[] = [{}];\n\n",
        names(statuses)
    ));
    let organisations: Vec<&str> = fieldscreen_vault::OrganisationType::ALL
        .iter()
        .map(|o| o.name())
        .collect();
    out.push_str(&format!(
        "export const ORGANISATION_TYPES: readonly OrganisationType[] = [{}];\n\n",
        names(organisations)
    ));
    let decisions: Vec<&str> = fieldscreen_report::Decision::ALL.iter().map(|d| d.name()).collect();
    out.push_str(&format!(
        "export const DECISIONS: readonly Decision[] = [{}];\n\n",
        names(decisions)
    ));
    let deciders: Vec<&str> = fieldscreen_report::DecidedBy::ALL.iter().map(|d| d.name()).collect();
    out.push_str(&format!(
        "export const DECIDED_BY: readonly DecidedBy[] = [{}];\n\n",
        names(deciders)
    ));
    out.push_str(&key_families_ts());
    // `CommandError` serialises by hand (its text is localised when it is sent).
    let codes: Vec<String> = ErrorCode::ALL.iter().map(|c| format!("\"{}\"", c.as_str())).collect();
    out.push_str(&format!("export type ErrorCode = {};\n\n", codes.join(" | ")));
    out.push_str(
        "export type CommandError = { code: ErrorCode, text: string, wait_secs: number | null, remaining: number | null, };\n",
    );
    out
}

/// The message families the screens build keys from at run time (`t(`app-state-${s}`)`), each
/// with every value the core can give: the hard-coded-text check accepts a computed key only
/// from these, and the test below finds every member in every language.
fn key_families() -> Vec<(&'static str, Vec<String>)> {
    use fieldscreen_protocol::Kind;
    let names = |v: Vec<&str>| v.into_iter().map(str::to_string).collect::<Vec<_>>();
    let mut results: Vec<&str> = fieldscreen_protocol::Level::ALL.iter().map(|l| l.name()).collect();
    results.push(fieldscreen_protocol::outcome::INCOMPLETE);
    // The kinds answered by typing, each with a hint of the form expected.
    let typed = [
        Kind::Number { min: 0, max: 0 },
        Kind::Date,
        Kind::Duration,
        Kind::Country,
        Kind::Language,
        Kind::Text,
    ];
    vec![
        ("app-state-", names(fieldscreen_vault::CaseState::names())),
        (
            "app-referral-",
            names(fieldscreen_report::Status::ALL.iter().map(|s| s.name()).collect()),
        ),
        ("fs-level-", names(results)),
        ("app-hint-", names(typed.iter().map(Kind::name).collect())),
        (
            "app-sync-stage-",
            names(fieldscreen_sync::Stage::ALL.iter().map(|s| s.name()).collect()),
        ),
        (
            "app-team-member-",
            names(
                fieldscreen_sync::membership::Role::ALL
                    .iter()
                    .map(|r| r.as_str())
                    .collect(),
            ),
        ),
        (
            "app-duress-",
            names(fieldscreen_vault::DuressAction::ALL.iter().map(|a| a.name()).collect()),
        ),
        // Every kind of organisation, and the pipeline's `all` and `unknown` blocks.
        ("app-organisation-", names(fieldscreen_report::pipeline_blocks())),
        (
            "app-decision-",
            names(fieldscreen_report::Decision::ALL.iter().map(|d| d.name()).collect()),
        ),
        (
            "app-decided-by-",
            names(fieldscreen_report::DecidedBy::ALL.iter().map(|d| d.name()).collect()),
        ),
        (
            "app-stage-",
            names(fieldscreen_report::Stage::ALL.iter().map(|s| s.name()).collect()),
        ),
        (
            "app-age-group-",
            names(fieldscreen_report::PIPELINE_AGE_GROUPS.to_vec()),
        ),
        (
            "app-pipeline-gender-",
            names(fieldscreen_report::PIPELINE_GENDERS.to_vec()),
        ),
    ]
}

fn key_families_ts() -> String {
    let families: Vec<String> = key_families()
        .into_iter()
        .map(|(prefix, values)| {
            let values: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
            format!("  \"{prefix}\": [{}],", values.join(", "))
        })
        .collect();
    format!(
        "/** The message families the screens build keys from at run time, with every value. */\nexport const KEY_FAMILIES: Record<string, readonly string[]> = {{\n{}\n}};\n\n",
        families.join("\n")
    )
}

#[test]
fn every_key_the_screens_build_is_in_every_language() {
    let localizer = fieldscreen_catalog::Catalog::bundled()
        .app_localizer()
        .expect("app strings");
    let mut missing = Vec::new();
    for lang in localizer.languages() {
        for (prefix, values) in key_families() {
            for v in values {
                let key = format!("{prefix}{v}");
                if !localizer.has(&lang, &key) {
                    missing.push(format!("{lang}: {key}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{} missing:\n{}", missing.len(), missing.join("\n"));
}

fn generated_file() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/generated/types.ts")
}

#[test]
fn the_front_ends_types_are_the_rust_types() {
    let want = declarations();
    let path = generated_file();
    if std::env::var_os("FIELDSCREEN_WRITE_TYPES").is_some() {
        std::fs::write(&path, &want).expect("write the generated types");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is not what the Rust types give: run FIELDSCREEN_WRITE_TYPES=1 cargo test -p fieldscreen-app --lib ts_types",
        path.display()
    );
}
