# Pieces every page shares (app/src/components.rs).
ui-acting-in = Sie handeln im Portal von { $tenant }
ui-acting-as = als { $role } bis { $until }. Grund: { $reason }. Alles, was Sie hier tun, wird im Prüfprotokoll festgehalten, das die Administratoren lesen.
ui-end-now = Jetzt beenden
ui-back-to-start = Zurück zur Startseite
ui-unreachable = Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
ui-updates-itself = Diese Seite aktualisiert sich alle { $seconds } s, solange die Arbeit läuft.
ui-stop-updating = Nicht mehr aktualisieren
ui-stopped-updating = Aktualisierung angehalten: Laden Sie die Seite neu, um den neuesten Stand zu sehen.
ui-messages = Nachrichten
ui-no-messages = Noch keine Nachrichten.
ui-author-supplier = { $name } (Lieferant)
ui-author-buyer = { $name } (Einkauf)
ui-write-to-buyer = An den Einkauf schreiben
ui-write-to-supplier = An den Lieferanten schreiben (er erhält es per E-Mail)
ui-attach-file = Datei anhängen (optional: PDF, PNG, JPEG, CSV oder Text, höchstens 5 MiB)
ui-send-message = Nachricht senden

# The numbers behind a suggestion (app/src/ssr/format.rs).
ui-fact-position = Disponibler Bestand
ui-fact-position-value = { $position } = { $on_hand } am Lager + { $in_transit } unterwegs + { $on_order } bestellt
ui-fact-reorder-point = Meldebestand
ui-fact-order-up-to = Auffüllen bis
ui-fact-safety-stock = Sicherheitsbestand
ui-fact-safety-computed = { $n } (aus der Nachfrageschwankung)
ui-fact-safety-configured = { $n } (eingestellt)
ui-fact-daily-demand = Tagesnachfrage
ui-fact-daily-demand-value = { $mean } ± { $spread } über { $days } Tage
ui-fact-lead-time = Lieferzeit
ui-fact-days = { $days } Tage
ui-fact-pack-moq = Verpackungseinheit / Mindestmenge
ui-fact-uplift = Aktionsaufschlag
ui-fact-stock-line = { $on_hand } am Lager, { $in_transit } unterwegs, { $on_order } bestellt; Meldebestand { $rop }; { $sold } verkauft in 7 Tagen
ui-fact-no-stock-record = kein Bestandsdatensatz

# Failures of the portal's calls (app/src/ssr).
ui-sign-in-to-continue = Melden Sie sich an, um fortzufahren.
ui-not-found = Das gibt es in diesem Portal nicht. Prüfen Sie den Link oder gehen Sie zurück zur Liste.
