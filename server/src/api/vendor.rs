//! The seller (vendor) API, in the shapes of Coupang's call-center inquiry API (seed 002 and
//! its companion endpoints): CEA-signed requests, Coupang's envelope
//! (`{code, message, data}`) and its error wording. Handlers extract and respond; the work is in
//! `crate::seller`.

use std::collections::HashMap;

use axum::{
    extract::{FromRequestParts, Path, Query, State},
    http::{request::Parts, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{
    error::ApiError,
    model::{day_start_db, db_time, ReplyAuthor, Status},
    notify::Channel,
    seller::{self, answer_id, auth, Refusal},
    store::{records::TransferRecord, SellerFilter, SellerState, Tx},
    AppState,
};

/// Where Coupang's seller API lives, under this server.
pub const BASE: &str = "/v2/providers/openapi/apis/api";

/// The longest period a list may ask for, in days (inclusive of both ends: 7 days apart).
const MAX_PERIOD_DAYS: i64 = 7;
const MAX_PAGE_SIZE: u32 = 30;
const DEFAULT_PAGE_SIZE: u32 = 10;
const REPLY_MIN_CHARS: usize = 2;
const REPLY_MAX_CHARS: usize = 1000;

/// A refusal of the seller API: the HTTP status and Coupang's message (sellers' clients match
/// on the wording, so it is Coupang's, verbatim where Coupang documents it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub status: u16,
    pub message: String,
}

impl Refused {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status: 400,
            message: message.into(),
        }
    }

    pub fn invalid_vendor() -> Self {
        Self::bad_request("Invalid vendor ID")
    }
}

impl From<Refusal> for Refused {
    fn from(r: Refusal) -> Self {
        Self::bad_request(match r {
            Refusal::NotYours => "The inquiryId doesn't belongs to the vendorId, have no permisson to reply this inquiry".to_owned(),
            Refusal::Closed => "This inquiry has closed. -522 (상담이 종료된 문의입니다 - 522 )".to_owned(),
            Refusal::CannotAnswer => "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer".to_owned(),
            Refusal::CannotConfirm => "The inquiry can't be confirm. It can do only inquiryStatus:complete, partnerTransferStatus:requestAnswer".to_owned(),
            Refusal::WrongParent { expected } => format!(
                "The parentAnswerId is invalid. It must be the answerId of the transfer ({expected})."
            ),
        })
    }
}

impl From<Refusal> for Fail {
    fn from(r: Refusal) -> Self {
        Fail::Refused(r.into())
    }
}

/// Everything the seller API answers with when it does not answer data.
pub enum Fail {
    Refused(Refused),
    Unauthorized(&'static str),
    Server(ApiError),
}

impl From<ApiError> for Fail {
    fn from(e: ApiError) -> Self {
        Fail::Server(e)
    }
}

impl From<Refused> for Fail {
    fn from(r: Refused) -> Self {
        Fail::Refused(r)
    }
}

impl IntoResponse for Fail {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            Fail::Refused(r) => (
                StatusCode::from_u16(r.status).unwrap_or(StatusCode::BAD_REQUEST),
                r.message,
            ),
            Fail::Unauthorized(m) => (StatusCode::UNAUTHORIZED, m.to_owned()),
            Fail::Server(e) => {
                let status = e.status();
                if status.is_server_error() {
                    tracing::error!(error = %e, "seller API failed");
                    (status, "Internal server error".to_owned())
                } else {
                    (status, e.to_string())
                }
            }
        };
        let body = serde_json::json!({"code": status.as_u16(), "message": message, "data": null});
        (status, Json(body)).into_response()
    }
}

/// Coupang's success envelope.
#[derive(Serialize)]
pub struct Ok<T: Serialize> {
    code: u16,
    message: &'static str,
    data: T,
}

fn ok<T: Serialize>(data: T) -> Json<Ok<T>> {
    Json(Ok {
        code: 200,
        message: "OK",
        data,
    })
}

/// What a write answers: `{"code":"200","message":"OK"}` (a string code, as Coupang sends it).
fn done() -> Json<Value> {
    Json(serde_json::json!({"code": "200", "message": "OK"}))
}

/// A seller whose request carries a valid CEA signature.
#[derive(Debug, Clone)]
pub struct Vendor {
    pub vendor_id: String,
    pub vendor_nm: String,
}

impl FromRequestParts<AppState> for Vendor {
    type Rejection = Fail;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Fail> {
        let header = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(Fail::Unauthorized(
                "Authorization header is required: CEA algorithm=HmacSHA256, access-key=..., signed-date=..., signature=...",
            ))?;
        let cea = auth::parse(header).ok_or(Fail::Unauthorized(
            "Invalid Authorization header: expected CEA algorithm=HmacSHA256, access-key=..., signed-date=..., signature=...",
        ))?;
        let access_key = cea.access_key.to_owned();
        let key = state
            .db
            .read(move |c| c.vendor_key(&access_key))
            .await
            .map_err(ApiError::from)?
            .ok_or(Fail::Unauthorized("Invalid access-key"))?;
        let (method, path) = (parts.method.as_str(), parts.uri.path());
        let query = parts.uri.query().unwrap_or("");
        if !auth::verify(&cea, &key.secret_key, method, path, query, Utc::now()) {
            return Err(Fail::Unauthorized(
                "Invalid signature: sign signed-date + method + path + query with the secret key, within 5 minutes of now (UTC)",
            ));
        }
        Ok(Vendor {
            vendor_id: key.vendor_id,
            vendor_nm: key.vendor_nm,
        })
    }
}

/// One inquiry as a seller sees it (Coupang's `content[]` item).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallCenterInquiry {
    pub inquiry_id: i64,
    pub inquiry_status: &'static str,
    pub cs_partner_counseling_status: &'static str,
    pub vendor_item_id: Vec<i64>,
    pub item_name: String,
    pub content: String,
    pub answered_at: Option<String>,
    pub replies: Vec<CallCenterReply>,
    pub inquiry_at: String,
    pub buyer_email: String,
    pub buyer_phone: String,
    pub order_id: Option<i64>,
    pub order_date: Option<String>,
    pub receipt_category: String,
    pub sale_started_at: Option<String>,
    pub sale_ended_at: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallCenterReply {
    pub answer_id: i64,
    pub parent_answer_id: i64,
    pub partner_transfer_status: Option<&'static str>,
    pub partner_transfer_complete_reason: String,
    pub answer_type: &'static str,
    pub need_answer: bool,
    pub receptionist_name: String,
    pub receptionist: String,
    pub reply_at: String,
    pub content: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    pub current_page: u32,
    pub total_pages: u64,
    pub total_elements: u64,
    pub count_per_page: u32,
}

#[derive(Debug, Serialize)]
pub struct InquiryPage {
    pub content: Vec<CallCenterInquiry>,
    pub pagination: Pagination,
}

/// ISO-8601 with microseconds and the storefront's offset, as Coupang writes times.
fn coupang_time(stored: &str, offset: FixedOffset) -> String {
    DateTime::parse_from_rfc3339(stored)
        .map(|t| {
            t.with_timezone(&offset)
                .format("%Y-%m-%dT%H:%M:%S%.6f%:z")
                .to_string()
        })
        .unwrap_or_else(|_| stored.to_owned())
}

/// The seller's view of one transferred inquiry.
fn seller_view(
    c: &mut dyn Tx,
    t: &TransferRecord,
    now: &str,
    offset: FixedOffset,
) -> Result<CallCenterInquiry, ApiError> {
    let q = c
        .question_detail(&t.ccn_no, None)?
        .ok_or_else(ApiError::inquiry_gone)?;
    let extras = c.seller_extras(&t.ccn_no)?;
    let open = t.is_open(now);
    let expired = !t.answered && !open;
    let mut replies = vec![CallCenterReply {
        answer_id: answer_id(&t.ccn_no, 0),
        parent_answer_id: 0,
        partner_transfer_status: Some(if open { "requestAnswer" } else { "answered" }),
        partner_transfer_complete_reason: if expired {
            "DISPUTE_PROCESS".to_owned()
        } else {
            t.complete_reason.clone()
        },
        answer_type: "csAgent",
        need_answer: t.need_answer,
        receptionist_name: t.cnslr_nm.clone(),
        receptionist: t.cnslr_no.clone(),
        reply_at: coupang_time(&t.at, offset),
        content: t.note.clone(),
    }];
    for r in &q.replies {
        let seller = r.author == ReplyAuthor::Seller;
        replies.push(CallCenterReply {
            answer_id: answer_id(&t.ccn_no, r.seq),
            parent_answer_id: if seller { answer_id(&t.ccn_no, 0) } else { 0 },
            partner_transfer_status: (!seller).then_some("none"),
            partner_transfer_complete_reason: "NONE".to_owned(),
            answer_type: if seller { "vendor" } else { "csAgent" },
            need_answer: false,
            receptionist_name: r.author_name.clone(),
            receptionist: if seller {
                t.done_by.clone().unwrap_or_else(|| t.vendor_id.clone())
            } else {
                r.author_name.clone()
            },
            reply_at: coupang_time(&r.at, offset),
            content: r.content.clone(),
        });
    }
    if expired {
        replies.push(CallCenterReply {
            answer_id: answer_id(&t.ccn_no, 99),
            parent_answer_id: answer_id(&t.ccn_no, 0),
            partner_transfer_status: Some("answered"),
            partner_transfer_complete_reason: "DISPUTE_PROCESS".to_owned(),
            answer_type: "csAgent",
            need_answer: false,
            receptionist_name: "System".to_owned(),
            receptionist: "system".to_owned(),
            reply_at: coupang_time(&t.due, offset),
            content: "[System] 이관 후 기한 안에 처리되지 않아 상담이 종료되었습니다. The CS inquiry was not handled before its deadline and has been closed.".to_owned(),
        });
    }
    replies.sort_by(|a, b| a.reply_at.cmp(&b.reply_at));
    let item_name = q
        .goods
        .as_ref()
        .map(|g| match &g.item_name {
            Some(item) => format!("{}, {item}", g.name),
            None => g.name.clone(),
        })
        .unwrap_or_default();
    Ok(CallCenterInquiry {
        inquiry_id: t.ccn_no.parse().unwrap_or(0),
        inquiry_status: if q.status == Status::Answered {
            "complete"
        } else {
            "progress"
        },
        cs_partner_counseling_status: if open { "requestAnswer" } else { "answered" },
        vendor_item_id: extras.vendor_item_id.into_iter().collect(),
        item_name,
        content: q.content,
        answered_at: q.answered_at.as_deref().map(|a| coupang_time(a, offset)),
        replies,
        inquiry_at: coupang_time(&q.accepted_at, offset),
        buyer_email: String::new(),
        buyer_phone: extras
            .buyer_phone
            .map(|p| Channel::Sms.mask(&p))
            .unwrap_or_default(),
        order_id: q.ord_no.as_deref().and_then(|o| o.parse().ok()),
        order_date: q.ordered_at.as_deref().map(|o| coupang_time(o, offset)),
        receipt_category: format!("{}>{}", q.group.name, q.leaf.name),
        sale_started_at: extras.sale_started,
        sale_ended_at: extras.sale_ended,
    })
}

fn param<'a>(q: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    q.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

fn date(value: &str) -> Result<NaiveDate, Refused> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|_| value.len() == 10)
        .ok_or_else(|| Refused::bad_request("pattern should be yyyy-MM-dd"))
}

fn number<T: std::str::FromStr>(
    q: &HashMap<String, String>,
    key: &str,
) -> Result<Option<T>, Refused> {
    param(q, key)
        .map(|v| {
            v.parse()
                .map_err(|_| Refused::bad_request(format!("{key} should be a number")))
        })
        .transpose()
}

/// The list's query, checked by Coupang's rules.
fn list_filter(
    vendor: &Vendor,
    path_vendor: &str,
    q: &HashMap<String, String>,
    offset: FixedOffset,
    now: String,
) -> Result<SellerFilter, Refused> {
    if param(q, "vendorId") != Some(path_vendor) || path_vendor != vendor.vendor_id {
        return Err(Refused::invalid_vendor());
    }
    let state = match param(q, "partnerCounselingStatus") {
        None => {
            return Err(Refused::bad_request(
                "partnerCounselingStatus is required: NONE, ANSWER, NO_ANSWER or TRANSFER",
            ))
        }
        Some("NONE") => SellerState::All,
        Some("ANSWER") => SellerState::Answered,
        Some("NO_ANSWER") => SellerState::NoAnswer,
        Some("TRANSFER") => SellerState::Transfer,
        Some(other) => {
            return Err(Refused::bad_request(format!(
                "partnerCounselingStatus should be one of NONE, ANSWER, NO_ANSWER, TRANSFER (was {other})"
            )))
        }
    };
    let vendor_item_id = number::<i64>(q, "vendorItemId")?;
    let accepted = match (param(q, "inquiryStartAt"), param(q, "inquiryEndAt")) {
        (None, None) if vendor_item_id.is_some() => None,
        (None, None) => {
            return Err(Refused::bad_request(
                "inquiryStartAt and inquiryEndAt are required unless vendorItemId is given",
            ))
        }
        (Some(start), Some(end)) => {
            let (start, end) = (date(start)?, date(end)?);
            if end < start {
                return Err(Refused::bad_request(
                    "inquiryEndAt should not be before inquiryStartAt",
                ));
            }
            if (end - start).num_days() > MAX_PERIOD_DAYS {
                return Err(Refused::bad_request(
                    "time interval needs to be less than or equal to 7 days",
                ));
            }
            Some((
                day_start_db(start, offset),
                day_start_db(end + Duration::days(1), offset),
            ))
        }
        _ => {
            return Err(Refused::bad_request(
                "inquiryStartAt and inquiryEndAt should be given together",
            ))
        }
    };
    let ord_no = match param(q, "orderId") {
        Some(o) if o.chars().all(|c| c.is_ascii_digit()) => Some(o.to_owned()),
        Some(_) => return Err(Refused::bad_request("orderId should be a number")),
        None => None,
    };
    let page = number::<u32>(q, "pageNum")?.unwrap_or(1);
    if page < 1 {
        return Err(Refused::bad_request("pageNum should be 1 or more"));
    }
    let size = number::<u32>(q, "pageSize")?.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&size) {
        return Err(Refused::bad_request("pageSize should be between 1 and 30"));
    }
    Ok(SellerFilter {
        vendor_id: vendor.vendor_id.clone(),
        accepted,
        vendor_item_id,
        ord_no,
        state,
        now,
        offset: (page - 1).saturating_mul(size),
        limit: size,
    })
}

/// `GET /v2/providers/openapi/apis/api/v5/vendors/{vendorId}/callCenterInquiries` — the
/// inquiries transferred to this seller, newest first.
pub async fn call_center_inquiries(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(path_vendor): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Ok<InquiryPage>>, Fail> {
    let offset = state.config.store_offset;
    let f = list_filter(&vendor, &path_vendor, &q, offset, db_time(Utc::now()))?;
    let (page, size) = (f.offset / f.limit + 1, f.limit);
    let data = state
        .db
        .read(move |c| -> Result<_, ApiError> {
            let (rows, total) = c.seller_inquiries(&f)?;
            let content = rows
                .iter()
                .map(|t| seller_view(c, t, &f.now, offset))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(InquiryPage {
                content,
                pagination: Pagination {
                    current_page: page,
                    total_pages: total.div_ceil(u64::from(size)),
                    total_elements: total,
                    count_per_page: size,
                },
            })
        })
        .await?;
    Ok(ok(data))
}

/// `GET /v2/providers/openapi/apis/api/v5/vendors/callCenterInquiries/{inquiryId}` — one
/// inquiry, if it was transferred to this seller.
pub async fn call_center_inquiry(
    State(state): State<AppState>,
    vendor: Vendor,
    Path(inquiry_id): Path<String>,
) -> Result<Json<Ok<CallCenterInquiry>>, Fail> {
    let offset = state.config.store_offset;
    let now = db_time(Utc::now());
    let view = state
        .db
        .read(move |c| -> Result<_, ApiError> {
            Ok(
                match seller::own_transfer(c, &vendor.vendor_id, &inquiry_id)? {
                    Ok(t) => Ok(seller_view(c, &t, &now, offset)?),
                    Err(refused) => Err(refused),
                },
            )
        })
        .await??;
    Ok(ok(view))
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyRequest {
    vendor_id: Option<String>,
    inquiry_id: Option<Value>,
    content: Option<String>,
    reply_by: Option<String>,
    parent_answer_id: Option<Value>,
}

/// A JSON number or a string of digits (Coupang's samples send both).
fn id_value(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn body<T>(b: Result<Json<T>, axum::extract::rejection::JsonRejection>) -> Result<T, Refused> {
    b.map(|Json(t)| t)
        .map_err(|e| Refused::bad_request(format!("Could not read JSON: {}", e.body_text())))
}

/// `POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/callCenterInquiries/{inquiryId}/replies`
/// — the seller's one reply to a transfer awaiting it.
pub async fn reply(
    State(state): State<AppState>,
    vendor: Vendor,
    Path((path_vendor, inquiry_id)): Path<(String, String)>,
    req: Result<Json<ReplyRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, Fail> {
    let req = body(req)?;
    if path_vendor != vendor.vendor_id || req.vendor_id.as_deref().is_some_and(|v| v != path_vendor)
    {
        return Err(Refused::invalid_vendor().into());
    }
    if let Some(id) = req.inquiry_id.as_ref() {
        if id_value(Some(id)).map(|i| i.to_string()) != Some(inquiry_id.clone()) {
            return Err(Refused::bad_request(
                "inquiryId in the body should be the one in the path",
            )
            .into());
        }
    }
    let content = req.content.unwrap_or_default();
    let chars = content.trim().chars().count();
    if !(REPLY_MIN_CHARS..=REPLY_MAX_CHARS).contains(&chars) {
        return Err(
            Refused::bad_request("The reply content length should be between 2 ~ 1000").into(),
        );
    }
    let reply_by = req
        .reply_by
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .ok_or_else(|| Refused::bad_request("replyBy is required: the replier's WING id"))?;
    let parent = id_value(req.parent_answer_id.as_ref())
        .ok_or_else(|| Refused::bad_request("The parentAnswerId is required."))?;
    let outcome = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let outcome = seller::reply(
                tx,
                &inquiry_id,
                &seller::Reply {
                    vendor_id: &vendor.vendor_id,
                    vendor_nm: &vendor.vendor_nm,
                    parent_answer_id: parent,
                    content: content.trim(),
                    reply_by: &reply_by,
                    now: Utc::now(),
                },
            )?;
            if outcome.is_ok() {
                tracing::info!(%inquiry_id, vendor_id = %vendor.vendor_id, "seller replied");
            }
            Ok(outcome)
        })
        .await?;
    outcome?;
    state.notifier.wake();
    Ok(done())
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmRequest {
    confirm_by: Option<String>,
}

/// `POST /v2/providers/openapi/apis/api/v4/vendors/{vendorId}/callCenterInquiries/{inquiryId}/confirms`
/// — the seller confirms a transfer that needed no answer.
pub async fn confirm(
    State(state): State<AppState>,
    vendor: Vendor,
    Path((path_vendor, inquiry_id)): Path<(String, String)>,
    req: Result<Json<ConfirmRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<Value>, Fail> {
    let req = body(req)?;
    if path_vendor != vendor.vendor_id {
        return Err(Refused::invalid_vendor().into());
    }
    let confirm_by = req
        .confirm_by
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .ok_or_else(|| Refused::bad_request("confirmBy is required: the confirmer's WING id"))?;
    let outcome = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let outcome =
                seller::confirm(tx, &vendor.vendor_id, &inquiry_id, &confirm_by, Utc::now())?;
            Ok(outcome)
        })
        .await?;
    outcome?;
    Ok(done())
}
