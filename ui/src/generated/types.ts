// Generated from the Rust types by src-tauri/src/ts_types.rs: do not edit by hand.

export type TextDirection = "ltr" | "rtl";

export type Level = "no-indication" | "labour-rights-concern" | "assess-further" | "refer-now";

export type DurationUnit = "days" | "weeks" | "months" | "years";

export type Answer = { "type": "yes" } | { "type": "no" } | { "type": "choice", "value": string } | { "type": "choices", "value": Array<string> } | { "type": "number", "value": number } | { "type": "date", "value": string } | { "type": "duration", "value": { 
/**
 * How many units.
 */
amount: number, 
/**
 * Of what.
 */
unit: DurationUnit, } } | { "type": "country", "value": string } | { "type": "language", "value": string } | { "type": "text", "value": string } | { "type": "acknowledged" } | { "type": "dont-know" } | { "type": "prefer-not-to-say" };

export type StoppedBy = "respondent" | "interviewer";

export type EndReason = { "reason": "stopped", 
/**
 * Who.
 */
by: StoppedBy, } | { "reason": "emergency", 
/**
 * The rule's id.
 */
rule: string, } | { "reason": "consent-refused" } | { "reason": "postponed-for-safety" };

export type State = { "state": "in-progress" } | { "state": "completed" } | { "state": "ended" } & EndReason;

export type CaseState = "in-progress" | "completed" | "stopped" | "emergency" | "consent-refused" | "postponed";

export type CaseSummary = { 
/**
 * The case's id.
 */
id: string, 
/**
 * Its protocol.
 */
protocol_id: string, 
/**
 * The protocol's version it was recorded with.
 */
protocol_version: string, 
/**
 * When its interview began (RFC 3339), the same on every device.
 */
created_at: string, 
/**
 * When it last changed on this device (RFC 3339).
 */
updated_at: string, 
/**
 * Where it stands.
 */
state: CaseState, 
/**
 * The outcome level (or `incomplete`), once the interview has ended.
 */
level: string | null, 
/**
 * `adult` or `child`, once the age gate has placed the person.
 */
age_group: string | null, 
/**
 * The consent choice given.
 */
consent: string | null, 
/**
 * Questions answered.
 */
answer_count: number, };

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

export type TextView = { 
/**
 * The text itself.
 */
text: string, 
/**
 * The language it is in (the `lang` attribute).
 */
lang: string, 
/**
 * Which way it runs (the `dir` attribute).
 */
dir: TextDirection, 
/**
 * Shown in a language other than the one asked for.
 */
fell_back: boolean, };

export type ChoiceView = { 
/**
 * What is stored when it is chosen.
 */
code: string, 
/**
 * Its label in the interviewer's language, then the respondent's.
 */
labels: Array<TextView>, 
/**
 * Its label spoken in the respondent's language (self-answer questions).
 */
clip: ClipView | null, };

export type QuestionView = { 
/**
 * Its id in the protocol.
 */
id: string, 
/**
 * What kind of answer it takes (`yes-no`, `single`, `number`, …).
 */
kind: string, 
/**
 * The title of its section.
 */
section: TextView, 
/**
 * What the interviewer is asked to keep in mind in this section.
 */
section_note: TextView | null, 
/**
 * Interviewer only: observed, never read aloud.
 */
observed: boolean, 
/**
 * The question in the interviewer's language, then the respondent's.
 */
text: Array<TextView>, 
/**
 * A note for the interviewer.
 */
note: TextView | null, 
/**
 * Its choices, for a single or multiple choice.
 */
choices: Array<ChoiceView>, 
/**
 * The smallest number it takes.
 */
min: number | null, 
/**
 * The largest number it takes.
 */
max: number | null, 
/**
 * It cannot be skipped.
 */
required: boolean, 
/**
 * Visible questions passed so far.
 */
done: number, 
/**
 * Visible questions in all: it changes as answers change what applies.
 */
total: number, 
/**
 * The answer already given, when the interviewer came back to it.
 */
answer: Answer | null, 
/**
 * Set for a question of a self-answer section: what the respondent hears and sees alone.
 */
self_answer: SelfAnswerView | null, };

export type ReferralView = { 
/**
 * The service's name.
 */
name: string, 
/**
 * How to reach it.
 */
phone: string, 
/**
 * When it answers.
 */
hours: string, 
/**
 * What it does.
 */
description: TextView | null, 
/**
 * A placeholder the protocol ships with, to be replaced by a real local service.
 */
example: boolean, 
/**
 * A report to this service is mandatory (the person should know before they agree).
 */
mandatory_report: boolean, };

export type DimensionView = { 
/**
 * Its name.
 */
label: TextView, 
/**
 * Its indicators are enough to meet it.
 */
met: boolean, 
/**
 * The indicators that fired in it.
 */
indicators: Array<TextView>, };

export type LevelView = { 
/**
 * The level.
 */
code: Level, 
/**
 * The level in words.
 */
text: TextView, };

export type OutcomeView = { 
/**
 * The level's name, or `incomplete`.
 */
level: string, 
/**
 * The level in words.
 */
level_text: TextView, 
/**
 * What the rules gave, when the interviewer overrode it.
 */
computed: TextView | null, 
/**
 * Why the interviewer overrode the level.
 */
override_reason: string | null, 
/**
 * Every level, for the override control.
 */
levels: Array<LevelView>, 
/**
 * Why the rules concluded what they did.
 */
reasons: Array<TextView>, 
/**
 * Each dimension, met or not, with its indicators.
 */
dimensions: Array<DimensionView>, 
/**
 * What to do now, when a stop rule fired.
 */
emergency: TextView | null, 
/**
 * Services to offer.
 */
referrals: Array<ReferralView>, 
/**
 * What the interviewer must keep in mind for the person's safety.
 */
safety_notes: Array<TextView>, 
/**
 * What the outcome is and is not (a screening, not an identification).
 */
statement: TextView, 
/**
 * Every question was passed.
 */
complete: boolean, };

export type StepView = { "step": "question" } & QuestionView | { "step": "finished", 
/**
 * How it ended.
 */
state: State, 
/**
 * Its outcome, unless consent was refused or the screening postponed.
 */
outcome: OutcomeView | null, 
/**
 * The case it is stored as (none in practice, or when nothing was stored).
 */
case_id: string | null, };

export type TranscriptEntry = { 
/**
 * The question's id.
 */
question_id: string, 
/**
 * The title of its section.
 */
section: TextView, 
/**
 * The question.
 */
question: TextView, 
/**
 * The answer, in words.
 */
answer: TextView, 
/**
 * False when a later answer made the question no longer apply; the answer is kept.
 */
applies: boolean, };

export type HistoryView = { 
/**
 * RFC 3339, UTC.
 */
time: string, 
/**
 * The question's id.
 */
question_id: string, 
/**
 * The question, when this protocol version still has it.
 */
question: TextView | null, 
/**
 * None: the answer was cleared.
 */
answer: TextView | null, };

export type ReferralStatus = "suggested" | "offered" | "accepted" | "declined" | "contacted" | "service-received" | "service-not-received";

export type ReferralStep = { 
/**
 * What happened.
 */
status: ReferralStatus, 
/**
 * When.
 */
date: string, 
/**
 * Why, for a refusal or a failure.
 */
reason?: string | null, };

export type Decision = "identified" | "not-identified" | "pending";

export type DecidedBy = "police" | "ngo" | "court-or-prosecution" | "non-police-government" | "other";

export type AuthorityDecision = { 
/**
 * What was decided.
 */
decision: Decision, 
/**
 * When.
 */
date: string, 
/**
 * By whom.
 */
decided_by: DecidedBy, };

export type PipelineStage = "screened" | "screened-positive" | "refer-now" | "referred" | "identified" | "assisted";

export type PipelineColumn = { 
/**
 * `woman`, `man`, `other` or `unknown` (not said, or not asked).
 */
gender: string, 
/**
 * `adult`, `minor` (presumed minors included) or `unknown`.
 */
age_group: string, };

export type PipelineRow = { 
/**
 * The stage.
 */
stage: PipelineStage, 
/**
 * One per column (empty in a block per organisation, which gives totals only).
 */
cells: Array<number | null>, 
/**
 * Every person of the block at this stage.
 */
total: number | null, };

export type PipelineBlock = { 
/**
 * `all`, an organisation type's name, or `unknown`.
 */
organisation: string, 
/**
 * One per stage, in `Stage::ALL` order.
 */
rows: Array<PipelineRow>, };

export type Pipeline = { 
/**
 * The first month counted.
 */
from: string, 
/**
 * The last month counted.
 */
to: string, 
/**
 * Counts under k are hidden.
 */
k: number, 
/**
 * The columns of the `all` block.
 */
columns: Array<PipelineColumn>, 
/**
 * `all` first, then each kind of organisation, then `unknown`.
 */
blocks: Array<PipelineBlock>, };

export type PublishedPipeline = { 
/**
 * The counts, suppressed.
 */
pipeline: Pipeline, 
/**
 * Interviews read (all months).
 */
interviews: number, 
/**
 * The persons they are of (all months).
 */
persons: number, 
/**
 * Interviews of persons screened more than once, counted as one person each.
 */
linked_interviews: number, 
/**
 * Cases left out because their protocol is not available here.
 */
without_protocol: number, };

export type OrganisationType = "ngo" | "shelter" | "helpline" | "labour-inspectorate" | "police" | "immigration" | "health" | "other-government" | "other";

export type Cell = { 
/**
 * The category of each variable (`total` for a total).
 */
key: Array<string>, 
/**
 * The count; `None` when suppressed.
 */
count: number | null, };

export type PublishedTable = { 
/**
 * The variables counted by, serialised by their export names.
 */
variables: string[], 
/**
 * The first month counted (`YYYY-MM`).
 */
from: string, 
/**
 * The last month counted (`YYYY-MM`).
 */
to: string, 
/**
 * Cells under k are suppressed.
 */
k: number, 
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

export type MemberInfo = { 
/**
 * Its id.
 */
device: string, 
/**
 * The name it goes by.
 */
name: string, 
/**
 * Its standing.
 */
role: Role, 
/**
 * It is this device.
 */
this_device: boolean, };

export type TeamInfo = { 
/**
 * The team's id.
 */
team_id: string, 
/**
 * The team's name.
 */
team_name: string, 
/**
 * This device's id.
 */
device_id: string, 
/**
 * The relay's address.
 */
relay: string, 
/**
 * This device is an admin.
 */
admin: boolean, 
/**
 * This device was revoked.
 */
revoked: boolean, 
/**
 * The current key epoch.
 */
epoch: number, 
/**
 * Every device the log names.
 */
members: Array<MemberInfo>, };

export type JoinState = { "state": "not-joining" } | { "state": "pending", 
/**
 * The team's name.
 */
team_name: string, 
/**
 * Six digits the admin's screen must show too.
 */
comparison: string, } | { "state": "joined", 
/**
 * The team's id.
 */
team_id: string, 
/**
 * The team's name.
 */
team_name: string, } | { "state": "refused" };

export type JoinPreview = { 
/**
 * The relay's host.
 */
relay_host: string, 
/**
 * The team's id.
 */
team_id: string, 
/**
 * The team's name.
 */
team_name: string, 
/**
 * The name of the admin device that made the invitation.
 */
inviter_name: string, };

export type JoinPending = { 
/**
 * The team's name.
 */
team_name: string, 
/**
 * The relay's host.
 */
relay_host: string, 
/**
 * Six digits the admin's screen must show too.
 */
comparison: string, 
/**
 * Requests the invitation has had, this one included (more than one: someone else has it).
 */
nth: number, };

export type RequestView = { 
/**
 * The device asking.
 */
device: string, 
/**
 * The name it gives itself.
 */
name: string, 
/**
 * The invitation it asks on.
 */
invitation: string, 
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
needs_reason: Array<ReferralStatus>, 
/**
 * The authority's identification decisions, oldest first.
 */
decisions: Array<AuthorityDecision>, 
/**
 * Whether a decision can be recorded: a referral to the national referral mechanism that
 * was made.
 */
can_decide: boolean, };

export type OtherCase = { id: string, protocol_id: string, created_at: string, };

export type CaseDetail = { id: string, protocol_id: string, protocol_version: string, created_at: string, interviewer_lang: string, respondent_lang: string | null, 
/**
 * As in the case list.
 */
state: CaseState, transcript: Array<TranscriptEntry>, history: Array<HistoryView>, 
/**
 * Stored answers this protocol version does not know.
 */
unknown_answers: Array<string>, outcome: OutcomeView | null, referrals: Array<ReferralTrackView>, 
/**
 * The kind of organisation that screened.
 */
organisation: OrganisationType | null, 
/**
 * The earlier case of the same person, when one was marked.
 */
same_person_as: string | null, 
/**
 * The other cases the worker may mark as the same person, newest first.
 */
other_cases: Array<OtherCase>, };

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

export type InstallView = { id: string | null, title: string | null, errors: Array<string>, warnings: Array<string>, };

export type ClipView = { 
/**
 * A `data:` URL the page plays.
 */
src: string, 
/**
 * The language it speaks.
 */
lang: string, 
/**
 * Made by a speech synthesiser, not recorded by a person: the screen says so.
 */
synthetic: boolean, };

export type SelfAnswerView = { 
/**
 * The language the respondent reads and hears.
 */
lang: string, 
/**
 * Its writing direction.
 */
dir: TextDirection, 
/**
 * The question.
 */
text: string, 
/**
 * The question spoken.
 */
clip: ClipView | null, 
/**
 * A pictogram (an SVG as a `data:` URL, shown as an image so nothing in it runs).
 */
picture: string | null, };

export type HandOverChoice = { code: string, label: string, clip: ClipView | null, };

export type HandOverQuestion = { id: string, 
/**
 * `yes-no` or `single`.
 */
kind: string, lang: string, dir: TextDirection, text: string, clip: ClipView | null, picture: string | null, choices: Array<HandOverChoice>, 
/**
 * Whether "don't know" and "rather not say" are offered (the question is not required).
 */
can_skip: boolean, };

export type HandOverView = { question: HandOverQuestion | null, };

/** Most urgent first. */
export const LEVELS: readonly Level[] = ["refer-now", "assess-further", "labour-rights-concern", "no-indication"];

/** A screening's result when it has none (listed beside the levels). */
export const INCOMPLETE = "incomplete";

export const REFERRAL_STATUSES: readonly ReferralStatus[] = ["suggested", "offered", "accepted", "declined", "contacted", "service-received", "service-not-received"];

export const ORGANISATION_TYPES: readonly OrganisationType[] = ["ngo", "shelter", "helpline", "labour-inspectorate", "police", "immigration", "health", "other-government", "other"];

export const DECISIONS: readonly Decision[] = ["identified", "not-identified", "pending"];

export const DECIDED_BY: readonly DecidedBy[] = ["police", "ngo", "court-or-prosecution", "non-police-government", "other"];

/** The message families the screens build keys from at run time, with every value. */
export const KEY_FAMILIES: Record<string, readonly string[]> = {
  "app-state-": ["in-progress", "completed", "stopped", "emergency", "consent-refused", "postponed"],
  "app-referral-": ["suggested", "offered", "accepted", "declined", "contacted", "service-received", "service-not-received"],
  "fs-level-": ["no-indication", "labour-rights-concern", "assess-further", "refer-now", "incomplete"],
  "app-hint-": ["number", "date", "duration", "country", "language", "text"],
  "app-sync-stage-": ["packing", "uploading", "downloading"],
  "app-team-member-": ["admin", "member", "revoked"],
  "app-duress-": ["decoy", "wrong", "destroy-decoy", "destroy-wrong"],
  "app-organisation-": ["all", "ngo", "shelter", "helpline", "labour-inspectorate", "police", "immigration", "health", "other-government", "other", "unknown"],
  "app-decision-": ["identified", "not-identified", "pending"],
  "app-decided-by-": ["police", "ngo", "court-or-prosecution", "non-police-government", "other"],
  "app-stage-": ["screened", "screened-positive", "refer-now", "referred", "identified", "assisted"],
  "app-age-group-": ["adult", "minor", "unknown"],
  "app-pipeline-gender-": ["woman", "man", "other", "unknown"],
};

export type ErrorCode = "wrong-passphrase" | "locked-out" | "weak-passphrase" | "duress-same" | "counter-unwritable" | "damaged" | "no-vault" | "vault-exists" | "no-data-directory" | "not-encrypted" | "setting-refused" | "storage" | "cancelled" | "locked" | "busy" | "app-state" | "unknown-case" | "protocol" | "protocol-file" | "hand-over-pin" | "not-self-answer" | "handed-over" | "hand-back-refused" | "hand-back-locked" | "language" | "date" | "no-interview" | "interview-ended" | "answer-required" | "answer-out-of-range" | "answer-constraint" | "answer-invalid" | "referral-status" | "referral-order" | "referral-reason" | "referral-date" | "referral-unknown" | "referral-no-outcome" | "decision-not-nrm" | "decision-not-referred" | "same-person-itself" | "report-variable" | "report-request" | "offline" | "relay-refused" | "no-team" | "already-in-team" | "legacy-team" | "not-admin" | "revoked" | "invitation-code" | "insecure-relay" | "not-invited-by-admin" | "no-such-request" | "comparison-mismatch" | "team-busy" | "sync" | "conflict";

export type CommandError = { code: ErrorCode, text: string, wait_secs: number | null, remaining: number | null, };
