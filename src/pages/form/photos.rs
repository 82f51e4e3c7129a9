//! `use_photos`: the form's photos. Kept ones (already stored with the inquiry being edited)
//! and new ones chosen in this session; each new file checked against the limits and, when
//! large, downscaled in the browser; every preview object URL revoked when its photo goes or
//! the form does.

use leptos::{prelude::*, task::spawn_local};
use wasm_bindgen::{closure::Closure, JsCast};

use crate::{
    api::{revoke_object_url, Client, Inquiry, KeepPhotos, Upload},
    components::PhotoTile,
    domain::form::{self, check_photo, fit_within, should_downscale, FormLimits},
    i18n::{use_i18n, I18n},
};

/// A photo stored with the inquiry being edited; `preview` is an object URL once downloaded.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptPhoto {
    pub seq: u32,
    pub name: String,
    pub preview: Option<String>,
}

/// A photo chosen in this session, ready to upload.
#[derive(Clone)]
pub struct LocalPhoto {
    pub key: String,
    pub name: String,
    pub blob: web_sys::Blob,
    pub url: String,
}

/// The form's photos; `Copy` (signals only).
#[derive(Clone, Copy)]
pub struct Photos {
    pub kept: RwSignal<Vec<KeptPhoto>>,
    pub local: RwSignal<Vec<LocalPhoto>, LocalStorage>,
    /// One message per file refused in the last choice.
    pub refused: RwSignal<Vec<String>>,
    limits: StoredValue<FormLimits>,
    i18n: I18n,
}

/// Photos of `existing` (their previews downloaded with the member's token) plus new ones.
pub fn use_photos(client: &Client, existing: Option<&Inquiry>, limits: FormLimits) -> Photos {
    let kept = RwSignal::new(
        existing
            .map(|q| {
                q.photos
                    .iter()
                    .map(|p| KeptPhoto {
                        seq: p.seq,
                        name: p.name.clone(),
                        preview: None,
                    })
                    .collect()
            })
            .unwrap_or_default(),
    );
    for p in existing.map(|q| q.photos.clone()).unwrap_or_default() {
        let client = client.clone();
        spawn_local(async move {
            if let Ok(url) = client.photo_url(&p).await {
                let stored = kept.try_update(|k: &mut Vec<KeptPhoto>| {
                    match k.iter_mut().find(|t| t.seq == p.seq) {
                        Some(t) => {
                            t.preview = Some(url.clone());
                            true
                        }
                        None => false, // removed before its preview arrived
                    }
                });
                if stored != Some(true) {
                    revoke_object_url(&url);
                }
            }
        });
    }
    let local: RwSignal<Vec<LocalPhoto>, LocalStorage> = RwSignal::new_local(Vec::new());
    on_cleanup(move || {
        local.try_with_untracked(|v| v.iter().for_each(|p| revoke_object_url(&p.url)));
        kept.try_with_untracked(|v| {
            v.iter()
                .filter_map(|p| p.preview.as_deref())
                .for_each(revoke_object_url)
        });
    });
    Photos {
        kept,
        local,
        refused: RwSignal::new(Vec::new()),
        limits: StoredValue::new(limits),
        i18n: use_i18n(),
    }
}

impl Photos {
    /// Kept and new photos together (tracked).
    pub fn count(&self) -> usize {
        self.kept.with(Vec::len) + self.local.with(Vec::len)
    }

    /// The tiles the photo field shows: kept first, then new (tracked).
    pub fn tiles(&self) -> Vec<PhotoTile> {
        let mut t: Vec<PhotoTile> = self.kept.with(|k| {
            k.iter()
                .map(|p| PhotoTile {
                    key: format!("kept-{}", p.seq),
                    name: p.name.clone(),
                    preview: p.preview.clone(),
                })
                .collect()
        });
        self.local.with(|v| {
            t.extend(v.iter().map(|p| PhotoTile {
                key: p.key.clone(),
                name: p.name.clone(),
                preview: Some(p.url.clone()),
            }))
        });
        t
    }

    /// Adds the chosen files that pass the checks; the others get a message in `refused`.
    pub fn add(&self, files: web_sys::FileList) {
        let this = *self;
        let i18n = self.i18n;
        this.refused.set(Vec::new());
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        spawn_local(async move {
            let mut problems = Vec::new();
            for file in files {
                let name = file.name();
                let blob = prepare_photo(&file).await;
                let count = this.count();
                let checked = this
                    .limits
                    .with_value(|l| check_photo(&file.type_(), blob.size() as u64, count, l));
                match checked {
                    Ok(()) => {
                        let url =
                            web_sys::Url::create_object_url_with_blob(&blob).unwrap_or_default();
                        this.local.update(|v| {
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
            this.refused.set(problems);
        });
    }

    /// Removes a tile (`kept-3` or a new photo's key) and revokes its preview.
    pub fn remove(&self, key: &str) {
        if let Some(seq) = key
            .strip_prefix("kept-")
            .and_then(|s| s.parse::<u32>().ok())
        {
            self.kept.update(|k| {
                if let Some(url) = k
                    .iter()
                    .find(|p| p.seq == seq)
                    .and_then(|p| p.preview.as_deref())
                {
                    revoke_object_url(url);
                }
                k.retain(|p| p.seq != seq)
            });
        } else {
            self.local.update(|v| {
                if let Some(p) = v.iter().find(|p| p.key == key) {
                    revoke_object_url(&p.url);
                }
                v.retain(|p| p.key != key);
            });
        }
    }

    /// The new photos, to upload.
    pub fn uploads(&self) -> Vec<Upload> {
        self.local.with_untracked(|v| {
            v.iter()
                .map(|p| Upload {
                    name: p.name.clone(),
                    blob: p.blob.clone(),
                })
                .collect()
        })
    }

    /// The stored photos an edit keeps.
    pub fn keep(&self) -> KeepPhotos {
        self.kept
            .with_untracked(|k| k.iter().map(|p| p.seq).collect())
    }
}

/// A random key (idempotency keys, tile keys).
pub fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("k{}", js_sys::Math::random().to_bits()))
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
