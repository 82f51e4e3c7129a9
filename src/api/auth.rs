//! How requests prove who the customer is, and telling the host when they no longer do.

use std::{cell::Cell, rc::Rc};

use send_wrapper::SendWrapper;
use wasm_bindgen::JsValue;

use super::ApiError;

/// The customer's credentials, as the host page gave them.
#[derive(Clone, Default)]
pub enum Credentials {
    /// Nothing: every call will be 401 (the host is told to log the customer in).
    #[default]
    Anonymous,
    /// A fixed bearer token (`data-token`, or a string `token` option).
    Token(String),
    /// A host function returning the token, or a promise of it, called before every request,
    /// so a token the host refreshed is used at once.
    Provider(SendWrapper<js_sys::Function>),
    /// The browser's cookies: the storefront's session cookie goes with every request.
    Cookies,
}

impl PartialEq for Credentials {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Anonymous, Self::Anonymous) | (Self::Cookies, Self::Cookies) => true,
            (Self::Token(a), Self::Token(b)) => a == b,
            (Self::Provider(a), Self::Provider(b)) => **a == **b,
            _ => false,
        }
    }
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print a token.
        f.write_str(match self {
            Self::Anonymous => "Anonymous",
            Self::Token(_) => "Token(..)",
            Self::Provider(_) => "Provider(fn)",
            Self::Cookies => "Cookies",
        })
    }
}

impl Credentials {
    pub fn provider(f: js_sys::Function) -> Self {
        Self::Provider(SendWrapper::new(f))
    }

    /// The bearer token for the next request, if these credentials use one.
    pub(super) async fn bearer(&self) -> Result<Option<String>, ApiError> {
        match self {
            Self::Anonymous | Self::Cookies => Ok(None),
            Self::Token(t) => Ok(Some(t.clone())),
            Self::Provider(f) => {
                let failed = |e: JsValue| {
                    ApiError::Unauthorized(format!(
                        "token provider failed: {}",
                        e.as_string()
                            .or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from))
                            .unwrap_or_default()
                    ))
                };
                let value = f.call0(&JsValue::NULL).map_err(failed)?;
                // A plain string and a promise of one are both accepted.
                let value = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&value))
                    .await
                    .map_err(failed)?;
                Ok(value.as_string().filter(|t| !t.trim().is_empty()))
            }
        }
    }

    pub(super) fn uses_cookies(&self) -> bool {
        matches!(self, Self::Cookies)
    }
}

/// Tells the host once when the API starts answering 401, and again only after a request has
/// succeeded in between (a page firing three requests on an expired session is one lapse).
#[derive(Clone)]
pub struct AuthWatch {
    inner: SendWrapper<Rc<AuthWatchInner>>,
}

#[derive(Default)]
struct AuthWatchInner {
    lapsed: Cell<bool>,
    on_lapse: Option<Box<dyn Fn()>>,
}

impl Default for AuthWatch {
    fn default() -> Self {
        Self {
            inner: SendWrapper::new(Rc::default()),
        }
    }
}

impl AuthWatch {
    pub fn new(on_lapse: impl Fn() + 'static) -> Self {
        Self {
            inner: SendWrapper::new(Rc::new(AuthWatchInner {
                lapsed: Cell::new(false),
                on_lapse: Some(Box::new(on_lapse)),
            })),
        }
    }

    pub(super) fn observe<T>(&self, result: Result<T, ApiError>) -> Result<T, ApiError> {
        match &result {
            Ok(_) => self.inner.lapsed.set(false),
            Err(ApiError::Unauthorized(_)) => {
                if !self.inner.lapsed.replace(true) {
                    if let Some(f) = &self.inner.on_lapse {
                        f();
                    }
                }
            }
            Err(_) => {}
        }
        result
    }
}
