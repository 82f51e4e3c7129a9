//! Idempotency keys and shared rate-limit buckets.

use crate::*;

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
            // A use is fresh strictly after `fresh_since` (now − TTL): with no TTL at all, a use
            // made this very millisecond has already expired.
            assert_eq!(tx.idempotency_record("M1", "k", T2)?, None, "{engine}");
            assert!(tx.withdraw_question_if_received(&a, "M1", T2)?);
            let r = tx.idempotency_record("M1", "k", T1)?.unwrap();
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
