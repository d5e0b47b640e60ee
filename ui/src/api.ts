// Thin wrappers over the Tauri commands; every text arrives already localised.
import { invoke } from "@tauri-apps/api/core";

export type Dir = "ltr" | "rtl";
export interface TextView { text: string; lang: string; dir: Dir; fell_back: boolean }
export interface ChoiceView { code: string; labels: TextView[] }
export interface QuestionView {
  id: string; kind: string; section: TextView; section_note: TextView | null; observed: boolean;
  text: TextView[]; note: TextView | null; choices: ChoiceView[]; min: number | null; max: number | null;
  required: boolean; done: number; total: number; answer: unknown;
}
export interface ReferralView { name: string; phone: string; hours: string; description: TextView | null; example: boolean; mandatory_report: boolean }
export interface DimensionView { label: TextView; met: boolean; indicators: TextView[] }
export interface LevelView { code: string; text: TextView }
export interface OutcomeView {
  level: string; level_text: TextView; computed: TextView | null; override_reason: string | null; levels: LevelView[]; reasons: TextView[]; dimensions: DimensionView[]; emergency: TextView | null;
  referrals: ReferralView[]; safety_notes: TextView[]; statement: TextView; complete: boolean;
}
export type StepView =
  | ({ step: "question" } & QuestionView)
  | { step: "finished"; state: { state: string; reason?: string }; outcome: OutcomeView | null; case_id: string | null };
export interface LanguageView { tag: string; dir: Dir; draft: boolean }
export interface ProtocolView { id: string; version: string; title: TextView; languages: LanguageView[] }
export interface UiLanguage { tag: string; name: string; dir: Dir }
export interface AppInfo { vault_exists: boolean; unlocked: boolean; ui_languages: UiLanguage[]; protocols: ProtocolView[] }
export interface UiText { lang: string; dir: Dir; strings: Record<string, string> }
export interface CaseSummary { id: string; protocol_id: string; protocol_version: string; created_at: string; state: string; level: string | null; updated_at: string; answer_count: number }
export interface CaseQuery { level: string | null; from: string | null; to: string | null; id_prefix: string | null; limit: number | null }
export interface TranscriptEntry { question_id: string; section: TextView; question: TextView; answer: TextView; applies: boolean }
export interface HistoryView { time: string; question_id: string; question: TextView | null; answer: TextView | null }
export interface ReferralStep { status: string; date: string; reason?: string }
export interface ReferralTrackView { id: string; name: string; category: string; status: string; steps: ReferralStep[]; next: string[]; needs_reason: string[] }
export interface CaseDetail {
  id: string; protocol_id: string; protocol_version: string; created_at: string; interviewer_lang: string; respondent_lang: string | null;
  state: string; transcript: TranscriptEntry[]; history: HistoryView[]; unknown_answers: string[]; outcome: OutcomeView | null; referrals: ReferralTrackView[];
}
export interface ReportCell { key: string[]; count: number | null }
export interface ReportTable { variables: string[]; from: string; to: string; k: number; categories: string[][]; cells: ReportCell[] }
export interface CommandError { code: string; message: string; wait_secs: number | null; remaining?: number | null }
export interface Strength { score: number; enough: boolean; warning: string | null }
export interface UnlockSettings {
  duress: string | null; erase_after: number | null; show_remaining: boolean; duress_choices: string[]; erase_choices: number[];
}
export interface MemberInfo { device: string; name: string; role: "admin" | "member" | "revoked"; this_device: boolean }
export interface TeamInfo {
  team_id: string; team_name: string; device_id: string; relay: string; admin: boolean; revoked: boolean; epoch: number; members: MemberInfo[];
}
export type JoinState =
  | { state: "not-joining" } | { state: "pending"; team_name: string; comparison: string }
  | { state: "joined"; team_id: string; team_name: string } | { state: "refused" };
export interface JoinPreview { relay_host: string; team_id: string; team_name: string; inviter_name: string }
export interface JoinPending { team_name: string; relay_host: string; comparison: string; nth: number }
export interface RequestView { device: string; name: string; invitation: string; comparison: string; on_invitation: number; at: number }
export interface SyncStatus {
  team: TeamInfo | null; joining: JoinState | null; legacy: boolean; last_synced: string | null; pending: number; conflicts: number;
  set_aside: number; missing: number;
}
export interface SyncDone { sent: number; received: number; new_cases: number; changed_cases: number; conflicts: number }
export interface SyncProgress { stage: "packing" | "uploading" | "downloading"; done: number; total: number }
export interface InviteView { id: string; code: string; qr: string | null; ttl_seconds: number }
export interface ConflictView { case_id: string; question_id: string; question: TextView; values: TextView[] }

export type Answer =
  | { type: "yes" } | { type: "no" } | { type: "dont-know" } | { type: "prefer-not-to-say" } | { type: "acknowledged" }
  | { type: "choice"; value: string } | { type: "choices"; value: string[] } | { type: "number"; value: number }
  | { type: "text"; value: string } | { type: "country"; value: string } | { type: "language"; value: string }
  | { type: "date"; value: string } | { type: "duration"; value: { amount: number; unit: string } };

export const api = {
  appInfo: (lang: string) => invoke<AppInfo>("app_info", { lang }),
  uiText: (lang: string) => invoke<UiText>("ui_text", { lang }),
  createVault: (passphrase: string) => invoke<void>("create_vault", { passphrase }),
  unlock: (passphrase: string) => invoke<void>("unlock", { passphrase }),
  lock: () => invoke<void>("lock"),
  listCases: (query: CaseQuery) => invoke<CaseSummary[]>("list_cases", { query }),
  caseDetail: (caseId: string, lang: string) => invoke<CaseDetail>("case_detail", { caseId, lang }),
  moveReferral: (caseId: string, referralId: string, status: string, reason: string | null, lang: string) =>
    invoke<CaseDetail>("move_referral", { caseId, referralId, status, reason, lang }),
  changePassphrase: (current: string, next: string, rekey: boolean) => invoke<void>("change_passphrase", { current, new: next, rekey }),
  passphraseStrength: (passphrase: string) => invoke<Strength>("passphrase_strength", { passphrase }),
  unlockSettings: () => invoke<UnlockSettings>("unlock_settings"),
  setDuress: (current: string, duress: string, action: string | null) => invoke<void>("set_duress", { current, duress, action }),
  setEraseAfter: (eraseAfter: number | null, showRemaining: boolean) => invoke<void>("set_erase_after", { eraseAfter, showRemaining }),
  setOverride: (level: string, reason: string) => invoke<StepView>("set_override", { level, reason }),
  ready: () => invoke<void>("ready"),
  report: (by: string[], from: string, to: string) => invoke<ReportTable>("report", { query: { by, from, to } }),
  startInterview: (protocol: string, lang: string, respondent: string | null) =>
    invoke<StepView>("start_interview", { protocol, lang, respondent }),
  resumeInterview: (caseId: string) => invoke<StepView>("resume_interview", { caseId }),
  answer: (value: Answer) => invoke<StepView>("answer", { value }),
  skip: () => invoke<StepView>("skip"),
  back: () => invoke<StepView>("back"),
  stop: () => invoke<StepView>("stop"),
  syncStatus: () => invoke<SyncStatus>("sync_status"),
  syncNow: () => invoke<SyncDone>("sync_now"),
  teamCreate: (relay: string, name: string, createSecret: string | null) =>
    invoke<TeamInfo>("team_create", { relay, name, createSecret }),
  teamInvite: (minutes: number) => invoke<InviteView>("team_invite", { minutes }),
  teamJoinPreview: (code: string) => invoke<JoinPreview>("team_join_preview", { code }),
  teamJoin: (code: string, sendCases: boolean) => invoke<JoinPending>("team_join", { code, sendCases }),
  teamJoinStatus: () => invoke<JoinState>("team_join_status"),
  teamRequests: () => invoke<RequestView[]>("team_requests"),
  teamApprove: (device: string, comparison: string) => invoke<void>("team_approve", { device, comparison }),
  teamRefuse: (device: string) => invoke<void>("team_refuse", { device }),
  teamRevoke: (device: string) => invoke<void>("team_revoke", { device }),
  teamRotate: () => invoke<number>("team_rotate"),
  teamSetAdmin: (device: string, admin: boolean) => invoke<void>("team_set_admin", { device, admin }),
  teamLeave: () => invoke<void>("team_leave"),
  conflictList: (lang: string) => invoke<ConflictView[]>("conflict_list", { lang }),
  resolveConflict: (caseId: string, question: string, keep: number) => invoke<void>("resolve_conflict", { caseId, question, keep }),
};
