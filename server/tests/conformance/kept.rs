//! The records the law keeps (`store::KeptRecords`): withdrawal, versions, the retention
//! purge's reads and deletes, a 회원 탈퇴 and the manager's mark. The access log is
//! `access_log.rs`.

use inquiry_server::store::ExpiredInquiry;

use crate::*;

#[tokio::test]
async fn a_withdrawn_inquiry_leaves_every_list_and_view_but_the_desks() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let (a, b) = s
            .write(|tx| {
                Ok::<_, StoreError>((register(tx, "남길 것", T0)?, register(tx, "철회", T1)?))
            })
            .await
            .unwrap();
        let (a2, b2) = (a.clone(), b.clone());
        s.write(move |tx| {
            assert!(
                !tx.withdraw_question_if_received(&b2, "M2", T2)?,
                "{engine}: not theirs"
            );
            assert!(tx.withdraw_question_if_received(&b2, "M1", T2)?);
            assert!(
                !tx.withdraw_question_if_received(&b2, "M1", T2)?,
                "{engine}: once"
            );
            tx.set_status(&a2, Status::InProgress, None)?;
            assert!(
                !tx.withdraw_question_if_received(&a2, "M1", T2)?,
                "{engine}: past 접수완료"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        s.read(move |tx| {
            assert_eq!(tx.question_status(&b, Some("M1"))?, None, "{engine}");
            assert!(tx.question_detail(&b, Some("M1"))?.is_none(), "{engine}");
            let kept = tx.question_detail(&b, None)?.expect("kept for the desk");
            assert_eq!(kept.withdrawn_at.as_deref(), Some(T2), "{engine}");
            assert_eq!(tx.withdrawn_at(&b)?.as_deref(), Some(T2));
            assert_eq!(tx.withdrawn_at(&a)?, None);
            assert_eq!(tx.inquiry_owner(&b)?.as_deref(), Some("M1"));
            let totals = Totals::uncached();
            for filter in [all(Some("M1")), all(None)] {
                let (rows, total) = tx.list_questions(&filter, 1, 10, &totals)?;
                assert_eq!(
                    (
                        rows.iter().map(|r| r.ccn_no.clone()).collect::<Vec<_>>(),
                        total
                    ),
                    (vec![a.clone()], 1),
                    "{engine}: {filter:?}"
                );
                assert_eq!(tx.status_counts(&filter, &totals)?, [0, 1, 0], "{engine}");
            }
            let withdrawn = ListFilter {
                withdrawn: true,
                ..all(None)
            };
            let (rows, total) = tx.list_questions(&withdrawn, 1, 10, &totals)?;
            assert_eq!(
                (rows[0].ccn_no.as_str(), total),
                (b.as_str(), 1),
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
async fn versions_are_numbered_per_inquiry_in_order() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let a = register(tx, "a", T0)?;
            let b = register(tx, "b", T0)?;
            assert_eq!(tx.insert_version(&a, "{\"v\":1}", T1)?, 1);
            assert_eq!(
                tx.insert_version(&b, "{\"v\":1}", T1)?,
                1,
                "{engine}: per inquiry"
            );
            assert_eq!(tx.insert_version(&a, "{\"v\":2}", T2)?, 2);
            let v = tx.versions(&a)?;
            assert_eq!(
                v.iter()
                    .map(|v| (v.seq, v.snapshot.as_str(), v.replaced_at.as_str()))
                    .collect::<Vec<_>>(),
                [(1, "{\"v\":1}", T1), (2, "{\"v\":2}", T2)],
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
async fn the_purge_finds_exactly_what_ended_before_the_cutoff_and_removes_all_of_it() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let answered = register(tx, "답변됨", T0)?;
            tx.append_reply(&answered, ReplyAuthor::Counselor, "상담원", "답", T0)?;
            tx.set_status(&answered, Status::Answered, Some(T0))?;
            tx.insert_file(&answered, 1, &StoredFile {
                file_seq: 1,
                file_nm: "a.png".into(),
                stored_nm: "stored-a".into(),
                content_type: "image/png".into(),
                file_size: 3,
            }, T0)?;
            tx.insert_version(&answered, "{}", T0)?;
            let desk = inquiry_server::store::records::CounselorRef {
                no: "C1".into(),
                name: "상담원".into(),
            };
            tx.insert_memo(&answered, &desk, "내부 메모", T0)?;
            tx.insert_satisfaction(
                &answered,
                &inquiry_server::store::records::SatisfactionRecord {
                    satisfied: true,
                    reason: None,
                    comment: None,
                    at: T0.into(),
                },
            )?;
            tx.insert_notification(&NewNotification {
                ccn_no: &answered,
                channel: "SMS",
                rcpt_masked: "010-****-5678",
                lang: "ko",
                subject: "s",
                body: "b",
                params: None,
                now: T0,
                failed: None,
            })?;
            let withdrawn = register(tx, "철회됨", T0)?;
            assert!(tx.withdraw_question_if_received(&withdrawn, "M1", T1)?);
            let late = register(tx, "늦게 답변", T0)?;
            tx.set_status(&late, Status::Answered, Some(T2))?;
            let open = register(tx, "진행 중", T0)?;
            tx.set_status(&open, Status::InProgress, None)?;

            let exp = |ccn: &str| ExpiredInquiry {
                ccn_no: ccn.to_owned(),
                mbr_no: "M1".to_owned(),
            };
            assert_eq!(tx.expired_inquiries(T0, 10)?, [], "{engine}: nothing ended before T0");
            assert_eq!(
                tx.expired_inquiries(T2, 10)?,
                [exp(&answered), exp(&withdrawn)],
                "{engine}: answered at T0, withdrawn at T1, oldest first; not the one answered at T2"
            );
            assert_eq!(tx.expired_inquiries(T2, 1)?, [exp(&answered)], "{engine}: limit");

            assert!(tx.purge_inquiry(&answered)?);
            assert!(!tx.purge_inquiry(&answered)?, "{engine}: gone already");
            assert!(tx.question_detail(&answered, None)?.is_none());
            assert!(tx.files_of(&answered)?.is_empty());
            assert!(tx.versions(&answered)?.is_empty());
            assert!(tx.memos_of(&answered)?.is_empty(), "{engine}: memos go with it");
            assert_eq!(tx.satisfaction_of(&answered)?, None, "{engine}: and its rating");
            assert!(tx.notifications_of(&answered)?.is_empty());
            assert_eq!(tx.expired_inquiries(T2, 10)?, [exp(&withdrawn)], "{engine}");
            assert!(tx.question_detail(&late, None)?.is_some());
            assert!(tx.question_detail(&open, None)?.is_some());
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

#[tokio::test]
async fn a_member_who_leaves_is_anonymised_and_managers_are_marked() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let no = s
            .write(|tx| {
                let no = register(tx, "문의", T0)?;
                tx.insert_notification(&NewNotification {
                    ccn_no: &no,
                    channel: "SMS",
                    rcpt_masked: "010-****-5678",
                    lang: "ko",
                    subject: "김하늘님 답변",
                    body: "김하늘님, 답변이 등록되었습니다.",
                    params: Some(r#"{"고객명":"김하늘"}"#),
                    now: T0,
                    failed: None,
                })?;
                Ok::<_, StoreError>(no)
            })
            .await
            .unwrap();
        let n = no.clone();
        s.write(move |tx| {
            assert!(tx.anonymize_member("M1", "탈퇴회원", T1)?);
            assert!(
                !tx.anonymize_member("M1", "탈퇴회원", T1)?,
                "{engine}: once"
            );
            assert!(
                !tx.anonymize_member("M9", "탈퇴회원", T1)?,
                "{engine}: unknown"
            );
            let target = tx.notification_target(&n)?.unwrap();
            assert_eq!(
                (target.member_name.as_str(), target.phone, target.email),
                ("탈퇴회원", None, None),
                "{engine}"
            );
            let ntf = &tx.notifications_of(&n)?[0];
            assert_eq!(
                ntf.status, "FAILED",
                "{engine}: nothing is sent to who left"
            );
            assert!(
                tx.token_holder("h-member")?.is_none(),
                "{engine}: sessions forgotten"
            );
            assert_eq!(
                tx.question_detail(&n, None)?.unwrap().member.name,
                "탈퇴회원",
                "{engine}: the record stays, without the name"
            );
            tx.set_manager("C1", true)?;
            assert_eq!(
                tx.token_holder("h-counselor")?,
                Some(TokenHolder::Counselor {
                    cnslr_no: "C1".into(),
                    name: "상담원".into(),
                    manager: true,
                }),
                "{engine}"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}

/// A transfer moves an inquiry past 접수완료, so the rules never withdraw a transferred one;
/// the seller's list leaves withdrawn inquiries out all the same, on both engines.
#[tokio::test]
async fn the_sellers_list_leaves_withdrawn_inquiries_out() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let all = || SellerFilter {
                vendor_id: "V1".into(),
                accepted: None,
                vendor_item_id: None,
                ord_no: None,
                state: SellerState::All,
                now: T2.into(),
                offset: 0,
                limit: 10,
            };
            let mut numbers = Vec::new();
            for title in ["남는 이관", "철회된 이관"] {
                let no = register(tx, title, T0)?;
                tx.insert_transfer(&NewTransfer {
                    ccn_no: &no,
                    vendor_id: "V1",
                    need_answer: true,
                    note: "이관",
                    cnslr_no: "C1",
                    at: T1,
                    due: "2026-12-10",
                })?;
                numbers.push(no);
            }
            assert_eq!(tx.seller_inquiries(&all())?.1, 2, "{engine}");
            assert!(tx.withdraw_question_if_received(&numbers[1], "M1", T2)?);
            let (rows, total) = tx.seller_inquiries(&all())?;
            assert_eq!(
                (
                    rows.iter().map(|r| r.ccn_no.clone()).collect::<Vec<_>>(),
                    total
                ),
                (vec![numbers[0].clone()], 1),
                "{engine}"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
