//! `server/openapi.yaml` is the contract: every operation's live responses (success and error)
//! must validate against the schema the spec names for them, and every documented path exists.

#[path = "../common/mod.rs"]
mod common;
mod partners;

use common::*;
use reqwest::{multipart::Form, Method, StatusCode};
use serde_json::{json, Value};

pub(crate) fn spec() -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.yaml"))
        .expect("openapi.yaml");
    serde_norway::from_str(&text).expect("openapi.yaml is YAML")
}

pub(crate) struct Contract {
    pub(crate) components: Value,
}

impl Contract {
    pub(crate) fn check(&self, schema: &str, body: &Value, what: &str) {
        let root = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$ref": format!("#/components/schemas/{schema}"),
            "components": self.components,
        });
        let validator =
            jsonschema::validator_for(&root).unwrap_or_else(|e| panic!("schema {schema}: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{what}: response does not match {schema}:\n{}\n{body:#}",
            errors.join("\n")
        );
    }

    /// Checks a response against `<op>Response` (2xx) or `ErrorResponse`.
    pub(crate) fn response(&self, op: &str, status: StatusCode, body: &Value) {
        let schema = if status.is_success() {
            format!("{op}Response")
        } else {
            "ErrorResponse".to_owned()
        };
        self.check(&schema, body, &format!("{op} {status}"));
    }
}

#[tokio::test]
async fn live_responses_conform_to_the_spec() {
    let spec = spec();
    assert_eq!(spec["openapi"], "3.1.0");
    let c = Contract {
        components: spec["components"].clone(),
    };
    let s = start().await;
    let year = {
        let end = chrono::Utc::now().date_naive();
        format!("startDt={}&endDt={end}", end - chrono::Duration::days(300))
    };

    let (st, b) = s.get_json(&format!("{CS}/getQuestionInit"), MEMBER1).await;
    c.response("getQuestionInit", st, &b);
    for q in [
        format!("{year}&pageSize=30"),
        format!("{year}&ccnStatCd=30"),
        "pageSize=99".into(),
        "startDt=x&endDt=y".into(),
    ] {
        let (st, b) = s.get_json(&format!("{CS}/getQuestion?{q}"), MEMBER1).await;
        c.response("getQuestion", st, &b);
    }
    // Details in every status, with and without goods, photos and replies.
    for code in ["10", "20", "30"] {
        let (_, list) = s
            .get_json(
                &format!("{CS}/getQuestion?{year}&ccnStatCd={code}&pageSize=30"),
                MEMBER1,
            )
            .await;
        for row in list["payload"]["content"].as_array().unwrap() {
            let (st, b) = s.detail(MEMBER1, row["ccnNo"].as_str().unwrap()).await;
            c.response("getQuestionDtl", st, &b);
        }
    }
    let (st, b) = s.detail(MEMBER2, "20260101000001").await;
    c.response("getQuestionDtl", st, &b);
    let (st, b) = s
        .get_json(&format!("{CS}/getQuestion"), "wrong-token")
        .await;
    c.response("getQuestion", st, &b);
    let (st, b) = s.get_json(&format!("{CS}/getQuestion"), COUNSELOR).await;
    c.response("getQuestion", st, &b);

    for body in [
        json!({"searchNm": "", "pageSize": 30}),
        json!({"searchNm": "니트"}),
        json!({"pageSize": 99}),
    ] {
        let (st, b) = s
            .post_json(&format!("{CS}/getGoodsList"), MEMBER1, body)
            .await;
        c.response("getGoodsList", st, &b);
    }
    let (st, b) = s
        .get_json(
            "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=30",
            MEMBER1,
        )
        .await;
    c.response("getOrderClaimGoodsList", st, &b);

    let typ = s.leaf_type(false).await;
    let form = base_form(&typ, "계약 확인", "내용").part(
        "atchFiles",
        file_part("a.png", png_bytes(4, 4), "image/png"),
    );
    let (st, b) = s.save(MEMBER1, form).await;
    assert_eq!(st, StatusCode::CREATED);
    c.response("questionSave", st, &b);
    let ccn = b["payload"].as_str().unwrap().to_owned();
    let (st, b) = s.save(MEMBER1, base_form("9999", "", "")).await;
    c.response("questionSave", st, &b);
    let replay = || {
        s.req(Method::POST, &format!("{CS}/questionSave"), Some(MEMBER1))
            .header("Idempotency-Key", "k1")
            .multipart(base_form(&typ, "재시도", "내용"))
            .send()
    };
    for _ in 0..2 {
        let (st, b) = read(replay().await.unwrap()).await;
        c.response("questionSave", st, &b);
    }
    let (st, b) = s
        .modify(
            MEMBER1,
            base_form(&typ, "수정", "수정 내용")
                .text("ccnNo", ccn.clone())
                .text("keepFileSeq", "1"),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    c.response("questionMod", st, &b);
    let answered = s.any_with_status(MEMBER1, "30").await;
    let (st, b) = s
        .modify(
            MEMBER1,
            base_form(&typ, "수정", "수정 내용").text("ccnNo", answered.clone()),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    c.response("questionMod", st, &b);
    let (st, b) = read(
        s.req(Method::PUT, &format!("{CS}/questionMod"), Some(MEMBER1))
            .json(&json!({}))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    c.response("questionMod", st, &b);

    let (st, b) = s
        .get_json(
            &format!("{BO}/getQuestionList?ccnStatCd=10&pageSize=30"),
            COUNSELOR,
        )
        .await;
    c.response("boGetQuestionList", st, &b);
    let (st, b) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    c.response("boGetQuestionDtl", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionMemoSave"),
            COUNSELOR,
            json!({"ccnNo": ccn, "memoCont": "재고 확인 중"}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    c.response("boQuestionMemoSave", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionMemoSave"),
            COUNSELOR,
            json!({"ccnNo": ccn, "memoCont": " "}),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.response("boQuestionMemoSave", st, &b);
    let (st, b) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(b["payload"]["memos"][0]["memoCont"], "재고 확인 중");
    c.response("boGetQuestionDtl", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": ccn}),
        )
        .await;
    c.response("boQuestionProc", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "답변드립니다."}),
        )
        .await;
    c.response("boQuestionAns", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{CS}/questionSatisfaction"),
            MEMBER1,
            json!({"ccnNo": ccn, "satisfiedYn": "N", "reasonCd": "SLOW", "comment": "늦었어요"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    c.response("questionSatisfaction", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{CS}/questionSatisfaction"),
            MEMBER1,
            json!({"ccnNo": ccn, "satisfiedYn": "Y"}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    c.response("questionSatisfaction", st, &b);
    let (st, b) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(b["payload"]["stsf"]["reasonCd"], "SLOW");
    c.response("getQuestionDtl", st, &b);
    let (st, b) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    c.response("boGetQuestionDtl", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR2,
            json!({"ccnNo": ccn, "ansCont": "두 번째 답변"}),
        )
        .await;
    assert_eq!(b["code"], "ALREADY_ANSWERED");
    c.response("boQuestionAns", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(st, StatusCode::CONFLICT);
    c.response("boQuestionProc", st, &b);
    let held = s.any_with_status(MEMBER2, "10").await;
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR2,
            json!({"ccnNo": held}),
        )
        .await;
    c.response("boQuestionProc", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            json!({"ccnNo": held}),
        )
        .await;
    assert_eq!(b["code"], "TAKEN_BY_OTHER");
    c.response("boQuestionProc", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{CS}/questionAnsRead"),
            MEMBER1,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(st, StatusCode::OK);
    c.response("questionAnsRead", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{CS}/questionAnsRead"),
            MEMBER2,
            json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    c.response("questionAnsRead", st, &b);
    let (st, b) = s.get_json(&format!("{BO}/whoami"), COUNSELOR).await;
    c.response("boWhoami", st, &b);
    let (st, b) = s.get_json(&format!("{BO}/whoami"), MEMBER1).await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    c.response("boWhoami", st, &b);
    let (st, b) = s.get_json(&format!("{BO}/whoami"), MANAGER).await;
    assert_eq!(b["payload"]["mgrYn"], "Y");
    c.response("boWhoami", st, &b);
    // The records the law keeps: an inquiry's history, the access log and its review.
    let (st, b) = s
        .get_json(&format!("{BO}/getQuestionHistory?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(st, StatusCode::OK);
    assert!(b["payload"].as_array().unwrap().len() >= 2, "{b}");
    c.response("boGetQuestionHistory", st, &b);
    for (token, q, status) in [
        (MANAGER, "", StatusCode::OK),
        (MANAGER, "actionCd=VIEW_DETAIL&mbrNo=M0001", StatusCode::OK),
        (MANAGER, "actionCd=nope", StatusCode::BAD_REQUEST),
        (COUNSELOR, "", StatusCode::FORBIDDEN),
    ] {
        let (st, b) = s.get_json(&format!("{BO}/getAccessLog?{q}"), token).await;
        assert_eq!(st, status, "{q}: {b}");
        c.response("boGetAccessLog", st, &b);
    }
    let (st, b) = s.get_json(&format!("{BO}/getAccessReview"), MANAGER).await;
    assert_eq!(st, StatusCode::OK);
    assert!(
        !b["payload"]["people"].as_array().unwrap().is_empty(),
        "{b}"
    );
    c.response("boGetAccessReview", st, &b);
    for (token, q, status) in [
        (MANAGER, "groupBy=COUNSELOR", StatusCode::OK),
        (MANAGER, "groupBy=DAY", StatusCode::OK),
        (MANAGER, "groupBy=WEEK", StatusCode::BAD_REQUEST),
        (COUNSELOR, "", StatusCode::FORBIDDEN),
    ] {
        let (st, b) = s.get_json(&format!("{BO}/getDeskReport?{q}"), token).await;
        assert_eq!(st, status, "{q}: {b}");
        c.response("boGetDeskReport", st, &b);
    }
    let (st, b) = s
        .get_json(&format!("{BO}/getAnswerTargets"), COUNSELOR)
        .await;
    assert_eq!(st, StatusCode::OK);
    c.response("boGetAnswerTargets", st, &b);
    for (token, days, status) in [
        (MANAGER, serde_json::json!(2), StatusCode::OK),
        (MANAGER, serde_json::json!(0), StatusCode::BAD_REQUEST),
        (COUNSELOR, serde_json::json!(2), StatusCode::FORBIDDEN),
    ] {
        let (st, b) = s
            .post_json(
                &format!("{BO}/answerTargetMod"),
                token,
                serde_json::json!({"cnslTypNo": "3010", "ansTgtBdays": days}),
            )
            .await;
        assert_eq!(st, status, "{b}");
        c.response("boAnswerTargetMod", st, &b);
    }
    let (st, b) = s
        .get_json(&format!("{BO}/getQuestionList?wdrwYn=X"), COUNSELOR)
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.response("boGetQuestionList", st, &b);
    for q in ["", "cnslrNo=me&cnslTypNo=20", "cnslrNo=bad!"] {
        let (st, b) = s
            .get_json(&format!("{BO}/getQuestionCounts?{q}"), COUNSELOR)
            .await;
        c.response("boGetQuestionCounts", st, &b);
    }
    let (st, b) = s
        .get_json(&format!("{BO}/getAnswerTemplates?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert!(!b["payload"].as_array().unwrap().is_empty());
    c.response("boGetAnswerTemplates", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/answerTemplateSave"),
            COUNSELOR,
            json!({"ansTmplNm": "계약 확인", "ansTmplCont": "{고객명} 고객님, 주문번호 {주문번호} 확인했습니다.", "cnslTypNo": "20"}),
        )
        .await;
    assert_eq!(st, StatusCode::CREATED, "{b}");
    c.response("boAnswerTemplateSave", st, &b);
    let tmpl = b["payload"]["ansTmplNo"].as_str().unwrap().to_owned();
    let (st, b) = s
        .post_json(
            &format!("{BO}/answerTemplateSave"),
            COUNSELOR,
            json!({"ansTmplNm": "계약 확인", "ansTmplCont": "x"}),
        )
        .await;
    assert_eq!(st, StatusCode::BAD_REQUEST);
    c.response("boAnswerTemplateSave", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/answerTemplateMod"),
            COUNSELOR,
            json!({"ansTmplNo": tmpl, "ansTmplNm": "계약 확인 2", "ansTmplCont": "확인했습니다."}),
        )
        .await;
    c.response("boAnswerTemplateMod", st, &b);
    let (st, b) = s
        .get_json(&format!("{BO}/getAnswerTemplateList"), COUNSELOR)
        .await;
    c.response("boGetAnswerTemplateList", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/answerTemplatePreview"),
            COUNSELOR,
            json!({"ansTmplCont": "{고객명}님. 주문 {주문번호} 확인."}),
        )
        .await;
    c.response("boAnswerTemplatePreview", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/answerTemplateDel"),
            COUNSELOR,
            json!({"ansTmplNo": tmpl}),
        )
        .await;
    c.response("boAnswerTemplateDel", st, &b);
    let (st, b) = s
        .post_json(
            &format!("{BO}/answerTemplateDel"),
            COUNSELOR,
            json!({"ansTmplNo": tmpl}),
        )
        .await;
    assert_eq!(st, StatusCode::NOT_FOUND);
    c.response("boAnswerTemplateDel", st, &b);
    let (st, b) = s
        .get_json(&format!("{BO}/getCounselorList"), COUNSELOR)
        .await;
    c.response("boGetCounselorList", st, &b);
    let (st, b) = s
        .get_json(&format!("{BO}/getCnslTypeList"), COUNSELOR)
        .await;
    assert!(b["payload"].as_array().unwrap().len() >= 2);
    c.response("boGetCnslTypeList", st, &b);
    let (st, b) = s
        .get_json(
            &format!("{BO}/getQuestionList?ccnStatCd=20&cnslrNo=me"),
            COUNSELOR,
        )
        .await;
    c.response("boGetQuestionList", st, &b);
    let (st, b) = s.get_json(&format!("{BO}/getQuestionList"), MEMBER1).await;
    c.response("boGetQuestionList", st, &b);

    let (st, b) = s.delete(MEMBER1, &ccn).await;
    c.response("questionDel", st, &b);
    let received = s.any_with_status(MEMBER1, "10").await;
    let (st, b) = s.delete(MEMBER1, &received).await;
    assert_eq!(st, StatusCode::OK);
    c.response("questionDel", st, &b);

    let (st, b) = read(
        s.req(Method::PATCH, &format!("{CS}/getQuestion"), Some(MEMBER1))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(st, StatusCode::METHOD_NOT_ALLOWED);
    c.check("ErrorResponse", &b, "405");
    let (st, b) = s.save(MEMBER1, Form::new().text("x", "y")).await;
    c.response("questionSave", st, &b);
}

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let spec = spec();
    let s = start().await;
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let Ok(m) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            if !["GET", "POST", "PUT", "DELETE"].contains(&m.as_str()) {
                continue;
            }
            let url = path.replace("{file}", "G00001.png");
            let resp = s.req(m.clone(), &url, Some(MEMBER1)).send().await.unwrap();
            let status = resp.status();
            let text = resp.text().await.unwrap();
            let unrouted =
                status == StatusCode::NOT_FOUND && text.contains("요청한 API를 찾을 수 없습니다");
            assert!(
                !unrouted && status != StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}: {status} {text}"
            );
        }
    }
}
