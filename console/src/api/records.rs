//! The records the law keeps, as the console reads them: an inquiry's earlier versions and
//! history, and — for a desk manager — the access log, its CSV export and the monthly review.

use serde::Deserialize;

use super::{ApiError, Client, Pagination, BO};

/// An inquiry as it was before one of the customer's edits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrevVersion {
    pub ver_seq: u32,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods_nm: Option<String>,
    pub submitted_dtm: String,
    pub replaced_dtm: String,
    pub atch_files: Vec<PrevFile>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PrevFile {
    pub file_nm: String,
}

/// One access-log entry (also a step of an inquiry's history).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessEntry {
    pub log_no: i64,
    pub log_dtm: String,
    pub actor_role: String,
    pub actor_no: String,
    pub actor_nm: String,
    pub client_ip: Option<String>,
    pub action_cd: String,
    pub action_nm: String,
    pub ccn_no: Option<String>,
    pub mbr_no: Option<String>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AccessPage {
    pub content: Vec<AccessEntry>,
    pub pagination: Pagination,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionName {
    pub action_cd: String,
    pub action_nm: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionCount {
    pub action_cd: String,
    pub count: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FlaggedDay {
    pub date: String,
    pub views: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPerson {
    pub actor_role: String,
    pub actor_no: String,
    pub actor_nm: String,
    pub total: u64,
    pub counts: Vec<ActionCount>,
    pub flagged_days: Vec<FlaggedDay>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub month: String,
    pub daily_view_threshold: u64,
    pub people: Vec<ReviewPerson>,
    pub actions: Vec<ActionName>,
}

/// The access log's filters, as the page's form holds them (empty: not filtered).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AccessQuery {
    pub start: String,
    pub end: String,
    pub actor: String,
    pub member: String,
    pub ccn: String,
    pub action: String,
    pub page: u32,
}

impl AccessQuery {
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut p: Vec<(&'static str, String)> = [
            ("startDt", &self.start),
            ("endDt", &self.end),
            ("cnslrNo", &self.actor),
            ("mbrNo", &self.member),
            ("ccnNo", &self.ccn),
            ("actionCd", &self.action),
        ]
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k, v.trim().to_owned()))
        .collect();
        p.push(("pageNo", self.page.max(1).to_string()));
        p.push(("pageSize", "30".to_owned()));
        p
    }
}

impl Client {
    pub async fn history(&self, ccn_no: &str) -> Result<Vec<AccessEntry>, ApiError> {
        self.get(
            &format!("{BO}/getQuestionHistory"),
            vec![("ccnNo", ccn_no.to_owned())],
        )
        .await
    }

    pub async fn access_log(&self, q: &AccessQuery) -> Result<AccessPage, ApiError> {
        self.get(&format!("{BO}/getAccessLog"), q.params()).await
    }

    pub async fn access_review(&self, month: &str) -> Result<Review, ApiError> {
        let params = if month.is_empty() {
            Vec::new()
        } else {
            vec![("month", month.to_owned())]
        };
        self.get(&format!("{BO}/getAccessReview"), params).await
    }

    /// The filtered log as CSV, exported for `reason`: its bytes as an object URL to download
    /// (the export is logged by the server); a refusal is the server's sentence.
    pub async fn export_access_log(
        &self,
        q: &AccessQuery,
        reason: &str,
    ) -> Result<String, ApiError> {
        let mut params = q.params();
        params.retain(|(k, _)| *k != "pageNo" && *k != "pageSize");
        params.push(("reason", reason.to_owned()));
        self.csv(&format!("{BO}/getAccessLogCsv"), params).await
    }
}
