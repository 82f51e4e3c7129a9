//! Query parameters both sides share: an inquiry list's filter and paging (the member's list and
//! the counselor's queue) and an inquiry number.

use chrono::NaiveDate;
use serde::Deserialize;

use super::{
    dto::{Page, Pagination, QuestionSummary},
    present::{self, Audience},
};
use crate::{
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::{day_start_db, latest_today_on_earth, store_today, Status},
    rules,
    store::{Assignee, ListFilter},
    AppState,
};

/// Query of the inquiry lists (member and back office).
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListQuery {
    pub start_dt: Option<String>,
    pub end_dt: Option<String>,
    pub ccn_stat_cd: Option<String>,
    pub ord_no: Option<String>,
    pub search_word: Option<String>,
    pub page_no: Option<String>,
    pub page_size: Option<String>,
    /// Back office only: one member's inquiries.
    pub mbr_no: Option<String>,
    /// Back office only: a large or leaf type.
    pub cnsl_typ_no: Option<String>,
    /// Back office only: `me`, `none` (held by nobody) or a counselor number.
    pub cnslr_no: Option<String>,
    /// Back office only: `Y` lists the inquiries customers withdrew (고객 삭제) instead.
    pub wdrw_yn: Option<String>,
}

/// Whose list it is: a member's own inquiries, or a counselor's queue over every member.
#[derive(Debug, Clone)]
pub enum Side {
    Member(String),
    Counselor(String),
}

impl Side {
    pub fn audience(&self) -> Audience {
        match self {
            Side::Member(_) => Audience::Member,
            Side::Counselor(_) => Audience::Counselor,
        }
    }
}

pub const SEARCH_WORD_MAX_CHARS: usize = 50;

/// `startDt`/`endDt` read as the storefront's dates (checked: format, order, not in the future,
/// at most the longest period), with the stored-UTC range `[from, until)` they cover.
pub fn store_period(
    start_dt: Option<&str>,
    end_dt: Option<&str>,
    state: &AppState,
    errors: &mut Vec<FieldError>,
) -> Option<((NaiveDate, NaiveDate), (String, String))> {
    let cfg = &state.config;
    let (start, end) = rules::period(
        start_dt,
        end_dt,
        store_today(cfg.store_offset),
        latest_today_on_earth(),
        cfg.limits.max_period_days,
        errors,
    )?;
    let range = (
        day_start_db(start, cfg.store_offset),
        day_start_db(end + chrono::Duration::days(1), cfg.store_offset),
    );
    Some(((start, end), range))
}

/// Validates a list query into a filter and paging. A member's list is always their own; the
/// back-office filters (member, type, holder) are read only for counselors, whose 접수완료
/// queue lists the longest-waiting first.
pub fn list_filter(
    q: &ListQuery,
    side: &Side,
    state: &AppState,
) -> Result<(ListFilter, u32, u32), ApiError> {
    let cfg = &state.config;
    let mut errors = Vec::new();
    let (page_no, page_size) = rules::page(
        q.page_no.as_deref(),
        q.page_size.as_deref(),
        cfg.limits.max_page_size,
        &mut errors,
    );
    let period = store_period(
        q.start_dt.as_deref(),
        q.end_dt.as_deref(),
        state,
        &mut errors,
    );
    let status = match q.ccn_stat_cd.as_deref().map(str::trim) {
        None | Some("") | Some("ALL") => None,
        Some(code) => {
            let s = Status::from_code(code);
            if s.is_none() {
                errors.push(FieldError::new(
                    "ccnStatCd",
                    "INVALID_STATUS",
                    format!("ccnStatCd는 10(접수완료), 20(처리중), 30(답변완료) 중 하나여야 합니다 (입력값: {code})."),
                ));
            }
            s
        }
    };
    let ord_no = rules::ident("ordNo", q.ord_no.as_deref(), &mut errors);
    let keyword = q
        .search_word
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned);
    if let Some(k) = &keyword {
        let n = k.chars().count();
        if n > SEARCH_WORD_MAX_CHARS {
            errors.push(FieldError::new(
                "searchWord",
                "TOO_LONG",
                format!("검색어는 {SEARCH_WORD_MAX_CHARS}자 이하로 입력해 주세요 (현재 {n}자)."),
            ));
        }
    }
    let (mbr_no, type_no, assignee) = match side {
        Side::Member(m) => (Some(m.clone()), None, None),
        Side::Counselor(me) => (
            rules::ident("mbrNo", q.mbr_no.as_deref(), &mut errors),
            rules::ident("cnslTypNo", q.cnsl_typ_no.as_deref(), &mut errors),
            match q.cnslr_no.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(v) if v.eq_ignore_ascii_case("me") => Some(Assignee::Counselor(me.clone())),
                Some(v) if v.eq_ignore_ascii_case("none") => Some(Assignee::Nobody),
                Some(_) => rules::ident("cnslrNo", q.cnslr_no.as_deref(), &mut errors)
                    .map(Assignee::Counselor),
            },
        ),
    };
    let oldest_first = matches!(side, Side::Counselor(_)) && status == Some(Status::Received);
    // The desk's 접수완료 and 처리중 tabs: the soonest due first (by status alone, or with a
    // keyword or type; a member's, an order's or a holder's list keeps receipt order).
    let by_due = matches!(side, Side::Counselor(_))
        && matches!(status, Some(Status::Received | Status::InProgress))
        && mbr_no.is_none()
        && ord_no.is_none()
        && assignee.is_none();
    let withdrawn = match (side, q.wdrw_yn.as_deref().map(str::trim)) {
        (Side::Member(_), _) | (_, None | Some("") | Some("N")) => false,
        (Side::Counselor(_), Some("Y")) => true,
        (Side::Counselor(_), Some(other)) => {
            errors.push(FieldError::new(
                "wdrwYn",
                "INVALID_YN",
                format!("wdrwYn은 Y(고객 삭제 문의) 또는 N이어야 합니다 (입력값: {other})."),
            ));
            false
        }
    };
    match period {
        Some((_, (from, until))) if errors.is_empty() => Ok((
            ListFilter {
                mbr_no,
                from,
                until,
                status,
                ord_no,
                keyword,
                type_no,
                assignee,
                oldest_first,
                withdrawn,
                by_due,
            },
            page_no,
            page_size,
        )),
        _ => Err(ApiError::validation(errors)),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CcnQuery {
    pub ccn_no: Option<String>,
}

pub fn required_ccn_no(value: Option<&str>) -> Result<String, ApiError> {
    let mut errors = Vec::new();
    match rules::ident("ccnNo", value, &mut errors) {
        Some(v) => Ok(v),
        None if errors.is_empty() => Err(ApiError::field(
            "ccnNo",
            "REQUIRED",
            "ccnNo(문의번호)가 필요합니다.",
        )),
        None => Err(ApiError::validation(errors)),
    }
}

/// A page of inquiries for `q`, as `side` may see them. Both sides' list endpoints are this.
pub async fn inquiry_page(
    state: &AppState,
    q: &ListQuery,
    side: Side,
) -> ApiResult<Page<QuestionSummary>> {
    let audience = side.audience();
    let (filter, page_no, page_size) = list_filter(q, &side, state)?;
    let offset = state.config.store_offset;
    let totals = state.db.totals();
    let (rows, total) = state
        .db
        .read(move |c| c.list_questions(&filter, page_no, page_size, &totals))
        .await?;
    Ok(ApiOk::ok(Page {
        content: rows
            .into_iter()
            .map(|r| present::summary(r, offset, audience))
            .collect(),
        pagination: Pagination::new(page_no, page_size, total),
    }))
}
