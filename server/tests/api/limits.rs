//! Per-member rate limits: a script with a member's token gets 429 with `Retry-After` (and the
//! seconds in the envelope) once it is over the limit, for every kind of write and for photo
//! downloads; other members and counselors are not slowed down.

use std::num::NonZeroU32;

use inquiry_server::throttle::RateLimits;
use reqwest::{header, Method, StatusCode};

use crate::common::*;

fn small() -> RateLimits {
    RateLimits {
        writes_per_minute: NonZeroU32::new(3),
        photo_downloads_per_minute: NonZeroU32::new(2),
    }
}

fn assert_throttled(status: StatusCode, headers: &header::HeaderMap, body: &serde_json::Value) {
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["code"], "TOO_MANY_REQUESTS");
    let secs: u64 = headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&secs), "{secs}");
    assert_eq!(
        body["payload"]["retryAfterSec"], secs,
        "the same wait in the envelope"
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains(&format!("{secs}초")),
        "{body}"
    );
}

async fn raw(r: reqwest::RequestBuilder) -> (StatusCode, header::HeaderMap, serde_json::Value) {
    let resp = r.send().await.unwrap();
    let (status, headers) = (resp.status(), resp.headers().clone());
    (status, headers, resp.json().await.unwrap_or_default())
}

#[tokio::test]
async fn writes_over_the_limit_are_429_with_the_wait_and_nothing_is_written() {
    let s = start_with(|c| c.rate_limits = small()).await;
    let typ = s.leaf_type(false).await;
    let save = |title: &'static str| {
        s.req(Method::POST, &format!("{CS}/questionSave"), Some(MEMBER1))
            .multipart(base_form(&typ, title, "내용"))
    };
    let (status, _, first) = raw(save("한도 1")).await;
    assert_eq!(status, StatusCode::CREATED);
    let ccn = first["payload"].as_str().unwrap().to_owned();
    // A modify and a delete count as writes too.
    let (status, _, _) = raw(s
        .req(Method::PUT, &format!("{CS}/questionMod"), Some(MEMBER1))
        .multipart(base_form(&typ, "한도 1 수정", "내용").text("ccnNo", ccn.clone())))
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _, _) = raw(save("한도 2")).await;
    assert_eq!(status, StatusCode::CREATED);
    // The fourth write in the minute: refused, whatever it is.
    let (status, headers, body) = raw(save("한도 3")).await;
    assert_throttled(status, &headers, &body);
    let (status, headers, body) = raw(s.req(
        Method::DELETE,
        &format!("{CS}/questionDel?ccnNo={ccn}"),
        Some(MEMBER1),
    ))
    .await;
    assert_throttled(status, &headers, &body);
    let found = s.list(MEMBER1, "searchWord=한도 3").await;
    assert_eq!(
        found["payload"]["pagination"]["totalElements"], 0,
        "nothing written"
    );
    let (_, detail) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(detail["payload"]["ccnNo"], ccn, "not deleted");
    // Another member is not slowed down.
    let (status, _) = s.save(MEMBER2, base_form(&typ, "다른 회원", "내용")).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn photo_download_bursts_are_limited_for_members_not_counselors() {
    let s = start_with(|c| c.rate_limits = small()).await;
    let typ = s.leaf_type(false).await;
    let form = base_form(&typ, "사진", "내용").part(
        "atchFiles",
        file_part("a.png", png_bytes(8, 8), "image/png"),
    );
    let (_, saved) = s.save(MEMBER1, form).await;
    let ccn = saved["payload"].as_str().unwrap().to_owned();
    let url = format!("{CS}/getQuestionFile?ccnNo={ccn}&fileSeq=1");
    for _ in 0..2 {
        let r = s.get(&url, MEMBER1).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let (status, headers, body) = raw(s.get(&url, MEMBER1)).await;
    assert_throttled(status, &headers, &body);
    for _ in 0..5 {
        let r = s.get(&url, COUNSELOR).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "counselors read photos freely");
    }
}
