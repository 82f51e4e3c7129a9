//! The seller's side of the desk, free of HTTP: a counselor transfers (이관) an inquiry to the
//! seller of its goods; the seller answers it (NO_ANSWER) or confirms it (TRANSFER) within the
//! deadline. Refusals are `Refusal`s; the seller API words them as Coupang does.
//!
//! Coupang's states, from (inquiry status, transfer): an open transfer needing an answer is
//! NO_ANSWER (`progress` + `requestAnswer`); an open confirm-only transfer is TRANSFER
//! (`complete` + `requestAnswer`); answered, confirmed, or past its deadline is ANSWER. A
//! transfer past its deadline is closed where it is read: nothing has to run at the deadline.

pub mod auth;

use crate::{
    desk::{self, Answer},
    error::ApiError,
    model::{db_time, ReplyAuthor, Status},
    store::{records::CounselorRef, NewTransfer, Tx},
};
use chrono::{DateTime, Duration, Utc};

/// Coupang's numeric `answerId` of a reply in the seller's view: the inquiry number × 100 +
/// the reply's place in the thread; the counselor's transfer note is place 0. Inquiry numbers
/// are 14 digits (yyyyMMdd + a 6-digit daily sequence), so ids stay below 2^53 and survive a
/// JavaScript client; a day with a millionth inquiry would need another scheme.
pub fn answer_id(ccn_no: &str, seq: u32) -> i64 {
    ccn_no.parse::<i64>().unwrap_or(0) * 100 + i64::from(seq.min(99))
}

/// Why a counselor's transfer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransferRefusal {
    /// The inquiry is not about goods of a seller.
    NoSeller,
    /// It was transferred before (one transfer per inquiry).
    AlreadyTransferred,
    /// Asking the seller for an answer to an inquiry that has one.
    AlreadyAnswered,
    /// Asking the seller to confirm an inquiry nobody answered yet.
    NotAnswered,
    /// The customer withdrew it.
    Withdrawn,
}

/// A transfer a counselor asks for.
pub struct Transfer<'a> {
    pub need_answer: bool,
    pub note: &'a str,
    pub now: DateTime<Utc>,
    /// How long the seller has.
    pub deadline: Duration,
}

/// Transfers the inquiry to the seller of its goods. Needing an answer, the inquiry goes to
/// 처리중 with the counselor as its holder (the customer sees someone is on it); for
/// confirmation only it must have been answered.
pub fn transfer(
    tx: &mut dyn Tx,
    ccn_no: &str,
    me: &CounselorRef,
    t: &Transfer,
) -> Result<Result<(), TransferRefusal>, ApiError> {
    if !tx.lock_inquiry(ccn_no)? {
        return Err(ApiError::inquiry_gone());
    }
    let (status, _) = tx
        .question_state(ccn_no)?
        .ok_or_else(ApiError::inquiry_gone)?;
    if tx.withdrawn_at(ccn_no)?.is_some() {
        return Ok(Err(TransferRefusal::Withdrawn));
    }
    let Some((vendor_id, _)) = tx.seller_of_inquiry(ccn_no)? else {
        return Ok(Err(TransferRefusal::NoSeller));
    };
    if tx.transfer_of(ccn_no)?.is_some() {
        return Ok(Err(TransferRefusal::AlreadyTransferred));
    }
    match (t.need_answer, status) {
        (true, Status::Answered) => return Ok(Err(TransferRefusal::AlreadyAnswered)),
        (false, Status::Received | Status::InProgress) => {
            return Ok(Err(TransferRefusal::NotAnswered))
        }
        (true, Status::Received) => tx.set_status(ccn_no, Status::InProgress, None)?,
        _ => {}
    }
    if t.need_answer {
        tx.set_assignee(ccn_no, &me.no)?;
    }
    tx.insert_transfer(&NewTransfer {
        ccn_no,
        vendor_id: &vendor_id,
        need_answer: t.need_answer,
        note: t.note,
        cnslr_no: &me.no,
        at: &db_time(t.now),
        due: &db_time(t.now + t.deadline),
    })?;
    Ok(Ok(()))
}

/// Why a seller's action on a transfer was refused (the seller API words each in Coupang's
/// terms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not transferred to this seller (or not at all).
    NotYours,
    /// Past its deadline.
    Closed,
    /// Not awaiting an answer: confirm-only, or answered already.
    CannotAnswer,
    /// Not awaiting a confirmation.
    CannotConfirm,
    /// `parentAnswerId` is not the transfer note's answerId.
    WrongParent { expected: i64 },
}

/// The transfer of `ccn_no` if it is `vendor_id`'s; another seller's (or none) is refused,
/// never shown.
pub fn own_transfer(
    tx: &mut dyn Tx,
    vendor_id: &str,
    ccn_no: &str,
) -> Result<Result<crate::store::records::TransferRecord, Refusal>, ApiError> {
    if tx.withdrawn_at(ccn_no)?.is_some() {
        return Ok(Err(Refusal::NotYours));
    }
    Ok(match tx.transfer_of(ccn_no)? {
        Some(t) if t.vendor_id == vendor_id => Ok(t),
        _ => Err(Refusal::NotYours),
    })
}

/// A seller's reply to a transfer that awaits it.
pub struct Reply<'a> {
    pub vendor_id: &'a str,
    pub vendor_nm: &'a str,
    pub parent_answer_id: i64,
    pub content: &'a str,
    pub reply_by: &'a str,
    pub now: DateTime<Utc>,
}

/// Posts the seller's reply: it joins the customer's thread as the seller's (with the seller's
/// display name), the inquiry is answered, and the customer is notified as for any answer.
pub fn reply(tx: &mut dyn Tx, ccn_no: &str, r: &Reply) -> Result<Result<(), Refusal>, ApiError> {
    // The inquiry first, then its transfer: every writer locks in that order.
    tx.lock_inquiry(ccn_no)?;
    let t = match own_transfer(tx, r.vendor_id, ccn_no)? {
        Ok(t) => t,
        Err(refused) => return Ok(Err(refused)),
    };
    let now = db_time(r.now);
    if !t.answered && !t.is_open(&now) {
        return Ok(Err(Refusal::Closed));
    }
    if !t.is_open(&now) || !t.need_answer {
        return Ok(Err(Refusal::CannotAnswer));
    }
    if r.parent_answer_id != answer_id(ccn_no, 0) {
        return Ok(Err(Refusal::WrongParent {
            expected: answer_id(ccn_no, 0),
        }));
    }
    let answer = Answer {
        author: ReplyAuthor::Seller,
        name: r.vendor_nm,
        content: r.content,
        at: &now,
    };
    let me = CounselorRef {
        no: t.cnslr_no.clone(),
        name: t.cnslr_nm.clone(),
    };
    desk::answer(tx, ccn_no, &me, &answer)?
        .map_err(|_| ApiError::internal("a seller reply is never refused by the desk"))?;
    tx.close_transfer(ccn_no, "NONE", r.reply_by, &now)?;
    Ok(Ok(()))
}

/// The seller confirms a confirm-only transfer (TRANSFER → ANSWER, 판매자확인).
pub fn confirm(
    tx: &mut dyn Tx,
    vendor_id: &str,
    ccn_no: &str,
    confirm_by: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, ApiError> {
    tx.lock_inquiry(ccn_no)?;
    let t = match own_transfer(tx, vendor_id, ccn_no)? {
        Ok(t) => t,
        Err(refused) => return Ok(Err(refused)),
    };
    let now = db_time(now);
    if !t.answered && !t.is_open(&now) {
        return Ok(Err(Refusal::Closed));
    }
    if !t.is_open(&now) || t.need_answer {
        return Ok(Err(Refusal::CannotConfirm));
    }
    tx.close_transfer(ccn_no, "DISPUTE_PROCESS_COMPLETE", confirm_by, &now)?;
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_ids_are_distinct_per_reply_and_safe_in_javascript() {
        let ccn = "20261123000214";
        assert_eq!(answer_id(ccn, 0), 2_026_112_300_021_400);
        assert_eq!(answer_id(ccn, 2), 2_026_112_300_021_402);
        assert!(answer_id("20991231999999", 99) < 1 << 53);
    }
}
