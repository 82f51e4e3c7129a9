//! The member's list and `getQuestionInit`: the type tree, limits, the demo year, filters, paging and the period rules.

use crate::common::*;
use crate::{today, year_query};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn init_publishes_type_tree_limits_and_statuses() {
    let s = start().await;
    let (status, body) = s.get_json(&format!("{CS}/getQuestionInit"), MEMBER1).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["code"], "0000");
    assert_eq!(body["isProcess"], true);
    // Who is logged in: the SPA keys drafts by it.
    assert_eq!(body["payload"]["mbrNo"], "M0001");
    assert_eq!(body["payload"]["storeTimeZone"], "Asia/Seoul");
    let types = body["payload"]["cnslTypes"].as_array().unwrap();
    let names: Vec<_> = types
        .iter()
        .map(|t| t["cnslTypNm"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "주문/결제",
            "배송",
            "취소/반품/교환",
            "상품",
            "회원정보",
            "기타"
        ]
    );
    assert!(types
        .iter()
        .all(|t| t["children"].as_array().unwrap().len() >= 2));
    let limits = &body["payload"]["limits"];
    assert_eq!(limits["titleMaxLen"], 50);
    assert_eq!(limits["contMaxLen"], 2000);
    assert_eq!(limits["maxFileCnt"], 5);
    assert_eq!(limits["maxFileSize"], 10 * 1024 * 1024);
    assert_eq!(limits["maxPeriodDays"], 366);
    assert_eq!(limits["maxPageSize"], 30);
    assert!(!limits["acceptedFileTypes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|t| t == "image/svg+xml"));
    let statuses: Vec<_> = body["payload"]["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["ccnStatCd"].as_str().unwrap(),
                s["ccnStatNm"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [("10", "접수완료"), ("20", "처리중"), ("30", "답변완료")]
    );
}

#[tokio::test]
async fn demo_seed_is_a_believable_year_of_inquiries() {
    let s = start().await;
    for token in [MEMBER1, MEMBER2, "demo-member-3"] {
        let body = s
            .list(token, &format!("{}&pageSize=30", year_query()))
            .await;
        let total = body["payload"]["pagination"]["totalElements"]
            .as_u64()
            .unwrap();
        assert!(total >= 60, "{token} has only {total} inquiries in a year");
        for code in ["10", "20", "30"] {
            let b = s
                .list(token, &format!("{}&ccnStatCd={code}", year_query()))
                .await;
            assert!(
                b["payload"]["pagination"]["totalElements"]
                    .as_u64()
                    .unwrap()
                    > 0,
                "{token} {code}"
            );
        }
    }
    // An answered inquiry reads like a real answer, not a placeholder.
    let ccn = s.any_with_status(MEMBER1, "30").await;
    let (_, d) = s.detail(MEMBER1, &ccn).await;
    let answer = d["payload"]["replies"][0]["ansCont"].as_str().unwrap();
    assert!(
        answer.chars().count() > 40 && !answer.contains('{'),
        "{answer}"
    );
    // ≥ 200 goods with local images.
    let (_, goods) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"pageSize": 30}),
        )
        .await;
    assert!(
        goods["payload"]["pagination"]["totalElements"]
            .as_u64()
            .unwrap()
            >= 200
    );
    let img = goods["payload"]["content"][0]["imgUrl"].as_str().unwrap();
    let resp = s.client.get(s.url(img)).send().await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(&resp.bytes().await.unwrap()[..4], b"\x89PNG");
}

#[tokio::test]
async fn list_filters_pages_and_orders_newest_first() {
    let s = start().await;
    let body = s
        .list(MEMBER1, &format!("{}&pageSize=7&pageNo=2", year_query()))
        .await;
    let p = &body["payload"]["pagination"];
    let total = p["totalElements"].as_u64().unwrap();
    assert_eq!(p["currentPage"], 2);
    assert_eq!(p["countPerPage"], 7);
    assert_eq!(p["totalPages"].as_u64().unwrap(), total.div_ceil(7));
    let rows = body["payload"]["content"].as_array().unwrap();
    assert_eq!(rows.len(), 7);
    let times: Vec<_> = rows
        .iter()
        .map(|r| r["accpDtm"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest first");
    assert!(rows
        .iter()
        .all(|r| r["cnslTypNm"].is_string() && r["cnslLrgTypNm"].is_string()));

    // Status filter returns only that status.
    let answered = s
        .list(
            MEMBER1,
            &format!("{}&ccnStatCd=30&pageSize=30", year_query()),
        )
        .await;
    let rows = answered["payload"]["content"].as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["ccnStatCd"] == "30"
        && r["ccnStatNm"] == "답변완료"
        && r["ansDtm"].is_string()));

    // Order-number filter.
    let with_order = rows
        .iter()
        .find(|r| r["ordNo"].is_string())
        .expect("an inquiry with an order");
    let ord_no = with_order["ordNo"].as_str().unwrap();
    let by_order = s
        .list(MEMBER1, &format!("{}&ordNo={ord_no}", year_query()))
        .await;
    let rows = by_order["payload"]["content"].as_array().unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["ordNo"] == ord_no));

    // Keyword over title and content; `%` is literal, not a wildcard.
    let word = "키워드검색전용";
    let typ = s.leaf_type(false).await;
    let (st, saved) = s
        .save(
            MEMBER1,
            base_form(
                &typ,
                "일반 제목",
                &format!("내용에 {word}이 있어요 99%정품"),
            ),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{saved}");
    let found = s.list(MEMBER1, &format!("searchWord={word}")).await;
    assert_eq!(found["payload"]["content"][0]["ccnNo"], saved["payload"]);
    assert_eq!(found["payload"]["pagination"]["totalElements"], 1);
    let (st, _) = s
        .save(MEMBER1, base_form(&typ, "정품 여부", "정품인가요?"))
        .await;
    assert_eq!(st, StatusCode::CREATED);
    let percent = s
        .list(
            MEMBER1,
            &format!("{}&searchWord=%25%EC%A0%95%ED%92%88", year_query()),
        )
        .await;
    assert_eq!(percent["payload"]["pagination"]["totalElements"], 1);

    // A narrow period excludes older inquiries.
    let end = today();
    let week = s
        .list(
            MEMBER1,
            &format!(
                "startDt={}&endDt={end}&pageSize=30",
                end - chrono::Duration::days(7)
            ),
        )
        .await;
    let week_total = week["payload"]["pagination"]["totalElements"]
        .as_u64()
        .unwrap();
    assert!(week_total >= 1 && week_total < total);
}

#[tokio::test]
async fn period_and_paging_rules_are_400_with_the_rule_named() {
    let s = start().await;
    let t = today();
    let cases: Vec<(String, &str, &str)> = vec![
        (
            format!("startDt={t}&endDt={}", t - chrono::Duration::days(1)),
            "startDt",
            "START_AFTER_END",
        ),
        (
            format!("startDt={t}&endDt={}", t + chrono::Duration::days(3)),
            "endDt",
            "END_IN_FUTURE",
        ),
        (
            format!("startDt={}&endDt={t}", t - chrono::Duration::days(400)),
            "endDt",
            "PERIOD_TOO_LONG",
        ),
        (
            format!("startDt=2026/01/01&endDt={t}"),
            "startDt",
            "INVALID_DATE",
        ),
        (format!("startDt={t}"), "endDt", "REQUIRED"),
        ("pageSize=31".into(), "pageSize", "INVALID_PAGE_SIZE"),
        ("pageSize=abc".into(), "pageSize", "INVALID_PAGE_SIZE"),
        ("pageNo=0".into(), "pageNo", "INVALID_PAGE_NO"),
        ("ccnStatCd=99".into(), "ccnStatCd", "INVALID_STATUS"),
        (
            format!("searchWord={}", "가".repeat(51)),
            "searchWord",
            "TOO_LONG",
        ),
        ("ordNo=%3Cscript%3E".into(), "ordNo", "INVALID_FORMAT"),
    ];
    for (query, field, code) in cases {
        let (status, body) = s
            .get_json(&format!("{CS}/getQuestion?{query}"), MEMBER1)
            .await;
        assert_error(status, &body, StatusCode::BAD_REQUEST, Some((field, code)));
        assert_eq!(body["code"], "VALIDATION_FAILED");
    }
    // The message names the rule and the values.
    let (_, body) = s
        .get_json(
            &format!(
                "{CS}/getQuestion?startDt={}&endDt={t}",
                t - chrono::Duration::days(400)
            ),
            MEMBER1,
        )
        .await;
    assert!(
        body["message"].as_str().unwrap().contains("366일"),
        "{body}"
    );
}
