//! `use_live_refresh`: a page's data kept in step with what counselors do, without a reload.
//!
//! `check` runs when the customer returns to the tab and every 30 s while it is visible (a
//! hidden tab asks nothing). Checks are conditional requests: the page sends the ETag of the
//! last answer it saw, and the server answers 304 with no body while nothing changed, so a
//! quiet page costs one small round trip per 30 s. Polling rather than server-sent events: an
//! inquiry changes a few times in its life, a storefront embeds the app on pages that stay
//! open for hours, and a held connection per open tab (through the storefront's proxies and
//! CDN) costs more than an occasional 304; the API stays plain request/response.

use std::future::Future;

use leptos::{prelude::*, task::spawn_local};

use crate::api::{ApiError, Revision};

/// How often a visible page checks.
pub const REFRESH_EVERY_MS: u32 = 30_000;

fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Runs `check` on returning to the tab and every [`REFRESH_EVERY_MS`] while visible, until
/// the calling component goes (its listener and timer are removed then).
fn use_live_refresh(check: impl Fn() + Clone + 'static) {
    let listener = window_event_listener_untyped("visibilitychange", {
        let check = check.clone();
        move |_| {
            if visible() {
                check();
            }
        }
    });
    let timer = StoredValue::new_local(Some(gloo_timers::callback::Interval::new(
        REFRESH_EVERY_MS,
        move || {
            if visible() {
                check();
            }
        },
    )));
    on_cleanup(move || {
        listener.remove();
        timer.try_update_value(|t| drop(t.take()));
    });
}

/// [`use_live_refresh`] with a conditional read: each check calls `read` with the ETag of the
/// last answer, and `changed` gets the value only when the server sent a new one. Returns the
/// remembered ETag, which a page clears when it starts reading something else.
pub fn use_live_revision<T, Fut>(
    read: impl Fn(Option<String>) -> Fut + Clone + 'static,
    changed: impl Fn(T) + Clone + 'static,
) -> StoredValue<Option<String>>
where
    T: 'static,
    Fut: Future<Output = Result<Revision<T>, ApiError>> + 'static,
{
    let etag = StoredValue::new(None::<String>);
    use_live_refresh(move || {
        let (read, changed) = (read.clone(), changed.clone());
        spawn_local(async move {
            if let Ok(Revision::Changed { value, etag: tag }) = read(etag.get_value()).await {
                etag.set_value(tag);
                changed(value);
            }
        });
    });
    etag
}
