//! The back office's wire types: what the console reads from the API, by the API's field names.

use serde::Deserialize;

use super::PrevVersion;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub ans_max_len: usize,
    /// `Y` for a desk manager: the access log's pages are theirs.
    #[serde(default)]
    pub mgr_yn: Option<String>,
}

impl Me {
    pub fn is_manager(&self) -> bool {
        self.mgr_yn.as_deref() == Some("Y")
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub ccn_no: String,
    pub cnsl_lrg_typ_nm: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub goods_nm: Option<String>,
    pub ord_no: Option<String>,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    pub accp_dtm: String,
    pub mbr_no: Option<String>,
    pub mbr_nm: Option<String>,
    pub cnslr_nm: Option<String>,
    pub atch_file_cnt: u32,
    /// The customer's rating, once given (`N`: 불만족, flagged).
    #[serde(default)]
    pub stsf_yn: Option<String>,
    /// When the answer is due (business days from receipt).
    #[serde(default)]
    pub ans_due_dtm: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Pagination {
    pub current_page: u32,
    pub total_pages: u32,
    pub total_elements: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Page {
    pub content: Vec<Summary>,
    pub pagination: Pagination,
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub received: u64,
    pub in_progress: u64,
    pub answered: u64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsCard {
    pub goods_nm: String,
    pub brand_nm: String,
    pub itm_nm: Option<String>,
    pub sale_prc: i64,
    pub img_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Photo {
    pub file_seq: u32,
    pub file_nm: String,
    pub file_url: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reply {
    pub cnsl_proc_seq: u32,
    pub ans_typ_cd: String,
    pub ans_typ_nm: String,
    pub ansr_nm: String,
    pub ans_cont: String,
    pub ans_dtm: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub channel: String,
    pub rcpt: String,
    pub ntf_stat_cd: String,
    pub attempt_cnt: u32,
    pub last_error: Option<String>,
    #[serde(default)]
    pub sent_via: Option<String>,
}

impl Notification {
    /// How it went out, as the desk reads it: the server's `ALIMTALK` as 알림톡;
    /// `SMS (알림톡 실패: …)` and the other routes as they come.
    pub fn route(&self) -> Option<String> {
        let via = self.sent_via.as_deref()?;
        Some(match via.strip_prefix("ALIMTALK") {
            Some(rest) => format!("알림톡{rest}"),
            None => via.to_owned(),
        })
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Detail {
    pub ccn_no: String,
    pub cnsl_lrg_typ_nm: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods: Option<GoodsCard>,
    pub ord_no: Option<String>,
    pub ccn_stat_cd: String,
    pub ccn_stat_nm: String,
    pub accp_dtm: String,
    pub atch_files: Vec<Photo>,
    pub replies: Vec<Reply>,
    pub mbr_no: Option<String>,
    pub mbr_nm: Option<String>,
    pub cnslr_no: Option<String>,
    pub cnslr_nm: Option<String>,
    #[serde(default)]
    pub notifications: Vec<Notification>,
    pub sms_rcv_yn: String,
    pub email_rcv_yn: String,
    /// The transfer to the goods' seller, if there is one.
    #[serde(default)]
    pub trns: Option<Transfer>,
    /// When the customer withdrew it (고객 삭제): a record only.
    #[serde(default)]
    pub wdrw_dtm: Option<String>,
    /// What the customer had submitted before each edit, oldest first.
    #[serde(default)]
    pub prev_versions: Vec<PrevVersion>,
    /// The counselors' internal memos, oldest first.
    #[serde(default)]
    pub memos: Vec<DeskMemo>,
    /// The customer's rating of the answer, once given.
    #[serde(default)]
    pub stsf: Option<Rating>,
    /// When the answer is due (business days from receipt).
    #[serde(default)]
    pub ans_due_dtm: Option<String>,
}

/// The customer's rating of the answer.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    pub satisfied_yn: String,
    pub reason_nm: Option<String>,
    pub comment: Option<String>,
    pub reg_dtm: String,
}

/// A counselor's internal memo (never shown to the customer or the seller).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeskMemo {
    pub memo_seq: u32,
    pub memo_cont: String,
    pub cnslr_no: String,
    pub cnslr_nm: String,
    pub reg_dtm: String,
}

/// An inquiry's transfer (이관) to the seller of its goods.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transfer {
    pub vendor_id: String,
    pub vendor_nm: String,
    /// `Y`: the seller answers the customer; `N`: it only confirms.
    pub need_ans_yn: String,
    pub trns_note: String,
    pub cnslr_nm: String,
    pub trns_dtm: String,
    pub due_dtm: String,
    /// `WAITING`, `DONE` or `EXPIRED`.
    pub trns_stat_cd: String,
    pub done_by: Option<String>,
    pub done_dtm: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub tmpl_no: String,
    pub tmpl_nm: String,
    pub tmpl_cont: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Counselor {
    pub cnslr_no: String,
    pub cnslr_nm: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeLeaf {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeGroup {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub children: Vec<TypeLeaf>,
}
