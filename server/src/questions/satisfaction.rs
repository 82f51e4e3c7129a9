//! The customer's rating of an answer (`questionSatisfaction`): once per inquiry, only once it
//! is answered, 만족 or 불만족 with a reason, and an optional comment. The console shows it on
//! the inquiry and flags 불만족 in the queue.

use crate::{
    error::ApiError,
    model::Status,
    store::{records::SatisfactionRecord, Tx},
};

/// Why an answer did not help (`reasonCd`), with the wording the console shows.
pub const REASONS: [(&str, &str); 5] = [
    ("UNRESOLVED", "문제가 해결되지 않았어요"),
    ("UNCLEAR", "답변을 이해하기 어려워요"),
    ("SLOW", "답변이 늦었어요"),
    ("UNKIND", "응대가 친절하지 않았어요"),
    ("ETC", "기타"),
];

/// Longest comment, in characters.
pub const COMMENT_MAX_CHARS: usize = 500;

/// The console's wording of a reason code.
pub fn reason_name(code: &str) -> Option<&'static str> {
    REASONS.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

/// Records `rating` (already checked) for the member's answered inquiry. Another member's
/// inquiry is 404; one not answered yet is a status conflict; a second rating (also one sent
/// at the same moment from another tab) is `ALREADY_RATED` with the rating that stands.
pub fn rate(
    tx: &mut dyn Tx,
    ccn_no: &str,
    mbr_no: &str,
    rating: &SatisfactionRecord,
    offset: chrono::FixedOffset,
) -> Result<SatisfactionRecord, ApiError> {
    if !tx.lock_inquiry(ccn_no)? {
        return Err(ApiError::inquiry_not_found());
    }
    let status = tx
        .question_status(ccn_no, Some(mbr_no))?
        .ok_or_else(ApiError::inquiry_not_found)?;
    if status != Status::Answered {
        return Err(ApiError::StatusConflict {
            message: format!(
                "현재 '{}' 상태인 문의는 평가할 수 없습니다. 답변을 받은 뒤에 평가해 주세요.",
                status.name()
            ),
            payload: serde_json::to_value(crate::api::present::status(ccn_no, status, None))
                .unwrap_or_default(),
        });
    }
    if !tx.insert_satisfaction(ccn_no, rating)? {
        let standing = tx.satisfaction_of(ccn_no)?;
        return Err(ApiError::Conflict {
            code: "ALREADY_RATED",
            message: "이미 평가한 답변입니다. 평가는 한 번만 할 수 있습니다.".to_owned(),
            payload: serde_json::to_value(
                standing.map(|r| crate::api::present::satisfaction(r, offset)),
            )
            .unwrap_or_default(),
        });
    }
    Ok(rating.clone())
}
