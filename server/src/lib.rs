//! `inquiry-server`: the reference implementation of the inquiry-desk 1:1 inquiry API.
//!
//! Contract: `server/openapi.yaml`. Storefront (FO) operations live under `/api/order/v1/`,
//! counselor (BO) operations under `/api/bo/v1/`. Every JSON response is wrapped in the
//! x2bee-style envelope (`error::Envelope`).

pub mod api;
pub mod audit;
pub mod auth;
pub mod blobs;
pub mod calendar;
pub mod config;
pub mod desk;
pub mod error;
pub mod feed;
pub mod idempotency;
pub mod identity;
pub mod model;
pub mod notify;
pub mod ops;
pub mod photo_check;
pub mod photos;
pub mod questions;
pub mod retention;
pub mod rules;
pub mod seed;
pub mod seller;
pub mod shell;
pub mod store;
pub mod throttle;

use std::{net::SocketAddr, sync::Arc};

use tokio::net::TcpListener;

pub use config::Config;

#[derive(Clone)]
pub struct AppState {
    /// The storage port (SQLite or PostgreSQL).
    pub db: store::Store,
    /// Photos and goods images (a folder or an S3-compatible bucket).
    pub blobs: blobs::Blobs,
    pub config: Arc<Config>,
    /// Wakes the notification worker after an answer.
    pub notifier: notify::Notifier,
    /// Per-member rate limits on writes and photo downloads.
    pub throttle: Arc<throttle::Throttle>,
}

/// A server bound to a socket, ready to run.
pub struct Server {
    listener: TcpListener,
    app: axum::Router,
    state: AppState,
}

impl Server {
    /// Serves `db` (migrated already, see `Store::open`) and `blobs` on `addr` (port 0 picks a
    /// free one), and starts what each instance runs in the background: the notification
    /// worker, the retention purge and, on PostgreSQL, the pruning of idle rate-limit buckets.
    pub async fn bind(
        addr: SocketAddr,
        db: store::Store,
        blobs: blobs::Blobs,
        config: Config,
    ) -> anyhow_like::Result<Self> {
        // The metrics registry, before the first request is counted.
        ops::metrics();
        let owner = format!("{}-{}", std::process::id(), uuid::Uuid::new_v4().simple());
        let notifier = notify::worker::spawn(
            db.clone(),
            config.notify.senders.clone(),
            config.notify.retry.clone(),
            owner,
        );
        let throttle = match db.engine() {
            store::Engine::Postgres => {
                spawn_rate_pruning(db.clone());
                throttle::Throttle::shared(&config.rate_limits, db.clone())
            }
            store::Engine::Sqlite => throttle::Throttle::new(&config.rate_limits),
        };
        retention::spawn(db.clone(), blobs.clone(), config.retention.clone());
        let state = AppState {
            db,
            blobs,
            throttle: Arc::new(throttle),
            config: Arc::new(config),
            notifier: notifier.clone(),
        };
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        Ok(Self {
            listener,
            app: api::router(state.clone()),
            state,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests and hands this
    /// instance's notification claims back.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        if let Some(addr) = self.state.config.metrics_addr {
            let listener = TcpListener::bind(addr).await?;
            let metrics = ops::metrics_router(self.state.clone());
            tracing::info!(%addr, "metrics on their own address");
            tokio::spawn(async move { axum::serve(listener, metrics).await });
        }
        // The peer's address reaches handlers (the access log's "from where").
        let app = self
            .app
            .into_make_service_with_connect_info::<std::net::SocketAddr>();
        let served = axum::serve(self.listener, app)
            .with_graceful_shutdown(shutdown)
            .await;
        self.state.notifier.stop(&self.state.db).await;
        served
    }
}

/// Forgets rate-limit buckets idle for an hour, every ten minutes (whichever instance runs it
/// first: the delete is idempotent).
fn spawn_rate_pruning(db: store::Store) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(600));
        loop {
            every.tick().await;
            let before = chrono::Utc::now().timestamp_millis() - 3_600_000;
            if let Err(e) = db.write(move |tx| tx.prune_rates(before)).await {
                tracing::warn!(error = %e, "pruning rate-limit buckets failed");
            }
        }
    });
}

/// Minimal string error for start-up failures (kept local to avoid another dependency).
pub mod anyhow_like {
    pub type Result<T> = std::result::Result<T, String>;
}
