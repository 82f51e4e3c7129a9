//! Photo attachments: limits stated before choosing, file input and drag-and-drop, thumbnails
//! with remove buttons, a message per refused file, upload progress.

use leptos::{ev, prelude::*};

use crate::i18n::use_i18n;

/// A photo shown in the form: either already stored (edit) or chosen now.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoTile {
    pub key: String,
    pub name: String,
    /// Preview URL (object URL); `None` while it loads.
    pub preview: Option<String>,
}

#[component]
pub fn PhotoField(
    #[prop(into)] tiles: Signal<Vec<PhotoTile>>,
    /// Messages about refused files (each names the file and the rule).
    #[prop(into)]
    refused: Signal<Vec<String>>,
    /// The limits sentence shown before choosing.
    hint: String,
    #[prop(into)] progress: Signal<Option<f64>>,
    #[prop(into)] on_files: Callback<web_sys::FileList>,
    #[prop(into)] on_remove: Callback<String>,
    #[prop(into)] invalid: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let dragging = RwSignal::new(false);
    let on_drop = move |e: ev::DragEvent| {
        e.prevent_default();
        dragging.set(false);
        if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
            on_files.run(files);
        }
    };
    view! {
        <fieldset class="idk-fieldset idk-photos" aria-describedby="idk-photos-hint idk-photos-error">
            <legend>{i18n.photos()}</legend>
            <p id="idk-photos-hint" class="idk-hint">{hint}</p>
            <div
                class="idk-dropzone"
                class:idk-dragging=move || dragging.get()
                on:dragover=move |e: ev::DragEvent| {
                    e.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="idk-button" for="idk-f-photos">{i18n.choose_photos()}</label>
                <input
                    id="idk-f-photos"
                    class="idk-visually-hidden"
                    type="file"
                    name="photos"
                    accept="image/jpeg,image/png,image/gif,image/webp"
                    multiple
                    aria-invalid=move || invalid.get().to_string()
                    aria-describedby="idk-photos-hint idk-photos-error"
                    on:change=move |e: ev::Event| {
                        let input: web_sys::HtmlInputElement = event_target(&e);
                        if let Some(files) = input.files() {
                            on_files.run(files);
                        }
                        input.set_value("");
                    }
                />
                <span class="idk-muted">{i18n.drop_photos()}</span>
            </div>
            <ul class="idk-thumbs idk-photo-tiles">
                <For each=move || tiles.get() key=|t| (t.key.clone(), t.preview.is_some()) let:tile>
                    <li class="idk-thumb idk-photo-tile" data-photo=tile.name.clone()>
                        {match tile.preview.clone() {
                            Some(src) => view! { <img src=src alt=tile.name.clone() width="96" height="96" /> }.into_any(),
                            None => view! { <span class="idk-thumb-loading" aria-label=i18n.loading()></span> }.into_any(),
                        }}
                        <button
                            type="button"
                            class="idk-remove"
                            aria-label=format!("{} {}", tile.name, i18n.remove())
                            on:click={
                                let key = tile.key.clone();
                                move |_| on_remove.run(key.clone())
                            }
                        >
                            "×"
                        </button>
                    </li>
                </For>
            </ul>
            <div id="idk-photos-error" class="idk-field-error" role="alert">
                {move || refused.get().into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}
            </div>
            {move || progress.get().map(|p| {
                // A whole percent: an f64 attribute would link the float printer into the wasm.
                let percent = (p * 100.0).round() as u32;
                view! {
                    <progress class="idk-progress" max="100" value=percent aria-label=i18n.uploading()></progress>
                }
            })}
        </fieldset>
    }
}
