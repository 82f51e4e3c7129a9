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

#[path = "../common/mod.rs"]
mod common;
mod host_events;
mod locales;
mod mounting;
mod session;
mod styles;

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
