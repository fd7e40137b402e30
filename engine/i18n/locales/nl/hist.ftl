# De auditlog en de geschiedenis van een document als zinnen (engine/src/history.rs,
# engine/src/trail.rs), en de namen die de engine aan rollen, documenten en statussen
# geeft (engine/src/model.rs, engine/src/workflow).

## Wie het deed, als het geen persoon van dit portaal is.
hist-actor-outside = iemand buiten dit portaal
hist-actor-acting = { $person } (serviceprovider, vervangingssessie { $session })
hist-actor-key = koppelingssleutel { $key }
hist-actor-platform = het platformteam
hist-actor-provider = je serviceprovider
hist-actor-system = het systeem

## Documenten en andere onderwerpen.
hist-transfer = overboeking { $id }: { $quantity } × { $product } van { $from } naar { $to }
hist-purchase-order = { $lines ->
    [one] inkooporder PO-{ $id } aan { $supplier } voor { $location } ({ $lines } regel)
   *[other] inkooporder PO-{ $id } aan { $supplier } voor { $location } ({ $lines } regels)
}
hist-purchase-order-gone = inkooporder PO-{ $id }
hist-product-unknown = artikel #{ $id }
hist-subject-transfer = overboeking { $id }
hist-subject-purchase-order = inkooporder { $id }
hist-subject-exception = uitzondering { $id }
hist-subject-position = voorraadpositie { $id }
hist-subject-policy = bestelregel { $id }
hist-subject-delegation = overdracht { $id }
hist-subject-approval = goedkeuring { $id }
hist-subject-supplier = leverancier { $id }
# Een onderwerp zonder eigen woorden: soort en nummer zoals vastgelegd.
hist-subject-other = { $noun } { $id }

## Wat een regel aan het eind toevoegt: een notitie, de redenen van de assistent.
hist-note = : ‘{ $text }’
hist-reasons = : { $reasons }

## Goedkeuringsstappen.
hist-step-approved = { $who } heeft { $about } goedgekeurd{ $note }
hist-step-approved-number = { $who } heeft stap { $step } van { $about } goedgekeurd{ $note }
hist-step-approved-role = { $who } heeft stap { $step } ({ $role }) van { $about } goedgekeurd{ $note }
hist-step-rejected = { $who } heeft { $about } afgewezen{ $note }
hist-step-rejected-number = { $who } heeft stap { $step } van { $about } afgewezen{ $note }
hist-step-rejected-role = { $who } heeft stap { $step } ({ $role }) van { $about } afgewezen{ $note }

## De assistent.
hist-assistant-approved = { $who } heeft { $about } zelfstandig goedgekeurd, binnen de ingestelde grenzen{ $reasons }
hist-assistant-shadowed-approve = { $who } zou { $about } hebben goedgekeurd (schaduwmodus: alleen vastleggen){ $reasons }
hist-assistant-shadowed-refer = { $who } zou { $about } aan mensen hebben overgelaten (schaduwmodus: alleen vastleggen){ $reasons }
hist-assistant-referred = { $who } heeft { $about } aan mensen overgelaten{ $reasons }

## Uitzonderingen.
hist-exception-opened = { $who } heeft { $about } geopend
hist-exception-assigned = { $who } heeft { $about } toegewezen
hist-exception-escalated = { $who } heeft { $about } geëscaleerd
hist-exception-resolved = { $who } heeft { $about } opgelost
hist-exception-commented = { $who } heeft gereageerd op { $about }
# Een stap zonder eigen woorden, genoemd zoals vastgelegd.
hist-exception-other = { $who }: { $verb } ({ $about })

## De stappen van een overboeking of inkooporder.
hist-doc-proposed = { $who } heeft { $about } voorgesteld{ $note }
hist-doc-opened = { $who } heeft { $about } aangemaakt
hist-doc-submitted = { $who } heeft { $about } ter goedkeuring ingediend
hist-doc-auto-approved = { $who } heeft { $about } automatisch goedgekeurd, onder de goedkeuringslimiet
hist-doc-approved = { $who } heeft { $about } goedgekeurd
hist-doc-edited = { $who } heeft { $about } gewijzigd
hist-doc-edited-quantity = { $who } heeft { $about } gewijzigd van { $from } naar { $to } stuks
hist-doc-change-proposed = { $who } heeft een wijziging van { $about } voorgesteld
hist-doc-change-accepted = { $who } heeft de voorgestelde wijziging van { $about } geaccepteerd
hist-doc-change-rejected = { $who } heeft de voorgestelde wijziging van { $about } afgewezen
hist-doc-shipped = { $who } heeft { $about } verzonden
hist-doc-received = { $who } heeft { $about } ontvangen
hist-doc-line-added = { $who } heeft een regel aan { $about } toegevoegd
hist-doc-message = { $who } heeft geschreven over { $about }
hist-doc-links-revoked = { $who } heeft de links van de leverancier naar { $about } ingetrokken
hist-doc-ack-reminded = { $who } heeft de leverancier eraan herinnerd { $about } te bevestigen
hist-doc-asn-reminded = { $who } heeft de leverancier eraan herinnerd de levering van { $about } aan te kondigen
hist-doc-resent = { $who } heeft { $about } opnieuw naar de leverancier gestuurd
hist-doc-sent = { $who } heeft { $about } naar de leverancier gestuurd
hist-doc-acknowledged = { $who } heeft { $about } bevestigd
hist-doc-backordered = { $who } heeft { $about } in backorder gezet
hist-doc-closed = { $who } heeft { $about } afgesloten
hist-doc-rejected = { $who } heeft { $about } afgewezen{ $note }
hist-doc-declined = { $who } heeft { $about } geweigerd{ $note }
hist-doc-cancelled = { $who } heeft { $about } geannuleerd{ $note }
hist-doc-other = { $who }: { $verb } ({ $about })

## Al het andere zonder eigen woorden, de actie genoemd zoals vastgelegd.
hist-other = { $who }: { $what }
hist-other-about = { $who }: { $what } ({ $about })

## Andere regels.
hist-approval-requested = { $who } heeft goedkeuring gevraagd voor { $about }
hist-approval-escalated = { $who } heeft de goedkeuring van { $about } geëscaleerd: die wachtte te lang
hist-approval-auto-approved = { $who } heeft { $about } automatisch goedgekeurd: er geldt geen goedkeuringsstap
hist-anomaly-settings-saved = { $who } heeft de anomaliecontroles gewijzigd
hist-policy-saved = { $who } heeft een bestelregel opgeslagen
hist-policy-deleted = { $who } heeft een bestelregel verwijderd
hist-approval-matrix-saved = { $who } heeft de goedkeuringsmatrix gewijzigd
hist-member-roles-changed = { $who } heeft de rollen van een lid gewijzigd
hist-member-deactivated = { $who } heeft een lid gedeactiveerd
hist-member-reactivated = { $who } heeft een lid weer geactiveerd
hist-invitation-created = { $who } heeft iemand uitgenodigd
hist-invitation-revoked = { $who } heeft een uitnodiging ingetrokken
hist-invitation-accepted = { $who } heeft een uitnodiging geaccepteerd
hist-auth-signed-in = { $who } heeft zich aangemeld
hist-auth-sign-in-failed = Een aanmelding als { $who } is mislukt
hist-auth-second-factor-failed = { $who } heeft een verkeerde aanmeldcode ingevoerd
hist-auth-two-factor-on = { $who } heeft aanmelden in twee stappen ingeschakeld
hist-auth-two-factor-off = { $who } heeft aanmelden in twee stappen uitgeschakeld
hist-auth-recovery-codes-renewed = { $who } heeft de eigen herstelcodes vernieuwd
hist-auth-password-reset-requested = { $who } heeft gevraagd het eigen wachtwoord opnieuw in te stellen
hist-auth-password-reset = { $who } heeft via een herstellink een nieuw wachtwoord ingesteld
hist-auth-password-changed = { $who } heeft het eigen wachtwoord gewijzigd
hist-auth-language-changed = { $who } heeft de eigen taal gekozen
hist-tenant-region-changed = { $who } heeft de taal en tijdzone van het portaal gewijzigd
hist-auth-password-check-failed = { $who } heeft een verkeerd huidig wachtwoord opgegeven
hist-api-key-created = { $who } heeft een koppelingssleutel aangemaakt
hist-api-key-revoked = { $who } heeft een koppelingssleutel ingetrokken
hist-api-key-rotated = { $who } heeft een koppelingssleutel vervangen
hist-webhook-endpoint-created = { $who } heeft een webhook-endpoint toegevoegd
hist-webhook-endpoint-deleted = { $who } heeft een webhook-endpoint verwijderd
hist-webhook-endpoint-enabled = { $who } heeft een webhook-endpoint ingeschakeld
hist-webhook-endpoint-disabled = { $who } heeft een webhook-endpoint uitgeschakeld
hist-webhook-endpoint-secret-rotated = { $who } heeft het geheim van een webhook-endpoint vervangen
hist-webhook-delivery-replayed = { $who } heeft een webhook-levering opnieuw verstuurd
hist-webhook-source-created = { $who } heeft een gebeurtenisbron toegevoegd
hist-webhook-source-deleted = { $who } heeft een gebeurtenisbron verwijderd
hist-webhook-source-mapping-saved = { $who } heeft de veldtoewijzing van een gebeurtenisbron gewijzigd
hist-webhook-source-secret-rotated = { $who } heeft het geheim van een gebeurtenisbron vervangen
hist-theme-saved = { $who } heeft het thema van het portaal gewijzigd
hist-theme-picture-uploaded = { $who } heeft een afbeelding voor het thema geüpload
hist-theme-pack-applied = { $who } heeft een themapakket toegepast
hist-domain-added = { $who } heeft een eigen domein toegevoegd
hist-domain-verified = { $who } heeft een eigen domein geverifieerd
hist-domain-removed = { $who } heeft een eigen domein verwijderd
hist-tenant-suspended = { $who } heeft dit portaal opgeschort
hist-tenant-resumed = { $who } heeft dit portaal weer geactiveerd
hist-tenant-provisioned = { $who } heeft dit portaal ingericht
hist-tenant-two-factor-required = { $who } heeft gewijzigd of aanmelden in twee stappen verplicht is
hist-act-as-started = { $who } is begonnen met handelen in dit portaal
hist-act-as-entered = { $who } is dit portaal binnengegaan om erin te handelen
hist-act-as-ended = { $who } is gestopt met handelen in dit portaal
hist-delegation-created = { $who } heeft de eigen goedkeuringen tijdelijk aan een collega overgedragen
hist-delegation-ended = { $who } heeft een overdracht van goedkeuringen beëindigd
hist-import-applied = { $who } heeft een import toegepast
hist-job-replayed = { $who } heeft een mislukte taak opnieuw uitgevoerd
hist-shopper-erased = { $who } heeft de gegevens van een consument gewist
hist-subscription-ended = { $who } heeft een weer-op-voorraadmelding beëindigd
hist-back-in-stock-settings-changed = { $who } heeft de instellingen voor weer op voorraad gewijzigd
hist-settings-sweep-hour = { $who } heeft het tijdstip van de nachtelijke controle gewijzigd
hist-position-levels-set = { $who } heeft vaste niveaus ingesteld voor { $about }
hist-position-levels-cleared = { $who } heeft de vaste niveaus van { $about } gewist
hist-supplier-user-removed = { $who } heeft een gebruiker van een leverancier verwijderd
hist-supplier-clocks-changed = { $who } heeft de antwoordtermijnen van de leveranciers gewijzigd
hist-supplier-language-changed = { $who } heeft de taal van de e-mails aan { $about } gewijzigd
hist-client-provisioning-started = { $who } is begonnen met het inrichten van een klantportaal
hist-client-provisioning-retried = { $who } heeft het inrichten van een klantportaal opnieuw geprobeerd
hist-assistant-limits-saved = { $who } heeft de grenzen van de assistent gewijzigd
hist-backtest-started = { $who } heeft een backtest gestart
hist-backtest-run = { $who } heeft een backtest uitgevoerd

## Namen die de engine aan het portaal geeft.
hist-doc-kind-transfer = Overboeking
hist-doc-kind-purchase-order = Inkooporder
hist-portal-kind-retailer = retailer
hist-portal-kind-partner = partner
hist-portal-kind-platform = platform

## De status van een overboeking of inkooporder.
hist-state-proposed = voorgesteld
hist-state-pending-approval = wacht op goedkeuring
hist-state-approved = goedgekeurd
hist-state-shipped = verzonden
hist-state-received = ontvangen
hist-state-rejected = afgewezen
hist-state-cancelled = geannuleerd
hist-state-draft = concept
hist-state-sent = verstuurd
hist-state-acknowledged = bevestigd
hist-state-backordered = in backorder
hist-state-change-proposed = wijziging voorgesteld
hist-state-change-approval = wijziging wacht op goedkeuring
hist-state-partly-received = deels ontvangen
hist-state-closed = afgesloten
hist-state-declined = door leverancier geweigerd
