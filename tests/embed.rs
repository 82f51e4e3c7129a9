//! Browser tests of the app as a storefront embeds it: the JS `mount`/`unmount`, its options
//! (token provider, cookies, locale, time zone), the events on the host element, the three
//! locales, styles that neither leak out nor let the host's global CSS in, and a 360 px host.

#![cfg(target_arch = "wasm32")]

use inquiry_desk::{
    i18n::{I18n, Locale},
    js_mount, MountHandle,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

mod common;

use common::*;

fn host_at(url: &str, style: &str) -> HtmlElement {
    fresh_host(url, style)
}

/// The inquiry numbers of the rows the list shows.
fn row_ids(host: &HtmlElement) -> Vec<String> {
    host.query_selector_all(".idk-rows:not(.idk-skeleton) .idk-row")
        .unwrap()
        .values()
        .into_iter()
        .filter_map(|n| n.ok())
        .filter_map(|n| n.unchecked_into::<Element>().get_attribute("data-ccn-no"))
        .collect()
}

/// `options` as the JS object literal a shell would write, with `API` for the server.
fn options(js: &str) -> JsValue {
    js_sys::eval(&format!("({{ apiBase: {API:?}, {js} }})")).unwrap()
}

fn in_host(host: &HtmlElement, selector: &str) -> Option<Element> {
    host.query_selector(selector).unwrap()
}

async fn wait_in(host: &HtmlElement, selector: &str) -> Element {
    until(&format!("{selector} in the host"), || {
        in_host(host, selector)
    })
    .await
}

async fn wait_rows(host: &HtmlElement) {
    wait_in(host, ".idk-rows:not(.idk-skeleton) .idk-row").await;
}

fn js_error_message(e: JsValue) -> String {
    assert!(
        e.is_instance_of::<js_sys::TypeError>(),
        "a TypeError: {e:?}"
    );
    e.unchecked_into::<js_sys::Error>().message().into()
}

/// Starts recording every event of `types` the host dispatches: `window.__idkEvents`.
fn record_events(host: &HtmlElement) {
    let record = js_sys::Function::new_with_args(
        "host",
        "window.__idkEvents = [];
         for (const t of ['created', 'updated', 'deleted', 'auth-required', 'route-changed']) {
           host.addEventListener('inquiry-desk:' + t, (e) => {
             window.__idkEvents.push({ type: e.type, detail: e.detail, bubbles: e.bubbles });
           });
         }",
    );
    record.call1(&JsValue::NULL, host).unwrap();
}

/// `(type, detail as JSON)` of the recorded events.
fn events() -> Vec<(String, serde_json::Value)> {
    let list = js_sys::eval("window.__idkEvents.slice()").unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|e| {
            let kind = js_sys::Reflect::get(&e, &"type".into())
                .unwrap()
                .as_string()
                .unwrap();
            assert_eq!(
                js_sys::Reflect::get(&e, &"bubbles".into()).unwrap(),
                JsValue::TRUE,
                "{kind} bubbles"
            );
            let detail = js_sys::Reflect::get(&e, &"detail".into()).unwrap();
            let json: String = js_sys::JSON::stringify(&detail).unwrap().into();
            (kind, serde_json::from_str(&json).unwrap())
        })
        .collect()
}

fn events_of(kind: &str) -> Vec<serde_json::Value> {
    events()
        .into_iter()
        .filter(|(k, _)| k == &format!("inquiry-desk:{kind}"))
        .map(|(_, d)| d)
        .collect()
}

#[wasm_bindgen_test]
async fn mount_refuses_bad_options_naming_the_problem() {
    let host = host_at("/", "");
    let cases = [
        ("apibase: ''", "apibase"),
        ("locale: 'fr'", "zh-TW"),
        ("timeZone: 'Mars/Olympus_Mons'", "Mars/Olympus_Mons"),
        ("token: 42", "token"),
        ("credentials: 'same-origin'", "credentials"),
        ("token: 't', credentials: 'include'", "either"),
    ];
    for (js, needle) in cases {
        let message = js_error_message(js_mount(host.clone(), options(js)).err().unwrap());
        assert!(message.contains(needle), "{js}: {message}");
        assert!(
            in_host(&host, ".inquiry-desk").is_none(),
            "{js} mounted nothing"
        );
    }
    let mut handle = js_mount(host.clone(), options("token: 'demo-member-1'")).unwrap();
    let again = js_error_message(
        js_mount(host.clone(), options("token: 'demo-member-1'"))
            .err()
            .unwrap(),
    );
    assert!(again.contains("already"), "{again}");
    wait_rows(&host).await;
    assert_eq!(
        host.query_selector_all(".inquiry-desk").unwrap().length(),
        1
    );
    handle.unmount();
    assert!(!handle.mounted());
    handle.unmount(); // a second call is harmless
    host.remove();
}

/// Counts the window/document listeners and the pending timers the page has: wraps
/// add/removeEventListener and setTimeout/clearTimeout/setInterval/clearInterval.
fn install_leak_probe() {
    js_sys::eval(
        "if (!window.__idkLeak) {
           const L = window.__idkLeak = { listeners: new Set(), timers: new Set() };
           const key = (t, type, fn, opts) =>
             [t === window ? 'w' : 'd', type, typeof opts === 'boolean' ? opts : !!(opts && opts.capture)];
           const ids = new WeakMap(); let next = 0;
           const id = (fn) => { if (!ids.has(fn)) ids.set(fn, ++next); return ids.get(fn); };
           for (const t of [window, document]) {
             const add = t.addEventListener.bind(t), remove = t.removeEventListener.bind(t);
             t.addEventListener = (type, fn, opts) => {
               if (fn) L.listeners.add(JSON.stringify([...key(t, type, fn, opts), id(fn)]));
               return add(type, fn, opts);
             };
             t.removeEventListener = (type, fn, opts) => {
               if (fn) L.listeners.delete(JSON.stringify([...key(t, type, fn, opts), id(fn)]));
               return remove(type, fn, opts);
             };
           }
           const st = window.setTimeout.bind(window), ct = window.clearTimeout.bind(window);
           const si = window.setInterval.bind(window), ci = window.clearInterval.bind(window);
           window.setTimeout = (fn, ms, ...a) => {
             const h = st((...b) => { L.timers.delete(h); typeof fn === 'function' && fn(...b); }, ms, ...a);
             L.timers.add(h); return h;
           };
           window.clearTimeout = (h) => { L.timers.delete(h); return ct(h); };
           window.setInterval = (fn, ms, ...a) => { const h = si(fn, ms, ...a); L.timers.add(h); return h; };
           window.clearInterval = (h) => { L.timers.delete(h); return ci(h); };
         }",
    )
    .unwrap();
}

fn leak_counts() -> (u32, u32) {
    let count = |what: &str| {
        js_sys::eval(&format!("window.__idkLeak.{what}.size"))
            .unwrap()
            .as_f64()
            .unwrap() as u32
    };
    (count("listeners"), count("timers"))
}

/// Mounts through the JS API, visits the list and the form, starts typing (the draft autosave
/// timer is then pending) and unmounts.
async fn mount_use_unmount() {
    let before = leak_counts();
    let host = host_at("/", "");
    let mut handle: MountHandle =
        js_mount(host.clone(), options("token: 'demo-member-1'")).unwrap();
    wait_rows(&host).await;
    let new: HtmlElement = wait_in(&host, "a[href='/new']").await.unchecked_into();
    new.click();
    let title = wait_in(&host, "#idk-f-title").await;
    js_sys::Reflect::set(&title, &"value".into(), &"쓰다 만 제목".into()).unwrap();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    title
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    let (listeners, timers) = leak_counts();
    web_sys::console::log_1(
        &format!("mounted: {listeners} listeners, {timers} timers (before: {before:?})").into(),
    );
    assert!(
        listeners > before.0 && timers > before.1,
        "the probe sees the mounted app's listeners and its pending autosave"
    );
    handle.unmount();
    assert_eq!(host.child_element_count(), 0, "the view is gone");
    assert!(!host.has_attribute(inquiry_desk::MOUNTED_ATTR));
    host.remove();
    settle().await;
}

#[wasm_bindgen_test]
async fn mounting_and_unmounting_again_and_again_leaves_no_listeners_or_timers() {
    install_leak_probe();
    // The first mount may register page-wide, once-only things (leptos' delegated events).
    mount_use_unmount().await;
    let baseline = leak_counts();
    mount_use_unmount().await;
    mount_use_unmount().await;
    assert_eq!(
        leak_counts(),
        baseline,
        "(listeners, timers) after two more mounts"
    );

    // Two apps in one page at once, then one of them goes: the other still works.
    let a = host_at("/", "");
    let b = host_at("/", "");
    let mut ha = js_mount(a.clone(), options("token: 'demo-member-1'")).unwrap();
    let mut hb = js_mount(b.clone(), options("token: 'demo-member-2'")).unwrap();
    wait_rows(&a).await;
    wait_rows(&b).await;
    ha.unmount();
    a.remove();
    let link: HtmlElement = wait_in(&b, "a.idk-row-title").await.unchecked_into();
    let href = link.get_attribute("href").unwrap();
    link.click();
    let detail = wait_in(&b, "[data-page='detail']").await;
    assert_eq!(
        format!("/{}", detail.get_attribute("data-ccn-no").unwrap()),
        href
    );
    hb.unmount();
    b.remove();
    settle().await;
    assert_eq!(
        leak_counts(),
        baseline,
        "(listeners, timers) after two side by side"
    );
}

#[wasm_bindgen_test]
async fn zero_js_mounting_reads_the_data_attributes() {
    let host = host_at("/mypage/inquiry", "");
    for (k, v) in [
        ("data-inquiry-desk", ""),
        ("data-api-base", API),
        ("data-base-path", "/mypage/inquiry/"),
        ("data-locale", "en"),
        ("data-token", "demo-member-1"),
    ] {
        host.set_attribute(k, v).unwrap();
    }
    assert_eq!(inquiry_desk::mount_all(None), 1);
    assert_eq!(inquiry_desk::mount_all(None), 0, "mounted ones are skipped");
    wait_rows(&host).await;
    let en = I18n::new(Locale::En, None);
    assert_eq!(
        in_host(&host, "h1").unwrap().text_content().unwrap(),
        en.app_title()
    );
    // Routes live under the base path.
    let link = in_host(&host, "a.idk-row-title").unwrap();
    assert!(link
        .get_attribute("href")
        .unwrap()
        .starts_with("/mypage/inquiry/"));
    assert!(inquiry_desk::js_unmount(host.clone()));
    assert!(!inquiry_desk::js_unmount(host.clone()));
    host.remove();
}

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

#[wasm_bindgen_test]
async fn each_locale_renders_the_list_and_the_detail_in_its_language() {
    let answered = inquiry_with_status("demo-member-1", "30").await;
    let mut seen_titles = Vec::new();
    for locale in Locale::ALL {
        let i18n = I18n::new(locale, Some("Asia/Seoul"));
        let host = host_at("/", "");
        let mut handle = js_mount(
            host.clone(),
            options(&format!(
                "token: 'demo-member-1', locale: '{}', timeZone: 'Asia/Seoul'",
                locale.tag()
            )),
        )
        .unwrap();
        wait_rows(&host).await;
        let root = in_host(&host, ".inquiry-desk").unwrap();
        assert_eq!(root.get_attribute("lang").as_deref(), Some(locale.tag()));
        let text = host.text_content().unwrap();
        for label in [
            i18n.app_title(),
            i18n.new_inquiry(),
            i18n.period(),
            i18n.status(),
        ] {
            assert!(text.contains(&label), "{locale}: {label:?} in the list");
        }
        let badge = in_host(&host, ".idk-row[data-status='30'] .idk-badge-name");
        if let Some(badge) = badge {
            assert_eq!(badge.text_content().unwrap(), i18n.status_answered());
        }
        // Dates as the locale writes them (Intl), not one fixed pattern.
        let date = in_host(&host, ".idk-row-date").unwrap();
        let stamp = date.get_attribute("datetime").unwrap();
        let t = chrono::DateTime::parse_from_rfc3339(&stamp).unwrap();
        assert_eq!(date.text_content().unwrap(), i18n.date(&t));
        seen_titles.push(i18n.date(&t));

        // The detail of an answered inquiry.
        handle.unmount();
        host.remove();
        let host = host_at(&format!("/{answered}"), "");
        let mut handle = js_mount(
            host.clone(),
            options(&format!(
                "token: 'demo-member-1', locale: '{}', timeZone: 'Asia/Seoul'",
                locale.tag()
            )),
        )
        .unwrap();
        wait_in(&host, "[data-page='detail'] .idk-thread").await;
        let text = host.text_content().unwrap();
        for label in [
            i18n.back_to_list(),
            i18n.content(),
            i18n.replies(),
            i18n.lock_answered(),
            i18n.status_answered(),
        ] {
            assert!(text.contains(&label), "{locale}: {label:?} in the detail");
        }
        handle.unmount();
        host.remove();
    }
    seen_titles.dedup();
    assert_eq!(
        seen_titles.len(),
        3,
        "three ways of writing a date: {seen_titles:?}"
    );
}

#[wasm_bindgen_test]
async fn dates_are_shown_in_the_customers_time_zone() {
    let answered = inquiry_with_status("demo-member-1", "30").await;
    let mut shown = Vec::new();
    for zone in ["Asia/Seoul", "America/Los_Angeles"] {
        let host = host_at(&format!("/{answered}"), "");
        let mut handle = js_mount(
            host.clone(),
            options(&format!(
                "token: 'demo-member-1', locale: 'en', timeZone: '{zone}'"
            )),
        )
        .unwrap();
        let time = wait_in(&host, ".idk-facts time").await;
        let t =
            chrono::DateTime::parse_from_rfc3339(&time.get_attribute("datetime").unwrap()).unwrap();
        let text = time.text_content().unwrap();
        assert_eq!(text, I18n::new(Locale::En, Some(zone)).datetime(&t));
        shown.push(text);
        handle.unmount();
        host.remove();
    }
    assert_ne!(shown[0], shown[1], "17 hours apart");
}

/// Computed styles that the host's global CSS would be most likely to disturb.
const PROPS: [&str; 14] = [
    "font-family",
    "font-size",
    "font-weight",
    "color",
    "background-color",
    "margin-top",
    "padding-left",
    "border-top-width",
    "border-top-style",
    "border-radius",
    "text-transform",
    "letter-spacing",
    "line-height",
    "box-sizing",
];

fn styles_of(elements: &[Element]) -> Vec<Vec<String>> {
    let window = web_sys::window().unwrap();
    elements
        .iter()
        .map(|el| {
            let cs = window.get_computed_style(el).unwrap().unwrap();
            let mut v: Vec<String> = PROPS
                .iter()
                .map(|p| format!("{p}: {}", cs.get_property_value(p).unwrap()))
                .collect();
            let r = el.get_bounding_client_rect();
            v.push(format!(
                "size: {}x{}",
                r.width().round(),
                r.height().round()
            ));
            v
        })
        .collect()
}

const HOSTILE_CSS: &str = "
  html { font-size: 40px; }
  * { margin: 13px; padding: 9px; font-family: serif; color: rgb(255, 0, 0); letter-spacing: 3px;
      line-height: 3; box-sizing: content-box; border-radius: 0; }
  button { background: hotpink; border: 5px dashed lime; text-transform: uppercase; font-size: 30px; }
  h1, h2 { font-size: 60px; color: blue; font-weight: 100; }
  a { color: orange; }
  input, select, textarea { background: yellow; border: 4px solid black; }
  ul, li { list-style: square; padding: 30px; }
  div, section { border: 2px dotted purple; background-color: rgb(200, 255, 200); }
";

#[wasm_bindgen_test]
async fn a_hostile_page_stylesheet_does_not_change_the_app_and_the_app_does_not_change_the_page() {
    let host = host_at("/", "width: 900px");
    let mut handle = js_mount(host.clone(), options("token: 'demo-member-1'")).unwrap();
    wait_rows(&host).await;
    settle().await;
    let probes: Vec<Element> = [
        ".inquiry-desk",
        ".idk-title",
        ".idk-page-head .idk-button",
        ".idk-chip",
        ".idk-filters select, .idk-filters input",
        ".idk-rows",
        ".idk-row",
        "a.idk-row-title",
        ".idk-badge-name",
        ".idk-pager .idk-button",
    ]
    .iter()
    .map(|s| in_host(&host, s).unwrap_or_else(|| panic!("{s}")))
    .collect();
    let before = styles_of(&probes);

    let hostile = document().create_element("style").unwrap();
    hostile.set_text_content(Some(HOSTILE_CSS));
    document().head().unwrap().append_child(&hostile).unwrap();
    settle().await;
    let after = styles_of(&probes);
    hostile.remove();
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        assert_eq!(
            b,
            a,
            "{:?} changed under the hostile CSS",
            probes[i].class_name()
        );
    }
    handle.unmount();
    host.remove();

    // The other way round: the app's stylesheet leaves the page's own elements alone.
    let page = document().create_element("section").unwrap();
    page.set_inner_html(
        "<h1>Store</h1><p>Text <a href='#'>link</a></p><button>Buy</button><input><ul><li>x</li></ul>",
    );
    document().body().unwrap().append_child(&page).unwrap();
    let outside: Vec<Element> = ["section", "h1", "p", "a", "button", "input", "ul", "li"]
        .iter()
        .map(|s| {
            page.query_selector(s)
                .unwrap()
                .unwrap_or_else(|| page.clone())
        })
        .collect();
    let sheet = document().get_element_by_id("idk-test-styles").unwrap();
    let with_app_css = styles_of(&outside);
    sheet.remove();
    let without = styles_of(&outside);
    document().head().unwrap().append_child(&sheet).unwrap();
    assert_eq!(with_app_css, without, "the app's CSS reached the page");
    page.remove();

    // And by construction: every rule is under the root class, every animation name prefixed.
    let style: web_sys::HtmlStyleElement = sheet.unchecked_into();
    let css = style
        .sheet()
        .unwrap()
        .unchecked_into::<web_sys::CssStyleSheet>();
    let mut selectors = Vec::new();
    collect_selectors(&css.css_rules().unwrap(), &mut selectors);
    assert!(selectors.len() > 50);
    for s in selectors {
        for part in top_level_parts(&s) {
            let part = part.trim();
            assert!(
                part.starts_with(".inquiry-desk") || part.starts_with("@keyframes idk-"),
                "unscoped selector {part:?}"
            );
        }
    }
}

/// A selector list split at its top-level commas (not those inside `:where(…)`).
fn top_level_parts(list: &str) -> Vec<String> {
    let (mut parts, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
}

fn collect_selectors(rules: &web_sys::CssRuleList, out: &mut Vec<String>) {
    for i in 0..rules.length() {
        let rule = rules.item(i).unwrap();
        if let Some(style) = rule.dyn_ref::<web_sys::CssStyleRule>() {
            out.push(style.selector_text());
        } else if let Some(kf) = rule.dyn_ref::<web_sys::CssKeyframesRule>() {
            out.push(format!("@keyframes {}", kf.name()));
        } else if let Ok(inner) = js_sys::Reflect::get(&rule, &"cssRules".into()) {
            // @media, @container
            if let Ok(list) = inner.dyn_into::<web_sys::CssRuleList>() {
                collect_selectors(&list, out);
            }
        }
    }
}

/// Every visible control is at least 24×24 px and nothing sticks out of the app sideways.
fn assert_fits(host: &HtmlElement, what: &str) {
    let root = in_host(host, ".inquiry-desk").unwrap();
    let bounds = root.get_bounding_client_rect();
    assert!(
        root.scroll_width() <= root.client_width(),
        "{what}: scrolls sideways ({} > {})",
        root.scroll_width(),
        root.client_width()
    );
    let all = root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let el: Element = all.item(i).unwrap().unchecked_into();
        let r = el.get_bounding_client_rect();
        if r.width() == 0.0 && r.height() == 0.0 {
            continue; // not rendered
        }
        let in_dialog = el.closest("dialog").unwrap().is_some();
        // Visually hidden controls (the file input behind its label-button) are not targets.
        if in_dialog || el.closest(".idk-visually-hidden").unwrap().is_some() {
            continue;
        }
        {
            assert!(
                r.right() <= bounds.right() + 0.5 && r.left() >= bounds.left() - 0.5,
                "{what}: <{} class={:?}> sticks out ({}..{} of {}..{})",
                el.tag_name(),
                el.class_name(),
                r.left(),
                r.right(),
                bounds.left(),
                bounds.right()
            );
        }
        let interactive = el
            .matches("a[href], button, input:not([type='hidden']), select, textarea, [role='option'], [role='tab']")
            .unwrap();
        if interactive {
            assert!(
                r.width() >= 24.0 && r.height() >= 24.0,
                "{what}: <{} class={:?}> is {}x{} px, under 24",
                el.tag_name(),
                el.class_name(),
                r.width(),
                r.height()
            );
        }
    }
}

#[wasm_bindgen_test]
async fn fits_a_360_px_host_and_a_1280_px_one_with_big_enough_targets() {
    let detail = inquiry_with_status("demo-member-1", "30").await;
    for width in [360, 1280] {
        for (url, ready) in [
            ("/".to_owned(), ".idk-rows:not(.idk-skeleton) .idk-row"),
            (format!("/{detail}"), "[data-page='detail'] .idk-thread"),
            ("/new".to_owned(), "#idk-f-title"),
        ] {
            let host = host_at(&url, &format!("width: {width}px"));
            let mut handle = js_mount(
                host.clone(),
                options("token: 'demo-member-1', locale: 'en'"),
            )
            .unwrap();
            wait_in(&host, ready).await;
            settle().await;
            assert_fits(&host, &format!("{url} at {width}px"));
            handle.unmount();
            host.remove();
        }
    }
}
