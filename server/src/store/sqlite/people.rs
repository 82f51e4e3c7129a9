//! The store's own data as it is written in: members, counselors, tokens, types, goods,
//! orders and sellers (demo seeding today; the storefront's feed tomorrow).

use rusqlite::{params, Connection};

use crate::store::{yn, NewGoods, NewItem, NewMember, NewOrderLine, NewType, TokenRole};

pub fn member_count(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("SELECT COUNT(*) FROM member", [], |r| r.get(0))
}

pub fn upsert_member(conn: &Connection, m: &NewMember) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO member (mbr_no, mbr_nm, mbr_phone, mbr_email, lang_cd)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (mbr_no) DO UPDATE SET mbr_nm = excluded.mbr_nm, mbr_phone = excluded.mbr_phone,
             mbr_email = excluded.mbr_email, lang_cd = excluded.lang_cd",
    )?
    .execute(params![m.mbr_no, m.name, m.phone, m.email, m.lang])?;
    Ok(())
}

pub fn upsert_counselor(conn: &Connection, no: &str, name: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO counselor (cnslr_no, cnslr_nm) VALUES (?1, ?2)
         ON CONFLICT (cnslr_no) DO UPDATE SET cnslr_nm = excluded.cnslr_nm",
        [no, name],
    )?;
    Ok(())
}

pub fn insert_token(
    conn: &Connection,
    hash: &str,
    role: TokenRole,
    subject_no: &str,
    at: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO access_token (token_hash, role, subject_no, created_at)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute([hash, role.code(), subject_no, at])?;
    Ok(())
}

pub fn insert_type(conn: &Connection, t: &NewType) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO cnsl_typ (cnsl_typ_no, cnsl_typ_nm, upr_cnsl_typ_no, sort_seq,
                               goods_sel_mdty_yn, ans_tgt_bdays)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            t.no,
            t.name,
            t.parent,
            t.sort_seq,
            yn(t.goods_required),
            t.answer_days
        ],
    )?;
    Ok(())
}

pub fn upsert_goods(conn: &Connection, g: &NewGoods) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO goods (goods_no, goods_nm, brand_nm, category_nm, sale_prc, img_file,
                            vendor_id, sale_start_dt, sale_end_dt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (goods_no) DO UPDATE SET goods_nm = excluded.goods_nm,
             brand_nm = excluded.brand_nm, category_nm = excluded.category_nm,
             sale_prc = excluded.sale_prc, img_file = excluded.img_file,
             vendor_id = excluded.vendor_id, sale_start_dt = excluded.sale_start_dt,
             sale_end_dt = excluded.sale_end_dt",
    )?
    .execute(params![
        g.goods_no,
        g.name,
        g.brand,
        g.category,
        g.price,
        g.image_file,
        g.vendor_id,
        g.sale_start,
        g.sale_end
    ])?;
    Ok(())
}

pub fn upsert_item(conn: &Connection, i: &NewItem) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO goods_itm (goods_no, itm_no, itm_nm, vendor_item_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (goods_no, itm_no) DO UPDATE SET itm_nm = excluded.itm_nm,
             vendor_item_id = COALESCE(excluded.vendor_item_id, goods_itm.vendor_item_id)",
    )?
    .execute(params![i.goods_no, i.itm_no, i.name, i.vendor_item_id])?;
    Ok(())
}

pub fn upsert_order(
    conn: &Connection,
    ord_no: &str,
    mbr_no: &str,
    ord_dtm: &str,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO ord (ord_no, mbr_no, ord_dtm) VALUES (?1, ?2, ?3)
         ON CONFLICT (ord_no) DO UPDATE SET mbr_no = excluded.mbr_no, ord_dtm = excluded.ord_dtm",
    )?
    .execute([ord_no, mbr_no, ord_dtm])?;
    Ok(())
}

pub fn insert_order_line(conn: &Connection, l: &NewOrderLine) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO ord_goods (ord_no, ord_seq, goods_no, itm_no, ord_qty, ord_amt)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        l.ord_no, l.ord_seq, l.goods_no, l.itm_no, l.qty, l.amount
    ])?;
    Ok(())
}

pub fn upsert_vendor(conn: &Connection, vendor_id: &str, name: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO vendor (vendor_id, vendor_nm) VALUES (?1, ?2)
         ON CONFLICT (vendor_id) DO UPDATE SET vendor_nm = excluded.vendor_nm",
        [vendor_id, name],
    )?;
    Ok(())
}
