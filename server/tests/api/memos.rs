//! Internal memos (`questionMemoSave`): the desk reads them in the back-office detail; no
//! customer or seller payload, notification or export ever carries one.

use std::{
    sync::{Arc, Mutex},
    time::Duration,
};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    common::*,
    sellers::{call, inquiry_about_goods, list_path, this_week, transferred, V},
    year_query,
};
use inquiry_server::notify::{Outgoing, SendFuture, Sender, Senders};

const SECRET: &str = "MEMO-ONLY-FOR-THE-DESK-7f3a";

/// Delivers everything and remembers it.
#[derive(Default)]
struct Recorder(Mutex<Vec<Outgoing>>);

impl Sender for Recorder {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            self.0.lock().unwrap().push(m.clone());
            Ok(inquiry_server::notify::Delivered::via("TEST"))
        })
    }
    fn describe(&self) -> String {
        "recorder".into()
    }
}

async fn memo(s: &TestServer, token: &str, ccn: &str, text: &str) -> (StatusCode, Value) {
    s.post_json(
        &format!("{BO}/questionMemoSave"),
        token,
        json!({"ccnNo": ccn, "memoCont": text}),
    )
    .await
}

#[tokio::test]
async fn memos_are_listed_in_the_desks_detail_with_author_and_time() {
    let s = start().await;
    let ccn = s.any_with_status(MEMBER1, "10").await;
    let (status, body) = memo(
        &s,
        COUNSELOR,
        &ccn,
        "  창고에 재고 확인 요청함.\n내일 회신.  ",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = memo(&s, COUNSELOR2, &ccn, "<b>확인</b> 완료").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let list = body["payload"].as_array().unwrap();
    assert_eq!(list.len(), 2, "every memo, oldest first: {body}");
    assert_eq!(list[0]["memoSeq"], 1);
    assert_eq!(
        list[0]["memoCont"], "창고에 재고 확인 요청함.\n내일 회신.",
        "trimmed, lines kept"
    );
    assert_eq!(list[1]["memoSeq"], 2);
    assert_eq!(
        list[1]["memoCont"], "<b>확인</b> 완료",
        "verbatim, never HTML"
    );
    assert_ne!(
        list[0]["cnslrNo"], list[1]["cnslrNo"],
        "each with its author"
    );
    assert!(chrono::DateTime::parse_from_rfc3339(list[1]["regDtm"].as_str().unwrap()).is_ok());

    let (_, detail) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), MANAGER)
        .await;
    assert_eq!(
        detail["payload"]["memos"], body["payload"],
        "managers read them too"
    );

    // Writing one is in the inquiry's history, without its text.
    let (_, history) = s
        .get_json(&format!("{BO}/getQuestionHistory?ccnNo={ccn}"), MANAGER)
        .await;
    let text = history.to_string();
    assert!(text.contains("MEMO_ADD"), "{history}");
    assert!(!text.contains("창고"), "{history}");
}

#[tokio::test]
async fn a_memo_is_checked_and_needs_an_inquiry_and_a_counselor() {
    let s = start().await;
    let ccn = s.any_with_status(MEMBER1, "10").await;
    let (status, body) = memo(&s, COUNSELOR, &ccn, " \n ").await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("memoCont", "REQUIRED")),
    );
    let (status, body) = memo(&s, COUNSELOR, &ccn, &"가".repeat(1001)).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("memoCont", "TOO_LONG")),
    );
    let (status, body) = memo(&s, COUNSELOR, "20990101000001", "메모").await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, _) = memo(&s, MEMBER1, &ccn, "고객은 메모를 못 남깁니다").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, detail) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(detail["payload"]["memos"], json!([]), "nothing was written");
}

/// Every payload the customer and the seller can get for the inquiry, every notification sent
/// for it, and the manager's exports: none carries the memo.
#[tokio::test]
async fn no_customer_or_seller_payload_notification_or_export_carries_a_memo() {
    let sms = Arc::new(Recorder::default());
    let email = Arc::new(Recorder::default());
    let (m, e) = (sms.clone(), email.clone());
    let s = start_with(move |c| c.notify.senders = Senders { sms: m, email: e }).await;
    let ccn = inquiry_about_goods(&s, "메모 유출 검사").await;
    let (status, body) = memo(&s, COUNSELOR, &ccn, SECRET).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let seller = transferred(&s, &ccn, "Y").await;

    // The desk answers; the customer is notified.
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "교환 도와드리겠습니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while sms.0.lock().unwrap().is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the SMS was never sent"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }

    let mut seen: Vec<(String, String)> = Vec::new();
    let mut keep = |what: &str, text: String| seen.push((what.to_owned(), text));
    // The customer: the list, the detail, the type tree, the answer-read mark.
    keep(
        "customer list",
        s.list(MEMBER1, &year_query()).await.to_string(),
    );
    keep(
        "customer detail",
        s.detail(MEMBER1, &ccn).await.1.to_string(),
    );
    let init = s
        .get_json(&format!("{CS}/getQuestionInit"), MEMBER1)
        .await
        .1;
    keep("customer init", init.to_string());
    let read = s
        .post_json(
            &format!("{CS}/questionAnsRead"),
            MEMBER1,
            json!({"ccnNo": ccn}),
        )
        .await
        .1;
    keep("answer read", read.to_string());
    // The seller: its list and its single lookup.
    let (_, list) = call(
        &s,
        seller,
        Method::GET,
        &list_path(
            seller.id,
            &format!("{}&partnerCounselingStatus=NONE", this_week()),
        ),
        None,
    )
    .await;
    assert!(
        list.to_string().contains(&ccn),
        "the seller sees the inquiry: {list}"
    );
    keep("seller list", list.to_string());
    let one_path = format!("{V}/v5/vendors/callCenterInquiries/{ccn}");
    keep(
        "seller detail",
        call(&s, seller, Method::GET, &one_path, None)
            .await
            .1
            .to_string(),
    );
    // Every notification sent.
    for sent in sms
        .0
        .lock()
        .unwrap()
        .iter()
        .chain(email.0.lock().unwrap().iter())
    {
        keep(
            "notification",
            format!("{} {} {}", sent.to, sent.subject, sent.body),
        );
    }
    // The manager's exports and logs.
    let csv = s
        .get(
            &format!("{BO}/getAccessLogCsv?{}&reason=점검", year_query()),
            MANAGER,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    keep("access log export", csv.text().await.unwrap());
    let log = s
        .get_json(&format!("{BO}/getAccessLog?{}", year_query()), MANAGER)
        .await
        .1;
    keep("access log", log.to_string());
    let history = s
        .get_json(&format!("{BO}/getQuestionHistory?ccnNo={ccn}"), MANAGER)
        .await
        .1;
    keep("history", history.to_string());
    let queue = s
        .get_json(&format!("{BO}/getQuestionList?{}", year_query()), COUNSELOR)
        .await
        .1;
    keep("desk queue", queue.to_string());

    // Four of the customer, two of the seller, the notice(s), four of the desk and the manager.
    assert!(seen.len() >= 11, "{} payloads read", seen.len());
    for (what, text) in &seen {
        assert!(!text.contains(SECRET), "{what} carries the memo: {text}");
    }
    // The desk's own detail does have it: the check above can see a memo where there is one.
    let (_, desk) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert!(desk.to_string().contains(SECRET));
}
