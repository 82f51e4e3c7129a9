//! The console's operations: queue counts and filters, taking, answering once, templates, and
//! the member's unread-answer marker.

use crate::{common::*, year_query};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn rows(list: &Value) -> &Vec<Value> {
    list["payload"]["content"].as_array().unwrap()
}

async fn new_inquiry(s: &TestServer, member: &str, title: &str) -> String {
    let typ = s.leaf_type(false).await;
    let (status, body) = s
        .save(member, base_form(&typ, title, "콘솔 테스트 내용"))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["payload"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn the_queue_counts_match_its_lists_and_received_lists_the_soonest_due_first() {
    let s = start().await;
    let year = year_query();
    let (_, counts) = s
        .get_json(&format!("{BO}/getQuestionCounts?{year}"), COUNSELOR)
        .await;
    let counts = &counts["payload"];
    for (code, key) in [("10", "received"), ("20", "inProgress"), ("30", "answered")] {
        let (_, list) = s
            .get_json(
                &format!("{BO}/getQuestionList?{year}&ccnStatCd={code}&pageSize=30"),
                COUNSELOR,
            )
            .await;
        assert_eq!(
            list["payload"]["pagination"]["totalElements"], counts[key],
            "the {key} tab's count is its list's total"
        );
    }
    let (_, received) = s
        .get_json(
            &format!("{BO}/getQuestionList?{year}&ccnStatCd=10&pageSize=30"),
            COUNSELOR,
        )
        .await;
    let due =
        |r: &Value| chrono::DateTime::parse_from_rfc3339(r["ansDueDtm"].as_str().unwrap()).unwrap();
    let times: Vec<_> = rows(&received).iter().map(due).collect();
    assert!(times.len() > 2);
    assert!(
        times.windows(2).all(|w| w[0] <= w[1]),
        "접수완료 lists the soonest due first: {times:?}"
    );
    // A holder's tab keeps receipt order, longest-waiting first.
    let (_, mine) = s
        .get_json(
            &format!("{BO}/getQuestionList?{year}&ccnStatCd=10&cnslrNo=none&pageSize=30"),
            COUNSELOR,
        )
        .await;
    let received_at: Vec<&str> = rows(&mine)
        .iter()
        .map(|r| r["accpDtm"].as_str().unwrap())
        .collect();
    assert!(
        received_at.windows(2).all(|w| w[0] <= w[1]),
        "{received_at:?}"
    );
    // A type narrows the queue to that type (a large type to its leaves) and the counts with it.
    let (_, typed) = s
        .get_json(
            &format!("{BO}/getQuestionList?{year}&cnslTypNo=20&pageSize=30"),
            COUNSELOR,
        )
        .await;
    assert!(!rows(&typed).is_empty());
    assert!(rows(&typed).iter().all(|r| r["cnslLrgTypNo"] == "20"));
    let (_, typed_counts) = s
        .get_json(
            &format!("{BO}/getQuestionCounts?{year}&cnslTypNo=20"),
            COUNSELOR,
        )
        .await;
    let p = &typed_counts["payload"];
    let sum = ["received", "inProgress", "answered"]
        .iter()
        .map(|k| p[k].as_u64().unwrap())
        .sum::<u64>();
    assert_eq!(json!(sum), typed["payload"]["pagination"]["totalElements"]);
    // A new inquiry moves the count at once (the cached totals follow writes).
    new_inquiry(&s, MEMBER1, "카운트가 바로 바뀌나요").await;
    let (_, after) = s
        .get_json(&format!("{BO}/getQuestionCounts?{year}"), COUNSELOR)
        .await;
    assert_eq!(
        after["payload"]["received"].as_u64().unwrap(),
        counts["received"].as_u64().unwrap() + 1
    );
}

#[tokio::test]
async fn taking_makes_the_counselor_its_holder_and_another_counselor_is_told_who() {
    let s = start().await;
    let ccn = new_inquiry(&s, MEMBER2, "담당자 테스트").await;
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["cnslrNo"], "C001");
    assert_eq!(body["payload"]["cnslrNm"], "이서연");
    // Taking it again is fine for its holder, refused for another counselor.
    let (status, _) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR2,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_error(status, &body, StatusCode::CONFLICT, None);
    assert_eq!(body["code"], "TAKEN_BY_OTHER");
    assert!(body["message"].as_str().unwrap().contains("이서연"));
    assert_eq!(body["payload"]["cnslrNo"], "C001");
    // The queue shows the holder, and "mine" finds it; the member never sees who.
    let (_, mine) = s
        .get_json(
            &format!(
                "{BO}/getQuestionList?{}&ccnStatCd=20&cnslrNo=me&pageSize=30",
                year_query()
            ),
            COUNSELOR,
        )
        .await;
    let row = rows(&mine)
        .iter()
        .find(|r| r["ccnNo"] == ccn.as_str())
        .expect("in my queue");
    assert_eq!(row["cnslrNm"], "이서연");
    assert!(rows(&mine).iter().all(|r| r["cnslrNo"] == "C001"));
    let (_, theirs) = s
        .get_json(
            &format!(
                "{BO}/getQuestionList?{}&ccnStatCd=20&cnslrNo=me&pageSize=30",
                year_query()
            ),
            COUNSELOR2,
        )
        .await;
    assert!(rows(&theirs).iter().all(|r| r["ccnNo"] != ccn.as_str()));
    let (_, d) = s.detail(MEMBER2, &ccn).await;
    assert!(d["payload"].get("cnslrNo").is_none(), "{d}");
}

#[tokio::test]
async fn a_counselor_answers_once_and_the_late_one_gets_the_answer_that_won() {
    let s = start().await;
    let ccn = new_inquiry(&s, MEMBER1, "답변 경합").await;
    let ans = format!("{BO}/questionAns");
    let (won, lost) = race_two_answers((&s, COUNSELOR), (&s, COUNSELOR2), &ccn).await;
    let winner = won.1["payload"]["replies"][0]["ansrNm"].as_str().unwrap();
    assert!(
        lost.1["message"].as_str().unwrap().contains(winner),
        "the message names who answered: {}",
        lost.1["message"]
    );
    let (_, d) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(d["payload"]["replies"].as_array().unwrap().len(), 1);

    // An inquiry its member deleted (withdrew) a moment ago: kept, but not worked on — 409
    // that says so.
    let gone = new_inquiry(&s, MEMBER1, "곧 삭제됨").await;
    let (status, _) = s.delete(MEMBER1, &gone).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = s
        .post_json(&ans, COUNSELOR, json!({"ccnNo": gone, "ansCont": "답변"}))
        .await;
    assert_error(status, &body, StatusCode::CONFLICT, None);
    assert_eq!(body["code"], "WITHDRAWN");
    assert!(body["message"].as_str().unwrap().contains("삭제"));
    assert!(body["payload"]["wdrwDtm"].is_string(), "{body}");
}

#[tokio::test]
async fn templates_come_filled_in_for_the_inquiry_and_its_type() {
    let s = start().await;
    let (ord_no, goods_no, _) = s.ordered_goods(MEMBER1).await;
    // 2020 배송 지연 (a 배송 leaf): its large type's template applies.
    let form = base_form("2020", "배송이 늦어요", "언제 오나요")
        .text("goodsNo", goods_no)
        .text("ordNo", ord_no.clone());
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap();
    let (status, t) = s
        .get_json(&format!("{BO}/getAnswerTemplates?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK);
    let list = t["payload"].as_array().unwrap();
    let names: Vec<&str> = list.iter().map(|x| x["tmplNm"].as_str().unwrap()).collect();
    assert_eq!(
        names[0], "배송 지연 안내",
        "the type's own first: {names:?}"
    );
    assert!(
        !names.contains(&"반품·교환 접수 안내"),
        "not another type's: {names:?}"
    );
    let text = list[0]["tmplCont"].as_str().unwrap();
    assert!(text.contains("김하늘 고객님"), "{text}");
    assert!(text.contains(&ord_no), "{text}");
    assert!(text.contains("이서연"), "the counselor's own name: {text}");
    assert!(list
        .iter()
        .all(|x| !x["tmplCont"].as_str().unwrap().contains('{')));
}

#[tokio::test]
async fn the_unread_answer_marker_stays_until_the_member_reads_it() {
    let s = start().await;
    let ccn = new_inquiry(&s, MEMBER2, "읽음 표시").await;
    let unread = |list: &Value| {
        rows(list)
            .iter()
            .find(|r| r["ccnNo"] == ccn.as_str())
            .map(|r| r["ansUnreadYn"].clone())
    };
    let q = format!("{}&pageSize=30", year_query());
    assert_eq!(unread(&s.list(MEMBER2, &q).await), Some(json!("N")));
    let (status, _) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "답변"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unread(&s.list(MEMBER2, &q).await), Some(json!("Y")));
    // Reading it is the member's own: another member gets 404 and changes nothing.
    let read = format!("{CS}/questionAnsRead");
    let (status, _) = s.post_json(&read, MEMBER1, json!({"ccnNo": ccn})).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(unread(&s.list(MEMBER2, &q).await), Some(json!("Y")));
    let (status, body) = s.post_json(&read, MEMBER2, json!({"ccnNo": ccn})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(unread(&s.list(MEMBER2, &q).await), Some(json!("N")));
    let (_, d) = s.detail(MEMBER2, &ccn).await;
    assert_eq!(d["payload"]["ansUnreadYn"], "N");
    // A seller's reply later is news again.
    let (status, _) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "판매자 추가 안내", "ansTypCd": "SELLER", "ansrNm": "소담리빙"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(unread(&s.list(MEMBER2, &q).await), Some(json!("Y")));
}
