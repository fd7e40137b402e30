# Vom Server erzeugte Seiten und Formularverarbeitung (server/src/http): der Rahmen,
# Hinweise und Fehler der Formulare, die Start-, Nicht-gefunden- und Gesperrt-Seite.

## Gemeinsam
site-form-unreadable = Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.
site-whole-number = { $label } muss eine ganze Zahl sein.
site-back-to-portal = Zurück zum Portal

## Seiten ohne Mandant
site-landing-title = Nachschub-Portale
site-landing-intro = Jedes Händlerportal hat eine eigene Adresse. Zum Anmelden verwenden Sie den Link, den Ihnen Ihr Unternehmen, Ihr Lieferant oder Ihr Geschäft gegeben hat.
site-landing-demo-heading = Demo-Portale
site-landing-demo-sign-ins = Die Anmeldedaten der Demo werden dort ausgegeben, wo sie gestartet wurde.
site-not-found-title = Nicht gefunden
site-not-found-text = Unter dieser Adresse gibt es kein Portal. Prüfen Sie den Link, den Sie erhalten haben.
site-suspended-title = { $name }: gesperrt
site-suspended-heading = Dieses Portal ist gesperrt
site-suspended-text = Das Portal von { $name } ist derzeit nicht verfügbar. Nichts geht verloren: Alles ist wieder da, sobald es entsperrt wird.
site-suspended-more = Ihr Administrator kann Ihnen mehr sagen.
site-unavailable = vorübergehend nicht verfügbar

## Der Rahmen: Hinweis beim Handeln als Kunde, Rollen- und Mandantenarten
site-act-as-banner-heading = Sie handeln im Portal von { $client }
site-act-as-banner-text = als { $role } bis { $until }. Grund: { $reason }. Alles, was Sie hier tun, wird in seinem Prüfprotokoll festgehalten, das seine Administratoren lesen.
site-act-as-end-now = Jetzt beenden
site-kind-retailer = Händler
site-kind-partner = Partner
site-kind-platform = Plattform

## Das eigene Konto
site-passwords-differ = Die beiden Passwörter unterscheiden sich: Geben Sie zweimal dasselbe Passwort ein.
site-new-passwords-differ = Die beiden neuen Passwörter unterscheiden sich: Geben Sie zweimal dasselbe Passwort ein.
site-password-reset-done = Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen an.
site-busy = Zu viele Anmeldungen in diesem Moment. Bitte versuchen Sie es in einer Minute noch einmal.
site-language-unknown = Die Sprache muss eine sein, die das Portal spricht: en, de oder nl (oder keine, für die Ihres Browsers).
site-password-changed = Passwort geändert. Sie wurden überall sonst abgemeldet.
site-codes-not-shown-make-new = Die Wiederherstellungscodes konnten nicht angezeigt werden. Erzeugen Sie unten neue.
site-codes-not-shown-try-again = Die Wiederherstellungscodes konnten nicht angezeigt werden. Versuchen Sie es noch einmal.
site-two-factor-on = Die zweistufige Anmeldung ist eingeschaltet.
site-two-factor-off = Die zweistufige Anmeldung ist ausgeschaltet.
site-codes-renewed = Neue Wiederherstellungscodes erzeugt; die alten gelten nicht mehr.

## Lieferantenzugang und Mitglieder
site-supplier-choose = Lieferant: Wählen Sie einen aus der Liste.
site-invitation-sent = Einladung an { $email } gesendet.
site-invitation-withdrawn = Einladung zurückgezogen: Ihr Link funktioniert nicht mehr.
site-access-removed = Zugang entfernt: Die Person kann sich hier nicht mehr anmelden.
site-invite-password-missing = Passwort: Geben Sie das Passwort Ihres Kontos ein.
site-invite-form-unreadable = Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu.
site-invite-wrong-password = Das ist nicht das Passwort Ihres Kontos. Verwenden Sie das Passwort, mit dem Sie sich anderswo in diesem Dienst anmelden.
site-welcome-supplier = Willkommen: Sie haben Zugang zu diesem Lieferantenportal.
site-welcome = Willkommen: Sie haben Zugang zu diesem Portal.
site-clocks-day-starts = Arbeitstag beginnt um
site-clocks-day-ends = Arbeitstag endet um
site-clocks-ack-hours = Arbeitsstunden bis zur Bestätigung
site-clocks-escalate-hours = Arbeitsstunden nach der Erinnerung
site-clocks-saved = Lieferantenzeiten gespeichert. Sie gelten für Bestellungen, die ab jetzt gesendet werden.
site-role-choose = Rolle: Wählen Sie eine aus der Liste.
site-roles-saved = Rollen gespeichert. Sie gelten ab der nächsten Seite des Mitglieds.
site-member-reactivated = Reaktiviert: Die Person kann sich wieder anmelden.
site-member-deactivated = Deaktiviert: Die Person ist abgemeldet und kann sich hier nicht anmelden.
site-two-factor-required = Die zweistufige Anmeldung ist Pflicht: Wer sie noch nicht hat, richtet sie bei der nächsten Anmeldung ein.
site-two-factor-not-required = Die zweistufige Anmeldung ist nicht mehr Pflicht (wer sie eingeschaltet hat, behält sie).

## Branding: E-Mail-Vorschauen und Domains
site-branding-emails = E-Mails
site-branding-domains = Domains
site-branding-theme = Design
site-emails-intro = Was Ihre Mitarbeitenden, Lieferanten und Kunden erhalten, in Ihrem Markenauftritt, mit Beispielinhalt. Absender, Antwortadresse, Fußzeile und Farben stammen aus Ihrem Design.
site-mail-approval-request = Freigabe nötig (an Freigebende)
site-mail-outcome = Entscheidung über ein Dokument (an die anfragende Person)
site-mail-purchase-order = Bestellung (an den Lieferanten; Erinnerungen, Änderungen und Stornierungen sehen ähnlich aus)
site-mail-supplier-message = Nachricht eines Lieferanten (an Planer)
site-mail-invitation = Einladung (an ein neues Mitglied oder eine Person eines Lieferanten)
site-mail-password-reset = Passwort zurücksetzen
site-mail-shopper-alert = Wieder verfügbar (an Kunden)
site-email-all = Alle E-Mails
site-email-from = Von
site-email-reply-to = Antwort an
site-email-subject = Betreff
site-email-as-shown = So zeigen es die meisten E-Mail-Programme
site-email-frame = Die E-Mail
site-email-plain-text = Reiner Text
site-domain-served-by-platform = aktiv (von der Plattform eingerichtet)
site-domain-served = aktiv
site-domain-waiting = wartet auf den Nachweis: Veröffentlichen Sie { $token } als gesamten Inhalt von { $url }, dann
site-domain-check-now = Jetzt prüfen
site-domain-remove-summary = Entfernen…
site-domain-remove-help = Das Portal antwortet sofort nicht mehr darauf.
site-domain-remove = { $domain } entfernen
site-domains-empty = Noch keine eigenen Domains.
site-domains-intro = Ihr Portal kann unter einer eigenen Domain erreichbar sein, etwa stock.example.com. Fügen Sie sie hinzu, weisen Sie mit einer kleinen Datei auf ihrem jetzigen Webserver nach, dass sie Ihnen gehört, und richten Sie sie dann (per CNAME) auf die Adresse Ihres Portals. Anmeldungen gelten je Domain.
site-domain-add-heading = Domain hinzufügen
site-domain-label = Domain
site-domain-add = Hinzufügen
site-domain-added = Domain hinzugefügt. Veröffentlichen Sie ihr Token und prüfen Sie sie dann.
site-domain-proven = Nachgewiesen: Das Portal antwortet jetzt unter dieser Domain. Richten Sie sie auf die Adresse Ihres Portals.
site-domain-removed = { $domain } entfernt: Das Portal antwortet nicht mehr darauf.

## Der Design-Editor
site-colour-primary = Kopfleiste und Hauptschaltflächen
site-colour-on-primary = Text in der Kopfleiste
site-colour-accent = Fokusrahmen und Akzente
site-colour-background = Seitenhintergrund
site-colour-surface = Karten
site-colour-text = Text
site-colour-muted = Gedämpfter Text
site-colour-danger = Fehler
site-colour-pick = { $label }: auswählen
site-pair-text-page = Text auf der Seite
site-pair-text-cards = Text auf Karten
site-pair-muted-cards = gedämpfter Text auf Karten
site-pair-error-cards = Fehlertext auf Karten
site-pair-top-bar = Text der Kopfleiste
site-pair-focus-ring = Fokusrahmen auf der Seite
site-contrast-passes = bestanden
site-contrast-fails = nicht bestanden: schwer lesbar
site-theme-intro = Das Aussehen Ihres Portals sowie Kopf- und Fußzeile Ihrer E-Mails. Die Vorschau folgt jeder Änderung; für niemanden ändert sich etwas, bevor Sie speichern. Farben, die schwer lesbar wären (WCAG AA), werden abgelehnt.
site-theme-product-name = Produktname
site-theme-body-font = Schrift für Text
site-theme-heading-font = Schrift für Überschriften
site-theme-sender-name = Absendername der E-Mails
site-theme-email-header = Kopfzeile der E-Mails
site-theme-email-header-placeholder = der Produktname
site-theme-email-footer = Fußzeile der E-Mails
site-theme-save = Design speichern
site-theme-preview = Vorschau
site-theme-sample-card = Beispielkarte
site-theme-sample-text = Normaler Text, { $muted } und { $error }.
site-theme-sample-muted = gedämpfter Text
site-theme-sample-error = ein Fehler
site-theme-sample-button = Hauptschaltfläche
site-theme-sample-focused = Feld mit Fokus
site-theme-contrast = Kontrast
site-theme-pair = Paar
site-theme-now = Jetzt
site-theme-needs = Nötig
site-theme-verdict = Ergebnis
site-theme-pictures = Logo und Favicon
site-theme-pictures-help = PNG oder SVG. Ein Logo bis 256 KiB und 1024 Pixel pro Seite; ein quadratisches Favicon bis 64 KiB und 512 Pixel. SVG-Dateien mit Skripten, Stilen, Links oder mehr als einfacher Zeichnung werden abgelehnt.
site-theme-logo = Logo
site-theme-upload-logo = Logo hochladen
site-theme-favicon = Favicon
site-theme-upload-favicon = Favicon hochladen
site-theme-packs = Designpakete
site-theme-packs-now = Aktuell: { $pack }, unverändert. Ein Paket anzuwenden ersetzt Ihre Farben, Schriften, Texte und Bilder durch die des Pakets.
site-theme-packs-now-edited = Aktuell: { $pack }, mit Ihren Änderungen. Ein Paket anzuwenden ersetzt Ihre Farben, Schriften, Texte und Bilder durch die des Pakets.
site-theme-apply-summary = Paket anwenden…
site-theme-pack = Paket
site-theme-apply = Anwenden und meine Änderungen ersetzen
site-theme-reset-summary = Zurücksetzen…
site-theme-reset = Auf { $pack } im Originalzustand zurücksetzen
site-theme-saved = Design gespeichert: Ihr Portal und Ihre E-Mails verwenden es jetzt.
site-theme-pack-applied = Das Paket { $pack } ist angewendet.
site-theme-logo-uploaded = Das Logo ist hochgeladen und in Gebrauch.
site-theme-favicon-uploaded = Das Favicon ist hochgeladen und in Gebrauch.
site-picture-too-large = Das Bild ist zu groß: Ein Logo darf höchstens 256 KiB haben, ein Favicon 64 KiB.
site-upload-unreadable = Der Upload konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.

## Die Konsole eines Partners und das Handeln als Kunde
site-chart-stockouts = Fehlbestände pro Tag in den letzten { $days } Tagen: insgesamt { $total }, höchstens { $max } an einem Tag
site-last-event-just-now = gerade eben
site-ago = vor { $span }
site-last-event-none = in letzter Zeit keines
site-exceptions-day = am letzten Tag entstanden
site-exceptions-week = ein bis sieben Tage alt
site-exceptions-older = älter als eine Woche
site-step-locations = Standorte
site-step-suppliers = Lieferanten
site-step-products = Produkte
site-step-stock = Anfangsbestand
site-step-policies = Regeln und Freigaberegeln
site-step-people = Personen
site-provisioning-queued = wartet auf den Start
site-provisioning-running = in Arbeit: { $step }
site-provisioning-done = bereit
site-provisioning-failed = fehlgeschlagen: { $reason }
site-provisioning-no-reason = kein Grund gespeichert
site-provisioning-steps = { $done } von { $total }
site-client-suspended = gesperrt
site-act-as-summary = Handeln als…
site-act-as-role = Rolle
site-act-as-minutes = Wie lange (Minuten)
site-act-as-reason = Grund (die Administratoren des Kunden lesen ihn)
site-act-as-enter = { $name } betreten
site-clients-empty = Noch keine Kunden: Richten Sie unten Ihren ersten ein.
site-clients-client = Kunde
site-clients-exceptions = Offene Ausnahmen (Tag · Woche · älter)
site-clients-pending-approvals = Offene Freigaben
site-clients-dead-jobs = Gescheiterte Jobs
site-clients-failed-deliveries = Fehlgeschlagene Zustellungen
site-clients-last-event = Letztes Ereignis
site-clients-stockouts-today = Fehlbestände heute
site-clients-stockouts-days = Fehlbestände, { $days } Tage
site-actions = Aktionen
site-provisioning-from = aus { $template }, { $when }
site-provisionings-recent = Letzte Einrichtungen
site-template-option = { $title } ({ $locations }, { $products }, { $suppliers })
site-template-locations = { $n ->
        [one] { $n } Standort
       *[other] { $n } Standorte
    }
site-template-products = { $n ->
        [one] { $n } Produkt
       *[other] { $n } Produkte
    }
site-template-suppliers = { $n ->
        [one] { $n } Lieferant
       *[other] { $n } Lieferanten
    }
site-clients-title = Ihre Kunden
site-clients-heading = { $partner }: Ihre Kunden
site-clients-intro = Der aktuelle Zustand jedes Kunden. Um in das Portal eines Kunden zu schauen, handeln Sie als dieser: Die Sitzung hat einen Grund und ein Ende, und die Administratoren des Kunden sehen sie in ihrem Prüfprotokoll.
site-clients-compare-link = Zahlen Ihrer Kunden vergleichen
site-clients-compare-text = (Fehlbestandsrisiko, Lieferquote, Bestandswert und Umschlag, Prognosefehler, Freigaben, wieder verfügbar) in Diagrammen.
site-new-client = Neuer Kunde
site-new-client-intro = Richtet das Portal eines Kunden aus einer Vorlage ein: Standorte, Lieferanten, Produkte, Anfangsbestand, Regeln und Freigaberegeln. Der erste Administrator erhält eine Einladung per E-Mail.
site-new-client-template = Vorlage
site-new-client-name = Name des Kunden
site-new-client-slug = Adressname (Kleinbuchstaben, Ziffern, Bindestriche)
site-new-client-theme = Ausgangsdesign (der Name des Kunden wird sein Produktname)
site-new-client-admin-name = Name des ersten Administrators
site-new-client-admin-email = E-Mail des ersten Administrators
site-new-client-provision = Einrichten
site-provisioning-ready = { $name } ist bereit. Eine Einladung ging an { $email }.
site-provisioning-open-portal = Portal öffnen
site-provisioning-nothing-lost = Nichts bereits Eingerichtetes geht verloren: Ein neuer Versuch führt die Schritte noch einmal aus, und keiner wird doppelt erledigt.
site-try-again = Erneut versuchen
site-page-updates-itself = Diese Seite aktualisiert sich selbst.
site-all-clients = Alle Kunden
site-provisioning-heading = { $name } wird eingerichtet
site-provisioning-template = Aus der Vorlage { $template }.
site-provisioning-title = Einrichtung
site-trying-again = Neuer Versuch läuft.
site-act-as-role-choose = Wählen Sie die Rolle, mit der Sie handeln.
site-act-as-minutes-whole = „Wie lange“ muss eine ganze Zahl von Minuten sein.
site-act-as-ready = Ihre Sitzung ist bereit: { $role } bis { $until }. Der Link unten funktioniert einmal, zwei Minuten lang.
site-act-as-enter-portal = Portal von { $name } betreten
site-back-to-clients = Zurück zu Ihren Kunden
site-act-as-enter-title = Kunden betreten
site-act-as-about = Sie sind dabei, im Portal von { $name } zu handeln, wie Ihre Konsole es angefordert hat. Alles, was Sie tun, wird in seinem Prüfprotokoll festgehalten.
site-act-as-enter-button = Betreten
site-act-as-link-broken = Dieser Link funktioniert nicht
site-act-as-link-invalid = Link ungültig
site-session-not-started = Ihre Sitzung konnte nicht gestartet werden. Versuchen Sie es noch einmal.
site-act-as-not-acting = Sie handeln hier für niemanden.
site-act-as-ended = Sitzung beendet
site-act-as-ended-text = Sie handeln nicht mehr im Portal von { $name }. Sie können diesen Tab schließen und zu Ihrer Konsole zurückkehren.

## Die Konsole der Plattform
site-platform-title = Plattform
site-platform-client-tenants = { $n ->
        [one] { $n } Kundenmandant
       *[other] { $n } Kundenmandanten
    }
site-platform-this-console = diese Konsole
site-platform-resume = Entsperren
site-platform-suspend-summary = Sperren…
site-platform-suspend-help = Portal, API und E-Mail halten mit einer klaren Meldung an; nichts wird gelöscht, und das Entsperren stellt alles wieder her.
site-platform-suspend-reason = Grund (wird im Prüfprotokoll festgehalten)
site-platform-suspend = { $name } sperren
site-platform-suspended-since = gesperrt seit { $when }
site-platform-running = aktiv
site-platform-partners = Partner
site-platform-tenants = Mandanten
site-platform-tenant = Mandant
site-platform-kind = Art
site-platform-partner = Partner
site-platform-state = Zustand
site-platform-no-partners = Noch keine Partner.
site-platform-suspended = { $slug } ist gesperrt.
site-platform-resumed = { $slug } ist wieder aktiv.

## Importe, API-Schlüssel, Jobs
site-import-too-large = Die Datei ist zu groß: Sie darf höchstens 16 MB haben. Teilen Sie sie auf.
site-import-choose-kind = Wählen Sie, was die Datei enthält.
site-import-choose-file = Wählen Sie eine CSV-Datei zum Hochladen.
site-import-checking = Die Datei wird geprüft. Nichts ändert sich, bevor Sie sie anwenden.
site-import-confirm = Setzen Sie das Häkchen, um zu bestätigen, dass jede Zeile angewendet wird.
site-import-applying = Jede Zeile wird angewendet, alle oder keine.
site-key-scope-unknown = Bereiche: { $scope } ist kein Bereich
site-key-made = Schlüssel { $prefix } erstellt. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt.
site-key-made-not-shown = Schlüssel { $prefix } wurde erstellt, konnte aber nicht angezeigt werden: Widerrufen Sie ihn und erstellen Sie einen neuen.
site-overlap-hours = Überlappung (Stunden)
site-key-rotated = Schlüssel { $prefix } ersetzt den alten, der bis { $until } funktioniert. Kopieren Sie ihn jetzt: Er wird nur einmal angezeigt.
site-key-rotated-not-shown = Schlüssel { $prefix } wurde erstellt, konnte aber nicht angezeigt werden: Widerrufen Sie ihn und tauschen Sie ihn erneut aus.
site-key-revoke-confirm = Setzen Sie das Häkchen zur Bestätigung: Systeme, die diesen Schlüssel verwenden, halten sofort an.
site-key-revoked = Schlüssel widerrufen: Er funktioniert nicht mehr.
site-job-replayed = Job { $job } läuft erneut.

## Webhooks
site-endpoint-added = Endpunkt hinzugefügt. Kopieren Sie jetzt sein Signaturgeheimnis: Es wird nur einmal angezeigt.
site-endpoint-added-not-shown = Der Endpunkt wurde hinzugefügt, sein Geheimnis konnte aber nicht angezeigt werden: Tauschen Sie das Geheimnis aus.
site-endpoint-secret-rotated = Neues Signaturgeheimnis erstellt; während der Überlappung signieren beide Geheimnisse. Kopieren Sie es jetzt: Es wird nur einmal angezeigt.
site-secret-rotated-not-shown = Das Geheimnis wurde ausgetauscht, konnte aber nicht angezeigt werden: Tauschen Sie es erneut aus.
site-endpoint-enabled = Endpunkt aktiviert: Neue Ereignisse gehen wieder an ihn.
site-endpoint-disabled = Endpunkt deaktiviert: Nichts wird an ihn gesendet, bis Sie ihn aktivieren.
site-endpoint-delete-confirm = Setzen Sie das Häkchen zur Bestätigung: Der Endpunkt und sein Zustellprotokoll werden endgültig gelöscht.
site-endpoint-deleted = Endpunkt gelöscht.
site-delivery-replayed = Zustellung erneut eingereiht: Sie wird in wenigen Sekunden gesendet.
site-source-kind-choose = Art: Wählen Sie, was die Quelle ist
site-source-added = Quelle hinzugefügt. Kopieren Sie jetzt ihr Signaturgeheimnis: Es wird nur einmal angezeigt.
site-source-added-not-shown = Die Quelle wurde hinzugefügt, ihr Geheimnis konnte aber nicht angezeigt werden: Tauschen Sie das Geheimnis aus.
site-source-added-own-secret = Quelle hinzugefügt: Sie prüft mit dem Geheimnis, das Sie angegeben haben.
site-source-secret-rotated = Neues Geheimnis erstellt; während der Überlappung prüfen beide. Kopieren Sie es jetzt: Es wird nur einmal angezeigt.
site-source-secret-replaced = Geheimnis ersetzt; während der Überlappung prüfen beide.
site-mapping-saved = Zuordnung gespeichert.
site-source-delete-confirm = Setzen Sie das Häkchen zur Bestätigung: Die Adresse der Quelle funktioniert sofort nicht mehr.
site-source-deleted = Quelle gelöscht.

## Wieder verfügbar: die Seiten der Kunden und das Widget, die Einstellungen
site-subscribe-answer = Vielen Dank. Wenn diese Adresse Benachrichtigungen erhalten kann, haben wir ihr eine E-Mail gesendet: Öffnen Sie den Link darin, um Ihre Benachrichtigung zu bestätigen.
site-alert-on = Ihre Benachrichtigung ist aktiv: Wir schreiben Ihnen einmal, sobald { $product } in { $channel } wieder verfügbar ist.
site-alert-over = Diese Benachrichtigung ist bereits beendet.
site-erase-confirm = Setzen Sie das Häkchen, um zu bestätigen, dass Ihre Daten gelöscht werden sollen.
site-erased = Ihre Adresse und Ihre Benachrichtigungen sind gelöscht. Sie erhalten keine E-Mails mehr von uns.
site-lists-too-long = Die Listen sind zu lang.
site-substitutes-line = Ersatzartikel, Zeile { $line }: Schreiben Sie SKU = Ersatz-SKU.
site-bis-wave-percent = Wellengröße (%)
site-bis-wave-minutes = Minuten zwischen Wellen
site-bis-sends-per-minute = E-Mails pro Minute
site-bis-substitute-hours = Stunden bis zu einem Ersatzartikel
site-bis-demand-weight = Nachfragegewicht (%)
site-bis-saved = Einstellungen für „Wieder verfügbar“ gespeichert.
site-widget-no-product = Kein Produkt hat hier diese SKU, oder Benachrichtigungen werden nicht angeboten.
site-widget-shop-not-allowed = Dieser Shop darf das Widget „Wieder verfügbar“ nicht verwenden.
site-widget-unreadable = Die Anfrage konnte nicht gelesen werden.
site-widget-not-offered = Benachrichtigungen „Wieder verfügbar“ werden hier nicht angeboten.
site-unsubscribed = Sie sind abgemeldet.
site-unsubscribed-this = Diese Benachrichtigung ist aus. Sie erhalten dazu keine E-Mail.
site-unsubscribed-all = Alle Ihre Benachrichtigungen sind aus. Sie erhalten keine E-Mails mehr von uns.

## Antworten und Nachrichten des Lieferanten
site-answer-delivery-date = Das Lieferdatum muss ein Datum sein, etwa 2026-12-24.
site-answer-date = Das Datum muss ein Datum sein, etwa 2026-12-24.
site-answer-choose = Wählen Sie, ob Sie die Bestellung bestätigen, in Rückstand setzen oder ablehnen.
site-answer-declined = Sie haben die Bestellung abgelehnt. Der Käufer wurde informiert.
site-answer-backordered = Die Bestellung ist mit Ihrem Datum in Rückstand gesetzt. Der Käufer wurde informiert.
site-answer-acknowledged = Vielen Dank: Die Bestellung ist mit Ihrem Lieferdatum bestätigt.
site-messages-busy = Gerade werden zu viele Nachrichten gesendet. Bitte versuchen Sie es in einigen Sekunden noch einmal.
site-message-too-large = Die Nachricht ist zu groß: Eine Datei darf höchstens 5 MiB haben.
site-message-unreadable = Die Nachricht konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.
site-message-sent = Nachricht an den Käufer gesendet.

## Anmeldung und websiteübergreifende Anfragen
site-sign-ins-busy = Zu viele Anmeldungen in diesem Moment. Bitte versuchen Sie es in einer Sekunde noch einmal.
site-cross-site-refused = Websiteübergreifende Anfrage abgelehnt: Senden Sie dieses Formular von der Seite des Portals selbst.
