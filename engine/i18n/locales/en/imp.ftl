# Problems an import check records by row and column (engine/src/imports), each shown
# after its column's name; why an import failed.

## A cell or a row of an imported file.
imp-required = is required
imp-too-long = must be at most { $max } characters
imp-control-characters = must not contain control characters
imp-not-whole = must be a whole number, not '{ $value }'
imp-between = must be between { $lo } and { $hi }
imp-location-kind = must be dc or store
imp-email = must be an e-mail address
imp-true-false = must be true or false
imp-method = must be reorder_point, min_max or forecast
imp-service-z = must be a number from 0 to { $most }
imp-service-level = must be a percentage from 50 to 99.9

## The file's first line, and whole rows.
imp-header-unreadable = the first line could not be read: { $detail }
imp-not-a-column = is not a column of this file (expected: { $columns })
imp-named-twice = is named twice
imp-column-missing = is missing from the first line
imp-too-many-rows = a file may hold at most { $most } rows: split it
imp-row-unreadable = could not be read: { $detail }
imp-row-fields = has { $fields } fields, the first line names { $names }
imp-row-repeats = repeats { $key } from an earlier row
imp-no-rows = the file has no rows after the first line

## What a row names that the tenant does not have.
imp-no-supplier = no supplier has the code { $code }
imp-no-location = no location has the code { $code }
imp-no-sku = no product has the SKU { $sku }
imp-no-class = no product has the class { $class } (use * for every class)

## Why nothing was applied.
imp-failure-check = the file could not be checked: { $detail }. Nothing was applied: upload it again
imp-failure-apply = the file could not be applied: { $detail }. Nothing was applied: upload it again
imp-failure-changed = the tenant's data changed since the check, so the file would no longer change what was shown: nothing was applied. Upload it again to check it anew
imp-failure-refused = { $reason }: nothing was applied
imp-failure-refused-sentence = { $reason } Nothing was applied.

