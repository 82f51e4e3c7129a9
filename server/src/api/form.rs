//! Reading the multipart body of `questionSave` / `questionMod`.

use std::collections::HashMap;

use axum::extract::{multipart::MultipartError, Multipart};
use bytes::Bytes;

use crate::{config::Limits, error::ApiError, rules::human_bytes};

/// One uploaded file part.
pub struct Upload {
    pub file_nm: String,
    pub bytes: Bytes,
}

/// The text fields (each at most once), the repeated `keepFileSeq` values and the files.
#[derive(Default)]
pub struct QuestionForm {
    pub fields: HashMap<String, String>,
    pub keep_file_seq: Vec<String>,
    pub files: Vec<Upload>,
}

impl QuestionForm {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }
}

/// The multipart part name of photos.
pub const FILE_FIELD: &str = "atchFiles";
/// Longest text field accepted before the rules even look at it (a runaway client, not a typo).
const MAX_TEXT_FIELD_BYTES: usize = 64 * 1024;

fn multipart_error(e: MultipartError, limits: &Limits) -> ApiError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::PayloadTooLarge(format!(
            "요청 크기가 너무 큽니다. 사진은 최대 {}장, 한 장에 {}까지 첨부할 수 있습니다.",
            limits.max_photos,
            human_bytes(limits.max_photo_bytes)
        ))
    } else {
        ApiError::BadRequest(format!(
            "multipart 본문을 읽을 수 없습니다: {}",
            e.body_text()
        ))
    }
}

pub async fn read(mut multipart: Multipart, limits: &Limits) -> Result<QuestionForm, ApiError> {
    let mut form = QuestionForm::default();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| multipart_error(e, limits))?
    {
        let name = field.name().unwrap_or_default().to_owned();
        if name == FILE_FIELD {
            let file_nm = field
                .file_name()
                .map(sanitize_file_name)
                .unwrap_or_else(|| format!("photo-{}", form.files.len() + 1));
            let bytes = field
                .bytes()
                .await
                .map_err(|e| multipart_error(e, limits))?;
            form.files.push(Upload { file_nm, bytes });
            continue;
        }
        let bytes = field
            .bytes()
            .await
            .map_err(|e| multipart_error(e, limits))?;
        if bytes.len() > MAX_TEXT_FIELD_BYTES {
            return Err(ApiError::field(
                &name,
                "TOO_LONG",
                format!("{name} 값이 너무 깁니다."),
            ));
        }
        let value = String::from_utf8(bytes.to_vec()).map_err(|_| {
            ApiError::field(
                &name,
                "INVALID_ENCODING",
                format!("{name} 값은 UTF-8 텍스트여야 합니다."),
            )
        })?;
        if name == "keepFileSeq" {
            form.keep_file_seq.push(value);
            continue;
        }
        match form.fields.entry(name) {
            // Two values for one field is a client bug; guessing which one was meant is worse.
            std::collections::hash_map::Entry::Occupied(e) => {
                let name = e.key();
                return Err(ApiError::field(
                    name,
                    "DUPLICATE_FIELD",
                    format!("{name} 값이 두 번 이상 전송되었습니다."),
                ));
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(value);
            }
        }
    }
    Ok(form)
}

/// Keeps the customer's file name for display only: no path, no control characters, ≤ 100 chars.
fn sanitize_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or(raw);
    let clean: String = base.chars().filter(|c| !c.is_control()).take(100).collect();
    if clean.trim().is_empty() {
        "photo".to_owned()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_lose_paths_and_controls() {
        assert_eq!(
            super::sanitize_file_name("C:\\Users\\me\\사진.jpg"),
            "사진.jpg"
        );
        assert_eq!(super::sanitize_file_name("../../etc/passwd"), "passwd");
        assert_eq!(super::sanitize_file_name("a\u{0}b\n.png"), "ab.png");
        assert_eq!(super::sanitize_file_name("/"), "photo");
    }
}
