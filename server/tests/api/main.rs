//! The inquiry API over real HTTP, one module per endpoint group: happy paths, every rule,
//! auth and ownership, idempotency, the answer-vs-modify race, multipart edge cases. Each test
//! gets its own seeded server. One test binary (one link) for all of them.

#[path = "../common/mod.rs"]
mod common;

mod access;
mod alimtalk;
mod back_office;
mod coupang_clients;
mod deadlines;
mod desk;
mod detail;
mod goods;
mod identity;
mod integration;
mod limits;
mod list;
mod memos;
mod modify_delete;
mod notifications;
mod operations;
mod records;
mod register;
mod report;
mod retention;
mod robustness;
mod satisfaction;
mod sellers;
mod storage;
mod templates;

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&inquiry_server::config::kst())
        .date_naive()
}

pub fn year_query() -> String {
    let end = today();
    format!("startDt={}&endDt={end}", end - chrono::Duration::days(365))
}
