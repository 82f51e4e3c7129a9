//! The console's messages: `locales/*.ftl` checked and compiled into Rust (see inquiry-i18n).

fn main() {
    // The default first; the same order as `Locale::ALL` in `src/i18n.rs`.
    inquiry_i18n::build::compile(&["ko"]);
}
