-- On order never goes below zero (`store::positions::move_stock_tx`). Before, a receipt
-- event followed by cancelling, declining or shipping the order could leave it
-- negative, and the policy would buy those units again; repair such rows. The nightly
-- full sweep checks every position against the repaired figure.
UPDATE stock_positions SET on_order = 0 WHERE on_order < 0;
