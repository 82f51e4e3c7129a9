# inquiry-desk messages — Korean (the default locale; the other locales must have exactly the
# same message ids and variables, or the build fails: see build.rs).
# Variables are written { $name }. Dates and numbers are formatted before they get here.

app-title = 1:1 문의
new-inquiry = 1:1 문의하기

## List: filters
period = 조회 기간
custom-period = 직접 입력
start-date = 시작일
end-date = 종료일
apply = 조회
status = 처리 상태
all-statuses = 전체
search-by = 검색 조건
search-keyword = 제목·내용
search-order-no = 주문번호
search-placeholder = 검색어를 입력하세요
search = 검색
preset-week = 1주일
preset-month = 1개월
preset-three-months = 3개월
preset-six-months = 6개월
preset-year = 1년
period-missing = 시작일과 종료일을 모두 입력해 주세요.
period-start-after-end = 시작일이 종료일보다 늦을 수 없습니다.
period-end-in-future = 종료일은 오늘 이후로 지정할 수 없습니다.
period-too-long = 조회 기간은 최대 { $max }일까지 지정할 수 있습니다 (선택한 기간: { $days }일).

## List: table
list-caption = 내 1:1 문의 목록
col-type = 문의 유형
col-title = 제목
col-goods = 상품
col-order = 주문번호
col-created = 등록일
col-status = 상태
empty-list = 조회 기간에 등록한 문의가 없습니다.
empty-hint = 궁금한 점이 있으면 언제든 문의해 주세요.
total-count = 총 { $count }건
page-of = { $page } / { $total } 페이지
prev-page = 이전
next-page = 다음
pagination = 페이지 이동

## Common
retry = 다시 시도
loading = 불러오는 중…
back-to-list = 목록으로
edit = 수정
delete = 삭제
cancel = 취소
close = 닫기
remove = 삭제
more = 더 보기
price = { $amount }원

## Status
status-received = 접수완료
status-in-progress = 처리중
status-answered = 답변완료
status-hint-received = 상담원 확인 대기
status-hint-in-progress = 상담원이 확인 중
status-hint-answered = 답변을 확인하세요
new-answer = 새 답변
lock-in-progress = 상담원이 확인 중인 문의는 수정하거나 삭제할 수 없습니다.
lock-answered = 답변이 완료된 문의는 수정하거나 삭제할 수 없습니다.

## Detail
content = 문의 내용
order-no = 주문번호
order-date = 주문일
created-at = 등록일시
answered-at = 답변일시
photos = 첨부 사진
replies = 답변
no-reply-yet = 아직 답변이 등록되지 않았습니다. 답변이 등록되면 이곳에 표시됩니다.
reply-counselor = 상담원
reply-seller = 판매자
delete-title = 문의를 삭제할까요?
delete-body = 삭제한 문의와 첨부 사진은 되돌릴 수 없습니다.
delete-confirm = 삭제하기
deleted = 문의를 삭제했습니다.
not-found-title = 문의를 찾을 수 없습니다
not-found-body = 삭제되었거나 주소가 올바르지 않습니다.
page-not-found = 페이지를 찾을 수 없습니다.
photo-open = 크게 보기
photo-failed = 사진을 불러오지 못했습니다
photo-alt = 첨부 사진 { $n }
conflict-explained = 이 문의는 지금 '{ $status }' 상태입니다. 그 사이 상담원이 문의를 확인했습니다. 아래에서 최신 상태와 답변을 확인해 주세요.

## Goods picker
pick-goods = 상품 선택
tab-orders = 최근 주문 상품
tab-search = 상품 검색
search-goods = 상품명 또는 브랜드로 검색
no-orders = 최근 주문한 상품이 없습니다. 상품 검색 탭에서 찾아 주세요.
no-goods-found = 검색 결과가 없습니다. 다른 검색어로 찾아 주세요.

## Photos
choose-photos = 사진 선택
drop-photos = 또는 이곳으로 사진을 끌어 놓으세요
uploading = 업로드 중
photo-hint = JPEG, PNG, GIF, WEBP 정지 사진을 최대 { $max }장, 한 장에 { $size }, { $megapixels }MP(메가픽셀)까지 첨부할 수 있습니다. 큰 사진은 자동으로 줄여서 올리며, 위치 정보(EXIF)는 지우고 저장합니다.
photo-bad-type = '{ $name }': JPEG, PNG, GIF, WEBP 사진만 첨부할 수 있습니다.
photo-too-large = '{ $name }': 사진 한 장은 { $size }까지 첨부할 수 있습니다.
photo-too-many = '{ $name }': 사진은 최대 { $max }장까지 첨부할 수 있습니다.
photo-empty = '{ $name }': 빈 파일은 첨부할 수 없습니다.
photo-corrupt = '{ $name }': 손상되었거나 온전한 이미지가 아닙니다. 사진을 다시 저장해 첨부해 주세요.
photo-too-many-pixels = '{ $name }': 사진이 너무 큽니다. 한 장은 { $megapixels }MP(메가픽셀)까지 첨부할 수 있습니다.
photo-animated = '{ $name }': 움직이는 이미지는 첨부할 수 없습니다. 정지된 사진을 첨부해 주세요.

## Register / edit form
new-title = 1:1 문의하기
edit-title = 문의 수정
back-to-detail = 문의로 돌아가기
follow-up = 추가 문의
follow-up-prefix = [추가 문의]
follow-up-of = 문의 { $id }에 대한 추가 문의입니다.
created = 문의를 등록했습니다. 답변이 등록되면 알려 드릴게요.
updated = 문의를 수정했습니다.
submit-network = 네트워크 문제로 등록하지 못했습니다. 작성한 내용은 그대로 있으니 다시 시도해 주세요. 다시 보내도 문의는 한 번만 등록됩니다.
draft-found = 작성 중이던 문의가 있습니다. 이어서 작성할까요?
draft-restore = 이어서 작성
draft-discard = 삭제
fix-these = 입력 내용을 확인해 주세요.
type = 문의 유형
type-group = 문의 분류
choose-type-group = 분류 선택
choose-type = 세부 유형 선택
goods-needed-short = 상품 선택 필요
goods-needed = 이 유형은 상품을 선택해야 합니다
title = 제목
goods = 문의 상품
change-goods = 다른 상품 선택
unpick-goods = 선택 해제
pii-notice = 전화번호, 계좌번호, 주소 같은 개인정보는 적지 말아 주세요.
sms-consent = 답변이 등록되면 카카오톡 알림톡으로 알림 받기 (받을 수 없으면 문자로 보내드립니다)
email-consent = 답변이 등록되면 이메일로 알림 받기
conflict-answer = 등록된 답변
your-text = 작성하신 내용 (복사해서 추가 문의에 쓸 수 있습니다)
submit = 문의 등록
save-changes = 수정 완료
submitting = 보내는 중…
counter = { $len } / { $max }자
edit-conflict = 이 문의는 지금 '{ $status }' 상태입니다. 그 사이 상담원이 문의를 확인했습니다. 작성하신 내용은 아래에 그대로 있으니 추가 문의로 남겨 주세요.
type-required = 문의 유형을 선택해 주세요.
field-required = { $field }을(를) 입력해 주세요.
field-too-long = { $field }은(는) { $max }자까지 쓸 수 있습니다 (지금 { $len }자).
field-control-character = { $field }에 입력할 수 없는 보이지 않는 문자({ $char })가 있습니다. 지우고 다시 입력해 주세요.
field-one-line = { $field }은(는) 한 줄로 입력해 주세요 (줄바꿈과 탭은 쓸 수 없습니다).
field-too-long-max = { $field }은(는) { $max }자까지 쓸 수 있습니다.
goods-required = 선택한 문의 유형은 상품을 선택해야 합니다.
field-invalid = { $field }의 값이 올바르지 않습니다. 다시 선택해 주세요.

## Errors from the API
error-network = 서버에 연결할 수 없습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.
page-load-failed = 화면을 불러오지 못했습니다. 네트워크 연결을 확인한 뒤 다시 시도해 주세요.
error-unauthorized = 로그인이 필요합니다. 다시 로그인한 뒤 이용해 주세요.
error-not-found = 요청한 정보를 찾을 수 없습니다.
error-server = 일시적인 오류로 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.
error-decode = 서버 응답을 해석할 수 없습니다. 잠시 후 다시 시도해 주세요.
error-validation = 요청 내용을 처리할 수 없습니다. 입력 내용을 확인해 주세요.
error-too-large = 첨부한 사진의 용량이 너무 큽니다. 사진 수를 줄이거나 작은 사진으로 다시 시도해 주세요.
error-replay-deleted = 이 등록 요청으로 만들어진 문의는 이미 삭제되었습니다. 작성한 내용은 그대로 있으니, 다시 등록하려면 한 번 더 눌러 주세요.
error-too-many = 요청이 너무 잦습니다. { $seconds }초 뒤에 다시 시도해 주세요. 작성한 내용은 그대로 있습니다.

## Answer satisfaction (on an answered inquiry)
rating-title = 답변이 도움이 되었나요?
rating-satisfied = 만족
rating-unsatisfied = 불만족
rating-reason = 아쉬웠던 이유
rating-reason-choose = 선택해 주세요
rating-reason-unresolved = 문제가 해결되지 않았어요
rating-reason-unclear = 답변을 이해하기 어려워요
rating-reason-slow = 답변이 늦었어요
rating-reason-unkind = 응대가 친절하지 않았어요
rating-reason-other = 기타
rating-comment = 의견 (선택, { $max }자 이내)
rating-submit = 평가 보내기
rating-choose = 만족 또는 불만족을 선택해 주세요.
rating-reason-required = 아쉬웠던 이유를 선택해 주세요.
rating-given-satisfied = 이 답변에 만족한다고 평가하셨습니다. 감사합니다.
rating-given-unsatisfied = 이 답변에 불만족한다고 평가하셨습니다: { $reason }
rating-your-comment = 남기신 의견: { $comment }
rating-follow-up = 해결되지 않은 점이 있다면 추가로 문의해 주세요.
rating-already = 이미 평가한 답변입니다. 평가는 한 번만 할 수 있습니다.

## When the answer is due (business days)
answer-due-label = 답변 예정
answer-due = 영업일 기준 { $at }까지 답변드립니다.
