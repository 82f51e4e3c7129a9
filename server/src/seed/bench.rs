//! `--seed bench`: the demo storefront plus a load-test population — 1,000 more members with
//! 100 inquiries each over the past year, one of them (`bench-member-1`) with 2,100, each
//! member with ten orders; replies on every answered inquiry. About 102,000 inquiries.
//!
//! Tokens are `bench-member-1` … `bench-member-1000` (members `B0001` …), so a load generator
//! can spread requests across members. No photos (their files would dominate seeding time).

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};

use super::{
    content::{answer_days, COUNSELOR_NAMES, GOODS_BASES, MALL_NAME, TYPE_TREE},
    Outcome, Stats,
};
use crate::{
    auth::token_hash,
    blobs::Blobs,
    config::Config,
    model::{db_time, ReplyAuthor, Status},
    store::{
        NewMember, NewOrderLine, QuestionFields, Store, StoreError, StoreResult, TokenRole, Tx,
    },
};

pub const BENCH_MEMBERS: usize = 1_000;
pub const INQUIRIES_PER_BENCH_MEMBER: usize = 100;
/// `bench-member-1` has this many: a member whose list spans many pages.
pub const HEAVY_MEMBER_INQUIRIES: usize = 2_100;
const ORDERS_PER_BENCH_MEMBER: usize = 10;

pub fn bench_token(i: usize) -> String {
    format!("bench-member-{}", i + 1)
}

fn bench_member_no(i: usize) -> String {
    format!("B{:04}", i + 1)
}

/// Members written per transaction (a member's orders and inquiries with them).
const MEMBERS_PER_TRANSACTION: usize = 50;

/// Seeds the demo data and the bench population into an empty database; leaves one that already
/// has members untouched.
pub async fn bench(store: &Store, blobs: &Blobs, config: &Config) -> Result<Outcome, String> {
    let mut stats = match super::demo(store, blobs, config).await? {
        Outcome::Seeded(s) => s,
        Outcome::AlreadySeeded => return Ok(Outcome::AlreadySeeded),
    };
    let prices = store
        .read(|tx| -> StoreResult<HashMap<String, i64>> {
            let (goods, _) = tx.search_goods("0000-01-01", None, 1, u32::MAX / 2)?;
            Ok(goods.into_iter().map(|g| (g.goods_no, g.price)).collect())
        })
        .await
        .map_err(|e| e.to_string())?;
    let mut goods: Vec<(String, i64)> = prices.into_iter().collect();
    goods.sort();
    let now = Utc::now();
    let mut rng = fastrand::Rng::with_seed(100_000);
    let mut ord_seq_no = 5_000_000u32;
    for first in (0..BENCH_MEMBERS).step_by(MEMBERS_PER_TRANSACTION) {
        let (goods_c, calendar) = (goods.clone(), config.calendar.clone());
        let (mut rng_c, mut stats_c) = (rng.clone(), stats);
        let (next_rng, next_stats, next_seq) = store
            .write(move |tx| -> Result<_, StoreError> {
                let mut seq = ord_seq_no;
                for m in first..(first + MEMBERS_PER_TRANSACTION).min(BENCH_MEMBERS) {
                    fill_member(
                        tx,
                        m,
                        &goods_c,
                        &calendar,
                        &mut rng_c,
                        &mut seq,
                        now,
                        &mut stats_c,
                    )?;
                }
                Ok((rng_c, stats_c, seq))
            })
            .await
            .map_err(|e| e.to_string())?;
        (rng, stats, ord_seq_no) = (next_rng, next_stats, next_seq);
    }
    // Fresh statistics for the query planner over the new volume.
    store.analyze().await.map_err(|e| e.to_string())?;
    Ok(Outcome::Seeded(stats))
}

/// One bench member: its token, orders and inquiries (with a counselor reply when answered).
#[allow(clippy::too_many_arguments)]
fn fill_member(
    tx: &mut dyn Tx,
    m: usize,
    goods: &[(String, i64)],
    calendar: &crate::calendar::BusinessCalendar,
    rng: &mut fastrand::Rng,
    ord_seq_no: &mut u32,
    now: DateTime<Utc>,
    stats: &mut Stats,
) -> StoreResult<()> {
    let offset = calendar.offset();
    let created = db_time(now);
    let leaves: Vec<_> = TYPE_TREE.iter().flat_map(|l| l.children.iter()).collect();
    let mbr_no = bench_member_no(m);
    let mbr_nm = format!("벤치회원{}", m + 1);
    tx.upsert_member(&NewMember {
        mbr_no: &mbr_no,
        name: &mbr_nm,
        phone: None,
        email: None,
        lang: "ko",
    })?;
    tx.insert_token(
        &token_hash(&bench_token(m)),
        TokenRole::Member,
        &mbr_no,
        &created,
    )?;
    stats.members += 1;

    let mut orders = Vec::with_capacity(ORDERS_PER_BENCH_MEMBER);
    for _ in 0..ORDERS_PER_BENCH_MEMBER {
        *ord_seq_no += rng.u32(1..50);
        let t = now - Duration::minutes(rng.i64(60 * 24..60 * 24 * 365));
        let local = t.with_timezone(&offset);
        let ord_no = format!("{}{:07}", local.format("%Y%m%d"), ord_seq_no);
        let (goods_no, price) = &goods[rng.usize(..goods.len())];
        tx.upsert_order(&ord_no, &mbr_no, &db_time(t))?;
        tx.insert_order_line(&NewOrderLine {
            ord_no: &ord_no,
            ord_seq: 1,
            goods_no,
            itm_no: "001",
            qty: 1,
            amount: *price,
        })?;
        orders.push((ord_no, goods_no.clone()));
        stats.orders += 1;
    }

    let count = if m == 0 {
        HEAVY_MEMBER_INQUIRIES
    } else {
        INQUIRIES_PER_BENCH_MEMBER
    };
    for i in 0..count {
        // Index 0 is the newest; the newest few are still open, as in a real inbox.
        let x = i as f64 / count as f64;
        let accp = now - Duration::minutes((x * 364.0 * 24.0 * 60.0) as i64 + rng.i64(5..600));
        let status = match x {
            x if x < 0.04 => Status::Received,
            x if x < 0.07 => Status::InProgress,
            _ => Status::Answered,
        };
        let leaf = leaves[rng.usize(..leaves.len())];
        let sample = &leaf.samples[rng.usize(..leaf.samples.len())];
        let (ord_no, goods_no) = &orders[rng.usize(..orders.len())];
        let with_goods = leaf.goods_required
            || sample.title.contains("{goods}")
            || sample.content.contains("{goods}")
            || rng.u8(..10) < 3;
        let goods_nm = GOODS_BASES[rng.usize(..GOODS_BASES.len())].name;
        let fill = |s: &str| {
            s.replace("{goods}", goods_nm)
                .replace("{ordNo}", ord_no)
                .replace("{mall}", MALL_NAME)
                .replace("{name}", &mbr_nm)
        };
        let local_date = accp.with_timezone(&offset).date_naive();
        let ccn_no = tx.next_ccn_no(local_date)?;
        let answered = (status == Status::Answered)
            .then(|| (accp + Duration::minutes(rng.i64(90..60 * 40))).min(now));
        let fields = QuestionFields {
            cnsl_typ_no: leaf.no.to_owned(),
            ccn_title: fill(sample.title).chars().take(50).collect(),
            accp_cont: fill(sample.content),
            goods_no: with_goods.then(|| goods_no.clone()),
            itm_no: with_goods.then(|| "001".to_owned()),
            ord_no: with_goods.then(|| ord_no.clone()),
            sms_rcv_yn: rng.bool(),
            email_rcv_yn: false,
            ref_ccn_no: None,
        };
        let due = db_time(calendar.due(accp, answer_days(leaf.no)));
        tx.insert_question(
            &ccn_no,
            &mbr_no,
            &fields,
            status,
            &db_time(accp),
            Some(&due),
        )?;
        if let Some(at) = answered {
            let at = db_time(at);
            tx.append_reply(
                &ccn_no,
                ReplyAuthor::Counselor,
                COUNSELOR_NAMES[rng.usize(..COUNSELOR_NAMES.len())],
                &fill(sample.answer),
                &at,
            )?;
            tx.set_status(&ccn_no, Status::Answered, Some(&at))?;
        }
        stats.inquiries += 1;
    }
    Ok(())
}
