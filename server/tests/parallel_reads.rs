//! Reads run on a pool of connections beside the one writer. They must never see half a write:
//! while customers modify and counselors answer the same inquiries, every detail and list a
//! reader gets is a state some serial order of the writes produced.

mod common;

use std::sync::{
    atomic::{AtomicBool, AtomicUsize, Ordering},
    Arc,
};

use common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// What a reader may see of an inquiry that was registered, possibly modified while 접수완료,
/// then answered once.
fn consistent(d: &Value) -> Result<(), String> {
    let p = &d["payload"];
    let replies = p["replies"].as_array().map_or(0, Vec::len);
    match p["ccnStatCd"].as_str() {
        Some("10") if replies == 0 && p["ansDtm"].is_null() => Ok(()),
        Some("30") if replies == 1 && p["ansDtm"].is_string() => Ok(()),
        _ => Err(format!("half a write: {p:#}")),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn readers_in_parallel_never_see_half_a_write_and_the_rules_hold() {
    let s = Arc::new(start().await);
    let typ = s.leaf_type(false).await;
    let mut ids = Vec::new();
    for i in 0..24 {
        let (status, body) = s
            .save(MEMBER1, base_form(&typ, &format!("병렬 {i}"), "원래 내용"))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["payload"].as_str().unwrap().to_owned());
    }
    let ids = Arc::new(ids);
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let seen_answered = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..6)
        .map(|r| {
            let (s, ids, stop, reads, seen_answered) = (
                s.clone(),
                ids.clone(),
                stop.clone(),
                reads.clone(),
                seen_answered.clone(),
            );
            tokio::spawn(async move {
                let mut n = r;
                while !stop.load(Ordering::Relaxed) {
                    let id = &ids[n % ids.len()];
                    n += 1;
                    let (status, d) = s.detail(MEMBER1, id).await;
                    assert_eq!(status, StatusCode::OK, "{d}");
                    consistent(&d).unwrap();
                    if d["payload"]["ccnStatCd"] == "30" {
                        seen_answered.fetch_add(1, Ordering::Relaxed);
                    }
                    // The received-only list never lists an answered inquiry.
                    let (status, list) = s
                        .get_json(
                            &format!("{CS}/getQuestion?ccnStatCd=10&pageSize=30"),
                            MEMBER1,
                        )
                        .await;
                    assert_eq!(status, StatusCode::OK, "{list}");
                    for row in list["payload"]["content"].as_array().unwrap() {
                        assert_eq!(row["ccnStatCd"], "10", "{row}");
                    }
                    reads.fetch_add(2, Ordering::Relaxed);
                }
            })
        })
        .collect();

    let (mut modified_first, mut answered_first) = (0, 0);
    for (round, id) in ids.iter().enumerate() {
        let form =
            base_form(&typ, &format!("병렬 {round} 수정"), "수정한 내용").text("ccnNo", id.clone());
        let answer = format!("답변 {round}");
        let ans_path = format!("{BO}/questionAns");
        let (modify, ans) = tokio::join!(
            s.modify(MEMBER1, form),
            s.post_json(
                &ans_path,
                COUNSELOR,
                json!({"ccnNo": id, "ansCont": answer})
            )
        );
        assert_eq!(ans.0, StatusCode::OK, "{}", ans.1);
        let (_, d) = s.detail(MEMBER1, id).await;
        consistent(&d).unwrap();
        let p = &d["payload"];
        assert_eq!(p["ccnStatCd"], "30");
        match modify.0 {
            StatusCode::OK => {
                modified_first += 1;
                assert_eq!(p["accpCont"], "수정한 내용");
            }
            StatusCode::CONFLICT => {
                answered_first += 1;
                assert_eq!(p["accpCont"], "원래 내용");
            }
            other => panic!("modify answered {other}: {}", modify.1),
        }
        // Locked now: the customer's modify and delete are refused whatever the readers do.
        let (status, _) = s.delete(MEMBER1, id).await;
        assert_eq!(status, StatusCode::CONFLICT);
    }
    stop.store(true, Ordering::Relaxed);
    for r in readers {
        r.await.expect("a reader failed");
    }
    let reads = reads.load(Ordering::Relaxed);
    assert!(
        reads > ids.len(),
        "the readers ran alongside the writes ({reads} reads)"
    );
    assert!(seen_answered.load(Ordering::Relaxed) > 0);
    println!(
        "{reads} reads alongside {} races (modify first {modified_first}, answer first {answered_first})",
        ids.len()
    );
}
