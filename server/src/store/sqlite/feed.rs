//! What the store's feed needs beyond the upserts in `people.rs`: existence checks for the
//! references an item names, a member a token introduced, an order's lines replaced, and
//! sellers' key pairs (issued, expired on rotation, revoked).

use rusqlite::{Connection, OptionalExtension};

use crate::store::records::VendorKeyInfo;

pub fn exists(conn: &Connection, sql: &str, key: &str) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached(sql)?
        .query_row([key], |_| Ok(()))
        .optional()?
        .is_some())
}

pub fn vendor_item_taken(
    conn: &Connection,
    vendor_item_id: i64,
    goods_no: &str,
    itm_no: &str,
) -> rusqlite::Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM goods_itm WHERE vendor_item_id = ?1
              AND NOT (goods_no = ?2 AND itm_no = ?3)",
        )?
        .query_row(rusqlite::params![vendor_item_id, goods_no, itm_no], |_| {
            Ok(())
        })
        .optional()?
        .is_some())
}

pub fn ensure_member(conn: &Connection, no: &str, name: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO member (mbr_no, mbr_nm) VALUES (?1, ?2) ON CONFLICT (mbr_no) DO NOTHING",
    )?
    .execute([no, name])?;
    Ok(())
}

pub fn clear_order_lines(conn: &Connection, ord_no: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM ord_goods WHERE ord_no = ?1")?
        .execute([ord_no])?;
    Ok(())
}

pub fn issue_vendor_key(
    conn: &Connection,
    access_key: &str,
    vendor_id: &str,
    secret_key: &str,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO vendor_key (access_key, vendor_id, secret_key, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        [access_key, vendor_id, secret_key, at],
    )?;
    Ok(())
}

pub fn expire_vendor_keys(
    conn: &Connection,
    vendor_id: &str,
    until: &str,
) -> rusqlite::Result<u64> {
    Ok(conn.execute(
        "UPDATE vendor_key SET expires_at = ?2
          WHERE vendor_id = ?1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?2)",
        [vendor_id, until],
    )? as u64)
}

pub fn revoke_vendor_key(
    conn: &Connection,
    vendor_id: &str,
    access_key: &str,
    at: &str,
) -> rusqlite::Result<bool> {
    Ok(conn.execute(
        "UPDATE vendor_key SET revoked_at = ?3
          WHERE vendor_id = ?1 AND access_key = ?2 AND revoked_at IS NULL",
        [vendor_id, access_key, at],
    )? == 1)
}

pub fn vendor_keys(conn: &Connection, vendor_id: &str) -> rusqlite::Result<Vec<VendorKeyInfo>> {
    conn.prepare_cached(
        "SELECT access_key, created_at, expires_at, revoked_at FROM vendor_key
          WHERE vendor_id = ?1 ORDER BY created_at, access_key",
    )?
    .query_map([vendor_id], |r| {
        Ok(VendorKeyInfo {
            access_key: r.get(0)?,
            created_at: r.get(1)?,
            expires_at: r.get(2)?,
            revoked_at: r.get(3)?,
        })
    })?
    .collect()
}
