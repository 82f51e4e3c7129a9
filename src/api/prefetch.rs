//! Adopting the requests the page started before the wasm had loaded.
//!
//! `js/prefetch.js` (inlined into the built `index.html`, and exported by the stable entry
//! `inquiry-desk.js` for storefronts: docs/embedding.md) starts the first screen's reads
//! (`getQuestionInit`, and the default list page) as soon as the page is parsed, so they travel
//! while the wasm downloads. It leaves each response promise in
//! `globalThis.__inquiryDeskPrefetch`, keyed by absolute URL, with the credentials it sent.
//!
//! The client adopts one only for the identical request: the same URL (so the same query, page
//! and dates) and the same credentials; it takes the entry out, so a response is used at most
//! once and every later read goes to the network. Anything else (another page, another token,
//! an entry older than [`MAX_AGE_MS`], a prefetch that failed) is simply fetched as before.

use gloo_net::http::{Request, RequestBuilder};
use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::{
    client::{Client, REQUESTED_WITH},
    envelope::{payload_of, send_request, Decode},
    error::ApiError,
};

/// The registry's name on `globalThis` (js/prefetch.js writes it).
const REGISTRY: &str = "__inquiryDeskPrefetch";

/// A prefetched response older than this is not adopted: a mount long after the page loaded
/// (a storefront that mounts on a click) reads fresh data.
const MAX_AGE_MS: f64 = 30_000.0;

impl Client {
    /// Like `call`, but adopts the page's prefetched response to this exact request if there is
    /// one.
    pub(super) async fn call_adopting<T>(
        &self,
        rb: RequestBuilder,
        decode: Decode<T>,
    ) -> Result<T, ApiError> {
        let result = async {
            let req = self.request(rb).await?;
            if let Some(pending) = take(&req) {
                if let Ok(resp) = JsFuture::from(pending).await {
                    if let Ok(resp) = resp.dyn_into::<web_sys::Response>() {
                        return payload_of(resp.into(), decode).await;
                    }
                }
            }
            send_request(req, decode).await
        }
        .await;
        self.auth.observe(result)
    }
}

/// What the credentials of `req` look like in the registry: `Bearer …`, `cookies`, or ``.
fn credentials_key(req: &Request) -> String {
    let headers = req.headers();
    if let Some(auth) = headers.get("Authorization") {
        auth
    } else if headers.get(REQUESTED_WITH.0).is_some() {
        "cookies".to_owned()
    } else {
        String::new()
    }
}

/// Takes the prefetched response promise for exactly `req`, if the page started one.
fn take(req: &Request) -> Option<Promise> {
    let global = js_sys::global();
    let registry = Reflect::get(&global, &JsValue::from_str(REGISTRY)).ok()?;
    if registry.is_undefined() || registry.is_null() {
        return None;
    }
    let url = JsValue::from_str(&req.url());
    let entry = Reflect::get(&registry, &url).ok()?;
    if entry.is_undefined() || entry.is_null() {
        return None;
    }
    // Out of the registry whatever happens next: never adopted twice.
    let _ = Reflect::delete_property(registry.unchecked_ref::<js_sys::Object>(), &url);
    let field = |name: &str| Reflect::get(&entry, &JsValue::from_str(name)).ok();
    let same_credentials = field("credentials")?.as_string()? == credentials_key(req);
    let fresh = js_sys::Date::now() - field("at")?.as_f64()? <= MAX_AGE_MS;
    if !(same_credentials && fresh) {
        return None;
    }
    field("response")?.dyn_into::<Promise>().ok()
}
