//! Shared harness of the browser tests: the real app mounted in a fresh host element of the
//! test page, talking to the reference server `cargo xtask test` started (its address comes
//! from `INQUIRY_DESK_TEST_API` at compile time), with hooks to observe and break the network.

#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use gloo_timers::future::TimeoutFuture;
use inquiry_desk::{api::Credentials, Config};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub const API: &str = match option_env!("INQUIRY_DESK_TEST_API") {
    Some(api) => api,
    None => "http://127.0.0.1:18080",
};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The app mounted in a fresh host element at an in-app URL; unmounts when dropped.
pub struct Mounted {
    pub host: HtmlElement,
    /// Its key in `LIVE`; `None` for an app mounted some other way (see [`Mounted::adopt`]).
    key: Option<u64>,
}

thread_local! {
    /// The apps of live `Mounted`s. A test that panics never drops its `Mounted` (wasm does not
    /// unwind), and its app's router would go on catching the next tests' clicks and history;
    /// so every new mount first removes whatever a failed test left behind.
    static LIVE: std::cell::RefCell<Vec<(u64, HtmlElement, inquiry_desk::AppHandle)>> =
        const { std::cell::RefCell::new(Vec::new()) };
    static NEXT_KEY: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(key) = self.key.take() {
            let app = LIVE.with(|l| {
                let mut l = l.borrow_mut();
                l.iter()
                    .position(|(k, _, _)| *k == key)
                    .map(|i| l.remove(i))
            });
            drop(app);
            self.host.remove();
        }
    }
}

/// Unmounts every app a panicked test left mounted (through either mount path).
pub fn unmount_leftovers() {
    let left: Vec<_> = LIVE.with(|l| l.borrow_mut().drain(..).collect());
    for (_, host, app) in left {
        drop(app);
        host.remove();
    }
    let mounted = document()
        .query_selector_all(&format!("[{}]", inquiry_desk::MOUNTED_ATTR))
        .unwrap();
    for i in 0..mounted.length() {
        let host: HtmlElement = mounted.item(i).unwrap().unchecked_into();
        inquiry_desk::js_unmount(host.clone());
        host.remove();
    }
}

pub fn mount(token: &str, url: &str) -> Mounted {
    mount_failing(token, url, 0)
}

/// Mounts with the first `failures` fetches failing like a dropped connection.
pub fn mount_failing(token: &str, url: &str, failures: u32) -> Mounted {
    mount_inner(config(token), url, failures)
}

/// The tests' configuration: the test server, no base path, a fixed token, Korean.
pub fn config(token: &str) -> Config {
    Config {
        api_base: API.to_owned(),
        credentials: Credentials::Token(token.to_owned()),
        ..Config::default()
    }
}

/// Mounts `config` in a fresh host element appended to the body, at `url`.
pub fn mount_with(config: Config, url: &str) -> Mounted {
    mount_inner(config, url, 0)
}

/// A fresh host element (with inline `style`) appended to the body, the page at in-app URL
/// `url`, the app's stylesheet and the network hooks installed, leftovers of failed tests gone.
pub fn fresh_host(url: &str, style: &str) -> HtmlElement {
    unmount_leftovers();
    install_styles();
    reset_fetch_hooks();
    install_xhr_hooks();
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("style", style).unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

fn mount_inner(config: Config, url: &str, failures: u32) -> Mounted {
    let host = fresh_host(url, "");
    fail_next_fetches(failures);
    let handle = inquiry_desk::mount(host.clone(), config).expect("a fresh host element");
    let key = NEXT_KEY.with(|k| {
        k.set(k.get() + 1);
        k.get()
    });
    LIVE.with(|l| l.borrow_mut().push((key, host.clone(), handle)));
    Mounted {
        host,
        key: Some(key),
    }
}

impl Mounted {
    /// The helpers below for an app whoever mounted it in `host` keeps mounted (and removes).
    pub fn adopt(host: HtmlElement) -> Self {
        Self { host, key: None }
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.host.query_selector(selector).unwrap()
    }

    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.host.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    pub fn text(&self) -> String {
        self.host.text_content().unwrap_or_default()
    }

    /// Waits (polling, at most 10 s) until `selector` matches.
    pub async fn wait_for(&self, selector: &str) -> Element {
        let selector = selector.to_owned();
        for _ in 0..500 {
            if let Some(el) = self.find(&selector) {
                return el;
            }
            TimeoutFuture::new(20).await;
        }
        // Say what the page showed instead: that is usually the bug.
        let text: String = self.text().chars().take(600).collect();
        panic!(
            "timed out after 10 s waiting for element {selector} at {}; the app shows: {text}",
            location().pathname().unwrap_or_default()
        );
    }

    pub async fn wait_text(&self, needle: &str) {
        until(&format!("text {needle:?}"), || {
            self.text().contains(needle).then_some(())
        })
        .await
    }

    pub async fn click(&self, selector: &str) {
        let el: HtmlElement = self.wait_for(selector).await.unchecked_into();
        el.click();
        leptos::task::tick().await;
    }

    pub fn rows(&self) -> Vec<(String, String)> {
        self.all(".idk-rows:not(.idk-skeleton) .idk-row")
            .into_iter()
            .map(|r| {
                (
                    r.get_attribute("data-ccn-no").unwrap_or_default(),
                    r.get_attribute("data-status").unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Waits until the list shows rows that differ from `before` (a new result arrived).
    pub async fn wait_rows_change(&self, before: &[(String, String)]) -> Vec<(String, String)> {
        let what = format!(
            "the list to change from {before:?} (url {:?})",
            location().search()
        );
        until(&what, || {
            let now = self.rows();
            (!now.is_empty() && now != before).then_some(now)
        })
        .await
    }

    pub async fn set_value(&self, sel: &str, value: &str, event: &str) {
        let el = self.wait_for(sel).await;
        js_sys::Reflect::set(&el, &"value".into(), &value.into()).unwrap();
        // Like a person typing: the event bubbles (the form listens for it).
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        el.dispatch_event(&web_sys::Event::new_with_event_init_dict(event, &init).unwrap())
            .unwrap();
        leptos::task::tick().await;
    }
    pub async fn choose_type(&self, group: &str, leaf: &str) {
        self.set_value("#idk-f-type-group", group, "change").await;
        until("leaf types", || {
            self.find(&format!("#idk-f-type option[value='{leaf}']"))
        })
        .await;
        self.set_value("#idk-f-type", leaf, "change").await;
    }
}

pub async fn until<T>(what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    for _ in 0..500 {
        if let Some(v) = probe() {
            return v;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("timed out after 10 s waiting for {what}");
}

pub fn location() -> web_sys::Location {
    web_sys::window().unwrap().location()
}

pub fn query_param(url: &str, key: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then(|| v.to_owned())
    })
}

/// The app's real stylesheet, as a storefront page would load it.
pub fn install_styles() {
    if document().get_element_by_id("idk-test-styles").is_none() {
        let style = document().create_element("style").unwrap();
        style.set_id("idk-test-styles");
        style.set_text_content(Some(include_str!("../../style/inquiry-desk.css")));
        document().head().unwrap().append_child(&style).unwrap();
    }
}

/// Records every URL the page fetches and can make the next N fetches fail like a dropped
/// network connection.
pub fn reset_fetch_hooks() {
    js_sys::eval(
        "if (!window.__idkFetch) {
           const original = window.fetch.bind(window);
           window.__idkFetch = { log: [], auth: [], failNext: 0 };
           window.fetch = function (input, init) {
             const url = typeof input === 'string' ? input : input.url;
             const headers = typeof input === 'string' ? new Headers((init || {}).headers) : input.headers;
             window.__idkFetch.log.push(url);
             window.__idkFetch.auth.push(headers.get('Authorization'));
             if (window.__idkFetch.failNext > 0) {
               window.__idkFetch.failNext--;
               return Promise.reject(new TypeError('Failed to fetch (simulated)'));
             }
             return original(input, init);
           };
         }
         window.__idkFetch.log = []; window.__idkFetch.auth = []; window.__idkFetch.failNext = 0;",
    )
    .unwrap();
}

pub fn fetched() -> Vec<String> {
    let log = js_sys::eval("window.__idkFetch.log.slice()").unwrap();
    js_sys::Array::from(&log)
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// The Authorization header of every fetch, in order (`None`: sent without one).
pub fn fetched_auth() -> Vec<Option<String>> {
    let log = js_sys::eval("window.__idkFetch.auth.slice()").unwrap();
    js_sys::Array::from(&log)
        .iter()
        .map(|v| v.as_string())
        .collect()
}

pub fn fail_next_fetches(n: u32) {
    js_sys::eval(&format!("window.__idkFetch.failNext = {n};")).unwrap();
}

pub fn last_list_request() -> Option<String> {
    fetched()
        .into_iter()
        .rev()
        .find(|u| u.contains("/getQuestion?"))
}

/// Today on the store's calendar (KST), which the API's dates and the period presets use.
pub fn today() -> NaiveDate {
    (chrono::Utc::now() + chrono::Duration::hours(9)).date_naive()
}

pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        TimeoutFuture::new(0).await;
    }
}

/// A member's inquiry with a status, straight from the API (to know what to look for).
pub async fn inquiry_with_status(token: &str, code: &str) -> String {
    let end = today();
    let start = end - Days::new(360);
    let body = api_get(
        token,
        &format!("/api/order/v1/customerservice/getQuestion?ccnStatCd={code}&startDt={start}&endDt={end}&pageSize=30"),
    )
    .await;
    body["payload"]["content"][0]["ccnNo"]
        .as_str()
        .expect("seeded inquiry")
        .to_owned()
}

/// Makes the page's XMLHttpRequests controllable: `window.__idkXhr.lose = n` lets the server
/// handle the next n requests while the page hears an error (a response lost on the way back).
pub fn install_xhr_hooks() {
    js_sys::eval(
        "if (!window.__idkXhr) {
           const proto = XMLHttpRequest.prototype;
           const send = proto.send, add = proto.addEventListener;
           window.__idkXhr = { lose: 0 };
           // For a request marked lost, the server gets and handles it, but the page's 'load'
           // listeners hear an 'error' instead: the answer was lost on the way back.
           proto.addEventListener = function (type, fn, opts) {
             if (type === 'error') { (this.__idkErr = this.__idkErr || []).push(fn); }
             if (type !== 'load') { return add.call(this, type, fn, opts); }
             return add.call(this, 'load', function (e) {
               if (this.__idkLost) { (this.__idkErr || []).forEach((f) => f.call(this, new ProgressEvent('error'))); return; }
               return fn.call(this, e);
             }, opts);
           };
           proto.send = function (body) {
             this.__idkLost = window.__idkXhr.lose > 0;
             if (this.__idkLost) { window.__idkXhr.lose--; }
             return send.call(this, body);
           };
         }
         window.__idkXhr.lose = 0;",
    )
    .unwrap();
}

pub fn key(el: &Element, key: &str, shift: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&e).unwrap();
}

pub fn active() -> Element {
    document().active_element().unwrap()
}

/// A real PNG (1×1) as a File, put into the photo input like a chosen file.
pub fn choose_files(input: &HtmlInputElement, files: &[(&str, &[u8], &str)]) {
    let dt = web_sys::DataTransfer::new().unwrap();
    for (name, bytes, mime) in files {
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(*bytes));
        let opts = web_sys::FilePropertyBag::new();
        opts.set_type(mime);
        let file =
            web_sys::File::new_with_u8_array_sequence_and_options(&parts, name, &opts).unwrap();
        dt.items().add_with_file(&file).unwrap();
    }
    input.set_files(dt.files().as_ref());
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
}

pub const PNG_1X1: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

pub async fn api_get(token: &str, path: &str) -> serde_json::Value {
    gloo_net::http::Request::get(&format!("{API}{path}"))
        .header("Authorization", &format!("Bearer {token}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A counselor answers inquiry `id` through the back-office API.
pub async fn answer_as_counselor(id: &str, text: &str) {
    let resp =
        gloo_net::http::Request::post(&format!("{API}/api/bo/v1/customerservice/questionAns"))
            .header("Authorization", "Bearer demo-counselor")
            .json(&serde_json::json!({ "ccnNo": id, "ansCont": text }))
            .unwrap()
            .send()
            .await
            .unwrap();
    assert_eq!(resp.status(), 200, "the counselor's answer was taken");
}

/// The customer comes back to the tab (`visibilitychange` while visible).
pub fn return_to_tab() {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("visibilitychange", &init).unwrap();
    document().dispatch_event(&event).unwrap();
}
