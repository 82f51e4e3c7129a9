//! Bearer-token authentication. Tokens are looked up by their SHA-256 digest.

use axum::{extract::FromRequestParts, http::request::Parts};
use rusqlite::OptionalExtension;
use sha2::{Digest, Sha256};

use crate::{error::ApiError, AppState};

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Member { mbr_no: String },
    Counselor { cnslr_no: String, cnslr_nm: String },
}

fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let hash = token_hash(bearer(parts).ok_or(ApiError::Unauthorized)?);
        state
            .db
            .call(move |conn| {
                let row = conn
                    .query_row(
                        "SELECT t.role, t.subject_no, COALESCE(c.cnslr_nm, '')
                           FROM access_token t LEFT JOIN counselor c ON c.cnslr_no = t.subject_no
                          WHERE t.token_hash = ?1",
                        [&hash],
                        |r| {
                            Ok((
                                r.get::<_, String>(0)?,
                                r.get::<_, String>(1)?,
                                r.get::<_, String>(2)?,
                            ))
                        },
                    )
                    .optional()?;
                match row {
                    Some((role, subject, _)) if role == "MEMBER" => {
                        Ok(Principal::Member { mbr_no: subject })
                    }
                    Some((_, subject, name)) => Ok(Principal::Counselor {
                        cnslr_no: subject,
                        cnslr_nm: name,
                    }),
                    None => Err(ApiError::Unauthorized),
                }
            })
            .await
    }
}

/// A logged-in storefront member (customer).
#[derive(Debug, Clone)]
pub struct Member {
    pub mbr_no: String,
}

impl FromRequestParts<AppState> for Member {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Principal::from_request_parts(parts, state).await? {
            Principal::Member { mbr_no } => Ok(Member { mbr_no }),
            Principal::Counselor { .. } => Err(ApiError::Forbidden(
                "회원 전용 기능입니다. 회원으로 로그인해 주세요.".to_owned(),
            )),
        }
    }
}

/// A back-office counselor.
#[derive(Debug, Clone)]
pub struct Counselor {
    pub cnslr_no: String,
    pub cnslr_nm: String,
}

impl FromRequestParts<AppState> for Counselor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Principal::from_request_parts(parts, state).await? {
            Principal::Counselor { cnslr_no, cnslr_nm } => Ok(Counselor { cnslr_no, cnslr_nm }),
            Principal::Member { .. } => {
                Err(ApiError::Forbidden("상담원 권한이 필요합니다.".to_owned()))
            }
        }
    }
}
