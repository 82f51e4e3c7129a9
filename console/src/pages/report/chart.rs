//! The report's chart: received and answered per row, as SVG drawn here (a charting library
//! would weigh more than the console's whole page for two bar series). Types and counselors
//! are horizontal bars, busiest first; days and months are columns in time order. The table
//! beside it holds the same figures, so the chart is an image with a title and a description.

use leptos::prelude::*;

use crate::{api::ReportRow, i18n::use_i18n};

const WIDTH: f64 = 760.0;
/// Room for the labels on the left (bars) or below (columns).
const GUTTER: f64 = 180.0;
const BAR: f64 = 12.0;
const COLUMNS_HEIGHT: f64 = 220.0;

#[component]
pub fn Chart(rows: Vec<ReportRow>, by: String, time: bool) -> impl IntoView {
    let i18n = use_i18n();
    let max = rows
        .iter()
        .map(|r| r.received_cnt)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let title = i18n.report_chart_title(&by);
    let body = if time {
        columns(&rows, max).into_any()
    } else {
        bars(&rows, max).into_any()
    };
    let height = if time {
        COLUMNS_HEIGHT + 40.0
    } else {
        rows.len() as f64 * (BAR * 2.0 + 8.0) + 8.0
    };
    view! {
        <figure class="console-chart">
            <svg
                role="img"
                aria-labelledby="console-chart-title console-chart-desc"
                viewBox=format!("0 0 {WIDTH} {height}")
                width="100%"
                preserveAspectRatio="xMinYMin meet"
            >
                <title id="console-chart-title">{title.clone()}</title>
                <desc id="console-chart-desc">{i18n.report_chart_desc()}</desc>
                {body}
            </svg>
            <figcaption>
                <span class="console-chart-key console-chart-received"></span>{i18n.report_received()}
                " "
                <span class="console-chart-key console-chart-answered"></span>{i18n.report_answered()}
            </figcaption>
        </figure>
    }
}

/// One row: its label, then a received bar and an answered bar, each with its count.
fn bars(rows: &[ReportRow], max: f64) -> impl IntoView {
    let span = WIDTH - GUTTER - 48.0;
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let y = 8.0 + i as f64 * (BAR * 2.0 + 8.0);
            let received = span * f64::from(r.received_cnt) / max;
            let answered = span * f64::from(r.answered_cnt) / max;
            view! {
                <text x=GUTTER - 8.0 y=y + BAR + 4.0 text-anchor="end" class="console-chart-label">{r.label.clone()}</text>
                <rect x=GUTTER y=y width=received height=BAR - 1.0 class="console-chart-received" />
                <text x=GUTTER + received + 4.0 y=y + BAR - 2.0 class="console-chart-value">{r.received_cnt}</text>
                <rect x=GUTTER y=y + BAR width=answered height=BAR - 1.0 class="console-chart-answered" />
                <text x=GUTTER + answered + 4.0 y=y + BAR * 2.0 - 2.0 class="console-chart-value">{r.answered_cnt}</text>
            }
        })
        .collect_view()
}

/// Columns in time order: a pair per day or month; every few labels so they do not overlap.
fn columns(rows: &[ReportRow], max: f64) -> impl IntoView {
    let n = rows.len().max(1) as f64;
    let slot = (WIDTH - 40.0) / n;
    let half = (slot * 0.4).max(1.0);
    let every = (n / 12.0).ceil().max(1.0) as usize;
    let base = COLUMNS_HEIGHT;
    rows.iter()
        .enumerate()
        .map(|(i, r)| {
            let x = 20.0 + i as f64 * slot;
            let received = (base - 20.0) * f64::from(r.received_cnt) / max;
            let answered = (base - 20.0) * f64::from(r.answered_cnt) / max;
            // `2026-12-07` shows as `12-07`; a month as itself.
            let label = if r.label.len() == 10 { r.label[5..].to_owned() } else { r.label.clone() };
            view! {
                <rect x=x y=base - received width=half height=received class="console-chart-received" />
                <rect x=x + half y=base - answered width=half height=answered class="console-chart-answered" />
                {(i % every == 0).then(|| view! {
                    <text x=x + half y=base + 18.0 text-anchor="middle" class="console-chart-label">{label}</text>
                })}
            }
        })
        .collect_view()
}
