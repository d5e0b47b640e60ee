# Strings of the fieldscreen command-line tool.

cli-list-languages = languages: { $languages }  (* = draft, needs native review)
cli-show-review-by = Review by { $date }
cli-interviewer-note = (interviewer) { $note }
cli-observed-only = (interviewer only: observe, do not read aloud)
cli-hint-multiple = Several numbers, separated by commas.
cli-hint-number = A whole number from { $min } to { $max }.
cli-hint-date = A date: YYYY-MM-DD.
cli-hint-duration = A length of time: a number and d, w, m or y (for example 3m).
cli-hint-country = A two-letter country code (ISO 3166), for example MD.
cli-hint-language = A language tag, for example ro or ar-SD.
cli-hint-text = Type the answer in the person's own words.
cli-hint-note = Press Enter to go on.
cli-current-answer = Current answer: { $answer }
cli-commands = ? don't know   - prefer not to say   < back   > skip   ! stop
cli-commands-required = < back   ! stop   (this step cannot be skipped)
cli-completed-prompt = All questions are done. Press Enter for the outcome, < to go back, or :override LEVEL REASON.
cli-at-start = This is the first question.
cli-invalid-yes-no = Type 1 for yes or 2 for no.
cli-invalid-choice = Type the number of one of the choices.
cli-invalid-number = Type a whole number.
cli-invalid-date = Type a date as YYYY-MM-DD.
cli-invalid-duration = Type a number and d, w, m or y, for example 3m.
cli-invalid-answer = That answer does not fit this question.
cli-invalid-level = Levels: refer-now, assess-further, labour-rights-concern, no-indication.
cli-override-needs-reason = An override needs a written reason: :override LEVEL REASON
cli-error-required = This step needs an answer.
cli-error-ended = The interview has ended.
cli-script-stopped = The answer on line { $line } (question `{ $question }`) was not accepted; the scripted interview stops here.
cli-input-ended = The answers ran out before the interview was finished. The case stays open: continue it with --resume { $case }.
cli-consent-refused = The person did not consent. Nothing but the fact of the refusal is kept.
cli-postponed = The interview was postponed for safety.
cli-outcome-title = Outcome: { $level }
cli-outcome-override = (the interviewer changed the computed level, { $computed }, because: { $reason })
cli-outcome-incomplete = Not a screening result: the interview did not finish. What follows covers only the answers given.
cli-outcome-age-assumed = The age gate was not reached; the adult indicator lists were used.
cli-outcome-profile = { $profile }: { $level }
cli-outcome-because = Why: { $reason }
cli-dimension-met = { $dimension }: met ({ $strong } strong, { $medium } medium, { $weak } weak)
cli-dimension-not-met = { $dimension }: not met ({ $strong } strong, { $medium } medium, { $weak } weak)
cli-strength-strong = strong
cli-strength-medium = medium
cli-strength-weak = weak
cli-outcome-referrals = Suggested referrals:
cli-referral-example = Example entry: replace it with your local service before use.
cli-referral-mandatory = Reporting to this service may be mandatory.
cli-referrals-expired = Not shown, details out of date: { $ids }
cli-outcome-safety = Safety notes for you:
cli-outcome-excluded = Answers left out because their questions no longer apply: { $ids }
cli-fallbacks = { $count } text(s) were shown in another language: { $keys }
cli-answer-hidden = (kept, but left out: the question no longer applies)
cli-vault-init-warning = Choose a passphrase you will remember. It cannot be recovered: without it nobody, not even the FieldScreen team, can open this vault.
cli-vault-created = Vault { $id } created in { $dir }.
cli-vault-unlocked = Vault { $id } unlocked: { $cases } case(s).
cli-vault-passwd-done = Passphrase changed. Only the key was re-wrapped (--keep-key): an old copy of the key file still opens the vault with the old passphrase.
cli-vault-check-ok = The vault is sound: every page authenticated and the database structure is intact.
cli-vault-check-problems = { $count } problem(s) found. Keep a copy of the vault directory before changing anything.
cli-needs-yes = This asks for confirmation; in a script, add --yes.
cli-confirm-delete = Delete case { $id } for good? Its answers and history cannot be recovered; if this device is in a team, the case is also deleted on every device of the team at the next sync. Type yes to confirm:
cli-confirm-export = This writes personal data (every case and its answers) to { $target }, UNENCRYPTED. Anyone who gets it can read it. Type yes to confirm:
cli-nothing-done = Nothing was done.
cli-case-deleted = Case { $id } deleted.
cli-case-started = Case { $id }: every answer is saved, encrypted, as it is given.
cli-case-resumed = Resuming case { $id }.
cli-practice = Practice mode: nothing is stored.
cli-resume-dropped = Stored answers this protocol version does not accept were left out: { $ids }
cli-confirm-htcds-sealed = This writes personal data about every person who consented to it (HTCDS case export) to { $target }, sealed under a passphrase you choose now. Type yes to confirm:
cli-confirm-htcds-plain = This writes personal data about every person who consented to it (HTCDS case export) to { $target }, UNENCRYPTED. Anyone who gets the file can read it. Type yes to confirm:
cli-export-passphrase = Passphrase for the export file (not the vault's):
cli-export-passphrase-again = The same passphrase again:
cli-export-passphrase-short = The export passphrase must have at least { $min } characters.
cli-written-sealed = { $count } case(s) written to { $target }, sealed. Open it with `fieldscreen unseal { $target }` and the export passphrase.
cli-written-plain = { $count } case(s) written to { $target }, unencrypted. Delete it when it is no longer needed.
cli-htcds-without-consent = { $count } case(s) left out: the person did not agree to their data being kept by name.
cli-not-sealed = { $file } is not a sealed FieldScreen file.
cli-sealed-content = Sealed file holding { $content }.
cli-team-created = Team “{ $name }” ({ $team }) created on { $relay }. This device is its first admin: `fieldscreen team invite` lets others in.
cli-team-invite = Invitation { $id }: it works once and for { $minutes } minute(s), until { $until }. It holds no key: the new device asks to join, and you let it in with `fieldscreen team approve --code …` once the six digits on both screens match. Code:
cli-team-code-prompt = Invitation code:
cli-team-joined = Joined team “{ $name }” ({ $team }) as device { $device }. `fieldscreen sync` exchanges cases now.
cli-team-revoked = Device { $device } revoked: the relay refuses it from now on, and the team has a new key (epoch { $epoch }) it cannot open.
cli-team-show = Team “{ $name }” ({ $team }), epoch { $epoch }, relay { $relay }. Last synced: { $last }. Changes waiting: { $pending }.
cli-synced = Synced: { $sent } batch(es) sent, { $received } received; { $new } new case(s), { $changed } updated.
cli-sync-erased = { $count } case(s) deleted on another device of the team were deleted here too.
cli-conflicts-waiting = { $count } answer(s) were changed on two devices at once: both values are kept. See `fieldscreen cases conflicts`.
cli-bundle-written = { $count } case(s) sealed for the team in { $target }.
cli-bundle-read = Merged: { $new } new case(s), { $changed } updated.
cli-conflict-resolved = Kept one value of `{ $question }` in case { $id }; the choice is in the case's history and the audit log.

cli-switched-protocol = The person is, or may be, under 18: the interview goes on with the questions of “{ $protocol }”.

cli-script-missing = The answers file has no line for the question `{ $question }`: add one, or run with --unlisted skip.

cli-confirm-export-sealed = This writes personal data (every case and its answers) to { $target }, sealed under a passphrase you choose now. Type yes to confirm:
cli-sealed-needs-output = A sealed export is a file: give --output FILE (or --plaintext to print unencrypted text).
cli-team-join-preview = Relay: { $host }. Team: “{ $name }”, invited by “{ $inviter }”. Check both with the person who invited you.
cli-team-join-send-prompt = Send the { $count } case(s) already on this device to the team? Type yes to send them; anything else keeps them on this device only:
cli-team-join-kept = The { $count } case(s) already on this device stay on it only (--send-cases sends them to the team).
cli-team-join-requested = Join request sent. Comparison code: { $code }. The admin lets this device in only if their screen shows the same six digits.
cli-team-join-others = Warning: this invitation has had { $count } requests. Someone else may have the code: tell the admin.
cli-team-waiting = Waiting for an admin to approve…
cli-team-join-pending = Waiting for an admin to approve this device (comparison code { $code }). `fieldscreen team wait` finishes joining.
cli-team-join-refused = The join request was refused, its invitation expired, or another device was let in with it. Ask an admin for a new invitation.
cli-team-no-join = No join request is waiting on this device.
cli-team-no-requests = No join requests are waiting.
cli-team-request = Device { $device } “{ $name }”: comparison code { $code } (invitation { $invitation }).
cli-team-request-others = { $count } requests on this invitation: someone else has the code. Let in only the device whose screen shows the same digits.
cli-team-approved = Device { $device } is in the team. Every case goes to it at your next sync.
cli-team-refused = Join request of device { $device } refused.
cli-team-rotated = The team has a new key: epoch { $epoch }.
cli-team-admin-added = Device { $device } is now an admin.
cli-team-admin-removed = Device { $device } is no longer an admin.
cli-team-leave-confirm = Leave team “{ $name }” on this device? Its cases stay here. Type yes to confirm:
cli-team-left = This device left the team; its cases stay here. An admin should still revoke it, which changes the team’s key.
cli-team-member = { $device }  { $role ->
        [admin] admin
        [revoked] revoked
       *[member] member
    }  “{ $name }”{ $this ->
        [yes] {" "}(this device)
       *[no] {""}
    }
cli-vault-passwd-rekeyed = Passphrase changed and the vault re-encrypted under a new key: old copies of the key file open nothing.
cli-vault-rekeying = Re-encrypting the vault under a new key…
cli-vault-duress-set = Duress passphrase set: { $action }.
cli-vault-duress-off = Duress passphrase removed and its practice vault erased.
cli-vault-duress-none = No duress passphrase is set.
cli-vault-duress-current = Typing the duress passphrase does: { $action }.
cli-vault-duress-explain = A duress passphrase is a second passphrase for when you are forced to unlock. decoy: opens a practice vault with a few practice interviews; your real cases stay locked. wrong: behaves exactly like a wrong passphrase. destroy-decoy and destroy-wrong: first destroy the key, so that nobody, you included, can ever open the real cases again. Destroying can make a situation more dangerous or count as destroying evidence where you work: choose it only after weighing that. Someone who copies the device's files can see that a second database exists.
cli-duress-passphrase = Duress passphrase (not the vault's): 
cli-vault-erase-set = After { $attempts } wrong passphrases in a row the key will be destroyed, and the vault can never be opened again.
cli-vault-erase-off = Wrong passphrases no longer erase the vault.
cli-vault-wait = Too many wrong passphrases; waiting before the next attempt
cli-sync-set-aside = Set aside, not merged: log entry { $pos } (batch { $seq } from device { $device }): { $reason }
cli-sync-gap = Missing: batch { $seq } from device { $device } was skipped by the relay. It is asked for again at every sync; if it never comes, the relay withheld or lost it.
cli-sync-troubled = The sync finished, but part of the team's log was set aside or is missing (above). Tell the team's administrator: a device may be damaged, or the relay may be at fault.
cli-team-log-trouble = Log entries set aside: { $aside }. Batches missing from the relay: { $missing }. Run `fieldscreen sync` to see which.
cli-team-relay-device = { $device } “{ $name }”: { $state ->
    [revoked] revoked
    [not-come] let in, never came
   *[active] active
}; has read the log to position { $acked }; last batch { $seq }.
