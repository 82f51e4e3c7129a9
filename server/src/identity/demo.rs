//! The demo's token issuer: an ES256 key made at start, its public half published as a JWKS
//! at `/demo/jwks.json`, and short-lived JWTs for the demo people, signed with it and verified
//! by the same code as a store's. The example shell logs in through it (`POST /demo/token`)
//! and its token provider refreshes before expiry, as a storefront's would. Only with demo
//! tokens on (`--no-demo-tokens` turns it off): it signs for anyone it is asked to.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use jsonwebtoken::{jwk::JwkSet, Algorithm, EncodingKey, Header};
use ring::{
    rand::SystemRandom,
    signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING},
};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::{
    jwks::Jwks,
    jwt::{JwtConfig, JwtVerifier, KeySource},
};

pub const ISSUER: &str = "inquiry-desk-demo";
pub const AUDIENCE: &str = "inquiry-desk";
/// How long a demo token lives.
pub const TOKEN_SECONDS: i64 = 600;

pub struct DemoIssuer {
    kid: String,
    signing: EncodingKey,
    jwks: Value,
    verifier: JwtVerifier,
}

impl DemoIssuer {
    /// A fresh key pair (tokens from an earlier run are refused: log in again).
    pub fn generate() -> Self {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .expect("P-256 key generation");
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .expect("a key just made");
        // The uncompressed point: 0x04 ‖ x ‖ y.
        let point = pair.public_key().as_ref();
        let kid = format!("demo-{}", &hex::encode(Sha256::digest(point))[..16]);
        let jwks = json!({"keys": [{
            "kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256", "kid": kid,
            "x": URL_SAFE_NO_PAD.encode(&point[1..33]),
            "y": URL_SAFE_NO_PAD.encode(&point[33..65]),
        }]});
        let set: JwkSet = serde_json::from_value(jwks.clone()).expect("a valid JWKS");
        let mut config = JwtConfig::new(KeySource::Jwks(Jwks::fixed(&set)));
        config.issuer = Some(ISSUER.to_owned());
        config.audience = Some(AUDIENCE.to_owned());
        Self {
            kid,
            signing: EncodingKey::from_ec_der(pkcs8.as_ref()),
            jwks,
            verifier: JwtVerifier::new(config),
        }
    }

    pub fn owns(&self, kid: &str) -> bool {
        kid == self.kid
    }

    pub fn verifier(&self) -> &JwtVerifier {
        &self.verifier
    }

    /// The public key set, as `/demo/jwks.json` serves it.
    pub fn jwks(&self) -> &Value {
        &self.jwks
    }

    /// A token for `subject` (with `roles`), valid for [`TOKEN_SECONDS`].
    pub fn issue(&self, subject: &str, name: &str, roles: &[&str]) -> String {
        let now = chrono::Utc::now().timestamp();
        let claims = json!({
            "iss": ISSUER, "aud": AUDIENCE, "sub": subject, "name": name, "roles": roles,
            "iat": now, "nbf": now, "exp": now + TOKEN_SECONDS,
        });
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, &claims, &self.signing).expect("signing with our key")
    }
}
