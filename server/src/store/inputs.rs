//! What the port's operations take: filters, rows to write and small answers, in the model's
//! terms (stored-UTC text for times, typed statuses). Engines map them to their SQL.

use crate::model::Status;

/// Text and references of an inquiry as written by the customer.
#[derive(Debug, Clone, Default)]
pub struct QuestionFields {
    pub cnsl_typ_no: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods_no: Option<String>,
    pub itm_no: Option<String>,
    pub ord_no: Option<String>,
    pub sms_rcv_yn: bool,
    pub email_rcv_yn: bool,
    pub ref_ccn_no: Option<String>,
}

/// A stored photo row (`stored_nm` is its key in the blob store).
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub file_seq: u32,
    pub file_nm: String,
    pub stored_nm: String,
    pub content_type: String,
    pub file_size: u64,
}

/// Filters of the inquiry lists (member and back office).
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    /// `None`: every member (back office).
    pub mbr_no: Option<String>,
    /// Inclusive lower bound, stored-UTC text.
    pub from: String,
    /// Exclusive upper bound, stored-UTC text.
    pub until: String,
    pub status: Option<Status>,
    pub ord_no: Option<String>,
    pub keyword: Option<String>,
    /// Back office: a large type (its leaves too) or a leaf.
    pub type_no: Option<String>,
    /// Back office: who holds the inquiries.
    pub assignee: Option<Assignee>,
    /// Oldest first (the back office's 접수완료 queue: who waited longest comes first).
    pub oldest_first: bool,
    /// Back office: the withdrawn inquiries (고객 삭제) instead of the live ones.
    pub withdrawn: bool,
    /// Back office: the soonest answer-due first (the 접수완료 and 처리중 tabs, filtered by
    /// status alone or with a keyword or type: `ccn_stat_due_idx` walks them in that order).
    pub by_due: bool,
}

/// The holder a back-office list is filtered by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignee {
    /// Held by this counselor.
    Counselor(String),
    /// Held by nobody yet.
    Nobody,
}

/// What the rules need to know about a type number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeLookup {
    Unknown,
    NotLeaf,
    Leaf { goods_required: bool },
}

/// The holder of an access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenHolder {
    Member {
        mbr_no: String,
    },
    Counselor {
        cnslr_no: String,
        name: String,
        manager: bool,
    },
}

/// A notification row to write; `failed` is set when it cannot be sent at all (no contact on
/// file).
pub struct NewNotification<'a> {
    pub ccn_no: &'a str,
    pub channel: &'a str,
    pub rcpt_masked: &'a str,
    pub lang: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// The 알림톡 template's variables (a JSON object), for an SMS-channel row.
    pub params: Option<&'a str>,
    pub now: &'a str,
    pub failed: Option<&'a str>,
}

/// A claim on due notifications: who claims them, and until when nobody else may.
pub struct Lease<'a> {
    /// The claiming instance (a random id per process).
    pub owner: &'a str,
    /// Now (stored UTC text): rows due by then, not leased past it, are claimed.
    pub now: &'a str,
    /// The claim expires then (stored UTC text); a row still claimed after it is due again.
    pub until: &'a str,
}

/// A transfer to write.
pub struct NewTransfer<'a> {
    pub ccn_no: &'a str,
    pub vendor_id: &'a str,
    pub need_answer: bool,
    pub note: &'a str,
    pub cnslr_no: &'a str,
    pub at: &'a str,
    pub due: &'a str,
}

/// Which of a seller's transfers to list (all filters optional but the seller).
pub struct SellerFilter {
    pub vendor_id: String,
    /// `[from, to)` on the inquiry's time (stored UTC text).
    pub accepted: Option<(String, String)>,
    pub vendor_item_id: Option<i64>,
    pub ord_no: Option<String>,
    pub state: SellerState,
    /// Now (stored UTC text): a transfer past its due time is closed.
    pub now: String,
    pub offset: u32,
    pub limit: u32,
}

/// Coupang's `partnerCounselingStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SellerState {
    All,
    /// NO_ANSWER: an open transfer that needs the seller's answer.
    NoAnswer,
    /// TRANSFER: an open transfer for confirmation only.
    Transfer,
    /// ANSWER: answered, confirmed, or closed by the deadline.
    Answered,
}

/// A remembered `Idempotency-Key`: what request it registered, and whether that inquiry is
/// still there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyRecord {
    pub req_hash: String,
    pub ccn_no: String,
    pub inquiry_exists: bool,
}

/// One use of a rate limit (a generic cell rate: `per_minute` requests a minute, all of them
/// at once at most).
#[derive(Debug, Clone, Copy)]
pub struct RateCharge<'a> {
    /// Whose bucket, e.g. `W:M0001`.
    pub bucket: &'a str,
    /// Now, in milliseconds since the epoch; `None`: the database's clock, read once the
    /// bucket is locked, so instances (and requests that waited for the lock) agree on it.
    pub now_ms: Option<i64>,
    pub per_minute: u32,
}

impl RateCharge<'_> {
    /// Milliseconds one request uses up.
    pub fn interval_ms(&self) -> i64 {
        60_000 / i64::from(self.per_minute.max(1))
    }
    /// How far ahead of now the bucket may be booked: the whole minute.
    pub fn burst_ms(&self) -> i64 {
        self.interval_ms() * i64::from(self.per_minute.max(1))
    }
}

// Rows of the store's own data (demo seeding, and the storefront's data as it is fed in).

pub struct NewMember<'a> {
    pub mbr_no: &'a str,
    pub name: &'a str,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub lang: &'a str,
}

pub struct NewType<'a> {
    pub no: &'a str,
    pub name: &'a str,
    /// `None` for a large type.
    pub parent: Option<&'a str>,
    pub sort_seq: u32,
    pub goods_required: bool,
    /// Business days an answer may take (the deadline's target).
    pub answer_days: u32,
}

/// An inquiry received before deadlines were kept: what its due time is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undated {
    pub ccn_no: String,
    pub accepted_at: String,
    pub answer_days: u32,
}

pub struct NewGoods<'a> {
    pub goods_no: &'a str,
    pub name: &'a str,
    pub brand: &'a str,
    pub category: &'a str,
    pub price: i64,
    pub image_file: Option<&'a str>,
    pub vendor_id: Option<&'a str>,
    pub sale_start: Option<&'a str>,
    pub sale_end: Option<&'a str>,
}

pub struct NewItem<'a> {
    pub goods_no: &'a str,
    pub itm_no: &'a str,
    pub name: &'a str,
    pub vendor_item_id: Option<i64>,
}

pub struct NewOrderLine<'a> {
    pub ord_no: &'a str,
    pub ord_seq: u32,
    pub goods_no: &'a str,
    pub itm_no: &'a str,
    pub qty: u32,
    pub amount: i64,
}

/// The role an access token grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenRole {
    Member,
    Counselor,
}

impl TokenRole {
    pub fn code(self) -> &'static str {
        match self {
            TokenRole::Member => "MEMBER",
            TokenRole::Counselor => "COUNSELOR",
        }
    }
}
