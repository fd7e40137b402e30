# People's own pages: their account and sign-in steps, the supplier's pages (an order,
# the order list, an invitation, scorecards) and the shopper's pages (back in stock).

## Shared
people-loading = Wird geladen…
people-not-found-heading = Seite nicht gefunden
people-not-found-text = Unter dieser Adresse gibt es nichts.
people-from = Von { $retailer }
people-email = E-Mail
people-your-password = Ihr Passwort
people-your-name = Ihr Name
people-new-password = Neues Passwort (mindestens 8 Zeichen)
people-choose-password = Wählen Sie ein Passwort (mindestens 8 Zeichen)
people-repeat-password = Dasselbe Passwort noch einmal
people-cancel = Abbrechen
people-link-unusable = Dieser Link kann nicht verwendet werden
people-busy = Gerade melden sich zu viele an. Bitte versuchen Sie es in einer Minute erneut.

## Roles

## Signing in: the second step, a forgotten password
people-sign-in = Anmelden
people-sign-in-again = Erneut anmelden
people-go-to-sign-in = Zur Anmeldung
people-back-to-sign-in = Zurück zur Anmeldung
people-start-again = Neu beginnen
people-sign-in-ended = Ihre Anmeldung ist abgelaufen. Melden Sie sich erneut mit E-Mail-Adresse und Passwort an.
people-second-step-code = Der sechsstellige Code aus Ihrer Authenticator-App
people-second-step-recovery = Kein Telefon zur Hand? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein (etwa abcde-fghjk); jeder funktioniert einmal.
people-forgot-heading = Passwort vergessen?
people-forgot-sent = Wenn zu dieser Adresse hier ein Konto gehört, haben wir ihr einen Link zum Wählen eines neuen Passworts geschickt. Er funktioniert einmal, eine Stunde lang. Sehen Sie im Spam-Ordner nach, wenn in einigen Minuten nichts ankommt.
people-forgot-intro = Geben Sie die E-Mail-Adresse ein, mit der Sie sich anmelden. Wir senden ihr einen Link, mit dem Sie ein neues Passwort wählen.
people-forgot-send = Link senden
people-reset-heading = Neues Passwort wählen
people-reset-save = Neues Passwort speichern
people-reset-note = Beim Speichern werden Sie überall sonst abgemeldet. Die Zwei-Schritt-Anmeldung bleibt eingeschaltet, falls Sie sie nutzen.
people-reset-ask-new = Neuen Link anfordern
people-reset-invalid = Dieser Link ist ungültig. Prüfen Sie, ob er vollständig kopiert wurde, oder fordern Sie einen neuen an.
people-reset-used = Dieser Link wurde bereits verwendet, oder es wurde ein neuerer gesendet. Fordern Sie einen neuen an, falls Sie ihn noch brauchen.
people-reset-expired = Dieser Link ist abgelaufen. Fordern Sie einen neuen an: Er gilt eine Stunde lang.

## Two-step sign-in
people-setup-heading = Zwei-Schritt-Anmeldung einrichten
people-setup-required = { $tenant } bittet alle, jede Anmeldung mit einem Code aus einer App auf dem Telefon zu bestätigen. Das Einrichten dauert einmalig eine Minute.
people-setup-step-app = Öffnen Sie eine Authenticator-App auf Ihrem Telefon (etwa Aegis, Google Authenticator, Microsoft Authenticator oder 1Password) und fügen Sie ein Konto hinzu.
people-setup-step-scan = Scannen Sie diesen Code oder tippen Sie den Schlüssel darunter ein.
people-setup-qr-label = QR-Code des Schlüssels für Ihre Authenticator-App
people-setup-key = Schlüssel:
people-setup-open-app = In einer Authenticator-App auf diesem Gerät öffnen
people-setup-code = Der sechsstellige Code aus der App
people-two-factor-heading = Zwei-Schritt-Anmeldung
people-two-factor-turn-on = Zwei-Schritt-Anmeldung einschalten
people-two-factor-turn-off = Zwei-Schritt-Anmeldung ausschalten
people-two-factor-on = Ein: Jede Anmeldung fragt nach einem Code aus Ihrer Authenticator-App.
people-two-factor-required = Dieses Portal verlangt die Zwei-Schritt-Anmeldung, daher bleibt sie eingeschaltet.
people-two-factor-off-summary = Ausschalten…
people-two-factor-off-code = Ein Code aus Ihrer App oder ein Wiederherstellungscode
people-two-factor-off-intro = Aus. Ist sie eingeschaltet, öffnet ein gestohlenes Passwort allein Ihr Konto nicht mehr: Jede Anmeldung fragt zusätzlich nach einem Code aus einer App auf Ihrem Telefon.

## The account page and recovery codes
people-account-heading = Ihr Konto
people-password-heading = Passwort
people-current-password = Aktuelles Passwort
people-password-change = Passwort ändern
people-password-change-note = Beim Ändern werden Sie überall sonst abgemeldet.
people-recovery-left = Noch { $left } von 10 Wiederherstellungscodes übrig.
people-recovery-new-summary = Neue Wiederherstellungscodes…
people-recovery-renew-code = Ein Code aus Ihrer App (die alten Wiederherstellungscodes werden ungültig)
people-recovery-renew = Neue Wiederherstellungscodes erstellen
people-recovery-heading = Wiederherstellungscodes
people-recovery-shown-once = Wiederherstellungscodes werden nur einmal angezeigt, direkt nach dem Erstellen. Neue erhalten Sie in Ihrem Konto.
people-recovery-keep-heading = Bewahren Sie diese Wiederherstellungscodes auf
people-recovery-keep-intro = Wenn Sie Ihr Telefon verlieren, meldet Sie jeder dieser Codes einmal an, anstelle eines Codes aus der App. Bewahren Sie sie sicher auf (in einem Passwort-Manager oder ausgedruckt). Sie werden nicht noch einmal angezeigt.
people-recovery-kept = Ich habe sie aufbewahrt: weiter

## An invitation
people-invite-unusable = Diese Einladung kann nicht verwendet werden
people-invite-join = Dem Portal beitreten
people-invite-join-supplier = Dem Lieferantenportal beitreten
# $role is one of the people-invite-as-… phrases below.
people-invite-staff = Sie sind eingeladen, im Nachschubportal von { $retailer } als { $role } mitzuarbeiten. Die Einladung gilt für { $email } und funktioniert bis { $until }.
people-invite-supplier = Sie sind eingeladen, die Bestellungen von { $retailer } für { $supplier } zu beantworten. Die Einladung gilt für { $email } und funktioniert bis { $until }.
people-invite-as-tenant-admin = Administrator
people-invite-as-planner = Disponent
people-invite-as-approver = Freigeber
people-invite-as-supplier = Lieferant
people-invite-as-partner-admin = Partner-Administrator
people-invite-as-platform-admin = Plattform-Administrator
people-invite-existing = Zu dieser Adresse gibt es hier bereits ein Konto (für einen anderen Händler). Bestätigen Sie mit dessen Passwort: Ihr Zugang zu jedem Händler bleibt getrennt.
people-invite-accept = Einladung annehmen
people-invite-accept-sign-in = Annehmen und anmelden
people-invite-invalid = Dieser Einladungslink ist ungültig. Prüfen Sie, ob er vollständig kopiert wurde, oder bitten Sie um eine neue Einladung.
people-invite-used = Diese Einladung wurde bereits verwendet. Melden Sie sich mit dem damals gewählten Passwort an.
people-invite-expired = Diese Einladung ist am { $day } abgelaufen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue.
people-invite-revoked = Diese Einladung wurde zurückgezogen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue.
people-invite-wrong-password = Das ist nicht das Passwort Ihres Kontos. Verwenden Sie das Passwort, mit dem Sie sich anderswo in diesem Dienst anmelden.
people-invite-too-many = Diese Einladung wurde nach zu vielen falschen Passwörtern zurückgezogen. Bitten Sie die Person, die Sie eingeladen hat, um eine neue.

## A purchase order, as its supplier sees it
people-order-unopenable = Diese Bestellung kann nicht geöffnet werden
people-order-all = ← Alle Ihre Bestellungen
people-order-title = Bestellung PO-{ $id }
people-order-lines-caption = Bestellpositionen
people-order-article = Artikel
people-order-quantity = Menge
people-order-unit-price = Stückpreis
people-order-line-value = Positionswert
people-order-total = Summe
people-order-promised-heading = Zugesagte Liefertermine
people-order-promise = { $day } (zugesagt am { $given })
people-order-change-date = Liefertermin ändern
people-order-acknowledge-heading = Bestellung bestätigen
people-order-delivery-date = Liefertermin
people-order-save-date = Neuen Termin speichern
people-order-acknowledge = Bestätigen
people-order-backorder-heading = Als Rückstand bestätigen
people-order-not-before = Nicht vor
people-order-backorder = Rückstand
people-order-decline = Bestellung ablehnen
people-order-decline-reason = Warum Sie nicht liefern können (der Einkäufer liest dies)
people-fact-deliver-to = Lieferung an
people-fact-supplier = Lieferant
people-fact-address = Lieferadresse
people-fact-ordered-on = Bestellt am
people-fact-requested = Lieferung gewünscht bis
people-fact-answer-by = Bitte antworten bis
people-fact-promised = Lieferung zugesagt für
people-fact-note = Ihre Notiz
people-line-backordered = { $article } (im Rückstand: Lieferung { $day })
people-link-invalid = Dieser Link ist ungültig. Prüfen Sie, ob er vollständig kopiert wurde, oder bitten Sie den Einkäufer, die Bestellung erneut zu senden.
people-link-expired = Dieser Link ist am { $day } abgelaufen. Bitten Sie den Einkäufer, die Bestellung erneut zu senden.
people-link-revoked = Dieser Link wurde vom Einkäufer zurückgezogen. Bitten Sie den Einkäufer um einen neuen.

## An order's state, in the supplier's words
people-state-sent = wartet auf Ihre Antwort
people-state-acknowledged = bestätigt
people-state-backordered = im Rückstand
people-state-change-proposed = Änderung vorgeschlagen
people-state-change-approval = wird vom Einkäufer geprüft
people-state-shipped = versandt
people-state-partly-received = teilweise eingegangen
people-state-closed = abgeschlossen
people-state-declined = abgelehnt
people-state-cancelled = vom Einkäufer storniert
people-state-not-open = nicht offen

## The supplier's orders
people-orders-yours = Ihre Bestellungen
people-orders-for = Bestellungen für { $supplier }
people-orders-empty = Noch keine Bestellungen. Wenn der Einkäufer eine sendet, erscheint sie hier und Sie erhalten eine E-Mail.
people-orders-empty-state = Keine Bestellungen in diesem Status.
people-orders-not-linked = Ihr Konto ist noch mit keinem Lieferanten verknüpft: Bitten Sie den Einkäufer, Sie erneut einzuladen
people-orders-show = Anzeigen
people-orders-all = alle Bestellungen
people-orders-filter = Filtern
people-orders-caption = Ihre Bestellungen
people-orders-order = Bestellung
people-orders-state = Status
people-orders-deliver-to = Lieferung an
people-orders-delivery = Lieferung
people-orders-lines = Positionen
people-orders-value = Wert
people-orders-ordered = bestellt am { $day }
people-orders-older = Ältere Bestellungen →
people-delivery-promised = { $day } (zugesagt)
people-delivery-requested = { $day } (gewünscht)

## Supplier access (the admin's page)
people-access-works-until = Link gilt bis { $day }
people-access-expired-on = abgelaufen am { $day }
people-day-mon = Mo
people-day-tue = Di
people-day-wed = Mi
people-day-thu = Do
people-day-fri = Fr
people-day-sat = Sa
people-day-sun = So

## Scorecards
people-scorecards-heading = Lieferantenbewertungen
people-scorecard-own-heading = Ihre Bewertung
people-scorecard-intro = Die gesendeten Bestellungen der letzten { $weeks } Wochen, Montag bis Sonntag. Pünktlich heißt: bestätigt, bevor die Bestätigung fällig war (zwei Arbeitstage, sofern der Händler keine andere Frist festgelegt hat); Bestellungen, deren Frist noch läuft, zählen noch nicht. Lieferkennzahlen folgen, sobald Wareneingänge zu Bestellungen erfasst sind.
people-scorecard-empty = In diesem Zeitraum wurden keine Bestellungen gesendet.
people-scorecard-trend-caption = Pünktlich bestätigt, je Woche
people-scorecard-week-of = Woche ab
people-scorecard-orders-due = Fällige Bestellungen
people-scorecard-on-time = Pünktlich
people-score-sent = Gesendete Bestellungen
people-score-acknowledged = Bestätigt
people-score-of = { $part } von { $whole }
people-score-on-time = Pünktlich bestätigt
people-score-on-time-value = { $percent } ({ $part } von { $whole } fälligen)
people-score-pending = Warten auf Antwort, noch nicht fällig
people-score-declined = Abgelehnt
people-score-median-ack = Mittlere Zeit bis zur Bestätigung
people-score-hours = { $hours } Std.
people-score-date-changes = Geänderte Liefertermine
people-score-delivered = Gelieferte Bestellungen
people-score-otif = Pünktlich und vollständig
people-score-otif-value = { $percent } ({ $part } von { $whole } gelieferten)
people-score-fill-rate = Lieferquote
people-score-fill-value = { $percent } ({ $part } von { $whole } Einheiten)
people-score-median-lead = Mittlere Lieferzeit
people-score-days = { $days } Tage

## Back in stock: a product's page, a confirmation link, a shopper's alerts
people-product-not-found = Dieses Produkt wurde nicht gefunden
people-stock-in = Vorrätig
people-stock-few = Nur noch wenige
people-stock-out = Nicht vorrätig
people-notify-in-stock-everywhere = Überall vorrätig, wo es aufgeführt ist: Keine Benachrichtigung nötig.
people-notify-heading = Benachrichtigen Sie mich, wenn es wieder da ist
people-notify-store = Filiale
people-notify-email = Ihre E-Mail-Adresse
people-notify-leave-empty = Dieses Feld leer lassen
# The consent wording (engine::back_in_stock::CONSENT_WORDING, version v1).
people-notify-consent = Senden Sie mir eine E-Mail, wenn dieser Artikel hier wieder verfügbar ist. Ich kann mich jederzeit abmelden.
people-notify-submit = Benachrichtigen
people-alert-heading = Benachrichtigung: wieder verfügbar
people-alert-confirm-ask = Bestätigen Sie, dass Sie eine E-Mail erhalten möchten, wenn { $product } in { $place } wieder verfügbar ist.
people-alert-confirm = Benachrichtigung bestätigen
people-alert-expired = Dieser Bestätigungslink ist abgelaufen. Fordern Sie die Benachrichtigung auf der Produktseite erneut an.
people-alert-on = Ihre Benachrichtigung ist aktiv: Wir schreiben Ihnen einmal, wenn { $product } in { $place } wieder da ist.
people-alert-ended = Diese Benachrichtigung ist beendet.
people-alert-manage = Benachrichtigungen verwalten oder Ihre Daten löschen
people-alerts-heading = Ihre Benachrichtigungen
people-alerts-for = Für { $address }.
people-alerts-none = Sie haben keine Benachrichtigungen.
people-alerts-row = { $state } (angefordert am { $day })
people-alert-state-pending = Wartet auf Ihre Bestätigung
people-alert-state-confirmed = Aktiv: Wir schreiben Ihnen, wenn es wieder da ist
people-alert-state-mailing = Wieder verfügbar: Ihre E-Mail ist unterwegs
people-alert-state-done = Erledigt: Wir haben Ihnen geschrieben, dass es wieder da war
people-alert-state-off = Aus
people-alerts-stop-this = Die Benachrichtigung beenden, um die es in dieser E-Mail ging
people-alerts-stop-all = Alle meine Benachrichtigungen beenden
people-erase-heading = Meine Daten löschen
people-erase-intro = Dies löscht Ihre E-Mail-Adresse und alle Ihre Benachrichtigungen hier, sofort. Es kann nicht rückgängig gemacht werden.
people-erase-confirm = Ja, meine Daten löschen
# The widget snippet's placeholders for the address the admin fills in.
people-widget-portal-host = Host Ihres Portals
people-widget-platform-host = Host der Plattform
