//! What an edit replaces is kept (the desk sees what was submitted before the change): the
//! fields and the photos of the inquiry as they were, one JSON snapshot per edit. The photo
//! objects an edit drops stay in the blob store while a version names them; the retention
//! purge removes them with the inquiry.

use serde::{Deserialize, Serialize};

use crate::store::{records::InquiryRecord, StoreResult, StoredFile, Tx};

/// An inquiry as the customer had submitted it, before an edit.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub cnsl_typ_no: String,
    pub cnsl_typ_nm: String,
    pub ccn_title: String,
    pub accp_cont: String,
    pub goods_no: Option<String>,
    pub goods_nm: Option<String>,
    pub itm_no: Option<String>,
    pub ord_no: Option<String>,
    pub sms_rcv_yn: bool,
    pub email_rcv_yn: bool,
    /// When this version was submitted (registration, or the edit before).
    pub submitted_at: String,
    pub files: Vec<SnapshotFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotFile {
    pub file_seq: u32,
    pub file_nm: String,
    /// The blob's name (never shown: the purge needs it).
    pub stored_nm: String,
    pub content_type: String,
    pub file_size: u64,
}

impl Snapshot {
    pub fn of(r: &InquiryRecord, files: &[StoredFile]) -> Self {
        Self {
            cnsl_typ_no: r.leaf.no.clone(),
            cnsl_typ_nm: format!("{} > {}", r.group.name, r.leaf.name),
            ccn_title: r.title.clone(),
            accp_cont: r.content.clone(),
            goods_no: r.goods.as_ref().map(|g| g.goods_no.clone()),
            goods_nm: r.goods.as_ref().map(|g| g.name.clone()),
            itm_no: r.goods.as_ref().and_then(|g| g.item_no.clone()),
            ord_no: r.ord_no.clone(),
            sms_rcv_yn: r.sms_consent,
            email_rcv_yn: r.email_consent,
            submitted_at: r
                .modified_at
                .clone()
                .unwrap_or_else(|| r.accepted_at.clone()),
            files: files
                .iter()
                .map(|f| SnapshotFile {
                    file_seq: f.file_seq,
                    file_nm: f.file_nm.clone(),
                    stored_nm: f.stored_nm.clone(),
                    content_type: f.content_type.clone(),
                    file_size: f.file_size,
                })
                .collect(),
        }
    }
}

/// Keeps the inquiry as it is now, before an edit changes it (on the edit's transaction).
pub fn keep_current(tx: &mut dyn Tx, ccn_no: &str, at: &str) -> StoreResult<()> {
    let (Some(record), files) = (tx.question_detail(ccn_no, None)?, tx.files_of(ccn_no)?) else {
        return Ok(());
    };
    let snapshot =
        serde_json::to_string(&Snapshot::of(&record, &files)).expect("a snapshot serialises");
    tx.insert_version(ccn_no, &snapshot, at)?;
    Ok(())
}

/// The inquiry's earlier versions, oldest first, with when each was replaced. A snapshot
/// that cannot be read (written by a later version of the server) is skipped.
pub fn earlier(tx: &mut dyn Tx, ccn_no: &str) -> StoreResult<Vec<(u32, Snapshot, String)>> {
    Ok(tx
        .versions(ccn_no)?
        .into_iter()
        .filter_map(|v| {
            serde_json::from_str(&v.snapshot)
                .ok()
                .map(|s| (v.seq, s, v.replaced_at))
        })
        .collect())
}

/// Every photo object the inquiry's records name: its photos now and in earlier versions.
pub fn all_photo_objects(tx: &mut dyn Tx, ccn_no: &str) -> StoreResult<Vec<String>> {
    let mut names: Vec<String> = tx
        .files_of(ccn_no)?
        .into_iter()
        .map(|f| f.stored_nm)
        .collect();
    for (_, s, _) in earlier(tx, ccn_no)? {
        names.extend(s.files.into_iter().map(|f| f.stored_nm));
    }
    names.sort();
    names.dedup();
    Ok(names)
}
