//! The seller (vendor) API, in the shapes of Coupang's call-center inquiry API (seed 002 and
//! its companion endpoints): CEA-signed requests, Coupang's envelope
//! (`{code, message, data}`) and its error wording. Handlers extract and respond; the work is in
//! `crate::seller`. `view.rs` is the seller's view of an inquiry, `list.rs` the queries,
//! `write.rs` the reply and the confirmation.

mod list;
mod view;
pub mod wire;
mod write;

pub use list::{call_center_inquiries, call_center_inquiry};
pub use view::{CallCenterInquiry, CallCenterReply, InquiryPage, Pagination};
pub use write::{confirm, reply, ConfirmRequest, ReplyRequest};

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
        wire::envelope(status, message)
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
    /// Where the call came from (the access log).
    pub ip: Option<String>,
}

impl Vendor {
    /// Who the access log names: the seller (`detail` names their WING user where known).
    pub fn actor(&self) -> crate::audit::Actor {
        crate::audit::Actor {
            role: crate::store::ActorRole::Seller,
            no: self.vendor_id.clone(),
            name: self.vendor_nm.clone(),
            ip: self.ip.clone(),
        }
    }
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
            .read(move |c| c.vendor_key(&access_key, &db_time(Utc::now())))
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
            ip: crate::auth::client_ip(parts, state),
            vendor_id: key.vendor_id,
            vendor_nm: key.vendor_nm,
        })
    }
}
