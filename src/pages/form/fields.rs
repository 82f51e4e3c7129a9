//! The form's fields as view components: each takes the form state and the submission (for
//! its error) and wires its label, counter and error message (`aria-describedby`).

use leptos::prelude::*;

use super::{
    picker::GoodsPicker,
    state::{nfc, FormState},
    submit::Submission,
};
use crate::{
    api::{Client, TypeGroup},
    components::GoodsCard,
    domain::form::{char_count, Field},
    i18n::use_i18n,
};

/// The element a field's error points at (and focus goes to).
pub fn field_id(f: Field) -> &'static str {
    match f {
        Field::Type => "idk-f-type-group",
        Field::Title => "idk-f-title",
        Field::Content => "idk-f-content",
        Field::Goods => "idk-f-goods",
        Field::Photos => "idk-f-photos",
    }
}

fn error_of(sub: Submission, f: Field) -> impl Fn() -> Option<String> + Copy {
    move || sub.errors.with(|e| e.get(&f).cloned())
}

fn invalid(sub: Submission, f: Field) -> impl Fn() -> String + Copy {
    move || sub.errors.with(|e| e.contains_key(&f)).to_string()
}

/// Large type, then type (types that need a product say so).
#[component]
pub fn TypeFields(form: FormState, sub: Submission, groups: Vec<TypeGroup>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="idk-fieldset">
            <legend>{i18n.r#type()}<span class="idk-required" aria-hidden="true">" *"</span></legend>
            <div class="idk-type-row">
                <label class="idk-field">
                    <span class="idk-visually-hidden">{i18n.type_group()}</span>
                    <select
                        id="idk-f-type-group"
                        name="typeGroup"
                        aria-invalid=invalid(sub, Field::Type)
                        aria-describedby="idk-e-type"
                        prop:value=move || form.group.get().unwrap_or_default()
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            form.group.set((!v.is_empty()).then_some(v));
                            form.type_no.set(None);
                        }
                    >
                        <option value="">{i18n.choose_type_group()}</option>
                        {groups.iter().map(|g| view! { <option value=g.no.clone()>{g.name.clone()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="idk-field">
                    <span class="idk-visually-hidden">{i18n.r#type()}</span>
                    <select
                        id="idk-f-type"
                        name="type"
                        required
                        aria-invalid=invalid(sub, Field::Type)
                        aria-describedby="idk-e-type"
                        disabled=move || form.group.with(Option::is_none)
                        prop:value=move || form.type_no.get().unwrap_or_default()
                        on:change=move |e| {
                            let v = event_target_value(&e);
                            form.type_no.set((!v.is_empty()).then_some(v));
                        }
                    >
                        <option value="">{i18n.choose_type()}</option>
                        {move || form.leaves().into_iter().map(|t| {
                            let label = if t.needs_goods { format!("{} ({})", t.name, i18n.goods_needed_short()) } else { t.name.clone() };
                            view! { <option value=t.no.clone()>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p id="idk-e-type" class="idk-field-error">{error_of(sub, Field::Type)}</p>
        </fieldset>
    }
}

/// The title, with its counter.
#[component]
pub fn TitleField(form: FormState, sub: Submission, max: usize) -> impl IntoView {
    let i18n = use_i18n();
    let title = form.title;
    // Normalised once per keystroke, for both the count and its over-limit mark.
    let count = Memo::new(move |_| char_count(&nfc(&title.get())));
    view! {
        <div class="idk-fieldset">
            <label for="idk-f-title" class="idk-label">{i18n.title()}<span class="idk-required" aria-hidden="true">" *"</span></label>
            <input
                id="idk-f-title"
                name="title"
                type="text"
                required
                maxlength=max + 20
                prop:value=title
                on:input=move |e| title.set(event_target_value(&e))
                aria-invalid=invalid(sub, Field::Title)
                aria-describedby="idk-c-title idk-e-title"
            />
            <p class="idk-counter" id="idk-c-title" class:idk-over=move || { count.get() > max }>
                {move || i18n.counter(count.get(), max)}
            </p>
            <p id="idk-e-title" class="idk-field-error">{error_of(sub, Field::Title)}</p>
        </div>
    }
}

/// The content, with the personal-data notice and its counter.
#[component]
pub fn ContentField(form: FormState, sub: Submission, max: usize) -> impl IntoView {
    let i18n = use_i18n();
    let content = form.content;
    let count = Memo::new(move |_| char_count(&nfc(&content.get())));
    view! {
        <div class="idk-fieldset">
            <label for="idk-f-content" class="idk-label">{i18n.content()}<span class="idk-required" aria-hidden="true">" *"</span></label>
            <p id="idk-pii" class="idk-hint">{i18n.pii_notice()}</p>
            <textarea
                id="idk-f-content"
                name="content"
                rows="8"
                required
                prop:value=content
                on:input=move |e| content.set(event_target_value(&e))
                aria-invalid=invalid(sub, Field::Content)
                aria-describedby="idk-pii idk-c-content idk-e-content"
            ></textarea>
            <p class="idk-counter" id="idk-c-content" class:idk-over=move || { count.get() > max }>
                {move || i18n.counter(count.get(), max)}
            </p>
            <p id="idk-e-content" class="idk-field-error">{error_of(sub, Field::Content)}</p>
        </div>
    }
}

/// The picked product (card, order number, remove) and the button that opens the picker.
#[component]
pub fn GoodsField(form: FormState, sub: Submission, picker: GoodsPicker) -> impl IntoView {
    let i18n = use_i18n();
    let goods = form.goods;
    view! {
        <fieldset class="idk-fieldset" aria-describedby="idk-e-goods">
            <legend>
                {i18n.goods()}
                {move || form.needs_goods().then(|| view! { <span class="idk-required">" * " {i18n.goods_needed()}</span> })}
            </legend>
            {move || goods.get().map(|g| {
                let src = g.image_url.as_deref().map(|u| expect_context::<Client>().asset_url(u));
                view! {
                    <div class="idk-picked" data-goods-no=g.goods_no.clone()>
                        <GoodsCard brand=g.brand.clone() name=g.name.clone() option=g.option_name.clone() price=None image_src=src />
                        {g.order_no.clone().map(|o| view! { <p class="idk-muted">{format!("{} {o}", i18n.order_no())}</p> })}
                        <button type="button" class="idk-button idk-remove-goods" aria-label=format!("{} {}", g.name, i18n.unpick_goods()) on:click=move |_| goods.set(None)>
                            {i18n.unpick_goods()}
                        </button>
                    </div>
                }
            })}
            <button
                type="button"
                id="idk-f-goods"
                class="idk-button"
                aria-invalid=invalid(sub, Field::Goods)
                aria-haspopup="dialog"
                on:click=move |_| picker.open.set(true)
            >
                {move || if goods.with(Option::is_some) { i18n.change_goods() } else { i18n.pick_goods() }}
            </button>
            <p id="idk-e-goods" class="idk-field-error">{error_of(sub, Field::Goods)}</p>
        </fieldset>
    }
}

/// SMS and e-mail answer-notification consent.
#[component]
pub fn ConsentFields(form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let (sms, email) = (form.sms, form.email);
    view! {
        <div class="idk-fieldset">
            <label class="idk-check">
                <input type="checkbox" name="sms" prop:checked=sms on:change=move |e| sms.set(event_target_checked(&e)) />
                {i18n.sms_consent()}
            </label>
            <label class="idk-check">
                <input type="checkbox" name="email" prop:checked=email on:change=move |e| email.set(event_target_checked(&e)) />
                {i18n.email_consent()}
            </label>
        </div>
    }
}
