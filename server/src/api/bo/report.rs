//! The desk report for managers: `getDeskReport` (JSON, for the console's table and chart) and
//! `getDeskReportCsv` (the same rows as a spreadsheet). Figures: `desk::report`.

use axum::{extract::State, response::Response};
use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::super::{extract::Query, query::store_period};
use crate::{
    auth::Manager,
    desk::report::{self, Figures, GroupBy, Report},
    error::{ApiError, ApiOk, ApiResult, FieldError},
    AppState,
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportQuery {
    pub start_dt: Option<String>,
    pub end_dt: Option<String>,
    /// `TYPE` (default), `COUNSELOR`, `DAY` or `MONTH`.
    pub group_by: Option<String>,
}

/// One row as the wire carries it: counts, the median in business hours (one decimal), and
/// shares as fractions (three decimals); `null` where there is nothing to measure.
#[derive(Debug, Serialize)]
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

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeskReport {
    pub start_dt: String,
    pub end_dt: String,
    pub group_by: &'static str,
    pub rows: Vec<ReportRow>,
    pub total: ReportRow,
}

/// The cuts as the wire names them.
const GROUP_BY: [(GroupBy, &str); 4] = [
    (GroupBy::Type, "TYPE"),
    (GroupBy::Counselor, "COUNSELOR"),
    (GroupBy::Day, "DAY"),
    (GroupBy::Month, "MONTH"),
];

fn group_by_code(by: GroupBy) -> &'static str {
    GROUP_BY
        .iter()
        .find(|(g, _)| *g == by)
        .map_or("TYPE", |(_, c)| c)
}

fn parse_group_by(code: &str) -> Option<GroupBy> {
    GROUP_BY.iter().find(|(_, c)| *c == code).map(|(g, _)| *g)
}

fn round(v: Option<f64>, places: i32) -> Option<f64> {
    let f = 10f64.powi(places);
    v.map(|v| (v * f).round() / f)
}

fn row(f: Figures) -> ReportRow {
    ReportRow {
        received_cnt: f.received,
        answered_cnt: f.answered,
        median_ans_hours: round(f.median_answer_hours, 1),
        due_cnt: f.due_counted,
        on_time_cnt: f.on_time,
        on_time_rate: round(f.on_time_share(), 3),
        rated_cnt: f.rated,
        satisfied_cnt: f.satisfied,
        satisfaction_rate: round(f.satisfaction_share(), 3),
        key: f.key,
        label: f.label,
    }
}

/// Reads the query, gathers the period's inquiries and builds the report.
async fn compute(state: &AppState, q: &ReportQuery) -> Result<DeskReport, ApiError> {
    let mut errors = Vec::new();
    let period = store_period(
        q.start_dt.as_deref(),
        q.end_dt.as_deref(),
        state,
        &mut errors,
    );
    let by = match q.group_by.as_deref().map(str::trim) {
        None | Some("") => Some(GroupBy::Type),
        Some(code) => parse_group_by(code).or_else(|| {
            errors.push(FieldError::new(
                "groupBy",
                "INVALID_GROUP_BY",
                format!(
                    "보고서 기준은 TYPE, COUNSELOR, DAY, MONTH 중 하나입니다 (groupBy: {code})."
                ),
            ));
            None
        }),
    };
    let (Some(((start, end), (from, until))), Some(by), true) = (period, by, errors.is_empty())
    else {
        return Err(ApiError::validation(errors));
    };
    let facts = state
        .db
        .read(move |c| c.report_facts(&from, &until))
        .await?;
    let calendar = &state.config.calendar;
    let Report { rows, total } = report::build(&facts, by, (start, end), calendar, Utc::now());
    Ok(DeskReport {
        start_dt: start.to_string(),
        end_dt: end.to_string(),
        group_by: group_by_code(by),
        rows: rows.into_iter().map(row).collect(),
        total: row(Figures {
            label: "합계".into(),
            ..total
        }),
    })
}

/// `GET getDeskReport` — per type, counselor, day or month of a period (`startDt`, `endDt`,
/// `groupBy`): received, answered, median first-answer business hours, share answered by the
/// deadline, satisfaction. Managers only.
pub async fn get_desk_report(
    State(state): State<AppState>,
    _manager: Manager,
    Query(q): Query<ReportQuery>,
) -> ApiResult<DeskReport> {
    Ok(ApiOk::ok(compute(&state, &q).await?))
}

pub const CSV_HEADER: [&str; 11] = [
    "구분",
    "접수",
    "답변",
    "첫 답변 중앙값(영업시간)",
    "기한 판정",
    "기한 내 답변",
    "기한 내 답변율(%)",
    "평가",
    "만족",
    "만족도(%)",
    "코드",
];

/// `GET getDeskReportCsv` — the same report as CSV (UTF-8 with a byte-order mark, the total
/// last).
pub async fn get_desk_report_csv(
    State(state): State<AppState>,
    _manager: Manager,
    Query(q): Query<ReportQuery>,
) -> Result<Response, ApiError> {
    let report = compute(&state, &q).await?;
    let body =
        render_csv(&report).map_err(|e| ApiError::Internal(format!("writing the CSV: {e}")))?;
    let name = format!(
        "desk-report-{}-{}-{}.csv",
        report.group_by.to_lowercase(),
        report.start_dt.replace('-', ""),
        report.end_dt.replace('-', "")
    );
    Ok(super::csv::response(body, &name))
}

fn render_csv(report: &DeskReport) -> Result<Vec<u8>, csv::Error> {
    let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    let pct = |v: Option<f64>| opt(round(v.map(|v| v * 100.0), 1));
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(CSV_HEADER)?;
        for r in report.rows.iter().chain([&report.total]) {
            w.write_record([
                super::csv::cell(&r.label),
                r.received_cnt.to_string(),
                r.answered_cnt.to_string(),
                opt(r.median_ans_hours),
                r.due_cnt.to_string(),
                r.on_time_cnt.to_string(),
                pct(r.on_time_rate),
                r.rated_cnt.to_string(),
                r.satisfied_cnt.to_string(),
                pct(r.satisfaction_rate),
                super::csv::cell(&r.key),
            ])?;
        }
        w.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cut_has_one_wire_code() {
        assert_eq!(parse_group_by("COUNSELOR"), Some(GroupBy::Counselor));
        assert_eq!(parse_group_by("WEEK"), None);
        for (by, code) in GROUP_BY {
            assert_eq!((group_by_code(by), parse_group_by(code)), (code, Some(by)));
        }
    }
}
