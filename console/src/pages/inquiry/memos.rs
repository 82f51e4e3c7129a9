//! Internal memos on an inquiry: what a counselor leaves for the desk (a hand-over, what was
//! checked), with author and time. Never shown to the customer or the seller; the server keeps
//! them out of every payload but the desk's detail.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use crate::{
    api::{ApiError, Client, Detail},
    i18n::use_i18n,
    pages::shown_time,
};

/// The memos, oldest first, and the form that adds one. What was typed stays until it is saved.
#[component]
pub fn Memos<F>(detail: RwSignal<Detail>, on_signed_out: F) -> impl IntoView
where
    F: Fn() + Clone + 'static,
{
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Textarea>::new();

    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        let on_signed_out = on_signed_out.clone();
        let content = text.get_untracked().trim().to_owned();
        saved.set(None);
        if content.is_empty() {
            error.set(Some(i18n.memo_required()));
            if let Some(f) = field.get_untracked() {
                let _ = f.focus();
            }
            return;
        }
        let ccn = detail.with_untracked(|d| d.ccn_no.clone());
        saving.set(true);
        error.set(None);
        spawn_local(async move {
            match client.add_memo(&ccn, &content).await {
                Ok(memos) => {
                    detail.update(|d| d.memos = memos);
                    text.set(String::new());
                    saved.set(Some(i18n.memo_saved()));
                }
                Err(ApiError::Unauthorized) => on_signed_out(),
                // The memo stays in the field to try again.
                Err(e) => error.set(Some(e.message(i18n))),
            }
            saving.set(false);
        });
    };

    view! {
        <section class="console-memos" aria-labelledby="console-memos-title">
            <h2 id="console-memos-title">{i18n.memos_title()}</h2>
            {move || detail.with(|d| if d.memos.is_empty() {
                view! { <p class="console-muted">{i18n.no_memos()}</p> }.into_any()
            } else {
                view! {
                    <ol class="console-memo-list">
                        {d.memos.iter().map(|m| view! {
                            <li data-memo-seq=m.memo_seq>
                                <p class="console-reply-by">{i18n.memo_by(shown_time(&m.reg_dtm, false), m.cnslr_nm.clone())}</p>
                                <p class="console-content">{m.memo_cont.clone()}</p>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            })}
            <form class="console-memo-form" on:submit=submit novalidate>
                <label for="console-memo">{i18n.memo_label()}</label>
                <p id="console-memo-hint" class="console-muted">{i18n.memo_hint()}</p>
                <textarea
                    id="console-memo"
                    node_ref=field
                    rows="3"
                    maxlength="1000"
                    aria-describedby="console-memo-hint console-memo-error"
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || text.get()
                    on:input=move |e| text.set(event_target_value(&e))
                ></textarea>
                <p id="console-memo-error" class="console-error" role="alert">{move || error.get()}</p>
                <p class="console-status" role="status">{move || saved.get()}</p>
                <button type="submit" class="console-button" disabled=saving>{i18n.memo_save()}</button>
            </form>
        </section>
    }
}
