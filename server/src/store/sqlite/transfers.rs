//! Sellers and transfers (이관): who a seller is, its API keys, an inquiry's transfer, and the
//! inquiries a seller may see.

use rusqlite::{params, params_from_iter, types::Value, Connection, OptionalExtension};

use crate::store::{
    records::{SellerExtras, TransferRecord, VendorKey},
    NewTransfer, SellerFilter, SellerState,
};

pub fn insert_transfer(conn: &Connection, t: &NewTransfer) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ccn_trns (ccn_no, vendor_id, need_answer, trns_note, cnslr_no, trns_dtm,
                               due_dtm, trns_stat)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'requestAnswer')",
        params![
            t.ccn_no,
            t.vendor_id,
            t.need_answer,
            t.note,
            t.cnslr_no,
            t.at,
            t.due
        ],
    )?;
    Ok(())
}

/// The seller answered (`NONE`) or confirmed (`DISPUTE_PROCESS_COMPLETE`) the transfer.
pub fn close_transfer(
    conn: &Connection,
    ccn_no: &str,
    reason: &str,
    by: &str,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ccn_trns SET trns_stat = 'answered', complete_reason = ?2, done_by = ?3,
                             done_dtm = ?4
          WHERE ccn_no = ?1",
        params![ccn_no, reason, by, at],
    )?;
    Ok(())
}

/// The seller whose API key this is, with its secret.
pub fn vendor_key(
    conn: &Connection,
    access_key: &str,
    now: &str,
) -> rusqlite::Result<Option<VendorKey>> {
    conn.prepare_cached(
        "SELECT k.vendor_id, v.vendor_nm, k.secret_key
           FROM vendor_key k JOIN vendor v ON v.vendor_id = k.vendor_id
          WHERE k.access_key = ?1 AND k.revoked_at IS NULL
            AND (k.expires_at IS NULL OR k.expires_at > ?2)",
    )?
    .query_row([access_key, now], |r| {
        Ok(VendorKey {
            vendor_id: r.get(0)?,
            vendor_nm: r.get(1)?,
            secret_key: r.get(2)?,
        })
    })
    .optional()
}

/// The seller of the goods an inquiry is about, if it has one: (vendor ID, name).
pub fn seller_of_inquiry(
    conn: &Connection,
    ccn_no: &str,
) -> rusqlite::Result<Option<(String, String)>> {
    conn.query_row(
        "SELECT v.vendor_id, v.vendor_nm FROM ccn c
           JOIN goods g ON g.goods_no = c.goods_no
           JOIN vendor v ON v.vendor_id = g.vendor_id
          WHERE c.ccn_no = ?1",
        [ccn_no],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
}

const TRANSFER_COLUMNS: &str = "t.ccn_no, t.vendor_id, v.vendor_nm, t.need_answer, t.trns_note,
    t.cnslr_no, s.cnslr_nm, t.trns_dtm, t.due_dtm, t.trns_stat, t.complete_reason, t.done_by,
    t.done_dtm";

fn transfer_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<TransferRecord> {
    Ok(TransferRecord {
        ccn_no: r.get(0)?,
        vendor_id: r.get(1)?,
        vendor_nm: r.get(2)?,
        need_answer: r.get(3)?,
        note: r.get(4)?,
        cnslr_no: r.get(5)?,
        cnslr_nm: r.get(6)?,
        at: r.get(7)?,
        due: r.get(8)?,
        answered: r.get::<_, String>(9)? == "answered",
        complete_reason: r.get(10)?,
        done_by: r.get(11)?,
        done_at: r.get(12)?,
    })
}

/// An inquiry's transfer, if it was transferred.
pub fn transfer_of(conn: &Connection, ccn_no: &str) -> rusqlite::Result<Option<TransferRecord>> {
    conn.prepare_cached(&format!(
        "SELECT {TRANSFER_COLUMNS} FROM ccn_trns t
           JOIN vendor v ON v.vendor_id = t.vendor_id
           JOIN counselor s ON s.cnslr_no = t.cnslr_no
          WHERE t.ccn_no = ?1"
    ))?
    .query_row([ccn_no], transfer_from)
    .optional()
}

/// What the seller's view shows beyond the inquiry: the option's vendorItemId, the buyer's
/// phone (masked by the caller), the goods' sale period.
pub fn seller_extras(conn: &Connection, ccn_no: &str) -> rusqlite::Result<SellerExtras> {
    conn.query_row(
        "SELECT i.vendor_item_id, m.mbr_phone, g.sale_start_dt, g.sale_end_dt
           FROM ccn c
           JOIN member m ON m.mbr_no = c.mbr_no
           LEFT JOIN goods g ON g.goods_no = c.goods_no
           LEFT JOIN goods_itm i ON i.goods_no = c.goods_no AND i.itm_no = c.itm_no
          WHERE c.ccn_no = ?1",
        [ccn_no],
        |r| {
            Ok(SellerExtras {
                vendor_item_id: r.get(0)?,
                buyer_phone: r.get(1)?,
                sale_started: r.get(2)?,
                sale_ended: r.get(3)?,
            })
        },
    )
}

/// A page of the seller's transferred inquiries (newest first) and how many match.
pub fn seller_inquiries(
    conn: &Connection,
    f: &SellerFilter,
) -> rusqlite::Result<(Vec<TransferRecord>, u64)> {
    let mut sql = String::from(
        " FROM ccn_trns t
           JOIN ccn c ON c.ccn_no = t.ccn_no
           JOIN vendor v ON v.vendor_id = t.vendor_id
           JOIN counselor s ON s.cnslr_no = t.cnslr_no
          WHERE t.vendor_id = ? AND c.wdrw_dtm IS NULL",
    );
    let mut args: Vec<Value> = vec![f.vendor_id.clone().into()];
    if let Some((from, to)) = &f.accepted {
        sql.push_str(" AND c.accp_dtm >= ? AND c.accp_dtm < ?");
        args.push(from.clone().into());
        args.push(to.clone().into());
    }
    if let Some(item) = f.vendor_item_id {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM goods_itm i WHERE i.goods_no = c.goods_no
                            AND i.itm_no = c.itm_no AND i.vendor_item_id = ?)",
        );
        args.push(item.into());
    }
    if let Some(ord) = &f.ord_no {
        sql.push_str(" AND c.ord_no = ?");
        args.push(ord.clone().into());
    }
    let open = "(t.trns_stat = 'requestAnswer' AND t.due_dtm > ?)";
    match f.state {
        SellerState::All => {}
        SellerState::NoAnswer | SellerState::Transfer => {
            sql.push_str(&format!(" AND {open} AND t.need_answer = ?"));
            args.push(f.now.clone().into());
            args.push(i64::from(f.state == SellerState::NoAnswer).into());
        }
        SellerState::Answered => {
            sql.push_str(&format!(" AND NOT {open}"));
            args.push(f.now.clone().into());
        }
    }
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*){sql}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    args.push(i64::from(f.limit).into());
    args.push(i64::from(f.offset).into());
    let mut stmt = conn.prepare(&format!(
        "SELECT {TRANSFER_COLUMNS}{sql} ORDER BY c.accp_dtm DESC, c.ccn_no DESC LIMIT ? OFFSET ?"
    ))?;
    let rows = stmt
        .query_map(params_from_iter(args.iter()), transfer_from)?
        .collect::<rusqlite::Result<_>>()?;
    Ok((rows, total))
}
