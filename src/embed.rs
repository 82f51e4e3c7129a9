//! The wasm module's JavaScript face: `mount(element, options)` returning a handle with
//! `unmount()`, `unmount(element)`, and zero-JS mounting of every `[data-inquiry-desk]`
//! element when the module starts. See docs/embedding.md.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::{AppHandle, Config};

/// Set on a host element while an app is mounted in it.
pub const MOUNTED_ATTR: &str = "data-inquiry-desk-mounted";

thread_local! {
    /// Apps mounted from JS or from `data-*`, by host element.
    static MOUNTED: RefCell<Vec<(web_sys::HtmlElement, AppHandle)>> = const { RefCell::new(Vec::new()) };
}

fn type_error(msg: impl std::fmt::Display) -> JsValue {
    js_sys::TypeError::new(&format!("inquiry-desk: {msg}")).into()
}

fn mount_registered(element: web_sys::HtmlElement, config: Config) -> Result<(), JsValue> {
    let app = crate::mount(element.clone(), config).map_err(type_error)?;
    MOUNTED.with(|m| m.borrow_mut().push((element, app)));
    Ok(())
}

fn unmount_registered(element: &web_sys::HtmlElement) -> bool {
    // Take it out first: dropping the app runs cleanups that must not find the list borrowed.
    let app = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter()
            .position(|(el, _)| el == element)
            .map(|i| m.remove(i).1)
    });
    app.is_some()
}

/// A mounted app, as JavaScript holds it.
#[wasm_bindgen]
pub struct MountHandle {
    element: Option<web_sys::HtmlElement>,
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the app from its element with all its listeners and timers. Calling it again
    /// does nothing.
    pub fn unmount(&mut self) {
        if let Some(el) = self.element.take() {
            unmount_registered(&el);
        }
    }

    /// Whether the app is still mounted.
    #[wasm_bindgen(getter)]
    pub fn mounted(&self) -> bool {
        self.element.is_some()
    }
}

/// `mount(element, options)`: mounts the app into `element`. Throws a TypeError naming the
/// problem for an unknown option or value, or an element that already has the app.
#[wasm_bindgen(js_name = mount)]
pub fn js_mount(element: web_sys::HtmlElement, options: JsValue) -> Result<MountHandle, JsValue> {
    let config = Config::from_js(&options).map_err(type_error)?;
    mount_registered(element.clone(), config)?;
    Ok(MountHandle {
        element: Some(element),
    })
}

/// `unmount(element)`: unmounts whatever app is mounted in `element` (also apps mounted from
/// `data-*` attributes). Returns whether there was one.
#[wasm_bindgen(js_name = unmount)]
pub fn js_unmount(element: web_sys::HtmlElement) -> bool {
    unmount_registered(&element)
}

/// `mountAll(root?)`: mounts every `[data-inquiry-desk]` element under `root` (default: the
/// document) that has no app yet; returns how many. Runs once by itself when the module starts;
/// call it again after inserting host elements later.
#[wasm_bindgen(js_name = mountAll)]
pub fn mount_all(root: Option<web_sys::Element>) -> u32 {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return 0;
    };
    let selector = format!("[data-inquiry-desk]:not([{MOUNTED_ATTR}])");
    let found = match &root {
        Some(r) => r.query_selector_all(&selector),
        None => document.query_selector_all(&selector),
    };
    let Ok(found) = found else { return 0 };
    let mut mounted = 0;
    for i in 0..found.length() {
        let Some(el) = found
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let config = Config::from_element(&el);
        match mount_registered(el, config) {
            Ok(()) => mounted += 1,
            Err(e) => web_sys::console::error_1(&e),
        }
    }
    mounted
}

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    mount_all(None);
}
