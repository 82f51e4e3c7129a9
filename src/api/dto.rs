//! Wire types (exactly `server/openapi.yaml`) and their conversion into the SPA's own types.

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;

use crate::domain::{rating::Reason, Status};

/// A success envelope (`{code, message, payload, …}`), for the reads outside the first screen.
#[derive(Debug, Deserialize)]
pub(super) struct Envelope<T> {
    pub code: Option<String>,
    pub payload: Option<T>,
}

pub(super) fn status_from_code(code: &str) -> Option<Status> {
    match code {
        "10" => Some(Status::Received),
        "20" => Some(Status::InProgress),
        "30" => Some(Status::Answered),
        _ => None,
    }
}

pub(super) fn status_code(status: Status) -> &'static str {
    match status {
        Status::Received => "10",
        Status::InProgress => "20",
        Status::Answered => "30",
    }
}

/// RFC 3339 times through chrono's dedicated parser: its generic `FromStr` (what the derived
/// `Deserialize` uses) would bring the whole format-string parser into the wasm.
fn de_time<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    let s = String::deserialize(d)?;
    DateTime::parse_from_rfc3339(&s).map_err(serde::de::Error::custom)
}

fn de_time_opt<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        Some(s) => DateTime::parse_from_rfc3339(&s)
            .map(Some)
            .map_err(serde::de::Error::custom),
        None => Ok(None),
    }
}

fn de_status<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Status, D::Error> {
    let code = String::deserialize(d)?;
    status_from_code(&code)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown status code {code}")))
}

/// One row of the list (read from the wire in `list_wire`).
#[derive(Debug, Clone, PartialEq)]
pub struct InquirySummary {
    pub id: String,
    pub type_group: String,
    pub type_name: String,
    pub title: String,
    pub goods_name: Option<String>,
    pub order_no: Option<String>,
    pub status: Status,
    pub created_at: DateTime<FixedOffset>,
    pub answered_at: Option<DateTime<FixedOffset>>,
    pub photo_count: u32,
    /// Answered, and the customer has not opened the answer yet (kept on the server).
    pub unread_answer: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct WirePagination {
    pub current_page: u32,
    pub total_pages: u32,
    pub total_elements: u64,
}

#[derive(Debug, Deserialize)]
pub(super) struct WirePage<T> {
    pub content: Vec<T>,
    pub pagination: WirePagination,
}

/// One page of inquiries.
pub type InquiryPage = Paged<InquirySummary>;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Goods {
    #[serde(rename = "goodsNo")]
    pub id: String,
    #[serde(rename = "goodsNm")]
    pub name: String,
    #[serde(rename = "brandNm")]
    pub brand: String,
    #[serde(rename = "itmNo")]
    pub option_no: Option<String>,
    #[serde(rename = "itmNm")]
    pub option: Option<String>,
    #[serde(rename = "salePrc")]
    pub price: i64,
    /// Absolute URL (the client prefixes the API base).
    #[serde(rename = "imgUrl")]
    pub image_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Photo {
    #[serde(rename = "fileSeq")]
    pub seq: u32,
    #[serde(rename = "fileNm")]
    pub name: String,
    #[serde(rename = "fileSize")]
    pub size: u64,
    /// Path of the authenticated download (fetch it with [`super::Client::photo_url`]).
    #[serde(rename = "fileUrl")]
    pub(super) url: String,
}

/// Who wrote a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum ReplyAuthor {
    #[serde(rename = "COUNSELOR")]
    Counselor,
    #[serde(rename = "SELLER")]
    Seller,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reply {
    #[serde(rename = "ansTypCd")]
    pub author: ReplyAuthor,
    #[serde(rename = "ansrNm")]
    pub author_name: String,
    #[serde(rename = "ansCont")]
    pub content: String,
    #[serde(rename = "ansDtm", deserialize_with = "de_time")]
    pub at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Inquiry {
    #[serde(rename = "ccnNo")]
    pub id: String,
    #[serde(rename = "cnslTypNo")]
    pub type_no: String,
    #[serde(rename = "cnslLrgTypNm")]
    pub type_group: String,
    #[serde(rename = "cnslTypNm")]
    pub type_name: String,
    #[serde(rename = "ccnTitle")]
    pub title: String,
    #[serde(rename = "accpCont")]
    pub content: String,
    pub goods: Option<Goods>,
    #[serde(rename = "ordNo")]
    pub order_no: Option<String>,
    #[serde(rename = "ordDtm", deserialize_with = "de_time_opt", default)]
    pub ordered_at: Option<DateTime<FixedOffset>>,
    #[serde(rename = "ccnStatCd", deserialize_with = "de_status")]
    pub status: Status,
    #[serde(rename = "accpDtm", deserialize_with = "de_time")]
    pub created_at: DateTime<FixedOffset>,
    #[serde(rename = "modDtm", deserialize_with = "de_time_opt", default)]
    pub modified_at: Option<DateTime<FixedOffset>>,
    #[serde(rename = "ansDtm", deserialize_with = "de_time_opt", default)]
    pub answered_at: Option<DateTime<FixedOffset>>,
    #[serde(rename = "smsRcvYn", deserialize_with = "de_yn")]
    pub sms_consent: bool,
    #[serde(rename = "emailRcvYn", deserialize_with = "de_yn")]
    pub email_consent: bool,
    #[serde(rename = "atchFiles")]
    pub photos: Vec<Photo>,
    pub replies: Vec<Reply>,
    #[serde(rename = "ansUnreadYn", deserialize_with = "de_yn", default)]
    pub unread_answer: bool,
    /// When the store will have answered by (business days from receipt).
    #[serde(rename = "ansDueDtm", deserialize_with = "de_time_opt", default)]
    pub answer_due: Option<DateTime<FixedOffset>>,
    /// The customer's rating of the answer, once given.
    #[serde(rename = "stsf", default)]
    pub satisfaction: Option<Satisfaction>,
}

/// The customer's rating of the answer, as the server keeps it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Satisfaction {
    #[serde(rename = "satisfiedYn", deserialize_with = "de_yn")]
    pub satisfied: bool,
    /// Why not (a code this SPA does not know reads as none).
    #[serde(rename = "reasonCd", deserialize_with = "de_reason", default)]
    pub reason: Option<Reason>,
    #[serde(default)]
    pub comment: Option<String>,
}

/// `reasonCd` ↔ the SPA's reasons.
pub(super) fn reason_code(r: Reason) -> &'static str {
    match r {
        Reason::Unresolved => "UNRESOLVED",
        Reason::Unclear => "UNCLEAR",
        Reason::Slow => "SLOW",
        Reason::Unkind => "UNKIND",
        Reason::Other => "ETC",
    }
}

fn de_reason<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Reason>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .and_then(|code| Reason::ALL.into_iter().find(|r| reason_code(*r) == code)))
}

fn de_yn<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(String::deserialize(d)? == "Y")
}

/// What the form and the list need to know up front (from `getQuestionInit`).
#[derive(Debug, Clone, PartialEq)]
pub struct InquiryInit {
    /// The logged-in member: drafts are kept per member.
    pub member: String,
    /// The store's time zone: the API's `startDt`/`endDt` are dates on its calendar.
    pub store_time_zone: String,
    pub limits: Limits,
    pub types: Vec<TypeGroup>,
}

/// A large inquiry type and its selectable leaves.
/// (Read from the wire in `list_wire`.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeGroup {
    pub no: String,
    pub name: String,
    pub leaves: Vec<InquiryType>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InquiryType {
    pub no: String,
    pub name: String,
    pub needs_goods: bool,
}

impl InquiryInit {
    /// The leaf type with this number and its group.
    pub fn find_type(&self, no: &str) -> Option<(&TypeGroup, &InquiryType)> {
        self.types
            .iter()
            .find_map(|g| g.leaves.iter().find(|t| t.no == no).map(|t| (g, t)))
    }
}

/// A catalogue product (goods search).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CatalogGoods {
    #[serde(rename = "goodsNo")]
    pub id: String,
    #[serde(rename = "goodsNm")]
    pub name: String,
    #[serde(rename = "brandNm")]
    pub brand: String,
    #[serde(rename = "salePrc")]
    pub price: i64,
    #[serde(rename = "imgUrl")]
    pub image_url: Option<String>,
}

/// A product from one of the member's orders.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OrderedGoods {
    #[serde(rename = "ordNo")]
    pub order_no: String,
    #[serde(rename = "ordDtm", deserialize_with = "de_time")]
    pub ordered_at: DateTime<FixedOffset>,
    #[serde(rename = "goodsNo")]
    pub goods_id: String,
    #[serde(rename = "goodsNm")]
    pub name: String,
    #[serde(rename = "brandNm")]
    pub brand: String,
    #[serde(rename = "itmNo")]
    pub option_no: String,
    #[serde(rename = "itmNm")]
    pub option_name: String,
    #[serde(rename = "imgUrl")]
    pub image_url: Option<String>,
}

/// One page of anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub total_pages: u32,
    pub total: u64,
}

impl<T> From<WirePage<T>> for Paged<T> {
    fn from(p: WirePage<T>) -> Self {
        Self {
            items: p.content,
            page: p.pagination.current_page,
            total_pages: p.pagination.total_pages,
            total: p.pagination.total_elements,
        }
    }
}

/// The server's limits, exactly as `getQuestionInit` sends them (miniserde: `list_wire`).
#[derive(Debug, Clone, PartialEq, Eq, miniserde::Deserialize)]
pub struct Limits {
    #[serde(rename = "titleMaxLen")]
    pub title_max_chars: u32,
    #[serde(rename = "contMaxLen")]
    pub content_max_chars: u32,
    #[serde(rename = "maxFileCnt")]
    pub max_photos: u32,
    #[serde(rename = "maxFileSize")]
    pub max_photo_bytes: u64,
    /// Width × height of one photo at most.
    #[serde(rename = "maxFilePixels")]
    pub max_photo_pixels: u64,
    #[serde(rename = "maxPeriodDays")]
    pub max_period_days: i64,
    #[serde(rename = "maxPageSize")]
    pub max_page_size: u32,
    #[serde(rename = "acceptedFileTypes")]
    pub accepted_types: Vec<String>,
}

impl Limits {
    pub fn form(&self) -> crate::domain::form::FormLimits {
        crate::domain::form::FormLimits {
            title_max_chars: self.title_max_chars as usize,
            content_max_chars: self.content_max_chars as usize,
            max_photos: self.max_photos as usize,
            max_photo_bytes: self.max_photo_bytes,
            max_photo_pixels: self.max_photo_pixels,
            accepted_types: self.accepted_types.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rating_reads_its_reason_and_an_unknown_code_as_none() {
        let read = |json: &str| serde_json::from_str::<Satisfaction>(json).unwrap();
        let s = read(r#"{"satisfiedYn":"N","reasonCd":"UNCLEAR","comment":"?"}"#);
        assert_eq!((s.satisfied, s.reason), (false, Some(Reason::Unclear)));
        assert_eq!(
            read(r#"{"satisfiedYn":"N","reasonCd":"NEW_ONE"}"#).reason,
            None
        );
        assert_eq!(read(r#"{"satisfiedYn":"Y","reasonCd":null}"#).reason, None);
        for r in Reason::ALL {
            let json = format!(r#"{{"satisfiedYn":"N","reasonCd":"{}"}}"#, reason_code(r));
            assert_eq!(read(&json).reason, Some(r));
        }
    }
}
