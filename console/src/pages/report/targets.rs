//! Answer targets per inquiry type (managers): each leaf type's business days, and a form that
//! changes one. The report's "by the deadline" and the queue's deadlines come from them; a
//! change applies to inquiries received afterwards.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use crate::{
    api::{AnswerTarget, Client},
    i18n::use_i18n,
};

#[component]
pub fn Targets() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let list = RwSignal::new(Vec::<AnswerTarget>::new());
    let type_no = RwSignal::new(String::new());
    let days = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    spawn_local(async move {
        if let Ok(targets) = client.answer_targets().await {
            if let Some(first) = targets.first() {
                type_no.set(first.cnsl_typ_no.clone());
                days.set(first.ans_tgt_bdays.to_string());
            }
            list.set(targets);
        }
    });
    // Choosing a type shows its current target in the field.
    let choose = move |no: String| {
        if let Some(t) = list.with_untracked(|l| l.iter().find(|t| t.cnsl_typ_no == no).cloned()) {
            days.set(t.ans_tgt_bdays.to_string());
        }
        type_no.set(no);
    };
    let save = move |ev: SubmitEvent| {
        ev.prevent_default();
        let (no, d) = (type_no.get_untracked(), days.get_untracked());
        saving.set(true);
        status.set(None);
        spawn_local(async move {
            match client.set_answer_target(&no, &d).await {
                Ok(targets) => {
                    error.set(None);
                    let name = targets
                        .iter()
                        .find(|t| t.cnsl_typ_no == no)
                        .map(|t| (t.cnsl_typ_nm.clone(), t.ans_tgt_bdays));
                    if let Some((name, days)) = name {
                        status.set(Some(i18n.target_saved(days, name)));
                    }
                    list.set(targets);
                }
                Err(e) => error.set(Some(e.message(i18n))),
            }
            saving.set(false);
        });
    };
    view! {
        <section class="console-card console-targets" aria-labelledby="console-targets-title">
            <h2 id="console-targets-title">{i18n.targets_title()}</h2>
            <p class="console-muted">{i18n.targets_intro()}</p>
            <form class="console-filters" on:submit=save aria-labelledby="console-targets-title" novalidate>
                <div class="console-field">
                    <label for="target-type">{i18n.target_type()}</label>
                    <select id="target-type" on:change=move |e| choose(event_target_value(&e))>
                        {move || list.get().into_iter().map(|t| {
                            let no = t.cnsl_typ_no.clone();
                            view! { <option value=t.cnsl_typ_no selected=move || type_no.with(|v| *v == no)>{t.cnsl_typ_nm}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="console-field">
                    <label for="target-days">{i18n.target_days()}</label>
                    <input
                        id="target-days"
                        type="number"
                        min="1"
                        max="10"
                        inputmode="numeric"
                        prop:value=days
                        on:input=move |e| days.set(event_target_value(&e))
                        aria-describedby="target-days-error"
                        aria-invalid=move || error.with(Option::is_some).to_string()
                    />
                </div>
                <button type="submit" class="console-button console-button-primary" disabled=saving>{i18n.target_save()}</button>
            </form>
            <p class="console-error" id="target-days-error" role="alert">{move || error.get()}</p>
            <p class="console-status" role="status">{move || status.get()}</p>
            <div class="console-table-wrap">
                <table class="console-table console-target-list">
                    <caption>{i18n.targets_caption()}</caption>
                    <thead><tr><th scope="col">{i18n.target_type()}</th><th scope="col">{i18n.target_days()}</th></tr></thead>
                    <tbody>
                        {move || list.get().into_iter().map(|t| view! {
                            <tr data-type=t.cnsl_typ_no.clone()>
                                <th scope="row">{t.cnsl_typ_nm}</th>
                                <td>{i18n.target_value(t.ans_tgt_bdays)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
