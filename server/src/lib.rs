//! `inquiry-server`: the reference implementation of the inquiry-desk 1:1 inquiry API.
//!
//! Contract: `server/openapi.yaml`. Storefront (FO) operations live under `/api/order/v1/`,
//! counselor (BO) operations under `/api/bo/v1/`. Every JSON response is wrapped in the
//! x2bee-style envelope (`error::Envelope`).

pub mod api;
pub mod auth;
pub mod config;
pub mod db;
pub mod desk;
pub mod error;
pub mod idempotency;
pub mod model;
pub mod notify;
pub mod photo_check;
pub mod photos;
pub mod questions;
pub mod rules;
pub mod seed;
pub mod seller;
pub mod shell;
pub mod store;
pub mod throttle;

use std::{net::SocketAddr, path::Path, sync::Arc};

use tokio::net::TcpListener;

pub use config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
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
}

impl Server {
    /// Opens the database (applying migrations) and binds `addr` (port 0 picks a free one).
    pub async fn bind(
        addr: SocketAddr,
        db_path: &Path,
        config: Config,
    ) -> anyhow_like::Result<Self> {
        let conn = db::open(db_path)
            .map_err(|e| format!("cannot open database {}: {e}", db_path.display()))?;
        std::fs::create_dir_all(config.photo_dir())
            .map_err(|e| format!("cannot create {}: {e}", config.photo_dir().display()))?;
        let db = db::Db::new(conn, db_path);
        let notifier = notify::worker::spawn(
            db.clone(),
            config.notify.senders.clone(),
            config.notify.retry.clone(),
        );
        let state = AppState {
            db,
            throttle: Arc::new(throttle::Throttle::new(&config.rate_limits)),
            config: Arc::new(config),
            notifier,
        };
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        Ok(Self {
            listener,
            app: api::router(state),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    /// Serves until `shutdown` resolves, then finishes in-flight requests.
    pub async fn run(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.app)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Minimal string error for start-up failures (kept local to avoid another dependency).
pub mod anyhow_like {
    pub type Result<T> = std::result::Result<T, String>;
}
