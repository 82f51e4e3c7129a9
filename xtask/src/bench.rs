//! `cargo xtask bench`: the figures of the performance budget, in one run.
//!
//! 1. The release dist: raw, gzip and brotli bytes per file (the `.gz`/`.br` siblings the build
//!    writes are what the server sends) and the first-load total.
//! 2. In headless Chromium under Lighthouse's mobile profile (xtask/bench/bench.mjs): the time
//!    until the SPA shows its first 10 rows vs a static HTML page of the same rows from the same
//!    server, their ratio and LCP, the bytes on the wire; then Lighthouse on both.
//! 3. The release server on a fresh `--seed bench` database (about 102,000 inquiries across
//!    1,000+ members) under wrk, 32 connections each: member list, detail, back-office list by
//!    status, register: requests/s, p50, p99, errors — on SQLite and on PostgreSQL (a
//!    throwaway local cluster), side by side.
//!
//! `--server-only` skips 1 and 2; `--browser-only` skips 3 (on SQLite); `--engines sqlite` (or
//! `postgres`) runs one engine;
//! `INQUIRY_BENCH_SERVER=PATH` benchmarks another build of the server (e.g. an older commit's,
//! for a before/after on the same machine).
//!
//! It prints figures and which targets they meet; it asserts nothing (timings on a shared
//! 2-core machine are not test material).

use std::{fs, path::Path, process::Command};

mod load;

use load::{load, print_load};

use crate::{
    build_spa, cmd, ensure_browser, ensure_packages, install, node_scripts, root, run, services,
    target_dir, Result, RunningServer, Tools,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres => "PostgreSQL",
        }
    }
}

struct Options {
    runs: u32,
    duration_secs: u32,
    server_only: bool,
    browser_only: bool,
    engines: Vec<Engine>,
}

fn parse(args: &[String]) -> Result<Options> {
    let mut o = Options {
        runs: 5,
        duration_secs: 10,
        server_only: false,
        browser_only: false,
        engines: vec![Engine::Sqlite, Engine::Postgres],
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| -> Result<u32> {
            it.next()
                .and_then(|v| v.parse().ok())
                .filter(|n| *n > 0)
                .ok_or(format!("{name} needs a positive number"))
        };
        match a.as_str() {
            "--runs" => o.runs = value("--runs")?,
            "--duration" => o.duration_secs = value("--duration")?,
            "--server-only" => o.server_only = true,
            "--browser-only" => {
                o.browser_only = true;
                o.engines = vec![Engine::Sqlite];
            }
            "--engines" => {
                o.engines = it
                    .next()
                    .ok_or("--engines needs sqlite, postgres or both (comma-separated)")?
                    .split(',')
                    .map(|e| match e.trim() {
                        "sqlite" => Ok(Engine::Sqlite),
                        "postgres" => Ok(Engine::Postgres),
                        other => Err(format!("--engines: unknown engine {other}")),
                    })
                    .collect::<Result<_>>()?
            }
            other => return Err(format!("bench: unknown argument {other}")),
        }
    }
    Ok(o)
}

pub fn bench(args: &[String]) -> Result {
    let options = parse(args)?;
    if options.server_only && options.browser_only {
        return Err("bench: --server-only and --browser-only exclude each other".into());
    }
    install(Tools::build())?;
    ensure_browser()?;
    ensure_packages(&[("wrk", "/usr/bin/wrk")], "the load test")?;
    if options.engines.contains(&Engine::Postgres) {
        services::install()?;
    }
    // The node scripts beside the npm packages they import (pinned in xtask/bench/package.json).
    let node_dir = node_scripts(
        "bench",
        &root().join("xtask/bench"),
        &["bench.mjs", "targets.mjs"],
    )?;
    build_spa()?;
    let server_bin = match std::env::var_os("INQUIRY_BENCH_SERVER") {
        Some(path) => path.into(),
        None => {
            run(cmd("cargo").args([
                "build",
                "-p",
                "inquiry-server",
                "--profile",
                "server-release",
            ]))?;
            target_dir().join("server-release/inquiry-server")
        }
    };

    let dist = root().join("dist");
    if !options.server_only {
        print_sizes(&dist)?;
    }

    // The server's static directory: the dist plus the static baseline page bench.mjs writes.
    let site = target_dir().join("bench/site");
    let _ = fs::remove_dir_all(&site);
    copy_dir(&dist, &site)?;
    let mut results = Vec::new();
    for (i, &engine) in options.engines.iter().enumerate() {
        let (server, _postgres) = start(engine, &server_bin, &site)?;
        if i == 0 && !options.server_only {
            run(Command::new("node")
                .current_dir(&node_dir)
                .arg("bench.mjs")
                .arg(&server.url)
                .arg(&site)
                .arg(options.runs.to_string()))?;
        }
        if options.browser_only {
            continue;
        }
        let targets = target_dir().join(format!("bench/detail-targets-{}.lua", engine.name()));
        run(Command::new("node")
            .current_dir(&node_dir)
            .arg("targets.mjs")
            .arg(&server.url)
            .arg(&targets))?;
        results.push((engine, load(&server.url, &targets, options.duration_secs)?));
    }
    if !options.browser_only {
        print_load(&results, options.duration_secs);
    }
    Ok(())
}

/// The bench server of `engine`, seeded (and its PostgreSQL cluster, kept running with it).
fn start(
    engine: Engine,
    server_bin: &Path,
    site: &Path,
) -> Result<(RunningServer, Option<services::Postgres>)> {
    let site_arg = site.to_string_lossy().into_owned();
    // Load tests register and download far beyond one customer's limits.
    let mut args = vec![
        "--seed".to_owned(),
        "bench".to_owned(),
        "--writes-per-minute".to_owned(),
        "0".to_owned(),
        "--photo-downloads-per-minute".to_owned(),
        "0".to_owned(),
        "--static".to_owned(),
        site_arg,
    ];
    let postgres = match engine {
        Engine::Sqlite => None,
        Engine::Postgres => {
            let pg = services::Postgres::start("bench-postgres")?;
            args.push("--database-url".to_owned());
            args.push(pg.create_database("bench")?);
            Some(pg)
        }
    };
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let name = format!("bench-{}", engine.name().to_lowercase());
    println!(
        "\nseeding the {} bench database (about 102,000 inquiries)…",
        engine.name()
    );
    let server = RunningServer::spawn(&name, server_bin, &args)?;
    if engine == Engine::Sqlite {
        print_db_size(&target_dir().join("xtask").join(&name).join("test.db"));
    }
    Ok((server, postgres))
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    fs::create_dir_all(to).map_err(|e| e.to_string())?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

fn size(path: &Path) -> Option<u64> {
    fs::metadata(path).ok().map(|m| m.len())
}

/// Raw, gzip and brotli size of every file of the dist, from the build's precompressed siblings
/// (what the server sends for `Accept-Encoding: br` / `gzip`); the first load is the wasm, JS
/// and CSS `index.html` references (the content-hashed files, not the stable entries
/// storefronts import, which hold the same code).
fn print_sizes(dist: &Path) -> Result {
    let index = fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
    println!("\n== Release dist (brotli 11 / gzip 9, precompressed at build time)");
    println!(
        "{:<40} {:>12} {:>12} {:>12}",
        "file", "raw", "gzip", "brotli"
    );
    let mut first_load = 0;
    let mut names: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".br") && !n.ends_with(".gz"))
        .collect();
    names.sort();
    for name in names {
        let path = dist.join(&name);
        let Some(raw) = size(&path) else { continue };
        let gz = size(&dist.join(format!("{name}.gz")));
        let br = size(&dist.join(format!("{name}.br")));
        let shown = |v: Option<u64>| v.map(kb).unwrap_or_else(|| "-".into());
        println!(
            "{:<40} {:>12} {:>12} {:>12}",
            name,
            kb(raw),
            shown(gz),
            shown(br)
        );
        let loaded = [".wasm", ".js", ".css"].iter().any(|e| name.ends_with(e))
            && index.contains(&format!("/{name}"));
        if loaded {
            first_load += br.unwrap_or(raw);
        }
    }
    let verdict = if first_load <= 150 * 1024 {
        "goal met"
    } else if first_load <= 220 * 1024 {
        "required met"
    } else {
        "NOT met"
    };
    println!(
        "first load, wasm + js + css as served with brotli: {}   (required <= 220 KB, goal <= 150 KB: {verdict})",
        kb(first_load)
    );
    Ok(())
}

fn print_db_size(db: &Path) {
    if let Some(n) = size(db) {
        println!(
            "\nbench database: {} ({:.0} MB, seeded by `inquiry-server --seed bench`)",
            db.display(),
            n as f64 / 1e6
        );
    }
}
