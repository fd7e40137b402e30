# Fehler, die die Prüfung eines Imports nach Zeile und Spalte festhält (engine/src/imports),
# jeweils nach dem Namen der Spalte; warum ein Import fehlschlug.

## Eine Zelle oder eine Zeile einer importierten Datei.
imp-required = ist erforderlich
imp-too-long = darf höchstens { $max } Zeichen lang sein
imp-control-characters = darf keine Steuerzeichen enthalten
imp-not-whole = muss eine ganze Zahl sein, nicht „{ $value }“
imp-between = muss zwischen { $lo } und { $hi } liegen
imp-location-kind = muss dc oder store sein
imp-email = muss eine E-Mail-Adresse sein
imp-true-false = muss true oder false sein
imp-method = muss reorder_point, min_max oder forecast sein
imp-service-z = muss eine Zahl von 0 bis { $most } sein
imp-service-level = muss ein Prozentwert von 50 bis 99,9 sein

## Die erste Zeile der Datei und ganze Zeilen.
imp-header-unreadable = die erste Zeile ließ sich nicht lesen: { $detail }
imp-not-a-column = ist keine Spalte dieser Datei (erwartet: { $columns })
imp-named-twice = ist doppelt angegeben
imp-column-missing = fehlt in der ersten Zeile
imp-too-many-rows = eine Datei darf höchstens { $most } Zeilen haben: Teilen Sie sie auf
imp-row-unreadable = ließ sich nicht lesen: { $detail }
imp-row-fields = hat { $fields } Felder, die erste Zeile nennt { $names }
imp-row-repeats = wiederholt { $key } aus einer früheren Zeile
imp-no-rows = die Datei hat nach der ersten Zeile keine Zeilen

## Was eine Zeile nennt, das es im Portal nicht gibt.
imp-no-supplier = kein Lieferant hat den Code { $code }
imp-no-location = kein Standort hat den Code { $code }
imp-no-sku = kein Artikel hat die SKU { $sku }
imp-no-class = kein Artikel hat die Warengruppe { $class } (verwenden Sie * für alle Warengruppen)

## Warum nichts übernommen wurde.
imp-failure-check = die Datei ließ sich nicht prüfen: { $detail }. Es wurde nichts übernommen: Laden Sie sie erneut hoch
imp-failure-apply = die Datei ließ sich nicht übernehmen: { $detail }. Es wurde nichts übernommen: Laden Sie sie erneut hoch
imp-failure-changed = die Daten des Portals haben sich seit der Prüfung geändert, die Datei würde also nicht mehr das Gezeigte ändern: Es wurde nichts übernommen. Laden Sie sie erneut hoch, um sie neu zu prüfen
imp-failure-refused = { $reason }: Es wurde nichts übernommen
imp-failure-refused-sentence = { $reason } Es wurde nichts übernommen.

