//! The counselor's side: list, take and answer; an answer racing a modify.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn counselor_lists_takes_and_answers() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let (_, body) = s
        .save(
            MEMBER2,
            base_form(&typ, "상담원 처리 테스트", "답변 부탁드립니다"),
        )
        .await;
    let ccn = body["payload"].as_str().unwrap().to_owned();

    let (status, list) = s
        .get_json(
            &format!("{BO}/getQuestionList?ccnStatCd=10&pageSize=30"),
            COUNSELOR,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let rows = list["payload"]["content"].as_array().unwrap();
    assert!(rows
        .iter()
        .all(|r| r["ccnStatCd"] == "10" && r["mbrNo"].is_string()));
    let members: std::collections::HashSet<_> =
        rows.iter().map(|r| r["mbrNo"].as_str().unwrap()).collect();
    assert!(members.len() >= 2, "the back office sees every member");
    let (_, only2) = s
        .get_json(
            &format!("{BO}/getQuestionList?mbrNo=M0002&pageSize=30"),
            COUNSELOR,
        )
        .await;
    assert!(only2["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["mbrNo"] == "M0002"));

    let (status, body) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["ccnStatNm"], "처리중");
    let (_, d) = s.detail(MEMBER2, &ccn).await;
    assert_eq!(d["payload"]["ccnStatCd"], "20");

    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "  확인 후 안내드렸습니다.\n감사합니다.  "}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, d) = s.detail(MEMBER2, &ccn).await;
    let p = &d["payload"];
    assert_eq!(p["ccnStatCd"], "30");
    assert_eq!(p["ccnStatNm"], "답변완료");
    assert!(p["ansDtm"].is_string());
    assert_eq!(
        p["replies"][0]["ansCont"],
        "확인 후 안내드렸습니다.\n감사합니다."
    );
    assert_eq!(p["replies"][0]["ansTypCd"], "COUNSELOR");
    assert_eq!(
        p["replies"][0]["ansrNm"], "이서연",
        "the counselor's own name by default"
    );
    // A seller reply appends to the thread.
    let (status, _) = s
        .post_json(&format!("{BO}/questionAns"), COUNSELOR, json!({"ccnNo": ccn, "ansCont": "판매자 추가 안내", "ansTypCd": "SELLER", "ansrNm": "하루상회"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, d) = s.detail(MEMBER2, &ccn).await;
    let replies = d["payload"]["replies"].as_array().unwrap();
    assert_eq!(replies.len(), 2);
    assert_eq!(replies[1]["ansTypNm"], "판매자");
    assert_eq!(replies[1]["ansrNm"], "하루상회");
    // Back to 처리중 is refused; bad answers are 400; unknown is 404.
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_error(status, &body, StatusCode::CONFLICT, None);
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": " "}),
        )
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("ansCont", "REQUIRED")),
    );
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "x", "ansTypCd": "BOT"}),
        )
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("ansTypCd", "INVALID_AUTHOR_TYPE")),
    );
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": "123", "ansCont": "x"}),
        )
        .await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, body) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["payload"]["mbrNo"], "M0002");
}

/// A counselor's answer racing the customer's modify, many rounds: the result is always one of
/// the two serial orders — never a modification after the answer, never a lost write.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn answer_racing_modify_never_yields_a_modified_after_answer_inquiry() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let (mut modified_first, mut answered_first) = (0, 0);
    for round in 0..40 {
        let (_, body) = s
            .save(
                MEMBER1,
                base_form(&typ, &format!("경합 {round}"), "원래 내용"),
            )
            .await;
        let ccn = body["payload"].as_str().unwrap().to_owned();
        let form = base_form(&typ, &format!("경합 {round} 수정"), "수정한 내용")
            .text("ccnNo", ccn.clone());
        let answer = format!("답변 {round}");
        let ans_path = format!("{BO}/questionAns");
        let (modify, ans) = tokio::join!(
            s.modify(MEMBER1, form),
            s.post_json(
                &ans_path,
                COUNSELOR,
                json!({"ccnNo": ccn, "ansCont": answer})
            )
        );
        assert_eq!(ans.0, StatusCode::OK, "the answer always lands: {}", ans.1);
        let (_, d) = s.detail(MEMBER1, &ccn).await;
        let p = &d["payload"];
        assert_eq!(p["ccnStatCd"], "30");
        assert_eq!(p["replies"][0]["ansCont"], answer.as_str());
        match modify.0 {
            StatusCode::OK => {
                modified_first += 1;
                assert_eq!(p["accpCont"], "수정한 내용", "an accepted modify is kept");
                assert!(p["modDtm"].as_str().unwrap() <= p["ansDtm"].as_str().unwrap());
            }
            StatusCode::CONFLICT => {
                answered_first += 1;
                assert_eq!(
                    p["accpCont"], "원래 내용",
                    "a refused modify changes nothing"
                );
                assert!(p["modDtm"].is_null());
                assert!(modify.1["message"].as_str().unwrap().contains("답변완료"));
            }
            other => panic!("modify answered {other}: {}", modify.1),
        }
    }
    println!("race: modify first {modified_first}, answer first {answered_first}");
}
