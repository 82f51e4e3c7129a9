//! The notification outbox: rows written with an answer, claimed with a lease by whichever
//! instance's worker gets there first (`FOR UPDATE SKIP LOCKED`).

use tokio_postgres::Error;

use super::{tx::PgTx, uint};
use crate::store::{
    records::{DueNotification, NotificationRecord, NotificationTarget, OutboxStats},
    Lease, NewNotification, NotificationOutcome,
};

pub fn notification_target(
    tx: &mut PgTx,
    ccn_no: &str,
) -> Result<Option<NotificationTarget>, Error> {
    let row = tx.query_opt(
        "SELECT c.ccn_no, c.ccn_title, m.mbr_nm, c.sms_rcv_yn, c.email_rcv_yn,
                m.mbr_phone, m.mbr_email, m.lang_cd
           FROM ccn c JOIN member m ON m.mbr_no = c.mbr_no WHERE c.ccn_no = $1",
        &[&ccn_no],
    )?;
    Ok(row.map(|r| NotificationTarget {
        ccn_no: r.get(0),
        title: r.get(1),
        member_name: r.get(2),
        sms_consent: r.get::<_, &str>(3) == "Y",
        email_consent: r.get::<_, &str>(4) == "Y",
        phone: r.get(5),
        email: r.get(6),
        lang: r.get(7),
    }))
}

pub fn insert_notification(tx: &mut PgTx, n: &NewNotification) -> Result<i64, Error> {
    let status = if n.failed.is_some() {
        "FAILED"
    } else {
        "PENDING"
    };
    Ok(tx
        .query_one(
            "INSERT INTO ntf_outbox (ccn_no, channel, rcpt_masked, lang_cd, subject, body,
                                     status, next_try_dtm, last_error, created_dtm, tmpl_params)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $10)
             RETURNING ntf_no",
            &[
                &n.ccn_no,
                &n.channel,
                &n.rcpt_masked,
                &n.lang,
                &n.subject,
                &n.body,
                &status,
                &n.now,
                &n.failed,
                &n.params,
            ],
        )?
        .get(0))
}

pub fn claim_notifications(
    tx: &mut PgTx,
    lease: &Lease,
    limit: usize,
) -> Result<Vec<DueNotification>, Error> {
    let mut due: Vec<DueNotification> = tx
        .query(
            "WITH claimed AS (
                 UPDATE ntf_outbox SET lease_owner = $1, lease_until = $3
                  WHERE ntf_no IN (SELECT ntf_no FROM ntf_outbox
                                    WHERE status = 'PENDING' AND next_try_dtm <= $2
                                      AND (lease_until IS NULL OR lease_until <= $2)
                                    ORDER BY next_try_dtm, ntf_no LIMIT $4
                                      FOR UPDATE SKIP LOCKED)
                 RETURNING ntf_no, ccn_no, channel, rcpt_masked, subject, body, attempts,
                           tmpl_params)
             SELECT n.ntf_no, n.channel, n.rcpt_masked, n.subject, n.body, n.attempts,
                    CASE n.channel WHEN 'SMS' THEN m.mbr_phone ELSE m.mbr_email END,
                    n.tmpl_params
               FROM claimed n
               JOIN ccn c ON c.ccn_no = n.ccn_no
               JOIN member m ON m.mbr_no = c.mbr_no",
            &[&lease.owner, &lease.now, &lease.until, &(limit as i64)],
        )?
        .iter()
        .map(|r| DueNotification {
            ntf_no: r.get(0),
            channel: r.get(1),
            rcpt_masked: r.get(2),
            subject: r.get(3),
            body: r.get(4),
            attempts: uint(r, 5),
            address: r.get(6),
            params: r.get(7),
        })
        .collect();
    due.sort_by_key(|d| d.ntf_no);
    Ok(due)
}

pub fn outbox_stats(tx: &mut PgTx) -> Result<OutboxStats, Error> {
    let r = tx.query_one(
        "SELECT COUNT(*) FILTER (WHERE status = 'PENDING'), COUNT(*) FILTER (WHERE status = 'FAILED'),
                MIN(created_dtm) FILTER (WHERE status = 'PENDING')
           FROM ntf_outbox WHERE status IN ('PENDING', 'FAILED')",
        &[],
    )?;
    Ok(OutboxStats {
        pending: r.get::<_, i64>(0) as u64,
        failed: r.get::<_, i64>(1) as u64,
        oldest_pending: r.get(2),
    })
}

pub fn next_notification_due(tx: &mut PgTx) -> Result<Option<String>, Error> {
    Ok(tx
        .query_one(
            "SELECT MIN(GREATEST(next_try_dtm, COALESCE(lease_until, '')))
               FROM ntf_outbox WHERE status = 'PENDING'",
            &[],
        )?
        .get(0))
}

pub fn finish_notification(
    tx: &mut PgTx,
    ntf_no: i64,
    owner: &str,
    outcome: &NotificationOutcome,
) -> Result<bool, Error> {
    let n = match outcome {
        NotificationOutcome::Sent { attempts, at, via } => tx.execute(
            "UPDATE ntf_outbox SET status = 'SENT', attempts = $3, sent_dtm = $4, sent_via = $5,
                    last_error = NULL, lease_owner = NULL, lease_until = NULL
              WHERE ntf_no = $1 AND lease_owner = $2 AND status = 'PENDING'",
            &[&ntf_no, &owner, &i64::from(*attempts), at, via],
        )?,
        NotificationOutcome::Retry {
            attempts,
            next_try,
            error,
        } => tx.execute(
            "UPDATE ntf_outbox SET attempts = $3, next_try_dtm = $4, last_error = $5,
                    lease_owner = NULL, lease_until = NULL
              WHERE ntf_no = $1 AND lease_owner = $2 AND status = 'PENDING'",
            &[&ntf_no, &owner, &i64::from(*attempts), next_try, error],
        )?,
        NotificationOutcome::Failed { attempts, error } => tx.execute(
            "UPDATE ntf_outbox SET status = 'FAILED', attempts = $3, last_error = $4,
                    lease_owner = NULL, lease_until = NULL
              WHERE ntf_no = $1 AND lease_owner = $2 AND status = 'PENDING'",
            &[&ntf_no, &owner, &i64::from(*attempts), error],
        )?,
    };
    Ok(n == 1)
}

pub fn release_notifications(tx: &mut PgTx, owner: &str) -> Result<u64, Error> {
    tx.execute(
        "UPDATE ntf_outbox SET lease_owner = NULL, lease_until = NULL
          WHERE lease_owner = $1 AND status = 'PENDING'",
        &[&owner],
    )
}

pub fn notifications_of(tx: &mut PgTx, ccn_no: &str) -> Result<Vec<NotificationRecord>, Error> {
    Ok(tx
        .query(
            "SELECT ntf_no, channel, rcpt_masked, lang_cd, status, attempts, last_error,
                    created_dtm, next_try_dtm, sent_dtm, sent_via
               FROM ntf_outbox WHERE ccn_no = $1 ORDER BY ntf_no",
            &[&ccn_no],
        )?
        .iter()
        .map(|r| {
            let status: String = r.get(4);
            NotificationRecord {
                ntf_no: r.get(0),
                channel: r.get(1),
                rcpt_masked: r.get(2),
                lang: r.get(3),
                next_try_at: (status == "PENDING").then(|| r.get(8)),
                status,
                attempts: uint(r, 5),
                last_error: r.get(6),
                created_at: r.get(7),
                sent_at: r.get(9),
                sent_via: r.get(10),
            }
        })
        .collect())
}
