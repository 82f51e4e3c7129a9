//! One inquiry: its status, and everything about it with the photos and the thread.

use rusqlite::{params, Connection, OptionalExtension};

use super::shared::counselor;
use crate::{
    model::{ReplyAuthor, Status},
    store::records::{
        CounselorRef, FileRecord, GoodsRecord, InquiryRecord, Member, ReplyRecord, TypeName,
    },
};

/// The owner and status of an inquiry, if it exists and (for members) is theirs.
pub fn question_status(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: Option<&str>,
) -> rusqlite::Result<Option<Status>> {
    conn.query_row(
        "SELECT ccn_stat_cd FROM ccn
          WHERE ccn_no = ?1 AND (?2 IS NULL OR (mbr_no = ?2 AND wdrw_dtm IS NULL))",
        params![ccn_no, mbr_no],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map(|o| o.and_then(|c| Status::from_code(&c)))
}

/// Status and holder of an inquiry (back office: any member's).
pub fn question_state(
    conn: &Connection,
    ccn_no: &str,
) -> rusqlite::Result<Option<(Status, Option<CounselorRef>)>> {
    conn.query_row(
        "SELECT c.ccn_stat_cd, c.cnslr_no, s.cnslr_nm FROM ccn c
           LEFT JOIN counselor s ON s.cnslr_no = c.cnslr_no WHERE c.ccn_no = ?1",
        [ccn_no],
        |r| Ok((r.get::<_, String>(0)?, counselor(r, 1)?)),
    )
    .optional()
    .map(|o| o.and_then(|(c, h)| Status::from_code(&c).map(|s| (s, h))))
}

/// The inquiry `ccn_no` (only if it is `mbr_no`'s, when given).
pub fn question_detail(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: Option<&str>,
) -> rusqlite::Result<Option<InquiryRecord>> {
    let row = conn
        .query_row(
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
              WHERE c.ccn_no = ?1
                AND (?2 IS NULL OR (c.mbr_no = ?2 AND c.wdrw_dtm IS NULL))",
            params![ccn_no, mbr_no],
            |r| {
                let stat: String = r.get(14)?;
                Ok((
                    InquiryRecord {
                        ccn_no: r.get(0)?,
                        group: TypeName {
                            no: r.get(1)?,
                            name: r.get(2)?,
                        },
                        leaf: TypeName {
                            no: r.get(3)?,
                            name: r.get(4)?,
                        },
                        title: r.get(5)?,
                        content: r.get(6)?,
                        goods: None,
                        ord_no: r.get(9)?,
                        ordered_at: r.get(10)?,
                        sms_consent: r.get::<_, String>(11)? == "Y",
                        email_consent: r.get::<_, String>(12)? == "Y",
                        ref_no: r.get(13)?,
                        status: Status::from_code(&stat).unwrap_or(Status::Received),
                        accepted_at: r.get(15)?,
                        modified_at: r.get(16)?,
                        answered_at: r.get(17)?,
                        files: Vec::new(),
                        replies: Vec::new(),
                        member: Member {
                            mbr_no: r.get(18)?,
                            name: r.get(19)?,
                        },
                        answer_read: r.get(20)?,
                        assignee: counselor(r, 21)?,
                        withdrawn_at: r.get(23)?,
                        answer_due: r.get(24)?,
                    },
                    r.get::<_, Option<String>>(7)?,
                    r.get::<_, Option<String>>(8)?,
                ))
            },
        )
        .optional()?;
    let Some((mut detail, goods_no, itm_no)) = row else {
        return Ok(None);
    };
    if let Some(goods_no) = goods_no {
        detail.goods = goods_card(conn, &goods_no, itm_no.as_deref())?;
    }
    let mut files = conn.prepare_cached(
        "SELECT file_seq, file_nm, file_size, content_type FROM ccn_file
          WHERE ccn_no = ?1 ORDER BY file_seq",
    )?;
    detail.files = files
        .query_map([ccn_no], |r| {
            Ok(FileRecord {
                file_seq: r.get(0)?,
                name: r.get(1)?,
                size: r.get(2)?,
                content_type: r.get(3)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut replies = conn.prepare_cached(
        "SELECT cnsl_proc_seq, ans_typ_cd, ansr_nm, ans_cont, ans_dtm FROM ccn_reply
          WHERE ccn_no = ?1 ORDER BY cnsl_proc_seq",
    )?;
    detail.replies = replies
        .query_map([ccn_no], |r| {
            Ok(ReplyRecord {
                seq: r.get(0)?,
                author: ReplyAuthor::from_code(&r.get::<_, String>(1)?)
                    .unwrap_or(ReplyAuthor::Counselor),
                author_name: r.get(2)?,
                content: r.get(3)?,
                at: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(detail))
}

fn goods_card(
    conn: &Connection,
    goods_no: &str,
    itm_no: Option<&str>,
) -> rusqlite::Result<Option<GoodsRecord>> {
    conn.query_row(
        "SELECT g.goods_no, g.goods_nm, g.brand_nm, i.itm_no, i.itm_nm, g.sale_prc, g.img_file
           FROM goods g LEFT JOIN goods_itm i ON i.goods_no = g.goods_no AND i.itm_no = ?2
          WHERE g.goods_no = ?1",
        params![goods_no, itm_no],
        |r| {
            Ok(GoodsRecord {
                goods_no: r.get(0)?,
                name: r.get(1)?,
                brand: r.get(2)?,
                item_no: r.get(3)?,
                item_name: r.get(4)?,
                price: r.get(5)?,
                image_file: r.get(6)?,
            })
        },
    )
    .optional()
}
