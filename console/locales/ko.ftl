# The console's messages (Fluent), compiled at build time by inquiry-i18n like the SPA's.
# Korean first: the desk's language. Another locale is a file beside this one with the same
# messages and variables (the build checks), plus its entry in console/build.rs and `Locale`.

## The frame
title = 통합상담관리
skip-to-main = 본문으로 건너뛰기
logout = 로그아웃
not-found = 페이지를 찾을 수 없습니다.
loading = 불러오는 중…

## Sign-in
login-title = 상담원 로그인
token-label = 상담원 토큰
token-hint = 데모 서버의 상담원 토큰: demo-counselor, demo-counselor-2 (상담 관리자: demo-manager)
login = 로그인
token-required = 상담원 토큰을 입력해 주세요.
token-wrong = 토큰이 올바르지 않습니다. 다시 확인해 주세요.
not-counselor = 상담원 토큰이 아닙니다. 상담원에게 발급된 토큰으로 로그인해 주세요.

## What a failed request says
session-expired = 로그인이 필요합니다. 상담원 토큰으로 다시 로그인해 주세요.
network-error = 서버에 연결할 수 없습니다. 네트워크를 확인하고 다시 시도해 주세요.
server-error = 일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.
photo-missing = 사진을 불러오지 못했습니다.

## Statuses
status-received = 접수완료
status-in-progress = 처리중
status-answered = 답변완료

## The queue
queue-title = 문의 큐
filters = 문의 필터
start-date = 시작일
end-date = 종료일
type = 문의 유형
all = 전체
member-no = 회원번호
order-no = 주문번호
keyword = 검색어(제목·내용)
assignee = 담당자
assignee-me = 나
unassigned = 미배정
search = 조회
reset = 초기화
status-tabs = 처리 상태
queue-empty = 조건에 맞는 문의가 없습니다.
total = 총 { $count }건
queue-caption = 문의 목록: ↑/↓로 행을 옮기고 Enter로 엽니다.
inquiry-no = 문의번호
type-short = 유형
inquiry-title = 제목
member = 회원
received-at = 접수일시
waited = 대기
status = 상태
photo-count = 사진 { $count }
pages = 페이지
previous = 이전
next = 다음
waited-minutes = { $minutes }분 대기
waited-hours = { $hours }시간 대기
waited-days = { $days }일 대기
waited-days-hours = { $days }일 { $hours }시간 대기

## An inquiry
back-to-queue = ← 문의 큐
to-queue = 문의 큐로
consent = 답변 알림 동의
consent-channels = SMS { $sms } · 이메일 { $email }
inquiry-content = 문의 내용
goods-option = 옵션: { $option }
thread = 답변 스레드
no-replies = 아직 답변이 없습니다.
notifications = 답변 알림
channel = 채널
recipient = 수신자
attempts = 시도
channel-sms = SMS
channel-email = 이메일
notification-sent = 발송 완료
notification-failed = 발송 실패
notification-pending = 발송 대기
recent = 이 회원의 최근 문의
take = 문의 맡기 (처리중)
taken = 문의를 맡았습니다. 처리중으로 바뀌었습니다.
compose = 답변 작성
template = 답변 템플릿
choose = 선택하세요
insert-template = 템플릿 넣기
answer = 답변 내용
preview = 미리보기
preview-label = 고객에게 보이는 답변
send = 답변 등록
answer-required = 답변 내용을 입력해 주세요.
answer-too-long = 답변은 { $max }자 이하로 입력해 주세요 (현재 { $count }자).
counter = { $count } / { $max }자
draft-kept = 작성하던 답변은 그대로 남아 있습니다.
answer-sent = 답변을 등록했습니다. 고객 화면에 바로 보입니다.
confirm-title = 답변을 등록할까요?
confirm-body = 등록한 답변은 고객에게 바로 보이며 수정할 수 없습니다. 동의한 채널로 답변 알림이 발송됩니다.
cancel = 취소
confirm-send = 등록

## Transfer to the seller (이관)
transfer = 판매자에게 이관
transfer-title = 판매자에게 이관
transfer-kind = 이관 종류
transfer-need-answer = 판매자 답변 요청: 판매자의 답변이 고객에게 판매자 답변으로 보입니다
transfer-confirm-only = 확인 요청: 답변한 문의를 판매자가 확인만 합니다
transfer-note = 이관 메모 (판매자에게 보입니다)
transfer-send = 이관
transfer-done = { $vendor }에 이관했습니다.
transfer-note-required = 이관 메모를 입력해 주세요.
transferred = 판매자 이관
transfer-vendor = 판매자
transfer-type = 종류
transfer-type-answer = 답변 요청
transfer-type-confirm = 확인 요청
transfer-state = 상태
transfer-waiting = 판매자 처리 대기 ({ $due }까지)
transfer-finished = 판매자가 처리함 ({ $by }, { $at })
transfer-expired = 기한({ $due })이 지나 종료됨: 상담원이 답변해 주세요.
transfer-memo = 이관 메모

## Records the law keeps (an inquiry)
withdrawn-notice = 고객이 { $at }에 삭제한 문의입니다. 전자상거래법에 따라 기록으로 보관되며 처리할 수 없습니다.
withdrawn-badge = 고객 삭제
prev-versions = 수정 전 내용
prev-version = { $seq }번째 제출 ({ $submitted } 제출, { $replaced } 수정됨)
prev-photos = 첨부 사진: { $names }
history = 처리 이력
history-step = { $at } · { $who } · { $what }

## The desk manager's pages
nav = 상담 관리 메뉴
nav-queue = 문의 큐
nav-access-log = 접근기록
nav-review = 월간 점검
access-log-title = 개인정보 접근기록
access-log-intro = 상담원·관리자·판매자가 문의의 개인정보를 조회하거나 문의를 처리한 기록입니다. 기록은 고치거나 지울 수 없으며 보존기간이 지나면 파기됩니다.
actor-no = 처리자 번호
action = 행위
logged-at = 일시
role = 역할
actor = 처리자
client-ip = 접속 IP
detail = 내용
access-log-caption = 접근기록 (최신순)
access-log-empty = 조건에 맞는 기록이 없습니다.
export = CSV로 내보내기
export-title = 접근기록 내보내기
export-reason = 내보내는 사유 (기록에 남습니다)
export-reason-required = 내보내는 사유를 2자 이상 입력해 주세요.
export-send = 내보내기
export-done = 내보냈습니다. 이 내보내기도 접근기록에 남았습니다.
export-download = CSV 파일 받기
manager-only = 상담 관리자만 볼 수 있는 화면입니다.
review-title = 접근기록 월간 점검
review-month = 점검 월
review-intro = 하루에 상세·사진 조회가 { $threshold }건을 넘은 날은 이상 징후로 표시합니다.
review-caption = { $month } 처리자별 접근 건수
review-total = 합계
review-flagged = 이상 징후
review-flag = { $date } 조회 { $views }건
review-none = 없음
review-empty = 이 달의 기록이 없습니다.
role-counselor = 상담원
role-manager = 관리자
role-seller = 판매자
role-member = 회원
role-system = 시스템

## Internal memos (the desk's alone)
memos-title = 내부 메모
memo-label = 메모 남기기
memo-hint = 상담원과 관리자만 봅니다. 고객과 판매자에게는 보이지 않습니다.
memo-save = 메모 저장
memo-saved = 메모를 남겼습니다.
memo-required = 메모를 입력해 주세요.
memo-by = { $author } · { $at }
no-memos = 남긴 메모가 없습니다.

## Answer deadlines (business days)
answer-due = 답변 기한
due-soon = 임박
due-over = 초과

## The customer's rating of the answer
rating-title = 고객 만족도
satisfied-badge = 만족
unsatisfied-badge = 불만족

## Answer templates (the editor)
nav-templates = 답변 템플릿
templates-title = 답변 템플릿
template-name = 템플릿 이름
template-scope = 범위
template-shared = 공용
template-own = 개인
template-shared-hint = 공용 템플릿은 모든 상담원이 쓰며 관리자만 만들고 고칠 수 있습니다. 범위는 만든 뒤에 바꿀 수 없습니다.
template-uses = 사용 횟수
template-actions = 관리
template-edit = 수정
template-edit-named = { $name } 수정
template-delete = 삭제
template-delete-named = { $name } 삭제
template-new = 새 템플릿
template-editing = 템플릿 수정
template-content = 템플릿 내용
template-variables = 쓸 수 있는 변수: { $list } (값이 없는 변수가 든 문장은 빠집니다)
template-save = 템플릿 저장
template-saved = '{ $name }' 템플릿을 저장했습니다.
template-deleted = '{ $name }' 템플릿을 삭제했습니다.
template-delete-title = 템플릿을 삭제할까요?
template-delete-body = '{ $name }' 템플릿을 삭제합니다. 되돌릴 수 없습니다.
template-preview-with-order = 주문이 있는 문의
template-preview-without-order = 주문이 없는 문의
all-types = 모든 유형

## The desk report (managers)
nav-report = 상담 현황
report-title = 상담 현황 보고서
report-intro = 기간 동안 접수된 문의를 유형·상담원·일·월별로 봅니다. 첫 답변 시간은 영업시간(영업일 09:00~18:00, 주말·공휴일·휴무일 제외) 기준 중앙값이고, 기한 내 답변율은 답변된 문의와 기한이 지난 미답변 문의에 대한 비율입니다. 고객이 삭제한 문의는 빠집니다.
report-group-by = 기준
report-by-type = 문의 유형별
report-by-counselor = 상담원별
report-by-day = 일별
report-by-month = 월별
report-caption = { $start } ~ { $end } 상담 현황 ({ $by })
report-label = 구분
report-received = 접수
report-answered = 답변
report-median = 첫 답변 중앙값
report-on-time = 기한 내 답변
report-satisfaction = 만족도
report-total = 합계
report-empty = 이 기간에 접수된 문의가 없습니다.
report-hours = { $hours }시간
report-share = { $pct }% ({ $part }/{ $whole })
report-none = -
report-chart-title = 접수와 답변 ({ $by })
report-chart-desc = 막대는 구분마다 접수(연한 색)와 답변(진한 색) 건수입니다. 같은 수치가 아래 표에 있습니다.
report-csv = CSV로 내보내기
report-csv-done = CSV 파일 받기
targets-title = 유형별 답변 기한
targets-intro = 세부 문의 유형마다 답변까지 걸려도 되는 영업일입니다(1~10일). 바꾸면 이후 접수되는 문의부터 적용됩니다.
targets-caption = 유형별 답변 기한 (영업일)
target-type = 문의 유형
target-days = 답변 기한 (영업일)
target-save = 기한 저장
target-saved = { $name }: 답변 기한을 { $days }영업일로 저장했습니다.
target-value = { $days }영업일
