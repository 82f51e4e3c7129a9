use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{app_href, lazy::preload_all, live::use_live_revision, LastListQuery};
use crate::{
    api::{ApiError, Client, InquiryInit, InquiryPage, ListQuery},
    components::{EmptyState, ErrorPanel, FilterBar, Flash, Pager, SkeletonRows, StatusBadge},
    domain::{filter::Search, ListFilter},
    i18n::{today_in, use_i18n},
};

pub const PAGE_SIZE: u32 = 10;
/// Used until `getQuestionInit` has answered (the server's published maximum).
const DEFAULT_MAX_PERIOD_DAYS: i64 = 366;

/// The store's time zone until `getQuestionInit` has said (x2bee stores are in Korea).
const DEFAULT_STORE_TIME_ZONE: &str = "Asia/Seoul";

/// "Today" for the period presets: the API's dates are the store's calendar dates, so a
/// customer west of Korea after the store's midnight still sees what they registered a minute
/// ago in "1 week". (Dates in the list are shown in the customer's own time zone.)
pub fn store_today(init: Option<&InquiryInit>) -> NaiveDate {
    today_in(init.map_or(DEFAULT_STORE_TIME_ZONE, |i| i.store_time_zone.as_str()))
}

fn to_query(f: &ListFilter, today: NaiveDate) -> ListQuery {
    let (order_no, keyword) = match &f.search {
        Search::None => (None, None),
        Search::OrderNo(o) => (Some(o.clone()), None),
        Search::Keyword(k) => (None, Some(k.clone())),
    };
    ListQuery {
        period: f.period.resolve(today),
        status: f.status,
        order_no,
        keyword,
        page: f.page,
        page_size: PAGE_SIZE,
    }
}

#[component]
pub fn ListPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let flash = expect_context::<Flash>();
    let last = expect_context::<LastListQuery>();
    let init = expect_context::<LocalResource<Result<InquiryInit, ApiError>>>();
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| ListFilter::from_query(|k| q.get_str(k))));
    Effect::new(move |_| last.0.set(filter.get().to_query()));
    let today = init.with_untracked(|i| store_today(i.as_ref().and_then(|r| r.as_ref().ok())));
    let max_days = Signal::derive(move || {
        init.get()
            .and_then(|r| r.ok())
            .map(|i| i.limits.max_period_days)
            .unwrap_or(DEFAULT_MAX_PERIOD_DAYS)
    });
    let navigate = use_navigate();
    let on_change = Callback::new(move |f: ListFilter| {
        let q = f.to_query();
        navigate(
            &if q.is_empty() {
                "/".to_owned()
            } else {
                format!("/?{q}")
            },
            Default::default(),
        );
    });
    let live_client = client.clone();
    let page = LocalResource::new(move || {
        let q = to_query(&filter.get(), today);
        let client = client.clone();
        async move { client.list(&q).await }
    });
    let (pending, set_pending) = signal(false);
    // Once rows are shown, the pages a customer opens next are fetched in the background.
    let preloaded = StoredValue::new(false);
    // Statuses and answers change under the customer: a changed page is read again.
    let etag = use_live_revision(
        {
            let client = live_client;
            move |tag: Option<String>| {
                let client = client.clone();
                let q = to_query(&filter.get_untracked(), today);
                async move { client.list_if_changed(&q, tag.as_deref()).await }
            }
        },
        move |now: InquiryPage| {
            if !page.with_untracked(|p| matches!(p, Some(Ok(shown)) if *shown == now)) {
                page.refetch();
            }
        },
    );
    Effect::new(move |_| {
        filter.track();
        etag.set_value(None); // another page of results: its first check compares bodies
    });
    view! {
        <section class="idk-page idk-list-page" data-page="list">
            <header class="idk-page-head">
                <h1 class="idk-title">{i18n.app_title()}</h1>
                <a href=app_href("/new") class="idk-button idk-button-primary">{i18n.new_inquiry()}</a>
            </header>
            {flash.view()}
            <FilterBar filter=filter today=today max_days=max_days on_change=on_change />
            <div class="idk-results" aria-live="polite" aria-busy=move || pending.get().to_string()>
                <Transition fallback=move || view! { <SkeletonRows count=PAGE_SIZE as usize /> } set_pending=set_pending>
                    {move || Suspend::new(async move {
                        match page.await {
                            Ok(p) => {
                                if !preloaded.get_value() {
                                    preloaded.set_value(true);
                                    preload_all();
                                }
                                results(p, filter, on_change).into_any()
                            }
                            Err(e) => view! { <ErrorPanel message=i18n.api_error(&e) on_retry=move |_| page.refetch() /> }.into_any(),
                        }
                    })}
                </Transition>
            </div>
        </section>
    }
}

fn results(
    p: InquiryPage,
    filter: Memo<ListFilter>,
    on_change: Callback<ListFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    if p.items.is_empty() {
        return view! {
            <EmptyState message=i18n.empty_list()>
                <p class="idk-muted">{i18n.empty_hint()}</p>
                <a href=app_href("/new") class="idk-button idk-button-primary">{i18n.new_inquiry()}</a>
            </EmptyState>
        }
        .into_any();
    }
    let total_pages = p.total_pages;
    let current = p.page;
    view! {
        <p class="idk-total">{i18n.total_count(p.total)}</p>
        <ul class="idk-rows" aria-label=i18n.list_caption()>
            {p.items
                .into_iter()
                .map(|item| {
                    let href = format!("/{}", item.id);
                    let meta = [item.goods_name.clone(), item.order_no.as_ref().map(|o| format!("{} {o}", i18n.col_order()))]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" · ");
                    view! {
                        <li class="idk-row" class:idk-row-unread=item.unread_answer data-ccn-no=item.id.clone() data-status=item.status.key()>
                            <div class="idk-row-main">
                                <span class="idk-row-type">{format!("{} > {}", item.type_group, item.type_name)}</span>
                                <a href=app_href(&href) class="idk-row-title">{item.title}</a>
                                <span class="idk-row-meta">{meta}</span>
                            </div>
                            <div class="idk-row-side">
                                <time class="idk-row-date" datetime=item.created_at.to_rfc3339()>{i18n.date(&item.created_at)}</time>
                                <StatusBadge status=item.status />
                                {item.unread_answer.then(|| view! { <span class="idk-new-answer">{i18n.new_answer()}</span> })}
                            </div>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        {(total_pages > 1).then(|| view! {
            <Pager page=current total_pages=total_pages on_page=move |n: u32| on_change.run(filter.get_untracked().with_page(n)) />
        })}
    }
    .into_any()
}
