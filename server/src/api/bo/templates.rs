//! Answer templates: filled in for an inquiry (`getAnswerTemplates`), and managed by counselors
//! (`getAnswerTemplateList`, `answerTemplateSave` / `Mod` / `Del`, `answerTemplatePreview`).
//! The rules are in `desk::template_edit`; the variables and their filling in `desk::templates`.

use axum::{extract::State, http::StatusCode};

use crate::{
    api::{
        dto::{AnswerTemplate, TemplateInfo, TemplatePreview, TemplateRequest},
        extract::{Json, Query},
        query::{required_ccn_no, CcnQuery},
    },
    auth::Counselor,
    desk::{
        self,
        template_edit::{self, Draft, Editor, NAME_MAX_CHARS},
    },
    error::{ApiError, ApiOk, ApiResult, FieldError},
    model::now_db,
    rules,
    store::{
        records::{CounselorRef, TemplateRecord},
        Tx,
    },
    AppState,
};

use super::ANSWER_MAX_CHARS;

fn editor(c: &Counselor) -> Editor<'_> {
    Editor {
        cnslr_no: &c.cnslr_no,
        manager: c.manager,
    }
}

fn info(t: TemplateRecord, me: &Editor) -> TemplateInfo {
    let yn = crate::api::present::yn;
    TemplateInfo {
        editable_yn: yn(me.may_change(&t)),
        share_yn: yn(t.owner.is_none()),
        ans_tmpl_no: t.no,
        ans_tmpl_nm: t.name,
        ans_tmpl_cont: t.content,
        cnsl_typ_no: t.type_no,
        use_cnt: t.use_count,
    }
}

/// `GET getAnswerTemplates?ccnNo=` — the templates for the inquiry's type (shared ones and the
/// counselor's own), filled in for it.
pub async fn get_answer_templates(
    State(state): State<AppState>,
    counselor: Counselor,
    Query(q): Query<CcnQuery>,
) -> ApiResult<Vec<AnswerTemplate>> {
    let ccn_no = required_ccn_no(q.ccn_no.as_deref())?;
    state
        .db
        .read(move |c| -> Result<_, ApiError> {
            let inquiry = c
                .question_detail(&ccn_no, None)?
                .ok_or_else(ApiError::inquiry_gone)?;
            let templates = c
                .answer_templates(&inquiry.leaf.no, &counselor.cnslr_no)?
                .iter()
                .map(|t| desk::fill(t, &inquiry, &counselor.cnslr_nm))
                .map(|f| AnswerTemplate {
                    tmpl_no: f.no,
                    tmpl_nm: f.name,
                    tmpl_cont: f.content,
                })
                .collect();
            Ok(ApiOk::ok(templates))
        })
        .await
}

/// An answer was posted from template `no`: count it, if the counselor sees it.
pub(super) fn count_use(tx: &mut dyn Tx, no: &str, me: &CounselorRef) -> Result<(), ApiError> {
    let editor = Editor {
        cnslr_no: &me.no,
        manager: false,
    };
    if tx.template(no)?.is_some_and(|t| editor.sees(&t)) {
        tx.count_template_use(no)?;
    }
    Ok(())
}

/// `GET getAnswerTemplateList` — every template the counselor sees: shared ones, then their own.
pub async fn get_answer_template_list(
    State(state): State<AppState>,
    counselor: Counselor,
) -> ApiResult<Vec<TemplateInfo>> {
    state
        .db
        .read(move |c| -> Result<_, ApiError> {
            let me = editor(&counselor);
            let list = c.templates_of(&counselor.cnslr_no)?;
            Ok(ApiOk::ok(list.into_iter().map(|t| info(t, &me)).collect()))
        })
        .await
}

/// The request's fields, each checked; every broken rule reported.
fn draft(req: &TemplateRequest) -> Result<Draft, ApiError> {
    let mut errors = Vec::new();
    let name = rules::text(
        "ansTmplNm",
        "템플릿 이름",
        req.ans_tmpl_nm.as_deref(),
        NAME_MAX_CHARS,
        rules::Lines::One,
        &mut errors,
    );
    let content = rules::text(
        "ansTmplCont",
        "템플릿 내용",
        req.ans_tmpl_cont.as_deref(),
        ANSWER_MAX_CHARS,
        rules::Lines::Many,
        &mut errors,
    );
    let shared = match req.share_yn.as_deref().map(str::trim) {
        None | Some("") | Some("N") => false,
        Some("Y") => true,
        Some(other) => {
            errors.push(FieldError::new(
                "shareYn",
                "INVALID_YN",
                format!("shareYn은 Y(공용) 또는 N(개인)이어야 합니다 (입력값: {other})."),
            ));
            false
        }
    };
    let type_no = req
        .cnsl_typ_no
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned);
    if errors.is_empty() {
        Ok(Draft {
            name,
            content,
            type_no,
            shared,
        })
    } else {
        Err(ApiError::validation(errors))
    }
}

fn required_no(req: &TemplateRequest) -> Result<String, ApiError> {
    req.ans_tmpl_no
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| ApiError::field("ansTmplNo", "REQUIRED", "ansTmplNo를 보내 주세요."))
}

/// `POST answerTemplateSave` — a new template: the counselor's own, or shared (managers).
pub async fn answer_template_save(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<TemplateRequest>,
) -> ApiResult<TemplateInfo> {
    let d = draft(&req)?;
    let no = format!("T{}", &uuid::Uuid::new_v4().simple().to_string()[..12]);
    let saved = state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let me = editor(&counselor);
            let t = template_edit::save(tx, &me, d, no)?;
            Ok(info(t, &me))
        })
        .await?;
    Ok(ApiOk(StatusCode::CREATED, saved))
}

/// `POST answerTemplateMod` — its name, content and type.
pub async fn answer_template_mod(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<TemplateRequest>,
) -> ApiResult<TemplateInfo> {
    let no = required_no(&req)?;
    let d = draft(&req)?;
    state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            let me = editor(&counselor);
            let t = template_edit::modify(tx, &me, &no, d, &now_db())?;
            Ok(ApiOk::ok(info(t, &me)))
        })
        .await
}

/// `POST answerTemplateDel {ansTmplNo}`.
pub async fn answer_template_del(
    State(state): State<AppState>,
    counselor: Counselor,
    Json(req): Json<TemplateRequest>,
) -> ApiResult<String> {
    let no = required_no(&req)?;
    state
        .db
        .write(move |tx| -> Result<_, ApiError> {
            template_edit::delete(tx, &editor(&counselor), &no)?;
            Ok(ApiOk::ok(no))
        })
        .await
}

/// `POST answerTemplatePreview {ansTmplCont}` — the content filled with sample values, once
/// for an inquiry with an order and goods and once for one without (its sentences left out).
pub async fn answer_template_preview(
    counselor: Counselor,
    Json(req): Json<TemplateRequest>,
) -> ApiResult<TemplatePreview> {
    let content = req.ans_tmpl_cont.unwrap_or_default();
    if let Some(p) = desk::templates_unknown(&content) {
        return Err(ApiError::field(
            "ansTmplCont",
            "UNKNOWN_VARIABLE",
            format!("{p}는 쓸 수 있는 변수가 아닙니다."),
        ));
    }
    let sample = |order: Option<&'static str>, goods: Option<&'static str>| {
        desk::render(
            &content,
            &[
                Some("김하늘"),
                order,
                Some("20261207000123"),
                goods,
                Some("배송이 언제 되나요?"),
                Some(counselor.cnslr_nm.as_str()),
            ],
        )
    };
    Ok(ApiOk::ok(TemplatePreview {
        with_order: sample(Some("202612070001234"), Some("데일리 코튼 양말 5켤레")),
        without_order: sample(None, None),
    }))
}
