//! Safe retries of a registration: the client's `Idempotency-Key`, a digest of what it asked,
//! and the inquiry that key already registered.

use axum::http::HeaderMap;
use rusqlite::{Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::{api::form::QuestionForm, error::ApiError, store::QuestionFields};

/// The request header that carries the key.
pub const HEADER: &str = "idempotency-key";

/// A client-chosen key (1–100 visible ASCII characters, trimmed): the same key and the same
/// request register one inquiry, however often they are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// The key of a request, `None` without the header; a field error for a malformed one.
    pub fn from_headers(headers: &HeaderMap) -> Result<Option<Self>, ApiError> {
        let Some(v) = headers.get(HEADER) else {
            return Ok(None);
        };
        match v.to_str() {
            Ok(s) if (1..=100).contains(&s.trim().len()) => Ok(Some(Self(s.trim().to_owned()))),
            _ => Err(ApiError::field(
                "Idempotency-Key",
                "INVALID_FORMAT",
                "Idempotency-Key 헤더는 1~100자의 ASCII 문자열이어야 합니다.",
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Digest of everything a save request says, to tell a retry from a different request.
pub fn request_hash(f: &QuestionFields, form: &QuestionForm) -> String {
    let mut h = Sha256::new();
    for part in [
        f.cnsl_typ_no.as_str(),
        &f.ccn_title,
        &f.accp_cont,
        f.goods_no.as_deref().unwrap_or(""),
        f.itm_no.as_deref().unwrap_or(""),
        f.ord_no.as_deref().unwrap_or(""),
        if f.sms_rcv_yn { "Y" } else { "N" },
        if f.email_rcv_yn { "Y" } else { "N" },
        f.ref_ccn_no.as_deref().unwrap_or(""),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    for file in &form.files {
        h.update(Sha256::digest(&file.bytes));
    }
    hex::encode(h.finalize())
}

/// The inquiry `key` registered for the same request (`hash`); an error when the member used
/// the key for a different request.
pub fn find_replay(
    conn: &Connection,
    mbr_no: &str,
    key: &IdempotencyKey,
    hash: &str,
) -> Result<Option<String>, ApiError> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT req_hash, ccn_no FROM idempotency WHERE mbr_no = ?1 AND idem_key = ?2",
            [mbr_no, key.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((h, ccn_no)) if h == hash => Ok(Some(ccn_no)),
        Some(_) => Err(ApiError::IdempotencyKeyReused(
            "이 Idempotency-Key는 다른 내용의 문의 등록에 이미 사용되었습니다. 새 키로 다시 요청해 주세요.".to_owned(),
        )),
    }
}

/// Remembers that `key` registered `ccn_no` (in the registration's transaction).
pub fn record(
    conn: &Connection,
    mbr_no: &str,
    key: &IdempotencyKey,
    hash: &str,
    ccn_no: &str,
    now: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO idempotency (mbr_no, idem_key, req_hash, ccn_no, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        [mbr_no, key.as_str(), hash, ccn_no, now],
    )?;
    Ok(())
}
