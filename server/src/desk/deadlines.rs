//! Answer deadlines for inquiries received before the desk kept them: computed once at start
//! from the store's calendar and each type's target, in batches.

use crate::{
    calendar::BusinessCalendar,
    model::db_time,
    store::{Store, StoreError},
};

const BATCH: u32 = 500;

/// Gives every inquiry without an answer-due time one (from its receipt and its type's
/// target); how many it dated. Safe to run on several instances at once: each writes the
/// same value.
pub async fn backfill(store: &Store, calendar: &BusinessCalendar) -> Result<u64, StoreError> {
    let mut dated = 0;
    loop {
        let calendar = calendar.clone();
        let n = store
            .write(move |tx| -> Result<u64, StoreError> {
                let undated = tx.undated_inquiries(BATCH)?;
                for u in &undated {
                    let received = chrono::DateTime::parse_from_rfc3339(&u.accepted_at)
                        .map(|t| t.to_utc())
                        .unwrap_or_else(|_| chrono::Utc::now());
                    tx.set_answer_due(&u.ccn_no, &db_time(calendar.due(received, u.answer_days)))?;
                }
                Ok(undated.len() as u64)
            })
            .await?;
        dated += n;
        if n < u64::from(BATCH) {
            return Ok(dated);
        }
    }
}
