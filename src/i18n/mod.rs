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

pub const PICK_GOODS: &str = "상품 선택";
pub const TAB_ORDERS: &str = "최근 주문 상품";
pub const TAB_SEARCH: &str = "상품 검색";
pub const SEARCH_GOODS: &str = "상품명 또는 브랜드로 검색";
pub const NO_ORDERS: &str = "최근 주문한 상품이 없습니다. 상품 검색 탭에서 찾아 주세요.";
pub const NO_GOODS_FOUND: &str = "검색 결과가 없습니다. 다른 검색어로 찾아 주세요.";
pub const MORE: &str = "더 보기";
pub const CHOOSE_PHOTOS: &str = "사진 선택";
pub const DROP_PHOTOS: &str = "또는 이곳으로 사진을 끌어 놓으세요";
pub const REMOVE: &str = "삭제";
pub const UPLOADING: &str = "업로드 중";

pub fn photo_hint(max_photos: usize, max_bytes: u64) -> String {
    format!(
        "JPEG, PNG, GIF, WEBP 사진을 최대 {max_photos}장, 한 장에 {}까지 첨부할 수 있습니다. 큰 사진은 자동으로 줄여서 올립니다.",
        bytes(max_bytes)
    )
}

pub fn bytes(n: u64) -> String {
    if n >= 1024 * 1024 {
        format!("{}MB", (n as f64 / (1024.0 * 1024.0) * 10.0).round() / 10.0)
    } else {
        format!("{}KB", (n as f64 / 1024.0).round())
    }
}

pub fn photo_problem(name: &str, p: &crate::domain::form::PhotoProblem) -> String {
    use crate::domain::form::PhotoProblem;
    match p {
        PhotoProblem::Type => format!("'{name}': JPEG, PNG, GIF, WEBP 사진만 첨부할 수 있습니다."),
        PhotoProblem::TooLarge { max_bytes } => format!(
            "'{name}': 사진 한 장은 {}까지 첨부할 수 있습니다.",
            bytes(*max_bytes)
        ),
        PhotoProblem::TooMany { max } => {
            format!("'{name}': 사진은 최대 {max}장까지 첨부할 수 있습니다.")
        }
    }
}

pub const NEW_TITLE: &str = "1:1 문의하기";
pub const EDIT_TITLE: &str = "문의 수정";
pub const BACK_TO_DETAIL: &str = "문의로 돌아가기";
pub const FOLLOW_UP: &str = "추가 문의";
pub const FOLLOW_UP_PREFIX: &str = "[추가 문의]";
pub const CREATED: &str = "문의를 등록했습니다. 답변이 등록되면 알려 드릴게요.";
pub const UPDATED: &str = "문의를 수정했습니다.";
pub const SUBMIT_NETWORK: &str = "네트워크 문제로 등록하지 못했습니다. 작성한 내용은 그대로 있으니 다시 시도해 주세요. 다시 보내도 문의는 한 번만 등록됩니다.";
pub const DRAFT_FOUND: &str = "작성 중이던 문의가 있습니다. 이어서 작성할까요?";
pub const DRAFT_RESTORE: &str = "이어서 작성";
pub const DRAFT_DISCARD: &str = "삭제";
pub const FIX_THESE: &str = "입력 내용을 확인해 주세요.";
pub const TYPE: &str = "문의 유형";
pub const TYPE_GROUP: &str = "문의 분류";
pub const CHOOSE_TYPE_GROUP: &str = "분류 선택";
pub const CHOOSE_TYPE: &str = "세부 유형 선택";
pub const GOODS_NEEDED_SHORT: &str = "상품 선택 필요";
pub const GOODS_NEEDED: &str = "이 유형은 상품을 선택해야 합니다";
pub const TITLE: &str = "제목";
pub const GOODS: &str = "문의 상품";
pub const CHANGE_GOODS: &str = "다른 상품 선택";
pub const UNPICK_GOODS: &str = "선택 해제";
pub const PII_NOTICE: &str = "전화번호, 계좌번호, 주소 같은 개인정보는 적지 말아 주세요.";
pub const SMS_CONSENT: &str = "답변이 등록되면 SMS로 알림 받기";
pub const EMAIL_CONSENT: &str = "답변이 등록되면 이메일로 알림 받기";
pub const CONFLICT_ANSWER: &str = "등록된 답변";
pub const YOUR_TEXT: &str = "작성하신 내용 (복사해서 추가 문의에 쓸 수 있습니다)";
pub const SUBMIT: &str = "문의 등록";
pub const SAVE_CHANGES: &str = "수정 완료";
pub const SUBMITTING: &str = "보내는 중…";

pub fn counter(len: usize, max: usize) -> String {
    format!("{len} / {max}자")
}

pub fn follow_up_of(id: &str) -> String {
    format!("문의 {id}에 대한 추가 문의입니다.")
}

pub fn edit_conflict(message: &str) -> String {
    format!("{message} 그 사이 상담원이 문의를 확인했습니다. 작성하신 내용은 아래에 그대로 있으니 추가 문의로 남겨 주세요.")
}

pub fn form_problem(field: crate::domain::form::Field, p: &crate::domain::form::Problem) -> String {
    use crate::domain::form::{Field, Problem};
    let label = match field {
        Field::Type => TYPE,
        Field::Title => TITLE,
        Field::Content => CONTENT,
        Field::Goods => GOODS,
        Field::Photos => PHOTOS,
    };
    match p {
        Problem::Required if field == Field::Type => "문의 유형을 선택해 주세요.".to_owned(),
        Problem::Required => format!("{label}을(를) 입력해 주세요."),
        Problem::TooLong { max, len } => {
            format!("{label}은(는) {max}자까지 쓸 수 있습니다 (지금 {len}자).")
        }
        Problem::GoodsRequired => "선택한 문의 유형은 상품을 선택해야 합니다.".to_owned(),
    }
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
