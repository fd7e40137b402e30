# A tenant's language and time zone (server/src/http/forms/region.rs, engine/src/region.rs).
region-heading = Language and time zone
region-back = Back to the portal
region-theme = Theme
region-intro = The language your people read the portal and their e-mails in until they choose their own, and the time zone times are shown in.
region-language = Language
region-language-browser = As each person's browser asks
region-time-zone = Time zone
region-time-zone-help = A name such as Europe/Amsterdam; empty for UTC. Now it is { $now }.
region-save = Save
region-saved = Language and time zone saved.
region-err-language = Language: choose one from the list.
region-err-time-zone = Time zone: { $zone } is not a time zone name such as Europe/Amsterdam.
