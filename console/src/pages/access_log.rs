//! The desk manager's access log (개인정보 접근기록): filter by period, person, member,
//! inquiry and action; page through it; export it as CSV with a reason (the export is logged
//! too). A counselor who opens it is told it is a manager's page.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use super::shown_time;
use super::use_signed_in;
use crate::{
    api::{AccessQuery, ApiError, Client},
    i18n::use_i18n,
};

#[component]
pub fn AccessLogPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let form = RwSignal::new(AccessQuery::default());
    let query = RwSignal::new(AccessQuery {
        page: 1,
        ..AccessQuery::default()
    });
    let log = LocalResource::new(move || {
        let q = query.get();
        async move { client.access_log(&q).await }
    });
    let actions = LocalResource::new(move || async move {
        client
            .access_review("")
            .await
            .map(|r| r.actions)
            .unwrap_or_default()
    });
    Effect::new(move |_| {
        if matches!(log.get(), Some(Err(ApiError::Unauthorized))) {
            signed_out();
        }
    });

    let search = move |ev: SubmitEvent| {
        ev.prevent_default();
        query.set(AccessQuery {
            page: 1,
            ..form.get_untracked()
        });
    };
    let to_page = move |page: u32| query.update(|q| q.page = page);

    // The export dialog: a reason, wired to its error; focus returns to the button.
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let opener = NodeRef::<leptos::html::Button>::new();
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let open = move |_| {
        error.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    // However it closes (a button, Escape), focus goes back to the button that opened it.
    let refocus = move |_: web_sys::Event| {
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    let export = move |ev: SubmitEvent| {
        ev.prevent_default();
        let why = reason.get_untracked().trim().to_owned();
        if why.chars().count() < 2 {
            error.set(Some(i18n.export_reason_required()));
            return;
        }
        sending.set(true);
        let q = query.get_untracked();
        spawn_local(async move {
            match client.export_access_log(&q, &why).await {
                Ok(url) => {
                    super::download(&url, "access-log.csv");
                    done.set(Some(url));
                    reason.set(String::new());
                    close();
                }
                Err(e) => error.set(Some(e.message(i18n))),
            }
            sending.set(false);
        });
    };

    let field = move |id: &'static str,
                      label: String,
                      kind: &'static str,
                      get: fn(&AccessQuery) -> String,
                      set: fn(&mut AccessQuery, String)| {
        view! {
            <div class="console-field">
                <label for=id>{label}</label>
                <input id=id type=kind prop:value=move || form.with(get) on:input=move |e| form.update(|f| set(f, event_target_value(&e))) />
            </div>
        }
    };

    view! {
        <section class="console-records" data-page="access-log" aria-labelledby="console-access-title">
            <h1 id="console-access-title">{i18n.access_log_title()}</h1>
            <p class="console-muted">{i18n.access_log_intro()}</p>
            <form class="console-filters" on:submit=search aria-label=i18n.filters()>
                {field("access-start", i18n.start_date(), "date", |f| f.start.clone(), |f, v| f.start = v)}
                {field("access-end", i18n.end_date(), "date", |f| f.end.clone(), |f, v| f.end = v)}
                {field("access-actor", i18n.actor_no(), "text", |f| f.actor.clone(), |f, v| f.actor = v)}
                {field("access-member", i18n.member_no(), "text", |f| f.member.clone(), |f, v| f.member = v)}
                {field("access-ccn", i18n.inquiry_no(), "text", |f| f.ccn.clone(), |f, v| f.ccn = v)}
                <div class="console-field">
                    <label for="access-action">{i18n.action()}</label>
                    <select id="access-action" on:change=move |e| form.update(|f| f.action = event_target_value(&e))>
                        <option value="">{i18n.all()}</option>
                        {move || actions.get().map(|list| list.into_iter().map(|a| view! {
                            <option value=a.action_cd.clone()>{a.action_nm.clone()}</option>
                        }).collect_view())}
                    </select>
                </div>
                <button type="submit" class="console-button console-button-primary">{i18n.search()}</button>
            </form>
            <p class="console-status" role="status">
                {move || done.get().map(|url| view! {
                    {i18n.export_done()}" "<a href=url download="access-log.csv">{i18n.export_download()}</a>
                })}
            </p>
            <Transition fallback=move || view! { <p class="console-muted" aria-busy="true">{i18n.loading()}</p> }>
                {move || Suspend::new(async move {
                    match log.await {
                        Err(e) => super::manager_page_error(&e),
                        Ok(page) => {
                            let (current, pages) = (page.pagination.current_page, page.pagination.total_pages.max(1));
                            view! {
                                <div class="console-records-bar">
                                    <p>{i18n.total(page.pagination.total_elements)}</p>
                                    <button type="button" class="console-button" node_ref=opener on:click=open>{i18n.export()}</button>
                                </div>
                                {if page.content.is_empty() {
                                    view! { <p class="console-empty">{i18n.access_log_empty()}</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="console-table-wrap">
                                            <table class="console-table console-access-log">
                                                <caption>{i18n.access_log_caption()}</caption>
                                                <thead><tr>
                                                    <th scope="col">{i18n.logged_at()}</th>
                                                    <th scope="col">{i18n.role()}</th>
                                                    <th scope="col">{i18n.actor()}</th>
                                                    <th scope="col">{i18n.client_ip()}</th>
                                                    <th scope="col">{i18n.action()}</th>
                                                    <th scope="col">{i18n.inquiry_no()}</th>
                                                    <th scope="col">{i18n.member_no()}</th>
                                                    <th scope="col">{i18n.detail()}</th>
                                                </tr></thead>
                                                <tbody>
                                                    {page.content.into_iter().map(|e| view! {
                                                        <tr data-action=e.action_cd.clone()>
                                                            <td class="console-mono">{shown_time(&e.log_dtm, true)}</td>
                                                            <td>{i18n.role_name(&e.actor_role)}</td>
                                                            <td>{format!("{} ({})", e.actor_nm, e.actor_no)}</td>
                                                            <td class="console-mono">{e.client_ip.unwrap_or_default()}</td>
                                                            <td>{e.action_nm}</td>
                                                            <td class="console-mono">{e.ccn_no.map(|c| view! { <a href=format!("/console/inquiries/{c}")>{c.clone()}</a> })}</td>
                                                            <td class="console-mono">{e.mbr_no.unwrap_or_default()}</td>
                                                            <td>{e.detail}</td>
                                                        </tr>
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }.into_any()
                                }}
                                <nav class="console-pages" aria-label=i18n.pages()>
                                    <button type="button" class="console-button" disabled=current <= 1 on:click=move |_| to_page(current - 1)>{i18n.previous()}</button>
                                    <span>{format!("{current} / {pages}")}</span>
                                    <button type="button" class="console-button" disabled=current >= pages on:click=move |_| to_page(current + 1)>{i18n.next()}</button>
                                </nav>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            <dialog node_ref=dialog class="console-dialog" aria-labelledby="console-export-title" on:close=refocus>
                <form on:submit=export novalidate>
                    <h2 id="console-export-title">{i18n.export_title()}</h2>
                    <label for="console-export-reason">{i18n.export_reason()}</label>
                    <textarea
                        id="console-export-reason"
                        rows="3"
                        maxlength="200"
                        prop:value=reason
                        on:input=move |e| reason.set(event_target_value(&e))
                        aria-describedby="console-export-error"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                    ></textarea>
                    <p class="console-error" id="console-export-error" role="alert">{move || error.get()}</p>
                    <div class="console-composer-actions">
                        <button type="button" class="console-button" on:click=move |_| close()>{i18n.cancel()}</button>
                        <button type="submit" class="console-button console-button-primary" disabled=sending>{i18n.export_send()}</button>
                    </div>
                </form>
            </dialog>
        </section>
    }
}
