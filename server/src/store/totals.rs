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
/// than the last write that finished before its request started. Only an engine with one
/// writer process (SQLite) can know every write this way; PostgreSQL's adapter keys each total
/// by the snapshot it was counted in instead (its generation never moves).
#[derive(Default)]
pub struct TotalsCache {
    generation: AtomicU64,
    entries: Mutex<HashMap<String, (u64, u64)>>,
}

impl TotalsCache {
    /// After a write commits: a total counted from here on sees it.
    pub fn written(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    pub fn handle(self: &Arc<Self>) -> Totals {
        Totals {
            cached: Some((self.generation.load(Ordering::Acquire), self.clone())),
        }
    }
}

/// Entries kept at most; past it, those of older generations go, then all.
const TOTALS_KEPT: usize = 4096;

/// A handle on the totals cache as of one request (see `Store::totals`).
pub struct Totals {
    cached: Option<(u64, Arc<TotalsCache>)>,
}

impl Totals {
    /// Counts every time.
    pub fn uncached() -> Self {
        Totals { cached: None }
    }

    /// The total stored under `key` in this generation, or `count()`'s, stored for the next.
    pub fn get_or_count<E>(
        &self,
        key: impl FnOnce() -> String,
        count: impl FnOnce() -> Result<u64, E>,
    ) -> Result<u64, E> {
        let Some((generation, cache)) = &self.cached else {
            return count();
        };
        let key = key();
        let entries = || cache.entries.lock().unwrap_or_else(|p| p.into_inner());
        let current = || cache.generation.load(Ordering::Acquire) == *generation;
        if let Some(&(g, total)) = entries().get(&key) {
            if g == *generation && current() {
                return Ok(total);
            }
        }
        let total = count()?;
        if current() {
            let mut e = entries();
            if e.len() >= TOTALS_KEPT {
                e.retain(|_, (g, _)| g == generation);
                if e.len() >= TOTALS_KEPT {
                    e.clear();
                }
            }
            e.insert(key, (*generation, total));
        }
        Ok(total)
    }
}
