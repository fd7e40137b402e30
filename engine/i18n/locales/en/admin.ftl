# The tenant admin's settings pages: policies, approval matrix, members, supplier
# access, back in stock, integrations, webhooks, imports and exports.

# Shared words.
admin-actions = Actions
admin-edit = Edit
admin-delete = Delete
admin-delete-ellipsis = Delete…
admin-save = Save
admin-any = Any
admin-name = Name
admin-email = E-mail
admin-role = Role
admin-location = Location
admin-supplier = Supplier
admin-product-class = Product class
admin-status = Status
admin-status-label = Status:
admin-made = Made
admin-invite-heading = Invite someone
admin-send-invitation = Send the invitation
admin-invited = Invited
admin-withdraw-ellipsis = Withdraw…
admin-withdraw-invitation = Withdraw this invitation
admin-never = never
admin-every-class = Every class
admin-every-location = Every location
admin-location-id = location { $id }

# Roles, as people read them in a sentence.

# Replenishment policies (app/src/pages/operator/policies.rs).
admin-policies-heading = Replenishment policies
admin-policies-intro = A position uses the most specific policy: its class at its location, then its class, then every class at its location, then every class. A policy may carry its class's levels (reorder point and order-up-to); positions take them unless a planner set a position's own on the inventory page.
admin-policies-empty = No policies yet: every position uses the defaults (reorder point, no safety stock, case pack 1).
admin-policies-col-class = Class
admin-policies-col-settings = Settings
admin-policies-col-changed = Changed
admin-policies-delete-note = The next broader policy will apply.
admin-policies-delete = Delete this policy
admin-policies-change = Change a policy
admin-policies-add = Add or replace a policy
admin-policies-form-intro = Saving a class and location that already have a policy replaces it. Every position it covers is checked again at once.
admin-policies-method = Method
admin-policies-method-reorder-point = Reorder point: order when at or below it
admin-policies-method-min-max = Min/max: order when below min
admin-policies-method-forecast = Forecast: levels from each position's demand forecast
admin-policies-service-level = Service level (%, blank: from z below)
admin-policies-cover-days = Cover days (forecast: demand the order-up-to adds; a short cover holds less stock, and with the order cycle counted runs out little more often, at the cost of more and smaller documents)
admin-policies-spread-service = Forecast: spread the service level by value (cheap, slow sellers get more, costly fast ones less; the class keeps its level on average)
admin-policies-order-cycle = Forecast: count the order cycle (a position ordered more often than weekly reads the level as a weekly one and shares its stockout chance over its orders, and late and early deliveries of its orders partly offset one another; only for suppliers whose orders are late or early each on their own, not one late for weeks on end)
admin-policies-compute-rop = Compute the reorder point from lead-time demand and safety stock (with 14+ days of sales)
admin-policies-safety-stock = Safety stock (units, used without enough history)
admin-policies-service-z = Service level z (e.g. 1.65 for 95 %)
admin-policies-lead-time = Lead time (days; blank: the supplier's)
admin-policies-class-rop = Class reorder point (blank: positions keep their own)
admin-policies-class-out = Class order-up-to level
admin-policies-dc-multiplier = At distribution centres, levels times
admin-policies-case-pack = Case pack (units per case)
admin-policies-moq = Minimum order quantity
admin-policies-promotions = Promotions: one per line, first day, last day and demand factor (e.g. { $example } for +50 %)
admin-policies-save = Save policy
admin-policies-add-new = Add a new one instead
admin-policies-nightly-heading = Nightly check
admin-policies-nightly-intro = Every position is checked against its policy once a night, besides after each stock event, so a missed event never leaves a low position unnoticed. Only positions that need it open anything.
admin-policies-hour = Hour (UTC)
admin-policies-runs-at = Runs at { $time } UTC.
admin-policies-anomalies-heading = Anomaly checks
admin-policies-anomalies-intro = An incoming sale far above its series' usual selling day (median plus a multiple of the median absolute deviation), a count far from the books, or a sale where the item never sells is recorded and applied to stock, but the position's transfers and orders wait until a planner confirms it in the exception queue.
admin-policies-anomalies-legend = Anomaly thresholds
admin-policies-anomalies-enabled = Check incoming events
admin-policies-mad-k = MAD multiplier (2–100)
admin-policies-min-units = Smallest anomalous sale (units)
admin-policies-count-jump = Count jump (% of the books)
admin-policies-count-min-units = Smallest count jump (units)
admin-policies-new-location = Flag a sale where the item has not sold in 16 weeks
admin-policies-save-checks = Save the checks

# A policy's settings in a line (app/src/ssr/settings.rs).
admin-policy-reorder-point = reorder point
admin-policy-min-max = min/max
admin-policy-forecast = forecast, { $days } days' cover
admin-policy-service = { $level } % service
admin-policy-spread = service spread by value
admin-policy-order-cycle = order cycle counted
admin-policy-computed = computed from demand (z { $z })
admin-policy-safety-stock = safety stock { $units }
admin-policy-lead-time = lead time { $days } d
admin-policy-supplier-lead-time = supplier's lead time
admin-policy-levels = levels { $rop } / { $out }
admin-policy-levels-dc = levels { $rop } / { $out } (× { $factor } at distribution centres)
admin-policy-own-levels = positions' own levels
admin-policy-case-pack = case pack { $units }
admin-policy-moq = MOQ { $units }
admin-policy-promotions = { $n ->
    [one] { $n } promotion
   *[other] { $n } promotions
}

# The approval matrix (app/src/pages/operator/settings.rs).
admin-matrix-heading = Approval matrix
admin-matrix-intro = Rules are checked top to bottom; the first that matches a document decides. Nothing above { $limit } is ever approved automatically. When no rule matches: { $steps }.
admin-matrix-empty = No rules: every document goes to the default steps.
admin-matrix-col-number = #
admin-matrix-col-rule = Rule
admin-matrix-col-when = When
admin-matrix-then = Then
admin-matrix-move-up = Move rule { $n } up
admin-matrix-up = ↑ Up
admin-matrix-move-down = Move rule { $n } down
admin-matrix-down = ↓ Down
admin-matrix-delete = Delete this rule
admin-matrix-add-heading = Add a rule
admin-matrix-add-intro = Leave a condition empty to match anything. The rule is added last; move it up to give it priority. Amounts in { $currency }.
admin-matrix-document = Document
admin-matrix-doc-transfers = Transfers
admin-matrix-doc-purchase-orders = Purchase orders
admin-matrix-value-from = Value from
admin-matrix-value-up-to = Value up to
admin-matrix-example = e.g. { $amount }
admin-matrix-region = Region
admin-matrix-outcome-steps = Approval steps (below)
admin-matrix-outcome-auto = Approve automatically (up to the limit)
admin-matrix-step-n = Step { $n }
admin-matrix-step-n-optional = Step { $n } (optional)
admin-matrix-escalate-after = Escalate after (hours)
admin-matrix-escalate-to = Escalate to
admin-matrix-nobody = Nobody: raise an exception
admin-matrix-add = Add rule
admin-matrix-text-summary = Edit the whole matrix as text, and the purchase-order window
admin-matrix-text-help = A rule matches on { $doc_type } (transfer, purchase_order), { $min_value }, { $max_value } (in cents), { $class }, { $region }, { $location } and { $supplier }; its outcome is { $auto } or { $steps } with steps naming a role, hours before escalation and the role it escalates to. Nothing above { $limit } is ever approved automatically.
admin-matrix-po-window = Purchase-order window (minutes)
admin-matrix-matrix = Matrix

# A rule in words (app/src/ssr/settings.rs).
admin-rule-step = { $n }. { $role } ({ $then })
admin-rule-after-to = after { $hours } h to { $role }
admin-rule-after-exception = after { $hours } h an exception
admin-rule-any-document = any document
admin-rule-transfers = transfers
admin-rule-purchase-orders = purchase orders
admin-rule-from = from { $amount }
admin-rule-up-to = up to { $amount }
admin-rule-class = class { $class }
admin-rule-region = region { $region }
admin-rule-at = at { $location }
admin-rule-from-supplier = from supplier { $supplier }
admin-rule-auto-approve = approve automatically

# Members (app/src/pages/operator/members.rs).
admin-members-heading = Members
admin-members-intro = The people who work in this portal. Supplier users are under Suppliers. Each invitation link works once, for seven days.
admin-members-2fa-heading = Two-step sign-in
admin-members-2fa-require = Require two-step sign-in of everyone who signs in here
admin-members-2fa-note = Who has not set it up is asked to at their next sign-in. Sessions already open stay.
admin-members-until = until { $date }
admin-members-people = People
admin-members-nobody = Nobody yet.
admin-members-deactivated = deactivated
admin-members-2fa-on = two-step sign-in on
admin-members-2fa-off = two-step sign-in off
admin-members-you = (you)
admin-members-roles-ellipsis = Roles…
admin-members-roles-of = { $name }'s roles
admin-members-save-roles = Save the roles
admin-members-deactivate-ellipsis = Deactivate…
admin-members-deactivate-note = They are signed out at once and cannot sign in here until reactivated. Their roles are kept.
admin-members-deactivate = Deactivate { $name }
admin-members-reactivate = Reactivate { $name }

# Supplier access (app/src/pages/operator/suppliers.rs).
admin-suppliers-heading = Supplier access
admin-suppliers-intro = People you invite see only their own organisation's purchase orders, in your portal, and answer them there. Each invitation link works once, for seven days.
admin-suppliers-none = You have no suppliers yet. Add them to the tenant's data first.
admin-suppliers-nobody = Nobody from this supplier has access yet; they answer orders through the link in each order's e-mail.
admin-suppliers-remove-ellipsis = Remove access…
admin-suppliers-remove = Remove { $name }'s access
admin-suppliers-clocks-heading = Supplier clocks
admin-suppliers-clocks-intro = A sent order is due to be acknowledged within the working hours below; then the supplier is reminded, and later you get an exception. Changes apply to orders sent from now on.
admin-suppliers-time-zone = Time zone (such as Europe/Amsterdam)
admin-suppliers-working-days = Working days
admin-suppliers-day-starts = Working day starts at (hour, 0–23)
admin-suppliers-day-ends = Working day ends at (hour, 1–24)
admin-suppliers-ack-hours = Working hours to acknowledge an order
admin-suppliers-escalate-hours = Working hours after the reminder before you are alerted
admin-suppliers-save-clocks = Save the clocks
# The language a supplier's e-mails are written in, and the languages' names.
admin-suppliers-language = Language of e-mails to this supplier
admin-suppliers-language-default = The portal's language ({ $language })
admin-suppliers-language-now = Orders and invitations are e-mailed to this supplier in { $language }.
admin-suppliers-language-save = Save the language
admin-suppliers-language-saved = The supplier's language is saved.
admin-language-en = English
admin-language-de = German
admin-language-nl = Dutch

# Back in stock (app/src/pages/operator/back_in_stock.rs).
admin-bis-heading = Back in stock
admin-bis-intro = Shoppers ask to be e-mailed when an item is back at a store. When stock returns they hear in waves, oldest first: units on hand × the wave size, re-checked before each wave.
admin-bis-enabled = Offer back-in-stock alerts
admin-bis-wave-percent = Wave size, % of units on hand (100–10,000)
admin-bis-wave-minutes = Minutes between waves while stock lasts (1–10,080)
admin-bis-sends = Shopper e-mails per minute at most (1–10,000)
admin-bis-substitute-hours = Hours out of stock before the substitute is offered (1–2,160)
admin-bis-substitutes = Substitutes, one per line: SKU = substitute SKU
admin-bis-origins = Shop origins allowed to embed the widget, one per line (https://shop.example)
admin-bis-online-location = Location code whose stock is the online shop's (optional)
admin-bis-demand-weight = Each waiting shopper counts as this % of a unit of demand (0–100)
admin-bis-shop-url = Link in the e-mail to buy ({ $sku } and { $ref } are filled in; optional)
admin-bis-widget = The widget
admin-bis-widget-intro = Paste this into a product page of an allowed shop origin:
admin-bis-waitlists = Waiting lists
admin-bis-empty = No shopper has asked for an alert yet. Link the product pages of your shop to the widget (above) or to /notify/<SKU>.
admin-bis-col-product = Product
admin-bis-col-store = Store
admin-bis-col-on-hand = On hand
admin-bis-col-waiting = Waiting
admin-bis-col-unconfirmed = Unconfirmed
admin-bis-col-notified = Notified
admin-bis-col-bought = Bought
admin-bis-col-conversion = Conversion

# Integrations: API keys (app/src/pages/operator/integrations.rs).
admin-integrations-heading = Integrations
admin-integrations-new-key = Your new key (shown only now):
admin-integrations-imports-link = Imports and exports (CSV) →
admin-integrations-intro = Systems send a key as Authorization: Bearer <key>. Each key does only what its scopes allow; only its first characters are kept readable here. What each endpoint takes and answers: { $reference }.
admin-integrations-api-reference = the API reference
admin-integrations-make-heading = Make a key
admin-integrations-key-name = Name (the system that will use it)
admin-integrations-scopes = Scopes
admin-integrations-make = Make the key
admin-integrations-keys = Keys
admin-integrations-empty = No keys yet. Make one above for each system that talks to this portal.
admin-integrations-col-key = Key
admin-integrations-col-last-used = Last used
admin-integrations-old-key-hours = Old key works for (hours)
admin-integrations-rotate = Rotate
admin-integrations-revoke-confirm = Systems using it stop at once
admin-integrations-revoke = Revoke

# An API key's state and scopes (app/src/ssr/integrations.rs).
admin-key-revoked = Revoked
admin-key-expired = Expired
admin-key-works-until = Works until { $when }
admin-key-active = Active
admin-scope-read-inventory = Read inventory: positions, catalogue, documents, exceptions
admin-scope-write-events = Write stock events
admin-scope-manage-documents = Manage documents: ship, receive, cancel, close
admin-scope-manage-subscriptions = Manage back-in-stock subscriptions
admin-scope-import-data = Import CSV files: products, locations, suppliers, stock counts (not policies)

# Webhooks (app/src/pages/operator/webhooks.rs).
admin-webhooks-new-secret = The signing secret (shown only now):
admin-webhooks-endpoints = Webhook endpoints
admin-webhooks-endpoints-intro = Events go to each endpoint signed with Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). A failed delivery is retried for about three days, then shown in the exception queue and kept in the delivery log, from where it can be sent again.
admin-webhooks-address = Address (https://…)
admin-webhooks-description = Description (optional)
admin-webhooks-events = Events
admin-webhooks-events-label = Events:
admin-webhooks-add-endpoint = Add the endpoint
admin-webhooks-no-endpoints = No endpoints yet: nothing is sent until you add one.
admin-webhooks-old-secret-signs = The previous secret also signs until { $when }.
admin-webhooks-delivery-log = Delivery log
admin-webhooks-old-secret-sign-hours = Old secret signs too for (hours)
admin-webhooks-rotate-secret = Rotate secret
admin-webhooks-disable = Disable
admin-webhooks-enable = Enable
admin-webhooks-delete-confirm = Delete it and its log
admin-webhooks-sources = Webhook sources
admin-webhooks-sources-intro = Systems that post signed webhooks here. Standard Webhooks sources send stock levels as { $example }; Shopify sources send inventory_levels/update, mapped to your locations and SKUs. A request whose signature does not verify is refused and nothing is stored.
admin-webhooks-source-name = Name (letters, digits, hyphens: part of its address)
admin-webhooks-kind = Kind
admin-webhooks-shopify-secret = Shopify only: the app's secret (a Standard Webhooks source gets a secret made for it)
admin-webhooks-shopify-mapping = Shopify only: mapping (location <id> = <code>, item <id> = <SKU>, one per line)
admin-webhooks-add-source = Add the source
admin-webhooks-no-sources = No sources yet.
admin-webhooks-posts-to = Posts to:
admin-webhooks-on-this-portal = { $address } (on this portal's address)
admin-webhooks-received = Received:
admin-webhooks-received-count = { $count } (last { $when })
admin-webhooks-last-problem = Last problem: { $error }
admin-webhooks-old-secret-verifies = The previous secret also verifies until { $when }.
admin-webhooks-old-secret-verify-hours = Old secret verifies too for (hours)
admin-webhooks-new-platform-secret = The platform's new secret
admin-webhooks-source-delete-confirm = Its address stops working
admin-webhooks-mapping = Mapping (one per line: location <their id> = <location code>, item <their id> = <SKU>)
admin-webhooks-save-mapping = Save mapping
admin-webhooks-back = ← Integrations
admin-webhooks-deliveries-to = Deliveries to { $url }
admin-webhooks-nothing-sent = Nothing was sent to this endpoint yet.
admin-webhooks-col-event = Event
admin-webhooks-col-state = State
admin-webhooks-col-attempts = Attempts
admin-webhooks-col-details = Details
admin-webhooks-older = Older deliveries →
admin-webhooks-request-attempts = Request and attempts
admin-webhooks-attempt = { $at }: { $outcome } in { $ms } ms
admin-webhooks-send-again = Send again

# Webhook states, events and sources (app/src/ssr/integrations.rs).
admin-endpoint-enabled = Enabled
admin-endpoint-disabled = Disabled { $when } ({ $reason })
admin-endpoint-no-reason = no reason given
admin-event-availability-changed = Availability changed: stock of products at locations moved
admin-event-transfer = Transfers: every change of state
admin-event-purchase-order = Purchase orders: every change of state, and the supplier's answers
admin-event-exception-opened = Exceptions: one was opened
admin-source-standard = Standard Webhooks, stock levels (any system)
admin-source-shopify = Shopify inventory levels (inventory_levels/update)
admin-delivery-delivered = Delivered
admin-delivery-retrying = Retrying (next try { $when })
admin-delivery-sending = Sending
admin-delivery-failed = Failed: { $error }
admin-delivery-no-answer = no answer

# Imports and exports (app/src/pages/operator/imports.rs).
admin-imports-heading = Imports and exports
admin-imports-import-heading = Import a CSV file
admin-imports-kind = What the file holds
admin-imports-file = File (CSV, UTF-8, first line naming the columns; up to 100,000 rows)
admin-imports-check = Check the file
admin-imports-check-note = The file is checked first: you see every problem by row and column, and what would change, before anything does.
admin-imports-recent = Recent imports
admin-imports-empty = No imports yet. Upload a file above: it is checked first, and nothing changes until you apply it.
admin-imports-col-file = File
admin-imports-col-holds = Holds
admin-imports-col-uploaded = Uploaded
admin-imports-export-heading = Export as CSV
admin-imports-export-intro = Products, locations, suppliers, stock counts and policies come out in the shape their import takes: export, edit, import back.
admin-imports-problems = Problems
admin-imports-problems-note = Correct these in the file and upload it again; nothing of it can be applied until then.
admin-imports-col-row = Row
admin-imports-col-column = Column
admin-imports-col-problem = Problem
admin-imports-col-what = What
admin-imports-col-fields = Fields
admin-imports-more-problems = { $n ->
    [one] … and { $n } more problem.
   *[other] … and { $n } more problems.
}
admin-imports-no-change = No row would change anything.
admin-imports-more-rows = { $n ->
    [one] … and { $n } more row.
   *[other] … and { $n } more rows.
}
admin-imports-rows = { $n ->
    [one] { $n } row
   *[other] { $n } rows
}
admin-imports-summary = { $rows }: { $new } new, { $changed } changed, { $unchanged } the same.
admin-imports-what-would-change = What would change
admin-imports-rows-checked = Rows checked
admin-imports-apply-confirm = Apply every row above (all or none)
admin-imports-apply = Apply the file
admin-imports-back = ← Imports and exports

# An import's state, kinds and exports (app/src/ssr/imports.rs).
admin-import-checking-rows = Checking: { $done } of { $total } rows
admin-import-checking = Checking
admin-import-checked = Checked: ready to apply
admin-import-invalid = Has problems: nothing can be applied
admin-import-applying = Applying { $total } rows, all or none
admin-import-applied = Applied { $when }
admin-import-failed = Failed: nothing was applied
admin-import-kind-products = Products
admin-import-kind-locations = Locations
admin-import-kind-suppliers = Suppliers
admin-import-kind-stock-counts = Stock counts
admin-import-kind-policies = Replenishment policies
admin-import-kind-columns = { $kind } (columns: { $required })
admin-import-kind-columns-optional = { $kind } (columns: { $required }; optional: { $optional })
admin-import-action-new = new
admin-import-action-change = change
admin-export-products = Products
admin-export-locations = Locations
admin-export-suppliers = Suppliers
admin-export-stock-counts = Stock counts (on hand)
admin-export-policies = Replenishment policies
admin-export-positions = Stock positions (all figures)
admin-export-transfers = Transfers
admin-export-purchase-orders = Purchase orders (one row per line)
