//! The three locales and the customer's time zone.

use super::*;

#[wasm_bindgen_test]
async fn each_locale_renders_the_list_and_the_detail_in_its_language() {
    let answered = inquiry_with_status("demo-member-1", "30").await;
    let mut seen_titles = Vec::new();
    for locale in Locale::ALL {
        let i18n = I18n::new(locale, Some("Asia/Seoul"));
        let host = host_at("/", "");
        let mut handle = js_mount(
            host.clone(),
            options(&format!(
                "token: 'demo-member-1', locale: '{}', timeZone: 'Asia/Seoul'",
                locale.tag()
            )),
        )
        .unwrap();
        wait_rows(&host).await;
        let root = in_host(&host, ".inquiry-desk").unwrap();
        assert_eq!(root.get_attribute("lang").as_deref(), Some(locale.tag()));
        let text = host.text_content().unwrap();
        for label in [
            i18n.app_title(),
            i18n.new_inquiry(),
            i18n.period(),
            i18n.status(),
        ] {
            assert!(text.contains(&label), "{locale}: {label:?} in the list");
        }
        let badge = in_host(&host, ".idk-row[data-status='30'] .idk-badge-name");
        if let Some(badge) = badge {
            assert_eq!(badge.text_content().unwrap(), i18n.status_answered());
        }
        // Dates as the locale writes them (Intl), not one fixed pattern.
        let date = in_host(&host, ".idk-row-date").unwrap();
        let stamp = date.get_attribute("datetime").unwrap();
        let t = chrono::DateTime::parse_from_rfc3339(&stamp).unwrap();
        assert_eq!(date.text_content().unwrap(), i18n.date(&t));
        seen_titles.push(i18n.date(&t));

        // The detail of an answered inquiry.
        handle.unmount();
        host.remove();
        let host = host_at(&format!("/{answered}"), "");
        let mut handle = js_mount(
            host.clone(),
            options(&format!(
                "token: 'demo-member-1', locale: '{}', timeZone: 'Asia/Seoul'",
                locale.tag()
            )),
        )
        .unwrap();
        wait_in(&host, "[data-page='detail'] .idk-thread").await;
        let text = host.text_content().unwrap();
        for label in [
            i18n.back_to_list(),
            i18n.content(),
            i18n.replies(),
            i18n.lock_answered(),
            i18n.status_answered(),
        ] {
            assert!(text.contains(&label), "{locale}: {label:?} in the detail");
        }
        handle.unmount();
        host.remove();
    }
    seen_titles.dedup();
    assert_eq!(
        seen_titles.len(),
        3,
        "three ways of writing a date: {seen_titles:?}"
    );
}

#[wasm_bindgen_test]
async fn dates_are_shown_in_the_customers_time_zone() {
    let answered = inquiry_with_status("demo-member-1", "30").await;
    let mut shown = Vec::new();
    for zone in ["Asia/Seoul", "America/Los_Angeles"] {
        let host = host_at(&format!("/{answered}"), "");
        let mut handle = js_mount(
            host.clone(),
            options(&format!(
                "token: 'demo-member-1', locale: 'en', timeZone: '{zone}'"
            )),
        )
        .unwrap();
        let time = wait_in(&host, ".idk-facts time").await;
        let t =
            chrono::DateTime::parse_from_rfc3339(&time.get_attribute("datetime").unwrap()).unwrap();
        let text = time.text_content().unwrap();
        assert_eq!(text, I18n::new(Locale::En, Some(zone)).datetime(&t));
        shown.push(text);
        handle.unmount();
        host.remove();
    }
    assert_ne!(shown[0], shown[1], "17 hours apart");
}
