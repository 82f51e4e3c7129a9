//! inquiry-desk: the customer-facing 1:1 inquiry (1:1 문의) SPA.
//!
//! It mounts into a host element of a storefront page (see [`mount`]) rather than owning the
//! whole document, so a storefront can embed it in its own "마이페이지".

pub mod api;
pub mod config;
pub mod domain;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

pub use config::Config;

/// The root component. Everything it renders sits under the `.inquiry-desk` root class.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let base = config.base_path.clone();
    provide_context(config);
    view! {
        <div class="inquiry-desk">
            <Router base=base>
                <Routes fallback=|| view! { <p class="idk-empty">"페이지를 찾을 수 없습니다."</p> }>
                    <Route path=path!("/") view=Home />
                </Routes>
            </Router>
        </div>
    }
}

#[component]
fn Home() -> impl IntoView {
    view! {
        <section class="idk-page">
            <h1 class="idk-title">"1:1 문의"</h1>
        </section>
    }
}

/// Mounts the app into `host` with `config`. Dropping the handle unmounts it.
pub fn mount(
    host: web_sys::HtmlElement,
    config: Config,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(host, move || view! { <App config=config.clone() /> })
}
