//! What the host element hears: route changes and what was created, updated and deleted.

use super::*;

#[wasm_bindgen_test]
async fn the_host_hears_route_changes_and_what_was_created_updated_and_deleted() {
    let host = host_at("/mypage/inquiry", "");
    record_events(&host);
    let mut handle = js_mount(
        host.clone(),
        options("token: 'demo-member-1', basePath: '/mypage/inquiry'"),
    )
    .unwrap();
    wait_rows(&host).await;
    let first = events_of("route-changed");
    assert_eq!(first[0]["path"], "/");
    assert_eq!(first[0]["href"], "/mypage/inquiry");

    // Register one.
    let new: HtmlElement = wait_in(&host, "a[href='/mypage/inquiry/new']")
        .await
        .unchecked_into();
    new.click();
    wait_in(&host, "#idk-f-title").await;
    let last = events_of("route-changed").pop().unwrap();
    assert_eq!(last["path"], "/new");
    assert_eq!(last["href"], "/mypage/inquiry/new");
    let app = Mounted::adopt(host.clone());
    app.choose_type("60", "6030").await;
    app.set_value("#idk-f-title", "이벤트 확인", "input").await;
    app.set_value("#idk-f-content", "상점 화면이 이벤트를 듣습니다.", "input")
        .await;
    app.click("button[type='submit']").await;
    let detail = app.wait_for("[data-page='detail']").await;
    let id = detail.get_attribute("data-ccn-no").unwrap();
    let created = events_of("created");
    assert_eq!(created.len(), 1);
    assert_eq!(created[0]["ccnNo"], id.as_str());
    assert_eq!(
        events_of("route-changed").pop().unwrap()["path"],
        format!("/{id}")
    );

    // Edit it.
    app.click(".idk-actions a[href$='/edit']").await;
    app.wait_for("#idk-f-title").await;
    until("the stored title", || {
        app.find("#idk-f-title")
            .map(|t| t.unchecked_into::<web_sys::HtmlInputElement>().value())
            .filter(|v| v == "이벤트 확인")
    })
    .await;
    app.set_value("#idk-f-title", "이벤트 확인 (수정)", "input")
        .await;
    app.click("button[type='submit']").await;
    app.wait_text("이벤트 확인 (수정)").await;
    let updated = events_of("updated");
    assert_eq!(updated.len(), 1);
    assert_eq!(updated[0]["ccnNo"], id.as_str());

    // Delete it.
    app.click(".idk-actions .idk-button-danger").await;
    app.click(".idk-dialog[open] .idk-button-danger").await;
    app.wait_for("[data-page='list']").await;
    let deleted = events_of("deleted");
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["ccnNo"], id.as_str());
    handle.unmount();
    host.remove();
}
