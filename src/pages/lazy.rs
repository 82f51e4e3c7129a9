//! The pages after the first screen (the detail, the form), split out of the first load.
//!
//! The release build (`cargo xtask build`: `--cfg inquiry_split`, xtask/src/split.rs) moves
//! every function only these pages reach into wasm chunks of their own, fetched when a page
//! first needs them, and before that when the list is idle ([`preload_all`]). A chunk that
//! fails to download is an error with a retry, never a dead app: the split functions are
//! `fallible`, so a failed load is an `Err` here (and is retried from scratch), not a panic.
//! Without the cfg (tests, `trunk serve`) the same functions are called directly.

use std::{
    future::Future,
    pin::pin,
    task::{Context, Poll, Waker},
};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{detail::DetailPage, form};
use crate::{components::ErrorPanel, i18n::use_i18n};

/// A split-out page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lazy {
    Detail,
    New,
    Edit,
}

/// A chunk could not be downloaded or instantiated.
#[derive(Debug, Clone, Copy)]
pub struct ChunkFailed;

#[cfg(inquiry_split)]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

#[cfg_attr(
    inquiry_split,
    leptos::wasm_split::wasm_split(
        detail,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_detail)
    )
)]
fn detail_view() -> Result<AnyView, ChunkFailed> {
    Ok(view! { <DetailPage /> }.into_any())
}

#[cfg_attr(
    inquiry_split,
    leptos::wasm_split::wasm_split(
        form,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_form)
    )
)]
fn form_view(editing: bool) -> Result<AnyView, ChunkFailed> {
    Ok(if editing {
        view! { <form::EditPage /> }.into_any()
    } else {
        view! { <form::NewPage /> }.into_any()
    })
}

/// Fetches (once) the chunk `page` needs.
#[cfg(inquiry_split)]
async fn load(page: Lazy) -> Result<(), ChunkFailed> {
    Ok(match page {
        Lazy::Detail => preload_detail().await?,
        Lazy::New | Lazy::Edit => preload_form().await?,
    })
}

#[cfg(not(inquiry_split))]
async fn load(_: Lazy) -> Result<(), ChunkFailed> {
    Ok(())
}

/// The page's view, its chunk loaded.
fn render(page: Lazy) -> Result<AnyView, ChunkFailed> {
    #[cfg(inquiry_split)]
    {
        // Loaded already: the split call completes at its first poll.
        match page {
            Lazy::Detail => now(detail_view()),
            Lazy::New => now(form_view(false)),
            Lazy::Edit => now(form_view(true)),
        }
        .unwrap_or(Err(ChunkFailed))
    }
    #[cfg(not(inquiry_split))]
    match page {
        Lazy::Detail => detail_view(),
        Lazy::New => form_view(false),
        Lazy::Edit => form_view(true),
    }
}

/// Polls `fut` once: its output if it is ready without waiting.
#[cfg_attr(not(inquiry_split), allow(dead_code))]
fn now<F: Future>(fut: F) -> Option<F::Output> {
    match pin!(fut).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// Fetches the detail's and the form's chunks in the background once the browser is idle after
/// the list's rows are shown (`requestIdleCallback`; a second later where there is none, as in
/// Safari), so the customer's next page opens without waiting and the first screen never waits
/// for them.
pub fn preload_all() {
    let fetch = || {
        leptos::task::spawn_local(async {
            if load(Lazy::Detail).await.is_ok() {
                let _ = load(Lazy::New).await;
            }
        })
    };
    let window = leptos::prelude::window();
    let idle = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false);
    let callback = wasm_bindgen::closure::Closure::once_into_js(fetch);
    let scheduled = if idle {
        window
            .request_idle_callback(callback.unchecked_ref())
            .is_ok()
    } else {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 1000)
            .is_ok()
    };
    if !scheduled {
        fetch();
    }
}

/// A split-out page: nothing while its chunk loads (a moment, usually preloaded), the page once
/// it has, an error with a retry if it could not.
#[component]
pub fn LazyPage(page: Lazy) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let loaded = LocalResource::new(move || {
        attempt.track();
        load(page)
    });
    move || match loaded.get() {
        None => view! { <section class="idk-page" aria-busy="true"></section> }.into_any(),
        Some(Ok(())) => render(page).unwrap_or_else(|ChunkFailed| failed(i18n, attempt)),
        Some(Err(ChunkFailed)) => failed(i18n, attempt),
    }
}

fn failed(i18n: crate::i18n::I18n, attempt: RwSignal<u32>) -> AnyView {
    view! {
        <section class="idk-page" data-page="load-failed">
            <ErrorPanel
                message=i18n.page_load_failed()
                on_retry=move |()| attempt.update(|n| *n += 1)
            />
        </section>
    }
    .into_any()
}
