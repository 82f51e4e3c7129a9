//! Photo blobs: written under server-generated names before the transaction that records them,
//! removed when that transaction fails or the inquiry lets them go.

use crate::{
    blobs::{Blobs, Kind},
    error::ApiError,
    questions::CheckedPhoto,
    rules,
    store::StoredFile,
};

/// Writes the checked photos (metadata removed) to the blob store. On any failure the ones
/// written are removed and the registration is refused (nothing is recorded).
pub(crate) async fn write(
    blobs: &Blobs,
    photos: &[CheckedPhoto],
) -> Result<Vec<StoredFile>, ApiError> {
    let mut stored = Vec::with_capacity(photos.len());
    for upload in photos {
        let content_type = &upload.content_type;
        let stored_nm = format!(
            "{}.{}",
            uuid::Uuid::new_v4().simple(),
            rules::extension(content_type)
        );
        if let Err(e) = blobs
            .put(Kind::Photo, &stored_nm, upload.bytes.clone())
            .await
        {
            remove(blobs, names(&stored)).await;
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

/// Removes stored photos by name; one already gone is not an error.
pub async fn remove(blobs: &Blobs, names: Vec<String>) {
    blobs.remove(Kind::Photo, names).await
}

/// The stored names of `files`.
pub fn names(files: &[StoredFile]) -> Vec<String> {
    files.iter().map(|f| f.stored_nm.clone()).collect()
}
