//! The store's own tokens: HS256 with a shared secret, and RS256/ES256 against a JWKS the test
//! serves and rotates mid-test; every refusal names its reason; roles make counselors; the
//! demo's JWTs (the shell's login) go through the same verifier.

use std::{
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::Duration,
};

use inquiry_server::identity::{
    demo::DemoIssuer, jwks::Jwks, ClaimMap, Identity, JwtConfig, JwtVerifier, KeySource,
};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::{
    common::{base_form, start_with, TestServer, BO, CS, MEMBER1},
    year_query,
};

const SECRET: &[u8] = b"the store's HS256 secret, 32+ bytes long";
const ISS: &str = "https://auth.shop.example.com";
const AUD: &str = "inquiry-desk";

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

fn claims(sub: &str) -> Value {
    json!({"iss": ISS, "aud": AUD, "sub": sub, "name": "김토큰", "iat": now(), "exp": now() + 300})
}

fn hs256(claims: &Value) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(SECRET),
    )
    .unwrap()
}

fn with_store_tokens(keys: KeySource) -> impl FnOnce(&mut inquiry_server::Config) {
    move |c| {
        let mut jwt = JwtConfig::new(keys);
        jwt.issuer = Some(ISS.into());
        jwt.audience = Some(AUD.into());
        c.identity = Arc::new(Identity::new(
            Some(JwtVerifier::new(jwt)),
            Some(DemoIssuer::generate()),
        ));
    }
}

async fn list_status(s: &TestServer, token: &str) -> (StatusCode, Value) {
    s.get_json(&format!("{CS}/getQuestion?{}", year_query()), token)
        .await
}

#[tokio::test]
async fn a_stores_hs256_token_signs_in_its_member_and_every_bad_token_says_why() {
    let s = start_with(with_store_tokens(KeySource::Hs256(SECRET.to_vec()))).await;

    // A member the store has not fed yet: signed in, and can register.
    let token = hs256(&claims("SHOP-1001"));
    let (status, body) = list_status(&s, &token).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["payload"]["pagination"]["totalElements"], 0, "{body}");
    let typ = s.leaf_type(false).await;
    let (status, saved) = s
        .save(
            &token,
            base_form(&typ, "토큰으로 문의", "스토어 로그인 토큰으로 등록합니다."),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{saved}");
    let (_, body) = list_status(&s, &token).await;
    assert_eq!(body["payload"]["pagination"]["totalElements"], 1);
    // Its inquiry is its own: another member's token does not see it.
    let (_, other) = list_status(&s, &hs256(&claims("SHOP-1002"))).await;
    assert_eq!(other["payload"]["pagination"]["totalElements"], 0);

    // Another member's claims under this token's signature.
    let signature = &token[token.rfind('.').unwrap()..];
    let theirs = hs256(&claims("SHOP-1002"));
    let tampered = format!("{}{signature}", &theirs[..theirs.rfind('.').unwrap()]);
    let mut forged = hs256(&claims("SHOP-1001"));
    forged.truncate(forged.rfind('.').unwrap());
    forged.push_str(".c2lnbmF0dXJl");
    let with = |k: &str, v: Value| {
        let mut c = claims("SHOP-1001");
        c[k] = v;
        c
    };
    let mut no_sub = claims("x");
    no_sub.as_object_mut().unwrap().remove("sub");
    let other_key = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims("SHOP-1001"),
        &EncodingKey::from_secret(b"another secret entirely, 32 bytes+"),
    )
    .unwrap();
    let hs512 = jsonwebtoken::encode(
        &Header::new(Algorithm::HS512),
        &claims("SHOP-1001"),
        &EncodingKey::from_secret(SECRET),
    )
    .unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        ("expired", hs256(&with("exp", json!(now() - 120))), "만료"),
        (
            "not yet valid",
            hs256(&with("nbf", json!(now() + 600))),
            "nbf",
        ),
        (
            "wrong issuer",
            hs256(&with("iss", json!("https://evil.example.com"))),
            "발급자(iss)",
        ),
        (
            "wrong audience",
            hs256(&with("aud", json!("another-app"))),
            "aud",
        ),
        ("tampered", tampered, "서명"),
        ("forged signature", forged, "서명"),
        ("another key", other_key, "서명"),
        ("another algorithm", hs512, "알고리즘"),
        ("no subject", hs256(&no_sub), "클레임(sub)"),
        ("not a token", "a.b.c".to_owned(), "형식"),
        (
            "unknown opaque token",
            "not-a-demo-token".to_owned(),
            "로그인이 필요",
        ),
    ];
    for (what, token, says) in cases {
        let (status, body) = list_status(&s, &token).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}: {body}");
        assert_eq!(body["code"], "UNAUTHORIZED", "{what}");
        let message = body["message"].as_str().unwrap();
        assert!(message.contains(says), "{what}: {message}");
    }
    // Within the leeway an expired-by-seconds token still counts (clocks disagree a little).
    let (status, _) = list_status(&s, &hs256(&with("exp", json!(now() - 5)))).await;
    assert_eq!(status, StatusCode::OK);
    // The demo's opaque tokens stay, as one more source.
    let (status, _) = list_status(&s, MEMBER1).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn roles_make_counselors_by_the_claims_a_store_names() {
    let s = start_with(move |c| {
        let mut jwt = JwtConfig::new(KeySource::Hs256(SECRET.to_vec()));
        jwt.claims = ClaimMap {
            subject: "employee_no".into(),
            name: "display_name".into(),
            roles: "realm_access.roles".into(),
        };
        c.identity = Arc::new(Identity::new(Some(JwtVerifier::new(jwt)), None));
    })
    .await;
    let counselor = hs256(
        &json!({"sub": "uuid-1", "employee_no": "E-77", "display_name": "박상담",
        "realm_access": {"roles": ["offline_access", "counselor"]}, "exp": now() + 300}),
    );
    let (status, me) = s.get_json(&format!("{BO}/whoami"), &counselor).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(
        (
            me["payload"]["cnslrNo"].as_str(),
            me["payload"]["cnslrNm"].as_str()
        ),
        (Some("E-77"), Some("박상담"))
    );
    let manager = hs256(
        &json!({"employee_no": "E-1", "realm_access": {"roles": ["manager"]}, "exp": now() + 300}),
    );
    assert_eq!(
        s.get_json(&format!("{BO}/whoami"), &manager).await.0,
        StatusCode::OK
    );
    // The counselor can take work: their row exists for assignments.
    let (status, list) = s
        .get_json(
            &format!("{BO}/getQuestionList?{}", year_query()),
            &counselor,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{list}");

    let member = hs256(
        &json!({"employee_no": "M-5", "realm_access": {"roles": ["customer"]}, "exp": now() + 300}),
    );
    let (status, body) = s.get_json(&format!("{BO}/whoami"), &member).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(list_status(&s, &member).await.0, StatusCode::OK);
    // Demo tokens are off in this deployment.
    assert_eq!(list_status(&s, MEMBER1).await.0, StatusCode::UNAUTHORIZED);
}

/// A JWKS server: the key set it serves now, and how many times it was fetched.
struct JwksServer {
    url: String,
    keys: Arc<Mutex<Value>>,
    fetches: Arc<AtomicUsize>,
}

async fn jwks_server(initial: Value) -> JwksServer {
    let keys = Arc::new(Mutex::new(initial));
    let fetches = Arc::new(AtomicUsize::new(0));
    let (k, f) = (keys.clone(), fetches.clone());
    let app = axum::Router::new().route(
        "/.well-known/jwks.json",
        axum::routing::get(move || {
            let (k, f) = (k.clone(), f.clone());
            async move {
                f.fetch_add(1, Ordering::SeqCst);
                axum::Json(k.lock().unwrap().clone())
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    JwksServer {
        url: format!("http://{addr}/.well-known/jwks.json"),
        keys,
        fetches,
    }
}

/// An RSA key made by openssl: (its PEM, its JWK with `kid`).
fn rsa_key(kid: &str) -> (EncodingKey, Value) {
    let dir = tempfile::tempdir().unwrap();
    let pem = dir.path().join("k.pem");
    let ok = std::process::Command::new("openssl")
        .args([
            "genpkey",
            "-algorithm",
            "RSA",
            "-pkeyopt",
            "rsa_keygen_bits:2048",
            "-out",
        ])
        .arg(&pem)
        .output()
        .expect("openssl (cargo xtask installs it)");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let modulus = std::process::Command::new("openssl")
        .args(["rsa", "-noout", "-modulus", "-in"])
        .arg(&pem)
        .output()
        .unwrap();
    let hex_n = String::from_utf8(modulus.stdout)
        .unwrap()
        .trim()
        .trim_start_matches("Modulus=")
        .to_owned();
    let n = base64_url(&hex::decode(hex_n).unwrap());
    let key = EncodingKey::from_rsa_pem(&std::fs::read(&pem).unwrap()).unwrap();
    (
        key,
        json!({"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256", "n": n, "e": "AQAB"}),
    )
}

/// A P-256 key made by ring: (its signing key, its JWK with `kid`).
fn ec_key(kid: &str) -> (EncodingKey, Value) {
    use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING as ALG};
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ALG, &rng).unwrap();
    let pair = EcdsaKeyPair::from_pkcs8(&ALG, pkcs8.as_ref(), &rng).unwrap();
    let p = pair.public_key().as_ref();
    let jwk = json!({"kty": "EC", "crv": "P-256", "kid": kid, "x": base64_url(&p[1..33]), "y": base64_url(&p[33..65])});
    (EncodingKey::from_ec_der(pkcs8.as_ref()), jwk)
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn signed(alg: Algorithm, kid: &str, key: &EncodingKey, sub: &str) -> String {
    let mut header = Header::new(alg);
    header.kid = Some(kid.into());
    jsonwebtoken::encode(&header, &claims(sub), key).unwrap()
}

#[tokio::test]
async fn jwks_keys_are_fetched_and_a_rotation_needs_no_restart() {
    let (rsa, rsa_jwk) = tokio::task::spawn_blocking(|| rsa_key("2026-11"))
        .await
        .unwrap();
    let jwks = jwks_server(json!({"keys": [rsa_jwk]})).await;
    let refetch = Duration::from_millis(700);
    let source = KeySource::Jwks(Jwks::remote_with(&jwks.url, refetch).unwrap());
    let s = start_with(with_store_tokens(source)).await;

    let old = signed(Algorithm::RS256, "2026-11", &rsa, "SHOP-2001");
    assert_eq!(list_status(&s, &old).await.0, StatusCode::OK);
    assert_eq!(list_status(&s, &old).await.0, StatusCode::OK);
    assert_eq!(
        jwks.fetches.load(Ordering::SeqCst),
        1,
        "keys are kept, not fetched per request"
    );
    // The key set accepts no HS256 (no algorithm confusion with a public key).
    let confused = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims("SHOP-2001"),
        &EncodingKey::from_secret(SECRET),
    )
    .unwrap();
    let (status, body) = list_status(&s, &confused).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(
        body["message"].as_str().unwrap().contains("알고리즘"),
        "{body}"
    );

    // The store rotates to an ES256 key and drops the RSA one.
    let (ec, ec_jwk) = ec_key("2026-12");
    *jwks.keys.lock().unwrap() = json!({"keys": [ec_jwk]});
    let new = signed(Algorithm::ES256, "2026-12", &ec, "SHOP-2001");
    // The last fetch was moments ago: made-up key ids cost no more fetches until the interval ends.
    let start = std::time::Instant::now();
    let mut fetches_before = jwks.fetches.load(Ordering::SeqCst);
    loop {
        let (status, body) = list_status(&s, &new).await;
        if status == StatusCode::OK {
            break;
        }
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the new key was never fetched"
        );
        assert!(jwks.fetches.load(Ordering::SeqCst) <= fetches_before + 1);
        fetches_before = jwks.fetches.load(Ordering::SeqCst);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        jwks.fetches.load(Ordering::SeqCst),
        2,
        "one fetch for the rotation"
    );
    for i in 0..20 {
        let bogus = signed(Algorithm::ES256, &format!("made-up-{i}"), &ec, "SHOP-2001");
        let (status, body) = list_status(&s, &bogus).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
        assert!(
            !body["message"].as_str().unwrap().contains("made-up"),
            "never which key: {body}"
        );
    }
    assert!(
        jwks.fetches.load(Ordering::SeqCst) <= 3,
        "at most one fetch per interval"
    );
    // The dropped key no longer signs in; the member's inquiries are the same member's.
    assert_eq!(list_status(&s, &old).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(list_status(&s, &new).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_demo_login_issues_jwts_verified_by_its_published_keys() {
    let s = start_with(|_| {}).await;
    let (status, keys) =
        crate::common::read(s.client.get(s.url("/demo/jwks.json")).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(keys["keys"][0]["alg"], "ES256");
    let (status, login) = s
        .post_json("/demo/token", "", json!({"account": MEMBER1}))
        .await;
    assert_eq!(status, StatusCode::OK, "{login}");
    let token = login["payload"]["token"].as_str().unwrap();
    assert_eq!(token.split('.').count(), 3, "a JWT");
    assert_eq!(login["payload"]["expiresIn"], 600);
    // The same member as the demo token names.
    assert_eq!(
        list_status(&s, token).await.1["payload"]["pagination"],
        list_status(&s, MEMBER1).await.1["payload"]["pagination"]
    );
    let (status, _) = s
        .post_json("/demo/token", "", json!({"account": "nobody"}))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, me) = s
        .get_json(
            &format!("{BO}/whoami"),
            s.post_json("/demo/token", "", json!({"account": "demo-counselor"}))
                .await
                .1["payload"]["token"]
                .as_str()
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{me}");
}
