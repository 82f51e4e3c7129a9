//! One route each: the queue, an inquiry, the login, the templates, and a desk manager's
//! report, access log and monthly review. Shared here: the header (with the manager's menu) and the guard that sends a
//! signed-out counselor to the login (keeping where they were going).

mod access_log;
mod inquiry;
mod login;
mod queue;
mod report;
mod review;
mod templates;
mod transfer;

pub use access_log::AccessLogPage;
pub use inquiry::InquiryPage;
pub use login::LoginPage;
pub use queue::QueuePage;
pub use report::ReportPage;
pub use review::ReviewPage;
pub use templates::TemplatesPage;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};

use crate::{api::Client, i18n::use_i18n, store_token};

/// The header: the desk's name, the signed-in counselor, logout.
#[component]
pub fn Header() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let me = LocalResource::new(move || {
        let token = client.token.get();
        async move {
            match token {
                Some(_) => client.whoami().await.ok(),
                None => None,
            }
        }
    });
    let navigate = use_navigate();
    let logout = move |_| {
        store_token(None);
        client.token.set(None);
        navigate("/login", Default::default());
    };
    view! {
        <header class="console-header">
            <a class="console-skip" href="#console-main">{i18n.skip_to_main()}</a>
            <a class="console-brand" href="/console/">{i18n.title()}</a>
            {move || me.get().flatten().map(|m| view! {
                <nav class="console-nav" aria-label=i18n.nav()>
                    <a href="/console/">{i18n.nav_queue()}</a>
                    <a href="/console/templates">{i18n.nav_templates()}</a>
                    {m.is_manager().then(|| view! {
                        <a href="/console/report">{i18n.nav_report()}</a>
                        <a href="/console/access-log">{i18n.nav_access_log()}</a>
                        <a href="/console/access-review">{i18n.nav_review()}</a>
                    })}
                </nav>
            })}
            {move || me.get().flatten().map(|m| view! {
                <span class="console-me">{format!("{} ({})", m.cnslr_nm, m.cnslr_no)}</span>
                <button type="button" class="console-button" on:click=logout.clone()>{i18n.logout()}</button>
            })}
        </header>
    }
}

/// Sends the counselor to the login when there is no token (or it stopped working), with the
/// current address to come back to.
pub fn use_signed_in() -> impl Fn() + Clone + 'static {
    let client = expect_context::<Client>();
    let location = use_location();
    let navigate = use_navigate();
    let go = move || {
        // Router paths are relative to its base (/console).
        let path = location.pathname.get_untracked();
        // `search` comes without its `?`.
        let search = location.search.get_untracked();
        let here = format!(
            "{}{}{}",
            path.strip_prefix("/console").unwrap_or(&path),
            if search.is_empty() || search.starts_with('?') {
                ""
            } else {
                "?"
            },
            search
        );
        store_token(None);
        client.token.set(None);
        navigate(
            &format!("/login?next={}", encode(&here)),
            Default::default(),
        );
    };
    if client.token.get_untracked().is_none() {
        let go = go.clone();
        request_animation_frame(go);
    }
    go
}

fn encode(s: &str) -> String {
    js_sys::encode_uri_component(s).into()
}

/// Starts a download of `url` as `name` (the CSV the server made).
pub(crate) fn download(url: &str, name: &str) {
    use wasm_bindgen::JsCast;
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(url);
        a.set_download(name);
        a.click();
    }
}

/// What a desk manager's page says when its data did not come: a counselor is told the page is
/// a manager's; anything else in the request's own words.
pub fn manager_page_error(e: &crate::api::ApiError) -> AnyView {
    let i18n = use_i18n();
    let text = match e {
        crate::api::ApiError::Forbidden(_) => i18n.manager_only(),
        other => other.message(i18n),
    };
    view! { <p class="console-error" role="alert">{text}</p> }.into_any()
}

/// A wire time (`2026-12-07T10:02:03+09:00`) as the console shows it, to the minute
/// (`2026-12-07 10:02`), or with `seconds`.
pub fn shown_time(t: &str, seconds: bool) -> String {
    t.get(..if seconds { 19 } else { 16 })
        .unwrap_or(t)
        .replace('T', " ")
}

/// An answer deadline: its time, and 임박 / 초과 while the inquiry waits for its answer.
#[component]
pub fn DueTime(due: Option<String>, #[prop(into)] status: String) -> impl IntoView {
    let i18n = use_i18n();
    due.map(|due| {
        let left = chrono::DateTime::parse_from_rfc3339(&due)
            .map(|t| (t.with_timezone(&chrono::Utc) - chrono::Utc::now()).num_minutes())
            .unwrap_or(i64::MAX);
        let badge = crate::queue::due_state(left, status == "30").map(|d| match d {
            crate::queue::Due::Soon => view! { <span class="console-badge console-badge-due-soon">{i18n.due_soon()}</span> },
            crate::queue::Due::Over => view! { <span class="console-badge console-badge-due-over">{i18n.due_over()}</span> },
        });
        view! { <span class="console-due" data-due=due.clone()>{shown_time(&due, false)}" "{badge}</span> }
    })
}

/// A status as a badge, named in the console's words.
#[component]
pub fn StatusBadge(#[prop(into)] code: String) -> impl IntoView {
    let name = use_i18n().status_name(&code);
    view! { <span class=format!("console-badge console-badge-{code}")>{name}</span> }
}
