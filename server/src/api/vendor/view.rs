//! One transferred inquiry as a seller sees it (Coupang's `content[]` item and its replies).

use super::*;

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
pub(super) fn seller_view(
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
