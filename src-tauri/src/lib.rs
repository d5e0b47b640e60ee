//! The FieldScreen app: a thin Tauri 2 shell. Every command below adapts a call into the core
//! crates (catalog, protocol engine, vault) and returns a view the web front end can show; no
//! screening logic lives here.

mod commands;
mod error;
mod handover;
mod identification;
mod protocols;
mod state;
mod sync;
#[cfg(test)]
mod ts_types;

/// The entry point for desktop (`main.rs`) and for the mobile builds.
#[cfg_attr(mobile, tauri::mobile_entry_point)]
pub fn run() {
    let state = state::AppState::new();
    let result = tauri::Builder::default()
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::ui_text,
            commands::create_vault,
            commands::unlock,
            commands::lock,
            commands::list_cases,
            commands::start_interview,
            commands::resume_interview,
            commands::current,
            commands::answer,
            commands::skip,
            commands::back,
            commands::stop,
            commands::set_override,
            commands::case_detail,
            commands::change_passphrase,
            commands::passphrase_strength,
            commands::unlock_settings,
            commands::set_duress,
            commands::set_erase_after,
            commands::ready,
            commands::report,
            commands::move_referral,
            identification::organisation_type,
            identification::set_organisation_type,
            identification::set_same_person,
            identification::decide_referral,
            identification::report_pipeline,
            protocols::install_protocol,
            handover::hand_over,
            handover::hand_over_current,
            handover::hand_over_answer,
            handover::hand_over_stop,
            handover::hand_back,
            sync::sync_status,
            sync::sync_now,
            sync::team_create,
            sync::team_invite,
            sync::team_join_preview,
            sync::team_join,
            sync::team_join_status,
            sync::team_requests,
            sync::team_approve,
            sync::team_refuse,
            sync::team_revoke,
            sync::team_rotate,
            sync::team_set_admin,
            sync::team_leave,
            sync::conflict_list,
            sync::resolve_conflict,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("FieldScreen could not start: {e}");
        std::process::exit(1);
    }
}
