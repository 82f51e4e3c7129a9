//! The desk report as the console reads it (`getDeskReport`) and its CSV (`getDeskReportCsv`),
//! and the answer targets per type that its deadlines come from.

use serde::Deserialize;

use super::{ApiError, Client, BO};

/// One row (or the total): counts, the median in business hours, shares as fractions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportRow {
    pub key: String,
    pub label: String,
    pub received_cnt: u32,
    pub answered_cnt: u32,
    pub median_ans_hours: Option<f64>,
    pub due_cnt: u32,
    pub on_time_cnt: u32,
    pub on_time_rate: Option<f64>,
    pub rated_cnt: u32,
    pub satisfied_cnt: u32,
    pub satisfaction_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeskReport {
    pub start_dt: String,
    pub end_dt: String,
    pub group_by: String,
    pub rows: Vec<ReportRow>,
    pub total: ReportRow,
}

/// How the report's rows are cut, as the server names it (`groupBy`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cut {
    #[default]
    Type,
    Counselor,
    Day,
    Month,
}

impl Cut {
    pub const ALL: [Cut; 4] = [Cut::Type, Cut::Counselor, Cut::Day, Cut::Month];

    pub fn code(self) -> &'static str {
        match self {
            Cut::Type => "TYPE",
            Cut::Counselor => "COUNSELOR",
            Cut::Day => "DAY",
            Cut::Month => "MONTH",
        }
    }

    pub fn from_code(code: &str) -> Self {
        Self::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .unwrap_or_default()
    }

    /// Rows in time order (days, months) rather than by size.
    pub fn is_time(self) -> bool {
        matches!(self, Cut::Day | Cut::Month)
    }
}

impl DeskReport {
    pub fn cut(&self) -> Cut {
        Cut::from_code(&self.group_by)
    }
}

/// The report's filter: a period (empty: the server's default) and the rows' cut.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportQuery {
    pub start: String,
    pub end: String,
    pub cut: Cut,
}

impl ReportQuery {
    fn params(&self) -> Vec<(&'static str, String)> {
        [("startDt", &self.start), ("endDt", &self.end)]
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| (k, v.trim().to_owned()))
            .chain([("groupBy", self.cut.code().to_owned())])
            .collect()
    }
}

impl Client {
    pub async fn desk_report(&self, q: &ReportQuery) -> Result<DeskReport, ApiError> {
        self.get(&format!("{BO}/getDeskReport"), q.params()).await
    }

    /// The report as CSV: its bytes as an object URL to download.
    pub async fn desk_report_csv(&self, q: &ReportQuery) -> Result<String, ApiError> {
        self.csv(&format!("{BO}/getDeskReportCsv"), q.params())
            .await
    }
}

/// A leaf type's answer target, in business days.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerTarget {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub ans_tgt_bdays: u32,
}

impl Client {
    pub async fn answer_targets(&self) -> Result<Vec<AnswerTarget>, ApiError> {
        self.get(&format!("{BO}/getAnswerTargets"), Vec::new())
            .await
    }

    /// Sets a type's target (managers); every target as it is now.
    pub async fn set_answer_target(
        &self,
        type_no: &str,
        days: &str,
    ) -> Result<Vec<AnswerTarget>, ApiError> {
        self.post(
            &format!("{BO}/answerTargetMod"),
            serde_json::json!({"cnslTypNo": type_no, "ansTgtBdays": days}),
        )
        .await
    }
}
