//! The front end's TypeScript types (`ui/src/generated/types.ts`), generated from the Rust types
//! the commands take and return, so the two cannot drift apart: the test below fails when the
//! file is not what the Rust types give. After changing a type, write the file again with
//! `FIELDSCREEN_WRITE_TYPES=1 cargo test -p fieldscreen-app --lib ts_types`.

use crate::commands::{
    AppInfo, CaseDetail, CaseQuery, LanguageView, ProtocolView, ReferralTrackView, ReportQuery, UiLanguage, UiText,
    UnlockSettings,
};
use crate::error::ErrorCode;
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
        CaseDetail,
        UnlockSettings,
        ReportQuery,
        SyncStatus,
        ProgressView,
        SyncDone,
        InviteView,
        ConflictView,
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
    // `CommandError` serialises by hand (its text is localised when it is sent).
    let codes: Vec<String> = ErrorCode::ALL.iter().map(|c| format!("\"{}\"", c.as_str())).collect();
    out.push_str(&format!("export type ErrorCode = {};\n\n", codes.join(" | ")));
    out.push_str(
        "export type CommandError = { code: ErrorCode, text: string, wait_secs: number | null, remaining: number | null, };\n",
    );
    out
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
