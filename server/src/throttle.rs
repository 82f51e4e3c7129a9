//! Per-member rate limits on what a script with a member's token could repeat cheaply:
//! writes (register, modify, delete) and photo downloads. Token buckets per member (governor):
//! a limit per minute, which is also the burst. Over it, the request is 429 with `Retry-After`
//! and the seconds in the envelope's payload; nothing was done.
//!
//! With several instances (PostgreSQL) the in-memory buckets are each instance's first shield,
//! and the limit that holds is the shared one: the same cell rate kept in the database
//! (`Tx::charge_rate`), so a member gets the limit once, not once per instance.

use std::num::NonZeroU32;

use governor::{
    clock::{Clock, DefaultClock},
    DefaultKeyedRateLimiter, Quota, RateLimiter,
};

use crate::{
    error::ApiError,
    store::{RateCharge, Store},
};

/// The limits, per member and minute; `None` is unlimited (load tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    pub writes_per_minute: Option<NonZeroU32>,
    pub photo_downloads_per_minute: Option<NonZeroU32>,
}

impl RateLimits {
    /// No limits: what `Config::new` starts from (tests and embedders set their own).
    pub const NONE: Self = Self {
        writes_per_minute: None,
        photo_downloads_per_minute: None,
    };
    /// The server's defaults (`--writes-per-minute`, `--photo-downloads-per-minute`): a
    /// customer registers, edits or deletes a few times a minute at most; a detail page
    /// downloads up to five photos, and again on revisits.
    pub const DEFAULT_WRITES_PER_MINUTE: u32 = 12;
    pub const DEFAULT_PHOTO_DOWNLOADS_PER_MINUTE: u32 = 120;
}

/// What a request counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Write,
    PhotoDownload,
}

/// The buckets of every member seen recently.
pub struct Throttle {
    writes: Option<DefaultKeyedRateLimiter<String>>,
    photos: Option<DefaultKeyedRateLimiter<String>>,
    clock: DefaultClock,
    limits: RateLimits,
    /// The buckets every instance shares, when there can be several.
    shared: Option<Store>,
}

/// Buckets kept before the idle (full) ones are dropped.
const PRUNE_ABOVE: usize = 10_000;

impl Throttle {
    pub fn new(limits: &RateLimits) -> Self {
        let keyed = |n: Option<NonZeroU32>| n.map(|n| RateLimiter::keyed(Quota::per_minute(n)));
        Self {
            writes: keyed(limits.writes_per_minute),
            photos: keyed(limits.photo_downloads_per_minute),
            clock: DefaultClock::default(),
            limits: *limits,
            shared: None,
        }
    }

    /// Also holds the limits in `store`, shared by every instance that uses it.
    pub fn shared(limits: &RateLimits, store: Store) -> Self {
        Self {
            shared: Some(store),
            ..Self::new(limits)
        }
    }

    /// Counts one request of `kind` by `member` here and, with a shared store, across every
    /// instance; over either limit, the 429 to answer.
    pub async fn check(&self, kind: Kind, member: &str) -> Result<(), ApiError> {
        self.check_local(kind, member)?;
        let (Some(store), Some(per_minute)) = (&self.shared, self.per_minute(kind)) else {
            return Ok(());
        };
        let bucket = format!(
            "{}:{member}",
            match kind {
                Kind::Write => "W",
                Kind::PhotoDownload => "P",
            }
        );
        let waited = store
            .write(move |tx| {
                tx.charge_rate(&RateCharge {
                    bucket: &bucket,
                    now_ms: None,
                    per_minute: per_minute.get(),
                })
            })
            .await?;
        waited.map_err(|wait_ms| ApiError::TooManyRequests {
            retry_after_secs: (wait_ms as u64).div_ceil(1000).max(1),
        })
    }

    fn per_minute(&self, kind: Kind) -> Option<NonZeroU32> {
        match kind {
            Kind::Write => self.limits.writes_per_minute,
            Kind::PhotoDownload => self.limits.photo_downloads_per_minute,
        }
    }

    /// Counts one request of `kind` by `member` in this instance's buckets.
    pub fn check_local(&self, kind: Kind, member: &str) -> Result<(), ApiError> {
        let limiter = match kind {
            Kind::Write => &self.writes,
            Kind::PhotoDownload => &self.photos,
        };
        let Some(limiter) = limiter else {
            return Ok(());
        };
        if limiter.len() > PRUNE_ABOVE {
            limiter.retain_recent();
        }
        limiter.check_key(&member.to_owned()).map_err(|not_until| {
            let wait = not_until.wait_time_from(self.clock.now());
            ApiError::TooManyRequests {
                retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_over_the_limit_waits_and_others_do_not() {
        let t = Throttle::new(&RateLimits {
            writes_per_minute: NonZeroU32::new(2),
            photo_downloads_per_minute: None,
        });
        assert!(t.check_local(Kind::Write, "M1").is_ok());
        assert!(t.check_local(Kind::Write, "M1").is_ok());
        match t.check_local(Kind::Write, "M1") {
            Err(ApiError::TooManyRequests { retry_after_secs }) => {
                assert!((1..=30).contains(&retry_after_secs), "{retry_after_secs}")
            }
            other => panic!("{other:?}"),
        }
        assert!(t.check_local(Kind::Write, "M2").is_ok(), "per member");
        for _ in 0..100 {
            assert!(
                t.check_local(Kind::PhotoDownload, "M1").is_ok(),
                "unlimited"
            );
        }
    }
}
