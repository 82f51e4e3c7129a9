//! Styles that neither leak out nor let the host's global CSS in; a 360 px host.

use super::*;

/// Computed styles that the host's global CSS would be most likely to disturb.
const PROPS: [&str; 14] = [
    "font-family",
    "font-size",
    "font-weight",
    "color",
    "background-color",
    "margin-top",
    "padding-left",
    "border-top-width",
    "border-top-style",
    "border-radius",
    "text-transform",
    "letter-spacing",
    "line-height",
    "box-sizing",
];

fn styles_of(elements: &[Element]) -> Vec<Vec<String>> {
    let window = web_sys::window().unwrap();
    elements
        .iter()
        .map(|el| {
            let cs = window.get_computed_style(el).unwrap().unwrap();
            let mut v: Vec<String> = PROPS
                .iter()
                .map(|p| format!("{p}: {}", cs.get_property_value(p).unwrap()))
                .collect();
            let r = el.get_bounding_client_rect();
            v.push(format!(
                "size: {}x{}",
                r.width().round(),
                r.height().round()
            ));
            v
        })
        .collect()
}

const HOSTILE_CSS: &str = "
  html { font-size: 40px; }
  * { margin: 13px; padding: 9px; font-family: serif; color: rgb(255, 0, 0); letter-spacing: 3px;
      line-height: 3; box-sizing: content-box; border-radius: 0; }
  button { background: hotpink; border: 5px dashed lime; text-transform: uppercase; font-size: 30px; }
  h1, h2 { font-size: 60px; color: blue; font-weight: 100; }
  a { color: orange; }
  input, select, textarea { background: yellow; border: 4px solid black; }
  ul, li { list-style: square; padding: 30px; }
  div, section { border: 2px dotted purple; background-color: rgb(200, 255, 200); }
";

#[wasm_bindgen_test]
async fn a_hostile_page_stylesheet_does_not_change_the_app_and_the_app_does_not_change_the_page() {
    let host = host_at("/", "width: 900px");
    let mut handle = js_mount(host.clone(), options("token: 'demo-member-1'")).unwrap();
    wait_rows(&host).await;
    settle().await;
    let probes: Vec<Element> = [
        ".inquiry-desk",
        ".idk-title",
        ".idk-page-head .idk-button",
        ".idk-chip",
        ".idk-filters select, .idk-filters input",
        ".idk-rows",
        ".idk-row",
        "a.idk-row-title",
        ".idk-badge-name",
        ".idk-pager .idk-button",
    ]
    .iter()
    .map(|s| in_host(&host, s).unwrap_or_else(|| panic!("{s}")))
    .collect();
    let before = styles_of(&probes);

    let hostile = document().create_element("style").unwrap();
    hostile.set_text_content(Some(HOSTILE_CSS));
    document().head().unwrap().append_child(&hostile).unwrap();
    settle().await;
    let after = styles_of(&probes);
    hostile.remove();
    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
        assert_eq!(
            b,
            a,
            "{:?} changed under the hostile CSS",
            probes[i].class_name()
        );
    }
    handle.unmount();
    host.remove();

    // The other way round: the app's stylesheet leaves the page's own elements alone.
    let page = document().create_element("section").unwrap();
    page.set_inner_html(
        "<h1>Store</h1><p>Text <a href='#'>link</a></p><button>Buy</button><input><ul><li>x</li></ul>",
    );
    document().body().unwrap().append_child(&page).unwrap();
    let outside: Vec<Element> = ["section", "h1", "p", "a", "button", "input", "ul", "li"]
        .iter()
        .map(|s| {
            page.query_selector(s)
                .unwrap()
                .unwrap_or_else(|| page.clone())
        })
        .collect();
    let sheet = document().get_element_by_id("idk-test-styles").unwrap();
    let with_app_css = styles_of(&outside);
    sheet.remove();
    let without = styles_of(&outside);
    document().head().unwrap().append_child(&sheet).unwrap();
    assert_eq!(with_app_css, without, "the app's CSS reached the page");
    page.remove();

    // And by construction: every rule is under the root class, every animation name prefixed.
    let style: web_sys::HtmlStyleElement = sheet.unchecked_into();
    let css = style
        .sheet()
        .unwrap()
        .unchecked_into::<web_sys::CssStyleSheet>();
    let mut selectors = Vec::new();
    collect_selectors(&css.css_rules().unwrap(), &mut selectors);
    assert!(selectors.len() > 50);
    for s in selectors {
        for part in top_level_parts(&s) {
            let part = part.trim();
            assert!(
                part.starts_with(".inquiry-desk") || part.starts_with("@keyframes idk-"),
                "unscoped selector {part:?}"
            );
        }
    }
}

/// A selector list split at its top-level commas (not those inside `:where(…)`).
fn top_level_parts(list: &str) -> Vec<String> {
    let (mut parts, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in list.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    parts.push(current);
    parts
}

fn collect_selectors(rules: &web_sys::CssRuleList, out: &mut Vec<String>) {
    for i in 0..rules.length() {
        let rule = rules.item(i).unwrap();
        if let Some(style) = rule.dyn_ref::<web_sys::CssStyleRule>() {
            out.push(style.selector_text());
        } else if let Some(kf) = rule.dyn_ref::<web_sys::CssKeyframesRule>() {
            out.push(format!("@keyframes {}", kf.name()));
        } else if let Ok(inner) = js_sys::Reflect::get(&rule, &"cssRules".into()) {
            // @media, @container
            if let Ok(list) = inner.dyn_into::<web_sys::CssRuleList>() {
                collect_selectors(&list, out);
            }
        }
    }
}

/// Every visible control is at least 24×24 px and nothing sticks out of the app sideways.
fn assert_fits(host: &HtmlElement, what: &str) {
    let root = in_host(host, ".inquiry-desk").unwrap();
    let bounds = root.get_bounding_client_rect();
    assert!(
        root.scroll_width() <= root.client_width(),
        "{what}: scrolls sideways ({} > {})",
        root.scroll_width(),
        root.client_width()
    );
    let all = root.query_selector_all("*").unwrap();
    for i in 0..all.length() {
        let el: Element = all.item(i).unwrap().unchecked_into();
        let r = el.get_bounding_client_rect();
        if r.width() == 0.0 && r.height() == 0.0 {
            continue; // not rendered
        }
        let in_dialog = el.closest("dialog").unwrap().is_some();
        // Visually hidden controls (the file input behind its label-button) are not targets.
        if in_dialog || el.closest(".idk-visually-hidden").unwrap().is_some() {
            continue;
        }
        {
            assert!(
                r.right() <= bounds.right() + 0.5 && r.left() >= bounds.left() - 0.5,
                "{what}: <{} class={:?}> sticks out ({}..{} of {}..{})",
                el.tag_name(),
                el.class_name(),
                r.left(),
                r.right(),
                bounds.left(),
                bounds.right()
            );
        }
        let interactive = el
            .matches("a[href], button, input:not([type='hidden']), select, textarea, [role='option'], [role='tab']")
            .unwrap();
        if interactive {
            assert!(
                r.width() >= 24.0 && r.height() >= 24.0,
                "{what}: <{} class={:?}> is {}x{} px, under 24",
                el.tag_name(),
                el.class_name(),
                r.width(),
                r.height()
            );
        }
    }
}

#[wasm_bindgen_test]
async fn fits_a_360_px_host_and_a_1280_px_one_with_big_enough_targets() {
    let detail = inquiry_with_status("demo-member-1", "30").await;
    for width in [360, 1280] {
        for (url, ready) in [
            ("/".to_owned(), ".idk-rows:not(.idk-skeleton) .idk-row"),
            (format!("/{detail}"), "[data-page='detail'] .idk-thread"),
            ("/new".to_owned(), "#idk-f-title"),
        ] {
            let host = host_at(&url, &format!("width: {width}px"));
            let mut handle = js_mount(
                host.clone(),
                options("token: 'demo-member-1', locale: 'en'"),
            )
            .unwrap();
            wait_in(&host, ready).await;
            settle().await;
            assert_fits(&host, &format!("{url} at {width}px"));
            handle.unmount();
            host.remove();
        }
    }
}
