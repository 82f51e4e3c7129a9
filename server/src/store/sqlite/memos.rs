//! Internal memos (`ccn_memo`).

use rusqlite::{params, Connection};

use crate::store::records::{CounselorRef, MemoRecord};

pub fn insert_memo(
    conn: &Connection,
    ccn_no: &str,
    author: &CounselorRef,
    content: &str,
    at: &str,
) -> rusqlite::Result<u32> {
    let seq: u32 = conn
        .prepare_cached("SELECT COALESCE(MAX(memo_seq), 0) + 1 FROM ccn_memo WHERE ccn_no = ?1")?
        .query_row([ccn_no], |r| r.get(0))?;
    conn.prepare_cached(
        "INSERT INTO ccn_memo (ccn_no, memo_seq, cnslr_no, cnslr_nm, memo_cont, reg_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![ccn_no, seq, author.no, author.name, content, at])?;
    Ok(seq)
}

pub fn memos_of(conn: &Connection, ccn_no: &str) -> rusqlite::Result<Vec<MemoRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT memo_seq, cnslr_no, cnslr_nm, memo_cont, reg_dtm
           FROM ccn_memo WHERE ccn_no = ?1 ORDER BY memo_seq",
    )?;
    let rows = stmt
        .query_map([ccn_no], |r| {
            Ok(MemoRecord {
                seq: r.get(0)?,
                author: CounselorRef {
                    no: r.get(1)?,
                    name: r.get(2)?,
                },
                content: r.get(3)?,
                at: r.get(4)?,
            })
        })?
        .collect();
    rows
}
