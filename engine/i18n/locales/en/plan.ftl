# Planning pages the server renders whole (dashboards, assistant, backtests, audit
# trail) and the planning form posts (policies, approval matrix, approvals, documents,
# exceptions, order changes).

plan-back-to-portal = Back to the portal
plan-form-unreadable = The form could not be read. Reload the page and try again.

## Charts.
plan-chart-figures = The figures
plan-chart-figure = Figure
plan-chart-day = Day
plan-chart-today = today
plan-chart-yesterday = yesterday
plan-chart-days-ago = { $n ->
    [one] { $n } day ago
   *[other] { $n } days ago
}

## Dashboard.
plan-dash-heading = Dashboard
plan-dash-intro = How stock, forecasts, approvals, suppliers and shoppers are doing, as of now. Each chart's figures are in a table under it.
plan-dash-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
plan-dash-hours = { $n } hours
plan-dash-stockout-title = Stockout exposure
plan-dash-stockout-headline = { $out } of { $positions } positions out of stock; { $lost } expected lost sales on open exceptions.
plan-dash-stockouts-chart = Stockouts raised per day
plan-dash-stockouts-caption = { $total } in the last { $days } days, at most { $max } in a day.
plan-dash-fill-title = Fill rate
plan-dash-fill-headline = { $share } of the units ordered arrived in good order (delivered orders, { $weeks } weeks).
plan-dash-fill-none = No delivered orders yet.
plan-dash-fill-chart = Fill rate by supplier
plan-dash-fill-caption = Units received in good order over units ordered.
plan-dash-fill-empty = It shows once suppliers deliver against ship notices.
plan-dash-col-supplier = Supplier
plan-dash-value-title = Inventory value and turns
plan-dash-value-headline = { $value } in stock at cost; { $turns } turns a year at the last { $days } days' pace.
plan-dash-value-headline-no-turns = { $value } in stock at cost; no turns without stock.
plan-dash-value-chart = Stock value by location
plan-dash-value-caption = At cost, units on hand.
plan-dash-col-location = Location
plan-dash-value-empty = No locations yet.
plan-dash-mase-below = MASE below { $a }
plan-dash-mase-range = MASE { $a } to { $b }
plan-dash-mase-above = MASE { $a } and above
plan-dash-mase-none = fell back or never varies
plan-dash-series = { $n } series
plan-dash-error-title = Forecast error
plan-dash-error-headline = { $n ->
    [one] Median MASE { $mase } over { $n } forecast (below 1 beats yesterday's sales).
   *[other] Median MASE { $mase } over { $n } forecasts (below 1 beats yesterday's sales).
}
plan-dash-error-none = No forecast has a measured error yet.
plan-dash-error-chart = Forecasts by error
plan-dash-error-empty = Forecasts appear once sales arrive.
plan-dash-error-caption = Series by their mean absolute scaled error out of sample.
plan-dash-col-error = Error
plan-dash-ages-title = Exceptions by age
plan-dash-ages-headline = { $n } open.
plan-dash-ages-chart = Open exceptions by age
plan-dash-ages-caption = When they were raised.
plan-dash-col-raised = Raised
plan-dash-age-day = in the last day
plan-dash-age-week = one to seven days ago
plan-dash-age-older = more than a week ago
plan-dash-latency-under = { $n ->
    [one] under { $n } hour
   *[other] under { $n } hours
}
plan-dash-latency-range = { $a } to { $b } hours
plan-dash-latency-over = over { $n } hours
plan-dash-latency-title = Approval latency
plan-dash-latency-headline = Median { $time } to a person's decision, last { $days } days; { $waiting } waiting now.
plan-dash-latency-headline-none = No decisions in the last { $days } days; { $waiting } waiting now.
plan-dash-latency-chart = Decisions by time waited
plan-dash-latency-empty = Nothing decided lately.
plan-dash-latency-caption = From the request for approval to each decision.
plan-dash-col-waited = Waited
plan-dash-suppliers-title = Supplier performance
plan-dash-suppliers-headline = { $n ->
    [one] { $n } supplier with orders in { $weeks } weeks.
   *[other] { $n } suppliers with orders in { $weeks } weeks.
}
plan-dash-on-time-chart = Orders acknowledged on time
plan-dash-on-time-caption = Share of orders whose answer was due.
plan-dash-on-time-empty = It shows once orders are sent and answered.
plan-dash-alerts-title = Back-in-stock conversion
plan-dash-alerts-headline = { $bought } of { $alerted } shoppers alerted in the last { $days } days bought ({ $share }).
plan-dash-alerts-none = No shopper was alerted in the last { $days } days.
plan-dash-alerts-chart = Alerts and purchases
plan-dash-alerts-caption = Shoppers alerted, and those who bought after the alert.
plan-dash-col-shoppers = Shoppers
plan-dash-alerted = alerted
plan-dash-bought = bought

## Clients compared (a partner's dashboard).
plan-dash-compared-heading = Clients compared
plan-dash-compared-intro = Each client's figures side by side, as of now. Open a client's own dashboard from its portal for the detail.
plan-dash-back-console = Back to the console
plan-dash-client-failed = { $client }: its figures could not be read just now.
plan-dash-col-client = Client
plan-dash-no-clients = No clients yet.
plan-dash-c-lost-caption = Expected lost sales on open stock exceptions.
plan-dash-c-out-title = Positions out of stock
plan-dash-c-out-caption = Share of stock positions with nothing on hand.
plan-dash-c-out-figure = { $share } ({ $out } of { $positions })
plan-dash-c-fill-caption = Units received in good order over units ordered, { $weeks } weeks.
plan-dash-no-deliveries = no deliveries
plan-dash-c-value-title = Inventory value
plan-dash-c-value-caption = Stock on hand at cost.
plan-dash-c-turns-title = Turns
plan-dash-c-turns-caption = Cost of sales over a year at the last { $days } days' pace, over stock value.
plan-dash-turns-figure = { $turns } a year
plan-dash-no-stock = no stock
plan-dash-c-mase-caption = Median MASE of the forecasts (lower is better).
plan-dash-none-yet = none yet
plan-dash-c-old-title = Exceptions older than a week
plan-dash-c-old-caption = Open exceptions raised more than seven days ago.
plan-dash-c-latency-caption = Median time from the request to a person's decision, last { $days } days.
plan-dash-no-decisions = no decisions
plan-dash-c-alerts-caption = Shoppers who bought after an alert, last { $days } days.
plan-dash-of = { $a } of { $b }

## The assistant.
plan-assistant-heading = Assistant
plan-assistant-intro = The engine drafts every transfer and order itself. When the approval matrix would send one to people, the assistant can approve it on its own, but only inside the hard limits below: the value of one document and of a day, its confidence in the quantity, and the classes and suppliers listed. Everything else goes to people as the matrix says. In shadow mode it only records what it would have done, so you can compare it with what people did before you let it act. Every judgement is in the audit trail with its inputs.
plan-assistant-read-only = The assistant is { $mode }. An admin sets its limits.
plan-assistant-older = Older decisions
plan-assistant-compared = Compared with people, last { $days } days
plan-assistant-decisions = Its decisions
plan-assistant-mode-off = Off: people approve as the matrix says
plan-assistant-mode-shadow = Shadow: record what it would do, change nothing
plan-assistant-mode-act = Act: approve on its own inside the limits
plan-assistant-mode = Mode
plan-assistant-max-document = Most one document may be worth
plan-assistant-max-daily = Most it may approve in a day (UTC), all documents together
plan-assistant-min-confidence = Least confidence, per cent
plan-assistant-classes = Classes it may approve (every line must be one)
plan-assistant-suppliers = Suppliers whose orders it may approve (transfers need none)
plan-assistant-save = Save the limits
plan-assistant-nothing-judged = Nothing judged yet. Switch it to shadow mode: from the next document the matrix sends to people, it records what it would have done.
plan-assistant-col-assistant = The assistant
plan-assistant-col-documents = Documents
plan-assistant-col-then-approved = Then approved
plan-assistant-col-rejected = Rejected or cancelled
plan-assistant-col-waiting = Still waiting
plan-assistant-row-would-act = would approve (or did)
plan-assistant-row-would-refer = would send to people
plan-assistant-summary = { $judged } judged. People changed the value of { $changed } afterwards. It approved { $acted } on its own, worth { $worth }.
plan-assistant-no-decisions = No decisions yet.
plan-assistant-verdict-acted = Approved it on its own
plan-assistant-verdict-would-act = Would approve it
plan-assistant-verdict-would-refer = Would send it to people: { $reasons }
plan-assistant-verdict-referred = Sent it to people: { $reasons }
plan-assistant-outcome-approved = approved
plan-assistant-outcome-rejected = rejected
plan-assistant-outcome-cancelled = cancelled
plan-assistant-outcome-waiting = waiting
plan-assistant-outcome-gone = gone
plan-assistant-outcome-now-worth = { $outcome }, now worth { $value }
plan-assistant-transfer = Transfer { $id }
plan-assistant-order = Order { $id }
plan-assistant-col-when = When
plan-assistant-col-document = Document
plan-assistant-col-value = Value
plan-assistant-col-confidence = Confidence
plan-assistant-col-became = What became of it
plan-assistant-error-mode = Choose a mode: off, shadow or act.
plan-assistant-error-max-document = The most per document must be an amount such as 250 or 1,250.50.
plan-assistant-error-max-daily = The most per day must be an amount such as 250 or 1,250.50.
plan-assistant-error-confidence = The least confidence must be a whole per cent from 0 to 100.
plan-assistant-error-supplier = A supplier listed is not one of yours.
plan-assistant-saved = The assistant's limits are saved.

## Backtests.
plan-backtest-heading = Backtests
plan-backtest-intro = Before you change a policy, see what it would have done: your stores' last days of demand replayed on a virtual clock, with your suppliers' lead times, transfers between stores and receipts, under the levels your positions hold today and under the rule you try. Your live stock, documents and policies are not touched.
plan-backtest-file-too-large = The file is too large: it may be at most 8 MB.
plan-backtest-error-rule = Choose the rule to try.
plan-backtest-error-utf8 = The demand file must be UTF-8 text (CSV).
plan-backtest-error-days = Days to replay must be a whole number.
plan-backtest-error-service = The service level must be a number, such as 95.
plan-backtest-started = The backtest has started. Nothing live changes.
plan-backtest-state-queued = waiting to start
plan-backtest-state-running = { $done } of { $total } simulated days
plan-backtest-state-done = done
plan-backtest-state-failed = failed: { $reason }
plan-backtest-no-reason = no reason was kept
plan-backtest-candidate-static = Static min/max (levels from the first 28 days)
plan-backtest-candidate-naive = Naive adaptive (the last 28 days, every day)
plan-backtest-candidate-forecast = Forecast-driven (each series' forecast)
plan-backtest-candidate-service = { $candidate }, { $level } % for every item
plan-backtest-candidate-classes = { $candidate }, the classes' service levels
plan-backtest-run = Run { $id }
plan-backtest-demand-csv = { $days } days from a demand file
plan-backtest-demand-sales = { $days } days from your sales
plan-backtest-empty = No backtests yet. Start one below: it replays your last days of sales under your current levels and under the rule you choose, and changes nothing live.
plan-backtest-col-run = Run
plan-backtest-col-started = Started
plan-backtest-col-candidate = Candidate
plan-backtest-col-demand = Demand
plan-backtest-col-state = State
plan-backtest-try = Try a rule
plan-backtest-rule = Rule to try
plan-backtest-days = Days to replay ({ $min } to { $max }; the { $history } days before them are the history every rule starts from)
plan-backtest-service-level = One service level for every item, per cent (empty: each class's own)
plan-backtest-file = Or a demand file instead of your sales (CSV: day,location,sku,quantity; day as 2026-03-01; the first { $history } days are the history)
plan-backtest-start = Start the backtest
plan-backtest-change-same = same
plan-backtest-change-new = new
plan-backtest-points = { $n } points
plan-backtest-fig-fill-rate = Fill rate (units sold of units wanted)
plan-backtest-fig-stockout-days = Stockout store-product-days
plan-backtest-fig-inventory-value = Average inventory value
plan-backtest-fig-purchase-orders = Purchase orders
plan-backtest-fig-transfers = Transfers
plan-backtest-fig-approvals = Documents needing a person's approval
plan-backtest-caption = { $days } days, { $series } store-product series
plan-backtest-col-figure = Figure
plan-backtest-col-current = Current levels
plan-backtest-col-change = Change
plan-backtest-assumes = What the replay assumes
plan-backtest-progress = { $state }. This page reloads itself.
plan-backtest-all = All backtests
plan-backtest-title = Backtest { $id }
plan-backtest-summary-csv = { $candidate } against your current levels, over { $days } days of a demand file; started { $started } by { $who }.
plan-backtest-summary-sales = { $candidate } against your current levels, over { $days } days of your sales; started { $started } by { $who }.

## A backtest's notes on what its replay assumes or leaves out (engine/src/backtest/replay.rs).
plan-backtest-note-stock-starts = Stock starts at what is on hand today, for both policies.
plan-backtest-note-no-promotions = Promotions are not replayed.
plan-backtest-note-demand-days = Demand was found on { $selling } of the { $days } days read ({ $history } of history, then the days replayed); a day without any counts as none sold.
plan-backtest-note-no-supplier = { $count ->
    [one] { $count } product without a supplier is left out.
   *[other] { $count } products without a supplier are left out.
}
plan-backtest-note-dcs = { $count ->
    [one] { $count } distribution centre is left out: stores buy from suppliers and share with each other.
   *[other] { $count } distribution centres are left out: stores buy from suppliers and share with each other.
}

## The audit trail.
plan-trail-heading = Audit trail
plan-trail-intro = Everything people, integrations and the system changed here, newest first, in words; open a record to see it as it is kept. Entries made while your service provider acted in this portal are marked, with the person and the session.
plan-trail-was = was { $before }
plan-trail-actor = Actor
plan-trail-action = Action
plan-trail-subject = Subject
plan-trail-change = Change
plan-trail-empty = Nothing recorded yet.
plan-trail-col-when = When
plan-trail-col-what = What happened
plan-trail-col-record = Record
plan-trail-older = Older entries

## Replenishment policies.
plan-policy-error-method = Choose the method: reorder point, min/max or forecast.
plan-policy-error-service-level = Service level must be a percentage such as 95, or blank.
plan-policy-whole-cover-days = Cover days must be a whole number.
plan-policy-error-service-z = Service level z must be a number such as 1.65.
plan-policy-error-lead-time = Lead time must be a whole number of days, or blank.
plan-policy-error-promotion = Promotion line { $line }: write first day, last day and factor, e.g. 2026-12-01 2026-12-24 1.5.
plan-policy-whole-reorder-point = Reorder point must be a whole number.
plan-policy-whole-order-up-to = Order-up-to level must be a whole number.
plan-policy-error-levels = Give both class levels (reorder point and order-up-to), or leave both blank.
plan-policy-whole-dc-multiplier = Distribution centre multiplier must be a whole number.
plan-policy-whole-safety-stock = Safety stock must be a whole number.
plan-policy-whole-case-pack = Case pack must be a whole number.
plan-policy-whole-moq = Minimum order quantity must be a whole number.
plan-policy-not-saved = Not saved: { $reason }.
plan-policy-error-location = Choose a location of this portal, or every location.
plan-policy-saved = Policy saved; the positions it covers are being checked again.
plan-policy-deleted = Policy deleted; the next broader one applies.
plan-policy-whole-sweep-hour = The hour of the nightly check must be a whole number.
plan-policy-sweep-saved = Every position is now checked nightly at { $hour }:00 UTC.
plan-policy-error-mad = The MAD multiplier must be a number.
plan-policy-whole-min-units = The smallest anomalous sale must be a whole number.
plan-policy-whole-count-jump = The count jump must be a whole number.
plan-policy-whole-count-min-units = The smallest count jump must be a whole number.
plan-policy-anomalies-saved = The anomaly checks are saved.
plan-policy-levels-saved = Levels saved for this position; policies will leave them alone. It is being checked again.
plan-policy-levels-cleared = This position follows its policy's levels again. It is being checked again.

## The approval matrix.
plan-matrix-error-window = The purchase-order window must be a whole number of minutes.
plan-matrix-not-saved = The matrix was not saved: { $reason }
plan-matrix-error-version = The form is missing the matrix version; reload the page.
plan-matrix-saved = Saved as version { $version }.
plan-matrix-error-name = Give the rule a name (at most 80 characters).
plan-matrix-error-min-value = Value from must be an amount such as 1500 or 1500.00.
plan-matrix-error-max-value = Value up to must be an amount such as 1500 or 1500.00.
plan-matrix-error-location = Choose a location from the list.
plan-matrix-error-supplier = Choose a supplier from the list.
plan-matrix-error-step-role = Step { $n }: choose a role from the list.
plan-matrix-error-step-hours = Step { $n }: escalate after 1 to 720 hours.
plan-matrix-error-step-escalate = Step { $n }: choose whom it escalates to from the list.
plan-matrix-error-no-steps = Give at least one approval step, or choose to approve automatically.
plan-matrix-error-outcome = Choose what the rule does: approval steps or automatic approval.
plan-matrix-error-doc-type = Choose the document type from the list.
plan-matrix-rule-not-added = The rule was not added: { $reason }
plan-matrix-rule-added = Rule "{ $name }" added (version { $version }).
plan-matrix-error-missing-rule = The form is missing the rule or the matrix version; reload the page.
plan-matrix-unknown-change = Unknown change.
plan-matrix-rule-moved-up = Rule { $n } moved up (version { $version }).
plan-matrix-rule-moved-down = Rule { $n } moved down (version { $version }).
plan-matrix-rule-deleted = Rule { $n } deleted (version { $version }).
plan-matrix-nothing-changed = Nothing was changed: { $reason }

## The approvals inbox.
plan-doc-transfer = Transfer { $id }
plan-doc-purchase-order = Purchase order { $id }
plan-approvals-error-doc = The form did not say which document to decide.
plan-approvals-error-decision = Choose Approve or Reject.
plan-approvals-next-step = { $doc } approved; it now waits for the next step.
plan-approvals-approved = { $doc } approved.
plan-approvals-rejected = { $doc } rejected.
plan-approvals-error-none = Select at least one item to approve.
plan-approvals-error-too-many = Approve at most 100 items at once.
plan-approvals-refused-item = { $doc }: { $reason }
plan-approvals-approved-n = Approved { $n }.
plan-approvals-approved-some = Approved { $n }; not approved: { $refused }
plan-approvals-error-stand-in = Choose who stands in for you.
plan-approvals-error-role = Choose the role to hand over.
plan-approvals-error-days = Give the first and the last day as dates (YYYY-MM-DD).
plan-approvals-stand-in-set = Your stand-in is set from { $first } to { $last }.
plan-approvals-stand-in-ended = Your stand-in has ended.

## A document's states, as a notice names them.
plan-state-proposed = proposed
plan-state-draft = draft
plan-state-pending-approval = pending approval
plan-state-approved = approved
plan-state-sent = sent
plan-state-acknowledged = acknowledged
plan-state-backordered = backordered
plan-state-change-proposed = change proposed
plan-state-change-approval = change waiting for approval
plan-state-shipped = shipped
plan-state-partly-received = partly received
plan-state-received = received
plan-state-closed = closed
plan-state-declined = declined
plan-state-rejected = rejected
plan-state-cancelled = cancelled

## A document page's commands.
plan-documents-error-quantity = Quantity must be a whole number (at least 1; 0 is allowed only when receiving).
plan-documents-error-ship = Quantity to ship must be at least 1.
plan-documents-error-receive = Quantity received must not be negative.
plan-documents-error-edit = The new quantity must be at least 1.
plan-documents-error-confirm-cancel-transfer = Tick "I am sure" to cancel the transfer.
plan-documents-unknown-command = Unknown command.
plan-documents-transfer-now = Transfer { $id } is now { $state }.
plan-documents-error-confirm-cancel-order = Tick "I am sure" to cancel the purchase order.
plan-documents-error-confirm-close = Tick "The rest is not coming" to close the order.
plan-documents-order-now = Purchase order { $id } is now { $state }.
plan-documents-no-links = There were no live links to withdraw.
plan-documents-links-withdrawn = { $n ->
    [one] { $n } link withdrawn: it no longer opens the order.
   *[other] { $n } links withdrawn: they no longer open the order.
}
plan-documents-resent = Sent to the supplier again, with a new link.
plan-documents-message-sent = Message sent to the supplier.

## The exception queue.
plan-exceptions-error-assignee = Choose whom to assign them to.
plan-exceptions-error-action = Choose what to do with the selected exceptions.
plan-exceptions-updated = Updated { $n } of { $total }.

## Changes to a sent order, ship notices and receipts.
plan-changes-error-quantity = Quantity of line { $line } must be a whole number.
plan-changes-error-price = Unit price of line { $line } must be an amount such as 12.50.
plan-changes-error-ships-on = Own delivery date of line { $line } must be a date, such as 2026-12-24.
plan-changes-error-delivery-date = Delivery date must be a date, such as 2026-12-24.
plan-changes-error-answer = Choose to accept or to refuse the change.
plan-changes-error-units = Units of line { $line } must be a whole number.
plan-changes-error-expected-delivery = Expected delivery must be a date, such as 2026-12-24.
plan-changes-error-damaged = Damaged units of line { $line } must be a whole number.
plan-changes-error-received = Units received of line { $line } must be a whole number.
plan-changes-proposed-supplier = Your change is proposed. The buyer has been told.
plan-changes-done = Done: the order is now { $state }.
plan-changes-ship-notice = Ship notice { $id } sent. The buyer has been told.
plan-changes-proposed-buyer = Change proposed: the order is now { $state }.
plan-changes-received = Receipt recorded: the order is now { $state }.
