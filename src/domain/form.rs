//! The inquiry form's rules, mirroring the server's (limits come from `getQuestionInit`):
//! what is required, how long text may be, which photos are accepted.

use serde::{Deserialize, Serialize};

/// The limits the form states up front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormLimits {
    pub title_max_chars: usize,
    pub content_max_chars: usize,
    pub max_photos: usize,
    pub max_photo_bytes: u64,
    /// Width × height of one photo at most (the server decodes and checks it).
    pub max_photo_pixels: u64,
    /// MIME types, e.g. `image/jpeg`.
    pub accepted_types: Vec<String>,
}

/// A product the inquiry is about, as picked from recent orders or the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PickedGoods {
    pub goods_no: String,
    pub name: String,
    pub brand: String,
    pub option_no: Option<String>,
    pub option_name: Option<String>,
    /// Set when picked from an order.
    pub order_no: Option<String>,
    pub image_url: Option<String>,
}

/// What the customer has typed and chosen (photos aside: files can't be serialised).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub type_no: Option<String>,
    pub title: String,
    pub content: String,
    pub goods: Option<PickedGoods>,
    pub sms_consent: bool,
    pub email_consent: bool,
    /// The inquiry this one follows up.
    pub ref_no: Option<String>,
}

impl Draft {
    /// Nothing worth keeping (no autosave for an untouched form).
    pub fn is_blank(&self) -> bool {
        inquiry_text::is_blank(&self.title)
            && inquiry_text::is_blank(&self.content)
            && self.goods.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Type,
    Title,
    Content,
    Goods,
    Photos,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Missing, or nothing a reader would see (only spaces and invisible characters).
    Required,
    /// A character the field may not hold (`U+0000`); `line_break` when it is a line break or
    /// tab in a one-line field.
    ControlCharacter {
        point: String,
        line_break: bool,
    },
    TooLong {
        max: usize,
        len: usize,
    },
    /// The chosen type needs a product.
    GoodsRequired,
}

/// Characters as the server counts them: Unicode scalar values after trimming whitespace and
/// invisible characters (of NFC text: the form normalises before counting).
pub fn char_count(text: &str) -> usize {
    inquiry_text::char_count(text)
}

/// Every rule the draft breaks, in the order the fields appear.
pub fn validate(
    draft: &Draft,
    limits: &FormLimits,
    type_needs_goods: bool,
) -> Vec<(Field, Problem)> {
    let mut problems = Vec::new();
    if draft.type_no.is_none() {
        problems.push((Field::Type, Problem::Required));
    }
    for (field, text, max, multiline) in [
        (Field::Title, &draft.title, limits.title_max_chars, false),
        (
            Field::Content,
            &draft.content,
            limits.content_max_chars,
            true,
        ),
    ] {
        let len = char_count(text);
        if let Some(c) = inquiry_text::refused_control(text, multiline) {
            problems.push((
                field,
                Problem::ControlCharacter {
                    point: inquiry_text::code_point(c),
                    line_break: matches!(c, '\n' | '\r' | '\t'),
                },
            ));
        } else if len == 0 {
            problems.push((field, Problem::Required));
        } else if len > max {
            problems.push((field, Problem::TooLong { max, len }));
        }
    }
    if type_needs_goods && draft.goods.is_none() {
        problems.push((Field::Goods, Problem::GoodsRequired));
    }
    problems
}

/// Why one chosen photo is refused (the others stay).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoProblem {
    Type,
    TooLarge { max_bytes: u64 },
    TooMany { max: usize },
}

/// Checks a photo the customer chose. `size` is after any downscaling; `count_before` is how
/// many photos are already attached.
pub fn check_photo(
    mime: &str,
    size: u64,
    count_before: usize,
    limits: &FormLimits,
) -> Result<(), PhotoProblem> {
    if count_before >= limits.max_photos {
        return Err(PhotoProblem::TooMany {
            max: limits.max_photos,
        });
    }
    if !limits.accepted_types.iter().any(|t| t == mime) {
        return Err(PhotoProblem::Type);
    }
    if size > limits.max_photo_bytes {
        return Err(PhotoProblem::TooLarge {
            max_bytes: limits.max_photo_bytes,
        });
    }
    Ok(())
}

/// Photos larger than this are downscaled in the browser before upload.
pub const DOWNSCALE_OVER_BYTES: u64 = 2 * 1024 * 1024;
/// Longest side of a downscaled photo, in pixels.
pub const DOWNSCALE_MAX_SIDE: u32 = 2048;

/// Whether a photo should be downscaled before upload (GIFs keep their animation).
pub fn should_downscale(mime: &str, size: u64) -> bool {
    size > DOWNSCALE_OVER_BYTES && mime != "image/gif"
}

/// Target size keeping the aspect ratio, longest side at most `max_side`.
pub fn fit_within(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= max_side || longest == 0 {
        return (width, height);
    }
    let scale = f64::from(max_side) / f64::from(longest);
    (
        ((f64::from(width) * scale).round() as u32).max(1),
        ((f64::from(height) * scale).round() as u32).max(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> FormLimits {
        FormLimits {
            title_max_chars: 50,
            content_max_chars: 2000,
            max_photos: 5,
            max_photo_bytes: 10 * 1024 * 1024,
            max_photo_pixels: 40_000_000,
            accepted_types: ["image/jpeg", "image/png", "image/gif", "image/webp"]
                .map(String::from)
                .to_vec(),
        }
    }

    fn draft() -> Draft {
        Draft {
            type_no: Some("2010".into()),
            title: "배송 문의".into(),
            content: "언제 오나요?".into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_complete_draft_passes() {
        assert!(validate(&draft(), &limits(), false).is_empty());
    }

    #[test]
    fn required_fields_and_lengths_are_counted_like_the_server() {
        let d = Draft {
            type_no: None,
            title: "   ".into(),
            content: format!("  {}  ", "가".repeat(2001)),
            ..Draft::default()
        };
        assert_eq!(
            validate(&d, &limits(), false),
            [
                (Field::Type, Problem::Required),
                (Field::Title, Problem::Required),
                (
                    Field::Content,
                    Problem::TooLong {
                        max: 2000,
                        len: 2001
                    }
                ),
            ]
        );
        // Exactly at the limit, surrounded by spaces: fine.
        let d = Draft {
            title: format!(" {} ", "가".repeat(50)),
            ..draft()
        };
        assert!(validate(&d, &limits(), false).is_empty());
    }

    #[test]
    fn goods_required_types_need_a_product() {
        assert_eq!(
            validate(&draft(), &limits(), true),
            [(Field::Goods, Problem::GoodsRequired)]
        );
        let with_goods = Draft {
            goods: Some(PickedGoods {
                goods_no: "G00001".into(),
                name: "맨투맨".into(),
                brand: "하루웨어".into(),
                option_no: None,
                option_name: None,
                order_no: None,
                image_url: None,
            }),
            ..draft()
        };
        assert!(validate(&with_goods, &limits(), true).is_empty());
    }

    #[test]
    fn photo_checks_name_the_problem() {
        let l = limits();
        assert_eq!(check_photo("image/png", 1000, 0, &l), Ok(()));
        assert_eq!(
            check_photo("image/svg+xml", 1000, 0, &l),
            Err(PhotoProblem::Type)
        );
        assert_eq!(
            check_photo("application/pdf", 1000, 0, &l),
            Err(PhotoProblem::Type)
        );
        assert_eq!(
            check_photo("image/jpeg", 10 * 1024 * 1024 + 1, 0, &l),
            Err(PhotoProblem::TooLarge {
                max_bytes: 10 * 1024 * 1024
            })
        );
        assert_eq!(
            check_photo("image/jpeg", 1000, 5, &l),
            Err(PhotoProblem::TooMany { max: 5 })
        );
    }

    #[test]
    fn downscaling_keeps_aspect_and_spares_small_files_and_gifs() {
        assert_eq!(fit_within(4032, 3024, 2048), (2048, 1536));
        assert_eq!(fit_within(3024, 4032, 2048), (1536, 2048));
        assert_eq!(fit_within(800, 600, 2048), (800, 600));
        assert!(should_downscale("image/jpeg", 5 * 1024 * 1024));
        assert!(!should_downscale("image/jpeg", 1024 * 1024));
        assert!(!should_downscale("image/gif", 5 * 1024 * 1024));
    }

    #[test]
    fn drafts_round_trip_through_json() {
        let d = Draft {
            sms_consent: true,
            ref_no: Some("20261122000001".into()),
            ..draft()
        };
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&json).unwrap(), d);
        assert!(Draft::default().is_blank());
        assert!(!d.is_blank());
    }

    #[test]
    fn hidden_and_control_characters_are_caught_before_sending() {
        let limits = FormLimits {
            title_max_chars: 50,
            content_max_chars: 2000,
            max_photos: 5,
            max_photo_bytes: 10 << 20,
            max_photo_pixels: 40_000_000,
            accepted_types: vec![],
        };
        let draft = Draft {
            type_no: Some("1010".into()),
            title: "배송\0문의".into(),
            content: "\u{200B}\u{FEFF} \u{2060}".into(),
            ..Draft::default()
        };
        assert_eq!(
            validate(&draft, &limits, false),
            vec![
                (
                    Field::Title,
                    Problem::ControlCharacter {
                        point: "U+0000".into(),
                        line_break: false
                    }
                ),
                (Field::Content, Problem::Required),
            ]
        );
        let two_lines = Draft {
            title: "두\n줄".into(),
            content: "첫 줄\n둘째 줄\t끝".into(),
            ..draft
        };
        assert_eq!(
            validate(&two_lines, &limits, false),
            vec![(
                Field::Title,
                Problem::ControlCharacter {
                    point: "U+000A".into(),
                    line_break: true
                }
            )]
        );
        assert_eq!(char_count("\u{FEFF}안녕\u{200B}"), 2);
        assert!(Draft {
            title: "\u{200B}".into(),
            ..Draft::default()
        }
        .is_blank());
    }
}
