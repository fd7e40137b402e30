# De instellingenpagina's van de beheerder: bestelregels, goedkeuringsmatrix, leden,
# leverancierstoegang, weer op voorraad, koppelingen, webhooks, import en export.

# Gedeelde woorden.
admin-actions = Acties
admin-edit = Bewerken
admin-delete = Verwijderen
admin-delete-ellipsis = Verwijderen…
admin-save = Opslaan
admin-any = Alle
admin-name = Naam
admin-email = E-mail
admin-role = Rol
admin-location = Locatie
admin-supplier = Leverancier
admin-product-class = Productgroep
admin-status = Status
admin-status-label = Status:
admin-made = Aangemaakt
admin-invite-heading = Iemand uitnodigen
admin-send-invitation = Uitnodiging versturen
admin-invited = Uitgenodigd
admin-withdraw-ellipsis = Intrekken…
admin-withdraw-invitation = Deze uitnodiging intrekken
admin-never = nooit
admin-every-class = Alle productgroepen
admin-every-location = Alle locaties
admin-location-id = locatie { $id }

# Rollen, zoals je ze in een zin leest.

# Bestelregels.
admin-policies-heading = Bestelregels
admin-policies-intro = Een positie gebruikt de meest specifieke regel: haar productgroep op haar locatie, dan haar productgroep, dan alle productgroepen op haar locatie, dan alle productgroepen. Een regel kan de niveaus van haar productgroep bevatten (bestelpunt en aanvullen tot); posities nemen die over, tenzij een planner op de voorraadpagina eigen niveaus voor de positie heeft ingesteld.
admin-policies-empty = Nog geen regels: elke positie gebruikt de standaardwaarden (bestelpunt, geen veiligheidsvoorraad, verpakkingseenheid 1).
admin-policies-col-class = Productgroep
admin-policies-col-settings = Instellingen
admin-policies-col-changed = Gewijzigd
admin-policies-delete-note = Dan geldt de eerstvolgende algemenere regel.
admin-policies-delete = Deze regel verwijderen
admin-policies-change = Een regel wijzigen
admin-policies-add = Een regel toevoegen of vervangen
admin-policies-form-intro = Als je een productgroep en locatie opslaat die al een regel hebben, wordt die vervangen. Elke positie die eronder valt, wordt meteen opnieuw gecontroleerd.
admin-policies-method = Methode
admin-policies-method-reorder-point = Bestelpunt: bestellen bij of onder het bestelpunt
admin-policies-method-min-max = Min/max: bestellen onder het minimum
admin-policies-method-forecast = Prognose: niveaus uit de vraagprognose van elke positie
admin-policies-service-level = Serviceniveau (%, leeg: uit z hieronder)
admin-policies-cover-days = Dekkingsdagen (prognose: vraag die het aanvullen-tot toevoegt; een korte dekking houdt minder voorraad en, met de bestelfrequentie meegeteld, nauwelijks meer uitverkoopdagen, ten koste van meer en kleinere documenten)
admin-policies-spread-service = Prognose: serviceniveau spreiden naar waarde (goedkope, langzame lopers krijgen meer, dure snelle minder; de productgroep houdt gemiddeld haar niveau)
admin-policies-order-cycle = Prognose: bestelfrequentie meetellen (een positie die vaker dan wekelijks besteld wordt leest het serviceniveau als een wekelijks niveau en verdeelt haar kans op uitverkoop over haar bestellingen, en late en vroege leveringen van haar bestellingen heffen elkaar deels op; alleen voor leveranciers bij wie elke bestelling los van de andere te laat of te vroeg komt, niet voor een die wekenlang achterloopt)
admin-policies-compute-rop = Het bestelpunt berekenen uit de vraag tijdens de levertijd en de veiligheidsvoorraad (vanaf 14 dagen verkoop)
admin-policies-safety-stock = Veiligheidsvoorraad (eenheden, gebruikt zonder voldoende historie)
admin-policies-service-z = Serviceniveau z (bijv. 1,65 voor 95 %)
admin-policies-lead-time = Levertijd (dagen; leeg: die van de leverancier)
admin-policies-class-rop = Bestelpunt van de productgroep (leeg: posities houden hun eigen)
admin-policies-class-out = Aanvullen-tot-niveau van de productgroep
admin-policies-dc-multiplier = In distributiecentra niveaus maal
admin-policies-case-pack = Verpakkingseenheid (eenheden per doos)
admin-policies-moq = Minimale bestelhoeveelheid
admin-policies-promotions = Acties: één per regel, eerste dag, laatste dag en vraagfactor (bijv. { $example } voor +50 %)
admin-policies-save = Regel opslaan
admin-policies-add-new = In plaats daarvan een nieuwe toevoegen
admin-policies-nightly-heading = Nachtelijke controle
admin-policies-nightly-intro = Elke positie wordt één keer per nacht tegen haar regel gecontroleerd, naast na elke voorraadgebeurtenis, zodat een gemiste gebeurtenis een lage positie nooit onopgemerkt laat. Alleen posities die het nodig hebben, zetten iets in gang.
admin-policies-hour = Uur (UTC)
admin-policies-runs-at = Draait om { $time } UTC.
admin-policies-anomalies-heading = Afwijkingscontroles
admin-policies-anomalies-intro = Een binnenkomende verkoop ver boven de gebruikelijke verkoopdag van haar reeks (mediaan plus een veelvoud van de mediane absolute afwijking), een telling ver van de boekvoorraad, of een verkoop waar het artikel nooit verkoopt, wordt vastgelegd en op de voorraad geboekt, maar de overboekingen en bestellingen van de positie wachten tot een planner haar bevestigt in de uitzonderingenlijst.
admin-policies-anomalies-legend = Drempels voor afwijkingen
admin-policies-anomalies-enabled = Binnenkomende gebeurtenissen controleren
admin-policies-mad-k = MAD-factor (2–100)
admin-policies-min-units = Kleinste afwijkende verkoop (eenheden)
admin-policies-count-jump = Telsprong (% van de boekvoorraad)
admin-policies-count-min-units = Kleinste telsprong (eenheden)
admin-policies-new-location = Een verkoop markeren waar het artikel 16 weken niet is verkocht
admin-policies-save-checks = Controles opslaan

# De instellingen van een regel op één regel.
admin-policy-reorder-point = bestelpunt
admin-policy-min-max = min/max
admin-policy-forecast = prognose, { $days } dagen dekking
admin-policy-service = { $level } % service
admin-policy-spread = service gespreid naar waarde
admin-policy-order-cycle = bestelfrequentie meegeteld
admin-policy-computed = berekend uit de vraag (z { $z })
admin-policy-safety-stock = veiligheidsvoorraad { $units }
admin-policy-lead-time = levertijd { $days } d
admin-policy-supplier-lead-time = levertijd van de leverancier
admin-policy-levels = niveaus { $rop } / { $out }
admin-policy-levels-dc = niveaus { $rop } / { $out } (× { $factor } in distributiecentra)
admin-policy-own-levels = eigen niveaus van de posities
admin-policy-case-pack = verpakkingseenheid { $units }
admin-policy-moq = MOQ { $units }
admin-policy-promotions = { $n ->
    [one] { $n } actie
   *[other] { $n } acties
}

# De goedkeuringsmatrix.
admin-matrix-heading = Goedkeuringsmatrix
admin-matrix-intro = Regels worden van boven naar beneden gecontroleerd; de eerste die bij een document past, beslist. Niets boven { $limit } wordt ooit automatisch goedgekeurd. Als geen regel past: { $steps }.
admin-matrix-empty = Geen regels: elk document gaat naar de standaardstappen.
admin-matrix-col-number = Nr.
admin-matrix-col-rule = Regel
admin-matrix-col-when = Als
admin-matrix-then = Dan
admin-matrix-move-up = Regel { $n } omhoog verplaatsen
admin-matrix-up = ↑ Omhoog
admin-matrix-move-down = Regel { $n } omlaag verplaatsen
admin-matrix-down = ↓ Omlaag
admin-matrix-delete = Deze regel verwijderen
admin-matrix-add-heading = Een regel toevoegen
admin-matrix-add-intro = Laat een voorwaarde leeg om alles te laten passen. De regel wordt als laatste toegevoegd; verplaats haar omhoog om haar voorrang te geven. Bedragen in { $currency }.
admin-matrix-document = Document
admin-matrix-doc-transfers = Overboekingen
admin-matrix-doc-purchase-orders = Inkooporders
admin-matrix-value-from = Waarde vanaf
admin-matrix-value-up-to = Waarde tot en met
admin-matrix-example = bijv. { $amount }
admin-matrix-region = Regio
admin-matrix-outcome-steps = Goedkeuringsstappen (hieronder)
admin-matrix-outcome-auto = Automatisch goedkeuren (tot de limiet)
admin-matrix-step-n = Stap { $n }
admin-matrix-step-n-optional = Stap { $n } (optioneel)
admin-matrix-escalate-after = Escaleren na (uren)
admin-matrix-escalate-to = Escaleren naar
admin-matrix-nobody = Niemand: een uitzondering melden
admin-matrix-add = Regel toevoegen
admin-matrix-text-summary = De hele matrix als tekst bewerken, en het inkoopordervenster
admin-matrix-text-help = Een regel kijkt naar { $doc_type } (transfer, purchase_order), { $min_value }, { $max_value } (in centen), { $class }, { $region }, { $location } en { $supplier }; de uitkomst is { $auto } of { $steps } met stappen die een rol noemen, de uren tot escalatie en de rol waarnaar wordt geëscaleerd. Niets boven { $limit } wordt ooit automatisch goedgekeurd.
admin-matrix-po-window = Inkoopordervenster (minuten)
admin-matrix-matrix = Matrix

# Een regel in woorden.
admin-rule-step = { $n }. { $role } ({ $then })
admin-rule-after-to = na { $hours } u naar { $role }
admin-rule-after-exception = na { $hours } u een uitzondering
admin-rule-any-document = elk document
admin-rule-transfers = overboekingen
admin-rule-purchase-orders = inkooporders
admin-rule-from = vanaf { $amount }
admin-rule-up-to = tot en met { $amount }
admin-rule-class = productgroep { $class }
admin-rule-region = regio { $region }
admin-rule-at = op { $location }
admin-rule-from-supplier = van leverancier { $supplier }
admin-rule-auto-approve = automatisch goedkeuren

# Leden.
admin-members-heading = Leden
admin-members-intro = De mensen die in dit portaal werken. Gebruikers van leveranciers staan onder Leveranciers. Elke uitnodigingslink werkt één keer, zeven dagen lang.
admin-members-2fa-heading = Aanmelden in twee stappen
admin-members-2fa-require = Aanmelden in twee stappen verplichten voor iedereen die zich hier aanmeldt
admin-members-2fa-note = Wie het nog niet heeft ingesteld, wordt dat bij de volgende aanmelding gevraagd. Sessies die al open zijn, blijven.
admin-members-until = tot { $date }
admin-members-people = Mensen
admin-members-nobody = Nog niemand.
admin-members-deactivated = gedeactiveerd
admin-members-2fa-on = aanmelden in twee stappen aan
admin-members-2fa-off = aanmelden in twee stappen uit
admin-members-you = (jij)
admin-members-roles-ellipsis = Rollen…
admin-members-roles-of = Rollen van { $name }
admin-members-save-roles = Rollen opslaan
admin-members-deactivate-ellipsis = Deactiveren…
admin-members-deactivate-note = Diegene wordt meteen afgemeld en kan zich hier pas weer aanmelden na heractivering. De rollen blijven behouden.
admin-members-deactivate = { $name } deactiveren
admin-members-reactivate = { $name } heractiveren

# Leverancierstoegang.
admin-suppliers-heading = Leverancierstoegang
admin-suppliers-intro = Mensen die je uitnodigt, zien in je portaal alleen de inkooporders van hun eigen organisatie en beantwoorden ze daar. Elke uitnodigingslink werkt één keer, zeven dagen lang.
admin-suppliers-none = Je hebt nog geen leveranciers. Voeg ze eerst toe aan de stamgegevens.
admin-suppliers-nobody = Nog niemand van deze leverancier heeft toegang; orders worden beantwoord via de link in de e-mail van elke order.
admin-suppliers-remove-ellipsis = Toegang verwijderen…
admin-suppliers-remove = Toegang van { $name } verwijderen
admin-suppliers-clocks-heading = Leveranciersklokken
admin-suppliers-clocks-intro = Een verstuurde order moet binnen de werkuren hieronder worden bevestigd; daarna krijgt de leverancier een herinnering, en later krijg jij een uitzondering. Wijzigingen gelden voor orders die vanaf nu worden verstuurd.
admin-suppliers-time-zone = Tijdzone (zoals Europe/Amsterdam)
admin-suppliers-working-days = Werkdagen
admin-suppliers-day-starts = Werkdag begint om (uur, 0–23)
admin-suppliers-day-ends = Werkdag eindigt om (uur, 1–24)
admin-suppliers-ack-hours = Werkuren om een order te bevestigen
admin-suppliers-escalate-hours = Werkuren na de herinnering voordat jij een melding krijgt
admin-suppliers-save-clocks = Klokken opslaan
# De taal waarin de e-mails aan een leverancier zijn geschreven, en de namen van de talen.
admin-suppliers-language = Taal van de e-mails aan deze leverancier
admin-suppliers-language-default = De taal van het portaal ({ $language })
admin-suppliers-language-now = Bestellingen en uitnodigingen worden naar deze leverancier gemaild in het { $language }.
admin-suppliers-language-save = Taal opslaan
admin-suppliers-language-saved = De taal van de leverancier is opgeslagen.
admin-language-en = Engels
admin-language-de = Duits
admin-language-nl = Nederlands

# Weer op voorraad.
admin-bis-heading = Weer op voorraad
admin-bis-intro = Klanten vragen om een e-mail als een artikel weer in een winkel ligt. Komt er voorraad terug, dan horen ze het in golven, de oudste eerst: eenheden op voorraad × de golfgrootte, vóór elke golf opnieuw gecontroleerd.
admin-bis-enabled = Meldingen 'weer op voorraad' aanbieden
admin-bis-wave-percent = Golfgrootte, % van de eenheden op voorraad (100–10.000)
admin-bis-wave-minutes = Minuten tussen golven zolang de voorraad strekt (1–10.080)
admin-bis-sends = Hoogstens zoveel e-mails aan klanten per minuut (1–10.000)
admin-bis-substitute-hours = Uren zonder voorraad voordat het vervangende artikel wordt aangeboden (1–2.160)
admin-bis-substitutes = Vervangers, één per regel: SKU = vervangende SKU
admin-bis-origins = Shop-origins die de widget mogen insluiten, één per regel (https://shop.example)
admin-bis-online-location = Locatiecode waarvan de voorraad die van de webshop is (optioneel)
admin-bis-demand-weight = Elke wachtende klant telt als dit % van een eenheid vraag (0–100)
admin-bis-shop-url = Link in de e-mail om te kopen ({ $sku } en { $ref } worden ingevuld; optioneel)
admin-bis-widget = De widget
admin-bis-widget-intro = Plak dit in een productpagina van een toegestane shop-origin:
admin-bis-waitlists = Wachtlijsten
admin-bis-empty = Nog geen klant heeft om een melding gevraagd. Link de productpagina's van je shop naar de widget (hierboven) of naar /notify/<SKU>.
admin-bis-col-product = Product
admin-bis-col-store = Winkel
admin-bis-col-on-hand = Op voorraad
admin-bis-col-waiting = Wachtend
admin-bis-col-unconfirmed = Onbevestigd
admin-bis-col-notified = Gemeld
admin-bis-col-bought = Gekocht
admin-bis-col-conversion = Conversie

# Koppelingen: API-sleutels.
admin-integrations-heading = Koppelingen
admin-integrations-new-key = Je nieuwe sleutel (alleen nu getoond):
admin-integrations-imports-link = Import en export (CSV) →
admin-integrations-intro = Systemen sturen een sleutel als Authorization: Bearer <sleutel>. Elke sleutel doet alleen wat zijn bevoegdheden toestaan; alleen de eerste tekens blijven hier leesbaar. Wat elk endpoint aanneemt en antwoordt: { $reference }.
admin-integrations-api-reference = de API-referentie
admin-integrations-make-heading = Een sleutel maken
admin-integrations-key-name = Naam (het systeem dat hem gaat gebruiken)
admin-integrations-scopes = Bevoegdheden
admin-integrations-make = Sleutel maken
admin-integrations-keys = Sleutels
admin-integrations-empty = Nog geen sleutels. Maak er hierboven een voor elk systeem dat met dit portaal praat.
admin-integrations-col-key = Sleutel
admin-integrations-col-last-used = Laatst gebruikt
admin-integrations-old-key-hours = Oude sleutel werkt nog (uren)
admin-integrations-rotate = Vernieuwen
admin-integrations-revoke-confirm = Systemen die hem gebruiken, stoppen meteen
admin-integrations-revoke = Intrekken

# De toestand en bevoegdheden van een API-sleutel.
admin-key-revoked = Ingetrokken
admin-key-expired = Verlopen
admin-key-works-until = Werkt tot { $when }
admin-key-active = Actief
admin-scope-read-inventory = Voorraad lezen: posities, catalogus, documenten, uitzonderingen
admin-scope-write-events = Voorraadgebeurtenissen schrijven
admin-scope-manage-documents = Documenten beheren: verzenden, ontvangen, annuleren, afsluiten
admin-scope-manage-subscriptions = Meldingen 'weer op voorraad' beheren
admin-scope-import-data = CSV-bestanden importeren: producten, locaties, leveranciers, voorraadtellingen (geen bestelregels)

# Webhooks.
admin-webhooks-new-secret = Het ondertekeningsgeheim (alleen nu getoond):
admin-webhooks-endpoints = Webhook-endpoints
admin-webhooks-endpoints-intro = Gebeurtenissen gaan naar elk endpoint, ondertekend volgens Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). Een mislukte aflevering wordt ongeveer drie dagen opnieuw geprobeerd, daarna getoond in de uitzonderingenlijst en bewaard in het afleverlog, vanwaar ze opnieuw kan worden verstuurd.
admin-webhooks-address = Adres (https://…)
admin-webhooks-description = Omschrijving (optioneel)
admin-webhooks-events = Gebeurtenissen
admin-webhooks-events-label = Gebeurtenissen:
admin-webhooks-add-endpoint = Endpoint toevoegen
admin-webhooks-no-endpoints = Nog geen endpoints: er wordt niets verstuurd tot je er een toevoegt.
admin-webhooks-old-secret-signs = Het vorige geheim ondertekent ook nog tot { $when }.
admin-webhooks-delivery-log = Afleverlog
admin-webhooks-old-secret-sign-hours = Oud geheim ondertekent nog (uren)
admin-webhooks-rotate-secret = Geheim vernieuwen
admin-webhooks-disable = Uitschakelen
admin-webhooks-enable = Inschakelen
admin-webhooks-delete-confirm = Het endpoint en zijn log verwijderen
admin-webhooks-sources = Webhook-bronnen
admin-webhooks-sources-intro = Systemen die ondertekende webhooks hierheen sturen. Bronnen volgens Standard Webhooks sturen voorraadniveaus als { $example }; Shopify-bronnen sturen inventory_levels/update, gekoppeld aan je locaties en SKU's. Een verzoek waarvan de handtekening niet klopt, wordt geweigerd en er wordt niets opgeslagen.
admin-webhooks-source-name = Naam (letters, cijfers, koppeltekens: deel van het adres)
admin-webhooks-kind = Soort
admin-webhooks-shopify-secret = Alleen Shopify: het geheim van de app (een bron volgens Standard Webhooks krijgt een eigen geheim)
admin-webhooks-shopify-mapping = Alleen Shopify: koppeling (location <id> = <code>, item <id> = <SKU>, één per regel)
admin-webhooks-add-source = Bron toevoegen
admin-webhooks-no-sources = Nog geen bronnen.
admin-webhooks-posts-to = Stuurt naar:
admin-webhooks-on-this-portal = { $address } (op het adres van dit portaal)
admin-webhooks-received = Ontvangen:
admin-webhooks-received-count = { $count } (laatst { $when })
admin-webhooks-last-problem = Laatste probleem: { $error }
admin-webhooks-old-secret-verifies = Het vorige geheim wordt ook nog geaccepteerd tot { $when }.
admin-webhooks-old-secret-verify-hours = Oud geheim wordt nog geaccepteerd (uren)
admin-webhooks-new-platform-secret = Het nieuwe geheim van het platform
admin-webhooks-source-delete-confirm = Het adres werkt dan niet meer
admin-webhooks-mapping = Koppeling (één per regel: location <hun id> = <locatiecode>, item <hun id> = <SKU>)
admin-webhooks-save-mapping = Koppeling opslaan
admin-webhooks-back = ← Koppelingen
admin-webhooks-deliveries-to = Afleveringen aan { $url }
admin-webhooks-nothing-sent = Er is nog niets naar dit endpoint verstuurd.
admin-webhooks-col-event = Gebeurtenis
admin-webhooks-col-state = Toestand
admin-webhooks-col-attempts = Pogingen
admin-webhooks-col-details = Details
admin-webhooks-older = Oudere afleveringen →
admin-webhooks-request-attempts = Verzoek en pogingen
admin-webhooks-attempt = { $at }: { $outcome } in { $ms } ms
admin-webhooks-send-again = Opnieuw versturen

# Toestanden, gebeurtenissen en bronnen van webhooks.
admin-endpoint-enabled = Ingeschakeld
admin-endpoint-disabled = Uitgeschakeld { $when } ({ $reason })
admin-endpoint-no-reason = geen reden opgegeven
admin-event-availability-changed = Beschikbaarheid gewijzigd: voorraad van producten op locaties is veranderd
admin-event-transfer = Overboekingen: elke statuswijziging
admin-event-purchase-order = Inkooporders: elke statuswijziging, en de antwoorden van de leverancier
admin-event-exception-opened = Uitzonderingen: er is er een geopend
admin-source-standard = Standard Webhooks, voorraadniveaus (elk systeem)
admin-source-shopify = Shopify-voorraadniveaus (inventory_levels/update)
admin-delivery-delivered = Afgeleverd
admin-delivery-retrying = Wordt opnieuw geprobeerd (volgende poging { $when })
admin-delivery-sending = Wordt verstuurd
admin-delivery-failed = Mislukt: { $error }
admin-delivery-no-answer = geen antwoord

# Import en export.
admin-imports-heading = Import en export
admin-imports-import-heading = Een CSV-bestand importeren
admin-imports-kind = Wat het bestand bevat
admin-imports-file = Bestand (CSV, UTF-8, eerste regel met de kolomnamen; tot 100.000 rijen)
admin-imports-check = Het bestand controleren
admin-imports-check-note = Het bestand wordt eerst gecontroleerd: je ziet elk probleem per rij en kolom, en wat er zou veranderen, voordat er iets verandert.
admin-imports-recent = Recente imports
admin-imports-empty = Nog geen imports. Upload hierboven een bestand: het wordt eerst gecontroleerd, en er verandert niets tot je het toepast.
admin-imports-col-file = Bestand
admin-imports-col-holds = Inhoud
admin-imports-col-uploaded = Geüpload
admin-imports-export-heading = Exporteren als CSV
admin-imports-export-intro = Producten, locaties, leveranciers, voorraadtellingen en bestelregels komen eruit in de vorm die hun import verwacht: exporteren, bewerken, weer importeren.
admin-imports-problems = Problemen
admin-imports-problems-note = Verbeter deze in het bestand en upload het opnieuw; tot dan kan er niets van worden toegepast.
admin-imports-col-row = Rij
admin-imports-col-column = Kolom
admin-imports-col-problem = Probleem
admin-imports-col-what = Wat
admin-imports-col-fields = Velden
admin-imports-more-problems = { $n ->
    [one] … en nog { $n } probleem.
   *[other] … en nog { $n } problemen.
}
admin-imports-no-change = Geen enkele rij zou iets veranderen.
admin-imports-more-rows = { $n ->
    [one] … en nog { $n } rij.
   *[other] … en nog { $n } rijen.
}
admin-imports-rows = { $n ->
    [one] { $n } rij
   *[other] { $n } rijen
}
admin-imports-summary = { $rows }: { $new } nieuw, { $changed } gewijzigd, { $unchanged } ongewijzigd.
admin-imports-what-would-change = Wat er zou veranderen
admin-imports-rows-checked = Gecontroleerde rijen
admin-imports-apply-confirm = Elke rij hierboven toepassen (alle of geen)
admin-imports-apply = Het bestand toepassen
admin-imports-back = ← Import en export

# De toestand, soorten en exports van een import.
admin-import-checking-rows = Wordt gecontroleerd: { $done } van { $total } rijen
admin-import-checking = Wordt gecontroleerd
admin-import-checked = Gecontroleerd: klaar om toe te passen
admin-import-invalid = Heeft problemen: er kan niets worden toegepast
admin-import-applying = { $total } rijen worden toegepast, alle of geen
admin-import-applied = Toegepast { $when }
admin-import-failed = Mislukt: er is niets toegepast
admin-import-kind-products = Producten
admin-import-kind-locations = Locaties
admin-import-kind-suppliers = Leveranciers
admin-import-kind-stock-counts = Voorraadtellingen
admin-import-kind-policies = Bestelregels
admin-import-kind-columns = { $kind } (kolommen: { $required })
admin-import-kind-columns-optional = { $kind } (kolommen: { $required }; optioneel: { $optional })
admin-import-action-new = nieuw
admin-import-action-change = wijziging
admin-export-products = Producten
admin-export-locations = Locaties
admin-export-suppliers = Leveranciers
admin-export-stock-counts = Voorraadtellingen (op voorraad)
admin-export-policies = Bestelregels
admin-export-positions = Voorraadposities (alle cijfers)
admin-export-transfers = Overboekingen
admin-export-purchase-orders = Inkooporders (één rij per orderregel)
