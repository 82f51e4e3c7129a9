//! The PostgreSQL adapter: several instances on one database.
//!
//! The sync `postgres` client behind the same blocking boundary the SQLite side uses, so the
//! port stays one synchronous trait: each transaction runs on tokio's blocking pool on a
//! connection from an r2d2 pool. Reads are `REPEATABLE READ, READ ONLY` (one snapshot for a
//! detail's several statements); writes are `READ COMMITTED` with the row locks the port's
//! contract asks for (`lock_inquiry` takes `FOR UPDATE`, outbox claims `SKIP LOCKED`). Each
//! connection keeps its prepared statements, so a request costs no parse or plan. Only this
//! module and its children know the `postgres` crate.

mod catalog;
mod inquiries;
mod keys;
mod lists;
mod migrations;
mod outbox;
mod people;
mod transfers;
mod tx;

use std::{collections::HashMap, time::Duration};

use postgres::{types::ToSql, Client, IsolationLevel, Row, Statement};
use tokio_postgres_rustls::MakeRustlsConnect;

pub use migrations::MIGRATIONS;

use super::{StoreError, Tx};

/// Connections an instance keeps at most, unless told otherwise.
pub const DEFAULT_POOL_SIZE: u32 = 16;

/// The advisory lock migrations run under (any constant the application owns).
const MIGRATION_LOCK: i64 = 0x1_0_1_9_1_9;

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        // A server error is its message and SQLSTATE; a connection error names the host and
        // port at most, never the password.
        let message = match e.as_db_error() {
            Some(db) => format!("{} ({})", db.message(), db.code().code()),
            None => e.to_string(),
        };
        if e.as_db_error().is_none() && e.is_closed() {
            return StoreError::Unavailable(message);
        }
        StoreError::Engine {
            engine: "postgres",
            message,
        }
    }
}

/// A pooled connection and the statements prepared on it.
pub struct PgConn {
    client: Client,
    statements: HashMap<String, Statement>,
}

struct Manager {
    config: postgres::Config,
    tls: MakeRustlsConnect,
}

/// A libpq URL, with the TLS options the `postgres` crate leaves to its connector taken out:
/// `sslrootcert=PATH` (the CA bundle that signed the server's certificate; libpq's name).
struct Url {
    config: postgres::Config,
    root_cert: Option<std::path::PathBuf>,
}

fn parse_url(url: &str) -> Result<Url, StoreError> {
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
fn tls(root_cert: Option<&std::path::Path>) -> Result<MakeRustlsConnect, StoreError> {
    use rustls::pki_types::{pem::PemObject, CertificateDer};
    let mut roots = rustls::RootCertStore::empty();
    match root_cert {
        Some(path) => {
            let certs = CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
                .map_err(|e| {
                    StoreError::Unavailable(format!("sslrootcert {}: {e}", path.display()))
                })?;
            for cert in certs {
                roots.add(cert).map_err(|e| {
                    StoreError::Unavailable(format!("sslrootcert {}: {e}", path.display()))
                })?;
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
    .map_err(|e| StoreError::Unavailable(format!("TLS: {e}")))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

impl r2d2::ManageConnection for Manager {
    type Connection = PgConn;
    type Error = postgres::Error;

    fn connect(&self) -> Result<PgConn, postgres::Error> {
        Ok(PgConn {
            client: self.config.connect(self.tls.clone())?,
            statements: HashMap::new(),
        })
    }

    fn is_valid(&self, conn: &mut PgConn) -> Result<(), postgres::Error> {
        conn.client.simple_query("").map(|_| ())
    }

    fn has_broken(&self, conn: &mut PgConn) -> bool {
        conn.client.is_closed()
    }
}

/// Cloneable handle on the pool.
#[derive(Clone)]
pub struct PgStore {
    pool: std::sync::Arc<Pool>,
}

/// The pool, closed off the async threads: a sync client's close runs its own small runtime,
/// which must not start on a tokio worker (the last handle may be dropped on one).
struct Pool(Option<r2d2::Pool<Manager>>);

impl std::ops::Deref for Pool {
    type Target = r2d2::Pool<Manager>;
    fn deref(&self) -> &Self::Target {
        self.0.as_ref().expect("pool present until dropped")
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if let Some(pool) = self.0.take() {
            if tokio::runtime::Handle::try_current().is_ok() {
                std::thread::spawn(move || drop(pool));
            }
        }
    }
}

impl PgStore {
    /// Connects to `url` (a libpq URL), keeps at most `pool_size` connections, and applies
    /// pending migrations under an advisory lock.
    pub async fn connect(url: &str, pool_size: u32) -> Result<Self, StoreError> {
        let Url { config, root_cert } = parse_url(url)?;
        tokio::task::spawn_blocking(move || {
            let tls = tls(root_cert.as_deref())?;
            let pool = r2d2::Pool::builder()
                .max_size(pool_size.max(1))
                .min_idle(Some(pool_size.clamp(1, 4)))
                .connection_timeout(Duration::from_secs(10))
                // A broken connection is noticed when it is used (`has_broken`); checking every
                // checkout would cost each request a round trip.
                .test_on_check_out(false)
                .build(Manager { config, tls })
                .map_err(|e| StoreError::Unavailable(e.to_string()))?;
            migrate(&pool)?;
            Ok(Self {
                pool: std::sync::Arc::new(Pool(Some(pool))),
            })
        })
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?
    }

    fn checkout(&self) -> Result<r2d2::PooledConnection<Manager>, StoreError> {
        self.pool
            .get()
            .map_err(|e| StoreError::Unavailable(e.to_string()))
    }

    /// Runs `f` in a read-only snapshot transaction.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        self.run(true, f).await
    }

    /// Runs `f` in a read-committed transaction: committed on `Ok`, rolled back on `Err`.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        self.run(false, f).await
    }

    async fn run<T, E, F>(&self, read_only: bool, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        let this = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = this.checkout()?;
            let PgConn { client, statements } = &mut *conn;
            let tx = if read_only {
                client
                    .build_transaction()
                    .isolation_level(IsolationLevel::RepeatableRead)
                    .read_only(true)
                    .start()
            } else {
                client.transaction()
            }
            .map_err(StoreError::from)?;
            let mut tx = tx::PgTx { tx, statements };
            let result = f(&mut tx);
            if result.is_ok() {
                tx.tx.commit().map_err(StoreError::from)?;
            }
            result
        })
        .await
        .map_err(|e| StoreError::Unavailable(format!("database task failed: {e}")))?
    }

    /// Refreshes the planner's statistics after a bulk load (the bench seed).
    pub async fn analyze(&self) -> Result<(), StoreError> {
        let this = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = this.checkout()?;
            conn.client.batch_execute("ANALYZE")?;
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?
    }
}

/// Runs `sql` on a connection of its own to `url` (TLS options as for the store): for tools and
/// tests that manage databases (`CREATE DATABASE …`).
pub fn execute_once(url: &str, sql: &str) -> Result<(), StoreError> {
    let Url { config, root_cert } = parse_url(url)?;
    let mut client = config.connect(tls(root_cert.as_deref())?)?;
    client.batch_execute(sql)?;
    Ok(())
}

fn migrate(pool: &r2d2::Pool<Manager>) -> Result<(), StoreError> {
    let mut conn = pool
        .get()
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
    let client = &mut conn.client;
    // Instances started together wait here for the first one's migrations.
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let result = (|| -> Result<(), StoreError> {
        client.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL);
             INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version);",
        )?;
        let applied: i64 = client
            .query_one("SELECT version FROM schema_version", &[])?
            .get(0);
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
            let failed = |e: postgres::Error| StoreError::Migration {
                version: i + 1,
                message: StoreError::from(e).to_string(),
            };
            let mut tx = client.transaction().map_err(failed)?;
            tx.batch_execute(sql).map_err(failed)?;
            tx.execute("UPDATE schema_version SET version = $1", &[&(i as i64 + 1)])
                .map_err(failed)?;
            tx.commit().map_err(failed)?;
            tracing::info!(version = i + 1, engine = "postgres", "applied migration");
        }
        Ok(())
    })();
    client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK])?;
    result
}

/// Statement helpers of a transaction: each SQL text is prepared once per connection.
impl tx::PgTx<'_> {
    fn prepared(&mut self, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.tx.prepare(sql)?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }

    pub(super) fn query(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Vec<Row>, postgres::Error> {
        let s = self.prepared(sql)?;
        self.tx.query(&s, params)
    }

    pub(super) fn query_opt(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<Row>, postgres::Error> {
        let s = self.prepared(sql)?;
        self.tx.query_opt(&s, params)
    }

    pub(super) fn query_one(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<Row, postgres::Error> {
        let s = self.prepared(sql)?;
        self.tx.query_one(&s, params)
    }

    pub(super) fn execute(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, postgres::Error> {
        let s = self.prepared(sql)?;
        self.tx.execute(&s, params)
    }
}

/// A non-negative integer column as the model's unsigned type.
fn uint<T: TryFrom<i64> + Default>(row: &Row, i: usize) -> T {
    T::try_from(row.get::<_, i64>(i)).unwrap_or_default()
}

/// The holder from a row's `cnslr_no` and `cnslr_nm` columns at `no` and `no + 1`.
fn counselor(row: &Row, no: usize) -> Option<super::records::CounselorRef> {
    match (row.get(no), row.get(no + 1)) {
        (Some(no), Some(name)) => Some(super::records::CounselorRef { no, name }),
        _ => None,
    }
}
