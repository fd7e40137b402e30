# Problemen die de controle van een import per rij en kolom vastlegt (engine/src/imports),
# elk na de naam van de kolom; waarom een import mislukte.

## Een cel of rij van een geïmporteerd bestand.
imp-required = is verplicht
imp-too-long = mag hoogstens { $max } tekens lang zijn
imp-control-characters = mag geen stuurtekens bevatten
imp-not-whole = moet een heel getal zijn, niet '{ $value }'
imp-between = moet tussen { $lo } en { $hi } liggen
imp-location-kind = moet dc of store zijn
imp-email = moet een e-mailadres zijn
imp-true-false = moet true of false zijn
imp-method = moet reorder_point, min_max of forecast zijn
imp-service-z = moet een getal van 0 tot en met { $most } zijn
imp-service-level = moet een percentage van 50 tot en met 99,9 zijn

## De eerste regel van het bestand, en hele rijen.
imp-header-unreadable = de eerste regel kon niet worden gelezen: { $detail }
imp-not-a-column = is geen kolom van dit bestand (verwacht: { $columns })
imp-named-twice = staat er twee keer in
imp-column-missing = ontbreekt in de eerste regel
imp-too-many-rows = een bestand mag hoogstens { $most } rijen hebben: splits het
imp-row-unreadable = kon niet worden gelezen: { $detail }
imp-row-fields = heeft { $fields } velden, de eerste regel noemt er { $names }
imp-row-repeats = herhaalt { $key } uit een eerdere rij
imp-no-rows = het bestand heeft na de eerste regel geen rijen

## Wat een rij noemt dat het portaal niet heeft.
imp-no-supplier = geen leverancier heeft de code { $code }
imp-no-location = geen locatie heeft de code { $code }
imp-no-sku = geen product heeft de SKU { $sku }
imp-no-class = geen product heeft de productgroep { $class } (gebruik * voor alle productgroepen)

## Waarom er niets is toegepast.
imp-failure-check = het bestand kon niet worden gecontroleerd: { $detail }. Er is niets toegepast: upload het opnieuw
imp-failure-apply = het bestand kon niet worden toegepast: { $detail }. Er is niets toegepast: upload het opnieuw
imp-failure-changed = de gegevens van het portaal zijn sinds de controle gewijzigd, dus het bestand zou niet meer wijzigen wat werd getoond: er is niets toegepast. Upload het opnieuw om het opnieuw te laten controleren
imp-failure-refused = { $reason }: er is niets toegepast
imp-failure-refused-sentence = { $reason } Er is niets toegepast.

