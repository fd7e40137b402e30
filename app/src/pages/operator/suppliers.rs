//! The tenant admin's page of supplier access: each supplier with the people who answer
//! its orders in the supplier portal and the invitations still open, a form to invite
//! someone, and (after a confirmation) withdrawing an invitation or removing access.

use leptos::prelude::*;

use crate::api::get_supplier_access;
use crate::components::{Flash, SignedInPage};
use crate::views::{Portal, SupplierAccessView};

#[component]
pub fn SupplierAccessPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_supplier_access());
    view! {
        <SignedInPage data=data render=move |p: Portal, v: SupplierAccessView| view! { <Access portal=p access=v/> }.into_any()/>
    }
}

/// The suppliers' clocks: working time and the hours allowed to acknowledge.
#[component]
fn Clocks(clocks: crate::views::ClocksView, action: String) -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Supplier clocks"</h2>
            <p class="muted">"A sent order is due to be acknowledged within the working hours below; then the supplier is reminded, and later you get an exception. Changes apply to orders sent from now on."</p>
            <form method="post" action=action class="stack">
                <label for="time_zone">"Time zone (such as Europe/Amsterdam)"</label>
                <input id="time_zone" type="text" name="time_zone" required maxlength="64" value=clocks.time_zone/>
                <fieldset>
                    <legend>"Working days"</legend>
                    {clocks.days.into_iter().map(|(code, label, worked)| view! {
                        <label class="check"><input type="checkbox" name="day" value=code checked=worked/>" " {label}</label>
                    }).collect_view()}
                </fieldset>
                <label for="day_starts">"Working day starts at (hour, 0–23)"</label>
                <input id="day_starts" type="number" name="day_starts" min="0" max="23" required value=clocks.day_starts.to_string()/>
                <label for="day_ends">"Working day ends at (hour, 1–24)"</label>
                <input id="day_ends" type="number" name="day_ends" min="1" max="24" required value=clocks.day_ends.to_string()/>
                <label for="ack_hours">"Working hours to acknowledge an order"</label>
                <input id="ack_hours" type="number" name="ack_hours" min="1" max="1000" required value=clocks.ack_hours.to_string()/>
                <label for="escalate_after_hours">"Working hours after the reminder before you are alerted"</label>
                <input id="escalate_after_hours" type="number" name="escalate_after_hours" min="1" max="1000" required value=clocks.escalate_after_hours.to_string()/>
                <button type="submit" class="primary">"Save the clocks"</button>
            </form>
        </section>
    }
}

#[component]
fn Access(portal: Portal, access: SupplierAccessView) -> impl IntoView {
    let invite = portal.href("/settings/suppliers/invite");
    view! {
        <section class="card">
            <h1>"Supplier access"</h1>
            <Flash/>
            <p class="muted">"People you invite see only their own organisation's purchase orders, in your portal, and answer them there. Each invitation link works once, for seven days."</p>
            {if access.choices.is_empty() {
                view! { <p class="empty" role="status">"You have no suppliers yet. Add them to the tenant's data first."</p> }.into_any()
            } else {
                view! {
                    <h2>"Invite someone"</h2>
                    <form method="post" action=invite class="inline-form">
                        <label>"Supplier "
                            <select name="supplier_id" required>
                                {access.choices.clone().into_iter().map(|c| view! { <option value=c.value>{c.label}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>"Name " <input type="text" name="name" required maxlength="100" autocomplete="off"/></label>
                        <label>"E-mail " <input type="email" name="email" required maxlength="254" autocomplete="off"/></label>
                        <button type="submit" class="primary">"Send the invitation"</button>
                    </form>
                }.into_any()
            }}
        </section>
        <Clocks clocks=access.clocks.clone() action=portal.href("/settings/suppliers/clocks")/>
        {access.suppliers.into_iter().map(|s| {
            let nobody = s.users.is_empty() && s.invitations.is_empty();
            view! {
                <section class="card">
                    <h2>{format!("{} ({})", s.name, s.code)}</h2>
                    {nobody.then(|| view! { <p class="empty">"Nobody from this supplier has access yet; they answer orders through the link in each order's e-mail."</p> })}
                    {(!s.users.is_empty()).then(|| view! {
                        <ul class="people">
                            {s.users.into_iter().map(|(id, name, email)| {
                                let remove = portal.href(&format!("/settings/suppliers/users/{id}/remove"));
                                view! {
                                    <li>
                                        <span>{name.clone()} " · " <span class="muted">{email}</span></span>
                                        <details>
                                            <summary>"Remove access…"</summary>
                                            <form method="post" action=remove>
                                                <button type="submit" class="danger">{format!("Remove {name}'s access")}</button>
                                            </form>
                                        </details>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                    {(!s.invitations.is_empty()).then(|| view! {
                        <h3>"Invited"</h3>
                        <ul class="people">
                            {s.invitations.into_iter().map(|(id, name, email, when)| {
                                let revoke = portal.href(&format!("/settings/suppliers/invitations/{id}/revoke"));
                                view! {
                                    <li>
                                        <span>{name} " · " <span class="muted">{email} " · " {when}</span></span>
                                        <details>
                                            <summary>"Withdraw…"</summary>
                                            <form method="post" action=revoke>
                                                <button type="submit" class="danger">"Withdraw this invitation"</button>
                                            </form>
                                        </details>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        }).collect_view()}
    }
}
