//! What the store feeds in, in the API's field style (`mbrNo`, `goodsNo`, `ordNo`, …), and the
//! shape rules each item must meet before it is written. References (the member of an order,
//! the goods of its lines, the seller of goods) are checked against the database in `mod.rs`.

use chrono::{DateTime, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// Languages an answer notification can be written in.
pub const LANGUAGES: [&str; 3] = ["ko", "en", "zh-TW"];
/// Most options on one goods, and lines on one order.
pub const MAX_PARTS: usize = 200;

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MemberItem {
    pub mbr_no: String,
    pub mbr_nm: String,
    #[serde(default)]
    pub mbr_phone: Option<String>,
    #[serde(default)]
    pub mbr_email: Option<String>,
    /// `ko` (default), `en` or `zh-TW`: the language of the member's answer notifications.
    #[serde(default)]
    pub lang_cd: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GoodsItem {
    pub goods_no: String,
    pub goods_nm: String,
    #[serde(default)]
    pub brand_nm: String,
    #[serde(default)]
    pub category_nm: String,
    pub sale_prc: i64,
    /// An absolute URL (`https://…`), or a path on this server (`/images/goods/…`).
    #[serde(default)]
    pub img_url: Option<String>,
    /// The seller (`vendorId`), fed before or in an earlier item.
    #[serde(default)]
    pub vendor_id: Option<String>,
    /// `YYYY-MM-DD`; a goods whose end date has passed is no longer offered.
    #[serde(default)]
    pub sale_start_dt: Option<String>,
    #[serde(default)]
    pub sale_end_dt: Option<String>,
    #[serde(default)]
    pub options: Vec<OptionItem>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OptionItem {
    pub itm_no: String,
    pub itm_nm: String,
    /// The option's number at the seller (Coupang's `vendorItemId`), unique across goods.
    #[serde(default)]
    pub vendor_item_id: Option<i64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderItem {
    pub ord_no: String,
    pub mbr_no: String,
    /// RFC 3339 (`2026-12-01T10:15:00+09:00`).
    pub ord_dtm: String,
    pub lines: Vec<OrderLineItem>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderLineItem {
    pub goods_no: String,
    pub itm_no: String,
    #[serde(default = "one")]
    pub ord_qty: u32,
    #[serde(default)]
    pub ord_amt: i64,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SellerItem {
    pub vendor_id: String,
    pub vendor_nm: String,
}

/// Collects an item's field errors.
#[derive(Default)]
pub struct Check(pub Vec<FieldError>);

impl Check {
    fn fail(&mut self, field: &str, code: &str, message: String) {
        self.0.push(FieldError::new(field, code, message));
    }

    /// An identifier: 1–`max` characters, no spaces or control characters.
    pub fn id(&mut self, field: &str, value: &str, max: usize) {
        if value.is_empty() {
            self.fail(field, "REQUIRED", format!("{field}은(는) 필수입니다."));
        } else if value.chars().count() > max {
            self.fail(
                field,
                "TOO_LONG",
                format!("{field}은(는) {max}자 이하여야 합니다."),
            );
        } else if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            self.fail(
                field,
                "INVALID",
                format!("{field}에 공백이나 제어 문자를 쓸 수 없습니다."),
            );
        }
    }

    /// A text: 1–`max` characters after trimming (or 0 when not `required`).
    pub fn text(&mut self, field: &str, value: &str, max: usize, required: bool) {
        let n = value.trim().chars().count();
        if required && n == 0 {
            self.fail(field, "REQUIRED", format!("{field}은(는) 필수입니다."));
        } else if n > max {
            self.fail(
                field,
                "TOO_LONG",
                format!("{field}은(는) {max}자 이하여야 합니다."),
            );
        } else if value.chars().any(|c| c.is_control()) {
            self.fail(
                field,
                "INVALID",
                format!("{field}에 제어 문자를 쓸 수 없습니다."),
            );
        }
    }

    pub fn date(&mut self, field: &str, value: Option<&str>) -> Option<NaiveDate> {
        let v = value?;
        let parsed = NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
        if parsed.is_none() {
            self.fail(
                field,
                "INVALID_DATE",
                format!("{field}은(는) YYYY-MM-DD 형식이어야 합니다."),
            );
        }
        parsed
    }

    pub fn time(&mut self, field: &str, value: &str) -> Option<String> {
        match DateTime::parse_from_rfc3339(value) {
            Ok(t) => Some(crate::model::db_time(t.to_utc())),
            Err(_) => {
                self.fail(
                    field,
                    "INVALID_DATE",
                    format!(
                        "{field}은(는) RFC 3339 시각이어야 합니다 (예: 2026-12-01T10:15:00+09:00)."
                    ),
                );
                None
            }
        }
    }

    pub fn rule(&mut self, ok: bool, field: &str, code: &str, message: &str) {
        if !ok {
            self.fail(field, code, message.to_owned());
        }
    }
}

impl MemberItem {
    pub fn check(&self) -> Check {
        let mut c = Check::default();
        c.id("mbrNo", &self.mbr_no, 64);
        c.text("mbrNm", &self.mbr_nm, 100, true);
        if let Some(p) = &self.mbr_phone {
            c.rule(
                !p.is_empty()
                    && p.len() <= 20
                    && p.chars()
                        .all(|ch| ch.is_ascii_digit() || "+- ".contains(ch)),
                "mbrPhone",
                "INVALID",
                "mbrPhone은(는) 숫자, +, - 로 20자 이하여야 합니다.",
            );
        }
        if let Some(e) = &self.mbr_email {
            let ok = e.len() <= 254
                && e.split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
                && !e.chars().any(|ch| ch.is_whitespace());
            c.rule(
                ok,
                "mbrEmail",
                "INVALID",
                "mbrEmail은(는) 올바른 이메일 주소여야 합니다.",
            );
        }
        if let Some(l) = &self.lang_cd {
            c.rule(
                LANGUAGES.contains(&l.as_str()),
                "langCd",
                "INVALID",
                "langCd은(는) ko, en, zh-TW 중 하나여야 합니다.",
            );
        }
        c
    }
}

impl GoodsItem {
    pub fn check(&self) -> Check {
        let mut c = Check::default();
        c.id("goodsNo", &self.goods_no, 64);
        c.text("goodsNm", &self.goods_nm, 200, true);
        c.text("brandNm", &self.brand_nm, 100, false);
        c.text("categoryNm", &self.category_nm, 100, false);
        c.rule(
            self.sale_prc >= 0,
            "salePrc",
            "INVALID",
            "salePrc은(는) 0 이상이어야 합니다.",
        );
        if let Some(url) = &self.img_url {
            let ok = url.len() <= 2000
                && (url.starts_with("https://")
                    || url.starts_with("http://")
                    || url.starts_with('/'))
                && !url
                    .chars()
                    .any(|ch| ch.is_whitespace() || ch == '"' || ch == '<');
            c.rule(
                ok,
                "imgUrl",
                "INVALID",
                "imgUrl은(는) https:// 로 시작하는 주소여야 합니다.",
            );
        }
        if let Some(v) = &self.vendor_id {
            c.id("vendorId", v, 20);
        }
        let start = c.date("saleStartDt", self.sale_start_dt.as_deref());
        let end = c.date("saleEndDt", self.sale_end_dt.as_deref());
        if let (Some(s), Some(e)) = (start, end) {
            c.rule(
                s <= e,
                "saleEndDt",
                "INVALID_PERIOD",
                "saleEndDt은(는) saleStartDt 이후여야 합니다.",
            );
        }
        c.rule(
            self.options.len() <= MAX_PARTS,
            "options",
            "TOO_MANY",
            "options는 200개 이하여야 합니다.",
        );
        for (i, o) in self.options.iter().enumerate() {
            c.id(&format!("options[{i}].itmNo"), &o.itm_no, 64);
            c.text(&format!("options[{i}].itmNm"), &o.itm_nm, 200, true);
            if let Some(id) = o.vendor_item_id {
                c.rule(
                    id > 0,
                    &format!("options[{i}].vendorItemId"),
                    "INVALID",
                    "vendorItemId은(는) 양수여야 합니다.",
                );
            }
        }
        c
    }
}

impl OrderItem {
    pub fn check(&self) -> (Check, Option<String>) {
        let mut c = Check::default();
        c.id("ordNo", &self.ord_no, 64);
        c.id("mbrNo", &self.mbr_no, 64);
        let at = c.time("ordDtm", &self.ord_dtm);
        c.rule(
            !self.lines.is_empty(),
            "lines",
            "REQUIRED",
            "lines에 주문 상품이 하나 이상 있어야 합니다.",
        );
        c.rule(
            self.lines.len() <= MAX_PARTS,
            "lines",
            "TOO_MANY",
            "lines는 200개 이하여야 합니다.",
        );
        for (i, l) in self.lines.iter().enumerate() {
            c.id(&format!("lines[{i}].goodsNo"), &l.goods_no, 64);
            c.id(&format!("lines[{i}].itmNo"), &l.itm_no, 64);
            c.rule(
                l.ord_qty >= 1,
                &format!("lines[{i}].ordQty"),
                "INVALID",
                "ordQty은(는) 1 이상이어야 합니다.",
            );
            c.rule(
                l.ord_amt >= 0,
                &format!("lines[{i}].ordAmt"),
                "INVALID",
                "ordAmt은(는) 0 이상이어야 합니다.",
            );
        }
        (c, at)
    }
}

impl SellerItem {
    pub fn check(&self) -> Check {
        let mut c = Check::default();
        c.id("vendorId", &self.vendor_id, 20);
        c.text("vendorNm", &self.vendor_nm, 100, true);
        c
    }
}
