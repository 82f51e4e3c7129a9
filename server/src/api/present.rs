//! Records from the store as the wire shows them: codes and names of statuses and authors,
//! `Y`/`N` flags, times in the storefront's offset, URLs clients fetch files from.

use chrono::FixedOffset;

use super::dto::{
    AtchFile, Goods, GoodsCard, GoodsItem, Holder, LargeType, LeafType, Memo, Notification,
    OrderGoods, QuestionDetail, QuestionSummary, Reply, Satisfaction, StatusPayload, TransferInfo,
};
use crate::{
    model::{wire_time, Status},
    store::records::{
        CatalogRecord, CounselorRef, InquiryRecord, InquiryRow, MemoRecord, NotificationRecord,
        OrderedRecord, SatisfactionRecord, TransferRecord, TypeGroupRecord,
    },
};

/// Where clients fetch a goods image (from the API origin).
pub fn goods_image_url(img_file: Option<String>) -> Option<String> {
    // A fed goods image is a URL (the store's, or a path here); older rows name a file in the
    // blob store.
    img_file.map(|f| {
        if f.starts_with("https://") || f.starts_with("http://") || f.starts_with('/') {
            f
        } else {
            format!("/images/goods/{f}")
        }
    })
}

/// Where clients fetch an inquiry's photo (with their token).
pub fn question_file_url(ccn_no: &str, file_seq: u32) -> String {
    format!("/api/order/v1/customerservice/getQuestionFile?ccnNo={ccn_no}&fileSeq={file_seq}")
}

pub(crate) fn yn(b: bool) -> String {
    if b { "Y" } else { "N" }.to_owned()
}

/// Who wrote an inquiry is shown to counselors only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Member,
    Counselor,
}

pub fn summary(r: InquiryRow, offset: FixedOffset, audience: Audience) -> QuestionSummary {
    let counselor = audience == Audience::Counselor;
    QuestionSummary {
        ccn_no: r.ccn_no,
        cnsl_lrg_typ_no: r.group.no,
        cnsl_lrg_typ_nm: r.group.name,
        cnsl_typ_no: r.leaf.no,
        cnsl_typ_nm: r.leaf.name,
        ccn_title: r.title,
        goods_no: r.goods_no,
        goods_nm: r.goods_name,
        ord_no: r.ord_no,
        ccn_stat_cd: r.status.code().to_owned(),
        ccn_stat_nm: r.status.name().to_owned(),
        accp_dtm: wire_time(&r.accepted_at, offset),
        ans_dtm: r.answered_at.map(|t| wire_time(&t, offset)),
        atch_file_cnt: r.photo_count,
        reply_cnt: r.reply_count,
        ans_unread_yn: yn(r.status == Status::Answered && !r.answer_read),
        mbr_no: counselor.then(|| r.member.mbr_no.clone()),
        mbr_nm: counselor.then_some(r.member.name),
        stsf_yn: r.satisfied.filter(|_| counselor).map(yn),
        ans_due_dtm: r
            .answer_due
            .filter(|_| counselor)
            .map(|t| wire_time(&t, offset)),
        holder: holder(r.assignee.as_ref().filter(|_| counselor)),
    }
}

pub fn detail(r: InquiryRecord, offset: FixedOffset, audience: Audience) -> QuestionDetail {
    let counselor = audience == Audience::Counselor;
    let ccn_no = r.ccn_no.clone();
    QuestionDetail {
        cnsl_lrg_typ_no: r.group.no,
        cnsl_lrg_typ_nm: r.group.name,
        cnsl_typ_no: r.leaf.no,
        cnsl_typ_nm: r.leaf.name,
        ccn_title: r.title,
        accp_cont: r.content,
        goods: r.goods.map(|g| GoodsCard {
            goods_no: g.goods_no,
            goods_nm: g.name,
            brand_nm: g.brand,
            itm_no: g.item_no,
            itm_nm: g.item_name,
            sale_prc: g.price,
            img_url: goods_image_url(g.image_file),
        }),
        ord_no: r.ord_no,
        ord_dtm: r.ordered_at.map(|t| wire_time(&t, offset)),
        sms_rcv_yn: yn(r.sms_consent),
        email_rcv_yn: yn(r.email_consent),
        ref_ccn_no: r.ref_no,
        ccn_stat_cd: r.status.code().to_owned(),
        ccn_stat_nm: r.status.name().to_owned(),
        accp_dtm: wire_time(&r.accepted_at, offset),
        mod_dtm: r.modified_at.map(|t| wire_time(&t, offset)),
        ans_dtm: r.answered_at.map(|t| wire_time(&t, offset)),
        atch_files: r
            .files
            .into_iter()
            .map(|f| AtchFile {
                file_url: question_file_url(&ccn_no, f.file_seq),
                file_seq: f.file_seq,
                file_nm: f.name,
                file_size: f.size,
                content_type: f.content_type,
            })
            .collect(),
        replies: r
            .replies
            .into_iter()
            .map(|p| Reply {
                cnsl_proc_seq: p.seq,
                ans_typ_cd: p.author.code().to_owned(),
                ans_typ_nm: p.author.name().to_owned(),
                ansr_nm: p.author_name,
                ans_cont: p.content,
                ans_dtm: wire_time(&p.at, offset),
            })
            .collect(),
        ans_unread_yn: yn(r.status == Status::Answered && !r.answer_read),
        mbr_no: counselor.then(|| r.member.mbr_no.clone()),
        mbr_nm: counselor.then_some(r.member.name),
        holder: holder(r.assignee.as_ref().filter(|_| counselor)),
        notifications: None,
        trns: None,
        wdrw_dtm: r
            .withdrawn_at
            .as_deref()
            .filter(|_| counselor)
            .map(|t| wire_time(t, offset)),
        prev_versions: None,
        ans_due_dtm: r.answer_due.map(|t| wire_time(&t, offset)),
        stsf: None,
        memos: None,
        ccn_no,
    }
}

/// The outbox rows of an inquiry, for the console.
pub fn notifications(rows: Vec<NotificationRecord>, offset: FixedOffset) -> Vec<Notification> {
    rows.into_iter()
        .map(|n| Notification {
            ntf_no: n.ntf_no,
            channel: n.channel,
            rcpt: n.rcpt_masked,
            lang_cd: n.lang,
            ntf_stat_cd: n.status,
            attempt_cnt: n.attempts,
            last_error: n.last_error,
            reg_dtm: wire_time(&n.created_at, offset),
            next_try_dtm: n.next_try_at.map(|t| wire_time(&t, offset)),
            sent_dtm: n.sent_at.map(|t| wire_time(&t, offset)),
            sent_via: n.sent_via,
        })
        .collect()
}

/// A status (and, for counselors, the holder) as the status operations and 409s answer it.
pub fn status(ccn_no: &str, status: Status, by: Option<&CounselorRef>) -> StatusPayload {
    StatusPayload {
        ccn_no: ccn_no.to_owned(),
        ccn_stat_cd: status.code().to_owned(),
        ccn_stat_nm: status.name().to_owned(),
        holder: holder(by),
    }
}

/// Who holds an inquiry, as the back office sees it.
fn holder(by: Option<&CounselorRef>) -> Holder {
    Holder {
        cnslr_no: by.map(|h| h.no.clone()),
        cnslr_nm: by.map(|h| h.name.clone()),
    }
}

pub fn type_tree(groups: Vec<TypeGroupRecord>) -> Vec<LargeType> {
    groups
        .into_iter()
        .map(|g| LargeType {
            cnsl_typ_no: g.no,
            cnsl_typ_nm: g.name,
            children: g
                .leaves
                .into_iter()
                .map(|l| LeafType {
                    cnsl_typ_no: l.no,
                    cnsl_typ_nm: l.name,
                    goods_sel_mdty_yn: yn(l.needs_goods),
                })
                .collect(),
        })
        .collect()
}

pub fn catalog_goods(g: CatalogRecord) -> Goods {
    Goods {
        goods_no: g.goods_no,
        goods_nm: g.name,
        brand_nm: g.brand,
        category_nm: g.category,
        sale_prc: g.price,
        img_url: goods_image_url(g.image_file),
        items: g
            .items
            .into_iter()
            .map(|(itm_no, itm_nm)| GoodsItem { itm_no, itm_nm })
            .collect(),
    }
}

pub fn ordered_goods(o: OrderedRecord, offset: FixedOffset) -> OrderGoods {
    OrderGoods {
        ord_no: o.ord_no,
        ord_dtm: wire_time(&o.ordered_at, offset),
        ord_seq: o.ord_seq,
        goods_no: o.goods_no,
        goods_nm: o.name,
        brand_nm: o.brand,
        itm_no: o.item_no,
        itm_nm: o.item_name,
        ord_qty: o.qty,
        ord_amt: o.amount,
        img_url: goods_image_url(o.image_file),
    }
}

/// An inquiry's transfer as the back office sees it, at `now` (stored UTC text).
/// The customer's rating of the answer.
pub fn satisfaction(r: SatisfactionRecord, offset: FixedOffset) -> Satisfaction {
    Satisfaction {
        satisfied_yn: yn(r.satisfied),
        reason_nm: r
            .reason
            .as_deref()
            .and_then(crate::questions::satisfaction::reason_name)
            .map(str::to_owned),
        reason_cd: r.reason,
        comment: r.comment,
        reg_dtm: wire_time(&r.at, offset),
    }
}

/// Back office: the inquiry's internal memos.
pub fn memos(rows: Vec<MemoRecord>, offset: FixedOffset) -> Vec<Memo> {
    rows.into_iter()
        .map(|m| Memo {
            memo_seq: m.seq,
            memo_cont: m.content,
            cnslr_no: m.author.no,
            cnslr_nm: m.author.name,
            reg_dtm: wire_time(&m.at, offset),
        })
        .collect()
}

pub fn transfer(t: TransferRecord, now: &str, offset: FixedOffset) -> TransferInfo {
    let state = if t.answered {
        "DONE"
    } else if t.is_open(now) {
        "WAITING"
    } else {
        "EXPIRED"
    };
    TransferInfo {
        vendor_id: t.vendor_id,
        vendor_nm: t.vendor_nm,
        need_ans_yn: yn(t.need_answer),
        trns_note: t.note,
        cnslr_no: t.cnslr_no,
        cnslr_nm: t.cnslr_nm,
        trns_dtm: wire_time(&t.at, offset),
        due_dtm: wire_time(&t.due, offset),
        trns_stat_cd: state.to_owned(),
        done_by: t.done_by,
        done_dtm: t.done_at.map(|d| wire_time(&d, offset)),
    }
}
