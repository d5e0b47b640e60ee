# The wording of the steps FieldScreen runs before every protocol, and of outcome levels.
# Protocols may reword the steps ([enforced.wording]); they cannot remove them.

fs-section-safety = Before you start: is it safe to talk?
fs-section-safety-note = Answer these yourself, from what you see. Do not read them aloud. If the person is not alone, or the place is not safe, postpone unless there is a strong reason to go on.
fs-section-consent = Consent and age
fs-section-consent-note = Explain who you are, what the questions are for, and that the person can skip any question or stop at any time without losing any help.

fs-step-safety-alone = Can you speak with the person alone, where nobody else can hear?
fs-step-safety-alone-note = A person who is overheard may be punished for what they say.
fs-step-safety-companion = Is someone present who seems to speak for the person or to control them?
fs-step-safety-companion-note = For example someone who answers for them, holds their documents or watches them closely.
fs-step-safety-interpreter = Is the interpreter independent of the employer and of the person's community?
fs-step-safety-interpreter-note = An interpreter linked to the employer, the recruiter or the person's community can put the person at risk.
fs-step-safety-place = Is this place safe for the person to talk?
fs-step-safety-place-note = Think of who can see you together, and what the person will face after you leave.
fs-step-safety-decision = The conditions are not safe. What will you do?
fs-step-safety-decision-note = Postponing is usually right. Agree a safe time and way to meet again if you can.
fs-step-safety-reason = Why is it right to go on now?
fs-step-safety-reason-note = Write the reason briefly. It is kept with the case so a supervisor can understand the decision.
fs-step-consent = Does the person agree to answer the questions?
fs-step-consent-note = Full consent: answers may be stored with the case. Anonymous: screen now but store nothing that identifies the person. Refused: stop here; only the fact of the refusal is kept.
fs-step-age = How old are you?
fs-step-age-note = Choose "don't know" if the person does not know their age or you doubt the answer.
fs-step-age-minor-reasons = Are there reasons to believe the person may be under 18?
fs-step-age-minor-reasons-note = For example appearance, school history, documents or what the person says. If there are, the person is treated as a child until their age is established.

fs-choice-independent = Yes, independent
fs-choice-not-independent = No, not independent
fs-choice-no-interpreter = No interpreter is needed
fs-choice-postpone = Postpone the interview
fs-choice-proceed = Go on, and record why
fs-choice-full = Yes, full consent
fs-choice-anonymous = Yes, but nothing that identifies me may be stored
fs-choice-refused = No

fs-answer-yes = Yes
fs-answer-no = No
fs-answer-dont-know = Don't know
fs-answer-prefer-not-to-say = Prefer not to say

fs-level-refer-now = Refer now
fs-level-assess-further = Assess further
fs-level-labour-rights-concern = Labour-rights concern
fs-level-no-indication = No indication found

fs-outcome-statement = This result is an indication to guide referral and support. It is not a legal identification of a victim of trafficking, which only the competent authorities can make.
