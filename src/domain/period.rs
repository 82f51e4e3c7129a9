//! Inquiry periods: presets relative to the customer's today, and the range rules the server
//! also enforces (start ≤ end, no future end, span ≤ the published maximum).

use chrono::{DateTime, Days, FixedOffset, Months, NaiveDate, TimeZone, Utc};

/// Quick period choices of the list page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    Week,
    Month,
    ThreeMonths,
    SixMonths,
    Year,
}

impl Preset {
    pub const ALL: [Preset; 5] = [
        Preset::Week,
        Preset::Month,
        Preset::ThreeMonths,
        Preset::SixMonths,
        Preset::Year,
    ];

    /// The period ending today (inclusive) that the preset stands for. Months are calendar
    /// months, clamped at month ends (a month before 31 March is 28/29 February).
    pub fn period(self, today: NaiveDate) -> Period {
        let start = match self {
            Preset::Week => today.checked_sub_days(Days::new(7)),
            Preset::Month => today.checked_sub_months(Months::new(1)),
            Preset::ThreeMonths => today.checked_sub_months(Months::new(3)),
            Preset::SixMonths => today.checked_sub_months(Months::new(6)),
            Preset::Year => today.checked_sub_months(Months::new(12)),
        }
        .unwrap_or(today);
        Period { start, end: today }
    }

    /// Stable key used in the SPA's own URLs (`?period=3m`).
    pub fn key(self) -> &'static str {
        match self {
            Preset::Week => "1w",
            Preset::Month => "1m",
            Preset::ThreeMonths => "3m",
            Preset::SixMonths => "6m",
            Preset::Year => "1y",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// An inclusive range of calendar days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// A rule a custom range breaks. Same rules, same order as the server's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodError {
    /// A date is missing or not a date.
    Missing,
    StartAfterEnd,
    EndInFuture,
    TooLong {
        max_days: i64,
        days: i64,
    },
}

impl Period {
    /// Span in days as the server counts it (end − start).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days()
    }

    /// Validates a range the customer typed, against their today and the published maximum.
    pub fn validate(&self, today: NaiveDate, max_days: i64) -> Result<(), PeriodError> {
        if self.start > self.end {
            return Err(PeriodError::StartAfterEnd);
        }
        if self.end > today {
            return Err(PeriodError::EndInFuture);
        }
        if self.days() > max_days {
            return Err(PeriodError::TooLong {
                max_days,
                days: self.days(),
            });
        }
        Ok(())
    }

    /// Parses two `yyyy-MM-dd` strings (what `<input type="date">` gives) and validates them.
    pub fn parse(
        start: &str,
        end: &str,
        today: NaiveDate,
        max_days: i64,
    ) -> Result<Period, PeriodError> {
        let (Some(start), Some(end)) = (parse_date(start), parse_date(end)) else {
            return Err(PeriodError::Missing);
        };
        let p = Period { start, end };
        p.validate(today, max_days).map(|_| p)
    }
}

/// A `yyyy-MM-dd` date (what `<input type="date">`, the URL and `Intl`'s `en-CA` give), read
/// without chrono's format-string parser, which would add its whole machinery to the wasm.
/// Surrounding whitespace is ignored; month and day may have one digit.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.trim().split('-');
    let mut number = |digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        let p = parts.next()?;
        (digits.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (y, m, d) = (number(4..=4)?, number(1..=2)?, number(1..=2)?);
    if parts.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// The calendar date at instant `now` in a zone `offset` east of UTC. The browser passes its
/// own offset, so "today" is the customer's today, not the server's.
pub fn today_at(now: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    offset.from_utc_datetime(&now.naive_utc()).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn dates_are_read_as_yyyy_mm_dd_only() {
        assert_eq!(
            parse_date(" 2026-11-02 "),
            NaiveDate::from_ymd_opt(2026, 11, 2)
        );
        assert_eq!(parse_date("2026-1-5"), NaiveDate::from_ymd_opt(2026, 1, 5));
        for bad in [
            "",
            "2026-11",
            "2026-11-22-1",
            "26-11-22",
            "2026-13-01",
            "2026-02-30",
            "2026-+1-01",
            "2026-11-22T00:00",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn presets_end_today_and_go_back_by_calendar() {
        let today = d("2026-11-22");
        let starts: Vec<_> = Preset::ALL.iter().map(|p| p.period(today).start).collect();
        assert_eq!(
            starts,
            [
                d("2026-11-15"),
                d("2026-10-22"),
                d("2026-08-22"),
                d("2026-05-22"),
                d("2025-11-22")
            ]
        );
        assert!(Preset::ALL.iter().all(|p| p.period(today).end == today));
    }

    #[test]
    fn month_presets_clamp_at_month_end() {
        assert_eq!(Preset::Month.period(d("2026-03-31")).start, d("2026-02-28"));
        assert_eq!(Preset::Year.period(d("2028-02-29")).start, d("2027-02-28"));
    }

    #[test]
    fn every_preset_satisfies_the_server_limit() {
        // Including a year that spans a leap day.
        for today in [d("2026-11-22"), d("2028-03-01"), d("2028-02-29")] {
            for p in Preset::ALL {
                assert_eq!(
                    p.period(today).validate(today, 366),
                    Ok(()),
                    "{p:?} {today}"
                );
            }
        }
    }

    #[test]
    fn custom_range_rules() {
        let today = d("2026-11-22");
        assert_eq!(
            Period::parse("2026-11-01", "2026-11-22", today, 366).map(|p| p.days()),
            Ok(21)
        );
        assert_eq!(
            Period::parse("2026-11-22", "2026-11-01", today, 366),
            Err(PeriodError::StartAfterEnd)
        );
        assert_eq!(
            Period::parse("2026-11-01", "2026-11-23", today, 366),
            Err(PeriodError::EndInFuture)
        );
        assert_eq!(
            Period::parse("2025-01-01", "2026-11-22", today, 366),
            Err(PeriodError::TooLong {
                max_days: 366,
                days: 690
            })
        );
        assert_eq!(
            Period::parse("", "2026-11-22", today, 366),
            Err(PeriodError::Missing)
        );
        assert_eq!(
            Period::parse("2026-13-01", "2026-11-22", today, 366),
            Err(PeriodError::Missing)
        );
    }

    #[test]
    fn today_depends_on_the_customers_zone() {
        // 2026-11-22 15:30 UTC is already the 23rd in Seoul (+9), still the 22nd in Taipei (+8)
        // and New York (−5): presets follow the customer's calendar, not the server's.
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 15, 30, 0).unwrap();
        let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
        let taipei = FixedOffset::east_opt(8 * 3600).unwrap();
        let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(today_at(now, seoul), d("2026-11-23"));
        assert_eq!(today_at(now, taipei), d("2026-11-22"));
        assert_eq!(today_at(now, new_york), d("2026-11-22"));
        assert_eq!(
            Preset::Week.period(today_at(now, seoul)).start,
            d("2026-11-16")
        );
    }
}
