# Why the engine suggests a replenishment, recorded with the suggestion and the
# transfers and order lines made from it (engine/src/policy/reason.rs), one message a
# sentence. The English must read exactly as the English reason the engine stores.

## A forecast-driven policy's levels; $method is one of the reason-method- messages.
reason-forecast = Forecast ({ $method }): { $demand } units over the { $lead_days }-day lead time, ± { $sd }, so a safety stock of { $safety } for { $service } % service, and { $cover } units over the { $cover_days } days after it.
reason-forecast-spread = Forecast ({ $method }): { $demand } units over the { $lead_days }-day lead time, ± { $sd }, so a safety stock of { $safety } for { $service } % service (the class's { $class_level } % spread by value: { $value } a day at cost against the class's { $class_value }), and { $cover } units over the { $cover_days } days after it.
reason-forecast-cycle = Ordered about { $per_week } times a week, so { $service } % per order keeps { $week } % a week.
reason-forecast-offset = Late and early deliveries of the orders on their way partly offset one another, so the supplier's lead-time spread counts for less.

## The stock position against the reorder point. $uplift and $waiting are empty or
## one of the clauses below (each begins with a comma).
reason-stock-below = Stock position { $position } (on hand { $on_hand }, in transit { $in_transit }, on order { $on_order }) is below the reorder point { $reorder_point }; ordering up to { $target }{ $uplift }{ $waiting } ({ $quantity } units in cases of { $pack }).
reason-stock-at = Stock position { $position } (on hand { $on_hand }, in transit { $in_transit }, on order { $on_order }) is at the reorder point { $reorder_point }; ordering up to { $target }{ $uplift }{ $waiting } ({ $quantity } units in cases of { $pack }).
reason-uplift = , with a promotion uplift of ×{ $uplift }
reason-waiting = , counting { $units } units of demand from shoppers waiting for it

## How the need is covered.
reason-transfer = Covered by a transfer of { $quantity } from a location that stays above its own reorder point.
reason-transfer-and-buy = Covered by a transfer of { $quantity } from a location that stays above its own reorder point; { $bought } more are bought.
reason-bought-rest = A transfer covers { $transferred }; the remaining { $bought } are bought.
reason-bought-all = No other location can spare any, so all of it is bought.
reason-lead-time-measured = Lead time { $days } { $days ->
        [one] day
       *[other] days
    }, measured over the supplier's last { $deliveries } deliveries.

## The assistant's confidence in the quantity; $reason is one of the sentences after it.
reason-confidence = Confidence { $pct } %: { $reason }
reason-confidence-no-forecast = There is no forecast for this position yet, so the quantity rests on recent averages alone.
reason-confidence-fell-back = The forecast fell back to an average: { $note }.
reason-confidence-flat = Sales did not vary over { $days } days of history.
reason-confidence-unmeasured = The forecast's error could not be measured.
reason-confidence-mase = The { $method } forecast's error out of sample is { $mase } of a naive forecast's (MASE), over { $days } days of history.
reason-confidence-mase-short = The { $method } forecast's error out of sample is { $mase } of a naive forecast's (MASE), over { $days } days of history (under { $full } days, which lowers it).

## Forecasting methods, and why a forecast fell back to the average.
reason-method-croston = Croston
reason-method-sba = SBA (Croston, bias-corrected)
reason-method-tsb = TSB
reason-method-ets = ETS
reason-method-mstl = MSTL (weekly)
reason-method-average = average
reason-method-mase = { $method } · MASE { $mase }
reason-method-fell-back = { $method }: { $note }
reason-note-no-sales = no sales in { $days } days
reason-note-short = only { $days } days of history (a forecast needs { $needed }): the average
reason-note-no-fit = no method could fit this history: the average
reason-note-failed = the forecast failed on this history: the average

## Text these messages have no words for, as the engine wrote it (English).
reason-as-written = { $text }

## Why the assistant sent a proposal to people rather than approve it: the limits it
## was outside of, listed after "Sent it to people:".
reason-refer-value = its value does not add up
reason-refer-document = it is worth { $value }, above the { $most } one document may be
reason-refer-day = with the { $today } it approved today it would pass the { $most } a day may take
reason-refer-confidence = its confidence of { $pct } % is below the { $least } % required
reason-refer-no-class = it has no product class
reason-refer-class = class { $class } is not one it may approve
reason-refer-supplier = its supplier is not one it may order from on its own
