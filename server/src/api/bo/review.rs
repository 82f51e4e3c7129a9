//! `getAccessReview`: the monthly review a desk manager owes the access log (per person and
//! action, and the days of unusually many detail views). The counting is `audit::review`.

use axum::extract::State;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::{
    api::extract::Query,
    audit::{review, Action},
    auth::Manager,
    error::{ApiError, ApiOk, ApiResult},
    model::{day_start_db, store_today},
    AppState,
};

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQuery {
    /// `YYYY-MM`; this month by default.
    pub month: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    pub month: String,
    /// Detail views per day above which a day is flagged.
    pub daily_view_threshold: u64,
    pub people: Vec<ReviewPerson>,
    /// Every action code and its label, for the console's columns and filters.
    pub actions: Vec<ActionName>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewPerson {
    pub actor_role: String,
    pub actor_no: String,
    pub actor_nm: String,
    pub total: u64,
    pub counts: Vec<ActionCount>,
    pub flagged_days: Vec<FlaggedDay>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionCount {
    pub action_cd: String,
    pub count: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlaggedDay {
    pub date: String,
    pub views: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionName {
    pub action_cd: String,
    pub action_nm: String,
}

/// `GET getAccessReview?month=YYYY-MM` — the monthly review: entries per person and action,
/// and the days a person's detail views exceeded `--review-daily-views`. Managers only.
pub async fn get_access_review(
    State(state): State<AppState>,
    _manager: Manager,
    Query(q): Query<ReviewQuery>,
) -> ApiResult<Review> {
    let offset = state.config.store_offset;
    let first = match q.month.as_deref().map(str::trim).filter(|m| !m.is_empty()) {
        None => store_today(offset).with_day(1).expect("day 1 exists"),
        Some(m) => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").map_err(|_| {
            ApiError::field(
                "month",
                "INVALID_MONTH",
                format!("month는 YYYY-MM 형식이어야 합니다 (입력값: {m})."),
            )
        })?,
    };
    let next = first
        .checked_add_months(chrono::Months::new(1))
        .ok_or_else(|| ApiError::field("month", "INVALID_MONTH", "범위를 벗어난 월입니다."))?;
    let (from, until) = (day_start_db(first, offset), day_start_db(next, offset));
    let counts = state
        .db
        .read(move |c| c.access_counts(&from, &until))
        .await?;
    let threshold = state.config.review_daily_views;
    let people = review::review(&counts, offset, threshold)
        .into_iter()
        .map(|p| ReviewPerson {
            actor_role: p.role.code().to_owned(),
            actor_no: p.no,
            actor_nm: p.name,
            total: p.total,
            counts: p
                .counts
                .into_iter()
                .map(|(action_cd, count)| ActionCount { action_cd, count })
                .collect(),
            flagged_days: p
                .flagged_days
                .into_iter()
                .map(|(d, views)| FlaggedDay {
                    date: d.to_string(),
                    views,
                })
                .collect(),
        })
        .collect();
    Ok(ApiOk::ok(Review {
        month: first.format("%Y-%m").to_string(),
        daily_view_threshold: threshold,
        people,
        actions: Action::ALL
            .iter()
            .map(|a| ActionName {
                action_cd: a.code().to_owned(),
                action_nm: a.label().to_owned(),
            })
            .collect(),
    }))
}
