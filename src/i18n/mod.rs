//! Every string the customer reads, in one place (Korean). Views never inline text, so a
//! locale switch replaces this module's contents, not the views.

use crate::{
    api::ApiError,
    domain::{LockReason, PeriodError, Preset, Status, Turn},
};

pub const APP_TITLE: &str = "1:1 문의";
pub const NEW_INQUIRY: &str = "1:1 문의하기";
pub const PERIOD: &str = "조회 기간";
pub const CUSTOM_PERIOD: &str = "직접 입력";
pub const START_DATE: &str = "시작일";
pub const END_DATE: &str = "종료일";
pub const APPLY: &str = "조회";
pub const STATUS: &str = "처리 상태";
pub const ALL_STATUSES: &str = "전체";
pub const SEARCH_BY: &str = "검색 조건";
pub const SEARCH_KEYWORD: &str = "제목·내용";
pub const SEARCH_ORDER_NO: &str = "주문번호";
pub const SEARCH_PLACEHOLDER: &str = "검색어를 입력하세요";
pub const SEARCH: &str = "검색";
pub const LIST_CAPTION: &str = "내 1:1 문의 목록";
pub const COL_TYPE: &str = "문의 유형";
pub const COL_TITLE: &str = "제목";
pub const COL_GOODS: &str = "상품";
pub const COL_ORDER: &str = "주문번호";
pub const COL_CREATED: &str = "등록일";
pub const COL_STATUS: &str = "상태";
pub const EMPTY_LIST: &str = "조회 기간에 등록한 문의가 없습니다.";
pub const EMPTY_HINT: &str = "궁금한 점이 있으면 언제든 문의해 주세요.";
pub const RETRY: &str = "다시 시도";
pub const LOADING: &str = "불러오는 중…";
pub const PREV_PAGE: &str = "이전";
pub const NEXT_PAGE: &str = "다음";
pub const PAGINATION: &str = "페이지 이동";
pub const BACK_TO_LIST: &str = "목록으로";
pub const EDIT: &str = "수정";
pub const DELETE: &str = "삭제";
pub const CANCEL: &str = "취소";
pub const CLOSE: &str = "닫기";
pub const CONTENT: &str = "문의 내용";
pub const ORDER_NO: &str = "주문번호";
pub const ORDER_DATE: &str = "주문일";
pub const CREATED_AT: &str = "등록일시";
pub const ANSWERED_AT: &str = "답변일시";
pub const PHOTOS: &str = "첨부 사진";
pub const REPLIES: &str = "답변";
pub const NO_REPLY_YET: &str =
    "아직 답변이 등록되지 않았습니다. 답변이 등록되면 이곳에 표시됩니다.";
pub const DELETE_TITLE: &str = "문의를 삭제할까요?";
pub const DELETE_BODY: &str = "삭제한 문의와 첨부 사진은 되돌릴 수 없습니다.";
pub const DELETE_CONFIRM: &str = "삭제하기";
pub const DELETED: &str = "문의를 삭제했습니다.";
pub const NOT_FOUND_TITLE: &str = "문의를 찾을 수 없습니다";
pub const NOT_FOUND_BODY: &str = "삭제되었거나 주소가 올바르지 않습니다.";
pub const PAGE_NOT_FOUND: &str = "페이지를 찾을 수 없습니다.";
pub const PHOTO_OPEN: &str = "크게 보기";
pub const PHOTO_FAILED: &str = "사진을 불러오지 못했습니다";

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Received => "접수완료",
        Status::InProgress => "처리중",
        Status::Answered => "답변완료",
    }
}

/// The badge's second line: whose move it is.
pub fn status_hint(s: Status) -> &'static str {
    match (s, s.turn()) {
        (Status::Received, _) => "상담원 확인 대기",
        (Status::InProgress, _) => "상담원이 확인 중",
        (_, Turn::Customer) => "답변을 확인하세요",
        (_, Turn::Store) => "",
    }
}

pub fn preset_label(p: Preset) -> &'static str {
    match p {
        Preset::Week => "1주일",
        Preset::Month => "1개월",
        Preset::ThreeMonths => "3개월",
        Preset::SixMonths => "6개월",
        Preset::Year => "1년",
    }
}

pub fn period_error(e: PeriodError) -> String {
    match e {
        PeriodError::Missing => "시작일과 종료일을 모두 입력해 주세요.".into(),
        PeriodError::StartAfterEnd => "시작일이 종료일보다 늦을 수 없습니다.".into(),
        PeriodError::EndInFuture => "종료일은 오늘 이후로 지정할 수 없습니다.".into(),
        PeriodError::TooLong { max_days, days } => {
            format!("조회 기간은 최대 {max_days}일까지 지정할 수 있습니다 (선택한 기간: {days}일).")
        }
    }
}

pub fn lock_reason(r: LockReason) -> &'static str {
    match r {
        LockReason::InProgress => "상담원이 확인 중인 문의는 수정하거나 삭제할 수 없습니다.",
        LockReason::Answered => "답변이 완료된 문의는 수정하거나 삭제할 수 없습니다.",
    }
}

pub fn total_count(n: u64) -> String {
    format!("총 {n}건")
}

pub fn page_of(page: u32, total: u32) -> String {
    format!("{page} / {total} 페이지")
}

pub fn reply_author(counselor: bool) -> &'static str {
    if counselor {
        "상담원"
    } else {
        "판매자"
    }
}

pub fn conflict_explained(message: &str) -> String {
    format!("{message} 그 사이 상담원이 문의를 확인했습니다. 아래에서 최신 상태와 답변을 확인해 주세요.")
}

/// What to tell the customer about a failed request.
pub fn api_error(e: &ApiError) -> String {
    match e {
        ApiError::Unauthorized(_) => "로그인이 필요합니다. 다시 로그인한 뒤 이용해 주세요.".into(),
        ApiError::Server { .. } => {
            "일시적인 오류로 요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요.".into()
        }
        other => other.to_string(),
    }
}

pub fn price(won: i64) -> String {
    let digits = won.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{}{out}원", if won < 0 { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn prices_have_thousand_separators() {
        assert_eq!(super::price(39000), "39,000원");
        assert_eq!(super::price(1234567), "1,234,567원");
        assert_eq!(super::price(900), "900원");
    }
}
