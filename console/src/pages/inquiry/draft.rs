//! The answer being typed, kept for this tab (it survives a lost race and a re-login).

fn draft_key(ccn: &str) -> String {
    format!("inquiry-console-draft-{ccn}")
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn load_draft(ccn: &str) -> String {
    session()
        .and_then(|s| s.get_item(&draft_key(ccn)).ok().flatten())
        .unwrap_or_default()
}

pub fn save_draft(ccn: &str, text: &str) {
    if let Some(s) = session() {
        let _ = if text.is_empty() {
            s.remove_item(&draft_key(ccn))
        } else {
            s.set_item(&draft_key(ccn), text)
        };
    }
}
