//! The seller's side: a counselor transfers (이관) an inquiry to the seller of its goods; the
//! seller lists it through the Coupang-style call-center API (seed 002), answers or confirms
//! it, and the customer sees the seller's reply. Requests are signed here with HMAC directly
//! (not with the server's signer), and once by an independent Python signer.

use inquiry_server::seed::DEMO_VENDORS;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    common::{
        base_form, cea_header, read, start, start_with, TestServer, BO, COUNSELOR, CS, MEMBER1,
    },
    today,
};

pub(crate) const V: &str = "/v2/providers/openapi/apis/api";

/// A seller's credentials from the demo seed.
#[derive(Clone, Copy)]
pub(crate) struct Seller {
    pub id: &'static str,
    pub name: &'static str,
    pub access: &'static str,
    pub secret: &'static str,
}

pub(crate) fn seller(vendor_id: &str) -> Seller {
    let (id, name, access, secret) = *DEMO_VENDORS
        .iter()
        .find(|v| v.0 == vendor_id)
        .expect("a demo seller");
    Seller {
        id,
        name,
        access,
        secret,
    }
}

fn other_than(vendor_id: &str) -> Seller {
    let v = DEMO_VENDORS.iter().find(|v| v.0 != vendor_id).unwrap();
    seller(v.0)
}

pub(crate) fn cea(
    seller: Seller,
    secret: &str,
    method: &str,
    path_and_query: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> String {
    cea_header(seller.access, secret, method, path_and_query, at)
}

pub(crate) async fn call(
    s: &TestServer,
    seller: Seller,
    method: Method,
    path_and_query: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let auth = cea(
        seller,
        seller.secret,
        method.as_str(),
        path_and_query,
        chrono::Utc::now(),
    );
    let mut r = s
        .client
        .request(method, s.url(path_and_query))
        .header("authorization", auth);
    if let Some(b) = body {
        r = r.json(&b);
    }
    read(r.send().await.unwrap()).await
}

pub(crate) fn list_path(vendor_id: &str, query: &str) -> String {
    format!("{V}/v5/vendors/{vendor_id}/callCenterInquiries?vendorId={vendor_id}&{query}")
}

pub(crate) fn this_week() -> String {
    let end = today();
    format!(
        "inquiryStartAt={}&inquiryEndAt={end}",
        end - chrono::Duration::days(7)
    )
}

/// A new inquiry of MEMBER1 about goods they ordered (SMS consent); its number.
pub(crate) async fn inquiry_about_goods(s: &TestServer, title: &str) -> String {
    let (ord_no, goods_no, itm_no) = s.ordered_goods(MEMBER1).await;
    let form = base_form("3030", title, "받은 상품이 주문한 옵션과 달라요.")
        .text("goodsNo", goods_no)
        .text("itmNo", itm_no)
        .text("ordNo", ord_no);
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["payload"].as_str().unwrap().to_owned()
}

pub(crate) async fn transfer(
    s: &TestServer,
    ccn: &str,
    need_answer: &str,
    note: &str,
) -> (StatusCode, Value) {
    s.post_json(
        &format!("{BO}/questionTrns"),
        COUNSELOR,
        json!({"ccnNo": ccn, "needAnsYn": need_answer, "trnsNote": note}),
    )
    .await
}

/// Transfers and returns the seller it went to.
pub(crate) async fn transferred(s: &TestServer, ccn: &str, need_answer: &str) -> Seller {
    let (status, body) =
        transfer(s, ccn, need_answer, "[판매자이관] 옵션 확인 부탁드립니다.").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    seller(body["payload"]["trns"]["vendorId"].as_str().unwrap())
}

pub(crate) fn find<'a>(list: &'a Value, ccn: &str) -> Option<&'a Value> {
    list["data"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["inquiryId"].as_i64().unwrap().to_string() == ccn)
}

fn coupang_time(v: &Value) -> bool {
    // YYYY-MM-DDThh:mm:ss.ssssss±hh:mm
    let t = v.as_str().unwrap_or("");
    t.len() == 32
        && chrono::DateTime::parse_from_rfc3339(t).is_ok()
        && t.as_bytes()[19] == b'.'
        && t.ends_with("+09:00")
}

#[tokio::test]
async fn a_transfer_reaches_its_seller_whose_reply_answers_the_customer() {
    let s = start().await;
    let ccn = inquiry_about_goods(&s, "옵션이 달라요").await;
    let (status, body) = transfer(
        &s,
        &ccn,
        "Y",
        "[판매자이관] 옵션 확인 후 고객 안내 부탁드립니다.",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let t = &body["payload"]["trns"];
    assert_eq!(t["trnsStatCd"], "WAITING");
    assert_eq!(t["needAnsYn"], "Y");
    assert_eq!(
        body["payload"]["ccnStatCd"], "20",
        "the customer sees someone is on it"
    );
    let seller = seller(t["vendorId"].as_str().unwrap());

    // The seller finds it awaiting an answer, in Coupang's shape.
    let (status, list) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!("{}&partnerCounselingStatus=NO_ANSWER", this_week()),
        ),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["code"], 200);
    assert_eq!(list["message"], "OK");
    let item = find(&list, &ccn).expect("the transferred inquiry");
    assert_eq!(item["inquiryStatus"], "progress");
    assert_eq!(item["csPartnerCounselingStatus"], "requestAnswer");
    assert_eq!(item["content"], "받은 상품이 주문한 옵션과 달라요.");
    assert!(item["vendorItemId"][0].is_i64(), "{item}");
    assert!(item["orderId"].is_i64(), "{item}");
    assert_eq!(item["buyerEmail"], "");
    let phone = item["buyerPhone"].as_str().unwrap();
    assert!(
        phone.contains("****") && phone.len() >= 12,
        "masked: {phone}"
    );
    assert_eq!(
        item["receiptCategory"]
            .as_str()
            .unwrap()
            .matches('>')
            .count(),
        1
    );
    for key in ["inquiryAt", "orderDate"] {
        assert!(coupang_time(&item[key]), "{key}: {}", item[key]);
    }
    assert!(item["answeredAt"].is_null());
    let note = &item["replies"][0];
    assert_eq!(note["answerType"], "csAgent");
    assert_eq!(note["needAnswer"], true);
    assert_eq!(note["partnerTransferStatus"], "requestAnswer");
    assert_eq!(note["partnerTransferCompleteReason"], "NONE");
    assert_eq!(
        note["content"],
        "[판매자이관] 옵션 확인 후 고객 안내 부탁드립니다."
    );
    assert_eq!(note["parentAnswerId"], 0);
    let parent = note["answerId"].as_i64().unwrap();
    assert!(coupang_time(&note["replyAt"]));
    assert!(
        list["data"]["pagination"]["totalElements"]
            .as_u64()
            .unwrap()
            >= 1
    );

    // It answers, once.
    let reply_path = format!(
        "{V}/v4/vendors/{}/callCenterInquiries/{ccn}/replies",
        seller.id
    );
    let reply = json!({"vendorId": seller.id, "inquiryId": ccn, "content": "안녕하세요, 옵션을 확인해 바로 교환해 드리겠습니다.", "replyBy": "wing-kim", "parentAnswerId": parent});
    let (status, done) = call(&s, seller, Method::POST, &reply_path, Some(reply.clone())).await;
    assert_eq!(
        (status, &done),
        (StatusCode::OK, &json!({"code": "200", "message": "OK"}))
    );
    let (status, again) = call(&s, seller, Method::POST, &reply_path, Some(reply)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        again["message"],
        "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer"
    );

    // The customer reads it as the seller's, answered; a notification is queued as for any answer.
    let (_, mine) = s
        .get_json(&format!("{CS}/getQuestionDtl?ccnNo={ccn}"), MEMBER1)
        .await;
    assert_eq!(mine["payload"]["ccnStatCd"], "30");
    let last = mine["payload"]["replies"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["ansTypCd"], "SELLER");
    assert_eq!(last["ansrNm"], seller.name);
    assert_eq!(
        last["ansCont"],
        "안녕하세요, 옵션을 확인해 바로 교환해 드리겠습니다."
    );
    let (_, bo) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(bo["payload"]["trns"]["trnsStatCd"], "DONE");
    assert_eq!(bo["payload"]["trns"]["doneBy"], "wing-kim");
    assert_eq!(bo["payload"]["notifications"].as_array().unwrap().len(), 1);

    // The seller's single lookup shows it answered, with its reply as the vendor's.
    let (status, one) = call(
        &s,
        seller,
        Method::GET,
        &format!("{V}/v5/vendors/callCenterInquiries/{ccn}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{one}");
    let one = &one["data"];
    assert_eq!(one["inquiryStatus"], "complete");
    assert_eq!(one["csPartnerCounselingStatus"], "answered");
    assert!(coupang_time(&one["answeredAt"]));
    let vendor_reply = one["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["answerType"] == "vendor")
        .unwrap();
    assert_eq!(vendor_reply["receptionist"], "wing-kim");
    assert_eq!(vendor_reply["receptionistName"], seller.name);
    assert_eq!(vendor_reply["partnerTransferStatus"], Value::Null);
    assert_eq!(one["replies"][0]["partnerTransferStatus"], "answered");
    // ANSWER lists it, NO_ANSWER no longer does.
    let (_, answered) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!("{}&partnerCounselingStatus=ANSWER&pageSize=30", this_week()),
        ),
        None,
    )
    .await;
    assert!(find(&answered, &ccn).is_some());
    let (_, waiting) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!(
                "{}&partnerCounselingStatus=NO_ANSWER&pageSize=30",
                this_week()
            ),
        ),
        None,
    )
    .await;
    assert!(find(&waiting, &ccn).is_none());
}

#[tokio::test]
async fn the_list_keeps_every_rule_of_the_seed() {
    let s = start().await;
    let ccn = inquiry_about_goods(&s, "규칙 확인").await;
    let seller = transferred(&s, &ccn, "Y").await;
    let id = seller.id;
    let week = this_week();
    let get = |q: String| {
        let s = &s;
        async move { call(s, seller, Method::GET, &q, None).await }
    };
    let bad = |body: &Value, message: &str| {
        assert_eq!(body["code"], 400, "{body}");
        assert_eq!(body["message"], message, "{body}");
    };

    // vendorId: path and query must agree, and be the signer's.
    let (status, body) = get(format!("{V}/v5/vendors/{id}/callCenterInquiries?vendorId=A99999999&partnerCounselingStatus=NONE&{week}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    bad(&body, "Invalid vendor ID");
    let (_, body) = get(format!(
        "{V}/v5/vendors/{id}/callCenterInquiries?partnerCounselingStatus=NONE&{week}"
    ))
    .await;
    bad(&body, "Invalid vendor ID");
    let other = other_than(id).id;
    let (_, body) = get(list_path(
        other,
        &format!("partnerCounselingStatus=NONE&{week}"),
    ))
    .await;
    bad(&body, "Invalid vendor ID");

    // partnerCounselingStatus is required, and one of four.
    let (status, body) = get(list_path(id, &week)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("partnerCounselingStatus"),
        "{body}"
    );
    let (_, body) = get(list_path(
        id,
        &format!("partnerCounselingStatus=DONE&{week}"),
    ))
    .await;
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("NONE, ANSWER, NO_ANSWER, TRANSFER"),
        "{body}"
    );

    // The period: yyyy-MM-dd, both ends, at most 7 days apart.
    let end = today();
    let (_, body) = get(list_path(
        id,
        &format!(
            "partnerCounselingStatus=NONE&inquiryStartAt={}&inquiryEndAt={}",
            end.format("%Y/%m/%d"),
            end
        ),
    ))
    .await;
    bad(&body, "pattern should be yyyy-MM-dd");
    let (_, body) = get(list_path(
        id,
        &format!(
            "partnerCounselingStatus=NONE&inquiryStartAt={}&inquiryEndAt={end}",
            end - chrono::Duration::days(8)
        ),
    ))
    .await;
    bad(
        &body,
        "time interval needs to be less than or equal to 7 days",
    );
    let (status, _) = get(list_path(
        id,
        &format!(
            "partnerCounselingStatus=NONE&inquiryStartAt={}&inquiryEndAt={end}",
            end - chrono::Duration::days(7)
        ),
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "exactly 7 days is allowed");
    let (status, body) = get(list_path(id, "partnerCounselingStatus=NONE")).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "no period and no vendorItemId: {body}"
    );
    let (_, body) = get(list_path(
        id,
        &format!("partnerCounselingStatus=NONE&inquiryStartAt={end}"),
    ))
    .await;
    assert_eq!(body["code"], 400);

    // vendorItemId alone, without a period, finds the inquiry about that option.
    let (_, one) = call(
        &s,
        seller,
        Method::GET,
        &format!("{V}/v5/vendors/callCenterInquiries/{ccn}"),
        None,
    )
    .await;
    let item = one["data"]["vendorItemId"][0].as_i64().unwrap();
    let (status, by_item) = get(list_path(
        id,
        &format!("partnerCounselingStatus=NONE&vendorItemId={item}"),
    ))
    .await;
    assert_eq!(status, StatusCode::OK, "{by_item}");
    assert!(find(&by_item, &ccn).is_some());
    assert!(by_item["data"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["vendorItemId"][0] == item));
    // orderId narrows to that order.
    let order = one["data"]["orderId"].as_i64().unwrap();
    let (_, by_order) = get(list_path(
        id,
        &format!("partnerCounselingStatus=NONE&orderId={order}&{week}"),
    ))
    .await;
    assert!(by_order["data"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["orderId"] == order));
    assert!(find(&by_order, &ccn).is_some());

    // Paging: 10 by default, at most 30.
    let (_, page) = get(list_path(
        id,
        &format!("partnerCounselingStatus=NONE&{week}"),
    ))
    .await;
    assert_eq!(page["data"]["pagination"]["countPerPage"], 10);
    assert_eq!(page["data"]["pagination"]["currentPage"], 1);
    let (status, body) = get(list_path(
        id,
        &format!("partnerCounselingStatus=NONE&pageSize=31&{week}"),
    ))
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = get(list_path(
        id,
        &format!("partnerCounselingStatus=NONE&pageSize=30&{week}"),
    ))
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_seller_sees_and_touches_only_its_own_transfers() {
    let s = start().await;
    let ccn = inquiry_about_goods(&s, "남의 문의").await;
    let owner = transferred(&s, &ccn, "Y").await;
    let other = other_than(owner.id);
    let (_, list) = call(
        &s,
        other,
        Method::GET,
        &list_path(
            other.id,
            &format!("partnerCounselingStatus=NONE&pageSize=30&{}", this_week()),
        ),
        None,
    )
    .await;
    assert!(find(&list, &ccn).is_none());
    assert!(list["data"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["replies"][0]["answerType"] == "csAgent"));

    let not_yours =
        "The inquiryId doesn't belongs to the vendorId, have no permisson to reply this inquiry";
    let (status, body) = call(
        &s,
        other,
        Method::GET,
        &format!("{V}/v5/vendors/callCenterInquiries/{ccn}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["message"], not_yours);
    assert_eq!(body["data"], Value::Null, "never data");
    let reply = json!({"vendorId": other.id, "inquiryId": ccn, "content": "남의 문의에 답합니다", "replyBy": "x", "parentAnswerId": 1});
    let (_, body) = call(
        &s,
        other,
        Method::POST,
        &format!(
            "{V}/v4/vendors/{}/callCenterInquiries/{ccn}/replies",
            other.id
        ),
        Some(reply.clone()),
    )
    .await;
    assert_eq!(body["message"], not_yours);
    let (_, body) = call(
        &s,
        other,
        Method::POST,
        &format!(
            "{V}/v4/vendors/{}/callCenterInquiries/{ccn}/replies",
            owner.id
        ),
        Some(reply),
    )
    .await;
    assert_eq!(body["message"], "Invalid vendor ID");
    // An inquiry never transferred is nobody's.
    let untouched = inquiry_about_goods(&s, "이관 안 함").await;
    let (_, body) = call(
        &s,
        owner,
        Method::GET,
        &format!("{V}/v5/vendors/callCenterInquiries/{untouched}"),
        None,
    )
    .await;
    assert_eq!(body["message"], not_yours);
}

#[tokio::test]
async fn only_a_fresh_signature_with_the_right_secret_gets_in() {
    let s = start().await;
    let seller = seller(DEMO_VENDORS[0].0);
    let path = list_path(
        seller.id,
        &format!("partnerCounselingStatus=NONE&{}", this_week()),
    );
    let send = |auth: Option<String>, path: String| {
        let s = &s;
        async move {
            let mut r = s.client.get(s.url(&path));
            if let Some(a) = auth {
                r = r.header("authorization", a);
            }
            read(r.send().await.unwrap()).await
        }
    };
    let now = chrono::Utc::now();
    let (status, body) = send(
        Some(cea(seller, seller.secret, "GET", &path, now)),
        path.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let tight = cea(seller, seller.secret, "GET", &path, now).replace(", ", ",");
    assert_eq!(
        send(Some(tight), path.clone()).await.0,
        StatusCode::OK,
        "parts joined without spaces"
    );

    for (why, auth, at_path) in [
        ("no header", None, path.clone()),
        (
            "a bearer token",
            Some(format!("Bearer {COUNSELOR}")),
            path.clone(),
        ),
        (
            "a wrong secret",
            Some(cea(seller, "not-the-secret", "GET", &path, now)),
            path.clone(),
        ),
        (
            "a stale date",
            Some(cea(
                seller,
                seller.secret,
                "GET",
                &path,
                now - chrono::Duration::minutes(10),
            )),
            path.clone(),
        ),
        (
            "a date from the future",
            Some(cea(
                seller,
                seller.secret,
                "GET",
                &path,
                now + chrono::Duration::minutes(10),
            )),
            path.clone(),
        ),
        (
            "another query",
            Some(cea(seller, seller.secret, "GET", &path, now)),
            path.replace("NONE", "ANSWER"),
        ),
        (
            "another method",
            Some(cea(seller, seller.secret, "POST", &path, now)),
            path.clone(),
        ),
        (
            "an unknown key",
            Some(
                cea(seller, seller.secret, "GET", &path, now).replace(seller.access, "no-such-key"),
            ),
            path.clone(),
        ),
    ] {
        let (status, body) = send(auth, at_path).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{why}: {body}");
        assert_eq!(body["code"], 401, "{why}");
        assert!(body["data"].is_null(), "{why}");
    }
}

/// Coupang's own sample signs with Python's hmac; a client written that way (the README's
/// script) gets in.
#[tokio::test]
async fn a_request_signed_by_an_independent_python_signer_is_accepted() {
    let s = start().await;
    let ccn = inquiry_about_goods(&s, "파이썬 서명").await;
    let seller = transferred(&s, &ccn, "Y").await;
    let path = format!("{V}/v5/vendors/{}/callCenterInquiries", seller.id);
    let query = format!(
        "vendorId={}&partnerCounselingStatus=NO_ANSWER&{}",
        seller.id,
        this_week()
    );
    // The README's signing script (server/examples/cea_sign.py).
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cea_sign.py");
    let out = std::process::Command::new("/usr/bin/python3")
        .args([script, "GET", &path, &query, seller.access, seller.secret])
        .output()
        .expect("python3 (Debian's /usr/bin/python3)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let auth = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    let r = s
        .client
        .get(s.url(&format!("{path}?{query}")))
        .header("authorization", auth)
        .send()
        .await
        .unwrap();
    let (status, body) = read(r).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(find(&body, &ccn).is_some());
}

#[tokio::test]
async fn a_confirm_only_transfer_is_confirmed_not_answered() {
    let s = start().await;
    let ccn = inquiry_about_goods(&s, "회수 확인 요청").await;
    // Confirmation is asked of an answered inquiry only.
    let (status, body) = transfer(&s, &ccn, "N", "회수 확인 부탁드립니다.").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["code"], "NOT_ANSWERED", "{body}");
    let (status, _) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "회수 접수했습니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = transfer(&s, &ccn, "Y", "답변 부탁").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["code"], "ALREADY_ANSWERED", "{body}");
    let seller = transferred(&s, &ccn, "N").await;
    let (status, body) = transfer(&s, &ccn, "N", "한 번 더").await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["code"], "ALREADY_TRANSFERRED");

    let (_, list) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!(
                "partnerCounselingStatus=TRANSFER&pageSize=30&{}",
                this_week()
            ),
        ),
        None,
    )
    .await;
    let item = find(&list, &ccn).expect("awaiting confirmation");
    assert_eq!(item["inquiryStatus"], "complete");
    assert_eq!(item["csPartnerCounselingStatus"], "requestAnswer");
    let parent = item["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["needAnswer"] == false && r["partnerTransferStatus"] == "requestAnswer")
        .unwrap()["answerId"]
        .clone();

    let base = format!("{V}/v4/vendors/{}/callCenterInquiries/{ccn}", seller.id);
    let (_, body) = call(&s, seller, Method::POST, &format!("{base}/replies"), Some(json!({"vendorId": seller.id, "inquiryId": ccn, "content": "확인했습니다", "replyBy": "wing", "parentAnswerId": parent}))).await;
    assert_eq!(body["message"], "The inquiry can't be answer. It can do only inquiryStatus:progress, partnerTransferStatus:requestAnswer");
    let (_, body) = call(
        &s,
        seller,
        Method::POST,
        &format!("{base}/confirms"),
        Some(json!({})),
    )
    .await;
    assert_eq!(body["code"], 400, "confirmBy is required: {body}");
    let (status, body) = call(
        &s,
        seller,
        Method::POST,
        &format!("{base}/confirms"),
        Some(json!({"confirmBy": "wing-lee"})),
    )
    .await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"code": "200", "message": "OK"}))
    );
    let (_, body) = call(
        &s,
        seller,
        Method::POST,
        &format!("{base}/confirms"),
        Some(json!({"confirmBy": "wing-lee"})),
    )
    .await;
    assert_eq!(body["message"], "The inquiry can't be confirm. It can do only inquiryStatus:complete, partnerTransferStatus:requestAnswer");

    let (_, one) = call(
        &s,
        seller,
        Method::GET,
        &format!("{V}/v5/vendors/callCenterInquiries/{ccn}"),
        None,
    )
    .await;
    assert_eq!(one["data"]["csPartnerCounselingStatus"], "answered");
    let note = one["data"]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["answerType"] == "csAgent" && r["partnerTransferStatus"] != "none")
        .expect("the transfer note");
    assert_eq!(note["partnerTransferStatus"], "answered");
    assert_eq!(
        note["partnerTransferCompleteReason"],
        "DISPUTE_PROCESS_COMPLETE"
    );
    // The customer's thread has no seller reply: confirming says nothing to them.
    let (_, mine) = s
        .get_json(&format!("{CS}/getQuestionDtl?ccnNo={ccn}"), MEMBER1)
        .await;
    assert!(mine["payload"]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["ansTypCd"] == "COUNSELOR"));
}

#[tokio::test]
async fn a_transfer_past_its_deadline_closes_as_coupangs_do() {
    let s = start_with(|c| c.transfer_deadline = chrono::Duration::zero()).await;
    let ccn = inquiry_about_goods(&s, "기한 지남").await;
    let seller = transferred(&s, &ccn, "Y").await;
    let week = this_week();
    let (_, waiting) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!("partnerCounselingStatus=NO_ANSWER&pageSize=30&{week}"),
        ),
        None,
    )
    .await;
    assert!(
        find(&waiting, &ccn).is_none(),
        "no longer awaiting an answer"
    );
    let (_, closed) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!("partnerCounselingStatus=ANSWER&pageSize=30&{week}"),
        ),
        None,
    )
    .await;
    let item = find(&closed, &ccn).expect("closed");
    assert_eq!(item["csPartnerCounselingStatus"], "answered");
    let replies = item["replies"].as_array().unwrap();
    assert_eq!(
        replies[0]["partnerTransferCompleteReason"],
        "DISPUTE_PROCESS"
    );
    assert!(replies.last().unwrap()["content"]
        .as_str()
        .unwrap()
        .contains("[System]"));
    let parent = replies[0]["answerId"].clone();
    let (status, body) = call(&s, seller, Method::POST, &format!("{V}/v4/vendors/{}/callCenterInquiries/{ccn}/replies", seller.id), Some(json!({"vendorId": seller.id, "inquiryId": ccn, "content": "늦었지만 답변합니다", "replyBy": "wing", "parentAnswerId": parent}))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(
        body["message"],
        "This inquiry has closed. -522 (상담이 종료된 문의입니다 - 522 )"
    );
    let (_, bo) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(
        bo["payload"]["trns"]["trnsStatCd"], "EXPIRED",
        "the counselor sees it came back"
    );
    assert_eq!(bo["payload"]["ccnStatCd"], "20");
}

#[tokio::test]
async fn a_reply_body_is_checked_before_anything_is_written() {
    let s = start().await;
    let ccn = inquiry_about_goods(&s, "본문 규칙").await;
    let seller = transferred(&s, &ccn, "Y").await;
    let (_, one) = call(
        &s,
        seller,
        Method::GET,
        &format!("{V}/v5/vendors/callCenterInquiries/{ccn}"),
        None,
    )
    .await;
    let parent = one["data"]["replies"][0]["answerId"].as_i64().unwrap();
    let path = format!(
        "{V}/v4/vendors/{}/callCenterInquiries/{ccn}/replies",
        seller.id
    );
    let body = |content: &str, parent: Value| json!({"vendorId": seller.id, "inquiryId": ccn, "content": content, "replyBy": "wing", "parentAnswerId": parent});
    for (why, b, message) in [
        (
            "one character",
            body("네", json!(parent)),
            "The reply content length should be between 2 ~ 1000",
        ),
        (
            "1001 characters",
            body(&"가".repeat(1001), json!(parent)),
            "The reply content length should be between 2 ~ 1000",
        ),
        (
            "no parent",
            json!({"vendorId": seller.id, "inquiryId": ccn, "content": "답변입니다", "replyBy": "wing"}),
            "The parentAnswerId is required.",
        ),
    ] {
        let (status, r) = call(&s, seller, Method::POST, &path, Some(b)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{why}");
        assert_eq!(r["message"], message, "{why}");
    }
    let (_, r) = call(
        &s,
        seller,
        Method::POST,
        &path,
        Some(body("답변입니다", json!(parent + 1))),
    )
    .await;
    assert!(
        r["message"]
            .as_str()
            .unwrap()
            .starts_with("The parentAnswerId is invalid"),
        "{r}"
    );
    let (_, r) = call(&s, seller, Method::POST, &path, Some(json!({"vendorId": seller.id, "inquiryId": ccn, "content": "답변입니다", "parentAnswerId": parent}))).await;
    assert_eq!(r["code"], 400, "replyBy is required: {r}");
    // A string parentAnswerId (Coupang's sample sends one) is fine, and 1000 characters are.
    let (status, r) = call(
        &s,
        seller,
        Method::POST,
        &path,
        Some(body(&"가".repeat(1000), json!(parent.to_string()))),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{r}");
    let (_, mine) = s
        .get_json(&format!("{CS}/getQuestionDtl?ccnNo={ccn}"), MEMBER1)
        .await;
    let sellers = mine["payload"]["replies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ansTypCd"] == "SELLER")
        .count();
    assert_eq!(sellers, 1, "only the valid reply was written");
}

#[tokio::test]
async fn only_goods_of_a_seller_are_transferred_and_only_by_counselors() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let (_, saved) = s
        .save(MEMBER1, base_form(&typ, "상품 없는 문의", "결제 문의"))
        .await;
    let plain = saved["payload"].as_str().unwrap();
    let (status, body) = transfer(&s, plain, "Y", "이관").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["code"], "NO_SELLER", "{body}");
    let ccn = inquiry_about_goods(&s, "회원은 이관 불가").await;
    let (status, _) = s
        .post_json(
            &format!("{BO}/questionTrns"),
            MEMBER1,
            json!({"ccnNo": ccn, "needAnsYn": "Y", "trnsNote": "x"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = transfer(&s, &ccn, "Y", "   ").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["field"], "trnsNote", "{body}");
    let (status, body) = transfer(&s, &ccn, "maybe", "메모").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"][0]["field"], "needAnsYn", "{body}");
}
