# Foutmeldingen van de engine: wat iemand leest als een opdracht niet doorgaat.

## De soorten fouten (engine::error).
err-internal = Er ging bij ons iets mis; er is niets gewijzigd. Probeer het opnieuw.
err-not-found = Dat bestaat niet in dit portaal.
err-not-pending = Hier wacht geen beslissing meer.
err-forbidden = Je rol staat je niet toe om { $action }. Als je werk het vereist, vraag het dan aan de beheerder van je portaal.
# Een tekst die geen catalogus kent (de fout van een bibliotheek, in het Engels).
err-detail = { $detail }

## Wat een recht toestaat, als einde van "Je rol staat je niet toe om …".
err-permission-view-inventory = de voorraad en documenten van dit portaal te bekijken
err-permission-decide-approvals = over goedkeuringen te beslissen
err-permission-command-transfers = overboekingen te verzenden, ontvangen, wijzigen of annuleren
err-permission-command-purchase-orders = inkooporders te wijzigen of annuleren
err-permission-edit-policies = bestelregels te wijzigen
err-permission-edit-approval-matrix = de goedkeuringsmatrix te wijzigen
err-permission-work-exceptions = uitzonderingen af te handelen
err-permission-see-jobs = achtergrondtaken te bekijken
err-permission-replay-jobs = achtergrondtaken opnieuw uit te voeren
err-permission-manage-members = leden te beheren
err-permission-manage-suppliers = leveranciers te beheren
err-permission-manage-back-in-stock = meldingen 'weer op voorraad' te beheren
err-permission-manage-integrations = koppelingen te beheren
err-permission-import-data = gegevens te importeren
err-permission-edit-branding = de huisstijl van het portaal te wijzigen
err-permission-see-audit-trail = het auditlog te lezen
err-permission-answer-purchase-orders = inkooporders te beantwoorden
err-permission-manage-client-tenants = klantportalen te beheren
err-permission-manage-platform = het platform te beheren
err-permission-manage-own-account = de aanmelding van dit account te wijzigen

## Rolnamen in een zin.

## Een opdracht die de status van het document niet toestaat.
err-transition = De actie '{ $command }' is niet mogelijk voor een { $document } met de status '{ $state }'.
err-document-transfer = overboeking
err-document-purchase-order = inkooporder
err-command-submit = indienen
err-command-auto-approve = automatisch goedkeuren
err-command-approve = goedkeuren
err-command-reject = afwijzen
err-command-edit = bewerken
err-command-ship = verzenden
err-command-receive = ontvangen
err-command-cancel = annuleren
err-command-send = naar de leverancier versturen
err-command-acknowledge = bevestigen
err-command-backorder = in backorder zetten
err-command-decline = weigeren
err-command-propose-a-change-to = wijziging voorstellen
err-command-accept-a-change-to = wijziging accepteren
err-command-reject-a-change-to = wijziging afwijzen
err-command-close = afsluiten
err-state-draft = concept
err-state-proposed = voorgesteld
err-state-pending-approval = wacht op goedkeuring
err-state-approved = goedgekeurd
err-state-sent = verstuurd
err-state-acknowledged = bevestigd
err-state-backordered = in backorder
err-state-change-proposed = wijziging voorgesteld
err-state-change-waiting-for-approval = wijziging wacht op goedkeuring
err-state-shipped = verzonden
err-state-partly-received = deels ontvangen
err-state-received = ontvangen
err-state-closed = afgesloten
err-state-declined = geweigerd
err-state-rejected = afgewezen
err-state-cancelled = geannuleerd

## Functiescheiding.
err-refused-own-document = je hebt dit document aangevraagd of gewijzigd, dus iemand anders moet erover beslissen
err-refused-missing-role = voor deze stap is de rol '{ $role }' nodig
err-refused-decided-before = je hebt al over een stap van deze goedkeuring beslist, dus iemand anders moet over deze beslissen

## Aanmelden en leden.
err-sign-in-again = meld je opnieuw aan
err-members-role-one = de rol moet { $first } zijn, niet { $role }
err-members-role-two = de rol moet { $first } of { $second } zijn, niet { $role }
err-members-role-three = de rol moet { $first }, { $second } of { $third } zijn, niet { $role }
err-members-role-list = de rol moet { $list } zijn, niet { $role }
err-members-last-admin = dan heeft het portaal geen actieve beheerder meer; maak eerst iemand anders beheerder
err-members-no-role = kies minstens één rol (om iemands toegang in te trekken, deactiveer je die persoon)
err-members-deactivate-self = je kunt jezelf niet deactiveren; vraag het aan een andere beheerder

## Binnenkomende webhookbronnen.
err-inbound-mapping-size = Koppeling: hoogstens { $kib } KiB
err-inbound-mapping-entries = Koppeling: hoogstens { $most } regels
err-inbound-mapping-line = Koppeling, regel { $line }: schrijf "location <hun id> = <locatiecode>" of "item <hun id> = <SKU>"
err-inbound-name = Naam: 1 tot { $most } letters, cijfers of koppeltekens (hij komt in het adres)
err-inbound-secret = Geheim: het geheim moet 16 tot 256 tekens lang zijn
err-inbound-too-many = Een tenant heeft hoogstens { $most } bronnen: verwijder er eerst een
err-inbound-name-taken = Naam: er bestaat al een bron met de naam { $name }
err-overlap-hours = De overlap moet tussen 0 en { $most } uur liggen

## Afbeeldingen die een portaal uploadt (logo, favicon).
err-file-empty = het bestand is leeg
err-asset-logo = het logo
err-asset-favicon = het favicon
err-image-too-large = { $asset } mag hoogstens { $most } KiB zijn; dit bestand is { $size } KiB
err-image-png-damaged = het PNG-bestand is beschadigd
err-image-side = { $asset } moet { $least } tot { $most } pixels breed en hoog zijn; dit is { $width }×{ $height }
err-image-favicon-square = een favicon moet vierkant zijn; dit is { $width }×{ $height }
err-image-kind = alleen PNG- en SVG-afbeeldingen worden geaccepteerd
err-svg-declaration-open = het SVG-bestand wordt geweigerd: de XML-declaratie is niet gesloten
err-svg-comment-open = het SVG-bestand wordt geweigerd: een commentaar is niet gesloten
err-svg-doctype = het SVG-bestand wordt geweigerd: het bevat een DOCTYPE, entiteit, CDATA of verwerkingsinstructie
err-svg-tag-open = het SVG-bestand wordt geweigerd: een tag is niet gesloten
err-svg-element = het SVG-bestand wordt geweigerd: het element <{ $element }> is niet toegestaan
err-svg-attributes = het SVG-bestand wordt geweigerd: de attributen van <{ $element }> zijn niet leesbaar
err-svg-attribute = het SVG-bestand wordt geweigerd: het attribuut { $attribute } op <{ $element }> is niet toegestaan
err-svg-outside = het SVG-bestand wordt geweigerd: het verwijst naar iets buiten het bestand
err-svg-namespace = het SVG-bestand wordt geweigerd: de naamruimte { $namespace } is niet die van SVG
err-svg-root = het SVG-bestand wordt geweigerd: het begint niet met <svg>
err-svg-no-root = het SVG-bestand wordt geweigerd: er is geen <svg>-element
err-svg-size = het SVG-bestand wordt geweigerd: de <svg> heeft een viewBox (of breedte en hoogte) met redelijke verhoudingen nodig

## Thema's (de veldnamen zijn die van het themabestand).
err-theme-colour = { $field } moet een hexkleur zijn zoals #1a2b3c, niet { $value }
err-theme-font = { $field } moet een eenvoudige lijst lettertypen zijn, niet { $value }
err-theme-address = { $field } moet een e-mailadres zijn zoals bestellingen@example.com, niet { $value }
err-theme-sender-name = email.sender_name moet één regel van hoogstens 100 tekens zijn
err-theme-file = { $field } moet een bestandsnaam in de themamap zijn, niet { $value }
err-theme-product-name = product_name moet één regel van 1 tot 60 tekens zijn
err-theme-header = email.header moet één regel van hoogstens 100 tekens zijn
err-theme-footer = email.footer mag hoogstens 500 tekens hebben
err-theme-missing = het themapakket van het portaal ontbreekt
err-theme-transparent = { $field } moet een kleur zijn zoals #1a2b3c, zonder transparantie
err-theme-contrast = sommige kleuren zouden moeilijk leesbaar zijn (WCAG AA): { $pairs }
err-theme-contrast-pair = { $pair } heeft { $ratio }:1 en heeft { $needs }:1 nodig
err-theme-not-stored = het thema kan niet worden opgeslagen: { $error }
err-theme-no-pack = er is geen themapakket { $pack }: kies er een uit de lijst
err-contrast-text-on-the-page = tekst op de pagina
err-contrast-text-on-cards = tekst op kaarten
err-contrast-muted-text-on-cards = gedempte tekst op kaarten
err-contrast-error-text-on-cards = fouttekst op kaarten
err-contrast-the-top-bar-s-text = de tekst van de bovenbalk
err-contrast-the-focus-ring-on-the-page = de focusrand op de pagina

## Imports en exports.
err-export-failed = de export kon niet worden geschreven: { $error }
err-export-not-text = de export is geen tekst
err-import-too-large = het bestand mag hoogstens { $most } MB zijn: splits het
err-import-not-utf8 = het bestand moet CSV-tekst in UTF-8 zijn (sla het op als 'CSV UTF-8')
err-import-checking = het bestand wordt nog gecontroleerd: pas het toe als de controle klaar is
err-import-has-problems = het bestand heeft problemen: verbeter ze en upload het opnieuw
err-import-applying = dit bestand wordt toegepast: laad de pagina zo opnieuw
err-import-applied = dit bestand is al toegepast
err-import-stale = deze import kan niet meer worden toegepast: upload het bestand opnieuw
err-import-code-gone = een locatie of SKU uit het bestand bestaat niet meer
err-import-location-gone = de locatie { $code } bestaat niet meer

## Personen, namen, adressen en wachtwoorden.
err-name-missing = de naam ontbreekt
err-name-too-long = de naam mag hoogstens { $most } tekens op één regel hebben
err-email-invalid = het e-mailadres { $email } is niet geldig
err-invite-choose-supplier = kies een van je leveranciers waarvoor de persoon antwoordt
err-invite-supplier-already = { $email } heeft al toegang tot dit portaal
err-members-already = { $email } heeft al toegang tot dit portaal (of is hier gedeactiveerd): wijzig de rollen of heractiveer de persoon in de lijst
err-provision-member-already = { $email } is al lid
err-invite-account-exists = dit adres heeft al een account: bevestig met het wachtwoord daarvan
err-invite-choose-password = kies een wachtwoord voor je nieuwe account
err-password-short = het wachtwoord moet minstens 8 tekens lang zijn
err-password-long = het wachtwoord mag hoogstens 128 tekens lang zijn
err-password-common = het wachtwoord komt te vaak voor; kies een ander
err-password-other = het wachtwoord: { $why }
err-new-password-short = het nieuwe wachtwoord moet minstens 8 tekens lang zijn
err-new-password-long = het nieuwe wachtwoord mag hoogstens 128 tekens lang zijn
err-new-password-common = het nieuwe wachtwoord komt te vaak voor; kies een ander
err-new-password-other = het nieuwe wachtwoord: { $why }

## Termijnen voor leveranciers (de veldnamen zijn die van de instellingen).
err-sla-time-zone = time_zone { $zone } is geen tijdzonenaam zoals Europe/Amsterdam
err-sla-day = working_days: { $day } is niet een van mon, tue, wed, thu, fri, sat, sun
err-sla-no-days = working_days moet minstens één dag noemen
err-sla-hours = day_starts en day_ends moeten uren zijn met 0 <= day_starts < day_ends <= 24 (gekregen: { $starts } en { $ends })
err-sla-clock = { $field } moet 1 tot { $most } werkuren zijn (gekregen: { $value })
# De taal van de e-mails aan een leverancier (engine/src/invites.rs).
err-supplier-language = taal: { $value } is niet en, de of nl (laat het veld leeg voor de taal van het portaal)

## Inkooporders: wijzigingen, antwoorden, berichten.
err-note-too-long = de notitie is te lang: hoogstens { $most } tekens
err-reason-too-long = de reden is te lang: hoogstens { $most } tekens
err-delivery-date = de leverdatum moet een dag zijn van vandaag ({ $today }) tot { $last }
err-line-twice = regel { $line } staat er twee keer in
err-line-not-on-order = regel { $line } hoort niet bij deze order
err-range-quantity = de hoeveelheid moet tussen { $lo } en { $hi } liggen
err-range-unit-price = de stukprijs (in kleinste eenheid) moet tussen { $lo } en { $hi } liggen
err-line-delivery-date = regel { $line }: de eigen leverdatum moet een dag zijn van die van de order ({ $first }) tot { $last }
err-change-all-lines-later = elke regel heeft een eigen, latere dag: geef de order in plaats daarvan die dag
err-change-keep-a-line = houd minstens één regel: om de hele order te weigeren, wijs je hem af
err-change-nothing-new = dit stelt niets nieuws voor: wijzig een hoeveelheid, een prijs of de leverdatum
err-order-too-dear = de order zou meer waard zijn dan een order ten hoogste mag zijn ({ $most } in kleinste eenheid)
err-change-still-waiting = een wijziging die jij voorstelde, wacht nog op antwoord
err-change-too-many = deze order had al { $most } wijzigingsvoorstellen: bespreek het in een bericht, en annuleer en bestel zo nodig opnieuw
err-change-none-open = bij deze order wacht geen wijziging op antwoord
err-change-own = jij hebt deze wijziging voorgesteld: de andere kant beantwoordt hem
err-change-say-why = zeg waarom je de wijziging afwijst, zodat de andere kant ermee verder kan
err-message-empty = het bericht is leeg
err-message-too-long = het bericht is te lang: hoogstens { $most } tekens
err-attachment-empty = het bijgevoegde bestand is leeg
err-attachment-too-large = het bijgevoegde bestand is te groot: hoogstens { $most } MiB
err-attachment-kind = het bijgevoegde bestand moet een pdf, een PNG- of JPEG-afbeelding, of een CSV- of tekstbestand zijn
err-message-not-sent = de order is nog niet naar de leverancier verstuurd
err-message-too-many = deze order heeft al { $most } berichten: ga verder per telefoon of e-mail
err-attachment-too-many = deze order heeft al { $most } bestanden
err-attachment-room-full = de ruimte van het portaal voor bestanden is vol: stuur dit bestand per e-mail, en vraag de retailer oude bestanden op te ruimen
err-change-closed = de wijziging staat niet meer open

## Voorraadniveaus en bestelregels.
err-range-reorder-point = het bestelpunt moet tussen { $lo } en { $hi } liggen
err-range-order-up-to = het aanvulniveau moet tussen het bestelpunt ({ $lo }) en { $hi } liggen
err-levels-follow-policy = deze positie volgt de niveaus van haar regel al
err-range-sweep-hour = het uur van de nachtelijke controle moet tussen { $lo } en { $hi } liggen

## De grenzen van de goedkeuringsassistent.
err-assistant-max-document = Het maximum per document moet tussen 0 en 1.000.000.000.000 liggen.
err-assistant-max-daily = Het maximum per dag moet tussen 0 en 1.000.000.000.000 liggen.
err-assistant-daily-below-document = Het maximum per dag mag niet lager zijn dan het maximum per document.
err-assistant-confidence = De minimale zekerheid is een percentage tussen 0 en 100.
err-assistant-too-many-listed = Noem hoogstens { $most } productgroepen en leveranciers.
err-assistant-class-name = '{ $class }' is geen naam van een productgroep.
err-assistant-supplier = Een leverancier is niet een van de jouwe.
err-assistant-not-your-class = '{ $class }' is niet een van je productgroepen.
err-assistant-not-your-supplier = Een genoemde leverancier is niet een van de jouwe.
err-field-range = { $field } moet tussen { $lo } en { $hi } liggen
err-policy-both-levels = geef beide niveaus (bestelpunt en aanvulniveau) of geen van beide
err-policy-service-z = service_z moet tussen 0 en { $most } liggen
err-policy-service-level = service_level moet tussen 50 en 99,9 (procent) liggen
err-policy-uplifts = hoogstens 50 acties per regel
err-policy-uplift = uplifts[{ $index }] moet eindigen na het begin en een factor tussen 0 en { $most } hebben
err-policy-class-unknown = kies een productgroep van dit portaal, of alle productgroepen
err-policy-location-unknown = kies een locatie van dit portaal, of alle locaties
err-policy-invalid = regel { $class }: { $problem }
err-policy-class = de productgroep moet worden opgegeven (hoogstens 64 tekens), of * voor alle productgroepen

## Vervangers.
err-delegation-role = je kunt alleen een rol overdragen die je zelf hebt, en { $role } is hier niet een van jouw rollen
err-delegation-self = kies iemand anders dan jezelf als vervanger
err-delegation-order = de laatste dag mag niet voor de eerste dag liggen
err-delegation-over = die periode is al voorbij
err-delegation-too-long = een vervanging kan hoogstens 90 dagen duren
err-delegation-not-member = de vervanger is geen actief lid van dit portaal
err-delegation-cannot-decide = de vervanger kan in dit portaal niet over goedkeuringen beslissen

## De goedkeuringsmatrix (de veldnamen zijn die van het matrixbestand).
err-matrix-rules = een matrix heeft hoogstens { $most } regels
err-matrix-no-default-step = default_steps moet minstens één stap hebben: iets moet documenten goedkeuren die geen regel automatisch goedkeurt
err-matrix-step-staff = { $step }: alleen de eigen medewerkers van de tenant (goedkeurder, planner, beheerder) kunnen goedkeuren
err-matrix-step-hours = { $step }.escalate_after_hours moet tussen 1 en 1440 liggen
err-matrix-rule-name = rules[{ $index }].name moet worden opgegeven, in hoogstens 80 tekens
err-matrix-rule-bounds = rules[{ $index }] ({ $rule }): min_value_minor is hoger dan max_value_minor
err-matrix-window = het inkoopordervenster moet tussen 1 en 10.080 minuten (een week) liggen
err-matrix-rule-location = regel { $number } ({ $rule }): kies een locatie van dit portaal
err-matrix-rule-supplier = regel { $number } ({ $rule }): kies een leverancier van dit portaal
err-matrix-changed = de matrix is intussen gewijzigd (door iemand anders, of in een ander tabblad); er is niets opgeslagen: bekijk hem opnieuw en voer je wijziging nog eens uit

## Verzendberichten en ontvangsten.
err-ship-carrier = de vervoerder mag hoogstens één regel van { $most } tekens zijn
err-ship-tracking = het trackingnummer mag hoogstens één regel van { $most } tekens zijn
err-ship-expected = de verwachte levering moet een dag zijn van vandaag ({ $today }) tot { $last }
err-ship-too-many = een order neemt hoogstens { $most } verzendberichten aan
err-range-quantity-shipped = de verzonden hoeveelheid moet tussen { $lo } en { $hi } liggen
err-ship-more-than-open = regel { $line }: { $ordered } besteld en { $shipped } al verzonden, dus hoogstens { $open } meer
err-ship-empty = zet minstens één eenheid op het verzendbericht
err-receipt-done = dit verzendbericht is al ontvangen, op { $day }
err-receipt-line-not-on-notice = regel { $line } hoort niet bij dit verzendbericht
err-receipt-say-once = geef maar één keer op wat er van { $sku } { $name } is aangekomen
err-receipt-received-range = { $sku }: ontvangen moet tussen 0 en { $most } liggen (het dubbele van de { $shipped } verzonden); leg meer vast met een voorraadtelling
err-receipt-damaged-range = { $sku }: beschadigd moet tussen 0 en de { $received } ontvangen liggen

## Overboekingen.
err-decisions-in-inbox = beslissingen gaan via de goedkeuringsinbox
err-transfer-ship-over-approved = de goedgekeurde hoeveelheid is { $approved }: verzend hoogstens zoveel, of wijzig de overboeking (die gaat dan opnieuw ter goedkeuring)
err-transfer-receive-over-shipped = er zijn { $shipped } verzonden: een ontvangst telt hoogstens zoveel (leg extra voorraad vast met een telling)
err-transfer-on-hand = de bronlocatie heeft maar { $stock } op voorraad

## Afwijkingen.
err-anomaly-select = selecteer tussen 1 en 200 afwijkingen
err-anomaly-not-anomaly = uitzondering { $id } is geen afwijking: alleen afwijkingen worden bevestigd of afgewezen
err-anomaly-no-event = afwijking { $id } zegt niet over welke gebeurtenis het ging: bevestig haar, en corrigeer de voorraad met een telling
err-anomaly-undone = de gebeurtenis van een afwijking was al ongedaan gemaakt: er is niets gewijzigd
err-anomaly-mad-k = De MAD-vermenigvuldiger moet tussen 2 en 100 liggen.
err-anomaly-min-units = De kleinste afwijkende verkoop moet tussen 1 en 1.000.000 eenheden liggen.
err-anomaly-count-jump = De telsprong moet tussen 1 en 1.000 % liggen.
err-anomaly-count-min-units = De kleinste telsprong moet tussen 1 en 1.000.000 eenheden liggen.

## Beslissingen over goedkeuringen.
err-comment-too-long = de opmerking is langer dan 2.000 tekens
err-reject-say-why = zeg waarom je afwijst, zodat de aanvrager weet wat er moet veranderen
err-decline-say-why = zeg waarom je de order weigert, zodat de inkoper ermee verder kan
err-link-backorder = meld je aan bij het portaal om een order in backorder te zetten; de link bevestigt of weigert hem
err-promise-too-many = de leverdatum is al { $given } keer opgegeven: neem contact op met de inkoper om hem opnieuw te wijzigen
err-supplier-not-linked = je account is nog niet aan een leverancier gekoppeld: vraag de inkoper je opnieuw uit te nodigen
err-only-supplier-answers = alleen de leverancier bevestigt of weigert een order
err-resend-state = alleen een order die bij de leverancier ligt, kan opnieuw worden verstuurd; deze is { $state }
err-forecast-failed = de prognose kon niet worden berekend: { $error }

## De klanten van een partner.
err-slug-invalid = de adresnaam moet 2 tot 40 kleine letters, cijfers of koppeltekens zijn, niet beginnend of eindigend met een koppelteken
err-slug-reserved = de adresnaam { $slug } is gereserveerd: kies een andere
err-slug-taken = de adresnaam { $slug } is bezet: kies een andere
err-client-name = de naam van de klant moet 1 tot 100 tekens op één regel zijn
err-client-admin-name = de naam van de beheerder moet 1 tot 100 tekens op één regel zijn
err-client-no-template = er is geen sjabloon { $template }: kies er een uit de lijst
err-client-no-pack = er is geen themapakket { $pack } om een klant te geven: kies er een uit de lijst
err-client-other-template = { $slug } is al ingericht vanuit het sjabloon { $template }
err-client-retry = alleen een mislukte inrichting kan opnieuw worden geprobeerd
err-act-as-person = alleen iemand die bij de console is aangemeld, kan als klant optreden
err-act-as-suspended = { $client } is geschorst: niemand kan erin tot het platform de schorsing opheft
err-act-as-role = de rol moet beheerder, planner of goedkeurder zijn
err-act-as-reason = de reden moet { $least } tot { $most } tekens op één regel zijn: de beheerders van de klant lezen hem
err-act-as-minutes = de duur moet { $least } tot { $most } minuten zijn
err-act-as-link-gone = Deze link naar het portaal werkt één keer, twee minuten lang. Begin opnieuw vanuit je console.

## Lijsten en zoekvragen (de veldnamen zijn die van de zoekvraag).
err-query-limit = limit moet tussen 1 en { $most } liggen, niet { $value }
err-query-one-of = { $field } moet een van { $allowed } zijn, niet '{ $value }'

## Webhooks en API-sleutels.
err-url-not-in-dns = URL: de host { $host } is niet te vinden in DNS
err-url-resolves-inside = URL: geweigerd: de host { $host } verwijst naar een privé-, loopback-, link-local- of metadata-adres
err-url-missing = URL: geef het adres van het endpoint (hoogstens { $most } tekens)
err-url-not-web-address = URL: dit is geen webadres
err-url-https = URL: het adres moet beginnen met https://
err-url-credentials = URL: laat inloggegevens weg uit het adres
err-url-no-host = URL: het adres heeft geen host
err-url-internal = URL: privé-, loopback-, link-local- en metadata-adressen worden geweigerd
err-webhook-event-type = Gebeurtenissen: { $type } is geen soort gebeurtenis
err-webhook-no-events = Gebeurtenissen: kies minstens één soort gebeurtenis om te versturen
err-webhook-too-many = Een tenant heeft hoogstens { $most } endpoints: verwijder er eerst een
err-webhook-description = Omschrijving: hoogstens 200 tekens
err-webhook-disabled = Schakel het endpoint eerst in: een uitgeschakeld endpoint krijgt niets
err-webhook-replay = Alleen een mislukte aflevering kan opnieuw worden verstuurd
err-key-name = Geef de sleutel een naam (hoogstens { $most } tekens), bijvoorbeeld naar het systeem dat hem gebruikt
err-key-no-scope = Kies minstens één bereik voor de sleutel
err-key-dead = Deze sleutel werkt niet meer; maak in plaats daarvan een nieuwe
err-key-rotated = Deze sleutel is al vernieuwd: vernieuw de sleutel die hem verving

## Aanmelden in twee stappen en wachtwoorden.
err-2fa-sign-in-over = het aanmelden duurde te lang of het wachtwoord is sindsdien gewijzigd; meld je opnieuw aan
err-2fa-on-already = aanmelden in twee stappen staat al aan; zet het eerst uit om een andere app in te stellen
err-2fa-type-code = typ de code uit je app
err-2fa-too-many = { $minutes ->
    [one] te veel verkeerde codes; probeer het over { $minutes } minuut opnieuw
   *[other] te veel verkeerde codes; probeer het over { $minutes } minuten opnieuw
}
err-2fa-unreadable = je authenticator kon niet worden gelezen; meld je aan met een herstelcode en stel aanmelden in twee stappen daarna opnieuw in
err-2fa-not-set-up = aanmelden in twee stappen is niet ingesteld; begin opnieuw
err-2fa-wrong-code-or-recovery = die code klopt niet; typ de zes cijfers die je app nu toont, of een ongebruikte herstelcode
err-2fa-wrong-code = die code klopt niet; typ de zes cijfers die je app nu toont
err-2fa-type-code-to-sign-in = typ de code uit je app om je aan te melden
err-2fa-set-up-first = stel eerst je app in
err-2fa-required = dit portaal vereist aanmelden in twee stappen, dus het blijft aan
err-busy = er melden zich nu te veel mensen aan; probeer het over een minuut opnieuw
err-password-too-many = te veel verkeerde wachtwoorden; probeer het over een kwartier opnieuw
err-password-wrong = je huidige wachtwoord klopt niet

## Backtests.
err-demand-header = Regel 1 moet de kopregel day,location,sku,quantity zijn.
err-demand-rows = Het bestand heeft meer dan { $most } regels.
err-demand-columns = Regel { $line } heeft 4 kolommen nodig: day,location,sku,quantity.
err-demand-day = Regel { $line }: de dag '{ $value }' is geen datum zoals 2026-03-01.
err-demand-location = Regel { $line }: de locatie '{ $value }' is niet een van de jouwe.
err-demand-sku = Regel { $line }: de SKU '{ $value }' is niet een van de jouwe.
err-demand-quantity = Regel { $line }: de hoeveelheid '{ $value }' is geen geheel getal van 0 tot 1.000.000.
err-demand-empty = Het bestand heeft geen regels met vraag.
err-demand-days-wrong = De dagen kloppen niet.
err-demand-span = Het bestand beslaat { $days } dagen; het heeft { $least } tot { $most } nodig ({ $history } dagen historie, daarna de dagen om na te spelen).
err-backtest-service-level = Het serviceniveau moet een percentage van 50 tot 99,9 zijn.
err-backtest-forecast-service = De regel op basis van prognoses gebruikt het serviceniveau van elke productgroep: laat het serviceniveau leeg.
err-backtest-busy = Er wacht of loopt al een backtest: start de volgende als die klaar is.
err-backtest-file-size = Het vraagbestand mag hoogstens 8 MB zijn.
err-backtest-days = Het aantal na te spelen dagen moet een geheel getal van { $least } tot { $most } zijn.
err-backtest-series = Je netwerk heeft { $series } reeksen van winkel en product; een backtest neemt er hoogstens { $most }.
err-backtest-forecast-days = De regel op basis van prognoses kan { $series } reeksen hier hoogstens { $most } dagen naspelen; kies minder dagen.

## Uitzonderingen.
err-exceptions-select = selecteer minstens één uitzondering
err-exceptions-too-many = selecteer hoogstens 200 uitzonderingen tegelijk
err-exceptions-write-comment = schrijf eerst een opmerking
err-exceptions-say-how = zeg hoe het is opgelost
err-exceptions-text-too-long = de tekst is langer dan 2.000 tekens
err-exceptions-assignee = uitzonderingen kunnen alleen worden toegewezen aan mensen die de uitzonderingenlijst afhandelen
err-exceptions-is-anomaly = uitzondering { $id } is een afwijking: bevestig in plaats daarvan de gebeurtenis (die klopte) of wijs haar af (die klopte niet en wordt ongedaan gemaakt); beide geven de tegengehouden overboekingen en orders van de positie vrij

## Domeinen.
err-domain-invalid = het domein { $domain } is geen hostnaam zoals shop.example.com (zonder schema, poort of pad)
err-domain-platform = { $domain } is van het platform; voeg een eigen domein toe
err-domain-own-already = { $domain } is al een domein van dit portaal
err-domain-taken = { $domain } is al in gebruik door een ander portaal
err-domain-listed = { $domain } staat al in je lijst
err-domain-unproven = { $url } bevat de token nog niet; publiceer hem daar (het domein moet naar je huidige webserver wijzen) en controleer opnieuw

## Het platform.
err-suspend-say-why = zeg waarom de tenant wordt geschorst (de reden wordt in zijn auditlog bewaard)
err-suspend-reason = de reden mag hoogstens { $most } tekens op één regel hebben
err-suspend-platform = de eigen console van het platform kan niet worden geschorst

## Weer op voorraad (wat klanten en de instellingenpagina lezen).
err-address-missing = Vul je e-mailadres in.
err-address-too-long = Dat e-mailadres is te lang.
err-address-no-at = Dat is geen e-mailadres: er staat geen @ in.
err-address-invalid = Dat is geen e-mailadres.
err-bis-too-many = Te veel verzoeken vanaf je verbinding; probeer het over { $minutes } minuten opnieuw
err-bis-product-code = Product ontbreekt of is te lang
err-bis-store-code = Winkel ontbreekt of is te lang
err-bis-not-sold = Dat product wordt hier niet verkocht
err-bis-choose-store = Kies een van de genoemde winkels
err-bis-link-expired = Deze bevestigingslink is verlopen: schrijf je opnieuw in om een nieuwe te krijgen
err-bis-substitute = Vervangers: geen product heeft de SKU { $sku }
err-bis-online-location = Onlinevoorraad: geen locatie heeft de code { $code }
err-bis-range-wave-size = Golfgrootte (%) moet tussen { $lo } en { $hi } liggen
err-bis-range-wave-minutes = Minuten tussen golven moet tussen { $lo } en { $hi } liggen
err-bis-range-sends = E-mails per minuut moet tussen { $lo } en { $hi } liggen
err-bis-range-substitute-hours = Uren voor een vervanger moet tussen { $lo } en { $hi } liggen
err-bis-range-demand-weight = Vraaggewicht (%) moet tussen { $lo } en { $hi } liggen
err-bis-origins = Noem hoogstens { $most } shop-origins
err-bis-origin = Shop-origin { $origin } is geen origin zoals https://shop.example
err-bis-substitutes = Noem hoogstens { $most } vervangers
err-bis-own-substitute = { $sku } kan niet zijn eigen vervanger zijn
err-bis-shop-link = De shoplink moet beginnen met https:// (hoogstens 500 tekens)

## E-mailvoorbeelden (engine/src/mail/preview.rs).
err-mail-sender-invalid = het afzenderadres van het thema is niet geldig
err-mail-render-failed = de sjabloon kon niet worden opgebouwd: { $error }
