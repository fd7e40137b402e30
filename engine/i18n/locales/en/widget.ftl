# The shopper widget (server/assets/widget.js; filled in when the portal serves it).
widget-in-stock = In stock
widget-few-left = Few left
widget-out-of-stock = Out of stock
widget-store = Store
widget-email = Your e-mail address
widget-notify = Notify me
widget-sending = Sending…
widget-failed = Something went wrong.
widget-not-sent = The alert could not be sent. Please try again.
widget-unavailable = Availability is not available right now.
