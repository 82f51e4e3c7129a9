//! `/new` and `/:ccnNo/edit`: one form to register or edit an inquiry.

use std::collections::HashMap;

use leptos::{ev, prelude::*, task::spawn_local};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use wasm_bindgen::{closure::Closure, JsCast};

use super::{app_href, LastListQuery, NotFound};
use crate::{
    api::{ApiError, Client, Inquiry, InquiryInit, Upload},
    components::{
        ErrorPanel, Flash, GoodsCard, GoodsPicker, PhotoField, PhotoTile, PickerItem, PickerState,
        PickerTab, ReplyThread,
    },
    domain::{
        form::{
            self, char_count, check_photo, fit_within, should_downscale, Draft, Field, PickedGoods,
        },
        Action,
    },
    events::Events,
    i18n::use_i18n,
};

const PICKER_PAGE: u32 = 10;
const DRAFT_SAVE_MS: u32 = 800;
const SEARCH_DEBOUNCE_MS: u32 = 300;

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

/// A photo chosen in this session.
#[derive(Clone)]
struct LocalPhoto {
    key: String,
    name: String,
    blob: web_sys::Blob,
    url: String,
}

fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("k{}", js_sys::Math::random().to_bits()))
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Per member and per form. The member is the server's member number (the same across token
/// refreshes and cookie sessions), stored only as its FNV-1a hash.
fn draft_key(member_no: &str, editing: Option<&str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in member_no.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let member = format!("{h:016x}");
    match editing {
        Some(id) => format!("inquiry-desk:draft:{member}:edit:{id}"),
        None => format!("inquiry-desk:draft:{member}:new"),
    }
}

fn field_id(f: Field) -> &'static str {
    match f {
        Field::Type => "idk-f-type-group",
        Field::Title => "idk-f-title",
        Field::Content => "idk-f-content",
        Field::Goods => "idk-f-goods",
        Field::Photos => "idk-f-photos",
    }
}

fn field_of(name: &str) -> Field {
    match name {
        "type" => Field::Type,
        "title" => Field::Title,
        "content" => Field::Content,
        "goods" | "order" => Field::Goods,
        _ => Field::Photos,
    }
}

fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Loads an image file and, if large, redraws it smaller on a canvas (JPEG/WEBP/PNG keep their
/// type); returns the blob to upload.
async fn prepare_photo(file: &web_sys::File) -> web_sys::Blob {
    let blob: web_sys::Blob = file.clone().into();
    if !should_downscale(&file.type_(), file.size() as u64) {
        return blob;
    }
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return blob;
    };
    let result = downscale(&url, &file.type_()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    result.unwrap_or(blob)
}

async fn downscale(url: &str, mime: &str) -> Option<web_sys::Blob> {
    let img = web_sys::HtmlImageElement::new().ok()?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    img.set_src(url);
    wasm_bindgen_futures::JsFuture::from(loaded).await.ok()?;
    let (w, h) = fit_within(
        img.natural_width(),
        img.natural_height(),
        form::DOWNSCALE_MAX_SIDE,
    );
    let canvas: web_sys::HtmlCanvasElement = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_image_element_and_dw_and_dh(
        &img,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )
    .ok()?;
    let out_type = if mime == "image/png" {
        "image/png"
    } else {
        "image/jpeg"
    };
    let made = js_sys::Promise::new(&mut |resolve, _| {
        let cb = Closure::once_into_js(move |b: wasm_bindgen::JsValue| {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &b);
        });
        let _ = canvas.to_blob_with_type_and_encoder_options(
            cb.unchecked_ref(),
            out_type,
            &0.85.into(),
        );
    });
    wasm_bindgen_futures::JsFuture::from(made)
        .await
        .ok()?
        .dyn_into()
        .ok()
}

#[component]
fn InquiryForm(init: InquiryInit, existing: Option<Inquiry>) -> impl IntoView {
    let client = expect_context::<Client>();
    let flash = expect_context::<Flash>();
    let last = expect_context::<LastListQuery>();
    let query = use_query_map();
    let navigate = use_navigate();
    let limits = init.limits.form();
    let wire_limits = init.limits.clone();
    let events = expect_context::<Events>();
    let i18n = use_i18n();
    let editing = existing.as_ref().map(|q| q.id.clone());
    let storage_key = draft_key(&init.member, editing.as_deref());

    // --- the draft -------------------------------------------------------------------------
    let start = existing
        .as_ref()
        .map(|q| Draft {
            type_no: Some(q.type_no.clone()),
            title: q.title.clone(),
            content: q.content.clone(),
            goods: q.goods.as_ref().map(|g| PickedGoods {
                goods_no: g.id.clone(),
                name: g.name.clone(),
                brand: g.brand.clone(),
                option_no: g.option_no.clone(),
                option_name: g.option.clone(),
                order_no: q.order_no.clone(),
                image_url: g.image_url.clone(),
            }),
            sms_consent: q.sms_consent,
            email_consent: q.email_consent,
            ref_no: None,
        })
        .unwrap_or_default();
    let group = RwSignal::new(
        start
            .type_no
            .as_deref()
            .and_then(|t| init.find_type(t))
            .map(|(g, _)| g.no.clone()),
    );
    let type_no = RwSignal::new(start.type_no.clone());
    let title = RwSignal::new(start.title.clone());
    let content = RwSignal::new(start.content.clone());
    let goods = RwSignal::new(start.goods.clone());
    let sms = RwSignal::new(start.sms_consent);
    let email = RwSignal::new(start.email_consent);
    let ref_no = RwSignal::new(query.with_untracked(|q| q.get("ref")));
    let draft = Memo::new(move |_| Draft {
        type_no: type_no.get(),
        title: title.get(),
        content: content.get(),
        goods: goods.get(),
        sms_consent: sms.get(),
        email_consent: email.get(),
        ref_no: ref_no.get(),
    });
    let types = StoredValue::new(init.clone());
    let needs_goods = Memo::new(move |_| {
        type_no.get().is_some_and(|t| {
            types.with_value(|i| i.find_type(&t).is_some_and(|(_, l)| l.needs_goods))
        })
    });

    // --- photos ----------------------------------------------------------------------------
    let photos: RwSignal<Vec<LocalPhoto>, LocalStorage> = RwSignal::new_local(Vec::new());
    let kept: RwSignal<Vec<(u32, String, Option<String>)>> = RwSignal::new(
        existing
            .as_ref()
            .map(|q| {
                q.photos
                    .iter()
                    .map(|p| (p.seq, p.name.clone(), None))
                    .collect()
            })
            .unwrap_or_default(),
    );
    if let Some(q) = &existing {
        for p in q.photos.clone() {
            let client = client.clone();
            spawn_local(async move {
                if let Ok(url) = client.photo_url(&p).await {
                    kept.try_update(|k| {
                        if let Some(t) = k.iter_mut().find(|t| t.0 == p.seq) {
                            t.2 = Some(url);
                        }
                    });
                }
            });
        }
    }
    on_cleanup(move || {
        photos.try_with_untracked(|v| v.iter().for_each(|p| crate::api::revoke_object_url(&p.url)));
    });
    let refused = RwSignal::new(Vec::<String>::new());
    let tiles = Signal::derive(move || {
        let mut t: Vec<PhotoTile> = kept
            .get()
            .into_iter()
            .map(|(seq, name, preview)| PhotoTile {
                key: format!("kept-{seq}"),
                name,
                preview,
            })
            .collect();
        t.extend(photos.get().into_iter().map(|p| PhotoTile {
            key: p.key,
            name: p.name,
            preview: Some(p.url),
        }));
        t
    });
    let photo_count = move || kept.with(Vec::len) + photos.with(Vec::len);
    let on_files = {
        let limits = limits.clone();
        Callback::new(move |files: web_sys::FileList| {
            refused.set(Vec::new());
            let files: Vec<web_sys::File> =
                (0..files.length()).filter_map(|i| files.get(i)).collect();
            let limits = limits.clone();
            spawn_local(async move {
                let mut problems = Vec::new();
                for file in files {
                    let name = file.name();
                    let blob = prepare_photo(&file).await;
                    match check_photo(&file.type_(), blob.size() as u64, photo_count(), &limits) {
                        Ok(()) => {
                            let url = web_sys::Url::create_object_url_with_blob(&blob)
                                .unwrap_or_default();
                            photos.update(|v| {
                                v.push(LocalPhoto {
                                    key: new_key(),
                                    name,
                                    blob,
                                    url,
                                })
                            });
                        }
                        Err(p) => problems.push(i18n.photo_problem(&name, &p)),
                    }
                }
                refused.set(problems);
            });
        })
    };
    let on_remove = Callback::new(move |key: String| {
        if let Some(seq) = key
            .strip_prefix("kept-")
            .and_then(|s| s.parse::<u32>().ok())
        {
            kept.update(|k| k.retain(|t| t.0 != seq));
        } else {
            photos.update(|v| {
                if let Some(p) = v.iter().find(|p| p.key == key) {
                    crate::api::revoke_object_url(&p.url);
                }
                v.retain(|p| p.key != key);
            });
        }
    });

    // --- drafts ----------------------------------------------------------------------------
    let saved: Option<Draft> = storage()
        .and_then(|s| s.get_item(&storage_key).ok().flatten())
        .and_then(|json| serde_json::from_str::<Draft>(&json).ok())
        .filter(|d| !d.is_blank() && *d != draft.get_untracked());
    let offer = RwSignal::new(saved);
    let autosave = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    // Only what the customer typed or chose is a draft, not what a link prefilled.
    let touched = RwSignal::new(false);
    {
        let storage_key = storage_key.clone();
        Effect::new(move |first: Option<()>| {
            let d = draft.get();
            if first.is_none() || !touched.get_untracked() || offer.with_untracked(Option::is_some)
            {
                return; // nothing typed yet, or a saved draft not yet restored/discarded
            }
            let key = storage_key.clone();
            autosave.set_value(Some(gloo_timers::callback::Timeout::new(
                DRAFT_SAVE_MS,
                move || {
                    if let Some(s) = storage() {
                        if d.is_blank() {
                            let _ = s.remove_item(&key);
                        } else if let Ok(json) = serde_json::to_string(&d) {
                            let _ = s.set_item(&key, &json);
                        }
                    }
                },
            )));
        });
    }
    let restore = move |_| {
        if let Some(d) = offer.get_untracked() {
            group.set(
                d.type_no
                    .as_deref()
                    .and_then(|t| types.with_value(|i| i.find_type(t).map(|(g, _)| g.no.clone()))),
            );
            type_no.set(d.type_no);
            title.set(d.title);
            content.set(d.content);
            goods.set(d.goods);
            sms.set(d.sms_consent);
            email.set(d.email_consent);
            if d.ref_no.is_some() {
                ref_no.set(d.ref_no);
            }
        }
        offer.set(None);
    };
    let discard = {
        let key = storage_key.clone();
        move |_| {
            if let Some(s) = storage() {
                let _ = s.remove_item(&key);
            }
            offer.set(None);
        }
    };

    // --- preselected goods (/new?ordNo=…&goodsNo=…) and follow-ups (/new?ref=…) ------------
    if existing.is_none() {
        let (ord_no, goods_no) = query.with_untracked(|q| (q.get("ordNo"), q.get("goodsNo")));
        if let Some(goods_no) = goods_no {
            let client = client.clone();
            spawn_local(async move {
                if let Ok(found) = client.search_goods(&goods_no, 1, 1).await {
                    if let Some(g) = found.items.into_iter().find(|g| g.id == goods_no) {
                        goods.try_set(Some(PickedGoods {
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
        if let Some(r) = ref_no.get_untracked() {
            let client = client.clone();
            spawn_local(async move {
                if let Ok(q) = client.inquiry(&r).await {
                    let group_no =
                        types.with_value(|i| i.find_type(&q.type_no).map(|(g, _)| g.no.clone()));
                    if let Some(g) = group_no {
                        group.try_set(Some(g));
                        type_no.try_set(Some(q.type_no.clone()));
                    }
                    if let Some(g) = q.goods {
                        goods.try_set(Some(PickedGoods {
                            goods_no: g.id,
                            name: g.name,
                            brand: g.brand,
                            option_no: g.option_no,
                            option_name: g.option,
                            order_no: q.order_no,
                            image_url: g.image_url,
                        }));
                    }
                    if title.with_untracked(String::is_empty) {
                        title.try_set(
                            format!("{} {}", i18n.follow_up_prefix(), q.title)
                                .chars()
                                .take(50)
                                .collect(),
                        );
                    }
                }
            });
        }
    }

    // --- goods picker ----------------------------------------------------------------------
    let picker_open = RwSignal::new(false);
    let tab = RwSignal::new(PickerTab::Orders);
    let search = RwSignal::new(String::new());
    let picker_items = RwSignal::new(Vec::<PickerItem>::new());
    let picker_page = RwSignal::new((0u32, 0u32)); // (loaded page, total pages)
    let picker_error = RwSignal::new(None::<String>);
    let picker_loading = RwSignal::new(false);
    let generation = StoredValue::new(0u64);
    let load = {
        let client = client.clone();
        Callback::new(move |page: u32| {
            let client = client.clone();
            generation.update_value(|g| *g += 1);
            let mine = generation.get_value();
            picker_loading.set(true);
            picker_error.set(None);
            if page == 1 {
                picker_items.set(Vec::new());
            }
            let (which, text) = (tab.get_untracked(), search.get_untracked());
            spawn_local(async move {
                let result: Result<(Vec<PickerItem>, u32), ApiError> = match which {
                    PickerTab::Orders => client.ordered_goods(page, PICKER_PAGE).await.map(|p| {
                        let items = p
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
                        (items, p.total_pages)
                    }),
                    PickerTab::Search => client
                        .search_goods(text.trim(), page, PICKER_PAGE)
                        .await
                        .map(|p| {
                            let items = p
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
                            (items, p.total_pages)
                        }),
                };
                if generation.try_get_value() != Some(mine) {
                    return; // a newer request (tab switch, new search text) won
                }
                match result {
                    Ok((items, total)) => {
                        picker_items.update(|v| v.extend(items));
                        picker_page.set((page, total));
                    }
                    Err(e) => picker_error.set(Some(i18n.api_error(&e))),
                }
                picker_loading.set(false);
            });
        })
    };
    Effect::new(move |_| {
        if picker_open.get() {
            tab.track();
            load.run(1);
        }
    });
    let debounce = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    Effect::new(move |prev: Option<String>| {
        let text = search.get();
        if prev.is_some() && prev.as_deref() != Some(text.as_str()) {
            debounce.set_value(Some(gloo_timers::callback::Timeout::new(
                SEARCH_DEBOUNCE_MS,
                move || load.run(1),
            )));
        }
        text
    });
    let picker_state = Signal::derive(move || {
        match (picker_error.get(), picker_loading.get(), picker_items.get()) {
            (Some(e), _, _) => PickerState::Failed(e),
            (None, true, items) if items.is_empty() => PickerState::Loading,
            (None, loading, items) => {
                let (page, total) = picker_page.get();
                PickerState::Ready {
                    items,
                    has_more: page < total,
                    loading_more: loading,
                }
            }
        }
    });
    let on_pick = Callback::new(move |g: PickedGoods| {
        goods.set(Some(g));
        picker_open.set(false);
    });

    // --- validation and submit -------------------------------------------------------------
    let errors = RwSignal::new(HashMap::<Field, String>::new());
    let summary = RwSignal::new(Vec::<(Field, String)>::new());
    let submit_error = RwSignal::new(None::<String>);
    let conflict = RwSignal::new(None::<Inquiry>);
    let pending = RwSignal::new(false);
    let progress = RwSignal::new(None::<f64>);
    let idem = StoredValue::new(new_key());
    Effect::new(move |_| {
        draft.track();
        photos.track();
        idem.set_value(new_key()); // a changed request is a new logical submit
    });
    let show_problems = move |list: Vec<(Field, String)>| {
        errors.set(list.iter().cloned().collect());
        if let Some((f, _)) = list.first() {
            focus(field_id(*f));
        }
        summary.set(list);
    };
    let submit = {
        let limits = limits.clone();
        let client = client.clone();
        let editing = editing.clone();
        let storage_key = storage_key.clone();
        move |e: ev::SubmitEvent| {
            e.prevent_default();
            if pending.get_untracked() {
                return;
            }
            submit_error.set(None);
            let d = draft.get_untracked();
            let problems: Vec<(Field, String)> =
                form::validate(&d, &limits, needs_goods.get_untracked())
                    .into_iter()
                    .map(|(f, p)| (f, i18n.form_problem(f, &p)))
                    .collect();
            if !problems.is_empty() {
                show_problems(problems);
                return;
            }
            errors.set(HashMap::new());
            summary.set(Vec::new());
            let uploads: Vec<Upload> = photos.with_untracked(|v| {
                v.iter()
                    .map(|p| Upload {
                        name: p.name.clone(),
                        blob: p.blob.clone(),
                    })
                    .collect()
            });
            let keep: Vec<u32> = kept.with_untracked(|k| k.iter().map(|t| t.0).collect());
            let client = client.clone();
            let editing = editing.clone();
            let navigate = navigate.clone();
            let storage_key = storage_key.clone();
            let events = events.clone();
            let wire_limits = wire_limits.clone();
            let key = idem.get_value();
            pending.set(true);
            progress.set(Some(0.0));
            spawn_local(async move {
                let on_progress = move |p: f64| {
                    progress.try_set(Some(p));
                };
                let result = match &editing {
                    Some(id) => client.modify(id, &d, &keep, &uploads, on_progress).await,
                    None => client.save(&d, &uploads, &key, on_progress).await,
                };
                pending.try_set(false);
                progress.try_set(None);
                match result {
                    Ok(id) => {
                        if let Some(s) = storage() {
                            let _ = s.remove_item(&storage_key);
                        }
                        if editing.is_some() {
                            events.updated(&id);
                            flash.set(i18n.updated());
                        } else {
                            events.created(&id);
                            flash.set(i18n.created());
                        }
                        navigate(&format!("/{id}"), Default::default());
                    }
                    Err(ApiError::Validation { errors: list, .. }) if !list.is_empty() => {
                        let mapped: Vec<(Field, String)> = list
                            .iter()
                            .map(|e| {
                                let photo = e
                                    .index
                                    .filter(|_| e.field == "photos")
                                    .and_then(|i| uploads.get(i))
                                    .map(|u| u.name.as_str());
                                (field_of(&e.field), i18n.field_error(e, photo, &wire_limits))
                            })
                            .collect();
                        show_problems(mapped);
                    }
                    Err(ApiError::Conflict { status, .. }) => {
                        submit_error.try_set(Some(i18n.edit_conflict(
                            status.map(|s| i18n.status_name(s)).unwrap_or_default(),
                        )));
                        if let Some(id) = &editing {
                            if let Ok(q) = client.inquiry(id).await {
                                conflict.try_set(Some(q));
                            }
                        }
                    }
                    Err(ApiError::Network(_)) => {
                        submit_error.try_set(Some(i18n.submit_network()));
                    }
                    Err(e) => {
                        submit_error.try_set(Some(i18n.api_error(&e)));
                    }
                }
            });
        }
    };

    // --- view ------------------------------------------------------------------------------
    let type_groups = init.types.clone();
    let leaves = move || {
        group
            .get()
            .and_then(|g| {
                types.with_value(|i| i.types.iter().find(|t| t.no == g).map(|t| t.leaves.clone()))
            })
            .unwrap_or_default()
    };
    let err = move |f: Field| move || errors.with(|e| e.get(&f).cloned());
    let invalid = move |f: Field| move || errors.with(|e| e.contains_key(&f)).to_string();
    let title_max = limits.title_max_chars;
    let content_max = limits.content_max_chars;
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
    let hint = i18n.photo_limits(limits.max_photos, limits.max_photo_bytes);
    view! {
        <section class="idk-page idk-form-page" data-page=if editing.is_some() { "edit" } else { "new" }>
            <a href=app_href(&back) class="idk-back">{i18n.cancel()}</a>
            <h1 class="idk-title">{heading}</h1>
            {move || offer.get().map(|_| view! {
                <div class="idk-notice idk-draft-offer" role="status">
                    <p>{i18n.draft_found()}</p>
                    <div>
                        <button type="button" class="idk-button idk-button-primary" data-draft="restore" on:click=restore>{i18n.draft_restore()}</button>
                        <button type="button" class="idk-button" data-draft="discard" on:click=discard.clone()>{i18n.draft_discard()}</button>
                    </div>
                </div>
            })}
            {move || ref_no.get().map(|r| view! { <p class="idk-muted idk-ref">{i18n.follow_up_of(&r)}</p> })}
            {move || (!summary.with(Vec::is_empty)).then(|| view! {
                <div class="idk-error-summary" role="alert" tabindex="-1">
                    <p>{i18n.fix_these()}</p>
                    <ul>
                        {summary.get().into_iter().map(|(f, m)| view! { <li><a href=format!("#{}", field_id(f))>{m}</a></li> }).collect_view()}
                    </ul>
                </div>
            })}
            <form class="idk-form" on:submit=submit on:input=move |_| touched.set(true) on:change=move |_| touched.set(true) novalidate>
                <fieldset class="idk-fieldset">
                    <legend>{i18n.r#type()}<span class="idk-required" aria-hidden="true">" *"</span></legend>
                    <div class="idk-type-row">
                        <label class="idk-field">
                            <span class="idk-visually-hidden">{i18n.type_group()}</span>
                            <select
                                id="idk-f-type-group"
                                name="typeGroup"
                                aria-invalid=invalid(Field::Type)
                                aria-describedby="idk-e-type"
                                prop:value=move || group.get().unwrap_or_default()
                                on:change=move |e| {
                                    let v = event_target_value(&e);
                                    group.set((!v.is_empty()).then_some(v));
                                    type_no.set(None);
                                }
                            >
                                <option value="">{i18n.choose_type_group()}</option>
                                {type_groups.iter().map(|g| view! { <option value=g.no.clone()>{g.name.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="idk-field">
                            <span class="idk-visually-hidden">{i18n.r#type()}</span>
                            <select
                                id="idk-f-type"
                                name="type"
                                required
                                aria-invalid=invalid(Field::Type)
                                aria-describedby="idk-e-type"
                                disabled=move || group.with(Option::is_none)
                                prop:value=move || type_no.get().unwrap_or_default()
                                on:change=move |e| {
                                    let v = event_target_value(&e);
                                    type_no.set((!v.is_empty()).then_some(v));
                                }
                            >
                                <option value="">{i18n.choose_type()}</option>
                                {move || leaves().into_iter().map(|t| {
                                    let label = if t.needs_goods { format!("{} ({})", t.name, i18n.goods_needed_short()) } else { t.name.clone() };
                                    view! { <option value=t.no.clone()>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <p id="idk-e-type" class="idk-field-error">{err(Field::Type)}</p>
                </fieldset>

                <div class="idk-fieldset">
                    <label for="idk-f-title" class="idk-label">{i18n.title()}<span class="idk-required" aria-hidden="true">" *"</span></label>
                    <input
                        id="idk-f-title"
                        name="title"
                        type="text"
                        required
                        maxlength=title_max + 20
                        prop:value=title
                        on:input=move |e| title.set(event_target_value(&e))
                        aria-invalid=invalid(Field::Title)
                        aria-describedby="idk-c-title idk-e-title"
                    />
                    <p class="idk-counter" id="idk-c-title" class:idk-over=move || { char_count(&title.get()) > title_max }>
                        {move || i18n.counter(char_count(&title.get()), title_max)}
                    </p>
                    <p id="idk-e-title" class="idk-field-error">{err(Field::Title)}</p>
                </div>

                <div class="idk-fieldset">
                    <label for="idk-f-content" class="idk-label">{i18n.content()}<span class="idk-required" aria-hidden="true">" *"</span></label>
                    <p id="idk-pii" class="idk-hint">{i18n.pii_notice()}</p>
                    <textarea
                        id="idk-f-content"
                        name="content"
                        rows="8"
                        required
                        prop:value=content
                        on:input=move |e| content.set(event_target_value(&e))
                        aria-invalid=invalid(Field::Content)
                        aria-describedby="idk-pii idk-c-content idk-e-content"
                    ></textarea>
                    <p class="idk-counter" id="idk-c-content" class:idk-over=move || { char_count(&content.get()) > content_max }>
                        {move || i18n.counter(char_count(&content.get()), content_max)}
                    </p>
                    <p id="idk-e-content" class="idk-field-error">{err(Field::Content)}</p>
                </div>

                <fieldset class="idk-fieldset" aria-describedby="idk-e-goods">
                    <legend>
                        {i18n.goods()}
                        {move || needs_goods.get().then(|| view! { <span class="idk-required">" * " {i18n.goods_needed()}</span> })}
                    </legend>
                    {move || goods.get().map(|g| {
                        let src = g.image_url.as_deref().map(|u| expect_context::<Client>().asset_url(u));
                        view! {
                            <div class="idk-picked" data-goods-no=g.goods_no.clone()>
                                <GoodsCard brand=g.brand.clone() name=g.name.clone() option=g.option_name.clone() price=None image_src=src />
                                {g.order_no.clone().map(|o| view! { <p class="idk-muted">{format!("{} {o}", i18n.order_no())}</p> })}
                                <button type="button" class="idk-button idk-remove-goods" aria-label=format!("{} {}", g.name, i18n.unpick_goods()) on:click=move |_| goods.set(None)>
                                    {i18n.unpick_goods()}
                                </button>
                            </div>
                        }
                    })}
                    <button
                        type="button"
                        id="idk-f-goods"
                        class="idk-button"
                        aria-invalid=invalid(Field::Goods)
                        aria-haspopup="dialog"
                        on:click=move |_| picker_open.set(true)
                    >
                        {move || if goods.with(Option::is_some) { i18n.change_goods() } else { i18n.pick_goods() }}
                    </button>
                    <p id="idk-e-goods" class="idk-field-error">{err(Field::Goods)}</p>
                </fieldset>

                <PhotoField
                    tiles=tiles
                    refused=refused
                    hint=hint
                    progress=progress
                    on_files=on_files
                    on_remove=on_remove
                    invalid=Signal::derive(move || errors.with(|e| e.contains_key(&Field::Photos)))
                />

                <div class="idk-fieldset">
                    <label class="idk-check">
                        <input type="checkbox" name="sms" prop:checked=sms on:change=move |e| sms.set(event_target_checked(&e)) />
                        {i18n.sms_consent()}
                    </label>
                    <label class="idk-check">
                        <input type="checkbox" name="email" prop:checked=email on:change=move |e| email.set(event_target_checked(&e)) />
                        {i18n.email_consent()}
                    </label>
                </div>

                {move || submit_error.get().map(|m| view! { <p class="idk-error idk-submit-error" role="alert">{m}</p> })}
                {move || conflict.get().map(|q| view! {
                    <section class="idk-section idk-conflict" aria-labelledby="idk-conflict-title">
                        <h2 class="idk-subtitle" id="idk-conflict-title">{i18n.conflict_answer()}</h2>
                        <ReplyThread replies=q.replies.clone() />
                        <label class="idk-label" for="idk-kept-text">{i18n.your_text()}</label>
                        <textarea id="idk-kept-text" readonly rows="6" prop:value=move || content.get()></textarea>
                        <a href=app_href(&format!("/new?ref={}", q.id)) class="idk-button idk-button-primary">{i18n.follow_up()}</a>
                    </section>
                })}
                <div class="idk-actions">
                    <button type="submit" class="idk-button idk-button-primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
                        {move || if pending.get() { i18n.submitting() } else if is_edit { i18n.save_changes() } else { i18n.submit() }}
                    </button>
                </div>
            </form>
            <GoodsPicker open=picker_open tab=tab search=search state=picker_state on_more=move |_| load.run(picker_page.get_untracked().0 + 1) on_retry=move |_| load.run(1) on_pick=on_pick />
        </section>
    }
}
