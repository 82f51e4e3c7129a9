//! The demo members' year: orders, inquiries in every status with photos, answers and seller
//! replies, the transfers sellers still have to handle, which answers were read, and how
//! customers rated some of them.

use chrono::{DateTime, Duration, Utc};

use super::{
    catalog::GoodsRow,
    content::{answer_days, COUNSELOR_NAMES, MALL_NAME, MEMBER_NAMES, TYPE_TREE},
    counselor_no, image, member_no, wing_id, Stats, Uploads, DEMO_VENDORS, INQUIRIES_PER_MEMBER,
    ORDERS_PER_MEMBER,
};
use crate::{
    blobs::Kind,
    config::Config,
    feed::{self, OrderItem, OrderLineItem},
    model::{db_time, ReplyAuthor, Status},
    questions::satisfaction::REASONS,
    store::{
        records::{CounselorRef, SatisfactionRecord},
        ListFilter, NewTransfer, QuestionFields, StoredFile, Totals, Tx,
    },
};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

struct OrderLine {
    ord_no: String,
    ord_dtm: DateTime<Utc>,
    goods: usize,
    itm_no: String,
}

/// Orders and inquiries of every demo member, then the open transfers and read marks.
pub fn fill(
    tx: &mut dyn Tx,
    uploads: &Uploads,
    config: &Config,
    goods: &[GoodsRow],
    rng: &mut fastrand::Rng,
    now: DateTime<Utc>,
    stats: &mut Stats,
) -> Result<()> {
    let leaves: Vec<_> = TYPE_TREE.iter().flat_map(|l| l.children.iter()).collect();
    let mut ord_seq_no = 1_000_000u32;
    for (m, mbr_nm) in MEMBER_NAMES.iter().copied().enumerate() {
        let mbr_no = member_no(m);
        // Orders, oldest first, spread over the past year.
        let mut lines: Vec<OrderLine> = Vec::new();
        let mut order_times: Vec<DateTime<Utc>> = (0..ORDERS_PER_MEMBER)
            .map(|_| now - Duration::minutes(rng.i64(60 * 24..60 * 24 * 365)))
            .collect();
        order_times.sort();
        for t in order_times {
            ord_seq_no += rng.u32(1..500);
            let local = t.with_timezone(&config.store_offset);
            let ord_no = format!("{}{:07}", local.format("%Y%m%d"), ord_seq_no);
            let mut order = OrderItem {
                ord_no: ord_no.clone(),
                mbr_no: mbr_no.clone(),
                ord_dtm: t.to_rfc3339(),
                lines: Vec::new(),
            };
            for _ in 1..=rng.usize(1..=3) {
                let gi = rng.usize(..goods.len());
                let itm_no = goods[gi].items[rng.usize(..goods[gi].items.len())].clone();
                let qty = rng.i64(1..=2);
                order.lines.push(OrderLineItem {
                    goods_no: goods[gi].goods_no.clone(),
                    itm_no: itm_no.clone(),
                    ord_qty: qty as u32,
                    ord_amt: goods[gi].price * qty,
                });
                lines.push(OrderLine {
                    ord_no: ord_no.clone(),
                    ord_dtm: t,
                    goods: gi,
                    itm_no,
                });
            }
            // Orders go in as a store feeds them (crate::feed).
            let refused = feed::order(tx, &order)?;
            if !refused.is_empty() {
                return Err(
                    format!("the demo seed fed an order the feed refuses: {refused:?}").into(),
                );
            }
            stats.orders += 1;
        }

        // Inquiries: denser in recent weeks, as real inboxes are. Index 0 is the newest.
        let mut inquiries: Vec<(DateTime<Utc>, Status)> = (0..INQUIRIES_PER_MEMBER)
            .map(|i| {
                let x = i as f64 / INQUIRIES_PER_MEMBER as f64;
                let minutes = (x.powf(1.4) * 360.0 * 24.0 * 60.0) as i64 + rng.i64(30..600);
                let status = match i {
                    0..=9 => Status::Received,
                    10..=15 => Status::InProgress,
                    _ => Status::Answered,
                };
                (now - Duration::minutes(minutes), status)
            })
            .collect();
        inquiries.sort_by_key(|(t, _)| *t);
        for (accp, status) in inquiries {
            let leaf = leaves[rng.usize(..leaves.len())];
            let sample = &leaf.samples[rng.usize(..leaf.samples.len())];
            let uses_goods = sample.title.contains("{goods}") || sample.content.contains("{goods}");
            let with_goods = leaf.goods_required || uses_goods || rng.u8(..10) < 3;
            let line = if with_goods {
                let before: Vec<&OrderLine> = lines.iter().filter(|l| l.ord_dtm < accp).collect();
                if before.is_empty() {
                    None
                } else {
                    Some(before[before.len() - 1 - rng.usize(..before.len().min(4))])
                }
            } else {
                None
            };
            let (goods_nm, ord_no) = match line {
                Some(l) => (goods[l.goods].goods_nm.as_str(), l.ord_no.as_str()),
                None => ("주문하신 상품", ""),
            };
            let fill_text = |s: &str| {
                s.replace("{goods}", goods_nm)
                    .replace(
                        "{ordNo}",
                        if ord_no.is_empty() {
                            "확인 중인 주문"
                        } else {
                            ord_no
                        },
                    )
                    .replace("{mall}", MALL_NAME)
                    .replace("{name}", mbr_nm)
            };
            if line.is_none() && (leaf.goods_required || uses_goods) {
                continue; // no order before this date to attach: skip rather than write nonsense
            }
            let fields = QuestionFields {
                cnsl_typ_no: leaf.no.to_owned(),
                ccn_title: fill_text(sample.title).chars().take(50).collect(),
                accp_cont: fill_text(sample.content),
                goods_no: line.map(|l| goods[l.goods].goods_no.clone()),
                itm_no: line.map(|l| l.itm_no.clone()),
                ord_no: line.map(|l| l.ord_no.clone()),
                sms_rcv_yn: rng.bool(),
                email_rcv_yn: rng.u8(..10) < 3,
                ref_ccn_no: None,
            };
            let local_date = accp.with_timezone(&config.store_offset).date_naive();
            let ccn_no = tx.next_ccn_no(local_date)?;
            let due = db_time(config.calendar.due(accp, answer_days(leaf.no)));
            tx.insert_question(
                &ccn_no,
                &mbr_no,
                &fields,
                status,
                &db_time(accp),
                Some(&due),
            )?;
            stats.inquiries += 1;

            if line.is_some() && rng.u8(..10) < 3 {
                for seq in 1..=rng.u32(1..=2) {
                    let stored_nm = format!("{}.png", uuid::Uuid::new_v4().simple());
                    let bytes = image::photo_png(rng.u16(0..360), rng.u32(..1000));
                    uploads.put(Kind::Photo, &stored_nm, bytes.clone())?;
                    let file = StoredFile {
                        file_seq: seq,
                        file_nm: format!("IMG_{}_{seq}.png", accp.format("%Y%m%d")),
                        stored_nm,
                        content_type: "image/png".to_owned(),
                        file_size: bytes.len() as u64,
                    };
                    tx.insert_file(&ccn_no, seq, &file, &db_time(accp))?;
                }
            }

            let holder = rng.usize(..COUNSELOR_NAMES.len());
            if status != Status::Received {
                tx.set_assignee(&ccn_no, &counselor_no(holder))?;
            }
            if status == Status::Answered {
                let answered = accp + Duration::minutes(rng.i64(90..60 * 40));
                let counselor = COUNSELOR_NAMES[holder];
                tx.append_reply(
                    &ccn_no,
                    ReplyAuthor::Counselor,
                    counselor,
                    &fill_text(sample.answer),
                    &db_time(answered),
                )?;
                let mut last = answered;
                if let (Some(reply), Some(l)) = (sample.seller_reply, line) {
                    // The counselor transferred it to the goods' seller, who replied.
                    let vendor = goods[l.goods].vendor;
                    let transferred = answered - Duration::minutes(rng.i64(10..60));
                    last = answered + Duration::minutes(rng.i64(30..60 * 20));
                    tx.insert_transfer(&NewTransfer {
                        ccn_no: &ccn_no,
                        vendor_id: DEMO_VENDORS[vendor].0,
                        need_answer: true,
                        note: &transfer_note(
                            &l.ord_no,
                            &goods[l.goods].goods_nm,
                            &fill_text(sample.content),
                        ),
                        cnslr_no: &counselor_no(holder),
                        at: &db_time(transferred),
                        due: &db_time(transferred + Duration::hours(24)),
                    })?;
                    tx.close_transfer(&ccn_no, "NONE", &wing_id(vendor), &db_time(last.min(now)))?;
                    tx.append_reply(
                        &ccn_no,
                        ReplyAuthor::Seller,
                        DEMO_VENDORS[vendor].1,
                        &fill_text(reply),
                        &db_time(last.min(now)),
                    )?;
                }
                tx.set_status(&ccn_no, Status::Answered, Some(&db_time(last.min(now))))?;
            }
        }
    }
    open_transfers(tx, now)?;
    read_and_rate_older_answers(tx, now)?;
    Ok(())
}

/// Customers have read their older answers (the two newest of each stay unread) and rated
/// about half of those, mostly 만족, within two days. The ratings draw from their own seeded
/// generator, so the rest of the demo stays as it was.
fn read_and_rate_older_answers(tx: &mut dyn Tx, now: DateTime<Utc>) -> Result<()> {
    let mut rng = fastrand::Rng::with_seed(23);
    for m in 0..MEMBER_NAMES.len() {
        let mbr_no = member_no(m);
        let filter = ListFilter {
            mbr_no: Some(mbr_no.clone()),
            from: String::new(),
            until: "9".to_owned(),
            status: Some(Status::Answered),
            ..ListFilter::default()
        };
        let (rows, _) = tx.list_questions(&filter, 1, 10_000, &Totals::uncached())?;
        let mut answered: Vec<(String, String)> = rows
            .into_iter()
            .filter_map(|r| r.answered_at.map(|at| (at, r.ccn_no)))
            .collect();
        answered.sort_by(|a, b| b.cmp(a));
        for (at, ccn_no) in answered.iter().skip(2) {
            tx.mark_answer_read(ccn_no, &mbr_no, at)?;
            if rng.u8(..100) < 55 {
                let satisfied = rng.u8(..100) < 80;
                let reason = REASONS[rng.usize(..REASONS.len())].0;
                let answered = chrono::DateTime::parse_from_rfc3339(at)?.with_timezone(&Utc);
                let rated = (answered + Duration::minutes(rng.i64(10..60 * 48))).min(now);
                tx.insert_satisfaction(
                    ccn_no,
                    &SatisfactionRecord {
                        satisfied,
                        reason: (!satisfied).then(|| reason.to_owned()),
                        comment: None,
                        at: db_time(rated),
                    },
                )?;
            }
        }
    }
    Ok(())
}

/// Transfers the sellers still have to handle, made the way a counselor makes them
/// (`seller::transfer`): the newest received inquiries about ordered goods await their seller's
/// answer (NO_ANSWER), the newest answered ones its confirmation (TRANSFER), so a seller's
/// 7-day query finds work.
fn open_transfers(tx: &mut dyn Tx, now: DateTime<Utc>) -> Result<()> {
    for (status, count, need_answer) in [(Status::Received, 6, true), (Status::Answered, 3, false)]
    {
        // The newest inquiries of the status about a seller's ordered goods, not transferred.
        let filter = ListFilter {
            from: String::new(),
            until: "9".to_owned(),
            status: Some(status),
            ..ListFilter::default()
        };
        let (newest, _) = tx.list_questions(&filter, 1, 10_000, &Totals::uncached())?;
        let mut rows = Vec::new();
        for row in newest {
            if rows.len() == count {
                break;
            }
            let (Some(ord_no), Some(goods_nm)) = (row.ord_no, row.goods_name) else {
                continue;
            };
            if tx.seller_of_inquiry(&row.ccn_no)?.is_none()
                || tx.transfer_of(&row.ccn_no)?.is_some()
            {
                continue;
            }
            let asked = tx
                .question_detail(&row.ccn_no, None)?
                .map(|d| d.content)
                .unwrap_or_default();
            rows.push((row.ccn_no, ord_no, goods_nm, asked, row.accepted_at));
        }
        for (i, (ccn_no, ord_no, goods_nm, asked, accp)) in rows.iter().enumerate() {
            let accepted = DateTime::parse_from_rfc3339(accp)?.with_timezone(&Utc);
            let at = (now - Duration::minutes(35 * (i as i64 + 1)))
                .max(accepted + Duration::minutes(5))
                .min(now);
            let note = if need_answer {
                transfer_note(ord_no, goods_nm, asked)
            } else {
                format!("[판매자확인요청]\n◼주문번호: {ord_no}\n◼아이템: {goods_nm}\n고객 안내를 마쳤습니다. 회수·환불 진행을 확인해 주세요.")
            };
            let me = CounselorRef {
                no: counselor_no(i % COUNSELOR_NAMES.len()),
                name: COUNSELOR_NAMES[i % COUNSELOR_NAMES.len()].to_owned(),
            };
            let transfer = crate::seller::Transfer {
                need_answer,
                note: &note,
                now: at,
                deadline: Duration::hours(24),
            };
            crate::seller::transfer(tx, ccn_no, &me, &transfer)?
                .map_err(|refusal| format!("seed transfer of {ccn_no}: {refusal:?}"))?;
        }
    }
    Ok(())
}

/// A counselor's transfer note in the shape Coupang's call center writes them.
fn transfer_note(ord_no: &str, goods_nm: &str, asked: &str) -> String {
    format!(
        "[판매자이관]\n◼주문번호: {ord_no}\n◼아이템: {goods_nm}\n◼문의내용: {asked}\n확인 후 답변 부탁드립니다."
    )
}
