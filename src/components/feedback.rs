use leptos::prelude::*;

use crate::i18n::use_i18n;

/// Placeholder rows of the list while it loads; same height as real rows (no layout shift).
#[component]
pub fn SkeletonRows(#[prop(default = 5)] count: usize) -> impl IntoView {
    view! {
        <ul class="idk-rows idk-skeleton" aria-hidden="true">
            {(0..count)
                .map(|_| {
                    view! {
                        <li class="idk-row">
                            <span class="idk-bone idk-bone-type"></span>
                            <span class="idk-bone idk-bone-title"></span>
                            <span class="idk-bone idk-bone-meta"></span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Nothing to show, and what to do about it.
#[component]
pub fn EmptyState(#[prop(into)] message: String, children: Children) -> impl IntoView {
    view! {
        <div class="idk-empty" role="status">
            <p class="idk-empty-message">{message}</p>
            {children()}
        </div>
    }
}

/// An inline error with a retry button — never a blank page.
#[component]
pub fn ErrorPanel(
    #[prop(into)] message: String,
    #[prop(into)] on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="idk-error" role="alert">
            <p class="idk-error-message">{message}</p>
            <button type="button" class="idk-button" on:click=move |_| on_retry.run(())>
                {i18n.retry()}
            </button>
        </div>
    }
}

/// A one-shot success message shown on the next page (e.g. after deleting).
#[derive(Clone, Copy)]
pub struct Flash(pub RwSignal<Option<String>>);

impl Flash {
    pub fn new() -> Self {
        Self(RwSignal::new(None))
    }

    pub fn set(&self, message: impl Into<String>) {
        self.0.set(Some(message.into()));
    }

    /// Renders the message (if any) as a polite live region, and clears it when it unmounts.
    pub fn view(self) -> impl IntoView {
        // Clear the message this page showed when it goes away — but not one set for the next
        // page just before navigating (e.g. "deleted" set on the detail page for the list).
        let shown = self.0.get_untracked();
        on_cleanup(move || {
            if self.0.get_untracked() == shown {
                self.0.set(None);
            }
        });
        move || {
            self.0.get().map(|m| {
                view! { <p class="idk-flash" role="status">{m}</p> }
            })
        }
    }
}

impl Default for Flash {
    fn default() -> Self {
        Self::new()
    }
}
