//! Pages: wire API resources and actions to components.

mod detail;
mod form;
mod list;

pub use detail::DetailPage;
pub use form::{EditPage, NewPage};
pub use list::ListPage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::{components::EmptyState, i18n};

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

/// Unknown route or unknown/someone else's inquiry.
#[component]
pub fn NotFound(
    #[prop(default = i18n::PAGE_NOT_FOUND)] title: &'static str,
    #[prop(optional)] body: Option<&'static str>,
) -> impl IntoView {
    let back = expect_context::<LastListQuery>().href();
    view! {
        <section class="idk-page idk-not-found" data-page="not-found">
            <h1 class="idk-title">{title}</h1>
            <EmptyState message=body.unwrap_or("")>
                <A href=back attr:class="idk-button">{i18n::BACK_TO_LIST}</A>
            </EmptyState>
        </section>
    }
}
