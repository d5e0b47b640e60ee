// Generated from the Rust types by src-tauri/src/ts_types.rs: do not edit by hand.

export type TextDirection = "ltr" | "rtl";

export type Level = "no-indication" | "labour-rights-concern" | "assess-further" | "refer-now";

export type DurationUnit = "days" | "weeks" | "months" | "years";

export type Answer = { "type": "yes" } | { "type": "no" } | { "type": "choice", "value": string } | { "type": "choices", "value": Array<string> } | { "type": "number", "value": number } | { "type": "date", "value": string } | { "type": "duration", "value": { amount: number, unit: DurationUnit, } } | { "type": "country", "value": string } | { "type": "language", "value": string } | { "type": "text", "value": string } | { "type": "acknowledged" } | { "type": "dont-know" } | { "type": "prefer-not-to-say" };

export type StoppedBy = "respondent" | "interviewer";

export type EndReason = { "reason": "stopped", by: StoppedBy, } | { "reason": "emergency", rule: string, } | { "reason": "consent-refused" } | { "reason": "postponed-for-safety" };

export type State = { "state": "in-progress" } | { "state": "completed" } | { "state": "ended" } & EndReason;

export type CaseState = "in-progress" | "completed" | "stopped" | "emergency" | "consent-refused" | "postponed";

export type CaseSummary = { id: string, protocol_id: string, protocol_version: string, created_at: string, updated_at: string, state: CaseState, level: string | null, age_group: string | null, consent: string | null, answer_count: number, };

export type Strength = { 
/**
 * 0 (guessed at once) to 4 (very hard).
 */
score: number, 
/**
 * Whether a new vault may use it.
 */
enough: boolean, 
/**
 * zxcvbn's own warning (English), when it has one.
 */
warning: string | null, };

export type TextView = { text: string, lang: string, dir: TextDirection, 
/**
 * Shown in a language other than the one asked for.
 */
fell_back: boolean, };

export type ChoiceView = { code: string, labels: Array<TextView>, };

export type QuestionView = { id: string, kind: string, section: TextView, section_note: TextView | null, 
/**
 * Interviewer only: observed, never read aloud.
 */
observed: boolean, text: Array<TextView>, note: TextView | null, choices: Array<ChoiceView>, min: number | null, max: number | null, required: boolean, done: number, total: number, answer: Answer | null, };

export type ReferralView = { name: string, phone: string, hours: string, description: TextView | null, example: boolean, mandatory_report: boolean, };

export type DimensionView = { label: TextView, met: boolean, indicators: Array<TextView>, };

export type LevelView = { code: Level, text: TextView, };

export type OutcomeView = { level: string, level_text: TextView, 
/**
 * What the rules gave, when the interviewer overrode it.
 */
computed: TextView | null, override_reason: string | null, 
/**
 * Every level, for the override control.
 */
levels: Array<LevelView>, reasons: Array<TextView>, dimensions: Array<DimensionView>, emergency: TextView | null, referrals: Array<ReferralView>, safety_notes: Array<TextView>, statement: TextView, complete: boolean, };

export type StepView = { "step": "question" } & QuestionView | { "step": "finished", state: State, outcome: OutcomeView | null, case_id: string | null, };

export type TranscriptEntry = { question_id: string, section: TextView, question: TextView, answer: TextView, 
/**
 * False when a later answer made the question no longer apply; the answer is kept.
 */
applies: boolean, };

export type HistoryView = { 
/**
 * RFC 3339, UTC.
 */
time: string, question_id: string, question: TextView | null, 
/**
 * None: the answer was cleared.
 */
answer: TextView | null, };

export type ReferralStatus = "suggested" | "offered" | "accepted" | "declined" | "contacted" | "service-received" | "service-not-received";

export type ReferralStep = { status: ReferralStatus, date: string, reason?: string | null, };

export type Cell = { key: Array<string>, count: number | null, };

export type PublishedTable = { 
/**
 * Serialised by their names (`Variable::name`).
 */
variables: string[], from: string, to: string, k: number, 
/**
 * Categories per variable, in order.
 */
categories: Array<Array<string>>, 
/**
 * Cells first (row by row), then totals.
 */
cells: Array<Cell>, };

export type Stage = "packing" | "uploading" | "downloading";

export type Role = "admin" | "member" | "revoked";

export type MemberInfo = { device: string, name: string, role: Role, this_device: boolean, };

export type TeamInfo = { team_id: string, team_name: string, device_id: string, relay: string, admin: boolean, revoked: boolean, epoch: number, members: Array<MemberInfo>, };

export type JoinState = { "state": "not-joining" } | { "state": "pending", team_name: string, comparison: string, } | { "state": "joined", team_id: string, team_name: string, } | { "state": "refused" };

export type JoinPreview = { relay_host: string, team_id: string, team_name: string, inviter_name: string, };

export type JoinPending = { team_name: string, relay_host: string, 
/**
 * Six digits the admin's screen must show too.
 */
comparison: string, 
/**
 * Requests the invitation has had, this one included (more than one: someone else has it).
 */
nth: number, };

export type RequestView = { device: string, name: string, invitation: string, 
/**
 * What the joining device's screen shows; approve only if it matches.
 */
comparison: string, 
/**
 * Requests on the same invitation: more than one means someone else has the code.
 */
on_invitation: number, 
/**
 * When it arrived (seconds since 1970, the relay's clock).
 */
at: number, };

export type LanguageView = { tag: string, dir: TextDirection, draft: boolean, };

export type ProtocolView = { id: string, version: string, title: TextView, languages: Array<LanguageView>, };

export type UiLanguage = { tag: string, name: string, dir: TextDirection, };

export type AppInfo = { vault_exists: boolean, unlocked: boolean, ui_languages: Array<UiLanguage>, protocols: Array<ProtocolView>, };

export type UiText = { lang: string, dir: TextDirection, strings: { [key in string]: string }, };

export type CaseQuery = { level: string | null, from: string | null, to: string | null, id_prefix: string | null, limit: number | null, };

export type ReferralTrackView = { id: string, name: string, category: string, status: ReferralStatus, steps: Array<ReferralStep>, next: Array<ReferralStatus>, 
/**
 * Of `next`, those that need a reason.
 */
needs_reason: Array<ReferralStatus>, };

export type CaseDetail = { id: string, protocol_id: string, protocol_version: string, created_at: string, interviewer_lang: string, respondent_lang: string | null, 
/**
 * As in the case list.
 */
state: CaseState, transcript: Array<TranscriptEntry>, history: Array<HistoryView>, 
/**
 * Stored answers this protocol version does not know.
 */
unknown_answers: Array<string>, outcome: OutcomeView | null, referrals: Array<ReferralTrackView>, };

export type UnlockSettings = { 
/**
 * The duress answer's name (`DuressAction::name`), if one is set.
 */
duress: string | null, erase_after: number | null, show_remaining: boolean, 
/**
 * What the screen may offer.
 */
duress_choices: Array<string>, erase_choices: Array<number>, };

export type ReportQuery = { by: Array<string>, from: string, to: string, };

export type SyncStatus = { team: TeamInfo | null, joining: JoinState | null, 
/**
 * A team of the first model is stored: the device must join again.
 */
legacy: boolean, last_synced: string | null, pending: number, conflicts: number, set_aside: number, missing: number, };

export type ProgressView = { stage: Stage, done: number, total: number, };

export type SyncDone = { sent: number, received: number, new_cases: number, changed_cases: number, conflicts: number, };

export type InviteView = { id: string, code: string, 
/**
 * The code as a QR code (SVG markup; the screen shows it as an image).
 */
qr: string | null, 
/**
 * How long it lives from now; the screen counts down and hides it at zero.
 */
ttl_seconds: number, };

export type ConflictView = { case_id: string, question_id: string, question: TextView, 
/**
 * Every value, as words in the app's language, in the order `resolve_conflict` numbers.
 */
values: Array<TextView>, };

/** Most urgent first. */
export const LEVELS: readonly Level[] = ["refer-now", "assess-further", "labour-rights-concern", "no-indication"];

/** A screening's result when it has none (listed beside the levels). */
export const INCOMPLETE = "incomplete";

export const REFERRAL_STATUSES: readonly ReferralStatus[] = ["suggested", "offered", "accepted", "declined", "contacted", "service-received", "service-not-received"];

export type ErrorCode = "wrong-passphrase" | "locked-out" | "weak-passphrase" | "duress-same" | "counter-unwritable" | "damaged" | "no-vault" | "vault-exists" | "no-data-directory" | "not-encrypted" | "setting-refused" | "storage" | "cancelled" | "locked" | "busy" | "app-state" | "unknown-case" | "protocol" | "language" | "date" | "no-interview" | "interview-ended" | "answer-required" | "answer-out-of-range" | "answer-constraint" | "answer-invalid" | "referral-status" | "referral-order" | "referral-reason" | "referral-date" | "referral-unknown" | "referral-no-outcome" | "report-variable" | "report-request" | "offline" | "relay-refused" | "no-team" | "already-in-team" | "legacy-team" | "not-admin" | "revoked" | "invitation-code" | "insecure-relay" | "not-invited-by-admin" | "no-such-request" | "comparison-mismatch" | "team-busy" | "sync" | "conflict";

export type CommandError = { code: ErrorCode, text: string, wait_secs: number | null, remaining: number | null, };
