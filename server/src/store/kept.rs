//! The records the law keeps, as a second part of the storage port: withdrawn inquiries and
//! previous versions (전자상거래법 시행령 제6조: complaint records kept 3 years), their purge
//! once kept long enough, a 회원 탈퇴, and the access log of who handled whose personal data
//! (개인정보의 안전성 확보조치 기준 제8조). [`super::Tx`] extends [`KeptRecords`], so a rule
//! holding `&mut dyn Tx` calls these as any other operation; both adapters implement it in
//! their `kept.rs`, and `tests/conformance/kept.rs` pins what they agree on.

use super::StoreResult;

/// Who did something, as the access log names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRole {
    Counselor,
    Manager,
    Seller,
    Member,
    /// The server itself (the retention purge).
    System,
}

impl ActorRole {
    pub fn code(self) -> &'static str {
        match self {
            Self::Counselor => "COUNSELOR",
            Self::Manager => "MANAGER",
            Self::Seller => "SELLER",
            Self::Member => "MEMBER",
            Self::System => "SYSTEM",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::Counselor,
            Self::Manager,
            Self::Seller,
            Self::Member,
            Self::System,
        ]
        .into_iter()
        .find(|r| r.code() == code)
    }
}

/// One entry to append to the access log.
#[derive(Debug, Clone)]
pub struct NewAccess {
    pub at: String,
    pub role: ActorRole,
    pub actor_no: String,
    pub actor_nm: String,
    pub client_ip: Option<String>,
    pub action: String,
    pub ccn_no: Option<String>,
    pub mbr_no: Option<String>,
    pub detail: String,
}

/// One entry of the access log as read back.
#[derive(Debug, Clone)]
pub struct AccessRecord {
    pub log_no: i64,
    pub entry: NewAccess,
}

/// What a page of the access log is filtered by; every field but the period is optional.
#[derive(Debug, Clone, Default)]
pub struct AccessFilter {
    /// Inclusive lower bound, stored-UTC text.
    pub from: String,
    /// Exclusive upper bound, stored-UTC text.
    pub until: String,
    pub actor_no: Option<String>,
    pub mbr_no: Option<String>,
    pub ccn_no: Option<String>,
    pub action: Option<String>,
}

/// How many entries one actor made of one action in one UTC hour (the monthly review adds
/// hours up into the storefront's days).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessCount {
    pub role: ActorRole,
    pub actor_no: String,
    pub actor_nm: String,
    pub action: String,
    /// `YYYY-MM-DDTHH` of the stored UTC time.
    pub hour: String,
    pub count: u64,
}

/// A version of an inquiry that an edit replaced.
#[derive(Debug, Clone)]
pub struct VersionRecord {
    pub seq: u32,
    /// The fields and photos as they were (JSON; `questions::versions` reads and writes it).
    pub snapshot: String,
    /// When the edit replaced it.
    pub replaced_at: String,
}

/// An inquiry whose retention has ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiredInquiry {
    pub ccn_no: String,
    pub mbr_no: String,
}

pub trait KeptRecords {
    // --- withdrawal and versions ----------------------------------------------------------

    /// Withdraws the member's inquiry while it is received and not withdrawn yet: it leaves
    /// every list and the member's and seller's views, and is kept whole. `false` when it is
    /// not theirs, withdrawn already, or past 접수완료.
    fn withdraw_question_if_received(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        at: &str,
    ) -> StoreResult<bool>;
    /// The member who wrote the inquiry (whatever its state).
    fn inquiry_owner(&mut self, ccn_no: &str) -> StoreResult<Option<String>>;
    /// When the inquiry was withdrawn; `None` when it is live (or missing).
    fn withdrawn_at(&mut self, ccn_no: &str) -> StoreResult<Option<String>>;
    /// Keeps a version an edit replaces; its sequence number (1, 2, … per inquiry).
    fn insert_version(&mut self, ccn_no: &str, snapshot: &str, at: &str) -> StoreResult<u32>;
    /// The inquiry's replaced versions, oldest first.
    fn versions(&mut self, ccn_no: &str) -> StoreResult<Vec<VersionRecord>>;

    // --- retention ------------------------------------------------------------------------

    /// Takes the purge's lock until commit: `false` when another instance holds it.
    fn try_purge_lock(&mut self) -> StoreResult<bool>;
    /// Up to `limit` inquiries whose handling ended before `cutoff` (answered, or withdrawn),
    /// oldest first.
    fn expired_inquiries(&mut self, cutoff: &str, limit: u32) -> StoreResult<Vec<ExpiredInquiry>>;
    /// Removes an inquiry and everything recorded with it (photo rows, thread, versions,
    /// transfer, notifications, idempotency keys). Its photo objects are the caller's to remove.
    fn purge_inquiry(&mut self, ccn_no: &str) -> StoreResult<bool>;
    /// Removes up to `limit` access-log entries older than `before`; how many.
    fn purge_access_log(&mut self, before: &str, limit: u32) -> StoreResult<u64>;
    /// A 회원 탈퇴: the member's name and contact are replaced (in notifications too), their
    /// demo tokens and idempotency keys forgotten, pending notifications failed. `false` when
    /// there is no such member or they left already.
    fn anonymize_member(&mut self, mbr_no: &str, placeholder: &str, at: &str) -> StoreResult<bool>;
    /// Makes a counselor a desk manager, or not.
    fn set_manager(&mut self, cnslr_no: &str, manager: bool) -> StoreResult<()>;

    // --- the access log -------------------------------------------------------------------

    fn append_access(&mut self, entry: &NewAccess) -> StoreResult<()>;
    /// A page of the log, newest first, and how many entries match.
    fn access_log(
        &mut self,
        filter: &AccessFilter,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<AccessRecord>, u64)>;
    /// Entries per actor, action and UTC hour in `[from, until)`.
    fn access_counts(&mut self, from: &str, until: &str) -> StoreResult<Vec<AccessCount>>;
}
