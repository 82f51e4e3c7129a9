//! Row helpers the SQLite modules share.

use crate::store::records::CounselorRef;

/// The holder from a row's `cnslr_no` and `cnslr_nm` columns at `no` and `no + 1` (a LEFT
/// JOIN on `counselor`: both NULL when nobody holds the inquiry).
pub fn counselor(r: &rusqlite::Row<'_>, no: usize) -> rusqlite::Result<Option<CounselorRef>> {
    Ok(match (r.get(no)?, r.get(no + 1)?) {
        (Some(no), Some(name)) => Some(CounselorRef { no, name }),
        _ => None,
    })
}
