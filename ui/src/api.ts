// Thin wrappers over the Tauri commands; every text arrives already localised.
import { invoke } from "@tauri-apps/api/core";

// Every type a command takes or returns is generated from its Rust type (generated/types.ts);
// none is written here.
import type {
  AppInfo, Answer, CaseDetail, HandOverView, InstallView, CaseQuery, CaseSummary, Cell, ConflictView, DecidedBy, Decision, InviteView, JoinPending,
  JoinPreview, JoinState, Level, OrganisationType, ProgressView, PublishedPipeline, PublishedTable, ReferralStatus,
  RequestView, StepView, Strength, SyncDone, SyncStatus, TeamInfo, TextDirection, UiText, UnlockSettings,
} from "./generated/types";
export type * from "./generated/types";
export { DECIDED_BY, DECISIONS, INCOMPLETE, LEVELS, ORGANISATION_TYPES, REFERRAL_STATUSES } from "./generated/types";
export type Dir = TextDirection;
export type ReportTable = PublishedTable;
export type ReportCell = Cell;
export type SyncProgress = ProgressView;

// `text` is the error's message in the screens' language (chosen by its code on the Rust side);
// the core's own English sentence never reaches the front end.
export function errorText(e: unknown): string {
  const text = (e as { text?: unknown } | null)?.text;
  return typeof text === "string" ? text : String(e);
}

export const api = {
  appInfo: (lang: string) => invoke<AppInfo>("app_info", { lang }),
  uiText: (lang: string) => invoke<UiText>("ui_text", { lang }),
  createVault: (passphrase: string) => invoke<void>("create_vault", { passphrase }),
  unlock: (passphrase: string) => invoke<void>("unlock", { passphrase }),
  lock: () => invoke<void>("lock"),
  listCases: (query: CaseQuery) => invoke<CaseSummary[]>("list_cases", { query }),
  caseDetail: (caseId: string, lang: string) => invoke<CaseDetail>("case_detail", { caseId, lang }),
  moveReferral: (caseId: string, referralId: string, status: ReferralStatus, reason: string | null, lang: string) =>
    invoke<CaseDetail>("move_referral", { caseId, referralId, status, reason, lang }),
  changePassphrase: (current: string, next: string, rekey: boolean) => invoke<void>("change_passphrase", { current, new: next, rekey }),
  passphraseStrength: (passphrase: string) => invoke<Strength>("passphrase_strength", { passphrase }),
  unlockSettings: () => invoke<UnlockSettings>("unlock_settings"),
  setDuress: (current: string, duress: string, action: string | null) => invoke<void>("set_duress", { current, duress, action }),
  setEraseAfter: (eraseAfter: number | null, showRemaining: boolean) => invoke<void>("set_erase_after", { eraseAfter, showRemaining }),
  setOverride: (level: Level, reason: string) => invoke<StepView>("set_override", { level, reason }),
  ready: () => invoke<void>("ready"),
  report: (by: string[], from: string, to: string) => invoke<ReportTable>("report", { query: { by, from, to } }),
  reportPipeline: (from: string, to: string) => invoke<PublishedPipeline>("report_pipeline", { from, to }),
  organisationType: () => invoke<OrganisationType | null>("organisation_type"),
  setOrganisationType: (organisation: OrganisationType | null) => invoke<void>("set_organisation_type", { organisation }),
  installProtocol: (path: string, lang: string) => invoke<InstallView>("install_protocol", { path, lang }),
  setSamePerson: (caseId: string, earlier: string | null, lang: string) =>
    invoke<CaseDetail>("set_same_person", { caseId, earlier, lang }),
  decideReferral: (caseId: string, referralId: string, decision: Decision, decidedBy: DecidedBy, date: string | null, lang: string) =>
    invoke<CaseDetail>("decide_referral", { caseId, referralId, decision, decidedBy, date, lang }),
  startInterview: (protocol: string, lang: string, respondent: string | null) =>
    invoke<StepView>("start_interview", { protocol, lang, respondent }),
  resumeInterview: (caseId: string) => invoke<StepView>("resume_interview", { caseId }),
  answer: (value: Answer) => invoke<StepView>("answer", { value }),
  skip: () => invoke<StepView>("skip"),
  back: () => invoke<StepView>("back"),
  stop: () => invoke<StepView>("stop"),
  // Hand-over: while the respondent answers alone, only these reach the core.
  handOver: (pin: string) => invoke<HandOverView>("hand_over", { pin }),
  handOverAnswer: (value: Answer) => invoke<HandOverView>("hand_over_answer", { value }),
  handOverStop: () => invoke<HandOverView>("hand_over_stop"),
  handBack: (pin: string) => invoke<StepView>("hand_back", { pin }),
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
