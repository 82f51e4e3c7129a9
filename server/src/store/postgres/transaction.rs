//! A transaction on a pooled connection, and the statement helpers the adapter's functions
//! call: `BEGIN` sent with the first statement, statements prepared once per connection,
//! `COMMIT` on finish, `ROLLBACK` on drop.

use std::future::Future;

use tokio_postgres::{types::ToSql, Error, Row, Statement};

use super::connection::PgConn;

/// A transaction on a pooled connection. `BEGIN` is sent with the first statement (for a read,
/// in the same round trip); `finish` commits.
pub struct PgTx<'a> {
    conn: &'a mut PgConn,
    /// The `BEGIN …` still to send, until the first statement.
    begin: Option<&'static str>,
    read_only: bool,
    /// This transaction's snapshot (`pg_current_snapshot()`), once asked for.
    snapshot: Option<String>,
    /// Committed: nothing to roll back on drop.
    finished: bool,
}

/// A transaction that ends without `finish` (a rule's error, a failed statement, a panic) is
/// rolled back here, so its connection goes back to the pool clean.
impl Drop for PgTx<'_> {
    fn drop(&mut self) {
        if self.begin.is_none() && !self.finished {
            let _ = self
                .conn
                .block_on(self.conn.client.batch_execute("ROLLBACK"));
        }
    }
}

const BEGIN_READ: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";
const BEGIN_WRITE: &str = "BEGIN";

/// Runs the statement future `f` makes on `conn`, after `begin` if the transaction has not
/// begun: a read pipelines the two (one round trip); a write waits for `BEGIN` first, so
/// nothing it writes could run outside its transaction.
fn run<T, Fut>(
    conn: &PgConn,
    begin: Option<&'static str>,
    read_only: bool,
    f: impl FnOnce() -> Fut,
) -> Result<T, Error>
where
    Fut: Future<Output = Result<T, Error>>,
{
    match begin {
        Some(begin) if read_only => conn.block_on(async {
            let (begun, result) = tokio::join!(conn.client.batch_execute(begin), f());
            begun?;
            result
        }),
        Some(begin) => {
            conn.block_on(conn.client.batch_execute(begin))?;
            conn.block_on(f())
        }
        None => conn.block_on(f()),
    }
}

/// One statement helper: prepare (once per connection), then run as [`run`] does.
macro_rules! statement {
    ($name:ident, $out:ty, $call:ident) => {
        pub(super) fn $name(
            &mut self,
            sql: &str,
            params: &[&(dyn ToSql + Sync)],
        ) -> Result<$out, Error> {
            let statement = self.prepared(sql)?;
            let (begin, read_only) = (self.begin.take(), self.read_only);
            let conn = &*self.conn;
            run(conn, begin, read_only, || {
                conn.client.$call(&statement, params)
            })
        }
    };
}

impl<'a> PgTx<'a> {
    pub(super) fn new(conn: &'a mut PgConn, read_only: bool) -> Self {
        Self {
            conn,
            begin: Some(if read_only { BEGIN_READ } else { BEGIN_WRITE }),
            read_only,
            snapshot: None,
            finished: false,
        }
    }

    /// Commits (a transaction that never ran a statement has nothing to commit). A read
    /// commits too: it ends the snapshot and leaves the connection clean for the next user.
    pub(super) fn finish(mut self) -> Result<(), Error> {
        self.finished = true;
        if self.begin.is_some() {
            return Ok(());
        }
        let conn = &*self.conn;
        if self.read_only {
            // A read has nothing to keep: its COMMIT is sent, not waited for (its answer is
            // read, and dropped, before the connection's next statement). One poll queues
            // the request; yielding lets the connection task write it to the socket now, so
            // no snapshot stays open while the connection sits in the pool.
            conn.block_on(async {
                let mut commit = std::pin::pin!(conn.client.batch_execute("COMMIT"));
                std::future::poll_fn(|cx| {
                    let _ = commit.as_mut().poll(cx);
                    std::task::Poll::Ready(())
                })
                .await;
                tokio::task::yield_now().await;
            });
            return Ok(());
        }
        conn.block_on(conn.client.batch_execute("COMMIT"))
    }

    fn prepared(&mut self, sql: &str) -> Result<Statement, Error> {
        if let Some(s) = self.conn.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.conn.block_on(self.conn.client.prepare(sql))?;
        self.conn.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }

    statement!(query, Vec<Row>, query);
    statement!(query_opt, Option<Row>, query_opt);
    statement!(query_one, Row, query_one);
    statement!(execute, u64, execute);

    /// The transaction's snapshot: which transactions' writes it sees. Two transactions with
    /// the same snapshot see exactly the same data, whichever instance wrote it.
    pub(super) fn snapshot(&mut self) -> Result<String, Error> {
        if let Some(s) = &self.snapshot {
            return Ok(s.clone());
        }
        let s: String = self
            .query_one("SELECT pg_current_snapshot()::TEXT", &[])?
            .get(0);
        self.snapshot = Some(s.clone());
        Ok(s)
    }
}
