//! The type tree, goods, orders, tokens and counselors.

use tokio_postgres::Error;

use super::{tx::PgTx, uint};
use crate::store::{
    like_pattern,
    records::{CatalogRecord, CounselorRef, LeafTypeRecord, OrderedRecord, TypeGroupRecord},
    TokenHolder, TypeLookup,
};

pub fn type_tree(tx: &mut PgTx) -> Result<Vec<TypeGroupRecord>, Error> {
    let rows = tx.query(
        "SELECT cnsl_typ_no, cnsl_typ_nm, upr_cnsl_typ_no, goods_sel_mdty_yn FROM cnsl_typ
          WHERE use_yn = 'Y' ORDER BY upr_cnsl_typ_no IS NOT NULL, sort_seq, cnsl_typ_no",
        &[],
    )?;
    let mut tree: Vec<TypeGroupRecord> = Vec::new();
    for r in rows {
        let (no, name, parent): (String, String, Option<String>) = (r.get(0), r.get(1), r.get(2));
        match parent {
            None => tree.push(TypeGroupRecord {
                no,
                name,
                leaves: Vec::new(),
            }),
            Some(parent) => {
                if let Some(large) = tree.iter_mut().find(|l| l.no == parent) {
                    large.leaves.push(LeafTypeRecord {
                        no,
                        name,
                        needs_goods: r.get::<_, &str>(3) == "Y",
                    });
                }
            }
        }
    }
    tree.retain(|l| !l.leaves.is_empty());
    Ok(tree)
}

pub fn lookup_type(tx: &mut PgTx, no: &str) -> Result<TypeLookup, Error> {
    let row = tx.query_opt(
        "SELECT upr_cnsl_typ_no IS NOT NULL, goods_sel_mdty_yn = 'Y',
                EXISTS (SELECT 1 FROM cnsl_typ c WHERE c.upr_cnsl_typ_no = t.cnsl_typ_no)
           FROM cnsl_typ t WHERE cnsl_typ_no = $1 AND use_yn = 'Y'",
        &[&no],
    )?;
    Ok(match row.map(|r| (r.get(0), r.get(1), r.get(2))) {
        None => TypeLookup::Unknown,
        Some((true, goods_required, false)) => TypeLookup::Leaf { goods_required },
        Some(_) => TypeLookup::NotLeaf,
    })
}

fn exists(tx: &mut PgTx, sql: &str, a: &str, b: Option<&str>) -> Result<bool, Error> {
    Ok(match b {
        Some(b) => tx.query_one(sql, &[&a, &b])?.get(0),
        None => tx.query_one(sql, &[&a])?.get(0),
    })
}

pub fn goods_exists(tx: &mut PgTx, goods_no: &str) -> Result<bool, Error> {
    exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM goods WHERE goods_no = $1)",
        goods_no,
        None,
    )
}

pub fn item_exists(tx: &mut PgTx, goods_no: &str, itm_no: &str) -> Result<bool, Error> {
    exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM goods_itm WHERE goods_no = $1 AND itm_no = $2)",
        goods_no,
        Some(itm_no),
    )
}

pub fn order_owned(tx: &mut PgTx, ord_no: &str, mbr_no: &str) -> Result<bool, Error> {
    exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM ord WHERE ord_no = $1 AND mbr_no = $2)",
        ord_no,
        Some(mbr_no),
    )
}

pub fn order_has_goods(tx: &mut PgTx, ord_no: &str, goods_no: &str) -> Result<bool, Error> {
    exists(
        tx,
        "SELECT EXISTS (SELECT 1 FROM ord_goods WHERE ord_no = $1 AND goods_no = $2)",
        ord_no,
        Some(goods_no),
    )
}

pub fn search_goods(
    tx: &mut PgTx,
    today: &str,
    search_nm: Option<&str>,
    page_no: u32,
    page_size: u32,
) -> Result<(Vec<CatalogRecord>, u64), Error> {
    let pattern = search_nm.map(like_pattern);
    // Goods no longer sold are not offered (they stay readable on the inquiries naming them).
    let filter = "FROM goods WHERE (sale_end_dt IS NULL OR sale_end_dt >= $3)
                  AND ($1::TEXT IS NULL OR goods_nm LIKE $1 ESCAPE '\\'
                       OR brand_nm LIKE $1 ESCAPE '\\' OR goods_no = $2)";
    let total = uint(
        &tx.query_one(
            &format!("SELECT COUNT(*) {filter}"),
            &[&pattern, &search_nm, &today],
        )?,
        0,
    );
    let offset = (i64::from(page_no) - 1) * i64::from(page_size);
    let mut goods: Vec<CatalogRecord> = tx
        .query(
            &format!(
                "SELECT goods_no, goods_nm, brand_nm, category_nm, sale_prc, img_file {filter}
                  ORDER BY goods_nm, goods_no LIMIT $4 OFFSET $5"
            ),
            &[&pattern, &search_nm, &today, &i64::from(page_size), &offset],
        )?
        .iter()
        .map(|r| CatalogRecord {
            goods_no: r.get(0),
            name: r.get(1),
            brand: r.get(2),
            category: r.get(3),
            price: r.get(4),
            image_file: r.get(5),
            items: Vec::new(),
        })
        .collect();
    for g in &mut goods {
        g.items = tx
            .query(
                "SELECT itm_no, itm_nm FROM goods_itm WHERE goods_no = $1 ORDER BY itm_no",
                &[&g.goods_no],
            )?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
    }
    Ok((goods, total))
}

pub fn order_goods(
    tx: &mut PgTx,
    mbr_no: &str,
    page_no: u32,
    page_size: u32,
) -> Result<(Vec<OrderedRecord>, u64), Error> {
    let total = uint(
        &tx.query_one(
            "SELECT COUNT(*) FROM ord_goods og JOIN ord o ON o.ord_no = og.ord_no
              WHERE o.mbr_no = $1",
            &[&mbr_no],
        )?,
        0,
    );
    let offset = (i64::from(page_no) - 1) * i64::from(page_size);
    let rows = tx
        .query(
            "SELECT o.ord_no, o.ord_dtm, og.ord_seq, g.goods_no, g.goods_nm, g.brand_nm, og.itm_no,
                    COALESCE(i.itm_nm, ''), og.ord_qty, og.ord_amt, g.img_file
               FROM ord_goods og
               JOIN ord o ON o.ord_no = og.ord_no
               JOIN goods g ON g.goods_no = og.goods_no
               LEFT JOIN goods_itm i ON i.goods_no = og.goods_no AND i.itm_no = og.itm_no
              WHERE o.mbr_no = $1
              ORDER BY o.ord_dtm DESC, o.ord_no DESC, og.ord_seq
              LIMIT $2 OFFSET $3",
            &[&mbr_no, &i64::from(page_size), &offset],
        )?
        .iter()
        .map(|r| OrderedRecord {
            ord_no: r.get(0),
            ordered_at: r.get(1),
            ord_seq: uint(r, 2),
            goods_no: r.get(3),
            name: r.get(4),
            brand: r.get(5),
            item_no: r.get(6),
            item_name: r.get(7),
            qty: uint(r, 8),
            amount: r.get(9),
            image_file: r.get(10),
        })
        .collect();
    Ok((rows, total))
}

pub fn token_holder(tx: &mut PgTx, hash: &str) -> Result<Option<TokenHolder>, Error> {
    let row = tx.query_opt(
        "SELECT t.role, t.subject_no, COALESCE(c.cnslr_nm, ''), COALESCE(c.mgr_yn, 'N') = 'Y'
           FROM access_token t LEFT JOIN counselor c ON c.cnslr_no = t.subject_no
          WHERE t.token_hash = $1",
        &[&hash],
    )?;
    Ok(row.map(|r| match r.get::<_, &str>(0) {
        "MEMBER" => TokenHolder::Member { mbr_no: r.get(1) },
        _ => TokenHolder::Counselor {
            cnslr_no: r.get(1),
            name: r.get(2),
            manager: r.get(3),
        },
    }))
}

pub fn counselors(tx: &mut PgTx) -> Result<Vec<CounselorRef>, Error> {
    Ok(tx
        .query(
            "SELECT cnslr_no, cnslr_nm FROM counselor ORDER BY cnslr_no",
            &[],
        )?
        .iter()
        .map(|r| CounselorRef {
            no: r.get(0),
            name: r.get(1),
        })
        .collect())
}
