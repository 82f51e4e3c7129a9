//! Answer deadlines in business days: every inquiry gets its due time on registration (its
//! type's target on the store's calendar), both sides read it, and the desk's queue goes by it.

use chrono::{DateTime, Duration, Utc};
use inquiry_server::{
    calendar::{parse_hours, BusinessCalendar},
    config::kst,
};
use reqwest::StatusCode;
use serde_json::Value;

use crate::{common::*, today};

async fn register(s: &TestServer, leaf: &str, title: &str) -> String {
    let (status, body) = s.save(MEMBER1, base_form(leaf, title, "기한 테스트")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["payload"].as_str().unwrap().to_owned()
}

fn time(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap_or_else(|| panic!("a time: {v}")))
        .unwrap()
        .to_utc()
}

/// The demo's leaf types with their targets: 취소/반품/교환 (`30…`) two business days.
fn target(leaf: &str) -> u32 {
    if leaf.starts_with("30") {
        2
    } else {
        1
    }
}

#[tokio::test]
async fn a_new_inquiry_is_due_its_types_business_days_after_receipt_on_both_sides() {
    let s = start().await;
    let calendar = BusinessCalendar::korean(kst());
    for leaf in ["1010", "3010"] {
        let ccn = register(&s, leaf, &format!("기한 {leaf}")).await;
        let (_, mine) = s.detail(MEMBER1, &ccn).await;
        let received = time(&mine["payload"]["accpDtm"]);
        let due = time(&mine["payload"]["ansDueDtm"]);
        // The wire has whole seconds; receipt is to the millisecond.
        let want = calendar.due(received, target(leaf));
        assert!(
            (due - want).num_seconds().abs() <= 1,
            "{leaf}: {due} vs {want}"
        );
        assert!(due > received);
        let (_, desk) = s
            .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
            .await;
        assert_eq!(desk["payload"]["ansDueDtm"], mine["payload"]["ansDueDtm"]);
        assert!(mine["payload"]["ansDueDtm"]
            .as_str()
            .unwrap()
            .ends_with("+09:00"));
    }
    // The customer's list has no desk fields.
    let list = s.list(MEMBER1, &crate::year_query()).await;
    assert!(!list.to_string().contains("ansDueDtm"));
}

#[tokio::test]
async fn the_desks_queue_lists_the_soonest_due_first() {
    let s = start().await;
    // Received later but due sooner: a one-day type after a two-day one.
    let slow = register(&s, "3010", "두 영업일 문의").await;
    let fast = register(&s, "1010", "한 영업일 문의").await;
    let end = today();
    let (_, queue) = s
        .get_json(
            &format!(
                "{BO}/getQuestionList?ccnStatCd=10&startDt={}&endDt={end}&pageSize=30",
                end - Duration::days(365)
            ),
            COUNSELOR,
        )
        .await;
    let rows = queue["payload"]["content"].as_array().unwrap();
    let dues: Vec<DateTime<Utc>> = rows.iter().map(|r| time(&r["ansDueDtm"])).collect();
    assert!(
        dues.windows(2).all(|w| w[0] <= w[1]),
        "soonest first: {dues:?}"
    );
    let at = |ccn: &str| rows.iter().position(|r| r["ccnNo"] == ccn);
    if let (Some(f), Some(sl)) = (at(&fast), at(&slow)) {
        assert!(f < sl, "the one due sooner first");
    }
}

#[tokio::test]
async fn the_stores_closure_days_and_hours_move_the_deadline() {
    // Closed for the next ten days, open 10:00-17:00: nothing is due before the reopening.
    let first = today();
    let closed: Vec<_> = (0..10).map(|d| first + Duration::days(d)).collect();
    let hours = parse_hours("10:00-17:00").unwrap();
    let calendar = BusinessCalendar::new(kst(), hours, closed.clone());
    let expected = calendar.clone();
    let s = start_with(move |c| c.calendar = calendar).await;
    let ccn = register(&s, "1010", "휴무 중 문의").await;
    let (_, mine) = s.detail(MEMBER1, &ccn).await;
    let due = time(&mine["payload"]["ansDueDtm"]).with_timezone(&kst());
    assert!(due.date_naive() > *closed.last().unwrap(), "{due}");
    assert_eq!(
        due.format("%H:%M").to_string(),
        "17:00",
        "a full day after reopening: {due}"
    );
    let received = time(&mine["payload"]["accpDtm"]);
    assert!(
        (due.to_utc() - expected.due(received, 1))
            .num_seconds()
            .abs()
            <= 1
    );
}

#[tokio::test]
async fn a_manager_sets_a_types_target_and_the_next_inquiry_is_due_by_it() {
    let s = start().await;
    let (status, body) = s
        .get_json(&format!("{BO}/getAnswerTargets"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let list = body["payload"].as_array().unwrap();
    let of = |list: &[Value], no: &str| {
        list.iter()
            .find(|t| t["cnslTypNo"] == no)
            .map(|t| t["ansTgtBdays"].as_u64().unwrap())
    };
    assert_eq!(
        (of(list, "1010"), of(list, "3010")),
        (Some(1), Some(2)),
        "the demo's"
    );
    assert!(list
        .iter()
        .all(|t| t["cnslTypNm"].as_str().unwrap().contains(" > ")));

    let set = |days: Value| serde_json::json!({"cnslTypNo": "1010", "ansTgtBdays": days});
    let path = format!("{BO}/answerTargetMod");
    let (status, _) = s.post_json(&path, COUNSELOR, set(3.into())).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a manager's setting");
    for bad in [0.into(), 11.into(), "two".into(), 1.5.into()] {
        let (status, body) = s.post_json(&path, MANAGER, set(bad)).await;
        assert_error(
            status,
            &body,
            StatusCode::BAD_REQUEST,
            Some(("ansTgtBdays", "OUT_OF_RANGE")),
        );
    }
    let (status, body) = s
        .post_json(
            &path,
            MANAGER,
            serde_json::json!({"cnslTypNo": "10", "ansTgtBdays": 3}),
        )
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("cnslTypNo", "NOT_A_LEAF_TYPE")),
    );

    let (status, body) = s.post_json(&path, MANAGER, set("3".into())).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(of(body["payload"].as_array().unwrap(), "1010"), Some(3));
    let ccn = register(&s, "1010", "기한 3일").await;
    let (_, mine) = s.detail(MEMBER1, &ccn).await;
    let (received, due) = (
        time(&mine["payload"]["accpDtm"]),
        time(&mine["payload"]["ansDueDtm"]),
    );
    let want = BusinessCalendar::korean(kst()).due(received, 3);
    assert!((due - want).num_seconds().abs() <= 1, "{due} vs {want}");
}
