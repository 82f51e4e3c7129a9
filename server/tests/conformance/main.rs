//! The storage port's conformance suite: every operation and rule of `store::Tx`, asserted the
//! same way on SQLite and on PostgreSQL (a fresh database on `INQUIRY_TEST_POSTGRES_URL`, which
//! `cargo xtask test` starts). An engine that answers differently fails here, not in a
//! customer's list. This file holds the harness and the fixture; a module per area.

#[path = "../common/mod.rs"]
mod common;

mod access_log;
mod catalog;
mod deadlines;
mod feed;
mod inquiries;
mod kept;
mod keys;
mod memos;
mod outbox;
mod report;
mod satisfaction;
mod templates;
mod transactions;
mod transfers;

use std::future::Future;

use chrono::NaiveDate;
use inquiry_server::{
    model::{ReplyAuthor, Status},
    store::{
        records::TemplateRecord, Assignee, Lease, ListFilter, NewGoods, NewItem, NewMember,
        NewNotification, NewOrderLine, NewTransfer, NewType, NotificationOutcome, QuestionFields,
        RateCharge, SellerFilter, SellerState, Store, StoreError, StoredFile, TokenHolder,
        TokenRole, Totals, Tx, TypeLookup,
    },
};

/// Runs `check` against a fresh, empty store of each engine.
pub(crate) async fn on_every_engine<F, Fut>(check: F)
where
    F: Fn(Store, &'static str) -> Fut,
    Fut: Future<Output = ()>,
{
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Store::open(None, &dir.path().join("c.db")).await.unwrap();
    check(sqlite, "sqlite").await;
    if let Some(admin) = common::postgres_admin_url() {
        let url = common::fresh_postgres_database(&admin).await;
        let pg = Store::open(Some(&url), &dir.path().join("unused.db"))
            .await
            .unwrap();
        check(pg, "postgres").await;
    }
}

pub(crate) const T0: &str = "2026-12-01T00:00:00.000000Z";
pub(crate) const T1: &str = "2026-12-02T00:00:00.000000Z";
pub(crate) const T2: &str = "2026-12-03T00:00:00.000000Z";

/// Two members, a counselor, a type tree, goods with an option and a seller, an order.
pub(crate) fn fixture(tx: &mut dyn Tx) -> Result<(), StoreError> {
    for (no, name) in [("M1", "김하늘"), ("M2", "이바다")] {
        tx.upsert_member(&NewMember {
            mbr_no: no,
            name,
            phone: Some("010-1234-5678"),
            email: None,
            lang: "ko",
        })?;
    }
    tx.upsert_counselor("C1", "상담원")?;
    tx.insert_token("h-member", TokenRole::Member, "M1", T0)?;
    tx.insert_token("h-counselor", TokenRole::Counselor, "C1", T0)?;
    tx.upsert_vendor("V1", "판매자")?;
    tx.issue_vendor_key("ak", "V1", "sk", T0)?;
    for t in [
        NewType {
            no: "L1",
            name: "배송",
            parent: None,
            sort_seq: 1,
            goods_required: false,
            answer_days: 1,
        },
        NewType {
            no: "S1",
            name: "배송 지연",
            parent: Some("L1"),
            sort_seq: 1,
            goods_required: true,
            answer_days: 2,
        },
        NewType {
            no: "L2",
            name: "빈 분류",
            parent: None,
            sort_seq: 2,
            goods_required: false,
            answer_days: 1,
        },
    ] {
        tx.insert_type(&t)?;
    }
    tx.upsert_goods(&NewGoods {
        goods_no: "G1",
        name: "100% 면_티셔츠",
        brand: "하루",
        category: "의류",
        price: 19_900,
        image_file: Some("G1.png"),
        vendor_id: Some("V1"),
        sale_start: Some("2025-01-01"),
        sale_end: None,
    })?;
    tx.upsert_item(&NewItem {
        goods_no: "G1",
        itm_no: "001",
        name: "M",
        vendor_item_id: Some(77),
    })?;
    tx.upsert_order("O1", "M1", T0)?;
    tx.insert_order_line(&NewOrderLine {
        ord_no: "O1",
        ord_seq: 1,
        goods_no: "G1",
        itm_no: "001",
        qty: 2,
        amount: 39_800,
    })?;
    tx.insert_template(
        &TemplateRecord {
            no: "T1".into(),
            name: "공통".into(),
            content: "안녕하세요".into(),
            type_no: None,
            owner: None,
            use_count: 0,
        },
        1,
    )?;
    Ok(())
}

pub(crate) fn fields(title: &str, with_goods: bool) -> QuestionFields {
    QuestionFields {
        cnsl_typ_no: "S1".into(),
        ccn_title: title.into(),
        accp_cont: format!("{title} 내용"),
        goods_no: with_goods.then(|| "G1".into()),
        itm_no: with_goods.then(|| "001".into()),
        ord_no: with_goods.then(|| "O1".into()),
        sms_rcv_yn: true,
        email_rcv_yn: false,
        ref_ccn_no: None,
    }
}

pub(crate) fn all(mbr_no: Option<&str>) -> ListFilter {
    ListFilter {
        mbr_no: mbr_no.map(str::to_owned),
        from: T0.into(),
        until: "2027".into(),
        ..ListFilter::default()
    }
}

/// Registers an inquiry of M1 at `at`; its number.
pub(crate) fn register(tx: &mut dyn Tx, title: &str, at: &str) -> Result<String, StoreError> {
    let no = tx.next_ccn_no(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())?;
    tx.insert_question(&no, "M1", &fields(title, true), Status::Received, at, None)?;
    Ok(no)
}
