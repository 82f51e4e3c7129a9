//! Transfers and the seller's lists.

use crate::*;

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
