//! Types, goods, orders, people and tokens.

use crate::*;

#[tokio::test]
async fn catalog_people_and_tokens_read_back_alike() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.read(move |tx| {
            assert_eq!(tx.member_count()?, 2, "{engine}");
            let tree = tx.type_tree()?;
            assert_eq!(
                tree.len(),
                1,
                "{engine}: a large type without leaves is left out"
            );
            assert!(tree[0].leaves[0].needs_goods);
            assert_eq!(
                tx.lookup_type("S1")?,
                TypeLookup::Leaf {
                    goods_required: true
                }
            );
            assert_eq!(tx.lookup_type("L1")?, TypeLookup::NotLeaf);
            assert_eq!(tx.lookup_type("nope")?, TypeLookup::Unknown);
            assert!(tx.goods_exists("G1")? && !tx.goods_exists("G2")?);
            assert!(tx.item_exists("G1", "001")? && !tx.item_exists("G1", "002")?);
            assert!(tx.order_owned("O1", "M1")? && !tx.order_owned("O1", "M2")?);
            assert!(tx.order_has_goods("O1", "G1")? && !tx.order_has_goods("O1", "G2")?);
            // LIKE wildcards in a keyword are literal on both engines.
            assert_eq!(
                tx.search_goods("2026-12-01", Some("100%"), 1, 10)?.1,
                1,
                "{engine}"
            );
            assert_eq!(
                tx.search_goods("2026-12-01", Some("면_티"), 1, 10)?.1,
                1,
                "{engine}"
            );
            assert_eq!(
                tx.search_goods("2026-12-01", Some("0%면"), 1, 10)?.1,
                0,
                "{engine}"
            );
            let (found, total) = tx.search_goods("2026-12-01", None, 1, 10)?;
            assert_eq!(
                (total, found[0].items.clone()),
                (1, vec![("001".into(), "M".into())])
            );
            let (lines, total) = tx.order_goods("M1", 1, 10)?;
            assert_eq!(
                (total, lines[0].amount, lines[0].qty),
                (1, 39_800, 2),
                "{engine}"
            );
            assert_eq!(tx.order_goods("M2", 1, 10)?.1, 0);
            assert_eq!(
                tx.token_holder("h-member")?,
                Some(TokenHolder::Member {
                    mbr_no: "M1".into()
                })
            );
            assert_eq!(
                tx.token_holder("h-counselor")?,
                Some(TokenHolder::Counselor {
                    cnslr_no: "C1".into(),
                    name: "상담원".into(),
                    manager: false,
                })
            );
            assert_eq!(tx.token_holder("nope")?, None);
            assert_eq!(tx.counselors()?.len(), 1);
            assert_eq!(tx.answer_templates("S1", "C1")?.len(), 1);
            let key = tx.vendor_key("ak", T1)?.unwrap();
            assert_eq!(
                (key.vendor_id.as_str(), key.secret_key.as_str()),
                ("V1", "sk")
            );
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
