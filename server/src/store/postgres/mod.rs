//! The PostgreSQL adapter: several instances on one database.
//!
//! `tokio_postgres` behind the same blocking boundary the SQLite side uses, so the port stays
//! one synchronous trait: each transaction runs on tokio's blocking pool on a connection from
//! an r2d2 pool (`connection.rs`). Reads are `REPEATABLE READ, READ ONLY` (one snapshot for a
//! detail's several statements; `BEGIN` pipelined with the first); writes are `READ
//! COMMITTED` with the row locks the port's contract asks for (`lock_inquiry` takes `FOR
//! UPDATE`, outbox claims `SKIP LOCKED`). Each connection keeps its prepared statements, so a
//! request costs no parse or plan. Only this module and its children know `tokio_postgres`.

mod catalog;
mod connection;
mod deadlines;
mod feed;
mod inquiries;
mod kept;
mod keys;
mod lists;
mod memos;
mod migrations;
mod outbox;
mod people;
mod report;
mod satisfaction;
mod templates;
mod transaction;
mod transfers;
mod tx;

use std::time::Duration;

use tokio_postgres::Row;

pub use connection::execute_once;
use connection::{parse_url, tls, Manager, Url};
pub use migrations::MIGRATIONS;

use super::{totals::TotalsCache, StoreError, Totals, Tx};

/// Connections an instance keeps at most, unless told otherwise.
pub const DEFAULT_POOL_SIZE: u32 = 16;

/// The advisory lock migrations run under (any constant the application owns).
const MIGRATION_LOCK: i64 = 0x1_0_1_9_1_9;

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
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

/// Cloneable handle on the pool.
#[derive(Clone)]
pub struct PgStore {
    pool: std::sync::Arc<Pool>,
    totals: std::sync::Arc<TotalsCache>,
    /// Transactions running at once, in arrival order (a fair queue): a few per core keep the
    /// database and this process busy without every request thrashing for the CPU; more only
    /// adds waiting threads and a long tail.
    running: std::sync::Arc<tokio::sync::Semaphore>,
}

/// Transactions an instance runs at once: two per core, at most the pool.
fn concurrency(pool_size: u32) -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    (cores * 2).clamp(1, pool_size.max(1) as usize)
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
    /// Connections the pool holds, and how many of them are idle.
    pub fn pool_state(&self) -> (u32, u32) {
        let s = self.pool.state();
        (s.connections, s.idle_connections)
    }

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
                totals: std::sync::Arc::new(TotalsCache::default()),
                running: std::sync::Arc::new(tokio::sync::Semaphore::new(concurrency(pool_size))),
            })
        })
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?
    }

    /// List totals, each kept under the database snapshot it was counted in (see
    /// `lists::count`): another instance's write makes a new snapshot, so a total is reused
    /// only while nothing it counts can have changed.
    pub fn totals(&self) -> Totals {
        self.totals.handle()
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
        let permit = self
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let this = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut conn = this.checkout()?;
            let mut tx = tx::PgTx::new(&mut conn, read_only);
            let result = f(&mut tx);
            if result.is_ok() {
                tx.finish().map_err(StoreError::from)?;
            } // else dropped: rolled back
            result
        })
        .await
        .map_err(|e| StoreError::Unavailable(format!("database task failed: {e}")))?
    }

    /// Refreshes the planner's statistics and the visibility map after a bulk load (the bench
    /// seed), so counts are answered from the indexes alone.
    pub async fn analyze(&self) -> Result<(), StoreError> {
        let this = self.clone();
        tokio::task::spawn_blocking(move || {
            let conn = this.checkout()?;
            conn.block_on(conn.client.batch_execute("VACUUM ANALYZE"))?;
            Ok(())
        })
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?
    }
}

fn migrate(pool: &r2d2::Pool<Manager>) -> Result<(), StoreError> {
    let conn = pool
        .get()
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
    let client = &conn.client;
    // Instances started together wait here for the first one's migrations.
    conn.block_on(client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK]))?;
    let result = conn.block_on(async {
        client
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL);
                 INSERT INTO schema_version SELECT 0
                  WHERE NOT EXISTS (SELECT 1 FROM schema_version);",
            )
            .await?;
        let applied: i64 = client
            .query_one("SELECT version FROM schema_version", &[])
            .await?
            .get(0);
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
            let version = i as i64 + 1;
            let applied = async {
                client.batch_execute("BEGIN").await?;
                client.batch_execute(sql).await?;
                client
                    .execute("UPDATE schema_version SET version = $1", &[&version])
                    .await?;
                client.batch_execute("COMMIT").await
            }
            .await;
            if let Err(e) = applied {
                let _ = client.batch_execute("ROLLBACK").await;
                return Err(StoreError::Migration {
                    version: i + 1,
                    message: StoreError::from(e).to_string(),
                });
            }
            tracing::info!(version = i + 1, engine = "postgres", "applied migration");
        }
        Ok(())
    });
    conn.block_on(client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]))?;
    result
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
