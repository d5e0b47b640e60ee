# مسودة: تحتاج إلى مراجعة من متحدث أصلي.
cli-list-languages = اللغات: { $languages }  (* = مسودة تحتاج إلى مراجعة)
cli-show-review-by = تُراجَع قبل { $date }
cli-interviewer-note = (للمقابِل) { $note }
cli-observed-only = (للمقابِل فقط: لاحظ ولا تقرأ بصوت عالٍ)
cli-hint-multiple = عدة أرقام تفصل بينها فواصل.
cli-hint-number = عدد صحيح من { $min } إلى { $max }.
cli-hint-date = تاريخ: YYYY-MM-DD.
cli-hint-duration = مدة: رقم ثم d أو w أو m أو y (مثلاً 3m).
cli-hint-country = رمز البلد من حرفين (ISO 3166)، مثلاً MD.
cli-hint-language = رمز اللغة، مثلاً ro أو ar-SD.
cli-hint-text = اكتب الإجابة بكلمات الشخص نفسه.
cli-hint-note = اضغط Enter للمتابعة.
cli-current-answer = الإجابة الحالية: { $answer }
cli-commands = ? لا أعرف   - أفضّل عدم الإجابة   < رجوع   > تخطٍّ   ! توقف
cli-commands-required = < رجوع   ! توقف   (لا يمكن تخطي هذه الخطوة)
cli-completed-prompt = اكتملت الأسئلة. اضغط Enter للنتيجة، أو < للرجوع، أو :override المستوى السبب.
cli-at-start = هذا هو السؤال الأول.
cli-invalid-yes-no = اكتب 1 لنعم أو 2 للا.
cli-invalid-choice = اكتب رقم أحد الخيارات.
cli-invalid-number = اكتب عدداً صحيحاً.
cli-invalid-date = اكتب التاريخ بالشكل YYYY-MM-DD.
cli-invalid-duration = اكتب رقماً ثم d أو w أو m أو y، مثلاً 3m.
cli-invalid-answer = هذه الإجابة لا تناسب هذا السؤال.
cli-invalid-level = المستويات: refer-now, assess-further, labour-rights-concern, no-indication.
cli-override-needs-reason = تغيير المستوى يتطلب سبباً مكتوباً: :override المستوى السبب
cli-error-required = هذه الخطوة تحتاج إلى إجابة.
cli-error-ended = انتهت المقابلة.
cli-script-stopped = لم تُقبل الإجابة في السطر { $line } (السؤال `{ $question }`)؛ تتوقف المقابلة المبرمجة هنا.
cli-input-ended = انتهت الإجابات قبل انتهاء المقابلة. تبقى الحالة مفتوحة: تابعها باستخدام ‎--resume { $case }.
cli-consent-refused = لم يوافق الشخص. لا يُحفظ سوى واقعة الرفض.
cli-postponed = أُجّلت المقابلة لأسباب تتعلق بالسلامة.
cli-outcome-title = النتيجة: { $level }
cli-outcome-override = (غيّر المقابِل المستوى المحسوب، { $computed }، للسبب التالي: { $reason })
cli-outcome-incomplete = ليست نتيجة فحص: لم تكتمل المقابلة. ما يلي يشمل الإجابات المعطاة فقط.
cli-outcome-age-assumed = لم يُصَل إلى خطوة العمر؛ استُخدمت قوائم مؤشرات البالغين.
cli-outcome-profile = { $profile }: { $level }
cli-outcome-because = السبب: { $reason }
cli-dimension-met = { $dimension }: متحقق ({ $strong } قوي، { $medium } متوسط، { $weak } ضعيف)
cli-dimension-not-met = { $dimension }: غير متحقق ({ $strong } قوي، { $medium } متوسط، { $weak } ضعيف)
cli-strength-strong = قوي
cli-strength-medium = متوسط
cli-strength-weak = ضعيف
cli-outcome-referrals = الإحالات المقترحة:
cli-referral-example = مثال: استبدله بالخدمة المحلية قبل الاستخدام.
cli-referral-mandatory = قد يكون الإبلاغ إلى هذه الجهة إلزامياً.
cli-referrals-expired = لم تُعرض لأن بياناتها قديمة: { $ids }
cli-outcome-safety = ملاحظات سلامة لك:
cli-outcome-excluded = إجابات مستبعدة لأن أسئلتها لم تعد تنطبق: { $ids }
cli-fallbacks = عُرض { $count } نص بلغة أخرى: { $keys }
cli-answer-hidden = (محفوظة لكنها مستبعدة: السؤال لم يعد ينطبق)
cli-vault-init-warning = اختر عبارة مرور تتذكرها. لا يمكن استرجاعها: من دونها لا يستطيع أحد، ولا حتى فريق FieldScreen، فتح هذه الخزنة.
cli-vault-created = أُنشئت الخزنة { $id } في { $dir }.
cli-vault-unlocked = فُتحت الخزنة { $id }: عدد الحالات { $cases }.
cli-vault-passwd-done = تم تغيير عبارة المرور. أُعيد تغليف المفتاح فقط (--keep-key): نسخة قديمة من ملف المفتاح ما زالت تفتح الخزنة بالعبارة القديمة.
cli-vault-check-ok = الخزنة سليمة: كل صفحة موثَّقة وبنية قاعدة البيانات سليمة.
cli-vault-check-problems = وُجدت { $count } مشكلة. احتفظ بنسخة من مجلد الخزنة قبل تغيير أي شيء.
cli-needs-yes = هذا يتطلب تأكيداً؛ في نص برمجي أضف ‎--yes.
cli-confirm-delete = حذف الحالة { $id } نهائياً؟ لا يمكن استرجاع إجاباتها وسجلها؛ وإذا كان هذا الجهاز في فريق، تُحذف الحالة أيضاً من كل أجهزة الفريق عند المزامنة التالية. اكتب yes للتأكيد:
cli-confirm-export = سيكتب هذا بيانات شخصية (كل الحالات وإجاباتها) في { $target } دون تشفير. يستطيع قراءتها كل من يحصل عليها. اكتب yes للتأكيد:
cli-nothing-done = لم يُفعل شيء.
cli-case-deleted = حُذفت الحالة { $id }.
cli-case-started = الحالة { $id }: تُحفظ كل إجابة مشفرةً فور إعطائها.
cli-case-resumed = استئناف الحالة { $id }.
cli-practice = وضع التدريب: لا يُحفظ شيء.
cli-resume-dropped = استُبعدت إجابات محفوظة لا تقبلها هذه النسخة من البروتوكول: { $ids }
cli-confirm-htcds-sealed = سيكتب هذا بيانات شخصية عن كل شخص وافق على ذلك (تصدير الحالات بمعيار HTCDS) في { $target }، مختومة بعبارة مرور تختارها الآن. اكتب yes للتأكيد:
cli-confirm-htcds-plain = سيكتب هذا بيانات شخصية عن كل شخص وافق على ذلك (تصدير الحالات بمعيار HTCDS) في { $target } دون تشفير. يستطيع أي شخص يحصل على الملف قراءته. اكتب yes للتأكيد:
cli-export-passphrase = عبارة مرور ملف التصدير (ليست عبارة مرور الخزنة):
cli-export-passphrase-again = عبارة المرور نفسها مرة أخرى:
cli-export-passphrase-short = يجب أن تتكون عبارة مرور التصدير من { $min } أحرف على الأقل.
cli-written-sealed = كُتبت { $count } حالة في { $target }، مختومة. افتحه بالأمر `fieldscreen unseal { $target }` وعبارة مرور التصدير.
cli-written-plain = كُتبت { $count } حالة في { $target } دون تشفير. احذفه حين لا تعود بحاجة إليه.
cli-htcds-without-consent = استُبعدت { $count } حالة: لم يوافق الشخص على حفظ بياناته باسمه.
cli-not-sealed = { $file } ليس ملفًا مختومًا من FieldScreen.
cli-sealed-content = ملف مختوم يحتوي { $content }.
cli-team-created = أُنشئ الفريق «{ $name }» ({ $team }) على { $relay }. هذا الجهاز هو أول مشرف عليه: يتيح `fieldscreen team invite` دعوة الآخرين.
cli-team-invite = الدعوة { $id }: تصلح مرة واحدة ولمدة { $minutes } دقيقة، حتى { $until }. لا تحمل أي مفتاح: يطلب الجهاز الجديد الانضمام، وتقبله أنت بالأمر `fieldscreen team approve --code …` بعد تطابق الأرقام الستة على الشاشتين. الرمز:
cli-team-code-prompt = رمز الدعوة:
cli-team-joined = انضممت إلى الفريق «{ $name }» ({ $team }) بصفتك الجهاز { $device }. يتبادل `fieldscreen sync` الحالات الآن.
cli-team-revoked = أُلغي الجهاز { $device }: يرفضه المُرحِّل من الآن، وللفريق مفتاح جديد (الحقبة { $epoch }) لا يستطيع فتحه.
cli-team-show = الفريق «{ $name }» ({ $team })، الحقبة { $epoch }، المُرحِّل { $relay }. آخر مزامنة: { $last }. تغييرات منتظرة: { $pending }.
cli-synced = تمت المزامنة: أُرسلت { $sent } دفعة واستُلمت { $received }؛ { $new } حالة جديدة و{ $changed } محدّثة.
cli-sync-erased = حُذفت هنا أيضاً { $count } حالة حُذفت على جهاز آخر في الفريق.
cli-conflicts-waiting = { $count } إجابة غُيّرت على جهازين في الوقت نفسه: حُفظت القيمتان. انظر `fieldscreen cases conflicts`.
cli-bundle-written = خُتمت { $count } حالة للفريق في { $target }.
cli-bundle-read = دُمج: { $new } حالة جديدة و{ $changed } محدّثة.
cli-conflict-resolved = حُفظت قيمة واحدة لـ `{ $question }` في الحالة { $id }؛ الاختيار مسجّل في سجل الحالة وسجل التدقيق.

cli-switched-protocol = عمر الشخص أقل من 18 سنة أو قد يكون كذلك: تستمر المقابلة بأسئلة «{ $protocol }».

cli-script-missing = لا يحتوي ملف الإجابات على سطر للسؤال `{ $question }`: أضف سطراً، أو شغّل مع --unlisted skip.

cli-confirm-export-sealed = سيكتب هذا بيانات شخصية (كل الحالات وإجاباتها) في { $target }، مختومة بعبارة مرور تختارها الآن. اكتب yes للتأكيد:
cli-sealed-needs-output = التصدير المختوم ملف: حدّد --output FILE (أو --plaintext لطباعة نص غير مشفّر).
cli-team-join-preview = المُرحِّل: { $host }. الفريق: «{ $name }»، بدعوة من «{ $inviter }». تحقّق من الاثنين مع الشخص الذي دعاك.
cli-team-join-send-prompt = هل تُرسَل إلى الفريق الحالات الموجودة على هذا الجهاز ({ $count })؟ اكتب yes لإرسالها؛ أي إجابة أخرى تُبقيها على هذا الجهاز وحده:
cli-team-join-kept = الحالات الموجودة على هذا الجهاز ({ $count }) تبقى عليه وحده (يرسلها ‎--send-cases‎ إلى الفريق).
cli-team-join-requested = أُرسل طلب الانضمام. رمز المطابقة: { $code }. لا يقبل المشرف هذا الجهاز إلا إذا أظهرت شاشته الأرقام الستة نفسها.
cli-team-join-others = تنبيه: وصل إلى هذه الدعوة { $count } طلبات. ربما يملك شخص آخر الرمز: أخبر المشرف.
cli-team-waiting = في انتظار موافقة أحد المشرفين…
cli-team-join-pending = في انتظار موافقة أحد المشرفين على هذا الجهاز (رمز المطابقة { $code }). يُكمل `fieldscreen team wait` الانضمام.
cli-team-join-refused = رُفض طلب الانضمام، أو انتهت صلاحية الدعوة، أو قُبل بها جهاز آخر. اطلب دعوة جديدة من أحد المشرفين.
cli-team-no-join = لا يوجد طلب انضمام منتظر على هذا الجهاز.
cli-team-no-requests = لا توجد طلبات انضمام منتظرة.
cli-team-request = الجهاز { $device } «{ $name }»: رمز المطابقة { $code } (الدعوة { $invitation }).
cli-team-request-others = { $count } طلبات على هذه الدعوة: شخص آخر يملك الرمز. لا تقبل إلا الجهاز الذي تُظهر شاشته الأرقام نفسها.
cli-team-approved = الجهاز { $device } في الفريق الآن. تصله كل الحالات عند مزامنتك التالية.
cli-team-refused = رُفض طلب الجهاز { $device }.
cli-team-rotated = للفريق مفتاح جديد: الحقبة { $epoch }.
cli-team-admin-added = الجهاز { $device } مشرف الآن.
cli-team-admin-removed = الجهاز { $device } لم يعد مشرفًا.
cli-team-leave-confirm = هل تغادر الفريق «{ $name }» على هذا الجهاز؟ تبقى حالاته هنا. اكتب yes للتأكيد:
cli-team-left = غادر هذا الجهاز الفريق؛ تبقى حالاته هنا. ينبغي مع ذلك أن يلغيه أحد المشرفين، فيتغيّر مفتاح الفريق.
cli-team-member = { $device }  { $role ->
        [admin] مشرف
        [revoked] مُلغى
       *[member] عضو
    }  «{ $name }»{ $this ->
        [yes] {" "}(هذا الجهاز)
       *[no] {""}
    }
cli-vault-passwd-rekeyed = تم تغيير عبارة المرور وأُعيد تشفير الخزنة بمفتاح جديد: النسخ القديمة من ملف المفتاح لم تعد تفتح شيئًا.
cli-vault-rekeying = جارٍ إعادة تشفير الخزنة بمفتاح جديد…
cli-vault-duress-set = تم تعيين عبارة الإكراه: { $action }.
cli-vault-duress-off = أُزيلت عبارة الإكراه ومُحيت خزنة التدريب الخاصة بها.
cli-vault-duress-none = لم تُعيَّن عبارة إكراه.
cli-vault-duress-current = كتابة عبارة الإكراه تؤدي إلى: { $action }.
cli-vault-duress-explain = عبارة الإكراه عبارة مرور ثانية لحالة إجبارك على فتح الجهاز. decoy: تفتح خزنة تدريب فيها بضع مقابلات تدريبية؛ وتبقى حالاتك الحقيقية مقفلة. wrong: تتصرف تمامًا كعبارة خاطئة. destroy-decoy و destroy-wrong: تُتلفان المفتاح أولًا، فلا يستطيع أحد، ولا أنت، فتح الحالات الحقيقية أبدًا. قد يجعل الإتلاف الموقف أخطر أو يُعدّ إتلافًا للأدلة حيث تعمل: لا تختره إلا بعد موازنة ذلك. من ينسخ ملفات الجهاز يمكنه أن يرى وجود قاعدة بيانات ثانية.
cli-duress-passphrase = عبارة الإكراه (ليست عبارة الخزنة): 
cli-vault-erase-set = بعد { $attempts } عبارات خاطئة متتالية سيُتلف المفتاح ولن تُفتح الخزنة أبدًا.
cli-vault-erase-off = لم تعد العبارات الخاطئة تمحو الخزنة.
cli-vault-wait = عبارات خاطئة كثيرة؛ انتظار قبل المحاولة التالية
cli-sync-set-aside = جُنّب ولم يُدمج: المدخل { $pos } من السجل (الدفعة { $seq } من الجهاز { $device }): { $reason }
cli-sync-gap = مفقود: تخطّى المُرحِّل الدفعة { $seq } من الجهاز { $device }. يُطلب مجدداً في كل مزامنة؛ وإن لم يصل أبداً فقد حجبه المُرحِّل أو أضاعه.
cli-sync-troubled = انتهت المزامنة، لكن جزءاً من سجل الفريق جُنّب أو مفقود (أعلاه). أبلغ مسؤول الفريق: قد يكون جهاز ما تالفاً أو يكون الخلل في المُرحِّل.
cli-team-log-trouble = مدخلات السجل المُجنَّبة: { $aside }. الدفعات المفقودة من المُرحِّل: { $missing }. شغّل `fieldscreen sync` لمعرفتها.
cli-team-relay-device = { $device } «{ $name }»: { $state ->
    [revoked] مُلغى
    [not-come] قُبل ولم يحضر قط
   *[active] نشط
}؛ قرأ السجل حتى الموضع { $acked }؛ آخر دفعة { $seq }.
