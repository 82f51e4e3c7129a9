//! A JWKS: the store's public keys, fetched from its URL, kept in memory and fetched again when
//! a token names a key id not in the set — at most once a minute, so a key rotation at the
//! store needs no restart here and a flood of made-up key ids costs the store one request a
//! minute. A fixed set (the demo's) is never fetched.

use std::{
    collections::HashMap,
    sync::RwLock,
    time::{Duration, Instant},
};

use jsonwebtoken::{
    jwk::{AlgorithmParameters, EllipticCurve, JwkSet, KeyAlgorithm},
    Algorithm, DecodingKey,
};

use super::TokenProblem;

/// The least time between two fetches.
pub const REFETCH_AFTER: Duration = Duration::from_secs(60);

#[derive(Default)]
struct Keys {
    by_kid: HashMap<String, (DecodingKey, Algorithm)>,
    /// Keys without an id (a set of one, usually).
    anonymous: Vec<(DecodingKey, Algorithm)>,
}

pub struct Jwks {
    /// Where the set is fetched from, and the client that fetches it; `None` for a fixed set.
    remote: Option<(String, reqwest::Client)>,
    /// The least time between two fetches ([`REFETCH_AFTER`] unless a test shortens it).
    refetch_after: Duration,
    keys: RwLock<Keys>,
    /// When the set was last fetched; held while fetching, so one fetch runs at a time.
    fetched: tokio::sync::Mutex<Option<Instant>>,
}

impl Jwks {
    /// Keys fetched from `url` (on first use, then on an unknown key id).
    pub fn remote(url: &str) -> Result<Self, String> {
        Self::remote_with(url, REFETCH_AFTER)
    }

    /// [`Jwks::remote`] fetching again at most every `refetch_after`.
    pub fn remote_with(url: &str, refetch_after: Duration) -> Result<Self, String> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .build()
            .map_err(|e| format!("JWKS client: {e}"))?;
        Ok(Self {
            remote: Some((url.to_owned(), client)),
            refetch_after,
            keys: RwLock::new(Keys::default()),
            fetched: tokio::sync::Mutex::new(None),
        })
    }

    /// A fixed set.
    pub fn fixed(set: &JwkSet) -> Self {
        Self {
            remote: None,
            refetch_after: REFETCH_AFTER,
            keys: RwLock::new(parse(set)),
            fetched: tokio::sync::Mutex::new(None),
        }
    }

    pub fn describe(&self) -> String {
        match &self.remote {
            Some((url, _)) => url.clone(),
            None => "a fixed key set".to_owned(),
        }
    }

    fn lookup(&self, kid: Option<&str>, alg: Algorithm) -> Option<(DecodingKey, Algorithm)> {
        let keys = self.keys.read().expect("jwks");
        let found = match kid {
            Some(kid) => keys.by_kid.get(kid).cloned(),
            None if keys.anonymous.len() + keys.by_kid.len() == 1 => keys
                .anonymous
                .first()
                .or_else(|| keys.by_kid.values().next())
                .cloned(),
            None => None,
        };
        found.filter(|(_, a)| *a == alg)
    }

    /// The key for a token's `kid` and `alg`, fetching the set again if it is not known.
    pub async fn key(
        &self,
        kid: Option<&str>,
        alg: Algorithm,
    ) -> Result<(DecodingKey, Algorithm), TokenProblem> {
        if let Some(found) = self.lookup(kid, alg) {
            return Ok(found);
        }
        let Some((url, client)) = &self.remote else {
            return Err(TokenProblem::BadSignature);
        };
        let mut fetched = self.fetched.lock().await;
        // Another request may have fetched while this one waited.
        if let Some(found) = self.lookup(kid, alg) {
            return Ok(found);
        }
        if fetched.is_some_and(|at| at.elapsed() < self.refetch_after) {
            return Err(TokenProblem::BadSignature);
        }
        *fetched = Some(Instant::now());
        match fetch(client, url).await {
            Ok(set) => {
                let keys = parse(&set);
                tracing::info!(
                    url,
                    keys = keys.by_kid.len() + keys.anonymous.len(),
                    "JWKS fetched"
                );
                *self.keys.write().expect("jwks") = keys;
            }
            Err(e) => {
                tracing::warn!(url, error = %e, "JWKS fetch failed");
                let empty = {
                    let k = self.keys.read().expect("jwks");
                    k.by_kid.is_empty() && k.anonymous.is_empty()
                };
                // Retry sooner when there is nothing to verify with at all.
                if empty {
                    *fetched = None;
                    return Err(TokenProblem::KeysUnavailable);
                }
            }
        }
        self.lookup(kid, alg).ok_or(TokenProblem::BadSignature)
    }
}

/// The set at `url`.
async fn fetch(client: &reqwest::Client, url: &str) -> Result<JwkSet, String> {
    let response = client.get(url).send().await.map_err(|e| e.to_string())?;
    if !response.status().is_success() {
        return Err(format!("status {}", response.status()));
    }
    response.json::<JwkSet>().await.map_err(|e| e.to_string())
}

/// The set's signing keys this server accepts (RS256, ES256 on P-256); others are skipped.
fn parse(set: &JwkSet) -> Keys {
    let mut keys = Keys::default();
    for jwk in &set.keys {
        let alg = match (&jwk.algorithm, jwk.common.key_algorithm) {
            (_, Some(KeyAlgorithm::RS256)) => Algorithm::RS256,
            (_, Some(KeyAlgorithm::ES256)) => Algorithm::ES256,
            (_, Some(_)) => continue,
            (AlgorithmParameters::RSA(_), None) => Algorithm::RS256,
            (AlgorithmParameters::EllipticCurve(ec), None) if ec.curve == EllipticCurve::P256 => {
                Algorithm::ES256
            }
            _ => continue,
        };
        let Ok(key) = DecodingKey::from_jwk(jwk) else {
            continue;
        };
        match &jwk.common.key_id {
            Some(kid) => {
                keys.by_kid.insert(kid.clone(), (key, alg));
            }
            None => keys.anonymous.push((key, alg)),
        }
    }
    keys
}
