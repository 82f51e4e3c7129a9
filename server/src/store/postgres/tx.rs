//! The port on a PostgreSQL transaction: each operation is one of this adapter's functions.

use chrono::NaiveDate;

pub use super::transaction::PgTx;
use super::{
    catalog, deadlines, feed, inquiries, keys, lists, memos, outbox, people, report, satisfaction,
    templates, transfers,
};
use crate::{
    model::{ReplyAuthor, Status},
    store::{records::*, *},
};

impl Tx for PgTx<'_> {
    fn lock_inquiry(&mut self, ccn_no: &str) -> StoreResult<bool> {
        Ok(inquiries::lock_inquiry(self, ccn_no)?)
    }
    fn next_ccn_no(&mut self, local_date: NaiveDate) -> StoreResult<String> {
        Ok(inquiries::next_ccn_no(self, local_date)?)
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
        Ok(inquiries::insert_question(
            self,
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
        Ok(inquiries::update_question_if_received(
            self, ccn_no, mbr_no, f, mod_dtm,
        )?)
    }
    fn question_status(
        &mut self,
        ccn_no: &str,
        mbr_no: Option<&str>,
    ) -> StoreResult<Option<Status>> {
        Ok(inquiries::question_status(self, ccn_no, mbr_no)?)
    }
    fn question_state(
        &mut self,
        ccn_no: &str,
    ) -> StoreResult<Option<(Status, Option<CounselorRef>)>> {
        Ok(inquiries::question_state(self, ccn_no)?)
    }
    fn question_detail(
        &mut self,
        ccn_no: &str,
        mbr_no: Option<&str>,
    ) -> StoreResult<Option<InquiryRecord>> {
        Ok(inquiries::question_detail(self, ccn_no, mbr_no)?)
    }
    fn list_questions(
        &mut self,
        filter: &ListFilter,
        page_no: u32,
        page_size: u32,
        totals: &Totals,
    ) -> StoreResult<(Vec<InquiryRow>, u64)> {
        Ok(lists::list_questions(
            self, filter, page_no, page_size, totals,
        )?)
    }
    fn status_counts(&mut self, filter: &ListFilter, totals: &Totals) -> StoreResult<[u64; 3]> {
        Ok(lists::status_counts(self, filter, totals)?)
    }
    fn files_of(&mut self, ccn_no: &str) -> StoreResult<Vec<StoredFile>> {
        Ok(inquiries::files_of(self, ccn_no)?)
    }
    fn insert_file(
        &mut self,
        ccn_no: &str,
        file_seq: u32,
        file: &StoredFile,
        reg_dtm: &str,
    ) -> StoreResult<()> {
        Ok(inquiries::insert_file(
            self, ccn_no, file_seq, file, reg_dtm,
        )?)
    }
    fn delete_file(&mut self, ccn_no: &str, file_seq: u32) -> StoreResult<()> {
        Ok(inquiries::delete_file(self, ccn_no, file_seq)?)
    }
    fn append_reply(
        &mut self,
        ccn_no: &str,
        author: ReplyAuthor,
        ansr_nm: &str,
        ans_cont: &str,
        ans_dtm: &str,
    ) -> StoreResult<u32> {
        Ok(inquiries::append_reply(
            self, ccn_no, author, ansr_nm, ans_cont, ans_dtm,
        )?)
    }
    fn set_status(
        &mut self,
        ccn_no: &str,
        status: Status,
        ans_dtm: Option<&str>,
    ) -> StoreResult<()> {
        Ok(inquiries::set_status(self, ccn_no, status, ans_dtm)?)
    }
    fn set_assignee(&mut self, ccn_no: &str, cnslr_no: &str) -> StoreResult<()> {
        Ok(inquiries::set_assignee(self, ccn_no, cnslr_no)?)
    }
    fn mark_answer_read(&mut self, ccn_no: &str, mbr_no: &str, at: &str) -> StoreResult<bool> {
        Ok(inquiries::mark_answer_read(self, ccn_no, mbr_no, at)?)
    }
    fn idempotency_record(
        &mut self,
        mbr_no: &str,
        key: &str,
        fresh_since: &str,
    ) -> StoreResult<Option<IdempotencyRecord>> {
        Ok(keys::idempotency_record(self, mbr_no, key, fresh_since)?)
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
            self,
            mbr_no,
            key,
            req_hash,
            ccn_no,
            now,
            fresh_since,
        )?)
    }
    fn charge_rate(&mut self, charge: &RateCharge) -> StoreResult<Result<(), i64>> {
        Ok(keys::charge_rate(self, charge)?)
    }
    fn prune_rates(&mut self, before_ms: i64) -> StoreResult<u64> {
        Ok(keys::prune_rates(self, before_ms)?)
    }
    fn type_tree(&mut self) -> StoreResult<Vec<TypeGroupRecord>> {
        Ok(catalog::type_tree(self)?)
    }
    fn lookup_type(&mut self, no: &str) -> StoreResult<TypeLookup> {
        Ok(catalog::lookup_type(self, no)?)
    }
    fn goods_exists(&mut self, goods_no: &str) -> StoreResult<bool> {
        Ok(catalog::goods_exists(self, goods_no)?)
    }
    fn item_exists(&mut self, goods_no: &str, itm_no: &str) -> StoreResult<bool> {
        Ok(catalog::item_exists(self, goods_no, itm_no)?)
    }
    fn order_owned(&mut self, ord_no: &str, mbr_no: &str) -> StoreResult<bool> {
        Ok(catalog::order_owned(self, ord_no, mbr_no)?)
    }
    fn order_has_goods(&mut self, ord_no: &str, goods_no: &str) -> StoreResult<bool> {
        Ok(catalog::order_has_goods(self, ord_no, goods_no)?)
    }
    fn search_goods(
        &mut self,
        today: &str,
        search_nm: Option<&str>,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<CatalogRecord>, u64)> {
        Ok(catalog::search_goods(
            self, today, search_nm, page_no, page_size,
        )?)
    }
    fn order_goods(
        &mut self,
        mbr_no: &str,
        page_no: u32,
        page_size: u32,
    ) -> StoreResult<(Vec<OrderedRecord>, u64)> {
        Ok(catalog::order_goods(self, mbr_no, page_no, page_size)?)
    }
    fn token_holder(&mut self, hash: &str) -> StoreResult<Option<TokenHolder>> {
        Ok(catalog::token_holder(self, hash)?)
    }
    fn counselors(&mut self) -> StoreResult<Vec<CounselorRef>> {
        Ok(catalog::counselors(self)?)
    }
    fn member_count(&mut self) -> StoreResult<u64> {
        Ok(people::member_count(self)?)
    }
    fn member_exists(&mut self, mbr_no: &str) -> StoreResult<bool> {
        Ok(feed::exists(
            self,
            "SELECT 1 FROM member WHERE mbr_no = $1",
            mbr_no,
        )?)
    }
    fn vendor_exists(&mut self, vendor_id: &str) -> StoreResult<bool> {
        Ok(feed::exists(
            self,
            "SELECT 1 FROM vendor WHERE vendor_id = $1",
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
            self,
            vendor_item_id,
            goods_no,
            itm_no,
        )?)
    }
    fn ensure_member(&mut self, mbr_no: &str, name: &str) -> StoreResult<()> {
        Ok(feed::ensure_member(self, mbr_no, name)?)
    }
    fn clear_order_lines(&mut self, ord_no: &str) -> StoreResult<()> {
        Ok(feed::clear_order_lines(self, ord_no)?)
    }
    fn upsert_member(&mut self, m: &NewMember) -> StoreResult<()> {
        Ok(people::upsert_member(self, m)?)
    }
    fn upsert_counselor(&mut self, no: &str, name: &str) -> StoreResult<()> {
        Ok(people::upsert_counselor(self, no, name)?)
    }
    fn insert_token(
        &mut self,
        hash: &str,
        role: TokenRole,
        subject_no: &str,
        at: &str,
    ) -> StoreResult<()> {
        Ok(people::insert_token(self, hash, role, subject_no, at)?)
    }
    fn insert_type(&mut self, t: &NewType) -> StoreResult<()> {
        Ok(people::insert_type(self, t)?)
    }
    fn upsert_goods(&mut self, g: &NewGoods) -> StoreResult<()> {
        Ok(people::upsert_goods(self, g)?)
    }
    fn upsert_item(&mut self, i: &NewItem) -> StoreResult<()> {
        Ok(people::upsert_item(self, i)?)
    }
    fn upsert_order(&mut self, ord_no: &str, mbr_no: &str, ord_dtm: &str) -> StoreResult<()> {
        Ok(people::upsert_order(self, ord_no, mbr_no, ord_dtm)?)
    }
    fn insert_order_line(&mut self, l: &NewOrderLine) -> StoreResult<()> {
        Ok(people::insert_order_line(self, l)?)
    }
    fn answer_templates(
        &mut self,
        leaf_no: &str,
        cnslr_no: &str,
    ) -> StoreResult<Vec<TemplateRecord>> {
        Ok(templates::answer_templates(self, leaf_no, cnslr_no)?)
    }
    fn templates_of(&mut self, cnslr_no: &str) -> StoreResult<Vec<TemplateRecord>> {
        Ok(templates::templates_of(self, cnslr_no)?)
    }
    fn template(&mut self, no: &str) -> StoreResult<Option<TemplateRecord>> {
        Ok(templates::template_by_no(self, no)?)
    }
    fn template_name_taken(
        &mut self,
        owner: Option<&str>,
        name: &str,
        except_no: Option<&str>,
    ) -> StoreResult<bool> {
        Ok(templates::template_name_taken(
            self, owner, name, except_no,
        )?)
    }
    fn insert_template(&mut self, t: &TemplateRecord, sort_seq: u32) -> StoreResult<()> {
        Ok(templates::insert_template(self, t, sort_seq)?)
    }
    fn update_template(&mut self, t: &TemplateRecord, at: &str) -> StoreResult<bool> {
        Ok(templates::update_template(self, t, at)?)
    }
    fn delete_template(&mut self, no: &str) -> StoreResult<bool> {
        Ok(templates::delete_template(self, no)?)
    }
    fn count_template_use(&mut self, no: &str) -> StoreResult<()> {
        Ok(templates::count_template_use(self, no)?)
    }
    fn insert_memo(
        &mut self,
        ccn_no: &str,
        author: &CounselorRef,
        content: &str,
        at: &str,
    ) -> StoreResult<u32> {
        Ok(memos::insert_memo(self, ccn_no, author, content, at)?)
    }
    fn memos_of(&mut self, ccn_no: &str) -> StoreResult<Vec<MemoRecord>> {
        Ok(memos::memos_of(self, ccn_no)?)
    }
    fn answer_target_days(&mut self, leaf_no: &str) -> StoreResult<u32> {
        Ok(deadlines::answer_target_days(self, leaf_no)?)
    }
    fn set_answer_target_days(&mut self, leaf_no: &str, days: u32) -> StoreResult<bool> {
        Ok(deadlines::set_answer_target_days(self, leaf_no, days)?)
    }
    fn undated_inquiries(&mut self, limit: u32) -> StoreResult<Vec<Undated>> {
        Ok(deadlines::undated_inquiries(self, limit)?)
    }
    fn set_answer_due(&mut self, ccn_no: &str, due: &str) -> StoreResult<()> {
        Ok(deadlines::set_answer_due(self, ccn_no, due)?)
    }
    fn insert_satisfaction(&mut self, ccn_no: &str, s: &SatisfactionRecord) -> StoreResult<bool> {
        Ok(satisfaction::insert_satisfaction(self, ccn_no, s)?)
    }
    fn satisfaction_of(&mut self, ccn_no: &str) -> StoreResult<Option<SatisfactionRecord>> {
        Ok(satisfaction::satisfaction_of(self, ccn_no)?)
    }
    fn report_facts(&mut self, from: &str, until: &str) -> StoreResult<Vec<ReportFact>> {
        Ok(report::report_facts(self, from, until)?)
    }
    fn notification_target(&mut self, ccn_no: &str) -> StoreResult<Option<NotificationTarget>> {
        Ok(outbox::notification_target(self, ccn_no)?)
    }
    fn insert_notification(&mut self, n: &NewNotification) -> StoreResult<i64> {
        Ok(outbox::insert_notification(self, n)?)
    }
    fn claim_notifications(
        &mut self,
        lease: &Lease,
        limit: usize,
    ) -> StoreResult<Vec<DueNotification>> {
        Ok(outbox::claim_notifications(self, lease, limit)?)
    }
    fn outbox_stats(&mut self) -> StoreResult<OutboxStats> {
        Ok(outbox::outbox_stats(self)?)
    }
    fn next_notification_due(&mut self) -> StoreResult<Option<String>> {
        Ok(outbox::next_notification_due(self)?)
    }
    fn finish_notification(
        &mut self,
        ntf_no: i64,
        owner: &str,
        outcome: &NotificationOutcome,
    ) -> StoreResult<bool> {
        Ok(outbox::finish_notification(self, ntf_no, owner, outcome)?)
    }
    fn release_notifications(&mut self, owner: &str) -> StoreResult<u64> {
        Ok(outbox::release_notifications(self, owner)?)
    }
    fn notifications_of(&mut self, ccn_no: &str) -> StoreResult<Vec<NotificationRecord>> {
        Ok(outbox::notifications_of(self, ccn_no)?)
    }
    fn upsert_vendor(&mut self, vendor_id: &str, name: &str) -> StoreResult<()> {
        Ok(people::upsert_vendor(self, vendor_id, name)?)
    }
    fn issue_vendor_key(
        &mut self,
        access_key: &str,
        vendor_id: &str,
        secret_key: &str,
        at: &str,
    ) -> StoreResult<()> {
        Ok(feed::issue_vendor_key(
            self, access_key, vendor_id, secret_key, at,
        )?)
    }
    fn expire_vendor_keys(&mut self, vendor_id: &str, until: &str) -> StoreResult<u64> {
        Ok(feed::expire_vendor_keys(self, vendor_id, until)?)
    }
    fn revoke_vendor_key(
        &mut self,
        vendor_id: &str,
        access_key: &str,
        at: &str,
    ) -> StoreResult<bool> {
        Ok(feed::revoke_vendor_key(self, vendor_id, access_key, at)?)
    }
    fn vendor_keys(&mut self, vendor_id: &str) -> StoreResult<Vec<VendorKeyInfo>> {
        Ok(feed::vendor_keys(self, vendor_id)?)
    }
    fn vendor_key(&mut self, access_key: &str, now: &str) -> StoreResult<Option<VendorKey>> {
        Ok(transfers::vendor_key(self, access_key, now)?)
    }
    fn seller_of_inquiry(&mut self, ccn_no: &str) -> StoreResult<Option<(String, String)>> {
        Ok(transfers::seller_of_inquiry(self, ccn_no)?)
    }
    fn insert_transfer(&mut self, t: &NewTransfer) -> StoreResult<()> {
        Ok(transfers::insert_transfer(self, t)?)
    }
    fn close_transfer(
        &mut self,
        ccn_no: &str,
        reason: &str,
        by: &str,
        at: &str,
    ) -> StoreResult<()> {
        Ok(transfers::close_transfer(self, ccn_no, reason, by, at)?)
    }
    fn transfer_of(&mut self, ccn_no: &str) -> StoreResult<Option<TransferRecord>> {
        Ok(transfers::transfer_of(self, ccn_no)?)
    }
    fn seller_extras(&mut self, ccn_no: &str) -> StoreResult<SellerExtras> {
        Ok(transfers::seller_extras(self, ccn_no)?)
    }
    fn seller_inquiries(&mut self, f: &SellerFilter) -> StoreResult<(Vec<TransferRecord>, u64)> {
        Ok(transfers::seller_inquiries(self, f)?)
    }
}
