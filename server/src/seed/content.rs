//! Placeholder demo content; replaced by the full Korean catalog.
pub struct Sample {
    pub title: &'static str,
    pub content: &'static str,
    pub answer: &'static str,
    pub seller_reply: Option<&'static str>,
}
pub struct TypeSeed {
    pub no: &'static str,
    pub name: &'static str,
    pub goods_required: bool,
    pub samples: &'static [Sample],
}
pub struct LargeTypeSeed {
    pub no: &'static str,
    pub name: &'static str,
    pub children: &'static [TypeSeed],
}
pub static TYPE_TREE: &[LargeTypeSeed] = &[LargeTypeSeed {
    no: "10",
    name: "주문/결제",
    children: &[
        TypeSeed {
            no: "1010",
            name: "주문 변경",
            goods_required: false,
            samples: &[Sample {
                title: "t",
                content: "c",
                answer: "a",
                seller_reply: None,
            }],
        },
        TypeSeed {
            no: "1020",
            name: "상품 불량",
            goods_required: true,
            samples: &[Sample {
                title: "{goods} t",
                content: "c",
                answer: "a",
                seller_reply: Some("s"),
            }],
        },
    ],
}];
pub struct GoodsBase {
    pub name: &'static str,
    pub category: &'static str,
    pub options: &'static [&'static str],
    pub price_min: u32,
    pub price_max: u32,
    pub hue: u16,
}
pub static GOODS_BASES: &[GoodsBase] = &[GoodsBase {
    name: "맨투맨",
    category: "상의",
    options: &["M", "L"],
    price_min: 10000,
    price_max: 30000,
    hue: 200,
}];
pub static BRANDS: &[&str] = &["A", "B"];
pub static MALL_NAME: &str = "하루마켓";
pub static MEMBER_NAMES: &[&str] = &["김하늘", "이바다", "박산"];
pub static COUNSELOR_NAMES: &[&str] = &["상담원 A"];
pub static SELLER_NAMES: &[&str] = &["판매자 B"];
