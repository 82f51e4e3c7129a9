//! Connections: a `tokio_postgres` client driven by a small runtime of its own (the port is
//! synchronous and runs on tokio's blocking pool), TLS through rustls, and libpq-style URLs.
//! What the `postgres` crate's sync client does, plus what it cannot: pipelining, so a read
//! transaction's `BEGIN` travels with its first statement instead of costing a round trip.

use std::{collections::HashMap, future::Future, path::Path};

use tokio_postgres::{Client, Statement};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::store::StoreError;

/// A pooled connection: its client, the runtime that drives it, and the statements prepared
/// on it.
pub struct PgConn {
    runtime: tokio::runtime::Runtime,
    pub(super) client: Client,
    pub(super) statements: HashMap<String, Statement>,
}

impl PgConn {
    /// Runs `f` to completion on this connection's runtime (which also drives the connection).
    pub(super) fn block_on<F: Future>(&self, f: F) -> F::Output {
        self.runtime.block_on(f)
    }
}

/// A libpq URL, with the TLS options `tokio_postgres` leaves to its connector taken out:
/// `sslrootcert=PATH` (the CA bundle that signed the server's certificate; libpq's name).
pub struct Url {
    pub config: tokio_postgres::Config,
    pub root_cert: Option<std::path::PathBuf>,
}

pub fn parse_url(url: &str) -> Result<Url, StoreError> {
    let (base, query) = url.split_once('?').unwrap_or((url, ""));
    let mut root_cert = None;
    let rest: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| match p.strip_prefix("sslrootcert=") {
            Some(path) => {
                root_cert = Some(std::path::PathBuf::from(path));
                false
            }
            None => true,
        })
        .collect();
    let url = if rest.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", rest.join("&"))
    };
    let config = url.parse().map_err(|e| {
        StoreError::Unavailable(format!("DATABASE_URL is not a PostgreSQL URL: {e}"))
    })?;
    Ok(Url { config, root_cert })
}

/// TLS to the database when the server offers it (`sslmode=prefer`, the default) or the URL
/// demands it (`?sslmode=require`), the server's certificate verified against `sslrootcert`
/// when given, else the system's trusted roots (Debian: `ca-certificates`).
pub fn tls(root_cert: Option<&Path>) -> Result<MakeRustlsConnect, StoreError> {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let unavailable = |e: &dyn std::fmt::Display| StoreError::Unavailable(format!("TLS: {e}"));
    let mut roots = rustls::RootCertStore::empty();
    match root_cert {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                .map_err(|e| unavailable(&format!("sslrootcert {}: {e}", path.display())))?;
            for cert in certs {
                roots.add(cert).map_err(|e| unavailable(&e))?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                // One the system store holds but rustls cannot parse is skipped, not fatal.
                let _ = roots.add(cert);
            }
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| unavailable(&e))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// Opens a connection (blocking: call it off the async threads).
pub fn connect(
    config: &tokio_postgres::Config,
    tls: &MakeRustlsConnect,
) -> Result<PgConn, StoreError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| StoreError::Unavailable(format!("connection runtime: {e}")))?;
    let (client, connection) = runtime.block_on(config.connect(tls.clone()))?;
    runtime.spawn(async move {
        if let Err(e) = connection.await {
            tracing::warn!(error = %e, "PostgreSQL connection closed");
        }
    });
    // Every statement here is prepared once per connection and filtered through an index
    // made for it: plan it once. The default re-plans the first executions and any whose
    // generic plan looks costlier — milliseconds for a list's six-table join, every request.
    runtime.block_on(client.batch_execute("SET plan_cache_mode = force_generic_plan"))?;
    Ok(PgConn {
        runtime,
        client,
        statements: HashMap::new(),
    })
}

/// Runs `sql` on a connection of its own to `url` (TLS options as for the store): for tools and
/// tests that manage databases (`CREATE DATABASE …`).
pub fn execute_once(url: &str, sql: &str) -> Result<(), StoreError> {
    let Url { config, root_cert } = parse_url(url)?;
    let conn = connect(&config, &tls(root_cert.as_deref())?)?;
    conn.block_on(conn.client.batch_execute(sql))?;
    Ok(())
}

pub struct Manager {
    pub config: tokio_postgres::Config,
    pub tls: MakeRustlsConnect,
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgConn;
    type Error = StoreError;

    fn connect(&self) -> Result<PgConn, StoreError> {
        connect(&self.config, &self.tls)
    }

    fn is_valid(&self, conn: &mut PgConn) -> Result<(), StoreError> {
        conn.block_on(conn.client.simple_query(""))?;
        Ok(())
    }

    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.client.is_closed()
    }
}
