//! The tenant admin edits the approval matrix: rules in order with their conditions and
//! outcome in words, moved up or down or deleted one at a time, a form to add a rule,
//! and (for everything else) the whole matrix as TOML, checked before saving; and the
//! purchase-order consolidation window. Every change saves a new version; a change made
//! from an outdated page is refused.

use leptos::prelude::*;

use crate::api::get_matrix;
use crate::components::{Flash, SignedInPage};
use crate::views::{MatrixView, Portal};

/// The first of the private-use characters that stand in for markup in a message.
const MARK: u32 = 0xE000;

/// A message with markup inside it: each `(name, view)` of `parts` is shown where the
/// translated text has `{ $name }` (the catalogue's text itself carries no markup).
pub(super) fn rich(lang: i18n::Lang, id: &str, parts: Vec<(&'static str, AnyView)>) -> AnyView {
    let marks: Vec<(&'static str, i18n::FluentValue<'static>)> = parts
        .iter()
        .zip(MARK..)
        .map(|((name, _), m)| {
            let mark = char::from_u32(m).map(String::from).unwrap_or_default();
            (*name, i18n::FluentValue::from(mark))
        })
        .collect();
    let text = i18n::t_args(lang, id, &marks);
    let mut views: Vec<Option<AnyView>> = parts.into_iter().map(|(_, v)| Some(v)).collect();
    let mut out: Vec<AnyView> = Vec::new();
    let mut plain = String::new();
    for c in text.chars() {
        let slot = match (c as u32).checked_sub(MARK) {
            Some(i) => views.get_mut(i as usize).and_then(Option::take),
            None => None,
        };
        match slot {
            Some(view) => {
                if !plain.is_empty() {
                    out.push(std::mem::take(&mut plain).into_any());
                }
                out.push(view);
            }
            None => plain.push(c),
        }
    }
    if !plain.is_empty() {
        out.push(plain.into_any());
    }
    out.into_any()
}

#[component]
pub fn ApprovalSettingsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_matrix());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: MatrixView| {
                let lang = p.lang;
                let tr = move |id: &str| i18n::t(lang, id);
                let action = p.href("/settings/approvals");
                let add = p.href("/settings/approvals/rules");
                let version = v.version.to_string();
                let count = v.rules.len();
                view! {
                    <section class="card">
                        <h1>{tr("admin-matrix-heading")}</h1>
                        <Flash/>
                        <p class="muted">{i18n::t_args(lang, "admin-matrix-intro", &[("limit", v.auto_approve_limit.clone().into()), ("steps", v.default_steps.clone().into())])}</p>
                        {if v.rules.is_empty() {
                            view! { <p class="empty" role="status">{tr("admin-matrix-empty")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-scroll">
                                    <table class="stock policies">
                                        <thead><tr><th scope="col">{tr("admin-matrix-col-number")}</th><th scope="col">{tr("admin-matrix-col-rule")}</th><th scope="col">{tr("admin-matrix-col-when")}</th><th scope="col">{tr("admin-matrix-then")}</th><th scope="col"><span class="sr-only">{tr("admin-actions")}</span></th></tr></thead>
                                        <tbody>
                                            {v.rules.into_iter().enumerate().map(|(i, r)| {
                                                let act = |op: &str| p.href(&format!("/settings/approvals/rules/{i}/{op}"));
                                                let version = version.clone();
                                                view! {
                                                    <tr>
                                                        <td>{i + 1}</td>
                                                        <td>{r.name}</td>
                                                        <td>{r.when}</td>
                                                        <td>{r.then}</td>
                                                        <td class="row-actions">
                                                            {(i > 0).then(|| view! {
                                                                <form method="post" action=act("up")><input type="hidden" name="version" value=version.clone()/><button type="submit" class="link" aria-label={i18n::t_args(lang, "admin-matrix-move-up", &[("n", (i as i64 + 1).into())])}>{tr("admin-matrix-up")}</button></form>
                                                            })}
                                                            {(i + 1 < count).then(|| view! {
                                                                <form method="post" action=act("down")><input type="hidden" name="version" value=version.clone()/><button type="submit" class="link" aria-label={i18n::t_args(lang, "admin-matrix-move-down", &[("n", (i as i64 + 1).into())])}>{tr("admin-matrix-down")}</button></form>
                                                            })}
                                                            <details>
                                                                <summary>{tr("admin-delete-ellipsis")}</summary>
                                                                <form method="post" action=act("delete")>
                                                                    <input type="hidden" name="version" value=version.clone()/>
                                                                    <button type="submit" class="danger">{tr("admin-matrix-delete")}</button>
                                                                </form>
                                                            </details>
                                                        </td>
                                                    </tr>
                                                }
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            }.into_any()
                        }}
                    </section>
                    <section class="card">
                        <h2>{tr("admin-matrix-add-heading")}</h2>
                        <p class="muted">{i18n::t_args(lang, "admin-matrix-add-intro", &[("currency", v.currency.clone().into())])}</p>
                        <form method="post" action=add class="form-grid">
                            <input type="hidden" name="version" value=version.clone()/>
                            <label>{tr("admin-name")} <input type="text" name="name" maxlength="80" required/></label>
                            <label>{tr("admin-matrix-document")}
                                <select name="doc_type">
                                    <option value="">{tr("admin-any")}</option>
                                    <option value="transfer">{tr("admin-matrix-doc-transfers")}</option>
                                    <option value="purchase_order">{tr("admin-matrix-doc-purchase-orders")}</option>
                                </select>
                            </label>
                            <label>{tr("admin-matrix-value-from")} <input type="text" name="min_value" inputmode="decimal" placeholder={i18n::t_args(lang, "admin-matrix-example", &[("amount", "500.00".into())])}/></label>
                            <label>{tr("admin-matrix-value-up-to")} <input type="text" name="max_value" inputmode="decimal" placeholder={i18n::t_args(lang, "admin-matrix-example", &[("amount", "2500.00".into())])}/></label>
                            <label>{tr("admin-product-class")}
                                <select name="class"><option value="">{tr("admin-any")}</option>
                                    {v.classes.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>{tr("admin-matrix-region")}
                                <select name="region"><option value="">{tr("admin-any")}</option>
                                    {v.regions.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>{tr("admin-location")}
                                <select name="location_id"><option value="">{tr("admin-any")}</option>
                                    {v.locations.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>{tr("admin-supplier")}
                                <select name="supplier_id"><option value="">{tr("admin-any")}</option>
                                    {v.suppliers.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>{tr("admin-matrix-then")}
                                <select name="outcome">
                                    <option value="steps">{tr("admin-matrix-outcome-steps")}</option>
                                    <option value="auto_approve">{tr("admin-matrix-outcome-auto")}</option>
                                </select>
                            </label>
                            {(1..=3_i64).map(|n| {
                                let roles = v.roles.clone();
                                let escalate = v.roles.clone();
                                view! {
                                    <fieldset class="wide step">
                                        <legend>{i18n::t_args(lang, if n > 1 { "admin-matrix-step-n-optional" } else { "admin-matrix-step-n" }, &[("n", n.into())])}</legend>
                                        <label>{tr("admin-role")}
                                            <select name=format!("step{n}_role")>
                                                {(n > 1).then(|| view! { <option value="">"—"</option> })}
                                                {roles.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                            </select>
                                        </label>
                                        <label>{tr("admin-matrix-escalate-after")} <input type="number" name=format!("step{n}_hours") min="1" max="720" value="24"/></label>
                                        <label>{tr("admin-matrix-escalate-to")}
                                            <select name=format!("step{n}_escalate_to")>
                                                <option value="">{tr("admin-matrix-nobody")}</option>
                                                {escalate.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                            </select>
                                        </label>
                                    </fieldset>
                                }
                            }).collect_view()}
                            <div class="actions wide"><button type="submit" class="primary">{tr("admin-matrix-add")}</button></div>
                        </form>
                    </section>
                    <section class="card">
                        <details>
                            <summary>{tr("admin-matrix-text-summary")}</summary>
                            <p class="muted">{matrix_help(lang)}</p>
                            <form method="post" action=action class="matrix">
                                <input type="hidden" name="version" value=version.clone()/>
                                <label>{tr("admin-matrix-po-window")} " "
                                    <input type="number" name="po_window_minutes" min="1" max="10080" value=v.po_window_minutes.to_string() required/>
                                </label>
                                <label for="matrix">{tr("admin-matrix-matrix")}</label>
                                <textarea id="matrix" name="matrix" rows="24" spellcheck="false" translate="no">{v.toml}</textarea>
                                <button type="submit" class="primary">{tr("admin-save")}</button>
                            </form>
                        </details>
                    </section>
                }.into_any()
        }/>
    }
}

/// What the matrix's text says, its field names as code.
fn matrix_help(lang: i18n::Lang) -> AnyView {
    let code = |c: &'static str| view! { <code>{c}</code> }.into_any();
    rich(
        lang,
        "admin-matrix-text-help",
        vec![
            ("doc_type", code("doc_type")),
            ("min_value", code("min_value_minor")),
            ("max_value", code("max_value_minor")),
            ("class", code("class")),
            ("region", code("region")),
            ("location", code("location_id")),
            ("supplier", code("supplier_id")),
            ("auto", code("kind = \"auto_approve\"")),
            ("steps", code("kind = \"steps\"")),
            ("limit", code("auto_approve_limit_minor")),
        ],
    )
}
