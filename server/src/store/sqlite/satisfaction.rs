//! The customer's rating of the answer (`ccn_stsf`): one per inquiry.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::records::SatisfactionRecord;

pub fn insert_satisfaction(
    conn: &Connection,
    ccn_no: &str,
    s: &SatisfactionRecord,
) -> rusqlite::Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO ccn_stsf (ccn_no, stsf_yn, rsn_cd, stsf_cmt, reg_dtm)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (ccn_no) DO NOTHING",
        )?
        .execute(params![
            ccn_no,
            if s.satisfied { "Y" } else { "N" },
            s.reason,
            s.comment,
            s.at
        ])?;
    Ok(n == 1)
}

pub fn satisfaction_of(
    conn: &Connection,
    ccn_no: &str,
) -> rusqlite::Result<Option<SatisfactionRecord>> {
    conn.prepare_cached(
        "SELECT stsf_yn, rsn_cd, stsf_cmt, reg_dtm FROM ccn_stsf WHERE ccn_no = ?1",
    )?
    .query_row([ccn_no], |r| {
        Ok(SatisfactionRecord {
            satisfied: r.get::<_, String>(0)? == "Y",
            reason: r.get(1)?,
            comment: r.get(2)?,
            at: r.get(3)?,
        })
    })
    .optional()
}
