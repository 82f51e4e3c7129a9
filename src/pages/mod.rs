//! Pages: wire API resources and actions to components.

mod detail;
mod form;
mod lazy;
mod list;
mod live;

pub use lazy::{preload_all, Lazy, LazyPage};
pub use list::ListPage;

use leptos::prelude::*;

use crate::{components::EmptyState, i18n::use_i18n};

/// The list query the customer last looked at, so "목록으로" and "after delete" return to it.
#[derive(Clone, Copy)]
pub struct LastListQuery(pub RwSignal<String>);

impl LastListQuery {
    pub fn href(&self) -> String {
        let q = self.0.get_untracked();
        if q.is_empty() {
            "/".to_owned()
        } else {
            format!("/?{q}")
        }
    }
}

/// An in-app path (`/12/edit`) as a link's `href`, under the host's base path
/// (`/mypage/inquiry`).
///
/// Links are plain `<a>` elements: the router's document-wide click handler navigates them
/// inside the app (modifier keys and middle clicks still open tabs). leptos_router's `<A>` adds
/// per-link reactive state (resolved path, `aria-current`) that no link here uses; ten of them
/// in the list cost a phone about 130 ms of main thread on first load (see README,
/// Performance).
pub(crate) fn app_href(path: &str) -> String {
    let base = use_context::<crate::Config>()
        .map(|c| c.base_path)
        .unwrap_or_default();
    format!("{base}{path}")
}

/// Unknown route or unknown/someone else's inquiry.
#[component]
pub fn NotFound(
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional, into)] body: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let back = expect_context::<LastListQuery>().href();
    view! {
        <section class="idk-page idk-not-found" data-page="not-found">
            <h1 class="idk-title">{title.unwrap_or_else(|| i18n.page_not_found())}</h1>
            <EmptyState message=body.unwrap_or_default()>
                <a href=app_href(&back) class="idk-button">{i18n.back_to_list()}</a>
            </EmptyState>
        </section>
    }
}
