//! The one error type of the API layer and the response envelope every operation answers with.

use axum::{
    extract::{
        multipart::MultipartRejection,
        rejection::{JsonRejection, QueryRejection},
    },
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use chrono::{SecondsFormat, Utc};
use serde::Serialize;
use serde_json::Value;

/// One violated rule, tied to the request field it concerns.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    /// Stable machine-readable rule name (e.g. `TOO_LONG`), for clients that localise messages.
    pub code: String,
    /// Human-readable (Korean) message naming the rule.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// The x2bee-style envelope: `{timestamp, code, message, isProcess, payload, error, errors}`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Envelope<T: Serialize> {
    pub timestamp: String,
    pub code: String,
    pub message: String,
    pub is_process: bool,
    pub payload: Option<T>,
    pub error: bool,
    pub errors: Vec<FieldError>,
}

/// Success code of the envelope.
pub const OK_CODE: &str = "0000";

impl<T: Serialize> Envelope<T> {
    pub fn ok(payload: T) -> Self {
        Self {
            timestamp: now_rfc3339(),
            code: OK_CODE.to_owned(),
            message: "성공".to_owned(),
            is_process: true,
            payload: Some(payload),
            error: false,
            errors: Vec::new(),
        }
    }
}

fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A successful response: the payload wrapped in the envelope, with an HTTP status (200 unless set).
pub struct ApiOk<T: Serialize>(pub StatusCode, pub T);

impl<T: Serialize> ApiOk<T> {
    pub fn ok(payload: T) -> Self {
        Self(StatusCode::OK, payload)
    }
}

impl<T: Serialize> IntoResponse for ApiOk<T> {
    fn into_response(self) -> Response {
        (self.0, Json(Envelope::ok(self.1))).into_response()
    }
}

pub type ApiResult<T> = Result<ApiOk<T>, ApiError>;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 400: one or more rules violated; every violation is listed.
    #[error("{message}")]
    Validation {
        message: String,
        errors: Vec<FieldError>,
    },
    /// 400: a request that cannot be understood at all (malformed JSON, bad multipart framing).
    #[error("{0}")]
    BadRequest(String),
    /// 401: a missing, unknown, expired, tampered, wrong-issuer or wrong-audience token; the
    /// message says which (`identity::TokenProblem`).
    #[error("{0}")]
    Unauthorized(String),
    /// 503: the store's token keys (its JWKS) could not be fetched.
    #[error("{0}")]
    AuthUnavailable(String),
    /// 403: a member token on a counselor operation (members never get 403 for inquiries: those are 404).
    #[error("{0}")]
    Forbidden(String),
    /// 404: unknown resource, or one that belongs to another member.
    #[error("{0}")]
    NotFound(String),
    /// 405
    #[error("지원하지 않는 메서드입니다.")]
    MethodNotAllowed,
    /// 409: the inquiry's status forbids the operation. `payload` carries the current status.
    #[error("{message}")]
    StatusConflict { message: String, payload: Value },
    /// 409 with a reason of its own (`code`): a counselor's action that lost a race
    /// (`ALREADY_ANSWERED`, `TAKEN_BY_OTHER`). `payload` carries what the inquiry is now.
    #[error("{message}")]
    Conflict {
        code: &'static str,
        message: String,
        payload: Value,
    },
    /// 413
    #[error("{0}")]
    PayloadTooLarge(String),
    /// 415
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// 422: an `Idempotency-Key` that cannot be honoured: reused for a different request
    /// (`IDEMPOTENCY_KEY_REUSED`), or its inquiry was deleted since (`IDEMPOTENT_INQUIRY_DELETED`).
    #[error("{message}")]
    Idempotency { code: &'static str, message: String },
    /// 429: the member sent more of this kind of request than the limit allows; try again
    /// after `retry_after_secs` (also the `Retry-After` header and the payload).
    #[error("요청이 너무 잦습니다. {retry_after_secs}초 뒤에 다시 시도해 주세요.")]
    TooManyRequests { retry_after_secs: u64 },
    /// 503: the database or the blob store did not answer; nothing was done.
    #[error("{0}")]
    StorageUnavailable(String),
    /// 500: logged with its cause; the client sees a generic message.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let message = match errors.as_slice() {
            [one] => one.message.clone(),
            many => format!(
                "입력값을 확인해 주세요 ({}건): {}",
                many.len(),
                many.iter()
                    .map(|e| e.message.as_str())
                    .collect::<Vec<_>>()
                    .join(" / ")
            ),
        };
        Self::Validation { message, errors }
    }

    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError::new(field, code, message)])
    }

    pub fn inquiry_not_found() -> Self {
        Self::NotFound("문의를 찾을 수 없습니다.".to_owned())
    }

    /// Not found, in the words a counselor needs: its member may have deleted it a moment ago.
    pub fn inquiry_gone() -> Self {
        Self::NotFound(
            "문의를 찾을 수 없습니다. 고객이 방금 삭제했거나 없는 문의번호입니다.".to_owned(),
        )
    }

    pub fn internal(e: impl std::fmt::Display) -> Self {
        Self::Internal(e.to_string())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::Validation { .. } | Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            Self::AuthUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::StatusConflict { .. } | Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Idempotency { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::StorageUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The envelope's `code` for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Validation { .. } => "VALIDATION_FAILED",
            Self::BadRequest(_) => "BAD_REQUEST",
            Self::Unauthorized(_) => "UNAUTHORIZED",
            Self::AuthUnavailable(_) => "AUTH_UNAVAILABLE",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            Self::StatusConflict { .. } => "STATUS_CONFLICT",
            Self::Conflict { code, .. } => code,
            Self::PayloadTooLarge(_) => "PAYLOAD_TOO_LARGE",
            Self::UnsupportedMediaType(_) => "UNSUPPORTED_MEDIA_TYPE",
            Self::Idempotency { code, .. } => code,
            Self::TooManyRequests { .. } => "TOO_MANY_REQUESTS",
            Self::StorageUnavailable(_) => "STORAGE_UNAVAILABLE",
            Self::Internal(_) => "INTERNAL_ERROR",
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let message = match &self {
            Self::Internal(cause) => {
                tracing::error!(%cause, "request failed");
                "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.".to_owned()
            }
            other => other.to_string(),
        };
        let code = self.code().to_owned();
        let retry_after = match &self {
            Self::TooManyRequests { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let (payload, errors) = match self {
            Self::Validation { errors, .. } => (None, errors),
            Self::StatusConflict { payload, .. } | Self::Conflict { payload, .. } => {
                (Some(payload), Vec::new())
            }
            Self::TooManyRequests { retry_after_secs } => (
                Some(serde_json::json!({ "retryAfterSec": retry_after_secs })),
                Vec::new(),
            ),
            _ => (None, Vec::new()),
        };
        let body = Envelope::<Value> {
            timestamp: now_rfc3339(),
            code,
            message,
            is_process: false,
            payload,
            error: true,
            errors,
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::Unavailable(cause) => {
                tracing::error!(%cause, "database unavailable");
                Self::StorageUnavailable(
                    "일시적으로 요청을 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.".to_owned(),
                )
            }
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<crate::blobs::BlobError> for ApiError {
    fn from(e: crate::blobs::BlobError) -> Self {
        tracing::error!(error = %e, "blob store unavailable");
        Self::StorageUnavailable(
            "사진 저장소에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.".to_owned(),
        )
    }
}

impl From<std::io::Error> for ApiError {
    fn from(e: std::io::Error) -> Self {
        Self::Internal(format!("io: {e}"))
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::MissingJsonContentType(_) => Self::UnsupportedMediaType(
                "요청 본문은 Content-Type: application/json 이어야 합니다.".to_owned(),
            ),
            JsonRejection::BytesRejection(b) if b.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::PayloadTooLarge("요청 본문이 너무 큽니다.".to_owned())
            }
            other => Self::BadRequest(format!(
                "JSON 본문을 해석할 수 없습니다: {}",
                other.body_text()
            )),
        }
    }
}

impl From<MultipartRejection> for ApiError {
    fn from(_: MultipartRejection) -> Self {
        Self::UnsupportedMediaType("요청 본문은 multipart/form-data 형식이어야 합니다.".to_owned())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        Self::BadRequest(format!(
            "쿼리 문자열을 해석할 수 없습니다: {}",
            r.body_text()
        ))
    }
}
