//! SQLite adapter: every filter combination of the inquiry lists is answered through an index, in list order,
//! with no full scan and no sort: checked with `EXPLAIN QUERY PLAN` on a seeded database, before
//! and after `ANALYZE` (the bench seed analyzes; a planner with statistics must agree).

use inquiry_server::{
    blobs::Blobs,
    config::Config,
    model::Status,
    seed,
    store::{
        sqlite::{self, count_sql, list_sql, summary_from},
        Assignee, ListFilter, Store,
    },
};
use rusqlite::Connection;

fn plan(conn: &Connection, sql: &str, args: &[rusqlite::types::Value]) -> Vec<String> {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    stmt.query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// Every combination the API offers: member (storefront) or not (back office), status, order
/// number, keyword.
fn combinations() -> Vec<(String, ListFilter)> {
    let mut out = Vec::new();
    for member in [true, false] {
        for status in [None, Some(Status::Received)] {
            for ord in [None, Some("202611220000001")] {
                for keyword in [None, Some("배송")] {
                    let name = format!(
                        "{}{}{}{}",
                        if member { "member" } else { "back office" },
                        if status.is_some() { " + status" } else { "" },
                        if ord.is_some() { " + order" } else { "" },
                        if keyword.is_some() { " + keyword" } else { "" },
                    );
                    out.push((
                        name,
                        ListFilter {
                            mbr_no: member.then(|| "M0001".to_owned()),
                            from: "2025-11-22T00:00:00.000Z".into(),
                            until: "2026-11-23T00:00:00.000Z".into(),
                            status,
                            ord_no: ord.map(str::to_owned),
                            keyword: keyword.map(str::to_owned),
                            // The console's 접수완료 tab lists the longest-waiting first,
                            // and by due when filtered by status (with a keyword or not).
                            oldest_first: !member && status == Some(Status::Received),
                            by_due: !member && status.is_some() && ord.is_none(),
                            ..ListFilter::default()
                        },
                    ));
                }
            }
        }
    }
    // The console's holder filter, always within a status tab.
    for assignee in [Assignee::Counselor("C001".to_owned()), Assignee::Nobody] {
        for keyword in [None, Some("배송")] {
            out.push((
                format!(
                    "back office + status + {assignee:?}{}",
                    if keyword.is_some() { " + keyword" } else { "" }
                ),
                ListFilter {
                    from: "2025-11-22T00:00:00.000Z".into(),
                    until: "2026-11-23T00:00:00.000Z".into(),
                    status: Some(Status::InProgress),
                    assignee: Some(assignee.clone()),
                    keyword: keyword.map(str::to_owned),
                    ..ListFilter::default()
                },
            ));
        }
    }
    out
}

/// The indexes made for a combination (see `store::summary_from`). With an order number the
/// planner may also take the member's or the status's index, whichever has more equality
/// columns: every one of them is a search in list order.
fn expected_indexes(f: &ListFilter) -> Vec<&'static str> {
    // A holder (always with a status: the console's tabs) has its own index; without
    // statistics the planner may walk the status's instead, also a search in list order.
    if f.assignee.is_some() {
        return vec!["ccn_cnslr_idx", "ccn_stat_idx"];
    }
    let without_order = match (&f.mbr_no, f.status) {
        (Some(_), Some(_)) => "ccn_mbr_stat_idx",
        (Some(_), None) => "ccn_mbr_idx",
        (None, Some(_)) => "ccn_stat_idx",
        (None, None) => "ccn_accp_idx",
    };
    match &f.ord_no {
        Some(_) if without_order != "ccn_accp_idx" => vec!["ccn_ord_idx", without_order],
        Some(_) => vec!["ccn_ord_idx"],
        None => vec![without_order],
    }
}

fn check_all(conn: &Connection, when: &str) {
    let mut problems = Vec::new();
    for (name, filter) in combinations() {
        let (from, mut args) = summary_from(&filter);
        let count = plan(conn, &count_sql(&from), &args);
        args.push(10i64.into());
        args.push(0i64.into());
        let page = plan(conn, &list_sql(&from, &filter), &args);
        let indexes = expected_indexes(&filter);
        // By due, the page walks the status's due index (named in the query); the count is the
        // status's as ever.
        let due_index = ["ccn_stat_due_idx"].to_vec();
        // A keyword over every member's text in the period must read each of those rows
        // whichever way (LIKE '%…%' has no index); counting them by a table scan is then the
        // planner's right choice. The page still walks the period index and stops early.
        let keyword_only = filter.mbr_no.is_none()
            && filter.status.is_none()
            && filter.ord_no.is_none()
            && filter.keyword.is_some();
        for (what, lines) in [("count", &count), ("page", &page)] {
            if keyword_only && what == "count" {
                continue;
            }
            let indexes = if filter.by_due && what == "page" {
                &due_index
            } else {
                &indexes
            };
            let inquiries: Vec<&String> = lines
                .iter()
                .filter(|l| l.contains(" c ") || l.ends_with(" c"))
                .collect();
            let searched = inquiries.iter().any(|l| {
                l.starts_with("SEARCH c USING")
                    && indexes.iter().any(|i| l.contains(&format!("INDEX {i} ")))
            });
            let scanned = lines.iter().any(|l| l.starts_with("SCAN c"));
            let sorted = lines.iter().any(|l| l.contains("TEMP B-TREE"));
            if !searched || scanned || sorted {
                problems.push(format!(
                    "{when}, {name}, {what} (want {indexes:?}): {lines:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn every_list_filter_combination_uses_its_index_in_list_order() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config::new(dir.path().to_path_buf());
    let path = dir.path().join("plans.db");
    let store = Store::open(None, &path).await.unwrap();
    let blobs = Blobs::local(dir.path()).unwrap();
    seed::demo(&store, &blobs, &config).await.unwrap();
    drop(store);
    let conn = sqlite::open(&path).unwrap();
    check_all(&conn, "without statistics");
    conn.execute_batch("ANALYZE").unwrap();
    check_all(&conn, "after ANALYZE");
}
