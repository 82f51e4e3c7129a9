//! List totals kept until the next write (see [`Totals`]).

use std::{
    collections::HashMap,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc, Mutex,
    },
};

/// Totals of list queries (`COUNT(*)` over the filter), kept until the next write.
///
/// A back-office queue's total counts tens of thousands of index entries (about 5 ms at 100,000
/// inquiries) while its page is twenty rows; counselors re-read the same queue far more often
/// than anything is written. Every write moves the generation on, so a total is never older
/// than the last write that finished before its request started.
#[derive(Default)]
pub(super) struct TotalsCache {
    pub(super) generation: AtomicU64,
    entries: Mutex<HashMap<String, (u64, u64)>>,
}

/// Entries kept at most; past it, those of older generations go, then all.
const TOTALS_KEPT: usize = 4096;

/// A handle on the totals cache as of one request (see [`Db::totals`]).
pub struct Totals {
    pub(super) generation: u64,
    pub(super) cache: Arc<TotalsCache>,
}

impl Totals {
    /// The total stored under `key` in this generation, or `count()`'s, stored for the next.
    pub fn get_or_count(
        &self,
        key: String,
        count: impl FnOnce() -> rusqlite::Result<u64>,
    ) -> rusqlite::Result<u64> {
        let entries = || self.cache.entries.lock().unwrap_or_else(|p| p.into_inner());
        let current = || self.cache.generation.load(Ordering::Acquire) == self.generation;
        if let Some(&(generation, total)) = entries().get(&key) {
            if generation == self.generation && current() {
                return Ok(total);
            }
        }
        let total = count()?;
        if current() {
            let mut e = entries();
            if e.len() >= TOTALS_KEPT {
                e.retain(|_, (g, _)| *g == self.generation);
                if e.len() >= TOTALS_KEPT {
                    e.clear();
                }
            }
            e.insert(key, (self.generation, total));
        }
        Ok(total)
    }
}
