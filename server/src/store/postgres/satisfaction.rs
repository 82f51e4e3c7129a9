//! The customer's rating of the answer (`ccn_stsf`): one per inquiry.

use tokio_postgres::Error;

use super::tx::PgTx;
use crate::store::records::SatisfactionRecord;

pub fn insert_satisfaction(
    tx: &mut PgTx,
    ccn_no: &str,
    s: &SatisfactionRecord,
) -> Result<bool, Error> {
    let yn = if s.satisfied { "Y" } else { "N" };
    let n = tx.execute(
        "INSERT INTO ccn_stsf (ccn_no, stsf_yn, rsn_cd, stsf_cmt, reg_dtm)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ccn_no) DO NOTHING",
        &[&ccn_no, &yn, &s.reason, &s.comment, &s.at],
    )?;
    Ok(n == 1)
}

pub fn satisfaction_of(tx: &mut PgTx, ccn_no: &str) -> Result<Option<SatisfactionRecord>, Error> {
    Ok(tx
        .query_opt(
            "SELECT stsf_yn, rsn_cd, stsf_cmt, reg_dtm FROM ccn_stsf WHERE ccn_no = $1",
            &[&ccn_no],
        )?
        .map(|r| SatisfactionRecord {
            satisfied: r.get::<_, &str>(0) == "Y",
            reason: r.get(1),
            comment: r.get(2),
            at: r.get(3),
        }))
}
