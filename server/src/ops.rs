//! What operators run the server with: probes for the load balancer (`/healthz`: the process
//! answers; `/readyz`: the database and the blob store answer, else 503) and Prometheus metrics
//! (`/metrics`, or on its own address with `--metrics-addr`) through `metrics` and
//! `metrics-exporter-prometheus`: requests and latency per route and status, the notification
//! outbox (backlog, failures, the oldest pending one's age), the database pool.

use std::{
    collections::HashMap,
    sync::{OnceLock, RwLock},
    time::Duration,
};

use axum::{
    extract::{MatchedPath, Request, State},
    http::{header, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
    routing::get,
    Json, Router,
};
use metrics::{Counter, Histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use serde_json::json;

use crate::AppState;

/// How long a probe waits for the database or the blob store.
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// Latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// The process's metrics registry (one per process, whatever number of servers it runs).
pub fn metrics() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("http_request_duration_seconds".into()),
                &BUCKETS,
            )
            .expect("valid buckets")
            .install_recorder()
            .expect("the only metrics recorder")
    })
}

/// The probes, and `/metrics` unless it has its own address.
pub fn router(state: AppState, with_metrics: bool) -> Router {
    let probes = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz));
    let probes = if with_metrics {
        probes.route("/metrics", get(scrape))
    } else {
        probes
    };
    probes.with_state(state)
}

/// `/metrics` alone, for `--metrics-addr`.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(state)
}

async fn healthz() -> Json<serde_json::Value> {
    Json(json!({"status": "ok"}))
}

async fn readyz(State(state): State<AppState>) -> Response {
    let database = verdict(
        "database",
        tokio::time::timeout(PROBE_TIMEOUT, state.db.ping()).await,
    );
    let blobs = verdict(
        "blob store",
        tokio::time::timeout(PROBE_TIMEOUT, state.blobs.ping()).await,
    );
    let ready = database == "ok" && blobs == "ok";
    let body = json!({
        "status": if ready { "ready" } else { "unavailable" },
        "database": database,
        "blobs": blobs,
    });
    let status = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

/// `ok`, or `unavailable` with the cause logged (never in the body: it may name hosts).
fn verdict<E: std::fmt::Debug>(
    what: &str,
    outcome: Result<Result<(), E>, tokio::time::error::Elapsed>,
) -> &'static str {
    match outcome {
        Ok(Ok(())) => "ok",
        failed => {
            tracing::warn!(error = ?failed, "readiness: the {what} does not answer");
            "unavailable"
        }
    }
}

/// A route's handles, by method and status: registered once, then only incremented (a
/// registry lookup builds and hashes its labels, which cost list requests several percent).
type Handles = HashMap<(Method, u16), (Counter, Histogram)>;

/// Counts a routed request and its latency, by the route's pattern (never the raw path: one
/// series per route, not per inquiry number).
pub async fn track(request: Request, next: Next) -> Response {
    static ROUTES: OnceLock<RwLock<HashMap<String, Handles>>> = OnceLock::new();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let method = request.method().clone();
    let started = std::time::Instant::now();
    let response = next.run(request).await;
    let (Some(route), status) = (route, response.status().as_u16()) else {
        return response;
    };
    let routes = ROUTES.get_or_init(Default::default);
    let found = routes
        .read()
        .expect("metric handles")
        .get(route.as_str())
        .and_then(|h| h.get(&(method.clone(), status)).cloned());
    let (counter, histogram) = found.unwrap_or_else(|| {
        let handles = (
            metrics::counter!("http_requests_total", "method" => method.to_string(), "route" => route.as_str().to_owned(), "status" => status.to_string()),
            metrics::histogram!("http_request_duration_seconds", "method" => method.to_string(), "route" => route.as_str().to_owned()),
        );
        routes
            .write()
            .expect("metric handles")
            .entry(route.as_str().to_owned())
            .or_default()
            .insert((method, status), handles.clone());
        handles
    });
    counter.increment(1);
    histogram.record(started.elapsed().as_secs_f64());
    response
}

/// The registry as Prometheus text, with the gauges read now.
async fn scrape(State(state): State<AppState>) -> Response {
    match state.db.read(|tx| tx.outbox_stats()).await {
        Ok(o) => {
            metrics::gauge!("inquiry_outbox_pending").set(o.pending as f64);
            metrics::gauge!("inquiry_outbox_failed").set(o.failed as f64);
            let age = o
                .oldest_pending
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
                .map(|t| (chrono::Utc::now() - t.to_utc()).num_milliseconds().max(0) as f64 / 1e3)
                .unwrap_or(0.0);
            metrics::gauge!("inquiry_outbox_oldest_pending_age_seconds").set(age);
        }
        Err(e) => tracing::warn!(error = %e, "metrics: the outbox could not be read"),
    }
    if let Some((connections, idle)) = state.db.pool_state() {
        metrics::gauge!("inquiry_db_pool_connections", "state" => "idle").set(f64::from(idle));
        metrics::gauge!("inquiry_db_pool_connections", "state" => "busy")
            .set(f64::from(connections.saturating_sub(idle)));
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        metrics().render(),
    )
        .into_response()
}
