title = Adult screening: labour and sexual exploitation
summary = A full screening for adults along the six dimensions of the ILO/EC operational indicators. About 20 minutes.

section-now = Right now
section-now-note = Ask this first. If the person is in danger now, stop and follow the emergency path.
q-danger-now = Are you afraid that someone will hurt you, or someone close to you, today?
q-danger-now-note = If yes, the interview stops and emergency contacts are shown.

section-work-situation = Your work
q-sector = What kind of work do you do, or did you do?
c-sector-agriculture = Farm or field work
c-sector-construction = Construction
c-sector-factory = Factory or workshop
c-sector-domestic = Work in someone's home
c-sector-hospitality = Restaurant, hotel or cleaning
c-sector-fishing = Fishing or work on a boat
c-sector-sex-industry = Bar, club, massage or sex work
c-sector-street = Begging or selling in the street
c-sector-online-scam = Online work from a compound (calls, chats, fraud)
c-sector-other = Something else
q-origin-country = Which country are you from?
q-time-in-work = How long have you been doing this work?
q-arrival-date = When did you arrive in this country?
q-arrival-date-note = An approximate date is fine; choose "don't know" if the person is unsure.
q-preferred-language = Which language would you like to speak with us?

section-recruitment = How you came to this work
section-recruitment-note = Ask about the time before the work began. Let the person tell it in their own order.
q-recruiter-relation = Who found this work for you, or brought you to it?
c-relation-partner = A partner or boyfriend/girlfriend
c-relation-family = Someone from my family
c-relation-friend = A friend or someone I knew
c-relation-agency = An agency or recruiter
c-relation-stranger = Someone I did not know
c-relation-nobody = Nobody, I found it myself
q-promised = Before you started, did someone promise you a job, pay, papers or other things?
q-job-different = Is the work different from what you were promised?
q-pay-different = Are the pay or the conditions worse than you were promised?
q-recruit-fee = Did you have to pay a fee, or borrow money, to get this work or to travel?
q-recruit-forced = Did anyone force you, threaten you or take you against your will to start this work?
q-hardship-before = At that time, were you in a very hard situation, for example without money, with debts, or without papers?

section-work-conditions = Your work and living conditions
q-hours-per-day = On a usual day, how many hours do you work?
q-day-off = Do you get at least one day off each week?
q-pay = How are you paid?
c-pay-as-agreed = As agreed
c-pay-less = Less than agreed
c-pay-nothing = Not at all
c-pay-to-someone-else = The money goes to someone else
q-deductions = Is money taken from your pay, for example for food, a bed, transport or a debt?
q-housing-bad = Is the place where you sleep crowded, dirty or unsafe?
q-dangerous-work = Have you had to do dangerous work without protection?
q-sexual-exploitation = Has anyone made you have sex, or sell sex, when you did not want to?
q-sexual-exploitation-note = Ask gently, once. Accept "prefer not to say" without pressing. Do not ask for details.

section-control = Freedom and control
section-control-note = These questions can be frightening. Remind the person they can skip any question.
q-free-to-leave = Could you leave this work if you wanted to?
q-documents-held = Does someone else keep your passport or identity card, against your wishes?
q-debt = Do you owe money to your employer, or to the person who brought you here?
q-debt-unpayable = Does the debt keep growing, or do you see no way to pay it back?
q-threats = Has anyone threatened you or your family?
q-threat-authorities = Has anyone said they would report you to the police or immigration?
q-violence = Has anyone hit you, hurt you, or done something sexual to you against your will?
q-violence-note = If the person is injured, offer medical help before anything else.
q-watched = Are you watched, locked in, or kept from talking to other people?

section-vulnerability = Your situation here
q-knows-address = Do you know the address of the place where you live?
q-speaks-local-language = Do you speak the language of this country?
q-status-fear = Are you afraid because of your residence or work papers here?

section-observations = What you observed
section-observations-note = Fill these in yourself after the conversation. Do not ask them.
q-obs-injuries = Did you see injuries or signs of violence?
q-obs-fear = Did the person seem very afraid, or look to someone else before answering?

section-your-views = Your views, in your own words
section-your-views-note = Optional, and separate from the screening. Say that nothing changes for the person if they say no.
q-views-consent = Apart from these questions: would you like to tell me, in your own words, what you need and how you have been treated? It stays in your file only. It is never counted or shared, except the number of people who chose to speak.
q-views-needs = What do you need most now?
q-views-treatment = How have you been treated, by anyone, including officials and organisations like ours?
section-closing = Closing
q-anything-else = Is there anything else you want to tell me?
q-closing-note = Thank the person. Explain what happens next, what help is available, and that nothing will be done without their agreement unless the law requires it.

dim-deceptive-recruitment = Deceptive recruitment
dim-coercive-recruitment = Coercive recruitment
dim-vulnerability-recruitment = Recruitment by abuse of vulnerability
dim-exploitative-conditions = Exploitative conditions of work
dim-coercion-destination = Coercion at destination
dim-vulnerability-destination = Abuse of vulnerability at destination

ind-deceived-nature-of-job = Deceived about the nature of the job
ind-deceived-conditions = Deceived about pay or conditions
ind-recruitment-debt = Debt linked to recruitment or travel
ind-recruitment-force = Force, threats or abduction at recruitment
ind-recruited-by-intimate = Recruited by a partner or relative
ind-hardship-at-recruitment = Economic or legal hardship at recruitment
ind-excessive-hours = Excessive working hours (more than 12 a day)
ind-no-rest-day = No weekly day of rest
ind-low-or-no-pay = No pay, or pay taken by someone else
ind-underpaid = Paid less than agreed
ind-wage-deductions = Deductions from pay
ind-bad-living-conditions = Degrading living conditions
ind-hazardous-work = Hazardous work without protection
ind-sexual-exploitation = Sexual exploitation
ind-not-free-to-leave = Not free to leave
ind-documents-withheld = Identity documents withheld
ind-debt-bondage = Debt bondage
ind-debt-owed = Debt owed to employer or recruiter
ind-threats = Threats against the person or family
ind-threat-of-denunciation = Threat of denunciation to authorities
ind-violence = Violence
ind-isolation-surveillance = Isolation, confinement or surveillance
ind-does-not-know-address = Does not know home or work address
ind-language-barrier = Does not speak the local language
ind-irregular-status-fear = Fear linked to residence status
ind-fearful-demeanour = Fearful demeanour observed

rule-adult-ilo-ec-combination = A recruitment dimension, exploitative conditions, and coercion or abuse of vulnerability at destination are all met: the ILO/EC combination for adults.
rule-adult-forced-at-destination = Exploitative conditions together with coercion at destination: indicators of forced labour even without a recruitment element.
rule-child-exploitation = A child in exploitative conditions or under coercion: for children no means of coercion or deception is needed.
rule-any-dimension-met = At least one dimension is met, or a strong indicator of control is present: a fuller assessment is needed.
rule-child-any-indicator = A child with at least one indicator of exploitative work.
rule-labour-rights = Exploitative working conditions without signs of coercion: a labour-rights concern.

stop-imminent-danger = The person fears being hurt today. Stop the interview, follow your emergency procedure and call the emergency contact.

ref-emergency = For immediate danger to life or safety.
ref-nrm = Formal identification and access to the support the law provides.
ref-shelter = Safe accommodation, with a recovery and reflection period.
ref-medical = Care for injuries and health, confidentially.
ref-legal = Advice on rights, residence, unpaid wages and compensation.
ref-labour-inspection = Inspection of the workplace and recovery of wages.
ref-child-protection = Protection and a guardian for a child; reporting may be mandatory.
ref-hotline = Advice and onward referral, in many languages.

safety-companion-present = Someone who may control the person was present. Do not hand over written material they could find; agree a safe way to get in touch.
safety-threats = Threats were reported. Do not contact the employer or the family without the person's agreement.
safety-documents = Documents are being withheld. Do not confront the employer about them during this visit.
safety-presumed-minor = The person may be a child. Treat them as a child until their age is established and involve child protection.
safety-consent-before-referral = Ask for consent before each referral. Explain what each service does, and make no promises you cannot keep.

section-about-you = About you
q-gender = How do you describe your gender?
q-gender-note = Ask only when it is safe to; record the person's own answer. "Prefer not to say" is always fine.
c-gender-woman = Woman or girl
c-gender-man = Man or boy
c-gender-other = Another gender
