//! Templates counselors manage: a counselor's own ones, and the shared ones managers keep.
//! Each is for one inquiry type (a large type takes its leaves) or all; a name is used once per
//! scope (shared, or one counselor's own). Another counselor's own template is not found; a
//! shared one is changed by managers only.

use crate::{
    error::{ApiError, FieldError},
    store::{records::TemplateRecord, Tx, TypeLookup},
};

use super::templates::unknown_placeholder;

/// Longest template name, in characters.
pub const NAME_MAX_CHARS: usize = 50;

/// Who is editing.
pub struct Editor<'a> {
    pub cnslr_no: &'a str,
    pub manager: bool,
}

impl Editor<'_> {
    /// Whether the template is one this counselor sees at all.
    pub fn sees(&self, t: &TemplateRecord) -> bool {
        t.owner.as_deref().is_none_or(|o| o == self.cnslr_no)
    }

    pub fn may_change(&self, t: &TemplateRecord) -> bool {
        match t.owner.as_deref() {
            None => self.manager,
            Some(o) => o == self.cnslr_no,
        }
    }
}

/// A template as the editor sends it (name and content already checked for length).
pub struct Draft {
    pub name: String,
    pub content: String,
    pub type_no: Option<String>,
    /// A shared template (managers) rather than the counselor's own.
    pub shared: bool,
}

/// The rules that need the store: the type exists, the variables are known, the name is free
/// in its scope.
fn check(
    tx: &mut dyn Tx,
    d: &Draft,
    owner: Option<&str>,
    except: Option<&str>,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if let Some(no) = &d.type_no {
        if tx.lookup_type(no)? == TypeLookup::Unknown {
            errors.push(FieldError::new(
                "cnslTypNo",
                "INVALID_TYPE",
                format!("없는 문의 유형입니다 (입력값: {no})."),
            ));
        }
    }
    if let Some(p) = unknown_placeholder(&d.content) {
        errors.push(FieldError::new(
            "ansTmplCont",
            "UNKNOWN_VARIABLE",
            format!(
                "{p}는 쓸 수 있는 변수가 아닙니다. {} 중에서 골라 주세요.",
                super::PLACEHOLDERS.join(", ")
            ),
        ));
    }
    if tx.template_name_taken(owner, &d.name, except)? {
        errors.push(FieldError::new(
            "ansTmplNm",
            "DUPLICATE_NAME",
            format!(
                "같은 이름의 {} 템플릿이 이미 있습니다: {}",
                if owner.is_none() { "공용" } else { "개인" },
                d.name
            ),
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(errors))
    }
}

fn forbidden_shared() -> ApiError {
    ApiError::Forbidden("공용 템플릿은 관리자만 만들고 고칠 수 있습니다.".to_owned())
}

fn not_found() -> ApiError {
    ApiError::NotFound("템플릿을 찾을 수 없습니다.".to_owned())
}

pub fn save(
    tx: &mut dyn Tx,
    me: &Editor,
    d: Draft,
    no: String,
) -> Result<TemplateRecord, ApiError> {
    if d.shared && !me.manager {
        return Err(forbidden_shared());
    }
    let owner = (!d.shared).then(|| me.cnslr_no.to_owned());
    check(tx, &d, owner.as_deref(), None)?;
    let t = TemplateRecord {
        no,
        name: d.name,
        content: d.content,
        type_no: d.type_no,
        owner,
        use_count: 0,
    };
    tx.insert_template(&t, 1000)?;
    Ok(t)
}

/// Its name, content and type; its scope stays.
pub fn modify(
    tx: &mut dyn Tx,
    me: &Editor,
    no: &str,
    d: Draft,
    at: &str,
) -> Result<TemplateRecord, ApiError> {
    let mut t = tx
        .template(no)?
        .filter(|t| me.sees(t))
        .ok_or_else(not_found)?;
    if !me.may_change(&t) {
        return Err(forbidden_shared());
    }
    check(tx, &d, t.owner.as_deref(), Some(no))?;
    (t.name, t.content, t.type_no) = (d.name, d.content, d.type_no);
    tx.update_template(&t, at)?;
    Ok(t)
}

pub fn delete(tx: &mut dyn Tx, me: &Editor, no: &str) -> Result<(), ApiError> {
    let t = tx
        .template(no)?
        .filter(|t| me.sees(t))
        .ok_or_else(not_found)?;
    if !me.may_change(&t) {
        return Err(forbidden_shared());
    }
    tx.delete_template(no)?;
    Ok(())
}
