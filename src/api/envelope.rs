//! The x2bee envelope (`{code, message, payload, errors, …}`): a response's payload, or the
//! `ApiError` its status and body say.
//!
//! Payloads decode with one of two libraries, chosen per call by a [`Decode`] function: the
//! first screen's reads (the list, `getQuestionInit`) and every error body with miniserde
//! ([`mini_payload`]), so the first load carries no serde_json (see `list_wire`); everything
//! else with serde ([`serde_payload`]), in the chunk of the page that reads it.

use miniserde::Deserialize as MiniDeserialize;
use serde::de::DeserializeOwned;

use super::{
    dto::{status_from_code, Envelope},
    error::{ApiError, ErrorField, FieldError},
};

/// How a call reads the payload out of a success envelope's text.
pub(super) type Decode<T> = fn(&str) -> Result<T, ApiError>;

/// The payload, with serde (the detail's and the form's reads).
pub(super) fn serde_payload<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    let envelope: Envelope<T> =
        serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))?;
    envelope.payload.ok_or_else(|| no_payload(envelope.code))
}

fn no_payload(code: Option<String>) -> ApiError {
    ApiError::Decode(format!(
        "no payload (code {})",
        code.as_deref().unwrap_or("none")
    ))
}

#[derive(MiniDeserialize)]
struct MiniEnvelope<T> {
    code: Option<String>,
    payload: Option<T>,
}

/// The payload, with miniserde (the first screen's reads).
pub(super) fn mini_payload<T: MiniDeserialize>(text: &str) -> Result<T, ApiError> {
    let envelope: MiniEnvelope<T> = miniserde::json::from_str(text)
        .map_err(|_| ApiError::Decode("the response is not the expected JSON".into()))?;
    envelope.payload.ok_or_else(|| no_payload(envelope.code))
}

pub(super) async fn send_request<T>(
    req: gloo_net::http::Request,
    decode: Decode<T>,
) -> Result<T, ApiError> {
    let resp = req
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    payload_of(resp, decode).await
}

/// The payload of an envelope, or the error its status and body say.
pub(super) async fn payload_of<T>(
    resp: gloo_net::http::Response,
    decode: Decode<T>,
) -> Result<T, ApiError> {
    let status = resp.status();
    let text = resp
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !(200..300).contains(&status) {
        return Err(error_from(status, &text));
    }
    decode(&text)
}

/// What every error envelope says. Its `payload` is read apart ([`ErrorPayload`]): it is an
/// object only for some errors, and a payload of another shape must not cost the message.
#[derive(MiniDeserialize)]
struct ErrorHead {
    code: Option<String>,
    message: Option<String>,
    errors: Option<Vec<WireFieldError>>,
}

#[derive(MiniDeserialize)]
struct WireFieldError {
    field: String,
    code: Option<String>,
    message: Option<String>,
}

/// The payload fields errors carry: the inquiry's status on a 409, the wait on a 429.
#[derive(MiniDeserialize)]
struct ErrorPayload {
    #[serde(rename = "ccnStatCd")]
    status: Option<String>,
    #[serde(rename = "retryAfterSec")]
    retry_after_secs: Option<u64>,
}

/// `atchFiles[2]` → `Some(2)`.
fn wire_index(wire: &str) -> Option<usize> {
    wire.split_once('[')?.1.strip_suffix(']')?.parse().ok()
}

pub(super) fn error_from(status: u16, text: &str) -> ApiError {
    let head: Option<ErrorHead> = miniserde::json::from_str(text).ok();
    let payload = || {
        miniserde::json::from_str::<MiniEnvelope<ErrorPayload>>(text)
            .ok()
            .and_then(|e| e.payload)
    };
    let message = head
        .as_ref()
        .and_then(|e| e.message.clone())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("HTTP {status}"));
    match status {
        401 => ApiError::Unauthorized(message),
        404 => ApiError::NotFound(message),
        409 => ApiError::Conflict {
            message,
            status: payload()
                .and_then(|p| p.status)
                .and_then(|code| status_from_code(&code)),
        },
        400 | 413 | 415 | 422 => {
            let (code, errors) = head.map(|e| (e.code, e.errors)).unwrap_or_default();
            ApiError::Validation {
                code: code.unwrap_or_default(),
                message,
                errors: errors
                    .unwrap_or_default()
                    .into_iter()
                    .map(|e| FieldError {
                        field: ErrorField::from_wire(&e.field),
                        index: wire_index(&e.field),
                        code: e.code.unwrap_or_default(),
                        message: e.message.unwrap_or_default(),
                    })
                    .collect(),
            }
        }
        429 => ApiError::TooManyRequests {
            retry_after_secs: payload().and_then(|p| p.retry_after_secs).unwrap_or(30),
        },
        _ => ApiError::Server { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{form::Field, Status};

    #[test]
    fn error_envelopes_map_to_what_pages_react_to() {
        let conflict = r#"{"code":"STATUS_CONFLICT","message":"현재 '답변완료' 상태인 문의는 삭제할 수 없습니다.","payload":{"ccnNo":"1","ccnStatCd":"30","ccnStatNm":"답변완료"},"errors":[]}"#;
        assert_eq!(
            error_from(409, conflict),
            ApiError::Conflict {
                message: "현재 '답변완료' 상태인 문의는 삭제할 수 없습니다.".into(),
                status: Some(Status::Answered)
            }
        );
        let invalid = r#"{"code":"VALIDATION_FAILED","message":"m","payload":null,"errors":[{"field":"atchFiles[1]","code":"FILE_TOO_LARGE","message":"big"}]}"#;
        let ApiError::Validation { errors, .. } = error_from(400, invalid) else {
            panic!()
        };
        assert_eq!(errors[0].field, ErrorField::Form(Field::Photos));
        assert_eq!(errors[0].index, Some(1));
        assert_eq!(errors[0].code, "FILE_TOO_LARGE");
        assert!(matches!(error_from(401, "{}"), ApiError::Unauthorized(_)));
        assert!(matches!(
            error_from(502, "<html>bad gateway</html>"),
            ApiError::Server { status: 502, .. }
        ));
        assert!(matches!(error_from(404, ""), ApiError::NotFound(m) if m.contains("404")));
    }

    #[test]
    fn a_busy_server_says_how_long_to_wait() {
        let busy = r#"{"code":"TOO_MANY_REQUESTS","message":"m","payload":{"retryAfterSec":12},"errors":[],"isProcess":false,"error":true}"#;
        assert_eq!(
            error_from(429, busy),
            ApiError::TooManyRequests {
                retry_after_secs: 12
            }
        );
        assert_eq!(
            error_from(429, "{}"),
            ApiError::TooManyRequests {
                retry_after_secs: 30
            }
        );
    }

    #[test]
    fn a_payload_of_another_shape_keeps_the_message() {
        let odd = r#"{"code":"STATUS_CONFLICT","message":"이미 답변되었습니다.","payload":"30","errors":[]}"#;
        assert_eq!(
            error_from(409, odd),
            ApiError::Conflict {
                message: "이미 답변되었습니다.".into(),
                status: None
            }
        );
    }

    #[test]
    fn a_success_envelope_without_a_payload_is_a_decode_error() {
        let empty = r#"{"code":"OK","message":"","payload":null}"#;
        assert!(matches!(
            mini_payload::<Vec<String>>(empty),
            Err(ApiError::Decode(_))
        ));
        assert!(matches!(
            serde_payload::<Vec<String>>(empty),
            Err(ApiError::Decode(_))
        ));
        assert!(matches!(
            mini_payload::<Vec<String>>("<html>"),
            Err(ApiError::Decode(_))
        ));
        assert_eq!(
            mini_payload::<Vec<String>>(r#"{"payload":["a"]}"#).unwrap(),
            ["a"]
        );
    }
}
