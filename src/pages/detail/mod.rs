//! One inquiry: what the customer sent, the thread, edit and delete while 접수완료, and the
//! answer's rating once answered (`rating.rs`).

mod rating;

use leptos::{prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_params_map};

use super::{app_href, live::use_live_revision, LastListQuery, NotFound};
use crate::{
    api::{revoke_object_url, ApiError, Client, Inquiry, Photo},
    components::{
        ConfirmDialog, ErrorPanel, Flash, GoodsCard, Lightbox, PhotoThumb, ReplyThread, StatusBadge,
    },
    domain::{Action, Status},
    events::Events,
    i18n::use_i18n,
};
use rating::RatingSection;

#[component]
pub fn DetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("ccnNo").unwrap_or_default()));
    let detail = {
        let client = client.clone();
        LocalResource::new(move || {
            let id = id.get();
            let client = client.clone();
            async move { client.inquiry(&id).await }
        })
    };
    // Why the page changed under the customer (e.g. answered while they tried to delete).
    let notice = RwSignal::new(None::<String>);
    // A counselor's answer shows up without a reload: a changed inquiry is read again (the
    // page is rebuilt only then, so a quiet check disturbs nothing the customer is doing).
    use_live_revision(
        {
            let client = client.clone();
            move |tag: Option<String>| {
                let (client, id) = (client.clone(), id.get_untracked());
                async move { client.inquiry_if_changed(&id, tag.as_deref()).await }
            }
        },
        move |now: Inquiry| {
            if !detail.with_untracked(|d| matches!(d, Some(Ok(shown)) if *shown == now)) {
                detail.refetch();
            }
        },
    );
    view! {
        <Transition fallback=move || view! { <section class="idk-page idk-detail-skeleton" aria-busy="true"><p class="idk-muted">{i18n.loading()}</p></section> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(inquiry) => view! { <Detail inquiry=inquiry notice=notice on_stale=move || detail.refetch() /> }.into_any(),
                    Err(ApiError::NotFound(_)) => view! { <NotFound title=i18n.not_found_title() body=i18n.not_found_body() /> }.into_any(),
                    Err(e) => view! {
                        <section class="idk-page">
                            <ErrorPanel message=i18n.api_error(&e) on_retry=move |_| detail.refetch() />
                        </section>
                    }
                    .into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Detail(
    inquiry: Inquiry,
    notice: RwSignal<Option<String>>,
    #[prop(into)] on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let flash = expect_context::<Flash>();
    let last = expect_context::<LastListQuery>();
    let navigate = use_navigate();
    let id = inquiry.id.clone();
    let allowed = inquiry.status.allows(Action::Edit);
    let confirm_open = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<String>);
    let lightbox = RwSignal::new(None::<String>);
    if inquiry.unread_answer {
        // The customer is reading the answer now: clear the list's marker on every device.
        // Best effort: if it fails, the marker stays and the next visit tries again.
        let (client, id) = (client.clone(), id.clone());
        spawn_local(async move {
            let _ = client.mark_answer_read(&id).await;
        });
    }

    let on_delete = {
        let client = client.clone();
        let id = id.clone();
        let events = expect_context::<Events>();
        Callback::new(move |_| {
            let client = client.clone();
            let events = events.clone();
            let id = id.clone();
            let navigate = navigate.clone();
            deleting.set(true);
            delete_error.set(None);
            spawn_local(async move {
                match client.delete(&id).await {
                    Ok(()) => {
                        events.deleted(&id);
                        flash.set(i18n.deleted());
                        confirm_open.set(false);
                        navigate(&last.href(), Default::default());
                    }
                    Err(e @ ApiError::Conflict { .. }) => {
                        confirm_open.set(false);
                        notice.set(Some(i18n.api_error(&e)));
                        on_stale.run(());
                    }
                    Err(ApiError::NotFound(_)) => {
                        confirm_open.set(false);
                        on_stale.run(());
                    }
                    Err(e) => delete_error.set(Some(i18n.api_error(&e))),
                }
                deleting.set(false);
            });
        })
    };

    let goods = inquiry.goods.clone().map(|g| {
        let src = g.image_url.as_deref().map(|u| client.asset_url(u));
        view! { <GoodsCard brand=g.brand name=g.name option=g.option price=Some(g.price) image_src=src /> }
    });
    let photos = (!inquiry.photos.is_empty())
        .then(|| photo_gallery(&client, inquiry.photos.clone(), lightbox));
    let actions = match allowed {
        Ok(()) => view! {
            <div class="idk-actions">
                <a href=app_href(&format!("/{id}/edit")) class="idk-button">{i18n.edit()}</a>
                <button type="button" class="idk-button idk-button-danger" on:click=move |_| confirm_open.set(true)>
                    {i18n.delete()}
                </button>
            </div>
        }
        .into_any(),
        Err(reason) => view! {
            <div class="idk-actions">
                <a href=app_href(&format!("/new?ref={id}")) class="idk-button idk-button-primary">{i18n.follow_up()}</a>
                <button type="button" class="idk-button" disabled aria-describedby="idk-lock-reason">{i18n.edit()}</button>
                <button type="button" class="idk-button idk-button-danger" disabled aria-describedby="idk-lock-reason">{i18n.delete()}</button>
                <p id="idk-lock-reason" class="idk-lock-reason">{i18n.lock_reason(reason)}</p>
            </div>
        }
        .into_any(),
    };

    view! {
        <article class="idk-page idk-detail" data-page="detail" data-ccn-no=id.clone()>
            <a href=app_href(&last.href()) class="idk-back">{i18n.back_to_list()}</a>
            {flash.view()}
            {move || notice.get().map(|m| view! { <p class="idk-notice" role="alert">{m}</p> })}
            <header class="idk-detail-head">
                <StatusBadge status=inquiry.status />
                <h1 class="idk-title">{inquiry.title.clone()}</h1>
                <p class="idk-row-type">{format!("{} > {}", inquiry.type_group, inquiry.type_name)}</p>
                <dl class="idk-facts">
                    <dt>{i18n.created_at()}</dt>
                    <dd><time datetime=inquiry.created_at.to_rfc3339()>{i18n.datetime(&inquiry.created_at)}</time></dd>
                    {inquiry.order_no.clone().map(|o| view! { <dt>{i18n.order_no()}</dt><dd class="idk-order-no">{o}</dd> })}
                    {inquiry.ordered_at.map(|t| view! { <dt>{i18n.order_date()}</dt><dd>{i18n.date(&t)}</dd> })}
                    {inquiry.answer_due.filter(|_| inquiry.status != Status::Answered).map(|t| view! {
                        <dt>{i18n.answer_due_label()}</dt>
                        <dd class="idk-answer-due"><time datetime=t.to_rfc3339()>{i18n.answer_due(i18n.datetime(&t))}</time></dd>
                    })}
                    {inquiry.answered_at.map(|t| view! {
                        <dt>{i18n.answered_at()}</dt>
                        <dd class="idk-answered-at"><time datetime=t.to_rfc3339()>{i18n.datetime(&t)}</time></dd>
                    })}
                </dl>
            </header>
            {goods}
            <section class="idk-section" aria-labelledby="idk-content-title">
                <h2 class="idk-subtitle" id="idk-content-title">{i18n.content()}</h2>
                <p class="idk-text idk-content">{inquiry.content.clone()}</p>
            </section>
            {photos}
            <section class="idk-section" aria-labelledby="idk-replies-title">
                <h2 class="idk-subtitle" id="idk-replies-title">{i18n.replies()}</h2>
                <ReplyThread replies=inquiry.replies.clone() />
            </section>
            {(inquiry.status == Status::Answered).then(|| view! {
                <RatingSection id=id.clone() given=inquiry.satisfaction.clone() notice=notice on_stale=on_stale />
            })}
            {actions}
            <ConfirmDialog
                open=confirm_open
                id="idk-delete-dialog"
                title=i18n.delete_title()
                body=i18n.delete_body()
                confirm_label=i18n.delete_confirm()
                pending=deleting
                error=delete_error
                on_confirm=on_delete
            />
            <Lightbox src=lightbox />
        </article>
    }
}

/// Thumbnails fetched with the member's token (photos are not public), opened full size in a
/// lightbox. Object URLs are released when the page goes away.
fn photo_gallery(
    client: &Client,
    photos: Vec<Photo>,
    lightbox: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let made = StoredValue::new(Vec::<String>::new());
    on_cleanup(move || made.with_value(|urls| urls.iter().for_each(|u| revoke_object_url(u))));
    let thumbs = photos
        .into_iter()
        .map(|photo| {
            let client = client.clone();
            let name = photo.name.clone();
            let src = RwSignal::new(None::<Result<String, ()>>);
            spawn_local(async move {
                let result = client.photo_url(&photo).await;
                if let Ok(url) = &result {
                    made.update_value(|v| v.push(url.clone()));
                }
                src.try_set(Some(result.map_err(|_| ())));
            });
            view! { <PhotoThumb name=name src=src on_open=move |url: String| lightbox.set(Some(url)) /> }
        })
        .collect_view();
    view! {
        <section class="idk-section" aria-labelledby="idk-photos-title">
            <h2 class="idk-subtitle" id="idk-photos-title">{i18n.photos()}</h2>
            <ul class="idk-thumbs">{thumbs}</ul>
        </section>
    }
}
