//! How the server sends bytes: precompressed SPA files chosen by `Accept-Encoding`, JSON
//! compressed when it is large enough to gain, revalidation answered with 304.

mod common;

use std::io::Read as _;

use common::*;
use reqwest::{header, StatusCode};
use serde_json::Value;

/// A built SPA as `cargo xtask build` leaves it: each file with `.br` and `.gz` siblings. The
/// siblings' bytes are markers, so a test sees which file the server chose.
fn spa_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let w = |name: &str, body: &[u8]| std::fs::write(dir.path().join(name), body).unwrap();
    w("index.html", b"<!doctype html><title>inquiry-desk</title>");
    w("index.html.br", b"BROTLI index");
    w("index.html.gz", b"GZIP index");
    w("inquiry-desk_bg.wasm", b"\0asm identity");
    w("inquiry-desk_bg.wasm.br", b"BROTLI wasm");
    w("inquiry-desk_bg.wasm.gz", b"GZIP wasm");
    // What trunk (filehash) and `cargo xtask build` write: hashed files and a stable entry.
    w("inquiry-desk-741483cdfe1e2f45_bg.wasm", b"\0asm hashed");
    w(
        "inquiry-desk-741483cdfe1e2f45_bg.wasm.br",
        b"BROTLI hashed wasm",
    );
    w("inquiry-desk-741483cdfe1e2f45.js", b"export default 1;");
    w(
        "inquiry-desk.js",
        b"export * from './inquiry-desk-741483cdfe1e2f45.js';",
    );
    dir
}

async fn get(s: &TestServer, path: &str, accept: Option<&str>) -> reqwest::Response {
    let mut r = s.client.get(s.url(path));
    if let Some(a) = accept {
        r = r.header(header::ACCEPT_ENCODING, a);
    }
    r.send().await.unwrap()
}

fn encoding(r: &reqwest::Response) -> Option<&str> {
    r.headers()
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap())
}

fn varies_on_encoding(r: &reqwest::Response) -> bool {
    r.headers().get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    })
}

#[tokio::test]
async fn spa_files_are_sent_precompressed_as_the_browser_accepts() {
    let spa = spa_dir();
    let dir = spa.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(dir)).await;
    for (accept, want_encoding, want_body) in [
        (Some("gzip, deflate, br, zstd"), Some("br"), "BROTLI wasm"),
        (Some("gzip"), Some("gzip"), "GZIP wasm"),
        (Some("br;q=0, gzip;q=1"), Some("gzip"), "GZIP wasm"),
        (None, None, "\0asm identity"),
        (Some("identity"), None, "\0asm identity"),
    ] {
        let r = get(&s, "/inquiry-desk_bg.wasm", accept).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(encoding(&r), want_encoding, "Accept-Encoding {accept:?}");
        assert!(varies_on_encoding(&r), "caches must key on Accept-Encoding");
        assert_eq!(
            r.headers()[header::CONTENT_TYPE],
            "application/wasm",
            "the type of the file, not of its sibling"
        );
        assert_eq!(r.headers()[header::CACHE_CONTROL], "no-cache");
        assert_eq!(r.text().await.unwrap(), want_body);
    }
    // A client route gets index.html, compressed the same way.
    let r = get(&s, "/20261122000001/edit", Some("br")).await;
    assert_eq!(encoding(&r), Some("br"));
    assert_eq!(r.text().await.unwrap(), "BROTLI index");
}

#[tokio::test]
async fn a_revalidation_of_an_unchanged_file_is_a_304_without_a_body() {
    let spa = spa_dir();
    let dir = spa.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(dir)).await;
    let first = get(&s, "/inquiry-desk_bg.wasm", Some("br")).await;
    let last_modified = first.headers()[header::LAST_MODIFIED].clone();
    for accept in ["br", "gzip", "identity"] {
        let again = s
            .client
            .get(s.url("/inquiry-desk_bg.wasm"))
            .header(header::ACCEPT_ENCODING, accept)
            .header(header::IF_MODIFIED_SINCE, last_modified.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{accept}");
        assert!(again.bytes().await.unwrap().is_empty());
    }
    // An older copy is replaced.
    let stale = s
        .client
        .get(s.url("/inquiry-desk_bg.wasm"))
        .header(header::IF_MODIFIED_SINCE, "Sat, 01 Jan 2000 00:00:00 GMT")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::OK);
}

/// A repeat visit asks for no hashed file (a year, immutable), and still revalidates the page
/// and the stable entry storefronts import by name; a hashed name the build does not have (an
/// old page after a deploy) is a 404, never the SPA's page cached for a year under that name.
#[tokio::test]
async fn hashed_files_are_kept_a_year_and_stable_names_are_revalidated() {
    let spa = spa_dir();
    let dir = spa.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(dir)).await;
    let cache = |r: &reqwest::Response| {
        r.headers()
            .get(header::CACHE_CONTROL)
            .map(|v| v.to_str().unwrap().to_owned())
    };
    for path in [
        "/inquiry-desk-741483cdfe1e2f45_bg.wasm",
        "/inquiry-desk-741483cdfe1e2f45.js",
    ] {
        let r = get(&s, path, Some("br")).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(
            cache(&r).as_deref(),
            Some("public, max-age=31536000, immutable"),
            "{path}"
        );
        assert!(varies_on_encoding(&r), "{path}");
    }
    let hashed = get(&s, "/inquiry-desk-741483cdfe1e2f45_bg.wasm", Some("br")).await;
    assert_eq!(encoding(&hashed), Some("br"));
    assert_eq!(hashed.text().await.unwrap(), "BROTLI hashed wasm");
    for path in ["/", "/inquiry-desk.js", "/123/edit"] {
        let r = get(&s, path, None).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(cache(&r).as_deref(), Some("no-cache"), "{path}");
    }
    let old = get(&s, "/inquiry-desk-0123456789abcdef_bg.wasm", None).await;
    assert_eq!(old.status(), StatusCode::NOT_FOUND);
    assert_eq!(cache(&old).as_deref(), Some("no-cache"));
    assert!(old.bytes().await.unwrap().is_empty());
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .unwrap();
    out
}

#[tokio::test]
async fn large_json_is_compressed_and_decodes_to_the_same_answer() {
    let s = start().await;
    let today = chrono::Utc::now().date_naive();
    let path = format!(
        "{CS}/getQuestion?startDt={}&endDt={today}&pageSize=30",
        today - chrono::Duration::days(360)
    );
    let fetch = |accept: &'static str| {
        s.client
            .get(s.url(&path))
            .bearer_auth(MEMBER1)
            .header(header::ACCEPT_ENCODING, accept)
            .send()
    };
    let plain = fetch("identity").await.unwrap();
    assert_eq!(encoding(&plain), None);
    let plain = plain.bytes().await.unwrap();
    assert!(plain.len() > 4096, "a page of 30 rows is worth compressing");
    let plain: Value = serde_json::from_slice(&plain).unwrap();

    let br = fetch("gzip, br").await.unwrap();
    assert_eq!(encoding(&br), Some("br"));
    assert!(varies_on_encoding(&br));
    let br = br.bytes().await.unwrap();
    let gz = fetch("gzip").await.unwrap();
    assert_eq!(encoding(&gz), Some("gzip"));
    let gz = gz.bytes().await.unwrap();
    for (name, body, decoded) in [("br", &br, unbrotli(&br)), ("gzip", &gz, gunzip(&gz))] {
        assert!(body.len() * 3 < decoded.len(), "{name} gains little");
        let decoded: Value = serde_json::from_slice(&decoded).unwrap();
        assert_eq!(
            decoded["payload"], plain["payload"],
            "{name} decodes to the same rows"
        );
    }
}

#[tokio::test]
async fn small_json_is_sent_as_it_is() {
    let s = start().await;
    let r = s
        .client
        .get(s.url(&format!("{CS}/getQuestionDtl?ccnNo=NOPE")))
        .bearer_auth(MEMBER1)
        .header(header::ACCEPT_ENCODING, "br, gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert_eq!(encoding(&r), None, "a small envelope gains nothing");
    let (_, body) = read(r).await;
    assert_eq!(body["error"], true);
}

/// Every HTML document (the SPA, a client route, the shell) carries the security headers, its
/// inline module script allowed by hash; files and API answers do not need them.
#[tokio::test]
async fn html_documents_carry_a_content_security_policy() {
    let dir = tempfile::tempdir().unwrap();
    let script = "import init from '/inquiry-desk.js'; await init();";
    std::fs::write(
        dir.path().join("index.html"),
        format!("<!doctype html><title>t</title><script type=\"module\">{script}</script>"),
    )
    .unwrap();
    std::fs::write(dir.path().join("inquiry-desk.js"), "export default 1;").unwrap();
    let static_dir = dir.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(static_dir)).await;
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(script));
    for path in ["/", "/20261122000001/edit", "/shell/ko/mypage/inquiry"] {
        let r = get(&s, path, None).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap();
        for directive in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "frame-ancestors 'self'",
            "img-src 'self' blob: data:",
        ] {
            assert!(csp.contains(directive), "{path}: {directive} in {csp}");
        }
        assert!(
            !csp.contains("'unsafe-eval'") && !csp.contains("'unsafe-inline'"),
            "{csp}"
        );
        assert!(
            csp.contains(&format!("'sha256-{hash}'")),
            "{path}: the inline script: {csp}"
        );
        assert_eq!(r.headers()[header::REFERRER_POLICY], "same-origin");
        assert!(r.headers()["permissions-policy"]
            .to_str()
            .unwrap()
            .contains("camera=()"));
    }
    let js = get(&s, "/inquiry-desk.js", None).await;
    assert!(js.headers().get(header::CONTENT_SECURITY_POLICY).is_none());
    let api = s
        .get(&format!("{CS}/getQuestionInit"), MEMBER1)
        .send()
        .await
        .unwrap();
    assert!(api.headers().get(header::CONTENT_SECURITY_POLICY).is_none());
}
