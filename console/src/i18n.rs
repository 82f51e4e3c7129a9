//! Every sentence the console shows. Korean first (the desk's language); kept in this one
//! place so a second locale is a table beside it. Dynamic text is a function.

pub const TITLE: &str = "통합상담관리";
pub const SESSION_EXPIRED: &str = "로그인이 필요합니다. 상담원 토큰으로 다시 로그인해 주세요.";
pub const NETWORK_ERROR: &str =
    "서버에 연결할 수 없습니다. 네트워크를 확인하고 다시 시도해 주세요.";
pub const SERVER_ERROR: &str = "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.";
pub const PHOTO_MISSING: &str = "사진을 불러오지 못했습니다.";
pub const NOT_COUNSELOR: &str =
    "상담원 토큰이 아닙니다. 상담원에게 발급된 토큰으로 로그인해 주세요.";
pub const TOKEN_WRONG: &str = "토큰이 올바르지 않습니다. 다시 확인해 주세요.";
pub const TOKEN_REQUIRED: &str = "상담원 토큰을 입력해 주세요.";
pub const ANSWER_REQUIRED: &str = "답변 내용을 입력해 주세요.";
pub const DRAFT_KEPT: &str = "작성하던 답변은 그대로 남아 있습니다.";

pub fn answer_too_long(max: usize, now: usize) -> String {
    format!("답변은 {max}자 이하로 입력해 주세요 (현재 {now}자).")
}

pub fn counter(now: usize, max: usize) -> String {
    format!("{now} / {max}자")
}

pub fn total(n: u64) -> String {
    format!("총 {n}건")
}

pub fn waited(text: &str) -> String {
    format!("{text} 대기")
}

pub fn channel(code: &str) -> &'static str {
    match code {
        "SMS" => "SMS",
        _ => "이메일",
    }
}

pub fn notification_status(code: &str) -> &'static str {
    match code {
        "SENT" => "발송 완료",
        "FAILED" => "발송 실패",
        _ => "발송 대기",
    }
}
