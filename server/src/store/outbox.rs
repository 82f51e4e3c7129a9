//! The notification outbox (`ntf_outbox`): rows written with an answer, read by the delivery
//! worker and by the console.

use rusqlite::{params, Connection, OptionalExtension};

use super::records::{DueNotification, NotificationRecord, NotificationTarget};

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

/// A row to write; `failed` is set when it cannot be sent at all (no contact on file).
pub struct NewNotification<'a> {
    pub ccn_no: &'a str,
    pub channel: &'a str,
    pub rcpt_masked: &'a str,
    pub lang: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub now: &'a str,
    pub failed: Option<&'a str>,
}

pub fn insert_notification(conn: &Connection, n: &NewNotification) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO ntf_outbox (ccn_no, channel, rcpt_masked, lang_cd, subject, body, status,
                                 next_try_dtm, last_error, created_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)",
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
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Pending rows whose next try is due at `now`, oldest first.
pub fn due_notifications(
    conn: &Connection,
    now: &str,
    limit: usize,
) -> rusqlite::Result<Vec<DueNotification>> {
    let mut stmt = conn.prepare_cached(
        "SELECT n.ntf_no, n.channel, n.rcpt_masked, n.subject, n.body, n.attempts,
                CASE n.channel WHEN 'SMS' THEN m.mbr_phone ELSE m.mbr_email END
           FROM ntf_outbox n
           JOIN ccn c ON c.ccn_no = n.ccn_no
           JOIN member m ON m.mbr_no = c.mbr_no
          WHERE n.status = 'PENDING' AND n.next_try_dtm <= ?1
          ORDER BY n.next_try_dtm, n.ntf_no
          LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![now, limit as i64], |r| {
            Ok(DueNotification {
                ntf_no: r.get(0)?,
                channel: r.get(1)?,
                rcpt_masked: r.get(2)?,
                subject: r.get(3)?,
                body: r.get(4)?,
                attempts: r.get(5)?,
                address: r.get(6)?,
            })
        })?
        .collect();
    rows
}

/// When the next pending row is due, if any.
pub fn next_notification_due(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT MIN(next_try_dtm) FROM ntf_outbox WHERE status = 'PENDING'",
        [],
        |r| r.get(0),
    )
}

pub fn notification_sent(
    conn: &Connection,
    ntf_no: i64,
    attempts: u32,
    at: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ntf_outbox SET status = 'SENT', attempts = ?2, sent_dtm = ?3, last_error = NULL
          WHERE ntf_no = ?1",
        params![ntf_no, attempts, at],
    )?;
    Ok(())
}

pub fn notification_retry(
    conn: &Connection,
    ntf_no: i64,
    attempts: u32,
    next_try: &str,
    error: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ntf_outbox SET attempts = ?2, next_try_dtm = ?3, last_error = ?4
          WHERE ntf_no = ?1",
        params![ntf_no, attempts, next_try, error],
    )?;
    Ok(())
}

pub fn notification_failed(
    conn: &Connection,
    ntf_no: i64,
    attempts: u32,
    error: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE ntf_outbox SET status = 'FAILED', attempts = ?2, last_error = ?3 WHERE ntf_no = ?1",
        params![ntf_no, attempts, error],
    )?;
    Ok(())
}

/// Every notification of an inquiry, oldest first.
pub fn notifications_of(
    conn: &Connection,
    ccn_no: &str,
) -> rusqlite::Result<Vec<NotificationRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ntf_no, channel, rcpt_masked, lang_cd, status, attempts, last_error,
                created_dtm, next_try_dtm, sent_dtm
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
            })
        })?
        .collect();
    rows
}
