//! `--seed bench`: the demo storefront plus a load-test population — 1,000 more members with
//! 100 inquiries each over the past year, one of them (`bench-member-1`) with 2,100, each
//! member with ten orders; replies on every answered inquiry. About 102,000 inquiries.
//!
//! Tokens are `bench-member-1` … `bench-member-1000` (members `B0001` …), so a load generator
//! can spread requests across members. No photos (their files would dominate seeding time).

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

use super::{
    content::{COUNSELOR_NAMES, GOODS_BASES, MALL_NAME, TYPE_TREE},
    Outcome, Stats,
};
use crate::{
    auth::token_hash,
    config::Config,
    model::{db_time, ReplyAuthor, Status},
    store,
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

/// Seeds the demo data and the bench population into an empty database; leaves one that already
/// has members untouched.
pub fn bench(conn: &mut Connection, config: &Config) -> Result<Outcome, String> {
    let mut stats = match super::demo(conn, config)? {
        Outcome::Seeded(s) => s,
        Outcome::AlreadySeeded => return Ok(Outcome::AlreadySeeded),
    };
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    fill(&tx, config, Utc::now(), &mut stats).map_err(|e| e.to_string())?;
    tx.commit().map_err(|e| e.to_string())?;
    // Fresh statistics for the query planner over the new volume.
    conn.execute_batch("ANALYZE").map_err(|e| e.to_string())?;
    Ok(Outcome::Seeded(stats))
}

fn fill(
    conn: &Connection,
    config: &Config,
    now: DateTime<Utc>,
    stats: &mut Stats,
) -> rusqlite::Result<()> {
    let mut rng = fastrand::Rng::with_seed(100_000);
    let created = db_time(now);
    let leaves: Vec<_> = TYPE_TREE.iter().flat_map(|l| l.children.iter()).collect();
    let goods_count: usize = conn.query_row("SELECT COUNT(*) FROM goods", [], |r| r.get(0))?;
    let mut member = conn.prepare("INSERT INTO member (mbr_no, mbr_nm) VALUES (?1, ?2)")?;
    let mut token = conn.prepare(
        "INSERT INTO access_token (token_hash, role, subject_no, created_at) VALUES (?1, 'MEMBER', ?2, ?3)",
    )?;
    let mut order =
        conn.prepare("INSERT INTO ord (ord_no, mbr_no, ord_dtm) VALUES (?1, ?2, ?3)")?;
    let mut order_goods = conn.prepare(
        "INSERT INTO ord_goods (ord_no, ord_seq, goods_no, itm_no, ord_qty, ord_amt)
         SELECT ?1, 1, goods_no, '001', 1, sale_prc FROM goods WHERE goods_no = ?2",
    )?;
    let mut inquiry = conn.prepare(
        "INSERT INTO ccn (ccn_no, mbr_no, cnsl_typ_no, ccn_title, accp_cont, goods_no, itm_no,
                          ord_no, sms_rcv_yn, email_rcv_yn, ccn_stat_cd, accp_dtm, ans_dtm)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'N', ?10, ?11, ?12)",
    )?;
    let mut reply = conn.prepare(
        "INSERT INTO ccn_reply (ccn_no, cnsl_proc_seq, ans_typ_cd, ansr_nm, ans_cont, ans_dtm)
         VALUES (?1, 1, ?2, ?3, ?4, ?5)",
    )?;
    let mut ord_seq_no = 5_000_000u32;
    for m in 0..BENCH_MEMBERS {
        let mbr_no = bench_member_no(m);
        let mbr_nm = format!("벤치회원{}", m + 1);
        member.execute(params![mbr_no, mbr_nm])?;
        token.execute(params![token_hash(&bench_token(m)), mbr_no, created])?;
        stats.members += 1;

        let mut orders = Vec::with_capacity(ORDERS_PER_BENCH_MEMBER);
        for _ in 0..ORDERS_PER_BENCH_MEMBER {
            ord_seq_no += rng.u32(1..50);
            let t = now - Duration::minutes(rng.i64(60 * 24..60 * 24 * 365));
            let local = t.with_timezone(&config.store_offset);
            let ord_no = format!("{}{:07}", local.format("%Y%m%d"), ord_seq_no);
            let goods_no = format!("G{:05}", rng.usize(..goods_count) + 1);
            order.execute(params![ord_no, mbr_no, db_time(t)])?;
            order_goods.execute(params![ord_no, goods_no])?;
            orders.push((ord_no, goods_no));
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
            let local_date = accp.with_timezone(&config.store_offset).date_naive();
            let ccn_no = store::next_ccn_no(conn, local_date)?;
            let answered = (status == Status::Answered)
                .then(|| (accp + Duration::minutes(rng.i64(90..60 * 40))).min(now));
            inquiry.execute(params![
                ccn_no,
                mbr_no,
                leaf.no,
                fill(sample.title).chars().take(50).collect::<String>(),
                fill(sample.content),
                with_goods.then_some(goods_no),
                with_goods.then_some("001"),
                with_goods.then_some(ord_no),
                if rng.bool() { "Y" } else { "N" },
                status.code(),
                db_time(accp),
                answered.map(db_time),
            ])?;
            if let Some(at) = answered {
                reply.execute(params![
                    ccn_no,
                    ReplyAuthor::Counselor.code(),
                    COUNSELOR_NAMES[rng.usize(..COUNSELOR_NAMES.len())],
                    fill(sample.answer),
                    db_time(at),
                ])?;
            }
            stats.inquiries += 1;
        }
    }
    Ok(())
}
