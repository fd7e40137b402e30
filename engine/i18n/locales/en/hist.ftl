# The audit trail and a document's history as sentences (engine/src/history.rs,
# engine/src/trail.rs), and the names the engine gives roles, documents and states
# (engine/src/model.rs, engine/src/workflow). `{ $who }` is the actor in words,
# `{ $about }` the entry's subject in words.

## Who did it, when it is not a person of this portal.
hist-actor-outside = someone outside this portal
hist-actor-acting = { $person } (service provider, act-as session { $session })
hist-actor-key = integration key { $key }
hist-actor-platform = the platform's operators
hist-actor-provider = your service provider
hist-actor-system = the system

## Documents and other subjects.
hist-transfer = transfer { $id }: { $quantity } × { $product } from { $from } to { $to }
hist-purchase-order = { $lines ->
    [one] purchase order PO-{ $id } to { $supplier } for { $location } ({ $lines } line)
   *[other] purchase order PO-{ $id } to { $supplier } for { $location } ({ $lines } lines)
}
hist-purchase-order-gone = purchase order PO-{ $id }
hist-product-unknown = product #{ $id }
hist-subject-transfer = transfer { $id }
hist-subject-purchase-order = purchase order { $id }
hist-subject-exception = exception { $id }
hist-subject-position = position { $id }
hist-subject-policy = policy { $id }
hist-subject-delegation = delegation { $id }
hist-subject-approval = approval { $id }
hist-subject-supplier = supplier { $id }
# A subject we have no words for: its recorded kind and id.
hist-subject-other = { $noun } { $id }

## What an entry adds at its end: a note someone wrote, the assistant's reasons.
hist-note = : “{ $text }”
hist-reasons = : { $reasons }

## Approval steps.
hist-step-approved = { $who } approved { $about }{ $note }
hist-step-approved-number = { $who } approved step { $step } of { $about }{ $note }
hist-step-approved-role = { $who } approved step { $step } ({ $role }) of { $about }{ $note }
hist-step-rejected = { $who } rejected { $about }{ $note }
hist-step-rejected-number = { $who } rejected step { $step } of { $about }{ $note }
hist-step-rejected-role = { $who } rejected step { $step } ({ $role }) of { $about }{ $note }

## The assistant.
hist-assistant-approved = { $who } approved { $about } on its own, within the limits set for it{ $reasons }
hist-assistant-shadowed-approve = { $who } would have approved { $about } (shadow mode: it only records){ $reasons }
hist-assistant-shadowed-refer = { $who } would have left to people { $about } (shadow mode: it only records){ $reasons }
hist-assistant-referred = { $who } left { $about } to people{ $reasons }

## Exceptions.
hist-exception-opened = { $who } opened { $about }
hist-exception-assigned = { $who } assigned { $about }
hist-exception-escalated = { $who } escalated { $about }
hist-exception-resolved = { $who } resolved { $about }
hist-exception-commented = { $who } commented on { $about }
# A step we have no words for, named as it was recorded.
hist-exception-other = { $who } { $verb } { $about }

## A transfer's or purchase order's steps.
hist-doc-proposed = { $who } proposed { $about }{ $note }
hist-doc-opened = { $who } opened { $about }
hist-doc-submitted = { $who } sent { $about } for approval
hist-doc-auto-approved = { $who } approved { $about } automatically, under the approval limit
hist-doc-approved = { $who } approved { $about }
hist-doc-edited = { $who } changed { $about }
hist-doc-edited-quantity = { $who } changed { $about } from { $from } to { $to } units
hist-doc-change-proposed = { $who } proposed a change to { $about }
hist-doc-change-accepted = { $who } accepted the proposed change to { $about }
hist-doc-change-rejected = { $who } turned down the proposed change to { $about }
hist-doc-shipped = { $who } shipped { $about }
hist-doc-received = { $who } received { $about }
hist-doc-line-added = { $who } added a line to { $about }
hist-doc-message = { $who } wrote about { $about }
hist-doc-links-revoked = { $who } withdrew the supplier's links to { $about }
hist-doc-ack-reminded = { $who } reminded the supplier to acknowledge { $about }
hist-doc-asn-reminded = { $who } reminded the supplier to announce the delivery of { $about }
hist-doc-resent = { $who } sent { $about } to the supplier again
hist-doc-sent = { $who } sent { $about } to the supplier
hist-doc-acknowledged = { $who } acknowledged { $about }
hist-doc-backordered = { $who } backordered { $about }
hist-doc-closed = { $who } closed { $about }
hist-doc-rejected = { $who } rejected { $about }{ $note }
hist-doc-declined = { $who } declined { $about }{ $note }
hist-doc-cancelled = { $who } cancelled { $about }{ $note }
hist-doc-other = { $who } { $verb } { $about }

## Anything else we have no words for, its action named as it was recorded.
hist-other = { $who }: { $what }
hist-other-about = { $who }: { $what } ({ $about })

## Other entries.
hist-approval-requested = { $who } asked for approval of { $about }
hist-approval-escalated = { $who } escalated the approval of { $about }: it waited too long
hist-approval-auto-approved = { $who } approved { $about } automatically: no approval step applies
hist-anomaly-settings-saved = { $who } changed the anomaly checks
hist-policy-saved = { $who } saved a replenishment policy
hist-policy-deleted = { $who } deleted a replenishment policy
hist-approval-matrix-saved = { $who } changed the approval matrix
hist-member-roles-changed = { $who } changed a member's roles
hist-member-deactivated = { $who } deactivated a member
hist-member-reactivated = { $who } reactivated a member
hist-invitation-created = { $who } invited someone
hist-invitation-revoked = { $who } withdrew an invitation
hist-invitation-accepted = { $who } accepted an invitation
hist-auth-signed-in = { $who } signed in
hist-auth-sign-in-failed = a sign-in as { $who } failed
hist-auth-second-factor-failed = { $who } entered a wrong sign-in code
hist-auth-two-factor-on = { $who } turned on two-step sign-in
hist-auth-two-factor-off = { $who } turned off two-step sign-in
hist-auth-recovery-codes-renewed = { $who } renewed their recovery codes
hist-auth-password-reset-requested = { $who } asked to reset their password
hist-auth-password-reset = { $who } set a new password from a reset link
hist-auth-password-changed = { $who } changed their password
hist-auth-language-changed = { $who } chose the language they read
hist-tenant-region-changed = { $who } changed the portal's language and time zone
hist-auth-password-check-failed = { $who } gave a wrong current password
hist-api-key-created = { $who } created an integration key
hist-api-key-revoked = { $who } revoked an integration key
hist-api-key-rotated = { $who } replaced an integration key
hist-webhook-endpoint-created = { $who } added a webhook endpoint
hist-webhook-endpoint-deleted = { $who } deleted a webhook endpoint
hist-webhook-endpoint-enabled = { $who } turned on a webhook endpoint
hist-webhook-endpoint-disabled = { $who } turned off a webhook endpoint
hist-webhook-endpoint-secret-rotated = { $who } replaced a webhook endpoint's secret
hist-webhook-delivery-replayed = { $who } sent a webhook delivery again
hist-webhook-source-created = { $who } added an event source
hist-webhook-source-deleted = { $who } deleted an event source
hist-webhook-source-mapping-saved = { $who } changed an event source's field mapping
hist-webhook-source-secret-rotated = { $who } replaced an event source's secret
hist-theme-saved = { $who } changed the portal's theme
hist-theme-picture-uploaded = { $who } uploaded a picture for the theme
hist-theme-pack-applied = { $who } applied a theme pack
hist-domain-added = { $who } added a custom domain
hist-domain-verified = { $who } verified a custom domain
hist-domain-removed = { $who } removed a custom domain
hist-tenant-suspended = { $who } suspended this portal
hist-tenant-resumed = { $who } resumed this portal
hist-tenant-provisioned = { $who } set up this portal
hist-tenant-two-factor-required = { $who } changed whether two-step sign-in is required
hist-act-as-started = { $who } started acting in this portal
hist-act-as-entered = { $who } entered this portal to act in it
hist-act-as-ended = { $who } stopped acting in this portal
hist-delegation-created = { $who } handed their approvals to a colleague for a while
hist-delegation-ended = { $who } ended a hand-over of approvals
hist-import-applied = { $who } applied an import
hist-job-replayed = { $who } ran a failed job again
hist-shopper-erased = { $who } erased a shopper's data
hist-subscription-ended = { $who } ended a back-in-stock alert
hist-back-in-stock-settings-changed = { $who } changed the back-in-stock settings
hist-settings-sweep-hour = { $who } changed the hour of the nightly check
hist-position-levels-set = { $who } set fixed levels for { $about }
hist-position-levels-cleared = { $who } cleared the fixed levels of { $about }
hist-supplier-user-removed = { $who } removed a supplier's user
hist-supplier-clocks-changed = { $who } changed the suppliers' answer times
hist-supplier-language-changed = { $who } changed the language of the e-mails for { $about }
hist-client-provisioning-started = { $who } started setting up a client portal
hist-client-provisioning-retried = { $who } retried setting up a client portal
hist-assistant-limits-saved = { $who } changed the assistant's limits
hist-backtest-started = { $who } started a backtest
hist-backtest-run = { $who } ran a backtest

## Names the engine gives the portal.
hist-doc-kind-transfer = Transfer
hist-doc-kind-purchase-order = Purchase order
hist-portal-kind-retailer = retailer
hist-portal-kind-partner = partner
hist-portal-kind-platform = platform

## A transfer's or purchase order's state.
hist-state-proposed = proposed
hist-state-pending-approval = pending approval
hist-state-approved = approved
hist-state-shipped = shipped
hist-state-received = received
hist-state-rejected = rejected
hist-state-cancelled = cancelled
hist-state-draft = draft
hist-state-sent = sent
hist-state-acknowledged = acknowledged
hist-state-backordered = backordered
hist-state-change-proposed = change proposed
hist-state-change-approval = change waiting for approval
hist-state-partly-received = partly received
hist-state-closed = closed
hist-state-declined = declined
