//! The desk report: for a period, per inquiry type, per counselor, per day or per month —
//! received, answered, the median first-answer time in business hours (the store's
//! [`BusinessCalendar`]), the share answered by the deadline, and satisfaction. Pure: the
//! store hands every inquiry of the period over (`Tx::report_facts`), a median needs them all.
//!
//! Counted as the desk would: an inquiry the customer withdrew is not in the report; "by the
//! deadline" counts answered inquiries and those still open past their due time (one still
//! open and not yet due is neither on time nor late); satisfaction is over rated answers.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::{calendar::BusinessCalendar, store::records::ReportFact};

/// How the report's rows are cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBy {
    Type,
    Counselor,
    Day,
    Month,
}

/// One row's figures (or the period's total).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Figures {
    pub key: String,
    pub label: String,
    pub received: u32,
    pub answered: u32,
    /// Median business hours from receipt to answer, over the answered ones.
    pub median_answer_hours: Option<f64>,
    /// Inquiries the deadline is judged on, and those of them answered by it.
    pub due_counted: u32,
    pub on_time: u32,
    pub rated: u32,
    pub satisfied: u32,
}

impl Figures {
    pub fn on_time_share(&self) -> Option<f64> {
        share(self.on_time, self.due_counted)
    }

    pub fn satisfaction_share(&self) -> Option<f64> {
        share(self.satisfied, self.rated)
    }
}

fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub rows: Vec<Figures>,
    pub total: Figures,
}

/// The row for "no counselor yet".
pub const UNASSIGNED: &str = "미배정";

fn parse(t: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(t)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Accumulates one row: the answer times are kept for the median.
#[derive(Default)]
struct Acc {
    figures: Figures,
    hours: Vec<f64>,
}

impl Acc {
    fn add(&mut self, f: &ReportFact, cal: &BusinessCalendar, now: DateTime<Utc>) {
        let g = &mut self.figures;
        g.received += 1;
        let (accepted, answered, due) = (
            parse(&f.accepted_at),
            f.answered_at.as_deref().and_then(parse),
            f.due_at.as_deref().and_then(parse),
        );
        if let Some(answered) = answered {
            g.answered += 1;
            if let Some(accepted) = accepted {
                self.hours
                    .push(cal.business_time(accepted, answered).num_seconds() as f64 / 3600.0);
            }
        }
        match (answered, due) {
            (Some(a), Some(d)) => {
                g.due_counted += 1;
                g.on_time += u32::from(a <= d);
            }
            (None, Some(d)) if now > d => g.due_counted += 1,
            _ => {}
        }
        if let Some(satisfied) = f.satisfied {
            g.rated += 1;
            g.satisfied += u32::from(satisfied);
        }
    }

    fn finish(mut self) -> Figures {
        self.figures.median_answer_hours = median(&mut self.hours);
        self.figures
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

/// The report of `facts` (the inquiries received from `period.0` to `period.1`, storefront
/// dates), cut `by`. Days and months of the period without inquiries are rows of zeros (a
/// chart over time shows the gap); types and counselors are listed busiest first.
pub fn build(
    facts: &[ReportFact],
    by: GroupBy,
    period: (NaiveDate, NaiveDate),
    cal: &BusinessCalendar,
    now: DateTime<Utc>,
) -> Report {
    let offset = cal.offset();
    let mut groups: BTreeMap<String, Acc> = BTreeMap::new();
    if matches!(by, GroupBy::Day | GroupBy::Month) {
        let mut day = period.0;
        while day <= period.1 {
            let key = bucket(by, day);
            groups.entry(key.clone()).or_default().figures.key = key.clone();
            day = day.succ_opt().unwrap_or(NaiveDate::MAX);
        }
    }
    let mut total = Acc::default();
    for f in facts {
        let (key, label) = match by {
            GroupBy::Type => (f.type_no.clone(), f.type_name.clone()),
            GroupBy::Counselor => match &f.counselor {
                Some(c) => (c.no.clone(), c.name.clone()),
                None => (String::new(), UNASSIGNED.to_owned()),
            },
            GroupBy::Day | GroupBy::Month => {
                let day = parse(&f.accepted_at)
                    .map(|t| t.with_timezone(&offset).date_naive())
                    .unwrap_or(period.0);
                let key = bucket(by, day);
                (key.clone(), key)
            }
        };
        let acc = groups.entry(key.clone()).or_default();
        acc.figures.key = key;
        acc.figures.label = label;
        acc.add(f, cal, now);
        total.add(f, cal, now);
    }
    let mut rows: Vec<Figures> = groups
        .into_values()
        .map(|a| {
            let mut f = a.finish();
            if f.label.is_empty() {
                f.label = f.key.clone();
            }
            f
        })
        .collect();
    if matches!(by, GroupBy::Type | GroupBy::Counselor) {
        rows.sort_by(|a, b| b.received.cmp(&a.received).then(a.label.cmp(&b.label)));
    }
    Report {
        rows,
        total: total.finish(),
    }
}

fn bucket(by: GroupBy, day: NaiveDate) -> String {
    match by {
        GroupBy::Month => format!("{:04}-{:02}", day.year(), day.month()),
        _ => day.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
