# People's own pages: their account and sign-in steps, the supplier's pages (an order,
# the order list, an invitation, scorecards) and the shopper's pages (back in stock).

## Shared
people-loading = Loading…
people-not-found-heading = Page not found
people-not-found-text = There is nothing at this address.
people-from = From { $retailer }
people-email = E-mail
people-your-password = Your password
people-your-name = Your name
people-new-password = New password (at least 8 characters)
people-choose-password = Choose a password (at least 8 characters)
people-repeat-password = The same password again
people-cancel = Cancel
people-link-unusable = This link cannot be used
people-busy = Too many sign-ins at this moment. Please try again in a minute.

## Roles

## Signing in: the second step, a forgotten password
people-sign-in = Sign in
people-sign-in-again = Sign in again
people-go-to-sign-in = Go to sign-in
people-back-to-sign-in = Back to sign-in
people-start-again = Start again
people-sign-in-ended = Your sign-in has ended. Sign in again with your e-mail and password.
people-second-step-code = The six-digit code your authenticator app shows
people-second-step-recovery = No phone at hand? Type one of your recovery codes instead (such as abcde-fghjk); each works once.
people-forgot-heading = Forgot your password?
people-forgot-sent = If that address has an account here, we have sent it a link to choose a new password. It works once, for an hour. Check your spam folder if nothing arrives in a few minutes.
people-forgot-intro = Type the e-mail address you sign in with. We will send it a link to choose a new password.
people-forgot-send = Send the link
people-reset-heading = Choose a new password
people-reset-save = Save the new password
people-reset-note = Saving it signs you out everywhere else. Two-step sign-in, if you use it, stays on.
people-reset-ask-new = Ask for a new link
people-reset-invalid = This link is not valid. Check that it was copied whole, or ask for a new one.
people-reset-used = This link was used already, or a newer one was sent. Ask for a new one if you still need it.
people-reset-expired = This link expired. Ask for a new one: it works for an hour.

## Two-step sign-in
people-setup-heading = Set up two-step sign-in
people-setup-required = { $tenant } asks everyone to confirm each sign-in with a code from an app on their phone. It takes a minute, once.
people-setup-step-app = Open an authenticator app on your phone (such as Aegis, Google Authenticator, Microsoft Authenticator or 1Password) and add an account.
people-setup-step-scan = Scan this code, or type the key below it.
people-setup-qr-label = QR code of the key for your authenticator app
people-setup-key = Key:
people-setup-open-app = Open in an authenticator app on this device
people-setup-code = The six-digit code the app shows
people-two-factor-heading = Two-step sign-in
people-two-factor-turn-on = Turn on two-step sign-in
people-two-factor-turn-off = Turn off two-step sign-in
people-two-factor-on = On: each sign-in asks for a code from your authenticator app.
people-two-factor-required = This portal requires two-step sign-in, so it stays on.
people-two-factor-off-summary = Turn off…
people-two-factor-off-code = A code from your app, or a recovery code
people-two-factor-off-intro = Off. With it on, a stolen password alone no longer opens your account: each sign-in also asks for a code from an app on your phone.

## The account page and recovery codes
people-account-heading = Your account
people-password-heading = Password
people-current-password = Current password
people-password-change = Change the password
people-password-change-note = Changing it signs you out everywhere else.
people-recovery-left = { $left } of 10 recovery codes left.
people-recovery-new-summary = New recovery codes…
people-recovery-renew-code = A code from your app (the old recovery codes stop working)
people-recovery-renew = Make new recovery codes
people-recovery-heading = Recovery codes
people-recovery-shown-once = Recovery codes are shown only once, right after they are made. To get new ones, go to your account.
people-recovery-keep-heading = Keep these recovery codes
people-recovery-keep-intro = If you lose your phone, each of these codes signs you in once instead of a code from the app. Store them somewhere safe (a password manager, or printed). They are not shown again.
people-recovery-kept = I have kept them: continue

## An invitation
people-invite-unusable = This invitation cannot be used
people-invite-join = Join the portal
people-invite-join-supplier = Join the supplier portal
# $role is one of the people-invite-as-… phrases below.
people-invite-staff = You are invited to { $retailer }'s replenishment portal as { $role }. The invitation is for { $email } and works until { $until }.
people-invite-supplier = You are invited to answer { $retailer }'s purchase orders for { $supplier }. The invitation is for { $email } and works until { $until }.
people-invite-as-tenant-admin = a tenant admin
people-invite-as-planner = a planner
people-invite-as-approver = an approver
people-invite-as-supplier = a supplier
people-invite-as-partner-admin = a partner admin
people-invite-as-platform-admin = a platform admin
people-invite-existing = This address already has an account here (for another retailer). Confirm with its password: your access to each retailer stays separate.
people-invite-accept = Accept the invitation
people-invite-accept-sign-in = Accept and sign in
people-invite-invalid = This invitation link is not valid. Check that it was copied whole, or ask for a new invitation.
people-invite-used = This invitation was used already. Sign in with the password chosen then.
people-invite-expired = This invitation expired on { $day }. Ask the person who invited you for a new one.
people-invite-revoked = This invitation was withdrawn. Ask the person who invited you for a new one.
people-invite-wrong-password = That is not the password of your account. Use the password you sign in with elsewhere on this service.
people-invite-too-many = This invitation was withdrawn after too many wrong passwords. Ask the person who invited you for a new one.

## A purchase order, as its supplier sees it
people-order-unopenable = This order cannot be opened
people-order-all = ← All your orders
people-order-title = Purchase order PO-{ $id }
people-order-lines-caption = Order lines
people-order-article = Article
people-order-quantity = Quantity
people-order-unit-price = Unit price
people-order-line-value = Line value
people-order-total = Total
people-order-promised-heading = Delivery dates promised
people-order-promise = { $day } (given on { $given })
people-order-change-date = Change the delivery date
people-order-acknowledge-heading = Acknowledge the order
people-order-delivery-date = Delivery date
people-order-save-date = Save the new date
people-order-acknowledge = Acknowledge
people-order-backorder-heading = Backorder it
people-order-not-before = Not before
people-order-backorder = Backorder
people-order-decline = Decline the order
people-order-decline-reason = Why you cannot supply it (the buyer reads this)
people-fact-deliver-to = Deliver to
people-fact-supplier = Supplier
people-fact-address = Delivery address
people-fact-ordered-on = Ordered on
people-fact-requested = Delivery requested by
people-fact-answer-by = Please answer by
people-fact-promised = Delivery promised for
people-fact-note = Your note
people-line-backordered = { $article } (backordered: delivery { $day })
people-link-invalid = This link is not valid. Check that it was copied whole, or ask the buyer to send the order again.
people-link-expired = This link expired on { $day }. Ask the buyer to send the order again.
people-link-revoked = This link was withdrawn by the buyer. Ask the buyer for a new one.

## An order's state, in the supplier's words
people-state-sent = waiting for your answer
people-state-acknowledged = acknowledged
people-state-backordered = backordered
people-state-change-proposed = change proposed
people-state-change-approval = being reviewed by the buyer
people-state-shipped = shipped
people-state-partly-received = partly received
people-state-closed = closed
people-state-declined = declined
people-state-cancelled = cancelled by the buyer
people-state-not-open = not open

## The supplier's orders
people-orders-yours = Your orders
people-orders-for = Orders for { $supplier }
people-orders-empty = No orders yet. When the buyer sends one, it appears here and you get an e-mail.
people-orders-empty-state = No orders in this state.
people-orders-not-linked = your account is not linked to a supplier yet: ask the buyer to invite you again
people-orders-show = Show
people-orders-all = all orders
people-orders-filter = Filter
people-orders-caption = Your purchase orders
people-orders-order = Order
people-orders-state = State
people-orders-deliver-to = Deliver to
people-orders-delivery = Delivery
people-orders-lines = Lines
people-orders-value = Value
people-orders-ordered = ordered { $day }
people-orders-older = Older orders →
people-delivery-promised = { $day } (promised)
people-delivery-requested = { $day } (requested)

## Supplier access (the admin's page)
people-access-works-until = link works until { $day }
people-access-expired-on = expired on { $day }
people-day-mon = Mon
people-day-tue = Tue
people-day-wed = Wed
people-day-thu = Thu
people-day-fri = Fri
people-day-sat = Sat
people-day-sun = Sun

## Scorecards
people-scorecards-heading = Supplier scorecards
people-scorecard-own-heading = Your scorecard
people-scorecard-intro = The last { $weeks } weeks of sent orders, Monday to Sunday. On time means acknowledged before the acknowledgement was due (two working days unless the retailer set another clock); orders still inside that time are not counted yet. Delivery figures follow once receipts are recorded against orders.
people-scorecard-empty = No orders were sent in this period.
people-scorecard-trend-caption = Acknowledged on time, per week
people-scorecard-week-of = Week of
people-scorecard-orders-due = Orders due
people-scorecard-on-time = On time
people-score-sent = Orders sent
people-score-acknowledged = Acknowledged
people-score-of = { $part } of { $whole }
people-score-on-time = Acknowledged on time
people-score-on-time-value = { $percent } ({ $part } of { $whole } due)
people-score-pending = Waiting for an answer, not yet due
people-score-declined = Declined
people-score-median-ack = Median time to acknowledge
people-score-hours = { $hours } h
people-score-date-changes = Delivery dates changed
people-score-delivered = Orders delivered
people-score-otif = On time in full
people-score-otif-value = { $percent } ({ $part } of { $whole } delivered)
people-score-fill-rate = Fill rate
people-score-fill-value = { $percent } ({ $part } of { $whole } units)
people-score-median-lead = Median lead time
people-score-days = { $days } days

## Back in stock: a product's page, a confirmation link, a shopper's alerts
people-product-not-found = This product cannot be found
people-stock-in = In stock
people-stock-few = Few left
people-stock-out = Out of stock
people-notify-in-stock-everywhere = It is in stock everywhere listed: no alert needed.
people-notify-heading = Tell me when it is back
people-notify-store = Store
people-notify-email = Your e-mail address
people-notify-leave-empty = Leave this empty
# The consent wording (engine::back_in_stock::CONSENT_WORDING, version v1).
people-notify-consent = Send me one e-mail when this item is back in stock here. I can unsubscribe at any time.
people-notify-submit = Notify me
people-alert-heading = Back-in-stock alert
people-alert-confirm-ask = Confirm that you want one e-mail when { $product } at { $place } is back in stock.
people-alert-confirm = Confirm my alert
people-alert-expired = This confirmation link has expired. Ask for the alert again on the product's page.
people-alert-on = Your alert is on: we will e-mail you once when { $product } at { $place } is back.
people-alert-ended = This alert has ended.
people-alert-manage = Manage your alerts or erase your data
people-alerts-heading = Your alerts
people-alerts-for = For { $address }.
people-alerts-none = You have no alerts.
people-alerts-row = { $state } (asked { $day })
people-alert-state-pending = Waiting for you to confirm
people-alert-state-confirmed = On: we will e-mail you when it is back
people-alert-state-mailing = Back in stock: your e-mail is on its way
people-alert-state-done = Done: we e-mailed you that it was back
people-alert-state-off = Off
people-alerts-stop-this = Stop the alert this e-mail was about
people-alerts-stop-all = Stop all my alerts
people-erase-heading = Erase my data
people-erase-intro = This deletes your e-mail address and every alert of yours here, at once. It cannot be undone.
people-erase-confirm = Yes, erase my data
# The widget snippet's placeholders for the address the admin fills in.
people-widget-portal-host = your portal host
people-widget-platform-host = platform host
