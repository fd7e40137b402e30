# Der Rahmen jeder Seite: Sprunglink, Navigation, Konto.
skip-to-content = Zum Inhalt springen
nav-dashboard = Übersicht
nav-inventory = Bestand
nav-approvals = Freigaben
nav-documents = Belege
nav-exceptions = Ausnahmen
nav-policies = Dispositionsregeln
nav-scorecards = Lieferantenbewertung
nav-assistant = Assistent
nav-backtests = Backtests
nav-jobs = Aufträge
nav-settings = Einstellungen
nav-suppliers = Lieferanten
nav-back-in-stock = Wieder verfügbar
nav-integrations = Integrationen
nav-members = Mitglieder
nav-branding = Erscheinungsbild
nav-audit-trail = Prüfprotokoll
nav-clients = Kunden
nav-platform = Plattform
nav-orders = Bestellungen
nav-scorecard = Bewertung
sign-out = Abmelden
account-link-title = { $email }: Ihr Konto und Ihre Anmeldung
signed-in-as = Angemeldet als { $name }

# Anmelden.
login-heading = Bei { $product } anmelden
login-already = Sie sind als { $name } angemeldet.
login-go-inventory = Zum Bestand
login-signed-out = Sie haben sich abgemeldet.
login-email = E-Mail
login-password = Passwort
login-submit = Anmelden
login-forgot = Passwort vergessen?
login-error-throttled = Zu viele Anmeldeversuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.
login-error-expired = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
login-error-missing = Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.
login-error-second-step = Ihre Anmeldung hat zu lange gedauert. Bitte melden Sie sich erneut an.
login-error-mismatch = Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto hier.

# Die Sprache, die eine Person liest.
language-heading = Sprache
language-intro = Das Portal erscheint Ihnen in dieser Sprache.
language-choice = Sprache
language-browser = Wie mein Browser es wünscht
language-save = Sprache speichern
language-saved = Ihre Sprache ist gespeichert.
