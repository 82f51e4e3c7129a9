//! The SPA's messages: `locales/*.ftl` checked and compiled into Rust (see inquiry-i18n).

fn main() {
    // The default first; the same order as `Locale::ALL` in `src/i18n/mod.rs`.
    inquiry_i18n::build::compile(&["ko", "en", "zh-TW"]);
}
