//! `getQuestionDtl`: the thread, goods, order and photos.

use crate::common::*;
use crate::year_query;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn detail_has_thread_goods_order_and_downloadable_photos() {
    let s = start().await;
    // Find an answered inquiry with photos and goods.
    let body = s
        .list(
            MEMBER1,
            &format!("{}&ccnStatCd=30&pageSize=30", year_query()),
        )
        .await;
    let mut rows: Vec<Value> = body["payload"]["content"].as_array().unwrap().clone();
    for page in 2..=body["payload"]["pagination"]["totalPages"]
        .as_u64()
        .unwrap()
    {
        let more = s
            .list(
                MEMBER1,
                &format!("{}&ccnStatCd=30&pageSize=30&pageNo={page}", year_query()),
            )
            .await;
        rows.extend(
            more["payload"]["content"]
                .as_array()
                .unwrap()
                .iter()
                .cloned(),
        );
    }
    let row = rows
        .iter()
        .find(|r| r["atchFileCnt"].as_u64().unwrap() > 0 && r["goodsNo"].is_string())
        .expect("seed has answered inquiries with photos");
    let ccn = row["ccnNo"].as_str().unwrap();
    let (status, d) = s.detail(MEMBER1, ccn).await;
    assert_eq!(status, StatusCode::OK);
    let p = &d["payload"];
    assert_eq!(p["ccnStatCd"], "30");
    assert!(p["ansDtm"].as_str().unwrap() >= p["accpDtm"].as_str().unwrap());
    let replies = p["replies"].as_array().unwrap();
    assert!(!replies.is_empty());
    assert_eq!(replies[0]["ansTypCd"], "COUNSELOR");
    assert_eq!(replies[0]["ansTypNm"], "상담원");
    assert!(replies[0]["ansrNm"].as_str().unwrap().len() > 1);
    assert!(p["goods"]["goodsNm"].is_string() && p["goods"]["itmNm"].is_string());
    assert!(p["ordNo"].is_string() && p["ordDtm"].is_string());
    assert!(p["ordDtm"].as_str().unwrap() <= p["accpDtm"].as_str().unwrap());
    let file = &p["atchFiles"][0];
    let url = file["fileUrl"].as_str().unwrap();
    // The photo needs the owner's token...
    let anon = s.client.get(s.url(url)).send().await.unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
    let other = s
        .client
        .get(s.url(url))
        .bearer_auth(MEMBER2)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let mine = s
        .client
        .get(s.url(url))
        .bearer_auth(MEMBER1)
        .send()
        .await
        .unwrap();
    assert_eq!(mine.status(), StatusCode::OK);
    assert_eq!(mine.headers()["content-type"], "image/png");
    assert_eq!(mine.headers()["x-content-type-options"], "nosniff");
    assert_eq!(mine.headers()["cache-control"], "private, max-age=300");
    let bytes = mine.bytes().await.unwrap();
    assert_eq!(bytes.len() as u64, file["fileSize"].as_u64().unwrap());
    // ...or a counselor's.
    let bo = s
        .client
        .get(s.url(url))
        .bearer_auth(COUNSELOR)
        .send()
        .await
        .unwrap();
    assert_eq!(bo.status(), StatusCode::OK);
}

/// What the SPA's live pages rely on: the same answer again is a 304 with no body; an answer
/// from a counselor changes the ETag, so the next check gets the new inquiry.
#[tokio::test]
async fn a_read_again_is_304_until_a_counselor_changes_the_inquiry() {
    let s = start().await;
    let ccn = s.any_with_status(MEMBER1, "10").await;
    let path = format!("{CS}/getQuestionDtl?ccnNo={ccn}");
    let first = s.get(&path, MEMBER1).send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["cache-control"], "no-store");
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");

    let again = s
        .get(&path, MEMBER1)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(again.headers()["etag"].to_str().unwrap(), etag);
    assert!(again.bytes().await.unwrap().is_empty(), "a 304 has no body");

    let (status, _) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            serde_json::json!({"ccnNo": ccn, "ansCont": "확인했습니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let after = s
        .get(&path, MEMBER1)
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::OK, "answered: the new inquiry");
    assert_ne!(after.headers()["etag"].to_str().unwrap(), etag);
    let (_, body) = read(after).await;
    assert_eq!(body["payload"]["ccnStatCd"], "30");

    // Another member's ETag guess gets the 404 envelope, never a 304.
    let other = s
        .get(&path, "demo-member-2")
        .header("If-None-Match", "*")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
}
