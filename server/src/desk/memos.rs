//! Internal memos: what a counselor leaves on an inquiry for the desk (a hand-over, what was
//! checked with the warehouse). Counselors and managers read them in the inquiry's back-office
//! detail; no customer or seller payload, notification or export carries one
//! (server/tests/api/memos.rs proves it).

use crate::{
    error::ApiError,
    store::{records::CounselorRef, records::MemoRecord, Tx},
};

/// Longest memo, in characters.
pub const MEMO_MAX_CHARS: usize = 1000;

/// Appends `content` (already checked) to the inquiry's memos, by `me`, and returns them all.
/// A withdrawn inquiry (고객 삭제) still takes memos: it is the desk's record.
pub fn add(
    tx: &mut dyn Tx,
    ccn_no: &str,
    me: &CounselorRef,
    content: &str,
    at: &str,
) -> Result<Vec<MemoRecord>, ApiError> {
    if !tx.lock_inquiry(ccn_no)? {
        return Err(ApiError::inquiry_gone());
    }
    tx.insert_memo(ccn_no, me, content, at)?;
    Ok(tx.memos_of(ccn_no)?)
}
