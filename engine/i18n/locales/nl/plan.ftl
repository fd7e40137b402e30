# Planningspagina's die de server in zijn geheel levert (overzichten, assistent,
# backtests, audittrail) en de formulieren van de planning (beleid, goedkeuringsmatrix,
# goedkeuringen, documenten, uitzonderingen, orderwijzigingen).

plan-back-to-portal = Terug naar het portaal
plan-form-unreadable = Het formulier kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.

## Grafieken.
plan-chart-figures = De cijfers
plan-chart-figure = Waarde
plan-chart-day = Dag
plan-chart-today = vandaag
plan-chart-yesterday = gisteren
plan-chart-days-ago = { $n ->
    [one] { $n } dag geleden
   *[other] { $n } dagen geleden
}

## Overzicht.
plan-dash-heading = Overzicht
plan-dash-intro = Hoe het nu gaat met voorraad, prognoses, goedkeuringen, leveranciers en klanten. De cijfers van elke grafiek staan in een tabel eronder.
plan-dash-minutes = { $n ->
    [one] { $n } minuut
   *[other] { $n } minuten
}
plan-dash-hours = { $n } uur
plan-dash-stockout-title = Risico op tekorten
plan-dash-stockout-headline = { $out } van { $positions } posities zonder voorraad; { $lost } verwachte gemiste verkoop bij open uitzonderingen.
plan-dash-stockouts-chart = Gemelde tekorten per dag
plan-dash-stockouts-caption = { $total } in de laatste { $days } dagen, hoogstens { $max } op één dag.
plan-dash-fill-title = Leveringsgraad
plan-dash-fill-headline = { $share } van de bestelde eenheden kwam in goede staat aan (geleverde orders, { $weeks } weken).
plan-dash-fill-none = Nog geen geleverde orders.
plan-dash-fill-chart = Leveringsgraad per leverancier
plan-dash-fill-caption = In goede staat ontvangen eenheden ten opzichte van bestelde eenheden.
plan-dash-fill-empty = Verschijnt zodra leveranciers leveren op verzendberichten.
plan-dash-col-supplier = Leverancier
plan-dash-value-title = Voorraadwaarde en omloop
plan-dash-value-headline = { $value } op voorraad tegen kostprijs; { $turns } keer omloop per jaar in het tempo van de laatste { $days } dagen.
plan-dash-value-headline-no-turns = { $value } op voorraad tegen kostprijs; zonder voorraad geen omloop.
plan-dash-value-chart = Voorraadwaarde per locatie
plan-dash-value-caption = Tegen kostprijs, eenheden op voorraad.
plan-dash-col-location = Locatie
plan-dash-value-empty = Nog geen locaties.
plan-dash-mase-below = MASE onder { $a }
plan-dash-mase-range = MASE { $a } tot { $b }
plan-dash-mase-above = MASE { $a } en hoger
plan-dash-mase-none = teruggevallen of varieert nooit
plan-dash-series = { $n ->
    [one] { $n } reeks
   *[other] { $n } reeksen
}
plan-dash-error-title = Prognosefout
plan-dash-error-headline = { $n ->
    [one] Mediaan-MASE { $mase } over { $n } prognose (onder 1 verslaat de verkoop van gisteren).
   *[other] Mediaan-MASE { $mase } over { $n } prognoses (onder 1 verslaat de verkoop van gisteren).
}
plan-dash-error-none = Nog geen prognose heeft een gemeten fout.
plan-dash-error-chart = Prognoses per fout
plan-dash-error-empty = Prognoses verschijnen zodra er verkopen binnenkomen.
plan-dash-error-caption = Reeksen naar hun gemiddelde absolute geschaalde fout buiten de steekproef.
plan-dash-col-error = Fout
plan-dash-ages-title = Uitzonderingen naar leeftijd
plan-dash-ages-headline = { $n } open.
plan-dash-ages-chart = Open uitzonderingen naar leeftijd
plan-dash-ages-caption = Wanneer ze gemeld zijn.
plan-dash-col-raised = Gemeld
plan-dash-age-day = in de afgelopen dag
plan-dash-age-week = een tot zeven dagen geleden
plan-dash-age-older = meer dan een week geleden
plan-dash-latency-under = { $n ->
    [one] minder dan { $n } uur
   *[other] minder dan { $n } uur
}
plan-dash-latency-range = { $a } tot { $b } uur
plan-dash-latency-over = meer dan { $n } uur
plan-dash-latency-title = Goedkeuringstijd
plan-dash-latency-headline = Mediaan { $time } tot het besluit van een persoon, laatste { $days } dagen; { $waiting } wachten nu.
plan-dash-latency-headline-none = Geen besluiten in de laatste { $days } dagen; { $waiting } wachten nu.
plan-dash-latency-chart = Besluiten naar wachttijd
plan-dash-latency-empty = De laatste tijd niets besloten.
plan-dash-latency-caption = Van het goedkeuringsverzoek tot elk besluit.
plan-dash-col-waited = Gewacht
plan-dash-suppliers-title = Prestaties van leveranciers
plan-dash-suppliers-headline = { $n ->
    [one] { $n } leverancier met orders in { $weeks } weken.
   *[other] { $n } leveranciers met orders in { $weeks } weken.
}
plan-dash-on-time-chart = Orders op tijd bevestigd
plan-dash-on-time-caption = Aandeel van de orders waarvan het antwoord verschuldigd was.
plan-dash-on-time-empty = Verschijnt zodra orders verzonden en beantwoord zijn.
plan-dash-alerts-title = Conversie van weer-op-voorraadmeldingen
plan-dash-alerts-headline = { $bought } van { $alerted } klanten die in de laatste { $days } dagen een melding kregen, kochten ({ $share }).
plan-dash-alerts-none = In de laatste { $days } dagen kreeg geen enkele klant een melding.
plan-dash-alerts-chart = Meldingen en aankopen
plan-dash-alerts-caption = Klanten met een melding, en zij die na de melding kochten.
plan-dash-col-shoppers = Klanten
plan-dash-alerted = gemeld
plan-dash-bought = gekocht

## Cliënten vergeleken (het overzicht van een partner).
plan-dash-compared-heading = Cliënten vergeleken
plan-dash-compared-intro = De cijfers van elke cliënt naast elkaar, zoals ze nu zijn. Open voor de details het eigen overzicht van een cliënt vanuit diens portaal.
plan-dash-back-console = Terug naar de console
plan-dash-client-failed = { $client }: de cijfers konden nu niet worden gelezen.
plan-dash-col-client = Cliënt
plan-dash-no-clients = Nog geen cliënten.
plan-dash-c-lost-caption = Verwachte gemiste verkoop bij open voorraaduitzonderingen.
plan-dash-c-out-title = Posities zonder voorraad
plan-dash-c-out-caption = Aandeel van de voorraadposities zonder voorraad.
plan-dash-c-out-figure = { $share } ({ $out } van { $positions })
plan-dash-c-fill-caption = In goede staat ontvangen eenheden ten opzichte van bestelde eenheden, { $weeks } weken.
plan-dash-no-deliveries = geen leveringen
plan-dash-c-value-title = Voorraadwaarde
plan-dash-c-value-caption = Voorraad tegen kostprijs.
plan-dash-c-turns-title = Omloop
plan-dash-c-turns-caption = Kostprijs van de verkopen over een jaar in het tempo van de laatste { $days } dagen, gedeeld door de voorraadwaarde.
plan-dash-turns-figure = { $turns } per jaar
plan-dash-no-stock = geen voorraad
plan-dash-c-mase-caption = Mediaan-MASE van de prognoses (lager is beter).
plan-dash-none-yet = nog geen
plan-dash-c-old-title = Uitzonderingen ouder dan een week
plan-dash-c-old-caption = Open uitzonderingen die meer dan zeven dagen geleden zijn gemeld.
plan-dash-c-latency-caption = Mediane tijd van het verzoek tot het besluit van een persoon, laatste { $days } dagen.
plan-dash-no-decisions = geen besluiten
plan-dash-c-alerts-caption = Klanten die na een melding kochten, laatste { $days } dagen.
plan-dash-of = { $a } van { $b }

## De assistent.
plan-assistant-heading = Assistent
plan-assistant-intro = Het systeem stelt elke overboeking en inkooporder zelf op. Als de goedkeuringsmatrix er een naar mensen zou sturen, kan de assistent die zelf goedkeuren, maar alleen binnen de harde grenzen hieronder: de waarde van één document en van een dag, zijn zekerheid over de hoeveelheid, en de vermelde klassen en leveranciers. Al het andere gaat naar mensen zoals de matrix zegt. In schaduwmodus legt hij alleen vast wat hij gedaan zou hebben, zodat je dat kunt vergelijken met wat mensen deden voordat je hem laat handelen. Elk oordeel staat met zijn invoer in de audittrail.
plan-assistant-read-only = Modus van de assistent: { $mode }. Een beheerder stelt de grenzen in.
plan-assistant-older = Oudere besluiten
plan-assistant-compared = Vergeleken met mensen, laatste { $days } dagen
plan-assistant-decisions = Zijn besluiten
plan-assistant-mode-off = Uit: mensen keuren goed zoals de matrix zegt
plan-assistant-mode-shadow = Schaduw: vastleggen wat hij zou doen, niets wijzigen
plan-assistant-mode-act = Handelen: zelf goedkeuren binnen de grenzen
plan-assistant-mode = Modus
plan-assistant-max-document = Hoogste waarde van één document
plan-assistant-max-daily = Hoogste bedrag dat hij op een dag (UTC) mag goedkeuren, alle documenten samen
plan-assistant-min-confidence = Minimale zekerheid, procent
plan-assistant-classes = Klassen die hij mag goedkeuren (elke regel moet er een zijn)
plan-assistant-suppliers = Leveranciers van wie hij orders mag goedkeuren (overboekingen hebben er geen nodig)
plan-assistant-save = Grenzen opslaan
plan-assistant-nothing-judged = Nog niets beoordeeld. Zet hem in schaduwmodus: vanaf het volgende document dat de matrix naar mensen stuurt, legt hij vast wat hij gedaan zou hebben.
plan-assistant-col-assistant = De assistent
plan-assistant-col-documents = Documenten
plan-assistant-col-then-approved = Daarna goedgekeurd
plan-assistant-col-rejected = Afgewezen of geannuleerd
plan-assistant-col-waiting = Wachten nog
plan-assistant-row-would-act = zou goedkeuren (of deed dat)
plan-assistant-row-would-refer = zou naar mensen sturen
plan-assistant-summary = { $judged } beoordeeld. Bij { $changed } veranderden mensen daarna de waarde. Hij keurde er { $acted } zelf goed, ter waarde van { $worth }.
plan-assistant-no-decisions = Nog geen besluiten.
plan-assistant-verdict-acted = Zelf goedgekeurd
plan-assistant-verdict-would-act = Zou het goedkeuren
plan-assistant-verdict-would-refer = Zou het naar mensen sturen: { $reasons }
plan-assistant-verdict-referred = Naar mensen gestuurd: { $reasons }
plan-assistant-outcome-approved = goedgekeurd
plan-assistant-outcome-rejected = afgewezen
plan-assistant-outcome-cancelled = geannuleerd
plan-assistant-outcome-waiting = wacht
plan-assistant-outcome-gone = verdwenen
plan-assistant-outcome-now-worth = { $outcome }, nu ter waarde van { $value }
plan-assistant-transfer = Overboeking { $id }
plan-assistant-order = Order { $id }
plan-assistant-col-when = Wanneer
plan-assistant-col-document = Document
plan-assistant-col-value = Waarde
plan-assistant-col-confidence = Zekerheid
plan-assistant-col-became = Wat ervan werd
plan-assistant-error-mode = Kies een modus: uit, schaduw of handelen.
plan-assistant-error-max-document = Het maximum per document moet een bedrag zijn zoals 250 of 1,250.50.
plan-assistant-error-max-daily = Het maximum per dag moet een bedrag zijn zoals 250 of 1,250.50.
plan-assistant-error-confidence = De minimale zekerheid moet een heel percentage van 0 tot 100 zijn.
plan-assistant-error-supplier = Een vermelde leverancier is niet een van jouw leveranciers.
plan-assistant-saved = De grenzen van de assistent zijn opgeslagen.

## Backtests.
plan-backtest-heading = Backtests
plan-backtest-intro = Zie, voordat je een beleid wijzigt, wat het gedaan zou hebben: de vraag van de laatste dagen in je winkels, nagespeeld op een virtuele klok, met de levertijden van je leveranciers, overboekingen tussen winkels en ontvangsten, onder de niveaus die je posities vandaag hebben en onder de regel die je uitprobeert. Je echte voorraad, documenten en beleid blijven onaangeroerd.
plan-backtest-file-too-large = Het bestand is te groot: het mag hoogstens 8 MB zijn.
plan-backtest-error-rule = Kies de regel die je wilt uitproberen.
plan-backtest-error-utf8 = Het vraagbestand moet UTF-8-tekst (CSV) zijn.
plan-backtest-error-days = Het aantal na te spelen dagen moet een heel getal zijn.
plan-backtest-error-service = Het serviceniveau moet een getal zijn, zoals 95.
plan-backtest-started = De backtest is gestart. Er verandert live niets.
plan-backtest-state-queued = wacht op start
plan-backtest-state-running = { $done } van { $total } gesimuleerde dagen
plan-backtest-state-done = klaar
plan-backtest-state-failed = mislukt: { $reason }
plan-backtest-no-reason = geen reden bewaard
plan-backtest-candidate-static = Statisch min/max (niveaus uit de eerste 28 dagen)
plan-backtest-candidate-naive = Naïef adaptief (de laatste 28 dagen, elke dag)
plan-backtest-candidate-forecast = Prognosegestuurd (de prognose van elke reeks)
plan-backtest-candidate-service = { $candidate }, { $level } % voor elk artikel
plan-backtest-candidate-classes = { $candidate }, de serviceniveaus van de klassen
plan-backtest-run = Run { $id }
plan-backtest-demand-csv = { $days } dagen uit een vraagbestand
plan-backtest-demand-sales = { $days } dagen uit je verkopen
plan-backtest-empty = Nog geen backtests. Start er hieronder een: die speelt je verkopen van de laatste dagen na onder je huidige niveaus en onder de regel die je kiest, en verandert live niets.
plan-backtest-col-run = Run
plan-backtest-col-started = Gestart
plan-backtest-col-candidate = Kandidaat
plan-backtest-col-demand = Vraag
plan-backtest-col-state = Status
plan-backtest-try = Een regel uitproberen
plan-backtest-rule = Regel om uit te proberen
plan-backtest-days = Na te spelen dagen ({ $min } tot { $max }; de { $history } dagen daarvoor zijn de historie waarmee elke regel begint)
plan-backtest-service-level = Eén serviceniveau voor elk artikel, procent (leeg: dat van elke klasse zelf)
plan-backtest-file = Of een vraagbestand in plaats van je verkopen (CSV: day,location,sku,quantity; dag als 2026-03-01; de eerste { $history } dagen zijn de historie)
plan-backtest-start = Backtest starten
plan-backtest-change-same = gelijk
plan-backtest-change-new = nieuw
plan-backtest-points = { $n } punten
plan-backtest-fig-fill-rate = Leveringsgraad (verkochte van gevraagde eenheden)
plan-backtest-fig-stockout-days = Tekortdagen per winkel en product
plan-backtest-fig-inventory-value = Gemiddelde voorraadwaarde
plan-backtest-fig-purchase-orders = Inkooporders
plan-backtest-fig-transfers = Overboekingen
plan-backtest-fig-approvals = Documenten die goedkeuring van een persoon nodig hebben
plan-backtest-caption = { $days } dagen, { $series } reeksen per winkel en product
plan-backtest-col-figure = Kengetal
plan-backtest-col-current = Huidige niveaus
plan-backtest-col-change = Verandering
plan-backtest-assumes = Wat de simulatie aanneemt
plan-backtest-progress = { $state }. Deze pagina laadt zichzelf opnieuw.
plan-backtest-all = Alle backtests
plan-backtest-title = Backtest { $id }
plan-backtest-summary-csv = { $candidate } tegenover je huidige niveaus, over { $days } dagen van een vraagbestand; gestart op { $started } door { $who }.
plan-backtest-summary-sales = { $candidate } tegenover je huidige niveaus, over { $days } dagen van je verkopen; gestart op { $started } door { $who }.

## De opmerkingen van een backtest over wat het naspelen aanneemt of weglaat (engine/src/backtest/replay.rs).
plan-backtest-note-stock-starts = De voorraad begint bij beide beleidsregels met wat er vandaag op voorraad is.
plan-backtest-note-no-promotions = Acties worden niet nagespeeld.
plan-backtest-note-demand-days = Er was vraag op { $selling } van de { $days } gelezen dagen ({ $history } dagen voorgeschiedenis, dan de nagespeelde dagen); een dag zonder vraag telt als een dag zonder verkoop.
plan-backtest-note-no-supplier = { $count ->
    [one] { $count } product zonder leverancier blijft buiten beschouwing.
   *[other] { $count } producten zonder leverancier blijven buiten beschouwing.
}
plan-backtest-note-dcs = { $count ->
    [one] { $count } distributiecentrum blijft buiten beschouwing: winkels kopen bij leveranciers en delen onderling.
   *[other] { $count } distributiecentra blijven buiten beschouwing: winkels kopen bij leveranciers en delen onderling.
}

## De audittrail.
plan-trail-heading = Audittrail
plan-trail-intro = Alles wat mensen, koppelingen en het systeem hier veranderden, nieuwste eerst, in woorden; open een record om het te zien zoals het bewaard wordt. Items die ontstonden terwijl je dienstverlener in dit portaal handelde, zijn gemarkeerd, met de persoon en de sessie.
plan-trail-was = was { $before }
plan-trail-actor = Actor
plan-trail-action = Actie
plan-trail-subject = Onderwerp
plan-trail-change = Wijziging
plan-trail-empty = Nog niets vastgelegd.
plan-trail-col-when = Wanneer
plan-trail-col-what = Wat er gebeurde
plan-trail-col-record = Record
plan-trail-older = Oudere items

## Aanvulbeleid.
plan-policy-error-method = Kies de methode: bestelpunt, min/max of prognose.
plan-policy-error-service-level = Het serviceniveau moet een percentage zijn zoals 95, of leeg.
plan-policy-whole-cover-days = Het aantal dekkingsdagen moet een heel getal zijn.
plan-policy-error-service-z = Serviceniveau z moet een getal zijn zoals 1.65.
plan-policy-error-lead-time = De levertijd moet een heel aantal dagen zijn, of leeg.
plan-policy-error-promotion = Actieregel { $line }: geef eerste dag, laatste dag en factor, bijv. 2026-12-01 2026-12-24 1.5.
plan-policy-whole-reorder-point = Het bestelpunt moet een heel getal zijn.
plan-policy-whole-order-up-to = Het aanvulniveau moet een heel getal zijn.
plan-policy-error-levels = Geef beide klasseniveaus op (bestelpunt en aanvulniveau), of laat beide leeg.
plan-policy-whole-dc-multiplier = De vermenigvuldiger voor het distributiecentrum moet een heel getal zijn.
plan-policy-whole-safety-stock = De veiligheidsvoorraad moet een heel getal zijn.
plan-policy-whole-case-pack = De verpakkingseenheid moet een heel getal zijn.
plan-policy-whole-moq = De minimale bestelhoeveelheid moet een heel getal zijn.
plan-policy-not-saved = Niet opgeslagen: { $reason }.
plan-policy-error-location = Kies een locatie van dit portaal, of alle locaties.
plan-policy-saved = Beleid opgeslagen; de posities die eronder vallen worden opnieuw gecontroleerd.
plan-policy-deleted = Beleid verwijderd; het eerstvolgende ruimere beleid geldt.
plan-policy-whole-sweep-hour = Het uur van de nachtelijke controle moet een heel getal zijn.
plan-policy-sweep-saved = Elke positie wordt nu 's nachts om { $hour }:00 UTC gecontroleerd.
plan-policy-error-mad = De MAD-vermenigvuldiger moet een getal zijn.
plan-policy-whole-min-units = De kleinste afwijkende verkoop moet een heel getal zijn.
plan-policy-whole-count-jump = De telsprong moet een heel getal zijn.
plan-policy-whole-count-min-units = De kleinste telsprong moet een heel getal zijn.
plan-policy-anomalies-saved = De controles op afwijkingen zijn opgeslagen.
plan-policy-levels-saved = Niveaus voor deze positie opgeslagen; beleid laat ze met rust. Ze wordt opnieuw gecontroleerd.
plan-policy-levels-cleared = Deze positie volgt weer de niveaus van haar beleid. Ze wordt opnieuw gecontroleerd.

## De goedkeuringsmatrix.
plan-matrix-error-window = Het inkoopordervenster moet een heel aantal minuten zijn.
plan-matrix-not-saved = De matrix is niet opgeslagen: { $reason }
plan-matrix-error-version = Het formulier mist de versie van de matrix; laad de pagina opnieuw.
plan-matrix-saved = Opgeslagen als versie { $version }.
plan-matrix-error-name = Geef de regel een naam (hoogstens 80 tekens).
plan-matrix-error-min-value = "Waarde vanaf" moet een bedrag zijn zoals 1500 of 1500.00.
plan-matrix-error-max-value = "Waarde tot" moet een bedrag zijn zoals 1500 of 1500.00.
plan-matrix-error-location = Kies een locatie uit de lijst.
plan-matrix-error-supplier = Kies een leverancier uit de lijst.
plan-matrix-error-step-role = Stap { $n }: kies een rol uit de lijst.
plan-matrix-error-step-hours = Stap { $n }: escaleer na 1 tot 720 uur.
plan-matrix-error-step-escalate = Stap { $n }: kies uit de lijst naar wie er wordt geëscaleerd.
plan-matrix-error-no-steps = Geef minstens één goedkeuringsstap op, of kies voor automatisch goedkeuren.
plan-matrix-error-outcome = Kies wat de regel doet: goedkeuringsstappen of automatische goedkeuring.
plan-matrix-error-doc-type = Kies het documenttype uit de lijst.
plan-matrix-rule-not-added = De regel is niet toegevoegd: { $reason }
plan-matrix-rule-added = Regel "{ $name }" toegevoegd (versie { $version }).
plan-matrix-error-missing-rule = Het formulier mist de regel of de versie van de matrix; laad de pagina opnieuw.
plan-matrix-unknown-change = Onbekende wijziging.
plan-matrix-rule-moved-up = Regel { $n } omhoog verplaatst (versie { $version }).
plan-matrix-rule-moved-down = Regel { $n } omlaag verplaatst (versie { $version }).
plan-matrix-rule-deleted = Regel { $n } verwijderd (versie { $version }).
plan-matrix-nothing-changed = Er is niets gewijzigd: { $reason }

## De goedkeuringsinbox.
plan-doc-transfer = Overboeking { $id }
plan-doc-purchase-order = Inkooporder { $id }
plan-approvals-error-doc = Het formulier zei niet over welk document besloten moet worden.
plan-approvals-error-decision = Kies Goedkeuren of Afwijzen.
plan-approvals-next-step = { $doc } goedgekeurd; het wacht nu op de volgende stap.
plan-approvals-approved = { $doc } goedgekeurd.
plan-approvals-rejected = { $doc } afgewezen.
plan-approvals-error-none = Selecteer minstens één item om goed te keuren.
plan-approvals-error-too-many = Keur hoogstens 100 items tegelijk goed.
plan-approvals-refused-item = { $doc }: { $reason }
plan-approvals-approved-n = { $n } goedgekeurd.
plan-approvals-approved-some = { $n } goedgekeurd; niet goedgekeurd: { $refused }
plan-approvals-error-stand-in = Kies wie je vervangt.
plan-approvals-error-role = Kies de rol die je overdraagt.
plan-approvals-error-days = Geef de eerste en de laatste dag als datum op (JJJJ-MM-DD).
plan-approvals-stand-in-set = Je vervanger is ingesteld van { $first } tot { $last }.
plan-approvals-stand-in-ended = Je vervanging is beëindigd.

## De statussen van een document, zoals een melding ze noemt.
plan-state-proposed = voorgesteld
plan-state-draft = concept
plan-state-pending-approval = wacht op goedkeuring
plan-state-approved = goedgekeurd
plan-state-sent = verzonden
plan-state-acknowledged = bevestigd
plan-state-backordered = in backorder
plan-state-change-proposed = wijziging voorgesteld
plan-state-change-approval = wijziging wacht op goedkeuring
plan-state-shipped = verstuurd
plan-state-partly-received = gedeeltelijk ontvangen
plan-state-received = ontvangen
plan-state-closed = gesloten
plan-state-declined = door de leverancier geweigerd
plan-state-rejected = afgewezen
plan-state-cancelled = geannuleerd

## De opdrachten op een documentpagina.
plan-documents-error-quantity = De hoeveelheid moet een heel getal zijn (minstens 1; 0 mag alleen bij ontvangst).
plan-documents-error-ship = De te verzenden hoeveelheid moet minstens 1 zijn.
plan-documents-error-receive = De ontvangen hoeveelheid mag niet negatief zijn.
plan-documents-error-edit = De nieuwe hoeveelheid moet minstens 1 zijn.
plan-documents-error-confirm-cancel-transfer = Vink "Ik weet het zeker" aan om de overboeking te annuleren.
plan-documents-unknown-command = Onbekende opdracht.
plan-documents-transfer-now = Overboeking { $id } is nu { $state }.
plan-documents-error-confirm-cancel-order = Vink "Ik weet het zeker" aan om de inkooporder te annuleren.
plan-documents-error-confirm-close = Vink "De rest komt niet" aan om de order te sluiten.
plan-documents-order-now = Inkooporder { $id } is nu { $state }.
plan-documents-no-links = Er waren geen geldige links om in te trekken.
plan-documents-links-withdrawn = { $n ->
    [one] { $n } link ingetrokken: die opent de order niet meer.
   *[other] { $n } links ingetrokken: die openen de order niet meer.
}
plan-documents-resent = Opnieuw naar de leverancier gestuurd, met een nieuwe link.
plan-documents-message-sent = Bericht naar de leverancier gestuurd.

## De uitzonderingenlijst.
plan-exceptions-error-assignee = Kies aan wie je ze toewijst.
plan-exceptions-error-action = Kies wat er met de geselecteerde uitzonderingen moet gebeuren.
plan-exceptions-updated = { $n } van { $total } bijgewerkt.

## Wijzigingen in een verzonden order, verzendberichten en ontvangsten.
plan-changes-error-quantity = De hoeveelheid van regel { $line } moet een heel getal zijn.
plan-changes-error-price = De stukprijs van regel { $line } moet een bedrag zijn zoals 12.50.
plan-changes-error-ships-on = De eigen leverdatum van regel { $line } moet een datum zijn, zoals 2026-12-24.
plan-changes-error-delivery-date = De leverdatum moet een datum zijn, zoals 2026-12-24.
plan-changes-error-answer = Kies of je de wijziging accepteert of weigert.
plan-changes-error-units = De eenheden van regel { $line } moeten een heel getal zijn.
plan-changes-error-expected-delivery = De verwachte levering moet een datum zijn, zoals 2026-12-24.
plan-changes-error-damaged = De beschadigde eenheden van regel { $line } moeten een heel getal zijn.
plan-changes-error-received = De ontvangen eenheden van regel { $line } moeten een heel getal zijn.
plan-changes-proposed-supplier = Je wijziging is voorgesteld. De koper is op de hoogte gebracht.
plan-changes-done = Klaar: de order is nu { $state }.
plan-changes-ship-notice = Verzendbericht { $id } verstuurd. De koper is op de hoogte gebracht.
plan-changes-proposed-buyer = Wijziging voorgesteld: de order is nu { $state }.
plan-changes-received = Ontvangst vastgelegd: de order is nu { $state }.
