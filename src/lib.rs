//! inquiry-desk: the customer-facing 1:1 inquiry (1:1 문의) SPA.
//!
//! It mounts into a host element of a storefront page (see [`mount`]) rather than owning the
//! whole document, so a storefront can embed it in its own "마이페이지".

pub mod api;
pub mod components;
pub mod config;
pub mod domain;
mod embed;
pub mod events;
pub mod i18n;
pub mod pages;

use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    hooks::use_location,
    path,
};
use wasm_bindgen::JsCast;

pub use config::Config;
pub use embed::{js_mount, js_unmount, mount_all, MountHandle, MOUNTED_ATTR};
pub use events::Events;
use i18n::I18n;
use pages::{LastListQuery, Lazy, LazyPage, ListPage, NotFound};

/// The root component. Everything it renders sits under the `.inquiry-desk` root class.
/// Expects an [`Events`] in context (provided by [`mount`]).
#[component]
pub fn App(config: Config) -> impl IntoView {
    let events = use_context::<Events>()
        .unwrap_or_else(|| Events::new(document().body().expect("a body"), &config.base_path));
    let auth = {
        let events = events.clone();
        api::AuthWatch::new(move || events.auth_required())
    };
    let client = api::Client::new(&config.api_base, config.credentials.clone(), auth);
    let init = {
        let client = client.clone();
        LocalResource::new(move || {
            let client = client.clone();
            async move { client.init().await }
        })
    };
    let i18n = I18n::new(config.locale, config.time_zone.as_deref());
    provide_context(i18n);
    provide_context(client);
    provide_context(init);
    provide_context(components::Flash::new());
    provide_context(LastListQuery(RwSignal::new(String::new())));
    provide_context(events);
    let base = config.base_path.clone();
    provide_context(config);
    view! {
        <div class="inquiry-desk" lang=i18n.locale().tag()>
            <Router base=base>
                <RouteReporter />
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=ListPage />
                    <Route path=path!("/new") view=|| view! { <LazyPage page=Lazy::New /> } />
                    <Route path=path!("/:ccnNo") view=|| view! { <LazyPage page=Lazy::Detail /> } />
                    <Route
                        path=path!("/:ccnNo/edit")
                        view=|| view! { <LazyPage page=Lazy::Edit /> }
                    />
                </Routes>
            </Router>
        </div>
    }
}

/// Tells the host every route the customer lands on (including the first).
#[component]
fn RouteReporter() -> impl IntoView {
    let location = use_location();
    let events = expect_context::<Events>();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let search = location.search.get();
        let search = if search.is_empty() || search.starts_with('?') {
            search
        } else {
            format!("?{search}")
        };
        events.route_changed(&path, &search);
    });
}

/// A mounted app. Dropping it (or [`AppHandle::unmount`]) removes the view and explicitly runs
/// every cleanup of its reactive tree (timers, the router's window listeners), so a page can
/// mount and unmount the app repeatedly.
pub struct AppHandle {
    owner: Owner,
    host: web_sys::HtmlElement,
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
        let _ = self.host.remove_attribute(MOUNTED_ATTR);
    }
}

/// Why [`mount`] refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MountError {
    #[error("this element already has an inquiry-desk mounted; unmount it first")]
    AlreadyMounted,
}

/// Mounts the app into `host` with `config`. Events are dispatched on `host`.
pub fn mount(host: web_sys::HtmlElement, config: Config) -> Result<AppHandle, MountError> {
    if host.has_attribute(MOUNTED_ATTR) {
        return Err(MountError::AlreadyMounted);
    }
    let _ = host.set_attribute(MOUNTED_ATTR, "");
    let owner = Owner::new();
    let view = owner.with(|| {
        provide_context(Events::new(host.clone(), &config.base_path));
        leptos::mount::mount_to(
            host.clone().unchecked_into(),
            move || view! { <App config=config.clone() /> },
        )
    });
    Ok(AppHandle {
        owner,
        host,
        view: Some(Box::new(view)),
    })
}
