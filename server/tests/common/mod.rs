//! Test harness: a real inquiry-server on an ephemeral loopback port with a fresh, demo-seeded
//! database — SQLite in a temp dir, or, when `INQUIRY_TEST_DATABASE_URL` names a PostgreSQL
//! server (as `cargo xtask test` does for its second pass), a fresh database there — photos in
//! the temp dir, and a reqwest client.

#![allow(dead_code)]

use std::{net::SocketAddr, path::PathBuf};

use inquiry_server::{
    blobs::Blobs,
    config::Config,
    seed,
    store::{Engine, Store},
    Server,
};

mod services;

use reqwest::{multipart, Client, Method, RequestBuilder, Response, StatusCode};
use serde_json::Value;
pub use services::*;
use tempfile::TempDir;
use tokio::sync::oneshot;

pub const MEMBER1: &str = "demo-member-1";
pub const MEMBER2: &str = "demo-member-2";
pub const MEMBER3: &str = "demo-member-3";
pub const COUNSELOR: &str = "demo-counselor";
#[allow(dead_code)]
pub const COUNSELOR2: &str = "demo-counselor-2";
pub const MANAGER: &str = "demo-manager";
pub const CS: &str = "/api/order/v1/customerservice";
pub const BO: &str = "/api/bo/v1/customerservice";

pub struct TestServer {
    pub addr: SocketAddr,
    pub client: Client,
    pub dir: TempDir,
    /// The server's store and blob store (a server in this process only): what a test may
    /// run against it directly, as the retention purge with a moved clock.
    pub store: Option<Store>,
    pub blobs: Option<Blobs>,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

pub async fn start() -> TestServer {
    start_with(|_| {}).await
}

pub async fn start_with(configure: impl FnOnce(&mut Config)) -> TestServer {
    start_with_blobs(configure, None).await
}

/// A server whose photos go to `blobs` (after seeding into the temp dir) instead.
pub async fn start_with_blobs(
    configure: impl FnOnce(&mut Config),
    blobs_after_seed: Option<Blobs>,
) -> TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let db_path = dir.path().join("test.db");
    let mut config = Config::new(dir.path().to_path_buf());
    configure(&mut config);
    let url = match api_engine() {
        Engine::Postgres => {
            let admin = postgres_admin_url().expect(
                "INQUIRY_TEST_ENGINE=postgres needs INQUIRY_TEST_POSTGRES_URL (cargo xtask test sets both)",
            );
            Some(fresh_postgres_database(&admin).await)
        }
        Engine::Sqlite => None,
    };
    let store = Store::open(url.as_deref(), &db_path)
        .await
        .expect("open db");
    let blobs = Blobs::local(dir.path()).expect("photo folder");
    assert!(matches!(
        seed::demo(&store, &blobs, &config).await.expect("seed"),
        seed::Outcome::Seeded(_)
    ));
    let blobs = blobs_after_seed.unwrap_or(blobs);
    let (kept_store, kept_blobs) = (store.clone(), blobs.clone());
    let server = Server::bind("127.0.0.1:0".parse().unwrap(), store, blobs, config)
        .await
        .expect("bind");
    let addr = server.local_addr();
    let (tx, rx) = oneshot::channel();
    tokio::spawn(server.run(async {
        let _ = rx.await;
    }));
    TestServer {
        addr,
        client: Client::new(),
        dir,
        store: Some(kept_store),
        blobs: Some(kept_blobs),
        stop: Some(tx),
    }
}

impl TestServer {
    /// The API of a server running elsewhere (another process) at `addr`.
    pub fn at(addr: SocketAddr) -> Self {
        TestServer {
            addr,
            client: Client::new(),
            dir: tempfile::tempdir().expect("temp dir"),
            store: None,
            blobs: None,
            stop: None,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn photo_dir(&self) -> PathBuf {
        self.dir.path().join("photos")
    }

    pub fn req(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let r = self.client.request(method, self.url(path));
        match token {
            Some(t) => r.bearer_auth(t),
            None => r,
        }
    }

    pub fn get(&self, path: &str, token: &str) -> RequestBuilder {
        self.req(Method::GET, path, Some(token))
    }

    /// GET a member operation and return (status, body).
    pub async fn get_json(&self, path: &str, token: &str) -> (StatusCode, Value) {
        read(self.get(path, token).send().await.expect("request")).await
    }

    pub async fn post_json(&self, path: &str, token: &str, body: Value) -> (StatusCode, Value) {
        read(
            self.req(Method::POST, path, Some(token))
                .json(&body)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn save(&self, token: &str, form: multipart::Form) -> (StatusCode, Value) {
        read(
            self.req(Method::POST, &format!("{CS}/questionSave"), Some(token))
                .multipart(form)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    /// `questionSave` with an `Idempotency-Key`.
    pub async fn save_keyed(
        &self,
        token: &str,
        key: &str,
        form: multipart::Form,
    ) -> (StatusCode, Value) {
        read(
            self.req(Method::POST, &format!("{CS}/questionSave"), Some(token))
                .header("Idempotency-Key", key)
                .multipart(form)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn modify(&self, token: &str, form: multipart::Form) -> (StatusCode, Value) {
        read(
            self.req(Method::PUT, &format!("{CS}/questionMod"), Some(token))
                .multipart(form)
                .send()
                .await
                .expect("request"),
        )
        .await
    }

    pub async fn delete(&self, token: &str, ccn_no: &str) -> (StatusCode, Value) {
        read(
            self.req(
                Method::DELETE,
                &format!("{CS}/questionDel?ccnNo={ccn_no}"),
                Some(token),
            )
            .send()
            .await
            .expect("request"),
        )
        .await
    }

    pub async fn detail(&self, token: &str, ccn_no: &str) -> (StatusCode, Value) {
        self.get_json(&format!("{CS}/getQuestionDtl?ccnNo={ccn_no}"), token)
            .await
    }

    /// Inquiries of a member in the default period with a status, newest first.
    pub async fn list(&self, token: &str, query: &str) -> Value {
        let (status, body) = self
            .get_json(&format!("{CS}/getQuestion?{query}"), token)
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// The `ccnNo` of one of the member's inquiries with this status (seeded data has all).
    pub async fn any_with_status(&self, token: &str, code: &str) -> String {
        let today = chrono::Utc::now().date_naive();
        let start = today - chrono::Duration::days(360);
        let body = self
            .list(
                token,
                &format!("ccnStatCd={code}&startDt={start}&endDt={today}&pageSize=30"),
            )
            .await;
        body["payload"]["content"][0]["ccnNo"]
            .as_str()
            .unwrap_or_else(|| panic!("no inquiry with status {code}: {body}"))
            .to_owned()
    }

    /// One of the member's ordered goods: (ordNo, goodsNo, itmNo).
    pub async fn ordered_goods(&self, token: &str) -> (String, String, String) {
        let (_, body) = self
            .get_json(
                "/api/order/v1/customer/getOrderClaimGoodsList?pageSize=1",
                token,
            )
            .await;
        let g = &body["payload"]["content"][0];
        (
            g["ordNo"].as_str().unwrap().to_owned(),
            g["goodsNo"].as_str().unwrap().to_owned(),
            g["itmNo"].as_str().unwrap().to_owned(),
        )
    }

    /// A leaf type number with the given goods-required flag.
    pub async fn leaf_type(&self, goods_required: bool) -> String {
        let (_, body) = self
            .get_json(&format!("{CS}/getQuestionInit"), MEMBER1)
            .await;
        let want = if goods_required { "Y" } else { "N" };
        body["payload"]["cnslTypes"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|l| l["children"].as_array().unwrap().iter())
            .find(|c| c["goodsSelMdtyYn"] == want)
            .map(|c| c["cnslTypNo"].as_str().unwrap().to_owned())
            .expect("leaf type")
    }
}

/// Two counselors answered one inquiry at once (through one server or two): exactly one
/// answer landed and the other was refused `ALREADY_ANSWERED` with the answer that won.
/// Returns (won, lost).
pub async fn race_two_answers(
    (a, a_token): (&TestServer, &str),
    (b, b_token): (&TestServer, &str),
    ccn_no: &str,
) -> ((StatusCode, Value), (StatusCode, Value)) {
    let ans = format!("{BO}/questionAns");
    let (first, second) = tokio::join!(
        a.post_json(
            &ans,
            a_token,
            serde_json::json!({"ccnNo": ccn_no, "ansCont": "첫 번째 상담원의 답변"})
        ),
        b.post_json(
            &ans,
            b_token,
            serde_json::json!({"ccnNo": ccn_no, "ansCont": "두 번째 상담원의 답변"})
        ),
    );
    let (won, lost) = match (first.0, second.0) {
        (StatusCode::OK, StatusCode::CONFLICT) => (first, second),
        (StatusCode::CONFLICT, StatusCode::OK) => (second, first),
        other => panic!(
            "exactly one answer lands: {other:?} {} {}",
            first.1, second.1
        ),
    };
    assert_eq!(lost.1["code"], "ALREADY_ANSWERED");
    assert_eq!(
        lost.1["payload"]["replies"], won.1["payload"]["replies"],
        "the refusal carries the answer that won"
    );
    (won, lost)
}

pub async fn read(resp: Response) -> (StatusCode, Value) {
    let status = resp.status();
    let text = resp.text().await.expect("body");
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("status {status}: body is not JSON ({e}): {text}"));
    (status, body)
}

/// Asserts an error envelope with this status and, if given, a field error with this code.
pub fn assert_error(
    status: StatusCode,
    body: &Value,
    want: StatusCode,
    field_code: Option<(&str, &str)>,
) {
    assert_eq!(status, want, "{body:#}");
    assert_eq!(body["error"], true, "{body:#}");
    assert_eq!(body["isProcess"], false, "{body:#}");
    assert!(
        !body["message"].as_str().unwrap_or("").is_empty(),
        "{body:#}"
    );
    if let Some((field, code)) = field_code {
        let errors = body["errors"].as_array().expect("errors array");
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "expected {field}/{code} in {body:#}"
        );
    }
}

pub fn png_bytes(width: u32, height: u32) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let mut w = enc.write_header().unwrap();
        let data: Vec<u8> = (0..width * height * 3).map(|i| (i % 251) as u8).collect();
        w.write_image_data(&data).unwrap();
    }
    out
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .expect("fixture")
}

pub fn file_part(name: &str, bytes: Vec<u8>, declared: &str) -> multipart::Part {
    multipart::Part::bytes(bytes)
        .file_name(name.to_owned())
        .mime_str(declared)
        .unwrap()
}

/// A valid registration form without goods (a type that doesn't require goods).
pub fn base_form(cnsl_typ_no: &str, title: &str, content: &str) -> multipart::Form {
    multipart::Form::new()
        .text("cnslTypNo", cnsl_typ_no.to_owned())
        .text("ccnTitle", title.to_owned())
        .text("accpCont", content.to_owned())
        .text("smsRcvYn", "Y")
}

/// `Authorization: CEA …` for a seller API request, signed at `at` (UTC) with `secret`: HMAC
/// computed here, as a seller's client would, not with the server's signer.
pub fn cea_header(
    access_key: &str,
    secret: &str,
    method: &str,
    path_and_query: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let date = at.format("%y%m%dT%H%M%SZ").to_string();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{date}{method}{path}{query}").as_bytes());
    let signature = hex::encode(mac.finalize().into_bytes());
    format!("CEA algorithm=HmacSHA256, access-key={access_key}, signed-date={date}, signature={signature}")
}
