# Pieces every page shares (app/src/components.rs).
ui-acting-in = You are acting in { $tenant }'s portal
ui-acting-as = as { $role } until { $until }. Reason: { $reason }. Everything you do here is recorded in its audit trail, which its admins read.
ui-end-now = End now
ui-back-to-start = Back to the start page
ui-unreachable = We could not reach the server. Check your connection and try again.
ui-updates-itself = This page updates itself every { $seconds } s while the work runs.
ui-stop-updating = Stop updating
ui-stopped-updating = Stopped updating: reload the page to see the latest.
ui-messages = Messages
ui-no-messages = No messages yet.
ui-author-supplier = { $name } (supplier)
ui-author-buyer = { $name } (buyer)
ui-write-to-buyer = Write to the buyer
ui-write-to-supplier = Write to the supplier (they get it by e-mail)
ui-attach-file = Attach a file (optional: PDF, PNG, JPEG, CSV or text, at most 5 MiB)
ui-send-message = Send the message

# The numbers behind a suggestion (app/src/ssr/format.rs).
ui-fact-position = Stock position
ui-fact-position-value = { $position } = { $on_hand } on hand + { $in_transit } in transit + { $on_order } on order
ui-fact-reorder-point = Reorder point
ui-fact-order-up-to = Order up to
ui-fact-safety-stock = Safety stock
ui-fact-safety-computed = { $n } (from demand variability)
ui-fact-safety-configured = { $n } (configured)
ui-fact-daily-demand = Daily demand
ui-fact-daily-demand-value = { $mean } ± { $spread } over { $days } days
ui-fact-lead-time = Lead time
ui-fact-days = { $days } days
ui-fact-pack-moq = Case pack / MOQ
ui-fact-uplift = Promotion uplift
ui-fact-stock-line = { $on_hand } on hand, { $in_transit } in transit, { $on_order } on order; reorder point { $rop }; sold { $sold } in 7 days
ui-fact-no-stock-record = no stock record

# Failures of the portal's calls (app/src/ssr).
ui-sign-in-to-continue = Sign in to continue.
ui-not-found = That does not exist in this portal. Check the link, or go back to the list.
