//! How the host page configures a mount: API base URL, router base path, locale, time zone and
//! credentials; read from `data-*` attributes or from the options object of the JS `mount`.

use wasm_bindgen::{JsCast, JsValue};

use crate::{
    api::Credentials,
    i18n::{valid_time_zone, Locale},
};

/// Configuration chosen by the host page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// Origin (and optional prefix) of the inquiry API, e.g. `https://api.shop.example`;
    /// empty means the page's own origin.
    pub api_base: String,
    /// Path under which the app's routes live, e.g. `/mypage/inquiry`; empty for the root.
    pub base_path: String,
    pub locale: Locale,
    /// IANA time zone for dates (`Asia/Taipei`); `None`: the browser's.
    pub time_zone: Option<String>,
    pub credentials: Credentials,
}

/// The option names of the JS `mount(element, options)`.
pub const OPTION_NAMES: [&str; 6] = [
    "apiBase",
    "basePath",
    "locale",
    "timeZone",
    "token",
    "credentials",
];

impl Config {
    /// Reads `data-api-base`, `data-base-path`, `data-locale`, `data-time-zone`, `data-token`
    /// and `data-credentials="include"` from a host element. Zero-JS mounting has nobody to
    /// throw at, so a bad value is reported on the console and its default used.
    pub fn from_element(el: &web_sys::Element) -> Self {
        let attr = |name: &str| {
            el.get_attribute(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let warn = |msg: String| web_sys::console::error_1(&format!("inquiry-desk: {msg}").into());
        let locale = attr("data-locale").and_then(|l| {
            parse_locale(&l)
                .map_err(|e| warn(format!("data-locale: {e}")))
                .ok()
        });
        let time_zone = attr("data-time-zone").and_then(|z| {
            parse_time_zone(&z)
                .map_err(|e| warn(format!("data-time-zone: {e}")))
                .ok()
        });
        let credentials = match (attr("data-token"), attr("data-credentials").as_deref()) {
            (_, Some("include")) => Credentials::Cookies,
            (Some(t), _) => Credentials::Token(t),
            (None, _) => Credentials::Anonymous,
        };
        Self {
            api_base: normalize_api_base(&attr("data-api-base").unwrap_or_default()),
            base_path: normalize_base_path(&attr("data-base-path").unwrap_or_default()),
            locale: locale.unwrap_or_default(),
            time_zone,
            credentials,
        }
    }

    /// Reads the options object of the JS `mount`. Strict: an unknown option, a wrong type or
    /// an unsupported value is an error naming it, so a typo does not silently do nothing.
    pub fn from_js(options: &JsValue) -> Result<Self, String> {
        let mut config = Config::default();
        if options.is_undefined() || options.is_null() {
            return Ok(config);
        }
        if !options.is_object() {
            return Err("options must be an object".into());
        }
        let keys = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>());
        for key in keys.iter() {
            let key = key.as_string().unwrap_or_default();
            if !OPTION_NAMES.contains(&key.as_str()) {
                return Err(format!(
                    "unknown option '{key}' (known: {})",
                    OPTION_NAMES.join(", ")
                ));
            }
        }
        let get = |name: &str| {
            js_sys::Reflect::get(options, &name.into())
                .ok()
                .filter(|v| !v.is_undefined() && !v.is_null())
        };
        let string = |name: &str| -> Result<Option<String>, String> {
            match get(name) {
                None => Ok(None),
                Some(v) => v
                    .as_string()
                    .map(Some)
                    .ok_or_else(|| format!("option '{name}' must be a string")),
            }
        };
        if let Some(b) = string("apiBase")? {
            config.api_base = normalize_api_base(&b);
        }
        if let Some(p) = string("basePath")? {
            config.base_path = normalize_base_path(&p);
        }
        if let Some(l) = string("locale")? {
            config.locale = parse_locale(&l).map_err(|e| format!("option 'locale': {e}"))?;
        }
        if let Some(z) = string("timeZone")? {
            config.time_zone =
                Some(parse_time_zone(&z).map_err(|e| format!("option 'timeZone': {e}"))?);
        }
        let token = get("token");
        let cookies = match string("credentials")?.as_deref() {
            None | Some("omit") => false,
            Some("include") => true,
            Some(other) => {
                return Err(format!(
                    "option 'credentials' must be \"include\" or \"omit\", not \"{other}\""
                ))
            }
        };
        config.credentials = match (token, cookies) {
            (Some(_), true) => {
                return Err("give either 'token' or credentials: \"include\", not both".into())
            }
            (None, true) => Credentials::Cookies,
            (None, false) => Credentials::Anonymous,
            (Some(t), false) => {
                if let Some(f) = t.dyn_ref::<js_sys::Function>() {
                    Credentials::provider(f.clone())
                } else if let Some(s) = t.as_string() {
                    Credentials::Token(s)
                } else {
                    return Err(
                        "option 'token' must be a string or a function returning a token (or a promise of one)"
                            .into(),
                    );
                }
            }
        };
        Ok(config)
    }
}

fn parse_locale(tag: &str) -> Result<Locale, String> {
    Locale::parse(tag).ok_or_else(|| {
        let known: Vec<_> = Locale::ALL.iter().map(|l| l.tag()).collect();
        format!(
            "unsupported locale '{tag}' (supported: {})",
            known.join(", ")
        )
    })
}

fn parse_time_zone(zone: &str) -> Result<String, String> {
    let zone = zone.trim();
    if valid_time_zone(zone) {
        Ok(zone.to_owned())
    } else {
        Err(format!(
            "unknown time zone '{zone}' (use an IANA name such as Asia/Seoul)"
        ))
    }
}

fn normalize_api_base(raw: &str) -> String {
    raw.trim().trim_end_matches('/').to_owned()
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

    #[test]
    fn unsupported_locales_are_named_with_the_supported_ones() {
        let e = super::parse_locale("fr").unwrap_err();
        assert!(e.contains("'fr'") && e.contains("zh-TW"), "{e}");
    }
}
