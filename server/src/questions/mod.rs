//! The member's write operations on an inquiry, free of HTTP: each checks every rule (the
//! client's checks are repeated here), runs its transaction and tidies the photo files.
//! Handlers in `api::fo::write` only extract the request and shape the response.

mod delete;
mod modify;
mod register;
pub mod satisfaction;
pub mod versions;

pub use delete::delete;
pub use modify::modify;
pub use register::{register, Saved};

use crate::{
    api::form::QuestionForm,
    config::Limits,
    error::{ApiError, FieldError},
    model::Status,
    rules,
    store::{QuestionFields, StoreResult, Tx, TypeLookup},
};

/// Text rules of the inquiry form (no database needed).
pub(crate) fn form_fields(
    form: &QuestionForm,
    limits: &Limits,
    errors: &mut Vec<FieldError>,
) -> QuestionFields {
    let cnsl_typ_no = rules::ident("cnslTypNo", form.get("cnslTypNo"), errors);
    if cnsl_typ_no.is_none() && !errors.iter().any(|e| e.field == "cnslTypNo") {
        errors.push(FieldError::new(
            "cnslTypNo",
            "REQUIRED",
            "문의 유형을 선택해 주세요.",
        ));
    }
    QuestionFields {
        cnsl_typ_no: cnsl_typ_no.unwrap_or_default(),
        ccn_title: rules::text(
            "ccnTitle",
            "제목",
            form.get("ccnTitle"),
            limits.title_max_chars,
            rules::Lines::One,
            errors,
        ),
        accp_cont: rules::text(
            "accpCont",
            "문의 내용",
            form.get("accpCont"),
            limits.content_max_chars,
            rules::Lines::Many,
            errors,
        ),
        goods_no: rules::ident("goodsNo", form.get("goodsNo"), errors),
        itm_no: rules::ident("itmNo", form.get("itmNo"), errors),
        ord_no: rules::ident("ordNo", form.get("ordNo"), errors),
        sms_rcv_yn: rules::yn("smsRcvYn", form.get("smsRcvYn"), errors),
        email_rcv_yn: rules::yn("emailRcvYn", form.get("emailRcvYn"), errors),
        ref_ccn_no: rules::ident("refCcnNo", form.get("refCcnNo"), errors),
    }
}

/// Rules that need the database: type is a leaf, goods/item exist, the order is the member's,
/// goods required by the type, the referenced inquiry is the member's.
pub(crate) fn reference_rules(
    tx: &mut dyn Tx,
    mbr_no: &str,
    f: &QuestionFields,
    errors: &mut Vec<FieldError>,
) -> StoreResult<()> {
    if !f.cnsl_typ_no.is_empty() {
        match tx.lookup_type(&f.cnsl_typ_no)? {
            TypeLookup::Unknown => errors.push(FieldError::new(
                "cnslTypNo",
                "UNKNOWN_TYPE",
                format!(
                    "존재하지 않는 문의 유형입니다 (cnslTypNo: {}).",
                    f.cnsl_typ_no
                ),
            )),
            TypeLookup::NotLeaf => errors.push(FieldError::new(
                "cnslTypNo",
                "NOT_LEAF_TYPE",
                "상위 분류가 아닌 세부 문의 유형을 선택해 주세요.",
            )),
            TypeLookup::Leaf { goods_required } => {
                if goods_required && f.goods_no.is_none() {
                    errors.push(FieldError::new(
                        "goodsNo",
                        "GOODS_REQUIRED",
                        "선택한 문의 유형은 상품을 선택해야 합니다. 최근 주문 상품이나 상품 검색에서 상품을 선택해 주세요.",
                    ));
                }
            }
        }
    }
    if let Some(goods_no) = &f.goods_no {
        if !tx.goods_exists(goods_no)? {
            errors.push(FieldError::new(
                "goodsNo",
                "UNKNOWN_GOODS",
                format!("존재하지 않는 상품입니다 (goodsNo: {goods_no})."),
            ));
        } else if let Some(itm_no) = &f.itm_no {
            if !tx.item_exists(goods_no, itm_no)? {
                errors.push(FieldError::new(
                    "itmNo",
                    "UNKNOWN_ITEM",
                    format!("상품에 없는 옵션입니다 (itmNo: {itm_no})."),
                ));
            }
        }
    } else if f.itm_no.is_some() {
        errors.push(FieldError::new(
            "itmNo",
            "GOODS_REQUIRED",
            "옵션(itmNo)은 상품(goodsNo)과 함께 보내야 합니다.",
        ));
    }
    if let Some(ord_no) = &f.ord_no {
        if !tx.order_owned(ord_no, mbr_no)? {
            errors.push(FieldError::new(
                "ordNo",
                "UNKNOWN_ORDER",
                format!("회원님의 주문에서 주문번호 {ord_no}을(를) 찾을 수 없습니다."),
            ));
        } else if let Some(goods_no) = &f.goods_no {
            if tx.goods_exists(goods_no)? && !tx.order_has_goods(ord_no, goods_no)? {
                errors.push(FieldError::new(
                    "goodsNo",
                    "GOODS_NOT_IN_ORDER",
                    format!("주문번호 {ord_no}에 없는 상품입니다 (goodsNo: {goods_no})."),
                ));
            }
        }
    }
    if let Some(ref_no) = &f.ref_ccn_no {
        if tx.question_status(ref_no, Some(mbr_no))?.is_none() {
            errors.push(FieldError::new(
                "refCcnNo",
                "UNKNOWN_REF",
                format!("참조한 문의를 찾을 수 없습니다 (refCcnNo: {ref_no})."),
            ));
        }
    }
    Ok(())
}

/// A photo that passed every check, ready to store: its sniffed type and its bytes without
/// metadata.
pub(crate) struct CheckedPhoto {
    pub file_nm: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// Checks every uploaded photo (size and type from the bytes, then the whole file decoded within
/// the pixel budget, still, metadata removed; see `photo_check`), off the async threads: a
/// decode takes milliseconds to a second. Returns the acceptable ones, in order.
pub(crate) async fn photo_rules(
    form: &QuestionForm,
    limits: &Limits,
    errors: &mut Vec<FieldError>,
) -> Result<Vec<CheckedPhoto>, ApiError> {
    let uploads: Vec<_> = form
        .files
        .iter()
        .map(|f| (f.file_nm.clone(), f.bytes.clone()))
        .collect();
    let limits = limits.clone();
    let (checked, found) = tokio::task::spawn_blocking(move || {
        let mut errors = Vec::new();
        let checked: Vec<CheckedPhoto> = uploads
            .into_iter()
            .enumerate()
            .filter_map(|(i, (file_nm, bytes))| {
                let content_type = rules::photo(i, &file_nm, &bytes, &limits, &mut errors)?;
                let bytes =
                    rules::photo_content(i, &file_nm, &bytes, content_type, &limits, &mut errors)?;
                Some(CheckedPhoto {
                    file_nm,
                    content_type,
                    bytes,
                })
            })
            .collect();
        (checked, errors)
    })
    .await
    .map_err(ApiError::internal)?;
    errors.extend(found);
    Ok(checked)
}

pub(crate) fn conflict(ccn_no: &str, status: Status, verb: &str) -> ApiError {
    ApiError::StatusConflict {
        message: format!(
            "현재 '{}' 상태인 문의는 {verb}할 수 없습니다. '접수완료' 상태에서만 {verb}할 수 있습니다.",
            status.name()
        ),
        payload: serde_json::to_value(crate::api::present::status(ccn_no, status, None))
            .unwrap_or_default(),
    }
}
