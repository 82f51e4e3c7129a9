//! Who is calling: the store's own tokens (JWTs verified against its JWKS or a shared HS256
//! secret, `jwt.rs` / `jwks.rs`), and for the demo a JWT issuer of this server's (`demo.rs`)
//! plus the seed's opaque tokens. A token is tried against the source it names: a JWT whose
//! key id is the demo key's goes to the demo issuer, any other JWT to the store's verifier, and
//! a token that is not a JWT to the demo tokens. Nothing falls through to another source, so a
//! refusal says exactly why (never which key was tried).

pub mod demo;
pub mod jwks;
pub mod jwt;

use std::{collections::HashSet, sync::Mutex};

use crate::{error::ApiError, store::Store};

pub use jwt::{ClaimMap, JwtConfig, JwtVerifier, KeySource};

/// Who a valid token names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Member {
        mbr_no: String,
    },
    /// A counselor; `manager`: a desk manager, who also reads the access log.
    Counselor {
        cnslr_no: String,
        cnslr_nm: String,
        manager: bool,
    },
}

/// Why a token was refused: each is a 401 whose message says which.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenProblem {
    Missing,
    Unknown,
    Malformed,
    Expired,
    NotYetValid,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Algorithm,
    MissingClaim(String),
    /// The store's keys could not be fetched: 503, not the caller's fault.
    KeysUnavailable,
}

impl TokenProblem {
    pub fn message(&self) -> String {
        match self {
            Self::Missing | Self::Unknown => "로그인이 필요합니다. 다시 로그인해 주세요.".into(),
            Self::Malformed => "토큰 형식이 올바르지 않습니다. 다시 로그인해 주세요.".into(),
            Self::Expired => "로그인이 만료되었습니다(토큰 만료). 다시 로그인해 주세요.".into(),
            Self::NotYetValid => {
                "아직 유효하지 않은 토큰입니다(nbf). 발급 서버와 이 서버의 시계를 확인해 주세요."
                    .into()
            }
            Self::BadSignature => {
                "토큰 서명을 확인할 수 없습니다(변조되었거나 알 수 없는 키). 다시 로그인해 주세요."
                    .into()
            }
            Self::WrongIssuer => "이 서비스가 신뢰하는 발급자(iss)의 토큰이 아닙니다.".into(),
            Self::WrongAudience => "이 서비스를 위한 토큰(aud)이 아닙니다.".into(),
            Self::Algorithm => "허용하지 않는 서명 알고리즘(alg)의 토큰입니다.".into(),
            Self::MissingClaim(c) => format!("토큰에 필요한 클레임({c})이 없습니다."),
            Self::KeysUnavailable => {
                "로그인 확인에 필요한 키를 가져오지 못했습니다. 잠시 후 다시 시도해 주세요.".into()
            }
        }
    }
}

impl From<TokenProblem> for ApiError {
    fn from(p: TokenProblem) -> Self {
        match p {
            TokenProblem::KeysUnavailable => ApiError::AuthUnavailable(p.message()),
            other => ApiError::Unauthorized(other.message()),
        }
    }
}

/// The token sources of this server, chosen at start.
pub struct Identity {
    /// The store's tokens (`--jwks-url` or `--jwt-secret`).
    pub store: Option<JwtVerifier>,
    /// The demo's JWT issuer and its opaque tokens (`--no-demo-tokens` turns both off).
    pub demo: Option<demo::DemoIssuer>,
    /// People a JWT named whose row exists already (so a request writes nothing).
    known: Mutex<HashSet<(bool, String, String)>>,
}

/// How many people [`Identity`] remembers having recorded before it starts over.
const KNOWN_MAX: usize = 100_000;

impl Identity {
    pub fn new(store: Option<JwtVerifier>, demo: Option<demo::DemoIssuer>) -> Self {
        Self {
            store,
            demo,
            known: Mutex::new(HashSet::new()),
        }
    }

    /// The demo's sources only (tests, `cargo xtask serve`).
    pub fn demo_only() -> Self {
        Self::new(None, Some(demo::DemoIssuer::generate()))
    }

    /// The person `token` names, or why not.
    pub async fn principal(&self, token: &str, db: &Store) -> Result<Principal, ApiError> {
        if jwt::looks_like_jwt(token) {
            let kid = jwt::key_id(token).map_err(ApiError::from)?;
            let verifier = match (&self.demo, &self.store) {
                (Some(demo), _) if kid.as_deref().is_some_and(|k| demo.owns(k)) => demo.verifier(),
                (_, Some(store)) => store,
                (Some(demo), None) => demo.verifier(),
                (None, None) => return Err(TokenProblem::Unknown.into()),
            };
            let verified = verifier.verify(token).await?;
            self.record(db, &verified).await?;
            return Ok(verified.principal);
        }
        self.demo_account(token, db).await
    }

    /// The person one of the demo's opaque tokens names (what `/demo/token` signs for too);
    /// refused when demo tokens are off.
    pub async fn demo_account(&self, token: &str, db: &Store) -> Result<Principal, ApiError> {
        if self.demo.is_none() {
            return Err(TokenProblem::Unknown.into());
        }
        let hash = crate::auth::token_hash(token);
        db.read(move |tx| match tx.token_holder(&hash)? {
            Some(crate::store::TokenHolder::Member { mbr_no }) => Ok(Principal::Member { mbr_no }),
            Some(crate::store::TokenHolder::Counselor {
                cnslr_no,
                name,
                manager,
            }) => Ok(Principal::Counselor {
                cnslr_no,
                cnslr_nm: name,
                manager,
            }),
            None => Err(ApiError::from(TokenProblem::Unknown)),
        })
        .await
    }

    /// Makes sure the person a JWT names has a row (inquiries and assignments refer to it):
    /// a member the store has not fed yet, a counselor by the name the token gives. Once per
    /// person and name per process.
    async fn record(&self, db: &Store, v: &jwt::Verified) -> Result<(), ApiError> {
        let (counselor, no, name) = match &v.principal {
            Principal::Member { mbr_no } => (false, mbr_no.clone(), v.name.clone()),
            Principal::Counselor {
                cnslr_no, cnslr_nm, ..
            } => (true, cnslr_no.clone(), cnslr_nm.clone()),
        };
        let key = (counselor, no, name);
        if self.known.lock().expect("known people").contains(&key) {
            return Ok(());
        }
        let (c, no, name) = key.clone();
        db.write(move |tx| {
            if c {
                tx.upsert_counselor(&no, &name)
            } else {
                tx.ensure_member(&no, &name)
            }
        })
        .await
        .map_err(ApiError::from)?;
        let mut known = self.known.lock().expect("known people");
        if known.len() >= KNOWN_MAX {
            known.clear();
        }
        known.insert(key);
        Ok(())
    }
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("store", &self.store)
            .field("demo", &self.demo.is_some())
            .finish()
    }
}
