# Ausnahmen, wie die Engine sie auslöst (engine/src/exceptions.rs und wer sie erzeugt):
# Titel, Beschreibung und Grundlage des Risikos werden als diese Meldungen mit ihren
# Variablen festgehalten (engine::recorded), damit jeder Disponent sie in seiner Sprache
# liest. Das daneben gespeicherte Englisch (API, Webhooks) sagt dasselbe.

## Bausteine
exc-text = { $text }
exc-product-number = Artikel { $id }
exc-location-number = Standort { $id }

## Bestand: ausverkauft, knapp ohne Deckung (replenish::evaluate)
exc-stockout-title = { $sku } ist in { $location } ausverkauft
exc-stockout-detail = { $name } hat in { $location } { $on_hand } auf Lager ({ $in_transit } unterwegs, { $on_order } bestellt).
exc-no-cover-title = { $sku } in { $location } ist knapp und ohne Deckung
exc-no-cover-detail = Kein anderer Standort kann { $name } abgeben, und es gibt keinen Lieferanten, bei dem bestellt werden kann.

## Erwarteter Umsatzverlust (risk)
exc-risk-basis = Etwa { $daily } Stück Absatz pro Tag × { $why } = { $units } Stück, abzüglich { $on_hand } auf Lager: { $short } Stück zu wenig bei einer Marge von { $margin } je Stück.
exc-risk-basis-inbound = Etwa { $daily } Stück Absatz pro Tag × { $why } = { $units } Stück, abzüglich { $on_hand } auf Lager und { $inbound } unterwegs oder bestellt, angenommen zur Hälfte der Zeit eintreffend und daher nur für die zweite Hälfte angerechnet: { $short } Stück zu wenig bei einer Marge von { $margin } je Stück.
exc-risk-lead-time = { $days ->
    [one] { $days } Tag bis zur frühestmöglichen Lieferung durch den Lieferanten
   *[other] { $days } Tage bis zur frühestmöglichen Lieferung durch den Lieferanten
}
exc-risk-no-supplier = { $days } Tage ohne Nachschub (kein Lieferant)

## Freigaben, die zu lange warten (replenish::timers)
exc-stale-transfer-title = Umlagerung { $id } wartet seit über { $hours } Std. auf Freigabe
exc-stale-po-title = Bestellung { $id } wartet seit über { $hours } Std. auf Freigabe
exc-stale-detail = Schritt { $step } (erfordert: { $role }) wartet und wurde nicht rechtzeitig entschieden.
exc-stale-detail-handed-on = Schritt { $step } (erfordert: { $role }) wurde nicht rechtzeitig entschieden; er geht jetzt an: { $to }.

## Lieferanten im Verzug (replenish::timers)
exc-ack-late-title = { $supplier } hat Bestellung { $po } nicht bestätigt
exc-ack-late-detail = Gesendet am { $sent }; die Bestätigung war fällig und eine Erinnerung ging hinaus, seitdem ohne Antwort. Rufen Sie den Lieferanten an, oder stornieren Sie die Bestellung und kaufen Sie anderswo.
exc-asn-late-title = { $supplier } hat für Bestellung { $po } kein Lieferavis gesendet
exc-asn-late-detail = Die Lieferung war für den { $day } zugesagt, und es ist kein Lieferavis eingegangen. Rufen Sie den Lieferanten an, oder ändern oder stornieren Sie die Bestellung.

## Abweichende Wareneingänge (replenish::shipments, replenish::lifecycle)
exc-receipt-title = { $lines ->
    [one] PO-{ $po }: Lieferung { $asn } weicht in { $lines } Position von ihrem Lieferavis ab
   *[other] PO-{ $po }: Lieferung { $asn } weicht in { $lines } Positionen von ihrem Lieferavis ab
}
exc-receipt-detail = { $differences }. Zählen Sie nach und reklamieren Sie dann die Differenz beim Lieferanten.
exc-receipt-line = { $sku } { $name }: { $shipped } versandt, { $received } erhalten ({ $what })
exc-receipt-over = { $units } zu viel
exc-receipt-short = { $units } zu wenig
exc-receipt-damaged = { $units } beschädigt
exc-transfer-receipt-title = Umlagerung { $id } kam mit { $received } von { $shipped } an
exc-transfer-receipt-detail = { $shipped ->
    [one] { $shipped } wurde versandt und { $received } erhalten; die Differenz braucht eine Zählung oder eine Reklamation.
   *[other] { $shipped } wurden versandt und { $received } erhalten; die Differenz braucht eine Zählung oder eine Reklamation.
}

## Auffällige Ereignisse (anomaly, replenish::anomalies)
exc-anomaly-sale-title = Ein Verkauf von { $quantity } × { $sku } in { $location } { $what }
exc-anomaly-count-title = Eine Zählung von { $quantity } × { $sku } in { $location } { $what }
exc-anomaly-what-outside-history = liegt weit außerhalb des Üblichen
exc-anomaly-what-count-jump = weicht stark vom Buchbestand ab
exc-anomaly-what-new-location = erfolgt, wo der Artikel nie verkauft wird
exc-anomaly-outside-history = Ein Verkauf von { $quantity } Stück, wo ein Verkaufstag sonst bei { $median } liegt (mediane absolute Abweichung { $mad }, aus { $days } Verkaufstagen): mehr als { $limit } liegt außerhalb des Üblichen.
exc-anomaly-new-location = Ein Verkauf von { $quantity } Stück, wo der Artikel in den letzten 16 Wochen nicht verkauft wurde.
exc-anomaly-count-jump = Eine Zählung von { $counted }, wo der Buchbestand { $book } war: eine Änderung um { $jump } Stück ({ $pct } %, mehr als die erlaubten { $allowed } %).
exc-anomaly-detail = Das Ereignis ({ $source } { $external_id }) ist erfasst und auf den Bestand gebucht, aber Umlagerungen und Bestellungen für diese Position warten, bis ein Disponent es bestätigt (es war richtig) oder ablehnt (es war falsch: seine Wirkung auf Bestand und Nachfrage wird rückgängig gemacht).

## Aufgegebene Aufträge und Webhook-Zustellungen (exceptions, webhooks::deliver)
exc-dead-job-title = Hintergrundauftrag { $id } ({ $kind }) wird nicht mehr wiederholt
exc-dead-job-detail = Er ist { $attempts } Mal fehlgeschlagen; der letzte Fehler war: { $error }. Führen Sie ihn auf der Seite „Hintergrundaufträge“ erneut aus, sobald die Ursache behoben ist.
exc-webhook-disabled-title = Webhook-Endpunkt { $host } wurde deaktiviert
exc-webhook-failing-title = Webhook-Zustellungen an { $host } schlagen fehl
exc-webhook-detail = { $error } Fehlgeschlagene Zustellungen warten unter Integrationen → Webhooks → Zustellprotokoll, wo jede erneut gesendet werden kann.

## How the engine resolved an exception
exc-resolved-back-on-hand = Der Artikel ist wieder vorrätig.
exc-resolved-above-reorder-point = Der Bestand liegt wieder über dem Meldebestand.
exc-resolved-covered = Eine Umlagerung oder Bestellung deckt den Bedarf jetzt.
exc-resolved-anomaly-confirmed = Bestätigt: Das Ereignis war richtig.
exc-resolved-anomaly-rejected = Abgelehnt: Das Ereignis war falsch, seine Wirkung auf Bestand und Nachfrage wurde rückgängig gemacht.
