//! `questionSave`, `questionMod`, `questionDel`: extract the request, run the operation in
//! `crate::questions`, respond.

use axum::{
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};

use crate::api::query::{required_ccn_no, CcnQuery};
use crate::{
    api::{
        extract::{Multipart, Query},
        form,
    },
    auth::Member,
    error::{ApiError, ApiOk, ApiResult},
    idempotency::IdempotencyKey,
    questions::{self, Saved},
    throttle::Kind,
    AppState,
};

/// `POST questionSave` (multipart) — registers an inquiry; payload is the new `ccnNo`
/// (201), or with `Idempotent-Replayed: true` the one this request already registered (200).
pub async fn question_save(
    State(state): State<AppState>,
    member: Member,
    headers: HeaderMap,
    Multipart(mp): Multipart,
) -> Result<Response, ApiError> {
    // Counted before the body is read: a refused request costs nothing.
    state.throttle.check(Kind::Write, &member.mbr_no).await?;
    let form = form::read(mp, &state.config.limits).await?;
    let key = IdempotencyKey::from_headers(&headers)?;
    Ok(
        match questions::register(&state, &member.mbr_no, form, key).await? {
            Saved::New(ccn_no) => ApiOk(StatusCode::CREATED, ccn_no).into_response(),
            Saved::Replayed(ccn_no) => {
                let mut r = ApiOk::ok(ccn_no).into_response();
                r.headers_mut()
                    .insert("idempotent-replayed", HeaderValue::from_static("true"));
                r
            }
        },
    )
}

/// `PUT questionMod` (multipart) — changes a received inquiry; keeps the photos listed in
/// `keepFileSeq`, removes the others, adds new `atchFiles`.
pub async fn question_mod(
    State(state): State<AppState>,
    member: Member,
    Multipart(mp): Multipart,
) -> ApiResult<String> {
    state.throttle.check(Kind::Write, &member.mbr_no).await?;
    let form = form::read(mp, &state.config.limits).await?;
    let ccn_no = required_ccn_no(form.get("ccnNo"))?;
    questions::modify(&state, &member.mbr_no, &ccn_no, form, member.ip.clone()).await?;
    Ok(ApiOk::ok(ccn_no))
}

/// `DELETE questionDel?ccnNo=` — deletes a received inquiry and its photos.
pub async fn question_del(
    State(state): State<AppState>,
    member: Member,
    Query(q): Query<CcnQuery>,
) -> ApiResult<String> {
    state.throttle.check(Kind::Write, &member.mbr_no).await?;
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    questions::delete(&state, &member.mbr_no, &ccn_no, member.ip.clone()).await?;
    Ok(ApiOk::ok(ccn_no))
}
