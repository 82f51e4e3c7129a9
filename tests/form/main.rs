//! Browser tests of the register/edit form against the reference server (see tests/web.rs for
//! how the server is chosen).

#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../common/mod.rs"]
mod common;
mod drafts_and_retries;
mod edit;
mod register;

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
