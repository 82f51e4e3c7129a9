//! The access log over HTTP: each kind of access and change logged (and only a manager reads
//! or exports it), an inquiry's history, the monthly review. The retention purge and a 회원
//! 탈퇴 are `retention.rs`; both share this module's server and log readers.

use std::sync::Arc;

use inquiry_server::{
    config::Secret,
    identity::{demo::DemoIssuer, Identity},
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::{
    common::*,
    sellers::{call, inquiry_about_goods, list_path, this_week, transferred, V},
    today, year_query,
};

pub(crate) const KEY: &str = "integration-key-for-the-record-tests-0123";

pub(crate) async fn server() -> TestServer {
    start_with(|c| {
        c.integration_key = Some(Secret::new(KEY));
        c.identity = Arc::new(Identity::new(None, Some(DemoIssuer::generate())));
        c.client_ip_header = Some("x-forwarded-for".parse().unwrap());
        // Two detail views on one day are "unusual" here, so the review flags them.
        c.review_daily_views = 1;
    })
    .await
}

/// The manager's first page of the log for one action (this year).
pub(crate) async fn logged(s: &TestServer, action: &str) -> Vec<Value> {
    logged_page(s, action).await.0
}

/// …and how many entries there are in all.
pub(crate) async fn logged_page(s: &TestServer, action: &str) -> (Vec<Value>, u64) {
    let (status, body) = s
        .get_json(
            &format!(
                "{BO}/getAccessLog?{}&actionCd={action}&pageSize=30",
                year_query()
            ),
            MANAGER,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (
        body["payload"]["content"].as_array().unwrap().clone(),
        body["payload"]["pagination"]["totalElements"]
            .as_u64()
            .unwrap(),
    )
}

pub(crate) fn photo_form(typ: &str, title: &str) -> reqwest::multipart::Form {
    base_form(typ, title, "사진을 첨부합니다.").part(
        "atchFiles",
        file_part("p.png", png_bytes(8, 8), "image/png"),
    )
}

pub(crate) async fn saved(s: &TestServer, form: reqwest::multipart::Form) -> String {
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["payload"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn every_access_and_change_is_logged_and_only_a_manager_reads_the_log() {
    let s = server().await;
    let typ = s.leaf_type(false).await;
    let photo = saved(&s, photo_form(&typ, "사진 문의")).await;

    // A counselor reads the detail (through a proxy: the rightmost X-Forwarded-For value is
    // the address the proxy saw), a photo, and one member's list.
    let r = s
        .get(&format!("{BO}/getQuestionDtl?ccnNo={photo}"), COUNSELOR)
        .header("x-forwarded-for", "203.0.113.9, 198.51.100.7")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = s
        .get(
            &format!("{CS}/getQuestionFile?ccnNo={photo}&fileSeq=1"),
            COUNSELOR,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (status, _) = s
        .get_json(
            &format!("{BO}/getQuestionList?{}&mbrNo=M0001", year_query()),
            COUNSELOR,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    // The member edits one inquiry and withdraws another.
    let form = base_form(&typ, "고친 사진 문의", "내용").text("ccnNo", photo.clone());
    assert_eq!(s.modify(MEMBER1, form).await.0, StatusCode::OK);
    let gone = saved(&s, base_form(&typ, "철회할 문의", "내용")).await;
    assert_eq!(s.delete(MEMBER1, &gone).await.0, StatusCode::OK);
    // A counselor takes, transfers to the seller, answers another.
    let goods = inquiry_about_goods(&s, "이관할 문의").await;
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": goods}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let seller = transferred(&s, &goods, "Y").await;
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": photo, "ansCont": "확인했습니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // The seller lists, opens and answers its transfer.
    let (status, list) = call(
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
    assert_eq!(status, StatusCode::OK, "{list}");
    let view = format!("{V}/v5/vendors/callCenterInquiries/{goods}");
    let (status, one) = call(&s, seller, Method::GET, &view, None).await;
    assert_eq!(status, StatusCode::OK, "{one}");
    let parent = one["data"]["replies"][0]["answerId"].as_i64().unwrap();
    let reply = json!({"vendorId": seller.id, "inquiryId": goods, "content": "교환해 드리겠습니다.",
                       "replyBy": "wing-kim", "parentAnswerId": parent});
    let path = format!(
        "{V}/v4/vendors/{}/callCenterInquiries/{goods}/replies",
        seller.id
    );
    let (status, done) = call(&s, seller, Method::POST, &path, Some(reply)).await;
    assert_eq!(status, StatusCode::OK, "{done}");

    // Only a manager reads the log: a counselor and a member are refused.
    for token in [COUNSELOR, MEMBER1] {
        let (status, body) = s
            .get_json(&format!("{BO}/getAccessLog?{}", year_query()), token)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{token}: {body}");
    }
    let (_, me) = s.get_json(&format!("{BO}/whoami"), MANAGER).await;
    assert_eq!(me["payload"]["mgrYn"], "Y");
    let (_, me) = s.get_json(&format!("{BO}/whoami"), COUNSELOR).await;
    assert_eq!(me["payload"]["mgrYn"], "N");

    // One entry per access, naming who, in which role, from where, what, which and whose.
    let view = logged(&s, "VIEW_DETAIL").await;
    assert_eq!(view.len(), 1, "{view:?}");
    let e = &view[0];
    assert_eq!(
        (
            e["actorRole"].as_str(),
            e["actorNo"].as_str(),
            e["actorNm"].as_str()
        ),
        (Some("COUNSELOR"), Some("C001"), Some("이서연"))
    );
    assert_eq!(e["clientIp"], "198.51.100.7");
    assert_eq!(
        (e["ccnNo"].as_str(), e["mbrNo"].as_str()),
        (Some(photo.as_str()), Some("M0001"))
    );
    assert_eq!(e["actionNm"], "문의 상세 조회");
    assert!(e["logDtm"].as_str().unwrap().ends_with("+09:00"));
    let photo_view = &logged(&s, "VIEW_PHOTO").await[0];
    assert_eq!(
        photo_view["clientIp"], "127.0.0.1",
        "the peer, without the proxy's header"
    );
    assert_eq!(photo_view["detail"], "사진 1");
    assert_eq!(logged(&s, "LIST_MEMBER").await[0]["mbrNo"], "M0001");
    for (action, ccn, role) in [
        ("MODIFY", &photo, "MEMBER"),
        ("WITHDRAW", &gone, "MEMBER"),
        ("TAKE", &goods, "COUNSELOR"),
        ("TRANSFER", &goods, "COUNSELOR"),
        ("ANSWER", &photo, "COUNSELOR"),
        ("SELLER_VIEW", &goods, "SELLER"),
        ("SELLER_REPLY", &goods, "SELLER"),
    ] {
        let entries = logged(&s, action).await;
        assert_eq!(entries.len(), 1, "{action}: {entries:?}");
        assert_eq!(entries[0]["ccnNo"], **ccn, "{action}");
        assert_eq!(entries[0]["actorRole"], role, "{action}");
        assert_eq!(entries[0]["mbrNo"], "M0001", "{action}");
    }
    let listed = &logged(&s, "SELLER_LIST").await[0];
    assert_eq!(listed["actorNo"], seller.id);
    assert!(listed["detail"].as_str().unwrap().contains(&goods));

    // Filters: by counselor, member and inquiry.
    let (_, mine) = s
        .get_json(
            &format!(
                "{BO}/getAccessLog?{}&cnslrNo=C001&ccnNo={goods}",
                year_query()
            ),
            MANAGER,
        )
        .await;
    let actions: Vec<_> = mine["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actionCd"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["TRANSFER", "TAKE"], "newest first");
    let (status, body) = s
        .get_json(&format!("{BO}/getAccessLog?actionCd=DELETE_ALL"), MANAGER)
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("actionCd", "INVALID_ACTION")),
    );

    // Nothing edits or deletes an entry: the log has no such method.
    for method in [Method::PUT, Method::DELETE, Method::POST, Method::PATCH] {
        let r = s
            .req(method.clone(), &format!("{BO}/getAccessLog"), Some(MANAGER))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }

    // The export needs a reason, and is itself logged with it.
    let csv_path = format!("{BO}/getAccessLogCsv?{}", year_query());
    let r = s.get(&csv_path, MANAGER).send().await.unwrap();
    let (status, body) = read(r).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("reason", "REQUIRED")),
    );
    assert!(
        logged(&s, "EXPORT_LOG").await.is_empty(),
        "a refused export is no export"
    );
    let r = s.get(&csv_path, COUNSELOR).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = s
        .get(&format!("{csv_path}&reason=12월 월간 점검"), MANAGER)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"access-log-"));
    let text = r.text().await.unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}번호,일시,역할,처리자번호,처리자,접속IP,행위코드,행위,문의번호,회원번호,내용"
    );
    assert!(
        text.contains(&format!("VIEW_DETAIL,문의 상세 조회,{photo},M0001")),
        "{text}"
    );
    let export = &logged(&s, "EXPORT_LOG").await[0];
    assert_eq!(export["actorRole"], "MANAGER");
    assert!(
        export["detail"]
            .as_str()
            .unwrap()
            .contains("사유: 12월 월간 점검"),
        "{export}"
    );

    // The inquiry's history: received, then who did what.
    let (status, history) = s
        .get_json(&format!("{BO}/getQuestionHistory?ccnNo={goods}"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let steps: Vec<_> = history["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["actionCd"].as_str().unwrap(),
                e["actorNm"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        [
            ("RECEIVED", "김하늘"),
            ("TAKE", "이서연"),
            ("TRANSFER", "이서연"),
            ("SELLER_REPLY", seller.name),
        ],
        "reads are not in the timeline"
    );

    // The monthly review: counts per person, a day over the threshold flagged.
    let (status, _) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={goods}"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, review) = s.get_json(&format!("{BO}/getAccessReview"), MANAGER).await;
    assert_eq!(status, StatusCode::OK, "{review}");
    let c001 = review["payload"]["people"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["actorNo"] == "C001")
        .unwrap()
        .clone();
    let views = c001["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["actionCd"] == "VIEW_DETAIL")
        .unwrap()["count"]
        .as_u64()
        .unwrap();
    assert_eq!(views, 2);
    assert_eq!(c001["flaggedDays"][0]["date"], today().to_string());
    assert_eq!(
        c001["flaggedDays"][0]["views"], 3,
        "two details and a photo"
    );
    let (status, _) = s
        .get_json(&format!("{BO}/getAccessReview"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = s
        .get_json(&format!("{BO}/getAccessReview?month=2026-13"), MANAGER)
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("month", "INVALID_MONTH")),
    );
}
