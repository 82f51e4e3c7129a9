//! Safe retries of a registration: the client's `Idempotency-Key`, a digest of what it asked,
//! and the inquiry that key already registered.

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};

use crate::{
    api::form::QuestionForm,
    error::ApiError,
    store::{QuestionFields, Tx},
};

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
    tx: &mut dyn Tx,
    mbr_no: &str,
    key: &IdempotencyKey,
    hash: &str,
    fresh_since: &str,
) -> Result<Option<String>, ApiError> {
    match tx.idempotency_record(mbr_no, key.as_str(), fresh_since)? {
        None => Ok(None),
        Some(r) if r.req_hash != hash => Err(ApiError::Idempotency {
            code: "IDEMPOTENCY_KEY_REUSED",
            message: "이 Idempotency-Key는 다른 내용의 문의 등록에 이미 사용되었습니다. 새 키로 다시 요청해 주세요.".to_owned(),
        }),
        Some(r) if !r.inquiry_exists => Err(ApiError::Idempotency {
            code: "IDEMPOTENT_INQUIRY_DELETED",
            message: format!(
                "이 요청으로 등록한 문의({})는 삭제되었습니다. 다시 등록하려면 새 Idempotency-Key로 보내 주세요.",
                r.ccn_no
            ),
        }),
        Some(r) => Ok(Some(r.ccn_no)),
    }
}

/// Claims `key` for `ccn_no` in the registering transaction, so retries spread over several
/// instances register once: `None` when claimed (the registration goes on), else what an
/// earlier (or concurrent, already committed) use of the key says — the inquiry to replay, or
/// the refusal of [`find_replay`].
pub fn claim(
    tx: &mut dyn Tx,
    mbr_no: &str,
    key: &IdempotencyKey,
    hash: &str,
    ccn_no: &str,
    now: &str,
    fresh_since: &str,
) -> Result<Option<String>, ApiError> {
    if tx.claim_idempotency(mbr_no, key.as_str(), hash, ccn_no, now, fresh_since)? {
        return Ok(None);
    }
    match find_replay(tx, mbr_no, key, hash, fresh_since)? {
        Some(existing) => Ok(Some(existing)),
        None => Err(ApiError::internal("an unclaimed key has no fresh use")),
    }
}
