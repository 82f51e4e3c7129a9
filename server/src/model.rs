//! Domain vocabulary shared by the store and the API layer.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};

/// Inquiry status (x2bee common-code style codes; the names are what customers see).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 접수완료 — the customer may still modify or delete.
    Received,
    /// 처리중 — a counselor is working on it; locked for the customer.
    InProgress,
    /// 답변완료 — answered; locked for the customer.
    Answered,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Received, Status::InProgress, Status::Answered];

    pub fn code(self) -> &'static str {
        match self {
            Status::Received => "10",
            Status::InProgress => "20",
            Status::Answered => "30",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Received => "접수완료",
            Status::InProgress => "처리중",
            Status::Answered => "답변완료",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The one rule of the product: the customer may change an inquiry only while it is received.
    pub fn customer_may_change(self) -> bool {
        self == Status::Received
    }
}

/// Who wrote a reply in an inquiry's thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyAuthor {
    Counselor,
    Seller,
}

impl ReplyAuthor {
    pub fn code(self) -> &'static str {
        match self {
            ReplyAuthor::Counselor => "COUNSELOR",
            ReplyAuthor::Seller => "SELLER",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ReplyAuthor::Counselor => "상담원",
            ReplyAuthor::Seller => "판매자",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [ReplyAuthor::Counselor, ReplyAuthor::Seller]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// Timestamps are stored as UTC text in one fixed-width format so that they sort as strings.
pub fn db_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string()
}

pub fn now_db() -> String {
    db_time(Utc::now())
}

/// Stored UTC text → RFC 3339 in the storefront's offset, as returned on the wire.
pub fn wire_time(stored: &str, offset: FixedOffset) -> String {
    match DateTime::parse_from_rfc3339(stored) {
        Ok(t) => t
            .with_timezone(&offset)
            .to_rfc3339_opts(SecondsFormat::Secs, false),
        Err(_) => stored.to_owned(),
    }
}

/// Start of a calendar day in the storefront's zone, as stored UTC text (inclusive bound).
pub fn day_start_db(day: NaiveDate, offset: FixedOffset) -> String {
    let local = day.and_hms_opt(0, 0, 0).expect("midnight exists");
    let utc = local - chrono::Duration::seconds(offset.local_minus_utc() as i64);
    db_time(DateTime::from_naive_utc_and_offset(utc, Utc))
}

/// Today's date in the storefront's zone.
pub fn store_today(offset: FixedOffset) -> NaiveDate {
    Utc::now().with_timezone(&offset).date_naive()
}

/// The latest calendar date that has begun anywhere on Earth (UTC+14). An `endDt` after it is
/// in the future for every customer, whatever their time zone; one before it may be "today"
/// for a customer east of the storefront.
pub fn latest_today_on_earth() -> NaiveDate {
    let east = FixedOffset::east_opt(14 * 3600).expect("valid offset");
    Utc::now().with_timezone(&east).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::kst;

    #[test]
    fn status_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code("99"), None);
        assert!(Status::Received.customer_may_change());
        assert!(!Status::InProgress.customer_may_change());
        assert!(!Status::Answered.customer_may_change());
    }

    #[test]
    fn kst_day_start_is_previous_utc_evening() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(day_start_db(d, kst()), "2026-11-21T15:00:00.000Z");
        assert_eq!(
            wire_time("2026-11-21T15:00:00.000Z", kst()),
            "2026-11-22T00:00:00+09:00"
        );
    }
}
