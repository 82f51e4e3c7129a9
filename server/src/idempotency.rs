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

/// The inquiry `key` registered for the same request (`hash`) since `fresh_since` (stored UTC
/// text; an older key has expired and counts as unused). Refused: the member used the key for a
/// different request, or deleted the inquiry it registered (a client can act on either: send
/// the request again under a new key).
pub fn find_replay(
    conn: &Connection,
    mbr_no: &str,
    key: &IdempotencyKey,
    hash: &str,
    fresh_since: &str,
) -> Result<Option<String>, ApiError> {
    let row: Option<(String, String, bool)> = conn
        .query_row(
            "SELECT i.req_hash, i.ccn_no, EXISTS (SELECT 1 FROM ccn c WHERE c.ccn_no = i.ccn_no)
               FROM idempotency i
              WHERE i.mbr_no = ?1 AND i.idem_key = ?2 AND i.created_at >= ?3",
            [mbr_no, key.as_str(), fresh_since],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match row {
        None => Ok(None),
        Some((h, _, _)) if h != hash => Err(ApiError::Idempotency {
            code: "IDEMPOTENCY_KEY_REUSED",
            message: "이 Idempotency-Key는 다른 내용의 문의 등록에 이미 사용되었습니다. 새 키로 다시 요청해 주세요.".to_owned(),
        }),
        Some((_, ccn_no, false)) => Err(ApiError::Idempotency {
            code: "IDEMPOTENT_INQUIRY_DELETED",
            message: format!(
                "이 요청으로 등록한 문의({ccn_no})는 삭제되었습니다. 다시 등록하려면 새 Idempotency-Key로 보내 주세요."
            ),
        }),
        Some((_, ccn_no, true)) => Ok(Some(ccn_no)),
    }
}

/// Remembers that `key` registered `ccn_no` (in the registration's transaction), replacing an
/// expired use of the same key, and forgets the member's keys that expired (before
/// `fresh_since`), so the table holds at most a day's keys per member.
pub fn record(
    conn: &Connection,
    mbr_no: &str,
    key: &IdempotencyKey,
    hash: &str,
    ccn_no: &str,
    now: &str,
    fresh_since: &str,
) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM idempotency WHERE mbr_no = ?1 AND created_at < ?2",
        [mbr_no, fresh_since],
    )?;
    conn.execute(
        "INSERT OR REPLACE INTO idempotency (mbr_no, idem_key, req_hash, ccn_no, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        [mbr_no, key.as_str(), hash, ccn_no, now],
    )?;
    Ok(())
}
