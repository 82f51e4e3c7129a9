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
    rules, AppState,
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
    let today = chrono::Utc::now()
        .with_timezone(&state.config.store_offset)
        .date_naive()
        .to_string();
    let (content, total) = state
        .db
        .read(move |c| c.search_goods(&today, search.as_deref(), page_no, page_size))
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
        .read(move |c| c.order_goods(&member.mbr_no, page_no, page_size))
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

/// `GET /images/goods/{name}` — a goods image from the blob store. Names are the catalog's
/// (made by the server or the seed); an image never changes under its name, so browsers and
/// CDNs may keep it a day.
pub async fn goods_image(
    State(state): State<AppState>,
    axum::extract::Path(name): axum::extract::Path<String>,
) -> Result<axum::response::Response, ApiError> {
    use axum::http::{header, HeaderValue};
    let bytes = state
        .blobs
        .get(crate::blobs::Kind::Goods, &name)
        .await?
        .ok_or_else(|| ApiError::NotFound("상품 이미지를 찾을 수 없습니다.".to_owned()))?;
    let content_type = match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("gif") => "image/gif",
        _ => "application/octet-stream",
    };
    let mut response = axum::response::Response::new(axum::body::Body::from(bytes));
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    Ok(response)
}
