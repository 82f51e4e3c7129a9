//! Conditional reads of the API's JSON. Every 200 answer to a GET carries a weak ETag of its
//! body (a 64-bit hash: it tells one version of one URL's answer from the next, nothing more, so
//! it need not be cryptographic; SHA-256 took 8 % of the server's CPU under the list load test); a request whose `If-None-Match` names it gets 304 with no body. The SPA's live pages
//! check every 30 s this way (`src/pages/live.rs`), so a page where nothing changed costs a
//! round trip and a hash, not a body. Answers stay `no-store`: the SPA keeps what it showed,
//! not the browser's cache (member data does not belong on a shared device's disk).

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};
use std::hash::{DefaultHasher, Hasher};

use crate::error::ApiError;

/// The largest body this hashes (a page of 30 details is far below it).
const MAX_BODY: usize = 8 << 20;

/// The envelope's first field is the time of the answer (`{"timestamp":"…",…`): it changes on
/// every answer and says nothing about the data, so the tag is of the rest.
fn without_timestamp(body: &[u8]) -> &[u8] {
    const FIELD: &[u8] = b"{\"timestamp\":\"";
    body.strip_prefix(FIELD)
        .and_then(|rest| {
            rest.iter()
                .position(|&b| b == b'"')
                .map(|end| &rest[end + 1..])
        })
        .unwrap_or(body)
}

pub async fn conditional(req: Request, next: Next) -> Response {
    let get = req.method() == Method::GET;
    let wanted = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    let json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !get || res.status() != StatusCode::OK || !json {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return ApiError::Internal("response body unreadable".to_owned()).into_response();
    };
    let mut hasher = DefaultHasher::new();
    hasher.write(without_timestamp(&bytes));
    let tag = format!("W/\"{:016x}\"", hasher.finish());
    let matches = wanted
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    if let Ok(v) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, v);
    }
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_answer_time_is_not_part_of_the_tag() {
        let a = br#"{"timestamp":"2026-11-23T03:00:00+09:00","code":"0000","payload":1}"#;
        let b = br#"{"timestamp":"2026-11-23T03:00:30+09:00","code":"0000","payload":1}"#;
        let c = br#"{"timestamp":"2026-11-23T03:00:30+09:00","code":"0000","payload":2}"#;
        assert_eq!(super::without_timestamp(a), super::without_timestamp(b));
        assert_ne!(super::without_timestamp(b), super::without_timestamp(c));
        assert_eq!(super::without_timestamp(b"[]"), b"[]");
    }
}
