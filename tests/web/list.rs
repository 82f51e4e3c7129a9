//! The list: rows, presets, custom ranges, status filter, paging, the URL.

use super::*;

#[wasm_bindgen_test]
async fn list_renders_the_members_seeded_inquiries() {
    let app = mount("demo-member-1", "/");
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    let rows = app.rows();
    assert_eq!(rows.len(), 10, "a full first page");
    let first = app.find(".idk-row").unwrap();
    let text = first.text_content().unwrap();
    assert!(text.contains(" > "), "type path: {text}");
    assert!(first.query_selector(".idk-badge-name").unwrap().is_some());
    assert!(first
        .query_selector("a.idk-row-title")
        .unwrap()
        .unwrap()
        .get_attribute("href")
        .unwrap()
        .ends_with(&rows[0].0));
    assert!(app.text().contains("총 "));
    // The default is the last 3 months, requested with the customer's dates.
    let req = last_list_request().unwrap();
    assert_eq!(
        query_param(&req, "endDt").as_deref(),
        Some(today().to_string().as_str())
    );
    assert_eq!(
        query_param(&req, "startDt"),
        Some((today().checked_sub_months(Months::new(3)).unwrap()).to_string())
    );
}

#[wasm_bindgen_test]
async fn each_preset_requests_its_dates_and_lands_in_the_url() {
    let app = mount("demo-member-1", "/");
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    let t = today();
    let cases = [
        ("1w", t - Days::new(7)),
        ("1m", t.checked_sub_months(Months::new(1)).unwrap()),
        ("6m", t.checked_sub_months(Months::new(6)).unwrap()),
        ("1y", t.checked_sub_months(Months::new(12)).unwrap()),
        ("3m", t.checked_sub_months(Months::new(3)).unwrap()),
    ];
    for (key, start) in cases {
        app.click(&format!("[data-preset='{key}']")).await;
        until(&format!("request for {key}"), || {
            last_list_request().filter(|r| query_param(r, "startDt") == Some(start.to_string()))
        })
        .await;
        let req = last_list_request().unwrap();
        assert_eq!(query_param(&req, "endDt"), Some(t.to_string()), "{key}");
        let pressed = app
            .find(&format!("[data-preset='{key}']"))
            .unwrap()
            .get_attribute("aria-pressed");
        assert_eq!(pressed.as_deref(), Some("true"), "{key}");
        let search = location().search().unwrap();
        if key == "3m" {
            assert_eq!(search, "", "the default preset keeps the URL clean");
        } else {
            assert!(search.contains(&format!("period={key}")), "{search}");
        }
    }
}

#[wasm_bindgen_test]
async fn custom_range_errors_name_the_rule_and_send_nothing() {
    let app = mount("demo-member-1", "/");
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    let t = today();
    let cases = [
        (
            (t - Days::new(1)).to_string(),
            (t - Days::new(5)).to_string(),
            "시작일이 종료일보다 늦을 수 없습니다",
        ),
        (
            (t - Days::new(5)).to_string(),
            (t + Days::new(2)).to_string(),
            "종료일은 오늘 이후로 지정할 수 없습니다",
        ),
        (
            (t - Days::new(400)).to_string(),
            t.to_string(),
            "최대 366일",
        ),
    ];
    for (from, to, message) in cases {
        let requests_before = fetched().len();
        app.set_value("input[name='from']", &from, "input").await;
        app.set_value("input[name='to']", &to, "input").await;
        app.click(".idk-range button[type='submit']").await;
        app.wait_text(message).await;
        let input = app.find("input[name='from']").unwrap();
        assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            input.get_attribute("aria-describedby").as_deref(),
            Some("idk-range-error")
        );
        settle().await;
        assert_eq!(
            fetched().len(),
            requests_before,
            "no request for an invalid range"
        );
    }
    // A valid custom range is requested and put in the URL.
    let from = (t - Days::new(20)).to_string();
    app.set_value("input[name='from']", &from, "input").await;
    app.set_value("input[name='to']", &t.to_string(), "input")
        .await;
    app.click(".idk-range button[type='submit']").await;
    until("custom request", || {
        last_list_request().filter(|r| query_param(r, "startDt") == Some(from.clone()))
    })
    .await;
    assert!(location()
        .search()
        .unwrap()
        .contains(&format!("from={from}")));
    assert_eq!(
        app.find("#idk-range-error")
            .unwrap()
            .text_content()
            .unwrap(),
        ""
    );
}

#[wasm_bindgen_test]
async fn status_filter_shows_only_that_status() {
    let app = mount("demo-member-1", "/?period=1y");
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    for (key, code) in [
        ("answered", "30"),
        ("in-progress", "20"),
        ("received", "10"),
    ] {
        let before = app.rows();
        app.click(&format!("[data-status-filter='{key}']")).await;
        let rows = app.wait_rows_change(&before).await;
        assert!(rows.iter().all(|(_, s)| s == key), "{key}: {rows:?}");
        assert_eq!(
            query_param(&last_list_request().unwrap(), "ccnStatCd").as_deref(),
            Some(code)
        );
        assert!(location()
            .search()
            .unwrap()
            .contains(&format!("status={key}")));
    }
    // Back to all statuses: the newest page may look the same, but the total grows.
    let received_total = app.find(".idk-total").unwrap().text_content().unwrap();
    app.click("[data-status-filter='all']").await;
    until("the total of all statuses", || {
        let total = app.find(".idk-total")?.text_content()?;
        (total != received_total).then_some(())
    })
    .await;
    assert_eq!(
        query_param(&last_list_request().unwrap(), "ccnStatCd"),
        None
    );
    assert!(!location().search().unwrap().contains("status="));
}

#[wasm_bindgen_test]
async fn paging_moves_through_results_and_the_url() {
    let app = mount("demo-member-1", "/?period=1y");
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    let first = app.rows();
    app.click("[data-page='next']").await;
    let second = app.wait_rows_change(&first).await;
    assert!(
        second.iter().all(|r| !first.contains(r)),
        "page 2 has other inquiries"
    );
    assert!(location().search().unwrap().contains("page=2"));
    assert_eq!(
        query_param(&last_list_request().unwrap(), "pageNo").as_deref(),
        Some("2")
    );
    assert!(app.text().contains("2 / "));
    app.click("[data-page='prev']").await;
    assert_eq!(app.wait_rows_change(&second).await, first);
}

#[wasm_bindgen_test]
async fn the_url_restores_filters_and_back_forward_work() {
    // A pasted link.
    let app = mount("demo-member-1", "/?period=1y&status=answered&page=2");
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    assert_eq!(
        app.find("[data-preset='1y']")
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        app.find("[data-status-filter='answered']")
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let req = last_list_request().unwrap();
    assert_eq!(query_param(&req, "pageNo").as_deref(), Some("2"));
    assert_eq!(query_param(&req, "ccnStatCd").as_deref(), Some("30"));
    let answered_page2 = app.rows();
    assert!(answered_page2.iter().all(|(_, s)| s == "answered"));
    // Change a filter, then go back.
    app.click("[data-status-filter='received']").await;
    let received = app.wait_rows_change(&answered_page2).await;
    assert!(received.iter().all(|(_, s)| s == "received"));
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    let restored = app.wait_rows_change(&received).await;
    assert_eq!(restored, answered_page2);
    assert_eq!(
        app.find("[data-status-filter='answered']")
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .forward()
        .unwrap();
    assert_eq!(app.wait_rows_change(&restored).await, received);
}

/// A new answer is marked in the list until the customer opens it; the mark is the server's,
/// so a fresh mount (another device) agrees.
#[wasm_bindgen_test]
async fn a_new_answer_is_marked_until_the_customer_opens_it() {
    let id = inquiry_with_status("demo-member-3", "10").await;
    answer_as_counselor(&id, "새 답변 표시를 확인해 주세요.").await;
    let marker = format!(".idk-row[data-ccn-no='{id}'] .idk-new-answer");
    let app = mount("demo-member-3", "/");
    let mark = app.wait_for(&marker).await;
    assert_eq!(mark.text_content().unwrap(), "새 답변");
    app.click(&format!(".idk-row[data-ccn-no='{id}'] a.idk-row-title"))
        .await;
    app.wait_for("[data-page='detail']").await;
    // Opening the answer is recorded on the server.
    let path = format!("/api/order/v1/customerservice/getQuestionDtl?ccnNo={id}");
    let mut read = false;
    for _ in 0..200 {
        if api_get("demo-member-3", &path).await["payload"]["ansUnreadYn"] == "N" {
            read = true;
            break;
        }
        settle().await;
    }
    assert!(read, "the detail page marks the answer read");
    drop(app);
    let app = mount("demo-member-3", "/");
    app.wait_for(&format!(".idk-row[data-ccn-no='{id}']")).await;
    assert!(app.find(&marker).is_none(), "read: no marker any more");
}
