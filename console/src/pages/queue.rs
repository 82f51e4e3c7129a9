//! The queue: a tab per status with live counts, filters kept in the URL, a keyboard-first
//! table (↑/↓ move between rows, Enter opens), paging.

use chrono::{DateTime, Utc};
use leptos::{ev::SubmitEvent, prelude::*};
use leptos_router::hooks::{use_navigate, use_query_map};
use wasm_bindgen::JsCast;

use super::{use_signed_in, DueTime, StatusBadge};
use crate::{
    api::{ApiError, Client, Counts, Page},
    i18n::use_i18n,
    queue::{QueueFilter, Waited, TABS},
};

#[component]
pub fn QueuePage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let query = use_query_map();
    let navigate = use_navigate();
    let filter = Memo::new(move |_| query.with(|q| QueueFilter::from_query(|k| q.get(k))));
    let go = {
        let navigate = navigate.clone();
        move |f: QueueFilter| navigate(&format!("/{}", f.to_query()), Default::default())
    };
    let counts = LocalResource::new(move || {
        let f = filter.get();
        async move { client.counts(&f).await }
    });
    let page = LocalResource::new(move || {
        let f = filter.get();
        async move { client.queue(&f).await }
    });
    let counselors =
        LocalResource::new(move || async move { client.counselors().await.unwrap_or_default() });
    let types = LocalResource::new(move || async move { client.types().await.unwrap_or_default() });
    Effect::new({
        let signed_out = signed_out.clone();
        move |_| {
            let expired = matches!(page.get(), Some(Err(ApiError::Unauthorized)))
                || matches!(counts.get(), Some(Err(ApiError::Unauthorized)));
            if expired {
                signed_out();
            }
        }
    });

    let tab_counts = move || counts.get().and_then(|c| c.ok()).unwrap_or_default();
    let count_of = move |c: &Counts, code: &str| match code {
        "10" => c.received,
        "20" => c.in_progress,
        _ => c.answered,
    };
    let tabs = {
        let go = go.clone();
        move || {
            let f = filter.get();
            let c = tab_counts();
            TABS.iter()
                .map(|code| {
                    let selected = f.status.as_deref() == Some(*code);
                    let target = f.with_status(code);
                    let go = go.clone();
                    let n = count_of(&c, code);
                    view! {
                        <button
                            type="button"
                            role="tab"
                            class="console-tab"
                            data-status=*code
                            aria-selected=selected.to_string()
                            aria-controls="console-queue-panel"
                            on:click=move |_| go(target.clone())
                        >
                            {i18n.status_name(code)}
                            <span class="console-tab-count" data-count=n>{n}</span>
                        </button>
                    }
                })
                .collect_view()
        }
    };

    // The filter form edits a copy; 조회 puts it in the URL.
    let draft = RwSignal::new(filter.get_untracked());
    Effect::new(move |_| draft.set(filter.get()));
    let submit = {
        let go = go.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            go(QueueFilter {
                page: 1,
                ..draft.get_untracked()
            });
        }
    };
    let text_field = move |id: &'static str,
                           label: String,
                           get: fn(&QueueFilter) -> String,
                           set: fn(&mut QueueFilter, String)| {
        view! {
            <div class="console-field">
                <label for=id>{label}</label>
                <input id=id type="text" prop:value=move || draft.with(get) on:input=move |e| draft.update(|d| set(d, event_target_value(&e))) />
            </div>
        }
    };

    view! {
        <section class="console-queue" data-page="queue">
            <h1>{i18n.queue_title()}</h1>
            <form class="console-filters" on:submit=submit aria-label=i18n.filters()>
                <div class="console-field">
                    <label for="f-start">{i18n.start_date()}</label>
                    <input id="f-start" type="date" prop:value=move || draft.with(|d| d.start.clone()) on:input=move |e| draft.update(|d| d.start = event_target_value(&e)) />
                </div>
                <div class="console-field">
                    <label for="f-end">{i18n.end_date()}</label>
                    <input id="f-end" type="date" prop:value=move || draft.with(|d| d.end.clone()) on:input=move |e| draft.update(|d| d.end = event_target_value(&e)) />
                </div>
                <div class="console-field">
                    <label for="f-type">{i18n.r#type()}</label>
                    <select id="f-type" on:change=move |e| draft.update(|d| d.type_no = event_target_value(&e))>
                        <option value="" selected=move || draft.with(|d| d.type_no.is_empty())>{i18n.all()}</option>
                        {move || types.get().map(|list| list.iter().flat_map(|g| {
                            let mut out = vec![(g.cnsl_typ_no.clone(), g.cnsl_typ_nm.clone())];
                            out.extend(g.children.iter().map(|c| (c.cnsl_typ_no.clone(), format!("{} > {}", g.cnsl_typ_nm, c.cnsl_typ_nm))));
                            out
                        }).map(|(no, name)| {
                            let v = no.clone();
                            view! { <option value=no selected=move || draft.with(|d| d.type_no == v)>{name}</option> }
                        }).collect_view())}
                    </select>
                </div>
                {text_field("f-member", i18n.member_no(), |d| d.member.clone(), |d, v| d.member = v)}
                {text_field("f-order", i18n.order_no(), |d| d.order.clone(), |d, v| d.order = v)}
                {text_field("f-keyword", i18n.keyword(), |d| d.keyword.clone(), |d, v| d.keyword = v)}
                <div class="console-field">
                    <label for="f-assignee">{i18n.assignee()}</label>
                    <select id="f-assignee" on:change=move |e| draft.update(|d| d.assignee = event_target_value(&e))>
                        <option value="" selected=move || draft.with(|d| d.assignee.is_empty())>{i18n.all()}</option>
                        <option value="me" selected=move || draft.with(|d| d.assignee == "me")>{i18n.assignee_me()}</option>
                        <option value="none" selected=move || draft.with(|d| d.assignee == "none")>{i18n.unassigned()}</option>
                        {move || counselors.get().map(|list| list.iter().map(|c| {
                            let v = c.cnslr_no.clone();
                            view! { <option value=c.cnslr_no.clone() selected=move || draft.with(|d| d.assignee == v)>{c.cnslr_nm.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="console-filter-actions">
                    <button type="submit" class="console-button console-button-primary">{i18n.search()}</button>
                    <a class="console-button" href="/console/">{i18n.reset()}</a>
                </div>
            </form>
            <div role="tablist" aria-label=i18n.status_tabs() class="console-tabs">{tabs}</div>
            <div id="console-queue-panel" role="tabpanel" class="console-panel">
                <Transition fallback=move || view! { <p class="console-muted" aria-busy="true">{i18n.loading()}</p> }>
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok(p) => view! { <QueueTable page=p filter=filter.get_untracked() /> }.into_any(),
                            Err(e) => view! { <p class="console-error" role="alert">{e.message(i18n)}</p> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </section>
    }
}

#[component]
fn QueueTable(page: Page, filter: QueueFilter) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let received = filter.status.as_deref() == Some("10");
    if page.content.is_empty() {
        return view! { <p class="console-empty">{i18n.queue_empty()}</p> }.into_any();
    }
    let now = Utc::now();
    let total = page.pagination.total_elements;
    let (current, pages) = (page.pagination.current_page, page.pagination.total_pages);
    let open = {
        let navigate = navigate.clone();
        move |ccn: &str| navigate(&format!("/inquiries/{ccn}"), Default::default())
    };
    let keys = {
        let open = open.clone();
        move |e: leptos::ev::KeyboardEvent| {
            let Some(row) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("tr[data-ccn-no]").ok().flatten())
            else {
                return;
            };
            let next = match e.key().as_str() {
                "ArrowDown" => row.next_element_sibling(),
                "ArrowUp" => row.previous_element_sibling(),
                "Enter" => {
                    e.prevent_default();
                    if let Some(ccn) = row.get_attribute("data-ccn-no") {
                        open(&ccn);
                    }
                    return;
                }
                _ => return,
            };
            if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
                e.prevent_default();
                row.set_attribute("tabindex", "-1").ok();
                next.set_attribute("tabindex", "0").ok();
                let _ = next.focus();
            }
        }
    };
    let rows = page
        .content
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let waited_for = DateTime::parse_from_rfc3339(&r.accp_dtm)
                .map(|t| (now - t.with_timezone(&Utc)).num_minutes())
                .unwrap_or(0);
            let href = format!("/console/inquiries/{}", r.ccn_no);
            view! {
                <tr data-ccn-no=r.ccn_no.clone() tabindex=if i == 0 { "0" } else { "-1" } class="console-row">
                    <td class="console-mono">{r.ccn_no.clone()}</td>
                    <td>{format!("{} > {}", r.cnsl_lrg_typ_nm, r.cnsl_typ_nm)}</td>
                    <td><a href=href tabindex="-1">{r.ccn_title}</a>
                        {(r.atch_file_cnt > 0).then(|| view! { <span class="console-muted">{format!(" · {}", i18n.photo_count(r.atch_file_cnt))}</span> })}
                    </td>
                    <td>{format!("{} ({})", r.mbr_nm.unwrap_or_default(), r.mbr_no.unwrap_or_default())}</td>
                    <td>{r.accp_dtm.get(..16).unwrap_or(&r.accp_dtm).replace('T', " ")}</td>
                    {received.then(|| view! { <td class="console-waited">{i18n.waited_for(Waited::from_minutes(waited_for))}</td> })}
                    <td>{r.cnslr_nm.unwrap_or_else(|| i18n.unassigned())}</td>
                    <td><DueTime due=r.ans_due_dtm.clone() status=r.ccn_stat_cd.clone() /></td>
                    <td>
                        <StatusBadge code=r.ccn_stat_cd />
                        {(r.stsf_yn.as_deref() == Some("N")).then(|| view! { " "<span class="console-badge console-badge-unsatisfied">{i18n.unsatisfied_badge()}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let prev = filter.with_page(current.saturating_sub(1).max(1));
    let next = filter.with_page(current + 1);
    view! {
        <p class="console-total" aria-live="polite">{i18n.total(total)}</p>
        <table class="console-table">
            <caption class="console-sr">{i18n.queue_caption()}</caption>
            <thead>
                <tr>
                    <th scope="col">{i18n.inquiry_no()}</th>
                    <th scope="col">{i18n.type_short()}</th>
                    <th scope="col">{i18n.inquiry_title()}</th>
                    <th scope="col">{i18n.member()}</th>
                    <th scope="col">{i18n.received_at()}</th>
                    {received.then(|| view! { <th scope="col">{i18n.waited()}</th> })}
                    <th scope="col">{i18n.assignee()}</th>
                    <th scope="col">{i18n.answer_due()}</th>
                    <th scope="col">{i18n.status()}</th>
                </tr>
            </thead>
            <tbody on:keydown=keys>{rows}</tbody>
        </table>
        <nav class="console-pager" aria-label=i18n.pages()>
            <a class="console-button" href=format!("/console/{}", prev.to_query()) aria-disabled=(current <= 1).to_string()>{i18n.previous()}</a>
            <span>{format!("{current} / {}", pages.max(1))}</span>
            <a class="console-button" href=format!("/console/{}", next.to_query()) aria-disabled=(current >= pages).to_string()>{i18n.next()}</a>
        </nav>
    }
    .into_any()
}
