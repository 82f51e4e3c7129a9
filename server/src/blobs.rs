//! The blob store: customers' photos and the goods images, in a local folder (the default) or
//! an S3-compatible bucket (`--photo-store s3://BUCKET[/PREFIX]`), both through `object_store`,
//! chosen at start. Keys are `photos/<name>` and `goods/<name>`; names are made by the server
//! (a UUID and an extension), never by a client.

use std::{path::Path, sync::Arc};

use bytes::Bytes;
use object_store::{
    aws::AmazonS3Builder, local::LocalFileSystem, path::Path as Key, prefix::PrefixStore,
    ObjectStore, ObjectStoreExt, PutPayload,
};

/// What a blob is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A photo attached to an inquiry.
    Photo,
    /// A goods image (the catalog's).
    Goods,
}

impl Kind {
    fn folder(self) -> &'static str {
        match self {
            Kind::Photo => "photos",
            Kind::Goods => "goods",
        }
    }
}

/// A blob store failure, in words safe to log (never a credential).
#[derive(Debug, thiserror::Error)]
#[error("blob store: {0}")]
pub struct BlobError(String);

impl From<object_store::Error> for BlobError {
    fn from(e: object_store::Error) -> Self {
        BlobError(e.to_string())
    }
}

/// Cloneable handle on the blob store.
#[derive(Clone)]
pub struct Blobs {
    store: Arc<dyn ObjectStore>,
    describe: String,
}

impl std::fmt::Debug for Blobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe)
    }
}

impl Blobs {
    /// A folder: `dir/photos/…` and `dir/goods/…` (created if missing).
    pub fn local(dir: &Path) -> Result<Self, BlobError> {
        for kind in [Kind::Photo, Kind::Goods] {
            std::fs::create_dir_all(dir.join(kind.folder()))
                .map_err(|e| BlobError(format!("cannot create {}: {e}", dir.display())))?;
        }
        let store = LocalFileSystem::new_with_prefix(dir)?;
        Ok(Self {
            store: Arc::new(store),
            describe: format!("folder {}", dir.display()),
        })
    }

    /// `s3://BUCKET[/PREFIX]`, configured by the standard variables: `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_REGION` (or `AWS_DEFAULT_REGION`), `AWS_ENDPOINT_URL` (or
    /// `AWS_ENDPOINT`) for any S3-compatible server, `AWS_ALLOW_HTTP=true` for plain http.
    pub fn s3(url: &str) -> Result<Self, BlobError> {
        let rest = url.strip_prefix("s3://").ok_or_else(|| {
            BlobError(format!(
                "--photo-store {url}: expected s3://BUCKET[/PREFIX]"
            ))
        })?;
        let (bucket, prefix) = match rest.split_once('/') {
            Some((b, p)) => (b, p.trim_matches('/')),
            None => (rest, ""),
        };
        if bucket.is_empty() {
            return Err(BlobError(format!("--photo-store {url}: no bucket named")));
        }
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        if let Some(endpoint) = env("AWS_ENDPOINT_URL").or_else(|| env("AWS_ENDPOINT")) {
            builder = builder.with_endpoint(endpoint);
        }
        if let Some(region) = env("AWS_REGION").or_else(|| env("AWS_DEFAULT_REGION")) {
            builder = builder.with_region(region);
        }
        if env("AWS_ALLOW_HTTP").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            builder = builder.with_allow_http(true);
        }
        let s3 = builder.build()?;
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(PrefixStore::new(s3, prefix))
        };
        Ok(Self {
            store,
            describe: format!("s3://{bucket}/{prefix}"),
        })
    }

    /// Any `object_store` (tests: a bucket that is down).
    pub fn from_store(store: Arc<dyn ObjectStore>, describe: impl Into<String>) -> Self {
        Self {
            store,
            describe: describe.into(),
        }
    }

    /// What `--photo-store` names: `s3://…`, or (without it) the folder `data_dir`.
    pub fn open(photo_store: Option<&str>, data_dir: &Path) -> Result<Self, BlobError> {
        match photo_store {
            Some(url) if url.starts_with("s3://") => Self::s3(url),
            Some(dir) => Self::local(Path::new(dir)),
            None => Self::local(data_dir),
        }
    }

    pub fn describe(&self) -> &str {
        &self.describe
    }

    fn key(kind: Kind, name: &str) -> Result<Key, BlobError> {
        let safe = !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if !safe {
            return Err(BlobError(format!("not a blob name: {name:?}")));
        }
        Ok(Key::from(format!("{}/{name}", kind.folder())))
    }

    pub async fn put(&self, kind: Kind, name: &str, bytes: Vec<u8>) -> Result<(), BlobError> {
        let key = Self::key(kind, name)?;
        self.store.put(&key, PutPayload::from(bytes)).await?;
        Ok(())
    }

    /// The blob's bytes; `None` when there is none by that name.
    pub async fn get(&self, kind: Kind, name: &str) -> Result<Option<Bytes>, BlobError> {
        let Ok(key) = Self::key(kind, name) else {
            return Ok(None);
        };
        match self.store.get(&key).await {
            Ok(found) => Ok(Some(found.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Removes blobs by name; one already gone is not an error, a failure is logged (the row
    /// that named it is gone already: an orphan costs storage, never correctness).
    pub async fn remove(&self, kind: Kind, names: Vec<String>) {
        for name in names {
            let Ok(key) = Self::key(kind, &name) else {
                continue;
            };
            match self.store.delete(&key).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => tracing::warn!(blob = %name, error = %e, "could not remove blob"),
            }
        }
    }

    /// Whether the store answers (readiness): a lookup of a name nobody uses.
    pub async fn ping(&self) -> Result<(), BlobError> {
        let key = Key::from("photos/.readiness-probe");
        match self.store.head(&key).await {
            Ok(_) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_folder_keeps_photos_and_goods_apart_and_refuses_odd_names() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = Blobs::local(dir.path()).unwrap();
        blobs
            .put(Kind::Photo, "a.png", b"photo".to_vec())
            .await
            .unwrap();
        assert!(dir.path().join("photos/a.png").is_file());
        assert_eq!(
            blobs.get(Kind::Photo, "a.png").await.unwrap().unwrap(),
            "photo"
        );
        assert_eq!(blobs.get(Kind::Goods, "a.png").await.unwrap(), None);
        assert!(blobs.put(Kind::Photo, "../x", vec![]).await.is_err());
        assert_eq!(
            blobs.get(Kind::Photo, "../photos/a.png").await.unwrap(),
            None
        );
        blobs
            .remove(Kind::Photo, vec!["a.png".into(), "gone.png".into()])
            .await;
        assert_eq!(blobs.get(Kind::Photo, "a.png").await.unwrap(), None);
        blobs.ping().await.unwrap();
    }
}
