//! Retention over HTTP and in the store: the purge removes exactly the records whose retention
//! ended, and their photo objects (the clock moved, not waited), once; a 회원 탈퇴 through the
//! integration API keeps the records without the name.

use inquiry_server::retention::{self, Policy, Purged};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    common::*,
    records::{logged, logged_page, photo_form, saved, server, KEY},
    year_query,
};

/// Each photo object an inquiry's records name, from the store (the purge must remove
/// exactly these).
async fn objects(s: &TestServer, ccn: &str) -> Vec<std::path::PathBuf> {
    let ccn = ccn.to_owned();
    let names = s
        .store
        .as_ref()
        .unwrap()
        .read(move |tx| inquiry_server::questions::versions::all_photo_objects(tx, &ccn))
        .await
        .unwrap();
    names.iter().map(|n| s.photo_dir().join(n)).collect()
}

async fn counts(s: &TestServer, extra: &str) -> Value {
    let (_, c) = s
        .get_json(
            &format!("{BO}/getQuestionCounts?{}{extra}", year_query()),
            COUNSELOR,
        )
        .await;
    c["payload"].clone()
}

async fn withdrawn_total(s: &TestServer) -> u64 {
    let (_, l) = s
        .get_json(
            &format!("{BO}/getQuestionList?{}&wdrwYn=Y", year_query()),
            COUNSELOR,
        )
        .await;
    l["payload"]["pagination"]["totalElements"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn the_purge_removes_exactly_the_expired_records_and_their_photos() {
    let s = server().await;
    let (store, blobs) = (s.store.clone().unwrap(), s.blobs.clone().unwrap());
    let typ = s.leaf_type(false).await;
    // Answered, withdrawn, answered after an edit that dropped its photo, still open.
    let answered = saved(&s, photo_form(&typ, "답변될 문의")).await;
    let withdrawn = saved(&s, photo_form(&typ, "철회될 문의")).await;
    let edited = saved(&s, photo_form(&typ, "수정될 문의")).await;
    let open = saved(&s, photo_form(&typ, "열린 문의")).await;
    let form = base_form(&typ, "사진을 뺀 문의", "내용").text("ccnNo", edited.clone());
    assert_eq!(s.modify(MEMBER1, form).await.0, StatusCode::OK);
    for ccn in [&answered, &edited] {
        let (status, body) = s
            .post_json(
                &format!("{BO}/questionAns"),
                COUNSELOR,
                json!({"ccnNo": ccn, "ansCont": "답변"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    assert_eq!(s.delete(MEMBER1, &withdrawn).await.0, StatusCode::OK);
    let mut ended = Vec::new();
    for ccn in [&answered, &withdrawn, &edited] {
        ended.extend(objects(&s, ccn).await);
    }
    assert_eq!(
        ended.len(),
        3,
        "the edited one's photo is kept by its version"
    );
    assert!(ended.iter().all(|p| p.is_file()));
    let open_photos = objects(&s, &open).await;
    assert_eq!(open_photos.len(), 1);
    let now = chrono::Utc::now();
    let days = chrono::Duration::days(1095);
    let keep_log = Policy {
        access_log_days: 100_000,
        ..Policy::default()
    };

    // An hour short of three years after they ended: everything of ours stays (seeded
    // inquiries that ended earlier go).
    let first = retention::purge(
        &store,
        &blobs,
        &keep_log,
        now + days - chrono::Duration::hours(1),
    )
    .await
    .unwrap()
    .unwrap();
    for ccn in [&answered, &withdrawn, &edited, &open] {
        let (status, _) = s
            .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
            .await;
        assert_eq!(status, StatusCode::OK, "{ccn} kept");
    }
    assert!(ended.iter().chain(&open_photos).all(|p| p.is_file()));
    let (purged_entries, purged_total) = logged_page(&s, "PURGE").await;
    assert_eq!(purged_total, first.inquiries);
    assert!(purged_entries.iter().all(|e| e["actorRole"] == "SYSTEM"));

    // An hour past: exactly the ones that ended, with their photos; the open one stays.
    let before = counts(&s, "").await;
    let ended_count = before["answered"].as_u64().unwrap() + withdrawn_total(&s).await;
    assert!(ended_count >= 3);
    let (_, log) = s
        .get_json(&format!("{BO}/getAccessLog?{}", year_query()), MANAGER)
        .await;
    let entries = log["payload"]["pagination"]["totalElements"]
        .as_u64()
        .unwrap();
    let second = retention::purge(
        &store,
        &blobs,
        &Policy::default(),
        now + days + chrono::Duration::hours(1),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(second.inquiries, ended_count);
    assert!(second.photos >= 3);
    for ccn in [&answered, &withdrawn, &edited] {
        let (status, _) = s
            .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{ccn} purged");
    }
    assert!(
        ended.iter().all(|p| !p.exists()),
        "their photo objects are gone"
    );
    assert!(
        open_photos.iter().all(|p| p.is_file()),
        "the open one's photo stays"
    );
    let after = counts(&s, "").await;
    assert_eq!(after["answered"], 0);
    assert_eq!(after["received"], before["received"]);
    assert_eq!(after["inProgress"], before["inProgress"]);
    assert_eq!(withdrawn_total(&s).await, 0);
    let (status, _) = s.detail(MEMBER1, &open).await;
    assert_eq!(status, StatusCode::OK);
    // The access log past its two years went too: every entry, and the purge's own.
    assert_eq!(
        second.access_log,
        entries + second.inquiries,
        "every entry so far, and this purge's own PURGE entries"
    );

    // Idempotent: nothing more to remove.
    let again = retention::purge(
        &store,
        &blobs,
        &Policy::default(),
        now + days + chrono::Duration::hours(1),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(again, Purged::default());

    // The counts reach /metrics.
    let metrics = s
        .client
        .get(s.url("/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let line = metrics
        .lines()
        .find(|l| l.starts_with("inquiry_purged_total{kind=\"inquiries\"}"))
        .expect("the purge counter");
    let total: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(
        total >= (first.inquiries + second.inquiries) as f64,
        "{line}"
    );
}

#[tokio::test]
async fn a_member_who_leaves_keeps_their_records_without_their_name() {
    let s = server().await;
    let ccn = s.any_with_status(MEMBER2, "30").await;
    let path = "/api/integration/v1/members/M0002";
    let r = s.req(Method::DELETE, path, None).send().await.unwrap();
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "the integration key is needed"
    );
    let r = s.req(Method::DELETE, path, Some(KEY)).send().await.unwrap();
    let (status, body) = read(r).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"],
        json!({"mbrNo": "M0002", "forgotten": true})
    );
    let (_, d) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(
        d["payload"]["mbrNm"], "탈퇴회원",
        "the record stays, without the name"
    );
    assert_eq!(d["payload"]["mbrNo"], "M0002");
    let (status, _) = s.detail(MEMBER2, &ccn).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "their session is gone");
    let forgot = logged(&s, "FORGET_MEMBER").await;
    assert_eq!(forgot.len(), 1);
    assert_eq!(
        (forgot[0]["mbrNo"].as_str(), forgot[0]["actorRole"].as_str()),
        (Some("M0002"), Some("SYSTEM"))
    );
    let r = s.req(Method::DELETE, path, Some(KEY)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "once");
    let r = s
        .req(
            Method::DELETE,
            "/api/integration/v1/members/NOBODY",
            Some(KEY),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
