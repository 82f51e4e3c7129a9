//! The answer notifications of an inquiry: channel, masked recipient, state with its last
//! error, how it went out (알림톡, or SMS after 알림톡 failed) and the attempts.

use leptos::prelude::*;

use crate::{api::Detail, i18n::use_i18n};

#[component]
pub fn Notifications(detail: RwSignal<Detail>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        detail.with(|d| {
            (!d.notifications.is_empty()).then(|| {
                view! {
                    <h2>{i18n.notifications()}</h2>
                    <table class="console-table console-notifications">
                        <thead><tr><th scope="col">{i18n.channel()}</th><th scope="col">{i18n.recipient()}</th><th scope="col">{i18n.status()}</th><th scope="col">{i18n.attempts()}</th></tr></thead>
                        <tbody>
                            {d.notifications.iter().map(|n| view! {
                                <tr data-channel=n.channel.clone() data-status=n.ntf_stat_cd.clone()>
                                    <td>{i18n.channel_name(&n.channel)}</td>
                                    <td>{n.rcpt.clone()}</td>
                                    <td>
                                        {i18n.notification_status(&n.ntf_stat_cd)}
                                        {n.route().map(|v| format!(" · {v}"))}
                                        {n.last_error.clone().map(|e| format!(" ({e})"))}
                                    </td>
                                    <td>{n.attempt_cnt}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })
        })
    }
}
