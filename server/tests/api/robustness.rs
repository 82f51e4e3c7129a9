//! Malformed requests, user text stored verbatim, CORS, the static SPA.

use crate::common::*;
use reqwest::{multipart::Form, Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn malformed_requests_get_4xx_envelopes_never_5xx() {
    let s = start().await;
    let cs = |p: &str| format!("{CS}/{p}");
    let attempts: Vec<reqwest::RequestBuilder> = vec![
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .header("content-type", "application/json")
            .body("{not json"),
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .body("searchNm=x"),
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .json(&json!({"pageNo": "abc", "pageSize": -1})),
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .json(&json!([1, 2])),
        s.req(Method::POST, &cs("questionSave"), Some(MEMBER1))
            .json(&json!({"ccnTitle": "x"})),
        s.req(Method::POST, &cs("questionSave"), Some(MEMBER1))
            .header("content-type", "multipart/form-data; boundary=xyz")
            .body("--xyz\r\ngarbage"),
        s.req(Method::POST, &cs("questionSave"), Some(MEMBER1))
            .header("Idempotency-Key", "")
            .multipart(Form::new().text("a", "b")),
        s.req(Method::PUT, &cs("questionMod"), Some(MEMBER1))
            .multipart(Form::new().text("ccnNo", "../../x")),
        s.req(
            Method::GET,
            &cs("getQuestion?pageNo=99999999999999999999"),
            Some(MEMBER1),
        ),
        s.req(
            Method::GET,
            &cs("getQuestion?startDt=0000-00-00&endDt=9999-99-99"),
            Some(MEMBER1),
        ),
        s.req(
            Method::GET,
            &cs("getQuestion?startDt=-262144-01-01&endDt=2026-01-01"),
            Some(MEMBER1),
        ),
        s.req(Method::GET, &cs("getQuestionDtl"), Some(MEMBER1)),
        s.req(
            Method::GET,
            &cs("getQuestionDtl?ccnNo=%27%20OR%201=1--"),
            Some(MEMBER1),
        ),
        s.req(
            Method::GET,
            &cs("getQuestionFile?ccnNo=1&fileSeq=-1"),
            Some(MEMBER1),
        ),
        s.req(Method::GET, &cs("getQuestionFile?ccnNo=1"), Some(MEMBER1)),
        s.req(Method::DELETE, &cs("questionDel"), Some(MEMBER1)),
        s.req(Method::POST, &format!("{BO}/questionAns"), Some(COUNSELOR))
            .json(&json!({"ccnNo": null})),
        s.req(
            Method::GET,
            "/api/order/v1/customerservice/noSuchOperation",
            Some(MEMBER1),
        ),
        s.req(Method::PATCH, &cs("getQuestion"), Some(MEMBER1)),
        s.req(Method::GET, &cs("questionSave"), Some(MEMBER1)),
    ];
    for (i, r) in attempts.into_iter().enumerate() {
        let resp = r.send().await.unwrap();
        let status = resp.status();
        let (_, body) = read(resp).await;
        assert!(status.is_client_error(), "attempt {i}: {status} {body}");
        assert_eq!(body["error"], true, "attempt {i}: {body}");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn user_text_is_stored_verbatim_not_interpreted() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let evil = "<img src=x onerror=alert(1)> & \"quotes\" '; DROP TABLE ccn; --";
    let (status, body) = s.save(MEMBER1, base_form(&typ, "<b>굵게</b>", evil)).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, d) = s.detail(MEMBER1, body["payload"].as_str().unwrap()).await;
    assert_eq!(d["payload"]["ccnTitle"], "<b>굵게</b>");
    assert_eq!(d["payload"]["accpCont"], evil);
}

#[tokio::test]
async fn cors_allows_loopback_origins_only() {
    let s = start().await;
    let preflight = |origin: &'static str| {
        s.client
            .request(Method::OPTIONS, s.url(&format!("{CS}/questionSave")))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,idempotency-key",
            )
            .send()
    };
    let ok = preflight("http://127.0.0.1:41234").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "http://127.0.0.1:41234"
    );
    let allowed = ok.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("idempotency-key"));
    let evil = preflight("https://evil.example").await.unwrap();
    assert!(evil.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn static_spa_is_served_with_index_fallback_but_api_404s_stay_json() {
    let spa = tempfile::tempdir().unwrap();
    std::fs::write(
        spa.path().join("index.html"),
        "<!doctype html><title>inquiry-desk</title>",
    )
    .unwrap();
    std::fs::write(spa.path().join("app.js"), "console.log(1)").unwrap();
    let dir = spa.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(dir)).await;
    let index = s.client.get(s.url("/")).send().await.unwrap();
    assert_eq!(index.status(), StatusCode::OK);
    assert!(index.text().await.unwrap().contains("inquiry-desk"));
    let client_route = s
        .client
        .get(s.url("/20261122000001/edit"))
        .send()
        .await
        .unwrap();
    assert!(client_route.text().await.unwrap().contains("inquiry-desk"));
    let js = s.client.get(s.url("/app.js")).send().await.unwrap();
    assert_eq!(js.text().await.unwrap(), "console.log(1)");
    let (status, body) = read(
        s.client
            .get(s.url("/api/order/v1/nope"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
}
