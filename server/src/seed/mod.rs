//! `--seed demo`: a believable storefront — members, counselors, a type tree, 240 goods with
//! generated images, a year of orders, and 70 inquiries per member in every status with
//! counselor (and some seller) answers.
//!
//! Deterministic apart from "now": dates are relative to the moment of seeding.

mod bench;
mod catalog;
mod content;
mod image;
mod inquiries;

pub use bench::{bench, bench_token, BENCH_MEMBERS};

use chrono::Utc;

use crate::{
    blobs::{Blobs, Kind},
    config::Config,
    store::{Store, StoreError, Tx},
};
#[cfg(test)]
use content::{ANSWER_TEMPLATES, GOODS_BASES, MEMBER_CONTACTS, MEMBER_NAMES, TYPE_TREE};

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
    (
        "demo-manager",
        "desk manager C003 정다은 (console: also the access log and monthly review)",
    ),
];

/// The demo token of the desk manager (the last of [`DEMO_TOKENS`]).
pub const DEMO_MANAGER_TOKEN: &str = "demo-manager";

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
pub(crate) fn wing_id(vendor: usize) -> String {
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

pub(crate) fn counselor_no(i: usize) -> String {
    format!("C{:03}", i + 1)
}

/// Seeds an empty database through the storage port (any engine), with the goods images and
/// photos in `blobs`; leaves one that already has members untouched. One transaction: the
/// images are uploaded inside it, before it commits, so a failed upload leaves no rows that
/// name a missing image.
pub async fn demo(store: &Store, blobs: &Blobs, config: &Config) -> Result<Outcome, String> {
    let members = store
        .read(|tx| tx.member_count())
        .await
        .map_err(|e| e.to_string())?;
    if members > 0 {
        return Ok(Outcome::AlreadySeeded);
    }
    let (blobs, config) = (blobs.clone(), config.clone());
    let stats = store
        .write(move |tx| {
            let uploads = Uploads {
                blobs,
                runtime: tokio::runtime::Handle::current(),
            };
            fill(tx, &uploads, &config).map_err(|e| SeedError(e.to_string()))
        })
        .await
        .map_err(|e: SeedError| e.0)?;
    Ok(Outcome::Seeded(stats))
}

fn fill(
    tx: &mut dyn Tx,
    uploads: &Uploads,
    config: &Config,
) -> Result<Stats, Box<dyn std::error::Error>> {
    let now = Utc::now();
    let mut rng = fastrand::Rng::with_seed(20_261_122);
    let mut stats = catalog::people(tx, now)?;
    let goods = catalog::goods(tx, uploads, &mut rng)?;
    stats.goods = goods.len();
    inquiries::fill(tx, uploads, config, &goods, &mut rng, now, &mut stats)?;
    Ok(stats)
}

/// Uploads from inside a write transaction (a blocking thread): each waits for the blob store.
struct Uploads {
    blobs: Blobs,
    runtime: tokio::runtime::Handle,
}

impl Uploads {
    fn put(&self, kind: Kind, name: &str, bytes: Vec<u8>) -> Result<(), crate::blobs::BlobError> {
        self.runtime.block_on(self.blobs.put(kind, name, bytes))
    }
}

/// A seeding failure, or the store's.
#[derive(Debug)]
struct SeedError(String);

impl From<StoreError> for SeedError {
    fn from(e: StoreError) -> Self {
        SeedError(e.to_string())
    }
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
        assert!(DEMO_TOKENS.len() == DEMO_MEMBERS + 3);
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
