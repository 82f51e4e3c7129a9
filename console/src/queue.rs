//! The queue's filter: what the URL holds (so a view can be bookmarked, shared and reloaded)
//! and what the API is asked. Pure; tested natively.

/// The statuses the queue has a tab for, in order (names: `I18n::status_name`).
pub const TABS: [&str; 3] = ["10", "20", "30"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueFilter {
    /// A tab's status code; `None` only for a member's recent inquiries.
    pub status: Option<String>,
    /// `yyyy-MM-dd`, both or neither (neither: the server's default, the last 3 months).
    pub start: String,
    pub end: String,
    pub type_no: String,
    pub member: String,
    pub order: String,
    pub keyword: String,
    /// `""` (anyone), `me`, `none` or a counselor number.
    pub assignee: String,
    pub page: u32,
}

impl Default for QueueFilter {
    fn default() -> Self {
        Self {
            status: Some("10".to_owned()),
            start: String::new(),
            end: String::new(),
            type_no: String::new(),
            member: String::new(),
            order: String::new(),
            keyword: String::new(),
            assignee: String::new(),
            page: 1,
        }
    }
}

const KEYS: [&str; 9] = [
    "status", "startDt", "endDt", "type", "mbrNo", "ordNo", "q", "assignee", "page",
];

impl QueueFilter {
    /// From the URL's query parameters (`get` answers one by name).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let d = Self::default();
        let text = |k: &str| get(k).map(|v| v.trim().to_owned()).unwrap_or_default();
        let status = match get("status").as_deref() {
            Some(s) if TABS.contains(&s) => Some(s.to_owned()),
            _ => d.status,
        };
        Self {
            status,
            start: text("startDt"),
            end: text("endDt"),
            type_no: text("type"),
            member: text("mbrNo"),
            order: text("ordNo"),
            keyword: text("q"),
            assignee: text("assignee"),
            page: get("page")
                .and_then(|p| p.parse().ok())
                .filter(|p| *p >= 1)
                .unwrap_or(1),
        }
    }

    /// The URL's query string (`?…`, or empty for the default view); defaults are left out.
    pub fn to_query(&self) -> String {
        let page = self.page.to_string();
        let values = [
            self.status.as_deref().filter(|s| *s != "10").unwrap_or(""),
            &self.start,
            &self.end,
            &self.type_no,
            &self.member,
            &self.order,
            &self.keyword,
            &self.assignee,
            if self.page > 1 { &page } else { "" },
        ];
        let pairs: Vec<String> = KEYS
            .iter()
            .zip(values)
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// The same filter on another tab (back to its first page).
    pub fn with_status(&self, code: &str) -> Self {
        Self {
            status: Some(code.to_owned()),
            page: 1,
            ..self.clone()
        }
    }

    pub fn with_page(&self, page: u32) -> Self {
        Self {
            page,
            ..self.clone()
        }
    }

    /// The filters every tab shares (status and page aside): the counts' parameters.
    pub fn count_params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        for (key, value) in [
            ("startDt", &self.start),
            ("endDt", &self.end),
            ("cnslTypNo", &self.type_no),
            ("mbrNo", &self.member),
            ("ordNo", &self.order),
            ("searchWord", &self.keyword),
            ("cnslrNo", &self.assignee),
        ] {
            if !value.is_empty() {
                p.push((key, value.clone()));
            }
        }
        p
    }

    pub fn list_params(&self) -> Vec<(&'static str, String)> {
        let mut p = self.count_params();
        if let Some(s) = &self.status {
            p.push(("ccnStatCd", s.clone()));
        }
        p.push(("pageNo", self.page.to_string()));
        p.push(("pageSize", "20".to_owned()));
        p
    }
}

/// Percent-encodes a query value (UTF-8; unreserved characters kept).
fn encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// How long an inquiry has waited, at the precision a queue needs: minutes under an hour,
/// hours under a day, then days (and hours, when there are any).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waited {
    Minutes(i64),
    Hours(i64),
    Days(i64),
    DaysHours(i64, i64),
}

impl Waited {
    pub fn from_minutes(minutes: i64) -> Self {
        let m = minutes.max(0);
        match m {
            0..=59 => Waited::Minutes(m),
            60..=1439 => Waited::Hours(m / 60),
            _ if (m % 1440) / 60 == 0 => Waited::Days(m / 1440),
            _ => Waited::DaysHours(m / 1440, (m % 1440) / 60),
        }
    }
}

/// Where an unanswered inquiry stands against its answer deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Due within [`DUE_SOON_MINUTES`]: 임박.
    Soon,
    /// Past due: 초과.
    Over,
}

/// An inquiry due within this many minutes is 임박.
pub const DUE_SOON_MINUTES: i64 = 120;

/// 임박 / 초과 for an inquiry not answered yet, `minutes_left` before its due time (negative:
/// past it); `None` when there is time, or when it is answered.
pub fn due_state(minutes_left: i64, answered: bool) -> Option<Due> {
    match minutes_left {
        _ if answered => None,
        m if m < 0 => Some(Due::Over),
        m if m <= DUE_SOON_MINUTES => Some(Due::Soon),
        _ => None,
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;

    #[test]
    fn soon_within_two_hours_over_past_due_nothing_once_answered() {
        assert_eq!(due_state(121, false), None);
        assert_eq!(due_state(120, false), Some(Due::Soon));
        assert_eq!(due_state(0, false), Some(Due::Soon));
        assert_eq!(due_state(-1, false), Some(Due::Over));
        assert_eq!(due_state(-600, true), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(q: &str) -> QueueFilter {
        let map: HashMap<String, String> = q
            .trim_start_matches('?')
            .split('&')
            .filter_map(|p| p.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        QueueFilter::from_query(|k| map.get(k).cloned())
    }

    #[test]
    fn the_default_view_has_a_clean_url_and_asks_for_received() {
        let f = QueueFilter::default();
        assert_eq!(f.to_query(), "");
        assert!(f.list_params().contains(&("ccnStatCd", "10".to_owned())));
        assert!(!f.count_params().iter().any(|(k, _)| *k == "ccnStatCd"));
    }

    #[test]
    fn filters_survive_the_url() {
        let f = QueueFilter {
            status: Some("20".into()),
            type_no: "20".into(),
            member: "M0002".into(),
            keyword: "배송".into(),
            assignee: "me".into(),
            page: 3,
            ..QueueFilter::default()
        };
        let q = f.to_query();
        assert_eq!(
            q,
            "?status=20&type=20&mbrNo=M0002&q=%EB%B0%B0%EC%86%A1&assignee=me&page=3"
        );
        // Values arrive decoded from the router.
        let decoded = q.replace("%EB%B0%B0%EC%86%A1", "배송");
        assert_eq!(parse(&decoded), f);
        assert_eq!(
            f.with_status("30").page,
            1,
            "another tab starts at its first page"
        );
    }

    #[test]
    fn nonsense_in_the_url_falls_back_to_defaults() {
        let f = parse("?status=99&page=0");
        assert_eq!(f.status.as_deref(), Some("10"));
        assert_eq!(f.page, 1);
    }

    #[test]
    fn waiting_time_reads_naturally() {
        assert_eq!(Waited::from_minutes(-5), Waited::Minutes(0));
        assert_eq!(Waited::from_minutes(35), Waited::Minutes(35));
        assert_eq!(Waited::from_minutes(300), Waited::Hours(5));
        assert_eq!(Waited::from_minutes(1440 * 3), Waited::Days(3));
        assert_eq!(
            Waited::from_minutes(1440 * 3 + 250),
            Waited::DaysHours(3, 4)
        );
    }
}
