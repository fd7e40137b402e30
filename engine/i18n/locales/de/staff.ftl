# The retailer's staff pages: home, inventory, approvals, documents, exceptions, jobs,
# and a sent order's changes and ship notices.

## Home
staff-home-clients = Ihre Kunden
staff-home-partners-tenants = Partner und Mandanten
staff-home-members = Mitglieder
staff-home-branding = Erscheinungsbild
staff-home-audit-trail = Prüfprotokoll
staff-home-welcome = Willkommen zurück, { $name }.
staff-home-locations = Standorte
staff-home-products = Artikel
staff-home-low-positions = Positionen auf oder unter dem Meldebestand

## Background jobs
staff-jobs-heading = Hintergrundaufträge
staff-jobs-dead-letters = Aufgegebene Aufträge
staff-jobs-none-dead = Kein Auftrag wurde aufgegeben.
staff-jobs-attempts = { $count ->
    [one] { $count } Versuch
   *[other] { $count } Versuche
}
staff-jobs-replay = Erneut ausführen
staff-job-state-available = bereit
staff-job-state-scheduled = geplant
staff-job-state-running = läuft
staff-job-state-retryable = wird wiederholt
staff-job-state-completed = erledigt
staff-job-state-discarded = aufgegeben
staff-job-state-cancelled = abgebrochen

## Inventory
staff-inventory-heading = Bestand
staff-inventory-search = SKU oder Name suchen
staff-inventory-search-example = z. B. Hafer oder GRO-0042
staff-inventory-location = Standort
staff-inventory-all-locations = Alle Standorte
staff-inventory-class = Klasse
staff-inventory-all-classes = Alle Klassen
staff-inventory-low-only = Nur niedriger Bestand
staff-inventory-apply = Anwenden
staff-inventory-clear = Zurücksetzen
staff-inventory-empty = Keine Bestandspositionen entsprechen diesen Filtern.
staff-inventory-col-sku = SKU
staff-inventory-col-product = Artikel
staff-inventory-col-on-hand = Lagerbestand
staff-inventory-col-in-transit = Unterwegs
staff-inventory-col-on-order = Bestellt
staff-inventory-col-waiting = Wartend
staff-inventory-col-waiting-title = Kunden, die auf eine „Wieder verfügbar“-E-Mail warten
staff-inventory-reorder-point = Meldebestand
staff-inventory-order-up-to = Bestellgrenze
staff-inventory-col-forecast = Prognose, 7 Tage
staff-inventory-col-forecast-title = Erwartete Einheiten in den nächsten 7 Tagen, die Prognosemethode und ihr Fehler
staff-inventory-col-levels-from = Werte aus
staff-inventory-col-status = Status
staff-inventory-forecast-range = 80-%-Bereich { $range } Einheiten
staff-inventory-forecast-none = noch nicht
staff-inventory-low = Niedrig
staff-inventory-ok = OK
staff-inventory-pages = Seiten
staff-inventory-previous = ← Zurück
staff-inventory-page = Seite { $page }
staff-inventory-next = Weiter →
staff-inventory-set-levels-for = Werte für { $sku } in { $location } festlegen
staff-inventory-set = Festlegen…
staff-inventory-save-levels = Für diese Position speichern
staff-inventory-use-policy = Werte der Dispositionsregel verwenden
# Where a position's levels came from.
staff-levels-policy = Dispositionsregel der Klasse
staff-levels-override = für diese Position festgelegt
staff-levels-event = nicht festgelegt (neue Position, keine Klassenwerte)
staff-levels-kept = aus einer früheren Dispositionsregel übernommen
staff-levels-setup = Mandanteneinrichtung

## Roles

## Approvals inbox
staff-approvals-heading = Freigaben
staff-approvals-empty = Nichts wartet auf Ihre Entscheidung.
staff-approvals-waiting-count = { $count ->
    [one] { $count } wartet auf Sie, die älteste zuerst.
   *[other] { $count } warten auf Sie, die älteste zuerst.
}
staff-approvals-approve-selected = Auswahl freigeben
staff-approvals-others = { $count ->
    [one] { $count } weitere wartet auf andere Rollen.
   *[other] { $count } weitere warten auf andere Rollen.
}
staff-approvals-select = Für die Sammelfreigabe auswählen
staff-approvals-waiting-for = wartet seit { $time }
staff-approvals-rule = Regel: { $rule }
staff-approvals-escalated = Eskaliert
staff-approvals-overdue = Überfällig
staff-approvals-numbers = Zahlen hinter dem Vorschlag
staff-approvals-own = Sie haben dies angefordert oder geändert, daher muss jemand anderes entscheiden.
staff-approvals-comment = Kommentar (zum Ablehnen erforderlich)
staff-approvals-approve = Freigeben
staff-approvals-reject = Ablehnen
staff-approvals-step = Schritt { $step } von { $total } · { $role }
staff-approvals-step-delegated = Schritt { $step } von { $total } · { $role } (an Sie delegiert)
staff-approvals-line = { $quantity } zu { $price }
staff-approvals-more-lines = { $count ->
    [one] { $count } weitere Zeile
   *[other] { $count } weitere Zeilen
}
staff-approvals-po-title = Bestellung { $id } an { $supplier } { $count ->
    [one] ({ $count } Zeile)
   *[other] ({ $count } Zeilen)
}
staff-approvals-change-title = Änderung der Bestellung { $id } an { $supplier }
staff-approvals-change-reason-supplier = Der Lieferant schlägt eine Änderung vor, die den Bestellwert von { $from } auf { $to } bringt, Lieferung am { $day }.
staff-approvals-change-reason-buyer = Der Einkäufer schlägt eine Änderung vor, die den Bestellwert von { $from } auf { $to } bringt, Lieferung am { $day }.
staff-approvals-change-note = Notiz: „{ $note }“
staff-approvals-changed-line = { $quantity } zu { $price } → { $newquantity } zu { $newprice }

## Away: stand-ins
staff-away-heading = Abwesend?
staff-away-intro = Übergeben Sie Ihre Rolle für einen Zeitraum an eine Kollegin oder einen Kollegen: Sie oder er kann entscheiden, was auf die Rolle wartet, außer dem, was Sie angefordert oder geändert haben, und erhält ihre E-Mails. Die Tage gelten in UTC.
staff-away-nobody = Niemand vertritt Sie.
# After the stand-in's name.
staff-away-stands-in = vertritt Sie als { $role } vom { $from } bis { $to }
staff-away-now = Jetzt
staff-away-end-now = Jetzt beenden
staff-away-cancel = Abbrechen
staff-away-stand-in = Vertretung
staff-away-role = Rolle
staff-away-first-day = Erster Tag
staff-away-last-day = Letzter Tag
staff-away-hand-over = Übergeben

## Facts about a document
staff-fact-product = Artikel
staff-fact-quantity = Menge
staff-fact-from = Von
staff-fact-to = Nach
staff-fact-value = Wert
staff-fact-shipped = Versandt
staff-fact-received = Erhalten
staff-fact-supplier = Lieferant
staff-fact-ship-to = Lieferung an
staff-fact-window-closes = Fenster schließt
staff-fact-sent = Gesendet
staff-fact-promised-for = Lieferung zugesagt für
staff-fact-supplier-note = Notiz des Lieferanten

## Documents
staff-docs-transfers = Umlagerungen
staff-docs-no-transfers = Noch keine Umlagerungen. Sie entstehen, wenn eine Filiale unter ihren Meldebestand fällt und ein anderer Standort Bestand abgeben kann.
staff-docs-orders = Bestellungen
staff-docs-no-orders = Noch keine Bestellungen.
staff-docs-col-document = Beleg
staff-docs-col-state = Status
staff-docs-col-value = Wert
staff-docs-col-updated = Aktualisiert
staff-docs-transfer-row = Umlagerung { $id }: { $quantity } × { $product } → { $to }
staff-docs-po-row = Bestellung { $id } an { $supplier } für { $location }
staff-doc-transfer-title = Umlagerung { $id }: { $quantity } × { $product }
staff-doc-po-title = Bestellung { $id } an { $supplier }
staff-doc-line-backordered = { $article } (im Rückstand: Lieferung { $day })
staff-doc-any-moment = jeden Moment
staff-doc-promised-revised = { $day } ({ $revised }; zuerst zugesagt für { $first })
staff-doc-revised-times = { $count ->
    [one] { $count }-mal geändert
   *[other] { $count }-mal geändert
}
staff-doc-step = Runde { $round } · Schritt { $step } · { $role }
staff-doc-step-escalated = Runde { $round } · Schritt { $step } · { $role } (eskaliert)
staff-doc-back = ← Belege
staff-doc-pending-decision = Wartet im Freigabeeingang
staff-doc-col-product = Artikel
staff-doc-col-quantity = Menge
staff-doc-col-unit-cost = Stückkosten
staff-doc-col-line-value = Zeilenwert
staff-doc-col-why = Warum
staff-doc-shipped-quantity = Versandte Menge
staff-doc-mark-shipped = Als versandt markieren
staff-doc-received-quantity = Erhaltene Menge
staff-doc-mark-received = Als erhalten markieren
staff-doc-new-quantity = Neue Menge
staff-doc-change-quantity = Menge ändern
staff-doc-change-quantity-hint = Eine Änderung schickt sie zurück zur Freigabe.
staff-doc-sure = Ich bin sicher
staff-doc-cancel-order = Bestellung stornieren
staff-doc-cancel-transfer = Umlagerung stornieren
staff-doc-rest-not-coming = Der Rest kommt nicht mehr
staff-doc-close-order = Bestellung abschließen
staff-doc-resend = Erneut an den Lieferanten senden
staff-doc-resend-hint = Mit einem neuen Link, 30 Tage gültig.
staff-doc-revoke = Links des Lieferanten zurückziehen
staff-doc-revoke-hint = Die Links in der E-Mail zur Bestellung funktionieren nicht mehr.
staff-doc-approval = Freigabe
staff-doc-no-steps = Keine Freigabeschritte: automatisch freigegeben oder noch nicht weitergeleitet.
staff-doc-history = Verlauf
staff-doc-record = Eintrag #{ $seq }
staff-doc-actor = Akteur
staff-doc-action = Aktion
staff-doc-change = Änderung
# A transfer's or purchase order's state.
staff-state-proposed = vorgeschlagen
staff-state-draft = Entwurf
staff-state-pending-approval = wartet auf Freigabe
staff-state-approved = freigegeben
staff-state-sent = übermittelt
staff-state-acknowledged = bestätigt
staff-state-backordered = im Rückstand
staff-state-change-proposed = Änderung vorgeschlagen
staff-state-change-approval = Änderung wartet auf Freigabe
staff-state-shipped = versandt
staff-state-partly-received = teilweise eingegangen
staff-state-received = eingegangen
staff-state-closed = abgeschlossen
staff-state-declined = vom Lieferanten abgesagt
staff-state-rejected = abgelehnt
staff-state-cancelled = storniert
# An approval step's state.
staff-step-state-waiting = wartet
staff-step-state-pending = offen
staff-step-state-approved = freigegeben
staff-step-state-rejected = abgelehnt
staff-step-state-withdrawn = zurückgezogen

## Exceptions
staff-exceptions-heading = Ausnahmen
staff-exceptions-open = Offen
staff-exceptions-resolved = Erledigt
staff-exceptions-by-severity = Sortiert nach Schweregrad, Eskalation und Alter.
staff-exceptions-rank-lost-sales = Nach erwarteten Umsatzverlusten ordnen
staff-exceptions-by-lost-sales = Geordnet nach erwarteten Umsatzverlusten (fehlende Einheiten, bis Nachschub eintreffen kann, × Marge), dann nach Schweregrad und Alter.
staff-exceptions-order-severity = Stattdessen nach Schweregrad sortieren
staff-exceptions-none-resolved = Noch nichts erledigt.
staff-exceptions-none-open = Keine offenen Ausnahmen. Bestand, Freigaben und Aufträge sind in Ordnung.
staff-exceptions-with-selected = Mit der Auswahl:
staff-exceptions-assign-me = Mir zuweisen
staff-exceptions-assign = Zuweisen an…
staff-exceptions-unassign = Zuweisung aufheben
staff-exceptions-comment = Kommentieren
staff-exceptions-resolve = Erledigen
staff-exceptions-confirm = Ereignis bestätigen (Anomalien)
staff-exceptions-reject = Ereignis ablehnen und rückgängig machen (Anomalien)
staff-exceptions-assignee = Zuständig
staff-exceptions-text = Kommentar oder Lösung
staff-exceptions-apply = Anwenden
staff-exceptions-select = Auswählen
staff-exceptions-at-risk = { $amount } erwarteter Umsatzverlust
staff-exceptions-anomaly-hint = Die Umlagerungen und Bestellungen dieser Position warten: Wählen Sie sie aus und wählen Sie „Ereignis bestätigen“, wenn es stimmte, oder „Ereignis ablehnen und rückgängig machen“, wenn es falsch war.
staff-exceptions-meta = { $kind } · Alter { $age } · Zuständig: { $owner }
staff-exceptions-nobody = niemand
staff-exceptions-escalated = Eskaliert
staff-exceptions-resolution = Erledigt: { $text }
staff-exception-kind-stockout = Fehlbestand
staff-exception-kind-no-cover = keine Deckung
staff-exception-kind-stale-approval = liegengebliebene Freigabe
staff-exception-kind-supplier-late = Lieferant im Verzug
staff-exception-kind-receipt-mismatch = Abweichung beim Wareneingang
staff-exception-kind-anomaly = Anomalie
staff-exception-kind-dead-job = aufgegebener Auftrag
staff-severity-critical = kritisch
staff-severity-high = hoch
staff-severity-medium = mittel
staff-severity-low = niedrig

## A sent order's changes and ship notices (buyer's and supplier's page)
staff-changes-heading = Änderungen und Lieferungen
staff-changes-counter = Mit einer eigenen Änderung antworten
staff-changes-propose-supplier = Änderung vorschlagen (Menge, Preis oder Datum)
staff-changes-propose-buyer = Bestellung ändern
staff-changes-col-article = Artikel
staff-changes-col-as-ordered = Wie bestellt
staff-changes-col-proposed = Vorgeschlagen
staff-changes-accept = Änderung annehmen
staff-changes-refuse-reason = Oder ablehnen, mit Begründung
staff-changes-refuse = Änderung ablehnen
staff-changes-delivery-date = Liefertermin
staff-changes-note = Notiz für die andere Seite (optional)
staff-changes-propose = Änderung vorschlagen
staff-changes-propose-hint = Eine Menge von 0 streicht die Zeile; ein späteres eigenes Datum einer Zeile setzt sie in Rückstand. Eine Änderung, die die Bestellung verteuert, gibt der Händler frei, bevor sie gilt.
staff-changes-ship-notice = Versandavis senden
staff-changes-col-not-shipped = Noch nicht versandt
staff-changes-col-this-delivery = In dieser Lieferung
staff-changes-units-delivery = Einheiten von { $article } in dieser Lieferung
staff-changes-carrier = Spediteur
staff-changes-tracking-number = Sendungsnummer
staff-changes-expected-delivery = Erwartete Lieferung
staff-changes-send-notice = Versandavis senden
staff-changes-in-transit = unterwegs
staff-changes-received-badge = eingegangen
staff-changes-col-shipped = Versandt
staff-changes-col-received = Erhalten
staff-changes-col-damaged = Davon beschädigt
staff-changes-units-received = Erhaltene Einheiten von { $article }
staff-changes-units-damaged = Beschädigte Einheiten von { $article }
staff-changes-record-receipt = Wareneingang erfassen
staff-changes-earlier = Frühere Änderungen
staff-changes-col-quantity = Menge
staff-changes-col-unit-price = Stückpreis
staff-changes-col-own-date = Eigenes Datum, falls später
staff-changes-quantity-of = Menge von { $article }
staff-changes-price-of = Stückpreis von { $article }
staff-changes-date-of = Eigener Liefertermin für { $article } (Zeile in Rückstand setzen)
staff-changes-line = Zeile { $line }
staff-changes-dropped = gestrichen
staff-changes-proposed-dated = { $quantity } × { $price }, Lieferung { $day }
staff-changes-fact-delivery-date = Liefertermin
staff-changes-fact-value = Bestellwert mit der Änderung
staff-changes-fact-note = Notiz
staff-changes-fact-now = Jetzt
staff-changes-awaiting-approval = wartet auf die Freigabe des Einkäufers
staff-changes-proposed-you = Sie haben diese Änderung am { $day } vorgeschlagen
staff-changes-proposed-supplier = Der Lieferant hat diese Änderung am { $day } vorgeschlagen
staff-changes-proposed-buyer = Der Einkäufer hat diese Änderung am { $day } vorgeschlagen
staff-changes-history-you = Sie haben am { $day } eine Änderung vorgeschlagen ({ $value }): { $outcome }
staff-changes-history-supplier = Der Lieferant hat am { $day } eine Änderung vorgeschlagen ({ $value }): { $outcome }
staff-changes-history-buyer = Der Einkäufer hat am { $day } eine Änderung vorgeschlagen ({ $value }): { $outcome }
staff-changes-history-you-note = Sie haben am { $day } eine Änderung vorgeschlagen ({ $value }): { $outcome }: „{ $note }“
staff-changes-history-supplier-note = Der Lieferant hat am { $day } eine Änderung vorgeschlagen ({ $value }): { $outcome }: „{ $note }“
staff-changes-history-buyer-note = Der Einkäufer hat am { $day } eine Änderung vorgeschlagen ({ $value }): { $outcome }: „{ $note }“
# How a change ended.
staff-change-state-accepted = angenommen
staff-change-state-rejected = abgelehnt
staff-change-state-superseded = ersetzt
staff-change-state-not-approved = nicht freigegeben
staff-change-state-cancelled = storniert
staff-changes-fact-expected = Erwartet
staff-changes-fact-carrier = Spediteur
staff-changes-fact-tracking = Sendungsverfolgung
staff-changes-fact-received = Erhalten
staff-changes-notice-heading = Versandavis { $id } vom { $day }
staff-changes-received-damaged = { $received } ({ $damaged } beschädigt)
