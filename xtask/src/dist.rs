//! The customer SPA's dist after trunk: the stable entries storefronts import by name, and the
//! first screen's reads started from the page itself.
//!
//! trunk names the wasm, its JS module and the stylesheet by content hash
//! (`inquiry-desk-<hash>.js`, `…_bg.wasm`, `….css`); the server sends those `immutable` for a
//! year. Storefronts (docs/embedding.md) import stable names instead, revalidated on each visit:
//! - `inquiry-desk.js`: js/prefetch.js (its `prefetch` and `prefetchAll`) followed by a
//!   re-export of this build's hashed module (`default` = init, `mount`, `unmount`, …);
//! - `inquiry-desk.css`: a copy of the hashed stylesheet.
//!
//! `index.html` gets js/prefetch.js inline (an async module, so it runs as soon as it is
//! parsed, not after trunk's module has loaded its imports), calling `prefetchAll()`.

use std::{fs, path::Path};

use crate::{root, Result};

const NAME: &str = "inquiry-desk";

pub fn stable_entries(dist: &Path) -> Result {
    let hashed = |suffix: &str| -> Result<String> {
        let mut found: Vec<String> = fs::read_dir(dist)
            .map_err(|e| format!("{}: {e}", dist.display()))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| {
                n.strip_prefix(&format!("{NAME}-"))
                    .and_then(|rest| rest.strip_suffix(suffix))
                    .is_some_and(|hash| {
                        !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit())
                    })
            })
            .collect();
        match found.len() {
            1 => Ok(found.remove(0)),
            n => Err(format!(
                "{}: expected one {NAME}-<hash>{suffix} from trunk (filehash = true), found {n}",
                dist.display()
            )),
        }
    };
    let module = hashed(".js")?;
    let css = hashed(".css")?;
    let prefetch = fs::read_to_string(root().join("js/prefetch.js"))
        .map_err(|e| format!("js/prefetch.js: {e}"))?;

    let entry = format!(
        "{prefetch}\n// This build's module: content-hashed, cached for a year.\n\
         export * from \"./{module}\";\nexport {{ default }} from \"./{module}\";\n"
    );
    write(&dist.join(format!("{NAME}.js")), &entry)?;
    fs::copy(dist.join(&css), dist.join(format!("{NAME}.css")))
        .map_err(|e| format!("{css}: {e}"))?;

    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let script = format!(
        "<script type=\"module\" async>\n{}prefetchAll();\n</script>\n",
        without_comments(&prefetch)
    );
    let at = html
        .rfind("</body>")
        .ok_or("dist/index.html has no </body>")?;
    write(&index, &format!("{}{script}{}", &html[..at], &html[at..]))
}

/// The script without its whole-line comments (the page carries the code, not its notes).
fn without_comments(js: &str) -> String {
    js.lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("//") || t.starts_with("/**") || t.starts_with("* ") || t == "*/")
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn write(path: &Path, text: &str) -> Result {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_leave_code_alone() {
        let js = "// note\n/** doc */\nconst a = \"//x\"; // trailing\n  * star\n*/\nf();\n";
        assert_eq!(
            super::without_comments(js),
            "const a = \"//x\"; // trailing\nf();\n"
        );
    }
}
