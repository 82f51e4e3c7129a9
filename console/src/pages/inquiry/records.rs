//! What the law keeps, on an inquiry's page: the 고객 삭제 notice of a withdrawn inquiry, the
//! versions the customer's edits replaced, and the history of who did what (read again after
//! every change this page makes).

use leptos::prelude::*;

use crate::pages::shown_time;
use crate::{
    api::{Client, Detail, PrevVersion, Rating},
    i18n::use_i18n,
};

/// A withdrawn inquiry says so first: when, and that it is a record only.
#[component]
pub fn WithdrawnNotice(at: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    at.map(|at| {
        view! { <p class="console-withdrawn" role="note">{i18n.withdrawn_notice(shown_time(&at, false))}</p> }
    })
}

/// The customer's rating of the answer: 만족, or 불만족 with why and what they added.
#[component]
pub fn CustomerRating(rating: Rating) -> impl IntoView {
    let i18n = use_i18n();
    let satisfied = rating.satisfied_yn == "Y";
    view! {
        <section class="console-rating" aria-labelledby="console-rating-title" data-satisfied=rating.satisfied_yn.clone()>
            <h2 id="console-rating-title">{i18n.rating_title()}</h2>
            <p>
                <span class=if satisfied { "console-badge console-badge-30" } else { "console-badge console-badge-unsatisfied" }>
                    {if satisfied { i18n.satisfied_badge() } else { i18n.unsatisfied_badge() }}
                </span>
                " "{rating.reason_nm.clone()}
                <span class="console-muted">{format!(" · {}", shown_time(&rating.reg_dtm, false))}</span>
            </p>
            {rating.comment.clone().map(|c| view! { <p class="console-content">{c}</p> })}
        </section>
    }
}

/// What the customer had submitted before each edit, oldest first (closed by default).
#[component]
pub fn PrevVersions(versions: Vec<PrevVersion>) -> impl IntoView {
    let i18n = use_i18n();
    (!versions.is_empty()).then(|| {
        view! {
            <section class="console-versions" aria-labelledby="console-versions-title">
                <h2 id="console-versions-title">{i18n.prev_versions()}</h2>
                {versions.into_iter().map(|v| {
                    let names = v.atch_files.iter().map(|f| f.file_nm.clone()).collect::<Vec<_>>().join(", ");
                    view! {
                        <details class="console-version" data-ver-seq=v.ver_seq>
                            <summary>{i18n.prev_version(shown_time(&v.replaced_dtm, false), v.ver_seq, shown_time(&v.submitted_dtm, false))}</summary>
                            <p class="console-muted">{v.cnsl_typ_nm.clone()}{v.goods_nm.clone().map(|g| format!(" · {g}"))}</p>
                            <p class="console-version-title">{v.ccn_title.clone()}</p>
                            <p class="console-content">{v.accp_cont.clone()}</p>
                            {(!names.is_empty()).then(|| view! { <p class="console-muted">{i18n.prev_photos(names.clone())}</p> })}
                        </details>
                    }
                }).collect_view()}
            </section>
        }
    })
}

/// Received, then every change with who made it; read again whenever the inquiry changes.
#[component]
pub fn History(ccn: String, detail: RwSignal<Detail>) -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let steps = LocalResource::new(move || {
        // Tracks the detail: a take, an answer or a transfer on this page reads it again.
        detail.track();
        let ccn = ccn.clone();
        async move { client.history(&ccn).await.unwrap_or_default() }
    });
    view! {
        <h2 id="console-history-title">{i18n.history()}</h2>
        <ol class="console-history" aria-labelledby="console-history-title">
            {move || steps.get().map(|list| list.into_iter().map(|e| view! {
                <li data-action=e.action_cd.clone()>
                    {i18n.history_step(shown_time(&e.log_dtm, false), e.action_nm.clone(), format!("{} ({})", e.actor_nm, i18n.role_name(&e.actor_role)))}
                </li>
            }).collect_view())}
        </ol>
    }
}
