//! The customer's rating of an answer (`questionSatisfaction`): once, only when answered, every
//! rule checked on the server; shown to both sides, 불만족 flagged in the desk's queue.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::{common::*, year_query};

async fn answered(s: &TestServer, title: &str) -> String {
    let typ = s.leaf_type(false).await;
    let (status, body) = s
        .save(MEMBER1, base_form(&typ, title, "답변 평가 테스트"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap().to_owned();
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "답변드립니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    ccn
}

async fn rate(s: &TestServer, token: &str, body: Value) -> (StatusCode, Value) {
    s.post_json(&format!("{CS}/questionSatisfaction"), token, body)
        .await
}

#[tokio::test]
async fn an_answer_is_rated_once_and_both_sides_see_it() {
    let s = start().await;
    let ccn = answered(&s, "평가할 문의").await;
    let (status, body) = rate(
        &s,
        MEMBER1,
        json!({"ccnNo": ccn, "satisfiedYn": "N", "reasonCd": "UNCLEAR", "comment": "  <b>무슨 뜻</b>인지 모르겠어요 "}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let given = &body["payload"];
    assert_eq!(given["satisfiedYn"], "N");
    assert_eq!(given["reasonCd"], "UNCLEAR");
    assert_eq!(given["reasonNm"], "답변을 이해하기 어려워요");
    assert_eq!(
        given["comment"], "<b>무슨 뜻</b>인지 모르겠어요",
        "trimmed, verbatim"
    );

    let (_, detail) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(
        &detail["payload"]["stsf"], given,
        "the customer's detail shows it"
    );

    // Once: a second rating, even a different one, changes nothing.
    let (status, again) = rate(&s, MEMBER1, json!({"ccnNo": ccn, "satisfiedYn": "Y"})).await;
    assert_error(status, &again, StatusCode::CONFLICT, None);
    assert_eq!(again["code"], "ALREADY_RATED");
    assert_eq!(&again["payload"], given, "the rating that stands");
    assert_eq!(&s.detail(MEMBER1, &ccn).await.1["payload"]["stsf"], given);

    // The desk: on the inquiry, and 불만족 flagged in the queue.
    let (_, bo) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(&bo["payload"]["stsf"], given);
    let (_, queue) = s
        .get_json(
            &format!(
                "{BO}/getQuestionList?{}&ccnStatCd=30&searchWord=평가&pageSize=30",
                year_query()
            ),
            COUNSELOR,
        )
        .await;
    let rows = queue["payload"]["content"]
        .as_array()
        .unwrap_or_else(|| panic!("{queue}"))
        .clone();
    let row = rows
        .iter()
        .find(|r| r["ccnNo"] == ccn.as_str())
        .unwrap_or_else(|| panic!("{queue}"));
    assert_eq!(row["stsfYn"], "N");
    assert!(
        rows.iter()
            .filter(|r| r["ccnNo"] != ccn.as_str())
            .all(|r| r.get("stsfYn").is_none()),
        "rows not rated carry no flag"
    );
    // The customer's list carries no flag of the desk's.
    assert!(!s
        .list(MEMBER1, &year_query())
        .await
        .to_string()
        .contains("stsfYn"));
}

#[tokio::test]
async fn a_rating_is_checked_on_the_server() {
    let s = start().await;
    let ccn = answered(&s, "규칙 검사").await;
    let cases = [
        (json!({"ccnNo": ccn}), "satisfiedYn", "REQUIRED"),
        (
            json!({"ccnNo": ccn, "satisfiedYn": "maybe"}),
            "satisfiedYn",
            "INVALID_YN",
        ),
        (
            json!({"ccnNo": ccn, "satisfiedYn": "N"}),
            "reasonCd",
            "REQUIRED",
        ),
        (
            json!({"ccnNo": ccn, "satisfiedYn": "Y", "reasonCd": "SLOW"}),
            "reasonCd",
            "NOT_ALLOWED",
        ),
        (
            json!({"ccnNo": ccn, "satisfiedYn": "N", "reasonCd": "BORED"}),
            "reasonCd",
            "INVALID_REASON",
        ),
        (
            json!({"ccnNo": ccn, "satisfiedYn": "Y", "comment": "가".repeat(501)}),
            "comment",
            "TOO_LONG",
        ),
        (json!({"satisfiedYn": "Y"}), "ccnNo", "REQUIRED"),
    ];
    for (body, field, code) in cases {
        let (status, got) = rate(&s, MEMBER1, body.clone()).await;
        assert_error(status, &got, StatusCode::BAD_REQUEST, Some((field, code)));
    }
    // None of those was recorded: a valid rating still goes in.
    let (status, body) = rate(
        &s,
        MEMBER1,
        json!({"ccnNo": ccn, "satisfiedYn": "Y", "comment": ""}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(
        body["payload"]["comment"].is_null(),
        "an empty comment is none"
    );
}

#[tokio::test]
async fn only_the_members_own_answered_inquiry_can_be_rated() {
    let s = start().await;
    let ccn = answered(&s, "남의 문의").await;
    let (status, body) = rate(&s, MEMBER2, json!({"ccnNo": ccn, "satisfiedYn": "Y"})).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, _) = rate(&s, COUNSELOR, json!({"ccnNo": ccn, "satisfiedYn": "Y"})).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let waiting = s.any_with_status(MEMBER1, "10").await;
    let (status, body) = rate(&s, MEMBER1, json!({"ccnNo": waiting, "satisfiedYn": "Y"})).await;
    assert_error(status, &body, StatusCode::CONFLICT, None);
    assert_eq!(body["code"], "STATUS_CONFLICT");
    assert_eq!(body["payload"]["ccnStatCd"], "10");
    assert!(s.detail(MEMBER1, &waiting).await.1["payload"]
        .get("stsf")
        .is_none());
}

/// Two tabs send their rating at the same moment: exactly one is recorded.
#[tokio::test]
async fn two_ratings_at_once_record_exactly_one() {
    let s = start().await;
    let ccn = answered(&s, "동시 평가").await;
    let (a, b) = tokio::join!(
        rate(&s, MEMBER1, json!({"ccnNo": ccn, "satisfiedYn": "Y"})),
        rate(
            &s,
            MEMBER1,
            json!({"ccnNo": ccn, "satisfiedYn": "N", "reasonCd": "SLOW"})
        ),
    );
    let mut statuses = [a.0, b.0];
    statuses.sort();
    assert_eq!(
        statuses,
        [StatusCode::CREATED, StatusCode::CONFLICT],
        "{a:?} {b:?}"
    );
    let winner = if a.0 == StatusCode::CREATED { a.1 } else { b.1 };
    assert_eq!(
        s.detail(MEMBER1, &ccn).await.1["payload"]["stsf"],
        winner["payload"]
    );
}
