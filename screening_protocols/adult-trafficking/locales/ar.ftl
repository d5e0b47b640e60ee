# مسودة: تحتاج إلى مراجعة من متحدث أصلي.
title = فحص البالغين: الاستغلال في العمل والاستغلال الجنسي
summary = فحص كامل للبالغين وفق الأبعاد الستة للمؤشرات التشغيلية لمنظمة العمل الدولية والمفوضية الأوروبية. نحو 20 دقيقة.

section-now = الآن
section-now-note = اطرح هذا السؤال أولاً. إذا كان الشخص في خطر الآن، فتوقف واتبع إجراء الطوارئ.
q-danger-now = هل تخاف أن يؤذيك أحد، أو يؤذي شخصاً قريباً منك، اليوم؟
q-danger-now-note = إذا كانت الإجابة نعم، تتوقف المقابلة وتظهر جهات الاتصال في حالات الطوارئ.

section-work-situation = عملك
q-sector = ما نوع العمل الذي تقوم به أو كنت تقوم به؟
c-sector-agriculture = عمل زراعي أو في الحقول
c-sector-construction = البناء
c-sector-factory = مصنع أو ورشة
c-sector-domestic = عمل في منزل شخص آخر
c-sector-hospitality = مطعم أو فندق أو تنظيف
c-sector-fishing = صيد السمك أو العمل على قارب
c-sector-sex-industry = حانة أو نادٍ أو تدليك أو عمل جنسي
c-sector-street = التسول أو البيع في الشارع
c-sector-online-scam = عمل عبر الإنترنت من مجمّع مغلق (مكالمات، محادثات، احتيال)
c-sector-other = شيء آخر
q-origin-country = من أي بلد أنت؟
q-time-in-work = منذ متى تقوم بهذا العمل؟
q-arrival-date = متى وصلت إلى هذا البلد؟
q-arrival-date-note = يكفي تاريخ تقريبي؛ اختر «لا أعرف» إذا لم يكن الشخص متأكداً.
q-preferred-language = بأي لغة تودّ التحدث معنا؟

section-recruitment = كيف وصلت إلى هذا العمل
section-recruitment-note = اسأل عن الفترة التي سبقت بدء العمل. دع الشخص يروي بترتيبه الخاص.
q-recruiter-relation = من وجد لك هذا العمل أو أوصلك إليه؟
c-relation-partner = شريك أو حبيب
c-relation-family = شخص من عائلتي
c-relation-friend = صديق أو شخص أعرفه
c-relation-agency = وكالة أو وسيط توظيف
c-relation-stranger = شخص لم أكن أعرفه
c-relation-nobody = لا أحد، وجدته بنفسي
q-promised = قبل أن تبدأ، هل وعدك أحد بعمل أو أجر أو أوراق أو أشياء أخرى؟
q-job-different = هل العمل مختلف عمّا وُعدت به؟
q-pay-different = هل الأجر أو الظروف أسوأ مما وُعدت به؟
q-recruit-fee = هل اضطررت إلى دفع رسوم أو اقتراض مال للحصول على هذا العمل أو للسفر؟
q-recruit-forced = هل أجبرك أحد أو هددك أو أخذك رغماً عنك لتبدأ هذا العمل؟
q-hardship-before = في ذلك الوقت، هل كنت في وضع صعب جداً، مثلاً دون مال أو مع ديون أو دون أوراق؟

section-work-conditions = ظروف عملك ومعيشتك
q-hours-per-day = في يوم عادي، كم ساعة تعمل؟
q-day-off = هل لديك يوم راحة واحد على الأقل كل أسبوع؟
q-pay = كيف تتقاضى أجرك؟
c-pay-as-agreed = كما اتُّفق
c-pay-less = أقل مما اتُّفق
c-pay-nothing = لا أتقاضى شيئاً
c-pay-to-someone-else = المال يذهب إلى شخص آخر
q-deductions = هل يُقتطع مال من أجرك، مثلاً مقابل الطعام أو السرير أو النقل أو دين؟
q-housing-bad = هل المكان الذي تنام فيه مكتظ أو متسخ أو غير آمن؟
q-dangerous-work = هل اضطررت إلى القيام بعمل خطر دون حماية؟
q-sexual-exploitation = هل أجبرك أحد على ممارسة الجنس، أو على بيع الجنس، رغماً عنك؟
q-sexual-exploitation-note = اسأل بلطف ومرة واحدة. اقبل «أفضّل عدم الإجابة» دون إلحاح. لا تسأل عن التفاصيل.

section-control = الحرية والسيطرة
section-control-note = قد تكون هذه الأسئلة مخيفة. ذكّر الشخص بأنه يستطيع تخطي أي سؤال.
q-free-to-leave = هل يمكنك ترك هذا العمل إن أردت؟
q-documents-held = هل يحتفظ شخص آخر بجواز سفرك أو بطاقة هويتك رغماً عنك؟
q-debt = هل أنت مدين بمال لصاحب العمل أو للشخص الذي أحضرك إلى هنا؟
q-debt-unpayable = هل يزداد الدين باستمرار، أو لا ترى سبيلاً لسداده؟
q-threats = هل هددك أحد أو هدد عائلتك؟
q-threat-authorities = هل قال أحد إنه سيبلغ عنك الشرطة أو سلطات الهجرة؟
q-violence = هل ضربك أحد أو آذاك أو فعل بك شيئاً جنسياً رغماً عنك؟
q-violence-note = إذا كان الشخص مصاباً، فاعرض المساعدة الطبية قبل أي شيء آخر.
q-watched = هل تُراقَب أو تُحبَس أو تُمنع من التحدث إلى الآخرين؟

section-vulnerability = وضعك هنا
q-knows-address = هل تعرف عنوان المكان الذي تعيش فيه؟
q-speaks-local-language = هل تتحدث لغة هذا البلد؟
q-status-fear = هل أنت خائف بسبب أوراق إقامتك أو عملك هنا؟

section-observations = ما لاحظته
section-observations-note = املأ هذه بنفسك بعد المحادثة. لا تطرحها كأسئلة.
q-obs-injuries = هل رأيت إصابات أو آثار عنف؟
q-obs-fear = هل بدا الشخص خائفاً جداً، أو كان ينظر إلى شخص آخر قبل أن يجيب؟

section-your-views = رأيك، بكلماتك
section-your-views-note = اختياري ومنفصل عن الفحص. قل إن شيئًا لن يتغير بالنسبة للشخص إذا رفض.
q-views-consent = بعيدًا عن هذه الأسئلة: هل تريد أن تخبرني، بكلماتك، بما تحتاجه وكيف عوملت؟ يبقى ذلك في ملفك فقط. لا يُحصى ولا يُشارك أبدًا، إلا عدد الأشخاص الذين اختاروا الكلام.
q-views-needs = ما أكثر ما تحتاجه الآن؟
q-views-treatment = كيف عوملت، من أي أحد، بما في ذلك المسؤولون ومنظمات مثل منظمتنا؟
section-closing = الختام
q-anything-else = هل هناك أي شيء آخر تريد أن تخبرني به؟
q-closing-note = اشكر الشخص. اشرح ما سيحدث بعد ذلك، والمساعدة المتاحة، وأنه لن يُتخذ أي إجراء دون موافقته إلا إذا اقتضى القانون ذلك.

dim-deceptive-recruitment = التجنيد بالخداع
dim-coercive-recruitment = التجنيد بالإكراه
dim-vulnerability-recruitment = التجنيد باستغلال حالة الضعف
dim-exploitative-conditions = ظروف عمل استغلالية
dim-coercion-destination = الإكراه في بلد المقصد
dim-vulnerability-destination = استغلال حالة الضعف في بلد المقصد

ind-deceived-nature-of-job = خداع بشأن طبيعة العمل
ind-deceived-conditions = خداع بشأن الأجر أو الظروف
ind-recruitment-debt = دين مرتبط بالتجنيد أو السفر
ind-recruitment-force = قوة أو تهديد أو اختطاف عند التجنيد
ind-recruited-by-intimate = تجنيد عن طريق شريك أو قريب
ind-hardship-at-recruitment = ضائقة اقتصادية أو قانونية عند التجنيد
ind-excessive-hours = ساعات عمل مفرطة (أكثر من 12 ساعة يومياً)
ind-no-rest-day = لا يوم راحة أسبوعي
ind-low-or-no-pay = لا أجر، أو يأخذ الأجر شخص آخر
ind-underpaid = أجر أقل من المتفق عليه
ind-wage-deductions = اقتطاعات من الأجر
ind-bad-living-conditions = ظروف معيشية مهينة
ind-hazardous-work = عمل خطر دون حماية
ind-sexual-exploitation = استغلال جنسي
ind-not-free-to-leave = غير حر في المغادرة
ind-documents-withheld = احتجاز وثائق الهوية
ind-debt-bondage = عبودية الدين
ind-debt-owed = دين لصاحب العمل أو الوسيط
ind-threats = تهديدات للشخص أو لعائلته
ind-threat-of-denunciation = التهديد بالإبلاغ عنه للسلطات
ind-violence = عنف
ind-isolation-surveillance = عزل أو حبس أو مراقبة
ind-does-not-know-address = لا يعرف عنوان السكن أو العمل
ind-language-barrier = لا يتحدث اللغة المحلية
ind-irregular-status-fear = خوف مرتبط بوضع الإقامة
ind-fearful-demeanour = ملاحظة سلوك يدل على الخوف

rule-adult-ilo-ec-combination = تحقق بُعد من أبعاد التجنيد، وظروف استغلالية، وإكراه أو استغلال لحالة الضعف في بلد المقصد: وهو التركيب الذي تعتمده منظمة العمل الدولية والمفوضية الأوروبية للبالغين.
rule-adult-forced-at-destination = ظروف استغلالية مع إكراه في بلد المقصد: مؤشرات على العمل الجبري حتى دون عنصر التجنيد.
rule-child-exploitation = طفل في حالة استغلال أو تحت الإكراه: في حالة الأطفال لا يلزم إثبات وسيلة إكراه أو خداع.
rule-any-dimension-met = تحقق بُعد واحد على الأقل، أو يوجد مؤشر قوي على السيطرة: يلزم تقييم أشمل.
rule-child-any-indicator = طفل لديه مؤشر واحد على الأقل على عمل استغلالي.
rule-labour-rights = ظروف عمل استغلالية دون علامات إكراه: مخاوف تتعلق بحقوق العمل.

stop-imminent-danger = يخشى الشخص أن يتعرض للأذى اليوم. أوقف المقابلة واتبع إجراء الطوارئ واتصل بجهة الطوارئ.

ref-emergency = في حالة خطر مباشر على الحياة أو السلامة.
ref-nrm = تحديد رسمي للهوية ووصول إلى الدعم الذي يكفله القانون.
ref-shelter = سكن آمن مع فترة للتعافي والتفكير.
ref-medical = علاج الإصابات والرعاية الصحية بسرية.
ref-legal = مشورة بشأن الحقوق والإقامة والأجور غير المدفوعة والتعويض.
ref-labour-inspection = تفتيش مكان العمل واسترداد الأجور.
ref-child-protection = حماية الطفل وتعيين وصيّ له؛ وقد يكون الإبلاغ إلزامياً.
ref-hotline = مشورة وإحالة بلغات عديدة.

safety-companion-present = كان حاضراً شخص قد يسيطر على الشخص المعني. لا تسلّم مواد مكتوبة قد يعثر عليها؛ واتفق على طريقة آمنة للتواصل.
safety-threats = أُبلغ عن تهديدات. لا تتصل بصاحب العمل أو بالعائلة دون موافقة الشخص.
safety-documents = الوثائق محتجزة. لا تواجه صاحب العمل بشأنها خلال هذه الزيارة.
safety-presumed-minor = قد يكون الشخص طفلاً. عامله كطفل حتى يثبت عمره، وأشرك جهة حماية الطفل.
safety-consent-before-referral = اطلب الموافقة قبل كل إحالة. اشرح ما تقدمه كل جهة، ولا تقطع وعوداً لا تستطيع الوفاء بها.

section-about-you = عنك
q-gender = كيف تصف نوعك الاجتماعي؟
q-gender-note = اسأل فقط إذا كان ذلك آمنًا؛ وسجّل جواب الشخص نفسه. «أفضّل عدم الإجابة» مقبول دائمًا.
c-gender-woman = امرأة أو فتاة
c-gender-man = رجل أو فتى
c-gender-other = نوع اجتماعي آخر
