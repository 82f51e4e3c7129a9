//! Answer deadlines: a type's target in business days, and the backfill of inquiries received
//! before deadlines were kept.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::Undated;

pub fn answer_target_days(conn: &Connection, leaf_no: &str) -> rusqlite::Result<u32> {
    Ok(conn
        .prepare_cached("SELECT ans_tgt_bdays FROM cnsl_typ WHERE cnsl_typ_no = ?1")?
        .query_row([leaf_no], |r| r.get(0))
        .optional()?
        .unwrap_or(1))
}

pub fn set_answer_target_days(
    conn: &Connection,
    leaf_no: &str,
    days: u32,
) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE cnsl_typ SET ans_tgt_bdays = ?2
          WHERE cnsl_typ_no = ?1 AND upr_cnsl_typ_no IS NOT NULL",
        rusqlite::params![leaf_no, days],
    )?;
    Ok(n == 1)
}

pub fn undated_inquiries(conn: &Connection, limit: u32) -> rusqlite::Result<Vec<Undated>> {
    conn.prepare_cached(
        "SELECT c.ccn_no, c.accp_dtm, t.ans_tgt_bdays
           FROM ccn c JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
          WHERE c.ans_due_dtm IS NULL ORDER BY c.ccn_no LIMIT ?1",
    )?
    .query_map([limit], |r| {
        Ok(Undated {
            ccn_no: r.get(0)?,
            accepted_at: r.get(1)?,
            answer_days: r.get(2)?,
        })
    })?
    .collect()
}

pub fn set_answer_due(conn: &Connection, ccn_no: &str, due: &str) -> rusqlite::Result<()> {
    conn.prepare_cached("UPDATE ccn SET ans_due_dtm = ?2 WHERE ccn_no = ?1")?
        .execute(params![ccn_no, due])?;
    Ok(())
}
