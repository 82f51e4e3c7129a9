//! Photo files on disk: written under server-generated names before the transaction that
//! records them, removed when that transaction fails or the inquiry lets them go.

use std::path::Path;

use crate::{error::ApiError, questions::CheckedPhoto, rules, store::StoredFile};

/// Writes the checked photos (metadata removed) into `dir`. On any failure the ones written
/// are removed.
pub(crate) async fn write(
    dir: &Path,
    photos: &[CheckedPhoto],
) -> Result<Vec<StoredFile>, ApiError> {
    tokio::fs::create_dir_all(dir).await?;
    let mut stored = Vec::with_capacity(photos.len());
    for upload in photos {
        let content_type = &upload.content_type;
        let stored_nm = format!(
            "{}.{}",
            uuid::Uuid::new_v4().simple(),
            rules::extension(content_type)
        );
        if let Err(e) = tokio::fs::write(dir.join(&stored_nm), &upload.bytes).await {
            remove(dir, names(&stored)).await;
            return Err(e.into());
        }
        stored.push(StoredFile {
            file_seq: 0,
            file_nm: upload.file_nm.clone(),
            stored_nm,
            content_type: (*content_type).to_owned(),
            file_size: upload.bytes.len() as u64,
        });
    }
    Ok(stored)
}

/// Removes stored files by name; one already gone is not an error.
pub async fn remove(dir: &Path, names: Vec<String>) {
    for name in names {
        if let Err(e) = tokio::fs::remove_file(dir.join(&name)).await {
            if e.kind() != std::io::ErrorKind::NotFound {
                tracing::warn!(file = %name, error = %e, "could not remove photo");
            }
        }
    }
}

/// The stored names of `files`.
pub fn names(files: &[StoredFile]) -> Vec<String> {
    files.iter().map(|f| f.stored_nm.clone()).collect()
}
