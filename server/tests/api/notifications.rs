//! Answer notifications: the outbox row per consented channel, delivery through the configured
//! sender, retries with backoff, and an answer that never depends on a send.

use std::{
    sync::{
        atomic::{AtomicU32, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

use crate::common::*;
use inquiry_server::notify::{Outgoing, RetryPolicy, SendFuture, Sender, Senders};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Fails its first `failures` sends, then delivers; remembers what it delivered.
#[derive(Default)]
struct Flaky {
    failures: u32,
    calls: AtomicU32,
    delivered: Mutex<Vec<Outgoing>>,
}

impl Sender for Flaky {
    fn send<'a>(&'a self, m: &'a Outgoing) -> SendFuture<'a> {
        Box::pin(async move {
            let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
            if n <= self.failures {
                return Err(format!("gateway unavailable (call {n})"));
            }
            self.delivered.lock().unwrap().push(m.clone());
            Ok(inquiry_server::notify::Delivered::via("TEST"))
        })
    }
    fn describe(&self) -> String {
        "flaky".into()
    }
}

fn fast_retries(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        base: Duration::from_millis(40),
        cap: Duration::from_millis(200),
        max_attempts,
        send_timeout: Duration::from_secs(5),
    }
}

pub(crate) async fn answered_inquiry(s: &TestServer, sms: &str, email: &str) -> String {
    let typ = s.leaf_type(false).await;
    let form = reqwest::multipart::Form::new()
        .text("cnslTypNo", typ)
        .text("ccnTitle", "알림 테스트 문의")
        .text("accpCont", "답변 알림을 받고 싶어요")
        .text("smsRcvYn", sms.to_owned())
        .text("emailRcvYn", email.to_owned());
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap().to_owned();
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "답변드립니다."}),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the answer lands whatever the senders do: {body}"
    );
    ccn
}

/// The inquiry's notifications once none of them is pending any more (within 10 s).
pub(crate) async fn settled(s: &TestServer, ccn: &str) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let (_, d) = s
            .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
            .await;
        let list = d["payload"]["notifications"].as_array().unwrap().clone();
        if list.iter().all(|n| n["ntfStatCd"] != "PENDING") {
            return list;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "still pending: {list:?}"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

#[tokio::test]
async fn only_the_channels_the_member_consented_to_are_notified() {
    let email = Arc::new(Flaky::default());
    let sms = Arc::new(Flaky::default());
    let (e, m) = (email.clone(), sms.clone());
    let s = start_with(move |c| {
        c.notify.senders = Senders { sms: m, email: e };
    })
    .await;
    let ccn = answered_inquiry(&s, "N", "Y").await;
    let list = settled(&s, &ccn).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["channel"], "EMAIL");
    assert_eq!(list[0]["ntfStatCd"], "SENT");
    assert_eq!(
        list[0]["rcpt"], "ha********@example.com",
        "masked for the console"
    );
    assert!(sms.delivered.lock().unwrap().is_empty());
    let sent = email.delivered.lock().unwrap()[0].clone();
    assert_eq!(
        sent.to, "haneul.kim@example.com",
        "delivered to the real address"
    );
    assert!(
        sent.body.contains(&ccn) && sent.body.contains("김하늘"),
        "{}",
        sent.body
    );

    let none = answered_inquiry(&s, "N", "N").await;
    assert!(
        settled(&s, &none).await.is_empty(),
        "no consent, no notification"
    );
}

#[tokio::test]
async fn a_failing_sender_is_retried_with_backoff_until_it_delivers() {
    let sms = Arc::new(Flaky {
        failures: 2,
        ..Flaky::default()
    });
    let m = sms.clone();
    let s = start_with(move |c| {
        c.notify.senders.sms = m;
        c.notify.retry = fast_retries(5);
    })
    .await;
    let ccn = answered_inquiry(&s, "Y", "N").await;
    // The customer sees the answer at once, whatever the gateway does.
    let (_, d) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(d["payload"]["ccnStatCd"], "30");
    let list = settled(&s, &ccn).await;
    assert_eq!(list[0]["channel"], "SMS");
    assert_eq!(list[0]["ntfStatCd"], "SENT", "{list:?}");
    assert_eq!(list[0]["attemptCnt"], 3, "two failures, then delivered");
    assert!(list[0]["lastError"].is_null());
    assert_eq!(
        sms.delivered.lock().unwrap().len(),
        1,
        "delivered exactly once"
    );
}

#[tokio::test]
async fn a_sender_that_never_recovers_is_given_up_and_the_answer_is_kept() {
    let sms = Arc::new(Flaky {
        failures: u32::MAX,
        ..Flaky::default()
    });
    let m = sms.clone();
    let s = start_with(move |c| {
        c.notify.senders.sms = m;
        c.notify.retry = fast_retries(3);
    })
    .await;
    let ccn = answered_inquiry(&s, "Y", "N").await;
    let list = settled(&s, &ccn).await;
    assert_eq!(list[0]["ntfStatCd"], "FAILED");
    assert_eq!(list[0]["attemptCnt"], 3);
    assert!(list[0]["lastError"]
        .as_str()
        .unwrap()
        .contains("gateway unavailable"));
    assert_eq!(
        sms.calls.load(Ordering::SeqCst),
        3,
        "no attempt after giving up"
    );
    let (_, d) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(d["payload"]["replies"][0]["ansCont"], "답변드립니다.");
}
