//! Standalone entry: mounts into the first element marked `data-inquiry-desk`.

fn main() {
    console_error_panic_hook::set_once();
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let Some(host) = document
        .query_selector("[data-inquiry-desk]")
        .ok()
        .flatten()
    else {
        web_sys::console::error_1(
            &"inquiry-desk: no element with data-inquiry-desk to mount into".into(),
        );
        return;
    };
    let config = inquiry_desk::Config::from_element(&host);
    use wasm_bindgen::JsCast;
    let host: web_sys::HtmlElement = host.unchecked_into();
    // The app lives as long as the page.
    std::mem::forget(inquiry_desk::mount(host, config));
}
