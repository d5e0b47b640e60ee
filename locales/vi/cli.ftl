# Bản nháp: cần người bản ngữ xem lại.
cli-list-languages = ngôn ngữ: { $languages }  (* = bản nháp, cần xem lại)
cli-show-review-by = Xem lại trước { $date }
cli-interviewer-note = (người phỏng vấn) { $note }
cli-observed-only = (chỉ dành cho người phỏng vấn: quan sát, không đọc to)
cli-hint-multiple = Nhiều số, cách nhau bằng dấu phẩy.
cli-hint-number = Một số nguyên từ { $min } đến { $max }.
cli-hint-date = Một ngày: YYYY-MM-DD.
cli-hint-duration = Một khoảng thời gian: một số và d, w, m hoặc y (ví dụ 3m).
cli-hint-country = Mã quốc gia hai chữ cái (ISO 3166), ví dụ MD.
cli-hint-language = Mã ngôn ngữ, ví dụ ro hoặc ar-SD.
cli-hint-text = Ghi câu trả lời bằng lời của chính người đó.
cli-hint-note = Nhấn Enter để tiếp tục.
cli-current-answer = Câu trả lời hiện tại: { $answer }
cli-commands = ? không biết   - không muốn nói   < quay lại   > bỏ qua   ! dừng
cli-commands-required = < quay lại   ! dừng   (không thể bỏ qua bước này)
cli-completed-prompt = Đã xong các câu hỏi. Nhấn Enter để xem kết quả, < để quay lại, hoặc :override MỨC LÝ-DO.
cli-at-start = Đây là câu hỏi đầu tiên.
cli-invalid-yes-no = Gõ 1 cho có hoặc 2 cho không.
cli-invalid-choice = Gõ số của một lựa chọn.
cli-invalid-number = Gõ một số nguyên.
cli-invalid-date = Gõ ngày theo dạng YYYY-MM-DD.
cli-invalid-duration = Gõ một số và d, w, m hoặc y, ví dụ 3m.
cli-invalid-answer = Câu trả lời này không phù hợp với câu hỏi.
cli-invalid-level = Các mức: refer-now, assess-further, labour-rights-concern, no-indication.
cli-override-needs-reason = Thay đổi mức cần có lý do bằng văn bản: :override MỨC LÝ-DO
cli-error-required = Bước này cần câu trả lời.
cli-error-ended = Cuộc phỏng vấn đã kết thúc.
cli-script-stopped = Câu trả lời ở dòng { $line } (câu hỏi `{ $question }`) không được chấp nhận; cuộc phỏng vấn theo kịch bản dừng tại đây.
cli-input-ended = Câu trả lời đã hết trước khi phỏng vấn xong. Hồ sơ vẫn mở: tiếp tục bằng --resume { $case }.
cli-consent-refused = Người đó không đồng ý. Chỉ lưu việc từ chối.
cli-postponed = Cuộc phỏng vấn đã được hoãn vì lý do an toàn.
cli-outcome-title = Kết quả: { $level }
cli-outcome-override = (người phỏng vấn đã đổi mức tính toán, { $computed }, vì: { $reason })
cli-outcome-incomplete = Đây không phải kết quả sàng lọc: cuộc phỏng vấn chưa kết thúc. Phần dưới chỉ dựa trên các câu trả lời đã có.
cli-outcome-age-assumed = Chưa đến bước hỏi tuổi; đã dùng danh sách chỉ báo cho người lớn.
cli-outcome-profile = { $profile }: { $level }
cli-outcome-because = Lý do: { $reason }
cli-dimension-met = { $dimension }: đạt ({ $strong } mạnh, { $medium } trung bình, { $weak } yếu)
cli-dimension-not-met = { $dimension }: không đạt ({ $strong } mạnh, { $medium } trung bình, { $weak } yếu)
cli-strength-strong = mạnh
cli-strength-medium = trung bình
cli-strength-weak = yếu
cli-outcome-referrals = Đề xuất chuyển tuyến:
cli-referral-example = Mục ví dụ: hãy thay bằng dịch vụ tại địa phương trước khi dùng.
cli-referral-mandatory = Có thể bắt buộc phải báo cho dịch vụ này.
cli-referrals-expired = Không hiển thị, thông tin đã hết hạn: { $ids }
cli-outcome-safety = Lưu ý an toàn cho bạn:
cli-outcome-excluded = Câu trả lời bị loại vì câu hỏi không còn áp dụng: { $ids }
cli-fallbacks = { $count } đoạn văn bản đã hiển thị bằng ngôn ngữ khác: { $keys }
cli-answer-hidden = (vẫn lưu, nhưng không tính: câu hỏi không còn áp dụng)
cli-vault-init-warning = Hãy chọn một cụm mật khẩu bạn sẽ nhớ. Không thể khôi phục: không có nó thì không ai, kể cả nhóm FieldScreen, mở được kho này.
cli-vault-created = Đã tạo kho { $id } trong { $dir }.
cli-vault-unlocked = Đã mở kho { $id }: { $cases } hồ sơ.
cli-vault-passwd-done = Đã đổi cụm mật khẩu. Chỉ khóa được bọc lại (--keep-key): bản sao cũ của tệp khóa vẫn mở được kho bằng cụm mật khẩu cũ.
cli-vault-check-ok = Kho an toàn: mọi trang đều được xác thực và cấu trúc cơ sở dữ liệu còn nguyên vẹn.
cli-vault-check-problems = Tìm thấy { $count } vấn đề. Hãy giữ một bản sao thư mục kho trước khi thay đổi bất cứ điều gì.
cli-needs-yes = Việc này cần xác nhận; trong kịch bản, hãy thêm --yes.
cli-confirm-delete = Xóa vĩnh viễn hồ sơ { $id }? Câu trả lời và lịch sử của hồ sơ không thể khôi phục; nếu thiết bị này thuộc một nhóm, hồ sơ cũng sẽ bị xóa trên mọi thiết bị của nhóm ở lần đồng bộ tiếp theo. Gõ yes để xác nhận:
cli-confirm-export = Thao tác này ghi dữ liệu cá nhân (mọi hồ sơ và câu trả lời) vào { $target }, KHÔNG MÃ HÓA. Ai có được tệp cũng đọc được. Gõ yes để xác nhận:
cli-nothing-done = Không có gì được thực hiện.
cli-case-deleted = Đã xóa hồ sơ { $id }.
cli-case-started = Hồ sơ { $id }: mỗi câu trả lời được lưu, đã mã hóa, ngay khi được đưa ra.
cli-case-resumed = Tiếp tục hồ sơ { $id }.
cli-practice = Chế độ luyện tập: không lưu gì.
cli-resume-dropped = Đã loại các câu trả lời đã lưu mà phiên bản quy trình này không chấp nhận: { $ids }
cli-confirm-htcds-sealed = Thao tác này ghi dữ liệu cá nhân của mỗi người đã đồng ý (xuất hồ sơ theo HTCDS) vào { $target }, được niêm phong bằng cụm mật khẩu bạn chọn bây giờ. Gõ yes để xác nhận:
cli-confirm-htcds-plain = Thao tác này ghi dữ liệu cá nhân của mỗi người đã đồng ý (xuất hồ sơ theo HTCDS) vào { $target }, KHÔNG MÃ HÓA. Bất kỳ ai có tệp đều đọc được. Gõ yes để xác nhận:
cli-export-passphrase = Cụm mật khẩu cho tệp xuất (không phải của kho):
cli-export-passphrase-again = Nhập lại cụm mật khẩu đó:
cli-export-passphrase-short = Cụm mật khẩu xuất phải có ít nhất { $min } ký tự.
cli-written-sealed = Đã ghi { $count } hồ sơ vào { $target }, đã niêm phong. Mở bằng `fieldscreen unseal { $target }` và cụm mật khẩu xuất.
cli-written-plain = Đã ghi { $count } hồ sơ vào { $target }, không mã hóa. Hãy xóa tệp khi không còn cần.
cli-htcds-without-consent = Bỏ qua { $count } hồ sơ: người đó không đồng ý lưu dữ liệu kèm tên.
cli-not-sealed = { $file } không phải là tệp FieldScreen đã niêm phong.
cli-sealed-content = Tệp niêm phong chứa { $content }.
cli-team-created = Đã tạo nhóm “{ $name }” ({ $team }) trên { $relay }. Thiết bị này là quản trị viên đầu tiên: `fieldscreen team invite` để mời thiết bị khác.
cli-team-invite = Lời mời { $id }: chỉ dùng được một lần, trong { $minutes } phút, đến { $until }. Lời mời không chứa khóa nào: thiết bị mới xin tham gia và bạn chấp nhận bằng `fieldscreen team approve --code …` khi sáu chữ số trên hai màn hình giống nhau. Mã:
cli-team-code-prompt = Mã lời mời:
cli-team-joined = Đã tham gia nhóm “{ $name }” ({ $team }) với thiết bị { $device }. `fieldscreen sync` giờ trao đổi hồ sơ.
cli-team-revoked = Đã thu hồi thiết bị { $device }: máy chuyển tiếp từ nay từ chối nó, và nhóm có khóa mới (kỳ { $epoch }) mà nó không mở được.
cli-team-show = Nhóm “{ $name }” ({ $team }), kỳ { $epoch }, máy chuyển tiếp { $relay }. Lần đồng bộ cuối: { $last }. Thay đổi đang chờ: { $pending }.
cli-synced = Đã đồng bộ: gửi { $sent } gói, nhận { $received } gói; { $new } hồ sơ mới, { $changed } hồ sơ được cập nhật.
cli-sync-erased = { $count } hồ sơ đã bị xóa trên một thiết bị khác của nhóm cũng đã được xóa ở đây.
cli-conflicts-waiting = { $count } câu trả lời bị đổi trên hai thiết bị cùng lúc: cả hai giá trị được giữ. Xem `fieldscreen cases conflicts`.
cli-bundle-written = Đã niêm phong { $count } hồ sơ cho nhóm trong { $target }.
cli-bundle-read = Đã hợp nhất: { $new } hồ sơ mới, { $changed } hồ sơ được cập nhật.
cli-conflict-resolved = Đã giữ một giá trị của `{ $question }` trong hồ sơ { $id }; lựa chọn được ghi trong lịch sử hồ sơ và nhật ký kiểm tra.

cli-switched-protocol = Người này dưới 18 tuổi hoặc có thể dưới 18 tuổi: cuộc phỏng vấn tiếp tục với các câu hỏi của “{ $protocol }”.

cli-script-missing = Tệp câu trả lời không có dòng nào cho câu hỏi `{ $question }`: hãy thêm một dòng, hoặc chạy với --unlisted skip.

cli-confirm-export-sealed = Thao tác này ghi dữ liệu cá nhân (mọi hồ sơ và câu trả lời) vào { $target }, được niêm phong bằng một cụm mật khẩu bạn chọn ngay bây giờ. Gõ yes để xác nhận:
cli-sealed-needs-output = Bản xuất niêm phong là một tệp: hãy dùng --output TỆP (hoặc --plaintext để in văn bản không mã hóa).
cli-team-join-preview = Máy chuyển tiếp: { $host }. Nhóm: “{ $name }”, lời mời từ “{ $inviter }”. Hãy kiểm tra cả hai với người đã mời bạn.
cli-team-join-send-prompt = Gửi { $count } hồ sơ đã có trên thiết bị này cho nhóm? Gõ yes để gửi; trả lời khác thì giữ chúng chỉ trên thiết bị này:
cli-team-join-kept = { $count } hồ sơ đã có trên thiết bị này chỉ ở lại trên thiết bị (--send-cases để gửi cho nhóm).
cli-team-join-requested = Đã gửi yêu cầu. Mã đối chiếu: { $code }. Quản trị viên chỉ chấp nhận thiết bị này nếu màn hình của họ hiện cùng sáu chữ số.
cli-team-join-others = Cảnh báo: lời mời này đã nhận { $count } yêu cầu. Có thể người khác có mã: hãy báo quản trị viên.
cli-team-waiting = Đang chờ quản trị viên chấp nhận…
cli-team-join-pending = Đang chờ quản trị viên chấp nhận thiết bị này (mã đối chiếu { $code }). `fieldscreen team wait` để hoàn tất việc tham gia.
cli-team-join-refused = Yêu cầu đã bị từ chối, lời mời đã hết hạn, hoặc một thiết bị khác đã được chấp nhận bằng lời mời đó. Hãy xin quản trị viên lời mời mới.
cli-team-no-join = Không có yêu cầu tham gia nào đang chờ trên thiết bị này.
cli-team-no-requests = Không có yêu cầu tham gia nào đang chờ.
cli-team-request = Thiết bị { $device } “{ $name }”: mã đối chiếu { $code } (lời mời { $invitation }).
cli-team-request-others = { $count } yêu cầu với lời mời này: người khác có mã. Chỉ chấp nhận thiết bị có màn hình hiện cùng các chữ số.
cli-team-approved = Thiết bị { $device } đã vào nhóm. Mọi hồ sơ sẽ đến thiết bị đó ở lần đồng bộ tới của bạn.
cli-team-refused = Đã từ chối yêu cầu của thiết bị { $device }.
cli-team-rotated = Nhóm có khóa mới: kỳ { $epoch }.
cli-team-admin-added = Thiết bị { $device } giờ là quản trị viên.
cli-team-admin-removed = Thiết bị { $device } không còn là quản trị viên.
cli-team-leave-confirm = Rời nhóm “{ $name }” trên thiết bị này? Hồ sơ vẫn ở đây. Gõ yes để xác nhận:
cli-team-left = Thiết bị này đã rời nhóm; hồ sơ vẫn ở đây. Quản trị viên vẫn nên thu hồi nó, việc đó sẽ đổi khóa của nhóm.
cli-team-member = { $device }  { $role ->
        [admin] quản trị viên
        [revoked] đã thu hồi
       *[member] thành viên
    }  “{ $name }”{ $this ->
        [yes] {" "}(thiết bị này)
       *[no] {""}
    }
cli-vault-passwd-rekeyed = Đã đổi cụm mật khẩu và mã hóa lại kho bằng khóa mới: các bản sao cũ của tệp khóa không còn mở được gì.
cli-vault-rekeying = Đang mã hóa lại kho bằng khóa mới…
cli-vault-duress-set = Đã đặt cụm mật khẩu bị ép buộc: { $action }.
cli-vault-duress-off = Đã xóa cụm mật khẩu bị ép buộc và kho luyện tập của nó.
cli-vault-duress-none = Chưa đặt cụm mật khẩu bị ép buộc.
cli-vault-duress-current = Gõ cụm mật khẩu bị ép buộc sẽ: { $action }.
cli-vault-duress-explain = Cụm mật khẩu bị ép buộc là cụm mật khẩu thứ hai dùng khi bạn bị ép mở khóa. decoy: mở một kho luyện tập với vài cuộc phỏng vấn luyện tập; các hồ sơ thật vẫn khóa. wrong: hoạt động y như một cụm mật khẩu sai. destroy-decoy và destroy-wrong: trước hết hủy khóa, để không ai, kể cả bạn, có thể mở lại các hồ sơ thật. Việc hủy có thể làm tình huống nguy hiểm hơn hoặc bị coi là hủy chứng cứ nơi bạn làm việc: chỉ chọn sau khi đã cân nhắc điều đó. Người sao chép các tệp của thiết bị có thể thấy có một cơ sở dữ liệu thứ hai.
cli-duress-passphrase = Cụm mật khẩu bị ép buộc (không phải của kho): 
cli-vault-erase-set = Sau { $attempts } lần nhập sai liên tiếp, khóa sẽ bị hủy và kho sẽ không bao giờ mở lại được.
cli-vault-erase-off = Nhập sai cụm mật khẩu không còn xóa kho.
cli-vault-wait = Nhập sai quá nhiều lần; đang chờ trước lần thử tiếp theo
cli-sync-set-aside = Để riêng, không hợp nhất: mục { $pos } của nhật ký (lô { $seq } từ thiết bị { $device }): { $reason }
cli-sync-gap = Thiếu: máy chuyển tiếp đã bỏ qua lô { $seq } từ thiết bị { $device }. Lô này được yêu cầu lại ở mỗi lần đồng bộ; nếu không bao giờ đến, máy chuyển tiếp đã giữ lại hoặc làm mất nó.
cli-sync-troubled = Đồng bộ đã xong, nhưng một phần nhật ký của nhóm đã bị để riêng hoặc bị thiếu (ở trên). Hãy báo cho quản trị viên nhóm: có thể một thiết bị bị hỏng hoặc máy chuyển tiếp có lỗi.
cli-team-log-trouble = Mục nhật ký bị để riêng: { $aside }. Lô bị thiếu trên máy chuyển tiếp: { $missing }. Chạy `fieldscreen sync` để xem.
cli-team-relay-device = { $device } “{ $name }”: { $state ->
    [revoked] đã thu hồi
    [not-come] đã được nhận, chưa từng kết nối
   *[active] đang hoạt động
}; đã đọc nhật ký đến vị trí { $acked }; lô cuối { $seq }.
