//! The tools the commands stand on, installed where missing: the wasm target, trunk,
//! wasm-bindgen-cli (the Cargo.lock version), binaryen's wasm-opt, Chromium and its driver,
//! the project's Python virtualenv and the OpenAPI validator; Debian packages through apt.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use crate::{
    binaryen_bin, cmd, esbuild_bin, output, root, run, services, tools_dir, Result,
    BINARYEN_VERSION, ESBUILD_VERSION, TRUNK_VERSION, WASM_TARGET,
};

#[derive(Clone, Copy)]
pub(crate) struct Tools {
    pub(crate) spa: bool,
    pub(crate) browser: bool,
    pub(crate) spec: bool,
}

impl Tools {
    pub(crate) fn all() -> Self {
        Tools {
            spa: true,
            browser: true,
            spec: true,
        }
    }
    pub(crate) fn build() -> Self {
        Tools {
            spa: true,
            browser: false,
            spec: false,
        }
    }
}

pub(crate) const SPEC_VALIDATOR: &str = "openapi-spec-validator==0.9.0";

pub(crate) fn venv_bin(tool: &str) -> PathBuf {
    tools_dir().join("venv/bin").join(tool)
}

/// The project-local virtualenv (.tools/venv) for the Python tools and test services.
pub(crate) fn ensure_venv() -> Result {
    if venv_bin("pip").exists() {
        return Ok(());
    }
    let python = ["/usr/bin/python3", "python3"]
        .into_iter()
        .find(|p| output(Command::new(p).arg("--version")).is_some())
        .ok_or("python3 is needed for the project's virtualenv (.tools/venv)")?;
    run(Command::new(python)
        .args(["-m", "venv"])
        .arg(tools_dir().join("venv")))
}

/// openapi-spec-validator (PyPI) in the project's virtualenv.
pub(crate) fn ensure_spec_validator() -> Result {
    if venv_bin("openapi-spec-validator").exists() {
        return Ok(());
    }
    ensure_venv()?;
    run(Command::new(venv_bin("pip")).args(["install", "--quiet", SPEC_VALIDATOR]))
}

/// The wasm-bindgen version Cargo.lock pins: wasm-bindgen-cli must match it exactly.
pub(crate) fn locked_wasm_bindgen() -> Result<String> {
    let lock =
        fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

pub(crate) fn version_of(program: &str, arg: &str) -> Option<String> {
    output(cmd(program).arg(arg))
}

pub(crate) fn install(tools: Tools) -> Result {
    if tools.spa {
        let targets =
            output(cmd("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
        if !targets.lines().any(|l| l.trim() == WASM_TARGET) {
            run(cmd("rustup").args(["target", "add", WASM_TARGET]))?;
        }
        if !version_of("trunk", "--version").is_some_and(|v| v.contains(TRUNK_VERSION)) {
            println!("installing trunk {TRUNK_VERSION} (about 11 minutes on 2 cores)");
            run(cmd("cargo").args(["install", "trunk", "--locked", "--version", TRUNK_VERSION]))?;
        }
        let wb = locked_wasm_bindgen()?;
        let have = |p: &str| {
            version_of(p, "--version").is_some_and(|v| v.split_whitespace().any(|w| w == wb))
        };
        if !have("wasm-bindgen") || !have("wasm-bindgen-test-runner") {
            println!("installing wasm-bindgen-cli {wb} (the version in Cargo.lock)");
            // No --locked: its lockfile pins a webpki-roots release the registry mirror lacks.
            run(cmd("cargo").args(["install", "wasm-bindgen-cli", "--version", &wb]))?;
        }
        // wasm-opt (npm binaryen: Debian's 108 breaks the wasm) and esbuild, into .tools/.
        let wasm_opt = output(Command::new(binaryen_bin().join("wasm-opt")).arg("--version"))
            .is_some_and(|v| v.contains("version 132"));
        if !wasm_opt {
            npm_tool("binaryen", BINARYEN_VERSION)?;
        }
        let esbuild = output(Command::new(esbuild_bin()).arg("--version"))
            .is_some_and(|v| v.trim() == ESBUILD_VERSION);
        if !esbuild {
            npm_tool("esbuild", ESBUILD_VERSION)?;
        }
    }
    if tools.browser {
        ensure_browser()?;
    }
    if tools.spec {
        ensure_spec_validator()?;
        services::install()?;
    }
    Ok(())
}

/// Installs npm `package@version` into .tools/PACKAGE (its binaries in node_modules/.bin).
fn npm_tool(package: &str, version: &str) -> Result {
    let dir = tools_dir().join(package);
    fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    run(cmd("npm").current_dir(&dir).args([
        "install",
        "--no-audit",
        "--no-fund",
        "--no-save",
        &format!("{package}@{version}"),
    ]))
}

/// Debian packages the browser tests need: the browser, its driver, and a CJK font so Korean
/// and Chinese text renders in screenshots instead of empty boxes.
pub(crate) const BROWSER_PACKAGES: &[(&str, &str)] = &[
    ("chromium", "/usr/bin/chromium"),
    ("chromium-driver", "/usr/bin/chromedriver"),
    (
        "fonts-noto-cjk",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ),
];

pub(crate) fn ensure_browser() -> Result {
    ensure_packages(BROWSER_PACKAGES, "the browser tests")
}

/// Installs the Debian packages of `packages` (name, a file it installs) that are missing, with
/// apt-get as root; otherwise says which command to run.
pub(crate) fn ensure_packages(packages: &[(&str, &str)], what: &str) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .filter(|(_, file)| !Path::new(file).exists())
        .map(|(pkg, _)| *pkg)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    if !is_root {
        return Err(format!(
            "{what} need these Debian packages: run\n  sudo apt-get install -y {}",
            missing.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
