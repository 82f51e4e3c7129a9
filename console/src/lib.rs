//! inquiry-console: the counselors' side of inquiry-desk (BO 통합상담관리). A Leptos 0.8 CSR app
//! of its own, built by trunk into `console/dist` and served by inquiry-server at `/console/`;
//! none of it is in the customer SPA.
//!
//! Rooms as in the SPA: `api` owns the wire format, `queue` the pure filter rules, `i18n` every
//! sentence (Fluent, `locales/`), `pages` one route each.

pub mod api;
pub mod i18n;
mod pages;
pub mod queue;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};
use wasm_bindgen::{prelude::*, JsCast};

use api::{Client, TOKEN_KEY};

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The token this tab signed in with, if any.
pub fn stored_token() -> Option<String> {
    session()?
        .get_item(TOKEN_KEY)
        .ok()?
        .filter(|t| !t.is_empty())
}

/// Keeps (or forgets) the token for this tab.
pub fn store_token(token: Option<&str>) {
    if let Some(s) = session() {
        let _ = match token {
            Some(t) => s.set_item(TOKEN_KEY, t),
            None => s.remove_item(TOKEN_KEY),
        };
    }
}

#[component]
fn App(client: Client) -> impl IntoView {
    provide_context(client);
    let i18n = i18n::I18n::default();
    provide_context(i18n);
    view! {
        <Router base="/console">
            <div class="console">
                <pages::Header />
                <main id="console-main" class="console-main">
                    <Routes fallback=move || view! { <p class="console-empty">{i18n.not_found()}</p> }>
                        <Route path=path!("/") view=pages::QueuePage />
                        <Route path=path!("/login") view=pages::LoginPage />
                        <Route path=path!("/inquiries/:ccnNo") view=pages::InquiryPage />
                        <Route path=path!("/templates") view=pages::TemplatesPage />
                        <Route path=path!("/report") view=pages::ReportPage />
                        <Route path=path!("/access-log") view=pages::AccessLogPage />
                        <Route path=path!("/access-review") view=pages::ReviewPage />
                    </Routes>
                </main>
            </div>
        </Router>
    }
}

/// A mounted console; dropping it unmounts.
pub struct Mounted(#[allow(dead_code)] Box<dyn std::any::Any>);

/// Mounts the console into `el`, talking to the API at `api_base` ("" = this origin).
pub fn mount(el: web_sys::HtmlElement, api_base: &str) -> Mounted {
    let client = Client::new(api_base.to_owned(), stored_token());
    Mounted(Box::new(leptos::mount::mount_to(el, move || {
        view! { <App client=client /> }
    })))
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("inquiry-console"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return; // not the console's page (e.g. a test harness mounts it itself)
    };
    let base = el.get_attribute("data-api-base").unwrap_or_default();
    std::mem::forget(mount(el, &base));
}
