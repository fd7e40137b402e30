# Uitzonderingen zoals de engine ze opent (engine/src/exceptions.rs en wie ze maakt):
# titel, toelichting en de basis van het risico worden vastgelegd als deze berichten met
# hun variabelen (engine::recorded), zodat elke planner ze in de eigen taal leest. Het
# Engels dat ernaast bewaard wordt (API, webhooks), zegt hetzelfde.

## Bouwstenen
exc-text = { $text }
exc-product-number = artikel { $id }
exc-location-number = locatie { $id }

## Voorraad: uitverkocht, laag zonder dekking (replenish::evaluate)
exc-stockout-title = { $sku } is uitverkocht in { $location }
exc-stockout-detail = { $name } heeft { $on_hand } op voorraad in { $location } ({ $in_transit } onderweg, { $on_order } besteld).
exc-no-cover-title = { $sku } in { $location } is laag zonder dekking
exc-no-cover-detail = Geen andere locatie kan { $name } missen en er is geen leverancier om bij te bestellen.

## Verwachte gemiste omzet (risk)
exc-risk-basis = Ongeveer { $daily } verkocht per dag × { $why } = { $units ->
        [one] { $units } stuk
       *[other] { $units } stuks
    }, min { $on_hand } op voorraad: { $short ->
        [one] { $short } stuk
       *[other] { $short } stuks
    } tekort tegen een marge van { $margin } per stuk.
exc-risk-basis-inbound = Ongeveer { $daily } verkocht per dag × { $why } = { $units ->
        [one] { $units } stuk
       *[other] { $units } stuks
    }, min { $on_hand } op voorraad en { $inbound } onderweg of besteld, aangenomen dat het halverwege aankomt en dus alleen de tweede helft dekt: { $short ->
        [one] { $short } stuk
       *[other] { $short } stuks
    } tekort tegen een marge van { $margin } per stuk.
exc-risk-lead-time = { $days ->
    [one] { $days } dag tot een bestelling bij de leverancier kan aankomen
   *[other] { $days } dagen tot een bestelling bij de leverancier kan aankomen
}
exc-risk-no-supplier = { $days } dagen zonder aanvulling (geen leverancier)

## Goedkeuringen die te lang wachten (replenish::timers)
exc-stale-transfer-title = Overboeking { $id } wacht al meer dan { $hours } u op goedkeuring
exc-stale-po-title = Inkooporder { $id } wacht al meer dan { $hours } u op goedkeuring
exc-stale-detail = Stap { $step } (vereist: { $role }) wacht en is niet op tijd beslist.
exc-stale-detail-handed-on = Stap { $step } (vereist: { $role }) wacht en is niet op tijd beslist; hij gaat nu naar: { $to }.

## Leveranciers te laat (replenish::timers)
exc-ack-late-title = { $supplier } heeft inkooporder { $po } niet bevestigd
exc-ack-late-detail = Verzonden op { $sent }; de bevestiging was verschuldigd en er ging een herinnering uit, sindsdien zonder antwoord. Bel de leverancier, of annuleer de order en koop elders.
exc-asn-late-title = { $supplier } heeft geen verzendbericht gestuurd voor inkooporder { $po }
exc-asn-late-detail = De levering was toegezegd voor { $day } en er is geen verzendbericht gekomen. Bel de leverancier, of wijzig of annuleer de order.

## Ontvangsten die afwijken (replenish::shipments, replenish::lifecycle)
exc-receipt-title = { $lines ->
    [one] PO-{ $po }: levering { $asn } wijkt op { $lines } regel af van haar verzendbericht
   *[other] PO-{ $po }: levering { $asn } wijkt op { $lines } regels af van haar verzendbericht
}
exc-receipt-detail = { $differences }. Tel opnieuw en claim dan het verschil bij de leverancier.
exc-receipt-line = { $sku } { $name }: { $shipped } verzonden, { $received } ontvangen ({ $what })
exc-receipt-over = { $units } te veel
exc-receipt-short = { $units } te weinig
exc-receipt-damaged = { $units } beschadigd
exc-transfer-receipt-title = Overboeking { $id } kwam aan met { $received } van { $shipped }
exc-transfer-receipt-detail = { $shipped } verzonden en { $received } ontvangen; het verschil vraagt om een telling of een claim.

## Afwijkende gebeurtenissen (anomaly, replenish::anomalies)
exc-anomaly-sale-title = Een verkoop van { $quantity } × { $sku } in { $location } { $what }
exc-anomaly-count-title = Een telling van { $quantity } × { $sku } in { $location } { $what }
exc-anomaly-what-outside-history = valt ver buiten het gebruikelijke
exc-anomaly-what-count-jump = wijkt sterk af van de boekvoorraad
exc-anomaly-what-new-location = op een locatie waar het artikel nooit verkocht wordt
exc-anomaly-outside-history = Een verkoop van { $quantity } stuks, waar een verkoopdag gewoonlijk { $median } is (mediane absolute afwijking { $mad }, over { $days } verkoopdagen): meer dan { $limit } valt buiten het gebruikelijke.
exc-anomaly-new-location = Een verkoop van { $quantity } stuks waar het artikel de laatste 16 weken niet verkocht is.
exc-anomaly-count-jump = Een telling van { $counted } waar de boekvoorraad { $book } was: een verandering van { $jump } stuks ({ $pct } %, meer dan de toegestane { $allowed } %).
exc-anomaly-detail = De gebeurtenis ({ $source } { $external_id }) is vastgelegd en op de voorraad geboekt, maar overboekingen en orders voor deze positie wachten tot een planner haar bevestigt (ze klopte) of afwijst (ze klopte niet: haar effect op voorraad en vraag wordt teruggedraaid).

## Taken en webhook-afleveringen die zijn opgegeven (exceptions, webhooks::deliver)
exc-dead-job-title = Achtergrondtaak { $id } ({ $kind }) wordt niet meer herhaald
exc-dead-job-detail = Hij is { $attempts } keer mislukt; de laatste fout was: { $error }. Voer hem opnieuw uit vanaf de pagina Achtergrondtaken zodra de oorzaak is verholpen.
exc-webhook-disabled-title = Webhook-endpoint { $host } is uitgeschakeld
exc-webhook-failing-title = Webhook-afleveringen aan { $host } mislukken
exc-webhook-detail = { $error } Mislukte afleveringen wachten in Koppelingen → Webhooks → Afleverlog, waar je elk opnieuw kunt versturen.

## How the engine resolved an exception
exc-resolved-back-on-hand = De voorraad is er weer.
exc-resolved-above-reorder-point = De voorraad ligt weer boven het bestelpunt.
exc-resolved-covered = Een overboeking of bestelling dekt de behoefte nu.
exc-resolved-anomaly-confirmed = Bevestigd: de gebeurtenis klopte.
exc-resolved-anomaly-rejected = Afgewezen: de gebeurtenis klopte niet, en het effect op voorraad en vraag is teruggedraaid.
