//! The answer's rating on the detail page: sent once; afterwards what the customer said.

use leptos::{prelude::*, task::spawn_local};

use crate::{
    api::{ApiError, Client, Satisfaction},
    components::{RatingForm, RatingGiven},
    domain::rating::Rating,
    i18n::use_i18n,
    pages::app_href,
};

/// Shown on an answered inquiry. A second rating (another tab rated it a moment ago) is said
/// in the page's notice and the page is read again, showing the rating that stands.
#[component]
pub fn RatingSection(
    id: String,
    given: Option<Satisfaction>,
    notice: RwSignal<Option<String>>,
    #[prop(into)] on_stale: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = expect_context::<Client>();
    let given = RwSignal::new(given);
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let follow_up = app_href(&format!("/new?ref={id}"));
    let on_submit = Callback::new(move |r: Rating| {
        let (client, id) = (client.clone(), id.clone());
        pending.set(true);
        error.set(None);
        spawn_local(async move {
            match client.rate(&id, &r).await {
                Ok(s) => given.set(Some(s)),
                Err(ApiError::Conflict { .. }) => {
                    notice.set(Some(i18n.rating_already()));
                    on_stale.run(());
                }
                // The choices and the comment stay in the form to send again.
                Err(e) => error.set(Some(i18n.api_error(&e))),
            }
            pending.set(false);
        });
    });
    view! {
        <section class="idk-section idk-rating-section" aria-labelledby="idk-rating-title">
            {move || match given.get() {
                Some(s) => view! { <RatingGiven given=s follow_up_href=follow_up.clone() /> }.into_any(),
                None => view! { <RatingForm pending=pending error=error on_submit=on_submit /> }.into_any(),
            }}
        </section>
    }
}
