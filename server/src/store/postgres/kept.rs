//! The records the law keeps (`store::KeptRecords`) on PostgreSQL: withdrawal, versions, the
//! retention purge (one instance at a time, by a transaction-scoped advisory lock), a 회원 탈퇴
//! and the access log.

use tokio_postgres::{types::ToSql, Row};

use super::{tx::PgTx, uint};
use crate::{
    model::Status,
    store::{
        AccessCount, AccessFilter, AccessRecord, ActorRole, ExpiredInquiry, KeptRecords, NewAccess,
        StoreResult, VersionRecord,
    },
};

/// The purge's advisory lock key (the migrations use another).
const PURGE_LOCK: i64 = 0x696e_7175_7279_5052; // "inquryPR"

impl KeptRecords for PgTx<'_> {
    fn withdraw_question_if_received(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        at: &str,
    ) -> StoreResult<bool> {
        let n = self.execute(
            "UPDATE ccn SET wdrw_dtm = $3
              WHERE ccn_no = $1 AND mbr_no = $2 AND ccn_stat_cd = $4 AND wdrw_dtm IS NULL",
            &[&ccn_no, &mbr_no, &at, &Status::Received.code()],
        )?;
        Ok(n == 1)
    }
    fn inquiry_owner(&mut self, ccn_no: &str) -> StoreResult<Option<String>> {
        Ok(self
            .query_opt("SELECT mbr_no FROM ccn WHERE ccn_no = $1", &[&ccn_no])?
            .map(|r| r.get(0)))
    }
    fn withdrawn_at(&mut self, ccn_no: &str) -> StoreResult<Option<String>> {
        Ok(self
            .query_opt("SELECT wdrw_dtm FROM ccn WHERE ccn_no = $1", &[&ccn_no])?
            .and_then(|r| r.get(0)))
    }
    fn insert_version(&mut self, ccn_no: &str, snapshot: &str, at: &str) -> StoreResult<u32> {
        let row = self.query_one(
            "INSERT INTO ccn_ver (ccn_no, ver_seq, snapshot, rplc_dtm)
             VALUES ($1, (SELECT COALESCE(MAX(ver_seq), 0) + 1 FROM ccn_ver WHERE ccn_no = $1),
                     $2, $3)
             RETURNING ver_seq",
            &[&ccn_no, &snapshot, &at],
        )?;
        Ok(uint(&row, 0))
    }
    fn versions(&mut self, ccn_no: &str) -> StoreResult<Vec<VersionRecord>> {
        Ok(self
            .query(
                "SELECT ver_seq, snapshot, rplc_dtm FROM ccn_ver
                  WHERE ccn_no = $1 ORDER BY ver_seq",
                &[&ccn_no],
            )?
            .iter()
            .map(|r| VersionRecord {
                seq: uint(r, 0),
                snapshot: r.get(1),
                replaced_at: r.get(2),
            })
            .collect())
    }
    fn try_purge_lock(&mut self) -> StoreResult<bool> {
        Ok(self
            .query_one("SELECT pg_try_advisory_xact_lock($1)", &[&PURGE_LOCK])?
            .get(0))
    }
    fn expired_inquiries(&mut self, cutoff: &str, limit: u32) -> StoreResult<Vec<ExpiredInquiry>> {
        Ok(self
            .query(
                "SELECT ccn_no, mbr_no FROM (
                     SELECT ccn_no, mbr_no, ans_dtm AS done FROM ccn
                      WHERE ccn_stat_cd = '30' AND ans_dtm < $1 AND wdrw_dtm IS NULL
                     UNION ALL
                     SELECT ccn_no, mbr_no, wdrw_dtm AS done FROM ccn
                      WHERE wdrw_dtm IS NOT NULL AND wdrw_dtm < $1) d
                  ORDER BY done, ccn_no LIMIT $2",
                &[&cutoff, &i64::from(limit)],
            )?
            .iter()
            .map(|r| ExpiredInquiry {
                ccn_no: r.get(0),
                mbr_no: r.get(1),
            })
            .collect())
    }
    fn purge_inquiry(&mut self, ccn_no: &str) -> StoreResult<bool> {
        for sql in [
            "DELETE FROM ccn_file WHERE ccn_no = $1",
            "DELETE FROM ccn_memo WHERE ccn_no = $1",
            "DELETE FROM ccn_stsf WHERE ccn_no = $1",
            "DELETE FROM ccn_reply WHERE ccn_no = $1",
            "DELETE FROM ccn_ver WHERE ccn_no = $1",
            "DELETE FROM ccn_trns WHERE ccn_no = $1",
            "DELETE FROM ntf_outbox WHERE ccn_no = $1",
            "DELETE FROM idempotency WHERE ccn_no = $1",
        ] {
            self.execute(sql, &[&ccn_no])?;
        }
        Ok(self.execute("DELETE FROM ccn WHERE ccn_no = $1", &[&ccn_no])? == 1)
    }
    fn purge_access_log(&mut self, before: &str, limit: u32) -> StoreResult<u64> {
        Ok(self.execute(
            "DELETE FROM acs_log WHERE log_no IN
                 (SELECT log_no FROM acs_log WHERE log_dtm < $1 ORDER BY log_dtm LIMIT $2)",
            &[&before, &i64::from(limit)],
        )?)
    }
    fn anonymize_member(&mut self, mbr_no: &str, placeholder: &str, at: &str) -> StoreResult<bool> {
        let Some(row) = self.query_opt(
            "SELECT mbr_nm FROM member WHERE mbr_no = $1 AND wdrl_dtm IS NULL FOR UPDATE",
            &[&mbr_no],
        )?
        else {
            return Ok(false);
        };
        let name: String = row.get(0);
        self.execute(
            "UPDATE ntf_outbox
                SET subject = replace(subject, $2, $3), body = replace(body, $2, $3),
                    tmpl_params = NULL,
                    status = CASE status WHEN 'PENDING' THEN 'FAILED' ELSE status END,
                    last_error = CASE status WHEN 'PENDING' THEN 'member left (회원 탈퇴)'
                                 ELSE last_error END,
                    lease_owner = NULL, lease_until = NULL
              WHERE ccn_no IN (SELECT ccn_no FROM ccn WHERE mbr_no = $1)",
            &[&mbr_no, &name, &placeholder],
        )?;
        self.execute(
            "UPDATE member SET mbr_nm = $2, mbr_phone = NULL, mbr_email = NULL, wdrl_dtm = $3
              WHERE mbr_no = $1",
            &[&mbr_no, &placeholder, &at],
        )?;
        self.execute(
            "DELETE FROM access_token WHERE role = 'MEMBER' AND subject_no = $1",
            &[&mbr_no],
        )?;
        self.execute("DELETE FROM idempotency WHERE mbr_no = $1", &[&mbr_no])?;
        Ok(true)
    }
    fn set_manager(&mut self, cnslr_no: &str, manager: bool) -> StoreResult<()> {
        self.execute(
            "UPDATE counselor SET mgr_yn = $2 WHERE cnslr_no = $1",
            &[&cnslr_no, &if manager { "Y" } else { "N" }],
        )?;
        Ok(())
    }
    fn append_access(&mut self, e: &NewAccess) -> StoreResult<()> {
        self.execute(
            "INSERT INTO acs_log (log_dtm, actor_role, actor_no, actor_nm, client_ip, action_cd,
                                  ccn_no, mbr_no, detail)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &e.at,
                &e.role.code(),
                &e.actor_no,
                &e.actor_nm,
                &e.client_ip,
                &e.action,
                &e.ccn_no,
                &e.mbr_no,
                &e.detail,
            ],
        )?;
        Ok(())
    }
    fn access_log(
        &mut self,
        f: &AccessFilter,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<AccessRecord>, u64)> {
        let mut args: Vec<Box<dyn ToSql + Sync + Send>> =
            vec![Box::new(f.from.clone()), Box::new(f.until.clone())];
        let mut sql = String::from(" WHERE log_dtm >= $1 AND log_dtm < $2");
        for (column, value) in [
            ("actor_no", &f.actor_no),
            ("mbr_no", &f.mbr_no),
            ("ccn_no", &f.ccn_no),
            ("action_cd", &f.action),
        ] {
            if let Some(v) = value {
                args.push(Box::new(v.clone()));
                sql.push_str(&format!(" AND {column} = ${}", args.len()));
            }
        }
        let total: i64 = self
            .query_one(&format!("SELECT COUNT(*) FROM acs_log{sql}"), &refs(&args))?
            .get(0);
        args.push(Box::new(i64::from(page_size)));
        args.push(Box::new(
            (i64::from(page_no.max(1)) - 1) * i64::from(page_size),
        ));
        let (limit, offset) = (args.len() - 1, args.len());
        let rows = self.query(
            &format!(
                "SELECT log_no, log_dtm, actor_role, actor_no, actor_nm, client_ip, action_cd,
                        ccn_no, mbr_no, detail
                   FROM acs_log{sql} ORDER BY log_dtm DESC, log_no DESC
                  LIMIT ${limit} OFFSET ${offset}"
            ),
            &refs(&args),
        )?;
        Ok((rows.iter().map(access_record).collect(), total as u64))
    }
    fn access_counts(&mut self, from: &str, until: &str) -> StoreResult<Vec<AccessCount>> {
        Ok(self
            .query(
                "SELECT actor_role, actor_no, MAX(actor_nm), action_cd, substr(log_dtm, 1, 13),
                        COUNT(*)
                   FROM acs_log WHERE log_dtm >= $1 AND log_dtm < $2
                  GROUP BY actor_role, actor_no, action_cd, substr(log_dtm, 1, 13)
                  ORDER BY 2, 5, 4",
                &[&from, &until],
            )?
            .iter()
            .map(|r| AccessCount {
                role: ActorRole::from_code(r.get(0)).unwrap_or(ActorRole::System),
                actor_no: r.get(1),
                actor_nm: r.get(2),
                action: r.get(3),
                hour: r.get(4),
                count: uint(r, 5),
            })
            .collect())
    }
}

fn refs(args: &[Box<dyn ToSql + Sync + Send>]) -> Vec<&(dyn ToSql + Sync)> {
    args.iter()
        .map(|a| a.as_ref() as &(dyn ToSql + Sync))
        .collect()
}

fn access_record(r: &Row) -> AccessRecord {
    AccessRecord {
        log_no: r.get(0),
        entry: NewAccess {
            at: r.get(1),
            role: ActorRole::from_code(r.get(2)).unwrap_or(ActorRole::System),
            actor_no: r.get(3),
            actor_nm: r.get(4),
            client_ip: r.get(5),
            action: r.get(6),
            ccn_no: r.get(7),
            mbr_no: r.get(8),
            detail: r.get(9),
        },
    }
}
