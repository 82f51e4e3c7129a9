//! The seller's writes: a reply to a transfer that awaits one, and a confirmation.

use super::*;
use crate::audit::{self, Action};

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
    let actor = vendor.actor();
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
                let by = format!("WING {reply_by}");
                audit::log(
                    tx,
                    &actor,
                    Action::SellerReply,
                    Some(&inquiry_id),
                    None,
                    &by,
                )?;
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
    let actor = vendor.actor();
    let outcome = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let outcome =
                seller::confirm(tx, &vendor.vendor_id, &inquiry_id, &confirm_by, Utc::now())?;
            if outcome.is_ok() {
                let by = format!("WING {confirm_by}");
                audit::log(
                    tx,
                    &actor,
                    Action::SellerConfirm,
                    Some(&inquiry_id),
                    None,
                    &by,
                )?;
            }
            Ok(outcome)
        })
        .await?;
    outcome?;
    Ok(done())
}
