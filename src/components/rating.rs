//! The customer's rating of an answer, inline on the inquiry: 만족 / 불만족, a reason on
//! 불만족 and an optional comment, sent once; afterwards, what they said (and, after 불만족,
//! the way to a follow-up question). A view: the page sends the rating.

use leptos::{ev::SubmitEvent, prelude::*};

use crate::{
    api::Satisfaction,
    domain::rating::{rating, Rating, RatingProblem, Reason, COMMENT_MAX_CHARS},
    i18n::{use_i18n, I18n},
};

fn reason_name(i18n: I18n, r: Reason) -> String {
    match r {
        Reason::Unresolved => i18n.rating_reason_unresolved(),
        Reason::Unclear => i18n.rating_reason_unclear(),
        Reason::Slow => i18n.rating_reason_slow(),
        Reason::Unkind => i18n.rating_reason_unkind(),
        Reason::Other => i18n.rating_reason_other(),
    }
}

/// The form. What was chosen and typed stays through a failed send (`error` says why).
#[component]
pub fn RatingForm(
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into)] on_submit: Callback<Rating>,
) -> impl IntoView {
    let i18n = use_i18n();
    let satisfied = RwSignal::new(None::<bool>);
    let reason = RwSignal::new(None::<Reason>);
    let comment = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<RatingProblem>);
    let first_choice = NodeRef::<leptos::html::Input>::new();
    let reason_field = NodeRef::<leptos::html::Select>::new();

    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        match rating(
            satisfied.get_untracked(),
            reason.get_untracked(),
            &comment.get_untracked(),
        ) {
            Ok(r) => {
                problem.set(None);
                on_submit.run(r);
            }
            Err(p) => {
                problem.set(Some(p));
                // Focus what needs an answer (the reason's select exists once 불만족 is chosen).
                let _ = match p {
                    RatingProblem::NoChoice => first_choice.get_untracked().map(|f| f.focus()),
                    RatingProblem::NoReason => reason_field.get_untracked().map(|f| f.focus()),
                };
            }
        }
    };
    let choice_error =
        move || (problem.get() == Some(RatingProblem::NoChoice)).then(|| i18n.rating_choose());
    let reason_error = move || {
        (problem.get() == Some(RatingProblem::NoReason)).then(|| i18n.rating_reason_required())
    };
    let choose = move |value: bool| {
        satisfied.set(Some(value));
        if problem.get_untracked() == Some(RatingProblem::NoChoice) {
            problem.set(None);
        }
    };

    view! {
        <form class="idk-rating" on:submit=submit novalidate>
            <fieldset class="idk-fieldset" aria-describedby="idk-e-rating">
                <legend id="idk-rating-title">{i18n.rating_title()}</legend>
                <div class="idk-rating-choices">
                    <label class="idk-check">
                        <input type="radio" name="idk-rating" value="Y" node_ref=first_choice
                            aria-invalid=move || choice_error().map(|_| "true")
                            prop:checked=move || satisfied.get() == Some(true)
                            on:change=move |_| choose(true) />
                        {i18n.rating_satisfied()}
                    </label>
                    <label class="idk-check">
                        <input type="radio" name="idk-rating" value="N"
                            aria-invalid=move || choice_error().map(|_| "true")
                            prop:checked=move || satisfied.get() == Some(false)
                            on:change=move |_| choose(false) />
                        {i18n.rating_unsatisfied()}
                    </label>
                </div>
                <p id="idk-e-rating" class="idk-field-error">{choice_error}</p>
            </fieldset>
            <Show when=move || satisfied.get() == Some(false)>
                <div class="idk-fieldset">
                    <label for="idk-rating-reason" class="idk-label">{i18n.rating_reason()}</label>
                    <select id="idk-rating-reason" node_ref=reason_field
                        aria-invalid=move || reason_error().map(|_| "true")
                        aria-describedby="idk-e-rating-reason"
                        on:change=move |e| {
                            let chosen = event_target_value(&e).parse::<usize>().ok();
                            reason.set(chosen.and_then(|i| Reason::ALL.get(i).copied()));
                            problem.set(None);
                        }>
                        <option value="" selected=move || reason.get().is_none()>{i18n.rating_reason_choose()}</option>
                        {Reason::ALL.into_iter().enumerate().map(|(i, r)| view! {
                            <option value=i.to_string() selected=move || reason.get() == Some(r)>{reason_name(i18n, r)}</option>
                        }).collect_view()}
                    </select>
                    <p id="idk-e-rating-reason" class="idk-field-error">{reason_error}</p>
                </div>
            </Show>
            <div class="idk-fieldset">
                <label for="idk-rating-comment" class="idk-label">{i18n.rating_comment(COMMENT_MAX_CHARS)}</label>
                <textarea id="idk-rating-comment" rows="3" maxlength=COMMENT_MAX_CHARS
                    prop:value=move || comment.get()
                    on:input=move |e| comment.set(event_target_value(&e))></textarea>
            </div>
            <p class="idk-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="idk-button idk-button-primary" disabled=move || pending.get()>
                {i18n.rating_submit()}
            </button>
        </form>
    }
}

/// What the customer said; after 불만족, the way to a follow-up question.
#[component]
pub fn RatingGiven(given: Satisfaction, #[prop(into)] follow_up_href: String) -> impl IntoView {
    let i18n = use_i18n();
    let reason = given
        .reason
        .map(|r| reason_name(i18n, r))
        .unwrap_or_default();
    view! {
        <div class="idk-rating-given" data-satisfied=if given.satisfied { "Y" } else { "N" }>
            <p class="idk-rating-title" id="idk-rating-title">{i18n.rating_title()}</p>
            <p role="status">
                {if given.satisfied { i18n.rating_given_satisfied() } else { i18n.rating_given_unsatisfied(reason) }}
            </p>
            {given.comment.clone().map(|c| view! { <p class="idk-text idk-muted">{i18n.rating_your_comment(c)}</p> })}
            {(!given.satisfied).then(|| view! {
                <p>{i18n.rating_follow_up()}" "<a href=follow_up_href class="idk-button idk-button-primary">{i18n.follow_up()}</a></p>
            })}
        </div>
    }
}
