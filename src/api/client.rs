//! HTTP calls (gloo-net) and the envelope → `ApiError` mapping.

use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use super::{
    auth::{AuthWatch, Credentials},
    dto::{
        status_code, CatalogGoods, Inquiry, InquiryInit, InquiryPage, OrderedGoods, Paged, Photo,
        Satisfaction, WirePage,
    },
    envelope::{error_from, mini_payload, payload_of, send_request, serde_payload, Decode},
    error::ApiError,
    list_wire,
};
use crate::domain::{Period, Status};

const CS: &str = "/api/order/v1/customerservice";

/// Sent with every cookie-authenticated request; the server refuses cookie requests without it.
pub(super) const REQUESTED_WITH: (&str, &str) = ("X-Requested-With", "inquiry-desk");

/// What a conditional read found.
#[derive(Debug, Clone, PartialEq)]
pub enum Revision<T> {
    /// 304: the same as the answer whose ETag was sent.
    Unchanged,
    /// A new answer, and its ETag for the next read.
    Changed { value: T, etag: Option<String> },
}

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
#[derive(Clone)]
pub struct Client {
    base: String,
    pub(super) credentials: Credentials,
    pub(super) auth: AuthWatch,
}

impl Client {
    /// `base`: origin (and optional prefix) of the API, `""` for the page's own origin.
    /// `auth` hears when the API stops accepting the credentials.
    pub fn new(base: &str, credentials: Credentials, auth: AuthWatch) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            credentials,
            auth,
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

    /// Adds the credentials to a request: the bearer token (asking the host's provider each
    /// time), or the cookies plus the header the server requires of cookie requests (a
    /// cross-site form cannot send it, so a cookie alone never authorises a change).
    async fn authed(&self, rb: RequestBuilder) -> Result<RequestBuilder, ApiError> {
        if self.credentials.uses_cookies() {
            return Ok(rb
                .credentials(web_sys::RequestCredentials::Include)
                .header(REQUESTED_WITH.0, REQUESTED_WITH.1));
        }
        Ok(match self.auth.observe(self.credentials.bearer().await)? {
            Some(t) => rb.header("Authorization", &format!("Bearer {t}")),
            None => rb,
        })
    }

    /// The request, with the credentials.
    pub(super) async fn request(&self, rb: RequestBuilder) -> Result<Request, ApiError> {
        self.authed(rb)
            .await?
            .build()
            .map_err(|e| ApiError::Decode(e.to_string()))
    }

    /// Sends a request and unwraps the envelope; a 401 is reported to the host.
    async fn call<T: DeserializeOwned>(&self, rb: RequestBuilder) -> Result<T, ApiError> {
        let result =
            async { send_request(self.request(rb).await?, serde_payload::<T>).await }.await;
        self.auth.observe(result)
    }

    /// POSTs a JSON body and unwraps the envelope; a 401 is reported to the host.
    async fn post_json<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, ApiError> {
        let rb = Request::post(&self.asset_url(path));
        let result = async {
            let req = self
                .authed(rb)
                .await?
                .json(body)
                .map_err(|e| ApiError::Decode(e.to_string()))?;
            send_request(req, serde_payload::<T>).await
        }
        .await;
        self.auth.observe(result)
    }

    pub async fn init(&self) -> Result<InquiryInit, ApiError> {
        let rb = Request::get(&self.asset_url(&format!("{CS}/getQuestionInit")));
        let wire = self
            .call_adopting(rb, mini_payload::<list_wire::Init>)
            .await?;
        Ok(list_wire::init(wire))
    }

    pub async fn list(&self, q: &ListQuery) -> Result<InquiryPage, ApiError> {
        let wire = self
            .call_adopting(self.list_request(q), mini_payload::<list_wire::ListPage>)
            .await?;
        list_wire::page(wire).map_err(ApiError::Decode)
    }

    fn list_request(&self, q: &ListQuery) -> RequestBuilder {
        let mut params: Vec<(&str, String)> = vec![
            ("startDt", q.period.start.to_string()),
            ("endDt", q.period.end.to_string()),
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
        Request::get(&self.asset_url(&format!("{CS}/getQuestion"))).query(params)
    }

    /// Catalogue search by name/brand (`getGoodsList`).
    pub async fn search_goods(
        &self,
        text: &str,
        page: u32,
        page_size: u32,
    ) -> Result<Paged<CatalogGoods>, ApiError> {
        let body = serde_json::json!({ "searchNm": text, "pageNo": page, "pageSize": page_size });
        let page: WirePage<CatalogGoods> =
            self.post_json(&format!("{CS}/getGoodsList"), &body).await?;
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
        let page: WirePage<OrderedGoods> = self.call(rb).await?;
        Ok(page.into())
    }

    /// A conditional read: with the `etag` of the last answer, the server says 304 when nothing
    /// changed, and no body travels.
    async fn call_if_changed<T>(
        &self,
        rb: RequestBuilder,
        etag: Option<&str>,
        decode: Decode<T>,
    ) -> Result<Revision<T>, ApiError> {
        let rb = match etag {
            Some(e) => rb.header("If-None-Match", e),
            None => rb,
        };
        let result = async {
            let resp = self
                .authed(rb)
                .await?
                .build()
                .map_err(|e| ApiError::Decode(e.to_string()))?
                .send()
                .await
                .map_err(|e| ApiError::Network(e.to_string()))?;
            if resp.status() == 304 {
                return Ok(Revision::Unchanged);
            }
            let etag = resp.headers().get("etag");
            Ok(Revision::Changed {
                value: payload_of(resp, decode).await?,
                etag,
            })
        }
        .await;
        self.auth.observe(result)
    }

    /// The inquiry again, unless it is unchanged since the answer that carried `etag`.
    pub async fn inquiry_if_changed(
        &self,
        id: &str,
        etag: Option<&str>,
    ) -> Result<Revision<Inquiry>, ApiError> {
        let rb =
            Request::get(&self.asset_url(&format!("{CS}/getQuestionDtl"))).query([("ccnNo", id)]);
        self.call_if_changed(rb, etag, serde_payload::<Inquiry>)
            .await
    }

    /// The list page again, unless it is unchanged since the answer that carried `etag`.
    pub async fn list_if_changed(
        &self,
        q: &ListQuery,
        etag: Option<&str>,
    ) -> Result<Revision<InquiryPage>, ApiError> {
        let page = self
            .call_if_changed(
                self.list_request(q),
                etag,
                mini_payload::<list_wire::ListPage>,
            )
            .await?;
        Ok(match page {
            Revision::Unchanged => Revision::Unchanged,
            Revision::Changed { value, etag } => Revision::Changed {
                value: list_wire::page(value).map_err(ApiError::Decode)?,
                etag,
            },
        })
    }

    pub async fn inquiry(&self, id: &str) -> Result<Inquiry, ApiError> {
        let rb =
            Request::get(&self.asset_url(&format!("{CS}/getQuestionDtl"))).query([("ccnNo", id)]);
        self.call(rb).await
    }

    /// Tells the server the customer opened the answer: the list's marker goes on every device.
    pub async fn mark_answer_read(&self, id: &str) -> Result<(), ApiError> {
        let body = serde_json::json!({ "ccnNo": id });
        self.post_json::<serde_json::Value>(&format!("{CS}/questionAnsRead"), &body)
            .await
            .map(|_| ())
    }

    /// The customer's one rating of the answer (`questionSatisfaction`); a second is a
    /// `Conflict`.
    pub async fn rate(
        &self,
        id: &str,
        rating: &crate::domain::rating::Rating,
    ) -> Result<Satisfaction, ApiError> {
        let body = serde_json::json!({
            "ccnNo": id,
            "satisfiedYn": if rating.satisfied { "Y" } else { "N" },
            "reasonCd": rating.reason.map(super::dto::reason_code),
            "comment": (!rating.comment.is_empty()).then_some(&rating.comment),
        });
        self.post_json(&format!("{CS}/questionSatisfaction"), &body)
            .await
    }

    pub async fn delete(&self, id: &str) -> Result<(), ApiError> {
        let rb =
            Request::delete(&self.asset_url(&format!("{CS}/questionDel"))).query([("ccnNo", id)]);
        self.call::<String>(rb).await.map(|_| ())
    }

    /// Downloads a photo with the member's token and returns an object URL for `<img src>`.
    /// The caller revokes it with [`revoke_object_url`] when the image goes away.
    pub async fn photo_url(&self, photo: &Photo) -> Result<String, ApiError> {
        let result = self.fetch_photo(photo).await;
        self.auth.observe(result)
    }

    async fn fetch_photo(&self, photo: &Photo) -> Result<String, ApiError> {
        let resp = self
            .authed(Request::get(&self.asset_url(&photo.url)))
            .await?
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
