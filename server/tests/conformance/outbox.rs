//! The notification outbox: claims under a lease.

use crate::*;

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
                params: (channel == "SMS").then_some(r#"{"고객명":"김하늘"}"#),
                now: T0,
                failed,
            };
            let sms = tx.insert_notification(&row("SMS", None))?;
            tx.insert_notification(&row("EMAIL", Some("이메일 주소가 없습니다")))?;
            let stats = tx.outbox_stats()?;
            assert_eq!((stats.pending, stats.failed), (1, 1), "{engine}");
            assert_eq!(stats.oldest_pending.as_deref(), Some(T0), "{engine}");
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
            assert_eq!(
                claimed[0].params.as_deref(),
                Some(r#"{"고객명":"김하늘"}"#),
                "{engine}: the 알림톡 variables travel with the row"
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
                via: "SMS (알림톡 실패: -1027)".into(),
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
            assert_eq!(
                all[0].sent_via.as_deref(),
                Some("SMS (알림톡 실패: -1027)"),
                "{engine}"
            );
            assert_eq!(tx.next_notification_due()?, None);
            let stats = tx.outbox_stats()?;
            assert_eq!(
                (stats.pending, stats.failed, stats.oldest_pending),
                (0, 1, None),
                "{engine}"
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
