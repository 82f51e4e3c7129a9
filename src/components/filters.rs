use chrono::NaiveDate;
use leptos::{ev, prelude::*};

use crate::{
    domain::{
        filter::{PeriodChoice, Search},
        ListFilter, Period, Preset, Status,
    },
    i18n::use_i18n,
};

/// Period presets, a custom range, status and search. Every change goes through `on_change`
/// (which puts it in the URL); a custom range is checked by the same rules as the server before
/// anything is requested.
#[component]
pub fn FilterBar(
    #[prop(into)] filter: Signal<ListFilter>,
    today: NaiveDate,
    #[prop(into)] max_days: Signal<i64>,
    #[prop(into)] on_change: Callback<ListFilter>,
) -> impl IntoView {
    let i18n = use_i18n();
    let change = move |f: ListFilter| on_change.run(ListFilter { page: 1, ..f });
    let current = move || filter.get().period.resolve(today);
    let initial = filter.get_untracked().period.resolve(today);
    let start = RwSignal::new(initial.start.to_string());
    let end = RwSignal::new(initial.end.to_string());
    let range_error = RwSignal::new(None::<String>);
    // Keep the inputs in step with the URL (presets, back/forward).
    Effect::new(move |_| {
        let p = current();
        start.set(p.start.to_string());
        end.set(p.end.to_string());
        range_error.set(None);
    });
    let apply_range = move |e: ev::SubmitEvent| {
        e.prevent_default();
        match Period::parse(&start.get(), &end.get(), today, max_days.get()) {
            Ok(p) => {
                range_error.set(None);
                change(ListFilter {
                    period: PeriodChoice::Custom(p),
                    ..filter.get_untracked()
                });
            }
            Err(err) => range_error.set(Some(i18n.period_error(err))),
        }
    };
    let search_kind = RwSignal::new(match filter.get_untracked().search {
        Search::OrderNo(_) => "order",
        _ => "keyword",
    });
    let search_text = RwSignal::new(match filter.get_untracked().search {
        Search::OrderNo(s) | Search::Keyword(s) => s,
        Search::None => String::new(),
    });
    let apply_search = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let text = search_text.get().trim().to_owned();
        let search = match (text.is_empty(), search_kind.get()) {
            (true, _) => Search::None,
            (false, "order") => Search::OrderNo(text),
            (false, _) => Search::Keyword(text),
        };
        change(ListFilter {
            search,
            ..filter.get_untracked()
        });
    };
    let invalid = move || range_error.with(Option::is_some).to_string();
    view! {
        <div class="idk-filters">
            <div class="idk-filter-row" role="group" aria-label=i18n.period()>
                <span class="idk-filter-label" aria-hidden="true">{i18n.period()}</span>
                {Preset::ALL
                    .into_iter()
                    .map(|p| {
                        let pressed = move || (filter.get().period == PeriodChoice::Preset(p)).to_string();
                        view! {
                            <button
                                type="button"
                                class="idk-chip"
                                data-preset=p.key()
                                aria-pressed=pressed
                                on:click=move |_| change(ListFilter { period: PeriodChoice::Preset(p), ..filter.get_untracked() })
                            >
                                {i18n.preset_label(p)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <form class="idk-filter-row idk-range" on:submit=apply_range novalidate>
                <span class="idk-filter-label">{i18n.custom_period()}</span>
                <label class="idk-field">
                    <span class="idk-visually-hidden">{i18n.start_date()}</span>
                    <input
                        type="date"
                        name="from"
                        max=today.to_string()
                        prop:value=start
                        on:input=move |e| start.set(event_target_value(&e))
                        aria-invalid=invalid
                        aria-describedby="idk-range-error"
                    />
                </label>
                <span aria-hidden="true">"~"</span>
                <label class="idk-field">
                    <span class="idk-visually-hidden">{i18n.end_date()}</span>
                    <input
                        type="date"
                        name="to"
                        max=today.to_string()
                        prop:value=end
                        on:input=move |e| end.set(event_target_value(&e))
                        aria-invalid=invalid
                        aria-describedby="idk-range-error"
                    />
                </label>
                <button type="submit" class="idk-button">{i18n.apply()}</button>
                <p id="idk-range-error" class="idk-field-error" role="alert">
                    {move || range_error.get()}
                </p>
            </form>
            <div class="idk-filter-row" role="group" aria-label=i18n.status()>
                <span class="idk-filter-label" aria-hidden="true">{i18n.status()}</span>
                {std::iter::once(None)
                    .chain(Status::ALL.into_iter().map(Some))
                    .map(|s| {
                        let pressed = move || (filter.get().status == s).to_string();
                        view! {
                            <button
                                type="button"
                                class="idk-chip"
                                data-status-filter=s.map(Status::key).unwrap_or("all")
                                aria-pressed=pressed
                                on:click=move |_| change(ListFilter { status: s, ..filter.get_untracked() })
                            >
                                {s.map(|s| i18n.status_name(s)).unwrap_or(i18n.all_statuses())}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <form class="idk-filter-row idk-search" role="search" on:submit=apply_search>
                <label class="idk-field">
                    <span class="idk-visually-hidden">{i18n.search_by()}</span>
                    <select
                        name="searchKind"
                        prop:value=move || search_kind.get()
                        on:change=move |e| search_kind.set(if event_target_value(&e) == "order" { "order" } else { "keyword" })
                    >
                        <option value="keyword">{i18n.search_keyword()}</option>
                        <option value="order">{i18n.search_order_no()}</option>
                    </select>
                </label>
                <label class="idk-field idk-grow">
                    <span class="idk-visually-hidden">{i18n.search_placeholder()}</span>
                    <input
                        type="search"
                        name="q"
                        maxlength="50"
                        placeholder=i18n.search_placeholder()
                        prop:value=search_text
                        on:input=move |e| search_text.set(event_target_value(&e))
                    />
                </label>
                <button type="submit" class="idk-button">{i18n.search()}</button>
            </form>
        </div>
    }
}

/// Previous / next page.
#[component]
pub fn Pager(page: u32, total_pages: u32, #[prop(into)] on_page: Callback<u32>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="idk-pager" aria-label=i18n.pagination()>
            <button type="button" class="idk-button" data-page="prev" disabled={page <= 1} on:click=move |_| on_page.run(page - 1)>
                {i18n.prev_page()}
            </button>
            <span class="idk-page-of" aria-current="page">{i18n.page_of(page, total_pages.max(1))}</span>
            <button type="button" class="idk-button" data-page="next" disabled={page >= total_pages} on:click=move |_| on_page.run(page + 1)>
                {i18n.next_page()}
            </button>
        </nav>
    }
}
