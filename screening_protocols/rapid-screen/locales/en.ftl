title = Rapid first screen
summary = Six short questions for intake. Any positive answer means: run the full screening protocol.

section-rapid = Rapid screen
section-rapid-note = Ask each question once, plainly. Do not ask for details now.
q-danger-now = Are you afraid that someone will hurt you, or someone close to you, today?
q-free-to-leave = Can you leave your work or the place where you live when you want to?
q-threatened = Has anyone threatened you or your family to make you work or stay?
q-documents-held = Does someone else keep your passport or identity card?
q-debt-work = Do you have to keep working to pay off a debt?
q-job-different = Is your work different from what you were promised?
q-sex-for-others = Has anyone made you have sex for money, or for something they received?

dim-control = Signs of control
dim-any-sign = Any positive answer

ind-not-free-to-leave = Not free to leave
ind-threats = Threats against the person or family
ind-documents-withheld = Identity documents withheld
ind-debt-bondage = Working off a debt
ind-any-positive = At least one positive answer
ind-sexual-exploitation = Sexual exploitation

rule-child-any-sign = A child with any positive answer: refer to child protection now.
rule-two-signs-of-control = Two or more signs of control, or sexual exploitation: refer now and complete the full protocol when it is safe.
rule-any-sign = At least one positive answer: run the full screening protocol.

stop-imminent-danger = The person fears being hurt today. Stop, follow your emergency procedure and call the emergency contact.

ref-emergency = For immediate danger to life or safety.
ref-nrm = Formal identification and access to the support the law provides.
ref-child-protection = Protection and a guardian for a child; reporting may be mandatory.
ref-hotline = Advice and onward referral, in many languages.

safety-run-full-protocol = Run the full adult or child protocol as soon as it is safe, ideally with an independent interpreter.
safety-companion-present = Someone who may control the person was present. Do not hand over written material they could find; agree a safe way to get in touch.
q-gender = How do you describe your gender?
q-gender-note = Ask only when it is safe to; record the person's own answer. "Prefer not to say" is always fine.
c-gender-woman = Woman or girl
c-gender-man = Man or boy
c-gender-other = Another gender
