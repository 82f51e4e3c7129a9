//! Sellers' existing Coupang integrations, pointed here, work unchanged: a published Coupang
//! client (`coupang` 1.4.2 from PyPI, with its own signer and its own response parsing) lists
//! on the v4 and v5 paths, replies and confirms; every seller-API answer, errors included, is
//! `application/json;charset=UTF-8`; unknown paths are JSON 404s, never the SPA's page.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    common::{read, start_with, TestServer, BO, COUNSELOR},
    sellers::{call, find, inquiry_about_goods, list_path, this_week, transferred, Seller, V},
};

/// Runs the published client (off the test's runtime, which serves the requests): its return
/// value (`null` when it gave up) and how many HTTP requests it sent. `None` (skipped) when no
/// venv is named and services are not required.
async fn coupang_client(
    s: &TestServer,
    seller: Seller,
    command: &str,
    args: Value,
) -> Option<(Value, usize)> {
    let (base, command) = (s.url(""), command.to_owned());
    tokio::task::spawn_blocking(move || run_client(&base, seller, &command, args))
        .await
        .unwrap()
}

fn run_client(base: &str, seller: Seller, command: &str, args: Value) -> Option<(Value, usize)> {
    let python = match std::env::var("INQUIRY_TEST_PYTHON") {
        Ok(p) => p,
        Err(_) if crate::common::services_required() => {
            panic!(
                "INQUIRY_TEST_PYTHON is not set, and INQUIRY_TEST_REQUIRE_SERVICES says it must be"
            )
        }
        Err(_) => {
            eprintln!("the published Coupang client: skipped (set INQUIRY_TEST_PYTHON, as cargo xtask test does)");
            return None;
        }
    };
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/clients/coupang_client.py"
    );
    let out = std::process::Command::new(python)
        .args([
            script,
            base,
            seller.access,
            seller.secret,
            command,
            &args.to_string(),
        ])
        .output()
        .expect("the venv's python");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let sent = stderr
        .lines()
        .find_map(|l| l.strip_prefix("requests sent: "))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    let result = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    Some((result, sent))
}

fn week_query(vendor_id: &str, status: &str) -> Value {
    let end = crate::today();
    json!({
        "vendorId": vendor_id,
        "inquiryStartAt": (end - chrono::Duration::days(7)).to_string(),
        "inquiryEndAt": end.to_string(),
        "partnerCounselingStatus": status,
    })
}

#[tokio::test]
async fn a_published_coupang_client_lists_replies_and_confirms_unchanged() {
    let s = start_with(|_| {}).await;
    let ccn = inquiry_about_goods(&s, "쿠팡 클라이언트 답변").await;
    let seller = transferred(&s, &ccn, "Y").await;

    // The v4 list (the library's own call) and the v5 list answer the same.
    let Some((v4, sent)) =
        coupang_client(&s, seller, "list4", week_query(seller.id, "NO_ANSWER")).await
    else {
        return;
    };
    assert_eq!(sent, 1, "one request, parsed on the first try: {v4}");
    assert_eq!(v4["code"], 200, "{v4}");
    let item = find(&v4, &ccn).expect("the transfer, listed on v4");
    let parent = item["replies"][0]["answerId"].as_i64().unwrap();
    let (v5, sent) = coupang_client(&s, seller, "list5", week_query(seller.id, "NO_ANSWER"))
        .await
        .unwrap();
    assert_eq!(sent, 1);
    assert_eq!(v5, v4, "v4 and v5 answer alike");

    // Its reply is accepted and parsed on the first request: no retry refused as a second reply.
    let reply = json!({"vendorId": seller.id, "inquiryId": ccn.parse::<i64>().unwrap(),
        "content": "확인해 보니 옵션이 바뀌어 발송되었습니다. 교환해 드리겠습니다.",
        "replyBy": "wing-lee", "parentAnswerId": parent});
    let (done, sent) = coupang_client(&s, seller, "reply", reply).await.unwrap();
    assert_eq!(done, json!({"code": "200", "message": "OK"}));
    assert_eq!(sent, 1, "a retry would be refused as a second reply");
    let (status, detail) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        detail.to_string().contains("옵션이 바뀌어 발송되었습니다"),
        "{detail}"
    );

    // A confirm-only transfer, confirmed through the library.
    let ccn2 = inquiry_about_goods(&s, "쿠팡 클라이언트 확인").await;
    let (status, _) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn2, "ansCont": "회수 접수했습니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let seller2 = transferred(&s, &ccn2, "N").await;
    let (listed, _) = coupang_client(&s, seller2, "list4", week_query(seller2.id, "TRANSFER"))
        .await
        .unwrap();
    assert!(find(&listed, &ccn2).is_some(), "{listed}");
    let (done, sent) = coupang_client(
        &s,
        seller2,
        "confirm",
        json!({"vendorId": seller2.id, "inquiryId": ccn2, "confirmBy": "wing-lee"}),
    )
    .await
    .unwrap();
    assert_eq!((done, sent), (json!({"code": "200", "message": "OK"}), 1));
    let (_, listed) = call(
        &s,
        seller2,
        Method::GET,
        &list_path(
            seller2.id,
            &format!("partnerCounselingStatus=TRANSFER&{}", this_week()),
        ),
        None,
    )
    .await;
    assert!(
        find(&listed, &ccn2).is_none(),
        "confirmed: no longer awaiting"
    );
}

const COUPANG_JSON: &str = "application/json;charset=UTF-8";

async fn raw(
    s: &TestServer,
    method: Method,
    path: &str,
    auth: Option<String>,
) -> (StatusCode, String, Value) {
    let mut r = s.client.request(method, s.url(path));
    if let Some(a) = auth {
        r = r.header("authorization", a);
    }
    let r = r.send().await.unwrap();
    let ct = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let (status, body) = read(r).await;
    (status, ct, body)
}

#[tokio::test]
async fn every_seller_answer_is_coupangs_json_and_unknown_paths_are_json_404s() {
    // With the SPA served, so a path nobody routes would otherwise get its page.
    let spa = tempfile::tempdir().unwrap();
    std::fs::write(
        spa.path().join("index.html"),
        "<!doctype html><title>SPA</title>",
    )
    .unwrap();
    let spa_dir = spa.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(spa_dir)).await;
    let ccn = inquiry_about_goods(&s, "콘텐츠 타입").await;
    let seller = transferred(&s, &ccn, "Y").await;
    let sign = |method: &str, path: &str| {
        Some(crate::common::cea_header(
            seller.access,
            seller.secret,
            method,
            path,
            chrono::Utc::now(),
        ))
    };

    // Success, on v5 and v4 alike.
    let v5 = list_path(
        seller.id,
        &format!("partnerCounselingStatus=NO_ANSWER&{}", this_week()),
    );
    let v4 = v5.replace("/v5/", "/v4/");
    let (status, ct, five) = raw(&s, Method::GET, &v5, sign("GET", &v5)).await;
    assert_eq!((status, ct.as_str()), (StatusCode::OK, COUPANG_JSON));
    let (status, ct, four) = raw(&s, Method::GET, &v4, sign("GET", &v4)).await;
    assert_eq!((status, ct.as_str()), (StatusCode::OK, COUPANG_JSON));
    assert_eq!(four, five);

    // Refusals: unsigned, a bad query, a path that does not parse, a method the path lacks.
    let cases = [
        (Method::GET, v5.clone(), None, StatusCode::UNAUTHORIZED),
        (
            Method::GET,
            list_path(seller.id, "inquiryStartAt=yesterday"),
            Some(()),
            StatusCode::BAD_REQUEST,
        ),
        (
            Method::DELETE,
            v5.clone(),
            Some(()),
            StatusCode::METHOD_NOT_ALLOWED,
        ),
        (
            Method::GET,
            format!("{V}/v4/vendors/{}/callCenterInquiries/replies", seller.id),
            Some(()),
            StatusCode::NOT_FOUND,
        ),
        (
            Method::GET,
            "/v2/providers/openapi/apis/api/v9/nothing".to_owned(),
            None,
            StatusCode::NOT_FOUND,
        ),
        (
            Method::POST,
            "/v2/providers/seller_api/apis/api/v1/marketplace/seller-products".to_owned(),
            None,
            StatusCode::NOT_FOUND,
        ),
    ];
    for (method, path, signed, want) in cases {
        let auth = signed.and_then(|_| sign(method.as_str(), &path));
        let (status, ct, body) = raw(&s, method.clone(), &path, auth).await;
        assert_eq!(status, want, "{method} {path}: {body}");
        assert_eq!(ct, COUPANG_JSON, "{method} {path}");
        assert_eq!(body["code"], want.as_u16(), "{method} {path}: {body}");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{body}"
        );
    }

    // Under /api/: our envelope, for any method.
    for method in [Method::GET, Method::POST, Method::PATCH] {
        let (status, ct, body) = raw(
            &s,
            method.clone(),
            "/api/order/v1/customerservice/nothing",
            None,
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method}");
        assert!(ct.starts_with("application/json"), "{method}: {ct}");
        assert_eq!(body["code"], "NOT_FOUND", "{body}");
    }
    // And the SPA still answers its own routes.
    let r = s.client.get(s.url("/mypage/inquiry")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("<title>SPA</title>"));
}
