//! Back-office (BO) counselor operations under `/api/bo/v1/customerservice/`: the queue and its
//! counts, an inquiry with its notifications, taking and answering, answer templates. The work
//! is in `desk`; these extract the request and shape the response. Every read of an inquiry's
//! personal data and every change is appended to the access log (`crate::audit`) in the same
//! transaction; `records.rs` has the manager's side of that log and an inquiry's history.

mod csv;
mod memos;
pub mod records;
pub mod report;
pub mod review;
pub mod targets;
mod templates;
mod transfer;

pub use memos::question_memo_save;
pub use templates::{
    answer_template_del, answer_template_mod, answer_template_preview, answer_template_save,
    get_answer_template_list, get_answer_templates,
};
pub use transfer::question_trns;

use axum::extract::State;

use super::{
    dto::{
        BoAnswerRequest, BoProcRequest, CounselorInfo, Page, QuestionDetail, QuestionSummary,
        StatusCounts, StatusPayload,
    },
    extract::{Json, Query},
    query::{inquiry_page, list_filter, required_ccn_no, CcnQuery, ListQuery, Side},
};
use crate::{
    api::present::{self, Audience},
    audit::{self, Action},
    auth::Counselor,
    desk::{self, Answer, Refusal},
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::{now_db, ReplyAuthor, Status},
    store::{records::CounselorRef, Tx},
    AppState,
};

/// Longest answer a counselor may post, in characters.
pub const ANSWER_MAX_CHARS: usize = 4000;
/// Longest transfer note to a seller, in characters.
pub const TRANSFER_NOTE_MAX_CHARS: usize = 2000;

pub(crate) fn me(c: &Counselor) -> CounselorRef {
    CounselorRef {
        no: c.cnslr_no.clone(),
        name: c.cnslr_nm.clone(),
    }
}

/// `GET whoami` — the signed-in counselor and the answer limit.
pub async fn whoami(counselor: Counselor) -> ApiResult<CounselorInfo> {
    Ok(ApiOk::ok(CounselorInfo {
        cnslr_no: counselor.cnslr_no,
        cnslr_nm: counselor.cnslr_nm,
        ans_max_len: ANSWER_MAX_CHARS,
        mgr_yn: Some(if counselor.manager { "Y" } else { "N" }.to_owned()),
    }))
}

/// `GET getQuestionList` — every member's inquiries: status, period, member, order, keyword,
/// type and holder filters; 접수완료 oldest first.
pub async fn get_question_list(
    State(state): State<AppState>,
    counselor: Counselor,
    Query(q): Query<ListQuery>,
) -> ApiResult<Page<QuestionSummary>> {
    let page = inquiry_page(&state, &q, Side::Counselor(counselor.cnslr_no.clone())).await?;
    // A list of one member's inquiries is an access to that member's data.
    if let Some(mbr_no) = q.mbr_no.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        let (actor, mbr_no) = (counselor.actor(), mbr_no.to_owned());
        let detail = format!(
            "{}~{}",
            q.start_dt.as_deref().unwrap_or(""),
            q.end_dt.as_deref().unwrap_or("")
        );
        state
            .db
            .write(move |tx| {
                audit::log(tx, &actor, Action::ListMember, None, Some(&mbr_no), &detail)
            })
            .await?;
    }
    Ok(page)
}

/// `GET getQuestionCounts` — the queue's tab counts: the list's filters, each status.
pub async fn get_question_counts(
    State(state): State<AppState>,
    counselor: Counselor,
    Query(q): Query<ListQuery>,
) -> ApiResult<StatusCounts> {
    let (filter, _, _) = list_filter(&q, &Side::Counselor(counselor.cnslr_no), &state)?;
    let totals = state.db.totals();
    let [received, in_progress, answered] = state
        .db
        .read(move |c| c.status_counts(&filter, &totals))
        .await?;
    Ok(ApiOk::ok(StatusCounts {
        received,
        in_progress,
        answered,
    }))
}

/// `GET getQuestionDtl` — any inquiry (a withdrawn one too, marked 고객 삭제), with the
/// member who wrote it, its holder, its answer notifications and its earlier versions. The
/// view is logged before it is answered.
pub async fn get_question_dtl(
    State(state): State<AppState>,
    counselor: Counselor,
    Query(q): Query<CcnQuery>,
) -> ApiResult<QuestionDetail> {
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let offset = state.config.store_offset;
    let actor = counselor.actor();
    state
        .db
        .write(move |c| -> Result<_, ApiError> {
            let detail = counselor_detail(c, &ccn_no, offset)?;
            let mbr_no = detail.mbr_no.clone();
            audit::log(
                c,
                &actor,
                Action::ViewDetail,
                Some(&ccn_no),
                mbr_no.as_deref(),
                "",
            )?;
            Ok(ApiOk::ok(detail))
        })
        .await
}

pub(crate) fn counselor_detail(
    c: &mut dyn Tx,
    ccn_no: &str,
    offset: chrono::FixedOffset,
) -> Result<QuestionDetail, ApiError> {
    let record = c
        .question_detail(ccn_no, None)?
        .ok_or_else(ApiError::inquiry_gone)?;
    let mut detail = present::detail(record, offset, Audience::Counselor);
    detail.notifications = Some(present::notifications(c.notifications_of(ccn_no)?, offset));
    detail.trns = c
        .transfer_of(ccn_no)?
        .map(|t| present::transfer(t, &now_db(), offset));
    detail.prev_versions = Some(records::versions(c, ccn_no, offset)?);
    detail.memos = Some(present::memos(c.memos_of(ccn_no)?, offset));
    detail.stsf = c
        .satisfaction_of(ccn_no)?
        .map(|s| present::satisfaction(s, offset));
    Ok(detail)
}

/// `GET getCnslTypeList` — the inquiry type tree, for the queue's type filter.
pub async fn get_cnsl_type_list(
    State(state): State<AppState>,
    _counselor: Counselor,
) -> ApiResult<Vec<super::dto::LargeType>> {
    let groups = state.db.read(|c| c.type_tree()).await?;
    Ok(ApiOk::ok(present::type_tree(groups)))
}

/// `GET getCounselorList` — every counselor, for the queue's holder filter.
pub async fn get_counselor_list(
    State(state): State<AppState>,
    _counselor: Counselor,
) -> ApiResult<Vec<super::dto::CounselorInfo>> {
    let list = state.db.read(|c| c.counselors()).await?;
    Ok(ApiOk::ok(
        list.into_iter()
            .map(|c| CounselorInfo {
                cnslr_no: c.no,
                cnslr_nm: c.name,
                ans_max_len: ANSWER_MAX_CHARS,
                mgr_yn: None,
            })
            .collect(),
    ))
}

fn refused(
    c: &mut dyn Tx,
    ccn_no: &str,
    refusal: Refusal,
    offset: chrono::FixedOffset,
) -> Result<ApiError, ApiError> {
    Ok(match refusal {
        Refusal::Answered => {
            let detail = counselor_detail(c, ccn_no, offset)?;
            let by = detail
                .replies
                .iter()
                .rev()
                .find(|r| r.ans_typ_cd == ReplyAuthor::Counselor.code())
                .map(|r| format!("{} 상담원이 {}에", r.ansr_nm, short_time(&r.ans_dtm)))
                .unwrap_or_else(|| "다른 상담원이".to_owned());
            ApiError::Conflict {
                code: "ALREADY_ANSWERED",
                message: format!(
                    "{by} 이미 답변했습니다. 상담원 답변은 한 번만 등록할 수 있습니다."
                ),
                payload: serde_json::to_value(detail).unwrap_or_default(),
            }
        }
        Refusal::Withdrawn(at) => withdrawn(c, ccn_no, &at, offset)?,
        Refusal::HeldBy(holder) => {
            let status = c
                .question_state(ccn_no)?
                .map(|(s, _)| s)
                .unwrap_or(Status::InProgress);
            ApiError::Conflict {
                code: "TAKEN_BY_OTHER",
                message: format!("{} 상담원이 이미 처리 중인 문의입니다.", holder.name),
                payload: serde_json::to_value(present::status(ccn_no, status, Some(&holder)))
                    .unwrap_or_default(),
            }
        }
    })
}

/// An action on an inquiry its customer withdrew: 409 `WITHDRAWN` with the inquiry.
pub(crate) fn withdrawn(
    c: &mut dyn Tx,
    ccn_no: &str,
    at: &str,
    offset: chrono::FixedOffset,
) -> Result<ApiError, ApiError> {
    Ok(ApiError::Conflict {
        code: "WITHDRAWN",
        message: format!(
            "고객이 {}에 삭제한 문의입니다. 기록으로만 보관되며 처리할 수 없습니다.",
            crate::model::wire_time(at, offset)
                .get(..16)
                .unwrap_or(at)
                .replace('T', " ")
        ),
        payload: serde_json::to_value(counselor_detail(c, ccn_no, offset)?).unwrap_or_default(),
    })
}

/// `2026-11-23T14:05:09+09:00` → `14:05`.
fn short_time(wire: &str) -> &str {
    wire.get(11..16).unwrap_or(wire)
}

/// `POST questionProc {ccnNo}` — the counselor takes the inquiry: 접수완료 → 처리중, and they
/// hold it (idempotent for its holder).
pub async fn question_proc(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<BoProcRequest>,
) -> ApiResult<StatusPayload> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    let offset = state.config.store_offset;
    let me = me(&counselor);
    let actor = counselor.actor();
    state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            if let Err(refusal) = desk::take(tx, &ccn_no, &me)? {
                let error = match refusal {
                    Refusal::Answered => ApiError::StatusConflict {
                        message: "이미 답변완료된 문의는 처리중으로 되돌릴 수 없습니다.".to_owned(),
                        payload: serde_json::to_value(present::status(
                            &ccn_no,
                            Status::Answered,
                            None,
                        ))
                        .unwrap_or_default(),
                    },
                    other => refused(tx, &ccn_no, other, offset)?,
                };
                return Err(error);
            }
            audit::log(tx, &actor, Action::Take, Some(&ccn_no), None, "")?;
            tracing::info!(%ccn_no, cnslr_no = %me.no, "inquiry taken");
            Ok(ApiOk::ok(present::status(
                &ccn_no,
                Status::InProgress,
                Some(&me),
            )))
        })
        .await
}

/// `POST questionAns {ccnNo, ansCont, ansTypCd?, ansrNm?}` — appends the answer to the thread,
/// sets 답변완료 and queues the member's notifications. A second counselor answer is 409
/// `ALREADY_ANSWERED` with the inquiry as it is now. Returns the updated detail.
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
        crate::rules::Lines::Many,
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
    let me = me(&counselor);
    let actor = counselor.actor();
    let template = req.ans_tmpl_no.filter(|t| !t.trim().is_empty());
    let detail = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let now = now_db();
            let answer = Answer {
                author,
                name: &name,
                content: &content,
                at: &now,
            };
            if let Err(refusal) = desk::answer(tx, &ccn_no, &me, &answer)? {
                return Err(refused(tx, &ccn_no, refusal, offset)?);
            }
            audit::log(tx, &actor, Action::Answer, Some(&ccn_no), None, "")?;
            if let Some(no) = &template {
                templates::count_use(tx, no, &me)?;
            }
            let detail = counselor_detail(tx, &ccn_no, offset)?;
            tracing::info!(%ccn_no, cnslr_no = %me.no, "inquiry answered");
            Ok(detail)
        })
        .await?;
    state.notifier.wake();
    Ok(ApiOk::ok(detail))
}
