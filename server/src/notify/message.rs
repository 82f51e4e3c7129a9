//! What a notification says, in the member's language (ko, en, zh-TW as the SPA).

use super::Channel;
use crate::store::records::NotificationTarget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Ko,
    En,
    ZhTw,
}

impl Lang {
    /// `ko` for anything unknown: the storefront's language.
    pub fn parse(tag: &str) -> Self {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        if t.starts_with("en") {
            Lang::En
        } else if t.starts_with("zh") {
            Lang::ZhTw
        } else {
            Lang::Ko
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }
}

pub struct Text {
    pub subject: String,
    pub body: String,
}

/// The title as an SMS can carry it: at most 20 characters.
fn short(title: &str) -> String {
    let mut s: String = title.chars().take(20).collect();
    if title.chars().count() > 20 {
        s.push('…');
    }
    s
}

pub fn answer(lang: Lang, channel: Channel, t: &NotificationTarget) -> Text {
    let title = match channel {
        Channel::Sms => short(&t.title),
        Channel::Email => t.title.clone(),
    };
    let (subject, body) = match lang {
        Lang::Ko => (
            format!("[1:1 문의] 문의하신 내용에 답변이 등록되었습니다 ({})", t.ccn_no),
            match channel {
                Channel::Sms => format!(
                    "[1:1 문의] '{title}'에 답변이 등록되었습니다. 마이페이지 > 1:1 문의에서 확인해 주세요."
                ),
                Channel::Email => format!(
                    "{}님, 안녕하세요.\n\n문의하신 '{title}'(문의번호 {})에 답변이 등록되었습니다.\n마이페이지 > 1:1 문의에서 답변을 확인해 주세요.\n\n감사합니다.",
                    t.member_name, t.ccn_no
                ),
            },
        ),
        Lang::En => (
            format!("[1:1 Inquiry] Your inquiry has been answered ({})", t.ccn_no),
            match channel {
                Channel::Sms => format!(
                    "[1:1 Inquiry] '{title}' has been answered. See My Page > 1:1 Inquiry."
                ),
                Channel::Email => format!(
                    "Hello {},\n\nYour inquiry '{title}' (No. {}) has been answered.\nYou can read the answer in My Page > 1:1 Inquiry.\n\nThank you.",
                    t.member_name, t.ccn_no
                ),
            },
        ),
        Lang::ZhTw => (
            format!("[一對一諮詢] 您的諮詢已有回覆 ({})", t.ccn_no),
            match channel {
                Channel::Sms => {
                    format!("[一對一諮詢] 「{title}」已有回覆，請至 我的頁面 > 一對一諮詢 查看。")
                }
                Channel::Email => format!(
                    "{} 您好：\n\n您的諮詢「{title}」（編號 {}）已有回覆。\n請至 我的頁面 > 一對一諮詢 查看回覆。\n\n謝謝。",
                    t.member_name, t.ccn_no
                ),
            },
        ),
    };
    Text { subject, body }
}

/// The variables of the 알림톡 answer template registered with Kakao (docs/integration.md has
/// its text): `#{고객명}`, `#{문의제목}` (cut as an SMS cuts it) and `#{문의번호}`. Kakao
/// checks the sent text against the approved template, so the wording lives there, not here.
pub fn alimtalk_params(t: &NotificationTarget) -> std::collections::BTreeMap<&'static str, String> {
    [
        ("고객명", t.member_name.clone()),
        ("문의제목", short(&t.title)),
        ("문의번호", t.ccn_no.clone()),
    ]
    .into_iter()
    .collect()
}

/// Why a consented channel was not used.
pub fn no_contact(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "회원 정보에 휴대폰 번호가 없습니다.",
        Channel::Email => "회원 정보에 이메일 주소가 없습니다.",
    }
}
