//! Mounting: options refused with a reason, no listeners or timers left behind, zero-JS mounting from data attributes.

use super::*;

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
