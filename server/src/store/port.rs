//! The storage port: every operation the rules need on one transaction. Both adapters
//! (`sqlite/`, `postgres/`) implement it; `tests/conformance/` pins what they must agree on.

use super::*;

/// One transaction on the store. Times are stored-UTC text (see `model::db_time`), which
/// orders as time does on every engine.
pub trait Tx: KeptRecords {
    // --- inquiries -----------------------------------------------------------------------

    /// Holds the inquiry until commit (see the module's concurrency contract). `false` when
    /// there is no such inquiry.
    fn lock_inquiry(&mut self, ccn_no: &str) -> StoreResult<bool>;
    /// A new inquiry number: the storefront-local date of receipt and a sequence.
    fn next_ccn_no(&mut self, local_date: NaiveDate) -> StoreResult<String>;
    fn insert_question(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        f: &QuestionFields,
        status: Status,
        accp_dtm: &str,
        ans_due_dtm: Option<&str>,
    ) -> StoreResult<()>;
    /// Updates the customer's fields only while it is received; whether it did.
    fn update_question_if_received(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        f: &QuestionFields,
        mod_dtm: &str,
    ) -> StoreResult<bool>;
    /// The status of an inquiry, if it exists and (with `mbr_no`) is that member's.
    fn question_status(
        &mut self,
        ccn_no: &str,
        mbr_no: Option<&str>,
    ) -> StoreResult<Option<Status>>;
    /// Status and holder of an inquiry (back office: any member's).
    fn question_state(
        &mut self,
        ccn_no: &str,
    ) -> StoreResult<Option<(Status, Option<CounselorRef>)>>;
    /// The inquiry with its goods, photos and thread (only `mbr_no`'s, when given).
    fn question_detail(
        &mut self,
        ccn_no: &str,
        mbr_no: Option<&str>,
    ) -> StoreResult<Option<InquiryRecord>>;
    /// A page of a list and the filter's total (kept in `totals` until the next write).
    fn list_questions(
        &mut self,
        filter: &ListFilter,
        page_no: u32,
        page_size: u32,
        totals: &Totals,
    ) -> StoreResult<(Vec<InquiryRow>, u64)>;
    /// How many match `filter` in each status (its status ignored), in [`Status::ALL`] order.
    fn status_counts(&mut self, filter: &ListFilter, totals: &Totals) -> StoreResult<[u64; 3]>;
    fn files_of(&mut self, ccn_no: &str) -> StoreResult<Vec<StoredFile>>;
    fn insert_file(
        &mut self,
        ccn_no: &str,
        file_seq: u32,
        file: &StoredFile,
        reg_dtm: &str,
    ) -> StoreResult<()>;
    fn delete_file(&mut self, ccn_no: &str, file_seq: u32) -> StoreResult<()>;
    /// Appends to the thread (the next sequence number) and marks the answer unread.
    fn append_reply(
        &mut self,
        ccn_no: &str,
        author: ReplyAuthor,
        ansr_nm: &str,
        ans_cont: &str,
        ans_dtm: &str,
    ) -> StoreResult<u32>;
    /// Sets the status (and the answer time, when given).
    fn set_status(
        &mut self,
        ccn_no: &str,
        status: Status,
        ans_dtm: Option<&str>,
    ) -> StoreResult<()>;
    /// The counselor who holds the inquiry from now on.
    fn set_assignee(&mut self, ccn_no: &str, cnslr_no: &str) -> StoreResult<()>;
    /// The member opened the answer: `false` when not theirs, not answered or read already.
    fn mark_answer_read(&mut self, ccn_no: &str, mbr_no: &str, at: &str) -> StoreResult<bool>;

    // --- idempotency ---------------------------------------------------------------------

    /// The member's use of `key` since `fresh_since`, if any.
    fn idempotency_record(
        &mut self,
        mbr_no: &str,
        key: &str,
        fresh_since: &str,
    ) -> StoreResult<Option<IdempotencyRecord>>;
    /// Claims `key` for `ccn_no` (replacing a use older than `fresh_since`, and forgetting
    /// the member's expired keys). `false`: a fresh use exists (committed, or committed by
    /// a concurrent claim this one waited for); read it with [`Tx::idempotency_record`].
    #[allow(clippy::too_many_arguments)]
    fn claim_idempotency(
        &mut self,
        mbr_no: &str,
        key: &str,
        req_hash: &str,
        ccn_no: &str,
        now: &str,
        fresh_since: &str,
    ) -> StoreResult<bool>;

    // --- rate limits ---------------------------------------------------------------------

    /// Counts one request against a bucket shared by every instance: `Ok(())`, or how many
    /// milliseconds until one more is allowed (nothing counted).
    fn charge_rate(&mut self, charge: &RateCharge) -> StoreResult<Result<(), i64>>;
    /// Forgets buckets idle since before `before_ms`; how many.
    fn prune_rates(&mut self, before_ms: i64) -> StoreResult<u64>;

    // --- catalog, orders, people ---------------------------------------------------------

    fn type_tree(&mut self) -> StoreResult<Vec<TypeGroupRecord>>;
    fn lookup_type(&mut self, no: &str) -> StoreResult<TypeLookup>;
    fn goods_exists(&mut self, goods_no: &str) -> StoreResult<bool>;
    fn item_exists(&mut self, goods_no: &str, itm_no: &str) -> StoreResult<bool>;
    /// Whether another option than (`goods_no`, `itm_no`) has this seller's option number.
    fn vendor_item_taken(
        &mut self,
        vendor_item_id: i64,
        goods_no: &str,
        itm_no: &str,
    ) -> StoreResult<bool>;
    fn order_owned(&mut self, ord_no: &str, mbr_no: &str) -> StoreResult<bool>;
    fn order_has_goods(&mut self, ord_no: &str, goods_no: &str) -> StoreResult<bool>;
    /// Goods on sale on `today` (no end date, or not ended) matching the keyword.
    fn search_goods(
        &mut self,
        today: &str,
        search_nm: Option<&str>,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<CatalogRecord>, u64)>;
    /// The member's ordered goods, newest order first.
    fn order_goods(
        &mut self,
        mbr_no: &str,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<OrderedRecord>, u64)>;
    fn token_holder(&mut self, hash: &str) -> StoreResult<Option<TokenHolder>>;
    fn counselors(&mut self) -> StoreResult<Vec<CounselorRef>>;
    fn member_count(&mut self) -> StoreResult<u64>;
    fn member_exists(&mut self, mbr_no: &str) -> StoreResult<bool>;
    fn vendor_exists(&mut self, vendor_id: &str) -> StoreResult<bool>;
    /// Inserts or updates a member (the store's feed, the seed).
    fn upsert_member(&mut self, m: &NewMember) -> StoreResult<()>;
    /// A member a token named, unless the store fed them already (their row is kept as fed).
    fn ensure_member(&mut self, mbr_no: &str, name: &str) -> StoreResult<()>;
    fn upsert_counselor(&mut self, no: &str, name: &str) -> StoreResult<()>;
    fn insert_token(
        &mut self,
        hash: &str,
        role: TokenRole,
        subject_no: &str,
        at: &str,
    ) -> StoreResult<()>;
    fn insert_type(&mut self, t: &NewType) -> StoreResult<()>;
    fn upsert_goods(&mut self, g: &NewGoods) -> StoreResult<()>;
    fn upsert_item(&mut self, i: &NewItem) -> StoreResult<()>;
    fn upsert_order(&mut self, ord_no: &str, mbr_no: &str, ord_dtm: &str) -> StoreResult<()>;
    /// Removes an order's lines (a fed order replaces them).
    fn clear_order_lines(&mut self, ord_no: &str) -> StoreResult<()>;
    fn insert_order_line(&mut self, l: &NewOrderLine) -> StoreResult<()>;

    // --- templates -----------------------------------------------------------------------

    /// Templates for a leaf type, shared ones and `cnslr_no`'s own: the leaf's, its large
    /// type's, the general ones, the most specific first.
    fn answer_templates(
        &mut self,
        leaf_no: &str,
        cnslr_no: &str,
    ) -> StoreResult<Vec<TemplateRecord>>;
    /// Every template `cnslr_no` sees (shared ones and their own), by name.
    fn templates_of(&mut self, cnslr_no: &str) -> StoreResult<Vec<TemplateRecord>>;
    fn template(&mut self, no: &str) -> StoreResult<Option<TemplateRecord>>;
    /// Whether another template of the same scope (shared, or `owner`'s) has this name.
    fn template_name_taken(
        &mut self,
        owner: Option<&str>,
        name: &str,
        except_no: Option<&str>,
    ) -> StoreResult<bool>;
    fn insert_template(&mut self, t: &TemplateRecord, sort_seq: u32) -> StoreResult<()>;
    /// Its name, content and type (not its owner or count).
    fn update_template(&mut self, t: &TemplateRecord, at: &str) -> StoreResult<bool>;
    fn delete_template(&mut self, no: &str) -> StoreResult<bool>;
    /// One more answer was posted from it.
    fn count_template_use(&mut self, no: &str) -> StoreResult<()>;

    // --- internal memos -------------------------------------------------------------------

    /// Appends a memo to the inquiry (call `lock_inquiry` first: the number is the next one).
    fn insert_memo(
        &mut self,
        ccn_no: &str,
        author: &CounselorRef,
        content: &str,
        at: &str,
    ) -> StoreResult<u32>;
    /// The inquiry's memos, oldest first.
    fn memos_of(&mut self, ccn_no: &str) -> StoreResult<Vec<MemoRecord>>;

    // --- answer deadlines ---------------------------------------------------------------

    /// Business days an answer to an inquiry of this leaf type may take (1 if it has no target).
    fn answer_target_days(&mut self, leaf_no: &str) -> StoreResult<u32>;
    /// Sets a leaf type's target; `false` when there is no such leaf (a large type has none).
    fn set_answer_target_days(&mut self, leaf_no: &str, days: u32) -> StoreResult<bool>;
    /// Up to `limit` inquiries without an answer-due time (received before deadlines were kept).
    fn undated_inquiries(&mut self, limit: u32) -> StoreResult<Vec<Undated>>;
    fn set_answer_due(&mut self, ccn_no: &str, due: &str) -> StoreResult<()>;

    // --- answer satisfaction --------------------------------------------------------------

    /// Records the customer's rating of the answer; `false` (nothing written) when the inquiry
    /// has one already, also when another request wrote it a moment ago.
    fn insert_satisfaction(&mut self, ccn_no: &str, s: &SatisfactionRecord) -> StoreResult<bool>;
    fn satisfaction_of(&mut self, ccn_no: &str) -> StoreResult<Option<SatisfactionRecord>>;

    // --- the desk report ------------------------------------------------------------------

    /// Every live (not withdrawn) inquiry received in `[from, until)` (stored UTC text), in
    /// receipt order, with what the report counts of it.
    fn report_facts(&mut self, from: &str, until: &str) -> StoreResult<Vec<ReportFact>>;

    // --- notification outbox -------------------------------------------------------------

    fn notification_target(&mut self, ccn_no: &str) -> StoreResult<Option<NotificationTarget>>;
    fn insert_notification(&mut self, n: &NewNotification) -> StoreResult<i64>;
    /// Claims up to `limit` due rows, oldest first, for `lease.owner` until `lease.until`;
    /// a row another claimer holds is skipped, not waited for.
    fn claim_notifications(
        &mut self,
        lease: &Lease,
        limit: usize,
    ) -> StoreResult<Vec<DueNotification>>;
    /// The outbox at a glance, for metrics: pending and failed rows, the oldest pending one's
    /// creation time.
    fn outbox_stats(&mut self) -> StoreResult<OutboxStats>;
    /// When the next pending row is due (or its lease ends), if any.
    fn next_notification_due(&mut self) -> StoreResult<Option<String>>;
    /// The outcome of a claimed send: `Sent` / retry at `next_try` / `Failed`; only while
    /// `owner` still holds the claim (`false` otherwise: its lease ran out and it is
    /// another's now).
    fn finish_notification(
        &mut self,
        ntf_no: i64,
        owner: &str,
        outcome: &NotificationOutcome,
    ) -> StoreResult<bool>;
    /// Hands back every claim of `owner` (on shutdown), so another instance sends them now.
    fn release_notifications(&mut self, owner: &str) -> StoreResult<u64>;
    fn notifications_of(&mut self, ccn_no: &str) -> StoreResult<Vec<NotificationRecord>>;

    // --- sellers and transfers -----------------------------------------------------------

    fn upsert_vendor(&mut self, vendor_id: &str, name: &str) -> StoreResult<()>;
    /// A new key pair of a seller, signing from `at`.
    fn issue_vendor_key(
        &mut self,
        access_key: &str,
        vendor_id: &str,
        secret_key: &str,
        at: &str,
    ) -> StoreResult<()>;
    /// Makes every live key of the seller stop signing at `until` (a rotation's grace); how many.
    fn expire_vendor_keys(&mut self, vendor_id: &str, until: &str) -> StoreResult<u64>;
    /// Revokes one of the seller's keys now; `false` if it has no such live key.
    fn revoke_vendor_key(
        &mut self,
        vendor_id: &str,
        access_key: &str,
        at: &str,
    ) -> StoreResult<bool>;
    /// The seller's keys, oldest first (never their secrets).
    fn vendor_keys(&mut self, vendor_id: &str) -> StoreResult<Vec<VendorKeyInfo>>;
    /// A key that signs at `now` (not revoked, not past its rotation's grace).
    fn vendor_key(&mut self, access_key: &str, now: &str) -> StoreResult<Option<VendorKey>>;
    /// The seller of the goods an inquiry is about: (vendor ID, name).
    fn seller_of_inquiry(&mut self, ccn_no: &str) -> StoreResult<Option<(String, String)>>;
    fn insert_transfer(&mut self, t: &NewTransfer) -> StoreResult<()>;
    /// The seller answered (`NONE`) or confirmed (`DISPUTE_PROCESS_COMPLETE`) the transfer.
    fn close_transfer(&mut self, ccn_no: &str, reason: &str, by: &str, at: &str)
        -> StoreResult<()>;
    fn transfer_of(&mut self, ccn_no: &str) -> StoreResult<Option<TransferRecord>>;
    fn seller_extras(&mut self, ccn_no: &str) -> StoreResult<SellerExtras>;
    /// A page of the seller's transferred inquiries (newest first) and how many match.
    fn seller_inquiries(&mut self, f: &SellerFilter) -> StoreResult<(Vec<TransferRecord>, u64)>;
}
