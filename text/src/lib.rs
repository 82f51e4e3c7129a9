//! Text rules shared by the SPA's form and the server, so both refuse the same input and count
//! the same length. Both normalise to NFC first (the server with `unicode-normalization`, the
//! SPA with the browser's `String.prototype.normalize`), then:
//!
//! - text made only of whitespace and invisible format characters (zero-width spaces and
//!   joiners, the BOM, bidirectional controls, the soft hyphen, …) counts as missing, and such
//!   characters at either end are trimmed with the whitespace;
//! - control characters (a NUL, an escape, …) are refused; line breaks and tabs only in
//!   multi-line fields;
//! - length is the count of Unicode scalar values of the trimmed text.

/// Characters that show nothing and take no space. Variation selectors and emoji tag
/// characters are not among them: they belong to the emoji they follow.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
    )
}

/// `text` without whitespace and invisible characters at either end.
pub fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || is_invisible(c))
}

/// Nothing a reader would see.
pub fn is_blank(text: &str) -> bool {
    trim(text).is_empty()
}

/// Length as both sides count it: scalar values of the trimmed text.
pub fn char_count(text: &str) -> usize {
    trim(text).chars().count()
}

/// The first control character the field may not hold: any, or in a multi-line field any but
/// line feed, carriage return and tab.
pub fn refused_control(text: &str, multiline: bool) -> Option<char> {
    text.chars()
        .find(|&c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// How a refused character is named in a message: `U+0000`.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_only_text_is_blank_and_edges_are_trimmed() {
        assert!(is_blank("\u{200B}\u{200B}"));
        assert!(is_blank(" \u{FEFF}\u{202E} \u{2060}\n"));
        assert!(!is_blank("\u{200B}a\u{200B}"));
        assert_eq!(trim("\u{FEFF} 안녕 \u{200B}"), "안녕");
        assert_eq!(char_count("\u{200B}안녕하세요\u{200D}"), 5);
    }

    #[test]
    fn emoji_keep_their_joiners_and_selectors() {
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(trim(family), family);
        assert_eq!(trim("❤\u{FE0F}"), "❤\u{FE0F}");
    }

    #[test]
    fn control_characters_are_refused_line_breaks_only_in_single_line_fields() {
        assert_eq!(refused_control("제목\0", false), Some('\0'));
        assert_eq!(refused_control("a\u{1B}[31m", true), Some('\u{1B}'));
        assert_eq!(refused_control("첫 줄\r\n둘째\t줄", true), None);
        assert_eq!(refused_control("첫 줄\n둘째", false), Some('\n'));
        assert_eq!(refused_control("\u{85}", true), Some('\u{85}'));
        assert_eq!(code_point('\0'), "U+0000");
    }
}
