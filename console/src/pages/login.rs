//! Sign in with a counselor token (the demo's is `demo-counselor`).

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::{
    api::{ApiError, Client},
    i18n::use_i18n,
    store_token,
};

#[component]
pub fn LoginPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let token = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let input = NodeRef::<leptos::html::Input>::new();
    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        let t = token.get_untracked().trim().to_owned();
        if t.is_empty() {
            error.set(Some(i18n.token_required()));
            if let Some(i) = input.get() {
                let _ = i.focus();
            }
            return;
        }
        let next = query
            .with_untracked(|q| q.get("next"))
            .filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/login"))
            .unwrap_or_else(|| "/".to_owned());
        let navigate = navigate.clone();
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            client.token.set(Some(t.clone()));
            match client.whoami().await {
                Ok(_) => {
                    store_token(Some(&t));
                    navigate(&next, Default::default());
                }
                Err(e) => {
                    client.token.set(None);
                    error.set(Some(match e {
                        ApiError::Unauthorized => i18n.token_wrong(),
                        ApiError::Forbidden(_) => i18n.not_counselor(),
                        other => other.message(i18n),
                    }));
                    if let Some(i) = input.get_untracked() {
                        let _ = i.focus();
                    }
                }
            }
            pending.set(false);
        });
    };
    view! {
        <section class="console-login" data-page="login">
            <h1>{i18n.login_title()}</h1>
            <form on:submit=submit novalidate>
                <label for="console-token">{i18n.token_label()}</label>
                <input
                    id="console-token"
                    node_ref=input
                    type="password"
                    autocomplete="current-password"
                    prop:value=token
                    on:input=move |e| token.set(event_target_value(&e))
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby="console-token-hint console-token-error"
                />
                <p id="console-token-hint" class="console-hint">{i18n.token_hint()}</p>
                <p id="console-token-error" class="console-error" role="alert">{move || error.get()}</p>
                <button type="submit" class="console-button console-button-primary" disabled=pending>{i18n.login()}</button>
            </form>
        </section>
    }
}
