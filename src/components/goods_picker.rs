//! The recent-order / goods search modal: two tabs, a listbox driven by arrow keys and Enter
//! (or clicks), "more" paging. The page fetches; this only shows state and reports intent.

use leptos::{ev, prelude::*};

use super::{ErrorPanel, Modal};
use crate::{domain::form::PickedGoods, i18n::use_i18n};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerTab {
    Orders,
    Search,
}

/// One choosable product.
#[derive(Debug, Clone, PartialEq)]
pub struct PickerItem {
    pub title: String,
    pub detail: String,
    pub image: Option<String>,
    pub goods: PickedGoods,
}

/// What the list shows.
#[derive(Debug, Clone, PartialEq)]
pub enum PickerState {
    Loading,
    Failed(String),
    Ready {
        items: Vec<PickerItem>,
        has_more: bool,
        loading_more: bool,
    },
}

#[component]
pub fn GoodsPicker(
    open: RwSignal<bool>,
    tab: RwSignal<PickerTab>,
    /// The search box (the page debounces it).
    search: RwSignal<String>,
    #[prop(into)] state: Signal<PickerState>,
    #[prop(into)] on_more: Callback<()>,
    #[prop(into)] on_retry: Callback<()>,
    #[prop(into)] on_pick: Callback<PickedGoods>,
) -> impl IntoView {
    let i18n = use_i18n();
    let active = RwSignal::new(0usize);
    Effect::new(move |_| {
        tab.track();
        state.track();
        active.set(0);
    });
    let count = move || match state.get() {
        PickerState::Ready { items, .. } => items.len(),
        _ => 0,
    };
    let pick_active = move || {
        if let PickerState::Ready { items, .. } = state.get_untracked() {
            if let Some(item) = items.get(active.get_untracked()) {
                on_pick.run(item.goods.clone());
            }
        }
    };
    let on_key = move |e: ev::KeyboardEvent| {
        let n = count();
        match e.key().as_str() {
            "ArrowDown" if n > 0 => {
                e.prevent_default();
                active.update(|i| *i = (*i + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                e.prevent_default();
                active.update(|i| *i = (*i + n - 1) % n);
            }
            "Home" if n > 0 => active.set(0),
            "End" if n > 0 => active.set(n - 1),
            "Enter" => {
                e.prevent_default();
                pick_active();
            }
            _ => {}
        }
    };
    let tab_key = move |e: ev::KeyboardEvent| {
        if matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight") {
            e.prevent_default();
            tab.update(|t| {
                *t = match t {
                    PickerTab::Orders => PickerTab::Search,
                    PickerTab::Search => PickerTab::Orders,
                }
            });
        }
    };
    let tab_button = move |t: PickerTab, label: String, id: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=id
                class="idk-tab"
                aria-selected=move || (tab.get() == t).to_string()
                aria-controls="idk-picker-panel"
                tabindex=move || if tab.get() == t { "0" } else { "-1" }
                on:click=move |_| tab.set(t)
                on:keydown=tab_key
            >
                {label}
            </button>
        }
    };
    view! {
        <Modal open=open on_close=move |_| open.set(false) class="idk-picker" id="idk-goods-picker" labelled_by="idk-picker-title">
            <div class="idk-picker-head">
                <h2 class="idk-dialog-title" id="idk-picker-title">{i18n.pick_goods()}</h2>
                <button type="button" class="idk-button" on:click=move |_| open.set(false)>{i18n.close()}</button>
            </div>
            <div role="tablist" class="idk-tabs" aria-label=i18n.pick_goods()>
                {tab_button(PickerTab::Orders, i18n.tab_orders(), "idk-tab-orders")}
                {tab_button(PickerTab::Search, i18n.tab_search(), "idk-tab-search")}
            </div>
            <div
                id="idk-picker-panel"
                role="tabpanel"
                aria-labelledby=move || if tab.get() == PickerTab::Orders { "idk-tab-orders" } else { "idk-tab-search" }
            >
                <Show when=move || tab.get() == PickerTab::Search>
                    <label class="idk-field idk-picker-search">
                        <span class="idk-visually-hidden">{i18n.search_goods()}</span>
                        <input
                            type="search"
                            name="goodsSearch"
                            autofocus
                            placeholder=i18n.search_goods()
                            prop:value=search
                            on:input=move |e| search.set(event_target_value(&e))
                            on:keydown=on_key
                            role="combobox"
                            aria-expanded="true"
                            aria-controls="idk-picker-list"
                            aria-activedescendant=move || (count() > 0).then(|| format!("idk-pick-{}", active.get()))
                        />
                    </label>
                </Show>
                {move || match state.get() {
                    PickerState::Loading => view! { <p class="idk-muted" role="status">{i18n.loading()}</p> }.into_any(),
                    PickerState::Failed(m) => view! { <ErrorPanel message=m on_retry=on_retry /> }.into_any(),
                    PickerState::Ready { items, .. } if items.is_empty() => view! {
                        <p class="idk-empty" role="status">
                            {move || if tab.get() == PickerTab::Orders { i18n.no_orders() } else { i18n.no_goods_found() }}
                        </p>
                    }
                    .into_any(),
                    PickerState::Ready { items, has_more, loading_more } => view! {
                        <ul
                            id="idk-picker-list"
                            role="listbox"
                            class="idk-picker-list"
                            tabindex="0"
                            aria-label=i18n.pick_goods()
                            aria-activedescendant=move || format!("idk-pick-{}", active.get())
                            on:keydown=on_key
                        >
                            {items
                                .into_iter()
                                .enumerate()
                                .map(|(i, item)| {
                                    let goods = item.goods.clone();
                                    view! {
                                        <li
                                            role="option"
                                            id=format!("idk-pick-{i}")
                                            class="idk-pick"
                                            data-goods-no=goods.goods_no.clone()
                                            aria-selected=move || (active.get() == i).to_string()
                                            on:mouseenter=move |_| active.set(i)
                                            on:click=move |_| on_pick.run(goods.clone())
                                        >
                                            {item.image.map(|src| view! { <img src=src alt="" width="48" height="48" /> })}
                                            <span class="idk-pick-text">
                                                <span class="idk-pick-title">{item.title}</span>
                                                <span class="idk-pick-detail">{item.detail}</span>
                                            </span>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        {has_more.then(|| view! {
                            <button type="button" class="idk-button idk-more" disabled=loading_more on:click=move |_| on_more.run(())>
                                {if loading_more { i18n.loading() } else { i18n.more() }}
                            </button>
                        })}
                    }
                    .into_any(),
                }}
            </div>
        </Modal>
    }
}
