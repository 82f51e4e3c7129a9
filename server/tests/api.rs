//! The inquiry API over real HTTP: happy paths, every rule, auth and ownership, idempotency,
//! the answer-vs-modify race, multipart edge cases. Each test gets its own seeded server.

mod common;

use common::*;
use reqwest::{multipart::Form, Method, StatusCode};
use serde_json::{json, Value};

fn today() -> chrono::NaiveDate {
    chrono::Utc::now()
        .with_timezone(&inquiry_server::config::kst())
        .date_naive()
}

fn year_query() -> String {
    let end = today();
    format!("startDt={}&endDt={end}", end - chrono::Duration::days(365))
}

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

#[tokio::test]
async fn detail_has_thread_goods_order_and_downloadable_photos() {
    let s = start().await;
    // Find an answered inquiry with photos and goods.
    let body = s
        .list(
            MEMBER1,
            &format!("{}&ccnStatCd=30&pageSize=30", year_query()),
        )
        .await;
    let mut rows: Vec<Value> = body["payload"]["content"].as_array().unwrap().clone();
    for page in 2..=body["payload"]["pagination"]["totalPages"]
        .as_u64()
        .unwrap()
    {
        let more = s
            .list(
                MEMBER1,
                &format!("{}&ccnStatCd=30&pageSize=30&pageNo={page}", year_query()),
            )
            .await;
        rows.extend(
            more["payload"]["content"]
                .as_array()
                .unwrap()
                .iter()
                .cloned(),
        );
    }
    let row = rows
        .iter()
        .find(|r| r["atchFileCnt"].as_u64().unwrap() > 0 && r["goodsNo"].is_string())
        .expect("seed has answered inquiries with photos");
    let ccn = row["ccnNo"].as_str().unwrap();
    let (status, d) = s.detail(MEMBER1, ccn).await;
    assert_eq!(status, StatusCode::OK);
    let p = &d["payload"];
    assert_eq!(p["ccnStatCd"], "30");
    assert!(p["ansDtm"].as_str().unwrap() >= p["accpDtm"].as_str().unwrap());
    let replies = p["replies"].as_array().unwrap();
    assert!(!replies.is_empty());
    assert_eq!(replies[0]["ansTypCd"], "COUNSELOR");
    assert_eq!(replies[0]["ansTypNm"], "상담원");
    assert!(replies[0]["ansrNm"].as_str().unwrap().len() > 1);
    assert!(p["goods"]["goodsNm"].is_string() && p["goods"]["itmNm"].is_string());
    assert!(p["ordNo"].is_string() && p["ordDtm"].is_string());
    assert!(p["ordDtm"].as_str().unwrap() <= p["accpDtm"].as_str().unwrap());
    let file = &p["atchFiles"][0];
    let url = file["fileUrl"].as_str().unwrap();
    // The photo needs the owner's token...
    let anon = s.client.get(s.url(url)).send().await.unwrap();
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);
    let other = s
        .client
        .get(s.url(url))
        .bearer_auth(MEMBER2)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let mine = s
        .client
        .get(s.url(url))
        .bearer_auth(MEMBER1)
        .send()
        .await
        .unwrap();
    assert_eq!(mine.status(), StatusCode::OK);
    assert_eq!(mine.headers()["content-type"], "image/png");
    assert_eq!(mine.headers()["x-content-type-options"], "nosniff");
    assert_eq!(mine.headers()["cache-control"], "private, max-age=300");
    let bytes = mine.bytes().await.unwrap();
    assert_eq!(bytes.len() as u64, file["fileSize"].as_u64().unwrap());
    // ...or a counselor's.
    let bo = s
        .client
        .get(s.url(url))
        .bearer_auth(COUNSELOR)
        .send()
        .await
        .unwrap();
    assert_eq!(bo.status(), StatusCode::OK);
}

#[tokio::test]
async fn missing_or_unknown_token_is_401_on_every_operation() {
    let s = start().await;
    let ops: Vec<(Method, String)> = vec![
        (Method::GET, format!("{CS}/getQuestion")),
        (Method::GET, format!("{CS}/getQuestionInit")),
        (Method::GET, format!("{CS}/getQuestionDtl?ccnNo=1")),
        (Method::POST, format!("{CS}/getGoodsList")),
        (Method::POST, format!("{CS}/questionSave")),
        (Method::PUT, format!("{CS}/questionMod")),
        (Method::DELETE, format!("{CS}/questionDel?ccnNo=1")),
        (
            Method::GET,
            format!("{CS}/getQuestionFile?ccnNo=1&fileSeq=1"),
        ),
        (
            Method::GET,
            "/api/order/v1/customer/getOrderClaimGoodsList".into(),
        ),
        (Method::GET, format!("{BO}/getQuestionList")),
        (Method::GET, format!("{BO}/getQuestionDtl?ccnNo=1")),
        (Method::POST, format!("{BO}/questionProc")),
        (Method::POST, format!("{BO}/questionAns")),
    ];
    for (method, path) in ops {
        for token in [None, Some("not-a-real-token")] {
            let resp = s.req(method.clone(), &path, token).send().await.unwrap();
            assert_eq!(
                resp.headers()["www-authenticate"],
                "Bearer",
                "{method} {path}"
            );
            let (status, body) = read(resp).await;
            assert_error(status, &body, StatusCode::UNAUTHORIZED, None);
            assert_eq!(body["code"], "UNAUTHORIZED");
        }
    }
    // Roles: a member can't use the back office, a counselor isn't a customer.
    let (status, body) = s.get_json(&format!("{BO}/getQuestionList"), MEMBER1).await;
    assert_error(status, &body, StatusCode::FORBIDDEN, None);
    let (status, body) = s.get_json(&format!("{CS}/getQuestion"), COUNSELOR).await;
    assert_error(status, &body, StatusCode::FORBIDDEN, None);
}

#[tokio::test]
async fn a_session_cookie_counts_only_with_the_inquiry_desk_header() {
    let s = start().await;
    let init = format!("{CS}/getQuestionInit");
    let with_cookie = |cookie: &str, marked: bool| {
        let rb = s
            .client
            .get(s.url(&init))
            .header("Cookie", format!("theme=dark; inquiry_session={cookie}"));
        if marked {
            rb.header("X-Requested-With", "inquiry-desk")
        } else {
            rb
        }
    };
    let (status, body) = read(with_cookie(MEMBER1, true).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["mbrNo"], "M0001");
    // A cross-site form can carry the cookie but not the header: not authenticated.
    let (status, body) = read(with_cookie(MEMBER1, false).send().await.unwrap()).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, None);
    let (status, body) = read(with_cookie("not-a-real-token", true).send().await.unwrap()).await;
    assert_error(status, &body, StatusCode::UNAUTHORIZED, None);
    // The cookie session is the same member as the bearer token: their inquiries, 404 for others'.
    let other = s.any_with_status(MEMBER2, "10").await;
    let resp = s
        .client
        .get(s.url(&format!("{CS}/getQuestionDtl?ccnNo={other}")))
        .header("Cookie", format!("inquiry_session={MEMBER1}"))
        .header("X-Requested-With", "inquiry-desk")
        .send()
        .await
        .unwrap();
    let (status, body) = read(resp).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    // A cross-origin page may send the header (and cookies) only from an allowed origin.
    let preflight = s
        .client
        .request(Method::OPTIONS, s.url(&init))
        .header("Origin", "http://127.0.0.1:41234")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "x-requested-with")
        .send()
        .await
        .unwrap();
    assert_eq!(
        preflight.headers()["access-control-allow-credentials"],
        "true"
    );
    assert!(preflight.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase()
        .contains("x-requested-with"));
}

#[tokio::test]
async fn another_members_inquiry_is_404_on_every_operation() {
    let s = start().await;
    let theirs = s.any_with_status(MEMBER1, "10").await;
    let typ = s.leaf_type(false).await;
    let (status, body) = s.detail(MEMBER2, &theirs).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let form = base_form(&typ, "남의 문의 수정", "안 됩니다").text("ccnNo", theirs.clone());
    let (status, body) = s.modify(MEMBER2, form).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, body) = s.delete(MEMBER2, &theirs).await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    let (status, body) = s
        .get_json(
            &format!("{CS}/getQuestionFile?ccnNo={theirs}&fileSeq=1"),
            MEMBER2,
        )
        .await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
    // Not in their list either.
    let list = s
        .list(MEMBER2, &format!("{}&pageSize=30", year_query()))
        .await;
    assert!(!list.to_string().contains(&theirs));
    // And the owner's inquiry is untouched.
    let (status, d) = s.detail(MEMBER1, &theirs).await;
    assert_eq!(status, StatusCode::OK);
    assert_ne!(d["payload"]["ccnTitle"], "남의 문의 수정");
    // Unknown numbers are the same 404.
    let (status, unknown) = s.detail(MEMBER2, "99999999999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(unknown["message"], body["message"]);
}

#[tokio::test]
async fn save_with_goods_and_photos_then_read_it_back() {
    let s = start().await;
    let typ = s.leaf_type(true).await;
    let (ord_no, goods_no, itm_no) = s.ordered_goods(MEMBER1).await;
    let png = png_bytes(32, 24);
    let jpg = fixture("box.jpg");
    let form = base_form(
        &typ,
        "  포장 박스가 찢어져서 왔어요  ",
        "상자 모서리가 찢어져 있었습니다.\n사진 첨부합니다.",
    )
    .text("goodsNo", goods_no.clone())
    .text("itmNo", itm_no.clone())
    .text("ordNo", ord_no.clone())
    .text("emailRcvYn", "N")
    // Declared types lie on purpose: only the bytes count.
    .part(
        "atchFiles",
        file_part("상자.png", png.clone(), "application/octet-stream"),
    )
    .part(
        "atchFiles",
        file_part("../../etc/box.jpg", jpg.clone(), "image/png"),
    );
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap().to_owned();
    assert!(
        ccn.starts_with(&today().format("%Y%m%d").to_string()),
        "{ccn}"
    );

    let (status, d) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::OK);
    let p = &d["payload"];
    assert_eq!(p["ccnTitle"], "포장 박스가 찢어져서 왔어요", "trimmed");
    assert_eq!(
        p["accpCont"],
        "상자 모서리가 찢어져 있었습니다.\n사진 첨부합니다."
    );
    assert_eq!(p["ccnStatCd"], "10");
    assert_eq!(p["ccnStatNm"], "접수완료");
    assert_eq!(p["smsRcvYn"], "Y");
    assert_eq!(p["goods"]["goodsNo"], goods_no);
    assert_eq!(p["goods"]["itmNo"], itm_no);
    assert_eq!(p["ordNo"], ord_no);
    assert!(p["ansDtm"].is_null() && p["replies"].as_array().unwrap().is_empty());
    let files = p["atchFiles"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["contentType"], "image/png");
    assert_eq!(files[0]["fileNm"], "상자.png");
    assert_eq!(files[1]["contentType"], "image/jpeg");
    assert_eq!(
        files[1]["fileNm"], "box.jpg",
        "paths are stripped from names"
    );
    let got = s
        .client
        .get(s.url(files[1]["fileUrl"].as_str().unwrap()))
        .bearer_auth(MEMBER1)
        .send()
        .await
        .unwrap();
    assert_eq!(got.headers()["content-type"], "image/jpeg");
    assert_eq!(got.bytes().await.unwrap().as_ref(), jpg.as_slice());
    // Stored under server-generated names only.
    let stored: Vec<String> = std::fs::read_dir(s.photo_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(stored
        .iter()
        .all(|n| !n.contains("상자") && !n.contains("box")));

    // It is first in the list.
    let list = s.list(MEMBER1, "pageSize=1").await;
    let row = &list["payload"]["content"][0];
    assert_eq!(row["ccnNo"], ccn);
    assert_eq!(row["atchFileCnt"], 2);
    assert_eq!(row["goodsNo"], goods_no);
}

#[tokio::test]
async fn every_form_rule_is_a_400_naming_field_and_rule() {
    let s = start().await;
    let plain = s.leaf_type(false).await;
    let needs_goods = s.leaf_type(true).await;
    let (ord_no, goods_no, _) = s.ordered_goods(MEMBER1).await;
    let (other_ord, _, _) = s.ordered_goods(MEMBER2).await;
    // A catalog product the member most likely never ordered in that order.
    let (_, goods) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"pageSize": 30}),
        )
        .await;
    let not_in_order = goods["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["goodsNo"].as_str().unwrap().to_owned())
        .find(|g| *g != goods_no)
        .unwrap();
    let cases: Vec<(Form, &str, &str)> = vec![
        (base_form(&plain, "   ", "내용"), "ccnTitle", "REQUIRED"),
        (
            base_form(&plain, &"가".repeat(51), "내용"),
            "ccnTitle",
            "TOO_LONG",
        ),
        (base_form(&plain, "제목", ""), "accpCont", "REQUIRED"),
        (
            base_form(&plain, "제목", &"나".repeat(2001)),
            "accpCont",
            "TOO_LONG",
        ),
        (
            Form::new()
                .text("ccnTitle", "제목")
                .text("accpCont", "내용"),
            "cnslTypNo",
            "REQUIRED",
        ),
        (
            base_form("9999", "제목", "내용"),
            "cnslTypNo",
            "UNKNOWN_TYPE",
        ),
        (
            base_form("10", "제목", "내용"),
            "cnslTypNo",
            "NOT_LEAF_TYPE",
        ),
        (
            base_form(&needs_goods, "제목", "내용"),
            "goodsNo",
            "GOODS_REQUIRED",
        ),
        (
            base_form(&plain, "제목", "내용").text("goodsNo", "G99999"),
            "goodsNo",
            "UNKNOWN_GOODS",
        ),
        (
            base_form(&plain, "제목", "내용")
                .text("goodsNo", goods_no.clone())
                .text("itmNo", "999"),
            "itmNo",
            "UNKNOWN_ITEM",
        ),
        (
            base_form(&plain, "제목", "내용").text("ordNo", other_ord.clone()),
            "ordNo",
            "UNKNOWN_ORDER",
        ),
        (
            base_form(&plain, "제목", "내용")
                .text("ordNo", ord_no.clone())
                .text("goodsNo", not_in_order.clone()),
            "goodsNo",
            "GOODS_NOT_IN_ORDER",
        ),
        (
            Form::new()
                .text("cnslTypNo", plain.clone())
                .text("ccnTitle", "제목")
                .text("accpCont", "내용")
                .text("smsRcvYn", "yes"),
            "smsRcvYn",
            "INVALID_YN",
        ),
        (
            base_form(&plain, "제목", "내용").text("ccnTitle", "두 번째 제목"),
            "ccnTitle",
            "DUPLICATE_FIELD",
        ),
        (
            base_form(&plain, "제목", "내용").text("refCcnNo", "12345"),
            "refCcnNo",
            "UNKNOWN_REF",
        ),
        (
            base_form(&plain, "제목", "내용").part(
                "atchFiles",
                file_part("receipt.jpg", fixture("document-renamed.jpg"), "image/jpeg"),
            ),
            "atchFiles[0]",
            "UNSUPPORTED_FILE_TYPE",
        ),
        (
            base_form(&plain, "제목", "내용").part(
                "atchFiles",
                file_part("logo.png", fixture("evil.svg"), "image/png"),
            ),
            "atchFiles[0]",
            "UNSUPPORTED_FILE_TYPE",
        ),
        (
            base_form(&plain, "제목", "내용")
                .part("atchFiles", file_part("empty.png", Vec::new(), "image/png")),
            "atchFiles[0]",
            "EMPTY_FILE",
        ),
    ];
    for (form, field, code) in cases {
        println!("case {field} {code}");
        let (status, body) = s.save(MEMBER1, form).await;
        assert_error(status, &body, StatusCode::BAD_REQUEST, Some((field, code)));
    }
    // Too many photos; the message says the limit and the count.
    let mut form = base_form(&plain, "제목", "내용");
    for i in 0..6 {
        form = form.part(
            "atchFiles",
            file_part(&format!("p{i}.png"), png_bytes(8, 8), "image/png"),
        );
    }
    let (status, body) = s.save(MEMBER1, form).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("atchFiles", "TOO_MANY_FILES")),
    );
    assert!(
        body["message"].as_str().unwrap().contains("최대 5장"),
        "{body}"
    );
    // One oversize photo among good ones: only it is named.
    let big = {
        let mut b = png_bytes(8, 8);
        b.resize(10 * 1024 * 1024 + 1, 0);
        b
    };
    let form = base_form(&plain, "제목", "내용")
        .part(
            "atchFiles",
            file_part("ok.png", png_bytes(8, 8), "image/png"),
        )
        .part("atchFiles", file_part("huge.png", big, "image/png"));
    let (status, body) = s.save(MEMBER1, form).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("atchFiles[1]", "FILE_TOO_LARGE")),
    );
    assert_eq!(body["errors"].as_array().unwrap().len(), 1);
    assert!(body["message"].as_str().unwrap().contains("huge.png"));
    // Several violations are reported together.
    let (status, body) = s.save(MEMBER1, base_form("9999", "", "")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["errors"].as_array().unwrap().len(), 3, "{body}");
    // Nothing was created and no photo was left behind.
    let list = s.list(MEMBER1, "pageSize=1").await;
    assert_ne!(list["payload"]["content"][0]["ccnTitle"], "제목");
    assert_eq!(
        std::fs::read_dir(s.photo_dir()).unwrap().count(),
        seeded_photo_count(&s).await
    );
}

async fn seeded_photo_count(s: &TestServer) -> usize {
    // Count photo rows through the API (all members, whole year) via the back office.
    let mut n = 0;
    let mut page = 1;
    loop {
        let (_, body) = s
            .get_json(
                &format!(
                    "{BO}/getQuestionList?{}&pageSize=30&pageNo={page}",
                    year_query()
                ),
                COUNSELOR,
            )
            .await;
        for r in body["payload"]["content"].as_array().unwrap() {
            n += r["atchFileCnt"].as_u64().unwrap() as usize;
        }
        if page
            >= body["payload"]["pagination"]["totalPages"]
                .as_u64()
                .unwrap()
        {
            return n;
        }
        page += 1;
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_not_a_crash() {
    let s = start_with(|c| {
        c.limits.max_photos = 1;
        c.limits.max_photo_bytes = 100 * 1024;
    })
    .await;
    let typ = s.leaf_type(false).await;
    let form = base_form(&typ, "제목", "내용").part(
        "atchFiles",
        file_part("big.png", vec![7u8; 2 * 1024 * 1024], "image/png"),
    );
    let (status, body) = s.save(MEMBER1, form).await;
    assert_error(status, &body, StatusCode::PAYLOAD_TOO_LARGE, None);
    assert_eq!(body["code"], "PAYLOAD_TOO_LARGE");
    // The server is still fine.
    let (status, _) = s.get_json(&format!("{CS}/getQuestionInit"), MEMBER1).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_retried_save_with_the_same_idempotency_key_creates_one_inquiry() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let form = || {
        base_form(&typ, "재시도 테스트", "한 번만 등록되어야 합니다").part(
            "atchFiles",
            file_part("a.png", png_bytes(8, 8), "image/png"),
        )
    };
    let send = |f: Form, key: &'static str| {
        s.req(Method::POST, &format!("{CS}/questionSave"), Some(MEMBER1))
            .header("Idempotency-Key", key)
            .multipart(f)
            .send()
    };
    let first = send(form(), "submit-7f3a").await.unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let (_, first) = read(first).await;
    let photos_after_first = std::fs::read_dir(s.photo_dir()).unwrap().count();
    let retry = send(form(), "submit-7f3a").await.unwrap();
    assert_eq!(retry.status(), StatusCode::OK);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let (_, retry) = read(retry).await;
    assert_eq!(first["payload"], retry["payload"]);
    assert_eq!(
        std::fs::read_dir(s.photo_dir()).unwrap().count(),
        photos_after_first
    );
    let found = s.list(MEMBER1, "searchWord=재시도 테스트").await;
    assert_eq!(found["payload"]["pagination"]["totalElements"], 1);
    // Parallel retries too.
    let (a, b) = tokio::join!(send(form(), "parallel-1"), send(form(), "parallel-1"));
    let (_, a) = read(a.unwrap()).await;
    let (_, b) = read(b.unwrap()).await;
    assert_eq!(a["payload"], b["payload"]);
    let found = s.list(MEMBER1, "searchWord=재시도 테스트").await;
    assert_eq!(found["payload"]["pagination"]["totalElements"], 2);
    // The same key for a different request is refused, not silently replayed.
    let other = base_form(&typ, "다른 문의", "다른 내용");
    let (status, body) = read(send(other, "submit-7f3a").await.unwrap()).await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, None);
    // Another member's identical key is theirs alone.
    let (status, _) = read(
        s.req(Method::POST, &format!("{CS}/questionSave"), Some(MEMBER2))
            .header("Idempotency-Key", "submit-7f3a")
            .multipart(form())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn modify_keeps_removes_and_adds_photos_while_received() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let form = base_form(&typ, "원래 제목", "원래 내용")
        .part(
            "atchFiles",
            file_part("one.png", png_bytes(8, 8), "image/png"),
        )
        .part(
            "atchFiles",
            file_part("two.gif", fixture("box.gif"), "image/gif"),
        );
    let (_, body) = s.save(MEMBER1, form).await;
    let ccn = body["payload"].as_str().unwrap().to_owned();
    let before = std::fs::read_dir(s.photo_dir()).unwrap().count();
    let form = Form::new()
        .text("cnslTypNo", typ.clone())
        .text("ccnTitle", "고친 제목")
        .text("accpCont", "고친 내용")
        .text("ccnNo", ccn.clone())
        .text("smsRcvYn", "N")
        // What an inquiry follows up is fixed at registration: ignored here, not an error.
        .text("refCcnNo", "12345")
        .text("keepFileSeq", "2")
        .part(
            "atchFiles",
            file_part("three.webp", fixture("box.webp"), "image/webp"),
        );
    let (status, body) = s.modify(MEMBER1, form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"], ccn);
    let (_, d) = s.detail(MEMBER1, &ccn).await;
    let p = &d["payload"];
    assert_eq!(p["ccnTitle"], "고친 제목");
    assert_eq!(p["accpCont"], "고친 내용");
    assert_eq!(p["smsRcvYn"], "N");
    assert!(p["refCcnNo"].is_null());
    assert!(p["modDtm"].is_string());
    let files: Vec<_> = p["atchFiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["fileSeq"].as_u64().unwrap(),
                f["fileNm"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        files,
        [(2, "two.gif".to_owned()), (3, "three.webp".to_owned())]
    );
    assert_eq!(
        std::fs::read_dir(s.photo_dir()).unwrap().count(),
        before,
        "one removed from disk, one added"
    );

    // Unknown keepFileSeq and the count limit are checked against kept + new.
    let form = base_form(&typ, "제목", "내용")
        .text("ccnNo", ccn.clone())
        .text("keepFileSeq", "1");
    let (status, body) = s.modify(MEMBER1, form).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("keepFileSeq", "UNKNOWN_FILE")),
    );
    let mut form = base_form(&typ, "제목", "내용")
        .text("ccnNo", ccn.clone())
        .text("keepFileSeq", "2")
        .text("keepFileSeq", "3");
    for i in 0..4 {
        form = form.part(
            "atchFiles",
            file_part(&format!("n{i}.png"), png_bytes(4, 4), "image/png"),
        );
    }
    let (status, body) = s.modify(MEMBER1, form).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("atchFiles", "TOO_MANY_FILES")),
    );
    let form = base_form(&typ, "제목", "내용");
    let (status, body) = s.modify(MEMBER1, form).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("ccnNo", "REQUIRED")),
    );
}

#[tokio::test]
async fn modify_and_delete_are_409_once_in_progress_or_answered() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    for (code, name) in [("20", "처리중"), ("30", "답변완료")] {
        let ccn = s.any_with_status(MEMBER1, code).await;
        let (_, before) = s.detail(MEMBER1, &ccn).await;
        let form = base_form(&typ, "바꾸려는 제목", "바꾸려는 내용").text("ccnNo", ccn.clone());
        let (status, body) = s.modify(MEMBER1, form).await;
        assert_error(status, &body, StatusCode::CONFLICT, None);
        assert_eq!(body["code"], "STATUS_CONFLICT");
        assert!(body["message"].as_str().unwrap().contains(name), "{body}");
        assert_eq!(body["payload"]["ccnStatCd"], code);
        let (status, body) = s.delete(MEMBER1, &ccn).await;
        assert_error(status, &body, StatusCode::CONFLICT, None);
        assert!(body["message"].as_str().unwrap().contains(name));
        let (_, after) = s.detail(MEMBER1, &ccn).await;
        assert_eq!(before["payload"], after["payload"], "nothing changed");
    }
}

#[tokio::test]
async fn delete_removes_the_inquiry_and_its_photos() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let photos_before = std::fs::read_dir(s.photo_dir()).unwrap().count();
    let form = base_form(&typ, "지울 문의", "지울 내용").part(
        "atchFiles",
        file_part("x.png", png_bytes(8, 8), "image/png"),
    );
    let (_, body) = s.save(MEMBER1, form).await;
    let ccn = body["payload"].as_str().unwrap().to_owned();
    assert_eq!(
        std::fs::read_dir(s.photo_dir()).unwrap().count(),
        photos_before + 1
    );
    let (status, body) = s.delete(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"], ccn);
    let (status, _) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        std::fs::read_dir(s.photo_dir()).unwrap().count(),
        photos_before
    );
    let (status, _) = s.delete(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A seeded received inquiry can be deleted too.
    let seeded = s.any_with_status(MEMBER1, "10").await;
    let (status, _) = s.delete(MEMBER1, &seeded).await;
    assert_eq!(status, StatusCode::OK);
}

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

#[tokio::test]
async fn goods_search_and_recent_order_goods() {
    let s = start().await;
    let (_, all) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": "", "pageNo": 1, "pageSize": 5}),
        )
        .await;
    let first = &all["payload"]["content"][0];
    assert!(
        first["items"].as_array().unwrap().len() >= 2,
        "goods come with options"
    );
    assert!(first["salePrc"].as_i64().unwrap() > 0);
    let word: String = first["goodsNm"].as_str().unwrap().chars().take(3).collect();
    let (status, found) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": word, "pageNo": "1", "pageSize": 30}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let hits = found["payload"]["content"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|g| g["goodsNm"].as_str().unwrap().contains(&word)
            || g["brandNm"].as_str().unwrap().contains(&word)));
    let (status, none) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": "존재하지않는상품명xyz"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(none["payload"]["pagination"]["totalElements"], 0);
    let (status, body) = s
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"pageSize": 31}),
        )
        .await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("pageSize", "INVALID_PAGE_SIZE")),
    );

    let (status, orders) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            MEMBER1,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let rows = orders["payload"]["content"].as_array().unwrap();
    assert!(rows.len() >= 10);
    let times: Vec<_> = rows
        .iter()
        .map(|r| r["ordDtm"].as_str().unwrap().to_owned())
        .collect();
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(times, sorted, "newest order first");
    let (_, theirs) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            MEMBER2,
        )
        .await;
    let mine: std::collections::HashSet<_> =
        rows.iter().map(|r| r["ordNo"].as_str().unwrap()).collect();
    assert!(theirs["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| !mine.contains(r["ordNo"].as_str().unwrap())));
}

#[tokio::test]
async fn malformed_requests_get_4xx_envelopes_never_5xx() {
    let s = start().await;
    let cs = |p: &str| format!("{CS}/{p}");
    let attempts: Vec<reqwest::RequestBuilder> = vec![
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .header("content-type", "application/json")
            .body("{not json"),
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .body("searchNm=x"),
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .json(&json!({"pageNo": "abc", "pageSize": -1})),
        s.req(Method::POST, &cs("getGoodsList"), Some(MEMBER1))
            .json(&json!([1, 2])),
        s.req(Method::POST, &cs("questionSave"), Some(MEMBER1))
            .json(&json!({"ccnTitle": "x"})),
        s.req(Method::POST, &cs("questionSave"), Some(MEMBER1))
            .header("content-type", "multipart/form-data; boundary=xyz")
            .body("--xyz\r\ngarbage"),
        s.req(Method::POST, &cs("questionSave"), Some(MEMBER1))
            .header("Idempotency-Key", "")
            .multipart(Form::new().text("a", "b")),
        s.req(Method::PUT, &cs("questionMod"), Some(MEMBER1))
            .multipart(Form::new().text("ccnNo", "../../x")),
        s.req(
            Method::GET,
            &cs("getQuestion?pageNo=99999999999999999999"),
            Some(MEMBER1),
        ),
        s.req(
            Method::GET,
            &cs("getQuestion?startDt=0000-00-00&endDt=9999-99-99"),
            Some(MEMBER1),
        ),
        s.req(
            Method::GET,
            &cs("getQuestion?startDt=-262144-01-01&endDt=2026-01-01"),
            Some(MEMBER1),
        ),
        s.req(Method::GET, &cs("getQuestionDtl"), Some(MEMBER1)),
        s.req(
            Method::GET,
            &cs("getQuestionDtl?ccnNo=%27%20OR%201=1--"),
            Some(MEMBER1),
        ),
        s.req(
            Method::GET,
            &cs("getQuestionFile?ccnNo=1&fileSeq=-1"),
            Some(MEMBER1),
        ),
        s.req(Method::GET, &cs("getQuestionFile?ccnNo=1"), Some(MEMBER1)),
        s.req(Method::DELETE, &cs("questionDel"), Some(MEMBER1)),
        s.req(Method::POST, &format!("{BO}/questionAns"), Some(COUNSELOR))
            .json(&json!({"ccnNo": null})),
        s.req(
            Method::GET,
            "/api/order/v1/customerservice/noSuchOperation",
            Some(MEMBER1),
        ),
        s.req(Method::PATCH, &cs("getQuestion"), Some(MEMBER1)),
        s.req(Method::GET, &cs("questionSave"), Some(MEMBER1)),
    ];
    for (i, r) in attempts.into_iter().enumerate() {
        let resp = r.send().await.unwrap();
        let status = resp.status();
        let (_, body) = read(resp).await;
        assert!(status.is_client_error(), "attempt {i}: {status} {body}");
        assert_eq!(body["error"], true, "attempt {i}: {body}");
        assert!(!body["message"].as_str().unwrap().is_empty());
    }
}

#[tokio::test]
async fn user_text_is_stored_verbatim_not_interpreted() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let evil = "<img src=x onerror=alert(1)> & \"quotes\" '; DROP TABLE ccn; --";
    let (status, body) = s.save(MEMBER1, base_form(&typ, "<b>굵게</b>", evil)).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, d) = s.detail(MEMBER1, body["payload"].as_str().unwrap()).await;
    assert_eq!(d["payload"]["ccnTitle"], "<b>굵게</b>");
    assert_eq!(d["payload"]["accpCont"], evil);
}

#[tokio::test]
async fn cors_allows_loopback_origins_only() {
    let s = start().await;
    let preflight = |origin: &'static str| {
        s.client
            .request(Method::OPTIONS, s.url(&format!("{CS}/questionSave")))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization,idempotency-key",
            )
            .send()
    };
    let ok = preflight("http://127.0.0.1:41234").await.unwrap();
    assert_eq!(
        ok.headers()["access-control-allow-origin"],
        "http://127.0.0.1:41234"
    );
    let allowed = ok.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(allowed.contains("authorization") && allowed.contains("idempotency-key"));
    let evil = preflight("https://evil.example").await.unwrap();
    assert!(evil.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn static_spa_is_served_with_index_fallback_but_api_404s_stay_json() {
    let spa = tempfile::tempdir().unwrap();
    std::fs::write(
        spa.path().join("index.html"),
        "<!doctype html><title>inquiry-desk</title>",
    )
    .unwrap();
    std::fs::write(spa.path().join("app.js"), "console.log(1)").unwrap();
    let dir = spa.path().to_path_buf();
    let s = start_with(move |c| c.static_dir = Some(dir)).await;
    let index = s.client.get(s.url("/")).send().await.unwrap();
    assert_eq!(index.status(), StatusCode::OK);
    assert!(index.text().await.unwrap().contains("inquiry-desk"));
    let client_route = s
        .client
        .get(s.url("/20261122000001/edit"))
        .send()
        .await
        .unwrap();
    assert!(client_route.text().await.unwrap().contains("inquiry-desk"));
    let js = s.client.get(s.url("/app.js")).send().await.unwrap();
    assert_eq!(js.text().await.unwrap(), "console.log(1)");
    let (status, body) = read(
        s.client
            .get(s.url("/api/order/v1/nope"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);
}
