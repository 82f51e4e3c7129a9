//! `--seed demo`: a believable storefront — members, counselors, a type tree, 240 goods with
//! generated images, a year of orders, and 70 inquiries per member in every status with
//! counselor (and some seller) answers.
//!
//! Deterministic apart from "now": dates are relative to the moment of seeding.

mod bench;
mod content;
mod image;

pub use bench::{bench, bench_token, BENCH_MEMBERS};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

use crate::{
    auth::token_hash,
    config::Config,
    model::{db_time, ReplyAuthor, Status},
    store::{
        self,
        records::{CounselorRef, TemplateRecord},
        QuestionFields, StoredFile,
    },
};
use content::{
    ANSWER_TEMPLATES, BRANDS, COUNSELOR_NAMES, GOODS_BASES, MALL_NAME, MEMBER_CONTACTS,
    MEMBER_NAMES, TYPE_TREE,
};

/// Fixed demo credentials: `(token, who)`. Printed at start and documented in the README.
pub const DEMO_TOKENS: &[(&str, &str)] = &[
    ("demo-member-1", "member M0001 (customer)"),
    ("demo-member-2", "member M0002 (customer)"),
    ("demo-member-3", "member M0003 (customer)"),
    (
        "demo-counselor",
        "counselor C001 이서연 (back office console)",
    ),
    (
        "demo-counselor-2",
        "counselor C002 최민호 (back office console)",
    ),
];

/// The demo sellers, one per brand (`content::BRANDS`, in order): vendor ID, the name customers
/// see on its replies, and its API credentials (access key, secret key). Printed at start and
/// documented in the README.
pub const DEMO_VENDORS: &[(&str, &str, &str, &str)] = &[
    (
        "A00010001",
        "하루웨어",
        "demo-access-A00010001",
        "demo-secret-A00010001",
    ),
    (
        "A00010002",
        "온결",
        "demo-access-A00010002",
        "demo-secret-A00010002",
    ),
    (
        "A00010003",
        "소담리빙",
        "demo-access-A00010003",
        "demo-secret-A00010003",
    ),
    (
        "A00010004",
        "그린테이블",
        "demo-access-A00010004",
        "demo-secret-A00010004",
    ),
    (
        "A00010005",
        "누비랩",
        "demo-access-A00010005",
        "demo-secret-A00010005",
    ),
    (
        "A00010006",
        "모아키즈",
        "demo-access-A00010006",
        "demo-secret-A00010006",
    ),
    (
        "A00010007",
        "바른살림",
        "demo-access-A00010007",
        "demo-secret-A00010007",
    ),
];

/// The sellers' WING login id in seeded replies (Coupang's `replyBy`/`receptionist`).
fn wing_id(vendor: usize) -> String {
    format!("wing{:02}", vendor + 1)
}

pub const DEMO_MEMBERS: usize = 3;
pub const INQUIRIES_PER_MEMBER: usize = 70;
pub const GOODS_COUNT: usize = 240;
pub const ORDERS_PER_MEMBER: usize = 28;

#[derive(Debug, Default, Clone, Copy)]
pub struct Stats {
    pub members: usize,
    pub goods: usize,
    pub orders: usize,
    pub inquiries: usize,
}

pub enum Outcome {
    Seeded(Stats),
    AlreadySeeded,
}

pub fn member_no(i: usize) -> String {
    format!("M{:04}", i + 1)
}

fn counselor_no(i: usize) -> String {
    format!("C{:03}", i + 1)
}

/// Seeds an empty database; leaves one that already has members untouched.
pub fn demo(conn: &mut Connection, config: &Config) -> Result<Outcome, String> {
    let members: i64 = conn
        .query_row("SELECT COUNT(*) FROM member", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if members > 0 {
        return Ok(Outcome::AlreadySeeded);
    }
    std::fs::create_dir_all(config.goods_image_dir()).map_err(|e| e.to_string())?;
    std::fs::create_dir_all(config.photo_dir()).map_err(|e| e.to_string())?;
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    let stats = fill(&tx, config, Utc::now()).map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())?;
    Ok(Outcome::Seeded(stats))
}

struct GoodsRow {
    goods_no: String,
    goods_nm: String,
    price: i64,
    items: Vec<String>,
    /// Index into DEMO_VENDORS.
    vendor: usize,
}

struct OrderLine {
    ord_no: String,
    ord_dtm: DateTime<Utc>,
    goods: usize,
    itm_no: String,
}

fn fill(
    conn: &Connection,
    config: &Config,
    now: DateTime<Utc>,
) -> Result<Stats, Box<dyn std::error::Error>> {
    let mut rng = fastrand::Rng::with_seed(20_261_122);
    let created = db_time(now);
    let mut stats = Stats::default();

    for (i, (name, contact)) in MEMBER_NAMES.iter().zip(MEMBER_CONTACTS).enumerate() {
        conn.execute(
            "INSERT INTO member (mbr_no, mbr_nm, mbr_phone, mbr_email, lang_cd)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![member_no(i), name, contact.0, contact.1, contact.2],
        )?;
    }
    stats.members = MEMBER_NAMES.len();
    for (i, name) in COUNSELOR_NAMES.iter().enumerate() {
        conn.execute(
            "INSERT INTO counselor (cnslr_no, cnslr_nm) VALUES (?1, ?2)",
            [&counselor_no(i), *name],
        )?;
    }
    for (i, (token, _)) in DEMO_TOKENS.iter().enumerate() {
        let (role, subject) = if i < DEMO_MEMBERS {
            ("MEMBER", member_no(i))
        } else {
            ("COUNSELOR", counselor_no(i - DEMO_MEMBERS))
        };
        conn.execute(
            "INSERT INTO access_token (token_hash, role, subject_no, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![token_hash(token), role, subject, created],
        )?;
    }

    for (vendor_id, name, access, secret) in DEMO_VENDORS {
        conn.execute(
            "INSERT INTO vendor (vendor_id, vendor_nm) VALUES (?1, ?2)",
            [vendor_id, name],
        )?;
        conn.execute(
            "INSERT INTO vendor_key (access_key, vendor_id, secret_key) VALUES (?1, ?2, ?3)",
            [access, vendor_id, secret],
        )?;
    }

    for (li, large) in TYPE_TREE.iter().enumerate() {
        conn.execute(
            "INSERT INTO cnsl_typ (cnsl_typ_no, cnsl_typ_nm, upr_cnsl_typ_no, sort_seq) VALUES (?1, ?2, NULL, ?3)",
            params![large.no, large.name, li as i64 + 1],
        )?;
        for (ci, leaf) in large.children.iter().enumerate() {
            conn.execute(
                "INSERT INTO cnsl_typ (cnsl_typ_no, cnsl_typ_nm, upr_cnsl_typ_no, sort_seq, goods_sel_mdty_yn)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![leaf.no, leaf.name, large.no, ci as i64 + 1, if leaf.goods_required { "Y" } else { "N" }],
            )?;
        }
    }

    for (i, t) in ANSWER_TEMPLATES.iter().enumerate() {
        store::insert_template(
            conn,
            &TemplateRecord {
                no: format!("T{:03}", i + 1),
                type_no: t.0.map(str::to_owned),
                name: t.1.to_owned(),
                content: t.2.to_owned(),
            },
            i as u32 + 1,
        )?;
    }

    // Goods: every family with brands in turn until the catalog is full.
    let mut goods = Vec::with_capacity(GOODS_COUNT);
    'catalog: for round in 0.. {
        for (bi, base) in GOODS_BASES.iter().enumerate() {
            if goods.len() == GOODS_COUNT {
                break 'catalog;
            }
            let vendor = (bi + round * 5) % BRANDS.len();
            let brand = BRANDS[vendor];
            let goods_no = format!("G{:05}", goods.len() + 1);
            let goods_nm = if round == 0 {
                base.name.to_owned()
            } else {
                format!(
                    "{} {}",
                    base.name,
                    ["시즌2", "프리미엄", "베이직", "라이트", "에디션"][(round - 1) % 5]
                )
            };
            let step = ((base.price_max - base.price_min) / 100).max(1);
            let price = i64::from(base.price_min + rng.u32(0..=step) * 100);
            let img_file = format!("{goods_no}.png");
            std::fs::write(
                config.goods_image_dir().join(&img_file),
                image::goods_png(base.hue, (goods.len() as u32) + round as u32),
            )?;
            conn.execute(
                "INSERT INTO goods (goods_no, goods_nm, brand_nm, category_nm, sale_prc, img_file,
                                    vendor_id, sale_start_dt, sale_end_dt)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '2099-12-31')",
                params![
                    goods_no,
                    goods_nm,
                    brand,
                    base.category,
                    price,
                    img_file,
                    DEMO_VENDORS[vendor].0,
                    format!("2025-{:02}-01", 1 + goods.len() % 12),
                ],
            )?;
            let mut items = Vec::new();
            for (oi, opt) in base.options.iter().enumerate() {
                let itm_no = format!("{:03}", oi + 1);
                conn.execute(
                    "INSERT INTO goods_itm (goods_no, itm_no, itm_nm, vendor_item_id)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![
                        goods_no,
                        itm_no,
                        opt,
                        3_000_000_000_i64 + (goods.len() as i64 + 1) * 100 + oi as i64 + 1
                    ],
                )?;
                items.push(itm_no);
            }
            goods.push(GoodsRow {
                goods_no,
                goods_nm: format!("[{brand}] {goods_nm}"),
                price,
                items,
                vendor,
            });
        }
    }
    stats.goods = goods.len();

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
            conn.execute(
                "INSERT INTO ord (ord_no, mbr_no, ord_dtm) VALUES (?1, ?2, ?3)",
                params![ord_no, mbr_no, db_time(t)],
            )?;
            for seq in 1..=rng.usize(1..=3) {
                let gi = rng.usize(..goods.len());
                let itm_no = goods[gi].items[rng.usize(..goods[gi].items.len())].clone();
                let qty = rng.i64(1..=2);
                conn.execute(
                    "INSERT INTO ord_goods (ord_no, ord_seq, goods_no, itm_no, ord_qty, ord_amt)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![
                        ord_no,
                        seq as i64,
                        goods[gi].goods_no,
                        itm_no,
                        qty,
                        goods[gi].price * qty
                    ],
                )?;
                lines.push(OrderLine {
                    ord_no: ord_no.clone(),
                    ord_dtm: t,
                    goods: gi,
                    itm_no,
                });
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
            let ccn_no = store::next_ccn_no(conn, local_date)?;
            store::insert_question(conn, &ccn_no, &mbr_no, &fields, status, &db_time(accp))?;
            stats.inquiries += 1;

            if line.is_some() && rng.u8(..10) < 3 {
                for seq in 1..=rng.u32(1..=2) {
                    let stored_nm = format!("{}.png", uuid::Uuid::new_v4().simple());
                    let bytes = image::photo_png(rng.u16(0..360), rng.u32(..1000));
                    std::fs::write(config.photo_dir().join(&stored_nm), &bytes)?;
                    let file = StoredFile {
                        file_seq: seq,
                        file_nm: format!("IMG_{}_{seq}.png", accp.format("%Y%m%d")),
                        stored_nm,
                        content_type: "image/png".to_owned(),
                        file_size: bytes.len() as u64,
                    };
                    store::insert_file(conn, &ccn_no, seq, &file, &db_time(accp))?;
                }
            }

            let holder = rng.usize(..COUNSELOR_NAMES.len());
            if status != Status::Received {
                store::set_assignee(conn, &ccn_no, &counselor_no(holder))?;
            }
            if status == Status::Answered {
                let answered = accp + Duration::minutes(rng.i64(90..60 * 40));
                let counselor = COUNSELOR_NAMES[holder];
                store::append_reply(
                    conn,
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
                    store::insert_transfer(
                        conn,
                        &store::NewTransfer {
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
                        },
                    )?;
                    store::close_transfer(
                        conn,
                        &ccn_no,
                        "NONE",
                        &wing_id(vendor),
                        &db_time(last.min(now)),
                    )?;
                    store::append_reply(
                        conn,
                        &ccn_no,
                        ReplyAuthor::Seller,
                        DEMO_VENDORS[vendor].1,
                        &fill_text(reply),
                        &db_time(last.min(now)),
                    )?;
                }
                store::set_status(
                    conn,
                    &ccn_no,
                    Status::Answered,
                    Some(&db_time(last.min(now))),
                )?;
            }
        }
    }
    open_transfers(conn, now)?;
    // Customers have read their older answers; the two newest of each stay unread.
    conn.execute(
        "UPDATE ccn SET ans_read_dtm = ans_dtm
          WHERE ccn_stat_cd = '30'
            AND ccn_no NOT IN (SELECT n.ccn_no FROM ccn n
                                WHERE n.mbr_no = ccn.mbr_no AND n.ccn_stat_cd = '30'
                                ORDER BY n.ans_dtm DESC LIMIT 2)",
        [],
    )?;
    Ok(stats)
}

/// Transfers the sellers still have to handle, made the way a counselor makes them
/// (`seller::transfer`): the newest received inquiries about ordered goods await their seller's
/// answer (NO_ANSWER), the newest answered ones its confirmation (TRANSFER), so a seller's
/// 7-day query finds work.
fn open_transfers(conn: &Connection, now: DateTime<Utc>) -> Result<(), Box<dyn std::error::Error>> {
    let mut pick = conn.prepare(
        "SELECT c.ccn_no, c.ord_no, g.goods_nm, c.accp_cont, c.accp_dtm
           FROM ccn c JOIN goods g ON g.goods_no = c.goods_no
          WHERE c.ccn_stat_cd = ?1 AND c.ord_no IS NOT NULL AND g.vendor_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM ccn_trns t WHERE t.ccn_no = c.ccn_no)
          ORDER BY c.accp_dtm DESC LIMIT ?2",
    )?;
    for (status, count, need_answer) in [("10", 6, true), ("30", 3, false)] {
        let rows: Vec<(String, String, String, String, String)> = pick
            .query_map(rusqlite::params![status, count], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
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
            crate::seller::transfer(conn, ccn_no, &me, &transfer)?
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_rich_enough_for_a_believable_demo() {
        assert_eq!(TYPE_TREE.len(), 6);
        assert!(TYPE_TREE.iter().all(|l| l.children.len() >= 2));
        assert!(TYPE_TREE
            .iter()
            .flat_map(|l| l.children)
            .all(|c| c.samples.len() >= 3));
        assert!(TYPE_TREE
            .iter()
            .flat_map(|l| l.children)
            .any(|c| c.goods_required));
        assert!(GOODS_BASES.len() >= 40);
        assert!(MEMBER_NAMES.len() >= DEMO_MEMBERS);
        assert!(DEMO_TOKENS.len() == DEMO_MEMBERS + 2);
        assert_eq!(MEMBER_CONTACTS.len(), MEMBER_NAMES.len());
        for (_, _, content) in ANSWER_TEMPLATES {
            for brace in content.match_indices('{') {
                let rest = &content[brace.0..];
                assert!(
                    crate::desk::PLACEHOLDERS
                        .iter()
                        .any(|p| rest.starts_with(p)),
                    "unknown placeholder in {content:?}"
                );
            }
        }
    }
}
