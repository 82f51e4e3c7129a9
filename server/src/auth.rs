//! Authentication: a bearer token, or the same token in the `inquiry_session` cookie of a
//! storefront that keeps its session in a cookie. What the token is worth is `identity`'s to say:
//! a JWT of the store's, or (for the demo) one of the demo's; the demo's opaque tokens are looked
//! up by their SHA-256 digest.
//!
//! A cookie is sent by the browser on any request to this origin, including a form another site
//! posts here; so a cookie only counts when the request also carries
//! `X-Requested-With: inquiry-desk`, a header no cross-site form can set and that a cross-origin
//! script can only send after a CORS preflight the policy must allow.

use axum::{extract::FromRequestParts, http::request::Parts};
use sha2::{Digest, Sha256};

use crate::{error::ApiError, AppState};

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub use crate::identity::Principal;

/// The token of `Authorization: Bearer <token>`, if the request has one.
pub(crate) fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts
        .headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "inquiry_session";
/// The header (and value) a cookie-authenticated request must carry.
pub const REQUESTED_WITH: (&str, &str) = ("x-requested-with", "inquiry-desk");

fn session_cookie(parts: &Parts) -> Option<&str> {
    let marked = parts
        .headers
        .get(REQUESTED_WITH.0)
        .is_some_and(|v| v.as_bytes() == REQUESTED_WITH.1.as_bytes());
    if !marked {
        return None;
    }
    parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, value)| value.trim().trim_matches('"'))
        .filter(|v| !v.is_empty())
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = bearer(parts)
            .or_else(|| session_cookie(parts))
            .ok_or_else(|| ApiError::from(crate::identity::TokenProblem::Missing))?;
        state.config.identity.principal(token, &state.db).await
    }
}

/// The caller's address: the rightmost value of `--client-ip-header` when a proxy fronts the
/// server (the address the proxy saw), else the peer's.
pub fn client_ip(parts: &Parts, state: &AppState) -> Option<String> {
    if let Some(name) = &state.config.client_ip_header {
        let forwarded = parts
            .headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .rfind(|v| !v.is_empty());
        if let Some(ip) = forwarded {
            return Some(ip.chars().take(64).collect());
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip().to_string())
}

/// The caller's address (see [`client_ip`]), for handlers that take a [`Principal`].
#[derive(Debug, Clone)]
pub struct ClientIp(pub Option<String>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, std::convert::Infallible> {
        Ok(ClientIp(client_ip(parts, state)))
    }
}

/// A logged-in storefront member (customer).
#[derive(Debug, Clone)]
pub struct Member {
    pub mbr_no: String,
    /// Where the request came from (the access log of a withdrawal or an edit).
    pub ip: Option<String>,
}

impl FromRequestParts<AppState> for Member {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Principal::from_request_parts(parts, state).await? {
            Principal::Member { mbr_no } => Ok(Member {
                mbr_no,
                ip: client_ip(parts, state),
            }),
            Principal::Counselor { .. } => Err(ApiError::Forbidden(
                "회원 전용 기능입니다. 회원으로 로그인해 주세요.".to_owned(),
            )),
        }
    }
}

/// A back-office counselor (or a desk manager: a counselor too).
#[derive(Debug, Clone)]
pub struct Counselor {
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub manager: bool,
    pub ip: Option<String>,
}

impl Counselor {
    /// Who the access log names.
    pub fn actor(&self) -> crate::audit::Actor {
        crate::audit::Actor {
            role: if self.manager {
                crate::store::ActorRole::Manager
            } else {
                crate::store::ActorRole::Counselor
            },
            no: self.cnslr_no.clone(),
            name: self.cnslr_nm.clone(),
            ip: self.ip.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Counselor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        match Principal::from_request_parts(parts, state).await? {
            Principal::Counselor {
                cnslr_no,
                cnslr_nm,
                manager,
            } => Ok(Counselor {
                cnslr_no,
                cnslr_nm,
                manager,
                ip: client_ip(parts, state),
            }),
            Principal::Member { .. } => {
                Err(ApiError::Forbidden("상담원 권한이 필요합니다.".to_owned()))
            }
        }
    }
}

/// A desk manager: a counselor who also reads the access log. A counselor is 403.
#[derive(Debug, Clone)]
pub struct Manager(pub Counselor);

impl FromRequestParts<AppState> for Manager {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let counselor = Counselor::from_request_parts(parts, state).await?;
        if counselor.manager {
            Ok(Manager(counselor))
        } else {
            Err(ApiError::Forbidden(
                "상담 관리자 권한이 필요합니다. 접근기록은 관리자만 볼 수 있습니다.".to_owned(),
            ))
        }
    }
}
