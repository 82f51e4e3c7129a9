//! What only the browser knows: its own time zone's offset at an instant, and the wall-clock
//! time of IANA zones with daylight saving (through `Intl.DateTimeFormat`, built lazily and
//! once per zone, because the first one a page builds is expensive). Native builds (unit tests)
//! use the machine's zone.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use chrono::Duration;
    use js_sys::{Array, Date, Function, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::{JsCast, JsValue};

    thread_local! {
        /// `format` functions already built, by zone.
        static FORMATTERS: RefCell<Vec<(String, Function)>> = const { RefCell::new(Vec::new()) };
    }

    /// `new Intl.DateTimeFormat("en-CA", {…numeric parts, 24 h…, timeZone}).format`, built
    /// once per zone; `Err` for an unknown zone (the constructor throws a RangeError, which must
    /// not become a panic).
    fn formatter(zone: &str) -> Result<Function, JsValue> {
        if let Some(f) =
            FORMATTERS.with_borrow(|c| c.iter().find(|(z, _)| z == zone).map(|(_, f)| f.clone()))
        {
            return Ok(f);
        }
        let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
        let ctor: Function = Reflect::get(&intl, &"DateTimeFormat".into())?.dyn_into()?;
        let opts = Object::new();
        for (k, v) in [
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
            ("timeZone", zone),
        ] {
            Reflect::set(&opts, &k.into(), &v.into())?;
        }
        let dtf = Reflect::construct(&ctor, &Array::of2(&"en-CA".into(), &opts))?;
        let format: Function = Reflect::get(&dtf, &"format".into())?.dyn_into()?;
        FORMATTERS.with_borrow_mut(|c| c.push((zone.to_owned(), format.clone())));
        Ok(format)
    }

    /// `2026-11-20, 15:04` → its five numbers.
    fn parse_parts(s: &str) -> Option<NaiveDateTime> {
        let mut n = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<u32>().ok());
        let (y, m, d, h, min) = (n.next()??, n.next()??, n.next()??, n.next()??, n.next()??);
        NaiveDate::from_ymd_opt(y as i32, m, d)?.and_hms_opt(h % 24, min, 0)
    }

    fn wall_at(zone: &str, millis: f64) -> Option<NaiveDateTime> {
        let date = Date::new(&JsValue::from_f64(millis));
        formatter(zone)
            .and_then(|f| f.call1(&JsValue::UNDEFINED, &date))
            .ok()?
            .as_string()
            .and_then(|s| parse_parts(&s))
    }

    pub fn zone_wall_time(zone: &str, t: &DateTime<FixedOffset>) -> Option<NaiveDateTime> {
        wall_at(zone, t.timestamp_millis() as f64)
    }

    pub fn zone_today(zone: &str) -> NaiveDate {
        wall_at(zone, Date::now())
            .map(|t| t.date())
            .unwrap_or_else(local_today)
    }

    pub fn local_wall_time(t: &DateTime<FixedOffset>) -> NaiveDateTime {
        let date = Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
        // Minutes *behind* UTC at that instant (daylight saving included).
        t.naive_utc() - Duration::minutes(date.get_timezone_offset() as i64)
    }

    pub fn local_today() -> NaiveDate {
        let now = Date::new_0();
        NaiveDate::from_ymd_opt(
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        )
        .unwrap_or(NaiveDate::MIN)
    }

    pub fn valid_time_zone(zone: &str) -> bool {
        formatter(zone).is_ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use chrono::Local;

    pub fn zone_wall_time(_zone: &str, t: &DateTime<FixedOffset>) -> Option<NaiveDateTime> {
        Some(local_wall_time(t))
    }

    pub fn zone_today(_zone: &str) -> NaiveDate {
        local_today()
    }

    pub fn local_wall_time(t: &DateTime<FixedOffset>) -> NaiveDateTime {
        t.with_timezone(&Local).naive_local()
    }

    pub fn local_today() -> NaiveDate {
        Local::now().date_naive()
    }

    pub fn valid_time_zone(zone: &str) -> bool {
        !zone.trim().is_empty()
    }
}

pub(super) use imp::{local_today, local_wall_time, zone_today, zone_wall_time};

/// Whether the IANA time zone `zone` (e.g. `Asia/Seoul`) or offset (`+09:00`) is known.
pub fn valid_time_zone(zone: &str) -> bool {
    super::dates::fixed_offset(zone).is_some() || imp::valid_time_zone(zone)
}
