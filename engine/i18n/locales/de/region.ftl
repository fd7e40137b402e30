# A tenant's language and time zone (server/src/http/forms/region.rs, engine/src/region.rs).
region-heading = Sprache und Zeitzone
region-back = Zurück zum Portal
region-theme = Design
region-intro = Die Sprache, in der Ihre Mitarbeitenden das Portal und ihre E-Mails lesen, bis sie selbst eine wählen, und die Zeitzone, in der Zeiten angezeigt werden.
region-language = Sprache
region-language-browser = Wie der Browser der jeweiligen Person es wünscht
region-time-zone = Zeitzone
region-time-zone-help = Ein Name wie Europe/Berlin; leer für UTC. Jetzt ist es { $now }.
region-save = Speichern
region-saved = Sprache und Zeitzone gespeichert.
region-err-language = Sprache: Wählen Sie eine aus der Liste.
region-err-time-zone = Zeitzone: { $zone } ist kein Zeitzonenname wie Europe/Berlin.
