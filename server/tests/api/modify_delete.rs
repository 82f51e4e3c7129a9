//! `questionMod` and `questionDel`: photos kept, removed and added; 409 once in progress or answered.

use crate::common::*;
use reqwest::{multipart::Form, StatusCode};

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
        before + 1,
        "the dropped photo stays, kept with the previous version; one added"
    );
    // The desk sees what was submitted before the change, photos too.
    let (_, bo) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    let prev = &bo["payload"]["prevVersions"];
    assert_eq!(prev.as_array().unwrap().len(), 1, "{bo}");
    assert_eq!(prev[0]["verSeq"], 1);
    assert_eq!(prev[0]["ccnTitle"], "원래 제목");
    assert_eq!(prev[0]["accpCont"], "원래 내용");
    assert_eq!(prev[0]["smsRcvYn"], "Y");
    let names: Vec<_> = prev[0]["atchFiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["fileNm"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["one.png", "two.gif"]);
    assert_eq!(prev[0]["replacedDtm"], p["modDtm"]);
    assert_eq!(bo["payload"]["ccnTitle"], "고친 제목");

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
async fn delete_withdraws_the_inquiry_for_its_member_and_keeps_it_for_the_desk() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let photos_before = std::fs::read_dir(s.photo_dir()).unwrap().count();
    let form = base_form(&typ, "지울 문의", "지울 내용").part(
        "atchFiles",
        file_part("x.png", png_bytes(8, 8), "image/png"),
    );
    let (_, body) = s.save(MEMBER1, form).await;
    let ccn = body["payload"].as_str().unwrap().to_owned();
    let q = crate::year_query();
    let list_before = s.list(MEMBER1, &q).await;
    let (_, counts_before) = s
        .get_json(&format!("{BO}/getQuestionCounts?{q}"), COUNSELOR)
        .await;

    let (status, body) = s.delete(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"], ccn);

    // Gone for the member: detail, list, its total, a second delete, an edit.
    let (status, _) = s.detail(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let list_after = s.list(MEMBER1, &q).await;
    assert_eq!(
        list_after["payload"]["pagination"]["totalElements"]
            .as_u64()
            .unwrap()
            + 1,
        list_before["payload"]["pagination"]["totalElements"]
            .as_u64()
            .unwrap()
    );
    assert!(!list_after.to_string().contains(&ccn));
    let (status, _) = s.delete(MEMBER1, &ccn).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let form = base_form(&typ, "되살리기", "내용").text("ccnNo", ccn.clone());
    let (status, _) = s.modify(MEMBER1, form).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Kept whole: the photo object stays; the queue's working tabs drop it.
    assert_eq!(
        std::fs::read_dir(s.photo_dir()).unwrap().count(),
        photos_before + 1
    );
    let (_, counts_after) = s
        .get_json(&format!("{BO}/getQuestionCounts?{q}"), COUNSELOR)
        .await;
    assert_eq!(
        counts_after["payload"]["received"].as_u64().unwrap() + 1,
        counts_before["payload"]["received"].as_u64().unwrap()
    );
    let (_, queue) = s
        .get_json(
            &format!("{BO}/getQuestionList?{q}&searchWord=지울"),
            COUNSELOR,
        )
        .await;
    assert_eq!(
        queue["payload"]["content"],
        serde_json::json!([]),
        "{queue}"
    );

    // A counselor still opens it, marked 고객 삭제 with its time, photo and all.
    let (status, bo) = s
        .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
        .await;
    assert_eq!(status, StatusCode::OK, "{bo}");
    assert!(bo["payload"]["wdrwDtm"].is_string(), "{bo}");
    assert_eq!(bo["payload"]["ccnTitle"], "지울 문의");
    assert_eq!(bo["payload"]["atchFiles"].as_array().unwrap().len(), 1);
    let photo = s
        .get(
            &format!("{CS}/getQuestionFile?ccnNo={ccn}&fileSeq=1"),
            COUNSELOR,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(photo.status(), StatusCode::OK);
    let photo = s
        .get(
            &format!("{CS}/getQuestionFile?ccnNo={ccn}&fileSeq=1"),
            MEMBER1,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(photo.status(), StatusCode::NOT_FOUND);
    // …in the list of withdrawn ones, and nothing more can be done with it.
    let (_, gone) = s
        .get_json(&format!("{BO}/getQuestionList?{q}&wdrwYn=Y"), COUNSELOR)
        .await;
    assert!(gone.to_string().contains(&ccn), "{gone}");
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionProc"),
            COUNSELOR,
            serde_json::json!({"ccnNo": ccn}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["code"], "WITHDRAWN");
    assert!(
        body["message"].as_str().unwrap().contains("고객이"),
        "{body}"
    );
    let (status, body) = s
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            serde_json::json!({"ccnNo": ccn, "ansCont": "답변"}),
        )
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::CONFLICT, Some("WITHDRAWN"))
    );

    // A seeded received inquiry can be withdrawn too.
    let seeded = s.any_with_status(MEMBER1, "10").await;
    let (status, _) = s.delete(MEMBER1, &seeded).await;
    assert_eq!(status, StatusCode::OK);
}
