//! Back-office (BO) counselor operations under `/api/bo/v1/customerservice/`.

use axum::extract::State;

use super::{
    dto::{BoAnswerRequest, BoProcRequest, Page, QuestionDetail, QuestionSummary, StatusPayload},
    extract::{Json, Query},
    query::{inquiry_page, required_ccn_no, CcnQuery, ListQuery},
};
use crate::{
    api::present::{self, Audience},
    auth::Counselor,
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::{now_db, ReplyAuthor, Status},
    store, AppState,
};

/// Longest answer a counselor may post, in characters.
pub const ANSWER_MAX_CHARS: usize = 4000;

/// `GET getQuestionList` — every member's inquiries, filterable by status, period, member.
pub async fn get_question_list(
    State(state): State<AppState>,
    _counselor: Counselor,
    Query(q): Query<ListQuery>,
) -> ApiResult<Page<QuestionSummary>> {
    inquiry_page(&state, &q, None, Audience::Counselor).await
}

/// `GET getQuestionDtl` — any inquiry, with the member who wrote it.
pub async fn get_question_dtl(
    State(state): State<AppState>,
    _counselor: Counselor,
    Query(q): Query<CcnQuery>,
) -> ApiResult<QuestionDetail> {
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let offset = state.config.store_offset;
    state
        .db
        .read(move |c| {
            store::question_detail(c, &ccn_no, None)?
                .map(|r| ApiOk::ok(present::detail(r, offset, Audience::Counselor)))
                .ok_or_else(ApiError::inquiry_not_found)
        })
        .await
}

fn status_payload(ccn_no: String, status: Status) -> StatusPayload {
    StatusPayload {
        ccn_no,
        ccn_stat_cd: status.code().to_owned(),
        ccn_stat_nm: status.name().to_owned(),
    }
}

/// `POST questionProc {ccnNo}` — a counselor takes the inquiry: 접수완료 → 처리중 (idempotent).
pub async fn question_proc(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<BoProcRequest>,
) -> ApiResult<StatusPayload> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    state
        .db
        .write(move |c| {
            let tx = c.transaction()?;
            let status = store::question_status(&tx, &ccn_no, None)?
                .ok_or_else(ApiError::inquiry_not_found)?;
            match status {
                Status::Received => store::set_status(&tx, &ccn_no, Status::InProgress, None)?,
                Status::InProgress => {}
                Status::Answered => {
                    return Err(ApiError::StatusConflict {
                        message: "이미 답변완료된 문의는 처리중으로 되돌릴 수 없습니다.".to_owned(),
                        payload: serde_json::to_value(status_payload(ccn_no, status))
                            .unwrap_or_default(),
                    })
                }
            }
            tx.commit()?;
            tracing::info!(%ccn_no, cnslr_no = %counselor.cnslr_no, "inquiry in progress");
            Ok(ApiOk::ok(status_payload(ccn_no, Status::InProgress)))
        })
        .await
}

/// `POST questionAns {ccnNo, ansCont, ansTypCd?, ansrNm?}` — appends a reply to the thread and
/// sets the inquiry 답변완료 (answeredAt = now). Returns the updated detail.
pub async fn question_ans(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<BoAnswerRequest>,
) -> ApiResult<QuestionDetail> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    let mut errors = Vec::new();
    let content = crate::rules::text(
        "ansCont",
        "답변 내용",
        req.ans_cont.as_deref(),
        ANSWER_MAX_CHARS,
        &mut errors,
    );
    let author = match req.ans_typ_cd.as_deref().map(str::trim) {
        None | Some("") => ReplyAuthor::Counselor,
        Some(code) => ReplyAuthor::from_code(code).unwrap_or_else(|| {
            errors.push(FieldError::new(
                "ansTypCd",
                "INVALID_AUTHOR_TYPE",
                format!("ansTypCd는 COUNSELOR 또는 SELLER여야 합니다 (입력값: {code})."),
            ));
            ReplyAuthor::Counselor
        }),
    };
    let name = req
        .ansr_nm
        .map(|n| n.trim().chars().take(50).collect::<String>())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| counselor.cnslr_nm.clone());
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let offset = state.config.store_offset;
    state
        .db
        .write(move |c| {
            let tx = c.transaction()?;
            if store::question_status(&tx, &ccn_no, None)?.is_none() {
                return Err(ApiError::inquiry_not_found());
            }
            let now = now_db();
            store::append_reply(&tx, &ccn_no, author, &name, &content, &now)?;
            store::set_status(&tx, &ccn_no, Status::Answered, Some(&now))?;
            let detail = store::question_detail(&tx, &ccn_no, None)?
                .map(|r| present::detail(r, offset, Audience::Counselor))
                .ok_or_else(ApiError::inquiry_not_found)?;
            tx.commit()?;
            tracing::info!(%ccn_no, cnslr_no = %counselor.cnslr_no, "inquiry answered");
            Ok(ApiOk::ok(detail))
        })
        .await
}
