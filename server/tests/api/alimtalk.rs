//! KakaoTalk 알림톡 with SMS as its fallback, against a local fake of NHN Cloud: the 알림톡 API
//! v2.3 (`/alimtalk/v2.3/appkeys/{appkey}/messages`) and the SMS API v3.0
//! (`/sms/v3.0/appKeys/{appKey}/sender/sms|mms`), with their request checks and result codes
//! as NHN Cloud documents them. The server is configured as an operator would, by `NhnArgs`.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use axum::{
    extract::{Path, State},
    http::{HeaderMap, StatusCode as Http},
    routing::post,
    Json, Router,
};
use inquiry_server::{config::Secret, notify::nhn::NhnArgs, notify::RetryPolicy};
use serde_json::{json, Value};

use crate::{
    common::*,
    notifications::{answered_inquiry, settled},
};

const KAKAO_APP: &str = "kakao-app";
const KAKAO_SECRET: &str = "kakao-secret-key";
const SENDER_KEY: &str = "0123456789abcdef0123456789abcdef01234567";
const TEMPLATE: &str = "INQUIRY_ANSWER";
/// The variables of the template registered with Kakao (docs/integration.md).
const VARIABLES: [&str; 3] = ["고객명", "문의제목", "문의번호"];
const SMS_APP: &str = "sms-app";
const SMS_SECRET: &str = "sms-secret-key";
const SEND_NO: &str = "15441234";

/// What the fake does and what it was sent.
#[derive(Default)]
struct Fake {
    /// The KakaoTalk channel is blocked (-1027) / the SMS API is down (HTTP 500).
    kakao_blocked: bool,
    sms_down: bool,
    kakao: Vec<(HeaderMap, Value)>,
    sms: Vec<(String, Value)>,
}

type Shared = Arc<Mutex<Fake>>;

fn reply(code: i64, message: &str, results: Option<Value>) -> Json<Value> {
    let mut body = json!({"header": {"resultCode": code, "resultMessage": message, "isSuccessful": code == 0}});
    if let Some(r) = results {
        body.as_object_mut()
            .unwrap()
            .extend(r.as_object().unwrap().clone());
    }
    Json(body)
}

async fn alimtalk(
    State(fake): State<Shared>,
    Path(appkey): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (Http, Json<Value>) {
    let mut f = fake.lock().unwrap();
    f.kakao.push((headers.clone(), body.clone()));
    if appkey != KAKAO_APP {
        return (Http::OK, reply(-1000, "Invalid appKey.", None));
    }
    if headers.get("X-Secret-Key").and_then(|v| v.to_str().ok()) != Some(KAKAO_SECRET) {
        return (Http::UNAUTHORIZED, reply(-1001, "Invalid secretKey.", None));
    }
    if body["senderKey"] != SENDER_KEY {
        return (Http::OK, reply(-2017, "Not exist plus friend.", None));
    }
    if f.kakao_blocked {
        return (
            Http::OK,
            reply(-1027, "The sender is blocked status.", None),
        );
    }
    if body["templateCode"] != TEMPLATE {
        return (Http::OK, reply(-3003, "Template does not exist.", None));
    }
    let recipient = &body["recipientList"][0];
    let params = &recipient["templateParameter"];
    if VARIABLES.iter().any(|v| !params[v].is_string()) {
        return (
            Http::OK,
            reply(-3004, "Please check template parameter.", None),
        );
    }
    let results = json!({"message": {"requestId": "20261207-alimtalk-1", "senderGroupingKey": null,
        "sendResults": [{"recipientSeq": 1, "recipientNo": recipient["recipientNo"],
            "resultCode": 0, "resultMessage": "SUCCESS",
            "recipientGroupingKey": recipient["recipientGroupingKey"]}]}});
    (Http::OK, reply(0, "SUCCESS", Some(results)))
}

async fn sms(
    State(fake): State<Shared>,
    Path((appkey, kind)): Path<(String, String)>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> (Http, Json<Value>) {
    let mut f = fake.lock().unwrap();
    f.sms.push((kind.clone(), body.clone()));
    if f.sms_down {
        return (
            Http::INTERNAL_SERVER_ERROR,
            Json(json!("upstream unavailable")),
        );
    }
    if appkey != SMS_APP {
        return (Http::OK, reply(-1000, "Invalid appKey.", None));
    }
    if headers.get("X-Secret-Key").and_then(|v| v.to_str().ok()) != Some(SMS_SECRET) {
        return (Http::UNAUTHORIZED, reply(-1000, "Invalid appKey.", None));
    }
    if body["sendNo"] != SEND_NO {
        return (Http::OK, reply(-2312, "Not regist sendno.", None));
    }
    let bytes: usize = body["body"]
        .as_str()
        .unwrap_or("")
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 2 })
        .sum();
    if kind == "sms" && bytes > 90 {
        return (
            Http::OK,
            reply(-2015, "Title or Body exceed maximum byte.", None),
        );
    }
    let no = body["recipientList"][0]["recipientNo"]
        .as_str()
        .unwrap_or("");
    let code = if (10..=11).contains(&no.len()) {
        0
    } else {
        -2019
    };
    let results = json!({"body": {"data": {"requestId": "20261207-sms-1", "statusCode": "2",
        "sendResultList": [{"recipientNo": no, "resultCode": code,
            "resultMessage": if code == 0 { "SUCCESS" } else { "RecipientNo is invalid." },
            "recipientSeq": 1, "recipientGroupingKey": null}]}}});
    (Http::OK, reply(0, "SUCCESS", Some(results)))
}

/// The fake on a free port: its origin and its state.
async fn fake_nhn(fake: Fake) -> (String, Shared) {
    let shared = Arc::new(Mutex::new(fake));
    let app = Router::new()
        .route("/alimtalk/v2.3/appkeys/{appkey}/messages", post(alimtalk))
        .route("/sms/v3.0/appKeys/{appkey}/sender/{kind}", post(sms))
        .with_state(shared.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), shared)
}

/// A server whose SMS channel is NHN Cloud 알림톡 then SMS, both at `origin`.
async fn server(origin: &str, template: &str, max_attempts: u32) -> TestServer {
    let args = NhnArgs {
        alimtalk_appkey: Some(KAKAO_APP.into()),
        alimtalk_secret_key: Some(Secret::new(KAKAO_SECRET)),
        alimtalk_sender_key: Some(SENDER_KEY.into()),
        alimtalk_template: template.into(),
        alimtalk_url: origin.into(),
        sms_appkey: Some(SMS_APP.into()),
        sms_secret_key: Some(Secret::new(SMS_SECRET)),
        sms_send_no: Some(SEND_NO.into()),
        sms_url: origin.into(),
    };
    start_with(move |c| {
        args.install(&mut c.notify.senders).unwrap();
        let described = c.notify.senders.sms.describe();
        assert!(
            described.contains("알림톡") && described.contains("SMS"),
            "{described}"
        );
        assert!(!described.contains("secret-key"), "{described}");
        c.notify.retry = RetryPolicy {
            base: Duration::from_millis(40),
            cap: Duration::from_millis(200),
            max_attempts,
            send_timeout: Duration::from_secs(5),
        };
    })
    .await
}

/// An inquiry with SMS consent only, answered, and its one notification once settled.
async fn answered(s: &TestServer) -> (String, Value) {
    let ccn = answered_inquiry(s, "Y", "N").await;
    let list = settled(s, &ccn).await;
    assert_eq!(list.len(), 1, "{list:?}");
    (ccn, list[0].clone())
}

#[tokio::test]
async fn the_answer_notice_goes_by_alimtalk_with_the_templates_variables() {
    let (origin, fake) = fake_nhn(Fake::default()).await;
    let s = server(&origin, TEMPLATE, 3).await;
    let (ccn, ntf) = answered(&s).await;
    assert_eq!(
        (ntf["ntfStatCd"].as_str(), ntf["sentVia"].as_str()),
        (Some("SENT"), Some("ALIMTALK")),
        "{ntf}"
    );
    let f = fake.lock().unwrap();
    assert!(f.sms.is_empty(), "no SMS when 알림톡 went out");
    let (headers, body) = &f.kakao[0];
    assert_eq!(headers["X-Secret-Key"], KAKAO_SECRET);
    assert_eq!(body["senderKey"], SENDER_KEY);
    assert_eq!(body["templateCode"], TEMPLATE);
    let recipient = &body["recipientList"][0];
    assert_eq!(recipient["recipientNo"], "01023456789", "digits only");
    assert_eq!(
        recipient["templateParameter"],
        json!({"고객명": "김하늘", "문의제목": "알림 테스트 문의", "문의번호": ccn}),
        "the approved template's variables, nothing promotional"
    );
}

#[tokio::test]
async fn a_failed_alimtalk_falls_back_to_sms_and_says_why() {
    let (origin, fake) = fake_nhn(Fake {
        kakao_blocked: true,
        ..Fake::default()
    })
    .await;
    let s = server(&origin, TEMPLATE, 3).await;
    let (_, ntf) = answered(&s).await;
    assert_eq!(ntf["ntfStatCd"], "SENT", "{ntf}");
    assert_eq!(
        ntf["sentVia"], "LMS (알림톡 실패: -1027 The sender is blocked status.)",
        "the console sees the route and the reason"
    );
    assert_eq!(
        ntf["attemptCnt"], 1,
        "one attempt: 알림톡, then SMS within it"
    );
    let f = fake.lock().unwrap();
    assert_eq!(f.kakao.len(), 1);
    let (kind, body) = &f.sms[0];
    assert_eq!(kind, "mms", "longer than 90 bytes: LMS");
    assert_eq!(body["sendNo"], SEND_NO);
    assert_eq!(body["recipientList"][0]["recipientNo"], "01023456789");
    let text = body["body"].as_str().unwrap();
    assert!(
        text.contains("알림 테스트 문의") && text.contains("답변이 등록되었습니다"),
        "{text}"
    );
    let title = body["title"].as_str().unwrap();
    assert!(
        title.starts_with("[1:1 문의]") && title.len() <= 60,
        "{title}"
    );
}

#[tokio::test]
async fn when_both_routes_fail_the_notice_is_retried_then_given_up_with_both_reasons() {
    let (origin, fake) = fake_nhn(Fake {
        sms_down: true,
        ..Fake::default()
    })
    .await;
    // A template code Kakao never approved: -3003 on every try.
    let s = server(&origin, "NOT_APPROVED", 2).await;
    let (_, ntf) = answered(&s).await;
    assert_eq!(ntf["ntfStatCd"], "FAILED", "{ntf}");
    assert_eq!(ntf["attemptCnt"], 2);
    let error = ntf["lastError"].as_str().unwrap();
    assert!(
        error.contains("-3003 Template does not exist.") && error.contains("HTTP 500"),
        "{error}"
    );
    assert!(
        !error.contains("01023456789"),
        "no phone number in an error: {error}"
    );
    let f = fake.lock().unwrap();
    assert_eq!(
        (f.kakao.len(), f.sms.len()),
        (2, 2),
        "알림톡 first on every try"
    );
}
