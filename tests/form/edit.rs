//! Editing and following up: a counselor's answer meanwhile, follow-ups, order-page links, photos kept, removed and added.

use super::*;

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

#[wasm_bindgen_test]
async fn an_answer_while_editing_is_told_before_submitting_and_the_text_is_kept() {
    // A fresh inquiry of member 3, so no other test's data is touched.
    let form = web_sys::FormData::new().unwrap();
    let title = format!("편집 중 답변 {}", js_sys::Date::now() as u64);
    for (k, v) in [
        ("cnslTypNo", "6030"),
        ("ccnTitle", title.as_str()),
        ("accpCont", "처음 쓴 내용"),
        ("smsRcvYn", "N"),
        ("emailRcvYn", "N"),
    ] {
        form.append_with_str(k, v).unwrap();
    }
    let saved =
        gloo_net::http::Request::post(&format!("{API}/api/order/v1/customerservice/questionSave"))
            .header("Authorization", "Bearer demo-member-3")
            .body(form)
            .unwrap()
            .send()
            .await
            .unwrap();
    assert_eq!(saved.status(), 201);
    let id = saved.json::<serde_json::Value>().await.unwrap()["payload"]
        .as_str()
        .unwrap()
        .to_owned();

    let app = mount("demo-member-3", &format!("/{id}/edit"));
    app.wait_for("[data-page='edit']").await;
    app.set_value("#idk-f-content", "고치던 중인 내용", "input")
        .await;
    answer_as_counselor(&id, "편집 중에 드린 답변입니다.").await;

    // The customer comes back to the tab: told at once, without pressing 저장.
    return_to_tab();
    app.wait_for(".idk-conflict").await;
    assert!(app.text().contains("편집 중에 드린 답변입니다."));
    assert!(app.find(".idk-submit-error").is_some(), "the form says why");
    let kept: web_sys::HtmlTextAreaElement = app.find("#idk-kept-text").unwrap().unchecked_into();
    assert_eq!(kept.value(), "고치던 중인 내용");
    let content: web_sys::HtmlTextAreaElement =
        app.find("#idk-f-content").unwrap().unchecked_into();
    assert_eq!(content.value(), "고치던 중인 내용", "nothing typed is lost");
    assert!(app
        .find(".idk-conflict a")
        .unwrap()
        .get_attribute("href")
        .unwrap()
        .ends_with(&format!("/new?ref={id}")));
}
