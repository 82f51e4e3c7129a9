//! Every sentence the console shows, from `locales/*.ftl` (Fluent) compiled at build time by
//! inquiry-i18n, as in the SPA: each message is a method of [`I18n`] whose parameters are its
//! variables, so a misspelt key or a forgotten variable is a compile error. Korean first (the
//! desk's language); another locale is a file beside `ko.ftl`, a [`Locale`] variant and its
//! entry in `build.rs`.

use inquiry_i18n::{Arg, Piece};
use leptos::prelude::*;

use crate::queue::Waited;

/// The console's locales, the default first (the order `build.rs` compiles them in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ko,
}

impl Locale {
    pub const ALL: [Locale; 1] = [Locale::Ko];

    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ko => "ko",
        }
    }
}

/// The console's messages in one locale.
#[derive(Debug, Clone, Copy, Default)]
pub struct I18n {
    locale: Locale,
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl I18n {
    pub fn new(locale: Locale) -> Self {
        Self { locale }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// One compiled message (see inquiry-i18n) in this console's locale.
    fn render(&self, table: &[&[Piece]; 1], args: &[Arg<'_>]) -> String {
        inquiry_i18n::message(&Locale::ALL, &self.locale, self.locale.tag(), table, args)
    }

    /// A status code's name (`10`, `20`, `30`).
    pub fn status_name(&self, code: &str) -> String {
        match code {
            "10" => self.status_received(),
            "20" => self.status_in_progress(),
            _ => self.status_answered(),
        }
    }

    /// How long a received inquiry has waited.
    pub fn waited_for(&self, w: Waited) -> String {
        match w {
            Waited::Minutes(m) => self.waited_minutes(m),
            Waited::Hours(h) => self.waited_hours(h),
            Waited::Days(d) => self.waited_days(d),
            Waited::DaysHours(d, h) => self.waited_days_hours(d, h),
        }
    }

    pub fn channel_name(&self, code: &str) -> String {
        match code {
            "SMS" => self.channel_sms(),
            _ => self.channel_email(),
        }
    }

    /// An access-log role code in the console's words.
    pub fn role_name(&self, code: &str) -> String {
        match code {
            "MANAGER" => self.role_manager(),
            "SELLER" => self.role_seller(),
            "MEMBER" => self.role_member(),
            "SYSTEM" => self.role_system(),
            _ => self.role_counselor(),
        }
    }

    pub fn notification_status(&self, code: &str) -> String {
        match code {
            "SENT" => self.notification_sent(),
            "FAILED" => self.notification_failed(),
            _ => self.notification_pending(),
        }
    }
}

/// The mount's messages (Korean when none was provided).
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_take_their_variables() {
        let t = I18n::default();
        assert_eq!(t.total(27), "총 27건");
        assert_eq!(t.counter(12, 4000), "12 / 4000자");
        assert_eq!(
            t.answer_too_long(4001, 4000),
            "답변은 4000자 이하로 입력해 주세요 (현재 4001자)."
        );
        assert_eq!(t.waited_for(Waited::DaysHours(3, 4)), "3일 4시간 대기");
        assert_eq!(t.status_name("20"), "처리중");
        // Arguments go by name, in alphabetical order: these read in the sentence's order.
        assert_eq!(
            t.prev_version("2026-12-07 10:00", 1, "2026-12-06 09:00"),
            "1번째 제출 (2026-12-06 09:00 제출, 2026-12-07 10:00 수정됨)"
        );
        assert_eq!(
            t.history_step("2026-12-07 10:00", "답변 등록", "이서연 (상담원)"),
            "2026-12-07 10:00 · 이서연 (상담원) · 답변 등록"
        );
        assert_eq!(t.review_flag("2026-12-07", 250), "2026-12-07 조회 250건");
    }
}
