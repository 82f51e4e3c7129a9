//! The monthly review a desk manager owes the access log: per person, entries of each kind in
//! a month, and the days their detail and photo views exceeded the threshold, flagged in
//! words (not colour alone).

use leptos::{ev::SubmitEvent, prelude::*};

use super::use_signed_in;
use crate::{
    api::{ApiError, Client},
    i18n::use_i18n,
};

#[component]
pub fn ReviewPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let month_input = RwSignal::new(String::new());
    let month = RwSignal::new(String::new());
    let review = LocalResource::new(move || {
        let m = month.get();
        async move { client.access_review(&m).await }
    });
    Effect::new(move |_| {
        if matches!(review.get(), Some(Err(ApiError::Unauthorized))) {
            signed_out();
        }
    });
    let search = move |ev: SubmitEvent| {
        ev.prevent_default();
        month.set(month_input.get_untracked());
    };
    view! {
        <section class="console-records" data-page="access-review" aria-labelledby="console-review-title">
            <h1 id="console-review-title">{i18n.review_title()}</h1>
            <form class="console-filters" on:submit=search aria-label=i18n.filters()>
                <div class="console-field">
                    <label for="review-month">{i18n.review_month()}</label>
                    <input id="review-month" type="month" prop:value=month_input on:input=move |e| month_input.set(event_target_value(&e)) />
                </div>
                <button type="submit" class="console-button console-button-primary">{i18n.search()}</button>
            </form>
            <Transition fallback=move || view! { <p class="console-muted" aria-busy="true">{i18n.loading()}</p> }>
                {move || Suspend::new(async move {
                    match review.await {
                        Err(e) => super::manager_page_error(&e),
                        Ok(r) => {
                            // Columns: the actions someone did this month, in the server's order.
                            let used: Vec<_> = r.actions.iter()
                                .filter(|a| r.people.iter().any(|p| p.counts.iter().any(|c| c.action_cd == a.action_cd)))
                                .cloned()
                                .collect();
                            view! {
                                <p class="console-muted">{i18n.review_intro(r.daily_view_threshold)}</p>
                                {if r.people.is_empty() {
                                    view! { <p class="console-empty">{i18n.review_empty()}</p> }.into_any()
                                } else {
                                    view! {
                                        <div class="console-table-wrap">
                                            <table class="console-table console-review">
                                                <caption>{i18n.review_caption(r.month.clone())}</caption>
                                                <thead><tr>
                                                    <th scope="col">{i18n.actor()}</th>
                                                    <th scope="col">{i18n.role()}</th>
                                                    {used.iter().map(|a| view! { <th scope="col">{a.action_nm.clone()}</th> }).collect_view()}
                                                    <th scope="col">{i18n.review_total()}</th>
                                                    <th scope="col">{i18n.review_flagged()}</th>
                                                </tr></thead>
                                                <tbody>
                                                    {r.people.into_iter().map(|p| {
                                                        let flagged = !p.flagged_days.is_empty();
                                                        view! {
                                                            <tr data-actor=p.actor_no.clone() class:console-flagged=flagged>
                                                                <th scope="row">{format!("{} ({})", p.actor_nm, p.actor_no)}</th>
                                                                <td>{i18n.role_name(&p.actor_role)}</td>
                                                                {used.iter().map(|a| {
                                                                    let n = p.counts.iter().find(|c| c.action_cd == a.action_cd).map_or(0, |c| c.count);
                                                                    view! { <td class="console-num">{n}</td> }
                                                                }).collect_view()}
                                                                <td class="console-num">{p.total}</td>
                                                                <td>{if flagged {
                                                                    p.flagged_days.iter().map(|d| i18n.review_flag(d.date.clone(), d.views)).collect::<Vec<_>>().join(", ")
                                                                } else {
                                                                    i18n.review_none()
                                                                }}</td>
                                                            </tr>
                                                        }
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        </div>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
