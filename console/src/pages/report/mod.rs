//! The desk report (/console/report, managers): a period and a cut (type, counselor, day,
//! month); the figures as a chart (`chart.rs`) and a table with the total, and the same rows
//! as CSV; below, the answer targets per type its deadlines come from (`targets.rs`). A
//! counselor who opens it is told it is a manager's page.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use super::use_signed_in;
use crate::{
    api::{ApiError, Client, Cut, ReportQuery, ReportRow},
    i18n::{use_i18n, I18n},
};

mod chart;
mod targets;

fn cut_name(i18n: I18n, cut: Cut) -> String {
    match cut {
        Cut::Type => i18n.report_by_type(),
        Cut::Counselor => i18n.report_by_counselor(),
        Cut::Day => i18n.report_by_day(),
        Cut::Month => i18n.report_by_month(),
    }
}

/// `0.9` of 40 → "90.0% (36/40)"; nothing to divide → "-".
fn share(i18n: I18n, rate: Option<f64>, part: u32, whole: u32) -> String {
    match rate {
        // Fluent's variables go in name order: part, pct, whole.
        Some(r) => i18n.report_share(part, format!("{:.1}", r * 100.0), whole),
        None => i18n.report_none(),
    }
}

fn hours(i18n: I18n, h: Option<f64>) -> String {
    h.map_or_else(
        || i18n.report_none(),
        |h| i18n.report_hours(format!("{h:.1}")),
    )
}

/// One row of the table (the total is a row of its own, in the footer).
fn row_cells(i18n: I18n, r: &ReportRow) -> impl IntoView {
    view! {
        <td>{r.received_cnt}</td>
        <td>{r.answered_cnt}</td>
        <td>{hours(i18n, r.median_ans_hours)}</td>
        <td>{share(i18n, r.on_time_rate, r.on_time_cnt, r.due_cnt)}</td>
        <td>{share(i18n, r.satisfaction_rate, r.satisfied_cnt, r.rated_cnt)}</td>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let form = RwSignal::new(ReportQuery::default());
    let query = RwSignal::new(form.get_untracked());
    let me = LocalResource::new(move || async move { client.whoami().await.ok() });
    let report = LocalResource::new(move || {
        let q = query.get();
        async move { client.desk_report(&q).await }
    });
    Effect::new(move |_| {
        if matches!(report.get(), Some(Err(ApiError::Unauthorized))) {
            signed_out();
        }
    });
    let search = move |ev: SubmitEvent| {
        ev.prevent_default();
        query.set(form.get_untracked());
    };
    let csv = RwSignal::new(None::<String>);
    let csv_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let q = query.get_untracked();
        spawn_local(async move {
            match client.desk_report_csv(&q).await {
                Ok(url) => {
                    super::download(&url, "desk-report.csv");
                    csv_error.set(None);
                    csv.set(Some(url));
                }
                Err(e) => csv_error.set(Some(e.message(i18n))),
            }
        });
    };
    let date = move |id: &'static str,
                     label: String,
                     get: fn(&ReportQuery) -> String,
                     set: fn(&mut ReportQuery, String)| {
        view! {
            <div class="console-field">
                <label for=id>{label}</label>
                <input id=id type="date" prop:value=move || form.with(get) on:input=move |e| form.update(|f| set(f, event_target_value(&e))) />
            </div>
        }
    };

    view! {
        <section class="console-records" data-page="report" aria-labelledby="console-report-title">
            <h1 id="console-report-title">{i18n.report_title()}</h1>
            <p class="console-muted">{i18n.report_intro()}</p>
            <form class="console-filters" on:submit=search aria-label=i18n.filters()>
                {date("report-start", i18n.start_date(), |f| f.start.clone(), |f, v| f.start = v)}
                {date("report-end", i18n.end_date(), |f| f.end.clone(), |f, v| f.end = v)}
                <div class="console-field">
                    <label for="report-by">{i18n.report_group_by()}</label>
                    <select id="report-by" on:change=move |e| form.update(|f| f.cut = Cut::from_code(&event_target_value(&e)))>
                        {Cut::ALL.map(|cut| view! {
                            <option value=cut.code() selected=move || form.with(|f| f.cut == cut)>{cut_name(i18n, cut)}</option>
                        })}
                    </select>
                </div>
                <button type="submit" class="console-button console-button-primary">{i18n.search()}</button>
            </form>
            <p class="console-status" role="status">
                {move || csv.get().map(|url| view! { <a href=url download="desk-report.csv">{i18n.report_csv_done()}</a> })}
            </p>
            <p class="console-error" role="alert">{move || csv_error.get()}</p>
            <Transition fallback=move || view! { <p class="console-muted" aria-busy="true">{i18n.loading()}</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        Err(e) => super::manager_page_error(&e),
                        Ok(r) => {
                            let by = cut_name(i18n, r.cut());
                            let caption = i18n.report_caption(&by, &r.end_dt, &r.start_dt);
                            view! {
                                <div class="console-records-bar">
                                    <p>{i18n.total(r.total.received_cnt)}</p>
                                    <button type="button" class="console-button" on:click=export>{i18n.report_csv()}</button>
                                </div>
                                {if r.total.received_cnt == 0 {
                                    view! { <p class="console-empty">{i18n.report_empty()}</p> }.into_any()
                                } else {
                                    view! {
                                        <chart::Chart rows=r.rows.clone() by=by.clone() time=r.cut().is_time() />
                                        <div class="console-table-wrap">
                                            <table class="console-table console-report">
                                                <caption>{caption}</caption>
                                                <thead><tr>
                                                    <th scope="col">{i18n.report_label()}</th>
                                                    <th scope="col">{i18n.report_received()}</th>
                                                    <th scope="col">{i18n.report_answered()}</th>
                                                    <th scope="col">{i18n.report_median()}</th>
                                                    <th scope="col">{i18n.report_on_time()}</th>
                                                    <th scope="col">{i18n.report_satisfaction()}</th>
                                                </tr></thead>
                                                <tbody>
                                                    {r.rows.iter().map(|row| view! {
                                                        <tr data-key=row.key.clone()>
                                                            <th scope="row">{row.label.clone()}</th>
                                                            {row_cells(i18n, row)}
                                                        </tr>
                                                    }).collect_view()}
                                                </tbody>
                                                <tfoot>
                                                    <tr data-key="total">
                                                        <th scope="row">{i18n.report_total()}</th>
                                                        {row_cells(i18n, &r.total)}
                                                    </tr>
                                                </tfoot>
                                            </table>
                                        </div>
                                    }.into_any()
                                }}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
            {move || me.get().flatten().filter(|m| m.is_manager()).map(|_| view! { <targets::Targets /> })}
        </section>
    }
}
