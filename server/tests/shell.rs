//! The example storefront shell at /shell/: redirects, deep links, assets, and that nothing under
//! /shell/ ever turns into the API's JSON 404.

mod common;

use common::*;
use reqwest::{redirect::Policy, StatusCode};

async fn get(s: &TestServer, path: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap()
        .get(s.url(path))
        .send()
        .await
        .unwrap()
}

fn location(r: &reqwest::Response) -> &str {
    r.headers()["location"].to_str().unwrap()
}

#[tokio::test]
async fn the_shell_redirects_to_the_inquiry_page_of_a_known_locale() {
    let s = start().await;
    let r = get(&s, "/shell").await;
    assert_eq!(r.status(), StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location(&r), "/shell/");
    let r = get(&s, "/shell/").await;
    assert!(r.status().is_redirection());
    assert_eq!(location(&r), "/shell/ko/mypage/inquiry");
    let r = get(&s, "/shell/en").await;
    assert!(r.status().is_redirection());
    assert_eq!(location(&r), "/shell/en/mypage/inquiry");
    // An unknown locale goes to the default one.
    for path in ["/shell/fr/mypage/inquiry", "/shell/zh-CN/mypage/inquiry/12"] {
        let r = get(&s, path).await;
        assert!(r.status().is_redirection(), "{path}");
        assert_eq!(location(&r), "/shell/ko/mypage/inquiry", "{path}");
    }
}

#[tokio::test]
async fn every_page_of_the_shell_is_its_html_with_the_host_element() {
    let s = start().await;
    for path in [
        "/shell/ko/mypage/inquiry",
        "/shell/en/mypage/inquiry/12",
        "/shell/zh-TW/mypage/inquiry/12/edit",
        "/shell/ko/mypage/inquiry/new?ordNo=1&goodsNo=2",
        "/shell/en/mypage/orders",
    ] {
        let r = get(&s, path).await;
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(
            r.headers()["content-type"],
            "text/html; charset=utf-8",
            "{path}"
        );
        assert_eq!(r.headers()["cache-control"], "no-cache");
        let html = r.text().await.unwrap();
        assert!(
            html.contains("id=\"inquiry-host\""),
            "{path}: the host element"
        );
        assert!(
            html.contains("/inquiry-desk.css"),
            "{path}: the app's stylesheet"
        );
        assert!(html.contains("/shell/shell.js"), "{path}");
    }
}

#[tokio::test]
async fn the_shell_assets_have_their_types_and_the_mount_code() {
    let s = start().await;
    let r = get(&s, "/shell/shell.css").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/css; charset=utf-8");
    let css = r.text().await.unwrap();
    assert!(css.contains("--idk-brand"), "the shell themes the app");
    let r = get(&s, "/shell/shell.js").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    let js = r.text().await.unwrap();
    for needle in [
        "import(\"/inquiry-desk.js\")",
        ".mount(host",
        "token: tokenProvider",
        "inquiry-desk:auth-required",
        "inquiry-desk:route-changed",
    ] {
        assert!(js.contains(needle), "shell.js: {needle}");
    }
}

#[tokio::test]
async fn the_api_next_to_the_shell_is_unchanged() {
    let s = start().await;
    let r = get(&s, "/api/nothing-here").await;
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let (status, _) = s.get_json(&format!("{CS}/getQuestionInit"), MEMBER1).await;
    assert_eq!(status, StatusCode::OK);
}
