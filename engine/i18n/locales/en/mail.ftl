# E-mails (engine/src/mail, engine/templates/mail): to staff, suppliers and shoppers,
# in the recipient's language.

## Shared

mail-hello = Hello { $name },
mail-footer = Sent by { $tenant } for { $tenant }.
mail-open-order = Open the order

## Approval requests and outcomes (to staff)

mail-approval-subject = Approval needed: { $title }
mail-approval-waiting = { $title } is waiting for your decision.
mail-approval-open = Open the approvals inbox
mail-outcome-approved = { $title } was approved
mail-outcome-rejected = { $title } was rejected
mail-outcome-cancelled = { $title } was cancelled
mail-outcome-change-rejected-in-approval = { $title } was change rejected in approval
mail-outcome-declined = { $title } was declined by the supplier
mail-outcome-acknowledged = { $title } was acknowledged by the supplier
mail-outcome-backordered = { $title } was backordered by the supplier
mail-outcome-changes-proposed = { $title } was changes proposed by the supplier
mail-outcome-change-accepted-by-supplier = { $title } was change accepted by the supplier
mail-outcome-change-accepted = { $title } was change accepted
mail-outcome-change-refused-by-supplier = { $title } was change refused by the supplier
mail-outcome-change-refused = { $title } was change refused
mail-outcome-shipped = { $title } was shipped by the supplier
mail-outcome-other = { $title } was { $outcome }
mail-outcome-note-promised = Delivery promised for { $day }.
mail-outcome-note-not-before = Delivery not before { $day }.
mail-outcome-open = Open the document

## A document's facts

mail-transfer-title = Transfer { $id }: { $quantity } units of { $sku } { $product }
mail-po-title = Purchase order { $id } { $lines ->
    [one] ({ $lines } line)
   *[other] ({ $lines } lines)
}
mail-po-change-title = Change to purchase order { $id }
mail-unknown-location = location { $id }
mail-fact-from = From
mail-fact-to = To
mail-fact-quantity = Quantity
mail-fact-value = Value
mail-fact-product = Product
mail-fact-supplier = Supplier
mail-fact-ship-to = Ship to
mail-fact-value-with-change = Value with the change
mail-fact-proposed-by = Proposed by
mail-fact-delivery-with-change = Delivery with the change
mail-fact-change = Change: { $sku }
mail-proposed-by-buyer = the buyer
mail-proposed-by-supplier = the supplier
mail-po-line = { $quantity } × { $product } at { $price }
mail-change-line = { $quantity } at { $price } → { $new_quantity } at { $new_price }

## Purchase orders (to the supplier)

mail-order-title = Purchase order PO-{ $id } from { $tenant }
mail-order-subject-cancelled = Cancelled: { $title }
mail-order-subject-update = Update: { $title }
mail-order-subject-reminder = Reminder: { $title }
mail-order-subject-message = Message about { $title }
mail-order-intro = Please supply the order below.
mail-order-intro-reminder = Reminder: we have not had your answer to this order yet. Please acknowledge it with your delivery date, or decline it.
mail-order-intro-cancelled = This order is cancelled. Please do not deliver it; if it is already on its way, reply to this e-mail.
mail-order-intro-message = { $author } wrote about this order: “{ $body }”
mail-update-closed = This order is closed: please do not ship what has not shipped yet.
mail-update-change-proposed = The buyer proposes a change to this order. Please sign in to the portal to see it, and accept or refuse it. Until then the order stands as below.
mail-update-change-refused-reason = Your proposed change was not accepted (“{ $reason }”). The order stands as below.
mail-update-change-refused = Your proposed change was not accepted by the retailer. The order stands as below.
mail-update-change-accepted = Your proposed change is accepted: the order below is the order now.
mail-update-asn-reminder = Delivery is promised for { $day } and we have no ship notice yet. Please sign in and send one when the goods leave, or propose a new date.
mail-order-link-note = Acknowledge it with your delivery date, or decline it, at this link; no password needed. The link works until { $day }.
mail-order-link-note-message = Reply, or answer the order, at this link; no password needed. The link works until { $day }.
mail-order-fact-order = Order
mail-order-fact-deliver-to = Deliver to
mail-order-fact-address = Delivery address
mail-order-fact-ordered-on = Ordered on
mail-order-fact-requested-by = Delivery requested by
mail-order-fact-total = Total
mail-order-line-backordered = { $sku } { $product } (backordered: delivery { $day })
mail-order-article = Article
mail-order-quantity = Quantity
mail-order-unit-price = Unit price

## Messages and account notices

mail-staff-message-title = { $author } wrote about purchase order { $id }
mail-notice-password-changed = Your password was changed
mail-notice-two-factor-on = Two-step sign-in was turned on for your account
mail-notice-two-factor-off = Two-step sign-in was turned off for your account
mail-notice-recovery-codes = New recovery codes were made for your account
mail-notice-title = { $what } ({ $product })
mail-notice-intro = If you did this, there is nothing to do. If you did not, reset your password now with the link below, and tell your administrator.
mail-notice-button = Reset your password

## Invitations and password resets

mail-invite-supplier-title = { $tenant } invites you to its supplier portal
mail-invite-supplier-intro = You will see the purchase orders { $tenant } sends to { $supplier }, and answer them there: acknowledge with a delivery date, or decline.
mail-invite-staff-title = { $tenant } invites you to its replenishment portal
mail-invite-staff-intro = You will join { $tenant } as { $role ->
    [tenant_admin] a tenant admin.
    [planner] a planner.
    [approver] an approver.
    [partner_admin] a partner admin.
    [platform_admin] a platform admin.
   *[other] a member.
}
mail-invite-link-note = The link works once, until { $day }. You choose your password when you open it.
mail-invite-button = Accept the invitation
mail-invite-ignore = If you did not expect this e-mail, you can ignore it: nothing happens unless the link is used.
mail-reset-title = Reset your password for { $product }
mail-reset-intro = Someone, probably you, asked to reset the password of this account. If it was not you, ignore this e-mail: nothing changes until the link is used.
mail-reset-link-note = The link works once, for { $minutes } minutes. Choosing a new password signs you out everywhere else.
mail-reset-button = Choose a new password

## Back in stock (to shoppers)

mail-shopper-online-shop = our online shop
mail-shopper-confirm-subject = Confirm your alert for { $product }
mail-shopper-confirm-heading = Confirm your back-in-stock alert
mail-shopper-confirm-intro = You asked { $shop } to e-mail you when { $product } is back in stock at { $place }. Confirm that this is your address to start the alert.
mail-shopper-confirm-button = Confirm my alert
mail-shopper-confirm-note = The link works for { $hours } hours. If you did not ask for this, ignore this e-mail: you will not hear from us again.
mail-shopper-notify-subject = { $product } is back in stock at { $place }
mail-shopper-notify-heading = { $product } is back
mail-shopper-notify-intro = Good news: { $product } is back in stock at { $place }. We are telling the people on the waiting list in turn, as many as there are items, so it may go quickly.
mail-shopper-notify-button = Buy it now
mail-shopper-notify-note = This was your one alert for this item; it has now ended.
mail-shopper-substitute-subject = { $product } is still out: { $alt } is in stock at { $place }
mail-shopper-substitute-heading = While you wait for { $product }
mail-shopper-substitute-intro = { $product } is still out of stock at { $place }. { $alt } is available there now, if it would do instead.
mail-shopper-substitute-button = See { $alt }
mail-shopper-substitute-note = Your alert for { $product } stays on: we will still tell you when it is back.
mail-shopper-manage = Manage your alerts or erase your data
mail-shopper-unsubscribe = Unsubscribe

## Previews (/settings/branding/emails): who gets each e-mail, and sample content

mail-preview-approval-request = Approval needed (to approvers)
mail-preview-outcome = Decision on a document (to who asked)
mail-preview-purchase-order = Purchase order (to the supplier; reminders, changes and cancellations look alike)
mail-preview-supplier-message = A supplier's message (to planners)
mail-preview-invitation = Invitation (to a new member or a supplier's person)
mail-preview-password-reset = Password reset
mail-preview-shopper-alert = Back in stock (to shoppers)
mail-preview-outcome-subject = Approved: { $title }
mail-preview-order-link-note = Acknowledge it with your delivery date, or decline it, at this link; no password needed.
mail-preview-invite-link-note = The link works once, for seven days. You choose your password when you open it.
mail-preview-shopper-subject = { $product } is back in stock
mail-preview-shopper-heading = It is back
mail-preview-shopper-intro = { $product } is in stock again at { $place }.
mail-preview-shopper-button = See it
mail-preview-shopper-note = You asked to hear when it was back. We will not write about it again.
mail-sample-product = Sample product
mail-sample-product-2 = Another product
mail-sample-warehouse = Central warehouse
mail-sample-store = Sample store
mail-sample-address = Sample store, 1 Sample Street
mail-sample-reason = Stock at the store fell below its reorder point; the warehouse can spare it.
mail-sample-transfer = Transfer { $id }
mail-sample-note = Fine for this week.
mail-sample-supplier = Sample Supplier
mail-sample-message = We can deliver on Thursday instead of Wednesday. Is that all right?
