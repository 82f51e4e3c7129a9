//! Security headers on every HTML document the server serves: the SPA (and its client routes),
//! the console, the example storefront shell. The page that holds a customer's token is the one
//! that most needs a Content-Security-Policy.
//!
//! The policy allows exactly what the apps use: their own scripts, the inline module script
//! trunk writes into each `index.html` (by its SHA-256, read from the built file at start-up),
//! WebAssembly compilation (`'wasm-unsafe-eval'`, not `'unsafe-eval'`), their own styles,
//! images from this origin plus `blob:` (photos are shown from object URLs) and `data:` (the
//! favicon), and requests to this origin. Nothing may frame the documents but this origin,
//! referrers stay on this origin, and the powerful features nobody here uses are off.

use std::path::Path;

use axum::{
    extract::{Request, State},
    http::{header, HeaderName, HeaderValue},
    middleware::Next,
    response::Response,
};
use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The headers every HTML document gets.
#[derive(Clone)]
pub struct DocumentPolicy {
    csp: HeaderValue,
}

/// Features the apps never use, switched off for the document and anything it embeds.
pub const PERMISSIONS_POLICY: &str =
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), interest-cohort=()";
pub const REFERRER_POLICY: &str = "same-origin";

impl DocumentPolicy {
    /// The policy for the apps built into `dirs` (each an `index.html` with trunk's inline
    /// module script); a missing file contributes nothing.
    pub fn for_apps<'a>(dirs: impl IntoIterator<Item = &'a Path>) -> Self {
        let mut hashes: Vec<String> = dirs
            .into_iter()
            .filter_map(|d| std::fs::read_to_string(d.join("index.html")).ok())
            .flat_map(|html| inline_script_hashes(&html))
            .collect();
        hashes.sort();
        hashes.dedup();
        let scripts = hashes.iter().map(|h| format!(" '{h}'")).collect::<String>();
        let csp = format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
             style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; \
             object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
        );
        Self {
            csp: HeaderValue::from_str(&csp).expect("a CSP is a valid header value"),
        }
    }

    pub fn csp(&self) -> &str {
        self.csp.to_str().unwrap_or_default()
    }
}

/// `sha256-…` of every inline `<script>` (one without `src`) in `html`, as CSP names them.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let Some(tag_end) = rest[start..].find('>') else {
            break;
        };
        let tag = &rest[start..start + tag_end];
        let body_start = start + tag_end + 1;
        let Some(len) = rest[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let body = &rest[body_start..body_start + len];
            let digest = Sha256::digest(body.as_bytes());
            out.push(format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + len..];
    }
    out
}

/// Adds the policy's headers to HTML responses (any status: an error page is a document too).
pub async fn document_headers(
    State(policy): State<DocumentPolicy>,
    req: Request,
    next: Next,
) -> Response {
    let mut res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if html {
        let h = res.headers_mut();
        h.insert(header::CONTENT_SECURITY_POLICY, policy.csp.clone());
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static(REFERRER_POLICY),
        );
        h.insert(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(PERMISSIONS_POLICY),
        );
        h.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = "<head><script type=\"module\">import init from '/a.js';</script>\
                    <script type=\"module\" src=\"/shell.js\"></script></head>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 1);
        let want = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest("import init from '/a.js';".as_bytes()));
        assert_eq!(hashes[0], format!("sha256-{want}"));
    }
}
