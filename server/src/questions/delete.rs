//! A customer's 삭제 (`questionDel`): the inquiry is withdrawn, not destroyed. It leaves the
//! customer's list and counts (its detail is 404 to them), the seller's view and the desk's
//! working tabs, and is kept whole — text, photos, thread, notifications — for the three
//! years 전자상거래법 시행령 제6조 asks; a counselor can still open it, marked 고객 삭제.
//! The retention purge (`crate::retention`) destroys it once that time has passed.

use super::conflict;
use crate::{
    audit::{self, Action, Actor},
    error::ApiError,
    model::now_db,
    AppState,
};

/// Withdraws the member's inquiry `ccn_no` while it is still 접수완료; answered or in progress
/// is a conflict, another member's (or a missing or withdrawn) one is not found.
pub async fn delete(
    state: &AppState,
    mbr_no: &str,
    ccn_no: &str,
    ip: Option<String>,
) -> Result<(), ApiError> {
    let (ccn, member) = (ccn_no.to_owned(), mbr_no.to_owned());
    state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            tx.lock_inquiry(&ccn)?;
            if !tx.withdraw_question_if_received(&ccn, &member, &now_db())? {
                return Err(match tx.question_status(&ccn, Some(&member))? {
                    Some(status) => conflict(&ccn, status, "삭제"),
                    None => ApiError::inquiry_not_found(),
                });
            }
            let actor = Actor::member(&member, ip);
            audit::log(tx, &actor, Action::Withdraw, Some(&ccn), Some(&member), "")?;
            Ok(())
        })
        .await?;
    tracing::info!(%ccn_no, "inquiry withdrawn by its member (kept for the law)");
    Ok(())
}
