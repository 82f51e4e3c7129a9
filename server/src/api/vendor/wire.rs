//! What every seller-API response looks like on the wire, whoever produced it: Coupang's
//! gateway answers `Content-Type: application/json;charset=UTF-8`, and sellers' clients read
//! the charset from it (the published `coupang` Python client decodes with
//! `get_content_charset()` and fails on a bare `application/json`, then retries a reply that
//! was already accepted). So a layer on the seller routes sets that type on every answer, and
//! turns what axum answers by itself (a path that does not parse, a method the route lacks) into
//! Coupang's envelope. An unknown path under `/v2/providers/` is a 404 in that envelope too.

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Coupang's JSON content type, charset included.
pub const JSON_UTF8: &str = "application/json;charset=UTF-8";

/// Largest plain-text body (an axum rejection) carried over as the envelope's message.
const MAX_MESSAGE_BYTES: usize = 4096;

/// The layer: JSON answers get the charset; anything else becomes `{code, message, data}`.
pub async fn coupang_json(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let mut response = if is_json || response.status() == StatusCode::NOT_MODIFIED {
        response
    } else {
        let (parts, body) = response.into_parts();
        let text = axum::body::to_bytes(body, MAX_MESSAGE_BYTES)
            .await
            .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
            .unwrap_or_default();
        let message = if text.is_empty() {
            parts
                .status
                .canonical_reason()
                .unwrap_or("Error")
                .to_owned()
        } else {
            text
        };
        envelope(parts.status, message)
    };
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_UTF8));
    response
}

/// Coupang's error envelope with `status`.
pub fn envelope(status: StatusCode, message: String) -> Response {
    let body = serde_json::json!({"code": status.as_u16(), "message": message, "data": null});
    let mut response = (status, Body::from(body.to_string())).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_UTF8));
    response
}

/// Any path under `/v2/providers/` that is not one of the seller API's.
pub async fn not_found() -> Response {
    envelope(
        StatusCode::NOT_FOUND,
        "No API matches this path: see the seller API's paths (callCenterInquiries, v4 and v5)"
            .to_owned(),
    )
}

/// A method the seller path does not take.
pub async fn method_not_allowed() -> Response {
    envelope(
        StatusCode::METHOD_NOT_ALLOWED,
        "Method not allowed on this path".to_owned(),
    )
}
