//! Inquiry lists (the member's and the counselor's queue): one `WHERE` per filter combination,
//! so each has its index, and totals kept until the next write.

use rusqlite::{Connection, Row};

use super::shared::counselor;
use crate::{
    model::Status,
    store::{
        like_pattern,
        records::{InquiryRow, Member, TypeName},
        Assignee, ListFilter, Totals,
    },
};

/// `WHERE …` of an inquiry list (over `ccn c`) with only the filters that are set, so SQLite
/// can pick the index made for that combination (a catch-all `?1 IS NULL OR c.mbr_no = ?1`
/// keeps it from using any). Returns the SQL and its parameters in order; [`count_sql`] and
/// [`list_sql`] put it in their queries.
///
/// Indexes (migration 2) and the filter combinations they serve, each ending in
/// `accp_dtm, ccn_no` so rows come out in list order without a sort:
/// member (+ keyword) → `ccn_mbr_idx`; member + status → `ccn_mbr_stat_idx`; status →
/// `ccn_stat_idx`; order number (alone or with anything) → `ccn_ord_idx`; period only or
/// keyword only (back office) → `ccn_accp_idx`; assignee (+ status, as the console's tabs
/// always ask) → `ccn_cnslr_idx`. A type narrows whichever of them is walked. `server/tests/query_plans.rs` checks them all.
pub fn summary_from(filter: &ListFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    // Withdrawn inquiries leave every list (the indexes are partial on it), except the back
    // office's list of them.
    let mut sql = String::from(if filter.withdrawn {
        " WHERE c.wdrw_dtm IS NOT NULL AND c.accp_dtm >= ? AND c.accp_dtm < ?"
    } else {
        " WHERE c.wdrw_dtm IS NULL AND c.accp_dtm >= ? AND c.accp_dtm < ?"
    });
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
    if let Some(t) = &filter.type_no {
        sql.push_str(
            " AND c.cnsl_typ_no IN (SELECT cnsl_typ_no FROM cnsl_typ
                                     WHERE cnsl_typ_no = ? OR upr_cnsl_typ_no = ?)",
        );
        args.push(Value::Text(t.clone()));
        args.push(Value::Text(t.clone()));
    }
    match &filter.assignee {
        Some(Assignee::Counselor(no)) => {
            sql.push_str(" AND c.cnslr_no = ?");
            args.push(Value::Text(no.clone()));
        }
        Some(Assignee::Nobody) => sql.push_str(" AND c.cnslr_no IS NULL"),
        None => {}
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
pub fn list_sql(filter_sql: &str, filter: &ListFilter) -> String {
    // By due: the status's due index, named (the period is then a filter on its rows; without
    // statistics the planner would rather range over the period and sort).
    let (inquiries, order) = if filter.by_due {
        (
            "ccn c INDEXED BY ccn_stat_due_idx",
            "c.ans_due_dtm ASC, c.ccn_no ASC".to_owned(),
        )
    } else {
        let o = if filter.oldest_first { "ASC" } else { "DESC" };
        ("ccn c", format!("c.accp_dtm {o}, c.ccn_no {o}"))
    };
    format!(
        "SELECT c.ccn_no, l.cnsl_typ_no, l.cnsl_typ_nm, t.cnsl_typ_no, t.cnsl_typ_nm, c.ccn_title,
                c.goods_no, g.goods_nm, c.ord_no, c.ccn_stat_cd, c.accp_dtm, c.ans_dtm,
                (SELECT COUNT(*) FROM ccn_file f WHERE f.ccn_no = c.ccn_no),
                (SELECT COUNT(*) FROM ccn_reply p WHERE p.ccn_no = c.ccn_no),
                c.mbr_no, m.mbr_nm, c.ans_read_dtm IS NOT NULL, c.cnslr_no, s.cnslr_nm,
                (SELECT z.stsf_yn FROM ccn_stsf z WHERE z.ccn_no = c.ccn_no), c.ans_due_dtm
           FROM {inquiries}
          CROSS JOIN cnsl_typ t ON t.cnsl_typ_no = c.cnsl_typ_no
          CROSS JOIN cnsl_typ l ON l.cnsl_typ_no = t.upr_cnsl_typ_no
          CROSS JOIN member m ON m.mbr_no = c.mbr_no
           LEFT JOIN goods g ON g.goods_no = c.goods_no
           LEFT JOIN counselor s ON s.cnslr_no = c.cnslr_no{filter_sql}
          ORDER BY {order}
          LIMIT ? OFFSET ?"
    )
}

fn summary_row(r: &Row) -> rusqlite::Result<InquiryRow> {
    let stat: String = r.get(9)?;
    Ok(InquiryRow {
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
        goods_no: r.get(6)?,
        goods_name: r.get(7)?,
        ord_no: r.get(8)?,
        status: Status::from_code(&stat).unwrap_or(Status::Received),
        accepted_at: r.get(10)?,
        answered_at: r.get(11)?,
        photo_count: r.get(12)?,
        reply_count: r.get(13)?,
        member: Member {
            mbr_no: r.get(14)?,
            name: r.get(15)?,
        },
        answer_read: r.get(16)?,
        assignee: counselor(r, 17)?,
        satisfied: r.get::<_, Option<String>>(19)?.map(|yn| yn == "Y"),
        answer_due: r.get(20)?,
    })
}

/// A page of the list and the total of the filter.
pub fn list_questions(
    conn: &Connection,
    filter: &ListFilter,
    page_no: u32,
    page_size: u32,
    totals: &Totals,
) -> rusqlite::Result<(Vec<InquiryRow>, u64)> {
    let (from, mut args) = summary_from(filter);
    let count = count_sql(&from);
    let total = totals.get_or_count(
        || format!("{count}\u{0}{args:?}"),
        || {
            conn.prepare_cached(&count)?
                .query_row(rusqlite::params_from_iter(&args), |r| r.get(0))
        },
    )?;
    args.push(i64::from(page_size).into());
    args.push(((i64::from(page_no) - 1) * i64::from(page_size)).into());
    let mut stmt = conn.prepare_cached(&list_sql(&from, filter))?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(&args), summary_row)?
        .collect::<Result<Vec<_>, _>>()?;
    Ok((rows, total))
}

/// How many inquiries of each status match `filter` (its status ignored): the console's tab
/// counts, in [`Status::ALL`] order. Kept until the next write like the list totals.
pub fn status_counts(
    conn: &Connection,
    filter: &ListFilter,
    totals: &Totals,
) -> rusqlite::Result<[u64; 3]> {
    let mut counts = [0; 3];
    for (i, status) in Status::ALL.into_iter().enumerate() {
        let f = ListFilter {
            status: Some(status),
            ..filter.clone()
        };
        let (from, args) = summary_from(&f);
        let count = count_sql(&from);
        counts[i] = totals.get_or_count(
            || format!("{count}\u{0}{args:?}"),
            || {
                conn.prepare_cached(&count)?
                    .query_row(rusqlite::params_from_iter(&args), |r| r.get(0))
            },
        )?;
    }
    Ok(counts)
}
