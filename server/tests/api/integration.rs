//! The integration API: the store feeds sellers, goods, members and orders in batches, with
//! an error per refused item and no harm in sending a batch twice; what it feeds is what the
//! SPA's pickers and the console show; sellers' keys are issued, rotated and revoked.

use std::sync::Arc;

use inquiry_server::{
    config::Secret,
    identity::{demo::DemoIssuer, Identity, JwtConfig, JwtVerifier, KeySource},
};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    common::{
        base_form, cea_header, read, start, start_with, TestServer, BO, COUNSELOR, CS, MEMBER1,
    },
    sellers::{this_week, V},
    today,
};

const KEY: &str = "integration-key-for-the-tests-0123456789";
const SECRET: &[u8] = b"the store's HS256 secret, 32+ bytes long";
const I: &str = "/api/integration/v1";

async fn feed_server() -> TestServer {
    start_with(|c| {
        c.integration_key = Some(Secret::new(KEY));
        let jwt = JwtConfig::new(KeySource::Hs256(SECRET.to_vec()));
        c.identity = Arc::new(Identity::new(
            Some(JwtVerifier::new(jwt)),
            Some(DemoIssuer::generate()),
        ));
    })
    .await
}

async fn send(
    s: &TestServer,
    method: Method,
    path: &str,
    key: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut r = s.req(method, path, Some(key));
    if let Some(b) = body {
        r = r.json(&b);
    }
    read(r.send().await.unwrap()).await
}

async fn upsert(s: &TestServer, kind: &str, items: Value) -> Value {
    let (status, body) = send(
        s,
        Method::POST,
        &format!("{I}/{kind}"),
        KEY,
        Some(json!({"items": items})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["payload"].clone()
}

fn member_token(mbr_no: &str) -> String {
    let claims = json!({"sub": mbr_no, "exp": chrono::Utc::now().timestamp() + 300});
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(SECRET),
    )
    .unwrap()
}

fn catalog() -> (Value, Value, Value, Value) {
    let sellers = json!([{"vendorId": "A00099001", "vendorNm": "스토어 셀러"}]);
    let goods = json!([
        {"goodsNo": "SHOP-G-1", "goodsNm": "리넨 셔츠 스토어판", "brandNm": "스토어브랜드", "categoryNm": "의류",
         "salePrc": 45000, "imgUrl": "https://cdn.shop.example.com/g1.jpg", "vendorId": "A00099001",
         "saleStartDt": "2026-01-01", "saleEndDt": "2099-12-31",
         "options": [{"itmNo": "S", "itmNm": "S / 아이보리"}, {"itmNo": "M", "itmNm": "M / 아이보리", "vendorItemId": 7700000001_i64}]},
        {"goodsNo": "SHOP-G-2", "goodsNm": "단종된 머그컵", "salePrc": 9000, "saleEndDt": "2020-12-31",
         "options": [{"itmNo": "ONE", "itmNm": "단일"}]},
        {"goodsNo": "SHOP-G-3", "goodsNm": "이상한 상품", "salePrc": -1, "vendorId": "NOPE"},
        {"goodsNo": "SHOP-G-4", "goodsNm": "모르는 판매자", "salePrc": 1, "vendorId": "A00099999"},
        {"goodsNo": "SHOP-G-5", "goodsNm": "남의 옵션 번호", "salePrc": 1,
         "options": [{"itmNo": "A", "itmNm": "A", "vendorItemId": 7700000001_i64}]},
    ]);
    let members = json!([
        {"mbrNo": "SHOP-M-1", "mbrNm": "최스토어", "mbrPhone": "010-5555-0101", "mbrEmail": "m1@shop.example.com", "langCd": "ko"},
        {"mbrNo": "SHOP-M-2", "mbrNm": "", "mbrEmail": "not-an-email"},
        {"mbrNo": "SHOP-M-3", "mbrNm": "정언어", "langCd": "fr"},
    ]);
    let orders = json!([
        {"ordNo": "SHOP-O-1", "mbrNo": "SHOP-M-1", "ordDtm": format!("{}T10:15:00+09:00", today() - chrono::Duration::days(2)),
         "lines": [{"goodsNo": "SHOP-G-1", "itmNo": "M", "ordQty": 2, "ordAmt": 90000},
                   {"goodsNo": "SHOP-G-2", "itmNo": "ONE", "ordAmt": 9000}]},
        {"ordNo": "SHOP-O-2", "mbrNo": "SHOP-M-404", "ordDtm": "2026-12-01T10:00:00+09:00", "lines": [{"goodsNo": "SHOP-G-1", "itmNo": "S"}]},
        {"ordNo": "SHOP-O-3", "mbrNo": "SHOP-M-1", "ordDtm": "yesterday", "lines": []},
        {"ordNo": "SHOP-O-4", "mbrNo": "SHOP-M-1", "ordDtm": "2026-12-01T10:00:00+09:00", "lines": [{"goodsNo": "SHOP-G-1", "itmNo": "XL"}]},
        "not an object",
    ]);
    (sellers, goods, members, orders)
}

fn codes(result: &Value, index: usize) -> Vec<String> {
    let e = result["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["index"] == index)
        .unwrap_or_else(|| panic!("no error for {index}: {result}"));
    e["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                f["field"].as_str().unwrap(),
                f["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[tokio::test]
async fn a_stores_batches_upsert_report_each_refusal_and_show_where_customers_look() {
    let s = feed_server().await;
    let (sellers, goods, members, orders) = catalog();
    for _ in 0..2 {
        // Sent twice, as a retry would: the same outcome, no duplicates.
        assert_eq!(upsert(&s, "sellers", sellers.clone()).await["upserted"], 1);
        let g = upsert(&s, "goods", goods.clone()).await;
        assert_eq!(
            (g["upserted"].as_u64(), g["rejected"].as_u64()),
            (Some(2), Some(3)),
            "{g}"
        );
        assert_eq!(codes(&g, 2), ["salePrc:INVALID"]);
        assert_eq!(codes(&g, 4), ["options[0].vendorItemId:DUPLICATE"]);
        assert_eq!(codes(&g, 3), ["vendorId:UNKNOWN_SELLER"]);
        assert_eq!(g["errors"][1]["key"], "SHOP-G-4");
        let m = upsert(&s, "members", members.clone()).await;
        assert_eq!(
            (m["upserted"].as_u64(), m["rejected"].as_u64()),
            (Some(1), Some(2)),
            "{m}"
        );
        assert_eq!(codes(&m, 1), ["mbrNm:REQUIRED", "mbrEmail:INVALID"]);
        assert_eq!(codes(&m, 2), ["langCd:INVALID"]);
        let o = upsert(&s, "orders", orders.clone()).await;
        assert_eq!(
            (o["upserted"].as_u64(), o["rejected"].as_u64()),
            (Some(1), Some(4)),
            "{o}"
        );
        assert_eq!(codes(&o, 1), ["mbrNo:UNKNOWN_MEMBER"]);
        assert_eq!(codes(&o, 2), ["ordDtm:INVALID_DATE", "lines:REQUIRED"]);
        assert_eq!(codes(&o, 3), ["lines[0].itmNo:UNKNOWN_GOODS"]);
        assert_eq!(codes(&o, 4), [":INVALID_ITEM"]);
    }

    // The fed member signs in with the store's token and sees its order's goods in the picker.
    let token = member_token("SHOP-M-1");
    let (status, picked) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            &token,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{picked}");
    let rows = picked["payload"]["content"].as_array().unwrap();
    assert_eq!(
        rows.len(),
        2,
        "two lines, once each after two feeds: {picked}"
    );
    assert!(rows.iter().all(|r| r["ordNo"] == "SHOP-O-1"));
    assert!(
        rows.iter().any(|r| r["goodsNm"] == "리넨 셔츠 스토어판"
            && r["imgUrl"] == "https://cdn.shop.example.com/g1.jpg"),
        "{picked}"
    );
    // The search finds the fed goods on sale, not the one no longer sold.
    let search = |word: &str| {
        let (s, token, word) = (&s, token.clone(), word.to_owned());
        async move {
            s.post_json(
                &format!("{CS}/getGoodsList"),
                &token,
                json!({"searchNm": word, "pageNo": 1, "pageSize": 30}),
            )
            .await
            .1["payload"]["content"]
                .clone()
        }
    };
    let found = search("스토어판").await;
    assert_eq!(found[0]["goodsNo"], "SHOP-G-1", "{found}");
    assert_eq!(found[0]["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        search("머그컵").await,
        json!([]),
        "no longer sold: not offered"
    );

    // An inquiry about the discontinued goods (from the order) still reads it, for the
    // customer and in the console, with the fed member's name.
    let typ = s.leaf_type(true).await;
    let form = base_form(&typ, "단종 상품 문의", "주문한 머그컵이 깨져서 왔어요.")
        .text("goodsNo", "SHOP-G-2")
        .text("itmNo", "ONE")
        .text("ordNo", "SHOP-O-1");
    let (status, saved) = s.save(&token, form).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let ccn = saved["payload"].as_str().unwrap().to_owned();
    let (_, detail) = s
        .get_json(&format!("{CS}/getQuestionDtl?ccnNo={ccn}"), &token)
        .await;
    assert!(detail.to_string().contains("단종된 머그컵"), "{detail}");
    let (_, desk) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    let desk = desk.to_string();
    assert!(
        desk.contains("단종된 머그컵") && desk.contains("최스토어"),
        "{desk}"
    );

    // A fed update shows at once.
    upsert(&s, "goods", json!([{"goodsNo": "SHOP-G-1", "goodsNm": "리넨 셔츠 스토어판 (개정)", "salePrc": 43000, "options": []}])).await;
    assert_eq!(
        search("스토어판").await[0]["goodsNm"],
        "리넨 셔츠 스토어판 (개정)"
    );
}

#[tokio::test]
async fn only_the_integration_key_opens_the_integration_api() {
    let s = feed_server().await;
    let path = format!("{I}/members");
    let body = json!({"items": [{"mbrNo": "X", "mbrNm": "X"}]});
    for (who, key) in [
        ("no key", ""),
        ("a wrong key", "integration-key-for-the-tests-012345678"),
        ("a member", MEMBER1),
        ("a counselor", COUNSELOR),
    ] {
        let (status, b) = send(&s, Method::POST, &path, key, Some(body.clone())).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{who}: {b}");
    }
    let (status, b) = send(
        &s,
        Method::POST,
        &format!("{I}/coupons"),
        KEY,
        Some(body.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{b}");
    let big: Vec<Value> = (0..1001)
        .map(|i| json!({"mbrNo": format!("B{i}"), "mbrNm": "x"}))
        .collect();
    let (status, b) = send(&s, Method::POST, &path, KEY, Some(json!({"items": big}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(b["errors"][0]["code"], "BATCH_TOO_LARGE", "{b}");
    let ok: Vec<Value> = (0..1000)
        .map(|i| json!({"mbrNo": format!("B{i}"), "mbrNm": "x"}))
        .collect();
    assert_eq!(upsert(&s, "members", json!(ok)).await["upserted"], 1000);
    // Off unless configured.
    let off = start().await;
    let (status, _) = send(&off, Method::POST, &path, KEY, Some(body)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn seller_list(
    s: &TestServer,
    vendor: &str,
    access: &str,
    secret: &str,
) -> (StatusCode, Value) {
    let path = format!("{V}/v5/vendors/{vendor}/callCenterInquiries?vendorId={vendor}&partnerCounselingStatus=NONE&{}", this_week());
    let auth = cea_header(access, secret, "GET", &path, chrono::Utc::now());
    read(
        s.client
            .get(s.url(&path))
            .header("authorization", auth)
            .send()
            .await
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_sellers_keys_are_issued_rotated_with_a_grace_and_revoked() {
    let s = feed_server().await;
    upsert(
        &s,
        "sellers",
        json!([{"vendorId": "A00099002", "vendorNm": "키 셀러"}]),
    )
    .await;
    let keys = format!("{I}/sellers/A00099002/keys");
    let (status, first) = send(&s, Method::POST, &keys, KEY, None).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let (a1, s1) = (
        first["payload"]["accessKey"].as_str().unwrap().to_owned(),
        first["payload"]["secretKey"].as_str().unwrap().to_owned(),
    );
    assert_eq!(s1.len(), 40);
    let (status, body) = seller_list(&s, "A00099002", &a1, &s1).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Listed without its secret.
    let (_, listed) = send(&s, Method::GET, &keys, KEY, None).await;
    assert_eq!(listed["payload"][0]["accessKey"], a1.as_str());
    assert!(
        !listed.to_string().contains(&s1),
        "the secret is shown once"
    );

    // A rotation: both keys sign during the grace.
    let (status, second) = send(
        &s,
        Method::POST,
        &format!("{keys}/rotate"),
        KEY,
        Some(json!({"graceHours": 2})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    let (a2, s2) = (
        second["payload"]["accessKey"].as_str().unwrap().to_owned(),
        second["payload"]["secretKey"].as_str().unwrap().to_owned(),
    );
    assert!(second["payload"]["previousKeysExpireAt"].is_string());
    assert_eq!(
        seller_list(&s, "A00099002", &a1, &s1).await.0,
        StatusCode::OK,
        "old key, within the grace"
    );
    assert_eq!(
        seller_list(&s, "A00099002", &a2, &s2).await.0,
        StatusCode::OK,
        "new key"
    );
    // A rotation with no grace ends the current keys now.
    let (_, third) = send(
        &s,
        Method::POST,
        &format!("{keys}/rotate"),
        KEY,
        Some(json!({"graceHours": 0})),
    )
    .await;
    let (a3, s3) = (
        third["payload"]["accessKey"].as_str().unwrap().to_owned(),
        third["payload"]["secretKey"].as_str().unwrap().to_owned(),
    );
    let (status, body) = seller_list(&s, "A00099002", &a2, &s2).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["message"], "Invalid access-key");
    // Revoked: refused at once, and only once revocable.
    let (status, _) = send(&s, Method::DELETE, &format!("{keys}/{a3}"), KEY, None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        seller_list(&s, "A00099002", &a3, &s3).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        send(&s, Method::DELETE, &format!("{keys}/{a3}"), KEY, None)
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        send(
            &s,
            Method::POST,
            &format!("{I}/sellers/A00000000/keys"),
            KEY,
            None
        )
        .await
        .0,
        StatusCode::NOT_FOUND
    );
    let (_, listed) = send(&s, Method::GET, &keys, KEY, None).await;
    assert_eq!(listed["payload"].as_array().unwrap().len(), 3);
    assert!(listed["payload"][2]["revokedAt"].is_string(), "{listed}");
}

/// Every `curl` example in docs/integration.md, run in order; each answer's `upserted` and
/// `rejected` as the comment under it says.
#[tokio::test]
async fn the_examples_in_docs_integration_md_do_what_they_say() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/integration.md"
    ))
    .unwrap();
    let s = feed_server().await;
    let mut ran = 0;
    for example in doc.split("curl -sS -X POST \"$SERVER").skip(1) {
        let path = &example[..example.find('"').unwrap()];
        let body_start = example.find("-d '").unwrap() + 4;
        let body_len = example[body_start..].find('\'').unwrap();
        let body: Value = serde_json::from_str(&example[body_start..body_start + body_len])
            .unwrap_or_else(|e| panic!("{path}: the example's body is not JSON: {e}"));
        let says = &example[body_start + body_len..];
        let says = &says[says.find("\"upserted\": ").unwrap() + 12..];
        let upserted: u64 = says[..says.find(',').unwrap()].parse().unwrap();
        let says = &says[says.find("\"rejected\": ").unwrap() + 12..];
        let rejected: u64 = says[..says.find(',').unwrap()].parse().unwrap();
        let (status, answer) = send(&s, Method::POST, path, KEY, Some(body)).await;
        assert_eq!(status, StatusCode::OK, "{path}: {answer}");
        assert_eq!(
            (
                answer["payload"]["upserted"].as_u64(),
                answer["payload"]["rejected"].as_u64()
            ),
            (Some(upserted), Some(rejected)),
            "{path}: {answer}"
        );
        ran += 1;
    }
    assert_eq!(ran, 4, "the sellers, goods, members and orders examples");
    // And what they fed shows: the member's order in the picker.
    let (_, picked) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            &member_token("SHOP-M-1"),
        )
        .await;
    assert_eq!(
        picked["payload"]["content"][0]["ordNo"], "SHOP-O-1",
        "{picked}"
    );
}
