//! The back-office API as the console uses it: one client, its errors, and the wire types
//! (`wire.rs`; the records the law keeps, the access log and its review, in `records.rs`).
//! Nothing else in the console knows a field name or a path.

mod records;
mod report;
mod templates;
mod wire;

pub use records::*;
pub use report::*;
pub use templates::*;
pub use wire::*;

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

use crate::{i18n::I18n, queue::QueueFilter};

pub(crate) const BO: &str = "/api/bo/v1/customerservice";
/// Where the signed-in counselor's token is kept for this tab.
pub const TOKEN_KEY: &str = "inquiry-console-token";

#[derive(Debug, Deserialize)]
struct Envelope<T> {
    code: Option<String>,
    message: Option<String>,
    payload: Option<T>,
}

/// What went wrong, in the terms the pages react to.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No or an unknown token: sign in again.
    Unauthorized,
    /// Signed in, but not as a counselor.
    Forbidden(String),
    /// The inquiry is gone (its member may just have deleted it).
    NotFound(String),
    /// Another counselor was quicker: `code` is `ALREADY_ANSWERED` (with the inquiry as it is
    /// now) or `TAKEN_BY_OTHER`, or `STATUS_CONFLICT`.
    Conflict {
        code: String,
        message: String,
        now: Option<Box<Detail>>,
    },
    /// A rule the server refused the input for.
    Invalid(String),
    /// The request did not get through.
    Network(String),
    /// The server failed (5xx) or answered something unreadable.
    Server(String),
}

impl ApiError {
    /// The sentence to show; the server's own (Korean) message where it has one.
    pub fn message(&self, i18n: I18n) -> String {
        match self {
            ApiError::Unauthorized => i18n.session_expired(),
            ApiError::Forbidden(m)
            | ApiError::NotFound(m)
            | ApiError::Invalid(m)
            | ApiError::Conflict { message: m, .. } => m.clone(),
            ApiError::Network(_) => i18n.network_error(),
            ApiError::Server(_) => i18n.server_error(),
        }
    }
}

pub(crate) async fn unwrap<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
    let status = resp.status();
    let text = resp
        .text()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    let env: Envelope<Value> = serde_json::from_str(&text)
        .map_err(|_| ApiError::Server(format!("HTTP {status}: not an envelope")))?;
    let message = env.message.clone().unwrap_or_default();
    match status {
        200..=299 => serde_json::from_value(env.payload.unwrap_or(Value::Null))
            .map_err(|e| ApiError::Server(e.to_string())),
        401 => Err(ApiError::Unauthorized),
        403 => Err(ApiError::Forbidden(message)),
        404 => Err(ApiError::NotFound(message)),
        409 => Err(ApiError::Conflict {
            code: env.code.unwrap_or_default(),
            message,
            now: env
                .payload
                .and_then(|p| serde_json::from_value(p).ok())
                .map(Box::new),
        }),
        400 | 413 | 415 | 422 => Err(ApiError::Invalid(message)),
        _ => Err(ApiError::Server(format!("HTTP {status}: {message}"))),
    }
}

/// The console's connection to the API: its origin and the signed-in counselor's token.
#[derive(Clone, Copy)]
pub struct Client {
    base: StoredValue<String>,
    pub token: RwSignal<Option<String>>,
}

impl Client {
    pub fn new(base: String, token: Option<String>) -> Self {
        Self {
            base: StoredValue::new(base),
            token: RwSignal::new(token),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base.get_value())
    }

    pub(crate) fn authed(&self, rb: RequestBuilder) -> RequestBuilder {
        match self.token.get_untracked() {
            Some(t) => rb.header("Authorization", &format!("Bearer {t}")),
            None => rb,
        }
    }

    pub(crate) async fn get<T: DeserializeOwned>(
        &self,
        path: &str,
        query: Vec<(&str, String)>,
    ) -> Result<T, ApiError> {
        let rb = self.authed(Request::get(&self.url(path)).query(query));
        let resp = rb
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        unwrap(resp).await
    }

    pub(crate) async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: Value,
    ) -> Result<T, ApiError> {
        let req = self
            .authed(Request::post(&self.url(path)))
            .json(&body)
            .map_err(|e| ApiError::Server(e.to_string()))?;
        let resp = req
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        unwrap(resp).await
    }

    /// Checks a token: who it belongs to.
    pub async fn whoami(&self) -> Result<Me, ApiError> {
        self.get(&format!("{BO}/whoami"), Vec::new()).await
    }

    pub async fn queue(&self, f: &QueueFilter) -> Result<Page, ApiError> {
        self.get(&format!("{BO}/getQuestionList"), f.list_params())
            .await
    }

    pub async fn counts(&self, f: &QueueFilter) -> Result<Counts, ApiError> {
        self.get(&format!("{BO}/getQuestionCounts"), f.count_params())
            .await
    }

    pub async fn member_recent(&self, mbr_no: &str) -> Result<Page, ApiError> {
        let f = QueueFilter {
            member: mbr_no.to_owned(),
            status: None,
            ..QueueFilter::default()
        };
        let mut params = f.count_params();
        params.push(("pageSize", "6".to_owned()));
        self.get(&format!("{BO}/getQuestionList"), params).await
    }

    pub async fn detail(&self, ccn_no: &str) -> Result<Detail, ApiError> {
        self.get(
            &format!("{BO}/getQuestionDtl"),
            vec![("ccnNo", ccn_no.to_owned())],
        )
        .await
    }

    pub async fn templates(&self, ccn_no: &str) -> Result<Vec<Template>, ApiError> {
        self.get(
            &format!("{BO}/getAnswerTemplates"),
            vec![("ccnNo", ccn_no.to_owned())],
        )
        .await
    }

    pub async fn counselors(&self) -> Result<Vec<Counselor>, ApiError> {
        self.get(&format!("{BO}/getCounselorList"), Vec::new())
            .await
    }

    pub async fn take(&self, ccn_no: &str) -> Result<(), ApiError> {
        self.post::<Value>(
            &format!("{BO}/questionProc"),
            serde_json::json!({ "ccnNo": ccn_no }),
        )
        .await
        .map(|_| ())
    }

    /// Posts the answer; `template`: the one it started from (the desk counts their use).
    pub async fn answer(
        &self,
        ccn_no: &str,
        text: &str,
        template: Option<&str>,
    ) -> Result<Detail, ApiError> {
        self.post(
            &format!("{BO}/questionAns"),
            serde_json::json!({ "ccnNo": ccn_no, "ansCont": text, "ansTmplNo": template }),
        )
        .await
    }

    /// Leaves an internal memo on the inquiry; all its memos, oldest first.
    pub async fn add_memo(&self, ccn_no: &str, text: &str) -> Result<Vec<DeskMemo>, ApiError> {
        self.post(
            &format!("{BO}/questionMemoSave"),
            serde_json::json!({ "ccnNo": ccn_no, "memoCont": text }),
        )
        .await
    }

    /// Transfers the inquiry to its goods' seller; the detail with the transfer.
    pub async fn transfer(
        &self,
        ccn_no: &str,
        need_answer: bool,
        note: &str,
    ) -> Result<Detail, ApiError> {
        self.post(
            &format!("{BO}/questionTrns"),
            serde_json::json!({
                "ccnNo": ccn_no,
                "needAnsYn": if need_answer { "Y" } else { "N" },
                "trnsNote": note,
            }),
        )
        .await
    }

    /// A photo's bytes with the counselor's token, as an object URL for `<img>`.
    pub async fn photo_url(&self, path: &str) -> Result<String, ApiError> {
        let resp = self
            .authed(Request::get(&self.url(path)))
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if !resp.ok() {
            return Err(ApiError::NotFound(I18n::default().photo_missing()));
        }
        let bytes = resp
            .binary()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        object_url(&bytes, None)
    }
}

/// Bytes the API sent, as an object URL (for `<img>` or a download), of `content_type` if given.
pub(crate) fn object_url(bytes: &[u8], content_type: Option<&str>) -> Result<String, ApiError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    if let Some(t) = content_type {
        options.set_type(t);
    }
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| ApiError::Server("blob".into()))?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::Server("url".into()))
}

impl Client {
    /// A CSV the server makes (`path` with `params`): its bytes as an object URL to download;
    /// a refusal is the server's sentence.
    pub(crate) async fn csv(
        &self,
        path: &str,
        params: Vec<(&str, String)>,
    ) -> Result<String, ApiError> {
        let resp = self
            .authed(Request::get(&self.url(path)).query(params))
            .send()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if !resp.ok() {
            return Err(unwrap::<Value>(resp)
                .await
                .err()
                .unwrap_or_else(|| ApiError::Server("export".into())));
        }
        let bytes = resp
            .binary()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        object_url(&bytes, Some("text/csv;charset=utf-8"))
    }

    /// The inquiry type tree, for the queue's type filter.
    pub async fn types(&self) -> Result<Vec<TypeGroup>, ApiError> {
        self.get(&format!("{BO}/getCnslTypeList"), Vec::new()).await
    }
}
