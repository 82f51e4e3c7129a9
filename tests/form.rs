//! Browser tests of the register/edit form against the reference server (see tests/web.rs for
//! how the server is chosen).

#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;

use common::*;

async fn count_titled(token: &str, title: &str) -> u64 {
    let today = common::today();
    let body = api_get(
        token,
        &format!(
            "/api/order/v1/customerservice/getQuestion?startDt={}&endDt={today}&searchWord={}",
            today - chrono::Days::new(2),
            js_sys::encode_uri_component(title)
        ),
    )
    .await;
    body["payload"]["pagination"]["totalElements"]
        .as_u64()
        .unwrap()
}

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

#[wasm_bindgen_test]
async fn editing_after_a_counselor_answered_is_refused_with_the_answer_and_the_text_kept() {
    let today = chrono::Local::now().date_naive();
    let list = api_get(
        "demo-member-2",
        &format!("/api/order/v1/customerservice/getQuestion?ccnStatCd=10&startDt={}&endDt={today}&pageSize=30", today - chrono::Days::new(90)),
    )
    .await;
    let id = list["payload"]["content"][0]["ccnNo"]
        .as_str()
        .unwrap()
        .to_owned();
    let app = mount("demo-member-2", &format!("/{id}/edit"));
    app.wait_for("[data-page='edit']").await;
    let content: web_sys::HtmlTextAreaElement =
        app.wait_for("#idk-f-content").await.unchecked_into();
    assert!(!content.value().is_empty(), "prefilled");
    app.set_value("#idk-f-content", "수정하려던 긴 내용입니다.", "input")
        .await;
    // Meanwhile a counselor answers.
    let resp =
        gloo_net::http::Request::post(&format!("{API}/api/bo/v1/customerservice/questionAns"))
            .header("Authorization", "Bearer demo-counselor")
            .json(&serde_json::json!({"ccnNo": id, "ansCont": "확인 후 답변드립니다. 감사합니다."}))
            .unwrap()
            .send()
            .await
            .unwrap();
    assert_eq!(resp.status(), 200);
    app.click("button[type='submit']").await;
    app.wait_text("답변완료").await;
    app.wait_for(".idk-conflict").await;
    assert!(app
        .find(".idk-conflict")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("확인 후 답변드립니다"));
    let kept: web_sys::HtmlTextAreaElement = app.find("#idk-kept-text").unwrap().unchecked_into();
    assert_eq!(kept.value(), "수정하려던 긴 내용입니다.");
    let follow = app.find(".idk-conflict a").unwrap();
    assert!(follow
        .get_attribute("href")
        .unwrap()
        .ends_with(&format!("/new?ref={id}")));
    // And the edit page itself is closed now.
    drop(app);
    let app = mount("demo-member-2", &format!("/{id}/edit"));
    app.wait_for("[data-page='edit-locked']").await;
}

#[wasm_bindgen_test]
async fn an_answered_inquiry_offers_a_prefilled_follow_up() {
    let today = chrono::Local::now().date_naive();
    let list = api_get(
        "demo-member-1",
        &format!("/api/order/v1/customerservice/getQuestion?ccnStatCd=30&startDt={}&endDt={today}&pageSize=30", today - chrono::Days::new(300)),
    )
    .await;
    let row = list["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["goodsNo"].is_string())
        .expect("an answered inquiry about a product")
        .clone();
    let id = row["ccnNo"].as_str().unwrap();
    let app = mount("demo-member-1", &format!("/{id}"));
    app.wait_for("[data-page='detail']").await;
    app.click(&format!(".idk-actions a[href$='/new?ref={id}']"))
        .await;
    app.wait_for("[data-page='new']").await;
    app.wait_text(&format!("문의 {id}에 대한 추가 문의입니다"))
        .await;
    let picked = until("goods carried over", || app.find(".idk-picked")).await;
    assert_eq!(
        picked.get_attribute("data-goods-no").as_deref(),
        row["goodsNo"].as_str()
    );
    let type_select: web_sys::HtmlSelectElement = app.find("#idk-f-type").unwrap().unchecked_into();
    until("type carried over", || {
        (type_select.value() == row["cnslTypNo"].as_str().unwrap()).then_some(())
    })
    .await;
    let title: HtmlInputElement = app.find("#idk-f-title").unwrap().unchecked_into();
    assert!(
        title.value().starts_with("[추가 문의]"),
        "{}",
        title.value()
    );
}

#[wasm_bindgen_test]
async fn an_order_page_link_preselects_its_goods() {
    let orders = api_get(
        "demo-member-1",
        "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=1",
    )
    .await;
    let o = &orders["payload"]["content"][0];
    let (ord_no, goods_no) = (o["ordNo"].as_str().unwrap(), o["goodsNo"].as_str().unwrap());
    let app = mount(
        "demo-member-1",
        &format!("/new?ordNo={ord_no}&goodsNo={goods_no}"),
    );
    let picked = app.wait_for(".idk-picked").await;
    assert_eq!(
        picked.get_attribute("data-goods-no").as_deref(),
        Some(goods_no)
    );
    assert!(picked.text_content().unwrap().contains(ord_no));
}

#[wasm_bindgen_test]
async fn edit_keeps_removes_and_adds_photos() {
    let app = mount("demo-member-1", "/new");
    app.choose_type("60", "6030").await;
    let title = format!("사진 수정 확인 {}", js_sys::Date::now() as u64);
    app.set_value("#idk-f-title", &title, "input").await;
    app.set_value("#idk-f-content", "사진을 바꿔 보겠습니다.", "input")
        .await;
    let input: HtmlInputElement = app.wait_for("#idk-f-photos").await.unchecked_into();
    choose_files(
        &input,
        &[
            ("first.png", PNG_1X1, "image/png"),
            ("second.png", PNG_1X1, "image/png"),
        ],
    );
    until("two tiles", || {
        (app.host
            .query_selector_all(".idk-photo-tile")
            .ok()?
            .length()
            == 2)
            .then_some(())
    })
    .await;
    app.click("button[type='submit']").await;
    let detail = app.wait_for("[data-page='detail']").await;
    let id = detail.get_attribute("data-ccn-no").unwrap();
    app.click(&format!(".idk-actions a[href$='/{id}/edit']"))
        .await;
    app.wait_for("[data-page='edit']").await;
    // The stored photos are shown; remove one, add another.
    let preview = |name: &'static str| {
        let app = &app;
        async move {
            until("stored photo previews", || {
                app.find(&format!(".idk-photo-tile[data-photo='{name}'] img"))?
                    .get_attribute("src")
                    .filter(|s| s.starts_with("blob:"))
            })
            .await
        }
    };
    let (first, second) = (preview("first.png").await, preview("second.png").await);
    assert!(blob_alive(&first).await, "a shown preview can be loaded");
    app.click(".idk-photo-tile[data-photo='first.png'] .idk-remove")
        .await;
    assert!(
        !blob_alive(&first).await,
        "a removed photo's preview is released"
    );
    let input: HtmlInputElement = app.wait_for("#idk-f-photos").await.unchecked_into();
    choose_files(&input, &[("third.png", PNG_1X1, "image/png")]);
    until("new tile", || {
        app.find(".idk-photo-tile[data-photo='third.png']")
    })
    .await;
    app.click("button[type='submit']").await;
    app.wait_text("문의를 수정했습니다").await;
    assert!(
        !blob_alive(&second).await,
        "leaving the form releases the previews of the photos it kept"
    );
    let body = api_get(
        "demo-member-1",
        &format!("/api/order/v1/customerservice/getQuestionDtl?ccnNo={id}"),
    )
    .await;
    let names: Vec<&str> = body["payload"]["atchFiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fileNm"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["second.png", "third.png"]);
}

/// Whether an object URL still points at its blob (a revoked one fails to load).
async fn blob_alive(url: &str) -> bool {
    let window = web_sys::window().unwrap();
    wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .is_ok()
}
