//! Drafts across remounts; a lost response retried with the same key.

use super::*;

#[wasm_bindgen_test]
async fn a_draft_survives_a_remount_and_can_be_discarded() {
    let text = format!("임시 저장 확인 {}", js_sys::Date::now() as u64);
    {
        let app = mount("demo-member-2", "/new");
        app.set_value("#idk-f-title", "임시 저장 제목", "input")
            .await;
        app.set_value("#idk-f-content", &text, "input").await;
        until("autosave", || {
            let storage = web_sys::window()?.local_storage().ok()??;
            let len = storage.length().ok()?;
            (0..len)
                .filter_map(|i| storage.key(i).ok().flatten())
                .filter_map(|k| storage.get_item(&k).ok().flatten())
                .any(|v| v.contains(&text))
                .then_some(())
        })
        .await;
    }
    let app = mount("demo-member-2", "/new");
    app.wait_text("작성 중이던 문의가 있습니다").await;
    app.click("[data-draft='restore']").await;
    until("restored", || {
        let content: web_sys::HtmlTextAreaElement = app.find("#idk-f-content")?.unchecked_into();
        (content.value() == text).then_some(())
    })
    .await;
    drop(app);
    let app = mount("demo-member-2", "/new");
    app.click("[data-draft='discard']").await;
    until("offer gone", || {
        app.find(".idk-draft-offer").is_none().then_some(())
    })
    .await;
    drop(app);
    let app = mount("demo-member-2", "/new");
    app.wait_for("#idk-f-title").await;
    TimeoutFuture::new(50).await;
    assert!(
        app.find(".idk-draft-offer").is_none(),
        "a discarded draft is gone"
    );
    // Another member never sees it.
}

#[wasm_bindgen_test]
async fn a_lost_response_is_retried_with_the_same_key_and_creates_one_inquiry() {
    let app = mount("demo-member-3", "/new");
    app.choose_type("60", "6030").await;
    let title = format!("재시도 확인 {}", js_sys::Date::now() as u64);
    app.set_value("#idk-f-title", &title, "input").await;
    app.set_value(
        "#idk-f-content",
        "응답이 사라져도 한 번만 등록되어야 합니다.",
        "input",
    )
    .await;
    js_sys::eval("window.__idkXhr.lose = 1;").unwrap();
    app.click("button[type='submit']").await;
    app.wait_text("네트워크 문제로 등록하지 못했습니다").await;
    // The text is still there.
    let content: web_sys::HtmlTextAreaElement =
        app.find("#idk-f-content").unwrap().unchecked_into();
    assert_eq!(
        content.value(),
        "응답이 사라져도 한 번만 등록되어야 합니다."
    );
    assert_eq!(
        count_titled("demo-member-3", &title).await,
        1,
        "the server did register it"
    );
    app.click("button[type='submit']").await;
    app.wait_for("[data-page='detail']").await;
    assert_eq!(
        count_titled("demo-member-3", &title).await,
        1,
        "the retry did not register it twice"
    );
}
