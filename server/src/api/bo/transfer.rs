//! `questionTrns`: a counselor transfers (이관) an inquiry to the seller of its goods. The
//! rules are in `seller::transfer`; this extracts the request and words each refusal.

use axum::extract::State;

use super::{counselor_detail, me, withdrawn, TRANSFER_NOTE_MAX_CHARS};
use crate::{
    api::{
        dto::{BoTransferRequest, QuestionDetail},
        extract::Json,
        query::required_ccn_no,
    },
    audit::{self, Action},
    auth::Counselor,
    error::{ApiError, ApiOk, ApiResult, FieldError},
    seller::{self, TransferRefusal},
    AppState,
};

/// `POST questionTrns {ccnNo, needAnsYn, trnsNote}` — transfers (이관) the inquiry to the seller
/// of its goods: needing the seller's answer (the inquiry goes to 처리중 with this counselor as
/// its holder, and the seller's reply answers the customer), or for confirmation only (an
/// answered inquiry). The seller has `--transfer-hours` (24 by default). Returns the detail.
pub async fn question_trns(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<BoTransferRequest>,
) -> ApiResult<QuestionDetail> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    let mut errors = Vec::new();
    let note = crate::rules::text(
        "trnsNote",
        "이관 메모",
        req.trns_note.as_deref(),
        TRANSFER_NOTE_MAX_CHARS,
        crate::rules::Lines::Many,
        &mut errors,
    );
    let need_answer = match req.need_ans_yn.as_deref().map(str::trim) {
        Some("Y") => true,
        Some("N") => false,
        other => {
            errors.push(FieldError::new(
                "needAnsYn",
                "INVALID_YN",
                format!(
                    "needAnsYn은 Y(판매자 답변 필요) 또는 N(확인만)이어야 합니다 (입력값: {}).",
                    other.unwrap_or("")
                ),
            ));
            false
        }
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let offset = state.config.store_offset;
    let deadline = state.config.transfer_deadline;
    let me = me(&counselor);
    let actor = counselor.actor();
    let detail = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let t = seller::Transfer {
                need_answer,
                note: &note,
                now: chrono::Utc::now(),
                deadline,
            };
            if let Err(refusal) = seller::transfer(tx, &ccn_no, &me, &t)? {
                return Err(match refusal {
                    TransferRefusal::Withdrawn => {
                        let at = tx.withdrawn_at(&ccn_no)?.unwrap_or_default();
                        withdrawn(tx, &ccn_no, &at, offset)?
                    }
                    TransferRefusal::NoSeller => ApiError::field(
                        "ccnNo",
                        "NO_SELLER",
                        "판매자 상품에 대한 문의만 판매자에게 이관할 수 있습니다.",
                    ),
                    TransferRefusal::AlreadyTransferred => ApiError::Conflict {
                        code: "ALREADY_TRANSFERRED",
                        message: "이미 판매자에게 이관한 문의입니다.".to_owned(),
                        payload: serde_json::to_value(counselor_detail(tx, &ccn_no, offset)?)
                            .unwrap_or_default(),
                    },
                    TransferRefusal::AlreadyAnswered => ApiError::field(
                        "needAnsYn",
                        "ALREADY_ANSWERED",
                        "답변한 문의는 판매자 답변을 요청할 수 없습니다. 확인 요청(needAnsYn=N)으로 이관해 주세요.",
                    ),
                    TransferRefusal::NotAnswered => ApiError::field(
                        "needAnsYn",
                        "NOT_ANSWERED",
                        "확인 요청은 답변한 문의만 할 수 있습니다. 판매자 답변이 필요하면 needAnsYn=Y로 이관해 주세요.",
                    ),
                });
            }
            let what = if need_answer { "답변 요청" } else { "확인 요청" };
            audit::log(tx, &actor, Action::Transfer, Some(&ccn_no), None, what)?;
            let detail = counselor_detail(tx, &ccn_no, offset)?;
            tracing::info!(%ccn_no, cnslr_no = %me.no, need_answer, "inquiry transferred to its seller");
            Ok(detail)
        })
        .await?;
    Ok(ApiOk::ok(detail))
}
