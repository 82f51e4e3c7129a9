//! Sellers' keys, transfers (이관) and the inquiries a seller may see.

use tokio_postgres::{types::ToSql, Error, Row};

use super::{tx::PgTx, uint};
use crate::store::{
    records::{SellerExtras, TransferRecord, VendorKey},
    NewTransfer, SellerFilter, SellerState,
};

pub fn insert_transfer(tx: &mut PgTx, t: &NewTransfer) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO ccn_trns (ccn_no, vendor_id, need_answer, trns_note, cnslr_no, trns_dtm,
                               due_dtm, trns_stat)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'requestAnswer')",
        &[
            &t.ccn_no,
            &t.vendor_id,
            &t.need_answer,
            &t.note,
            &t.cnslr_no,
            &t.at,
            &t.due,
        ],
    )?;
    Ok(())
}

pub fn close_transfer(
    tx: &mut PgTx,
    ccn_no: &str,
    reason: &str,
    by: &str,
    at: &str,
) -> Result<(), Error> {
    tx.execute(
        "UPDATE ccn_trns SET trns_stat = 'answered', complete_reason = $2, done_by = $3,
                             done_dtm = $4
          WHERE ccn_no = $1",
        &[&ccn_no, &reason, &by, &at],
    )?;
    Ok(())
}

pub fn vendor_key(tx: &mut PgTx, access_key: &str, now: &str) -> Result<Option<VendorKey>, Error> {
    Ok(tx
        .query_opt(
            "SELECT k.vendor_id, v.vendor_nm, k.secret_key
               FROM vendor_key k JOIN vendor v ON v.vendor_id = k.vendor_id
              WHERE k.access_key = $1 AND k.revoked_at IS NULL
            AND (k.expires_at IS NULL OR k.expires_at > $2)",
            &[&access_key, &now],
        )?
        .map(|r| VendorKey {
            vendor_id: r.get(0),
            vendor_nm: r.get(1),
            secret_key: r.get(2),
        }))
}

pub fn seller_of_inquiry(tx: &mut PgTx, ccn_no: &str) -> Result<Option<(String, String)>, Error> {
    Ok(tx
        .query_opt(
            "SELECT v.vendor_id, v.vendor_nm FROM ccn c
               JOIN goods g ON g.goods_no = c.goods_no
               JOIN vendor v ON v.vendor_id = g.vendor_id
              WHERE c.ccn_no = $1",
            &[&ccn_no],
        )?
        .map(|r| (r.get(0), r.get(1))))
}

const TRANSFER_COLUMNS: &str = "t.ccn_no, t.vendor_id, v.vendor_nm, t.need_answer, t.trns_note,
    t.cnslr_no, s.cnslr_nm, t.trns_dtm, t.due_dtm, t.trns_stat, t.complete_reason, t.done_by,
    t.done_dtm";

fn transfer_from(r: &Row) -> TransferRecord {
    TransferRecord {
        ccn_no: r.get(0),
        vendor_id: r.get(1),
        vendor_nm: r.get(2),
        need_answer: r.get(3),
        note: r.get(4),
        cnslr_no: r.get(5),
        cnslr_nm: r.get(6),
        at: r.get(7),
        due: r.get(8),
        answered: r.get::<_, &str>(9) == "answered",
        complete_reason: r.get(10),
        done_by: r.get(11),
        done_at: r.get(12),
    }
}

pub fn transfer_of(tx: &mut PgTx, ccn_no: &str) -> Result<Option<TransferRecord>, Error> {
    Ok(tx
        .query_opt(
            &format!(
                "SELECT {TRANSFER_COLUMNS} FROM ccn_trns t
                   JOIN vendor v ON v.vendor_id = t.vendor_id
                   JOIN counselor s ON s.cnslr_no = t.cnslr_no
                  WHERE t.ccn_no = $1"
            ),
            &[&ccn_no],
        )?
        .as_ref()
        .map(transfer_from))
}

pub fn seller_extras(tx: &mut PgTx, ccn_no: &str) -> Result<SellerExtras, Error> {
    let r = tx.query_one(
        "SELECT i.vendor_item_id, m.mbr_phone, g.sale_start_dt, g.sale_end_dt
           FROM ccn c
           JOIN member m ON m.mbr_no = c.mbr_no
           LEFT JOIN goods g ON g.goods_no = c.goods_no
           LEFT JOIN goods_itm i ON i.goods_no = c.goods_no AND i.itm_no = c.itm_no
          WHERE c.ccn_no = $1",
        &[&ccn_no],
    )?;
    Ok(SellerExtras {
        vendor_item_id: r.get(0),
        buyer_phone: r.get(1),
        sale_started: r.get(2),
        sale_ended: r.get(3),
    })
}

pub fn seller_inquiries(
    tx: &mut PgTx,
    f: &SellerFilter,
) -> Result<(Vec<TransferRecord>, u64), Error> {
    let mut args: Vec<Box<dyn ToSql + Sync + Send>> = vec![Box::new(f.vendor_id.clone())];
    let next = |args: &mut Vec<Box<dyn ToSql + Sync + Send>>, v: Box<dyn ToSql + Sync + Send>| {
        args.push(v);
        format!("${}", args.len())
    };
    let mut sql = String::from(
        " FROM ccn_trns t
           JOIN ccn c ON c.ccn_no = t.ccn_no
           JOIN vendor v ON v.vendor_id = t.vendor_id
           JOIN counselor s ON s.cnslr_no = t.cnslr_no
          WHERE t.vendor_id = $1 AND c.wdrw_dtm IS NULL",
    );
    if let Some((from, to)) = &f.accepted {
        let (a, b) = (
            next(&mut args, Box::new(from.clone())),
            next(&mut args, Box::new(to.clone())),
        );
        sql += &format!(" AND c.accp_dtm >= {a} AND c.accp_dtm < {b}");
    }
    if let Some(item) = f.vendor_item_id {
        let p = next(&mut args, Box::new(item));
        sql += &format!(
            " AND EXISTS (SELECT 1 FROM goods_itm i WHERE i.goods_no = c.goods_no
                            AND i.itm_no = c.itm_no AND i.vendor_item_id = {p})"
        );
    }
    if let Some(ord) = &f.ord_no {
        sql += &format!(" AND c.ord_no = {}", next(&mut args, Box::new(ord.clone())));
    }
    match f.state {
        SellerState::All => {}
        SellerState::NoAnswer | SellerState::Transfer => {
            let now = next(&mut args, Box::new(f.now.clone()));
            let need = next(&mut args, Box::new(f.state == SellerState::NoAnswer));
            sql += &format!(
                " AND (t.trns_stat = 'requestAnswer' AND t.due_dtm > {now}) AND t.need_answer = {need}"
            );
        }
        SellerState::Answered => {
            let now = next(&mut args, Box::new(f.now.clone()));
            sql += &format!(" AND NOT (t.trns_stat = 'requestAnswer' AND t.due_dtm > {now})");
        }
    }
    let refs: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref() as _).collect();
    let total = uint(&tx.query_one(&format!("SELECT COUNT(*){sql}"), &refs)?, 0);
    let n = refs.len();
    let mut paged = refs.clone();
    let (limit, offset) = (i64::from(f.limit), i64::from(f.offset));
    paged.push(&limit);
    paged.push(&offset);
    let rows = tx
        .query(
            &format!(
                "SELECT {TRANSFER_COLUMNS}{sql} ORDER BY c.accp_dtm DESC, c.ccn_no DESC
                  LIMIT ${} OFFSET ${}",
                n + 1,
                n + 2
            ),
            &paged,
        )?
        .iter()
        .map(transfer_from)
        .collect();
    Ok((rows, total))
}
