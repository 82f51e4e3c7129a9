//! The desk report over HTTP: managers only, checked parameters, today's row moving as an
//! inquiry is received and answered, the counselor's row, and the CSV matching the JSON.
//! (The figures on a set of known inquiries: `desk/report_tests.rs` and the conformance suite.)

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::{common::*, today};

async fn report(s: &TestServer, by: &str) -> Value {
    let day = today();
    let (status, body) = s
        .get_json(
            &format!("{BO}/getDeskReport?startDt={day}&endDt={day}&groupBy={by}"),
            MANAGER,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["payload"].clone()
}

fn row<'a>(report: &'a Value, key: &str) -> &'a Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {report}"))
}

fn count(v: &Value, field: &str) -> u64 {
    v[field]
        .as_u64()
        .unwrap_or_else(|| panic!("{field} in {v}"))
}

#[tokio::test]
async fn only_managers_read_it_and_its_parameters_are_checked() {
    let s = start().await;
    let day = today();
    let path = format!("{BO}/getDeskReport?startDt={day}&endDt={day}");
    let (status, _) = s.get_json(&path, COUNSELOR).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "per-counselor figures are the managers'"
    );
    let (status, body) = s.get_json(&format!("{path}&groupBy=WEEK"), MANAGER).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("groupBy", "INVALID_GROUP_BY")),
    );
    let yesterday = day - chrono::Duration::days(1);
    let (status, body) = s
        .get_json(
            &format!("{BO}/getDeskReport?startDt={day}&endDt={yesterday}"),
            MANAGER,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a period that ends before it starts: {body}"
    );
}

#[tokio::test]
async fn todays_row_counts_an_inquiry_as_it_is_received_and_answered() {
    let s = start().await;
    let day = today().to_string();
    let before = report(&s, "DAY").await;
    assert_eq!(
        before["rows"].as_array().unwrap().len(),
        1,
        "one day, one row"
    );
    let was = row(&before, &day).clone();

    let form = reqwest::multipart::Form::new()
        .text("cnslTypNo", s.leaf_type(false).await)
        .text("ccnTitle", "보고서에 잡히는 문의")
        .text("accpCont", "오늘 접수된 문의입니다.");
    let (status, body) = s.save(MEMBER2, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap().to_owned();
    let received = report(&s, "DAY").await;
    let now = row(&received, &day);
    assert_eq!(count(now, "receivedCnt"), count(&was, "receivedCnt") + 1);
    assert_eq!(count(now, "answeredCnt"), count(&was, "answeredCnt"));

    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR2,
            json!({"ccnNo": ccn, "ansCont": "확인해 드렸습니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let answered = report(&s, "DAY").await;
    let now = row(&answered, &day);
    assert_eq!(count(now, "answeredCnt"), count(&was, "answeredCnt") + 1);
    assert!(now["medianAnsHours"].is_number(), "{now}");
    assert_eq!(
        answered["total"]["receivedCnt"], now["receivedCnt"],
        "one day: its row is the total"
    );

    let by_counselor = report(&s, "COUNSELOR").await;
    let choi = row(&by_counselor, "C002");
    assert_eq!(choi["label"], "최민호");
    assert!(count(choi, "answeredCnt") >= 1, "{choi}");
    let share = choi["onTimeRate"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&share), "{choi}");
}

#[tokio::test]
async fn the_csv_holds_the_same_rows_and_the_total_last() {
    let s = start().await;
    let day = today();
    let json = report(&s, "TYPE").await;
    let r = s
        .get(
            &format!("{BO}/getDeskReportCsv?startDt={day}&endDt={day}&groupBy=TYPE"),
            MANAGER,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    let disposition = r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(disposition.contains("desk-report-type-"), "{disposition}");
    let text = r.text().await.unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a BOM for spreadsheets");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("구분,접수,답변,첫 답변 중앙값(영업시간)"),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines.len(),
        json["rows"].as_array().unwrap().len() + 2,
        "header, rows, total"
    );
    let total: Vec<&str> = lines.last().unwrap().split(',').collect();
    assert_eq!(total[0], "합계");
    assert_eq!(total[1], json["total"]["receivedCnt"].to_string());
    assert_eq!(total[2], json["total"]["answeredCnt"].to_string());
}
