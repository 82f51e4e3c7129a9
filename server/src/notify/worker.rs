//! Delivers the outbox: one task per server, woken after every answer and otherwise when the
//! next retry is due. A send runs outside any database lock; its outcome is written afterwards
//! (sent, or attempts + 1 and the next try, or failed after the last attempt).

use std::{sync::Arc, time::Duration};

use chrono::Utc;
use tokio::sync::Notify;

use super::{Channel, Outgoing, Senders};
use crate::{
    db::Db,
    model::{db_time, now_db},
    store::{self, records::DueNotification},
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
}

impl Notifier {
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// How many rows one pass takes.
const BATCH: usize = 32;
/// The longest sleep between passes when nothing is due (a row written by another process).
const IDLE: Duration = Duration::from_secs(60);

/// Starts the delivery task on the current runtime.
pub fn spawn(db: Db, senders: Senders, policy: RetryPolicy) -> Notifier {
    let notifier = Notifier::default();
    let wake = notifier.wake.clone();
    tokio::spawn(async move {
        loop {
            let sleep = match deliver_due(&db, &senders, &policy).await {
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
    notifier
}

async fn next_wait(db: &Db) -> Duration {
    let next = db
        .read(|c| Ok(store::next_notification_due(c)?))
        .await
        .ok()
        .flatten();
    let Some(next) = next else { return IDLE };
    match chrono::DateTime::parse_from_rfc3339(&next) {
        Ok(t) => (t.with_timezone(&Utc) - Utc::now())
            .to_std()
            .unwrap_or(Duration::ZERO)
            .min(IDLE),
        Err(_) => IDLE,
    }
}

/// One pass over what is due now; returns how many rows it handled.
pub async fn deliver_due(
    db: &Db,
    senders: &Senders,
    policy: &RetryPolicy,
) -> Result<usize, crate::error::ApiError> {
    let now = now_db();
    let due = db
        .read(move |c| Ok(store::due_notifications(c, &now, BATCH)?))
        .await?;
    let n = due.len();
    for row in due {
        let outcome = send(senders, policy, &row).await;
        let attempts = row.attempts + 1;
        let ntf_no = row.ntf_no;
        let next_try = db_time(Utc::now() + policy.delay(attempts));
        let give_up = attempts >= policy.max_attempts;
        match &outcome {
            Ok(()) => tracing::info!(ntf_no, channel = %row.channel, "notification sent"),
            Err(e) => {
                tracing::warn!(ntf_no, attempts, error = %e, give_up, "notification not sent")
            }
        }
        db.write(move |c| {
            let now = now_db();
            match outcome {
                Ok(()) => store::notification_sent(c, ntf_no, attempts, &now)?,
                Err(e) if give_up => store::notification_failed(c, ntf_no, attempts, &e)?,
                Err(e) => store::notification_retry(c, ntf_no, attempts, &next_try, &e)?,
            }
            Ok(())
        })
        .await?;
    }
    Ok(n)
}

async fn send(
    senders: &Senders,
    policy: &RetryPolicy,
    row: &DueNotification,
) -> Result<(), String> {
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
