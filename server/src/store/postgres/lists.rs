//! Inquiry lists (the member's and the counselor's queue): one `WHERE` with only the filters
//! that are set, so the planner picks the index made for that combination (the same indexes
//! as SQLite's, each ending in the list order).

use tokio_postgres::{types::ToSql, Error, Row};

use super::{counselor, tx::PgTx, uint};
use crate::{
    model::Status,
    store::{
        like_pattern,
        records::{InquiryRow, Member, TypeName},
        Assignee, ListFilter, Totals,
    },
};

type Params = Vec<Box<dyn ToSql + Sync + Send>>;

/// `WHERE …` over `ccn c` and its parameters (`$1`…, in order).
fn filter_sql(filter: &ListFilter) -> (String, Params) {
    let mut args: Params = Vec::new();
    let next = |args: &mut Params, v: Box<dyn ToSql + Sync + Send>| {
        args.push(v);
        format!("${}", args.len())
    };
    // Withdrawn inquiries leave every list (the indexes are partial on it), except the back
    // office's list of them.
    let mut sql = format!(
        " WHERE c.wdrw_dtm IS {} NULL AND c.accp_dtm >= {} AND c.accp_dtm < {}",
        if filter.withdrawn { "NOT" } else { "" },
        next(&mut args, Box::new(filter.from.clone())),
        next(&mut args, Box::new(filter.until.clone()))
    );
    if let Some(m) = &filter.mbr_no {
        sql += &format!(" AND c.mbr_no = {}", next(&mut args, Box::new(m.clone())));
    }
    if let Some(s) = filter.status {
        sql += &format!(
            " AND c.ccn_stat_cd = {}",
            next(&mut args, Box::new(s.code()))
        );
    }
    if let Some(o) = &filter.ord_no {
        sql += &format!(" AND c.ord_no = {}", next(&mut args, Box::new(o.clone())));
    }
    if let Some(k) = &filter.keyword {
        let p = next(&mut args, Box::new(like_pattern(k)));
        sql +=
            &format!(" AND (c.ccn_title LIKE {p} ESCAPE '\\' OR c.accp_cont LIKE {p} ESCAPE '\\')");
    }
    if let Some(t) = &filter.type_no {
        let p = next(&mut args, Box::new(t.clone()));
        sql += &format!(
            " AND c.cnsl_typ_no IN (SELECT cnsl_typ_no FROM cnsl_typ
                                     WHERE cnsl_typ_no = {p} OR upr_cnsl_typ_no = {p})"
        );
    }
    match &filter.assignee {
        Some(Assignee::Counselor(no)) => {
            sql += &format!(
                " AND c.cnslr_no = {}",
                next(&mut args, Box::new(no.clone()))
            );
        }
        Some(Assignee::Nobody) => sql += " AND c.cnslr_no IS NULL",
        None => {}
    }
    (sql, args)
}

fn refs(args: &Params) -> Vec<&(dyn ToSql + Sync)> {
    args.iter()
        .map(|a| a.as_ref() as &(dyn ToSql + Sync))
        .collect()
}

/// The filter's total. A member's is a few hundred index entries at most: counted each time.
/// The back office's spans every member (tens of thousands): kept under the transaction's
/// snapshot (which writes it sees, from any instance), so a later request reuses it only if its
/// snapshot is the same, i.e. nothing was committed in between. A counselor paging a queue
/// counts once.
fn count(tx: &mut PgTx, filter: &ListFilter, totals: &Totals) -> Result<u64, Error> {
    let (from, args) = filter_sql(filter);
    let sql = format!("SELECT COUNT(*) FROM ccn c{from}");
    if filter.mbr_no.is_some() {
        return Ok(uint(&tx.query_one(&sql, &refs(&args))?, 0));
    }
    let snapshot = tx.snapshot()?;
    totals.get_or_count(
        || format!("{snapshot}\u{0}{filter:?}"),
        || Ok(uint(&tx.query_one(&sql, &refs(&args))?, 0)),
    )
}

fn summary_row(r: &Row) -> InquiryRow {
    InquiryRow {
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
        goods_no: r.get(6),
        goods_name: r.get(7),
        ord_no: r.get(8),
        status: Status::from_code(r.get(9)).unwrap_or(Status::Received),
        accepted_at: r.get(10),
        answered_at: r.get(11),
        photo_count: uint(r, 12),
        reply_count: uint(r, 13),
        member: Member {
            mbr_no: r.get(14),
            name: r.get(15),
        },
        answer_read: r.get(16),
        assignee: counselor(r, 17),
        satisfied: r.get::<_, Option<&str>>(19).map(|yn| yn == "Y"),
        answer_due: r.get(20),
    }
}

pub fn list_questions(
    tx: &mut PgTx,
    filter: &ListFilter,
    page_no: u32,
    page_size: u32,
    totals: &Totals,
) -> Result<(Vec<InquiryRow>, u64), Error> {
    // A member's total is cheap: it comes with the page, in the same statement (one round
    // trip, one snapshot). The back office's is counted apart and kept (see `count`).
    let with_total = filter.mbr_no.is_some();
    let total = if with_total {
        None
    } else {
        Some(count(tx, filter, totals)?)
    };
    let (from, mut args) = filter_sql(filter);
    let order = if filter.by_due {
        // Undated ones first, as SQLite orders NULLs (and as the index keeps them).
        "c.ans_due_dtm ASC NULLS FIRST, c.ccn_no ASC".to_owned()
    } else {
        let o = if filter.oldest_first { "ASC" } else { "DESC" };
        format!("c.accp_dtm {o}, c.ccn_no {o}")
    };
    args.push(Box::new(i64::from(page_size)));
    args.push(Box::new((i64::from(page_no) - 1) * i64::from(page_size)));
    let (limit, offset) = (args.len() - 1, args.len());
    let total_column = if with_total {
        format!(", (SELECT COUNT(*) FROM ccn c{from})")
    } else {
        String::new()
    };
    let sql = format!(
        "SELECT c.ccn_no, l.cnsl_typ_no, l.cnsl_typ_nm, t.cnsl_typ_no, t.cnsl_typ_nm, c.ccn_title,
                c.goods_no, g.goods_nm, c.ord_no, c.ccn_stat_cd, c.accp_dtm, c.ans_dtm,
                (SELECT COUNT(*) FROM ccn_file f WHERE f.ccn_no = c.ccn_no),
                (SELECT COUNT(*) FROM ccn_reply p WHERE p.ccn_no = c.ccn_no),
                c.mbr_no, m.mbr_nm, c.ans_read_dtm IS NOT NULL, c.cnslr_no, s.cnslr_nm,
                (SELECT z.stsf_yn FROM ccn_stsf z WHERE z.ccn_no = c.ccn_no), c.ans_due_dtm{total_column}
           FROM ccn c
           JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
           JOIN cnsl_typ l ON l.cnsl_typ_no = t.upr_cnsl_typ_no
           JOIN member m ON m.mbr_no = c.mbr_no
           LEFT JOIN goods g ON g.goods_no = c.goods_no
           LEFT JOIN counselor s ON s.cnslr_no = c.cnslr_no{from}
          ORDER BY {order}
          LIMIT ${limit} OFFSET ${offset}"
    );
    let found = tx.query(&sql, &refs(&args))?;
    let total = match (total, found.first()) {
        (Some(total), _) => total,
        (None, Some(first)) => uint(first, 21),
        // A page past the end (or nothing at all): the total alone.
        (None, None) => count(tx, filter, totals)?,
    };
    Ok((found.iter().map(summary_row).collect(), total))
}

pub fn status_counts(
    tx: &mut PgTx,
    filter: &ListFilter,
    totals: &Totals,
) -> Result<[u64; 3], Error> {
    let mut counts = [0; 3];
    for (i, status) in Status::ALL.into_iter().enumerate() {
        let f = ListFilter {
            status: Some(status),
            ..filter.clone()
        };
        counts[i] = count(tx, &f, totals)?;
    }
    Ok(counts)
}
