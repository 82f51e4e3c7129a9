//! `cargo xtask <command>` — the project's two README commands and what they stand on.
//!
//! * `serve`: install what is missing, build the SPA (release), start inquiry-server with a
//!   seeded database serving it, print the URL and demo tokens.
//! * `test`: fmt check, clippy -D warnings, every native test, then the browser tests.
//! * `install`: only install the tools (idempotent).
//! * `build`: only build the SPA release into `dist/`.
//!
//! Standard library plus two compressors (brotli, flate2), so this builds in seconds on a fresh
//! machine.

mod bench;
mod browser;
mod dist;
mod services;
mod size;
mod split;
mod tools;

use browser::{browser_e2e, browser_tests, node_scripts, RunningServer};

use tools::*;

use std::{
    env,
    ffi::OsStr,
    fs,
    path::{Path, PathBuf},
    process::{Command, ExitCode, Stdio},
};

const TRUNK_VERSION: &str = "0.21.14";
const BINARYEN_VERSION: &str = "132.0.0";
/// npm esbuild: minifies the SPA's generated JS (xtask/src/split.rs).
const ESBUILD_VERSION: &str = "0.24.2";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("install") => install(Tools::all()),
        Some("build") => install(Tools::build()).and_then(|_| build_spa()),
        Some("size") => size::size(&args[1..]),
        Some("bench") => bench::bench(&args[1..]),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n\
                 commands:\n  \
                 serve [--addr HOST:PORT] [--fresh]   build the SPA and run it with the reference server (seeded demo DB)\n  \
                 test                                 fmt, clippy, all native tests, browser tests\n  \
                 install                              install missing tools (wasm target, trunk, wasm-bindgen-cli, binaryen, chromium)\n  \
                 build                                build the SPA release into dist/ (with .br/.gz siblings)\n  \
                 size [--top N]                       where the SPA's wasm bytes go: by crate, by module, largest functions\n  \
                 bench [--runs N] [--duration SECS]   dist sizes, list-ready vs a static page (first and repeat visit), Lighthouse, server under load\n  \
                 \x20     [--server-only | --browser-only] [--engines sqlite,postgres]"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn tools_dir() -> PathBuf {
    root().join(".tools")
}

fn binaryen_bin() -> PathBuf {
    tools_dir().join("binaryen/node_modules/.bin")
}

fn esbuild_bin() -> PathBuf {
    tools_dir().join("esbuild/node_modules/.bin/esbuild")
}

/// PATH with the project-local binaryen first (Debian's wasm-opt 108 breaks the wasm) and
/// cargo's bin directory present.
fn tool_path() -> String {
    let mut parts = vec![binaryen_bin()];
    if let Some(home) = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin"));
    }
    let mut path = env::join_paths(parts).unwrap().into_string().unwrap();
    if let Ok(old) = env::var("PATH") {
        path.push(':');
        path.push_str(&old);
    }
    path
}

fn cmd(program: &str) -> Command {
    let mut c = Command::new(program);
    c.current_dir(root()).env("PATH", tool_path());
    c
}

fn run(c: &mut Command) -> Result {
    let shown = format!(
        "{} {}",
        c.get_program().to_string_lossy(),
        c.get_args()
            .map(OsStr::to_string_lossy)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("\n$ {shown}");
    let status = c
        .status()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

fn output(c: &mut Command) -> Option<String> {
    let out = c.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn build_spa() -> Result {
    run(cmd("cargo").args(["fetch"]))?;
    // The pages after the list go into chunks of their own (xtask/src/split.rs).
    run(cmd("trunk")
        .args(["build", "--release", "--offline"])
        .env("CARGO_ENCODED_RUSTFLAGS", split::rustflags()))?;
    split::split(&root().join("dist"))?;
    dist::stable_entries(&root().join("dist"))?;
    precompress(&root().join("dist"))?;
    // The counselors' console: a separate trunk build (console/dist, served at /console/), so
    // nothing of it reaches the customer SPA's bytes.
    run(cmd("trunk")
        .args(["build", "--release", "--offline"])
        .current_dir(root().join("console")))?;
    precompress(&root().join("console/dist"))
}

/// File types worth compressing (images and fonts are compressed already).
const COMPRESSIBLE: &[&str] = &["wasm", "js", "css", "html", "svg", "json", "txt"];

/// Writes `name.br` (brotli quality 11, the highest) and `name.gz` (gzip level 9) beside every
/// compressible file of `dir`, once at build time, so the server never compresses them per
/// request (it serves the sibling the client's Accept-Encoding allows).
fn precompress(dir: &Path) -> Result {
    use std::io::Write as _;
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(ext) = path.extension().and_then(OsStr::to_str) else {
            continue;
        };
        if !path.is_file() || !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let data = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let br = brotli_best(&data)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&data).map_err(|e| e.to_string())?;
        let gz = gz.finish().map_err(|e| e.to_string())?;
        for (suffix, bytes) in [("br", br), ("gz", gz)] {
            let target = path.with_extension(format!("{ext}.{suffix}"));
            if bytes.len() < data.len() {
                fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
            } else {
                let _ = fs::remove_file(&target);
            }
        }
    }
    Ok(())
}

/// Brotli at quality 11 with a 16 MiB window: what `brotli -q 11` produces.
fn brotli_best(data: &[u8]) -> Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// serve

fn serve(args: &[String]) -> Result {
    let mut addr = "127.0.0.1:8080".to_owned();
    let mut fresh = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--addr" => addr = it.next().ok_or("--addr needs HOST:PORT")?.clone(),
            "--fresh" => fresh = true,
            other => return Err(format!("serve: unknown argument {other}")),
        }
    }
    install(Tools::build())?;
    build_spa()?;
    let data = root().join("data");
    if fresh {
        let _ = fs::remove_dir_all(&data);
    }
    run(cmd("cargo").args([
        "run",
        "-p",
        "inquiry-server",
        "--",
        "--addr",
        &addr,
        "--db",
        "data/inquiry-desk.db",
        "--seed",
        "demo",
        "--static",
        "dist",
        "--console",
        "console/dist",
    ]))
}

// ---------------------------------------------------------------------------------------------
// test

fn test(args: &[String]) -> Result {
    if let Some(a) = args.first() {
        return Err(format!("test: unknown argument {a}"));
    }
    install(Tools::all())?;
    run(cmd("cargo").args(["fmt", "--all", "--", "--check"]))?;
    run(cmd("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cmd("cargo").args([
        "clippy",
        "-p",
        "inquiry-desk",
        "-p",
        "inquiry-console",
        "--target",
        WASM_TARGET,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(Command::new(venv_bin("openapi-spec-validator")).arg(root().join("server/openapi.yaml")))?;
    // The release SPA, for the end-to-end tests (e2e/) that load it from the real server.
    build_spa()?;
    // PostgreSQL and an S3-compatible server for the storage conformance suite, the
    // two-instance test and the API tests' PostgreSQL pass; stopped when this returns.
    let services = services::TestServices::start()?;
    run(cmd("cargo")
        .args(["test", "--workspace"])
        .envs(services.env()))?;
    // The server's API tests again, every one on PostgreSQL.
    run(cmd("cargo")
        .args(["test", "-p", "inquiry-server", "--test", "api"])
        .envs(services.env())
        .env("INQUIRY_TEST_ENGINE", "postgres"))?;
    drop(services);
    browser_tests()?;
    browser_e2e()?;
    println!("\nxtask test: all checks passed");
    Ok(())
}

fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
}
