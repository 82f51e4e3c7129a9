//! The counselor's operations on an inquiry, free of HTTP: take it, answer it, the answer
//! templates filled in for it, internal memos (`memos.rs`) and the desk report (`report.rs`). Handlers in `api::bo` extract the request and shape the response.

pub mod deadlines;
pub mod memos;
pub mod report;
pub mod template_edit;
mod templates;

pub use templates::{
    fill, render, unknown_placeholder as templates_unknown, values, Filled, Values, PLACEHOLDERS,
};

use crate::{
    error::ApiError,
    model::{ReplyAuthor, Status},
    notify,
    store::{records::CounselorRef, Tx},
};

/// Why a counselor's action was refused although the inquiry exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Answered already: taking it back to 처리중, or a second counselor answer.
    Answered,
    /// Another counselor holds it.
    HeldBy(CounselorRef),
    /// The customer withdrew it (고객 삭제): kept as a record, not worked on.
    Withdrawn(String),
}

/// The counselor takes the inquiry: 접수완료 → 처리중 with them as its holder. Taking one you
/// hold already, or a 처리중 one nobody holds, is fine; one another counselor holds is refused
/// (the console shows who), as is an answered one.
pub fn take(
    tx: &mut dyn Tx,
    ccn_no: &str,
    me: &CounselorRef,
) -> Result<Result<(), Refusal>, ApiError> {
    if !tx.lock_inquiry(ccn_no)? {
        return Err(ApiError::inquiry_gone());
    }
    let (status, holder) = tx
        .question_state(ccn_no)?
        .ok_or_else(ApiError::inquiry_gone)?;
    if let Some(at) = tx.withdrawn_at(ccn_no)? {
        return Ok(Err(Refusal::Withdrawn(at)));
    }
    match (status, holder) {
        (Status::Answered, _) => return Ok(Err(Refusal::Answered)),
        (_, Some(h)) if h.no != me.no => return Ok(Err(Refusal::HeldBy(h))),
        (Status::Received, _) => tx.set_status(ccn_no, Status::InProgress, None)?,
        (Status::InProgress, _) => {}
    }
    tx.set_assignee(ccn_no, &me.no)?;
    Ok(Ok(()))
}

/// An answer to post.
pub struct Answer<'a> {
    pub author: ReplyAuthor,
    pub name: &'a str,
    pub content: &'a str,
    pub at: &'a str,
}

/// Appends the answer to the thread, sets 답변완료 and queues the member's notifications, all
/// on the caller's transaction. A counselor answer is given once: a second one (another
/// counselor answered a moment ago) is refused. A seller's reply may follow an answer.
/// The inquiry gets the answering counselor as its holder if it had none.
pub fn answer(
    tx: &mut dyn Tx,
    ccn_no: &str,
    me: &CounselorRef,
    a: &Answer,
) -> Result<Result<(), Refusal>, ApiError> {
    if !tx.lock_inquiry(ccn_no)? {
        return Err(ApiError::inquiry_gone());
    }
    let (status, holder) = tx
        .question_state(ccn_no)?
        .ok_or_else(ApiError::inquiry_gone)?;
    if let Some(at) = tx.withdrawn_at(ccn_no)? {
        return Ok(Err(Refusal::Withdrawn(at)));
    }
    if status == Status::Answered && a.author == ReplyAuthor::Counselor {
        return Ok(Err(Refusal::Answered));
    }
    tx.append_reply(ccn_no, a.author, a.name, a.content, a.at)?;
    tx.set_status(ccn_no, Status::Answered, Some(a.at))?;
    if holder.is_none() && a.author == ReplyAuthor::Counselor {
        tx.set_assignee(ccn_no, &me.no)?;
    }
    notify::enqueue_answer(tx, ccn_no, a.at)?;
    Ok(Ok(()))
}
