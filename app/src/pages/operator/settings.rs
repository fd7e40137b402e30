//! The tenant admin edits the approval matrix: rules in order with their conditions and
//! outcome in words, moved up or down or deleted one at a time, a form to add a rule,
//! and (for everything else) the whole matrix as TOML, checked before saving; and the
//! purchase-order consolidation window. Every change saves a new version; a change made
//! from an outdated page is refused.

use leptos::prelude::*;

use crate::api::get_matrix;
use crate::components::{Flash, SignedInPage};
use crate::views::{MatrixView, Portal};

#[component]
pub fn ApprovalSettingsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_matrix());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: MatrixView| {
                let action = p.href("/settings/approvals");
                let add = p.href("/settings/approvals/rules");
                let version = v.version.to_string();
                let count = v.rules.len();
                view! {
                    <section class="card">
                        <h1>"Approval matrix"</h1>
                        <Flash/>
                        <p class="muted">"Rules are checked top to bottom; the first that matches a document decides. Nothing above "
                            {v.auto_approve_limit.clone()} " is ever approved automatically. When no rule matches: " {v.default_steps.clone()} "."</p>
                        {if v.rules.is_empty() {
                            view! { <p class="empty" role="status">"No rules: every document goes to the default steps."</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-scroll">
                                    <table class="stock policies">
                                        <thead><tr><th scope="col">"#"</th><th scope="col">"Rule"</th><th scope="col">"When"</th><th scope="col">"Then"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
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
                                                                <form method="post" action=act("up")><input type="hidden" name="version" value=version.clone()/><button type="submit" class="link" aria-label=format!("Move rule {} up", i + 1)>"↑ Up"</button></form>
                                                            })}
                                                            {(i + 1 < count).then(|| view! {
                                                                <form method="post" action=act("down")><input type="hidden" name="version" value=version.clone()/><button type="submit" class="link" aria-label=format!("Move rule {} down", i + 1)>"↓ Down"</button></form>
                                                            })}
                                                            <details>
                                                                <summary>"Delete…"</summary>
                                                                <form method="post" action=act("delete")>
                                                                    <input type="hidden" name="version" value=version.clone()/>
                                                                    <button type="submit" class="danger">"Delete this rule"</button>
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
                        <h2>"Add a rule"</h2>
                        <p class="muted">"Leave a condition empty to match anything. The rule is added last; move it up to give it priority. Amounts in " {v.currency.clone()} "."</p>
                        <form method="post" action=add class="form-grid">
                            <input type="hidden" name="version" value=version.clone()/>
                            <label>"Name" <input type="text" name="name" maxlength="80" required/></label>
                            <label>"Document"
                                <select name="doc_type">
                                    <option value="">"Any"</option>
                                    <option value="transfer">"Transfers"</option>
                                    <option value="purchase_order">"Purchase orders"</option>
                                </select>
                            </label>
                            <label>"Value from" <input type="text" name="min_value" inputmode="decimal" placeholder="e.g. 500.00"/></label>
                            <label>"Value up to" <input type="text" name="max_value" inputmode="decimal" placeholder="e.g. 2500.00"/></label>
                            <label>"Product class"
                                <select name="class"><option value="">"Any"</option>
                                    {v.classes.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>"Region"
                                <select name="region"><option value="">"Any"</option>
                                    {v.regions.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>"Location"
                                <select name="location_id"><option value="">"Any"</option>
                                    {v.locations.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>"Supplier"
                                <select name="supplier_id"><option value="">"Any"</option>
                                    {v.suppliers.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                </select>
                            </label>
                            <label>"Then"
                                <select name="outcome">
                                    <option value="steps">"Approval steps (below)"</option>
                                    <option value="auto_approve">"Approve automatically (up to the limit)"</option>
                                </select>
                            </label>
                            {(1..=3).map(|n| {
                                let roles = v.roles.clone();
                                let escalate = v.roles.clone();
                                view! {
                                    <fieldset class="wide step">
                                        <legend>{format!("Step {n}")}{(n > 1).then_some(" (optional)")}</legend>
                                        <label>"Role"
                                            <select name=format!("step{n}_role")>
                                                {(n > 1).then(|| view! { <option value="">"—"</option> })}
                                                {roles.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                            </select>
                                        </label>
                                        <label>"Escalate after (hours)" <input type="number" name=format!("step{n}_hours") min="1" max="720" value="24"/></label>
                                        <label>"Escalate to"
                                            <select name=format!("step{n}_escalate_to")>
                                                <option value="">"Nobody: raise an exception"</option>
                                                {escalate.into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                                            </select>
                                        </label>
                                    </fieldset>
                                }
                            }).collect_view()}
                            <div class="actions wide"><button type="submit" class="primary">"Add rule"</button></div>
                        </form>
                    </section>
                    <section class="card">
                        <details>
                            <summary>"Edit the whole matrix as text, and the purchase-order window"</summary>
                            <p class="muted">
                                "A rule matches on "
                                <code>"doc_type"</code> " (transfer, purchase_order), " <code>"min_value_minor"</code> ", "
                                <code>"max_value_minor"</code> " (in cents), " <code>"class"</code> ", " <code>"region"</code> ", "
                                <code>"location_id"</code> " and " <code>"supplier_id"</code> "; its outcome is "
                                <code>"kind = \"auto_approve\""</code> " or " <code>"kind = \"steps\""</code>
                                " with steps naming a role, hours before escalation and the role it escalates to. Nothing above "
                                <code>"auto_approve_limit_minor"</code> " is ever approved automatically."
                            </p>
                            <form method="post" action=action class="matrix">
                                <input type="hidden" name="version" value=version.clone()/>
                                <label>"Purchase-order window (minutes) "
                                    <input type="number" name="po_window_minutes" min="1" max="10080" value=v.po_window_minutes.to_string() required/>
                                </label>
                                <label for="matrix">"Matrix"</label>
                                <textarea id="matrix" name="matrix" rows="24" spellcheck="false">{v.toml}</textarea>
                                <button type="submit" class="primary">"Save"</button>
                            </form>
                        </details>
                    </section>
                }.into_any()
        }/>
    }
}
