//! `getGoodsList` and `getOrderClaimGoodsList`.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn goods_search_and_recent_order_goods() {
    let s = start().await;
    let (_, all) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": "", "pageNo": 1, "pageSize": 5}),
        )
        .await;
    let first = &all["payload"]["content"][0];
    assert!(
        first["items"].as_array().unwrap().len() >= 2,
        "goods come with options"
    );
    assert!(first["salePrc"].as_i64().unwrap() > 0);
    let word: String = first["goodsNm"].as_str().unwrap().chars().take(3).collect();
    let (status, found) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": word, "pageNo": "1", "pageSize": 30}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let hits = found["payload"]["content"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|g| g["goodsNm"].as_str().unwrap().contains(&word)
            || g["brandNm"].as_str().unwrap().contains(&word)));
    let (status, none) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": "존재하지않는상품명xyz"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(none["payload"]["pagination"]["totalElements"], 0);
    let (status, body) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"pageSize": 31}),
        )
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("pageSize", "INVALID_PAGE_SIZE")),
    );

    let (status, orders) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            MEMBER1,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let rows = orders["payload"]["content"].as_array().unwrap();
    assert!(rows.len() >= 10);
    let times: Vec<_> = rows
        .iter()
        .map(|r| r["ordDtm"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest order first");
    let (_, theirs) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            MEMBER2,
        )
        .await;
    let mine: std::collections::HashSet<_> =
        rows.iter().map(|r| r["ordNo"].as_str().unwrap()).collect();
    assert!(theirs["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| !mine.contains(r["ordNo"].as_str().unwrap())));
}
