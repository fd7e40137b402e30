# The retailer's staff pages: home, inventory, approvals, documents, exceptions, jobs,
# and a sent order's changes and ship notices.

## Home
staff-home-clients = Your clients
staff-home-partners-tenants = Partners and tenants
staff-home-members = Members
staff-home-branding = Branding
staff-home-audit-trail = Audit trail
staff-home-welcome = Welcome back, { $name }.
staff-home-locations = locations
staff-home-products = products
staff-home-low-positions = positions at or below reorder point

## Background jobs
staff-jobs-heading = Background jobs
staff-jobs-dead-letters = Dead letters
staff-jobs-none-dead = No job has given up.
staff-jobs-attempts = { $count ->
    [one] { $count } attempt
   *[other] { $count } attempts
}
staff-jobs-replay = Replay
staff-job-state-available = available
staff-job-state-scheduled = scheduled
staff-job-state-running = running
staff-job-state-retryable = retryable
staff-job-state-completed = completed
staff-job-state-discarded = discarded
staff-job-state-cancelled = cancelled

## Inventory
staff-inventory-heading = Inventory
staff-inventory-search = Search SKU or name
staff-inventory-search-example = e.g. oat or GRO-0042
staff-inventory-location = Location
staff-inventory-all-locations = All locations
staff-inventory-class = Class
staff-inventory-all-classes = All classes
staff-inventory-low-only = Low stock only
staff-inventory-apply = Apply
staff-inventory-clear = Clear
staff-inventory-empty = No stock positions match these filters.
staff-inventory-col-sku = SKU
staff-inventory-col-product = Product
staff-inventory-col-on-hand = On hand
staff-inventory-col-in-transit = In transit
staff-inventory-col-on-order = On order
staff-inventory-col-waiting = Waiting
staff-inventory-col-waiting-title = Shoppers waiting for a back-in-stock e-mail
staff-inventory-reorder-point = Reorder point
staff-inventory-order-up-to = Order-up-to
staff-inventory-col-forecast = Forecast, 7 days
staff-inventory-col-forecast-title = Units expected over the next 7 days, the method that forecasts them and its error
staff-inventory-col-levels-from = Levels from
staff-inventory-col-status = Status
staff-inventory-forecast-range = 80 % range { $range } units
staff-inventory-forecast-none = not yet
staff-inventory-low = Low
staff-inventory-ok = OK
staff-inventory-pages = Pages
staff-inventory-previous = ← Previous
staff-inventory-page = Page { $page }
staff-inventory-next = Next →
staff-inventory-set-levels-for = Set levels for { $sku } at { $location }
staff-inventory-set = Set…
staff-inventory-save-levels = Save for this position
staff-inventory-use-policy = Use the policy's levels
# Where a position's levels came from.
staff-levels-policy = class policy
staff-levels-override = set for this position
staff-levels-event = not set (new position, no class levels)
staff-levels-kept = kept from an earlier policy
staff-levels-setup = tenant setup

## Roles

## Approvals inbox
staff-approvals-heading = Approvals
staff-approvals-empty = Nothing waits for your decision.
staff-approvals-waiting-count = { $count ->
    [one] { $count } waiting for you, oldest first.
   *[other] { $count } waiting for you, oldest first.
}
staff-approvals-approve-selected = Approve selected
staff-approvals-others = { $count ->
    [one] { $count } more waits for other roles.
   *[other] { $count } more wait for other roles.
}
staff-approvals-select = Select for bulk approval
staff-approvals-waiting-for = waiting { $time }
staff-approvals-rule = rule: { $rule }
staff-approvals-escalated = Escalated
staff-approvals-overdue = Overdue
staff-approvals-numbers = Numbers behind the suggestion
staff-approvals-own = You requested or changed this, so someone else must decide it.
staff-approvals-comment = Comment (required to reject)
staff-approvals-approve = Approve
staff-approvals-reject = Reject
staff-approvals-step = Step { $step } of { $total } · { $role }
staff-approvals-step-delegated = Step { $step } of { $total } · { $role } (delegated to you)
staff-approvals-line = { $quantity } at { $price }
staff-approvals-more-lines = { $count ->
    [one] { $count } more line
   *[other] { $count } more lines
}
staff-approvals-po-title = Purchase order { $id } to { $supplier } { $count ->
    [one] ({ $count } line)
   *[other] ({ $count } lines)
}
staff-approvals-change-title = Change to purchase order { $id } to { $supplier }
staff-approvals-change-reason-supplier = The supplier proposes a change that takes the order from { $from } to { $to }, delivered on { $day }.
staff-approvals-change-reason-buyer = The buyer proposes a change that takes the order from { $from } to { $to }, delivered on { $day }.
staff-approvals-change-note = Note: “{ $note }”
staff-approvals-changed-line = { $quantity } at { $price } → { $newquantity } at { $newprice }

## Away: stand-ins
staff-away-heading = Away?
staff-away-intro = Hand your role to a colleague for a period: they can decide what waits for it, except what you requested or changed, and get its e-mails. Days are in UTC.
staff-away-nobody = Nobody stands in for you.
# After the stand-in's name.
staff-away-stands-in = stands in as { $role } from { $from } to { $to }
staff-away-now = Now
staff-away-end-now = End now
staff-away-cancel = Cancel
staff-away-stand-in = Stand-in
staff-away-role = Role
staff-away-first-day = First day
staff-away-last-day = Last day
staff-away-hand-over = Hand over

## Facts about a document
staff-fact-product = Product
staff-fact-quantity = Quantity
staff-fact-from = From
staff-fact-to = To
staff-fact-value = Value
staff-fact-shipped = Shipped
staff-fact-received = Received
staff-fact-supplier = Supplier
staff-fact-ship-to = Ship to
staff-fact-window-closes = Window closes
staff-fact-sent = Sent
staff-fact-promised-for = Delivery promised for
staff-fact-supplier-note = Supplier's note

## Documents
staff-docs-transfers = Transfers
staff-docs-no-transfers = No transfers yet. They appear when a store falls below its reorder point and another location can spare stock.
staff-docs-orders = Purchase orders
staff-docs-no-orders = No purchase orders yet.
staff-docs-col-document = Document
staff-docs-col-state = State
staff-docs-col-value = Value
staff-docs-col-updated = Updated
staff-docs-transfer-row = Transfer { $id }: { $quantity } × { $product } → { $to }
staff-docs-po-row = Purchase order { $id } to { $supplier } for { $location }
staff-doc-transfer-title = Transfer { $id }: { $quantity } × { $product }
staff-doc-po-title = Purchase order { $id } to { $supplier }
staff-doc-line-backordered = { $article } (backordered: delivery { $day })
staff-doc-any-moment = any moment now
staff-doc-promised-revised = { $day } ({ $revised }; first promised { $first })
staff-doc-revised-times = { $count ->
    [one] revised { $count } time
   *[other] revised { $count } times
}
staff-doc-step = Round { $round } · step { $step } · { $role }
staff-doc-step-escalated = Round { $round } · step { $step } · { $role } (escalated)
staff-doc-back = ← Documents
staff-doc-pending-decision = Waiting in the approvals inbox
staff-doc-col-product = Product
staff-doc-col-quantity = Quantity
staff-doc-col-unit-cost = Unit cost
staff-doc-col-line-value = Line value
staff-doc-col-why = Why
staff-doc-shipped-quantity = Shipped quantity
staff-doc-mark-shipped = Mark shipped
staff-doc-received-quantity = Received quantity
staff-doc-mark-received = Mark received
staff-doc-new-quantity = New quantity
staff-doc-change-quantity = Change quantity
staff-doc-change-quantity-hint = A change sends it back for approval.
staff-doc-sure = I am sure
staff-doc-cancel-order = Cancel purchase order
staff-doc-cancel-transfer = Cancel transfer
staff-doc-rest-not-coming = The rest is not coming
staff-doc-close-order = Close the order
staff-doc-resend = Send to the supplier again
staff-doc-resend-hint = With a new link, valid 30 days.
staff-doc-revoke = Withdraw the supplier's links
staff-doc-revoke-hint = The links in the order's e-mail stop working.
staff-doc-approval = Approval
staff-doc-no-steps = No approval steps: approved automatically or not yet routed.
staff-doc-history = History
staff-doc-record = Record #{ $seq }
staff-doc-actor = Actor
staff-doc-action = Action
staff-doc-change = Change
# A transfer's or purchase order's state.
staff-state-proposed = proposed
staff-state-draft = draft
staff-state-pending-approval = pending approval
staff-state-approved = approved
staff-state-sent = sent
staff-state-acknowledged = acknowledged
staff-state-backordered = backordered
staff-state-change-proposed = change proposed
staff-state-change-approval = change approval
staff-state-shipped = shipped
staff-state-partly-received = partly received
staff-state-received = received
staff-state-closed = closed
staff-state-declined = declined
staff-state-rejected = rejected
staff-state-cancelled = cancelled
# An approval step's state.
staff-step-state-waiting = waiting
staff-step-state-pending = pending
staff-step-state-approved = approved
staff-step-state-rejected = rejected
staff-step-state-withdrawn = withdrawn

## Exceptions
staff-exceptions-heading = Exceptions
staff-exceptions-open = Open
staff-exceptions-resolved = Resolved
staff-exceptions-by-severity = Ordered by severity, escalation and age.
staff-exceptions-rank-lost-sales = Rank by expected lost sales
staff-exceptions-by-lost-sales = Ranked by expected lost sales (units short until cover could arrive × margin), then severity and age.
staff-exceptions-order-severity = Order by severity instead
staff-exceptions-none-resolved = Nothing resolved yet.
staff-exceptions-none-open = No open exceptions. Stock, approvals and jobs are all in order.
staff-exceptions-with-selected = With the selected:
staff-exceptions-assign-me = Assign to me
staff-exceptions-assign = Assign to…
staff-exceptions-unassign = Unassign
staff-exceptions-comment = Comment
staff-exceptions-resolve = Resolve
staff-exceptions-confirm = Confirm the event (anomalies)
staff-exceptions-reject = Reject the event and undo it (anomalies)
staff-exceptions-assignee = Assignee
staff-exceptions-text = Comment or resolution
staff-exceptions-apply = Apply
staff-exceptions-select = Select
staff-exceptions-at-risk = { $amount } expected lost sales
staff-exceptions-anomaly-hint = Its position's transfers and orders wait: select it and choose “Confirm the event” if it was right, or “Reject the event and undo it” if it was wrong.
staff-exceptions-meta = { $kind } · age { $age } · owner: { $owner }
staff-exceptions-nobody = nobody
staff-exceptions-escalated = Escalated
staff-exceptions-resolution = Resolved: { $text }
staff-exception-kind-stockout = stockout
staff-exception-kind-no-cover = no cover
staff-exception-kind-stale-approval = stale approval
staff-exception-kind-supplier-late = supplier late
staff-exception-kind-receipt-mismatch = receipt mismatch
staff-exception-kind-anomaly = anomaly
staff-exception-kind-dead-job = dead job
staff-severity-critical = critical
staff-severity-high = high
staff-severity-medium = medium
staff-severity-low = low

## A sent order's changes and ship notices (buyer's and supplier's page)
staff-changes-heading = Changes and deliveries
staff-changes-counter = Counter with a change of your own
staff-changes-propose-supplier = Propose a change (quantity, price or date)
staff-changes-propose-buyer = Change the order
staff-changes-col-article = Article
staff-changes-col-as-ordered = As ordered
staff-changes-col-proposed = Proposed
staff-changes-accept = Accept the change
staff-changes-refuse-reason = Or refuse it, saying why
staff-changes-refuse = Refuse the change
staff-changes-delivery-date = Delivery date
staff-changes-note = Note for the other side (optional)
staff-changes-propose = Propose the change
staff-changes-propose-hint = A quantity of 0 drops the line; a line's own later date backorders it. A change that makes the order dearer is approved by the retailer before it applies.
staff-changes-ship-notice = Send a ship notice
staff-changes-col-not-shipped = Not shipped yet
staff-changes-col-this-delivery = On this delivery
staff-changes-units-delivery = Units of { $article } on this delivery
staff-changes-carrier = Carrier
staff-changes-tracking-number = Tracking number
staff-changes-expected-delivery = Expected delivery
staff-changes-send-notice = Send the ship notice
staff-changes-in-transit = in transit
staff-changes-received-badge = received
staff-changes-col-shipped = Shipped
staff-changes-col-received = Received
staff-changes-col-damaged = Of which damaged
staff-changes-units-received = Units of { $article } received
staff-changes-units-damaged = Units of { $article } damaged
staff-changes-record-receipt = Record the receipt
staff-changes-earlier = Earlier changes
staff-changes-col-quantity = Quantity
staff-changes-col-unit-price = Unit price
staff-changes-col-own-date = Own date, if later
staff-changes-quantity-of = Quantity of { $article }
staff-changes-price-of = Unit price of { $article }
staff-changes-date-of = Own delivery date of { $article } (backorder the line)
staff-changes-line = line { $line }
staff-changes-dropped = dropped
staff-changes-proposed-dated = { $quantity } × { $price }, delivered { $day }
staff-changes-fact-delivery-date = Delivery date
staff-changes-fact-value = Order value with the change
staff-changes-fact-note = Note
staff-changes-fact-now = Now
staff-changes-awaiting-approval = waiting for the buyer's approval
staff-changes-proposed-you = You proposed this change on { $day }
staff-changes-proposed-supplier = The supplier proposed this change on { $day }
staff-changes-proposed-buyer = The buyer proposed this change on { $day }
staff-changes-history-you = You proposed a change on { $day } ({ $value }): { $outcome }
staff-changes-history-supplier = The supplier proposed a change on { $day } ({ $value }): { $outcome }
staff-changes-history-buyer = The buyer proposed a change on { $day } ({ $value }): { $outcome }
staff-changes-history-you-note = You proposed a change on { $day } ({ $value }): { $outcome }: “{ $note }”
staff-changes-history-supplier-note = The supplier proposed a change on { $day } ({ $value }): { $outcome }: “{ $note }”
staff-changes-history-buyer-note = The buyer proposed a change on { $day } ({ $value }): { $outcome }: “{ $note }”
# How a change ended.
staff-change-state-accepted = accepted
staff-change-state-rejected = rejected
staff-change-state-superseded = superseded
staff-change-state-not-approved = not approved
staff-change-state-cancelled = cancelled
staff-changes-fact-expected = Expected
staff-changes-fact-carrier = Carrier
staff-changes-fact-tracking = Tracking
staff-changes-fact-received = Received
staff-changes-notice-heading = Ship notice { $id } of { $day }
staff-changes-received-damaged = { $received } ({ $damaged } damaged)
