//! The report's figures on a set of known inquiries (Monday 7 December 2026 in KST; the
//! calendar is the default: 09:00–18:00, weekends and Korean public holidays off).

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::{
    config::kst,
    store::records::{CounselorRef, ReportFact},
};

fn at(utc: &str) -> String {
    format!("{utc}.000Z")
}

fn fact(
    no: &str,
    typ: (&str, &str),
    counselor: Option<(&str, &str)>,
    accepted: &str,
    answered: Option<&str>,
    due: &str,
    satisfied: Option<bool>,
) -> ReportFact {
    ReportFact {
        ccn_no: no.into(),
        accepted_at: at(accepted),
        type_no: typ.0.into(),
        type_name: typ.1.into(),
        counselor: counselor.map(|(no, name)| CounselorRef {
            no: no.into(),
            name: name.into(),
        }),
        answered_at: answered.map(at),
        due_at: Some(at(due)),
        satisfied,
    }
}

const DELIVERY: (&str, &str) = ("T1", "배송 > 배송지연");
const EXCHANGE: (&str, &str) = ("T2", "교환 > 사이즈");
const KIM: Option<(&str, &str)> = Some(("C1", "김상담"));
const LEE: Option<(&str, &str)> = Some(("C2", "이상담"));

/// Times are UTC (KST − 9 h).
fn known() -> Vec<ReportFact> {
    vec![
        // Fri 17:00 → Mon 11:30: 1 h on Friday, 2.5 h on Monday; due Mon 17:00. 불만족.
        fact(
            "B",
            DELIVERY,
            KIM,
            "2026-12-04T08:00:00",
            Some("2026-12-07T02:30:00"),
            "2026-12-07T08:00:00",
            Some(false),
        ),
        // Mon 10:00 → 12:00: 2 h; due Tue 10:00. 만족.
        fact(
            "A",
            DELIVERY,
            KIM,
            "2026-12-07T01:00:00",
            Some("2026-12-07T03:00:00"),
            "2026-12-08T01:00:00",
            Some(true),
        ),
        // Mon 09:00 → Wed 09:00: 18 h; two business days were due Tue 18:00: late.
        fact(
            "C",
            EXCHANGE,
            LEE,
            "2026-12-07T00:00:00",
            Some("2026-12-09T00:00:00"),
            "2026-12-08T09:00:00",
            None,
        ),
        // Mon 13:00, nobody holds it, due Tue 13:00: open past due at `now`.
        fact(
            "D",
            EXCHANGE,
            None,
            "2026-12-07T04:00:00",
            None,
            "2026-12-08T04:00:00",
            None,
        ),
        // Tue 09:00, open, due Wed 09:00 — exactly `now`: not late yet.
        fact(
            "E",
            DELIVERY,
            KIM,
            "2026-12-08T00:00:00",
            None,
            "2026-12-09T00:00:00",
            None,
        ),
    ]
}

fn now() -> DateTime<Utc> {
    "2026-12-09T00:00:00Z".parse().unwrap()
}

fn period() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(),
    )
}

fn report(by: GroupBy) -> Report {
    build(
        &known(),
        by,
        period(),
        &BusinessCalendar::korean(kst()),
        now(),
    )
}

/// (label, received, answered, median hours, due counted, on time, rated, satisfied)
type Row<'a> = (&'a str, u32, u32, Option<f64>, u32, u32, u32, u32);

fn rows(r: &Report) -> Vec<Row<'_>> {
    r.rows
        .iter()
        .map(|f| {
            (
                f.label.as_str(),
                f.received,
                f.answered,
                f.median_answer_hours,
                f.due_counted,
                f.on_time,
                f.rated,
                f.satisfied,
            )
        })
        .collect()
}

#[test]
fn per_type_the_median_counts_business_hours_across_the_weekend() {
    let r = report(GroupBy::Type);
    assert_eq!(
        rows(&r),
        [
            ("배송 > 배송지연", 3, 2, Some(2.75), 2, 2, 2, 1),
            ("교환 > 사이즈", 2, 1, Some(18.0), 2, 0, 0, 0),
        ]
    );
    assert_eq!(r.rows[0].on_time_share(), Some(1.0));
    assert_eq!(r.rows[1].satisfaction_share(), None, "nobody rated");
}

#[test]
fn per_counselor_with_the_unassigned_on_their_own_row() {
    let r = report(GroupBy::Counselor);
    assert_eq!(
        rows(&r),
        [
            ("김상담", 3, 2, Some(2.75), 2, 2, 2, 1),
            (UNASSIGNED, 1, 0, None, 1, 0, 0, 0),
            ("이상담", 1, 1, Some(18.0), 1, 0, 0, 0),
        ]
    );
}

#[test]
fn the_total_is_over_every_inquiry_not_over_the_rows() {
    let t = report(GroupBy::Type).total;
    assert_eq!(
        (t.received, t.answered, t.median_answer_hours),
        (5, 3, Some(3.5)),
        "the median of 2, 3.5 and 18 hours"
    );
    assert_eq!(
        (t.due_counted, t.on_time, t.on_time_share()),
        (4, 2, Some(0.5))
    );
    assert_eq!(
        (t.rated, t.satisfied, t.satisfaction_share()),
        (2, 1, Some(0.5))
    );
}

#[test]
fn per_day_every_day_of_the_period_is_a_row_in_the_storefronts_dates() {
    let r = report(GroupBy::Day);
    let days: Vec<(&str, u32)> = r
        .rows
        .iter()
        .map(|f| (f.label.as_str(), f.received))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-12-04", 1),
            ("2026-12-05", 0),
            ("2026-12-06", 0),
            ("2026-12-07", 3),
            ("2026-12-08", 1)
        ]
    );
    let months = report(GroupBy::Month);
    assert_eq!(rows(&months).len(), 1);
    assert_eq!(months.rows[0].label, "2026-12");
}

#[test]
fn christmas_and_the_weekend_are_not_business_hours() {
    // Thu 24 Dec 17:00 → Mon 28 Dec 10:00 KST: 1 h + 1 h (Christmas Friday and the weekend off).
    let f = fact(
        "X",
        DELIVERY,
        KIM,
        "2026-12-24T08:00:00",
        Some("2026-12-28T01:00:00"),
        "2026-12-28T08:00:00",
        None,
    );
    let day = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    let r = build(
        &[f],
        GroupBy::Type,
        (day, day),
        &BusinessCalendar::korean(kst()),
        now(),
    );
    assert_eq!(r.total.median_answer_hours, Some(2.0));
    assert_eq!(r.total.on_time, 1);
}

#[test]
fn an_empty_period_has_no_figures_to_divide() {
    let r = build(
        &[],
        GroupBy::Type,
        period(),
        &BusinessCalendar::korean(kst()),
        now(),
    );
    assert!(r.rows.is_empty());
    assert_eq!((r.total.received, r.total.median_answer_hours), (0, None));
    assert_eq!(
        (r.total.on_time_share(), r.total.satisfaction_share()),
        (None, None)
    );
}
