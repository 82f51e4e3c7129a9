//! Internal memos: numbered per inquiry in the order written, read back verbatim with their
//! author, and only the inquiry's own.

use inquiry_server::store::records::{CounselorRef, MemoRecord};

use crate::*;

#[tokio::test]
async fn memos_are_numbered_per_inquiry_and_read_back_as_written() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            let a = register(tx, "메모 A", T0)?;
            let b = register(tx, "메모 B", T0)?;
            let me = CounselorRef {
                no: "C1".into(),
                name: "상담원".into(),
            };
            let other = CounselorRef {
                no: "C2".into(),
                name: "다른 상담원".into(),
            };
            assert!(tx.memos_of(&a)?.is_empty(), "{engine}");
            assert!(tx.lock_inquiry(&a)?);
            assert_eq!(
                tx.insert_memo(&a, &me, "첫 메모\n둘째 줄 <b>", T1)?,
                1,
                "{engine}"
            );
            assert_eq!(
                tx.insert_memo(&a, &other, "둘째 메모 😀", T2)?,
                2,
                "{engine}"
            );
            assert!(tx.lock_inquiry(&b)?);
            assert_eq!(
                tx.insert_memo(&b, &me, "B의 메모", T1)?,
                1,
                "{engine}: per inquiry"
            );
            assert_eq!(
                tx.memos_of(&a)?,
                [
                    MemoRecord {
                        seq: 1,
                        author: me.clone(),
                        content: "첫 메모\n둘째 줄 <b>".into(),
                        at: T1.into()
                    },
                    MemoRecord {
                        seq: 2,
                        author: other,
                        content: "둘째 메모 😀".into(),
                        at: T2.into()
                    },
                ],
                "{engine}"
            );
            assert_eq!(tx.memos_of(&b)?.len(), 1, "{engine}");
            assert!(tx.memos_of("20990101000001")?.is_empty(), "{engine}");
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
