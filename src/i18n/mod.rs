//! Every string the customer reads, in three locales (ko, en, zh-TW), written in Project Fluent.
//!
//! The messages live in `locales/<locale>.ftl`. `build.rs` refuses to build when a locale lacks
//! a message or uses different variables, compiles every message into static tables (no Fluent
//! runtime ships in the wasm), and generates one method per message on [`I18n`]
//! (`i18n.app_title()`, `i18n.period_too_long(max, days)`), so views cannot name a message that
//! does not exist. Dates are written as each locale writes them, in the customer's time zone
//! ([`I18n::datetime`], `dates.rs`).
//!
//! Views get the mount's [`I18n`] with [`use_i18n`]. The locale is fixed for the life of a
//! mount: the host switches language by mounting again.

mod dates;
mod intl;

use std::cell::RefCell;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::{
    api::{ApiError, FieldError, Limits},
    domain::{
        form::{Field, PhotoProblem, Problem},
        LockReason, PeriodError, Preset, Status,
    },
};

pub use inquiry_i18n::Arg;
use inquiry_i18n::{Key, Piece};
pub use intl::valid_time_zone;

/// A supported locale. Korean is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    Ko,
    En,
    ZhTw,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Ko, Locale::En, Locale::ZhTw];

    /// The BCP 47 tag, as used in `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ko => "ko",
            Locale::En => "en",
            Locale::ZhTw => "zh-TW",
        }
    }

    /// Accepts the tags above and their common spellings (`ko-KR`, `en-US`, `zh_TW`,
    /// `zh-Hant-TW`); `None` for anything else.
    pub fn parse(tag: &str) -> Option<Self> {
        let t = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = t.split('-');
        match (parts.next(), parts.collect::<Vec<_>>().as_slice()) {
            (Some("ko"), _) => Some(Locale::Ko),
            (Some("en"), _) => Some(Locale::En),
            (Some("zh"), ["tw"] | ["hant"] | ["hant", "tw"] | ["hk"] | ["hant", "hk"]) => {
                Some(Locale::ZhTw)
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

thread_local! {
    static ZONES: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

/// Interns a time-zone name so [`I18n`] can stay `Copy` (a page has one or two zones).
fn intern(zone: &str) -> &'static str {
    ZONES.with(|z| {
        let mut z = z.borrow_mut();
        if let Some(found) = z.iter().find(|s| **s == zone) {
            return *found;
        }
        let leaked: &'static str = Box::leak(zone.to_owned().into_boxed_str());
        z.push(leaked);
        leaked
    })
}

/// The messages and formats of one mount: its locale and the customer's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct I18n {
    locale: Locale,
    /// IANA zone for dates; `None`: the browser's own.
    time_zone: Option<&'static str>,
}

impl Default for I18n {
    fn default() -> Self {
        Self::new(Locale::Ko, None)
    }
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl I18n {
    pub fn new(locale: Locale, time_zone: Option<&str>) -> Self {
        Self {
            locale,
            time_zone: time_zone.map(intern),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    pub fn time_zone(&self) -> Option<&'static str> {
        self.time_zone
    }

    /// One compiled message (see inquiry-i18n) in this mount's locale.
    fn render(&self, table: &[&[Piece]; 3], args: &[Arg<'_>]) -> String {
        inquiry_i18n::message(&Locale::ALL, &self.locale, self.locale.tag(), table, args)
    }

    pub fn status_name(&self, s: Status) -> String {
        match s {
            Status::Received => self.status_received(),
            Status::InProgress => self.status_in_progress(),
            Status::Answered => self.status_answered(),
        }
    }

    /// The badge's second line: whose move it is.
    pub fn status_hint(&self, s: Status) -> String {
        match s {
            Status::Received => self.status_hint_received(),
            Status::InProgress => self.status_hint_in_progress(),
            Status::Answered => self.status_hint_answered(),
        }
    }

    pub fn preset_label(&self, p: Preset) -> String {
        match p {
            Preset::Week => self.preset_week(),
            Preset::Month => self.preset_month(),
            Preset::ThreeMonths => self.preset_three_months(),
            Preset::SixMonths => self.preset_six_months(),
            Preset::Year => self.preset_year(),
        }
    }

    pub fn period_error(&self, e: PeriodError) -> String {
        match e {
            PeriodError::Missing => self.period_missing(),
            PeriodError::StartAfterEnd => self.period_start_after_end(),
            PeriodError::EndInFuture => self.period_end_in_future(),
            PeriodError::TooLong { max_days, days } => self.period_too_long(days, max_days),
        }
    }

    pub fn lock_reason(&self, r: LockReason) -> String {
        match r {
            LockReason::InProgress => self.lock_in_progress(),
            LockReason::Answered => self.lock_answered(),
        }
    }

    pub fn reply_author(&self, counselor: bool) -> String {
        if counselor {
            self.reply_counselor()
        } else {
            self.reply_seller()
        }
    }

    /// What to tell the customer about a failed request, in their language (the server's own
    /// messages are Korean, so they are only a last resort).
    pub fn api_error(&self, e: &ApiError) -> String {
        match e {
            ApiError::Network(_) => self.error_network(),
            ApiError::Unauthorized(_) => self.error_unauthorized(),
            ApiError::NotFound(_) => self.error_not_found(),
            ApiError::Conflict { status, .. } => {
                self.conflict_explained(status.map(|s| self.status_name(s)).unwrap_or_default())
            }
            ApiError::Validation { code, .. } if code == "PAYLOAD_TOO_LARGE" => {
                self.error_too_large()
            }
            e @ ApiError::Validation { .. } if e.replayed_a_deleted_inquiry() => {
                self.error_replay_deleted()
            }
            ApiError::Validation { .. } => self.error_validation(),
            ApiError::TooManyRequests { retry_after_secs } => {
                self.error_too_many(*retry_after_secs)
            }
            ApiError::Server { .. } => self.error_server(),
            ApiError::Decode(_) => self.error_decode(),
        }
    }

    /// A rule the server says a field broke, by its stable code (the server's own message is
    /// Korean). `photo` names the file when the error is about one of the sent photos.
    pub fn field_error(&self, e: &FieldError, photo: Option<&str>, limits: &Limits) -> String {
        let field = e.field.form();
        let label = field.map(|f| self.field_label(f)).unwrap_or_default();
        let name = photo.unwrap_or_default();
        match (e.code.as_str(), field) {
            ("REQUIRED", Some(Field::Type)) => self.type_required(),
            ("GOODS_REQUIRED", _) => self.goods_required(),
            ("TOO_LONG", Some(Field::Title)) => {
                self.field_too_long_max(label, limits.title_max_chars)
            }
            ("TOO_LONG", Some(Field::Content)) => {
                self.field_too_long_max(label, limits.content_max_chars)
            }
            ("CONTROL_CHARACTER", _) if !label.is_empty() => {
                // The server names the character (`U+0000`) in its message.
                let point = e
                    .message
                    .find("U+")
                    .and_then(|i| e.message.get(i..i + 6))
                    .unwrap_or("?");
                self.field_control_character(point, label)
            }
            ("UNSUPPORTED_FILE_TYPE", _) => self.photo_bad_type(name),
            ("EMPTY_FILE", _) => self.photo_empty(name),
            ("CORRUPT_IMAGE", _) => self.photo_corrupt(name),
            ("TOO_MANY_PIXELS", _) => {
                self.photo_too_many_pixels(limits.max_photo_pixels / 1_000_000, name)
            }
            ("ANIMATED_IMAGE", _) => self.photo_animated(name),
            ("FILE_TOO_LARGE", _) => self.photo_too_large(name, self.bytes(limits.max_photo_bytes)),
            ("TOO_MANY_FILES", _) => self.photo_too_many(name, limits.max_photos),
            ("REQUIRED", _) if !label.is_empty() => self.field_required(label),
            _ if !label.is_empty() => self.field_invalid(label),
            _ => self.error_validation(),
        }
    }

    /// A form field's name, as its label reads.
    fn field_label(&self, field: Field) -> String {
        match field {
            Field::Type => self.r#type(),
            Field::Title => self.title(),
            Field::Content => self.content(),
            Field::Goods => self.goods(),
            Field::Photos => self.photos(),
        }
    }

    /// A client-side rule the form broke.
    pub fn form_problem(&self, field: Field, p: &Problem) -> String {
        let label = self.field_label(field);
        match p {
            Problem::Required if field == Field::Type => self.type_required(),
            Problem::Required => self.field_required(label),
            Problem::TooLong { max, len } => self.field_too_long(label, *len, *max),
            Problem::ControlCharacter {
                line_break: true, ..
            } => self.field_one_line(label),
            Problem::ControlCharacter { point, .. } => self.field_control_character(point, label),
            Problem::GoodsRequired => self.goods_required(),
        }
    }

    pub fn photo_problem(&self, name: &str, p: &PhotoProblem) -> String {
        match p {
            PhotoProblem::Type => self.photo_bad_type(name),
            PhotoProblem::TooLarge { max_bytes } => {
                self.photo_too_large(name, self.bytes(*max_bytes))
            }
            PhotoProblem::TooMany { max } => self.photo_too_many(name, *max),
        }
    }

    pub fn photo_limits(&self, max_photos: usize, max_bytes: u64, max_pixels: u64) -> String {
        self.photo_hint(max_photos, max_pixels / 1_000_000, self.bytes(max_bytes))
    }

    /// A size limit, `10MB` / `500KB`.
    pub fn bytes(&self, n: u64) -> String {
        // Integer arithmetic: formatting an f64 would link the float printer into the wasm.
        const MB: u64 = 1024 * 1024;
        if n >= MB {
            let tenths = (n * 10 + MB / 2) / MB;
            match tenths % 10 {
                0 => format!("{}MB", tenths / 10),
                t => format!("{}.{t}MB", tenths / 10),
            }
        } else {
            format!("{}KB", (n + 512) / 1024)
        }
    }

    /// A price in won with thousands separators, placed as the locale writes it.
    pub fn won(&self, amount: i64) -> String {
        let digits = amount.unsigned_abs().to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        let sign = if amount < 0 { "-" } else { "" };
        self.price(format!("{sign}{grouped}"))
    }

    /// Date and time of an instant, as the locale writes it, in the customer's time zone.
    pub fn datetime(&self, t: &DateTime<FixedOffset>) -> String {
        dates::write(self.locale, dates::wall_time(self.time_zone, t), true)
    }

    /// The date of an instant, as the locale writes it, in the customer's time zone.
    pub fn date(&self, t: &DateTime<FixedOffset>) -> String {
        dates::write(self.locale, dates::wall_time(self.time_zone, t), false)
    }

    /// Today's date where the customer is.
    pub fn today(&self) -> NaiveDate {
        dates::today(self.time_zone)
    }
}

/// Today's date in the IANA (or `+HH:MM`) time zone `zone`.
pub fn today_in(zone: &str) -> NaiveDate {
    dates::today(Some(zone))
}

/// The mount's messages; outside a mounted app (unit tests of components) the default locale.
pub fn use_i18n() -> I18n {
    leptos::prelude::use_context::<I18n>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_formats_every_kind_of_message() {
        for l in Locale::ALL {
            let i = I18n::new(l, None);
            assert!(!i.app_title().is_empty());
            let too_long = i.period_too_long(400, 366);
            assert!(
                too_long.contains("366") && too_long.contains("400"),
                "{l}: {too_long}"
            );
            assert!(i.won(1_234_567).contains("1,234,567"), "{l}");
            assert_ne!(
                i.status_name(Status::Answered),
                i.status_name(Status::Received)
            );
        }
    }

    #[test]
    fn korean_is_the_default_and_distinct_from_the_others() {
        let ko = I18n::default();
        assert_eq!(ko.status_name(Status::Received), "접수완료");
        assert_eq!(ko.won(39000), "39,000원");
        let en = I18n::new(Locale::En, None);
        let zh = I18n::new(Locale::ZhTw, None);
        assert_ne!(en.app_title(), ko.app_title());
        assert_ne!(zh.app_title(), ko.app_title());
        assert_ne!(zh.app_title(), en.app_title());
    }

    #[test]
    fn english_counts_take_plural_forms() {
        let en = I18n::new(Locale::En, None);
        assert_ne!(
            en.total_count(1).replace('1', ""),
            en.total_count(2).replace('2', "")
        );
    }

    #[test]
    fn placeables_carry_no_isolation_marks() {
        let s = I18n::new(Locale::En, None).counter(3, 50);
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
    }

    #[test]
    fn locale_tags_are_parsed_leniently_but_not_guessed() {
        assert_eq!(Locale::parse("ko-KR"), Some(Locale::Ko));
        assert_eq!(Locale::parse(" EN_us "), Some(Locale::En));
        assert_eq!(Locale::parse("zh-TW"), Some(Locale::ZhTw));
        assert_eq!(Locale::parse("zh-Hant-TW"), Some(Locale::ZhTw));
        assert_eq!(Locale::parse("zh-CN"), None);
        assert_eq!(Locale::parse("fr"), None);
        assert_eq!(Locale::parse(""), None);
    }

    #[test]
    fn server_field_errors_are_told_in_the_customers_language() {
        let en = I18n::new(Locale::En, None);
        let e = FieldError {
            field: crate::api::ErrorField::Form(Field::Photos),
            index: Some(1),
            code: "UNSUPPORTED_FILE_TYPE".into(),
            message: "한국어 메시지".into(),
        };
        let limits = Limits {
            title_max_chars: 50,
            content_max_chars: 2000,
            max_photos: 5,
            max_photo_bytes: 10 << 20,
            max_photo_pixels: 40_000_000,
            max_period_days: 366,
            max_page_size: 30,
            accepted_types: vec![],
        };
        let text = en.field_error(&e, Some("a.svg"), &limits);
        assert!(text.contains("a.svg") && !text.contains("한국어"), "{text}");
    }

    #[test]
    fn too_many_requests_says_when_to_retry_in_every_locale() {
        let e = ApiError::TooManyRequests {
            retry_after_secs: 20,
        };
        for locale in Locale::ALL {
            let text = I18n::new(locale, None).api_error(&e);
            assert!(text.contains("20"), "{locale:?}: {text}");
        }
        let one = ApiError::TooManyRequests {
            retry_after_secs: 1,
        };
        assert!(I18n::new(Locale::En, None)
            .api_error(&one)
            .contains("1 second."));
    }

    #[test]
    fn a_replay_of_a_deleted_inquiry_is_worded_in_every_locale() {
        let e = ApiError::Validation {
            code: "IDEMPOTENT_INQUIRY_DELETED".into(),
            message: "이 요청으로 등록한 문의는 삭제되었습니다.".into(),
            errors: vec![],
        };
        assert!(e.replayed_a_deleted_inquiry());
        let mut seen = Vec::new();
        for locale in Locale::ALL {
            let text = I18n::new(locale, None).api_error(&e);
            assert_ne!(
                text,
                I18n::new(locale, None).error_validation(),
                "{locale:?}"
            );
            seen.push(text);
        }
        seen.dedup();
        assert_eq!(seen.len(), Locale::ALL.len(), "each locale its own words");
    }
}
