//! `inquiry-server import`: the first load of a large catalog from JSON Lines (one item per
//! line, the integration API's item shape), in batches through [`super::apply`], with progress.

use std::io::BufRead;

use serde_json::Value;

use super::{apply, ItemError, Kind, MAX_BATCH};
use crate::store::Store;

/// What an import did.
#[derive(Debug, Default)]
pub struct Imported {
    pub lines: usize,
    pub upserted: usize,
    /// Refused items, by line number (1-based).
    pub rejected: Vec<(usize, ItemError)>,
}

/// Reads `input` to its end, writing every `batch` lines in one transaction; `progress` is
/// called after each batch.
pub async fn import(
    store: &Store,
    kind: Kind,
    input: impl BufRead,
    batch: usize,
    mut progress: impl FnMut(&Imported),
) -> Result<Imported, String> {
    let batch = batch.clamp(1, MAX_BATCH);
    let mut done = Imported::default();
    let mut pending: Vec<(usize, Value)> = Vec::with_capacity(batch);
    let mut lines = input.lines();
    loop {
        let line = lines
            .next()
            .transpose()
            .map_err(|e| format!("reading input: {e}"))?;
        let end = line.is_none();
        if let Some(line) = line {
            done.lines += 1;
            if line.trim().is_empty() {
                continue;
            }
            let value = serde_json::from_str::<Value>(&line).unwrap_or_else(|e| {
                // Not JSON: handed on as a string, so it is refused with the other bad items.
                Value::String(format!("line {}: {e}", done.lines))
            });
            pending.push((done.lines, value));
        }
        if pending.len() == batch || (end && !pending.is_empty()) {
            let (numbers, items): (Vec<usize>, Vec<Value>) =
                std::mem::take(&mut pending).into_iter().unzip();
            let result = store
                .write(move |tx| apply(tx, kind, &items))
                .await
                .map_err(|e| format!("writing a batch: {e}"))?;
            done.upserted += result.upserted;
            for e in result.errors {
                done.rejected.push((numbers[e.index], e));
            }
            progress(&done);
        }
        if end {
            return Ok(done);
        }
    }
}
