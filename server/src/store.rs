//! SQL for inquiries, types, goods and orders. Functions take a connection (or transaction) so
//! the API layer decides transaction boundaries; nothing here knows about HTTP.

use chrono::FixedOffset;
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::{
    api::dto::{
        AtchFile, Goods, GoodsCard, GoodsItem, LargeType, LeafType, OrderGoods, QuestionDetail,
        QuestionSummary, Reply,
    },
    db::Totals,
    model::{wire_time, ReplyAuthor, Status},
};

/// Paths (from the API origin) clients use to fetch files.
pub fn goods_image_url(img_file: Option<String>) -> Option<String> {
    img_file.map(|f| format!("/images/goods/{f}"))
}

pub fn question_file_url(ccn_no: &str, file_seq: u32) -> String {
    format!("/api/order/v1/customerservice/getQuestionFile?ccnNo={ccn_no}&fileSeq={file_seq}")
}

/// Filters of the inquiry lists (member and back office).
#[derive(Debug, Default, Clone)]
pub struct ListFilter {
    /// `None`: every member (back office).
    pub mbr_no: Option<String>,
    /// Include `mbrNo`/`mbrNm` in the rows (back office).
    pub with_member: bool,
    /// Inclusive lower bound, stored-UTC text.
    pub from: String,
    /// Exclusive upper bound, stored-UTC text.
    pub until: String,
    pub status: Option<Status>,
    pub ord_no: Option<String>,
    pub keyword: Option<String>,
}

fn like_pattern(keyword: &str) -> String {
    let escaped = keyword
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// `WHERE …` of an inquiry list (over `ccn c`) with only the filters that are set, so SQLite
/// can pick the index made for that combination (a catch-all `?1 IS NULL OR c.mbr_no = ?1`
/// keeps it from using any). Returns the SQL and its parameters in order; [`count_sql`] and
/// [`list_sql`] put it in their queries.
///
/// Indexes (migration 2) and the filter combinations they serve, each ending in
/// `accp_dtm, ccn_no` so rows come out in list order without a sort:
/// member (+ keyword) → `ccn_mbr_idx`; member + status → `ccn_mbr_stat_idx`; status →
/// `ccn_stat_idx`; order number (alone or with anything) → `ccn_ord_idx`; period only or
/// keyword only (back office) → `ccn_accp_idx`. `server/tests/query_plans.rs` checks them all.
pub fn summary_from(filter: &ListFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut sql = String::from(" WHERE c.accp_dtm >= ? AND c.accp_dtm < ?");
    let mut args = vec![
        Value::Text(filter.from.clone()),
        Value::Text(filter.until.clone()),
    ];
    if let Some(m) = &filter.mbr_no {
        sql.push_str(" AND c.mbr_no = ?");
        args.push(Value::Text(m.clone()));
    }
    if let Some(s) = filter.status {
        sql.push_str(" AND c.ccn_stat_cd = ?");
        args.push(Value::Text(s.code().to_owned()));
    }
    if let Some(o) = &filter.ord_no {
        sql.push_str(" AND c.ord_no = ?");
        args.push(Value::Text(o.clone()));
    }
    if let Some(k) = &filter.keyword {
        sql.push_str(" AND (c.ccn_title LIKE ? ESCAPE '\\' OR c.accp_cont LIKE ? ESCAPE '\\')");
        let pattern = like_pattern(k);
        args.push(Value::Text(pattern.clone()));
        args.push(Value::Text(pattern));
    }
    (sql, args)
}

/// The total of an inquiry list: the inquiries alone (the joins of a page add no filter).
pub fn count_sql(filter_sql: &str) -> String {
    format!("SELECT COUNT(*) FROM ccn c{filter_sql}")
}

/// A page of an inquiry list (see [`summary_from`]); its last two parameters are `LIMIT` and
/// `OFFSET`. `CROSS JOIN` keeps the inquiries as the outer loop (SQLite does not reorder it), so
/// with statistics too the planner walks the filter's index in list order and stops at the
/// page's end instead of driving from a small joined table and sorting.
pub fn list_sql(filter_sql: &str) -> String {
    format!(
        "SELECT c.ccn_no, l.cnsl_typ_no, l.cnsl_typ_nm, t.cnsl_typ_no, t.cnsl_typ_nm, c.ccn_title,
                c.goods_no, g.goods_nm, c.ord_no, c.ccn_stat_cd, c.accp_dtm, c.ans_dtm,
                (SELECT COUNT(*) FROM ccn_file f WHERE f.ccn_no = c.ccn_no),
                (SELECT COUNT(*) FROM ccn_reply p WHERE p.ccn_no = c.ccn_no),
                c.mbr_no, m.mbr_nm
           FROM ccn c
          CROSS JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
          CROSS JOIN cnsl_typ l ON l.cnsl_typ_no = t.upr_cnsl_typ_no
          CROSS JOIN member m ON m.mbr_no = c.mbr_no
           LEFT JOIN goods g ON g.goods_no = c.goods_no{filter_sql}
          ORDER BY c.accp_dtm DESC, c.ccn_no DESC
          LIMIT ? OFFSET ?"
    )
}

fn summary_row(
    r: &Row,
    offset: FixedOffset,
    with_member: bool,
) -> rusqlite::Result<QuestionSummary> {
    let stat: String = r.get(9)?;
    let status = Status::from_code(&stat).unwrap_or(Status::Received);
    Ok(QuestionSummary {
        ccn_no: r.get(0)?,
        cnsl_lrg_typ_no: r.get(1)?,
        cnsl_lrg_typ_nm: r.get(2)?,
        cnsl_typ_no: r.get(3)?,
        cnsl_typ_nm: r.get(4)?,
        ccn_title: r.get(5)?,
        goods_no: r.get(6)?,
        goods_nm: r.get(7)?,
        ord_no: r.get(8)?,
        ccn_stat_cd: status.code().to_owned(),
        ccn_stat_nm: status.name().to_owned(),
        accp_dtm: wire_time(&r.get::<_, String>(10)?, offset),
        ans_dtm: r
            .get::<_, Option<String>>(11)?
            .map(|t| wire_time(&t, offset)),
        atch_file_cnt: r.get(12)?,
        reply_cnt: r.get(13)?,
        mbr_no: if with_member { Some(r.get(14)?) } else { None },
        mbr_nm: if with_member { Some(r.get(15)?) } else { None },
    })
}

pub fn list_questions(
    conn: &Connection,
    filter: &ListFilter,
    page_no: u32,
    page_size: u32,
    offset: FixedOffset,
    totals: &Totals,
) -> rusqlite::Result<(Vec<QuestionSummary>, u64)> {
    let (from, mut args) = summary_from(filter);
    let count = count_sql(&from);
    let key = format!("{count}\u{0}{args:?}");
    let total = totals.get_or_count(key, || {
        conn.prepare_cached(&count)?
            .query_row(rusqlite::params_from_iter(&args), |r| r.get(0))
    })?;
    args.push(i64::from(page_size).into());
    args.push(((i64::from(page_no) - 1) * i64::from(page_size)).into());
    let with_member = filter.with_member;
    let mut stmt = conn.prepare_cached(&list_sql(&from))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&args), |r| {
            summary_row(r, offset, with_member)
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((rows, total))
}

/// The owner and status of an inquiry, if it exists and (for members) is theirs.
pub fn question_status(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: Option<&str>,
) -> rusqlite::Result<Option<Status>> {
    conn.query_row(
        "SELECT ccn_stat_cd FROM ccn WHERE ccn_no = ?1 AND (?2 IS NULL OR mbr_no = ?2)",
        params![ccn_no, mbr_no],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map(|o| o.and_then(|c| Status::from_code(&c)))
}

pub fn question_detail(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: Option<&str>,
    offset: FixedOffset,
) -> rusqlite::Result<Option<QuestionDetail>> {
    let row = conn
        .query_row(
            "SELECT c.ccn_no, l.cnsl_typ_no, l.cnsl_typ_nm, t.cnsl_typ_no, t.cnsl_typ_nm,
                    c.ccn_title, c.accp_cont, c.goods_no, c.itm_no, c.ord_no, o.ord_dtm,
                    c.sms_rcv_yn, c.email_rcv_yn, c.ref_ccn_no, c.ccn_stat_cd, c.accp_dtm,
                    c.mod_dtm, c.ans_dtm, c.mbr_no, m.mbr_nm
               FROM ccn c
               JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
               JOIN cnsl_typ l ON l.cnsl_typ_no = t.upr_cnsl_typ_no
               JOIN member m ON m.mbr_no = c.mbr_no
               LEFT JOIN ord o ON o.ord_no = c.ord_no
              WHERE c.ccn_no = ?1 AND (?2 IS NULL OR c.mbr_no = ?2)",
            params![ccn_no, mbr_no],
            |r| {
                let stat: String = r.get(14)?;
                let status = Status::from_code(&stat).unwrap_or(Status::Received);
                let t = |i: usize| -> rusqlite::Result<Option<String>> {
                    Ok(r.get::<_, Option<String>>(i)?
                        .map(|v| wire_time(&v, offset)))
                };
                Ok((
                    QuestionDetail {
                        ccn_no: r.get(0)?,
                        cnsl_lrg_typ_no: r.get(1)?,
                        cnsl_lrg_typ_nm: r.get(2)?,
                        cnsl_typ_no: r.get(3)?,
                        cnsl_typ_nm: r.get(4)?,
                        ccn_title: r.get(5)?,
                        accp_cont: r.get(6)?,
                        goods: None,
                        ord_no: r.get(9)?,
                        ord_dtm: t(10)?,
                        sms_rcv_yn: r.get(11)?,
                        email_rcv_yn: r.get(12)?,
                        ref_ccn_no: r.get(13)?,
                        ccn_stat_cd: status.code().to_owned(),
                        ccn_stat_nm: status.name().to_owned(),
                        accp_dtm: t(15)?.unwrap_or_default(),
                        mod_dtm: t(16)?,
                        ans_dtm: t(17)?,
                        atch_files: Vec::new(),
                        replies: Vec::new(),
                        mbr_no: mbr_no.is_none().then(|| r.get(18)).transpose()?,
                        mbr_nm: mbr_no.is_none().then(|| r.get(19)).transpose()?,
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
    detail.atch_files = files
        .query_map([ccn_no], |r| {
            let seq: u32 = r.get(0)?;
            Ok(AtchFile {
                file_seq: seq,
                file_nm: r.get(1)?,
                file_size: r.get(2)?,
                content_type: r.get(3)?,
                file_url: question_file_url(ccn_no, seq),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut replies = conn.prepare_cached(
        "SELECT cnsl_proc_seq, ans_typ_cd, ansr_nm, ans_cont, ans_dtm FROM ccn_reply
          WHERE ccn_no = ?1 ORDER BY cnsl_proc_seq",
    )?;
    detail.replies = replies
        .query_map([ccn_no], |r| {
            let author =
                ReplyAuthor::from_code(&r.get::<_, String>(1)?).unwrap_or(ReplyAuthor::Counselor);
            Ok(Reply {
                cnsl_proc_seq: r.get(0)?,
                ans_typ_cd: author.code().to_owned(),
                ans_typ_nm: author.name().to_owned(),
                ansr_nm: r.get(2)?,
                ans_cont: r.get(3)?,
                ans_dtm: wire_time(&r.get::<_, String>(4)?, offset),
            })
        })?
        .collect::<Result<_, _>>()?;
    Ok(Some(detail))
}

fn goods_card(
    conn: &Connection,
    goods_no: &str,
    itm_no: Option<&str>,
) -> rusqlite::Result<Option<GoodsCard>> {
    conn.query_row(
        "SELECT g.goods_no, g.goods_nm, g.brand_nm, i.itm_no, i.itm_nm, g.sale_prc, g.img_file
           FROM goods g LEFT JOIN goods_itm i ON i.goods_no = g.goods_no AND i.itm_no = ?2
          WHERE g.goods_no = ?1",
        params![goods_no, itm_no],
        |r| {
            Ok(GoodsCard {
                goods_no: r.get(0)?,
                goods_nm: r.get(1)?,
                brand_nm: r.get(2)?,
                itm_no: r.get(3)?,
                itm_nm: r.get(4)?,
                sale_prc: r.get(5)?,
                img_url: goods_image_url(r.get(6)?),
            })
        },
    )
    .optional()
}

pub fn type_tree(conn: &Connection) -> rusqlite::Result<Vec<LargeType>> {
    let mut stmt = conn.prepare_cached(
        "SELECT cnsl_typ_no, cnsl_typ_nm, upr_cnsl_typ_no, goods_sel_mdty_yn FROM cnsl_typ
          WHERE use_yn = 'Y' ORDER BY upr_cnsl_typ_no IS NOT NULL, sort_seq, cnsl_typ_no",
    )?;
    let mut tree: Vec<LargeType> = Vec::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (no, nm, parent, goods_yn) = row?;
        match parent {
            None => tree.push(LargeType {
                cnsl_typ_no: no,
                cnsl_typ_nm: nm,
                children: Vec::new(),
            }),
            Some(parent) => {
                if let Some(large) = tree.iter_mut().find(|l| l.cnsl_typ_no == parent) {
                    large.children.push(LeafType {
                        cnsl_typ_no: no,
                        cnsl_typ_nm: nm,
                        goods_sel_mdty_yn: goods_yn,
                    });
                }
            }
        }
    }
    tree.retain(|l| !l.children.is_empty());
    Ok(tree)
}

/// What the rules need to know about a type number.
pub enum TypeLookup {
    Unknown,
    NotLeaf,
    Leaf { goods_required: bool },
}

pub fn lookup_type(conn: &Connection, no: &str) -> rusqlite::Result<TypeLookup> {
    let row = conn
        .query_row(
            "SELECT upr_cnsl_typ_no IS NOT NULL, goods_sel_mdty_yn = 'Y',
                    EXISTS (SELECT 1 FROM cnsl_typ c WHERE c.upr_cnsl_typ_no = t.cnsl_typ_no)
               FROM cnsl_typ t WHERE cnsl_typ_no = ?1 AND use_yn = 'Y'",
            [no],
            |r| {
                Ok((
                    r.get::<_, bool>(0)?,
                    r.get::<_, bool>(1)?,
                    r.get::<_, bool>(2)?,
                ))
            },
        )
        .optional()?;
    Ok(match row {
        None => TypeLookup::Unknown,
        Some((true, goods_required, false)) => TypeLookup::Leaf { goods_required },
        Some(_) => TypeLookup::NotLeaf,
    })
}

pub fn goods_exists(conn: &Connection, goods_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM goods WHERE goods_no = ?1)",
        [goods_no],
        |r| r.get(0),
    )
}

pub fn item_exists(conn: &Connection, goods_no: &str, itm_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM goods_itm WHERE goods_no = ?1 AND itm_no = ?2)",
        [goods_no, itm_no],
        |r| r.get(0),
    )
}

pub fn order_owned(conn: &Connection, ord_no: &str, mbr_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM ord WHERE ord_no = ?1 AND mbr_no = ?2)",
        [ord_no, mbr_no],
        |r| r.get(0),
    )
}

pub fn order_has_goods(conn: &Connection, ord_no: &str, goods_no: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM ord_goods WHERE ord_no = ?1 AND goods_no = ?2)",
        [ord_no, goods_no],
        |r| r.get(0),
    )
}

pub fn search_goods(
    conn: &Connection,
    search_nm: Option<&str>,
    page_no: u32,
    page_size: u32,
) -> rusqlite::Result<(Vec<Goods>, u64)> {
    let pattern = search_nm.map(like_pattern);
    let filter = "FROM goods WHERE ?1 IS NULL OR goods_nm LIKE ?1 ESCAPE '\\'
                  OR brand_nm LIKE ?1 ESCAPE '\\' OR goods_no = ?2";
    let total: u64 = conn.query_row(
        &format!("SELECT COUNT(*) {filter}"),
        params![pattern, search_nm],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT goods_no, goods_nm, brand_nm, category_nm, sale_prc, img_file {filter}
          ORDER BY goods_nm, goods_no LIMIT ?3 OFFSET ?4"
    ))?;
    let mut goods = stmt
        .query_map(
            params![
                pattern,
                search_nm,
                page_size,
                (u64::from(page_no) - 1) * u64::from(page_size)
            ],
            |r| {
                Ok(Goods {
                    goods_no: r.get(0)?,
                    goods_nm: r.get(1)?,
                    brand_nm: r.get(2)?,
                    category_nm: r.get(3)?,
                    sale_prc: r.get(4)?,
                    img_url: goods_image_url(r.get(5)?),
                    items: Vec::new(),
                })
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;
    let mut items = conn.prepare_cached(
        "SELECT itm_no, itm_nm FROM goods_itm WHERE goods_no = ?1 ORDER BY itm_no",
    )?;
    for g in &mut goods {
        g.items = items
            .query_map([&g.goods_no], |r| {
                Ok(GoodsItem {
                    itm_no: r.get(0)?,
                    itm_nm: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok((goods, total))
}

pub fn order_goods(
    conn: &Connection,
    mbr_no: &str,
    page_no: u32,
    page_size: u32,
    offset: FixedOffset,
) -> rusqlite::Result<(Vec<OrderGoods>, u64)> {
    let total: u64 = conn.query_row(
        "SELECT COUNT(*) FROM ord_goods og JOIN ord o ON o.ord_no = og.ord_no WHERE o.mbr_no = ?1",
        [mbr_no],
        |r| r.get(0),
    )?;
    let mut stmt = conn.prepare_cached(
        "SELECT o.ord_no, o.ord_dtm, og.ord_seq, g.goods_no, g.goods_nm, g.brand_nm, og.itm_no,
                COALESCE(i.itm_nm, ''), og.ord_qty, og.ord_amt, g.img_file
           FROM ord_goods og
           JOIN ord o ON o.ord_no = og.ord_no
           JOIN goods g ON g.goods_no = og.goods_no
           LEFT JOIN goods_itm i ON i.goods_no = og.goods_no AND i.itm_no = og.itm_no
          WHERE o.mbr_no = ?1
          ORDER BY o.ord_dtm DESC, o.ord_no DESC, og.ord_seq
          LIMIT ?2 OFFSET ?3",
    )?;
    let rows = stmt
        .query_map(
            params![
                mbr_no,
                page_size,
                (u64::from(page_no) - 1) * u64::from(page_size)
            ],
            |r| {
                Ok(OrderGoods {
                    ord_no: r.get(0)?,
                    ord_dtm: wire_time(&r.get::<_, String>(1)?, offset),
                    ord_seq: r.get(2)?,
                    goods_no: r.get(3)?,
                    goods_nm: r.get(4)?,
                    brand_nm: r.get(5)?,
                    itm_no: r.get(6)?,
                    itm_nm: r.get(7)?,
                    ord_qty: r.get(8)?,
                    ord_amt: r.get(9)?,
                    img_url: goods_image_url(r.get(10)?),
                })
            },
        )?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((rows, total))
}

/// A new inquiry number: the storefront-local date of receipt and a global sequence,
/// e.g. `20261122000123`.
pub fn next_ccn_no(conn: &Connection, local_date: chrono::NaiveDate) -> rusqlite::Result<String> {
    conn.execute("INSERT INTO ccn_seq DEFAULT VALUES", [])?;
    let id = conn.last_insert_rowid();
    Ok(format!("{}{:06}", local_date.format("%Y%m%d"), id))
}

/// Text and references of an inquiry as written by the customer.
#[derive(Debug, Clone, Default)]
pub struct QuestionFields {
    pub cnsl_typ_no: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods_no: Option<String>,
    pub itm_no: Option<String>,
    pub ord_no: Option<String>,
    pub sms_rcv_yn: bool,
    pub email_rcv_yn: bool,
    pub ref_ccn_no: Option<String>,
}

fn yn(b: bool) -> &'static str {
    if b {
        "Y"
    } else {
        "N"
    }
}

#[allow(clippy::too_many_arguments)]
pub fn insert_question(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: &str,
    f: &QuestionFields,
    status: Status,
    accp_dtm: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO ccn (ccn_no, mbr_no, cnsl_typ_no, ccn_title, accp_cont, goods_no, itm_no,
                          ord_no, sms_rcv_yn, email_rcv_yn, ccn_stat_cd, ref_ccn_no, accp_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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

/// Deletes the member's inquiry if it is still received (its photos' rows go with it);
/// `false` when it is not theirs, gone or past 접수완료.
pub fn delete_question_if_received(
    conn: &Connection,
    ccn_no: &str,
    mbr_no: &str,
) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "DELETE FROM ccn WHERE ccn_no = ?1 AND mbr_no = ?2 AND ccn_stat_cd = ?3",
        [ccn_no, mbr_no, Status::Received.code()],
    )?;
    Ok(n > 0)
}

/// A stored photo row.
#[derive(Debug, Clone)]
pub struct StoredFile {
    pub file_seq: u32,
    pub file_nm: String,
    pub stored_nm: String,
    pub content_type: String,
    pub file_size: u64,
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
