# Error messages of the engine: what a person is told when a command does not go through.

## The kinds of error (engine::error).
err-internal = Something went wrong on our side; nothing was changed. Please try again.
err-not-found = That does not exist in this portal.
err-not-pending = This is no longer waiting for a decision.
err-forbidden = Your role cannot { $action }. If your work needs it, ask your portal's administrator.
# A text no catalogue has (a library's error, in English), shown as it is.
err-detail = { $detail }

## What a permission allows, as the end of "Your role cannot …".
err-permission-view-inventory = see this portal's stock and documents
err-permission-decide-approvals = decide approvals
err-permission-command-transfers = ship, receive, change or cancel transfers
err-permission-command-purchase-orders = change or cancel purchase orders
err-permission-edit-policies = change replenishment policies
err-permission-edit-approval-matrix = change the approval matrix
err-permission-work-exceptions = work the exception queue
err-permission-see-jobs = see background jobs
err-permission-replay-jobs = replay background jobs
err-permission-manage-members = manage members
err-permission-manage-suppliers = manage suppliers
err-permission-manage-back-in-stock = manage back-in-stock alerts
err-permission-manage-integrations = manage integrations
err-permission-import-data = import data
err-permission-edit-branding = change the portal's branding
err-permission-see-audit-trail = read the audit trail
err-permission-answer-purchase-orders = answer purchase orders
err-permission-manage-client-tenants = manage client portals
err-permission-manage-platform = manage the platform
err-permission-manage-own-account = change this account's sign-in

## Role names inside a sentence.

## A command the document's state does not allow.
err-transition = You cannot { $command } a { $document } that is { $state }.
err-document-transfer = transfer
err-document-purchase-order = purchase order
err-command-submit = submit
err-command-auto-approve = auto-approve
err-command-approve = approve
err-command-reject = reject
err-command-edit = edit
err-command-ship = ship
err-command-receive = receive
err-command-cancel = cancel
err-command-send = send
err-command-acknowledge = acknowledge
err-command-backorder = backorder
err-command-decline = decline
err-command-propose-a-change-to = propose a change to
err-command-accept-a-change-to = accept a change to
err-command-reject-a-change-to = reject a change to
err-command-close = close
err-state-draft = draft
err-state-proposed = proposed
err-state-pending-approval = pending approval
err-state-approved = approved
err-state-sent = sent
err-state-acknowledged = acknowledged
err-state-backordered = backordered
err-state-change-proposed = change proposed
err-state-change-waiting-for-approval = change waiting for approval
err-state-shipped = shipped
err-state-partly-received = partly received
err-state-received = received
err-state-closed = closed
err-state-declined = declined
err-state-rejected = rejected
err-state-cancelled = cancelled

## Segregation of duties.
err-refused-own-document = you requested or changed this document, so someone else must decide it
err-refused-missing-role = this step needs the { $role } role
err-refused-decided-before = you already decided a step of this approval, so someone else must decide this one

## Signing in and members.
err-sign-in-again = sign in again
err-members-role-one = the role must be { $first }, not { $role }
err-members-role-two = the role must be { $first } or { $second }, not { $role }
err-members-role-three = the role must be { $first }, { $second } or { $third }, not { $role }
err-members-role-list = the role must be { $list }, not { $role }
err-members-last-admin = this would leave the portal without an active tenant admin; make someone else an admin first
err-members-no-role = choose at least one role (to remove someone's access, deactivate them)
err-members-deactivate-self = you cannot deactivate yourself; ask another admin

## Inbound webhook sources.
err-inbound-mapping-size = Mapping: at most { $kib } KiB
err-inbound-mapping-entries = Mapping: at most { $most } entries
err-inbound-mapping-line = Mapping, line { $line }: write "location <their id> = <location code>" or "item <their id> = <SKU>"
err-inbound-name = Name: 1 to { $most } letters, digits or hyphens (it goes into the address)
err-inbound-secret = Secret: the secret must be 16 to 256 characters
err-inbound-too-many = A tenant has at most { $most } sources: delete one first
err-inbound-name-taken = Name: a source called { $name } exists already
err-overlap-hours = Overlap must be between 0 and { $most } hours

## Pictures a portal uploads (logo, favicon).
err-file-empty = the file is empty
err-asset-logo = logo
err-asset-favicon = favicon
err-image-too-large = the { $asset } must be at most { $most } KiB; this file is { $size } KiB
err-image-png-damaged = the PNG file is damaged
err-image-side = the { $asset } must be { $least } to { $most } pixels wide and high; this one is { $width }×{ $height }
err-image-favicon-square = a favicon must be square; this one is { $width }×{ $height }
err-image-kind = only PNG and SVG pictures are accepted
err-svg-declaration-open = the SVG file is refused: its XML declaration is not closed
err-svg-comment-open = the SVG file is refused: a comment is not closed
err-svg-doctype = the SVG file is refused: it has a DOCTYPE, entity, CDATA or processing instruction
err-svg-tag-open = the SVG file is refused: a tag is not closed
err-svg-element = the SVG file is refused: the element <{ $element }> is not allowed
err-svg-attributes = the SVG file is refused: the attributes of <{ $element }> cannot be read
err-svg-attribute = the SVG file is refused: the attribute { $attribute } on <{ $element }> is not allowed
err-svg-outside = the SVG file is refused: it refers to something outside the file
err-svg-namespace = the SVG file is refused: the namespace { $namespace } is not SVG's
err-svg-root = the SVG file is refused: it does not start with <svg>
err-svg-no-root = the SVG file is refused: there is no <svg> element
err-svg-size = the SVG file is refused: its <svg> needs a viewBox (or width and height) with a sensible shape

## Themes (the field names are the theme file's).
err-theme-colour = { $field } must be a hex colour like #1a2b3c, not { $value }
err-theme-font = { $field } must be a plain font stack, not { $value }
err-theme-address = { $field } must be an e-mail address like orders@example.com, not { $value }
err-theme-sender-name = email.sender_name must be one line of at most 100 characters
err-theme-file = { $field } must be a file name inside the theme folder, not { $value }
err-theme-product-name = product_name must be one line of 1 to 60 characters
err-theme-header = email.header must be one line of at most 100 characters
err-theme-footer = email.footer must be at most 500 characters
err-theme-missing = the portal's theme pack is missing
err-theme-transparent = { $field } must be a colour like #1a2b3c, without transparency
err-theme-contrast = some colours would be hard to read (WCAG AA): { $pairs }
err-theme-contrast-pair = { $pair } has { $ratio }:1, and needs { $needs }:1
err-theme-not-stored = the theme cannot be stored: { $error }
err-theme-no-pack = there is no theme pack { $pack }: choose one from the list
err-contrast-text-on-the-page = text on the page
err-contrast-text-on-cards = text on cards
err-contrast-muted-text-on-cards = muted text on cards
err-contrast-error-text-on-cards = error text on cards
err-contrast-the-top-bar-s-text = the top bar's text
err-contrast-the-focus-ring-on-the-page = the focus ring on the page

## Imports and exports.
err-export-failed = the export could not be written: { $error }
err-export-not-text = the export is not text
err-import-too-large = the file may be at most { $most } MB: split it
err-import-not-utf8 = the file must be CSV text in UTF-8 (save it as CSV UTF-8)
err-import-checking = the file is still being checked: apply it when the check is done
err-import-has-problems = the file has problems: correct them and upload it again
err-import-applying = this file is being applied: reload its page in a moment
err-import-applied = this file is already applied
err-import-stale = this import can no longer be applied: upload the file again
err-import-code-gone = a location or SKU of the file is gone
err-import-location-gone = the location { $code } is gone

## People, names, addresses and passwords.
err-name-missing = the name is missing
err-name-too-long = the name must be at most { $most } characters, on one line
err-email-invalid = the e-mail address { $email } is not valid
err-invite-choose-supplier = choose one of your suppliers for the person to answer for
err-invite-supplier-already = { $email } already has access to this portal
err-members-already = { $email } already has access to this portal (or is deactivated here): change their roles or reactivate them in the list
err-provision-member-already = { $email } is a member already
err-invite-account-exists = this address has an account already: confirm with its password
err-invite-choose-password = choose a password for your new account
err-password-short = the password must be at least 8 characters
err-password-long = the password must be at most 128 characters
err-password-common = the password is too common; choose another
err-password-other = the password { $why }
err-new-password-short = the new password must be at least 8 characters
err-new-password-long = the new password must be at most 128 characters
err-new-password-common = the new password is too common; choose another
err-new-password-other = the new password { $why }

## Supplier clocks (the field names are the settings').
err-sla-time-zone = time_zone { $zone } is not a time zone name such as Europe/Amsterdam
err-sla-day = working_days: { $day } is not one of mon, tue, wed, thu, fri, sat, sun
err-sla-no-days = working_days must name at least one day
err-sla-hours = day_starts and day_ends must be hours with 0 <= day_starts < day_ends <= 24 (got { $starts } and { $ends })
err-sla-clock = { $field } must be from 1 to { $most } working hours (got { $value })
# The language of a supplier's e-mails (engine/src/invites.rs).
err-supplier-language = language: { $value } is not one of en, de or nl (leave it empty for the portal's language)

## Purchase orders: changes, answers, messages.
err-note-too-long = the note is too long: at most { $most } characters
err-reason-too-long = the reason is too long: at most { $most } characters
err-delivery-date = the delivery date must be a day from today ({ $today }) to { $last }
err-line-twice = line { $line } is named twice
err-line-not-on-order = line { $line } is not on this order
err-range-quantity = quantity must be between { $lo } and { $hi }
err-range-unit-price = unit price (minor units) must be between { $lo } and { $hi }
err-line-delivery-date = line { $line }: its own delivery date must be a day from the order's ({ $first }) to { $last }
err-change-all-lines-later = every line has a later day of its own: give the order that day instead
err-change-keep-a-line = keep at least one line: to refuse the whole order, decline it
err-change-nothing-new = this proposes nothing new: change a quantity, a price or the delivery date
err-order-too-dear = the order would be worth more than the most an order may be ({ $most } minor units)
err-change-still-waiting = a change you proposed is still waiting for its answer
err-change-too-many = this order had { $most } proposed changes already: please talk it over in a message, then cancel and reorder if needed
err-change-none-open = this order has no change waiting for an answer
err-change-own = you proposed this change: the other side answers it
err-change-say-why = say why you refuse the change, so the other side can act on it
err-message-empty = the message is empty
err-message-too-long = the message is too long: at most { $most } characters
err-attachment-empty = the attached file is empty
err-attachment-too-large = the attached file is too large: at most { $most } MiB
err-attachment-kind = the attached file must be a PDF, a PNG or JPEG image, or a CSV or text file
err-message-not-sent = the order has not been sent to its supplier yet
err-message-too-many = this order has { $most } messages already: please continue by telephone or e-mail
err-attachment-too-many = this order has { $most } files already
err-attachment-room-full = the portal's room for files is full: please send this file by e-mail, and ask the retailer to clear old ones
err-change-closed = the change is no longer open

## Stock levels and policies.
err-range-reorder-point = reorder point must be between { $lo } and { $hi }
err-range-order-up-to = the order-up-to level must be between the reorder point ({ $lo }) and { $hi }
err-levels-follow-policy = this position already follows its policy's levels
err-range-sweep-hour = hour of the nightly check must be between { $lo } and { $hi }

## The approval assistant's limits.
err-assistant-max-document = The most per document must be between 0 and 1,000,000,000,000.
err-assistant-max-daily = The most per day must be between 0 and 1,000,000,000,000.
err-assistant-daily-below-document = The most per day cannot be less than the most per document.
err-assistant-confidence = The least confidence is a per cent between 0 and 100.
err-assistant-too-many-listed = List at most { $most } classes and suppliers.
err-assistant-class-name = "{ $class }" is not a class name.
err-assistant-supplier = A supplier is not one of yours.
err-assistant-not-your-class = "{ $class }" is not one of your product classes.
err-assistant-not-your-supplier = A supplier listed is not one of yours.
err-field-range = { $field } must be between { $lo } and { $hi }
err-policy-both-levels = give both levels (reorder point and order-up-to) or neither
err-policy-service-z = service_z must be between 0 and { $most }
err-policy-service-level = service_level must be between 50 and 99.9 (percent)
err-policy-uplifts = at most 50 promotions per policy
err-policy-uplift = uplifts[{ $index }] must end after it starts and have a factor between 0 and { $most }
err-policy-class-unknown = choose a product class this portal has, or every class
err-policy-location-unknown = choose a location of this portal, or every location
err-policy-invalid = policy { $class }: { $problem }
err-policy-class = the product class must be given (at most 64 characters), or * for every class

## Stand-ins.
err-delegation-role = you can hand over only a role you hold, and { $role } is not one of yours here
err-delegation-self = choose someone other than yourself to stand in
err-delegation-order = the last day must not be before the first day
err-delegation-over = that period is already over
err-delegation-too-long = a delegation can run for at most 90 days
err-delegation-not-member = the person to stand in is not an active member of this portal
err-delegation-cannot-decide = the person to stand in cannot decide approvals in this portal

## The approval matrix (the field names are the matrix file's).
err-matrix-rules = a matrix has at most { $most } rules
err-matrix-no-default-step = default_steps must have at least one step: something has to approve documents no rule auto-approves
err-matrix-step-staff = { $step }: only the tenant's staff (approver, planner, tenant admin) can approve
err-matrix-step-hours = { $step }.escalate_after_hours must be between 1 and 1440
err-matrix-rule-name = rules[{ $index }].name must be given, in at most 80 characters
err-matrix-rule-bounds = rules[{ $index }] ({ $rule }): min_value_minor is above max_value_minor
err-matrix-window = the purchase-order window must be between 1 and 10,080 minutes (a week)
err-matrix-rule-location = rule { $number } ({ $rule }): choose a location of this portal
err-matrix-rule-supplier = rule { $number } ({ $rule }): choose a supplier of this portal
err-matrix-changed = the matrix was changed meanwhile (by someone else, or in another tab); nothing was saved: look at it again and redo your change

## Ship notices and receipts.
err-ship-carrier = the carrier must be one line of at most { $most } characters
err-ship-tracking = the tracking number must be one line of at most { $most } characters
err-ship-expected = the expected delivery must be a day from today ({ $today }) to { $last }
err-ship-too-many = an order takes at most { $most } ship notices
err-range-quantity-shipped = quantity shipped must be between { $lo } and { $hi }
err-ship-more-than-open = line { $line }: { $ordered } ordered and { $shipped } shipped already, so at most { $open } more
err-ship-empty = put at least one unit on the ship notice
err-receipt-done = this ship notice was received already, on { $day }
err-receipt-line-not-on-notice = line { $line } is not on this ship notice
err-receipt-say-once = say once what arrived of { $sku } { $name }
err-receipt-received-range = { $sku }: received must be between 0 and { $most } (twice the { $shipped } shipped); record more with a stock count
err-receipt-damaged-range = { $sku }: damaged must be between 0 and the { $received } received

## Transfers.
err-decisions-in-inbox = decisions go through the approvals inbox
err-transfer-ship-over-approved = the approved quantity is { $approved }: ship at most that, or change the transfer (it then goes back for approval)
err-transfer-receive-over-shipped = { $shipped } were shipped: a receipt counts at most that (record extra stock with a count)
err-transfer-on-hand = the source location has only { $stock } on hand

## Anomalies.
err-anomaly-select = select between 1 and 200 anomalies
err-anomaly-not-anomaly = exception { $id } is not an anomaly: only anomalies are confirmed or rejected
err-anomaly-no-event = anomaly { $id } does not say which event it was about: confirm it, and correct the stock with a count
err-anomaly-undone = an anomaly's event was already undone: nothing was changed
err-anomaly-mad-k = The MAD multiplier must be between 2 and 100.
err-anomaly-min-units = The smallest anomalous sale must be between 1 and 1,000,000 units.
err-anomaly-count-jump = The count jump must be between 1 and 1,000 %.
err-anomaly-count-min-units = The smallest count jump must be between 1 and 1,000,000 units.

## Approval decisions.
err-comment-too-long = the comment is longer than 2,000 characters
err-reject-say-why = say why you reject it, so the requester knows what to change
err-decline-say-why = say why you decline the order, so the buyer can act on it
err-link-backorder = sign in to the portal to backorder an order; the link acknowledges or declines it
err-promise-too-many = the delivery date was given { $given } times already: please contact the buyer to change it again
err-supplier-not-linked = your account is not linked to a supplier yet: ask the buyer to invite you again
err-only-supplier-answers = only the supplier acknowledges or declines an order
err-resend-state = only an order the supplier has can be sent again; this one is { $state }
err-forecast-failed = the forecast could not be computed: { $error }

## A partner's clients.
err-slug-invalid = the address name must be 2 to 40 lowercase letters, digits or hyphens, not starting or ending with a hyphen
err-slug-reserved = the address name { $slug } is reserved: choose another
err-slug-taken = the address name { $slug } is taken: choose another
err-client-name = the client's name must be 1 to 100 characters, on one line
err-client-admin-name = the admin's name must be 1 to 100 characters, on one line
err-client-no-template = there is no template { $template }: choose one from the list
err-client-no-pack = there is no theme pack { $pack } to give a client: choose one from the list
err-client-other-template = { $slug } was provisioned from the template { $template } already
err-client-retry = only a provisioning that failed can be tried again
err-act-as-person = only a person signed in to the console can act as a client
err-act-as-suspended = { $client } is suspended: nobody can enter it until the platform resumes it
err-act-as-role = the role must be tenant admin, planner or approver
err-act-as-reason = the reason must be { $least } to { $most } characters on one line: the client's admins read it
err-act-as-minutes = the length must be { $least } to { $most } minutes
err-act-as-link-gone = This link to enter the portal works once, for two minutes. Start again from your console.

## Lists and queries (the field names are the query's).
err-query-limit = limit must be between 1 and { $most }, not { $value }
err-query-one-of = { $field } must be one of { $allowed }, not '{ $value }'

## Webhooks and API keys.
err-url-not-in-dns = URL: the host { $host } is not found in DNS
err-url-resolves-inside = URL: refused: the host { $host } resolves to a private, loopback, link-local or metadata address
err-url-missing = URL: give the endpoint's address (at most { $most } characters)
err-url-not-web-address = URL: this is not a web address
err-url-https = URL: the address must start with https://
err-url-credentials = URL: leave credentials out of the address
err-url-no-host = URL: the address has no host
err-url-internal = URL: private, loopback, link-local and metadata addresses are refused
err-webhook-event-type = Events: { $type } is not an event type
err-webhook-no-events = Events: choose at least one kind of event to send
err-webhook-too-many = A tenant has at most { $most } endpoints: delete one first
err-webhook-description = Description: at most 200 characters
err-webhook-disabled = Enable the endpoint first: a disabled endpoint is sent nothing
err-webhook-replay = Only a failed delivery can be replayed
err-key-name = Name the key (at most { $most } characters), e.g. after the system that uses it
err-key-no-scope = Choose at least one scope for the key
err-key-dead = This key no longer works; make a new one instead
err-key-rotated = This key was rotated already: rotate the key that replaced it

## Two-step sign-in and passwords.
err-2fa-sign-in-over = the sign-in took too long or the password changed since; sign in again
err-2fa-on-already = two-step sign-in is on already; turn it off first to set up another app
err-2fa-type-code = type the code from your app
err-2fa-too-many = { $minutes ->
    [one] too many wrong codes; try again in { $minutes } minute
   *[other] too many wrong codes; try again in { $minutes } minutes
}
err-2fa-unreadable = your authenticator could not be read; sign in with a recovery code, then set two-step sign-in up again
err-2fa-not-set-up = two-step sign-in is not set up; start again
err-2fa-wrong-code-or-recovery = that code is not right; type the six digits your app shows now, or an unused recovery code
err-2fa-wrong-code = that code is not right; type the six digits your app shows now
err-2fa-type-code-to-sign-in = type the code from your app to sign in
err-2fa-set-up-first = set up your app first
err-2fa-required = this portal requires two-step sign-in, so it stays on
err-busy = too many sign-ins at this moment; try again in a minute
err-password-too-many = too many wrong passwords; try again in a quarter of an hour
err-password-wrong = your current password is not correct

## Backtests.
err-demand-header = Line 1 must be the header day,location,sku,quantity.
err-demand-rows = The file has more than { $most } rows.
err-demand-columns = Line { $line } needs 4 columns: day,location,sku,quantity.
err-demand-day = Line { $line }: the day "{ $value }" is not a date like 2026-03-01.
err-demand-location = Line { $line }: the location "{ $value }" is not one of yours.
err-demand-sku = Line { $line }: the SKU "{ $value }" is not one of yours.
err-demand-quantity = Line { $line }: the quantity "{ $value }" is not a whole number from 0 to 1,000,000.
err-demand-empty = The file has no rows of demand.
err-demand-days-wrong = The days do not add up.
err-demand-span = The file spans { $days } days; it needs { $least } to { $most } ({ $history } of history, then the days to replay).
err-backtest-service-level = The service level must be a per cent from 50 to 99.9.
err-backtest-forecast-service = The forecast-driven rule uses each class's service level: leave the service level empty.
err-backtest-busy = A backtest is already waiting or running: start the next when it is done.
err-backtest-file-size = The demand file may be at most 8 MB.
err-backtest-days = Days to replay must be a whole number from { $least } to { $most }.
err-backtest-series = Your network has { $series } store-product series; a backtest takes at most { $most }.
err-backtest-forecast-days = The forecast-driven rule can replay { $series } series for at most { $most } days here; choose fewer days.

## Exceptions.
err-exceptions-select = select at least one exception
err-exceptions-too-many = select at most 200 exceptions at once
err-exceptions-write-comment = write a comment first
err-exceptions-say-how = say how it was resolved
err-exceptions-text-too-long = the text is longer than 2,000 characters
err-exceptions-assignee = exceptions can be assigned only to people who work the exception queue
err-exceptions-is-anomaly = exception { $id } is an anomaly: confirm the event (it was right) or reject it (it was wrong, and is undone) instead; either releases the position's held transfers and orders

## Domains.
err-domain-invalid = the domain { $domain } is not a host name like shop.example.com (no scheme, port or path)
err-domain-platform = { $domain } belongs to the platform; add a domain of your own
err-domain-own-already = { $domain } is one of this portal's domains already
err-domain-taken = { $domain } is already in use by another portal
err-domain-listed = { $domain } is in your list already
err-domain-unproven = { $url } does not hold the token yet; publish it there (the domain must point at your current web server) and check again

## The platform.
err-suspend-say-why = say why the tenant is suspended (the reason is kept in its audit trail)
err-suspend-reason = the reason must be at most { $most } characters, on one line
err-suspend-platform = the platform's own console cannot be suspended

## Back in stock (what shoppers and the settings page read).
err-address-missing = Enter your e-mail address.
err-address-too-long = That e-mail address is too long.
err-address-no-at = That is not an e-mail address: it has no @.
err-address-invalid = That is not an e-mail address.
err-bis-too-many = Too many requests from your connection; try again in { $minutes } minutes
err-bis-product-code = Product is missing or too long
err-bis-store-code = Store is missing or too long
err-bis-not-sold = That product is not sold here
err-bis-choose-store = Choose one of the stores listed
err-bis-link-expired = This confirmation link has expired: subscribe again to get a new one
err-bis-substitute = Substitutes: no product has the SKU { $sku }
err-bis-online-location = Online stock: no location has the code { $code }
err-bis-range-wave-size = Wave size (%) must be between { $lo } and { $hi }
err-bis-range-wave-minutes = Minutes between waves must be between { $lo } and { $hi }
err-bis-range-sends = E-mails per minute must be between { $lo } and { $hi }
err-bis-range-substitute-hours = Hours before a substitute must be between { $lo } and { $hi }
err-bis-range-demand-weight = Demand weight (%) must be between { $lo } and { $hi }
err-bis-origins = List at most { $most } shop origins
err-bis-origin = Shop origin { $origin } is not an origin like https://shop.example
err-bis-substitutes = List at most { $most } substitutes
err-bis-own-substitute = { $sku } cannot be its own substitute
err-bis-shop-link = Shop link must start with https:// (at most 500 characters)

## E-mail previews (engine/src/mail/preview.rs).
err-mail-sender-invalid = the theme's sender address is not valid
err-mail-render-failed = the template did not render: { $error }
