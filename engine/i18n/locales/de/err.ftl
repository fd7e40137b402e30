# Fehlermeldungen der Engine: was eine Person liest, wenn ein Befehl nicht durchgeht.

## Die Arten von Fehlern (engine::error).
err-internal = Bei uns ist etwas schiefgelaufen; es wurde nichts geändert. Bitte versuchen Sie es erneut.
err-not-found = Das gibt es in diesem Portal nicht.
err-not-pending = Hier steht keine Entscheidung mehr aus.
err-forbidden = Ihre Rolle erlaubt es nicht, { $action }. Wenn Ihre Arbeit es erfordert, wenden Sie sich an die Administration Ihres Portals.
# Ein Text, den kein Katalog kennt (der Fehler einer Bibliothek, auf Englisch).
err-detail = { $detail }

## Was eine Berechtigung erlaubt, als Ende von „Ihre Rolle erlaubt es nicht, …“.
err-permission-view-inventory = den Bestand und die Belege dieses Portals einzusehen
err-permission-decide-approvals = über Freigaben zu entscheiden
err-permission-command-transfers = Umlagerungen zu versenden, zu empfangen, zu ändern oder zu stornieren
err-permission-command-purchase-orders = Bestellungen zu ändern oder zu stornieren
err-permission-edit-policies = Dispositionsregeln zu ändern
err-permission-edit-approval-matrix = die Freigabematrix zu ändern
err-permission-work-exceptions = Ausnahmen zu bearbeiten
err-permission-see-jobs = Hintergrundaufträge einzusehen
err-permission-replay-jobs = Hintergrundaufträge erneut auszuführen
err-permission-manage-members = Mitglieder zu verwalten
err-permission-manage-suppliers = Lieferanten zu verwalten
err-permission-manage-back-in-stock = Benachrichtigungen „wieder verfügbar“ zu verwalten
err-permission-manage-integrations = Integrationen zu verwalten
err-permission-import-data = Daten zu importieren
err-permission-edit-branding = das Erscheinungsbild des Portals zu ändern
err-permission-see-audit-trail = das Prüfprotokoll zu lesen
err-permission-answer-purchase-orders = Bestellungen zu beantworten
err-permission-manage-client-tenants = Kundenportale zu verwalten
err-permission-manage-platform = die Plattform zu verwalten
err-permission-manage-own-account = die Anmeldung dieses Kontos zu ändern

## Rollennamen in einem Satz.

## Ein Befehl, den der Status des Belegs nicht zulässt.
err-transition = Die Aktion „{ $command }“ ist bei { $document } im Status „{ $state }“ nicht möglich.
err-document-transfer = einer Umlagerung
err-document-purchase-order = einer Bestellung
err-command-submit = Einreichen
err-command-auto-approve = Automatisch freigeben
err-command-approve = Freigeben
err-command-reject = Ablehnen
err-command-edit = Bearbeiten
err-command-ship = Versenden
err-command-receive = Wareneingang buchen
err-command-cancel = Stornieren
err-command-send = An den Lieferanten senden
err-command-acknowledge = Bestätigen
err-command-backorder = In Rückstand setzen
err-command-decline = Absagen
err-command-propose-a-change-to = Änderung vorschlagen
err-command-accept-a-change-to = Änderung annehmen
err-command-reject-a-change-to = Änderung ablehnen
err-command-close = Abschließen
err-state-draft = Entwurf
err-state-proposed = vorgeschlagen
err-state-pending-approval = wartet auf Freigabe
err-state-approved = freigegeben
err-state-sent = übermittelt
err-state-acknowledged = bestätigt
err-state-backordered = im Rückstand
err-state-change-proposed = Änderung vorgeschlagen
err-state-change-waiting-for-approval = Änderung wartet auf Freigabe
err-state-shipped = versandt
err-state-partly-received = teilweise eingegangen
err-state-received = eingegangen
err-state-closed = abgeschlossen
err-state-declined = abgesagt
err-state-rejected = abgelehnt
err-state-cancelled = storniert

## Funktionstrennung.
err-refused-own-document = Sie haben diesen Beleg angefordert oder geändert, daher muss jemand anderes darüber entscheiden
err-refused-missing-role = für diesen Schritt ist die Rolle „{ $role }“ nötig
err-refused-decided-before = Sie haben bereits über einen Schritt dieser Freigabe entschieden, daher muss jemand anderes über diesen entscheiden

## Anmeldung und Mitglieder.
err-sign-in-again = Melden Sie sich erneut an
err-members-role-one = die Rolle muss { $first } sein, nicht { $role }
err-members-role-two = die Rolle muss { $first } oder { $second } sein, nicht { $role }
err-members-role-three = die Rolle muss { $first }, { $second } oder { $third } sein, nicht { $role }
err-members-role-list = die Rolle muss { $list } sein, nicht { $role }
err-members-last-admin = damit hätte das Portal keinen aktiven Administrator mehr; machen Sie zuerst jemand anderen zum Administrator
err-members-no-role = wählen Sie mindestens eine Rolle (um jemandem den Zugang zu entziehen, deaktivieren Sie die Person)
err-members-deactivate-self = Sie können sich nicht selbst deaktivieren; bitten Sie einen anderen Administrator darum

## Eingehende Webhook-Quellen.
err-inbound-mapping-size = Zuordnung: höchstens { $kib } KiB
err-inbound-mapping-entries = Zuordnung: höchstens { $most } Einträge
err-inbound-mapping-line = Zuordnung, Zeile { $line }: Schreiben Sie „location <deren ID> = <Standortcode>“ oder „item <deren ID> = <SKU>“
err-inbound-name = Name: 1 bis { $most } Buchstaben, Ziffern oder Bindestriche (er wird Teil der Adresse)
err-inbound-secret = Geheimnis: Das Geheimnis muss 16 bis 256 Zeichen lang sein
err-inbound-too-many = Ein Mandant hat höchstens { $most } Quellen: Löschen Sie zuerst eine
err-inbound-name-taken = Name: Eine Quelle namens { $name } gibt es bereits
err-overlap-hours = Die Überschneidung muss zwischen 0 und { $most } Stunden liegen

## Bilder, die ein Portal hochlädt (Logo, Favicon).
err-file-empty = die Datei ist leer
err-asset-logo = das Logo
err-asset-favicon = das Favicon
err-image-too-large = { $asset } darf höchstens { $most } KiB groß sein; diese Datei hat { $size } KiB
err-image-png-damaged = die PNG-Datei ist beschädigt
err-image-side = { $asset } muss { $least } bis { $most } Pixel breit und hoch sein; dieses ist { $width }×{ $height }
err-image-favicon-square = ein Favicon muss quadratisch sein; dieses ist { $width }×{ $height }
err-image-kind = nur PNG- und SVG-Bilder werden angenommen
err-svg-declaration-open = die SVG-Datei wird abgelehnt: ihre XML-Deklaration ist nicht geschlossen
err-svg-comment-open = die SVG-Datei wird abgelehnt: ein Kommentar ist nicht geschlossen
err-svg-doctype = die SVG-Datei wird abgelehnt: sie enthält einen DOCTYPE, eine Entität, CDATA oder eine Verarbeitungsanweisung
err-svg-tag-open = die SVG-Datei wird abgelehnt: ein Tag ist nicht geschlossen
err-svg-element = die SVG-Datei wird abgelehnt: das Element <{ $element }> ist nicht erlaubt
err-svg-attributes = die SVG-Datei wird abgelehnt: die Attribute von <{ $element }> sind nicht lesbar
err-svg-attribute = die SVG-Datei wird abgelehnt: das Attribut { $attribute } an <{ $element }> ist nicht erlaubt
err-svg-outside = die SVG-Datei wird abgelehnt: sie verweist auf etwas außerhalb der Datei
err-svg-namespace = die SVG-Datei wird abgelehnt: der Namensraum { $namespace } ist nicht der von SVG
err-svg-root = die SVG-Datei wird abgelehnt: sie beginnt nicht mit <svg>
err-svg-no-root = die SVG-Datei wird abgelehnt: es gibt kein <svg>-Element
err-svg-size = die SVG-Datei wird abgelehnt: ihr <svg> braucht eine viewBox (oder Breite und Höhe) mit vernünftigen Proportionen

## Themes (die Feldnamen sind die der Theme-Datei).
err-theme-colour = { $field } muss eine Hex-Farbe wie #1a2b3c sein, nicht { $value }
err-theme-font = { $field } muss eine einfache Schriftenliste sein, nicht { $value }
err-theme-address = { $field } muss eine E-Mail-Adresse wie bestellung@example.com sein, nicht { $value }
err-theme-sender-name = email.sender_name muss eine Zeile mit höchstens 100 Zeichen sein
err-theme-file = { $field } muss ein Dateiname im Theme-Ordner sein, nicht { $value }
err-theme-product-name = product_name muss eine Zeile mit 1 bis 60 Zeichen sein
err-theme-header = email.header muss eine Zeile mit höchstens 100 Zeichen sein
err-theme-footer = email.footer darf höchstens 500 Zeichen haben
err-theme-missing = das Theme-Paket des Portals fehlt
err-theme-transparent = { $field } muss eine Farbe wie #1a2b3c ohne Transparenz sein
err-theme-contrast = einige Farben wären schwer zu lesen (WCAG AA): { $pairs }
err-theme-contrast-pair = { $pair } hat { $ratio }:1 und braucht { $needs }:1
err-theme-not-stored = das Theme kann nicht gespeichert werden: { $error }
err-theme-no-pack = es gibt kein Theme-Paket { $pack }: Wählen Sie eines aus der Liste
err-contrast-text-on-the-page = Text auf der Seite
err-contrast-text-on-cards = Text auf Karten
err-contrast-muted-text-on-cards = gedämpfter Text auf Karten
err-contrast-error-text-on-cards = Fehlertext auf Karten
err-contrast-the-top-bar-s-text = der Text der oberen Leiste
err-contrast-the-focus-ring-on-the-page = der Fokusrahmen auf der Seite

## Importe und Exporte.
err-export-failed = der Export konnte nicht geschrieben werden: { $error }
err-export-not-text = der Export ist kein Text
err-import-too-large = die Datei darf höchstens { $most } MB groß sein: Teilen Sie sie auf
err-import-not-utf8 = die Datei muss CSV-Text in UTF-8 sein (speichern Sie sie als „CSV UTF-8“)
err-import-checking = die Datei wird noch geprüft: Übernehmen Sie sie, wenn die Prüfung fertig ist
err-import-has-problems = die Datei hat Fehler: Korrigieren Sie sie und laden Sie sie erneut hoch
err-import-applying = diese Datei wird gerade übernommen: Laden Sie ihre Seite gleich neu
err-import-applied = diese Datei ist bereits übernommen
err-import-stale = dieser Import kann nicht mehr übernommen werden: Laden Sie die Datei erneut hoch
err-import-code-gone = ein Standort oder eine SKU aus der Datei existiert nicht mehr
err-import-location-gone = der Standort { $code } existiert nicht mehr

## Personen, Namen, Adressen und Passwörter.
err-name-missing = der Name fehlt
err-name-too-long = der Name darf höchstens { $most } Zeichen in einer Zeile haben
err-email-invalid = die E-Mail-Adresse { $email } ist ungültig
err-invite-choose-supplier = wählen Sie einen Ihrer Lieferanten, für den die Person antwortet
err-invite-supplier-already = { $email } hat bereits Zugang zu diesem Portal
err-members-already = { $email } hat bereits Zugang zu diesem Portal (oder ist hier deaktiviert): Ändern Sie die Rollen oder reaktivieren Sie die Person in der Liste
err-provision-member-already = { $email } ist bereits Mitglied
err-invite-account-exists = für diese Adresse gibt es bereits ein Konto: Bestätigen Sie mit dessen Passwort
err-invite-choose-password = wählen Sie ein Passwort für Ihr neues Konto
err-password-short = das Passwort muss mindestens 8 Zeichen lang sein
err-password-long = das Passwort darf höchstens 128 Zeichen lang sein
err-password-common = das Passwort ist zu verbreitet; wählen Sie ein anderes
err-password-other = das Passwort: { $why }
err-new-password-short = das neue Passwort muss mindestens 8 Zeichen lang sein
err-new-password-long = das neue Passwort darf höchstens 128 Zeichen lang sein
err-new-password-common = das neue Passwort ist zu verbreitet; wählen Sie ein anderes
err-new-password-other = das neue Passwort: { $why }

## Lieferantenfristen (die Feldnamen sind die der Einstellungen).
err-sla-time-zone = time_zone { $zone } ist kein Zeitzonenname wie Europe/Berlin
err-sla-day = working_days: { $day } ist keiner von mon, tue, wed, thu, fri, sat, sun
err-sla-no-days = working_days muss mindestens einen Tag nennen
err-sla-hours = day_starts und day_ends müssen Stunden mit 0 <= day_starts < day_ends <= 24 sein (erhalten: { $starts } und { $ends })
err-sla-clock = { $field } muss 1 bis { $most } Arbeitsstunden betragen (erhalten: { $value })
# Die Sprache der E-Mails an einen Lieferanten (engine/src/invites.rs).
err-supplier-language = Sprache: { $value } ist nicht en, de oder nl (lassen Sie das Feld leer für die Sprache des Portals)

## Bestellungen: Änderungen, Antworten, Nachrichten.
err-note-too-long = die Notiz ist zu lang: höchstens { $most } Zeichen
err-reason-too-long = die Begründung ist zu lang: höchstens { $most } Zeichen
err-delivery-date = das Lieferdatum muss ein Tag von heute ({ $today }) bis { $last } sein
err-line-twice = Position { $line } ist doppelt angegeben
err-line-not-on-order = Position { $line } gehört nicht zu dieser Bestellung
err-range-quantity = die Menge muss zwischen { $lo } und { $hi } liegen
err-range-unit-price = der Stückpreis (in kleinster Einheit) muss zwischen { $lo } und { $hi } liegen
err-line-delivery-date = Position { $line }: ihr eigenes Lieferdatum muss ein Tag vom Datum der Bestellung ({ $first }) bis { $last } sein
err-change-all-lines-later = jede Position hat einen eigenen späteren Tag: Geben Sie stattdessen der Bestellung diesen Tag
err-change-keep-a-line = behalten Sie mindestens eine Position: Um die ganze Bestellung abzulehnen, sagen Sie sie ab
err-change-nothing-new = das schlägt nichts Neues vor: Ändern Sie eine Menge, einen Preis oder das Lieferdatum
err-order-too-dear = die Bestellung wäre mehr wert, als eine Bestellung höchstens sein darf ({ $most } in kleinster Einheit)
err-change-still-waiting = eine von Ihnen vorgeschlagene Änderung wartet noch auf Antwort
err-change-too-many = zu dieser Bestellung gab es bereits { $most } Änderungsvorschläge: Klären Sie es bitte in einer Nachricht, und stornieren und bestellen Sie bei Bedarf neu
err-change-none-open = bei dieser Bestellung wartet keine Änderung auf Antwort
err-change-own = Sie haben diese Änderung vorgeschlagen: Die andere Seite beantwortet sie
err-change-say-why = sagen Sie, warum Sie die Änderung ablehnen, damit die andere Seite handeln kann
err-message-empty = die Nachricht ist leer
err-message-too-long = die Nachricht ist zu lang: höchstens { $most } Zeichen
err-attachment-empty = die angehängte Datei ist leer
err-attachment-too-large = die angehängte Datei ist zu groß: höchstens { $most } MiB
err-attachment-kind = die angehängte Datei muss ein PDF, ein PNG- oder JPEG-Bild oder eine CSV- oder Textdatei sein
err-message-not-sent = die Bestellung wurde noch nicht an ihren Lieferanten gesendet
err-message-too-many = diese Bestellung hat bereits { $most } Nachrichten: Bitte machen Sie telefonisch oder per E-Mail weiter
err-attachment-too-many = diese Bestellung hat bereits { $most } Dateien
err-attachment-room-full = der Platz des Portals für Dateien ist voll: Bitte senden Sie diese Datei per E-Mail und bitten Sie den Händler, alte Dateien zu löschen
err-change-closed = die Änderung ist nicht mehr offen

## Bestandsgrenzen und Dispositionsregeln.
err-range-reorder-point = der Meldebestand muss zwischen { $lo } und { $hi } liegen
err-range-order-up-to = der Höchstbestand muss zwischen dem Meldebestand ({ $lo }) und { $hi } liegen
err-levels-follow-policy = diese Position folgt bereits den Grenzen ihrer Regel
err-range-sweep-hour = die Stunde der nächtlichen Prüfung muss zwischen { $lo } und { $hi } liegen

## Die Grenzen des Freigabeassistenten.
err-assistant-max-document = Der Höchstwert je Beleg muss zwischen 0 und 1.000.000.000.000 liegen.
err-assistant-max-daily = Der Höchstwert je Tag muss zwischen 0 und 1.000.000.000.000 liegen.
err-assistant-daily-below-document = Der Höchstwert je Tag darf nicht kleiner sein als der Höchstwert je Beleg.
err-assistant-confidence = Die Mindestsicherheit ist ein Prozentwert zwischen 0 und 100.
err-assistant-too-many-listed = Nennen Sie höchstens { $most } Warengruppen und Lieferanten.
err-assistant-class-name = „{ $class }“ ist kein Warengruppenname.
err-assistant-supplier = Ein Lieferant gehört nicht zu Ihren.
err-assistant-not-your-class = „{ $class }“ ist keine Ihrer Warengruppen.
err-assistant-not-your-supplier = Ein genannter Lieferant gehört nicht zu Ihren.
err-field-range = { $field } muss zwischen { $lo } und { $hi } liegen
err-policy-both-levels = geben Sie beide Grenzen an (Meldebestand und Höchstbestand) oder keine
err-policy-service-z = service_z muss zwischen 0 und { $most } liegen
err-policy-service-level = service_level muss zwischen 50 und 99,9 (Prozent) liegen
err-policy-uplifts = höchstens 50 Aktionen je Regel
err-policy-uplift = uplifts[{ $index }] muss nach dem Beginn enden und einen Faktor zwischen 0 und { $most } haben
err-policy-class-unknown = wählen Sie eine Warengruppe dieses Portals oder alle Warengruppen
err-policy-location-unknown = wählen Sie einen Standort dieses Portals oder alle Standorte
err-policy-invalid = Regel { $class }: { $problem }
err-policy-class = die Warengruppe muss angegeben werden (höchstens 64 Zeichen), oder * für alle Warengruppen

## Vertretungen.
err-delegation-role = Sie können nur eine Rolle übergeben, die Sie selbst haben, und { $role } gehört hier nicht zu Ihren Rollen
err-delegation-self = wählen Sie als Vertretung jemand anderen als sich selbst
err-delegation-order = der letzte Tag darf nicht vor dem ersten Tag liegen
err-delegation-over = dieser Zeitraum ist bereits vorbei
err-delegation-too-long = eine Vertretung kann höchstens 90 Tage dauern
err-delegation-not-member = die Vertretung ist kein aktives Mitglied dieses Portals
err-delegation-cannot-decide = die Vertretung kann in diesem Portal nicht über Freigaben entscheiden

## Die Freigabematrix (die Feldnamen sind die der Matrix-Datei).
err-matrix-rules = eine Matrix hat höchstens { $most } Regeln
err-matrix-no-default-step = default_steps braucht mindestens einen Schritt: Etwas muss Belege freigeben, die keine Regel automatisch freigibt
err-matrix-step-staff = { $step }: nur die eigenen Mitarbeitenden des Mandanten (Freigeber, Disponent, Administrator) können freigeben
err-matrix-step-hours = { $step }.escalate_after_hours muss zwischen 1 und 1440 liegen
err-matrix-rule-name = rules[{ $index }].name muss angegeben werden, mit höchstens 80 Zeichen
err-matrix-rule-bounds = rules[{ $index }] ({ $rule }): min_value_minor liegt über max_value_minor
err-matrix-window = das Bestellfenster muss zwischen 1 und 10.080 Minuten (einer Woche) liegen
err-matrix-rule-location = Regel { $number } ({ $rule }): Wählen Sie einen Standort dieses Portals
err-matrix-rule-supplier = Regel { $number } ({ $rule }): Wählen Sie einen Lieferanten dieses Portals
err-matrix-changed = die Matrix wurde inzwischen geändert (von jemand anderem oder in einem anderen Tab); es wurde nichts gespeichert: Sehen Sie sie sich erneut an und wiederholen Sie Ihre Änderung

## Lieferavis und Wareneingänge.
err-ship-carrier = der Spediteur darf höchstens eine Zeile mit { $most } Zeichen sein
err-ship-tracking = die Sendungsnummer darf höchstens eine Zeile mit { $most } Zeichen sein
err-ship-expected = die erwartete Lieferung muss ein Tag von heute ({ $today }) bis { $last } sein
err-ship-too-many = eine Bestellung nimmt höchstens { $most } Lieferavise an
err-range-quantity-shipped = die versandte Menge muss zwischen { $lo } und { $hi } liegen
err-ship-more-than-open = Position { $line }: { $ordered } bestellt und { $shipped } bereits versandt, also höchstens { $open } mehr
err-ship-empty = setzen Sie mindestens eine Einheit auf das Lieferavis
err-receipt-done = dieses Lieferavis wurde bereits eingebucht, am { $day }
err-receipt-line-not-on-notice = Position { $line } gehört nicht zu diesem Lieferavis
err-receipt-say-once = geben Sie nur einmal an, was von { $sku } { $name } eingegangen ist
err-receipt-received-range = { $sku }: Der Eingang muss zwischen 0 und { $most } liegen (das Doppelte der { $shipped } versandten); mehr erfassen Sie mit einer Inventur
err-receipt-damaged-range = { $sku }: Beschädigt muss zwischen 0 und den { $received } eingegangenen liegen

## Umlagerungen.
err-decisions-in-inbox = Entscheidungen laufen über den Freigabeeingang
err-transfer-ship-over-approved = die freigegebene Menge ist { $approved }: Versenden Sie höchstens so viel, oder ändern Sie die Umlagerung (sie geht dann erneut zur Freigabe)
err-transfer-receive-over-shipped = { $shipped } wurden versandt: Ein Wareneingang zählt höchstens so viel (erfassen Sie zusätzlichen Bestand mit einer Inventur)
err-transfer-on-hand = der Ausgangsstandort hat nur { $stock } auf Lager

## Anomalien.
err-anomaly-select = wählen Sie zwischen 1 und 200 Anomalien
err-anomaly-not-anomaly = Ausnahme { $id } ist keine Anomalie: Nur Anomalien werden bestätigt oder verworfen
err-anomaly-no-event = Anomalie { $id } sagt nicht, um welches Ereignis es ging: Bestätigen Sie sie und korrigieren Sie den Bestand mit einer Inventur
err-anomaly-undone = das Ereignis einer Anomalie wurde bereits rückgängig gemacht: Es wurde nichts geändert
err-anomaly-mad-k = Der MAD-Multiplikator muss zwischen 2 und 100 liegen.
err-anomaly-min-units = Der kleinste auffällige Verkauf muss zwischen 1 und 1.000.000 Einheiten liegen.
err-anomaly-count-jump = Der Zählsprung muss zwischen 1 und 1.000 % liegen.
err-anomaly-count-min-units = Der kleinste Zählsprung muss zwischen 1 und 1.000.000 Einheiten liegen.

## Freigabeentscheidungen.
err-comment-too-long = der Kommentar ist länger als 2.000 Zeichen
err-reject-say-why = sagen Sie, warum Sie ablehnen, damit die anfragende Person weiß, was zu ändern ist
err-decline-say-why = sagen Sie, warum Sie die Bestellung absagen, damit der Einkäufer handeln kann
err-link-backorder = melden Sie sich im Portal an, um eine Bestellung in Rückstand zu setzen; der Link bestätigt sie oder sagt sie ab
err-promise-too-many = das Lieferdatum wurde bereits { $given }-mal angegeben: Bitte wenden Sie sich an den Einkäufer, um es erneut zu ändern
err-supplier-not-linked = Ihr Konto ist noch mit keinem Lieferanten verknüpft: Bitten Sie den Einkäufer, Sie erneut einzuladen
err-only-supplier-answers = nur der Lieferant bestätigt eine Bestellung oder sagt sie ab
err-resend-state = nur eine Bestellung, die beim Lieferanten liegt, kann erneut gesendet werden; diese ist { $state }
err-forecast-failed = die Prognose konnte nicht berechnet werden: { $error }

## Die Kunden eines Partners.
err-slug-invalid = der Adressname muss 2 bis 40 Kleinbuchstaben, Ziffern oder Bindestriche haben und darf nicht mit einem Bindestrich beginnen oder enden
err-slug-reserved = der Adressname { $slug } ist reserviert: Wählen Sie einen anderen
err-slug-taken = der Adressname { $slug } ist vergeben: Wählen Sie einen anderen
err-client-name = der Name des Kunden muss 1 bis 100 Zeichen in einer Zeile haben
err-client-admin-name = der Name des Administrators muss 1 bis 100 Zeichen in einer Zeile haben
err-client-no-template = es gibt keine Vorlage { $template }: Wählen Sie eine aus der Liste
err-client-no-pack = es gibt kein Theme-Paket { $pack } für einen Kunden: Wählen Sie eines aus der Liste
err-client-other-template = { $slug } wurde bereits aus der Vorlage { $template } eingerichtet
err-client-retry = nur eine fehlgeschlagene Einrichtung kann erneut versucht werden
err-act-as-person = nur eine an der Konsole angemeldete Person kann als Kunde handeln
err-act-as-suspended = { $client } ist gesperrt: Niemand kann es betreten, bis die Plattform es wieder freigibt
err-act-as-role = die Rolle muss Administrator, Disponent oder Freigeber sein
err-act-as-reason = die Begründung muss { $least } bis { $most } Zeichen in einer Zeile haben: Die Administratoren des Kunden lesen sie
err-act-as-minutes = die Dauer muss { $least } bis { $most } Minuten betragen
err-act-as-link-gone = Dieser Link zum Portal funktioniert einmal, zwei Minuten lang. Beginnen Sie erneut in Ihrer Konsole.

## Listen und Abfragen (die Feldnamen sind die der Abfrage).
err-query-limit = limit muss zwischen 1 und { $most } liegen, nicht { $value }
err-query-one-of = { $field } muss einer dieser Werte sein: { $allowed }, nicht „{ $value }“

## Webhooks und API-Schlüssel.
err-url-not-in-dns = URL: Der Host { $host } ist im DNS nicht zu finden
err-url-resolves-inside = URL: abgelehnt: Der Host { $host } verweist auf eine private, Loopback-, Link-Local- oder Metadaten-Adresse
err-url-missing = URL: Geben Sie die Adresse des Endpunkts an (höchstens { $most } Zeichen)
err-url-not-web-address = URL: Das ist keine Webadresse
err-url-https = URL: Die Adresse muss mit https:// beginnen
err-url-credentials = URL: Lassen Sie Zugangsdaten aus der Adresse weg
err-url-no-host = URL: Die Adresse hat keinen Host
err-url-internal = URL: Private, Loopback-, Link-Local- und Metadaten-Adressen werden abgelehnt
err-webhook-event-type = Ereignisse: { $type } ist kein Ereignistyp
err-webhook-no-events = Ereignisse: Wählen Sie mindestens eine Art von Ereignis zum Senden
err-webhook-too-many = Ein Mandant hat höchstens { $most } Endpunkte: Löschen Sie zuerst einen
err-webhook-description = Beschreibung: höchstens 200 Zeichen
err-webhook-disabled = Aktivieren Sie zuerst den Endpunkt: An einen deaktivierten Endpunkt wird nichts gesendet
err-webhook-replay = Nur eine fehlgeschlagene Zustellung kann erneut gesendet werden
err-key-name = Benennen Sie den Schlüssel (höchstens { $most } Zeichen), z. B. nach dem System, das ihn nutzt
err-key-no-scope = Wählen Sie mindestens einen Bereich für den Schlüssel
err-key-dead = Dieser Schlüssel funktioniert nicht mehr; erstellen Sie stattdessen einen neuen
err-key-rotated = Dieser Schlüssel wurde bereits erneuert: Erneuern Sie den Schlüssel, der ihn ersetzt hat

## Zweistufige Anmeldung und Passwörter.
err-2fa-sign-in-over = die Anmeldung hat zu lange gedauert, oder das Passwort wurde seitdem geändert; melden Sie sich erneut an
err-2fa-on-already = die zweistufige Anmeldung ist bereits aktiv; schalten Sie sie zuerst aus, um eine andere App einzurichten
err-2fa-type-code = geben Sie den Code aus Ihrer App ein
err-2fa-too-many = { $minutes ->
    [one] zu viele falsche Codes; versuchen Sie es in { $minutes } Minute erneut
   *[other] zu viele falsche Codes; versuchen Sie es in { $minutes } Minuten erneut
}
err-2fa-unreadable = Ihr Authentifikator konnte nicht gelesen werden; melden Sie sich mit einem Wiederherstellungscode an und richten Sie die zweistufige Anmeldung dann neu ein
err-2fa-not-set-up = die zweistufige Anmeldung ist nicht eingerichtet; beginnen Sie von vorn
err-2fa-wrong-code-or-recovery = dieser Code ist nicht richtig; geben Sie die sechs Ziffern ein, die Ihre App jetzt zeigt, oder einen unbenutzten Wiederherstellungscode
err-2fa-wrong-code = dieser Code ist nicht richtig; geben Sie die sechs Ziffern ein, die Ihre App jetzt zeigt
err-2fa-type-code-to-sign-in = geben Sie zum Anmelden den Code aus Ihrer App ein
err-2fa-set-up-first = richten Sie zuerst Ihre App ein
err-2fa-required = dieses Portal verlangt die zweistufige Anmeldung, daher bleibt sie aktiv
err-busy = gerade melden sich zu viele Personen an; versuchen Sie es in einer Minute erneut
err-password-too-many = zu viele falsche Passwörter; versuchen Sie es in einer Viertelstunde erneut
err-password-wrong = Ihr aktuelles Passwort ist nicht richtig

## Backtests.
err-demand-header = Zeile 1 muss die Kopfzeile day,location,sku,quantity sein.
err-demand-rows = Die Datei hat mehr als { $most } Zeilen.
err-demand-columns = Zeile { $line } braucht 4 Spalten: day,location,sku,quantity.
err-demand-day = Zeile { $line }: Der Tag „{ $value }“ ist kein Datum wie 2026-03-01.
err-demand-location = Zeile { $line }: Der Standort „{ $value }“ gehört nicht zu Ihren.
err-demand-sku = Zeile { $line }: Die SKU „{ $value }“ gehört nicht zu Ihren.
err-demand-quantity = Zeile { $line }: Die Menge „{ $value }“ ist keine ganze Zahl von 0 bis 1.000.000.
err-demand-empty = Die Datei hat keine Nachfragezeilen.
err-demand-days-wrong = Die Tage gehen nicht auf.
err-demand-span = Die Datei umfasst { $days } Tage; sie braucht { $least } bis { $most } ({ $history } Tage Vorlauf, dann die nachzuspielenden Tage).
err-backtest-service-level = Der Servicegrad muss ein Prozentwert von 50 bis 99,9 sein.
err-backtest-forecast-service = Die prognosebasierte Regel verwendet den Servicegrad jeder Warengruppe: Lassen Sie den Servicegrad leer.
err-backtest-busy = Ein Backtest wartet oder läuft bereits: Starten Sie den nächsten, wenn er fertig ist.
err-backtest-file-size = Die Nachfragedatei darf höchstens 8 MB groß sein.
err-backtest-days = Die nachzuspielenden Tage müssen eine ganze Zahl von { $least } bis { $most } sein.
err-backtest-series = Ihr Netz hat { $series } Filial-Artikel-Reihen; ein Backtest nimmt höchstens { $most }.
err-backtest-forecast-days = Die prognosebasierte Regel kann { $series } Reihen hier höchstens { $most } Tage lang nachspielen; wählen Sie weniger Tage.

## Ausnahmen.
err-exceptions-select = wählen Sie mindestens eine Ausnahme
err-exceptions-too-many = wählen Sie höchstens 200 Ausnahmen auf einmal
err-exceptions-write-comment = schreiben Sie zuerst einen Kommentar
err-exceptions-say-how = sagen Sie, wie sie gelöst wurde
err-exceptions-text-too-long = der Text ist länger als 2.000 Zeichen
err-exceptions-assignee = Ausnahmen können nur Personen zugewiesen werden, die die Ausnahmeliste bearbeiten
err-exceptions-is-anomaly = Ausnahme { $id } ist eine Anomalie: Bestätigen Sie stattdessen das Ereignis (es war richtig) oder verwerfen Sie es (es war falsch und wird rückgängig gemacht); beides gibt die zurückgehaltenen Umlagerungen und Bestellungen der Position frei

## Domains.
err-domain-invalid = die Domain { $domain } ist kein Hostname wie shop.example.com (ohne Schema, Port oder Pfad)
err-domain-platform = { $domain } gehört der Plattform; fügen Sie eine eigene Domain hinzu
err-domain-own-already = { $domain } ist bereits eine Domain dieses Portals
err-domain-taken = { $domain } wird bereits von einem anderen Portal verwendet
err-domain-listed = { $domain } steht bereits in Ihrer Liste
err-domain-unproven = { $url } enthält das Token noch nicht; veröffentlichen Sie es dort (die Domain muss auf Ihren aktuellen Webserver zeigen) und prüfen Sie erneut

## Die Plattform.
err-suspend-say-why = sagen Sie, warum der Mandant gesperrt wird (die Begründung wird in seinem Prüfprotokoll aufbewahrt)
err-suspend-reason = die Begründung darf höchstens { $most } Zeichen in einer Zeile haben
err-suspend-platform = die eigene Konsole der Plattform kann nicht gesperrt werden

## Wieder verfügbar (was Kunden und die Einstellungsseite lesen).
err-address-missing = Geben Sie Ihre E-Mail-Adresse ein.
err-address-too-long = Diese E-Mail-Adresse ist zu lang.
err-address-no-at = Das ist keine E-Mail-Adresse: Es fehlt das @.
err-address-invalid = Das ist keine E-Mail-Adresse.
err-bis-too-many = Zu viele Anfragen von Ihrer Verbindung; versuchen Sie es in { $minutes } Minuten erneut
err-bis-product-code = Der Artikel fehlt oder ist zu lang
err-bis-store-code = Die Filiale fehlt oder ist zu lang
err-bis-not-sold = Dieser Artikel wird hier nicht verkauft
err-bis-choose-store = Wählen Sie eine der aufgeführten Filialen
err-bis-link-expired = Dieser Bestätigungslink ist abgelaufen: Abonnieren Sie erneut, um einen neuen zu erhalten
err-bis-substitute = Ersatzartikel: Kein Artikel hat die SKU { $sku }
err-bis-online-location = Onlinebestand: Kein Standort hat den Code { $code }
err-bis-range-wave-size = Wellengröße (%) muss zwischen { $lo } und { $hi } liegen
err-bis-range-wave-minutes = Minuten zwischen Wellen müssen zwischen { $lo } und { $hi } liegen
err-bis-range-sends = E-Mails pro Minute müssen zwischen { $lo } und { $hi } liegen
err-bis-range-substitute-hours = Stunden bis zu einem Ersatzartikel müssen zwischen { $lo } und { $hi } liegen
err-bis-range-demand-weight = Nachfragegewichtung (%) muss zwischen { $lo } und { $hi } liegen
err-bis-origins = Nennen Sie höchstens { $most } Shop-Origins
err-bis-origin = Shop-Origin { $origin } ist kein Origin wie https://shop.example
err-bis-substitutes = Nennen Sie höchstens { $most } Ersatzartikel
err-bis-own-substitute = { $sku } kann nicht sein eigener Ersatzartikel sein
err-bis-shop-link = Der Shop-Link muss mit https:// beginnen (höchstens 500 Zeichen)

## E-Mail-Vorschauen (engine/src/mail/preview.rs).
err-mail-sender-invalid = die Absenderadresse des Themes ist ungültig
err-mail-render-failed = die Vorlage konnte nicht erzeugt werden: { $error }
