//! Answer deadlines: a type's target in business days, and the backfill of inquiries received
//! before deadlines were kept.

use tokio_postgres::Error;

use super::{tx::PgTx, uint};
use crate::store::Undated;

pub fn answer_target_days(tx: &mut PgTx, leaf_no: &str) -> Result<u32, Error> {
    Ok(tx
        .query_opt(
            "SELECT ans_tgt_bdays FROM cnsl_typ WHERE cnsl_typ_no = $1",
            &[&leaf_no],
        )?
        .map(|r| uint(&r, 0))
        .unwrap_or(1))
}

pub fn set_answer_target_days(tx: &mut PgTx, leaf_no: &str, days: u32) -> Result<bool, Error> {
    let n = tx.execute(
        "UPDATE cnsl_typ SET ans_tgt_bdays = $2
          WHERE cnsl_typ_no = $1 AND upr_cnsl_typ_no IS NOT NULL",
        &[&leaf_no, &i64::from(days)],
    )?;
    Ok(n == 1)
}

pub fn undated_inquiries(tx: &mut PgTx, limit: u32) -> Result<Vec<Undated>, Error> {
    Ok(tx
        .query(
            "SELECT c.ccn_no, c.accp_dtm, t.ans_tgt_bdays
               FROM ccn c JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
              WHERE c.ans_due_dtm IS NULL ORDER BY c.ccn_no LIMIT $1",
            &[&i64::from(limit)],
        )?
        .iter()
        .map(|r| Undated {
            ccn_no: r.get(0),
            accepted_at: r.get(1),
            answer_days: uint(r, 2),
        })
        .collect())
}

pub fn set_answer_due(tx: &mut PgTx, ccn_no: &str, due: &str) -> Result<(), Error> {
    tx.execute(
        "UPDATE ccn SET ans_due_dtm = $2 WHERE ccn_no = $1",
        &[&ccn_no, &due],
    )?;
    Ok(())
}
