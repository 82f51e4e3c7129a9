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
