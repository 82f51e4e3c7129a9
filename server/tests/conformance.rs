//! The storage port's conformance suite: every operation and rule of `store::Tx`, asserted the
//! same way on SQLite and on PostgreSQL (a fresh database on `INQUIRY_TEST_POSTGRES_URL`, which
//! `cargo xtask test` starts). An engine that answers differently fails here, not in a
//! customer's list.

mod common;

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
async fn on_every_engine<F, Fut>(check: F)
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

const T0: &str = "2026-12-01T00:00:00.000000Z";
const T1: &str = "2026-12-02T00:00:00.000000Z";
const T2: &str = "2026-12-03T00:00:00.000000Z";

/// Two members, a counselor, a type tree, goods with an option and a seller, an order.
fn fixture(tx: &mut dyn Tx) -> Result<(), StoreError> {
    for (no, name) in [("M1", "김하늘"), ("M2", "이바다")] {
        tx.insert_member(&NewMember {
            mbr_no: no,
            name,
            phone: Some("010-1234-5678"),
            email: None,
            lang: "ko",
        })?;
    }
    tx.insert_counselor("C1", "상담원")?;
    tx.insert_token("h-member", TokenRole::Member, "M1", T0)?;
    tx.insert_token("h-counselor", TokenRole::Counselor, "C1", T0)?;
    tx.insert_vendor("V1", "판매자")?;
    tx.insert_vendor_key("ak", "V1", "sk")?;
    for t in [
        NewType {
            no: "L1",
            name: "배송",
            parent: None,
            sort_seq: 1,
            goods_required: false,
        },
        NewType {
            no: "S1",
            name: "배송 지연",
            parent: Some("L1"),
            sort_seq: 1,
            goods_required: true,
        },
        NewType {
            no: "L2",
            name: "빈 분류",
            parent: None,
            sort_seq: 2,
            goods_required: false,
        },
    ] {
        tx.insert_type(&t)?;
    }
    tx.insert_goods(&NewGoods {
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
    tx.insert_item(&NewItem {
        goods_no: "G1",
        itm_no: "001",
        name: "M",
        vendor_item_id: Some(77),
    })?;
    tx.insert_order("O1", "M1", T0)?;
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
        },
        1,
    )?;
    Ok(())
}

fn fields(title: &str, with_goods: bool) -> QuestionFields {
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

fn all(mbr_no: Option<&str>) -> ListFilter {
    ListFilter {
        mbr_no: mbr_no.map(str::to_owned),
        from: T0.into(),
        until: "2027".into(),
        ..ListFilter::default()
    }
}

/// Registers an inquiry of M1 at `at`; its number.
fn register(tx: &mut dyn Tx, title: &str, at: &str) -> Result<String, StoreError> {
    let no = tx.next_ccn_no(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())?;
    tx.insert_question(&no, "M1", &fields(title, true), Status::Received, at)?;
    Ok(no)
}

#[tokio::test]
async fn catalog_people_and_tokens_read_back_alike() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.read(move |tx| {
            assert_eq!(tx.member_count()?, 2, "{engine}");
            let tree = tx.type_tree()?;
            assert_eq!(
                tree.len(),
                1,
                "{engine}: a large type without leaves is left out"
            );
            assert!(tree[0].leaves[0].needs_goods);
            assert_eq!(
                tx.lookup_type("S1")?,
                TypeLookup::Leaf {
                    goods_required: true
                }
            );
            assert_eq!(tx.lookup_type("L1")?, TypeLookup::NotLeaf);
            assert_eq!(tx.lookup_type("nope")?, TypeLookup::Unknown);
            assert!(tx.goods_exists("G1")? && !tx.goods_exists("G2")?);
            assert!(tx.item_exists("G1", "001")? && !tx.item_exists("G1", "002")?);
            assert!(tx.order_owned("O1", "M1")? && !tx.order_owned("O1", "M2")?);
            assert!(tx.order_has_goods("O1", "G1")? && !tx.order_has_goods("O1", "G2")?);
            // LIKE wildcards in a keyword are literal on both engines.
            assert_eq!(tx.search_goods(Some("100%"), 1, 10)?.1, 1, "{engine}");
            assert_eq!(tx.search_goods(Some("면_티"), 1, 10)?.1, 1, "{engine}");
            assert_eq!(tx.search_goods(Some("0%면"), 1, 10)?.1, 0, "{engine}");
            let (found, total) = tx.search_goods(None, 1, 10)?;
            assert_eq!(
                (total, found[0].items.clone()),
                (1, vec![("001".into(), "M".into())])
            );
            let (lines, total) = tx.order_goods("M1", 1, 10)?;
            assert_eq!(
                (total, lines[0].amount, lines[0].qty),
                (1, 39_800, 2),
                "{engine}"
            );
            assert_eq!(tx.order_goods("M2", 1, 10)?.1, 0);
            assert_eq!(
                tx.token_holder("h-member")?,
                Some(TokenHolder::Member {
                    mbr_no: "M1".into()
                })
            );
            assert_eq!(
                tx.token_holder("h-counselor")?,
                Some(TokenHolder::Counselor {
                    cnslr_no: "C1".into(),
                    name: "상담원".into()
                })
            );
            assert_eq!(tx.token_holder("nope")?, None);
            assert_eq!(tx.counselors()?.len(), 1);
            assert_eq!(tx.answer_templates("S1")?.len(), 1);
            let key = tx.vendor_key("ak")?.unwrap();
            assert_eq!(
                (key.vendor_id.as_str(), key.secret_key.as_str()),
                ("V1", "sk")
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn an_inquiry_is_written_read_listed_changed_and_deleted_alike() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let (a, b) = s
            .write(|tx| {
                let a = register(tx, "첫 문의", T1)?;
                let b = register(tx, "둘째 문의", T2)?;
                let file = StoredFile {
                    file_seq: 1,
                    file_nm: "사진.png".into(),
                    stored_nm: "x.png".into(),
                    content_type: "image/png".into(),
                    file_size: 10,
                };
                tx.insert_file(&a, 1, &file, T1)?;
                Ok::<_, StoreError>((a, b))
            })
            .await
            .unwrap();
        assert_ne!(a, b, "{engine}: numbers never repeat");
        let (a2, b2) = (a.clone(), b.clone());
        s.read(move |tx| {
            let d = tx.question_detail(&a2, Some("M1"))?.unwrap();
            assert_eq!(
                (d.status, d.files.len(), d.goods.unwrap().item_name),
                (Status::Received, 1, Some("M".into()))
            );
            assert!(!d.answer_read && d.assignee.is_none(), "{engine}");
            assert!(
                tx.question_detail(&a2, Some("M2"))?.is_none(),
                "{engine}: another member's is not found"
            );
            assert_eq!(tx.question_status(&a2, None)?, Some(Status::Received));
            let (rows, total) = tx.list_questions(&all(Some("M1")), 1, 1, &Totals::uncached())?;
            assert_eq!(
                (total, rows[0].ccn_no.as_str()),
                (2, b2.as_str()),
                "{engine}: newest first"
            );
            assert_eq!(rows[0].photo_count, 0);
            let oldest = ListFilter {
                oldest_first: true,
                ..all(None)
            };
            let (rows, _) = tx.list_questions(&oldest, 1, 10, &Totals::uncached())?;
            assert_eq!(
                (rows[0].ccn_no.as_str(), rows[0].photo_count),
                (a2.as_str(), 1)
            );
            let keyword = ListFilter {
                keyword: Some("둘째".into()),
                ..all(Some("M1"))
            };
            assert_eq!(
                tx.list_questions(&keyword, 1, 10, &Totals::uncached())?.1,
                1
            );
            let typed = ListFilter {
                type_no: Some("L1".into()),
                ..all(None)
            };
            assert_eq!(
                tx.list_questions(&typed, 1, 10, &Totals::uncached())?.1,
                2,
                "{engine}: a large type takes its leaves"
            );
            let nobody = ListFilter {
                assignee: Some(Assignee::Nobody),
                ..all(None)
            };
            assert_eq!(tx.status_counts(&nobody, &Totals::uncached())?, [2, 0, 0]);
            assert_eq!(
                tx.list_questions(&all(Some("M2")), 1, 10, &Totals::uncached())?
                    .1,
                0
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        // Changed while received; a take makes it 처리중 and locks the customer out.
        let (a3, b3) = (a.clone(), b.clone());
        s.write(move |tx| {
            assert!(tx.lock_inquiry(&a3)?);
            assert!(!tx.lock_inquiry("nope")?, "{engine}");
            assert!(tx.update_question_if_received(&a3, "M1", &fields("고친 제목", false), T2)?);
            assert!(!tx.update_question_if_received(&a3, "M2", &fields("남의 것", false), T2)?);
            tx.delete_file(&a3, 1)?;
            tx.set_status(&b3, Status::InProgress, None)?;
            tx.set_assignee(&b3, "C1")?;
            assert!(!tx.update_question_if_received(&b3, "M1", &fields("늦음", false), T2)?);
            assert!(
                !tx.delete_question_if_received(&b3, "M1")?,
                "{engine}: past 접수완료"
            );
            assert!(tx.delete_question_if_received(&a3, "M1")?);
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        let b4 = b.clone();
        s.read(move |tx| {
            assert_eq!(tx.question_status(&a, None)?, None, "{engine}: deleted");
            let (status, holder) = tx.question_state(&b4)?.unwrap();
            assert_eq!(
                (status, holder.unwrap().name.as_str()),
                (Status::InProgress, "상담원")
            );
            let mine = ListFilter {
                assignee: Some(Assignee::Counselor("C1".into())),
                ..all(None)
            };
            assert_eq!(tx.status_counts(&mine, &Totals::uncached())?, [0, 1, 0]);
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn the_thread_numbers_replies_and_tracks_reading() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let no = s.write(|tx| register(tx, "문의", T1)).await.unwrap();
        let n = no.clone();
        s.write(move |tx| {
            assert!(
                !tx.mark_answer_read(&n, "M1", T2)?,
                "{engine}: nothing answered yet"
            );
            assert_eq!(
                tx.append_reply(&n, ReplyAuthor::Counselor, "상담원", "답변", T1)?,
                1
            );
            tx.set_status(&n, Status::Answered, Some(T1))?;
            assert_eq!(
                tx.append_reply(&n, ReplyAuthor::Seller, "판매자", "추가", T2)?,
                2
            );
            assert!(!tx.mark_answer_read(&n, "M2", T2)?, "{engine}: not theirs");
            assert!(tx.mark_answer_read(&n, "M1", T2)?);
            assert!(
                !tx.mark_answer_read(&n, "M1", T2)?,
                "{engine}: read already"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        s.read(move |tx| {
            let d = tx.question_detail(&no, None)?.unwrap();
            let authors: Vec<_> = d.replies.iter().map(|r| (r.seq, r.author)).collect();
            assert_eq!(
                authors,
                [(1, ReplyAuthor::Counselor), (2, ReplyAuthor::Seller)]
            );
            assert_eq!(
                (d.status, d.answered_at.as_deref(), d.answer_read),
                (Status::Answered, Some(T1), true)
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn idempotency_keys_are_claimed_once_and_expire() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let a = register(tx, "키", T1)?;
            assert!(tx.claim_idempotency("M1", "k", "h", &a, T1, T0)?);
            assert!(
                !tx.claim_idempotency("M1", "k", "h", "other", T1, T0)?,
                "{engine}: claimed once"
            );
            assert!(
                tx.claim_idempotency("M2", "k", "h", &a, T1, T0)?,
                "per member"
            );
            let r = tx.idempotency_record("M1", "k", T0)?.unwrap();
            assert_eq!(
                (r.req_hash.as_str(), r.ccn_no.as_str(), r.inquiry_exists),
                ("h", a.as_str(), true)
            );
            // Past its freshness the key is free again, and the old use is replaced.
            assert_eq!(tx.idempotency_record("M1", "k", T2)?, None);
            assert!(
                tx.claim_idempotency("M1", "k", "h2", &a, T2, T2)?,
                "{engine}: an expired key is free"
            );
            assert!(tx.delete_question_if_received(&a, "M1")?);
            let r = tx.idempotency_record("M1", "k", T2)?.unwrap();
            assert_eq!(
                (r.req_hash.as_str(), r.inquiry_exists),
                ("h2", false),
                "{engine}"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn a_rate_bucket_allows_its_minute_then_says_how_long_to_wait() {
    on_every_engine(|s, engine| async move {
        s.write(move |tx| {
            let at = |now_ms| RateCharge {
                bucket: "W:M1",
                now_ms: Some(now_ms),
                per_minute: 3,
            };
            for _ in 0..3 {
                assert_eq!(tx.charge_rate(&at(1_000_000))?, Ok(()), "{engine}");
            }
            assert_eq!(
                tx.charge_rate(&at(1_000_000))?,
                Err(20_000),
                "{engine}: one interval"
            );
            assert_eq!(tx.charge_rate(&at(1_015_000))?, Err(5_000));
            assert_eq!(
                tx.charge_rate(&at(1_020_000))?,
                Ok(()),
                "{engine}: a slot came free"
            );
            let other = RateCharge {
                bucket: "W:M2",
                now_ms: Some(1_000_000),
                per_minute: 3,
            };
            assert_eq!(tx.charge_rate(&other)?, Ok(()), "per bucket");
            assert_eq!(
                tx.prune_rates(1_050_000)?,
                1,
                "{engine}: only the idle bucket"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn notifications_are_claimed_under_a_lease_by_one_owner() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let no = s.write(|tx| register(tx, "알림", T1)).await.unwrap();
        s.write(move |tx| {
            let row = |channel, failed| NewNotification {
                ccn_no: &no,
                channel,
                rcpt_masked: "010-****-5678",
                lang: "ko",
                subject: "답변",
                body: "본문",
                now: T0,
                failed,
            };
            let sms = tx.insert_notification(&row("SMS", None))?;
            tx.insert_notification(&row("EMAIL", Some("이메일 주소가 없습니다")))?;
            assert_eq!(
                tx.notification_target(&no)?.unwrap().phone.as_deref(),
                Some("010-1234-5678")
            );
            let lease = |owner, now, until| Lease { owner, now, until };
            let claimed = tx.claim_notifications(&lease("a", T1, T2), 10)?;
            assert_eq!(claimed.len(), 1, "{engine}: a failed row is never claimed");
            assert_eq!(
                (claimed[0].ntf_no, claimed[0].address.as_deref()),
                (sms, Some("010-1234-5678"))
            );
            assert!(
                tx.claim_notifications(&lease("b", T1, T2), 10)?.is_empty(),
                "{engine}: leased"
            );
            assert_eq!(
                tx.next_notification_due()?.as_deref(),
                Some(T2),
                "{engine}: due when the lease ends"
            );
            // The lease ran out: another claimer takes it, and the first may no longer finish it.
            assert_eq!(
                tx.claim_notifications(&lease("b", T2, "2026-12-04"), 10)?
                    .len(),
                1
            );
            let sent = NotificationOutcome::Sent {
                attempts: 1,
                at: T2.into(),
            };
            assert!(!tx.finish_notification(sms, "a", &sent)?, "{engine}");
            assert_eq!(tx.release_notifications("b")?, 1);
            assert_eq!(
                tx.claim_notifications(&lease("c", T2, "2026-12-04"), 10)?
                    .len(),
                1,
                "{engine}: handed back"
            );
            let retry = NotificationOutcome::Retry {
                attempts: 1,
                next_try: "2026-12-05".into(),
                error: "busy".into(),
            };
            assert!(tx.finish_notification(sms, "c", &retry)?);
            assert!(
                tx.claim_notifications(&lease("c", "2026-12-04", "2026-12-06"), 10)?
                    .is_empty(),
                "not due yet"
            );
            assert_eq!(
                tx.claim_notifications(&lease("c", "2026-12-05", "2026-12-06"), 10)?
                    .len(),
                1
            );
            assert!(tx.finish_notification(sms, "c", &sent)?);
            let all = tx.notifications_of(&no)?;
            let states: Vec<_> = all
                .iter()
                .map(|n| (n.status.as_str(), n.attempts))
                .collect();
            assert_eq!(states, [("SENT", 1), ("FAILED", 0)], "{engine}");
            assert_eq!(tx.next_notification_due()?, None);
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn transfers_are_listed_for_their_seller_by_state() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let a = register(tx, "답변 필요", T1)?;
            let b = register(tx, "확인만", T2)?;
            assert_eq!(
                tx.seller_of_inquiry(&a)?,
                Some(("V1".into(), "판매자".into()))
            );
            for (no, need_answer) in [(&a, true), (&b, false)] {
                tx.insert_transfer(&NewTransfer {
                    ccn_no: no,
                    vendor_id: "V1",
                    need_answer,
                    note: "이관",
                    cnslr_no: "C1",
                    at: T1,
                    due: "2026-12-10",
                })?;
            }
            let list = |tx: &mut dyn Tx, state, now: &str| -> Result<u64, StoreError> {
                Ok(tx
                    .seller_inquiries(&SellerFilter {
                        vendor_id: "V1".into(),
                        accepted: None,
                        vendor_item_id: Some(77),
                        ord_no: Some("O1".into()),
                        state,
                        now: now.into(),
                        offset: 0,
                        limit: 10,
                    })?
                    .1)
            };
            assert_eq!(list(tx, SellerState::All, T2)?, 2, "{engine}");
            assert_eq!(list(tx, SellerState::NoAnswer, T2)?, 1);
            assert_eq!(list(tx, SellerState::Transfer, T2)?, 1);
            assert_eq!(list(tx, SellerState::Answered, T2)?, 0);
            assert_eq!(
                list(tx, SellerState::Answered, "2026-12-11")?,
                2,
                "{engine}: past the deadline"
            );
            tx.close_transfer(&a, "NONE", "wing01", T2)?;
            assert_eq!(list(tx, SellerState::NoAnswer, T2)?, 0);
            let t = tx.transfer_of(&a)?.unwrap();
            assert!(
                t.answered && t.need_answer && t.done_by.as_deref() == Some("wing01"),
                "{engine}"
            );
            assert_eq!(tx.seller_extras(&a)?.vendor_item_id, Some(77));
            let other = SellerFilter {
                vendor_id: "V2".into(),
                accepted: Some((T0.into(), "2027".into())),
                vendor_item_id: None,
                ord_no: None,
                state: SellerState::All,
                now: T2.into(),
                offset: 0,
                limit: 10,
            };
            assert_eq!(
                tx.seller_inquiries(&other)?.1,
                0,
                "{engine}: another seller sees none"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn a_failed_write_leaves_nothing_and_a_read_cannot_write() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let failed: Result<(), StoreError> = s
            .write(|tx| {
                register(tx, "롤백", T1)?;
                Err(StoreError::Unavailable("a rule refused".into()))
            })
            .await;
        assert!(failed.is_err());
        let refused = s.read(|tx| register(tx, "읽기 전용", T1)).await;
        assert!(
            refused.is_err(),
            "{engine}: a read transaction refuses writes"
        );
        let total = s
            .read(|tx| tx.list_questions(&all(None), 1, 10, &Totals::uncached()))
            .await
            .unwrap()
            .1;
        assert_eq!(total, 0, "{engine}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_get_distinct_numbers_and_serialise_on_an_inquiry() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let no = s.write(|tx| register(tx, "경합", T1)).await.unwrap();
        // Sixteen registrations at once: sixteen numbers.
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move {
                s.write(|tx| register(tx, "동시", T2)).await
            }));
        }
        let mut numbers = Vec::new();
        for t in tasks {
            numbers.push(t.await.unwrap().unwrap());
        }
        numbers.sort();
        numbers.dedup();
        assert_eq!(numbers.len(), 16, "{engine}");
        // Eight replies at once to one inquiry, each after taking its lock: eight distinct
        // places in the thread, none lost.
        let mut tasks = Vec::new();
        for i in 0..8 {
            let (s, no) = (s.clone(), no.clone());
            tasks.push(tokio::spawn(async move {
                s.write(move |tx| {
                    assert!(tx.lock_inquiry(&no)?);
                    tx.append_reply(&no, ReplyAuthor::Counselor, "상담원", &format!("{i}"), T2)
                })
                .await
            }));
        }
        let mut seqs = Vec::new();
        for t in tasks {
            seqs.push(t.await.unwrap().unwrap());
        }
        seqs.sort();
        assert_eq!(seqs, (1..=8).collect::<Vec<u32>>(), "{engine}");
    })
    .await;
}
