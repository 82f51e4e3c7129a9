//! The store's business calendar: when an answer is due, in business days, and how much
//! business time something took.
//!
//! A business day is a weekday that is neither a Korean public holiday (`data/holidays-kr.txt`,
//! built in; an updated copy with `--holidays FILE`) nor one of the store's closure days
//! (`--closed-days FILE`, same format), between its working hours (`--working-hours 09:00-18:00`)
//! in the store's time zone. "N 영업일" is N working days of business time: an inquiry
//! received on Friday at 15:00 with a 1-day target is due on Monday at 15:00; one received on
//! Saturday is due at the end of Monday.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday,
};

/// The business calendar's flags (`serve`).
#[derive(Debug, Clone, clap::Args)]
pub struct CalendarArgs {
    /// Public holidays, one `YYYY-MM-DD name` per line, instead of the built-in Korean list
    /// (server/data/holidays-kr.txt): update it when the year's holidays are announced.
    #[arg(long, env = "INQUIRY_HOLIDAYS")]
    pub holidays: Option<std::path::PathBuf>,
    /// The store's own closure days (same format), on top of the holidays.
    #[arg(long, env = "INQUIRY_CLOSED_DAYS")]
    pub closed_days: Option<std::path::PathBuf>,
    /// The desk's working hours on a business day, in the store's time zone.
    #[arg(long, env = "INQUIRY_WORKING_HOURS", default_value = "09:00-18:00")]
    pub working_hours: String,
}

impl CalendarArgs {
    pub fn calendar(&self, offset: FixedOffset) -> Result<BusinessCalendar, String> {
        let read = |flag: &str, p: &std::path::Path| {
            std::fs::read_to_string(p)
                .map_err(|e| format!("{flag} {}: {e}", p.display()))
                .and_then(|t| parse_days(&t).map_err(|e| format!("{flag} {}: {e}", p.display())))
        };
        let mut off = match &self.holidays {
            Some(p) => read("--holidays", p)?,
            None => parse_days(KOREAN_HOLIDAYS)?,
        };
        if let Some(p) = &self.closed_days {
            off.extend(read("--closed-days", p)?);
        }
        let hours = parse_hours(&self.working_hours).map_err(|e| format!("--working-hours {e}"))?;
        Ok(BusinessCalendar::new(offset, hours, off))
    }
}

/// The built-in Korean public holidays.
pub const KOREAN_HOLIDAYS: &str = include_str!("../data/holidays-kr.txt");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessCalendar {
    open: NaiveTime,
    close: NaiveTime,
    /// Holidays and closure days.
    off: BTreeSet<NaiveDate>,
    offset: FixedOffset,
}

/// Reads a days file: `YYYY-MM-DD name` per line; blank lines and `#` comments are skipped.
pub fn parse_days(text: &str) -> Result<Vec<NaiveDate>, String> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(n, l)| {
            let day = l.split_whitespace().next().unwrap_or_default();
            NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .map_err(|_| format!("line {n}: `{day}` is not a YYYY-MM-DD date"))
        })
        .collect()
}

/// `09:00-18:00` → (open, close); close must come after open.
pub fn parse_hours(text: &str) -> Result<(NaiveTime, NaiveTime), String> {
    let (a, b) = text
        .split_once('-')
        .ok_or_else(|| format!("`{text}`: working hours are HH:MM-HH:MM"))?;
    let t = |s: &str| {
        NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| format!("`{s}` is not HH:MM"))
    };
    let (open, close) = (t(a)?, t(b)?);
    if close <= open {
        return Err(format!("`{text}`: the day must end after it starts"));
    }
    Ok((open, close))
}

impl BusinessCalendar {
    pub fn new(
        offset: FixedOffset,
        (open, close): (NaiveTime, NaiveTime),
        off: impl IntoIterator<Item = NaiveDate>,
    ) -> Self {
        Self {
            open,
            close,
            off: off.into_iter().collect(),
            offset,
        }
    }

    /// 09:00–18:00 with the built-in Korean holidays.
    pub fn korean(offset: FixedOffset) -> Self {
        let hours = (
            NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
        );
        Self::new(
            offset,
            hours,
            parse_days(KOREAN_HOLIDAYS).unwrap_or_default(),
        )
    }

    /// The store's offset, which the calendar's days and hours are in.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    pub fn is_business_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !self.off.contains(&d)
    }

    fn day_length(&self) -> Duration {
        self.close - self.open
    }

    fn next_business_day(&self, mut d: NaiveDate) -> NaiveDate {
        loop {
            d = d.succ_opt().unwrap_or(d);
            if self.is_business_day(d) {
                return d;
            }
        }
    }

    /// The first business moment at or after `t` (local), and how much of its day is left.
    fn business_start(&self, t: NaiveDateTime) -> (NaiveDateTime, Duration) {
        let (d, time) = (t.date(), t.time());
        let start = if !self.is_business_day(d) || time >= self.close {
            self.next_business_day(d).and_time(self.open)
        } else if time < self.open {
            d.and_time(self.open)
        } else {
            t
        };
        (start, start.date().and_time(self.close) - start)
    }

    /// When `days` business days of business time have passed since `from`.
    pub fn due(&self, from: DateTime<Utc>, days: u32) -> DateTime<Utc> {
        let mut left = self.day_length() * days as i32;
        let (mut at, mut today) =
            self.business_start(from.with_timezone(&self.offset).naive_local());
        while left > today {
            left -= today;
            (at, today) =
                self.business_start(self.next_business_day(at.date()).and_time(self.open));
        }
        self.to_utc(at + left)
    }

    /// Business time between two instants (zero if `to` is not after `from`).
    pub fn business_time(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Duration {
        let end = to.with_timezone(&self.offset).naive_local();
        let (mut at, mut today) =
            self.business_start(from.with_timezone(&self.offset).naive_local());
        let mut total = Duration::zero();
        while at < end {
            let day_end = at + today;
            if end <= day_end {
                return total + (end - at);
            }
            total += today;
            (at, today) =
                self.business_start(self.next_business_day(at.date()).and_time(self.open));
        }
        total
    }

    fn to_utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        (local - self.offset).and_utc()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kst() -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap()
    }

    /// A KST wall time as UTC.
    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("{s}+09:00"))
            .unwrap()
            .with_timezone(&Utc)
    }

    fn cal() -> BusinessCalendar {
        BusinessCalendar::korean(kst())
    }

    #[test]
    fn within_a_business_day_the_clock_runs_nine_hours_a_day() {
        // Tuesday 2026-12-01, 10:00: due Wednesday 10:00; two days: Thursday 10:00.
        assert_eq!(
            cal().due(at("2026-12-01T10:00:00"), 1),
            at("2026-12-02T10:00:00")
        );
        assert_eq!(
            cal().due(at("2026-12-01T10:00:00"), 2),
            at("2026-12-03T10:00:00")
        );
        // Received at opening: due the same day at closing.
        assert_eq!(
            cal().due(at("2026-12-01T09:00:00"), 1),
            at("2026-12-01T18:00:00")
        );
        // Before opening counts from opening; after closing from the next morning.
        assert_eq!(
            cal().due(at("2026-12-01T07:30:00"), 1),
            at("2026-12-01T18:00:00")
        );
        assert_eq!(
            cal().due(at("2026-12-01T21:00:00"), 1),
            at("2026-12-02T18:00:00")
        );
    }

    #[test]
    fn a_weekend_is_skipped() {
        // Friday 2026-12-04 15:00 + 1 day: 3 hours on Friday, 6 on Monday → Monday 15:00.
        assert_eq!(
            cal().due(at("2026-12-04T15:00:00"), 1),
            at("2026-12-07T15:00:00")
        );
        // Saturday and Sunday: the clock starts on Monday morning.
        assert_eq!(
            cal().due(at("2026-12-05T11:00:00"), 1),
            at("2026-12-07T18:00:00")
        );
        assert_eq!(
            cal().due(at("2026-12-06T23:59:00"), 1),
            at("2026-12-07T18:00:00")
        );
    }

    #[test]
    fn holidays_and_their_substitutes_are_skipped() {
        // Thursday 2026-12-24 16:00: 2 hours on Thursday; Christmas (Friday) and the weekend
        // are off; 7 hours on Monday → 16:00.
        assert_eq!(
            cal().due(at("2026-12-24T16:00:00"), 1),
            at("2026-12-28T16:00:00")
        );
        // Chuseok 2026 (Thu 9/24 – Sat 9/26): Wednesday 9/23 17:00 + 1 day → Monday 9/28 17:00.
        assert_eq!(
            cal().due(at("2026-09-23T17:00:00"), 1),
            at("2026-09-28T17:00:00")
        );
        // 개천절 (Sat 10/3) is substituted on Monday 10/5: Friday 10/2 12:00 → Tuesday 10/6 12:00.
        assert_eq!(
            cal().due(at("2026-10-02T12:00:00"), 1),
            at("2026-10-06T12:00:00")
        );
    }

    #[test]
    fn store_closures_and_other_hours_are_the_operators() {
        let hours = parse_hours("10:00-17:00").unwrap();
        let closed = parse_days("# 재고조사\n2026-12-02 창고 재고조사\n").unwrap();
        let c = BusinessCalendar::new(kst(), hours, closed);
        // Tuesday 16:00: 1 hour on Tuesday, Wednesday closed, 6 hours on Thursday → 16:00.
        assert_eq!(
            c.due(at("2026-12-01T16:00:00"), 1),
            at("2026-12-03T16:00:00")
        );
        assert!(!c.is_business_day(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()));
    }

    #[test]
    fn business_time_counts_only_working_hours() {
        let c = cal();
        let h = |n| Duration::hours(n);
        assert_eq!(
            c.business_time(at("2026-12-01T10:00:00"), at("2026-12-01T13:00:00")),
            h(3)
        );
        // Friday 17:00 → Monday 10:00: one hour each side of the weekend.
        assert_eq!(
            c.business_time(at("2026-12-04T17:00:00"), at("2026-12-07T10:00:00")),
            h(2)
        );
        // Received on Saturday, answered on Saturday: no business time passed.
        assert_eq!(
            c.business_time(at("2026-12-05T10:00:00"), at("2026-12-05T15:00:00")),
            h(0)
        );
        assert_eq!(
            c.business_time(at("2026-12-03T10:00:00"), at("2026-12-01T10:00:00")),
            h(0)
        );
        // The due time is exactly N working days of business time away.
        let from = at("2026-12-24T16:00:00");
        assert_eq!(c.business_time(from, c.due(from, 2)), h(18));
    }

    #[test]
    fn the_files_say_what_is_wrong() {
        assert!(parse_days("2026-13-01 x").unwrap_err().contains("line 1"));
        assert!(parse_hours("18:00-09:00").is_err());
        assert!(parse_hours("9-18").is_err());
        assert!(parse_days(KOREAN_HOLIDAYS).unwrap().len() >= 40);
    }
}
