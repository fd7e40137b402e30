# People's own pages: their account and sign-in steps, the supplier's pages (an order,
# the order list, an invitation, scorecards) and the shopper's pages (back in stock).

## Shared
people-loading = Laden…
people-not-found-heading = Pagina niet gevonden
people-not-found-text = Op dit adres staat niets.
people-from = Van { $retailer }
people-email = E-mail
people-your-password = Je wachtwoord
people-your-name = Je naam
people-new-password = Nieuw wachtwoord (minstens 8 tekens)
people-choose-password = Kies een wachtwoord (minstens 8 tekens)
people-repeat-password = Hetzelfde wachtwoord nog eens
people-cancel = Annuleren
people-link-unusable = Deze link kan niet worden gebruikt
people-busy = Er wordt op dit moment te vaak ingelogd. Probeer het over een minuut opnieuw.

## Roles

## Signing in: the second step, a forgotten password
people-sign-in = Inloggen
people-sign-in-again = Opnieuw inloggen
people-go-to-sign-in = Naar inloggen
people-back-to-sign-in = Terug naar inloggen
people-start-again = Opnieuw beginnen
people-sign-in-ended = Je inlogsessie is verlopen. Log opnieuw in met je e-mailadres en wachtwoord.
people-second-step-code = De zescijferige code die je authenticator-app toont
people-second-step-recovery = Geen telefoon bij de hand? Typ dan een van je herstelcodes (zoals abcde-fghjk); elke code werkt één keer.
people-forgot-heading = Wachtwoord vergeten?
people-forgot-sent = Als dat adres hier een account heeft, hebben we er een link naartoe gestuurd om een nieuw wachtwoord te kiezen. De link werkt één keer, een uur lang. Kijk in je spammap als er over een paar minuten niets is aangekomen.
people-forgot-intro = Typ het e-mailadres waarmee je inlogt. We sturen er een link naartoe om een nieuw wachtwoord te kiezen.
people-forgot-send = Stuur de link
people-reset-heading = Kies een nieuw wachtwoord
people-reset-save = Nieuw wachtwoord opslaan
people-reset-note = Bij het opslaan word je overal anders uitgelogd. Inloggen in twee stappen blijft aan als je het gebruikt.
people-reset-ask-new = Vraag een nieuwe link aan
people-reset-invalid = Deze link is niet geldig. Controleer of hij volledig is gekopieerd, of vraag een nieuwe aan.
people-reset-used = Deze link is al gebruikt, of er is een nieuwere verstuurd. Vraag een nieuwe aan als je hem nog nodig hebt.
people-reset-expired = Deze link is verlopen. Vraag een nieuwe aan: die werkt een uur lang.

## Two-step sign-in
people-setup-heading = Inloggen in twee stappen instellen
people-setup-required = { $tenant } vraagt iedereen om elke keer inloggen te bevestigen met een code uit een app op de telefoon. Het instellen duurt eenmalig een minuut.
people-setup-step-app = Open een authenticator-app op je telefoon (zoals Aegis, Google Authenticator, Microsoft Authenticator of 1Password) en voeg een account toe.
people-setup-step-scan = Scan deze code, of typ de sleutel eronder over.
people-setup-qr-label = QR-code van de sleutel voor je authenticator-app
people-setup-key = Sleutel:
people-setup-open-app = Openen in een authenticator-app op dit apparaat
people-setup-code = De zescijferige code die de app toont
people-two-factor-heading = Inloggen in twee stappen
people-two-factor-turn-on = Inloggen in twee stappen aanzetten
people-two-factor-turn-off = Inloggen in twee stappen uitzetten
people-two-factor-on = Aan: bij elke keer inloggen wordt om een code uit je authenticator-app gevraagd.
people-two-factor-required = Dit portaal vereist inloggen in twee stappen, dus het blijft aan.
people-two-factor-off-summary = Uitzetten…
people-two-factor-off-code = Een code uit je app, of een herstelcode
people-two-factor-off-intro = Uit. Staat het aan, dan opent een gestolen wachtwoord alleen je account niet meer: bij elke keer inloggen wordt ook om een code uit een app op je telefoon gevraagd.

## The account page and recovery codes
people-account-heading = Je account
people-password-heading = Wachtwoord
people-current-password = Huidig wachtwoord
people-password-change = Wachtwoord wijzigen
people-password-change-note = Bij het wijzigen word je overal anders uitgelogd.
people-recovery-left = Nog { $left } van 10 herstelcodes over.
people-recovery-new-summary = Nieuwe herstelcodes…
people-recovery-renew-code = Een code uit je app (de oude herstelcodes werken dan niet meer)
people-recovery-renew = Nieuwe herstelcodes maken
people-recovery-heading = Herstelcodes
people-recovery-shown-once = Herstelcodes worden maar één keer getoond, direct nadat ze zijn gemaakt. Nieuwe krijg je via je account.
people-recovery-keep-heading = Bewaar deze herstelcodes
people-recovery-keep-intro = Als je je telefoon kwijtraakt, logt elk van deze codes je één keer in, in plaats van een code uit de app. Bewaar ze op een veilige plek (een wachtwoordmanager, of afgedrukt). Ze worden niet nog eens getoond.
people-recovery-kept = Ik heb ze bewaard: doorgaan

## An invitation
people-invite-unusable = Deze uitnodiging kan niet worden gebruikt
people-invite-join = Word lid van het portaal
people-invite-join-supplier = Word lid van het leveranciersportaal
# $role is one of the people-invite-as-… phrases below.
people-invite-staff = Je bent uitgenodigd voor het bevoorradingsportaal van { $retailer } als { $role }. De uitnodiging is voor { $email } en werkt tot { $until }.
people-invite-supplier = Je bent uitgenodigd om de inkooporders van { $retailer } voor { $supplier } te beantwoorden. De uitnodiging is voor { $email } en werkt tot { $until }.
people-invite-as-tenant-admin = beheerder
people-invite-as-planner = planner
people-invite-as-approver = goedkeurder
people-invite-as-supplier = leverancier
people-invite-as-partner-admin = partnerbeheerder
people-invite-as-platform-admin = platformbeheerder
people-invite-existing = Dit adres heeft hier al een account (voor een andere retailer). Bevestig met het wachtwoord daarvan: je toegang tot elke retailer blijft gescheiden.
people-invite-accept = Uitnodiging accepteren
people-invite-accept-sign-in = Accepteren en inloggen
people-invite-invalid = Deze uitnodigingslink is niet geldig. Controleer of hij volledig is gekopieerd, of vraag een nieuwe uitnodiging aan.
people-invite-used = Deze uitnodiging is al gebruikt. Log in met het wachtwoord dat je toen hebt gekozen.
people-invite-expired = Deze uitnodiging is verlopen op { $day }. Vraag degene die je heeft uitgenodigd om een nieuwe.
people-invite-revoked = Deze uitnodiging is ingetrokken. Vraag degene die je heeft uitgenodigd om een nieuwe.
people-invite-wrong-password = Dat is niet het wachtwoord van je account. Gebruik het wachtwoord waarmee je elders in deze dienst inlogt.
people-invite-too-many = Deze uitnodiging is ingetrokken na te veel verkeerde wachtwoorden. Vraag degene die je heeft uitgenodigd om een nieuwe.

## A purchase order, as its supplier sees it
people-order-unopenable = Deze order kan niet worden geopend
people-order-all = ← Al je orders
people-order-title = Inkooporder PO-{ $id }
people-order-lines-caption = Orderregels
people-order-article = Artikel
people-order-quantity = Aantal
people-order-unit-price = Stukprijs
people-order-line-value = Regelwaarde
people-order-total = Totaal
people-order-promised-heading = Toegezegde leverdata
people-order-promise = { $day } (toegezegd op { $given })
people-order-change-date = Leverdatum wijzigen
people-order-acknowledge-heading = Order bevestigen
people-order-delivery-date = Leverdatum
people-order-save-date = Nieuwe datum opslaan
people-order-acknowledge = Bevestigen
people-order-backorder-heading = In backorder zetten
people-order-not-before = Niet vóór
people-order-backorder = Backorder
people-order-decline = Order afwijzen
people-order-decline-reason = Waarom je niet kunt leveren (de inkoper leest dit)
people-fact-deliver-to = Leveren aan
people-fact-supplier = Leverancier
people-fact-address = Afleveradres
people-fact-ordered-on = Besteld op
people-fact-requested = Levering gevraagd vóór
people-fact-answer-by = Graag antwoord vóór
people-fact-promised = Levering toegezegd voor
people-fact-note = Je notitie
people-line-backordered = { $article } (in backorder: levering { $day })
people-link-invalid = Deze link is niet geldig. Controleer of hij volledig is gekopieerd, of vraag de inkoper de order opnieuw te sturen.
people-link-expired = Deze link is verlopen op { $day }. Vraag de inkoper de order opnieuw te sturen.
people-link-revoked = Deze link is ingetrokken door de inkoper. Vraag de inkoper om een nieuwe.

## An order's state, in the supplier's words
people-state-sent = wacht op je antwoord
people-state-acknowledged = bevestigd
people-state-backordered = in backorder
people-state-change-proposed = wijziging voorgesteld
people-state-change-approval = wordt beoordeeld door de inkoper
people-state-shipped = verzonden
people-state-partly-received = deels ontvangen
people-state-closed = afgesloten
people-state-declined = afgewezen
people-state-cancelled = geannuleerd door de inkoper
people-state-not-open = niet open

## The supplier's orders
people-orders-yours = Je orders
people-orders-for = Orders voor { $supplier }
people-orders-empty = Nog geen orders. Als de inkoper er een stuurt, verschijnt die hier en krijg je een e-mail.
people-orders-empty-state = Geen orders met deze status.
people-orders-not-linked = je account is nog niet gekoppeld aan een leverancier: vraag de inkoper je opnieuw uit te nodigen
people-orders-show = Toon
people-orders-all = alle orders
people-orders-filter = Filteren
people-orders-caption = Je inkooporders
people-orders-order = Order
people-orders-state = Status
people-orders-deliver-to = Leveren aan
people-orders-delivery = Levering
people-orders-lines = Regels
people-orders-value = Waarde
people-orders-ordered = besteld op { $day }
people-orders-older = Oudere orders →
people-delivery-promised = { $day } (toegezegd)
people-delivery-requested = { $day } (gevraagd)

## Supplier access (the admin's page)
people-access-works-until = link werkt tot { $day }
people-access-expired-on = verlopen op { $day }
people-day-mon = ma
people-day-tue = di
people-day-wed = wo
people-day-thu = do
people-day-fri = vr
people-day-sat = za
people-day-sun = zo

## Scorecards
people-scorecards-heading = Scorecards van leveranciers
people-scorecard-own-heading = Je scorecard
people-scorecard-intro = De verstuurde orders van de laatste { $weeks } weken, maandag tot en met zondag. Op tijd betekent bevestigd voordat de bevestiging verschuldigd was (twee werkdagen, tenzij de retailer een andere termijn heeft ingesteld); orders waarvan die termijn nog loopt, tellen nog niet mee. Levercijfers volgen zodra ontvangsten bij orders zijn geboekt.
people-scorecard-empty = In deze periode zijn geen orders verstuurd.
people-scorecard-trend-caption = Op tijd bevestigd, per week
people-scorecard-week-of = Week van
people-scorecard-orders-due = Verschuldigde orders
people-scorecard-on-time = Op tijd
people-score-sent = Verstuurde orders
people-score-acknowledged = Bevestigd
people-score-of = { $part } van { $whole }
people-score-on-time = Op tijd bevestigd
people-score-on-time-value = { $percent } ({ $part } van { $whole } verschuldigd)
people-score-pending = Wacht op antwoord, nog niet verschuldigd
people-score-declined = Afgewezen
people-score-median-ack = Mediane tijd tot bevestiging
people-score-hours = { $hours } u
people-score-date-changes = Gewijzigde leverdata
people-score-delivered = Geleverde orders
people-score-otif = Op tijd en volledig
people-score-otif-value = { $percent } ({ $part } van { $whole } geleverd)
people-score-fill-rate = Leveringsgraad
people-score-fill-value = { $percent } ({ $part } van { $whole } stuks)
people-score-median-lead = Mediane levertijd
people-score-days = { $days } dagen

## Back in stock: a product's page, a confirmation link, a shopper's alerts
people-product-not-found = Dit product is niet gevonden
people-stock-in = Op voorraad
people-stock-few = Nog maar een paar
people-stock-out = Niet op voorraad
people-notify-in-stock-everywhere = Het is overal op voorraad waar het vermeld staat: geen melding nodig.
people-notify-heading = Laat het me weten als het terug is
people-notify-store = Winkel
people-notify-email = Je e-mailadres
people-notify-leave-empty = Laat dit leeg
# The consent wording (engine::back_in_stock::CONSENT_WORDING, version v1).
people-notify-consent = Stuur me één e-mail wanneer dit artikel hier weer op voorraad is. Ik kan me op elk moment afmelden.
people-notify-submit = Stuur me een melding
people-alert-heading = Melding: weer op voorraad
people-alert-confirm-ask = Bevestig dat je één e-mail wilt wanneer { $product } bij { $place } weer op voorraad is.
people-alert-confirm = Mijn melding bevestigen
people-alert-expired = Deze bevestigingslink is verlopen. Vraag de melding opnieuw aan op de pagina van het product.
people-alert-on = Je melding staat aan: we mailen je één keer wanneer { $product } bij { $place } terug is.
people-alert-ended = Deze melding is beëindigd.
people-alert-manage = Je meldingen beheren of je gegevens wissen
people-alerts-heading = Je meldingen
people-alerts-for = Voor { $address }.
people-alerts-none = Je hebt geen meldingen.
people-alerts-row = { $state } (aangevraagd op { $day })
people-alert-state-pending = Wacht op je bevestiging
people-alert-state-confirmed = Aan: we mailen je wanneer het terug is
people-alert-state-mailing = Weer op voorraad: je e-mail is onderweg
people-alert-state-done = Klaar: we hebben je gemaild dat het terug was
people-alert-state-off = Uit
people-alerts-stop-this = Stop de melding waar deze e-mail over ging
people-alerts-stop-all = Stop al mijn meldingen
people-erase-heading = Mijn gegevens wissen
people-erase-intro = Dit verwijdert je e-mailadres en al je meldingen hier, meteen. Dit kan niet ongedaan worden gemaakt.
people-erase-confirm = Ja, wis mijn gegevens
# The widget snippet's placeholders for the address the admin fills in.
people-widget-portal-host = host van je portaal
people-widget-platform-host = host van het platform
