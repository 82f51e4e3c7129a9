//! The integration API (`/api/integration/v1/`): how a store feeds its members, goods, orders
//! and sellers in, and manages its sellers' keys. Its own credential — the integration key
//! (`--integration-key`, `INQUIRY_INTEGRATION_KEY`) as a bearer token — which no member or
//! counselor token can stand in for. Off (404) when no key is configured.

use axum::{
    extract::{FromRequestParts, Path, State},
    http::{request::Parts, StatusCode},
};
use serde::Deserialize;
use serde_json::Value;

use super::extract::Json;
use crate::{
    error::{ApiError, ApiOk, FieldError},
    feed::{
        self,
        keys::{self, IssuedKey, KeyRefusal},
        BatchResult, Kind,
    },
    store::records::VendorKeyInfo,
    AppState,
};

/// A caller holding the integration key.
pub struct Integrator;

impl FromRequestParts<AppState> for Integrator {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(key) = &state.config.integration_key else {
            return Err(ApiError::NotFound(
                "통합 API가 꺼져 있습니다: 서버를 --integration-key 와 함께 시작하세요.".to_owned(),
            ));
        };
        let given = crate::auth::bearer(parts).unwrap_or("");
        if key.matches(given) {
            Ok(Integrator)
        } else {
            Err(ApiError::Unauthorized(
                "통합 API 키가 올바르지 않습니다 (Authorization: Bearer <integration key>)."
                    .to_owned(),
            ))
        }
    }
}

#[derive(Deserialize)]
pub struct Batch {
    items: Vec<Value>,
}

/// `POST /api/integration/v1/{members|goods|orders|sellers}` — upserts up to 1,000 items in
/// one transaction; each refused item is reported by its index and key, the rest are written.
pub async fn upsert(
    State(state): State<AppState>,
    _: Integrator,
    Path(kind): Path<String>,
    Json(batch): Json<Batch>,
) -> Result<ApiOk<BatchResult>, ApiError> {
    let kind = Kind::parse(&kind).ok_or_else(|| {
        ApiError::NotFound("members, goods, orders, sellers 중 하나를 보내 주세요.".to_owned())
    })?;
    if batch.items.len() > feed::MAX_BATCH {
        return Err(ApiError::validation(vec![FieldError::new(
            "items",
            "BATCH_TOO_LARGE",
            format!(
                "한 번에 {}개까지 보낼 수 있습니다 (받은 항목 {}개).",
                feed::MAX_BATCH,
                batch.items.len()
            ),
        )]));
    }
    let result = state
        .db
        .write(move |tx| feed::apply(tx, kind, &batch.items))
        .await
        .map_err(ApiError::from)?;
    Ok(ApiOk::ok(result))
}

fn refused(r: KeyRefusal, vendor_id: &str) -> ApiError {
    ApiError::NotFound(match r {
        KeyRefusal::UnknownSeller => format!("판매자 {vendor_id}을(를) 찾을 수 없습니다."),
        KeyRefusal::UnknownKey => "이 판매자의 유효한 키가 아닙니다.".to_owned(),
    })
}

/// `GET /api/integration/v1/sellers/{vendorId}/keys` — the seller's keys, never their secrets.
pub async fn list_keys(
    State(state): State<AppState>,
    _: Integrator,
    Path(vendor_id): Path<String>,
) -> Result<ApiOk<Vec<KeyView>>, ApiError> {
    let keys = state
        .db
        .read(move |tx| keys::list(tx, &vendor_id)?.map_err(|r| refused(r, &vendor_id)))
        .await?;
    let offset = state.config.store_offset;
    Ok(ApiOk::ok(
        keys.into_iter().map(|k| KeyView::new(k, offset)).collect(),
    ))
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyView {
    access_key: String,
    created_at: Option<String>,
    expires_at: Option<String>,
    revoked_at: Option<String>,
}

impl KeyView {
    fn new(k: VendorKeyInfo, offset: chrono::FixedOffset) -> Self {
        let time = |t: Option<String>| t.map(|t| crate::model::wire_time(&t, offset));
        Self {
            access_key: k.access_key,
            created_at: time(k.created_at),
            expires_at: time(k.expires_at),
            revoked_at: time(k.revoked_at),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rotation {
    /// Hours the seller's current keys keep signing (0–720, default 24).
    grace_hours: Option<u32>,
}

/// `POST /api/integration/v1/sellers/{vendorId}/keys` — a new key pair beside the current ones.
pub async fn issue_key(
    State(state): State<AppState>,
    _: Integrator,
    Path(vendor_id): Path<String>,
) -> Result<ApiOk<IssuedKey>, ApiError> {
    issue(state, vendor_id, None).await
}

/// `POST /api/integration/v1/sellers/{vendorId}/keys/rotate` — a new key pair; the current ones
/// sign for `graceHours` more, then stop.
pub async fn rotate_key(
    State(state): State<AppState>,
    _: Integrator,
    Path(vendor_id): Path<String>,
    body: axum::body::Bytes,
) -> Result<ApiOk<IssuedKey>, ApiError> {
    let rotation: Rotation = if body.iter().all(u8::is_ascii_whitespace) {
        Rotation::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| ApiError::BadRequest(format!("요청 본문을 읽을 수 없습니다: {e}")))?
    };
    let hours = rotation.grace_hours.unwrap_or(24);
    if hours > 720 {
        return Err(ApiError::validation(vec![FieldError::new(
            "graceHours",
            "OUT_OF_RANGE",
            "graceHours는 0에서 720 사이여야 합니다.",
        )]));
    }
    issue(
        state,
        vendor_id,
        Some(chrono::Duration::hours(i64::from(hours))),
    )
    .await
}

async fn issue(
    state: AppState,
    vendor_id: String,
    grace: Option<chrono::Duration>,
) -> Result<ApiOk<IssuedKey>, ApiError> {
    let issued = state
        .db
        .write(move |tx| {
            keys::issue(tx, &vendor_id, grace, chrono::Utc::now())?
                .map_err(|r| refused(r, &vendor_id))
        })
        .await?;
    Ok(ApiOk(StatusCode::CREATED, issued))
}

/// `DELETE /api/integration/v1/members/{mbrNo}` — a 회원 탈퇴: the member's name and contact
/// leave every record kept for the law (their inquiries stay until their retention ends).
pub async fn forget_member(
    State(state): State<AppState>,
    _: Integrator,
    Path(mbr_no): Path<String>,
) -> Result<ApiOk<Value>, ApiError> {
    let m = mbr_no.clone();
    let actor = crate::audit::Actor::system("integration-api");
    let done = state
        .db
        .write(move |tx| crate::retention::forget_member(tx, &m, &actor))
        .await?;
    if !done {
        return Err(ApiError::NotFound(format!(
            "회원 {mbr_no}이(가) 없거나 이미 탈퇴 처리되었습니다."
        )));
    }
    tracing::info!(%mbr_no, "member forgotten (회원 탈퇴)");
    Ok(ApiOk::ok(
        serde_json::json!({ "mbrNo": mbr_no, "forgotten": true }),
    ))
}

/// `DELETE /api/integration/v1/sellers/{vendorId}/keys/{accessKey}` — the key stops signing now.
pub async fn revoke_key(
    State(state): State<AppState>,
    _: Integrator,
    Path((vendor_id, access_key)): Path<(String, String)>,
) -> Result<ApiOk<Value>, ApiError> {
    state
        .db
        .write(move |tx| {
            keys::revoke(tx, &vendor_id, &access_key, chrono::Utc::now())?
                .map_err(|r| refused(r, &vendor_id))
        })
        .await?;
    Ok(ApiOk::ok(serde_json::json!({ "revoked": true })))
}
