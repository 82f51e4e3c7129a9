//! What reads return: rows as the storefront's model sees them (typed statuses, authors and
//! flags; times as stored, UTC text). `api::present` turns them into wire DTOs.

use crate::model::{ReplyAuthor, Status};

/// A row of an inquiry list.
#[derive(Debug, Clone)]
pub struct InquiryRow {
    pub ccn_no: String,
    pub group: TypeName,
    pub leaf: TypeName,
    pub title: String,
    pub goods_no: Option<String>,
    pub goods_name: Option<String>,
    pub ord_no: Option<String>,
    pub status: Status,
    pub accepted_at: String,
    pub answered_at: Option<String>,
    pub photo_count: u32,
    pub reply_count: u32,
    pub member: Member,
    /// The customer has opened the answer since it was last given.
    pub answer_read: bool,
    /// The counselor who holds it.
    pub assignee: Option<CounselorRef>,
    /// The customer's rating of the answer, if they gave one: satisfied or not.
    pub satisfied: Option<bool>,
    /// When the answer is due (stored UTC text; business days from receipt).
    pub answer_due: Option<String>,
}

/// A counselor, as a holder of inquiries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounselorRef {
    pub no: String,
    pub name: String,
}

/// One inquiry with everything the customer sent and the thread.
#[derive(Debug, Clone)]
pub struct InquiryRecord {
    pub ccn_no: String,
    pub group: TypeName,
    pub leaf: TypeName,
    pub title: String,
    pub content: String,
    pub goods: Option<GoodsRecord>,
    pub ord_no: Option<String>,
    pub ordered_at: Option<String>,
    pub sms_consent: bool,
    pub email_consent: bool,
    pub ref_no: Option<String>,
    pub status: Status,
    pub accepted_at: String,
    pub modified_at: Option<String>,
    pub answered_at: Option<String>,
    pub files: Vec<FileRecord>,
    pub replies: Vec<ReplyRecord>,
    pub member: Member,
    pub answer_read: bool,
    pub assignee: Option<CounselorRef>,
    /// When the customer withdrew it (only the back office sees a withdrawn inquiry).
    pub withdrawn_at: Option<String>,
    /// When the answer is due (stored UTC text; business days from receipt).
    pub answer_due: Option<String>,
}

/// An inquiry type's number and name.
#[derive(Debug, Clone)]
pub struct TypeName {
    pub no: String,
    pub name: String,
}

/// The member who wrote an inquiry.
#[derive(Debug, Clone)]
pub struct Member {
    pub mbr_no: String,
    pub name: String,
}

/// The goods an inquiry is about (with the option, if one was chosen).
#[derive(Debug, Clone)]
pub struct GoodsRecord {
    pub goods_no: String,
    pub name: String,
    pub brand: String,
    pub item_no: Option<String>,
    pub item_name: Option<String>,
    pub price: i64,
    pub image_file: Option<String>,
}

/// A photo of an inquiry.
#[derive(Debug, Clone)]
pub struct FileRecord {
    pub file_seq: u32,
    pub name: String,
    pub size: u64,
    pub content_type: String,
}

/// One message of the thread.
#[derive(Debug, Clone)]
pub struct ReplyRecord {
    pub seq: u32,
    pub author: ReplyAuthor,
    pub author_name: String,
    pub content: String,
    pub at: String,
}

/// A large type and its selectable leaves.
#[derive(Debug, Clone)]
pub struct TypeGroupRecord {
    pub no: String,
    pub name: String,
    pub leaves: Vec<LeafTypeRecord>,
}

#[derive(Debug, Clone)]
pub struct LeafTypeRecord {
    pub no: String,
    pub name: String,
    pub needs_goods: bool,
}

/// A catalogue product and its options.
#[derive(Debug, Clone)]
pub struct CatalogRecord {
    pub goods_no: String,
    pub name: String,
    pub brand: String,
    pub category: String,
    pub price: i64,
    pub image_file: Option<String>,
    /// `(itm_no, itm_nm)`
    pub items: Vec<(String, String)>,
}

/// A line of one of the member's orders.
#[derive(Debug, Clone)]
pub struct OrderedRecord {
    pub ord_no: String,
    pub ordered_at: String,
    pub ord_seq: u32,
    pub goods_no: String,
    pub name: String,
    pub brand: String,
    pub item_no: String,
    pub item_name: String,
    pub qty: u32,
    pub amount: i64,
    pub image_file: Option<String>,
}

/// One inquiry as the desk report counts it (times stored UTC text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFact {
    pub ccn_no: String,
    pub accepted_at: String,
    /// The leaf type, and its name with its large type's (`대분류 > 소분류`).
    pub type_no: String,
    pub type_name: String,
    /// Who holds (or answered) it.
    pub counselor: Option<CounselorRef>,
    /// When it was first answered (its first reply), if it is 답변완료 now; a later seller
    /// reply does not move it.
    pub answered_at: Option<String>,
    pub due_at: Option<String>,
    /// The customer's rating: `Some(true)` 만족.
    pub satisfied: Option<bool>,
}

/// Who an answer notification goes to, and what it is about.
#[derive(Debug, Clone)]
pub struct NotificationTarget {
    pub ccn_no: String,
    pub title: String,
    pub member_name: String,
    pub sms_consent: bool,
    pub email_consent: bool,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub lang: String,
}

impl NotificationTarget {
    pub fn consents(&self, channel: crate::notify::Channel) -> bool {
        match channel {
            crate::notify::Channel::Sms => self.sms_consent,
            crate::notify::Channel::Email => self.email_consent,
        }
    }

    pub fn contact(&self, channel: crate::notify::Channel) -> Option<&str> {
        match channel {
            crate::notify::Channel::Sms => self.phone.as_deref(),
            crate::notify::Channel::Email => self.email.as_deref(),
        }
        .filter(|a| !a.trim().is_empty())
    }
}

/// An outbox row due for delivery, with the member's current address for its channel.
#[derive(Debug, Clone)]
pub struct DueNotification {
    pub ntf_no: i64,
    pub channel: String,
    pub rcpt_masked: String,
    pub subject: String,
    pub body: String,
    /// The 알림톡 template's variables (a JSON object), if the row was written with them.
    pub params: Option<String>,
    pub attempts: u32,
    pub address: Option<String>,
}

/// An outbox row as the console shows it.
#[derive(Debug, Clone)]
pub struct NotificationRecord {
    pub ntf_no: i64,
    pub channel: String,
    pub rcpt_masked: String,
    pub lang: String,
    pub status: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub created_at: String,
    pub next_try_at: Option<String>,
    pub sent_at: Option<String>,
    /// How a sent row went out (`ALIMTALK`, `SMS`, `SMTP`, …), with a fallback's reason.
    pub sent_via: Option<String>,
}

/// An answer template, its placeholders unfilled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRecord {
    pub no: String,
    pub name: String,
    pub content: String,
    /// `None`: offered for every type; else a large type (and its leaves) or a leaf.
    pub type_no: Option<String>,
    /// `None`: shared (managers keep it); else the one counselor whose own it is.
    pub owner: Option<String>,
    /// How many answers were posted from it.
    pub use_count: u64,
}

/// The customer's one rating of the answer (만족 / 불만족, why, and what they added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SatisfactionRecord {
    pub satisfied: bool,
    /// One of `questions::satisfaction::REASONS` (불만족 only).
    pub reason: Option<String>,
    pub comment: Option<String>,
    pub at: String,
}

/// A counselor's internal memo on an inquiry: the desk's alone, never the customer's or the
/// seller's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoRecord {
    /// 1, 2, … per inquiry, in the order they were written.
    pub seq: u32,
    pub author: CounselorRef,
    pub content: String,
    pub at: String,
}

/// A seller's API key: whose it is, and the secret its requests are signed with.
#[derive(Debug, Clone)]
pub struct VendorKey {
    pub vendor_id: String,
    pub vendor_nm: String,
    pub secret_key: String,
}

/// An inquiry's transfer (이관) to the seller of its goods.
#[derive(Debug, Clone)]
pub struct TransferRecord {
    pub ccn_no: String,
    pub vendor_id: String,
    pub vendor_nm: String,
    /// The seller must answer (NO_ANSWER), or only confirm (TRANSFER).
    pub need_answer: bool,
    /// The counselor's note to the seller.
    pub note: String,
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub at: String,
    /// Past this time (stored UTC text) an open transfer is closed.
    pub due: String,
    /// The seller answered or confirmed it.
    pub answered: bool,
    pub complete_reason: String,
    /// The seller's WING id that answered or confirmed.
    pub done_by: Option<String>,
    pub done_at: Option<String>,
}

impl TransferRecord {
    /// Still waiting for the seller at `now` (stored UTC text).
    pub fn is_open(&self, now: &str) -> bool {
        !self.answered && self.due.as_str() > now
    }
}

/// What only the seller's view of an inquiry needs.
#[derive(Debug, Clone)]
pub struct SellerExtras {
    pub vendor_item_id: Option<i64>,
    pub buyer_phone: Option<String>,
    pub sale_started: Option<String>,
    pub sale_ended: Option<String>,
}

/// The notification outbox at a glance (metrics).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxStats {
    pub pending: u64,
    pub failed: u64,
    /// When the oldest pending notification was written (stored-UTC text).
    pub oldest_pending: Option<String>,
}

/// A seller's key pair as its owner may see it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorKeyInfo {
    pub access_key: String,
    /// `None` for keys made before keys were dated.
    pub created_at: Option<String>,
    /// Set by a rotation: the key signs until then.
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
}
