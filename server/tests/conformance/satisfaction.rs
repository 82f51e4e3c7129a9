//! The customer's rating: one per inquiry (a second insert writes nothing), read back as
//! written, and flagged on the inquiry's list row.

use inquiry_server::store::records::SatisfactionRecord;

use crate::*;

#[tokio::test]
async fn an_inquiry_keeps_its_first_rating_and_its_list_row_says_which() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let rated = register(tx, "평가됨", T0)?;
            let other = register(tx, "평가 없음", T1)?;
            let first = SatisfactionRecord {
                satisfied: false,
                reason: Some("UNCLEAR".into()),
                comment: Some("무슨 뜻인지\n모르겠어요 😀".into()),
                at: T1.into(),
            };
            assert_eq!(tx.satisfaction_of(&rated)?, None, "{engine}");
            assert!(tx.insert_satisfaction(&rated, &first)?, "{engine}");
            let second = SatisfactionRecord {
                satisfied: true,
                reason: None,
                comment: None,
                at: T2.into(),
            };
            assert!(!tx.insert_satisfaction(&rated, &second)?, "{engine}: once");
            assert_eq!(tx.satisfaction_of(&rated)?, Some(first), "{engine}");

            let (rows, _) = tx.list_questions(&all(Some("M1")), 1, 10, &Totals::uncached())?;
            let flag = |no: &str| rows.iter().find(|r| r.ccn_no == no).map(|r| r.satisfied);
            assert_eq!(flag(&rated), Some(Some(false)), "{engine}");
            assert_eq!(flag(&other), Some(None), "{engine}");
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
