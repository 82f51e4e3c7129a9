//! Answer deadlines: a type's target, the due time kept with an inquiry and read back in its
//! detail and list row, the desk's order by it, and the backfill of undated inquiries.

use inquiry_server::store::Undated;

use crate::*;

#[tokio::test]
async fn due_times_are_kept_read_back_ordered_and_backfilled() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            assert_eq!(tx.answer_target_days("S1")?, 2, "{engine}: the type's own");
            assert_eq!(tx.answer_target_days("L2")?, 1, "{engine}: the default");
            assert_eq!(
                tx.answer_target_days("NOPE")?,
                1,
                "{engine}: unknown: one day"
            );
            assert!(tx.set_answer_target_days("S1", 3)?, "{engine}");
            assert_eq!(
                tx.answer_target_days("S1")?,
                3,
                "{engine}: set by a manager"
            );
            assert!(
                !tx.set_answer_target_days("L1", 3)?,
                "{engine}: a large type has no target"
            );
            assert!(!tx.set_answer_target_days("NOPE", 3)?, "{engine}");
            assert_eq!(tx.answer_target_days("L1")?, 1, "{engine}: untouched");
            tx.set_answer_target_days("S1", 2)?;

            // Received in this order, due in another: the desk's queue goes by due.
            let mut ids = Vec::new();
            for (title, due) in [
                ("늦게 마감", "2026-12-09T09:00:00.000Z"),
                ("먼저 마감", "2026-12-03T09:00:00.000Z"),
                ("중간 마감", "2026-12-05T09:00:00.000Z"),
            ] {
                let no = tx.next_ccn_no(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap())?;
                tx.insert_question(
                    &no,
                    "M1",
                    &fields(title, true),
                    Status::Received,
                    T0,
                    Some(due),
                )?;
                ids.push(no);
            }
            let undated = register(tx, "기한 없음", T1)?;

            let detail = tx.question_detail(&ids[1], None)?.unwrap();
            assert_eq!(
                detail.answer_due.as_deref(),
                Some("2026-12-03T09:00:00.000Z"),
                "{engine}"
            );
            let queue = ListFilter {
                status: Some(Status::Received),
                by_due: true,
                ..all(None)
            };
            let (rows, total) = tx.list_questions(&queue, 1, 10, &Totals::uncached())?;
            let order: Vec<_> = rows.iter().map(|r| r.ccn_no.as_str()).collect();
            assert_eq!(total, 4, "{engine}");
            // One without a due time (received before deadlines were kept, until the backfill
            // dates it) comes first on every engine.
            assert_eq!(
                order,
                [&undated, &ids[1], &ids[2], &ids[0]].map(String::as_str),
                "{engine}"
            );
            assert_eq!(
                rows[1].answer_due.as_deref(),
                Some("2026-12-03T09:00:00.000Z")
            );

            // The one without a due time is found and dated, then no longer found.
            assert_eq!(
                tx.undated_inquiries(10)?,
                [Undated {
                    ccn_no: undated.clone(),
                    accepted_at: T1.into(),
                    answer_days: 2
                }],
                "{engine}"
            );
            tx.set_answer_due(&undated, "2026-12-04T09:00:00.000Z")?;
            assert!(tx.undated_inquiries(10)?.is_empty(), "{engine}");
            let (rows, _) = tx.list_questions(&queue, 1, 10, &Totals::uncached())?;
            assert_eq!(rows[1].ccn_no, undated, "{engine}: now in its place by due");
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
