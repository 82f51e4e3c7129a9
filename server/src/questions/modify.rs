//! Changing a received inquiry (`questionMod`).

use super::{conflict, form_fields, photo_rules, reference_rules};
use crate::{
    api::form::QuestionForm,
    audit::{self, Action, Actor},
    error::{ApiError, FieldError},
    model::now_db,
    photos, rules, AppState,
};

/// Changes the member's inquiry `ccn_no` while it is still 접수완료: its fields from `form`,
/// keeping the photos listed in `keepFileSeq`, removing the others, adding the new ones. An
/// inquiry answered meanwhile is a conflict and nothing changes; another member's is not found.
/// What the edit replaces is kept as a version (`versions.rs`), the photos it drops with it.
pub async fn modify(
    state: &AppState,
    mbr_no: &str,
    ccn_no: &str,
    form: QuestionForm,
    ip: Option<String>,
) -> Result<(), ApiError> {
    let limits = state.config.limits.clone();
    let mut errors = Vec::new();
    let mut fields = form_fields(&form, &limits, &mut errors);
    // What an inquiry follows up is fixed when it is registered.
    fields.ref_ccn_no = None;
    let photos_ok = photo_rules(&form, &limits, &mut errors).await?;
    let keep_raw = form.keep_file_seq.clone();
    let new_count = form.files.len();
    let member = mbr_no.to_owned();
    let checked = fields.clone();
    let ccn = ccn_no.to_owned();
    let keep: Vec<u32> = state
        .db
        .write(move |c| -> Result<_, ApiError> {
            let status = c
                .question_status(&ccn, Some(&member))?
                .ok_or_else(ApiError::inquiry_not_found)?;
            if !status.customer_may_change() {
                return Err(conflict(&ccn, status, "수정"));
            }
            reference_rules(c, &member, &checked, &mut errors)?;
            let existing = c.files_of(&ccn)?;
            let mut keep = Vec::new();
            for raw in &keep_raw {
                match raw.trim().parse::<u32>() {
                    Ok(seq) if existing.iter().any(|f| f.file_seq == seq) => {
                        if !keep.contains(&seq) {
                            keep.push(seq)
                        }
                    }
                    _ => errors.push(FieldError::new(
                        "keepFileSeq",
                        "UNKNOWN_FILE",
                        format!("이 문의에 없는 사진 번호입니다 (keepFileSeq: {raw})."),
                    )),
                }
            }
            rules::photo_count(keep.len() + new_count, &limits, &mut errors);
            if errors.is_empty() {
                Ok(keep)
            } else {
                Err(ApiError::validation(errors))
            }
        })
        .await?;
    let blobs = &state.blobs;
    let stored = photos::write(blobs, &photos_ok).await?;
    let member = mbr_no.to_owned();
    let rows = stored.clone();
    let ccn = ccn_no.to_owned();
    let result = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            tx.lock_inquiry(&ccn)?;
            let now = now_db();
            if tx.question_status(&ccn, Some(&member))? == Some(crate::model::Status::Received) {
                super::versions::keep_current(tx, &ccn, &now)?;
            }
            if !tx.update_question_if_received(&ccn, &member, &fields, &now)? {
                // Answered (or deleted) between the check above and now: refuse, change nothing.
                return Err(match tx.question_status(&ccn, Some(&member))? {
                    Some(status) => conflict(&ccn, status, "수정"),
                    None => ApiError::inquiry_not_found(),
                });
            }
            // A dropped photo's row goes; its object stays, named by the version kept above.
            let existing = tx.files_of(&ccn)?;
            for f in &existing {
                if !keep.contains(&f.file_seq) {
                    tx.delete_file(&ccn, f.file_seq)?;
                }
            }
            let mut next = existing.iter().map(|f| f.file_seq).max().unwrap_or(0);
            for f in &rows {
                next += 1;
                tx.insert_file(&ccn, next, f, &now)?;
            }
            let actor = Actor::member(&member, ip);
            audit::log(tx, &actor, Action::Modify, Some(&ccn), Some(&member), "")?;
            Ok(())
        })
        .await;
    match result {
        Ok(()) => {
            tracing::info!(%ccn_no, "inquiry modified (the previous version kept)");
            Ok(())
        }
        Err(e) => {
            photos::remove(blobs, photos::names(&stored)).await;
            Err(e)
        }
    }
}
