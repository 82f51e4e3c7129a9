//! Pure input rules (no I/O): paging, periods, text limits, flags, photos.
//! Every violation becomes a `FieldError` naming the field and the rule.

use chrono::NaiveDate;

use crate::{
    config::{Limits, ACCEPTED_IMAGE_TYPES},
    error::FieldError,
};

pub const DEFAULT_PAGE_SIZE: u32 = 10;

/// Parses `pageNo` (≥ 1, default 1) and `pageSize` (1..=max, default 10).
pub fn page(
    page_no: Option<&str>,
    page_size: Option<&str>,
    max_page_size: u32,
    errors: &mut Vec<FieldError>,
) -> (u32, u32) {
    let no = match page_no.map(str::trim).filter(|s| !s.is_empty()) {
        None => 1,
        Some(s) => match s.parse::<u32>() {
            Ok(n) if (1..=100_000).contains(&n) => n,
            _ => {
                errors.push(FieldError::new(
                    "pageNo",
                    "INVALID_PAGE_NO",
                    format!("pageNo는 1 이상 100000 이하의 정수여야 합니다 (입력값: {s})."),
                ));
                1
            }
        },
    };
    let size = match page_size.map(str::trim).filter(|s| !s.is_empty()) {
        None => DEFAULT_PAGE_SIZE.min(max_page_size),
        Some(s) => {
            match s.parse::<u32>() {
                Ok(n) if (1..=max_page_size).contains(&n) => n,
                _ => {
                    errors.push(FieldError::new(
                    "pageSize",
                    "INVALID_PAGE_SIZE",
                    format!("pageSize는 1 이상 {max_page_size} 이하의 정수여야 합니다 (입력값: {s})."),
                ));
                    DEFAULT_PAGE_SIZE.min(max_page_size)
                }
            }
        }
    };
    (no, size)
}

fn date(field: &str, value: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d") {
        Ok(d) if value.trim().len() == 10 => Some(d),
        _ => {
            errors.push(FieldError::new(
                field,
                "INVALID_DATE",
                format!("{field}은(는) yyyy-MM-dd 형식의 날짜여야 합니다 (입력값: {value})."),
            ));
            None
        }
    }
}

/// Validates an inquiry period. Without both dates the default is the last 3 months ending
/// `store_today`. `latest_today` is the latest date that counts as "today" for any customer.
pub fn period(
    start: Option<&str>,
    end: Option<&str>,
    store_today: NaiveDate,
    latest_today: NaiveDate,
    max_days: i64,
    errors: &mut Vec<FieldError>,
) -> Option<(NaiveDate, NaiveDate)> {
    let start = start.map(str::trim).filter(|s| !s.is_empty());
    let end = end.map(str::trim).filter(|s| !s.is_empty());
    let (start, end) = match (start, end) {
        (None, None) => {
            let from = store_today
                .checked_sub_months(chrono::Months::new(3))
                .unwrap_or(store_today);
            return Some((from, store_today));
        }
        (Some(_), None) => {
            errors.push(FieldError::new(
                "endDt",
                "REQUIRED",
                "startDt를 보낼 때는 endDt도 함께 보내야 합니다.",
            ));
            return None;
        }
        (None, Some(_)) => {
            errors.push(FieldError::new(
                "startDt",
                "REQUIRED",
                "endDt를 보낼 때는 startDt도 함께 보내야 합니다.",
            ));
            return None;
        }
        (Some(s), Some(e)) => (date("startDt", s, errors), date("endDt", e, errors)),
    };
    let (start, end) = (start?, end?);
    let before = errors.len();
    if start > end {
        errors.push(FieldError::new(
            "startDt",
            "START_AFTER_END",
            format!("조회 시작일({start})이 종료일({end})보다 늦을 수 없습니다."),
        ));
    }
    if end > latest_today {
        errors.push(FieldError::new(
            "endDt",
            "END_IN_FUTURE",
            format!("조회 종료일({end})은 오늘 이후일 수 없습니다."),
        ));
    }
    let span = (end - start).num_days();
    if span > max_days {
        errors.push(FieldError::new(
            "endDt",
            "PERIOD_TOO_LONG",
            format!("조회 기간은 최대 {max_days}일입니다 (요청: {span}일)."),
        ));
    }
    (errors.len() == before).then_some((start, end))
}

/// Whether a text field may hold line breaks (and tabs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    One,
    Many,
}

/// A required text field by the rules the SPA's form applies too (`inquiry_text`): normalised
/// to NFC (so what is counted is what is stored), control characters refused (line breaks and
/// tabs allowed in a multi-line field), invisible-only text missing, length checked on the
/// trimmed text. Returns the trimmed, normalised text.
pub fn text(
    field: &str,
    label: &str,
    value: Option<&str>,
    max_chars: usize,
    lines: Lines,
    errors: &mut Vec<FieldError>,
) -> String {
    use unicode_normalization::UnicodeNormalization;
    let normalized: String = value.unwrap_or("").nfc().collect();
    if let Some(c) = inquiry_text::refused_control(&normalized, lines == Lines::Many) {
        let point = inquiry_text::code_point(c);
        errors.push(FieldError::new(
            field,
            "CONTROL_CHARACTER",
            if lines == Lines::One && matches!(c, '\n' | '\r' | '\t') {
                format!("{label}은(는) 한 줄로 입력해 주세요 (줄바꿈·탭 {point} 불가).")
            } else {
                format!("{label}에 입력할 수 없는 제어 문자({point})가 있습니다. 지우고 다시 입력해 주세요.")
            },
        ));
        return inquiry_text::trim(&normalized).to_owned();
    }
    let trimmed = inquiry_text::trim(&normalized);
    let chars = trimmed.chars().count();
    if chars == 0 {
        errors.push(FieldError::new(
            field,
            "REQUIRED",
            format!("{label}을(를) 입력해 주세요."),
        ));
    } else if chars > max_chars {
        errors.push(FieldError::new(
            field,
            "TOO_LONG",
            format!("{label}은(는) {max_chars}자 이하로 입력해 주세요 (현재 {chars}자)."),
        ));
    }
    trimmed.to_owned()
}

/// An optional identifier: trimmed, empty means absent, at most 40 characters of [A-Za-z0-9_-].
pub fn ident(field: &str, value: Option<&str>, errors: &mut Vec<FieldError>) -> Option<String> {
    let v = value.map(str::trim).filter(|s| !s.is_empty())?;
    if v.len() > 40
        || !v
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        errors.push(FieldError::new(
            field,
            "INVALID_FORMAT",
            format!("{field} 형식이 올바르지 않습니다."),
        ));
        return None;
    }
    Some(v.to_owned())
}

/// `Y`/`N` flags; absent means `N`.
pub fn yn(field: &str, value: Option<&str>, errors: &mut Vec<FieldError>) -> bool {
    match value.map(str::trim) {
        None | Some("") | Some("N") => false,
        Some("Y") => true,
        Some(other) => {
            errors.push(FieldError::new(
                field,
                "INVALID_YN",
                format!("{field}은(는) Y 또는 N이어야 합니다 (입력값: {other})."),
            ));
            false
        }
    }
}

/// Sniffs an image type from its first bytes. The name and the declared Content-Type are
/// ignored on purpose: only the bytes decide, and SVG (text) is never an image here.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    let kind = infer::get(bytes)?;
    ACCEPTED_IMAGE_TYPES
        .iter()
        .copied()
        .find(|t| *t == kind.mime_type())
}

pub fn human_bytes(n: usize) -> String {
    if n >= 1024 * 1024 {
        format!("{:.1}MB", n as f64 / (1024.0 * 1024.0))
    } else if n >= 1024 {
        format!("{:.0}KB", n as f64 / 1024.0)
    } else {
        format!("{n}B")
    }
}

/// Checks one uploaded photo; returns its sniffed content type when acceptable.
pub fn photo(
    index: usize,
    file_nm: &str,
    bytes: &[u8],
    limits: &Limits,
    errors: &mut Vec<FieldError>,
) -> Option<&'static str> {
    let field = format!("atchFiles[{index}]");
    if bytes.is_empty() {
        errors.push(FieldError::new(
            &field,
            "EMPTY_FILE",
            format!("'{file_nm}' 파일이 비어 있습니다."),
        ));
        return None;
    }
    if bytes.len() > limits.max_photo_bytes {
        errors.push(FieldError::new(
            &field,
            "FILE_TOO_LARGE",
            format!(
                "'{file_nm}' 사진이 너무 큽니다 ({}). 사진 한 장은 최대 {}까지 첨부할 수 있습니다.",
                human_bytes(bytes.len()),
                human_bytes(limits.max_photo_bytes)
            ),
        ));
        return None;
    }
    match sniff_image(bytes) {
        Some(t) => Some(t),
        None => {
            errors.push(FieldError::new(
                &field,
                "UNSUPPORTED_FILE_TYPE",
                format!("'{file_nm}'은(는) 지원하지 않는 파일 형식입니다. JPEG, PNG, GIF, WEBP 이미지만 첨부할 수 있습니다."),
            ));
            None
        }
    }
}

/// Checks a photo of a recognised type all the way through (`photo_check`); returns its bytes
/// without metadata when acceptable.
pub fn photo_content(
    index: usize,
    file_nm: &str,
    bytes: &[u8],
    content_type: &str,
    limits: &Limits,
    errors: &mut Vec<FieldError>,
) -> Option<Vec<u8>> {
    use crate::photo_check::{check, Refusal};
    let field = format!("atchFiles[{index}]");
    match check(bytes, content_type, limits.max_photo_pixels) {
        Ok(clean) => Some(clean),
        Err(refusal) => {
            let (code, message) = match refusal {
                Refusal::Corrupt => (
                    "CORRUPT_IMAGE",
                    format!("'{file_nm}'은(는) 손상되었거나 온전한 이미지가 아닙니다. 사진을 다시 저장해 첨부해 주세요."),
                ),
                Refusal::TooManyPixels { width, height } => (
                    "TOO_MANY_PIXELS",
                    format!(
                        "'{file_nm}'은(는) {width}×{height} 화소로 너무 큽니다. 사진 한 장은 최대 {}만 화소까지 첨부할 수 있습니다.",
                        limits.max_photo_pixels / 10_000
                    ),
                ),
                Refusal::Animated => (
                    "ANIMATED_IMAGE",
                    format!("'{file_nm}'은(는) 움직이는 이미지입니다. 정지된 사진만 첨부할 수 있습니다."),
                ),
            };
            errors.push(FieldError::new(&field, code, message));
            None
        }
    }
}

pub fn photo_count(count: usize, limits: &Limits, errors: &mut Vec<FieldError>) {
    if count > limits.max_photos {
        errors.push(FieldError::new(
            "atchFiles",
            "TOO_MANY_FILES",
            format!(
                "사진은 최대 {}장까지 첨부할 수 있습니다 (현재 {count}장).",
                limits.max_photos
            ),
        ));
    }
}

/// File-name extension matching a sniffed type, for server-generated storage names.
pub fn extension(content_type: &str) -> &'static str {
    match content_type {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => "bin",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn run_period(start: &str, end: &str) -> (Option<(NaiveDate, NaiveDate)>, Vec<String>) {
        let mut errors = Vec::new();
        let today = d("2026-11-22");
        let r = period(
            Some(start),
            Some(end),
            today,
            d("2026-11-23"),
            366,
            &mut errors,
        );
        (r, errors.into_iter().map(|e| e.code).collect())
    }

    #[test]
    fn period_rules() {
        assert_eq!(
            run_period("2026-11-01", "2026-11-22").0,
            Some((d("2026-11-01"), d("2026-11-22")))
        );
        assert_eq!(
            run_period("2026-11-22", "2026-11-01").1,
            ["START_AFTER_END"]
        );
        assert_eq!(run_period("2026-11-01", "2026-11-24").1, ["END_IN_FUTURE"]);
        assert_eq!(
            run_period("2025-01-01", "2026-11-22").1,
            ["PERIOD_TOO_LONG"]
        );
        assert_eq!(
            run_period("2025-11-22", "2026-11-22").1,
            Vec::<String>::new()
        );
        assert_eq!(run_period("2026/11/01", "2026-11-22").1, ["INVALID_DATE"]);
    }

    #[test]
    fn period_defaults_to_three_months() {
        let mut errors = Vec::new();
        let r = period(
            None,
            None,
            d("2026-11-22"),
            d("2026-11-23"),
            366,
            &mut errors,
        );
        assert_eq!(r, Some((d("2026-08-22"), d("2026-11-22"))));
        let r = period(
            Some("2026-11-01"),
            None,
            d("2026-11-22"),
            d("2026-11-23"),
            366,
            &mut errors,
        );
        assert_eq!(r, None);
        assert_eq!(errors[0].field, "endDt");
    }

    #[test]
    fn text_counts_characters_after_trimming() {
        let mut errors = Vec::new();
        assert_eq!(
            text(
                "ccnTitle",
                "제목",
                Some("  배송 문의  "),
                5,
                Lines::One,
                &mut errors
            ),
            "배송 문의"
        );
        assert!(errors.is_empty());
        text(
            "ccnTitle",
            "제목",
            Some("가나다라마바"),
            5,
            Lines::One,
            &mut errors,
        );
        assert_eq!(errors[0].code, "TOO_LONG");
        text("ccnTitle", "제목", Some("   "), 5, Lines::One, &mut errors);
        assert_eq!(errors[1].code, "REQUIRED");
    }

    #[test]
    fn text_is_normalised_before_it_is_counted_and_stored() {
        let mut errors = Vec::new();
        // 한 in decomposed jamo (3 scalar values) is one character once composed.
        let decomposed = "\u{1112}\u{1161}\u{11AB}";
        assert_eq!(
            text("t", "제목", Some(decomposed), 1, Lines::One, &mut errors),
            "한"
        );
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn invisible_only_text_is_missing_and_control_characters_are_refused() {
        let mut errors = Vec::new();
        text(
            "t",
            "제목",
            Some("\u{200B}\u{FEFF}"),
            5,
            Lines::One,
            &mut errors,
        );
        assert_eq!(errors[0].code, "REQUIRED");
        text("t", "제목", Some("제목\0"), 50, Lines::One, &mut errors);
        assert_eq!(errors[1].code, "CONTROL_CHARACTER");
        assert!(
            errors[1].message.contains("U+0000"),
            "{}",
            errors[1].message
        );
        text("t", "제목", Some("두\n줄"), 50, Lines::One, &mut errors);
        assert_eq!(errors[2].code, "CONTROL_CHARACTER");
        assert!(errors[2].message.contains("한 줄"), "{}", errors[2].message);
        assert_eq!(errors.len(), 3);
        text(
            "c",
            "내용",
            Some("두\r\n줄\t탭"),
            50,
            Lines::Many,
            &mut errors,
        );
        assert_eq!(errors.len(), 3, "line breaks and tabs are fine in content");
    }

    #[test]
    fn paging_bounds() {
        let mut errors = Vec::new();
        assert_eq!(page(None, None, 30, &mut errors), (1, 10));
        assert_eq!(page(Some("2"), Some("30"), 30, &mut errors), (2, 30));
        assert!(errors.is_empty());
        page(Some("0"), Some("31"), 30, &mut errors);
        let codes: Vec<_> = errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["INVALID_PAGE_NO", "INVALID_PAGE_SIZE"]);
    }

    #[test]
    fn sniffing_ignores_names_and_refuses_svg() {
        assert_eq!(
            sniff_image(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("image/png")
        );
        assert_eq!(
            sniff_image(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"),
            Some("image/jpeg")
        );
        assert_eq!(
            sniff_image(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
            None
        );
        assert_eq!(sniff_image(b"%PDF-1.7\n"), None);
    }
}
