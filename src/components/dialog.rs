//! Modal dialogs on the native `<dialog>` element (WAI-ARIA modal dialog pattern): the page
//! behind is inert, focus moves in, Tab and Shift+Tab wrap, Esc closes, and focus returns to
//! the element that opened it.

use std::{cell::RefCell, rc::Rc};

use leptos::{ev, html, prelude::*};
use wasm_bindgen::JsCast;

use crate::i18n::use_i18n;

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = root.query_selector_all(
        "button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Keeps Tab inside the dialog: from the last element to the first and back.
fn trap_tab(dialog: &web_sys::Element, e: &web_sys::KeyboardEvent) {
    if e.key() != "Tab" {
        return;
    }
    let items = focusables(dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = active_element();
    let on = |el: &web_sys::HtmlElement| active.as_ref().is_some_and(|a| a == el);
    if e.shift_key() && on(first) {
        e.prevent_default();
        let _ = last.focus();
    } else if !e.shift_key() && on(last) {
        e.prevent_default();
        let _ = first.focus();
    }
}

/// A native modal `<dialog>` shown while `open` is true. Closing it any way (Esc, a button
/// that calls `on_close`, the form method) calls `on_close` once and puts focus back where it was.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] on_close: Callback<()>,
    class: &'static str,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional, into)] labelled_by: Option<String>,
    #[prop(optional, into)] described_by: Option<String>,
    #[prop(optional, into)] label: Option<String>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Dialog>::new();
    let opener: Rc<RefCell<Option<web_sys::HtmlElement>>> = Rc::new(RefCell::new(None));
    {
        let opener = opener.clone();
        Effect::new(move |_| {
            let is_open = open.get();
            let Some(d) = dialog.get() else { return };
            if is_open && !d.open() {
                *opener.borrow_mut() = active_element();
                let _ = d.show_modal();
            } else if !is_open && d.open() {
                d.close();
            }
        });
    }
    view! {
        <dialog
            node_ref=dialog
            id=id
            class=format!("idk-dialog {class}")
            aria-labelledby=labelled_by
            aria-describedby=described_by
            aria-label=label
            on:close=move |_| {
                // `close` is dispatched as a task: ignore a late one after a quick reopen.
                if dialog.get().is_some_and(|d| !d.open()) {
                    on_close.run(());
                    if let Some(el) = opener.borrow_mut().take() {
                        let _ = el.focus();
                    }
                }
            }
            on:keydown=move |e: ev::KeyboardEvent| {
                if let Some(d) = dialog.get() {
                    trap_tab(&d, &e);
                }
            }
        >
            {children()}
        </dialog>
    }
}

/// Asks before something irreversible. `error` shows inside the dialog (e.g. a failed delete).
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    id: &'static str,
    #[prop(into)] title: String,
    #[prop(into)] body: String,
    #[prop(into)] confirm_label: String,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let title_id = format!("{id}-title");
    let body_id = format!("{id}-body");
    view! {
        <Modal
            open=open
            on_close=move |_| open.set(false)
            class="idk-confirm"
            id=id
            labelled_by=title_id.clone()
            described_by=body_id.clone()
        >
            <h2 class="idk-dialog-title" id=title_id>{title}</h2>
            <p id=body_id>{body}</p>
            {move || error.get().map(|m| view! { <p class="idk-error-message" role="alert">{m}</p> })}
            <div class="idk-dialog-actions">
                <button type="button" class="idk-button" autofocus on:click=move |_| open.set(false)>
                    {i18n.cancel()}
                </button>
                <button
                    type="button"
                    class="idk-button idk-button-danger"
                    disabled=move || pending.get()
                    aria-busy=move || pending.get().to_string()
                    on:click=move |_| on_confirm.run(())
                >
                    {confirm_label}
                </button>
            </div>
        </Modal>
    }
}

/// A photo at full size.
#[component]
pub fn Lightbox(src: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let open = Signal::derive(move || src.with(Option::is_some));
    view! {
        <Modal open=open on_close=move |_| src.set(None) class="idk-lightbox" label=i18n.photos()>
            <button type="button" class="idk-button idk-lightbox-close" autofocus on:click=move |_| src.set(None)>
                {i18n.close()}
            </button>
            {move || src.get().map(|s| view! { <img class="idk-lightbox-img" src=s alt="" /> })}
        </Modal>
    }
}
