//! The access log (개인정보의 안전성 확보조치 기준 제8조): every access by a counselor, a
//! manager or a seller to an inquiry's personal data, and every change to an inquiry, appends
//! one entry — who (and in which role), when, from which address, what, which inquiry and
//! whose. Entries are appended in the transaction of what they record (a change that rolls
//! back leaves none; a read is logged before its answer leaves). Nothing edits or deletes an
//! entry but the retention purge (`--access-log-days`); the table refuses `UPDATE` itself.
//!
//! `review.rs` is the manager's monthly review. The CSV export is a wire format: `api/bo/csv.rs`.

pub mod review;

use crate::{
    model::now_db,
    store::{ActorRole, NewAccess, StoreResult, Tx},
};

/// What was done. The code is stored; the label is what the console and the CSV show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ViewDetail,
    ViewPhoto,
    ListMember,
    ExportLog,
    Take,
    Answer,
    Transfer,
    Modify,
    Withdraw,
    Purge,
    Forget,
    SellerList,
    SellerView,
    SellerReply,
    SellerConfirm,
    AddMemo,
}

impl Action {
    pub const ALL: [Action; 16] = [
        Self::ViewDetail,
        Self::ViewPhoto,
        Self::ListMember,
        Self::ExportLog,
        Self::Take,
        Self::Answer,
        Self::Transfer,
        Self::Modify,
        Self::Withdraw,
        Self::Purge,
        Self::Forget,
        Self::SellerList,
        Self::SellerView,
        Self::SellerReply,
        Self::SellerConfirm,
        Self::AddMemo,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::ViewDetail => "VIEW_DETAIL",
            Self::ViewPhoto => "VIEW_PHOTO",
            Self::ListMember => "LIST_MEMBER",
            Self::ExportLog => "EXPORT_LOG",
            Self::Take => "TAKE",
            Self::Answer => "ANSWER",
            Self::Transfer => "TRANSFER",
            Self::Modify => "MODIFY",
            Self::Withdraw => "WITHDRAW",
            Self::Purge => "PURGE",
            Self::Forget => "FORGET_MEMBER",
            Self::SellerList => "SELLER_LIST",
            Self::SellerView => "SELLER_VIEW",
            Self::SellerReply => "SELLER_REPLY",
            Self::SellerConfirm => "SELLER_CONFIRM",
            Self::AddMemo => "MEMO_ADD",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::ViewDetail => "문의 상세 조회",
            Self::ViewPhoto => "사진 조회",
            Self::ListMember => "회원별 목록 조회",
            Self::ExportLog => "접근기록 내보내기",
            Self::Take => "처리 시작",
            Self::Answer => "답변 등록",
            Self::Transfer => "판매자 이관",
            Self::Modify => "문의 수정",
            Self::Withdraw => "고객 삭제",
            Self::Purge => "보존기간 경과 파기",
            Self::Forget => "회원 탈퇴 처리",
            Self::SellerList => "판매자 목록 조회",
            Self::SellerView => "판매자 상세 조회",
            Self::SellerReply => "판매자 답변",
            Self::SellerConfirm => "판매자 확인",
            Self::AddMemo => "내부 메모 등록",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Whether it changed the inquiry (the history timeline shows these; reads are the
    /// access log's alone).
    pub fn is_change(self) -> bool {
        matches!(
            self,
            Self::Take
                | Self::Answer
                | Self::Transfer
                | Self::Modify
                | Self::Withdraw
                | Self::SellerReply
                | Self::SellerConfirm
                | Self::AddMemo
        )
    }
}

/// Who is acting, from where.
#[derive(Debug, Clone)]
pub struct Actor {
    pub role: ActorRole,
    pub no: String,
    pub name: String,
    pub ip: Option<String>,
}

impl Actor {
    /// The server itself (the purge, a 회원 탈퇴 through the integration API or the CLI).
    pub fn system(what: &str) -> Self {
        Self {
            role: ActorRole::System,
            no: what.to_owned(),
            name: what.to_owned(),
            ip: None,
        }
    }

    /// A member acting on their own inquiry.
    pub fn member(mbr_no: &str, ip: Option<String>) -> Self {
        Self {
            role: ActorRole::Member,
            no: mbr_no.to_owned(),
            name: mbr_no.to_owned(),
            ip,
        }
    }
}

/// Appends one entry on `tx`. Without `mbr_no`, the inquiry's member is looked up.
pub fn log(
    tx: &mut dyn Tx,
    actor: &Actor,
    action: Action,
    ccn_no: Option<&str>,
    mbr_no: Option<&str>,
    detail: &str,
) -> StoreResult<()> {
    let mbr_no = match (mbr_no, ccn_no) {
        (Some(m), _) => Some(m.to_owned()),
        (None, Some(c)) => tx.inquiry_owner(c)?,
        (None, None) => None,
    };
    tx.append_access(&NewAccess {
        at: now_db(),
        role: actor.role,
        actor_no: actor.no.clone(),
        actor_nm: actor.name.clone(),
        client_ip: actor.ip.clone(),
        action: action.code().to_owned(),
        ccn_no: ccn_no.map(str::to_owned),
        mbr_no,
        detail: detail.chars().take(500).collect(),
    })
}
