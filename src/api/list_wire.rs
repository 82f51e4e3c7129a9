//! The first screen's wire types: the list page and `getQuestionInit`, decoded with miniserde.
//!
//! The list is the first load (the detail and the form are split-off chunks:
//! src/pages/lazy.rs), and these are the only reads it makes. Decoded with serde_json they kept
//! its parser, serde's per-type visitors and `f64` formatting (for serde's error messages) in the
//! first load: docs/performance.md has the bytes. miniserde parses into `dyn` visitors whose code
//! does not grow with each type, and its errors carry no text. The detail and the form keep
//! serde, in their chunks.
//!
//! The structs here are the JSON as it comes (codes and times as strings); [`page`] and [`init`]
//! check them into the SPA's types, so a bad code or time is a decode error, as with serde.

use chrono::DateTime;
use miniserde::Deserialize;

use super::dto::{
    status_from_code, InquiryInit, InquiryPage, InquirySummary, InquiryType, Limits, TypeGroup,
};

#[derive(Deserialize)]
pub(super) struct ListPage {
    content: Vec<Summary>,
    pagination: Pagination,
}

#[derive(Deserialize)]
struct Pagination {
    #[serde(rename = "currentPage")]
    current_page: u32,
    #[serde(rename = "totalPages")]
    total_pages: u32,
    #[serde(rename = "totalElements")]
    total_elements: u64,
}

#[derive(Deserialize)]
struct Summary {
    #[serde(rename = "ccnNo")]
    id: String,
    #[serde(rename = "cnslLrgTypNm")]
    type_group: String,
    #[serde(rename = "cnslTypNm")]
    type_name: String,
    #[serde(rename = "ccnTitle")]
    title: String,
    #[serde(rename = "goodsNm")]
    goods_name: Option<String>,
    #[serde(rename = "ordNo")]
    order_no: Option<String>,
    #[serde(rename = "ccnStatCd")]
    status: String,
    #[serde(rename = "accpDtm")]
    created_at: String,
    #[serde(rename = "ansDtm")]
    answered_at: Option<String>,
    #[serde(rename = "atchFileCnt")]
    photo_count: u32,
    #[serde(rename = "ansUnreadYn")]
    unread_answer: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct Init {
    #[serde(rename = "mbrNo")]
    member: String,
    #[serde(rename = "storeTimeZone")]
    store_time_zone: String,
    limits: Limits,
    #[serde(rename = "cnslTypes")]
    types: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    #[serde(rename = "cnslTypNo")]
    no: String,
    #[serde(rename = "cnslTypNm")]
    name: String,
    children: Vec<Leaf>,
}

#[derive(Deserialize)]
struct Leaf {
    #[serde(rename = "cnslTypNo")]
    no: String,
    #[serde(rename = "cnslTypNm")]
    name: String,
    #[serde(rename = "goodsSelMdtyYn")]
    needs_goods: String,
}

/// An RFC 3339 time, through chrono's dedicated parser.
fn time(s: &str) -> Result<DateTime<chrono::FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s).map_err(|e| format!("time {s:?}: {e}"))
}

/// The list page as the SPA uses it; a status code or time it cannot read is an error.
pub(super) fn page(wire: ListPage) -> Result<InquiryPage, String> {
    let items = wire
        .content
        .into_iter()
        .map(|s| {
            Ok(InquirySummary {
                status: status_from_code(&s.status)
                    .ok_or_else(|| format!("unknown status code {}", s.status))?,
                created_at: time(&s.created_at)?,
                answered_at: s.answered_at.as_deref().map(time).transpose()?,
                unread_answer: s.unread_answer.as_deref() == Some("Y"),
                id: s.id,
                type_group: s.type_group,
                type_name: s.type_name,
                title: s.title,
                goods_name: s.goods_name,
                order_no: s.order_no,
                photo_count: s.photo_count,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(InquiryPage {
        items,
        page: wire.pagination.current_page,
        total_pages: wire.pagination.total_pages,
        total: wire.pagination.total_elements,
    })
}

/// What `getQuestionInit` says, as the SPA uses it.
pub(super) fn init(wire: Init) -> InquiryInit {
    InquiryInit {
        member: wire.member,
        store_time_zone: wire.store_time_zone,
        limits: wire.limits,
        types: wire
            .types
            .into_iter()
            .map(|g| TypeGroup {
                no: g.no,
                name: g.name,
                leaves: g
                    .children
                    .into_iter()
                    .map(|t| InquiryType {
                        no: t.no,
                        name: t.name,
                        needs_goods: t.needs_goods == "Y",
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{api::envelope::mini_payload, domain::Status};

    #[test]
    fn a_list_page_reads_as_the_server_writes_it() {
        // One row as server/openapi.yaml shows it, with the envelope's other fields and a field
        // this SPA does not know (ignored, as serde did).
        let text = r#"{"timestamp":"2026-12-07T10:00:00+09:00","code":"OK","message":"","isProcess":true,"error":false,"errors":[],
          "payload":{"content":[
            {"ccnNo":"101","cnslLrgTypNm":"주문/결제","cnslTypNm":"결제 문의","ccnTitle":"<b>결제</b> \"취소\"\n되나요?",
             "goodsNm":null,"ordNo":"O-1","ccnStatCd":"30","accpDtm":"2026-12-01T09:30:00+09:00",
             "ansDtm":"2026-12-02T11:00:00+09:00","atchFileCnt":2,"ansUnreadYn":"Y","newField":{"a":[1,2.5]}},
            {"ccnNo":"102","cnslLrgTypNm":"배송","cnslTypNm":"배송 문의","ccnTitle":"언제 와요","goodsNm":"양말",
             "ordNo":null,"ccnStatCd":"10","accpDtm":"2026-12-03T09:30:00+09:00","ansDtm":null,"atchFileCnt":0}
          ],"pagination":{"currentPage":2,"totalPages":3,"totalElements":21,"pageSize":10}}}"#;
        let page = page(mini_payload::<ListPage>(text).unwrap()).unwrap();
        assert_eq!((page.page, page.total_pages, page.total), (2, 3, 21));
        let [a, b] = &page.items[..] else { panic!() };
        assert_eq!(a.title, "<b>결제</b> \"취소\"\n되나요?");
        assert_eq!(
            (a.status, a.unread_answer, a.photo_count),
            (Status::Answered, true, 2)
        );
        assert_eq!(
            a.answered_at.unwrap().to_rfc3339(),
            "2026-12-02T11:00:00+09:00"
        );
        assert_eq!(
            (a.goods_name.as_deref(), a.order_no.as_deref()),
            (None, Some("O-1"))
        );
        assert_eq!(
            (b.status, b.unread_answer, b.answered_at),
            (Status::Received, false, None)
        );
        assert_eq!(b.goods_name.as_deref(), Some("양말"));
    }

    #[test]
    fn a_bad_status_or_time_is_a_decode_error() {
        let row = |stat: &str, at: &str| {
            format!(
                r#"{{"payload":{{"content":[{{"ccnNo":"1","cnslLrgTypNm":"a","cnslTypNm":"b","ccnTitle":"t","goodsNm":null,"ordNo":null,"ccnStatCd":"{stat}","accpDtm":"{at}","ansDtm":null,"atchFileCnt":0}}],"pagination":{{"currentPage":1,"totalPages":1,"totalElements":1}}}}}}"#
            )
        };
        let ok = row("20", "2026-12-01T09:30:00+09:00");
        assert!(page(mini_payload::<ListPage>(&ok).unwrap()).is_ok());
        let bad_status = row("99", "2026-12-01T09:30:00+09:00");
        assert!(page(mini_payload::<ListPage>(&bad_status).unwrap())
            .unwrap_err()
            .contains("99"));
        let bad_time = row("20", "yesterday");
        assert!(page(mini_payload::<ListPage>(&bad_time).unwrap()).is_err());
        // A missing required field is refused, not defaulted.
        let missing = ok.replace(r#""ccnTitle":"t","#, "");
        assert!(mini_payload::<ListPage>(&missing).is_err());
    }

    #[test]
    fn the_init_reads_types_and_limits() {
        let text = r#"{"payload":{"mbrNo":"M1","storeTimeZone":"Asia/Seoul",
          "limits":{"titleMaxLen":50,"contMaxLen":2000,"maxFileCnt":5,"maxFileSize":10485760,
            "maxFilePixels":40000000,"maxPeriodDays":365,"maxPageSize":50,"acceptedFileTypes":["image/jpeg","image/png"]},
          "cnslTypes":[{"cnslTypNo":"1","cnslTypNm":"상품","children":[
            {"cnslTypNo":"11","cnslTypNm":"상품 문의","goodsSelMdtyYn":"Y"},
            {"cnslTypNo":"12","cnslTypNm":"기타","goodsSelMdtyYn":"N"}]}]}}"#;
        let init = init(mini_payload::<Init>(text).unwrap());
        assert_eq!(
            (init.member.as_str(), init.store_time_zone.as_str()),
            ("M1", "Asia/Seoul")
        );
        assert_eq!(init.limits.max_photo_bytes, 10_485_760);
        assert_eq!(init.limits.accepted_types, ["image/jpeg", "image/png"]);
        let (group, leaf) = init.find_type("11").unwrap();
        assert_eq!((group.name.as_str(), leaf.needs_goods), ("상품", true));
        assert!(!init.find_type("12").unwrap().1.needs_goods);
    }
}
