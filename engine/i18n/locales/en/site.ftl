# Server-rendered pages and form handlers (server/src/http): the frame, form posts'
# notices and errors, the platform's landing, not-found and suspended pages.

## Shared
site-form-unreadable = The form could not be read. Reload the page and try again.
site-whole-number = { $label } must be a whole number.
site-back-to-portal = Back to the portal

## Pages without a tenant
site-landing-title = Replenishment portals
site-landing-intro = Every retailer's portal has an address of its own. To sign in, use the link your company, your supplier or your shop gave you.
site-landing-demo-heading = Demo portals
site-landing-demo-sign-ins = The demo's sign-ins are printed where it was started.
site-not-found-title = Not found
site-not-found-text = There is no portal at this address. Check the link you were given.
site-suspended-title = { $name }: suspended
site-suspended-heading = This portal is suspended
site-suspended-text = { $name }'s portal is not available at the moment. Nothing is lost: everything is here again when it is resumed.
site-suspended-more = Your administrator can tell you more.
site-unavailable = temporarily unavailable

## The frame: the act-as banner, role and tenant-kind names
site-act-as-banner-heading = You are acting in { $client }'s portal
site-act-as-banner-text = as { $role } until { $until }. Reason: { $reason }. Everything you do here is recorded in its audit trail, which its admins read.
site-act-as-end-now = End now
site-kind-retailer = retailer
site-kind-partner = partner
site-kind-platform = platform

## A person's own account
site-passwords-differ = The two passwords differ: type the same password twice.
site-new-passwords-differ = The two new passwords differ: type the same password twice.
site-password-reset-done = Your password is changed. Sign in with the new one.
site-busy = Too many sign-ins at this moment. Please try again in a minute.
site-language-unknown = The language must be one the portal speaks: en, de or nl (or none, for your browser's).
site-password-changed = Password changed. You were signed out everywhere else.
site-codes-not-shown-make-new = The recovery codes could not be shown. Make new ones below.
site-codes-not-shown-try-again = The recovery codes could not be shown. Try again.
site-two-factor-on = Two-step sign-in is on.
site-two-factor-off = Two-step sign-in is off.
site-codes-renewed = New recovery codes made; the old ones no longer work.

## Supplier access and members
site-supplier-choose = Supplier: choose one from the list.
site-invitation-sent = Invitation sent to { $email }.
site-invitation-withdrawn = Invitation withdrawn: its link no longer works.
site-access-removed = Access removed: they can no longer sign in here.
site-invite-password-missing = Password: enter your account's password.
site-invite-form-unreadable = The form could not be read. Reload the page.
site-invite-wrong-password = That is not the password of your account. Use the password you sign in with elsewhere on this service.
site-welcome-supplier = Welcome: you have access to this supplier portal.
site-welcome = Welcome: you have access to this portal.
site-clocks-day-starts = Working day starts at
site-clocks-day-ends = Working day ends at
site-clocks-ack-hours = Working hours to acknowledge
site-clocks-escalate-hours = Working hours after the reminder
site-clocks-saved = Supplier clocks saved. They apply to orders sent from now on.
site-role-choose = Role: choose one from the list.
site-roles-saved = Roles saved. They apply from the member's next page.
site-member-reactivated = Reactivated: they can sign in again.
site-member-deactivated = Deactivated: they are signed out and cannot sign in here.
site-two-factor-required = Two-step sign-in is required: who has none sets it up at their next sign-in.
site-two-factor-not-required = Two-step sign-in is no longer required (who has it on keeps it).

## Branding: e-mail previews and domains
site-branding-emails = E-mails
site-branding-domains = Domains
site-branding-theme = Theme
site-emails-intro = What your people, suppliers and shoppers receive, in your brand, with sample content. The sender, reply-to address, footer and colours come from your theme.
site-mail-approval-request = Approval needed (to approvers)
site-mail-outcome = Decision on a document (to who asked)
site-mail-purchase-order = Purchase order (to the supplier; reminders, changes and cancellations look alike)
site-mail-supplier-message = A supplier's message (to planners)
site-mail-invitation = Invitation (to a new member or a supplier's person)
site-mail-password-reset = Password reset
site-mail-shopper-alert = Back in stock (to shoppers)
site-email-all = All e-mails
site-email-from = From
site-email-reply-to = Reply-To
site-email-subject = Subject
site-email-as-shown = As most mail programs show it
site-email-frame = The e-mail
site-email-plain-text = Plain text
site-domain-served-by-platform = served (set by the platform)
site-domain-served = served
site-domain-waiting = waiting for its proof: publish { $token } as the whole of { $url }, then
site-domain-check-now = Check now
site-domain-remove-summary = Remove…
site-domain-remove-help = The portal stops answering on it at once.
site-domain-remove = Remove { $domain }
site-domains-empty = No custom domains yet.
site-domains-intro = Your portal can answer on a domain of your own, such as stock.example.com. Add it, prove it is yours with a small file on its current web server, then point it (a CNAME) at your portal's address. Sign-ins are kept per domain.
site-domain-add-heading = Add a domain
site-domain-label = Domain
site-domain-add = Add
site-domain-added = Domain added. Publish its token, then check it.
site-domain-proven = Proven: the portal answers on this domain now. Point it at your portal's address.
site-domain-removed = { $domain } removed: the portal no longer answers on it.

## The theme editor
site-colour-primary = Top bar and main buttons
site-colour-on-primary = Text on the top bar
site-colour-accent = Focus ring and accents
site-colour-background = Page background
site-colour-surface = Cards
site-colour-text = Text
site-colour-muted = Muted text
site-colour-danger = Errors
site-colour-pick = { $label }: pick
site-pair-text-page = text on the page
site-pair-text-cards = text on cards
site-pair-muted-cards = muted text on cards
site-pair-error-cards = error text on cards
site-pair-top-bar = the top bar's text
site-pair-focus-ring = the focus ring on the page
site-contrast-passes = passes
site-contrast-fails = fails: hard to read
site-theme-intro = Your portal's look and your e-mails' header and footer. The preview follows each change; nothing changes for anyone until you save. Colours that would be hard to read (WCAG AA) are refused.
site-theme-product-name = Product name
site-theme-body-font = Body font
site-theme-heading-font = Heading font
site-theme-sender-name = E-mail sender name
site-theme-email-header = E-mail header
site-theme-email-header-placeholder = the product name
site-theme-email-footer = E-mail footer
site-theme-save = Save the theme
site-theme-preview = Preview
site-theme-sample-card = Sample card
site-theme-sample-text = Ordinary text, { $muted } and { $error }.
site-theme-sample-muted = muted text
site-theme-sample-error = an error
site-theme-sample-button = Main button
site-theme-sample-focused = Focused field
site-theme-contrast = Contrast
site-theme-pair = Pair
site-theme-now = Now
site-theme-needs = Needs
site-theme-verdict = Verdict
site-theme-pictures = Logo and favicon
site-theme-pictures-help = PNG or SVG. A logo up to 256 KiB and 1024 pixels a side; a square favicon up to 64 KiB and 512 pixels. SVG files with scripts, styles, links or anything beyond plain drawing are refused.
site-theme-logo = Logo
site-theme-upload-logo = Upload the logo
site-theme-favicon = Favicon
site-theme-upload-favicon = Upload the favicon
site-theme-packs = Theme packs
site-theme-packs-now = Now: { $pack }, as it is. Applying a pack replaces your colours, fonts, texts and pictures with the pack's.
site-theme-packs-now-edited = Now: { $pack }, with your changes. Applying a pack replaces your colours, fonts, texts and pictures with the pack's.
site-theme-apply-summary = Apply a pack…
site-theme-pack = Pack
site-theme-apply = Apply, replacing my changes
site-theme-reset-summary = Reset…
site-theme-reset = Reset to { $pack } as it is
site-theme-saved = Theme saved: your portal and e-mails use it now.
site-theme-pack-applied = The { $pack } pack is applied.
site-theme-logo-uploaded = The logo is uploaded and in use.
site-theme-favicon-uploaded = The favicon is uploaded and in use.
site-picture-too-large = The picture is too large: a logo may be at most 256 KiB, a favicon 64 KiB.
site-upload-unreadable = The upload could not be read. Reload the page and try again.

## A partner's console and act-as sessions
site-chart-stockouts = Stockouts per day over the last { $days } days: { $total } in all, at most { $max } in a day
site-last-event-just-now = just now
site-ago = { $span } ago
site-last-event-none = none recently
site-exceptions-day = raised in the last day
site-exceptions-week = one to seven days old
site-exceptions-older = older than a week
site-step-locations = locations
site-step-suppliers = suppliers
site-step-products = products
site-step-stock = starting stock
site-step-policies = policies and approval rules
site-step-people = people
site-provisioning-queued = waiting to start
site-provisioning-running = working: { $step }
site-provisioning-done = ready
site-provisioning-failed = failed: { $reason }
site-provisioning-no-reason = no reason was kept
site-provisioning-steps = { $done } of { $total }
site-client-suspended = suspended
site-act-as-summary = Act as…
site-act-as-role = Role
site-act-as-minutes = For how long (minutes)
site-act-as-reason = Reason (the client's admins read it)
site-act-as-enter = Enter { $name }
site-clients-empty = No clients yet: provision your first one below.
site-clients-client = Client
site-clients-exceptions = Open exceptions (day · week · older)
site-clients-pending-approvals = Pending approvals
site-clients-dead-jobs = Dead jobs
site-clients-failed-deliveries = Failed deliveries
site-clients-last-event = Last event
site-clients-stockouts-today = Stockouts today
site-clients-stockouts-days = Stockouts, { $days } days
site-actions = Actions
site-provisioning-from = from { $template }, { $when }
site-provisionings-recent = Recent provisionings
site-template-option = { $title } ({ $locations }, { $products }, { $suppliers })
site-template-locations = { $n ->
        [one] { $n } location
       *[other] { $n } locations
    }
site-template-products = { $n ->
        [one] { $n } product
       *[other] { $n } products
    }
site-template-suppliers = { $n ->
        [one] { $n } supplier
       *[other] { $n } suppliers
    }
site-clients-title = Your clients
site-clients-heading = { $partner }: your clients
site-clients-intro = Each client's health now. To look inside a client's portal, act as it: the session has a reason and an end, and the client's admins see it in their audit trail.
site-clients-compare-link = Compare your clients' figures
site-clients-compare-text = (stockout exposure, fill rate, stock value and turns, forecast error, approvals, back-in-stock) in charts.
site-new-client = New client
site-new-client-intro = Sets up a client's portal from a template: its locations, suppliers, products, starting stock, policies and approval rules. The first admin gets an invitation by e-mail.
site-new-client-template = Template
site-new-client-name = Client name
site-new-client-slug = Address name (lowercase letters, digits, hyphens)
site-new-client-theme = Theme to start from (the client's name becomes its product name)
site-new-client-admin-name = First admin's name
site-new-client-admin-email = First admin's e-mail
site-new-client-provision = Provision
site-provisioning-ready = { $name } is ready. An invitation went to { $email }.
site-provisioning-open-portal = Open its portal
site-provisioning-nothing-lost = Nothing already set up is lost: trying again runs the steps once more, and none is done twice.
site-try-again = Try again
site-page-updates-itself = This page updates by itself.
site-all-clients = All clients
site-provisioning-heading = Provisioning { $name }
site-provisioning-template = From the template { $template }.
site-provisioning-title = Provisioning
site-trying-again = Trying again.
site-act-as-role-choose = Choose the role to act with.
site-act-as-minutes-whole = For how long must be a whole number of minutes.
site-act-as-ready = Your session is ready: { $role } until { $until }. The link below works once, for two minutes.
site-act-as-enter-portal = Enter { $name }'s portal
site-back-to-clients = Back to your clients
site-act-as-enter-title = Enter a client
site-act-as-about = You are about to act in { $name }'s portal, as your console asked. Everything you do is recorded in its audit trail.
site-act-as-enter-button = Enter
site-act-as-link-broken = This link does not work
site-act-as-link-invalid = Link not valid
site-session-not-started = Your session could not be started. Try again.
site-act-as-not-acting = You are not acting for anyone here.
site-act-as-ended = Session ended
site-act-as-ended-text = You are no longer acting in { $name }'s portal. You can close this tab and go back to your console.

## The platform's console
site-platform-title = Platform
site-platform-client-tenants = { $n ->
        [one] { $n } client tenant
       *[other] { $n } client tenants
    }
site-platform-this-console = this console
site-platform-resume = Resume
site-platform-suspend-summary = Suspend…
site-platform-suspend-help = Its portal, API and e-mail stop with a clear message; nothing is deleted, and resuming restores everything.
site-platform-suspend-reason = Reason (kept in its audit trail)
site-platform-suspend = Suspend { $name }
site-platform-suspended-since = suspended since { $when }
site-platform-running = running
site-platform-partners = Partners
site-platform-tenants = Tenants
site-platform-tenant = Tenant
site-platform-kind = Kind
site-platform-partner = Partner
site-platform-state = State
site-platform-no-partners = No partners yet.
site-platform-suspended = { $slug } is suspended.
site-platform-resumed = { $slug } is running again.

## Imports, API keys, jobs
site-import-too-large = The file is too large: it may be at most 16 MB. Split it.
site-import-choose-kind = Choose what the file holds.
site-import-choose-file = Choose a CSV file to upload.
site-import-checking = The file is being checked. Nothing changes until you apply it.
site-import-confirm = Tick the box to confirm that every row is applied.
site-import-applying = Applying every row, all or none.
site-key-scope-unknown = Scopes: { $scope } is not a scope
site-key-made = Key { $prefix } made. Copy it now: it is shown only once.
site-key-made-not-shown = Key { $prefix } was made but could not be shown: revoke it and make another.
site-overlap-hours = Overlap (hours)
site-key-rotated = Key { $prefix } replaces the old one, which works until { $until }. Copy it now: it is shown only once.
site-key-rotated-not-shown = Key { $prefix } was made but could not be shown: revoke it and rotate again.
site-key-revoke-confirm = Tick the box to confirm: systems using this key stop at once.
site-key-revoked = Key revoked: it no longer works.
site-job-replayed = Job { $job } will run again.

## Webhooks
site-endpoint-added = Endpoint added. Copy its signing secret now: it is shown only once.
site-endpoint-added-not-shown = The endpoint was added but its secret could not be shown: rotate its secret.
site-endpoint-secret-rotated = New signing secret made; during the overlap both secrets sign. Copy it now: it is shown only once.
site-secret-rotated-not-shown = The secret was rotated but could not be shown: rotate it again.
site-endpoint-enabled = Endpoint enabled: new events go to it again.
site-endpoint-disabled = Endpoint disabled: nothing is sent to it until you enable it.
site-endpoint-delete-confirm = Tick the box to confirm: the endpoint and its delivery log go for good.
site-endpoint-deleted = Endpoint deleted.
site-delivery-replayed = Delivery queued again: it is sent within seconds.
site-source-kind-choose = Kind: choose what the source is
site-source-added = Source added. Copy its signing secret now: it is shown only once.
site-source-added-not-shown = The source was added but its secret could not be shown: rotate its secret.
site-source-added-own-secret = Source added: it verifies with the secret you gave.
site-source-secret-rotated = New secret made; during the overlap both verify. Copy it now: it is shown only once.
site-source-secret-replaced = Secret replaced; during the overlap both verify.
site-mapping-saved = Mapping saved.
site-source-delete-confirm = Tick the box to confirm: the source's address stops working at once.
site-source-deleted = Source deleted.

## Back in stock: the shopper's pages and the widget, the admin's settings
site-subscribe-answer = Thank you. If this address can receive alerts, we have sent it an e-mail: open the link in it to confirm your alert.
site-alert-on = Your alert is on: we will e-mail you once when { $product } is back at { $channel }.
site-alert-over = This alert has already ended.
site-erase-confirm = Tick the box to confirm that your data should be erased.
site-erased = Your address and your alerts are erased. You will get no more e-mail from us.
site-lists-too-long = The lists are too long.
site-substitutes-line = Substitutes, line { $line }: write SKU = substitute SKU.
site-bis-wave-percent = Wave size (%)
site-bis-wave-minutes = Minutes between waves
site-bis-sends-per-minute = E-mails per minute
site-bis-substitute-hours = Hours before a substitute
site-bis-demand-weight = Demand weight (%)
site-bis-saved = Back-in-stock settings saved.
site-widget-no-product = No product has that SKU here, or alerts are not offered.
site-widget-shop-not-allowed = This shop is not allowed to use the back-in-stock widget.
site-widget-unreadable = The request could not be read.
site-widget-not-offered = Back-in-stock alerts are not offered here.
site-unsubscribed = You are unsubscribed.
site-unsubscribed-this = That alert is off. You will get no e-mail about it.
site-unsubscribed-all = All your alerts are off. You will get no more e-mail from us.

## The supplier's answers and messages
site-answer-delivery-date = Delivery date must be a date, such as 2026-12-24.
site-answer-date = The date must be a date, such as 2026-12-24.
site-answer-choose = Choose to acknowledge, backorder or decline the order.
site-answer-declined = You declined the order. The buyer has been told.
site-answer-backordered = The order is backordered with your date. The buyer has been told.
site-answer-acknowledged = Thank you: the order is acknowledged with your delivery date.
site-messages-busy = Too many messages are being sent at this moment. Please try again in a few seconds.
site-message-too-large = The message is too large: a file may be at most 5 MiB.
site-message-unreadable = The message could not be read. Reload the page and try again.
site-message-sent = Message sent to the buyer.

## Sign-in and cross-site refusals
site-sign-ins-busy = Too many sign-ins at this moment. Please try again in a second.
site-cross-site-refused = Cross-site request refused: send this form from the portal's own page.
