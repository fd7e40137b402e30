# The shopper widget (server/assets/widget.js; filled in when the portal serves it).
widget-in-stock = Op voorraad
widget-few-left = Nog maar een paar
widget-out-of-stock = Uitverkocht
widget-store = Winkel
widget-email = Je e-mailadres
widget-notify = Laat het me weten
widget-sending = Bezig met versturen…
widget-failed = Er ging iets mis.
widget-not-sent = De melding kon niet worden verstuurd. Probeer het opnieuw.
widget-unavailable = De beschikbaarheid is nu niet op te vragen.
