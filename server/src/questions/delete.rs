//! Deleting a received inquiry (`questionDel`).

use super::conflict;
use crate::{error::ApiError, photos, AppState};

/// Deletes the member's inquiry `ccn_no` and its photos while it is still 접수완료; answered
/// or in progress is a conflict, another member's (or a missing) one is not found.
pub async fn delete(state: &AppState, mbr_no: &str, ccn_no: &str) -> Result<(), ApiError> {
    let (ccn, member) = (ccn_no.to_owned(), mbr_no.to_owned());
    let removed = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            tx.lock_inquiry(&ccn)?;
            let files = tx.files_of(&ccn)?;
            if !tx.delete_question_if_received(&ccn, &member)? {
                return Err(match tx.question_status(&ccn, Some(&member))? {
                    Some(status) => conflict(&ccn, status, "삭제"),
                    None => ApiError::inquiry_not_found(),
                });
            }
            Ok(photos::names(&files))
        })
        .await?;
    photos::remove(&state.blobs, removed).await;
    tracing::info!(%ccn_no, "inquiry deleted");
    Ok(())
}
