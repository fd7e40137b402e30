# The shopper widget (server/assets/widget.js; filled in when the portal serves it).
widget-in-stock = Vorrätig
widget-few-left = Nur noch wenige
widget-out-of-stock = Ausverkauft
widget-store = Filiale
widget-email = Ihre E-Mail-Adresse
widget-notify = Benachrichtigen Sie mich
widget-sending = Wird gesendet…
widget-failed = Etwas ist schiefgelaufen.
widget-not-sent = Der Hinweis konnte nicht gesendet werden. Bitte versuchen Sie es erneut.
widget-unavailable = Die Verfügbarkeit ist gerade nicht abrufbar.
