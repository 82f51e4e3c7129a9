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

/// A mounted app. Dropping it (or [`AppHandle::unmount`]) removes the view and explicitly runs
/// every cleanup of its reactive tree (timers, the router's window listeners), so a page can
/// mount and unmount the app repeatedly.
pub struct AppHandle {
    owner: Owner,
    view: Option<Box<dyn std::any::Any>>,
}

impl AppHandle {
    pub fn unmount(self) {}
}

impl Drop for AppHandle {
    fn drop(&mut self) {
        self.view.take();
        // leptos' handle only drops its owner, and whether that runs the cleanups depends on
        // nothing else holding a reference to it; don't rely on that.
        self.owner.cleanup();
    }
}

/// Mounts the app into `host` with `config`.
pub fn mount(host: web_sys::HtmlElement, config: Config) -> AppHandle {
    let owner = Owner::new();
    let view = owner
        .with(|| leptos::mount::mount_to(host, move || view! { <App config=config.clone() /> }));
    AppHandle {
        owner,
        view: Some(Box::new(view)),
    }
}
