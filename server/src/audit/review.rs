//! The monthly review a desk manager owes (제8조: access records reviewed at least monthly):
//! per person, how many entries of each kind in the month, and the days their detail views
//! exceeded the threshold (`--review-daily-views`), the unusual volume a review looks for.

use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

use super::Action;
use crate::store::{AccessCount, ActorRole};

/// One person's month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMonth {
    pub role: ActorRole,
    pub no: String,
    pub name: String,
    /// Entries per action code.
    pub counts: BTreeMap<String, u64>,
    pub total: u64,
    /// Days (the storefront's) whose detail and photo views exceeded the threshold, and
    /// how many there were.
    pub flagged_days: Vec<(NaiveDate, u64)>,
}

/// Adds up hourly counts into each person's month, days in the storefront's offset.
/// Busiest people first. Members acting on their own inquiries handle no one else's data:
/// they are not reviewed.
pub fn review(counts: &[AccessCount], offset: FixedOffset, daily_views: u64) -> Vec<PersonMonth> {
    let mut people: BTreeMap<(String, &'static str), PersonMonth> = BTreeMap::new();
    let mut views: BTreeMap<(String, &'static str, NaiveDate), u64> = BTreeMap::new();
    for c in counts.iter().filter(|c| c.role != ActorRole::Member) {
        let key = (c.actor_no.clone(), c.role.code());
        let p = people.entry(key.clone()).or_insert_with(|| PersonMonth {
            role: c.role,
            no: c.actor_no.clone(),
            name: c.actor_nm.clone(),
            counts: BTreeMap::new(),
            total: 0,
            flagged_days: Vec::new(),
        });
        *p.counts.entry(c.action.clone()).or_default() += c.count;
        p.total += c.count;
        let viewing = matches!(
            Action::from_code(&c.action),
            Some(Action::ViewDetail | Action::ViewPhoto | Action::SellerView)
        );
        if let (true, Some(day)) = (viewing, local_day(&c.hour, offset)) {
            *views.entry((key.0, key.1, day)).or_default() += c.count;
        }
    }
    for ((no, role, day), n) in views {
        if n > daily_views {
            if let Some(p) = people.get_mut(&(no, role)) {
                p.flagged_days.push((day, n));
            }
        }
    }
    let mut list: Vec<PersonMonth> = people.into_values().collect();
    list.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.no.cmp(&b.no)));
    list
}

/// `YYYY-MM-DDTHH` (UTC) → the storefront's calendar day of that hour.
fn local_day(hour: &str, offset: FixedOffset) -> Option<NaiveDate> {
    let t = NaiveDateTime::parse_from_str(&format!("{hour}:00:00"), "%Y-%m-%dT%H:%M:%S").ok()?;
    Some(
        chrono::Utc
            .from_utc_datetime(&t)
            .with_timezone(&offset)
            .date_naive(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(no: &str, action: Action, hour: &str, n: u64) -> AccessCount {
        AccessCount {
            role: ActorRole::Counselor,
            actor_no: no.into(),
            actor_nm: format!("상담원 {no}"),
            action: action.code().into(),
            hour: hour.into(),
            count: n,
        }
    }

    #[test]
    fn adds_hours_into_local_days_and_flags_heavy_viewing() {
        let kst = FixedOffset::east_opt(9 * 3600).unwrap();
        let counts = [
            // 2026-12-01 20:00 UTC is 12-02 05:00 in Korea: the same Korean day as 12-02 02:00 UTC.
            count("C1", Action::ViewDetail, "2026-12-01T20", 6),
            count("C1", Action::ViewDetail, "2026-12-02T02", 5),
            count("C1", Action::Answer, "2026-12-02T02", 3),
            // Ten on 12-01 (Korean) alone: not over the threshold of ten.
            count("C2", Action::ViewDetail, "2026-12-01T03", 10),
            AccessCount {
                role: ActorRole::Member,
                ..count("M1", Action::Withdraw, "2026-12-01T03", 1)
            },
        ];
        let people = review(&counts, kst, 10);
        assert_eq!(people[0].no, "C1");
        assert_eq!(people[0].total, 14);
        assert_eq!(people[0].counts["VIEW_DETAIL"], 11);
        assert_eq!(
            people[0].flagged_days,
            vec![(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap(), 11)]
        );
        assert_eq!(people.len(), 2, "members are not reviewed");
        assert_eq!(people[1].no, "C2");
        assert!(people[1].flagged_days.is_empty());
    }
}
