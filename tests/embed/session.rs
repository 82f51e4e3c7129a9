//! Credentials: the token provider, a lapsed session, cookie sessions.

use super::*;

#[wasm_bindgen_test]
async fn the_token_provider_is_asked_before_every_request_and_a_rotated_token_is_used() {
    let host = host_at("/", "");
    // The shell's provider: a promise of whatever token it holds now.
    js_sys::eval("window.__idkToken = 'demo-member-1'; window.__idkAsked = 0;").unwrap();
    let provider = js_sys::eval(
        "() => { window.__idkAsked++; return new Promise((ok) => setTimeout(() => ok(window.__idkToken), 5)); }",
    )
    .unwrap();
    let opts = options("");
    js_sys::Reflect::set(&opts, &"token".into(), &provider).unwrap();
    let mut handle = js_mount(host.clone(), opts).unwrap();
    wait_rows(&host).await;
    let asked = || js_sys::eval("window.__idkAsked").unwrap().as_f64().unwrap() as usize;
    assert_eq!(asked(), fetched().len(), "asked once per request");
    assert!(fetched_auth()
        .iter()
        .all(|a| a.as_deref() == Some("Bearer demo-member-1")));
    let member1_rows = until("rows", || Some(row_ids(&host)).filter(|r| !r.is_empty())).await;

    // The shell refreshed the session: the next request carries the new token.
    js_sys::eval("window.__idkToken = 'demo-member-2';").unwrap();
    let chip: HtmlElement = wait_in(&host, ".idk-chip[data-status-filter='answered']")
        .await
        .unchecked_into();
    chip.click();
    until("a request with the rotated token", || {
        fetched_auth()
            .last()
            .cloned()
            .flatten()
            .filter(|a| a == "Bearer demo-member-2")
    })
    .await;
    settle().await;
    assert_eq!(asked(), fetched().len(), "still once per request");
    let member2_rows = until("member 2's rows", || {
        Some(row_ids(&host)).filter(|r| !r.is_empty() && *r != member1_rows)
    })
    .await;
    assert!(member2_rows.iter().all(|r| !member1_rows.contains(r)));
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_lapsed_session_asks_the_host_once_and_a_new_login_carries_on() {
    let host = host_at("/", "");
    record_events(&host);
    js_sys::eval("window.__idkToken = 'expired-token';").unwrap();
    let opts = options("");
    js_sys::Reflect::set(
        &opts,
        &"token".into(),
        &js_sys::eval("() => window.__idkToken").unwrap(),
    )
    .unwrap();
    let mut handle = js_mount(host.clone(), opts).unwrap();
    let ko = I18n::default();
    until("the log-in message", || {
        host.text_content()
            .unwrap()
            .contains(&ko.error_unauthorized())
            .then_some(())
    })
    .await;
    settle().await;
    // init and the list were both refused: one lapse, one event.
    let asked = events_of("auth-required");
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert_eq!(asked[0]["status"], 401);
    assert_eq!(asked[0]["path"], "/");

    // The shell logged the customer in again; retrying works and no new event fires.
    js_sys::eval("window.__idkToken = 'demo-member-1';").unwrap();
    let retry: HtmlElement = wait_in(&host, ".idk-error button").await.unchecked_into();
    retry.click();
    wait_rows(&host).await;
    assert_eq!(events_of("auth-required").len(), 1);
    handle.unmount();
    host.remove();
}

#[wasm_bindgen_test]
async fn cookie_credentials_send_the_session_cookie_and_no_token() {
    let host = host_at("/", "");
    document()
        .unchecked_ref::<web_sys::HtmlDocument>()
        .set_cookie("inquiry_session=demo-member-3; path=/; SameSite=Lax")
        .unwrap();
    let mut handle = js_mount(host.clone(), options("credentials: 'include'")).unwrap();
    wait_rows(&host).await;
    assert!(
        fetched_auth().iter().all(Option::is_none),
        "no Authorization header"
    );
    handle.unmount();
    host.remove();
    document()
        .unchecked_ref::<web_sys::HtmlDocument>()
        .set_cookie("inquiry_session=; path=/; max-age=0")
        .unwrap();
}
