//! The commands beside `serve`, run as an operator runs them: `import` loads JSON Lines in
//! batches (progress, every refused line named, a failing exit status when any was refused),
//! `seller-keys` issues, lists, rotates and revokes a seller's keys, `forget-member` and `purge`.

use std::process::{Command, Output};

use inquiry_server::store::Store;
use serde_json::Value;

fn server(args: &[&str], db: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_inquiry-server"))
        .args(args)
        .arg("--db")
        .arg(db)
        .env_remove("DATABASE_URL")
        .output()
        .expect("inquiry-server")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[tokio::test]
async fn import_loads_json_lines_in_batches_and_names_each_refused_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("import.db");
    let sellers = dir.path().join("sellers.jsonl");
    std::fs::write(
        &sellers,
        "{\"vendorId\": \"A00088001\", \"vendorNm\": \"가져온 셀러\"}\n",
    )
    .unwrap();
    let out = server(&["import", "sellers", sellers.to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let mut lines: Vec<String> = (1..=5)
        .map(|i| format!(r#"{{"goodsNo": "IMP-{i}", "goodsNm": "가져온 상품 {i}", "salePrc": {i}000, "vendorId": "A00088001", "options": [{{"itmNo": "1", "itmNm": "기본"}}]}}"#))
        .collect();
    lines.insert(
        2,
        r#"{"goodsNo": "IMP-BAD", "goodsNm": "음수 가격", "salePrc": -5}"#.to_owned(),
    );
    lines.insert(4, String::new());
    lines.insert(5, "not json".to_owned());
    let goods = dir.path().join("goods.jsonl");
    std::fs::write(&goods, lines.join("\n")).unwrap();
    let out = server(
        &["import", "goods", goods.to_str().unwrap(), "--batch", "2"],
        &db,
    );
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        !out.status.success(),
        "refused lines fail the command: {stdout}"
    );
    assert!(
        stdout.contains("5 upserted, 2 refused (8 lines)"),
        "{stdout}"
    );
    assert!(stderr.contains("line 3: salePrc"), "{stderr}");
    assert!(
        stderr.contains("line 6: : 항목을 읽을 수 없습니다"),
        "{stderr}"
    );
    assert!(
        stderr.matches("lines read").count() >= 3,
        "progress per batch: {stderr}"
    );

    let store = Store::open(None, &db).await.unwrap();
    let (found, total) = store
        .read(|tx| tx.search_goods("2026-01-01", Some("가져온 상품"), 1, 30))
        .await
        .unwrap();
    assert_eq!(total, 5);
    assert_eq!(found[0].items, vec![("1".to_owned(), "기본".to_owned())]);
    drop(store);
    // Again: the same rows (an import can be rerun after fixing the refused lines).
    let out = server(&["import", "goods", goods.to_str().unwrap()], &db);
    assert!(text(&out.stdout).contains("5 upserted, 2 refused"));
    let store = Store::open(None, &db).await.unwrap();
    let total = store
        .read(|tx| tx.search_goods("2026-01-01", None, 1, 30))
        .await
        .unwrap()
        .1;
    assert_eq!(total, 5);
}

#[tokio::test]
async fn seller_keys_are_issued_listed_rotated_and_revoked_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("keys.db");
    let sellers = dir.path().join("sellers.jsonl");
    std::fs::write(
        &sellers,
        "{\"vendorId\": \"A00088002\", \"vendorNm\": \"키 셀러\"}\n",
    )
    .unwrap();
    assert!(
        server(&["import", "sellers", sellers.to_str().unwrap()], &db)
            .status
            .success()
    );

    let keys = |args: &[&str]| {
        let mut all = vec!["seller-keys"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--vendor-id", "A00088002"]);
        server(&all, &db)
    };
    let issued = keys(&["issue"]);
    assert!(issued.status.success(), "{}", text(&issued.stderr));
    let issued: Value = serde_json::from_slice(&issued.stdout).unwrap();
    let (access, secret) = (
        issued["accessKey"].as_str().unwrap(),
        issued["secretKey"].as_str().unwrap(),
    );
    assert_eq!(secret.len(), 40);
    let listed = text(&keys(&["list"]).stdout);
    assert!(
        listed.contains(access) && !listed.contains(secret),
        "{listed}"
    );

    let rotated: Value =
        serde_json::from_slice(&keys(&["rotate", "--grace-hours", "1"]).stdout).unwrap();
    assert!(rotated["previousKeysExpireAt"].is_string(), "{rotated}");
    let revoke = keys(&["revoke", "--access-key", access]);
    assert!(revoke.status.success(), "{}", text(&revoke.stderr));
    assert!(
        !keys(&["revoke", "--access-key", access]).status.success(),
        "only once"
    );
    assert!(
        !server(&["seller-keys", "issue", "--vendor-id", "A00000000"], &db)
            .status
            .success()
    );

    let store = Store::open(None, &db).await.unwrap();
    let now = inquiry_server::model::db_time(chrono::Utc::now());
    let (a, n) = (access.to_owned(), now.clone());
    assert!(
        store
            .read(move |tx| tx.vendor_key(&a, &n))
            .await
            .unwrap()
            .is_none(),
        "revoked"
    );
    let b = rotated["accessKey"].as_str().unwrap().to_owned();
    assert!(store
        .read(move |tx| tx.vendor_key(&b, &now))
        .await
        .unwrap()
        .is_some());
}

/// `forget-member` (a 회원 탈퇴 from the shell) and `purge` (the retention purge, once) on a
/// seeded database, as an operator runs them.
#[tokio::test]
async fn forget_member_and_purge_run_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("records.db");
    {
        let store = Store::open(None, &db).await.unwrap();
        let blobs = inquiry_server::blobs::Blobs::local(dir.path()).unwrap();
        let config = inquiry_server::Config::new(dir.path().to_path_buf());
        inquiry_server::seed::demo(&store, &blobs, &config)
            .await
            .unwrap();
    }
    let out = server(&["forget-member", "--mbr-no", "M0002"], &db);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("member M0002"));
    let again = server(&["forget-member", "--mbr-no", "M0002"], &db);
    assert!(!again.status.success(), "once");
    assert!(text(&again.stderr).contains("no member M0002 (or they left before)"));

    let store = Store::open(None, &db).await.unwrap();
    let name = store
        .read(|tx| {
            let ccn = first_of(tx, "M0002")?;
            let target = tx.notification_target(&ccn)?;
            Ok::<_, inquiry_server::store::StoreError>(target.unwrap().member_name)
        })
        .await
        .unwrap();
    assert_eq!(name, "탈퇴회원");

    // Nothing of the seed is three years old: the purge removes nothing, and says so.
    let out = server(&["purge", "--data-dir", dir.path().to_str().unwrap()], &db);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).trim(),
        "purged 0 inquiries (0 photo objects) and 0 access-log entries"
    );
    // One day of retention: every answered seeded inquiry goes (the access log keeps its
    // minimum of a year).
    let out = server(
        &[
            "purge",
            "--retention-days",
            "1",
            "--data-dir",
            dir.path().to_str().unwrap(),
        ],
        &db,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let said = stdout.lines().last().unwrap_or_default();
    assert!(
        stdout.contains("inquiry purged: retention ended"),
        "each one logged"
    );
    let purged: u64 = said
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{said}"));
    assert!(purged > 0, "{said}");
    let refused = server(&["purge", "--access-log-days", "30"], &db);
    assert!(!refused.status.success(), "a year at least");
}

/// The newest inquiry of a member (any status), straight from the store.
fn first_of(
    tx: &mut dyn inquiry_server::store::Tx,
    mbr_no: &str,
) -> Result<String, inquiry_server::store::StoreError> {
    let filter = inquiry_server::store::ListFilter {
        mbr_no: Some(mbr_no.to_owned()),
        from: "2000".into(),
        until: "3000".into(),
        ..Default::default()
    };
    let (rows, _) = tx.list_questions(&filter, 1, 1, &inquiry_server::store::Totals::uncached())?;
    Ok(rows[0].ccn_no.clone())
}
