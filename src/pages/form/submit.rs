//! `use_submission`: what a submit leaves on the form. Field errors (the form's own checks and
//! the server's, on the same fields), the summary that lists them, a failure message, the
//! inquiry that was answered meanwhile (409), progress; and the idempotency key, the same for
//! every retry of one request and new as soon as the request changes.

use std::collections::HashMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{fields::field_id, photos::new_key};
use crate::{
    api::{ApiError, Client, ErrorField, Inquiry, Limits, Upload},
    domain::{form::Field, Action},
    i18n::{use_i18n, I18n},
};

/// The state of the form's submits; `Copy`.
#[derive(Clone, Copy)]
pub struct Submission {
    pub errors: RwSignal<HashMap<Field, String>>,
    pub summary: RwSignal<Vec<(Field, String)>>,
    pub failure: RwSignal<Option<String>>,
    /// The inquiry as it is now, after a counselor answered it during an edit.
    pub conflict: RwSignal<Option<Inquiry>>,
    pub pending: RwSignal<bool>,
    pub progress: RwSignal<Option<f64>>,
    key: StoredValue<String>,
    i18n: I18n,
}

/// `request` reads (tracks) everything a submit sends: when any of it changes, the next
/// submit is a new request with a new idempotency key.
pub fn use_submission(request: impl Fn() + 'static) -> Submission {
    let key = StoredValue::new(new_key());
    Effect::new(move |_| {
        request();
        key.set_value(new_key());
    });
    Submission {
        errors: RwSignal::new(HashMap::new()),
        summary: RwSignal::new(Vec::new()),
        failure: RwSignal::new(None),
        conflict: RwSignal::new(None),
        pending: RwSignal::new(false),
        progress: RwSignal::new(None),
        key,
        i18n: use_i18n(),
    }
}

impl Submission {
    /// The idempotency key of the current request.
    pub fn key(&self) -> String {
        self.key.get_value()
    }

    /// Shows problems beside their fields and in the summary; focus goes to the first field.
    pub fn show_problems(&self, list: Vec<(Field, String)>) {
        self.errors.set(list.iter().cloned().collect());
        if let Some((f, _)) = list.first() {
            focus(field_id(*f));
        }
        self.summary.set(list);
    }

    /// A submit is going out: earlier problems are gone.
    pub fn start(&self) {
        self.failure.set(None);
        self.errors.set(HashMap::new());
        self.summary.set(Vec::new());
        self.pending.set(true);
        self.progress.set(Some(0.0));
    }

    /// The answer arrived (either way).
    pub fn finish(&self) {
        self.pending.try_set(false);
        self.progress.try_set(None);
    }

    /// The inquiry being edited as it is now: once a counselor has taken or answered it, the
    /// form says so (as a 409 would) and shows it, before the customer submits.
    pub fn locked(&self, now: Inquiry) {
        if now.status.allows(Action::Edit).is_ok()
            || self.conflict.with_untracked(|c| c.as_ref() == Some(&now))
        {
            return;
        }
        let i18n = self.i18n;
        self.failure
            .try_set(Some(i18n.edit_conflict(i18n.status_name(now.status))));
        self.conflict.try_set(Some(now));
    }

    /// Says what went wrong, where the customer will look: server field errors beside their
    /// fields (a photo error names the file), a 409 with the answer that caused it (`editing`
    /// is reloaded to show it), anything else as one message. Nothing typed is touched.
    pub async fn fail(
        &self,
        error: ApiError,
        uploads: &[Upload],
        limits: &Limits,
        client: &Client,
        editing: Option<&str>,
    ) {
        let i18n = self.i18n;
        match error {
            ApiError::Validation { errors: list, .. } if !list.is_empty() => {
                let mapped: Vec<(Field, String)> = list
                    .iter()
                    .map(|e| {
                        let field = e.field.form().unwrap_or(Field::Photos);
                        let photo = e
                            .index
                            .filter(|_| e.field == ErrorField::Form(Field::Photos))
                            .and_then(|i| uploads.get(i))
                            .map(|u| u.name.as_str());
                        (field, i18n.field_error(e, photo, limits))
                    })
                    .collect();
                self.show_problems(mapped);
            }
            ApiError::Conflict { status, .. } => {
                self.failure.try_set(Some(
                    i18n.edit_conflict(status.map(|s| i18n.status_name(s)).unwrap_or_default()),
                ));
                if let Some(id) = editing {
                    if let Ok(q) = client.inquiry(id).await {
                        self.conflict.try_set(Some(q));
                    }
                }
            }
            ApiError::Network(_) => {
                self.failure.try_set(Some(i18n.submit_network()));
            }
            e => {
                // The inquiry this key registered was deleted: the next submit is a new request.
                if e.replayed_a_deleted_inquiry() {
                    self.key.set_value(new_key());
                }
                self.failure.try_set(Some(i18n.api_error(&e)));
            }
        }
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
