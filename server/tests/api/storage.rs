//! When the blob store fails: a registration whose photo cannot be stored registers nothing and
//! says so; what does not need the photo store still works.

use std::sync::Arc;

use inquiry_server::blobs::Blobs;
use object_store::aws::AmazonS3Builder;
use reqwest::StatusCode;

use crate::common::*;

/// An S3 bucket at an address where nothing listens.
pub(crate) fn unreachable_bucket() -> Blobs {
    let s3 = AmazonS3Builder::new()
        .with_bucket_name("down")
        .with_endpoint("http://127.0.0.1:1")
        .with_allow_http(true)
        .with_region("us-east-1")
        .with_access_key_id("test")
        .with_secret_access_key("test")
        .with_retry(object_store::RetryConfig {
            max_retries: 0,
            ..Default::default()
        })
        .build()
        .unwrap();
    Blobs::from_store(Arc::new(s3), "s3://down")
}

#[tokio::test]
async fn a_photo_that_cannot_be_stored_registers_nothing_and_says_so() {
    let s = start_with_blobs(|_| {}, Some(unreachable_bucket())).await;
    let typ = s.leaf_type(false).await;
    let form = base_form(&typ, "저장 실패 사진", "사진이 저장되지 않으면").part(
        "atchFiles",
        file_part("a.png", png_bytes(8, 8), "image/png"),
    );
    let (status, body) = s.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(body["code"], "STORAGE_UNAVAILABLE");
    assert!(body["message"].as_str().unwrap().contains("사진"), "{body}");
    let found = s.list(MEMBER1, "searchWord=저장 실패 사진").await;
    assert_eq!(
        found["payload"]["pagination"]["totalElements"], 0,
        "nothing registered"
    );
    // Without a photo the same registration goes through.
    let (status, _) = s
        .save(MEMBER1, base_form(&typ, "사진 없는 문의", "내용"))
        .await;
    assert_eq!(status, StatusCode::CREATED);
}
