//! Registering: errors beside their fields, goods picked by keyboard or search, photos.

use super::*;

#[wasm_bindgen_test]
async fn empty_submit_lists_errors_and_focuses_the_first_field() {
    let app = mount("demo-member-3", "/new");
    app.click("button[type='submit']").await;
    let summary = app.wait_for(".idk-error-summary[role='alert']").await;
    let text = summary.text_content().unwrap();
    assert!(
        text.contains("문의 유형을 선택해 주세요")
            && text.contains("제목")
            && text.contains("문의 내용"),
        "{text}"
    );
    assert_eq!(
        active().id(),
        "idk-f-type-group",
        "focus on the first invalid field"
    );
    let title = app.find("#idk-f-title").unwrap();
    assert_eq!(title.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert!(title
        .get_attribute("aria-describedby")
        .unwrap()
        .contains("idk-e-title"));
    assert!(!app
        .find("#idk-e-title")
        .unwrap()
        .text_content()
        .unwrap()
        .is_empty());
    // A goods-required type says so before submitting, and refuses without goods.
    app.choose_type("20", "2020").await;
    app.wait_text("이 유형은 상품을 선택해야 합니다").await;
    app.set_value("#idk-f-title", "배송이 늦어요", "input")
        .await;
    app.set_value("#idk-f-content", "언제 오나요?", "input")
        .await;
    app.click("button[type='submit']").await;
    until("goods error", || {
        app.find("#idk-e-goods")
            .and_then(|e| e.text_content())
            .filter(|t| t.contains("상품을 선택"))
    })
    .await;
    assert_eq!(active().id(), "idk-f-goods");
    // Counters follow typing.
    assert!(app
        .find("#idk-c-title")
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("7 / 50"));
}

#[wasm_bindgen_test]
async fn register_with_goods_picked_by_keyboard_and_a_photo() {
    let app = mount("demo-member-3", "/new");
    app.choose_type("40", "4030").await;
    let title = format!("불량 문의 {}", js_sys::Date::now() as u64);
    app.set_value("#idk-f-title", &title, "input").await;
    app.set_value(
        "#idk-f-content",
        "박음질이 뜯어져 있어요.\n사진 첨부합니다.",
        "input",
    )
    .await;
    // The picker: focus goes in, arrow keys + Enter choose, focus returns to the trigger.
    let trigger: HtmlElement = app.wait_for("#idk-f-goods").await.unchecked_into();
    trigger.focus().unwrap();
    trigger.click();
    let dialog = until("picker open", || app.find("dialog#idk-goods-picker[open]")).await;
    assert!(
        dialog.contains(Some(&active())),
        "focus moved into the dialog"
    );
    let list = app.wait_for("#idk-picker-list").await;
    let first = app.find("#idk-pick-0").unwrap();
    assert_eq!(
        first.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    key(&list, "ArrowDown", false);
    leptos::task::tick().await;
    let second = app.find("#idk-pick-1").unwrap();
    assert_eq!(
        second.get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    let chosen = second.get_attribute("data-goods-no").unwrap();
    key(&list, "Enter", false);
    until("picker closed", || {
        app.find("dialog#idk-goods-picker:not([open])")
    })
    .await;
    let card = app.wait_for(".idk-picked").await;
    assert_eq!(card.get_attribute("data-goods-no").unwrap(), chosen);
    assert_eq!(
        active(),
        *trigger.unchecked_ref::<Element>(),
        "focus back on the trigger"
    );
    // A photo, then a refused SVG: the SVG is named, the PNG stays.
    let input: HtmlInputElement = app.wait_for("#idk-f-photos").await.unchecked_into();
    choose_files(&input, &[("상자.png", PNG_1X1, "image/png")]);
    until("thumbnail", || {
        app.find(".idk-photo-tile[data-photo='상자.png'] img")
    })
    .await;
    choose_files(
        &input,
        &[(
            "logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            "image/svg+xml",
        )],
    );
    app.wait_text("'logo.svg': JPEG, PNG, GIF, WEBP 사진만")
        .await;
    assert!(app.find(".idk-photo-tile[data-photo='상자.png']").is_some());
    app.click("button[type='submit']").await;
    app.wait_for("[data-page='detail']").await;
    app.wait_text("문의를 등록했습니다").await;
    assert!(app.text().contains(&title));
    assert!(app.find(".idk-goods").is_some(), "the goods card");
    until("photo thumbnail", || app.find(".idk-thumb-button img")).await;
    assert_eq!(count_titled("demo-member-3", &title).await, 1);
}

#[wasm_bindgen_test]
async fn search_tab_finds_goods_and_tab_keys_wrap_inside_the_dialog() {
    let app = mount("demo-member-3", "/new");
    app.click("#idk-f-goods").await;
    let dialog = until("picker open", || app.find("dialog#idk-goods-picker[open]")).await;
    app.wait_for("#idk-picker-list").await;
    app.click("#idk-tab-search").await;
    app.set_value("input[name='goodsSearch']", "맨투맨", "input")
        .await;
    until("search results", || {
        let list = app.find("#idk-picker-list")?;
        let text = list.text_content()?;
        (text.contains("맨투맨") && list.query_selector_all(".idk-pick").ok()?.length() > 0)
            .then_some(())
    })
    .await;
    let items = app.host.query_selector_all(".idk-pick").unwrap();
    for i in 0..items.length() {
        let t = items.item(i).unwrap().text_content().unwrap();
        assert!(t.contains("맨투맨"), "{t}");
    }
    // Tab from the last focusable wraps to the first, Shift+Tab from the first to the last.
    let focusables = dialog
        .query_selector_all("button:not([disabled]), input, [tabindex='0']")
        .unwrap();
    let first: HtmlElement = focusables.item(0).unwrap().unchecked_into();
    let last: HtmlElement = focusables
        .item(focusables.length() - 1)
        .unwrap()
        .unchecked_into();
    last.focus().unwrap();
    key(&dialog, "Tab", false);
    assert_eq!(active(), *first.unchecked_ref::<Element>());
    key(&dialog, "Tab", true);
    assert_eq!(active(), *last.unchecked_ref::<Element>());
    // Clicking an item picks it.
    let pick: HtmlElement = app.find("#idk-pick-0").unwrap().unchecked_into();
    let goods_no = pick.get_attribute("data-goods-no").unwrap();
    pick.click();
    let card = app.wait_for(".idk-picked").await;
    assert_eq!(card.get_attribute("data-goods-no").unwrap(), goods_no);
    // And it can be removed.
    app.click(".idk-remove-goods").await;
    until("goods removed", || {
        app.find(".idk-picked").is_none().then_some(())
    })
    .await;
}

#[wasm_bindgen_test]
async fn hidden_and_control_characters_are_refused_before_sending_and_counting_is_nfc() {
    let app = mount("demo-member-3", "/new");
    app.choose_type("10", "1010").await;
    // A NUL pasted into the title; content that is only zero-width characters and a BOM.
    app.set_value("#idk-f-title", "배송\u{0}문의", "input")
        .await;
    app.set_value("#idk-f-content", "\u{200B}\u{FEFF} \u{2060}", "input")
        .await;
    app.click("button[type='submit']").await;
    let title_error = until("the title's error", || {
        app.find("#idk-e-title")
            .and_then(|e| e.text_content())
            .filter(|t| !t.is_empty())
    })
    .await;
    assert!(title_error.contains("U+0000"), "{title_error}");
    let content_error = app.find("#idk-e-content").unwrap().text_content().unwrap();
    assert!(content_error.contains("입력해 주세요"), "{content_error}");
    assert_eq!(active().id(), "idk-f-title", "focus on the first problem");
    assert!(
        location().pathname().unwrap().ends_with("/new"),
        "nothing was sent"
    );
    // Decomposed jamo count as the one syllable the server will store.
    app.set_value("#idk-f-title", "\u{1112}\u{1161}\u{11AB}", "input")
        .await;
    until("the counter", || {
        app.find("#idk-c-title")
            .and_then(|e| e.text_content())
            .filter(|t| t.starts_with("1 / 50"))
    })
    .await;
}
