//! The detail: the thread, locks by status, text never HTML, delete, not found, failures, unmounting.

use super::*;

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
    assert!(
        app.find(".idk-answer-due").is_none(),
        "answered: no promise any more"
    );
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
    // Waiting for its answer: by when, in business days, as the server computed it.
    let due = app
        .find(".idk-answer-due time")
        .expect("the answer's due time");
    assert!(due.text_content().unwrap().starts_with("영업일 기준"));
    let detail = api_get(
        "demo-member-1",
        &format!("/api/order/v1/customerservice/getQuestionDtl?ccnNo={id}"),
    )
    .await;
    let want =
        chrono::DateTime::parse_from_rfc3339(detail["payload"]["ansDueDtm"].as_str().unwrap())
            .unwrap();
    let shown =
        chrono::DateTime::parse_from_rfc3339(&due.get_attribute("datetime").unwrap()).unwrap();
    assert_eq!(shown, want);
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

#[wasm_bindgen_test]
async fn an_open_detail_shows_a_counselors_answer_without_a_reload() {
    // The oldest received inquiry of member 2 (other tests take the newest).
    let end = today();
    let body = api_get(
        "demo-member-2",
        &format!(
            "/api/order/v1/customerservice/getQuestion?ccnStatCd=10&startDt={}&endDt={end}&pageSize=30",
            end - Days::new(360)
        ),
    )
    .await;
    let rows = body["payload"]["content"].as_array().unwrap();
    let id = rows.last().unwrap()["ccnNo"].as_str().unwrap().to_owned();
    let app = mount("demo-member-2", &format!("/{id}"));
    app.wait_for("[data-page='detail']").await;
    assert!(
        app.find(".idk-actions a[href$='/edit']").is_some(),
        "editable while 접수완료"
    );

    let answer = format!("라이브 답변 {}", js_sys::Date::now() as u64);
    answer_as_counselor(&id, &answer).await;

    // The customer comes back to the tab: no reload, the answer is there and the page locks.
    return_to_tab();
    app.wait_text(&answer).await;
    until("edit and delete locked", || {
        (app.find(".idk-actions a[href$='/edit']").is_none()
            && app
                .all(".idk-actions button")
                .iter()
                .all(|b| b.has_attribute("disabled")))
        .then_some(())
    })
    .await;
}

/// A new inquiry of `token`, answered by a counselor: one nothing else has rated.
async fn fresh_answered(token: &str) -> String {
    let init = api_get(token, "/api/order/v1/customerservice/getQuestionInit").await;
    let leaf = init["payload"]["cnslTypes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["children"].as_array().unwrap().iter())
        .find(|t| t["goodsSelMdtyYn"] == "N")
        .expect("a type that needs no goods")["cnslTypNo"]
        .as_str()
        .unwrap()
        .to_owned();
    let form = web_sys::FormData::new().unwrap();
    for (k, v) in [
        ("cnslTypNo", leaf.as_str()),
        ("ccnTitle", "답변 평가 테스트"),
        ("accpCont", "답변을 평가해 봅니다."),
        ("smsRcvYn", "N"),
        ("emailRcvYn", "N"),
    ] {
        form.append_with_str(k, v).unwrap();
    }
    let resp =
        gloo_net::http::Request::post(&format!("{API}/api/order/v1/customerservice/questionSave"))
            .header("Authorization", &format!("Bearer {token}"))
            .body(form)
            .unwrap()
            .send()
            .await
            .unwrap();
    assert_eq!(resp.status(), 201, "registered");
    let body: serde_json::Value = resp.json().await.unwrap();
    let id = body["payload"].as_str().unwrap().to_owned();
    answer_as_counselor(&id, "답변드립니다.").await;
    id
}

#[wasm_bindgen_test]
async fn an_answer_is_rated_once_inline_and_unsatisfied_offers_a_follow_up() {
    let id = fresh_answered("demo-member-2").await;
    let app = mount("demo-member-2", &format!("/{id}"));
    let submit = ".idk-rating button[type='submit']";
    app.wait_for(submit).await;

    // Nothing chosen: said at the choice, which gets the focus.
    app.click(submit).await;
    app.wait_text("만족 또는 불만족을 선택해 주세요.").await;
    assert_eq!(active().get_attribute("value").as_deref(), Some("Y"));
    assert_eq!(
        app.find(".idk-rating input[value='N']")
            .unwrap()
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // 불만족 needs a reason: said at the reason's select, which gets the focus.
    app.click(".idk-rating input[value='N']").await;
    app.wait_for("#idk-rating-reason").await;
    app.set_value(
        "#idk-rating-comment",
        "<b>무슨 뜻</b>인지 모르겠어요",
        "input",
    )
    .await;
    app.click(submit).await;
    app.wait_text("아쉬웠던 이유를 선택해 주세요.").await;
    assert_eq!(active().id(), "idk-rating-reason");
    assert_eq!(
        active().get_attribute("aria-describedby").as_deref(),
        Some("idk-e-rating-reason")
    );

    // A send that fails keeps every choice and the comment.
    // 답변을 이해하기 어려워요 (UNCLEAR on the wire).
    app.set_value("#idk-rating-reason", "1", "change").await;
    fail_next_fetches(1);
    app.click(submit).await;
    until("the failure said", || {
        app.find(".idk-rating .idk-error")
            .and_then(|e| e.text_content())
            .filter(|t| !t.is_empty())
    })
    .await;
    let value = |sel: &str| {
        js_sys::Reflect::get(&app.find(sel).unwrap(), &"value".into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    assert_eq!(
        value("#idk-rating-comment"),
        "<b>무슨 뜻</b>인지 모르겠어요"
    );
    assert_eq!(value("#idk-rating-reason"), "1");

    // Sent: what was said, as text, and the way to a follow-up question.
    app.click(submit).await;
    let given = app.wait_for(".idk-rating-given[data-satisfied='N']").await;
    let text = given.text_content().unwrap();
    assert!(text.contains("답변을 이해하기 어려워요"), "{text}");
    assert!(text.contains("<b>무슨 뜻</b>인지 모르겠어요"), "{text}");
    assert!(
        given.query_selector("b").unwrap().is_none(),
        "user text is never HTML"
    );
    let follow_up = given.query_selector("a").unwrap().unwrap();
    assert!(follow_up
        .get_attribute("href")
        .unwrap()
        .ends_with(&format!("/new?ref={id}")));
    assert!(
        app.find(".idk-rating").is_none(),
        "rated once: no form any more"
    );

    // The server has it; a fresh mount (another device) shows it, not the form.
    let detail = api_get(
        "demo-member-2",
        &format!("/api/order/v1/customerservice/getQuestionDtl?ccnNo={id}"),
    )
    .await;
    assert_eq!(detail["payload"]["stsf"]["reasonCd"], "UNCLEAR");
    drop(app);
    let again = mount("demo-member-2", &format!("/{id}"));
    again
        .wait_for(".idk-rating-given[data-satisfied='N']")
        .await;
    assert!(again.find(".idk-rating").is_none());
}
