//! A store's JWTs: verified with its JWKS (RS256, ES256) or a shared HS256 secret; issuer and
//! audience checked when configured; expiry and not-before with a small leeway; then mapped to
//! a member or a counselor by claims the store names.

use std::time::Duration;

use jsonwebtoken::{errors::ErrorKind, Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};

use super::{jwks::Jwks, Principal, TokenProblem};

/// Where the verifier's keys come from.
pub enum KeySource {
    /// A shared secret (HS256): the store's own backend signs with it.
    Hs256(Vec<u8>),
    /// A JWKS: fetched from a URL and refetched on an unknown key id, or a fixed set (the demo).
    Jwks(Jwks),
}

impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Hs256(_) => f.write_str("Hs256(<secret>)"),
            Self::Jwks(j) => write!(f, "Jwks({})", j.describe()),
        }
    }
}

/// Which claims say who the caller is.
#[derive(Debug, Clone)]
pub struct ClaimMap {
    /// The member's (or counselor's) number: `sub` by default.
    pub subject: String,
    /// Their name: `name` by default.
    pub name: String,
    /// The roles: `roles` by default; a dotted path (`realm_access.roles`) reaches into objects.
    /// An array of strings, or one string of space-separated roles.
    pub roles: String,
}

impl Default for ClaimMap {
    fn default() -> Self {
        Self {
            subject: "sub".into(),
            name: "name".into(),
            roles: "roles".into(),
        }
    }
}

/// Roles that make the caller a counselor.
pub const COUNSELOR_ROLES: [&str; 2] = ["counselor", MANAGER_ROLE];
/// The role of a desk manager (a counselor who also reads the access log).
pub const MANAGER_ROLE: &str = "manager";

#[derive(Debug)]
pub struct JwtConfig {
    pub keys: KeySource,
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub claims: ClaimMap,
    /// Slack on `exp` and `nbf` for clocks that disagree a little.
    pub leeway: Duration,
}

/// The default leeway on `exp` and `nbf`.
pub const DEFAULT_LEEWAY: Duration = Duration::from_secs(30);

impl JwtConfig {
    pub fn new(keys: KeySource) -> Self {
        Self {
            keys,
            issuer: None,
            audience: None,
            claims: ClaimMap::default(),
            leeway: DEFAULT_LEEWAY,
        }
    }
}

/// A verified token: who, and the name it gives.
#[derive(Debug, Clone)]
pub struct Verified {
    pub principal: Principal,
    pub name: String,
}

#[derive(Debug)]
pub struct JwtVerifier {
    config: JwtConfig,
}

/// Three base64url parts: a JWS in compact form (the demo's opaque tokens have no dots).
pub fn looks_like_jwt(token: &str) -> bool {
    token.split('.').count() == 3
}

/// The `kid` of a token's header, if it has one.
pub fn key_id(token: &str) -> Result<Option<String>, TokenProblem> {
    jsonwebtoken::decode_header(token)
        .map(|h| h.kid)
        .map_err(|_| TokenProblem::Malformed)
}

impl JwtVerifier {
    pub fn new(config: JwtConfig) -> Self {
        Self { config }
    }

    pub fn config(&self) -> &JwtConfig {
        &self.config
    }

    /// Verifies `token` and maps its claims.
    pub async fn verify(&self, token: &str) -> Result<Verified, TokenProblem> {
        let header = jsonwebtoken::decode_header(token).map_err(|_| TokenProblem::Malformed)?;
        let (key, alg) = match &self.config.keys {
            KeySource::Hs256(secret) => {
                if header.alg != Algorithm::HS256 {
                    return Err(TokenProblem::Algorithm);
                }
                (DecodingKey::from_secret(secret), Algorithm::HS256)
            }
            KeySource::Jwks(jwks) => {
                if !matches!(header.alg, Algorithm::RS256 | Algorithm::ES256) {
                    return Err(TokenProblem::Algorithm);
                }
                jwks.key(header.kid.as_deref(), header.alg).await?
            }
        };
        let mut validation = Validation::new(alg);
        validation.leeway = self.config.leeway.as_secs();
        validation.validate_nbf = true;
        validation.set_required_spec_claims(&["exp"]);
        match &self.config.issuer {
            Some(iss) => validation.set_issuer(&[iss]),
            None => validation.iss = None,
        }
        match &self.config.audience {
            Some(aud) => validation.set_audience(&[aud]),
            None => validation.validate_aud = false,
        }
        let data = jsonwebtoken::decode::<Map<String, Value>>(token, &key, &validation)
            .map_err(|e| problem(e.kind()))?;
        self.map(&data.claims)
    }

    fn map(&self, claims: &Map<String, Value>) -> Result<Verified, TokenProblem> {
        let c = &self.config.claims;
        let subject = match claim(claims, &c.subject) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
            Some(Value::Number(n)) => n.to_string(),
            _ => return Err(TokenProblem::MissingClaim(c.subject.clone())),
        };
        if subject.chars().count() > 64 {
            return Err(TokenProblem::Malformed);
        }
        let name = match claim(claims, &c.name) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.trim().chars().take(100).collect(),
            _ => subject.clone(),
        };
        let roles = roles(claim(claims, &c.roles));
        let counselor = roles.iter().any(|r| COUNSELOR_ROLES.contains(&r.as_str()));
        let principal = if counselor {
            Principal::Counselor {
                cnslr_no: subject,
                cnslr_nm: name.clone(),
                manager: roles.iter().any(|r| r == MANAGER_ROLE),
            }
        } else {
            Principal::Member { mbr_no: subject }
        };
        Ok(Verified { principal, name })
    }
}

/// A claim by a dotted path.
fn claim<'a>(claims: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut parts = path.split('.');
    let mut value = claims.get(parts.next()?)?;
    for part in parts {
        value = value.get(part)?;
    }
    Some(value)
}

fn roles(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .map(|s| s.to_ascii_lowercase())
            .collect(),
        Some(Value::String(s)) => s
            .split_whitespace()
            .map(|r| r.to_ascii_lowercase())
            .collect(),
        _ => Vec::new(),
    }
}

fn problem(kind: &ErrorKind) -> TokenProblem {
    match kind {
        ErrorKind::ExpiredSignature => TokenProblem::Expired,
        ErrorKind::ImmatureSignature => TokenProblem::NotYetValid,
        ErrorKind::InvalidIssuer => TokenProblem::WrongIssuer,
        ErrorKind::InvalidAudience => TokenProblem::WrongAudience,
        ErrorKind::InvalidSignature
        | ErrorKind::InvalidKeyFormat
        | ErrorKind::InvalidEcdsaKey
        | ErrorKind::InvalidRsaKey(_) => TokenProblem::BadSignature,
        ErrorKind::InvalidAlgorithm | ErrorKind::InvalidAlgorithmName => TokenProblem::Algorithm,
        ErrorKind::MissingRequiredClaim(c) => TokenProblem::MissingClaim(c.clone()),
        _ => TokenProblem::Malformed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn verifier(claims: ClaimMap) -> JwtVerifier {
        let mut c = JwtConfig::new(KeySource::Hs256(b"k".to_vec()));
        c.claims = claims;
        JwtVerifier::new(c)
    }

    fn map(v: &JwtVerifier, claims: Value) -> Result<Verified, TokenProblem> {
        v.map(claims.as_object().unwrap())
    }

    #[test]
    fn members_by_default_counselors_by_role_from_configured_claims() {
        let v = verifier(ClaimMap::default());
        let m = map(&v, json!({"sub": "M1", "name": "김하루"})).unwrap();
        assert_eq!(
            m.principal,
            Principal::Member {
                mbr_no: "M1".into()
            }
        );
        let c = map(
            &v,
            json!({"sub": "C7", "name": "이상담", "roles": ["Counselor"]}),
        )
        .unwrap();
        assert_eq!(
            c.principal,
            Principal::Counselor {
                cnslr_no: "C7".into(),
                cnslr_nm: "이상담".into(),
                manager: false,
            }
        );
        let mgr = map(&v, json!({"sub": "C8", "roles": "viewer manager"})).unwrap();
        assert!(
            matches!(mgr.principal, Principal::Counselor { ref cnslr_nm, manager: true, .. } if cnslr_nm == "C8")
        );
        assert_eq!(
            map(&v, json!({"name": "x"})).unwrap_err(),
            TokenProblem::MissingClaim("sub".into())
        );

        let keycloak = verifier(ClaimMap {
            subject: "mbr_no".into(),
            name: "preferred_username".into(),
            roles: "realm_access.roles".into(),
        });
        let c = map(
            &keycloak,
            json!({"sub": "uuid", "mbr_no": 1024, "preferred_username": "kim",
                   "realm_access": {"roles": ["offline_access", "counselor"]}}),
        )
        .unwrap();
        assert_eq!(
            c.principal,
            Principal::Counselor {
                cnslr_no: "1024".into(),
                cnslr_nm: "kim".into(),
                manager: false,
            }
        );
    }
}
