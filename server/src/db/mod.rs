//! SQLite storage: opening, migrations and the handle request handlers use.
//!
//! One writer connection guarded by a mutex serialises every write. That is what makes the
//! status rules race-free (a counselor's answer and a customer's modify can never interleave
//! inside their transactions). Reads run on a small pool of read-only connections in parallel
//! (WAL: readers see the last committed state and neither block nor are blocked by the writer).

mod totals;

use std::{
    path::{Path, PathBuf},
    sync::{atomic::Ordering, Arc, Mutex},
};

pub use totals::Totals;
use totals::TotalsCache;

use rusqlite::{Connection, OpenFlags};
use tokio::sync::Semaphore;

use crate::error::ApiError;

/// Ordered schema migrations; `PRAGMA user_version` records how many have been applied.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE member (
    mbr_no      TEXT PRIMARY KEY,
    mbr_nm      TEXT NOT NULL
);
CREATE TABLE counselor (
    cnslr_no    TEXT PRIMARY KEY,
    cnslr_nm    TEXT NOT NULL
);
-- Bearer tokens are stored as SHA-256 hex digests, never in clear.
CREATE TABLE access_token (
    token_hash  TEXT PRIMARY KEY,
    role        TEXT NOT NULL CHECK (role IN ('MEMBER', 'COUNSELOR')),
    subject_no  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE TABLE cnsl_typ (
    cnsl_typ_no       TEXT PRIMARY KEY,
    cnsl_typ_nm       TEXT NOT NULL,
    upr_cnsl_typ_no   TEXT REFERENCES cnsl_typ (cnsl_typ_no),
    sort_seq          INTEGER NOT NULL,
    goods_sel_mdty_yn TEXT NOT NULL DEFAULT 'N' CHECK (goods_sel_mdty_yn IN ('Y', 'N')),
    use_yn            TEXT NOT NULL DEFAULT 'Y' CHECK (use_yn IN ('Y', 'N'))
);
CREATE TABLE goods (
    goods_no    TEXT PRIMARY KEY,
    goods_nm    TEXT NOT NULL,
    brand_nm    TEXT NOT NULL,
    category_nm TEXT NOT NULL,
    sale_prc    INTEGER NOT NULL,
    img_file    TEXT
);
CREATE INDEX goods_nm_idx ON goods (goods_nm);
CREATE TABLE goods_itm (
    goods_no    TEXT NOT NULL REFERENCES goods (goods_no),
    itm_no      TEXT NOT NULL,
    itm_nm      TEXT NOT NULL,
    PRIMARY KEY (goods_no, itm_no)
);
CREATE TABLE ord (
    ord_no      TEXT PRIMARY KEY,
    mbr_no      TEXT NOT NULL REFERENCES member (mbr_no),
    ord_dtm     TEXT NOT NULL
);
CREATE INDEX ord_mbr_idx ON ord (mbr_no, ord_dtm DESC);
CREATE TABLE ord_goods (
    ord_no      TEXT NOT NULL REFERENCES ord (ord_no),
    ord_seq     INTEGER NOT NULL,
    goods_no    TEXT NOT NULL REFERENCES goods (goods_no),
    itm_no      TEXT NOT NULL,
    ord_qty     INTEGER NOT NULL,
    ord_amt     INTEGER NOT NULL,
    PRIMARY KEY (ord_no, ord_seq)
);
CREATE TABLE ccn_seq (id INTEGER PRIMARY KEY AUTOINCREMENT);
CREATE TABLE ccn (
    ccn_no        TEXT PRIMARY KEY,
    mbr_no        TEXT NOT NULL REFERENCES member (mbr_no),
    cnsl_typ_no   TEXT NOT NULL REFERENCES cnsl_typ (cnsl_typ_no),
    ccn_title     TEXT NOT NULL,
    accp_cont     TEXT NOT NULL,
    goods_no      TEXT REFERENCES goods (goods_no),
    itm_no        TEXT,
    ord_no        TEXT REFERENCES ord (ord_no),
    sms_rcv_yn    TEXT NOT NULL CHECK (sms_rcv_yn IN ('Y', 'N')),
    email_rcv_yn  TEXT NOT NULL CHECK (email_rcv_yn IN ('Y', 'N')),
    ccn_stat_cd   TEXT NOT NULL CHECK (ccn_stat_cd IN ('10', '20', '30')),
    ref_ccn_no    TEXT,
    accp_dtm      TEXT NOT NULL,
    mod_dtm       TEXT,
    ans_dtm       TEXT
);
CREATE INDEX ccn_mbr_idx ON ccn (mbr_no, accp_dtm DESC);
CREATE INDEX ccn_stat_idx ON ccn (ccn_stat_cd, accp_dtm DESC);
CREATE TABLE ccn_file (
    ccn_no        TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    file_seq      INTEGER NOT NULL,
    file_nm       TEXT NOT NULL,
    stored_nm     TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    file_size     INTEGER NOT NULL,
    reg_dtm       TEXT NOT NULL,
    PRIMARY KEY (ccn_no, file_seq)
);
CREATE TABLE ccn_reply (
    ccn_no        TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    cnsl_proc_seq INTEGER NOT NULL,
    ans_typ_cd    TEXT NOT NULL CHECK (ans_typ_cd IN ('COUNSELOR', 'SELLER')),
    ansr_nm       TEXT NOT NULL,
    ans_cont      TEXT NOT NULL,
    ans_dtm       TEXT NOT NULL,
    PRIMARY KEY (ccn_no, cnsl_proc_seq)
);
CREATE TABLE idempotency (
    mbr_no      TEXT NOT NULL,
    idem_key    TEXT NOT NULL,
    req_hash    TEXT NOT NULL,
    ccn_no      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (mbr_no, idem_key)
);
"#,
    r#"
-- One index per filter combination of the inquiry lists (see store::summary_from), each
-- ending in the list order (accp_dtm DESC, ccn_no DESC) so a page needs no sort.
DROP INDEX ccn_mbr_idx;
DROP INDEX ccn_stat_idx;
CREATE INDEX ccn_mbr_idx ON ccn (mbr_no, accp_dtm, ccn_no);
CREATE INDEX ccn_mbr_stat_idx ON ccn (mbr_no, ccn_stat_cd, accp_dtm, ccn_no);
CREATE INDEX ccn_stat_idx ON ccn (ccn_stat_cd, accp_dtm, ccn_no);
CREATE INDEX ccn_ord_idx ON ccn (ord_no, accp_dtm, ccn_no);
CREATE INDEX ccn_accp_idx ON ccn (accp_dtm, ccn_no);
"#,
    r#"
-- The counselor's side (issue 11): who holds an inquiry, when the customer read its answer,
-- members' contact details and language for answer notifications, answer templates, and the
-- notification outbox.
ALTER TABLE ccn ADD COLUMN cnslr_no TEXT REFERENCES counselor (cnslr_no);
ALTER TABLE ccn ADD COLUMN ans_read_dtm TEXT;
ALTER TABLE member ADD COLUMN mbr_phone TEXT;
ALTER TABLE member ADD COLUMN mbr_email TEXT;
ALTER TABLE member ADD COLUMN lang_cd TEXT NOT NULL DEFAULT 'ko';
CREATE INDEX ccn_cnslr_idx ON ccn (cnslr_no, ccn_stat_cd, accp_dtm, ccn_no);
CREATE TABLE ans_tmpl (
    tmpl_no      TEXT PRIMARY KEY,
    -- NULL: offered for every type; else a large type (and all its leaves) or a leaf.
    cnsl_typ_no  TEXT REFERENCES cnsl_typ (cnsl_typ_no),
    tmpl_nm      TEXT NOT NULL,
    tmpl_cont    TEXT NOT NULL,
    sort_seq     INTEGER NOT NULL
);
-- One row per message to send. The recipient is stored masked: the sender reads the member's
-- current address when it delivers, so the outbox never holds contact details in clear.
CREATE TABLE ntf_outbox (
    ntf_no        INTEGER PRIMARY KEY AUTOINCREMENT,
    ccn_no        TEXT NOT NULL REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    channel       TEXT NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    rcpt_masked   TEXT NOT NULL,
    lang_cd       TEXT NOT NULL,
    subject       TEXT NOT NULL,
    body          TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_try_dtm  TEXT NOT NULL,
    last_error    TEXT,
    created_dtm   TEXT NOT NULL,
    sent_dtm      TEXT
);
CREATE INDEX ntf_due_idx ON ntf_outbox (status, next_try_dtm);
CREATE INDEX ntf_ccn_idx ON ntf_outbox (ccn_no);
"#,
    r#"
-- The seller's side (issue 12): sellers (vendors) own goods and call the Coupang-style
-- call-center inquiry API with an access key / secret key pair (HMAC, so the secret is kept
-- in clear: it must be known to verify a signature). A counselor transfers (이관) an inquiry
-- about a seller's goods to that seller, needing an answer or for confirmation only.
CREATE TABLE vendor (
    vendor_id   TEXT PRIMARY KEY,
    vendor_nm   TEXT NOT NULL
);
CREATE TABLE vendor_key (
    access_key  TEXT PRIMARY KEY,
    vendor_id   TEXT NOT NULL REFERENCES vendor (vendor_id),
    secret_key  TEXT NOT NULL
);
ALTER TABLE goods ADD COLUMN vendor_id TEXT REFERENCES vendor (vendor_id);
ALTER TABLE goods ADD COLUMN sale_start_dt TEXT;
ALTER TABLE goods ADD COLUMN sale_end_dt TEXT;
-- The option's number as a seller's systems know it (Coupang's numeric vendorItemId).
ALTER TABLE goods_itm ADD COLUMN vendor_item_id INTEGER;
CREATE UNIQUE INDEX goods_itm_vendor_item_idx ON goods_itm (vendor_item_id);
CREATE TABLE ccn_trns (
    ccn_no           TEXT PRIMARY KEY REFERENCES ccn (ccn_no) ON DELETE CASCADE,
    vendor_id        TEXT NOT NULL REFERENCES vendor (vendor_id),
    need_answer      INTEGER NOT NULL CHECK (need_answer IN (0, 1)),
    trns_note        TEXT NOT NULL,
    cnslr_no         TEXT NOT NULL REFERENCES counselor (cnslr_no),
    trns_dtm         TEXT NOT NULL,
    due_dtm          TEXT NOT NULL,
    trns_stat        TEXT NOT NULL CHECK (trns_stat IN ('requestAnswer', 'answered')),
    complete_reason  TEXT NOT NULL DEFAULT 'NONE'
        CHECK (complete_reason IN ('NONE', 'DISPUTE_PROCESS', 'DISPUTE_PROCESS_COMPLETE', 'CANCEL')),
    -- The seller's WING id that replied or confirmed, and when.
    done_by          TEXT,
    done_dtm         TEXT
);
CREATE INDEX ccn_trns_vendor_idx ON ccn_trns (vendor_id, trns_dtm, ccn_no);
"#,
];

/// Opens (creating if needed) the database and applies pending migrations.
pub fn open(path: &Path) -> Result<Connection, rusqlite::Error> {
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

fn migrate(conn: &mut Connection) -> Result<(), rusqlite::Error> {
    let applied: usize = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i + 1)?;
        tx.commit()?;
        tracing::info!(version = i + 1, "applied migration");
    }
    Ok(())
}

/// How many read-only connections serve reads at once.
pub const READERS: usize = 4;

/// Cloneable handle to the database: one writer connection behind a mutex, and a small pool of
/// read-only connections. Writes run on the blocking pool; reads on the calling task.
///
/// Every write (and every read that decides a write) goes through [`Db::write`], so writes are
/// serialised exactly as before and the status rules stay race-free: a counselor's answer and a
/// customer's modify never interleave inside their transactions. Pure reads (lists, details,
/// tokens, photos) go through [`Db::read`] and run in parallel with each other and with the
/// writer: in WAL mode a reader sees the last committed state and never waits for the writer.
#[derive(Clone)]
pub struct Db {
    writer: Arc<Mutex<Connection>>,
    readers: Arc<Readers>,
    totals: Arc<TotalsCache>,
}

struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    permits: Semaphore,
}

impl Db {
    /// `writer` is the connection [`open`] returned for `path`; readers are opened on demand.
    pub fn new(writer: Connection, path: &Path) -> Self {
        Self {
            writer: Arc::new(Mutex::new(writer)),
            readers: Arc::new(Readers {
                path: path.to_path_buf(),
                idle: Mutex::new(Vec::new()),
                permits: Semaphore::new(READERS),
            }),
            totals: Arc::new(TotalsCache::default()),
        }
    }

    /// The list totals known since the last write; take it before the read that uses it.
    pub fn totals(&self) -> Totals {
        Totals {
            generation: self.totals.generation.load(Ordering::Acquire),
            cache: self.totals.clone(),
        }
    }

    /// Runs `f` on the writer connection, serialised with every other write.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let inner = self.writer.clone();
        let totals = self.totals.clone();
        tokio::task::spawn_blocking(move || {
            // A panic while holding the lock cannot leave a transaction open (rusqlite rolls back
            // on drop), so a poisoned mutex is still safe to use.
            let mut conn = inner.lock().unwrap_or_else(|p| p.into_inner());
            let result = f(&mut conn);
            // After the commit: a total counted from here on sees this write.
            totals.generation.fetch_add(1, Ordering::AcqRel);
            result
        })
        .await
        .map_err(ApiError::internal)?
    }

    /// Runs `f` on a read-only connection (`PRAGMA query_only`): a write attempted here fails
    /// instead of slipping past the writer's serialisation.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .readers
            .permits
            .acquire()
            .await
            .map_err(ApiError::internal)?;
        let readers = &self.readers;
        // Run on this task: a read is a few index lookups (tens of microseconds), less than
        // handing it to the blocking pool and back costs. The semaphore bounds how many
        // connections exist.
        let idle = readers.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(c) => c,
            None => open_reader(&readers.path).map_err(ApiError::from)?,
        };
        // One read transaction around the whole closure: a detail is several statements (the
        // inquiry, its photos, its thread) and must come from one snapshot, or a reader can
        // pair the status before an answer with the reply the answer added.
        let result = match conn.unchecked_transaction() {
            Ok(tx) => f(&tx), // dropped: rolled back, nothing to keep
            Err(e) => Err(ApiError::from(e)),
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

    #[tokio::test]
    async fn a_read_connection_refuses_writes_and_sees_committed_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = Db::new(open(&path).unwrap(), &path);
        db.write(|c| {
            c.execute("INSERT INTO member (mbr_no, mbr_nm) VALUES ('M1', 'a')", [])?;
            Ok(())
        })
        .await
        .unwrap();
        let n: i64 = db
            .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM member", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(n, 1, "a read sees what was committed before it");
        let refused = db.read(|c| Ok(c.execute("DELETE FROM member", [])?)).await;
        assert!(refused.is_err(), "a write on a read connection must fail");
        let n: i64 = db
            .read(|c| Ok(c.query_row("SELECT COUNT(*) FROM member", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(n, 1);
    }

    async fn members(db: &Db) -> u64 {
        let totals = db.totals();
        db.read(move |c| {
            Ok(totals.get_or_count("members".into(), || {
                c.query_row("SELECT COUNT(*) FROM member", [], |r| r.get(0))
            })?)
        })
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn a_total_is_reused_until_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        let db = Db::new(open(&path).unwrap(), &path);
        let add = |no: &'static str| {
            db.write(move |c| {
                c.execute("INSERT INTO member (mbr_no, mbr_nm) VALUES (?1, 'a')", [no])?;
                Ok(())
            })
        };
        add("M1").await.unwrap();
        assert_eq!(members(&db).await, 1);
        // Stored, and served without counting again.
        let totals = db.totals();
        let served = totals.get_or_count("members".into(), || panic!("counted again"));
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
            before.get_or_count("members".into(), || Ok(99)).unwrap(),
            99
        );
        assert_eq!(members(&db).await, 3);
    }
}
