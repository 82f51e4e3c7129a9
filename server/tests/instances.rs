//! Several instances: two `inquiry-server` processes on one PostgreSQL database and one S3
//! bucket (moto), answer e-mails through a real SMTP sink (aiosmtpd) — what a store behind a
//! load balancer runs. Each request below goes to one instance or the other, at the same
//! moment where it matters.

mod common;

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::Duration,
};

use common::*;
use futures::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

/// Writes a member may make per minute in this test (on both instances together).
const WRITE_LIMIT: usize = 8;

/// A child process killed on drop.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Waits until `port` accepts connections (the process may be seeding first).
async fn listening(port: u16, process: &mut Process, log: &Path) {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(120);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        if let Ok(Some(status)) = process.0.try_wait() {
            panic!(
                "exited with {status}: {}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "not listening on {port}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

struct Instance {
    api: TestServer,
    _process: Process,
}

async fn instance(name: &str, dir: &Path, args: &[String], env: &[(&str, String)]) -> Instance {
    let port = free_port();
    let log = dir.join(format!("{name}.log"));
    let out = std::fs::File::create(&log).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_inquiry-server"))
        .args(["--addr", &format!("127.0.0.1:{port}")])
        .args(args)
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .expect("start inquiry-server");
    let mut process = Process(child);
    listening(port, &mut process, &log).await;
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    Instance {
        api: TestServer::at(addr),
        _process: process,
    }
}

/// The test services, or `None` (skipped) when they are not there and not required.
fn services() -> Option<(String, String, PathBuf)> {
    let pg = postgres_admin_url()?;
    let var = |name: &str| {
        let v = std::env::var(name).ok().filter(|v| !v.is_empty());
        if v.is_none() && services_required() {
            panic!("{name} is not set, and INQUIRY_TEST_REQUIRE_SERVICES says it must be");
        }
        v
    };
    Some((
        pg,
        var("INQUIRY_TEST_S3_ENDPOINT")?,
        var("INQUIRY_TEST_PYTHON")?.into(),
    ))
}

/// A real SMTP server (aiosmtpd) writing what it receives into a Maildir: its process, port and
/// Maildir.
async fn smtp_sink(dir: &Path, python: &Path) -> (Process, u16, PathBuf) {
    let port = free_port();
    let maildir = dir.join("mail");
    let log = dir.join("smtp.log");
    let mut sink = Process(
        Command::new(python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start aiosmtpd"),
    );
    listening(port, &mut sink, &log).await;
    (sink, port, maildir)
}

fn messages_in(maildir: &Path) -> usize {
    std::fs::read_dir(maildir.join("new")).map_or(0, |d| d.count())
}

/// The inquiry's notifications once none is pending.
async fn settled(s: &TestServer, ccn: &str) -> Vec<Value> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    loop {
        let (_, d) = s
            .get_json(&format!("{BO}/getQuestionDtl?ccnNo={ccn}"), COUNSELOR)
            .await;
        let list = d["payload"]["notifications"].as_array().unwrap().clone();
        if !list.is_empty() && list.iter().all(|n| n["ntfStatCd"] != "PENDING") {
            return list;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "still pending: {list:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_share_one_database_bucket_and_outbox() {
    let Some((pg_admin, s3, python)) = services() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_postgres_database(&pg_admin).await;
    let bucket = format!("inquiry-{}", std::process::id());
    let created = reqwest::Client::new()
        .put(format!("{s3}/{bucket}"))
        .send()
        .await
        .unwrap();
    assert!(
        created.status().is_success(),
        "create bucket: {}",
        created.status()
    );

    let (_sink, smtp_port, maildir) = smtp_sink(dir.path(), &python).await;

    let env = [
        ("AWS_ENDPOINT_URL", s3.clone()),
        ("AWS_ACCESS_KEY_ID", "test".to_owned()),
        ("AWS_SECRET_ACCESS_KEY", "test".to_owned()),
        ("AWS_REGION", "us-east-1".to_owned()),
        ("AWS_ALLOW_HTTP", "true".to_owned()),
    ];
    let args: Vec<String> = [
        "--database-url",
        &url,
        "--photo-store",
        &format!("s3://{bucket}/photos-test"),
        "--smtp-url",
        &format!("smtp://127.0.0.1:{smtp_port}"),
        "--writes-per-minute",
        &WRITE_LIMIT.to_string(),
        // The demo's tokens on every instance, not only the one that seeds.
        "--demo-tokens",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut seeded = args.clone();
    seeded.extend(["--seed".to_owned(), "demo".to_owned()]);
    let a = instance("a", dir.path(), &seeded, &env).await;
    let b = instance("b", dir.path(), &args, &env).await;
    let (a, b) = (&a.api, &b.api);
    // The second instance serves the data the first one seeded, goods images included.
    assert_eq!(
        a.list(MEMBER1, "pageSize=5").await["payload"]["pagination"],
        b.list(MEMBER1, "pageSize=5").await["payload"]["pagination"]
    );
    let (_, goods) = b
        .post_json(
            &format!("{CS}/getGoodsList"),
            MEMBER1,
            json!({"searchNm": "", "pageNo": 1, "pageSize": 1}),
        )
        .await;
    let image = goods["payload"]["content"][0]["imgUrl"]
        .as_str()
        .unwrap_or_else(|| panic!("{goods}"))
        .to_owned();
    let r = b.client.get(b.url(&image)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{image}");

    // A photo uploaded through one instance is served by the other.
    let typ = a.leaf_type(false).await;
    let photo = png_bytes(12, 12);
    let form = base_form(&typ, "사진 문의", "사진을 봐 주세요")
        .part("atchFiles", file_part("a.png", photo.clone(), "image/png"));
    let (status, saved) = a.save(MEMBER1, form).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let ccn = saved["payload"].as_str().unwrap().to_owned();
    let file = format!("{CS}/getQuestionFile?ccnNo={ccn}&fileSeq=1");
    let from_b = b.get(&file, MEMBER1).send().await.unwrap();
    assert_eq!(from_b.status(), StatusCode::OK);
    assert_eq!(from_b.bytes().await.unwrap().as_ref(), photo.as_slice());

    // Retries of one Idempotency-Key, at once, spread over both: one inquiry.
    let keyed = |s: &'static str| base_form(&typ, s, "같은 요청");
    let retries = (0..6).map(|i| {
        let target = if i % 2 == 0 { a } else { b };
        target.save_keyed(MEMBER1, "retry-over-instances", keyed("재시도 문의"))
    });
    let answers = join_all(retries).await;
    let numbers: Vec<&str> = answers
        .iter()
        .map(|(status, body)| {
            assert!(status.is_success(), "{status} {body}");
            body["payload"].as_str().unwrap()
        })
        .collect();
    assert!(numbers.iter().all(|n| *n == numbers[0]), "{numbers:?}");
    let found = a.list(MEMBER1, "searchWord=재시도 문의").await;
    assert_eq!(found["payload"]["pagination"]["totalElements"], 1);

    // Registrations at once on both: distinct numbers; e-mail notices wanted.
    let regs = (0..WRITE_LIMIT).map(|i| {
        let target = if i % 2 == 0 { a } else { b };
        let form = base_form(&typ, &format!("동시 등록 {i}"), "내용").text("emailRcvYn", "Y");
        target.save(MEMBER2, form)
    });
    let mut registered: Vec<String> = join_all(regs)
        .await
        .into_iter()
        .map(|(status, body)| {
            assert_eq!(status, StatusCode::CREATED, "{body}");
            body["payload"].as_str().unwrap().to_owned()
        })
        .collect();
    registered.sort();
    registered.dedup();
    assert_eq!(registered.len(), WRITE_LIMIT, "distinct numbers");

    // Two counselors answer the same inquiry at the same moment through different
    // instances: one wins, the other gets 409 with the answer that won.
    race_two_answers((a, COUNSELOR), (b, COUNSELOR2), &registered[0]).await;

    // The rest answered through either instance: every e-mail is delivered exactly once,
    // whichever instance's worker claims it.
    for (i, ccn) in registered.iter().enumerate().skip(1) {
        let target = if i % 2 == 0 { a } else { b };
        let (status, body) = target
            .post_json(
                &format!("{BO}/questionAns"),
                COUNSELOR,
                json!({"ccnNo": ccn, "ansCont": "답변드립니다."}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    for ccn in &registered {
        let list = settled(a, ccn).await;
        let email: Vec<_> = list.iter().filter(|n| n["channel"] == "EMAIL").collect();
        assert_eq!(email.len(), 1, "{list:?}");
        assert_eq!(email[0]["ntfStatCd"], "SENT", "{list:?}");
    }
    assert_eq!(
        messages_in(&maildir),
        registered.len(),
        "one e-mail per answer"
    );

    // The write limit holds across both instances: alternating, a member still gets it once.
    let mut outcomes = Vec::new();
    for i in 0..WRITE_LIMIT + 4 {
        let target = if i % 2 == 0 { a } else { b };
        let r = target
            .req(Method::POST, &format!("{CS}/questionSave"), Some(MEMBER3))
            .multipart(base_form(&typ, &format!("한도 {i}"), "내용"))
            .send()
            .await
            .unwrap();
        outcomes.push(r.status());
    }
    let allowed = outcomes
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let refused = outcomes
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((allowed, refused), (WRITE_LIMIT, 4), "{outcomes:?}");
}

/// A notification claimed by an instance that dies before it sends is sent by another one once
/// the claim's lease runs out (nine send timeouts: 9 s here), exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_notification_claimed_by_an_instance_that_died_is_sent_by_another() {
    let Some((pg_admin, _, python)) = services() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_postgres_database(&pg_admin).await;
    // A mail server that accepts and never answers: the doomed instance's send hangs there.
    let hanging = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let hanging_port = hanging.local_addr().unwrap().port();
    let (_sink, smtp_port, maildir) = smtp_sink(dir.path(), &python).await;
    let flags = |smtp: u16| -> Vec<String> {
        [
            "--database-url",
            &url,
            "--data-dir",
            &dir.path().to_string_lossy(),
            "--smtp-url",
            &format!("smtp://127.0.0.1:{smtp}"),
            "--notify-send-timeout",
            "1",
            "--demo-tokens",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let mut seeded = flags(smtp_port);
    seeded.extend(["--seed".to_owned(), "demo".to_owned()]);
    let alive = instance("alive", dir.path(), &seeded, &[]).await;
    let doomed = instance("doomed", dir.path(), &flags(hanging_port), &[]).await;

    let typ = alive.api.leaf_type(false).await;
    let form = base_form(&typ, "알림 인계", "죽은 인스턴스의 알림").text("emailRcvYn", "Y");
    let (status, saved) = alive.api.save(MEMBER2, form).await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let ccn = saved["payload"].as_str().unwrap().to_owned();
    // Answered through the doomed instance: its worker claims the e-mail at once and starts
    // sending it to the mail server that never answers; it dies mid-send.
    let (status, body) = doomed
        .api
        .post_json(
            &format!("{BO}/questionAns"),
            COUNSELOR,
            json!({"ccnNo": ccn, "ansCont": "답변드립니다."}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_held, _) = tokio::time::timeout(Duration::from_secs(10), hanging.accept())
        .await
        .expect("the doomed instance tries to send")
        .unwrap();
    let Instance {
        _process: mut process,
        ..
    } = doomed;
    process.0.kill().unwrap();
    process.0.wait().unwrap();

    let list = settled(&alive.api, &ccn).await;
    let email: Vec<_> = list.iter().filter(|n| n["channel"] == "EMAIL").collect();
    assert_eq!(email.len(), 1, "{list:?}");
    assert_eq!(email[0]["ntfStatCd"], "SENT", "{list:?}");
    assert_eq!(
        messages_in(&maildir),
        1,
        "sent once, by the instance that lived"
    );
}
