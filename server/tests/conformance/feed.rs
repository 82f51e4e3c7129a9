//! The store's feed: upserts that update in place, a member a token introduced, an order's
//! lines replaced, goods no longer sold left out of the search, sellers' keys through issue,
//! rotation and revocation.

use crate::*;

#[tokio::test]
async fn fed_data_upserts_in_place_and_keys_rotate_and_revoke_alike() {
    on_every_engine(|s, engine| async move {
        s.write(fixture).await.unwrap();
        s.write(move |tx| {
            // An upsert updates; the same item twice leaves one row.
            for _ in 0..2 {
                tx.upsert_member(&NewMember {
                    mbr_no: "M1",
                    name: "김하늘(수정)",
                    phone: None,
                    email: Some("sky@example.com"),
                    lang: "en",
                })?;
            }
            assert_eq!(tx.member_count()?, 2, "{engine}");
            // A token's member is added once and never overwrites what was fed.
            tx.ensure_member("M3", "토큰회원")?;
            tx.ensure_member("M1", "토큰이름")?;
            assert_eq!(tx.member_count()?, 3, "{engine}");
            assert!(tx.member_exists("M3")? && !tx.member_exists("M9")?);
            assert!(tx.vendor_exists("V1")? && !tx.vendor_exists("V9")?);

            // Goods whose sale ended are not offered, but still exist.
            tx.upsert_goods(&NewGoods {
                goods_no: "G1",
                name: "100% 면_티셔츠",
                brand: "하루",
                category: "의류",
                price: 21_000,
                image_file: Some("https://cdn.example.com/g1.jpg"),
                vendor_id: Some("V1"),
                sale_start: Some("2025-01-01"),
                sale_end: Some("2026-11-30"),
            })?;
            assert_eq!(tx.search_goods("2026-11-30", None, 1, 10)?.1, 1, "{engine}");
            assert_eq!(tx.search_goods("2026-12-01", None, 1, 10)?.1, 0, "{engine}");
            assert!(tx.goods_exists("G1")?);
            tx.upsert_item(&NewItem {
                goods_no: "G1",
                itm_no: "001",
                name: "L",
                vendor_item_id: None,
            })?;
            tx.upsert_item(&NewItem {
                goods_no: "G1",
                itm_no: "001",
                name: "L",
                vendor_item_id: Some(4242),
            })?;
            assert!(
                !tx.vendor_item_taken(4242, "G1", "001")?,
                "{engine}: its own"
            );
            assert!(
                tx.vendor_item_taken(4242, "G1", "002")?,
                "{engine}: another's"
            );
            assert!(!tx.vendor_item_taken(4243, "G1", "002")?);
            let (found, _) = tx.search_goods("2026-01-01", None, 1, 10)?;
            assert_eq!(found[0].items, vec![("001".into(), "L".into())], "{engine}");
            assert_eq!(found[0].price, 21_000);

            // An order fed again replaces its lines.
            tx.upsert_order("O1", "M3", T1)?;
            tx.clear_order_lines("O1")?;
            assert_eq!(tx.order_goods("M3", 1, 10)?.1, 0, "{engine}");
            tx.insert_order_line(&NewOrderLine {
                ord_no: "O1",
                ord_seq: 1,
                goods_no: "G1",
                itm_no: "001",
                qty: 3,
                amount: 63_000,
            })?;
            assert_eq!(tx.order_goods("M3", 1, 10)?.0[0].qty, 3, "{engine}");
            assert!(tx.order_owned("O1", "M3")? && !tx.order_owned("O1", "M1")?);

            // Keys: a rotation lets the old key sign until its grace ends; a revoked key never.
            tx.issue_vendor_key("ak2", "V1", "sk2", T1)?;
            assert_eq!(tx.expire_vendor_keys("V1", T2)?, 2, "{engine}");
            assert!(
                tx.vendor_key("ak", T1)?.is_some(),
                "{engine}: within the grace"
            );
            assert!(tx.vendor_key("ak", T2)?.is_none(), "{engine}: after it");
            tx.issue_vendor_key("ak3", "V1", "sk3", T1)?;
            assert!(tx.vendor_key("ak3", T2)?.is_some());
            assert!(tx.revoke_vendor_key("V1", "ak3", T1)?);
            assert!(!tx.revoke_vendor_key("V1", "ak3", T1)?, "{engine}: once");
            assert!(
                !tx.revoke_vendor_key("V9", "ak2", T1)?,
                "{engine}: not another's"
            );
            assert!(tx.vendor_key("ak3", T1)?.is_none());
            let keys = tx.vendor_keys("V1")?;
            assert_eq!(
                keys.iter()
                    .map(|k| k.access_key.as_str())
                    .collect::<Vec<_>>(),
                ["ak", "ak2", "ak3"],
                "{engine}"
            );
            assert_eq!(keys[1].expires_at.as_deref(), Some(T2));
            assert_eq!(keys[2].revoked_at.as_deref(), Some(T1));
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
    })
    .await;
}
