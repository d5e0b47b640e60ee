# Bản nháp: cần người bản ngữ xem lại.
title = Sàng lọc người lớn: bóc lột lao động và bóc lột tình dục
summary = Sàng lọc đầy đủ cho người lớn theo sáu khía cạnh của bộ chỉ báo vận hành ILO/EC. Khoảng 20 phút.

section-now = Ngay lúc này
section-now-note = Hỏi câu này trước. Nếu người đó đang gặp nguy hiểm, hãy dừng lại và làm theo quy trình khẩn cấp.
q-danger-now = Bạn có sợ hôm nay ai đó sẽ làm hại bạn, hoặc người thân của bạn không?
q-danger-now-note = Nếu có, cuộc phỏng vấn dừng lại và các liên hệ khẩn cấp được hiển thị.

section-work-situation = Công việc của bạn
q-sector = Bạn làm, hoặc đã làm, loại công việc gì?
c-sector-agriculture = Làm nông hoặc làm ngoài đồng
c-sector-construction = Xây dựng
c-sector-factory = Nhà máy hoặc xưởng
c-sector-domestic = Làm việc trong nhà người khác
c-sector-hospitality = Nhà hàng, khách sạn hoặc dọn dẹp
c-sector-fishing = Đánh cá hoặc làm việc trên tàu
c-sector-sex-industry = Quán bar, câu lạc bộ, massage hoặc mại dâm
c-sector-street = Ăn xin hoặc bán hàng rong
c-sector-online-scam = Làm việc trực tuyến trong một khu khép kín (gọi điện, nhắn tin, lừa đảo)
c-sector-other = Việc khác
q-origin-country = Bạn đến từ nước nào?
q-time-in-work = Bạn đã làm công việc này bao lâu rồi?
q-arrival-date = Bạn đến nước này khi nào?
q-arrival-date-note = Ngày gần đúng là được; chọn "không biết" nếu người đó không chắc.
q-preferred-language = Bạn muốn nói chuyện với chúng tôi bằng ngôn ngữ nào?

section-recruitment = Bạn đến với công việc này như thế nào
section-recruitment-note = Hỏi về thời gian trước khi bắt đầu làm việc. Để người đó kể theo thứ tự của họ.
q-recruiter-relation = Ai đã tìm công việc này cho bạn, hoặc đưa bạn đến đây?
c-relation-partner = Bạn đời, người yêu
c-relation-family = Một người trong gia đình
c-relation-friend = Một người bạn hoặc người quen
c-relation-agency = Một công ty hoặc người môi giới
c-relation-stranger = Một người tôi không quen
c-relation-nobody = Không ai cả, tôi tự tìm
q-promised = Trước khi bắt đầu, có ai hứa cho bạn việc làm, tiền lương, giấy tờ hay điều gì khác không?
q-job-different = Công việc có khác với những gì bạn được hứa không?
q-pay-different = Tiền lương hoặc điều kiện có tệ hơn những gì bạn được hứa không?
q-recruit-fee = Bạn có phải trả phí, hoặc vay tiền, để có công việc này hoặc để đi không?
q-recruit-forced = Có ai ép buộc, đe dọa, hoặc đưa bạn đi trái ý muốn để bắt đầu công việc này không?
q-hardship-before = Lúc đó, bạn có ở trong hoàn cảnh rất khó khăn không, ví dụ không có tiền, mắc nợ hoặc không có giấy tờ?

section-work-conditions = Điều kiện làm việc và sinh hoạt
q-hours-per-day = Một ngày bình thường, bạn làm việc bao nhiêu giờ?
q-day-off = Bạn có ít nhất một ngày nghỉ mỗi tuần không?
q-pay = Bạn được trả lương như thế nào?
c-pay-as-agreed = Như đã thỏa thuận
c-pay-less = Ít hơn thỏa thuận
c-pay-nothing = Không được trả gì
c-pay-to-someone-else = Tiền được trả cho người khác
q-deductions = Tiền lương của bạn có bị trừ không, ví dụ cho tiền ăn, chỗ ngủ, đi lại hoặc một khoản nợ?
q-housing-bad = Chỗ bạn ngủ có chật chội, bẩn thỉu hoặc không an toàn không?
q-dangerous-work = Bạn có phải làm công việc nguy hiểm mà không có đồ bảo hộ không?
q-sexual-exploitation = Có ai ép bạn quan hệ tình dục, hoặc bán dâm, khi bạn không muốn không?
q-sexual-exploitation-note = Hỏi nhẹ nhàng, một lần. Chấp nhận "tôi không muốn nói" mà không ép. Không hỏi chi tiết.

section-control = Tự do và kiểm soát
section-control-note = Những câu hỏi này có thể gây sợ hãi. Nhắc người đó rằng họ có thể bỏ qua bất kỳ câu nào.
q-free-to-leave = Bạn có thể bỏ công việc này nếu bạn muốn không?
q-documents-held = Có người khác giữ hộ chiếu hoặc giấy tờ tùy thân của bạn trái ý muốn của bạn không?
q-debt = Bạn có nợ tiền chủ hoặc người đã đưa bạn đến đây không?
q-debt-unpayable = Khoản nợ có cứ tăng lên, hoặc bạn không thấy cách nào trả hết không?
q-threats = Có ai đe dọa bạn hoặc gia đình bạn không?
q-threat-authorities = Có ai nói sẽ báo bạn cho cảnh sát hoặc cơ quan xuất nhập cảnh không?
q-violence = Có ai đánh, làm bạn bị thương, hoặc làm điều gì đó về tình dục với bạn trái ý muốn không?
q-violence-note = Nếu người đó bị thương, hãy đề nghị hỗ trợ y tế trước tiên.
q-watched = Bạn có bị theo dõi, bị nhốt, hoặc bị cấm nói chuyện với người khác không?

section-vulnerability = Hoàn cảnh của bạn ở đây
q-knows-address = Bạn có biết địa chỉ nơi bạn đang sống không?
q-speaks-local-language = Bạn có nói được ngôn ngữ của nước này không?
q-status-fear = Bạn có sợ vì giấy tờ cư trú hoặc lao động của mình ở đây không?

section-observations = Những gì bạn quan sát được
section-observations-note = Tự điền sau cuộc trò chuyện. Không hỏi những câu này.
q-obs-injuries = Bạn có thấy vết thương hoặc dấu hiệu bạo lực không?
q-obs-fear = Người đó có vẻ rất sợ hãi, hoặc nhìn người khác trước khi trả lời không?

section-your-views = Ý kiến của bạn, bằng lời của bạn
section-your-views-note = Không bắt buộc và tách riêng khỏi phần sàng lọc. Hãy nói rằng không có gì thay đổi với người đó nếu họ từ chối.
q-views-consent = Ngoài các câu hỏi này: bạn có muốn kể với tôi, bằng lời của mình, bạn cần gì và bạn đã bị đối xử thế nào không? Điều đó chỉ nằm trong hồ sơ của bạn. Nó không bao giờ được đếm hay chia sẻ, ngoại trừ số người đã chọn kể.
q-views-needs = Bây giờ bạn cần gì nhất?
q-views-treatment = Bạn đã bị đối xử thế nào, bởi bất kỳ ai, kể cả cán bộ và các tổ chức như chúng tôi?
section-closing = Kết thúc
q-anything-else = Bạn còn muốn kể với tôi điều gì khác không?
q-closing-note = Cảm ơn người đó. Giải thích điều gì sẽ xảy ra tiếp theo, có những hỗ trợ nào, và sẽ không làm gì nếu họ không đồng ý, trừ khi pháp luật yêu cầu.

dim-deceptive-recruitment = Tuyển dụng lừa dối
dim-coercive-recruitment = Tuyển dụng cưỡng ép
dim-vulnerability-recruitment = Tuyển dụng lợi dụng tình trạng dễ bị tổn thương
dim-exploitative-conditions = Điều kiện làm việc bóc lột
dim-coercion-destination = Cưỡng ép tại nơi đến
dim-vulnerability-destination = Lợi dụng tình trạng dễ bị tổn thương tại nơi đến

ind-deceived-nature-of-job = Bị lừa về tính chất công việc
ind-deceived-conditions = Bị lừa về tiền lương hoặc điều kiện
ind-recruitment-debt = Nợ liên quan đến tuyển dụng hoặc đi lại
ind-recruitment-force = Vũ lực, đe dọa hoặc bắt cóc khi tuyển dụng
ind-recruited-by-intimate = Được bạn đời hoặc người thân tuyển
ind-hardship-at-recruitment = Khó khăn kinh tế hoặc pháp lý khi được tuyển
ind-excessive-hours = Giờ làm quá mức (hơn 12 giờ mỗi ngày)
ind-no-rest-day = Không có ngày nghỉ hằng tuần
ind-low-or-no-pay = Không được trả lương, hoặc người khác lấy lương
ind-underpaid = Được trả ít hơn thỏa thuận
ind-wage-deductions = Bị trừ lương
ind-bad-living-conditions = Điều kiện sống tồi tệ
ind-hazardous-work = Công việc nguy hiểm không có bảo hộ
ind-sexual-exploitation = Bóc lột tình dục
ind-not-free-to-leave = Không được tự do rời đi
ind-documents-withheld = Giấy tờ tùy thân bị giữ
ind-debt-bondage = Lao động gán nợ
ind-debt-owed = Nợ chủ hoặc người môi giới
ind-threats = Đe dọa người đó hoặc gia đình
ind-threat-of-denunciation = Đe dọa tố cáo với chính quyền
ind-violence = Bạo lực
ind-isolation-surveillance = Cô lập, giam giữ hoặc theo dõi
ind-does-not-know-address = Không biết địa chỉ nơi ở hoặc nơi làm việc
ind-language-barrier = Không nói được ngôn ngữ địa phương
ind-irregular-status-fear = Sợ hãi liên quan đến tình trạng cư trú
ind-fearful-demeanour = Quan sát thấy biểu hiện sợ hãi

rule-adult-ilo-ec-combination = Đạt cả một khía cạnh tuyển dụng, điều kiện bóc lột, và cưỡng ép hoặc lợi dụng tình trạng dễ bị tổn thương tại nơi đến: tổ hợp ILO/EC cho người lớn.
rule-adult-forced-at-destination = Điều kiện bóc lột cùng với cưỡng ép tại nơi đến: dấu hiệu lao động cưỡng bức ngay cả khi không có yếu tố tuyển dụng.
rule-child-exploitation = Trẻ em bị bóc lột hoặc bị cưỡng ép: với trẻ em không cần chứng minh thủ đoạn cưỡng ép hay lừa dối.
rule-any-dimension-met = Đạt ít nhất một khía cạnh, hoặc có chỉ báo mạnh về kiểm soát: cần đánh giá đầy đủ hơn.
rule-child-any-indicator = Trẻ em có ít nhất một chỉ báo về lao động bóc lột.
rule-labour-rights = Điều kiện làm việc bóc lột nhưng không có dấu hiệu cưỡng ép: vấn đề quyền lao động.

stop-imminent-danger = Người đó sợ bị làm hại hôm nay. Dừng phỏng vấn, làm theo quy trình khẩn cấp và gọi liên hệ khẩn cấp.

ref-emergency = Khi có nguy hiểm tức thời đến tính mạng hoặc an toàn.
ref-nrm = Xác định chính thức và tiếp cận hỗ trợ theo luật định.
ref-shelter = Chỗ ở an toàn, có thời gian hồi phục và suy nghĩ.
ref-medical = Chăm sóc vết thương và sức khỏe, bảo mật.
ref-legal = Tư vấn về quyền, cư trú, tiền lương chưa trả và bồi thường.
ref-labour-inspection = Thanh tra nơi làm việc và đòi lại tiền lương.
ref-child-protection = Bảo vệ và người giám hộ cho trẻ em; có thể bắt buộc phải báo cáo.
ref-hotline = Tư vấn và chuyển tuyến, bằng nhiều ngôn ngữ.

safety-companion-present = Có người có thể đang kiểm soát người được phỏng vấn ở đó. Không đưa tài liệu viết mà họ có thể tìm thấy; hãy thống nhất một cách liên lạc an toàn.
safety-threats = Có báo cáo về đe dọa. Không liên hệ với chủ hoặc gia đình nếu người đó không đồng ý.
safety-documents = Giấy tờ đang bị giữ. Không chất vấn chủ về việc này trong lần đến này.
safety-presumed-minor = Người đó có thể là trẻ em. Đối xử như trẻ em cho đến khi xác định được tuổi và mời cơ quan bảo vệ trẻ em tham gia.
safety-consent-before-referral = Hỏi ý kiến đồng ý trước mỗi lần chuyển tuyến. Giải thích từng dịch vụ làm gì, và không hứa những điều bạn không thể giữ.

section-about-you = Về bạn
q-gender = Bạn mô tả giới tính của mình như thế nào?
q-gender-note = Chỉ hỏi khi an toàn; ghi lại câu trả lời của chính người đó. "Không muốn trả lời" luôn được chấp nhận.
c-gender-woman = Phụ nữ hoặc bé gái
c-gender-man = Nam giới hoặc bé trai
c-gender-other = Giới tính khác
