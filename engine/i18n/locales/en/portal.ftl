# The frame of every page: skip link, navigation, account.
skip-to-content = Skip to content
nav-dashboard = Dashboard
nav-inventory = Inventory
nav-approvals = Approvals
nav-documents = Documents
nav-exceptions = Exceptions
nav-policies = Policies
nav-scorecards = Scorecards
nav-assistant = Assistant
nav-backtests = Backtests
nav-jobs = Jobs
nav-settings = Settings
nav-suppliers = Suppliers
nav-back-in-stock = Back in stock
nav-integrations = Integrations
nav-members = Members
nav-branding = Branding
nav-audit-trail = Audit trail
nav-clients = Clients
nav-platform = Platform
nav-orders = Orders
nav-scorecard = Scorecard
sign-out = Sign out
account-link-title = { $email }: your account and sign-in
signed-in-as = Signed in as { $name }

# Signing in.
login-heading = Sign in to { $product }
login-already = You are signed in as { $name }.
login-go-inventory = Go to inventory
login-signed-out = You have signed out.
login-email = E-mail
login-password = Password
login-submit = Sign in
login-forgot = Forgot your password?
login-error-throttled = Too many sign-in attempts. Wait a few minutes, then try again.
login-error-expired = Your session has ended. Please sign in again.
login-error-missing = Enter your e-mail address and password.
login-error-second-step = Your sign-in took too long. Please sign in again.
login-error-mismatch = That e-mail address and password do not match an account here.

# The language a person reads.
language-heading = Language
language-intro = The portal is shown to you in this language.
language-choice = Language
language-browser = As my browser asks
language-save = Save the language
language-saved = Your language is saved.
