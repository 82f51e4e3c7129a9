//! The type tree, goods and orders: what the form offers and what the rules check against.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::{
    like_pattern,
    records::{CatalogRecord, LeafTypeRecord, OrderedRecord, TypeGroupRecord},
    TypeLookup,
};

/// The large types in use and their leaves (large types without leaves are left out).
pub fn type_tree(conn: &Connection) -> rusqlite::Result<Vec<TypeGroupRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT cnsl_typ_no, cnsl_typ_nm, upr_cnsl_typ_no, goods_sel_mdty_yn FROM cnsl_typ
          WHERE use_yn = 'Y' ORDER BY upr_cnsl_typ_no IS NOT NULL, sort_seq, cnsl_typ_no",
    )?;
    let mut tree: Vec<TypeGroupRecord> = Vec::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (no, nm, parent, goods_yn) = row?;
        match parent {
            None => tree.push(TypeGroupRecord {
                no,
                name: nm,
                leaves: Vec::new(),
            }),
            Some(parent) => {
                if let Some(large) = tree.iter_mut().find(|l| l.no == parent) {
                    large.leaves.push(LeafTypeRecord {
                        no,
                        name: nm,
                        needs_goods: goods_yn == "Y",
                    });
                }
            }
        }
    }
    tree.retain(|l| !l.leaves.is_empty());
    Ok(tree)
}

pub fn lookup_type(conn: &Connection, no: &str) -> rusqlite::Result<TypeLookup> {
    let row = conn
        .query_row(
            "SELECT upr_cnsl_typ_no IS NOT NULL, goods_sel_mdty_yn = 'Y',
                    EXISTS (SELECT 1 FROM cnsl_typ c WHERE c.upr_cnsl_typ_no = t.cnsl_typ_no)
               FROM cnsl_typ t WHERE cnsl_typ_no = ?1 AND use_yn = 'Y'",
            [no],
            |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, bool>(2)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        None => TypeLookup::Unknown,
        Some((true, goods_required, false)) => TypeLookup::Leaf { goods_required },
        Some(_) => TypeLookup::NotLeaf,
    })
}

pub fn goods_exists(conn: &Connection, goods_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM goods WHERE goods_no = ?1)",
        [goods_no],
        |r| r.get(0),
    )
}

pub fn item_exists(conn: &Connection, goods_no: &str, itm_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM goods_itm WHERE goods_no = ?1 AND itm_no = ?2)",
        [goods_no, itm_no],
        |r| r.get(0),
    )
}

pub fn order_owned(conn: &Connection, ord_no: &str, mbr_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM ord WHERE ord_no = ?1 AND mbr_no = ?2)",
        [ord_no, mbr_no],
        |r| r.get(0),
    )
}

pub fn order_has_goods(conn: &Connection, ord_no: &str, goods_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM ord_goods WHERE ord_no = ?1 AND goods_no = ?2)",
        [ord_no, goods_no],
        |r| r.get(0),
    )
}

pub fn search_goods(
    conn: &Connection,
    today: &str,
    search_nm: Option<&str>,
    page_no: u32,
    page_size: u32,
) -> rusqlite::Result<(Vec<CatalogRecord>, u64)> {
    let pattern = search_nm.map(like_pattern);
    // Goods no longer sold are not offered (they stay readable on the inquiries naming them).
    let filter = "FROM goods WHERE (sale_end_dt IS NULL OR sale_end_dt >= ?5)
                  AND (?1 IS NULL OR goods_nm LIKE ?1 ESCAPE '\\'
                       OR brand_nm LIKE ?1 ESCAPE '\\' OR goods_no = ?2)";
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*) {filter}"),
        params![pattern, search_nm, None::<u32>, None::<u32>, today],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT goods_no, goods_nm, brand_nm, category_nm, sale_prc, img_file {filter}
          ORDER BY goods_nm, goods_no LIMIT ?3 OFFSET ?4"
    ))?;
    let mut goods = stmt
        .query_map(
            params![
                pattern,
                search_nm,
                page_size,
                (u64::from(page_no) - 1) * u64::from(page_size),
                today
            ],
            |r| {
                Ok(CatalogRecord {
                    goods_no: r.get(0)?,
                    name: r.get(1)?,
                    brand: r.get(2)?,
                    category: r.get(3)?,
                    price: r.get(4)?,
                    image_file: r.get(5)?,
                    items: Vec::new(),
                })
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;
    let mut items = conn.prepare_cached(
        "SELECT itm_no, itm_nm FROM goods_itm WHERE goods_no = ?1 ORDER BY itm_no",
    )?;
    for g in &mut goods {
        g.items = items
            .query_map([&g.goods_no], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
    }
    Ok((goods, total))
}

pub fn order_goods(
    conn: &Connection,
    mbr_no: &str,
    page_no: u32,
    page_size: u32,
) -> rusqlite::Result<(Vec<OrderedRecord>, u64)> {
    let total: u64 = conn.query_row(
        "SELECT COUNT(*) FROM ord_goods og JOIN ord o ON o.ord_no = og.ord_no WHERE o.mbr_no = ?1",
        [mbr_no],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT o.ord_no, o.ord_dtm, og.ord_seq, g.goods_no, g.goods_nm, g.brand_nm, og.itm_no,
                COALESCE(i.itm_nm, ''), og.ord_qty, og.ord_amt, g.img_file
           FROM ord_goods og
           JOIN ord o ON o.ord_no = og.ord_no
           JOIN goods g ON g.goods_no = og.goods_no
           LEFT JOIN goods_itm i ON i.goods_no = og.goods_no AND i.itm_no = og.itm_no
          WHERE o.mbr_no = ?1
          ORDER BY o.ord_dtm DESC, o.ord_no DESC, og.ord_seq
          LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt
        .query_map(
            params![
                mbr_no,
                page_size,
                (u64::from(page_no) - 1) * u64::from(page_size)
            ],
            |r| {
                Ok(OrderedRecord {
                    ord_no: r.get(0)?,
                    ordered_at: r.get(1)?,
                    ord_seq: r.get(2)?,
                    goods_no: r.get(3)?,
                    name: r.get(4)?,
                    brand: r.get(5)?,
                    item_no: r.get(6)?,
                    item_name: r.get(7)?,
                    qty: r.get(8)?,
                    amount: r.get(9)?,
                    image_file: r.get(10)?,
                })
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((rows, total))
}
