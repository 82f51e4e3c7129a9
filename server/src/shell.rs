//! The example storefront shell at `/shell/`: a 마이페이지 that embeds the SPA at
//! `/shell/{locale}/mypage/inquiry` the way a storefront team would (docs/embedding.md). Its
//! three files are compiled in, so it works wherever the server runs; the SPA itself comes from
//! `--static` (without it the shell says the app is not built).

use axum::{
    extract::Path,
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Redirect, Response},
    routing::get,
    Router,
};

const INDEX: &str = include_str!("../shell/index.html");
const CSS: &str = include_str!("../shell/shell.css");
const JS: &str = include_str!("../shell/shell.js");

/// The shell's languages, the default first (the SPA's locales).
pub const LOCALES: [&str; 3] = ["ko", "en", "zh-TW"];

/// Where `/shell/` sends a visitor: the inquiry page in the default locale.
pub const HOME: &str = "/shell/ko/mypage/inquiry";

pub fn router<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new()
        .route("/shell", get(|| async { Redirect::permanent("/shell/") }))
        .route("/shell/", get(|| async { Redirect::to(HOME) }))
        .route(
            "/shell/shell.css",
            get(|| async { asset("text/css; charset=utf-8", CSS) }),
        )
        .route(
            "/shell/shell.js",
            get(|| async { asset("text/javascript; charset=utf-8", JS) }),
        )
        .route("/shell/{*rest}", get(page))
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// Any page of the shell (`/shell/en/mypage/inquiry/12/edit`): the same HTML, the script
/// decides what to show. An unknown locale goes to the default one.
async fn page(Path(rest): Path<String>) -> Response {
    let (locale, tail) = rest.split_once('/').unwrap_or((rest.as_str(), ""));
    if !LOCALES.contains(&locale) {
        return Redirect::to(HOME).into_response();
    }
    if tail.is_empty() {
        return Redirect::to(&format!("/shell/{locale}/mypage/inquiry")).into_response();
    }
    let mut response = asset("text/html; charset=utf-8", INDEX);
    *response.status_mut() = StatusCode::OK;
    response
}
