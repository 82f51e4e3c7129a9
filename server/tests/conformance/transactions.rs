//! Transactions: rollback, read-only, and writers at once.

use crate::*;

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
