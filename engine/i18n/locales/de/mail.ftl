# E-mails (engine/src/mail, engine/templates/mail): to staff, suppliers and shoppers,
# in the recipient's language.

## Shared

mail-hello = Hallo { $name },
mail-footer = Gesendet von { $tenant } für { $tenant }.
mail-open-order = Bestellung öffnen

## Approval requests and outcomes (to staff)

mail-approval-subject = Freigabe erforderlich: { $title }
mail-approval-waiting = { $title } wartet auf Ihre Entscheidung.
mail-approval-open = Freigaben öffnen
mail-outcome-approved = { $title } wurde genehmigt
mail-outcome-rejected = { $title } wurde abgelehnt
mail-outcome-cancelled = { $title } wurde storniert
mail-outcome-change-rejected-in-approval = Für { $title } wurde die Änderung in der Freigabe abgelehnt
mail-outcome-declined = { $title } wurde vom Lieferanten abgelehnt
mail-outcome-acknowledged = { $title } wurde vom Lieferanten bestätigt
mail-outcome-backordered = { $title } wurde vom Lieferanten in Nachlieferung gestellt
mail-outcome-changes-proposed = Für { $title } hat der Lieferant Änderungen vorgeschlagen
mail-outcome-change-accepted-by-supplier = Für { $title } hat der Lieferant die Änderung angenommen
mail-outcome-change-accepted = Für { $title } wurde die Änderung angenommen
mail-outcome-change-refused-by-supplier = Für { $title } hat der Lieferant die Änderung abgelehnt
mail-outcome-change-refused = Für { $title } wurde die Änderung abgelehnt
mail-outcome-shipped = { $title } wurde vom Lieferanten versandt
mail-outcome-other = { $title }: { $outcome }
mail-outcome-note-promised = Lieferung zugesagt für { $day }.
mail-outcome-note-not-before = Lieferung nicht vor { $day }.
mail-outcome-open = Dokument öffnen

## A document's facts

mail-transfer-title = Umlagerung { $id }: { $quantity } Stk. { $sku } { $product }
mail-po-title = Bestellung { $id } { $lines ->
    [one] ({ $lines } Position)
   *[other] ({ $lines } Positionen)
}
mail-po-change-title = Änderung an Bestellung { $id }
mail-unknown-location = Standort { $id }
mail-fact-from = Von
mail-fact-to = Nach
mail-fact-quantity = Menge
mail-fact-value = Wert
mail-fact-product = Produkt
mail-fact-supplier = Lieferant
mail-fact-ship-to = Lieferung an
mail-fact-value-with-change = Wert mit der Änderung
mail-fact-proposed-by = Vorgeschlagen von
mail-fact-delivery-with-change = Lieferung mit der Änderung
mail-fact-change = Änderung: { $sku }
mail-proposed-by-buyer = Einkauf
mail-proposed-by-supplier = Lieferant
mail-po-line = { $quantity } × { $product } zu { $price }
mail-change-line = { $quantity } zu { $price } → { $new_quantity } zu { $new_price }

## Purchase orders (to the supplier)

mail-order-title = Bestellung PO-{ $id } von { $tenant }
mail-order-subject-cancelled = Storniert: { $title }
mail-order-subject-update = Aktualisierung: { $title }
mail-order-subject-reminder = Erinnerung: { $title }
mail-order-subject-message = Nachricht zu { $title }
mail-order-intro = Bitte liefern Sie die folgende Bestellung.
mail-order-intro-reminder = Erinnerung: Wir haben noch keine Antwort von Ihnen auf diese Bestellung. Bitte bestätigen Sie sie mit Ihrem Liefertermin oder lehnen Sie sie ab.
mail-order-intro-cancelled = Diese Bestellung ist storniert. Bitte liefern Sie sie nicht; falls sie schon unterwegs ist, antworten Sie auf diese E-Mail.
mail-order-intro-message = { $author } hat zu dieser Bestellung geschrieben: „{ $body }“
mail-update-closed = Diese Bestellung ist abgeschlossen: Bitte versenden Sie nichts mehr, was noch nicht versandt ist.
mail-update-change-proposed = Der Einkauf schlägt eine Änderung dieser Bestellung vor. Bitte melden Sie sich im Portal an, um sie anzusehen, und nehmen Sie sie an oder lehnen Sie sie ab. Bis dahin gilt die Bestellung wie unten.
mail-update-change-refused-reason = Ihre vorgeschlagene Änderung wurde nicht angenommen („{ $reason }“). Die Bestellung gilt wie unten.
mail-update-change-refused = Ihre vorgeschlagene Änderung wurde vom Händler nicht angenommen. Die Bestellung gilt wie unten.
mail-update-change-accepted = Ihre vorgeschlagene Änderung ist angenommen: Die Bestellung unten gilt jetzt.
mail-update-asn-reminder = Die Lieferung ist für den { $day } zugesagt, und uns liegt noch kein Lieferavis vor. Bitte melden Sie sich an und senden Sie eines, sobald die Ware unterwegs ist, oder schlagen Sie ein neues Datum vor.
mail-order-link-note = Über diesen Link bestätigen Sie sie mit Ihrem Liefertermin oder lehnen sie ab, ganz ohne Passwort. Der Link funktioniert bis { $day }.
mail-order-link-note-message = Über diesen Link antworten Sie oder beantworten die Bestellung, ganz ohne Passwort. Der Link funktioniert bis { $day }.
mail-order-fact-order = Bestellung
mail-order-fact-deliver-to = Lieferung an
mail-order-fact-address = Lieferadresse
mail-order-fact-ordered-on = Bestellt am
mail-order-fact-requested-by = Lieferung erbeten bis
mail-order-fact-total = Gesamt
mail-order-line-backordered = { $sku } { $product } (Nachlieferung: Lieferung { $day })
mail-order-article = Artikel
mail-order-quantity = Menge
mail-order-unit-price = Stückpreis

## Messages and account notices

mail-staff-message-title = { $author } hat zu Bestellung { $id } geschrieben
mail-notice-password-changed = Ihr Passwort wurde geändert
mail-notice-two-factor-on = Die zweistufige Anmeldung wurde für Ihr Konto eingeschaltet
mail-notice-two-factor-off = Die zweistufige Anmeldung wurde für Ihr Konto ausgeschaltet
mail-notice-recovery-codes = Für Ihr Konto wurden neue Wiederherstellungscodes erstellt
mail-notice-title = { $what } ({ $product })
mail-notice-intro = Wenn Sie das waren, ist nichts zu tun. Wenn nicht, setzen Sie Ihr Passwort jetzt über den Link unten zurück und informieren Sie Ihren Administrator.
mail-notice-button = Passwort zurücksetzen

## Invitations and password resets

mail-invite-supplier-title = { $tenant } lädt Sie in sein Lieferantenportal ein
mail-invite-supplier-intro = Dort sehen Sie die Bestellungen, die { $tenant } an { $supplier } sendet, und beantworten sie: mit einem Liefertermin bestätigen oder ablehnen.
mail-invite-staff-title = { $tenant } lädt Sie in sein Nachschubportal ein
mail-invite-staff-intro = Sie arbeiten künftig bei { $tenant } als { $role ->
    [tenant_admin] Administrator.
    [planner] Planer.
    [approver] Freigeber.
    [partner_admin] Partner-Administrator.
    [platform_admin] Plattform-Administrator.
   *[other] Mitglied.
}
mail-invite-link-note = Der Link funktioniert einmal, bis { $day }. Ihr Passwort wählen Sie, wenn Sie ihn öffnen.
mail-invite-button = Einladung annehmen
mail-invite-ignore = Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren: Es geschieht nichts, solange der Link nicht benutzt wird.
mail-reset-title = Passwort für { $product } zurücksetzen
mail-reset-intro = Jemand, wahrscheinlich Sie, hat angefordert, das Passwort dieses Kontos zurückzusetzen. Falls Sie es nicht waren, ignorieren Sie diese E-Mail: Es ändert sich nichts, solange der Link nicht benutzt wird.
mail-reset-link-note = Der Link funktioniert einmal, { $minutes } Minuten lang. Mit einem neuen Passwort werden Sie überall sonst abgemeldet.
mail-reset-button = Neues Passwort wählen

## Back in stock (to shoppers)

mail-shopper-online-shop = unserem Onlineshop
mail-shopper-confirm-subject = Bestätigen Sie Ihre Benachrichtigung für { $product }
mail-shopper-confirm-heading = Bestätigen Sie Ihre Benachrichtigung „wieder verfügbar“
mail-shopper-confirm-intro = Sie haben { $shop } gebeten, Ihnen eine E-Mail zu senden, sobald { $product } in { $place } wieder verfügbar ist. Bestätigen Sie, dass dies Ihre Adresse ist, um die Benachrichtigung zu starten.
mail-shopper-confirm-button = Benachrichtigung bestätigen
mail-shopper-confirm-note = Der Link funktioniert { $hours } Stunden lang. Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Sie hören nicht wieder von uns.
mail-shopper-notify-subject = { $product } ist in { $place } wieder verfügbar
mail-shopper-notify-heading = { $product } ist wieder da
mail-shopper-notify-intro = Gute Nachricht: { $product } ist in { $place } wieder verfügbar. Wir benachrichtigen die Personen auf der Warteliste der Reihe nach, so viele, wie Artikel da sind – es kann also schnell gehen.
mail-shopper-notify-button = Jetzt kaufen
mail-shopper-notify-note = Das war Ihre einmalige Benachrichtigung für diesen Artikel; sie ist jetzt beendet.
mail-shopper-substitute-subject = { $product } ist noch nicht da: { $alt } ist in { $place } vorrätig
mail-shopper-substitute-heading = Während Sie auf { $product } warten
mail-shopper-substitute-intro = { $product } ist in { $place } noch nicht wieder vorrätig. { $alt } ist dort jetzt erhältlich, falls Ihnen das stattdessen zusagt.
mail-shopper-substitute-button = { $alt } ansehen
mail-shopper-substitute-note = Ihre Benachrichtigung für { $product } bleibt bestehen: Wir sagen Ihnen trotzdem Bescheid, wenn es wieder da ist.
mail-shopper-manage = Benachrichtigungen verwalten oder Ihre Daten löschen
mail-shopper-unsubscribe = Abmelden

## Previews (/settings/branding/emails): who gets each e-mail, and sample content

mail-preview-approval-request = Freigabe erforderlich (an Freigebende)
mail-preview-outcome = Entscheidung über ein Dokument (an die anfragende Person)
mail-preview-purchase-order = Bestellung (an den Lieferanten; Erinnerungen, Änderungen und Stornierungen sehen ähnlich aus)
mail-preview-supplier-message = Nachricht eines Lieferanten (an Planer)
mail-preview-invitation = Einladung (an ein neues Mitglied oder eine Person eines Lieferanten)
mail-preview-password-reset = Passwort zurücksetzen
mail-preview-shopper-alert = Wieder verfügbar (an Kundinnen und Kunden)
mail-preview-outcome-subject = Genehmigt: { $title }
mail-preview-order-link-note = Über diesen Link bestätigen Sie sie mit Ihrem Liefertermin oder lehnen sie ab, ganz ohne Passwort.
mail-preview-invite-link-note = Der Link funktioniert einmal, sieben Tage lang. Ihr Passwort wählen Sie, wenn Sie ihn öffnen.
mail-preview-shopper-subject = { $product } ist wieder verfügbar
mail-preview-shopper-heading = Es ist wieder da
mail-preview-shopper-intro = { $product } ist in { $place } wieder vorrätig.
mail-preview-shopper-button = Ansehen
mail-preview-shopper-note = Sie wollten erfahren, wann es wieder da ist. Wir schreiben Ihnen dazu nicht noch einmal.
mail-sample-product = Beispielprodukt
mail-sample-product-2 = Weiteres Produkt
mail-sample-warehouse = Zentrallager
mail-sample-store = Beispielfiliale
mail-sample-address = Beispielfiliale, Beispielstraße 1
mail-sample-reason = Der Bestand der Filiale ist unter den Meldebestand gefallen; das Lager kann die Menge abgeben.
mail-sample-transfer = Umlagerung { $id }
mail-sample-note = Passt für diese Woche.
mail-sample-supplier = Beispiel-Lieferant
mail-sample-message = Wir können am Donnerstag statt am Mittwoch liefern. Passt Ihnen das?
