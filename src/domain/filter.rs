//! The list page's filter state, and its form in the SPA's own URL query so that reload,
//! back/forward and a pasted link restore it.

use chrono::NaiveDate;

use super::{Period, Preset, Status};

/// Which period the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodChoice {
    Preset(Preset),
    Custom(Period),
}

impl PeriodChoice {
    pub fn resolve(self, today: NaiveDate) -> Period {
        match self {
            PeriodChoice::Preset(p) => p.period(today),
            PeriodChoice::Custom(p) => p,
        }
    }
}

/// What the customer searches by, besides period and status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    None,
    OrderNo(String),
    Keyword(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListFilter {
    pub period: PeriodChoice,
    pub status: Option<Status>,
    pub search: Search,
    /// 1-based.
    pub page: u32,
}

/// The preset shown when the URL names none.
pub const DEFAULT_PRESET: Preset = Preset::ThreeMonths;

impl Default for ListFilter {
    fn default() -> Self {
        Self {
            period: PeriodChoice::Preset(DEFAULT_PRESET),
            status: None,
            search: Search::None,
            page: 1,
        }
    }
}

impl ListFilter {
    /// Reads the filter from URL query pairs. Unknown or malformed values fall back to defaults
    /// (a hand-edited link never breaks the page).
    pub fn from_query<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Self {
        let date = |k: &str| get(k).and_then(super::period::parse_date);
        let period = match (date("from"), date("to")) {
            (Some(start), Some(end)) => PeriodChoice::Custom(Period { start, end }),
            _ => PeriodChoice::Preset(
                get("period")
                    .and_then(Preset::from_key)
                    .unwrap_or(DEFAULT_PRESET),
            ),
        };
        let text = |k: &str| {
            get(k)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let search = match (text("ordNo"), text("q")) {
            (Some(o), _) => Search::OrderNo(o),
            (None, Some(q)) => Search::Keyword(q),
            _ => Search::None,
        };
        Self {
            period,
            status: get("status").and_then(Status::from_key),
            search,
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The URL query (without `?`) for this filter; defaults are left out. Values are
    /// percent-encoded.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match self.period {
            PeriodChoice::Preset(p) if p == DEFAULT_PRESET => {}
            PeriodChoice::Preset(p) => pairs.push(("period", p.key().to_owned())),
            PeriodChoice::Custom(p) => {
                pairs.push(("from", p.start.to_string()));
                pairs.push(("to", p.end.to_string()));
            }
        }
        if let Some(s) = self.status {
            pairs.push(("status", s.key().to_owned()));
        }
        match &self.search {
            Search::None => {}
            Search::OrderNo(o) => pairs.push(("ordNo", o.clone())),
            Search::Keyword(q) => pairs.push(("q", q.clone())),
        }
        if self.page > 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The same filter on another page.
    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page: page.max(1),
            ..self.clone()
        }
    }
}

/// Percent-encodes everything but unreserved characters.
pub fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(q: &str) -> ListFilter {
        let map: HashMap<String, String> = q
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), decode(v)))
            .collect();
        ListFilter::from_query(|k| map.get(k).map(String::as_str))
    }

    fn decode(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn default_filter_has_an_empty_query() {
        assert_eq!(ListFilter::default().to_query(), "");
        assert_eq!(parse(""), ListFilter::default());
    }

    #[test]
    fn every_field_round_trips_through_the_url() {
        let d = |s| super::super::period::parse_date(s).unwrap();
        let filters = [
            ListFilter {
                period: PeriodChoice::Preset(Preset::Year),
                status: Some(Status::Answered),
                search: Search::Keyword("배송 지연 & 환불".into()),
                page: 3,
            },
            ListFilter {
                period: PeriodChoice::Custom(Period {
                    start: d("2026-01-02"),
                    end: d("2026-02-03"),
                }),
                status: Some(Status::InProgress),
                search: Search::OrderNo("202611221005966".into()),
                page: 1,
            },
        ];
        for f in filters {
            assert_eq!(parse(&f.to_query()), f, "{}", f.to_query());
        }
    }

    #[test]
    fn malformed_values_fall_back_to_defaults() {
        let f = parse("period=2y&status=10&page=-1&from=2026-99-01&to=2026-01-01");
        assert_eq!(f, ListFilter::default());
    }
}
