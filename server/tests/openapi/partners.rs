//! The contract on the partners' side: the seller API (Coupang's envelope) with the BO
//! transfer that feeds it, a rate-limited answer, and the store's integration API.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{common::*, spec, Contract};

/// The seller side: the BO transfer (x2bee envelope) and the Coupang-style seller API (its own
/// envelope), success and errors.
#[tokio::test]
async fn seller_responses_conform_to_the_spec() {
    let spec = spec();
    let c = Contract {
        components: spec["components"].clone(),
    };
    let s = start().await;
    let (ord_no, goods_no, itm_no) = s.ordered_goods(MEMBER1).await;
    let form = base_form("3030", "이관 계약", "옵션이 달라요")
        .text("goodsNo", goods_no)
        .text("itmNo", itm_no)
        .text("ordNo", ord_no);
    let (_, b) = s.save(MEMBER1, form).await;
    let ccn = b["payload"].as_str().unwrap().to_owned();
    let trns = |need: &'static str, ccn: String| {
        let s = &s;
        async move {
            s.post_json(
                &format!("{BO}/questionTrns"),
                COUNSELOR,
                json!({"ccnNo": ccn, "needAnsYn": need, "trnsNote": "확인 부탁드립니다."}),
            )
            .await
        }
    };
    let (st, b) = trns("N", ccn.clone()).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.response("boQuestionTrns", st, &b);
    let (st, b) = trns("Y", ccn.clone()).await;
    assert_eq!(st, StatusCode::OK, "{b}");
    c.response("boQuestionTrns", st, &b);
    let (st, b) = trns("Y", ccn.clone()).await;
    assert_eq!(st, StatusCode::CONFLICT);
    c.response("boQuestionTrns", st, &b);
    let vendor = b["payload"]["trns"]["vendorId"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, _, access, secret) = *inquiry_server::seed::DEMO_VENDORS
        .iter()
        .find(|v| v.0 == vendor)
        .unwrap();
    let (st, b) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert!(b["payload"]["trns"].is_object());
    c.response("boGetQuestionDtl", st, &b);

    let v = "/v2/providers/openapi/apis/api";
    let call = |method: Method, path: String, body: Option<Value>| {
        let s = &s;
        async move {
            let auth = cea_header(access, secret, method.as_str(), &path, chrono::Utc::now());
            let mut r = s
                .client
                .request(method, s.url(&path))
                .header("authorization", auth);
            if let Some(b) = body {
                r = r.json(&b);
            }
            read(r.send().await.unwrap()).await
        }
    };
    let end = chrono::Utc::now()
        .with_timezone(&inquiry_server::config::kst())
        .date_naive();
    let week = format!(
        "inquiryStartAt={}&inquiryEndAt={end}",
        end - chrono::Duration::days(7)
    );
    for status in ["NONE", "NO_ANSWER", "TRANSFER", "ANSWER"] {
        let (st, b) = call(
            Method::GET,
            format!("{v}/v5/vendors/{vendor}/callCenterInquiries?vendorId={vendor}&partnerCounselingStatus={status}&pageSize=30&{week}"),
            None,
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{b}");
        c.check("callCenterInquiriesResponse", &b, status);
    }
    let (st, b) = call(
        Method::GET,
        format!("{v}/v5/vendors/{vendor}/callCenterInquiries?vendorId={vendor}&partnerCounselingStatus=NONE"),
        None,
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.check("CallCenterErrorResponse", &b, "list 400");
    let (st, b) = call(
        Method::GET,
        format!("{v}/v5/vendors/callCenterInquiries/{ccn}"),
        None,
    )
    .await;
    assert_eq!(st, StatusCode::OK);
    c.check("callCenterInquiryResponse", &b, "single");
    let parent = b["data"]["replies"][0]["answerId"].clone();
    let reply = format!("{v}/v4/vendors/{vendor}/callCenterInquiries/{ccn}/replies");
    let body = json!({"vendorId": vendor, "inquiryId": ccn, "content": "확인해 교환해 드리겠습니다.", "replyBy": "wing01", "parentAnswerId": parent});
    let (st, b) = call(Method::POST, reply.clone(), Some(body.clone())).await;
    assert_eq!(st, StatusCode::OK);
    c.check("CallCenterWriteResponse", &b, "reply");
    let (st, b) = call(Method::POST, reply, Some(body)).await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.check("CallCenterErrorResponse", &b, "reply 400");
    let (st, b) = call(
        Method::POST,
        format!("{v}/v4/vendors/{vendor}/callCenterInquiries/{ccn}/confirms"),
        Some(json!({"confirmBy": "wing01"})),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.check("CallCenterErrorResponse", &b, "confirm 400");
    let (st, b) = read(
        s.client
            .get(s.url(&format!("{v}/v5/vendors/callCenterInquiries/{ccn}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    c.check("CallCenterErrorResponse", &b, "401");
}

/// A 429 is in the spec's error envelope, with its RetryAfter payload.
#[tokio::test]
async fn a_rate_limited_answer_conforms_to_the_spec() {
    let spec = spec();
    let c = Contract {
        components: spec["components"].clone(),
    };
    let s = start_with(|c| {
        c.rate_limits = inquiry_server::throttle::RateLimits {
            writes_per_minute: std::num::NonZeroU32::new(1),
            photo_downloads_per_minute: None,
        }
    })
    .await;
    let typ = s.leaf_type(false).await;
    let (st, _) = s.save(MEMBER1, base_form(&typ, "한 번", "내용")).await;
    assert_eq!(st, StatusCode::CREATED);
    let (st, b) = s.save(MEMBER1, base_form(&typ, "두 번", "내용")).await;
    assert_eq!(st, StatusCode::TOO_MANY_REQUESTS);
    c.response("questionSave", st, &b);
}

/// The integration API: a batch with refused items, the key operations, and refusals.
#[tokio::test]
async fn integration_responses_conform_to_the_spec() {
    let spec = spec();
    let c = Contract {
        components: spec["components"].clone(),
    };
    const KEY: &str = "contract-integration-key";
    let s =
        start_with(|c| c.integration_key = Some(inquiry_server::config::Secret::new(KEY))).await;
    let i = "/api/integration/v1";
    let call = |method: Method, path: String, key: &'static str, body: Option<Value>| {
        let mut r = s.req(method, &path, Some(key));
        if let Some(b) = body {
            r = r.json(&b);
        }
        async move { read(r.send().await.unwrap()).await }
    };
    for (kind, items) in [
        (
            "sellers",
            json!([{"vendorId": "A00055001", "vendorNm": "계약 셀러"}, {"vendorId": "", "vendorNm": ""}]),
        ),
        (
            "goods",
            json!([{"goodsNo": "CG-1", "goodsNm": "계약 상품", "salePrc": 1000, "vendorId": "A00055001",
            "imgUrl": "https://cdn.example.com/c.jpg", "options": [{"itmNo": "1", "itmNm": "기본"}]}, 7]),
        ),
        (
            "members",
            json!([{"mbrNo": "CM-1", "mbrNm": "계약 회원", "langCd": "en"}]),
        ),
        (
            "orders",
            json!([{"ordNo": "CO-1", "mbrNo": "CM-1", "ordDtm": "2026-12-01T10:00:00+09:00",
            "lines": [{"goodsNo": "CG-1", "itmNo": "1"}]}, {"ordNo": "CO-2", "mbrNo": "nobody", "ordDtm": "x", "lines": []}]),
        ),
    ] {
        let (st, b) = call(
            Method::POST,
            format!("{i}/{kind}"),
            KEY,
            Some(json!({"items": items})),
        )
        .await;
        assert_eq!(st, StatusCode::OK, "{b}");
        c.response("integrationUpsert", st, &b);
    }
    let (st, b) = call(
        Method::POST,
        format!("{i}/members"),
        MEMBER1,
        Some(json!({"items": []})),
    )
    .await;
    assert_eq!(st, StatusCode::UNAUTHORIZED);
    c.response("integrationUpsert", st, &b);
    let (st, b) = call(
        Method::POST,
        format!("{i}/coupons"),
        KEY,
        Some(json!({"items": []})),
    )
    .await;
    c.response("integrationUpsert", st, &b);

    let keys = format!("{i}/sellers/A00055001/keys");
    let (st, b) = call(Method::POST, keys.clone(), KEY, None).await;
    assert_eq!(st, StatusCode::CREATED);
    c.response("integrationIssueSellerKey", st, &b);
    let (st, b) = call(
        Method::POST,
        format!("{keys}/rotate"),
        KEY,
        Some(json!({"graceHours": 1})),
    )
    .await;
    c.response("integrationIssueSellerKey", st, &b);
    let access = b["payload"]["accessKey"].as_str().unwrap().to_owned();
    let (st, b) = call(
        Method::POST,
        format!("{keys}/rotate"),
        KEY,
        Some(json!({"graceHours": 9999})),
    )
    .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.response("integrationIssueSellerKey", st, &b);
    let (st, b) = call(Method::DELETE, format!("{keys}/{access}"), KEY, None).await;
    c.response("integrationRevokeSellerKey", st, &b);
    let (st, b) = call(Method::DELETE, format!("{keys}/{access}"), KEY, None).await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    c.response("integrationRevokeSellerKey", st, &b);
    let (st, b) = call(Method::GET, keys, KEY, None).await;
    assert_eq!(b["payload"].as_array().unwrap().len(), 2);
    c.response("integrationListSellerKeys", st, &b);
    for status in [StatusCode::OK, StatusCode::NOT_FOUND] {
        let (st, b) = call(Method::DELETE, format!("{i}/members/CM-1"), KEY, None).await;
        assert_eq!(st, status, "{b}");
        c.response("integrationForgetMember", st, &b);
    }
}
