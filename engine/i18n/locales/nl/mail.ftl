# E-mails (engine/src/mail, engine/templates/mail): to staff, suppliers and shoppers,
# in the recipient's language.

## Shared

mail-hello = Hallo { $name },
mail-footer = Verzonden door { $tenant } voor { $tenant }.
mail-open-order = Inkooporder openen

## Approval requests and outcomes (to staff)

mail-approval-subject = Goedkeuring nodig: { $title }
mail-approval-waiting = { $title } wacht op je beslissing.
mail-approval-open = Goedkeuringen openen
mail-outcome-approved = { $title } is goedgekeurd
mail-outcome-rejected = { $title } is afgewezen
mail-outcome-cancelled = { $title } is geannuleerd
mail-outcome-change-rejected-in-approval = Voor { $title } is de wijziging bij de goedkeuring afgewezen
mail-outcome-declined = { $title } is door de leverancier geweigerd
mail-outcome-acknowledged = { $title } is door de leverancier bevestigd
mail-outcome-backordered = { $title } is door de leverancier in nalevering gezet
mail-outcome-changes-proposed = Voor { $title } heeft de leverancier wijzigingen voorgesteld
mail-outcome-change-accepted-by-supplier = Voor { $title } heeft de leverancier de wijziging geaccepteerd
mail-outcome-change-accepted = Voor { $title } is de wijziging geaccepteerd
mail-outcome-change-refused-by-supplier = Voor { $title } heeft de leverancier de wijziging geweigerd
mail-outcome-change-refused = Voor { $title } is de wijziging geweigerd
mail-outcome-shipped = { $title } is door de leverancier verzonden
mail-outcome-other = { $title }: { $outcome }
mail-outcome-note-promised = Levering toegezegd voor { $day }.
mail-outcome-note-not-before = Levering niet vóór { $day }.
mail-outcome-open = Document openen

## A document's facts

mail-transfer-title = Overboeking { $id }: { $quantity } st. { $sku } { $product }
mail-po-title = Inkooporder { $id } { $lines ->
    [one] ({ $lines } regel)
   *[other] ({ $lines } regels)
}
mail-po-change-title = Wijziging van inkooporder { $id }
mail-unknown-location = locatie { $id }
mail-fact-from = Van
mail-fact-to = Naar
mail-fact-quantity = Aantal
mail-fact-value = Waarde
mail-fact-product = Product
mail-fact-supplier = Leverancier
mail-fact-ship-to = Leveren aan
mail-fact-value-with-change = Waarde met de wijziging
mail-fact-proposed-by = Voorgesteld door
mail-fact-delivery-with-change = Levering met de wijziging
mail-fact-change = Wijziging: { $sku }
mail-proposed-by-buyer = de inkoper
mail-proposed-by-supplier = de leverancier
mail-po-line = { $quantity } × { $product } à { $price }
mail-change-line = { $quantity } à { $price } → { $new_quantity } à { $new_price }

## Purchase orders (to the supplier)

mail-order-title = Inkooporder PO-{ $id } van { $tenant }
mail-order-subject-cancelled = Geannuleerd: { $title }
mail-order-subject-update = Update: { $title }
mail-order-subject-reminder = Herinnering: { $title }
mail-order-subject-message = Bericht over { $title }
mail-order-intro = Graag de inkooporder hieronder leveren.
mail-order-intro-reminder = Herinnering: we hebben nog geen antwoord van je op deze inkooporder. Bevestig hem met je leverdatum, of weiger hem.
mail-order-intro-cancelled = Deze inkooporder is geannuleerd. Lever hem niet; is hij al onderweg, beantwoord dan deze e-mail.
mail-order-intro-message = { $author } schreef over deze inkooporder: “{ $body }”
mail-update-closed = Deze inkooporder is afgesloten: verzend niet meer wat nog niet verzonden is.
mail-update-change-proposed = De inkoper stelt een wijziging van deze inkooporder voor. Log in op het portaal om hem te bekijken, en accepteer of weiger hem. Tot dan geldt de inkooporder zoals hieronder.
mail-update-change-refused-reason = Je voorgestelde wijziging is niet geaccepteerd (“{ $reason }”). De inkooporder blijft zoals hieronder.
mail-update-change-refused = Je voorgestelde wijziging is niet geaccepteerd door de retailer. De inkooporder blijft zoals hieronder.
mail-update-change-accepted = Je voorgestelde wijziging is geaccepteerd: de inkooporder hieronder is nu de geldende.
mail-update-asn-reminder = De levering is toegezegd voor { $day } en we hebben nog geen verzendbericht. Log in en stuur er een zodra de goederen onderweg zijn, of stel een nieuwe datum voor.
mail-order-link-note = Bevestig hem met je leverdatum, of weiger hem, via deze link; geen wachtwoord nodig. De link werkt tot { $day }.
mail-order-link-note-message = Reageer, of beantwoord de inkooporder, via deze link; geen wachtwoord nodig. De link werkt tot { $day }.
mail-order-fact-order = Inkooporder
mail-order-fact-deliver-to = Leveren aan
mail-order-fact-address = Leveradres
mail-order-fact-ordered-on = Besteld op
mail-order-fact-requested-by = Levering gevraagd vóór
mail-order-fact-total = Totaal
mail-order-line-backordered = { $sku } { $product } (nalevering: levering { $day })
mail-order-article = Artikel
mail-order-quantity = Aantal
mail-order-unit-price = Stukprijs

## Messages and account notices

mail-staff-message-title = { $author } schreef over inkooporder { $id }
mail-notice-password-changed = Je wachtwoord is gewijzigd
mail-notice-two-factor-on = Inloggen in twee stappen is ingeschakeld voor je account
mail-notice-two-factor-off = Inloggen in twee stappen is uitgeschakeld voor je account
mail-notice-recovery-codes = Er zijn nieuwe herstelcodes gemaakt voor je account
mail-notice-title = { $what } ({ $product })
mail-notice-intro = Heb je dit zelf gedaan, dan hoef je niets te doen. Zo niet, stel dan nu je wachtwoord opnieuw in via de link hieronder, en laat het je beheerder weten.
mail-notice-button = Wachtwoord opnieuw instellen

## Invitations and password resets

mail-invite-supplier-title = { $tenant } nodigt je uit voor zijn leveranciersportaal
mail-invite-supplier-intro = Je ziet daar de inkooporders die { $tenant } naar { $supplier } stuurt, en beantwoordt ze: bevestigen met een leverdatum, of weigeren.
mail-invite-staff-title = { $tenant } nodigt je uit voor zijn bevoorradingsportaal
mail-invite-staff-intro = Je gaat aan de slag bij { $tenant } als { $role ->
    [tenant_admin] beheerder.
    [planner] planner.
    [approver] goedkeurder.
    [partner_admin] partnerbeheerder.
    [platform_admin] platformbeheerder.
   *[other] lid.
}
mail-invite-link-note = De link werkt één keer, tot { $day }. Je kiest je wachtwoord als je hem opent.
mail-invite-button = Uitnodiging accepteren
mail-invite-ignore = Had je deze e-mail niet verwacht, dan kun je hem negeren: er gebeurt niets zolang de link niet wordt gebruikt.
mail-reset-title = Je wachtwoord voor { $product } opnieuw instellen
mail-reset-intro = Iemand, waarschijnlijk jij, heeft gevraagd het wachtwoord van dit account opnieuw in te stellen. Was jij het niet, negeer dan deze e-mail: er verandert niets zolang de link niet wordt gebruikt.
mail-reset-link-note = De link werkt één keer, { $minutes } minuten lang. Met een nieuw wachtwoord word je overal elders afgemeld.
mail-reset-button = Nieuw wachtwoord kiezen

## Back in stock (to shoppers)

mail-shopper-online-shop = onze webshop
mail-shopper-confirm-subject = Bevestig je melding voor { $product }
mail-shopper-confirm-heading = Bevestig je melding 'weer op voorraad'
mail-shopper-confirm-intro = Je hebt { $shop } gevraagd je te mailen zodra { $product } in { $place } weer op voorraad is. Bevestig dat dit je adres is om de melding te starten.
mail-shopper-confirm-button = Mijn melding bevestigen
mail-shopper-confirm-note = De link werkt { $hours } uur. Heb je hier niet om gevraagd, negeer dan deze e-mail: je hoort niet meer van ons.
mail-shopper-notify-subject = { $product } is in { $place } weer op voorraad
mail-shopper-notify-heading = { $product } is er weer
mail-shopper-notify-intro = Goed nieuws: { $product } is in { $place } weer op voorraad. We laten het de mensen op de wachtlijst om de beurt weten, zoveel als er artikelen zijn, dus het kan snel gaan.
mail-shopper-notify-button = Nu kopen
mail-shopper-notify-note = Dit was je enige melding voor dit artikel; die is nu afgelopen.
mail-shopper-substitute-subject = { $product } is nog uitverkocht: { $alt } is in { $place } op voorraad
mail-shopper-substitute-heading = Terwijl je wacht op { $product }
mail-shopper-substitute-intro = { $product } is in { $place } nog niet op voorraad. { $alt } is daar nu verkrijgbaar, als dat ook goed is.
mail-shopper-substitute-button = { $alt } bekijken
mail-shopper-substitute-note = Je melding voor { $product } blijft staan: we laten het je nog steeds weten als het terug is.
mail-shopper-manage = Je meldingen beheren of je gegevens wissen
mail-shopper-unsubscribe = Afmelden

## Previews (/settings/branding/emails): who gets each e-mail, and sample content

mail-preview-approval-request = Goedkeuring nodig (aan goedkeurders)
mail-preview-outcome = Besluit over een document (aan wie het vroeg)
mail-preview-purchase-order = Inkooporder (aan de leverancier; herinneringen, wijzigingen en annuleringen zien er net zo uit)
mail-preview-supplier-message = Bericht van een leverancier (aan planners)
mail-preview-invitation = Uitnodiging (aan een nieuw lid of iemand van een leverancier)
mail-preview-password-reset = Wachtwoord opnieuw instellen
mail-preview-shopper-alert = Weer op voorraad (aan klanten)
mail-preview-outcome-subject = Goedgekeurd: { $title }
mail-preview-order-link-note = Bevestig hem met je leverdatum, of weiger hem, via deze link; geen wachtwoord nodig.
mail-preview-invite-link-note = De link werkt één keer, zeven dagen lang. Je kiest je wachtwoord als je hem opent.
mail-preview-shopper-subject = { $product } is weer op voorraad
mail-preview-shopper-heading = Het is er weer
mail-preview-shopper-intro = { $product } is in { $place } weer op voorraad.
mail-preview-shopper-button = Bekijken
mail-preview-shopper-note = Je wilde weten wanneer het terug was. We schrijven er niet nog eens over.
mail-sample-product = Voorbeeldproduct
mail-sample-product-2 = Ander product
mail-sample-warehouse = Centraal magazijn
mail-sample-store = Voorbeeldwinkel
mail-sample-address = Voorbeeldwinkel, Voorbeeldstraat 1
mail-sample-reason = De voorraad van de winkel is onder het bestelpunt gezakt; het magazijn kan het missen.
mail-sample-transfer = Overboeking { $id }
mail-sample-note = Prima voor deze week.
mail-sample-supplier = Voorbeeldleverancier
mail-sample-message = We kunnen donderdag leveren in plaats van woensdag. Is dat goed?
