use leptos::prelude::*;

use crate::{
    api::{Reply, ReplyAuthor},
    domain::{Status, Turn},
    i18n::use_i18n,
};

/// Status with a hint of whose turn it is.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    let turn = match status.turn() {
        Turn::Store => "store",
        Turn::Customer => "customer",
    };
    view! {
        <span class=format!("idk-badge idk-badge-{} idk-turn-{turn}", status.key()) data-status=status.key()>
            <span class="idk-badge-name">{i18n.status_name(status)}</span>
            <span class="idk-badge-hint">{i18n.status_hint(status)}</span>
        </span>
    }
}

/// The product an inquiry is about.
#[component]
pub fn GoodsCard(
    brand: String,
    name: String,
    option: Option<String>,
    price: Option<i64>,
    image_src: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="idk-goods">
            {image_src.map(|src| view! { <img class="idk-goods-img" src=src alt="" width="64" height="64" /> })}
            <div class="idk-goods-text">
                <span class="idk-goods-brand">{brand}</span>
                <span class="idk-goods-name">{name}</span>
                {option.map(|o| view! { <span class="idk-goods-option">{o}</span> })}
                {price.map(|p| view! { <span class="idk-goods-price">{i18n.won(p)}</span> })}
            </div>
        </div>
    }
}

/// The counselor's (and sellers') replies, oldest first. Text is rendered as text.
#[component]
pub fn ReplyThread(replies: Vec<Reply>) -> impl IntoView {
    let i18n = use_i18n();
    if replies.is_empty() {
        return view! { <p class="idk-no-reply">{i18n.no_reply_yet()}</p> }.into_any();
    }
    view! {
        <ol class="idk-thread">
            {replies
                .into_iter()
                .map(|r| {
                    let counselor = r.author == ReplyAuthor::Counselor;
                    view! {
                        <li class=if counselor { "idk-reply idk-reply-counselor" } else { "idk-reply idk-reply-seller" }>
                            <div class="idk-reply-head">
                                <span class="idk-reply-role">{i18n.reply_author(counselor)}</span>
                                <span class="idk-reply-name">{r.author_name}</span>
                                <time class="idk-reply-time" datetime=r.at.to_rfc3339()>{i18n.datetime(&r.at)}</time>
                            </div>
                            <p class="idk-text">{r.content}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}

/// A photo thumbnail; `src` is `None` while loading and `Some(Err)` when it failed.
#[component]
pub fn PhotoThumb(
    name: String,
    #[prop(into)] src: Signal<Option<Result<String, ()>>>,
    #[prop(into)] on_open: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = format!("{} {}", name, i18n.photo_open());
    view! {
        <li class="idk-thumb">
            {move || match src.get() {
                None => view! { <span class="idk-thumb-loading" aria-label=i18n.loading()></span> }.into_any(),
                Some(Err(())) => view! { <span class="idk-thumb-failed">{i18n.photo_failed()}</span> }.into_any(),
                Some(Ok(url)) => {
                    let open = url.clone();
                    view! {
                        <button type="button" class="idk-thumb-button" aria-label=label.clone() on:click=move |_| on_open.run(open.clone())>
                            <img src=url alt="" width="96" height="96" />
                        </button>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}
