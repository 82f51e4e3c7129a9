//! The back office's view of the records the law keeps: an inquiry's earlier versions and its
//! history (who did what, when), and — for a desk manager only — the access log and its CSV
//! export (with a reason, itself logged). The monthly review is `review.rs`.

use axum::{extract::State, response::Response};
use chrono::FixedOffset;
use serde::{Deserialize, Serialize};

use super::super::{
    dto::{Page, Pagination, PrevFile, PrevVersion},
    extract::Query,
    query::{required_ccn_no, store_period, CcnQuery},
};
use crate::{
    audit::{self, Action},
    auth::{Counselor, Manager},
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::{store_today, wire_time},
    questions::versions,
    rules,
    store::{AccessFilter, AccessRecord, StoreResult, Tx},
    AppState,
};

/// Most rows one export holds: a wider one is refused with a word to narrow it.
pub const EXPORT_MAX_ROWS: u64 = 50_000;
/// Shortest and longest export reason, in characters.
const REASON_CHARS: (usize, usize) = (2, 200);

/// The inquiry's earlier versions as the desk reads them.
pub fn versions(
    c: &mut dyn Tx,
    ccn_no: &str,
    offset: FixedOffset,
) -> StoreResult<Vec<PrevVersion>> {
    let yn = |b: bool| if b { "Y" } else { "N" }.to_owned();
    Ok(versions::earlier(c, ccn_no)?
        .into_iter()
        .map(|(seq, s, replaced)| PrevVersion {
            ver_seq: seq,
            cnsl_typ_nm: s.cnsl_typ_nm,
            ccn_title: s.ccn_title,
            accp_cont: s.accp_cont,
            goods_nm: s.goods_nm,
            ord_no: s.ord_no,
            sms_rcv_yn: yn(s.sms_rcv_yn),
            email_rcv_yn: yn(s.email_rcv_yn),
            submitted_dtm: wire_time(&s.submitted_at, offset),
            replaced_dtm: wire_time(&replaced, offset),
            atch_files: s
                .files
                .into_iter()
                .map(|f| PrevFile {
                    file_seq: f.file_seq,
                    file_nm: f.file_nm,
                    file_size: f.file_size,
                })
                .collect(),
        })
        .collect())
}

/// One access-log entry on the wire.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessEntry {
    pub log_no: i64,
    pub log_dtm: String,
    pub actor_role: String,
    pub actor_no: String,
    pub actor_nm: String,
    pub client_ip: Option<String>,
    pub action_cd: String,
    pub action_nm: String,
    pub ccn_no: Option<String>,
    pub mbr_no: Option<String>,
    pub detail: String,
}

fn entry(r: AccessRecord, offset: FixedOffset) -> AccessEntry {
    let e = r.entry;
    AccessEntry {
        log_no: r.log_no,
        log_dtm: wire_time(&e.at, offset),
        actor_role: e.role.code().to_owned(),
        action_nm: Action::from_code(&e.action)
            .map_or("", Action::label)
            .to_owned(),
        actor_no: e.actor_no,
        actor_nm: e.actor_nm,
        client_ip: e.client_ip,
        action_cd: e.action,
        ccn_no: e.ccn_no,
        mbr_no: e.mbr_no,
        detail: e.detail,
    }
}

/// `GET getQuestionHistory?ccnNo=` — the inquiry's timeline: received, then every change
/// (edits, withdrawal, take, answer, transfer, the seller's reply or confirmation) with who
/// did it. Reads are the access log's, not the timeline's.
pub async fn get_question_history(
    State(state): State<AppState>,
    _counselor: Counselor,
    Query(q): Query<CcnQuery>,
) -> ApiResult<Vec<AccessEntry>> {
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let offset = state.config.store_offset;
    state
        .db
        .read(move |c| -> Result<_, ApiError> {
            let inquiry = c
                .question_detail(&ccn_no, None)?
                .ok_or_else(ApiError::inquiry_gone)?;
            let filter = AccessFilter {
                from: String::new(),
                until: "~".to_owned(),
                ccn_no: Some(ccn_no.clone()),
                ..AccessFilter::default()
            };
            let (rows, _) = c.access_log(&filter, 1, 1000)?;
            let mut timeline = vec![AccessEntry {
                log_no: 0,
                log_dtm: wire_time(&inquiry.accepted_at, offset),
                actor_role: "MEMBER".to_owned(),
                actor_no: inquiry.member.mbr_no.clone(),
                actor_nm: inquiry.member.name.clone(),
                client_ip: None,
                action_cd: "RECEIVED".to_owned(),
                action_nm: "접수".to_owned(),
                ccn_no: Some(ccn_no.clone()),
                mbr_no: Some(inquiry.member.mbr_no.clone()),
                detail: String::new(),
            }];
            // The log reads newest first; the timeline runs oldest first.
            timeline.extend(
                rows.into_iter()
                    .rev()
                    .filter(|r| Action::from_code(&r.entry.action).is_some_and(Action::is_change))
                    .map(|r| AccessEntry {
                        client_ip: None,
                        ..entry(r, offset)
                    }),
            );
            Ok(ApiOk::ok(timeline))
        })
        .await
}

/// The access log's filters (`getAccessLog` and its export).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessQuery {
    pub start_dt: Option<String>,
    pub end_dt: Option<String>,
    pub cnslr_no: Option<String>,
    pub mbr_no: Option<String>,
    pub ccn_no: Option<String>,
    pub action_cd: Option<String>,
    pub page_no: Option<String>,
    pub page_size: Option<String>,
    /// The export's reason.
    pub reason: Option<String>,
}

fn access_filter(
    q: &AccessQuery,
    state: &AppState,
    errors: &mut Vec<FieldError>,
) -> Option<AccessFilter> {
    let period = store_period(q.start_dt.as_deref(), q.end_dt.as_deref(), state, errors);
    let action = match q.action_cd.as_deref().map(str::trim) {
        None | Some("") | Some("ALL") => None,
        Some(code) => match Action::from_code(code) {
            Some(a) => Some(a.code().to_owned()),
            None => {
                errors.push(FieldError::new(
                    "actionCd",
                    "INVALID_ACTION",
                    format!("알 수 없는 행위 코드입니다 (actionCd: {code})."),
                ));
                None
            }
        },
    };
    let filter = AccessFilter {
        from: String::new(),
        until: String::new(),
        actor_no: rules::ident("cnslrNo", q.cnslr_no.as_deref(), errors),
        mbr_no: rules::ident("mbrNo", q.mbr_no.as_deref(), errors),
        ccn_no: rules::ident("ccnNo", q.ccn_no.as_deref(), errors),
        action,
    };
    let (_, (from, until)) = period?;
    Some(AccessFilter {
        from,
        until,
        ..filter
    })
}

/// `GET getAccessLog` — a page of the access log, newest first, by period (`startDt`,
/// `endDt`), counselor (`cnslrNo`), member, inquiry and action. Managers only.
pub async fn get_access_log(
    State(state): State<AppState>,
    _manager: Manager,
    Query(q): Query<AccessQuery>,
) -> ApiResult<Page<AccessEntry>> {
    let mut errors = Vec::new();
    let (page_no, page_size) = rules::page(
        q.page_no.as_deref(),
        q.page_size.as_deref(),
        state.config.limits.max_page_size,
        &mut errors,
    );
    let filter = access_filter(&q, &state, &mut errors);
    let Some(filter) = filter.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let offset = state.config.store_offset;
    let (rows, total) = state
        .db
        .read(move |c| c.access_log(&filter, page_no, page_size))
        .await?;
    Ok(ApiOk::ok(Page {
        content: rows.into_iter().map(|r| entry(r, offset)).collect(),
        pagination: Pagination::new(page_no, page_size, total),
    }))
}

/// `GET getAccessLogCsv` — the filtered log as CSV, given a `reason`. The export is logged
/// (who, why, which filter, how many rows) in the transaction that reads it.
pub async fn get_access_log_csv(
    State(state): State<AppState>,
    Manager(manager): Manager,
    Query(q): Query<AccessQuery>,
) -> Result<Response, ApiError> {
    let mut errors = Vec::new();
    let filter = access_filter(&q, &state, &mut errors);
    let reason = q.reason.as_deref().map(str::trim).unwrap_or("");
    let n = reason.chars().count();
    if n < REASON_CHARS.0 || n > REASON_CHARS.1 {
        errors.push(FieldError::new(
            "reason",
            if n == 0 { "REQUIRED" } else { "LENGTH" },
            format!(
                "내보내는 사유를 {}~{}자로 입력해 주세요 (현재 {n}자).",
                REASON_CHARS.0, REASON_CHARS.1
            ),
        ));
    }
    let Some(filter) = filter.filter(|_| errors.is_empty()) else {
        return Err(ApiError::validation(errors));
    };
    let offset = state.config.store_offset;
    let actor = manager.actor();
    let detail = format!(
        "사유: {reason} / 기간: {}~{}{}",
        q.start_dt.as_deref().unwrap_or(""),
        q.end_dt.as_deref().unwrap_or(""),
        [
            ("처리자", &filter.actor_no),
            ("회원", &filter.mbr_no),
            ("문의", &filter.ccn_no),
            ("행위", &filter.action),
        ]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!(" / {k}: {v}")))
        .collect::<String>()
    );
    let rows = state
        .db
        .write(move |c| -> Result<_, ApiError> {
            let (rows, total) = c.access_log(&filter, 1, EXPORT_MAX_ROWS as u32)?;
            if total > EXPORT_MAX_ROWS {
                return Err(ApiError::field(
                    "startDt",
                    "TOO_MANY_ROWS",
                    format!("내보낼 기록이 {total}건으로 한 번에 {EXPORT_MAX_ROWS}건을 넘습니다. 기간을 줄여 주세요."),
                ));
            }
            let detail = format!("{detail} / {total}건");
            audit::log(c, &actor, Action::ExportLog, None, filter.mbr_no.as_deref(), &detail)?;
            Ok(rows)
        })
        .await?;
    let body = super::csv::render(&rows, offset)
        .map_err(|e| ApiError::Internal(format!("writing the CSV: {e}")))?;
    let name = format!("access-log-{}.csv", store_today(offset).format("%Y%m%d"));
    Ok(super::csv::response(body, &name))
}
