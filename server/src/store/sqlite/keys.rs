//! Idempotency keys and shared rate-limit buckets.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::{IdempotencyRecord, RateCharge};

pub fn idempotency_record(
    conn: &Connection,
    mbr_no: &str,
    key: &str,
    fresh_since: &str,
) -> rusqlite::Result<Option<IdempotencyRecord>> {
    conn.prepare_cached(
        "SELECT i.req_hash, i.ccn_no, EXISTS (SELECT 1 FROM ccn c
                                                WHERE c.ccn_no = i.ccn_no AND c.wdrw_dtm IS NULL)
           FROM idempotency i
          WHERE i.mbr_no = ?1 AND i.idem_key = ?2 AND i.created_at > ?3",
    )?
    .query_row([mbr_no, key, fresh_since], |r| {
        Ok(IdempotencyRecord {
            req_hash: r.get(0)?,
            ccn_no: r.get(1)?,
            inquiry_exists: r.get(2)?,
        })
    })
    .optional()
}

/// Claims the key unless a fresh use of it exists (an expired one is replaced).
pub fn claim_idempotency(
    conn: &Connection,
    mbr_no: &str,
    key: &str,
    req_hash: &str,
    ccn_no: &str,
    now: &str,
    fresh_since: &str,
) -> rusqlite::Result<bool> {
    conn.execute(
        "DELETE FROM idempotency WHERE mbr_no = ?1 AND created_at <= ?2 AND idem_key <> ?3",
        [mbr_no, fresh_since, key],
    )?;
    let n = conn.execute(
        "INSERT INTO idempotency (mbr_no, idem_key, req_hash, ccn_no, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (mbr_no, idem_key) DO UPDATE
            SET req_hash = excluded.req_hash, ccn_no = excluded.ccn_no,
                created_at = excluded.created_at
          WHERE idempotency.created_at <= ?6",
        [mbr_no, key, req_hash, ccn_no, now, fresh_since],
    )?;
    Ok(n == 1)
}

/// Milliseconds since the epoch: the given time, or SQLite's clock (one writer: nobody waits
/// between reading it and booking).
const NOW_MS: &str = "COALESCE(?2, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))";

/// One request against a bucket: its theoretical arrival time moves one interval on, unless
/// that would book it more than a minute ahead.
pub fn charge_rate(conn: &Connection, c: &RateCharge) -> rusqlite::Result<Result<(), i64>> {
    let (t, burst) = (c.interval_ms(), c.burst_ms());
    let booked: Option<i64> = conn
        .prepare_cached(&format!(
            "INSERT INTO rate_limit (bucket, tat_ms) VALUES (?1, {NOW_MS} + ?3)
             ON CONFLICT (bucket) DO UPDATE SET tat_ms = MAX(rate_limit.tat_ms, {NOW_MS}) + ?3
              WHERE MAX(rate_limit.tat_ms, {NOW_MS}) + ?3 <= {NOW_MS} + ?4
             RETURNING tat_ms"
        ))?
        .query_row(params![c.bucket, c.now_ms, t, burst], |r| r.get(0))
        .optional()?;
    if booked.is_some() {
        return Ok(Ok(()));
    }
    let (tat, now): (i64, i64) = conn.query_row(
        &format!("SELECT tat_ms, {NOW_MS} FROM rate_limit WHERE bucket = ?1"),
        params![c.bucket, c.now_ms],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Err((tat.max(now) + t - (now + burst)).max(1)))
}

pub fn prune_rates(conn: &Connection, before_ms: i64) -> rusqlite::Result<u64> {
    Ok(conn.execute("DELETE FROM rate_limit WHERE tat_ms < ?1", [before_ms])? as u64)
}
