//! The SQLite adapter: the embedded default (one file, one process).
//!
//! One writer connection guarded by a mutex serialises every write. That is what makes the
//! status rules race-free here (a counselor's answer and a customer's modify never interleave
//! inside their transactions), and why [`Tx::lock_inquiry`](super::Tx::lock_inquiry) only
//! checks the inquiry exists. Reads run on a small pool of read-only connections in parallel
//! (WAL: readers see the last committed state and neither block nor are blocked by the
//! writer). Only this module and its children know rusqlite.

mod access;
mod catalog;
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
mod shared;
mod templates;
mod transfers;
mod tx;
mod writes;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use tokio::sync::Semaphore;

pub use lists::{count_sql, list_sql, summary_from};
pub use migrations::MIGRATIONS;
use tx::SqliteTx;

use super::{totals::TotalsCache, StoreError, Totals, Tx};

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Engine {
            engine: "sqlite",
            message: e.to_string(),
        }
    }
}

/// Opens (creating if needed) the database and applies pending migrations.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() {
            let _ = std::fs::create_dir_all(parent);
        }
    }
    let mut conn = Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    tune(&conn)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let applied: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let failed = |e: rusqlite::Error| StoreError::Migration {
            version: i + 1,
            message: e.to_string(),
        };
        let tx = conn.transaction().map_err(failed)?;
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", i + 1)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
        tracing::info!(version = i + 1, engine = "sqlite", "applied migration");
    }
    Ok(())
}

/// How many read-only connections serve reads at once.
pub const READERS: usize = 4;

/// Cloneable handle to the database: one writer connection behind a mutex, and a small pool of
/// read-only connections. Writes run on the blocking pool; reads on the calling task.
#[derive(Clone)]
pub struct SqliteStore {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Readers>,
    totals: Arc<TotalsCache>,
}

struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: Semaphore,
}

impl SqliteStore {
    /// Opens `path` (migrating it) as the writer; readers are opened on demand.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            writer: Arc::new(Mutex::new(open(path)?)),
            readers: Arc::new(Readers {
                path: path.to_path_buf(),
                idle: Mutex::new(Vec::new()),
                permits: Semaphore::new(READERS),
            }),
            totals: Arc::new(TotalsCache::default()),
        })
    }

    /// The list totals known since the last write; take it before the read that uses it.
    pub fn totals(&self) -> Totals {
        self.totals.handle()
    }

    /// Runs `f` in a transaction on the writer connection, serialised with every other write.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        let inner = self.writer.clone();
        let totals = self.totals.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave a transaction open (rusqlite rolls back
            // on drop), so a poisoned mutex is still safe to use.
            let mut conn = inner.lock().unwrap_or_else(|p| p.into_inner());
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(StoreError::from)?;
            let result = f(&mut SqliteTx::new(&tx));
            if result.is_ok() {
                tx.commit().map_err(StoreError::from)?;
            }
            // After the commit: a total counted from here on sees this write.
            totals.written();
            result
        })
        .await
        .map_err(|e| StoreError::Unavailable(format!("write task failed: {e}")))?
    }

    /// Runs `f` on a read-only connection (`PRAGMA query_only`): a write attempted here fails
    /// instead of slipping past the writer's serialisation.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        let _permit = self
            .readers
            .permits
            .acquire()
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let readers = &self.readers;
        // Run on this task: a read is a few index lookups (tens of microseconds), less than
        // handing it to the blocking pool and back costs. The semaphore bounds how many
        // connections exist.
        let idle = readers.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(c) => c,
            None => open_reader(&readers.path).map_err(StoreError::from)?,
        };
        // One read transaction around the whole closure: a detail is several statements (the
        // inquiry, its photos, its thread) and must come from one snapshot, or a reader can
        // pair the status before an answer with the reply the answer added.
        let result = match conn.unchecked_transaction() {
            Ok(tx) => f(&mut SqliteTx::new(&tx)), // dropped: rolled back, nothing to keep
            Err(e) => Err(StoreError::from(e).into()),
        };
        // A connection is only reused when it has no transaction left open.
        if conn.is_autocommit() {
            readers
                .idle
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(conn);
        }
        result
    }

    /// Refreshes the planner's statistics after a bulk load (the bench seed).
    pub async fn analyze(&self) -> Result<(), StoreError> {
        let inner = self.writer.clone();
        tokio::task::spawn_blocking(move || {
            let conn = inner.lock().unwrap_or_else(|p| p.into_inner());
            conn.execute_batch("ANALYZE").map_err(StoreError::from)
        })
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?
    }
}

fn open_reader(path: &Path) -> Result<Connection, rusqlite::Error> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.pragma_update(None, "query_only", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    tune(&conn)?;
    Ok(conn)
}

/// Settings every connection shares: a statement cache big enough for every filter
/// combination's SQL, and the query planner stability guarantee. Without it SQLite marks a
/// statement for re-planning whenever a value bound in a range or a LIMIT changes (every list
/// request: new dates, new page), so the cached statements were parsed and planned again each
/// time, a tenth of the server's CPU under load. With it a statement keeps the plan it was
/// prepared with, the plan `tests/query_plans.rs` checks.
fn tune(conn: &Connection) -> Result<(), rusqlite::Error> {
    conn.set_prepared_statement_cache_capacity(64);
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::NewMember;

    fn member(no: &str) -> NewMember<'_> {
        NewMember {
            mbr_no: no,
            name: "a",
            phone: None,
            email: None,
            lang: "ko",
        }
    }

    #[tokio::test]
    async fn a_read_transaction_refuses_writes_and_sees_committed_ones() {
        let dir = tempfile::tempdir().unwrap();
        let db = SqliteStore::open(&dir.path().join("t.db")).unwrap();
        db.write(|tx| tx.upsert_member(&member("M1")))
            .await
            .unwrap();
        let n = db.read(|tx| tx.member_count()).await.unwrap();
        assert_eq!(n, 1, "a read sees what was committed before it");
        let refused = db.read(|tx| tx.upsert_member(&member("M2"))).await;
        assert!(refused.is_err(), "a write in a read transaction must fail");
        assert_eq!(db.read(|tx| tx.member_count()).await.unwrap(), 1);
    }

    #[tokio::test]
    async fn a_failed_write_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = SqliteStore::open(&dir.path().join("t.db")).unwrap();
        let failed: Result<(), StoreError> = db
            .write(|tx| {
                tx.upsert_member(&member("M1"))?;
                Err(StoreError::Unavailable("the rule said no".into()))
            })
            .await;
        assert!(failed.is_err());
        assert_eq!(db.read(|tx| tx.member_count()).await.unwrap(), 0);
    }

    async fn members(db: &SqliteStore) -> u64 {
        let totals = db.totals();
        db.read(move |tx| totals.get_or_count(|| "members".into(), || tx.member_count()))
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_total_is_reused_until_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let db = SqliteStore::open(&dir.path().join("t.db")).unwrap();
        let add = |no: &'static str| db.write(move |tx| tx.upsert_member(&member(no)));
        add("M1").await.unwrap();
        assert_eq!(members(&db).await, 1);
        // Stored, and served without counting again.
        let totals = db.totals();
        let served =
            totals.get_or_count::<StoreError>(|| "members".into(), || panic!("counted again"));
        assert_eq!(served.unwrap(), 1);
        add("M2").await.unwrap();
        assert_eq!(
            members(&db).await,
            2,
            "a write makes the stored total stale"
        );
        // A handle taken before a write never stores a total under the new generation.
        let before = db.totals();
        add("M3").await.unwrap();
        assert_eq!(
            before
                .get_or_count::<StoreError>(|| "members".into(), || Ok(99))
                .unwrap(),
            99
        );
        assert_eq!(members(&db).await, 3);
    }
}
