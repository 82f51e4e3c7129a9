//! The operator's handles: liveness and readiness probes (503 when the database or the blob
//! store does not answer), and a Prometheus scrape that shows the requests served.

use std::time::Duration;

use inquiry_server::{blobs::Blobs, config::Config, store::Store, Server};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    common::{self, read, start, start_with_blobs, MEMBER1},
    storage::unreachable_bucket,
    year_query,
};

async fn probe(client: &reqwest::Client, url: String) -> (StatusCode, Value) {
    read(client.get(url).send().await.unwrap()).await
}

#[tokio::test]
async fn probes_say_live_and_ready_and_which_dependency_is_not() {
    let s = start().await;
    let (status, body) = probe(&s.client, s.url("/healthz")).await;
    assert_eq!(
        (status, body["status"].as_str()),
        (StatusCode::OK, Some("ok"))
    );
    let (status, body) = probe(&s.client, s.url("/readyz")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["database"].as_str(), body["blobs"].as_str()),
        (Some("ok"), Some("ok"))
    );

    // A blob store that does not answer: not ready (the load balancer stops sending), but alive.
    let down = start_with_blobs(|_| {}, Some(unreachable_bucket())).await;
    let (status, body) = probe(&down.client, down.url("/readyz")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(
        (body["database"].as_str(), body["blobs"].as_str()),
        (Some("ok"), Some("unavailable"))
    );
    assert_eq!(
        probe(&down.client, down.url("/healthz")).await.0,
        StatusCode::OK
    );
}

/// The database goes away under a running server (PostgreSQL: its database is dropped).
#[tokio::test]
async fn readiness_is_503_when_the_database_is_unreachable() {
    let Some(admin) = common::postgres_admin_url() else {
        return;
    };
    let url = common::fresh_postgres_database(&admin).await;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(Some(&url), &dir.path().join("unused.db"))
        .await
        .unwrap();
    let blobs = Blobs::local(dir.path()).unwrap();
    let server = Server::bind(
        "127.0.0.1:0".parse().unwrap(),
        store,
        blobs,
        Config::new(dir.path().into()),
    )
    .await
    .unwrap();
    let base = format!("http://{}", server.local_addr());
    tokio::spawn(server.run(std::future::pending()));
    let client = reqwest::Client::new();
    assert_eq!(
        probe(&client, format!("{base}/readyz")).await.0,
        StatusCode::OK
    );

    // The database's name: the URL's last path segment (its query may hold paths too).
    let name = url
        .split('?')
        .next()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_owned();
    let admin_c = admin.clone();
    tokio::task::spawn_blocking(move || {
        inquiry_server::store::postgres::execute_once(
            &admin_c,
            &format!("DROP DATABASE {name} WITH (FORCE)"),
        )
        .unwrap()
    })
    .await
    .unwrap();
    let started = std::time::Instant::now();
    let (status, body) = probe(&client, format!("{base}/readyz")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(
        (body["database"].as_str(), body["blobs"].as_str()),
        (Some("unavailable"), Some("ok"))
    );
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "a probe answers promptly"
    );
    assert_eq!(
        probe(&client, format!("{base}/healthz")).await.0,
        StatusCode::OK
    );
}

fn sample(scrape: &str, series: &str) -> Option<f64> {
    scrape
        .lines()
        .find(|l| l.starts_with(series))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[tokio::test]
async fn a_scrape_shows_requests_by_route_and_status_and_the_outbox() {
    let s = start().await;
    let scrape = || async {
        s.client
            .get(s.url("/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let ok = r#"http_requests_total{method="GET",route="/api/order/v1/customerservice/getQuestion",status="200"}"#;
    let before = sample(&scrape().await, ok).unwrap_or(0.0);
    for _ in 0..3 {
        s.list(MEMBER1, &year_query()).await;
    }
    let (status, _) = s
        .get_json(
            &format!("{}/getQuestion?{}", common::CS, year_query()),
            "wrong-token",
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let text = scrape().await;
    // Other tests in this process count too: at least this test's three.
    assert!(sample(&text, ok).unwrap() >= before + 3.0, "{text}");
    let refused = r#"http_requests_total{method="GET",route="/api/order/v1/customerservice/getQuestion",status="401"}"#;
    assert!(sample(&text, refused).unwrap() >= 1.0, "{text}");
    assert!(text.contains(r#"http_request_duration_seconds_bucket{method="GET",route="/api/order/v1/customerservice/getQuestion",le="0.005"}"#), "{text}");
    assert!(sample(&text, "inquiry_outbox_pending").is_some(), "{text}");
    assert!(
        sample(&text, "inquiry_outbox_oldest_pending_age_seconds").is_some(),
        "{text}"
    );
    // Routes by their pattern, never by a member's or inquiry's number.
    assert!(
        !text.contains("M0001") && !text.contains("ccnNo="),
        "{text}"
    );
}
