//! How the host page configures the app: API base URL, router base path, access token.

/// Configuration chosen by the host page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Origin (and optional prefix) of the inquiry API, e.g. `https://api.shop.example`;
    /// empty means the page's own origin.
    pub api_base: String,
    /// Path under which the app's routes live, e.g. `/mypage/inquiry`; empty for the root.
    pub base_path: String,
    /// Bearer access token of the logged-in member.
    pub token: Option<String>,
}

impl Config {
    /// Reads `data-api-base`, `data-base-path` and `data-token` from a host element.
    pub fn from_element(el: &web_sys::Element) -> Self {
        let attr = |name: &str| el.get_attribute(name).map(|v| v.trim().to_owned());
        Self {
            api_base: attr("data-api-base")
                .unwrap_or_default()
                .trim_end_matches('/')
                .to_owned(),
            base_path: normalize_base_path(&attr("data-base-path").unwrap_or_default()),
            token: attr("data-token").filter(|t| !t.is_empty()),
        }
    }
}

/// `""`, `"/"` → `""`; `"mypage/inquiry/"` → `"/mypage/inquiry"`.
pub fn normalize_base_path(raw: &str) -> String {
    let trimmed = raw.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn base_paths_are_normalized() {
        assert_eq!(super::normalize_base_path(""), "");
        assert_eq!(super::normalize_base_path("/"), "");
        assert_eq!(
            super::normalize_base_path("mypage/inquiry/"),
            "/mypage/inquiry"
        );
        assert_eq!(super::normalize_base_path("/a"), "/a");
    }
}
