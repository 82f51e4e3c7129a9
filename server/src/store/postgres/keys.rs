//! Idempotency keys and shared rate-limit buckets.

use tokio_postgres::Error;

use super::tx::PgTx;
use crate::store::{IdempotencyRecord, RateCharge};

pub fn idempotency_record(
    tx: &mut PgTx,
    mbr_no: &str,
    key: &str,
    fresh_since: &str,
) -> Result<Option<IdempotencyRecord>, Error> {
    Ok(tx
        .query_opt(
            "SELECT i.req_hash, i.ccn_no, EXISTS (SELECT 1 FROM ccn c
                                                WHERE c.ccn_no = i.ccn_no AND c.wdrw_dtm IS NULL)
               FROM idempotency i
              WHERE i.mbr_no = $1 AND i.idem_key = $2 AND i.created_at > $3",
            &[&mbr_no, &key, &fresh_since],
        )?
        .map(|r| IdempotencyRecord {
            req_hash: r.get(0),
            ccn_no: r.get(1),
            inquiry_exists: r.get(2),
        }))
}

/// Claims the key unless a fresh use exists. A concurrent claim of the same key waits on the
/// first one's row lock; once that commits, this one updates nothing (the use is fresh) and
/// returns `false`.
pub fn claim_idempotency(
    tx: &mut PgTx,
    mbr_no: &str,
    key: &str,
    req_hash: &str,
    ccn_no: &str,
    now: &str,
    fresh_since: &str,
) -> Result<bool, Error> {
    tx.execute(
        "DELETE FROM idempotency WHERE mbr_no = $1 AND created_at <= $2 AND idem_key <> $3",
        &[&mbr_no, &fresh_since, &key],
    )?;
    let n = tx.execute(
        "INSERT INTO idempotency (mbr_no, idem_key, req_hash, ccn_no, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (mbr_no, idem_key) DO UPDATE
            SET req_hash = excluded.req_hash, ccn_no = excluded.ccn_no,
                created_at = excluded.created_at
          WHERE idempotency.created_at <= $6",
        &[&mbr_no, &key, &req_hash, &ccn_no, &now, &fresh_since],
    )?;
    Ok(n == 1)
}

/// Milliseconds since the epoch: the given time, or the database's clock at evaluation (after
/// the row lock, for the update's `SET` and `WHERE`).
const NOW_MS: &str = "COALESCE($2::BIGINT, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT)";

pub fn charge_rate(tx: &mut PgTx, c: &RateCharge) -> Result<Result<(), i64>, Error> {
    let (t, burst) = (c.interval_ms(), c.burst_ms());
    let booked = tx.query_opt(
        &format!(
            "INSERT INTO rate_limit (bucket, tat_ms) VALUES ($1, {NOW_MS} + $3::BIGINT)
             ON CONFLICT (bucket) DO UPDATE SET tat_ms = GREATEST(rate_limit.tat_ms, {NOW_MS}) + $3
              WHERE GREATEST(rate_limit.tat_ms, {NOW_MS}) + $3 <= {NOW_MS} + $4::BIGINT
             RETURNING tat_ms"
        ),
        &[&c.bucket, &c.now_ms, &t, &burst],
    )?;
    if booked.is_some() {
        return Ok(Ok(()));
    }
    let row = tx.query_one(
        &format!("SELECT tat_ms, {NOW_MS} FROM rate_limit WHERE bucket = $1"),
        &[&c.bucket, &c.now_ms],
    )?;
    let (tat, now): (i64, i64) = (row.get(0), row.get(1));
    Ok(Err((tat.max(now) + t - (now + burst)).max(1)))
}

pub fn prune_rates(tx: &mut PgTx, before_ms: i64) -> Result<u64, Error> {
    tx.execute("DELETE FROM rate_limit WHERE tat_ms < $1", &[&before_ms])
}
