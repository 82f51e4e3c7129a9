//! `use_live_refresh`: a page's data kept in step with what counselors do, without a reload.
//!
//! `check` runs when the customer returns to the tab and every 30 s while it is visible (a
//! hidden tab asks nothing). Checks are conditional requests: the page sends the ETag of the
//! last answer it saw, and the server answers 304 with no body while nothing changed, so a
//! quiet page costs one small round trip per 30 s. Polling rather than server-sent events: an
//! inquiry changes a few times in its life, a storefront embeds the app on pages that stay
//! open for hours, and a held connection per open tab (through the storefront's proxies and
//! CDN) costs more than an occasional 304; the API stays plain request/response.

use leptos::prelude::*;

/// How often a visible page checks.
pub const REFRESH_EVERY_MS: u32 = 30_000;

fn visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Runs `check` on returning to the tab and every [`REFRESH_EVERY_MS`] while visible, until
/// the calling component goes (its listener and timer are removed then).
pub fn use_live_refresh(check: impl Fn() + Clone + 'static) {
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
