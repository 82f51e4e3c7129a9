//! `cargo xtask size [--top N]`: where the customer SPA's wasm bytes go.
//!
//! Builds the release wasm as trunk does, runs wasm-bindgen keeping names and wasm-opt `-Oz`
//! keeping them (`-g`), so every function is measured as it ships, then prints the code bytes
//! by crate, by module of this crate, and the largest functions. A generic function is counted
//! where it is defined (`reactive_graph`, `tachys`, `serde_json`), although this crate's types
//! instantiate it; what inlining moved into this crate's functions is counted here. The dist's
//! brotli size is `cargo xtask bench`'s; this says which code the bytes are.

use std::{collections::HashMap, fs, path::Path};

use wasmparser::{BinaryReaderError, KnownCustom, Name, Parser, Payload};

use crate::{cmd, install, run, target_dir, Result, Tools, WASM_TARGET};

pub fn size(args: &[String]) -> Result {
    let top = match args {
        [] => 40,
        [flag, n] if flag == "--top" => n.parse().map_err(|_| "--top needs a number")?,
        _ => return Err("usage: cargo xtask size [--top N]".into()),
    };
    install(Tools::build())?;
    run(cmd("cargo").args([
        "build",
        "--release",
        "--lib",
        "-p",
        "inquiry-desk",
        "--target",
        WASM_TARGET,
    ]))?;
    let out = target_dir().join("size");
    let raw = target_dir()
        .join(WASM_TARGET)
        .join("release/inquiry_desk.wasm");
    run(cmd("wasm-bindgen")
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-debug",
            "--out-name",
            "desk",
        ])
        .arg("--out-dir")
        .arg(&out)
        .arg(&raw))?;
    let named = out.join("desk-named.wasm");
    run(crate::split::wasm_opt(&["-Oz", "-g"])
        .arg(out.join("desk_bg.wasm"))
        .arg("-o")
        .arg(&named))?;
    report(&named, top)
}

/// Code bytes per function (by name) and the data bytes of a module.
struct Module {
    functions: Vec<(String, u64)>,
    data: u64,
}

fn read(bytes: &[u8]) -> std::result::Result<Module, BinaryReaderError> {
    let (mut imported, mut sizes, mut names, mut data) = (0u32, Vec::new(), HashMap::new(), 0);
    for payload in Parser::new(0).parse_all(bytes) {
        match payload? {
            Payload::ImportSection(s) => {
                for import in s.into_imports() {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => sizes.push(body.range().len() as u64),
            Payload::DataSection(s) => data += s.range().len() as u64,
            Payload::CustomSection(c) => {
                if let KnownCustom::Name(reader) = c.as_known() {
                    for name in reader {
                        if let Name::Function(map) = name? {
                            for n in map {
                                let n = n?;
                                names.insert(n.index, n.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let functions = sizes
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let index = imported + i as u32;
            let name = names
                .get(&index)
                .map_or_else(|| format!("func[{index}]"), |n| clean(n));
            (name, size)
        })
        .collect();
    Ok(Module { functions, data })
}

/// Without the symbol hashes (`::h0123…`, `[c5930c85a12de822]`).
fn clean(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(i) = rest.find('[') {
        let close = rest[i..].find(']').map(|j| i + j);
        match close {
            Some(j) if rest[i + 1..j].bytes().all(|b| b.is_ascii_hexdigit()) && j > i + 1 => {
                out.push_str(&rest[..i]);
                rest = &rest[j + 1..];
            }
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    match out.rfind("::h") {
        Some(i) if out.len() - i == 19 && out[i + 3..].bytes().all(|b| b.is_ascii_hexdigit()) => {
            out.truncate(i);
            out
        }
        _ => out,
    }
}

/// The crate a function's code belongs to: the path's first segment, or for a trait method
/// `<T as Trait>::f` the implementing type's crate (the trait's when the type is std's).
pub(crate) fn crate_of(name: &str) -> &str {
    let first = |s: &str| -> Option<usize> {
        let end = s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
        (end > 0 && s[end..].starts_with("::")).then_some(end)
    };
    if let Some(inner) = name.strip_prefix('<') {
        let inner = inner
            .trim_start_matches(['&', '*'])
            .trim_start_matches("mut ");
        let inner = inner.trim_start_matches("dyn ");
        if let Some((ty, rest)) = inner.split_once(" as ") {
            if let Some(end) = first(ty) {
                if !["core", "alloc", "std"].contains(&&ty[..end]) {
                    return &ty[..end];
                }
            }
            if let Some(end) = first(rest) {
                return &rest[..end];
            }
        }
        if let Some(end) = first(inner) {
            return &inner[..end];
        }
    }
    first(name).map_or("(other)", |end| &name[..end])
}

fn report(path: &Path, top: usize) -> Result {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let module = read(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let code: u64 = module.functions.iter().map(|f| f.1).sum();
    let pct = |n: u64| 100.0 * n as f64 / code as f64;
    println!(
        "\n== {}: {} functions, code {:.1} KB, data {:.1} KB (raw, after wasm-opt -Oz)",
        path.display(),
        module.functions.len(),
        code as f64 / 1024.0,
        module.data as f64 / 1024.0
    );
    let mut crates: HashMap<&str, (u64, u32)> = HashMap::new();
    let mut modules: HashMap<String, u64> = HashMap::new();
    for (name, size) in &module.functions {
        let c = crates.entry(crate_of(name)).or_default();
        c.0 += size;
        c.1 += 1;
        if let Some(i) = name.find("inquiry_desk::") {
            let path: Vec<&str> = name[i..].split("::").skip(1).take(2).collect();
            let path = path
                .iter()
                .take_while(|s| s.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .copied()
                .collect::<Vec<_>>()
                .join("::");
            let path = if path.is_empty() {
                "(crate root: App, …)".to_owned()
            } else {
                path
            };
            *modules.entry(path).or_default() += size;
        }
    }
    let mut crates: Vec<_> = crates.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1 .0));
    println!("\n{:>10} {:>6} {:>6}  crate", "code", "share", "fns");
    for (name, (bytes, n)) in crates.iter().take(25) {
        println!("{:>10} {:>5.1}% {n:>6}  {name}", bytes, pct(*bytes));
    }
    let mut modules: Vec<_> = modules.into_iter().collect();
    modules.sort_by_key(|m| std::cmp::Reverse(m.1));
    println!(
        "\n{:>10} {:>6}  inquiry_desk module (functions named in it)",
        "code", "share"
    );
    for (name, bytes) in modules.iter().take(25) {
        println!("{:>10} {:>5.1}%  {name}", bytes, pct(*bytes));
    }
    let mut functions = module.functions;
    functions.sort_by_key(|f| std::cmp::Reverse(f.1));
    println!("\n{:>10}  largest functions", "code");
    for (name, bytes) in functions.iter().take(top) {
        let shown: String = name.chars().take(150).collect();
        println!("{bytes:>10}  {shown}");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{clean, crate_of};

    #[test]
    fn functions_are_counted_in_the_crate_whose_code_they_are() {
        assert_eq!(
            crate_of("<reactive_graph::computed::ScopedFuture<Fut> as core::future::Future>::poll"),
            "reactive_graph"
        );
        assert_eq!(
            crate_of("<&mut serde_json::de::Deserializer<R> as serde_core::de::Deserializer>::x"),
            "serde_json"
        );
        assert_eq!(crate_of("<f64 as core::fmt::Display>::fmt"), "core");
        assert_eq!(
            crate_of("<alloc::vec::Vec<T> as tachys::view::Render>::build"),
            "tachys"
        );
        assert_eq!(
            crate_of("inquiry_desk::pages::form::picker::use_goods_picker"),
            "inquiry_desk"
        );
        assert_eq!(crate_of("mount externref shim"), "(other)");
    }

    #[test]
    fn symbol_hashes_are_dropped() {
        assert_eq!(
            clean("core[c5930c85a12de822]::fmt::float::<f64>::fmt::h01047e2ee73139a0"),
            "core::fmt::float::<f64>::fmt"
        );
        assert_eq!(clean("<[u8] as a::B>::c"), "<[u8] as a::B>::c");
    }
}
