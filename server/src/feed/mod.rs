//! The store's data, fed in: members, goods (with options), orders (with lines) and sellers,
//! upserted in batches with an error per refused item; the integration API, the
//! `inquiry-server import` command and the demo seed all go through [`apply`]. An item is
//! written as given (the same item twice leaves the same rows: a retried batch is harmless);
//! nothing is deleted, so goods no longer sold stay readable on the inquiries that name them.
//! `keys.rs` issues, rotates and revokes sellers' key pairs.

pub mod import;
pub mod items;
pub mod keys;

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

pub use items::{GoodsItem, MemberItem, OptionItem, OrderItem, OrderLineItem, SellerItem};

use crate::{
    error::FieldError,
    store::{NewGoods, NewItem, NewMember, NewOrderLine, StoreError, Tx},
};

/// Most items in one batch.
pub const MAX_BATCH: usize = 1000;

/// What a batch holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Members,
    Goods,
    Orders,
    Sellers,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "members" => Self::Members,
            "goods" => Self::Goods,
            "orders" => Self::Orders,
            "sellers" => Self::Sellers,
            _ => return None,
        })
    }

    /// The field that names an item.
    pub fn key_field(self) -> &'static str {
        match self {
            Self::Members => "mbrNo",
            Self::Goods => "goodsNo",
            Self::Orders => "ordNo",
            Self::Sellers => "vendorId",
        }
    }
}

/// One refused item: its place in the batch, its key when it has one, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemError {
    pub index: usize,
    pub key: Option<String>,
    pub errors: Vec<FieldError>,
}

/// What a batch did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResult {
    pub upserted: usize,
    pub rejected: usize,
    pub errors: Vec<ItemError>,
}

/// Upserts the valid items of a batch in `tx` (the caller's one transaction) and reports each
/// refused one. Items may refer to items earlier in the same batch.
pub fn apply(tx: &mut dyn Tx, kind: Kind, batch: &[Value]) -> Result<BatchResult, StoreError> {
    let mut result = BatchResult::default();
    for (index, value) in batch.iter().enumerate() {
        let key = value
            .get(kind.key_field())
            .and_then(|k| k.as_str())
            .map(str::to_owned);
        let errors = match kind {
            Kind::Members => one(value, |m: MemberItem| member(tx, &m))?,
            Kind::Goods => one(value, |g: GoodsItem| goods(tx, &g))?,
            Kind::Orders => one(value, |o: OrderItem| order(tx, &o))?,
            Kind::Sellers => one(value, |s: SellerItem| seller(tx, &s))?,
        };
        if errors.is_empty() {
            result.upserted += 1;
        } else {
            result.rejected += 1;
            result.errors.push(ItemError { index, key, errors });
        }
    }
    Ok(result)
}

/// Reads one item and hands it to `write`; its field errors (empty when it was written).
fn one<T: DeserializeOwned>(
    value: &Value,
    write: impl FnOnce(T) -> Result<Vec<FieldError>, StoreError>,
) -> Result<Vec<FieldError>, StoreError> {
    match serde_json::from_value::<T>(value.clone()) {
        Ok(item) => write(item),
        Err(e) => Ok(vec![FieldError::new(
            "",
            "INVALID_ITEM",
            format!("항목을 읽을 수 없습니다: {e}"),
        )]),
    }
}

/// One item, checked and written (what [`apply`] does per item); its field errors.
pub fn member(tx: &mut dyn Tx, m: &MemberItem) -> Result<Vec<FieldError>, StoreError> {
    let check = m.check();
    if !check.0.is_empty() {
        return Ok(check.0);
    }
    tx.upsert_member(&NewMember {
        mbr_no: &m.mbr_no,
        name: m.mbr_nm.trim(),
        phone: m.mbr_phone.as_deref(),
        email: m.mbr_email.as_deref(),
        lang: m.lang_cd.as_deref().unwrap_or("ko"),
    })?;
    Ok(Vec::new())
}

/// One item, checked and written (what [`apply`] does per item); its field errors.
pub fn seller(tx: &mut dyn Tx, s: &SellerItem) -> Result<Vec<FieldError>, StoreError> {
    let check = s.check();
    if !check.0.is_empty() {
        return Ok(check.0);
    }
    tx.upsert_vendor(&s.vendor_id, s.vendor_nm.trim())?;
    Ok(Vec::new())
}

/// One item, checked and written (what [`apply`] does per item); its field errors.
pub fn goods(tx: &mut dyn Tx, g: &GoodsItem) -> Result<Vec<FieldError>, StoreError> {
    let mut check = g.check();
    if let Some(v) = &g.vendor_id {
        if check.0.is_empty() && !tx.vendor_exists(v)? {
            check.rule(
                false,
                "vendorId",
                "UNKNOWN_SELLER",
                "알 수 없는 판매자입니다: 판매자(sellers)를 먼저 보내 주세요.",
            );
        }
    }
    if check.0.is_empty() {
        for (i, o) in g.options.iter().enumerate() {
            if let Some(id) = o.vendor_item_id {
                if tx.vendor_item_taken(id, &g.goods_no, &o.itm_no)? {
                    check.rule(
                        false,
                        &format!("options[{i}].vendorItemId"),
                        "DUPLICATE",
                        "이 vendorItemId는 다른 상품의 옵션이 이미 쓰고 있습니다.",
                    );
                }
            }
        }
        for (i, o) in g.options.iter().enumerate() {
            let earlier = &g.options[..i];
            let twice = earlier.iter().any(|p| {
                p.itm_no == o.itm_no
                    || (o.vendor_item_id.is_some() && p.vendor_item_id == o.vendor_item_id)
            });
            if twice {
                check.rule(
                    false,
                    &format!("options[{i}]"),
                    "DUPLICATE",
                    "같은 상품에 같은 itmNo나 vendorItemId가 두 번 있습니다.",
                );
            }
        }
    }
    if !check.0.is_empty() {
        return Ok(check.0);
    }
    tx.upsert_goods(&NewGoods {
        goods_no: &g.goods_no,
        name: g.goods_nm.trim(),
        brand: g.brand_nm.trim(),
        category: g.category_nm.trim(),
        price: g.sale_prc,
        image_file: g.img_url.as_deref(),
        vendor_id: g.vendor_id.as_deref(),
        sale_start: g.sale_start_dt.as_deref(),
        sale_end: g.sale_end_dt.as_deref(),
    })?;
    for o in &g.options {
        tx.upsert_item(&NewItem {
            goods_no: &g.goods_no,
            itm_no: &o.itm_no,
            name: o.itm_nm.trim(),
            vendor_item_id: o.vendor_item_id,
        })?;
    }
    Ok(Vec::new())
}

/// One item, checked and written (what [`apply`] does per item); its field errors.
pub fn order(tx: &mut dyn Tx, o: &OrderItem) -> Result<Vec<FieldError>, StoreError> {
    let (mut check, at) = o.check();
    if check.0.is_empty() {
        if !tx.member_exists(&o.mbr_no)? {
            check.rule(
                false,
                "mbrNo",
                "UNKNOWN_MEMBER",
                "알 수 없는 회원입니다: 회원(members)을 먼저 보내 주세요.",
            );
        }
        for (i, l) in o.lines.iter().enumerate() {
            if !tx.item_exists(&l.goods_no, &l.itm_no)? {
                check.rule(
                    false,
                    &format!("lines[{i}].itmNo"),
                    "UNKNOWN_GOODS",
                    "알 수 없는 상품 또는 옵션입니다: 상품(goods)을 먼저 보내 주세요.",
                );
            }
        }
    }
    let Some(at) = at.filter(|_| check.0.is_empty()) else {
        return Ok(check.0);
    };
    tx.upsert_order(&o.ord_no, &o.mbr_no, &at)?;
    tx.clear_order_lines(&o.ord_no)?;
    for (i, l) in o.lines.iter().enumerate() {
        tx.insert_order_line(&NewOrderLine {
            ord_no: &o.ord_no,
            ord_seq: i as u32 + 1,
            goods_no: &l.goods_no,
            itm_no: &l.itm_no,
            qty: l.ord_qty,
            amount: l.ord_amt,
        })?;
    }
    Ok(Vec::new())
}
