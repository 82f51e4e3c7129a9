//! Sellers' key pairs (Coupang's access key / secret key): issued, rotated with a grace period
//! during which the old keys still sign, and revoked. The secret is returned once, by the call
//! that makes it; it is kept in clear because an HMAC signature can only be checked with it.

use chrono::{DateTime, Duration, Utc};
use ring::rand::{SecureRandom, SystemRandom};
use serde::Serialize;

use crate::{
    model::db_time,
    store::{records::VendorKeyInfo, StoreError, Tx},
};

/// A new key pair; the only time its secret is shown.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IssuedKey {
    pub vendor_id: String,
    pub access_key: String,
    pub secret_key: String,
    /// On a rotation: when the seller's previous keys stop signing.
    pub previous_keys_expire_at: Option<String>,
}

impl std::fmt::Debug for IssuedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedKey")
            .field("vendor_id", &self.vendor_id)
            .field("access_key", &self.access_key)
            .field("secret_key", &"<secret>")
            .finish()
    }
}

/// Why a key operation was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum KeyRefusal {
    UnknownSeller,
    UnknownKey,
}

fn random_hex(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    SystemRandom::new()
        .fill(&mut buf)
        .expect("system randomness");
    hex::encode(buf)
}

/// Issues a key pair. With `grace`, a rotation: the seller's other live keys sign until
/// `now + grace`, then stop.
pub fn issue(
    tx: &mut dyn Tx,
    vendor_id: &str,
    grace: Option<Duration>,
    now: DateTime<Utc>,
) -> Result<Result<IssuedKey, KeyRefusal>, StoreError> {
    if !tx.vendor_exists(vendor_id)? {
        return Ok(Err(KeyRefusal::UnknownSeller));
    }
    let previous_keys_expire_at = match grace {
        Some(g) => {
            let until = db_time(now + g);
            tx.expire_vendor_keys(vendor_id, &until)?;
            Some(until)
        }
        None => None,
    };
    let r = random_hex(16);
    // Coupang's access keys are UUIDs; its secrets 40 hex digits.
    let access_key = format!(
        "{}-{}-{}-{}-{}",
        &r[0..8],
        &r[8..12],
        &r[12..16],
        &r[16..20],
        &r[20..32]
    );
    let secret_key = random_hex(20);
    tx.issue_vendor_key(&access_key, vendor_id, &secret_key, &db_time(now))?;
    Ok(Ok(IssuedKey {
        vendor_id: vendor_id.to_owned(),
        access_key,
        secret_key,
        previous_keys_expire_at,
    }))
}

/// Revokes a key now.
pub fn revoke(
    tx: &mut dyn Tx,
    vendor_id: &str,
    access_key: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), KeyRefusal>, StoreError> {
    if !tx.vendor_exists(vendor_id)? {
        return Ok(Err(KeyRefusal::UnknownSeller));
    }
    Ok(
        if tx.revoke_vendor_key(vendor_id, access_key, &db_time(now))? {
            Ok(())
        } else {
            Err(KeyRefusal::UnknownKey)
        },
    )
}

/// The seller's keys (no secrets).
pub fn list(
    tx: &mut dyn Tx,
    vendor_id: &str,
) -> Result<Result<Vec<VendorKeyInfo>, KeyRefusal>, StoreError> {
    if !tx.vendor_exists(vendor_id)? {
        return Ok(Err(KeyRefusal::UnknownSeller));
    }
    Ok(Ok(tx.vendor_keys(vendor_id)?))
}
