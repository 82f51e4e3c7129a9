//! Coupang's "CEA" request signing, as sellers' clients already do it:
//!
//! `Authorization: CEA algorithm=HmacSHA256, access-key=…, signed-date=yyMMdd'T'HHmmss'Z',
//! signature=hex(HMAC-SHA256(secret, signed-date + METHOD + path + query))` — the query as sent,
//! without its `?`; the body is not signed. The date (UTC) is part of the signature, so a
//! captured header is only good within [`MAX_SKEW`] of its date.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// How far a signed date may be from the server's clock, either way.
pub const MAX_SKEW: Duration = Duration::minutes(5);

/// The parts of a CEA `Authorization` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cea<'a> {
    pub access_key: &'a str,
    pub signed_date: &'a str,
    pub signature: &'a str,
}

/// Parses `CEA algorithm=HmacSHA256, access-key=…, signed-date=…, signature=…`. The parts may be
/// separated by `, ` or `,` (Coupang's partner API joins them without spaces).
pub fn parse(header: &str) -> Option<Cea<'_>> {
    let rest = header.trim().strip_prefix("CEA ")?;
    let (mut algorithm, mut access_key, mut signed_date, mut signature) = (None, None, None, None);
    for part in rest.split(',') {
        let (k, v) = part.trim().split_once('=')?;
        match k {
            "algorithm" => algorithm = Some(v),
            "access-key" => access_key = Some(v),
            "signed-date" => signed_date = Some(v),
            "signature" => signature = Some(v),
            _ => return None,
        }
    }
    (algorithm? == "HmacSHA256").then_some(())?;
    Some(Cea {
        access_key: access_key.filter(|k| !k.is_empty())?,
        signed_date: signed_date?,
        signature: signature?,
    })
}

/// The signed date as a time, if it has Coupang's shape (`yyMMdd'T'HHmmss'Z'`, UTC).
pub fn signed_at(signed_date: &str) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(signed_date, "%y%m%dT%H%M%SZ")
        .ok()
        .map(|t| t.and_utc())
}

/// HMAC-SHA256 keyed with `secret` over `signed_date + method + path + query`.
fn mac(secret: &str, message: [&str; 4]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    for part in message {
        mac.update(part.as_bytes());
    }
    mac
}

/// Whether `cea` signs this request with `secret`, at a date within [`MAX_SKEW`] of `now`.
/// The signature is compared in constant time.
pub fn verify(
    cea: &Cea,
    secret: &str,
    method: &str,
    path: &str,
    query: &str,
    now: DateTime<Utc>,
) -> bool {
    let Some(at) = signed_at(cea.signed_date) else {
        return false;
    };
    if (now - at).abs() > MAX_SKEW {
        return false;
    }
    let Ok(given) = hex::decode(cea.signature) else {
        return false;
    };
    mac(secret, [cea.signed_date, method, path, query])
        .verify_slice(&given)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_parses_with_or_without_spaces() {
        let spaced =
            "CEA algorithm=HmacSHA256, access-key=ak, signed-date=261123T010203Z, signature=abcd";
        let tight =
            "CEA algorithm=HmacSHA256,access-key=ak,signed-date=261123T010203Z,signature=abcd";
        let want = Cea {
            access_key: "ak",
            signed_date: "261123T010203Z",
            signature: "abcd",
        };
        assert_eq!(parse(spaced), Some(want.clone()));
        assert_eq!(parse(tight), Some(want));
        assert_eq!(parse("Bearer x"), None);
        assert_eq!(
            parse("CEA algorithm=HmacSHA1, access-key=ak, signed-date=d, signature=s"),
            None
        );
        assert_eq!(
            parse("CEA algorithm=HmacSHA256, signed-date=d, signature=s"),
            None
        );
    }

    /// What a client sends: lowercase hex of the MAC.
    fn sign(secret: &str, signed_date: &str, method: &str, path: &str, query: &str) -> String {
        hex::encode(
            mac(secret, [signed_date, method, path, query])
                .finalize()
                .into_bytes(),
        )
    }

    #[test]
    fn a_signature_holds_for_its_request_only_and_near_its_date() {
        let date = "261123T010203Z";
        let now = signed_at(date).unwrap();
        let path = "/v2/providers/openapi/apis/api/v5/vendors/A1/callCenterInquiries";
        let query = "vendorId=A1&partnerCounselingStatus=NONE";
        let signature = sign("secret", date, "GET", path, query);
        let cea = Cea {
            access_key: "ak",
            signed_date: date,
            signature: &signature,
        };
        assert!(verify(&cea, "secret", "GET", path, query, now));
        assert!(verify(&cea, "secret", "GET", path, query, now + MAX_SKEW));
        assert!(!verify(&cea, "other", "GET", path, query, now), "secret");
        assert!(!verify(&cea, "secret", "POST", path, query, now), "method");
        assert!(
            !verify(&cea, "secret", "GET", path, "vendorId=A1", now),
            "query"
        );
        assert!(
            !verify(
                &cea,
                "secret",
                "GET",
                path,
                query,
                now + MAX_SKEW + Duration::seconds(1)
            ),
            "a stale date"
        );
    }
}
