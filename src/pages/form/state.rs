//! The form's fields as one type: a signal per thing the customer types or picks, and the
//! rules that read them together (the type tree, whether the type needs a product).

use leptos::prelude::*;

use crate::{
    api::{Goods, Inquiry, InquiryInit, InquiryType},
    domain::form::{Draft, PickedGoods},
};

/// What the form holds. `Copy`: every part is a signal or a stored value.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The large type chosen in the first select (its leaves fill the second).
    pub group: RwSignal<Option<String>>,
    pub type_no: RwSignal<Option<String>>,
    pub title: RwSignal<String>,
    pub content: RwSignal<String>,
    pub goods: RwSignal<Option<PickedGoods>>,
    pub sms: RwSignal<bool>,
    pub email: RwSignal<bool>,
    /// The inquiry this one follows up (`/new?ref=…`).
    pub ref_no: RwSignal<Option<String>>,
    types: StoredValue<InquiryInit>,
}

impl FormState {
    /// An empty form, or the inquiry being edited.
    pub fn new(init: &InquiryInit, existing: Option<&Inquiry>, ref_no: Option<String>) -> Self {
        let start = existing.map(draft_of).unwrap_or_default();
        let state = Self {
            group: RwSignal::new(None),
            type_no: RwSignal::new(None),
            title: RwSignal::new(String::new()),
            content: RwSignal::new(String::new()),
            goods: RwSignal::new(None),
            sms: RwSignal::new(false),
            email: RwSignal::new(false),
            ref_no: RwSignal::new(ref_no),
            types: StoredValue::new(init.clone()),
        };
        state.apply(start);
        state
    }

    /// What the customer has entered so far (tracked), its text in NFC: what is validated,
    /// counted, kept and sent is what the server stores.
    pub fn draft(&self) -> Draft {
        Draft {
            type_no: self.type_no.get(),
            title: nfc(&self.title.get()),
            content: nfc(&self.content.get()),
            goods: self.goods.get(),
            sms_consent: self.sms.get(),
            email_consent: self.email.get(),
            ref_no: self.ref_no.get(),
        }
    }

    /// Fills the form from a draft (a restored one keeps the follow-up it had, if any).
    pub fn apply(&self, d: Draft) {
        self.group
            .set(d.type_no.as_deref().and_then(|t| self.group_of(t)));
        self.type_no.set(d.type_no);
        self.title.set(d.title);
        self.content.set(d.content);
        self.goods.set(d.goods);
        self.sms.set(d.sms_consent);
        self.email.set(d.email_consent);
        if d.ref_no.is_some() {
            self.ref_no.set(d.ref_no);
        }
    }

    /// The large type a leaf type belongs to.
    pub fn group_of(&self, type_no: &str) -> Option<String> {
        self.types
            .with_value(|i| i.find_type(type_no).map(|(g, _)| g.no.clone()))
    }

    /// Whether the chosen type needs a product (tracked).
    pub fn needs_goods(&self) -> bool {
        self.type_no.get().is_some_and(|t| {
            self.types
                .with_value(|i| i.find_type(&t).is_some_and(|(_, l)| l.needs_goods))
        })
    }

    /// [`Self::needs_goods`] without tracking (in event handlers).
    pub fn needs_goods_untracked(&self) -> bool {
        untrack(|| self.needs_goods())
    }

    /// The types of the chosen large type (tracked).
    pub fn leaves(&self) -> Vec<InquiryType> {
        self.group
            .get()
            .and_then(|g| {
                self.types
                    .with_value(|i| i.types.iter().find(|t| t.no == g).map(|t| t.leaves.clone()))
            })
            .unwrap_or_default()
    }

    /// Prefills a follow-up from the inquiry it follows: its type, its product and, if the
    /// title is still empty, `prefix` + its title (within the 50 characters a title may have).
    pub fn follow(&self, q: Inquiry, prefix: &str) {
        if let Some(g) = self.group_of(&q.type_no) {
            self.group.try_set(Some(g));
            self.type_no.try_set(Some(q.type_no.clone()));
        }
        if let Some(g) = q.goods {
            self.goods.try_set(Some(picked(g, q.order_no.clone())));
        }
        if self.title.with_untracked(String::is_empty) {
            self.title
                .try_set(format!("{prefix} {}", q.title).chars().take(50).collect());
        }
    }
}

/// The inquiry being edited, as a draft.
fn draft_of(q: &Inquiry) -> Draft {
    Draft {
        type_no: Some(q.type_no.clone()),
        title: q.title.clone(),
        content: q.content.clone(),
        goods: q.goods.clone().map(|g| picked(g, q.order_no.clone())),
        sms_consent: q.sms_consent,
        email_consent: q.email_consent,
        ref_no: None,
    }
}

fn picked(g: Goods, order_no: Option<String>) -> PickedGoods {
    PickedGoods {
        goods_no: g.id,
        name: g.name,
        brand: g.brand,
        option_no: g.option_no,
        option_name: g.option,
        order_no,
        image_url: g.image_url,
    }
}

/// `text` in Unicode NFC, by the browser (`String.prototype.normalize`): no tables in the
/// wasm. Native builds (unit tests) leave text as it is.
pub fn nfc(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::JsString::from(text).normalize("NFC").into()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Limits, TypeGroup};

    fn init() -> InquiryInit {
        let leaf = |no: &str, needs_goods| InquiryType {
            no: no.into(),
            name: format!("type {no}"),
            needs_goods,
        };
        InquiryInit {
            member: "M0001".into(),
            store_time_zone: "Asia/Seoul".into(),
            limits: Limits {
                title_max_chars: 50,
                content_max_chars: 2000,
                max_photos: 5,
                max_photo_bytes: 10 << 20,
                max_photo_pixels: 40_000_000,
                max_period_days: 366,
                max_page_size: 30,
                accepted_types: vec![],
            },
            types: vec![
                TypeGroup {
                    no: "100".into(),
                    name: "배송".into(),
                    leaves: vec![leaf("101", true), leaf("102", false)],
                },
                TypeGroup {
                    no: "200".into(),
                    name: "회원".into(),
                    leaves: vec![leaf("201", false)],
                },
            ],
        }
    }

    #[test]
    fn a_restored_draft_fills_every_field_and_finds_its_large_type() {
        let form = FormState::new(&init(), None, Some("20261101000001".into()));
        assert_eq!(
            form.draft(),
            Draft {
                ref_no: Some("20261101000001".into()),
                ..Draft::default()
            }
        );
        form.apply(Draft {
            type_no: Some("201".into()),
            title: "로그인이 안 돼요".into(),
            content: "비밀번호를 바꿨는데".into(),
            sms_consent: true,
            ..Draft::default()
        });
        assert_eq!(form.group.get_untracked().as_deref(), Some("200"));
        let d = form.draft();
        assert_eq!(
            (d.title.as_str(), d.sms_consent),
            ("로그인이 안 돼요", true)
        );
        assert_eq!(
            d.ref_no.as_deref(),
            Some("20261101000001"),
            "a draft without a follow-up keeps the one the link gave"
        );
    }

    #[test]
    fn the_chosen_type_decides_the_leaves_and_whether_a_product_is_needed() {
        let form = FormState::new(&init(), None, None);
        assert!(form.leaves().is_empty(), "no large type chosen yet");
        form.group.set(Some("100".into()));
        assert_eq!(
            form.leaves()
                .iter()
                .map(|t| t.no.as_str())
                .collect::<Vec<_>>(),
            ["101", "102"]
        );
        form.type_no.set(Some("101".into()));
        assert!(form.needs_goods_untracked());
        form.type_no.set(Some("102".into()));
        assert!(!form.needs_goods_untracked());
    }
}
