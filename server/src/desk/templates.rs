//! Answer templates with their placeholders filled in for one inquiry.

use crate::store::records::{InquiryRecord, TemplateRecord};

/// A template ready to put in the answer box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub no: String,
    pub name: String,
    pub content: String,
}

/// Placeholders a template may use, and what fills them. A value the inquiry does not have
/// (no order, no goods) leaves the line's placeholder as a dash, never the raw `{…}`.
pub const PLACEHOLDERS: [&str; 6] = [
    "{고객명}",
    "{주문번호}",
    "{문의번호}",
    "{상품명}",
    "{문의제목}",
    "{상담원명}",
];

pub fn fill(t: &TemplateRecord, inquiry: &InquiryRecord, counselor_name: &str) -> Filled {
    let goods = inquiry.goods.as_ref().map(|g| g.name.as_str());
    let values = [
        Some(inquiry.member.name.as_str()),
        inquiry.ord_no.as_deref(),
        Some(inquiry.ccn_no.as_str()),
        goods,
        Some(inquiry.title.as_str()),
        Some(counselor_name),
    ];
    let mut content = t.content.clone();
    for (key, value) in PLACEHOLDERS.iter().zip(values) {
        content = content.replace(key, value.unwrap_or("-"));
    }
    Filled {
        no: t.no.clone(),
        name: t.name.clone(),
        content,
    }
}
