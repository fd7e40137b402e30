# Pagina's die de server zelf opbouwt en formulierverwerking (server/src/http): het kader,
# meldingen en fouten van formulieren, de start-, niet-gevonden- en opgeschorte pagina.

## Gedeeld
site-form-unreadable = Het formulier kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.
site-whole-number = { $label } moet een geheel getal zijn.
site-back-to-portal = Terug naar het portaal

## Pagina's zonder tenant
site-landing-title = Aanvulportalen
site-landing-intro = Elk portaal van een retailer heeft een eigen adres. Gebruik om in te loggen de link die je van je bedrijf, je leverancier of je winkel hebt gekregen.
site-landing-demo-heading = Demoportalen
site-landing-demo-sign-ins = De inloggegevens van de demo staan waar die is gestart.
site-not-found-title = Niet gevonden
site-not-found-text = Op dit adres is geen portaal. Controleer de link die je hebt gekregen.
site-suspended-title = { $name }: opgeschort
site-suspended-heading = Dit portaal is opgeschort
site-suspended-text = Het portaal van { $name } is op dit moment niet beschikbaar. Er gaat niets verloren: alles is er weer zodra het wordt hervat.
site-suspended-more = Je beheerder kan je meer vertellen.
site-unavailable = tijdelijk niet beschikbaar

## Het kader: de melding bij handelen als klant, namen van rollen en soorten tenants
site-act-as-banner-heading = Je handelt in het portaal van { $client }
site-act-as-banner-text = als { $role } tot { $until }. Reden: { $reason }. Alles wat je hier doet, wordt vastgelegd in het auditlogboek, dat de beheerders ervan lezen.
site-act-as-end-now = Nu beëindigen
site-kind-retailer = retailer
site-kind-partner = partner
site-kind-platform = platform

## Je eigen account
site-passwords-differ = De twee wachtwoorden verschillen: typ twee keer hetzelfde wachtwoord.
site-new-passwords-differ = De twee nieuwe wachtwoorden verschillen: typ twee keer hetzelfde wachtwoord.
site-password-reset-done = Je wachtwoord is gewijzigd. Log in met het nieuwe.
site-busy = Te veel aanmeldingen op dit moment. Probeer het over een minuut opnieuw.
site-language-unknown = De taal moet er een zijn die het portaal spreekt: en, de of nl (of geen, voor die van je browser).
site-password-changed = Wachtwoord gewijzigd. Je bent overal elders uitgelogd.
site-codes-not-shown-make-new = De herstelcodes konden niet worden getoond. Maak hieronder nieuwe aan.
site-codes-not-shown-try-again = De herstelcodes konden niet worden getoond. Probeer het opnieuw.
site-two-factor-on = Inloggen in twee stappen staat aan.
site-two-factor-off = Inloggen in twee stappen staat uit.
site-codes-renewed = Nieuwe herstelcodes aangemaakt; de oude werken niet meer.

## Toegang voor leveranciers en leden
site-supplier-choose = Leverancier: kies er een uit de lijst.
site-invitation-sent = Uitnodiging verstuurd naar { $email }.
site-invitation-withdrawn = Uitnodiging ingetrokken: de link werkt niet meer.
site-access-removed = Toegang verwijderd: deze persoon kan hier niet meer inloggen.
site-invite-password-missing = Wachtwoord: vul het wachtwoord van je account in.
site-invite-form-unreadable = Het formulier kon niet worden gelezen. Laad de pagina opnieuw.
site-invite-wrong-password = Dat is niet het wachtwoord van je account. Gebruik het wachtwoord waarmee je elders in deze dienst inlogt.
site-welcome-supplier = Welkom: je hebt toegang tot dit leveranciersportaal.
site-welcome = Welkom: je hebt toegang tot dit portaal.
site-clocks-day-starts = Werkdag begint om
site-clocks-day-ends = Werkdag eindigt om
site-clocks-ack-hours = Werkuren om te bevestigen
site-clocks-escalate-hours = Werkuren na de herinnering
site-clocks-saved = Klokken van leveranciers opgeslagen. Ze gelden voor orders die vanaf nu worden verstuurd.
site-role-choose = Rol: kies er een uit de lijst.
site-roles-saved = Rollen opgeslagen. Ze gelden vanaf de volgende pagina van het lid.
site-member-reactivated = Opnieuw geactiveerd: deze persoon kan weer inloggen.
site-member-deactivated = Gedeactiveerd: deze persoon is uitgelogd en kan hier niet inloggen.
site-two-factor-required = Inloggen in twee stappen is verplicht: wie het nog niet heeft, stelt het in bij de volgende keer inloggen.
site-two-factor-not-required = Inloggen in twee stappen is niet meer verplicht (wie het aan heeft, houdt het).

## Huisstijl: voorbeelden van e-mails en domeinen
site-branding-emails = E-mails
site-branding-domains = Domeinen
site-branding-theme = Thema
site-emails-intro = Wat je medewerkers, leveranciers en klanten ontvangen, in je huisstijl, met voorbeeldinhoud. De afzender, het antwoordadres, de voettekst en de kleuren komen uit je thema.
site-mail-approval-request = Goedkeuring nodig (aan goedkeurders)
site-mail-outcome = Besluit over een document (aan wie het vroeg)
site-mail-purchase-order = Inkooporder (aan de leverancier; herinneringen, wijzigingen en annuleringen lijken erop)
site-mail-supplier-message = Bericht van een leverancier (aan planners)
site-mail-invitation = Uitnodiging (aan een nieuw lid of een persoon van een leverancier)
site-mail-password-reset = Wachtwoord opnieuw instellen
site-mail-shopper-alert = Weer op voorraad (aan klanten)
site-email-all = Alle e-mails
site-email-from = Van
site-email-reply-to = Antwoord aan
site-email-subject = Onderwerp
site-email-as-shown = Zoals de meeste e-mailprogramma's het tonen
site-email-frame = De e-mail
site-email-plain-text = Platte tekst
site-domain-served-by-platform = actief (ingesteld door het platform)
site-domain-served = actief
site-domain-waiting = wacht op het bewijs: publiceer { $token } als de volledige inhoud van { $url }, en daarna
site-domain-check-now = Nu controleren
site-domain-remove-summary = Verwijderen…
site-domain-remove-help = Het portaal reageert er meteen niet meer op.
site-domain-remove = { $domain } verwijderen
site-domains-empty = Nog geen eigen domeinen.
site-domains-intro = Je portaal kan bereikbaar zijn op een eigen domein, zoals stock.example.com. Voeg het toe, bewijs met een klein bestand op de huidige webserver dat het van jou is, en laat het daarna (met een CNAME) naar het adres van je portaal wijzen. Aanmeldingen gelden per domein.
site-domain-add-heading = Een domein toevoegen
site-domain-label = Domein
site-domain-add = Toevoegen
site-domain-added = Domein toegevoegd. Publiceer het token en controleer het daarna.
site-domain-proven = Bewezen: het portaal reageert nu op dit domein. Laat het naar het adres van je portaal wijzen.
site-domain-removed = { $domain } verwijderd: het portaal reageert er niet meer op.

## De thema-editor
site-colour-primary = Bovenbalk en hoofdknoppen
site-colour-on-primary = Tekst op de bovenbalk
site-colour-accent = Focusrand en accenten
site-colour-background = Paginaachtergrond
site-colour-surface = Kaarten
site-colour-text = Tekst
site-colour-muted = Gedempte tekst
site-colour-danger = Fouten
site-colour-pick = { $label }: kiezen
site-pair-text-page = tekst op de pagina
site-pair-text-cards = tekst op kaarten
site-pair-muted-cards = gedempte tekst op kaarten
site-pair-error-cards = fouttekst op kaarten
site-pair-top-bar = tekst van de bovenbalk
site-pair-focus-ring = de focusrand op de pagina
site-contrast-passes = voldoet
site-contrast-fails = voldoet niet: slecht leesbaar
site-theme-intro = Het uiterlijk van je portaal en de kop- en voettekst van je e-mails. Het voorbeeld volgt elke wijziging; voor niemand verandert iets tot je opslaat. Kleuren die slecht leesbaar zouden zijn (WCAG AA), worden geweigerd.
site-theme-product-name = Productnaam
site-theme-body-font = Lettertype voor tekst
site-theme-heading-font = Lettertype voor koppen
site-theme-sender-name = Afzendernaam van e-mails
site-theme-email-header = Koptekst van e-mails
site-theme-email-header-placeholder = de productnaam
site-theme-email-footer = Voettekst van e-mails
site-theme-save = Thema opslaan
site-theme-preview = Voorbeeld
site-theme-sample-card = Voorbeeldkaart
site-theme-sample-text = Gewone tekst, { $muted } en { $error }.
site-theme-sample-muted = gedempte tekst
site-theme-sample-error = een fout
site-theme-sample-button = Hoofdknop
site-theme-sample-focused = Veld met focus
site-theme-contrast = Contrast
site-theme-pair = Paar
site-theme-now = Nu
site-theme-needs = Nodig
site-theme-verdict = Oordeel
site-theme-pictures = Logo en favicon
site-theme-pictures-help = PNG of SVG. Een logo tot 256 KiB en 1024 pixels per zijde; een vierkante favicon tot 64 KiB en 512 pixels. SVG-bestanden met scripts, stijlen, links of iets anders dan een eenvoudige tekening worden geweigerd.
site-theme-logo = Logo
site-theme-upload-logo = Logo uploaden
site-theme-favicon = Favicon
site-theme-upload-favicon = Favicon uploaden
site-theme-packs = Themapakketten
site-theme-packs-now = Nu: { $pack }, ongewijzigd. Een pakket toepassen vervangt je kleuren, lettertypen, teksten en afbeeldingen door die van het pakket.
site-theme-packs-now-edited = Nu: { $pack }, met je wijzigingen. Een pakket toepassen vervangt je kleuren, lettertypen, teksten en afbeeldingen door die van het pakket.
site-theme-apply-summary = Een pakket toepassen…
site-theme-pack = Pakket
site-theme-apply = Toepassen en mijn wijzigingen vervangen
site-theme-reset-summary = Herstellen…
site-theme-reset = Herstellen naar { $pack } zoals het is
site-theme-saved = Thema opgeslagen: je portaal en e-mails gebruiken het nu.
site-theme-pack-applied = Het pakket { $pack } is toegepast.
site-theme-logo-uploaded = Het logo is geüpload en in gebruik.
site-theme-favicon-uploaded = De favicon is geüpload en in gebruik.
site-picture-too-large = De afbeelding is te groot: een logo mag hoogstens 256 KiB zijn, een favicon 64 KiB.
site-upload-unreadable = De upload kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.

## De console van een partner en handelen als klant
site-chart-stockouts = Tekorten per dag in de laatste { $days } dagen: { $total } in totaal, hoogstens { $max } op een dag
site-last-event-just-now = zojuist
site-ago = { $span } geleden
site-last-event-none = recent geen
site-exceptions-day = ontstaan in de afgelopen dag
site-exceptions-week = één tot zeven dagen oud
site-exceptions-older = ouder dan een week
site-step-locations = locaties
site-step-suppliers = leveranciers
site-step-products = producten
site-step-stock = beginvoorraad
site-step-policies = beleid en goedkeuringsregels
site-step-people = personen
site-provisioning-queued = wacht op de start
site-provisioning-running = bezig: { $step }
site-provisioning-done = klaar
site-provisioning-failed = mislukt: { $reason }
site-provisioning-no-reason = geen reden bewaard
site-provisioning-steps = { $done } van { $total }
site-client-suspended = opgeschort
site-act-as-summary = Handelen als…
site-act-as-role = Rol
site-act-as-minutes = Hoe lang (minuten)
site-act-as-reason = Reden (de beheerders van de klant lezen die)
site-act-as-enter = { $name } betreden
site-clients-empty = Nog geen klanten: richt hieronder je eerste in.
site-clients-client = Klant
site-clients-exceptions = Open uitzonderingen (dag · week · ouder)
site-clients-pending-approvals = Openstaande goedkeuringen
site-clients-dead-jobs = Mislukte jobs
site-clients-failed-deliveries = Mislukte afleveringen
site-clients-last-event = Laatste gebeurtenis
site-clients-stockouts-today = Tekorten vandaag
site-clients-stockouts-days = Tekorten, { $days } dagen
site-actions = Acties
site-provisioning-from = uit { $template }, { $when }
site-provisionings-recent = Recente inrichtingen
site-template-option = { $title } ({ $locations }, { $products }, { $suppliers })
site-template-locations = { $n ->
        [one] { $n } locatie
       *[other] { $n } locaties
    }
site-template-products = { $n ->
        [one] { $n } product
       *[other] { $n } producten
    }
site-template-suppliers = { $n ->
        [one] { $n } leverancier
       *[other] { $n } leveranciers
    }
site-clients-title = Je klanten
site-clients-heading = { $partner }: je klanten
site-clients-intro = De huidige toestand van elke klant. Om in het portaal van een klant te kijken, handel je als die klant: de sessie heeft een reden en een einde, en de beheerders van de klant zien haar in hun auditlogboek.
site-clients-compare-link = Vergelijk de cijfers van je klanten
site-clients-compare-text = (risico op tekorten, leveringsgraad, voorraadwaarde en omloop, voorspelfout, goedkeuringen, weer op voorraad) in grafieken.
site-new-client = Nieuwe klant
site-new-client-intro = Richt het portaal van een klant in vanuit een sjabloon: locaties, leveranciers, producten, beginvoorraad, beleid en goedkeuringsregels. De eerste beheerder krijgt een uitnodiging per e-mail.
site-new-client-template = Sjabloon
site-new-client-name = Naam van de klant
site-new-client-slug = Adresnaam (kleine letters, cijfers, koppeltekens)
site-new-client-theme = Thema om mee te beginnen (de naam van de klant wordt de productnaam)
site-new-client-admin-name = Naam van de eerste beheerder
site-new-client-admin-email = E-mail van de eerste beheerder
site-new-client-provision = Inrichten
site-provisioning-ready = { $name } is klaar. Er is een uitnodiging gestuurd naar { $email }.
site-provisioning-open-portal = Open het portaal
site-provisioning-nothing-lost = Niets van wat al is ingericht gaat verloren: opnieuw proberen voert de stappen nog eens uit, en geen enkele stap wordt dubbel gedaan.
site-try-again = Opnieuw proberen
site-page-updates-itself = Deze pagina werkt zichzelf bij.
site-all-clients = Alle klanten
site-provisioning-heading = { $name } inrichten
site-provisioning-template = Vanuit het sjabloon { $template }.
site-provisioning-title = Inrichting
site-trying-again = We proberen het opnieuw.
site-act-as-role-choose = Kies de rol waarmee je handelt.
site-act-as-minutes-whole = 'Hoe lang' moet een geheel aantal minuten zijn.
site-act-as-ready = Je sessie is klaar: { $role } tot { $until }. De link hieronder werkt één keer, twee minuten lang.
site-act-as-enter-portal = Het portaal van { $name } betreden
site-back-to-clients = Terug naar je klanten
site-act-as-enter-title = Een klant betreden
site-act-as-about = Je staat op het punt te handelen in het portaal van { $name }, zoals je console vroeg. Alles wat je doet, wordt vastgelegd in het auditlogboek ervan.
site-act-as-enter-button = Betreden
site-act-as-link-broken = Deze link werkt niet
site-act-as-link-invalid = Link ongeldig
site-session-not-started = Je sessie kon niet worden gestart. Probeer het opnieuw.
site-act-as-not-acting = Je handelt hier voor niemand.
site-act-as-ended = Sessie beëindigd
site-act-as-ended-text = Je handelt niet meer in het portaal van { $name }. Je kunt dit tabblad sluiten en teruggaan naar je console.

## De console van het platform
site-platform-title = Platform
site-platform-client-tenants = { $n ->
        [one] { $n } klanttenant
       *[other] { $n } klanttenants
    }
site-platform-this-console = deze console
site-platform-resume = Hervatten
site-platform-suspend-summary = Opschorten…
site-platform-suspend-help = Het portaal, de API en e-mail stoppen met een duidelijke melding; er wordt niets verwijderd, en hervatten zet alles terug.
site-platform-suspend-reason = Reden (bewaard in het auditlogboek)
site-platform-suspend = { $name } opschorten
site-platform-suspended-since = opgeschort sinds { $when }
site-platform-running = actief
site-platform-partners = Partners
site-platform-tenants = Tenants
site-platform-tenant = Tenant
site-platform-kind = Soort
site-platform-partner = Partner
site-platform-state = Toestand
site-platform-no-partners = Nog geen partners.
site-platform-suspended = { $slug } is opgeschort.
site-platform-resumed = { $slug } is weer actief.

## Imports, API-sleutels, jobs
site-import-too-large = Het bestand is te groot: het mag hoogstens 16 MB zijn. Splits het.
site-import-choose-kind = Kies wat het bestand bevat.
site-import-choose-file = Kies een CSV-bestand om te uploaden.
site-import-checking = Het bestand wordt gecontroleerd. Er verandert niets tot je het toepast.
site-import-confirm = Vink het vakje aan om te bevestigen dat elke regel wordt toegepast.
site-import-applying = Elke regel wordt toegepast, alle of geen.
site-key-scope-unknown = Bereiken: { $scope } is geen bereik
site-key-made = Sleutel { $prefix } aangemaakt. Kopieer hem nu: hij wordt maar één keer getoond.
site-key-made-not-shown = Sleutel { $prefix } is aangemaakt maar kon niet worden getoond: trek hem in en maak een nieuwe.
site-overlap-hours = Overlap (uren)
site-key-rotated = Sleutel { $prefix } vervangt de oude, die werkt tot { $until }. Kopieer hem nu: hij wordt maar één keer getoond.
site-key-rotated-not-shown = Sleutel { $prefix } is aangemaakt maar kon niet worden getoond: trek hem in en vervang hem opnieuw.
site-key-revoke-confirm = Vink het vakje aan ter bevestiging: systemen die deze sleutel gebruiken, stoppen meteen.
site-key-revoked = Sleutel ingetrokken: hij werkt niet meer.
site-job-replayed = Job { $job } wordt opnieuw uitgevoerd.

## Webhooks
site-endpoint-added = Endpoint toegevoegd. Kopieer nu het ondertekeningsgeheim: het wordt maar één keer getoond.
site-endpoint-added-not-shown = Het endpoint is toegevoegd, maar het geheim kon niet worden getoond: vervang het geheim.
site-endpoint-secret-rotated = Nieuw ondertekeningsgeheim aangemaakt; tijdens de overlap ondertekenen beide geheimen. Kopieer het nu: het wordt maar één keer getoond.
site-secret-rotated-not-shown = Het geheim is vervangen, maar kon niet worden getoond: vervang het opnieuw.
site-endpoint-enabled = Endpoint ingeschakeld: nieuwe gebeurtenissen gaan er weer naartoe.
site-endpoint-disabled = Endpoint uitgeschakeld: er wordt niets naartoe gestuurd tot je het inschakelt.
site-endpoint-delete-confirm = Vink het vakje aan ter bevestiging: het endpoint en het afleverlogboek verdwijnen definitief.
site-endpoint-deleted = Endpoint verwijderd.
site-delivery-replayed = Aflevering opnieuw in de wachtrij: ze wordt binnen enkele seconden verstuurd.
site-source-kind-choose = Soort: kies wat de bron is
site-source-added = Bron toegevoegd. Kopieer nu het ondertekeningsgeheim: het wordt maar één keer getoond.
site-source-added-not-shown = De bron is toegevoegd, maar het geheim kon niet worden getoond: vervang het geheim.
site-source-added-own-secret = Bron toegevoegd: ze controleert met het geheim dat je hebt opgegeven.
site-source-secret-rotated = Nieuw geheim aangemaakt; tijdens de overlap controleren beide. Kopieer het nu: het wordt maar één keer getoond.
site-source-secret-replaced = Geheim vervangen; tijdens de overlap controleren beide.
site-mapping-saved = Koppeling opgeslagen.
site-source-delete-confirm = Vink het vakje aan ter bevestiging: het adres van de bron werkt meteen niet meer.
site-source-deleted = Bron verwijderd.

## Weer op voorraad: de pagina's voor klanten en de widget, de instellingen
site-subscribe-answer = Bedankt. Als dit adres meldingen kan ontvangen, hebben we er een e-mail naartoe gestuurd: open de link daarin om je melding te bevestigen.
site-alert-on = Je melding staat aan: we mailen je één keer zodra { $product } weer op voorraad is bij { $channel }.
site-alert-over = Deze melding is al beëindigd.
site-erase-confirm = Vink het vakje aan om te bevestigen dat je gegevens moeten worden gewist.
site-erased = Je adres en je meldingen zijn gewist. Je krijgt geen e-mail meer van ons.
site-lists-too-long = De lijsten zijn te lang.
site-substitutes-line = Vervangers, regel { $line }: schrijf SKU = vervangende SKU.
site-bis-wave-percent = Golfgrootte (%)
site-bis-wave-minutes = Minuten tussen golven
site-bis-sends-per-minute = E-mails per minuut
site-bis-substitute-hours = Uren tot een vervanger
site-bis-demand-weight = Vraaggewicht (%)
site-bis-saved = Instellingen voor weer op voorraad opgeslagen.
site-widget-no-product = Geen product heeft hier die SKU, of meldingen worden niet aangeboden.
site-widget-shop-not-allowed = Deze winkel mag de widget voor weer op voorraad niet gebruiken.
site-widget-unreadable = Het verzoek kon niet worden gelezen.
site-widget-not-offered = Meldingen voor weer op voorraad worden hier niet aangeboden.
site-unsubscribed = Je bent afgemeld.
site-unsubscribed-this = Die melding staat uit. Je krijgt er geen e-mail over.
site-unsubscribed-all = Al je meldingen staan uit. Je krijgt geen e-mail meer van ons.

## Antwoorden en berichten van de leverancier
site-answer-delivery-date = De leverdatum moet een datum zijn, zoals 2026-12-24.
site-answer-date = De datum moet een datum zijn, zoals 2026-12-24.
site-answer-choose = Kies of je de order bevestigt, in backorder zet of weigert.
site-answer-declined = Je hebt de order geweigerd. De koper is op de hoogte gebracht.
site-answer-backordered = De order staat in backorder met jouw datum. De koper is op de hoogte gebracht.
site-answer-acknowledged = Bedankt: de order is bevestigd met jouw leverdatum.
site-messages-busy = Er worden op dit moment te veel berichten verstuurd. Probeer het over een paar seconden opnieuw.
site-message-too-large = Het bericht is te groot: een bestand mag hoogstens 5 MiB zijn.
site-message-unreadable = Het bericht kon niet worden gelezen. Laad de pagina opnieuw en probeer het nog eens.
site-message-sent = Bericht verstuurd naar de koper.

## Inloggen en verzoeken van andere sites
site-sign-ins-busy = Te veel aanmeldingen op dit moment. Probeer het over een seconde opnieuw.
site-cross-site-refused = Verzoek van een andere site geweigerd: verstuur dit formulier vanaf de eigen pagina van het portaal.
