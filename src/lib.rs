//! inquiry-desk: the customer-facing 1:1 inquiry (1:1 문의) SPA.
//!
//! It mounts into a host element of a storefront page (see [`mount`]) rather than owning the
//! whole document, so a storefront can embed it in its own "마이페이지".

pub mod api;
pub mod components;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod pages;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

pub use config::Config;
use pages::{DetailPage, EditPage, LastListQuery, ListPage, NewPage, NotFound};

/// The root component. Everything it renders sits under the `.inquiry-desk` root class.
#[component]
pub fn App(config: Config) -> impl IntoView {
    let client = api::Client::new(&config.api_base, config.token.clone());
    let init = {
        let client = client.clone();
        LocalResource::new(move || {
            let client = client.clone();
            async move { client.init().await }
        })
    };
    provide_context(client);
    provide_context(init);
    provide_context(components::Flash::new());
    provide_context(LastListQuery(RwSignal::new(String::new())));
    let base = config.base_path.clone();
    provide_context(config);
    view! {
        <div class="inquiry-desk">
            <Router base=base>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=ListPage />
                    <Route path=path!("/new") view=NewPage />
                    <Route path=path!("/:ccnNo") view=DetailPage />
                    <Route path=path!("/:ccnNo/edit") view=EditPage />
                </Routes>
            </Router>
        </div>
    }
}

/// Mounts the app into `host` with `config`. Dropping the handle unmounts it.
pub fn mount(
    host: web_sys::HtmlElement,
    config: Config,
) -> leptos::mount::UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(host, move || view! { <App config=config.clone() /> })
}
