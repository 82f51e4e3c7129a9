//! Transfer (이관) to the seller of the inquiry's goods: where a transfer stands, or the dialog
//! that makes one (answer requested, or confirmation only), with a note the seller reads.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use super::shown_time;
use crate::{
    api::{ApiError, Client, Detail},
    i18n::use_i18n,
};

/// The note a counselor starts from, in the shape sellers know from Coupang's call center.
fn note_for(d: &Detail) -> String {
    let item = d
        .goods
        .as_ref()
        .map(|g| match &g.itm_nm {
            Some(o) => format!("{}, {o}", g.goods_nm),
            None => g.goods_nm.clone(),
        })
        .unwrap_or_default();
    let asked: String = d.accp_cont.chars().take(300).collect();
    format!(
        "[판매자이관]\n◼주문번호: {}\n◼아이템: {item}\n◼문의내용: {asked}\n",
        d.ord_no.as_deref().unwrap_or("-")
    )
}

/// The transfer's state, or (for an inquiry about goods never transferred) the action.
#[component]
pub fn TransferPanel<F>(detail: RwSignal<Detail>, on_signed_out: F) -> impl IntoView
where
    F: Fn() + Clone + 'static,
{
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let need_answer = RwSignal::new(true);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let sending = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);

    let open = move |_| {
        detail.with_untracked(|d| {
            need_answer.set(d.ccn_stat_cd != "30");
            if note.with_untracked(String::is_empty) {
                note.set(note_for(d));
            }
        });
        error.set(None);
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let submit = move |e: SubmitEvent| {
        e.prevent_default();
        let on_signed_out = on_signed_out.clone();
        let text = note.get_untracked().trim().to_owned();
        if text.is_empty() {
            error.set(Some(i18n.transfer_note_required()));
            return;
        }
        let ccn = detail.with_untracked(|d| d.ccn_no.clone());
        let need = need_answer.get_untracked();
        sending.set(true);
        error.set(None);
        spawn_local(async move {
            match client.transfer(&ccn, need, &text).await {
                Ok(d) => {
                    let vendor = d
                        .trns
                        .as_ref()
                        .map(|t| t.vendor_nm.clone())
                        .unwrap_or_default();
                    detail.set(d);
                    note.set(String::new());
                    done.set(Some(i18n.transfer_done(vendor)));
                    close();
                }
                Err(ApiError::Unauthorized) => on_signed_out(),
                Err(ApiError::Conflict { message, now, .. }) => {
                    if let Some(now) = now {
                        detail.set(*now);
                    }
                    error.set(Some(message));
                }
                // Nothing typed is lost: the dialog stays open with the note.
                Err(e) => error.set(Some(e.message(i18n))),
            }
            sending.set(false);
        });
    };

    let state = move || {
        detail.with(|d| {
            d.trns.clone().map(|t| {
                let state = match t.trns_stat_cd.as_str() {
                    "DONE" => i18n.transfer_finished(
                        t.done_dtm.as_deref().map(|t| shown_time(t, false)).unwrap_or_default(),
                        t.done_by.clone().unwrap_or_default(),
                    ),
                    "EXPIRED" => i18n.transfer_expired(shown_time(&t.due_dtm, false)),
                    _ => i18n.transfer_waiting(shown_time(&t.due_dtm, false)),
                };
                let kind = if t.need_ans_yn == "Y" {
                    i18n.transfer_type_answer()
                } else {
                    i18n.transfer_type_confirm()
                };
                view! {
                    <section class="console-transfer" aria-labelledby="console-transfer-title" data-state=t.trns_stat_cd.clone()>
                        <h2 id="console-transfer-title">{i18n.transferred()}</h2>
                        <dl class="console-meta">
                            <dt>{i18n.transfer_vendor()}</dt><dd>{format!("{} ({})", t.vendor_nm, t.vendor_id)}</dd>
                            <dt>{i18n.transfer_type()}</dt><dd>{kind}</dd>
                            <dt>{i18n.transfer_state()}</dt><dd class="console-transfer-state">{state}</dd>
                            <dt>{i18n.transfer_memo()}</dt><dd class="console-content">{t.trns_note.clone()}</dd>
                        </dl>
                    </section>
                }
            })
        })
    };
    let can_transfer = move || detail.with(|d| d.trns.is_none() && d.goods.is_some());

    view! {
        {state}
        <p class="console-status" role="status">{move || done.get()}</p>
        {move || can_transfer().then(|| view! {
            <button type="button" class="console-button" on:click=open>{i18n.transfer()}</button>
        })}
        <dialog node_ref=dialog class="console-dialog" aria-labelledby="console-transfer-dialog-title">
            <form on:submit=submit novalidate>
                <h2 id="console-transfer-dialog-title">{i18n.transfer_title()}</h2>
                <fieldset class="console-fieldset">
                    <legend>{i18n.transfer_kind()}</legend>
                    <label class="console-radio">
                        <input type="radio" name="transfer-kind" prop:checked=need_answer on:change=move |_| need_answer.set(true) />
                        {i18n.transfer_need_answer()}
                    </label>
                    <label class="console-radio">
                        <input type="radio" name="transfer-kind" prop:checked=move || !need_answer.get() on:change=move |_| need_answer.set(false) />
                        {i18n.transfer_confirm_only()}
                    </label>
                </fieldset>
                <label for="console-transfer-note">{i18n.transfer_note()}</label>
                <textarea
                    id="console-transfer-note"
                    rows="8"
                    prop:value=note
                    on:input=move |e| note.set(event_target_value(&e))
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    aria-describedby="console-transfer-error"
                ></textarea>
                <p id="console-transfer-error" class="console-error" role="alert">{move || error.get()}</p>
                <div class="console-composer-actions">
                    <button type="button" class="console-button" on:click=move |_| close()>{i18n.cancel()}</button>
                    <button type="submit" class="console-button console-button-primary" disabled=sending>{i18n.transfer_send()}</button>
                </div>
            </form>
        </dialog>
    }
}
