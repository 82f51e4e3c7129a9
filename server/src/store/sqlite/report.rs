//! What the desk report counts: the inquiries received in a period, with type, holder, answer,
//! deadline and rating. Aggregated by `desk::report` (medians need every value).

use rusqlite::Connection;

use crate::store::records::{CounselorRef, ReportFact};

pub fn report_facts(
    conn: &Connection,
    from: &str,
    until: &str,
) -> rusqlite::Result<Vec<ReportFact>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.ccn_no, c.accp_dtm, c.cnsl_typ_no,
                COALESCE(u.cnsl_typ_nm || ' > ', '') || t.cnsl_typ_nm,
                c.cnslr_no, s.cnslr_nm,
                CASE c.ccn_stat_cd WHEN '30' THEN COALESCE(
                    (SELECT MIN(p.ans_dtm) FROM ccn_reply p WHERE p.ccn_no = c.ccn_no), c.ans_dtm)
                END,
                c.ans_due_dtm, f.stsf_yn
           FROM ccn c
           JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
           LEFT JOIN cnsl_typ u ON u.cnsl_typ_no = t.upr_cnsl_typ_no
           LEFT JOIN counselor s ON s.cnslr_no = c.cnslr_no
           LEFT JOIN ccn_stsf f ON f.ccn_no = c.ccn_no
          WHERE c.accp_dtm >= ?1 AND c.accp_dtm < ?2 AND c.wdrw_dtm IS NULL
          ORDER BY c.accp_dtm, c.ccn_no",
    )?;
    let rows = stmt.query_map([from, until], |r| {
        let no: Option<String> = r.get(4)?;
        let name: Option<String> = r.get(5)?;
        Ok(ReportFact {
            ccn_no: r.get(0)?,
            accepted_at: r.get(1)?,
            type_no: r.get(2)?,
            type_name: r.get(3)?,
            counselor: no.map(|no| CounselorRef {
                name: name.unwrap_or_else(|| no.clone()),
                no,
            }),
            answered_at: r.get(6)?,
            due_at: r.get(7)?,
            satisfied: r.get::<_, Option<String>>(8)?.map(|y| y == "Y"),
        })
    })?;
    rows.collect()
}
