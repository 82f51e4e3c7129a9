//! `questionSave`: a registration read back, every form rule, the body limit, idempotent retries.

use crate::common::*;
use crate::{today, year_query};
use reqwest::{multipart::Form, Method, StatusCode};
use serde_json::json;

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
        // Broken text in disguise: a NUL in the title, a title on two lines, an escape in the
        // content, content made only of zero-width characters and a BOM.
        (
            base_form(&plain, "배송\0문의", "내용"),
            "ccnTitle",
            "CONTROL_CHARACTER",
        ),
        (
            base_form(&plain, "두\n줄", "내용"),
            "ccnTitle",
            "CONTROL_CHARACTER",
        ),
        (
            base_form(&plain, "제목", "색이 \u{1B}[31m빨강"),
            "accpCont",
            "CONTROL_CHARACTER",
        ),
        (
            base_form(&plain, "제목", "\u{200B}\u{200D}\u{FEFF} \u{2060}"),
            "accpCont",
            "REQUIRED",
        ),
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
    let (status, _) = s.save_keyed(MEMBER2, "submit-7f3a", form()).await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn a_replay_of_a_deleted_inquiry_says_so_and_a_new_key_registers_again() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    let send =
        |key: &'static str| s.save_keyed(MEMBER1, key, base_form(&typ, "삭제 후 재시도", "내용"));
    let (status, first) = send("gone-1").await;
    assert_eq!(status, StatusCode::CREATED);
    let ccn = first["payload"].as_str().unwrap();
    assert_eq!(s.delete(MEMBER1, ccn).await.0, StatusCode::OK);
    let (status, body) = send("gone-1").await;
    assert_error(status, &body, StatusCode::UNPROCESSABLE_ENTITY, None);
    assert_eq!(body["code"], "IDEMPOTENT_INQUIRY_DELETED", "{body}");
    assert!(
        body["message"].as_str().unwrap().contains(ccn),
        "names the dead inquiry: {body}"
    );
    let (status, again) = send("gone-2").await;
    assert_eq!(status, StatusCode::CREATED);
    assert_ne!(again["payload"], first["payload"]);
}

#[tokio::test]
async fn an_idempotency_key_expires() {
    // Keys are remembered for no time at all: every use is a first use.
    let s = start_with(|c| c.idempotency_ttl = chrono::Duration::zero()).await;
    let typ = s.leaf_type(false).await;
    let send = || s.save_keyed(MEMBER1, "old-key", base_form(&typ, "만료된 키", "내용"));
    let (status, first) = send().await;
    assert_eq!(status, StatusCode::CREATED);
    let (status, second) = send().await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "an expired key is free again: {second}"
    );
    assert_ne!(first["payload"], second["payload"]);
    // Reusing it for a different request is fine too once it expired.
    let (status, _) = s
        .save_keyed(
            MEMBER1,
            "old-key",
            base_form(&typ, "다른 문의", "다른 내용"),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
}

#[tokio::test]
async fn text_is_stored_normalised_and_counted_as_the_form_counts_it() {
    let s = start().await;
    let typ = s.leaf_type(false).await;
    // 50 syllables typed as decomposed jamo (150 scalar values): 50 characters once composed.
    let decomposed = "\u{1112}\u{1161}\u{11AB}".repeat(50);
    let content = "\u{FEFF}\u{200B}  줄 하나\r\n줄 둘\t끝 \u{200B}";
    let (status, body) = s.save(MEMBER1, base_form(&typ, &decomposed, content)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap();
    let (_, detail) = s.detail(MEMBER1, ccn).await;
    assert_eq!(
        detail["payload"]["ccnTitle"],
        "한".repeat(50),
        "stored composed"
    );
    assert_eq!(
        detail["payload"]["accpCont"], "줄 하나\r\n줄 둘\t끝",
        "invisible edges trimmed"
    );
}

/// A photo is read all the way through: a bare signature, too many pixels and an animation are
/// refused by name; what is stored carries no EXIF location but keeps its orientation.
#[tokio::test]
async fn photos_are_checked_whole_and_stored_without_their_location() {
    let s = start_with(|c| c.limits.max_photo_pixels = 10_000).await;
    let typ = s.leaf_type(false).await;
    let save = |name: &'static str, bytes: Vec<u8>, declared: &'static str| {
        let form = base_form(&typ, "사진 검사", "내용")
            .part(
                "atchFiles",
                file_part("ok.png", png_bytes(8, 8), "image/png"),
            )
            .part("atchFiles", file_part(name, bytes, declared));
        s.save(MEMBER1, form)
    };
    let signature_only = b"\x89PNG\r\n\x1a\n".to_vec();
    let big = png_bytes(200, 100);
    let animated = {
        let mut gif = Vec::new();
        let mut enc = image::codecs::gif::GifEncoder::new(&mut gif);
        let frame = |c| {
            image::Frame::new(image::RgbaImage::from_pixel(
                4,
                4,
                image::Rgba([c, 0, 0, 255]),
            ))
        };
        enc.encode_frames(vec![frame(10), frame(200)]).unwrap();
        drop(enc);
        gif
    };
    for (name, bytes, declared, code) in [
        ("sig.png", signature_only, "image/png", "CORRUPT_IMAGE"),
        ("big.png", big, "image/png", "TOO_MANY_PIXELS"),
        ("moving.gif", animated, "image/gif", "ANIMATED_IMAGE"),
    ] {
        let (status, body) = save(name, bytes, declared).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{name}: {body}");
        assert_eq!(body["errors"][0]["field"], "atchFiles[1]", "{name}");
        assert_eq!(body["errors"][0]["code"], code, "{name}: {body}");
        assert!(body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains(name));
    }

    // A phone photo: EXIF with a GPS position and orientation 6 (rotated).
    let jpeg = {
        let img = image::RgbImage::from_pixel(16, 8, image::Rgb([30, 120, 200]));
        let mut plain = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(
                &mut std::io::Cursor::new(&mut plain),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        let mut tiff = b"MM\0*\0\0\0\x08\0\x02".to_vec();
        tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]);
        tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0]);
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        tiff.extend_from_slice(b"GPSLatitude 37.5665 GPSLongitude 126.9780");
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&tiff);
        let mut out = plain[..2].to_vec();
        out.extend_from_slice(&app1);
        out.extend_from_slice(&plain[2..]);
        out
    };
    let form = base_form(&typ, "위치 정보", "내용").part(
        "atchFiles",
        file_part("IMG_0001.jpg", jpeg.clone(), "image/jpeg"),
    );
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let ccn = body["payload"].as_str().unwrap();
    let stored = s
        .get(
            &format!("{CS}/getQuestionFile?ccnNo={ccn}&fileSeq=1"),
            MEMBER1,
        )
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(!stored.windows(3).any(|w| w == b"GPS"), "no location");
    assert!(
        stored.windows(6).any(|w| w == b"Exif\0\0"),
        "orientation kept"
    );
    assert_eq!(
        image::load_from_memory(&stored).unwrap().to_rgb8(),
        image::load_from_memory(&jpeg).unwrap().to_rgb8(),
        "the pixels as uploaded"
    );
}
