# Exceptions as the engine raises them (engine/src/exceptions.rs and its producers):
# each title, detail and risk basis is recorded as these messages with their variables
# (engine::recorded), so every planner reads it in their own language. The English kept
# beside them (API, webhooks) says the same.

## Pieces
exc-text = { $text }
exc-product-number = product { $id }
exc-location-number = location { $id }

## Stock: out of stock, low with no cover (replenish::evaluate)
exc-stockout-title = { $sku } is out of stock at { $location }
exc-stockout-detail = { $name } has { $on_hand } on hand at { $location } ({ $in_transit } in transit, { $on_order } on order).
exc-no-cover-title = { $sku } at { $location } is low with no cover
exc-no-cover-detail = No other location can spare { $name } and it has no supplier to order from.

## Expected lost sales (risk)
exc-risk-basis = About { $daily } sell a day × { $why } = { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }, less { $on_hand } on hand: { $short ->
        [one] { $short } unit
       *[other] { $short } units
    } short at a margin of { $margin } each.
exc-risk-basis-inbound = About { $daily } sell a day × { $why } = { $units ->
        [one] { $units } unit
       *[other] { $units } units
    }, less { $on_hand } on hand and { $inbound } in transit or on order, taken to arrive halfway through and so covering only the second half: { $short ->
        [one] { $short } unit
       *[other] { $short } units
    } short at a margin of { $margin } each.
exc-risk-lead-time = { $days ->
    [one] { $days } day until an order from the supplier could arrive
   *[other] { $days } days until an order from the supplier could arrive
}
exc-risk-no-supplier = { $days } days with nothing to cover it (no supplier)

## Approvals that waited too long (replenish::timers)
exc-stale-transfer-title = Transfer { $id } has waited over { $hours } h for approval
exc-stale-po-title = Purchase order { $id } has waited over { $hours } h for approval
exc-stale-detail = Step { $step } (needs { $role }) started waiting and was not decided in time.
exc-stale-detail-handed-on = Step { $step } (needs { $role }) started waiting and was not decided in time; it now goes to { $to }.

## Suppliers late (replenish::timers)
exc-ack-late-title = { $supplier } has not acknowledged purchase order { $po }
exc-ack-late-detail = Sent on { $sent }; the acknowledgement was due and a reminder went out, with no answer since. Call the supplier, or cancel the order and buy elsewhere.
exc-asn-late-title = { $supplier } has sent no ship notice for purchase order { $po }
exc-asn-late-detail = Delivery was promised for { $day } and no ship notice has come. Call the supplier, or change or cancel the order.

## Receipts that differ (replenish::shipments, replenish::lifecycle)
exc-receipt-title = { $lines ->
    [one] PO-{ $po }: delivery { $asn } differs from its ship notice on { $lines } line
   *[other] PO-{ $po }: delivery { $asn } differs from its ship notice on { $lines } lines
}
exc-receipt-detail = { $differences }. Count again, then claim the difference from the supplier.
exc-receipt-line = { $sku } { $name }: { $shipped } shipped, { $received } received ({ $what })
exc-receipt-over = { $units } over
exc-receipt-short = { $units } short
exc-receipt-damaged = { $units } damaged
exc-transfer-receipt-title = Transfer { $id } arrived with { $received } of { $shipped }
exc-transfer-receipt-detail = { $shipped ->
    [one] { $shipped } was shipped and { $received } received; the difference needs a count or a claim.
   *[other] { $shipped } were shipped and { $received } received; the difference needs a count or a claim.
}

## Anomalous events (anomaly, replenish::anomalies)
exc-anomaly-sale-title = A sale of { $quantity } × { $sku } at { $location } { $what }
exc-anomaly-count-title = A count of { $quantity } × { $sku } at { $location } { $what }
exc-anomaly-what-outside-history = is far outside its history
exc-anomaly-what-count-jump = jumps from the books
exc-anomaly-what-new-location = is where it never sells
exc-anomaly-outside-history = A sale of { $quantity } units, where a selling day is usually { $median } (median absolute deviation { $mad }, over { $days } selling days): more than { $limit } is outside its history.
exc-anomaly-new-location = A sale of { $quantity } units where the item has not sold in the last 16 weeks.
exc-anomaly-count-jump = A count of { $counted } where the books said { $book }: a change of { $jump } units ({ $pct } %, more than the { $allowed } % allowed).
exc-anomaly-detail = The event ({ $source } { $external_id }) is recorded and applied to stock, but transfers and orders for this position wait until a planner confirms it (it was right) or rejects it (it was wrong: its effect on stock and demand is undone).

## Jobs and webhook deliveries that gave up (exceptions, webhooks::deliver)
exc-dead-job-title = Background job { $id } ({ $kind }) stopped retrying
exc-dead-job-detail = { $attempts ->
    [one] It failed { $attempts } time; the last error was: { $error }. Replay it from the jobs page once the cause is fixed.
   *[other] It failed { $attempts } times; the last error was: { $error }. Replay it from the jobs page once the cause is fixed.
}
exc-webhook-disabled-title = Webhook endpoint { $host } was disabled
exc-webhook-failing-title = Webhook deliveries to { $host } are failing
exc-webhook-detail = { $error } Failed deliveries wait in Integrations → Webhooks → Delivery log, where each can be sent again.

## How the engine resolved an exception
exc-resolved-back-on-hand = Stock is back on hand.
exc-resolved-above-reorder-point = Stock is above the reorder point again.
exc-resolved-covered = A transfer or order now covers it.
exc-resolved-anomaly-confirmed = Confirmed: the event was right.
exc-resolved-anomaly-rejected = Rejected: the event was wrong, and its effect on stock and demand was undone.
