//! Registering an inquiry (`questionSave`).

use super::{form_fields, photo_rules, reference_rules};
use crate::{
    api::form::QuestionForm,
    error::ApiError,
    idempotency::{self, IdempotencyKey},
    model::{db_time, store_today, Status},
    photos, rules, AppState,
};

/// What a registration did: a new inquiry, or the one an earlier identical request made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    New(String),
    Replayed(String),
}

/// Registers the member's inquiry from `form`: every field and photo rule, the references
/// (type, goods, order, followed-up inquiry) checked against the database, photos written
/// before one transaction records everything. With `key`, a retry of the same request returns
/// the inquiry it already registered, also when two arrive at once.
pub async fn register(
    state: &AppState,
    mbr_no: &str,
    form: QuestionForm,
    key: Option<IdempotencyKey>,
) -> Result<Saved, ApiError> {
    let limits = &state.config.limits;
    let mut errors = Vec::new();
    let fields = form_fields(&form, limits, &mut errors);
    let photos_ok = photo_rules(&form, limits, &mut errors).await?;
    rules::photo_count(form.files.len(), limits, &mut errors);
    let hash = idempotency::request_hash(&fields, &form);
    let member = mbr_no.to_owned();
    let checked = fields.clone();
    let (key_c, hash_c) = (key.clone(), hash.clone());
    // A key is fresh while used after this, expired at it and before (stored UTC text, so it
    // compares as a string): with a zero TTL every use is a first use.
    let fresh_since = db_time(chrono::Utc::now() - state.config.idempotency_ttl);
    let fresh_c = fresh_since.clone();
    let (errors, replay) = state
        .db
        .write(move |c| -> Result<_, ApiError> {
            reference_rules(c, &member, &checked, &mut errors)?;
            let replay = match &key_c {
                Some(k) if errors.is_empty() => {
                    idempotency::find_replay(c, &member, k, &hash_c, &fresh_c)?
                }
                _ => None,
            };
            Ok((errors, replay))
        })
        .await?;
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    if let Some(ccn_no) = replay {
        return Ok(Saved::Replayed(ccn_no));
    }
    let blobs = &state.blobs;
    let stored = photos::write(blobs, &photos_ok).await?;
    let member = mbr_no.to_owned();
    let offset = state.config.store_offset;
    let calendar = state.config.calendar.clone();
    let rows = stored.clone();
    let result = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let received = chrono::Utc::now();
            let now = db_time(received);
            let ccn_no = tx.next_ccn_no(store_today(offset))?;
            // The key is claimed in this transaction: a concurrent retry (here or on another
            // instance) waits for this one and then replays what it registered.
            if let Some(k) = &key {
                if let Some(existing) =
                    idempotency::claim(tx, &member, k, &hash, &ccn_no, &now, &fresh_since)?
                {
                    return Ok(Saved::Replayed(existing));
                }
            }
            // Due in the type's business days from receipt (the store's calendar).
            let days = tx.answer_target_days(&fields.cnsl_typ_no)?;
            let due = db_time(calendar.due(received, days));
            tx.insert_question(
                &ccn_no,
                &member,
                &fields,
                Status::Received,
                &now,
                Some(&due),
            )?;
            for (i, f) in rows.iter().enumerate() {
                tx.insert_file(&ccn_no, i as u32 + 1, f, &now)?;
            }
            Ok(Saved::New(ccn_no))
        })
        .await;
    match result {
        Ok(Saved::New(ccn_no)) => {
            tracing::info!(%ccn_no, %mbr_no, photos = stored.len(), "inquiry registered");
            Ok(Saved::New(ccn_no))
        }
        Ok(replayed) => {
            photos::remove(blobs, photos::names(&stored)).await;
            Ok(replayed)
        }
        Err(e) => {
            photos::remove(blobs, photos::names(&stored)).await;
            Err(e)
        }
    }
}
