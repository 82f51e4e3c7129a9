//! The services a test may need beyond the server: the engine the API tests run on, and
//! PostgreSQL (`INQUIRY_TEST_POSTGRES_URL`, which `cargo xtask test` sets with the others).

use inquiry_server::store::Engine;

/// The engine the API tests run on: SQLite, or PostgreSQL with `INQUIRY_TEST_ENGINE=postgres`.
pub fn api_engine() -> Engine {
    match std::env::var("INQUIRY_TEST_ENGINE").as_deref() {
        Ok("postgres") => Engine::Postgres,
        _ => Engine::Sqlite,
    }
}

/// Whether a missing test service fails the test (`cargo xtask test` starts them all) rather
/// than skipping what needs it.
pub fn services_required() -> bool {
    std::env::var_os("INQUIRY_TEST_REQUIRE_SERVICES").is_some()
}

/// The PostgreSQL server the tests may use (`INQUIRY_TEST_POSTGRES_URL`, a URL whose user may
/// create databases): `None` when there is none and none is required.
pub fn postgres_admin_url() -> Option<String> {
    let url = std::env::var("INQUIRY_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    if url.is_none() && services_required() {
        panic!("INQUIRY_TEST_POSTGRES_URL is not set, and INQUIRY_TEST_REQUIRE_SERVICES says it must be");
    }
    if url.is_none() {
        eprintln!("PostgreSQL: skipped (set INQUIRY_TEST_POSTGRES_URL, as cargo xtask test does)");
    }
    url
}

/// A new, empty database on the server `admin` names; its URL.
pub async fn fresh_postgres_database(admin: &str) -> String {
    let name = format!("t{}", uuid_like());
    let admin = admin.to_owned();
    let create = name.clone();
    let admin_c = admin.clone();
    tokio::task::spawn_blocking(move || {
        inquiry_server::store::postgres::execute_once(
            &admin_c,
            &format!("CREATE DATABASE {create}"),
        )
        .expect("create a test database on INQUIRY_TEST_POSTGRES_URL");
    })
    .await
    .unwrap();
    let (base, query) = admin.split_once('?').unwrap_or((&admin, ""));
    let base = base.rsplit_once('/').map(|(b, _)| b).unwrap_or(base);
    if query.is_empty() {
        format!("{base}/{name}")
    } else {
        format!("{base}/{name}?{query}")
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos,
        N.fetch_add(1, Ordering::Relaxed)
    )
}
