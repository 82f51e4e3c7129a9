//! Internal memos (`ccn_memo`).

use tokio_postgres::Error;

use super::{tx::PgTx, uint};
use crate::store::records::{CounselorRef, MemoRecord};

pub fn insert_memo(
    tx: &mut PgTx,
    ccn_no: &str,
    author: &CounselorRef,
    content: &str,
    at: &str,
) -> Result<u32, Error> {
    let seq: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(memo_seq), 0) + 1 FROM ccn_memo WHERE ccn_no = $1",
            &[&ccn_no],
        )?
        .get(0);
    tx.execute(
        "INSERT INTO ccn_memo (ccn_no, memo_seq, cnslr_no, cnslr_nm, memo_cont, reg_dtm)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[&ccn_no, &seq, &author.no, &author.name, &content, &at],
    )?;
    Ok(u32::try_from(seq).unwrap_or_default())
}

pub fn memos_of(tx: &mut PgTx, ccn_no: &str) -> Result<Vec<MemoRecord>, Error> {
    Ok(tx
        .query(
            "SELECT memo_seq, cnslr_no, cnslr_nm, memo_cont, reg_dtm
               FROM ccn_memo WHERE ccn_no = $1 ORDER BY memo_seq",
            &[&ccn_no],
        )?
        .iter()
        .map(|r| MemoRecord {
            seq: uint(r, 0),
            author: CounselorRef {
                no: r.get(1),
                name: r.get(2),
            },
            content: r.get(3),
            at: r.get(4),
        })
        .collect())
}
