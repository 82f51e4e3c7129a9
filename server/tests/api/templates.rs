//! Templates counselors manage (`answerTemplateSave` / `Mod` / `Del`, `getAnswerTemplateList`,
//! `answerTemplatePreview`): scopes, names, variables, and their use on an inquiry.

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::common::*;

async fn call(s: &TestServer, token: &str, op: &str, body: Value) -> (StatusCode, Value) {
    s.post_json(&format!("{BO}/{op}"), token, body).await
}

async fn list(s: &TestServer, token: &str) -> Vec<Value> {
    let (_, body) = s
        .get_json(&format!("{BO}/getAnswerTemplateList"), token)
        .await;
    body["payload"].as_array().unwrap().clone()
}

fn named<'a>(list: &'a [Value], name: &str) -> Option<&'a Value> {
    list.iter().find(|t| t["ansTmplNm"] == name)
}

#[tokio::test]
async fn a_counselors_own_templates_are_theirs_and_shared_ones_are_the_managers() {
    let s = start().await;
    let mine = json!({"ansTmplNm": "내 배송 인사", "ansTmplCont": "{고객명} 고객님, 주문번호 {주문번호} 확인했습니다. {상담원명} 드림.", "cnslTypNo": "20"});
    let (status, body) = call(&s, COUNSELOR, "answerTemplateSave", mine.clone()).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let no = body["payload"]["ansTmplNo"].as_str().unwrap().to_owned();
    assert_eq!(body["payload"]["shareYn"], "N");
    assert_eq!(body["payload"]["useCnt"], 0);

    // Listed for its owner (editable), not for a colleague, who cannot touch it either.
    let t = named(&list(&s, COUNSELOR).await, "내 배송 인사")
        .cloned()
        .unwrap();
    assert_eq!(t["editableYn"], "Y");
    assert!(named(&list(&s, COUNSELOR2).await, "내 배송 인사").is_none());
    let (status, body) = call(
        &s,
        COUNSELOR2,
        "answerTemplateDel",
        json!({"ansTmplNo": no}),
    )
    .await;
    assert_error(status, &body, StatusCode::NOT_FOUND, None);

    // The same name again in the same scope is refused; a colleague may use it for theirs.
    let (status, body) = call(&s, COUNSELOR, "answerTemplateSave", mine.clone()).await;
    assert_error(
        status,
        &body,
        StatusCode::BAD_REQUEST,
        Some(("ansTmplNm", "DUPLICATE_NAME")),
    );
    let (status, _) = call(&s, COUNSELOR2, "answerTemplateSave", mine.clone()).await;
    assert_eq!(status, StatusCode::CREATED);

    // Shared templates: managers only, and seen (not editable) by every counselor.
    let shared =
        json!({"ansTmplNm": "공용 사과", "ansTmplCont": "불편을 드려 죄송합니다.", "shareYn": "Y"});
    let (status, _) = call(&s, COUNSELOR, "answerTemplateSave", shared.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = call(&s, MANAGER, "answerTemplateSave", shared).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let shared_no = body["payload"]["ansTmplNo"].as_str().unwrap().to_owned();
    let seen = named(&list(&s, COUNSELOR).await, "공용 사과")
        .cloned()
        .unwrap();
    assert_eq!(
        (seen["shareYn"].as_str(), seen["editableYn"].as_str()),
        (Some("Y"), Some("N"))
    );
    let (status, _) = call(
        &s,
        COUNSELOR,
        "answerTemplateMod",
        json!({"ansTmplNo": shared_no, "ansTmplNm": "바꿈", "ansTmplCont": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Its owner edits and deletes it.
    let (status, body) = call(&s, COUNSELOR, "answerTemplateMod", json!({"ansTmplNo": no, "ansTmplNm": "내 배송 안내", "ansTmplCont": "{고객명} 고객님, 확인했습니다."})).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["payload"]["cnslTypNo"],
        Value::Null,
        "no type: every type"
    );
    let (status, _) = call(&s, COUNSELOR, "answerTemplateDel", json!({"ansTmplNo": no})).await;
    assert_eq!(status, StatusCode::OK);
    assert!(named(&list(&s, COUNSELOR).await, "내 배송 안내").is_none());
}

#[tokio::test]
async fn a_template_is_checked_before_it_is_kept() {
    let s = start().await;
    let cases = [
        (json!({"ansTmplCont": "x"}), "ansTmplNm", "REQUIRED"),
        (
            json!({"ansTmplNm": "x".repeat(51), "ansTmplCont": "x"}),
            "ansTmplNm",
            "TOO_LONG",
        ),
        (json!({"ansTmplNm": "이름"}), "ansTmplCont", "REQUIRED"),
        (
            json!({"ansTmplNm": "이름", "ansTmplCont": "{고객 이름}님"}),
            "ansTmplCont",
            "UNKNOWN_VARIABLE",
        ),
        (
            json!({"ansTmplNm": "이름", "ansTmplCont": "x", "cnslTypNo": "9999"}),
            "cnslTypNo",
            "INVALID_TYPE",
        ),
        (
            json!({"ansTmplNm": "이름", "ansTmplCont": "x", "shareYn": "maybe"}),
            "shareYn",
            "INVALID_YN",
        ),
    ];
    for (body, field, code) in cases {
        let (status, got) = call(&s, COUNSELOR, "answerTemplateSave", body).await;
        assert_error(status, &got, StatusCode::BAD_REQUEST, Some((field, code)));
    }
    let (status, _) = call(
        &s,
        MEMBER1,
        "answerTemplateSave",
        json!({"ansTmplNm": "x", "ansTmplCont": "x"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn variables_are_filled_and_a_sentence_without_a_value_is_left_out() {
    let s = start().await;
    let content = "안녕하세요, {고객명} 고객님. 주문번호 {주문번호}의 {상품명}을 확인했습니다. 곧 다시 안내해 드리겠습니다.\n\n{상담원명} 드림";
    let (_, preview) = call(
        &s,
        COUNSELOR,
        "answerTemplatePreview",
        json!({"ansTmplCont": content}),
    )
    .await;
    let with = preview["payload"]["withOrder"].as_str().unwrap();
    let without = preview["payload"]["withoutOrder"].as_str().unwrap();
    assert!(
        with.contains("주문번호 202612070001234의 데일리 코튼 양말 5켤레을 확인했습니다."),
        "{with}"
    );
    assert!(
        !without.contains("주문번호") && !without.contains('{'),
        "{without}"
    );
    assert!(
        without.contains("곧 다시 안내해 드리겠습니다."),
        "{without}"
    );

    // On a real inquiry without an order, and counted once an answer is posted from it.
    let (status, body) = call(
        &s,
        COUNSELOR,
        "answerTemplateSave",
        json!({"ansTmplNm": "주문 확인", "ansTmplCont": content}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let no = body["payload"]["ansTmplNo"].as_str().unwrap().to_owned();
    let typ = s.leaf_type(false).await;
    let (_, saved) = s
        .save(MEMBER1, base_form(&typ, "주문 없는 문의", "궁금합니다"))
        .await;
    let ccn = saved["payload"].as_str().unwrap().to_owned();
    let (_, offered) = s
        .get_json(&format!("{BO}/getAnswerTemplates?ccnNo={ccn}"), COUNSELOR)
        .await;
    let filled = offered["payload"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["tmplNo"] == no.as_str())
        .expect("the counselor's own template is offered")["tmplCont"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        filled.starts_with("안녕하세요, 김하늘 고객님. 곧 다시 안내해 드리겠습니다."),
        "{filled}"
    );
    let (_, for_colleague) = s
        .get_json(&format!("{BO}/getAnswerTemplates?ccnNo={ccn}"), COUNSELOR2)
        .await;
    assert!(
        !for_colleague.to_string().contains(&no),
        "not offered to a colleague"
    );
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": filled, "ansTmplNo": no}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        named(&list(&s, COUNSELOR).await, "주문 확인").unwrap()["useCnt"],
        1
    );
}
