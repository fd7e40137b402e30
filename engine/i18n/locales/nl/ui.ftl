# Pieces every page shares (app/src/components.rs).
ui-acting-in = Je handelt in het portaal van { $tenant }
ui-acting-as = als { $role } tot { $until }. Reden: { $reason }. Alles wat je hier doet, wordt vastgelegd in het auditlogboek, dat de beheerders lezen.
ui-end-now = Nu beëindigen
ui-back-to-start = Terug naar de startpagina
ui-unreachable = De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.
ui-updates-itself = Deze pagina ververst zichzelf elke { $seconds } s zolang het werk loopt.
ui-stop-updating = Niet meer verversen
ui-stopped-updating = Verversen gestopt: laad de pagina opnieuw voor de laatste stand.
ui-messages = Berichten
ui-no-messages = Nog geen berichten.
ui-author-supplier = { $name } (leverancier)
ui-author-buyer = { $name } (inkoper)
ui-write-to-buyer = Schrijf de inkoper
ui-write-to-supplier = Schrijf de leverancier (die krijgt het per e-mail)
ui-attach-file = Bestand bijvoegen (optioneel: PDF, PNG, JPEG, CSV of tekst, hoogstens 5 MiB)
ui-send-message = Bericht versturen

# The numbers behind a suggestion (app/src/ssr/format.rs).
ui-fact-position = Voorraadpositie
ui-fact-position-value = { $position } = { $on_hand } op voorraad + { $in_transit } onderweg + { $on_order } besteld
ui-fact-reorder-point = Bestelpunt
ui-fact-order-up-to = Aanvullen tot
ui-fact-safety-stock = Veiligheidsvoorraad
ui-fact-safety-computed = { $n } (uit de schommeling van de vraag)
ui-fact-safety-configured = { $n } (ingesteld)
ui-fact-daily-demand = Vraag per dag
ui-fact-daily-demand-value = { $mean } ± { $spread } over { $days } dagen
ui-fact-lead-time = Levertijd
ui-fact-days = { $days } dagen
ui-fact-pack-moq = Verpakkingseenheid / minimum
ui-fact-uplift = Actie-opslag
ui-fact-stock-line = { $on_hand } op voorraad, { $in_transit } onderweg, { $on_order } besteld; bestelpunt { $rop }; { $sold } verkocht in 7 dagen
ui-fact-no-stock-record = geen voorraadgegevens

# Failures of the portal's calls (app/src/ssr).
ui-sign-in-to-continue = Meld je aan om verder te gaan.
ui-not-found = Dat bestaat niet in dit portaal. Controleer de link of ga terug naar de lijst.
