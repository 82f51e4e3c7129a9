//! `POST questionSatisfaction`: the customer rates the answer, once (`questions::satisfaction`).

use axum::extract::State;

use crate::{
    api::{
        dto::{Satisfaction, SatisfactionRequest},
        extract::Json,
        present,
        query::required_ccn_no,
    },
    auth::Member,
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::now_db,
    questions::satisfaction::{self, COMMENT_MAX_CHARS, REASONS},
    rules,
    store::records::SatisfactionRecord,
    AppState,
};

/// `POST questionSatisfaction {ccnNo, satisfiedYn, reasonCd?, comment?}` — 201 with the rating;
/// 409 `STATUS_CONFLICT` before the answer, 409 `ALREADY_RATED` the second time.
pub async fn question_satisfaction(
    State(state): State<AppState>,
    member: Member,
    Json(req): Json<SatisfactionRequest>,
) -> ApiResult<Satisfaction> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    let rating = checked(&req)?;
    let offset = state.config.store_offset;
    let rated = state
        .db
        .write(move |tx| satisfaction::rate(tx, &ccn_no, &member.mbr_no, &rating, offset))
        .await?;
    Ok(ApiOk(
        axum::http::StatusCode::CREATED,
        present::satisfaction(rated, offset),
    ))
}

/// Every field's rule, every broken one reported.
fn checked(req: &SatisfactionRequest) -> Result<SatisfactionRecord, ApiError> {
    let mut errors = Vec::new();
    let satisfied = match req.satisfied_yn.as_deref().map(str::trim) {
        Some("Y") => Some(true),
        Some("N") => Some(false),
        None | Some("") => {
            errors.push(FieldError::new(
                "satisfiedYn",
                "REQUIRED",
                "만족 여부(satisfiedYn: Y 또는 N)를 선택해 주세요.",
            ));
            None
        }
        Some(other) => {
            errors.push(FieldError::new(
                "satisfiedYn",
                "INVALID_YN",
                format!("satisfiedYn은 Y 또는 N이어야 합니다 (입력값: {other})."),
            ));
            None
        }
    };
    let reason = req
        .reason_cd
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    match (satisfied, reason) {
        (Some(false), None) => errors.push(FieldError::new(
            "reasonCd",
            "REQUIRED",
            "불만족한 이유를 선택해 주세요.",
        )),
        (Some(true), Some(_)) => errors.push(FieldError::new(
            "reasonCd",
            "NOT_ALLOWED",
            "이유는 불만족일 때만 선택할 수 있습니다.",
        )),
        (_, Some(r)) if !REASONS.iter().any(|(c, _)| *c == r) => errors.push(FieldError::new(
            "reasonCd",
            "INVALID_REASON",
            format!(
                "reasonCd는 {} 중 하나여야 합니다 (입력값: {r}).",
                REASONS.map(|(c, _)| c).join(", ")
            ),
        )),
        _ => {}
    }
    let comment = req
        .comment
        .as_deref()
        .filter(|c| !c.trim().is_empty())
        .map(|c| {
            rules::text(
                "comment",
                "의견",
                Some(c),
                COMMENT_MAX_CHARS,
                rules::Lines::Many,
                &mut errors,
            )
        });
    match satisfied {
        Some(satisfied) if errors.is_empty() => Ok(SatisfactionRecord {
            satisfied,
            reason: reason.map(str::to_owned),
            comment,
            at: now_db(),
        }),
        _ => Err(ApiError::validation(errors)),
    }
}
