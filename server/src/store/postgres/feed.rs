//! What the store's feed needs beyond the upserts in `people.rs` (as `sqlite/feed.rs`):
//! existence checks, a member a token introduced, an order's lines replaced, sellers' keys.

use tokio_postgres::Error;

use super::transaction::PgTx;
use crate::store::records::VendorKeyInfo;

pub fn exists(tx: &mut PgTx, sql: &str, key: &str) -> Result<bool, Error> {
    Ok(tx.query_opt(sql, &[&key])?.is_some())
}

pub fn vendor_item_taken(
    tx: &mut PgTx,
    vendor_item_id: i64,
    goods_no: &str,
    itm_no: &str,
) -> Result<bool, Error> {
    Ok(tx
        .query_opt(
            "SELECT 1 FROM goods_itm WHERE vendor_item_id = $1
              AND NOT (goods_no = $2 AND itm_no = $3)",
            &[&vendor_item_id, &goods_no, &itm_no],
        )?
        .is_some())
}

pub fn ensure_member(tx: &mut PgTx, no: &str, name: &str) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO member (mbr_no, mbr_nm) VALUES ($1, $2) ON CONFLICT (mbr_no) DO NOTHING",
        &[&no, &name],
    )?;
    Ok(())
}

pub fn clear_order_lines(tx: &mut PgTx, ord_no: &str) -> Result<(), Error> {
    tx.execute("DELETE FROM ord_goods WHERE ord_no = $1", &[&ord_no])?;
    Ok(())
}

pub fn issue_vendor_key(
    tx: &mut PgTx,
    access_key: &str,
    vendor_id: &str,
    secret_key: &str,
    at: &str,
) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO vendor_key (access_key, vendor_id, secret_key, created_at)
         VALUES ($1, $2, $3, $4)",
        &[&access_key, &vendor_id, &secret_key, &at],
    )?;
    Ok(())
}

pub fn expire_vendor_keys(tx: &mut PgTx, vendor_id: &str, until: &str) -> Result<u64, Error> {
    tx.execute(
        "UPDATE vendor_key SET expires_at = $2
          WHERE vendor_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)",
        &[&vendor_id, &until],
    )
}

pub fn revoke_vendor_key(
    tx: &mut PgTx,
    vendor_id: &str,
    access_key: &str,
    at: &str,
) -> Result<bool, Error> {
    Ok(tx.execute(
        "UPDATE vendor_key SET revoked_at = $3
          WHERE vendor_id = $1 AND access_key = $2 AND revoked_at IS NULL",
        &[&vendor_id, &access_key, &at],
    )? == 1)
}

pub fn vendor_keys(tx: &mut PgTx, vendor_id: &str) -> Result<Vec<VendorKeyInfo>, Error> {
    Ok(tx
        .query(
            "SELECT access_key, created_at, expires_at, revoked_at FROM vendor_key
              WHERE vendor_id = $1 ORDER BY created_at, access_key",
            &[&vendor_id],
        )?
        .iter()
        .map(|r| VendorKeyInfo {
            access_key: r.get(0),
            created_at: r.get(1),
            expires_at: r.get(2),
            revoked_at: r.get(3),
        })
        .collect())
}
