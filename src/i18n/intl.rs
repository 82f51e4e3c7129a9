//! Dates through the browser's `Intl.DateTimeFormat`: it knows how each locale writes a date
//! and every IANA time zone, which no small Rust crate does. Native builds (unit tests) fall
//! back to chrono in the machine's zone.

use chrono::{DateTime, FixedOffset, NaiveDate};

#[derive(Debug, Clone, Copy)]
pub(super) enum Style {
    Date,
    DateTime,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// `new Intl.DateTimeFormat(locale, options)`; `Err` for an unknown locale or time zone
    /// (the constructor throws a RangeError, which must not become a panic).
    fn formatter(locale: &str, options: &[(&str, &str)]) -> Result<Function, JsValue> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into())?;
        let ctor: Function = Reflect::get(&intl, &"DateTimeFormat".into())?.dyn_into()?;
        let opts = Object::new();
        for (k, v) in options {
            Reflect::set(&opts, &(*k).into(), &(*v).into())?;
        }
        let args = Array::of2(&locale.into(), &opts);
        let dtf = Reflect::construct(&ctor, &args)?;
        Reflect::get(&dtf, &"format".into())?.dyn_into()
    }

    pub fn format(
        locale: &str,
        zone: Option<&str>,
        style: Style,
        t: &DateTime<FixedOffset>,
    ) -> String {
        let mut options: Vec<(&str, &str)> = match style {
            Style::Date => vec![("dateStyle", "medium")],
            Style::DateTime => vec![("dateStyle", "medium"), ("timeStyle", "short")],
        };
        if let Some(z) = zone {
            options.push(("timeZone", z));
        }
        let date = js_sys::Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
        formatter(locale, &options)
            .and_then(|f| f.call1(&JsValue::UNDEFINED, &date))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| t.to_rfc3339())
    }

    pub fn today(zone: Option<&str>) -> NaiveDate {
        // en-CA writes ISO dates (2026-11-22).
        let mut options = vec![
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ];
        if let Some(z) = zone {
            options.push(("timeZone", z));
        }
        let now = js_sys::Date::new_0();
        formatter("en-CA", &options)
            .and_then(|f| f.call1(&JsValue::UNDEFINED, &now))
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|s| crate::domain::period::parse_date(&s))
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    pub fn valid_time_zone(zone: &str) -> bool {
        formatter("en", &[("timeZone", zone)]).is_ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use chrono::Local;

    pub fn format(
        _locale: &str,
        _zone: Option<&str>,
        style: Style,
        t: &DateTime<FixedOffset>,
    ) -> String {
        let t = t.with_timezone(&Local);
        match style {
            Style::Date => t.format("%Y-%m-%d").to_string(),
            Style::DateTime => t.format("%Y-%m-%d %H:%M").to_string(),
        }
    }

    pub fn today(_zone: Option<&str>) -> NaiveDate {
        Local::now().date_naive()
    }

    pub fn valid_time_zone(zone: &str) -> bool {
        !zone.trim().is_empty()
    }
}

pub(super) use imp::{format, today};

/// Whether the browser knows the IANA time zone `zone` (e.g. `Asia/Seoul`).
pub fn valid_time_zone(zone: &str) -> bool {
    imp::valid_time_zone(zone)
}
