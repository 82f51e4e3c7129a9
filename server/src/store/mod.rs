//! The storage port: everything the rules read and write, as operations on one transaction
//! ([`Tx`]), and the [`Store`] that runs a closure in a read or a write transaction on the
//! engine chosen at start — SQLite (`sqlite/`, the embedded default) or PostgreSQL
//! (`postgres/`). The rules (`questions/`, `desk/`, `seller/`, `notify/`, `idempotency`) are
//! written once against [`Tx`]; the SQL lives in one adapter per engine; no engine type leaves
//! its adapter. `tests/conformance/` runs every operation against both.
//!
//! Why fine-grained operations inside a transaction, rather than one coarse method per use
//! case: the rules decide between the reads and the writes of one transaction (is it still
//! 접수완료? who holds it? was the key used?), and those decisions are the product. With a
//! method per use case each adapter would carry its own copy of them. Here an adapter only
//! answers questions and writes rows; what may happen stays in one place.
//!
//! Concurrency contract, the same on every engine:
//! - a write transaction that changes an inquiry calls [`Tx::lock_inquiry`] first; it holds
//!   the inquiry until commit (SQLite serialises every write anyway; PostgreSQL takes the row
//!   lock), so two writers of one inquiry never interleave, in one process or in several;
//! - inquiry numbers come from an engine sequence and never repeat;
//! - a claimed `Idempotency-Key` ([`Tx::claim_idempotency`]) is unique per member, and a
//!   concurrent claim waits for the first one's commit;
//! - due notifications are claimed with a lease ([`Tx::claim_notifications`]), each by one
//!   claimer at a time (`FOR UPDATE SKIP LOCKED` on PostgreSQL).
//!
//! A closure's error rolls the transaction back; `Ok` commits it.

mod error;
mod inputs;
mod kept;
mod port;
pub mod postgres;
pub mod records;
pub mod sqlite;
mod totals;

pub use error::StoreError;
pub use inputs::*;
pub use kept::*;
pub use totals::Totals;

use chrono::NaiveDate;

use crate::model::{ReplyAuthor, Status};
use records::{
    CatalogRecord, CounselorRef, DueNotification, InquiryRecord, InquiryRow, MemoRecord,
    NotificationRecord, NotificationTarget, OrderedRecord, OutboxStats, ReportFact,
    SatisfactionRecord, SellerExtras, TemplateRecord, TransferRecord, TypeGroupRecord, VendorKey,
    VendorKeyInfo,
};

/// What an operation of the port returns.
pub type StoreResult<T> = Result<T, StoreError>;

pub use port::Tx;

/// How a claimed notification's send ended.
#[derive(Debug, Clone)]
pub enum NotificationOutcome {
    Sent {
        attempts: u32,
        at: String,
        /// The route that delivered it (see `notify::Delivered`).
        via: String,
    },
    Retry {
        attempts: u32,
        next_try: String,
        error: String,
    },
    Failed {
        attempts: u32,
        error: String,
    },
}

/// Which engine a [`Store`] runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The store chosen at start: a cloneable handle every request uses.
#[derive(Clone)]
pub enum Store {
    Sqlite(sqlite::SqliteStore),
    Postgres(postgres::PgStore),
}

impl Store {
    /// PostgreSQL when `database_url` is given (`postgres://…`, at most `pool_size`
    /// connections), else the SQLite file at `sqlite_path`. Migrations are applied before this
    /// returns.
    pub async fn open_with(
        database_url: Option<&str>,
        sqlite_path: &std::path::Path,
        pool_size: u32,
    ) -> Result<Self, StoreError> {
        match database_url {
            Some(url) => Ok(Self::Postgres(
                postgres::PgStore::connect(url, pool_size).await?,
            )),
            None => Ok(Self::Sqlite(sqlite::SqliteStore::open(sqlite_path)?)),
        }
    }

    /// [`Store::open_with`] with the default pool size.
    pub async fn open(
        database_url: Option<&str>,
        sqlite_path: &std::path::Path,
    ) -> Result<Self, StoreError> {
        Self::open_with(database_url, sqlite_path, postgres::DEFAULT_POOL_SIZE).await
    }

    pub fn engine(&self) -> Engine {
        match self {
            Store::Sqlite(_) => Engine::Sqlite,
            Store::Postgres(_) => Engine::Postgres,
        }
    }

    /// Runs `f` in a read-only transaction (one snapshot for all it reads).
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        match self {
            Store::Sqlite(s) => s.read(f).await,
            Store::Postgres(s) => s.read(f).await,
        }
    }

    /// Runs `f` in a write transaction: committed when it returns `Ok`, rolled back on `Err`.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<StoreError> + Send + 'static,
        F: FnOnce(&mut dyn Tx) -> Result<T, E> + Send + 'static,
    {
        match self {
            Store::Sqlite(s) => s.write(f).await,
            Store::Postgres(s) => s.write(f).await,
        }
    }

    /// The list totals as of now: SQLite keeps them until this process's next write (it is
    /// the only writer); PostgreSQL keys them by the database snapshot they were counted in,
    /// so a write from any instance makes them count again. Never stale.
    pub fn totals(&self) -> Totals {
        match self {
            Store::Sqlite(s) => s.totals(),
            Store::Postgres(s) => s.totals(),
        }
    }

    /// Refreshes the planner's statistics after a bulk load.
    pub async fn analyze(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(s) => s.analyze().await,
            Store::Postgres(s) => s.analyze().await,
        }
    }

    /// PostgreSQL's pool: (connections, idle). SQLite has no pool to report.
    pub fn pool_state(&self) -> Option<(u32, u32)> {
        match self {
            Store::Sqlite(_) => None,
            Store::Postgres(s) => Some(s.pool_state()),
        }
    }

    /// Whether the database answers (readiness).
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.read(|tx| tx.member_count().map(|_| ())).await
    }
}

/// `LIKE` pattern for a keyword, with `\` as the escape (both engines' `ESCAPE '\'`).
pub(crate) fn like_pattern(keyword: &str) -> String {
    let escaped = keyword
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

pub(crate) fn yn(b: bool) -> &'static str {
    if b {
        "Y"
    } else {
        "N"
    }
}
