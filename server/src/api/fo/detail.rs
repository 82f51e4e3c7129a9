//! `getQuestionDtl` (one of the member's inquiries) and `getQuestionFile` (a photo's bytes).

use axum::{
    body::Body,
    extract::State,
    http::{header, HeaderValue},
    response::Response,
};
use serde::Deserialize;

use crate::api::query::{required_ccn_no, CcnQuery};
use crate::{
    api::dto::{ReadPayload, ReadRequest},
    api::extract::{Json, Query},
    api::present::{self, Audience},
    audit::{self, Action},
    auth::{ClientIp, Counselor, Member, Principal},
    error::{ApiError, ApiOk, ApiResult},
    model::now_db,
    rules,
    throttle::Kind,
    AppState,
};

/// `GET getQuestionDtl` — one of the member's inquiries with photos and the reply thread.
pub async fn get_question_dtl(
    State(state): State<AppState>,
    member: Member,
    Query(q): Query<CcnQuery>,
) -> ApiResult<crate::api::dto::QuestionDetail> {
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let offset = state.config.store_offset;
    state
        .db
        .read(move |c| -> Result<_, ApiError> {
            let record = c
                .question_detail(&ccn_no, Some(&member.mbr_no))?
                .ok_or_else(ApiError::inquiry_not_found)?;
            let mut detail = present::detail(record, offset, Audience::Member);
            detail.stsf = c
                .satisfaction_of(&ccn_no)?
                .map(|s| present::satisfaction(s, offset));
            Ok(ApiOk::ok(detail))
        })
        .await
}

/// `POST questionAnsRead {ccnNo}` — the member opened the answer: their list stops marking it
/// as unread, on every device. Idempotent; an inquiry that is not answered keeps its marker
/// off and answers `ansUnreadYn: N` as well.
pub async fn question_ans_read(
    State(state): State<AppState>,
    member: Member,
    Json(req): Json<ReadRequest>,
) -> ApiResult<ReadPayload> {
    let ccn_no = required_ccn_no(req.ccn_no.as_deref())?;
    state
        .db
        .write(move |c| -> Result<_, ApiError> {
            if c.question_status(&ccn_no, Some(&member.mbr_no))?.is_none() {
                return Err(ApiError::inquiry_not_found());
            }
            c.mark_answer_read(&ccn_no, &member.mbr_no, &now_db())?;
            Ok(ApiOk::ok(ReadPayload {
                ccn_no,
                ans_unread_yn: "N".to_owned(),
            }))
        })
        .await
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileQuery {
    pub ccn_no: Option<String>,
    pub file_seq: Option<String>,
}

/// `GET getQuestionFile?ccnNo=&fileSeq=` — a photo's bytes, for its owner or a counselor.
pub async fn get_question_file(
    State(state): State<AppState>,
    principal: Principal,
    ClientIp(ip): ClientIp,
    Query(q): Query<FileQuery>,
) -> Result<Response, ApiError> {
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    let file_seq: u32 = q
        .file_seq
        .as_deref()
        .and_then(|s| s.trim().parse().ok())
        .filter(|n| *n >= 1)
        .ok_or_else(|| {
            ApiError::field(
                "fileSeq",
                "REQUIRED",
                "fileSeq(사진 번호)는 1 이상의 정수여야 합니다.",
            )
        })?;
    let find = move |c: &mut dyn crate::store::Tx, owner: Option<&str>| {
        if c.question_status(&ccn_no, owner)?.is_none() {
            return Err(ApiError::inquiry_not_found());
        }
        let file = c
            .files_of(&ccn_no)?
            .into_iter()
            .find(|f| f.file_seq == file_seq)
            .ok_or_else(|| ApiError::NotFound("사진을 찾을 수 없습니다.".to_owned()))?;
        Ok((ccn_no, file))
    };
    let file = match principal {
        Principal::Member { mbr_no } => {
            state.throttle.check(Kind::PhotoDownload, &mbr_no).await?;
            state.db.read(move |c| find(c, Some(&mbr_no))).await?.1
        }
        // A counselor's download is an access to the member's data: logged before it is sent.
        Principal::Counselor {
            cnslr_no,
            cnslr_nm,
            manager,
        } => {
            let actor = Counselor {
                cnslr_no,
                cnslr_nm,
                manager,
                ip,
            }
            .actor();
            state
                .db
                .write(move |c| -> Result<_, ApiError> {
                    let (ccn_no, file) = find(c, None)?;
                    let what = format!("사진 {}", file.file_seq);
                    audit::log(c, &actor, Action::ViewPhoto, Some(&ccn_no), None, &what)?;
                    Ok(file)
                })
                .await?
        }
    };
    let bytes = state
        .blobs
        .get(crate::blobs::Kind::Photo, &file.stored_nm)
        .await?
        .ok_or_else(|| ApiError::NotFound("사진 파일이 없습니다.".to_owned()))?;

    let disposition = format!(
        "inline; filename=\"photo.{}\"; filename*=UTF-8''{}",
        rules::extension(&file.content_type),
        percent_encode(&file.file_nm)
    );
    let mut response = Response::new(Body::from(bytes));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&file.content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
