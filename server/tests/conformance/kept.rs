//! The records the law keeps (`store::KeptRecords`): withdrawal, versions, the retention
//! purge's reads and deletes, a 회원 탈퇴, the access log and its append-only table.

use inquiry_server::store::{AccessFilter, ActorRole, ExpiredInquiry, NewAccess};

use crate::*;

fn access(at: &str, actor: &str, action: &str, ccn: Option<&str>, mbr: Option<&str>) -> NewAccess {
    NewAccess {
        at: at.into(),
        role: ActorRole::Counselor,
        actor_no: actor.into(),
        actor_nm: format!("상담원 {actor}"),
        client_ip: Some("10.1.2.3".into()),
        action: action.into(),
        ccn_no: ccn.map(str::to_owned),
        mbr_no: mbr.map(str::to_owned),
        detail: "사유, 쉼표".into(),
    }
}

fn period() -> AccessFilter {
    AccessFilter {
        from: T0.into(),
        until: "2027".into(),
        ..AccessFilter::default()
    }
}

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
            tx.insert_notification(&NewNotification {
                ccn_no: &answered,
                channel: "SMS",
                rcpt_masked: "010-****-5678",
                lang: "ko",
                subject: "s",
                body: "b",
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
async fn the_access_log_filters_pages_counts_and_purges() {
    on_every_engine(|s, engine| async move {
        s.write(|tx| {
            tx.append_access(&access(
                "2026-12-01T00:10:00.000Z",
                "C1",
                "VIEW_DETAIL",
                Some("1"),
                Some("M1"),
            ))?;
            tx.append_access(&access(
                "2026-12-01T00:20:00.000Z",
                "C1",
                "VIEW_DETAIL",
                Some("2"),
                Some("M2"),
            ))?;
            tx.append_access(&access(
                "2026-12-01T01:05:00.000Z",
                "C2",
                "TAKE",
                Some("1"),
                Some("M1"),
            ))?;
            tx.append_access(&access(
                "2026-12-02T00:00:00.000Z",
                "C1",
                "EXPORT_LOG",
                None,
                None,
            ))?;
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        s.read(move |tx| {
            let (rows, total) = tx.access_log(&period(), 1, 2)?;
            assert_eq!(total, 4, "{engine}");
            assert_eq!(
                rows.iter()
                    .map(|r| r.entry.action.as_str())
                    .collect::<Vec<_>>(),
                ["EXPORT_LOG", "TAKE"],
                "{engine}: newest first"
            );
            let e = &rows[1].entry;
            assert_eq!(
                (
                    e.role,
                    e.actor_nm.as_str(),
                    e.client_ip.as_deref(),
                    e.detail.as_str()
                ),
                (
                    ActorRole::Counselor,
                    "상담원 C2",
                    Some("10.1.2.3"),
                    "사유, 쉼표"
                )
            );
            let (page2, _) = tx.access_log(&period(), 2, 2)?;
            assert_eq!(page2.len(), 2);
            assert!(page2[0].log_no < rows[1].log_no, "{engine}");
            for (filter, expected) in [
                (
                    AccessFilter {
                        actor_no: Some("C1".into()),
                        ..period()
                    },
                    3,
                ),
                (
                    AccessFilter {
                        mbr_no: Some("M1".into()),
                        ..period()
                    },
                    2,
                ),
                (
                    AccessFilter {
                        ccn_no: Some("2".into()),
                        ..period()
                    },
                    1,
                ),
                (
                    AccessFilter {
                        action: Some("VIEW_DETAIL".into()),
                        ..period()
                    },
                    2,
                ),
                (
                    AccessFilter {
                        until: "2026-12-01T01:00:00.000Z".into(),
                        actor_no: Some("C1".into()),
                        ..period()
                    },
                    2,
                ),
            ] {
                assert_eq!(
                    tx.access_log(&filter, 1, 10)?.1,
                    expected,
                    "{engine}: {filter:?}"
                );
            }
            let counts = tx.access_counts(T0, "2027")?;
            let c1_views = counts
                .iter()
                .find(|c| c.actor_no == "C1" && c.action == "VIEW_DETAIL")
                .unwrap();
            assert_eq!(
                (c1_views.hour.as_str(), c1_views.count),
                ("2026-12-01T00", 2),
                "{engine}"
            );
            assert_eq!(counts.len(), 3, "{engine}: per actor, action and hour");
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        let removed = s
            .write(|tx| tx.purge_access_log("2026-12-01T01:00:00.000Z", 1))
            .await
            .unwrap();
        assert_eq!(removed, 1, "{engine}: at most the batch");
        let removed = s
            .write(|tx| tx.purge_access_log("2026-12-01T01:00:00.000Z", 10))
            .await
            .unwrap();
        assert_eq!(removed, 1, "{engine}: only older than the cutoff");
        let left = s.read(|tx| tx.access_log(&period(), 1, 10)).await.unwrap();
        assert_eq!(left.1, 2, "{engine}");
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

#[tokio::test]
async fn the_access_log_refuses_updates_on_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let sqlite = Store::open(None, &path).await.unwrap();
    sqlite
        .write(|tx| tx.append_access(&access(T0, "C1", "VIEW_DETAIL", Some("1"), Some("M1"))))
        .await
        .unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    let refused = raw
        .execute("UPDATE acs_log SET actor_no = 'someone else'", [])
        .unwrap_err();
    assert!(refused.to_string().contains("append-only"), "{refused}");
    if let Some(admin) = common::postgres_admin_url() {
        let url = common::fresh_postgres_database(&admin).await;
        let pg = Store::open(Some(&url), &dir.path().join("unused.db"))
            .await
            .unwrap();
        pg.write(|tx| tx.append_access(&access(T0, "C1", "VIEW_DETAIL", Some("1"), Some("M1"))))
            .await
            .unwrap();
        let refused = tokio::task::spawn_blocking(move || {
            inquiry_server::store::postgres::execute_once(
                &url,
                "UPDATE acs_log SET actor_no = 'someone else'",
            )
        })
        .await
        .unwrap()
        .unwrap_err();
        assert!(refused.to_string().contains("append-only"), "{refused}");
        let (rows, _) = pg.read(|tx| tx.access_log(&period(), 1, 10)).await.unwrap();
        assert_eq!(rows[0].entry.actor_no, "C1");
    }
}

/// Two instances (two pools on one PostgreSQL database): while one holds the purge lock the
/// other's purge round finds it taken; the lock ends with its transaction. (SQLite has one
/// writer: a second purge simply waits.)
#[tokio::test]
async fn one_purge_at_a_time_across_instances_on_postgres() {
    let Some(admin) = common::postgres_admin_url() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = common::fresh_postgres_database(&admin).await;
    let a = Store::open(Some(&url), &dir.path().join("a.db"))
        .await
        .unwrap();
    let b = Store::open(Some(&url), &dir.path().join("b.db"))
        .await
        .unwrap();
    let (held_tx, held_rx) = std::sync::mpsc::channel();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let first = tokio::spawn(async move {
        a.write(move |tx| {
            let got = tx.try_purge_lock()?;
            held_tx.send(got).unwrap();
            release_rx.recv().unwrap();
            Ok::<_, StoreError>(got)
        })
        .await
    });
    let held = tokio::task::spawn_blocking(move || held_rx.recv().unwrap())
        .await
        .unwrap();
    assert!(held, "the first instance takes the lock");
    assert!(
        !b.write(|tx| tx.try_purge_lock()).await.unwrap(),
        "the second finds it held"
    );
    release_tx.send(()).unwrap();
    assert!(first.await.unwrap().unwrap());
    assert!(
        b.write(|tx| tx.try_purge_lock()).await.unwrap(),
        "released at the first's commit"
    );
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
