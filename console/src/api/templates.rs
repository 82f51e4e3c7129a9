//! Answer templates as their editor reads and writes them: shared ones and the counselor's own.

use serde::Deserialize;
use serde_json::json;

use super::{ApiError, Client, BO};

/// A template in the editor's list.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInfo {
    pub ans_tmpl_no: String,
    pub ans_tmpl_nm: String,
    pub ans_tmpl_cont: String,
    pub cnsl_typ_no: Option<String>,
    /// `Y`: shared; `N`: the counselor's own.
    pub share_yn: String,
    pub editable_yn: String,
    pub use_cnt: u64,
}

/// A template's content with sample values, with and without an order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePreview {
    pub with_order: String,
    pub without_order: String,
}

/// What the editor sends.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TemplateDraft {
    pub name: String,
    pub content: String,
    /// Empty: every type.
    pub type_no: String,
    pub shared: bool,
}

impl TemplateDraft {
    fn body(&self, no: Option<&str>) -> serde_json::Value {
        json!({
            "ansTmplNo": no,
            "ansTmplNm": self.name,
            "ansTmplCont": self.content,
            "cnslTypNo": (!self.type_no.is_empty()).then_some(&self.type_no),
            "shareYn": if self.shared { "Y" } else { "N" },
        })
    }
}

impl Client {
    pub async fn template_list(&self) -> Result<Vec<TemplateInfo>, ApiError> {
        self.get(&format!("{BO}/getAnswerTemplateList"), Vec::new())
            .await
    }

    /// A new template (`no: None`) or changes to one.
    pub async fn save_template(
        &self,
        no: Option<&str>,
        d: &TemplateDraft,
    ) -> Result<TemplateInfo, ApiError> {
        let op = if no.is_some() {
            "answerTemplateMod"
        } else {
            "answerTemplateSave"
        };
        self.post(&format!("{BO}/{op}"), d.body(no)).await
    }

    pub async fn delete_template(&self, no: &str) -> Result<(), ApiError> {
        self.post::<String>(
            &format!("{BO}/answerTemplateDel"),
            json!({ "ansTmplNo": no }),
        )
        .await
        .map(|_| ())
    }

    pub async fn preview_template(&self, content: &str) -> Result<TemplatePreview, ApiError> {
        self.post(
            &format!("{BO}/answerTemplatePreview"),
            json!({ "ansTmplCont": content }),
        )
        .await
    }
}
