//! The browser's side of `cargo xtask test`: the SPA's wasm-bindgen tests in headless Chromium,
//! and the release build driven by Playwright (e2e/browser), each against a real server
//! (`RunningServer`), with the npm packages its scripts import (`node_scripts`).

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use crate::{cmd, root, run, target_dir, tools_dir, Result, WASM_TARGET};

/// `scripts` from `from` (a directory with a package.json pinning what they import), copied
/// into .tools/NAME beside their npm packages (no node_modules in git); npm installs again when
/// that package.json changes. Returns the directory to run them in.
pub(crate) fn node_scripts(name: &str, from: &Path, scripts: &[&str]) -> Result<PathBuf> {
    let dir = tools_dir().join(name);
    let wanted = fs::read_to_string(from.join("package.json"))
        .map_err(|e| format!("{}: {e}", from.join("package.json").display()))?;
    // Written after a successful install: what that install was of.
    let stamp = dir.join("installed-package.json");
    if fs::read_to_string(&stamp).ok().as_deref() != Some(wanted.as_str()) {
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        fs::write(dir.join("package.json"), &wanted).map_err(|e| e.to_string())?;
        run(cmd("npm")
            .current_dir(&dir)
            .args(["install", "--no-audit", "--no-fund"])
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"))?;
        fs::write(&stamp, &wanted).map_err(|e| e.to_string())?;
    }
    for script in scripts {
        fs::copy(from.join(script), dir.join(script)).map_err(|e| format!("copy {script}: {e}"))?;
    }
    Ok(dir)
}

/// The release SPA and console from the real server, driven in Chromium by Playwright
/// (e2e/browser): the console's flows, the customer-to-counselor and seller loops, axe on
/// every page and dialog of the console and of the app (each locale, in the shell). Writes the console screenshots into docs/screenshots.
pub(crate) fn browser_e2e() -> Result {
    const SCRIPTS: [&str; 9] = [
        "lib.mjs",
        "console.test.mjs",
        "loop.test.mjs",
        "seller.test.mjs",
        "store.test.mjs",
        "records.test.mjs",
        "report.test.mjs",
        "load.test.mjs",
        "a11y.test.mjs",
    ];
    // The integration API's key for this run (store.test.mjs feeds the store's data with it).
    let integration_key = format!("e2e-{}", std::process::id());
    let dir = node_scripts("e2e", &root().join("e2e/browser"), &SCRIPTS)?;
    let (dist, console) = (root().join("dist"), root().join("console/dist"));
    let server = RunningServer::spawn(
        "e2e-browser",
        &target_dir().join("debug/inquiry-server"),
        &[
            "--seed",
            "demo",
            "--writes-per-minute",
            "0",
            "--static",
            &dist.to_string_lossy(),
            "--console",
            &console.to_string_lossy(),
            "--integration-key",
            &integration_key,
        ],
    )?;
    run(cmd("node")
        .current_dir(&dir)
        .args(["--test", "--test-concurrency=1", "--test-reporter=spec"])
        .args(&SCRIPTS[1..])
        .env("INQUIRY_E2E_BASE", &server.url)
        .env("INQUIRY_E2E_INTEGRATION_KEY", &integration_key)
        .env("INQUIRY_E2E_SCREENSHOTS", root().join("docs/screenshots")))
}

/// A reference server on a free loopback port with a fresh demo database; killed on drop.
pub(crate) struct RunningServer {
    child: std::process::Child,
    pub(crate) url: String,
}

impl RunningServer {
    /// The debug build with the demo seed (browser tests; many writes by one demo member a
    /// minute, so no rate limits: the API tests check those).
    pub(crate) fn start(name: &str) -> Result<Self> {
        Self::spawn(
            name,
            &target_dir().join("debug/inquiry-server"),
            &["--seed", "demo", "--writes-per-minute", "0"],
        )
    }

    /// `binary` with `args`, a fresh database in target/xtask/NAME and a free port.
    pub(crate) fn spawn(name: &str, binary: &Path, args: &[&str]) -> Result<Self> {
        let dir = target_dir().join("xtask").join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let log = fs::File::create(dir.join("server.log")).map_err(|e| e.to_string())?;
        let child = Command::new(binary)
            .args(["--addr", &format!("127.0.0.1:{port}")])
            .args(args)
            .arg("--db")
            .arg(dir.join("test.db"))
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("cannot start inquiry-server: {e}"))?;
        let server = RunningServer {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        // Seeding happens before the server listens (the bench seed takes a while).
        for _ in 0..3000 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                println!(
                    "reference server for {name} tests: {} (log: {})",
                    server.url,
                    dir.join("server.log").display()
                );
                return Ok(server);
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Err(format!(
            "inquiry-server did not listen on {port} within 300 s; see {}",
            dir.join("server.log").display()
        ))
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// wasm-bindgen-test in headless Chromium against a freshly seeded reference server.
pub(crate) fn browser_tests() -> Result {
    run(cmd("cargo").args(["build", "-p", "inquiry-server"]))?;
    let server = RunningServer::start("browser")?;
    run(cmd("cargo")
        .args([
            "test",
            "-p",
            "inquiry-desk",
            "--target",
            WASM_TARGET,
            "--test",
            "web",
            "--test",
            "form",
            "--test",
            "embed",
        ])
        .env("INQUIRY_DESK_TEST_API", &server.url)
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "180"))
}
