//! Delivers the outbox: one task per instance, woken after every answer this instance commits
//! and otherwise when the next retry is due (or every 30 s at most). Every instance runs one:
//! a batch is claimed under a lease (see `Tx::claim_notifications`), so each row is sent by
//! one instance, and a row claimed by an instance that died is sent after the lease. A send
//! runs outside any transaction; its outcome is written afterwards (sent, or attempts + 1 and
//! the next try, or failed after the last attempt). On shutdown the claims are handed back.

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use tokio::sync::Notify;

use super::{Channel, Delivered, Outgoing, Senders};
use crate::{
    model::{db_time, now_db},
    store::{records::DueNotification, Lease, NotificationOutcome, Store},
};

/// When a failed send is tried again: `base × 2^(attempt − 1)`, at most `cap`, and given up
/// (status `FAILED`) after `max_attempts`.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub base: Duration,
    pub cap: Duration,
    pub max_attempts: u32,
    /// A send that takes longer than this counts as failed.
    pub send_timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            base: Duration::from_secs(30),
            cap: Duration::from_secs(3600),
            max_attempts: 6,
            send_timeout: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// The wait after the `attempts`-th failed attempt (1-based).
    pub fn delay(&self, attempts: u32) -> Duration {
        let factor = 1u32 << attempts.saturating_sub(1).min(20);
        self.base.saturating_mul(factor).min(self.cap)
    }
}

/// Wakes the delivery task (after an answer commits).
#[derive(Clone, Default)]
pub struct Notifier {
    wake: Arc<Notify>,
    /// This instance's name on its claims.
    owner: String,
    task: Arc<std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>>,
}

impl Notifier {
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Stops delivering and hands this instance's claims back, so another instance sends them
    /// now rather than after the lease (graceful shutdown).
    pub async fn stop(&self, db: &Store) {
        if let Some(task) = self.task.lock().unwrap_or_else(|p| p.into_inner()).take() {
            task.abort();
        }
        let owner = self.owner.clone();
        match db.write(move |c| c.release_notifications(&owner)).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(released = n, "handed notification claims back"),
            Err(e) => tracing::warn!(error = %e, "could not hand notification claims back"),
        }
    }
}

/// How many rows one pass takes.
const BATCH: usize = 8;
/// The longest sleep between passes when nothing is due here: a row another instance wrote (and
/// woke its own worker for), or a claim whose instance died, is found within it.
const IDLE: Duration = Duration::from_secs(30);

/// Starts the delivery task on the current runtime; `owner` names this instance's claims.
pub fn spawn(db: Store, senders: Senders, policy: RetryPolicy, owner: String) -> Notifier {
    let notifier = Notifier {
        wake: Arc::new(Notify::new()),
        owner: owner.clone(),
        task: Arc::new(std::sync::Mutex::new(None)),
    };
    let wake = notifier.wake.clone();
    let task = tokio::spawn(async move {
        loop {
            let sleep = match deliver_due(&db, &senders, &policy, &owner).await {
                Ok(n) if n == BATCH => continue,
                Ok(_) => next_wait(&db).await,
                Err(e) => {
                    tracing::error!(error = %e, "notification pass failed");
                    policy.base.min(IDLE)
                }
            };
            tokio::select! {
                _ = wake.notified() => {}
                _ = tokio::time::sleep(sleep) => {}
            }
        }
    });
    *notifier.task.lock().unwrap_or_else(|p| p.into_inner()) = Some(task);
    notifier
}

async fn next_wait(db: &Store) -> Duration {
    let next = db.read(|c| c.next_notification_due()).await.ok().flatten();
    let Some(next) = next else { return IDLE };
    match chrono::DateTime::parse_from_rfc3339(&next) {
        Ok(t) => (t.with_timezone(&Utc) - Utc::now())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(IDLE),
        Err(_) => IDLE,
    }
}

/// One pass over what is due now: claims a batch under a lease long enough to send all of it,
/// sends, and writes each outcome while the claim is still this instance's. Returns how many
/// rows it claimed.
pub async fn deliver_due(
    db: &Store,
    senders: &Senders,
    policy: &RetryPolicy,
    owner: &str,
) -> Result<usize, crate::error::ApiError> {
    let now = Utc::now();
    let lease_for = policy.send_timeout * (BATCH as u32 + 1);
    let (now_s, until, me) = (
        db_time(now),
        db_time(now + chrono::Duration::from_std(lease_for).unwrap_or_default()),
        owner.to_owned(),
    );
    let due = db
        .write(move |c| {
            c.claim_notifications(
                &Lease {
                    owner: &me,
                    now: &now_s,
                    until: &until,
                },
                BATCH,
            )
        })
        .await?;
    let n = due.len();
    for row in due {
        let outcome = send(senders, policy, &row).await;
        let attempts = row.attempts + 1;
        let ntf_no = row.ntf_no;
        let give_up = attempts >= policy.max_attempts;
        match &outcome {
            Ok(d) => {
                tracing::info!(ntf_no, channel = %row.channel, via = %d.via, "notification sent")
            }
            Err(e) => {
                tracing::warn!(ntf_no, attempts, error = %e, give_up, "notification not sent")
            }
        }
        let outcome = match outcome {
            Ok(delivered) => NotificationOutcome::Sent {
                attempts,
                at: now_db(),
                via: delivered.via,
            },
            Err(error) if give_up => NotificationOutcome::Failed { attempts, error },
            Err(error) => NotificationOutcome::Retry {
                attempts,
                next_try: db_time(Utc::now() + policy.delay(attempts)),
                error,
            },
        };
        let me = owner.to_owned();
        let kept = db
            .write(move |c| c.finish_notification(ntf_no, &me, &outcome))
            .await?;
        if !kept {
            tracing::warn!(
                ntf_no,
                "notification claim had expired; outcome not recorded"
            );
        }
    }
    Ok(n)
}

async fn send(
    senders: &Senders,
    policy: &RetryPolicy,
    row: &DueNotification,
) -> Result<Delivered, String> {
    let channel = Channel::from_code(&row.channel).ok_or("unknown channel")?;
    let to = row
        .address
        .clone()
        .ok_or_else(|| "the member has no contact for this channel any more".to_owned())?;
    let message = Outgoing {
        ntf_no: row.ntf_no,
        channel,
        to,
        rcpt_masked: row.rcpt_masked.clone(),
        subject: row.subject.clone(),
        body: row.body.clone(),
        // A row written before 알림톡 (or by hand) has none: the 알림톡 sender then fails and
        // its SMS fallback carries the message.
        params: row
            .params
            .as_deref()
            .and_then(|p| serde_json::from_str(p).ok())
            .unwrap_or_default(),
    };
    match tokio::time::timeout(policy.send_timeout, senders.of(channel).send(&message)).await {
        Ok(result) => result,
        Err(_) => Err(format!("timed out after {:?}", policy.send_timeout)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            base: Duration::from_secs(30),
            cap: Duration::from_secs(300),
            ..RetryPolicy::default()
        };
        let delays: Vec<u64> = (1..=6).map(|a| p.delay(a).as_secs()).collect();
        assert_eq!(delays, [30, 60, 120, 240, 300, 300]);
    }
}
