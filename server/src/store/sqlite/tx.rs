//! The port on a SQLite transaction: each operation is one of this adapter's functions.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::{
    access, catalog, deadlines, feed, inquiries, keys, lists, memos, outbox, people, report,
    satisfaction, templates, transfers, writes,
};
use crate::{
    model::{ReplyAuthor, Status},
    store::{records::*, *},
};

/// A transaction the store opened (the writer's, or a reader's read-only one).
pub struct SqliteTx<'a> {
    pub(super) conn: &'a Connection,
}

impl<'a> SqliteTx<'a> {
    pub fn new(conn: &'a Connection) -> Self {
        Self { conn }
    }
}

impl Tx for SqliteTx<'_> {
    fn lock_inquiry(&mut self, ccn_no: &str) -> StoreResult<bool> {
        // The writer mutex already serialises every write transaction: nothing to lock.
        Ok(inquiries::question_status(self.conn, ccn_no, None)?.is_some())
    }
    fn next_ccn_no(&mut self, local_date: NaiveDate) -> StoreResult<String> {
        Ok(writes::next_ccn_no(self.conn, local_date)?)
    }
    fn insert_question(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        f: &QuestionFields,
        status: Status,
        accp_dtm: &str,
        ans_due_dtm: Option<&str>,
    ) -> StoreResult<()> {
        Ok(writes::insert_question(
            self.conn,
            ccn_no,
            mbr_no,
            f,
            status,
            accp_dtm,
            ans_due_dtm,
        )?)
    }
    fn update_question_if_received(
        &mut self,
        ccn_no: &str,
        mbr_no: &str,
        f: &QuestionFields,
        mod_dtm: &str,
    ) -> StoreResult<bool> {
        Ok(writes::update_question_if_received(
            self.conn, ccn_no, mbr_no, f, mod_dtm,
        )?)
    }
    fn question_status(
        &mut self,
        ccn_no: &str,
        mbr_no: Option<&str>,
    ) -> StoreResult<Option<Status>> {
        Ok(inquiries::question_status(self.conn, ccn_no, mbr_no)?)
    }
    fn question_state(
        &mut self,
        ccn_no: &str,
    ) -> StoreResult<Option<(Status, Option<CounselorRef>)>> {
        Ok(inquiries::question_state(self.conn, ccn_no)?)
    }
    fn question_detail(
        &mut self,
        ccn_no: &str,
        mbr_no: Option<&str>,
    ) -> StoreResult<Option<InquiryRecord>> {
        Ok(inquiries::question_detail(self.conn, ccn_no, mbr_no)?)
    }
    fn list_questions(
        &mut self,
        filter: &ListFilter,
        page_no: u32,
        page_size: u32,
        totals: &Totals,
    ) -> StoreResult<(Vec<InquiryRow>, u64)> {
        Ok(lists::list_questions(
            self.conn, filter, page_no, page_size, totals,
        )?)
    }
    fn status_counts(&mut self, filter: &ListFilter, totals: &Totals) -> StoreResult<[u64; 3]> {
        Ok(lists::status_counts(self.conn, filter, totals)?)
    }
    fn files_of(&mut self, ccn_no: &str) -> StoreResult<Vec<StoredFile>> {
        Ok(writes::files_of(self.conn, ccn_no)?)
    }
    fn insert_file(
        &mut self,
        ccn_no: &str,
        file_seq: u32,
        file: &StoredFile,
        reg_dtm: &str,
    ) -> StoreResult<()> {
        Ok(writes::insert_file(
            self.conn, ccn_no, file_seq, file, reg_dtm,
        )?)
    }
    fn delete_file(&mut self, ccn_no: &str, file_seq: u32) -> StoreResult<()> {
        Ok(writes::delete_file(self.conn, ccn_no, file_seq)?)
    }
    fn append_reply(
        &mut self,
        ccn_no: &str,
        author: ReplyAuthor,
        ansr_nm: &str,
        ans_cont: &str,
        ans_dtm: &str,
    ) -> StoreResult<u32> {
        Ok(writes::append_reply(
            self.conn, ccn_no, author, ansr_nm, ans_cont, ans_dtm,
        )?)
    }
    fn set_status(
        &mut self,
        ccn_no: &str,
        status: Status,
        ans_dtm: Option<&str>,
    ) -> StoreResult<()> {
        Ok(writes::set_status(self.conn, ccn_no, status, ans_dtm)?)
    }
    fn set_assignee(&mut self, ccn_no: &str, cnslr_no: &str) -> StoreResult<()> {
        Ok(writes::set_assignee(self.conn, ccn_no, cnslr_no)?)
    }
    fn mark_answer_read(&mut self, ccn_no: &str, mbr_no: &str, at: &str) -> StoreResult<bool> {
        Ok(writes::mark_answer_read(self.conn, ccn_no, mbr_no, at)?)
    }
    fn idempotency_record(
        &mut self,
        mbr_no: &str,
        key: &str,
        fresh_since: &str,
    ) -> StoreResult<Option<IdempotencyRecord>> {
        Ok(keys::idempotency_record(
            self.conn,
            mbr_no,
            key,
            fresh_since,
        )?)
    }
    fn claim_idempotency(
        &mut self,
        mbr_no: &str,
        key: &str,
        req_hash: &str,
        ccn_no: &str,
        now: &str,
        fresh_since: &str,
    ) -> StoreResult<bool> {
        Ok(keys::claim_idempotency(
            self.conn,
            mbr_no,
            key,
            req_hash,
            ccn_no,
            now,
            fresh_since,
        )?)
    }
    fn charge_rate(&mut self, charge: &RateCharge) -> StoreResult<Result<(), i64>> {
        Ok(keys::charge_rate(self.conn, charge)?)
    }
    fn prune_rates(&mut self, before_ms: i64) -> StoreResult<u64> {
        Ok(keys::prune_rates(self.conn, before_ms)?)
    }
    fn type_tree(&mut self) -> StoreResult<Vec<TypeGroupRecord>> {
        Ok(catalog::type_tree(self.conn)?)
    }
    fn lookup_type(&mut self, no: &str) -> StoreResult<TypeLookup> {
        Ok(catalog::lookup_type(self.conn, no)?)
    }
    fn goods_exists(&mut self, goods_no: &str) -> StoreResult<bool> {
        Ok(catalog::goods_exists(self.conn, goods_no)?)
    }
    fn item_exists(&mut self, goods_no: &str, itm_no: &str) -> StoreResult<bool> {
        Ok(catalog::item_exists(self.conn, goods_no, itm_no)?)
    }
    fn order_owned(&mut self, ord_no: &str, mbr_no: &str) -> StoreResult<bool> {
        Ok(catalog::order_owned(self.conn, ord_no, mbr_no)?)
    }
    fn order_has_goods(&mut self, ord_no: &str, goods_no: &str) -> StoreResult<bool> {
        Ok(catalog::order_has_goods(self.conn, ord_no, goods_no)?)
    }
    fn search_goods(
        &mut self,
        today: &str,
        search_nm: Option<&str>,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<CatalogRecord>, u64)> {
        Ok(catalog::search_goods(
            self.conn, today, search_nm, page_no, page_size,
        )?)
    }
    fn order_goods(
        &mut self,
        mbr_no: &str,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<OrderedRecord>, u64)> {
        Ok(catalog::order_goods(self.conn, mbr_no, page_no, page_size)?)
    }
    fn token_holder(&mut self, hash: &str) -> StoreResult<Option<TokenHolder>> {
        Ok(access::token_holder(self.conn, hash)?)
    }
    fn counselors(&mut self) -> StoreResult<Vec<CounselorRef>> {
        Ok(access::counselors(self.conn)?)
    }
    fn member_count(&mut self) -> StoreResult<u64> {
        Ok(people::member_count(self.conn)?)
    }
    fn member_exists(&mut self, mbr_no: &str) -> StoreResult<bool> {
        Ok(feed::exists(
            self.conn,
            "SELECT 1 FROM member WHERE mbr_no = ?1",
            mbr_no,
        )?)
    }
    fn vendor_exists(&mut self, vendor_id: &str) -> StoreResult<bool> {
        Ok(feed::exists(
            self.conn,
            "SELECT 1 FROM vendor WHERE vendor_id = ?1",
            vendor_id,
        )?)
    }
    fn vendor_item_taken(
        &mut self,
        vendor_item_id: i64,
        goods_no: &str,
        itm_no: &str,
    ) -> StoreResult<bool> {
        Ok(feed::vendor_item_taken(
            self.conn,
            vendor_item_id,
            goods_no,
            itm_no,
        )?)
    }
    fn ensure_member(&mut self, mbr_no: &str, name: &str) -> StoreResult<()> {
        Ok(feed::ensure_member(self.conn, mbr_no, name)?)
    }
    fn clear_order_lines(&mut self, ord_no: &str) -> StoreResult<()> {
        Ok(feed::clear_order_lines(self.conn, ord_no)?)
    }
    fn upsert_member(&mut self, m: &NewMember) -> StoreResult<()> {
        Ok(people::upsert_member(self.conn, m)?)
    }
    fn upsert_counselor(&mut self, no: &str, name: &str) -> StoreResult<()> {
        Ok(people::upsert_counselor(self.conn, no, name)?)
    }
    fn insert_token(
        &mut self,
        hash: &str,
        role: TokenRole,
        subject_no: &str,
        at: &str,
    ) -> StoreResult<()> {
        Ok(people::insert_token(self.conn, hash, role, subject_no, at)?)
    }
    fn insert_type(&mut self, t: &NewType) -> StoreResult<()> {
        Ok(people::insert_type(self.conn, t)?)
    }
    fn upsert_goods(&mut self, g: &NewGoods) -> StoreResult<()> {
        Ok(people::upsert_goods(self.conn, g)?)
    }
    fn upsert_item(&mut self, i: &NewItem) -> StoreResult<()> {
        Ok(people::upsert_item(self.conn, i)?)
    }
    fn upsert_order(&mut self, ord_no: &str, mbr_no: &str, ord_dtm: &str) -> StoreResult<()> {
        Ok(people::upsert_order(self.conn, ord_no, mbr_no, ord_dtm)?)
    }
    fn insert_order_line(&mut self, l: &NewOrderLine) -> StoreResult<()> {
        Ok(people::insert_order_line(self.conn, l)?)
    }
    fn answer_templates(
        &mut self,
        leaf_no: &str,
        cnslr_no: &str,
    ) -> StoreResult<Vec<TemplateRecord>> {
        Ok(templates::answer_templates(self.conn, leaf_no, cnslr_no)?)
    }
    fn templates_of(&mut self, cnslr_no: &str) -> StoreResult<Vec<TemplateRecord>> {
        Ok(templates::templates_of(self.conn, cnslr_no)?)
    }
    fn template(&mut self, no: &str) -> StoreResult<Option<TemplateRecord>> {
        Ok(templates::template_by_no(self.conn, no)?)
    }
    fn template_name_taken(
        &mut self,
        owner: Option<&str>,
        name: &str,
        except_no: Option<&str>,
    ) -> StoreResult<bool> {
        Ok(templates::template_name_taken(
            self.conn, owner, name, except_no,
        )?)
    }
    fn insert_template(&mut self, t: &TemplateRecord, sort_seq: u32) -> StoreResult<()> {
        Ok(templates::insert_template(self.conn, t, sort_seq)?)
    }
    fn update_template(&mut self, t: &TemplateRecord, at: &str) -> StoreResult<bool> {
        Ok(templates::update_template(self.conn, t, at)?)
    }
    fn delete_template(&mut self, no: &str) -> StoreResult<bool> {
        Ok(templates::delete_template(self.conn, no)?)
    }
    fn count_template_use(&mut self, no: &str) -> StoreResult<()> {
        Ok(templates::count_template_use(self.conn, no)?)
    }
    fn insert_memo(
        &mut self,
        ccn_no: &str,
        author: &CounselorRef,
        content: &str,
        at: &str,
    ) -> StoreResult<u32> {
        Ok(memos::insert_memo(self.conn, ccn_no, author, content, at)?)
    }
    fn memos_of(&mut self, ccn_no: &str) -> StoreResult<Vec<MemoRecord>> {
        Ok(memos::memos_of(self.conn, ccn_no)?)
    }
    fn answer_target_days(&mut self, leaf_no: &str) -> StoreResult<u32> {
        Ok(deadlines::answer_target_days(self.conn, leaf_no)?)
    }
    fn set_answer_target_days(&mut self, leaf_no: &str, days: u32) -> StoreResult<bool> {
        Ok(deadlines::set_answer_target_days(self.conn, leaf_no, days)?)
    }
    fn undated_inquiries(&mut self, limit: u32) -> StoreResult<Vec<Undated>> {
        Ok(deadlines::undated_inquiries(self.conn, limit)?)
    }
    fn set_answer_due(&mut self, ccn_no: &str, due: &str) -> StoreResult<()> {
        Ok(deadlines::set_answer_due(self.conn, ccn_no, due)?)
    }
    fn insert_satisfaction(&mut self, ccn_no: &str, s: &SatisfactionRecord) -> StoreResult<bool> {
        Ok(satisfaction::insert_satisfaction(self.conn, ccn_no, s)?)
    }
    fn satisfaction_of(&mut self, ccn_no: &str) -> StoreResult<Option<SatisfactionRecord>> {
        Ok(satisfaction::satisfaction_of(self.conn, ccn_no)?)
    }
    fn report_facts(&mut self, from: &str, until: &str) -> StoreResult<Vec<ReportFact>> {
        Ok(report::report_facts(self.conn, from, until)?)
    }
    fn notification_target(&mut self, ccn_no: &str) -> StoreResult<Option<NotificationTarget>> {
        Ok(outbox::notification_target(self.conn, ccn_no)?)
    }
    fn insert_notification(&mut self, n: &NewNotification) -> StoreResult<i64> {
        Ok(outbox::insert_notification(self.conn, n)?)
    }
    fn claim_notifications(
        &mut self,
        lease: &Lease,
        limit: usize,
    ) -> StoreResult<Vec<DueNotification>> {
        Ok(outbox::claim_notifications(self.conn, lease, limit)?)
    }
    fn outbox_stats(&mut self) -> StoreResult<OutboxStats> {
        Ok(outbox::outbox_stats(self.conn)?)
    }
    fn next_notification_due(&mut self) -> StoreResult<Option<String>> {
        Ok(outbox::next_notification_due(self.conn)?)
    }
    fn finish_notification(
        &mut self,
        ntf_no: i64,
        owner: &str,
        outcome: &NotificationOutcome,
    ) -> StoreResult<bool> {
        Ok(outbox::finish_notification(
            self.conn, ntf_no, owner, outcome,
        )?)
    }
    fn release_notifications(&mut self, owner: &str) -> StoreResult<u64> {
        Ok(outbox::release_notifications(self.conn, owner)?)
    }
    fn notifications_of(&mut self, ccn_no: &str) -> StoreResult<Vec<NotificationRecord>> {
        Ok(outbox::notifications_of(self.conn, ccn_no)?)
    }
    fn upsert_vendor(&mut self, vendor_id: &str, name: &str) -> StoreResult<()> {
        Ok(people::upsert_vendor(self.conn, vendor_id, name)?)
    }
    fn issue_vendor_key(
        &mut self,
        access_key: &str,
        vendor_id: &str,
        secret_key: &str,
        at: &str,
    ) -> StoreResult<()> {
        Ok(feed::issue_vendor_key(
            self.conn, access_key, vendor_id, secret_key, at,
        )?)
    }
    fn expire_vendor_keys(&mut self, vendor_id: &str, until: &str) -> StoreResult<u64> {
        Ok(feed::expire_vendor_keys(self.conn, vendor_id, until)?)
    }
    fn revoke_vendor_key(
        &mut self,
        vendor_id: &str,
        access_key: &str,
        at: &str,
    ) -> StoreResult<bool> {
        Ok(feed::revoke_vendor_key(
            self.conn, vendor_id, access_key, at,
        )?)
    }
    fn vendor_keys(&mut self, vendor_id: &str) -> StoreResult<Vec<VendorKeyInfo>> {
        Ok(feed::vendor_keys(self.conn, vendor_id)?)
    }
    fn vendor_key(&mut self, access_key: &str, now: &str) -> StoreResult<Option<VendorKey>> {
        Ok(transfers::vendor_key(self.conn, access_key, now)?)
    }
    fn seller_of_inquiry(&mut self, ccn_no: &str) -> StoreResult<Option<(String, String)>> {
        Ok(transfers::seller_of_inquiry(self.conn, ccn_no)?)
    }
    fn insert_transfer(&mut self, t: &NewTransfer) -> StoreResult<()> {
        Ok(transfers::insert_transfer(self.conn, t)?)
    }
    fn close_transfer(
        &mut self,
        ccn_no: &str,
        reason: &str,
        by: &str,
        at: &str,
    ) -> StoreResult<()> {
        Ok(transfers::close_transfer(
            self.conn, ccn_no, reason, by, at,
        )?)
    }
    fn transfer_of(&mut self, ccn_no: &str) -> StoreResult<Option<TransferRecord>> {
        Ok(transfers::transfer_of(self.conn, ccn_no)?)
    }
    fn seller_extras(&mut self, ccn_no: &str) -> StoreResult<SellerExtras> {
        Ok(transfers::seller_extras(self.conn, ccn_no)?)
    }
    fn seller_inquiries(&mut self, f: &SellerFilter) -> StoreResult<(Vec<TransferRecord>, u64)> {
        Ok(transfers::seller_inquiries(self.conn, f)?)
    }
}
