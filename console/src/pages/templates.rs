//! The template editor (/console/templates): every template the counselor sees, shared ones
//! (managers keep them) and their own; write a new one or change one (name, type, content,
//! with a preview of what an inquiry with and without an order reads), and delete one after a
//! confirmation. What was typed stays through a refused save.

use leptos::{ev::SubmitEvent, prelude::*, task::spawn_local};

use super::use_signed_in;
use crate::{
    api::{ApiError, Client, TemplateDraft, TemplateInfo, TemplatePreview},
    i18n::use_i18n,
};

/// The variables a template may use (the server fills them; a sentence whose variable has no
/// value for the inquiry is left out).
const VARIABLES: [&str; 6] = [
    "{고객명}",
    "{주문번호}",
    "{문의번호}",
    "{상품명}",
    "{문의제목}",
    "{상담원명}",
];

#[component]
pub fn TemplatesPage() -> impl IntoView {
    let client = expect_context::<Client>();
    let i18n = use_i18n();
    let signed_out = use_signed_in();
    let me = LocalResource::new(move || async move { client.whoami().await.ok() });
    let types = LocalResource::new(move || async move { client.types().await.unwrap_or_default() });
    let list = LocalResource::new(move || async move { client.template_list().await });
    // The template being edited (`None`: a new one), and the form's fields.
    let editing = RwSignal::new(None::<String>);
    let form = RwSignal::new(TemplateDraft::default());
    let error = RwSignal::new(None::<String>);
    let status = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<TemplatePreview>);
    let saving = RwSignal::new(false);
    let to_delete = RwSignal::new(None::<TemplateInfo>);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let name_field = NodeRef::<leptos::html::Input>::new();
    let is_manager = move || me.get().flatten().is_some_and(|m| m.is_manager());

    let edit = move |t: TemplateInfo| {
        editing.set(Some(t.ans_tmpl_no.clone()));
        form.set(TemplateDraft {
            name: t.ans_tmpl_nm,
            content: t.ans_tmpl_cont,
            type_no: t.cnsl_typ_no.unwrap_or_default(),
            shared: t.share_yn == "Y",
        });
        error.set(None);
        preview.set(None);
        if let Some(f) = name_field.get_untracked() {
            let _ = f.focus();
        }
    };
    let fresh = move |_| {
        editing.set(None);
        form.set(TemplateDraft::default());
        error.set(None);
        preview.set(None);
        if let Some(f) = name_field.get_untracked() {
            let _ = f.focus();
        }
    };
    let on_failure = {
        let signed_out = signed_out.clone();
        move |e: ApiError| match e {
            ApiError::Unauthorized => signed_out(),
            e => error.set(Some(e.message(i18n))),
        }
    };
    let submit = {
        let on_failure = on_failure.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            let on_failure = on_failure.clone();
            let (no, d) = (editing.get_untracked(), form.get_untracked());
            saving.set(true);
            error.set(None);
            status.set(None);
            spawn_local(async move {
                match client.save_template(no.as_deref(), &d).await {
                    Ok(t) => {
                        status.set(Some(i18n.template_saved(t.ans_tmpl_nm.clone())));
                        editing.set(None);
                        form.set(TemplateDraft::default());
                        preview.set(None);
                        list.refetch();
                    }
                    // Nothing typed is lost: the form keeps it.
                    Err(e) => on_failure(e),
                }
                saving.set(false);
            });
        }
    };
    let show_preview = {
        let on_failure = on_failure.clone();
        move |_| {
            let on_failure = on_failure.clone();
            let content = form.get_untracked().content;
            spawn_local(async move {
                match client.preview_template(&content).await {
                    Ok(p) => {
                        preview.set(Some(p));
                        error.set(None);
                    }
                    Err(e) => on_failure(e),
                }
            });
        }
    };
    let ask_delete = move |t: TemplateInfo| {
        to_delete.set(Some(t));
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close_dialog = move || {
        let no = to_delete.get_untracked().map(|t| t.ans_tmpl_no);
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
        // Focus goes back to the row's delete button (or the list, if the row went).
        let back = no
            .and_then(|n| {
                document()
                    .query_selector(&format!("[data-tmpl-no='{n}'] .console-delete"))
                    .ok()
                    .flatten()
            })
            .or_else(|| {
                document()
                    .query_selector("#console-templates-title")
                    .ok()
                    .flatten()
            });
        if let Some(el) =
            back.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = el.focus();
        }
    };
    let confirm_delete = move |_| {
        let on_failure = on_failure.clone();
        let Some(t) = to_delete.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match client.delete_template(&t.ans_tmpl_no).await {
                Ok(()) => {
                    status.set(Some(i18n.template_deleted(t.ans_tmpl_nm.clone())));
                    list.refetch();
                }
                Err(e) => on_failure(e),
            }
            close_dialog();
        });
    };
    let type_name = move |no: &Option<String>| {
        let Some(no) = no else {
            return i18n.all_types();
        };
        types
            .get()
            .unwrap_or_default()
            .iter()
            .find_map(|g| {
                (g.cnsl_typ_no == *no)
                    .then(|| g.cnsl_typ_nm.clone())
                    .or_else(|| {
                        g.children
                            .iter()
                            .find(|c| c.cnsl_typ_no == *no)
                            .map(|c| format!("{} > {}", g.cnsl_typ_nm, c.cnsl_typ_nm))
                    })
            })
            .unwrap_or_else(|| no.clone())
    };

    view! {
        <section class="console-templates" data-page="templates">
            <h1 id="console-templates-title" tabindex="-1">{i18n.templates_title()}</h1>
            <p class="console-status" role="status">{move || status.get()}</p>
            <table class="console-table">
                <caption class="console-sr">{i18n.templates_title()}</caption>
                <thead><tr>
                    <th scope="col">{i18n.template_name()}</th><th scope="col">{i18n.template_scope()}</th>
                    <th scope="col">{i18n.type_short()}</th><th scope="col">{i18n.template_uses()}</th>
                    <th scope="col"><span class="console-sr">{i18n.template_actions()}</span></th>
                </tr></thead>
                <tbody>
                    {move || list.get().map(|r| match r {
                        Err(e) => view! { <tr><td colspan="5" class="console-error" role="alert">{e.message(i18n)}</td></tr> }.into_any(),
                        Ok(rows) => rows.into_iter().map(|t| {
                            let (e1, e2) = (t.clone(), t.clone());
                            let editable = t.editable_yn == "Y";
                            view! {
                                <tr data-tmpl-no=t.ans_tmpl_no.clone() data-share=t.share_yn.clone()>
                                    <td>{t.ans_tmpl_nm.clone()}</td>
                                    <td>{if t.share_yn == "Y" { i18n.template_shared() } else { i18n.template_own() }}</td>
                                    <td>{type_name(&t.cnsl_typ_no)}</td>
                                    <td>{t.use_cnt}</td>
                                    <td>{editable.then(|| view! {
                                        <button type="button" class="console-button" on:click=move |_| edit(e1.clone())
                                            aria-label=i18n.template_edit_named(t.ans_tmpl_nm.clone())>{i18n.template_edit()}</button>
                                        " "
                                        <button type="button" class="console-button console-delete" on:click=move |_| ask_delete(e2.clone())
                                            aria-label=i18n.template_delete_named(t.ans_tmpl_nm.clone())>{i18n.template_delete()}</button>
                                    })}</td>
                                </tr>
                            }
                        }).collect_view().into_any(),
                    })}
                </tbody>
            </table>

            <form class="console-card console-template-form" on:submit=submit novalidate aria-labelledby="console-template-form-title">
                <h2 id="console-template-form-title">
                    {move || if editing.get().is_some() { i18n.template_editing() } else { i18n.template_new() }}
                </h2>
                <label for="console-tmpl-name">{i18n.template_name()}</label>
                <input id="console-tmpl-name" node_ref=name_field maxlength="50" aria-describedby="console-tmpl-error"
                    prop:value=move || form.get().name on:input=move |e| form.update(|f| f.name = event_target_value(&e)) />
                <label for="console-tmpl-type">{i18n.type_short()}</label>
                <select id="console-tmpl-type" on:change=move |e| form.update(|f| f.type_no = event_target_value(&e))>
                    <option value="" selected=move || form.get().type_no.is_empty()>{i18n.all_types()}</option>
                    {move || types.get().unwrap_or_default().into_iter().map(|g| {
                        let gno = g.cnsl_typ_no.clone();
                        view! {
                            <option value=g.cnsl_typ_no.clone() selected=move || form.get().type_no == gno>{g.cnsl_typ_nm.clone()}</option>
                            {g.children.into_iter().map(|c| {
                                let cno = c.cnsl_typ_no.clone();
                                view! { <option value=c.cnsl_typ_no.clone() selected=move || form.get().type_no == cno>{format!("{} > {}", g.cnsl_typ_nm, c.cnsl_typ_nm)}</option> }
                            }).collect_view()}
                        }
                    }).collect_view()}
                </select>
                <fieldset class="console-scope" disabled=move || editing.get().is_some()>
                    <legend>{i18n.template_scope()}</legend>
                    <label><input type="radio" name="console-tmpl-scope" prop:checked=move || !form.get().shared
                        on:change=move |_| form.update(|f| f.shared = false) />{i18n.template_own()}</label>
                    <label><input type="radio" name="console-tmpl-scope" prop:checked=move || form.get().shared
                        disabled=move || !is_manager() aria-describedby="console-tmpl-scope-hint"
                        on:change=move |_| form.update(|f| f.shared = true) />{i18n.template_shared()}</label>
                    <p id="console-tmpl-scope-hint" class="console-muted">{i18n.template_shared_hint()}</p>
                </fieldset>
                <label for="console-tmpl-content">{i18n.template_content()}</label>
                <p id="console-tmpl-vars" class="console-muted">{i18n.template_variables(VARIABLES.join(" "))}</p>
                <textarea id="console-tmpl-content" rows="8" aria-describedby="console-tmpl-vars console-tmpl-error"
                    prop:value=move || form.get().content on:input=move |e| form.update(|f| f.content = event_target_value(&e))></textarea>
                <p id="console-tmpl-error" class="console-error" role="alert">{move || error.get()}</p>
                <div class="console-row-actions">
                    <button type="button" class="console-button" on:click=show_preview>{i18n.preview()}</button>
                    <button type="submit" class="console-button console-button-primary" disabled=saving>{i18n.template_save()}</button>
                    <button type="button" class="console-button" on:click=fresh>{i18n.template_new()}</button>
                </div>
                {move || preview.get().map(|p| view! {
                    <section class="console-preview-pair" aria-label=i18n.preview()>
                        <h3>{i18n.template_preview_with_order()}</h3>
                        <p class="console-content console-preview">{p.with_order}</p>
                        <h3>{i18n.template_preview_without_order()}</h3>
                        <p class="console-content console-preview">{p.without_order}</p>
                    </section>
                })}
            </form>

            <dialog node_ref=dialog class="console-dialog" aria-labelledby="console-tmpl-del-title" on:cancel=move |e: leptos::ev::Event| { e.prevent_default(); close_dialog(); }>
                <h2 id="console-tmpl-del-title">{i18n.template_delete_title()}</h2>
                <p>{move || to_delete.get().map(|t| i18n.template_delete_body(t.ans_tmpl_nm))}</p>
                <div class="console-row-actions">
                    <button type="button" class="console-button" autofocus on:click=move |_| close_dialog()>{i18n.cancel()}</button>
                    <button type="button" class="console-button console-button-danger" on:click=confirm_delete>{i18n.template_delete()}</button>
                </div>
            </dialog>
        </section>
    }
}
