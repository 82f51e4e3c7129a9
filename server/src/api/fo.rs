//! Storefront (FO) operations under `/api/order/v1/`: what a logged-in member may do.

use axum::{
    body::Body,
    extract::{
        multipart::MultipartRejection,
        rejection::{JsonRejection, QueryRejection},
        Multipart, Query, State,
    },
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::{
    dto::{
        FormLimits, GoodsSearch, Page, Pagination, QuestionInit, StatusCode as StatusDto,
        StatusPayload,
    },
    form::{self, QuestionForm},
};
use crate::{
    auth::{Member, Principal},
    config::{Limits, ACCEPTED_IMAGE_TYPES},
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::{day_start_db, latest_today_on_earth, now_db, store_today, Status},
    rules,
    store::{self, ListFilter, QuestionFields, StoredFile, TypeLookup},
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
    /// Back office only.
    pub mbr_no: Option<String>,
}

const SEARCH_WORD_MAX_CHARS: usize = 50;

/// Validates a list query into a filter and paging; `mbr_no` is the member (None on the BO).
pub fn list_filter(
    q: &ListQuery,
    mbr_no: Option<String>,
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
    let period = rules::period(
        q.start_dt.as_deref(),
        q.end_dt.as_deref(),
        store_today(cfg.store_offset),
        latest_today_on_earth(),
        cfg.limits.max_period_days,
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
    let with_member = mbr_no.is_none();
    let mbr_no = match mbr_no {
        Some(m) => Some(m),
        None => rules::ident("mbrNo", q.mbr_no.as_deref(), &mut errors),
    };
    match period {
        Some((start, end)) if errors.is_empty() => Ok((
            ListFilter {
                mbr_no,
                with_member,
                from: day_start_db(start, cfg.store_offset),
                until: day_start_db(end + chrono::Duration::days(1), cfg.store_offset),
                status,
                ord_no,
                keyword,
            },
            page_no,
            page_size,
        )),
        _ => Err(ApiError::validation(errors)),
    }
}

/// `GET getQuestion` — the member's inquiries in a period, newest first.
pub async fn get_question(
    State(state): State<AppState>,
    member: Member,
    query: Result<Query<ListQuery>, QueryRejection>,
) -> ApiResult<Page<crate::api::dto::QuestionSummary>> {
    let Query(q) = query?;
    let (filter, page_no, page_size) = list_filter(&q, Some(member.mbr_no), &state)?;
    let offset = state.config.store_offset;
    let totals = state.db.totals();
    let (content, total) = state
        .db
        .read(move |c| {
            Ok(store::list_questions(
                c, &filter, page_no, page_size, offset, &totals,
            )?)
        })
        .await?;
    Ok(ApiOk::ok(Page {
        content,
        pagination: Pagination::new(page_no, page_size, total),
    }))
}

/// `GET getQuestionInit` — type tree, form limits and status codes.
pub async fn get_question_init(
    State(state): State<AppState>,
    member: Member,
) -> ApiResult<QuestionInit> {
    let tree = state.db.read(|c| Ok(store::type_tree(c)?)).await?;
    let l = &state.config.limits;
    Ok(ApiOk::ok(QuestionInit {
        mbr_no: member.mbr_no,
        store_time_zone: crate::config::store_time_zone(state.config.store_offset),
        cnsl_types: tree,
        limits: FormLimits {
            title_max_len: l.title_max_chars,
            cont_max_len: l.content_max_chars,
            max_file_cnt: l.max_photos,
            max_file_size: l.max_photo_bytes,
            accepted_file_types: ACCEPTED_IMAGE_TYPES.iter().map(|s| s.to_string()).collect(),
            max_period_days: l.max_period_days,
            max_page_size: l.max_page_size,
        },
        statuses: Status::ALL
            .iter()
            .map(|s| StatusDto {
                ccn_stat_cd: s.code().to_owned(),
                ccn_stat_nm: s.name().to_owned(),
            })
            .collect(),
    }))
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

/// `GET getQuestionDtl` — one of the member's inquiries with photos and the reply thread.
pub async fn get_question_dtl(
    State(state): State<AppState>,
    member: Member,
    query: Result<Query<CcnQuery>, QueryRejection>,
) -> ApiResult<crate::api::dto::QuestionDetail> {
    let Query(q) = query?;
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let offset = state.config.store_offset;
    state
        .db
        .read(move |c| {
            store::question_detail(c, &ccn_no, Some(&member.mbr_no), offset)?
                .map(ApiOk::ok)
                .ok_or_else(ApiError::inquiry_not_found)
        })
        .await
}

/// `pageNo`/`pageSize` in a JSON body may be numbers or numeric strings.
fn page_value(v: Option<&serde_json::Value>) -> Option<String> {
    match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    }
}

/// `POST getGoodsList` — catalog search by name, brand or exact goods number.
pub async fn get_goods_list(
    State(state): State<AppState>,
    _member: Member,
    body: Result<Json<GoodsSearch>, JsonRejection>,
) -> ApiResult<Page<crate::api::dto::Goods>> {
    let Json(req) = body?;
    let mut errors = Vec::new();
    let (page_no, page_size) = rules::page(
        page_value(req.page_no.as_ref()).as_deref(),
        page_value(req.page_size.as_ref()).as_deref(),
        state.config.limits.max_page_size,
        &mut errors,
    );
    let search = req
        .search_nm
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    if let Some(s) = &search {
        let n = s.chars().count();
        if n > SEARCH_WORD_MAX_CHARS {
            errors.push(FieldError::new(
                "searchNm",
                "TOO_LONG",
                format!("검색어는 {SEARCH_WORD_MAX_CHARS}자 이하로 입력해 주세요 (현재 {n}자)."),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let (content, total) = state
        .db
        .read(move |c| {
            Ok(store::search_goods(
                c,
                search.as_deref(),
                page_no,
                page_size,
            )?)
        })
        .await?;
    Ok(ApiOk::ok(Page {
        content,
        pagination: Pagination::new(page_no, page_size, total),
    }))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PageQuery {
    pub page_no: Option<String>,
    pub page_size: Option<String>,
}

/// `GET /v1/customer/getOrderClaimGoodsList` — the member's ordered goods, newest order first.
pub async fn get_order_claim_goods_list(
    State(state): State<AppState>,
    member: Member,
    query: Result<Query<PageQuery>, QueryRejection>,
) -> ApiResult<Page<crate::api::dto::OrderGoods>> {
    let Query(q) = query?;
    let mut errors = Vec::new();
    let (page_no, page_size) = rules::page(
        q.page_no.as_deref(),
        q.page_size.as_deref(),
        state.config.limits.max_page_size,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let offset = state.config.store_offset;
    let (content, total) = state
        .db
        .read(move |c| {
            Ok(store::order_goods(
                c,
                &member.mbr_no,
                page_no,
                page_size,
                offset,
            )?)
        })
        .await?;
    Ok(ApiOk::ok(Page {
        content,
        pagination: Pagination::new(page_no, page_size, total),
    }))
}

/// Text rules of the inquiry form (no database needed).
fn form_fields(
    form: &QuestionForm,
    limits: &Limits,
    errors: &mut Vec<FieldError>,
) -> QuestionFields {
    let cnsl_typ_no = rules::ident("cnslTypNo", form.get("cnslTypNo"), errors);
    if cnsl_typ_no.is_none() && !errors.iter().any(|e| e.field == "cnslTypNo") {
        errors.push(FieldError::new(
            "cnslTypNo",
            "REQUIRED",
            "문의 유형을 선택해 주세요.",
        ));
    }
    QuestionFields {
        cnsl_typ_no: cnsl_typ_no.unwrap_or_default(),
        ccn_title: rules::text(
            "ccnTitle",
            "제목",
            form.get("ccnTitle"),
            limits.title_max_chars,
            errors,
        ),
        accp_cont: rules::text(
            "accpCont",
            "문의 내용",
            form.get("accpCont"),
            limits.content_max_chars,
            errors,
        ),
        goods_no: rules::ident("goodsNo", form.get("goodsNo"), errors),
        itm_no: rules::ident("itmNo", form.get("itmNo"), errors),
        ord_no: rules::ident("ordNo", form.get("ordNo"), errors),
        sms_rcv_yn: rules::yn("smsRcvYn", form.get("smsRcvYn"), errors),
        email_rcv_yn: rules::yn("emailRcvYn", form.get("emailRcvYn"), errors),
        ref_ccn_no: rules::ident("refCcnNo", form.get("refCcnNo"), errors),
    }
}

/// Rules that need the database: type is a leaf, goods/item exist, the order is the member's,
/// goods required by the type, the referenced inquiry is the member's.
fn reference_rules(
    conn: &Connection,
    mbr_no: &str,
    f: &QuestionFields,
    errors: &mut Vec<FieldError>,
) -> rusqlite::Result<()> {
    if !f.cnsl_typ_no.is_empty() {
        match store::lookup_type(conn, &f.cnsl_typ_no)? {
            TypeLookup::Unknown => errors.push(FieldError::new(
                "cnslTypNo",
                "UNKNOWN_TYPE",
                format!(
                    "존재하지 않는 문의 유형입니다 (cnslTypNo: {}).",
                    f.cnsl_typ_no
                ),
            )),
            TypeLookup::NotLeaf => errors.push(FieldError::new(
                "cnslTypNo",
                "NOT_LEAF_TYPE",
                "상위 분류가 아닌 세부 문의 유형을 선택해 주세요.",
            )),
            TypeLookup::Leaf { goods_required } => {
                if goods_required && f.goods_no.is_none() {
                    errors.push(FieldError::new(
                        "goodsNo",
                        "GOODS_REQUIRED",
                        "선택한 문의 유형은 상품을 선택해야 합니다. 최근 주문 상품이나 상품 검색에서 상품을 선택해 주세요.",
                    ));
                }
            }
        }
    }
    if let Some(goods_no) = &f.goods_no {
        if !store::goods_exists(conn, goods_no)? {
            errors.push(FieldError::new(
                "goodsNo",
                "UNKNOWN_GOODS",
                format!("존재하지 않는 상품입니다 (goodsNo: {goods_no})."),
            ));
        } else if let Some(itm_no) = &f.itm_no {
            if !store::item_exists(conn, goods_no, itm_no)? {
                errors.push(FieldError::new(
                    "itmNo",
                    "UNKNOWN_ITEM",
                    format!("상품에 없는 옵션입니다 (itmNo: {itm_no})."),
                ));
            }
        }
    } else if f.itm_no.is_some() {
        errors.push(FieldError::new(
            "itmNo",
            "GOODS_REQUIRED",
            "옵션(itmNo)은 상품(goodsNo)과 함께 보내야 합니다.",
        ));
    }
    if let Some(ord_no) = &f.ord_no {
        if !store::order_owned(conn, ord_no, mbr_no)? {
            errors.push(FieldError::new(
                "ordNo",
                "UNKNOWN_ORDER",
                format!("회원님의 주문에서 주문번호 {ord_no}을(를) 찾을 수 없습니다."),
            ));
        } else if let Some(goods_no) = &f.goods_no {
            if store::goods_exists(conn, goods_no)?
                && !store::order_has_goods(conn, ord_no, goods_no)?
            {
                errors.push(FieldError::new(
                    "goodsNo",
                    "GOODS_NOT_IN_ORDER",
                    format!("주문번호 {ord_no}에 없는 상품입니다 (goodsNo: {goods_no})."),
                ));
            }
        }
    }
    if let Some(ref_no) = &f.ref_ccn_no {
        if store::question_status(conn, ref_no, Some(mbr_no))?.is_none() {
            errors.push(FieldError::new(
                "refCcnNo",
                "UNKNOWN_REF",
                format!("참조한 문의를 찾을 수 없습니다 (refCcnNo: {ref_no})."),
            ));
        }
    }
    Ok(())
}

/// Checks every uploaded photo; returns the sniffed types of the acceptable ones (same order).
fn photo_rules(
    form: &QuestionForm,
    limits: &Limits,
    errors: &mut Vec<FieldError>,
) -> Vec<&'static str> {
    form.files
        .iter()
        .enumerate()
        .filter_map(|(i, f)| rules::photo(i, &f.file_nm, &f.bytes, limits, errors))
        .collect()
}

/// Writes photos under server-generated names. On any failure the ones written are removed.
async fn write_photos(
    state: &AppState,
    form: &QuestionForm,
    types: &[&'static str],
) -> Result<Vec<StoredFile>, ApiError> {
    let dir = state.config.photo_dir();
    tokio::fs::create_dir_all(&dir).await?;
    let mut stored = Vec::with_capacity(types.len());
    for (upload, content_type) in form.files.iter().zip(types) {
        let stored_nm = format!(
            "{}.{}",
            uuid::Uuid::new_v4().simple(),
            rules::extension(content_type)
        );
        if let Err(e) = tokio::fs::write(dir.join(&stored_nm), &upload.bytes).await {
            remove_photos(
                state,
                stored
                    .iter()
                    .map(|s: &StoredFile| s.stored_nm.clone())
                    .collect(),
            )
            .await;
            return Err(e.into());
        }
        stored.push(StoredFile {
            file_seq: 0,
            file_nm: upload.file_nm.clone(),
            stored_nm,
            content_type: (*content_type).to_owned(),
            file_size: upload.bytes.len() as u64,
        });
    }
    Ok(stored)
}

async fn remove_photos(state: &AppState, names: Vec<String>) {
    let dir = state.config.photo_dir();
    for name in names {
        if let Err(e) = tokio::fs::remove_file(dir.join(&name)).await {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(file = %name, error = %e, "could not remove photo");
            }
        }
    }
}

fn stored_names(files: &[StoredFile]) -> Vec<String> {
    files.iter().map(|f| f.stored_nm.clone()).collect()
}

fn conflict(ccn_no: &str, status: Status, verb: &str) -> ApiError {
    ApiError::StatusConflict {
        message: format!(
            "현재 '{}' 상태인 문의는 {verb}할 수 없습니다. '접수완료' 상태에서만 {verb}할 수 있습니다.",
            status.name()
        ),
        payload: serde_json::to_value(StatusPayload {
            ccn_no: ccn_no.to_owned(),
            ccn_stat_cd: status.code().to_owned(),
            ccn_stat_nm: status.name().to_owned(),
        })
        .unwrap_or_default(),
    }
}

fn multipart(mp: Result<Multipart, MultipartRejection>) -> Result<Multipart, ApiError> {
    mp.map_err(|_| {
        ApiError::UnsupportedMediaType(
            "요청 본문은 multipart/form-data 형식이어야 합니다.".to_owned(),
        )
    })
}

const IDEMPOTENCY_HEADER: &str = "idempotency-key";

fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    let Some(v) = headers.get(IDEMPOTENCY_HEADER) else {
        return Ok(None);
    };
    match v.to_str() {
        Ok(s) if (1..=100).contains(&s.trim().len()) => Ok(Some(s.trim().to_owned())),
        _ => Err(ApiError::field(
            "Idempotency-Key",
            "INVALID_FORMAT",
            "Idempotency-Key 헤더는 1~100자의 ASCII 문자열이어야 합니다.",
        )),
    }
}

/// Digest of everything a save request says, to tell a retry from a different request.
fn request_hash(f: &QuestionFields, form: &QuestionForm) -> String {
    let mut h = Sha256::new();
    for part in [
        f.cnsl_typ_no.as_str(),
        &f.ccn_title,
        &f.accp_cont,
        f.goods_no.as_deref().unwrap_or(""),
        f.itm_no.as_deref().unwrap_or(""),
        f.ord_no.as_deref().unwrap_or(""),
        if f.sms_rcv_yn { "Y" } else { "N" },
        if f.email_rcv_yn { "Y" } else { "N" },
        f.ref_ccn_no.as_deref().unwrap_or(""),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    for file in &form.files {
        h.update(Sha256::digest(&file.bytes));
    }
    hex::encode(h.finalize())
}

enum Saved {
    New(String),
    Replayed(String),
}

fn find_replay(
    conn: &Connection,
    mbr_no: &str,
    key: &str,
    hash: &str,
) -> Result<Option<String>, ApiError> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT req_hash, ccn_no FROM idempotency WHERE mbr_no = ?1 AND idem_key = ?2",
            [mbr_no, key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((h, ccn_no)) if h == hash => Ok(Some(ccn_no)),
        Some(_) => Err(ApiError::IdempotencyKeyReused(
            "이 Idempotency-Key는 다른 내용의 문의 등록에 이미 사용되었습니다. 새 키로 다시 요청해 주세요.".to_owned(),
        )),
    }
}

fn saved_response(saved: Saved) -> Response {
    match saved {
        Saved::New(ccn_no) => ApiOk(StatusCode::CREATED, ccn_no).into_response(),
        Saved::Replayed(ccn_no) => {
            let mut r = ApiOk::ok(ccn_no).into_response();
            r.headers_mut()
                .insert("idempotent-replayed", HeaderValue::from_static("true"));
            r
        }
    }
}

/// `POST questionSave` (multipart) — registers an inquiry; payload is the new `ccnNo`.
pub async fn question_save(
    State(state): State<AppState>,
    member: Member,
    headers: HeaderMap,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let form = form::read(multipart(mp)?, &state.config.limits).await?;
    let key = idempotency_key(&headers)?;
    let limits = &state.config.limits;
    let mut errors = Vec::new();
    let fields = form_fields(&form, limits, &mut errors);
    let types = photo_rules(&form, limits, &mut errors);
    rules::photo_count(form.files.len(), limits, &mut errors);
    let hash = request_hash(&fields, &form);
    let mbr_no = member.mbr_no.clone();
    let checked = fields.clone();
    let (key_c, hash_c) = (key.clone(), hash.clone());
    let (errors, replay) = state
        .db
        .write(move |c| {
            reference_rules(c, &mbr_no, &checked, &mut errors)?;
            let replay = match &key_c {
                Some(k) if errors.is_empty() => find_replay(c, &mbr_no, k, &hash_c)?,
                _ => None,
            };
            Ok((errors, replay))
        })
        .await?;
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if let Some(ccn_no) = replay {
        return Ok(saved_response(Saved::Replayed(ccn_no)));
    }
    let stored = write_photos(&state, &form, &types).await?;
    let mbr_no = member.mbr_no.clone();
    let offset = state.config.store_offset;
    let rows = stored.clone();
    let result = state
        .db
        .write(move |c| {
            let tx = c.transaction()?;
            // A concurrent retry may have won since the check above.
            if let Some(k) = &key {
                if let Some(existing) = find_replay(&tx, &mbr_no, k, &hash)? {
                    return Ok(Saved::Replayed(existing));
                }
            }
            let now = now_db();
            let ccn_no = store::next_ccn_no(&tx, store_today(offset))?;
            store::insert_question(&tx, &ccn_no, &mbr_no, &fields, Status::Received, &now)?;
            for (i, f) in rows.iter().enumerate() {
                store::insert_file(&tx, &ccn_no, i as u32 + 1, f, &now)?;
            }
            if let Some(k) = &key {
                tx.execute(
                    "INSERT INTO idempotency (mbr_no, idem_key, req_hash, ccn_no, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    [&mbr_no, k, &hash, &ccn_no, &now],
                )?;
            }
            tx.commit()?;
            Ok(Saved::New(ccn_no))
        })
        .await;
    match result {
        Ok(Saved::New(ccn_no)) => {
            tracing::info!(%ccn_no, mbr_no = %member.mbr_no, photos = stored.len(), "inquiry registered");
            Ok(saved_response(Saved::New(ccn_no)))
        }
        Ok(replayed) => {
            remove_photos(&state, stored_names(&stored)).await;
            Ok(saved_response(replayed))
        }
        Err(e) => {
            remove_photos(&state, stored_names(&stored)).await;
            Err(e)
        }
    }
}

/// `PUT questionMod` (multipart) — changes a received inquiry; keeps the photos listed in
/// `keepFileSeq`, removes the others, adds new `atchFiles`.
pub async fn question_mod(
    State(state): State<AppState>,
    member: Member,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    let form = form::read(multipart(mp)?, &state.config.limits).await?;
    let ccn_no = required_ccn_no(form.get("ccnNo"))?;
    let limits = state.config.limits.clone();
    let mut errors = Vec::new();
    let mut fields = form_fields(&form, &limits, &mut errors);
    // What an inquiry follows up is fixed when it is registered.
    fields.ref_ccn_no = None;
    let types = photo_rules(&form, &limits, &mut errors);
    let keep_raw = form.keep_file_seq.clone();
    let new_count = form.files.len();
    let mbr_no = member.mbr_no.clone();
    let checked = fields.clone();
    let ccn = ccn_no.clone();
    let keep: Vec<u32> = state
        .db
        .write(move |c| {
            let status = store::question_status(c, &ccn, Some(&mbr_no))?
                .ok_or_else(ApiError::inquiry_not_found)?;
            if !status.customer_may_change() {
                return Err(conflict(&ccn, status, "수정"));
            }
            reference_rules(c, &mbr_no, &checked, &mut errors)?;
            let existing = store::files_of(c, &ccn)?;
            let mut keep = Vec::new();
            for raw in &keep_raw {
                match raw.trim().parse::<u32>() {
                    Ok(seq) if existing.iter().any(|f| f.file_seq == seq) => {
                        if !keep.contains(&seq) {
                            keep.push(seq)
                        }
                    }
                    _ => errors.push(FieldError::new(
                        "keepFileSeq",
                        "UNKNOWN_FILE",
                        format!("이 문의에 없는 사진 번호입니다 (keepFileSeq: {raw})."),
                    )),
                }
            }
            rules::photo_count(keep.len() + new_count, &limits, &mut errors);
            if errors.is_empty() {
                Ok(keep)
            } else {
                Err(ApiError::validation(errors))
            }
        })
        .await?;
    let stored = write_photos(&state, &form, &types).await?;
    let mbr_no = member.mbr_no.clone();
    let rows = stored.clone();
    let ccn = ccn_no.clone();
    let result = state
        .db
        .write(move |c| {
            let tx = c.transaction()?;
            let now = now_db();
            if !store::update_question_if_received(&tx, &ccn, &mbr_no, &fields, &now)? {
                // Answered (or deleted) between the check above and now: refuse, change nothing.
                return Err(match store::question_status(&tx, &ccn, Some(&mbr_no))? {
                    Some(status) => conflict(&ccn, status, "수정"),
                    None => ApiError::inquiry_not_found(),
                });
            }
            let existing = store::files_of(&tx, &ccn)?;
            let mut removed = Vec::new();
            for f in &existing {
                if !keep.contains(&f.file_seq) {
                    store::delete_file(&tx, &ccn, f.file_seq)?;
                    removed.push(f.stored_nm.clone());
                }
            }
            let mut next = existing.iter().map(|f| f.file_seq).max().unwrap_or(0);
            for f in &rows {
                next += 1;
                store::insert_file(&tx, &ccn, next, f, &now)?;
            }
            tx.commit()?;
            Ok(removed)
        })
        .await;
    match result {
        Ok(removed) => {
            remove_photos(&state, removed).await;
            tracing::info!(%ccn_no, "inquiry modified");
            Ok(ApiOk::ok(ccn_no).into_response())
        }
        Err(e) => {
            remove_photos(&state, stored_names(&stored)).await;
            Err(e)
        }
    }
}

/// `DELETE questionDel?ccnNo=` — deletes a received inquiry and its photos.
pub async fn question_del(
    State(state): State<AppState>,
    member: Member,
    query: Result<Query<CcnQuery>, QueryRejection>,
) -> ApiResult<String> {
    let Query(q) = query?;
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let ccn = ccn_no.clone();
    let removed = state
        .db
        .write(move |c| {
            let tx = c.transaction()?;
            let files = store::files_of(&tx, &ccn)?;
            let n = tx.execute(
                "DELETE FROM ccn WHERE ccn_no = ?1 AND mbr_no = ?2 AND ccn_stat_cd = ?3",
                [&ccn, &member.mbr_no, Status::Received.code()],
            )?;
            if n == 0 {
                return Err(
                    match store::question_status(&tx, &ccn, Some(&member.mbr_no))? {
                        Some(status) => conflict(&ccn, status, "삭제"),
                        None => ApiError::inquiry_not_found(),
                    },
                );
            }
            tx.commit()?;
            Ok(stored_names(&files))
        })
        .await?;
    remove_photos(&state, removed).await;
    tracing::info!(%ccn_no, "inquiry deleted");
    Ok(ApiOk::ok(ccn_no))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileQuery {
    pub ccn_no: Option<String>,
    pub file_seq: Option<String>,
}

/// `GET getQuestionFile?ccnNo=&fileSeq=` — a photo's bytes, for its owner or a counselor.
pub async fn get_question_file(
    State(state): State<AppState>,
    principal: Principal,
    query: Result<Query<FileQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(q) = query?;
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let file_seq: u32 = q
        .file_seq
        .as_deref()
        .and_then(|s| s.trim().parse().ok())
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            ApiError::field(
                "fileSeq",
                "REQUIRED",
                "fileSeq(사진 번호)는 1 이상의 정수여야 합니다.",
            )
        })?;
    let owner = match principal {
        Principal::Member { mbr_no } => Some(mbr_no),
        Principal::Counselor { .. } => None,
    };
    let file = state
        .db
        .read(move |c| {
            if store::question_status(c, &ccn_no, owner.as_deref())?.is_none() {
                return Err(ApiError::inquiry_not_found());
            }
            store::files_of(c, &ccn_no)?
                .into_iter()
                .find(|f| f.file_seq == file_seq)
                .ok_or_else(|| ApiError::NotFound("사진을 찾을 수 없습니다.".to_owned()))
        })
        .await?;
    let bytes = match tokio::fs::read(state.config.photo_dir().join(&file.stored_nm)).await {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(ApiError::NotFound("사진 파일이 없습니다.".to_owned()))
        }
        Err(e) => return Err(e.into()),
    };
    let disposition = format!(
        "inline; filename=\"photo.{}\"; filename*=UTF-8''{}",
        rules::extension(&file.content_type),
        percent_encode(&file.file_nm)
    );
    let mut response = Response::new(Body::from(bytes));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&file.content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
