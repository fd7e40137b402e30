# The retailer's staff pages: home, inventory, approvals, documents, exceptions, jobs,
# and a sent order's changes and ship notices.

## Home
staff-home-clients = Je klanten
staff-home-partners-tenants = Partners en tenants
staff-home-members = Leden
staff-home-branding = Huisstijl
staff-home-audit-trail = Auditlog
staff-home-welcome = Welkom terug, { $name }.
staff-home-locations = locaties
staff-home-products = producten
staff-home-low-positions = posities op of onder het bestelpunt

## Background jobs
staff-jobs-heading = Achtergrondtaken
staff-jobs-dead-letters = Opgegeven taken
staff-jobs-none-dead = Geen enkele taak is opgegeven.
staff-jobs-attempts = { $count ->
    [one] { $count } poging
   *[other] { $count } pogingen
}
staff-jobs-replay = Opnieuw uitvoeren
staff-job-state-available = klaar
staff-job-state-scheduled = gepland
staff-job-state-running = bezig
staff-job-state-retryable = wordt opnieuw geprobeerd
staff-job-state-completed = voltooid
staff-job-state-discarded = opgegeven
staff-job-state-cancelled = geannuleerd

## Inventory
staff-inventory-heading = Voorraad
staff-inventory-search = Zoek op SKU of naam
staff-inventory-search-example = bijv. haver of GRO-0042
staff-inventory-location = Locatie
staff-inventory-all-locations = Alle locaties
staff-inventory-class = Klasse
staff-inventory-all-classes = Alle klassen
staff-inventory-low-only = Alleen lage voorraad
staff-inventory-apply = Toepassen
staff-inventory-clear = Wissen
staff-inventory-empty = Geen voorraadposities voldoen aan deze filters.
staff-inventory-col-sku = SKU
staff-inventory-col-product = Product
staff-inventory-col-on-hand = Voorraad
staff-inventory-col-in-transit = Onderweg
staff-inventory-col-on-order = Besteld
staff-inventory-col-waiting = Wachtend
staff-inventory-col-waiting-title = Klanten die wachten op een e-mail dat het weer op voorraad is
staff-inventory-reorder-point = Bestelpunt
staff-inventory-order-up-to = Aanvullen tot
staff-inventory-col-forecast = Prognose, 7 dagen
staff-inventory-col-forecast-title = Verwachte eenheden in de komende 7 dagen, de methode die ze voorspelt en haar foutmarge
staff-inventory-col-levels-from = Niveaus uit
staff-inventory-col-status = Status
staff-inventory-forecast-range = 80%-bereik { $range } eenheden
staff-inventory-forecast-none = nog niet
staff-inventory-low = Laag
staff-inventory-ok = OK
staff-inventory-pages = Pagina's
staff-inventory-previous = ← Vorige
staff-inventory-page = Pagina { $page }
staff-inventory-next = Volgende →
staff-inventory-set-levels-for = Niveaus instellen voor { $sku } in { $location }
staff-inventory-set = Instellen…
staff-inventory-save-levels = Opslaan voor deze positie
staff-inventory-use-policy = Niveaus van de bestelregel gebruiken
# Where a position's levels came from.
staff-levels-policy = bestelregel van de klasse
staff-levels-override = ingesteld voor deze positie
staff-levels-event = niet ingesteld (nieuwe positie, geen klasseniveaus)
staff-levels-kept = overgenomen uit een eerdere bestelregel
staff-levels-setup = inrichting van de tenant

## Roles

## Approvals inbox
staff-approvals-heading = Goedkeuringen
staff-approvals-empty = Er wacht niets op je beslissing.
staff-approvals-waiting-count = { $count ->
    [one] { $count } wacht op je, oudste eerst.
   *[other] { $count } wachten op je, oudste eerst.
}
staff-approvals-approve-selected = Selectie goedkeuren
staff-approvals-others = { $count ->
    [one] Nog { $count } wacht op andere rollen.
   *[other] Nog { $count } wachten op andere rollen.
}
staff-approvals-select = Selecteren voor goedkeuring in één keer
staff-approvals-waiting-for = wacht al { $time }
staff-approvals-rule = regel: { $rule }
staff-approvals-escalated = Geëscaleerd
staff-approvals-overdue = Te laat
staff-approvals-numbers = De cijfers achter het voorstel
staff-approvals-own = Je hebt dit aangevraagd of gewijzigd, dus iemand anders moet erover beslissen.
staff-approvals-comment = Opmerking (verplicht bij afwijzen)
staff-approvals-approve = Goedkeuren
staff-approvals-reject = Afwijzen
staff-approvals-step = Stap { $step } van { $total } · { $role }
staff-approvals-step-delegated = Stap { $step } van { $total } · { $role } (aan jou gedelegeerd)
staff-approvals-line = { $quantity } à { $price }
staff-approvals-more-lines = { $count ->
    [one] nog { $count } regel
   *[other] nog { $count } regels
}
staff-approvals-po-title = Inkooporder { $id } aan { $supplier } { $count ->
    [one] ({ $count } regel)
   *[other] ({ $count } regels)
}
staff-approvals-change-title = Wijziging van inkooporder { $id } aan { $supplier }
staff-approvals-change-reason-supplier = De leverancier stelt een wijziging voor die de order van { $from } naar { $to } brengt, geleverd op { $day }.
staff-approvals-change-reason-buyer = De inkoper stelt een wijziging voor die de order van { $from } naar { $to } brengt, geleverd op { $day }.
staff-approvals-change-note = Opmerking: ‘{ $note }’
staff-approvals-changed-line = { $quantity } à { $price } → { $newquantity } à { $newprice }

## Away: stand-ins
staff-away-heading = Afwezig?
staff-away-intro = Geef je rol voor een periode aan een collega: die kan beslissen over wat erop wacht, behalve wat jij hebt aangevraagd of gewijzigd, en krijgt de e-mails ervan. Dagen zijn in UTC.
staff-away-nobody = Niemand vervangt je.
# After the stand-in's name.
staff-away-stands-in = vervangt je als { $role } van { $from } tot en met { $to }
staff-away-now = Nu
staff-away-end-now = Nu beëindigen
staff-away-cancel = Annuleren
staff-away-stand-in = Vervanger
staff-away-role = Rol
staff-away-first-day = Eerste dag
staff-away-last-day = Laatste dag
staff-away-hand-over = Overdragen

## Facts about a document
staff-fact-product = Product
staff-fact-quantity = Aantal
staff-fact-from = Van
staff-fact-to = Naar
staff-fact-value = Waarde
staff-fact-shipped = Verzonden
staff-fact-received = Ontvangen
staff-fact-supplier = Leverancier
staff-fact-ship-to = Leveren aan
staff-fact-window-closes = Venster sluit
staff-fact-sent = Verstuurd
staff-fact-promised-for = Levering toegezegd voor
staff-fact-supplier-note = Opmerking van de leverancier

## Documents
staff-docs-transfers = Overboekingen
staff-docs-no-transfers = Nog geen overboekingen. Ze verschijnen wanneer een winkel onder zijn bestelpunt zakt en een andere locatie voorraad kan missen.
staff-docs-orders = Inkooporders
staff-docs-no-orders = Nog geen inkooporders.
staff-docs-col-document = Document
staff-docs-col-state = Status
staff-docs-col-value = Waarde
staff-docs-col-updated = Bijgewerkt
staff-docs-transfer-row = Overboeking { $id }: { $quantity } × { $product } → { $to }
staff-docs-po-row = Inkooporder { $id } aan { $supplier } voor { $location }
staff-doc-transfer-title = Overboeking { $id }: { $quantity } × { $product }
staff-doc-po-title = Inkooporder { $id } aan { $supplier }
staff-doc-line-backordered = { $article } (in backorder: levering { $day })
staff-doc-any-moment = elk moment
staff-doc-promised-revised = { $day } ({ $revised }; eerst toegezegd voor { $first })
staff-doc-revised-times = { $count ->
    [one] { $count } keer gewijzigd
   *[other] { $count } keer gewijzigd
}
staff-doc-step = Ronde { $round } · stap { $step } · { $role }
staff-doc-step-escalated = Ronde { $round } · stap { $step } · { $role } (geëscaleerd)
staff-doc-back = ← Documenten
staff-doc-pending-decision = Wacht in de goedkeuringsinbox
staff-doc-col-product = Product
staff-doc-col-quantity = Aantal
staff-doc-col-unit-cost = Stukprijs
staff-doc-col-line-value = Regelwaarde
staff-doc-col-why = Waarom
staff-doc-shipped-quantity = Verzonden aantal
staff-doc-mark-shipped = Markeren als verzonden
staff-doc-received-quantity = Ontvangen aantal
staff-doc-mark-received = Markeren als ontvangen
staff-doc-new-quantity = Nieuw aantal
staff-doc-change-quantity = Aantal wijzigen
staff-doc-change-quantity-hint = Een wijziging stuurt hem terug voor goedkeuring.
staff-doc-sure = Ik weet het zeker
staff-doc-cancel-order = Inkooporder annuleren
staff-doc-cancel-transfer = Overboeking annuleren
staff-doc-rest-not-coming = De rest komt niet meer
staff-doc-close-order = De order afsluiten
staff-doc-resend = Opnieuw naar de leverancier sturen
staff-doc-resend-hint = Met een nieuwe link, 30 dagen geldig.
staff-doc-revoke = Links van de leverancier intrekken
staff-doc-revoke-hint = De links in de e-mail van de order werken niet meer.
staff-doc-approval = Goedkeuring
staff-doc-no-steps = Geen goedkeuringsstappen: automatisch goedgekeurd of nog niet doorgestuurd.
staff-doc-history = Geschiedenis
staff-doc-record = Record #{ $seq }
staff-doc-actor = Actor
staff-doc-action = Actie
staff-doc-change = Wijziging
# A transfer's or purchase order's state.
staff-state-proposed = voorgesteld
staff-state-draft = concept
staff-state-pending-approval = wacht op goedkeuring
staff-state-approved = goedgekeurd
staff-state-sent = verstuurd
staff-state-acknowledged = bevestigd
staff-state-backordered = in backorder
staff-state-change-proposed = wijziging voorgesteld
staff-state-change-approval = wijziging wacht op goedkeuring
staff-state-shipped = verzonden
staff-state-partly-received = deels ontvangen
staff-state-received = ontvangen
staff-state-closed = afgesloten
staff-state-declined = door leverancier geweigerd
staff-state-rejected = afgewezen
staff-state-cancelled = geannuleerd
# An approval step's state.
staff-step-state-waiting = wacht
staff-step-state-pending = open
staff-step-state-approved = goedgekeurd
staff-step-state-rejected = afgewezen
staff-step-state-withdrawn = ingetrokken

## Exceptions
staff-exceptions-heading = Uitzonderingen
staff-exceptions-open = Open
staff-exceptions-resolved = Opgelost
staff-exceptions-by-severity = Gesorteerd op ernst, escalatie en leeftijd.
staff-exceptions-rank-lost-sales = Rangschikken op verwachte gemiste omzet
staff-exceptions-by-lost-sales = Gerangschikt op verwachte gemiste omzet (tekort in eenheden tot aanvulling kan aankomen × marge), daarna op ernst en leeftijd.
staff-exceptions-order-severity = In plaats daarvan sorteren op ernst
staff-exceptions-none-resolved = Nog niets opgelost.
staff-exceptions-none-open = Geen open uitzonderingen. Voorraad, goedkeuringen en taken zijn allemaal in orde.
staff-exceptions-with-selected = Met de selectie:
staff-exceptions-assign-me = Aan mij toewijzen
staff-exceptions-assign = Toewijzen aan…
staff-exceptions-unassign = Toewijzing opheffen
staff-exceptions-comment = Opmerking plaatsen
staff-exceptions-resolve = Oplossen
staff-exceptions-confirm = De gebeurtenis bevestigen (anomalieën)
staff-exceptions-reject = De gebeurtenis afwijzen en terugdraaien (anomalieën)
staff-exceptions-assignee = Toegewezen aan
staff-exceptions-text = Opmerking of oplossing
staff-exceptions-apply = Toepassen
staff-exceptions-select = Selecteren
staff-exceptions-at-risk = { $amount } verwachte gemiste omzet
staff-exceptions-anomaly-hint = De overboekingen en orders van deze positie wachten: selecteer haar en kies ‘De gebeurtenis bevestigen’ als die klopte, of ‘De gebeurtenis afwijzen en terugdraaien’ als die niet klopte.
staff-exceptions-meta = { $kind } · leeftijd { $age } · eigenaar: { $owner }
staff-exceptions-nobody = niemand
staff-exceptions-escalated = Geëscaleerd
staff-exceptions-resolution = Opgelost: { $text }
staff-exception-kind-stockout = uitverkocht
staff-exception-kind-no-cover = geen dekking
staff-exception-kind-stale-approval = vastgelopen goedkeuring
staff-exception-kind-supplier-late = leverancier te laat
staff-exception-kind-receipt-mismatch = afwijking bij ontvangst
staff-exception-kind-anomaly = anomalie
staff-exception-kind-dead-job = opgegeven taak
staff-severity-critical = kritiek
staff-severity-high = hoog
staff-severity-medium = gemiddeld
staff-severity-low = laag

## A sent order's changes and ship notices (buyer's and supplier's page)
staff-changes-heading = Wijzigingen en leveringen
staff-changes-counter = Reageren met een eigen wijziging
staff-changes-propose-supplier = Een wijziging voorstellen (aantal, prijs of datum)
staff-changes-propose-buyer = De order wijzigen
staff-changes-col-article = Artikel
staff-changes-col-as-ordered = Zoals besteld
staff-changes-col-proposed = Voorgesteld
staff-changes-accept = De wijziging accepteren
staff-changes-refuse-reason = Of weiger haar en zeg waarom
staff-changes-refuse = De wijziging weigeren
staff-changes-delivery-date = Leverdatum
staff-changes-note = Opmerking voor de andere partij (optioneel)
staff-changes-propose = De wijziging voorstellen
staff-changes-propose-hint = Een aantal van 0 schrapt de regel; een latere eigen datum van een regel zet die in backorder. Een wijziging die de order duurder maakt, keurt de retailer goed voordat ze geldt.
staff-changes-ship-notice = Een verzendbericht sturen
staff-changes-col-not-shipped = Nog niet verzonden
staff-changes-col-this-delivery = In deze levering
staff-changes-units-delivery = Eenheden van { $article } in deze levering
staff-changes-carrier = Vervoerder
staff-changes-tracking-number = Trackingnummer
staff-changes-expected-delivery = Verwachte levering
staff-changes-send-notice = Het verzendbericht sturen
staff-changes-in-transit = onderweg
staff-changes-received-badge = ontvangen
staff-changes-col-shipped = Verzonden
staff-changes-col-received = Ontvangen
staff-changes-col-damaged = Waarvan beschadigd
staff-changes-units-received = Ontvangen eenheden van { $article }
staff-changes-units-damaged = Beschadigde eenheden van { $article }
staff-changes-record-receipt = De ontvangst vastleggen
staff-changes-earlier = Eerdere wijzigingen
staff-changes-col-quantity = Aantal
staff-changes-col-unit-price = Stukprijs
staff-changes-col-own-date = Eigen datum, indien later
staff-changes-quantity-of = Aantal van { $article }
staff-changes-price-of = Stukprijs van { $article }
staff-changes-date-of = Eigen leverdatum van { $article } (de regel in backorder zetten)
staff-changes-line = regel { $line }
staff-changes-dropped = geschrapt
staff-changes-proposed-dated = { $quantity } × { $price }, geleverd { $day }
staff-changes-fact-delivery-date = Leverdatum
staff-changes-fact-value = Orderwaarde met de wijziging
staff-changes-fact-note = Opmerking
staff-changes-fact-now = Nu
staff-changes-awaiting-approval = wacht op goedkeuring door de inkoper
staff-changes-proposed-you = Je hebt deze wijziging voorgesteld op { $day }
staff-changes-proposed-supplier = De leverancier heeft deze wijziging voorgesteld op { $day }
staff-changes-proposed-buyer = De inkoper heeft deze wijziging voorgesteld op { $day }
staff-changes-history-you = Je hebt op { $day } een wijziging voorgesteld ({ $value }): { $outcome }
staff-changes-history-supplier = De leverancier heeft op { $day } een wijziging voorgesteld ({ $value }): { $outcome }
staff-changes-history-buyer = De inkoper heeft op { $day } een wijziging voorgesteld ({ $value }): { $outcome }
staff-changes-history-you-note = Je hebt op { $day } een wijziging voorgesteld ({ $value }): { $outcome }: ‘{ $note }’
staff-changes-history-supplier-note = De leverancier heeft op { $day } een wijziging voorgesteld ({ $value }): { $outcome }: ‘{ $note }’
staff-changes-history-buyer-note = De inkoper heeft op { $day } een wijziging voorgesteld ({ $value }): { $outcome }: ‘{ $note }’
# How a change ended.
staff-change-state-accepted = geaccepteerd
staff-change-state-rejected = geweigerd
staff-change-state-superseded = vervangen
staff-change-state-not-approved = niet goedgekeurd
staff-change-state-cancelled = geannuleerd
staff-changes-fact-expected = Verwacht
staff-changes-fact-carrier = Vervoerder
staff-changes-fact-tracking = Tracking
staff-changes-fact-received = Ontvangen
staff-changes-notice-heading = Verzendbericht { $id } van { $day }
staff-changes-received-damaged = { $received } ({ $damaged } beschadigd)
