//! Runtime configuration and the limits every client must show before the customer types.

use std::path::PathBuf;

use chrono::FixedOffset;

/// Limits enforced by the server and published by `getQuestionInit` so the SPA can state them up front.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Maximum title length in characters (Unicode scalar values), after trimming.
    pub title_max_chars: usize,
    /// Maximum content length in characters, after trimming.
    pub content_max_chars: usize,
    /// Maximum number of photos on one inquiry (kept + new on modify).
    pub max_photos: usize,
    /// Maximum bytes of one photo.
    pub max_photo_bytes: usize,
    /// Maximum pixels (width × height) of one photo: a small file can decode to gigabytes.
    pub max_photo_pixels: u64,
    /// Maximum span between `startDt` and `endDt`, in days.
    pub max_period_days: i64,
    /// Maximum `pageSize` of every paged operation.
    pub max_page_size: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            title_max_chars: 50,
            content_max_chars: 2000,
            max_photos: 5,
            max_photo_bytes: 10 * 1024 * 1024,
            // 40 MP: a 48 MP phone sensor writes 24 MP photos by default.
            max_photo_pixels: 40_000_000,
            max_period_days: 366,
            max_page_size: 30,
        }
    }
}

impl Limits {
    /// Largest request body accepted: every photo at its maximum plus room for the text fields and
    /// multipart framing. Anything bigger is answered with 413 before it is read.
    pub fn max_body_bytes(&self) -> usize {
        self.max_photos * self.max_photo_bytes + 1024 * 1024
    }
}

/// Image types accepted for photos, as sniffed from the bytes (never from the name or Content-Type).
pub const ACCEPTED_IMAGE_TYPES: &[&str] = &["image/jpeg", "image/png", "image/gif", "image/webp"];

/// Which browser origins may call the API.
#[derive(Debug, Clone, Default)]
pub enum CorsPolicy {
    /// `http(s)://127.0.0.1:*`, `http(s)://localhost:*` and `http(s)://[::1]:*` — the default, so that
    /// wasm-bindgen-test pages served from another port can reach a local server.
    #[default]
    Loopback,
    /// Exactly these origins (e.g. `https://shop.example.com`).
    List(Vec<String>),
}

#[derive(Debug, Clone)]
pub struct Config {
    /// Directory of the local photo store (photos and goods images) when no `--photo-store`
    /// names another.
    pub data_dir: PathBuf,
    /// Built SPA to serve at `/` (with index.html fallback for client routes).
    pub static_dir: Option<PathBuf>,
    pub cors: CorsPolicy,
    pub limits: Limits,
    /// The storefront's time zone: period filters (`startDt`/`endDt`) are calendar dates there, and
    /// timestamps are returned with this offset. Korea has no DST, so a fixed offset is exact.
    pub store_offset: FixedOffset,
    /// Answer notifications: the sender of each channel and the retry policy.
    pub notify: NotifyConfig,
    /// Built console app to serve at `/console/`.
    pub console_dir: Option<PathBuf>,
    /// How long a seller has to answer or confirm a transfer before it closes.
    pub transfer_deadline: chrono::Duration,
    /// How long an `Idempotency-Key` is remembered: a retry within it replays the registration;
    /// after it, the key is free again.
    pub idempotency_ttl: chrono::Duration,
    /// Per-member limits on writes and photo downloads.
    pub rate_limits: crate::throttle::RateLimits,
    /// Serve `/metrics` on this address instead of the API's (a port only the scraper reaches).
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// The integration API's credential; `None` turns that API off.
    pub integration_key: Option<Secret>,
    /// Whose tokens are trusted: the store's (JWKS or HS256) and the demo's.
    pub identity: std::sync::Arc<crate::identity::Identity>,
    /// How long records are kept, and when the purge runs.
    pub retention: crate::retention::Policy,
    /// The request header that carries the client's address when a proxy or load balancer
    /// fronts the server (its rightmost value: the one the proxy added); the peer's address
    /// otherwise.
    pub client_ip_header: Option<axum::http::HeaderName>,
    /// The monthly review flags a person with more detail views than this on one day.
    pub review_daily_views: u64,
    /// Working hours, holidays and closure days: answer deadlines in business days.
    pub calendar: crate::calendar::BusinessCalendar,
}

/// How answer notifications are delivered.
#[derive(Debug, Clone, Default)]
pub struct NotifyConfig {
    pub senders: crate::notify::Senders,
    pub retry: crate::notify::RetryPolicy,
}

impl Config {
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            static_dir: None,
            cors: CorsPolicy::default(),
            limits: Limits::default(),
            store_offset: kst(),
            notify: NotifyConfig::default(),
            console_dir: None,
            transfer_deadline: chrono::Duration::hours(24),
            idempotency_ttl: chrono::Duration::hours(24),
            rate_limits: crate::throttle::RateLimits::NONE,
            integration_key: None,
            metrics_addr: None,
            retention: crate::retention::Policy::default(),
            client_ip_header: None,
            review_daily_views: 200,
            calendar: crate::calendar::BusinessCalendar::korean(kst()),
            identity: std::sync::Arc::new(crate::identity::Identity::demo_only()),
        }
    }
}

/// The store's time zone as `getQuestionInit` publishes it: an IANA name for KST, otherwise
/// the offset (`+08:00`), which browsers' `Intl` also accepts.
pub fn store_time_zone(offset: FixedOffset) -> String {
    if offset == kst() {
        "Asia/Seoul".to_owned()
    } else {
        offset.to_string()
    }
}

/// Korea Standard Time, UTC+09:00.
pub fn kst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).expect("valid offset")
}

/// A credential from the command line or the environment: never in logs or Debug output.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself, for the one place that must use it (never to print).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this secret, in time that does not depend on where they differ.
    pub fn matches(&self, given: &str) -> bool {
        use sha2::{Digest, Sha256};
        let (a, b) = (
            Sha256::digest(self.0.as_bytes()),
            Sha256::digest(given.as_bytes()),
        );
        a.iter()
            .zip(b.iter())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
    }
}

/// From the command line or the environment (`--jwt-secret`, `--integration-key`).
impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self::new(s))
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::Secret;

    #[test]
    fn a_secret_matches_only_itself_and_never_prints() {
        let s: Secret = "integration-key-123".parse().unwrap();
        assert!(s.matches("integration-key-123"));
        assert!(!s.matches("integration-key-124") && !s.matches(""));
        assert_eq!(format!("{s:?}"), "Secret(<redacted>)");
        assert!(!format!("{:?}", Some(s)).contains("integration-key"));
    }
}
