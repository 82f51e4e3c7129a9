//! Fluent messages, compiled at build time, for the SPA and the console.
//!
//! An app's build script calls [`build::compile`] (feature `build`): it checks the app's
//! `locales/*.ftl` and turns each message into a method on the app's `I18n` type, whose
//! parameters are the message's variables, and a static table of [`Piece`]s per locale. The
//! app defines `I18n` with a `render(&self, table, args)` that picks its locale's entry and
//! calls [`render`] here, the small interpreter the wasm ships. Only what the message files use
//! is implemented: text, `{ $variable }`, and a selection on a variable by exact number, plural
//! category or string, with a default variant — the same results fluent-bundle gives for those
//! (numbers are written without grouping, no isolation marks), without shipping its parser,
//! bundle and every language's plural rules.

use std::borrow::Cow;

#[cfg(feature = "build")]
pub mod build;

/// A value for a message variable: text, or a number (numbers select plural forms).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Str(Cow<'a, str>),
    Number(f64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(Cow::Owned(s))
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

/// One part of a compiled pattern.
#[derive(Debug)]
pub enum Piece {
    Text(&'static str),
    /// The message's variable at this index (variables sorted by name).
    Var(usize),
    Select {
        var: usize,
        variants: &'static [(Key, &'static [Piece])],
        /// Index of the `*[default]` variant.
        default: usize,
    },
}

/// A variant key: `[0]` or `[one]`.
#[derive(Debug)]
pub enum Key {
    /// Generated for `[0]`-style keys; no message uses one today.
    #[allow(dead_code)]
    Number(f64),
    Name(&'static str),
}

/// The entry of a compiled message for `locale`, found in the app's locale list `all` (the order
/// its build script compiled them in; an unknown one gets the default, the first), rendered.
pub fn message<L: PartialEq, const N: usize>(
    all: &[L; N],
    locale: &L,
    tag: &'static str,
    table: &[&[Piece]; N],
    args: &[Arg<'_>],
) -> String {
    let index = all.iter().position(|l| l == locale).unwrap_or(0);
    let mut out = String::new();
    render(tag, table[index], args, &mut out);
    out
}

/// Writes a compiled pattern with its arguments; `locale` is a BCP 47 tag (`ko`, `en`,
/// `zh-TW`), for plural categories.
pub fn render(locale: &'static str, pieces: &[Piece], args: &[Arg<'_>], out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Var(i) => match &args[*i] {
                Arg::Str(s) => out.push_str(s),
                Arg::Number(n) => {
                    use std::fmt::Write as _;
                    // Whole numbers (every count and limit) as integers: the same text as f64's
                    // Display, without linking the float printer into the wasm.
                    if n.fract() == 0.0 && n.abs() < 1e15 {
                        let _ = write!(out, "{}", *n as i64);
                    } else {
                        fraction(*n, out);
                    }
                }
            },
            Piece::Select {
                var,
                variants,
                default,
            } => {
                let chosen = select(locale, &args[*var], variants).unwrap_or(*default);
                render(locale, variants[chosen].1, args, out);
            }
        }
    }
}

/// A number with a fraction, as `2.5`. In the browser, JS's own `String(n)`: Rust's `Display`
/// for `f64` is 14 KB of float printer in the wasm, for a case no message has today.
#[cfg(target_arch = "wasm32")]
fn fraction(n: f64, out: &mut String) {
    out.push_str(&String::from(
        js_sys::Number::from(n)
            .to_string_with_radix(10)
            .unwrap_or_default(),
    ));
}

#[cfg(not(target_arch = "wasm32"))]
fn fraction(n: f64, out: &mut String) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

fn select(locale: &'static str, arg: &Arg<'_>, variants: &[(Key, &[Piece])]) -> Option<usize> {
    match arg {
        Arg::Number(n) => variants
            .iter()
            .position(|(k, _)| matches!(k, Key::Number(v) if v == n))
            .or_else(|| {
                let category = plural_category(locale, *n);
                variants
                    .iter()
                    .position(|(k, _)| matches!(k, Key::Name(c) if *c == category))
            }),
        Arg::Str(s) => variants
            .iter()
            .position(|(k, _)| matches!(k, Key::Name(c) if *c == s.as_ref())),
    }
}

/// The CLDR cardinal plural category of `n` in `locale`, from the browser's
/// `Intl.PluralRules` (one formatter per locale, made on first use).
#[cfg(target_arch = "wasm32")]
fn plural_category(locale: &'static str, n: f64) -> String {
    use js_sys::{Array, Intl::PluralRules, Object};
    use std::cell::RefCell;
    thread_local! {
        static RULES: RefCell<Vec<(&'static str, PluralRules)>> = const { RefCell::new(Vec::new()) };
    }
    RULES.with(|rules| {
        let mut rules = rules.borrow_mut();
        let i = match rules.iter().position(|(l, _)| *l == locale) {
            Some(i) => i,
            None => {
                let tags = Array::of1(&locale.into());
                rules.push((locale, PluralRules::new(&tags, &Object::new())));
                rules.len() - 1
            }
        };
        rules[i].1.select(n).into()
    })
}

/// Native builds (unit tests): the CLDR cardinal rules of the supported locales (English has
/// `one`; Korean and Chinese have only `other`).
#[cfg(not(target_arch = "wasm32"))]
fn plural_category(locale: &'static str, n: f64) -> String {
    match locale {
        "en" if n == 1.0 => "one",
        _ => "other",
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    static COUNT: &[Piece] = &[Piece::Select {
        var: 0,
        variants: &[
            (Key::Number(0.0), &[Piece::Text("none")]),
            (Key::Name("one"), &[Piece::Var(0), Piece::Text(" item")]),
            (Key::Name("other"), &[Piece::Var(0), Piece::Text(" items")]),
        ],
        default: 2,
    }];

    fn text(locale: &'static str, pieces: &[Piece], args: &[Arg<'_>]) -> String {
        let mut s = String::new();
        render(locale, pieces, args, &mut s);
        s
    }

    #[test]
    fn exact_numbers_win_over_plural_categories() {
        assert_eq!(text("en", COUNT, &[0.into()]), "none");
        assert_eq!(text("en", COUNT, &[1.into()]), "1 item");
        assert_eq!(text("en", COUNT, &[27.into()]), "27 items");
        // Korean has no "one" category: the default variant.
        assert_eq!(text("ko", COUNT, &[1.into()]), "1 items");
    }

    #[test]
    fn numbers_are_written_like_fluent_writes_them() {
        let pieces = &[Piece::Var(0)];
        assert_eq!(text("ko", pieces, &[1234567u64.into()]), "1234567");
        assert_eq!(text("ko", pieces, &[2.5f64.into()]), "2.5");
        assert_eq!(text("ko", pieces, &["글".into()]), "글");
    }
}
