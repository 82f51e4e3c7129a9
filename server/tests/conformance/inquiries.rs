//! An inquiry and its thread: written, read, listed, changed, deleted.

use crate::*;

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
                !tx.withdraw_question_if_received(&b3, "M1", T2)?,
                "{engine}: past 접수완료"
            );
            assert!(tx.withdraw_question_if_received(&a3, "M1", T2)?);
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        let b4 = b.clone();
        s.read(move |tx| {
            assert_eq!(
                tx.question_status(&a, Some("M1"))?,
                None,
                "{engine}: withdrawn, gone for its member"
            );
            assert_eq!(
                tx.question_status(&a, None)?,
                Some(Status::Received),
                "{engine}: kept for the desk"
            );
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
