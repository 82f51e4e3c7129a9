//! `getGoodsList` (catalog search) and `getOrderClaimGoodsList` (the member's ordered goods).

use axum::extract::State;
use serde::Deserialize;

use crate::api::query::SEARCH_WORD_MAX_CHARS;
use crate::{
    api::{
        dto::{GoodsSearch, Page, Pagination},
        extract::{Json, Query},
        present,
    },
    auth::Member,
    error::{ApiError, ApiOk, ApiResult, FieldError},
    rules, store, AppState,
};

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
    Json(req): Json<GoodsSearch>,
) -> ApiResult<Page<crate::api::dto::Goods>> {
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
    let content = content.into_iter().map(present::catalog_goods).collect();
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
    Query(q): Query<PageQuery>,
) -> ApiResult<Page<crate::api::dto::OrderGoods>> {
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
        .read(move |c| Ok(store::order_goods(c, &member.mbr_no, page_no, page_size)?))
        .await?;
    let content = content
        .into_iter()
        .map(|o| present::ordered_goods(o, offset))
        .collect();
    Ok(ApiOk::ok(Page {
        content,
        pagination: Pagination::new(page_no, page_size, total),
    }))
}
