//! What the app tells its host page: DOM `CustomEvent`s dispatched on the host element. They
//! bubble and are composed, so a shell can listen on the host, an ancestor or `document`.
//!
//! | type | `detail` |
//! |---|---|
//! | `inquiry-desk:created` | `{ ccnNo }` |
//! | `inquiry-desk:updated` | `{ ccnNo }` |
//! | `inquiry-desk:deleted` | `{ ccnNo }` |
//! | `inquiry-desk:auth-required` | `{ status: 401, path }` |
//! | `inquiry-desk:route-changed` | `{ path, search, href }` |

use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

pub const CREATED: &str = "inquiry-desk:created";
pub const UPDATED: &str = "inquiry-desk:updated";
pub const DELETED: &str = "inquiry-desk:deleted";
pub const AUTH_REQUIRED: &str = "inquiry-desk:auth-required";
pub const ROUTE_CHANGED: &str = "inquiry-desk:route-changed";

/// Dispatches the app's events on its host element.
#[derive(Clone)]
pub struct Events {
    host: SendWrapper<web_sys::HtmlElement>,
    base_path: String,
}

impl Events {
    pub fn new(host: web_sys::HtmlElement, base_path: &str) -> Self {
        Self {
            host: SendWrapper::new(host),
            base_path: base_path.to_owned(),
        }
    }

    pub fn created(&self, ccn_no: &str) {
        self.emit(CREATED, &[("ccnNo", ccn_no.into())]);
    }

    pub fn updated(&self, ccn_no: &str) {
        self.emit(UPDATED, &[("ccnNo", ccn_no.into())]);
    }

    pub fn deleted(&self, ccn_no: &str) {
        self.emit(DELETED, &[("ccnNo", ccn_no.into())]);
    }

    /// The API refused the customer's credentials: the host should send them to log in. Any
    /// draft stays where it is.
    pub fn auth_required(&self) {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .map(|p| self.app_path(&p))
            .unwrap_or_else(|| "/".into());
        self.emit(
            AUTH_REQUIRED,
            &[("status", JsValue::from(401)), ("path", path.into())],
        );
    }

    /// `href` is the full path of the page (with the base path); `path` is the app's own.
    pub fn route_changed(&self, href: &str, search: &str) {
        self.emit(
            ROUTE_CHANGED,
            &[
                ("path", self.app_path(href).into()),
                ("search", search.into()),
                ("href", format!("{href}{search}").into()),
            ],
        );
    }

    /// The path below the base path: `/mypage/inquiry/12` → `/12`.
    fn app_path(&self, full: &str) -> String {
        let rest = full.strip_prefix(&self.base_path).unwrap_or(full);
        if rest.is_empty() {
            "/".into()
        } else {
            rest.to_owned()
        }
    }

    fn emit(&self, kind: &str, detail: &[(&str, JsValue)]) {
        let object = js_sys::Object::new();
        for (k, v) in detail {
            let _ = js_sys::Reflect::set(&object, &(*k).into(), v);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&object);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(kind, &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }
}
