//! The back-office API as the console uses it: wire types and one client. Nothing else in the
//! console knows a field name or a path.

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;

use crate::{i18n::I18n, queue::QueueFilter};

const BO: &str = "/api/bo/v1/customerservice";
/// Where the signed-in counselor's token is kept for this tab.
pub const TOKEN_KEY: &str = "inquiry-console-token";

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub ans_max_len: usize,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub ccn_no: String,
    pub cnsl_lrg_typ_nm: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub goods_nm: Option<String>,
    pub ord_no: Option<String>,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    pub accp_dtm: String,
    pub mbr_no: Option<String>,
    pub mbr_nm: Option<String>,
    pub cnslr_nm: Option<String>,
    pub atch_file_cnt: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    pub current_page: u32,
    pub total_pages: u32,
    pub total_elements: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Page {
    pub content: Vec<Summary>,
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub received: u64,
    pub in_progress: u64,
    pub answered: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsCard {
    pub goods_nm: String,
    pub brand_nm: String,
    pub itm_nm: Option<String>,
    pub sale_prc: i64,
    pub img_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub file_seq: u32,
    pub file_nm: String,
    pub file_url: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    pub cnsl_proc_seq: u32,
    pub ans_typ_cd: String,
    pub ans_typ_nm: String,
    pub ansr_nm: String,
    pub ans_cont: String,
    pub ans_dtm: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub channel: String,
    pub rcpt: String,
    pub ntf_stat_cd: String,
    pub attempt_cnt: u32,
    pub last_error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detail {
    pub ccn_no: String,
    pub cnsl_lrg_typ_nm: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods: Option<GoodsCard>,
    pub ord_no: Option<String>,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    pub accp_dtm: String,
    pub atch_files: Vec<Photo>,
    pub replies: Vec<Reply>,
    pub mbr_no: Option<String>,
    pub mbr_nm: Option<String>,
    pub cnslr_no: Option<String>,
    pub cnslr_nm: Option<String>,
    #[serde(default)]
    pub notifications: Vec<Notification>,
    pub sms_rcv_yn: String,
    pub email_rcv_yn: String,
    /// The transfer to the goods' seller, if there is one.
    #[serde(default)]
    pub trns: Option<Transfer>,
}

/// An inquiry's transfer (이관) to the seller of its goods.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transfer {
    pub vendor_id: String,
    pub vendor_nm: String,
    /// `Y`: the seller answers the customer; `N`: it only confirms.
    pub need_ans_yn: String,
    pub trns_note: String,
    pub cnslr_nm: String,
    pub trns_dtm: String,
    pub due_dtm: String,
    /// `WAITING`, `DONE` or `EXPIRED`.
    pub trns_stat_cd: String,
    pub done_by: Option<String>,
    pub done_dtm: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub tmpl_no: String,
    pub tmpl_nm: String,
    pub tmpl_cont: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counselor {
    pub cnslr_no: String,
    pub cnslr_nm: String,
}

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

async fn unwrap<T: DeserializeOwned>(resp: Response) -> Result<T, ApiError> {
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

    fn authed(&self, rb: RequestBuilder) -> RequestBuilder {
        match self.token.get_untracked() {
            Some(t) => rb.header("Authorization", &format!("Bearer {t}")),
            None => rb,
        }
    }

    async fn get<T: DeserializeOwned>(
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

    async fn post<T: DeserializeOwned>(&self, path: &str, body: Value) -> Result<T, ApiError> {
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

    pub async fn answer(&self, ccn_no: &str, text: &str) -> Result<Detail, ApiError> {
        self.post(
            &format!("{BO}/questionAns"),
            serde_json::json!({ "ccnNo": ccn_no, "ansCont": text }),
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
        let array = js_sys::Uint8Array::from(bytes.as_slice());
        let parts = js_sys::Array::of1(&array);
        let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)
            .map_err(|_| ApiError::Server("blob".into()))?;
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::Server("url".into()))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeLeaf {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeGroup {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub children: Vec<TypeLeaf>,
}

impl Client {
    /// The inquiry type tree, for the queue's type filter.
    pub async fn types(&self) -> Result<Vec<TypeGroup>, ApiError> {
        self.get(&format!("{BO}/getCnslTypeList"), Vec::new()).await
    }
}
