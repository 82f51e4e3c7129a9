//! `POST questionMemoSave`: a counselor's internal memo on an inquiry (`desk::memos`).

use axum::extract::State;

use super::me;
use crate::{
    api::{
        dto::{BoMemoRequest, Memo},
        extract::Json,
        present,
        query::required_ccn_no,
    },
    audit::{self, Action},
    auth::Counselor,
    desk::memos::{self, MEMO_MAX_CHARS},
    error::{ApiError, ApiOk, ApiResult},
    model::now_db,
    AppState,
};

/// `POST questionMemoSave {ccnNo, memoCont}` — appends the memo and answers the inquiry's memos,
/// oldest first. Logged as `MEMO_ADD` without its text (the access log is exported; the memo
/// stays in the desk).
pub async fn question_memo_save(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<BoMemoRequest>,
) -> ApiResult<Vec<Memo>> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    let mut errors = Vec::new();
    let content = crate::rules::text(
        "memoCont",
        "메모",
        req.memo_cont.as_deref(),
        MEMO_MAX_CHARS,
        crate::rules::Lines::Many,
        &mut errors,
    );
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let offset = state.config.store_offset;
    let me = me(&counselor);
    let actor = counselor.actor();
    let rows = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let rows = memos::add(tx, &ccn_no, &me, &content, &now_db())?;
            audit::log(tx, &actor, Action::AddMemo, Some(&ccn_no), None, "")?;
            Ok(rows)
        })
        .await?;
    Ok(ApiOk::ok(present::memos(rows, offset)))
}
