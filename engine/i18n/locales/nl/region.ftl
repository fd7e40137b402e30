# A tenant's language and time zone (server/src/http/forms/region.rs, engine/src/region.rs).
region-heading = Taal en tijdzone
region-back = Terug naar het portaal
region-theme = Thema
region-intro = De taal waarin je mensen het portaal en hun e-mails lezen tot ze zelf een kiezen, en de tijdzone waarin tijden worden getoond.
region-language = Taal
region-language-browser = Zoals de browser van ieder persoon vraagt
region-time-zone = Tijdzone
region-time-zone-help = Een naam zoals Europe/Amsterdam; leeg voor UTC. Nu is het { $now }.
region-save = Opslaan
region-saved = Taal en tijdzone opgeslagen.
region-err-language = Taal: kies er een uit de lijst.
region-err-time-zone = Tijdzone: { $zone } is geen tijdzonenaam zoals Europe/Amsterdam.
