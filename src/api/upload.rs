//! Registering and modifying inquiries: multipart with photos over XMLHttpRequest, because
//! fetch has no upload progress.

use std::{cell::RefCell, rc::Rc};

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::{
    client::REQUESTED_WITH,
    envelope::{error_from, serde_payload},
    error::ApiError,
    Client,
};
use crate::domain::form::Draft;

const CS: &str = "/api/order/v1/customerservice";

/// A photo to upload.
pub struct Upload {
    pub name: String,
    pub blob: web_sys::Blob,
}

/// Which stored photos a modify keeps.
pub type KeepPhotos = Vec<u32>;

fn form_data(draft: &Draft, photos: &[Upload]) -> Result<web_sys::FormData, ApiError> {
    let fd = web_sys::FormData::new().map_err(|_| ApiError::Decode("FormData".into()))?;
    let text = |k: &str, v: &str| {
        fd.append_with_str(k, v)
            .map_err(|_| ApiError::Decode(k.into()))
    };
    if let Some(t) = &draft.type_no {
        text("cnslTypNo", t)?;
    }
    text("ccnTitle", &draft.title)?;
    text("accpCont", &draft.content)?;
    if let Some(g) = &draft.goods {
        text("goodsNo", &g.goods_no)?;
        if let Some(o) = &g.option_no {
            text("itmNo", o)?;
        }
        if let Some(o) = &g.order_no {
            text("ordNo", o)?;
        }
    }
    text("smsRcvYn", if draft.sms_consent { "Y" } else { "N" })?;
    text("emailRcvYn", if draft.email_consent { "Y" } else { "N" })?;
    for p in photos {
        fd.append_with_blob_and_filename("atchFiles", &p.blob, &p.name)
            .map_err(|_| ApiError::Decode("atchFiles".into()))?;
    }
    Ok(fd)
}

impl Client {
    /// `questionSave`: returns the new inquiry's number. `key` is the Idempotency-Key: reuse it
    /// when retrying the same submit so a retry never creates a second inquiry.
    pub async fn save(
        &self,
        draft: &Draft,
        photos: &[Upload],
        key: &str,
        on_progress: impl Fn(f64) + 'static,
    ) -> Result<String, ApiError> {
        let fd = form_data(draft, photos)?;
        if let Some(r) = &draft.ref_no {
            let _ = fd.append_with_str("refCcnNo", r);
        }
        self.xhr(
            "POST",
            &format!("{CS}/questionSave"),
            fd,
            Some(key),
            on_progress,
        )
        .await
    }

    /// `questionMod`: keeps the listed stored photos, adds `photos`.
    pub async fn modify(
        &self,
        id: &str,
        draft: &Draft,
        keep: &KeepPhotos,
        photos: &[Upload],
        on_progress: impl Fn(f64) + 'static,
    ) -> Result<String, ApiError> {
        let fd = form_data(draft, photos)?;
        let _ = fd.append_with_str("ccnNo", id);
        for seq in keep {
            let _ = fd.append_with_str("keepFileSeq", &seq.to_string());
        }
        self.xhr("PUT", &format!("{CS}/questionMod"), fd, None, on_progress)
            .await
    }

    async fn xhr(
        &self,
        method: &str,
        path: &str,
        body: web_sys::FormData,
        idempotency_key: Option<&str>,
        on_progress: impl Fn(f64) + 'static,
    ) -> Result<String, ApiError> {
        let result = self
            .xhr_once(method, path, body, idempotency_key, on_progress)
            .await;
        self.auth.observe(result)
    }

    async fn xhr_once(
        &self,
        method: &str,
        path: &str,
        body: web_sys::FormData,
        idempotency_key: Option<&str>,
        on_progress: impl Fn(f64) + 'static,
    ) -> Result<String, ApiError> {
        let xhr = web_sys::XmlHttpRequest::new()
            .map_err(|_| ApiError::Network("XMLHttpRequest".into()))?;
        xhr.open_with_async(method, &self.asset_url(path), true)
            .map_err(|_| ApiError::Network("open".into()))?;
        if self.credentials.uses_cookies() {
            xhr.set_with_credentials(true);
            let _ = xhr.set_request_header(REQUESTED_WITH.0, REQUESTED_WITH.1);
        } else if let Some(token) = self.credentials.bearer().await? {
            let _ = xhr.set_request_header("Authorization", &format!("Bearer {token}"));
        }
        if let Some(key) = idempotency_key {
            let _ = xhr.set_request_header("Idempotency-Key", key);
        }
        xhr.set_timeout(120_000);
        let progress =
            Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                if e.length_computable() && e.total() > 0.0 {
                    on_progress(e.loaded() / e.total());
                }
            });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        }
        // Settles once: load, error, timeout or abort.
        let done: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            *done.borrow_mut() = Some(resolve);
        });
        let settle = {
            let done = done.clone();
            Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| {
                if let Some(resolve) = done.borrow_mut().take() {
                    let _ = resolve.call1(&JsValue::NULL, &e);
                }
            })
        };
        for event in ["load", "error", "timeout", "abort"] {
            let _ = xhr.add_event_listener_with_callback(event, settle.as_ref().unchecked_ref());
        }
        xhr.send_with_opt_form_data(Some(&body))
            .map_err(|_| ApiError::Network("send".into()))?;
        let event = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .unwrap_or(JsValue::NULL);
        drop(progress);
        drop(settle);
        let kind = js_sys::Reflect::get(&event, &"type".into())
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        if kind != "load" {
            return Err(ApiError::Network(kind));
        }
        let status = xhr.status().unwrap_or(0);
        let text = xhr.response_text().ok().flatten().unwrap_or_default();
        if !(200..300).contains(&status) {
            return Err(error_from(status, &text));
        }
        serde_payload::<String>(&text)
    }
}
