//! Who may do what: tokens, the session cookie, and another member's inquiry (404).

use crate::common::*;
use crate::year_query;
use reqwest::{Method, StatusCode};

#[tokio::test]
async fn missing_or_unknown_token_is_401_on_every_operation() {
    let s = start().await;
    let ops: Vec<(Method, String)> = vec![
        (Method::GET, format!("{CS}/getQuestion")),
        (Method::GET, format!("{CS}/getQuestionInit")),
        (Method::GET, format!("{CS}/getQuestionDtl?ccnNo=1")),
        (Method::POST, format!("{CS}/getGoodsList")),
        (Method::POST, format!("{CS}/questionSave")),
        (Method::PUT, format!("{CS}/questionMod")),
        (Method::DELETE, format!("{CS}/questionDel?ccnNo=1")),
        (
            Method::GET,
            format!("{CS}/getQuestionFile?ccnNo=1&fileSeq=1"),
        ),
        (
            Method::GET,
            "/api/order/v1/customer/getOrderClaimGoodsList".into(),
        ),
        (Method::GET, format!("{BO}/getQuestionList")),
        (Method::GET, format!("{BO}/getQuestionDtl?ccnNo=1")),
        (Method::POST, format!("{BO}/questionProc")),
        (Method::POST, format!("{BO}/questionAns")),
    ];
    for (method, path) in ops {
        for token in [None, Some("not-a-real-token")] {
            let resp = s.req(method.clone(), &path, token).send().await.unwrap();
            assert_eq!(
                resp.headers()["www-authenticate"],
                "Bearer",
                "{method} {path}"
            );
            let (status, body) = read(resp).await;
            assert_error(status, &body, StatusCode::UNAUTHORIZED, None);
            assert_eq!(body["code"], "UNAUTHORIZED");
        }
    }
    // Roles: a member can't use the back office, a counselor isn't a customer.
    let (status, body) = s.get_json(&format!("{BO}/getQuestionList"), MEMBER1).await;
    assert_error(status, &body, StatusCode::FORBIDDEN, None);
    let (status, body) = s.get_json(&format!("{CS}/getQuestion"), COUNSELOR).await;
    assert_error(status, &body, StatusCode::FORBIDDEN, None);
}

#[tokio::test]
async fn a_session_cookie_counts_only_with_the_inquiry_desk_header() {
    let s = start().await;
    let init = format!("{CS}/getQuestionInit");
    let with_cookie = |cookie: &str, marked: bool| {
        let rb = s
            .client
            .get(s.url(&init))
            .header("Cookie", format!("theme=dark; inquiry_session={cookie}"));
        if marked {
            rb.header("X-Requested-With", "inquiry-desk")
        } else {
            rb
        }
    };
    let (status, body) = read(with_cookie(MEMBER1, true).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["mbrNo"], "M0001");
    // A cross-site form can carry the cookie but not the header: not authenticated.
    let (status, body) = read(with_cookie(MEMBER1, false).send().await.unwrap()).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, None);
    let (status, body) = read(with_cookie("not-a-real-token", true).send().await.unwrap()).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, None);
    // The cookie session is the same member as the bearer token: their inquiries, 404 for others'.
    let other = s.any_with_status(MEMBER2, "10").await;
    let resp = s
        .client
        .get(s.url(&format!("{CS}/getQuestionDtl?ccnNo={other}")))
        .header("Cookie", format!("inquiry_session={MEMBER1}"))
        .header("X-Requested-With", "inquiry-desk")
        .send()
        .await
        .unwrap();
    let (status, body) = read(resp).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    // A cross-origin page may send the header (and cookies) only from an allowed origin.
    let preflight = s
        .client
        .request(Method::OPTIONS, s.url(&init))
        .header("Origin", "http://127.0.0.1:41234")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "x-requested-with")
        .send()
        .await
        .unwrap();
    assert_eq!(
        preflight.headers()["access-control-allow-credentials"],
        "true"
    );
    assert!(preflight.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase()
        .contains("x-requested-with"));
}

#[tokio::test]
async fn another_members_inquiry_is_404_on_every_operation() {
    let s = start().await;
    let theirs = s.any_with_status(MEMBER1, "10").await;
    let typ = s.leaf_type(false).await;
    let (status, body) = s.detail(MEMBER2, &theirs).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let form = base_form(&typ, "남의 문의 수정", "안 됩니다").text("ccnNo", theirs.clone());
    let (status, body) = s.modify(MEMBER2, form).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, body) = s.delete(MEMBER2, &theirs).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, body) = s
        .get_json(
            &format!("{CS}/getQuestionFile?ccnNo={theirs}&fileSeq=1"),
            MEMBER2,
        )
        .await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    // Not in their list either.
    let list = s
        .list(MEMBER2, &format!("{}&pageSize=30", year_query()))
        .await;
    assert!(!list.to_string().contains(&theirs));
    // And the owner's inquiry is untouched.
    let (status, d) = s.detail(MEMBER1, &theirs).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(d["payload"]["ccnTitle"], "남의 문의 수정");
    // Unknown numbers are the same 404.
    let (status, unknown) = s.detail(MEMBER2, "99999999999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(unknown["message"], body["message"]);
}
