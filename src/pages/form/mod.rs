//! `/new` and `/:ccnNo/edit`: one form to register or edit an inquiry.
//!
//! The form is its parts: [`FormState`] (the fields, as a type with methods), hooks for the
//! draft (`draft.rs`), the photos (`photos.rs`), the product picker (`picker.rs`) and the
//! submission (`submit.rs`), and view components for the fields (`fields.rs`). This file
//! loads what the form needs and composes them.

mod draft;
mod fields;
mod photos;
mod picker;
mod state;
mod submit;

use leptos::{ev, prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use self::{
    draft::{draft_key, use_draft},
    fields::{field_id, ConsentFields, ContentField, GoodsField, TitleField, TypeFields},
    photos::use_photos,
    picker::use_goods_picker,
    state::FormState,
    submit::use_submission,
};
use super::{app_href, live::use_live_revision, LastListQuery, NotFound};
use crate::{
    api::{ApiError, Client, Inquiry, InquiryInit},
    components::{ErrorPanel, Flash, GoodsPicker, PhotoField, ReplyThread},
    domain::{
        form::{self, Field, PickedGoods},
        Action,
    },
    events::Events,
    i18n::use_i18n,
};

/// `/new`
#[component]
pub fn NewPage() -> impl IntoView {
    view! { <FormLoader editing=None /> }
}

/// `/:ccnNo/edit`
#[component]
pub fn EditPage() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("ccnNo").unwrap_or_default());
    view! { <FormLoader editing=Some(id) /> }
}

#[component]
fn FormLoader(editing: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let init = expect_context::<LocalResource<Result<InquiryInit, ApiError>>>();
    let existing = LocalResource::new({
        let editing = editing.clone();
        move || {
            let client = client.clone();
            let editing = editing.clone();
            async move {
                match editing {
                    Some(id) => client.inquiry(&id).await.map(Some),
                    None => Ok(None),
                }
            }
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="idk-muted" role="status">{i18n.loading()}</p> }>
            {move || Suspend::new(async move {
                let (init_res, existing_res) = (init.await, existing.await);
                match (init_res, existing_res) {
                    (Ok(init), Ok(inquiry)) => {
                        if let Some(q) = &inquiry {
                            if let Err(reason) = q.status.allows(Action::Edit) {
                                return view! {
                                    <section class="idk-page" data-page="edit-locked">
                                        <h1 class="idk-title">{i18n.edit_title()}</h1>
                                        <p class="idk-notice" role="alert">{i18n.lock_reason(reason)}</p>
                                        <a href=app_href(&format!("/{}", q.id)) class="idk-button">{i18n.back_to_detail()}</a>
                                    </section>
                                }
                                .into_any();
                            }
                        }
                        view! { <InquiryForm init=init existing=inquiry /> }.into_any()
                    }
                    (_, Err(ApiError::NotFound(_))) => view! { <NotFound title=i18n.not_found_title() body=i18n.not_found_body() /> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => view! {
                        <section class="idk-page">
                            <ErrorPanel message=i18n.api_error(&e) on_retry=move |_| { init.refetch(); existing.refetch(); } />
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn InquiryForm(init: InquiryInit, existing: Option<Inquiry>) -> impl IntoView {
    let client = expect_context::<Client>();
    let flash = expect_context::<Flash>();
    let last = expect_context::<LastListQuery>();
    let events = expect_context::<Events>();
    let query = use_query_map();
    let navigate = use_navigate();
    let i18n = use_i18n();
    let limits = init.limits.form();
    let editing = existing.as_ref().map(|q| q.id.clone());

    let form = FormState::new(
        &init,
        existing.as_ref(),
        query.with_untracked(|q| q.get("ref")),
    );
    let draft = Memo::new(move |_| form.draft());
    let drafts = use_draft(draft_key(&init.member, editing.as_deref()), draft);
    let photos = use_photos(&client, existing.as_ref(), limits.clone());
    let picker = use_goods_picker(client.clone());
    let sub = use_submission(move || {
        draft.track();
        photos.local.track();
    });
    // While the customer edits, a counselor may take or answer the inquiry: say so before they
    // submit (what a 409 would say), with the answer shown and their text kept.
    if let Some(id) = editing.clone() {
        let client = client.clone();
        use_live_revision(
            move |tag: Option<String>| {
                let (client, id) = (client.clone(), id.clone());
                async move { client.inquiry_if_changed(&id, tag.as_deref()).await }
            },
            move |now: Inquiry| sub.locked(now),
        );
    }

    // Preselected goods (/new?ordNo=…&goodsNo=…) and follow-ups (/new?ref=…).
    if existing.is_none() {
        let (ord_no, goods_no) = query.with_untracked(|q| (q.get("ordNo"), q.get("goodsNo")));
        if let Some(goods_no) = goods_no {
            let client = client.clone();
            spawn_local(async move {
                if let Ok(found) = client.search_goods(&goods_no, 1, 1).await {
                    if let Some(g) = found.items.into_iter().find(|g| g.id == goods_no) {
                        form.goods.try_set(Some(PickedGoods {
                            goods_no: g.id,
                            name: g.name,
                            brand: g.brand,
                            option_no: None,
                            option_name: None,
                            order_no: ord_no,
                            image_url: g.image_url,
                        }));
                    }
                }
            });
        }
        if let Some(r) = form.ref_no.get_untracked() {
            let client = client.clone();
            spawn_local(async move {
                if let Ok(q) = client.inquiry(&r).await {
                    form.follow(q, &i18n.follow_up_prefix());
                }
            });
        }
    }

    let submit = {
        let client = client.clone();
        let editing = editing.clone();
        let wire_limits = init.limits.clone();
        let limits = limits.clone();
        move |e: ev::SubmitEvent| {
            e.prevent_default();
            if sub.pending.get_untracked() {
                return;
            }
            sub.failure.set(None);
            let d = draft.get_untracked();
            let problems: Vec<(Field, String)> =
                form::validate(&d, &limits, form.needs_goods_untracked())
                    .into_iter()
                    .map(|(f, p)| (f, i18n.form_problem(f, &p)))
                    .collect();
            if !problems.is_empty() {
                sub.show_problems(problems);
                return;
            }
            let uploads = photos.uploads();
            let keep = photos.keep();
            let (client, editing, navigate, events, wire_limits) = (
                client.clone(),
                editing.clone(),
                navigate.clone(),
                events.clone(),
                wire_limits.clone(),
            );
            let key = sub.key();
            sub.start();
            spawn_local(async move {
                let on_progress = move |p: f64| {
                    sub.progress.try_set(Some(p));
                };
                let result = match &editing {
                    Some(id) => client.modify(id, &d, &keep, &uploads, on_progress).await,
                    None => client.save(&d, &uploads, &key, on_progress).await,
                };
                sub.finish();
                match result {
                    Ok(id) => {
                        drafts.clear();
                        if editing.is_some() {
                            events.updated(&id);
                            flash.set(i18n.updated());
                        } else {
                            events.created(&id);
                            flash.set(i18n.created());
                        }
                        navigate(&format!("/{id}"), Default::default());
                    }
                    Err(e) => {
                        sub.fail(e, &uploads, &wire_limits, &client, editing.as_deref())
                            .await
                    }
                }
            });
        }
    };
    let restore = move |_| {
        if let Some(d) = drafts.take_offer() {
            form.apply(d);
        }
    };
    let discard = move |_| drafts.clear();

    let is_edit = editing.is_some();
    let heading = if is_edit {
        i18n.edit_title()
    } else {
        i18n.new_title()
    };
    let back = match &editing {
        Some(id) => format!("/{id}"),
        None => last.href(),
    };
    let hint = i18n.photo_limits(
        limits.max_photos,
        limits.max_photo_bytes,
        limits.max_photo_pixels,
    );
    let content = form.content;
    view! {
        <section class="idk-page idk-form-page" data-page=if is_edit { "edit" } else { "new" }>
            <a href=app_href(&back) class="idk-back">{i18n.cancel()}</a>
            <h1 class="idk-title">{heading}</h1>
            {move || drafts.offer.get().map(|_| view! {
                <div class="idk-notice idk-draft-offer" role="status">
                    <p>{i18n.draft_found()}</p>
                    <div>
                        <button type="button" class="idk-button idk-button-primary" data-draft="restore" on:click=restore>{i18n.draft_restore()}</button>
                        <button type="button" class="idk-button" data-draft="discard" on:click=discard>{i18n.draft_discard()}</button>
                    </div>
                </div>
            })}
            {move || form.ref_no.get().map(|r| view! { <p class="idk-muted idk-ref">{i18n.follow_up_of(&r)}</p> })}
            {move || (!sub.summary.with(Vec::is_empty)).then(|| view! {
                <div class="idk-error-summary" role="alert" tabindex="-1">
                    <p>{i18n.fix_these()}</p>
                    <ul>
                        {sub.summary.get().into_iter().map(|(f, m)| view! { <li><a href=format!("#{}", field_id(f))>{m}</a></li> }).collect_view()}
                    </ul>
                </div>
            })}
            <form class="idk-form" on:submit=submit on:input=move |_| drafts.touched.set(true) on:change=move |_| drafts.touched.set(true) novalidate>
                <TypeFields form=form sub=sub groups=init.types.clone() />
                <TitleField form=form sub=sub max=limits.title_max_chars />
                <ContentField form=form sub=sub max=limits.content_max_chars />
                <GoodsField form=form sub=sub picker=picker />
                <PhotoField
                    tiles=Signal::derive(move || photos.tiles())
                    refused=photos.refused
                    hint=hint
                    progress=sub.progress
                    on_files=Callback::new(move |files| photos.add(files))
                    on_remove=Callback::new(move |key: String| photos.remove(&key))
                    invalid=Signal::derive(move || sub.errors.with(|e| e.contains_key(&Field::Photos)))
                />
                <ConsentFields form=form />
                {move || sub.failure.get().map(|m| view! { <p class="idk-error idk-submit-error" role="alert">{m}</p> })}
                {move || sub.conflict.get().map(|q| view! {
                    <section class="idk-section idk-conflict" aria-labelledby="idk-conflict-title">
                        <h2 class="idk-subtitle" id="idk-conflict-title">{i18n.conflict_answer()}</h2>
                        <ReplyThread replies=q.replies.clone() />
                        <label class="idk-label" for="idk-kept-text">{i18n.your_text()}</label>
                        <textarea id="idk-kept-text" readonly rows="6" prop:value=move || content.get()></textarea>
                        <a href=app_href(&format!("/new?ref={}", q.id)) class="idk-button idk-button-primary">{i18n.follow_up()}</a>
                    </section>
                })}
                <div class="idk-actions">
                    <button type="submit" class="idk-button idk-button-primary" disabled=move || sub.pending.get() aria-busy=move || sub.pending.get().to_string()>
                        {move || if sub.pending.get() { i18n.submitting() } else if is_edit { i18n.save_changes() } else { i18n.submit() }}
                    </button>
                </div>
            </form>
            <GoodsPicker
                open=picker.open
                tab=picker.tab
                search=picker.search
                state=Signal::derive(move || picker.state())
                on_more=move |_| picker.more()
                on_retry=move |_| picker.load.run(1)
                on_pick=Callback::new(move |g: PickedGoods| {
                    form.goods.set(Some(g));
                    picker.open.set(false);
                })
            />
        </section>
    }
}
