//! `use_draft`: what the customer typed, kept in localStorage per member and per form, saved
//! a moment after they stop typing, and offered back the next time the form opens.
//!
//! Hand-written rather than leptos-use's `use_local_storage` + `use_debounce_fn`: the app has
//! no leptos-use dependency, and the two uses here do not earn its weight in the first-load
//! budget (see README, Performance).

use leptos::prelude::*;

use crate::domain::form::Draft;

/// How long after the last keystroke the draft is saved.
pub const SAVE_AFTER_MS: u32 = 800;

/// The draft store of one form; `Copy`.
#[derive(Clone, Copy)]
pub struct DraftStore {
    key: StoredValue<String>,
    /// A saved draft not yet restored or discarded.
    pub offer: RwSignal<Option<Draft>>,
    /// Whether the customer has typed or chosen anything (a link's prefill is not a draft).
    pub touched: RwSignal<bool>,
}

/// Watches `draft` and saves it under `key` once the customer has touched the form; offers a
/// saved draft that differs from what the form starts with.
pub fn use_draft(key: String, draft: Memo<Draft>) -> DraftStore {
    let saved: Option<Draft> = storage()
        .and_then(|s| s.get_item(&key).ok().flatten())
        .and_then(|json| serde_json::from_str::<Draft>(&json).ok())
        .filter(|d| !d.is_blank() && *d != draft.get_untracked());
    let store = DraftStore {
        key: StoredValue::new(key),
        offer: RwSignal::new(saved),
        touched: RwSignal::new(false),
    };
    let timer = StoredValue::new_local(None::<gloo_timers::callback::Timeout>);
    Effect::new(move |first: Option<()>| {
        let d = draft.get();
        if first.is_none()
            || !store.touched.get_untracked()
            || store.offer.with_untracked(Option::is_some)
        {
            return; // nothing typed yet, or a saved draft not yet restored/discarded
        }
        // Replacing the timer drops (cancels) the previous one: only the last change is saved.
        timer.set_value(Some(gloo_timers::callback::Timeout::new(
            SAVE_AFTER_MS,
            move || store.save(&d),
        )));
    });
    store
}

impl DraftStore {
    /// Takes the offered draft (to fill the form with) and stops offering it.
    pub fn take_offer(&self) -> Option<Draft> {
        let d = self.offer.get_untracked();
        self.offer.set(None);
        d
    }

    /// Forgets the saved draft (discarded, or submitted).
    pub fn clear(&self) {
        if let Some(s) = storage() {
            let _ = self.key.with_value(|k| s.remove_item(k));
        }
        self.offer.try_set(None);
    }

    fn save(&self, d: &Draft) {
        let Some(s) = storage() else { return };
        self.key.with_value(|k| {
            if d.is_blank() {
                let _ = s.remove_item(k);
            } else if let Ok(json) = serde_json::to_string(d) {
                let _ = s.set_item(k, &json);
            }
        });
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// Per member and per form. The member is the server's member number (the same across token
/// refreshes and cookie sessions), stored only as its FNV-1a hash.
pub fn draft_key(member_no: &str, editing: Option<&str>) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_kept_per_member_and_form_without_the_member_number() {
        let new = draft_key("M0001", None);
        let edit = draft_key("M0001", Some("20261120000068"));
        let other = draft_key("M0002", None);
        assert!(new.ends_with(":new") && edit.ends_with(":edit:20261120000068"));
        assert_ne!(new, other, "another member's draft is another key");
        assert!(
            !new.contains("M0001"),
            "the member number is not stored in clear"
        );
        assert_eq!(new, draft_key("M0001", None), "stable across page loads");
    }
}
