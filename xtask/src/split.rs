//! The release SPA split into a first load and chunks (after `trunk build`).
//!
//! The first screen is the list; the detail and the form (with the goods picker and the photo
//! upload) are `wasm_split` functions (src/pages/lazy.rs) under `--cfg inquiry_split`. trunk
//! 0.21 has no wasm splitting, so `cargo xtask build` runs trunk with that cfg and
//! `-Clink-args=--emit-relocs`, then redoes trunk's last steps on its raw cargo output, as
//! cargo-leptos `--split` does:
//! 1. `wasm_split_cli_support::transform`: the main module, one wasm per split page (and
//!    chunks for what they share), and the JS link module that fetches them;
//! 2. wasm-bindgen on the main module, keeping the exports the chunks import;
//! 3. wasm-opt `-Oz` on every wasm, esbuild `--minify` on the JS (wasm-bindgen's glue is
//!    about 70 KB of readable JS; minified it is a quarter smaller on the wire);
//! 4. names with one hash of the raw wasm (`inquiry-desk-<hash>.js`, `…_bg.wasm`,
//!    `inquiry-desk-split-<hash>.js`, `inquiry-desk-split_form-<hash>.wasm`): the modules name
//!    each other, so one build hash names them all; then trunk's own wasm and JS are replaced in
//!    dist/ and in index.html (which also preloads the link module: the JS imports it).

use std::{
    fs,
    hash::{DefaultHasher, Hash, Hasher},
    path::Path,
    process::Command,
};

use crate::{binaryen_bin, cmd, esbuild_bin, run, target_dir, Result, WASM_TARGET};

const NAME: &str = "inquiry-desk";

/// The rustflags of the split release build, as `CARGO_ENCODED_RUSTFLAGS` (they replace
/// .cargo/config.toml's): the cfg, the relocations wasm-split reads, and source paths made
/// relative (panic locations name files: `tachys-0.2.19/src/…` instead of this machine's
/// `/root/.cargo/registry/src/index.crates.io-…/tachys-0.2.19/src/…`, so the wasm is smaller and
/// the same on every machine).
pub fn rustflags() -> String {
    let mut flags: Vec<String> = [
        "--cfg",
        "erase_components",
        "--cfg",
        "inquiry_split",
        "-Clink-args=--emit-relocs",
    ]
    .map(String::from)
    .into();
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    if let Some(registry) = cargo_home.map(|h| h.join("registry/src")) {
        for index in fs::read_dir(&registry).into_iter().flatten().flatten() {
            flags.push(format!("--remap-path-prefix={}/=", index.path().display()));
        }
    }
    flags.push(format!("--remap-path-prefix={}/=", crate::root().display()));
    flags.join("\u{1f}")
}

pub fn split(dist: &Path) -> Result {
    let raw_path = target_dir()
        .join(WASM_TARGET)
        .join("release/inquiry_desk.wasm");
    let raw = fs::read(&raw_path).map_err(|e| format!("{}: {e}", raw_path.display()))?;
    let hash = {
        let mut h = DefaultHasher::new();
        raw.hash(&mut h);
        format!("{:016x}", h.finish())
    };
    let work = target_dir().join("split");
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let main_split = work.join("main.wasm");
    let link = format!("./{NAME}-split-{hash}.js");
    let main_js = format!("./{NAME}-{hash}.js");
    let out = {
        let mut opts = wasm_split_cli_support::Options::new(&raw);
        opts.output_dir = &work;
        opts.main_out_path = &main_split;
        opts.link_name = &link;
        opts.main_module = &main_js;
        wasm_split_cli_support::transform(opts).map_err(|e| format!("wasm-split: {e:#}"))?
    };
    if out.split_modules.is_empty() {
        return Err(
            "wasm-split found no split points: was the build made with --cfg inquiry_split?".into(),
        );
    }

    run(cmd("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-lld-exports",
            "--no-demangle",
        ])
        .arg(format!("--out-name={NAME}-{hash}"))
        .arg("--out-dir")
        .arg(&work)
        .arg(&main_split))?;

    // The chunks, renamed with the build hash; the link module fetches them by name.
    let link_path = work.join(link.trim_start_matches("./"));
    let mut link_js =
        fs::read_to_string(&link_path).map_err(|e| format!("{}: {e}", link_path.display()))?;
    let mut wasm_files = vec![work.join(format!("{NAME}-{hash}_bg.wasm"))];
    for chunk in &out.split_modules {
        let stem = chunk
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or("a chunk without a name")?;
        let renamed = format!("{NAME}-{stem}-{hash}.wasm");
        let quoted = format!("\"./{stem}.wasm\"");
        if !link_js.contains(&quoted) {
            return Err(format!("{}: does not fetch {quoted}", link_path.display()));
        }
        link_js = link_js.replace(&quoted, &format!("\"./{renamed}\""));
        let target = work.join(&renamed);
        fs::rename(chunk, &target).map_err(|e| e.to_string())?;
        wasm_files.push(target);
    }
    fs::write(&link_path, link_js).map_err(|e| e.to_string())?;
    for wasm in &wasm_files {
        run(wasm_opt(&["-Oz"]).arg(wasm).arg("-o").arg(wasm))?;
    }

    for js in [&link_path, &work.join(format!("{NAME}-{hash}.js"))] {
        run(Command::new(esbuild_bin())
            .arg(js)
            .args([
                "--minify",
                "--format=esm",
                "--target=es2020",
                "--log-level=error",
            ])
            .arg("--allow-overwrite")
            .arg(format!("--outfile={}", js.display())))?;
    }

    // Out with trunk's module and wasm, in with ours.
    let trunk_hash = trunk_hash(dist)?;
    for suffix in [".js", "_bg.wasm"] {
        let old = dist.join(format!("{NAME}-{trunk_hash}{suffix}"));
        fs::remove_file(&old).map_err(|e| format!("{}: {e}", old.display()))?;
    }
    let mut published = vec![link_path.clone(), work.join(format!("{NAME}-{hash}.js"))];
    published.extend(wasm_files);
    for file in &published {
        let name = file.file_name().ok_or("a file without a name")?;
        fs::copy(file, dist.join(name)).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| e.to_string())?;
    let html = rewrite_index(&html, &trunk_hash, &hash, &link)?;
    fs::write(&index, html).map_err(|e| e.to_string())
}

/// wasm-opt with `args` and the wasm features the Rust target emits (what trunk passes).
pub fn wasm_opt(args: &[&str]) -> Command {
    let mut c = Command::new(binaryen_bin().join("wasm-opt"));
    c.args(args).args([
        "--enable-bulk-memory",
        "--enable-nontrapping-float-to-int",
        "--enable-sign-ext",
        "--enable-mutable-globals",
        "--enable-reference-types",
    ]);
    c
}

/// The hash in trunk's `inquiry-desk-<hash>_bg.wasm`.
fn trunk_hash(dist: &Path) -> Result<String> {
    fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .find_map(|n| {
            n.strip_prefix(&format!("{NAME}-"))?
                .strip_suffix("_bg.wasm")
                .map(str::to_owned)
        })
        .ok_or_else(|| format!("{}: no {NAME}-<hash>_bg.wasm from trunk", dist.display()))
}

/// trunk's page with our module and wasm: the names replaced, their `integrity` attributes
/// (trunk's digests of its own files) removed, and the link module preloaded beside the JS.
fn rewrite_index(html: &str, from: &str, to: &str, link: &str) -> Result<String> {
    let old_js = format!("/{NAME}-{from}.js");
    if !html.contains(&old_js) {
        return Err(format!("dist/index.html does not load {old_js}"));
    }
    let mut out = String::with_capacity(html.len() + 200);
    let mut rest = html;
    // Every tag naming one of trunk's files loses its integrity attribute.
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        let tag = &rest[start..end];
        if tag.contains(&format!("{NAME}-{from}")) {
            out.push_str(&drop_attribute(tag, "integrity"));
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let out = out.replace(&format!("{NAME}-{from}"), &format!("{NAME}-{to}"));
    let preload = format!(
        "<link rel=\"modulepreload\" href=\"/{}\" crossorigin=\"anonymous\">",
        link.trim_start_matches("./")
    );
    let at = out
        .find("</head>")
        .ok_or("dist/index.html has no </head>")?;
    Ok(format!("{}{preload}{}", &out[..at], &out[at..]))
}

fn drop_attribute(tag: &str, name: &str) -> String {
    let needle = format!(" {name}=\"");
    match tag.find(&needle) {
        Some(i) => {
            let value_end = tag[i + needle.len()..]
                .find('"')
                .map_or(tag.len(), |j| i + needle.len() + j + 1);
            format!("{}{}", &tag[..i], &tag[value_end..])
        }
        None => tag.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_loads_the_split_build() {
        let trunk = "<head><script type=\"module\">import init from '/inquiry-desk-abc.js';\n\
                     await init({ module_or_path: '/inquiry-desk-abc_bg.wasm' });</script>\
                     <link rel=\"stylesheet\" href=\"/inquiry-desk-def.css\" integrity=\"sha384-css\"/>\
                     <link rel=\"modulepreload\" href=\"/inquiry-desk-abc.js\" crossorigin=\"anonymous\" integrity=\"sha384-js\">\
                     </head>";
        let page =
            super::rewrite_index(trunk, "abc", "f00", "./inquiry-desk-split-f00.js").unwrap();
        assert!(page.contains("import init from '/inquiry-desk-f00.js'"));
        assert!(page.contains("module_or_path: '/inquiry-desk-f00_bg.wasm'"));
        assert!(page.contains(
            "<link rel=\"modulepreload\" href=\"/inquiry-desk-f00.js\" crossorigin=\"anonymous\">"
        ));
        assert!(
            page.contains("integrity=\"sha384-css\""),
            "the stylesheet is trunk's still"
        );
        assert!(!page.contains("sha384-js"));
        assert!(page.contains("href=\"/inquiry-desk-split-f00.js\""));
        assert!(!page.contains("abc"));
    }
}
