# Planungsseiten, die der Server ganz ausliefert (Übersichten, Assistent, Backtests,
# Audit-Trail), und die Formulare der Planung (Richtlinien, Freigabematrix, Freigaben,
# Dokumente, Ausnahmen, Bestelländerungen).

plan-back-to-portal = Zurück zum Portal
plan-form-unreadable = Das Formular konnte nicht gelesen werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.

## Diagramme.
plan-chart-figures = Die Zahlen
plan-chart-figure = Wert
plan-chart-day = Tag
plan-chart-today = heute
plan-chart-yesterday = gestern
plan-chart-days-ago = { $n ->
    [one] vor { $n } Tag
   *[other] vor { $n } Tagen
}

## Übersicht.
plan-dash-heading = Übersicht
plan-dash-intro = Wie es um Bestand, Prognosen, Freigaben, Lieferanten und Endkunden steht, Stand jetzt. Die Zahlen jedes Diagramms stehen in einer Tabelle darunter.
plan-dash-minutes = { $n ->
    [one] { $n } Minute
   *[other] { $n } Minuten
}
plan-dash-hours = { $n } Stunden
plan-dash-stockout-title = Fehlbestandsrisiko
plan-dash-stockout-headline = { $out } von { $positions } Positionen ohne Bestand; { $lost } erwartete entgangene Umsätze bei offenen Ausnahmen.
plan-dash-stockouts-chart = Gemeldete Fehlbestände pro Tag
plan-dash-stockouts-caption = { $total } in den letzten { $days } Tagen, höchstens { $max } an einem Tag.
plan-dash-fill-title = Lieferquote
plan-dash-fill-headline = { $share } der bestellten Einheiten kamen einwandfrei an (gelieferte Bestellungen, { $weeks } Wochen).
plan-dash-fill-none = Noch keine gelieferten Bestellungen.
plan-dash-fill-chart = Lieferquote nach Lieferant
plan-dash-fill-caption = Einwandfrei erhaltene Einheiten im Verhältnis zu bestellten Einheiten.
plan-dash-fill-empty = Erscheint, sobald Lieferanten auf Lieferavis liefern.
plan-dash-col-supplier = Lieferant
plan-dash-value-title = Bestandswert und Umschlag
plan-dash-value-headline = { $value } Lagerbestand zu Einstandskosten; { $turns } Umschläge pro Jahr im Tempo der letzten { $days } Tage.
plan-dash-value-headline-no-turns = { $value } Lagerbestand zu Einstandskosten; ohne Bestand kein Umschlag.
plan-dash-value-chart = Bestandswert nach Standort
plan-dash-value-caption = Zu Einstandskosten, Einheiten am Lager.
plan-dash-col-location = Standort
plan-dash-value-empty = Noch keine Standorte.
plan-dash-mase-below = MASE unter { $a }
plan-dash-mase-range = MASE { $a } bis { $b }
plan-dash-mase-above = MASE { $a } und mehr
plan-dash-mase-none = Rückfall oder nie schwankend
plan-dash-series = { $n ->
    [one] { $n } Reihe
   *[other] { $n } Reihen
}
plan-dash-error-title = Prognosefehler
plan-dash-error-headline = { $n ->
    [one] Median-MASE { $mase } über { $n } Prognose (unter 1 schlägt die Verkäufe von gestern).
   *[other] Median-MASE { $mase } über { $n } Prognosen (unter 1 schlägt die Verkäufe von gestern).
}
plan-dash-error-none = Noch keine Prognose hat einen gemessenen Fehler.
plan-dash-error-chart = Prognosen nach Fehler
plan-dash-error-empty = Prognosen erscheinen, sobald Verkäufe eingehen.
plan-dash-error-caption = Reihen nach ihrem mittleren absoluten skalierten Fehler außerhalb der Stichprobe.
plan-dash-col-error = Fehler
plan-dash-ages-title = Ausnahmen nach Alter
plan-dash-ages-headline = { $n } offen.
plan-dash-ages-chart = Offene Ausnahmen nach Alter
plan-dash-ages-caption = Wann sie gemeldet wurden.
plan-dash-col-raised = Gemeldet
plan-dash-age-day = am letzten Tag
plan-dash-age-week = vor einem bis sieben Tagen
plan-dash-age-older = vor mehr als einer Woche
plan-dash-latency-under = { $n ->
    [one] unter { $n } Stunde
   *[other] unter { $n } Stunden
}
plan-dash-latency-range = { $a } bis { $b } Stunden
plan-dash-latency-over = über { $n } Stunden
plan-dash-latency-title = Freigabedauer
plan-dash-latency-headline = Median { $time } bis zur Entscheidung einer Person, letzte { $days } Tage; { $waiting } warten jetzt.
plan-dash-latency-headline-none = Keine Entscheidungen in den letzten { $days } Tagen; { $waiting } warten jetzt.
plan-dash-latency-chart = Entscheidungen nach Wartezeit
plan-dash-latency-empty = Zuletzt nichts entschieden.
plan-dash-latency-caption = Von der Freigabeanfrage bis zu jeder Entscheidung.
plan-dash-col-waited = Gewartet
plan-dash-suppliers-title = Lieferantenleistung
plan-dash-suppliers-headline = { $n ->
    [one] { $n } Lieferant mit Bestellungen in { $weeks } Wochen.
   *[other] { $n } Lieferanten mit Bestellungen in { $weeks } Wochen.
}
plan-dash-on-time-chart = Rechtzeitig bestätigte Bestellungen
plan-dash-on-time-caption = Anteil der Bestellungen, deren Antwort fällig war.
plan-dash-on-time-empty = Erscheint, sobald Bestellungen versendet und beantwortet werden.
plan-dash-alerts-title = Konversion bei „Wieder verfügbar“
plan-dash-alerts-headline = { $bought } von { $alerted } in den letzten { $days } Tagen benachrichtigten Endkunden haben gekauft ({ $share }).
plan-dash-alerts-none = In den letzten { $days } Tagen wurde kein Endkunde benachrichtigt.
plan-dash-alerts-chart = Benachrichtigungen und Käufe
plan-dash-alerts-caption = Benachrichtigte Endkunden und jene, die nach der Benachrichtigung gekauft haben.
plan-dash-col-shoppers = Endkunden
plan-dash-alerted = benachrichtigt
plan-dash-bought = gekauft

## Kunden im Vergleich (Übersicht eines Partners).
plan-dash-compared-heading = Kunden im Vergleich
plan-dash-compared-intro = Die Zahlen jedes Kunden nebeneinander, Stand jetzt. Für Einzelheiten öffnen Sie die eigene Übersicht eines Kunden in seinem Portal.
plan-dash-back-console = Zurück zur Konsole
plan-dash-client-failed = { $client }: Die Zahlen konnten gerade nicht gelesen werden.
plan-dash-col-client = Kunde
plan-dash-no-clients = Noch keine Kunden.
plan-dash-c-lost-caption = Erwartete entgangene Umsätze bei offenen Bestandsausnahmen.
plan-dash-c-out-title = Positionen ohne Bestand
plan-dash-c-out-caption = Anteil der Bestandspositionen ohne Lagerbestand.
plan-dash-c-out-figure = { $share } ({ $out } von { $positions })
plan-dash-c-fill-caption = Einwandfrei erhaltene Einheiten im Verhältnis zu bestellten Einheiten, { $weeks } Wochen.
plan-dash-no-deliveries = keine Lieferungen
plan-dash-c-value-title = Bestandswert
plan-dash-c-value-caption = Lagerbestand zu Einstandskosten.
plan-dash-c-turns-title = Umschlag
plan-dash-c-turns-caption = Wareneinsatz eines Jahres im Tempo der letzten { $days } Tage, geteilt durch den Bestandswert.
plan-dash-turns-figure = { $turns } pro Jahr
plan-dash-no-stock = kein Bestand
plan-dash-c-mase-caption = Median-MASE der Prognosen (niedriger ist besser).
plan-dash-none-yet = noch keiner
plan-dash-c-old-title = Ausnahmen älter als eine Woche
plan-dash-c-old-caption = Offene Ausnahmen, die vor mehr als sieben Tagen gemeldet wurden.
plan-dash-c-latency-caption = Mediane Zeit von der Anfrage bis zur Entscheidung einer Person, letzte { $days } Tage.
plan-dash-no-decisions = keine Entscheidungen
plan-dash-c-alerts-caption = Endkunden, die nach einer Benachrichtigung gekauft haben, letzte { $days } Tage.
plan-dash-of = { $a } von { $b }

## Der Assistent.
plan-assistant-heading = Assistent
plan-assistant-intro = Das System erstellt jede Umlagerung und Bestellung selbst. Wenn die Freigabematrix eine davon an Personen schicken würde, kann der Assistent sie selbst freigeben, aber nur innerhalb der festen Grenzen unten: der Wert eines Dokuments und eines Tages, seine Sicherheit bei der Menge sowie die aufgeführten Klassen und Lieferanten. Alles andere geht wie in der Matrix festgelegt an Personen. Im Schattenmodus zeichnet er nur auf, was er getan hätte, sodass Sie es mit dem vergleichen können, was Personen getan haben, bevor Sie ihn handeln lassen. Jede Beurteilung steht mit ihren Eingaben im Audit-Trail.
plan-assistant-read-only = Modus des Assistenten: { $mode }. Seine Grenzen legt ein Administrator fest.
plan-assistant-older = Ältere Entscheidungen
plan-assistant-compared = Im Vergleich mit Personen, letzte { $days } Tage
plan-assistant-decisions = Seine Entscheidungen
plan-assistant-mode-off = Aus: Personen geben frei, wie die Matrix es vorsieht
plan-assistant-mode-shadow = Schatten: aufzeichnen, was er tun würde, nichts ändern
plan-assistant-mode-act = Handeln: selbst freigeben innerhalb der Grenzen
plan-assistant-mode = Modus
plan-assistant-max-document = Höchstwert eines Dokuments
plan-assistant-max-daily = Höchstens an einem Tag (UTC) freizugeben, alle Dokumente zusammen
plan-assistant-min-confidence = Mindestsicherheit, Prozent
plan-assistant-classes = Klassen, die er freigeben darf (jede Zeile muss dazugehören)
plan-assistant-suppliers = Lieferanten, deren Bestellungen er freigeben darf (Umlagerungen brauchen keinen)
plan-assistant-save = Grenzen speichern
plan-assistant-nothing-judged = Noch nichts beurteilt. Schalten Sie ihn in den Schattenmodus: Ab dem nächsten Dokument, das die Matrix an Personen schickt, zeichnet er auf, was er getan hätte.
plan-assistant-col-assistant = Der Assistent
plan-assistant-col-documents = Dokumente
plan-assistant-col-then-approved = Dann freigegeben
plan-assistant-col-rejected = Abgelehnt oder storniert
plan-assistant-col-waiting = Warten noch
plan-assistant-row-would-act = würde freigeben (oder hat)
plan-assistant-row-would-refer = würde an Personen schicken
plan-assistant-summary = { $judged } beurteilt. Bei { $changed } haben Personen den Wert danach geändert. Er hat { $acted } selbst freigegeben, im Wert von { $worth }.
plan-assistant-no-decisions = Noch keine Entscheidungen.
plan-assistant-verdict-acted = Selbst freigegeben
plan-assistant-verdict-would-act = Würde freigeben
plan-assistant-verdict-would-refer = Würde an Personen schicken: { $reasons }
plan-assistant-verdict-referred = An Personen geschickt: { $reasons }
plan-assistant-outcome-approved = freigegeben
plan-assistant-outcome-rejected = abgelehnt
plan-assistant-outcome-cancelled = storniert
plan-assistant-outcome-waiting = wartet
plan-assistant-outcome-gone = nicht mehr vorhanden
plan-assistant-outcome-now-worth = { $outcome }, jetzt im Wert von { $value }
plan-assistant-transfer = Umlagerung { $id }
plan-assistant-order = Bestellung { $id }
plan-assistant-col-when = Wann
plan-assistant-col-document = Dokument
plan-assistant-col-value = Wert
plan-assistant-col-confidence = Sicherheit
plan-assistant-col-became = Was daraus wurde
plan-assistant-error-mode = Wählen Sie einen Modus: Aus, Schatten oder Handeln.
plan-assistant-error-max-document = Der Höchstwert pro Dokument muss ein Betrag wie 250 oder 1,250.50 sein.
plan-assistant-error-max-daily = Der Höchstwert pro Tag muss ein Betrag wie 250 oder 1,250.50 sein.
plan-assistant-error-confidence = Die Mindestsicherheit muss ein ganzer Prozentwert von 0 bis 100 sein.
plan-assistant-error-supplier = Ein aufgeführter Lieferant gehört nicht zu Ihnen.
plan-assistant-saved = Die Grenzen des Assistenten sind gespeichert.

## Backtests.
plan-backtest-heading = Backtests
plan-backtest-intro = Bevor Sie eine Richtlinie ändern, sehen Sie, was sie bewirkt hätte: die Nachfrage der letzten Tage in Ihren Filialen, auf einer virtuellen Uhr nachgespielt, mit den Lieferzeiten Ihrer Lieferanten, Umlagerungen zwischen Filialen und Wareneingängen, einmal mit den Beständen, die Ihre Positionen heute haben, und einmal mit der Regel, die Sie ausprobieren. Ihr echter Bestand, Ihre Dokumente und Richtlinien bleiben unberührt.
plan-backtest-file-too-large = Die Datei ist zu groß: Sie darf höchstens 8 MB haben.
plan-backtest-error-rule = Wählen Sie die Regel, die Sie ausprobieren möchten.
plan-backtest-error-utf8 = Die Nachfragedatei muss UTF-8-Text (CSV) sein.
plan-backtest-error-days = Die nachzuspielenden Tage müssen eine ganze Zahl sein.
plan-backtest-error-service = Der Servicegrad muss eine Zahl sein, etwa 95.
plan-backtest-started = Der Backtest hat begonnen. Im Live-Betrieb ändert sich nichts.
plan-backtest-state-queued = wartet auf den Start
plan-backtest-state-running = { $done } von { $total } simulierten Tagen
plan-backtest-state-done = fertig
plan-backtest-state-failed = fehlgeschlagen: { $reason }
plan-backtest-no-reason = kein Grund gespeichert
plan-backtest-candidate-static = Statisch Min/Max (Bestände aus den ersten 28 Tagen)
plan-backtest-candidate-naive = Naiv adaptiv (die letzten 28 Tage, jeden Tag)
plan-backtest-candidate-forecast = Prognosegesteuert (die Prognose jeder Reihe)
plan-backtest-candidate-service = { $candidate }, { $level } % für jeden Artikel
plan-backtest-candidate-classes = { $candidate }, die Servicegrade der Klassen
plan-backtest-run = Lauf { $id }
plan-backtest-demand-csv = { $days } Tage aus einer Nachfragedatei
plan-backtest-demand-sales = { $days } Tage aus Ihren Verkäufen
plan-backtest-empty = Noch keine Backtests. Starten Sie unten einen: Er spielt Ihre Verkäufe der letzten Tage mit Ihren aktuellen Beständen und mit der gewählten Regel nach und ändert im Live-Betrieb nichts.
plan-backtest-col-run = Lauf
plan-backtest-col-started = Gestartet
plan-backtest-col-candidate = Kandidat
plan-backtest-col-demand = Nachfrage
plan-backtest-col-state = Status
plan-backtest-try = Eine Regel ausprobieren
plan-backtest-rule = Auszuprobierende Regel
plan-backtest-days = Nachzuspielende Tage ({ $min } bis { $max }; die { $history } Tage davor sind die Historie, mit der jede Regel beginnt)
plan-backtest-service-level = Ein Servicegrad für jeden Artikel, Prozent (leer: der eigene jeder Klasse)
plan-backtest-file = Oder eine Nachfragedatei statt Ihrer Verkäufe (CSV: day,location,sku,quantity; Tag als 2026-03-01; die ersten { $history } Tage sind die Historie)
plan-backtest-start = Backtest starten
plan-backtest-change-same = gleich
plan-backtest-change-new = neu
plan-backtest-points = { $n } Punkte
plan-backtest-fig-fill-rate = Lieferquote (verkaufte von gewünschten Einheiten)
plan-backtest-fig-stockout-days = Fehlbestandstage je Filiale und Artikel
plan-backtest-fig-inventory-value = Durchschnittlicher Bestandswert
plan-backtest-fig-purchase-orders = Bestellungen
plan-backtest-fig-transfers = Umlagerungen
plan-backtest-fig-approvals = Dokumente, die eine Freigabe durch eine Person brauchen
plan-backtest-caption = { $days } Tage, { $series } Reihen je Filiale und Artikel
plan-backtest-col-figure = Kennzahl
plan-backtest-col-current = Aktuelle Bestände
plan-backtest-col-change = Änderung
plan-backtest-assumes = Was die Simulation annimmt
plan-backtest-progress = { $state }. Diese Seite lädt sich selbst neu.
plan-backtest-all = Alle Backtests
plan-backtest-title = Backtest { $id }
plan-backtest-summary-csv = { $candidate } gegen Ihre aktuellen Bestände, über { $days } Tage einer Nachfragedatei; gestartet am { $started } von { $who }.
plan-backtest-summary-sales = { $candidate } gegen Ihre aktuellen Bestände, über { $days } Tage Ihrer Verkäufe; gestartet am { $started } von { $who }.

## Die Hinweise eines Backtests, was sein Nachspielen annimmt oder auslässt (engine/src/backtest/replay.rs).
plan-backtest-note-stock-starts = Der Bestand beginnt bei beiden Richtlinien mit dem, was heute vorrätig ist.
plan-backtest-note-no-promotions = Aktionen werden nicht nachgespielt.
plan-backtest-note-demand-days = Nachfrage fand sich an { $selling } der { $days } gelesenen Tage ({ $history } Tage Vorlauf, dann die nachgespielten Tage); ein Tag ohne Nachfrage zählt als Tag ohne Verkauf.
plan-backtest-note-no-supplier = { $count ->
    [one] { $count } Artikel ohne Lieferanten bleibt außen vor.
   *[other] { $count } Artikel ohne Lieferanten bleiben außen vor.
}
plan-backtest-note-dcs = { $count ->
    [one] { $count } Verteilzentrum bleibt außen vor: Filialen kaufen bei Lieferanten und teilen untereinander.
   *[other] { $count } Verteilzentren bleiben außen vor: Filialen kaufen bei Lieferanten und teilen untereinander.
}

## Der Audit-Trail.
plan-trail-heading = Audit-Trail
plan-trail-intro = Alles, was Personen, Integrationen und das System hier geändert haben, das Neueste zuerst, in Worten; öffnen Sie einen Eintrag, um ihn so zu sehen, wie er gespeichert ist. Einträge, die entstanden, während Ihr Dienstleister in diesem Portal gehandelt hat, sind markiert, mit der Person und der Sitzung.
plan-trail-was = war { $before }
plan-trail-actor = Akteur
plan-trail-action = Aktion
plan-trail-subject = Gegenstand
plan-trail-change = Änderung
plan-trail-empty = Noch nichts aufgezeichnet.
plan-trail-col-when = Wann
plan-trail-col-what = Was geschah
plan-trail-col-record = Eintrag
plan-trail-older = Ältere Einträge

## Nachschubrichtlinien.
plan-policy-error-method = Wählen Sie die Methode: Meldebestand, Min/Max oder Prognose.
plan-policy-error-service-level = Der Servicegrad muss ein Prozentwert wie 95 sein oder leer bleiben.
plan-policy-whole-cover-days = Die Reichweitentage müssen eine ganze Zahl sein.
plan-policy-error-service-z = Der Servicegrad z muss eine Zahl wie 1.65 sein.
plan-policy-error-lead-time = Die Lieferzeit muss eine ganze Zahl von Tagen sein oder leer bleiben.
plan-policy-error-promotion = Aktionszeile { $line }: Geben Sie ersten Tag, letzten Tag und Faktor an, z. B. 2026-12-01 2026-12-24 1.5.
plan-policy-whole-reorder-point = Der Meldebestand muss eine ganze Zahl sein.
plan-policy-whole-order-up-to = Der Zielbestand muss eine ganze Zahl sein.
plan-policy-error-levels = Geben Sie beide Klassenbestände an (Meldebestand und Zielbestand) oder lassen Sie beide leer.
plan-policy-whole-dc-multiplier = Der Multiplikator für das Verteilzentrum muss eine ganze Zahl sein.
plan-policy-whole-safety-stock = Der Sicherheitsbestand muss eine ganze Zahl sein.
plan-policy-whole-case-pack = Die Verpackungseinheit muss eine ganze Zahl sein.
plan-policy-whole-moq = Die Mindestbestellmenge muss eine ganze Zahl sein.
plan-policy-not-saved = Nicht gespeichert: { $reason }.
plan-policy-error-location = Wählen Sie einen Standort dieses Portals oder alle Standorte.
plan-policy-saved = Richtlinie gespeichert; die betroffenen Positionen werden erneut geprüft.
plan-policy-deleted = Richtlinie gelöscht; es gilt die nächst allgemeinere.
plan-policy-whole-sweep-hour = Die Stunde der nächtlichen Prüfung muss eine ganze Zahl sein.
plan-policy-sweep-saved = Jede Position wird jetzt nachts um { $hour }:00 UTC geprüft.
plan-policy-error-mad = Der MAD-Multiplikator muss eine Zahl sein.
plan-policy-whole-min-units = Der kleinste auffällige Verkauf muss eine ganze Zahl sein.
plan-policy-whole-count-jump = Der Zählsprung muss eine ganze Zahl sein.
plan-policy-whole-count-min-units = Der kleinste Zählsprung muss eine ganze Zahl sein.
plan-policy-anomalies-saved = Die Anomalieprüfungen sind gespeichert.
plan-policy-levels-saved = Bestände für diese Position gespeichert; Richtlinien lassen sie unverändert. Sie wird erneut geprüft.
plan-policy-levels-cleared = Diese Position folgt wieder den Beständen ihrer Richtlinie. Sie wird erneut geprüft.

## Die Freigabematrix.
plan-matrix-error-window = Das Bestellfenster muss eine ganze Zahl von Minuten sein.
plan-matrix-not-saved = Die Matrix wurde nicht gespeichert: { $reason }
plan-matrix-error-version = Dem Formular fehlt die Version der Matrix; laden Sie die Seite neu.
plan-matrix-saved = Als Version { $version } gespeichert.
plan-matrix-error-name = Geben Sie der Regel einen Namen (höchstens 80 Zeichen).
plan-matrix-error-min-value = „Wert ab“ muss ein Betrag wie 1500 oder 1500.00 sein.
plan-matrix-error-max-value = „Wert bis“ muss ein Betrag wie 1500 oder 1500.00 sein.
plan-matrix-error-location = Wählen Sie einen Standort aus der Liste.
plan-matrix-error-supplier = Wählen Sie einen Lieferanten aus der Liste.
plan-matrix-error-step-role = Schritt { $n }: Wählen Sie eine Rolle aus der Liste.
plan-matrix-error-step-hours = Schritt { $n }: Eskalieren Sie nach 1 bis 720 Stunden.
plan-matrix-error-step-escalate = Schritt { $n }: Wählen Sie aus der Liste, an wen eskaliert wird.
plan-matrix-error-no-steps = Geben Sie mindestens einen Freigabeschritt an oder wählen Sie die automatische Freigabe.
plan-matrix-error-outcome = Wählen Sie, was die Regel tut: Freigabeschritte oder automatische Freigabe.
plan-matrix-error-doc-type = Wählen Sie die Dokumentart aus der Liste.
plan-matrix-rule-not-added = Die Regel wurde nicht hinzugefügt: { $reason }
plan-matrix-rule-added = Regel „{ $name }“ hinzugefügt (Version { $version }).
plan-matrix-error-missing-rule = Dem Formular fehlt die Regel oder die Version der Matrix; laden Sie die Seite neu.
plan-matrix-unknown-change = Unbekannte Änderung.
plan-matrix-rule-moved-up = Regel { $n } nach oben verschoben (Version { $version }).
plan-matrix-rule-moved-down = Regel { $n } nach unten verschoben (Version { $version }).
plan-matrix-rule-deleted = Regel { $n } gelöscht (Version { $version }).
plan-matrix-nothing-changed = Nichts wurde geändert: { $reason }

## Der Freigabe-Posteingang.
plan-doc-transfer = Umlagerung { $id }
plan-doc-purchase-order = Bestellung { $id }
plan-approvals-error-doc = Das Formular hat nicht angegeben, über welches Dokument entschieden werden soll.
plan-approvals-error-decision = Wählen Sie Freigeben oder Ablehnen.
plan-approvals-next-step = { $doc } freigegeben; jetzt wartet der nächste Schritt.
plan-approvals-approved = { $doc } freigegeben.
plan-approvals-rejected = { $doc } abgelehnt.
plan-approvals-error-none = Wählen Sie mindestens einen Eintrag zum Freigeben aus.
plan-approvals-error-too-many = Geben Sie höchstens 100 Einträge auf einmal frei.
plan-approvals-refused-item = { $doc }: { $reason }
plan-approvals-approved-n = { $n } freigegeben.
plan-approvals-approved-some = { $n } freigegeben; nicht freigegeben: { $refused }
plan-approvals-error-stand-in = Wählen Sie, wer Sie vertritt.
plan-approvals-error-role = Wählen Sie die Rolle, die Sie übergeben.
plan-approvals-error-days = Geben Sie den ersten und den letzten Tag als Datum an (JJJJ-MM-TT).
plan-approvals-stand-in-set = Ihre Vertretung gilt vom { $first } bis zum { $last }.
plan-approvals-stand-in-ended = Ihre Vertretung ist beendet.

## Die Status eines Dokuments, wie eine Meldung sie nennt.
plan-state-proposed = vorgeschlagen
plan-state-draft = Entwurf
plan-state-pending-approval = wartet auf Freigabe
plan-state-approved = freigegeben
plan-state-sent = versendet
plan-state-acknowledged = bestätigt
plan-state-backordered = im Rückstand
plan-state-change-proposed = Änderung vorgeschlagen
plan-state-change-approval = Änderung wartet auf Freigabe
plan-state-shipped = verschickt
plan-state-partly-received = teilweise erhalten
plan-state-received = erhalten
plan-state-closed = abgeschlossen
plan-state-declined = vom Lieferanten abgelehnt
plan-state-rejected = abgelehnt
plan-state-cancelled = storniert

## Die Befehle einer Dokumentseite.
plan-documents-error-quantity = Die Menge muss eine ganze Zahl sein (mindestens 1; 0 ist nur beim Empfang erlaubt).
plan-documents-error-ship = Die zu versendende Menge muss mindestens 1 sein.
plan-documents-error-receive = Die erhaltene Menge darf nicht negativ sein.
plan-documents-error-edit = Die neue Menge muss mindestens 1 sein.
plan-documents-error-confirm-cancel-transfer = Kreuzen Sie „Ich bin sicher“ an, um die Umlagerung zu stornieren.
plan-documents-unknown-command = Unbekannter Befehl.
plan-documents-transfer-now = Umlagerung { $id } ist jetzt { $state }.
plan-documents-error-confirm-cancel-order = Kreuzen Sie „Ich bin sicher“ an, um die Bestellung zu stornieren.
plan-documents-error-confirm-close = Kreuzen Sie „Der Rest kommt nicht“ an, um die Bestellung abzuschließen.
plan-documents-order-now = Bestellung { $id } ist jetzt { $state }.
plan-documents-no-links = Es gab keine gültigen Links zum Zurückziehen.
plan-documents-links-withdrawn = { $n ->
    [one] { $n } Link zurückgezogen: Er öffnet die Bestellung nicht mehr.
   *[other] { $n } Links zurückgezogen: Sie öffnen die Bestellung nicht mehr.
}
plan-documents-resent = Erneut an den Lieferanten gesendet, mit einem neuen Link.
plan-documents-message-sent = Nachricht an den Lieferanten gesendet.

## Die Ausnahmenliste.
plan-exceptions-error-assignee = Wählen Sie, wem sie zugewiesen werden sollen.
plan-exceptions-error-action = Wählen Sie, was mit den ausgewählten Ausnahmen geschehen soll.
plan-exceptions-updated = { $n } von { $total } aktualisiert.

## Änderungen an einer versendeten Bestellung, Lieferavis und Wareneingänge.
plan-changes-error-quantity = Die Menge von Zeile { $line } muss eine ganze Zahl sein.
plan-changes-error-price = Der Stückpreis von Zeile { $line } muss ein Betrag wie 12.50 sein.
plan-changes-error-ships-on = Das eigene Lieferdatum von Zeile { $line } muss ein Datum sein, etwa 2026-12-24.
plan-changes-error-delivery-date = Das Lieferdatum muss ein Datum sein, etwa 2026-12-24.
plan-changes-error-answer = Wählen Sie, ob Sie die Änderung annehmen oder ablehnen.
plan-changes-error-units = Die Einheiten von Zeile { $line } müssen eine ganze Zahl sein.
plan-changes-error-expected-delivery = Die erwartete Lieferung muss ein Datum sein, etwa 2026-12-24.
plan-changes-error-damaged = Die beschädigten Einheiten von Zeile { $line } müssen eine ganze Zahl sein.
plan-changes-error-received = Die erhaltenen Einheiten von Zeile { $line } müssen eine ganze Zahl sein.
plan-changes-proposed-supplier = Ihre Änderung ist vorgeschlagen. Der Käufer wurde benachrichtigt.
plan-changes-done = Erledigt: Die Bestellung ist jetzt { $state }.
plan-changes-ship-notice = Lieferavis { $id } gesendet. Der Käufer wurde benachrichtigt.
plan-changes-proposed-buyer = Änderung vorgeschlagen: Die Bestellung ist jetzt { $state }.
plan-changes-received = Wareneingang erfasst: Die Bestellung ist jetzt { $state }.
