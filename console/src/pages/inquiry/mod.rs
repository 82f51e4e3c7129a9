//! One inquiry: everything the customer sent, the thread, the answer notifications, the
//! member's other recent inquiries; take it, and answer it once (template, counter, preview,
//! confirm). A race lost to another counselor, or to the member deleting the inquiry, is said
//! plainly and the typed answer stays (also across a re-login: it is kept for this tab). What
//! the law keeps (`records.rs`): a withdrawn inquiry is marked and read-only, earlier versions
//! and the history of who did what are shown. The desk's internal memos: `memos.rs`.

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::use_params_map;

mod draft;
mod memos;
mod notifications;
mod records;

use draft::{load_draft, save_draft};

use super::{transfer::TransferPanel, use_signed_in, DueTime, StatusBadge};
use crate::{
    api::{ApiError, Client, Detail, Me},
    i18n::use_i18n,
};

#[component]
pub fn InquiryPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let params = use_params_map();
    let ccn = Memo::new(move |_| params.with(|p| p.get("ccnNo").unwrap_or_default()));
    let detail = LocalResource::new(move || {
        let id = ccn.get();
        async move { client.detail(&id).await }
    });
    let me = LocalResource::new(move || async move { client.whoami().await.ok() });
    Effect::new(move |_| {
        if matches!(detail.get(), Some(Err(ApiError::Unauthorized))) {
            signed_out();
        }
    });
    view! {
        <Transition fallback=move || view! { <p class="console-muted" aria-busy="true">{i18n.loading()}</p> }>
            {move || Suspend::new(async move {
                let me = me.await;
                match detail.await {
                    Ok(d) => view! { <Inquiry initial=d me=me /> }.into_any(),
                    Err(e) => view! {
                        <section class="console-inquiry" data-page="inquiry">
                            <p class="console-error" role="alert">{e.message(i18n)}</p>
                            <a href="/console/">{i18n.to_queue()}</a>
                        </section>
                    }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Inquiry(initial: Detail, me: Option<Me>) -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let ccn = initial.ccn_no.clone();
    let detail = RwSignal::new(initial);
    let max = me.as_ref().map(|m| m.ans_max_len).unwrap_or(4000);
    let my_no = me.map(|m| m.cnslr_no).unwrap_or_default();

    let text = RwSignal::new(load_draft(&ccn));
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let preview = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let taking = RwSignal::new(false);
    // A lost race: the answer box stays with the text, and sending is off.
    let lost = RwSignal::new(false);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let send_button = NodeRef::<leptos::html::Button>::new();
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let status_line = NodeRef::<leptos::html::P>::new();

    let templates = LocalResource::new({
        let ccn = ccn.clone();
        move || {
            let ccn = ccn.clone();
            async move { client.templates(&ccn).await.unwrap_or_default() }
        }
    });
    let recent = LocalResource::new({
        let mbr = detail.with_untracked(|d| d.mbr_no.clone().unwrap_or_default());
        move || {
            let mbr = mbr.clone();
            async move { client.member_recent(&mbr).await.ok() }
        }
    });
    let chosen = RwSignal::new(String::new());
    // The template the answer started from: counted when the answer is posted.
    let used_template = RwSignal::new(None::<String>);
    let apply_template = move |_| {
        let Some(list) = templates.get_untracked() else {
            return;
        };
        let Some(t) = list.iter().find(|t| t.tmpl_no == chosen.get_untracked()) else {
            return;
        };
        used_template.set(Some(t.tmpl_no.clone()));
        text.update(|s| {
            if s.trim().is_empty() {
                *s = t.tmpl_cont.clone();
            } else {
                s.push_str("\n\n");
                s.push_str(&t.tmpl_cont);
            }
        });
        if let Some(a) = textarea.get_untracked() {
            let _ = a.focus();
        }
    };

    let on_take = {
        let ccn = ccn.clone();
        let signed_out = signed_out.clone();
        move |_| {
            let ccn = ccn.clone();
            let signed_out = signed_out.clone();
            taking.set(true);
            error.set(None);
            spawn_local(async move {
                match client.take(&ccn).await {
                    Ok(()) => {
                        status.set(Some(i18n.taken()));
                        if let Ok(d) = client.detail(&ccn).await {
                            detail.set(d);
                        }
                    }
                    Err(ApiError::Unauthorized) => signed_out(),
                    Err(e) => {
                        error.set(Some(e.message(i18n)));
                        if let Ok(d) = client.detail(&ccn).await {
                            detail.set(d);
                        }
                    }
                }
                taking.set(false);
            });
        }
    };

    let chars = Memo::new(move |_| text.with(|t| t.trim().chars().count()));
    let ask = move |_| {
        error.set(None);
        let n = chars.get_untracked();
        if n == 0 {
            error.set(Some(i18n.answer_required()));
            if let Some(a) = textarea.get_untracked() {
                let _ = a.focus();
            }
            return;
        }
        if n > max {
            error.set(Some(i18n.answer_too_long(n, max)));
            return;
        }
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close_dialog = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let on_send = {
        let ccn = ccn.clone();
        let signed_out = signed_out.clone();
        move |_| {
            let ccn = ccn.clone();
            let signed_out = signed_out.clone();
            let body = text.get_untracked().trim().to_owned();
            sending.set(true);
            spawn_local(async move {
                match client
                    .answer(&ccn, &body, used_template.get_untracked().as_deref())
                    .await
                {
                    Ok(d) => {
                        detail.set(d);
                        text.set(String::new());
                        save_draft(&ccn, "");
                        status.set(Some(i18n.answer_sent()));
                    }
                    Err(ApiError::Conflict { message, now, .. }) => {
                        lost.set(true);
                        if let Some(now) = now {
                            detail.set(*now);
                        }
                        error.set(Some(format!("{message} {}", i18n.draft_kept())));
                    }
                    Err(ApiError::NotFound(message)) => {
                        lost.set(true);
                        error.set(Some(format!("{message} {}", i18n.draft_kept())));
                    }
                    Err(ApiError::Unauthorized) => {
                        save_draft(&ccn, &body);
                        signed_out();
                    }
                    Err(e) => error.set(Some(format!("{} {}", e.message(i18n), i18n.draft_kept()))),
                }
                sending.set(false);
                close_dialog();
                // Focus where the outcome is said: the send button while it is there, else
                // the status line (the answer box closes once the answer is in).
                match send_button.get_untracked() {
                    Some(b) if b.is_connected() => {
                        let _ = b.focus();
                    }
                    _ => {
                        if let Some(p) = status_line.get_untracked() {
                            let _ = p.focus();
                        }
                    }
                }
            });
        }
    };

    let photos = detail.with_untracked(|d| d.atch_files.clone());
    let photo_views = photos
        .into_iter()
        .map(|p| {
            let src = LocalResource::new({
                let url = p.file_url.clone();
                move || {
                    let url = url.clone();
                    async move { client.photo_url(&url).await.ok() }
                }
            });
            let name = p.file_nm.clone();
            view! {
                <li class="console-photo">
                    {move || src.get().flatten().map(|s| view! { <img src=s alt=name.clone() width="160" /> })}
                    <span>{p.file_nm.clone()}</span>
                </li>
            }
        })
        .collect_view();

    let answered = move || detail.with(|d| d.ccn_stat_cd == "30");
    let withdrawn = move || detail.with(|d| d.wdrw_dtm.is_some());
    let can_take = {
        let my_no = my_no.clone();
        move || {
            detail.with(|d| {
                d.wdrw_dtm.is_none()
                    && (d.ccn_stat_cd == "10"
                        || (d.ccn_stat_cd == "20" && d.cnslr_no.as_deref() != Some(my_no.as_str())))
            })
        }
    };
    let ccn_for_input = ccn.clone();

    view! {
        <section class="console-inquiry" data-page="inquiry" data-ccn-no=ccn.clone()>
            <p><a href="/console/">{i18n.back_to_queue()}</a></p>
            <div class="console-inquiry-grid">
                <article class="console-card">
                    {move || detail.with(|d| view! {
                        <header class="console-inquiry-head">
                            <h1>{d.ccn_title.clone()}</h1>
                            <StatusBadge code=d.ccn_stat_cd.clone() />
                            {d.wdrw_dtm.is_some().then(|| view! { <span class="console-badge console-badge-withdrawn">{i18n.withdrawn_badge()}</span> })}
                        </header>
                        <records::WithdrawnNotice at=d.wdrw_dtm.clone() />
                        <dl class="console-meta">
                            <dt>{i18n.inquiry_no()}</dt><dd class="console-mono">{d.ccn_no.clone()}</dd>
                            <dt>{i18n.type_short()}</dt><dd>{format!("{} > {}", d.cnsl_lrg_typ_nm, d.cnsl_typ_nm)}</dd>
                            <dt>{i18n.member()}</dt><dd>{format!("{} ({})", d.mbr_nm.clone().unwrap_or_default(), d.mbr_no.clone().unwrap_or_default())}</dd>
                            <dt>{i18n.order_no()}</dt><dd>{d.ord_no.clone().unwrap_or_else(|| "-".to_owned())}</dd>
                            <dt>{i18n.received_at()}</dt><dd>{d.accp_dtm.replace('T', " ")}</dd>
                            <dt>{i18n.answer_due()}</dt><dd><DueTime due=d.ans_due_dtm.clone() status=d.ccn_stat_cd.clone() /></dd>
                            <dt>{i18n.assignee()}</dt><dd class="console-holder">{d.cnslr_nm.clone().unwrap_or_else(|| i18n.unassigned())}</dd>
                            <dt>{i18n.consent()}</dt><dd>{i18n.consent_channels(&d.email_rcv_yn, &d.sms_rcv_yn)}</dd>
                        </dl>
                        <h2>{i18n.inquiry_content()}</h2>
                        <p class="console-content">{d.accp_cont.clone()}</p>
                        {d.goods.clone().map(|g| view! {
                            <div class="console-goods">
                                {g.img_url.clone().map(|u| view! { <img src=client.url(&u) alt="" width="64" height="64" /> })}
                                <div>
                                    <p class="console-muted">{g.brand_nm.clone()}</p>
                                    <p>{g.goods_nm.clone()}</p>
                                    {g.itm_nm.clone().map(|o| view! { <p class="console-muted">{i18n.goods_option(o)}</p> })}
                                </div>
                            </div>
                        })}
                    })}
                    <ul class="console-photos">{photo_views}</ul>
                    {move || detail.with(|d| view! { <records::PrevVersions versions=d.prev_versions.clone() /> })}
                    {move || detail.with(|d| d.stsf.clone().map(|r| view! { <records::CustomerRating rating=r /> }))}
                    <h2>{i18n.thread()}</h2>
                    {move || detail.with(|d| if d.replies.is_empty() {
                        view! { <p class="console-muted">{i18n.no_replies()}</p> }.into_any()
                    } else {
                        view! {
                            <ol class="console-thread">
                                {d.replies.iter().map(|r| view! {
                                    <li class=format!("console-reply console-reply-{}", r.ans_typ_cd.to_lowercase())>
                                        <p class="console-reply-by">{format!("{} · {} · {}", r.ans_typ_nm, r.ansr_nm, r.ans_dtm.replace('T', " "))}</p>
                                        <p class="console-content">{r.ans_cont.clone()}</p>
                                    </li>
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    })}
                    <notifications::Notifications detail=detail />
                </article>
                <aside class="console-card console-side" aria-labelledby="console-recent-title">
                    <memos::Memos detail=detail on_signed_out=signed_out.clone() />
                    <records::History ccn=ccn.clone() detail=detail />
                    <h2 id="console-recent-title">{i18n.recent()}</h2>
                    {move || recent.get().flatten().map(|p| view! {
                        <ul class="console-recent">
                            {p.content.into_iter().map(|r| view! {
                                <li>
                                    <a href=format!("/console/inquiries/{}", r.ccn_no)>{r.ccn_title}</a>
                                    " "<StatusBadge code=r.ccn_stat_cd />
                                </li>
                            }).collect_view()}
                        </ul>
                    })}
                </aside>
            </div>

            <div class="console-card console-actions">
                <p class="console-status" role="status" tabindex="-1" node_ref=status_line>{move || status.get()}</p>
                <p class="console-error" role="alert" id="console-answer-error">{move || error.get()}</p>
                {move || (!withdrawn()).then(|| view! { <TransferPanel detail=detail on_signed_out=signed_out.clone() /> })}
                {move || can_take().then(|| view! {
                    <button type="button" class="console-button" on:click=on_take.clone() disabled=taking>{i18n.take()}</button>
                })}
                // A lost race keeps the composer (and what was typed) whatever the inquiry became.
                {move || (lost.get() || (!withdrawn() && (!answered() || !text.with(String::is_empty)))).then(|| view! {
                    <div class="console-composer">
                        <h2>{i18n.compose()}</h2>
                        <div class="console-template">
                            <label for="console-template">{i18n.template()}</label>
                            <select id="console-template" on:change=move |e| chosen.set(event_target_value(&e))>
                                <option value="">{i18n.choose()}</option>
                                {move || templates.get().map(|list| list.iter().map(|t| view! { <option value=t.tmpl_no.clone()>{t.tmpl_nm.clone()}</option> }).collect_view())}
                            </select>
                            <button type="button" class="console-button" on:click=apply_template>{i18n.insert_template()}</button>
                        </div>
                        <label for="console-answer">{i18n.answer()}</label>
                        <textarea
                            id="console-answer"
                            node_ref=textarea
                            rows="10"
                            prop:value=text
                            on:input={
                                let ccn = ccn_for_input.clone();
                                move |e| {
                                    let v = event_target_value(&e);
                                    save_draft(&ccn, &v);
                                    text.set(v);
                                }
                            }
                            aria-describedby="console-answer-counter console-answer-error"
                            aria-invalid=move || error.with(Option::is_some).to_string()
                        ></textarea>
                        <p id="console-answer-counter" class="console-counter" class:console-over={move || chars.get() > max}>{move || i18n.counter(chars.get(), max)}</p>
                        <div class="console-composer-actions">
                            <button type="button" class="console-button" aria-pressed=move || preview.get().to_string() on:click=move |_| preview.update(|p| *p = !*p)>{i18n.preview()}</button>
                            <button type="button" class="console-button console-button-primary" node_ref=send_button on:click=ask disabled=move || lost.get() || sending.get()>{i18n.send()}</button>
                        </div>
                        {move || preview.get().then(|| view! {
                            <section class="console-preview" aria-label=i18n.preview_label()>
                                <p class="console-content">{text.get()}</p>
                            </section>
                        })}
                    </div>
                })}
            </div>

            <dialog node_ref=dialog class="console-dialog" aria-labelledby="console-confirm-title" aria-describedby="console-confirm-body">
                <h2 id="console-confirm-title">{i18n.confirm_title()}</h2>
                <p id="console-confirm-body">{i18n.confirm_body()}</p>
                <div class="console-composer-actions">
                    <button type="button" class="console-button" autofocus on:click=move |_| close_dialog()>{i18n.cancel()}</button>
                    <button type="button" class="console-button console-button-primary" disabled=sending on:click=on_send>{i18n.confirm_send()}</button>
                </div>
            </dialog>
        </section>
    }
}
