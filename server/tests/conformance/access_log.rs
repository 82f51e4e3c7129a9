//! The access log (`store::KeptRecords`): appended, filtered, paged, counted per hour and
//! purged alike on both engines; its table refuses `UPDATE`; the purge's lock is held by one
//! instance at a time.

use inquiry_server::store::{AccessFilter, ActorRole, NewAccess};

use crate::*;

fn access(at: &str, actor: &str, action: &str, ccn: Option<&str>, mbr: Option<&str>) -> NewAccess {
    NewAccess {
        at: at.into(),
        role: ActorRole::Counselor,
        actor_no: actor.into(),
        actor_nm: format!("상담원 {actor}"),
        client_ip: Some("10.1.2.3".into()),
        action: action.into(),
        ccn_no: ccn.map(str::to_owned),
        mbr_no: mbr.map(str::to_owned),
        detail: "사유, 쉼표".into(),
    }
}

fn period() -> AccessFilter {
    AccessFilter {
        from: T0.into(),
        until: "2027".into(),
        ..AccessFilter::default()
    }
}

#[tokio::test]
async fn the_access_log_filters_pages_counts_and_purges() {
    on_every_engine(|s, engine| async move {
        s.write(|tx| {
            tx.append_access(&access(
                "2026-12-01T00:10:00.000Z",
                "C1",
                "VIEW_DETAIL",
                Some("1"),
                Some("M1"),
            ))?;
            tx.append_access(&access(
                "2026-12-01T00:20:00.000Z",
                "C1",
                "VIEW_DETAIL",
                Some("2"),
                Some("M2"),
            ))?;
            tx.append_access(&access(
                "2026-12-01T01:05:00.000Z",
                "C2",
                "TAKE",
                Some("1"),
                Some("M1"),
            ))?;
            tx.append_access(&access(
                "2026-12-02T00:00:00.000Z",
                "C1",
                "EXPORT_LOG",
                None,
                None,
            ))?;
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        s.read(move |tx| {
            let (rows, total) = tx.access_log(&period(), 1, 2)?;
            assert_eq!(total, 4, "{engine}");
            assert_eq!(
                rows.iter()
                    .map(|r| r.entry.action.as_str())
                    .collect::<Vec<_>>(),
                ["EXPORT_LOG", "TAKE"],
                "{engine}: newest first"
            );
            let e = &rows[1].entry;
            assert_eq!(
                (
                    e.role,
                    e.actor_nm.as_str(),
                    e.client_ip.as_deref(),
                    e.detail.as_str()
                ),
                (
                    ActorRole::Counselor,
                    "상담원 C2",
                    Some("10.1.2.3"),
                    "사유, 쉼표"
                )
            );
            let (page2, _) = tx.access_log(&period(), 2, 2)?;
            assert_eq!(page2.len(), 2);
            assert!(page2[0].log_no < rows[1].log_no, "{engine}");
            for (filter, expected) in [
                (
                    AccessFilter {
                        actor_no: Some("C1".into()),
                        ..period()
                    },
                    3,
                ),
                (
                    AccessFilter {
                        mbr_no: Some("M1".into()),
                        ..period()
                    },
                    2,
                ),
                (
                    AccessFilter {
                        ccn_no: Some("2".into()),
                        ..period()
                    },
                    1,
                ),
                (
                    AccessFilter {
                        action: Some("VIEW_DETAIL".into()),
                        ..period()
                    },
                    2,
                ),
                (
                    AccessFilter {
                        until: "2026-12-01T01:00:00.000Z".into(),
                        actor_no: Some("C1".into()),
                        ..period()
                    },
                    2,
                ),
            ] {
                assert_eq!(
                    tx.access_log(&filter, 1, 10)?.1,
                    expected,
                    "{engine}: {filter:?}"
                );
            }
            let counts = tx.access_counts(T0, "2027")?;
            let c1_views = counts
                .iter()
                .find(|c| c.actor_no == "C1" && c.action == "VIEW_DETAIL")
                .unwrap();
            assert_eq!(
                (c1_views.hour.as_str(), c1_views.count),
                ("2026-12-01T00", 2),
                "{engine}"
            );
            assert_eq!(counts.len(), 3, "{engine}: per actor, action and hour");
            Ok::<_, StoreError>(())
        })
        .await
        .unwrap();
        let removed = s
            .write(|tx| tx.purge_access_log("2026-12-01T01:00:00.000Z", 1))
            .await
            .unwrap();
        assert_eq!(removed, 1, "{engine}: at most the batch");
        let removed = s
            .write(|tx| tx.purge_access_log("2026-12-01T01:00:00.000Z", 10))
            .await
            .unwrap();
        assert_eq!(removed, 1, "{engine}: only older than the cutoff");
        let left = s.read(|tx| tx.access_log(&period(), 1, 10)).await.unwrap();
        assert_eq!(left.1, 2, "{engine}");
    })
    .await;
}

#[tokio::test]
async fn the_access_log_refuses_updates_on_both_engines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("log.db");
    let sqlite = Store::open(None, &path).await.unwrap();
    sqlite
        .write(|tx| tx.append_access(&access(T0, "C1", "VIEW_DETAIL", Some("1"), Some("M1"))))
        .await
        .unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    let refused = raw
        .execute("UPDATE acs_log SET actor_no = 'someone else'", [])
        .unwrap_err();
    assert!(refused.to_string().contains("append-only"), "{refused}");
    if let Some(admin) = common::postgres_admin_url() {
        let url = common::fresh_postgres_database(&admin).await;
        let pg = Store::open(Some(&url), &dir.path().join("unused.db"))
            .await
            .unwrap();
        pg.write(|tx| tx.append_access(&access(T0, "C1", "VIEW_DETAIL", Some("1"), Some("M1"))))
            .await
            .unwrap();
        let refused = tokio::task::spawn_blocking(move || {
            inquiry_server::store::postgres::execute_once(
                &url,
                "UPDATE acs_log SET actor_no = 'someone else'",
            )
        })
        .await
        .unwrap()
        .unwrap_err();
        assert!(refused.to_string().contains("append-only"), "{refused}");
        let (rows, _) = pg.read(|tx| tx.access_log(&period(), 1, 10)).await.unwrap();
        assert_eq!(rows[0].entry.actor_no, "C1");
    }
}

/// Two instances (two pools on one PostgreSQL database): while one holds the purge lock the
/// other's purge round finds it taken; the lock ends with its transaction. (SQLite has one
/// writer: a second purge simply waits.)
#[tokio::test]
async fn one_purge_at_a_time_across_instances_on_postgres() {
    let Some(admin) = common::postgres_admin_url() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = common::fresh_postgres_database(&admin).await;
    let a = Store::open(Some(&url), &dir.path().join("a.db"))
        .await
        .unwrap();
    let b = Store::open(Some(&url), &dir.path().join("b.db"))
        .await
        .unwrap();
    let (held_tx, held_rx) = std::sync::mpsc::channel();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let first = tokio::spawn(async move {
        a.write(move |tx| {
            let got = tx.try_purge_lock()?;
            held_tx.send(got).unwrap();
            release_rx.recv().unwrap();
            Ok::<_, StoreError>(got)
        })
        .await
    });
    let held = tokio::task::spawn_blocking(move || held_rx.recv().unwrap())
        .await
        .unwrap();
    assert!(held, "the first instance takes the lock");
    assert!(
        !b.write(|tx| tx.try_purge_lock()).await.unwrap(),
        "the second finds it held"
    );
    release_tx.send(()).unwrap();
    assert!(first.await.unwrap().unwrap());
    assert!(
        b.write(|tx| tx.try_purge_lock()).await.unwrap(),
        "released at the first's commit"
    );
}
