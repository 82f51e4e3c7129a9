//! The desk report's facts on both engines, and the report built from them on a set of known
//! inquiries: the same figures whichever engine holds them.

use inquiry_server::{
    calendar::BusinessCalendar,
    config::kst,
    desk::report::{build, GroupBy},
    store::records::SatisfactionRecord,
};

use crate::*;

/// KST Monday 7 December 2026 and the days around it, as stored UTC text.
const FRI_1700: &str = "2026-12-04T08:00:00.000Z";
const MON_0900: &str = "2026-12-07T00:00:00.000Z";
const MON_1000: &str = "2026-12-07T01:00:00.000Z";
const MON_1130: &str = "2026-12-07T02:30:00.000Z";
const MON_1700: &str = "2026-12-07T08:00:00.000Z";
const TUE_1000: &str = "2026-12-08T01:00:00.000Z";
const TUE_1800: &str = "2026-12-08T09:00:00.000Z";
const WED_0900: &str = "2026-12-09T00:00:00.000Z";

#[tokio::test]
async fn the_report_counts_known_inquiries_alike_on_every_engine() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        let facts = s
            .write(|tx| {
                tx.upsert_counselor("C2", "이상담")?;
                // (title, received, due, answered by, rating)
                let known = [
                    (
                        "주말 넘김",
                        FRI_1700,
                        MON_1700,
                        Some(("C1", MON_1130)),
                        Some(false),
                    ),
                    (
                        "늦은 답변",
                        MON_0900,
                        TUE_1800,
                        Some(("C2", WED_0900)),
                        None,
                    ),
                    ("아직", MON_1000, TUE_1000, None, None),
                ];
                for (title, at, due, answer, rating) in known {
                    let no = tx.next_ccn_no(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap())?;
                    tx.insert_question(
                        &no,
                        "M1",
                        &fields(title, true),
                        Status::Received,
                        at,
                        Some(due),
                    )?;
                    if let Some((counselor, when)) = answer {
                        tx.set_assignee(&no, counselor)?;
                        tx.append_reply(&no, ReplyAuthor::Counselor, "상담원", "답변", when)?;
                        tx.set_status(&no, Status::Answered, Some(when))?;
                        if title == "주말 넘김" {
                            // The seller replied later: the answer time moves, the first does not.
                            tx.append_reply(&no, ReplyAuthor::Seller, "판매자", "보충", TUE_1000)?;
                            tx.set_status(&no, Status::Answered, Some(TUE_1000))?;
                        }
                    }
                    if let Some(satisfied) = rating {
                        tx.insert_satisfaction(
                            &no,
                            &SatisfactionRecord {
                                satisfied,
                                reason: None,
                                comment: None,
                                at: WED_0900.into(),
                            },
                        )?;
                    }
                }
                // Withdrawn by the customer: not in the report. Received before the period: neither.
                let gone = register(tx, "철회", MON_1000)?;
                assert!(tx.withdraw_question_if_received(&gone, "M1", MON_1130)?);
                register(tx, "지난주", "2026-12-03T14:59:59.000Z")?;
                tx.report_facts("2026-12-03T15:00:00.000Z", "2026-12-08T15:00:00.000Z")
            })
            .await
            .unwrap();
        let titles: Vec<_> = facts.iter().map(|f| f.accepted_at.as_str()).collect();
        assert_eq!(
            titles,
            [FRI_1700, MON_0900, MON_1000],
            "{engine}: in receipt order"
        );
        assert_eq!(facts[0].type_name, "배송 > 배송 지연", "{engine}");
        assert_eq!(
            facts[1].counselor.as_ref().map(|c| c.name.as_str()),
            Some("이상담"),
            "{engine}"
        );
        assert_eq!(
            (facts[0].satisfied, facts[1].satisfied),
            (Some(false), None),
            "{engine}"
        );
        assert_eq!(facts[2].answered_at, None, "{engine}");
        assert_eq!(
            facts[0].answered_at.as_deref(),
            Some(MON_1130),
            "{engine}: the first reply"
        );

        let period = (
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
        );
        let now = WED_0900.parse().unwrap();
        let cal = BusinessCalendar::korean(kst());
        let total = build(&facts, GroupBy::Counselor, period, &cal, now).total;
        // 3.5 business hours (Friday's last and Monday's first two and a half) and 18.
        assert_eq!(
            (total.received, total.answered, total.median_answer_hours),
            (3, 2, Some((3.5 + 18.0) / 2.0)),
            "{engine}"
        );
        assert_eq!(
            (total.due_counted, total.on_time),
            (3, 1),
            "{engine}: one late, one open past due"
        );
        assert_eq!((total.rated, total.satisfied), (1, 0), "{engine}");
    })
    .await;
}
