//! The release build of the SPA (`dist/`, as `cargo xtask serve` ships it), served by the real
//! inquiry-server with a seeded database, loaded in headless Chromium. Catches what unit and
//! wasm tests can't: a broken wasm-opt pass, a missing asset, index.html's mount seam, the
//! server's SPA fallback. Also takes the README's screenshots.

use std::{
    path::{Path, PathBuf},
    process::Command,
};

use inquiry_server::{blobs::Blobs, config::Config, seed, store::Store, Server};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

struct Browser {
    profile: tempfile::TempDir,
}

impl Browser {
    fn new() -> Self {
        assert!(
            Path::new("/usr/bin/chromium").exists(),
            "Chromium is needed: apt-get install chromium chromium-driver (cargo xtask test does this as root)"
        );
        Self {
            profile: tempfile::tempdir().unwrap(),
        }
    }

    fn run(&self, width: u32, height: u32, extra: &[String], url: &str) -> String {
        let out = Command::new("/usr/bin/chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                "--lang=ko-KR",
                "--virtual-time-budget=15000",
                &format!("--window-size={width},{height}"),
                &format!("--user-data-dir={}", self.profile.path().display()),
            ])
            .args(extra)
            .arg(url)
            .output()
            .expect("run chromium");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The DOM after the app has loaded its data.
    fn dom(&self, url: &str) -> String {
        self.run(1280, 900, &["--dump-dom".to_owned()], url)
    }

    fn screenshot(&self, url: &str, file: &str, width: u32, height: u32) {
        let path = root().join("docs/screenshots").join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&path);
        self.run(
            width,
            height,
            &[format!("--screenshot={}", path.display())],
            url,
        );
        let png = std::fs::read(&path).unwrap_or_else(|_| panic!("no screenshot {file}"));
        assert_eq!(&png[..4], b"\x89PNG");
    }
}

async fn first_with_status(base: &str, code: &str) -> String {
    let body: Value = reqwest::Client::new()
        .get(format!(
            "{base}/api/order/v1/customerservice/getQuestion?ccnStatCd={code}&pageSize=30"
        ))
        .bearer_auth("demo-member-1")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    body["payload"]["content"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| code != "30" || r["goodsNo"].is_string())
        .expect("seeded inquiry")["ccnNo"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// The reference server on a free port with a seeded database, serving `dist/`; its base URL.
async fn start_server() -> (String, tempfile::TempDir) {
    let dist = root().join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "dist/ is missing: build the SPA first (cargo xtask build)"
    );
    let data = tempfile::tempdir().unwrap();
    let mut config = Config::new(data.path().to_path_buf());
    config.static_dir = Some(dist);
    let console = root().join("console/dist");
    assert!(
        console.join("index.html").is_file(),
        "console/dist/ is missing: build it first (cargo xtask build)"
    );
    config.console_dir = Some(console);
    let store = Store::open(None, &data.path().join("e2e.db"))
        .await
        .unwrap();
    let blobs = Blobs::local(data.path()).unwrap();
    seed::demo(&store, &blobs, &config).await.unwrap();
    let server = Server::bind("127.0.0.1:0".parse().unwrap(), store, blobs, config)
        .await
        .unwrap();
    let base = format!("http://{}", server.local_addr());
    tokio::spawn(server.run(std::future::pending()));
    (base, data)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn release_spa_shows_list_and_detail_from_the_real_server() {
    let (base, _data) = start_server().await;

    let answered = first_with_status(&base, "30").await;
    let received = first_with_status(&base, "10").await;
    let b = base.clone();
    tokio::task::spawn_blocking(move || {
        let browser = Browser::new();

        let list = browser.dom(&format!("{b}/"));
        assert!(
            list.contains("data-page=\"list\""),
            "the app mounted:\n{list}"
        );
        assert_eq!(
            count(&list, "class=\"idk-row\""),
            10,
            "a first page of seeded inquiries:\n{list}"
        );
        assert!(list.contains("idk-badge-received"));

        // A client route loaded directly (server falls back to index.html).
        let detail = browser.dom(&format!("{b}/{answered}"));
        assert!(detail.contains("data-page=\"detail\""), "{detail}");
        assert!(detail.contains("idk-reply-counselor"), "the answer thread");
        assert!(
            detail.contains("idk-lock-reason"),
            "edit/delete locked with the reason"
        );
        assert_eq!(count(&detail, " disabled=\"\""), 2, "both actions disabled");

        let open = browser.dom(&format!("{b}/{received}"));
        assert!(open.contains("data-page=\"detail\""));
        assert!(
            !open.contains("idk-lock-reason"),
            "a received inquiry is editable"
        );
        assert!(open.contains(&format!("href=\"/{received}/edit\"")));

        browser.screenshot(&format!("{b}/?period=1y"), "list.png", 1280, 1000);
        browser.screenshot(&format!("{b}/{answered}"), "detail.png", 1280, 1200);
        browser.screenshot(&format!("{b}/?period=1y"), "list-360.png", 360, 900);

        let form = browser.dom(&format!("{b}/new?ref={answered}"));
        assert!(form.contains("data-page=\"new\""), "{form}");
        assert!(
            form.contains("idk-picked"),
            "a follow-up carries the product over"
        );
        browser.screenshot(&format!("{b}/new?ref={answered}"), "new.png", 1280, 1500);
    })
    .await
    .unwrap();
}

/// The example storefront shell (`/shell/`) embeds the release build at a sub-path, with a token
/// provider, in each locale; screenshots at 1280 and 360 px for the README.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_storefront_shell_embeds_the_app_in_each_locale() {
    use inquiry_desk::i18n::{I18n, Locale};
    let (base, _data) = start_server().await;
    let answered = first_with_status(&base, "30").await;
    let b = base.clone();
    tokio::task::spawn_blocking(move || {
        let browser = Browser::new();
        for locale in Locale::ALL {
            let i18n = I18n::new(locale, None);
            let tag = locale.tag();
            let page = format!("{b}/shell/{tag}/mypage/inquiry");
            let list = browser.dom(&page);
            assert!(
                list.contains("data-page=\"list\""),
                "{tag}: the app mounted in the shell:\n{list}"
            );
            assert!(
                list.contains(&format!("class=\"inquiry-desk\" lang=\"{tag}\"")),
                "{tag}: the app's lang"
            );
            // The app's own words (the shell has a few of the same).
            assert!(
                list.contains(&format!("class=\"idk-title\">{}<", i18n.app_title())),
                "{tag}: the app's title"
            );
            assert!(
                list.contains(&format!("aria-hidden=\"true\">{}<", i18n.period())),
                "{tag}: the period filter's label"
            );
            assert_eq!(count(&list, "class=\"idk-row\""), 10, "{tag}: a first page");
            // Links carry the shell's sub-path.
            assert!(
                list.contains(&format!("href=\"/shell/{tag}/mypage/inquiry/new\"")),
                "{tag}"
            );

            let detail = browser.dom(&format!("{page}/{answered}"));
            assert!(
                detail.contains("data-page=\"detail\""),
                "{tag}: a deep link:\n{detail}"
            );
            assert!(
                detail.contains(&i18n.lock_answered()),
                "{tag}: the lock reason"
            );

            browser.screenshot(&page, &format!("shell-{tag}-1280.png"), 1280, 1000);
            browser.screenshot(&page, &format!("shell-{tag}-360.png"), 360, 1400);
        }
    })
    .await
    .unwrap();
}

/// The release dist as a browser gets it: every first-load file brotli- or gzip-compressed from
/// the siblings `cargo xtask build` wrote (decoding to exactly the built file), with the
/// original's content type; the content-hashed files kept a year without asking, the stable
/// names (the page, and the entries storefronts import) revalidated for a 304.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_release_files_are_served_precompressed() {
    use std::io::Read as _;
    let (base, _data) = start_server().await;
    let client = reqwest::Client::new();
    let hashed = |suffix: &str| {
        std::fs::read_dir(root().join("dist"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .find(|n| n.starts_with("inquiry-desk-") && n.ends_with(suffix))
            .unwrap_or_else(|| panic!("no hashed *{suffix} in dist/"))
    };
    let (wasm, js, css) = (hashed("_bg.wasm"), hashed(".js"), hashed(".css"));
    for (file, content_type, immutable) in [
        (wasm.as_str(), "application/wasm", true),
        (js.as_str(), "text/javascript", true),
        (css.as_str(), "text/css", true),
        ("inquiry-desk.js", "text/javascript", false),
        ("inquiry-desk.css", "text/css", false),
        ("index.html", "text/html", false),
    ] {
        let built = std::fs::read(root().join("dist").join(file)).unwrap();
        for encoding in ["br", "gzip"] {
            let r = client
                .get(format!("{base}/{file}"))
                .header("accept-encoding", encoding)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{file}");
            assert_eq!(r.headers()["content-encoding"], encoding, "{file}");
            let ty = r.headers()["content-type"].to_str().unwrap().to_owned();
            assert!(ty.starts_with(content_type), "{file}: {ty}");
            let last_modified = r.headers()["last-modified"].clone();
            let cache = r.headers()["cache-control"].to_str().unwrap().to_owned();
            let body = r.bytes().await.unwrap();
            let mut decoded = Vec::new();
            if encoding == "br" {
                brotli::Decompressor::new(&body[..], 4096)
                    .read_to_end(&mut decoded)
                    .unwrap();
            } else {
                flate2::read::GzDecoder::new(&body[..])
                    .read_to_end(&mut decoded)
                    .unwrap();
            }
            assert!(decoded == built, "{file} ({encoding}) decodes to the build");
            assert!(
                body.len() < built.len(),
                "{file} ({encoding}) is compressed"
            );
            if immutable {
                assert_eq!(cache, "public, max-age=31536000, immutable", "{file}");
                continue;
            }
            assert_eq!(cache, "no-cache", "{file}");
            let again = client
                .get(format!("{base}/{file}"))
                .header("accept-encoding", encoding)
                .header("if-modified-since", last_modified)
                .send()
                .await
                .unwrap();
            assert_eq!(again.status(), 304, "{file}: a repeat visit revalidates");
        }
    }
}

/// The counselors' console is its own build at /console/: it starts, asks a signed-out
/// counselor to sign in (also on a deep link), and none of its files is the SPA's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_is_served_at_its_own_path_and_asks_to_sign_in() {
    let (base, _data) = start_server().await;
    let browser = Browser::new();
    for path in ["/console/", "/console/inquiries/20261101000001"] {
        let dom = browser.dom(&format!("{base}{path}"));
        assert!(dom.contains("data-page=\"login\""), "{path}: {dom}");
        assert!(dom.contains("상담원 토큰"), "{path}");
    }
    let spa = std::fs::read_to_string(root().join("dist/index.html")).unwrap();
    assert!(
        !spa.contains("inquiry-console"),
        "the SPA loads nothing of the console"
    );
    browser.screenshot(&format!("{base}/console/"), "console-login.png", 1100, 640);
}
