# The wording of the steps FieldScreen runs before every protocol, and of outcome levels.
# Protocols may reword the steps ([enforced.wording]); they cannot remove them.

fs-section-safety = Before you start: is it safe to talk?
fs-section-safety-note = Answer these yourself, from what you see. Do not read them aloud. If the person is not alone, or the place is not safe, postpone unless there is a strong reason to go on.
fs-section-consent = Consent
fs-section-consent-note = Read the consent text to the person in their language, in your own calm words if needed. Make sure they understood it before they answer.

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
fs-step-consent = I would like to ask you some questions to understand your situation and whether you need help. You can skip any question or stop at any time, and you will not lose any help because of it. What you tell me stays confidential, with two limits: if you or someone else, especially a child, is in serious danger, I may have to tell a service that can protect them; and the law may oblige me to report some things. I will tell you before I do. Do you agree to talk with me?
fs-step-consent-note = Full consent: answers may be stored with the case. Anonymous: screen now but store nothing that identifies the person. Refused: stop here; only the fact of the refusal is kept (for a child, also the age, so that child protection is still suggested).
fs-step-age = How old are you?
fs-step-age-note = Ask this before consent. Choose "don't know" if the person does not know their age or you doubt the answer.
fs-step-age-minor-reasons = Are there reasons to believe the person may be under 18?
fs-step-age-minor-reasons-note = Answer yourself; do not read aloud. For example appearance, school history, a doubtful document, or an age that sounds rehearsed. If there are, the person is treated as a child until their age is established, whatever age they stated.

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

fs-section-age = Age
fs-section-age-note = Age comes first: it decides who must agree to the interview and which questions follow. A child is never asked the adult questions.
fs-step-age-documents = Have you seen a document that shows the person's age?
fs-step-age-documents-note = Answer yourself; do not read aloud. Documents held by someone else, or that look altered or borrowed, count as doubtful.
fs-choice-consistent = Yes, and it matches what the person says and how they seem
fs-choice-absent = No document
fs-choice-doubtful = A document, but it is doubtful
fs-step-assent = Do you want to talk with me now? You can say no, and you can stop whenever you want.
fs-step-assent-note = The child's own agreement, asked in words a child understands, beside the consent given for them. If the child says no, stop: child protection is still suggested.
fs-level-incomplete = Incomplete — not a screening result
