//! How long records are kept, and their destruction (파기) once that time has passed.
//!
//! - An inquiry is a record of a consumer complaint and its handling (전자상거래법 시행령
//!   제6조): kept `--retention-days` (1095, three years) after its handling ended — its answer,
//!   or the customer's withdrawal — then purged: its rows and its photo objects (those of
//!   earlier versions too).
//! - The access log is kept `--access-log-days` (730, two years), then purged.
//!
//! The purge runs in batches, each its own transaction under the purge lock (PostgreSQL: an
//! advisory lock, so one instance at a time; a second finds it held and skips the round). It
//! is idempotent: what is gone is not found again. Each purged inquiry leaves an access-log
//! entry (`PURGE`, by the system) and a log line; counts go to `/metrics`.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::{
    audit::{self, Action, Actor},
    blobs::Blobs,
    model::db_time,
    photos,
    questions::versions,
    store::{Store, StoreError},
};

/// The retention policy.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Days an inquiry is kept after its handling ended.
    pub inquiry_days: u32,
    /// Days an access-log entry is kept.
    pub access_log_days: u32,
    /// How often each instance tries a purge (`None`: never; the `purge` command still runs one).
    pub every: Option<Duration>,
    /// Records per transaction.
    pub batch: u32,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            inquiry_days: 1095,
            access_log_days: 730,
            every: Some(Duration::from_secs(3600)),
            batch: 200,
        }
    }
}

/// What one purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub inquiries: u64,
    pub photos: u64,
    pub access_log: u64,
}

/// Purges what `policy` no longer keeps as of `now`. `Ok(None)`: another instance is purging.
pub async fn purge(
    db: &Store,
    blobs: &Blobs,
    policy: &Policy,
    now: DateTime<Utc>,
) -> Result<Option<Purged>, StoreError> {
    let cutoff = db_time(now - chrono::Duration::days(i64::from(policy.inquiry_days)));
    let log_cutoff = db_time(now - chrono::Duration::days(i64::from(policy.access_log_days)));
    let batch = policy.batch.max(1);
    let days = policy.inquiry_days;
    let mut purged = Purged::default();
    loop {
        let cutoff = cutoff.clone();
        let round = db
            .write(move |tx| -> Result<_, StoreError> {
                if !tx.try_purge_lock()? {
                    return Ok(None);
                }
                let expired = tx.expired_inquiries(&cutoff, batch)?;
                let mut objects = Vec::new();
                let system = Actor::system("retention-purge");
                for e in &expired {
                    objects.extend(versions::all_photo_objects(tx, &e.ccn_no)?);
                    tx.purge_inquiry(&e.ccn_no)?;
                    let why = format!("보존기간 {days}일 경과 ({cutoff} 이전 종결)");
                    audit::log(
                        tx,
                        &system,
                        Action::Purge,
                        Some(&e.ccn_no),
                        Some(&e.mbr_no),
                        &why,
                    )?;
                }
                Ok(Some((expired, objects)))
            })
            .await?;
        let Some((expired, objects)) = round else {
            return Ok(None);
        };
        for e in &expired {
            tracing::info!(ccn_no = %e.ccn_no, mbr_no = %e.mbr_no, "inquiry purged: retention ended");
        }
        purged.inquiries += expired.len() as u64;
        purged.photos += objects.len() as u64;
        // After the commit: a failed removal leaves an unreferenced object, never a record
        // without its photos.
        photos::remove(blobs, objects).await;
        if (expired.len() as u32) < batch {
            break;
        }
    }
    loop {
        let before = log_cutoff.clone();
        let removed = db
            .write(move |tx| -> Result<_, StoreError> {
                if !tx.try_purge_lock()? {
                    return Ok(None);
                }
                Ok(Some(tx.purge_access_log(&before, batch)?))
            })
            .await?;
        let Some(n) = removed else { return Ok(None) };
        purged.access_log += n;
        if n < u64::from(batch) {
            break;
        }
    }
    count(&purged);
    if purged != Purged::default() {
        tracing::info!(
            inquiries = purged.inquiries,
            photos = purged.photos,
            access_log = purged.access_log,
            "retention purge"
        );
    }
    Ok(Some(purged))
}

fn count(p: &Purged) {
    for (kind, n) in [
        ("inquiries", p.inquiries),
        ("photos", p.photos),
        ("access_log", p.access_log),
    ] {
        metrics::counter!("inquiry_purged_total", "kind" => kind).increment(n);
    }
}

/// What a withdrawn member's name becomes in the records kept for the law.
pub const FORGOTTEN_NAME: &str = "탈퇴회원";

/// A 회원 탈퇴 on `tx`: the member's name and contact are replaced in everything kept
/// (their inquiries stay for their retention, now without who wrote them), and the access
/// log records it. `false`: no such member, or they left before.
pub fn forget_member(
    tx: &mut dyn crate::store::Tx,
    mbr_no: &str,
    by: &Actor,
) -> Result<bool, StoreError> {
    if !tx.anonymize_member(mbr_no, FORGOTTEN_NAME, &crate::model::now_db())? {
        return Ok(false);
    }
    audit::log(tx, by, Action::Forget, None, Some(mbr_no), "")?;
    Ok(true)
}

/// Tries a purge every `policy.every` on this instance (the first a minute after start).
pub fn spawn(db: Store, blobs: Blobs, policy: Policy) {
    let Some(every) = policy.every else { return };
    tokio::spawn(async move {
        let start = tokio::time::Instant::now() + Duration::from_secs(60).min(every);
        let mut ticks = tokio::time::interval_at(start, every);
        loop {
            ticks.tick().await;
            if let Err(e) = purge(&db, &blobs, &policy, Utc::now()).await {
                tracing::warn!(error = %e, "retention purge failed; tried again next round");
            }
        }
    });
}
