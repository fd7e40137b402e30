# Das Prüfprotokoll und der Verlauf eines Belegs als Sätze (engine/src/history.rs,
# engine/src/trail.rs) und die Namen, die die Engine Rollen, Belegen und Status gibt
# (engine/src/model.rs, engine/src/workflow).

## Wer es getan hat, wenn es keine Person dieses Portals ist.
hist-actor-outside = jemand außerhalb dieses Portals
hist-actor-acting = { $person } (Dienstleister, Vertretungssitzung { $session })
hist-actor-key = Integrationsschlüssel { $key }
hist-actor-platform = das Plattform-Team
hist-actor-provider = Ihr Dienstleister
hist-actor-system = das System

## Belege und andere Gegenstände.
hist-transfer = Umlagerung { $id }: { $quantity } × { $product } von { $from } nach { $to }
hist-purchase-order = { $lines ->
    [one] Bestellung PO-{ $id } an { $supplier } für { $location } ({ $lines } Position)
   *[other] Bestellung PO-{ $id } an { $supplier } für { $location } ({ $lines } Positionen)
}
hist-purchase-order-gone = Bestellung PO-{ $id }
hist-product-unknown = Artikel #{ $id }
hist-subject-transfer = Umlagerung { $id }
hist-subject-purchase-order = Bestellung { $id }
hist-subject-exception = Ausnahme { $id }
hist-subject-position = Bestandsposition { $id }
hist-subject-policy = Dispositionsregel { $id }
hist-subject-delegation = Vertretung { $id }
hist-subject-approval = Freigabe { $id }
hist-subject-supplier = Lieferant { $id }
# Ein Gegenstand ohne eigene Worte: seine Art und Nummer, wie aufgezeichnet.
hist-subject-other = { $noun } { $id }

## Was ein Eintrag am Ende anfügt: eine Notiz, die Gründe des Assistenten.
hist-note = : „{ $text }“
hist-reasons = : { $reasons }

## Freigabeschritte.
hist-step-approved = { $who } hat { $about } freigegeben{ $note }
hist-step-approved-number = { $who } hat Schritt { $step } von { $about } freigegeben{ $note }
hist-step-approved-role = { $who } hat Schritt { $step } ({ $role }) von { $about } freigegeben{ $note }
hist-step-rejected = { $who } hat { $about } abgelehnt{ $note }
hist-step-rejected-number = { $who } hat Schritt { $step } von { $about } abgelehnt{ $note }
hist-step-rejected-role = { $who } hat Schritt { $step } ({ $role }) von { $about } abgelehnt{ $note }

## Der Assistent.
hist-assistant-approved = { $who } hat { $about } selbstständig freigegeben, innerhalb der festgelegten Grenzen{ $reasons }
hist-assistant-shadowed-approve = { $who } hätte { $about } freigegeben (Schattenmodus: wird nur aufgezeichnet){ $reasons }
hist-assistant-shadowed-refer = { $who } hätte { $about } Menschen überlassen (Schattenmodus: wird nur aufgezeichnet){ $reasons }
hist-assistant-referred = { $who } hat { $about } Menschen überlassen{ $reasons }

## Ausnahmen.
hist-exception-opened = { $who } hat { $about } eröffnet
hist-exception-assigned = { $who } hat { $about } zugewiesen
hist-exception-escalated = { $who } hat { $about } eskaliert
hist-exception-resolved = { $who } hat { $about } gelöst
hist-exception-commented = { $who } hat { $about } kommentiert
# Ein Schritt ohne eigene Worte, benannt wie aufgezeichnet.
hist-exception-other = { $who }: { $verb } ({ $about })

## Die Schritte einer Umlagerung oder Bestellung.
hist-doc-proposed = { $who } hat { $about } vorgeschlagen{ $note }
hist-doc-opened = { $who } hat { $about } angelegt
hist-doc-submitted = { $who } hat { $about } zur Freigabe eingereicht
hist-doc-auto-approved = { $who } hat { $about } automatisch freigegeben, unterhalb der Freigabegrenze
hist-doc-approved = { $who } hat { $about } freigegeben
hist-doc-edited = { $who } hat { $about } geändert
hist-doc-edited-quantity = { $who } hat { $about } von { $from } auf { $to } Stück geändert
hist-doc-change-proposed = { $who } hat eine Änderung an { $about } vorgeschlagen
hist-doc-change-accepted = { $who } hat die vorgeschlagene Änderung an { $about } angenommen
hist-doc-change-rejected = { $who } hat die vorgeschlagene Änderung an { $about } abgelehnt
hist-doc-shipped = { $who } hat { $about } versandt
hist-doc-received = { $who } hat den Wareneingang zu { $about } erfasst
hist-doc-line-added = { $who } hat eine Position zu { $about } hinzugefügt
hist-doc-message = { $who } hat zu { $about } geschrieben
hist-doc-links-revoked = { $who } hat die Links des Lieferanten zu { $about } zurückgezogen
hist-doc-ack-reminded = { $who } hat den Lieferanten an die Bestätigung von { $about } erinnert
hist-doc-asn-reminded = { $who } hat den Lieferanten erinnert, die Lieferung von { $about } anzukündigen
hist-doc-resent = { $who } hat { $about } erneut an den Lieferanten gesendet
hist-doc-sent = { $who } hat { $about } an den Lieferanten gesendet
hist-doc-acknowledged = { $who } hat { $about } bestätigt
hist-doc-backordered = { $who } hat { $about } als Rückstand gemeldet
hist-doc-closed = { $who } hat { $about } abgeschlossen
hist-doc-rejected = { $who } hat { $about } abgelehnt{ $note }
hist-doc-declined = { $who } hat { $about } abgesagt{ $note }
hist-doc-cancelled = { $who } hat { $about } storniert{ $note }
hist-doc-other = { $who }: { $verb } ({ $about })

## Alles andere ohne eigene Worte, die Aktion benannt wie aufgezeichnet.
hist-other = { $who }: { $what }
hist-other-about = { $who }: { $what } ({ $about })

## Andere Einträge.
hist-approval-requested = { $who } hat die Freigabe von { $about } angefordert
hist-approval-escalated = { $who } hat die Freigabe von { $about } eskaliert: sie hat zu lange gewartet
hist-approval-auto-approved = { $who } hat { $about } automatisch freigegeben: kein Freigabeschritt trifft zu
hist-anomaly-settings-saved = { $who } hat die Anomalieprüfungen geändert
hist-policy-saved = { $who } hat eine Dispositionsregel gespeichert
hist-policy-deleted = { $who } hat eine Dispositionsregel gelöscht
hist-approval-matrix-saved = { $who } hat die Freigabematrix geändert
hist-member-roles-changed = { $who } hat die Rollen eines Mitglieds geändert
hist-member-deactivated = { $who } hat ein Mitglied deaktiviert
hist-member-reactivated = { $who } hat ein Mitglied reaktiviert
hist-invitation-created = { $who } hat jemanden eingeladen
hist-invitation-revoked = { $who } hat eine Einladung zurückgezogen
hist-invitation-accepted = { $who } hat eine Einladung angenommen
hist-auth-signed-in = { $who } hat sich angemeldet
hist-auth-sign-in-failed = Eine Anmeldung als { $who } ist fehlgeschlagen
hist-auth-second-factor-failed = { $who } hat einen falschen Anmeldecode eingegeben
hist-auth-two-factor-on = { $who } hat die zweistufige Anmeldung eingeschaltet
hist-auth-two-factor-off = { $who } hat die zweistufige Anmeldung ausgeschaltet
hist-auth-recovery-codes-renewed = { $who } hat die eigenen Wiederherstellungscodes erneuert
hist-auth-password-reset-requested = { $who } hat das Zurücksetzen des eigenen Passworts angefordert
hist-auth-password-reset = { $who } hat über einen Link zum Zurücksetzen ein neues Passwort festgelegt
hist-auth-password-changed = { $who } hat das eigene Passwort geändert
hist-auth-language-changed = { $who } hat die eigene Sprache gewählt
hist-tenant-region-changed = { $who } hat Sprache und Zeitzone des Portals geändert
hist-auth-password-check-failed = { $who } hat ein falsches aktuelles Passwort angegeben
hist-api-key-created = { $who } hat einen Integrationsschlüssel erstellt
hist-api-key-revoked = { $who } hat einen Integrationsschlüssel widerrufen
hist-api-key-rotated = { $who } hat einen Integrationsschlüssel ersetzt
hist-webhook-endpoint-created = { $who } hat einen Webhook-Endpunkt hinzugefügt
hist-webhook-endpoint-deleted = { $who } hat einen Webhook-Endpunkt gelöscht
hist-webhook-endpoint-enabled = { $who } hat einen Webhook-Endpunkt eingeschaltet
hist-webhook-endpoint-disabled = { $who } hat einen Webhook-Endpunkt ausgeschaltet
hist-webhook-endpoint-secret-rotated = { $who } hat das Geheimnis eines Webhook-Endpunkts ersetzt
hist-webhook-delivery-replayed = { $who } hat eine Webhook-Zustellung erneut gesendet
hist-webhook-source-created = { $who } hat eine Ereignisquelle hinzugefügt
hist-webhook-source-deleted = { $who } hat eine Ereignisquelle gelöscht
hist-webhook-source-mapping-saved = { $who } hat die Feldzuordnung einer Ereignisquelle geändert
hist-webhook-source-secret-rotated = { $who } hat das Geheimnis einer Ereignisquelle ersetzt
hist-theme-saved = { $who } hat das Design des Portals geändert
hist-theme-picture-uploaded = { $who } hat ein Bild für das Design hochgeladen
hist-theme-pack-applied = { $who } hat ein Designpaket angewendet
hist-domain-added = { $who } hat eine eigene Domain hinzugefügt
hist-domain-verified = { $who } hat eine eigene Domain bestätigt
hist-domain-removed = { $who } hat eine eigene Domain entfernt
hist-tenant-suspended = { $who } hat dieses Portal gesperrt
hist-tenant-resumed = { $who } hat dieses Portal wieder freigegeben
hist-tenant-provisioned = { $who } hat dieses Portal eingerichtet
hist-tenant-two-factor-required = { $who } hat geändert, ob die zweistufige Anmeldung verlangt wird
hist-act-as-started = { $who } hat begonnen, in diesem Portal zu handeln
hist-act-as-entered = { $who } hat dieses Portal betreten, um darin zu handeln
hist-act-as-ended = { $who } hat aufgehört, in diesem Portal zu handeln
hist-delegation-created = { $who } hat die eigenen Freigaben vorübergehend an jemanden aus dem Team übergeben
hist-delegation-ended = { $who } hat eine Übergabe von Freigaben beendet
hist-import-applied = { $who } hat einen Import übernommen
hist-job-replayed = { $who } hat einen fehlgeschlagenen Auftrag erneut ausgeführt
hist-shopper-erased = { $who } hat die Daten eines Endkunden gelöscht
hist-subscription-ended = { $who } hat eine Benachrichtigung „Wieder verfügbar“ beendet
hist-back-in-stock-settings-changed = { $who } hat die Einstellungen für „Wieder verfügbar“ geändert
hist-settings-sweep-hour = { $who } hat die Uhrzeit der nächtlichen Prüfung geändert
hist-position-levels-set = { $who } hat feste Bestandsgrenzen für { $about } festgelegt
hist-position-levels-cleared = { $who } hat die festen Bestandsgrenzen von { $about } entfernt
hist-supplier-user-removed = { $who } hat einen Benutzer eines Lieferanten entfernt
hist-supplier-clocks-changed = { $who } hat die Antwortfristen der Lieferanten geändert
hist-supplier-language-changed = { $who } hat die Sprache der E-Mails an { $about } geändert
hist-client-provisioning-started = { $who } hat begonnen, ein Kundenportal einzurichten
hist-client-provisioning-retried = { $who } hat die Einrichtung eines Kundenportals erneut versucht
hist-assistant-limits-saved = { $who } hat die Grenzen des Assistenten geändert
hist-backtest-started = { $who } hat einen Backtest gestartet
hist-backtest-run = { $who } hat einen Backtest ausgeführt

## Namen, die die Engine dem Portal gibt.
hist-doc-kind-transfer = Umlagerung
hist-doc-kind-purchase-order = Bestellung
hist-portal-kind-retailer = Händler
hist-portal-kind-partner = Partner
hist-portal-kind-platform = Plattform

## Der Status einer Umlagerung oder Bestellung.
hist-state-proposed = vorgeschlagen
hist-state-pending-approval = wartet auf Freigabe
hist-state-approved = freigegeben
hist-state-shipped = versandt
hist-state-received = eingegangen
hist-state-rejected = abgelehnt
hist-state-cancelled = storniert
hist-state-draft = Entwurf
hist-state-sent = übermittelt
hist-state-acknowledged = bestätigt
hist-state-backordered = im Rückstand
hist-state-change-proposed = Änderung vorgeschlagen
hist-state-change-approval = Änderung wartet auf Freigabe
hist-state-partly-received = teilweise eingegangen
hist-state-closed = abgeschlossen
hist-state-declined = vom Lieferanten abgesagt
