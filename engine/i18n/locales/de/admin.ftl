# Die Einstellungsseiten des Administrators: Dispositionsregeln, Freigabematrix,
# Mitglieder, Lieferantenzugang, Wieder verfügbar, Integrationen, Webhooks, Importe
# und Exporte.

# Gemeinsame Wörter.
admin-actions = Aktionen
admin-edit = Bearbeiten
admin-delete = Löschen
admin-delete-ellipsis = Löschen …
admin-save = Speichern
admin-any = Alle
admin-name = Name
admin-email = E-Mail
admin-role = Rolle
admin-location = Standort
admin-supplier = Lieferant
admin-product-class = Warengruppe
admin-status = Status
admin-status-label = Status:
admin-made = Erstellt
admin-invite-heading = Jemanden einladen
admin-send-invitation = Einladung senden
admin-invited = Eingeladen
admin-withdraw-ellipsis = Zurückziehen …
admin-withdraw-invitation = Diese Einladung zurückziehen
admin-never = nie
admin-every-class = Alle Warengruppen
admin-every-location = Alle Standorte
admin-location-id = Standort { $id }

# Rollen, wie man sie in einem Satz liest.

# Dispositionsregeln.
admin-policies-heading = Dispositionsregeln
admin-policies-intro = Eine Position verwendet die spezifischste Regel: ihre Warengruppe an ihrem Standort, dann ihre Warengruppe, dann alle Warengruppen an ihrem Standort, dann alle Warengruppen. Eine Regel kann die Bestandsgrenzen ihrer Warengruppe enthalten (Meldebestand und Auffüllen bis); Positionen übernehmen sie, sofern ein Disponent auf der Bestandsseite keine eigenen für die Position festgelegt hat.
admin-policies-empty = Noch keine Regeln: Jede Position verwendet die Standardwerte (Meldebestand, kein Sicherheitsbestand, Verpackungseinheit 1).
admin-policies-col-class = Warengruppe
admin-policies-col-settings = Einstellungen
admin-policies-col-changed = Geändert
admin-policies-delete-note = Dann gilt die nächstallgemeinere Regel.
admin-policies-delete = Diese Regel löschen
admin-policies-change = Regel ändern
admin-policies-add = Regel hinzufügen oder ersetzen
admin-policies-form-intro = Wenn Sie eine Warengruppe und einen Standort speichern, für die es bereits eine Regel gibt, wird diese ersetzt. Jede betroffene Position wird sofort erneut geprüft.
admin-policies-method = Verfahren
admin-policies-method-reorder-point = Meldebestand: bestellen, wenn er erreicht oder unterschritten ist
admin-policies-method-min-max = Min/Max: bestellen, wenn unter Minimum
admin-policies-method-forecast = Prognose: Grenzen aus der Nachfrageprognose jeder Position
admin-policies-service-level = Servicegrad (%, leer: aus z unten)
admin-policies-cover-days = Reichweite in Tagen (Prognose: Nachfrage, die „Auffüllen bis“ hinzufügt; eine kurze Reichweite hält weniger Bestand und, mit berücksichtigtem Bestellrhythmus, kaum mehr Fehltage, auf Kosten von mehr und kleineren Belegen)
admin-policies-spread-service = Prognose: Servicegrad nach Wert verteilen (günstige Langsamdreher erhalten mehr, teure Schnelldreher weniger; die Warengruppe hält ihren Grad im Mittel)
admin-policies-order-cycle = Prognose: Bestellrhythmus berücksichtigen (eine öfter als wöchentlich bestellte Position liest den Servicegrad als wöchentlichen und teilt ihr Fehlmengenrisiko auf ihre Bestellungen auf, und späte und frühe Lieferungen ihrer Bestellungen gleichen sich teilweise aus; nur für Lieferanten, bei denen sich jede Bestellung unabhängig verspätet oder verfrüht, nicht für einen, der wochenlang im Verzug ist)
admin-policies-compute-rop = Meldebestand aus Nachfrage in der Lieferzeit und Sicherheitsbestand berechnen (ab 14 Tagen Verkaufsdaten)
admin-policies-safety-stock = Sicherheitsbestand (Einheiten, verwendet ohne ausreichende Historie)
admin-policies-service-z = Servicegrad z (z. B. 1,65 für 95 %)
admin-policies-lead-time = Lieferzeit (Tage; leer: die des Lieferanten)
admin-policies-class-rop = Meldebestand der Warengruppe (leer: Positionen behalten ihren eigenen)
admin-policies-class-out = „Auffüllen bis“ der Warengruppe
admin-policies-dc-multiplier = In Verteilzentren Grenzen mal
admin-policies-case-pack = Verpackungseinheit (Einheiten pro Karton)
admin-policies-moq = Mindestbestellmenge
admin-policies-promotions = Aktionen: eine pro Zeile, erster Tag, letzter Tag und Nachfragefaktor (z. B. { $example } für +50 %)
admin-policies-save = Regel speichern
admin-policies-add-new = Stattdessen eine neue hinzufügen
admin-policies-nightly-heading = Nächtliche Prüfung
admin-policies-nightly-intro = Jede Position wird einmal pro Nacht gegen ihre Regel geprüft, zusätzlich nach jedem Bestandsereignis, damit eine niedrige Position nie wegen eines verpassten Ereignisses unbemerkt bleibt. Nur Positionen, die es brauchen, lösen etwas aus.
admin-policies-hour = Stunde (UTC)
admin-policies-runs-at = Läuft um { $time } UTC.
admin-policies-anomalies-heading = Anomalieprüfungen
admin-policies-anomalies-intro = Ein eingehender Verkauf weit über dem üblichen Verkaufstag seiner Reihe (Median plus ein Vielfaches der medianen absoluten Abweichung), eine Zählung weit vom Buchbestand entfernt oder ein Verkauf, wo der Artikel nie verkauft wird, wird erfasst und auf den Bestand gebucht, aber Umlagerungen und Bestellungen der Position warten, bis ein Disponent ihn in der Ausnahmenliste bestätigt.
admin-policies-anomalies-legend = Anomalie-Schwellenwerte
admin-policies-anomalies-enabled = Eingehende Ereignisse prüfen
admin-policies-mad-k = MAD-Faktor (2–100)
admin-policies-min-units = Kleinster anomaler Verkauf (Einheiten)
admin-policies-count-jump = Zählsprung (% des Buchbestands)
admin-policies-count-min-units = Kleinster Zählsprung (Einheiten)
admin-policies-new-location = Verkauf markieren, wenn der Artikel 16 Wochen lang nicht verkauft wurde
admin-policies-save-checks = Prüfungen speichern

# Die Einstellungen einer Regel in einer Zeile.
admin-policy-reorder-point = Meldebestand
admin-policy-min-max = Min/Max
admin-policy-forecast = Prognose, { $days } Tage Reichweite
admin-policy-service = { $level } % Servicegrad
admin-policy-spread = Servicegrad nach Wert verteilt
admin-policy-order-cycle = Bestellrhythmus berücksichtigt
admin-policy-computed = aus Nachfrage berechnet (z { $z })
admin-policy-safety-stock = Sicherheitsbestand { $units }
admin-policy-lead-time = Lieferzeit { $days } T
admin-policy-supplier-lead-time = Lieferzeit des Lieferanten
admin-policy-levels = Grenzen { $rop } / { $out }
admin-policy-levels-dc = Grenzen { $rop } / { $out } (× { $factor } in Verteilzentren)
admin-policy-own-levels = eigene Grenzen der Positionen
admin-policy-case-pack = Verpackungseinheit { $units }
admin-policy-moq = Mindestmenge { $units }
admin-policy-promotions = { $n ->
    [one] { $n } Aktion
   *[other] { $n } Aktionen
}

# Die Freigabematrix.
admin-matrix-heading = Freigabematrix
admin-matrix-intro = Regeln werden von oben nach unten geprüft; die erste, die auf einen Beleg passt, entscheidet. Nichts über { $limit } wird jemals automatisch freigegeben. Wenn keine Regel passt: { $steps }.
admin-matrix-empty = Keine Regeln: Jeder Beleg durchläuft die Standardschritte.
admin-matrix-col-number = Nr.
admin-matrix-col-rule = Regel
admin-matrix-col-when = Wenn
admin-matrix-then = Dann
admin-matrix-move-up = Regel { $n } nach oben verschieben
admin-matrix-up = ↑ Nach oben
admin-matrix-move-down = Regel { $n } nach unten verschieben
admin-matrix-down = ↓ Nach unten
admin-matrix-delete = Diese Regel löschen
admin-matrix-add-heading = Regel hinzufügen
admin-matrix-add-intro = Lassen Sie eine Bedingung leer, damit sie auf alles passt. Die Regel wird am Ende angefügt; verschieben Sie sie nach oben, um ihr Vorrang zu geben. Beträge in { $currency }.
admin-matrix-document = Beleg
admin-matrix-doc-transfers = Umlagerungen
admin-matrix-doc-purchase-orders = Bestellungen
admin-matrix-value-from = Wert ab
admin-matrix-value-up-to = Wert bis
admin-matrix-example = z. B. { $amount }
admin-matrix-region = Region
admin-matrix-outcome-steps = Freigabeschritte (unten)
admin-matrix-outcome-auto = Automatisch freigeben (bis zum Limit)
admin-matrix-step-n = Schritt { $n }
admin-matrix-step-n-optional = Schritt { $n } (optional)
admin-matrix-escalate-after = Eskalieren nach (Stunden)
admin-matrix-escalate-to = Eskalieren an
admin-matrix-nobody = Niemand: eine Ausnahme auslösen
admin-matrix-add = Regel hinzufügen
admin-matrix-text-summary = Die ganze Matrix als Text bearbeiten, und das Bestellfenster
admin-matrix-text-help = Eine Regel prüft { $doc_type } (transfer, purchase_order), { $min_value }, { $max_value } (in Cent), { $class }, { $region }, { $location } und { $supplier }; ihr Ergebnis ist { $auto } oder { $steps } mit Schritten, die eine Rolle, die Stunden bis zur Eskalation und die Rolle nennen, an die eskaliert wird. Nichts über { $limit } wird jemals automatisch freigegeben.
admin-matrix-po-window = Bestellfenster (Minuten)
admin-matrix-matrix = Matrix

# Eine Regel in Worten.
admin-rule-step = { $n }. { $role } ({ $then })
admin-rule-after-to = nach { $hours } h an { $role }
admin-rule-after-exception = nach { $hours } h eine Ausnahme
admin-rule-any-document = jeder Beleg
admin-rule-transfers = Umlagerungen
admin-rule-purchase-orders = Bestellungen
admin-rule-from = ab { $amount }
admin-rule-up-to = bis { $amount }
admin-rule-class = Warengruppe { $class }
admin-rule-region = Region { $region }
admin-rule-at = in { $location }
admin-rule-from-supplier = von Lieferant { $supplier }
admin-rule-auto-approve = automatisch freigeben

# Mitglieder.
admin-members-heading = Mitglieder
admin-members-intro = Die Personen, die in diesem Portal arbeiten. Benutzer von Lieferanten finden Sie unter Lieferanten. Jeder Einladungslink funktioniert einmal, sieben Tage lang.
admin-members-2fa-heading = Zweistufige Anmeldung
admin-members-2fa-require = Zweistufige Anmeldung für alle verlangen, die sich hier anmelden
admin-members-2fa-note = Wer sie noch nicht eingerichtet hat, wird bei der nächsten Anmeldung dazu aufgefordert. Bereits offene Sitzungen bleiben bestehen.
admin-members-until = bis { $date }
admin-members-people = Personen
admin-members-nobody = Noch niemand.
admin-members-deactivated = deaktiviert
admin-members-2fa-on = zweistufige Anmeldung an
admin-members-2fa-off = zweistufige Anmeldung aus
admin-members-you = (Sie)
admin-members-roles-ellipsis = Rollen …
admin-members-roles-of = Rollen von { $name }
admin-members-save-roles = Rollen speichern
admin-members-deactivate-ellipsis = Deaktivieren …
admin-members-deactivate-note = Die Person wird sofort abgemeldet und kann sich hier erst nach der Reaktivierung wieder anmelden. Ihre Rollen bleiben erhalten.
admin-members-deactivate = { $name } deaktivieren
admin-members-reactivate = { $name } reaktivieren

# Lieferantenzugang.
admin-suppliers-heading = Lieferantenzugang
admin-suppliers-intro = Eingeladene Personen sehen in Ihrem Portal nur die Bestellungen ihrer eigenen Organisation und beantworten sie dort. Jeder Einladungslink funktioniert einmal, sieben Tage lang.
admin-suppliers-none = Sie haben noch keine Lieferanten. Fügen Sie sie zuerst den Stammdaten hinzu.
admin-suppliers-nobody = Von diesem Lieferanten hat noch niemand Zugang; Bestellungen werden über den Link in der E-Mail jeder Bestellung beantwortet.
admin-suppliers-remove-ellipsis = Zugang entfernen …
admin-suppliers-remove = Zugang von { $name } entfernen
admin-suppliers-clocks-heading = Lieferantenfristen
admin-suppliers-clocks-intro = Eine gesendete Bestellung muss innerhalb der unten genannten Arbeitsstunden bestätigt werden; danach wird der Lieferant erinnert, und später erhalten Sie eine Ausnahme. Änderungen gelten für ab jetzt gesendete Bestellungen.
admin-suppliers-time-zone = Zeitzone (etwa Europe/Berlin)
admin-suppliers-working-days = Arbeitstage
admin-suppliers-day-starts = Arbeitstag beginnt um (Stunde, 0–23)
admin-suppliers-day-ends = Arbeitstag endet um (Stunde, 1–24)
admin-suppliers-ack-hours = Arbeitsstunden zur Bestätigung einer Bestellung
admin-suppliers-escalate-hours = Arbeitsstunden nach der Erinnerung, bevor Sie benachrichtigt werden
admin-suppliers-save-clocks = Fristen speichern
# Die Sprache, in der die E-Mails an einen Lieferanten geschrieben sind, und die Namen der Sprachen.
admin-suppliers-language = Sprache der E-Mails an diesen Lieferanten
admin-suppliers-language-default = Die Sprache des Portals ({ $language })
admin-suppliers-language-now = Bestellungen und Einladungen gehen an diesen Lieferanten auf { $language }.
admin-suppliers-language-save = Sprache speichern
admin-suppliers-language-saved = Die Sprache des Lieferanten ist gespeichert.
admin-language-en = Englisch
admin-language-de = Deutsch
admin-language-nl = Niederländisch

# Wieder verfügbar.
admin-bis-heading = Wieder verfügbar
admin-bis-intro = Kunden bitten um eine E-Mail, wenn ein Artikel in einer Filiale wieder verfügbar ist. Kommt Bestand zurück, werden sie in Wellen benachrichtigt, die ältesten zuerst: Einheiten am Lager × Wellengröße, vor jeder Welle erneut geprüft.
admin-bis-enabled = Benachrichtigungen „Wieder verfügbar“ anbieten
admin-bis-wave-percent = Wellengröße, % der Einheiten am Lager (100–10.000)
admin-bis-wave-minutes = Minuten zwischen den Wellen, solange der Vorrat reicht (1–10.080)
admin-bis-sends = Höchstens so viele Kunden-E-Mails pro Minute (1–10.000)
admin-bis-substitute-hours = Stunden ohne Bestand, bevor der Ersatzartikel angeboten wird (1–2.160)
admin-bis-substitutes = Ersatzartikel, einer pro Zeile: SKU = Ersatz-SKU
admin-bis-origins = Shop-Origins, die das Widget einbetten dürfen, eine pro Zeile (https://shop.example)
admin-bis-online-location = Standortcode, dessen Bestand der des Onlineshops ist (optional)
admin-bis-demand-weight = Jeder wartende Kunde zählt als dieser Prozentsatz einer Nachfrageeinheit (0–100)
admin-bis-shop-url = Link zum Kaufen in der E-Mail ({ $sku } und { $ref } werden eingesetzt; optional)
admin-bis-widget = Das Widget
admin-bis-widget-intro = Fügen Sie dies in eine Produktseite einer zugelassenen Shop-Origin ein:
admin-bis-waitlists = Wartelisten
admin-bis-empty = Noch hat kein Kunde um eine Benachrichtigung gebeten. Verlinken Sie die Produktseiten Ihres Shops mit dem Widget (oben) oder mit /notify/<SKU>.
admin-bis-col-product = Artikel
admin-bis-col-store = Filiale
admin-bis-col-on-hand = Am Lager
admin-bis-col-waiting = Wartend
admin-bis-col-unconfirmed = Unbestätigt
admin-bis-col-notified = Benachrichtigt
admin-bis-col-bought = Gekauft
admin-bis-col-conversion = Konversion

# Integrationen: API-Schlüssel.
admin-integrations-heading = Integrationen
admin-integrations-new-key = Ihr neuer Schlüssel (nur jetzt angezeigt):
admin-integrations-imports-link = Importe und Exporte (CSV) →
admin-integrations-intro = Systeme senden einen Schlüssel als Authorization: Bearer <Schlüssel>. Jeder Schlüssel kann nur, was seine Berechtigungen erlauben; hier bleiben nur seine ersten Zeichen lesbar. Was jeder Endpunkt annimmt und antwortet: { $reference }.
admin-integrations-api-reference = die API-Referenz
admin-integrations-make-heading = Schlüssel erstellen
admin-integrations-key-name = Name (das System, das ihn verwenden wird)
admin-integrations-scopes = Berechtigungen
admin-integrations-make = Schlüssel erstellen
admin-integrations-keys = Schlüssel
admin-integrations-empty = Noch keine Schlüssel. Erstellen Sie oben einen für jedes System, das mit diesem Portal spricht.
admin-integrations-col-key = Schlüssel
admin-integrations-col-last-used = Zuletzt verwendet
admin-integrations-old-key-hours = Alter Schlüssel gilt noch (Stunden)
admin-integrations-rotate = Rotieren
admin-integrations-revoke-confirm = Systeme, die ihn verwenden, hören sofort auf zu funktionieren
admin-integrations-revoke = Widerrufen

# Zustand und Berechtigungen eines API-Schlüssels.
admin-key-revoked = Widerrufen
admin-key-expired = Abgelaufen
admin-key-works-until = Gültig bis { $when }
admin-key-active = Aktiv
admin-scope-read-inventory = Bestand lesen: Positionen, Katalog, Belege, Ausnahmen
admin-scope-write-events = Bestandsereignisse schreiben
admin-scope-manage-documents = Belege verwalten: versenden, empfangen, stornieren, abschließen
admin-scope-manage-subscriptions = Benachrichtigungen „Wieder verfügbar“ verwalten
admin-scope-import-data = CSV-Dateien importieren: Artikel, Standorte, Lieferanten, Zählbestände (keine Dispositionsregeln)

# Webhooks.
admin-webhooks-new-secret = Das Signaturgeheimnis (nur jetzt angezeigt):
admin-webhooks-endpoints = Webhook-Endpunkte
admin-webhooks-endpoints-intro = Ereignisse gehen an jeden Endpunkt, signiert nach Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Eine fehlgeschlagene Zustellung wird etwa drei Tage lang wiederholt, dann in der Ausnahmenliste angezeigt und im Zustellprotokoll aufbewahrt, von wo sie erneut gesendet werden kann.
admin-webhooks-address = Adresse (https://…)
admin-webhooks-description = Beschreibung (optional)
admin-webhooks-events = Ereignisse
admin-webhooks-events-label = Ereignisse:
admin-webhooks-add-endpoint = Endpunkt hinzufügen
admin-webhooks-no-endpoints = Noch keine Endpunkte: Es wird nichts gesendet, bis Sie einen hinzufügen.
admin-webhooks-old-secret-signs = Das vorherige Geheimnis signiert ebenfalls bis { $when }.
admin-webhooks-delivery-log = Zustellprotokoll
admin-webhooks-old-secret-sign-hours = Altes Geheimnis signiert weiter für (Stunden)
admin-webhooks-rotate-secret = Geheimnis rotieren
admin-webhooks-disable = Deaktivieren
admin-webhooks-enable = Aktivieren
admin-webhooks-delete-confirm = Ihn und sein Protokoll löschen
admin-webhooks-sources = Webhook-Quellen
admin-webhooks-sources-intro = Systeme, die signierte Webhooks hierher senden. Quellen nach Standard Webhooks senden Bestände als { $example }; Shopify-Quellen senden inventory_levels/update, zugeordnet zu Ihren Standorten und SKUs. Eine Anfrage, deren Signatur nicht stimmt, wird abgelehnt, und nichts wird gespeichert.
admin-webhooks-source-name = Name (Buchstaben, Ziffern, Bindestriche: Teil ihrer Adresse)
admin-webhooks-kind = Art
admin-webhooks-shopify-secret = Nur Shopify: das Geheimnis der App (eine Quelle nach Standard Webhooks erhält ein eigens erstelltes Geheimnis)
admin-webhooks-shopify-mapping = Nur Shopify: Zuordnung (location <ID> = <Code>, item <ID> = <SKU>, eine pro Zeile)
admin-webhooks-add-source = Quelle hinzufügen
admin-webhooks-no-sources = Noch keine Quellen.
admin-webhooks-posts-to = Sendet an:
admin-webhooks-on-this-portal = { $address } (unter der Adresse dieses Portals)
admin-webhooks-received = Empfangen:
admin-webhooks-received-count = { $count } (zuletzt { $when })
admin-webhooks-last-problem = Letztes Problem: { $error }
admin-webhooks-old-secret-verifies = Das vorherige Geheimnis wird ebenfalls bis { $when } akzeptiert.
admin-webhooks-old-secret-verify-hours = Altes Geheimnis wird weiter akzeptiert für (Stunden)
admin-webhooks-new-platform-secret = Das neue Geheimnis der Plattform
admin-webhooks-source-delete-confirm = Ihre Adresse funktioniert dann nicht mehr
admin-webhooks-mapping = Zuordnung (eine pro Zeile: location <ihre ID> = <Standortcode>, item <ihre ID> = <SKU>)
admin-webhooks-save-mapping = Zuordnung speichern
admin-webhooks-back = ← Integrationen
admin-webhooks-deliveries-to = Zustellungen an { $url }
admin-webhooks-nothing-sent = An diesen Endpunkt wurde noch nichts gesendet.
admin-webhooks-col-event = Ereignis
admin-webhooks-col-state = Zustand
admin-webhooks-col-attempts = Versuche
admin-webhooks-col-details = Details
admin-webhooks-older = Ältere Zustellungen →
admin-webhooks-request-attempts = Anfrage und Versuche
admin-webhooks-attempt = { $at }: { $outcome } in { $ms } ms
admin-webhooks-send-again = Erneut senden

# Zustände, Ereignisse und Quellen von Webhooks.
admin-endpoint-enabled = Aktiv
admin-endpoint-disabled = Deaktiviert { $when } ({ $reason })
admin-endpoint-no-reason = ohne Angabe von Gründen
admin-event-availability-changed = Verfügbarkeit geändert: Bestand von Artikeln an Standorten hat sich bewegt
admin-event-transfer = Umlagerungen: jede Zustandsänderung
admin-event-purchase-order = Bestellungen: jede Zustandsänderung und die Antworten des Lieferanten
admin-event-exception-opened = Ausnahmen: eine wurde eröffnet
admin-source-standard = Standard Webhooks, Bestände (jedes System)
admin-source-shopify = Shopify-Bestände (inventory_levels/update)
admin-delivery-delivered = Zugestellt
admin-delivery-retrying = Wird wiederholt (nächster Versuch { $when })
admin-delivery-sending = Wird gesendet
admin-delivery-failed = Fehlgeschlagen: { $error }
admin-delivery-no-answer = keine Antwort

# Importe und Exporte.
admin-imports-heading = Importe und Exporte
admin-imports-import-heading = CSV-Datei importieren
admin-imports-kind = Was die Datei enthält
admin-imports-file = Datei (CSV, UTF-8, erste Zeile mit den Spaltennamen; bis zu 100.000 Zeilen)
admin-imports-check = Datei prüfen
admin-imports-check-note = Die Datei wird zuerst geprüft: Sie sehen jedes Problem nach Zeile und Spalte und was sich ändern würde, bevor sich etwas ändert.
admin-imports-recent = Letzte Importe
admin-imports-empty = Noch keine Importe. Laden Sie oben eine Datei hoch: Sie wird zuerst geprüft, und nichts ändert sich, bis Sie sie anwenden.
admin-imports-col-file = Datei
admin-imports-col-holds = Inhalt
admin-imports-col-uploaded = Hochgeladen
admin-imports-export-heading = Als CSV exportieren
admin-imports-export-intro = Artikel, Standorte, Lieferanten, Zählbestände und Dispositionsregeln kommen in der Form heraus, die ihr Import erwartet: exportieren, bearbeiten, wieder importieren.
admin-imports-problems = Probleme
admin-imports-problems-note = Korrigieren Sie diese in der Datei und laden Sie sie erneut hoch; bis dahin kann nichts davon angewendet werden.
admin-imports-col-row = Zeile
admin-imports-col-column = Spalte
admin-imports-col-problem = Problem
admin-imports-col-what = Was
admin-imports-col-fields = Felder
admin-imports-more-problems = { $n ->
    [one] … und { $n } weiteres Problem.
   *[other] … und { $n } weitere Probleme.
}
admin-imports-no-change = Keine Zeile würde etwas ändern.
admin-imports-more-rows = { $n ->
    [one] … und { $n } weitere Zeile.
   *[other] … und { $n } weitere Zeilen.
}
admin-imports-rows = { $n ->
    [one] { $n } Zeile
   *[other] { $n } Zeilen
}
admin-imports-summary = { $rows }: { $new } neu, { $changed } geändert, { $unchanged } unverändert.
admin-imports-what-would-change = Was sich ändern würde
admin-imports-rows-checked = Geprüfte Zeilen
admin-imports-apply-confirm = Jede Zeile oben anwenden (alle oder keine)
admin-imports-apply = Datei anwenden
admin-imports-back = ← Importe und Exporte

# Zustand, Arten und Exporte eines Imports.
admin-import-checking-rows = Wird geprüft: { $done } von { $total } Zeilen
admin-import-checking = Wird geprüft
admin-import-checked = Geprüft: bereit zum Anwenden
admin-import-invalid = Hat Probleme: nichts kann angewendet werden
admin-import-applying = { $total } Zeilen werden angewendet, alle oder keine
admin-import-applied = Angewendet { $when }
admin-import-failed = Fehlgeschlagen: nichts wurde angewendet
admin-import-kind-products = Artikel
admin-import-kind-locations = Standorte
admin-import-kind-suppliers = Lieferanten
admin-import-kind-stock-counts = Zählbestände
admin-import-kind-policies = Dispositionsregeln
admin-import-kind-columns = { $kind } (Spalten: { $required })
admin-import-kind-columns-optional = { $kind } (Spalten: { $required }; optional: { $optional })
admin-import-action-new = neu
admin-import-action-change = Änderung
admin-export-products = Artikel
admin-export-locations = Standorte
admin-export-suppliers = Lieferanten
admin-export-stock-counts = Zählbestände (am Lager)
admin-export-policies = Dispositionsregeln
admin-export-positions = Bestandspositionen (alle Kennzahlen)
admin-export-transfers = Umlagerungen
admin-export-purchase-orders = Bestellungen (eine Zeile pro Position)
