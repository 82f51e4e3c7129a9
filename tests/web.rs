//! Browser tests: the real app in headless Chromium (wasm-bindgen-test) against the reference
//! server that `cargo xtask test` starts with a freshly seeded database.
//!
//! The server's address comes from `INQUIRY_DESK_TEST_API` at compile time (set by xtask).

#![cfg(target_arch = "wasm32")]

use chrono::{Days, Months};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;

use common::*;

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

#[wasm_bindgen_test]
async fn answered_detail_shows_the_thread_and_locks_edit_and_delete() {
    let id = inquiry_with_status("demo-member-1", "30").await;
    let app = mount("demo-member-1", &format!("/{id}"));
    app.wait_for("[data-page='detail']").await;
    assert!(
        app.find(".idk-thread .idk-reply-counselor").is_some(),
        "counselor reply shown"
    );
    let reply = app.find(".idk-reply").unwrap().text_content().unwrap();
    assert!(reply.contains("상담원"), "{reply}");
    assert!(app.find(".idk-answered-at").is_some());
    assert!(app.find(".idk-badge-answered").is_some());
    let buttons = app.all(".idk-actions button");
    assert_eq!(buttons.len(), 2);
    for b in &buttons {
        assert!(b.has_attribute("disabled"));
        assert_eq!(
            b.get_attribute("aria-describedby").as_deref(),
            Some("idk-lock-reason")
        );
    }
    assert!(app
        .find("#idk-lock-reason")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("답변이 완료된"));
}

#[wasm_bindgen_test]
async fn in_progress_is_locked_and_received_is_editable() {
    let id = inquiry_with_status("demo-member-1", "20").await;
    let app = mount("demo-member-1", &format!("/{id}"));
    app.wait_for("[data-page='detail']").await;
    assert!(app
        .all(".idk-actions button")
        .iter()
        .all(|b| b.has_attribute("disabled")));
    assert!(app
        .find("#idk-lock-reason")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("확인 중"));
    drop(app);

    let id = inquiry_with_status("demo-member-1", "10").await;
    let app = mount("demo-member-1", &format!("/{id}"));
    app.wait_for("[data-page='detail']").await;
    let edit = app.find(".idk-actions a").expect("edit link");
    assert!(edit
        .get_attribute("href")
        .unwrap()
        .ends_with(&format!("/{id}/edit")));
    let delete = app.find(".idk-actions .idk-button-danger").unwrap();
    assert!(!delete.has_attribute("disabled"));
    assert!(app.find("#idk-lock-reason").is_none());
    assert!(app.text().contains("아직 답변이 등록되지 않았습니다"));
}

#[wasm_bindgen_test]
async fn content_is_text_with_line_breaks_never_html() {
    // Seeded content has line breaks; rendering must keep them as text.
    let id = inquiry_with_status("demo-member-1", "30").await;
    let app = mount("demo-member-1", &format!("/{id}"));
    let content = app.wait_for(".idk-content").await;
    assert_eq!(
        content.child_element_count(),
        0,
        "no markup inside user text"
    );
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&content)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("white-space").unwrap(), "pre-wrap");
}

#[wasm_bindgen_test]
async fn delete_asks_in_a_dialog_then_returns_to_the_list_with_a_message() {
    let id = inquiry_with_status("demo-member-3", "10").await;
    let app = mount("demo-member-3", &format!("/{id}"));
    app.wait_for("[data-page='detail']").await;
    let delete: HtmlElement = app
        .find(".idk-actions .idk-button-danger")
        .unwrap()
        .unchecked_into();
    delete.focus().unwrap();
    delete.click();
    let dialog = until("dialog open", || app.find("dialog#idk-delete-dialog[open]")).await;
    assert_eq!(
        dialog.get_attribute("aria-labelledby").as_deref(),
        Some("idk-delete-dialog-title")
    );
    let active = document().active_element().unwrap();
    assert!(
        dialog.contains(Some(&active)),
        "focus moved into the dialog"
    );
    // Cancel: closes and focus returns to the delete button.
    app.click("dialog#idk-delete-dialog .idk-dialog-actions button:first-child")
        .await;
    until("dialog closed", || {
        app.find("dialog#idk-delete-dialog:not([open])")
    })
    .await;
    assert_eq!(
        document().active_element().unwrap(),
        *delete.unchecked_ref::<Element>()
    );
    // Confirm.
    delete.click();
    until("dialog open again", || {
        app.find("dialog#idk-delete-dialog[open]")
    })
    .await;
    app.click("dialog#idk-delete-dialog .idk-button-danger")
        .await;
    app.wait_for("[data-page='list']").await;
    app.wait_text("문의를 삭제했습니다.").await;
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    assert!(
        app.rows().iter().all(|(row, _)| *row != id),
        "gone from the list"
    );
    drop(app);
    let app = mount("demo-member-3", &format!("/{id}"));
    app.wait_for("[data-page='not-found']").await;
}

#[wasm_bindgen_test]
async fn unknown_and_other_members_inquiries_show_not_found() {
    let app = mount("demo-member-1", "/99999999999999");
    app.wait_for("[data-page='not-found']").await;
    app.wait_text("문의를 찾을 수 없습니다").await;
    drop(app);
    let theirs = inquiry_with_status("demo-member-2", "30").await;
    let app = mount("demo-member-1", &format!("/{theirs}"));
    app.wait_for("[data-page='not-found']").await;
    assert!(
        app.find("[data-page='not-found'] a").is_some(),
        "a way back to the list"
    );
}

#[wasm_bindgen_test]
async fn an_api_failure_shows_an_inline_error_and_retry_recovers() {
    let app = mount_failing("demo-member-1", "/", 2);
    let error = app.wait_for(".idk-error[role='alert']").await;
    assert!(error
        .text_content()
        .unwrap()
        .contains("서버에 연결할 수 없습니다"));
    assert!(
        app.find("[data-page='list'] .idk-filters").is_some(),
        "the page around the error stays"
    );
    app.click(".idk-error button").await;
    app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row").await;
    assert!(app.find(".idk-error").is_none());
}

#[wasm_bindgen_test]
async fn a_missing_token_says_to_log_in() {
    let app = mount("not-a-token", "/");
    app.wait_text("로그인이 필요합니다").await;
    assert!(app.find(".idk-error button").is_some());
}

#[wasm_bindgen_test]
async fn unmounting_leaves_no_stray_listeners_behind() {
    // Mount and unmount a few times: each router listens to clicks on the window. A leaked
    // listener from an unmounted app would swallow link clicks of the live one.
    for url in ["/", "/new", "/?period=1y"] {
        let app = mount("demo-member-1", url);
        app.wait_for(".idk-rows:not(.idk-skeleton) .idk-row, #idk-f-title")
            .await;
        settle().await;
    }
    let app = mount("demo-member-1", "/");
    let link = app
        .wait_for(".idk-rows:not(.idk-skeleton) a.idk-row-title")
        .await;
    let id = link.get_attribute("href").unwrap();
    link.unchecked_ref::<HtmlElement>().click();
    let detail = app.wait_for("[data-page='detail']").await;
    assert_eq!(
        detail.get_attribute("data-ccn-no").map(|n| format!("/{n}")),
        Some(id.clone())
    );
    assert_eq!(location().pathname().unwrap(), id);
}
