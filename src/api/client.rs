//! HTTP calls (gloo-net) and the envelope → `ApiError` mapping.

use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use super::{
    dto::{
        status_code, status_from_code, CatalogGoods, Envelope, Inquiry, InquiryInit, InquiryPage,
        InquirySummary, OrderedGoods, Paged, Photo, WireInit, WirePage, WireStatusPayload,
    },
    error::{ApiError, FieldError},
};
use crate::domain::{Period, Status};

const CS: &str = "/api/order/v1/customerservice";

/// What the list page asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListQuery {
    pub period: Period,
    pub status: Option<Status>,
    pub order_no: Option<String>,
    pub keyword: Option<String>,
    pub page: u32,
    pub page_size: u32,
}

/// The API as the logged-in member sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    base: String,
    token: Option<String>,
}

impl Client {
    /// `base`: origin (and optional prefix) of the API, `""` for the page's own origin.
    pub fn new(base: &str, token: Option<String>) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            token,
        }
    }

    /// Absolute URL of a path the API returned (goods images, photo downloads).
    pub fn asset_url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else {
            format!("{}{}", self.base, path)
        }
    }

    /// Identifies the member locally (drafts) without storing the token: FNV-1a of the token.
    pub fn member_key(&self) -> String {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.token.as_deref().unwrap_or("anonymous").bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{h:016x}")
    }

    pub(super) fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }

    fn authed(&self, rb: RequestBuilder) -> RequestBuilder {
        match &self.token {
            Some(t) => rb.header("Authorization", &format!("Bearer {t}")),
            None => rb,
        }
    }

    pub async fn init(&self) -> Result<InquiryInit, ApiError> {
        let wire: WireInit = send(self.authed(Request::get(
            &self.asset_url(&format!("{CS}/getQuestionInit")),
        )))
        .await?;
        Ok(InquiryInit {
            limits: wire.limits,
            types: wire.cnsl_types,
        })
    }

    pub async fn list(&self, q: &ListQuery) -> Result<InquiryPage, ApiError> {
        let mut params: Vec<(&str, String)> = vec![
            ("startDt", q.period.start.format("%Y-%m-%d").to_string()),
            ("endDt", q.period.end.format("%Y-%m-%d").to_string()),
            ("pageNo", q.page.to_string()),
            ("pageSize", q.page_size.to_string()),
        ];
        if let Some(s) = q.status {
            params.push(("ccnStatCd", status_code(s).to_owned()));
        }
        if let Some(o) = &q.order_no {
            params.push(("ordNo", o.clone()));
        }
        if let Some(k) = &q.keyword {
            params.push(("searchWord", k.clone()));
        }
        let rb = Request::get(&self.asset_url(&format!("{CS}/getQuestion"))).query(params);
        let page: WirePage<InquirySummary> = send(self.authed(rb)).await?;
        Ok(page.into())
    }

    /// Catalogue search by name/brand (`getGoodsList`).
    pub async fn search_goods(
        &self,
        text: &str,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<CatalogGoods>, ApiError> {
        let body = serde_json::json!({ "searchNm": text, "pageNo": page, "pageSize": page_size });
        let rb = Request::post(&self.asset_url(&format!("{CS}/getGoodsList")));
        let rb = self.authed(rb);
        let req = rb
            .json(&body)
            .map_err(|e| ApiError::Decode(e.to_string()))?;
        let page: WirePage<CatalogGoods> = send_request(req).await?;
        Ok(page.into())
    }

    /// The member's ordered goods, newest order first (`getOrderClaimGoodsList`).
    pub async fn ordered_goods(
        &self,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<OrderedGoods>, ApiError> {
        let rb = Request::get(&self.asset_url("/api/order/v1/customer/getOrderClaimGoodsList"))
            .query([
                ("pageNo", page.to_string()),
                ("pageSize", page_size.to_string()),
            ]);
        let page: WirePage<OrderedGoods> = send(self.authed(rb)).await?;
        Ok(page.into())
    }

    pub async fn inquiry(&self, id: &str) -> Result<Inquiry, ApiError> {
        let rb =
            Request::get(&self.asset_url(&format!("{CS}/getQuestionDtl"))).query([("ccnNo", id)]);
        send(self.authed(rb)).await
    }

    pub async fn delete(&self, id: &str) -> Result<(), ApiError> {
        let rb =
            Request::delete(&self.asset_url(&format!("{CS}/questionDel"))).query([("ccnNo", id)]);
        send::<String>(self.authed(rb)).await.map(|_| ())
    }

    /// Downloads a photo with the member's token and returns an object URL for `<img src>`.
    /// The caller revokes it with [`revoke_object_url`] when the image goes away.
    pub async fn photo_url(&self, photo: &Photo) -> Result<String, ApiError> {
        let resp = self
            .authed(Request::get(&self.asset_url(&photo.url)))
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if !resp.ok() {
            let status = resp.status();
            let text = resp.text().await.unwrap_or_default();
            return Err(error_from(status, &text));
        }
        let content_type = resp.headers().get("content-type").unwrap_or_default();
        let bytes = resp
            .binary()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        object_url(&bytes, &content_type).ok_or_else(|| ApiError::Decode("blob".into()))
    }
}

fn object_url(bytes: &[u8], content_type: &str) -> Option<String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(content_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(blob.unchecked_ref()).ok()
}

/// Releases an object URL made by [`Client::photo_url`].
pub fn revoke_object_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

async fn send<T: DeserializeOwned>(rb: RequestBuilder) -> Result<T, ApiError> {
    let req = rb.build().map_err(|e| ApiError::Decode(e.to_string()))?;
    send_request(req).await
}

async fn send_request<T: DeserializeOwned>(req: gloo_net::http::Request) -> Result<T, ApiError> {
    let resp = req
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let status = resp.status();
    let text = resp
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    if !(200..300).contains(&status) {
        return Err(error_from(status, &text));
    }
    let envelope: Envelope<T> =
        serde_json::from_str(&text).map_err(|e| ApiError::Decode(e.to_string()))?;
    envelope
        .payload
        .ok_or_else(|| ApiError::Decode(format!("no payload (code {:?})", envelope.code)))
}

/// The SPA's name for a field the server named.
fn spa_field(wire: &str) -> String {
    let base = wire.split('[').next().unwrap_or(wire);
    match base {
        "cnslTypNo" => "type",
        "ccnTitle" => "title",
        "accpCont" => "content",
        "goodsNo" | "itmNo" => "goods",
        "ordNo" => "order",
        "atchFiles" | "keepFileSeq" => "photos",
        "smsRcvYn" => "sms",
        "startDt" | "endDt" => "period",
        "searchWord" => "keyword",
        other => other,
    }
    .to_owned()
}

pub(super) fn error_from(status: u16, text: &str) -> ApiError {
    let envelope: Option<Envelope<serde_json::Value>> = serde_json::from_str(text).ok();
    let message = envelope
        .as_ref()
        .and_then(|e| e.message.clone())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("요청을 처리하지 못했습니다 (HTTP {status})."));
    match status {
        401 => ApiError::Unauthorized(message),
        404 => ApiError::NotFound(message),
        409 => ApiError::Conflict {
            message,
            status: envelope
                .and_then(|e| e.payload)
                .and_then(|p| serde_json::from_value::<WireStatusPayload>(p).ok())
                .and_then(|p| status_from_code(&p.ccn_stat_cd)),
        },
        400 | 413 | 415 | 422 => ApiError::Validation {
            message,
            errors: envelope
                .map(|e| e.errors)
                .unwrap_or_default()
                .into_iter()
                .map(|e| FieldError {
                    field: spa_field(&e.field),
                    code: e.code,
                    message: e.message,
                })
                .collect(),
        },
        _ => ApiError::Server { status, message },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(errors[0].field, "photos");
        assert_eq!(errors[0].code, "FILE_TOO_LARGE");
        assert!(matches!(error_from(401, "{}"), ApiError::Unauthorized(_)));
        assert!(matches!(
            error_from(502, "<html>bad gateway</html>"),
            ApiError::Server { status: 502, .. }
        ));
        assert!(matches!(error_from(404, ""), ApiError::NotFound(m) if m.contains("404")));
    }
}
