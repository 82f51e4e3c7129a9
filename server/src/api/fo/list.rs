//! `getQuestion` (a member's list) and `getQuestionInit` (what the form needs).

use axum::extract::State;

use crate::api::query::{inquiry_page, ListQuery, Side};
use crate::{
    api::{
        dto::{FormLimits, Page, QuestionInit, StatusCode as StatusDto},
        extract::Query,
        present,
    },
    auth::Member,
    config::ACCEPTED_IMAGE_TYPES,
    error::{ApiOk, ApiResult},
    model::Status,
    AppState,
};

/// `GET getQuestion` — the member's inquiries in a period, newest first.
pub async fn get_question(
    State(state): State<AppState>,
    member: Member,
    Query(q): Query<ListQuery>,
) -> ApiResult<Page<crate::api::dto::QuestionSummary>> {
    inquiry_page(&state, &q, Side::Member(member.mbr_no)).await
}

/// `GET getQuestionInit` — type tree, form limits and status codes.
pub async fn get_question_init(
    State(state): State<AppState>,
    member: Member,
) -> ApiResult<QuestionInit> {
    let tree = present::type_tree(state.db.read(|c| c.type_tree()).await?);
    let l = &state.config.limits;
    Ok(ApiOk::ok(QuestionInit {
        mbr_no: member.mbr_no,
        store_time_zone: crate::config::store_time_zone(state.config.store_offset),
        cnsl_types: tree,
        limits: FormLimits {
            title_max_len: l.title_max_chars,
            cont_max_len: l.content_max_chars,
            max_file_cnt: l.max_photos,
            max_file_size: l.max_photo_bytes,
            max_file_pixels: l.max_photo_pixels,
            accepted_file_types: ACCEPTED_IMAGE_TYPES.iter().map(|s| s.to_string()).collect(),
            max_period_days: l.max_period_days,
            max_page_size: l.max_page_size,
        },
        statuses: Status::ALL
            .iter()
            .map(|s| StatusDto {
                ccn_stat_cd: s.code().to_owned(),
                ccn_stat_nm: s.name().to_owned(),
            })
            .collect(),
    }))
}
