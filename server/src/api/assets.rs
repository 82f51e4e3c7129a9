//! The built apps' files (the SPA, the console): precompressed siblings, the SPA's page for its
//! client routes, and how long browsers may keep each file.

use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::{from_fn, Next},
    response::{IntoResponse, Response},
};
use tower_http::{
    services::{ServeDir, ServeFile},
    set_header::SetResponseHeader,
};

/// A content-hashed file (`inquiry-desk-741483cdfe1e2f45_bg.wasm`): its name changes whenever
/// its bytes do, so browsers keep it a year without asking.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (index.html, the stable entries `inquiry-desk.js` / `.css` storefronts
/// import by name): revalidated on every use, a 304 when unchanged.
const REVALIDATE: &str = "no-cache";

/// A built Leptos app: `index.html` for its client routes, and the precompressed `.br` / `.gz`
/// siblings `cargo xtask build` writes (brotli 11, gzip 9), chosen by `Accept-Encoding`, so a
/// request costs no compression at all. `Last-Modified` lets a browser or CDN revalidate.
pub fn app_files(dir: &std::path::Path) -> axum::routing::Router {
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    // One URL answers br, gzip or identity: caches must key on Accept-Encoding.
    let files = SetResponseHeader::appending(
        files,
        header::VARY,
        HeaderValue::from_static("accept-encoding"),
    );
    axum::routing::Router::new()
        .fallback_service(files)
        .layer(from_fn(cache_policy))
}

/// `immutable` for content-hashed names, `no-cache` for the rest. A hashed name that is not in
/// the build (an old page asking for last release's wasm) is a 404, never the SPA's page: that
/// page must not be cached for a year under the asset's name.
async fn cache_policy(req: Request, next: Next) -> Response {
    let hashed = is_content_hashed(req.uri().path());
    let mut res = next.run(req).await;
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    if hashed && is_page {
        let mut gone = (StatusCode::NOT_FOUND, Body::empty()).into_response();
        gone.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
        return gone;
    }
    let policy = if hashed && res.status().is_success() {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static(policy));
    res
}

/// `name-<8 to 16 hex digits>[_bg].<js|wasm|css>`, trunk's `filehash` naming.
pub fn is_content_hashed(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default();
    let Some((stem, ext)) = file.rsplit_once('.') else {
        return false;
    };
    if !["js", "wasm", "css"].contains(&ext) {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((name, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !name.is_empty()
        && (8..=16).contains(&hash.len())
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::is_content_hashed;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        for yes in [
            "/inquiry-desk-741483cdfe1e2f45.js",
            "/inquiry-desk-741483cdfe1e2f45_bg.wasm",
            "/console/inquiry-console-d2b24b6f51d8c5f.css",
        ] {
            assert!(is_content_hashed(yes), "{yes}");
        }
        for no in [
            "/inquiry-desk.js",
            "/inquiry-desk_bg.wasm",
            "/inquiry-desk.css",
            "/index.html",
            "/123/edit",
            "/inquiry-desk-741483cdfe1e2f45.html",
            "/inquiry-desk-notahexhash.js",
            "/-741483cdfe1e2f45.js",
        ] {
            assert!(!is_content_hashed(no), "{no}");
        }
    }
}
