//! Wire types: exactly what `server/openapi.yaml` documents. Field names follow the x2bee
//! conventions (`ccnNo`, `cnslTypNo`, `goodsNo`, `ordNo`, `pageNo`, `...Dtm`, `...Yn`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    pub current_page: u32,
    pub total_pages: u32,
    pub total_elements: u64,
    pub count_per_page: u32,
}

impl Pagination {
    pub fn new(page_no: u32, page_size: u32, total: u64) -> Self {
        Self {
            current_page: page_no,
            total_pages: total.div_ceil(u64::from(page_size.max(1))) as u32,
            total_elements: total,
            count_per_page: page_size,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Page<T> {
    pub content: Vec<T>,
    pub pagination: Pagination,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionSummary {
    pub ccn_no: String,
    pub cnsl_lrg_typ_no: String,
    pub cnsl_lrg_typ_nm: String,
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub goods_no: Option<String>,
    pub goods_nm: Option<String>,
    pub ord_no: Option<String>,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    pub accp_dtm: String,
    pub ans_dtm: Option<String>,
    pub atch_file_cnt: u32,
    pub reply_cnt: u32,
    /// `Y`: answered, and the member has not opened the answer since.
    pub ans_unread_yn: String,
    /// Only on back-office lists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mbr_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mbr_nm: Option<String>,
    /// Back office: the customer's rating, once given (`N`: 불만족, flagged in the queue).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stsf_yn: Option<String>,
    /// Back office: when the answer is due (business days from receipt).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ans_due_dtm: Option<String>,
    /// Back office: the counselor who holds it.
    #[serde(flatten)]
    pub holder: Holder,
}

/// Back office: the counselor who holds an inquiry (`cnslrNo`, `cnslrNm`); both absent when
/// nobody does, and always on the member's side.
#[derive(Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Holder {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cnslr_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cnslr_nm: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsCard {
    pub goods_no: String,
    pub goods_nm: String,
    pub brand_nm: String,
    pub itm_no: Option<String>,
    pub itm_nm: Option<String>,
    pub sale_prc: i64,
    pub img_url: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AtchFile {
    pub file_seq: u32,
    pub file_nm: String,
    pub file_size: u64,
    pub content_type: String,
    /// Path (from the API origin) of the authenticated download; send the same Bearer token.
    pub file_url: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    pub cnsl_proc_seq: u32,
    pub ans_typ_cd: String,
    pub ans_typ_nm: String,
    pub ansr_nm: String,
    pub ans_cont: String,
    pub ans_dtm: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionDetail {
    pub ccn_no: String,
    pub cnsl_lrg_typ_no: String,
    pub cnsl_lrg_typ_nm: String,
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods: Option<GoodsCard>,
    pub ord_no: Option<String>,
    pub ord_dtm: Option<String>,
    pub sms_rcv_yn: String,
    pub email_rcv_yn: String,
    pub ref_ccn_no: Option<String>,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    pub accp_dtm: String,
    pub mod_dtm: Option<String>,
    pub ans_dtm: Option<String>,
    pub atch_files: Vec<AtchFile>,
    pub replies: Vec<Reply>,
    pub ans_unread_yn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mbr_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mbr_nm: Option<String>,
    #[serde(flatten)]
    pub holder: Holder,
    /// Back office: the answer notifications and where each stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notifications: Option<Vec<Notification>>,
    /// Back office: the transfer (이관) to the goods' seller, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trns: Option<TransferInfo>,
    /// Back office: when the customer withdrew it (고객 삭제); it is kept as a record only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wdrw_dtm: Option<String>,
    /// Back office: what the customer had submitted before each edit, oldest first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prev_versions: Option<Vec<PrevVersion>>,
    /// When the answer is due, in business days from receipt (both sides see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ans_due_dtm: Option<String>,
    /// The customer's rating of the answer, once given (both sides see it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stsf: Option<Satisfaction>,
    /// Back office: the counselors' internal memos, oldest first (never the customer's or a
    /// seller's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memos: Option<Vec<Memo>>,
}

/// The customer's rating of an answer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Satisfaction {
    pub satisfied_yn: String,
    pub reason_cd: Option<String>,
    pub reason_nm: Option<String>,
    pub comment: Option<String>,
    pub reg_dtm: String,
}

/// `POST questionSatisfaction`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SatisfactionRequest {
    pub ccn_no: Option<String>,
    pub satisfied_yn: Option<String>,
    pub reason_cd: Option<String>,
    pub comment: Option<String>,
}

/// Back office: a counselor's internal memo on an inquiry.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Memo {
    pub memo_seq: u32,
    pub memo_cont: String,
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub reg_dtm: String,
}

/// `POST questionMemoSave`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoMemoRequest {
    pub ccn_no: Option<String>,
    pub memo_cont: Option<String>,
}

/// Back office: an inquiry as it was before one of the customer's edits.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrevVersion {
    pub ver_seq: u32,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods_nm: Option<String>,
    pub ord_no: Option<String>,
    pub sms_rcv_yn: String,
    pub email_rcv_yn: String,
    /// When this version was submitted, and when an edit replaced it.
    pub submitted_dtm: String,
    pub replaced_dtm: String,
    pub atch_files: Vec<PrevFile>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PrevFile {
    pub file_seq: u32,
    pub file_nm: String,
    pub file_size: u64,
}

/// Back office: an inquiry's transfer to the seller and where it stands.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferInfo {
    pub vendor_id: String,
    pub vendor_nm: String,
    /// `Y`: the seller must answer; `N`: confirm only.
    pub need_ans_yn: String,
    pub trns_note: String,
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub trns_dtm: String,
    pub due_dtm: String,
    /// `WAITING` (the seller has until dueDtm), `DONE` (answered or confirmed), `EXPIRED`.
    pub trns_stat_cd: String,
    pub done_by: Option<String>,
    pub done_dtm: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub ntf_no: i64,
    /// `SMS` or `EMAIL`.
    pub channel: String,
    /// The recipient, masked.
    pub rcpt: String,
    pub lang_cd: String,
    /// `PENDING` (queued or waiting for a retry), `SENT` or `FAILED` (given up).
    pub ntf_stat_cd: String,
    pub attempt_cnt: u32,
    pub last_error: Option<String>,
    pub reg_dtm: String,
    pub next_try_dtm: Option<String>,
    pub sent_dtm: Option<String>,
    /// How it went out: `ALIMTALK`, `SMS`/`LMS` (with `(알림톡 실패: …)` after a fallback),
    /// `SMTP` or `LOG`.
    pub sent_via: Option<String>,
}

/// `getQuestionCounts`: how many inquiries of each status match the queue's filters.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCounts {
    pub received: u64,
    pub in_progress: u64,
    pub answered: u64,
}

/// An answer template filled in for one inquiry.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerTemplate {
    pub tmpl_no: String,
    pub tmpl_nm: String,
    pub tmpl_cont: String,
}

/// A template as its editor lists it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateInfo {
    pub ans_tmpl_no: String,
    pub ans_tmpl_nm: String,
    pub ans_tmpl_cont: String,
    /// `None`: every type.
    pub cnsl_typ_no: Option<String>,
    /// `Y`: shared (managers keep it); `N`: the counselor's own.
    pub share_yn: String,
    /// Whether this counselor may change it.
    pub editable_yn: String,
    pub use_cnt: u64,
}

/// `answerTemplateSave` / `answerTemplateMod` / `answerTemplateDel` / `answerTemplatePreview`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateRequest {
    pub ans_tmpl_no: Option<String>,
    pub ans_tmpl_nm: Option<String>,
    pub ans_tmpl_cont: Option<String>,
    pub cnsl_typ_no: Option<String>,
    pub share_yn: Option<String>,
}

/// A template's content filled with sample values, with and without an order.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePreview {
    pub with_order: String,
    pub without_order: String,
}

/// `whoami`: the signed-in counselor.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CounselorInfo {
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub ans_max_len: usize,
    /// `whoami`: `Y` for a desk manager (the console shows the access log's pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mgr_yn: Option<String>,
}

/// `questionAnsRead`: the member opened the answer.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadPayload {
    pub ccn_no: String,
    pub ans_unread_yn: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeafType {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub goods_sel_mdty_yn: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LargeType {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub children: Vec<LeafType>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormLimits {
    pub title_max_len: usize,
    pub cont_max_len: usize,
    pub max_file_cnt: usize,
    pub max_file_size: usize,
    pub max_file_pixels: u64,
    pub accepted_file_types: Vec<String>,
    pub max_period_days: i64,
    pub max_page_size: u32,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusCode {
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionInit {
    pub mbr_no: String,
    pub store_time_zone: String,
    pub cnsl_types: Vec<LargeType>,
    pub limits: FormLimits,
    pub statuses: Vec<StatusCode>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsItem {
    pub itm_no: String,
    pub itm_nm: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Goods {
    pub goods_no: String,
    pub goods_nm: String,
    pub brand_nm: String,
    pub category_nm: String,
    pub sale_prc: i64,
    pub img_url: Option<String>,
    pub items: Vec<GoodsItem>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderGoods {
    pub ord_no: String,
    pub ord_dtm: String,
    pub ord_seq: u32,
    pub goods_no: String,
    pub goods_nm: String,
    pub brand_nm: String,
    pub itm_no: String,
    pub itm_nm: String,
    pub ord_qty: u32,
    pub ord_amt: i64,
    pub img_url: Option<String>,
}

/// `getGoodsList` request body (x2bee "상품검색 요청 DTO").
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsSearch {
    pub search_nm: Option<String>,
    pub page_no: Option<serde_json::Value>,
    pub page_size: Option<serde_json::Value>,
}

/// Status payload of a 409 and of the back-office status operations.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusPayload {
    pub ccn_no: String,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    /// Back office: who holds it now.
    #[serde(flatten)]
    pub holder: Holder,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoProcRequest {
    pub ccn_no: Option<String>,
}

/// `questionAnsRead {ccnNo}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadRequest {
    pub ccn_no: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoTransferRequest {
    pub ccn_no: Option<String>,
    /// `Y`: the seller must answer the customer; `N`: the seller only confirms.
    pub need_ans_yn: Option<String>,
    /// The counselor's note to the seller.
    pub trns_note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BoAnswerRequest {
    pub ccn_no: Option<String>,
    pub ans_cont: Option<String>,
    /// `COUNSELOR` (default) or `SELLER`.
    pub ans_typ_cd: Option<String>,
    /// Display name shown to the customer; defaults to the counselor's name.
    pub ansr_nm: Option<String>,
    /// The template the answer started from (its use is counted).
    pub ans_tmpl_no: Option<String>,
}
