//! What the storefront and the back office write: inquiries, their photos' rows, replies and
//! statuses. Each function is one statement (or two) on the caller's transaction.

use rusqlite::{params, Connection};

use crate::{
    model::{ReplyAuthor, Status},
    store::{yn, QuestionFields, StoredFile},
};

/// A new inquiry number: the storefront-local date of receipt and a global sequence,
/// e.g. `20261122000123`.
pub fn next_ccn_no(conn: &Connection, local_date: chrono::NaiveDate) -> rusqlite::Result<String> {
    conn.execute("INSERT INTO ccn_seq DEFAULT VALUES", [])?;
    let id = conn.last_insert_rowid();
    Ok(format!("{}{:06}", local_date.format("%Y%m%d"), id))
}

#[allow(clippy::too_many_arguments)]
pub fn insert_question(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: &str,
    f: &QuestionFields,
    status: Status,
    accp_dtm: &str,
    ans_due_dtm: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ccn (ccn_no, mbr_no, cnsl_typ_no, ccn_title, accp_cont, goods_no, itm_no,
                          ord_no, sms_rcv_yn, email_rcv_yn, ccn_stat_cd, ref_ccn_no, accp_dtm,
                          ans_due_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        params![
            ccn_no,
            mbr_no,
            f.cnsl_typ_no,
            f.ccn_title,
            f.accp_cont,
            f.goods_no,
            f.itm_no,
            f.ord_no,
            yn(f.sms_rcv_yn),
            yn(f.email_rcv_yn),
            status.code(),
            f.ref_ccn_no,
            accp_dtm,
            ans_due_dtm,
        ],
    )?;
    Ok(())
}

/// Updates the customer's fields only if the inquiry is still received. Returns whether it did.
pub fn update_question_if_received(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: &str,
    f: &QuestionFields,
    mod_dtm: &str,
) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE ccn SET cnsl_typ_no = ?3, ccn_title = ?4, accp_cont = ?5, goods_no = ?6,
                        itm_no = ?7, ord_no = ?8, sms_rcv_yn = ?9, email_rcv_yn = ?10, mod_dtm = ?11
          WHERE ccn_no = ?1 AND mbr_no = ?2 AND ccn_stat_cd = ?12",
        params![
            ccn_no,
            mbr_no,
            f.cnsl_typ_no,
            f.ccn_title,
            f.accp_cont,
            f.goods_no,
            f.itm_no,
            f.ord_no,
            yn(f.sms_rcv_yn),
            yn(f.email_rcv_yn),
            mod_dtm,
            Status::Received.code(),
        ],
    )?;
    Ok(n == 1)
}

pub fn files_of(conn: &Connection, ccn_no: &str) -> rusqlite::Result<Vec<StoredFile>> {
    let mut stmt = conn.prepare_cached(
        "SELECT file_seq, file_nm, stored_nm, content_type, file_size FROM ccn_file
          WHERE ccn_no = ?1 ORDER BY file_seq",
    )?;
    let rows = stmt
        .query_map([ccn_no], |r| {
            Ok(StoredFile {
                file_seq: r.get(0)?,
                file_nm: r.get(1)?,
                stored_nm: r.get(2)?,
                content_type: r.get(3)?,
                file_size: r.get(4)?,
            })
        })?
        .collect();
    rows
}

pub fn insert_file(
    conn: &Connection,
    ccn_no: &str,
    file_seq: u32,
    file: &StoredFile,
    reg_dtm: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ccn_file (ccn_no, file_seq, file_nm, stored_nm, content_type, file_size, reg_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            ccn_no,
            file_seq,
            file.file_nm,
            file.stored_nm,
            file.content_type,
            file.file_size,
            reg_dtm
        ],
    )?;
    Ok(())
}

pub fn delete_file(conn: &Connection, ccn_no: &str, file_seq: u32) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM ccn_file WHERE ccn_no = ?1 AND file_seq = ?2",
        params![ccn_no, file_seq],
    )?;
    Ok(())
}

pub fn append_reply(
    conn: &Connection,
    ccn_no: &str,
    author: ReplyAuthor,
    ansr_nm: &str,
    ans_cont: &str,
    ans_dtm: &str,
) -> rusqlite::Result<u32> {
    let seq: u32 = conn.query_row(
        "SELECT COALESCE(MAX(cnsl_proc_seq), 0) + 1 FROM ccn_reply WHERE ccn_no = ?1",
        [ccn_no],
        |r| r.get(0),
    )?;
    conn.execute(
        "INSERT INTO ccn_reply (ccn_no, cnsl_proc_seq, ans_typ_cd, ansr_nm, ans_cont, ans_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![ccn_no, seq, author.code(), ansr_nm, ans_cont, ans_dtm],
    )?;
    // Something new to read: the customer's list marks it until they open it.
    conn.execute(
        "UPDATE ccn SET ans_read_dtm = NULL WHERE ccn_no = ?1",
        [ccn_no],
    )?;
    Ok(seq)
}

pub fn set_status(
    conn: &Connection,
    ccn_no: &str,
    status: Status,
    ans_dtm: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ccn SET ccn_stat_cd = ?2, ans_dtm = COALESCE(?3, ans_dtm) WHERE ccn_no = ?1",
        params![ccn_no, status.code(), ans_dtm],
    )?;
    Ok(())
}

/// The counselor who holds the inquiry from now on.
pub fn set_assignee(conn: &Connection, ccn_no: &str, cnslr_no: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ccn SET cnslr_no = ?2 WHERE ccn_no = ?1",
        [ccn_no, cnslr_no],
    )?;
    Ok(())
}

/// The member opened the answer of their inquiry: `false` when it is not theirs, not answered,
/// or read already (nothing changed).
pub fn mark_answer_read(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: &str,
    at: &str,
) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "UPDATE ccn SET ans_read_dtm = ?3
          WHERE ccn_no = ?1 AND mbr_no = ?2 AND ccn_stat_cd = ?4 AND ans_read_dtm IS NULL",
        params![ccn_no, mbr_no, at, Status::Answered.code()],
    )?;
    Ok(n == 1)
}
