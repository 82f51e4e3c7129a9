//! One inquiry: its lock, number, fields, status, photos' rows and thread.

use tokio_postgres::Error;

use super::{counselor, tx::PgTx, uint};
use crate::{
    model::{ReplyAuthor, Status},
    store::{
        records::{
            CounselorRef, FileRecord, GoodsRecord, InquiryRecord, Member, ReplyRecord, TypeName,
        },
        yn, QuestionFields, StoredFile,
    },
};

pub fn lock_inquiry(tx: &mut PgTx, ccn_no: &str) -> Result<bool, Error> {
    Ok(tx
        .query_opt("SELECT 1 FROM ccn WHERE ccn_no = $1 FOR UPDATE", &[&ccn_no])?
        .is_some())
}

pub fn next_ccn_no(tx: &mut PgTx, local_date: chrono::NaiveDate) -> Result<String, Error> {
    let id: i64 = tx.query_one("SELECT nextval('ccn_seq')", &[])?.get(0);
    Ok(format!("{}{:06}", local_date.format("%Y%m%d"), id))
}

pub fn insert_question(
    tx: &mut PgTx,
    ccn_no: &str,
    mbr_no: &str,
    f: &QuestionFields,
    status: Status,
    accp_dtm: &str,
    ans_due_dtm: Option<&str>,
) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO ccn (ccn_no, mbr_no, cnsl_typ_no, ccn_title, accp_cont, goods_no, itm_no,
                          ord_no, sms_rcv_yn, email_rcv_yn, ccn_stat_cd, ref_ccn_no, accp_dtm,
                          ans_due_dtm)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        &[
            &ccn_no,
            &mbr_no,
            &f.cnsl_typ_no,
            &f.ccn_title,
            &f.accp_cont,
            &f.goods_no,
            &f.itm_no,
            &f.ord_no,
            &yn(f.sms_rcv_yn),
            &yn(f.email_rcv_yn),
            &status.code(),
            &f.ref_ccn_no,
            &accp_dtm,
            &ans_due_dtm,
        ],
    )?;
    Ok(())
}

pub fn update_question_if_received(
    tx: &mut PgTx,
    ccn_no: &str,
    mbr_no: &str,
    f: &QuestionFields,
    mod_dtm: &str,
) -> Result<bool, Error> {
    let n = tx.execute(
        "UPDATE ccn SET cnsl_typ_no = $3, ccn_title = $4, accp_cont = $5, goods_no = $6,
                        itm_no = $7, ord_no = $8, sms_rcv_yn = $9, email_rcv_yn = $10, mod_dtm = $11
          WHERE ccn_no = $1 AND mbr_no = $2 AND ccn_stat_cd = $12",
        &[
            &ccn_no,
            &mbr_no,
            &f.cnsl_typ_no,
            &f.ccn_title,
            &f.accp_cont,
            &f.goods_no,
            &f.itm_no,
            &f.ord_no,
            &yn(f.sms_rcv_yn),
            &yn(f.email_rcv_yn),
            &mod_dtm,
            &Status::Received.code(),
        ],
    )?;
    Ok(n == 1)
}

pub fn question_status(
    tx: &mut PgTx,
    ccn_no: &str,
    mbr_no: Option<&str>,
) -> Result<Option<Status>, Error> {
    let row = tx.query_opt(
        "SELECT ccn_stat_cd FROM ccn
          WHERE ccn_no = $1 AND ($2::TEXT IS NULL OR (mbr_no = $2 AND wdrw_dtm IS NULL))",
        &[&ccn_no, &mbr_no],
    )?;
    Ok(row.and_then(|r| Status::from_code(r.get(0))))
}

pub fn question_state(
    tx: &mut PgTx,
    ccn_no: &str,
) -> Result<Option<(Status, Option<CounselorRef>)>, Error> {
    let row = tx.query_opt(
        "SELECT c.ccn_stat_cd, c.cnslr_no, s.cnslr_nm FROM ccn c
           LEFT JOIN counselor s ON s.cnslr_no = c.cnslr_no WHERE c.ccn_no = $1",
        &[&ccn_no],
    )?;
    Ok(row.and_then(|r| Status::from_code(r.get(0)).map(|s| (s, counselor(&r, 1)))))
}

pub fn question_detail(
    tx: &mut PgTx,
    ccn_no: &str,
    mbr_no: Option<&str>,
) -> Result<Option<InquiryRecord>, Error> {
    let Some(r) = tx.query_opt(
        "SELECT c.ccn_no, l.cnsl_typ_no, l.cnsl_typ_nm, t.cnsl_typ_no, t.cnsl_typ_nm,
                c.ccn_title, c.accp_cont, c.goods_no, c.itm_no, c.ord_no, o.ord_dtm,
                c.sms_rcv_yn, c.email_rcv_yn, c.ref_ccn_no, c.ccn_stat_cd, c.accp_dtm,
                c.mod_dtm, c.ans_dtm, c.mbr_no, m.mbr_nm,
                c.ans_read_dtm IS NOT NULL, c.cnslr_no, s.cnslr_nm, c.wdrw_dtm, c.ans_due_dtm
           FROM ccn c
           JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
           JOIN cnsl_typ l ON l.cnsl_typ_no = t.upr_cnsl_typ_no
           JOIN member m ON m.mbr_no = c.mbr_no
           LEFT JOIN ord o ON o.ord_no = c.ord_no
           LEFT JOIN counselor s ON s.cnslr_no = c.cnslr_no
          WHERE c.ccn_no = $1
            AND ($2::TEXT IS NULL OR (c.mbr_no = $2 AND c.wdrw_dtm IS NULL))",
        &[&ccn_no, &mbr_no],
    )?
    else {
        return Ok(None);
    };
    let goods_no: Option<String> = r.get(7);
    let itm_no: Option<String> = r.get(8);
    let mut detail = InquiryRecord {
        ccn_no: r.get(0),
        group: TypeName {
            no: r.get(1),
            name: r.get(2),
        },
        leaf: TypeName {
            no: r.get(3),
            name: r.get(4),
        },
        title: r.get(5),
        content: r.get(6),
        goods: None,
        ord_no: r.get(9),
        ordered_at: r.get(10),
        sms_consent: r.get::<_, &str>(11) == "Y",
        email_consent: r.get::<_, &str>(12) == "Y",
        ref_no: r.get(13),
        status: Status::from_code(r.get(14)).unwrap_or(Status::Received),
        accepted_at: r.get(15),
        modified_at: r.get(16),
        answered_at: r.get(17),
        files: Vec::new(),
        replies: Vec::new(),
        member: Member {
            mbr_no: r.get(18),
            name: r.get(19),
        },
        answer_read: r.get(20),
        assignee: counselor(&r, 21),
        withdrawn_at: r.get(23),
        answer_due: r.get(24),
    };
    if let Some(goods_no) = goods_no {
        detail.goods = tx
            .query_opt(
                "SELECT g.goods_no, g.goods_nm, g.brand_nm, i.itm_no, i.itm_nm, g.sale_prc,
                        g.img_file
                   FROM goods g LEFT JOIN goods_itm i ON i.goods_no = g.goods_no AND i.itm_no = $2
                  WHERE g.goods_no = $1",
                &[&goods_no, &itm_no],
            )?
            .map(|g| GoodsRecord {
                goods_no: g.get(0),
                name: g.get(1),
                brand: g.get(2),
                item_no: g.get(3),
                item_name: g.get(4),
                price: g.get(5),
                image_file: g.get(6),
            });
    }
    detail.files = tx
        .query(
            "SELECT file_seq, file_nm, file_size, content_type FROM ccn_file
              WHERE ccn_no = $1 ORDER BY file_seq",
            &[&ccn_no],
        )?
        .iter()
        .map(|f| FileRecord {
            file_seq: uint(f, 0),
            name: f.get(1),
            size: uint(f, 2),
            content_type: f.get(3),
        })
        .collect();
    detail.replies = tx
        .query(
            "SELECT cnsl_proc_seq, ans_typ_cd, ansr_nm, ans_cont, ans_dtm FROM ccn_reply
              WHERE ccn_no = $1 ORDER BY cnsl_proc_seq",
            &[&ccn_no],
        )?
        .iter()
        .map(|p| ReplyRecord {
            seq: uint(p, 0),
            author: ReplyAuthor::from_code(p.get(1)).unwrap_or(ReplyAuthor::Counselor),
            author_name: p.get(2),
            content: p.get(3),
            at: p.get(4),
        })
        .collect();
    Ok(Some(detail))
}

pub fn files_of(tx: &mut PgTx, ccn_no: &str) -> Result<Vec<StoredFile>, Error> {
    Ok(tx
        .query(
            "SELECT file_seq, file_nm, stored_nm, content_type, file_size FROM ccn_file
              WHERE ccn_no = $1 ORDER BY file_seq",
            &[&ccn_no],
        )?
        .iter()
        .map(|r| StoredFile {
            file_seq: uint(r, 0),
            file_nm: r.get(1),
            stored_nm: r.get(2),
            content_type: r.get(3),
            file_size: uint(r, 4),
        })
        .collect())
}

pub fn insert_file(
    tx: &mut PgTx,
    ccn_no: &str,
    file_seq: u32,
    file: &StoredFile,
    reg_dtm: &str,
) -> Result<(), Error> {
    tx.execute(
        "INSERT INTO ccn_file (ccn_no, file_seq, file_nm, stored_nm, content_type, file_size,
                               reg_dtm)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &ccn_no,
            &i64::from(file_seq),
            &file.file_nm,
            &file.stored_nm,
            &file.content_type,
            &(file.file_size as i64),
            &reg_dtm,
        ],
    )?;
    Ok(())
}

pub fn delete_file(tx: &mut PgTx, ccn_no: &str, file_seq: u32) -> Result<(), Error> {
    tx.execute(
        "DELETE FROM ccn_file WHERE ccn_no = $1 AND file_seq = $2",
        &[&ccn_no, &i64::from(file_seq)],
    )?;
    Ok(())
}

pub fn append_reply(
    tx: &mut PgTx,
    ccn_no: &str,
    author: ReplyAuthor,
    ansr_nm: &str,
    ans_cont: &str,
    ans_dtm: &str,
) -> Result<u32, Error> {
    let row = tx.query_one(
        "INSERT INTO ccn_reply (ccn_no, cnsl_proc_seq, ans_typ_cd, ansr_nm, ans_cont, ans_dtm)
         SELECT $1, COALESCE(MAX(cnsl_proc_seq), 0) + 1, $2, $3, $4, $5
           FROM ccn_reply WHERE ccn_no = $1
         RETURNING cnsl_proc_seq",
        &[&ccn_no, &author.code(), &ansr_nm, &ans_cont, &ans_dtm],
    )?;
    // Something new to read: the customer's list marks it until they open it.
    tx.execute(
        "UPDATE ccn SET ans_read_dtm = NULL WHERE ccn_no = $1",
        &[&ccn_no],
    )?;
    Ok(uint(&row, 0))
}

pub fn set_status(
    tx: &mut PgTx,
    ccn_no: &str,
    status: Status,
    ans_dtm: Option<&str>,
) -> Result<(), Error> {
    tx.execute(
        "UPDATE ccn SET ccn_stat_cd = $2, ans_dtm = COALESCE($3, ans_dtm) WHERE ccn_no = $1",
        &[&ccn_no, &status.code(), &ans_dtm],
    )?;
    Ok(())
}

pub fn set_assignee(tx: &mut PgTx, ccn_no: &str, cnslr_no: &str) -> Result<(), Error> {
    tx.execute(
        "UPDATE ccn SET cnslr_no = $2 WHERE ccn_no = $1",
        &[&ccn_no, &cnslr_no],
    )?;
    Ok(())
}

pub fn mark_answer_read(
    tx: &mut PgTx,
    ccn_no: &str,
    mbr_no: &str,
    at: &str,
) -> Result<bool, Error> {
    let n = tx.execute(
        "UPDATE ccn SET ans_read_dtm = $3
          WHERE ccn_no = $1 AND mbr_no = $2 AND ccn_stat_cd = $4 AND ans_read_dtm IS NULL",
        &[&ccn_no, &mbr_no, &at, &Status::Answered.code()],
    )?;
    Ok(n == 1)
}
