# Warum die Engine eine Nachversorgung vorschlägt, festgehalten mit dem Vorschlag und
# den Umlagerungen und Bestellpositionen daraus (engine/src/policy/reason.rs), eine
# Nachricht je Satz.

## Die Grenzen einer prognosebasierten Regel; $method ist eine der reason-method-Nachrichten.
reason-forecast = Prognose ({ $method }): { $demand } Einheiten in der Lieferzeit von { $lead_days } { $lead_days ->
        [one] Tag
       *[other] Tagen
    }, ± { $sd }, also ein Sicherheitsbestand von { $safety } für { $service } % Servicegrad, und { $cover } Einheiten { $cover_days ->
        [one] am Tag
       *[other] in den { $cover_days } Tagen
    } danach.
reason-forecast-spread = Prognose ({ $method }): { $demand } Einheiten in der Lieferzeit von { $lead_days } { $lead_days ->
        [one] Tag
       *[other] Tagen
    }, ± { $sd }, also ein Sicherheitsbestand von { $safety } für { $service } % Servicegrad (Servicegrad der Warengruppe { $class_level } %, nach Wert verteilt: { $value } am Tag zum Einstandspreis gegenüber { $class_value } im Schnitt der Warengruppe), und { $cover } Einheiten { $cover_days ->
        [one] am Tag
       *[other] in den { $cover_days } Tagen
    } danach.
reason-forecast-cycle = Etwa { $per_week } Bestellungen pro Woche: { $service } % je Bestellung ergeben { $week } % pro Woche.
reason-forecast-offset = Späte und frühe Lieferungen der unterwegs befindlichen Bestellungen gleichen sich teilweise aus; die Streuung der Lieferzeit zählt daher weniger.

## Der disponible Bestand gegenüber dem Meldebestand. $uplift und $waiting sind leer
## oder einer der Nebensätze darunter (jeder beginnt mit einem Komma).
reason-stock-below = Disponibler Bestand { $position } (am Lager { $on_hand }, unterwegs { $in_transit }, bestellt { $on_order }) liegt unter dem Meldebestand { $reorder_point }; Auffüllen bis { $target }{ $uplift }{ $waiting } ({ $quantity } Einheiten in Verpackungseinheiten zu { $pack }).
reason-stock-at = Disponibler Bestand { $position } (am Lager { $on_hand }, unterwegs { $in_transit }, bestellt { $on_order }) entspricht dem Meldebestand { $reorder_point }; Auffüllen bis { $target }{ $uplift }{ $waiting } ({ $quantity } Einheiten in Verpackungseinheiten zu { $pack }).
reason-uplift = , mit einem Aktionsaufschlag von ×{ $uplift }
reason-waiting = , einschließlich { $units } Einheiten Nachfrage von Kunden, die auf den Artikel warten

## Wie der Bedarf gedeckt wird.
reason-transfer = Gedeckt durch eine Umlagerung von { $quantity } von einem Standort, der über seinem eigenen Meldebestand bleibt.
reason-transfer-and-buy = Gedeckt durch eine Umlagerung von { $quantity } von einem Standort, der über seinem eigenen Meldebestand bleibt; weitere { $bought } werden bestellt.
reason-bought-rest = Eine Umlagerung deckt { $transferred }; die übrigen { $bought } werden bestellt.
reason-bought-all = Kein anderer Standort kann etwas abgeben, also wird alles bestellt.
reason-lead-time-measured = Lieferzeit { $days } { $days ->
        [one] Tag
       *[other] Tage
    }, gemessen über die letzten { $deliveries } { $deliveries ->
        [one] Lieferung
       *[other] Lieferungen
    } des Lieferanten.

## Wie sicher sich der Assistent der Menge ist; $reason ist einer der Sätze danach.
reason-confidence = Sicherheit { $pct } %: { $reason }
reason-confidence-no-forecast = Für diese Position gibt es noch keine Prognose; die Menge beruht also allein auf den jüngsten Durchschnitten.
reason-confidence-fell-back = Die Prognose ist auf einen Durchschnitt ausgewichen: { $note }.
reason-confidence-flat = Die Verkäufe haben sich über { $days } Tage Verkaufsdaten nicht verändert.
reason-confidence-unmeasured = Der Fehler der Prognose ließ sich nicht messen.
reason-confidence-mase = Der Fehler der Prognose ({ $method }) außerhalb der Stichprobe beträgt { $mase } des Fehlers einer naiven Prognose (MASE), über { $days } Tage Verkaufsdaten.
reason-confidence-mase-short = Der Fehler der Prognose ({ $method }) außerhalb der Stichprobe beträgt { $mase } des Fehlers einer naiven Prognose (MASE), über { $days } Tage Verkaufsdaten (unter { $full } Tagen, was die Sicherheit senkt).

## Prognoseverfahren, und warum eine Prognose auf den Durchschnitt ausgewichen ist.
reason-method-croston = Croston
reason-method-sba = SBA (Croston, bias-korrigiert)
reason-method-tsb = TSB
reason-method-ets = ETS
reason-method-mstl = MSTL (wöchentlich)
reason-method-average = Durchschnitt
reason-method-mase = { $method } · MASE { $mase }
reason-method-fell-back = { $method }: { $note }
reason-note-no-sales = keine Verkäufe in { $days } { $days ->
        [one] Tag
       *[other] Tagen
    }
reason-note-short = nur { $days } { $days ->
        [one] Tag
       *[other] Tage
    } Verkaufsdaten (eine Prognose braucht { $needed }): der Durchschnitt
reason-note-no-fit = kein Verfahren passte zu diesen Verkaufsdaten: der Durchschnitt
reason-note-failed = die Prognose ist an diesen Verkaufsdaten gescheitert: der Durchschnitt

## Text, für den diese Nachrichten keine Worte haben, wie die Engine ihn schrieb (Englisch).
reason-as-written = { $text }

## Warum der Assistent einen Vorschlag an Personen geschickt hat, statt ihn freizugeben:
## die Grenzen, die er überschritt, aufgezählt nach „An Personen geschickt:“.
reason-refer-value = der Wert geht nicht auf
reason-refer-document = Wert { $value }, mehr als die { $most }, die ein Dokument haben darf
reason-refer-day = mit den heute schon freigegebenen { $today } würden die { $most } überschritten, die ein Tag erlaubt
reason-refer-confidence = Sicherheit { $pct } %, unter den geforderten { $least } %
reason-refer-no-class = keine Warengruppe
reason-refer-class = Warengruppe { $class } darf der Assistent nicht freigeben
reason-refer-supplier = bei diesem Lieferanten darf der Assistent nicht selbst bestellen
