//! Answer targets per inquiry type (the business days an answer may take): `getAnswerTargets`
//! for every counselor, `answerTargetMod` for managers. A change applies to inquiries received
//! afterwards; a received one keeps the due time it was given.

use axum::extract::State;
use serde::{Deserialize, Serialize};

use crate::{
    api::extract::Json,
    auth::{Counselor, Manager},
    error::{ApiError, ApiOk, ApiResult, FieldError},
    store::Tx,
    AppState,
};

/// The longest target a manager may set, in business days.
pub const MAX_TARGET_DAYS: u32 = 10;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerTarget {
    pub cnsl_typ_no: String,
    /// `대분류 > 소분류`.
    pub cnsl_typ_nm: String,
    pub ans_tgt_bdays: u32,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerTargetRequest {
    pub cnsl_typ_no: Option<String>,
    /// A whole number of business days, as a number or a numeric string.
    pub ans_tgt_bdays: Option<serde_json::Value>,
}

fn targets(c: &mut dyn Tx) -> Result<Vec<AnswerTarget>, ApiError> {
    let mut out = Vec::new();
    for group in c.type_tree()? {
        for leaf in group.leaves {
            out.push(AnswerTarget {
                ans_tgt_bdays: c.answer_target_days(&leaf.no)?,
                cnsl_typ_nm: format!("{} > {}", group.name, leaf.name),
                cnsl_typ_no: leaf.no,
            });
        }
    }
    Ok(out)
}

/// `GET getAnswerTargets` — every leaf type with its target, in the type tree's order.
pub async fn get_answer_targets(
    State(state): State<AppState>,
    _counselor: Counselor,
) -> ApiResult<Vec<AnswerTarget>> {
    Ok(ApiOk::ok(state.db.read(targets).await?))
}

/// `POST answerTargetMod {cnslTypNo, ansTgtBdays}` — sets a leaf type's target (1 to
/// [`MAX_TARGET_DAYS`]); answers every target. Managers only.
pub async fn answer_target_mod(
    State(state): State<AppState>,
    _manager: Manager,
    Json(req): Json<AnswerTargetRequest>,
) -> ApiResult<Vec<AnswerTarget>> {
    let mut errors = Vec::new();
    let type_no = req.cnsl_typ_no.as_deref().map(str::trim).unwrap_or("");
    if type_no.is_empty() {
        errors.push(FieldError::new(
            "cnslTypNo",
            "REQUIRED",
            "문의 유형을 선택해 주세요.",
        ));
    }
    let days = match &req.ans_tgt_bdays {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(serde_json::Value::String(s)) => s.trim().parse::<u64>().ok(),
        _ => None,
    }
    .filter(|d| (1..=u64::from(MAX_TARGET_DAYS)).contains(d));
    if days.is_none() {
        errors.push(FieldError::new(
            "ansTgtBdays",
            "OUT_OF_RANGE",
            format!("답변 기한은 1~{MAX_TARGET_DAYS} 영업일 사이의 정수로 입력해 주세요."),
        ));
    }
    let (Some(days), true) = (days, errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let type_no = type_no.to_owned();
    let list = state
        .db
        .write(move |c| -> Result<_, ApiError> {
            if !c.set_answer_target_days(&type_no, days as u32)? {
                return Err(ApiError::field(
                    "cnslTypNo",
                    "NOT_A_LEAF_TYPE",
                    format!("답변 기한은 세부 문의 유형에 정합니다 (cnslTypNo: {type_no})."),
                ));
            }
            targets(c)
        })
        .await?;
    Ok(ApiOk::ok(list))
}
