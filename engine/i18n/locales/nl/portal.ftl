# Het kader van elke pagina: overslaan-link, navigatie, account.
skip-to-content = Naar de inhoud
nav-dashboard = Dashboard
nav-inventory = Voorraad
nav-approvals = Goedkeuringen
nav-documents = Documenten
nav-exceptions = Uitzonderingen
nav-policies = Bestelregels
nav-scorecards = Leveranciersscores
nav-assistant = Assistent
nav-backtests = Backtests
nav-jobs = Taken
nav-settings = Instellingen
nav-suppliers = Leveranciers
nav-back-in-stock = Weer op voorraad
nav-integrations = Koppelingen
nav-members = Leden
nav-branding = Huisstijl
nav-audit-trail = Auditlog
nav-clients = Klanten
nav-platform = Platform
nav-orders = Bestellingen
nav-scorecard = Score
sign-out = Afmelden
account-link-title = { $email }: je account en aanmelding
signed-in-as = Aangemeld als { $name }

# Aanmelden.
login-heading = Aanmelden bij { $product }
login-already = U bent aangemeld als { $name }.
login-go-inventory = Naar de voorraad
login-signed-out = U bent afgemeld.
login-email = E-mail
login-password = Wachtwoord
login-submit = Aanmelden
login-forgot = Wachtwoord vergeten?
login-error-throttled = Te veel aanmeldpogingen. Wacht een paar minuten en probeer het dan opnieuw.
login-error-expired = Je sessie is verlopen. Meld je opnieuw aan.
login-error-missing = Vul je e-mailadres en wachtwoord in.
login-error-second-step = Je aanmelding duurde te lang. Meld je opnieuw aan.
login-error-mismatch = Dit e-mailadres en wachtwoord horen bij geen account hier.

# De taal die iemand leest.
language-heading = Taal
language-intro = Het portaal wordt je in deze taal getoond.
language-choice = Taal
language-browser = Zoals mijn browser vraagt
language-save = Taal opslaan
language-saved = Je taal is opgeslagen.
