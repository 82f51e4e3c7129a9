//! Dates as each locale writes them, in the customer's time zone.
//!
//! The patterns are written here rather than asked of `Intl.DateTimeFormat`: the first
//! `DateTimeFormat` a page builds loads the browser's calendar data, which measured 65–115 ms
//! of main thread on a desktop (four times that on a phone) and sat between the list's data and
//! its first paint. Wall-clock time comes from arithmetic for the browser's own zone and for
//! zones without daylight saving; only other IANA zones ask `Intl` (see `intl.rs`).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, Timelike, Utc};

use super::{intl, Locale};

/// Zones whose offset does not change during the year: computed without `Intl`.
const FIXED_ZONES: &[(&str, i32)] = &[
    ("Asia/Seoul", 9 * 3600),
    ("Asia/Tokyo", 9 * 3600),
    ("Asia/Taipei", 8 * 3600),
    ("Asia/Shanghai", 8 * 3600),
    ("Asia/Hong_Kong", 8 * 3600),
    ("Asia/Singapore", 8 * 3600),
    ("UTC", 0),
    ("Etc/UTC", 0),
];

/// The offset of a zone that never changes it: a name in [`FIXED_ZONES`] or `+HH:MM`/`-HH:MM`
/// (what the API sends for a store outside KST).
pub(super) fn fixed_offset(zone: &str) -> Option<FixedOffset> {
    if let Some(&(_, secs)) = FIXED_ZONES.iter().find(|(name, _)| *name == zone) {
        return FixedOffset::east_opt(secs);
    }
    let b = zone.as_bytes();
    if b.len() != 6 || b[3] != b':' || !b[1..3].iter().chain(&b[4..6]).all(u8::is_ascii_digit) {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let n = |i: usize| i32::from(b[i] - b'0') * 10 + i32::from(b[i + 1] - b'0');
    let (h, m) = (n(1), n(4));
    (m < 60)
        .then(|| FixedOffset::east_opt(sign * (h * 3600 + m * 60)))
        .flatten()
}

/// What a wall clock in `zone` (`None`: the browser's own) showed at instant `t`.
pub(super) fn wall_time(zone: Option<&str>, t: &DateTime<FixedOffset>) -> NaiveDateTime {
    match zone {
        None => intl::local_wall_time(t),
        Some(z) => match fixed_offset(z) {
            Some(offset) => t.with_timezone(&offset).naive_local(),
            None => intl::zone_wall_time(z, t).unwrap_or_else(|| t.naive_local()),
        },
    }
}

/// Today's date in `zone` (`None`: the browser's own).
pub(super) fn today(zone: Option<&str>) -> NaiveDate {
    match zone {
        None => intl::local_today(),
        Some(z) => match fixed_offset(z) {
            Some(offset) => crate::domain::period::today_at(Utc::now(), offset),
            None => intl::zone_today(z),
        },
    }
}

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The locale's medium date (`2026. 11. 20.`, `Nov 20, 2026`, `2026年11月20日`) and, with
/// `with_time`, its short time (`오후 3:04`, `3:04 PM`, `下午3:04`), as browsers write them.
pub(super) fn write(locale: Locale, t: NaiveDateTime, with_time: bool) -> String {
    let (y, m, d) = (t.year(), t.month(), t.day());
    let (h, min) = (t.hour(), t.minute());
    let h12 = match h % 12 {
        0 => 12,
        x => x,
    };
    let am = h < 12;
    match (locale, with_time) {
        (Locale::Ko, false) => format!("{y}. {m}. {d}."),
        (Locale::Ko, true) => {
            let half = if am { "오전" } else { "오후" };
            format!("{y}. {m}. {d}. {half} {h12}:{min:02}")
        }
        (Locale::En, false) => format!("{} {d}, {y}", EN_MONTHS[m as usize - 1]),
        (Locale::En, true) => {
            let half = if am { "AM" } else { "PM" };
            format!(
                "{} {d}, {y}, {h12}:{min:02} {half}",
                EN_MONTHS[m as usize - 1]
            )
        }
        (Locale::ZhTw, false) => format!("{y}年{m}月{d}日"),
        (Locale::ZhTw, true) => {
            let half = if am { "上午" } else { "下午" };
            format!("{y}年{m}月{d}日 {half}{h12}:{min:02}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn each_locale_writes_dates_and_times_its_own_way() {
        let afternoon = at("2026-11-05 15:04");
        assert_eq!(write(Locale::Ko, afternoon, false), "2026. 11. 5.");
        assert_eq!(write(Locale::Ko, afternoon, true), "2026. 11. 5. 오후 3:04");
        assert_eq!(write(Locale::En, afternoon, false), "Nov 5, 2026");
        assert_eq!(write(Locale::En, afternoon, true), "Nov 5, 2026, 3:04 PM");
        assert_eq!(write(Locale::ZhTw, afternoon, false), "2026年11月5日");
        assert_eq!(
            write(Locale::ZhTw, afternoon, true),
            "2026年11月5日 下午3:04"
        );
        // Midnight and noon are 12 on a 12-hour clock.
        assert_eq!(
            write(Locale::Ko, at("2026-01-01 00:07"), true),
            "2026. 1. 1. 오전 12:07"
        );
        assert_eq!(
            write(Locale::En, at("2026-01-01 12:00"), true),
            "Jan 1, 2026, 12:00 PM"
        );
    }

    #[test]
    fn fixed_zones_and_offsets_convert_without_the_browser() {
        let t = DateTime::parse_from_rfc3339("2026-11-22T23:30:00+00:00").unwrap();
        assert_eq!(wall_time(Some("Asia/Seoul"), &t), at("2026-11-23 08:30"));
        assert_eq!(wall_time(Some("+05:30"), &t), at("2026-11-23 05:00"));
        assert_eq!(wall_time(Some("-03:00"), &t), at("2026-11-22 20:30"));
        assert_eq!(fixed_offset("Asia/Taipei"), FixedOffset::east_opt(8 * 3600));
        for not_fixed in ["America/New_York", "+9:00", "+09:60", "09:00", ""] {
            assert_eq!(fixed_offset(not_fixed), None, "{not_fixed}");
        }
    }
}
