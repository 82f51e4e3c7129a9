//! The records the law keeps (`store::KeptRecords`) on SQLite: withdrawal, versions, the
//! retention purge, a 회원 탈퇴 and the access log.

use rusqlite::{params, params_from_iter, types::Value, OptionalExtension};

use super::tx::SqliteTx;
use crate::{
    model::Status,
    store::{
        AccessCount, AccessFilter, AccessRecord, ActorRole, ExpiredInquiry, KeptRecords, NewAccess,
        StoreResult, VersionRecord,
    },
};

impl KeptRecords for SqliteTx<'_> {
    fn withdraw_question_if_received(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        at: &str,
    ) -> StoreResult<bool> {
        let n = self.conn.execute(
            "UPDATE ccn SET wdrw_dtm = ?3
              WHERE ccn_no = ?1 AND mbr_no = ?2 AND ccn_stat_cd = ?4 AND wdrw_dtm IS NULL",
            params![ccn_no, mbr_no, at, Status::Received.code()],
        )?;
        Ok(n == 1)
    }
    fn inquiry_owner(&mut self, ccn_no: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT mbr_no FROM ccn WHERE ccn_no = ?1")?
            .query_row([ccn_no], |r| r.get(0))
            .optional()?)
    }
    fn withdrawn_at(&mut self, ccn_no: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT wdrw_dtm FROM ccn WHERE ccn_no = ?1")?
            .query_row([ccn_no], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }
    fn insert_version(&mut self, ccn_no: &str, snapshot: &str, at: &str) -> StoreResult<u32> {
        let seq: u32 = self.conn.query_row(
            "INSERT INTO ccn_ver (ccn_no, ver_seq, snapshot, rplc_dtm)
             VALUES (?1, (SELECT COALESCE(MAX(ver_seq), 0) + 1 FROM ccn_ver WHERE ccn_no = ?1),
                     ?2, ?3)
             RETURNING ver_seq",
            [ccn_no, snapshot, at],
            |r| r.get(0),
        )?;
        Ok(seq)
    }
    fn versions(&mut self, ccn_no: &str) -> StoreResult<Vec<VersionRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ver_seq, snapshot, rplc_dtm FROM ccn_ver WHERE ccn_no = ?1 ORDER BY ver_seq",
        )?;
        let rows = stmt
            .query_map([ccn_no], |r| {
                Ok(VersionRecord {
                    seq: r.get(0)?,
                    snapshot: r.get(1)?,
                    replaced_at: r.get(2)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
    fn try_purge_lock(&mut self) -> StoreResult<bool> {
        // One process writes a SQLite file, through one writer: the purge is alone already.
        Ok(true)
    }
    fn expired_inquiries(&mut self, cutoff: &str, limit: u32) -> StoreResult<Vec<ExpiredInquiry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT ccn_no, mbr_no, done FROM (
                 SELECT ccn_no, mbr_no, ans_dtm AS done FROM ccn
                  WHERE ccn_stat_cd = '30' AND ans_dtm < ?1 AND wdrw_dtm IS NULL
                 UNION ALL
                 SELECT ccn_no, mbr_no, wdrw_dtm AS done FROM ccn
                  WHERE wdrw_dtm IS NOT NULL AND wdrw_dtm < ?1)
              ORDER BY done, ccn_no LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![cutoff, limit], |r| {
                Ok(ExpiredInquiry {
                    ccn_no: r.get(0)?,
                    mbr_no: r.get(1)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
    fn purge_inquiry(&mut self, ccn_no: &str) -> StoreResult<bool> {
        for table in [
            "ccn_file",
            "ccn_memo",
            "ccn_stsf",
            "ccn_reply",
            "ccn_ver",
            "ccn_trns",
            "ntf_outbox",
            "idempotency",
        ] {
            self.conn
                .prepare_cached(&format!("DELETE FROM {table} WHERE ccn_no = ?1"))?
                .execute([ccn_no])?;
        }
        let n = self
            .conn
            .prepare_cached("DELETE FROM ccn WHERE ccn_no = ?1")?
            .execute([ccn_no])?;
        Ok(n == 1)
    }
    fn purge_access_log(&mut self, before: &str, limit: u32) -> StoreResult<u64> {
        let n = self.conn.execute(
            "DELETE FROM acs_log WHERE log_no IN
                 (SELECT log_no FROM acs_log WHERE log_dtm < ?1 ORDER BY log_dtm LIMIT ?2)",
            params![before, limit],
        )?;
        Ok(n as u64)
    }
    fn anonymize_member(&mut self, mbr_no: &str, placeholder: &str, at: &str) -> StoreResult<bool> {
        let Some(name) = self
            .conn
            .query_row(
                "SELECT mbr_nm FROM member WHERE mbr_no = ?1 AND wdrl_dtm IS NULL",
                [mbr_no],
                |r| r.get::<_, String>(0),
            )
            .optional()?
        else {
            return Ok(false);
        };
        self.conn.execute(
            "UPDATE ntf_outbox
                SET subject = replace(subject, ?2, ?3), body = replace(body, ?2, ?3),
                    tmpl_params = NULL,
                    status = CASE status WHEN 'PENDING' THEN 'FAILED' ELSE status END,
                    last_error = CASE status WHEN 'PENDING' THEN 'member left (회원 탈퇴)'
                                 ELSE last_error END,
                    lease_owner = NULL, lease_until = NULL
              WHERE ccn_no IN (SELECT ccn_no FROM ccn WHERE mbr_no = ?1)",
            params![mbr_no, name, placeholder],
        )?;
        self.conn.execute(
            "UPDATE member SET mbr_nm = ?2, mbr_phone = NULL, mbr_email = NULL, wdrl_dtm = ?3
              WHERE mbr_no = ?1",
            params![mbr_no, placeholder, at],
        )?;
        self.conn.execute(
            "DELETE FROM access_token WHERE role = 'MEMBER' AND subject_no = ?1",
            [mbr_no],
        )?;
        self.conn
            .execute("DELETE FROM idempotency WHERE mbr_no = ?1", [mbr_no])?;
        Ok(true)
    }
    fn set_manager(&mut self, cnslr_no: &str, manager: bool) -> StoreResult<()> {
        self.conn.execute(
            "UPDATE counselor SET mgr_yn = ?2 WHERE cnslr_no = ?1",
            [cnslr_no, if manager { "Y" } else { "N" }],
        )?;
        Ok(())
    }
    fn append_access(&mut self, e: &NewAccess) -> StoreResult<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO acs_log (log_dtm, actor_role, actor_no, actor_nm, client_ip,
                                      action_cd, ccn_no, mbr_no, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                e.at,
                e.role.code(),
                e.actor_no,
                e.actor_nm,
                e.client_ip,
                e.action,
                e.ccn_no,
                e.mbr_no,
                e.detail
            ])?;
        Ok(())
    }
    fn access_log(
        &mut self,
        f: &AccessFilter,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<AccessRecord>, u64)> {
        let (where_sql, mut args) = access_where(f);
        let total: u64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM acs_log{where_sql}"),
            params_from_iter(&args),
            |r| r.get(0),
        )?;
        args.push(i64::from(page_size).into());
        args.push(((i64::from(page_no.max(1)) - 1) * i64::from(page_size)).into());
        let mut stmt = self.conn.prepare(&format!(
            "SELECT log_no, log_dtm, actor_role, actor_no, actor_nm, client_ip, action_cd,
                    ccn_no, mbr_no, detail
               FROM acs_log{where_sql} ORDER BY log_dtm DESC, log_no DESC LIMIT ? OFFSET ?"
        ))?;
        let rows = stmt
            .query_map(params_from_iter(&args), |r| {
                Ok(AccessRecord {
                    log_no: r.get(0)?,
                    entry: NewAccess {
                        at: r.get(1)?,
                        role: ActorRole::from_code(&r.get::<_, String>(2)?)
                            .unwrap_or(ActorRole::System),
                        actor_no: r.get(3)?,
                        actor_nm: r.get(4)?,
                        client_ip: r.get(5)?,
                        action: r.get(6)?,
                        ccn_no: r.get(7)?,
                        mbr_no: r.get(8)?,
                        detail: r.get(9)?,
                    },
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok((rows, total))
    }
    fn access_counts(&mut self, from: &str, until: &str) -> StoreResult<Vec<AccessCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT actor_role, actor_no, MAX(actor_nm), action_cd, substr(log_dtm, 1, 13),
                    COUNT(*)
               FROM acs_log WHERE log_dtm >= ?1 AND log_dtm < ?2
              GROUP BY actor_role, actor_no, action_cd, substr(log_dtm, 1, 13)
              ORDER BY 2, 5, 4",
        )?;
        let rows = stmt
            .query_map([from, until], |r| {
                Ok(AccessCount {
                    role: ActorRole::from_code(&r.get::<_, String>(0)?)
                        .unwrap_or(ActorRole::System),
                    actor_no: r.get(1)?,
                    actor_nm: r.get(2)?,
                    action: r.get(3)?,
                    hour: r.get(4)?,
                    count: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

/// `WHERE …` of an access-log page: the period and whichever filters are set.
fn access_where(f: &AccessFilter) -> (String, Vec<Value>) {
    let mut sql = String::from(" WHERE log_dtm >= ? AND log_dtm < ?");
    let mut args: Vec<Value> = vec![f.from.clone().into(), f.until.clone().into()];
    for (column, value) in [
        ("actor_no", &f.actor_no),
        ("mbr_no", &f.mbr_no),
        ("ccn_no", &f.ccn_no),
        ("action_cd", &f.action),
    ] {
        if let Some(v) = value {
            sql.push_str(&format!(" AND {column} = ?"));
            args.push(v.clone().into());
        }
    }
    (sql, args)
}
