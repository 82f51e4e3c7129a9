//! Answer templates with their variables filled in for one inquiry.
//!
//! A template names variables in braces (`{고객명}`). A sentence whose variable has no value for
//! the inquiry (no order, no goods) is left out, so an inquiry without an order never reads
//! "주문번호 -의 …"; a line left empty by that goes too.

use crate::store::records::{InquiryRecord, TemplateRecord};

/// A template ready to put in the answer box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filled {
    pub no: String,
    pub name: String,
    pub content: String,
}

/// The variables a template may use.
pub const PLACEHOLDERS: [&str; 6] = [
    "{고객명}",
    "{주문번호}",
    "{문의번호}",
    "{상품명}",
    "{문의제목}",
    "{상담원명}",
];

/// The values of [`PLACEHOLDERS`], in that order (`None`: the inquiry has none).
pub type Values<'a> = [Option<&'a str>; 6];

pub fn values<'a>(inquiry: &'a InquiryRecord, counselor_name: &'a str) -> Values<'a> {
    [
        Some(inquiry.member.name.as_str()),
        inquiry.ord_no.as_deref(),
        Some(inquiry.ccn_no.as_str()),
        inquiry.goods.as_ref().map(|g| g.name.as_str()),
        Some(inquiry.title.as_str()),
        Some(counselor_name),
    ]
}

pub fn fill(t: &TemplateRecord, inquiry: &InquiryRecord, counselor_name: &str) -> Filled {
    Filled {
        no: t.no.clone(),
        name: t.name.clone(),
        content: render(&t.content, &values(inquiry, counselor_name)),
    }
}

/// A `{…}` in `content` that is not one of [`PLACEHOLDERS`] (a typo a counselor should fix).
pub fn unknown_placeholder(content: &str) -> Option<&str> {
    let mut rest = content;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let end = after.find('}')?;
        let name = &after[..=end];
        if !PLACEHOLDERS.contains(&name) {
            return Some(name);
        }
        rest = &after[end + 1..];
    }
    None
}

/// The template's text with `values` in, leaving out every sentence that needs a missing one.
pub fn render(content: &str, values: &Values) -> String {
    let missing: Vec<&str> = PLACEHOLDERS
        .iter()
        .zip(values)
        .filter(|(_, v)| v.is_none())
        .map(|(p, _)| *p)
        .collect();
    let mut lines: Vec<String> = Vec::new();
    let mut dropped = false;
    for line in content.split('\n') {
        let kept: String = sentences(line)
            .filter(|s| !missing.iter().any(|m| s.contains(m)))
            .collect();
        // A line emptied by the omission goes, with the blank line that set it apart; the
        // template's other blank lines stay.
        if kept.trim().is_empty() && !line.trim().is_empty() {
            dropped = true;
            continue;
        }
        if dropped && line.trim().is_empty() && lines.last().is_some_and(|l| l.is_empty()) {
            dropped = false;
            continue;
        }
        dropped = false;
        let mut filled = kept.trim_end().to_owned();
        for (p, v) in PLACEHOLDERS.iter().zip(values) {
            if let Some(v) = v {
                filled = filled.replace(p, v);
            }
        }
        lines.push(filled);
    }
    lines.join("\n")
}

/// A line's sentences, each with its ending and the spaces after it (they join back unchanged).
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            if matches!(c, '.' | '?' | '!') && bytes.get(i + 1).is_none_or(|b| *b == b' ') {
                end = i + 1;
                while bytes.get(end) == Some(&b' ') {
                    end += 1;
                }
                break;
            }
        }
        let (sentence, tail) = rest.split_at(end);
        rest = tail;
        Some(sentence)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v<'a>(order: Option<&'a str>, goods: Option<&'a str>) -> Values<'a> {
        [
            Some("김하늘"),
            order,
            Some("20261207000001"),
            goods,
            Some("배송 문의"),
            Some("이서연"),
        ]
    }

    const DELAY: &str = "안녕하세요, {고객명} 고객님. 하루마켓 고객센터 {상담원명}입니다.\n\n주문번호 {주문번호}의 {상품명} 배송이 늦어져 죄송합니다. 1~2일 안에 도착할 예정입니다.\n\n감사합니다.";

    #[test]
    fn every_variable_is_filled_when_the_inquiry_has_it() {
        assert_eq!(
            render(DELAY, &v(Some("O-1"), Some("양말"))),
            "안녕하세요, 김하늘 고객님. 하루마켓 고객센터 이서연입니다.\n\n주문번호 O-1의 양말 배송이 늦어져 죄송합니다. 1~2일 안에 도착할 예정입니다.\n\n감사합니다."
        );
    }

    #[test]
    fn a_sentence_whose_variable_has_no_value_is_left_out() {
        let text = render(DELAY, &v(None, Some("양말")));
        assert_eq!(
            text,
            "안녕하세요, 김하늘 고객님. 하루마켓 고객센터 이서연입니다.\n\n1~2일 안에 도착할 예정입니다.\n\n감사합니다."
        );
        assert!(!text.contains('{') && !text.contains(" -"), "{text}");
    }

    #[test]
    fn a_line_emptied_by_the_omission_goes_and_blank_lines_stay() {
        let t = "인사말입니다.\n\n주문번호: {주문번호}\n\n끝.";
        assert_eq!(render(t, &v(None, None)), "인사말입니다.\n\n끝.");
        assert_eq!(
            render(t, &v(Some("9"), None)),
            "인사말입니다.\n\n주문번호: 9\n\n끝."
        );
    }

    #[test]
    fn decimals_and_urls_are_not_sentence_ends() {
        let t = "가격은 1.5배입니다 {상품명}. 다음.";
        assert_eq!(render(t, &v(None, None)), "다음.");
    }

    #[test]
    fn an_unknown_variable_is_named() {
        assert_eq!(
            unknown_placeholder("안녕하세요 {고객명} {고객 이름}"),
            Some("{고객 이름}")
        );
        assert_eq!(unknown_placeholder("{고객명}님 {상담원명}"), None);
        assert_eq!(unknown_placeholder("괄호 { 안 닫힘"), None);
    }
}
