//! The notification outbox (`ntf_outbox`): rows written with an answer, read by the delivery
//! worker and by the console.

use rusqlite::{params, Connection, OptionalExtension};

use crate::store::{
    records::{DueNotification, NotificationRecord, NotificationTarget, OutboxStats},
    Lease, NewNotification, NotificationOutcome,
};

/// The member, consents and contacts behind an inquiry's notifications.
pub fn notification_target(
    conn: &Connection,
    ccn_no: &str,
) -> rusqlite::Result<Option<NotificationTarget>> {
    conn.query_row(
        "SELECT c.ccn_no, c.ccn_title, m.mbr_nm, c.sms_rcv_yn, c.email_rcv_yn,
                m.mbr_phone, m.mbr_email, m.lang_cd
           FROM ccn c JOIN member m ON m.mbr_no = c.mbr_no WHERE c.ccn_no = ?1",
        [ccn_no],
        |r| {
            Ok(NotificationTarget {
                ccn_no: r.get(0)?,
                title: r.get(1)?,
                member_name: r.get(2)?,
                sms_consent: r.get::<_, String>(3)? == "Y",
                email_consent: r.get::<_, String>(4)? == "Y",
                phone: r.get(5)?,
                email: r.get(6)?,
                lang: r.get(7)?,
            })
        },
    )
    .optional()
}

pub fn insert_notification(conn: &Connection, n: &NewNotification) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO ntf_outbox (ccn_no, channel, rcpt_masked, lang_cd, subject, body, status,
                                 next_try_dtm, last_error, created_dtm, tmpl_params)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?10)",
        params![
            n.ccn_no,
            n.channel,
            n.rcpt_masked,
            n.lang,
            n.subject,
            n.body,
            if n.failed.is_some() {
                "FAILED"
            } else {
                "PENDING"
            },
            n.now,
            n.failed,
            n.params,
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Claims due rows for `lease.owner` (see `Tx::claim_notifications`); the writer is the only
/// claimer here, so the claim cannot collide.
pub fn claim_notifications(
    conn: &Connection,
    lease: &Lease,
    limit: usize,
) -> rusqlite::Result<Vec<DueNotification>> {
    let claimed: Vec<i64> = conn
        .prepare_cached(
            "UPDATE ntf_outbox SET lease_owner = ?1, lease_until = ?3
              WHERE ntf_no IN (SELECT ntf_no FROM ntf_outbox
                                WHERE status = 'PENDING' AND next_try_dtm <= ?2
                                  AND (lease_until IS NULL OR lease_until <= ?2)
                                ORDER BY next_try_dtm, ntf_no LIMIT ?4)
             RETURNING ntf_no",
        )?
        .query_map(
            params![lease.owner, lease.now, lease.until, limit as i64],
            |r| r.get(0),
        )?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT n.ntf_no, n.channel, n.rcpt_masked, n.subject, n.body, n.attempts,
                CASE n.channel WHEN 'SMS' THEN m.mbr_phone ELSE m.mbr_email END, n.tmpl_params
           FROM ntf_outbox n
           JOIN ccn c ON c.ccn_no = n.ccn_no
           JOIN member m ON m.mbr_no = c.mbr_no
          WHERE n.ntf_no = ?1",
    )?;
    let mut due = Vec::with_capacity(claimed.len());
    for ntf_no in claimed {
        due.push(stmt.query_row([ntf_no], |r| {
            Ok(DueNotification {
                ntf_no: r.get(0)?,
                channel: r.get(1)?,
                rcpt_masked: r.get(2)?,
                subject: r.get(3)?,
                body: r.get(4)?,
                attempts: r.get(5)?,
                address: r.get(6)?,
                params: r.get(7)?,
            })
        })?);
    }
    due.sort_by_key(|d| d.ntf_no);
    Ok(due)
}

/// When the next pending row is due (or its lease ends), if any.
pub fn outbox_stats(conn: &Connection) -> rusqlite::Result<OutboxStats> {
    conn.prepare_cached(
        "SELECT COUNT(*) FILTER (WHERE status = 'PENDING'), COUNT(*) FILTER (WHERE status = 'FAILED'),
                MIN(created_dtm) FILTER (WHERE status = 'PENDING')
           FROM ntf_outbox WHERE status IN ('PENDING', 'FAILED')",
    )?
    .query_row([], |r| {
        Ok(OutboxStats {
            pending: r.get(0)?,
            failed: r.get(1)?,
            oldest_pending: r.get(2)?,
        })
    })
}

pub fn next_notification_due(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT MIN(MAX(next_try_dtm, COALESCE(lease_until, '')))
           FROM ntf_outbox WHERE status = 'PENDING'",
        [],
        |r| r.get(0),
    )
}

/// Writes a claimed send's outcome while `owner` still holds it.
pub fn finish_notification(
    conn: &Connection,
    ntf_no: i64,
    owner: &str,
    outcome: &NotificationOutcome,
) -> rusqlite::Result<bool> {
    let n = match outcome {
        NotificationOutcome::Sent { attempts, at, via } => conn.execute(
            "UPDATE ntf_outbox SET status = 'SENT', attempts = ?3, sent_dtm = ?4, sent_via = ?5,
                    last_error = NULL, lease_owner = NULL, lease_until = NULL
              WHERE ntf_no = ?1 AND lease_owner = ?2 AND status = 'PENDING'",
            params![ntf_no, owner, attempts, at, via],
        )?,
        NotificationOutcome::Retry {
            attempts,
            next_try,
            error,
        } => conn.execute(
            "UPDATE ntf_outbox SET attempts = ?3, next_try_dtm = ?4, last_error = ?5,
                    lease_owner = NULL, lease_until = NULL
              WHERE ntf_no = ?1 AND lease_owner = ?2 AND status = 'PENDING'",
            params![ntf_no, owner, attempts, next_try, error],
        )?,
        NotificationOutcome::Failed { attempts, error } => conn.execute(
            "UPDATE ntf_outbox SET status = 'FAILED', attempts = ?3, last_error = ?4,
                    lease_owner = NULL, lease_until = NULL
              WHERE ntf_no = ?1 AND lease_owner = ?2 AND status = 'PENDING'",
            params![ntf_no, owner, attempts, error],
        )?,
    };
    Ok(n == 1)
}

/// Hands back `owner`'s claims.
pub fn release_notifications(conn: &Connection, owner: &str) -> rusqlite::Result<u64> {
    let n = conn.execute(
        "UPDATE ntf_outbox SET lease_owner = NULL, lease_until = NULL
          WHERE lease_owner = ?1 AND status = 'PENDING'",
        [owner],
    )?;
    Ok(n as u64)
}

/// Every notification of an inquiry, oldest first.
pub fn notifications_of(
    conn: &Connection,
    ccn_no: &str,
) -> rusqlite::Result<Vec<NotificationRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ntf_no, channel, rcpt_masked, lang_cd, status, attempts, last_error,
                created_dtm, next_try_dtm, sent_dtm, sent_via
           FROM ntf_outbox WHERE ccn_no = ?1 ORDER BY ntf_no",
    )?;
    let rows = stmt
        .query_map([ccn_no], |r| {
            let status: String = r.get(4)?;
            let next: String = r.get(8)?;
            Ok(NotificationRecord {
                ntf_no: r.get(0)?,
                channel: r.get(1)?,
                rcpt_masked: r.get(2)?,
                lang: r.get(3)?,
                next_try_at: (status == "PENDING").then_some(next),
                status,
                attempts: r.get(5)?,
                last_error: r.get(6)?,
                created_at: r.get(7)?,
                sent_at: r.get(9)?,
                sent_via: r.get(10)?,
            })
        })?
        .collect();
    rows
}
