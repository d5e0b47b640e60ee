title = Child screening
summary = For anyone under 18, or who may be. No means of coercion is needed for a child; child protection is always involved.

q-age-child = How old are you? When is your birthday?

section-now = Right now
section-now-note = Ask this first. If the child is in danger now, stop and follow the emergency path.
q-danger-now = Is someone going to hurt you, or someone you love, today?

section-daily-life = Your days
section-daily-life-note = Use simple words. Sit at the child's level. Tell them they can say "I don't know" or "I don't want to say".
q-lives-with = Who do you live with?
c-lives-parents = My mother or father
c-lives-relatives = Other family
c-lives-employer = The people I work for
c-lives-friends = Friends
c-lives-alone = Nobody, I am on my own
c-lives-other = Someone else
q-school = Do you go to school?
q-works = Do you work, or help, for anyone, at home, in a house, a shop, a field or on the street, paid or not?
q-hours-per-day = How many hours do you work on a usual day?
q-night-work = Do you work at night?
q-dangerous-work = Does your work use machines, chemicals, heavy loads or high places that could hurt you?
q-keeps-money = Do you keep the money you earn?
c-money-all = Yes, all of it
c-money-some = Some of it
c-money-none = No, someone else takes it
c-money-no-pay = I am not paid

section-journey = How you came here
q-brought-here = Did someone bring you here from another town or another country?
q-promised = Did they promise you school, work or a better life?

section-safety = Feeling safe
section-safety-note = Go slowly. If the child becomes upset, stop and comfort them; you can finish later.
q-afraid-of-someone = Is there someone you are afraid of where you live or work?
q-hurt = Has anyone hit you or hurt you?
q-sexual = Has anyone touched you in a way you did not want, or asked you to do sexual things?
q-sexual-note = Ask once, gently. If the answer is yes, do not ask for details: that is for specialists.
q-papers-kept = Does someone keep your passport or identity papers so that you cannot have them, even someone from your family?

section-observations = What you observed
section-observations-note = Complete these yourself after the conversation. Do not ask them.
q-obs-adult-controls = An adult tried to answer for the child, or would not leave them alone.
q-obs-injuries = You saw injuries or signs of violence.
q-obs-age-mismatch = The child's documents give an age that does not fit how they look or what they say.

section-closing = Closing
q-closing-note = Thank the child. Tell them, in words they understand, who will help them next. Do not leave them without a safe adult.

dim-deceptive-recruitment = Recruitment and movement
dim-exploitative-conditions = Exploitation
dim-coercion-destination = Coercion and control
dim-vulnerability-destination = Vulnerability

ind-moved-by-others = Brought here by others
ind-false-promises = Promises of school, work or a better life that were not kept
ind-long-hours = Works more than 8 hours a day
ind-night-work = Works at night
ind-hazardous-work = Hazardous work
ind-earnings-taken = Earnings taken or no pay
ind-out-of-school = Not in school
ind-lives-with-employer = Lives with the employer
ind-sexual-exploitation = Sexual exploitation or abuse
ind-not-free-to-leave = Cannot go home or contact family
ind-fear-of-someone = Afraid of someone, or an adult controls the child
ind-violence = Violence
ind-papers-withheld = Papers kept from the child, by anyone
ind-false-age-documents = Documents that do not fit the child's age

rule-child-exploitation = A child in exploitation, under control, or sexually exploited. For children no deception or force needs to be shown: refer now.
rule-child-any-indicator = At least one indicator for a child: assess further, with child protection.

stop-imminent-danger = The child fears being hurt today. Stop. Follow your emergency procedure and call child protection; tell the child, in words they understand, what you are doing and why.

ref-emergency = For immediate danger to life or safety.
ref-child-protection = Protection and a guardian for the child; reporting may be mandatory.
ref-nrm = Formal identification and access to the support the law provides.
ref-medical = Care for injuries and health, by staff trained to examine children.

safety-child-first = The child's best interests come first. Do not send the child back to the place or people they came from until child protection has assessed it.
safety-adult-use-adult-protocol = The age gate shows an adult. Use the adult protocol instead.
safety-no-detail-on-abuse = Do not question the child further about abuse: repeated questioning harms children and can weaken later evidence.
safety-adult-controls = An adult may be controlling the child. Do not let them know what the child said; do not hand the child back to them.

section-about-you = About you
q-gender = How do you describe your gender?
q-gender-note = Ask only when it is safe to; record the person's own answer. "Prefer not to say" is always fine.
c-gender-woman = Woman or girl
c-gender-man = Man or boy
c-gender-other = Another gender

q-medical-urgent = Are you hurt or ill, so that you need a doctor right now?
q-chores-heavy = At home, do you have so much housework or looking after others that you cannot go to school, play or rest?
q-begs = Do you ask people for money, or sell things in the street, and give the money to someone else?
q-crime = Has anyone made you steal, carry or sell drugs, or do other things that are against the law?
q-crime-note = Tell the child that they are not in trouble for what they were made to do. Do not ask for details.
q-owes-money = Do you or your family owe money to the people you work for, or to the people who brought you here?
q-promise-kept = Did they keep those promises?
q-can-go-home = Can you go home when you want to?
q-can-call-family = Can you call or see your family when you want to?
q-family-threatened = Has anyone said they would hurt your family, or that your family would be in trouble, if you do not do what they say?
q-papers-kept-note = A parent keeping a young child's papers safely is not a sign; papers kept from the child so that they cannot leave, by anyone, are.
ind-long-hours-young = Works more than 4 hours a day, under 15
ind-night-work-young = Works at night, under 15
ind-heavy-chores = So much housework or care that school, play or rest are not possible
ind-begging-for-others = Begs or sells in the street for someone else
ind-forced-crime = Made to commit illegal acts
ind-child-debt = The child or the family owes money to those who control the child
ind-family-threatened = Threats against the child's family
ind-separated-from-family = Separated from parents and usual carers
stop-urgent-medical-need = The child needs medical help now. Stop the interview and get care; tell the child what is happening and stay with them.
safety-non-punishment = The child may have been made to break the law. Children are not to be punished for acts they were compelled to commit (non-punishment principle): do not report these acts as offences; involve child protection and legal advice.

q-knows-where = Do you know the name of the town or place where you are now?
ind-does-not-know-where = Does not know where they are
