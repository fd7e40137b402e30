# Waarom de engine een aanvulling voorstelt, vastgelegd bij het voorstel en de
# overboekingen en orderregels die eruit voortkomen (engine/src/policy/reason.rs), één
# bericht per zin.

## De grenzen van een regel op basis van de prognose; $method is een van de reason-method-berichten.
reason-forecast = Prognose ({ $method }): { $demand } stuks in de levertijd van { $lead_days } { $lead_days ->
        [one] dag
       *[other] dagen
    }, ± { $sd }, dus een veiligheidsvoorraad van { $safety } voor { $service } % servicegraad, en { $cover } stuks { $cover_days ->
        [one] op de dag
       *[other] in de { $cover_days } dagen
    } daarna.
reason-forecast-spread = Prognose ({ $method }): { $demand } stuks in de levertijd van { $lead_days } { $lead_days ->
        [one] dag
       *[other] dagen
    }, ± { $sd }, dus een veiligheidsvoorraad van { $safety } voor { $service } % servicegraad (servicegraad van de productgroep { $class_level } %, naar waarde verdeeld: { $value } per dag tegen kostprijs tegenover { $class_value } gemiddeld in de productgroep), en { $cover } stuks { $cover_days ->
        [one] op de dag
       *[other] in de { $cover_days } dagen
    } daarna.
reason-forecast-cycle = Ongeveer { $per_week } bestellingen per week: { $service } % per bestelling komt neer op { $week } % per week.
reason-forecast-offset = Late en vroege leveringen van de onderweg zijnde bestellingen heffen elkaar deels op; de spreiding van de levertijd telt daardoor minder.

## De voorraadpositie tegenover het bestelpunt. $uplift en $waiting zijn leeg of een
## van de bijzinnen hieronder (elk begint met een komma).
reason-stock-below = Voorraadpositie { $position } (op voorraad { $on_hand }, onderweg { $in_transit }, besteld { $on_order }) ligt onder het bestelpunt { $reorder_point }; aanvullen tot { $target }{ $uplift }{ $waiting } ({ $quantity } stuks in verpakkingseenheden van { $pack }).
reason-stock-at = Voorraadpositie { $position } (op voorraad { $on_hand }, onderweg { $in_transit }, besteld { $on_order }) ligt op het bestelpunt { $reorder_point }; aanvullen tot { $target }{ $uplift }{ $waiting } ({ $quantity } stuks in verpakkingseenheden van { $pack }).
reason-uplift = , met een actie-opslag van ×{ $uplift }
reason-waiting = , inclusief { $units } stuks vraag van klanten die op het artikel wachten

## Hoe de behoefte wordt gedekt.
reason-transfer = Gedekt door een overboeking van { $quantity } vanaf een locatie die boven haar eigen bestelpunt blijft.
reason-transfer-and-buy = Gedekt door een overboeking van { $quantity } vanaf een locatie die boven haar eigen bestelpunt blijft; nog { $bought } worden ingekocht.
reason-bought-rest = Een overboeking dekt { $transferred }; de overige { $bought } worden ingekocht.
reason-bought-all = Geen andere locatie kan iets missen, dus alles wordt ingekocht.
reason-lead-time-measured = Levertijd { $days } { $days ->
        [one] dag
       *[other] dagen
    }, gemeten over de laatste { $deliveries } { $deliveries ->
        [one] levering
       *[other] leveringen
    } van de leverancier.

## Hoe zeker de assistent is van de hoeveelheid; $reason is een van de zinnen erna.
reason-confidence = Zekerheid { $pct } %: { $reason }
reason-confidence-no-forecast = Voor deze positie is er nog geen prognose, dus de hoeveelheid berust alleen op recente gemiddelden.
reason-confidence-fell-back = De prognose is teruggevallen op een gemiddelde: { $note }.
reason-confidence-flat = De verkoop veranderde niet over { $days } dagen verkoopgegevens.
reason-confidence-unmeasured = De fout van de prognose kon niet worden gemeten.
reason-confidence-mase = De fout van de prognose ({ $method }) buiten de steekproef is { $mase } van die van een naïeve prognose (MASE), over { $days } dagen verkoopgegevens.
reason-confidence-mase-short = De fout van de prognose ({ $method }) buiten de steekproef is { $mase } van die van een naïeve prognose (MASE), over { $days } dagen verkoopgegevens (minder dan { $full } dagen, wat de zekerheid verlaagt).

## Prognosemethoden, en waarom een prognose terugviel op het gemiddelde.
reason-method-croston = Croston
reason-method-sba = SBA (Croston, gecorrigeerd voor vertekening)
reason-method-tsb = TSB
reason-method-ets = ETS
reason-method-mstl = MSTL (wekelijks)
reason-method-average = gemiddelde
reason-method-mase = { $method } · MASE { $mase }
reason-method-fell-back = { $method }: { $note }
reason-note-no-sales = geen verkoop in { $days } { $days ->
        [one] dag
       *[other] dagen
    }
reason-note-short = slechts { $days } { $days ->
        [one] dag
       *[other] dagen
    } verkoopgegevens (een prognose heeft er { $needed } nodig): het gemiddelde
reason-note-no-fit = geen methode paste bij deze verkoopgegevens: het gemiddelde
reason-note-failed = de prognose liep vast op deze verkoopgegevens: het gemiddelde

## Tekst waarvoor deze berichten geen woorden hebben, zoals de engine hem schreef (Engels).
reason-as-written = { $text }

## Waarom de assistent een voorstel naar mensen stuurde in plaats van het goed te
## keuren: de grenzen die het overschreed, opgesomd na ‘Naar mensen gestuurd:’.
reason-refer-value = de waarde klopt niet
reason-refer-document = waarde { $value }, meer dan de { $most } die één document mag hebben
reason-refer-day = met de vandaag al goedgekeurde { $today } zou de { $most } per dag worden overschreden
reason-refer-confidence = zekerheid { $pct } %, onder de vereiste { $least } %
reason-refer-no-class = geen productgroep
reason-refer-class = productgroep { $class } mag de assistent niet goedkeuren
reason-refer-supplier = bij deze leverancier mag de assistent niet zelf bestellen
