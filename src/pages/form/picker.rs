//! `use_goods_picker`: the product dialog's data. The member's ordered goods or a catalog
//! search (debounced), loaded a page at a time; a stale answer (the tab or the text changed
//! since) is dropped.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{ApiError, Client},
    components::{PickerItem, PickerState, PickerTab},
    domain::form::PickedGoods,
    i18n::use_i18n,
};

/// Goods per page of either tab.
const PAGE: u32 = 10;
/// How long after the last keystroke the search runs.
const SEARCH_AFTER_MS: u32 = 300;

/// The picker's state; `Copy`.
#[derive(Clone, Copy)]
pub struct GoodsPicker {
    pub open: RwSignal<bool>,
    pub tab: RwSignal<PickerTab>,
    pub search: RwSignal<String>,
    /// Loads page `n` of the current tab (1 starts over).
    pub load: Callback<u32>,
    items: RwSignal<Vec<PickerItem>>,
    /// (loaded page, total pages)
    page: RwSignal<(u32, u32)>,
    error: RwSignal<Option<String>>,
    loading: RwSignal<bool>,
}

pub fn use_goods_picker(client: Client) -> GoodsPicker {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let tab = RwSignal::new(PickerTab::Orders);
    let search = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<PickerItem>::new());
    let page = RwSignal::new((0u32, 0u32));
    let error = RwSignal::new(None::<String>);
    let loading = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let load = Callback::new(move |n: u32| {
        let client = client.clone();
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        loading.set(true);
        error.set(None);
        if n == 1 {
            items.set(Vec::new());
        }
        let (which, text) = (tab.get_untracked(), search.get_untracked());
        spawn_local(async move {
            let result: Result<(Vec<PickerItem>, u32), ApiError> = match which {
                PickerTab::Orders => client.ordered_goods(n, PAGE).await.map(|p| {
                    let found = p
                        .items
                        .into_iter()
                        .map(|o| PickerItem {
                            title: format!("[{}] {}", o.brand, o.name),
                            detail: format!(
                                "{} · {} {} · {}",
                                o.option_name,
                                i18n.order_no(),
                                o.order_no,
                                i18n.date(&o.ordered_at)
                            ),
                            image: o.image_url.as_deref().map(|u| client.asset_url(u)),
                            goods: PickedGoods {
                                goods_no: o.goods_id,
                                name: o.name,
                                brand: o.brand,
                                option_no: Some(o.option_no),
                                option_name: Some(o.option_name),
                                order_no: Some(o.order_no),
                                image_url: o.image_url,
                            },
                        })
                        .collect();
                    (found, p.total_pages)
                }),
                PickerTab::Search => client.search_goods(text.trim(), n, PAGE).await.map(|p| {
                    let found = p
                        .items
                        .into_iter()
                        .map(|g| PickerItem {
                            title: format!("[{}] {}", g.brand, g.name),
                            detail: i18n.won(g.price),
                            image: g.image_url.as_deref().map(|u| client.asset_url(u)),
                            goods: PickedGoods {
                                goods_no: g.id,
                                name: g.name,
                                brand: g.brand,
                                option_no: None,
                                option_name: None,
                                order_no: None,
                                image_url: g.image_url,
                            },
                        })
                        .collect();
                    (found, p.total_pages)
                }),
            };
            if generation.try_get_value() != Some(mine) {
                return; // a newer request (tab switch, new search text) won
            }
            match result {
                Ok((found, total)) => {
                    items.update(|v| v.extend(found));
                    page.set((n, total));
                }
                Err(e) => error.set(Some(i18n.api_error(&e))),
            }
            loading.set(false);
        });
    });
    Effect::new(move |_| {
        if open.get() {
            tab.track();
            load.run(1);
        }
    });
    let debounce = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    Effect::new(move |prev: Option<String>| {
        let text = search.get();
        if prev.is_some() && prev.as_deref() != Some(text.as_str()) {
            debounce.set_value(Some(gloo_timers::callback::Timeout::new(
                SEARCH_AFTER_MS,
                move || load.run(1),
            )));
        }
        text
    });
    GoodsPicker {
        open,
        tab,
        search,
        load,
        items,
        page,
        error,
        loading,
    }
}

impl GoodsPicker {
    /// What the dialog shows (tracked).
    pub fn state(&self) -> PickerState {
        match (self.error.get(), self.loading.get(), self.items.get()) {
            (Some(e), _, _) => PickerState::Failed(e),
            (None, true, items) if items.is_empty() => PickerState::Loading,
            (None, loading, items) => {
                let (page, total) = self.page.get();
                PickerState::Ready {
                    items,
                    has_more: page < total,
                    loading_more: loading,
                }
            }
        }
    }

    /// The next page of the current tab.
    pub fn more(&self) {
        self.load.run(self.page.get_untracked().0 + 1);
    }
}
